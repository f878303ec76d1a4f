// API-key authentication for /api/* and /v1/*: every other route (health, docs, the page) stays public.
import fp from 'fastify-plugin'
import { createHash, timingSafeEqual } from 'node:crypto'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { ApiClient } from '../config.js'
import { HttpProblem, ProblemType, type ProblemInit } from '../http/problem.js'

declare module 'fastify' {
  interface FastifyRequest {
    /** The API client's name from API_KEYS once its key is accepted; null on open or public routes. */
    client: string | null
  }
}

const API_PREFIXES = ['/api/', '/v1/']

/**
 * The operation-level OpenAPI requirement: either scheme, or none (`{}`) when the server runs without API_KEYS.
 * A fresh copy per operation: shared arrays would come out of the YAML writer as anchors and aliases.
 */
export const apiSecurity = (): Array<Record<string, string[]>> => [{ bearerAuth: [] }, { apiKeyHeader: [] }, {}]

export function isApiPath (path: string): boolean {
  return API_PREFIXES.some(prefix => path.startsWith(prefix)) || path === '/api' || path === '/v1'
}

/**
 * Whether the request is for the API. The matched route decides when there is one, so odd spellings
 * of a path cannot slip past; unmatched paths are judged by their text (a 404 under /api is still the API's).
 */
export function isApiRequest (request: FastifyRequest): boolean {
  const route = request.routeOptions.url
  if (route !== undefined && route !== '*' && route !== '/*') return isApiPath(route)
  return isApiPath(request.url.split('?')[0] ?? request.url)
}

/** The key a request presents: `Authorization: Bearer <key>` first, then `x-api-key`. */
export function presentedKey (request: FastifyRequest): string | undefined {
  const authorization = request.headers.authorization
  if (typeof authorization === 'string') {
    const match = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(authorization)
    if (match?.[1] !== undefined) return match[1]
  }
  const header = request.headers['x-api-key']
  const value = Array.isArray(header) ? header[0] : header
  if (typeof value === 'string' && value.trim() !== '') return value.trim()
  return undefined
}

const digest = (value: string): Buffer => createHash('sha256').update(value, 'utf8').digest()

export interface KeyRing {
  /** The client a key belongs to, or null. Takes the same time whichever key matches, or none. */
  clientOf: (key: string) => string | null
}

/**
 * Keys are compared as SHA-256 digests so both sides have the same length for timingSafeEqual,
 * and every configured key is compared on every call so the time does not reveal which one matched.
 */
export function keyRing (clients: ApiClient[]): KeyRing {
  const digests = clients.map(c => ({ name: c.name, digest: digest(c.key) }))
  return {
    clientOf (key) {
      const presented = digest(key)
      let found: string | null = null
      for (const entry of digests) {
        if (timingSafeEqual(entry.digest, presented) && found === null) found = entry.name
      }
      return found
    }
  }
}

const identified = new WeakMap<FastifyRequest, string | null>()

/**
 * The API client a request authenticates as, or null. Memoised per request: the rate limiter asks
 * first (to count per client) and the authentication hook after it.
 */
export function apiClientOf (request: FastifyRequest, ring: KeyRing): string | null {
  const known = identified.get(request)
  if (known !== undefined) return known
  const key = presentedKey(request)
  const client = key === undefined ? null : ring.clientOf(key)
  identified.set(request, client)
  return client
}

/** A problem an error handler renders as problem+json, and the OpenAI facade as an OpenAI error (via statusCode). */
export function accessError (init: ProblemInit): HttpProblem {
  return Object.assign(new HttpProblem(init), { statusCode: init.status })
}

async function authPlugin (app: FastifyInstance): Promise<void> {
  const clients = app.config.apiKeys
  app.decorateRequest('client', null)

  // Documented the same way whatever the environment, so openapi.yaml does not depend on where it was generated.
  app.addHook('onRoute', route => {
    if (!isApiPath(route.url) || route.schema === undefined) return
    const schema = route.schema as Record<string, unknown>
    if (schema.security === undefined) schema.security = apiSecurity()
  })

  if (clients.length === 0) {
    app.log.warn('API_KEYS is not set: /api and /v1 are open to anyone who can reach this server')
    return
  }
  app.log.info({ clients: clients.map(c => c.name) }, 'API keys required on /api and /v1')

  const ring = keyRing(clients)

  app.addHook('onRequest', async (request, reply) => {
    if (!isApiRequest(request)) return
    const client = apiClientOf(request, ring)
    if (client !== null) {
      request.client = client
      // Every later log line of this request (the access line too) names the client, never the key.
      request.log = reply.log = request.log.child({ client })
      return
    }
    if (presentedKey(request) === undefined) {
      reply.header('www-authenticate', 'Bearer realm="iscoolgpt"')
      throw accessError({
        status: 401,
        type: ProblemType.unauthorized,
        title: 'Unauthorized',
        detail: 'An API key is required: send it as "Authorization: Bearer <key>" or in the x-api-key header.'
      })
    }
    request.log.warn({ ip: request.ip }, 'rejected an unknown API key')
    throw accessError({
      status: 403,
      type: ProblemType.forbidden,
      title: 'Forbidden',
      detail: 'The API key is not valid.'
    })
  })
}

export default fp(authPlugin, { name: 'iscoolgpt-auth' })
