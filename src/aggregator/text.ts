// Text normalisation shared by every scorer: accent folding, tokens, pt/en stop words, light stemming.

const MARKS = /\p{M}+/gu
const NON_ASCII = /[^\x00-\x7f]/
const TOKEN = /[\p{L}][\p{L}\p{N}]*(?:['’-][\p{L}\p{N}]+)*|\d+(?:[.,]\d+)*/gu

/** Lower case without diacritics, so "Função" and "funcao" meet. */
export function foldAccents (text: string): string {
  // ASCII has no decomposition and no marks: folding it is lower-casing, without the two copies.
  if (!NON_ASCII.test(text)) return text.toLowerCase()
  // The accents of Latin letters are the block U+0300-U+036F, every code point of which is a mark: removed by
  // a plain range first, the rest of \p{M} (other scripts' marks) is looked for only where it can be.
  let folded = text.normalize('NFD').replace(LATIN_MARKS, '')
  if (hasOtherMarks(folded)) folded = folded.replace(MARKS, '')
  return folded.toLowerCase()
}

const LATIN_MARKS = /[\u0300-\u036f]+/g
const MARK = /^\p{M}$/u
/** The first mark after the Latin block (U+0483, Cyrillic): below it, once U+0300-U+036F are gone, nothing is a mark. */
const FIRST_OTHER_MARK = 0x483
const markMemo = new Map<number, boolean>()

/** Whether the text holds a mark (\p{M}) at or past U+0483, read code point by code point. */
function hasOtherMarks (text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) < FIRST_OTHER_MARK) continue
    const cp = text.codePointAt(i) as number
    if (cp > 0xffff) i++
    let mark = markMemo.get(cp)
    if (mark === undefined) {
      mark = MARK.test(String.fromCodePoint(cp))
      // Bounded: the code points of one text are few, but input is anyone's.
      if (markMemo.size >= 4096) markMemo.clear()
      markMemo.set(cp, mark)
    }
    if (mark) return true
  }
  return false
}

const STOP_WORDS_EN = [
  'a', 'about', 'above', 'after', 'again', 'against', 'all', 'also', 'am', 'an', 'and', 'any', 'are', 'as', 'at',
  'be', 'because', 'been', 'before', 'being', 'below', 'between', 'both', 'but', 'by', 'can', 'could', 'did', 'do',
  'does', 'doing', 'down', 'during', 'each', 'either', 'else', 'etc', 'even', 'ever', 'every', 'few', 'for', 'from',
  'further', 'get', 'gets', 'got', 'had', 'has', 'have', 'having', 'he', 'her', 'here', 'hers', 'him', 'his', 'how',
  'however', 'i', 'if', 'in', 'into', 'is', 'it', 'its', 'itself', 'just', 'let', 'like', 'may', 'me', 'might',
  'more', 'most', 'much', 'must', 'my', 'no', 'nor', 'not', 'now', 'of', 'off', 'often', 'on', 'once', 'one', 'only',
  'or', 'other', 'our', 'ours', 'out', 'over', 'own', 'per', 'same', 'she', 'should', 'so', 'some', 'such', 'than',
  'that', 'the', 'their', 'theirs', 'them', 'then', 'there', 'these', 'they', 'this', 'those', 'through', 'thus', 'to',
  'too', 'under', 'until', 'up', 'upon', 'us', 'use', 'used', 'uses', 'using', 'very', 'via', 'was', 'we', 'well',
  'were', 'what', 'when', 'where', 'whether', 'which', 'while', 'who', 'whom', 'whose', 'why', 'will', 'with',
  'within', 'without', 'would', 'yes', 'yet', 'you', 'your', 'yours', 'yourself'
]

// Stored folded: the tokens they are compared with are folded too.
const STOP_WORDS_PT = [
  'a', 'ao', 'aos', 'aquela', 'aquelas', 'aquele', 'aqueles', 'aquilo', 'as', 'ate', 'com', 'como', 'contra', 'da',
  'das', 'de', 'dela', 'dele', 'deles', 'depois', 'do', 'dos', 'e', 'ela', 'elas', 'ele', 'eles', 'em', 'entao',
  'entre', 'era', 'eram', 'essa', 'essas', 'esse', 'esses', 'esta', 'estao', 'estas', 'estava', 'este', 'estes',
  'eu', 'foi', 'foram', 'ha', 'isso', 'isto', 'ja', 'la', 'lhe', 'lhes', 'mais', 'mas', 'me', 'mesmo', 'meu',
  'minha', 'muito', 'muitos', 'na', 'nao', 'nas', 'nem', 'no', 'nos', 'nossa', 'nosso', 'num', 'numa', 'o', 'os',
  'ou', 'para', 'pela', 'pelas', 'pelo', 'pelos', 'per', 'pode', 'podem', 'por', 'porque', 'pois', 'qual', 'quais',
  'quando', 'que', 'quem', 'se', 'seja', 'sem', 'ser', 'sao', 'seu', 'seus', 'si', 'sim', 'sobre', 'sua', 'suas',
  'tambem', 'tem', 'tendo', 'ter', 'teu', 'tu', 'tua', 'um', 'uma', 'umas', 'uns', 'vai', 'voce', 'voces', 'vos'
]

const STOP_WORDS: ReadonlySet<string> = new Set([...STOP_WORDS_EN, ...STOP_WORDS_PT])

/** Words only one of the two languages writes, and the chat spellings of Portuguese questions ("pq", "vc"). */
const ONLY_EN: ReadonlySet<string> = new Set(STOP_WORDS_EN.filter(word => !STOP_WORDS_PT.includes(word)))
const ONLY_PT: ReadonlySet<string> = new Set([...STOP_WORDS_PT.filter(word => !STOP_WORDS_EN.includes(word)),
  'pq', 'vc', 'vcs', 'oq', 'qnd', 'q', 'pra', 'ta', 'tb', 'tbm', 'td', 'mt', 'mto', 'eh', 'funciona', 'diferenca'])
/** Enough of a text to tell its language: a long answer says it in its first paragraphs. */
const LANGUAGE_SAMPLE_CHARS = 3600
/** Read in pieces of this many characters, stopping once one language leads by `decisive` words. */
const LANGUAGE_PIECE_CHARS = 600

const NOT_PROSE = /```[^]*?(?:```|$)|`[^`\n]*`|(?:https?:\/\/|www\.)\S+/g

/**
 * How many of the text's first words only Portuguese writes, and only English; read piece by piece until
 * one leads by `decisive` (most answers tell in their first hundred words).
 */
export function languageMarkers (text: string, decisive = Infinity): { pt: number, en: number } {
  let pt = 0
  let en = 0
  const sample = text.length > LANGUAGE_SAMPLE_CHARS ? text.slice(0, LANGUAGE_SAMPLE_CHARS) : text
  let at = 0
  while (at < sample.length && Math.abs(pt - en) < decisive) {
    // A piece ends at a line break or a space, so that no word, address or code block is read in two halves.
    const cut = at + LANGUAGE_PIECE_CHARS >= sample.length ? -1 : sample.indexOf(sample.includes('```', at) ? '\n' : ' ', at + LANGUAGE_PIECE_CHARS)
    const end = cut === -1 ? sample.length : cut
    // Addresses and code are in no one's language ("stackoverflow.com/questions" is not the Portuguese "com").
    for (const token of tokenize(sample.slice(at, end).replace(NOT_PROSE, ' '))) {
      if (ONLY_PT.has(token)) pt++
      else if (ONLY_EN.has(token)) en++
    }
    at = end
  }
  return { pt, en }
}

export function isStopWord (token: string): boolean {
  return STOP_WORDS.has(token)
}

/**
 * Conflates plurals and the commonest inflections of both languages; deliberately light, because
 * over-stemming merges unrelated technical terms ("service"/"servidor").
 */
export function stem (token: string): string {
  if (token.length <= 4 || /^\d/.test(token)) return token
  let out = token
  if (out.endsWith('oes') || out.endsWith('aes')) return out.slice(0, -3) + 'ao'
  if (out.endsWith('ies')) return out.slice(0, -3) + 'y'
  if (out.endsWith('sses') || out.endsWith('ches') || out.endsWith('shes') || out.endsWith('xes')) out = out.slice(0, -2)
  else if (out.endsWith('is') && out.length > 5 && !out.endsWith('sis')) out = out.slice(0, -2) + 'l'
  else if (out.endsWith('s') && !out.endsWith('ss') && !out.endsWith('us')) out = out.slice(0, -1)
  // A final e goes too, so "service"/"services" and "conteiner"/"conteineres" meet.
  if (out.endsWith('e') && out.length > 4) out = out.slice(0, -1)
  return out
}

/** Every word and number of the folded text, in order. */
export function tokenize (text: string): string[] {
  return foldAccents(text).match(TOKEN) ?? []
}

/** Stemmed tokens without stop words: the vocabulary similarity and relevance work on. */
export function contentTokens (text: string): string[] {
  const out: string[] = []
  for (const token of tokenize(text)) {
    if (STOP_WORDS.has(token)) continue
    out.push(/^\d/.test(token) ? canonicalDigits(token) : stem(token))
  }
  return out
}

/** "70,000" and "70.000" (thousands groups) become "70000"; decimals stay as written. */
function canonicalDigits (token: string): string {
  if (/^[1-9]\d{0,2}(?:,\d{3})+$/.test(token) || /^[1-9]\d{0,2}(?:\.\d{3}){2,}$/.test(token)) return token.replace(/[.,]/g, '')
  return token
}

/** Whitespace-separated words, for length checks; a loop because it runs on every sentence of every answer. */
export function wordCount (text: string): number {
  return wordsUpTo(text, Infinity)
}

/**
 * wordCount(), counted no further than `limit`: whether a text has a few words is known after its first
 * few, however long it is.
 */
export function wordsUpTo (text: string, limit: number): number {
  let count = 0
  let inWord = false
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    const space = code === 32 || (code >= 9 && code <= 13) || code === 160 || code === 0x2028 || code === 0x2029
    if (!space && !inWord && ++count >= limit) return count
    inWord = !space
  }
  return count
}
