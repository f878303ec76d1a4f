// @fastify/rate-limit on /api/* and /v1/*: RATE_LIMIT_MAX requests per RATE_LIMIT_WINDOW_MS per API client
// (per IP when the API is open or no valid key was sent), counted in Redis when REDIS_URL is set.
import fp from 'fastify-plugin'
import rateLimit, { type FastifyRateLimitStore } from '@fastify/rate-limit'
import { LRUCache } from 'lru-cache'
import type { Redis } from 'ioredis'
import type { FastifyBaseLogger, FastifyInstance, FastifyRequest } from 'fastify'
import { ProblemType } from '../../http/problem.js'
import { accessError, apiClientOf, isApiRequest, keyRing } from '../auth.js'

type Counted = { current: number, ttl: number }
type IncrCallback = (error: Error | null, result?: Counted) => void

const NAMESPACE = 'iscoolgpt:rate-limit:'

/** Fixed windows in this process: the store without Redis, and the fallback while Redis is unreachable. */
class LocalWindows {
  // Made at the first request counted: its 50,000 slots are allocated up front, which a replica that
  // is never asked (or counts in Redis) need not hold.
  #windows: LRUCache<string, { count: number, resetAt: number }> | null = null

  incr (key: string, windowMs: number, now = Date.now()): Counted {
    const windows = this.#windows ??= new LRUCache({ max: 50000 })
    let entry = windows.get(key)
    if (entry === undefined || entry.resetAt <= now) {
      entry = { count: 0, resetAt: now + windowMs }
      windows.set(key, entry)
    }
    entry.count++
    return { current: entry.count, ttl: entry.resetAt - now }
  }
}

/**
 * Counts in Redis so every replica shares one budget per client. The window starts with the first
 * request (SET NX with the window as expiry; INCR keeps the expiry), all in one MULTI so it is atomic.
 * While Redis is unreachable each process counts on its own: a looser bound, never an open door.
 */
export class CounterStore implements FastifyRateLimitStore {
  constructor (
    private readonly redis: Redis | null,
    private readonly windowMs: number,
    private readonly log: FastifyBaseLogger,
    private readonly prefix = NAMESPACE,
    private readonly local = new LocalWindows()
  ) {}

  incr (key: string, callback: IncrCallback, timeWindow: number = this.windowMs): void {
    const redis = this.redis
    if (redis === null || redis.status !== 'ready') {
      callback(null, this.local.incr(key, timeWindow))
      return
    }
    const redisKey = this.prefix + key
    redis.multi().set(redisKey, 0, 'PX', timeWindow, 'NX').incr(redisKey).pttl(redisKey).exec()
      .then(results => {
        const current = Number(results?.[1]?.[1])
        const ttl = Number(results?.[2]?.[1])
        if (!Number.isFinite(current) || results?.some(([err]) => err !== null) === true) throw new Error('unexpected reply to the rate-limit transaction')
        callback(null, { current, ttl: ttl > 0 ? ttl : timeWindow })
      })
      .catch((err: unknown) => {
        this.log.debug({ reason: err instanceof Error ? err.message : String(err) }, 'rate limit counted locally: redis failed')
        callback(null, this.local.incr(key, timeWindow))
      })
  }

  child (routeOptions: { method?: string | string[], url?: string }): CounterStore {
    const method = Array.isArray(routeOptions.method) ? routeOptions.method.join(',') : routeOptions.method ?? ''
    return new CounterStore(this.redis, this.windowMs, this.log, `${this.prefix}${method}${routeOptions.url ?? ''}:`)
  }
}

/** The counter a request is charged to: its API client when it sent a valid key, else its address. */
export function rateLimitKey (request: FastifyRequest, ring: ReturnType<typeof keyRing>): string {
  const client = apiClientOf(request, ring)
  return client !== null ? `client:${client}` : `ip:${request.ip}`
}

async function rateLimitPlugin (app: FastifyInstance): Promise<void> {
  const { rateLimitMax: max, rateLimitWindowMs: windowMs } = app.config
  if (max === 0) {
    app.log.warn('RATE_LIMIT_MAX is 0: the API is not rate limited')
    return
  }
  const ring = keyRing(app.config.apiKeys)
  const redis = app.redis
  const log = app.log
  const windowS = Math.ceil(windowMs / 1000)

  await app.register(rateLimit, {
    // Only the API is limited (see the hook below); health checks, docs and the page never are.
    global: false,
    max,
    timeWindow: windowMs,
    hook: 'onRequest',
    store: class extends CounterStore { constructor () { super(redis, windowMs, log) } },
    keyGenerator: request => rateLimitKey(request, ring),
    onExceeded: (request, key) => { request.log.warn({ key }, 'rate limit exceeded') },
    errorResponseBuilder: (_request, context) => {
      const retryAfterS = Math.max(1, Math.ceil(context.ttl / 1000))
      return accessError({
        status: 429,
        type: ProblemType.rateLimited,
        title: 'Too many requests',
        detail: `The limit is ${context.max} requests per ${windowS} s; retry in ${retryAfterS} s.`,
        retryAfterS
      })
    }
  })

  const limit = app.rateLimit()
  app.addHook('onRequest', async (request, reply) => {
    if (isApiRequest(request)) await limit.call(app, request, reply)
  })
}

export default fp(rateLimitPlugin, { name: 'iscoolgpt-rate-limit', dependencies: ['iscoolgpt-redis'] })
