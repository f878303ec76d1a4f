// One error handler and one not-found handler: every failure leaves as a problem+json body.
import fp from 'fastify-plugin'
import type { FastifyError, FastifyInstance, FastifyRequest } from 'fastify'
import type { FieldError } from '../../schemas/problem.js'
import { HttpProblem, ProblemType, sendProblem } from '../http/problem.js'
import { BODY_TIMEOUT_CODE } from './request-timeouts.js'

interface AjvIssue {
  instancePath: string
  keyword: string
  message?: string
  params: Record<string, unknown>
}

/** Turns Ajv's issues into `{field, message}` pairs a person can act on. */
export function fieldErrors (context: string, issues: AjvIssue[]): FieldError[] {
  return issues.map(issue => {
    const base = `${context}${issue.instancePath}`
    switch (issue.keyword) {
      case 'required':
        return { field: `${base}/${String(issue.params.missingProperty)}`, message: 'is required' }
      case 'additionalProperties':
        return { field: `${base}/${String(issue.params.additionalProperty)}`, message: 'is not an accepted field' }
      case 'enum':
        return { field: base, message: `must be one of ${(issue.params.allowedValues as unknown[]).map(v => JSON.stringify(v)).join(', ')}` }
      default:
        return { field: base, message: issue.message ?? 'is not valid' }
    }
  })
}

/** Unions of literals make Ajv report one "must be equal to constant" per branch: fold them into one line. */
function foldConstIssues (issues: AjvIssue[]): AjvIssue[] {
  const out: AjvIssue[] = []
  const consts = new Map<string, unknown[]>()
  for (const issue of issues) {
    if (issue.keyword === 'const') {
      const list = consts.get(issue.instancePath) ?? []
      list.push(issue.params.allowedValue)
      consts.set(issue.instancePath, list)
    } else if (issue.keyword === 'anyOf' && consts.has(issue.instancePath)) {
      continue
    } else {
      out.push(issue)
    }
  }
  for (const [instancePath, allowedValues] of consts) out.push({ instancePath, keyword: 'enum', params: { allowedValues } })
  return out
}

export interface RouteTable {
  /** Methods registered for each static path, for 405 answers. */
  methodsByPath: Map<string, Set<string>>
}

async function errorsPlugin (app: FastifyInstance): Promise<void> {
  const methodsByPath = new Map<string, Set<string>>()
  app.addHook('onRoute', route => {
    if (route.url.includes(':') || route.url.includes('*')) return
    const methods = Array.isArray(route.method) ? route.method : [route.method]
    const set = methodsByPath.get(route.url) ?? new Set<string>()
    for (const m of methods) set.add(m)
    methodsByPath.set(route.url, set)
  })

  app.setErrorHandler((error: FastifyError, request: FastifyRequest, reply) => {
    if (error instanceof HttpProblem) return sendProblem(request, reply, error.init)

    if (error.validation !== undefined) {
      const context = error.validationContext ?? 'body'
      const errors = fieldErrors(context, foldConstIssues(error.validation as AjvIssue[]))
      const first = errors[0]
      return sendProblem(request, reply, {
        status: 400,
        type: ProblemType.validation,
        title: 'Invalid request',
        detail: errors.length === 1 && first !== undefined ? `${first.field} ${first.message}.` : `${errors.length} fields are not valid.`,
        errors
      })
    }

    const status = error.statusCode ?? 500
    switch (error.code) {
      case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
        return sendProblem(request, reply, { status: 415, detail: `Content type ${JSON.stringify(request.headers['content-type'] ?? '')} is not supported; send application/json.` })
      case 'FST_ERR_CTP_BODY_TOO_LARGE':
        return sendProblem(request, reply, { status: 413, detail: `The body is larger than the limit of ${app.initialConfig.bodyLimit ?? 0} bytes.` })
      case 'FST_ERR_CTP_EMPTY_JSON_BODY':
        return sendProblem(request, reply, { status: 400, type: ProblemType.malformedJson, title: 'Malformed JSON', detail: 'The body is empty; send a JSON object.' })
      case BODY_TIMEOUT_CODE:
        return sendProblem(request, reply, { status: 408, type: ProblemType.requestTimeout, title: 'Request timeout', detail: error.message })
      case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
        return sendProblem(request, reply, { status: 400, detail: 'Content-Length does not match the body.' })
    }
    if (status === 400 && (error instanceof SyntaxError || error.code === 'FST_ERR_CTP_INVALID_JSON_BODY')) {
      return sendProblem(request, reply, { status: 400, type: ProblemType.malformedJson, title: 'Malformed JSON', detail: 'The body is not valid JSON.' })
    }
    if (status >= 400 && status < 500) {
      // Framework 4xx errors carry messages written for clients; keep them, they hold no secrets.
      return sendProblem(request, reply, { status, detail: error.message })
    }
    request.log.error({ err: error }, 'request failed')
    return sendProblem(request, reply, { status: 500, detail: 'An internal error occurred; it has been logged with this request\'s id.' })
  })

  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? request.url
    const allowed = methodsByPath.get(path)
    if (allowed !== undefined && !allowed.has(request.method)) {
      const allow = [...allowed].filter(m => m !== 'HEAD').sort().join(', ')
      reply.header('allow', allow)
      return sendProblem(request, reply, { status: 405, detail: `${request.method} is not allowed on ${path}; use ${allow}.` })
    }
    return sendProblem(request, reply, { status: 404, detail: `No route for ${request.method} ${path}.` })
  })
}

export default fp(errorsPlugin, { name: 'iscoolgpt-errors' })
