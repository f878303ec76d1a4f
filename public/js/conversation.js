// A conversation on the page: its turns, and the `history` a follow-up sends (within the API's limits).

/** The API's limits on `history` (schemas/ask.ts): turns, characters per turn and in all. */
export const HISTORY_MAX_TURNS = 20
export const HISTORY_TURN_MAX_CHARS = 8000
export const HISTORY_MAX_CHARS = 24000

export function newConversation (now = Date.now()) {
  const random = Math.random().toString(36).slice(2, 10)
  return { id: `c${now.toString(36)}${random}`, at: now, turns: [] }
}

/**
 * The earlier turns as the API takes them, oldest first: the most recent ones that fit the limits, oldest out first.
 * An answer longer than a turn may be keeps its beginning; an empty answer is left out.
 */
export function historyOf (turns) {
  const flat = []
  for (const turn of turns) {
    flat.push({ role: 'user', content: turn.question })
    const answer = turn.response?.answer ?? ''
    if (answer.trim() !== '') flat.push({ role: 'assistant', content: answer })
  }
  const kept = []
  let total = 0
  for (let i = flat.length - 1; i >= 0 && kept.length < HISTORY_MAX_TURNS; i--) {
    const content = flat[i].content.slice(0, HISTORY_TURN_MAX_CHARS)
    if (content.trim() === '') continue
    if (total + content.length > HISTORY_MAX_CHARS) break
    total += content.length
    kept.unshift({ role: flat[i].role, content })
  }
  // A conversation sent from its middle starts with a question, not with an answer to a question it no longer shows.
  while (kept.length > 0 && kept[0].role === 'assistant') kept.shift()
  return kept
}

/** The providers that answered (the ones a rating may name). */
export function answeredProviders (response) {
  return response.candidates.filter(c => c.status === 'ok' && c.text.trim() !== '').map(c => c.provider)
}

/** Answers that took part: more than one means there was something to compare. */
export function comparedAnswers (response) {
  return response.candidates.filter(c => c.status === 'ok' && c.filtered === null && !(c.flags ?? []).includes('evidence')).length
}
