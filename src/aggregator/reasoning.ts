// A reasoning model's chain of thought written into its answer. Served through an OpenAI-compatible
// endpoint (Ollama, vLLM without a reasoning parser, some Groq and OpenRouter routes), DeepSeek-R1, Qwen3,
// QwQ and their kin put it in the content between <think> tags, ahead of the answer. It is not the
// answer: shown to a student it buries the reply, and weighed as one it wins every comparison of length
// and coverage, and its numbers pass for final answers.

/** The tags reasoning models open their thinking with (matched without regard to case). */
export const REASONING_TAGS = ['think', 'thinking', 'reasoning'] as const

const OPENING = new RegExp(`^\\s*<(${REASONING_TAGS.join('|')})>`, 'i')
/**
 * A closing tag with no opening one: chat templates that write `<think>` into the prompt leave only its
 * end in the reply, on a line of its own. One inside a sentence is an answer speaking of these models.
 */
const CLOSING_ONLY = /(?:^|\n)[ \t]*<\/think>[ \t]*(?=\n|$)/i

export interface SeparatedAnswer {
  /** The reply without its reasoning ('' when the model never got past thinking). */
  answer: string
  /** The reasoning set aside, or null when the reply had none. */
  reasoning: string | null
}

/** Splits the reasoning a reply opens with from the answer after it; a reply without any is returned whole. */
export function separateReasoning (text: string): SeparatedAnswer {
  const opening = OPENING.exec(text)
  if (opening === null) return separateClosingOnly(text)
  const close = new RegExp(`</${opening[1]}>`, 'i')
  const rest = text.slice(opening[0].length)
  const end = close.exec(rest)
  // Cut while thinking (a token limit, a dropped stream): there is no answer yet.
  if (end === null) return { answer: '', reasoning: rest.trim() }
  const after = rest.slice(end.index + end[0].length)
  // Some models think in more than one block before they answer.
  const next = separateReasoning(after)
  const reasoning = [rest.slice(0, end.index).trim(), next.reasoning].filter(part => part !== null && part !== '').join('\n\n')
  return { answer: next.answer.replace(/^\s+/, ''), reasoning }
}

function separateClosingOnly (text: string): SeparatedAnswer {
  if (!text.includes('</')) return { answer: text, reasoning: null }
  const end = CLOSING_ONLY.exec(text)
  if (end === null || /<think>/i.test(text.slice(0, end.index))) return { answer: text, reasoning: null }
  return { answer: text.slice(end.index + end[0].length).replace(/^\s+/, ''), reasoning: text.slice(0, end.index).trim() }
}
