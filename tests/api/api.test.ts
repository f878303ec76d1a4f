// The HTTP API's surfaces: SSE streaming of /api/ask, the OpenAI-compatible facade, the generated client. One subtest
// per former file, in one process: tap starts each test file in a process of its own, and that start-up (TypeScript
// loader, process info, tap's plugins, the app's imports) cost more than most of these tests.
// One part alone: npx tap --disable-coverage --grep='^ask-stream$' tests/api/api.test.ts (the part's name is its former file's).
import t from 'tap'
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { request as httpRequest, type IncomingMessage } from 'node:http'
import { join } from 'node:path'
import type { FastifyInstance } from 'fastify'
import OpenAI from 'openai'
import { type AskResponse, createIsCoolGptClient, type Health, type Problem, type ProviderList } from '../../client/index.js'
import type { BuildOptions } from '../../src/app.js'
import { packageRoot } from '../../src/package-info.js'
import { build, isolateData, startServer } from '../helper.js'
import { collectSse, readSse, type SseFrame } from '../streaming/sse-reader.js'
import { startStubs, type Stubs } from '../stub-env.js'

t.test('ask-stream', async t => {
  // POST /api/ask as server-sent events, read with fetch from a listening server whose providers are the local stubs.
  isolateData(t)
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

  t.test('a reasoning model that thinks in its content: no token, candidate or answer carries the thinking', async t => {
    const stubs = await startStubs(t)
    const { url } = await serve(t, stubs.env)
    answerAll(stubs, { openai: 0, gemini: 0, huggingface: 0 })
    const thinking = '<think>\nThe student asks about Docker. Maybe mention that VMs take minutes to boot, then containers.\n</think>\n\n'
    stubs.hf.setBehaviour({ text: thinking + ANSWERS.huggingface, tokenDelayMs: 5 })
    const events = named(await collectSse((await askStream(url, { question: QUESTION })).body))
    const tokens = events.filter(e => e.event === 'token' && dataOf(e).provider === 'huggingface').map(e => dataOf(e).text as string)
    t.equal(tokens.join(''), ANSWERS.huggingface, 'the streamed tokens are the answer alone')
    const answer = dataOf(events.at(-1))
    t.equal(answer.candidates.find((c: { provider: string }) => c.provider === 'huggingface').text, ANSWERS.huggingface)
    t.notMatch(answer.answer, /think|VMs take minutes/)
  })

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
})

t.test('chat-completions', async t => {
  // The OpenAI-compatible facade with the official openai package as the client, against a listening server
  // whose providers are the local stubs.
  isolateData(t)
  const QUESTION = 'What is the advantage of using Docker containers?'
  const ANSWERS = {
    openai: 'Docker containers package an application with its dependencies, so it runs the same everywhere and starts in seconds.',
    gemini: 'The main advantage of Docker containers is that an application ships with its dependencies, so it runs the same everywhere and starts in seconds.',
    huggingface: 'Using Docker containers, the application and its dependencies are packaged together: it runs the same way everywhere and starts in seconds.'
  }
  const USAGE = { promptTokens: 40, completionTokens: 25 }

  interface CompletionInfo {
    strategy: string
    confidence: number
    chosen: { provider: string, model: string } | null
    costUsd: number
    candidates: Array<{ provider: string, status: string, score: number | null, filtered: string | null }>
  }
  const infoOf = (value: unknown): CompletionInfo => (value as { iscoolgpt: CompletionInfo }).iscoolgpt

  async function serve (t: Parameters<typeof build>[0], env: Record<string, string>): Promise<{ app: FastifyInstance, url: string, client: OpenAI }> {
    const app = await build(t, env)
    await app.listen({ port: 0, host: '127.0.0.1' })
    const { port } = app.server.address() as { port: number }
    const url = `http://127.0.0.1:${port}`
    // No retries: a test sees every status the facade answers with.
    return { app, url, client: new OpenAI({ apiKey: 'not-checked-without-API_KEYS', baseURL: `${url}/v1`, maxRetries: 0 }) }
  }

  function answerAll (stubs: Stubs, extra: { tokenDelayMs?: number } = {}): void {
    stubs.openai.setBehaviour({ text: ANSWERS.openai, usage: USAGE, ...extra })
    stubs.gemini.setBehaviour({ text: ANSWERS.gemini, usage: USAGE, ...extra })
    stubs.hf.setBehaviour({ text: ANSWERS.huggingface, usage: USAGE, ...extra })
  }

  t.test('iscoolgpt: one consolidated chat.completion with summed usage and the iscoolgpt field', async t => {
    const stubs = await startStubs(t)
    answerAll(stubs)
    const { client } = await serve(t, stubs.env)
    const completion = await client.chat.completions.create({
      model: 'iscoolgpt',
      messages: [
        { role: 'system', content: 'Answer in at most two sentences.' },
        { role: 'user', content: 'What is a virtual machine?' },
        { role: 'assistant', content: 'A virtual machine emulates a whole computer on a hypervisor.' },
        { role: 'user', content: QUESTION }
      ]
    })
    t.equal(completion.object, 'chat.completion')
    t.match(completion.id, /^chatcmpl-/)
    t.equal(completion.model, 'iscoolgpt')
    t.equal(completion.choices.length, 1)
    const [choice] = completion.choices
    t.equal(choice?.message.role, 'assistant')
    t.ok(Object.values(ANSWERS).includes(choice?.message.content ?? ''), 'the text is one of the providers\' answers')
    t.equal(choice?.finish_reason, 'stop')
    t.same(completion.usage, { prompt_tokens: 120, completion_tokens: 75, total_tokens: 195 }, 'usage sums the three providers')

    const info = infoOf(completion)
    t.ok(info.confidence > 0 && info.confidence <= 1, `confidence ${info.confidence}`)
    t.ok(info.chosen !== null && ANSWERS[info.chosen.provider as keyof typeof ANSWERS] === choice?.message.content, 'chosen names the provider whose answer was returned')
    t.same(info.candidates.map(c => c.provider).sort(), ['gemini', 'huggingface', 'openai'])
    t.ok(info.candidates.every(c => c.status === 'ok' && typeof c.score === 'number'))
    t.ok(info.costUsd > 0, 'priced models cost something')

    // The conversation reaches the providers: instructions after the tutor's, then the earlier turns, then the question.
    const sent = stubs.openai.requests[0]?.body as { messages: Array<{ role: string, content: string }> }
    t.equal(sent.messages[0]?.role, 'system')
    t.match(sent.messages[0]?.content, /tutor/)
    t.same(sent.messages.slice(1), [
      { role: 'system', content: 'Answer in at most two sentences.' },
      { role: 'user', content: 'What is a virtual machine?' },
      { role: 'assistant', content: 'A virtual machine emulates a whole computer on a hypervisor.' },
      { role: 'user', content: QUESTION }
    ])
    t.same((stubs.hf.requests[0]?.body as { messages: unknown[] }).messages.at(-1), { role: 'user', content: QUESTION })
  })

  t.test('iscoolgpt streamed: chunks carry the answer, then finish, usage and [DONE]', async t => {
    const stubs = await startStubs(t)
    answerAll(stubs)
    const { client } = await serve(t, stubs.env)

    const stream = await client.chat.completions.create({
      model: 'iscoolgpt',
      messages: [{ role: 'user', content: QUESTION }],
      stream: true,
      stream_options: { include_usage: true }
    })
    const chunks: OpenAI.Chat.Completions.ChatCompletionChunk[] = []
    for await (const chunk of stream) chunks.push(chunk)

    t.ok(chunks.length > 4, `${chunks.length} chunks`)
    t.equal(new Set(chunks.map(c => c.id)).size, 1, 'one id for the whole completion')
    t.ok(chunks.every(c => c.object === 'chat.completion.chunk' && c.model === 'iscoolgpt'))
    t.equal(chunks[0]?.choices[0]?.delta.role, 'assistant', 'the first chunk names the role')
    const text = chunks.map(c => c.choices[0]?.delta.content ?? '').join('')
    t.ok(Object.values(ANSWERS).includes(text), 'the deltas add up to one of the answers')
    const finishing = chunks.filter(c => c.choices[0]?.finish_reason !== null && c.choices[0]?.finish_reason !== undefined)
    t.equal(finishing.length, 1)
    t.equal(finishing[0]?.choices[0]?.finish_reason, 'stop')
    t.equal(infoOf(finishing[0]).chosen?.provider !== undefined, true, 'the finishing chunk carries the iscoolgpt field')
    const last = chunks.at(-1)
    t.same(last?.choices, [], 'the usage chunk has no choices')
    t.same(last?.usage, { prompt_tokens: 120, completion_tokens: 75, total_tokens: 195 })
    t.ok(chunks.slice(0, -1).every(c => c.usage === null), 'usage is null on the other chunks')

    // The same call through the SDK, read as the raw response: the wire format ends with data: [DONE].
    const raw = await client.chat.completions.create({ model: 'iscoolgpt', messages: [{ role: 'user', content: `${QUESTION} In one line.` }], stream: true }).asResponse()
    t.match(raw.headers.get('content-type'), /^text\/event-stream/)
    t.ok(raw.headers.get('x-request-id'), 'the request id is kept')
    const frames = await collectSse(raw.body)
    t.equal(frames.at(-1)?.data, '[DONE]', 'the stream ends with data: [DONE]')
    t.ok(frames.slice(0, -1).every(f => f.event === null && f.data !== null && JSON.parse(f.data).object === 'chat.completion.chunk'), 'unnamed data events of chunks before it')
    t.notOk(frames.some(f => f.data !== null && f.data !== '[DONE]' && JSON.parse(f.data).usage !== undefined), 'no usage without include_usage')
  })

  t.test('a single provider as the model: its own text, its own usage, streamed as it is generated', async t => {
    const stubs = await startStubs(t)
    answerAll(stubs)
    stubs.gemini.setBehaviour({ text: ANSWERS.gemini, usage: { promptTokens: 11, completionTokens: 22 }, tokenDelayMs: 40 })
    const { client } = await serve(t, stubs.env)

    const completion = await client.chat.completions.create({ model: 'gemini', messages: [{ role: 'user', content: QUESTION }] })
    t.equal(completion.model, 'gemini')
    t.equal(completion.choices[0]?.message.content, ANSWERS.gemini)
    t.same(completion.usage, { prompt_tokens: 11, completion_tokens: 22, total_tokens: 33 })
    t.same(infoOf(completion).candidates.map(c => c.provider), ['gemini'])
    t.equal(stubs.openai.requests.length + stubs.hf.requests.length, 0, 'no other provider was called')

    const started = performance.now()
    const arrivals: Array<{ at: number, text: string }> = []
    let usage: OpenAI.Completions.CompletionUsage | null | undefined
    // Another question: an answer already given could come back whole from the answer cache.
    const stream = await client.chat.completions.create({ model: 'gemini', messages: [{ role: 'user', content: `${QUESTION} Explain it step by step.` }], stream: true, stream_options: { include_usage: true } })
    for await (const chunk of stream) {
      const text = chunk.choices[0]?.delta.content
      if (typeof text === 'string' && text !== '') arrivals.push({ at: performance.now() - started, text })
      if (chunk.usage !== null && chunk.usage !== undefined) usage = chunk.usage
    }
    t.equal(arrivals.map(a => a.text).join(''), ANSWERS.gemini)
    t.ok(arrivals.length >= 10, `${arrivals.length} pieces`)
    const first = arrivals[0]?.at ?? 0
    const last = arrivals.at(-1)?.at ?? 0
    t.ok(last - first > 200, `the text arrived over ${Math.round(last - first)} ms, as Gemini produced it, not all at the end`)
    t.same(usage, { prompt_tokens: 11, completion_tokens: 22, total_tokens: 33 })

    const alias = await client.chat.completions.create({ model: 'iscoolgpt/huggingface', messages: [{ role: 'user', content: QUESTION }] })
    t.equal(alias.choices[0]?.message.content, ANSWERS.huggingface, 'iscoolgpt/<providerId> is the same as <providerId>')
  })

  t.test('iscoolgpt/<strategy> picks the strategy', async t => {
    const stubs = await startStubs(t)
    answerAll(stubs)
    const { client } = await serve(t, stubs.env)
    const best = await client.chat.completions.create({ model: 'iscoolgpt/best', messages: [{ role: 'user', content: QUESTION }] })
    t.equal(infoOf(best).strategy, 'best')
    t.equal(best.model, 'iscoolgpt/best')
    const fastest = await client.chat.completions.create({ model: 'iscoolgpt/fastest', messages: [{ role: 'user', content: QUESTION }] })
    t.equal(infoOf(fastest).strategy, 'fastest')
  })

  t.test('GET /v1/models lists the ensemble, each strategy and each provider', async t => {
    const stubs = await startStubs(t)
    const { client } = await serve(t, stubs.env)
    const ids: string[] = []
    for await (const model of client.models.list()) {
      ids.push(model.id)
      t.equal(model.object, 'model')
    }
    t.same(ids, [
      'iscoolgpt', 'iscoolgpt/auto', 'iscoolgpt/vote', 'iscoolgpt/consensus', 'iscoolgpt/best', 'iscoolgpt/synthesize', 'iscoolgpt/fastest', 'iscoolgpt/cascade',
      'openai', 'gemini', 'huggingface'
    ])
  })

  t.test('unsupported requests are refused with OpenAI errors the SDK raises', async t => {
    const stubs = await startStubs(t)
    answerAll(stubs)
    const { client } = await serve(t, stubs.env)
    const user = [{ role: 'user' as const, content: QUESTION }]

    const refused = async (params: Record<string, unknown>, status: number, param: string | null, code: string): Promise<void> => {
      const err = await client.chat.completions.create({ model: 'iscoolgpt', messages: user, ...params } as never).then(() => null, (e: unknown) => e)
      t.type(err, OpenAI.APIError, `${JSON.stringify(params).slice(0, 60)} raises`)
      const api = err as InstanceType<typeof OpenAI.APIError>
      t.equal(api.status, status)
      t.equal(api.param, param)
      t.equal(api.code, code)
      t.equal((api.error as { type?: string }).type, status === 404 ? 'not_found_error' : 'invalid_request_error')
      t.ok(api.message.length > 10, api.message)
    }
    await refused({ n: 2 }, 400, 'n', 'unsupported_parameter')
    await refused({ tools: [{ type: 'function', function: { name: 'lookup', parameters: {} } }] }, 400, 'tools', 'unsupported_parameter')
    await refused({ functions: [{ name: 'lookup', parameters: {} }] }, 400, 'functions', 'unsupported_parameter')
    await refused({ tool_choice: 'required' }, 400, 'tool_choice', 'unsupported_parameter')
    await refused({ response_format: { type: 'json_object' } }, 400, 'response_format', 'unsupported_parameter')
    await refused({ logprobs: true }, 400, 'logprobs', 'unsupported_parameter')
    await refused({ modalities: ['text', 'audio'] }, 400, 'modalities', 'unsupported_parameter')
    await refused({
      messages: [{ role: 'user', content: [{ type: 'text', text: 'What is in this diagram?' }, { type: 'image_url', image_url: { url: 'data:image/png;base64,AAAA' } }] }]
    }, 400, 'messages.0.content.1', 'unsupported_content')
    await refused({ messages: [...user, { role: 'tool', tool_call_id: 'call_1', content: '42' }] }, 400, 'messages.1.role', 'unsupported_parameter')
    await refused({
      messages: [...user, { role: 'assistant', content: null, tool_calls: [{ id: 'call_1', type: 'function', function: { name: 'lookup', arguments: '{}' } }] }, ...user]
    }, 400, 'messages.1.tool_calls', 'unsupported_parameter')
    await refused({ messages: [...user, { role: 'assistant', content: 'Because...' }] }, 400, 'messages.1.role', 'invalid_messages')
    await refused({ messages: [] }, 400, 'messages', 'validation')
    await refused({ messages: [{ role: 'user', content: 'x'.repeat(8001) }] }, 400, 'messages.0.content', 'invalid_messages')
    await refused({ model: 'gpt-4o' }, 404, 'model', 'model_not_found')
    t.equal(stubs.openai.requests.length + stubs.gemini.requests.length + stubs.hf.requests.length, 0, 'no provider was called for a refused request')

    const missing = await client.chat.completions.create({ messages: user } as never).then(() => null, (e: unknown) => e) as InstanceType<typeof OpenAI.APIError>
    t.equal(missing.status, 400)
    t.equal(missing.param, 'model')

    const blank = await client.chat.completions.create({ model: 'iscoolgpt', messages: [{ role: 'user', content: '   ' }] }).then(() => null, (e: unknown) => e) as InstanceType<typeof OpenAI.APIError>
    t.equal(blank.status, 400, 'a blank question is refused')
    t.equal(blank.param, 'messages.0.content')
  })

  t.test('harmless parameters are accepted and ignored', async t => {
    const stubs = await startStubs(t)
    answerAll(stubs)
    const { client } = await serve(t, stubs.env)
    const completion = await client.chat.completions.create({
      model: 'openai',
      messages: [{ role: 'developer', content: 'Be brief.' }, { role: 'user', content: [{ type: 'text', text: QUESTION }] }],
      temperature: 0.2,
      top_p: 0.9,
      max_tokens: 300,
      max_completion_tokens: 300,
      presence_penalty: 0,
      frequency_penalty: 0,
      seed: 7,
      stop: ['\n\n\n'],
      user: 'student-42',
      n: 1,
      tool_choice: 'none',
      response_format: { type: 'text' },
      store: false,
      metadata: { course: 'cloud' }
    })
    t.equal(completion.choices[0]?.message.content, ANSWERS.openai)
    const sent = stubs.openai.requests[0]?.body as Record<string, unknown> & { messages: Array<{ role: string, content: string }> }
    t.same(sent.messages.slice(1), [{ role: 'system', content: 'Be brief.' }, { role: 'user', content: QUESTION }], 'developer messages are instructions; text parts are the question')
    t.equal(sent.temperature, undefined, 'sampling parameters are not passed on')
    t.equal(sent.user, undefined)
  })

  t.test('provider failures: a 502 before the stream, an error event inside it', async t => {
    const stubs = await startStubs(t)
    stubs.openai.setBehaviour({ type: 'error', status: 400, body: { error: { message: 'bad', type: 'invalid_request_error' } } })
    stubs.gemini.setBehaviour({ type: 'error', status: 403, body: { error: { code: 403, message: 'denied', status: 'PERMISSION_DENIED' } } })
    stubs.hf.setBehaviour({ type: 'reset' })
    const { client } = await serve(t, stubs.env)

    const err = await client.chat.completions.create({ model: 'iscoolgpt', messages: [{ role: 'user', content: QUESTION }] }).then(() => null, (e: unknown) => e)
    t.type(err, OpenAI.InternalServerError)
    const api = err as InstanceType<typeof OpenAI.APIError>
    t.equal(api.status, 502)
    t.equal(api.code, 'all_providers_failed')
    t.equal((api.error as { type: string }).type, 'upstream_error')
    t.match(api.message, /openai \(bad_request\)/)

    const stream = await client.chat.completions.create({ model: 'iscoolgpt', messages: [{ role: 'user', content: QUESTION }], stream: true })
    const streamed = await (async () => {
      for await (const chunk of stream) t.equal(chunk.choices[0]?.delta.role, 'assistant', 'the stream had begun')
    })().then(() => null, (e: unknown) => e)
    t.type(streamed, OpenAI.APIError, 'the SDK raises the error event')
    t.equal((streamed as InstanceType<typeof OpenAI.APIError>).code, 'all_providers_failed')

    const raw = await client.chat.completions.create({ model: 'iscoolgpt', messages: [{ role: 'user', content: QUESTION }], stream: true }).asResponse()
    const frames = await collectSse(raw.body)
    t.same(JSON.parse(frames.at(-1)?.data ?? '{}').error.code, 'all_providers_failed')
    t.notOk(frames.some(f => f.data === '[DONE]'), 'no [DONE] after a failure')

    const none = await serve(t, {})
    const unconfigured = await none.client.chat.completions.create({ model: 'iscoolgpt', messages: [{ role: 'user', content: QUESTION }] }).then(() => null, (e: unknown) => e) as InstanceType<typeof OpenAI.APIError>
    t.equal(unconfigured.status, 503)
    t.equal(unconfigured.code, 'no_providers')
  })

  t.test('framework errors under /v1 keep the OpenAI shape', async t => {
    const stubs = await startStubs(t)
    const { url } = await serve(t, { ...stubs.env, BODY_LIMIT_BYTES: '2048' })
    const expectError = async (res: Response, status: number): Promise<{ message: string, type: string, code: string | null }> => {
      t.equal(res.status, status)
      t.match(res.headers.get('content-type'), /^application\/json/)
      const body = await res.json() as { error: { message: string, type: string, code: string | null } }
      t.type(body.error.message, 'string')
      return body.error
    }
    const tooLarge = await fetch(`${url}/v1/chat/completions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ model: 'iscoolgpt', messages: [{ role: 'user', content: 'x'.repeat(4000) }] }) })
    t.match((await expectError(tooLarge, 413)).message, /2048/)
    const wrongType = await fetch(`${url}/v1/chat/completions`, { method: 'POST', headers: { 'content-type': 'application/xml' }, body: '<model>iscoolgpt</model>' })
    await expectError(wrongType, 415)
    const malformed = await fetch(`${url}/v1/chat/completions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"model":' })
    t.equal((await expectError(malformed, 400)).code, 'malformed_json')
    const unknown = await fetch(`${url}/v1/embeddings`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })
    t.equal((await expectError(unknown, 404)).type, 'not_found_error')
    const wrongMethod = await fetch(`${url}/v1/chat/completions`)
    await expectError(wrongMethod, 405)
    t.equal(wrongMethod.headers.get('allow'), 'POST')
    const elsewhere = await fetch(`${url}/api/nothing-here`)
    t.match(elsewhere.headers.get('content-type'), /^application\/problem\+json/, 'outside /v1 errors stay problem details')
  })

  t.test('API keys and rate limits answer in OpenAI\'s shape, so the SDK raises its own error classes', async t => {
    const stubs = await startStubs(t)
    answerAll(stubs)
    const { url } = await serve(t, { ...stubs.env, API_KEYS: 'course:sk-course-key-123', RATE_LIMIT_MAX: '3' })
    const withKey = (apiKey: string): OpenAI => new OpenAI({ apiKey, baseURL: `${url}/v1`, maxRetries: 0 })

    const wrong = await withKey('sk-not-a-course-key').models.list().then(() => null, (e: unknown) => e)
    t.type(wrong, OpenAI.PermissionDeniedError)
    t.equal((wrong as InstanceType<typeof OpenAI.APIError>).code, 'forbidden')
    t.equal(((wrong as InstanceType<typeof OpenAI.APIError>).error as { type: string }).type, 'permission_error')

    const missing = await fetch(`${url}/v1/models`)
    t.equal(missing.status, 401)
    t.same(((await missing.json()) as { error: { type: string } }).error.type, 'authentication_error')

    const course = withKey('sk-course-key-123')
    let limited: unknown = null
    for (let i = 0; i < 6 && limited === null; i++) {
      limited = await course.chat.completions.create({ model: 'openai', messages: [{ role: 'user', content: `${QUESTION} (${i})` }] }).then(() => null, (e: unknown) => e)
    }
    t.type(limited, OpenAI.RateLimitError, 'the client is rate limited after RATE_LIMIT_MAX requests')
    const api = limited as InstanceType<typeof OpenAI.APIError>
    t.equal((api.error as { type: string }).type, 'rate_limit_error')
    t.ok(Number(api.headers?.get('retry-after')) >= 1, 'Retry-After is kept')
  })

  t.test('a client that leaves a streamed completion aborts the upstream calls', async t => {
    const stubs = await startStubs(t)
    stubs.openai.setBehaviour({ text: ANSWERS.openai, headersDelayMs: 10000 })
    stubs.gemini.setBehaviour({ type: 'hang' })
    stubs.hf.setBehaviour({ type: 'hang' })
    const { url } = await serve(t, stubs.env)
    const req = httpRequest(`${url}/v1/chat/completions`, { method: 'POST', agent: false, headers: { 'content-type': 'application/json' } })
    req.on('error', () => {})
    req.end(JSON.stringify({ model: 'iscoolgpt', stream: true, messages: [{ role: 'user', content: QUESTION }] }))
    const [res] = await once(req, 'response') as [NodeJS.ReadableStream & { statusCode: number }]
    t.equal(res.statusCode, 200, 'the stream began before any provider answered')
    const arrived = await Promise.all([stubs.openai.waitForRequests(1), stubs.gemini.waitForRequests(1), stubs.hf.waitForRequests(1)])
    req.destroy()
    const closed = await Promise.all(arrived.map(async ([r], i) => await [stubs.openai, stubs.gemini, stubs.hf][i]!.waitForClose(r!)))
    for (const r of closed) t.ok(r.clientAborted, `${r.path} aborted`)
  })
})

t.test('generated-client', async t => {
  // The client generated from openapi.yaml (openapi-typescript types, openapi-fetch calls) against the real server process.
  isolateData(t)
  const QUESTION = 'What is the advantage of using Docker containers?'
  const ANSWER = 'Docker containers package an application with its dependencies, so it runs the same everywhere and starts in seconds.'

  t.test('health, providers and ask through the typed client, against the server entry on a free port', async t => {
    const stubs = await startStubs(t)
    for (const s of [stubs.openai, stubs.gemini, stubs.hf]) s.setBehaviour({ text: ANSWER, usage: { promptTokens: 40, completionTokens: 25 } })
    const server = await startServer(t, { ...stubs.env, KNOWLEDGE: 'off' })
    const client = createIsCoolGptClient(`${server.url}/`)

    const health = await client.GET('/health')
    t.equal(health.response.status, 200)
    // The assignments are checked by the type checker: the generated types are the API's real shapes.
    const alive: Health | undefined = health.data
    t.equal(alive?.status, 'ok')
    t.type(alive?.uptimeS, 'number')

    const listed = await client.GET('/api/providers')
    const providers: ProviderList | undefined = listed.data
    t.same(providers?.providers.map(p => p.id), ['openai', 'gemini', 'huggingface'])
    t.ok(providers?.providers.every(p => p.circuit === 'closed'))

    const asked = await client.POST('/api/ask', { body: { question: QUESTION, strategy: 'consensus', providers: ['openai', 'gemini'] } })
    t.equal(asked.response.status, 200)
    t.match(asked.response.headers.get('content-type'), /^application\/json/)
    const answer: AskResponse | undefined = asked.data
    t.equal(answer?.answer, ANSWER)
    t.equal(answer?.strategy, 'consensus')
    t.same(answer?.candidates.map(c => c.provider).sort(), ['gemini', 'openai'])
    t.equal(answer?.usage.promptTokens, 80)
    t.equal(stubs.hf.requests.length, 0, 'only the providers asked for were called')

    const prompt = await client.POST('/api/prompt', { body: { question: 'Qual a vantagem de usar Docker?' } })
    t.equal(prompt.data?.answer, ANSWER)

    const refused = await client.POST('/api/ask', { body: { question: QUESTION, providers: ['claude'] } })
    t.equal(refused.response.status, 400)
    t.equal(refused.data, undefined)
    const problem: Problem | undefined = refused.error
    t.match(problem?.detail, /claude/)
    t.same(problem?.errors, [{ field: 'body/providers', message: '"claude" is not a configured provider' }])
  })

  t.test('an API key travels as a bearer token', async t => {
    const seen: string[] = []
    const client = createIsCoolGptClient('http://iscoolgpt.test', {
      apiKey: 'course-key-123',
      headers: { 'x-client': 'tests' },
      fetch: async (request: Request) => {
        seen.push(`${request.method} ${request.url} ${request.headers.get('authorization') ?? ''} ${request.headers.get('x-client') ?? ''}`)
        return new Response(JSON.stringify({ status: 'ok', version: '1.0.0', uptimeS: 1 }), { headers: { 'content-type': 'application/json' } })
      }
    })
    const { data } = await client.GET('/health')
    t.equal(data?.version, '1.0.0')
    t.same(seen, ['GET http://iscoolgpt.test/health Bearer course-key-123 tests'])
  })

  t.test('the checked-in client types are what openapi-typescript generates from openapi.yaml', async t => {
    const cli = join(packageRoot, 'node_modules', 'openapi-typescript', 'bin', 'cli.js')
    const child = spawn(process.execPath, [cli, 'openapi.yaml', '--output', 'client/schema.d.ts', '--check'], { cwd: packageRoot, stdio: ['ignore', 'pipe', 'pipe'] })
    let output = ''
    child.stdout.on('data', d => { output += String(d) })
    child.stderr.on('data', d => { output += String(d) })
    const [code] = await once(child, 'exit') as [number | null]
    t.equal(code, 0, `run \`npm run client:generate\` after \`npm run openapi\`\n${output}`)
  })
})
