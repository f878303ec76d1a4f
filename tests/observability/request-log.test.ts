// The access log at info: one line per API request (an ask's summary is its line), nothing for the page, its
// assets, the docs, probes or metrics; and the short form a terminal gets.
import t, { type Test } from 'tap'
import { buildApp, loggerOptions } from '../../src/app.js'
import { loadConfig } from '../../src/config.js'
import { formatLogLine } from '../../src/observability/pretty-log.js'
import { captureLogs, TEST_DEFAULTS } from '../helper.js'

interface Line { level: number, msg: string, reqId?: string, req?: { method: string, url: string, remoteAddress?: string }, res?: { statusCode: number }, responseTime?: number, [key: string]: unknown }

async function appWithLogs (t: Test, level: string): Promise<{ app: Awaited<ReturnType<typeof buildApp>>, lines: () => Line[] }> {
  const { lines, stream } = captureLogs()
  const config = loadConfig({ ...TEST_DEFAULTS, KNOWLEDGE: 'on', RATE_LIMIT_MAX: '0', LOG_LEVEL: level })
  const app = await buildApp(config, { logger: { ...loggerOptions(config), stream } })
  t.teardown(async () => await app.close())
  await app.ready()
  return { app, lines: () => lines.map(l => JSON.parse(l) as Line) }
}

t.test('at info: one line per API request, none for the page, assets, docs, probes and metrics', async t => {
  const { app, lines } = await appWithLogs(t, 'info')
  const startLines = lines().length
  const page = await app.inject('/')
  const asset = /href="(\/assets\/[^"]+\.css)"/.exec(page.body)?.[1]
  t.ok(asset, 'the page names its stylesheet')
  for (const url of ['/health', '/ready', '/metrics', '/docs', '/docs/json', asset ?? '/']) t.equal((await app.inject(url)).statusCode, 200, `${url} answers`)
  t.same(lines().slice(startLines), [], 'no line for any of them')

  const ask = await app.inject({ method: 'POST', url: '/api/ask', payload: { question: 'What is a Docker image?' } })
  t.equal(ask.statusCode, 200)
  const chat = await app.inject({ method: 'POST', url: '/v1/chat/completions', payload: { model: 'iscoolgpt', messages: [{ role: 'user', content: 'What is a VPC?' }] } })
  t.equal(chat.statusCode, 200)
  t.equal((await app.inject('/api/providers')).statusCode, 200)
  t.equal((await app.inject({ method: 'POST', url: '/api/ask', payload: { question: '' } })).statusCode, 400)
  t.equal((await app.inject('/api/nothing-here')).statusCode, 404)

  const api = lines().slice(startLines)
  t.equal(api.length, 5, 'five API requests, five lines')
  t.equal(new Set(api.map(l => l.reqId)).size, 5, 'each from its own request')
  t.match(api[0], { level: 30, msg: 'ask answered', askId: ask.json().id, req: { method: 'POST', url: '/api/ask', remoteAddress: '127.0.0.1' } }, 'the ask\'s summary is its access line, with the method and path')
  t.match(api[1], { msg: 'ask answered', req: { method: 'POST', url: '/v1/chat/completions' } })
  t.match(api[2], { level: 30, msg: 'request completed', req: { method: 'GET', url: '/api/providers' }, res: { statusCode: 200 } })
  t.type(api[2]?.responseTime, 'number')
  t.match(api[3], { msg: 'request completed', req: { url: '/api/ask' }, res: { statusCode: 400 } }, 'a refused ask has no summary, so it gets the access line')
  t.match(api[4], { msg: 'request completed', req: { url: '/api/nothing-here' }, res: { statusCode: 404 } })
})

t.test('at debug the page, probes and assets are logged too, still one line per request', async t => {
  const { app, lines } = await appWithLogs(t, 'debug')
  const startLines = lines().length
  await app.inject('/health')
  await app.inject('/')
  const logged = lines().slice(startLines)
  t.match(logged, [{ level: 20, msg: 'request completed', req: { url: '/health' }, res: { statusCode: 200 } }, { level: 20, msg: 'request completed', req: { url: '/' } }])
  t.equal(logged.length, 2)
})

t.test('the short form of each kind of line', async t => {
  const time = new Date(2026, 0, 5, 14, 3, 9).getTime()
  t.equal(formatLogLine(JSON.stringify({ level: 30, time, pid: 1, hostname: 'h', reqId: 'r', req: { method: 'GET', url: '/api/providers' }, res: { statusCode: 200 }, responseTime: 3.21, msg: 'request completed' })),
    '14:03:09 INFO  GET /api/providers 200 3.2 ms\n')
  t.equal(formatLogLine(JSON.stringify({
    level: 30, time, reqId: 'r', req: { method: 'POST', url: '/api/ask' }, msg: 'ask answered', askId: 'r', client: 'moodle', outcome: 'answered', status: 200, strategy: 'vote', cache: 'miss', confidence: 0.8, costUsd: 0.000123,
    providers: [{ id: 'openai', status: 'ok', latencyMs: 812, attempts: 2 }, { id: 'gemini', status: 'error', reason: 'auth', latencyMs: 30, attempts: 1 }],
    timings: { totalMs: 845.2 }
  })), '14:03:09 INFO  POST /api/ask 200 ask answered 845 ms · vote · confidence 0.80 · cache miss · $0.00012 · client moodle · openai ok 812 ms ×2, gemini error(auth)\n')
  t.equal(formatLogLine(JSON.stringify({ level: 40, time, msg: 'redis connection lost', redis: 'redis://cache:6379' })), '14:03:09 WARN  redis connection lost redis=redis://cache:6379\n', 'other fields as key=value')
  const error = formatLogLine(JSON.stringify({ level: 50, time, msg: 'request failed', err: { type: 'TypeError', message: 'x is undefined', stack: 'TypeError: x is undefined\n    at f (src/a.ts:1:1)' } }))
  t.equal(error, '14:03:09 ERROR request failed TypeError: x is undefined\n    at f (src/a.ts:1:1)\n', 'an internal error keeps its stack for the developer')
  t.equal(formatLogLine('not json'), 'not json\n', 'anything else passes through')
  t.match(formatLogLine(JSON.stringify({ level: 30, time, msg: 'hi' }), true), /\u001b\[32mINFO \u001b\[0m hi/, 'colours only when asked')
})

t.test('the pretty destination still masks configured secrets', async t => {
  const out: string[] = []
  const config = loadConfig({ ...TEST_DEFAULTS, OPENAI_API_KEY: 'sk-secret-in-a-log-line' })
  const options = loggerOptions(config, { out: { write: (s: string) => { out.push(s); return true } }, color: false })
  t.ok(options.stream, 'a stream is set')
  const app = await buildApp(config, { logger: options as never })
  t.teardown(async () => await app.close())
  app.log.warn({ detail: 'key sk-secret-in-a-log-line leaked' }, 'oops')
  t.match(out.join(''), /WARN {2}oops detail="key \[redacted\] leaked"/)
  t.notMatch(out.join(''), /sk-secret/)
})
