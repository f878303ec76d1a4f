// `npm run bench [-- --quick] [--only 1,2,8,9] [--profile] [--skip-build]`: every scenario against the
// built service, a table on stdout and bench/results/<date>.json.
//
// Processes: this runner only orchestrates and waits. The stub providers, the service under test
// (`node dist/server.mjs`), the baseline and the load generator each run in their own process, so
// none of them shares an event loop with another. On a 2-core machine they still share the cores,
// which is why CPU time per request is reported beside the wall-clock figures.
import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { benchAggregator } from './aggregator-bench.js'
import { BENCH_QUESTION } from './answer-text.js'
import type { LoadJob, LoadResult } from './load-protocol.js'
import {
  baselineCommand, coldStart, portkeyCommand, providerEnv, readCpuMs, readHeap, readMemory, REPO_ROOT, SERVER_ENTRY, serviceCommand, startBaseline,
  startLoadGenerator, startServer, startService, startStubProcess,
  type ColdStart, type HeapFigures, type LoadGenerator, type ServerHandle, type StubsHandle
} from './processes.js'
import { askBody, chatBody, CostMeter, pooled as pooledCost, ratio, slope, type CostFigures, type Target } from './cost.js'
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
    'node-option': { type: 'string', multiple: true, default: [] },
    // Run the service without the node options the image sets (docker/Dockerfile's NODE_OPTIONS), to compare.
    'without-image-options': { type: 'boolean', default: false }
  }
})
/** The service runs as the image runs it: with the node options docker/Dockerfile sets, then any given here. */
const serviceNodeArgs = [...(flags['without-image-options'] === true ? [] : imageNodeOptions()), ...(flags['node-option'] ?? [])]

/** NODE_OPTIONS of the image's runtime stage (the V8 heap limit), as node arguments. */
function imageNodeOptions (): string[] {
  const dockerfile = readFileSync(path.join(REPO_ROOT, 'docker', 'Dockerfile'), 'utf8')
  const options = /^\s*(?:ENV\s+)?NODE_OPTIONS=("[^"]*"|\S+)/m.exec(dockerfile)?.[1]
  return options === undefined ? [] : options.replace(/^"|"$/g, '').split(/\s+/).filter(o => o !== '')
}

const quick = flags.quick === true
const PLAN = quick
  ? {
      warmupS: 1,
      // A request still unanswered this long after it was sent counts as a timeout (bounds a saturated run).
      timeoutS: 5,
      cost: { rounds: 1, rate: 100, durationS: 3, connections: 100, warmupS: 1 },
      growth: { rounds: 1, rate: 100, durationS: 3, warmupS: 1, longWords: 1300 },
      underLoad: { rates: [100, 300], targetRate: 300, rounds: 1, durationS: 3, extraRuns: 1, idleS: 1 },
      fanOut: { durationS: 3, connections: 10 },
      silent: { durationS: 3, connections: 10, deadlineMs: 1000 },
      early: { durationS: 2, connections: 5 },
      coldStart: { starts: 5, startsWithNotes: 2, idleS: 1 },
      aggregator: { budgetMs: 250 },
      overload: { unloadedRate: 30, durationS: 4, connections: 64 }
    }
  : {
      warmupS: 2,
      timeoutS: 15,
      cost: { rounds: 3, rate: 150, durationS: 8, connections: 100, warmupS: 2 },
      growth: { rounds: 2, rate: 150, durationS: 8, warmupS: 2, longWords: 1300 },
      underLoad: { rates: [100, 300], targetRate: 300, rounds: 2, durationS: 15, extraRuns: 3, idleS: 2 },
      fanOut: { durationS: 10, connections: 10 },
      silent: { durationS: 10, connections: 10, deadlineMs: 1000 },
      early: { durationS: 8, connections: 5 },
      coldStart: { starts: 9, startsWithNotes: 5, idleS: 1 },
      aggregator: { budgetMs: 1500 },
      overload: { unloadedRate: 30, durationS: 10, connections: 64 }
    }

const selected = new Set((flags.only ?? '1,2,3,4,5,6,7,8,9,10').split(',').map(s => Number(s.trim())))
const want = (n: number): boolean => selected.has(n)
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
  // The code cache as the image's runtime stage writes it: with the node options the service runs with (V8
  // rejects a cache made with other flags, and the first start would then write its own).
  const writer = path.join(path.dirname(SERVER_ENTRY), 'write-code-cache.mjs')
  if (existsSync(writer)) {
    const cached = spawnSync(process.execPath, [...serviceNodeArgs, writer], { cwd: REPO_ROOT, encoding: 'utf8' })
    if (cached.status !== 0) process.stderr.write(`warning: ${path.relative(REPO_ROOT, writer)} exited with ${String(cached.status)}: ${cached.stderr}\n`)
  }
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

const closedJob = (server: ServerHandle, connections: number, durationS: number, body = askBody()): Job =>
  ({ mode: 'closed', url: `${server.url}/api/ask`, body, connections, durationS, warmupS: 0, timeoutS: PLAN.timeoutS })

const openJob = (server: ServerHandle, rate: number, durationS: number): Job =>
  ({ mode: 'open', url: `${server.url}/api/ask`, body: askBody(), rate, durationS, warmupS: 0, timeoutS: PLAN.timeoutS })

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

/** Stubs answering after 50 ms with about 300 words: the upstream of the issue's table. */
const STANDARD_STUBS: Partial<Record<StubId, Partial<Behaviour>>> = { openai: { latencyMs: 50, words: 300 }, gemini: { latencyMs: 50, words: 300 }, hf: { latencyMs: 50, words: 300 } }
/** The service's provider ids, in the order the per-provider runs add them. */
const PROVIDER_IDS = ['openai', 'gemini', 'huggingface']

/** Portkey, or why it is left out; the reason is printed once. */
async function startPortkey (h: Harness): Promise<ServerHandle | string> {
  const command = portkeyCommand(h.env)
  if (typeof command === 'string') return command
  try {
    return await startServer(command)
  } catch (err) {
    return `the gateway did not start: ${err instanceof Error ? err.message.slice(0, 300) : String(err)}`
  }
}

// 1. CPU per request and the most answered per second: passthrough and ensemble against the bare baseline's
// one and three calls, and the Portkey gateway relaying the same call, interleaved.
async function cost (h: Harness) {
  const plan = { ...PLAN.cost, timeoutS: PLAN.timeoutS }
  const loadAverage = [load1m()]
  await setStubs(h.stubs, STANDARD_STUBS)
  // Shedding off, as for scenario 9's capacity: the saturated runs measure what it can answer, not how fast it refuses.
  const service = await startService({ ...h.env, SHED_EVENT_LOOP_DELAY_MS: '0', MAX_INFLIGHT_ASKS: '100000' }, profileArgs('cost'))
  const baseline = await startBaseline(h.env)
  const portkey = await startPortkey(h)
  if (typeof portkey === 'string') log(`   notice: Portkey left out of this run: ${portkey}`)
  const targets: Target[] = [
    { key: 'baseline1', label: 'baseline, 1 call (POST /v1/chat/completions)', server: baseline, path: '/v1/chat/completions', body: chatBody('bench') },
    { key: 'passthrough', label: 'IsCoolGPT passthrough (/v1, model openai)', server: service, path: '/v1/chat/completions', body: chatBody('openai') },
    ...(typeof portkey === 'string'
      ? []
      : [{
          key: 'portkey',
          label: 'Portkey gateway 1.15.2, same call',
          server: portkey,
          path: '/v1/chat/completions',
          body: chatBody('gpt-4o-mini'),
          headers: { 'x-portkey-provider': 'openai', 'x-portkey-custom-host': `http://127.0.0.1:${h.stubs.ports.openai}/v1`, authorization: 'Bearer bench-openai-key' }
        }]),
    { key: 'baseline3', label: 'baseline, 3 calls (POST /api/ask)', server: baseline, path: '/api/ask', body: askBody() },
    { key: 'ensemble', label: 'IsCoolGPT ensemble of 3 (/api/ask)', server: service, path: '/api/ask', body: askBody() }
  ]
  let measured: Record<string, CostFigures>
  try {
    measured = await new CostMeter(h.load, h.stubs, plan).interleaved(targets)
  } finally {
    await service.stop()
    await baseline.stop()
    if (typeof portkey !== 'string') await portkey.stop()
  }
  loadAverage.push(load1m())
  const cpu = (key: string): number | undefined => measured[key]?.atRate.cpuMsPerRequest
  const rps = (key: string): number | undefined => measured[key]?.saturated.rps
  const result = {
    stubs: '50 ms, about 300 words each',
    rate: plan.rate,
    rounds: plan.rounds,
    durationS: plan.durationS,
    connections: plan.connections,
    loadAverage1m: loadAverage,
    portkey: typeof portkey === 'string' ? { skipped: portkey } : { version: '1.15.2' },
    targets: Object.fromEntries(targets.map(t => [t.key, { label: t.label, ...measured[t.key] }])),
    ratios: {
      passthroughCpuVsBaseline1: ratio(cpu('passthrough'), cpu('baseline1')),
      passthroughCpuVsPortkey: ratio(cpu('passthrough'), cpu('portkey')),
      portkeyCpuVsBaseline1: ratio(cpu('portkey'), cpu('baseline1')),
      ensembleCpuVsBaseline3: ratio(cpu('ensemble'), cpu('baseline3')),
      passthroughRpsVsBaseline1: ratio(rps('passthrough'), rps('baseline1')),
      portkeyRpsVsBaseline1: ratio(rps('portkey'), rps('baseline1')),
      ensembleRpsVsBaseline3: ratio(rps('ensemble'), rps('baseline3'))
    }
  }
  const versus: Record<string, string> = { baseline1: 'baseline1', passthrough: 'baseline1', portkey: 'baseline1', baseline3: 'baseline3', ensemble: 'baseline3' }
  printTable(`1. Cost per request: stubs at 50 ms, ~300 words; CPU at ${plan.rate} req/s (open loop), max req/s with ${plan.connections} connections; ${plan.rounds} x ${plan.durationS} s each, interleaved`,
    ['server, call', `CPU ms/req`, 'x baseline', `p50 ms @${plan.rate}`, `p99 ms @${plan.rate}`, 'max req/s', 'x baseline', 'statuses (saturated)'],
    targets.map(t => {
      const f = measured[t.key] as CostFigures
      const b = versus[t.key] as string
      return [t.label, fmt(f.atRate.cpuMsPerRequest, 3), fmt(ratio(cpu(t.key), cpu(b)), 2), fmt(f.atRate.latencyMs.p50), fmt(f.atRate.latencyMs.p99), fmt(f.saturated.rps, 1), fmt(ratio(rps(t.key), rps(b)), 2), statusText(f.saturated)]
    }))
  if (typeof portkey !== 'string') log(`   passthrough CPU / Portkey CPU = ${fmt(result.ratios.passthroughCpuVsPortkey, 3)}`)
  return result
}

// 10. How the cost grows: with each extra provider asked, and with each 1,000 words more per answer.
async function growth (h: Harness) {
  const plan = { ...PLAN.growth, connections: 1, timeoutS: PLAN.timeoutS }
  const loadAverage = [load1m()]
  // Shedding off, as in scenario 1: a shed request costs next to nothing and would hide what an answer costs.
  const service = await startService({ ...h.env, SHED_EVENT_LOOP_DELAY_MS: '0', MAX_INFLIGHT_ASKS: '100000' }, profileArgs('growth'))
  const baseline = await startBaseline(h.env)
  const meter = new CostMeter(h.load, h.stubs, plan)
  const byProviders: Record<string, { service: RunFigures, baseline: RunFigures }> = {}
  const byWords: Record<string, { service: RunFigures, baseline: RunFigures }> = {}
  const words = [300, plan.longWords]
  try {
    await setStubs(h.stubs, STANDARD_STUBS)
    const providerTargets = [1, 2, 3].flatMap(n => [
      { key: `baseline-${n}`, label: `baseline ${n}`, server: baseline, path: '/api/ask', body: askBody(PROVIDER_IDS.slice(0, n)) },
      { key: `service-${n}`, label: `IsCoolGPT ${n}`, server: service, path: '/api/ask', body: askBody(PROVIDER_IDS.slice(0, n)) }
    ])
    const p = await meter.interleaved(providerTargets, ['open'])
    for (const n of [1, 2, 3]) byProviders[String(n)] = { service: (p[`service-${n}`] as CostFigures).atRate, baseline: (p[`baseline-${n}`] as CostFigures).atRate }
    // Rounds alternate the answer length, so a noisy minute does not land on one length only.
    const runs: Record<string, Array<Awaited<ReturnType<CostMeter['measure']>>>> = {}
    for (let r = 0; r < plan.rounds; r++) {
      for (const w of words) {
        await setStubs(h.stubs, { openai: { latencyMs: 50, words: w }, gemini: { latencyMs: 50, words: w }, hf: { latencyMs: 50, words: w } })
        for (const [key, server] of [['baseline', baseline], ['service', service]] as const) {
          (runs[`${key}-${w}`] ??= []).push(await meter.measure({ key, label: key, server, path: '/api/ask', body: askBody() }, 'open'))
        }
      }
    }
    for (const w of words) byWords[String(w)] = { service: pooledCost(runs[`service-${w}`] ?? []), baseline: pooledCost(runs[`baseline-${w}`] ?? []) }
  } finally {
    await service.stop()
    await baseline.stop()
    await setStubs(h.stubs, {})
  }
  loadAverage.push(load1m())
  const cpuOf = (f: RunFigures | undefined): number => f?.cpuMsPerRequest ?? Number.NaN
  const perProvider = {
    service: slope([1, 2, 3].map(n => [n, cpuOf(byProviders[String(n)]?.service)])),
    baseline: slope([1, 2, 3].map(n => [n, cpuOf(byProviders[String(n)]?.baseline)]))
  }
  // Measured words per answer: the stubs write whole sentences, a few words past the asked length.
  const extraThousands = (plan.longWords - 300) / 1000
  const perThousandWords = {
    service: round((cpuOf(byWords[String(plan.longWords)]?.service) - cpuOf(byWords['300']?.service)) / extraThousands, 3),
    baseline: round((cpuOf(byWords[String(plan.longWords)]?.baseline) - cpuOf(byWords['300']?.baseline)) / extraThousands, 3)
  }
  printTable(`10. Growth: CPU ms per request at ${plan.rate} req/s, stubs at 50 ms; ${plan.rounds} x ${plan.durationS} s each, interleaved`,
    ['run', 'baseline CPU ms/req', 'IsCoolGPT CPU ms/req', 'IsCoolGPT p99 ms'],
    [
      ...[1, 2, 3].map(n => [`${n} provider${n > 1 ? 's' : ''}, 300 words`, fmt(cpuOf(byProviders[String(n)]?.baseline), 3), fmt(cpuOf(byProviders[String(n)]?.service), 3), fmt(byProviders[String(n)]?.service.latencyMs.p99)]),
      ...words.map(w => [`3 providers, ${w} words each`, fmt(cpuOf(byWords[String(w)]?.baseline), 3), fmt(cpuOf(byWords[String(w)]?.service), 3), fmt(byWords[String(w)]?.service.latencyMs.p99)]),
      ['per extra provider (slope)', fmt(perProvider.baseline, 3), fmt(perProvider.service, 3), ''],
      ['per 1,000 words per answer', fmt(perThousandWords.baseline, 3), fmt(perThousandWords.service, 3), '']
    ])
  return { rate: plan.rate, rounds: plan.rounds, durationS: plan.durationS, loadAverage1m: loadAverage, byProviders, byWords, perProviderCpuMs: perProvider, perThousandWordsCpuMs: perThousandWords }
}

// 2 and 7. The ensemble at fixed arrival rates up to 300 req/s against the 3-call baseline, with memory sampled throughout.
async function underLoad (h: Harness) {
  const { rates, rounds, durationS, extraRuns, idleS, targetRate } = PLAN.underLoad
  const latencies = { openai: 50, gemini: 50, hf: 50 }
  const slowest = Math.max(...Object.values(latencies))
  await setStubs(h.stubs, STANDARD_STUBS)
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
  printTable(`2. Ensemble under load: providers at 50 ms, ~300 words, open loop, ${rounds} x ${durationS} s per rate and server, interleaved`,
    ['offered rate, server', 'req/s', 'p50 ms', 'p99 ms', 'resp-50 p50', 'resp-50 p99', 'server-reported p50', 'server-reported p99', 'CPU ms/req', 'send lag', 'statuses'],
    byRate.flatMap(r => [row(`${r.rate} req/s, baseline`, r.baseline), row(`${r.rate} req/s, IsCoolGPT`, r.service)]))
  for (const r of byRate) log(`   at ${r.rate} req/s IsCoolGPT adds ${fmt(r.addedOverBaselineMs.p50)} ms (p50), ${fmt(r.addedOverBaselineMs.p99)} ms (p99) over the baseline's resp-50; load average ${r.loadAverage1m.join(' -> ')}`)
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

// 6. Cold start and idle memory: spawn to the first 200 from /health, as an orchestrator's probe would see it, and
// the RSS a second later; the service, the bare baseline and Portkey in turn.
async function coldStarts (h: Harness) {
  const { starts, startsWithNotes } = PLAN.coldStart
  const loadAverage = [load1m()]
  const portkey = portkeyCommand(h.env)
  if (typeof portkey === 'string') log(`   notice: Portkey left out of this run: ${portkey}`)
  const commands = {
    baseline: baselineCommand(h.env),
    service: serviceCommand({ ...h.env, KNOWLEDGE: 'off' }, serviceNodeArgs),
    ...(typeof portkey === 'string' ? {} : { portkey })
  }
  const runs: Record<string, ColdStart[]> = {}
  // Interleaved (A B C A B C): a busy second slows every server alike.
  for (let i = 0; i < starts; i++) {
    for (const [key, command] of Object.entries(commands)) (runs[key] ??= []).push(await coldStart(command))
  }
  for (let i = 0; i < startsWithNotes; i++) (runs.serviceWithNotes ??= []).push(await coldStart(serviceCommand({ ...h.env, KNOWLEDGE: 'on' }, serviceNodeArgs)))
  loadAverage.push(load1m())
  const summary = (list: ColdStart[]) => {
    const ms = list.map(r => round(r.ms, 1))
    const rss = list.map(r => round(r.idleRssMB, 1))
    return { medianMs: round(median(ms), 1), minMs: Math.min(...ms), maxMs: Math.max(...ms), runsMs: ms, idleRssMB: round(median(rss), 1), idleRssRunsMB: rss }
  }
  const by: Record<string, ReturnType<typeof summary> | undefined> = Object.fromEntries(Object.entries(runs).map(([k, v]) => [k, summary(v)]))
  const labels: Record<string, string> = {
    baseline: 'baseline (node:http + fetch)',
    service: 'IsCoolGPT, 3 providers, KNOWLEDGE=off',
    portkey: 'Portkey gateway 1.15.2',
    serviceWithNotes: 'IsCoolGPT + course notes (KNOWLEDGE=on)'
  }
  const base = by.baseline
  printTable(`6. Cold start: spawn to the first 200 from /health (polled every 5 ms), ${starts} starts each (${startsWithNotes} with the notes); idle RSS 1 s later`,
    ['server', 'median ms', 'x baseline', 'min ms', 'max ms', 'idle RSS MB', 'x baseline'],
    Object.entries(by).filter((e): e is [string, ReturnType<typeof summary>] => e[1] !== undefined).map(([k, v]) => [labels[k] ?? k, fmt(v.medianMs, 1), fmt(ratio(v.medianMs, base?.medianMs), 2), fmt(v.minMs, 1), fmt(v.maxMs, 1), fmt(v.idleRssMB, 1), fmt(ratio(v.idleRssMB, base?.idleRssMB), 2)]))
  return {
    starts,
    startsWithNotes,
    pollEveryMs: 5,
    loadAverage1m: loadAverage,
    portkeySkipped: typeof portkey === 'string' ? portkey : undefined,
    servers: by,
    // Kept under the names earlier reports used.
    knowledgeOff: by.service,
    knowledgeOn: by.serviceWithNotes,
    coldStartRatio: ratio(by.service?.medianMs, base?.medianMs),
    idleRssRatio: ratio(by.service?.idleRssMB, base?.idleRssMB)
  }
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
  cost?: Awaited<ReturnType<typeof cost>>
  growth?: Awaited<ReturnType<typeof growth>>
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
interface Verdict { target: string, expected: string, measured: string, met: boolean | null, note?: string }

const TARGETS_OF: Record<string, Array<[string, string]>> = {
  cost: [
    ['ensemble of 3: CPU per request vs the 3-call baseline', '<= 1.6x'],
    ['ensemble of 3: max throughput vs the 3-call baseline', '>= 0.7x'],
    ['passthrough: CPU per request vs the 1-call baseline', '<= 1.3x'],
    ['passthrough: CPU per request vs Portkey', '<= 0.75x']
  ],
  growth: [['CPU per extra provider', '<= 0.5 ms'], ['CPU per 1,000 words per answer', '<= 0.2 ms']],
  coldStart: [['cold start to the first /health 200 vs the baseline', '<= 2.5x'], ['idle RSS vs the baseline', '<= 1.5x']],
  underLoad: [['peak RSS at 300 ensemble req/s', '<= 200 MB'], ['at 300 ensemble req/s: every request answered or shed; p99 of the answered vs the baseline', '<= 2x']],
  fanOut: [['fan-out latency = slowest provider, not the sum', 'p50 <= 330 ms']],
  silentProvider: [['silent provider never delays past deadline + 50 ms', 'max <= 1050 ms']],
  overload: [['at 2x capacity: accepted p99 within 2x the unloaded p99, the rest 503 in < 50 ms', 'ratio <= 2, 503 p99 < 50 ms']]
}

const x = (value: number): string => `${fmt(value, 2)}x`

function targets (results: Results): Verdict[] {
  const list: Verdict[] = []
  const c = results.cost
  if (c !== undefined) {
    const t = c.targets as Record<string, { label: string } & CostFigures>
    const cpu = (key: string): string => `${fmt(t[key]?.atRate.cpuMsPerRequest, 3)} ms`
    const rps = (key: string): string => `${fmt(t[key]?.saturated.rps, 0)} req/s`
    list.push({ target: 'ensemble of 3: CPU per request vs the 3-call baseline', expected: '<= 1.6x', measured: x(c.ratios.ensembleCpuVsBaseline3), met: c.ratios.ensembleCpuVsBaseline3 <= 1.6, note: `${cpu('ensemble')} vs ${cpu('baseline3')} at ${c.rate} req/s` })
    list.push({ target: 'ensemble of 3: max throughput vs the 3-call baseline', expected: '>= 0.7x', measured: x(c.ratios.ensembleRpsVsBaseline3), met: c.ratios.ensembleRpsVsBaseline3 >= 0.7, note: `${rps('ensemble')} vs ${rps('baseline3')} with ${c.connections} connections` })
    list.push({ target: 'passthrough: CPU per request vs the 1-call baseline', expected: '<= 1.3x', measured: x(c.ratios.passthroughCpuVsBaseline1), met: c.ratios.passthroughCpuVsBaseline1 <= 1.3, note: `${cpu('passthrough')} vs ${cpu('baseline1')}; max throughput ${x(c.ratios.passthroughRpsVsBaseline1)} (${rps('passthrough')} vs ${rps('baseline1')})` })
    list.push(t.portkey === undefined
      ? { target: 'passthrough: CPU per request vs Portkey', expected: '<= 0.75x', measured: 'not measured: Portkey was left out', met: null, note: (c.portkey as { skipped?: string }).skipped }
      : { target: 'passthrough: CPU per request vs Portkey', expected: '<= 0.75x', measured: x(c.ratios.passthroughCpuVsPortkey), met: c.ratios.passthroughCpuVsPortkey <= 0.75, note: `${cpu('passthrough')} vs ${cpu('portkey')}; Portkey vs the 1-call baseline: CPU ${x(c.ratios.portkeyCpuVsBaseline1)}, max throughput ${x(c.ratios.portkeyRpsVsBaseline1)}` })
  }
  const g = results.growth
  if (g !== undefined) {
    list.push({ target: 'CPU per extra provider', expected: '<= 0.5 ms', measured: `${fmt(g.perProviderCpuMs.service, 3)} ms`, met: g.perProviderCpuMs.service <= 0.5, note: `baseline ${fmt(g.perProviderCpuMs.baseline, 3)} ms` })
    list.push({ target: 'CPU per 1,000 words per answer', expected: '<= 0.2 ms', measured: `${fmt(g.perThousandWordsCpuMs.service, 3)} ms`, met: g.perThousandWordsCpuMs.service <= 0.2, note: `3 providers; baseline ${fmt(g.perThousandWordsCpuMs.baseline, 3)} ms` })
  }
  const cs = results.coldStart
  if (cs !== undefined) {
    list.push({ target: 'cold start to the first /health 200 vs the baseline', expected: '<= 2.5x', measured: x(cs.coldStartRatio), met: cs.coldStartRatio <= 2.5, note: `median ${fmt(cs.servers.service?.medianMs, 1)} vs ${fmt(cs.servers.baseline?.medianMs, 1)} ms${cs.servers.portkey !== undefined ? `; Portkey ${fmt(cs.servers.portkey.medianMs, 1)} ms` : ''}; with the course notes ${fmt(cs.servers.serviceWithNotes?.medianMs, 1)} ms` })
    list.push({ target: 'idle RSS vs the baseline', expected: '<= 1.5x', measured: x(cs.idleRssRatio), met: cs.idleRssRatio <= 1.5, note: `${fmt(cs.servers.service?.idleRssMB, 1)} vs ${fmt(cs.servers.baseline?.idleRssMB, 1)} MB${cs.servers.portkey !== undefined ? `; Portkey ${fmt(cs.servers.portkey.idleRssMB, 1)} MB` : ''}` })
  }
  const at = results.aggregationOverhead?.atTarget
  if (results.memory !== undefined) {
    list.push({ target: 'peak RSS at 300 ensemble req/s', expected: '<= 200 MB', measured: `${fmt(results.memory.peakRssMB, 1)} MB`, met: results.memory.peakRssMB <= 200, note: `peaks by rate ${JSON.stringify(results.memory.peakRssMBByRate)}; after runs: ${results.memory.rssAfterEachRunMB.join(', ')} MB` })
  }
  if (at !== undefined) {
    const s = at.service
    const unanswered = s.timeouts + s.errors + s.dropped + Object.entries(s.statuses).filter(([k]) => k !== '200' && k !== '503').reduce((n, [, v]) => n + v, 0)
    const p99Ratio = ratio(s.latencyMs.p99, at.baseline.latencyMs.p99)
    list.push({
      target: 'at 300 ensemble req/s: every request answered or shed; p99 of the answered vs the baseline',
      expected: 'none unanswered, <= 2x',
      measured: `${unanswered} unanswered, ${x(p99Ratio)}`,
      met: unanswered === 0 && p99Ratio <= 2,
      note: `${statusText(s)}; p99 ${fmt(s.latencyMs.p99)} vs ${fmt(at.baseline.latencyMs.p99)} ms (baseline ${statusText(at.baseline)}); ${fmt(s.rps, 0)} answered/s`
    })
  }
  if (results.fanOut !== undefined) {
    const p50 = results.fanOut.service.latencyMs.p50
    list.push({ target: 'fan-out latency = slowest provider, not the sum', expected: 'p50 <= 330 ms (slowest 300 + 10%; sum 600)', measured: `${fmt(p50)} ms`, met: p50 <= 330 })
  }
  if (results.silentProvider !== undefined) {
    const limit = results.silentProvider.deadlineMs + 50
    list.push({ target: 'silent provider never delays past deadline + 50 ms', expected: `max <= ${limit} ms`, measured: `${fmt(results.silentProvider.maxResponseMs)} ms`, met: results.silentProvider.maxResponseMs <= limit, note: `p99 ${fmt(results.silentProvider.all.latencyMs.p99)} ms over ${results.silentProvider.all.latencyMs.n} answers` })
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
  log(`IsCoolGPT benchmark (${quick ? 'quick' : 'full'}) on ${os.cpus().length} cores, Node ${process.version}; service node options: ${serviceNodeArgs.join(' ') || 'none'}`)
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
    if (want(1)) results.cost = await timed('cost', async () => await cost(h))
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
    if (want(10)) results.growth = await timed('growth', async () => await growth(h))
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
