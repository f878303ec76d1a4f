// The offline provider: answers from the course notes, in the question's language, with sources;
// says plainly when the notes do not cover the question instead of guessing.

import { ProviderError, type Completion, type CompletionRequest, type Provider, type Source, type StreamCallbacks } from '../providers/types.js'
import type { Lang } from './analyzer.js'
import type { KnowledgeBase } from './knowledge-base.js'
import type { SearchHit } from './knowledge-index.js'
import { detectLanguage } from './language.js'

/**
 * Below this strength (see SearchHit.strength) the best passage only mentions the question's
 * words in passing. Calibrated on tests/knowledge: unrelated questions stay under 0.8 and
 * unrelated ones that borrow one course word ("cook rice in a container", "what is Python?")
 * under 1.6; one-word questions on a topic the notes treat ("Redis", "latência", "what is a
 * bucket") reach 3 to 4.5, and the weakest of the 84 course questions is above 5.
 */
export const MIN_STRENGTH = 2

/** A further passage is shown only when it scores at least this share of the best one. */
const RELATIVE_CUTOFF = 0.45
const MAX_PASSAGES = 3
const FIRST_PASSAGE_CHARS = 900
const OTHER_PASSAGE_CHARS = 500

const TEXT = {
  pt: {
    lead: (title: string) => `Segundo as notas do curso (*${title}*):`,
    leadOther: (title: string) => `As notas do curso tratam disso só em inglês (*${title}*):`,
    sources: 'Fontes:',
    notCovered: (notes: number) => `As notas do curso (${notes} ${notes === 1 ? 'nota' : 'notas'}) não cobrem esta pergunta, então não há uma resposta delas para dar. Reformule a pergunta com os termos da disciplina ou consulte um dos modelos de linguagem configurados.`
  },
  en: {
    lead: (title: string) => `According to the course notes (*${title}*):`,
    leadOther: (title: string) => `The course notes cover this only in Portuguese (*${title}*):`,
    sources: 'Sources:',
    notCovered: (notes: number) => `The course notes (${notes} ${notes === 1 ? 'note' : 'notes'}) do not cover this question, so there is no answer from them to give. Rephrase the question with the course's terms, or ask one of the configured language models.`
  }
} as const

export interface KnowledgeAnswer {
  text: string
  lang: Lang
  sources: Source[]
  lowCoverage: boolean
  /** The passages the answer quotes, best first. */
  passages: SearchHit[]
}

export interface KnowledgeProviderOptions {
  weight?: number
  minStrength?: number
}

function lastUserMessage (request: CompletionRequest): string {
  for (let i = request.messages.length - 1; i >= 0; i--) {
    const message = request.messages[i]
    if (message.role === 'user' && message.content.trim() !== '') return message.content.trim()
  }
  return ''
}

/** Markdown blocks separated by blank lines, a fenced code block counting as one block. */
function blocks (markdown: string): string[] {
  const out: string[] = []
  let current: string[] = []
  let inFence = false
  for (const line of markdown.split('\n')) {
    if (/^\s*(```|~~~)/.test(line)) inFence = !inFence
    if (!inFence && line.trim() === '') {
      if (current.length > 0) out.push(current.join('\n'))
      current = []
    } else {
      current.push(line)
    }
  }
  if (current.length > 0) out.push(current.join('\n'))
  return out
}

/** Cuts prose at the last sentence end within `max` characters (or at a word, with an ellipsis). */
function cutProse (text: string, max: number): string {
  if (text.length <= max) return text
  const head = text.slice(0, max)
  const sentenceEnd = Math.max(head.lastIndexOf('. '), head.lastIndexOf('! '), head.lastIndexOf('? '), head.lastIndexOf('.\n'))
  if (sentenceEnd > max * 0.4) return head.slice(0, sentenceEnd + 1)
  const space = head.lastIndexOf(' ')
  return `${head.slice(0, space > 0 ? space : max).replace(/[,;:]$/, '')}…`
}

/** Whole Markdown blocks up to `max` characters; never a cut code block or half a list item. */
export function condense (markdown: string, max: number): string {
  const kept: string[] = []
  let used = 0
  for (const block of blocks(markdown.trim())) {
    if (used + block.length <= max) {
      kept.push(block)
      used += block.length + 2
      continue
    }
    if (kept.length === 0 && !/^\s*(```|~~~)/.test(block)) kept.push(cutProse(block, max))
    break
  }
  return kept.join('\n\n')
}

export class KnowledgeProvider implements Provider {
  readonly id = 'knowledge'
  readonly kind = 'knowledge' as const
  readonly model = 'course-notes'
  readonly weight: number
  private readonly base: KnowledgeBase
  private readonly minStrength: number

  constructor (base: KnowledgeBase, options: KnowledgeProviderOptions = {}) {
    this.base = base
    this.weight = options.weight ?? 0.6
    this.minStrength = options.minStrength ?? MIN_STRENGTH
  }

  /**
   * The best passages for a question: in its own language first, then in the other one when its
   * own notes say nothing useful. Empty when neither clears the strength threshold.
   */
  private relevant (question: string, lang: Lang, limit: number): SearchHit[] {
    for (const searchLang of [lang, lang === 'pt' ? 'en' : 'pt'] as const) {
      const hits = this.base.search(question, { lang: searchLang, queryLang: lang, limit, perNote: 2 })
      const best = hits[0]
      if (best === undefined || best.strength < this.minStrength) continue
      return hits.filter(hit => hit.score >= best.score * RELATIVE_CUTOFF)
    }
    return []
  }

  answer (question: string): KnowledgeAnswer {
    const lang = detectLanguage(question)
    const text = TEXT[lang]
    const passages = this.relevant(question, lang, MAX_PASSAGES)
    if (passages.length === 0) {
      return { text: text.notCovered(this.base.index.notes.length), lang, sources: [], lowCoverage: true, passages }
    }

    const best = passages[0]
    const parts = [best.lang === lang ? text.lead(best.title) : text.leadOther(best.title)]
    passages.forEach((hit, i) => {
      const body = condense(hit.text, i === 0 ? FIRST_PASSAGE_CHARS : OTHER_PASSAGE_CHARS)
      const heading = hit.kind === 'summary' ? hit.title : hit.title === best.title ? hit.heading : `${hit.heading} (${hit.title})`
      parts.push(`**${heading}**\n\n${body}`)
    })

    const sources: Source[] = []
    for (const hit of passages) {
      if (sources.some(s => s.path === hit.path)) continue
      sources.push({ title: hit.title, path: hit.path, score: Math.round(hit.score * 1000) / 1000 })
    }
    parts.push(`**${text.sources}**\n${sources.map(s => `- ${s.title} — \`${s.path}\``).join('\n')}`)
    return { text: parts.join('\n\n'), lang, sources, lowCoverage: false, passages }
  }

  /**
   * The top passages as plain context for a language model's system prompt (GROUNDING=on), each
   * headed by its source; '' when the notes do not cover the question.
   */
  groundingContext (question: string, limit = 3): string {
    const passages = this.relevant(question, detectLanguage(question), limit)
    return passages
      .map(hit => `[${hit.title} — ${hit.path}${hit.kind === 'section' ? ` — ${hit.heading}` : ''}]\n${condense(hit.text, OTHER_PASSAGE_CHARS)}`)
      .join('\n\n')
  }

  async complete (request: CompletionRequest, signal: AbortSignal): Promise<Completion> {
    if (signal.aborted) throw new ProviderError('timeout', 'request aborted', { beforeResponse: true })
    const question = lastUserMessage(request)
    if (question === '') throw new ProviderError('bad_request', 'no user message to answer')
    const answer = this.answer(question)
    return {
      text: answer.text,
      finishReason: 'stop',
      usage: { promptTokens: 0, completionTokens: 0 },
      model: this.model,
      sources: answer.sources,
      lowCoverage: answer.lowCoverage
    }
  }

  async stream (request: CompletionRequest, signal: AbortSignal, callbacks: StreamCallbacks): Promise<Completion> {
    const completion = await this.complete(request, signal)
    callbacks.onToken?.(completion.text)
    return completion
  }
}

/** Grounding context for a question from a knowledge base (GROUNDING=on). */
export function groundingContext (base: KnowledgeBase, question: string, limit = 3): string {
  return new KnowledgeProvider(base).groundingContext(question, limit)
}
