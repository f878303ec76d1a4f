// How students type the notes' terms as one word: a phrase without its spaces ("route53",
// "apigateway", "toomanyrequests") or an identifier pasted from an error or a policy
// ("s3:DeleteObject", "CannotPullContainerError"). Input: the question as typed; output: the same
// question with such words written as the words they stand for, which the rest of retrieval reads.

import { analyzerFor, foldText, LANGS, type Lang } from './analyzer.js'
import { isEverydayWord, JS_FRAMEWORKS } from './everyday-words.js'
import type { KnowledgeBase } from './knowledge-base.js'
import { withinEdits } from './knowledge-index.js'
import { isCommonWord, isFiller } from './question.js'
import { detectLanguage } from './language.js'

// The notes' prose folded to lower-case words between single spaces, built at the first word that
// may be a phrase typed without its spaces, and kept per index.
const PHRASES = new WeakMap<KnowledgeBase['index'], string>()

function notesProse (base: KnowledgeBase): string {
  return builtOnce(PHRASES, base, () => ` ${foldText(base.index.passages.map(passageText).join(' ')).replace(/[^a-z0-9]+/g, ' ')} `)
}

/** A value drawn from the notes, built at its first use and kept per index: the notes do not change while the index lives. */
export function builtOnce<T> (cache: WeakMap<KnowledgeBase['index'], T>, base: KnowledgeBase, build: () => T): T {
  let value = cache.get(base.index)
  if (value === undefined) {
    value = build()
    cache.set(base.index, value)
  }
  return value
}

/** Everything a passage writes: its note's title, its heading, the note's keywords and its text. */
function passageText (p: KnowledgeBase['index']['passages'][number]): string {
  return `${p.title} ${p.heading} ${p.keywords.join(' ')} ${p.text}`
}

/**
 * The parts of a word that is a phrase of the notes typed without its spaces ("route53" for
 * "Route 53", "apigateway", "toomanyrequests"), or null: the notes write those words side by side,
 * and one of them at least is not a function word. A name made of words they never write together
 * ("datadog", "firebase", "outposts") stays a name.
 */
export function joinedPhrase (base: KnowledgeBase, folded: string): string[] | null {
  if (folded.length < 6 || folded.length > 40 || !/^[a-z0-9]+$/.test(folded)) return null
  const content = (part: string): boolean => !analyzerFor('pt').isStopWord(part) && !analyzerFor('en').isStopWord(part)
  const splits: string[][] = []
  for (let i = 2; i <= folded.length - 2; i++) {
    const head = folded.slice(0, i)
    const tail = folded.slice(i)
    splits.push([head, tail])
    for (let j = 2; j <= tail.length - 2; j++) splits.push([head, tail.slice(0, j), tail.slice(j)])
  }
  const candidates = splits.filter(parts => parts.some(content) && parts.every(part => !content(part) || analyzerFor('en').terms(part).concat(analyzerFor('pt').terms(part)).some(term => base.index.knows(term, true))))
  if (candidates.length === 0) return null
  const prose = notesProse(base)
  return candidates.find(parts => prose.includes(` ${parts.join(' ')} `)) ?? null
}

// A short name and its version typed together ("wsl2", "http2").
const VERSION_TYPED = /^([a-z]{2,})(\d{1,2})$/

/** The question with each unknown word that is a phrase of the notes typed without its spaces written with them. */
export function spaceJoinedWords (base: KnowledgeBase, raw: string): string {
  return raw.replace(/[\p{L}\p{N}]{4,}/gu, token => {
    const folded = foldText(token)
    // Below six characters only a name and its version can be two words typed as one.
    const short = folded.length < 6
    if (short && !VERSION_TYPED.test(folded)) return token
    if (LANGS.some(lang => analyzerFor(lang).terms(token).some(term => base.index.knows(term, true)))) return token
    if (short) return versionTyped(base, folded)?.join(' ') ?? token
    return joinedPhrase(base, folded)?.join(' ') ?? token
  })
}

/**
 * A short name and its version typed as one word ("wsl2" for "WSL 2", "http2" for "HTTP/2"), as the notes
 * write them apart; null for anything else.
 */
function versionTyped (base: KnowledgeBase, folded: string): string[] | null {
  const match = VERSION_TYPED.exec(folded)
  if (match === null) return null
  return notesProse(base).includes(` ${match[1]} ${match[2]} `) ? [match[1], match[2]] : null
}

// An identifier made of words: an IAM action after its service ("s3:DeleteObject",
// "sts:AssumeRoleWithWebIdentity"), or an error code ("CannotPullContainerError", "AccessDenied").
const IAM_ACTION = /\b([a-z][a-z0-9-]*):([A-Z][A-Za-z]+)\b/g
const CAMEL = /\b[A-Z]?[a-z]+(?:[A-Z][a-z]+){1,}\b/g
const ERROR_END = /(Error|Exception|Denied|Failed|NotFound|Timeout|Refused|Exceeded)$/

/** The words of a CamelCase identifier, lower-cased, when each is a word of the notes or of everyday English; else null. */
function identifierWords (base: KnowledgeBase, identifier: string): string[] | null {
  const parts = identifier.split(/(?=[A-Z])/).map(part => part.toLowerCase())
  const known = (part: string): boolean => analyzerFor('en').isStopWord(part) || isEverydayWord(part, 'en') ||
    analyzerFor('en').terms(part).some(term => base.index.knows(term, true))
  return parts.every(known) ? parts : null
}

/**
 * The question with identifiers that quote an IAM action or an error code written as their words
 * ("sts:AssumeRoleWithWebIdentity" → "sts: assume role with web identity"): a student pasting an
 * error asks about what its words say, not about a product called so. A CamelCase name of two
 * words ("GuardDuty", "EventBridge") is left as it is: that is how AWS names its services.
 */
export function spellOutIdentifiers (base: KnowledgeBase, raw: string): string {
  const spelled = raw.replace(IAM_ACTION, (whole, service: string, action: string) => {
    const words = LANGS.some(lang => analyzerFor(lang).terms(service).some(term => base.index.knows(term, true))) && !writtenInNotes(base, action) ? identifierWords(base, action) : null
    return words === null ? whole : `${service}: ${words.join(' ')}`
  })
  return spelled.replace(CAMEL, identifier => {
    const words = (identifier.split(/(?=[A-Z])/).length >= 3 || ERROR_END.test(identifier)) && !writtenInNotes(base, identifier) ? identifierWords(base, identifier) : null
    return words === null ? identifier : words.join(' ')
  })
}

/**
 * An identifier the notes write as it is ("healthCheckGracePeriodSeconds", "aws:SecureTransport"): the
 * student quotes the notes, and the identifier finds the passage that shows it.
 */
function writtenInNotes (base: KnowledgeBase, identifier: string): boolean {
  return LANGS.some(lang => {
    const terms = analyzerFor(lang).terms(identifier)
    return terms.length > 0 && terms.every(term => base.index.knows(term, true))
  })
}

/**
 * A framework of JS_FRAMEWORKS typed with ".js" ("next.js") is written as one word ("nextjs"), the name the product
 * words hold: read as the words of a file ("next", "js"), it would name nothing. A file of the student's ("main.js",
 * "app.3f9a1c.js") is left as it is.
 */
const JS_FRAMEWORK = new RegExp(`\\b(${JS_FRAMEWORKS.join('|')})\\.js\\b`, 'gi')

function frameworkNames (typed: string): string {
  return typed.replace(JS_FRAMEWORK, (_, name: string) => `${name}js`)
}

/**
 * The question with what was typed as one word (a phrase of the notes, a pasted identifier) written as its words, and
 * with the notes' names typed apart, mistyped or as they sound written as the notes write them.
 */
export function spellOutTypedTerms (base: KnowledgeBase, typed: string): string {
  return frameworkNames(versionedNames(base, soundedOutNames(base, slippedWords(base, mistypedNames(base, spellOutIdentifiers(base, spaceJoinedWords(base, spacedNames(base, spelledLetters(base, spokenStatusCodes(typed))))))))))
}

// Digits said as words, in either language: in a status code ("four oh one") and after spelled letters ("e c two", "s tres").
const SPOKEN_DIGIT: Readonly<Record<string, string>> = {
  oh: '0', zero: '0', one: '1', two: '2', three: '3', four: '4', five: '5', six: '6', seven: '7', eight: '8', nine: '9',
  um: '1', dois: '2', tres: '3', quatro: '4', cinco: '5', seis: '6', sete: '7', oito: '8', nove: '9'
}
const SPOKEN_CODE = /\b(one|two|three|four|five|um|dois|tres|três|quatro|cinco) (oh|zero) (oh|zero|one|two|three|four|five|six|seven|eight|nine|um|dois|tres|três|quatro|cinco|seis|sete|oito|nove)\b/giu

/** The question with an HTTP status said digit by digit written in figures ("four oh one" → "401", "quatro zero tres" → "403"). */
export function spokenStatusCodes (raw: string): string {
  return raw.replace(SPOKEN_CODE, (_, a: string, b: string, c: string) => [a, b, c].map(word => SPOKEN_DIGIT[foldText(word)]).join(''))
}

/**
 * The question with each abbreviation spelled out letter by letter written as one word, as a voice typing writes it
 * ("i a a s" → "iaas", "r d s", "a z", "h t t p", "e c two" → "ec2", "s tres" → "s3"): single letters side by side,
 * and a digit said as a word after them, that together are an abbreviation the notes write in capitals.
 */
export function spelledLetters (base: KnowledgeBase, raw: string): string {
  // Words at even indices, what separates them at odd ones.
  const parts = raw.split(/([^\p{L}\p{N}]+)/u)
  const single = (k: number): boolean => k < parts.length && /^\p{L}$/u.test(parts[k])
  const out: string[] = []
  let k = 0
  while (k < parts.length) {
    if (k % 2 === 1 || !single(k)) { out.push(parts[k]); k++; continue }
    // The letters side by side from here, each after a single space, and a digit said after them.
    let end = k
    while (end + 2 < parts.length && parts[end + 1] === ' ' && single(end + 2)) end += 2
    const letters = parts.slice(k, end + 1).filter((_, n) => n % 2 === 0)
    const digit = end + 2 < parts.length && parts[end + 1] === ' ' ? SPOKEN_DIGIT[foldText(parts[end + 2])] : undefined
    const words = abbreviationsIn(abbreviations(base), letters.map(letter => foldText(letter)), digit)
    if (words === null) {
      out.push(...parts.slice(k, end + 1))
      k = end + 1
      continue
    }
    out.push(words.join(' '))
    // The digit said after the letters went into the last abbreviation ("e c two"): it is read too.
    k = digit !== undefined && words[words.length - 1].endsWith(digit) ? end + 3 : end + 1
  }
  return out.join('')
}

/**
 * The letters read as abbreviations side by side, each of two letters or more (or one and the digit after the last), with
 * only a Portuguese "e" ("and") left alone between two of them ("p a a s e s a a s"); null when they cannot all be read
 * so ("de a a z", "a b c d"): such letters are words of their own, or options.
 */
function abbreviationsIn (known: ReadonlySet<string>, letters: readonly string[], digit: string | undefined): string[] | null {
  const n = letters.length
  const from = (i: number): string[] | null => {
    if (i === n) return []
    for (let j = n; j > i; j--) {
      const joined = letters.slice(i, j).join('')
      if (j === n && digit !== undefined && known.has(joined + digit)) return [joined + digit]
      if (j - i >= 2 && known.has(joined)) {
        const rest = from(j)
        if (rest !== null) return [joined, ...rest]
      }
    }
    if (letters[i] === 'e' && i > 0 && i + 1 < n) {
      const rest = from(i + 1)
      if (rest !== null) return ['e', ...rest]
    }
    return null
  }
  return from(0)
}

const CAPITAL_ABBREVIATIONS = new WeakMap<KnowledgeBase['index'], Set<string>>()

/** The abbreviations the notes write with two capitals or more, or a capital and a digit ("IaaS", "RDS", "AZ", "EC2", "S3"), folded. */
function abbreviations (base: KnowledgeBase): Set<string> {
  return builtOnce(CAPITAL_ABBREVIATIONS, base, () => {
    const out = new Set<string>()
    for (const p of base.index.passages) {
      for (const word of passageText(p).match(/(?<![\p{L}\p{N}])\p{Lu}[\p{L}\d]{1,5}(?![\p{L}\p{N}])/gu) ?? []) {
        if ((word.match(/[\p{Lu}\d]/gu) ?? []).length >= 2) out.add(foldText(word))
      }
    }
    return out
  })
}

/**
 * The question with each word typed with a letter dropped or two neighbouring letters swapped written as the notes
 * write it ("health chek", "vpc gatway", "o woker", "tpye 2"): a word of four letters or more (five for a dropped
 * letter: "quic" is QUIC, not "quick"), no word of the notes, of everyday English or Portuguese or of the student's
 * situation, that is that slip of exactly one word the notes of the question's own language write, its first letter
 * kept. Words are compared as written, not as stems: a slip of a stem ("inod", "indo") is no slip of a word. A name
 * typed in capitals or with one inside ("QUIC", "OIDC") is spelled as its owner spells it.
 */
export function slippedWords (base: KnowledgeBase, raw: string): string {
  const lang = detectLanguage(raw)
  const written = writtenWords(base).get(lang)
  if (written === undefined) return raw
  return raw.replace(/(?<![\p{L}\p{N}])\p{L}{4,}(?![\p{L}\p{N}])/gu, token => {
    if (/^.+\p{Lu}/u.test(token)) return token
    const folded = foldText(token)
    if (written.has(folded) || isFiller(folded) || PORTUGUESE_DERIVED.test(folded) || LANGS.some(l => isEverydayWord(folded, l) || isCommonWord(folded, l))) return token
    if (LANGS.some(l => analyzerFor(l).terms(token).some(term => base.index.treats(term)))) return token
    const found = new Set<string>()
    for (let i = 1; i < folded.length - 1; i++) {
      const swapped = folded.slice(0, i) + folded[i + 1] + folded[i] + folded.slice(i + 2)
      if (folded[i] !== folded[i + 1] && written.has(swapped)) found.add(swapped)
    }
    if (folded.length >= 5) {
      for (let i = 1; i <= folded.length; i++) {
        for (const letter of ALPHABET) {
          const fuller = folded.slice(0, i) + letter + folded.slice(i)
          if (written.has(fuller)) found.add(fuller)
        }
      }
    }
    return found.size === 1 ? [...found][0] : token
  })
}

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz'
const WRITTEN_WORDS = new WeakMap<KnowledgeBase['index'], Map<Lang, Set<string>>>()

/** The words the notes of each language write (folded, four letters or more): built at the first word that may be a slip of one. */
function writtenWords (base: KnowledgeBase): Map<Lang, Set<string>> {
  return builtOnce(WRITTEN_WORDS, base, () => {
    const byLang = new Map<Lang, Set<string>>()
    for (const p of base.index.passages) {
      let words = byLang.get(p.lang)
      if (words === undefined) byLang.set(p.lang, words = new Set())
      for (const word of foldText(passageText(p)).match(/[a-z]{4,}/g) ?? []) words.add(word)
    }
    return byLang
  })
}

// The words the notes name their topics with (titles, headings, keywords), folded, by first letter:
// built at the first word that may be one of them mistyped, and kept per index.
const NAMING_WORDS = new WeakMap<KnowledgeBase['index'], Map<string, string[]>>()

function namingWords (base: KnowledgeBase): Map<string, string[]> {
  return builtOnce(NAMING_WORDS, base, () => {
    const words = new Set<string>()
    for (const p of base.index.passages) {
      for (const word of foldText(`${p.title} ${p.heading} ${p.keywords.join(' ')}`).match(/[a-z]{5,}/g) ?? []) words.add(word)
    }
    return groupedBy(words, word => word[0])
  })
}

/** Words grouped by a key of theirs (a first letter, a sound), in the order met. */
function groupedBy (words: Iterable<string>, key: (word: string) => string): Map<string, string[]> {
  const out = new Map<string, string[]>()
  for (const word of words) {
    const list = out.get(key(word))
    if (list === undefined) out.set(key(word), [word])
    else list.push(word)
  }
  return out
}

// Suffixes that make Portuguese adjectives, adverbs and nouns ("presencial", "rapidamente", "configuravel"), never a mistyped English name.
const PORTUGUESE_DERIVED = /(cial|mente|cao|coes|avel|ivel|dade|dades)$/

/**
 * Whether a word is spelled as a word of the student's or of the notes' (a filler, a Portuguese derivation, an everyday
 * word of either language, a term of the notes): no slip and no name written as it sounds, so no rewrite touches it.
 */
function spelledAsAWord (base: KnowledgeBase, token: string, folded: string): boolean {
  return isFiller(folded) || PORTUGUESE_DERIVED.test(folded) ||
    LANGS.some(lang => isEverydayWord(folded, lang) || analyzerFor(lang).terms(token).some(term => base.index.knows(term, true)))
}

/**
 * The question with each mistyped name of a topic written as the notes write it ("dokcer compose",
 * "autoscalling", "terrafrom state"): a word that is no word of the notes, nor of everyday English or
 * Portuguese, and is one slip (two in a word of nine letters or more) from exactly one word the notes
 * name a topic, title or section with, its first letter kept (students rarely mistype that one). A name
 * the notes lack is left as it is unless it is that close to one of theirs: "linkerd" is no heading word. A word of
 * the student's own situation is no slip either ("monitoria", a course's tutoring hours, is not "monitoring"), nor is
 * a word built with a Portuguese suffix that no name of the field carries ("presencial" is not "presença").
 */
export function mistypedNames (base: KnowledgeBase, raw: string): string {
  return raw.replace(/(?<![\p{L}\p{N}])\p{L}{5,}(?![\p{L}\p{N}])/gu, token => {
    const folded = foldText(token)
    if (spelledAsAWord(base, token, folded)) return token
    const slips = folded.length >= 9 ? 2 : 1
    const near = (namingWords(base).get(folded[0]) ?? []).filter(word => word !== folded && withinEdits(folded, word, slips))
    return near.length === 1 ? near[0] : token
  })
}

/**
 * The question with each word the notes lack, which they write only with a version or a width after it
 * ("arm" where they say "ARM64"), written as they write it: the student names the same thing without its
 * number. Only when the notes write a single such form: "graviton" beside "graviton2" and "graviton3"
 * would have to choose.
 */
export function versionedNames (base: KnowledgeBase, raw: string): string {
  return raw.replace(/(?<![\p{L}\p{N}])\p{L}{3,}(?![\p{L}\p{N}])/gu, token => {
    if (LANGS.some(lang => analyzerFor(lang).terms(token).some(term => base.index.knows(term, true)))) return token
    const folded = foldText(token)
    const forms = new Set(notesProse(base).match(new RegExp(` ${folded}\\d+ `, 'g')) ?? [])
    return forms.size === 1 ? [...forms][0].trim() : token
  })
}

/**
 * How a word sounds, as its consonants in order: what is left of an English name when a Brazilian student writes it
 * the way it is said ("dóquer" for "docker", "cubernetis" for "kubernetes", "fargeit" for "fargate"). Letters that
 * spell one sound in either language become that sound ("ck", "qu" and a hard "c" are "k"; "ph" is "f"; a soft "c"
 * and "z" are "s"; "gu" before "e" or "i" is "g"), the silent "h" goes, doubled letters are one, and the vowels, which
 * the two languages spell least alike, are only counted.
 */
export function soundKey (folded: string): { consonants: string, vowels: number } {
  const spoken = folded
    .replace(/ph/g, 'f').replace(/ck/g, 'k').replace(/qu?/g, 'k').replace(/gu(?=[ei])/g, 'g')
    .replace(/c(?=[eiy])/g, 's').replace(/c/g, 'k').replace(/z/g, 's').replace(/y/g, 'i').replace(/w/g, 'u').replace(/h/g, '')
  return {
    consonants: spoken.replace(/[aeiou]+/g, '').replace(/(.)\1+/g, '$1'),
    vowels: (spoken.match(/[aeiou]+/g) ?? []).length
  }
}

// The names among the notes' naming words (no everyday word of either language: "docker", "kubernetes", "fargate"), by
// the consonants they sound with, built at the first word that may be one of them written as it sounds, and kept per
// index. Everyday words are left out because a name the notes lack sounds like one too often ("traefik" like
// "traffic", "buildah" like "build", "prisma" like "precisam"): a student writes a name as it sounds, not a word.
const NAMING_SOUNDS = new WeakMap<KnowledgeBase['index'], Map<string, string[]>>()

function namingSounds (base: KnowledgeBase): Map<string, string[]> {
  return builtOnce(NAMING_SOUNDS, base, () => {
    const names = [...namingWords(base).values()].flat().filter(word => !LANGS.some(lang => isEverydayWord(word, lang)))
    return groupedBy(names, word => soundKey(word).consonants)
  })
}

/**
 * The question with each name of a topic that is written as it sounds, written as the notes write it ("pq usar dóquer" →
 * "pq usar docker", "o etcd no cubernetis" → "kubernetes"): a word that is no word of the notes, nor of everyday
 * English or Portuguese, whose consonants sound as those of exactly one name the notes give a topic, title or
 * section, in the same order and starting alike, with about as many vowels (one more or fewer). Three sounded
 * consonants at least: fewer match too many words by chance.
 */
export function soundedOutNames (base: KnowledgeBase, raw: string): string {
  return raw.replace(/(?<![\p{L}\p{N}])\p{L}{5,}(?![\p{L}\p{N}])/gu, token => {
    const folded = foldText(token)
    if (spelledAsAWord(base, token, folded)) return token
    const typed = soundKey(folded)
    if (typed.consonants.length < 3) return token
    const named = (namingSounds(base).get(typed.consonants) ?? []).filter(word => word !== folded && Math.abs(soundKey(word).vowels - typed.vowels) <= 1 && /^[aeiouy]/.test(word) === /^[aeiouy]/.test(folded))
    return named.length === 1 ? named[0] : token
  })
}

/**
 * The question with each name the notes write as one word typed as two written as one ("cloud watch" → "cloudwatch",
 * "git hub actions" → "github actions", "fire cracker" → "firecracker"): two words side by side that together are a
 * name the notes give a topic, title or section, written with a capital as a product is (see capitalNames), and that
 * the notes never write apart ("load balancer" stays).
 */
export function spacedNames (base: KnowledgeBase, raw: string): string {
  const parts = raw.split(/([^\p{L}\p{N}]+)/u)
  const naming = capitalNames(base)
  const prose = notesProse(base)
  for (let i = 0; i + 2 < parts.length; i += 2) {
    const [first, space, second] = [parts[i], parts[i + 1], parts[i + 2]]
    if (space !== ' ' || !/^\p{L}{2,}$/u.test(first) || !/^\p{L}{2,}$/u.test(second)) continue
    const joined = foldText(first + second)
    if (joined.length < 6 || !naming.has(joined) || prose.includes(` ${foldText(first)} ${foldText(second)} `)) continue
    parts.splice(i, 3, first + second)
  }
  return parts.join('')
}

// The words the notes name their topics with that they write with a capital, as a product is written ("CloudWatch",
// "GitHub", "Firecracker"), folded; a setting's name ("stopTimeout") starts in lower case, and so does an everyday word
// after a heading's first. Built at the first question that may type one of them as two words, and kept per index.
const CAPITAL_NAMES = new WeakMap<KnowledgeBase['index'], Set<string>>()

function capitalNames (base: KnowledgeBase): Set<string> {
  return builtOnce(CAPITAL_NAMES, base, () => {
    const names = new Set<string>()
    // A heading's or a title's first word has its capital whatever it is ("Timeouts and retries"): only the capitals
    // after it, and the keywords', say a name.
    for (const p of base.index.passages) {
      for (const text of [p.title.replace(/^\S+/, ''), p.heading.replace(/^\S+/, ''), ...p.keywords]) {
        for (const word of text.match(/(?<![\p{L}\p{N}])\p{Lu}\p{L}{4,}/gu) ?? []) names.add(foldText(word))
      }
    }
    return names
  })
}
