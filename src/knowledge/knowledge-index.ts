// Full-text index of the course notes: one BM25 (MiniSearch) index per language, over passages.

import MiniSearch, { type SearchResult } from 'minisearch'
import { analyzerFor, LANGS, type Lang } from './analyzer.js'
import type { Note } from './load-notes.js'

export interface Passage {
  id: number
  path: string
  topic: string
  lang: Lang
  title: string
  keywords: string[]
  /** Section heading; for the summary passage, the note's title. */
  heading: string
  /** Markdown text of the passage. */
  text: string
  kind: 'summary' | 'section'
  /** Students' questions that the passage answers, in their words (see NoteSection.questions). */
  questions: string[]
}

export interface SearchHit {
  path: string
  topic: string
  lang: Lang
  title: string
  heading: string
  text: string
  kind: Passage['kind']
  /** BM25 score (fields boosted, prefix and fuzzy matches discounted). */
  score: number
  /**
   * The score made comparable across questions and note sets: divided by the square root of the
   * number of query terms (long questions add up more) and by the IDF a term found in a single
   * passage would have (bigger note sets give bigger IDFs). Around 1 for one passing mention,
   * well above 3 when the passage is about the question.
   */
  strength: number
  /** Share of the query's terms the passage contains (0..1). */
  matched: number
  /** The query's index terms the passage contains. */
  terms: string[]
}

export interface SearchOptions {
  /** Search only the notes of this language (default: both, merged by score). */
  lang?: Lang
  limit?: number
  /** At most this many passages of one note (default: no limit). */
  perNote?: number
  /**
   * The language the query is written in, when known: searching the notes of the other language,
   * its stop words are dropped too, so that only the words both share (mostly technical terms)
   * count.
   */
  queryLang?: Lang
  /**
   * Whether the students' questions attached to the sections count (default true). They find the
   * section a paraphrase asks about; whether the notes explain a thing at all is a matter of their
   * own text, so coverage checks leave them out.
   */
  paraphrases?: boolean
}

// Title and keywords name the topic, so a match there says more than one in running text. Code
// blocks illustrate a section with identifiers and values (`OPENAI_API_KEY` in a task definition
// that injects secrets), so a word there says much less about what the section explains.
// The questions students would ask about a section say what it answers in the words they use,
// which the section's own text may never use ("make stuff up" for hallucinations).
const BOOST = { title: 3, keywords: 2.5, heading: 1.5, text: 1, code: 0.3, questions: 2 }
// MiniSearch looks every query term up (with prefix and fuzzy expansion) in the index; a pasted
// page of text must not turn one question into hundreds of such look-ups.
const MAX_QUERY_TERMS = 32
const FIELDS = ['title', 'keywords', 'heading', 'text', 'code', 'questions'] as const

interface LanguageIndex {
  search: MiniSearch<AnalyzedPassage>
  /** IDF of a term that occurs in one passage only (BM25's formula, as MiniSearch computes it). */
  maxIdf: number
  /** Every index term of this language's notes, the students' questions attached to them included. */
  vocabulary: Set<string>
  /**
   * The terms of the notes' own text (title, keywords, headings, prose, code). A typo or a cut-short
   * word is matched against these only: the students' everyday words in the questions ("pular")
   * would otherwise make look-alike names ("pulsar") known.
   */
  treated: Set<string>
}

const FENCED = /^[ \t]*(```|~~~)[^\n]*\n[\s\S]*?^[ \t]*\1[ \t]*$/gm

// The number that opens an item of a numbered list orders the list and says nothing of its subject:
// indexed, "1 or 3 years" would match every numbered list of the notes.
const LIST_NUMBER = /^([ \t]*)\d+\.[ \t]+/gm

/** A passage's prose and its fenced code blocks, each analysed apart. */
export function splitCode<T> (markdown: string, analyze: (text: string) => T): { text: T, code: T } {
  const code: string[] = []
  const prose = markdown.replace(FENCED, block => {
    code.push(block)
    return '\n'
  }).replace(LIST_NUMBER, '$1')
  return { text: analyze(prose), code: analyze(code.join('\n')) }
}

function hasDigit (term: string): boolean {
  return /\d/.test(term)
}

type Field = typeof FIELDS[number]
type AnalyzedPassage = { id: number } & Record<Field, string[]>

function buildLanguageIndex (lang: Lang, passages: Passage[]): LanguageIndex {
  const analyzer = analyzerFor(lang)
  // Passages are analysed here and MiniSearch indexes the ready term arrays as they are (its
  // stringify and tokenize steps pass them through): one pass over the text instead of two.
  // Queries are analysed by KnowledgeIndex.search the same way before they reach MiniSearch.
  // A summary's heading is the note's title, already indexed as the title: indexing it twice would
  // make the summary outrank the section that answers whenever the question names the topic.
  const docs: AnalyzedPassage[] = passages.map(passage => ({
    id: passage.id,
    title: analyzer.analyze(passage.title),
    keywords: analyzer.analyze(passage.keywords.join(' ')),
    heading: passage.kind === 'summary' ? [] : analyzer.analyze(passage.heading),
    ...splitCode(passage.text, text => analyzer.analyze(text)),
    questions: analyzer.analyze(passage.questions.join(' \n '))
  }))
  const vocabulary = new Set<string>()
  const treated = new Set<string>()
  for (const doc of docs) {
    for (const field of FIELDS) {
      for (const term of doc[field]) {
        vocabulary.add(term)
        if (field !== 'questions') treated.add(term)
      }
    }
  }

  const search = new MiniSearch<AnalyzedPassage>({
    fields: [...FIELDS],
    idField: 'id',
    stringifyField: terms => terms as unknown as string,
    tokenize: terms => terms as unknown as string[],
    processTerm: term => term,
    searchOptions: {
      boost: BOOST,
      combineWith: 'OR',
      // Prefix matches catch compounds and derived forms the light stemmer leaves apart
      // ("autoscal" → "autoscaling"); short terms and numbers would match too much.
      prefix: term => term.length >= 4 && !hasDigit(term),
      // One edit for long words only: enough for typos, not enough to confuse topics.
      fuzzy: term => term.length >= 6 && !hasDigit(term) ? 1 : false,
      weights: { prefix: 0.35, fuzzy: 0.25 }
    }
  })
  search.addAll(docs)
  const n = passages.length
  return { search, maxIdf: Math.log(1 + (n - 1 + 0.5) / (1 + 0.5)), vocabulary, treated }
}

interface Lexicon {
  /** Every term, the students' questions included: a word typed as one of them is known. */
  terms: Set<string>
  /** The notes' own terms, sorted and by length: the forms a mistyped or shortened word is matched against. */
  sorted: string[]
  byLength: Map<number, string[]>
  /** The notes' own terms: the stems an ending or a compound is checked against. */
  treated: Set<string>
}

/** Damerau–Levenshtein distance of `a` and `b` is at most `max` (optimal string alignment, early exit). */
export function withinEdits (a: string, b: string, max: number): boolean {
  if (Math.abs(a.length - b.length) > max) return false
  let prevPrev: number[] = []
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    const row = [i]
    let best = i
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      let d = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + cost)
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, prevPrev[j - 2] + 1)
      row.push(d)
      if (d < best) best = d
    }
    if (best > max) return false
    prevPrev = prev
    prev = row
  }
  return prev[b.length] <= max
}

function toPassages (notes: Note[]): Passage[] {
  const passages: Passage[] = []
  for (const note of notes) {
    const base = { path: note.path, topic: note.topic, lang: note.lang, title: note.title, keywords: note.keywords }
    if (note.summary !== '') passages.push({ ...base, id: passages.length, heading: note.title, text: note.summary, kind: 'summary', questions: note.summaryQuestions })
    for (const section of note.sections) {
      passages.push({ ...base, id: passages.length, heading: section.heading, text: section.text, kind: 'section', questions: section.questions })
    }
  }
  return passages
}

export class KnowledgeIndex {
  readonly notes: readonly Note[]
  readonly passages: readonly Passage[]
  /** Time the build took, in milliseconds. */
  readonly buildMs: number
  private readonly byLang: Map<Lang, LanguageIndex>
  // Built at the first coverage check, not at start: most of the service's start-up budget is the index.
  private lexiconCache: Lexicon | undefined

  private constructor (notes: Note[], passages: Passage[], byLang: Map<Lang, LanguageIndex>, buildMs: number) {
    this.notes = notes
    this.passages = passages
    this.byLang = byLang
    this.buildMs = buildMs
  }

  static build (notes: Note[]): KnowledgeIndex {
    const started = performance.now()
    const passages = toPassages(notes)
    const byLang = new Map<Lang, LanguageIndex>()
    for (const lang of LANGS) {
      const own = passages.filter(p => p.lang === lang)
      if (own.length > 0) byLang.set(lang, buildLanguageIndex(lang, own))
    }
    return new KnowledgeIndex(notes, passages, byLang, performance.now() - started)
  }

  /**
   * Whether an index term occurs in the notes of either language, allowing for how students type
   * it: cut short ("autoscal"), with a letter or two more, or with one typo (two in long words).
   * `exact` allows none of these: for a term of the other language's analyser, where a typo's
   * neighbour is only a word that happens to look alike ("athen", the Portuguese stem of "Athena",
   * is one letter from "aten").
   */
  knows (term: string, exact = false): boolean {
    const lexicon = this.lexicon
    if (lexicon.terms.has(term)) return true
    if (exact || /\d/.test(term)) return false
    if (term.length >= 5) {
      // The first term at or after `term` in sorted order starts with it when any does.
      let lo = 0
      let hi = lexicon.sorted.length
      while (lo < hi) {
        const mid = (lo + hi) >> 1
        if (lexicon.sorted[mid] < term) lo = mid + 1
        else hi = mid
      }
      if (lexicon.sorted[lo]?.startsWith(term) === true) return true
      // A known word of six letters or more with up to three more: a conjugation or derivation the light stemmers leave apart ("significam").
      // The letters added must read as an ending (a vowel in them, or an "s"): "memorydb" is no form of "memory".
      // Three that are a word of the notes themselves make a compound, not an ending: "statefulset" is no form of "stateful".
      for (let cut = 1; cut <= 3 && term.length - cut >= 6; cut++) {
        const ending = term.slice(-cut)
        if (/[aeious]/.test(ending) && !(cut === 3 && lexicon.treated.has(ending)) && lexicon.treated.has(term.slice(0, -cut))) return true
      }
      if (lexicon.treated.has(term.slice(0, -1))) return true
      const maxEdits = term.length >= 9 ? 2 : 1
      for (let len = term.length - maxEdits; len <= term.length + maxEdits; len++) {
        for (const candidate of lexicon.byLength.get(len) ?? []) {
          // Students rarely mistype a word's first letter; a word that differs there ("swarm",
          // "warm") is another word.
          if (candidate[0] === term[0] && withinEdits(term, candidate, maxEdits)) return true
        }
      }
    }
    return false
  }

  /** Whether a term is one of the notes' own (the students' attached questions left out). */
  treats (term: string): boolean {
    return this.lexicon.treated.has(term)
  }

  private get lexicon (): Lexicon {
    if (this.lexiconCache === undefined) {
      const terms = new Set<string>()
      const treated = new Set<string>()
      for (const index of this.byLang.values()) {
        for (const term of index.vocabulary) terms.add(term)
        for (const term of index.treated) treated.add(term)
      }
      const byLength = new Map<number, string[]>()
      for (const term of treated) {
        const list = byLength.get(term.length)
        if (list === undefined) byLength.set(term.length, [term])
        else list.push(term)
      }
      this.lexiconCache = { terms, sorted: [...treated].sort(), byLength, treated }
    }
    return this.lexiconCache
  }

  /** Languages that have at least one note. */
  get languages (): Lang[] {
    return [...this.byLang.keys()]
  }

  search (query: string, options: SearchOptions = {}): SearchHit[] {
    const limit = options.limit ?? 10
    const langs = options.lang !== undefined ? [options.lang] : LANGS
    const hits: SearchHit[] = []
    for (const lang of langs) {
      const index = this.byLang.get(lang)
      if (index === undefined) continue
      const foreign = options.queryLang !== undefined && options.queryLang !== lang ? analyzerFor(options.queryLang).isStopWord : undefined
      const terms = [...new Set(analyzerFor(lang).analyze(query, foreign))].slice(0, MAX_QUERY_TERMS)
      if (terms.length === 0) continue
      const scale = Math.sqrt(terms.length) * index.maxIdf
      // A word the notes contain as it is was not mistyped: expanding it by one edit only finds
      // other words ("openai" → "openapi").
      const results = index.search.search(terms.join(' '), {
        tokenize: text => text.split(' '),
        processTerm: term => term,
        fuzzy: term => term.length >= 6 && !hasDigit(term) && !index.vocabulary.has(term) ? 1 : false,
        ...(options.paraphrases === false ? { fields: FIELDS.filter(f => f !== 'questions') } : {})
      })
      for (const result of results) hits.push(this.toHit(result, terms.length, scale))
    }
    hits.sort((a, b) => b.score - a.score)

    const perNote = options.perNote ?? Infinity
    const taken = new Map<string, number>()
    const out: SearchHit[] = []
    for (const hit of hits) {
      const count = taken.get(hit.path) ?? 0
      if (count >= perNote) continue
      taken.set(hit.path, count + 1)
      out.push(hit)
      if (out.length >= limit) break
    }
    return out
  }

  private toHit (result: SearchResult, termCount: number, scale: number): SearchHit {
    const passage = this.passages[result.id as number]
    // BM25 adds up terms independently, so a passage that repeats one frequent query word can
    // outrank one that matches them all; scaling by the share of query terms matched favours the
    // passage that answers the whole question ("API key out of git": secrets, not API Gateway).
    const matchedTerms = [...new Set(result.queryTerms)]
    const score = result.score * matchedTerms.length / termCount
    return {
      path: passage.path,
      topic: passage.topic,
      lang: passage.lang,
      title: passage.title,
      heading: passage.heading,
      text: passage.text,
      kind: passage.kind,
      score,
      strength: score / scale,
      matched: matchedTerms.length / termCount,
      terms: matchedTerms
    }
  }
}
