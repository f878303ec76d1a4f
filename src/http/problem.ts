// Building and sending RFC 9457 problem responses; the one shape every error takes.
import type { FastifyReply, FastifyRequest } from 'fastify'
import { STATUS_CODES } from 'node:http'
import type { FieldError, Problem, ProviderFailure } from '../../schemas/problem.js'

export const PROBLEM_CONTENT_TYPE = 'application/problem+json'

/** Problem types that carry meaning beyond the HTTP status; plain HTTP errors use about:blank. */
export const ProblemType = {
  validation: 'urn:iscoolgpt:problem:validation',
  malformedJson: 'urn:iscoolgpt:problem:malformed-json',
  unknownProviders: 'urn:iscoolgpt:problem:unknown-providers',
  noProviders: 'urn:iscoolgpt:problem:no-providers',
  allProvidersFailed: 'urn:iscoolgpt:problem:all-providers-failed',
  rateLimited: 'urn:iscoolgpt:problem:rate-limited',
  overloaded: 'urn:iscoolgpt:problem:overloaded',
  unauthorized: 'urn:iscoolgpt:problem:unauthorized',
  forbidden: 'urn:iscoolgpt:problem:forbidden',
  notReady: 'urn:iscoolgpt:problem:not-ready',
  unknownAnswer: 'urn:iscoolgpt:problem:unknown-answer',
  closing: 'urn:iscoolgpt:problem:closing',
  requestTimeout: 'urn:iscoolgpt:problem:request-timeout',
  generic: 'about:blank'
} as const

export interface ProblemInit {
  status: number
  detail: string
  type?: string
  title?: string
  errors?: FieldError[]
  providers?: ProviderFailure[]
  retryAfterS?: number
}

export function buildProblem (request: FastifyRequest, init: ProblemInit): Problem {
  const path = request.url.split('?')[0] ?? request.url
  const body: Problem = {
    type: init.type ?? ProblemType.generic,
    title: init.title ?? STATUS_CODES[init.status] ?? 'Error',
    status: init.status,
    detail: init.detail,
    instance: `${path}#${request.id}`
  }
  if (init.errors !== undefined) body.errors = init.errors
  if (init.providers !== undefined) body.providers = init.providers
  if (init.retryAfterS !== undefined) body.retryAfterS = init.retryAfterS
  return body
}

export function sendProblem (request: FastifyRequest, reply: FastifyReply, init: ProblemInit): FastifyReply {
  if (init.retryAfterS !== undefined) reply.header('retry-after', String(init.retryAfterS))
  return reply.code(init.status).type(PROBLEM_CONTENT_TYPE).send(buildProblem(request, init))
}

/** An error a service function throws to end the request with a specific problem. */
export class HttpProblem extends Error {
  constructor (readonly init: ProblemInit) {
    super(init.detail)
    this.name = 'HttpProblem'
  }
}
