// Shared test setup: build the app for a test and close it when the test ends.
import { Writable } from 'node:stream'
import { spawn, type ChildProcess } from 'node:child_process'
import { once } from 'node:events'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
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

/** `node --import` value that loads tsx from this package whatever the working directory. */
export const TSX_IMPORT = `--import=${import.meta.resolve('tsx')}`

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
 * Starts the real server entry (src/server.ts through tsx) on a free port and waits for its start-up line.
 * Delay-based shedding is off as in build(): the process starts on a machine busy with the other test files,
 * and its loop's lateness there says nothing about the service (tests that exercise shedding turn it on).
 */
export async function startServer (t: Teardown, env: Record<string, string> = {}, cwd = emptyWorkDir(t)): Promise<ServerProcess> {
  const child = spawn(process.execPath, [TSX_IMPORT, join(packageRoot, 'src', 'server.ts')], {
    cwd,
    env: { PATH: process.env.PATH, HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'info', DATA_DIR: TEST_DATA_DIR, SHED_EVENT_LOOP_DELAY_MS: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe']
  })
  let out = ''
  child.stdout?.on('data', d => { out += String(d) })
  child.stderr?.on('data', d => { out += String(d) })
  t.teardown(() => { if (child.exitCode === null) child.kill('SIGKILL') })
  const url = await new Promise<string>((resolve, reject) => {
    // Far above a start on a loaded machine (tsx compiles the sources first): a hang fails, a slow machine does not.
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
