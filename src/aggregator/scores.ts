// Per-candidate scores: relevance, quality, prior and the weighted total.

import type { CandidateInput } from './types.js'
import { wordCount } from './text.js'

/**
 * total = 0.45·consensus + 0.20·relevance + 0.20·quality + 0.15·prior.
 * Agreement with the other models is the strongest evidence an answer is right, so it dominates;
 * relevance and quality guard against fluent answers to another question; the prior only nudges.
 */
export const TOTAL_WEIGHTS = { consensus: 0.45, relevance: 0.2, quality: 0.2, prior: 0.15 } as const

/** Consensus of a lone usable answer: there is nothing to agree with, so neither reward nor penalty. */
export const NEUTRAL_CONSENSUS = 0.5

export function totalScore (consensus: number, relevance: number, quality: number, prior: number): number {
  return TOTAL_WEIGHTS.consensus * consensus + TOTAL_WEIGHTS.relevance * relevance +
    TOTAL_WEIGHTS.quality * quality + TOTAL_WEIGHTS.prior * prior
}

/** Prefix length at which two stems count as the same word ("containers"/"containerizar"). */
const PREFIX = 5

/**
 * Share of the question's content words the answer uses. Short answers ("18", "Sim") cannot
 * repeat the question, so below 15 words the score never drops under 0.5.
 */
export function relevanceScore (questionTokens: ReadonlySet<string>, answerTokens: readonly string[] | ReadonlyMap<string, number>, words: number): number {
  if (questionTokens.size === 0) return 1
  // The answer's token counts already hold its vocabulary; a list of tokens is collected here.
  const exact: ReadonlySet<string> | ReadonlyMap<string, number> = Array.isArray(answerTokens) ? new Set(answerTokens) : answerTokens as ReadonlyMap<string, number>
  // The answer's prefixes are collected only when a question word is missing from it as written: most
  // answers use every question word that matters, and the collection grows with the answer.
  let prefixes: Set<string> | null = null
  let matched = 0
  for (const token of questionTokens) {
    if (exact.has(token)) {
      matched++
    } else if (token.length >= PREFIX) {
      if (prefixes === null) {
        prefixes = new Set<string>()
        for (const known of exact.keys()) if (known.length >= PREFIX) prefixes.add(known.slice(0, PREFIX))
      }
      if (prefixes.has(token.slice(0, PREFIX))) matched++
    }
  }
  const coverage = matched / questionTokens.size
  return words < 15 ? Math.max(coverage, 0.5) : coverage
}

const EQUATION = /((?:\d[\d,]*(?:\.\d+)?|\.\d+)(?:\s*[-+*/x×÷]\s*\$?\s*(?:\d[\d,]*(?:\.\d+)?|\.\d+))+)\s*=\s*\$?\s*(-?\d[\d,]*(?:\.\d+)?)(?![\d.]*\d)/g

/**
 * Counts written equations ("80,000*.5 = 40,000") whose stated result is wrong. A model that
 * miscalculates on the way is less likely to end right, whatever its final line says.
 */
export function arithmeticErrors (text: string): number {
  // Every equation has an '='; most answers have none and are not searched.
  if (!text.includes('=')) return 0
  let errors = 0
  // GSM8K-style calculator annotations (<<2*3=6>>) are not the answer's own arithmetic; most texts have none,
  // and are not copied to find out.
  const prose = text.includes('<<') ? text.replace(/<<[^<>]*>>/g, '') : text
  for (const match of prose.matchAll(EQUATION)) {
    const expression = match[1].replace(/,/g, '').replace(/[x×]/g, '*').replace(/÷/g, '/').replace(/[$\s]/g, '')
    const stated = Number(match[2].replace(/,/g, ''))
    const actual = evaluate(expression)
    if (actual === null || !Number.isFinite(stated)) continue
    const tolerance = Math.max(0.011, Math.abs(actual) * 1e-6)
    if (Math.abs(actual - stated) > tolerance) errors++
  }
  return errors
}

/** Left-to-right evaluation with * and / before + and -, for the digits-and-operators strings above. */
function evaluate (expression: string): number | null {
  const parts = expression.match(/\d*\.?\d+|[-+*/]/g)
  if (parts === null) return null
  const terms: number[] = []
  const signs: number[] = []
  let current: number | null = null
  let sign = 1
  let op: string | null = null
  for (const part of parts) {
    if (part === '+' || part === '-') {
      if (current === null) return null
      terms.push(current)
      signs.push(sign)
      sign = part === '-' ? -1 : 1
      current = null
      op = null
    } else if (part === '*' || part === '/') {
      op = part
    } else {
      const value = Number(part)
      if (current === null) current = value
      else if (op === '*') current *= value
      else if (op === '/') current = value === 0 ? NaN : current / value
      else return null
      op = null
    }
  }
  if (current === null) return null
  terms.push(current)
  signs.push(sign)
  const result = terms.reduce((sum, term, i) => sum + signs[i] * term, 0)
  return Number.isFinite(result) ? result : null
}

export interface QualityInput {
  text: string
  finishReason?: string
  disclaimer: boolean
  lowCoverage: boolean
  /** Word count when the caller already has it. */
  words?: number
}

/**
 * Length sanity, structure and finish reason in 0..1. Multiplicative, so one serious defect
 * (cut off, degenerate repetition) is enough to pull an answer down.
 */
export function qualityScore ({ text, finishReason, disclaimer, lowCoverage, words = wordCount(text) }: QualityInput): number {
  if (words === 0 || finishReason === 'content_filter') return 0
  let quality = 1
  if (words < 20) quality *= 0.6 + 0.4 * (words / 20)
  else if (words > 1500) quality *= Math.max(0.4, 1 - (words - 1500) / 3000)

  // Lower-casing the text once gives the same sentences as lower-casing each: it adds or removes no white
  // space and no '.', '!' or '?'.
  const sentences = text.toLowerCase().split(/[.!?]\s+|\n+/).map(s => s.trim()).filter(s => s.length > 0)
  if (sentences.length >= 4) {
    const unique = new Set(sentences).size / sentences.length
    if (unique < 0.7) quality *= 0.5 + 0.5 * unique
  }
  if (countOf(text, '```') % 2 === 1) quality *= 0.8
  if (arithmeticErrors(text) > 0) quality *= 0.7

  if (finishReason === 'length') quality *= 0.4
  else if (finishReason === 'other') quality *= 0.85
  if (disclaimer) quality *= 0.85
  if (lowCoverage) quality = Math.min(quality, 0.15)
  return quality
}

/** Non-overlapping occurrences of `part` in `text`, as `text.match(/part/g).length` counts them. */
function countOf (text: string, part: string): number {
  let count = 0
  for (let at = text.indexOf(part); at !== -1; at = text.indexOf(part, at + part.length)) count++
  return count
}

/**
 * Configured weight relative to the heaviest candidate, times the recent track record, so an
 * ensemble of equally trusted providers all get 1 and the bonus is purely relative.
 */
export function priorScore (candidate: CandidateInput, maxWeight: number): number {
  const weight = candidate.weight ?? 1
  const track = candidate.trackRecord ?? 1
  if (!(maxWeight > 0) || !(weight > 0)) return 0
  return clamp01(weight / maxWeight) * clamp01(track)
}

export function clamp01 (value: number): number {
  if (!Number.isFinite(value)) return 0
  return Math.min(1, Math.max(0, value))
}
