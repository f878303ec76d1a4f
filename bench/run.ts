// `npm run bench [-- --quick] [--only 1,2,8,9] [--profile] [--skip-build]`: every scenario against the
// built service, a table on stdout and bench/results/<date>.json.
//
// Processes: this runner only orchestrates and waits. The stub providers, the service under test
// (`node dist/src/server.js`), the baseline and the load generator each run in their own process, so
// none of them shares an event loop with another. On a 2-core machine they still share the cores,
// which is why CPU time per request is reported beside the wall-clock figures.
import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { benchAggregator } from './aggregator-bench.js'
import { BENCH_QUESTION } from './answer-text.js'
import type { LoadJob, LoadResult } from './load-protocol.js'
import {
  coldStart, providerEnv, readCpuMs, readHeap, readMemory, REPO_ROOT, SERVER_ENTRY, startBaseline, startLoadGenerator, startService, startStubProcess,
  type HeapFigures, type LoadGenerator, type ServerHandle, type StubsHandle
} from './processes.js'
import { figures, fmt, printTable, type CpuUse, type RunFigures } from './report.js'
import { median, round, roundSummary, summarize } from './stats.js'
import { DEFAULT_BEHAVIOUR, STUB_IDS, type Behaviour, type StubId } from './stub-providers.js'

const { values: flags } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    only: { type: 'string' },
    profile: { type: 'boolean', default: false },
    'skip-build': { type: 'boolean', default: false },
    // Extra flags for the service's node process, to try a setting (e.g. --node-option=--max-semi-space-size=8).
    'node-option': { type: 'string', multiple: true, default: [] }
  }
})
const serviceNodeArgs = flags['node-option'] ?? []

const quick = flags.quick === true
const PLAN = quick
  ? {
      warmupS: 1,
      // A request still unanswered this long after it was sent counts as a timeout (bounds a saturated run).
      timeoutS: 5,
      overhead: { rounds: 2, durationS: 2, connections: 32 },
      underLoad: { rates: [100, 500], targetRate: 500, rounds: 1, durationS: 3, extraRuns: 1, idleS: 1 },
      fanOut: { durationS: 3, connections: 10 },
      silent: { durationS: 3, connections: 10, deadlineMs: 1000 },
      early: { durationS: 2, connections: 5 },
      coldStart: { starts: 5, startsWithNotes: 2 },
      aggregator: { budgetMs: 250 },
      overload: { unloadedRate: 30, durationS: 4, connections: 64 }
    }
  : {
      warmupS: 2,
      timeoutS: 15,
      overhead: { rounds: 3, durationS: 10, connections: 32 },
      underLoad: { rates: [100, 500], targetRate: 500, rounds: 2, durationS: 15, extraRuns: 3, idleS: 2 },
      fanOut: { durationS: 10, connections: 10 },
      silent: { durationS: 10, connections: 10, deadlineMs: 1000 },
      early: { durationS: 8, connections: 5 },
      coldStart: { starts: 9, startsWithNotes: 5 },
      aggregator: { budgetMs: 1500 },
      overload: { unloadedRate: 30, durationS: 10, connections: 64 }
    }

const selected = new Set((flags.only ?? '1,2,3,4,5,6,7,8,9').split(',').map(s => Number(s.trim())))
const want = (n: number): boolean => selected.has(n)
const ASK_BODY = JSON.stringify({ question: BENCH_QUESTION })
const PROFILE_DIR = path.join(REPO_ROOT, 'bench', 'profiles')

const log = (line: string): void => { process.stdout.write(`${line}\n`) }
const load1m = (): number => round(os.loadavg()[0] ?? 0)

interface Harness { stubs: StubsHandle, load: LoadGenerator, env: NodeJS.ProcessEnv }

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

const profileArgs = (scenario: string): string[] => [
  ...serviceNodeArgs,
  ...(flags.profile === true ? ['--cpu-prof', `--cpu-prof-dir=${PROFILE_DIR}`, `--cpu-prof-name=iscoolgpt-${scenario}-${Date.now()}.cpuprofile`] : [])
]

type Job = Omit<LoadJob, 'id'>

const closedJob = (server: ServerHandle, connections: number, durationS: number, body = ASK_BODY): Job =>
  ({ mode: 'closed', url: `${server.url}/api/ask`, body, connections, durationS, warmupS: 0, timeoutS: PLAN.timeoutS })

const openJob = (server: ServerHandle, rate: number, durationS: number): Job =>
  ({ mode: 'open', url: `${server.url}/api/ask`, body: ASK_BODY, rate, durationS, warmupS: 0, timeoutS: PLAN.timeoutS })

interface Measured { run: LoadResult, cpu: CpuUse }

/** A warm-up run (not recorded), then the measured run with the CPU time each side used during it. */
async function measure (h: Harness, server: ServerHandle, job: Job): Promise<Measured> {
  if (PLAN.warmupS > 0) await h.load.run({ ...job, durationS: PLAN.warmupS })
  const harnessCpu = (): number => readCpuMs(h.stubs.pid) + readCpuMs(h.load.pid)
  const server0 = readCpuMs(server.pid)
  const harness0 = harnessCpu()
  const run = await h.load.run(job)
  const cpu = { serverMs: readCpuMs(server.pid) - server0, harnessMs: harnessCpu() - harness0 }
  alive(server)
  return { run, cpu }
}

/** Stops a scenario whose server crashed, rather than reporting its connection errors as figures. */
function alive (server: ServerHandle): void {
  const died = server.died()
  if (died !== undefined) throw new Error(`${server.name} ${died}`)
}

function pooled (measured: Measured[], configuredSlowestMs?: number): RunFigures {
  const cpu = measured.reduce((sum, m) => ({ serverMs: sum.serverMs + m.cpu.serverMs, harnessMs: sum.harnessMs + m.cpu.harnessMs }), { serverMs: 0, harnessMs: 0 })
  return figures(measured.map(m => m.run), configuredSlowestMs, cpu)
}

const statusText = (f: RunFigures): string => [
  ...Object.entries(f.statuses).map(([k, v]) => `${k}:${v}`),
  ...(f.timeouts > 0 ? [`timeout:${f.timeouts}`] : []),
  ...(f.errors > 0 ? [`error:${f.errors}`] : []),
  ...(f.dropped > 0 ? [`not sent:${f.dropped}`] : [])
].join(' ')

// 1. Overhead with instant providers: what the service costs per request next to the bare baseline.
async function overhead (h: Harness) {
  const { rounds, durationS, connections } = PLAN.overhead
  const loadAverage = [load1m()]
  await setStubs(h.stubs, {})
  const service = await startService(h.env, profileArgs('overhead'))
  const baseline = await startBaseline(h.env)
  const serviceRuns: Measured[] = []
  const baselineRuns: Measured[] = []
  try {
    // Interleaved (A B A B) so a noisy second hurts both sides alike.
    for (let r = 0; r < rounds; r++) {
      baselineRuns.push(await measure(h, baseline, closedJob(baseline, connections, durationS)))
      serviceRuns.push(await measure(h, service, closedJob(service, connections, durationS)))
    }
  } finally {
    await service.stop()
    await baseline.stop()
  }
  loadAverage.push(load1m())
  const b = pooled(baselineRuns)
  const s = pooled(serviceRuns)
  const roundRatios = serviceRuns.map((run, i) => round(pooled([run]).rps / pooled([baselineRuns[i] as Measured]).rps, 3))
  const result = {
    connections,
    rounds,
    durationS,
    loadAverage1m: loadAverage,
    baseline: b,
    service: s,
    throughputRatio: round(s.rps / b.rps, 3),
    roundThroughputRatios: roundRatios,
    // The throughput ratio a server-bound run on free cores would show.
    cpuThroughputRatio: round((b.cpuMsPerRequest ?? Number.NaN) / (s.cpuMsPerRequest ?? Number.NaN), 3),
    p50LatencyRatio: round(s.latencyMs.p50 / b.latencyMs.p50, 3),
    p99LatencyRatio: round(s.latencyMs.p99 / b.latencyMs.p99, 3)
  }
  printTable(`1. Overhead: providers answer at once, ${connections} connections, ${rounds} x ${durationS} s each, interleaved`,
    ['server', 'req/s', 'p50 ms', 'p99 ms', 'CPU ms/req', 'harness CPU ms/req', 'statuses'],
    [
      ['baseline (plain fetch)', fmt(b.rps, 1), fmt(b.latencyMs.p50), fmt(b.latencyMs.p99), fmt(b.cpuMsPerRequest, 3), fmt(b.harnessCpuMsPerRequest, 3), statusText(b)],
      ['IsCoolGPT', fmt(s.rps, 1), fmt(s.latencyMs.p50), fmt(s.latencyMs.p99), fmt(s.cpuMsPerRequest, 3), fmt(s.harnessCpuMsPerRequest, 3), statusText(s)],
      ['ratio IsCoolGPT / baseline', fmt(result.throughputRatio, 3), fmt(result.p50LatencyRatio, 3), fmt(result.p99LatencyRatio, 3), fmt(1 / result.cpuThroughputRatio, 3), '', `per round: ${roundRatios.join(', ')}`]
    ])
  log(`   throughput ratio from CPU per request (server-bound, free cores): ${fmt(result.cpuThroughputRatio, 3)}`)
  return result
}

// 2 and 7. Aggregation overhead at fixed arrival rates, with memory sampled throughout.
async function underLoad (h: Harness) {
  const { rates, rounds, durationS, extraRuns, idleS, targetRate } = PLAN.underLoad
  const latencies = { openai: 50, gemini: 100, hf: 150 }
  const slowest = Math.max(...Object.values(latencies))
  await setStubs(h.stubs, { openai: { latencyMs: latencies.openai }, gemini: { latencyMs: latencies.gemini }, hf: { latencyMs: latencies.hf } })
  const service = await startService(h.env, profileArgs('under-load'))
  const baseline = await startBaseline(h.env)
  const idle = async (): Promise<void> => await new Promise(resolve => setTimeout(resolve, idleS * 1000))
  const rssAtStart = readMemory(service.pid)?.rssMB ?? Number.NaN
  const peakByRate: Record<string, number> = {}
  const rssAfterRuns: number[] = []
  const rssAfterTargetRuns: number[] = []
  const heapAfterRuns: HeapFigures[] = []
  const byRate: Array<{ rate: number, loadAverage1m: number[], baseline: RunFigures, service: RunFigures, addedOverBaselineMs: { p50: number, p99: number } }> = []
  const afterRun = async (rate: number): Promise<void> => {
    await idle()
    const rss = round(readMemory(service.pid)?.rssMB ?? Number.NaN, 1)
    rssAfterRuns.push(rss)
    if (rate === targetRate) rssAfterTargetRuns.push(rss)
    const heap = await readHeap(service.url)
    if (heap !== undefined) heapAfterRuns.push({ heapUsedMB: round(heap.heapUsedMB, 1), heapTotalMB: round(heap.heapTotalMB, 1), externalMB: round(heap.externalMB, 1) })
  }
  try {
    // Lowest rate first: VmHWM only grows, so each rate's peak is read before the next rate starts.
    for (const rate of rates) {
      const loadAverage = [load1m()]
      const serviceRuns: Measured[] = []
      const baselineRuns: Measured[] = []
      for (let r = 0; r < rounds; r++) {
        baselineRuns.push(await measure(h, baseline, openJob(baseline, rate, durationS)))
        serviceRuns.push(await measure(h, service, openJob(service, rate, durationS)))
        await afterRun(rate)
      }
      peakByRate[String(rate)] = round(readMemory(service.pid)?.peakRssMB ?? Number.NaN, 1)
      loadAverage.push(load1m())
      const b = pooled(baselineRuns, slowest)
      const s = pooled(serviceRuns, slowest)
      byRate.push({
        rate,
        loadAverage1m: loadAverage,
        baseline: b,
        service: s,
        // What the service adds beyond what the harness itself costs (stub timers, loopback, the client).
        addedOverBaselineMs: {
          p50: round((s.overheadVsConfiguredMs?.p50 ?? Number.NaN) - (b.overheadVsConfiguredMs?.p50 ?? Number.NaN)),
          p99: round((s.overheadVsConfiguredMs?.p99 ?? Number.NaN) - (b.overheadVsConfiguredMs?.p99 ?? Number.NaN))
        }
      })
    }
    for (let r = 0; r < extraRuns; r++) {
      await h.load.run(openJob(service, targetRate, durationS))
      alive(service)
      await afterRun(targetRate)
    }
  } finally {
    await service.stop()
    await baseline.stop()
  }

  const row = (name: string, f: RunFigures): Array<string | number> => [
    name, fmt(f.rps, 1), fmt(f.latencyMs.p50), fmt(f.latencyMs.p99),
    fmt(f.overheadVsConfiguredMs?.p50), fmt(f.overheadVsConfiguredMs?.p99),
    fmt(f.serverOverheadMs?.p50), fmt(f.serverOverheadMs?.p99), fmt(f.cpuMsPerRequest, 3), fmt(f.maxLagMs), statusText(f)
  ]
  printTable(`2. Aggregation overhead: providers at 50/100/150 ms, open loop, ${rounds} x ${durationS} s per rate and server, interleaved`,
    ['offered rate, server', 'req/s', 'p50 ms', 'p99 ms', 'resp-150 p50', 'resp-150 p99', 'server-reported p50', 'server-reported p99', 'CPU ms/req', 'send lag', 'statuses'],
    byRate.flatMap(r => [row(`${r.rate} req/s, baseline`, r.baseline), row(`${r.rate} req/s, IsCoolGPT`, r.service)]))
  for (const r of byRate) log(`   at ${r.rate} req/s IsCoolGPT adds ${fmt(r.addedOverBaselineMs.p50)} ms (p50), ${fmt(r.addedOverBaselineMs.p99)} ms (p99) over the baseline's resp-150; load average ${r.loadAverage1m.join(' -> ')}`)
  log('   server-reported = latencyMs - slowest candidate latencyMs, both whole milliseconds in the response')

  const memory = {
    during: 'scenario 2, IsCoolGPT',
    rssAtStartMB: round(rssAtStart, 1),
    peakRssMBByRate: peakByRate,
    peakRssMB: peakByRate[String(targetRate)] ?? Number.NaN,
    rssAfterEachRunMB: rssAfterRuns,
    // From the service's /metrics, when it has them: how much of the RSS is the JavaScript heap.
    heapAfterEachRun: heapAfterRuns,
    rssAfterEachTargetRateRunMB: rssAfterTargetRuns,
    // Same load, repeated: a leak shows as steady growth here.
    growthOverTargetRateRunsMB: round((rssAfterTargetRuns.at(-1) ?? Number.NaN) - (rssAfterTargetRuns[0] ?? Number.NaN), 1)
  }
  printTable('7. Memory of the service (VmRSS, and VmHWM for peaks, from /proc) in scenario 2',
    ['measure', 'MB'],
    [
      ['RSS after start, idle', fmt(memory.rssAtStartMB, 1)],
      ...Object.entries(peakByRate).map(([rate, mb]) => [`peak RSS up to the ${rate} req/s runs`, fmt(mb, 1)]),
      ['RSS after each run', memory.rssAfterEachRunMB.map(v => fmt(v, 1)).join(', ')],
      ...(heapAfterRuns.length > 0 ? [['V8 heap used / total after each run', heapAfterRuns.map(h => `${fmt(h.heapUsedMB, 1)}/${fmt(h.heapTotalMB, 1)}`).join(', ')]] : []),
      [`growth over the ${targetRate} req/s runs`, fmt(memory.growthOverTargetRateRunsMB, 1)]
    ])
  const target = byRate.find(r => r.rate === targetRate)
  return { overhead: { providerLatencyMs: latencies, targetRate, byRate, atTarget: target }, memory }
}

// 3. Fan-out: the answer takes as long as the slowest provider, not the sum.
async function fanOut (h: Harness) {
  const { durationS, connections } = PLAN.fanOut
  const latencies = { openai: 100, gemini: 200, hf: 300 }
  const loadAverage = [load1m()]
  await setStubs(h.stubs, { openai: { latencyMs: latencies.openai }, gemini: { latencyMs: latencies.gemini }, hf: { latencyMs: latencies.hf } })
  const service = await startService(h.env, serviceNodeArgs)
  let f: RunFigures
  try {
    f = pooled([await measure(h, service, closedJob(service, connections, durationS))], 300)
  } finally {
    await service.stop()
  }
  loadAverage.push(load1m())
  const max = Math.max(...Object.values(latencies))
  const sum = Object.values(latencies).reduce((a, b) => a + b, 0)
  printTable(`3. Fan-out: providers at 100/200/300 ms, ${connections} connections, ${durationS} s`,
    ['figure', 'ms'],
    [['p50 response', fmt(f.latencyMs.p50)], ['p99 response', fmt(f.latencyMs.p99)], ['slowest provider', max], ['sum of providers', sum], ['statuses', statusText(f)]])
  return { providerLatencyMs: latencies, connections, durationS, loadAverage1m: loadAverage, slowestMs: max, sumMs: sum, service: f }
}

// 4. A silent provider: the answer comes by the deadline with the others' answers.
async function silentProvider (h: Harness) {
  const { durationS, connections, deadlineMs } = PLAN.silent
  const loadAverage = [load1m()]
  const body = JSON.stringify({ question: BENCH_QUESTION, timeoutMs: deadlineMs })
  await setStubs(h.stubs, { openai: { latencyMs: 50 }, gemini: { latencyMs: 100 }, hf: { latencyMs: 150 } })
  const service = await startService(h.env, serviceNodeArgs)
  let run: LoadResult
  try {
    // A provider going quiet on a server that has been answering, not on a cold one.
    if (PLAN.warmupS > 0) await h.load.run(closedJob(service, connections, PLAN.warmupS, body))
    await setStubs(h.stubs, { openai: { latencyMs: 50 }, gemini: { latencyMs: 100 }, hf: { silent: true } })
    await h.stubs.resetStats()
    run = await h.load.run(closedJob(service, connections, durationS, body))
    alive(service)
  } finally {
    await service.stop()
  }
  const silentStub = await h.stubs.stats('hf')
  await setStubs(h.stubs, {})
  loadAverage.push(load1m())
  const all = figures([run])
  const waited = figures([{ ...run, samples: run.samples.filter(s => s.outcomes?.includes('huggingface:timeout') === true) }])
  const skipped = figures([{ ...run, samples: run.samples.filter(s => s.outcomes?.includes('huggingface:skipped') === true) }])
  const maxResponseMs = round(Math.max(...run.samples.map(s => s.ms)))
  printTable(`4. Silent provider: Hugging Face stops answering, timeoutMs ${deadlineMs}, ${connections} connections, ${durationS} s`,
    ['responses', 'n', 'p50 ms', 'p99 ms', 'max ms', 'server-reported p50', 'server-reported max'],
    [
      ['all', all.latencyMs.n, fmt(all.latencyMs.p50), fmt(all.latencyMs.p99), fmt(maxResponseMs), fmt(all.serverLatencyMs?.p50), fmt(all.serverLatencyMs?.max)],
      ['waited for the silent provider', waited.latencyMs.n, fmt(waited.latencyMs.p50), fmt(waited.latencyMs.p99), fmt(waited.latencyMs.max), fmt(waited.serverLatencyMs?.p50), fmt(waited.serverLatencyMs?.max)],
      ['skipped it (circuit open)', skipped.latencyMs.n, fmt(skipped.latencyMs.p50), fmt(skipped.latencyMs.p99), fmt(skipped.latencyMs.max), fmt(skipped.serverLatencyMs?.p50), fmt(skipped.serverLatencyMs?.max)]
    ])
  log(`   deadline + 50 ms = ${deadlineMs + 50} ms; statuses ${statusText(all)}; the silent stub got ${silentStub.requests} calls, ${silentStub.abandoned} abandoned by the service`)
  return {
    deadlineMs,
    connections,
    durationS,
    loadAverage1m: loadAverage,
    all,
    maxResponseMs,
    waitedForSilentProvider: { n: waited.latencyMs.n, latencyMs: waited.latencyMs, serverLatencyMs: waited.serverLatencyMs },
    skippedByCircuitBreaker: { n: skipped.latencyMs.n, latencyMs: skipped.latencyMs },
    silentStub
  }
}

// 5. Early answer: with waitFor quorum, two agreeing fast providers answer without the slow one.
async function earlyAnswer (h: Harness) {
  const { durationS, connections } = PLAN.early
  const latencies = { openai: 50, gemini: 80, hf: 1000 }
  const loadAverage = [load1m()]
  // The fast two write similar answers (not identical: an exact copy is filtered as a duplicate).
  await setStubs(h.stubs, { openai: { latencyMs: latencies.openai, seed: 7 }, gemini: { latencyMs: latencies.gemini, seed: 8 }, hf: { latencyMs: latencies.hf, seed: 3 } })
  const service = await startService(h.env, serviceNodeArgs)
  const body = (waitFor: string): string => JSON.stringify({ question: BENCH_QUESTION, waitFor })
  let all: RunFigures
  let quorum: RunFigures
  let slowStub
  try {
    all = pooled([await measure(h, service, closedJob(service, connections, durationS, body('all')))])
    await h.stubs.resetStats()
    quorum = pooled([await measure(h, service, closedJob(service, connections, durationS, body('quorum')))])
    slowStub = await h.stubs.stats('hf')
  } finally {
    await service.stop()
  }
  loadAverage.push(load1m())
  const early = Object.entries(quorum.outcomes).filter(([k]) => k.includes('huggingface:skipped')).reduce((s, [, v]) => s + v, 0)
  const savedP50Ms = round(all.latencyMs.p50 - quorum.latencyMs.p50)
  printTable(`5. Early answer: providers at 50/80/1000 ms, the fast two agree, ${connections} connections, ${durationS} s each`,
    ['waitFor', 'p50 ms', 'p99 ms', 'req/s', 'statuses'],
    [
      ['all', fmt(all.latencyMs.p50), fmt(all.latencyMs.p99), fmt(all.rps, 1), statusText(all)],
      ['quorum', fmt(quorum.latencyMs.p50), fmt(quorum.latencyMs.p99), fmt(quorum.rps, 1), statusText(quorum)]
    ])
  log(`   saved at p50: ${fmt(savedP50Ms)} ms; ${early} of ${quorum.latencyMs.n} quorum answers did not wait for the slow provider (slow calls cancelled on the wire: ${slowStub?.abandoned ?? 0})`)
  return { providerLatencyMs: latencies, connections, durationS, loadAverage1m: loadAverage, waitForAll: all, waitForQuorum: quorum, savedP50Ms, answeredWithoutSlowProvider: early, slowStubDuringQuorum: slowStub }
}

// 6. Cold start: process start to the first 200 from /ready, as an orchestrator's probe would see it.
async function coldStarts (h: Harness) {
  const { starts, startsWithNotes } = PLAN.coldStart
  const loadAverage = [load1m()]
  const measureStarts = async (knowledge: 'on' | 'off', count: number): Promise<{ medianMs: number, minMs: number, maxMs: number, runsMs: number[] }> => {
    const runs: number[] = []
    for (let i = 0; i < count; i++) runs.push(round(await coldStart({ ...h.env, KNOWLEDGE: knowledge }, serviceNodeArgs), 1))
    return { medianMs: round(median(runs), 1), minMs: Math.min(...runs), maxMs: Math.max(...runs), runsMs: runs }
  }
  const knowledgeOff = await measureStarts('off', starts)
  const knowledgeOn = await measureStarts('on', startsWithNotes)
  loadAverage.push(load1m())
  printTable(`6. Cold start: spawn of node dist/src/server.js to the first 200 from /ready (polled every 5 ms), ${starts} and ${startsWithNotes} starts`,
    ['configuration', 'median ms', 'min ms', 'max ms'],
    [
      ['3 providers, KNOWLEDGE=off', fmt(knowledgeOff.medianMs, 1), fmt(knowledgeOff.minMs, 1), fmt(knowledgeOff.maxMs, 1)],
      ['3 providers + course notes (KNOWLEDGE=on)', fmt(knowledgeOn.medianMs, 1), fmt(knowledgeOn.minMs, 1), fmt(knowledgeOn.maxMs, 1)]
    ])
  return { starts, startsWithNotes, pollEveryMs: 5, loadAverage1m: loadAverage, knowledgeOff, knowledgeOn }
}

// 8. The aggregator alone.
async function aggregatorAlone () {
  const loadAverage = [load1m()]
  const result = await benchAggregator(PLAN.aggregator.budgetMs)
  loadAverage.push(load1m())
  printTable(`8. Aggregator alone (${result.module}), strategy auto`,
    ['candidates x words', 'resolved', 'runs', 'p50 ms', 'p99 ms', 'max ms'],
    result.cases.map(c => [`${c.candidates} x ${c.words} (${c.actualWords})`, c.strategy, c.iterations, fmt(c.ms.p50, 3), fmt(c.ms.p99, 3), fmt(c.ms.max, 3)]))
  return { ...result, loadAverage1m: loadAverage }
}

interface Results {
  overhead?: Awaited<ReturnType<typeof overhead>>
  aggregationOverhead?: Awaited<ReturnType<typeof underLoad>>['overhead']
  memory?: Awaited<ReturnType<typeof underLoad>>['memory']
  fanOut?: Awaited<ReturnType<typeof fanOut>>
  silentProvider?: Awaited<ReturnType<typeof silentProvider>>
  earlyAnswer?: Awaited<ReturnType<typeof earlyAnswer>>
  coldStart?: Awaited<ReturnType<typeof coldStarts>>
  aggregator?: Awaited<ReturnType<typeof aggregatorAlone>>
  overload?: Awaited<ReturnType<typeof overload>>
}

// 9. Overload: offered load at twice what the service can answer. The asks it accepts must keep their
// latency (p99 within 2x the unloaded p99) and the rest must be refused fast (503 in under 50 ms), with no
// request left waiting until it times out.
async function overload (h: Harness) {
  const { unloadedRate, durationS, connections } = PLAN.overload
  await setStubs(h.stubs, { openai: { latencyMs: 50 }, gemini: { latencyMs: 50 }, hf: { latencyMs: 50 } })
  const only = (run: LoadResult, status: number): number[] => run.samples.filter(x => x.status === status).map(x => x.ms)
  // Capacity: what a closed loop of many clients gets answered per second by a service that sheds nothing
  // (with shedding on, every refused client would come straight back and the loop would measure 503s).
  const unshed = await startService({ ...h.env, SHED_EVENT_LOOP_DELAY_MS: '0', MAX_INFLIGHT_ASKS: '100000' }, profileArgs('capacity'))
  let capacity: number
  try {
    const saturated = (await measure(h, unshed, closedJob(unshed, connections, durationS))).run
    capacity = only(saturated, 200).length / saturated.durationS
  } finally {
    await unshed.stop()
  }
  const service = await startService(h.env, profileArgs('overload'))
  try {
    // Unloaded: a tenth of the capacity (at most the plan's rate), so queueing plays no part.
    const unloadedAt = Math.max(2, Math.min(unloadedRate, Math.round(capacity / 10)))
    const unloaded = (await measure(h, service, openJob(service, unloadedAt, durationS))).run
    const offered = Math.max(1, Math.round(2 * capacity))
    const over = (await measure(h, service, openJob(service, offered, durationS))).run
    const base = summarize(only(unloaded, 200))
    const accepted = summarize(only(over, 200))
    const shed = summarize(only(over, 503))
    const other = over.samples.filter(x => x.status !== 200 && x.status !== 503).length
    const result = {
      capacityRps: round(capacity, 1),
      unloadedRps: unloadedAt,
      offeredRps: offered,
      unloaded: roundSummary(base),
      accepted: roundSummary(accepted),
      shed: roundSummary(shed),
      answeredRps: round(accepted.n / over.durationS, 1),
      shedShare: round(shed.n / Math.max(1, over.samples.length), 3),
      otherStatuses: other,
      timeouts: over.timeouts,
      errors: over.errors,
      notSent: over.dropped,
      // The load generator's own lateness: on a starved machine the client, not the service, can be what waits.
      sendLagMaxMs: round(over.maxLagMs, 1),
      acceptedP99Ratio: round(accepted.p99 / base.p99, 2),
      shedP99Ms: round(shed.p99, 1)
    }
    printTable(`9. Overload: stubs at 50 ms, capacity ${fmt(capacity, 1)} answers/s (closed loop, ${connections} connections), then open loop at ${offered} req/s (2x)`,
      ['run', 'answered', 'p50 ms', 'p99 ms', 'max ms', '503', '503 p99 ms', '503 max ms', 'timeouts', 'errors'],
      [
        [`unloaded, ${unloadedAt} req/s`, base.n, fmt(base.p50), fmt(base.p99), fmt(base.max), only(unloaded, 503).length, '', '', unloaded.timeouts, unloaded.errors],
        [`2x capacity, ${offered} req/s`, accepted.n, fmt(accepted.p50), fmt(accepted.p99), fmt(accepted.max), shed.n, fmt(shed.p99), fmt(shed.max), over.timeouts, over.errors]
      ])
    log(`   accepted p99 / unloaded p99 = ${fmt(result.acceptedP99Ratio)}; ${fmt(result.shedShare * 100, 1)} % shed; 503 p99 ${fmt(shed.p99)} ms; load generator ran up to ${fmt(over.maxLagMs)} ms behind its schedule, ${over.dropped} not sent`)
    return result
  } finally {
    await service.stop()
  }
}

/** met is null when the scenario behind the target did not complete. */
interface Target { target: string, expected: string, measured: string, met: boolean | null, note?: string }

const TARGETS_OF: Record<string, Array<[string, string]>> = {
  underLoad: [['aggregation overhead (response - slowest provider)', 'p50 <= 1 ms, p99 <= 5 ms at 500 req/s'], ['RSS under load', '<= 150 MB']],
  overhead: [['throughput vs plain-fetch baseline', '>= 0.8x']],
  fanOut: [['fan-out latency = slowest provider, not the sum', 'p50 <= 330 ms']],
  silentProvider: [['silent provider never delays past deadline + 50 ms', 'max <= 1050 ms']],
  coldStart: [['cold start to ready', '<= 400 ms (median)']],
  overload: [['at 2x capacity: accepted p99 within 2x the unloaded p99, the rest 503 in < 50 ms', 'ratio <= 2, 503 p99 < 50 ms']]
}

function targets (results: Results): Target[] {
  const list: Target[] = []
  const at = results.aggregationOverhead?.atTarget
  if (at !== undefined) {
    const s = at.service
    const reached = s.rps >= 0.95 * at.rate && s.timeouts === 0 && s.errors === 0
    const light = results.aggregationOverhead?.byRate.find(r => r.rate !== at.rate)
    const note = [
      `${fmt(s.rps, 0)} of ${at.rate} req/s answered with 200 (${statusText(s)})${reached ? '' : ': rate not sustained, the machine saturated'}`,
      `server-reported p50 ${fmt(s.serverOverheadMs?.p50)} / p99 ${fmt(s.serverOverheadMs?.p99)} ms`,
      `baseline's own resp-150 p50 ${fmt(at.baseline.overheadVsConfiguredMs?.p50)} / p99 ${fmt(at.baseline.overheadVsConfiguredMs?.p99)} ms`,
      ...(light !== undefined ? [`at ${light.rate} req/s: resp-150 p50 ${fmt(light.service.overheadVsConfiguredMs?.p50)} / p99 ${fmt(light.service.overheadVsConfiguredMs?.p99)} ms, server-reported p50 ${fmt(light.service.serverOverheadMs?.p50)} / p99 ${fmt(light.service.serverOverheadMs?.p99)} ms`] : [])
    ].join('; ')
    list.push({ target: 'aggregation overhead p50 (response - slowest provider)', expected: `<= 1 ms at ${at.rate} req/s`, measured: `${fmt(s.overheadVsConfiguredMs?.p50)} ms`, met: (s.overheadVsConfiguredMs?.p50 ?? Infinity) <= 1 && reached, note })
    list.push({ target: 'aggregation overhead p99 (response - slowest provider)', expected: `<= 5 ms at ${at.rate} req/s`, measured: `${fmt(s.overheadVsConfiguredMs?.p99)} ms`, met: (s.overheadVsConfiguredMs?.p99 ?? Infinity) <= 5 && reached })
  }
  if (results.overhead !== undefined) {
    const o = results.overhead
    list.push({ target: 'throughput vs plain-fetch baseline', expected: '>= 0.8x', measured: `${fmt(o.throughputRatio, 3)}x`, met: o.throughputRatio >= 0.8, note: `from CPU per request: ${fmt(o.cpuThroughputRatio, 3)}x (${fmt(o.service.cpuMsPerRequest, 3)} vs ${fmt(o.baseline.cpuMsPerRequest, 3)} ms)` })
  }
  if (results.fanOut !== undefined) {
    const p50 = results.fanOut.service.latencyMs.p50
    list.push({ target: 'fan-out latency = slowest provider, not the sum', expected: 'p50 <= 330 ms (slowest 300 + 10%; sum 600)', measured: `${fmt(p50)} ms`, met: p50 <= 330 })
  }
  if (results.silentProvider !== undefined) {
    const limit = results.silentProvider.deadlineMs + 50
    list.push({ target: 'silent provider never delays past deadline + 50 ms', expected: `max <= ${limit} ms`, measured: `${fmt(results.silentProvider.maxResponseMs)} ms`, met: results.silentProvider.maxResponseMs <= limit, note: `p99 ${fmt(results.silentProvider.all.latencyMs.p99)} ms over ${results.silentProvider.all.latencyMs.n} answers` })
  }
  if (results.coldStart !== undefined) {
    list.push({ target: 'cold start to ready', expected: '<= 400 ms (median)', measured: `${fmt(results.coldStart.knowledgeOff.medianMs, 1)} ms`, met: results.coldStart.knowledgeOff.medianMs <= 400, note: `with the course notes (KNOWLEDGE=on): ${fmt(results.coldStart.knowledgeOn.medianMs, 1)} ms` })
  }
  if (results.memory !== undefined) {
    list.push({ target: 'RSS under load', expected: '<= 150 MB', measured: `${fmt(results.memory.peakRssMB, 1)} MB peak`, met: results.memory.peakRssMB <= 150, note: `peaks by rate ${JSON.stringify(results.memory.peakRssMBByRate)}; after runs: ${results.memory.rssAfterEachRunMB.join(', ')} MB` })
  }
  if (results.overload !== undefined) {
    const o = results.overload
    list.push({
      target: 'at 2x capacity: accepted p99 within 2x the unloaded p99, the rest 503 in < 50 ms',
      expected: 'ratio <= 2, 503 p99 < 50 ms, no timeouts',
      measured: `ratio ${fmt(o.acceptedP99Ratio)}, 503 p99 ${fmt(o.shedP99Ms)} ms`,
      met: o.acceptedP99Ratio <= 2 && o.shedP99Ms < 50 && o.timeouts === 0,
      note: `capacity ${o.capacityRps} answers/s, offered ${o.offeredRps} req/s, answered ${o.answeredRps}/s, ${fmt(o.shedShare * 100, 1)} % shed, p99 ${fmt(o.accepted.p99)} vs ${fmt(o.unloaded.p99)} ms unloaded, timeouts ${o.timeouts}, errors ${o.errors}`
    })
  }
  return list
}

async function main (): Promise<void> {
  const startedAt = new Date()
  const t0 = performance.now()
  log(`IsCoolGPT benchmark (${quick ? 'quick' : 'full'}) on ${os.cpus().length} cores, Node ${process.version}`)
  if (load1m() > os.cpus().length / 2) {
    log(`note: the machine is busy (load average ${load1m()} on ${os.cpus().length} cores): wall-clock figures include waiting for a core; CPU ms per request does not`)
  }
  const built = flags['skip-build'] === true ? { ms: 0, ok: existsSync(SERVER_ENTRY) } : build()
  if (flags['skip-build'] !== true) log(`built dist/ in ${fmt(built.ms / 1000, 1)} s${built.ok ? '' : ' (with type errors)'}`)
  if (flags.profile === true) {
    mkdirSync(PROFILE_DIR, { recursive: true })
    log(`profiling: CPU profiles of the service go to ${path.relative(REPO_ROOT, PROFILE_DIR)}/ (figures are slower while profiling)`)
  }

  const stubs = await startStubProcess()
  const load = await startLoadGenerator()
  const h: Harness = { stubs, load, env: providerEnv(stubs.ports) }
  const results: Results = {}
  const timings: Record<string, number> = { setup: round((performance.now() - t0) / 1000, 1) }
  const failures: Record<string, string> = {}
  // One broken scenario (a crashed server, a port in use) is reported and the others still run.
  const timed = async <T>(name: string, scenario: () => Promise<T>): Promise<T | undefined> => {
    const started = performance.now()
    try {
      return await scenario()
    } catch (err) {
      failures[name] = err instanceof Error ? err.message : String(err)
      log(`\n${name} FAILED: ${failures[name]}`)
      return undefined
    } finally {
      timings[name] = round((performance.now() - started) / 1000, 1)
      log(`   (${timings[name]} s)`)
    }
  }
  try {
    if (want(1)) results.overhead = await timed('overhead', async () => await overhead(h))
    if (want(2) || want(7)) {
      const underLoadResult = await timed('underLoad', async () => await underLoad(h))
      results.aggregationOverhead = underLoadResult?.overhead
      results.memory = underLoadResult?.memory
    }
    if (want(3)) results.fanOut = await timed('fanOut', async () => await fanOut(h))
    if (want(4)) results.silentProvider = await timed('silentProvider', async () => await silentProvider(h))
    if (want(5)) results.earlyAnswer = await timed('earlyAnswer', async () => await earlyAnswer(h))
    if (want(6)) results.coldStart = await timed('coldStart', async () => await coldStarts(h))
    if (want(9)) results.overload = await timed('overload', async () => await overload(h))
  } finally {
    await load.stop()
    await stubs.stop()
  }
  if (want(8)) results.aggregator = await timed('aggregator', async () => await aggregatorAlone())

  const verdicts = targets(results)
  for (const name of Object.keys(failures)) {
    for (const [target, expected] of TARGETS_OF[name] ?? []) verdicts.push({ target, expected, measured: 'not measured: the scenario failed', met: null })
  }
  printTable('Targets (DESIGN.md, "Performance targets")',
    ['target', 'expected', 'measured', 'met'],
    verdicts.map(t => [t.target, t.expected, t.measured, t.met === null ? '?' : t.met ? 'met' : 'NOT met']))
  for (const t of verdicts) if (t.note !== undefined) log(`   ${t.target}: ${t.note}`)

  const report = {
    date: startedAt.toISOString(),
    mode: quick ? 'quick' : 'full',
    command: `npm run bench${quick ? ' -- --quick' : ''}`,
    machine: machine(),
    git: gitInfo(),
    build: { ms: round(built.ms), ok: built.ok },
    profiled: flags.profile === true,
    serviceNodeArgs,
    durationS: round((performance.now() - t0) / 1000, 1),
    scenarioDurationsS: timings,
    targets: verdicts,
    failures,
    scenarios: results
  }
  const dir = path.join(REPO_ROOT, 'bench', 'results')
  mkdirSync(dir, { recursive: true })
  const file = path.join(dir, `${startedAt.toISOString().replace(/\.\d+Z$/, 'Z').replace(/:/g, '-')}.json`)
  writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`)
  log(`\nfinished in ${fmt(report.durationS, 1)} s; results in ${path.relative(REPO_ROOT, file)}`)
}

await main()
