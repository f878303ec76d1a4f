// Turning load-run samples into figures, and figures into aligned tables on stdout.
import type { LoadResult, Sample } from './load-protocol.js'
import { round, roundSummary, summarize, type Summary } from './stats.js'

export interface RunFigures {
  /** Responses in the measured window, by HTTP status. */
  statuses: Record<string, number>
  errors: number
  timeouts: number
  dropped: number
  maxLagMs: number
  durationS: number
  /** 200 responses per second in the measured window. */
  rps: number
  latencyMs: Summary
  /** Client-observed time minus the configured latency of the slowest provider. */
  overheadVsConfiguredMs?: Summary
  /** The server's own latencyMs (from the start of the ask to the answer, before it is sent). */
  serverLatencyMs?: Summary
  /** The server's own latencyMs minus its slowest answering provider call. */
  serverOverheadMs?: Summary
  /** Client-observed time minus the slowest answering provider call as the server timed it. */
  clientMinusSlowestCallMs?: Summary
  /** CPU time (user + system) the server used per response, in ms: unlike wall-clock figures it does not
   * grow when other processes compete for the cores. */
  cpuMsPerRequest?: number
  /** The same for the stub providers and the load generator together. */
  harnessCpuMsPerRequest?: number
  /** How often each combination of provider outcomes occurred. */
  outcomes: Record<string, number>
}

export interface CpuUse { serverMs: number, harnessMs: number }

function countBy<T> (items: T[], key: (item: T) => string | undefined): Record<string, number> {
  const counts: Record<string, number> = {}
  for (const item of items) {
    const k = key(item)
    if (k !== undefined) counts[k] = (counts[k] ?? 0) + 1
  }
  return counts
}

/** Figures over one or more runs of the same configuration (samples pooled, rates averaged). */
export function figures (runs: LoadResult[], configuredSlowestMs?: number, cpu?: CpuUse): RunFigures {
  const samples: Sample[] = runs.flatMap(r => r.samples)
  const ok = samples.filter(s => s.status === 200)
  const timed = ok.filter(s => s.serverMs !== undefined && s.slowestUpstreamMs !== undefined)
  const durationS = runs.reduce((s, r) => s + r.durationS, 0)
  return {
    statuses: countBy(samples, s => String(s.status)),
    errors: runs.reduce((s, r) => s + r.errors, 0),
    timeouts: runs.reduce((s, r) => s + r.timeouts, 0),
    dropped: runs.reduce((s, r) => s + r.dropped, 0),
    maxLagMs: round(Math.max(0, ...runs.map(r => r.maxLagMs))),
    durationS: round(durationS),
    rps: round(durationS > 0 ? ok.length / durationS : 0, 1),
    latencyMs: roundSummary(summarize(ok.map(s => s.ms))),
    ...(configuredSlowestMs !== undefined ? { overheadVsConfiguredMs: roundSummary(summarize(ok.map(s => s.ms - configuredSlowestMs))) } : {}),
    ...(timed.length > 0
      ? {
          serverLatencyMs: roundSummary(summarize(timed.map(s => s.serverMs as number))),
          serverOverheadMs: roundSummary(summarize(timed.map(s => (s.serverMs as number) - (s.slowestUpstreamMs as number)))),
          clientMinusSlowestCallMs: roundSummary(summarize(timed.map(s => s.ms - (s.slowestUpstreamMs as number))))
        }
      : {}),
    ...(cpu !== undefined && samples.length > 0
      ? { cpuMsPerRequest: round(cpu.serverMs / samples.length, 3), harnessCpuMsPerRequest: round(cpu.harnessMs / samples.length, 3) }
      : {}),
    outcomes: countBy(ok, s => s.outcomes)
  }
}

export function fmt (value: number | undefined, digits = 2): string {
  if (value === undefined || !Number.isFinite(value)) return '-'
  return value.toFixed(digits)
}

export function printTable (title: string, headers: string[], rows: Array<Array<string | number>>): void {
  const cells = [headers, ...rows.map(r => r.map(c => String(c)))]
  const widths = headers.map((_, i) => Math.max(...cells.map(r => (r[i] ?? '').length)))
  const line = (r: string[]): string => r.map((c, i) => i === 0 ? c.padEnd(widths[i] as number) : c.padStart(widths[i] as number)).join('  ')
  process.stdout.write(`\n${title}\n${line(headers)}\n${widths.map(w => '-'.repeat(w)).join('  ')}\n`)
  for (const r of cells.slice(1)) process.stdout.write(`${line(r)}\n`)
}
