// Whether a word the notes never use is everyday language rather than the name of something they
// do not treat: "bolso", "calm", "box" are how a student phrases a question; "traefik", "keycloak",
// "kubecost" are what it is about. A list of the ten thousand most frequent words of each language
// decides this for any word, where a hand-kept list of the words seen in past questions cannot.

import type { Lang } from './analyzer.js'
import { EVERYDAY_EN, EVERYDAY_PT } from './everyday-words-data.js'

let lexicon: Record<Lang, ReadonlySet<string>> | undefined

// Built at the first question that has a word the notes lack, not at start-up.
function words (): Record<Lang, ReadonlySet<string>> {
  lexicon ??= {
    pt: new Set(EVERYDAY_PT.split(/\s+/).filter(w => w !== '')),
    en: new Set(EVERYDAY_EN.split(/\s+/).filter(w => w !== ''))
  }
  return lexicon
}

/**
 * Whether a folded word is among the most frequent words of the language, as written, as the
 * plural or third person of one ("boxes", "pastes" → "box", "paste") or with "re" in front.
 */
export function isEverydayWord (folded: string, lang: Lang): boolean {
  const list = words()[lang]
  if (list.has(folded)) return true
  // "resend", "refazer": doing an everyday thing again is as everyday.
  if (folded.length >= 6 && folded.startsWith('re') && isEverydayWord(folded.slice(2), lang)) return true
  if (folded.length < 4 || !folded.endsWith('s')) return false
  return list.has(folded.slice(0, -1)) || (folded.endsWith('es') && list.has(folded.slice(0, -2)))
}
