// Guesses whether a question is Portuguese or English from function words and diacritics.

import { foldText, tokenize, type Lang } from './analyzer.js'
import { isEverydayWord } from './everyday-words.js'

// Words that are common in one language's questions and rare or absent in the other's.
// "a", "do", "no" and "as" exist in both and are left out on purpose.
const PT_MARKERS = new Set([
  'o', 'os', 'que', 'de', 'da', 'das', 'dos', 'para', 'pra', 'pro', 'um', 'uma', 'e', 'nao',
  'como', 'qual', 'quais', 'quando', 'onde', 'porque', 'por', 'com', 'em', 'na', 'nas', 'nos',
  'ao', 'aos', 'se', 'meu', 'minha', 'meus', 'minhas', 'isso', 'esse', 'essa', 'este', 'esta',
  'sao', 'ser', 'tem', 'ter', 'voce', 'vc', 'eu', 'pq', 'oq', 'serve', 'usar', 'diferenca',
  'entre', 'sobre', 'mais', 'mas', 'ou', 'quem', 'ganhou', 'vantagem', 'vantagens', 'funciona',
  'fazer', 'posso', 'devo', 'preciso', 'afinal', 'melhor', 'quanto', 'custa', 'sem', 'seu', 'sua',
  // Chat spellings and everyday words of students' questions; greetings and thanks, since a
  // conversation's first or last words often have nothing else to go by.
  'qnd', 'mt', 'mto', 'tb', 'tbm', 'q', 'eh', 'ta', 'ja', 'tambem', 'muito', 'agora', 'depois',
  'antes', 'nunca', 'sempre', 'cada', 'tudo', 'quero', 'queria', 'consigo', 'consegue', 'acontece',
  'significa', 'compensa', 'vale', 'pena', 'oi', 'ola', 'obrigado', 'obrigada', 'valeu', 'vlw', 'obg',
  'tchau', 'bem', 'bom', 'boa', 'dia', 'tarde', 'noite', 'x'
])
const EN_MARKERS = new Set([
  'the', 'is', 'are', 'what', 'whats', 'how', 'why', 'which', 'who', 'when', 'where', 'does',
  'did', 'of', 'to', 'and', 'in', 'i', 'my', 'it', 'its', 'can', 'should', 'with', 'for', 'from',
  'this', 'that', 'between', 'difference', 'use', 'using', 'work', 'works', 'won', 'be',
  'an', 'on', 'or', 'get', 'keep', 'out', 'your', 'you', 'we', 'our', 'best', 'way', 'after',
  'before', 'advantage', 'advantages', 'mean', 'means', 'explain', 'would', 'will', 'there',
  'hi', 'hello', 'hey', 'thanks', 'thank', 'thx', 'bye', 'good', 'morning', 'evening', 'wat', 'u', 'ur', 'vs'
])

// ã, õ and ç are the strongest single-character signals of Portuguese.
const PT_LETTERS = /[ãõç]/i
const PT_ACCENTS = /[áéíóúâêôà]/i

export function detectLanguage (text: string, fallback: Lang = 'en'): Lang {
  let pt = 0
  let en = 0
  if (PT_LETTERS.test(text)) pt += 2
  else if (PT_ACCENTS.test(text)) pt += 1
  // "vs" sets two things against each other in either language's searches ("route 53 ponderado vs latencia").
  let versus = 0
  for (const token of tokenize(text)) {
    const word = foldText(token)
    if (PT_MARKERS.has(word)) pt += 1
    if (EN_MARKERS.has(word)) en += 1
    if (word === 'vs') versus += 1
  }
  if (pt === 0 && en === versus) return keywordGuess(text) ?? fallback
  if (pt === en) return lexicalGuess(text) ?? fallback
  return pt > en ? 'pt' : 'en'
}

/**
 * Which language the other words belong to, when the function words do not say: a question that mixes the two ("an rpo
 * of 1 hour means what exactly, preciso fazer backup …") is as much the one as the other, and its everyday words decide.
 * A word counts for a language when it is among that language's everyday words and not the other's; the technical
 * terms both write alike count for neither.
 */
function lexicalGuess (text: string): Lang | undefined {
  let pt = 0
  let en = 0
  for (const word of longWords(text)) {
    const inPt = isEverydayWord(word, 'pt')
    const inEn = isEverydayWord(word, 'en')
    if (inPt && !inEn) pt += 1
    else if (inEn && !inPt) en += 1
  }
  if (pt === en) return undefined
  return pt > en ? 'pt' : 'en'
}

/**
 * The language of a search typed as keywords, with no function word at all ("apagar imagens untagged do ecr automatico",
 * "target group tipo ip fargate"). A Portuguese student borrows the English technical terms ("target group",
 * "statement"); an English one writes no Portuguese word. So one word that only Portuguese has (among its everyday
 * words, or spelled with an ending English words do not have: "ponderado", "latencia") makes the search Portuguese;
 * otherwise its English everyday words say English.
 */
function keywordGuess (text: string): Lang | undefined {
  let en = 0
  for (const word of longWords(text)) {
    const inEn = isEverydayWord(word, 'en')
    if (!inEn && (isEverydayWord(word, 'pt') || PORTUGUESE_ENDING.test(word))) return 'pt'
    if (inEn) en += 1
  }
  return en > 0 ? 'en' : undefined
}

/** The folded words of four letters or more, the ones a language's everyday words can tell apart. */
function longWords (text: string): string[] {
  return tokenize(text).map(token => foldText(token)).filter(word => word.length >= 4 && /^[a-z]+$/.test(word))
}

// Endings of Portuguese words that English words do not have: participles ("ponderado", "dedicadas") and nouns
// ("latencia", "configuracao").
const PORTUGUESE_ENDING = /(?:ados?|adas?|idos?|idas?|encias?|ancias?|cao|coes|mente|idades?)$/
