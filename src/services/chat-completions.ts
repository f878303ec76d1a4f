// Translation between OpenAI chat completions and the ask pipeline: models, messages, answers and stream chunks.
import type { AskResponse, Candidate, UsageBody } from '../../schemas/ask.js'
import type {
  ChatCompletion, ChatCompletionChunk, ChatCompletionRequest, ChatCompletionUsage, ChatRequestMessage, CompletionInfo, OpenAIModel
} from '../../schemas/openai.js'
import { QUESTION_MAX_CHARS } from '../../schemas/ask.js'
import { STRATEGIES, type Strategy } from '../aggregator/types.js'
import { HttpProblem, ProblemType } from '../http/problem.js'
import type { ChatMessage, Provider } from '../providers/types.js'
import type { AskInput } from './ask-service.js'
import { trimHistory } from './conversation.js'

export const ENSEMBLE_MODEL = 'iscoolgpt'

/** Problem types only the facade raises; the OpenAI error `code` is the last part, with underscores. */
export const FacadeProblemType = {
  modelNotFound: 'urn:iscoolgpt:problem:model-not-found',
  unsupportedParameter: 'urn:iscoolgpt:problem:unsupported-parameter',
  unsupportedContent: 'urn:iscoolgpt:problem:unsupported-content',
  invalidMessages: 'urn:iscoolgpt:problem:invalid-messages'
} as const

/** What a model name asks for: the ensemble with a strategy, or one provider alone. */
export interface ModelTarget {
  model: string
  strategy?: Strategy
  /** Set for a single-provider model. */
  provider?: string
}

const isStrategy = (name: string): name is Strategy => (STRATEGIES as readonly string[]).includes(name)

export function resolveModel (model: string, providers: Provider[]): ModelTarget {
  const known = new Set(providers.map(p => p.id))
  if (model === ENSEMBLE_MODEL) return { model }
  if (model.startsWith(`${ENSEMBLE_MODEL}/`)) {
    const rest = model.slice(ENSEMBLE_MODEL.length + 1)
    if (isStrategy(rest)) return { model, strategy: rest }
    if (known.has(rest)) return { model, provider: rest }
  } else if (known.has(model)) {
    return { model, provider: model }
  }
  throw new HttpProblem({
    status: 404,
    type: FacadeProblemType.modelNotFound,
    title: 'Model not found',
    detail: `The model \`${model}\` does not exist. Models: ${listModels(providers, 0).map(m => m.id).join(', ')}.`,
    errors: [{ field: 'body/model', message: 'is not a model of this service' }]
  })
}

export function listModels (providers: Provider[], created: number): OpenAIModel[] {
  return [
    { id: ENSEMBLE_MODEL, object: 'model', created, owned_by: 'iscoolgpt' },
    ...STRATEGIES.map(s => ({ id: `${ENSEMBLE_MODEL}/${s}`, object: 'model' as const, created, owned_by: 'iscoolgpt' })),
    ...providers.map(p => ({ id: p.id, object: 'model' as const, created, owned_by: p.kind }))
  ]
}

function unsupported (field: string, detail: string, type: string = FacadeProblemType.unsupportedParameter): HttpProblem {
  return new HttpProblem({ status: 400, type, title: 'Unsupported request', detail, errors: [{ field: `body/${field}`, message: detail }] })
}

const isSet = (value: unknown): boolean => value !== undefined && value !== null
const nonEmpty = (value: unknown): boolean => Array.isArray(value) && value.length > 0
const noChoice = (value: unknown): boolean => !isSet(value) || value === 'none' || value === 'auto'

/** Refuses, with a 400 naming the field, what the ensemble cannot honour; everything else is accepted. */
function rejectUnsupported (body: ChatCompletionRequest): void {
  if (isSet(body.n) && body.n !== 1) throw unsupported('n', 'Only one choice is supported: n must be 1.')
  if (nonEmpty(body.tools)) throw unsupported('tools', 'Tools are not supported by this service.')
  if (nonEmpty(body.functions)) throw unsupported('functions', 'Functions are not supported by this service.')
  if (!noChoice(body.tool_choice)) throw unsupported('tool_choice', 'Tools are not supported: tool_choice must be none or auto.')
  if (!noChoice(body.function_call)) throw unsupported('function_call', 'Functions are not supported: function_call must be none or auto.')
  if (isSet(body.response_format) && body.response_format?.type !== 'text') {
    throw unsupported('response_format', 'Only text responses are supported: response_format.type must be text.')
  }
  if (body.logprobs === true) throw unsupported('logprobs', 'Log probabilities are not available.')
  if (body.modalities !== undefined && body.modalities !== null && body.modalities.some(m => m !== 'text')) {
    throw unsupported('modalities', 'Only text output is supported: modalities must be ["text"].')
  }
}

/** The text of a message; images, audio and files are refused rather than silently dropped. */
function textOf (message: ChatRequestMessage, index: number): string {
  const { content } = message
  if (content === undefined || content === null) return ''
  if (typeof content === 'string') return content
  return content.map((part, j) => {
    if (part.type !== 'text' || typeof part.text !== 'string') {
      throw unsupported(`messages/${index}/content/${j}`, `Only text content is supported; a "${part.type}" part cannot be answered.`, FacadeProblemType.unsupportedContent)
    }
    return part.text
  }).join('\n')
}

/**
 * System and developer messages become the caller's instructions; user and assistant turns before the
 * last message are the conversation (its most recent turns within the limits of `/api/ask`'s `history`);
 * the last message, from the user, is the question.
 */
export function toAskInput (body: ChatCompletionRequest, target: ModelTarget): AskInput {
  rejectUnsupported(body)
  const system: string[] = []
  const history: ChatMessage[] = []
  const last = body.messages.length - 1
  let question = ''
  body.messages.forEach((message, i) => {
    if (message.role === 'tool' || message.role === 'function') {
      throw unsupported(`messages/${i}/role`, `Tool results cannot be answered: "${message.role}" messages are not supported.`)
    }
    if ('tool_calls' in message && nonEmpty(message.tool_calls)) {
      throw unsupported(`messages/${i}/tool_calls`, 'Tool calls are not supported.')
    }
    const text = textOf(message, i)
    if (message.role === 'system' || message.role === 'developer') {
      if (text.trim() !== '') system.push(text)
    } else if (i === last) {
      if (message.role !== 'user') throw invalidMessages(`messages/${i}/role`, 'The last message must come from the user: it is the question.')
      question = text
    } else {
      history.push({ role: message.role, content: text })
    }
  })
  if (body.messages[last]?.role !== 'user') throw invalidMessages(`messages/${last}/role`, 'The last message must come from the user: it is the question.')
  if (question.trim() === '') throw invalidMessages(`messages/${last}/content`, 'The question (the last user message) must not be blank.')
  if (question.trim().length > QUESTION_MAX_CHARS) {
    throw invalidMessages(`messages/${last}/content`, `The question must be at most ${QUESTION_MAX_CHARS} characters.`)
  }
  const input: AskInput = { question }
  // Chat clients send the whole chat every time and cannot know the limits: the most recent turns that fit go on.
  const trimmed = trimHistory(history).history
  if (trimmed.length > 0) input.history = trimmed
  if (system.length > 0) input.system = system.join('\n\n')
  if (target.provider !== undefined) {
    input.providers = [target.provider]
    // One answer needs no consolidating: `best` returns it without extra calls whatever the default strategy is.
    input.strategy = 'best'
  } else if (target.strategy !== undefined) {
    input.strategy = target.strategy
  }
  return input
}

function invalidMessages (field: string, detail: string): HttpProblem {
  return new HttpProblem({ status: 400, type: FacadeProblemType.invalidMessages, title: 'Invalid messages', detail, errors: [{ field: `body/${field}`, message: detail }] })
}

export function toUsage (usage: UsageBody): ChatCompletionUsage {
  const out: ChatCompletionUsage = {
    prompt_tokens: usage.promptTokens,
    completion_tokens: usage.completionTokens,
    total_tokens: usage.promptTokens + usage.completionTokens
  }
  if (usage.reasoningTokens !== undefined) out.completion_tokens_details = { reasoning_tokens: usage.reasoningTokens }
  return out
}

export function completionInfo (response: AskResponse): CompletionInfo {
  return {
    answerId: response.id,
    strategy: response.strategy,
    confidence: response.confidence,
    normalized: response.normalized,
    chosen: response.chosen,
    costUsd: response.usage.costUsd,
    candidates: response.candidates.map(c => ({
      provider: c.provider,
      model: c.model,
      status: c.status,
      latencyMs: c.latencyMs,
      score: c.scores?.total ?? null,
      filtered: c.filtered
    })),
    warnings: response.warnings
  }
}

function chosenCandidate (response: AskResponse): Candidate | undefined {
  return response.candidates.find(c => c.provider === response.chosen?.provider)
}

/**
 * The text the client gets. A single-provider model is a direct call: the provider's own answer is
 * returned even when the ensemble's filters would have left it out.
 */
export function answerText (response: AskResponse, target: ModelTarget): string {
  if (response.answer !== '' || target.provider === undefined) return response.answer
  return response.candidates.find(c => c.provider === target.provider && c.status === 'ok')?.text ?? ''
}

export function finishReason (response: AskResponse): string {
  const reason = chosenCandidate(response)?.finishReason
  return reason === 'length' || reason === 'content_filter' ? reason : 'stop'
}

export function toChatCompletion (response: AskResponse, target: ModelTarget, created: number): ChatCompletion {
  return {
    id: `chatcmpl-${response.id}`,
    object: 'chat.completion',
    created,
    model: target.model,
    choices: [{
      index: 0,
      message: { role: 'assistant', content: answerText(response, target), refusal: null },
      logprobs: null,
      finish_reason: finishReason(response)
    }],
    usage: toUsage(response.usage),
    iscoolgpt: completionInfo(response)
  }
}

/** Builds the chunks of one streamed completion, all with the same id, time and model. */
export class ChunkBuilder {
  constructor (private readonly id: string, private readonly model: string, private readonly created: number, private readonly includeUsage: boolean) {}

  private base (): Omit<ChatCompletionChunk, 'choices'> {
    return {
      id: `chatcmpl-${this.id}`,
      object: 'chat.completion.chunk',
      created: this.created,
      model: this.model,
      // OpenAI sends `usage: null` on every chunk but the last when usage was asked for.
      ...(this.includeUsage ? { usage: null } : {})
    }
  }

  delta (delta: { role?: 'assistant', content?: string }, finish: string | null = null): ChatCompletionChunk {
    return { ...this.base(), choices: [{ index: 0, delta, logprobs: null, finish_reason: finish }] }
  }

  finish (response: AskResponse): ChatCompletionChunk {
    return { ...this.delta({}, finishReason(response)), iscoolgpt: completionInfo(response) }
  }

  usage (usage: UsageBody): ChatCompletionChunk {
    return { ...this.base(), choices: [], usage: toUsage(usage) }
  }
}

/** Pieces of about one word each, so a consolidated answer still arrives as a stream of deltas. */
/** Characters per chunk when an answer known at once is streamed: a few words, not one chunk per word. */
export const TEXT_PIECE_CHARS = 96

/** The text in pieces of about TEXT_PIECE_CHARS, cut after whitespace so words stay whole where they can. */
export function textPieces (text: string, size = TEXT_PIECE_CHARS): string[] {
  const pieces: string[] = []
  let start = 0
  while (start < text.length) {
    let end = Math.min(text.length, start + size)
    if (end < text.length) {
      const space = text.lastIndexOf(' ', end)
      if (space > start) end = space + 1
      // Never split a surrogate pair.
      else if (/[\uD800-\uDBFF]/.test(text.charAt(end - 1))) end--
    }
    pieces.push(text.slice(start, end))
    start = end
  }
  return pieces
}
