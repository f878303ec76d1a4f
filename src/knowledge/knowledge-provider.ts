// The offline provider: answers from the course notes, in the question's language, with sources;
// says plainly when the notes do not cover the question instead of guessing.

import { ProviderError, type ChatMessage, type Completion, type CompletionRequest, type Provider, type Source, type StreamCallbacks } from '../providers/types.js'
import { foldText, tokenize, type Lang } from './analyzer.js'
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

/** Words that point back at what was said before: "e isso?", "explain it better", "and that one?". */
const POINTS_BACK = new Set([
  'isso', 'isto', 'aquilo', 'disso', 'nisso', 'disto', 'ele', 'ela', 'eles', 'elas', 'dele', 'dela', 'nele', 'nela',
  'it', 'its', 'this', 'that', 'these', 'those', 'they', 'them'
])
/** How a question that continues the previous one opens: "e no caso do EC2?", "what about Lambda?", "mas e o custo?". */
const CONTINUES = /^(?:e|and|but|mas|also|tambem|entao|so|what about|how about|e quanto|e se|and if)\b/
/** How much of the earlier questions joins a follow-up's search: enough to name the topic, not to drown the question. */
const CONTEXT_CHARS = 400

/** The question (the last user message) and, for a follow-up, the earlier questions that give it its subject. */
export function searchText (request: CompletionRequest): { question: string, context: string } {
  const users = request.messages.filter(m => m.role === 'user' && m.content.trim() !== '').map(m => m.content.trim())
  const question = users.pop() ?? ''
  let context = ''
  for (let i = users.length - 1; i >= 0 && context.length < CONTEXT_CHARS; i--) context = `${users[i]} ${context}`
  return { question, context: context.trim().slice(-CONTEXT_CHARS) }
}

/** Whether a question leans on the conversation by its words alone. */
function pointsBack (question: string): boolean {
  const folded = foldText(question).trim()
  return CONTINUES.test(folded) || tokenize(folded).some(w => POINTS_BACK.has(w))
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

  /**
   * Passages for a question in a conversation: a follow-up ("e no caso do EC2?", "explica melhor") is searched with
   * the earlier questions in front of it, which name what "it" and "isso" are; a question that stands on its own
   * words is searched alone, so an unrelated new question is not pulled back to the old topic.
   */
  private inConversation (question: string, context: string, lang: Lang, limit: number): SearchHit[] {
    if (context === '') return this.relevant(question, lang, limit)
    if (!pointsBack(question)) {
      const alone = this.relevant(question, lang, limit)
      if (alone.length > 0) return alone
    }
    return this.relevant(`${context} ${question}`, lang, limit)
  }

  /**
   * The answer to a question; `context` (the conversation's earlier questions) joins the search when the question
   * leans on it, and decides the language when the question's own words do not.
   */
  answer (question: string, context = ''): KnowledgeAnswer {
    const lang = detectLanguage(question, context === '' ? 'en' : detectLanguage(context))
    const text = TEXT[lang]
    const passages = this.inConversation(question, context, lang, MAX_PASSAGES)
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
  groundingContext (question: string, limit = 3, context = ''): string {
    const passages = this.inConversation(question, context, detectLanguage(question, context === '' ? 'en' : detectLanguage(context)), limit)
    return passages
      .map(hit => `[${hit.title} — ${hit.path}${hit.kind === 'section' ? ` — ${hit.heading}` : ''}]\n${condense(hit.text, OTHER_PASSAGE_CHARS)}`)
      .join('\n\n')
  }

  async complete (request: CompletionRequest, signal: AbortSignal): Promise<Completion> {
    if (signal.aborted) throw new ProviderError('timeout', 'request aborted', { beforeResponse: true })
    const { question, context } = searchText(request)
    if (question === '') throw new ProviderError('bad_request', 'no user message to answer')
    const answer = this.answer(question, context)
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

/** Grounding context for a question, and the conversation before it, from a knowledge base (GROUNDING=on). */
export function groundingContext (base: KnowledgeBase, question: string, limit = 3, history: ChatMessage[] = []): string {
  const { context } = searchText({ messages: [...history, { role: 'user', content: question }] })
  return new KnowledgeProvider(base).groundingContext(question, limit, context)
}
