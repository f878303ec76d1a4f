// POST /api/ask as server-sent events, read with fetch from a listening server whose providers are the local stubs.
import t from 'tap'
import { once } from 'node:events'
import { request as httpRequest, type IncomingMessage } from 'node:http'
import type { FastifyInstance } from 'fastify'
import { build } from '../helper.js'
import { startStubs, type Stubs } from '../stub-env.js'
import { collectSse, readSse, type SseFrame } from './sse-reader.js'
import type { BuildOptions } from '../../src/app.js'

const QUESTION = 'What is the advantage of using Docker containers?'
const ANSWERS = {
  openai: 'Docker containers package an application with its dependencies, so it runs the same everywhere and starts in seconds.',
  gemini: 'The main advantage of Docker containers is that an application ships with its dependencies, so it runs the same everywhere.',
  huggingface: 'Using Docker containers, the application and its dependencies are packaged together and run the same way everywhere.'
}

async function serve (t: Parameters<typeof build>[0], env: Record<string, string>, options: BuildOptions = {}): Promise<{ app: FastifyInstance, url: string }> {
  const app = await build(t, env, options)
  await app.listen({ port: 0, host: '127.0.0.1' })
  const { port } = app.server.address() as { port: number }
  return { app, url: `http://127.0.0.1:${port}` }
}

async function askStream (url: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return await fetch(`${url}/api/ask`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'text/event-stream', ...headers },
    body: JSON.stringify(body)
  })
}

const named = (frames: SseFrame[]): SseFrame[] => frames.filter(f => f.event !== null)
const dataOf = (frame: SseFrame | undefined): any => JSON.parse(frame?.data ?? 'null')

/** Tokens come a few milliseconds apart, as a model generates them: the stream relays them as they come. */
function answerAll (stubs: Stubs, delays: { openai: number, gemini: number, huggingface: number }): void {
  stubs.openai.setBehaviour({ text: ANSWERS.openai, headersDelayMs: delays.openai, tokenDelayMs: 5, usage: { promptTokens: 30, completionTokens: 20 } })
  stubs.gemini.setBehaviour({ text: ANSWERS.gemini, headersDelayMs: delays.gemini, tokenDelayMs: 5, usage: { promptTokens: 30, completionTokens: 20 } })
  stubs.hf.setBehaviour({ text: ANSWERS.huggingface, headersDelayMs: delays.huggingface, tokenDelayMs: 5, usage: { promptTokens: 30, completionTokens: 20 } })
}

t.test('start, tokens, one candidate per provider in the order they finish, answer last', async t => {
  const stubs = await startStubs(t)
  const { url } = await serve(t, stubs.env)
  // The first call of each SDK pays for loading and connecting; the order below is about the providers' own delays.
  answerAll(stubs, { openai: 0, gemini: 0, huggingface: 0 })
  await collectSse((await askStream(url, { question: 'warm up' })).body)
  stubs.openai.reset()
  stubs.gemini.reset()
  stubs.hf.reset()

  for (const order of [['openai', 'gemini', 'huggingface'], ['huggingface', 'openai', 'gemini']] as const) {
    const delays = Object.fromEntries(order.map((id, i) => [id, i * 400])) as { openai: number, gemini: number, huggingface: number }
    answerAll(stubs, delays)
    const res = await askStream(url, { question: `${QUESTION} (${order[0]} first)` }, { 'x-request-id': `order-${order[0]}` })
    t.equal(res.status, 200)
    t.match(res.headers.get('content-type'), /^text\/event-stream/)
    t.equal(res.headers.get('cache-control'), 'no-cache')
    t.equal(res.headers.get('x-accel-buffering'), 'no')
    t.equal(res.headers.get('x-request-id'), `order-${order[0]}`, 'the request id header survives the stream')

    const events = named(await collectSse(res.body))
    t.equal(events[0]?.event, 'start', 'start comes first')
    t.same(dataOf(events[0]), { id: `order-${order[0]}`, providers: ['openai', 'gemini', 'huggingface'] })
    t.equal(events.at(-1)?.event, 'answer', 'answer comes last')
    t.same(events.map(e => e.event).filter(e => e !== 'token'), ['start', 'candidate', 'candidate', 'candidate', 'answer'])

    const candidates = events.filter(e => e.event === 'candidate').map(dataOf)
    // The order the stubs finished sending in: the delays set it 400 ms apart, but a loaded machine can hold one
    // provider's stream up for longer than that, and the candidates must then follow what really happened.
    const finishedAt = { openai: stubs.openai.requests.at(-1)?.closedAt, gemini: stubs.gemini.requests.at(-1)?.closedAt, huggingface: stubs.hf.requests.at(-1)?.closedAt }
    const finished = (Object.keys(finishedAt) as Array<keyof typeof finishedAt>).sort((a, b) => (finishedAt[a] ?? Infinity) - (finishedAt[b] ?? Infinity))
    t.same(candidates.map(c => c.provider), finished, `candidates arrive as providers finish: ${finished.join(', ')} (delays set for ${order.join(', ')})`)
    for (const c of candidates) {
      t.equal(c.status, 'ok')
      t.equal(c.text, ANSWERS[c.provider as keyof typeof ANSWERS])
      t.same(c.usage, { promptTokens: 30, completionTokens: 20, costUsd: c.usage.costUsd })
    }

    // Each provider's tokens arrive before its candidate and add up to its answer.
    for (const id of order) {
      const candidateAt = events.findIndex(e => e.event === 'candidate' && dataOf(e).provider === id)
      const tokens = events.map((e, i) => ({ e, i })).filter(({ e }) => e.event === 'token' && dataOf(e).provider === id)
      t.ok(tokens.length > 1, `${id} streamed ${tokens.length} tokens`)
      t.ok(tokens.every(({ i }) => i < candidateAt), `${id}'s tokens precede its candidate`)
      t.equal(tokens.map(({ e }) => dataOf(e).text).join(''), ANSWERS[id])
    }

    const answer = dataOf(events.at(-1))
    t.equal(answer.id, `order-${order[0]}`)
    t.ok(Object.values(ANSWERS).includes(answer.answer), 'the answer is one of the candidates')
    t.equal(answer.candidates.length, 3)
    t.ok(answer.candidates.every((c: { scores: unknown }) => c.scores !== null), 'the answer carries the scored candidates')
    t.same(answer.usage.promptTokens, 90)
    stubs.openai.reset()
    stubs.gemini.reset()
    stubs.hf.reset()
  }
})

t.test('the same request without the event-stream Accept header gets one JSON answer', async t => {
  const stubs = await startStubs(t)
  answerAll(stubs, { openai: 0, gemini: 0, huggingface: 0 })
  const app = await build(t, stubs.env)
  for (const accept of ['application/json', 'text/event-stream;q=0, application/json', '*/*']) {
    const res = await app.inject({ method: 'POST', url: '/api/ask', headers: { accept }, payload: { question: QUESTION } })
    t.equal(res.statusCode, 200, accept)
    t.match(res.headers['content-type'], /^application\/json/, `${accept}: JSON`)
    t.equal(res.json().candidates.length, 3)
  }
  const preferred = await app.inject({ method: 'POST', url: '/api/ask', headers: { accept: 'application/json;q=0.5, TEXT/EVENT-STREAM' }, payload: { question: QUESTION } })
  t.match(preferred.headers['content-type'], /^text\/event-stream/, 'listing text/event-stream among others asks for the stream')
})

t.test('problems found before the stream begins are ordinary problem responses', async t => {
  const stubs = await startStubs(t)
  const { url } = await serve(t, stubs.env)

  const invalid = await askStream(url, { question: '' })
  t.equal(invalid.status, 400)
  t.match(invalid.headers.get('content-type'), /^application\/problem\+json/)
  const problem = await invalid.json() as { errors: Array<{ field: string }> }
  t.equal(problem.errors[0]?.field, 'body/question')

  const extra = await askStream(url, { question: QUESTION, stream: true })
  t.equal(extra.status, 400, 'unknown fields are rejected before any event')
  t.match(((await extra.json()) as { errors: Array<{ field: string }> }).errors[0]?.field, 'body/stream')

  const unknown = await askStream(url, { question: QUESTION, providers: ['claude'] })
  t.equal(unknown.status, 400)
  t.match(((await unknown.json()) as { detail: string }).detail, /claude/)

  const blank = await askStream(url, { question: '   ' })
  t.equal(blank.status, 400, 'a blank question is refused by the service before any event')

  const none = await serve(t, {})
  const noProviders = await askStream(none.url, { question: QUESTION })
  t.equal(noProviders.status, 503)
  t.match(noProviders.headers.get('content-type'), /^application\/problem\+json/)
  t.equal(stubs.openai.requests.length + stubs.gemini.requests.length + stubs.hf.requests.length, 0, 'no provider was called')
})

t.test('a failure after the stream began is an error event carrying the problem', async t => {
  const stubs = await startStubs(t)
  stubs.openai.setBehaviour({ type: 'error', status: 400, body: { error: { message: 'bad', type: 'invalid_request_error' } } })
  stubs.gemini.setBehaviour({ type: 'error', status: 403, body: { error: { code: 403, message: 'denied', status: 'PERMISSION_DENIED' } } })
  stubs.hf.setBehaviour({ type: 'reset' })
  const { url } = await serve(t, stubs.env)
  const res = await askStream(url, { question: QUESTION })
  t.equal(res.status, 200, 'the status was sent with the first event')
  const events = named(await collectSse(res.body))
  t.same(events.map(e => e.event), ['start', 'candidate', 'candidate', 'candidate', 'error'])
  t.same(events.filter(e => e.event === 'candidate').map(e => dataOf(e).status), ['error', 'error', 'error'])
  const problem = dataOf(events.at(-1))
  t.equal(problem.status, 502)
  t.equal(problem.type, 'urn:iscoolgpt:problem:all-providers-failed')
  t.same(Object.fromEntries(problem.providers.map((p: { provider: string, errorClass: string }) => [p.provider, p.errorClass])), { openai: 'bad_request', gemini: 'auth', huggingface: 'network' })
  t.notOk(events.some(e => e.event === 'answer'), 'no answer after an error')
})

t.test('ping comments keep a quiet stream alive', async t => {
  const stubs = await startStubs(t)
  answerAll(stubs, { openai: 400, gemini: 400, huggingface: 400 })
  const { url } = await serve(t, stubs.env, { ssePingIntervalMs: 50 })
  const frames = await collectSse((await askStream(url, { question: QUESTION })).body)
  const firstCandidate = frames.findIndex(f => f.event === 'candidate')
  const pings = frames.slice(0, firstCandidate).filter(f => f.comment === 'ping')
  t.ok(pings.length >= 3, `${pings.length} pings while the providers were quiet`)
  t.equal(named(frames).at(-1)?.event, 'answer')
  t.ok(frames.every(f => f.comment === undefined || f.data === null), 'a ping carries no data')
})

t.test('a client that goes away mid-stream aborts the upstream calls', async t => {
  const stubs = await startStubs(t)
  stubs.openai.setBehaviour({ text: ANSWERS.openai })
  stubs.gemini.setBehaviour({ text: ANSWERS.gemini, headersDelayMs: 10000 })
  stubs.hf.setBehaviour({ type: 'hang' })
  const { url } = await serve(t, stubs.env)
  // node:http without an agent: the socket is this request's alone, and destroying it is the client leaving.
  const req = httpRequest(`${url}/api/ask`, { method: 'POST', agent: false, headers: { 'content-type': 'application/json', accept: 'text/event-stream' } })
  req.on('error', () => {})
  req.end(JSON.stringify({ question: QUESTION }))
  const [res] = await once(req, 'response') as [IncomingMessage]
  t.equal(res.statusCode, 200)
  const seen: string[] = []
  try {
    for await (const frame of readSse(res)) {
      if (frame.event !== null) seen.push(frame.event)
      // One provider has answered; the other two are still working when the client leaves.
      if (frame.event === 'candidate') req.destroy()
    }
  } catch {
    // The body ends with an error once the socket is gone.
  }
  t.same(seen.filter(e => e !== 'token'), ['start', 'candidate'])
  t.equal(JSON.stringify(seen).includes('answer'), false, 'no answer reached a client that left')
  const [gemini] = await stubs.gemini.waitForRequests(1)
  const [hf] = await stubs.hf.waitForRequests(1)
  const started = performance.now()
  await Promise.all([stubs.gemini.waitForClose(gemini!), stubs.hf.waitForClose(hf!)])
  t.ok(performance.now() - started < 2000, 'the upstream sockets closed promptly')
  t.ok(gemini!.clientAborted, 'the slow Gemini call was aborted')
  t.ok(hf!.clientAborted, 'the hung Hugging Face call was aborted')
})

t.test('the OpenAPI document describes the stream next to the JSON answer', async t => {
  const app = await build(t)
  const doc = (await app.inject({ method: 'GET', url: '/docs/json' })).json()
  const ok = doc.paths['/api/ask'].post.responses['200']
  t.same(ok.content['application/json'].schema, { $ref: '#/components/schemas/AskResponse' })
  t.same(ok.content['text/event-stream'].schema, { $ref: '#/components/schemas/AskStreamEvent' })
  const events = doc.components.schemas.AskStreamEvent
  const refs = JSON.stringify(events)
  for (const name of ['StartEvent', 'TokenEvent', 'Candidate', 'AskResponse', 'Problem']) t.match(refs, `#/components/schemas/${name}`, `the ${name} payload is referenced`)
  t.match(doc.paths['/api/ask'].post.description, /text\/event-stream/)
})
