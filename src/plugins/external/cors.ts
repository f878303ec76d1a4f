// Cross-origin access to the API for the origins in CORS_ORIGINS only; with none listed, browsers get no CORS grant.
import fp from 'fastify-plugin'
import cors from '@fastify/cors'
import type { FastifyInstance } from 'fastify'

async function corsPlugin (app: FastifyInstance): Promise<void> {
  const origins = app.config.corsOrigins
  if (origins.length === 0) return
  await app.register(cors, {
    origin: origins.includes('*') ? '*' : origins,
    methods: ['GET', 'POST'],
    allowedHeaders: ['content-type', 'accept', 'authorization', 'x-api-key', 'x-request-id'],
    exposedHeaders: ['x-request-id', 'retry-after', 'x-ratelimit-limit', 'x-ratelimit-remaining', 'x-ratelimit-reset'],
    // API keys travel in headers, never in cookies: no credentialed requests.
    credentials: false,
    maxAge: 600,
    strictPreflight: true
  })
}

export default fp(corsPlugin, { name: 'iscoolgpt-cors' })
