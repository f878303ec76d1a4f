// Every schema with an $id, in dependency order, for app.addSchema.
import type { TSchema } from '@sinclair/typebox'
import { FieldErrorSchema, ProviderFailureSchema, ProblemSchema } from './problem.js'
import { HealthSchema, ReadySchema } from './health.js'
import {
  StrategySchema, WaitForSchema, AskRequestSchema, PromptRequestSchema, UsageSchema, ScoresSchema,
  CandidateErrorSchema, SourceSchema, CandidateSchema, ChosenSchema, AskResponseSchema, StartEventSchema, TokenEventSchema
} from './ask.js'
import { CircuitStateSchema, ProviderInfoSchema, ProviderListSchema } from './providers.js'
import { KnowledgeQuerySchema, KnowledgeHitSchema, KnowledgeResultSchema } from './knowledge.js'

export const sharedSchemas: TSchema[] = [
  FieldErrorSchema, ProviderFailureSchema, ProblemSchema,
  HealthSchema, ReadySchema,
  StrategySchema, WaitForSchema, AskRequestSchema, PromptRequestSchema, UsageSchema, ScoresSchema,
  CandidateErrorSchema, SourceSchema, CandidateSchema, ChosenSchema, AskResponseSchema, StartEventSchema, TokenEventSchema,
  CircuitStateSchema, ProviderInfoSchema, ProviderListSchema,
  KnowledgeQuerySchema, KnowledgeHitSchema, KnowledgeResultSchema
]

export { ref } from './ref.js'
