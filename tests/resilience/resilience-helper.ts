// Shared setup of the fault-injection suite: the app against the three stubs with short limits, and the checks every fault ends with.
import type { Test } from 'tap'
import type { FastifyInstance } from 'fastify'
import type { AskResponse, Candidate } from '../../schemas/ask.js'
import { build } from '../helper.js'
import { lateness, runQueueWaitMs } from '../support/timer-lateness.js'
import { startStubs, type Stubs } from '../stub-env.js'
import type { BuildOptions } from '../../src/app.js'
import type { RecordedRequest, StubServer } from '../stubs/stub-server.js'
import { setTimeout as sleep } from 'node:timers/promises'

export const QUESTION = 'What is the advantage of using Docker containers?'

/** Three wordings of one answer: the aggregator sees agreement, as with real models. */
export const ANSWERS = {
  openai: 'Docker containers package an application with its dependencies, so it runs the same everywhere and starts in seconds.',
  gemini: 'The main advantage of Docker containers is that an application ships with its dependencies, so it runs the same everywhere and starts in seconds.',
  huggingface: 'Using Docker containers, the application and its dependencies are packaged together: it runs the same way everywhere and containers start in seconds.'
} as const

export type ProviderId = keyof typeof ANSWERS

/** Timer and scheduling slack for upper bounds: tests share two cores with other work. */
export const SLACK = 250

export { lateness }

/** Where a measured stretch of time began: this process's run-queue wait up to then. */
export interface Mark {
  runQueueWaitMs: number
}

export function mark (): Mark {
  return { runQueueWaitMs: runQueueWaitMs() }
}

/** How long this process (app and stubs alike) has waited for a CPU since the mark: the machine's share of a stretch. */
export function waitedSince (since: Mark): number {
  return runQueueWaitMs() - since.runQueueWaitMs
}

/**
 * The margin for an upper bound on a time the service controls: SLACK (times the timer events the bound spans) plus
 * what the machine took. Given where the measured stretch began, that is all the time this process spent waiting for
 * a CPU since then: a stretch of many steps waits at each of them, far more than its longest single timer delay.
 * Without a mark, the longest timer lateness of the last second. An idle machine measures about nothing either way.
 */
export function slack (since?: Mark, times = 1): number {
  return since === undefined ? times * (SLACK + lateness()) : times * SLACK + waitedSince(since)
}

/** Limits short enough for tests, long enough to be measured apart on a busy machine. */
export const TEST_ENV: Record<string, string> = {
  RATE_LIMIT_MAX: '0',
  CACHE_TTL_S: '0',
  ASK_TIMEOUT_MS: '5000',
  PROVIDER_TIMEOUT_MS: '4000',
  RETRY_BASE_DELAY_MS: '100',
  RETRY_MAX_DELAY_MS: '1000'
}

export interface Rig {
  app: FastifyInstance
  stubs: Stubs
  stub: (id: ProviderId) => StubServer
}

/** The app on the three stubs, each answering its own wording until a test scripts a fault; ready before timing starts. */
export async function rig (t: Test, env: Record<string, string> = {}, options: BuildOptions = {}): Promise<Rig> {
  const stubs = await startStubs(t)
  const byId: Record<ProviderId, StubServer> = { openai: stubs.openai, gemini: stubs.gemini, huggingface: stubs.hf }
  for (const [id, stub] of Object.entries(byId)) stub.setBehaviour({ text: ANSWERS[id as ProviderId] })
  const app = await build(t, { ...stubs.env, ...TEST_ENV, ...env }, options)
  // Route schemas compile at ready, each SDK loads parts of itself on its first call, and the response
  // serializer compiles the validator of a union the first time it meets each branch (a failed candidate's
  // `error` object, say): one-off costs of a new process, not the time of an answer. A first question, with
  // one provider failing, warms them all; the stubs then forget it.
  await app.ready()
  byId.huggingface.enqueue({ type: 'error', status: 400, body: { error: { message: 'warm-up', type: 'invalid_request_error' } } })
  const warm = await app.inject({ method: 'POST', url: '/api/ask', payload: { question: QUESTION } })
  if (warm.statusCode !== 200) throw new Error(`warm-up question failed: ${warm.body}`)
  for (const [id, stub] of Object.entries(byId)) {
    stub.reset()
    stub.setBehaviour({ text: ANSWERS[id as ProviderId] })
  }
  app.providerStats.reset()
  return { app, stubs, stub: id => byId[id] }
}

export interface Asked {
  status: number
  body: AskResponse
  elapsedMs: number
  /** When the ask was sent, for slack(): the stub's timings of its requests fall after it too. */
  mark: Mark
  /** When the ask was sent, on the `performance.now()` clock the stubs stamp their requests with. */
  startedAt: number
  candidate: (id: string) => Candidate
}

export async function ask (app: FastifyInstance, payload: Record<string, unknown> = {}): Promise<Asked> {
  const since = mark()
  const started = performance.now()
  const res = await app.inject({ method: 'POST', url: '/api/ask', payload: { question: QUESTION, ...payload } })
  const elapsedMs = performance.now() - started
  const body = res.json() as AskResponse
  return {
    status: res.statusCode,
    body,
    elapsedMs,
    mark: since,
    startedAt: started,
    candidate: id => {
      const found = body.candidates?.find(c => c.provider === id)
      if (found === undefined) throw new Error(`no candidate for ${id}: ${res.body}`)
      return found
    }
  }
}

/** Milliseconds between consecutive requests' arrivals at a stub. */
export function gaps (requests: RecordedRequest[]): number[] {
  return requests.slice(1).map((r, i) => r.receivedAt - requests[i]!.receivedAt)
}

/**
 * How many requests the stub has recorded once `expected` have arrived or `withinMs` has passed. The answer can come
 * back before the stub has got to an attempt the client already gave up on, when one event loop runs both.
 */
export async function attemptsSeen (stub: StubServer, expected: number, withinMs = 2000): Promise<number> {
  await Promise.race([stub.waitForRequests(expected), sleep(withinMs)])
  return stub.requests.length
}

/** Milliseconds from each request's arrival to the end of its exchange (how long the attempt held the connection). */
export async function holds (stub: StubServer): Promise<number[]> {
  const closed = await Promise.all(stub.requests.map(async r => await stub.waitForClose(r)))
  return closed.map(r => (r.closedAt ?? r.receivedAt) - r.receivedAt)
}

/** After a fault, the next question with every provider healthy is answered by all three. */
export async function servesAfterwards (t: Test, r: Rig): Promise<void> {
  for (const id of Object.keys(ANSWERS) as ProviderId[]) {
    r.stub(id).reset()
    r.stub(id).setBehaviour({ text: ANSWERS[id] })
  }
  const after = await ask(r.app)
  if (after.status !== 200) t.comment(JSON.stringify(after.body))
  t.equal(after.status, 200, 'the server keeps serving')
  t.same(after.body.candidates.map(c => c.status), ['ok', 'ok', 'ok'], 'every provider answers the next question')
}

/** The answer was built from the providers that worked, never from the failed one. */
export function answeredWithout (t: Test, asked: Asked, ...failed: string[]): void {
  t.equal(asked.status, 200, 'answered')
  for (const id of failed) {
    t.not(asked.body.chosen?.provider, id, `not chosen: ${id}`)
    t.not(asked.candidate(id).filtered, null, `${id} took no part in the answer`)
  }
  const others = asked.body.candidates.filter(c => !failed.includes(c.provider))
  t.ok(others.every(c => c.status === 'ok'), 'the healthy providers answered')
  t.ok(others.some(c => c.text === asked.body.answer), 'the answer is one of the healthy providers\' answers')
}
