// What one request may cost: body size, question length, providers and messages per request, the deadline,
// and how many asks run at once before the server sheds load.
import t from 'tap'
import { Readable } from 'node:stream'
import { request as httpRequest } from 'node:http'
import { connect, type AddressInfo, type Socket } from 'node:net'
import { once } from 'node:events'
import { setTimeout as sleep } from 'node:timers/promises'
import { build } from '../helper.js'
import { startOpenAIStub } from '../stubs/openai-stub.js'
import { loadConfig } from '../../src/config.js'

const KEY = 'limits-key-0123456789'
const auth = { authorization: `Bearer ${KEY}` }

async function openAIApp (t: Parameters<typeof build>[0], env: Record<string, string> = {}): Promise<{ app: Awaited<ReturnType<typeof build>>, stub: Awaited<ReturnType<typeof startOpenAIStub>> }> {
  const stub = await startOpenAIStub()
  t.teardown(async () => await stub.close())
  const app = await build(t, { OPENAI_API_KEY: 'sk-test-limits-000000', OPENAI_BASE_URL: stub.baseUrl, RATE_LIMIT_MAX: '0', API_KEYS: `limits:${KEY}`, ...env })
  return { app, stub }
}

t.test('the body limit defaults to 64 KiB and a larger body is a 413 problem', async t => {
  t.equal(loadConfig({}).bodyLimitBytes, 65536)
  const app = await build(t, { RATE_LIMIT_MAX: '0' })
  t.equal(app.initialConfig.bodyLimit, 65536)
  const res = await app.inject({ method: 'POST', url: '/api/ask', payload: { question: 'q'.repeat(70000) } })
  t.equal(res.statusCode, 413)
  t.match(String(res.headers['content-type']), /^application\/problem\+json/)
  t.match(res.json().detail, /65536 bytes/)
})

t.test('BODY_LIMIT_BYTES applies to every JSON route, with or without Content-Length', async t => {
  const app = await build(t, { RATE_LIMIT_MAX: '0', BODY_LIMIT_BYTES: '2048', API_KEYS: `limits:${KEY}` })
  const big = JSON.stringify({ question: 'q'.repeat(3000) })
  const ask = await app.inject({ method: 'POST', url: '/api/ask', headers: { ...auth, 'content-type': 'application/json' }, payload: big })
  t.equal(ask.statusCode, 413)
  t.match(ask.json().detail, /2048 bytes/)
  const chat = await app.inject({ method: 'POST', url: '/v1/chat/completions', headers: { ...auth, 'content-type': 'application/json' }, payload: JSON.stringify({ model: 'iscoolgpt', messages: [{ role: 'user', content: 'q'.repeat(3000) }] }) })
  t.equal(chat.statusCode, 413)
  t.match(chat.json(), { error: { message: /larger than the limit/ } }, 'in the OpenAI shape on /v1')
  // A streamed body has no Content-Length: it is cut off once it passes the limit.
  const streamed = await app.inject({ method: 'POST', url: '/api/prompt', headers: { ...auth, 'content-type': 'application/json' }, payload: Readable.from([Buffer.from(big)]) })
  t.equal(streamed.statusCode, 413)
})

t.test('per-request limits: question length, providers, messages, deadline', async t => {
  const app = await build(t, { RATE_LIMIT_MAX: '0', KNOWLEDGE: 'on' })
  const fieldsOf = async (url: string, payload: object): Promise<string[]> => {
    const res = await app.inject({ method: 'POST', url, payload })
    t.equal(res.statusCode, 400, `${url} rejects ${JSON.stringify(payload).slice(0, 60)}`)
    const body = res.json()
    return (body.errors ?? body.error?.param ?? []) as string[]
  }
  t.match(await fieldsOf('/api/ask', { question: 'q'.repeat(8001) }), [{ field: 'body/question' }], 'a question over 8000 characters')
  t.equal((await app.inject({ method: 'POST', url: '/api/ask', payload: { question: 'What is a Docker image layer? '.padEnd(8000, '.') } })).statusCode, 200, 'exactly 8000 is fine')
  t.match(await fieldsOf('/api/prompt', { question: 'q'.repeat(8001) }), [{ field: 'body/question' }])
  t.match(await fieldsOf('/api/ask', { question: 'What is S3?', providers: Array.from({ length: 11 }, (_, i) => `p${i}`) }), [{ field: 'body/providers' }], 'more than 10 providers')
  t.match(await fieldsOf('/api/ask', { question: 'What is S3?', timeoutMs: 300001 }), [{ field: 'body/timeoutMs' }], 'a deadline over 5 minutes')
  t.match(await fieldsOf('/api/ask', { question: 'What is S3?', timeoutMs: 99 }), [{ field: 'body/timeoutMs' }], 'or under 100 ms')
  const chat = await app.inject({ method: 'POST', url: '/v1/chat/completions', payload: { model: 'iscoolgpt', messages: Array.from({ length: 257 }, () => ({ role: 'user', content: 'hi' })) } })
  t.equal(chat.statusCode, 400, 'more than 256 messages')
  t.match(chat.json(), { error: { param: 'messages' } })
})

t.test('invalid UTF-8 in a JSON body is a 400, not a question full of U+FFFD', async t => {
  const app = await build(t, { RATE_LIMIT_MAX: '0', KNOWLEDGE: 'on' })
  const payload = Buffer.concat([Buffer.from('{"question":"What is '), Buffer.from([0xc3, 0x28, 0xff]), Buffer.from('?"}')])
  const res = await app.inject({ method: 'POST', url: '/api/ask', headers: { 'content-type': 'application/json' }, payload })
  t.equal(res.statusCode, 400)
  t.match(res.json(), { type: 'urn:iscoolgpt:problem:malformed-json', detail: 'The body is not valid UTF-8.' })
  const chat = await app.inject({ method: 'POST', url: '/v1/chat/completions', headers: { 'content-type': 'application/json' }, payload: Buffer.concat([Buffer.from('{"model":"iscoolgpt","messages":[{"role":"user","content":"'), Buffer.from([0xed, 0xa0, 0x80]), Buffer.from('"}]}')]) })
  t.equal(chat.statusCode, 400)
  t.match(chat.json(), { error: { code: 'malformed_json' } })
  const fine = await app.inject({ method: 'POST', url: '/api/ask', headers: { 'content-type': 'application/json; charset=utf-8' }, payload: Buffer.from(JSON.stringify({ question: 'O que é uma imagem Docker? 🐳' })) })
  t.equal(fine.statusCode, 200, 'well-formed UTF-8 of any script is accepted')
  const poisoned = await app.inject({ method: 'POST', url: '/api/ask', headers: { 'content-type': 'application/json' }, payload: '{"question":"What is S3?","__proto__":{"admin":true}}' })
  t.equal(poisoned.statusCode, 400, 'prototype poisoning is still refused')
})

t.test('timeoutMs is capped by ASK_TIMEOUT_MS', async t => {
  const { app, stub } = await openAIApp(t, { ASK_TIMEOUT_MS: '400', PROVIDER_TIMEOUT_MS: '400' })
  stub.setBehaviour({ type: 'hang' })
  const started = Date.now()
  const res = await app.inject({ method: 'POST', url: '/api/ask', headers: auth, payload: { question: 'What is S3?', timeoutMs: 300000 } })
  const elapsed = Date.now() - started
  t.ok(elapsed < 3000, `answered after ${elapsed} ms, not after the 300 s asked for`)
  t.ok(res.statusCode >= 500, 'with a problem saying the provider did not answer in time')
  t.match(res.json().providers, [{ provider: 'openai', errorClass: 'timeout' }])
})

t.test('MAX_INFLIGHT_ASKS: further asks are shed with a 503 while other routes keep answering', async t => {
  const { app, stub } = await openAIApp(t, { MAX_INFLIGHT_ASKS: '2' })
  stub.setBehaviour({ text: 'Amazon S3 is object storage.', headersDelayMs: 600 })
  const first = app.inject({ method: 'POST', url: '/api/ask', headers: auth, payload: { question: 'What is S3?' } })
  const second = app.inject({ method: 'POST', url: '/v1/chat/completions', headers: auth, payload: { model: 'iscoolgpt', messages: [{ role: 'user', content: 'What is S3?' }] } })
  await stub.waitForRequests(2)
  t.equal(app.inflightAsks(), 2, 'two asks in flight')

  const shed = await app.inject({ method: 'POST', url: '/api/prompt', headers: auth, payload: { question: 'What is S3?' } })
  t.equal(shed.statusCode, 503)
  t.match(String(shed.headers['content-type']), /^application\/problem\+json/)
  t.match(shed.json(), { type: 'urn:iscoolgpt:problem:overloaded', retryAfterS: 2, detail: /2 questions already/ })
  t.equal(shed.headers['retry-after'], '2')
  const shedChat = await app.inject({ method: 'POST', url: '/v1/chat/completions', headers: auth, payload: { model: 'iscoolgpt', messages: [{ role: 'user', content: 'What is S3?' }] } })
  t.equal(shedChat.statusCode, 503)
  t.match(shedChat.json(), { error: { type: 'service_unavailable_error', code: 'overloaded' } }, 'in the OpenAI shape on /v1')

  t.equal((await app.inject({ url: '/health' })).statusCode, 200, 'health checks are never shed')
  t.equal((await app.inject({ url: '/api/providers', headers: auth })).statusCode, 200, 'nor cheap API reads')
  t.equal(stub.requests.length, 2, 'the shed asks never reached a provider')

  t.same([(await first).statusCode, (await second).statusCode], [200, 200], 'the asks in flight finish normally')
  t.equal(app.inflightAsks(), 0, 'and free their slots')
  t.equal((await app.inject({ method: 'POST', url: '/api/ask', headers: auth, payload: { question: 'What is S3?' } })).statusCode, 200, 'so the next ask goes through')
  t.equal(app.inflightAsks(), 0)
})

t.test('a rejected or abandoned ask frees its slot', async t => {
  const { app, stub } = await openAIApp(t, { MAX_INFLIGHT_ASKS: '1' })
  for (let i = 0; i < 3; i++) {
    t.equal((await app.inject({ method: 'POST', url: '/api/ask', headers: auth, payload: { question: 42 } })).statusCode, 400)
    t.equal((await app.inject({ method: 'POST', url: '/api/ask', payload: { question: 'What is S3?' } })).statusCode, 401)
  }
  t.equal(app.inflightAsks(), 0, 'invalid and unauthenticated asks hold no slot')

  stub.setBehaviour({ type: 'hang' })
  await app.listen({ port: 0, host: '127.0.0.1' })
  const address = app.server.address()
  const port = typeof address === 'object' && address !== null ? address.port : 0
  const req = httpRequest({ host: '127.0.0.1', port, method: 'POST', path: '/api/ask', headers: { ...auth, 'content-type': 'application/json' } })
  req.on('error', () => {})
  req.end(JSON.stringify({ question: 'What is S3?' }))
  await stub.waitForRequests(1)
  t.equal(app.inflightAsks(), 1)
  req.destroy()
  for (let i = 0; i < 100 && app.inflightAsks() > 0; i++) await sleep(10)
  t.equal(app.inflightAsks(), 0, 'a client that hangs up gives its slot back')
})

/** Opens a raw connection and returns everything the server sends until it closes the connection. */
async function rawExchange (port: number, write: (socket: Socket) => Promise<void>): Promise<{ text: string, closedAfterMs: number }> {
  const socket = connect(port, '127.0.0.1')
  await once(socket, 'connect')
  const started = performance.now()
  let text = ''
  socket.setEncoding('utf8')
  socket.on('data', d => { text += d })
  socket.on('error', () => {})
  const closed = once(socket, 'close')
  write(socket).catch(() => {})
  await closed
  return { text, closedAfterMs: performance.now() - started }
}

function parseRaw (text: string): { status: number, headers: Record<string, string>, body: string } {
  const [head = '', body = ''] = text.split('\r\n\r\n')
  const [statusLine = '', ...lines] = head.split('\r\n')
  const headers = Object.fromEntries(lines.map(l => [l.slice(0, l.indexOf(':')).toLowerCase(), l.slice(l.indexOf(':') + 1).trim()]))
  return { status: Number(statusLine.split(' ')[1]), headers, body }
}

t.test('request timeouts: defaults suit a service behind an ALB', async t => {
  const config = loadConfig({})
  t.ok(config.requestHeadersTimeoutMs + config.requestBodyTimeoutMs <= 30000, 'a trickled request is cut within 30 s')
  t.ok(config.keepAliveTimeoutMs > 60000, 'idle keep-alive connections outlive the ALB\'s 60 s idle timeout, so the ALB closes them first')
  const app = await build(t, { REQUEST_HEADERS_TIMEOUT_MS: '4000', REQUEST_BODY_TIMEOUT_MS: '6000', KEEP_ALIVE_TIMEOUT_MS: '70000' })
  t.equal(app.server.headersTimeout, 4000)
  t.equal(app.server.keepAliveTimeout, 70000)
  t.ok(app.server.requestTimeout >= 10000, 'Node\'s whole-request limit stays behind the body timer')
  t.throws(() => loadConfig({ REQUEST_BODY_TIMEOUT_MS: 'soon' }), /REQUEST_BODY_TIMEOUT_MS must be/)
})

t.test('a client trickling its body is cut at REQUEST_BODY_TIMEOUT_MS with a 408 problem and the connection closed', async t => {
  const { app, stub } = await openAIApp(t, { REQUEST_BODY_TIMEOUT_MS: '1500' })
  await app.listen({ port: 0, host: '127.0.0.1' })
  const { port } = app.server.address() as AddressInfo
  const body = JSON.stringify({ question: 'What is a VPC and why do I need one?' })
  const { text, closedAfterMs } = await rawExchange(port, async socket => {
    socket.write(`POST /api/ask HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${KEY}\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n`)
    for (const ch of body) {
      if (socket.destroyed) return
      socket.write(ch)
      await sleep(300)
    }
  })
  const res = parseRaw(text)
  t.equal(res.status, 408)
  t.match(res.headers['content-type'], /^application\/problem\+json/)
  t.equal(res.headers.connection, 'close')
  const problem = JSON.parse(res.body) as { type: string, detail: string, instance: string }
  t.equal(problem.type, 'urn:iscoolgpt:problem:request-timeout')
  t.match(problem.detail, /1500 ms/)
  t.match(problem.instance, new RegExp(`#${res.headers['x-request-id'] ?? 'none'}$`))
  t.ok(closedAfterMs >= 1400 && closedAfterMs < 4000, `connection closed ${closedAfterMs.toFixed(0)} ms after it opened`)
  t.equal(stub.requests.length, 0, 'no provider was asked')
})

t.test('a client trickling its headers is cut at REQUEST_HEADERS_TIMEOUT_MS with a 408 problem', async t => {
  const app = await build(t, { REQUEST_HEADERS_TIMEOUT_MS: '1000' })
  await app.listen({ port: 0, host: '127.0.0.1' })
  const { port } = app.server.address() as AddressInfo
  const { text, closedAfterMs } = await rawExchange(port, async socket => {
    socket.write('GET /health HTTP/1.1\r\n')
    for (let i = 0; i < 40 && !socket.destroyed; i++) {
      socket.write(`X-Slow-${i}: a\r\n`)
      await sleep(200)
    }
  })
  const res = parseRaw(text)
  t.equal(res.status, 408)
  t.match(res.headers['content-type'], /^application\/problem\+json/)
  t.equal((JSON.parse(res.body) as { status: number }).status, 408)
  t.ok(closedAfterMs < 4000, `connection closed ${closedAfterMs.toFixed(0)} ms after it opened`)
})

t.test('query numbers must be finite decimals within range', async t => {
  const app = await build(t, { KNOWLEDGE: 'on' })
  for (const limit of ['Infinity', '1e400', '-1e400', '-Infinity', '0x10', '1e1', ' 5', '5.5', '21', '0', 'NaN']) {
    const res = await app.inject({ url: `/api/knowledge?query=s3&limit=${encodeURIComponent(limit)}` })
    t.equal(res.statusCode, 400, `limit=${limit} is refused`)
    t.match(res.headers['content-type'], /^application\/problem\+json/)
    t.match(res.json(), { errors: [{ field: 'querystring/limit' }] })
  }
  const ok = await app.inject({ url: '/api/knowledge?query=s3&limit=20' })
  t.equal(ok.statusCode, 200)
  t.ok(ok.json().hits.length <= 20)
})
