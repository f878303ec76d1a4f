// `npx tsx bench/aggregator-ab.ts <rootA> <rootB> [candidates] [rounds]`: aggregate() of two source trees side by side
// in one process, in turn (A B, B A, ...), on the benchmark's answers of 300 and 1,300 words: CPU ms per call (the
// process's own CPU time, which waiting for a core does not inflate) and the cost of 1,000 more words per answer.
// A tree is any folder holding src/aggregator/ and src/eval/, e.g. one commit's:
//   mkdir -p /tmp/before && git archive <commit> src | tar -x -C /tmp/before
//   npx tsx bench/aggregator-ab.ts /tmp/before . 3 12
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import type { AggregateOptions, CandidateInput, Decision } from '../src/aggregator/types.js'
import { benchCandidates } from './aggregator-bench.js'
import { BENCH_QUESTION } from './answer-text.js'
import { median } from './stats.js'

type Aggregate = (question: string, candidates: readonly CandidateInput[], options: AggregateOptions) => Decision

const [rootA, rootB] = [process.argv[2], process.argv[3]]
if (rootA === undefined || rootB === undefined) {
  process.stderr.write('usage: npx tsx bench/aggregator-ab.ts <rootA> <rootB> [candidates] [rounds]\n')
  process.exit(2)
}
const count = Number(process.argv[4] ?? 3)
const rounds = Number(process.argv[5] ?? 12)
const LONG_WORDS = 1300

async function load (root: string): Promise<Aggregate> {
  const mod = await import(pathToFileURL(path.resolve(root, 'src', 'aggregator', 'index.ts')).href) as { aggregate: Aggregate }
  return mod.aggregate
}

const trees = { A: await load(rootA), B: await load(rootB) }
const short = benchCandidates(count, 300)
const long = benchCandidates(count, LONG_WORDS)
const options: AggregateOptions = { strategy: 'auto' }

function cpuPerCall (aggregate: Aggregate, candidates: CandidateInput[], calls: number): number {
  const before = process.cpuUsage()
  for (let i = 0; i < calls; i++) aggregate(BENCH_QUESTION, candidates, options)
  const used = process.cpuUsage(before)
  return (used.user + used.system) / 1000 / calls
}

// Warm-up, so both are measured as optimised code, as in a server that has been running.
for (const aggregate of Object.values(trees)) {
  cpuPerCall(aggregate, short, 300)
  cpuPerCall(aggregate, long, 150)
}
const figures: Record<string, { short: number[], long: number[] }> = { A: { short: [], long: [] }, B: { short: [], long: [] } }
for (let round = 0; round < rounds; round++) {
  for (const name of round % 2 === 0 ? ['A', 'B'] as const : ['B', 'A'] as const) {
    figures[name].short.push(cpuPerCall(trees[name], short, 300))
    figures[name].long.push(cpuPerCall(trees[name], long, 150))
  }
}
const perThousand = (name: 'A' | 'B'): number => (median(figures[name].long) - median(figures[name].short)) / ((LONG_WORDS - 300) / 1000)
for (const name of ['A', 'B'] as const) {
  process.stdout.write(`${name} ${name === 'A' ? rootA : rootB}: ${count} x 300 words ${median(figures[name].short).toFixed(3)} ms, ${count} x ${LONG_WORDS} words ${median(figures[name].long).toFixed(3)} ms CPU per call; per 1,000 words per answer ${perThousand(name).toFixed(3)} ms\n`)
}
process.stdout.write(`B/A: ${(median(figures.B.short) / median(figures.A.short)).toFixed(3)} at 300 words, ${(median(figures.B.long) / median(figures.A.long)).toFixed(3)} at ${LONG_WORDS} words\n`)
