// Requests Fastify rejects before routing (a malformed percent-encoding, an over-long parameter) still get a problem.
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify'
import { BASELINE_SECURITY_HEADERS } from '../plugins/external/helmet.js'
import { sendProblem } from './problem.js'

export function frameworkErrors (error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const status = error.statusCode ?? 400
  const detail = error.code === 'FST_ERR_BAD_URL'
    ? 'The URL is not valid: it has a malformed percent-encoding.'
    : status === 414 ? 'A path segment is too long.' : 'The request could not be routed.'
  reply.headers(BASELINE_SECURITY_HEADERS)
  sendProblem(request, reply, { status, detail })
}
