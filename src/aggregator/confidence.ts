// Confidence in 0..1 from weighted agreement, calibrated so that a high value means "usually right".

import { clamp01 } from './scores.js'

/**
 * Logistic calibration of the winning group's weighted vote share, fitted on the even-indexed half
 * of the GSM8K ensemble fixture (`npm run eval -- --fit`) and checked on the odd half. There,
 * 4 of 4 models agreeing is right ~93 % of the time and a lone answer among four almost never.
 */
export const VOTE_CALIBRATION = { intercept: -2.79, slope: 5.29 } as const

/** A single usable answer has no one to agree with: its confidence never exceeds this. */
export const SINGLE_SOURCE_CAP = 0.6
/** The offline notes saying they do not cover the question. */
export const LOW_COVERAGE_CAP = 0.2
/** Free text never reaches certainty: similar wording is weaker evidence than an identical number. */
export const FREE_TEXT_CAP = 0.9
/** Mean TF-IDF cosine at which free-text answers count as not agreeing at all, and as fully agreeing. */
export const FREE_TEXT_AGREEMENT = { none: 0.1, full: 0.55 } as const

function sigmoid (x: number): number {
  return 1 / (1 + Math.exp(-x))
}

/**
 * Short answers: calibrated vote share, capped by how many sources agree (1 − 0.5^(n+1)), so two
 * agreeing providers cannot claim what four agreeing ones can.
 */
export function voteConfidence (share: number, agreeing: number): number {
  const calibrated = sigmoid(VOTE_CALIBRATION.intercept + VOTE_CALIBRATION.slope * clamp01(share))
  return Math.min(calibrated, 1 - 0.5 ** (agreeing + 1))
}

/**
 * Free text: the chosen answer's weighted mean similarity to the others, mapped linearly between
 * "no agreement" and "full agreement", scaled by how many answers there are (1 − 0.5^n) and by
 * the chosen answer's quality.
 */
export function freeTextConfidence (agreement: number, sources: number, quality: number): number {
  const { none, full } = FREE_TEXT_AGREEMENT
  const scaled = clamp01((agreement - none) / (full - none))
  return FREE_TEXT_CAP * scaled * (1 - 0.5 ** sources) * (0.7 + 0.3 * clamp01(quality))
}

/** One usable answer: only its own quality and relevance speak for it. */
export function singleSourceConfidence (quality: number, relevance: number): number {
  return SINGLE_SOURCE_CAP * clamp01(0.5 * quality + 0.5 * relevance)
}
