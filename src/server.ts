// Entry point: read .env and the environment, build the app, listen, shut down gracefully.
import closeWithGrace from 'close-with-grace'
import { setTimeout as sleep } from 'node:timers/promises'
import type { IncomingMessage } from 'node:http'
import type { Socket } from 'node:net'
import type { FastifyInstance } from 'fastify'
import { ConfigError, loadConfig, type Config } from './config.js'
import { applyEnvFile, EnvFileError, type EnvFileResult } from './env-file.js'
import { packageVersion } from './package-info.js'
import { ProviderConfigError } from './providers/provider-specs.js'

/** A mistake in the settings is the operator's to fix: one line saying what and where, exit 1, no stack trace. */
function refuse (message: string): never {
  process.stderr.write(`${message}\n`)
  process.exit(1)
}

let envFile: EnvFileResult
try {
  envFile = applyEnvFile(process.env, process.cwd())
} catch (err) {
  if (err instanceof EnvFileError) refuse(`Invalid configuration: ${err.message}`)
  throw err
}

let config: Config
try {
  config = loadConfig(process.env)
} catch (err) {
  if (err instanceof ConfigError) {
    const fromFile = envFile.status === 'read' && envFile.applied.includes(err.variable)
    refuse(`Invalid configuration: ${fromFile ? `${err.variable} must be ${err.expects} (got ${JSON.stringify(err.got)} from ${envFile.path})` : err.message}`)
  }
  if (err instanceof ProviderConfigError) refuse(`Invalid configuration: ${err.message}`)
  throw err
}

const pretty = config.logFormat === 'pretty' || (config.logFormat === 'auto' && process.stdout.isTTY)
let app: FastifyInstance
try {
  // Imported only once the settings are valid: a mistake is reported at once, before the app's modules load.
  // (The bundle loads every module of src/ at once, from dist/app.cjs and its code cache: scripts/bundle.mjs.)
  const { buildApp, loggerOptions } = await import('./app.js')
  app = await buildApp(config, {
    logger: loggerOptions(config, pretty ? { out: process.stdout, color: process.stdout.hasColors?.() ?? false } : undefined)
  })
} catch (err) {
  // Start-up errors (a duplicate provider id, an unreadable notes folder or price table) are the operator's to fix too.
  refuse(`Cannot start: ${err instanceof Error ? err.message : String(err)}`)
}

closeWithGrace({ delay: config.shutdownGraceMs }, async ({ signal, err }) => {
  if (err !== undefined) app.log.error({ err }, 'shutting down after an error')
  else app.log.info({ signal }, 'shutting down: finishing in-flight requests')
  // New requests get a 503 problem from now on, and every connection closes after its current request.
  app.beginClosing()
  // Closing the listener resets the connections the kernel has queued but Node has not accepted yet: keep
  // accepting (and answering 503) until connections stop arriving, within SHUTDOWN_DRAIN_MS.
  await drainListener(config.shutdownDrainMs)
  // close() drops the idle keep-alive connections and waits for the requests still being answered.
  await app.close()
  app.log.info('closed')
  // Idle keep-alive sockets to the providers would hold the event loop open for seconds; nothing is left to do.
  process.exit(err !== undefined ? 1 : 0)
})

let lastConnectionAt = 0
// Connections accepted whose first request has not been read yet. The process exits once the requests in
// flight are answered, and such a connection holds none: its client, which may already have sent its request
// (on a busy process the bytes can wait in the socket for a while after the accept), would be cut off.
const awaitingFirstRequest = new Set<Socket>()
app.server.on('connection', (socket: Socket) => {
  lastConnectionAt = Date.now()
  awaitingFirstRequest.add(socket)
  socket.once('close', () => awaitingFirstRequest.delete(socket))
})
app.server.on('request', (request: IncomingMessage) => { awaitingFirstRequest.delete(request.socket) })

/**
 * Resolves once no connection has arrived for a moment and every accepted one has had its request read
 * (and answered with a 503), or after `limitMs`: a client that connects and never sends holds it no longer.
 */
async function drainListener (limitMs: number): Promise<void> {
  const quietMs = 200
  const startedAt = Date.now()
  const until = startedAt + limitMs
  // Quiet is measured from the signal at the earliest: the connections a load balancer already sent
  // on their way get their 503 rather than a refused connection.
  const since = (): number => Date.now() - Math.max(lastConnectionAt, startedAt)
  const settled = (): boolean => since() >= quietMs && awaitingFirstRequest.size === 0
  while (Date.now() < until) {
    if (settled()) {
      // A timer runs before the loop's poll phase, where queued connections are accepted: on a busy process
      // they may have waited there all along. One turn of the loop accepts them before quiet is believed.
      await new Promise(resolve => setImmediate(resolve))
      if (settled()) return
    }
    await sleep(Math.min(50, Math.max(0, until - Date.now())))
  }
}

try {
  await app.listen({ port: config.port, host: config.host })
} catch (err) {
  const code = (err as NodeJS.ErrnoException).code
  const reason = code === 'EADDRINUSE' ? 'the port is in use; set PORT to a free one' : code === 'EACCES' ? 'permission denied; use a PORT above 1023' : err instanceof Error ? err.message : String(err)
  refuse(`Cannot listen on ${config.host}:${config.port}: ${reason}`)
}

/** The line a newcomer looks for: where to open it, what answers, and which settings file it read. */
function startupLine (): string {
  const address = app.server.address()
  const port = address !== null && typeof address === 'object' ? address.port : config.port
  const host = ['0.0.0.0', '::', ''].includes(config.host) ? 'localhost' : config.host.includes(':') ? `[${config.host}]` : config.host
  const base = `http://${host}:${port}`
  const providers = app.registry.all().map(p => p.id)
  const settings = envFile.status === 'read'
    ? `settings from ${envFile.path} (${envFile.applied.length} set${envFile.overridden.length > 0 ? `, ${envFile.overridden.length} overridden by the environment` : ''})`
    : `no .env in ${process.cwd()}, settings from the environment only`
  return `IsCoolGPT ${packageVersion} ready at ${base} (page ${base}/, API docs ${base}/docs) · providers: ${providers.length > 0 ? providers.join(', ') : 'none'} · ${settings}`
}

app.log.info(startupLine())
