// The OpenAI-compatible facade's contract: chat completions, their stream chunks, models and errors in OpenAI's shapes.
import { Type, type Static, type TSchema } from '@sinclair/typebox'
import { ChosenSchema } from './ask.js'
import { ref } from './ref.js'

/** OpenAI clients send `null` for parameters they leave unset. */
const Nullable = <T extends TSchema>(schema: T) => Type.Optional(Type.Union([schema, Type.Null()]))

export const ChatContentPartSchema = Type.Object({
  type: Type.String({ description: 'Only `text` is accepted; `image_url`, `input_audio`, `file` and other parts are rejected with a 400.' }),
  text: Type.Optional(Type.String())
}, { $id: 'ChatContentPart', additionalProperties: true })

export const ChatRequestMessageSchema = Type.Object({
  role: Type.Union([
    Type.Literal('system'), Type.Literal('developer'), Type.Literal('user'), Type.Literal('assistant'), Type.Literal('tool'), Type.Literal('function')
  ], { description: '`system` and `developer` messages become extra instructions; `user` and `assistant` turns are the conversation. `tool` and `function` messages are rejected (tools are not supported).' }),
  content: Nullable(Type.Union([Type.String(), Type.Array(ref(ChatContentPartSchema))])),
  name: Type.Optional(Type.String())
}, { $id: 'ChatRequestMessage', additionalProperties: true })

export const ChatCompletionRequestSchema = Type.Object({
  model: Type.String({
    minLength: 1,
    maxLength: 128,
    description: '`iscoolgpt` (the ensemble with the default strategy), `iscoolgpt/<strategy>` (the ensemble with that strategy), or a provider id from `GET /v1/models` (that provider alone; `iscoolgpt/<providerId>` works too).',
    examples: ['iscoolgpt']
  }),
  messages: Type.Array(ref(ChatRequestMessageSchema), { minItems: 1, maxItems: 256, description: 'The last message must come from the user: it is the question. Earlier turns are passed on as the conversation.' }),
  stream: Nullable(Type.Boolean({ description: 'Answer as `chat.completion.chunk` server-sent events ending with `data: [DONE]`.' })),
  stream_options: Nullable(Type.Object({
    include_usage: Type.Optional(Type.Boolean({ description: 'Send a last chunk with `usage` and no choices before `[DONE]`.' }))
  }, { additionalProperties: true })),
  n: Nullable(Type.Integer({ minimum: 1, description: 'Only 1 is supported; more choices are rejected with a 400.' })),
  tools: Type.Optional(Type.Array(Type.Unknown(), { description: 'Not supported: a non-empty list is rejected with a 400.' })),
  tool_choice: Type.Optional(Type.Unknown({ description: 'Only `none` or `auto` (without tools) is accepted.' })),
  functions: Type.Optional(Type.Array(Type.Unknown(), { description: 'Not supported: a non-empty list is rejected with a 400.' })),
  function_call: Type.Optional(Type.Unknown({ description: 'Only `none` or `auto` (without functions) is accepted.' })),
  response_format: Nullable(Type.Object({
    type: Type.String({ description: 'Only `text` is supported; `json_object` and `json_schema` are rejected with a 400.' })
  }, { additionalProperties: true })),
  logprobs: Nullable(Type.Boolean({ description: 'Log probabilities are not available: `true` is rejected with a 400.' })),
  modalities: Nullable(Type.Array(Type.String(), { description: 'Only `["text"]` is supported.' })),
  temperature: Nullable(Type.Number({ description: 'Accepted and ignored: every provider is called with the service\'s own settings.' })),
  top_p: Nullable(Type.Number({ description: 'Accepted and ignored.' })),
  max_tokens: Nullable(Type.Integer({ minimum: 1, description: 'Accepted and ignored.' })),
  max_completion_tokens: Nullable(Type.Integer({ minimum: 1, description: 'Accepted and ignored.' })),
  presence_penalty: Nullable(Type.Number({ description: 'Accepted and ignored.' })),
  frequency_penalty: Nullable(Type.Number({ description: 'Accepted and ignored.' })),
  seed: Nullable(Type.Integer({ description: 'Accepted and ignored.' })),
  stop: Nullable(Type.Union([Type.String(), Type.Array(Type.String())], { description: 'Accepted and ignored.' })),
  user: Nullable(Type.String({ description: 'Accepted and ignored.' }))
}, {
  $id: 'ChatCompletionRequest',
  // OpenAI adds request fields often and clients send them unasked; refusing unknown ones would break them.
  additionalProperties: true,
  description: 'An OpenAI chat-completions request. Fields not listed here are accepted and ignored.'
})

export const ChatCompletionUsageSchema = Type.Object({
  prompt_tokens: Type.Integer({ minimum: 0 }),
  completion_tokens: Type.Integer({ minimum: 0 }),
  total_tokens: Type.Integer({ minimum: 0 }),
  completion_tokens_details: Type.Optional(Type.Object({
    reasoning_tokens: Type.Integer({ minimum: 0 })
  }, { additionalProperties: false }))
}, { $id: 'ChatCompletionUsage', additionalProperties: false, description: 'Tokens summed over every provider called for the answer.' })

export const CompletionCandidateSchema = Type.Object({
  provider: Type.String(),
  model: Type.String(),
  status: Type.String({ description: '`ok`, `error`, `timeout` or `skipped`.' }),
  latencyMs: Type.Number({ minimum: 0 }),
  score: Type.Union([Type.Number(), Type.Null()], { description: 'The candidate\'s total score, null when it was not scored.' }),
  filtered: Type.Union([Type.String(), Type.Null()], { description: 'null when the answer took part, else why it was left out.' })
}, { $id: 'CompletionCandidate', additionalProperties: false })

export const CompletionInfoSchema = Type.Object({
  answerId: Type.String({ description: 'The id of the answer, to rate it with `POST /api/answers/{answerId}/feedback` (the completion id is `chatcmpl-<answerId>`).' }),
  strategy: Type.String({ description: 'The strategy actually used.' }),
  confidence: Type.Number({ minimum: 0, maximum: 1 }),
  normalized: Type.Union([Type.String(), Type.Null()]),
  chosen: Type.Union([ref(ChosenSchema), Type.Null()]),
  costUsd: Type.Number({ minimum: 0 }),
  candidates: Type.Array(ref(CompletionCandidateSchema)),
  warnings: Type.Array(Type.String())
}, {
  $id: 'CompletionInfo',
  additionalProperties: false,
  description: 'IsCoolGPT\'s extra `iscoolgpt` field: how the answer was consolidated. Standard OpenAI clients ignore it.'
})

const FinishReason = Type.String({ description: '`stop`, or `length` / `content_filter` when the chosen answer ended that way.' })

export const ChatCompletionSchema = Type.Object({
  id: Type.String(),
  object: Type.Literal('chat.completion'),
  created: Type.Integer({ description: 'Unix time in seconds.' }),
  model: Type.String({ description: 'The model as requested.' }),
  choices: Type.Array(Type.Object({
    index: Type.Integer({ minimum: 0 }),
    message: Type.Object({
      role: Type.Literal('assistant'),
      content: Type.String(),
      refusal: Type.Null()
    }, { additionalProperties: false }),
    logprobs: Type.Null(),
    finish_reason: FinishReason
  }, { additionalProperties: false })),
  usage: ref(ChatCompletionUsageSchema),
  iscoolgpt: ref(CompletionInfoSchema)
}, { $id: 'ChatCompletion', additionalProperties: false })

export const ChatCompletionChunkSchema = Type.Object({
  id: Type.String({ description: 'The same for every chunk of one completion.' }),
  object: Type.Literal('chat.completion.chunk'),
  created: Type.Integer(),
  model: Type.String(),
  choices: Type.Array(Type.Object({
    index: Type.Integer({ minimum: 0 }),
    delta: Type.Object({
      role: Type.Optional(Type.Literal('assistant')),
      content: Type.Optional(Type.String())
    }, { additionalProperties: false }),
    logprobs: Type.Null(),
    finish_reason: Type.Union([FinishReason, Type.Null()])
  }, { additionalProperties: false }), { description: 'One choice; empty in the usage chunk.' }),
  usage: Type.Optional(Type.Union([ref(ChatCompletionUsageSchema), Type.Null()], { description: 'With `stream_options.include_usage`: null on every chunk but the last, which has no choices.' })),
  iscoolgpt: Type.Optional(ref(CompletionInfoSchema))
}, {
  $id: 'ChatCompletionChunk',
  additionalProperties: false,
  description: 'One `data:` event of a streamed completion. The stream starts with the assistant role, carries the text, ends the choice with `finish_reason` (that chunk also has the `iscoolgpt` field), then the usage chunk when asked for, then `data: [DONE]`. A failure after the stream began is sent as `data: {"error": {...}}` and the stream ends without `[DONE]`.'
})

export const OpenAIModelSchema = Type.Object({
  id: Type.String(),
  object: Type.Literal('model'),
  created: Type.Integer(),
  owned_by: Type.String({ description: '`iscoolgpt` for the ensemble, else the provider\'s kind.' })
}, { $id: 'OpenAIModel', additionalProperties: false })

export const OpenAIModelListSchema = Type.Object({
  object: Type.Literal('list'),
  data: Type.Array(ref(OpenAIModelSchema))
}, { $id: 'OpenAIModelList', additionalProperties: false })

export const OpenAIErrorSchema = Type.Object({
  error: Type.Object({
    message: Type.String(),
    type: Type.String({ description: '`invalid_request_error`, `authentication_error`, `permission_error`, `not_found_error`, `rate_limit_error`, `upstream_error`, `service_unavailable_error` or `server_error`.' }),
    param: Type.Union([Type.String(), Type.Null()], { description: 'The request field at fault, e.g. `n` or `messages.0.content`.' }),
    code: Type.Union([Type.String(), Type.Null()], { description: 'e.g. `model_not_found`, `unsupported_parameter`, `validation`, `all_providers_failed`, `rate_limited`.' })
  }, { additionalProperties: false })
}, { $id: 'OpenAIError', additionalProperties: false, description: 'An error in OpenAI\'s shape, so OpenAI clients raise their usual exceptions.' })

export type ChatContentPart = Static<typeof ChatContentPartSchema>
export type ChatRequestMessage = Static<typeof ChatRequestMessageSchema>
export type ChatCompletionRequest = Static<typeof ChatCompletionRequestSchema>
export type ChatCompletionUsage = Static<typeof ChatCompletionUsageSchema>
export type CompletionCandidate = Static<typeof CompletionCandidateSchema>
export type CompletionInfo = Static<typeof CompletionInfoSchema>
export type ChatCompletion = Static<typeof ChatCompletionSchema>
export type ChatCompletionChunk = Static<typeof ChatCompletionChunkSchema>
export type OpenAIModel = Static<typeof OpenAIModelSchema>
export type OpenAIModelList = Static<typeof OpenAIModelListSchema>
export type OpenAIError = Static<typeof OpenAIErrorSchema>
