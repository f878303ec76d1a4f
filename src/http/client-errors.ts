// Errors Node's HTTP parser raises before Fastify has a request (headers too slow or too large, a malformed
// request line): answered on the socket as problem+json, like every other error, then the socket is closed.
import { randomUUID } from 'node:crypto'
import { STATUS_CODES } from 'node:http'
import type { Socket } from 'node:net'
import { PROBLEM_CONTENT_TYPE, ProblemType } from './problem.js'

function answer (err: NodeJS.ErrnoException): { status: number, type: string, detail: string } {
  switch (err.code) {
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return { status: 408, type: ProblemType.requestTimeout, detail: 'The request did not arrive in time; the connection is closed.' }
    case 'HPE_HEADER_OVERFLOW':
      return { status: 431, type: ProblemType.generic, detail: 'The request headers are too large.' }
    default:
      return { status: 400, type: ProblemType.generic, detail: 'The request is not valid HTTP.' }
  }
}

export function clientErrorHandler (err: NodeJS.ErrnoException, socket: Socket): void {
  // A reset connection has nobody left to answer.
  if (err.code === 'ECONNRESET' || socket.destroyed) return
  const { status, type, detail } = answer(err)
  const id = randomUUID()
  const body = JSON.stringify({ type, title: STATUS_CODES[status] ?? 'Error', status, detail, instance: `#${id}` })
  // Only when no response has started on this connection: writing into one would corrupt it.
  const busy = (socket as Socket & { _httpMessage?: { headersSent?: boolean } })._httpMessage?.headersSent === true
  if (socket.writable && !busy) {
    socket.end(`HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}\r\nContent-Type: ${PROBLEM_CONTENT_TYPE}\r\nContent-Length: ${Buffer.byteLength(body)}\r\nX-Request-Id: ${id}\r\nConnection: close\r\n\r\n${body}`)
    // A client that does not read its answer does not keep the socket either.
    setTimeout(() => { socket.destroy() }, 1000).unref()
    return
  }
  socket.destroy()
}
