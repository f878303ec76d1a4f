// MAX_ANSWER_CHARS: a provider that answers megabytes is read up to the limit and no further, on every path;
// its candidate says it was cut, and every response stays bounded.
import t from 'tap'
import type { Candidate } from '../../schemas/ask.js'
import { ANSWERS, QUESTION, rig, type ProviderId } from './resilience-helper.js'

/** About 5 MB of long words, as in the fault catalogue; streamed one event per word (about 5,000 of them). */
const WORD = 'Containerisation'.repeat(60) + '-layers '
const HUGE = WORD.repeat(Math.ceil(5_000_000 / WORD.length))
/** Streams come a few milliseconds per event, as a model would send them: read to the end, one would take many seconds. */
const STREAMED = { text: HUGE, tokenDelayMs: 5 }
/** Room for the stub to stream past the limit on a busy machine. */
const ROOMY = { PROVIDER_TIMEOUT_MS: '15000', ASK_TIMEOUT_MS: '20000' }
const LIMIT = 32_000

const candidateOf = (candidates: Candidate[], id: ProviderId): Candidate => {
  const found = candidates.find(c => c.provider === id)
  if (found === undefined) throw new Error(`no candidate for ${id}`)
  return found
}

t.test('the default limit is 32,000 characters and can be set', async t => {
  const { loadConfig } = await import('../../src/config.js')
  t.equal(loadConfig({}).maxAnswerChars, LIMIT)
  t.equal(loadConfig({ MAX_ANSWER_CHARS: '5000' }).maxAnswerChars, 5000)
  t.throws(() => loadConfig({ MAX_ANSWER_CHARS: 'lots' }), /MAX_ANSWER_CHARS must be/)
})

t.test('a 5 MB whole answer: reading stops at the byte bound, the candidate is a truncated error, the healthy answer wins', async t => {
  const r = await rig(t)
  r.stub('openai').setBehaviour({ text: HUGE })
  const res = await r.app.inject({ method: 'POST', url: '/api/ask', payload: { question: QUESTION } })
  t.equal(res.statusCode, 200)
  t.ok(res.body.length < 20_000, `the response is ${res.body.length} bytes`)
  const body = res.json()
  const openai = candidateOf(body.candidates, 'openai')
  t.equal(openai.status, 'error')
  t.equal(openai.error?.type, 'truncated')
  t.match(openai.error?.message, /MAX_ANSWER_CHARS/)
  t.equal(openai.attempts, 1, 'an oversized answer is not asked for again')
  t.not(body.answer, '', 'another provider answered')
})

t.test('an answer past the limit but within the byte bound is kept up to the limit and marked truncated', async t => {
  const r = await rig(t, { MAX_ANSWER_CHARS: '1000' })
  const long = 'Kubernetes schedules containers across a cluster of machines. '.repeat(40)
  r.stub('openai').setBehaviour({ text: long })
  const res = await r.app.inject({ method: 'POST', url: '/api/ask', payload: { question: QUESTION } })
  const openai = candidateOf(res.json().candidates, 'openai')
  t.equal(openai.status, 'ok')
  t.equal(openai.text.length, 1000)
  t.ok(long.startsWith(openai.text))
  t.equal(openai.finishReason, 'length')
  t.ok(openai.flags.includes('truncated'), 'flagged truncated')
  t.same(openai.error, { type: 'truncated', message: 'answer cut at 1000 characters (MAX_ANSWER_CHARS); the rest was not read' })
})

t.test('5 MB streamed by every provider: each stream is closed at the limit, tokens and candidates stay bounded', async t => {
  const r = await rig(t, ROOMY)
  for (const id of ['openai', 'gemini', 'huggingface'] as const) r.stub(id).setBehaviour(STREAMED)
  const res = await r.app.inject({ method: 'POST', url: '/api/ask', headers: { accept: 'text/event-stream' }, payload: { question: QUESTION } })
  t.equal(res.statusCode, 200)
  // Three candidates and the answer repeating their text, tokens once more: a few times 32,000 characters, not 15 MB.
  t.ok(res.body.length < 12 * LIMIT, `the event stream is ${res.body.length} bytes`)
  const events = res.body.split('\n\n').filter(e => e.startsWith('event: '))
  const tokenEvents = events.filter(e => e.startsWith('event: token'))
  t.ok(tokenEvents.length < 1000, `${tokenEvents.length} token events for up to ${3 * LIMIT} characters`)
  const answerEvent = events.find(e => e.startsWith('event: answer'))
  const answer = JSON.parse(answerEvent!.slice(answerEvent!.indexOf('data: ') + 6))
  for (const id of ['openai', 'gemini', 'huggingface'] as const) {
    const c = candidateOf(answer.candidates, id)
    t.equal(c.status, 'ok', `${id} kept its answer`)
    t.equal(c.text.length, LIMIT, `${id}: cut at the limit`)
    t.ok(c.flags.includes('truncated'), `${id}: flagged truncated`)
    t.match(c.error?.message, /answer cut at 32000 characters/)
    const [request] = r.stub(id).requests
    const closed = await r.stub(id).waitForClose(request!)
    t.equal(closed.clientAborted, true, `${id}: the stream was closed, not read to its end`)
  }
  const streamed = tokenEvents.map(e => JSON.parse(e.slice(e.indexOf('data: ') + 6)) as { provider: string, text: string })
  for (const id of ['openai', 'gemini', 'huggingface']) {
    const total = streamed.filter(s => s.provider === id).reduce((n, s) => n + s.text.length, 0)
    t.ok(total <= LIMIT, `${id}: ${total} characters of tokens`)
  }
  // The service is still itself afterwards.
  for (const id of ['openai', 'gemini', 'huggingface'] as const) r.stub(id).setBehaviour({ text: ANSWERS[id] })
  const after = await r.app.inject({ method: 'POST', url: '/api/ask', payload: { question: QUESTION } })
  t.equal(after.statusCode, 200)
})

t.test('the OpenAI-compatible stream of the ensemble over two 5 MB answers stays bounded and in few chunks', async t => {
  const r = await rig(t, ROOMY)
  r.stub('openai').setBehaviour(STREAMED)
  r.stub('huggingface').setBehaviour(STREAMED)
  const res = await r.app.inject({ method: 'POST', url: '/v1/chat/completions', payload: { model: 'iscoolgpt', stream: true, messages: [{ role: 'user', content: QUESTION }] } })
  t.equal(res.statusCode, 200)
  const chunks = res.body.split('\n\n').filter(e => e.startsWith('data: {'))
  t.ok(res.body.length < 4 * LIMIT, `the stream is ${res.body.length} bytes`)
  t.ok(chunks.length < 1000, `${chunks.length} chunks`)
  t.match(res.body, /data: \[DONE\]/)
})
