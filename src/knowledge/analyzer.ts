// Turns text into index terms for one language: tokenise, lower-case, fold accents, drop stop
// words, stem. The index and the queries share it, so both sides always meet on the same keys.

import { EN_STOP_WORDS, PT_STOP_WORDS } from './stop-words.js'
import { stemEn, stemPt } from './stemmer.js'

export type Lang = 'pt' | 'en'
export const LANGS: readonly Lang[] = ['pt', 'en']

const COMBINING_MARKS = /[\u0300-\u036f]/g

/** Lower-case and strip diacritics: "Configuração" → "configuracao". */
export function foldText (text: string): string {
  return text.normalize('NFD').replace(COMBINING_MARKS, '').toLowerCase()
}

// Hyphenated words stay one token so that terms() can index "multi-stage" both as its parts and
// as "multistage"; apostrophes are removed so "don't" becomes one stop word.
const TOKEN = /[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*/gu

export function tokenize (text: string): string[] {
  return text.replace(/['’]s\b/g, '').replace(/['’]/g, '').match(TOKEN) ?? []
}

// Distinct words are few next to the words of a text; caching each word's terms makes analysing
// the whole set of notes mostly map look-ups. The bound keeps odd queries from growing it forever.
const CACHE_LIMIT = 50_000

export interface Analyzer {
  readonly lang: Lang
  isStopWord: (folded: string) => boolean
  /** One raw token → its index terms (empty when it carries no meaning). */
  terms: (token: string) => string[]
  /** Full text → index terms, in order; `skip` drops further (folded) words, such as another language's stop words. */
  analyze: (text: string, skip?: (folded: string) => boolean) => string[]
}

// Portuguese spellings of English loanwords, written both ways by students and by the notes
// ("contêiner" in a note, "container" in a question): one index term for both.
const LOANWORDS: Readonly<Record<string, string>> = {
  conteiner: 'container',
  conteineres: 'containers',
  conteiners: 'containers',
  becape: 'backup',
  becapes: 'backups'
}

// Words clipped in use, by the notes and by students ("Twelve-factor config", "the configuration"): one index term for both.
const CLIPPED: Readonly<Record<Lang, Readonly<Record<string, string>>>> = {
  en: { config: 'configuration', configs: 'configurations' },
  pt: { config: 'configuracao', configs: 'configuracoes' }
}

// Small numbers spelled out ("one or three years", "doze fatores") and written as digits ("1 or 3
// years", "12 factor") are one term. "One" and "um"/"uma" stay stop words: they are mostly articles.
const NUMBER_WORDS: Readonly<Record<Lang, Readonly<Record<string, string>>>> = {
  en: { two: '2', three: '3', four: '4', five: '5', six: '6', seven: '7', eight: '8', nine: '9', ten: '10', eleven: '11', twelve: '12' },
  pt: { dois: '2', duas: '2', tres: '3', quatro: '4', cinco: '5', seis: '6', sete: '7', oito: '8', nove: '9', dez: '10', onze: '11', doze: '12' }
}

function createAnalyzer (lang: Lang): Analyzer {
  const stopWords = lang === 'pt' ? PT_STOP_WORDS : EN_STOP_WORDS
  const stem = lang === 'pt' ? stemPt : stemEn

  const single = (raw: string): string | null => {
    const folded = LOANWORDS[raw] ?? CLIPPED[lang][raw] ?? NUMBER_WORDS[lang][raw] ?? raw
    if (folded.length < 2 && !/\d/.test(folded)) return null
    if (stopWords.has(folded)) return null
    return stem(folded)
  }

  const compute = (folded: string): string[] => {
    if (!folded.includes('-')) {
      const term = single(folded)
      return term === null ? [] : [term]
    }
    const out = new Set<string>()
    for (const part of folded.split('-')) {
      const term = single(part)
      if (term !== null) out.add(term)
    }
    const joined = single(folded.replace(/-/g, ''))
    if (joined !== null) out.add(joined)
    return [...out]
  }

  const cache = new Map<string, string[]>()
  const foldedTerms = (folded: string): string[] => {
    let out = cache.get(folded)
    if (out === undefined) {
      out = compute(folded)
      if (cache.size >= CACHE_LIMIT) cache.clear()
      cache.set(folded, out)
    }
    return out
  }

  return {
    lang,
    isStopWord: folded => stopWords.has(folded),
    terms: token => foldedTerms(foldText(token)),
    analyze: (text, skip) => {
      // Folding the whole text at once is much cheaper than folding word by word.
      const out: string[] = []
      for (const token of tokenize(foldText(text))) {
        if (skip?.(token) === true) continue
        for (const term of foldedTerms(token)) out.push(term)
      }
      return out
    }
  }
}

const ANALYZERS: Record<Lang, Analyzer> = { pt: createAnalyzer('pt'), en: createAnalyzer('en') }

export function analyzerFor (lang: Lang): Analyzer {
  return ANALYZERS[lang]
}
