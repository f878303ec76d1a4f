// Learned provider reliability: kept in Redis when REDIS_URL is set (shared by every replica), else in DATA_DIR.
import fp from 'fastify-plugin'
import type { FastifyInstance } from 'fastify'
import { FileTrustStore, RedisTrustStore, type TrustStore } from '../trust/trust-store.js'
import { TrustService } from '../trust/trust-service.js'
import type { ServiceMetrics } from '../observability/metrics.js'

declare module 'fastify' {
  interface FastifyInstance {
    trust: TrustService
  }
}

async function trustPlugin (app: FastifyInstance, options: { metrics?: ServiceMetrics }): Promise<void> {
  const onProblem = (message: string): void => { app.log.warn(message) }
  const store: TrustStore = app.redis !== null ? new RedisTrustStore(app.redis, onProblem) : FileTrustStore.inDir(app.config.dataDir, onProblem)
  const trust = new TrustService({
    store,
    redis: () => app.redis,
    onProblem,
    onChange: state => options.metrics?.recordTrust(state)
  })
  await trust.start()
  app.decorate('trust', trust)
  // The file store writes behind the state in memory: what it holds back is stored before the process goes.
  app.addHook('onClose', async () => { await store.close?.() })
}

export default fp(trustPlugin, { name: 'trust', dependencies: ['iscoolgpt-redis'] })
