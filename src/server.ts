// Entry point: read the environment, build the app, listen, shut down gracefully.
import closeWithGrace from 'close-with-grace'
import { setTimeout as sleep } from 'node:timers/promises'
import { buildApp } from './app.js'
import { ConfigError, loadConfig, type Config } from './config.js'

let config: Config
try {
  config = loadConfig(process.env)
} catch (err) {
  if (err instanceof ConfigError) {
    process.stderr.write(`Invalid configuration: ${err.message}\n`)
    process.exit(1)
  }
  throw err
}

let app
try {
  app = await buildApp(config)
} catch (err) {
  // Start-up errors (a broken PROVIDERS_FILE, an unreadable notes folder) are the operator's to fix:
  // one line, no stack trace.
  process.stderr.write(`Cannot start: ${err instanceof Error ? err.message : String(err)}\n`)
  process.exit(1)
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
app.server.on('connection', () => { lastConnectionAt = Date.now() })

/** Resolves once no connection has arrived for a moment, or after `limitMs`. */
async function drainListener (limitMs: number): Promise<void> {
  const quietMs = 200
  const until = Date.now() + limitMs
  while (Date.now() < until && Date.now() - lastConnectionAt < quietMs) {
    await sleep(Math.min(50, until - Date.now()))
  }
}

try {
  await app.listen({ port: config.port, host: config.host })
} catch (err) {
  app.log.error({ err }, 'cannot listen')
  process.stderr.write(`Cannot listen on ${config.host}:${config.port}: ${err instanceof Error ? err.message : String(err)}\n`)
  process.exit(1)
}
