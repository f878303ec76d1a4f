// Cuts a note's section down to what answers a question: whole sentences only, a code block,
// table or list always together with the sentence that introduces it, and no sentence left that
// points at an example the excerpt does not show.

import type { Analyzer } from './analyzer.js'

const FENCE = /^\s*(```|~~~)/
const STRUCTURED = /^\s*(```|~~~|\||[-*+] |\d+\. )/

/**
 * A sentence that points at an example, a table or a command shown elsewhere: "no exemplo acima",
 * "a chamada acima", "the strategy below", "as follows". "Acima de 70 %" and "above 90 %" compare
 * numbers and are not references.
 */
export const REFERENCE = /\b(?:(?:n?o|d?o|n?a|d?a|n?os|d?os|n?as|d?as|esse|este|essa|esta|nesse|neste|nessa|nesta)\s+[\p{L}-]+\s+(?:acima|abaixo|anterior|seguinte)(?!\s*(?:de|do|da|dos|das|\d))|(?:este|esse|neste|nesse)\s+exemplo|a seguir|(?:the|this|that|these|those)\s+[\p{L}-]+\s+(?:above|below)(?!\s*\d)|(?:shown|listed|see)\s+(?:above|below)|in this example|this example|as follows|the following)\b/iu
/** A reference forward, to what comes next: the block after it belongs with it. */
const FORWARD = /\b(?:abaixo|a seguir|seguinte|below|following|as follows)\b/i

interface Unit {
  text: string
  /** Holds a code block, a table or a list. */
  structured: boolean
}

/** Markdown blocks separated by blank lines, a fenced code block counting as one block. */
export function blocks (markdown: string): string[] {
  const out: string[] = []
  let current: string[] = []
  let inFence = false
  for (const line of markdown.split('\n')) {
    if (FENCE.test(line)) inFence = !inFence
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

/**
 * Blocks grouped into units that must stay together: prose ending with a colon joins the block it
 * introduces, and prose opening with a reference to the example just shown joins that example.
 */
function units (markdown: string): Unit[] {
  const out: Unit[] = []
  const list = blocks(markdown.trim())
  for (let i = 0; i < list.length; i++) {
    const block = list[i]
    const structured = STRUCTURED.test(block)
    const previous = out[out.length - 1]
    if (!structured && previous?.structured === true && REFERENCE.test(firstSentence(block))) {
      previous.text += `\n\n${block}`
      continue
    }
    if (!structured && i + 1 < list.length && STRUCTURED.test(list[i + 1]) && (/:\s*$/.test(block) || (REFERENCE.test(block) && FORWARD.test(block)))) {
      out.push({ text: `${block}\n\n${list[i + 1]}`, structured: true })
      i++
      continue
    }
    out.push({ text: block, structured })
  }
  return out
}

function firstSentence (prose: string): string {
  return sentences(prose)[0] ?? prose
}

/**
 * Sentences of a prose block. A sentence ends at . ! ? followed by a space and an upper-case
 * letter, a digit, a backtick, a quote or markup, so decimals ("0.40") and "e.g. this" stay whole.
 */
export function sentences (prose: string): string[] {
  const parts = prose.split(/(?<=[.!?])\s+(?=[\p{Lu}\d`"“*(\[])/u)
  return parts.map(p => p.trim()).filter(p => p !== '')
}

/** Index terms of a text that are also query terms, counted once each. */
function overlap (analyzer: Analyzer, text: string, query: ReadonlySet<string>): number {
  let n = 0
  for (const term of new Set(analyzer.analyze(text))) if (query.has(term)) n++
  return n
}

/** The sentences of a long prose block that best answer, within `max` characters, in their order. */
function pickSentences (prose: string, max: number, analyzer: Analyzer, query: ReadonlySet<string>): string {
  const list = sentences(prose)
  const ranked = list
    .map((sentence, i) => ({ i, sentence, score: overlap(analyzer, sentence, query) + (i === 0 ? 0.5 : 0) }))
    .sort((a, b) => b.score - a.score || a.i - b.i)
  const kept = new Set<number>()
  let used = 0
  for (const { i, sentence } of ranked) {
    if (used + sentence.length + 1 > max && kept.size > 0) continue
    if (sentence.length > max && kept.size === 0) return cutWords(sentence, max)
    kept.add(i)
    used += sentence.length + 1
  }
  return list.filter((_, i) => kept.has(i)).join(' ')
}

/** Last resort for one sentence longer than the whole budget: cut at a word, with an ellipsis. */
function cutWords (sentence: string, max: number): string {
  const head = sentence.slice(0, max)
  const space = head.lastIndexOf(' ')
  return `${head.slice(0, space > 0 ? space : max).replace(/[,;:]$/, '')}…`
}

/** Drops the sentences that point at an example the excerpt does not show, and a final colon with nothing after it. */
function withoutDanglingReferences (parts: Unit[]): Unit[] {
  const showsExample = parts.some(p => p.structured)
  return parts.map(part => {
    if (part.structured) return part
    let kept = sentences(part.text)
    if (!showsExample) kept = kept.filter(s => !REFERENCE.test(s))
    while (kept.length > 0 && /:\s*$/.test(kept[kept.length - 1])) kept.pop()
    return { text: kept.join(' '), structured: false }
  }).filter(part => part.text !== '')
}

/**
 * The part of a section that answers: all of it when it fits in `max` characters; otherwise the
 * units that share most words with the question, in their order, the best one first to be kept
 * (a unit with code may run to 1.6 × `max` rather than lose its code).
 */
export function excerpt (markdown: string, max: number, analyzer: Analyzer, queryTerms: Iterable<string>): string {
  const query = new Set(queryTerms)
  const all = units(markdown)
  const total = all.reduce((sum, u) => sum + u.text.length + 2, 0)
  let kept: Unit[]
  if (total <= max) {
    kept = all
  } else {
    const ranked = all
      .map((unit, i) => ({ unit, i, score: (overlap(analyzer, unit.text, query) + (i === 0 ? 0.5 : 0)) * (STRUCTURED.test(unit.text) ? 0.5 : 1) }))
      .sort((a, b) => b.score - a.score || a.i - b.i)
    // A code block is no answer on its own (see below): the best unit that says something in words is taken first, so
    // that a command sharing every word of the question cannot crowd out the list that explains them.
    const lead = ranked.findIndex(({ unit }) => !FENCE.test(unit.text))
    if (lead > 0) ranked.unshift(...ranked.splice(lead, 1))
    const chosen = new Map<number, Unit>()
    let used = 0
    for (const { unit, i } of ranked) {
      const first = chosen.size === 0
      if (used + unit.text.length + 2 <= max || (first && unit.structured && unit.text.length <= max * 1.6)) {
        chosen.set(i, unit)
        used += unit.text.length + 2
      } else if (first && !unit.structured) {
        const text = pickSentences(unit.text, max, analyzer, query)
        chosen.set(i, { text, structured: false })
        used += text.length + 2
      }
    }
    kept = [...chosen.entries()].sort((a, b) => a[0] - b[0]).map(([, unit]) => unit)
  }
  const result = withoutDanglingReferences(kept)
  // A code block with no sentence to say what it does answers nothing (a table or a list, under its heading, does).
  if (result.every(unit => FENCE.test(unit.text))) return ''
  return result.map(u => u.text).join('\n\n')
}
