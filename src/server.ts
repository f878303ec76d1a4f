// Entry point: read the environment, build the app, listen, shut down gracefully.
import closeWithGrace from 'close-with-grace'
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
  // server.close() drops idle keep-alive connections once; a connection whose request finishes
  // afterwards would otherwise linger until its keep-alive timeout, so sweep until closed.
  const sweep = setInterval(() => app.server.closeIdleConnections(), 100)
  try {
    await app.close()
  } finally {
    clearInterval(sweep)
  }
  app.log.info('closed')
  // Idle keep-alive sockets to the providers would hold the event loop open for seconds; nothing is left to do.
  process.exit(err !== undefined ? 1 : 0)
})

try {
  await app.listen({ port: config.port, host: config.host })
} catch (err) {
  app.log.error({ err }, 'cannot listen')
  process.stderr.write(`Cannot listen on ${config.host}:${config.port}: ${err instanceof Error ? err.message : String(err)}\n`)
  process.exit(1)
}
