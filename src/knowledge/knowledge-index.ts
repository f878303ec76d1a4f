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
}

// Title and keywords name the topic, so a match there says more than one in running text.
const BOOST = { title: 3, keywords: 2.5, heading: 1.5, text: 1 }
// MiniSearch looks every query term up (with prefix and fuzzy expansion) in the index; a pasted
// page of text must not turn one question into hundreds of such look-ups.
const MAX_QUERY_TERMS = 32
const FIELDS = ['title', 'keywords', 'heading', 'text'] as const

interface LanguageIndex {
  search: MiniSearch<AnalyzedPassage>
  /** IDF of a term that occurs in one passage only (BM25's formula, as MiniSearch computes it). */
  maxIdf: number
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
  const docs: AnalyzedPassage[] = passages.map(passage => ({
    id: passage.id,
    title: analyzer.analyze(passage.title),
    keywords: analyzer.analyze(passage.keywords.join(' ')),
    heading: analyzer.analyze(passage.heading),
    text: analyzer.analyze(passage.text)
  }))

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
  return { search, maxIdf: Math.log(1 + (n - 1 + 0.5) / (1 + 0.5)) }
}

function toPassages (notes: Note[]): Passage[] {
  const passages: Passage[] = []
  for (const note of notes) {
    const base = { path: note.path, topic: note.topic, lang: note.lang, title: note.title, keywords: note.keywords }
    if (note.summary !== '') passages.push({ ...base, id: passages.length, heading: note.title, text: note.summary, kind: 'summary' })
    for (const section of note.sections) {
      passages.push({ ...base, id: passages.length, heading: section.heading, text: section.text, kind: 'section' })
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
      const results = index.search.search(terms.join(' '), { tokenize: text => text.split(' '), processTerm: term => term })
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
    const score = result.score * new Set(result.queryTerms).size / termCount
    return {
      path: passage.path,
      topic: passage.topic,
      lang: passage.lang,
      title: passage.title,
      heading: passage.heading,
      text: passage.text,
      kind: passage.kind,
      score,
      strength: score / scale
    }
  }
}
