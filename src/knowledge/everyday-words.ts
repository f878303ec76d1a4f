// Whether a word the notes never use is everyday language rather than the name of something they
// do not treat: "bolso", "calm", "box" are how a student phrases a question; "traefik", "keycloak",
// "kubecost" are what it is about. A list of the ten thousand most frequent words of each language
// decides this for any word, where a hand-kept list of the words seen in past questions cannot. For
// English a general dictionary (SCOWL's common words) adds the rarer everyday words a frequency list of
// the web misses ("hiccup", "chores"): on the labelled sets, five covered questions refused for such a
// word are answered and no not-covered question is missed once the dictionary's product names are left out.

import type { Lang } from './analyzer.js'
import { EVERYDAY_EN, EVERYDAY_PT } from './everyday-words-data.js'
import { DICTIONARY_EN } from './english-dictionary-data.js'

let lexicon: Record<Lang, ReadonlySet<string>> | undefined

/**
 * JavaScript frameworks named by a word and ".js" ("next.js", "nest.js", "vue.js"), which students also type as one
 * word ("nextjs"). Node.js, which the notes treat, is not among them.
 */
export const JS_FRAMEWORKS: readonly string[] = ['next', 'nuxt', 'nest', 'vue', 'ember', 'three', 'd3', 'svelte', 'solid', 'alpine', 'meteor']

/**
 * Dictionary words that are also the names of software or cloud services a student may ask about
 * ("is hashicorp nomad simpler than ecs", "ship 50tb with a snowball", "is kong a decent api gateway",
 * "sam local invoke"): the other words of both lists count as everyday language, these do not. The commonest
 * words that name a service as well ("vault", "shield") are left off: they are everyday whatever else they
 * name. The JavaScript frameworks typed as one word ("nextjs") are names too.
 */
const PRODUCT_WORDS: ReadonlySet<string> = new Set(`
snowball snowcone outposts wavelength nomad consul packer puppet chef helm envoy squid varnish hive prefect
celery sentry cortex flux harness drone tomcat jetty tilt rook harbor quay rancher calico flannel weave pulsar
beanstalk lightsail greengrass amplify chime spark swarm flask vagrant mongoose gulp grunt bedrock llama cosmos synapse
spanner presto snowflake timescale cockroach postman kong rust ruby swift elixir dart husky prettier sam
`.split(/\s+/).filter(w => w !== '').concat(JS_FRAMEWORKS.map(name => `${name}js`)))

/**
 * Dictionary words that, in a programmer's question, are the operations of a tool the notes do not teach:
 * git's history rewriting ("git rebase vs merge", "squash my last 5 commits"). Read as everyday words
 * ("base" again, a vegetable), they would let the question pass for one about branching strategies.
 */
const TOOL_OPERATIONS: ReadonlySet<string> = new Set(`
rebase rebased rebasing squash squashed squashing stash stashed stashing bisect
`.split(/\s+/).filter(w => w !== ''))

/** The browsers a student looks through, written with their capital or without ("Chrome", "firefox"). */
const BROWSERS: ReadonlySet<string> = new Set(['chrome', 'firefox', 'safari'])

/**
 * A programmer's everyday words, which a general dictionary lacks: what went wrong ("native bindings segfault"), where
 * things are ("a subfolder of the monorepo"), what an app does with its records ("as rotas do meu crud"), the parts of
 * a program's screens ("the navbar"), the browser they look through ("o chrome diz que o certificado é inválido"), the
 * network commands they check things with ("peguei o ip do ALB com nslookup", "`dig +trace`"), where they read about things ("vi num
 * video do youtube", "copiando de um tutorial") and who told them ("o youtuber disse"), the switches of a screen ("um
 * toggle"), a provider's playground, a slowdown they saw, how things ship ("released in lockstep"), the people around
 * them ("a coworker mentioned it"), where their class talks ("no zap da turma", "someone in our telegram"), the rituals
 * and tools of their team at work ("o tech lead falou na retro", "nessa sprint", "a msg no slack") and the verdict they
 * ask for ("yay or nay"). They say how a student describes the situation, never a product or a service the notes should
 * treat. Words that are a topic of their own ("webhook", "regex", "mutex") are left off: a question may be about them.
 */
const DEVELOPER_WORDS: ReadonlySet<string> = new Set(`
segfault stacktrace coredump crashloop bugfix hotfix typo checksum timestamp lib libs assert asserts
codebase monorepo subfolder subdirectory filesystem localhost hostname username toolchain boilerplate linter dataset teardown
frontend backend dropdown checkbox sidebar navbar tooltip popup spinner slider sliders autocomplete screenshot inbox stdout stderr stdin plaintext hardcoded
crud cruds coworker groupmate multiplayer cto ceo lockstep helpdesk grandma grandpa granny postmortem fintech edtech healthtech
ctrl nslookup dig traceroute netstat telnet wget devtools youtube reddit stackoverflow vps vpss
youtuber tiktoker blogger vlogger streamer
hype tech overengineering overengineered ticket yay nay
tutorial tutoriais toggle toggles playground slowdown slowdowns
discord meetup telegram zap zapzap
retro retros retrospective sprint sprints squad squads onboarding offboarding slack jira backlog daily dailies
`.split(/\s+/).filter(w => w !== '').concat([...BROWSERS]))

/** Whether a folded word names a browser (BROWSERS): the student's window on a site, never a product the notes should treat. */
export function isBrowserName (folded: string): boolean {
  return BROWSERS.has(folded)
}

/** Whether a folded word is one of a programmer's everyday words that a general dictionary lacks (DEVELOPER_WORDS). */
export function isDeveloperWord (folded: string): boolean {
  // "datasets", "screenshots": a programmer's everyday word in the plural is as everyday.
  return DEVELOPER_WORDS.has(folded) || (folded.length >= 5 && folded.endsWith('s') && DEVELOPER_WORDS.has(folded.slice(0, -1)))
}

/** Whether a folded word is one of the dictionary words that name software or a cloud service (PRODUCT_WORDS). */
export function isProductWord (folded: string): boolean {
  return PRODUCT_WORDS.has(folded)
}

/**
 * Everyday Portuguese that the frequency list, drawn from film subtitles, ranks below its cut while students write it
 * all the time: a piece of a file ("um trecho"), a bad idea ("furada"), so-and-so ("o fulano"), whether a claim holds
 * ("procede?", from "proceder"), a tool that spits something out ("cospe"), a conference speaker, a plan's top tier ("plano
 * premium"), sorting letters at the post office ("triagem"), a building's caretaker ("síndico"), doing without ("dispensa"), a
 * slowdown ("lentidão"), an estimate, freight ("frete"), a prompt written with care ("caprichado"), which rule prevails
 * ("prevalece"), a database running flat out ("no talo"), how a letter to the professor opens and closes ("Prezado
 * professor, …", "Atenciosamente"), the diagram a student draws with its arrows ("no diagrama, a seta vai pra onde?"), a
 * thing explained step by step as to a child ("bem mastigado"), a receipt or certificate asked for ("comprovante"), building what
 * an assignment asks ("implementar"), the colleague who knows more ("um dev sênior"), putting a tag on an image ("taguear"),
 * whoever breaks in ("um hacker"), the respect in which two things are weighed ("no quesito kernel"), the student's manager
 * ("o gestor"), setting a value back to nothing ("zera o cooldown"), what happens now and then ("as ocorrencias de
 * ERROR"), how finely figures are kept ("granularidade de hora"), the company's legal team ("explicar pro jurídico"), a
 * hiccup ("um soluço de 1 segundo"), a goblin and a bazooka said for effect ("tem um duende perguntando de servidor em
 * servidor?", "matar mosca com bazuca"), a playlist, the hops of a lookup ("varios pulos"), a partition ("um monólito com
 * divisórias") and the student's job ("por causa do trampo").
 */
const EVERYDAY_PT_MORE: readonly string[] = ['trecho', 'furada', 'fulano', 'fulana', 'ciclano', 'beltrano', 'proceder', 'cospe', 'palestrante',
  'premium', 'triagem', 'sindico', 'dispensa', 'prezado', 'prezada', 'prezados', 'prezadas', 'atenciosamente', 'cordialmente',
  'lentidao', 'estimativa', 'estimativas', 'frete', 'caprichar', 'prevalecer', 'talo', 'diagrama', 'diagramas', 'seta', 'setas',
  'mastigado', 'mastigada', 'mastigadinho', 'comprovante', 'comprovantes', 'implementar', 'implementacao', 'implementacoes', 'senior', 'seniors',
  'taguear', 'hacker', 'hackers', 'quesito', 'quesitos', 'gestor', 'gestora', 'gestores', 'gestoras', 'zerar',
  'ocorrencia', 'ocorrencias', 'granularidade', 'juridico', 'soluco', 'solucos', 'duende', 'duendes', 'bazuca', 'bazucas',
  'playlist', 'playlists', 'pulo', 'pulos', 'divisoria', 'divisorias', 'trampo']

/**
 * Everyday English that the general dictionary's common levels leave out while students write it: a price that runs high
 * ("pricier"), a rough figure ("ballpark"), a change nobody notices ("seamless"), who does the work ("legwork"), a thing
 * that runs on its own ("standalone"), a catch nobody warned of ("any gotchas?"), who posts for a following ("a linkedin
 * influencer"), a claim that sounds suspicious ("sounds sus"), a word used for effect ("one of those buzzwords"), a
 * band's songs ("setlist notes", "my playlists api") and a parting ("a messy breakup").
 */
const EVERYDAY_EN_MORE: readonly string[] = ['pricey', 'pricier', 'priciest', 'ballpark', 'seamless', 'seamlessly', 'legwork', 'standalone', 'gotcha', 'gotchas',
  'influencer', 'influencers', 'sus', 'buzzword', 'buzzwords', 'setlist', 'setlists', 'playlist', 'playlists',
  'breakup', 'breakups']

/**
 * Spanish that students from the neighbouring countries mix into their Portuguese ("entonces eu nao sou responsavel?",
 * "tengo uma api nueva", "mi abuela acha q o candado verde …"): everyday words of the question, never names.
 */
const SPANISH_IN_PORTUGUESE: readonly string[] = `
entonces pero cuando donde quien cual cuales tengo tienes tiene tenemos tienen necesito necesitas necesita necesitamos
nueva nuevo nuevas nuevos hacer hago hace puedo puedes puede podemos ahora muy mucho mucha muchos muchas bien nube nubes
contenedor contenedores abuela abuelo candado profe cosa cosas gracias hola ese esa eso ellos nosotros usted ustedes
estoy estan todavia cuanto cuanta cuesta cuestan siempre despues tambien llave llaves porque aca alla
`.split(/\s+/).filter(w => w !== '')

// Built at the first question that has a word the notes lack, not at start-up.
function words (): Record<Lang, ReadonlySet<string>> {
  lexicon ??= {
    // Film subtitles give Portuguese names that are products as well ("Sam", "Ruby", "Kong"): in a question about the cloud, the product.
    pt: new Set([...EVERYDAY_PT.split(/\s+/), ...EVERYDAY_PT_MORE, ...SPANISH_IN_PORTUGUESE].filter(w => w !== '' && !PRODUCT_WORDS.has(w))),
    en: new Set([...EVERYDAY_EN.split(/\s+/), ...DICTIONARY_EN.split(/\s+/), ...EVERYDAY_EN_MORE, ...DEVELOPER_WORDS].filter(w => w !== '' && !PRODUCT_WORDS.has(w)))
  }
  return lexicon
}

/**
 * Whether a folded word is among the most frequent words of the language, as written, as the
 * plural or third person of one ("boxes", "pastes" → "box", "paste") or with "re" in front.
 */
export function isEverydayWord (folded: string, lang: Lang): boolean {
  if (TOOL_OPERATIONS.has(folded)) return false
  const list = words()[lang]
  if (list.has(folded)) return true
  // "resend", "refazer": doing an everyday thing again is as everyday; "preload": doing it beforehand as well.
  if (folded.length >= 6 && folded.startsWith('re') && isEverydayWord(folded.slice(2), lang)) return true
  if (folded.length >= 6 && folded.startsWith('pre') && isEverydayWord(folded.slice(3), lang)) return true
  // "subsistema", "subpasta": a part of an everyday thing is as everyday.
  if (folded.length >= 7 && folded.startsWith('sub') && isEverydayWord(folded.slice(3), lang)) return true
  if (lang === 'pt' && portugueseVerbForm(folded, list)) return true
  // "desativar", "desinstalei": undoing an everyday thing is as everyday.
  if (lang === 'pt' && folded.length >= 7 && folded.startsWith('des') && isEverydayWord(folded.slice(3), lang)) return true
  // "avaliador", "orientadora": who does an everyday thing, named after the verb or its noun ("avaliar", "orientação").
  const agent = lang === 'pt' ? /^(\w{3,}[aei])(dor|dora|dores|doras)$/.exec(folded) : null
  if (agent !== null && (list.has(`${agent[1]}r`) || list.has(`${agent[1]}cao`))) return true
  // "pouquissimo", "carissima", "facilimo": the superlative of an everyday adjective is as everyday.
  const superlative = lang === 'pt' ? /^(\w{2,}?)(?:issim|im)([oa]s?)$/.exec(folded) : null
  if (superlative !== null) {
    const stem = superlative[1].replace(/qu$/, 'c')
    if ([`${stem}o`, `${stem}a`, `${stem}e`, stem].some(word => list.has(word))) return true
  }
  // "bonequinho", "banquinho", "bolinhas": the diminutive of an everyday word is as everyday.
  if (lang === 'pt' && diminutiveOf(folded).some(word => list.has(word) || (word.endsWith('s') && list.has(word.slice(0, -1))))) return true
  // "parcialmente", "rapidamente": an adverb made of an everyday adjective, in either gender, is as everyday.
  if (lang === 'pt' && folded.length >= 9 && folded.endsWith('mente')) {
    const adjective = folded.slice(0, -5)
    if (list.has(adjective) || (adjective.endsWith('a') && list.has(`${adjective.slice(0, -1)}o`))) return true
  }
  // "boletins", "licoes", "jornais", "papeis": the Portuguese plurals that change the word's ending.
  if (lang === 'pt' && folded.length >= 5) {
    const singular = PT_PLURALS.flatMap(([plural, ends]) => folded.endsWith(plural) ? ends.map(end => folded.slice(0, -plural.length) + end) : [])
    if (singular.some(word => list.has(word))) return true
  }
  // "goin", "tryin": an English "-ing" typed without its "g".
  if (lang === 'en' && folded.length >= 4 && folded.endsWith('in') && list.has(`${folded}g`)) return true
  if (folded.length < 4 || !folded.endsWith('s')) return false
  return list.has(folded.slice(0, -1)) || (folded.endsWith('es') && list.has(folded.slice(0, -2)))
}

/**
 * The words a Portuguese diminutive may come from ("cadeadinho": cadeado; "servidorzinho": servidor; "mesinha": mesa). A
 * "qu" or "gu" before the ending may be the "c" or "g" of the word ("bonequinho": boneco; "banquinho": banco).
 */
export function diminutiveOf (folded: string): string[] {
  const match = /^(.{3,}?)(z?)inh([oa])(s?)$/.exec(folded)
  if (match === null) return []
  const [, stem, z, vowel, plural] = match
  if (z === 'z') return [stem + plural]
  const stems = [...new Set([stem, stem.replace(/qu$/, 'c').replace(/gu$/, 'g')])]
  return stems.flatMap(s => [s + vowel + plural, s + (vowel === 'o' ? 'a' : 'o') + plural])
}

/** Portuguese plural endings that are not the singular plus "s", with the singular's endings they come from. */
const PT_PLURALS: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['ns', ['m']], ['oes', ['ao']], ['aes', ['ao', 'ae']], ['ais', ['al']], ['eis', ['el', 'il']], ['ois', ['ol']], ['uis', ['ul']]
]

/**
 * Endings of the forms of a Portuguese verb a student writes most (present, past, gerund, participle) and
 * the infinitives they come from: the frequency list holds "dividir" and "derrubar", the student writes
 * "a task divide o kernel", "o deploy derruba a api".
 */
const PT_VERB_FORMS: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['ando', ['ar']], ['endo', ['er']], ['indo', ['ir']], ['ado', ['ar']], ['ido', ['er', 'ir']],
  ['am', ['ar']], ['em', ['er', 'ir']], ['ou', ['ar']], ['eu', ['er']], ['iu', ['ir']], ['a', ['ar']], ['e', ['er', 'ir']],
  // The subjunctive, which a wish or a condition takes ("quero que a lambda rode sozinha", "pra que funcionem", "caso suba"):
  // the endings of the other conjugation.
  ['em', ['ar']], ['e', ['ar']], ['am', ['er', 'ir']], ['a', ['er', 'ir']],
  // The first person of the past, in which a student tells what they did ("reescrevi o histórico", "criei", "esqueci").
  ['ei', ['ar']], ['i', ['er', 'ir']]
]

const FIRST_PERSON_INFINITIVES = ['ar', 'er', 'ir'] as const

/** Whether a folded word is a form of a Portuguese verb whose infinitive is in `list`. */
function portugueseVerbForm (folded: string, list: ReadonlySet<string>): boolean {
  // "mexo", "pego": the first person of a short verb, four letters of which three are its stem. Words of five and six
  // letters ending in "o" are left alone: "presto" is a query engine as much as a form of "prestar".
  if (folded.length === 4 && folded.endsWith('o')) return FIRST_PERSON_INFINITIVES.some(end => list.has(folded.slice(0, 3) + end))
  // "rode", "suba": a short verb's subjunctive, three letters of stem as well.
  if (folded.length === 4 && /[ae]$/.test(folded)) return FIRST_PERSON_INFINITIVES.some(end => list.has(folded.slice(0, 3) + end))
  if (folded.length < 5) return false
  // "represento", "desenvolvo": the first person of a longer verb, whose stem no product name shares.
  if (folded.length >= 7 && folded.endsWith('o') && FIRST_PERSON_INFINITIVES.some(end => list.has(folded.slice(0, -1) + end))) return true
  for (const [ending, infinitives] of PT_VERB_FORMS) {
    if (!folded.endsWith(ending)) continue
    const stem = folded.slice(0, -ending.length)
    if (stem.length >= 3 && infinitives.some(infinitive => list.has(stem + infinitive))) return true
  }
  return false
}
