// The process's one Redis connection (shared rate-limit counters, the answer cache), or null without REDIS_URL.
import fp from 'fastify-plugin'
import type { Redis } from 'ioredis'
import type { FastifyInstance } from 'fastify'

declare module 'fastify' {
  interface FastifyInstance {
    /**
     * Null when REDIS_URL is unset. Commands fail fast while Redis is unreachable (no offline queue),
     * so every user must have a local fallback rather than wait.
     */
    redis: Redis | null
  }
}

export interface RedisPluginOptions {
  /** How long the first connection may take before the service starts without Redis (it keeps retrying). */
  connectTimeoutMs?: number
}

/** `redis://user:secret@host:6379/0` → `redis://host:6379/0`: what a log line may say about the server. */
export function redisTarget (url: string): string {
  try {
    const parsed = new URL(url)
    return `${parsed.protocol}//${parsed.host}${parsed.pathname === '/' ? '' : parsed.pathname}`
  } catch {
    return 'redis'
  }
}

async function redisPlugin (app: FastifyInstance, options: RedisPluginOptions): Promise<void> {
  const url = app.config.redisUrl
  if (url === undefined) {
    app.decorate('redis', null)
    return
  }
  const target = redisTarget(url)
  // Imported here: ioredis takes tens of milliseconds to load, which a service without Redis should not pay at start.
  const { Redis: RedisClient } = await import('ioredis')
  const redis = new RedisClient(url, {
    lazyConnect: true,
    // A request must never wait for Redis to come back: fail the command, let the caller fall back.
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectTimeout: options.connectTimeoutMs ?? 2000,
    connectionName: 'iscoolgpt',
    // Keep trying for as long as the process lives, at most every 5 s: Redis may come back.
    retryStrategy: times => Math.min(times * 200, 5000)
  })

  // One warning per outage, not one per reconnect attempt; a server that shuts down cleanly sends no error, only a close.
  let down = false
  let closing = false
  const unavailable = (reason: string, code?: string): void => {
    if (down || closing) return
    down = true
    app.log.warn({ redis: target, code, reason }, 'redis unavailable: using per-process fallbacks until it is back')
  }
  redis.on('error', (err: Error & { code?: string }) => { unavailable(err.message, err.code) })
  redis.on('close', () => { unavailable('connection closed') })
  redis.on('ready', () => {
    if (down) app.log.info({ redis: target }, 'redis connection restored')
    down = false
  })

  app.decorate('redis', redis)
  app.addHook('onClose', async () => {
    closing = true
    if (redis.status === 'ready') await redis.quit().catch(() => redis.disconnect())
    else redis.disconnect()
  })

  try {
    await redis.connect()
    app.log.info({ redis: target }, 'redis connected')
  } catch (err) {
    // The service starts anyway and reconnects in the background.
    unavailable(err instanceof Error ? err.message : String(err))
  }
}

export default fp(redisPlugin, { name: 'iscoolgpt-redis' })
