// One structured log line per ask, and a Server-Timing header saying where the time went.
import t from 'tap'
import { build, buildWithLogs, captureLogs } from '../helper.js'
import { startStubs } from '../stub-env.js'

/** The helper builds apps without the answer cache; these tests are about it. */
const CACHE_ON = { CACHE_TTL_S: '3600' }
const QUESTION = 'Qual a vantagem de usar contêineres Docker em produção?'
const ANSWER = 'Contêineres Docker empacotam a aplicação com suas dependências, então ela roda igual em qualquer lugar e sobe em segundos.'

interface LogLine { msg: string, level: number, [key: string]: any }

const askLines = (lines: string[]): LogLine[] => lines.map(l => JSON.parse(l) as LogLine).filter(l => typeof l.msg === 'string' && l.msg.startsWith('ask '))

/** `cache;desc="miss";dur=0.2, providers;dur=81.5` → { cache: {desc, dur}, providers: {dur} } */
function parseServerTiming (header: string | string[] | number | undefined): Record<string, { dur?: number, desc?: string }> {
  if (typeof header !== 'string') throw new Error('no Server-Timing header')
  const out: Record<string, { dur?: number, desc?: string }> = {}
  for (const metric of header.split(',')) {
    const [name, ...params] = metric.trim().split(';')
    const entry: { dur?: number, desc?: string } = {}
    for (const p of params) {
      const [k, v] = p.split('=') as [string, string]
      if (k === 'dur') entry.dur = Number(v)
      if (k === 'desc') entry.desc = v.replace(/^"|"$/g, '')
    }
    out[name!] = entry
  }
  return out
}

t.test('one line per ask: id, client, each provider\'s outcome, strategy, confidence, tokens, cost, timings; no question text', async t => {
  const stubs = await startStubs(t)
  stubs.openai.setBehaviour({ text: ANSWER, usage: { promptTokens: 40, completionTokens: 25, reasoningTokens: 5 } })
  stubs.gemini.setBehaviour({ text: ANSWER, usage: { promptTokens: 50, completionTokens: 30 } })
  stubs.hf.setBehaviour({ type: 'error', status: 401, body: { error: 'Invalid credentials in Authorization header' } })
  const { lines, stream } = captureLogs()
  const app = await buildWithLogs(t, { ...stubs.env, ...CACHE_ON, API_KEYS: 'moodle:moodle-key-123456', RETRY_MAX_ATTEMPTS: '1' }, stream)

  const res = await app.inject({ method: 'POST', url: '/api/ask', headers: { authorization: 'Bearer moodle-key-123456' }, payload: { question: QUESTION } })
  t.equal(res.statusCode, 200)
  const body = res.json()
  const asks = askLines(lines)
  t.equal(asks.length, 1, 'exactly one ask line')
  const line = asks[0]!
  t.equal(line.msg, 'ask answered')
  t.equal(line.level, 30, 'info')
  t.equal(line.askId, body.id)
  t.equal(line.reqId, body.id, 'the request\'s logger: the line joins the access log by id')
  t.equal(line.client, 'moodle')
  t.equal(line.outcome, 'answered')
  t.equal(line.status, 200)
  t.equal(line.strategy, body.strategy)
  t.equal(line.confidence, body.confidence)
  t.equal(line.cache, 'miss')
  const byId = Object.fromEntries(line.providers.map((p: { id: string }) => [p.id, p]))
  t.match(byId.openai, { status: 'ok', attempts: 1, promptTokens: 40, completionTokens: 25, reasoningTokens: 5, costUsd: body.candidates.find((c: { provider: string }) => c.provider === 'openai').usage.costUsd })
  t.match(byId.gemini, { status: 'ok', promptTokens: 50, completionTokens: 30 })
  t.match(byId.huggingface, { status: 'error', reason: 'auth', attempts: 1, promptTokens: 0, costUsd: 0 })
  t.same(line.tokens, { prompt: 90, completion: 55, reasoning: 5 })
  t.equal(line.costUsd, body.usage.costUsd)
  t.ok(line.timings.totalMs >= line.timings.providersMs, 'timings in milliseconds')
  t.type(line.timings.aggregateMs, 'number')
  t.type(line.timings.cacheMs, 'number')
  t.notOk(lines.some(l => l.includes('contêineres Docker em produção')), 'the question is in no log line')
  t.notOk(lines.some(l => l.includes('moodle-key-123456')), 'nor the key')

  const cached = await app.inject({ method: 'POST', url: '/api/ask', headers: { authorization: 'Bearer moodle-key-123456' }, payload: { question: QUESTION } })
  t.equal(cached.statusCode, 200)
  const hit = askLines(lines)[1]!
  t.equal(hit.cache, 'hit')
  t.same(hit.tokens, { prompt: 0, completion: 0, reasoning: 0 }, 'an answer from the cache spends nothing')
  t.equal(hit.costUsd, 0)
  t.ok(hit.providers.every((p: { status: string }) => p.status === 'cached'))
})

t.test('the question is logged only with LOG_QUESTIONS=true', async t => {
  const stubs = await startStubs(t)
  for (const s of [stubs.openai, stubs.gemini, stubs.hf]) s.setBehaviour({ text: ANSWER })
  const { lines, stream } = captureLogs()
  const app = await buildWithLogs(t, { ...stubs.env, ...CACHE_ON, LOG_QUESTIONS: 'true' }, stream)
  await app.inject({ method: 'POST', url: '/api/ask', payload: { question: QUESTION } })
  const [line] = askLines(lines)
  t.equal(line?.question, QUESTION)
  t.equal(line?.client, null, 'an open API has no client name')
})

t.test('a failed ask is logged as a warning with every provider\'s error class', async t => {
  const stubs = await startStubs(t)
  stubs.openai.setBehaviour({ type: 'error', status: 400, body: { error: { message: 'bad', type: 'invalid_request_error' } } })
  stubs.gemini.setBehaviour({ type: 'error', status: 403, body: { error: { code: 403, message: 'denied', status: 'PERMISSION_DENIED' } } })
  stubs.hf.setBehaviour({ type: 'reset' })
  const { lines, stream } = captureLogs()
  const app = await buildWithLogs(t, { ...stubs.env, ...CACHE_ON, RETRY_MAX_ATTEMPTS: '1' }, stream)
  const res = await app.inject({ method: 'POST', url: '/api/ask', payload: { question: QUESTION } })
  t.equal(res.statusCode, 502)
  const [line] = askLines(lines)
  t.equal(line?.msg, 'ask failed')
  t.equal(line?.level, 40)
  t.equal(line?.status, 502)
  t.same(Object.fromEntries(line?.providers.map((p: { id: string, reason: string }) => [p.id, p.reason])), { openai: 'bad_request', gemini: 'auth', huggingface: 'network' })
  t.match(parseServerTiming(res.headers['server-timing']), { providers: { dur: Number }, total: { dur: Number } }, 'timings on a failure too')
})

t.test('Server-Timing on /api/ask and /api/prompt: providers, aggregation and cache', async t => {
  const stubs = await startStubs(t)
  for (const s of [stubs.openai, stubs.gemini, stubs.hf]) s.setBehaviour({ text: ANSWER, headersDelayMs: 120 })
  const app = await build(t, { ...stubs.env, ...CACHE_ON })

  const miss = await app.inject({ method: 'POST', url: '/api/ask', payload: { question: QUESTION } })
  const timing = parseServerTiming(miss.headers['server-timing'])
  t.equal(timing.cache?.desc, 'miss')
  t.ok((timing.providers?.dur ?? 0) >= 110, `providers took the stubs' delay (${String(timing.providers?.dur)} ms)`)
  t.ok((timing.aggregate?.dur ?? -1) >= 0, 'aggregation timed')
  t.ok((timing.total?.dur ?? 0) >= (timing.providers?.dur ?? 0), 'total covers the parts')

  const hit = await app.inject({ method: 'POST', url: '/api/ask', payload: { question: QUESTION } })
  const hitTiming = parseServerTiming(hit.headers['server-timing'])
  t.equal(hitTiming.cache?.desc, 'hit')
  t.equal(hitTiming.providers, undefined, 'no provider was waited for')
  t.ok((hitTiming.total?.dur ?? Infinity) < 100, 'a cache hit is fast')

  const prompt = await app.inject({ method: 'POST', url: '/api/prompt', headers: { 'cache-control': 'no-cache' }, payload: { question: 'Qual a vantagem de usar Docker?' } })
  t.equal(prompt.statusCode, 200)
  const promptTiming = parseServerTiming(prompt.headers['server-timing'])
  t.equal(promptTiming.cache?.desc, 'bypass')
  t.ok((promptTiming.providers?.dur ?? 0) >= 110)
})
