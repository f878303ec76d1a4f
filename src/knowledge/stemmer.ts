// Light suffix-stripping stemmers for accent-folded Portuguese and English words. They only need
// to map the forms of one word to the same key (index and queries go through the same function),
// so they favour a few safe rules over linguistic completeness. Plain string tests rather than
// regular expressions: every distinct word of the notes passes through here while the service starts.

function hasDigit (w: string): boolean {
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i)
    if (c >= 48 && c <= 57) return true
  }
  return false
}

function isVowel (ch: string): boolean {
  return ch === 'a' || ch === 'e' || ch === 'i' || ch === 'o' || ch === 'u'
}

function hasVowel (w: string): boolean {
  for (let i = 0; i < w.length; i++) {
    if (isVowel(w[i]) || w[i] === 'y') return true
  }
  return false
}

const PT_ENDINGS: ReadonlyArray<readonly [string, number]> = [
  ['mente', 4], ['amento', 4], ['imento', 4], ['mento', 4], ['acao', 4], ['icao', 4], ['cao', 4],
  ['ando', 3], ['endo', 3], ['indo', 3], ['ado', 4], ['ada', 4], ['ido', 4], ['ida', 4],
  // No -er: in these notes it ends far more English loanwords (docker, container, cluster, server)
  // than Portuguese verbs, and stripping it made "docker" a prefix of "dockerfile".
  ['ar', 4], ['ir', 4]
]

/** Portuguese: plurals, -mente, -ção, -mento, common verb and participle endings, final vowel. */
export function stemPt (word: string): string {
  let w = word
  if (w.length < 4 || hasDigit(w)) return w

  if (w.endsWith('oes') || w.endsWith('aes')) w = w.slice(0, -3) + 'ao'
  else if (w.endsWith('ns')) w = w.slice(0, -2) + 'n'
  else if (w.length > 4 && w.endsWith('eis')) w = w.slice(0, -3) + 'el'
  else if (w.length > 4 && w.endsWith('ais')) w = w.slice(0, -3) + 'al'
  else if (w.length > 4 && w.endsWith('ois')) w = w.slice(0, -3) + 'ol'
  else if (w.length > 4 && w.endsWith('es') && 'rslz'.includes(w[w.length - 3])) w = w.slice(0, -2)
  else if (w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us') && !w.endsWith('is')) w = w.slice(0, -1)

  // imagem/imagens, nuvem/nuvens, token/tokens all meet at a final -n.
  if (w.endsWith('m') && isVowel(w[w.length - 2])) w = w.slice(0, -1) + 'n'

  // Derivational then verbal endings: the first one that fits wins.
  for (const [suffix, minStem] of PT_ENDINGS) {
    if (w.endsWith(suffix) && w.length - suffix.length >= minStem) {
      w = w.slice(0, -suffix.length)
      break
    }
  }

  const last = w[w.length - 1]
  if (w.length > 4 && (last === 'a' || last === 'e' || last === 'o')) w = w.slice(0, -1)
  return w
}

const EN_ENDINGS: ReadonlyArray<readonly [string, string, number]> = [
  ['ization', 'iz', 3], ['isation', 'iz', 3], ['ation', 'at', 3], ['ability', 'abl', 3],
  ['ibility', 'ibl', 3], ['ity', '', 4], ['ment', '', 4], ['ness', '', 4], ['ise', 'iz', 3],
  ['ize', 'iz', 3], ['ly', '', 4]
]

/**
 * English: plurals, -ing/-ed, a few derivational endings (-ation, -ment, -ness, -ity), final e.
 * Agent nouns keep their -er (server, container, docker): they name things of their own.
 */
export function stemEn (word: string): string {
  let w = word
  if (w.length <= 3 || hasDigit(w)) return w

  if (w.endsWith('sses')) w = w.slice(0, -2)
  else if (w.endsWith('ies') && w.length > 4) w = w.slice(0, -3) + 'y'
  else if (w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us') && !w.endsWith('is')) w = w.slice(0, -1)

  const inflection = w.endsWith('ing') ? 3 : w.endsWith('ed') ? 2 : 0
  if (inflection > 0 && w.length - inflection >= 3) {
    const stem = w.slice(0, -inflection)
    if (hasVowel(stem)) {
      // running → run, but keep "ll", "ss", "zz" (install, process, buzz).
      const a = stem[stem.length - 1]
      const doubled = a === stem[stem.length - 2] && !isVowel(a) && a !== 'l' && a !== 's' && a !== 'z'
      w = doubled ? stem.slice(0, -1) : stem
    }
  }

  for (const [suffix, by, minStem] of EN_ENDINGS) {
    if (w.endsWith(suffix) && w.length - suffix.length >= minStem) {
      w = w.slice(0, -suffix.length) + by
      break
    }
  }

  if (w.length > 4 && w.endsWith('e')) w = w.slice(0, -1)
  return w
}
