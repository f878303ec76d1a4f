// Every schema with an $id, in dependency order, for app.addSchema.
import type { TSchema } from '@sinclair/typebox'
import { FieldErrorSchema, ProviderFailureSchema, ProblemSchema } from './problem.js'
import { HealthSchema, ReadySchema } from './health.js'
import {
  StrategySchema, WaitForSchema, HistoryTurnSchema, AskRequestSchema, PromptRequestSchema, UsageSchema, ScoresSchema,
  CandidateErrorSchema, SourceSchema, CandidateSchema, ChosenSchema, AskResponseSchema, StartEventSchema, RoundEventSchema, TokenEventSchema, AskStreamEventSchema
} from './ask.js'
import { CircuitStateSchema, ProviderInfoSchema, ProviderListSchema } from './providers.js'
import {
  ChatContentPartSchema, ChatRequestMessageSchema, ChatCompletionRequestSchema, ChatCompletionUsageSchema, CompletionCandidateSchema,
  CompletionInfoSchema, ChatCompletionSchema, ChatCompletionChunkSchema, OpenAIModelSchema, OpenAIModelListSchema, OpenAIErrorSchema
} from './openai.js'
import { KnowledgeQuerySchema, KnowledgeHitSchema, KnowledgeResultSchema } from './knowledge.js'
import { RatingSchema, FeedbackParamsSchema, FeedbackRequestSchema, FeedbackResponseSchema } from './feedback.js'

export const sharedSchemas: TSchema[] = [
  FieldErrorSchema, ProviderFailureSchema, ProblemSchema,
  HealthSchema, ReadySchema,
  StrategySchema, WaitForSchema, HistoryTurnSchema, AskRequestSchema, PromptRequestSchema, UsageSchema, ScoresSchema,
  CandidateErrorSchema, SourceSchema, CandidateSchema, ChosenSchema, AskResponseSchema, StartEventSchema, RoundEventSchema, TokenEventSchema, AskStreamEventSchema,
  CircuitStateSchema, ProviderInfoSchema, ProviderListSchema,
  ChatContentPartSchema, ChatRequestMessageSchema, ChatCompletionRequestSchema, ChatCompletionUsageSchema, CompletionCandidateSchema,
  CompletionInfoSchema, ChatCompletionSchema, ChatCompletionChunkSchema, OpenAIModelSchema, OpenAIModelListSchema, OpenAIErrorSchema,
  KnowledgeQuerySchema, KnowledgeHitSchema, KnowledgeResultSchema,
  RatingSchema, FeedbackParamsSchema, FeedbackRequestSchema, FeedbackResponseSchema
]

export { ref } from './ref.js'
