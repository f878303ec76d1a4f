// Light suffix-stripping stemmers for accent-folded Portuguese and English words. They only need
// to map the forms of one word to the same key (index and queries go through the same function),
// so they favour a few safe rules over linguistic completeness. Every distinct word of the notes
// passes through here while the service starts, still unoptimised by the JIT: hence plain string
// tests dispatched on the last letter rather than regular expressions or loops over rule tables.

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

/** `w` without `suffix` (plus `by`) when it ends so and keeps `minStem` letters, else null. */
function cut (w: string, suffix: string, minStem: number, by = ''): string | null {
  return w.length - suffix.length >= minStem && w.endsWith(suffix) ? w.slice(0, w.length - suffix.length) + by : null
}

/** Derivational, then verbal and participle endings; the first one that fits wins. */
function ptEnding (w: string): string {
  switch (w[w.length - 1]) {
    case 'e':
      return cut(w, 'mente', 4) ?? w
    case 'o':
      return cut(w, 'amento', 4) ?? cut(w, 'imento', 4) ?? cut(w, 'mento', 4) ??
        cut(w, 'acao', 4) ?? cut(w, 'icao', 4) ?? cut(w, 'cao', 4) ??
        cut(w, 'ando', 3) ?? cut(w, 'endo', 3) ?? cut(w, 'indo', 3) ??
        cut(w, 'ado', 4) ?? cut(w, 'ido', 4) ?? w
    case 'a':
      return cut(w, 'ada', 4) ?? cut(w, 'ida', 4) ?? w
    case 'u':
      // The preterite a student tells what happened in ("configurou", "renomeou"), as the infinitive the notes write.
      return cut(w, 'ou', 4) ?? w
    case 'r':
      // No -er: in these notes it ends far more English loanwords (docker, container, cluster,
      // server) than Portuguese verbs, and stripping it made "docker" a prefix of "dockerfile".
      return cut(w, 'ar', 4) ?? cut(w, 'ir', 4) ?? w
    default:
      return w
  }
}

/** Portuguese: plurals, -mente, -ção, -mento, common verb and participle endings, final vowel. */
export function stemPt (word: string): string {
  let w = word
  if (w.length < 4 || hasDigit(w)) return w

  if (w.endsWith('s')) {
    if (w.endsWith('oes') || w.endsWith('aes')) w = w.slice(0, -3) + 'ao'
    else if (w.endsWith('ns')) w = w.slice(0, -2) + 'n'
    else if (w.length > 4 && w.endsWith('eis')) w = w.slice(0, -3) + 'el'
    else if (w.length > 4 && w.endsWith('ais')) w = w.slice(0, -3) + 'al'
    else if (w.length > 4 && w.endsWith('ois')) w = w.slice(0, -3) + 'ol'
    else if (w.length > 4 && w.endsWith('es') && 'rslz'.includes(w[w.length - 3])) w = w.slice(0, -2)
    else if (!w.endsWith('ss') && !w.endsWith('us') && !w.endsWith('is')) w = w.slice(0, -1)
  }

  // imagem/imagens, nuvem/nuvens, token/tokens all meet at a final -n.
  if (w.endsWith('m') && isVowel(w[w.length - 2])) w = w.slice(0, -1) + 'n'

  // A three-letter root with -ação ("rotação", "cotação", "relação") is too short to lose the ending, and cut
  // at -ção it would be another word ("rota", "cota"): it keeps "ac", and so does its verb ("rotacionar").
  if (w.length === 7 && w.endsWith('acao')) return w.slice(0, 3) + 'ac'

  w = ptEnding(w)
  // A verb made of an English noun in -er meets the noun, as in English ("containerizar", "containerização",
  // "dockerizado" → "container", "docker").
  if (w.endsWith('eriz') && w.length >= 8) w = w.slice(0, -2)

  const last = w[w.length - 1]
  if (w.length > 4 && (last === 'a' || last === 'e' || last === 'o')) w = w.slice(0, -1)
  if (w.length === 8 && w.endsWith('acion')) return w.slice(0, 3) + 'ac'
  return w
}

function enEnding (w: string): string {
  switch (w[w.length - 1]) {
    case 'n':
      // "notification" meets "notify" (and "certification" no longer meets "certificate", as "-ation" alone would have it).
      return cut(w, 'ification', 3, 'ify') ?? cut(w, 'ization', 4) ?? cut(w, 'isation', 4) ?? cut(w, 'ation', 3, 'at') ?? w
    case 'y':
      return cut(w, 'ability', 3, 'abl') ?? cut(w, 'ibility', 3, 'ibl') ?? cut(w, 'ity', 4) ?? cut(w, 'ly', 4) ?? w
    case 't':
      return cut(w, 'ment', 4) ?? w
    case 's':
      return cut(w, 'ness', 4) ?? w
    case 'e':
      return cut(w, 'ise', 4) ?? cut(w, 'ize', 4) ?? w
    default:
      return w
  }
}

/**
 * English: plurals, -ing/-ed, a few derivational endings (-ation, -ment, -ness, -ity, -ize/-ise), final e.
 * Agent nouns keep their -er (server, container, docker): they name things of their own.
 */
export function stemEn (word: string): string {
  let w = word
  if (w.length <= 3 || hasDigit(w)) return w

  if (w.endsWith('s')) {
    if (w.endsWith('sses')) w = w.slice(0, -2)
    else if (w.endsWith('ies') && w.length > 4) w = w.slice(0, -3) + 'y'
    // goes, echoes, heroes → go, echo, hero
    else if (w.endsWith('oes')) w = w.slice(0, -2)
    else if (!w.endsWith('ss') && !w.endsWith('us') && !w.endsWith('is')) w = w.slice(0, -1)
  }

  const inflection = w.endsWith('ing') ? 3 : w.endsWith('ed') ? 2 : 0
  if (inflection > 0 && w.length - inflection >= 3) {
    const stem = w.slice(0, -inflection)
    if (hasVowel(stem)) {
      // running → run, but keep "ll", "ss", "zz" (install, process, buzz).
      const a = stem[stem.length - 1]
      const doubled = a === stem[stem.length - 2] && !isVowel(a) && a !== 'l' && a !== 's' && a !== 'z'
      w = doubled ? stem.slice(0, -1) : stem
      // -ised/-ized and -ising/-izing lose the -is/-iz that the bare -ise/-ize loses below: a verb made
      // of a noun meets the noun, in either spelling ("containerised", "containerization" → "container").
      if ((w.endsWith('is') || w.endsWith('iz')) && w.length - 2 >= 4) w = w.slice(0, -2)
    }
  }

  w = enEnding(w)
  if (w.length > 4 && w.endsWith('e')) w = w.slice(0, -1)
  return w
}
