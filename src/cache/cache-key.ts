// What makes two questions "the same" for the answer cache, and the key they share.
import { createHash } from 'node:crypto'
import type { ChatMessage } from '../providers/types.js'

/** Case, accents and spacing do not change a question: "Qual a vantagem  do Docker?" = "qual a vantagem do docker?". */
export function normaliseQuestion (question: string): string {
  return question
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLocaleLowerCase('en-US')
    .replace(/\s+/gu, ' ')
    .trim()
}

export interface CacheKeyParts {
  question: string
  /** The providers actually asked (after the budget check); order does not matter. */
  providers: string[]
  /** The requested strategy with the server default filled in. */
  strategy: string
  waitFor: string
  /** A conversation's earlier turns and extra instructions change the answer, so they are part of the key. */
  history?: ChatMessage[]
  system?: string
}

/** Bump when the cached value's shape changes, so replicas running different versions never share entries. */
export const CACHE_FORMAT = 'v1'

export function answerCacheKey (parts: CacheKeyParts): string {
  const identity = JSON.stringify([
    normaliseQuestion(parts.question),
    [...parts.providers].sort(),
    parts.strategy,
    parts.waitFor,
    (parts.history ?? []).map(m => [m.role, normaliseQuestion(m.content)]),
    parts.system === undefined ? null : normaliseQuestion(parts.system)
  ])
  // Hashed: keys stay short whatever the question's length, and Redis never holds the question as a key name.
  return `${CACHE_FORMAT}:${createHash('sha256').update(identity).digest('base64url')}`
}
