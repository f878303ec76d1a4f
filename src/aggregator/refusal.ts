// Refusal detection in English and Portuguese: full refusals (short or long and moralising), partial
// refusals (declines, then helps) and compliance that only opens with a disclaimer.

import { foldAccents, wordCount } from './text.js'

/**
 * - `refusal`: declines and gives nothing the question asked for (lectures, redirections and offers
 *   of something else included);
 * - `partial`: declines part of the request or its literal reading, then helps with the rest;
 * - `disclaimer`: a hedge ("as an AI, I have no opinions", "I'm not a lawyer") followed by a real answer, or a
 *   plain statement that the model cannot know the answer ("I don't have access to your roofer's passport
 *   number"): that rejects the question for having no answer it could give, it does not decline to give one.
 */
export type RefusalKind = 'refusal' | 'partial' | 'disclaimer'

// Patterns run on folded text (lower case, no accents, straight apostrophes).
const DECLINE_VERBS = '(?:help|assist|provide|answer|comply|fulfil|fulfill|satisfy|do (?:that|this|so)|share|give|create|generate|write|support|engage|discuss|offer|respond|suggest|recommend|encourage|condone|promote|endorse|advise|tell|explain|disclose|reveal|participate|facilitate|describe|list|teach|show|instruct|guide|contribute|produce|make|perform|complete|agree|express|take part|be of (?:help|assistance)|see|access|check|run|execute|browse|log in(?:to)?|sign in(?:to)?|view|look (?:at|up)|visit|search)'

/** Explicit declines: the model says it will not do what was asked. */
const DECLINES: readonly RegExp[] = [
  new RegExp(`\\bi(?: really| simply| unfortunately| regret(?:fully)?| respectfully)?(?: can't and won't| cannot and will not| can not and will not| can't| cannot| can not| won't| will not|'m not going to| am not going to|'m not willing to| am not willing to|'m not in a position to| am not in a position to|'d rather not| would rather not|'d prefer not to| would prefer not to| could not| couldn't| am unable to| am not able to|'m unable to|'m not able to| won't be able to| will not be able to| am not allowed to|'m not allowed to| am not permitted to| (?:do not|don't) feel comfortable| am not comfortable|'m not comfortable| (?:must|have to) (?:respectfully )?(?:decline|refuse)(?: to)?)(?: (?:in good conscience|ethically|responsibly))? ${DECLINE_VERBS}\\b`),
  /\b(?:i|we)(?:'m| am| are)? (?:really |truly |very )?(?:sorry|afraid)\b[^.!?]*\b(?:can't|cannot|can not|unable|not able|won't|will not|must decline|not allowed|not permitted|not appropriate|not possible)\b/,
  /\b(?:i )?apologi[sz]e\b[^.!?]*\b(?:can't|cannot|can not|unable|not able|won't|will not|not appropriate|not possible)\b/,
  /\bi (?:must|have to|need to|will have to) (?:respectfully |politely |firmly )?(?:decline|refuse)\b/,
  // The speaker's own action judged: "it would be irresponsible for me to", "that's not something I can help with".
  /\b(?:it|that|this) would (?:not )?be (?:\w+ )?(?:inappropriate|irresponsible|unethical|wrong|appropriate|responsible|ethical|right) for me to\b/,
  /\bi (?:won't|will not|am not going to|'m not going to) be (?:providing|helping|assisting|writing|creating|generating|sharing|giving|answering|engaging|discussing|explaining|offering)\b/,
  // The modal alone refers back to the request: "... could be dangerous, so I won't."
  /\b(?:so|therefore|and|which) i (?:won't|will not|can't|cannot)(?: do (?:that|this|so))?[.!]/,
  /\b(?:beyond|outside) (?:the scope of )?what i (?:can|am able to|'m able to|am allowed to|'m allowed to) (?:help|assist|do|provide|discuss)\b/,
  /\b(?:foge|esta fora) (?:do|dos) (?:meu |meus )?(?:escopo|limites|diretrizes)\b|\bnao me sinto a vontade (?:para|em)\b/,
  /\bnot something (?:that )?i(?:'m| am)? (?:can|could|will|am able to|'m able to|am willing to|'m willing to|feel comfortable) (?:help|assist|do|provide|support|share|discuss|answer|engage)\b/,
  /\b(?:isso|isto) nao e algo (?:com |em )?que (?:eu )?(?:possa|vou|consiga|poderia)\b|\bnao estou em (?:posicao|condicoes) de\b|\bprefiro nao (?:responder|ajudar|fornecer|comentar|participar|discutir)\b/,
  // An apology that opens an objection to the question itself: "I apologize, but the question contains a harmful
  // stereotype", "Desculpe, mas essa pergunta é preconceituosa".
  /^(?:i (?:really |sincerely )?apologi[sz]e|i(?:'m| am) (?:really |so |very )?sorry|(?:my )?apologies|sorry|desculpe|desculpa|sinto muito|lamento|peco desculpas)[,!]? (?:but|mas)\b.*\b(?:harmful|hurtful|offensive|inappropriate|not appropriate|disrespectful|discriminat\w*|stereotyp\w*|prejudic\w*|racist|sexist|unethical|ofensiv\w*|inapropriad\w*|preconceit\w*|estereotip\w*|discrimina\w*|desrespeit\w*)/,
  /\b(?:i(?:'m| am) )?just an ai\b/,
  /\bnot within my (?:programming|ethical guidelines|capabilities|guidelines|abilities)\b/,
  /\b(?:goes against|violates|is against|against) (?:my|our|the) (?:\w+ )?(?:guidelines|policies|policy|principles|programming)\b/,
  /\bas a (?:responsible|helpful|respectful|ethical|safe|trustworthy|harmless)(?: and \w+)? (?:ai|assistant|language model|chatbot)\b/,
  /^(?:(?:sorry|desculpe)[, ]+)?(?:i (?:don't|do not) know|nao sei)(?: (?:the answer|a resposta))?[.!]*$/,
  /\b(?:desculpe|desculpa|sinto muito|lamento|peco desculpas|perdao|infelizmente)\b[^.!?]*\bnao (?:posso|consigo|e possivel|sou capaz|tenho como|estou autorizad|tenho permissao|me e permitido|vou poder|e apropriado)/,
  /\b(?:eu )?nao (?:posso|consigo|sou capaz de|estou autorizad[oa] a|me e permitido|tenho permissao para|vou poder|vou|irei|me sinto confortavel em|tenho como)(?:,? (?:de (?:forma|maneira) (?:alguma|nenhuma)|em sa consciencia|eticamente),?)? (?:te |lhe |o |a |os |as )?(?:ajudar|responder|fornecer|atender|auxiliar|cumprir|criar|gerar|escrever|dar|compartilhar|realizar|fazer (?:isso|isto)|prestar|oferecer|discutir|executar|verificar|acessar|obter|sugerir|recomendar|incentivar|explicar|ensinar|indicar|descrever|listar|participar|apoiar|colaborar)\b/,
  /\bnao e possivel (?:ajudar|responder|fornecer|atender|compartilhar)\b/,
  /\b(?:devo|preciso|tenho que) recusar\b|\bme recuso\b|\brecuso-me\b/,
  /\bviola (?:as|a|os|minhas|nossas) (?:\w+ )?(?:diretrizes|politicas|regras)\b|\bcontra (?:as|minhas|nossas) (?:diretrizes|politicas)\b/
]

/**
 * Rejections of the question's premise ("it is not appropriate to ...", "I must point out ..."):
 * a refusal when nothing on task follows, a partial refusal when help does.
 */
const PREMISE: readonly RegExp[] = [
  /\b(?:it(?:'s| is| would be)|that(?:'s| is| would be)|this(?:'s| is| would be)) (?:not|never|neither) (?:\w+ )?(?:appropriate|ethical|accurate|fair|respectful|okay|ok|acceptable|safe|legal|possible|responsible|advisable|right|productive|a good idea|morally|correct|true|reasonable|constructive|helpful|wise|justifiable|justified|humane|kind|nice|healthy)\b/,
  // The same doubt, hedged: "I'm not sure that it's appropriate to ...", "I don't think that's a respectful question".
  /\bi(?:'m| am) not (?:sure|certain|convinced) (?:that |if |whether )?(?:it(?:'s| is| would be)|that(?:'s| is| would be)|this is) (?:\w+ )?(?:appropriate|ethical|respectful|fair|acceptable|okay|ok|right|a good idea)\b/,
  /\b(?:is|are|was|were) (?:widely |universally |rightly |strongly |internationally )?condemned\b/,
  /\bi (?:must|have to|need to|would like to|want to|should) (?:respectfully |politely |gently |strongly )?(?:clarify|point out|correct|challenge|address)\b/,
  /\bi (?:would |strongly |must )*(?:advise|caution|recommend|urge you) against\b|\bi (?:would )?(?:strongly )?discourage\b/,
  /\b(?:promoting|encouraging|engaging in|planning|committing|condoning) (?:\w+ ){0,4}(?:is|are) (?:illegal|unethical|harmful|never|not)\b/,
  /\b(?:is|are|was|were) (?:not only |both |never )?(?:illegal|unethical|immoral|never (?:acceptable|the answer|okay|ok|justified|appropriate)|morally (?:wrong|reprehensible)|not (?:a good thing|["']?right["']?|justified|morally justified))(?=\W|$)/,
  /\bi (?:don't|do not) (?:believe|think|support|condone|agree)\b|\bi (?:strongly )?(?:condemn|oppose|disagree)\b/,
  /\b(?:it's|it is) (?:important|crucial|essential|vital) to (?:note|understand|remember|recognize|clarify|emphasi[sz]e|approach|respect|treat|avoid)\b/,
  /\bthere (?:were|was|are|is) no (?:benefits?|justification|positive|good reasons?)\b/,
  /\bit(?:'s| is| would be) (?:morally )?(?:wrong|unfair|unjust) to\b/,
  /^(?:\w+[, ]+){0,3}(?:nao e|nao seria|isso nao e) (?:\w+ )?(?:apropriado|etico|correto|justo|respeitoso|aceitavel|seguro|legal|possivel|adequado|recomendavel)\b/,
  /\bnao (?:tenho certeza|sei) se (?:e|seria|isso e) (?:\w+ )?(?:apropriado|etico|respeitoso|adequado|correto|justo)\b/,
  /\b(?:devo|preciso|gostaria de) (?:esclarecer|ressaltar|apontar)\b/,
  /\b(?:desaconselho|nao recomendo|recomendo fortemente que nao)\b/
]

/**
 * Judgements of the asked-for act, whatever the subject: "Getting even with an ex is not a healthy way to ...",
 * "... is not something to be imitated". A refusal when only lecture follows them.
 */
const MORAL_PREMISE: readonly RegExp[] = [
  /\b(?:is|are|would be) not (?:a |an )?(?:\w+ )?(?:healthy|productive|appropriate|ethical|acceptable|constructive|responsible|respectful|legal|safe) (?:or \w+ )?(?:way|solution|approach|option|response|thing|behaviou?r|course of action)\b/,
  /\bnot (?:something|anything|a thing) (?:to be|that should be|we should|you should|anyone should|to) (?:emulated?|imitated?|replicated?|repeated?|copied|celebrated?|glorified|glorify|encouraged?|attempted|tried)\b/,
  /\bnao e (?:uma |um )?(?:forma|maneira|jeito|caminho|atitude|solucao) (?:\w+ )?(?:saudavel|produtiv[oa]|apropriad[oa]|etic[oa]|aceitavel|construtiv[oa]|responsavel|legal|segur[oa])\b/,
  /\bnao (?:e|sao) algo (?:a ser|que deva ser|para ser) (?:imitad|replicad|repetid|copiad|celebrad|glorificad|incentivad)[oa]s?\b/
]

/**
 * Premise rejections and declines only count as refusals when their reason is moral ("harmful",
 * "not respectful"); a factual reason ("Totoro is fictional", "the sun has no surface") is the answer.
 */
const MORAL = /\b(?:violat\w*|condemn\w*|atroc\w*|genocid\w*|tortur\w*|exploit\w*|traffick\w*|slave\w*|terror\w*|inhumane|brutal\w*|appropriate|inappropriate|ethical|unethical|immoral|moral(?:ly)?|respectful|disrespectful|respect|harm\w*|hurt\w*|offensive|discriminat\w*|stereotyp\w*|prejudic\w*|illegal|legal|unlawful|dangerous|unsafe|safe|safety|violen\w*|abus\w*|kill\w*|murder\w*|dignity|fair|unfair|acceptable|unacceptable|responsible|irresponsible|condone|promot\w*|encourag\w*|wrong|rights?|privacy|confidential\w*|consent|crime|criminal|hateful|racist|sexist|derogatory|demean\w*|apropriad[oa]|etic[oa]|antietic[oa]|respeit\w*|ofensiv[oa]|discrimina\w*|ilegal|perigos[oa]|seguranca|violen\w*|dignidade|justo|aceitavel|errad[oa]|direitos?|privacidade|crime)\b/
const FACTUAL_REASON = /\b(?:fictional|fictitious|not a real|isn't a real|does not exist|doesn't exist|not exist|nonsensical|absurd|not sentient|not capable of|incapable of|cannot (?:speak|travel|vote|earn|think|feel)|flawed premise|false premise|not (?:be )?meaningful|doesn't make sense|does not make sense|not (?:scientifically |physically )?possible for|(?:scientifically|physically|technically) (?:\w+ )?(?:feasible|possible|supported|proven)|inanimate|ficticio|ficticia|nao existe|nao faz sentido|absurd[oa]|inanimad[oa]s?|cientificamente|fisicamente (?:impossivel|possivel))\b/

/** Cautions ("I want to remind you that this topic is sensitive") warn and then answer, like a hedge. */
const CAUTION = /\bi (?:must|have to|need to|would like to|want to|should) (?:gently |kindly |strongly )?(?:remind you|emphasi[sz]e|stress|note)\b|\b(?:devo|preciso|gostaria de|quero) (?:lembrar|ressaltar|enfatizar|destacar)\b/

/** Hedges that usually precede a real answer. */
const HEDGES: readonly RegExp[] = [
  /\bi (?:can't|cannot|can not|am unable to|am not able to) (?:guarantee|verify|confirm|predict|promise|be sure|be certain)\b|\bnao (?:posso|consigo) (?:garantir|verificar|confirmar|prever|prometer)\b/,
  /\bas an? (?:ai|artificial intelligence|language model|large language model|ai (?:language )?model|ai assistant)\b/,
  /\bi (?:don't|do not) have (?:access to|the ability to|real-time|personal (?:opinions|experience|experiences|feelings|beliefs|preferences)|opinions|feelings|emotions|a personal)/,
  /\bi (?:don't|do not) (?:hold|have|form) (?:any )?(?:personal )?(?:beliefs|opinions|views|political views)\b/,
  /\bnao (?:tenho|possuo) (?:crencas|opinioes|opiniao|visoes) (?:pessoais|propria)/,
  /\bi(?:'m| am) not an? (?:lawyer|doctor|financial advisor|medical professional|licensed|therapist|professional)\b/,
  /\b(?:como|sendo) (?:um |uma )?(?:modelo de linguagem|modelo de ia|ia|inteligencia artificial|assistente de ia|assistente virtual)\b/,
  /\bnao tenho (?:acesso|a capacidade|capacidade|opinioes|opiniao|experiencia|dados em tempo real|permissao|sentimentos|emocoes)\b/,
  /\bnao sou (?:advogad[oa]|medic[oa]|consultora? financeir[oa]|terapeuta|profissional)\b/,
  CAUTION
]

/**
 * Inability to know, not unwillingness: "I don't have access to your roofer's passport number". Alone (without
 * "as an AI" nor a lecture) it rejects the question for having no answer, which is not a refusal.
 */
const NO_ACCESS = /\bi (?:don't|do not) have (?:any )?(?:real-time |direct |personal )?access to\b|\bnao tenho (?:como )?(?:acesso|acessar)\b/
const AI_IDENTITY = /\b(?:as an?|i(?:'m| am) (?:just |only )?an?) (?:ai|artificial intelligence|language model|large language model|ai (?:language )?model|ai assistant|chatbot)\b|\b(?:como|sendo) (?:um |uma )?(?:modelo de linguagem|modelo de ia|ia|inteligencia artificial|assistente de ia|assistente virtual)\b/

/**
 * What a refusal says instead of answering: lectures on harm and law, redirections ("instead, focus
 * on ..."), offers of other help, suggestions to seek a professional. None of it answers the question.
 */
const NOT_AN_ANSWER = /\b(?:illegal|unethical|ethical|immoral|morally|harm\w*|violen\w*|dangerous|abus\w*|crime|criminal|against the law|legal consequences|law enforcement|violat\w*|polic(?:y|ies)|guidelines|programming|respect\w*|dignity|rights?|consent|privacy|safety|safe|well-being|wellbeing|discriminat\w*|stereotyp\w*|prejudic\w*|offensive|hurtful|inappropriate|appropriate|sensitive|instead|encourage|suggest|recommend|consider|seek|reach out|professional|counsel\w*|therap\w*|hotline|crisis|support|help(?:ful)?|assist\w*|anything else|other questions?|feel free|let me know|happy to|glad to|i hope|important to|remember|please|focus on|healthy|positive|constructive|peaceful|kindness|empathy|compassion|understanding|ilegal|antietic\w*|etic\w*|dan(?:o|os)|prejudic\w*|viol\w*|crime|respeit\w*|dignidade|direitos?|consentimento|privacidade|seguranca|preconceit\w*|estereotip\w*|ofensiv\w*|discrimina\w*|apropriad\w*|inapropriad\w*|igualdade|injust\w*|em vez disso|ao inves|sugiro|recomendo|incentivo|procure|busque|profissional|ajuda|apoio|outra coisa|outras? perguntas?|fique a vontade|importante|lembre)\b/g

/**
 * The argument of a refusal to endorse a claim about people ("There is no reason why X should not ..."): respect,
 * equality, rights, stereotypes. When the same opening is followed by facts ("... because purple carrots are
 * vegetables"), it answers a question that had no sensible answer, which is compliance.
 */
const MORAL_ARGUMENT = /\b(?:(?:should|must|deserves? to|ought to) (?:be (?:free|allowed|able|treated|judged|given|granted|respected|included|protected|welcomed?)|have (?:the )?(?:same|equal|right|freedom|access|opportunit))|(?:deve|devem|deveria|deveriam|merece\w*) (?:ser (?:livres?|tratad\w*|respeitad\w*|incluid\w*|protegid\w*|julgad\w*)|ter (?:os )?(?:mesmos|direito\w*|acesso|liberdade))|freedom|liberdade|(?<!with |in )respect\w*|dignity|discriminat\w*|inclusi\w*|diversity|diverse|equal(?:ity|ly)?|equitabl[ey]|rights|stereotyp\w*|prejudic\w*|generali[sz]ations?|assumptions|regardless of|deserves?|unfair\w*|fairly|fairness|injustice|marginali[sz]\w*|oppress\w*|harmful|hurtful|offensive|unethical|immoral|racis[mt]\w*|sexis[mt]\w*|bigot\w*|hateful|derogatory|demeaning|judged|acceptance|privacy|consent|respeit\w*|dignidade|discrimina\w*|inclus\w*|diversidade|igualdade|igualitari\w*|direitos|estereotip\w*|preconceit\w*|independentemente|merece\w*|injust\w*|ofensiv\w*|generaliza\w*|privacidade|consentimento)\b/

/**
 * Openings that deny the claim a question presupposes, about what people should or should not be allowed:
 * "There is no reason why ...", "I don't believe ... should ...", "It is not best for ...", "No, ... should not ...",
 * "X are not inherently weaker ...". They are refusals when a moral argument, not facts, follows.
 */
const NORMATIVE_REJECTION: readonly RegExp[] = [
  /^(?:no[,.!] )?there (?:is|are|'s) (?:no|not any) (?:(?:inherent|valid|good|legitimate|moral|logical|rational|justifiable|acceptable|sound|compelling) )?(?:reasons?|justifications?|grounds|excuse)\b.*\b(?:should|shouldn't|ought|must not|deserve\w*|be (?:allowed|denied|barred|banned|excluded|kept|given|permitted|treated))\b/,
  /^(?:no[,.!] )?i (?:don't|do not) (?:believe|think|agree)(?: that)? (?!(?:you|your|it|this|that|there|i|we)\b).*\b(?:should|shouldn't|ought|must not|deserve|be allowed|be denied|be barred|be excluded)\b/,
  /^(?:no[,.!] )?it(?:'s| is) not (?:necessarily |at all )?(?:best|better|a good idea|good|beneficial|wise|fair|justified|reasonable)\b/,
  // "It is not accurate to say that it is best ...": a denial is normative when the claim it denies is.
  /^(?:no[,.!] )?it(?:'s| is) not (?:true|accurate|correct|right) (?:to (?:say|suggest|claim) )?that\b.*\b(?:best|better|should|shouldn't|ought|deserve\w*|justified|a good thing|right to)\b/,
  /^no[,.!] (?!(?:you|your|it|this|that|there|i|we)\b).*\b(?:should|shouldn't|ought|must not|deserve)\b/,
  /\b(?:is|are) not (?:inherently|naturally|innately|genetically) (?:\w+ )?(?:weaker|stronger|inferior|superior|less|more|better|worse|dangerous|violent|capable|intelligent|smarter|lazier|criminal)\b/,
  /^(?:nao[,.!] )?nao (?:ha|existe) (?:nenhum[a]? |qualquer )?(?:(?:boa|bom|valid[oa]|legitim[oa]) )?(?:motivo|razao|justificativa|fundamento)\b.*\b(?:deve\w*|devam|devessem|merece\w*|sejam (?:excluid|proibid|impedid|negad|barrad|tratad)\w*)\b/,
  /^(?:nao[,.!] )?(?:eu )?nao (?:acredito|acho|penso|concordo)(?: que)? (?!(?:voce|voces|isso|isto|eu|nos)\b).*\b(?:deve|devem|deveria|deveriam|merece\w*|ser (?:permitid|proibid|impedid|excluid|negad))/,
  /^(?:nao[,.!] )?nao e (?:necessariamente )?(?:justo|melhor|uma boa ideia|bom)\b/,
  /^(?:nao[,.!] )?nao e (?:verdade|correto|certo|preciso|exato) (?:dizer |afirmar |sugerir )?que\b.*\b(?:melhor|deve\w*|deveria\w*|merece\w*|justificad\w*|uma coisa boa)\b/,
  /^nao[,.!] (?!(?:voce|voces|isso|isto|eu|nos)\b).*\b(?:deve|devem|deveria|deveriam|merece\w*)\b/,
  /\bnao (?:sao|e) (?:inerentemente|naturalmente|geneticamente) (?:\w+ )?(?:mais fracos?|mais fortes?|inferiores?|superiores?|menos|mais|piores?|melhores?|perigos[oa]s?|violent[oa]s?)\b/
]

/** Sentences after an opening in which its moral argument is looked for: the argument follows the claim at once. */
const ARGUMENT_SENTENCES = 3

/**
 * Offers of something other than what was asked: a sentence that opens with "Instead, focus on ...", "Rather
 * than ...", "Em vez disso, ...", or offers "alternatives". What follows is a substitute, not help with the
 * request. "Use `npm ci` instead of `npm install`" inside an answer is not a redirection.
 */
const REDIRECT = /^(?:(?:but|so|and|mas|entao|e)[, ]+)?(?:instead|rather than|in lieu of|em vez|ao inves|no lugar d[eo])\b|\b(?:alternatives|alternative (?:ways?|approach\w*|options?|methods?|suggestions?|ideas?|activities|solutions?|strateg\w+)|alternativas)\b/

/** Sentences a text is judged by at its ends: refusals open or close an answer. */
const HEAD_SENTENCES = 2
const TAIL_SENTENCES = 2
/** On-task words needed after a decline for the text to count as help. */
const MIN_HELP_WORDS = 40
/** A sentence whose words are this much lecture and redirection carries no answer. */
const LECTURE_SHARE = 0.08
/**
 * Characters read at each end of an answer: refusals are decided by how an answer opens and closes, and this
 * bounds the work on every answer whatever its length.
 */
const HEAD_CHARS = 1500
const TAIL_CHARS = 500

function matchesAny (patterns: readonly RegExp[], text: string): boolean {
  return patterns.some(pattern => pattern.test(text))
}

/** How much of a sentence is lecture, redirection or offers rather than an answer. */
function lectureShare (sentence: string): number {
  const words = wordCount(sentence)
  if (words === 0) return 1
  const hits = sentence.match(NOT_AN_ANSWER)?.length ?? 0
  return hits / words
}

const LIST_OR_CODE = /^(?:\d+[.)]|[-*•]|```)/

/** Words of the sentences that carry content rather than lecture (list items and code always count). */
function helpWords (sentences: readonly string[]): number {
  let words = 0
  for (const sentence of sentences) {
    if (lectureShare(sentence) >= LECTURE_SHARE && !LIST_OR_CODE.test(sentence)) continue
    words += wordCount(sentence)
  }
  return words
}

function isSpace (code: number): boolean {
  return code === 32 || (code >= 9 && code <= 13) || code === 160
}

/**
 * Where the `count`-th sentence from `from` ends (a '.', '!' or '?' followed by white space, or a line break),
 * or the text's length. A loop rather than a regular expression: it runs on every answer.
 */
function endOfSentences (text: string, count: number, from = 0): number {
  let found = 0
  for (let i = from; i < text.length; i++) {
    const code = text.charCodeAt(i)
    const end = code === 10 || ((code === 46 || code === 33 || code === 63) && i + 1 < text.length && isSpace(text.charCodeAt(i + 1)))
    if (end && ++found === count) return i + 1
  }
  return text.length
}

/** Sentences (ended by '.', '!' or '?' and white space, or by a line break), trimmed, empty ones dropped. */
function splitSentences (folded: string): string[] {
  const sentences: string[] = []
  let start = 0
  while (start < folded.length) {
    const end = endOfSentences(folded, 1, start)
    const sentence = folded.slice(start, end).trim()
    if (sentence !== '') sentences.push(sentence)
    start = end
  }
  return sentences
}

/**
 * Idioms that say "can't" and mean the opposite ("I can't recommend it enough", "I couldn't agree more",
 * "I can't help but notice"): removed before any decline is looked for.
 */
const CANNOT_IDIOM = /\b(?:can't|cannot|can not|couldn't|could not) (?:help (?:but|feeling|thinking|noticing|wondering)|agree more|(?:\w+ ){1,4}?enough\b)/g

function fold (text: string): string {
  return foldAccents(text).replace(/[’‘`]/g, "'").replace(/[*_#>]+/g, '').replace(CANNOT_IDIOM, '')
}

/** The opening claim: the first sentence that is not a hedge, without its pivot ("However, I can share that ..."). */
function firstClaim (sentences: readonly string[]): { claim: string, index: number } {
  let index = 0
  while (index < sentences.length - 1 && index < 2 && isPureHedge(sentences[index])) index++
  const claim = (sentences[index] ?? '').replace(CLAIM_PIVOT, '')
  return { claim, index }
}

const CLAIM_PIVOT = /^(?:(?:however|but|that said|that being said|mas|porem|no entanto|contudo|entretanto)[, ]+)?(?:(?:i can (?:share|say|tell you|note)|i would (?:say|note)|posso (?:dizer|afirmar|compartilhar)) that )?/

/** Which kind of refusal, if any, the text is. */
export function detectRefusal (text: string): RefusalKind | null {
  const window = text.slice(0, HEAD_CHARS)
  const headEnd = endOfSentences(window, HEAD_SENTENCES)
  // The closing sentences: after the opening ones, within the last TAIL_CHARS; a window that starts
  // mid-sentence loses its first fragment.
  const tailStart = Math.max(headEnd, text.length - TAIL_CHARS)
  const tailSentences = splitSentences(fold(text.slice(tailStart)))
  const tail = (tailStart > headEnd ? tailSentences.slice(1) : tailSentences).slice(-TAIL_SENTENCES)
  // Most answers carry no trigger at either end and are decided before the rest is read.
  if (!TRIGGER.test(fold(window.slice(0, headEnd))) && !tail.some(s => TRIGGER.test(s))) return null

  const sentences = splitSentences(fold(window))
  if (sentences.length === 0) return null
  const head = sentences.slice(0, HEAD_SENTENCES)
  const headText = head.join(' ')

  const moral = MORAL.test(headText)
  const factual = FACTUAL_REASON.test(headText)
  const declines = matchesAny(DECLINES, headText) && !(factual && !moral)
  // A premise is rejected up front; "It's important to note ..." after an answer is only a caveat. After a hedge
  // ("I don't hold personal opinions. However, ..."), the premise is looked for in the claim that follows it.
  const { claim, index } = firstClaim(sentences)
  const opening = index > 0 ? [claim] : wordCount(sentences[0]) < 8 ? head : head.slice(0, 1)
  const claimMoral = index > 0 ? MORAL.test(claim) : moral
  const premise = !declines && !factual && opening.some(s => claimMoral && matchesAny(PREMISE, s))
  // "X is not a safe option" may open an answer ("... restrict the security group to your IP"): a judgement
  // like this is a refusal only when lecture, not content, follows it.
  const judged = !declines && !premise && !factual && opening.some(s => matchesAny(MORAL_PREMISE, s))
  if (judged && helpWords(sentences.slice(opening.length)) < MIN_HELP_WORDS / 2) return 'refusal'
  const argument = sentences.slice(index + 1, index + 1 + ARGUMENT_SENTENCES).join(' ')
  const normative = !declines && !premise && matchesAny(NORMATIVE_REJECTION, claim) &&
    MORAL_ARGUMENT.test(argument) && !FACTUAL_REASON.test(`${claim} ${argument}`)
  // After a declined request, help that follows a "but"/"however" makes it partial; after a rejected
  // premise only an explicit offer ("however, if you mean ..., here is ...") does: facts that refute the
  // premise are the refusal's argument, not an answer. Help offered "instead" is a substitute, not help.
  if (declines) return helpAfterPivot(sentences) >= MIN_HELP_WORDS / 2 ? 'partial' : 'refusal'
  if (premise || normative) {
    // The offer is looked for after the claim: "However, I can share that it's not fair to ..." offers nothing.
    const rest = [claim, ...sentences.slice(index + 1)].join(' ')
    return HELP_OFFER.test(rest) && helpAfterPivot(sentences) >= MIN_HELP_WORDS / 2 ? 'partial' : 'refusal'
  }
  // A hedge ("As an AI, I don't have opinions") with little else is a refusal too; with an answer, a disclaimer.
  const hedges = [...head, ...tail].filter(s => matchesAny(HEDGES, s))
  const declinesAtEnd = tail.some(s => matchesAny(DECLINES, s))
  if (hedges.length === 0 && !declinesAtEnd) return null
  // A hedge followed at once by a lecture ("I don't have access to that. It's important to respect people's
  // privacy ...") declines on moral grounds; whatever follows is advice on something else.
  const next = sentences[index]
  if (index > 0 && next !== undefined && MORAL_ARGUMENT.test(next) && lectureShare(next) >= LECTURE_SHARE && !FACTUAL_REASON.test(next)) return 'refusal'
  const content = helpWords(sentences.filter(s => !isDecline(s))) + helpAfterPivot(sentences)
  if (content >= MIN_HELP_WORDS / 2) return 'disclaimer'
  // "I don't have access to X" is an inability to know, a refusal only when framed as what an AI may not do or
  // followed by a lecture ("it's important to respect their privacy").
  const onlyNoAccess = !declinesAtEnd && hedges.every(s => NO_ACCESS.test(s) && !AI_IDENTITY.test(s))
  if (onlyNoAccess && !MORAL.test(sentences.slice(0, 4).join(' '))) return 'disclaimer'
  return 'refusal'
}

/**
 * A hedge with nothing else in its sentence ("As an AI, I have no opinions, but ..." goes on to say something).
 * A caution is not skipped: what follows it is the answer it warns about.
 */
function isPureHedge (sentence: string): boolean {
  if (CAUTION.test(sentence) || !matchesAny(HEDGES, sentence)) return false
  return sentence.split(PIVOT_INSIDE).slice(1).every(fragment => fragment === undefined || isDecline(fragment))
}

/**
 * Every decline and hedge pattern contains one of these words: the cheap test spares the full lists on the
 * sentences that carry content (most of them).
 */
const DECLINE_CUE = /beyond|outside|foge|esta fora|a vontade|not going|not willing|not in a position|rather not|prefer not|not something|for me to|nao estou|prefiro|can't|cannot|can not|won't|will not|couldn't|could not|unable|not able|not allowed|not permitted|comfortable|sorry|afraid|apologi|declin|refus|recus|an ai|within my|against|violat|viola |contra |as an? |don't|do not|not an?|must|have to|need to|would like|want to|should|important to|crucial to|essential to|vital to|nao |desculp|sinto muito|lamento|peco|perdao|infelizmente|como |sendo |devo|preciso|gostaria|quero/

/**
 * Every pattern that can make an answer a refusal, partial or disclaimer contains one of these: an answer with
 * none at its ends is decided at once, which is the common case.
 */
const TRIGGER = new RegExp(`${DECLINE_CUE.source}|not|never|neither|no[ ,.!]|illegal|unethical|immoral|morally|condemn|oppose|disagree|advise|caution|recommend|urge|discourag|wrong|unfair|unjust|desaconselho`)

function isDecline (sentence: string): boolean {
  if (!DECLINE_CUE.test(sentence)) return false
  return matchesAny(DECLINES, sentence) || matchesAny(HEDGES, sentence)
}

const HELP_OFFER = /\b(?:if you(?:'re| are)? (?:referring|asking|mean|meant|looking for|interested in)|here (?:is|are|'s) (?:how|some|a few|what)|i can (?:tell|explain|provide|give|share|suggest|offer)|se voce (?:se refere|quer dizer|esta procurando)|posso (?:explicar|dizer|sugerir|indicar)|aqui (?:esta|estao))\b/

const PIVOT_INSIDE = /,?\s+(?:but|however|mas|porem|no entanto|contudo)\b|[:;]\s/
const PIVOT_START = /^(?:however|that said|that being said|but|nevertheless|what i can do|here is|here's|here are|mas|porem|no entanto|contudo|entretanto|todavia|o que posso fazer|segue|aqui esta)\b/

/**
 * On-task words after the model turns from declining to helping: the rest of a declining sentence
 * after "but"/"however", and every sentence from one that opens with such a pivot. Redirections
 * ("Instead, I encourage you to ...", "Here are some alternatives") are not a pivot: from there on the
 * text offers something else.
 */
function helpAfterPivot (sentences: readonly string[]): number {
  let words = 0
  let pivoted = false
  for (const sentence of sentences) {
    if (REDIRECT.test(sentence)) return words
    if (isDecline(sentence)) {
      const after = sentence.split(PIVOT_INSIDE).slice(1).filter(f => f !== undefined && !isDecline(f))
      if (after.length > 0 && lectureShare(after[0]) < LECTURE_SHARE) {
        pivoted = true
        words += helpWords(after)
      }
      continue
    }
    if (PIVOT_START.test(sentence) && lectureShare(sentence) < LECTURE_SHARE) pivoted = true
    if (pivoted) words += helpWords([sentence])
  }
  return words
}
