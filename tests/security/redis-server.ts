// A throw-away redis-server on a free 127.0.0.1 port for one test file, or a printed notice when none is installed.
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync } from 'node:fs'
import { createServer } from 'node:net'
import { delimiter, join } from 'node:path'

interface Teardown { teardown: (fn: () => unknown) => void }

export interface RedisServer {
  url: string
  port: number
  /** Stops the server (a test of what happens when Redis goes away); teardown does it otherwise. */
  stop: () => Promise<void>
}

export function findRedisServer (env: NodeJS.ProcessEnv = process.env): string | undefined {
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    const candidate = join(dir, 'redis-server')
    if (dir !== '' && existsSync(candidate)) return candidate
  }
  return undefined
}

export const NO_REDIS_NOTICE = 'no redis-server on PATH: shared-Redis tests skipped (apt-get install redis-server; .ci/run does)'

/** A port the kernel just handed out; redis-server cannot be asked for port 0 itself. */
async function freePort (): Promise<number> {
  return await new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      const port = typeof address === 'object' && address !== null ? address.port : 0
      server.close(() => resolve(port))
    })
  })
}

async function launch (binary: string, port: number): Promise<ChildProcess> {
  const child = spawn(binary, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--loglevel', 'notice'], { stdio: ['ignore', 'pipe', 'pipe'] })
  let out = ''
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => { child.kill('SIGKILL'); reject(new Error(`redis-server did not start:\n${out}`)) }, 10000)
    const onData = (chunk: Buffer): void => {
      out += String(chunk)
      if (/Ready to accept connections/.test(out)) { clearTimeout(timer); resolve() }
    }
    child.stdout?.on('data', onData)
    child.stderr?.on('data', onData)
    child.once('exit', code => { clearTimeout(timer); reject(new Error(`redis-server exited with ${String(code)}:\n${out}`)) })
  })
  return child
}

/** Starts redis-server, or returns undefined when it is not installed (the caller skips). */
export async function startRedis (t: Teardown): Promise<RedisServer | undefined> {
  const binary = findRedisServer()
  if (binary === undefined) return undefined
  let lastError: unknown
  // Another process may take the port between the probe and the start: try a few.
  for (let attempt = 0; attempt < 3; attempt++) {
    const port = await freePort()
    let child: ChildProcess
    try {
      child = await launch(binary, port)
    } catch (err) {
      lastError = err
      continue
    }
    const stop = async (): Promise<void> => {
      if (child.exitCode !== null || child.signalCode !== null) return
      const exited = new Promise(resolve => child.once('exit', resolve))
      child.kill('SIGTERM')
      await exited
    }
    t.teardown(stop)
    return { url: `redis://127.0.0.1:${port}`, port, stop }
  }
  throw lastError
}
