// The prompt of the `synthesize` strategy: one extra model call that fuses the best answers into one.

import type { CandidateInput, Decision, SynthesisMessage } from './types.js'

/** Long answers are cut so the fused prompt stays within any provider's context window. */
const MAX_ANSWER_CHARS = 6000

const SYSTEM_PROMPT = [
  'You combine several answers to the same student question into one answer.',
  'Keep what the answers agree on, resolve contradictions by reasoning about which is correct,',
  'drop anything unsupported or off topic, and do not mention that there were several answers.',
  'Answer in the language of the question, as a patient cloud-computing tutor, concisely.',
  'When the question has a short answer (a number, an option, yes or no), end with a final line',
  '"Answer: <value>".'
].join(' ')

/**
 * System and user messages for the synthesizer: the question and the top `maxAnswers` unfiltered
 * answers, best total score first. `decision.candidates` is aligned with `candidates`.
 */
export function buildSynthesisPrompt (
  question: string,
  decision: Decision,
  candidates: readonly CandidateInput[],
  maxAnswers = 3
): SynthesisMessage[] {
  const ranked = decision.candidates
    .map((verdict, index) => ({ verdict, index }))
    .filter(({ verdict, index }) => verdict.filtered === null && candidates[index] !== undefined && candidates[index].text.trim() !== '')
    .sort((a, b) => b.verdict.scores.total - a.verdict.scores.total || a.index - b.index)
    .slice(0, Math.max(1, maxAnswers))
  const answers = ranked.map(({ index }, n) => {
    const text = candidates[index].text.trim()
    const cut = text.length > MAX_ANSWER_CHARS ? text.slice(0, MAX_ANSWER_CHARS) + ' […]' : text
    return `Answer ${n + 1}:\n${cut}`
  })
  return [
    { role: 'system', content: SYSTEM_PROMPT },
    { role: 'user', content: `Question:\n${question.trim()}\n\n${answers.join('\n\n')}\n\nWrite the single best answer.` }
  ]
}
