// Faults of streamed answers: slow first token, cut and stalled streams, malformed events, missing terminators.
// A broken stream may have shown some text already; that text must never become (part of) the answer.
import t, { type Test } from 'tap'
import type { AskResponse, Candidate } from '../../schemas/ask.js'
import type { AnswerBehaviour, Behaviour, StubServer } from '../stubs/stub-server.js'
import { ANSWERS, QUESTION, slack, holds, rig, servesAfterwards, type ProviderId, type Rig } from './resilience-helper.js'

const LIMITS = { STREAM_FIRST_TOKEN_MS: '300', STREAM_IDLE_MS: '300' }
const IDS: ProviderId[] = ['openai', 'gemini', 'huggingface']

/** A fault preset of the stub, answering with this provider's own wording. */
function preset (stub: StubServer, name: string, text: string): AnswerBehaviour {
  return { ...(stub.presets[name]!.behaviour as AnswerBehaviour), text }
}

interface Streamed {
  body: AskResponse
  elapsedMs: number
  /** The text each provider streamed, as the client saw it in token events. */
  tokens: Record<string, string>
  candidate: (id: string) => Candidate
}

async function askStreaming (r: Rig, input: Record<string, unknown> = {}, stream = true): Promise<Streamed> {
  const tokens: Record<string, string> = {}
  const started = performance.now()
  const body = await r.app.askService.ask('stream-test', { question: QUESTION, ...input }, {
    signal: new AbortController().signal,
    stream,
    onToken: (provider, text) => { tokens[provider] = (tokens[provider] ?? '') + text }
  })
  return {
    body,
    elapsedMs: performance.now() - started,
    tokens,
    candidate: id => {
      const found = body.candidates.find(c => c.provider === id)
      if (found === undefined) throw new Error(`no candidate for ${id}`)
      return found
    }
  }
}

/** A broken stream's partial text was shown as tokens, but the candidate carries no text and the answer is someone else's. */
function partialNeverPresented (t: Test, s: Streamed, id: ProviderId): void {
  const partial = s.tokens[id] ?? ''
  t.ok(partial.length > 0 && ANSWERS[id].startsWith(partial) && partial !== ANSWERS[id], `${id} had streamed part of its answer ("${partial.trim()}")`)
  const c = s.candidate(id)
  t.equal(c.text, '', `${id}: the candidate holds no partial text`)
  t.not(c.filtered, null, `${id}: left out of the answer`)
  t.not(s.body.chosen?.provider, id, `${id}: not chosen`)
  t.ok(IDS.filter(p => p !== id).some(p => s.body.answer === ANSWERS[p]), 'the answer is a healthy provider\'s complete answer')
}

t.test('healthy streams: each provider\'s tokens add up to its answer', async t => {
  // The default limits: with the short ones a busy machine alone can delay a first token past 300 ms and cause a retry.
  const r = await rig(t)
  const s = await askStreaming(r)
  for (const id of IDS) {
    t.equal(s.candidate(id).status, 'ok')
    t.equal(s.tokens[id], ANSWERS[id], `${id} streamed its whole answer`)
    t.equal(s.candidate(id).text, ANSWERS[id])
    t.equal(r.stub(id).requests.length, 1)
  }
})

t.test('slow first token: the attempt is dropped at the first-token limit and retried', async t => {
  const r = await rig(t, LIMITS)
  r.stub('openai').enqueue({ text: ANSWERS.openai, firstTokenDelayMs: 2000 })
  r.stub('gemini').setBehaviour({ text: ANSWERS.gemini, firstTokenDelayMs: 2000 })
  const s = await askStreaming(r)

  const openai = s.candidate('openai')
  t.equal(openai.status, 'ok', 'openai: the retry streamed in time')
  t.equal(openai.attempts, 2)
  t.equal(s.tokens.openai, ANSWERS.openai, 'only the retry\'s tokens reached the client')
  const gemini = s.candidate('gemini')
  t.match(gemini, { status: 'timeout', attempts: 3, error: { type: 'timeout', message: /no first token within 300 ms/ } })
  t.equal(r.stub('gemini').requests.length, 3, 'three attempts, not more')
  t.equal(s.tokens.gemini, undefined, 'nothing of gemini reached the client')

  for (const id of ['openai', 'gemini'] as const) {
    const stub = r.stub(id)
    const held = await holds(stub)
    const slow = id === 'openai' ? [0] : [0, 1, 2]
    for (const i of slow) {
      t.ok(stub.requests[i]?.clientAborted, `${id} attempt ${i + 1} was closed`)
      t.ok(held[i]! > 200 && held[i]! < 300 + slack(), `${id} attempt ${i + 1} held ${held[i]!.toFixed(0)} ms (limit 300 ms)`)
    }
  }
  // Three first-token limits and two back-off windows of at most 100 and 200 ms.
  t.ok(s.elapsedMs < 3 * 300 + 300 + 2 * slack(), `answered in ${s.elapsedMs.toFixed(0)} ms`)
  await servesAfterwards(t, r)
})

t.test('stream cut mid-answer: truncated, not retried, partial text never used', async t => {
  const r = await rig(t, LIMITS)
  for (const round of [['openai', 'huggingface'], ['gemini']] as ProviderId[][]) {
    for (const id of IDS) {
      r.stub(id).reset()
      r.stub(id).setBehaviour(round.includes(id) ? { text: ANSWERS[id], cutAfterChunks: 4, tokenDelayMs: 5 } : { text: ANSWERS[id] })
    }
    const s = await askStreaming(r)
    for (const id of round) {
      t.match(s.candidate(id), { status: 'error', attempts: 1, error: { type: 'truncated' } }, `${id}: truncated after one attempt`)
      t.equal(r.stub(id).requests.length, 1, `${id}: no retry of a cut answer`)
      partialNeverPresented(t, s, id)
    }
    t.ok(s.elapsedMs < 2 * slack(), `answered in ${s.elapsedMs.toFixed(0)} ms`)
  }
  await servesAfterwards(t, r)
})

t.test('stream stalls with the connection open: dropped at the idle limit as truncated, socket closed', async t => {
  const r = await rig(t, LIMITS)
  for (const id of ['gemini', 'huggingface'] as const) r.stub(id).setBehaviour(preset(r.stub(id), 'stall', ANSWERS[id]))
  const s = await askStreaming(r)
  for (const id of ['gemini', 'huggingface'] as const) {
    t.match(s.candidate(id), { status: 'error', attempts: 1, error: { type: 'truncated', message: /stalled: no event for 300 ms/ } }, `${id}: truncated at the idle limit`)
    partialNeverPresented(t, s, id)
    const [held] = await holds(r.stub(id))
    t.ok(r.stub(id).requests[0]?.clientAborted, `${id}: the stalled connection was closed`)
    t.ok(held! >= 290 && held! < 300 + slack(), `${id}: held ${held!.toFixed(0)} ms (idle limit 300 ms)`)
  }
  t.equal(s.body.chosen?.provider, 'openai')
  t.ok(s.elapsedMs >= 290 && s.elapsedMs < 300 + 2 * slack(), `answered in ${s.elapsedMs.toFixed(0)} ms, not at the 4 s budget`)
  await servesAfterwards(t, r)
})

t.test('malformed event in the stream: invalid_response, not retried, partial text never used', async t => {
  const r = await rig(t, LIMITS)
  for (const round of [['openai', 'gemini'], ['huggingface']] as ProviderId[][]) {
    for (const id of IDS) {
      r.stub(id).reset()
      r.stub(id).setBehaviour(round.includes(id) ? { text: ANSWERS[id], malformedAfterChunks: 3, tokenDelayMs: 5 } : { text: ANSWERS[id] })
    }
    const s = await askStreaming(r)
    for (const id of round) {
      t.match(s.candidate(id), { status: 'error', attempts: 1, error: { type: 'invalid_response' } }, `${id}: invalid_response after one attempt`)
      t.equal(r.stub(id).requests.length, 1)
      partialNeverPresented(t, s, id)
    }
  }
  await servesAfterwards(t, r)
})

t.test('a stream that ends with its finish reason but without [DONE] is a complete answer', async t => {
  const r = await rig(t, LIMITS)
  for (const id of ['openai', 'huggingface'] as const) r.stub(id).setBehaviour(preset(r.stub(id), 'no-done', ANSWERS[id]))
  const s = await askStreaming(r)
  for (const id of ['openai', 'huggingface'] as const) {
    t.match(s.candidate(id), { status: 'ok', attempts: 1, text: ANSWERS[id], finishReason: 'stop', filtered: null }, `${id}: complete`)
  }
  t.ok(s.body.confidence > 0.5, 'three agreeing answers')
})

t.test('a stream that ends with neither finish reason nor [DONE] is truncated', async t => {
  const r = await rig(t, LIMITS)
  for (const id of ['openai', 'gemini'] as const) r.stub(id).setBehaviour(preset(r.stub(id), 'no-finish', ANSWERS[id]))
  const s = await askStreaming(r)
  for (const id of ['openai', 'gemini'] as const) {
    t.match(s.candidate(id), { status: 'error', attempts: 1, error: { type: 'truncated', message: /finish reason/ } }, `${id}: truncated`)
    t.equal(s.tokens[id], ANSWERS[id], `${id}: every token arrived, yet without a finish reason the answer is not known to be whole`)
    t.equal(s.candidate(id).text, '')
  }
  t.equal(s.body.chosen?.provider, 'huggingface')
  t.equal(s.body.answer, ANSWERS.huggingface)
  await servesAfterwards(t, r)
})

/** Replies that hold no answer at all: the same class (invalid_response) whether the call was streamed or not. */
const NO_ANSWER: Record<string, (id: ProviderId) => Behaviour> = {
  'a 200 HTML page': () => ({ type: 'raw', status: 200, body: '<!doctype html><html><body><h1>Welcome to nginx!</h1></body></html>', headers: { 'content-type': 'text/html; charset=utf-8' } }),
  'a stream of empty choices': id => ({
    type: 'raw',
    status: 200,
    headers: { 'content-type': id === 'gemini' ? 'text/event-stream' : 'text/event-stream; charset=utf-8' },
    body: id === 'gemini'
      ? 'data: {"candidates":[],"modelVersion":"gemini-2.5-flash"}\r\n\r\ndata: {"candidates":[]}\r\n\r\n'
      : 'data: {"id":"x","object":"chat.completion.chunk","created":1,"model":"m","choices":[]}\n\ndata: {"id":"x","object":"chat.completion.chunk","created":1,"model":"m","choices":[]}\n\ndata: [DONE]\n\n'
  })
}

t.test('no answer at all is invalid_response on streams too, as on whole calls', async t => {
  const r = await rig(t, LIMITS)
  for (const [fault, behaviour] of Object.entries(NO_ANSWER)) {
    // A stream of empty choices is an event stream: asked for a whole reply, that is as much a non-answer.
    for (const [streamed, failing] of [[true, ['openai', 'gemini']], [true, ['huggingface']], [false, ['openai', 'gemini']], [false, ['huggingface']]] as Array<[boolean, ProviderId[]]>) {
      for (const id of IDS) {
        r.stub(id).reset()
        r.stub(id).setBehaviour(failing.includes(id) ? behaviour(id) : { text: ANSWERS[id] })
      }
      const s = await askStreaming(r, {}, streamed)
      for (const id of failing) {
        t.match(s.candidate(id), { status: 'error', error: { type: 'invalid_response' } }, `${fault}, ${streamed ? 'streamed' : 'whole'}: ${id} says invalid_response`)
      }
    }
  }
})

t.test('through the SSE route: a cut stream\'s tokens were shown, its candidate says truncated, the answer is another provider\'s', async t => {
  const r = await rig(t, LIMITS)
  r.stub('huggingface').setBehaviour({ text: ANSWERS.huggingface, cutAfterChunks: 4, tokenDelayMs: 5 })
  const res = await r.app.inject({ method: 'POST', url: '/api/ask', headers: { accept: 'text/event-stream' }, payload: { question: QUESTION } })
  t.equal(res.statusCode, 200)
  t.match(res.headers['content-type'], /text\/event-stream/)
  const events = res.body.split('\n\n').filter(block => block.startsWith('event:')).map(block => {
    const name = /^event: (.+)$/m.exec(block)?.[1]
    const data = /^data: (.+)$/m.exec(block)?.[1]
    return { name, data: JSON.parse(data ?? 'null') }
  })
  const partial = events.filter(e => e.name === 'token' && e.data.provider === 'huggingface').map(e => e.data.text).join('')
  t.ok(partial.length > 0 && ANSWERS.huggingface.startsWith(partial) && partial !== ANSWERS.huggingface, `the client saw part of the cut answer ("${partial.trim()}")`)
  const candidate = events.find(e => e.name === 'candidate' && e.data.provider === 'huggingface')
  t.match(candidate?.data, { status: 'error', attempts: 1, text: '', error: { type: 'truncated' } }, 'its candidate event says it was cut')
  const answer = events.at(-1)
  t.equal(answer?.name, 'answer', 'the answer is the last event')
  t.not(answer?.data.chosen.provider, 'huggingface')
  t.ok([ANSWERS.openai, ANSWERS.gemini].includes(answer?.data.answer), 'the answer is a healthy provider\'s complete answer')
  t.match(answer?.data.candidates.find((c: Candidate) => c.provider === 'huggingface'), { text: '', filtered: String })
  t.equal(r.stub('huggingface').requests.length, 1, 'a cut stream is not asked again')
})
