// Problem details rewritten as OpenAI error bodies, so OpenAI clients raise their usual exceptions.
import type { Problem } from '../../schemas/problem.js'
import type { OpenAIError } from '../../schemas/openai.js'

const TYPES: Record<number, string> = {
  401: 'authentication_error',
  403: 'permission_error',
  404: 'not_found_error',
  429: 'rate_limit_error',
  500: 'server_error',
  502: 'upstream_error',
  503: 'service_unavailable_error'
}

const PROBLEM_PREFIX = 'urn:iscoolgpt:problem:'

/** `body/messages/0/content` → `messages.0.content`, the way OpenAI names parameters. */
function paramOf (field: string): string | null {
  const [part, ...path] = field.split('/')
  if (part !== 'body' || path.length === 0) return null
  return path.join('.')
}

export function openAIErrorOf (problem: Problem): OpenAIError {
  const status = problem.status
  const type = TYPES[status] ?? (status >= 500 ? 'server_error' : 'invalid_request_error')
  const code = problem.type.startsWith(PROBLEM_PREFIX) ? problem.type.slice(PROBLEM_PREFIX.length).replaceAll('-', '_') : null
  const errors = problem.errors ?? []
  // A list of fields says more than "3 fields are not valid".
  const message = errors.length > 1 ? errors.map(e => `${e.field} ${e.message}`).join('; ') : problem.detail
  const first = errors[0]
  return { error: { message, type, param: first === undefined ? null : paramOf(first.field), code } }
}

export function isProblem (value: unknown): value is Problem {
  if (typeof value !== 'object' || value === null) return false
  const v = value as Record<string, unknown>
  return typeof v.type === 'string' && typeof v.status === 'number' && typeof v.detail === 'string'
}
