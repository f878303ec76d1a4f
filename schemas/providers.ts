import { Type, type Static } from '@sinclair/typebox'
import { ref } from './ref.js'

export const CircuitStateSchema = Type.Union([
  Type.Literal('closed'), Type.Literal('open'), Type.Literal('half_open')
], { $id: 'CircuitState', description: '`open`: skipped after repeated failures until a probe succeeds.' })

export const ProviderInfoSchema = Type.Object({
  id: Type.String(),
  kind: Type.String({ description: 'openai, openai-compatible, gemini, huggingface or knowledge.' }),
  model: Type.String(),
  enabled: Type.Boolean(),
  weight: Type.Number(),
  circuit: ref(CircuitStateSchema),
  calls: Type.Integer({ minimum: 0, description: 'Calls in the recent window.' }),
  errorRate: Type.Number({ minimum: 0, maximum: 1, description: 'Share of failed calls in the recent window.' }),
  latencyP50Ms: Type.Union([Type.Number(), Type.Null()]),
  latencyP90Ms: Type.Union([Type.Number(), Type.Null()]),
  reliability: Type.Object({
    accuracy: Type.Number({ minimum: 0, maximum: 1, description: 'Estimated probability that its short answers are right (learned without labels from agreement, corrected by ratings).' }),
    quality: Type.Number({ description: 'Its open answers against the other providers\' (0 = average), learned from past questions and ratings.' }),
    questions: Type.Integer({ minimum: 0, description: 'Questions the estimate rests on.' })
  }, { additionalProperties: false }),
  feedback: Type.Object({
    up: Type.Integer({ minimum: 0 }),
    down: Type.Integer({ minimum: 0 })
  }, { additionalProperties: false, description: 'Ratings people gave its answers.' })
}, { $id: 'ProviderInfo', additionalProperties: false })

export const ProviderListSchema = Type.Object({
  providers: Type.Array(ref(ProviderInfoSchema))
}, { $id: 'ProviderList', additionalProperties: false })

export type CircuitState = Static<typeof CircuitStateSchema>
export type ProviderInfo = Static<typeof ProviderInfoSchema>
export type ProviderList = Static<typeof ProviderListSchema>
