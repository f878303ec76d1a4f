// What kind of answer a question asks for: a number, an option, yes/no, or free text.

import { foldAccents } from './text.js'

/**
 * 'open' asks for an explanation, a procedure, a list or a text (a one-word reply is no answer);
 * 'free' is anything else that is not clearly short (a classification, a name, a title).
 */
export type ExpectedAnswer = 'number' | 'option' | 'yesno' | 'open' | 'free'

// Folded (lower case, no accents). "How many" / "quantos" ask for a count; "how much ... cost" for an amount.
const ASKS_NUMBER = /\b(?:how (?:many|much|long|far|old|fast|often)|what(?:'s|\u2019s| is| was| will be) the (?:total|sum|difference|product|number|amount|cost|price|value|percentage|average|area|perimeter|ratio|probability|result)|what percent(?:age)?|calculate|compute|how much (?:money|time|did|does|do|will|would|is|was|more|less)|quant[oa]s?\b|qual (?:e|foi|sera) o (?:total|valor|custo|preco|numero|resultado|percentual)|calcule|em quantos|por quantos)\b/
// A question that lists lettered options ("A) ... B) ...") or says "which option".
const ASKS_OPTION = /(?:^|\s)\(?[a-e][).]\s.*(?:^|\s)\(?[b-e][).]\s|\b(?:which (?:option|alternative|letter|choice)|qual (?:alternativa|opcao|letra))\b/s
// Yes/no questions open with an auxiliary verb, or say so.
const ASKS_YES_NO = /^(?:is|are|was|were|do|does|did|can|could|should|would|will|has|have|had|must|may)\s(?!.*\b(?:or|ou)\b)|\b(?:yes or no|true or false|sim ou nao|verdadeiro ou falso)\b|^(?:e verdade que|existe|pode-se|posso|devo|e possivel)\b(?!.*\b(?:ou)\b)/
// Requests for explanations, procedures, lists and texts are open even when they contain "how many".
const ASKS_OPEN = /^(?:(?:hi|hello|hey|ola|oi)[,!.]?\s+)?(?:how (?:do|does|did|can|could|should|would|is|are|to)|explain|describe|list|write|draft|compose|create|generate|summari[sz]e|give me|tell me|show me|teach me|help me|compare|what are|what is the (?:difference|best way|process)|why|(?:can|could|would|will) you|do you (?:know|have|think)|i (?:want|need|would like|'d like)|please|como (?:fazer|faco|configur|funciona|posso|se)|explique|explica|descreva|liste|escreva|crie|resuma|compare|me (?:explica|ajuda|diga|fala)|quais sao|qual a diferenca|por que|porque|pq|voce (?:pode|poderia|sabe))\b/

// A question about a quantity in a text with figures ("... what is her profit?", "how high can he lift it, in feet?").
const WORD_PROBLEM = /\b(?:what(?:'s| is| was| are| were| will| would)?|how (?:high|tall|heavy|old|big|fast)|find|calculate|determine|qual|quanto|calcule|determine)\b/

// "What is the difference between …" asks for an explanation, unless the sentences before it give figures: then it asks how far apart two of them end up.
const ASKS_DIFFERENCE = /^(?:what is the difference|qual (?:e )?a diferenca)\b/

// A sentence ends at . ! or ? before a space, except after a title or an abbreviation ("Mrs. Cruz", "vs. the other").
const SENTENCE_BREAK = /(?<=[.!?])(?<!\b(?:mr|mrs|ms|dr|prof|sr|sra|st|vs|etc|e\.g|i\.e)\.)\s+/

function numbersIn (text: string): number {
  return text.match(/\d+(?:[.,]\d+)?/g)?.length ?? 0
}

/** The answer shape the question asks for; 'free' unless it clearly asks for a short one. */
export function expectedAnswer (question: string): ExpectedAnswer {
  const folded = foldAccents(question).trim()
  if (ASKS_OPTION.test(folded)) return 'option'
  // The last sentence carries the request in word problems ("... How much does she make every day?").
  const sentences = folded.split(SENTENCE_BREAK).filter(s => s !== '')
  const ask = sentences.findLast(s => s.endsWith('?')) ?? sentences[sentences.length - 1] ?? ''
  const context = sentences.slice(0, sentences.lastIndexOf(ask)).join(' ')
  if (ASKS_DIFFERENCE.test(ask) && (context.match(/\b\d+(?:[.,]\d+)?\b/g)?.length ?? 0) >= 2) return 'number'
  if (ASKS_OPEN.test(ask)) return 'open'
  if (ASKS_NUMBER.test(ask) || (WORD_PROBLEM.test(ask) && numbersIn(folded) >= 2)) return 'number'
  if (ASKS_YES_NO.test(ask)) return 'yesno'
  return 'free'
}
