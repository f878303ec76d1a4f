// The /api/ask contract: what a client sends, what it gets back, and the stream events.
import { Type, type Static } from '@sinclair/typebox'
import { ProblemSchema } from './problem.js'
import { ref } from './ref.js'

export const QUESTION_MAX_CHARS = 8000
export const MAX_PROVIDERS_PER_REQUEST = 10
/** Earlier turns a request may carry: ten exchanges of a question and its answer. */
export const HISTORY_MAX_TURNS = 20
/** One turn, as long as a question may be (a long consolidated answer is trimmed by the client). */
export const HISTORY_TURN_MAX_CHARS = QUESTION_MAX_CHARS
/** All earlier turns together; with the question they stay well inside the default 64 KiB body limit. */
export const HISTORY_MAX_CHARS = 24000

export const StrategySchema = Type.Union([
  Type.Literal('auto'),
  Type.Literal('vote'),
  Type.Literal('consensus'),
  Type.Literal('best'),
  Type.Literal('synthesize'),
  Type.Literal('fastest'),
  Type.Literal('cascade')
], {
  $id: 'Strategy',
  description: 'How answers are consolidated. `auto` votes on short answers (a number, an option, yes/no) and picks the best-standing answer for free text, trusting providers by their learned record; `cascade` asks the cheapest providers first and the dearer ones only while the answer is not settled.'
})

export const WaitForSchema = Type.Union([
  Type.Literal('all'),
  Type.Literal('quorum'),
  Type.Literal('first')
], {
  $id: 'WaitFor',
  description: '`all` waits for every provider (until the deadline); `quorum` answers once a majority agrees; `first` takes the first good answer.'
})

export const HistoryTurnSchema = Type.Object({
  role: Type.Union([Type.Literal('user'), Type.Literal('assistant')], { description: '`user`: an earlier question; `assistant`: the answer it got.' }),
  content: Type.String({ minLength: 1, maxLength: HISTORY_TURN_MAX_CHARS, description: 'The turn\'s text (Markdown for answers), 1 to 8,000 characters.' })
}, { $id: 'HistoryTurn', additionalProperties: false, description: 'One earlier turn of a conversation.' })

export const AskRequestSchema = Type.Object({
  question: Type.String({ minLength: 1, maxLength: QUESTION_MAX_CHARS, description: 'The question, 1 to 8,000 characters after trimming.', examples: ['Qual a vantagem de usar Docker?'] }),
  providers: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 64 }), {
    minItems: 1, maxItems: MAX_PROVIDERS_PER_REQUEST, uniqueItems: true,
    description: 'Provider ids to ask (see `GET /api/providers`); all enabled providers when absent.'
  })),
  strategy: Type.Optional(ref(StrategySchema)),
  timeoutMs: Type.Optional(Type.Integer({ minimum: 100, maximum: 300000, description: 'Overall deadline in milliseconds; capped by the server\'s `ASK_TIMEOUT_MS`.' })),
  waitFor: Type.Optional(ref(WaitForSchema)),
  maxCostUsd: Type.Optional(Type.Number({ minimum: 0, description: 'Leave out providers whose expected cost for this question exceeds this amount.' })),
  history: Type.Optional(Type.Array(ref(HistoryTurnSchema), {
    maxItems: HISTORY_MAX_TURNS,
    description: [
      'The conversation so far, oldest first, for a follow-up question ("e no caso do EC2?"): every provider receives these turns, in order, before the question,',
      'and the course notes are searched with the question plus the last turns. At most 20 turns and 24,000 characters in all;',
      'a client that keeps a longer conversation sends its most recent turns. Part of the answer cache key.'
    ].join(' ')
  }))
}, { $id: 'AskRequest', additionalProperties: false })

export const PromptRequestSchema = Type.Object({
  question: Type.String({ minLength: 1, maxLength: QUESTION_MAX_CHARS, examples: ['Qual a vantagem de usar Docker?'] })
}, { $id: 'PromptRequest', additionalProperties: false, description: 'The first version\'s request: just the question.' })

export const UsageSchema = Type.Object({
  promptTokens: Type.Integer({ minimum: 0 }),
  completionTokens: Type.Integer({ minimum: 0 }),
  reasoningTokens: Type.Optional(Type.Integer({ minimum: 0, description: 'Reasoning / thought tokens, when the provider reports them.' })),
  costUsd: Type.Number({ minimum: 0, description: 'Cost in US dollars from the price table.' })
}, { $id: 'Usage', additionalProperties: false })

export const ScoresSchema = Type.Object({
  consensus: Type.Number({ description: 'Mean similarity to the other answers (0..1).' }),
  relevance: Type.Number({ description: 'Coverage of the question\'s content words (0..1).' }),
  quality: Type.Number({ description: 'Length sanity, structure and finish reason (0..1).' }),
  prior: Type.Number({ description: 'Provider weight and recent track record (0..1).' }),
  total: Type.Number({ description: 'Weighted sum of the scores above.' })
}, { $id: 'Scores', additionalProperties: false })

export const CandidateErrorSchema = Type.Object({
  type: Type.String({ description: 'Error class: timeout, rate_limited, unavailable, bad_request, auth, content_filtered, context_length, network, invalid_response, truncated, circuit_open, ...' }),
  message: Type.String(),
  status: Type.Optional(Type.Integer())
}, { $id: 'CandidateError', additionalProperties: false })

export const SourceSchema = Type.Object({
  title: Type.String(),
  path: Type.String({ description: 'Path of the course note, e.g. `knowledge/pt/docker-images-layers.md`.' }),
  score: Type.Number()
}, { $id: 'Source', additionalProperties: false })

export const CandidateSchema = Type.Object({
  provider: Type.String(),
  model: Type.String(),
  status: Type.Union([Type.Literal('ok'), Type.Literal('error'), Type.Literal('timeout'), Type.Literal('skipped')]),
  text: Type.String(),
  finishReason: Type.Union([Type.String(), Type.Null()]),
  latencyMs: Type.Number({ minimum: 0 }),
  attempts: Type.Integer({ minimum: 0, description: 'Calls made to the provider for this question (retries included).' }),
  usage: Type.Union([ref(UsageSchema), Type.Null()]),
  scores: Type.Union([ref(ScoresSchema), Type.Null()]),
  flags: Type.Array(Type.String(), { description: 'refusal, truncated, off_topic, empty, outlier, duplicate, ...' }),
  filtered: Type.Union([Type.String(), Type.Null()], { description: 'null when the answer took part, else why it was left out.' }),
  error: Type.Union([ref(CandidateErrorSchema), Type.Null()]),
  sources: Type.Optional(Type.Array(ref(SourceSchema)))
}, { $id: 'Candidate', additionalProperties: false })

export const ChosenSchema = Type.Object({
  provider: Type.String(),
  model: Type.String()
}, { $id: 'Chosen', additionalProperties: false })

export const AskResponseSchema = Type.Object({
  id: Type.String({ description: 'Id of this answer (also the request id).' }),
  question: Type.String(),
  answer: Type.String({ description: 'The consolidated answer (Markdown).' }),
  strategy: Type.String({ description: 'The strategy actually used.' }),
  confidence: Type.Number({ minimum: 0, maximum: 1 }),
  normalized: Type.Union([Type.String(), Type.Null()], { description: 'Canonical short answer (number, option, yes/no) when the answer is short.' }),
  chosen: Type.Union([ref(ChosenSchema), Type.Null()]),
  candidates: Type.Array(ref(CandidateSchema)),
  usage: ref(UsageSchema),
  latencyMs: Type.Number({ minimum: 0 }),
  cached: Type.Boolean(),
  warnings: Type.Array(Type.String(), { description: 'Things the client should know in plain words: providers that failed, timed out, were skipped or left out and why; a refusal; a strategy that fell back.' }),
  consulted: Type.Optional(Type.Array(Type.String(), { description: '`cascade`: the providers asked, in the order they were asked; the others are `skipped` with error type `not_needed`.' }))
}, { $id: 'AskResponse', additionalProperties: false })

export const StartEventSchema = Type.Object({
  id: Type.String(),
  providers: Type.Array(Type.String())
}, { $id: 'StartEvent', additionalProperties: false, description: 'SSE `start`: the ask began with these providers.' })

export const RoundEventSchema = Type.Object({
  round: Type.Integer({ minimum: 1 }),
  providers: Type.Array(Type.String()),
  expectedCostUsd: Type.Number({ minimum: 0 })
}, { $id: 'RoundEvent', additionalProperties: false, description: 'SSE `round` (`cascade` only): a round of providers is being asked because the answer is not settled yet.' })

export const TokenEventSchema = Type.Object({
  provider: Type.String(),
  text: Type.String()
}, { $id: 'TokenEvent', additionalProperties: false, description: 'SSE `token`: a piece of a provider\'s answer as it streams.' })

/** One event of the `/api/ask` stream, modelled as OpenAPI 3.2 models SSE: the `event:` name and the JSON in `data:`. */
export const AskStreamEventSchema = Type.Union([
  Type.Object({ event: Type.Literal('start'), data: ref(StartEventSchema) }, { additionalProperties: false }),
  Type.Object({ event: Type.Literal('round'), data: ref(RoundEventSchema) }, { additionalProperties: false }),
  Type.Object({ event: Type.Literal('token'), data: ref(TokenEventSchema) }, { additionalProperties: false }),
  Type.Object({ event: Type.Literal('candidate'), data: ref(CandidateSchema) }, { additionalProperties: false }),
  Type.Object({ event: Type.Literal('answer'), data: ref(AskResponseSchema) }, { additionalProperties: false }),
  Type.Object({ event: Type.Literal('error'), data: ref(ProblemSchema) }, { additionalProperties: false })
], {
  $id: 'AskStreamEvent',
  description: [
    'A server-sent event of `POST /api/ask` with `Accept: text/event-stream`; on the wire `event: <event>` then `data: <JSON>`.',
    '`start` (StartEvent) comes first; `token` (TokenEvent) carries partial text while a provider streams;',
    '`candidate` (Candidate, not yet scored) arrives once per provider, in the order they finish;',
    '`answer` (AskResponse) is the last event of a successful ask; `error` (Problem) ends a stream that failed after it began.',
    'A `: ping` comment every 15 seconds keeps idle connections open. Problems found before the stream begins (bad input, unknown providers) are ordinary problem+json responses.'
  ].join(' ')
})

export type Strategy = Static<typeof StrategySchema>
export type WaitFor = Static<typeof WaitForSchema>
export type HistoryTurn = Static<typeof HistoryTurnSchema>
export type AskRequest = Static<typeof AskRequestSchema>
export type PromptRequest = Static<typeof PromptRequestSchema>
export type UsageBody = Static<typeof UsageSchema>
export type Scores = Static<typeof ScoresSchema>
export type Candidate = Static<typeof CandidateSchema>
export type AskResponse = Static<typeof AskResponseSchema>
export type StartEvent = Static<typeof StartEventSchema>
export type TokenEvent = Static<typeof TokenEventSchema>
export type RoundEvent = Static<typeof RoundEventSchema>
export type AskStreamEvent = Static<typeof AskStreamEventSchema>
