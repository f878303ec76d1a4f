import { Type, type Static } from '@sinclair/typebox'
import { ref } from './ref.js'

export const RatingSchema = Type.Union([Type.Literal('up'), Type.Literal('down')], {
  $id: 'Rating',
  description: '`up`: the answer helped (or this provider\'s answer was the better one); `down`: it did not.'
})

export const FeedbackParamsSchema = Type.Object({
  id: Type.String({ minLength: 1, maxLength: 100, pattern: '^[A-Za-z0-9._:-]+$', description: 'The `id` of the AskResponse (the OpenAI-compatible facade returns it as `iscoolgpt.answerId`).' })
}, { $id: 'FeedbackParams', additionalProperties: false })

export const FeedbackRequestSchema = Type.Object({
  rating: ref(RatingSchema),
  provider: Type.Optional(Type.String({ minLength: 1, maxLength: 100, description: 'Rate one candidate\'s answer; without it the rating is for the answer given (its chosen provider).' })),
  comment: Type.Optional(Type.String({ maxLength: 2000, description: 'Free text for the people who run the service; it is logged, never shown to other users.' }))
}, { $id: 'FeedbackRequest', additionalProperties: false })

export const FeedbackResponseSchema = Type.Object({
  answerId: Type.String(),
  provider: Type.String({ description: 'The provider the rating was applied to.' }),
  rating: ref(RatingSchema),
  reliability: Type.Object({
    accuracy: Type.Number({ minimum: 0, maximum: 1 }),
    quality: Type.Number(),
    questions: Type.Integer({ minimum: 0 })
  }, { additionalProperties: false, description: 'The provider\'s learned reliability after this rating.' })
}, { $id: 'FeedbackResponse', additionalProperties: false })

export type FeedbackRequest = Static<typeof FeedbackRequestSchema>
