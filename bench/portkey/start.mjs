// Starts the Portkey AI gateway (installed in this folder) for `npm run bench`, listening on 127.0.0.1 only.
// Its start script takes `--port=N` but no host and listens on every interface, so the one server it creates
// is given the loopback address here, before the gateway's own module runs.
import http from 'node:http'

const listen = http.Server.prototype.listen
http.Server.prototype.listen = function (port, host, ...rest) {
  // @hono/node-server calls listen(port, hostname, callback) with hostname undefined unless configured.
  return typeof port === 'number' && (host === undefined || typeof host === 'function')
    ? listen.call(this, port, '127.0.0.1', ...(typeof host === 'function' ? [host, ...rest] : rest))
    : listen.call(this, port, host, ...rest)
}

await import('@portkey-ai/gateway/build/start-server.js')
