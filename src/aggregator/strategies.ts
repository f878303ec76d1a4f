// The selection strategies: each picks one candidate out of the pool of unfiltered ones.

import type { WorkingCandidate } from './filters.js'

/** Medoid adjusted by relevance and quality: 0.6·consensus + 0.2·relevance + 0.2·quality. */
export const CONSENSUS_PICK_WEIGHTS = { consensus: 0.6, relevance: 0.2, quality: 0.2 } as const

/** Highest score wins; ties go to the earlier candidate, so the outcome never depends on timing. */
function argmax (pool: readonly WorkingCandidate[], score: (c: WorkingCandidate) => number): WorkingCandidate | null {
  let best: WorkingCandidate | null = null
  let bestScore = -Infinity
  for (const candidate of pool) {
    const value = score(candidate)
    if (best === null || value > bestScore) {
      best = candidate
      bestScore = value
    }
  }
  return best
}

/** `adjust` adds evidence from outside the pool (agreement with the course notes) to each score. */
export function pickConsensus (pool: readonly WorkingCandidate[], adjust: (c: WorkingCandidate) => number = () => 0): WorkingCandidate | null {
  const w = CONSENSUS_PICK_WEIGHTS
  return argmax(pool, c => w.consensus * c.consensus + w.relevance * c.relevance + w.quality * c.quality + adjust(c))
}

export function pickBest (pool: readonly WorkingCandidate[]): WorkingCandidate | null {
  return argmax(pool, c => c.total)
}

/** The quickest good answer; a candidate without a measured latency counts as the slowest. */
export function pickFastest (pool: readonly WorkingCandidate[]): WorkingCandidate | null {
  return argmax(pool, c => -(c.input.latencyMs ?? Infinity))
}

export interface VoteGroup {
  /** `kind:key` of the extracted answer. */
  id: string
  members: WorkingCandidate[]
  weight: number
  maxPrior: number
  /** Highest total score among the members: the last tie-break. */
  bestTotal: number
  /** Course notes: 1 when they support this answer, -1 when they give another, 0 when silent (a tie-break only). */
  evidence: number
}

export function groupId (candidate: WorkingCandidate): string | null {
  return candidate.extracted === null ? null : `${candidate.extracted.kind}:${candidate.extracted.key}`
}

/**
 * Candidates grouped by their extracted answer, heaviest group first (ties: the group the course
 * notes support, then higher prior, then higher total, then order).
 */
export function voteGroups (pool: readonly WorkingCandidate[], tieBreak: (c: WorkingCandidate) => number = () => 0): VoteGroup[] {
  const groups = new Map<string, VoteGroup>()
  for (const candidate of pool) {
    const id = groupId(candidate)
    if (id === null) continue
    let group = groups.get(id)
    if (group === undefined) {
      group = { id, members: [], weight: 0, maxPrior: 0, bestTotal: 0, evidence: 0 }
      groups.set(id, group)
    }
    group.members.push(candidate)
    group.weight += candidate.voteWeight
    group.maxPrior = Math.max(group.maxPrior, candidate.prior)
    group.bestTotal = Math.max(group.bestTotal, candidate.total)
    group.evidence = Math.max(group.evidence, tieBreak(candidate))
  }
  // Map keeps insertion order and sort is stable, so equal groups stay in candidate order.
  return [...groups.values()].sort((a, b) => {
    if (Math.abs(b.weight - a.weight) > 1e-9) return b.weight - a.weight
    if (b.evidence !== a.evidence) return b.evidence - a.evidence
    if (b.maxPrior !== a.maxPrior) return b.maxPrior - a.maxPrior
    return b.bestTotal - a.bestTotal
  })
}

/** Weighted majority; the returned candidate is the best-scoring member of the winning group. */
export function pickVote (pool: readonly WorkingCandidate[], tieBreak?: (c: WorkingCandidate) => number): { chosen: WorkingCandidate, group: VoteGroup } | null {
  const winner = voteGroups(pool, tieBreak)[0]
  if (winner === undefined) return null
  return { chosen: pickBest(winner.members) as WorkingCandidate, group: winner }
}
