// `npm run bench [-- --quick] [--only 1,2,8] [--profile] [--skip-build]`: every scenario against the
// built service, a table on stdout and bench/results/<date>.json.
//
// Processes: this runner only orchestrates and waits. The stub providers, the service under test
// (`node dist/src/server.js`), the baseline and the load generator each run in their own process, so
// none of them shares an event loop with another. On a 2-core machine they still share the cores.
import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { benchAggregator } from './aggregator-bench.js'
import { BENCH_QUESTION } from './answer-text.js'
import type { LoadJob, LoadResult } from './load-protocol.js'
import {
  coldStart, providerEnv, readMemory, REPO_ROOT, SERVER_ENTRY, startBaseline, startLoadGenerator, startService, startStubProcess,
  type LoadGenerator, type ServerHandle, type StubsHandle
} from './processes.js'
import { figures, fmt, printTable, type RunFigures } from './report.js'
import { median, round } from './stats.js'
import { DEFAULT_BEHAVIOUR, STUB_IDS, type Behaviour, type StubId } from './stub-providers.js'

const { values: flags } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    only: { type: 'string' },
    profile: { type: 'boolean', default: false },
    'skip-build': { type: 'boolean', default: false }
  }
})

const quick = flags.quick === true
const PLAN = quick
  ? {
      warmupS: 1,
      overhead: { rounds: 2, durationS: 3, connections: 32 },
      underLoad: { rounds: 2, durationS: 5, rate: 500, extraRuns: 2, idleS: 1 },
      fanOut: { durationS: 4, connections: 10 },
      silent: { durationS: 4, connections: 10, deadlineMs: 1000 },
      early: { durationS: 3, connections: 5 },
      coldStart: { starts: 5 },
      aggregator: { budgetMs: 300 }
    }
  : {
      warmupS: 2,
      overhead: { rounds: 3, durationS: 10, connections: 32 },
      underLoad: { rounds: 3, durationS: 15, rate: 500, extraRuns: 3, idleS: 2 },
      fanOut: { durationS: 10, connections: 10 },
      silent: { durationS: 10, connections: 10, deadlineMs: 1000 },
      early: { durationS: 8, connections: 5 },
      coldStart: { starts: 9 },
      aggregator: { budgetMs: 1500 }
    }

const selected = new Set((flags.only ?? '1,2,3,4,5,6,7,8').split(',').map(s => Number(s.trim())))
const want = (n: number): boolean => selected.has(n)
const ASK_BODY = JSON.stringify({ question: BENCH_QUESTION })
const PROFILE_DIR = path.join(REPO_ROOT, 'bench', 'profiles')

const log = (line: string): void => { process.stdout.write(`${line}\n`) }

function build (): { ms: number, ok: boolean } {
  const started = performance.now()
  const result = spawnSync('npm', ['run', '--silent', 'build'], { cwd: REPO_ROOT, encoding: 'utf8' })
  const ms = performance.now() - started
  if (result.status !== 0) {
    // tsc still emits on type errors; a half-finished change elsewhere must not stop a measurement.
    process.stderr.write(`warning: npm run build exited with ${String(result.status)}; measuring what it emitted\n${(result.stdout + result.stderr).split('\n').slice(0, 10).join('\n')}\n`)
  }
  if (!existsSync(SERVER_ENTRY)) throw new Error(`${path.relative(REPO_ROOT, SERVER_ENTRY)} is missing after the build`)
  return { ms, ok: result.status === 0 }
}

function gitInfo (): { commit: string, uncommittedChanges: boolean } {
  try {
    const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: REPO_ROOT, encoding: 'utf8' }).trim()
    const status = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], { cwd: REPO_ROOT, encoding: 'utf8' }).trim()
    return { commit, uncommittedChanges: status !== '' }
  } catch {
    return { commit: 'unknown', uncommittedChanges: false }
  }
}

function machine (): Record<string, unknown> {
  const cpus = os.cpus()
  return {
    cores: cpus.length,
    cpu: cpus[0]?.model ?? 'unknown',
    memoryMB: Math.round(os.totalmem() / 2 ** 20),
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
    loadAverage: os.loadavg().map(v => round(v))
  }
}

async function setStubs (stubs: StubsHandle, behaviours: Partial<Record<StubId, Partial<Behaviour>>>): Promise<void> {
  const seeds: Record<StubId, number> = { openai: 1, gemini: 2, hf: 3 }
  // Every field, every time: a scenario must not inherit a silent or failing stub from the one before.
  for (const id of STUB_IDS) await stubs.configure(id, { ...DEFAULT_BEHAVIOUR, seed: seeds[id], text: undefined, ...behaviours[id] })
}

const profileArgs = (scenario: string): string[] => flags.profile === true
  ? ['--cpu-prof', `--cpu-prof-dir=${PROFILE_DIR}`, `--cpu-prof-name=iscoolgpt-${scenario}-${Date.now()}.cpuprofile`]
  : []

function closedJob (server: ServerHandle, connections: number, durationS: number, body = ASK_BODY): Omit<LoadJob, 'id'> {
  return { mode: 'closed', url: `${server.url}/api/ask`, body, connections, durationS, warmupS: PLAN.warmupS, timeoutS: 30 }
}

function openJob (server: ServerHandle, rate: number, durationS: number): Omit<LoadJob, 'id'> {
  return { mode: 'open', url: `${server.url}/api/ask`, body: ASK_BODY, rate, durationS, warmupS: PLAN.warmupS, timeoutS: 30 }
}

const statusText = (f: RunFigures): string => Object.entries(f.statuses).map(([k, v]) => `${k}:${v}`).join(' ')

// 1. Overhead with instant providers: what the service costs per request next to the bare baseline.
async function overhead (stubs: StubsHandle, load: LoadGenerator, env: NodeJS.ProcessEnv): Promise<Record<string, unknown>> {
  const { rounds, durationS, connections } = PLAN.overhead
  await setStubs(stubs, {})
  const service = await startService(env, profileArgs('overhead'))
  const baseline = await startBaseline(env)
  const serviceRuns: LoadResult[] = []
  const baselineRuns: LoadResult[] = []
  try {
    // Interleaved (A B A B) so a noisy second hurts both sides alike.
    for (let r = 0; r < rounds; r++) {
      baselineRuns.push(await load.run(closedJob(baseline, connections, durationS)))
      serviceRuns.push(await load.run(closedJob(service, connections, durationS)))
    }
  } finally {
    await service.stop()
    await baseline.stop()
  }
  const b = figures(baselineRuns)
  const s = figures(serviceRuns)
  const roundRatios = serviceRuns.map((run, i) => round(figures([run]).rps / figures([baselineRuns[i] as LoadResult]).rps, 3))
  const result = {
    connections,
    rounds,
    durationS,
    baseline: b,
    service: s,
    throughputRatio: round(s.rps / b.rps, 3),
    roundThroughputRatios: roundRatios,
    p50LatencyRatio: round(s.latencyMs.p50 / b.latencyMs.p50, 3),
    p99LatencyRatio: round(s.latencyMs.p99 / b.latencyMs.p99, 3)
  }
  printTable(`1. Overhead: providers answer at once, ${connections} connections, ${rounds} x ${durationS} s each, interleaved`,
    ['server', 'req/s', 'p50 ms', 'p99 ms', 'statuses'],
    [
      ['baseline (plain fetch)', fmt(b.rps, 1), fmt(b.latencyMs.p50), fmt(b.latencyMs.p99), statusText(b)],
      ['IsCoolGPT', fmt(s.rps, 1), fmt(s.latencyMs.p50), fmt(s.latencyMs.p99), statusText(s)],
      ['ratio IsCoolGPT / baseline', fmt(result.throughputRatio, 3), fmt(result.p50LatencyRatio, 3), fmt(result.p99LatencyRatio, 3), `per round: ${roundRatios.join(', ')}`]
    ])
  return result
}

// 2 and 7. Aggregation overhead at a fixed arrival rate, with memory sampled throughout.
async function underLoad (stubs: StubsHandle, load: LoadGenerator, env: NodeJS.ProcessEnv): Promise<{ overhead: Record<string, unknown>, memory: Record<string, unknown> }> {
  const { rounds, durationS, rate, extraRuns, idleS } = PLAN.underLoad
  const latencies = { openai: 50, gemini: 100, hf: 150 }
  const slowest = Math.max(...Object.values(latencies))
  await setStubs(stubs, { openai: { latencyMs: latencies.openai }, gemini: { latencyMs: latencies.gemini }, hf: { latencyMs: latencies.hf } })
  const service = await startService(env, profileArgs('under-load'))
  const baseline = await startBaseline(env)
  const serviceRuns: LoadResult[] = []
  const baselineRuns: LoadResult[] = []
  const idle = async (): Promise<void> => await new Promise(resolve => setTimeout(resolve, idleS * 1000))
  const startRss = readMemory(service.pid)
  let maxSampledRss = 0
  const sampler = setInterval(() => { maxSampledRss = Math.max(maxSampledRss, readMemory(service.pid)?.rssMB ?? 0) }, 100)
  const rssAfterRuns: number[] = []
  let peak: number | undefined
  try {
    for (let r = 0; r < rounds; r++) {
      baselineRuns.push(await load.run(openJob(baseline, rate, durationS)))
      serviceRuns.push(await load.run(openJob(service, rate, durationS)))
      await idle()
      rssAfterRuns.push(round(readMemory(service.pid)?.rssMB ?? Number.NaN, 1))
    }
    for (let r = 0; r < extraRuns; r++) {
      await load.run(openJob(service, rate, durationS))
      await idle()
      rssAfterRuns.push(round(readMemory(service.pid)?.rssMB ?? Number.NaN, 1))
    }
    peak = readMemory(service.pid)?.peakRssMB
  } finally {
    clearInterval(sampler)
    await service.stop()
    await baseline.stop()
  }
  const b = figures(baselineRuns, slowest)
  const s = figures(serviceRuns, slowest)
  const overheadResult = {
    providerLatencyMs: latencies,
    offeredRate: rate,
    rounds,
    durationS,
    baseline: b,
    service: s,
    // What the service adds beyond what the harness itself costs (stub timers, loopback, the client).
    addedOverBaselineMs: {
      p50: round((s.overheadVsConfiguredMs?.p50 ?? Number.NaN) - (b.overheadVsConfiguredMs?.p50 ?? Number.NaN)),
      p99: round((s.overheadVsConfiguredMs?.p99 ?? Number.NaN) - (b.overheadVsConfiguredMs?.p99 ?? Number.NaN))
    }
  }
  const row = (name: string, f: RunFigures): Array<string | number> => [
    name, fmt(f.rps, 1), fmt(f.latencyMs.p50), fmt(f.latencyMs.p99),
    fmt(f.overheadVsConfiguredMs?.p50), fmt(f.overheadVsConfiguredMs?.p99),
    fmt(f.serverOverheadMs?.p50), fmt(f.serverOverheadMs?.p99), fmt(f.maxLagMs), statusText(f)
  ]
  printTable(`2. Aggregation overhead: providers at 50/100/150 ms, open loop at ${rate} req/s, ${rounds} x ${durationS} s each, interleaved`,
    ['server', 'req/s', 'p50 ms', 'p99 ms', 'resp-150 p50', 'resp-150 p99', 'server-reported p50', 'server-reported p99', 'send lag', 'statuses'],
    [row('baseline (plain fetch)', b), row('IsCoolGPT', s)])
  log(`   IsCoolGPT minus baseline (resp-150): p50 ${fmt(overheadResult.addedOverBaselineMs.p50)} ms, p99 ${fmt(overheadResult.addedOverBaselineMs.p99)} ms; server-reported figures are whole milliseconds`)

  const memory = {
    during: 'scenario 2, IsCoolGPT runs',
    rssAtStartMB: round(startRss?.rssMB ?? Number.NaN, 1),
    peakRssMB: round(peak ?? Number.NaN, 1),
    maxSampledRssMB: round(maxSampledRss, 1),
    rssAfterEachRunMB: rssAfterRuns,
    growthFirstToLastMB: round((rssAfterRuns.at(-1) ?? Number.NaN) - (rssAfterRuns[0] ?? Number.NaN), 1)
  }
  printTable('7. Memory of the service (VmRSS / VmHWM from /proc) during and after scenario 2',
    ['measure', 'MB'],
    [
      ['RSS after start, idle', fmt(memory.rssAtStartMB, 1)],
      ['peak RSS (VmHWM)', fmt(memory.peakRssMB, 1)],
      ['RSS after each run', memory.rssAfterEachRunMB.map(v => fmt(v, 1)).join(', ')],
      ['growth, first to last run', fmt(memory.growthFirstToLastMB, 1)]
    ])
  return { overhead: overheadResult, memory }
}

// 3. Fan-out: the answer takes as long as the slowest provider, not the sum.
async function fanOut (stubs: StubsHandle, load: LoadGenerator, env: NodeJS.ProcessEnv): Promise<Record<string, unknown>> {
  const { durationS, connections } = PLAN.fanOut
  const latencies = { openai: 100, gemini: 200, hf: 300 }
  await setStubs(stubs, { openai: { latencyMs: latencies.openai }, gemini: { latencyMs: latencies.gemini }, hf: { latencyMs: latencies.hf } })
  const service = await startService(env)
  let f: RunFigures
  try {
    f = figures([await load.run(closedJob(service, connections, durationS))])
  } finally {
    await service.stop()
  }
  const max = Math.max(...Object.values(latencies))
  const sum = Object.values(latencies).reduce((a, b) => a + b, 0)
  const result = { providerLatencyMs: latencies, connections, durationS, slowestMs: max, sumMs: sum, service: f }
  printTable(`3. Fan-out: providers at 100/200/300 ms, ${connections} connections, ${durationS} s`,
    ['figure', 'ms'],
    [['p50 response', fmt(f.latencyMs.p50)], ['p99 response', fmt(f.latencyMs.p99)], ['slowest provider', max], ['sum of providers', sum], ['statuses', statusText(f)]])
  return result
}

// 4. A silent provider: the answer comes by the deadline with the others' answers.
async function silentProvider (stubs: StubsHandle, load: LoadGenerator, env: NodeJS.ProcessEnv): Promise<Record<string, unknown>> {
  const { durationS, connections, deadlineMs } = PLAN.silent
  await setStubs(stubs, { openai: { latencyMs: 50 }, gemini: { latencyMs: 100 }, hf: { silent: true } })
  await stubs.resetStats()
  const service = await startService(env)
  let run: LoadResult
  try {
    run = await load.run(closedJob(service, connections, durationS, JSON.stringify({ question: BENCH_QUESTION, timeoutMs: deadlineMs })))
  } finally {
    await service.stop()
    await setStubs(stubs, {})
  }
  const hfStats = await stubs.stats('hf')
  const all = figures([run])
  const waitedForDeadline = figures([{ ...run, samples: run.samples.filter(s => s.outcomes?.includes('huggingface:timeout') === true) }])
  const skippedByBreaker = figures([{ ...run, samples: run.samples.filter(s => s.outcomes?.includes('huggingface:skipped') === true) }])
  const maxAnyMs = round(Math.max(...run.samples.map(s => s.ms)))
  const result = {
    deadlineMs,
    connections,
    durationS,
    all,
    maxResponseMs: maxAnyMs,
    waitedForDeadline: { n: waitedForDeadline.latencyMs.n, latencyMs: waitedForDeadline.latencyMs },
    skippedByCircuitBreaker: { n: skippedByBreaker.latencyMs.n, latencyMs: skippedByBreaker.latencyMs },
    silentStub: hfStats
  }
  printTable(`4. Silent provider: Hugging Face never answers, timeoutMs ${deadlineMs}, ${connections} connections, ${durationS} s`,
    ['responses', 'n', 'p50 ms', 'p99 ms', 'max ms'],
    [
      ['all', all.latencyMs.n, fmt(all.latencyMs.p50), fmt(all.latencyMs.p99), fmt(maxAnyMs)],
      ['silent provider timed out', waitedForDeadline.latencyMs.n, fmt(waitedForDeadline.latencyMs.p50), fmt(waitedForDeadline.latencyMs.p99), fmt(waitedForDeadline.latencyMs.max)],
      ['skipped (circuit open)', skippedByBreaker.latencyMs.n, fmt(skippedByBreaker.latencyMs.p50), fmt(skippedByBreaker.latencyMs.p99), fmt(skippedByBreaker.latencyMs.max)]
    ])
  log(`   deadline + 50 ms = ${deadlineMs + 50} ms; statuses ${statusText(all)}; the silent stub saw ${hfStats.requests} calls, ${hfStats.abandoned} abandoned by the service`)
  return result
}

// 5. Early answer: with waitFor quorum, two agreeing fast providers answer without the slow one.
async function earlyAnswer (stubs: StubsHandle, load: LoadGenerator, env: NodeJS.ProcessEnv): Promise<Record<string, unknown>> {
  const { durationS, connections } = PLAN.early
  const latencies = { openai: 50, gemini: 80, hf: 1000 }
  // The two fast providers give the same answer, so they agree; the slow one has its own.
  await setStubs(stubs, { openai: { latencyMs: latencies.openai, seed: 7 }, gemini: { latencyMs: latencies.gemini, seed: 7 }, hf: { latencyMs: latencies.hf } })
  const service = await startService(env)
  let all: RunFigures
  let quorum: RunFigures
  let slowStub
  try {
    all = figures([await load.run(closedJob(service, connections, durationS, JSON.stringify({ question: BENCH_QUESTION, waitFor: 'all' })))])
    await stubs.resetStats()
    quorum = figures([await load.run(closedJob(service, connections, durationS, JSON.stringify({ question: BENCH_QUESTION, waitFor: 'quorum' })))])
    slowStub = await stubs.stats('hf')
  } finally {
    await service.stop()
  }
  const early = Object.entries(quorum.outcomes).filter(([k]) => k.includes('huggingface:skipped')).reduce((s, [, v]) => s + v, 0)
  const result = {
    providerLatencyMs: latencies,
    connections,
    durationS,
    waitForAll: all,
    waitForQuorum: quorum,
    savedP50Ms: round(all.latencyMs.p50 - quorum.latencyMs.p50),
    answeredWithoutSlowProvider: early,
    slowStubDuringQuorum: slowStub
  }
  printTable(`5. Early answer: providers at 50/80/1000 ms, the two fast ones agree, ${connections} connections, ${durationS} s each`,
    ['waitFor', 'p50 ms', 'p99 ms', 'req/s', 'statuses'],
    [
      ['all', fmt(all.latencyMs.p50), fmt(all.latencyMs.p99), fmt(all.rps, 1), statusText(all)],
      ['quorum', fmt(quorum.latencyMs.p50), fmt(quorum.latencyMs.p99), fmt(quorum.rps, 1), statusText(quorum)]
    ])
  log(`   saved at p50: ${fmt(result.savedP50Ms)} ms; ${early} of ${quorum.latencyMs.n} quorum answers did not wait for the slow provider (its calls abandoned: ${slowStub?.abandoned ?? 0})`)
  return result
}

// 6. Cold start: process start to the first 200 from /ready, as an orchestrator's probe would see it.
async function coldStarts (env: NodeJS.ProcessEnv): Promise<Record<string, unknown>> {
  const { starts } = PLAN.coldStart
  const measure = async (knowledge: 'on' | 'off'): Promise<{ medianMs: number, minMs: number, maxMs: number, runsMs: number[] }> => {
    const runs: number[] = []
    for (let i = 0; i < starts; i++) runs.push(round(await coldStart({ ...env, KNOWLEDGE: knowledge }), 1))
    return { medianMs: round(median(runs), 1), minMs: Math.min(...runs), maxMs: Math.max(...runs), runsMs: runs }
  }
  const without = await measure('off')
  const withNotes = await measure('on')
  printTable(`6. Cold start: spawn of node dist/src/server.js to the first 200 from /ready (polled every 5 ms), ${starts} starts`,
    ['configuration', 'median ms', 'min ms', 'max ms'],
    [
      ['3 providers, KNOWLEDGE=off', fmt(without.medianMs, 1), fmt(without.minMs, 1), fmt(without.maxMs, 1)],
      ['3 providers + course notes (KNOWLEDGE=on)', fmt(withNotes.medianMs, 1), fmt(withNotes.minMs, 1), fmt(withNotes.maxMs, 1)]
    ])
  return { starts, pollEveryMs: 5, knowledgeOff: without, knowledgeOn: withNotes }
}

// 8. The aggregator alone.
async function aggregatorAlone (): Promise<Record<string, unknown>> {
  const result = await benchAggregator(PLAN.aggregator.budgetMs)
  printTable(`8. Aggregator alone (${result.module}), strategy auto`,
    ['candidates x words', 'resolved', 'runs', 'p50 ms', 'p99 ms', 'max ms'],
    result.cases.map(c => [`${c.candidates} x ${c.words} (${c.actualWords})`, c.strategy, c.iterations, fmt(c.ms.p50, 3), fmt(c.ms.p99, 3), fmt(c.ms.max, 3)]))
  return result
}

interface Target { target: string, expected: string, measured: string, met: boolean | null, note?: string }

function targets (results: Record<string, any>): Target[] {
  const list: Target[] = []
  const load = results.aggregationOverhead
  if (load !== undefined) {
    const s = load.service as RunFigures
    const reached = s.rps >= 0.95 * (load.offeredRate as number)
    const note = `${fmt(s.rps, 0)} of ${String(load.offeredRate)} req/s reached; server-reported p50 ${fmt(s.serverOverheadMs?.p50)} / p99 ${fmt(s.serverOverheadMs?.p99)} ms; baseline's own resp-150 p50 ${fmt((load.baseline as RunFigures).overheadVsConfiguredMs?.p50)} / p99 ${fmt((load.baseline as RunFigures).overheadVsConfiguredMs?.p99)} ms`
    list.push({ target: 'aggregation overhead p50 (response - slowest provider)', expected: '<= 1 ms at 500 req/s', measured: `${fmt(s.overheadVsConfiguredMs?.p50)} ms`, met: (s.overheadVsConfiguredMs?.p50 ?? Infinity) <= 1 && reached, note })
    list.push({ target: 'aggregation overhead p99 (response - slowest provider)', expected: '<= 5 ms at 500 req/s', measured: `${fmt(s.overheadVsConfiguredMs?.p99)} ms`, met: (s.overheadVsConfiguredMs?.p99 ?? Infinity) <= 5 && reached, note })
  }
  if (results.overhead !== undefined) {
    list.push({ target: 'throughput vs plain-fetch baseline', expected: '>= 0.8x', measured: `${fmt(results.overhead.throughputRatio as number, 3)}x`, met: (results.overhead.throughputRatio as number) >= 0.8 })
  }
  if (results.fanOut !== undefined) {
    const p50 = (results.fanOut.service as RunFigures).latencyMs.p50
    list.push({ target: 'fan-out latency = slowest provider, not the sum', expected: 'p50 <= 330 ms (300 + 10%), sum is 600', measured: `${fmt(p50)} ms`, met: p50 <= 330 })
  }
  if (results.silentProvider !== undefined) {
    const limit = (results.silentProvider.deadlineMs as number) + 50
    list.push({ target: 'silent provider never delays past deadline + 50 ms', expected: `max <= ${limit} ms`, measured: `${fmt(results.silentProvider.maxResponseMs as number)} ms`, met: (results.silentProvider.maxResponseMs as number) <= limit })
  }
  if (results.coldStart !== undefined) {
    list.push({ target: 'cold start to ready', expected: '<= 400 ms (median)', measured: `${fmt(results.coldStart.knowledgeOff.medianMs as number, 1)} ms`, met: (results.coldStart.knowledgeOff.medianMs as number) <= 400, note: `with the course notes: ${fmt(results.coldStart.knowledgeOn.medianMs as number, 1)} ms` })
  }
  if (results.memory !== undefined) {
    list.push({ target: 'RSS under load', expected: '<= 150 MB', measured: `${fmt(results.memory.peakRssMB as number, 1)} MB peak`, met: (results.memory.peakRssMB as number) <= 150, note: `after runs: ${(results.memory.rssAfterEachRunMB as number[]).join(', ')} MB` })
  }
  return list
}

async function main (): Promise<void> {
  const startedAt = new Date()
  const t0 = performance.now()
  log(`IsCoolGPT benchmark (${quick ? 'quick' : 'full'}) on ${os.cpus().length} cores, Node ${process.version}`)
  const built = flags['skip-build'] === true ? { ms: 0, ok: existsSync(SERVER_ENTRY) } : build()
  if (flags['skip-build'] !== true) log(`built dist/ in ${fmt(built.ms / 1000, 1)} s${built.ok ? '' : ' (with type errors)'}`)
  if (flags.profile === true) {
    mkdirSync(PROFILE_DIR, { recursive: true })
    log(`profiling: CPU profiles of the service go to ${path.relative(REPO_ROOT, PROFILE_DIR)}/ (figures are slower while profiling)`)
  }

  const stubs = await startStubProcess()
  const load = await startLoadGenerator()
  const env = providerEnv(stubs.ports)
  const results: Record<string, any> = {}
  try {
    if (want(1)) results.overhead = await overhead(stubs, load, env)
    if (want(2) || want(7)) {
      const { overhead: o, memory } = await underLoad(stubs, load, env)
      results.aggregationOverhead = o
      results.memory = memory
    }
    if (want(3)) results.fanOut = await fanOut(stubs, load, env)
    if (want(4)) results.silentProvider = await silentProvider(stubs, load, env)
    if (want(5)) results.earlyAnswer = await earlyAnswer(stubs, load, env)
    if (want(6)) results.coldStart = await coldStarts(env)
  } finally {
    await load.stop()
    await stubs.stop()
  }
  if (want(8)) results.aggregator = await aggregatorAlone()

  const verdicts = targets(results)
  printTable('Targets (DESIGN.md, "Performance targets")',
    ['target', 'expected', 'measured', 'met'],
    verdicts.map(t => [t.target, t.expected, t.measured, t.met === true ? 'met' : 'NOT met']))
  for (const t of verdicts) if (t.note !== undefined) log(`   ${t.target}: ${t.note}`)

  const report = {
    date: startedAt.toISOString(),
    mode: quick ? 'quick' : 'full',
    command: `npm run bench${quick ? ' -- --quick' : ''}`,
    machine: machine(),
    git: gitInfo(),
    build: { ms: round(built.ms), ok: built.ok },
    profiled: flags.profile === true,
    durationS: 0,
    targets: verdicts,
    scenarios: results
  }
  report.durationS = round((performance.now() - t0) / 1000, 1)
  const dir = path.join(REPO_ROOT, 'bench', 'results')
  mkdirSync(dir, { recursive: true })
  const file = path.join(dir, `${startedAt.toISOString().replace(/\.\d+Z$/, 'Z').replace(/:/g, '-')}.json`)
  writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`)
  log(`\nfinished in ${fmt(report.durationS, 1)} s; results in ${path.relative(REPO_ROOT, file)}`)
}

await main()
