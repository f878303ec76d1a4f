// Load shedding for the routes that call providers. A new ask is refused with a fast 503 + Retry-After, before
// its body is read and before any provider is called, when taking it would make the asks already accepted late.
//
// Why a limit on concurrent asks that adapts, rather than a threshold on lateness: the event loop's lateness
// only rises once work is already queued, so a rule "shed while the loop is late" starts refusing when the
// process is saturated and everything, its 503s included, waits in the queue; it then refuses every new ask
// until the loop is on time again, takes every ask after that, and swings between the two. Instead:
// - The loop's utilisation (the share of wall time it spends running code, perf_hooks' eventLoopUtilization)
//   is read every WINDOW_MS. It is the early signal: it is high before anything queues.
// - An ask costs CPU roughly in proportion to how many are in flight (Little's law: the same asks per second
//   and the same provider latency give the same asks in flight and the same loop work), so the number in
//   flight that would hold the loop at the target utilisation is (mean in flight) × target / utilisation.
//   The limit moves towards that estimate: down to no less than a third of itself per window when the loop is
//   busier than SHED_EVENT_LOOP_UTILIZATION (the utilisation is smoothed over about three windows, so one
//   garbage-collection pause does not empty the service), up by at most half plus one when the
//   loop has room and the limit is what held asks back (so slower providers, which raise the asks in flight
//   at the same CPU, do not leave the service refusing work it has room for).
// - The mean lateness of a timer past SHED_EVENT_LOOP_DELAY_MS counts as "busier than the target" too: a few long
//   blocking tasks (a very long answer to aggregate) delay every other ask even at a moderate utilisation.
//   SHED_EVENT_LOOP_DELAY_MS=0 turns the adaptive limit off altogether: only the ceiling applies.
// - A new ask is taken while fewer than the limit are in flight. The limit never falls below one, so with
//   nothing in flight an ask always goes through, and never rises above MAX_INFLIGHT_ASKS, the fixed ceiling
//   (an ask mostly waits on providers, so a process can be full of asks with an idle loop).
// Everything else keeps answering, so health checks, the page and cheap reads stay up while asks are shed.
//
// A refusal costs a small fraction of an ask: it is decided in an onRequest hook (before the body is read),
// written straight to the socket as a short problem+json (or OpenAI-shaped error on /v1), logged as one warning
// per second rather than one access line per refusal, and counted in iscoolgpt_asks_shed_total.
import fp from 'fastify-plugin'
import type { OutgoingHttpHeaders } from 'node:http'
import { performance } from 'node:perf_hooks'
import { Counter, Gauge } from 'prom-client'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { buildProblem, PROBLEM_CONTENT_TYPE, ProblemType, type ProblemInit } from '../http/problem.js'
import { openAIErrorOf } from '../http/openai-error.js'
import { markSummarized } from '../observability/request-log.js'

declare module 'fastify' {
  interface FastifyInstance {
    /** Asks being answered right now. */
    inflightAsks: () => number
    /** How many asks may be in flight right now: MAX_INFLIGHT_ASKS, or lower while the event loop is busy. */
    askConcurrencyLimit: () => number
    /** Event-loop delay (mean, ms) over the last sample window, as the shedding decision sees it. */
    eventLoopDelayMs: () => number
    /** The event loop's utilisation (0..1) over the last sample window, smoothed. */
    eventLoopUtilization: () => number
  }
}

/** The routes that fan out to the providers: the only ones worth shedding. */
export const ASK_ROUTES = new Set(['/api/ask', '/api/prompt', '/v1/chat/completions'])

/** How often the loop's lateness is sampled, and how often utilisation is read and the limit moved. */
const TICK_MS = 10
export const WINDOW_MS = 50

/** What the loop did over one window. */
export interface LoopReading {
  /** Share of the window the loop spent running code, 0..1. */
  utilization: number
  /** Mean lateness of a TICK_MS timer over the window, ms. */
  delayMs: number
}

export interface AdmissionSettings {
  /** The ceiling (MAX_INFLIGHT_ASKS). */
  maxInflight: number
  /** Utilisation the limit holds the loop under, 0..1. */
  targetUtilization: number
  /** Mean lateness counted as saturation, ms. */
  maxDelayMs: number
}

/** Weight of the newest window in the smoothed utilisation: about three windows of memory. */
const SMOOTHING = 0.4
/** Largest cut of the limit in one window, and largest rise (times, plus one). */
const MAX_CUT = 2 / 3
const MAX_RISE = 1.5

/**
 * The adaptive limit, with no clock or I/O of its own: the plugin feeds it a reading per window, tests feed it
 * made-up readings. `inflight` is kept here so the time-weighted mean over a window can be taken.
 */
export class AdmissionControl {
  private limitValue: number
  private inflightNow = 0
  private utilizationValue = 0
  private delayValue = 0
  // Time-weighted asks in flight over the current window, and whether the limit turned an ask away in it.
  private area = 0
  private changedAt: number
  private windowStart: number
  private bound = false

  constructor (readonly settings: AdmissionSettings, now: number) {
    this.limitValue = settings.maxInflight
    this.changedAt = now
    this.windowStart = now
  }

  get limit (): number { return this.limitValue }
  get inflight (): number { return this.inflightNow }
  get utilization (): number { return this.utilizationValue }
  get delayMs (): number { return this.delayValue }

  /** Takes an ask when there is room for it; false means shed it. */
  tryAcquire (now: number): boolean {
    if (this.inflightNow >= Math.floor(this.limitValue)) {
      this.bound = true
      return false
    }
    this.accumulate(now)
    this.inflightNow++
    return true
  }

  release (now: number): void {
    this.accumulate(now)
    this.inflightNow--
  }

  /** Whether the ceiling, not the adaptive part, is what refuses: the 503 says which. */
  atCeiling (): boolean {
    return this.inflightNow >= this.settings.maxInflight
  }

  /** Ends a window: moves the limit from what the loop did during it. */
  update (reading: LoopReading, now: number): void {
    this.accumulate(now)
    const span = Math.max(1e-3, now - this.windowStart)
    const meanInflight = this.area / span
    this.area = 0
    this.windowStart = now
    const bound = this.bound
    this.bound = false

    const { maxInflight, targetUtilization, maxDelayMs } = this.settings
    this.utilizationValue = this.utilizationValue === 0 ? reading.utilization : SMOOTHING * reading.utilization + (1 - SMOOTHING) * this.utilizationValue
    this.delayValue = reading.delayMs
    const u = this.utilizationValue
    const late = maxDelayMs > 0 && reading.delayMs > maxDelayMs
    // No ask in flight and none turned away: whatever kept the loop busy (start-up, a scrape), it was not the
    // asks, and refusing asks would not relieve it.
    if (meanInflight === 0 && !bound) return
    if (u > targetUtilization || late) {
      // A late loop is as good as fully busy for the estimate.
      const estimate = meanInflight * targetUtilization / (late ? Math.max(u, 1) : u)
      this.limitValue = Math.max(1, this.limitValue * (1 - MAX_CUT), Math.min(this.limitValue, estimate))
    } else if (bound) {
      const estimate = meanInflight * targetUtilization / Math.max(u, 0.01)
      this.limitValue = Math.min(maxInflight, this.limitValue * MAX_RISE + 1, Math.max(this.limitValue + 1, estimate))
    }
  }

  private accumulate (now: number): void {
    this.area += this.inflightNow * Math.max(0, now - this.changedAt)
    this.changedAt = now
  }
}

/**
 * Samples the loop: a TICK_MS timer notes how late it fires, and every WINDOW_MS the utilisation since the last
 * window and the mean lateness are handed on. A timer of our own rather than perf_hooks' delay histogram, which a
 * long blocking burst leaves with no sample at all when read; the utilisation covers the whole window whatever
 * happened in it, including a burst during which no timer could fire.
 */
function watchEventLoop (onWindow: (reading: LoopReading, now: number) => void): () => void {
  let lateSum = 0
  let ticks = 0
  let windowStart = performance.now()
  let expected = windowStart + TICK_MS
  let elu = performance.eventLoopUtilization()
  let timer: NodeJS.Timeout
  const tick = (): void => {
    const now = performance.now()
    lateSum += Math.max(0, now - expected)
    ticks++
    if (now - windowStart >= WINDOW_MS) {
      const next = performance.eventLoopUtilization()
      onWindow({ utilization: performance.eventLoopUtilization(next, elu).utilization, delayMs: lateSum / ticks }, now)
      elu = next
      lateSum = 0
      ticks = 0
      windowStart = now
    }
    expected = now + TICK_MS
    timer = setTimeout(tick, TICK_MS)
    timer.unref()
  }
  timer = setTimeout(tick, TICK_MS)
  timer.unref()
  return () => { clearTimeout(timer) }
}

function isAsk (request: FastifyRequest): boolean {
  return request.method === 'POST' && request.routeOptions.url !== undefined && ASK_ROUTES.has(request.routeOptions.url)
}

export interface LoadSheddingOptions {
  /** Retry-After (s) on a shed ask. */
  retryAfterS?: number
}

async function loadSheddingPlugin (app: FastifyInstance, options: LoadSheddingOptions): Promise<void> {
  const retryAfterS = options.retryAfterS ?? 2
  const { maxInflightAsks, shedEventLoopDelayMs, shedEventLoopUtilization } = app.config
  // SHED_EVENT_LOOP_DELAY_MS=0 turns shedding on the loop's signals off: only the fixed ceiling applies.
  const adaptive = shedEventLoopDelayMs > 0
  const control = new AdmissionControl({
    maxInflight: maxInflightAsks,
    targetUtilization: adaptive ? shedEventLoopUtilization / 100 : Infinity,
    maxDelayMs: shedEventLoopDelayMs
  }, performance.now())
  const stop = adaptive ? watchEventLoop((reading, now) => { control.update(reading, now) }) : undefined
  app.addHook('onClose', async () => { stop?.() })

  app.decorate('inflightAsks', () => control.inflight)
  app.decorate('askConcurrencyLimit', () => Math.floor(control.limit))
  app.decorate('eventLoopDelayMs', () => control.delayMs)
  app.decorate('eventLoopUtilization', () => control.utilization)

  const registers = [app.metrics.registry]
  const shedCounter = new Counter({
    name: 'iscoolgpt_asks_shed_total',
    help: 'Asks refused with 503 before any provider was called: reason "busy" when the event loop had no room for more, "ceiling" at MAX_INFLIGHT_ASKS.',
    labelNames: ['reason'] as const,
    registers
  })
  new Gauge({ name: 'iscoolgpt_asks_in_flight', help: 'Asks being answered.', registers, collect () { this.set(control.inflight) } })
  new Gauge({ name: 'iscoolgpt_asks_concurrency_limit', help: 'Asks that may be in flight at once right now (adapts to the event loop; at most MAX_INFLIGHT_ASKS).', registers, collect () { this.set(Math.floor(control.limit)) } })
  new Gauge({ name: 'iscoolgpt_event_loop_utilization', help: 'Share of the last moment the event loop spent running code, as load shedding sees it (0..1, smoothed).', registers, collect () { this.set(control.utilization) } })

  // One warning per second at most: a line per refused ask would add to the very load being shed.
  let refused = 0
  let reportedAt = 0
  const report = (request: FastifyRequest, reason: string): void => {
    refused++
    const now = Date.now()
    if (now - reportedAt < 1000) return
    request.log.warn({
      refused,
      inflight: control.inflight,
      limit: Math.floor(control.limit),
      eventLoopUtilization: Math.round(control.utilization * 100) / 100,
      eventLoopDelayMs: Math.round(control.delayMs)
    }, `asks refused: ${reason}`)
    reportedAt = now
    refused = 0
  }

  // The refusal's body differs per request only in its instance (path#id): built by hand, sent straight to the
  // socket. Everything set on the reply so far (request id, security and CORS headers) goes with it.
  const refuse = (request: FastifyRequest, reply: FastifyReply, init: ProblemInit): void => {
    const problem = buildProblem(request, init)
    const openAI = request.routeOptions.url?.startsWith('/v1/') === true
    const body = JSON.stringify(openAI ? openAIErrorOf(problem) : problem)
    markSummarized(request)
    const headers: OutgoingHttpHeaders = {}
    for (const [name, value] of Object.entries(reply.getHeaders())) if (value !== undefined) headers[name] = value
    headers['content-type'] = openAI ? 'application/json; charset=utf-8' : `${PROBLEM_CONTENT_TYPE}; charset=utf-8`
    headers['content-length'] = Buffer.byteLength(body)
    headers['retry-after'] = String(retryAfterS)
    reply.hijack()
    reply.raw.writeHead(503, headers)
    reply.raw.end(body)
  }

  app.addHook('onRequest', (request, reply, done) => {
    if (!isAsk(request)) { done(); return }
    const now = performance.now()
    if (!control.tryAcquire(now)) {
      const ceiling = control.atCeiling()
      shedCounter.inc({ reason: ceiling ? 'ceiling' : 'busy' })
      report(request, ceiling ? 'MAX_INFLIGHT_ASKS reached' : 'event loop busy')
      refuse(request, reply, {
        status: 503,
        type: ProblemType.overloaded,
        title: 'Overloaded',
        detail: ceiling
          ? `The server is answering ${control.inflight} questions already; retry in ${retryAfterS} s.`
          : `The server is busy (answering ${control.inflight} questions, event loop ${Math.round(control.utilization * 100)} % busy); retry in ${retryAfterS} s.`,
        retryAfterS
      })
      return
    }
    // 'close' fires once whether the response finished or the client went away mid-answer.
    reply.raw.once('close', () => { control.release(performance.now()) })
    done()
  })
}

export default fp(loadSheddingPlugin, { name: 'iscoolgpt-load-shedding', dependencies: ['iscoolgpt-metrics'] })
