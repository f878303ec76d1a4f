// Scenarios 1 and 10: what one request costs the server (CPU time per request, from /proc) and how many it can
// answer per second, side by side with the bare baseline and the Portkey gateway, interleaved in one run.
import { BENCH_QUESTION } from './answer-text.js'
import type { LoadJob, LoadResult } from './load-protocol.js'
import { readCpuMs, type LoadGenerator, type ServerHandle, type StubsHandle } from './processes.js'
import { figures, type RunFigures } from './report.js'
import { round } from './stats.js'

type Job = Omit<LoadJob, 'id'>

/** One way of asking one server: the path, body and headers of its requests. */
export interface Target {
  key: string
  label: string
  server: ServerHandle
  path: string
  body: string
  headers?: Record<string, string>
}

export interface CostPlan {
  rounds: number
  /** Fixed arrival rate of the CPU runs: the same work per second for every target. */
  rate: number
  durationS: number
  /** Closed loop with this many connections: the most the server answers per second. */
  connections: number
  warmupS: number
  timeoutS: number
}

export interface CostFigures {
  /** Open loop at plan.rate: CPU and latency at the same offered load for everyone. */
  atRate: RunFigures
  /** Closed loop: the most it answered per second. */
  saturated: RunFigures
}

export const ASK_BODY = JSON.stringify({ question: BENCH_QUESTION })
export const askBody = (providers?: string[]): string => JSON.stringify(providers === undefined ? { question: BENCH_QUESTION } : { question: BENCH_QUESTION, providers })
/** The OpenAI-compatible request of the passthrough runs; `model` names the provider (or the gateway's model). */
export const chatBody = (model: string): string => JSON.stringify({ model, messages: [{ role: 'user', content: BENCH_QUESTION }] })

interface Measured { run: LoadResult, serverCpuMs: number, harnessCpuMs: number }

export class CostMeter {
  constructor (private readonly load: LoadGenerator, private readonly stubs: StubsHandle, private readonly plan: CostPlan) {}

  job (target: Target, mode: 'open' | 'closed', durationS: number): Job {
    const base = { url: `${target.server.url}${target.path}`, body: target.body, headers: target.headers, durationS, warmupS: 0, timeoutS: this.plan.timeoutS }
    return mode === 'open' ? { ...base, mode, rate: this.plan.rate } : { ...base, mode, connections: this.plan.connections }
  }

  /** A warm-up (not recorded), then the measured run with the CPU time the server and the harness used in it. */
  async measure (target: Target, mode: 'open' | 'closed'): Promise<Measured> {
    if (this.plan.warmupS > 0) await this.load.run(this.job(target, mode, this.plan.warmupS))
    const harness = (): number => readCpuMs(this.stubs.pid) + readCpuMs(this.load.pid)
    const server0 = readCpuMs(target.server.pid)
    const harness0 = harness()
    const run = await this.load.run(this.job(target, mode, this.plan.durationS))
    const measured = { run, serverCpuMs: readCpuMs(target.server.pid) - server0, harnessCpuMs: harness() - harness0 }
    const died = target.server.died()
    if (died !== undefined) throw new Error(`${target.server.name} ${died}`)
    return measured
  }

  /** Every target at the fixed rate and then saturated, round after round, in the same order (A B C A B C). */
  async interleaved (targets: Target[], modes: Array<'open' | 'closed'> = ['open', 'closed']): Promise<Record<string, CostFigures>> {
    const runs = new Map<string, { open: Measured[], closed: Measured[] }>(targets.map(t => [t.key, { open: [], closed: [] }]))
    for (let r = 0; r < this.plan.rounds; r++) {
      for (const mode of modes) {
        for (const target of targets) runs.get(target.key)?.[mode].push(await this.measure(target, mode))
      }
    }
    const out: Record<string, CostFigures> = {}
    for (const [key, { open, closed }] of runs) out[key] = { atRate: pooled(open), saturated: pooled(closed) }
    return out
  }
}

export function pooled (measured: Measured[]): RunFigures {
  return figures(measured.map(m => m.run), undefined, {
    serverMs: measured.reduce((s, m) => s + m.serverCpuMs, 0),
    harnessMs: measured.reduce((s, m) => s + m.harnessCpuMs, 0)
  })
}

/** Least-squares slope of y over x: the cost of one more unit. */
export function slope (points: Array<[number, number]>): number {
  const n = points.length
  if (n < 2) return Number.NaN
  const mx = points.reduce((s, [x]) => s + x, 0) / n
  const my = points.reduce((s, [, y]) => s + y, 0) / n
  const sxx = points.reduce((s, [x]) => s + (x - mx) ** 2, 0)
  const sxy = points.reduce((s, [x, y]) => s + (x - mx) * (y - my), 0)
  return round(sxy / sxx, 3)
}

export const ratio = (a: number | undefined, b: number | undefined): number => round((a ?? Number.NaN) / (b ?? Number.NaN), 3)
