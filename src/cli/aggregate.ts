// `npm run aggregate -- --input FILE.jsonl [--strategy S] [--output OUT.jsonl]`: offline aggregation of recorded answers.

import { open, type FileHandle } from 'node:fs/promises'
import { resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { once } from 'node:events'
import type { Writable } from 'node:stream'
import { readFile } from 'node:fs/promises'
import { STRATEGIES, type CandidateInput, type CandidateStatus, type Decision, type Strategy } from '../aggregator/types.js'
import { decideAndLearn, type RecordedRating } from '../trust/replay.js'
import { emptyTrust } from '../trust/reliability.js'

export interface InputRecord {
  id: string
  question: string
  candidates: CandidateInput[]
}

const STATUSES: readonly CandidateStatus[] = ['ok', 'error', 'timeout', 'skipped']

function isObject (value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function optional<T> (value: unknown, check: (v: unknown) => v is T, name: string): T | undefined {
  if (value === undefined) return undefined
  if (!check(value)) throw new Error(`"${name}" has the wrong type`)
  return value
}

const isString = (v: unknown): v is string => typeof v === 'string'
const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v)
const isBoolean = (v: unknown): v is boolean => typeof v === 'boolean'
const isNonNegative = (v: unknown): v is number => isNumber(v) && v >= 0

/** One input line → record; throws an Error whose message says what is wrong. */
export function parseInputLine (line: string): InputRecord {
  let raw: unknown
  try {
    raw = JSON.parse(line)
  } catch {
    throw new Error('not valid JSON')
  }
  if (!isObject(raw)) throw new Error('not a JSON object')
  const id = typeof raw.id === 'number' ? String(raw.id) : raw.id
  if (typeof id !== 'string' || id === '') throw new Error('"id" must be a non-empty string')
  if (typeof raw.question !== 'string' || raw.question.trim() === '') throw new Error('"question" must be a non-empty string')
  if (!Array.isArray(raw.candidates) || raw.candidates.length === 0) throw new Error('"candidates" must be a non-empty array')
  const candidates = raw.candidates.map((c: unknown, i: number): CandidateInput => {
    if (!isObject(c)) throw new Error(`candidates[${i}] is not an object`)
    if (typeof c.provider !== 'string' || c.provider === '') throw new Error(`candidates[${i}].provider must be a non-empty string`)
    if (typeof c.text !== 'string') throw new Error(`candidates[${i}].text must be a string`)
    const status = c.status ?? 'ok'
    if (!STATUSES.includes(status as CandidateStatus)) throw new Error(`candidates[${i}].status must be one of ${STATUSES.join(', ')}`)
    try {
      return {
        provider: c.provider,
        model: optional(c.model, isString, 'model') ?? c.provider,
        status: status as CandidateStatus,
        text: c.text,
        finishReason: optional(c.finishReason, isString, 'finishReason'),
        latencyMs: optional(c.latencyMs, isNumber, 'latencyMs'),
        weight: optional(c.weight, isNumber, 'weight'),
        trackRecord: optional(c.trackRecord, isNumber, 'trackRecord'),
        errorClass: optional(c.errorClass, isString, 'errorClass'),
        lowCoverage: optional(c.lowCoverage, isBoolean, 'lowCoverage'),
        costUsd: optional(c.costUsd, isNonNegative, 'costUsd')
      }
    } catch (err) {
      throw new Error(`candidates[${i}].${(err as Error).message.slice(1)}`)
    }
  })
  return { id, question: raw.question, candidates }
}

/** The output line of one decision, in the documented field order. */
export function decisionRecord (record: InputRecord, decision: Decision, cascade?: { consulted: string[], costUsd: number }): Record<string, unknown> {
  return {
    id: record.id,
    answer: decision.answer,
    normalized: decision.normalized,
    confidence: decision.confidence,
    strategy: decision.strategy,
    chosen: decision.chosen,
    candidates: decision.candidates.map(c => ({ provider: c.provider, scores: c.scores, flags: c.flags, filtered: c.filtered })),
    warnings: decision.warnings,
    ...(cascade === undefined ? {} : { strategy: 'cascade', consulted: cascade.consulted, costUsd: Math.round(cascade.costUsd * 1e9) / 1e9 })
  }
}

/** A feedback line: `{"id": "<question id>", "provider": "<provider id>", "rating": "up" | "down"}`. */
export function parseFeedback (text: string): Map<string, RecordedRating[]> {
  const out = new Map<string, RecordedRating[]>()
  text.split('\n').forEach((line, i) => {
    if (line.trim() === '') return
    let raw: unknown
    try {
      raw = JSON.parse(line)
    } catch {
      throw new Error(`feedback line ${i + 1}: not valid JSON`)
    }
    const { id, provider, rating } = (isObject(raw) ? raw : {}) as Record<string, unknown>
    if (typeof id !== 'string' && typeof id !== 'number') throw new Error(`feedback line ${i + 1}: "id" must be the question's id`)
    if (typeof provider !== 'string' || provider === '') throw new Error(`feedback line ${i + 1}: "provider" must be a non-empty string`)
    if (rating !== 'up' && rating !== 'down') throw new Error(`feedback line ${i + 1}: "rating" must be "up" or "down"`)
    const key = String(id)
    out.set(key, [...(out.get(key) ?? []), { provider, rating }])
  })
  return out
}

interface Args { input: string, output: string | null, strategy: Strategy, feedback: string | null }

export function parseArgs (argv: readonly string[]): Args {
  let input: string | null = null
  let output: string | null = null
  let feedback: string | null = null
  let strategy: Strategy = 'auto'
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i]
    const value = argv[i + 1]
    if (value === undefined || !['--input', '--output', '--strategy', '--feedback'].includes(flag)) {
      throw new Error(`unknown or incomplete option: ${flag}`)
    }
    if (flag === '--input') input = value
    else if (flag === '--output') output = value
    else if (flag === '--feedback') feedback = value
    else if ((STRATEGIES as readonly string[]).includes(value)) strategy = value as Strategy
    else throw new Error(`--strategy must be one of ${STRATEGIES.join(', ')}`)
    i++
  }
  if (input === null) throw new Error('--input is required')
  return { input: resolve(input), output: output === null ? null : resolve(output), strategy, feedback: feedback === null ? null : resolve(feedback) }
}

const USAGE = `usage: npm run aggregate -- --input FILE.jsonl [--strategy ${STRATEGIES.join('|')}] [--feedback FEEDBACK.jsonl] [--output OUT.jsonl]\n`

/** Exit code: 0 all lines aggregated, 2 some lines skipped as malformed, 1 usage or I/O error. */
export async function run (argv: readonly string[], stdout: Writable, stderr: Writable): Promise<number> {
  let args: Args
  try {
    args = parseArgs(argv)
  } catch (err) {
    stderr.write(`${(err as Error).message}\n${USAGE}`)
    return 1
  }
  let ratings = new Map<string, RecordedRating[]>()
  if (args.feedback !== null) {
    try {
      ratings = parseFeedback(await readFile(args.feedback, 'utf8'))
    } catch (err) {
      stderr.write(`cannot use ${args.feedback}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}\n`)
      return 1
    }
  }
  let input: FileHandle
  let output: FileHandle | null = null
  try {
    input = await open(args.input, 'r')
  } catch (err) {
    stderr.write(`cannot read ${args.input}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}\n`)
    return 1
  }
  try {
    if (args.output !== null) output = await open(args.output, 'w')
  } catch (err) {
    await input.close()
    stderr.write(`cannot write ${args.output}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}\n`)
    return 1
  }
  const out = output === null ? stdout : output.createWriteStream({ encoding: 'utf8' })
  let skipped = 0
  let lineNumber = 0
  // Questions are decided in file order, each knowing only the ones before it and their ratings: the
  // service learns the same way, one question at a time.
  let state = emptyTrust()
  try {
    for await (const line of input.readLines({ encoding: 'utf8' })) {
      lineNumber++
      if (line.trim() === '') continue
      let record: InputRecord
      try {
        record = parseInputLine(line)
      } catch (err) {
        skipped++
        stderr.write(`line ${lineNumber}: ${(err as Error).message}; skipped\n`)
        continue
      }
      const step = decideAndLearn(state, record, args.strategy, ratings.get(record.id))
      state = step.state
      if (!out.write(JSON.stringify(decisionRecord(record, step.decision, step.cascade)) + '\n')) await once(out, 'drain')
    }
  } finally {
    await input.close()
    if (out !== stdout) {
      out.end()
      await once(out, 'finish')
    }
  }
  if (skipped > 0) stderr.write(`${skipped} malformed line(s) skipped\n`)
  return skipped > 0 ? 2 : 0
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  process.exitCode = await run(process.argv.slice(2), process.stdout, process.stderr)
}
