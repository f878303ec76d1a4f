// JSON bodies must be UTF-8 (RFC 8259): invalid byte sequences are a 400, not silently turned into U+FFFD.
import fp from 'fastify-plugin'
import { isUtf8 } from 'node:buffer'
import type { FastifyInstance } from 'fastify'
import { HttpProblem, ProblemType } from '../http/problem.js'

async function strictJsonPlugin (app: FastifyInstance): Promise<void> {
  // Fastify's own parser keeps doing the parsing, with its __proto__ and constructor poisoning checks.
  const parseJson = app.getDefaultJsonParser('error', 'error')
  app.removeContentTypeParser('application/json')
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body, done) => {
    const raw = body as Buffer
    if (!isUtf8(raw)) {
      done(new HttpProblem({ status: 400, type: ProblemType.malformedJson, title: 'Malformed JSON', detail: 'The body is not valid UTF-8.' }), undefined)
      return
    }
    parseJson(request, raw.toString('utf8'), done)
  })
}

export default fp(strictJsonPlugin, { name: 'iscoolgpt-strict-json' })
