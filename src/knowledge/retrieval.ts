// Finds the section of the course notes that answers a question, decides whether the notes cover
// the question at all, and estimates how likely the section found answers it.

import { analyzerFor, foldText, tokenize, type Lang } from './analyzer.js'
import type { KnowledgeBase } from './knowledge-base.js'
import { splitCode, type Passage, type SearchHit } from './knowledge-index.js'
import { builtOnce, spellOutTypedTerms } from './typed-terms.js'
import { describedTechniques } from './described-techniques.js'
import { isFieldName, isUnwrittenFieldName, unwrittenFieldNames } from './field-names.js'
import { diminutiveOf, isBrowserName, isDeveloperWord, isEverydayWord, isProductWord } from './everyday-words.js'
import { passingNamesIn } from './passing-names.js'
import { costSubject, expandAbbreviations, gistWords, isAbbreviation, isCommonWord, isFiller, phraseWords, QUOTED_PASSAGE, readQuestion, spellOutAbbreviations, withoutGistPhrases, type Question, type QuestionType } from './question.js'

/**
 * Below this strength (see SearchHit.strength) the best passage only mentions the question's
 * words in passing. Calibrated on tests/knowledge: unrelated questions stay under 0.8 and
 * unrelated ones that borrow one course word ("cook rice in a container", "what is Python?")
 * under 1.6; one-word questions on a topic the notes treat ("Redis", "latência", "what is a
 * bucket") reach 3 to 4.5.
 */
export const MIN_STRENGTH = 2

/** A further passage is kept only when it scores at least this share of the best one. */
const RELATIVE_CUTOFF = 0.5
/** How far behind the lead a note that treats a name the lead lacks may rank and still answer instead. */
const TREATING_CUTOFF = 0.4
/** Passages looked at to choose the notes: the note that answers is nearly always among them. */
const CANDIDATES = 12
/** Strength at which the words of a question that the notes know are enough to answer it, whatever else it names. */
const STRONG = 8
/**
 * The same when every word the notes lack is spelled as everyday Portuguese ("o site da atletica"): such a word
 * is the student's phrasing, and the rest need only match as well as a one-word question on a topic does (3 to
 * 4.5, see MIN_STRENGTH). On the labelled sets, 3 instead of STRONG answered one covered question of a
 * development part and one of a held-out third and missed no not-covered question; 4 changed nothing, and 1.5
 * missed a not-covered question.
 */
const EVERYDAY_STRONG = 3
const SUMMARY_PENALTY = 0.15
/** A heading that names what the question asks about is the strongest sign of the section that answers it. */
const HEADING_MATCH = 0.6
/**
 * A student's question attached to a section that shares most of its words with the question asked
 * is a paraphrase the notes' authors foresaw: as strong a sign as a heading naming the subject.
 */
const QUESTION_MATCH = 0.3
/** A heading whose wording the question repeats ("quando usar cada um", "como funciona") names the answer even in function words. */
const HEADING_PHRASE = 0.5
/** Weight of the share of the question's word pairs that a passage writes side by side. */
const TEXT_PHRASE = 0.5
/** The heading match a pricing section has for a cost question: that of a heading naming half of what was asked. */
const COST_NAMED = 0.5
/** Notes whose best passage scores under this share of the best note's are left out. */
const NOTE_CUTOFF = 0.5
/** A note's first keywords name its subject (see subjectMatch). */
const SUBJECT_KEYWORDS = 2

// Recap sections repeat the note in a few lines: a good second passage, rarely the one that answers.
/**
 * Weight of the largest share of the question's own terms (beyond its note's topic) that one sentence of the
 * passage holds, for questions with at least SENTENCE_TERMS such terms (with three, short questions that
 * list names, "oq eh iaas paas e saas", went to whichever sentence lists them); from RECAP_SAYS of them on,
 * a recap section is not discounted. On the development parts of fresh-5 to fresh-17, 1,181 → 1,184 of
 * 1,319 right first (1,188 at 0.7, where a sentence that lists names in passing, "Step Functions", led
 * over the section that treats the question); the held-out parts 561 → 564 of 655, the notes' attached
 * questions 94.2 → 94.9 % (docs/how-it-works.md).
 */
const SENTENCE_MATCH = 0.5
const SENTENCE_TERMS = 4
const RECAP_SAYS = 0.5
const RECAP = /^(key facts|para lembrar|para nao esquecer|resumo|summary)/
const COMPARISON_HEADING = /\b(vs|x|versus|compar\w*|diferen\w*|differ\w*|at a glance|lado a lado|or|ou|quando usar|when to use|trade-?offs?)\b/
// A comparison heading that names nothing ("Quando usar cada um", "At a glance") compares the note's own subjects.
const GENERIC_COMPARISON = /^(quando usar cada|when to use each)|\b(at a glance|lado a lado)$/
const WHY_HEADING = /\b(why|por que|advantages?|vantage\w*|benefits?|worth|vale a pena|when|quando)\b/
const COST_HEADING = /\b(costs?|pric\w*|billing|bill|custos?|preco\w*|faturamento|savings|gb-second|gb-segundo)\b/
const COST_TEXT = /\b(us\$|per hour|hourly|por hora|per month|por mes|per million|por milhao|charged|billed|cobra\w*)\b/
// How a thing works is what a "what is" or "how does it work" question asks for.
const EXPLAIN_HEADING = /^(como (funciona|funcionam)|how (a |an |the )?\S+( \S+){0,4} works?$|o que (e|sao)|what (is|are))\b/
/** The words with which a question asks how something works (see EXPLAIN_HEADING). */
const EXPLAIN_WORDS = ['funciona', 'funcionam', 'work', 'works']
/** A question that asks how something works, not what it is. */
/**
 * Asking which kinds of a thing there are ("quais tipos de load balancer existem", "what kinds of storage are there") or
 * which are the main ones ("quais os principais provedores de nuvem").
 */
const ASKS_KINDS = /\b(?:(?:quais|que) (?:os |as )?(?:tipos|estrategias|modelos|categorias)|tipos de|what (?:types|kinds|sorts) of|which (?:types|kinds) of|types of|quais (?:sao )?(?:os |as )?principais)\b/
const ASKS_HOW = /\b(como (funciona|funcionam)|how (does|do) .+ work|how .+ works)\b/
const HOWTO_HEADING = /\b(example|exemplo|how to|como (fazer|criar|configurar)|injecting|injetando|pushing|enviando|applying|aplicando|designing|preparar)\b/

/** How much the question's type favours a passage (1 = neutral). */
function typeFactor (type: QuestionType, hit: SearchHit, headingMatch: number, headingPhrase: number, asksHow = false, namedWhole = false, asksKinds = false): number {
  const heading = hit.kind === 'summary' ? '' : foldText(hit.heading)
  // The summary introduces the whole note: the answer to "what is", seldom to anything more specific, and to which
  // kinds of it there are ("tipos de load balancer na aws?"), which a note's introduction lists.
  if (asksKinds && hit.kind === 'summary') return 1
  const summary = hit.kind === 'summary' ? SUMMARY_PENALTY : 0
  const hasCode = /```/.test(hit.text)
  const hasTable = /^\s*\|/m.test(hit.text)
  switch (type) {
    case 'difference':
      // A comparison of what was asked, not of anything ("Declarativo x imperativo" for Terraform vs CloudFormation).
      return 1 + (COMPARISON_HEADING.test(heading) && (headingMatch > 0 || headingPhrase > 0 || GENERIC_COMPARISON.test(heading)) ? 0.25 : 0) + (hasTable ? 0.15 : 0) - summary
    case 'why':
      return 1 + (WHY_HEADING.test(heading) ? 0.25 : 0) - summary
    case 'cost':
      // A section named for the very thing asked about that states its price is that thing's pricing section.
      return 1 + (COST_HEADING.test(heading) || (namedWhole && COST_TEXT.test(foldText(hit.text))) ? 0.3 : COST_TEXT.test(foldText(hit.text)) ? 0.1 : 0) - summary
    case 'howto':
      return 1 + (HOWTO_HEADING.test(heading) ? 0.15 : 0) + (hasCode ? 0.15 : 0) - summary
    case 'definition':
      // "What is X" is answered by the summary that introduces X; "how does X work" by the section that explains how.
      if (asksHow) return 1 + (EXPLAIN_HEADING.test(heading) ? 0.25 : 0) - summary
      return 1 + (hit.kind === 'summary' ? 0.1 : 0) + (EXPLAIN_HEADING.test(heading) ? 0.15 : 0)
    default:
      return 1 - summary
  }
}

export interface RankedHit extends SearchHit {
  /** Score after re-ranking; the list is sorted by it. */
  rank: number
  /** Overlap of the section heading's terms and the question's (Dice coefficient, 0..1). */
  headingMatch: number
  /** Share of the heading's word pairs that the question contains as they are ("quando usar cada um", "vale a pena"). */
  headingPhrase: number
  /** Best overlap (Dice) of one of the section's students' questions with the question asked (0..1). */
  questionMatch: number
}

export interface Retrieval {
  question: Question
  /** The passages that answer, best first (empty when the notes do not cover the question). */
  hits: RankedHit[]
  /** The closest passage even when the question is not covered, if it clears the strength threshold. */
  closest: RankedHit | null
  /**
   * Terms of the question, as typed, that occur nowhere in the notes: what the notes do not treat.
   * Everyday words the notes happen not to use ("dps", "throwing") are not among them.
   */
  unknown: string[]
  /** Names in the question (as typed) whose words the notes use, but not together and not in the note that would answer: see untreatedNames. */
  untreated: string[]
  /**
   * Names the question mentions that the notes do not treat, though they answer the rest of it: a name
   * that is the question's setting (see settingName), or one the rest answers without (see restAnswers).
   * The answer says so before what the notes say. Empty when the question is not covered.
   */
  notTreated: string[]
  covered: boolean
  /** Estimated chance (0..1) that the first passage answers the question. */
  confidence: number
  /** The question's index terms in the language of the passages found. */
  queryTerms: string[]
  /** Language of the passages found (the question's own, unless only the other one's notes cover it). */
  lang: Lang
  /** Whether it asks what only the course's staff can say (its deadlines, grades, hours: see COURSE_LOGISTICS); never covered. */
  courseLogistics: boolean
}

export interface RetrieveOptions {
  limit?: number
  minStrength?: number
}

// Before a name, these say it is the service or tool the question is about ("Amazon SageMaker",
// "um pipeline no Jenkins", "alerts in Grafana", "install/set up X", "HashiCorp Nomad"); "a chave da API do Hugging Face" only says whose key.
const SUBJECT_BEFORE = /^(amazon|aws|azure|google|gcp|microsoft|hashicorp|oracle|vmware|ibm|cloudflare|github|gitlab|no|na|nos|nas|em|com|pelo|pela|pro|pra|usando|in|on|with|using|via|into|install|installing|configure|configuring|setup|up)$/
// The narrower set for words the notes do know: a vendor, or the tool something is done with.
// "no", "in" and the like come before ordinary words too often ("stored in environment variables according").
const NAME_BEFORE = /^(amazon|aws|azure|google|gcp|com|usando|with|using|via)$/
const VENDOR = /^(amazon|aws|azure|google|gcp)$/
const VENDOR_POSSESSIVE = /\b(amazon|aws|azure|google|gcp)['’]s\b/gi
const VENDOR_SPELLED: Readonly<Record<string, string>> = { amazon: 'Amazon', aws: 'AWS', azure: 'Azure', google: 'Google', gcp: 'GCP' }
// A number with its unit. Bytes alone ("0B", "512b") only with a number no zone has: "1b" is the zone beside "1a". An
// ordinal ("the 6th line") and a time of day ("às 3h05") are numbers too.
const QUANTITY = /^(?:0|\d{2,})b$|^\d+(?:[.,]\d+)?(?:[kmgtp]i?b|[kmgtp]bps|bps|ms|s|sec|secs|min|mins|h|hr|hrs|d|k|x|gbs?|tbs?|mbs?|am|pm)$|^\d+(?:st|nd|rd|th)$|^\d{1,2}h\d{2}$/
/** An availability zone as AWS writes it, region and letter ("us-east-1a", "sa-east-1b"). */
const ZONE_ID = /\b[a-z]{2}(?:-gov)?-[a-z]+-\d[a-f]\b/
/**
 * An address the student typed: a link they pasted ("https://moodle.ufpe.br/mod/resource/view.php?id=4471"; one to their
 * own machine, "http://localhost:3000/callback", is read word by word), a route of their API ("/deletarCurso?id=7"), a
 * host name ("api.mydomain.com", "loja.meusite.com.br") or an image with its tag ("minhaapp:latest"). Its words are the
 * student's own naming or where they read something, never a product the notes should treat.
 */
const TYPED_ADDRESS = /(?:^|[\s(`'"])(https?:\/\/(?!localhost\b|127\.)[^\s)`'"<>]+|(?:\/[\w{}:.-]+)+|(?:[a-z0-9-]+\.)+(?:com|net|org|io|dev|app|edu|br|pt)(?:\.br)?|[a-z0-9][\w.-]*:(?:latest|v?\d[\w.-]*))(?=[\s?#),.:;!'"`]|$)/giu

/**
 * What opens a comparison the student draws ("like hammering the doorbell", "is it like a waiter"): the everyday things
 * it brings in are the student's picture of a topic, not topics. "Something like", "a library like", "a data warehouse
 * like" bring in an example of a kind of tool ("something like moto?", "a search engine like elasticsearch"), which is
 * asked about, and a comparison that opens the question ("like crontab, can lambda…") names what the question is about.
 * Portuguese comparisons ("tipo", "igual", "que nem") are left alone: product names are spelled there as Portuguese words
 * are, and on the labelled sets reading those comparisons as everyday lost a not-covered question.
 */
const COMPARISON = /(?<!\b(?:something|anything|stuff|tools?|librar(?:y|ies)|frameworks?|services?|apps?|products?|warehouses?|engines?|databases?|dbs?|platforms?|brokers?|solutions?|providers?|orchestrators?|runtimes?|languages?|cms|crm|erp))\s(?:is (?:it |this |that )?(?:kinda |basically |just )?like|kinda like|just like|like)\s+([^,.;:!?]+)/giu

/**
 * The words of the comparisons in an English question (COMPARISON), as typed in lower case and of letters alone: a
 * capitalised or oddly spelled word there is still a name ("like Heroku", "like k8s").
 */
function comparisonWords (raw: string, lang: Lang): Set<string> {
  const out = new Set<string>()
  if (lang !== 'en') return out
  for (const match of raw.matchAll(COMPARISON)) {
    for (const token of tokenize(match[1])) {
      if (/^[a-z]{4,}$/.test(token) && !isProductWord(token)) out.add(token)
    }
  }
  return out
}

/** The folded words of the addresses in a question (TYPED_ADDRESS). */
function typedAddressWords (raw: string): Set<string> {
  const out = new Set<string>()
  // A link's words the question also writes outside it ("https://www.pulumi.com/docs/ vs terraform, where does pulumi keep
  // its state") are what it asks about; so is the service an AWS page is about ("https://aws.amazon.com/guardduty/").
  let outside: Set<string> | undefined
  for (const match of raw.matchAll(TYPED_ADDRESS)) {
    const link = /^https?:/i.test(match[1])
    // A link that opens the question ("https://react.dev/reference/react/useEffect why does my effect run twice") is its subject.
    if (link && raw.slice(0, match.index).trim() === '') continue
    if (link) outside ??= wordsOutsideLinks(raw)
    const service = link ? AWS_PAGE.exec(match[1])?.[1]?.toLowerCase() : undefined
    // The keys of a link's query say what it carries ("?Expires=…&Signature=…&Key-Pair-Id=…", a signed URL): they stay.
    for (const token of tokenize(link ? match[1].replace(QUERY_KEY, ' ') : match[1])) {
      const folded = foldText(token)
      if (!link || (!outside?.has(folded) && folded !== service)) out.add(folded)
    }
  }
  return out
}

/** A key of a link's query ("?Expires=", "&Signature="). */
const QUERY_KEY = /[?&]([^=&#\s]+)=/g

/** The keys of a link's query ("?Expires=…&Signature=…" gives "Expires Signature"), which say what the link carries. */
function queryKeys (address: string): string {
  return /^https?:/i.test(address) ? [...address.matchAll(QUERY_KEY)].map(match => match[1]).join(' ') : ''
}

/**
 * A link the student pasted, to any host (their own machine included, which TYPED_ADDRESS leaves to be read word by word:
 * LINK says where links are, TYPED_ADDRESS which of them name nothing), and the service an AWS page or console link is
 * about ("console.aws.amazon.com/athena/home").
 */
const LINK = /https?:\/\/[^\s)`'"<>]+/gi
const AWS_PAGE = /^https?:\/\/(?:[a-z0-9-]+\.)*aws\.amazon\.com\/([a-z0-9-]+)/i

/** The folded words a question writes outside its links: what it names itself, not where it points. */
function wordsOutsideLinks (typed: string): Set<string> {
  return new Set(tokenize(foldText(typed.replace(LINK, ' '))))
}

/** A region's code as AWS writes it ("sa-east-1", "us-gov-west-1"). */
const REGION_CODE = /\b[a-z]{2}(?:-gov)?-[a-z]+-\d\b/g

/** A link to the AWS console, whose host names the region the console is open in ("https://sa-east-1.console.aws.amazon.com/…"). */
const CONSOLE_LINK = /https?:\/\/(?:[a-z0-9-]+\.)*console\.aws\.amazon\.com\S*/gi

/** The text with the region codes of its console links taken out; a region written anywhere else stays: there it is asked about. */
function withoutConsoleRegions (text: string): string {
  return text.replace(CONSOLE_LINK, link => link.replace(REGION_CODE, ' '))
}

// Words by which a question speaks of Regions or zones themselves ("which region", "a regiao inteira", "2 azs").
const OF_REGIONS = /\b(regions?|regi(ao|oes)|zones?|zonas?|azs?|multi-?az|multi-?regions?|multirregi(ao|oes))\b/i

// Words of what a thing costs ("custa mais em sa-east-1", "is sa-east-1 cheaper"): a Region's prices are the Regions note's.
// Narrower than the cost questions of question.ts: a billing alarm or a charge "in sa-east-1" asks about billing, not
// about the Region, and is still ranked without the code.
const PRICE_WORDS = /\b(costs?|costing|prices?|pricing|pricier|cheap\w*|expensive|custa\w*|custo\w*|preco\w*|barat\w*|caro|cara|caros|caras)\b/

/**
 * The text without its region code when it names one Region and says nothing else of Regions, zones or prices ("first
 * request to my lambda in sa-east-1 every morning is slow", "tried to make an alarm on EstimatedCharges in sa-east-1 but
 * the metric isnt listed"): there the code is where the student runs things, and its rare words would lead to the note
 * on Regions. Two Regions named are weighed against each other ("sa-east-1 ou us-east-1 pro projeto?"). Used to rank the
 * sections, not to tell whether the notes cover the question.
 */
function withoutPlacingRegions (text: string): string {
  const folded = foldText(text)
  const codes = new Set(folded.match(REGION_CODE) ?? [])
  return codes.size !== 1 || OF_REGIONS.test(folded) || PRICE_WORDS.test(folded) ? text : text.replace(REGION_CODE, ' ')
}

/** Every zone a text names, to take them out of it. */
const ZONE_IDS = new RegExp(ZONE_ID.source, 'g')
/** A zone's number and letter alone ("na 1b"), as students shorten the other zones of a region they have named. */
const ZONE_SUFFIX = /^\d[a-f]$/
const POSSESSIVE = /^(my|our|your|their|meu|minha|meus|minhas|nossa|nosso|sua|seu)$/
const PREPOSITION = /^(without|within|across|behind|beyond|toward|towards|against|among|despite|inside|outside|instead|sobre|apos|desde|durante|atraves|perante)$/
// The code of a system error a program printed ("ECONNREFUSED", "ETIMEDOUT", "ENOENT"): what went wrong, never a product.
const ERRNO = /^E[A-Z]{4,11}$/
// An action of a cloud API as its SDK and IAM write it, a verb and its object in one word ("PutItem", "GetItem",
// "InvokeModel", "DescribeInstances"): a call the student's code makes, never a product.
const API_ACTION = /^(Get|Put|Delete|Update|List|Describe|Create|BatchGet|BatchWrite|Send|Receive|Publish|Invoke|Start|Stop|Run|Attach|Detach|Assume|Decrypt|Encrypt|Generate|Tag|Untag)(?:[A-Z][a-z0-9]+)+$/
// A currency's code after an amount ("47 USD", "R$ 200" is a symbol): how much, never a product.
const CURRENCY = /^(USD|BRL|EUR|GBP|usd|brl|eur|gbp)$/
// The state Kubernetes or a container runtime gives a container that failed ("OOMKilled", "CrashLoopBackOff",
// "ImagePullBackOff", "ErrImagePull", "Evicted" written so): what happened to it, never a product.
const CONTAINER_STATES = ['OOMKilled', 'CrashLoopBackOff', 'ImagePullBackOff', 'ErrImagePull', 'CreateContainerConfigError', 'CreateContainerError', 'RunContainerError', 'ContainerCreating', 'Evicted']
const CONTAINER_STATE = new RegExp(`^(${CONTAINER_STATES.join('|')})$`)
// The same states once their words are spelled out ("CrashLoopBackOff" reads "crash loop back off").
const SPELLED_CONTAINER_STATE = new RegExp(`\\b(${CONTAINER_STATES.map(state => state.replace(/(?<=[a-z])(?=[A-Z])/g, ' ').toLowerCase()).join('|')})\\b`, 'gi')
// The name of an AWS managed policy ("AmazonS3FullAccess", "AdministratorAccess"): a set of permissions the notes' IAM
// sections explain, never a product they lack.
const MANAGED_POLICY = /^(?:(?:Amazon|AWS)[A-Za-z0-9]*(?:Access|Policy|Role)|AdministratorAccess|PowerUserAccess|ReadOnlyAccess|ViewOnlyAccess)$/
// A field of a record as code writes it ("userId", "createdAt", "orderStatus"): the student's own data, never a
// product. A call written so ("useEffect", "setState") is another matter: it names a framework's function.
const RECORD_FIELD = /^[a-z]{2,}(?:[A-Z][a-z0-9]+)*(?:Id|Ids|At|Name|Key|Count|Date|Time|Type|Email|Code|Status)$/
// An instance type as AWS writes it, family and size ("m5.2xlarge", "db.t3.micro"), right after the machine it sizes
// ("nossa instancia rds m5.2xlarge", "my ec2 t3.large", "our rds is a db.m5.2xlarge"): the student's own machine, never a
// product the notes lack.
const INSTANCE_TYPE = /\b((?:instance|instances|instancia|instancias|ec2|rds|maquina|machine|server|servidor)\s+(?:(?:is|are|was|e|eh|a|an|um|uma|of|de|type|tipo)\s+){0,2})(?:db\.)?([a-z]{1,4}\d[a-z0-9-]*)\.(nano|micro|small|medium|\d*x?large|metal)\b/g

// A credential given its value as a shell or a .env file writes it ("AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI…", "DB_PASSWORD=…").
const ASSIGNMENT = /(?<![\w.-])[A-Z0-9_]*(?:KEY|SECRET|TOKEN|PASSWORD|PASS|PWD)[A-Z0-9_]*=([^\s'"`]+)/g

/** The words of the credentials the question writes out (ASSIGNMENT): a leaked key or password, never a name. */
function assignedValues (typed: string): Set<string> {
  const out = new Set<string>()
  for (const match of typed.matchAll(ASSIGNMENT)) for (const word of tokenize(foldText(match[1]))) out.add(word)
  return out
}

/** The words of the instance types the question gives its own machines ("m5", "2xlarge"). */
function instanceTypeWords (folded: string): Set<string> {
  const out = new Set<string>()
  for (const match of folded.matchAll(INSTANCE_TYPE)) for (const word of [match[2], ...tokenize(match[3])]) out.add(word)
  return out
}

// A run of hexadecimal digits with letters and digits mixed, six or more: a content hash in a file name ("main.8c2e1f.js"),
// a commit, an image digest or a task's id ("task 9f2c41"), never a product's name.
const HEX_DIGEST = /^(?=[0-9a-f]*\d)(?=[0-9a-f]*[a-f])[0-9a-f]{6,}$/i

/** Whether a word the notes lack is spelled as one of the things above, which name no product: a hash, an error's code, a currency, an API's action, a container's state, a managed policy, a record's field. */
function spelledAsNoProduct (word: string): boolean {
  return HEX_DIGEST.test(word) || ERRNO.test(word) || CURRENCY.test(word) || API_ACTION.test(word) || CONTAINER_STATE.test(word) || MANAGED_POLICY.test(word) || RECORD_FIELD.test(word)
}

// The last word of an error message as a program prints it.
const ERROR_WORD = /^(error|errors|exception|denied|failed|failure|refused|timeout|exceeded|unavailable|forbidden|unauthorized)$/
// The reason phrases of HTTP's error statuses, which tools print as their message ("toomanyrequests").
const HTTP_REASON = /\b(bad request|not found|method not allowed|not acceptable|request timeout|payload too large|too many requests|internal server error|not implemented|bad gateway|service unavailable|gateway timeout)$/

// The first word of a status a console shows while something waits ("pending validation", "pending acceptance").
const STATUS_START = /^pending$/

/** Whether words the student typed are an error message or a status a program printed, not the name of a product. */
function errorMessage (words: readonly string[]): boolean {
  return ERROR_WORD.test(words[words.length - 1] ?? '') || HTTP_REASON.test(words.join(' ')) || STATUS_START.test(words[0] ?? '')
}

// A parenthesis always opens or closes an aside ("my bare domain (example.com)"); a stop only before a space; a
// slash between two words separates alternatives ("develop/release/hotfix"); an arrow between spaces separates the
// steps of a path through the console's menus ("target group > attributes > deregistration delay").
const CLAUSE_BREAK = /[,.;:!?]+(?:\s|$)|[()]+|(?<=\p{L})\/(?=\p{L})|\s+[>→»]\s+/u
// Words that after a vendor say what kind of thing is meant, never which service ("whats the aws option",
// "the amazon way", "an aws equivalent", "which AWS store", "with an aws example", "in my aws diagram"): no service is called so.
const KIND_OF_THING = /^(option|options|way|ways|side|thing|things|stuff|solution|solutions|offering|offerings|equivalent|alternative|alternatives|choice|choices|version|answer|approach|store|stores|tool|tools|feature|features|product|products|pattern|patterns|terms|terminology|lingo|jargon|world|example|examples|diagram|diagrams|opcao|opcoes|jeito|forma|solucao|alternativa|equivalente|ferramenta|ferramentas|produto|produtos|padrao|padroes|exemplo|exemplos|diagrama|diagramas)$/

// Words that after a vendor say when ("moving to aws next week", "migrar pra aws amanha"), never which service.
const WHEN_WORD = /^(next|last|this|today|tomorrow|tonight|yesterday|soon|later|since|hoje|amanha|ontem|semana|depois|logo)$/
// An adverb after the vendor says when or in what order, not which service ("moving our website to aws first").
const ORDER_WORD = /^(first|now|too|already|again|instead|then|also|only|primeiro|tambem|agora|antes|ainda)$/

// Verbs whose subject the vendor is ("when aws predicts i'll cross it", "aws says only 251 are free", "how does aws add
// more copies", "why did aws make lambda", "why does aws publish audit reports"): the word after the vendor says what it
// does, never which service.
const VENDOR_DOES = /^(look|looks|looked|generate|generates|analyze|analyzes|analyse|analyses|notify|notifies|says|said|predicts|predicted|forecasts|charges|charged|bills|recommends|recommended|reserves|reserved|keeps|gives|guarantees|promises|claims|suggests|warns|shows|tells|lets|allows|expects|requires|handles|does|did|decides|decided|considers|counts|adds|added|makes|made|uses|provides|offers|protects|blocks|stops|needs|scales|spins|moves|picks|chooses|add|decide|know|handle|charge|bill|keep|give|tell|recommend|reserve|guarantee|scale|spin|pick|choose|protect|block|warn|offer|provide|switch|switched|change|changed|move|moved|replace|replaced|stop|stopped|make|publish|publishes|published|come|comes|came|create|creates|created|release|releases|released|invent|invented|introduce|introduced|diz|disse|cobra|cobrou|recomenda|reserva|garante|promete|mostra|avisa|exige|considera|conta)$/

// Determiners and pronouns that open a verb's object.
const OBJECT_AFTER_VERB = /^(some|the|a|an|my|your|our|their|its|it|them|us|me|any|all|that|this|these|those|another|every|each|both|one|o|os|as|um|uma|meu|minha|meus|minhas|seu|sua|nosso|nossa|isso|tudo|outro|outra|outros|outras|esse|essa|esses|essas|este|esta|estes|estas|todo|toda|todos|todas)$/

// Verbs of putting a tool to work: an unknown word they take as object ("como uso ansible", "coloco o
// sonarqube no pipeline", "add trivy to my build") is the tool the question is about; so is one made or let
// to do something ("make snyk block the pipeline", "como faço o checkov barrar").
const USE_VERB = /^(uso|usar|usa|usam|usamos|usei|utilizo|utilizar|utilizam|instalo|instalar|instala|configuro|configurar|coloco|colocar|rodo|rodar|integro|integrar|use|uses|run|add|adding|integrate|integrating|configure|configuring|make|makes|making|let|fazer|faco|faz)$/

/** A word between a vendor and an object is what the vendor does ("before aws yanks a spot box", "aws reclaims one"), not a service. */
function verbOfVendor (words: readonly string[], i: number): boolean {
  return i > 0 && VENDOR.test(words[i - 1]) && OBJECT_AFTER_VERB.test(words[i + 1] ?? '')
}

// "using Terraform", "com o Packer", "with the Pulumi CLI", "calling a model through Amazon Bedrock": what the
// work is done with. A bare "com"/"with" is as often a detail of the setting ("uma ec2 com nginx") and counts only
// before an article.
const USING = /^(using|via|usando|utilizando|through|thru|atraves)$/
const WITH = /^(with|com)$/

/**
 * Whether an unknown word is named as the tool a task is done with ("criar uma AMI com o Packer",
 * "deploy it using Pulumi", "sign the images with cosign") or as the owner of what is asked about
 * ("Cloudflare's proxy"): the question is about that tool's way of doing it, not a setting around a
 * question the notes answer. A bare "com" is left out: it more often says what a machine runs ("uma
 * ec2 com nginx").
 */
function toolOrOwner (raw: string, unknown: string): boolean {
  const words = tokenize(foldText(raw))
  const name = foldText(unknown)
  return words.some((word, i) => word === name && ((i > 0 && USING.test(words[i - 1])) || (i > 0 && words[i - 1] === 'with') || (i > 1 && VENDOR.test(words[i - 1]) && USING.test(words[i - 2])) ||
    (i > 1 && ANY_ARTICLE.test(words[i - 1]) && (WITH.test(words[i - 2]) || USING.test(words[i - 2]))))) || possessive(raw, name)
}

/** "Cloudflare's": the word, in the question as typed, with a possessive "'s" (which tokenize drops). */
function possessive (raw: string, folded: string): boolean {
  for (const match of foldText(raw).matchAll(/([\p{L}\p{N}-]+)['’]s\b/gu)) if (match[1] === folded) return true
  return false
}

/**
 * A tool's own file the notes never name ("Jenkinsfile", "Vagrantfile"): what goes in it is that tool's syntax, so the
 * question is about the tool however well its other words match a section ("stages de build, teste e deploy").
 */
const TOOL_FILE = /^[a-z]{3,}file$/

/** Whether an unknown word is named as the service or tool the question is about, not as a detail of it. */
function namesAService (raw: string, unknown: string[]): boolean {
  const words = tokenize(foldText(raw))
  const folded = new Set(unknown.map(word => foldText(word)))
  return words.some((word, i) => folded.has(word) && i > 0 && !verbOfVendor(words, i) && (SUBJECT_BEFORE.test(words[i - 1]) || USE_VERB.test(words[i - 1]) ||
    (i > 1 && ARTICLE.test(words[i - 1]) && USE_VERB.test(words[i - 2]))))
}

// Letters and endings Portuguese words do not have: "k", "w", "y", "th", "sh", "ck", "ph", "gh", "oo",
// "ee" (but after "re" or "pre", doing again or beforehand: "reescrevi", "preencher"), a double consonant other
// than "rr" and "ss", or a final consonant other than s, r, l, m, z.
const NOT_PORTUGUESE = /[kwy]|th|sh|ck|ph|gh|oo|(?<!^p?r)ee|([b-df-hj-np-qtv-z])\1|[^aeiousrlmz]$/

/**
 * Whether a word typed in lower case is spelled as Portuguese words are. The names of the services
 * and tools the notes do not cover are mostly English or invented ("Karpenter", "Redshift",
 * "Graviton"); one spelled like Portuguese ("grafana", "istio") is nearly always introduced as a
 * name ("no grafana", "o istio"), which namesAService catches first.
 */
export function portugueseShaped (typed: string): boolean {
  if (/\p{Lu}|\d/u.test(typed)) return false
  const folded = foldText(typed)
  return /^[a-z]+$/.test(folded) && !NOT_PORTUGUESE.test(folded)
}

// Three consonants that open no English or Portuguese word ("dns", "mtl", "hst"), or no vowel at all:
// an acronym or a name built from one ("dnssec", "mtls", "hsts"), never a student's phrasing.
const WORD_ONSET = /^(str|spr|scr|spl|squ|thr|shr|chr|phr|sch|sph)/

/** Whether a word is spelled as an acronym is: no vowel, or three consonants no word starts with. */
export function acronymShaped (typed: string): boolean {
  // Written in capitals ("APM", "SLO"), it is an acronym whatever its letters.
  if (/^\p{Lu}{3,}s?$/u.test(typed)) return true
  const folded = foldText(typed)
  if (!/^[a-z]+$/.test(folded) || folded.length < 3) return false
  return !/[aeiouy]/.test(folded) || (/^[^aeiouy]{3}/.test(folded) && !WORD_ONSET.test(folded))
}

const ARTICLE = /^(o|a|os|as|um|uma)$/
// An article of either language: what comes after it starts the thing named ("the saga pattern", "o X").
const ANY_ARTICLE = /^(the|a|an|o|os|as|um|uma)$/

// Endings only Portuguese nouns have ("prontuários", "reclamações", "cadastramento", "mensalidade", "lentidão", "certeza",
// "miniaturas", "postagens"):
// such a word after an article is a thing of the student's world, not a product's name.
const PORTUGUESE_SUFFIX = /(arios?|arias?|coes|cao|mentos?|dades?|eiros?|eiras?|idao|idoes|ezas?|uras?|agens?|agem)$/

/** Whether a word follows an article: a noun, and an unknown noun is more often a name ("o istio") than a verb or adjective is. */
function afterArticle (raw: string, typed: string): boolean {
  const words = tokenize(foldText(raw))
  const folded = foldText(typed)
  return words.some((word, i) => word === folded && i > 0 && ARTICLE.test(words[i - 1]))
}

// What a comparison sets side by side stands next to its marker ("redshift vs athena", "X ou Y")
// or after "entre" / "between" ("a diferença entre redshift e athena").
const COMPARES = /^(vs|versus|x|or|ou)$/
const CONJUNCTION = /\b(?:vs|versus|x|or|ou|and|e)\b/
const BETWEEN = /^(entre|between)$/

// A comparative and what it is measured against ("splunk sai mais barato que o cloudwatch", "is Datadog
// better than CloudWatch"): the thing before it is set against the other.
const COMPARATIVE = /^(mais|menos|melhor|pior|more|less|better|worse|cheaper|faster|slower|easier|simpler)$/
const THAN = /^(than|que|q|do)$/

/**
 * Verbs that bring up something the student has only heard of ("someone mentioned athena", "me indicaram o
 * kubecost"): what follows is what they want to know about. Plain "said" ("o prof falou algo de …") is left out:
 * it reports what was said about a topic, often one the notes treat.
 */
const HEARD_OF = /^(mentioned|mentions|recommended|recommends|suggested|suggests|heard|ouvi|ouvimos|indicaram|indicou|recomendaram|recomendou|sugeriram|sugeriu|mencionou|mencionaram)$/

// "would rds proxy fix that", "o X resolveria isso?": the thing asked whether it is the remedy is what the question is about.
const REMEDY = /^(fix|fixes|help|helps|solve|solves|resolve|resolves|work|prevent|avoid|reduce|handle|ajuda|ajudaria|resolveria|evita|evitaria|funciona|funcionaria|serve|serviria)$/

/**
 * Whether the words from `first` to `last` are one of the things a question compares or chooses between
 * ("msk or sqs", "entre sqs e rabbitmq", "splunk sai mais barato q o cloudwatch"), one set against
 * another with the preferred one first ("Pulumi over Terraform", "App Runner instead of ECS"), or the
 * subject of the question's own verb ("how does Pulumi manage its state", "does Karpenter pick"), asked whether it
 * is the remedy ("would rds proxy fix that"), or brought up as something the student has heard of (HEARD_OF).
 */
function askedAbout (words: readonly string[], first: number, last: number): boolean {
  const before = words[first - 1] ?? ''
  const after = words[last + 1] ?? ''
  if (COMPARES.test(before) || COMPARES.test(after) || PREFERRED_TO.test(after)) return true
  // ...and with the rest of its name between ("gitlab ci instead of github actions", "o nomad da hashicorp em vez do ecs").
  if (words.slice(last + 2, last + 4).some((word, k) => INSTEAD.test(word) || (word === 'vez' && words[last + 1 + k] === 'em') || (word === 'inves' && words[last + 1 + k] === 'ao'))) return true
  if (words.slice(Math.max(0, first - 3), first).some(w => BETWEEN.test(w))) return true
  if (subjectOfQuestion(words, first)) return true
  if (adopting(words, first) || defining(words, first)) return true
  if (words.slice(Math.max(0, first - 3), first).some(w => HEARD_OF.test(w))) return true
  if (REMEDY.test(after) && (QUESTION_AUX.test(before) || (ANY_ARTICLE.test(before) && QUESTION_AUX.test(words[first - 2] ?? '')))) return true
  // "mais barato que o cloudwatch", not "more than 2gb": what it is measured against is a thing, not a quantity.
  for (let k = last + 1; k <= last + 4 && k < words.length; k++) {
    if (!COMPARATIVE.test(words[k])) continue
    const than = words.slice(k + 1, k + 4).findIndex(w => THAN.test(w))
    if (than >= 0 && !/\d/.test(words[k + 2 + than] ?? '0')) return true
  }
  return false
}

/**
 * Whether the thing starting at `first` is the subject of the auxiliary that opens the question ("does
 * karpenter pick", "how does the saga pattern handle", "Is Amazon Lightsail cheaper"): neither the
 * article nor the vendor is part of the name. With `asked`, only after "how", "what" or "why": "how does X
 * handle" asks how X works, where "is X PaaS or IaaS" and "where does X fit" may ask where the notes list it.
 */
function subjectOfQuestion (words: readonly string[], first: number, asked = false): boolean {
  let start = first
  if (VENDOR.test(words[start - 1] ?? '')) start--
  // Portuguese asks how a thing works with no auxiliary: "como o traefik descobre os containers".
  if (/^(o|a|os|as)$/.test(words[start - 1] ?? '') && words[start - 2] === 'como' && (start === 2 || words[start - 3] === 'e')) return true
  // ...and with "como funciona(m)" before the article: "como funcionam as Global Tables".
  if (/^(o|a|os|as)$/.test(words[start - 1] ?? '') && /^funcionam?$/.test(words[start - 2] ?? '') && words[start - 3] === 'como' && (start === 3 || words[start - 4] === 'e')) return true
  if (ANY_ARTICLE.test(words[start - 1] ?? '')) start--
  return QUESTION_AUX.test(words[start - 1] ?? '') && (asked ? HOW_IT_WORKS.test(words[start - 2] ?? '') : start === 1 || WH_WORD.test(words[start - 2] ?? ''))
}

/**
 * What only the course's own staff can say: its grades, deadlines, hours and enrolment ("qual a nota minima
 * pra passar na disciplina", "when is the deadline for the final project", "quantas horas de atividade
 * complementar preciso", "a monitoria é paga?"). The notes teach the subject, not the course's rules, however
 * many of the question's words they use ("nuvem", "project", "atividade").
 */
const COURSE_LOGISTICS = new RegExp([
  // English: grades and passing, deadlines and extensions, credits, attendance and the transcript.
  String.raw`\b(minimum|passing|final) (grade|score|mark)\b`, String.raw`\bpass (the|this) (class|course|subject|exam)\b`,
  String.raw`\b(when is|whens|when s|when are|what day is|what date is) (the )?(deadline|due date|exam|midterm|final exam|test|presentation)s?\b`,
  String.raw`\bwhen (is|s|are) (the |my |our )?(\w+ ){0,2}(project|assignment|homework|report|essay|lab|exam)s? due\b`,
  // ...when the next one is, and whether it is still on its day or was moved.
  String.raw`\bwhen the next (exam|test|midterm|quiz|class|lecture) is\b`, String.raw`\b(exam|test|midterm|quiz|class|lecture)s? (is |are )?still on (monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b`,
  String.raw`\bdid (it|the (exam|test|midterm|quiz|class|lecture)) get (moved|rescheduled|postponed)\b`,
  String.raw`\bdeadline (for|of) (the )?(\w+ ){0,3}(submission|assignment|project|homework|report)\b`,
  String.raw`\b(ask|asking|request|requesting) (for )?an? (deadline )?extension\b`, String.raw`\b(get|getting|got) an extension (on|for)\b`,
  String.raw`\b(open|closed)[- ]book\b`, String.raw`\b(prova|provas|aula|aulas|exam|exams|class|lecture) (\w+ ){0,5}(foi |vai ser |was |been |is )?(adiad[ao]s?|cancelad[ao]s?|postponed|cancell?ed)\b`, String.raw`\b(horario da biblioteca|library hours)\b`, String.raw`\bwhat time (does|is|will) the (exam|test|midterm|final|lab|class|presentation)\b`, String.raw`\blate (submissions?|penalty)\b`, String.raw`\b(recording|recordings|video) of (the |last week'?s |last |today'?s |yesterday'?s |this week'?s )?(\w+ )?(lecture|class)\b`,
  String.raw`\b(check|see|find|ver|consultar|saber|olhar) (my|minha|minhas) (\w+ ){0,2}(grades?|marks?|notas?)\b`,
  String.raw`\bhow many (absences|credit hours)\b`, String.raw`\bhow many credits (is|are|does|do) (the|this|our|my) (\w+ ){0,3}(course|class|subject|module)\b`,
  String.raw`\bcounts? towards? (the |my |a )?(\w+ )?(minor|major|degree)\b`, String.raw`\b(on|in|from|no|do) (my |meu )?(transcript|historico escolar|historico academico)\b`,
  // Portuguese: the same, and enrolment ("rematrícula", "trancamento").
  String.raw`\bnota (minima|final|de corte|pra passar|para passar)\b`, String.raw`\bpassar (na|nessa|em) (disciplina|materia|cadeira|prova)\b`,
  String.raw`\b(prazo|data) (de|da|pra|para a) entrega (do|da|de) (trabalho|projeto|tcc|atividade|relatorio|lista)\b`,
  String.raw`\b(quando|qnd|qndo|qdo) (e|eh|vai ser|sera) a (prova|p1|p2|apresentacao|entrega)\b`,
  String.raw`\bhoras (de )?(atividades? )?complementar(es)?\b`, String.raw`\bquantas faltas\b`,
  // Missing a class or a presentation and making up its grade; whether there is tutoring this week, at what time and where.
  String.raw`\b(se eu faltar|se eu perder|if i miss) (n?a |n?o |the |my |our )?(\w+ ){0,2}(aula|prova|apresentacao|seminario|p1|p2|class|lecture|exam|test|presentation|midterm)\b`,
  String.raw`\brecuperar (a |minha )?nota\b`, String.raw`\bmake up (the |my |a )?(grade|missed (exam|test|class|presentation))\b`,
  String.raw`\btem monitoria\b`, String.raw`\b(horario|dia) e (a )?sala\b`,
  // More time on a thesis or a deadline, and which electives to take.
  String.raw`\b(more time|extension|mais prazo|mais tempo) (\w+ ){0,3}(tcc|thesis|dissertation|deadline|prazo)\b`, String.raw`\b(picking|choosing|pick|choose|escolher|escolho) (\w+ ){0,2}(electives|optativas|eletivas)\b`,
  // Failing a subject for absences, and the student's own computer failing them during a test: the course's staff decide what follows.
  String.raw`\b(reprovar|reprovo|reprovei|reprova|reprovado|reprovada) por falta(s)?\b`, String.raw`\b(fail|failing|failed) (a |the |this )?(class|course|subject) (for|because of) (too many )?absences\b`,
  String.raw`\b(laptop|notebook|computer|computador|pc|internet|wi-?fi|net) (\w+ ){0,2}(dies|died|crashes|crashed|drops|dropped|cai|caiu|morre|morreu|desliga|desligou|trava|travou) (\w+ ){0,3}(during|in the middle of|mid|durante|no meio d[ao]) (the |my |a |o |minha )?(online )?(quiz|exam|test|midterm|prova|avaliacao)\b`,
  // Where the campus's places are ("onde fica o RU?").
  String.raw`\bonde fica (o |a )?(ru|restaurante universitario|biblioteca|secretaria|reitoria|cantina|predio|bloco)\b`, String.raw`\bwhere is the (cafeteria|library|dining hall|registrar'?s office) (on|at) (the )?campus\b`,
  // Why a subject or the internship is required by the degree ("pq calculo 2 é obrigatorio pra quem faz computação").
  String.raw`\b(e|eh) obrigatori[oa] (no curso|na faculdade|na facul|pro curso|pra quem faz|para quem faz|pra se formar|para se formar)\b`,
  String.raw`\b(rematricula|trancamento|trancar (a )?(matricula|disciplina|materia|faculdade|curso))\b`, String.raw`\bperiodo de (matricula|rematricula|trancamento|provas)\b`,
  String.raw`\b(prova substitutiva|segunda chamada|entregas? atrasadas?|media final|estagio obrigatorio)\b`, String.raw`\bvale quantos pontos\b`, String.raw`\bquanto vale (a nota|o trabalho|a prova|o projeto|a apresentacao)\b`,
  // The university's own accounts are its IT desk's ("forgot my university email password", "senha do wifi da facul").
  String.raw`\b(e-?mail|gmail|outlook|hotmail|moodle|wi-?fi|eduroam) (account |login )?(password|senha)s?\b`, String.raw`\bsenhas? d[oa] (e-?mail|gmail|outlook|hotmail|moodle|wi-?fi|eduroam|portal do aluno)\b`,
  String.raw`\b(password|senha)s? (for|to|of|pro|pra|do|da) (my |meu |minha |the |o |a )?(university |uni |college |school |student |da faculdade |da facul )?(e-?mail|gmail|outlook|hotmail|moodle|wi-?fi|eduroam|portal do aluno)\b`,
  // Whether the work is done alone or in a group is the course's rule ("a entrega nao e em dupla ne? posso fazer sozinho?").
  String.raw`\b(posso|podemos|can i|can we|am i allowed to) (fazer|entregar|do|submit) (o |a |the |it |this |our )?(trabalho |projeto |project |assignment |lab |entrega |work )?(sozinh[oa]|individualmente|alone|on my own|by myself|solo)\b`,
  String.raw`\b(is|are) (the|our|this) (\w+ ){0,2}(project|assignment|lab|report|homework)s? (individual|in pairs|done in pairs|a group (project|assignment))\b`,
  String.raw`\b(prova|avaliacao|exame) (\w+ ){0,6}com consulta\b`, String.raw`\bcom consulta ou sem\b`, String.raw`\b(qual|que) (e )?(o |a )?(horario|dia|sala|data) d[ao] (monitoria|aula|prova)\b`, String.raw`\bhorarios? da monitoria\b`, String.raw`\bmonitoria (\w+ ){0,5}(paga|remunerada|voluntaria)\b`, String.raw`\b(presencial ou online|online ou presencial)\b`,
  // A group member who does not do their part, how long a presentation should last and how the teacher grades it, and
  // whether the university pays back what the student spends on AWS: the course's staff answer these.
  String.raw`\b(teammates?|groupmates?|colegas? de grupo|membros? do grupo|integrantes? do grupo|alguem do grupo|um do grupo) (\w+ ){0,4}(hasn'?t|has not|isn'?t|is not|didn'?t|did not|doesn'?t|does not|never|nao|nunca) (\w+ ){0,3}(touched|done|doing|contribut\w*|help\w*|work\w*|fez|faz|fazendo|ajud\w*|contribu\w*|aparec\w*|respond\w*)\b`,
  String.raw`\bhow long (should|does|do|will|is) (the |our |my |a )?(final |group )?(presentation|talk|pitch)s?\b`, String.raw`\bquanto tempo (deve |tem que |vai |pode )?(durar|dura|ter|tem) (a |nossa |o |minha )?(apresentacao|seminario|pitch)\b`,
  String.raw`\bcomo (o |a )?(professor|professora|prof|profe) (costuma |vai )?(avaliar|avalia|corrigir|corrige|dar nota|da nota)\b`, String.raw`\bhow (will|does|do|would) (the |our |my )?(professor|prof|teacher|instructor|lecturer) (grade|mark|evaluate|score)\b`,
  String.raw`\b(faculdade|facul|universidade|university|uni|college|school) (\w+ ){0,2}(reembols\w*|reimburs\w*) (\w+ ){0,5}(aws|gasto|gastos|custo|custos|conta|bill|costs?|credits?|spend\w*)\b`,
  // What a late or missing hand-in costs in marks ("do we lose points if the lab report goes in a day late?").
  String.raw`\b(lose|losing|perder|perco|perde|perdemos) (any |some |alguns |um )?(points?|marks?|pontos?)\b(?! (de|of) (dados|data|extremidade))`, String.raw`\bentregar (\w+ ){0,2}atrasad[oa]s?\b`,
  // Asking for an exam to be marked again, changing groups mid-term, and how many pages a report must have.
  String.raw`\b(pedir|peco|pede|pedimos|pedido de|solicitar|solicito|request|ask for) (a |uma )?(revisao|review|regrade|recorrecao) (d[ae] |of (my |the )?)?(nota|prova|grade|exam|mark)\b`,
  String.raw`\b(entregar|fazer) (o |a )?(trabalho|projeto|lab|relatorio|atividade) em (dupla|grupo|trio)\b`, String.raw`\btrocar de (grupo|dupla|turma)\b`,
  String.raw`\b(quantas paginas|how many pages) (mais ou menos |more or less |roughly |about )?(precisa|precisam|tem que|tem q|deve|devem|should|must|does|do|has to|have to) (\w+ ){0,3}(relatorio|report|trabalho|tcc|essay|paper|assignment|artigo|monografia)\b`,
  // Whether a subject is on the exam, asked as the whole question ("vai cair kubernetes na prova final?"): asked beside a
  // question on the subject ("o que e vpc? vai cair na prova") it is the student's reason, and the notes answer the rest.
  String.raw`^\W*(sera que |sera q )?(vai cair|cai) (\w+ ){1,3}na (prova|p1|p2|final|prova final)( final)?\W*$`,
  // The campus's own network is its IT desk's ("o wifi da biblioteca ta lento, pra quem eu reclamo?"); what happens on it
  // ("sem https alguem no wifi da facul consegue ver a senha?") is asked of what the student runs there.
  String.raw`(?<!\b(no|on|over|pelo|via|using|usando|from|at|in) (the |a |my |our )?)\b(campus|university|uni|college|library|school|dorm) wi-?fi\b`, String.raw`(?<!\b(no|pelo|via|usando|do|pela) )\bwi-?fi d[ao] (biblioteca|faculdade|facul|universidade|campus|escola|republica)\b`,
  // When the campus's services open and the exam starts, whether the lecture's recording comes out, what the teacher said to
  // bring ("a biblioteca abre sabado?", "que horas e a prova de redes", "vai liberar a gravacao da aula", "said to bring
  // something for friday's lab"), and the student's own message to the teacher.
  String.raw`\b(biblioteca|library|secretaria|bandejao|cantina|xerox|reprografia) (\w+ ){0,3}(abre|abrem|fecha|fecham|funciona|aberta|aberto|open|opens|closes|closed)\b`,
  String.raw`\b(que horas|what time) (e|eh|is|will be|vai ser|sera|comeca|starts?) (a |o |the )?(prova|exam|test|midterm|final|aula|class|lecture|lab|apresentacao)\b`,
  String.raw`\b(gravacao|gravacoes|video|videos) da(s)? aula(s)?\b`, String.raw`\b(liberar|liberou|postar|postou|subir|subiu|disponibilizar|disponibilizou) (a |as )?aulas? gravadas?\b`,
  String.raw`\b(post|posts|posted|upload|uploads|uploaded|share|shares|shared|release|releases|released) (the |a |last |yesterday'?s? )?(class|lecture)(es|s)? (recorded|recording|recordings)\b`,
  // "When is the proof of calculus 2": the exam, in a word-for-word rendering of "prova".
  String.raw`\b(when is|whens|what day is|what date is) (the )?proof (of|for) (?!concept)\w+`,
  // Enrolment frozen, in English, and a thesis supervisor who stopped answering.
  String.raw`\b(lock|freeze|suspend|cancel) (my |the |our )?(enrollment|enrolment|registration)\b`,
  String.raw`\b(orientador\w*|advisor|supervisor) (\w+ ){0,3}(sumiu|nao responde|ta sumido|ghost\w*|disappeared|(is |isn'?t |isnt |not |stopped )(answering|responding|replying))\b`,
  String.raw`\b(said|told us|asked us|pediu|falou|mandou) (to |pra |para |que |pra gente )?(bring|trazer|levar|levarmos|trazermos)\b`,
  String.raw`\b(write|writing|escrever|escrevo|redigir) (an? |um |uma |o |the )?(e-?mails?|mensage(m|ns)|messages?) (\w+ ){0,4}(professor|professora|prof|teacher|coordenador\w*|orientador\w*)\b`,
  // The hours of the library, the canteen or an office asked in English, a professor's office hours, a letter to translate,
  // whether a further degree is worth it, and which computer to buy for the degree (running the course's tools on it is
  // the notes' subject): errands of campus life, whatever cloud words they share ("office", "hours", "close").
  String.raw`\bwhat time (does|do|is|are|will) (the |our |my )?(campus |university |uni |college |school |main )?(library|cafeteria|canteen|dining hall|gym|secretariat|registrar'?s? office|front desk|bookstore)\b`,
  String.raw`\b(when|what time) (are|is) (the |your |his |her |their |my |our )?(prof\w* |professor'?s |teacher'?s |tutor'?s |ta'?s )?office hours\b`,
  String.raw`\b(translate|traduz|traduzir|traduza|traduzo) (this|my|an?|esse|este|essa|esta|meu|minha|um|uma) (\w+ ){0,3}(email|e-mail|message|text|letter|mensagem|texto|carta)\b`,
  String.raw`\b(a |an? )?(master'?s|masters|mestrado|doutorado|phd)( degree)? (\w+ ){0,3}(worth|vale a pena)\b`,
  String.raw`\b(buy|buying|get|getting|comprar|compro|pick|choose|escolher|escolho|which|what|qual|quais|recommend\w*|recomend\w*|best|melhor|good|bom|boa) (\w+ ){0,3}(laptop|laptops|notebook|notebooks|computador|computer|pc|macbook|tablet|ipad)s? (\w+ ){0,3}(for|pra|para) (a |the |my |o |a |minha |meu )?(\w+ )?(degree|college|uni|university|faculdade|facul|curso|course|major|graduacao)\b`,
  String.raw`\b(mac|macbook|windows|linux) (or|ou) (mac|macbook|windows|linux) (laptop|notebook|pc|computer|computador)\b`,
  String.raw`\b(buy|buying|comprar|compro) (an? |um |uma )?(mac|macbook|windows|linux) (\w+ ){0,4}(for|pra|para) (a |the |my |o |minha |meu )?(\w+ )?(degree|college|uni|university|faculdade|facul|curso|course|major|graduacao)\b`,
  // A whole group that does not do its part ("meu grupo nao faz nada no trabalho"), and a model of the final report to
  // follow, are the teacher's to settle.
  String.raw`\b(meu|o|nosso) (grupo|time|dupla|trio) (\w+ ){0,2}(nao|nunca) ((faz|fez|fazem|fizeram) nada|ajuda|ajudou|ajudam|contribui|contribuiu|contribuem)\b`,
  String.raw`\b(my|our) (group|team|partner|groupmates|teammates) (\w+ ){0,2}((does|did|do) nothing|(doesn'?t|don'?t|won'?t|didn'?t|never) (help|contribute|do (anything|their part|their share|a thing)))\b`,
  String.raw`\b(exemplo|modelo|template|example|sample)s? (de |of )?(um |uma |a |the )?(relatorio|report|tcc|monografia) (final|do projeto|de projeto|of the project|for the project)\b`,
  // A hackathon's own rules, its pitch to the judges and its demo video are the event's business, not the notes'.
  String.raw`\b(regulamento|regras|rules)( do| da| of the| for the)? (hackathon|hackaton|competicao|competition|maratona)\b`, String.raw`\b(hackathon|hackaton)('?s)? (rules|regulamento|regras)\b`,
  String.raw`\b(tips|dicas|conselhos?|advice) (\w+ ){0,4}(pitch|video demo|demo video)\b`,
  String.raw`\bpitch (\w+ ){0,4}(judges|jurados|banca|investors|investidores)\b`,
  // Printing a poster or a banner for a presentation day: a campus errand.
  String.raw`\b(print|printing|imprimir|imprimo) (an? |um |uma |the |o |a |my |meu |nosso )?(poster|banner|cartaz)s?\b`,
  // What an exam or a project weighs in the grade ("a prova final vale 40% da nota").
  String.raw`\b(prova|provas|p1|p2|p3|av1|av2|av3|exame|trabalho|projeto|exam|final|midterm|project|assignment|quiz)\b (\w+ ){0,4}(vale|valem|is worth|are worth|counts? for) (like |about |around |uns |tipo )?\d+ ?(%|por cento|percent|pontos|points)`,
  // Dropping a subject, the campus restaurant's hours, being struck off for failing twice, a hand-in a day late, when the
  // marks come out.
  String.raw`\b(trancar|tranco|trancou|trancamos) (a |uma |essa |esta |minha )?(matricula|disciplina|materia|faculdade|curso)\b`,
  String.raw`\btrancar (calculo|fisica|quimica|algebra|estatistica)\b`,
  String.raw`\b(withdraw\w*|drop|dropping)[- ](from[- ])?(a |the |my )?(course|class|subject)\b`,
  String.raw`\b(que horas|q horas|qnd|quando|what time) (abre|fecha|opens?|closes?) (o |a |the )?(ru|bandejao|biblioteca|library|cantina|secretaria|restaurante universitario)\b`,
  String.raw`\b(jubilamento|jubilad[oa]|jubilar)\b`,
  String.raw`\b(quando|qnd|qdo|when) (sai|saem|vai sair|will|do|does|are) (a |as |the |my |our )?(nota|notas|grades?|results?)\b`,
  String.raw`\bsubmit\w* (\w+ ){0,4}(a day|a week|an hour|\d+ (days?|hours?)) late\b`,
  // An extension asked for a report, and the final thesis itself: what it is, its theme and supervisor, leaving it to the end.
  String.raw`\b(extension|prorrogacao|adiamento) (on|for|of|do|da|pro|pra) (the |my |o |a )?(report|essay|assignment|relatorio|trabalho|prazo)\b`,
  String.raw`\b(tema|orientador\w*) (do|da|pro|pra|de|of|for) (meu |minha |my )?(tcc|monografia|thesis)\b`, String.raw`\bo tcc pra ultima\b`, String.raw`\b(oq|o que) (e|eh) (o )?tcc\b`,
  // Missing the first week, when next semester's enrolment opens, whom to ask to review a mark.
  String.raw`\b(first week|primeira semana) (of|de) (classes|class|aulas?)\b`,
  String.raw`\b(registration|enrollment|enrolment|matricula|inscricao|inscricoes) (for|pro|para o|do) (the )?(next|proximo) (semester|term|semestre)\b`, String.raw`\bwhen does (registration|enrollment|enrolment) (\w+ ){0,3}open\b`,
  String.raw`\b(revisar|revisao d[ae]|review) (a |minha |my )?(nota|grade)\b`,
  // The hours of activities outside class a degree requires, and more time asked of the teacher for a hand-in.
  String.raw`\b(extracurricular|extra-curricular|complementary) (activit\w+|hours|credits)\b`,
  String.raw`\b(ask|asking|request\w*) (the |my |our )?(prof|professor|teacher|instructor|lecturer|ta)\w* (politely )?for (more|extra) time\b`, String.raw`\bpedir (\w+ ){0,2}mais prazo\b`,
  // Whether attendance is required, and whether using a chatbot or a classmate's code counts as cheating: the course's rules.
  String.raw`\bpresenca (\w+ ){0,3}(e |eh )?obrigatori[ao]\b`, String.raw`\battendance (\w+ ){0,3}(mandatory|required|compulsory)\b`,
  String.raw`\b(conta|contaria|considerad[oa]|vale|e|eh) como (cola|plagio)\b`, String.raw`\b(count|counts|counted|considered) as (cheating|plagiarism)\b`,
  // The student card and its replacement are the registrar's ("como tiro a segunda via da carteirinha de estudante?").
  String.raw`\bcarteirinhas? (de estudante|estudantil|da facul\w*|da universidade)\b`, String.raw`\bsegunda via d[ao] (carteirinha|diploma|historico|boleto)\b`
].join('|'))

/**
 * How to get a job or an internship in the field ("como conseguir estagio em cloud sem experiencia", "how do i land a
 * cloud internship"), what it pays ("a realistic salary for a junior devops engineer", "ask my manager for a raise")
 * and which degree to take next ("vale a pena fazer pos"): questions of careers, which the notes do not treat however
 * many cloud words come with them.
 */
const CAREER = new RegExp([
  // A cloud certification as such ("vale pagar a prova de certificacao da aws?", "quit my internship to study for cloud certs"):
  // a career step the notes do not treat, whichever exam it is.
  String.raw`\b(certificacao|certificacoes|certification|certifications) (\w+ ){0,2}(da |de |of |in |on |for )?(aws|amazon|cloud|nuvem|azure|gcp)\b`, String.raw`\b(aws|cloud|amazon) (certification|certifications|certificacao|certificacoes)\b`,
  String.raw`\b(study|studying|estudar|estudando|estudo) (for|pra|para) (a |the |uma |an? |my |minha )?(aws |cloud |da aws )?(certification|certificacao|certs)\b`,
  String.raw`\b(conseguir|consigo|arrumar|achar|get|land|find|getting|landing|finding) (um |uma |an? |my first |meu primeiro |uma primeira |o primeiro |a primeira )?(estagio|internship|emprego|job|vaga)\b`,
  String.raw`\b(salary|salaries|salario|salarios|faixa salarial|pretensao salarial)\b`,
  // The student's LinkedIn profile and what goes in it; a post seen there is only where they read something.
  String.raw`\b(monto|montar|monta|escrevo|escrever|review|revisar|colocar|coloco|put|write|improve|melhorar)\b (\w+ ){0,4}linkedin\b|\blinkedin (headline|profile|perfil|ou github|or github)\b`,
  String.raw`\b(worth|vale a pena) (doing |taking |getting |fazer |pegar )?(an? |um |the )?(summer |paid |unpaid )?(internship|estagio)\b`,
  String.raw`\b(side project ideas|ideias? de projetos? (pessoa(l|is)|paralelos?|pro portfolio))\b`, String.raw`\b(ask|asking) (\w+ ){0,3}for an? (raise|promotion)\b`,
  String.raw`\bfazer (uma )?(pos|pos-graduacao|pos graduacao|especializacao|mestrado|mba)\b`,
  String.raw`\b(curriculo|curriculum vitae|cover letter|carta de apresentacao)\b`,
  String.raw`(?<!\b(?:na|numa|nessa|nesta|naquela|em uma|dessa|desta) )\bvagas? (de |clt |pj )?(\w+ ){0,2}(estagio|estagiario|junior|trainee)\b`,
  String.raw`\b(escrev\w*|mont\w*|fazer|faco|write|writing|update|updating) (um |o |my |a |meu )?(cv|curriculo)\b`,
  String.raw`\b(updated?|atualizei) (my|meu|o) (cv|curriculo|resume)\b`, String.raw`\b(no|in|on) (meu |my )?(cv|curriculo)\b`,
  String.raw`\bquanto (ganha|ganham|paga|pagam|recebe|recebem) (em media |mais ou menos )?(um |uma |o |a )?(estagiari[oa]|junior|dev|devops|desenvolvedor\w*|engenheir[oa]|analista|sre)\b`,
  String.raw`\bhow much (does|do) (an? |the )?(\w+ ){0,2}(interns?|juniors?|engineers?|developers?|devops|sres?) (make|earn|get paid)\b`,
  String.raw`\b(pegar|aceitar|topar|take|taking|accept|accepting) (o |um |uma |esse |essa |aquele |the |an? |this |that )?(estagio|emprego|vaga|job offer|offer|internship|job)\b`,
  String.raw`\b(my|your|a) resume\b`, String.raw`\bestagio (em \w+ )?ou\b`, String.raw`\b(pedir|peco) (um )?aumento\b`, String.raw`\b(tirar|take|taking|get|getting|fazer|estudar pra|study for) (a |uma |the |an |my first |minha primeira )?(\w+ )?(certificacao|certification)\b`, String.raw`\b(certificacao|certification)s? (\w+ ){0,5}(vale (mais )?a pena|worth (it|getting|taking)|tirar|to take)\b`, String.raw`\bwithout getting fired\b`,
  String.raw`\bmudar de (curso|carreira|area)\b`, String.raw`\bswitch(ing)? (from \w+ )?(to computer science|majors?|careers?)\b`, String.raw`\biniciacao cientifica\b`,
  // Moving between roles and what they pay ("switching from backend to devops as a junior, what's the pay like").
  String.raw`\bswitch(ing)? from (backend|frontend|front-end|back-end|support|qa|testing|dev|development|data) to (devops|cloud|sre|backend|frontend|data|security)\b`,
  String.raw`\b(what'?s|whats|how'?s|hows) the pay\b`, String.raw`\bthe pay (is )?(usually )?like\b`,
  // Moving into the field from another ("from nursing to a cloud job"), which degree to take next ("pos em direito digital
  // ou em cloud"), whether it pays ("consultoria paga bem") and whether a certification is worth it, however it is asked.
  String.raw`\b(move|moving|switch|switching|migrate|migrating|transition|transitioning|mudar|migrar) (from|de|da|do) (\w+ ){1,2}(to|into|pra|para) (an? |uma? )?(cloud|tech|devops|it|ti) (jobs?|careers?|carreira|roles?|area)\b`,
  String.raw`\b(pos|pos-graduacao|especializacao|mestrado|mba) (em|de|na area de) \w+ (\w+ )?(ou|or) (em |de )?\w+`,
  // A discount voucher for a certification exam, and the language the exam is sat in.
  String.raw`\bvouchers?\b ([\w%]+ ){0,6}(aws|prova|exam|exame|certifica\w*|estudante|students?)\b|\b(prova|exam|exame|certifica\w*) (\w+ ){0,6}vouchers?\b`,
  String.raw`\b(prova|exame|exam|certificacao|certification) (\w+ ){0,5}(em portugues|in portuguese|em ingles|in english)\b`,
  String.raw`\b(paga|pagam|pays?) (bem|well)\b`, String.raw`\b(certificacao|certification)s?\b[^.!]{0,40}\b(vale (mais )?a pena|worth)\b`,
  // Tips for a job interview in general ("dicas pra entrevista de emprego de analista de suporte"); how to answer one of the
  // notes' subjects in an interview ("how do i explain vpcs in an interview") is the notes' to answer.
  String.raw`\b(dicas?|tips?|advice|conselhos?) (\w+ ){0,2}(pra|para|for|de|on) (a |uma |an? |my |minha )?(job |emprego |estagio |internship )?(entrevistas?|interviews?)\b(?! (\w+ ){0,3}(about|sobre|on|de) (aws|cloud|nuvem))`,
  String.raw`\b(prepare|preparing|prep|preparar|me preparo) (\w+ ){0,2}(for|pra|para) (an? |uma |the |my |minha )?(technical |tecnica |job |emprego |estagio )?(interview|entrevista)s?\b(?! (\w+ ){0,3}(about|sobre|on|de|of) (aws|cloud|nuvem))`,
  // What an opening asks of a candidate ("quantos anos de experiencia costumam pedir pra vaga de sre pleno?").
  String.raw`\b(quantos anos de experiencia|how many years of experience)\b`,
  // Nerves before an interview, and whether to apply at all, asked as the question's end ("internship listing says cs degree
  // required, should i still apply?"; "should i apply the plan" is Terraform's).
  String.raw`\b(nervos[oa]|ansios[oa]|nervous|anxious) (\w+ ){0,2}(pra|para|com|about|before|for) (a |minha |uma |my |the |an? )?(primeira |first )?(entrevista|interview)\b`,
  String.raw`\bshould i (still )?apply( for (it|this|the (job|internship|position|role)))?\s*[?!.]*$`, String.raw`\b(devo|vale a pena) (me )?candidatar\b`,
  // The interview's behavioural questions and group dynamics, and what to ask an internship to pay.
  String.raw`\bstar method\b`, String.raw`\bbehaviou?ral (questions?|interviews?|part|round|portion|stage)\b`, String.raw`\blive[- ]coding (part|round|interview|stage|etapa|test|teste)\b|\b(interview|entrevista)\b (\w+ ){0,8}live[- ]coding\b`, String.raw`\bdinamica de grupo\b`,
  String.raw`\bquanto pedir de (bolsa|salario)\b`, String.raw`\bbolsa (de|do|num|no|em) estagio\b`,
  // When to apply for internships.
  String.raw`\b(apply|applying) for (summer )?internships\b`, String.raw`\btime of (the )?year to apply\b`,
  // Asking the manager for feedback or a raise, and the team's rituals: estimating in story points, planning a sprint,
  // writing a blameless postmortem. The job's own ways, which the notes do not teach.
  String.raw`\b(ask|asking) (my |the |our )?(manager|boss|lead|supervisor|mentor) for (feedback|a raise|a promotion|a reference)\b`,
  String.raw`\bpedir (um )?(feedback|aumento|promocao) (pro|pra|ao|a|para o|para a) (meu |minha )?(gestor|gestora|chefe|lider|supervisor|supervisora)\b`,
  String.raw`\b(story points?|planning poker|sprint planning|planning da sprint|planejamento da sprint)\b`,
  String.raw`\b(blameless|sem culpad[oa]s|sem culpa) (post-?mortem|postmortem)s?\b|\b(post-?mortem|postmortem)s? (blameless|sem culpad[oa]s|sem culpa)\b`
].join('|'))

// A CV named as the reason someone wants a tool ("meu amigo quer k8s pq fica bonito no curriculo"): the question weighs the
// tool; the career is only why the friend wants it.
const CV_AS_REASON = /\b(pq|porque|por que|because|cause|since|so) (\w+ ){0,3}(bonito|bonita|good|nice|bem|legal|impressive) (no|on|in|pro|for) (the |my |a |o |meu |your |seu )?(cv|curriculo|resume|linkedin)\b/g

/**
 * How to study, revise or keep calm before an exam or a presentation ("flashcards or practice exams the night before
 * the final", "tips to stay focused when studying", "dica pra nao travar na hora de apresentar"): study skills, which
 * the notes do not teach, whatever course words come with them, and with them the other subjects' homework and the
 * student's own equipment ("which laptop should i buy to run docker"). What to revise is another matter: "vpc and
 * subnets flashcards", "scaling policies before a job interview" ask for the notes' key facts; the laptop a student runs
 * things on ("docker desktop on my windows laptop runs a linux vm") is where they are.
 */
const STUDY_SKILLS = new RegExp([
  String.raw`\b(procrastinat\w*|procrastin\w*|pomodoro)\b`, String.raw`\bstay(ing)? focused\b`,
  String.raw`\b(take|taking) notes (during|in|at) (the )?(lectures?|class(es)?)\b|\b(anotar|fazer anotacoes|tomar notas) (na|nas|durante a|durante as) aulas?\b`,
  // Keeping up: the will to study, falling behind in class, burning out, a job beside the course.
  String.raw`\b(motivacao|motivation|motivated|motivad[oa]|animo|vontade) (\w+ ){0,3}(pra|para|to) (estudar|study|studying)\b`,
  String.raw`\b(fell|falling|fallen|got|getting|gotten|am|im|i'm|been|ficando|fiquei|to|estou) (\w+ ){0,3}(behind|atrasad[oa]s?) (in|on|with|em|nas|nos|na|no|com) (all |todas |todos )?(my |the |as |os |minhas |meus )?(classes|courses|coursework|studies|subjects|lectures|readings|materias|disciplinas|aulas|estudos)\b`,
  String.raw`\b(burnout|burning out|burned out|burnt out|esgotamento|estafa)\b`,
  String.raw`\b(balanc\w*|juggl\w*|conciliar|concilio) (a |an |my |o |meu |um )?(part-time |full-time |meio periodo )?(job|work|trabalho|emprego|estagio) (with|and|e|com) (this |the |my |a |o |meu |minha )?(course|class|classes|studies|college|uni|school|faculdade|facul|curso|estudos)\b`,
  // The student's own word that the question belongs elsewhere ("(nao é de nuvem kkk)", "off-topic, but"); a claim that a
  // thing "nao tem nada a ver com nuvem" is what they are asking about.
  String.raw`\bnao (e|eh) (de|sobre) (nuvem|cloud|aws|computacao em nuvem)\b`, String.raw`(?<!\b(nao|n) tem )\bnada a ver com (nuvem|cloud|aws|a materia|o curso)\b`, String.raw`\bnot (cloud|aws)[- ]related\b`, String.raw`\boff[- ]topic\b`,
  // ...however they say it ("ok thx. unrelated but …", "e fora de cloud, vc sabe …"); a domain bought "fora da aws" is still the
  // notes', and a thing said to be unrelated to AWS ("opentelemetry is totally unrelated to aws") is what a claim is about.
  String.raw`(?<!\b(is|are|was|were|isn'?t|aren'?t)( \w+)? )\bunrelated(,| but\b| to (cloud|aws|the course|this class)\b)`, String.raw`\bfora (de|da) (cloud|nuvem)\b`, String.raw`\bfora do tema\b`,
  String.raw`\b(study|studying|revision) (plan|tips|habits|schedule|routine|techniques?)\b`, String.raw`\b(plano|cronograma|rotina) de estudos?\b`,
  // Practice exams as a way to study; a question taken from one ("practice exam: …", "got this one wrong on the practice
  // test", "practice exams keep asking it") is a question on the notes.
  String.raw`(?<!\b(?:on|from|in|of) (?:the|a|my|this|that|our|last) )\bpractice (exams?|tests?)\b(?! ?:)(?! (\w+ )?(keeps?|kept|always|love to|like to|tend to) (asking|ask|tricking|trick|mentioning|mention|bringing|bring|showing|show))`, String.raw`\bthe night before the (final|exam|midterm|test)\b`,
  String.raw`\bnao travar na hora de apresentar\b`,
  String.raw`\b(blank(ing)? out|stay(ing)? awake|public speaking|falar em publico)\b`, String.raw`\bfreez\w* up (during|in|at|on)\b`,
  String.raw`\b(structure|prepare) an? (\d+ ?minute )?presentation\b`, String.raw`\b(apresentacao|defesa) (de|do) tcc\b`, String.raw`\b(slide|slides) templates?\b`, String.raw`\btemplate de slides?\b`,
  String.raw`\b(split|splitting|divide|dividing|dividir|dividindo) (the |as |o )?(work|tasks|tarefas|trabalho) (in|of|do|no|entre|between|among) (an? |the |our |o |um )?(\d+[- ]person )?(group|grupo|teammates|colegas|integrantes|membros|members)\b`,
  String.raw`\bquanto tempo (leva|demora) (pra|para) aprender\b`, String.raw`\bhow long (does it|would it|will it|did it) take to learn\b`,
  String.raw`\borgani[sz]\w* (os |meus |minha |meu |o |a |my )?(study |de estudos? )?(estudos|semana|rotina|horario|tempo|time|week|schedule)\b`,
  String.raw`\btips? (for|on|pra|para) (revising|studying|revision|estudar)\b`,
  String.raw`\b(time management|manage my time|gerir o (meu )?tempo|gerenciar (o |meu )?tempo|conciliar (o )?(trabalho|estagio|emprego) (e|com) (a )?(faculdade|estudos?))\b`,
  String.raw`\b(estudar e trabalhar|trabalhar e estudar|(work|working) and (study|studying|college|uni|school))\b`,
  String.raw`\b(estagio|internship|trabalho|emprego|job) (e|and) (o |a |my )?(tcc|thesis|faculdade|facul|college|aulas|classes) (ao mesmo tempo|at the same time|juntos|together)\b`,
  String.raw`\b(good |best |melhor |boa )?(first|primeira) (programming )?(language|linguagem)( de programacao)? (to learn|pra aprender|para aprender|to start with|pra comecar)\b`,
  // Another program's trouble: a spreadsheet that freezes, or a virus on the student's computer, is no question for the cloud notes.
  String.raw`\b(excel|planilha|spreadsheet|google sheets)\b (\w+ ){0,6}(freez\w*|trava\w*|lent[oa]|slow|crash\w*)`,
  String.raw`\b(antivirus|anti-virus)\b`, String.raw`\bvirus (no|em|in|on) (meu |my |o |the )?(pc|computador|notebook|laptop|celular|phone)\b`,
  String.raw`\b(learn|aprender) (python|java|javascript|programming|programacao|a programar) (from (zero|scratch)|do zero|in (like )?an? (month|week)|em (um|1) (mes|semana)|fast|rapido)\b`,
  // What a teacher asks of the class itself, and a group whose member does no work: no questions for the notes.
  String.raw`\b(grading|grade|corrigir|correcting) (\d+ )?(lab |the )?(reports|exams|provas|trabalhos|relatorios)\b`, String.raw`\b(ice ?breakers?|quebra-gelo)\b`,
  String.raw`\b(my|our|meu|minha) (group partner|teammate|lab partner|project partner|parceir[oa] de (grupo|projeto|dupla)|dupla) (hasn'?t|has not|never|nao|nunca) (touched|done|worked|mexeu|fez|faz|ajud\w*)\b`,
  String.raw`\b(one guy|someone|one person|um cara|alguem|um colega|um integrante) (in|from|do|no|da|na) (our|my|the|nosso|meu|minha|nossa) (\d+[- ]?(person|pessoas) )?(group|grupo|team|equipe) (\w+ ){0,2}(never|nunca|doesn'?t|nao)\b`, String.raw`\b(curso|aulas?) de (ingles|espanhol)\b`,
  String.raw`\b(one|a|um) (guy|person|member|colega|cara|membro) (\w+ ){0,3}(never|nunca|doesn'?t|doesnt|nao) (does|do|faz) (anything|nada)\b`,
  String.raw`\b(never|nunca|doesn'?t|doesnt|nao) (does|do|faz) (his|her|their|sua|a sua) (part|parte)\b`, String.raw`\bnunca faz a parte (dele|dela)\b`,
  // Other subjects of the degree: calculus homework is no question for the cloud notes.
  // The assistant itself: its name, who made it, whether it is a person ("tudo bem com vc? qual o seu nome", "are you a bot").
  String.raw`\b(qual|como) (e |eh )?o (seu|teu) nome\b`, String.raw`\bcomo (voce|vc|tu) se chama\b`, String.raw`\bwhat(s| is) your name\b`,
  String.raw`\bwho (made|created|built|trained|programmed) (you|u)\b`, String.raw`\bquem te (criou|fez|programou|treinou)\b`,
  // ...its own tastes ("whats your favourite programming language?", "qual a sua linguagem preferida?").
  String.raw`\b(your|ur) (favou?rite|fav)\b`, String.raw`\b(seu|sua|teu|tua) \w+ (favorit[oa]|preferid[oa])\b`,
  String.raw`\b(are|r) (you|u) (actually |really |even |just )?(a |an )?(bot|robot|human|real person|person|ai)\b`, String.raw`\b(voce|vc|tu) (e|eh) (um |uma )?(robo|bot|humano|humana|pessoa|ia)\b`,
  // ...and whether it remembers an earlier chat ("do you remember what i asked you yesterday").
  String.raw`\b(do|will|can|did) (you|u) (still )?remember (what|our|the|my) (\w+ ){0,3}(asked|said|told|conversation|chat|talked)\b`,
  String.raw`\b(voce|vc|tu) (se )?lembra (d[oa] |de )?(que|q|oq|o que) (eu )?(te )?(perguntei|falei|disse|conversamos)\b`,
  // A group member who has not written their part, however the student puts it ("still hasnt written his part").
  String.raw`\b(hasn'?t|hasnt|has not|didn'?t|didnt|did not|won'?t|wont) (\w+ ){0,2}(written|write|done|finished|finish|sent|send) (his|her|their) (part|share|section)\b`,
  String.raw`\b(nao|ainda nao|nunca) (escreveu|fez|entregou|mandou|terminou) a (sua )?parte (dele|dela)\b`,
  // What to drink or how long to nap before an exam (a task left idle "tirando soneca" is no nap of the student's).
  String.raw`\b(energy drinks?|energeticos?)\b`, String.raw`\b(power nap|cochil\w*|soneca)\b[^.!?]{0,40}\b(before|antes|exams?|final|provas?|aulas?|class|lectures?|study|studying|estudar)\b`,
  // Whether a tool may reword the student's text, or what counts as copying: academic integrity, not the notes.
  String.raw`\b(plagiarism|plagiari[sz]\w*|plagio|plagiar)\b`,
  // Whether the cloud harms the planet: the notes say nothing of energy or the climate.
  String.raw`\b(bad|good|harmful|ruim|bom|prejudicial|mal) (for|to|pro|pra|para o|ao) (the )?(environment|planet|climate|meio ambiente|planeta|clima)\b`,
  // Getting through the exam weeks, a letter of recommendation for an exchange, typing faster: the student's studies, not the notes.
  String.raw`\b(survive|surviving|get through|getting through) (the |my )?(finals|exam|exams) (week|weeks|season)\b`, String.raw`\bsobreviver (a |à )?semana de provas\b`, String.raw`\b(recommendation|reference) letters?\b`, String.raw`\bcartas? de recomendacao\b`,
  String.raw`\btouch[- ]typing\b`, String.raw`\bdigitar (mais )?rapido\b`,
  String.raw`\b(carbon footprint|pegada de carbono|sustainability|sustentabilidade|climate change|mudancas? climaticas?|aquecimento global)\b`,
  // The office tools and typesetting of other courses, and undoing a commit with git: other subjects.
  String.raw`\b(excel|vba) macros?\b`, String.raw`\bmacros? (do|no|in) excel\b`, String.raw`\b(latex|overleaf|abnt)\b`,
  String.raw`\b(undo|undoing|desfazer|desfaco|reverter) (o |my |the |meu |a |that )?(last |ultimo |previous )?commit\b`,
  String.raw`\b(integral|integrais) (por partes|de|do|da)\b`, String.raw`\bderivadas?\b`, String.raw`\bregra da cadeia\b`, String.raw`\b(em|in|de|pra|for|na prova de|on my) (calculo|calculus)( \d| i+)?\b`,
  // Calculus named as the course it is ("calculo 2 tem a ver com estrutura de dados?", "vc ajuda com calculo 2?").
  String.raw`\b(calculo|calculus) (1|2|3|i|ii|iii)\b`,
  String.raw`\b(integration by parts|chain rule|derivative of|calculus (exam|homework|class))\b`, String.raw`\b(ajuda|ajudar|help|helps) (com|with|em|in) (calculo|calculus|fisica|physics)\b`,
  String.raw`\b(proof by induction|prove (\w+ ){0,8}by induction|provar? por inducao|inducao (matematica|finita)|mathematical induction|discrete math\w*|matematica discreta)\b`,
  // Another course's programming homework ("python hw: 'write a function that …'", "lista de exercicios de java").
  String.raw`\b(python|java|javascript|haskell|prolog|c\+\+) (hw|homework|exercise|exercises)\b`, String.raw`\b(lista|listas|exercicio|exercicios) (de exercicios )?de (python|java|javascript|haskell|prolog|algoritmos|programacao)\b`,
  // Data structures and the editor's indentation: programming the course assumes, not the cloud.
  String.raw`\b(red[- ]black|avl) trees?\b`, String.raw`\barvores? (avl|rubro[- ]negras?)\b`,
  String.raw`\btabs?\b[^.?!]{0,24}\b(spaces|espacos)\b`, String.raw`\b(spaces|espacos)\b[^.?!]{0,24}\btabs?\b`,
  // How long a talk should run in slides.
  String.raw`\b(quantos|how many) slides\b`,
  // A database engine's own root password ("no mysql local, como reseto a senha do root?"): the database course's
  // administration, not the cloud account's root user the notes treat.
  String.raw`\b(mysql|mariadb|postgres|postgresql)\b[^.?!]{0,40}\b(senha|password) (do|de|of the|for the|for) (usuario )?root\b`,
  String.raw`\b(root (password|senha)|(senha|password) (do|de|of the|for the|for) (usuario )?root)\b[^.?!]{0,30}\b(of|for|on|in|do|da|no|na) (the |my |o |a |meu )?(local )?(mysql|mariadb|postgres|postgresql)\b`,
  String.raw`\b(linear algebra|algebra linear|eigenvalues?|eigenvectors?|autovalor(es)?|autovetor(es)?)\b`,
  // In which order to study the degree's subjects ("primeiro linux ou primeiro redes?"), and what to cook after class.
  String.raw`\b(ordem|order) (certa |right |best |melhor )?(pra|para|to|de|in which to) (estudar|study|aprender|learn)\b`,
  // When and how long to study, and with what breaks: study habits, whatever the subject.
  String.raw`\b(best|melhor) (time|hora|horario|periodo) (of|do) (the )?(day|dia) (to|pra|para) (study|estudar)\b`,
  String.raw`\b(how many hours|quantas horas) ([\w']+ ){0,6}(stud\w*|estud\w*)\b`,
  String.raw`\b(take|taking|fazer|faco|fazendo) ([\w']+ ){0,2}(breaks|pausas|intervalos) ([\w']+ ){0,3}(stud\w*|estud\w*)\b`,
  // Where to eat, shop or work out near the university (not what a restaurant near it should run its site on).
  String.raw`\b(onde|where|qual|quais|which|any|algum|alguma|recomenda\w*|recommend\w*|indica\w*|suggest\w*|sugere\w*) (\w+ ){0,3}(restaurantes?|lanchonetes?|padarias?|bakery|bakeries|bandejao|cafeterias?|pizzarias?|supermercados?|supermarkets?|farmacias?|pharmacy|pharmacies|academias?|gyms?|places? to eat|lugar pra comer) (\w+ ){0,4}(perto|near|close to|nearby|around) (d[oa] |the |o |a |my |our )?(campus|faculdade|facul|universidade|university|college|uni)\b`,
  // ...and cooking one's food.
  String.raw`\b(boil|cook|fry|bake|cozinhar|cozinho|fritar|frito|assar|asso) (an? |the |o |a |um |uma |some )?(eggs?|ovos?|rice|arroz|pasta|macarrao|cake|bolo)\b`,
  String.raw`\b((quick|easy|simple|cheap) )?(dinner|lunch|breakfast) (recipes?|ideas?)\b`, String.raw`\brecipes? (for dinner|for lunch|i can make)\b`, String.raw`\breceitas? (rapidas?|faceis?|simples|baratas?) (pra|para|de) (o |a )?(jantar|janta|almoco|cafe)\b`,
  String.raw`\bmarmitas? (rapidas?|baratas?|faceis?|saudaveis?|pra semana|da semana)\b`, String.raw`\bmeal prep\b`,
  // The student's own equipment: which laptop or keyboard to buy, how much memory it needs.
  String.raw`\b(best|melhor|qual|which|good|decent|cheap|affordable|barato|bom|boa|recommend\w*|indica\w*|comprar|buy|buying) (\w+ ){0,3}(laptop|notebook|keyboard|teclado|macbook)s?\b`,
  String.raw`\b(laptop|notebook)s? (for|pra|para) (programming|programar|coding|college|faculdade)\b`,
  String.raw`\b(laptop|notebook|keyboard|teclado)s? (\w+ ){0,2}(ate|under|abaixo de|por menos de|for less than) (r\$ ?|\$ ?|£ ?|€ ?)?\d`,
  String.raw`\b\d+ ?gb (of |de )?ram (is )?(enough|suficiente|da conta)\b`, String.raw`\b(my |meu |o )?(laptop|notebook|pc|computador)s? (has|have|tem) (enough|suficiente)\b`, String.raw`\b\d+ ?gb (or|ou) \d+ ?gb (of |de )?ram\b`,
  String.raw`\b(linux|windows|mac|macos) (vs|or|ou|x) (linux|windows|mac|macos)\b[^?.!]{0,30}\b(laptop|notebook|pc|computador)\b`,
  String.raw`\b(laptop|notebook|pc|computador) (with|com) \d+ ?gb (of |de )?ram\b`,
  String.raw`\b(revolucao francesa|french revolution|juros compostos|compound interest|media ponderada|weighted average|confidence interval|intervalo de confianca|standard deviation|desvio padrao|chi[- ]squared?|qui[- ]quadrado|teste t de student|t-test|anova|p-?value|valor-?p|null hypothesis|hipotese nula)\b`,
  // A book to read, the other subjects' topics (threads and processes, recursion, how to do it in CSS), the best way to
  // study, the abstract of a thesis, a keyboard to buy, and a place to eat near the campus however it is asked.
  String.raw`\b(indica|indicar|indique|recomenda|recomendar|recomende|recommend|suggest|sugere|sugerir) (\w+ ){0,3}(livros?|books?)\b`, String.raw`\blivros? (bom|boa|bons|boas) (de|pra|para|sobre)\b`, String.raw`\b(good|best) books? (on|about|for|to learn)\b`,
  String.raw`\b(threads? (e|and|vs|x|ou|or) (processos?|process|processes)|(processos?|process|processes) (e|and|vs|x|ou|or) threads?)\b`,
  // The programming language itself, which the course assumes: its errors and loops, a script's `if __name__ ==
  // "__main__"`, compiled or interpreted, which one to learn first, TypeScript's type aliases, an editor's extensions.
  String.raw`\b(indexerror|indentationerror|syntaxerror|zerodivisionerror|nonetype|not subscriptable)\b`, String.raw`\b__(name|main)__\b`,
  String.raw`\b(compiled|interpreted|compilada|interpretada) (language|linguagem)\b`, String.raw`\blinguagem (compilada|interpretada)\b`,
  String.raw`\b(qual|which|what) (linguagem|language) (\w+ ){0,2}(aprender|learn|estudar|study)\b`,
  String.raw`\btype alias(es)?\b`, String.raw`\b(vs ?code|vscode) (extensions?|extensoes|plugins?)\b`,
  String.raw`\b(python|java|javascript|js) (for|while) loops?\b`, String.raw`\bmeu (for|while) (em|no) (python|java|javascript|js)\b`,
  String.raw`\b(recursion|recursao)\b`, String.raw`\b(centraliz\w*|center|centre|centering) (a |uma )?div\b`, String.raw`\bin (plain |pure )?css\b`, String.raw`\bmedia quer(y|ies)\b`,
  String.raw`\b(best|melhor) (way|jeito|forma|maneira) (to|de|pra|para) (study|estudar|revise|revisar)\b`,
  String.raw`\b(resumo|abstract) (do|da|of) (meu |minha |my |the |our |nosso )?(tcc|thesis|monografia|dissertacao|dissertation)\b`,
  // Writing a report's introduction or conclusion, and a runner's time for a race ("my 5k time"): the student's other work and life.
  String.raw`\b(write|writing|escrever|escrevo|redigir) (\w+ ){0,2}(introduction|introducao|conclusion|conclusao) (of|to|for|do|da|pra|para) (my|our|meu|minha|nosso|nossa|the|o|a) (\w+ )?(report|relatorio|tcc|thesis|capstone|paper|artigo|monografia)\b`,
  String.raw`\b\d+ ?k (time|race|run)\b`,
  String.raw`\b(mechanical keyboard|teclado mecanico)s?\b`,
  String.raw`\b(onde|where|qual|quais|which|any|algum|alguma|sabe|sabem|know|conhece|conhecem) (\w+ ){0,3}(restaurantes?|lanchonetes?|lugar|lugares|place|places) (\w+ ){0,4}(perto|near|close to|nearby|around) (d[oa] |the |o |a |my |our )?(campus|faculdade|facul|universidade|university|college|uni)\b`,
  String.raw`\b(pra|para|to) (almocar|jantar|comer|lunch|eat) (\w+ ){0,2}(perto|near|close to|nearby|around) (d[oa] |the |o |a |my |our )?(campus|faculdade|facul|universidade|university|college|uni)\b`,
  // Marking the class's projects, tips to study, a first language or framework and how long it takes, and the other
  // subjects' own matter: algorithms and their complexity, classes and inheritance, JavaScript's promises and arrow
  // functions, the order of an SQL query's clauses.
  String.raw`\b(grading|grade|corrigir|correcting) (\w+ ){0,2}(projects|assignments|trabalhos em grupo|projetos)\b`,
  String.raw`\b(dicas?|tips?) (\w+ ){0,2}(pra|para|to|for) (estudar|study|studying)\b`,
  String.raw`\b(as|como) (my|minha) (first|primeira) (programming )?(language|linguagem)\b`,
  String.raw`\bquanto tempo (\w+ ){0,4}(leva|demora) (pra|para) aprender\b`,
  String.raw`\b(merge ?sort|quick ?sort|bubble ?sort|big[- ]o notation|o\(n( log n)?\))`,
  String.raw`\b(classe (pai|filha|mae|abstrata)|parent class|child class|subclass\w*|heranca|inheritance|polimorfismo|polymorphism)\b`,
  String.raw`\basync ?/? ?await\b|\b(js|javascript) promises?\b|\bpromises? (in|em|do|no) (js|javascript)\b|\barrow functions?\b`,
  String.raw`\b(select|from|where|group by|having|order by)(,? (select|from|where|group by|having|order by)){2,}\b`,
  String.raw`\bwhere (e|and|x|vs|ou|or) having\b|\bhaving (e|and|x|vs|ou|or) where\b`,
  // A loop written in another course's language, a function's definition in Python, a chart drawn from a spreadsheet.
  String.raw`\b(laco|loop)s? ([(]?\w+[)]? ){0,2}(em|in) (c|c\+\+|java|python)\b`, String.raw`\bdef \w+ ?\(`,
  String.raw`\b(python|matplotlib|pandas|excel|planilha|spreadsheet)\b (\w+ ){0,10}((bar|pie) (charts?|graphs?)|graficos? de (barras|pizza))\b`,
  // The degree's other subjects (the humanities' homework, UML diagrams) and a pet's name.
  String.raw`\b(trabalho|prova|aula|homework|essay|assignment|class|aulas|seminario) (de|of|for|pra|para) (historia|geografia|filosofia|sociologia|quimica|fisica|literatura|history|geography|philosophy|sociology|chemistry|physics|literature)\b`,
  String.raw`\brevolucao industrial\b|\bindustrial revolution\b`,
  // Statistics' and physics' homework, and the operating systems course's processes and threads.
  String.raw`\b(box ?plots?|boxplots?|free[- ]body diagrams?|diagramas? de corpo livre)\b`,
  // The operating systems course's deadlock conditions, and slicing a Python list.
  String.raw`\b(condicoes|conditions) (\w+ ){0,3}(de |for |of |pra |para )?(um |a )?deadlock\b|\bdeadlocks? (\w+ ){0,5}(condicoes|conditions)\b`,
  String.raw`\bpython (list |string |lista )?slic\w*\b|\bslicing (in|em|do|no) python\b`,
  String.raw`\b(difference between|diferenca entre) (a |an |um |uma )?(process|processo) (and|e) (a |an |um |uma )?thread\b`,
  // (A sequence diagram of a deploy or of a task stopping is drawn of the cloud; UML's notation for it is the other subject's.)
  String.raw`\b(diagramas? de (classes|casos de uso)|(class|use case) diagrams?|uml)\b`,
  // A name for the student's pet or for their project ("me ajuda a escolher um nome pro app do hackathon").
  String.raw`\b(name|nome) (for|pro|pra|para o|para a) (my |meu |minha )?(new |novo |nova )?(cat|dog|pet|kitten|puppy|gato|gata|cachorro|cachorra|gatinho|gatinha)\b`,
  String.raw`\b(escolher|escolhe|choose|pick|picking|sugerir|sugere|suggest|ideias? de|ideas? for) (um |uma |a |an )?(bom |boa |good |cool |legal )?(nome|name)s? (pro|pra|para|for|do|da|of) (o |a |my |our |meu |minha |nosso |nossa |the )?(\w+ )?(app|aplicativo|projeto|project|startup|time|team|grupo|group|bot|site|empresa|company)\b`,
  // Sleep before an exam, a professor's rules on chatbots, the database course's ER model, the networks course's delays,
  // juggling the semester's subjects, and how fast the assistant itself answers.
  String.raw`\b(hours of sleep|horas de sono)\b`, String.raw`\b(professor|prof|teacher)\w* (hates?|odeia|proibe|bans?|doesn'?t let|nao deixa)\b`,
  String.raw`\b(modelo (er|entidade[- ]relacionamento)|entidades? fracas?|weak entit(y|ies)|er (model|diagram)s?)\b`,
  String.raw`\batraso de (propagacao|transmissao)\b|\b(propagation|transmission) delay\b`,
  String.raw`\b(dar conta de|handle|juggle|juggling) \d+ (materias|disciplinas|classes|courses|subjects)\b`, String.raw`\bcomo (me )?organizar (\w+ ){0,2}(semestre|estudos|rotina)\b`,
  String.raw`\bhow long do you (usually )?take to (answer|reply|respond)\b`,
  // Small talk with the assistant itself, a laptop to buy, whether the student is ready for an interview (the numbers
  // they want ready for one are the notes'), and an accountant for a family business (one who asks is only saying who they are).
  String.raw`\b(how is|hows|how s) your day\b`, String.raw`\bdo you (ever )?get tired\b`,
  String.raw`\b(laptop|notebook)s? (would you|do you|should i|you'?d) (recommend|buy|get)\b`, String.raw`\b(recommend|recomenda\w*|indica\w*) (a |an |um |uma )?(laptop|notebook)\b`,
  String.raw`\b(am i|i'?m|im|i am|to|tou|estou|sou) (ready|pront[oa]|preparad[oa]) (for|pra|para) (an? |the |my |a |uma )?(internship |job |tech )?(interview|entrevista)\b`,
  String.raw`\b(need|hire|hiring|find|get) (an? |our |my )?accountants?\b|\baccountants? or\b`
].join('|'))

/**
 * The certifications of a cloud vendor or of Kubernetes ("AWS Solutions Architect Associate", "Cloud
 * Practitioner", "AZ-900", "CKA"): which one to take, and whether it is worth it, is a question of careers the
 * notes do not treat, whatever cloud words come with it. A provider's audit certifications (ISO, SOC) are not
 * among them: what AWS certifies of its own data centres is shared responsibility.
 */
const CERTIFICATION = /\b(solutions? architect (associate|professional)|(aws )?cloud practitioner|sysops administrator|developer associate|devops engineer professional|az-?9\d\d|az-?[1-5]\d\d|ckad?|cks|certified kubernetes \w+|professional cloud architect|associate cloud engineer)\b/

// How "it" works or what "it" does, when the question names one thing the notes mention only in passing
// ("anyone used aws elastic disaster recovery? how does it replicate"): that thing is what is asked. So is how to
// build it, asked at the end with no object ("e o padrão saga pra transação entre microsserviços, como implementa?").
const ASKS_OF_IT = /\b(how|what) (does|do|did|can|could) (it|they)\b|\bcomo (ele|ela|eles|elas|isso) (funciona|funcionam|faz|fazem)\b|\bcomo (eu |a gente |se )?(implementa|implemento|implementar|configura|configuro|configurar)\W*$/

// Question words that ask how a thing works or what it does ("how does the saga pattern handle"), not where it belongs ("where does Cloud Run fit").
const HOW_IT_WORKS = /^(how|what|why)$/

// Whether to take a tool up ("should i install karpenter", "vale a pena usar o packer", "can we switch to
// nomad") or how to work it ("how do i use aws organizations…", "como configuro o X", "how do i enable GuardDuty",
// "how do i turn on X", "como ligo o X"): the question asks about the tool. Saying which tool the student uses ("we
// use vite to build…") only sets the scene.
const ADOPT_VERB = /^(use|install|adopt|try|switch|move|migrate|usar|instalar|adotar|testar|migrar|trocar|mudar)$/
const ADOPT_ASK = /^(should|shall|can|could|would|devo|devemos|deveria|deveriamos|posso|podemos|pena|compensa|vale|pra|para)$/
const HOW_TO_VERB = /^(use|install|configure|setup|deploy|run|implement|add|integrate|write|usar|uso|instalar|instalo|configurar|configuro|rodar|rodo|implementar|implemento|adicionar|adiciono|integrar|integro|escrever|escrevo|enable|activate|ativar|ativo|habilitar|habilito|ligar|ligo)$/

/** Whether the thing starting at `first` is what the question asks to take up or how to work. */
function adopting (words: readonly string[], first: number): boolean {
  let at = first - 1
  if (VENDOR.test(words[at] ?? '')) at--
  if (ANY_ARTICLE.test(words[at] ?? '') || /^(to|pra|para|pro)$/.test(words[at] ?? '')) at--
  const within = (test: (word: string) => boolean, verb: number): boolean => words.slice(Math.max(0, verb - 3), verb).some(test)
  const how = (word: string): boolean => word === 'how' || word === 'como'
  if (words[at] === 'up' && words[at - 1] === 'set') return within(how, at - 1)
  if (words[at] === 'on' && /^(turn|switch)$/.test(words[at - 1] ?? '')) return within(how, at - 1)
  // How to do something with a tool ("how do i connect vpcs from three accounts with transit gateway") asks how to work the tool.
  if (/^(with|using|via|usando)$/.test(words[at] ?? '') && words.slice(Math.max(0, at - 12), at).some(how)) return true
  // ...and so does how to set something up in it, in Portuguese ("como configuro as route tables no transit gateway").
  if (/^(no|na|nos|nas)$/.test(words[at] ?? '')) {
    const from = Math.max(0, at - 8)
    const asked = words.slice(from, at).lastIndexOf('como')
    if (asked >= 0 && words.slice(from + asked + 1, at).some(word => HOW_TO_VERB.test(word))) return true
  }
  if (HOW_TO_VERB.test(words[at] ?? '') && within(how, at)) return true
  if (ADOPT_VERB.test(words[at] ?? '') && within(word => ADOPT_ASK.test(word), at)) return true
  return switchingTo(words, first)
}

// Verbs whose "to" leads to where something goes ("upgrade to X", "deploy it to X"), not to an infinitive.
const TOWARDS_VERB = /^(go|goes|going|went|gone|switched|migrated|moved|add|adds|added|push|pushes|pushed|deploy|deploys|deployed|upgrade|upgraded|port|ported|send|sends|sent|point|points|pointed|connect|connected|compare|compared|similar|equivalent|next|due|up|back|from|according|close|access|attach|attached|listen|talk|write|writes|log|logs|stream|streams|ship|ships|export|exports|forward|forwards|redirect|redirects|route|routes)$/

// Relative pronouns: the word after one opens the clause that says what its noun does ("a lambda that transcodes videos").
const RELATIVE = /^(that|which|who)$/

// What one thing is swapped for ("trocar minhas ec2 por instancias graviton", "replace nginx with envoy",
// "switch our ec2s to graviton instances"): the thing taken up is what the question weighs.
const SWITCH_VERB = /^(switch|switching|swap|replace|replacing|migrate|migrating|move|moving|trocar|troco|substituir|substituo|migrar|migro|mudar|mudo)$/
const SWITCH_TO = /^(to|for|with|into|por|pelo|pela|pelos|pelas|pra|para|pro)$/

/** Whether the thing starting at `first` is what something is swapped for: a swap verb, what it swaps, then "to"/"por" and the thing (a plain noun may come before it: "por instancias graviton"). */
function switchingTo (words: readonly string[], first: number): boolean {
  let at = first - 1
  if (VENDOR.test(words[at] ?? '')) at--
  if (ANY_ARTICLE.test(words[at] ?? '')) at--
  if (!SWITCH_TO.test(words[at] ?? '')) {
    at--
    if (!SWITCH_TO.test(words[at] ?? '')) return false
  }
  return words.slice(Math.max(0, at - 4), at).some(word => SWITCH_VERB.test(word))
}

// Words that make a swap one the student weighs rather than one under way ("thinking about switching", "should we move",
// "the team wants to replace docker with podman").
const WEIGHING = /^(thinking|considering|should|worth|want|wants|pensando|cogitando|devo|devemos|vale|compensa|quer|querem|queremos)$/

/** Whether the thing starting at `first` is what a swap the student weighs would take up ("thinking about switching from docker to podman"). */
function weighingSwitch (words: readonly string[], first: number): boolean {
  if (!switchingTo(words, first)) return false
  const from = Math.max(0, first - 8)
  const verb = words.slice(from, first).findIndex(word => SWITCH_VERB.test(word))
  return verb >= 0 && words.slice(Math.max(0, from + verb - 3), from + verb).some(word => WEIGHING.test(word))
}

// How a quiz marks a statement to judge ("V ou F:", "true or false:", "t or f"), and how a student reports a claim they
// want checked ("o chatgpt disse q …", "a video said that …"), as their last words.
const TRUE_OR_FALSE = /(?:^| )(?:true or false|t or f|v ou f|verdadeiro ou falso|vdd ou falso|verdade ou falso|certo ou errado|(?:disse|falou|said|told me|claims|claimed) (?:que|q|that))$/

/**
 * Whether the thing starting at `first` opens a statement the student asks to judge ("V ou F: placement group do tipo
 * cluster coloca …", "t or f dynamodb global tables replicate …"): what the statement claims is said of it. The product
 * it belongs to, its vendor or an article may come between.
 */
function judgedStatement (words: readonly string[], first: number): boolean {
  for (let gap = 0; gap <= 2 && first - gap >= 0; gap++) {
    if (TRUE_OR_FALSE.test(words.slice(Math.max(0, first - gap - 5), first - gap).join(' '))) return true
  }
  return false
}

/** Whether the thing starting at `first` is what the question asks to define: "what is the saga pattern", "o que é o X", "whats (aws) X". */
function defining (words: readonly string[], first: number): boolean {
  let at = first - 1
  if (VENDOR.test(words[at] ?? '')) at--
  if (ANY_ARTICLE.test(words[at] ?? '')) at--
  if (words[at] === 'whats' || words[at] === "what's") return at === 0
  if (!/^(is|are|e|sao)$/.test(words[at] ?? '')) return false
  // At the start of the question: "what is X" asks what X is; "... and what is X for" is left to the rest.
  return (words[at - 1] === 'what' && at === 1) || (words[at - 1] === 'que' && (at === 1 || (at === 2 && words[0] === 'o'))) || (words[at - 1] === 'oq' && at === 1)
}

// Markers that set one thing against another with the preferred one first ("Pulumi over Terraform", "App
// Runner instead of ECS", "usar o nomad em vez do ecs").
const PREFERRED_TO = /^(over|instead|rather|vez|inves|lugar)$/
// The markers that set the preferred thing first however many words its name takes ("over" also says where or when).
const INSTEAD = /^(instead|rather)$/
// Auxiliaries that open a question with its subject after them ("how does pulumi store", "can karpenter pick").
const QUESTION_AUX = /^(does|do|did|can|could|will|would|should|is|are)$/
const WH_WORD = /^(how|what|why|when|where|which|who)$/

/**
 * Whether a word the notes lack, or a name they do not treat, is what the question asks about, whatever
 * else it says (askedAbout). Such a name is never the mere setting of a question (settingName): what the
 * student wants to know is about it. A name is looked for without its vendor ("AWS App Runner" where the
 * question also says "how does App Runner scale"). An unknown word elsewhere in the question ("which one
 * is easier to learn", "is it just a checkbox") is how the student phrases it.
 */
function asksAbout (raw: string, unknown: readonly string[], names: readonly string[] = []): boolean {
  return anyWhere(raw, unknown, names, askedAbout)
}

// The student's own doing in the past: what they switched on, installed or set up.
const SWITCHED_ON = /^(ativei|habilitei|liguei|instalei|configurei|enabled|installed|configured)$/

/**
 * A word the notes lack that the student says they switched on, installed or set up ("ativei dnssec no route 53 e o
 * dominio parou de resolver", "enabled X and now …"): that is what the question is about, however well the rest matches.
 */
function switchedOn (words: readonly string[], first: number): boolean {
  let before = first - 1
  if (ANY_ARTICLE.test(words[before] ?? '')) before--
  return SWITCHED_ON.test(words[before] ?? '') || (words[before] === 'on' && /^(turned|switched)$/.test(words[before - 1] ?? ''))
}

// A classmate who proposes a tool ("friend insists we need istio", "teammate wants to swap sqs for kafka", "meu colega quer
// subir no vercel"): what they propose is what the question weighs, whoever the student thinks is right.
const PROPOSES = /^(wants|insists|suggests|proposes|quer|queria|insiste|sugere|sugeriu|propoe|propos)$/
const PROPOSER = /^(teammate|teammates|friend|friends|colleague|coworker|partner|colega|colegas|amigo|amiga|dupla|parceiro|parceira)$/

/** Whether the word at `first` comes in what a classmate proposes: within ten words after "teammate wants", "meu colega quer". */
function proposedByClassmate (words: readonly string[], first: number): boolean {
  for (let i = Math.max(1, first - 10); i < first; i++) if (PROPOSES.test(words[i]) && PROPOSER.test(words[i - 1])) return true
  return false
}

// A classmate's claim the student disputes ("my friend says athena can run sql on csv files …, who's right?", "meu colega diz q o
// cdk …"): what the claim opens with, or what it says is needed ("my teammate says we need a bastion host"), is what the
// argument is about. A word further into the claim is how it is put ("… says structured logging is busywork").
const CLAIMS = /^(says|said|thinks|swears|claims|argues|insists|reckons|diz|disse|falou|fala|acha|jura|garante|afirma)$/
const CLAIMANT = /^(teammate|friend|classmate|colleague|partner|buddy|colega|amigo|amiga|parceiro|parceira)$/
const CLAIM_OPENER = /^(that|que|q|the|a|an|o|os|as|um|uma|in|with|using|no|na|com|aws|amazon)$/
const NEEDED = /^(need|needs|require|requires|precisa|precisamos|use|usar)$/

/** Whether the word at `first` opens a classmate's claim ("my friend says [that] X"), or is what the claim says is needed. */
function claimedByClassmate (words: readonly string[], first: number): boolean {
  for (let i = Math.max(1, first - 10); i < first; i++) {
    if (!CLAIMS.test(words[i]) || !CLAIMANT.test(words[i - 1])) continue
    let at = i + 1
    while (at < first && CLAIM_OPENER.test(words[at])) at++
    if (at === first) return true
    const before = ANY_ARTICLE.test(words[first - 1] ?? '') ? first - 2 : first - 1
    if (before > i && NEEDED.test(words[before] ?? '')) return true
  }
  return false
}

// What an example is asked of ("example jenkinsfile for …", "me da um exemplo de alerta do guardduty", "example of how
// karpenter picks …"): a thing the notes lack there is what the student wants shown, not the setting of the question.
const EXAMPLE = /^(example|examples|exemplo|exemplos)$/

// "the example", "no exemplo": one the student already has (the notes' own), not one asked for.
const GIVEN_EXAMPLE = /^(the|this|that|do|no|o|esse|nesse|neste|desse|deste)$/
// A domain written with the word ("_x9y8.exemplo.com.br") names an address, not an example.
const EXAMPLE_DOMAIN = /\b(?:example|exemplo)\.[a-z]/gi

/** Whether the word at `first` comes within the four words after an example asked for ("example", "um exemplo de"). */
function exampleAsked (words: readonly string[], first: number): boolean {
  for (let i = Math.max(0, first - 4); i < first; i++) if (EXAMPLE.test(words[i]) && !GIVEN_EXAMPLE.test(words[i - 1] ?? '')) return true
  return false
}

/** Whether one of the words or names stands in the question where `test` says so (given its first and last word's index). */
function anyWhere (raw: string, unknown: readonly string[], names: readonly string[], test: (words: readonly string[], first: number, last: number) => boolean): boolean {
  if (anyWhereIn(raw, unknown, names, test)) return true
  // A question asked again after a comma or a question mark opens its own clause ("graphql on aws, is appsync the only one?"),
  // where a word no note contains may be its subject. (A name of the field written there is mostly what the student expects
  // a service to do: "…, can aws clean up the old images automatically".)
  const clauses = raw.split(CLAUSE_BREAK)
  return unknown.length > 0 && clauses.length > 1 && clauses.some(clause => WH_OR_AUX.test(tokenize(foldText(clause))[0] ?? '') && anyWhereIn(clause, unknown, [], test))
}

const WH_OR_AUX = new RegExp(`${QUESTION_AUX.source}|${WH_WORD.source}`)

function anyWhereIn (raw: string, unknown: readonly string[], names: readonly string[], test: (words: readonly string[], first: number, last: number) => boolean): boolean {
  const words = tokenize(foldText(raw))
  // The words as typed, for their capitals: read only when a name stands after another word.
  let typed: string[] | undefined
  const spans = [...unknown.map(word => [foldText(word)]), ...names.map(name => tokenize(foldText(name)).filter(word => !VENDOR.test(word)))]
  for (const span of spans) {
    if (span.length === 0) continue
    for (let i = 0; i + span.length <= words.length; i++) {
      // A name's last word in the singular or the plural is the same name ("a warm pool" of "Warm Pools").
      if (!span.every((word, k) => words[i + k] === word || (k === span.length - 1 && k > 0 && (words[i + k] + 's' === word || words[i + k] === word + 's')))) continue
      if (test(words, i, i + span.length - 1)) return true
      // A name may follow the product it belongs to ("as DynamoDB Global Tables", "set up S3 Batch Operations"):
      // written as a name itself (a capital inside it, or a digit), it is read as part of the name.
      if (i === 0) continue
      typed ??= tokenize(raw)
      if (typed.length === words.length && /\d|.\p{Lu}/u.test(typed[i - 1]) && test(words, i - 1, i + span.length - 1)) return true
    }
  }
  return false
}

/** A Portuguese verb and the pronoun written after it with a hyphen ("explicar-me", "usa-se"). */
const ENCLITIC = /^(\p{L}{2,})-(?:me|te|se|lhe|lhes|nos|vos|lo|la|los|las)$/u

/**
 * Whether an unknown word of the question is everyday language of the question's own language (see
 * isEverydayWord) rather than a name: not capitalised inside the sentence, not after a vendor
 * ("AWS Shield", "amazon neptune"). English words in a Portuguese question are technical terms
 * and names far more often than phrasing, so only the Portuguese list speaks for them.
 */
function everyday (base: KnowledgeBase, raw: string, typed: string, lang: Lang, first: boolean): boolean {
  const folded = foldText(typed)
  // "explicar-me", "perdem-se", "fazê-lo": a verb with its pronoun after a hyphen, as European Portuguese writes it and
  // formal Brazilian Portuguese too, is that verb (an infinitive drops its "r" before "-lo").
  const enclitic = lang === 'pt' ? ENCLITIC.exec(typed) : null
  if (enclitic !== null) return everyday(base, raw, enclitic[1], lang, first) || everyday(base, raw, `${enclitic[1]}r`, lang, first)
  // A browser is written with its capital ("Who decides whether Chrome trusts a certificate?") and is still where the student looks.
  if (isBrowserName(folded)) return true
  // So is the phone's mobile network ("o celular no 4g abre o site novo").
  if (/^[2-5]g$/.test(folded)) return true
  if (/\d/.test(typed) || /\p{Lu}/u.test(typed.slice(1)) || (!first && /^\p{Lu}/u.test(typed))) return false
  const words = tokenize(foldText(raw))
  // Right after a vendor, a word names a service ("AWS Shield"); right after a service, a feature of
  // it when the two are a name of the field ("ECS Anywhere", "DynamoDB Streams"; field-names.ts).
  // Otherwise an everyday word after a service is how the student says it ("ec2 boxes", "which sqs flavor"),
  // and so is a verb whose subject the vendor is ("before aws reclaims one").
  if (words.some((word, i) => word === folded && i > 0 && ((VENDOR.test(words[i - 1]) && !verbOfVendor(words, i) && !KIND_OF_THING.test(word)) || isFieldName(`${words[i - 1]} ${word}`)))) return false
  // Between an infinitive's "to" and its object ("need to transcode a video", "how to dedupe the rows", "to resize 40 images") a word is a
  // verb; after a verb of going somewhere, "to" leads to a place or a product ("switch to Pulumi", "add it to Jenkins").
  if (lang === 'en' && words.some((word, i) => word === folded && i > 1 && words[i - 1] === 'to' && (OBJECT_AFTER_VERB.test(words[i + 1] ?? '') || /^\d/.test(words[i + 1] ?? '')) &&
    !SWITCH_VERB.test(words[i - 2]) && !TOWARDS_VERB.test(words[i - 2]) && !OBJECT_AFTER_VERB.test(words[i - 2]))) return true
  // After "that", "which" or "who", a word in lower case ending in -s is the relative clause's verb ("a lambda that transcodes videos").
  if (lang === 'en' && typed === folded && /[^s]s$/.test(folded) && words.some((word, i) => word === folded && i > 0 && RELATIVE.test(words[i - 1]))) return true
  // A programmer's everyday word ("crashloop", "stacktrace") is phrasing in a Portuguese sentence as in an English one.
  if (lang === 'pt' && isDeveloperWord(folded)) return true
  if (!isEverydayWord(folded, lang)) return false
  // The capital of the question's first word is the sentence's, not a name's ("Abri a porta 22 …").
  if (lang !== 'pt' || portugueseShaped(first ? typed.charAt(0).toLowerCase() + typed.slice(1) : typed)) return true
  // A word spelled as Portuguese words are not that is frequent in Portuguese text but not in
  // English is a proper name the Portuguese list picked up ("jenkins", "facebook"): the English
  // words Portuguese borrows ("show", "site", "backup") are frequent in both.
  if (!isEverydayWord(folded, 'en')) return false
  // Otherwise it is a borrowed name whenever the sentence introduces it as one ("no proxy", "o app").
  return !namesAService(raw, [typed]) && !afterArticle(raw, typed)
}

/** Hexadecimal digits, two letters and two figures at least: a hash or an id, never a word. */
const HEX_HASH = /^(?=(?:[a-f]*\d){2})(?=(?:\d*[a-f]){2})[0-9a-f]{4,}$/

// An identifier of an API, a template or a program: snake case in lower case ("top_p", "stop_sequences") or a
// CloudFormation function ("Fn::GetAtt").
const IDENTIFIER = /(?<![\p{L}\p{N}_.:/-])(?:[a-z][a-z0-9]*(?:_[a-z0-9]+)+|Fn::[A-Za-z]+)(?![\p{L}\p{N}_.:/-])/gu
const WRITTEN_IDENTIFIERS = new WeakMap<KnowledgeBase['index'], Set<string>>()
// A method a program calls, named by what it does ("put_item", "create_bucket", "send_message").
const PROGRAM_CALL = /^(put|get|create|delete|list|update|describe|send|receive|invoke|run|start|stop|read|write|load|save|upload|download|fetch|set|add|remove)_/

/** The identifiers the notes write anywhere (their text, code and attached questions), folded. */
function writtenIdentifiers (base: KnowledgeBase): Set<string> {
  return builtOnce(WRITTEN_IDENTIFIERS, base, () => new Set(base.index.passages.flatMap(passage => [passage.text, ...passage.questions])
    .flatMap(text => [...text.toLowerCase().matchAll(/[a-z][a-z0-9]*(?:_[a-z0-9]+)+|fn::[a-z]+/g)].map(match => match[0]))))
}

/**
 * Words of the question that carry meaning and that no note contains in any form. A mistyped or
 * shortened form counts as known only by the analyser of the question's language.
 */
export function unknownWords (base: KnowledgeBase, raw: string, lang: Lang = 'pt'): string[] {
  const out: string[] = []
  // An identifier the notes never write ("top_p", "Fn::GetAtt") is a setting or a syntax they do not explain, whatever
  // its parts ("top", "get") mean on their own. What the student pasted or quoted (their code, their cache key) and a
  // method their program calls ("put_item") are their own program's, not what they ask about.
  const ownText = withoutBracedBlocks(raw.replace(/```[\s\S]*?```/g, ' ')).replace(/`[^`\n]*`|(?<![\p{L}\p{N}])'[^'\n]+'(?![\p{L}\p{N}])|"[^"\n]*"|“[^”\n]*”/gu, ' ')
  for (const match of ownText.matchAll(IDENTIFIER)) {
    if (!writtenIdentifiers(base).has(match[0].toLowerCase()) && !PROGRAM_CALL.test(match[0]) && !out.includes(match[0])) out.push(match[0])
  }
  const other: Lang = lang === 'pt' ? 'en' : 'pt'
  // Beside a zone written in full ("sa-east-1a"), "1b" is the other zone of the same region; so are two of them side by
  // side ("the volume from the instance in 1a to the replacement in 1b").
  const zoneNamed = ZONE_ID.test(foldText(raw)) || new Set(tokenize(foldText(raw)).filter(word => ZONE_SUFFIX.test(word))).size >= 2
  const addressed = typedAddressWords(raw)
  const compared = comparisonWords(raw, lang)
  let before = ''
  for (const [index, token] of tokenize(raw).entries()) {
    const folded = foldText(token)
    const previous = before
    before = folded
    if (addressed.has(folded) || compared.has(folded)) continue
    // Two characters are a name only after a vendor ("Amazon MQ") or when they mix a letter and a
    // digit ("k6"); otherwise they are mostly a student's shorthand.
    const short = folded.length === 2 && (VENDOR.test(previous) || (/\d/.test(folded) && /[a-z]/.test(folded)))
    // A number with its unit ("512mb", "200ms", "50tb") is a quantity, not a name.
    if (QUANTITY.test(folded)) continue
    // So is a number and its unit written apart ("a cada 30 seg", "every 5 secs").
    if (/^\d+(?:[.,]\d+)?$/.test(previous) && /^(?:segs?|secs?|mins?|hrs?|ms)$/.test(folded)) continue
    if (zoneNamed && ZONE_SUFFIX.test(folded)) continue
    // A content hash in a file's name ("main.8c2e.js") or a commit's short id, and the number of a question in an
    // assignment ("q2"), name nothing.
    if (HEX_HASH.test(folded) || /^q\d{1,2}$/.test(folded)) continue
    // "task def": a task definition as students shorten it.
    if (folded === 'def' && previous === 'task') continue
    // "factor III", "pilar IV": a numbered item written in Roman numerals is a number.
    if (/^(i{1,3}|iv|vi{0,3}|ix|xi{0,2})$/.test(folded) && /^(factors?|fator(es)?|pillars?|pilar(es)?|steps?|passos?|phases?|fases?|parts?|partes?|items?|itens|chapters?|capitulos?|modules?|modulos?)$/.test(previous)) continue
    if ((folded.length < 3 && !short) || /^\d+$/.test(folded) || isAbbreviation(folded) || isFiller(folded)) continue
    if (analyzerFor('pt').isStopWord(folded) || analyzerFor('en').isStopWord(folded)) continue
    const own = analyzerFor(lang).terms(token)
    const foreign = analyzerFor(other).terms(token)
    if (own.length === 0 && foreign.length === 0) continue
    // A capitalised word inside the sentence is a name as the student spells it ("o Packer"): a name
    // the notes lack is no typo of a word they have ("packet"), so only its exact form counts.
    // A dictionary word that names a product ("with packer") is spelled right: no typo of a word of theirs either.
    const named = (index > 0 && /^\p{Lu}\p{Ll}+$/u.test(token)) || isProductWord(folded)
    // A Portuguese typo keeps a Portuguese spelling: a word spelled as Portuguese words are not ("athena") is
    // no slip of a Portuguese word of the notes ("atende").
    const foreignSpelling = lang === 'pt' && !portugueseShaped(folded)
    if (own.some(term => base.index.knows(term, named || foreignSpelling)) || foreign.some(term => base.index.knows(term, true))) continue
    // "cacheable", "deployable": what can be done with a thing the notes name is no name of its own.
    if (folded.length >= 8 && folded.endsWith('able') && [folded.slice(0, -4), `${folded.slice(0, -4)}e`].some(stem => analyzerFor('en').terms(stem).some(term => base.index.knows(term, true)))) continue
    // A Portuguese diminutive ("o cadeadinho do navegador") is the word it is made from.
    if (lang === 'pt' && token === token.toLowerCase() && diminutiveOf(folded).some(word => analyzerFor('pt').terms(word).some(term => base.index.knows(term, true)))) continue
    // A plural the analyser keeps whole ("ec2s", "s3s") is the name the notes write in the singular.
    if (/\ds$/.test(folded) && analyzerFor(lang).terms(folded.slice(0, -1)).some(term => base.index.knows(term, true))) continue
    if (!out.includes(token)) out.push(token)
  }
  // "acm ou acn sei la", "lcu or lbu or something": of two spellings a student half remembers, the one the notes write is
  // the one they mean, and the other names nothing.
  const hesitant = hesitantSpellings(raw)
  return out.filter(token => {
    const partner = hesitant.get(foldText(token))
    return partner === undefined || out.some(other => foldText(other) === partner)
  })
}

/** Two words joined by "ou"/"or", each perhaps with a number, then the student's doubt (see hesitantSpellings). */
const HESITANT_PAIR = /\b([a-z][a-z0-9]+)(?: \d+)? (?:ou|or) ([a-z][a-z0-9]+)(?: \d+)?,? (?:sei la|sla|nao lembro|nao sei|acho|i think|or something|or whatever|idk|not sure|i forget)\b/g

/**
 * Two spellings a student offers for one name they half remember, joined by "ou"/"or" and followed by their doubt ("acm
 * ou acn sei la", "wsl 2 ou wls sei la", "lcu or lbu or something"), each mapped to the other.
 */
function hesitantSpellings (raw: string): Map<string, string> {
  const out = new Map<string, string>()
  for (const match of foldText(raw).matchAll(HESITANT_PAIR)) {
    out.set(match[1], match[2])
    out.set(match[2], match[1])
  }
  return out
}


const ENGLISH_TEXT = new WeakMap<KnowledgeBase['index'], string>()

/** Whether the English notes write these folded words side by side, as typed or with a plural "s" ("read replicas"). */
function writtenInEnglish (base: KnowledgeBase, words: readonly string[]): boolean {
  let text = ENGLISH_TEXT.get(base.index)
  if (text === undefined) {
    text = base.index.passages.filter(p => p.lang === 'en').map(p => tokenize(foldText(`${p.heading} . ${p.keywords.join(' , ')} . ${p.text}`)).join(' ')).join(' \n ')
    ENGLISH_TEXT.set(base.index, text)
  }
  return new RegExp(`(?:^| )${words.join(' ')}(?:e?s)?(?= |$)`, 'm').test(text)
}

// Each note's terms (every field, both analysers' forms are in the note's own language) and each
// term's pairs with the next term, built at the first coverage check and kept per index.
interface NoteTerms { byPath: Map<string, Set<string>>, topics: Map<string, Set<string>>, pairs: Set<string>, named: Set<string> }
const NOTE_TERMS = new WeakMap<KnowledgeBase['index'], NoteTerms>()

function noteTerms (base: KnowledgeBase): NoteTerms {
  let out = NOTE_TERMS.get(base.index)
  if (out !== undefined) return out
  out = { byPath: new Map(), topics: new Map(), pairs: new Set(), named: new Set() }
  for (const passage of base.index.passages) {
    const analyzer = analyzerFor(passage.lang)
    const terms = out.byPath.get(passage.path) ?? new Set<string>()
    out.byPath.set(passage.path, terms)
    const { text, code } = splitCode(passage.text, prose => analyzer.analyze(prose))
    const fields = [analyzer.analyze(passage.title), analyzer.analyze(passage.keywords.join(' , ')), analyzer.analyze(passage.heading), text, code]
    for (const field of fields.slice(0, 3)) for (const term of field) out.named.add(term)
    for (const field of fields) {
      field.forEach((term, i) => {
        terms.add(term)
        let topics = out!.topics.get(term)
        if (topics === undefined) out!.topics.set(term, topics = new Set())
        topics.add(passage.topic)
        if (i > 0) out!.pairs.add(`${field[i - 1]} ${term}`)
      })
    }
  }
  NOTE_TERMS.set(base.index, out)
  return out
}

// A command line typed for a CLI, with its options ("aws cloudwatch put-metric-alarm --namespace AWS/Billing --region
// sa-east-1"), or an AWS CLI action without them, named by its verb ("aws sts get-caller-identity"): the student's command,
// whose words name no service beyond the ones the question names elsewhere.
const CLI_COMMAND = /\b(?:aws|kubectl|docker|terraform|gcloud|az|helm|eksctl|sam|cdk|git|npm)\s+[a-z0-9][\w-]*(?:\s+[a-z0-9][\w-]*)?(?:\s+--?[a-z][\w-]*(?:[ =](?!-)\S+)?)+|\baws\s+[a-z0-9][\w-]*\s+(?:get|put|list|describe|create|delete|update|start|stop|run|invoke|send|receive|attach|detach|tag|untag|add|remove|set|enable|disable|register|deregister|modify|associate|disassociate|copy|restore|publish|subscribe|wait|assume|decode|upload|download|terminate|reboot|authorize|revoke)(?:-[a-z0-9]+)+\b/gi

// An error's name as a program prints it (spelled out by then: "resource initialization error", up to three words) or
// the student's "erro" and where ("erro no actions"), a colon or an ellipsis, and the message up to the end of the
// sentence, across the ellipses a student cuts it with ("CannotPullContainerError ... dial tcp i/o timeout").
const PRINTED_ERROR = /(?:(?:\b[a-z]+ ){0,3}\b[a-z]*(?:error|exception)|\berro(?: (?:no|na|do|da|de) [\w-]+)?)(?::|\s*(?:\.{3}|…))(?:[^.!?\n]|\.{2,}|…)*/gi

/** The text without the command lines, printed messages and container states the student pasted (CLI_COMMAND, PRINTED_ERROR, SPELLED_CONTAINER_STATE): what they typed or saw names no product. */
function withoutPrinted (text: string): string {
  return text.replace(CLI_COMMAND, ';').replace(PRINTED_ERROR, ';').replace(SPELLED_CONTAINER_STATE, ';')
}

// English adjectives a Portuguese question puts after the thing they describe ("a NACL custom", "a vpc default", "a task spot",
// "task windows").
const ADJECTIVE_AFTER = /^(custom|default|public|private|managed|standard|dedicated|shared|spot|stateless|stateful|serverless|windows|linux)$/

/** How a thing comes, not what it is called: "aws built in metrics" (built-in ones) names no "AWS Built". */
const MADE_HOW = /^(built|builtin)$/

/** How many, not what: "a team of 4 with a couple services" names no "couple services", "multiple origins" no "Multiple Origins". */
const QUANTIFIER = /^(couple|few|several|bunch|dozen|handful|multiple|many|various|numerous|varios|varias|multiplos|multiplas|diversos|diversas)$/

// Verbs in the third person that no name ends with ("aws complains", "the console says", "my teammate insists"): what
// a thing or a person does, which ends the words before it. Forms that are also plural nouns ("blocks", "charges",
// "releases", "shows") are left out.
const TELLING_VERB = /^(says|gives|keeps|tells|lets|allows|expects|requires|handles|does|decides|considers|makes|provides|protects|spins|chooses|recommends|guarantees|promises|suggests|warns|generates|notifies|predicts|publishes|creates|complains|insists|thinks|wants)$/

/** Who a vendor's name qualifies rather than names: its customers, its staff. */
const VENDOR_PEOPLE = /^(customer|customers|cliente|clientes|employee|employees|staff|engineer|engineers|engenheiros|funcionarios|partner|partners|parceiros)$/
/** What befalls a vendor or what it hands out, which no service of it is called: "the aws outage", "aws credits", "the aws docs". */
const VENDOR_HAS = /^(outage|outages|credits|docs|documentation)$/

/** Kinds of thing whose name a Portuguese sentence writes after them: "o header X" is the header called X. */
const INSTANCE_KIND = /^(header|headers|bucket|buckets|branch|branches|tag|tags|label|labels|role|roles|policy|policies|table|tables|tabela|tabelas|field|fields|campo|campos|queue|queues|topic|topics|variavel|variaveis|env|envs|endpoint|endpoints|secret|secrets)$/

/** A word used by at most this many topics of the notes is specific enough to name what a question is about. */
const RARE_TOPICS = 2

/**
 * Names in the question that the answering note does not treat although other notes use their words:
 * "transit gateway" (the notes say "in transit" and "NAT gateway"), "app runner" (GitHub Actions
 * runners), "o aws cognito" answered by the registry note. A name is a run of two or more content
 * words, or the words right after "aws", "amazon", "com", "no", "using" and the like; it is not
 * treated when its words never stand together in the notes and one of them, used by few topics,
 * is missing from the note that would answer.
 */
export function untreatedNames (base: KnowledgeBase, raw: string, leadPath: string, lang: Lang, leadSection: ReadonlySet<string> = new Set()): string[] {
  const { byPath, topics, pairs, named: topicWords } = noteTerms(base)
  const lead = byPath.get(leadPath) ?? new Set<string>()
  const analyzer = analyzerFor(lang)
  // A name never runs across a comma or a full stop ("na aws, separado por serviço"): each clause is read apart.
  const typed: string[] = []
  const clauseStarts = new Set<number>()
  // Words a number follows ("ISO 27001", "SOC 2"): a standard or a version, by the index of the word in `typed`.
  const numbered = new Set<number>()
  // "AWS's ISO reports": a vendor's possessive says what the vendor has, never which of its services; it ends the vendor's phrase.
  // A message a program printed after its error's name ("ResourceInitializationError: unable to pull secrets or
  // registry auth") is what the student saw, not a name they wrote, and a command line is what they typed: both are
  // left out, as a quoted message is.
  // An address the student typed (TYPED_ADDRESS) is their own naming: no name is read from it.
  for (const clause of withoutPrinted(raw).replace(TYPED_ADDRESS, (_, address: string) => ` ${queryKeys(address)} `).replace(VENDOR_POSSESSIVE, '$1;').split(CLAUSE_BREAK)) {
    clauseStarts.add(typed.length)
    for (const token of tokenize(clause)) {
      if (!/^\d+$/.test(token)) typed.push(token)
      else if (typed.length > 0 && !clauseStarts.has(typed.length)) numbered.add(typed.length - 1)
    }
  }
  const words = typed.map(w => foldText(w))
  const quoted = quotedTerms(raw)
  // A vendor's name introduces the name of its service ("aws app runner") and is no part of it;
  // a preposition opens a phrase, never a name ("deploy to aws without pasting keys"); a quoted
  // file or call ("o console.log") is code, and a quoted message is what the student saw.
  // A shorthand the reader spells out ("acm cert", "before it hits prod") stands for words the notes use: no
  // name. A word the reader only adds synonyms to ("app") is itself a word, and may start one ("App Runner").
  const shorthand = (w: string): boolean => isAbbreviation(w) && !expandAbbreviations(w).split(' ').includes(w)
  // An everyday phrase for one of the notes' terms ("bare domain" for the zone apex) is that term.
  const phrased = phraseWords(foldText(raw))
  // An API's action, a currency or a failed state as the student typed it ("PutItem", "OOMKilled") names no product.
  const noProduct = new Set(tokenize(raw).filter(spelledAsNoProduct).map(token => foldText(token)))
  // What a program printed, pasted between backticks ("`Task timed out after 900.00 seconds`"), names nothing asked about.
  const printed = printedMessageWords(raw)
  // A credential the student writes out ("AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI…") is their data (see assignedValues).
  const assigned = assignedValues(raw)
  const content = (w: string): boolean => w.length >= 3 && w !== 'def' && !isFiller(w) && !QUANTIFIER.test(w) && !MADE_HOW.test(w) && !TELLING_VERB.test(w) && !shorthand(w) && !phrased.has(w) && !VENDOR.test(w) && !PREPOSITION.test(w) && !quoted.has(w) && !printed.has(w) && !assigned.has(w) && !isDeveloperWord(w) && !noProduct.has(w) &&
    !analyzerFor('pt').isStopWord(w) && !analyzerFor('en').isStopWord(w)
  const runs: Array<{ words: string[], typed: string[], named: boolean, vendor: string | null, start: number }> = []
  let run: string[] = []
  let start = 0
  let named = false
  let vendor: string | null = null
  let long = false
  const close = (): void => {
    // A longer run of plain words is a phrase of the question ("status http devolver"), not a name.
    if (named ? run.length >= 1 : run.length === 2 && !long) runs.push({ words: run, typed: typed.slice(start, start + run.length), named, vendor, start })
    run = []
    long = false
  }
  words.forEach((word, i) => {
    if (clauseStarts.has(i)) close()
    const before = i > 0 && !clauseStarts.has(i) ? words[i - 1] : ''
    if (content(word)) {
      if (run.length === 0) {
        // "my aws spend", "a conta da minha aws": after a possessive the vendor is the student's account, not a service's first name.
        const owned = VENDOR.test(before) && i > 1 && !clauseStarts.has(i - 1) && POSSESSIVE.test(words[i - 2])
        named = NAME_BEFORE.test(before) && !owned
        vendor = VENDOR.test(before) && !owned ? before : null
        start = i
      }
      if (run.length < 3) run.push(word)
      else long = true
    } else close()
  })
  close()
  const inLead = (term: string): boolean => lead.has(term) || [...lead].some(w => sameWord(term, w))
  const out: string[] = []
  for (const run of runs) {
    // In a Portuguese question, everyday Portuguese after the first word of a name ("com log velho
    // acumulando") is the sentence going on: services are named in English.
    // Words the notes write together stay together.
    const whole = run.words.map(w => analyzer.terms(w)[0])
    const written = whole.every(t => t !== undefined) && whole.slice(1).every((t, i) => pairs.has(`${whole[i]} ${t}`))
    const cut = lang === 'pt' && run.named && !written ? run.typed.findIndex((w, i) => i > 0 && !foreignToPortuguese(w)) : -1
    const name = cut > 0 ? { ...run, words: run.words.slice(0, cut), typed: run.typed.slice(0, cut) } : run
    const terms = name.words.map(w => analyzer.terms(w)[0]).filter((t): t is string => t !== undefined)
    if (terms.length !== name.words.length) continue
    // The notes name every AWS service they explain with its vendor ("AWS Lambda", "Amazon S3"):
    // "AWS Backup" or "Amazon Athena", written nowhere in them, is a service they do not explain,
    // however common its own word ("backup"). A verb after the vendor ("a AWS cobra") is no name.
    // (A word the notes lack altogether is already named among the unknown words.)
    // A word between a vendor and its object ("aws takes some", "a aws cobra o", "when amazon wants the
    // hardware back") is what the vendor does, whatever its form.
    const next = words[name.start + 1] ?? ''
    // "As the aws customer", "the amazon engineers": the vendor's customers and people are no service of it either.
    if (name.vendor !== null && (OBJECT_AFTER_VERB.test(next) || KIND_OF_THING.test(name.words[0]) || VENDOR_DOES.test(name.words[0]) || WHEN_WORD.test(name.words[0]) || ORDER_WORD.test(name.words[0]) ||
      VENDOR_PEOPLE.test(name.words[0]) || VENDOR_HAS.test(name.words[0]))) continue
    // "the aws iso 27001 reports": after a vendor, a word its number follows is a standard the vendor meets or a version, not a service.
    if (name.vendor !== null && numbered.has(name.start)) continue
    // "with almost no traffic", "using mostly spot", "with constant heavy traffic": everyday words in lower
    // case after "with" or "using" go on with the sentence; a tool is named ("with Vault") or is no everyday
    // word. Two such words may still be a name the notes lack (see compound below).
    const sentenceGoesOn = name.named && name.vendor === null && name.typed.every((w, i) => w === name.words[i] && isEverydayWord(w, 'en'))
    if (sentenceGoesOn && name.words.length === 1) continue
    // A run that carries on a name the notes write ("são paulo region", "aws data centers") is that name and its context.
    const before = name.start > 0 && !clauseStarts.has(name.start) && name.vendor === null ? analyzer.terms(words[name.start - 1])[0] : undefined
    if ((before !== undefined && pairs.has(`${before} ${terms[0]}`)) || (terms.length >= 2 && pairs.has(`${terms[0]} ${terms[1]}`) && name.vendor !== null)) continue
    // In a Portuguese question, words of everyday Portuguese after a vendor ("a aws ainda ganha") are the sentence going on: services are named in English.
    if (lang === 'pt' && name.named && name.typed.every(w => !foreignToPortuguese(w))) continue
    // ...and so is a Portuguese verb right after it ("na aws configurar security group é trabalho meu?"): the student's task, not "AWS Configurar".
    if (lang === 'pt' && name.vendor !== null && ((/(ar|er|ir)$/.test(name.words[0]) && isEverydayWord(name.words[0], 'pt')) || (name.words[0].endsWith('ar') && portugueseShaped(name.typed[0])))) continue
    // A Portuguese question borrows the English notes' term as they write it ("chave aws managed"): read in English, the
    // English notes may write it after the vendor.
    const english = analyzerFor('en')
    const writtenAfterVendor = (v: string): boolean => pairs.has(`${v} ${terms[0]}`) ||
      (lang === 'pt' && pairs.has(`${english.terms(v)[0] ?? v} ${english.terms(name.words[0])[0] ?? name.words[0]}`))
    if (name.vendor !== null && topics.has(terms[0]) && !isCommonWord(name.typed[0], lang) && !analyzer.isStopWord(name.words[0]) &&
      !['aws', 'amazon'].some(writtenAfterVendor)) {
      // The run may go on into the rest of the sentence ("aws backup guarda snapshot"): the service's name is its first word.
      out.push(`${VENDOR_SPELLED[name.vendor] ?? name.vendor} ${name.typed[0]}`)
      continue
    }
    if (terms.length >= 2 && terms.slice(1).every((t, i) => pairs.has(`${terms[i]} ${t}`))) continue
    // "Worth" takes what follows as its complement ("worth keeping", "worth paying for"): a judgement, never a name.
    if (!name.named && name.words[0] === 'worth') continue
    // "my login lambda", "our orders queue": after a possessive, a word and the kind of thing the student built is their
    // own thing named by its job, not a product.
    if (!name.named && name.words.length === 2 && name.start > 0 && !clauseStarts.has(name.start) && POSSESSIVE.test(words[name.start - 1]) &&
      OWN_THING.test(name.words[1])) continue
    const missing = terms.filter(t => {
      const used = topics.get(t)
      return used !== undefined && used.size <= RARE_TOPICS && !inLead(t)
    })
    // Two words not introduced as a name are one when the missing word names a topic of some note
    // (a title, keyword or heading word, not a verb such as "colocar") and the other word is the
    // answering note's own ("transit gateway").
    // In a Portuguese question, a word of everyday Portuguese ("login principal") makes the pair a phrase, not a borrowed name.
    const compound = missing.every(t => topicWords.has(t)) && terms.some(t => !missing.includes(t) && inLead(t)) &&
      (lang !== 'pt' || name.typed.every(foreignToPortuguese)) &&
      !headIsPhrasing(name.words, terms, missing, lang, raw) && !subjectAndVerb(name.typed, lang)
    if (missing.length > 0 && ((name.named && !sentenceGoesOn) || compound)) out.push(name.typed.join(' '))
  }
  // In a Portuguese question, English words side by side are an English term ("flow logs", "o s3
  // transfer acceleration deixa"); one the notes never write is a term they do not treat.
  if (lang === 'pt') {
    let borrowed: number[] = []
    const closeBorrowed = (): void => {
      // Portuguese puts a thing's name after the kind of thing it is ("o header authorization", "a tabela users",
      // "o bucket assets"): what follows names one of the student's own, not a product.
      if (INSTANCE_KIND.test(words[borrowed[0]] ?? '')) borrowed = borrowed.slice(1)
      const terms = borrowed.map(i => analyzer.terms(words[i])[0])
      // An error message the student saw ("da connection refused", "falha com cannot pull container
      // error") is the symptom asked about, not a product: the rest of the question says what of.
      const message = errorMessage(borrowed.map(i => words[i]))
      // Portuguese also puts what a thing is for after it ("client typescript" for a TypeScript client): words
      // that the answering section itself uses, each of them, name what it treats in the student's order.
      // A kind of thing in the plural and then which of them ("tasks windows" for Windows tasks) is the same order, when the
      // answering note writes both words, wherever it writes them (Fargate Spot "não Windows", among the note's key facts);
      // so is a thing the note writes and then an English adjective, as Portuguese places one ("NACL custom", "network ACL
      // custom": the note's "NACL personalizada").
      const described = terms.every(t => t !== undefined && leadSection.has(t)) ||
        (terms.length === 2 && /^[a-z]{3,}s$/.test(words[borrowed[0]]) && terms.every(t => t !== undefined && lead.has(t))) ||
        (terms.length >= 2 && ADJECTIVE_AFTER.test(words[borrowed[borrowed.length - 1]]) && terms.slice(0, -1).every(t => t !== undefined && lead.has(t)))
      // ...and a setting's value after the setting ("target type instance": the target type "instance"): a term the notes
      // write, then a word of the answering section (read in either language's stem: "instanc" of "instâncias").
      const value = terms[terms.length - 1]
      const valued = terms.length >= 3 && terms.every(t => t !== undefined) && terms.slice(1, -1).every((t, i) => pairs.has(`${terms[i]} ${t}`)) &&
        value.length >= 5 && [...leadSection].some(word => word.startsWith(value) || (word.length >= 5 && value.startsWith(word)))
      // The English words are an English term: one the English notes write as it is typed ("read replica") is treated there,
      // and so is a pair Portuguese puts the other way round, the thing first ("backup point-in-time": the notes' "point-in-time backups").
      if (borrowed.length >= 2 && !message && !described && !valued && terms.every(t => t !== undefined) && !terms.slice(1).every((t, i) => pairs.has(`${terms[i]} ${t}`)) &&
        !writtenInEnglish(base, borrowed.map(i => words[i])) && !(borrowed.length === 2 && writtenInEnglish(base, [words[borrowed[1]], words[borrowed[0]]]))) {
        const name = borrowed.map(i => typed[i]).join(' ')
        if (!out.some(o => foldText(o).includes(foldText(name)))) out.push(name)
      }
      borrowed = []
    }
    words.forEach((word, i) => {
      if (clauseStarts.has(i)) closeBorrowed()
      // The question's first word is capitalised as any sentence's is ("Comparando ECS e EKS").
      if (content(word) && foreignToPortuguese(i === 0 ? typed[i].toLowerCase() : typed[i])) borrowed.push(i)
      else closeBorrowed()
    })
    closeBorrowed()
  }
  return out
}

/**
 * Whether the only word of a two-word run that the answering note lacks is its last, an everyday word
 * ("cloudfront domain", "acm cert"): in an English compound the last word is the thing and the first says
 * which, so an everyday thing of a service the note treats is how the student says it, while a kind of
 * gateway it does not treat ("transit gateway") is a name. Words joined in the question ("lambda@edge")
 * are a name whatever they are.
 */
function headIsPhrasing (words: readonly string[], terms: readonly string[], missing: readonly string[], lang: Lang, raw: string): boolean {
  if (words.length !== 2 || missing.length !== 1 || missing[0] !== terms[1] || missing.includes(terms[0])) return false
  const folded = foldText(raw)
  if (['@', '/'].some(joint => folded.includes(`${words[0]}${joint}${words[1]}`))) return false
  return isEverydayWord(words[1], lang) || isEverydayWord(words[1], lang === 'pt' ? 'en' : 'pt')
}

/**
 * Whether two English words are a subject and its verb in the past ("all the pods restarted at once"),
 * not a compound name: a name the notes lack ends in a noun ("transit gateway"), never in what happened.
 */
function subjectAndVerb (typed: readonly string[], lang: Lang): boolean {
  return lang === 'en' && typed.length === 2 && /ed$/.test(typed[1]) && isEverydayWord(foldText(typed[1]), 'en')
}

/** The names, each once whatever its capitals, accents and the number of its last word ("warm pool", "Warm Pools"): the first spelling stays. */
function distinctNames (names: readonly string[]): string[] {
  const seen = new Set<string>()
  return names.filter(name => {
    const key = foldText(name).replace(/s$/, '')
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}

/** Whether a number comes right before the words in the question ("pedi 2 vcpu", "3 AZs"): what is counted, a quantity's unit. */
function counted (raw: string, words: readonly string[]): boolean {
  const typed = tokenize(foldText(raw))
  return typed.some((word, i) => i > 0 && /^\d+(?:[.,]\d+)?$/.test(typed[i - 1]) && words.every((w, k) => typed[i + k] === w))
}

/** A word a Portuguese sentence borrows: not everyday Portuguese, and English or not spelled as Portuguese is. */
function foreignToPortuguese (typed: string): boolean {
  const folded = foldText(typed)
  // Shorthand for a function word ("qnd", "pq") is Portuguese; shorthand for a term ("app", "prod") may be borrowed.
  if (isAbbreviation(folded) && analyzerFor('pt').analyze(expandAbbreviations(folded)).length === 0) return false
  // A word joined by a hyphen ("recém-criado", "pós-venda") is as foreign as its parts.
  if (/^[\p{L}]+(?:-[\p{L}]+)+$/u.test(typed)) return typed.split('-').some(part => foreignToPortuguese(part))
  return !/\d/.test(folded) && !isEverydayWord(folded, 'pt') && (isEverydayWord(folded, 'en') || !portugueseShaped(typed))
}

/** A query term and a word of the notes are forms of one word: equal, one a prefix of the other, or sharing a long start. */
function sameWord (query: string, word: string): boolean {
  if (query === word) return true
  if (query.length >= 4 && word.startsWith(query)) return true
  let shared = 0
  const n = Math.min(query.length, word.length)
  while (shared < n && query[shared] === word[shared]) shared++
  return shared >= 6
}

// BM25 inside one note: its sections are the documents, so a word every section uses (the note's
// own topic: "spot" in the Spot note) weighs little and the words that set one section apart
// (interruption, retention, partition key) decide. The heading counts as HEADING_WEIGHT words and a
// word of a code block as CODE_WEIGHT of one, as in the index (BM25F: fields weighted before saturation).
const HEADING_WEIGHT = 6
const CODE_WEIGHT = 0.3
/** A word of the students' questions a section answers counts as this share of a word of its text. */
const QUESTION_WEIGHT = 1
const K1 = 1.2
const B = 0.75

interface AnalyzedPassage { heading: string[], text: string[], code: string[], questions: string[], each: string[][], pairs?: Set<string> }

// Each passage's terms, analysed once per index build (passages are replaced, not changed, on reload).
const ANALYZED = new WeakMap<Passage, AnalyzedPassage>()

function analyzed (passage: Passage): AnalyzedPassage {
  let terms = ANALYZED.get(passage)
  if (terms === undefined) {
    const analyzer = analyzerFor(passage.lang)
    terms = {
      heading: passage.kind === 'summary' ? [] : analyzer.analyze(passage.heading),
      ...splitCode(passage.text, text => analyzer.analyze(text)),
      questions: analyzer.analyze(passage.questions.join(' \n ')),
      each: passage.questions.map(q => [...new Set(analyzer.analyze(q))])
    }
    ANALYZED.set(passage, terms)
  }
  return terms
}

/**
 * How much of the question's other words (beside the name and the vendor) an attached question holding
 * the name must share (Dice) for its section to count as answering the name. At half, "is aws direct
 * connect used for hybrid cloud" does not answer "how does aws direct connect work"; at 0.4 near-topic
 * questions of the development sets were answered (fresh-3's development part: 62.5 % of its not-covered
 * questions detected at 0.5, 50 % at 0.4).
 */
const ASKED_BESIDE = 0.5

/** Each note's own names, by language and path: the terms of its title, keywords and headings (see namesInKeywords). */
const OWN_NAMES = new WeakMap<KnowledgeBase['index'], Map<string, Set<string>>>()

/**
 * Whether the note at `path` names itself by `name`: every word of it, the vendor's aside, is among the note's title,
 * keywords and headings, and is a word few notes use ("kubectl"; not "config", which many notes write).
 */
function namesInKeywords (base: KnowledgeBase, path: string, name: string, lang: Lang): boolean {
  const analyzer = analyzerFor(lang)
  let byNote = OWN_NAMES.get(base.index)
  if (byNote === undefined) OWN_NAMES.set(base.index, byNote = new Map())
  let named = byNote.get(`${lang} ${path}`)
  if (named === undefined) {
    named = new Set(base.index.passages.filter(p => p.path === path)
      .flatMap(p => [...analyzer.analyze(p.title), ...analyzer.analyze(p.keywords.join(' , ')), ...analyzer.analyze(p.heading)]))
    byNote.set(`${lang} ${path}`, named)
  }
  const { topics } = noteTerms(base)
  const own = named
  const terms = analyzer.analyze(tokenize(foldText(name)).filter(word => !VENDOR.test(word)).join(' '))
  return terms.length > 0 && terms.every(term => own.has(term) && (topics.get(term)?.size ?? 0) <= RARE_TOPICS)
}

/** The passage of the notes that a hit was found in. */
function passageOf (base: KnowledgeBase, hit: SearchHit): Passage | undefined {
  return base.index.passages.find(p => p.path === hit.path && p.heading === hit.heading && p.kind === hit.kind)
}

/**
 * Names of the question that the answering section itself says it answers, in any of three ways:
 * - one of its own attached questions asks about the name in much the same words (their other words
 *   share ASKED_BESIDE by Dice with the question's);
 * - one of them names it and ASKED_BESIDE of the question's other words are among the words of all of
 *   them, unless the question asks what the name is or how to set it up (on the labelled sets: seven covered
 *   questions refused fewer, three of them in held-out thirds, and one not-covered question of a held-out
 *   third missed);
 * - a sentence of its text, in the question's language, holds the name and at least ASKED_BESIDE of the
 *   question's other words: that sentence says something of the name in the question's own context
 *   ("contêineres Linux precisam de kernel Linux, e é por isso que o Docker Desktop no Windows e no macOS
 *   executa uma pequena VM Linux (no Windows, via WSL 2)" for "pq o docker desktop no windows precisa do
 *   wsl"), where a list that only names it beside others ("os enviam a alvos como Lambda, SQS ou Step
 *   Functions") shares few of the question's words ("como usar step functions pra orquestrar varias
 *   lambdas" stays not covered). On the labelled sets the sentences answered one more covered question in
 *   each of four development parts and one held-out third, and missed no not-covered question.
 * A name is looked for as a run of terms, in order and with repeats (analyzed().each keeps each term once).
 */
function answeredInLead (base: KnowledgeBase, lead: RankedHit, names: readonly string[], queryTerms: readonly string[], lang: Lang, raw: string, unknown: readonly string[]): Set<string> {
  const out = new Set<string>()
  const passage = passageOf(base, lead)
  if (passage === undefined || names.length === 0) return out
  const analyzer = analyzerFor(lang)
  const attached = passage.questions.map(q => analyzer.analyze(q))
  const sentences = passage.lang === lang ? sentenceTerms(passage) : []
  // The vendor's name is in half the questions and says nothing about what is asked.
  const lacking = new Set(unknown.map(word => foldText(word)))
  const besides = (terms: readonly string[], nameTerms: readonly string[]): string[] => [...new Set(terms.filter(t => !nameTerms.includes(t) && !VENDOR.test(t)))]
  for (const name of names) {
    const nameTerms = analyzer.analyze(name)
    if (nameTerms.length === 0) continue
    const joined = ` ${nameTerms.join(' ')} `
    const holds = (terms: readonly string[]): boolean => ` ${terms.join(' ')} `.includes(joined)
    const rest = besides(queryTerms, nameTerms)
    const asked = attached.some(terms => {
      if (!holds(terms)) return false
      const others = besides(terms, nameTerms)
      return rest.length === 0 ? others.length === 0 : dice(others, rest) >= ASKED_BESIDE
    })
    // The section's questions may split what one question asks: "ssh port open to 0.0.0.0/0 risk" names
    // the name, "will aws stop me from making a bucket public" the rest ("wont aws stop me if i make a bucket
    // public or open ssh to everyone?"). The name is still the section's when half the question's other words
    // are among its questions' words, unless the question asks what the name is or how to set it up, or a
    // word the notes lack goes on with it ("google cloud spanner": the name is longer than the words they write).
    if (!asked && rest.length > 0 && attached.some(holds) &&
      !anyWhere(raw, [], [name], (words, first, last) => defining(words, first) || subjectOfQuestion(words, first, true) || adopting(words, first) ||
        lacking.has(words[last + 1] ?? ''))) {
      const pooled = new Set(attached.flatMap(terms => besides(terms, nameTerms)))
      if (rest.filter(t => pooled.has(t)).length / rest.length >= ASKED_BESIDE) {
        out.add(name)
        continue
      }
    }
    const written = rest.length > 0 && sentences.some(terms => {
      if (!holds(terms)) return false
      const words = new Set(terms)
      return rest.filter(t => words.has(t)).length / rest.length >= ASKED_BESIDE
    })
    if (asked || written) out.add(name)
  }
  return out
}

/**
 * Whether `names` (two or more) are each written in a sentence of the lead section, and those sentences say
 * one of the question's other words: the section lists them, and the question asks which of its kinds each is.
 */
function listedInLead (base: KnowledgeBase, lead: RankedHit, names: readonly string[], queryTerms: readonly string[], lang: Lang): boolean {
  if (names.length < 2) return false
  const passage = passageOf(base, lead)
  if (passage === undefined || passage.lang !== lang) return false
  const analyzer = analyzerFor(lang)
  const nameTerms = names.map(name => analyzer.analyze(name))
  if (nameTerms.some(terms => terms.length === 0)) return false
  const all = new Set(nameTerms.flat())
  const rest = queryTerms.filter(t => !all.has(t) && !VENDOR.test(t))
  const holding = new Set<string[]>()
  for (const terms of nameTerms) {
    const sentence = sentenceTerms(passage).find(sentence => ` ${sentence.join(' ')} `.includes(` ${terms.join(' ')} `))
    if (sentence === undefined) return false
    holding.add(sentence)
  }
  return [...holding].some(sentence => rest.some(t => sentence.includes(t)))
}

/**
 * The question's words, besides `names`, that the lead section writes as the name of an example: capitalised,
 * no everyday word, and no word of a title, keyword or heading of any note ("Gmail" is an example of SaaS;
 * "Lambda" or "EKS" is a service the notes treat, and a question about it is no question about examples).
 */
function examplesLeadWrites (base: KnowledgeBase, lead: RankedHit, raw: string, names: readonly string[]): string[] {
  const passage = passageOf(base, lead)
  if (passage === undefined) return []
  const written = new Set<string>()
  for (const match of passage.text.matchAll(/(?<![\p{L}\p{N}])\p{Lu}[\p{L}\p{N}]*/gu)) {
    const folded = foldText(match[0])
    if (folded.length >= 3 && !VENDOR.test(folded) && !isEverydayWord(folded, 'en') && !isEverydayWord(folded, 'pt')) written.add(folded)
  }
  const named = new Set(names.flatMap(name => tokenize(foldText(name))))
  const topicWords = noteTerms(base).named
  const treated = (word: string): boolean => [...analyzerFor('en').terms(word), ...analyzerFor('pt').terms(word)].some(term => topicWords.has(term))
  return [...new Set(tokenize(foldText(raw)).filter(word => written.has(word) && !named.has(word) && !treated(word)))]
}

/** The sides the note's title compares ("Microsserviços ou monólito"), each as its terms; none when it compares nothing. */
function titleSides (passage: Passage): string[][] {
  const analyzer = analyzerFor(passage.lang)
  const parts = foldText(passage.title).split(/\s(?:vs|versus|x|ou|or)\s/)
  return parts.length < 2 ? [] : parts.map(part => [...new Set(analyzer.analyze(part))])
}

/**
 * Whether a sibling section's heading differs from this one's by one word each, the two sides the note's title
 * compares ("Vantagens do monólito" beside "Vantagens dos microsserviços" in "Microsserviços ou monólito"),
 * and the question names the sibling's side but not this one's ("as vantagens de manter um monólito"): the
 * sibling answers it. Headings that differ otherwise ("The Docker layer cache", "How Docker image layers
 * work") treat two aspects of one thing, not two sides.
 */
function siblingAsked (passages: readonly Passage[], passage: Passage, query: ReadonlySet<string>, compared: readonly string[][]): boolean {
  if (compared.length < 2) return false
  const own = [...new Set(analyzed(passage).heading)]
  const asked = (terms: readonly string[]): boolean => terms.some(t => [...query].some(q => sameWord(q, t)))
  const onSides = (mine: string, theirs: string): boolean =>
    compared.some((a, i) => a.some(t => sameWord(t, mine)) && compared.some((b, j) => j !== i && b.some(t => sameWord(t, theirs))))
  return passages.some(other => {
    if (other === passage || other.kind !== 'section') return false
    const theirs = [...new Set(analyzed(other).heading)]
    const shared = own.filter(t => theirs.includes(t))
    const mine = own.filter(t => !theirs.includes(t))
    const sides = theirs.filter(t => !own.includes(t))
    return shared.length >= 1 && mine.length === 1 && sides.length === 1 && onSides(mine[0], sides[0]) &&
      asked(shared) && asked(sides) && !asked(mine)
  })
}

/** Words of the question, besides a name, that a sentence of the notes must say with it to answer it. */
const SAID_WITH_NAME = 2
/** The same, for a sentence of a note other than the one whose section leads. */
const SAID_ELSEWHERE = 3

/** The section of the note at `path` with a sentence that names every one of `names`, word after word, with `withName` of the question's other words. */
function sectionSaying (base: KnowledgeBase, path: string, names: readonly string[], queryTerms: readonly string[], lang: Lang, withName = SAID_WITH_NAME): Passage | null {
  const analyzer = analyzerFor(lang)
  const nameTerms = names.map(name => analyzer.analyze(name))
  if (nameTerms.some(terms => terms.length === 0)) return null
  const all = new Set(nameTerms.flat())
  const rest = queryTerms.filter(t => !all.has(t) && !VENDOR.test(t))
  for (const passage of base.index.passages) {
    if (passage.path !== path || passage.lang !== lang) continue
    for (const sentence of sentenceTerms(passage)) {
      const joined = ` ${sentence.join(' ')} `
      const words = new Set(sentence)
      if (nameTerms.every(terms => joined.includes(` ${terms.join(' ')} `)) && rest.filter(t => words.has(t)).length >= withName) return passage
    }
  }
  return null
}

/** Where a sentence ends: after its full stop, question or exclamation mark, or at a line break. */
const SENTENCE_BREAK = /(?<=[.!?])\s+|\n+/

/** A refusal the student ran into: the tool or the console would not let them put, create or use something. */
const REFUSED = /\b((won'?t|wont|doesn'?t|doesnt|does not|will not|didn'?t|didnt) let (me|us)|(is |are )?not allowed to|(can'?t|cant|cannot|can not)( i)?|nao (me |nos )?(deixa|deixou|permite|permitiu|da pra|consigo|conseguimos)) (put|create|add|use|set|colocar|por|criar|usar|adicionar)\b/
/** A sentence of the notes that states a limit ("a CNAME cannot be used at the zone apex", "não pode ficar no ápice"). */
const LIMIT_STATED = /\b(cannot|can't|can not|not allowed|not permitted|não pode|não podem|não é permitid[oa]|não é possível)\b/i

/**
 * The section of the leading note, other than the lead, whose sentence stating a limit (LIMIT_STATED) shares the most of
 * the question's words, at least two, and more than any such sentence of the lead.
 */
function sectionStatingLimit (base: KnowledgeBase, lead: RankedHit, queryTerms: readonly string[], lang: Lang): Passage | null {
  const words = new Set(queryTerms.filter(term => term.length >= 3 && !/\d/.test(term) && !VENDOR.test(term)))
  const shared = (passage: Passage): number => {
    const terms = sentenceTerms(passage)
    let most = 0
    passage.text.split(SENTENCE_BREAK).forEach((sentence, i) => {
      if (LIMIT_STATED.test(sentence)) most = Math.max(most, new Set(terms[i].filter(term => words.has(term))).size)
    })
    return most
  }
  let best: Passage | null = null
  let bestShared = 1
  let leadShared = 0
  for (const passage of base.index.passages) {
    if (passage.path !== lead.path || passage.lang !== lang) continue
    const n = shared(passage)
    if (passage.heading === lead.heading && passage.kind === lead.kind) leadShared = n
    else if (n > bestShared) {
      best = passage
      bestShared = n
    }
  }
  return best !== null && bestShared > leadShared ? best : null
}

// Each passage's sentences as terms, analysed at the first question whose lead it is.
const SENTENCES = new WeakMap<Passage, string[][]>()

/** The passage's running text cut into sentences (a name and the words that go with it are said together), each as its terms. */
function sentenceTerms (passage: Passage): string[][] {
  let sentences = SENTENCES.get(passage)
  if (sentences === undefined) {
    const analyzer = analyzerFor(passage.lang)
    sentences = passage.text.split(SENTENCE_BREAK).map(sentence => analyzer.analyze(sentence))
    SENTENCES.set(passage, sentences)
  }
  return sentences
}

/** Consecutive content terms of a text, as "a b" (function words are already gone, so "error budget" stays a pair). */
function termPairs (terms: readonly string[]): string[] {
  const out: string[] = []
  for (let i = 1; i < terms.length; i++) if (terms[i - 1] !== terms[i]) out.push(`${terms[i - 1]} ${terms[i]}`)
  return out
}

/** The passage's pairs of consecutive terms in its heading, prose and students' questions, built at its first use. */
function passagePairs (passage: Passage): Set<string> {
  const terms = analyzed(passage)
  terms.pairs ??= new Set([...termPairs(terms.heading), ...termPairs(terms.text), ...terms.each.flatMap(q => termPairs(q))])
  return terms.pairs
}

// A question that asks what an abbreviation stands for ("cdn stands for what", "oq significa a sigla kms") is answered first
// by the passage that spells the abbreviation out beside it ("A CDN (content delivery network) is …", "AWS Key Management
// Service (KMS)"). The abbreviation is the word the question asks the meaning of ("cdn stands for", "CDN é sigla de que",
// "o que significa S3", "what does AZ mean") or one it types in capitals beside asking what letters mean ("HA and DR, what
// do those letters mean"); in "what does least privilege mean for iam policies" IAM is not what is asked.
const MEANING_AFTER = /\b([a-z][a-z0-9]{1,5}) (?:stands? for|significa|significam|quer dizer|querem dizer|means what|e (?:a )?sigla)\b/g
const MEANING_BEFORE = /\b(?:what does|what do|(?:o que|oq|o q|que) (?:significa|quer dizer)|significado d[aeo]s?|sigla|acronym|abbreviation) (?:the |a |o |an )?([a-z][a-z0-9]{1,5})\b/g
const MEANING_OF_CAPITALS = /\b(letters|letras|siglas?|acronyms?|abbreviations?|stand for|stands for)\b/
/** SPELLED_OUT times the rank of a passage that spells out an abbreviation the question writes. */
const SPELLED_OUT = 2
// Between the words an abbreviation is made of, these count for no letter ("Amazon Resource Name" makes ARN; "rede de distribuição de conteúdo" would make RDC).
const SPELLING_FILLERS = new Set(['of', 'and', 'for', 'the', 'a', 'de', 'do', 'da', 'dos', 'das', 'e', 'para'])
const SPELLED = new WeakMap<Passage, Set<string>>()

/** The abbreviations whose meaning the question asks, lower case; null when it asks none. */
function meaningAsked (raw: string): Set<string> | null {
  const folded = foldText(raw)
  const asked = new Set([...folded.matchAll(MEANING_AFTER), ...folded.matchAll(MEANING_BEFORE)].map(match => match[1]))
  if (MEANING_OF_CAPITALS.test(folded)) for (const word of raw.match(/\b\p{Lu}{2,5}\b/gu) ?? []) asked.add(word.toLowerCase())
  return asked.size === 0 ? null : asked
}

const STAND_FOR = /\b(?:stands?|stood) for\b/g

/** Whether the question asks what an abbreviation stands for that some passage of the notes spells out. */
function spelledInNotes (base: KnowledgeBase, raw: string): boolean {
  const asked = meaningAsked(raw)
  return asked !== null && base.index.passages.some(passage => [...spelledOut(passage)].some(abbreviation => asked.has(abbreviation)))
}

/** The abbreviations a passage spells out beside themselves, lower case: "CDN (content delivery network)", "Key Management Service (KMS)". */
function spelledOut (passage: Passage): Set<string> {
  let out = SPELLED.get(passage)
  if (out !== undefined) return out
  out = new Set()
  // An abbreviation in the words gives all its letters ("network ACL (NACL)").
  const letters = (w: string): string => /^\p{Lu}{2,}$/u.test(w) ? w.toLowerCase() : w[0].toLowerCase()
  const spells = (words: string[], written: string): boolean => words.filter(w => !SPELLING_FILLERS.has(w.toLowerCase())).map(letters).join('') === written.toLowerCase()
  // Emphasis marks are no part of a word ("the **Application Load Balancer (ALB)**").
  const words = (text: string): string[] => text.split(/[\s-]+/).map(w => w.replace(/^[*_`]+|[*_`]+$/g, '')).filter(w => /^\p{L}/u.test(w))
  const text = passage.text.replace(/\*\*|__/g, '')
  for (const match of text.matchAll(/\b(\p{Lu}[\p{Lu}\p{Ll}]{1,5})\s*\(([^)]{3,80})\)/gu)) {
    const inside = words(match[2])
    for (let n = 1; n <= inside.length; n++) if (spells(inside.slice(0, n), match[1])) out.add(match[1].toLowerCase())
  }
  for (const match of text.matchAll(/([^()\n]{3,80})\s*\((\p{Lu}[\p{Lu}\p{Ll}]{1,5})\)/gu)) {
    const before = words(match[1])
    for (let n = 1; n <= before.length; n++) if (spells(before.slice(-n), match[2])) out.add(match[2].toLowerCase())
  }
  SPELLED.set(passage, out)
  return out
}

function count (words: string[], query: string): number {
  let n = 0
  for (const w of words) if (sameWord(query, w)) n++
  return n
}

function sectionScores (passages: Passage[], queryTerms: readonly string[]): number[] {
  const docs = passages.map(p => analyzed(p))
  const lengths = docs.map(d => d.text.length + HEADING_WEIGHT * d.heading.length + CODE_WEIGHT * d.code.length + QUESTION_WEIGHT * d.questions.length)
  const avg = lengths.reduce((a, b) => a + b, 0) / Math.max(1, lengths.length)
  const tf = queryTerms.map(q => docs.map(d => count(d.text, q) + HEADING_WEIGHT * count(d.heading, q) + CODE_WEIGHT * count(d.code, q) + QUESTION_WEIGHT * count(d.questions, q)))
  const n = passages.length
  return passages.map((_, i) => {
    let score = 0
    tf.forEach(counts => {
      const df = counts.filter(c => c > 0).length
      if (counts[i] === 0) return
      const idf = Math.log(1 + (n - df + 0.5) / (df + 0.5))
      const f = counts[i]
      score += idf * f * (K1 + 1) / (f + K1 * (1 - B + B * lengths[i] / avg))
    })
    return score
  })
}

// Pairs of these words alone say nothing ("de uma", "of the"). A pair of two content words is left
// out too: the heading's own terms already count through headingMatch, and such a pair mostly
// repeats the note's topic ("twelve factors" in every question about the twelve-factor app).
const GLUE: ReadonlySet<string> = new Set(['a', 'o', 'as', 'os', 'um', 'uma', 'de', 'do', 'da', 'dos', 'das', 'e', 'em', 'no', 'na', 'nos', 'nas',
  'com', 'para', 'pra', 'the', 'an', 'of', 'and', 'in', 'on', 'to', 'for', 'with', 'is', 'are'])

/** The text's consecutive word pairs, content words stemmed and function words kept, so that phrases of both kinds compare. */
function wordPairs (text: string, lang: Lang): string[] {
  const analyzer = analyzerFor(lang)
  const folded = tokenize(foldText(text)).flatMap(w => w.split('-')).filter(w => w !== '')
  const words = folded.map(w => analyzer.terms(w)[0] ?? w)
  const pairs: string[] = []
  for (let i = 1; i < words.length; i++) {
    if (GLUE.has(words[i - 1]) && GLUE.has(words[i])) continue
    if (!analyzer.isStopWord(folded[i - 1]) && !analyzer.isStopWord(folded[i])) continue
    pairs.push(`${words[i - 1]} ${words[i]}`)
  }
  return pairs
}

/** Share of a heading's word pairs that occur in the question. */
function phraseShare (heading: string, questionPairs: ReadonlySet<string>, lang: Lang): number {
  const pairs = wordPairs(heading, lang)
  if (pairs.length === 0) return 0
  return pairs.filter(p => questionPairs.has(p)).length / pairs.length
}

/**
 * Overlap of a heading's terms and the question's (Dice: twice the shared terms over both counts).
 * It weighs both ways: a heading that holds much of the question ("AWS Secrets Manager vs SSM
 * Parameter Store" for "rotate a secret in Secrets Manager") and a heading that the question holds
 * whole ("Rotation"), so a short heading naming exactly what is asked is not outweighed by a long
 * one that repeats the note's topic.
 */
function dice (headingTerms: readonly string[], queryTerms: readonly string[]): number {
  if (headingTerms.length === 0 || queryTerms.length === 0) return 0
  const inQuery = headingTerms.filter(t => queryTerms.some(q => sameWord(q, t))).length
  const inHeading = queryTerms.filter(q => headingTerms.some(t => sameWord(q, t))).length
  return 2 * Math.min(inQuery, inHeading) / (headingTerms.length + queryTerms.length)
}

// What follows these is what the question sets its subject against, not what it asks about.
// "Que vantagens o monólito tem sobre microsserviços": "sobre" is "over" only after "tem".
const CONTRAST = /\b(over|instead of|rather than|em vez de|ao inves de|no lugar de|tem sobre|teria sobre)\b(.*)$/

/**
 * The terms of a preference question's subject and of what it contrasts the subject with ("X over Y", "X em vez
 * de Y"), when it names a subject first; none otherwise.
 */
function contrastOf (text: string, lang: Lang): { subject: string[], contrast: string[] } {
  const match = CONTRAST.exec(text)
  if (match === null) return { subject: [], contrast: [] }
  const before = analyzerFor(lang).analyze(text.slice(0, match.index))
  const after = analyzerFor(lang).analyze(match[2])
  return before.length > 0 ? { subject: before, contrast: after.filter(t => !before.includes(t)) } : { subject: [], contrast: [] }
}

function asHit (passage: Passage): SearchHit {
  const { path, topic, lang, title, heading, text, kind } = passage
  return { path, topic, lang, title, heading, text, kind, score: 0, strength: 0, matched: 0, terms: [] }
}

/** A section headed by the other side of a comparison the question takes one side of keeps this share of its rank (0.55 to 0.8 scored alike on the labelled sets). */
const OTHER_SIDE = 0.7

// Each note's comparisons, by its first passage, drawn at the first question that ranks its sections.
const SIDES = new WeakMap<Passage, string[][][]>()

/**
 * The sides of the comparisons the note's headings draw ("Security groups vs network ACLs at a glance": the
 * security groups, the network ACLs), each as the terms that only it has.
 */
function comparedSides (passages: readonly Passage[], analyzer: ReturnType<typeof analyzerFor>): string[][][] {
  const known = SIDES.get(passages[0])
  if (known !== undefined) return known
  const out: string[][][] = []
  for (const passage of passages) {
    if (passage.kind !== 'section') continue
    const parts = foldText(passage.heading).replace(/\s(at a glance|lado a lado|side by side)$/, '').split(/\s(?:vs|versus|x)\s/)
    if (parts.length < 2) continue
    const sides = parts.map(part => [...new Set(analyzer.analyze(part))])
    const own = sides.map((side, i) => side.filter(t => sides.every((other, j) => j === i || !other.includes(t))))
    if (own.every(side => side.length > 0)) out.push(own)
  }
  SIDES.set(passages[0], out)
  return out
}

/**
 * Whether a section's heading names another side of a comparison the note draws than the one the question
 * takes ("preciso liberar a saída no security group?" and "How network ACLs work"): it answers for the other.
 */
function otherSide (headingTerms: readonly string[], query: ReadonlySet<string>, comparisons: readonly string[][][]): boolean {
  // A side is named by most of its terms ("execution role" in "Task role x execution role no ECS").
  const has = (terms: readonly string[], side: readonly string[]): boolean => side.filter(t => terms.includes(t)).length * 2 >= side.length
  // A word that holds a side's term ("nacl" for "ACLs") mentions that side.
  const none = (terms: Iterable<string>, side: readonly string[]): boolean => ![...terms].some(t => side.some(s => t === s || (s.length >= 3 && t.includes(s))))
  return comparisons.some(sides => {
    const asked = sides.filter(side => has([...query], side))
    if (asked.length !== 1 || sides.some(side => side !== asked[0] && !none(query, side))) return false
    return sides.some(side => side !== asked[0] && has(headingTerms, side)) && none(headingTerms, asked[0])
  })
}

/**
 * How much a comparison heading names what the question compares. The note's topic ("API Gateway" in the API
 * Gateway note) is on both sides of many comparisons: "API Gateway vs Application Load Balancer" compares what
 * a question about the gateway's own two kinds does not ask about. Only when the heading holds nothing but the
 * topic's words ("Terraform vs CloudFormation" in a note titled with both) do they count; and in a note whose
 * topic is itself a comparison ("VMs vs containers") the caller does not ask.
 */
function comparedMatch (headingTerms: readonly string[], title: ReadonlySet<string>, query: ReadonlySet<string>, headingMatch: number): number {
  const compared = headingTerms.filter(t => !title.has(t) && !COMPARISON_HEADING.test(t))
  if (compared.length === 0) return headingMatch
  return compared.some(t => [...query].some(q => sameWord(q, t))) ? headingMatch : 0
}

/**
 * Whether the passage at `at` is the only one of its note whose text writes one of the terms, and no
 * heading of the note names anything asked (a section named for it explains it better).
 */
function onlyHere (passages: readonly Passage[], at: number, terms: readonly string[], asked: readonly string[]): boolean {
  if (passages.some(p => asked.some(term => analyzed(p).heading.includes(term)))) return false
  const own = analyzed(passages[at]).text
  return terms.some(term => own.includes(term) && passages.every((p, i) => i === at || !analyzed(p).text.includes(term)))
}

/**
 * Orders the passages of the notes that BM25 found: the note by its best passage's score, then
 * the section by how much of what sets it apart from its sibling sections the question asks about,
 * weighed by the question's type (a difference favours comparisons and tables, a cost question
 * pricing sections, and so on).
 */
function rerank (base: KnowledgeBase, found: SearchHit[], question: Question, lang: Lang, queryTerms: readonly string[], noteHits: SearchHit[] = found, askedTerms: readonly string[] = queryTerms): RankedHit[] {
  const analyzer = analyzerFor(lang)
  const type = question.type
  // In "why pick a monolith over microservices" the monolith is what is asked about; a heading
  // about microservices answers the opposite question.
  const contrasted = contrastOf(question.text, lang)
  const contrast = new Set(contrasted.contrast)
  const subject = new Set(contrasted.subject)
  // "Como funciona" asks how the subject works only when the question is an explanation: in
  // "como funciona a cobrança do Lambda" it frames a cost question and names no section.
  const form = type === 'definition' ? new Set<string>() : new Set(EXPLAIN_WORDS.flatMap(w => analyzer.terms(w)))
  const query = new Set(queryTerms.filter(t => !contrast.has(t) && !form.has(t)))
  const questionPairs = new Set(wordPairs(question.text, lang))
  // Two words the question puts side by side ("error budget", "public ipv4") that a passage also writes
  // side by side say more than the same words apart ("AWS Budgets" has "budget", not "error budget").
  const askedPairs = [...new Set(termPairs(analyzer.analyze(question.text)))]
  const asksHow = ASKS_HOW.test(question.text)
  const asksKinds = ASKS_KINDS.test(question.text)
  const abbreviations = meaningAsked(question.raw)
  const noteScore = new Map<string, number>()
  for (const hit of noteHits) noteScore.set(hit.path, Math.max(noteScore.get(hit.path) ?? 0, hit.score))
  const top = Math.max(...noteScore.values())
  const out: RankedHit[] = []
  for (const [path, score] of noteScore) {
    const note = score / top
    if (note < NOTE_CUTOFF) continue
    const passages = base.index.passages.filter(p => p.path === path)
    const sections = sectionScores(passages, queryTerms)
    // The note's own topic (its title's terms) is in most of its headings ("Como o AWS Lambda
    // funciona"); in a cost question about that topic, naming the topic names no section: the
    // price is what is asked.
    const title = new Set(analyzer.analyze(passages[0].title))
    const asksMore = type === 'cost' && [...query].some(t => ![...title].some(w => sameWord(t, w)))
    // A section whose heading names a word of the question beyond the note's topic ("Eventos e
    // gatilhos" for "quais eventos disparam uma Lambda") is more specific than the summary, which
    // only introduces the topic: unless the question asks what the topic is, the summary yields.
    const namedSection = type !== 'definition' && passages.some(p => p.kind === 'section' &&
      analyzer.analyze(p.heading).some(h => !title.has(h) && [...query].some(q => !title.has(q) && sameWord(q, h))))
    const best = Math.max(...sections)
    const specific = [...query].filter(q => !title.has(q))
    // A students' question of the section is matched with every word asked, how plainly it is to be told included.
    const askedSpecific = askedTerms === queryTerms ? specific : [...new Set(askedTerms)].filter(q => !contrast.has(q) && !form.has(q) && !title.has(q))
    const comparisons = comparedSides(passages, analyzer)
    const titleCompares = titleSides(passages[0])
    // Sibling headings that differ by the side they take ("Vantagens do monólito", "Vantagens dos microsserviços"):
    // the one naming the contrasted side, and less of what the question asks about than another does, answers for that side.
    const subjectNamed = (p: Passage): number => analyzed(p).heading.filter(t => subject.has(t)).length
    const mostSubject = contrast.size === 0 ? 0 : Math.max(0, ...passages.filter(p => p.kind === 'section').map(subjectNamed))
    // "What is X" where X is the note's subject: its summary introduces X, unless a section is named X itself ("Internet gateway").
    const introduces = type === 'definition' && !asksHow &&
      !passages.some(p => p.kind === 'section' && dice([...new Set(analyzer.analyze(p.heading))], [...query]) === 1)
    passages.forEach((passage, i) => {
      const hit = found.find(h => h.path === path && h.heading === passage.heading && h.kind === passage.kind) ?? asHit(passage)
      // ...unless the heading is, whole, a name the question writes ("internet gateway cobra por hora?" and the
      // section "Internet gateway" of the note on internet and NAT gateways): that section prices what is asked.
      const wholeHeading = hit.kind === 'summary' ? [] : analyzer.analyze(hit.heading)
      const namedWhole = asksMore && wholeHeading.length >= 2 && termPairs(wholeHeading).every(pair => askedPairs.includes(pair))
      const headingTerms = hit.kind === 'summary' ? [] : [...new Set(wholeHeading)].filter(t => !asksMore || namedWhole || !title.has(t))
      // A pricing heading names what a cost question asks, in whatever words ("cobrança" for "Preço por requisição").
      const headingMatch = Math.max(dice(headingTerms, [...query]), type === 'cost' && COST_HEADING.test(foldText(hit.heading)) && hit.kind === 'section' ? COST_NAMED : 0,
        hit.kind === 'summary' && introduces ? subjectMatch(passage, [...query], analyzer) : 0)
      const recap = hit.kind === 'section' && RECAP.test(foldText(hit.heading)) ? 0.6 : 1
      const forContrasted = contrast.size > 0 && hit.kind === 'section' && analyzed(passage).heading.some(t => contrast.has(t)) && subjectNamed(passage) < mostSubject
      const forSibling = hit.kind === 'section' && siblingAsked(passages, passage, query, titleCompares)
      const side = (comparisons.length > 0 && hit.kind === 'section' && otherSide(analyzed(passage).heading, query, comparisons)) || forContrasted || forSibling ? OTHER_SIDE : 1
      const section = best > 0 ? sections[i] / best : 0
      const headingPhrase = hit.kind === 'summary' ? 0 : phraseShare(hit.heading, questionPairs, lang)
      const yields = namedSection && hit.kind === 'summary' ? 1 - SUMMARY_PENALTY : 1
      // The note's topic ("lambda" in the Lambda note) is in questions of every section and names none of them.
      const questionMatch = Math.max(0, ...analyzed(passage).each.map(terms => dice(terms.filter(t => !title.has(t)), askedSpecific)))
      // A question of two words has one pair, which is its topic ("vpc subnet"): any passage naming the topic would gain.
      const pairs = askedPairs.length < 2 ? null : passagePairs(passage)
      const textPhrase = pairs === null ? 0 : askedPairs.filter(pair => pairs.has(pair)).length / askedPairs.length
      // One sentence that says most of what is asked answers it, wherever the words fall in the section; a
      // recap's sentence that says half of it is the fact asked for ("the VPC's CIDR cannot be changed after
      // it is created"), and the recap no longer yields to the section that only explains the topic.
      const sentence = specific.length < SENTENCE_TERMS ? 0 : Math.max(0, ...sentenceTerms(passage).map(terms => specific.filter(q => terms.includes(q)).length / specific.length))
      // So does a recap that is the one passage of its note to write a word of the question ("HSTS", said only among the key facts).
      const recapSays = recap < 1 && (sentence >= RECAP_SAYS || onlyHere(passages, i, specific, [...query])) ? 1 / recap : 1
      const spells = abbreviations !== null && [...spelledOut(passage)].some(abbreviation => abbreviations.has(abbreviation)) ? SPELLED_OUT : 1
      const rank = spells * note * (0.3 + 0.7 * section) * (1 + HEADING_MATCH * headingMatch) * (1 + HEADING_PHRASE * headingPhrase) * (1 + TEXT_PHRASE * textPhrase) *
        (1 + QUESTION_MATCH * questionMatch) * (1 + SENTENCE_MATCH * sentence) * typeFactor(type, hit, type === 'difference' && !COMPARISON_HEADING.test(foldText(passages[0].title)) ? comparedMatch(headingTerms, title, query, headingMatch) : headingMatch, headingPhrase, asksHow, namedWhole, asksKinds) * recap * recapSays * yields * side
      out.push({ ...hit, rank, headingMatch, headingPhrase, questionMatch })
    })
  }
  return out.sort((a, b) => b.rank - a.rank)
}

/**
 * How well "what is X" names the subject of the passage's note: its first keywords, which say what the
 * note is about ("VPC, Amazon VPC" for the VPC note; the gateways note, whose "VPC endpoints" also says
 * VPC, is about an internet gateway). The summary that introduces X answers what X is; a question that
 * asks more than X ("what is a cloudwatch dashboard for") is answered by a section, and gets 0.
 */
function subjectMatch (passage: Passage, query: readonly string[], analyzer: ReturnType<typeof analyzerFor>): number {
  return Math.max(0, ...passage.keywords.slice(0, SUBJECT_KEYWORDS).map(keyword => {
    const terms = [...new Set(analyzer.analyze(keyword))]
    return query.length > 0 && query.every(term => terms.includes(term)) ? dice(terms, query) : 0
  }))
}

/** The BM25 strength of the passage's note: its own, or that of the note's best passage when it was found only by re-ranking. */
function noteStrength (found: SearchHit[], hit: SearchHit): number {
  return Math.max(hit.strength, ...found.filter(h => h.path === hit.path).map(h => h.strength))
}

/** Share of the question's terms found in the passage's note (its best-matching passage). */
function noteMatched (found: SearchHit[], hit: SearchHit): number {
  return Math.max(hit.matched, ...found.filter(h => h.path === hit.path).map(h => h.matched))
}

function sigmoid (x: number): number {
  return 1 / (1 + Math.exp(-x))
}

/**
 * Confidence that the first passage answers: a logistic function of how strongly its note matches
 * (strength), how much of the question it covers, how clearly it leads the next passage and
 * whether its heading names what was asked. Set by hand on the development part of
 * tests/knowledge/student-questions.json (too few wrong answers there to fit it); its AUROC
 * against "the right section is first" is measured by `npx tsx src/cli/notes-eval.ts`.
 */
export const CONFIDENCE_MODEL = { intercept: -3.2, strength: 0.35, matched: 2.5, lead: 1.5, heading: 1.5 } as const

function confidenceOf (found: SearchHit[], hits: RankedHit[]): number {
  const [first, second] = hits
  if (first === undefined) return 0
  const lead = second === undefined ? 1 : Math.min(1, (first.rank - second.rank) / first.rank * 2)
  const m = CONFIDENCE_MODEL
  return sigmoid(m.intercept + m.strength * Math.min(noteStrength(found, first), 12) + m.matched * noteMatched(found, first) + m.lead * lead + m.heading * Math.min(1, first.headingMatch * 2))
}

/**
 * The passages found by what the question asks about, when some of its words would pull elsewhere: for a
 * cost question, its subject alone ("Lambda" in "cobrança do Lambda", "NAT gateway" in "NAT gateway é
 * caro?"): the note about the subject prices it, while the words of cost alone would pick the billing note.
 * Null when the subject alone finds nothing strong to answer on its own (in "which service is costing me the
 * most", cost is the subject). For a question naming availability zones, see withoutZones.
 */
function subjectHits (base: KnowledgeBase, question: Question, text: string, lang: Lang): SearchHit[] | null {
  if (question.type !== 'cost') return ZONE_ID.test(text) ? withoutZones(base, question, text, lang) : null
  const subject = costSubject(text)
  if (subject === text) return null
  const found = base.search(subject, { lang, queryLang: question.lang, limit: CANDIDATES, perNote: 2 })
  return found.length > 0 && found[0].strength >= STRONG ? found : null
}

/**
 * For a question that names availability zones ("um volume EBS criado em sa-east-1a pode ser anexado a uma
 * instância em sa-east-1b?"), the passages found by the rest of it: the zones say where the student's things are,
 * and the regions note, which writes every zone's name, would otherwise lead whatever was asked of them. Null
 * when the rest finds nothing strong on its own ("qual a diferença entre sa-east-1a e sa-east-1b?": the zones are
 * the subject).
 */
function withoutZones (base: KnowledgeBase, question: Question, text: string, lang: Lang): SearchHit[] | null {
  const rest = text.replace(ZONE_IDS, ' ').split(/\s+/).filter(word => !ZONE_SUFFIX.test(word)).join(' ')
  const found = base.search(rest, { lang, queryLang: question.lang, limit: CANDIDATES, perNote: 2 })
  return found.length > 0 && found[0].strength >= STRONG ? found : null
}

/**
 * Terms the student wrote besides the one name the notes lack, at least, for that name to be its setting rather
 * than its subject. The words a phrase adds for the notes' term ("crashes" → "failure") are not counted; the bar
 * was chosen on the labelled sets' development parts (docs/how-it-works.md).
 */
const SETTING_REST_TERMS = 8
/** Strength of the lead note's match, at least, for the rest of such a question to ask what it answers (STRONG is a clear match). */
const SETTING_STRENGTH = 20
/** An answer that leaves a named thing unanswered is less sure to be what the student needs. */
const NOT_TREATED_CONFIDENCE = 0.7

/**
 * The name the notes lack that a question mentions only as its setting: it is the question's one such
 * name (an unknown word or an untreated name), and the question's other terms are many and match the lead
 * note strongly, so the name is a small part of what is asked. Empty when there is none or more than one.
 */
function settingName (found: SearchHit[], lead: SearchHit, queryTerms: readonly string[], unknownTerms: readonly string[], untreated: readonly string[], lang: Lang): string[] {
  // The unknown word of a name read whole ("apt" of "apt update") is that name, not a second one.
  const inNames = new Set(untreated.flatMap(name => tokenize(foldText(name))))
  const names = [...untreated, ...unknownTerms.filter(word => !inNames.has(foldText(word)))]
  // A cloud vendor the notes do not treat ("Azure Front Door") is whose product the question asks about.
  if (names.length !== 1 || VENDOR.test(foldText(names[0]))) return []
  const named = new Set(analyzerFor(lang).analyze(names[0]))
  const rest = queryTerms.filter(term => !named.has(term))
  return rest.length >= SETTING_REST_TERMS && noteStrength(found, lead) >= SETTING_STRENGTH ? names : []
}

// Words that place a sentence in the student's own world: their machine, team, job or school ("on my vps", "no
// estagio", "at my old job we used").
const OWN_WORLD = /^(i|im|my|our|we|us|eu|meu|minha|meus|minhas|nosso|nossa|nossos|nossas|gente|estagio|facul|faculdade|trabalho|empresa|internship|job|company)$/
// How a sentence that asks opens when it has no question mark ("como separo isso", "why would a queue help here").
const ASKS_OPENER = /^(how|what|whats|why|when|where|which|who|does|do|did|can|could|will|would|should|is|are|como|qual|quais|pq|porque|por|oq|que|quando|onde|quanto|quantos|quantas|existe|tem|da|posso|devo|preciso)$/

interface Sentence { text: string, words: string[] }

/** A question's sentences, each with its folded words (a line break ends one too). */
function sentencesOf (raw: string): Sentence[] {
  return raw.split(SENTENCE_BREAK).map(text => ({ text, words: tokenize(foldText(text)) })).filter(s => s.words.length > 0)
}

/** Whether a sentence asks: it has a question mark, or opens as a question does (ASKS_OPENER). */
function asks (sentence: Sentence): boolean {
  return sentence.text.includes('?') || ASKS_OPENER.test(sentence.words[0])
}

/**
 * The sentences that ask, when the others only tell why the student asks or who said what ("pq usar docker afinal? meu
 * chefe numa software house acha q é so moda", "o que o hipervisor faz exatamente? me pediram pra explicar na
 * apresentacao do estagio"): their words share the question's weight with what is asked and can leave every section
 * under the strength that answers. The telling sentences must find no section on their own, in either language (a
 * sentence that tells "o gestor falou de finops" says what the question is about), and the asking ones must match a
 * section's own text strongly (STRONG, REST_MATCHED): a greeting ("oi tudo bem? me recomenda um filme") or a question
 * the notes only brush ("em python como leio um csv gigante sem estourar a memoria? e o dataset do tcc") does not.
 * Null when there is no such split.
 */
function askingWithoutTelling (base: KnowledgeBase, raw: string, queryLang: Lang): string | null {
  const sentences = sentencesOf(raw)
  const asking = sentences.filter(asks)
  const telling = sentences.filter(s => !asks(s))
  if (asking.length === 0 || telling.length === 0) return null
  const told = telling.map(s => s.text).join(' ')
  for (const lang of ['pt', 'en'] as const) {
    const best = base.search(told, { lang, queryLang, limit: 1 })[0]
    if (best !== undefined && best.strength >= MIN_STRENGTH) return null
  }
  const asked = asking.map(s => s.text).join(' ')
  const answering = (['pt', 'en'] as const).some(lang => base.search(asked, { lang, queryLang, limit: 1, paraphrases: false })
    .some(hit => hit.strength >= STRONG && hit.matched >= REST_MATCHED))
  return answering ? asked : null
}

/**
 * Names said only in a sentence that tells how the student does it on their own machine, job or course ("no nginx do
 * meu vps eu servia /static de uma pasta.", "at my old job we used rabbitmq for that.") before a sentence that asks
 * about what the notes treat ("no cloudfront como separo isso por caminho?"): that telling is the setting, the
 * question is the sentence that asks. Every such name must stand in telling sentences only; the sentences that ask
 * hold none of them nor another name the notes lack, and on their own they match a section strongly. A question
 * about the named thing's own parts ("nginx on my droplet returns 400 … what proxy headers does the location block
 * need?", "our worker service talks amqp to rabbitmq. what's the difference between a direct exchange and a topic
 * exchange") matches no section that way and stays not covered. `lang` is the language of the notes searched,
 * `queryLang` the question's, as in the retrieval's own searches.
 */
function toldBeforeAsking (base: KnowledgeBase, raw: string, names: readonly string[], lackedWords: readonly string[], lang: Lang, queryLang: Lang): boolean {
  if (names.length === 0) return false
  const sentences = sentencesOf(raw)
  if (sentences.length < 2) return false
  const holds = (s: Sentence, name: string): boolean => {
    const span = tokenize(foldText(name))
    return span.length > 0 && s.words.some((_, i) => span.every((word, k) => s.words[i + k] === word))
  }
  const telling = sentences.filter(s => !asks(s) && s.words.some(word => OWN_WORLD.test(word)))
  const asking = sentences.filter(asks)
  if (asking.length === 0 || !names.every(name => telling.some(s => holds(s, name)) && !asking.some(s => holds(s, name)))) return false
  // A word no note uses, capitalised inside a sentence that asks ("Sign in with Apple"), is a name that sentence asks about.
  const lacked = new Set(lackedWords.map(word => foldText(word)))
  if (asking.some(s => tokenize(s.text).some((word, i) => i > 0 && /^\p{Lu}/u.test(word) && lacked.has(foldText(word))))) return false
  const { named } = noteTerms(base)
  if (!asking.some(s => analyzerFor(lang).analyze(s.text).some(term => named.has(term)))) return false
  const asked = asking.map(s => s.text).join(' ')
  const best = base.search(asked, { lang, queryLang, limit: 1, paraphrases: false })[0]
  return best !== undefined && best.strength >= STRONG && best.matched >= REST_MATCHED
}

/** A question's other words, without the ones named, are this many at least when they ask something on their own. */
const REST_TERMS = 2
/** Share of those words the passage found must contain. */
const REST_MATCHED = 0.6
/** Share of a question's known terms that the lead note must match to answer despite a plain unknown word. */
const REST_MATCHED_PLAIN = 0.5

/** Whether the question without the given terms still clearly asks what a section answers (strength STRONG or more). */
function restAnswers (base: KnowledgeBase, text: string, without: readonly string[], lang: Lang, queryLang: Lang): boolean {
  const analyzer = analyzerFor(lang)
  const drop = new Set(without)
  const rest = tokenize(text).filter(word => !analyzer.terms(word).some(term => drop.has(term))).join(' ')
  if (new Set(analyzer.analyze(rest)).size < REST_TERMS) return false
  // The section's own text must answer: a student's question attached to it may share the rest's
  // words ("block an IP") while the section never explains the named thing.
  const best = base.search(rest, { lang, queryLang, limit: 1, paraphrases: false })[0]
  return best !== undefined && best.strength >= STRONG && best.matched >= REST_MATCHED
}

/**
 * The words of what a question quotes as code or a file, written with dots: "index.html",
 * "console.log", "process.env". They say which file or call, never which product; a version or an
 * address ("v3.11", "10.0.0.0") gives no words.
 */
export function dottedWords (typed: string): Set<string> {
  const out = new Set<string>()
  // A link's host named outside the link too ("como escrevo um helm chart? abri https://helm.sh/docs/…") is what the
  // student asks about, not a file.
  const links = [...typed.matchAll(LINK)].map(match => [match.index ?? 0, (match.index ?? 0) + match[0].length] as const)
  const outside = links.length === 0 ? new Set<string>() : wordsOutsideLinks(typed)
  for (const match of typed.matchAll(/[\p{L}\p{N}_-]+(?:\.[\p{L}\p{N}_-]+)+/gu)) {
    const inLink = links.some(([start, end]) => (match.index ?? 0) >= start && (match.index ?? 0) < end)
    for (const part of match[0].split('.')) {
      if (/\p{L}/u.test(part) && !/\d/.test(part)) for (const word of tokenize(foldText(part))) if (!inLink || !outside.has(word)) out.add(word)
    }
  }
  return out
}

/** A quoted passage that sets a task or asks a question: it opens with what an assignment asks for ("describe …", "explique …", "why …"). */
const QUOTED_TASK = /^\s*(describe|explain|compare|justify|classify|propose|discuss|define|list|design|why|how|what|which|when|where|should|descreva|explique|justifique|classifique|proponha|discuta|defina|liste|cite|projete|por que|porque|pq|como|qual|quais|quando|onde|o que)\b/

/**
 * The words of what a question quotes between quotation marks, two words or more: a message a tool
 * printed ("docker push dando 'no basic auth credentials'"), a phrase the student heard ("'roda igual
 * em todo lugar'", "a 'distributed monolith'"). The student says what they saw or heard, not which
 * product; a quoted single word may be a name and is left alone.
 */
export function quotedWords (typed: string): Set<string> {
  const out = new Set<string>()
  for (const match of typed.matchAll(QUOTED_PASSAGE)) {
    // A task or a question pasted from an assignment ("hw: 'describe how Amazon GuardDuty detects …'") is what the
    // student asks: its names are theirs.
    if (QUOTED_TASK.test(foldText(match[1]))) continue
    const words = tokenize(foldText(match[1]))
    if (words.length >= 2) for (const word of words) out.add(word)
  }
  return out
}

// The kind of interview a student sat, named before the word where the interview's question follows ("sre interview:",
// "backend interview q:", "devops interview asked …") or after it ("entrevista de sre"): the role they were interviewed
// for, not what they ask about. "how do i prepare for a devops job interview" asks about the interview itself.
const INTERVIEW_KIND = /\b([a-z][a-z0-9]*) (?:job |tech |technical )?interviews?(?: q| question| questions)?(?:\s*[:-]| asked| asks| wanted)|\bentrevistas? (?:de|pra|para) ([a-z][a-z0-9]*)\b/g

// The sites and apps where students see claims about the cloud: a video, a post, a course or a thread on them.
const PLATFORM = String.raw`(tiktok|youtube|yt|instagram|insta|reddit|twitter|facebook|udemy|alura|coursera|medium|quora|discord|whatsapp|zap|telegram|twitch|linkedin|kwai|stackoverflow|stack overflow|hacker news)`
// Where a claim was seen on one: "vi no tiktok que …", "num curso da udemy o cara falou …", "someone on reddit said", "a tiktok
// video says", "a linkedin influencer wrote"; and a post or a job ad on LinkedIn ("linkedin listing says …", "o post da vaga
// no linkedin fala em …").
const SEEN_ON_PLATFORM = new RegExp([
  String.raw`\b(linkedin) (?:ads?|listings?)\b`, String.raw`\b(?:post|vaga|anuncio|listing|ad) (?:\w+ ){0,3}(?:no|on|in|do|da) (linkedin)\b`,
  String.raw`\b(?:vi|li|ouvi|assisti|saw|read|heard|watched|seen)\b(?: \w+){0,4}? (?:no|na|num|numa|em|on|in|at|from) (?:um |uma |a |an |the |some |this |that )?(?:(?:videos?|posts?|curso|course|thread|comentarios?|comments?|reels?|shorts?|live|canal|channel|grupo|group|tutorial|story|stories) (?:do |da |de |no |na |on |from |in )?)?${PLATFORM}\b`,
  String.raw`\b(?:no|na|num|numa|on|in|at) (?:um |uma |a |an |the |some |this |that )?(?:videos?|posts?|curso|course|thread|reels?|shorts?|live|canal|channel|tutorial) (?:do |da |de |no |na |on |from |in )?${PLATFORM}\b`,
  String.raw`\b${PLATFORM} (?:influencers?|creators?|youtubers?|guy|guys|cara|videos?|posts?|threads?|courses?|curso|tutorial|comments?|users?|shorts?|reels?|live)\b`,
  String.raw`\b(?:someone|somebody|a guy|some guy|people|um cara|o cara|uma mina|alguem|galera|pessoal|influencers?|youtubers?) (?:on|no|na|do|da|in) ${PLATFORM}\b`
].join('|'), 'g')

/**
 * The words naming where the student met the question: the role of an interview (INTERVIEW_KIND), the site or app a claim,
 * a post or a job ad was seen on (SEEN_ON_PLATFORM).
 */
function whereMetWords (folded: string): Set<string> {
  const out = new Set([...folded.matchAll(INTERVIEW_KIND)].map(match => match[1] ?? match[2]))
  for (const match of folded.matchAll(SEEN_ON_PLATFORM)) {
    const platform = match.slice(1).find(group => group !== undefined)
    if (platform !== undefined) for (const word of platform.split(' ')) out.add(word)
  }
  return out
}

/** A key of a JSON document the student pasted, quoted and followed by its colon ("runtimePlatform": {…}). */
const DOCUMENT_KEY = /"([A-Za-z_][\w.-]*)"\s*:/g

/**
 * The words of the keys of a JSON document pasted into the question ('"runtimePlatform": {"cpuArchitecture": "ARM64"}'),
 * even without the braces around it: fields of the student's document, which name no product they ask about.
 */
function documentKeyWords (raw: string): Set<string> {
  return new Set([...raw.matchAll(DOCUMENT_KEY)].flatMap(match => tokenize(foldText(match[1]))))
}

/**
 * The words of a message the student quotes ("minha lambda deu 'Task timed out after 900.00 seconds'") that the question
 * writes nowhere else: what the student saw is no name the notes lack, unless they name it themselves outside the
 * quote ("redis hit maxmemory and now returns 'OOM command not allowed when used memory > maxmemory'").
 */
function quotedOnlyWords (typed: string): Set<string> {
  const quoted = quotedWords(typed)
  if (quoted.size === 0) return quoted
  const outside = new Set(tokenize(foldText(typed.replace(QUOTED_PASSAGE, ' '))))
  return new Set([...quoted].filter(word => !outside.has(word)))
}

/**
 * The words of something pinned to a version or a branch with "@" ("actions/checkout@v4",
 * "minha-action@main", "lodash@4.17"): a reference in the student's code, never a product the notes lack.
 * An e-mail address ("aluno@faculdade.edu") is not one: what follows its "@" has a dot and a word.
 */
export function pinnedWords (typed: string): Set<string> {
  const out = new Set<string>()
  for (const match of typed.matchAll(/(?<![\p{L}\p{N}@])([\p{L}\p{N}_./-]+)@([\p{L}\p{N}_.-]+)/gu)) {
    if (/^[a-z][a-z-]*\.[a-z]{2,}/i.test(match[2])) continue
    for (const word of tokenize(foldText(`${match[1]} ${match[2]}`))) out.add(word)
  }
  return out
}

/**
 * The words of what the student pasted between backticks, two words or more, or after a printed error's name: a log line, an error, a command
 * ("`OCI runtime exec failed: exec failed ...`", "`(task 9f2c...) failed ELB health checks`"). Only the words that
 * appear nowhere else in the question are returned: what the student saw names no product unless they name it
 * themselves ("local docker postgres keeps saying `FATAL: password authentication failed`"). One word between
 * backticks may be a name and is left alone.
 */
function pastedOnlyWords (typed: string): Set<string> {
  const out = new Set<string>()
  // A fenced block is pasted whatever its length ("```yaml\nEvents: ..."), its format word with it.
  const blocks = [...typed.matchAll(FENCED_BLOCK)].map(match => tokenize(foldText(match[0]))).filter(words => words.length >= 1)
  const written = withoutFencedBlocks(typed)
  // So is a block pasted between braces without fences (see bracedBlocks).
  const braced = bracedBlocks(written).map(block => tokenize(foldText(written.slice(block.start, block.end))))
  const inline = inlineSnippets(written).map(snippet => tokenize(foldText(snippet))).filter(words => words.length >= 2)
  // A message a program printed after its error's name, unquoted ("CannotPullContainerError ... dial tcp i/o timeout. oq
  // ta faltando?"), is pasted too when the student's own question follows it; one that runs to the end may be the question.
  const printed = [...written.matchAll(PRINTED_ERROR)].filter(match => /[\p{L}\p{N}]/u.test(written.slice((match.index ?? 0) + match[0].length)))
  const pasted = [...blocks, ...braced, ...inline, ...printed.map(match => tokenize(foldText(match[0]))).filter(words => words.length >= 2)]
  if (pasted.length === 0) return out
  let own = withoutInlineSnippets(withoutBracedBlocks(written))
  for (const match of printed) own = own.replace(match[0], ' ')
  const outside = new Set(tokenize(foldText(own)))
  for (const words of pasted) for (const word of words) if (!outside.has(word)) out.add(word)
  return out
}

/**
 * A message that opens with its error's name and a colon, as the question reads it once the name is split into words
 * ("`InvalidParameterValue: The name of a FIFO queue …`" read "invalid parameter value: the name …"): printed, however
 * its first word looks like a command's.
 */
const ERROR_NAME_OPENING = /^\s*[a-z]+(?: [a-z]+){0,6}: \S/

/**
 * The words of a message a program printed that the student pasted between backticks ("`Task timed out after 900.00
 * seconds`", "`NET::ERR_CERT_AUTHORITY_INVALID`"): the program's words, not names the student asks about. A command
 * the student typed ("`helm upgrade`", "`kubectl port-forward`") names its tool, and a message that names a package or
 * a flag, hyphenated in lower case ("Unable to locate package docker-ce"), names what it is about: those stay, as does
 * any word the student also writes outside the backticks.
 */
function printedMessageWords (typed: string): Set<string> {
  const out = new Set<string>()
  const written = withoutFencedBlocks(typed)
  const snippets = inlineSnippets(written)
    .filter(snippet => tokenize(snippet).length >= 2 && (ERROR_NAME_OPENING.test(snippet) || !/^\s*[a-z][\w-]*\s/.test(snippet)) && !/(^|\s)-*[a-z]+-[a-z0-9-]+/.test(snippet))
  if (snippets.length === 0) return out
  const outside = new Set(tokenize(foldText(withoutInlineSnippets(written))))
  for (const snippet of snippets) for (const token of tokenize(foldText(snippet))) if (!outside.has(token)) out.add(token)
  return out
}

/** What the student wrote between single backticks on one line ("`helm upgrade`", "`Task timed out`"), each without its marks. */
function inlineSnippets (written: string): string[] {
  return [...written.matchAll(/`([^`\n]+)`/g)].map(match => match[1])
}

/** The text with what is written between single backticks taken out. */
function withoutInlineSnippets (written: string): string {
  return written.replace(/`[^`\n]+`/g, ' ')
}

/** A block the student pasted between fences of three backticks, the format after the opening fence included ("```yaml"). */
const FENCED_BLOCK = /```[^\n`]*\n?[\s\S]*?(?:```|$)/g

/** A command line of a pasted block: the program it runs, in lower case, then its arguments ("helm install meuapp ./chart"). */
const COMMAND_LINE = /^\s*(?:\$\s*)?([a-z][\w-]*)[ \t]+(?!=)\S/

/**
 * The question without the blocks pasted between fences (a workflow's YAML, a policy's JSON, a command and its
 * output): what the student wrote in their own words, where the names they ask about are. The blocks still help
 * find the section (their fields are the notes' words), but a run of their words is no name. The program a pasted
 * command line runs is kept: it is the tool the student uses ("```bash\nhelm install meuapp ./chart```").
 */
function withoutFencedBlocks (text: string): string {
  return text.replace(FENCED_BLOCK, block => {
    const programs = block.split('\n').slice(1).map(line => COMMAND_LINE.exec(line)?.[1]).filter((program): program is string => program !== undefined)
    return ` ; ${programs.join(' ; ')} ; `
  })
}

/**
 * What the student pasted between braces without fences: a JSON document or policy, a Terraform block, a cached value
 * ('{"Effect": "Deny", "Condition": {"Bool": {"aws:SecureTransport": "false"}}}', 'resource "aws_lb_target_group" "api" {
 * port = 8080 target_type = "instance" }'). A block counts when it sets fields (a colon or an equals sign inside) and holds
 * two words at least, nested braces included; a placeholder ("/cursos/{id}", "${VAR}") sets none. Its keys are the
 * tool's, not names the student asks about, as in a fenced block.
 */
function bracedBlocks (text: string): Array<{ start: number, end: number }> {
  const out: Array<{ start: number, end: number }> = []
  let depth = 0
  let start = -1
  for (let i = text.indexOf('{'); i !== -1 && i < text.length; i++) {
    const code = text.charCodeAt(i)
    if (code === OPEN_BRACE) {
      if (depth === 0) start = i
      depth++
    } else if (code === CLOSE_BRACE && depth > 0 && --depth === 0) {
      const body = text.slice(start + 1, i)
      if (/[:=]/.test(body) && tokenize(body).length >= 2) out.push({ start, end: i + 1 })
    }
  }
  return out
}

const OPEN_BRACE = 123
const CLOSE_BRACE = 125

/** The text with the blocks pasted between braces (bracedBlocks) taken out. */
function withoutBracedBlocks (text: string): string {
  const blocks = bracedBlocks(text)
  if (blocks.length === 0) return text
  let out = ''
  let from = 0
  for (const { start, end } of blocks) {
    out += `${text.slice(from, start)} ; `
    from = end
  }
  return out + text.slice(from)
}

/** The question without what the student pasted, fenced (withoutFencedBlocks) or between braces (bracedBlocks). */
function withoutPastedBlocks (text: string): string {
  return withoutBracedBlocks(withoutFencedBlocks(text))
}

/** What the student quotes, as a file or call with its dots, pinned with "@" or as words between quotation marks: none of it names a product. */
function quotedTerms (typed: string): Set<string> {
  return new Set([...dottedWords(typed), ...quotedWords(typed), ...pinnedWords(typed)])
}

/** Programming languages, runtimes and web frameworks, which the course assumes and the notes do not teach. */
const PROGRAM_LANGUAGE = /^(java|python|node|nodejs|typescript|javascript|golang|ruby|php|dotnet|kotlin|react|angular|vue|django|flask|fastapi|spring|express|rails|laravel|nestjs)$/
/** What a student builds with one: their app, service, container or function. */
const PROGRAM_THING = /^(app|apps|application|applications|aplicacao|aplicacoes|aplicativo|api|apis|service|services|servico|servicos|backend|back|frontend|front|container|containers|conteiner|runtime|function|functions|funcao|funcoes|lambda|lambdas|server|servidor|image|imagem|task|tasks|microservice|microservices|microsservico|microsservicos|worker|workers|monolith|monolito|site|code|codigo)$/

// Kinds of thing a student builds and names by its job, written after that word ("my login lambda", "our orders queue").
const OWN_THING = /^(lambda|lambdas|function|functions|funcao|service|services|servico|api|queue|queues|fila|bucket|buckets|table|tabela|task|tasks|worker|workers|endpoint|endpoints|job|jobs|pipeline|cluster|container|topic)$/

// Base images a native dependency may crash on, and the words of its crash.
const BASE_IMAGE = /\b(alpine|musl|glibc|libc|slim|distroless|debian|ubuntu)\b/
const CRASHES = /^(crash|crashes|crashed|crashing|breaks|broke|fails|failed|blows|segfaults|quebra|quebrou|falha|falhou|explode|explodiu|crasha|crashou)$/
// The article or possessive between the verb and the dependency it broke ("quebrou o bcrypt").
const CRASHED_ARTICLE = /^(o|a|os|as|the|my|our|meu|minha|nosso|nossa)$/

// What a program is built with: a library, a package, a (native) module.
const DEPENDENCY_WORD = /^(module|modules|modulo|modulos|library|libraries|lib|package|packages|pacote|pacotes|addon|addons|dependency|dependencia|biblioteca)$/

/**
 * Whether a name the notes lack, or a word they never use, only says what the student's own program is written in or
 * built with, written next to it: its language or framework ("my slow-starting Java application", "its a java runtime",
 * "meu app python", "o container node", "nosso front react") or a library named as one ("bcrypt native module", "o
 * pacote sharp"). The program is where the student is; what they ask is what it meets on the cloud. A question about
 * the language or the library itself names no program of theirs ("pq meu for em python pula itens", "bcrypt or argon2
 * for hashing passwords") and keeps the name. The question's words are read once; the predicate answers per name.
 */
function ofTheirProgram (raw: string): (name: string) => boolean {
  const typed = tokenize(foldText(raw))
  const at = (i: number): string => typed[i] ?? ''
  const libraryAt = (i: number): boolean => DEPENDENCY_WORD.test(at(i + 1)) || (at(i + 1) === 'native' && DEPENDENCY_WORD.test(at(i + 2))) ||
    DEPENDENCY_WORD.test(at(i - 1)) || (['nativo', 'nativa'].includes(at(i - 1)) && DEPENDENCY_WORD.test(at(i - 2)))
  const languageAt = (i: number): boolean => PROGRAM_LANGUAGE.test(typed[i]) && (PROGRAM_THING.test(at(i - 1)) || PROGRAM_THING.test(at(i + 1)))
  return name => {
    const words = tokenize(foldText(name))
    if (words.length === 1 && typed.some((word, i) => word === words[0] && libraryAt(i))) return true
    if (words.length === 0 || words.length > 2 || !words.some(word => PROGRAM_LANGUAGE.test(word)) || !words.every(word => PROGRAM_LANGUAGE.test(word) || PROGRAM_THING.test(word))) return false
    return typed.some((word, i) => words.includes(word) && languageAt(i))
  }
}

/**
 * Whether a name the notes lack is what crashes on one base image and runs on another ("bcrypt crashes on alpine",
 * "node app with bcrypt works on debian but breaks on alpine", "a imagem alpine quebrou o bcrypt"): a native
 * dependency of the student's program, the setting of a question about the base image, however short the question.
 * The question's words are read once.
 */
function crashingDependency (raw: string): (name: string) => boolean {
  const typed = tokenize(foldText(raw))
  const at = (i: number): string => typed[i] ?? ''
  if (!BASE_IMAGE.test(foldText(raw))) return () => false
  const crashes = (i: number): boolean => CRASHES.test(at(i)) || (['keeps', 'continua', 'vive'].includes(at(i)) && CRASHES.test(at(i + 1)))
  // Portuguese puts the verb first ("a imagem alpine quebrou o bcrypt").
  const crashedBy = (i: number): boolean => CRASHES.test(at(i - 1)) || (CRASHES.test(at(i - 2)) && CRASHED_ARTICLE.test(at(i - 1)))
  return name => {
    const words = tokenize(foldText(name))
    return words.length === 1 && typed.some((word, i) => word === words[0] && (crashes(i + 1) || crashedBy(i) || (WITH.test(at(i - 1)) && PROGRAM_THING.test(at(i - 2)))))
  }
}

/** An address block written out with its prefix length ("10.0.0.0/16"), or that length alone ("a /16 vs a /24"). */
const ADDRESS_BLOCK = /\b\d{1,3}(?:\.\d{1,3}){3}\/\d{1,2}\b|(?:^|[\s(])\/(?:[89]|[12]\d|3[0-2])\b/

/**
 * Whether a question that has words no note uses still names a topic of the notes: one of its terms is
 * a word of a note's title, keywords or headings, or it writes as code a field the notes explain in
 * words ("finish_reason"). "Como troco o pneu do carro sozinho?" shares only everyday verbs with the
 * notes ("troco", "sozinho"), which a student's question attached to some section may contain, while
 * its subject ("pneu", "carro") is nowhere in them.
 */
/** A three-digit HTTP status code ("401", "503"). */
const STATUS_CODE = /^[1-5]\d\d$/

function namesATopic (base: KnowledgeBase, queryTerms: readonly string[], unknown: readonly string[], raw: string): boolean {
  if (unknown.length === 0) return true
  const { named, pairs, topics } = noteTerms(base)
  if (queryTerms.some(term => named.has(term))) return true
  // An HTTP status code a note writes ("a turma confunde 401 e 403") names what that note says of it.
  if (queryTerms.some(term => STATUS_CODE.test(term) && topics.has(term))) return true
  // An address block written out ("10.0.0.0/16", or its length alone: "/16 vs /24") is the notes' addressing, whatever else the question calls it.
  if (ADDRESS_BLOCK.test(raw)) return true
  // A field written as code whose words a note writes side by side, in that order, is a thing the notes explain.
  for (const match of foldText(raw).matchAll(/\b[a-z0-9]+(?:_[a-z0-9]+)+\b/g)) {
    for (const lang of ['en', 'pt'] as const) {
      const terms = analyzerFor(lang).analyze(match[0].replaceAll('_', ' '))
      if (terms.length >= 2 && terms.every((term, i) => i === 0 || pairs.has(`${terms[i - 1]} ${term}`))) return true
    }
  }
  return false
}

// How a student opens a statement of what they understood, to have it checked, and the article after it: "so the …",
// "correct me if im wrong but a …", "entao o …", "deixa eu ver se entendi: o …".
const CHECKING_UNDERSTANDING = /^\s*(?:(?:so|ok|okay|basically|if i got it right|correct me if (?:i'?m|im|i am) wrong(?: but)?|let me see if i got (?:it|this)|entao|basicamente|pelo que entendi|entendi que|deixa eu ver se entendi|me corrige se (?:eu )?(?:estiver|tiver) errad[oa](?: mas)?|se entendi direito)[,:]?\s+)+(?:(?:the|a|an|o|os|as|um|uma)\s+)?/

// An apology the student opens with, up to the comma or "but" that ends it ("sorry if this is dumb, …", "foi mal se for
// besteira, …", "desculpa a pergunta boba mas …"): what follows it is where the question starts.
const APOLOGY = /^\s*(?:sorry|apologies|desculpa|desculpe|foi mal|perdao)\b[^,:;?!.]{0,40}?(?:[,:;—]|\s(?:but|mas)\b)\s*(?:(?:the|a|an|o|os|as|um|uma)\s+)?/
// What the question says of the word after the apology: that it is something, or one of two ("pulumi é tipo terraform?",
// "firebase ou aws …"). A story after it ("sorry, bcrypt keeps segfaulting since …") tells where the student is.
const SAID_OF_SUBJECT = /^(e|eh|is|are|ou|or|vs|x|tipo|like)$/

/** The question without the apology it opens with, when what follows says what its first word is or sets it against another. */
function apologyOff (folded: string): string {
  const rest = folded.replace(APOLOGY, '')
  return rest !== folded && SAID_OF_SUBJECT.test(tokenize(rest)[1] ?? '') ? rest : folded
}

// How a student opens what they suppose, and the article after it: "what happens if the …", "oq acontece se o …", "e se a …".
const WHAT_IF = /^\s*(?:(?:o que|oq|o q|que) acontece se|what happens if|what if|e se)\s+(?:(?:the|my|our|a|an|o|os|as|meu|minha|nosso|nossa|um|uma)\s+)?/

// The first word of each sentence after the first: after a full stop, a question or an exclamation mark and a space.
const SENTENCE_OPENER = /[.?!]\s+(\p{L}[\p{L}\p{N}]*)/gu

/** The words, as typed, that open a sentence of the question other than its first. */
function sentenceOpeners (raw: string): Set<string> {
  return new Set([...raw.matchAll(SENTENCE_OPENER)].map(match => match[1]))
}

/**
 * A question that asks for a figure: the largest size of something ("qual o tamanho maximo de uma mensagem no sqs", "max
 * request body size api gateway accepts", "the largest file cloudfront will cache"), its price by the minute, the hour,
 * the month, the year, the user or the rule ("quanto custa por mes uma hosted zone", "qual o preco por hora de uma
 * t3.micro", "the hourly price of an ALB") or the disk operations a volume delivers ("whats the baseline iops of a gp3
 * volume", "quanto custa provisionar iops extra"). The notes answer it only where the answering note states a figure of
 * that kind. A price by the gigabyte is left out: "price per gb vs retrieval fee in s3" asks how two charges trade off,
 * which the storage note answers in words; "how much does an idle ALB cost" asks no rate, and the notes answer it in
 * words, as they answer which volume to take "for a database that needs a lot of iops".
 */
const ASKS_SIZE = /\b(max(imum)? (\w+ ){0,2}(size|payload|length)|(size|payload) limit|how big can|tamanho (maximo|max)|limite de tamanho|payload (maximo|max)|(largest|biggest|maior) (arquivo|file|objeto|object|item|payload|mensagem|message))\b/
const ASKS_PRICE = /\b(quanto (custa|custam|sai|cobra|cobram|fica)|how much (does|do|is|are|would|will)|(preco|valor|price|cost)( \w+)?) [^?.!]{0,50}?\b(por|per|an?|a cada|each) (hora|mes|ano|hour|month|year|regra|rule|(monthly active )?user|usuario)\b|\b(hourly|monthly|yearly|annual) (price|cost|rate)\b|\b(charge|charges|cobra|cobram|custa|cost|costs) (\w+ ){0,4}(per|por) (minute|minuto)\b|\b(custo|preco|valor) exato\b|\bexact (price|cost|amount)\b/
const ASKS_IOPS = /\b(baseline|base|quantos|how many|max(imum)?|default|padrao|formula (de|do|da|of)) (\w+ ){0,2}iops\b|\biops (de base|baseline|extras?|adicion\w+)\b|\b(extra|additional|more) iops\b|\b(cost|costs|custa|custam|price|preco) (\w+ ){0,3}iops\b/
const SIZE_FIGURE = /\d ?(KB|MB|GB|TB|KiB|MiB|GiB|TiB|bytes)\b|\/\d\d?\b/
const PRICE_FIGURE = /(US)?\$ ?\d|\d ?(USD|dollars|dolares)\b/
const IOPS_FIGURE = /\d ?(k )?IOPS\b/i

const FIGURES = new WeakMap<KnowledgeBase['index'], Map<string, { size: boolean, price: boolean, iops: boolean }>>()

/** Whether a note states a size, a price and a rate of disk operations anywhere in its text. */
function noteFigures (base: KnowledgeBase, path: string): { size: boolean, price: boolean, iops: boolean } {
  let byPath = FIGURES.get(base.index)
  if (byPath === undefined) FIGURES.set(base.index, byPath = new Map())
  let figures = byPath.get(path)
  if (figures === undefined) {
    const text = base.index.passages.filter(p => p.path === path).map(p => p.text).join('\n')
    byPath.set(path, figures = { size: SIZE_FIGURE.test(text), price: PRICE_FIGURE.test(text), iops: IOPS_FIGURE.test(text) })
  }
  return figures
}

/** Whether the question asks for a figure that the answering note never states. */
/**
 * A question that asks for the exact text of a configuration or a command ("qual o json exato de uma lifecycle rule",
 * "the exact yaml for a cronjob"): the answering section must show one, in a code block; a section that explains the
 * thing in words does not answer it.
 */
const ASKS_EXACT_CODE = /\b(?:json|yaml|yml|hcl|comando|command|template|dockerfile|manifest|manifesto|policy|politica|config)s? (?:\w+ ){0,2}(?:exat[oa]s?|exact)\b|\bexact (?:\w+ ){0,2}(?:json|yaml|yml|hcl|command|template|dockerfile|manifest|policy|config)\b/

/** Whether the question asks for the exact text of a configuration (ASKS_EXACT_CODE) and the section shows none. */
function codeMissing (folded: string, sectionText: string): boolean {
  return ASKS_EXACT_CODE.test(folded) && !sectionText.includes('```')
}

function figureMissing (base: KnowledgeBase, folded: string, path: string): boolean {
  const figures = noteFigures(base, path)
  return (ASKS_SIZE.test(folded) && !figures.size) ||
    (ASKS_PRICE.test(folded) && !figures.price) ||
    (ASKS_IOPS.test(folded) && !figures.iops)
}

/**
 * A question that asks how many of a thing a service allows at most ("how many listener rules can one alb take before
 * hitting the limit", "qual o numero maximo de targets num target group", "quantos containers no maximo cabem numa task
 * definition", "qntos" as students shorten it): the count it asks about (group 1) and, in the rest of the question, the
 * word that makes it a limit. "How many usable addresses does a /24 give" or "quantos containers cabem num servidor
 * comparado com vms" ask no limit: the first is worked out from the block, the second asks how dense, which the notes
 * answer in words. "max" that starts a setting's name ("max-age") is that setting, no limit: "max-age de um ano da
 * quantos segundos" is worked out.
 */
const ASKS_COUNT = /\b(?:how many|quant[oa]s|qnt[oa]?s|qt[oa]?s|(?:what(?:'?s| is) the|whats the|qual (?:e )?o) max(?:imo|imum)? (?:de|of)(?=\s+[a-z0-9_-]+s\b)|(?:what(?:'?s| is) the|whats the|is there an?|qual (?:e )?(?:o|a)|existe (?:um|uma)|tem (?:um|uma)) max(?:imum)? (?:number|count) of|(?:what(?:'?s| is) the|whats the|is there an?|qual (?:e )?(?:o|a)|existe (?:um|uma)|tem (?:um|uma)) (?:numero|quantidade) max(?:imo|ima)? de|limite de quant[oa]s)\s+((?:[a-z0-9_-]+\s+){0,3}?[a-z0-9_-]+)(?=\s+(?:can|could|do|does|will|would|i|we|you|may|should|fit|per|por(?! (?:segundo|minuto|hora|s|min)\b)|in|on|into|numa?|em|no|na|de|do|da|que|cabem|cabe|posso|consigo|conseguimos|uma|um|pode|podem|aguenta|suporta|before|at|is|are|max|ele|ela|eles|elas|it|they)\b|[?,.!]|$)/g
const ASKS_LIMIT = /\b(?:max(?!-)|maximum|maximo|maxima|limit|limite|limites|at most|no maximo|ate quant[oa]s|aguenta|suporta|before (?:it )?(?:throttl\w*|hitting|gets? throttled)|hard cap|quota|cota)\b/
// Words that state a count before the thing counted. Portuguese "um" and "uma" are left out: they are as often the
// article ("a origem de uma regra" counts no rules).
const NUMBER_WORDS = new Set(('one two three four five six seven eight nine ten eleven twelve fifteen twenty thirty fifty hundred hundreds ' +
  'thousand thousands dozen dozens single dois duas tres quatro cinco seis sete oito nove dez onze doze quinze vinte trinta ' +
  'cinquenta cem centenas mil milhares dezenas unico unica').split(' '))
// The words a count's span carries that name no thing: articles, prepositions, "one", "each".
const COUNT_FILLERS = new Set('a an the of de do da dos das o os as each per por in em no na my meu minha one uma um single unica unico same mesmo mesma ao ele ela eles elas it they'.split(' '))
const countStem = (word: string): string => word.replace(/(?:es|s)$/, '').slice(0, 5)
// A count asked per unit of time, and a figure stated per unit of time.
const ASKS_RATE = /\b(?:per|por|a|an|each|cada) (?:segundo|second|sec|minuto|minute|min)\b/
const STATED_RATE = /\d[\d.,]*\s+(?:\S+\s+){0,4}(?:por|per|a|an?)\s+(?:segundo|second|minuto|minute)\b/

// A bound that closes its clause, so that it is said of the thing before it: "a VPC has at most one", "no máximo 5."
// ("configurable up to 4,000 seconds" bounds the seconds).
const STATED_BOUND = /\b(?:at most|up to|no more than|a maximum of|maximum of|limit of|ate|no maximo|limite de|maximo de) (?:\d+(?:[.,]\d+)*(?![\d.,]\d)|one|two|three|four|five|six|seven|eight|nine|ten|um|uma|dois|duas|tres|quatro|cinco|seis|sete|oito|nove|dez)\s*(?:[.;,)]|$)/

/**
 * Whether the question asks how many of a thing is allowed at most and the answering section states no count of it: a
 * number right before one of the count's words ("15 read replicas", "até 15 réplicas de leitura", "five security
 * groups") or a bound stated in a sentence that names all of it ("a VPC has at most one", said of the internet gateway).
 * Each word of the count ("listener rules", "read replicas ele") is tried, so that either language's head noun is; a
 * question that asks several counts ("quantas copias … em quantas az? e quantas read replicas") is answered where the
 * section states one of them. A number further away is most often something else: "HTTPS on 443 with rules".
 */
function countMissing (folded: string, sectionText: string): boolean {
  if (!ASKS_LIMIT.test(folded)) return false
  // "servico com 4 tasks, minimumHealthyPercent 100 e maximumPercent 200. durante o deploy quantas tasks ficam rodando no
  // max?": figures given before the count make it a sum to work out from them, not a quota to look up.
  const asked = folded.search(ASKS_COUNT)
  if (asked > 0 && /\d/.test(folded.slice(0, asked))) return false
  const counts = [...folded.matchAll(ASKS_COUNT)]
    .map(count => count[1].split(/\s+/).filter(word => word.length > 1 && !COUNT_FILLERS.has(word)).map(countStem))
    .filter(words => words.length > 0)
  if (counts.length === 0) return false
  const things = new Set(counts.flat())
  const section = foldText(sectionText)
  // A rate ("quantas mensagens por segundo") is answered by a figure stated per second, whatever it counts ("300 chamadas de API por segundo").
  if (ASKS_RATE.test(folded) && STATED_RATE.test(section)) return false
  for (const sentence of section.split(SENTENCE_BREAK)) {
    const words = sentence.split(/[^a-z0-9.,/%$-]+/).filter(word => word !== '')
    const stems = new Set(words.map(countStem))
    if (STATED_BOUND.test(sentence) && counts.some(count => count.every(stem => stems.has(stem)))) return false
    for (let i = 1; i < words.length; i++) {
      if (things.has(countStem(words[i])) && (/\d/.test(words[i - 1]) || NUMBER_WORDS.has(words[i - 1]))) return false
    }
  }
  return true
}

export function retrieve (base: KnowledgeBase, typed: string, options: RetrieveOptions = {}): Retrieval {
  // "route53", "s3:DeleteObject": what the student typed as one word reads as its words from here on.
  const raw = spellOutTypedTerms(base, typed)
  const question = readQuestion(raw)
  const limit = options.limit ?? 3
  const minStrength = options.minStrength ?? MIN_STRENGTH
  const unknown = unknownWords(base, raw, question.lang)
  // What the notes never answer, whatever words they share with it: the course's own rules, careers and study skills.
  // They are read in the student's own words too, before a slip is mended: "recursao" is recursion, not a slip for "recurso".
  const folded = foldText(raw)
  const asTyped = foldText(typed)
  // Whether the question, folded or as typed, reads as `pattern`, with what `leftOut` matches taken out first.
  const readsAs = (pattern: RegExp, leftOut?: RegExp): boolean => leftOut === undefined
    ? pattern.test(folded) || pattern.test(asTyped)
    : pattern.test(folded.replace(leftOut, ' ')) || pattern.test(asTyped.replace(leftOut, ' '))
  const courseLogistics = readsAs(COURSE_LOGISTICS)
  const certification = CERTIFICATION.exec(folded)?.[0] ?? null
  const careerOrStudy = readsAs(CAREER, CV_AS_REASON) || readsAs(STUDY_SKILLS)
  // Only an unknown term is evidence that the notes do not treat the question; an everyday word
  // they happen not to use ("dps", "deixei", "throwing") is not (see isCommonWord).
  const firstWord = tokenize(raw)[0]
  // A sentence after the first one opens with a capital too ("… como o EKS faz? Estamos decidindo"): the capital is
  // the sentence's, as the first word's is, not a name's.
  const openers = sentenceOpeners(raw)
  const opensSentence = (word: string): boolean => word === firstWord || openers.has(word)
  const phrased = phraseWords(foldText(raw))
  // "How does it …": asked of the one name the notes do not treat, when the question has just one (see ASKS_OF_IT).
  const asksOfIt = ASKS_OF_IT.test(foldText(raw))
  // "My JavaScript and CSS files", "HTML pages" are files of a kind: the format is no product the notes lack.
  const fileKinds = fileKindWords(foldText(raw))
  // "task arm64 (graviton)": a word in parentheses after a known one says which, not what about (see glossWords).
  const glossed = glossWords(raw, unknown)
  // "…, like a shared SAN LUN?": a closing comparison with what the student knows (see likenedWords).
  const likened = likenedWords(raw)
  // "analogia pra hipervisor? tipo um sindico dividindo o predio": what an asked-for analogy is drawn from (see analogyWords).
  // "saas tipo gmail": the product given as a service model's example is such a likeness too (see modelExampleWords).
  const likeness = new Set([...analogyWords(raw), ...modelExampleWords(folded)])
  // "minha instancia rds m5.2xlarge": the size of the student's own machine (see INSTANCE_TYPE).
  const sized = instanceTypeWords(foldText(raw))
  // "`OCI runtime exec failed: ...`": what the student pasted names no product they ask about (see pastedOnlyWords).
  const pasted = pastedOnlyWords(raw)
  // "meu app python", "bcrypt native module": what the student's own program is made with (see ofTheirProgram).
  const programs = ofTheirProgram(raw)
  // "no GCP eu usava o firebase …; na aws …": what the student says of another vendor's cloud (see withoutOtherCloud).
  const otherCloud = withoutOtherCloud(raw)
  // Every word the question uses in one of those ways, gathered once: none of them is a name the notes lack.
  // How plainly the student wants it told ("eli5") names nothing either.
  // "I) … II) … III) …": how a quiz numbers its statements (see statementLabels).
  const quizLabels = new Set(statementLabels(raw))
  const saidAsNoName = new Set([...phrased, ...fileKinds, ...glossed, ...likened, ...likeness, ...sized, ...pasted, ...otherCloud.words, ...quotedOnlyWords(raw), ...documentKeyWords(raw), ...whereMetWords(folded), ...assignedValues(raw),
    ...gistWords(folded), ...quizLabels])
  const unknownTerms = unknown.filter(word => !isCommonWord(word, question.lang, opensSentence(word)) && !saidAsNoName.has(foldText(word)) && !spelledAsNoProduct(word) &&
    !everyday(base, raw, word, question.lang, opensSentence(word)) && !programs(word))
  const other: Lang = question.lang === 'pt' ? 'en' : 'pt'
  // Words no note contains cannot match; left in, they would only dilute the share of the question matched.
  const unknownFolded = new Set(unknown.map(word => foldText(word)))
  // The region a console link opens in ("https://sa-east-1.console.aws.amazon.com/xray/home") is where the student
  // happens to be working, not what they ask about: it would lead such questions to the note on Regions.
  const linked = withoutConsoleRegions(question.text)
  const searchText = unknownFolded.size === 0 ? linked : tokenize(linked).filter(word => !unknownFolded.has(word)).join(' ')
  // The sections are ranked without the words of how plainly the student wants it told (see withoutGistPhrases), and
  // without "stand for" when the notes spell out the letters asked ("what does VPC stand for"): the passage that spells them
  // answers, and "stand" would lead to whichever section writes "stand-alone"; nor the region codes that only say where
  // the student runs things (see withoutPlacingRegions).
  const rankText = withoutPlacingRegions(withoutGistPhrases(spelledInNotes(base, raw) ? searchText.replace(STAND_FOR, ' ') : searchText))
  // The words of what a program printed, pasted between backticks (see printedMessageWords): no names.
  const printed = printedMessageWords(raw)
  // The question as the student wrote it, without the blocks they pasted (see withoutPastedBlocks) and what
  // they say of another vendor's cloud: where names are read.
  const ownWords = withoutPastedBlocks(otherCloud.text)
  const asked = withoutWebSearch(withoutOtherCloud(question.text).text)
  const namesText = unknownFolded.size === 0 ? withoutPastedBlocks(asked) : tokenize(withoutPastedBlocks(asked)).filter(word => !unknownFolded.has(word)).join(' ')
  for (const lang of [question.lang, other]) {
    const found = base.search(searchText, { lang, queryLang: question.lang, limit: CANDIDATES, perNote: 2 })
    const best = found[0]
    if (best === undefined || best.strength < minStrength) continue
    const foreign = lang !== question.lang ? analyzerFor(question.lang).isStopWord : undefined
    const rankFound = rankText === searchText ? found : base.search(rankText, { lang, queryLang: question.lang, limit: CANDIDATES, perNote: 2 })
    const queryTerms = [...new Set(analyzerFor(lang).analyze(searchText, foreign))]
    const rankTerms = rankText === searchText ? queryTerms : [...new Set(analyzerFor(lang).analyze(rankText, foreign))]
    // Each note counts as strongly as either reading of the question finds it: the words of how plainly to tell it
    // are those of some students' questions the notes hold.
    const ranked = rankText === searchText
      ? rerank(base, found, question, lang, queryTerms, subjectHits(base, question, searchText, lang) ?? found)
      : rerank(base, [...rankFound, ...found], question, lang, rankTerms, subjectHits(base, question, rankText, lang) ?? [...rankFound, ...found], queryTerms)
    let lead = ranked[0]
    const hits: RankedHit[] = []
    const perNote = new Map<string, number>()
    for (const hit of ranked) {
      if (hits.length >= limit || hit.rank < lead.rank * RELATIVE_CUTOFF) break
      const n = perNote.get(hit.path) ?? 0
      if (n >= 2) continue
      perNote.set(hit.path, n + 1)
      hits.push(hit)
    }
    // A name the notes lack is what the question is about ("configurar o SageMaker"), unless the
    // rest of the question alone clearly asks something a section answers ("guardar a chave da API
    // do Hugging Face num contêiner": keeping an API key, whoever issued it).
    const leadPassage = passageOf(base, lead)
    const untreated = untreatedNames(base, ownWords, lead.path, lang, leadPassage === undefined ? undefined : new Set([...analyzed(leadPassage).heading, ...analyzed(leadPassage).text]))
      .filter(name => !programs(name))
      // "pipeline III": a statement's number beside a word is no name; "the branch stores" a question likens a cluster to is
      // none either; nor are the words pasted between backticks, found in the question as the student typed it (the text
      // names are read from has lost its braced blocks, and with them how the backticks pair: "`\"Condition\": {…}`").
      .filter(name => {
        const words = tokenize(foldText(name))
        return !words.some(word => quizLabels.has(word)) && !words.every(word => likeness.has(word)) && !words.every(word => printed.has(word))
      })
    // A name the notes mention only in passing ("targets such as Lambda, SQS or Step Functions")
    // is no more explained than an unknown one: the question is covered only when its other words
    // alone clearly ask what a section answers ("is Gmail SaaS or PaaS", "keep my API key out of Git").
    // A name is read within the words of one side of a comparison: "api gateway ou load balancer"
    // holds no "Gateway Load Balancer".
    // A file or a call the student quotes ("index.html", "console.log"), or an error message a tool
    // printed ("Too Many Requests"), names no product; nor does a count ("pedi 2 vcpu"): it says how
    // much; nor the format of a kind of file ("HTML pages").
    const quoted = quotedTerms(typed)
    const passing: ReturnType<typeof passingNamesIn> = []
    // What the student pasted from a program, a message after its error's name or a command line, names nothing they ask about.
    for (const side of withoutPrinted(namesText).split(CONJUNCTION)) {
      for (const name of passingNamesIn(base.index, [...new Set(analyzerFor(lang).analyze(side, foreign))], lang)) {
        const words = tokenize(foldText(name.spelled))
        if (!passing.some(p => p.spelled === name.spelled) && !words.every(word => quoted.has(word) || printed.has(word) || likeness.has(word)) && !errorMessage(words) && !counted(raw, words) && !words.every(word => fileKinds.has(word)) &&
          !programs(name.spelled)) passing.push(name)
      }
    }
    // A name of the field made of ordinary words that the notes never write ("App Runner", "sticky sessions") is read the same way.
    for (const name of unwrittenFieldNames(base, ownWords, lang)) if (!passing.some(p => p.spelled === name.spelled)) passing.push(name)
    // ...and so is one the student describes without its name ("kill random servers in production on purpose"):
    // the words that describe it stand for the name.
    for (const technique of describedTechniques(spellOutAbbreviations(foldText(ownWords)))) {
      if (passing.some(p => p.spelled === technique.name) || !isUnwrittenFieldName(base, technique.name)) continue
      // Read as the question's text reads them: the notes' words a phrase adds for them ("passwords": "secret") go too.
      passing.push({ spelled: technique.name, terms: [...new Set(analyzerFor(lang).analyze(expandAbbreviations(technique.words.join(' '))))] })
    }
    // When the rest does answer, the answer still says that the notes do not treat the name.
    const aside: string[] = []
    // A name the question asks to define ("what is the saga pattern for …"), how it works ("how does the saga
    // pattern handle …") or how to work it ("how do i install a helm chart"), or the one a statement to judge opens
    // ("V ou F: placement group do tipo cluster …"), is its subject however well the rest matches.
    if (passing.length > 0 && (!restAnswers(base, searchText, passing.flatMap(name => name.terms), lang, question.lang) ||
        anyWhere(raw, [], passing.map(name => name.spelled), (words, first) => defining(words, first) || subjectOfQuestion(words, first, true) || adopting(words, first) || judgedStatement(words, first)) ||
        (passing.length === 1 && asksOfIt))) {
      for (const { spelled } of passing) if (!untreated.some(name => foldText(name) === foldText(spelled))) untreated.push(spelled)
    } else {
      for (const { spelled } of passing) aside.push(spelled)
    }
    // A name that one of the answering section's own attached questions asks about, in much the same
    // words, is one the notes say that section answers ("o docker no meu notebook windows pede wsl 2
    // ligado, pq" for "instalei docker no windows e ele pediu pra ativar wsl 2").
    const answered = answeredInLead(base, lead, untreated, queryTerms, lang, raw, unknownTerms)
    // Several names that the answering section lists as its examples ("Gmail, Microsoft 365, Salesforce"), asked
    // about with a word of the lines that list them ("zoom, salesforce e azure functions: qual as-a-service?"),
    // ask where each belongs: the section answers that, for all of them together.
    // One such name asked about beside another example of the same lines that the notes never treat
    // ("gmail, elastic beanstalk e azure functions: qual modelo?") is asked the same, unless the question
    // asks what it is, how it works or how to set it up ("how do i install a helm chart on my eks cluster").
    const examples = untreated.length === 1 && !anyWhere(raw, [], untreated, (words, first) => defining(words, first) || subjectOfQuestion(words, first, true) || adopting(words, first))
      ? [...untreated, ...examplesLeadWrites(base, lead, raw, untreated)]
      : untreated
    const listed = listedInLead(base, lead, examples, queryTerms, lang)
    for (let i = untreated.length - 1; i >= 0; i--) if (listed || answered.has(untreated[i])) untreated.splice(i, 1)
    // Another section of the answering note may be the one that says it ("fargate spot roda arm64?" is
    // answered among the note's key facts, not under the capacity strategies that lead): a sentence that
    // names it together with SAID_WITH_NAME of the question's other words. That section leads.
    const leadWith = (saying: Passage): void => {
      const same = (hit: RankedHit): boolean => hit.path === saying.path && hit.heading === saying.heading && hit.kind === saying.kind
      const at = hits.findIndex(same)
      const hit = at >= 0
        ? hits.splice(at, 1)[0]
        : ranked.find(same) ?? { ...lead, path: saying.path, topic: saying.topic, heading: saying.heading, kind: saying.kind, text: saying.text }
      hits.unshift(hit)
      if (hits.length > limit) hits.pop()
      lead = hit
    }
    // A refusal the student ran into ("route 53 won't let me put a CNAME on example.com itself") is answered by the
    // sentence that states the limit ("a CNAME cannot be used at the zone apex"): where another section of the leading
    // note states it with more of the question's words than the lead does, that section leads.
    if (REFUSED.test(folded)) {
      const stating = sectionStatingLimit(base, lead, queryTerms, lang)
      if (stating !== null) leadWith(stating)
    }
    if (untreated.length > 0) {
      const saying = sectionSaying(base, lead.path, untreated, queryTerms, lang)
      if (saying !== null) {
        leadWith(saying)
        untreated.length = 0
      }
    }
    // So may a section of another note found with it, in the order found ("can i run arm64 (graviton) tasks on fargate
    // spot?", said among the Spot note's key facts while the FinOps note's section on Spot leads), where the sentence says
    // more of the question: SAID_ELSEWHERE of its words, not the pieces of a code or a number ("sa-east-1").
    if (untreated.length > 0) {
      const words = queryTerms.filter(term => term.length >= 3 && !/\d/.test(term))
      for (const path of new Set(ranked.map(hit => hit.path).filter(path => path !== lead.path))) {
        const saying = sectionSaying(base, path, untreated, words, lang, SAID_ELSEWHERE)
        if (saying === null) continue
        leadWith(saying)
        untreated.length = 0
        break
      }
    }
    // A name the leading note does not treat that another note ranked close behind does ("undo my deployment with
    // kubectl": the ECS rollback section leads on "undo", the Kubernetes note is the one that treats kubectl): that note's
    // best section answers, and the name is no longer missing.
    if (untreated.length > 0) {
      const treating = ranked.find(hit => hit.path !== lead.path && hit.rank >= lead.rank * TREATING_CUTOFF &&
        untreated.every(name => namesInKeywords(base, hit.path, name, lang)))
      if (treating !== undefined) {
        leadWith(passageOf(base, treating) as Passage)
        untreated.length = 0
      }
    }
    // An unknown word written as a plain word of the sentence, neither introduced as a service
    // ("o X", "with X", "AWS X") nor one of the things compared, is how the student phrases the
    // question when the rest of it clearly matches a section of one note.
    // In a Portuguese question, such a word spelled as Portuguese words are ("de graça ou pago",
    // "a task mata") is everyday language the notes happen not to use: a strong match of the rest
    // is enough, however few its words.
    // A foreign word after a Portuguese article ("configuro o traefik") is a name as well.
    const foreignNoun = question.lang === 'pt' && unknownTerms.some(word => !portugueseShaped(word) && !isEverydayWord(foldText(word), 'pt') && afterArticle(raw, word))
    // An unknown word that opens the question ("trivy in github actions: ...", "jaeger pra tracing") is its subject, and
    // so is one that opens what a student checks they understood ("so graphql is one endpoint …, right?") or what they
    // suppose ("oq acontece se o codepipeline falhar …").
    const checkedSubject = tokenize(apologyOff(folded).replace(CHECKING_UNDERSTANDING, '').replace(WHAT_IF, ''))[0]
    // An everyday word there is the student's phrasing, whatever its language ("e se um hacker descobrir o ip …").
    const opensChecked = checkedSubject !== undefined && checkedSubject !== foldText(firstWord ?? '') && !isEverydayWord(checkedSubject, question.lang) &&
      unknownTerms.some(word => foldText(word) === checkedSubject)
    const opens = opensChecked || (firstWord !== undefined && unknownTerms.some(word => foldText(word) === foldText(firstWord)))
    // "ativei dnssec no route 53 e o dominio parou": what the student switched on is what went wrong (see switchedOn); "o
    // chatgpt disse q o gitlab ci usa o mesmo yaml": what a claim to check is said of is what is asked (see judgedStatement).
    // "thinking about switching from docker to podman": what they would switch to is what they weigh (see weighingSwitch),
    // even where they tell it before asking.
    const weighed = anyWhere(raw, unknownTerms, [], weighingSwitch)
    const claimed = anyWhere(raw, unknownTerms, untreated, claimedByClassmate)
    const about = asksAbout(raw, unknownTerms, untreated) || (unknownTerms.length + untreated.length === 1 && asksOfIt) || weighed ||
      anyWhere(raw, unknownTerms, [], switchedOn) || anyWhere(raw, unknownTerms, untreated, judgedStatement) || claimed ||
      anyWhere(raw.replace(EXAMPLE_DOMAIN, ' '), unknownTerms, untreated, exampleAsked)
    // Capitalised inside the sentence ("enable Istio mutual TLS"), a word the notes lack is spelled as a name;
    // a word of a name of the field ("Hugging Face") is read with that name, above.
    const namedAbove = new Set(passing.flatMap(name => tokenize(foldText(name.spelled))))
    const capitalisedInside = unknownTerms.some(word => /^\p{Lu}\p{Ll}/u.test(word) && foldText(word) !== foldText(firstWord ?? '') && !namedAbove.has(foldText(word)))
    const plain = !opens && !namesAService(raw, unknownTerms) && !foreignNoun && !about && !unknownTerms.some(acronymShaped) && !capitalisedInside
    // How strongly the note matches on its own text: the students' questions attached to it may
    // share the question's everyday words ("backups") without the note treating its unknown one.
    const everyday = question.lang === 'pt' && unknownTerms.every(word => portugueseShaped(word) && (!afterArticle(raw, word) || PORTUGUESE_SUFFIX.test(foldText(word))))
    // Words spelled as everyday Portuguese ("fico", "sobra") are phrasing, not names: the students'
    // questions may carry such a question. Any other unknown word may be a name the note lacks
    // ("ransomware" next to "backups"), so the note's own text must match strongly.
    const strong = unknownTerms.length > 0 && (everyday
      ? noteStrength(found, lead) >= EVERYDAY_STRONG
      : base.search(searchText, { lang, queryLang: question.lang, limit: CANDIDATES, perNote: 2, paraphrases: false })
        .some(hit => hit.path === lead.path && hit.strength >= STRONG))
    const answersAll = untreated.length === 0 && namesATopic(base, queryTerms, unknown, raw) && (unknownTerms.length === 0 ||
      (plain && strong && (everyday || (noteMatched(found, lead) >= REST_MATCHED_PLAIN && queryTerms.length >= 3))))
    // One name the notes lack in a long question whose other words strongly match a section is where the
    // student is ("no wireshark vi o client hello...", "my bcrypt module crashes on alpine"):
    // what they ask is what that section answers. The answer says the notes do not treat the name.
    // The words a phrase adds for the notes' term ("escalar as tasks" → "auto scaling") help find the section; the
    // student did not write them, so they do not make the question longer.
    const written = (terms: readonly string[]): string[] => {
      const said = new Set(analyzerFor(lang).analyze(spellOutAbbreviations(foldText(raw)), foreign))
      return terms.filter(term => said.has(term))
    }
    // A name the question writes twice ("we use gitlab ci …, how do i set up the gitlab runners") is what it is about, not where the student is.
    const rawWords = tokenize(foldText(raw))
    const repeated = unknownTerms.some(word => rawWords.filter(w => w === foldText(word)).length >= 2)
    // A name the question opens with, after its article ("o guardduty detecta …", "the X …") and its vendor if any ("o amazon
    // guardduty"), is what it is about.
    const opening = rawWords[0]
    const opened = VENDOR.test(rawWords[1] ?? '') ? rawWords[2] : rawWords[1]
    const opensAfterArticle = opening !== undefined && opened !== undefined && /^(o|a|the)$/.test(opening) &&
      unknownTerms.some(word => foldText(word) === opened && !(question.lang === 'pt' && (portugueseShaped(word) || PORTUGUESE_SUFFIX.test(opened))))
    const named = [...untreated, ...unknownTerms]
    const crashed = named.length === 1 && crashingDependency(raw)(named[0]) ? named : []
    const namedOnce = distinctNames(named)
    const told = !answersAll && !weighed && toldBeforeAsking(base, raw, namedOnce, unknown, lang, question.lang) ? namedOnce : []
    const setting = answersAll || claimed || anyWhere(raw, unknownTerms, untreated, proposedByClassmate) ? [] : told.length > 0 ? told
      : about || repeated || opensAfterArticle || opensChecked ? [] : crashed.length > 0 ? crashed
      : unknownTerms.some(word => toolOrOwner(raw, word) || TOOL_FILE.test(foldText(word))) ? [] : settingName(found, lead, written(queryTerms), unknownTerms, untreated, lang)
    if (certification !== null && !untreated.some(name => foldText(name) === certification)) untreated.push(certification)
    // A limit asked of a thing the leading section gives no number for is answered by the section found with it that
    // states one ("how many internet gateways can one vpc have at most": the internet gateway's section, "at most one",
    // not the NAT gateway's that leads); where none does, the notes do not answer it.
    let countStated = !countMissing(folded, lead.text)
    if (!countStated) {
      const stating = hits.find(hit => !countMissing(folded, hit.text))
      const passage = stating === undefined ? undefined : passageOf(base, stating)
      if (passage !== undefined) {
        leadWith(passage)
        countStated = true
      }
    }
    // "em python oq acontece se eu remover itens de uma lista enquanto itero": a programming language's own workings.
    const languageOnly = languageQuestion(base, folded, queryTerms)
    const libraryAsked = LIBRARY_ASKED.test(folded)
    const covered = (answersAll || setting.length > 0) && !courseLogistics && certification === null && !careerOrStudy && !languageOnly && !libraryAsked &&
      !figureMissing(base, folded, lead.path) && countStated && !codeMissing(folded, lead.text)
    const answeredAside = covered && aside.length > 0 ? answeredInLead(base, lead, aside, queryTerms, lang, raw, unknownTerms) : new Set<string>()
    let asideLeft = aside.filter(name => !answeredAside.has(name))
    // Names the answering section lists together, asked where each belongs, are answered there: the answer says nothing of lacking them.
    if (covered && asideLeft.length >= 2 && listedInLead(base, lead, asideLeft, queryTerms, lang)) asideLeft = []
    // A name mentioned in passing that a sentence of another note found says together with the rest of the
    // question ("da pra rodar task arm64 no fargate spot?", said among the Spot note's key facts while the
    // FinOps note leads) is answered there: that section leads, and the answer does not say the notes lack it.
    // (Within the lead's own note, a sentence that names it is mostly a list of examples.)
    if (covered && asideLeft.length > 0) {
      for (const path of new Set(hits.map(hit => hit.path).filter(path => path !== lead.path))) {
        const saying = sectionSaying(base, path, asideLeft, queryTerms, lang)
        if (saying === null) continue
        leadWith(saying)
        asideLeft = []
        break
      }
    }
    const notTreated = covered ? [...setting, ...asideLeft] : []
    return {
      question,
      hits: covered ? hits : [],
      closest: lead,
      unknown: unknownTerms,
      // Said once each, however the student and the notes spell them ("warm pool", "Warm Pools").
      untreated: distinctNames(untreated),
      notTreated: distinctNames(notTreated),
      covered,
      confidence: covered ? confidenceOf(found, ranked) * (notTreated.length > 0 ? NOT_TREATED_CONFIDENCE : 1) : 0.05,
      queryTerms,
      lang,
      courseLogistics
    }
  }
  // No section answers the whole question strongly enough: when sentences that only tell the student's circumstances
  // are what weakened it, the sentences that ask are the question (see askingWithoutTelling).
  const askingOnly = unknownTerms.length === 0 && !courseLogistics && !careerOrStudy ? askingWithoutTelling(base, typed, question.lang) : null
  if (askingOnly !== null) {
    const asked = retrieve(base, askingOnly, options)
    if (asked.covered) return asked
  }
  return { question, hits: [], closest: null, unknown: unknownTerms, untreated: [], notTreated: [], covered: false, confidence: 0.02, queryTerms: [], lang: question.lang, courseLogistics }
}

// A programming language's library asked for ("tem alguma lib python pra contar tokens", "is there a python library to …",
// "which node lib is better for retries"): which package to install is the language's ecosystem, and the notes recommend none.
const LIBRARY_ASKED = /\b(is there|are there|any|tem alguma|tem algum|existe alguma|existe algum|conhece alguma|conhece algum|which|qual|quais|recommend|recomenda|indica|suggest) (a |an |uma |um |good |boa |bom |decent )?(python|java|node|nodejs|js|javascript|typescript|golang|go|ruby|php|rust|c#|dotnet) (lib|libs|library|libraries|biblioteca|bibliotecas|package|packages|pacote|pacotes|module|modulo)\b|\b(tem alguma|tem algum|existe alguma|existe algum|any|is there an?|qual|which) (lib|libs|library|biblioteca|package|pacote) (de |em |for |in )?(python|java|node|nodejs|js|javascript|typescript|golang|ruby|php|rust)\b/

// A general-purpose programming language the question is asked in ("em python", "in java", "em C") or opens with ("c"
// also reads "in c++" and "in c#": the word ends where the sign begins).
const PROGRAMMING_LANGUAGE = /\b(?:em|in|no|na|with|using|com|de) (python|javascript|js|java|c|golang|rust|ruby|php|kotlin|swift|typescript)\b|^(python|javascript|js|java|golang|rust|ruby|php|kotlin|swift|typescript)\b/
// What a language course teaches: its data structures, control flow, memory, objects and asynchrony.
const LANGUAGE_CONCEPT = /\b(lists?|listas?|tuplas?|tuples?|dicts?|dictionar(y|ies)|dicionarios?|arrays?|arraylist|linkedlist|loops?|iterat\w*|iterand\w*|recurs\w*|chama ela mesma|calls? itself|pointers?|ponteiros?|segmentation fault|segfault|default arguments?|argumentos? padrao|promises?|settimeout|async|await|callbacks?|closures?|construtor(es)?|constructors?|heranca|inheritance|equals|malloc|calloc|variave(l|is)|variables?|type alias|decorators?|generators?|threads?|mutex|garbage collector|classes?|objetos?|metodos?|methods?|fatorial|factorial|fibonacci|strings?)\b/
// What no cloud course treats: pointers and memory allocated by hand, and "self", the object a method is called on (not
// the first half of "self-signed", "self-hosted", "self-healing" or "self-service", which are the notes' words).
const LANGUAGE_ONLY_CONCEPT = /\b(pointers?|ponteiros?|malloc|calloc|segmentation fault|segfault|self(?![- ]?(?:signed|hosted|healing|service)))\b/
// The languages' own names, and Node, which the notes name as a runtime: none of them says the question is the notes'.
const LANGUAGE_TERMS = new Set(['python', 'javascript', 'js', 'java', 'c', 'golang', 'rust', 'ruby', 'php', 'kotlin', 'swift', 'typescript', 'ts', 'node'])

/**
 * A question on a programming language's own workings ("em python oq acontece se eu remover itens de uma lista enquanto
 * itero", "em js o setTimeout com 0 roda antes de uma promise?"): asked in a language, of what a language course teaches,
 * with at most one word beyond the language's name that a note's title, keywords or headings use. Such a word is then a
 * word of the language's ("list", "função"), not the cloud's; a question that names two ("my python app lists s3
 * objects", "CDK in TypeScript", and also "a list as a default argument in python", which this reading leaves answered)
 * is taken as the notes'.
 */
function languageQuestion (base: KnowledgeBase, folded: string, queryTerms: readonly string[]): boolean {
  if (!PROGRAMMING_LANGUAGE.test(folded) || !LANGUAGE_CONCEPT.test(folded)) return false
  // Memory by hand and a method's own object are a language's alone, whatever other words of the notes the question uses
  // ("free the same pointer twice": "twice" reads as the notes' idempotency).
  if (LANGUAGE_ONLY_CONCEPT.test(folded)) return true
  const named = noteTerms(base).named
  return queryTerms.filter(term => named.has(term) && !LANGUAGE_TERMS.has(term)).length <= 1
}

// A comma, "like", "tipo" or "como" and an article, to the end of the question.
const CLOSING_COMPARISON = /,\s*(?:like|tipo|como)\s+(?:a|an|the|our|my|in|o|os|as|um|uma|no|na|nos|nas|do|da)\s+([^,.;:!?]+)[.?!]*\s*$/

/**
 * Words of a closing comparison with what the student already runs ("like a shared SAN LUN?", "tipo o crontab q a
 * gente tem no servidor", "como no syslog?"): after the question is asked, the clause that likens it to something
 * they know says where they come from, not what they ask about. A comparison that opens the question, or is its only
 * clause, is left alone.
 */
function likenedWords (raw: string): Set<string> {
  const folded = foldText(raw)
  const match = CLOSING_COMPARISON.exec(folded)
  // Asked before it: at least three words come before the comparison.
  if (match === null || tokenize(folded.slice(0, match.index)).length < 3) return new Set()
  // "…, como o pulumi guarda o estado?": "como" opening a clause of several words asks how, it likens nothing.
  if (match[0].replace(/^,\s*/, '').startsWith('como') && tokenize(match[1]).length > 2) return new Set()
  return new Set(tokenize(match[1]))
}


// A service model and the product given as its example ("se eu uso saas tipo gmail …", "a paas like heroku").
const MODEL_EXAMPLE = /\b(?:saas|paas|iaas|faas|caas)\s+(?:tipo|como|like|such as|e\.?g\.?|ex\.?|feito)\s+(?:o |a |the |um |uma )?([a-z0-9][\w.-]*)/g

/**
 * The products a question gives as examples of a service model ("se eu uso saas tipo gmail, ainda sou responsavel por
 * alguma coisa?"): the model is what is asked about, which the notes treat; its example is an illustration, no name
 * the notes lack.
 */
function modelExampleWords (folded: string): Set<string> {
  return new Set([...folded.matchAll(MODEL_EXAMPLE)].map(match => match[1]))
}

// A question that asks for an analogy or offers one ("analogy for EBS?", "analogia pra hipervisor?").
const ASKS_ANALOGY = /\b(?:analog(?:y|ies|ia|ias)|metaphors?|metaforas?|compare it to|comparar com)\b/
// A thing likened to another inside the question ("computacao em nuvem e tipo assinar netflix", "is the control plane like
// head office", "feels like automatic vs manual transmission", "comparar o hipervisor com um sindico", "is the cloud basically google
// drive but for everything", "parece nome de pokemon"): what follows is the likeness.
const LIKENED_IN_CLAUSE = /^(?:is|are)\s+(?:\S+\s+){1,4}?like\s+(.+)$|\b(?:is|are|e|eh|seria|sao|feels|seems|sounds|parece|funciona)\s+(?:(?:kinda|sort of|kind of|basically|basicamente|meio|tipo|just|so)\s+)?(?:like|tipo|que nem|igual a|igual)\s+(.+)$|\bcompar\w*\s+(?:o|a|os|as|the)?\s*\S+\s+(?:com|to|with)\s+(.+)$|\b(?:is|are|e|eh|seria|sao)\s+(?:\S+\s+){0,3}?(?:basically|basicamente|just|so)\s+(.+?)\s+(?:but|mas|so que)\s+(?:for|pra|para)\b|\b(?:parecem?|sounds like|looks like)\s+(?:um |uma |a )?(?:nome|coisa|name|thing)\s+(?:de|do|da|from|of|in)\s+(.+)$/
// A clause that offers the comparison: "like a door that only opens from the inside", "tipo rastreio de encomenda".
const OFFERED_LIKENESS = /^(?:like|kinda like|sort of like|tipo|tipo assim|feito|como se fosse)\s+(.+)$/
// The thing an analogy is drawn from, named before the word ("bouncer at a club analogy", "a cooking analogy") or after
// it in Portuguese ("analogia da pizza pra IaaS", "analogia de casa vs apartamento pra VM"), or what "it" is compared to.
const ANALOGY_SOURCE = /((?:\S+\s+){0,3}\S+)\s+analog(?:y|ies)\s*$|\banalogias?\s+(?:de|da|do|das|dos)\s+(.+?)\s+(?:pra|para|pro|com)\b|\b(?:compare it to|comparar com)\s+(.+)$/

// A quiz's statements numbered in Roman numerals ("I) … II) … III) …", "III. …").
const STATEMENT_LABEL = /(?:^|[\s(])((?:i{2,3}|iv|vi{1,3}|ix))[).:]/giu

/** The labels a quiz gives its statements: they number things, they name nothing. */
function statementLabels (raw: string): string[] {
  return [...raw.matchAll(STATEMENT_LABEL)].map(match => foldText(match[1]))
}

/**
 * Words of the comparison a student offers or asks about when they want an analogy ("analogia pra trace distribuido?
 * tipo rastreio de encomenda dos correios?", "401 vs 403 … bouncer at a club analogy?"): where the likeness comes
 * from, everyday things the notes never name, not what is asked. Without an analogy asked for, what the question itself
 * likens a thing to ("o lambda é tipo um motoboy do ifood", "comparar o ecr com o spotify") is such a likeness too.
 */
function analogyWords (raw: string): Set<string> {
  const folded = foldText(raw)
  const out = new Set<string>()
  const asksAnalogy = ASKS_ANALOGY.test(folded)
  for (const clause of folded.split(/[?!.;,:\u2014]+/).map(part => part.trim())) {
    const source = asksAnalogy
      ? OFFERED_LIKENESS.exec(clause)?.[1] ?? ANALOGY_SOURCE.exec(clause)?.slice(1).find(group => group !== undefined)
      : LIKENED_IN_CLAUSE.exec(clause)?.slice(1).find(group => group !== undefined)
    if (source !== undefined) for (const word of tokenize(source)) out.add(word)
  }
  return out
}

// Another vendor's cloud, as students name it, or the hosting they used before: where a student comes from when they
// ask for AWS's way.
const OTHER_CLOUD = String.raw`(?:microsoft azure|azure|gcp|google cloud(?: platform)?|firebase|oracle cloud|ibm cloud|alibaba cloud|heroku|vercel|netlify|digitalocean|digital ocean|linode|hostinger|locaweb|github pages)`
const OTHER_CLOUD_NAMED = new RegExp(String.raw`\b${OTHER_CLOUD}\b`, 'i')
// The words a question sets against AWS's own: "the aws equivalent", "on aws", "na aws", "like", "tipo", "vs", "basically",
// and the here and the too of the cloud the student is in now ("aqui como faço", "no s3 tb é automatico?").
const ASKS_AWS_SIDE = /\b(?:aws|amazon|equivalent|equivalente|counterpart|correspondente|maps? to|like|tipo|vs|versus|igual|similar|same as|mesma coisa|o mesmo que|basically|basicamente|aqui|here|tb|tambem)\b/i
// The other cloud's product the question likens AWS's to ("something like azure private endpoints", "the aws equivalent
// of google cloud trace / jaeger"), up to a word that goes on with the sentence. Set against AWS's ("azure NSGs vs aws
// security groups", "is the azure functions timeout also 15 min like lambda?") it is asked about.
const OTHER_CLOUD_PRODUCT = new RegExp(String.raw`\b(?:like|tipo|similar to|same as|equivalent (?:of|to)|equivalente (?:a|ao|do|da|de)|counterpart (?:of|to)|igual (?:a|ao)|que nem|feito)\s+(?:the |o |a |os |as |um |uma )?${OTHER_CLOUD}(?:'s)?((?:\s*[/+]?\s*(?!(?:so|to|for|in|on|at|that|which|with|from|pra|para|pro|que|no|na|nos|nas|do|da|de|e|and|or|ou|but|mas|eu|we|i|you|it|is|are|was|were|has|have|had|gives?|give|tem|tinha|usava|usei|used|use|maps?|equivale|vs|versus)\b)[\p{L}\p{N}-]+){0,4})`, 'giu')

// The other one set beside AWS's own as the alternative to pick ("Vercel ou AWS Amplify", "heroku or aws for my api").
const OR_AWS = new RegExp(String.raw`\b${OTHER_CLOUD}(?:\s+[\w.-]+){0,3}\s+(?:ou|or|vs|versus)\s+(?:a |o |the )?(?:aws|amazon)\b|\b(?:aws|amazon)(?:\s+[\w.-]+){0,3}\s+(?:ou|or|vs|versus)\s+(?:a |o |the )?${OTHER_CLOUD}\b`, 'i')

const WEIGHS_AGAINST_AWS = /\b(?:than|q|que|do que|compared (?:to|with)|comparad[oa] (?:a|com|ao))\s+(?:a |o |the )?(?:aws|amazon)\b|\b(?:compensa mais|worth more|vale mais|better|melhor|cheaper|mais barat[oa])\b/i

/**
 * What a student says of another vendor's cloud when they ask for AWS's way ("no GCP eu validava o JWT do firebase no
 * cloud endpoints. no api gateway da aws da pra …", "is there something like azure private endpoints so my app reaches
 * s3 …"): a sentence about it, when another sentence asks the question, and the other cloud's product the question's
 * sentence likens AWS's to. They say where the student comes from, not what the notes lack; a question about the other cloud
 * alone ("azure app service deployment slots: how do we swap staging into production") keeps its names. Returns the
 * text without those words and the words taken out.
 */
function withoutOtherCloud (text: string): { text: string, words: Set<string> } {
  const words = new Set<string>()
  if (!OTHER_CLOUD_NAMED.test(text) || !ASKS_AWS_SIDE.test(text)) return { text, words }
  const sentences = text.split(/(?<=[.?!;])\s+/)
  const asking = sentences.filter(sentence => !OTHER_CLOUD_NAMED.test(sentence) && tokenize(sentence).length >= 3)
  // "… compensa mais q a aws pro tcc?", "Vercel ou AWS Amplify?": a question that weighs the two asks about the other one too.
  if (asking.some(sentence => WEIGHS_AGAINST_AWS.test(sentence)) || sentences.some(sentence => OTHER_CLOUD_NAMED.test(sentence) && OR_AWS.test(sentence))) return { text, words }
  const kept = sentences.map(sentence => {
    if (!OTHER_CLOUD_NAMED.test(sentence)) return sentence
    if (asking.length > 0) {
      for (const word of tokenize(sentence)) words.add(foldText(word))
      return ' ; '
    }
    return sentence.replace(OTHER_CLOUD_PRODUCT, span => {
      for (const word of tokenize(span)) words.add(foldText(word))
      return ' ; '
    })
  })
  return { text: kept.join(' '), words }
}

// Looking something up on the web before asking ("i tried googling first", "dei um google", "pesquisei no google"): the
// search engine the student used, not Google's cloud.
const WEB_SEARCH = /\b(?:googl(?:ing|ed|ei|ar|ando|ou|amos)|dei (?:um|uma) google(?:ada)?|(?:pesquis|procur|busc|jogu|jog)\w* no google|(?:searched|search|searching|looked it up|look it up|looking it up) (?:on|in) google)\b/gi

/** The question without the words of a web search the student made before asking (see WEB_SEARCH). */
function withoutWebSearch (text: string): string {
  return text.replace(WEB_SEARCH, ' ')
}

/**
 * Words a question puts in parentheses right after a word the notes know, one or two of them ("task arm64
 * (graviton)", "my native module (bcrypt)"): a gloss saying which one the student means, not the subject.
 */
function glossWords (raw: string, unknown: readonly string[]): Set<string> {
  const lacking = new Set(unknown.map(word => foldText(word)))
  const out = new Set<string>()
  for (const match of raw.matchAll(/([\p{L}\p{N}-]+)\s*\(([^()]+)\)/gu)) {
    const inside = tokenize(match[2])
    if (inside.length === 0 || inside.length > 2 || lacking.has(foldText(match[1]))) continue
    // An acronym in parentheses is the short name of the phrase before it ("DynamoDB Accelerator (DAX)"), its subject.
    if (inside.some(word => /^\p{Lu}{2,}/u.test(word))) continue
    for (const word of inside) out.add(foldText(word))
  }
  return out
}

/**
 * Nouns for what a site is built from, after the format that says which kind ("my JavaScript files",
 * "fingerprinted JavaScript bundles", "HTML pages"), and in Portuguese before it ("arquivos YAML").
 */
const FILE_NOUNS = new Set(['file', 'files', 'bundle', 'bundles', 'asset', 'assets', 'page', 'pages'])
const ARQUIVO_NOUNS = new Set(['arquivo', 'arquivos', 'bundle', 'bundles'])

/**
 * Words that say what kind of file the student means ("my JavaScript and CSS files", "arquivos YAML"): a format, no product.
 * A product's name before such a noun is the product's ("lightsail bundles" are Lightsail's plans).
 */
function fileKindWords (folded: string): Set<string> {
  const words = tokenize(folded)
  const out = new Set<string>()
  const add = (word: string): void => { if (!isProductWord(word)) out.add(word) }
  const joins = new Set(['and', 'or', 'e', 'ou'])
  words.forEach((word, i) => {
    if (FILE_NOUNS.has(word)) {
      for (let j = i - 1; j >= 0; j -= 2) {
        add(words[j])
        if (!joins.has(words[j - 1] ?? '')) break
      }
    } else if (ARQUIVO_NOUNS.has(word)) {
      let j = i + 1
      if (words[j] === 'de') j++
      for (; j < words.length; j += 2) {
        add(words[j])
        if (!joins.has(words[j + 1] ?? '')) break
      }
    }
  })
  return out
}
