// Shared test setup: build the app for a test and close it when the test ends.
import { Writable } from 'node:stream'
import { spawn, type ChildProcess } from 'node:child_process'
import { createHash } from 'node:crypto'
import { once } from 'node:events'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join, relative } from 'node:path'
import type { FastifyInstance } from 'fastify'
import { buildApp, loggerOptions, type BuildOptions } from '../src/app.js'
import { loadConfig } from '../src/config.js'
import { packageRoot } from '../src/package-info.js'

interface Teardown { teardown: (fn: () => unknown) => void }

/**
 * Learned reliability goes to a directory of this test process's own, so what one test learns never
 * steers another's answers and nothing is written into the checkout.
 */
const TEST_DATA_DIR = mkdtempSync(join(tmpdir(), 'iscoolgpt-test-data-'))
process.on('exit', () => { rmSync(TEST_DATA_DIR, { recursive: true, force: true }) })

export const TEST_DEFAULTS: Record<string, string> = { KNOWLEDGE: 'off', CACHE_TTL_S: '0', SHED_EVENT_LOOP_DELAY_MS: '0', DATA_DIR: TEST_DATA_DIR }

/**
 * Gives a group of tests a data directory of its own until `t` ends: the test files of an area share one process
 * (one subtest per former file), and what one group's apps learn about the providers must not steer the next
 * group's answers any more than it did when each was a process of its own.
 */
export function isolateData (t: Teardown): void {
  const previous = TEST_DEFAULTS.DATA_DIR
  TEST_DEFAULTS.DATA_DIR = mkdtempSync(join(TEST_DATA_DIR, 'group-'))
  t.teardown(() => { TEST_DEFAULTS.DATA_DIR = previous })
}

/**
 * Builds the app from an environment. The course notes and the answer cache are off unless the test turns them on:
 * a test that asks the same question twice expects the providers to be asked twice. Shedding on event-loop
 * delay is off too: the stubs share the test's event loop and tap runs files side by side, so the loop's
 * delay there measures the test machine, not the service (tests that exercise it turn it on).
 */
export async function build (t: Teardown, env: Record<string, string> = {}, options: BuildOptions = {}): Promise<FastifyInstance> {
  const app = await buildApp(loadConfig({ ...TEST_DEFAULTS, ...env }), { logger: false, ...options })
  t.teardown(async () => await app.close())
  return app
}

/** A pino destination that keeps every log line, for asserting what reaches the logs. */
export function captureLogs (): { lines: string[], stream: Writable } {
  const lines: string[] = []
  const stream = new Writable({
    write (chunk, _enc, cb) {
      lines.push(...String(chunk).split('\n').filter(Boolean))
      cb()
    }
  })
  return { lines, stream }
}

/** Builds the app with the production logger configuration, writing into `stream`. */
export async function buildWithLogs (t: Teardown, env: Record<string, string>, stream: Writable, options: BuildOptions = {}): Promise<FastifyInstance> {
  const config = loadConfig({ ...TEST_DEFAULTS, ...env })
  const app = await buildApp(config, { ...options, logger: { ...loggerOptions(config), level: 'debug', stream } })
  t.teardown(async () => await app.close())
  return app
}

export interface ServerProcess {
  child: ChildProcess
  url: string
  output: () => string
}

function typeScriptSources (dir: string, found: string[] = []): string[] {
  for (const item of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, item.name)
    if (item.isDirectory()) typeScriptSources(path, found)
    else if (item.name.endsWith('.ts') && !item.name.endsWith('.d.ts')) found.push(path)
  }
  return found
}

let builtEntry: string | undefined

/**
 * The compiled server entry (server.js) that process tests start: src/ and schemas/ compiled file by file by esbuild
 * into the layout `npm start` runs from dist/, once per version of the sources for the whole test run, under
 * .tap/test-server/<hash of the sources>/. Starting it costs a fraction of compiling the sources in every server
 * process (tsx), and tap runs these files side by side with the rest of the suite. Types are checked by
 * `npm run typecheck`, which `npm test` runs first.
 */
export function serverEntry (): string {
  if (builtEntry !== undefined) return builtEntry
  const files = [...typeScriptSources(join(packageRoot, 'src')), ...typeScriptSources(join(packageRoot, 'schemas'))]
    .map(f => relative(packageRoot, f)).sort()
  const hash = createHash('sha256').update(readFileSync(join(packageRoot, 'package.json')))
  for (const f of files) hash.update(`\0${f}\0`).update(readFileSync(join(packageRoot, f)))
  const root = join(packageRoot, '.tap', 'test-server')
  const dir = join(root, hash.digest('hex').slice(0, 16))
  const entry = join(dir, 'src', 'server.js')
  if (!existsSync(entry)) {
    // Test files start side by side: each compiles into a directory of its own and renames it into place, so none
    // ever sees half a build; the second to finish keeps the first one's (identical) output.
    mkdirSync(root, { recursive: true })
    const scratch = mkdtempSync(`${dir}.`)
    const esbuild = createRequire(import.meta.url)('esbuild') as typeof import('esbuild')
    esbuild.buildSync({
      entryPoints: files, absWorkingDir: packageRoot, outdir: scratch, outbase: '.', bundle: false,
      format: 'esm', platform: 'node', target: 'node20', sourcemap: true, logLevel: 'error'
    })
    try {
      renameSync(scratch, dir)
    } catch {
      rmSync(scratch, { recursive: true, force: true })
    }
    // Builds of sources that have since changed, left by earlier runs (not by one still going: those are recent).
    for (const old of readdirSync(root)) {
      const path = join(root, old)
      if (path !== dir && Date.now() - statSync(path).mtimeMs > 3600000) rmSync(path, { recursive: true, force: true })
    }
  }
  builtEntry = entry
  return entry
}

/**
 * A module of src/ in the tree serverEntry() compiles, for tests that run a command-line entry point: starting it
 * there costs a fraction of tsx compiling the entry and everything it imports again in every child process.
 */
export function compiledModule (source: string): string {
  return join(dirname(dirname(serverEntry())), source.replace(/\.ts$/, '.js'))
}

/**
 * An empty working directory for a server process: the server reads `.env` from its working directory, and a
 * developer's own `.env` in the clone (real keys, say) must not reach a test.
 */
export function emptyWorkDir (t: Teardown): string {
  const dir = mkdtempSync(join(tmpdir(), 'iscoolgpt-cwd-'))
  t.teardown(() => { rmSync(dir, { recursive: true, force: true }) })
  return dir
}

/**
 * Starts the real server entry (compiled by serverEntry()) on a free port and waits for its start-up line.
 * Delay-based shedding is off as in build(): the process starts on a machine busy with the other test files,
 * and its loop's lateness there says nothing about the service (tests that exercise shedding turn it on).
 */
export async function startServer (t: Teardown, env: Record<string, string> = {}, cwd = emptyWorkDir(t)): Promise<ServerProcess> {
  const child = spawn(process.execPath, [serverEntry()], {
    cwd,
    env: { PATH: process.env.PATH, HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'info', DATA_DIR: TEST_DEFAULTS.DATA_DIR, SHED_EVENT_LOOP_DELAY_MS: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe']
  })
  let out = ''
  child.stdout?.on('data', d => { out += String(d) })
  child.stderr?.on('data', d => { out += String(d) })
  t.teardown(() => { if (child.exitCode === null) child.kill('SIGKILL') })
  const url = await new Promise<string>((resolve, reject) => {
    // Far above a start on a loaded machine: a hang fails, a slow machine does not.
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${out}`)), 180000)
    const onData = (): void => {
      // The start-up line, written once the server listens and everything is loaded.
      const m = /IsCoolGPT \S+ ready at (http:\/\/127\.0\.0\.1:\d+)/.exec(out)
      if (m?.[1] !== undefined) { clearTimeout(timer); resolve(m[1]) }
    }
    child.stdout?.on('data', onData)
    child.once('exit', code => { clearTimeout(timer); reject(new Error(`server exited with ${String(code)}:\n${out}`)) })
  })
  return { child, url, output: () => out }
}

export async function waitForExit (child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null) return child.exitCode
  const [code] = await once(child, 'exit') as [number | null]
  return code
}
