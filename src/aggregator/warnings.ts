// Plain-words notes for the reader: what each provider that did not contribute did, and why.

import type { WorkingCandidate } from './filters.js'

const ERROR_WORDS: Record<string, string> = {
  timeout: 'did not answer in time',
  rate_limited: 'was rate limited by its service',
  unavailable: 'was unavailable',
  bad_request: 'rejected the request',
  auth: 'refused the API key',
  content_filtered: 'withheld its answer (content filter)',
  context_length: 'could not take a question this long',
  network: 'could not be reached',
  invalid_response: 'sent a response that could not be read',
  truncated: 'was cut off before it finished',
  circuit_open: 'was skipped: it failed several times in a row and is resting',
  cancelled: 'was not waited for: the answer was already settled',
  not_needed: 'was not asked: the answer was already settled',
  budget: 'was skipped: the request\'s cost limit would be exceeded'
}

const FILTER_WORDS: Record<string, string> = {
  empty: 'answered with an empty text',
  refusal: 'declined to answer',
  truncated: 'was left out: its answer was cut off and a complete one exists',
  off_topic: 'was left out: its answer addresses another question',
  wrong_language: 'was left out: it answered in another language than the question\'s',
  outlier: 'was left out: its answer disagrees with all the others',
  duplicate: 'answered twice; the second answer was not counted',
  minority: 'answered, but most providers declined this question'
}

function attempts (candidate: WorkingCandidate): string {
  const n = candidate.input.attempts ?? 1
  return n > 1 ? ` after ${n} attempts` : ''
}

/** One sentence per provider that failed, timed out, was skipped or was left out. */
export function describeLeftOut (candidates: readonly WorkingCandidate[]): string[] {
  const out: string[] = []
  for (const candidate of candidates) {
    const { provider, status, errorClass } = candidate.input
    if (status !== 'ok') {
      const reason = ERROR_WORDS[errorClass ?? status] ?? (status === 'skipped' ? 'was skipped' : `failed (${errorClass ?? status})`)
      out.push(`${provider} ${reason}${status === 'skipped' ? '' : attempts(candidate)}.`)
      continue
    }
    if (candidate.filtered === null) continue
    if (candidate.filtered === 'junk') {
      out.push(`${provider} was left out: its reply is ${candidate.why ?? 'not an answer'}.`)
      continue
    }
    if (candidate.filtered === 'empty' && candidate.why !== undefined) {
      out.push(`${provider} was left out: ${candidate.why}.`)
      continue
    }
    const reason = FILTER_WORDS[candidate.filtered] ?? `was left out (${candidate.filtered})`
    out.push(`${provider} ${reason}.`)
  }
  return out
}
