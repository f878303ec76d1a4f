// The service's side of learning: hands the aggregator what has been learned, learns from every
// decided question and every rating, and remembers recent answers so they can be rated.

import { LRUCache } from 'lru-cache'
import type { Redis } from 'ioredis'
import type { LearningSignal, ProviderReliability } from '../aggregator/types.js'
import { countDecision, emptyTrust, learnFromDecision, learnFromFeedback, reliabilities, reliabilityOf, type Rating, type TrustState } from './reliability.js'
import type { TrustStore } from './trust-store.js'

/** What a rating needs to know about the answer it rates. */
export interface RateableAnswer {
  /** The provider whose answer was given. */
  chosen: string | null
  /** Every provider whose answer was in the evidence (a rating may name any of them). */
  providers: string[]
  kind: 'short' | 'open'
}

export interface ProviderTrustView {
  reliability: { accuracy: number, quality: number, questions: number }
  feedback: { up: number, down: number }
}

export interface TrustServiceOptions {
  store: TrustStore
  /** Shared with the other replicas: rateable answers live here too, so any replica takes a rating. */
  redis?: () => Redis | null
  /** How long an answer can be rated. */
  answerTtlS?: number
  /** How often the shared state is read again, so replicas see each other's learning. */
  refreshMs?: number
  onProblem: (message: string) => void
  onChange?: (state: TrustState) => void
}

/** Rateable answers; apart from the answer cache's keys (`iscoolgpt:answer:v1:`), which count their own. */
export const RATEABLE_KEY = 'iscoolgpt:rateable:'

export class TrustService {
  private state: TrustState = emptyTrust()
  private snapshot: Record<string, ProviderReliability> = {}
  // Made at the first answer: its 10,000 slots are allocated up front, a megabyte an idle replica need not hold.
  private answers: LRUCache<string, RateableAnswer> | null = null
  private refreshedAt = 0
  private refreshing: Promise<void> | null = null
  private readonly answerTtlS: number

  constructor (private readonly options: TrustServiceOptions) {
    this.answerTtlS = options.answerTtlS ?? 86_400
  }

  async start (): Promise<void> {
    try {
      this.apply(await this.options.store.load())
    } catch (err) {
      this.options.onProblem(`cannot load learned reliability from ${this.options.store.where} (${(err as Error).message}); starting from scratch`)
    }
    this.refreshedAt = Date.now()
  }

  private apply (state: TrustState): void {
    this.state = state
    this.snapshot = reliabilities(state)
    this.options.onChange?.(state)
  }

  /** What the aggregator decides with; refreshed from a shared store in the background now and then. */
  reliability (): Record<string, ProviderReliability> {
    const refreshMs = this.options.refreshMs ?? 5000
    if (this.options.store.where === 'redis' && this.refreshing === null && Date.now() - this.refreshedAt > refreshMs) {
      this.refreshedAt = Date.now()
      this.refreshing = this.options.store.load().then(state => this.apply(state), () => undefined).finally(() => { this.refreshing = null })
    }
    return this.snapshot
  }

  /** Questions decided so far, across replicas as far as the last refresh knows. */
  decided (): number {
    return this.state.decided ?? 0
  }

  /** Counts a question decided without anything learned from it (a cascade that stopped early). */
  async count (answerId: string, answer: RateableAnswer): Promise<void> {
    await this.remember(answerId, answer)
    try {
      this.apply(await this.options.store.update(state => countDecision(state)))
    } catch (err) {
      this.options.onProblem(`cannot store learned reliability (${(err as Error).message})`)
    }
  }

  /** Learns from a decided question and keeps the answer rateable. Never throws: learning is best effort. */
  async learn (answerId: string, learning: LearningSignal | null, answer: RateableAnswer): Promise<void> {
    await this.remember(answerId, answer)
    if (learning === null) return
    try {
      this.apply(await this.options.store.update(state => learnFromDecision(state, learning, Date.now())))
    } catch (err) {
      this.options.onProblem(`cannot store learned reliability (${(err as Error).message})`)
      this.apply(learnFromDecision(this.state, learning, Date.now()))
    }
  }

  /** Makes an answer rateable under this id (a learned answer is remembered by learn; a cached one served again, here). */
  async remember (answerId: string, answer: RateableAnswer): Promise<void> {
    this.answers ??= new LRUCache({ max: 10_000, ttl: this.answerTtlS * 1000 })
    this.answers.set(answerId, answer)
    const redis = this.options.redis?.()
    if (redis == null) return
    await redis.set(RATEABLE_KEY + answerId, JSON.stringify(answer), 'EX', this.answerTtlS).catch(() => undefined)
  }

  /** The answer an id names, while it can still be rated. */
  async answer (answerId: string): Promise<RateableAnswer | undefined> {
    const local = this.answers?.get(answerId)
    if (local !== undefined) return local
    const redis = this.options.redis?.()
    if (redis == null) return undefined
    const text = await redis.get(RATEABLE_KEY + answerId).catch(() => null)
    if (text === null) return undefined
    try {
      return JSON.parse(text) as RateableAnswer
    } catch {
      return undefined
    }
  }

  /** Applies a rating of one provider's answer; a rating counts for more than label-free agreement. */
  async rate (provider: string, rating: Rating, kind: 'short' | 'open'): Promise<void> {
    this.apply(await this.options.store.update(state => learnFromFeedback(state, provider, rating, kind, Date.now())))
  }

  view (provider: string): ProviderTrustView {
    // Reading the record is also when a replica catches up with the others' learning.
    this.reliability()
    const trust = this.state.providers[provider]
    const reliability = reliabilityOf(trust)
    return {
      reliability: { accuracy: round(reliability.accuracy), quality: round(reliability.quality), questions: trust?.questions ?? 0 },
      feedback: { up: trust?.up ?? 0, down: trust?.down ?? 0 }
    }
  }
}

function round (value: number): number {
  return Math.round(value * 1000) / 1000
}
