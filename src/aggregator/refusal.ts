// Refusal detection in English and Portuguese that tells "I can't help" from "I can't X, but here is how".

import { foldAccents, wordCount } from './text.js'

export type RefusalKind = 'refusal' | 'disclaimer'

// Patterns run on folded text (lower case, no accents, straight apostrophes).
const REFUSAL_PATTERNS: readonly RegExp[] = [
  /\b(?:i|we)(?:'m| am| are)? (?:really |truly |very )?(?:sorry|afraid)\b.*\b(?:can't|cannot|can not|unable|not able|won't|will not|must decline|not allowed|not permitted)\b/,
  /\bi apologi[sz]e\b.*\b(?:can't|cannot|can not|unable|not able|won't|will not)\b/,
  /\bi(?: really| simply)?(?: can't| cannot| can not| won't| will not| won't be able to| will not be able to|(?:'m| am) (?:unable|not able|not allowed|not permitted) to| (?:do not|don't) have permission to) (?:help|assist|provide|answer|comply|fulfil|fulfill|do (?:that|this)|share|give|create|generate|write|support|engage|discuss|offer|respond|see|access|check|run|execute|browse|guarantee)\b/,
  /\bi (?:must|have to|need to) decline\b/,
  /\bas an? (?:ai|artificial intelligence|language model|large language model|ai (?:language )?model|ai assistant)\b/,
  /\bi (?:don't|do not) have (?:access to|the ability to|real-time|personal (?:opinions|experience|feelings))/,
  /\b(?:goes against|violates|is against) (?:my|our|the) (?:\w+ )?(?:guidelines|policies|policy|principles)\b/,
  /^(?:(?:sorry|desculpe)[, ]+)?(?:i (?:don't|do not) know|nao sei)(?: (?:the answer|a resposta))?[.!]*$/,
  /\bi(?:'m| am) not an? (?:lawyer|doctor|financial advisor|medical professional)\b/,
  /\b(?:desculpe|desculpa|sinto muito|lamento|peco desculpas|perdao|infelizmente)\b.*\bnao (?:posso|consigo|e possivel|sou capaz|tenho como|estou autorizad|tenho permissao|me e permitido|vou poder)/,
  /\bnao (?:posso|consigo|sou capaz de|estou autorizad[oa] a|me e permitido|tenho permissao para|vou poder|vou) (?:te |lhe )?(?:ajudar|responder|fornecer|atender|auxiliar|cumprir|criar|gerar|escrever|dar|compartilhar|realizar|fazer (?:isso|isto)|prestar|oferecer|discutir|executar|verificar|acessar|garantir|obter)\b/,
  /\bnao e possivel (?:ajudar|responder|fornecer|atender|compartilhar)\b/,
  /\b(?:como|sendo) (?:um |uma )?(?:modelo de linguagem|modelo de ia|ia|inteligencia artificial|assistente de ia|assistente virtual)\b/,
  /\bnao tenho (?:acesso|a capacidade|capacidade|opinioes|opiniao|experiencia|dados em tempo real|permissao)\b/,
  /\b(?:devo|preciso|tenho que) recusar\b|\bme recuso\b|\brecuso-me\b/,
  /\bviola (?:as|a|os|minhas|nossas) (?:\w+ )?(?:diretrizes|politicas|regras)\b|\bcontra (?:as|minhas|nossas) (?:diretrizes|politicas)\b/,
  /\bnao sou (?:advogad[oa]|medic[oa]|consultora? financeir[oa])\b/
]

// Polite closings and redirections carry no answer, so they do not turn a refusal into a disclaimer.
const OFFER = /\b(?:anything else|something else|another question|other questions?|feel free|happy to help|glad to help|let me know|consult an? |please consult|seek (?:professional|a professional)|outra coisa|outras? perguntas?|outro assunto|fique a vontade|ficarei feliz|estou a disposicao|procure um|consulte um|posso ajudar com)\b/

// Reasons given for a refusal ("it would be illegal") are not content either; only short sentences,
// so a real answer that mentions privacy or harm is never discounted.
const JUSTIFICATION = /\b(?:illegal|unethical|harm(?:ful)?|against the law|violat\w*|policy|policies|ilegal|antietic\w*|danos?|prejudic\w*|viola\w*|politica\w*|crime)\b/

const PIVOT = /,?\s+(?:but|however|that said|instead|mas|porem|no entanto|contudo|entretanto|todavia)\b|[:;]\s/

/** Words of real content needed after a refusal phrase for the text to count as an answer. */
const MIN_ANSWER_WORDS = 20

// Every refusal pattern contains one of these; the cheap test spares the full list on most sentences.
const TRIGGER = /can't|cannot|can not|won't|will not|unable|not able|not allowed|not permitted|sorry|afraid|apologi|decline|as an? |don't|do not|permission|guidelines|polic|principles|i'm not|i am not|nao |recus|viola|contra /

function isRefusalText (fragment: string): boolean {
  return TRIGGER.test(fragment) && REFUSAL_PATTERNS.some(pattern => pattern.test(fragment))
}

/** Refusals open or close an answer; a long text is only searched at its ends. */
const HEAD_SENTENCES = 5
const TAIL_SENTENCES = 3

/**
 * 'refusal' when the text declines and says little else; 'disclaimer' when a refusal-like phrase
 * ("As an AI model, I ...") is followed by a real answer; null otherwise.
 */
export function detectRefusal (text: string): RefusalKind | null {
  const folded = foldAccents(text).replace(/[’‘`]/g, "'")
  const sentences = folded.split(/(?<=[.!?])\s+|\n+/).map(s => s.trim()).filter(s => s !== '')
  const ends = sentences.length <= HEAD_SENTENCES + TAIL_SENTENCES
    ? sentences
    : [...sentences.slice(0, HEAD_SENTENCES), ...sentences.slice(-TAIL_SENTENCES)]
  if (!ends.some(isRefusalText)) return null
  let answerWords = 0
  for (const sentence of sentences) {
    if (!ends.includes(sentence) || !isRefusalText(sentence)) {
      if (OFFER.test(sentence)) continue
      if (JUSTIFICATION.test(sentence) && wordCount(sentence) <= 25) continue
      answerWords += wordCount(sentence)
      continue
    }
    // "I can't see your account; however, the usual causes are ..." answers after the pivot.
    for (const fragment of sentence.split(PIVOT)) {
      if (fragment === undefined || isRefusalText(fragment) || OFFER.test(fragment)) continue
      answerWords += wordCount(fragment)
    }
  }
  return answerWords >= MIN_ANSWER_WORDS ? 'disclaimer' : 'refusal'
}
