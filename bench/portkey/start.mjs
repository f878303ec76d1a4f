// Starts the Portkey AI gateway for `npm run bench`, listening on 127.0.0.1 only:
// `node bench/portkey/start.mjs <path of its build/start-server.js> --port=N --headless`.
// Its start script takes `--port=N` but no host and listens on every interface, so the one server it creates
// is given the loopback address here, before the gateway's own module runs.
import http from 'node:http'
import { pathToFileURL } from 'node:url'

const [entry] = process.argv.splice(2, 1)
if (entry === undefined) {
  process.stderr.write('usage: node bench/portkey/start.mjs <@portkey-ai/gateway/build/start-server.js> --port=N [--headless]\n')
  process.exit(1)
}

const listen = http.Server.prototype.listen
http.Server.prototype.listen = function (port, host, ...rest) {
  // @hono/node-server calls listen(port, hostname, callback) with hostname undefined unless configured.
  return typeof port === 'number' && (host === undefined || typeof host === 'function')
    ? listen.call(this, port, '127.0.0.1', ...(typeof host === 'function' ? [host, ...rest] : rest))
    : listen.call(this, port, host, ...rest)
}

await import(pathToFileURL(entry).href)
