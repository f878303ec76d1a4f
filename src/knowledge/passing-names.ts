// Names of services and tools that the notes only mention in passing: written as proper names in
// running text ("targets such as Lambda, SQS or Step Functions", "AWS WAF rate-based rules") but
// never in a title, a keyword list, a heading or a bold definition. A question about one of them
// is about something the notes do not explain, however well its other words match a section.

import { analyzerFor, foldText, type Lang } from './analyzer.js'
import type { KnowledgeIndex, Passage } from './knowledge-index.js'

// A vendor's name introduces a service's name and is no part of it ("AWS WAF" is the WAF).
const VENDOR = /^(aws|amazon)$/i
// Words written with capitals as they are: a word, optionally hyphenated, possibly with digits.
const WORD = /[\p{L}\p{N}]+(?:[-.][\p{L}\p{N}]+)*/gu
// Where a clause, a list item or a table cell starts, a capital says nothing about the word; an
// opening parenthesis continues the sentence ("(Helm charts, operators)").
const CLAUSE_END = /[.!?:;=|]\s*$|(?:^|\n)\s*(?:[-*]|\d+\.)?\s*$|[“"]\s*$/
// English writes the languages people speak with a capital ("costs a little more in Portuguese"): no product is called so.
const SPOKEN_LANGUAGE = /^(english|portuguese|spanish|french|german|italian|chinese|japanese|korean|russian|arabic|hindi|dutch)$/
// Capitals in parentheses right after a word in lower case: the abbreviation of the words before it.
const ABBREVIATION_DEFINED = /\p{Ll} \((\p{Lu}[\p{Lu}\d]+s?)\)/gu
/** An abbreviation in capitals with a plural "s" ("IPs", "AMIs"): the abbreviation is group 1. */
const ACRONYM_PLURAL = /^(\p{Lu}[\p{Lu}\d]+)s$/u
/** A name this short ("OS", "ID", "TB") is more often an abbreviation a student types for something else. */
const MIN_NAME_CHARS = 3
/** Used in passing by at least this many topics, a name is the field's common vocabulary rather than a service. */
const GENERAL_TOPICS = 3

function hasCapital (word: string): boolean {
  return /\p{Lu}/u.test(word)
}

/** Capital inside the word or all capitals: a name even at the start of a clause ("CloudTrail", "AWS"). */
function isNameShaped (word: string): boolean {
  return /^.+\p{Lu}/u.test(word) && !/^\p{Lu}\p{Ll}+$/u.test(word)
}

/** The passage's running text: code blocks and inline code removed, bold spans kept apart. */
function prose (text: string): string {
  return text.replace(/^[ \t]*(```|~~~)[^\n]*\n[\s\S]*?^[ \t]*\1[ \t]*$/gm, '\n').replace(/`[^`\n]*`/g, ' , ')
}

export interface PassingNames {
  /** Index terms of each name mentioned only in passing, joined by spaces (per language). */
  names: Map<Lang, Set<string>>
  /** How each such name is written in the notes, for telling the student what is not covered. */
  spelled: Map<string, string>
}

const CACHE = new WeakMap<KnowledgeIndex, PassingNames>()

/**
 * Runs of capitalised words in running text that do not start a clause (or that are name-shaped),
 * per language, with the vendor's word dropped.
 */
function nameRuns (passage: Passage): string[] {
  const runs: string[] = []
  const text = prose(passage.text).replace(/\*\*/g, '')
  let run: string[] = []
  let last = 0
  const close = (): void => {
    while (run.length > 0 && VENDOR.test(run[0])) run.shift()
    if (run.length > 0) runs.push(run.join(' '))
    run = []
  }
  for (const match of text.matchAll(WORD)) {
    const word = match[0]
    const between = text.slice(last, match.index)
    last = match.index + word.length
    const startsClause = CLAUSE_END.test(text.slice(Math.max(0, match.index - 40), match.index))
    // Only spaces may join the words of one name.
    if (run.length > 0 && !/^ +$/.test(between)) close()
    if (hasCapital(word) && (!startsClause || isNameShaped(word) || run.length > 0)) run.push(word)
    else close()
  }
  close()
  return runs
}

// An article before a clause's subject ("The", "A", "O", "Os") is no part of the name.
const ARTICLE = /^(?:the|a|an|o|os|as)$/i
// One word of a name, as WORD reads it, and nothing else.
const WORD_ONLY = /^[\p{L}\p{N}]+(?:[-.][\p{L}\p{N}]+)*$/u
// The verbs by which a clause says what its subject is, keeps or costs ("S3 One Zone-IA keeps data in a single zone",
// "Let's Encrypt is a free CA"), as opposed to a name that only qualifies the clause's subject ("AWS WAF rate-based rules").
const SAYS_WHAT_IT_IS = /^(?:is|are|keeps|stores|holds|uses|costs|means|é|são|guarda|mantém|usa|custa|significa)$/

/**
 * The names that open a clause of the passage's running text, when the clause goes on to say what they are, keep or cost
 * (SAYS_WHAT_IT_IS): the subject the clause is about. Names listed together as the subject ("S3 Standard-IA and S3 One
 * Zone-IA are cheaper", "Glacier Flexible Retrieval and Glacier Deep Archive are for archives") are each one. The
 * vendor's word is dropped as nameRuns drops it.
 */
function clauseSubjects (passage: Passage): string[] {
  const subjects: string[] = []
  for (const clause of prose(passage.text).replace(/\*\*/g, '').split(/[.;!?:]\s+|\n+/)) {
    const words = clause.trim().split(/\s+/)
    const verb = words.findIndex(word => SAYS_WHAT_IT_IS.test(word))
    if (verb <= 0) continue
    // The words before the verb, without an opening article, cut where the names of a list are joined.
    const before = (ARTICLE.test(words[0]) ? words.slice(1, verb) : words.slice(0, verb)).join(' ')
    const names = before.split(/,\s+(?:and\s+|e\s+|or\s+|ou\s+)?|\s+(?:and|e|or|ou)\s+/)
    const runs = names.map(name => name.split(' ').filter(word => !VENDOR.test(word)))
    if (runs.some(run => run.length === 0 || !run.every(word => WORD_ONLY.test(word) && hasCapital(word)))) continue
    for (const run of runs) subjects.push(run.join(' '))
  }
  return subjects
}

export function passingNames (index: KnowledgeIndex): PassingNames {
  const cached = CACHE.get(index)
  if (cached !== undefined) return cached
  const names = new Map<Lang, Set<string>>()
  const spelled = new Map<string, string>()
  const byLang = new Map<Lang, Passage[]>()
  for (const passage of index.passages) {
    const list = byLang.get(passage.lang) ?? []
    list.push(passage)
    byLang.set(passage.lang, list)
  }
  const subjects = new Set(index.passages.flatMap(clauseSubjects))
  for (const [lang, passages] of byLang) {
    const analyzer = analyzerFor(lang)
    const key = (text: string): string => analyzer.analyze(text).join(' ')
    // Words the notes also write in lower case are ordinary words, whatever a heading does with them.
    const lower = new Set<string>()
    for (const passage of passages) {
      for (const match of prose(passage.text).matchAll(WORD)) if (!hasCapital(match[0])) lower.add(match[0])
    }
    // What the notes treat: every title, keyword, heading and bold definition, as term sequences,
    // and the single words among them that are names ("ECS", "Fargate", "Terraform").
    const treated: string[] = []
    const nameWords = new Set<string>()
    const addTreated = (text: string): void => {
      treated.push(` ${key(text)} `)
      for (const match of text.matchAll(WORD)) {
        if (hasCapital(match[0]) && !lower.has(foldText(match[0]))) for (const term of analyzer.terms(match[0])) nameWords.add(term)
      }
    }
    const seen = new Set<string>()
    for (const passage of passages) {
      if (!seen.has(passage.path)) {
        seen.add(passage.path)
        addTreated(passage.title)
        for (const keyword of passage.keywords) addTreated(keyword)
      }
      if (passage.kind === 'section') addTreated(passage.heading)
      for (const match of passage.text.matchAll(/\*\*([^*\n]+)\*\*/g)) addTreated(match[1])
      // An abbreviation in parentheses after the words it stands for ("interface de rede elástica (ENI)")
      // is defined there, as a bold term is.
      for (const match of passage.text.matchAll(ABBREVIATION_DEFINED)) addTreated(match[1])
    }
    const isTreated = (terms: string[]): boolean => {
      // One word is treated when any title, keyword or heading uses it ("standard", "patch").
      if (terms.length === 1) return treated.some(t => t.includes(` ${terms[0]} `))
      // A longer name when it can be cut into pieces each of which is treated: a phrase of a heading
      // or title, or a single name word ("ECS Fargate"); ordinary words of headings do not make up
      // a name ("step scaling" and "serverless functions" say nothing about Step Functions).
      const reach = new Array<boolean>(terms.length + 1).fill(false)
      reach[0] = true
      for (let i = 0; i < terms.length; i++) {
        if (!reach[i]) continue
        if (nameWords.has(terms[i])) reach[i + 1] = true
        for (let j = i + 2; j <= terms.length; j++) {
          if (treated.some(t => t.includes(` ${terms.slice(i, j).join(' ')} `))) reach[j] = true
        }
      }
      return reach[terms.length]
    }
    const out = new Set<string>()
    // Topics are counted per name with its plural ("IP" and "IPs" together): `forms` holds the plurals met.
    const topicsOf = new Map<string, Set<string>>()
    const forms = new Map<string, Set<string>>()
    // A name that a question attached to the passage asks about and nothing else ("whats snapstart",
    // beside "… or SnapStart where the runtime supports it") is one the passage answers: the notes say
    // so themselves. A name an attached question only mentions ("can an eventbridge rule send events to
    // step functions") stays a passing one.
    const askedAbout = new Set<string>()
    for (const passage of passages) {
      const asked = new Set(passage.questions.map(q => key(q)))
      for (const run of nameRuns(passage)) {
        const folded = foldText(run)
        // "IPs", "AMIs": an abbreviation's plural is the abbreviation, as short, treated or common as it is.
        const singular = ACRONYM_PLURAL.exec(run)?.[1]
        if (foldText(singular ?? run).replace(/[^a-z0-9]/g, '').length < MIN_NAME_CHARS) continue
        // A run written in lower case elsewhere ("Keep" opening a tip) is no name.
        if (!run.includes(' ') && (lower.has(folded) || SPOKEN_LANGUAGE.test(folded))) continue
        const terms = analyzer.analyze(run)
        if (terms.length === 0 || terms.every(t => /^\d+$/.test(t))) continue
        const one = singular === undefined ? terms : analyzer.analyze(singular)
        if (isTreated(terms) || (singular !== undefined && isTreated(one))) continue
        const k = terms.join(' ')
        if (asked.has(k)) askedAbout.add(k)
        out.add(k)
        const family = one.join(' ')
        if (family !== k) forms.set(family, (forms.get(family) ?? new Set<string>()).add(k))
        const topics = topicsOf.get(family) ?? new Set<string>()
        topicsOf.set(family, topics.add(passage.topic))
        if (!spelled.has(`${lang}:${k}`)) spelled.set(`${lang}:${k}`, run)
      }
    }
    // A name that notes of several topics use ("IP", "URL", "HTML") is the field's common vocabulary,
    // which every note may take for granted; a service mentioned in passing turns up in one or two.
    for (const [k, topics] of topicsOf) {
      if (topics.size < GENERAL_TOPICS) continue
      out.delete(k)
      for (const form of forms.get(k) ?? []) out.delete(form)
    }
    for (const k of askedAbout) out.delete(k)
    // A name that opens a clause of running text as its subject ("S3 One Zone-IA keeps data in a single zone, so losing
    // that zone can lose the data") is one the passage says something of, as a bold definition does; the notes of
    // either language say it, being one another's translation ("Já o S3 One Zone-IA usa uma só zona"). So is the name
    // without the service it belongs to, as students write it ("is one zone-ia worth it?").
    for (const subject of subjects) {
      const subjectKey = key(subject)
      out.delete(subjectKey)
      for (const name of [...out]) if (name.includes(' ') && subjectKey.endsWith(` ${name}`)) out.delete(name)
    }
    names.set(lang, out)
  }
  const result = { names, spelled }
  CACHE.set(index, result)
  return result
}

/**
 * Names mentioned only in passing that the question contains (its terms, in order, in the
 * language of the notes searched), each as the notes spell it.
 */
export function passingNamesIn (index: KnowledgeIndex, queryTerms: readonly string[], lang: Lang): Array<{ terms: string[], spelled: string }> {
  const { names, spelled } = passingNames(index)
  const own = names.get(lang)
  if (own === undefined) return []
  const found: Array<{ terms: string[], spelled: string }> = []
  const joined = ` ${queryTerms.join(' ')} `
  for (const name of own) {
    if (!joined.includes(` ${name} `)) continue
    // The longest name wins: "Google Cloud Run" rather than "Cloud Run" as well.
    if (found.some(f => ` ${f.terms.join(' ')} `.includes(` ${name} `))) continue
    for (let i = found.length - 1; i >= 0; i--) if (` ${name} `.includes(` ${found[i].terms.join(' ')} `)) found.splice(i, 1)
    found.push({ terms: name.split(' '), spelled: spelled.get(`${lang}:${name}`) ?? name })
  }
  return found
}
