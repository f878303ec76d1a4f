// RFC 9457 problem details: the body of every error response.
import { Type, type Static } from '@sinclair/typebox'
import { ref } from './ref.js'

export const FieldErrorSchema = Type.Object({
  field: Type.String({ description: 'Where the bad value is, e.g. `body/question` or `querystring/query`.' }),
  message: Type.String({ description: 'What is wrong with it.' })
}, { $id: 'FieldError', additionalProperties: false })

export const ProviderFailureSchema = Type.Object({
  provider: Type.String(),
  errorClass: Type.String({ description: 'Normalised error class (timeout, rate_limited, unavailable, ...).' }),
  status: Type.Optional(Type.Integer({ description: 'HTTP status the provider answered with, when it answered.' }))
}, { $id: 'ProviderFailure', additionalProperties: false })

export const ProblemSchema = Type.Object({
  type: Type.String({ description: 'URI reference identifying the problem type.' }),
  title: Type.String({ description: 'Short summary of the problem type.' }),
  status: Type.Integer({ minimum: 400, maximum: 599 }),
  detail: Type.String({ description: 'What happened in this occurrence, in plain words.' }),
  instance: Type.String({ description: 'The request path, and its request id after `#`.' }),
  errors: Type.Optional(Type.Array(ref(FieldErrorSchema), { description: 'Validation failures, one per bad field.' })),
  providers: Type.Optional(Type.Array(ref(ProviderFailureSchema), { description: 'Why each provider failed (502).' })),
  retryAfterS: Type.Optional(Type.Integer({ minimum: 0, description: 'Seconds until a retry may succeed (429, 503); also in `Retry-After`.' }))
}, {
  $id: 'Problem',
  title: 'Problem',
  description: 'RFC 9457 problem details. Served as `application/problem+json`.',
  additionalProperties: false
})

export type FieldError = Static<typeof FieldErrorSchema>
export type ProviderFailure = Static<typeof ProviderFailureSchema>
export type Problem = Static<typeof ProblemSchema>
