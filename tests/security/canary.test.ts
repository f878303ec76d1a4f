// Canary secrets in the environment (provider keys, an API client key, the metrics token) never show up in a
// response body, a response header or a log line, over every route and its error paths.
import t, { type Test } from 'tap'
import type { FastifyInstance, InjectOptions } from 'fastify'
import { buildApp, loggerOptions } from '../../src/app.js'
import { loadConfig } from '../../src/config.js'
import { captureLogs } from '../helper.js'
import { startStubs, type Stubs } from '../stub-env.js'
import { geminiErrorBody } from '../stubs/gemini-stub.js'
import { openAIErrorBody } from '../stubs/openai-stub.js'

const CANARIES = {
  OPENAI_API_KEY: 'sk-canary-openai-4f1d9a7c2b8e',
  GEMINI_API_KEY: 'canary-gemini-9b3e5c1a7d20',
  HF_TOKEN: 'hf_canary_token_6a2c8e4f0b19',
  API_KEYS: 'canary-client-key-3e7a1f5c9d42',
  METRICS_TOKEN: 'canary-metrics-token-8c0f2a6e4b13'
}
const CLIENT_KEY = CANARIES.API_KEYS

/** A leak of a whole key or of its distinctive tail, in any text. */
function leaks (text: string): string[] {
  const found: string[] = []
  for (const [name, secret] of Object.entries(CANARIES)) {
    if (text.includes(secret) || text.includes(secret.slice(-12))) found.push(name)
  }
  return found
}

function environment (stubs: Stubs, extra: Record<string, string> = {}): Record<string, string> {
  return {
    ...stubs.env,
    OPENAI_API_KEY: CANARIES.OPENAI_API_KEY,
    GEMINI_API_KEY: CANARIES.GEMINI_API_KEY,
    HF_TOKEN: CANARIES.HF_TOKEN,
    API_KEYS: `student:${CLIENT_KEY}`,
    METRICS_TOKEN: CANARIES.METRICS_TOKEN,
    KNOWLEDGE: 'off',
    RATE_LIMIT_MAX: '0',
    ...extra
  }
}

/** Provider replies that quote the keys back, the way real APIs quote a wrong one. */
const SCRIPTS: Array<(stubs: Stubs) => void> = [
  stubs => {
    for (const s of [stubs.openai, stubs.gemini, stubs.hf]) s.reset()
  },
  stubs => {
    stubs.openai.setBehaviour({ type: 'error', status: 401, body: openAIErrorBody(401, `Incorrect API key provided: ${CANARIES.OPENAI_API_KEY}.`, 'invalid_api_key') })
    stubs.gemini.setBehaviour({ type: 'error', status: 400, body: geminiErrorBody(400, `API key not valid: ${CANARIES.GEMINI_API_KEY}`) })
    stubs.hf.setBehaviour({ type: 'error', status: 403, body: { error: `Invalid credentials in Authorization header: Bearer ${CANARIES.HF_TOKEN}` } })
  },
  stubs => {
    stubs.openai.setBehaviour({ type: 'error', status: 500, body: `internal error for key ${CANARIES.OPENAI_API_KEY}`, headers: { 'x-echo-key': CANARIES.OPENAI_API_KEY } })
    stubs.gemini.setBehaviour({ type: 'reset' })
    stubs.hf.setBehaviour({ text: `Here is a key I found: ${CANARIES.HF_TOKEN.slice(0, 3)}... Docker images are built from layers.` })
  }
]

interface Operation { method: string, url: string }

/** Every documented operation, and the routes the document leaves out. */
function operations (app: FastifyInstance): Operation[] {
  const doc = app.swagger() as { paths: Record<string, Record<string, unknown>> }
  const documented = Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.keys(methods).map(method => ({ method: method.toUpperCase(), url: path.replace(/\{[^}]+\}/g, 'x') })))
  const hidden = ['/', '/index.html', '/docs', '/docs/json', '/docs/yaml', '/docs/static/index.html', '/metrics'].map(url => ({ method: 'GET', url }))
  const seen = new Set(documented.map(o => `${o.method} ${o.url}`))
  return [...documented, ...hidden.filter(o => !seen.has(`${o.method} ${o.url}`))]
}

/** One question per provider script, so an answer cached under an earlier script cannot hide a later error path. */
const QUESTIONS = ['What is a Docker image layer?', 'What does a load balancer do?', 'What is an availability zone?']

function bodiesFor (op: Operation, question: string): Array<InjectOptions['payload'] | undefined> {
  if (op.method !== 'POST') return [undefined]
  const valid = op.url.startsWith('/v1/')
    ? { model: 'iscoolgpt', messages: [{ role: 'user', content: question }] }
    : { question }
  return [valid, { ...valid, stream: true }, { wrong: 1 }, '{"question":', 'x'.repeat(70000)]
}

const HEADER_SETS: Array<Record<string, string>> = [
  {},
  { authorization: 'Bearer not-the-key-0000000' },
  { authorization: `Bearer ${CLIENT_KEY}` },
  { 'x-api-key': CLIENT_KEY, accept: 'text/event-stream' },
  { authorization: `Bearer ${CANARIES.METRICS_TOKEN}` },
  { authorization: `Basic ${Buffer.from(`student:${CLIENT_KEY}`).toString('base64')}` }
]

async function sweep (t: Test, app: FastifyInstance, stubs: Stubs): Promise<{ texts: string[], statuses: Set<number> }> {
  await app.ready()
  const texts: string[] = []
  const statuses = new Set<number>()
  const send = async (options: InjectOptions): Promise<void> => {
    const res = await app.inject(options)
    statuses.add(res.statusCode)
    texts.push(`${String(options.method)} ${String(options.url)} → ${res.statusCode}\n${JSON.stringify(res.headers)}\n${res.body}`)
  }
  for (const [index, script] of SCRIPTS.entries()) {
    script(stubs)
    for (const op of operations(app)) {
      const url = op.url === '/api/knowledge' ? '/api/knowledge?query=docker' : op.url
      for (const headers of HEADER_SETS) {
        for (const payload of bodiesFor(op, QUESTIONS[index] ?? '')) {
          const contentType = payload === undefined ? {} : { 'content-type': 'application/json' }
          await send({ method: op.method as 'GET', url, headers: { ...headers, ...contentType }, ...(payload === undefined ? {} : { payload: typeof payload === 'string' ? payload : JSON.stringify(payload) }) })
        }
      }
      await send({ method: op.method === 'GET' ? 'DELETE' : 'GET', url, headers: { authorization: `Bearer ${CLIENT_KEY}` } })
    }
  }
  for (const url of ['/nowhere', '/api/nowhere', '/v1/nowhere', '/api/%E0%A4%A', '/assets/../.env']) {
    await send({ method: 'GET', url, headers: { authorization: `Bearer ${CLIENT_KEY}` } })
  }
  t.comment(`${texts.length} exchanges, statuses ${[...statuses].sort().join(' ')}`)
  return { texts, statuses }
}

t.test('no canary in any response or log line, with the production logger', async t => {
  const stubs = await startStubs(t)
  const { lines, stream } = captureLogs()
  const config = loadConfig(environment(stubs))
  const app = await buildApp(config, { logger: { ...loggerOptions(config), level: 'trace', stream } })
  t.teardown(async () => await app.close())
  const { texts, statuses } = await sweep(t, app, stubs)
  for (const status of [200, 400, 401, 403, 404, 405, 413, 502]) t.ok(statuses.has(status), `the sweep reached ${status} answers`)
  t.ok(stubs.openai.requests.length > 0 && stubs.gemini.requests.length > 0 && stubs.hf.requests.length > 0, 'every provider was called')
  t.equal(stubs.openai.requests.at(-1)?.headers.authorization, `Bearer ${CANARIES.OPENAI_API_KEY}`, 'with the canary as its key')

  const leaked = texts.filter(text => leaks(text).length > 0)
  t.same(leaked.slice(0, 3), [], 'no response body or header holds a canary')
  t.ok(lines.length > texts.length, 'the logs were captured')
  t.same(lines.filter(l => leaks(l).length > 0).slice(0, 3), [], 'no log line holds a canary')
})

t.test('the code does not log them even without the masking backstop', async t => {
  const stubs = await startStubs(t)
  const { lines, stream } = captureLogs()
  const config = loadConfig(environment(stubs))
  // Only the header redaction stays: the masking hook that rewrites every line is taken away.
  const { hooks: _masking, ...unmasked } = loggerOptions(config)
  t.ok(_masking, 'the production logger does have the backstop')
  const app = await buildApp(config, { logger: { ...unmasked, level: 'trace', stream } })
  t.teardown(async () => await app.close())
  await sweep(t, app, stubs)
  t.same(lines.filter(l => leaks(l).length > 0).slice(0, 3), [], 'no log line holds a canary')
})

t.test('the rate-limit and load-shedding paths do not leak either', async t => {
  const stubs = await startStubs(t)
  const { lines, stream } = captureLogs()
  const config = loadConfig(environment(stubs, { RATE_LIMIT_MAX: '2', MAX_INFLIGHT_ASKS: '1' }))
  const app = await buildApp(config, { logger: { ...loggerOptions(config), level: 'trace', stream } })
  t.teardown(async () => await app.close())
  stubs.openai.setBehaviour({ text: 'Layers are cached.', headersDelayMs: 300 })
  const auth = { authorization: `Bearer ${CLIENT_KEY}` }
  const slow = app.inject({ method: 'POST', url: '/api/ask', headers: auth, payload: { question: 'What is a layer?' } })
  await stubs.openai.waitForRequests(1)
  const shed = await app.inject({ method: 'POST', url: '/v1/chat/completions', headers: auth, payload: { model: 'iscoolgpt', messages: [{ role: 'user', content: 'hi' }] } })
  const limited = await app.inject({ method: 'POST', url: '/api/prompt', headers: auth, payload: { question: 'What is a layer?' } })
  const answered = await slow
  t.same([answered.statusCode, shed.statusCode, limited.statusCode], [200, 503, 429])
  for (const res of [answered, shed, limited]) t.same(leaks(`${JSON.stringify(res.headers)}\n${res.body}`), [], `a ${res.statusCode} leaks nothing`)
  t.same(lines.filter(l => leaks(l).length > 0), [], 'nor do the logs')
})
