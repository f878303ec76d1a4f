// The access log: one line per API request at info; the page, its assets, the docs, probes and scrapes only at
// debug. Fastify's own pair of lines per request ("incoming request", "request completed") would double every
// request and log each health check and asset at info.
import { LogController, type FastifyReply, type FastifyRequest } from 'fastify'
import { isApiRequest } from '../plugins/auth.js'

/** Requests whose ask already wrote its summary line: that line is their access line. */
const summarized = new WeakSet<FastifyRequest>()

/** Marks a request as logged by its ask summary, so it does not get a second line. */
export function markSummarized (request: FastifyRequest): void {
  summarized.add(request)
}

export class RequestLog extends LogController {
  override incomingRequest (request: FastifyRequest): void {
    request.log.trace({ req: request }, 'incoming request')
  }

  override requestCompleted (error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply): void {
    const responseTime = Math.round(reply.elapsedTime * 10) / 10
    if (error !== null && error !== undefined) {
      reply.log.error({ req: request, res: reply, err: error, responseTime }, 'request errored')
      return
    }
    if (summarized.has(request)) return
    // A load balancer polls /health every few seconds and a browser fetches a dozen assets per page: at info
    // they would drown the questions, which are what an operator reads the log for.
    const level = isApiRequest(request) ? 'info' : 'debug'
    reply.log[level]({ req: request, res: reply, responseTime }, 'request completed')
  }
}
