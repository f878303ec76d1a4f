// The answer cache: an in-process LRU, backed by Redis when REDIS_URL is set so every replica shares answers.
//
// Reads try the process's own LRU first, then Redis; an answer found in Redis is kept locally for the rest of
// its life. Writes go to both. Any Redis failure (down, slow, a malformed value) is logged and treated as a
// miss: the cache can make a question cheaper, never make it fail.
import type { FastifyBaseLogger } from 'fastify'
import type { Redis } from 'ioredis'
import { LRUCache } from 'lru-cache'
import type { AskResponse } from '../../schemas/ask.js'

export type CacheStore = 'memory' | 'redis'

export interface CachedAnswer {
  /** When the answer was computed (ms since epoch), so a copy taken from Redis expires with the original. */
  storedAt: number
  response: AskResponse
}

export interface CacheHit {
  response: AskResponse
  store: CacheStore
}

export interface AnswerCacheOptions {
  /** How long an answer is served from the cache; 0 turns the cache off. */
  ttlS: number
  maxEntries: number
  /** The shared Redis connection, or null; read at each operation because it is created after the cache. */
  redis?: () => Redis | null | undefined
  log: FastifyBaseLogger
  /** Longest wait for Redis before the cache counts as unavailable for this request. */
  timeoutMs?: number
  prefix?: string
  onError?: (operation: 'get' | 'set') => void
}

export const REDIS_PREFIX = 'iscoolgpt:answer:'

class CacheTimeout extends Error {
  constructor (ms: number) {
    super(`redis did not answer within ${ms} ms`)
    this.name = 'CacheTimeout'
  }
}

async function within<T> (ms: number, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_resolve, reject) => { timer = setTimeout(() => { reject(new CacheTimeout(ms)) }, ms) })
  try {
    return await Promise.race([work, timeout])
  } finally {
    clearTimeout(timer)
  }
}

function isCachedAnswer (value: unknown): value is CachedAnswer {
  if (value === null || typeof value !== 'object') return false
  const { storedAt, response } = value as Partial<CachedAnswer>
  return typeof storedAt === 'number' && response !== null && typeof response === 'object' &&
    typeof response.answer === 'string' && Array.isArray(response.candidates) && typeof response.usage === 'object'
}

export class AnswerCache {
  private readonly memory: LRUCache<string, CachedAnswer> | undefined
  private readonly ttlMs: number
  private readonly timeoutMs: number
  private readonly prefix: string

  constructor (private readonly options: AnswerCacheOptions) {
    this.ttlMs = options.ttlS * 1000
    this.timeoutMs = options.timeoutMs ?? 250
    this.prefix = options.prefix ?? REDIS_PREFIX
    this.memory = this.ttlMs > 0 ? new LRUCache({ max: options.maxEntries, ttl: this.ttlMs }) : undefined
  }

  get enabled (): boolean {
    return this.memory !== undefined
  }

  private redis (): Redis | undefined {
    const redis = this.options.redis?.() ?? undefined
    // Without an offline queue a command on a connection that is not ready fails anyway; skipping it saves the round trip.
    return redis?.status === 'ready' ? redis : undefined
  }

  private failed (operation: 'get' | 'set', err: unknown): void {
    this.options.onError?.(operation)
    this.options.log.warn({ operation, reason: err instanceof Error ? err.message : String(err) }, 'answer cache unavailable: asking the providers')
  }

  async get (key: string): Promise<CacheHit | undefined> {
    if (this.memory === undefined) return undefined
    const local = this.memory.get(key)
    if (local !== undefined) return { response: local.response, store: 'memory' }
    const redis = this.redis()
    if (redis === undefined) return undefined
    try {
      const raw = await within(this.timeoutMs, redis.get(this.prefix + key))
      if (raw === null) return undefined
      const value: unknown = JSON.parse(raw)
      if (!isCachedAnswer(value)) throw new Error('a cached value is not an answer')
      const remainingMs = value.storedAt + this.ttlMs - Date.now()
      if (remainingMs <= 0) return undefined
      this.memory.set(key, value, { ttl: remainingMs })
      return { response: value.response, store: 'redis' }
    } catch (err) {
      this.failed('get', err)
      return undefined
    }
  }

  async set (key: string, response: AskResponse): Promise<void> {
    if (this.memory === undefined) return
    const value: CachedAnswer = { storedAt: Date.now(), response }
    this.memory.set(key, value)
    const redis = this.redis()
    if (redis === undefined) return
    try {
      await within(this.timeoutMs, redis.set(this.prefix + key, JSON.stringify(value), 'PX', this.ttlMs))
    } catch (err) {
      this.failed('set', err)
    }
  }
}
