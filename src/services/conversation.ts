// A conversation's earlier turns on their way into an ask: the limits every entry point shares, and the
// interface language a client states for questions whose own language is unclear.
import { HISTORY_MAX_CHARS, HISTORY_MAX_TURNS, HISTORY_TURN_MAX_CHARS, type AskRequest, type HistoryTurn } from '../../schemas/ask.js'
import { HttpProblem, ProblemType } from '../http/problem.js'
import type { ChatMessage } from '../providers/types.js'
import type { AskInput } from './ask-service.js'

/**
 * What the schema cannot say about `history`: no blank turn, and the characters of all turns together
 * within HISTORY_MAX_CHARS. A 400 naming the field, like the schema's own errors.
 */
export function checkHistory (history: HistoryTurn[] | undefined): ChatMessage[] | undefined {
  if (history === undefined || history.length === 0) return undefined
  const blank = history.findIndex(turn => turn.content.trim() === '')
  if (blank >= 0) {
    throw new HttpProblem({
      status: 400,
      type: ProblemType.validation,
      title: 'Invalid request',
      detail: `body/history/${blank}/content must not be blank.`,
      errors: [{ field: `body/history/${blank}/content`, message: 'must not be blank' }]
    })
  }
  const total = history.reduce((sum, turn) => sum + turn.content.length, 0)
  if (total > HISTORY_MAX_CHARS) {
    throw new HttpProblem({
      status: 400,
      type: ProblemType.validation,
      title: 'Invalid request',
      detail: `body/history has ${total} characters; at most ${HISTORY_MAX_CHARS} are accepted. Send the most recent turns only.`,
      errors: [{ field: 'body/history', message: `must have at most ${HISTORY_MAX_CHARS} characters in all (it has ${total})` }]
    })
  }
  return history.map(turn => ({ role: turn.role, content: turn.content }))
}

/**
 * The most recent turns that fit the limits, oldest out first; a turn longer than one turn may be keeps its
 * beginning. For clients that cannot know the limits (OpenAI-compatible chat clients send the whole chat).
 */
export function trimHistory (history: ChatMessage[]): { history: ChatMessage[], dropped: number } {
  const kept: ChatMessage[] = []
  let total = 0
  for (let i = history.length - 1; i >= 0 && kept.length < HISTORY_MAX_TURNS; i--) {
    const turn = history[i]
    if (turn.content.trim() === '') continue
    const content = turn.content.length > HISTORY_TURN_MAX_CHARS ? turn.content.slice(0, HISTORY_TURN_MAX_CHARS) : turn.content
    if (total + content.length > HISTORY_MAX_CHARS) break
    total += content.length
    kept.unshift({ role: turn.role, content })
  }
  return { history: kept, dropped: history.filter(m => m.content.trim() !== '').length - kept.length }
}

const LANGUAGE_NAMES = { pt: 'Brazilian Portuguese', en: 'English' } as const

/** The language a client prefers, from Accept-Language: the first of Portuguese or English by weight. */
export function preferredLanguage (acceptLanguage: string | undefined): 'pt' | 'en' | undefined {
  if (acceptLanguage === undefined || acceptLanguage.trim() === '') return undefined
  const ranges = acceptLanguage.split(',').map((part, index) => {
    const [tag = '', ...params] = part.trim().split(';')
    const q = params.map(p => p.trim()).find(p => p.startsWith('q='))
    const weight = q === undefined ? 1 : Number(q.slice(2))
    return { tag: tag.trim().toLowerCase(), weight: Number.isFinite(weight) ? weight : 0, index }
  }).filter(r => r.weight > 0).sort((a, b) => b.weight - a.weight || a.index - b.index)
  for (const { tag } of ranges) {
    if (tag === 'pt' || tag.startsWith('pt-')) return 'pt'
    if (tag === 'en' || tag.startsWith('en-')) return 'en'
  }
  return undefined
}

/**
 * An instruction for questions whose language cannot be told from their words ("oi", "hello?", "EC2"):
 * answer in the language of the student's interface. The tutor prompt keeps answering in the question's language otherwise.
 */
export function languageInstruction (acceptLanguage: string | undefined): string | undefined {
  const lang = preferredLanguage(acceptLanguage)
  if (lang === undefined) return undefined
  const name = LANGUAGE_NAMES[lang]
  return `The student's interface is in ${name}. When the language of the question is unclear (a greeting, a single word, a name), answer in ${name}.`
}

/** The ask service's input for a `POST /api/ask` body: history checked, the interface language added as an instruction. */
export function askInputOf (body: AskRequest, acceptLanguage: string | undefined): AskInput {
  const { history, ...rest } = body
  const input: AskInput = { ...rest }
  const turns = checkHistory(history)
  if (turns !== undefined) input.history = turns
  const system = languageInstruction(acceptLanguage)
  if (system !== undefined) input.system = system
  return input
}
