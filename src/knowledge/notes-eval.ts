// Measures the course-notes answers on a labelled set of student questions: is the section that
// answers first, are questions the notes do not treat detected, does any excerpt end on a colon
// or point at an example it left out, and does the answer's confidence separate useful answers
// from useless ones (AUROC).

import type { Lang } from './analyzer.js'
import type { KnowledgeIndex } from './knowledge-index.js'
import type { KnowledgeAnswer } from './knowledge-provider.js'

export interface SectionRef {
  note: string
  /** Heading of the section, or '(summary)' for the text under the note's title; a list means any of them. */
  section: string | string[]
}

export interface CoveredQuestion extends SectionRef {
  lang: Lang
  question: string
  /** Sections of other notes that answer the question as well. */
  also?: SectionRef[]
}

export interface NotCoveredQuestion {
  lang: Lang
  question: string
  /** The term the notes do not treat. */
  missing: string
}

export interface QuestionSet {
  covered: CoveredQuestion[]
  notCovered: NotCoveredQuestion[]
}

export interface Figures {
  covered: number
  notCovered: number
  /** Share of covered questions whose first passage is a labelled section. */
  rightFirst: number
  /** Share of not-covered questions answered as not covered. */
  notCoveredDetected: number
  /** Covered questions answered as not covered (should be none). */
  coveredRefused: number
  /** Answers with an excerpt that ends on a colon or refers to an example it does not show. */
  broken: number
  /** AUROC of the answer's confidence against "useful", over every question of the set. */
  auroc: number
  /** The same among covered questions only (right section first against wrong), NaN when one class is empty. */
  aurocCovered: number
  misses: string[]
}

export type Answerer = (question: string) => KnowledgeAnswer & { confidence: number }

function matches (ref: SectionRef, topic: string, heading: string, kind: 'summary' | 'section'): boolean {
  if (ref.note !== topic) return false
  const wanted = Array.isArray(ref.section) ? ref.section : [ref.section]
  return wanted.some(s => s === '(summary)' ? kind === 'summary' : s === heading)
}

// Phrases that point at an example, a table or a command elsewhere in the text. Written apart from
// the composer's own list on purpose, so that this check can catch what that list misses.
const REFERENCE = /\b((exemplo|comando|c[oó]digo|tabela|arquivo|trecho|lista)s? (acima|abaixo|a seguir|anterior)|(example|command|code|table|file|snippet|listing)s? (above|below)|(above|below|following) (example|command|code|table|file|snippet)s?|(shown|listed) (above|below)|no exemplo|neste exemplo|este exemplo|in the example|this example|as follows|a seguir:)/i
const BLOCK_START = /^\s*(```|~~~|\||[-*] |\d+\. )/

/**
 * Problems of one answer's text: a block (other than the answer's first line) that ends with a colon
 * and is not followed by the code, table or list it introduces, or a reference to an example above
 * or below in an excerpt that shows no code block, table or list.
 */
export function excerptProblems (text: string): string[] {
  const problems: string[] = []
  const blocks = text.split(/\n{2,}/)
  for (let i = 1; i < blocks.length; i++) {
    const block = blocks[i].trim()
    if (/^\*\*[^*]+\*\*$/.test(block) || BLOCK_START.test(block)) continue
    const next = blocks[i + 1]?.trim() ?? ''
    const lastLine = block.split('\n').pop() ?? ''
    if (/:\s*$/.test(lastLine) && !BLOCK_START.test(next)) problems.push(`ends on a colon: …${block.slice(-60)}`)
  }
  // Each passage runs from its bold heading to the next one.
  const passages = text.split(/\n\n(?=\*\*[^*\n]+\*\*\n)/).slice(1)
  for (const passage of passages) {
    const prose = passage.replace(/```[\s\S]*?```/g, '')
    const reference = REFERENCE.exec(prose.replace(/^\*\*[^*\n]+\*\*\n/, ''))
    if (reference === null) continue
    const hasExample = /```|~~~|^\s*\||^\s*[-*] |^\s*\d+\. /m.test(passage.replace(/^\*\*[^*\n]+\*\*\n/, ''))
    if (!hasExample) problems.push(`dangling reference "${reference[0]}" in: ${prose.slice(0, 80)}…`)
  }
  return problems
}

/** Area under the ROC curve: the chance that a random positive scores above a random negative (ties count half). */
export function auroc (scores: number[], positive: boolean[]): number {
  let pos = 0
  let neg = 0
  let wins = 0
  for (let i = 0; i < scores.length; i++) {
    if (!positive[i]) continue
    pos++
    for (let j = 0; j < scores.length; j++) {
      if (positive[j]) continue
      if (scores[i] > scores[j]) wins += 1
      else if (scores[i] === scores[j]) wins += 0.5
    }
  }
  for (const p of positive) if (!p) neg++
  return pos === 0 || neg === 0 ? NaN : wins / (pos * neg)
}

/** Every third question (index 2, 5, 8, …) is held out from development. */
export function split<T> (items: T[], part: 'dev' | 'held-out' | 'all'): T[] {
  if (part === 'all') return items
  return items.filter((_, i) => (i % 3 === 2) === (part === 'held-out'))
}

export function evaluate (answer: Answerer, set: QuestionSet): Figures {
  const misses: string[] = []
  const scores: number[] = []
  const useful: boolean[] = []
  const coveredScores: number[] = []
  const coveredUseful: boolean[] = []
  let right = 0
  let refused = 0
  let broken = 0
  for (const q of set.covered) {
    const result = answer(q.question)
    const first = result.passages[0]
    const ok = first !== undefined && !result.lowCoverage &&
      [q, ...(q.also ?? [])].some(ref => matches(ref, first.topic, first.heading, first.kind))
    if (ok) right++
    if (result.lowCoverage) {
      refused++
      misses.push(`refused: ${q.question}`)
    } else if (!ok) {
      misses.push(`wrong first section: ${q.question} → ${first.topic} / ${first.kind === 'summary' ? '(summary)' : first.heading} (expected ${q.note} / ${String(q.section)})`)
    }
    const problems = excerptProblems(result.text)
    if (problems.length > 0) {
      broken++
      misses.push(`broken excerpt: ${q.question}: ${problems.join('; ')}`)
    }
    scores.push(result.confidence)
    useful.push(ok)
    coveredScores.push(result.confidence)
    coveredUseful.push(ok)
  }
  let detected = 0
  for (const q of set.notCovered) {
    const result = answer(q.question)
    if (result.lowCoverage) detected++
    else misses.push(`not detected as not covered: ${q.question} → ${result.passages[0]?.topic ?? '?'} / ${result.passages[0]?.heading ?? '?'}`)
    scores.push(result.confidence)
    useful.push(false)
  }
  return {
    covered: set.covered.length,
    notCovered: set.notCovered.length,
    rightFirst: set.covered.length === 0 ? NaN : right / set.covered.length,
    notCoveredDetected: set.notCovered.length === 0 ? NaN : detected / set.notCovered.length,
    coveredRefused: refused,
    broken,
    auroc: auroc(scores, useful),
    aurocCovered: auroc(coveredScores, coveredUseful),
    misses
  }
}

function pct (x: number): string {
  return Number.isNaN(x) ? 'n/a' : `${(100 * x).toFixed(1)} %`
}

/** One line of figures, as the CLI and the test print them. */
export function formatFigures (label: string, f: Figures): string {
  return `${label}: right section first ${pct(f.rightFirst)} of ${f.covered} · not covered detected ${pct(f.notCoveredDetected)} of ${f.notCovered}` +
    ` · covered refused ${f.coveredRefused} · broken excerpts ${f.broken}` +
    ` · AUROC ${Number.isNaN(f.auroc) ? 'n/a' : f.auroc.toFixed(3)} (covered only ${Number.isNaN(f.aurocCovered) ? 'n/a' : f.aurocCovered.toFixed(3)})`
}

/**
 * The students' questions attached to the notes' own sections, each labelled with the section it is
 * attached to: what the notes say they answer. They are in the index, so they measure no retrieval
 * skill; a refused one is a coverage rule contradicting the notes themselves.
 */
export function attachedQuestions (index: KnowledgeIndex): QuestionSet {
  const covered = index.passages.flatMap(p => p.questions.map(question => ({
    lang: p.lang, question, note: p.topic, section: p.kind === 'summary' ? '(summary)' : p.heading
  })))
  return { covered, notCovered: [] }
}
