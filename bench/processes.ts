// Starting, probing and stopping the benchmark's processes: stubs, servers under test, load generator.
import { execFileSync, fork, spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Behaviour, StubId, StubStats } from './stub-providers.js'
import { TUTOR_SYSTEM_PROMPT } from '../src/services/prompts.js'
import type { FromLoadGenerator, LoadJob, LoadResult, ToLoadGenerator } from './load-protocol.js'

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
/**
 * The bundle `npm run build` ends with (scripts/bundle.mjs): what `npm start` and the image run.
 * BENCH_SERVER_ENTRY=dist/src/server.js runs tsc's file-by-file build instead, whose CPU profiles name each
 * package and source file (in the bundle's, every function is in dist/server.mjs).
 */
export const SERVER_ENTRY = path.resolve(REPO_ROOT, process.env.BENCH_SERVER_ENTRY ?? path.join('dist', 'server.mjs'))
const BASELINE_ENTRY = path.join(REPO_ROOT, 'bench', 'baseline.mjs')
const TSX = ['--import', 'tsx']

export async function freePort (): Promise<number> {
  return await new Promise((resolve, reject) => {
    const server = net.createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo
      server.close(() => resolve(port))
    })
  })
}

async function waitForMessage<T> (child: ChildProcess, accept: (m: T) => boolean, what: string, timeoutMs = 30_000): Promise<T> {
  return await new Promise((resolve, reject) => {
    const timer = setTimeout(() => fail(new Error(`${what} did not start within ${timeoutMs} ms`)), timeoutMs)
    const onMessage = (m: T): void => {
      if (!accept(m)) return
      cleanup()
      resolve(m)
    }
    const onExit = (code: number | null): void => fail(new Error(`${what} exited with code ${code ?? 'null'} before it was ready`))
    const cleanup = (): void => {
      clearTimeout(timer)
      child.off('message', onMessage)
      child.off('exit', onExit)
    }
    const fail = (err: Error): void => {
      cleanup()
      reject(err)
    }
    child.on('message', onMessage)
    child.once('exit', onExit)
  })
}

export async function stopProcess (child: ChildProcess, graceMs = 5000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return
  const exited = new Promise<void>(resolve => child.once('exit', () => resolve()))
  child.kill('SIGTERM')
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs)
  await exited
  clearTimeout(timer)
}

/** Keeps the last lines a child wrote, to explain a crash without flooding the report. */
function tail (child: ChildProcess, lines: string[], keep = 20): void {
  const add = (chunk: Buffer): void => {
    for (const line of chunk.toString('utf8').split('\n')) {
      if (line.trim() === '') continue
      lines.push(line)
      if (lines.length > keep) lines.shift()
    }
  }
  child.stdout?.on('data', add)
  child.stderr?.on('data', add)
}

export interface StubsHandle {
  pid: number
  ports: Record<StubId, number>
  configure: (id: StubId, behaviour: Partial<Behaviour>) => Promise<void>
  stats: (id: StubId) => Promise<StubStats>
  resetStats: () => Promise<void>
  stop: () => Promise<void>
}

export async function startStubProcess (): Promise<StubsHandle> {
  const child = fork(path.join(REPO_ROOT, 'bench', 'stub-providers.ts'), [], { cwd: REPO_ROOT, execArgv: TSX, stdio: ['ignore', 'pipe', 'pipe', 'ipc'] })
  const output: string[] = []
  tail(child, output)
  const ready = await waitForMessage<{ type: string, ports: Record<StubId, number> }>(child, m => m.type === 'ready', 'stub providers')
  const base = (id: StubId): string => `http://127.0.0.1:${ready.ports[id]}`
  return {
    pid: child.pid as number,
    ports: ready.ports,
    async configure (id, behaviour) {
      const res = await fetch(`${base(id)}/__bench/behaviour`, { method: 'PUT', body: JSON.stringify(behaviour) })
      if (!res.ok) throw new Error(`stub ${id} refused the behaviour: ${res.status}`)
      await res.arrayBuffer()
    },
    async stats (id) {
      const res = await fetch(`${base(id)}/__bench/stats`)
      return await res.json() as StubStats
    },
    async resetStats () {
      for (const id of Object.keys(ready.ports) as StubId[]) await (await fetch(`${base(id)}/__bench/stats`, { method: 'DELETE' })).arrayBuffer()
    },
    stop: async () => await stopProcess(child)
  }
}

/** The environment both the service and the baseline read: three providers on the stubs, nothing else. */
export function providerEnv (ports: Record<StubId, number>, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    // Only what a process needs: a developer's real keys or REDIS_URL must not leak into the measurement.
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    OPENAI_API_KEY: 'bench-openai-key',
    OPENAI_BASE_URL: `http://127.0.0.1:${ports.openai}/v1`,
    GEMINI_API_KEY: 'bench-gemini-key',
    GEMINI_BASE_URL: `http://127.0.0.1:${ports.gemini}`,
    HF_TOKEN: 'bench-hf-token',
    HF_BASE_URL: `http://127.0.0.1:${ports.hf}/v1`,
    KNOWLEDGE: 'off',
    RATE_LIMIT_MAX: '0',
    CACHE_TTL_S: '0',
    ...extra
  }
}

export interface ServerHandle {
  name: string
  url: string
  pid: number
  child: ChildProcess
  output: string[]
  stop: () => Promise<void>
  /** Why the process ended, when it ended before stop() (a crash mid-scenario). */
  died: () => string | undefined
}

function watchExit (child: ChildProcess, output: string[]): () => string | undefined {
  let stopping = false
  let died: string | undefined
  child.once('exit', (code, signal) => {
    if (!stopping) died = `exited with ${signal ?? `code ${String(code)}`}; last output: ${output.slice(-8).join(' | ') || '(none)'}`
  })
  const kill = child.kill.bind(child)
  child.kill = (signal?: NodeJS.Signals | number) => {
    stopping = true
    return kill(signal)
  }
  return () => died
}

async function waitUntilServing (url: string, child: ChildProcess, output: string[], timeoutMs = 30_000, everyMs = 5): Promise<number> {
  const started = performance.now()
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with code ${child.exitCode}: ${output.join(' | ')}`)
    try {
      const res = await fetch(url)
      await res.arrayBuffer()
      if (res.status === 200) return performance.now() - started
    } catch {
      // Not listening yet.
    }
    if (performance.now() - started > timeoutMs) throw new Error(`${url} did not answer 200 within ${timeoutMs} ms: ${output.join(' | ')}`)
    await new Promise(resolve => setTimeout(resolve, everyMs))
  }
}

/** How to start one server under test: the command for a port, and the path a probe polls until it answers 200. */
export interface ServerCommand {
  name: string
  args: (port: number) => string[]
  env: NodeJS.ProcessEnv
  healthPath: string
  cwd?: string
}

/** The real service, built, as its own process: `node dist/server.mjs`, default heap settings. */
export function serviceCommand (env: NodeJS.ProcessEnv, nodeArgs: string[] = []): ServerCommand {
  return { name: 'iscoolgpt', args: () => [...nodeArgs, SERVER_ENTRY], env, healthPath: '/health' }
}

/** The bare baseline (bench/baseline.mjs), plain JavaScript run by node itself. */
export function baselineCommand (env: NodeJS.ProcessEnv): ServerCommand {
  return { name: 'baseline', args: () => [BASELINE_ENTRY], env: { ...env, BENCH_SYSTEM_PROMPT: TUTOR_SYSTEM_PROMPT }, healthPath: '/health' }
}

export const PORTKEY_DIR = path.join(REPO_ROOT, 'bench', 'portkey')
// Installed outside the repository: tap's coverage settings list every file under bench/, and the gateway's
// node_modules would make that list too long to pass to a test process.
const PORTKEY_INSTALL = path.join(process.env.XDG_CACHE_HOME ?? path.join(os.homedir(), '.cache'), 'iscoolgpt-bench', 'portkey')
const PORTKEY_ENTRY = path.join(PORTKEY_INSTALL, 'node_modules', '@portkey-ai', 'gateway', 'build', 'start-server.js')

/**
 * The Portkey AI gateway at the version bench/portkey/package.json pins, installed on first use into a cache
 * folder; the reason instead when it cannot be installed (no registry, no disk), and the comparison is left out.
 */
export function portkeyCommand (env: NodeJS.ProcessEnv): ServerCommand | string {
  const lock = path.join(PORTKEY_DIR, 'package-lock.json')
  const installedLock = path.join(PORTKEY_INSTALL, 'package-lock.json')
  if (!existsSync(PORTKEY_ENTRY) || !existsSync(installedLock) || readFileSync(installedLock, 'utf8') !== readFileSync(lock, 'utf8')) {
    mkdirSync(PORTKEY_INSTALL, { recursive: true })
    copyFileSync(path.join(PORTKEY_DIR, 'package.json'), path.join(PORTKEY_INSTALL, 'package.json'))
    copyFileSync(lock, installedLock)
    // Its only install script applies patches the published package does not ship.
    const result = spawnSync('npm', ['ci', '--no-audit', '--no-fund', '--ignore-scripts'], { cwd: PORTKEY_INSTALL, encoding: 'utf8', timeout: 180_000 })
    if (result.status !== 0 || !existsSync(PORTKEY_ENTRY)) {
      return `npm ci of bench/portkey/ failed (${result.error?.message ?? `exit ${String(result.status)}`}): ${(result.stderr ?? '').trim().split('\n').slice(-2).join(' ')}`
    }
  }
  // Production mode and --headless: no console UI, no log streaming, as a gateway in service runs.
  return {
    name: 'portkey',
    args: port => [path.join(PORTKEY_DIR, 'start.mjs'), PORTKEY_ENTRY, `--port=${port}`, '--headless'],
    env: { PATH: env.PATH, HOME: env.HOME, NODE_ENV: 'production' },
    healthPath: '/',
    cwd: PORTKEY_INSTALL
  }
}

export async function startServer (command: ServerCommand): Promise<ServerHandle & { readyMs: number }> {
  const port = await freePort()
  const started = performance.now()
  const child = spawn(process.execPath, command.args(port), { cwd: command.cwd ?? REPO_ROOT, env: { ...command.env, PORT: String(port) }, stdio: ['ignore', 'pipe', 'pipe'] })
  const output: string[] = []
  tail(child, output)
  const died = watchExit(child, output)
  const url = `http://127.0.0.1:${port}`
  try {
    await waitUntilServing(`${url}${command.healthPath}`, child, output)
  } catch (err) {
    await stopProcess(child)
    throw err
  }
  const readyMs = performance.now() - started
  return { name: command.name, url, pid: child.pid as number, child, output, readyMs, died, stop: async () => await stopProcess(child, 15_000) }
}

export async function startService (env: NodeJS.ProcessEnv, nodeArgs: string[] = []): Promise<ServerHandle & { readyMs: number }> {
  return await startServer(serviceCommand(env, nodeArgs))
}

export async function startBaseline (env: NodeJS.ProcessEnv): Promise<ServerHandle> {
  return await startServer(baselineCommand(env))
}

export interface LoadGenerator {
  pid: number
  run: (job: Omit<LoadJob, 'id'>) => Promise<LoadResult>
  stop: () => Promise<void>
}

export async function startLoadGenerator (): Promise<LoadGenerator> {
  const child = fork(path.join(REPO_ROOT, 'bench', 'load-generator.ts'), [], { cwd: REPO_ROOT, execArgv: TSX, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] })
  await waitForMessage<FromLoadGenerator>(child, m => m.type === 'ready', 'load generator')
  let nextId = 1
  return {
    pid: child.pid as number,
    async run (job) {
      const id = nextId++
      const reply = waitForMessage<FromLoadGenerator>(child, m => (m.type === 'result' && m.result.id === id) || (m.type === 'failed' && m.id === id), 'load run', (job.warmupS + job.durationS + job.timeoutS) * 1000 + 60_000)
      child.send({ type: 'job', job: { ...job, id } } satisfies ToLoadGenerator)
      const message = await reply
      if (message.type === 'failed') throw new Error(`load run failed: ${message.message}`)
      if (message.type !== 'result') throw new Error('unexpected message from the load generator')
      return message.result
    },
    async stop () {
      if (child.connected) child.send({ type: 'exit' } satisfies ToLoadGenerator)
      await stopProcess(child)
    }
  }
}

const CLOCK_TICKS_PER_S = ((): number => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100
  } catch {
    return 100
  }
})()

/** CPU time (user + system) a process has used so far, in ms, from /proc (Linux). Unlike wall-clock
 * figures it does not grow when other processes compete for the cores. */
export function readCpuMs (pid: number): number {
  try {
    // Fields after the command name, which is in parentheses and may hold spaces.
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? []
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS_PER_S
  } catch {
    return Number.NaN
  }
}

export interface Memory { rssMB: number, peakRssMB: number }

/** Resident memory of a process from /proc (Linux): VmRSS now, VmHWM the peak since it started. */
export function readMemory (pid: number): Memory | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8')
    const kb = (field: string): number => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? Number.NaN)
    return { rssMB: kb('VmRSS') / 1024, peakRssMB: kb('VmHWM') / 1024 }
  } catch {
    return undefined
  }
}

export interface HeapFigures { heapUsedMB: number, heapTotalMB: number, externalMB: number }

/** V8 heap figures from the service's own /metrics (prom-client's default metrics), when it exposes them. */
export async function readHeap (serviceUrl: string): Promise<HeapFigures | undefined> {
  try {
    const res = await fetch(`${serviceUrl}/metrics`)
    const text = await res.text()
    if (res.status !== 200) return undefined
    const metric = (name: string): number => Number(new RegExp(`^${name}(?:\\{[^}]*\\})? ([0-9.e+]+)$`, 'm').exec(text)?.[1] ?? Number.NaN) / 2 ** 20
    const figures = { heapUsedMB: metric('nodejs_heap_size_used_bytes'), heapTotalMB: metric('nodejs_heap_size_total_bytes'), externalMB: metric('nodejs_external_memory_bytes') }
    return Number.isFinite(figures.heapUsedMB) ? figures : undefined
  } catch {
    return undefined
  }
}

export interface ColdStart {
  /** Spawn to the first 200 of the health path. */
  ms: number
  /** VmRSS a second after that, with no request served: what an idle replica holds. */
  idleRssMB: number
}

/** Polls the health path like an orchestrator would: spawn to the first 200, then the idle RSS a second later. */
export async function coldStart (command: ServerCommand, pollPath = command.healthPath): Promise<ColdStart> {
  const port = await freePort()
  const started = performance.now()
  const child = spawn(process.execPath, command.args(port), { cwd: command.cwd ?? REPO_ROOT, env: { ...command.env, PORT: String(port) }, stdio: ['ignore', 'pipe', 'pipe'] })
  const output: string[] = []
  tail(child, output)
  try {
    await waitUntilServing(`http://127.0.0.1:${port}${pollPath}`, child, output, 30_000, 5)
    const ms = performance.now() - started
    await new Promise(resolve => setTimeout(resolve, 1000))
    return { ms, idleRssMB: readMemory(child.pid as number)?.rssMB ?? Number.NaN }
  } finally {
    await stopProcess(child)
  }
}
