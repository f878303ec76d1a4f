// Load shedding under a busy event loop: the adaptive ask limit on made-up readings (deterministic), then the
// service with its real loop driven busy by the test, the way a CPU-bound burst would.
import t from 'tap'
import { setTimeout as sleep } from 'node:timers/promises'
import { build, buildWithLogs, captureLogs } from '../helper.js'
import { startOpenAIStub } from '../stubs/openai-stub.js'
import { loadConfig } from '../../src/config.js'
import { AdmissionControl, WINDOW_MS } from '../../src/plugins/load-shedding.js'

const KEY = 'shedding-key-0123456789'
const auth = { authorization: `Bearer ${KEY}` }
const ask = { method: 'POST' as const, url: '/api/ask', headers: auth, payload: { question: 'What is S3?' } }

/** A controller at a made-up clock: `window(u)` ends a window in which the loop was busy a share `u` of the time. */
function controller (settings: Partial<ConstructorParameters<typeof AdmissionControl>[0]> = {}): { control: AdmissionControl, window: (utilization: number, delayMs?: number) => void, admit: (n: number) => number, free: () => void } {
  let now = 0
  const control = new AdmissionControl({ maxInflight: 200, targetUtilization: 0.7, maxDelayMs: 20, ...settings }, now)
  return {
    control,
    window (utilization, delayMs = 0) {
      now += WINDOW_MS
      control.update({ utilization, delayMs }, now)
    },
    admit (n) {
      let taken = 0
      for (let i = 0; i < n; i++) if (control.tryAcquire(now)) taken++
      return taken
    },
    free () { control.release(now) }
  }
}

t.test('the limit starts at MAX_INFLIGHT_ASKS and the ceiling always holds', async t => {
  const { control, window, admit, free } = controller({ maxInflight: 5 })
  t.equal(control.limit, 5)
  t.equal(admit(8), 5, 'five taken, three refused')
  t.ok(control.atCeiling())
  for (let i = 0; i < 20; i++) window(0.1)
  t.equal(control.limit, 5, 'an idle loop never lifts the limit past the ceiling')
  free()
  t.equal(admit(1), 1, 'a released slot is taken again')
})

t.test('a loop busier than the target lowers the limit towards what would hold it at the target, a third at most per window', async t => {
  const { control, window, admit } = controller()
  t.equal(admit(40), 40)
  window(1)
  t.equal(Math.round(control.limit), Math.round(200 / 3), 'one saturated window: cut by two thirds, not straight to the estimate')
  for (let i = 0; i < 10; i++) window(1)
  // 40 in flight for the whole window at a saturated loop: 40 × 0.7 / 1 = 28.
  t.ok(Math.abs(control.limit - 28) < 0.5, `settles at the estimate (${control.limit.toFixed(1)})`)
  t.equal(admit(5), 0, 'new asks are refused while 40 are in flight')
  t.notOk(control.atCeiling(), 'by the adaptive limit, not the ceiling')
})

t.test('one busy window among idle ones (a garbage-collection pause) does not cut the limit', async t => {
  const { control, window, admit } = controller()
  admit(10)
  for (let i = 0; i < 5; i++) window(0.3)
  window(1)
  t.equal(control.limit, 200, 'the smoothed utilisation stayed under the target')
  window(1)
  window(1)
  t.ok(control.limit < 200, 'a loop busy window after window does')
})

t.test('a loop kept busy by something other than asks leaves the limit alone', async t => {
  const { control, window } = controller()
  for (let i = 0; i < 20; i++) window(1, 200)
  t.equal(control.limit, 200, 'nothing in flight: refusing asks would not relieve the loop')
})

t.test('a late loop counts as saturated even at a moderate utilisation', async t => {
  const { control, window, admit } = controller()
  admit(10)
  window(0.5, 5)
  t.equal(control.limit, 200, '5 ms late is not saturation')
  window(0.5, 60)
  t.ok(control.limit < 200, '60 ms late is')
})

t.test('the limit never falls below one: with nothing in flight an ask always goes through', async t => {
  const { control, window, admit, free } = controller()
  admit(1)
  for (let i = 0; i < 30; i++) window(1, 500)
  t.equal(control.limit, 1)
  t.equal(admit(1), 0, 'a second ask is refused while one is in flight')
  free()
  window(1, 500)
  t.equal(admit(1), 1, 'with none in flight one is taken, however busy the loop')
})

t.test('the limit climbs back once the loop has room, only while it is what refuses asks', async t => {
  const { control, window, admit } = controller()
  admit(4)
  for (let i = 0; i < 30; i++) window(1)
  const low = control.limit
  t.ok(low < 4, `cut to ${low.toFixed(1)}`)
  window(0.2)
  t.equal(control.limit, low, 'no refusal in the window: nothing to climb for')
  t.equal(admit(1), 0, 'an ask refused ...')
  window(0.2)
  t.ok(control.limit > low && control.limit <= low * 1.5 + 1, `... and the limit rises, by half plus one at most (${low.toFixed(1)} -> ${control.limit.toFixed(1)})`)
  for (let i = 0; i < 30; i++) {
    admit(1000)
    window(0.2)
  }
  t.equal(control.limit, 200, 'back to the ceiling when the loop keeps room and asks keep coming')
})

t.test('a loop held at the target neither climbs nor falls: the limit is stable, not a swing between all and nothing', async t => {
  const { control, window, admit } = controller()
  admit(20)
  for (let i = 0; i < 40; i++) window(1)
  const settled = control.limit
  for (let i = 0; i < 40; i++) {
    admit(1000)
    window(0.7)
  }
  t.ok(Math.abs(control.limit - settled) <= 1, `held at ${control.limit.toFixed(1)} (was ${settled.toFixed(1)})`)
})

t.test('settings: SHED_EVENT_LOOP_UTILIZATION is a percentage with a default for a 1-vCPU task', async t => {
  t.equal(loadConfig({}).shedEventLoopUtilization, 70)
  t.equal(loadConfig({ SHED_EVENT_LOOP_UTILIZATION: '65' }).shedEventLoopUtilization, 65)
  t.throws(() => loadConfig({ SHED_EVENT_LOOP_UTILIZATION: '0.9' }), /SHED_EVENT_LOOP_UTILIZATION/)
  t.throws(() => loadConfig({ SHED_EVENT_LOOP_UTILIZATION: '101' }), /SHED_EVENT_LOOP_UTILIZATION/)
})

/** Runs the test's own event loop busy (120 ms bursts) until the service's ask limit is down to `limit`. */
async function busyUntil (app: { askConcurrencyLimit: () => number }, limit: number): Promise<void> {
  for (let i = 0; i < 60 && app.askConcurrencyLimit() > limit; i++) {
    const until = performance.now() + 120
    while (performance.now() < until) { /* busy */ }
    await sleep(5)
  }
}

async function openAIApp (t: Parameters<typeof build>[0], env: Record<string, string> = {}, logs?: ReturnType<typeof captureLogs>): Promise<{ app: Awaited<ReturnType<typeof build>>, stub: Awaited<ReturnType<typeof startOpenAIStub>> }> {
  const stub = await startOpenAIStub()
  t.teardown(async () => await stub.close())
  const settings = { OPENAI_API_KEY: 'sk-test-shedding-000000', OPENAI_BASE_URL: stub.baseUrl, RATE_LIMIT_MAX: '0', API_KEYS: `shedding:${KEY}`, SHED_EVENT_LOOP_DELAY_MS: '20', ...env }
  const app = logs === undefined ? await build(t, settings) : await buildWithLogs(t, settings, logs.stream)
  return { app, stub }
}

t.test('while the event loop is busy, new asks get a fast 503 and the ask in flight finishes', async t => {
  const { app, stub } = await openAIApp(t)
  stub.setBehaviour({ text: 'Amazon S3 is object storage.', headersDelayMs: 1500 })
  t.equal(app.askConcurrencyLimit(), 200, 'MAX_INFLIGHT_ASKS while the loop is idle')
  const first = app.inject(ask)
  await stub.waitForRequests(1)
  await busyUntil(app, 1)
  t.equal(app.askConcurrencyLimit(), 1, `the limit fell to one (loop ${(app.eventLoopUtilization() * 100).toFixed(0)} % busy)`)

  const started = performance.now()
  const shed = await app.inject({ ...ask, headers: { ...auth, 'x-request-id': 'shed-1' } })
  t.ok(performance.now() - started < 1000, 'refused without waiting for the ask in flight')
  t.equal(shed.statusCode, 503)
  t.match(String(shed.headers['content-type']), /^application\/problem\+json/)
  t.match(shed.json(), { type: 'urn:iscoolgpt:problem:overloaded', title: 'Overloaded', status: 503, retryAfterS: 2, detail: /busy \(answering 1 questions, event loop \d+ % busy\)/, instance: '/api/ask#shed-1' })
  t.equal(shed.headers['retry-after'], '2')
  t.equal(shed.headers['x-request-id'], 'shed-1', 'with the request id')
  t.equal(shed.headers['x-content-type-options'], 'nosniff', 'and the security headers of every response')

  const chat = await app.inject({ method: 'POST', url: '/v1/chat/completions', headers: auth, payload: { model: 'iscoolgpt', messages: [{ role: 'user', content: 'What is S3?' }] } })
  t.equal(chat.statusCode, 503)
  t.match(String(chat.headers['content-type']), /^application\/json/)
  t.match(chat.json(), { error: { type: 'service_unavailable_error', code: 'overloaded', message: /busy/ } }, 'in the OpenAI shape on /v1')
  t.equal(chat.headers['retry-after'], '2')

  t.equal((await app.inject({ url: '/health' })).statusCode, 200, 'health checks are never shed')
  t.equal((await app.inject({ url: '/api/providers', headers: auth })).statusCode, 200, 'nor cheap API reads')
  t.equal((await app.inject({ method: 'POST', url: '/api/ask', payload: { question: 'What is S3?' } })).statusCode, 401, 'a request without a key is told so first')
  t.equal(stub.requests.length, 1, 'the shed asks never reached a provider')
  t.equal((await first).statusCode, 200, 'the ask in flight finishes')
  t.equal(app.inflightAsks(), 0)
  t.equal((await app.inject(ask)).statusCode, 200, 'with nothing in flight an ask goes through')
})

t.test('once the loop has room again the limit climbs back and asks are taken', async t => {
  const { app, stub } = await openAIApp(t)
  stub.setBehaviour({ text: 'Amazon S3 is object storage.', headersDelayMs: 3000 })
  const first = app.inject(ask)
  await stub.waitForRequests(1)
  await busyUntil(app, 1)
  t.equal(app.askConcurrencyLimit(), 1)
  stub.setBehaviour({ text: 'Amazon S3 is object storage.' })
  // Asks keep coming to an idle loop: the refusals tell the limit it is what holds them back, and it rises.
  const statuses: number[] = []
  for (let i = 0; i < 40 && statuses.at(-1) !== 200; i++) {
    statuses.push((await app.inject(ask)).statusCode)
    await sleep(WINDOW_MS)
  }
  t.equal(statuses[0], 503, 'refused at the limit at first')
  t.equal(statuses.at(-1), 200, `then a second ask runs beside the first (after ${statuses.length - 1} refusals)`)
  t.equal(app.inflightAsks(), 1, 'while the first is still in flight: the limit had risen to two at least')
  t.equal((await first).statusCode, 200)
})

t.test('refused asks write no access line each: one warning per second, and a metric', async t => {
  const logs = captureLogs()
  const { app, stub } = await openAIApp(t, { METRICS_TOKEN: 'metrics-token-0123456789' }, logs)
  stub.setBehaviour({ text: 'Amazon S3 is object storage.', headersDelayMs: 1500 })
  const first = app.inject(ask)
  await stub.waitForRequests(1)
  await busyUntil(app, 1)
  logs.lines.length = 0
  for (let i = 0; i < 10; i++) t.equal((await app.inject(ask)).statusCode, 503)
  const entries = logs.lines.map(line => JSON.parse(line) as { msg: string, level: number, refused?: number, res?: { statusCode?: number } })
  const warnings = entries.filter(e => e.msg.startsWith('asks refused'))
  t.equal(warnings.length, 1, 'one warning for ten refusals within a second')
  t.match(warnings[0], { level: 40, msg: 'asks refused: event loop busy', refused: 1, inflight: 1, limit: 1 })
  t.equal(entries.filter(e => e.res?.statusCode === 503).length, 0, 'and no access line per refused ask')
  t.equal((await first).statusCode, 200)

  const metrics = await app.inject({ url: '/metrics', headers: { authorization: 'Bearer metrics-token-0123456789' } })
  t.match(metrics.body, /^iscoolgpt_asks_shed_total\{reason="busy"\} 10$/m)
  t.match(metrics.body, /^iscoolgpt_asks_in_flight 0$/m)
  t.match(metrics.body, /^iscoolgpt_asks_concurrency_limit \d+$/m)
  t.match(metrics.body, /^iscoolgpt_event_loop_utilization [\d.e-]+$/m)
  t.match(metrics.body, /^iscoolgpt_http_requests_total\{method="POST",route="\/api\/ask",status_code="503"\} 10$/m, 'the refusals still count among the HTTP requests')
})

t.test('SHED_EVENT_LOOP_DELAY_MS=0 leaves only MAX_INFLIGHT_ASKS, however busy the loop', async t => {
  const { app, stub } = await openAIApp(t, { SHED_EVENT_LOOP_DELAY_MS: '0', MAX_INFLIGHT_ASKS: '3' })
  stub.setBehaviour({ text: 'Amazon S3 is object storage.', headersDelayMs: 600 })
  const first = app.inject(ask)
  await stub.waitForRequests(1)
  const until = performance.now() + 400
  while (performance.now() < until) { /* busy */ }
  await sleep(WINDOW_MS * 2)
  t.equal(app.askConcurrencyLimit(), 3)
  t.same((await Promise.all([app.inject(ask), first])).map(r => r.statusCode), [200, 200])
})
