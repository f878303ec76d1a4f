// Response-schema fragments shared by the routes: problems by status, with their media type.
import { ProblemSchema } from '../../schemas/problem.js'
import { ref } from '../../schemas/ref.js'
import { PROBLEM_CONTENT_TYPE } from './problem.js'

const DESCRIPTIONS: Record<number, string> = {
  400: 'Bad input: the problem names each bad field.',
  401: 'No API key was given.',
  403: 'The API key is not valid.',
  404: 'Not found.',
  413: 'The body is larger than the configured limit.',
  415: 'The content type is not supported (send application/json).',
  429: 'Rate limited: retry after `Retry-After` seconds.',
  500: 'Internal error (details only in the server log).',
  502: 'Every provider failed: the problem lists each provider\'s error class.',
  503: 'No provider is configured or usable, or the server is saturated.'
}

/** `{400: {...}, 429: {...}}` response entries serialised as application/problem+json. */
export function problemResponses (...statuses: number[]): Record<number, unknown> {
  const out: Record<number, unknown> = {}
  for (const status of statuses) {
    out[status] = {
      description: DESCRIPTIONS[status] ?? 'Error.',
      content: { [PROBLEM_CONTENT_TYPE]: { schema: ref(ProblemSchema) } }
    }
  }
  return out
}
