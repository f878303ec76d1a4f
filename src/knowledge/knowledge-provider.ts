// The offline provider: answers from the course notes, in the question's language, with sources;
// says plainly when the notes do not cover the question instead of guessing.

import { ProviderError, type ChatMessage, type Completion, type CompletionRequest, type Provider, type Source, type StreamCallbacks } from '../providers/types.js'
import { analyzerFor, foldText, tokenize, type Lang } from './analyzer.js'
import { excerpt } from './excerpt.js'
import type { KnowledgeBase } from './knowledge-base.js'
import { smallTalk } from './question.js'
import { MIN_STRENGTH, retrieve, type RankedHit, type Retrieval } from './retrieval.js'

export { MIN_STRENGTH } from './retrieval.js'

const FIRST_PASSAGE_CHARS = 900
const OTHER_PASSAGE_CHARS = 450

/** What to tell a student to get answers beyond the notes, depending on whether any language model is configured. */
const BEYOND = {
  pt: {
    withModels: 'Os modelos de linguagem configurados neste serviço respondem a ela sem o apoio das notas.',
    withoutModels: 'Nenhum modelo de linguagem está configurado neste serviço, então só as notas respondem. Para ter respostas além delas, defina OPENAI_API_KEY, GEMINI_API_KEY ou HF_TOKEN (ou OLLAMA_MODEL, para um modelo local) e reinicie o serviço; o arquivo .env.example lista todas as opções.'
  },
  en: {
    withModels: 'The language models configured on this service answer it without the notes\' support.',
    withoutModels: 'No language model is configured on this service, so only the notes answer. To get answers beyond them, set OPENAI_API_KEY, GEMINI_API_KEY or HF_TOKEN (or OLLAMA_MODEL, for a local model) and restart the service; .env.example lists every option.'
  }
} as const

function list (items: string[], and: string): string {
  const bold = items.map(i => `**${i}**`)
  return bold.length <= 1 ? bold.join('') : `${bold.slice(0, -1).join(', ')} ${and} ${bold[bold.length - 1]}`
}

const TEXT = {
  pt: {
    lead: (title: string) => `Segundo as notas do curso (*${title}*):`,
    leadOther: (title: string) => `As notas do curso tratam disso só em inglês (*${title}*):`,
    sources: 'Fontes:',
    notCovered: (unknown: string[], topics: number) => unknown.length > 0
      ? `As notas do curso não tratam de ${list(unknown, 'nem')}, então não há uma resposta delas para dar.`
      : `As notas do curso (${topics} ${topics === 1 ? 'tema' : 'temas'}) não cobrem esta pergunta, então não há uma resposta delas para dar.`,
    related: (title: string, path: string) => `O tema mais próximo que elas cobrem é *${title}* (\`${path}\`).`,
    courseLogistics: 'Prazos, notas, frequência e as demais regras da disciplina não estão nas notas do curso, que tratam do conteúdo: quem responde é o professor ou a página da disciplina.',
    missing: (names: string[]) => `As notas do curso não tratam de ${list(names, 'nem')}.`,
    leadRest: (title: string) => `Sobre o resto da pergunta, segundo elas (*${title}*):`,
    greeting: 'Oi! Pode perguntar sobre computação em nuvem — por exemplo, "qual a diferença entre ECS e Fargate?" — que eu respondo com as notas do curso.',
    thanks: 'De nada! Se surgir outra dúvida sobre a disciplina, é só perguntar.'
  },
  en: {
    lead: (title: string) => `According to the course notes (*${title}*):`,
    leadOther: (title: string) => `The course notes cover this only in Portuguese (*${title}*):`,
    sources: 'Sources:',
    notCovered: (unknown: string[], topics: number) => unknown.length > 0
      ? `The course notes do not cover ${list(unknown, 'or')}, so there is no answer from them to give.`
      : `The course notes (${topics} ${topics === 1 ? 'topic' : 'topics'}) do not cover this question, so there is no answer from them to give.`,
    related: (title: string, path: string) => `The closest topic they do cover is *${title}* (\`${path}\`).`,
    courseLogistics: 'Deadlines, grades, attendance and the other rules of the course are not in the course notes, which teach the subject: your teacher or the course page can answer that.',
    missing: (names: string[]) => `The course notes do not cover ${list(names, 'or')}.`,
    leadRest: (title: string) => `On the rest of the question, according to them (*${title}*):`,
    greeting: 'Hi! Ask me anything about cloud computing — for example, "what is the difference between ECS and Fargate?" — and I will answer from the course notes.',
    thanks: 'You\'re welcome! If another question about the course comes up, just ask.'
  }
} as const

export interface KnowledgeAnswer {
  text: string
  lang: Lang
  sources: Source[]
  lowCoverage: boolean
  /** Estimated chance (0..1) that the text answers the question; low when the notes do not cover it. */
  confidence: number
  /** The passages the answer quotes, best first. */
  passages: RankedHit[]
}

export interface KnowledgeProviderOptions {
  weight?: number
  minStrength?: number
  /**
   * Whether any language model is configured beside the notes: the "not covered" answer then
   * says they answer instead, and otherwise how to configure one.
   */
  languageModels?: boolean
}

/**
 * The unknown words worth naming: those written as names (capitals inside or at the start of a
 * word other than the first, as in "SageMaker" or "Amazon Redshift") when there are any, else all.
 */
function namesAmong (unknown: string[], raw: string): string[] {
  const first = /[\p{L}\p{N}]+/u.exec(raw)?.[0]
  const names = unknown.filter(word => word !== first && /\p{Lu}/u.test(word))
  return (names.length > 0 ? names : unknown).slice(0, 3)
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

export class KnowledgeProvider implements Provider {
  readonly id = 'knowledge'
  readonly kind = 'knowledge' as const
  readonly model = 'course-notes'
  readonly weight: number
  private readonly base: KnowledgeBase
  private readonly minStrength: number
  private readonly languageModels: boolean

  constructor (base: KnowledgeBase, options: KnowledgeProviderOptions = {}) {
    this.base = base
    this.weight = options.weight ?? 0.6
    this.minStrength = options.minStrength ?? MIN_STRENGTH
    this.languageModels = options.languageModels ?? false
  }

  private topics (lang: Lang): number {
    const own = new Set(this.base.index.notes.filter(n => n.lang === lang).map(n => n.topic))
    return own.size > 0 ? own.size : new Set(this.base.index.notes.map(n => n.topic)).size
  }

  private notCovered (found: Retrieval): KnowledgeAnswer {
    const lang = found.question.lang
    const text = TEXT[lang]
    // The course's own rules are for its staff to say: neither the notes nor a language model know them.
    if (found.courseLogistics) return { text: text.courseLogistics, lang, sources: [], lowCoverage: true, confidence: found.confidence, passages: [] }
    // Near a course topic (the rest of the question matches a note), the words the notes lack are
    // what they do not cover, and the note matched is the related topic they do cover. Far from
    // every topic, naming the question's own ordinary words ("won", "Cup") would say nothing.
    const near = found.closest !== null && (found.unknown.length > 0 || found.untreated.length > 0)
    const named = [...found.untreated, ...(found.unknown.length > 0 ? namesAmong(found.unknown, found.question.raw) : [])].slice(0, 3)
    const parts: string[] = [text.notCovered(near ? named : [], this.topics(lang))]
    if (near && found.closest !== null) parts.push(text.related(found.closest.title, found.closest.path))
    parts.push(BEYOND[lang][this.languageModels ? 'withModels' : 'withoutModels'])
    return { text: parts.join(' '), lang, sources: [], lowCoverage: true, confidence: found.confidence, passages: [] }
  }

  /**
   * Retrieval for a question in a conversation: a follow-up ("e no caso do EC2?", "explica melhor") is searched with
   * the earlier questions in front of it, which name what "it" and "isso" are; a question that stands on its own
   * words is searched alone, so an unrelated new question is not pulled back to the old topic.
   */
  private inConversation (question: string, context: string, limit: number): Retrieval {
    const options = { limit, minStrength: this.minStrength }
    if (context === '') return retrieve(this.base, question, options)
    if (!pointsBack(question)) {
      const alone = retrieve(this.base, question, options)
      if (alone.covered && alone.hits.length > 0) return alone
    }
    return retrieve(this.base, `${context} ${question}`, options)
  }

  /** The answer to a question; `context` (the conversation's earlier questions) joins the search when the question leans on it. */
  answer (question: string, context = ''): KnowledgeAnswer {
    const talk = smallTalk(question)
    if (talk !== null) {
      return { text: TEXT[talk.lang][talk.kind], lang: talk.lang, sources: [], lowCoverage: false, confidence: 0.9, passages: [] }
    }
    const found = this.inConversation(question, context, 3)
    if (!found.covered || found.hits.length === 0) return this.notCovered(found)

    const lang = found.question.lang
    const text = TEXT[lang]
    const analyzer = analyzerFor(found.lang)
    // A passage whose excerpt comes out empty (a lone code block, say) is left out, and so is its source.
    const shown = found.hits
      .map((hit, i) => ({ hit, body: excerpt(hit.text, i === 0 ? FIRST_PASSAGE_CHARS : OTHER_PASSAGE_CHARS, analyzer, found.queryTerms) }))
      .filter(({ body }) => body !== '')
    if (shown.length === 0) return this.notCovered({ ...found, covered: false, confidence: Math.min(found.confidence, 0.05) })
    const passages = shown.map(({ hit }) => hit)
    const best = passages[0]
    const lead = best.lang !== lang ? text.leadOther(best.title) : found.notTreated.length > 0 ? text.leadRest(best.title) : text.lead(best.title)
    // The question names something the notes do not treat: say so before what they do say.
    const parts = [found.notTreated.length > 0 ? `${text.missing(found.notTreated)} ${lead}` : lead]
    for (const { hit, body } of shown) {
      const heading = hit.kind === 'summary' ? hit.title : hit.title === best.title ? hit.heading : `${hit.heading} (${hit.title})`
      parts.push(`**${heading}**\n\n${body}`)
    }

    const sources: Source[] = []
    for (const hit of passages) {
      if (sources.some(s => s.path === hit.path)) continue
      sources.push({ title: hit.title, path: hit.path, score: Math.round(hit.score * 1000) / 1000 })
    }
    parts.push(`**${text.sources}**\n${sources.map(s => `- ${s.title} — \`${s.path}\``).join('\n')}`)
    return { text: parts.join('\n\n'), lang, sources, lowCoverage: false, confidence: found.confidence, passages }
  }

  /**
   * The top passages as plain context for a language model's system prompt (GROUNDING=on), each
   * headed by its source; '' when the notes do not cover the question.
   */
  groundingContext (question: string, limit = 3, context = ''): string {
    const found = this.inConversation(question, context, limit)
    const analyzer = analyzerFor(found.lang)
    return found.hits
      .map(hit => `[${hit.title} — ${hit.path}${hit.kind === 'section' ? ` — ${hit.heading}` : ''}]\n${excerpt(hit.text, OTHER_PASSAGE_CHARS, analyzer, found.queryTerms)}`)
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
      lowCoverage: answer.lowCoverage,
      confidence: Math.round(answer.confidence * 1000) / 1000
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
