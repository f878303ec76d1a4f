// How long the machine kept this test process from running: the kernel's run-queue wait (Linux's
// /proc/self/schedstat, the event-loop thread), sampled by a 10 ms ticker started when the module is first imported.
import { readFileSync } from 'node:fs'

/** Milliseconds this process's main thread has spent runnable but waiting for a CPU; 0 where the kernel does not say. */
export function runQueueWaitMs (): number {
  try {
    return Number(readFileSync('/proc/self/schedstat', 'utf8').split(' ')[1]) / 1e6
  } catch {
    return 0
  }
}

const TICK_MS = 10
const WINDOW_MS = 1000
const ticks: Array<{ at: number, late: number }> = []
let nextTickAt = performance.now() + TICK_MS
let waitedAt = runQueueWaitMs()
setInterval(() => {
  const now = performance.now()
  const waited = runQueueWaitMs()
  // A tick is late because the process was busy (its own work, which counts against it) or because other processes
  // held the CPU (which does not): only the second part is kept.
  ticks.push({ at: now, late: Math.min(Math.max(0, now - nextTickAt), waited - waitedAt) })
  nextTickAt = now + TICK_MS
  waitedAt = waited
  while (ticks.length > 0 && ticks[0]!.at < now - WINDOW_MS) ticks.shift()
}, TICK_MS).unref()

/**
 * The longest a timer of this process was held up by other processes in the last second. On a loaded machine
 * the service's deadline timers, its stubs and the test's clock all wait for a CPU alike, which says nothing about
 * the service; an idle machine measures about nothing. Upper bounds on times the service controls add it.
 */
export function lateness (): number {
  return ticks.reduce((max, tick) => Math.max(max, tick.late), 0)
}
