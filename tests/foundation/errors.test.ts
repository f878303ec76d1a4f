// Every error path answers with an RFC 9457 problem: status, media type, body.
import t, { type Test } from 'tap'
import type { FastifyInstance } from 'fastify'
import { build } from '../helper.js'
import { ref } from '../../schemas/ref.js'
import { AskRequestSchema } from '../../schemas/ask.js'
import { problemResponses } from '../../src/http/responses.js'

/** A route validated by the real AskRequest schema, to exercise the validator and error handler. */
async function withEcho (t: Parameters<typeof build>[0], env: Record<string, string> = {}): Promise<FastifyInstance> {
  const app = await build(t, env)
  app.post('/echo', {
    schema: { body: ref(AskRequestSchema), response: problemResponses(400, 413, 415, 500) }
  }, async request => request.body)
  app.get('/boom', async () => { throw new Error('database password is hunter2') })
  return app
}

function assertProblem (t: Test, res: { statusCode: number, headers: Record<string, unknown>, json: () => any }, status: number): any {
  t.equal(res.statusCode, status, `status ${status}`)
  t.match(String(res.headers['content-type']), /^application\/problem\+json/)
  const body = res.json()
  t.equal(body.status, status)
  t.type(body.type, 'string')
  t.type(body.title, 'string')
  t.type(body.detail, 'string')
  t.match(body.instance, /#/)
  t.notMatch(JSON.stringify(body), /\bat .*\.(ts|js):\d+|stack/i, 'no stack trace')
  return body
}

t.test('validation errors name each bad field', async t => {
  const app = await withEcho(t)
  const res = await app.inject({ method: 'POST', url: '/echo', payload: { question: '', strategy: 'magic', timeoutMs: 'soon' } })
  const body = assertProblem(t, res, 400)
  const fields = body.errors.map((e: { field: string }) => e.field).sort()
  t.same(fields, ['body/question', 'body/strategy', 'body/timeoutMs'])
  const strategy = body.errors.find((e: { field: string }) => e.field === 'body/strategy')
  t.match(strategy.message, /one of "auto", "vote"/)
})

t.test('a missing field is reported as required', async t => {
  const app = await withEcho(t)
  const body = assertProblem(t, await app.inject({ method: 'POST', url: '/echo', payload: {} }), 400)
  t.same(body.errors, [{ field: 'body/question', message: 'is required' }])
  t.equal(body.detail, 'body/question is required.')
})

t.test('wrong types are rejected, not coerced', async t => {
  const app = await withEcho(t)
  const body = assertProblem(t, await app.inject({ method: 'POST', url: '/echo', payload: { question: 42 } }), 400)
  t.same(body.errors.map((e: { field: string }) => e.field), ['body/question'])
})

t.test('unknown fields are a 400, not silently dropped', async t => {
  const app = await withEcho(t)
  const body = assertProblem(t, await app.inject({ method: 'POST', url: '/echo', payload: { question: 'What is S3?', temperature: 2 } }), 400)
  t.same(body.errors, [{ field: 'body/temperature', message: 'is not an accepted field' }])
})

t.test('a valid body passes through', async t => {
  const app = await withEcho(t)
  const res = await app.inject({ method: 'POST', url: '/echo', payload: { question: 'What is S3?', strategy: 'vote' } })
  t.equal(res.statusCode, 200)
  t.same(res.json(), { question: 'What is S3?', strategy: 'vote' })
})

t.test('malformed and empty JSON', async t => {
  const app = await withEcho(t)
  const bad = assertProblem(t, await app.inject({ method: 'POST', url: '/echo', headers: { 'content-type': 'application/json' }, payload: '{"question": ' }), 400)
  t.equal(bad.title, 'Malformed JSON')
  const empty = assertProblem(t, await app.inject({ method: 'POST', url: '/echo', headers: { 'content-type': 'application/json' }, payload: '' }), 400)
  t.match(empty.detail, /empty/)
})

t.test('413 when the body is over the limit', async t => {
  const app = await withEcho(t, { BODY_LIMIT_BYTES: '2048' })
  const body = assertProblem(t, await app.inject({ method: 'POST', url: '/echo', payload: { question: 'x'.repeat(5000) } }), 413)
  t.match(body.detail, /2048 bytes/)
})

t.test('415 for a content type other than JSON', async t => {
  const app = await withEcho(t)
  const body = assertProblem(t, await app.inject({ method: 'POST', url: '/echo', headers: { 'content-type': 'text/csv' }, payload: 'question\nhi' }), 415)
  t.match(body.detail, /text\/csv/)
})

t.test('404 and 405', async t => {
  const app = await withEcho(t)
  const nf = assertProblem(t, await app.inject({ method: 'GET', url: '/nope?x=1' }), 404)
  t.match(nf.detail, /GET \/nope/)
  const res = await app.inject({ method: 'DELETE', url: '/health' })
  const na = assertProblem(t, res, 405)
  t.equal(res.headers.allow, 'GET')
  t.match(na.detail, /DELETE is not allowed/)
})

t.test('500 hides the real error from the client', async t => {
  const app = await withEcho(t)
  const body = assertProblem(t, await app.inject({ method: 'GET', url: '/boom' }), 500)
  t.notMatch(JSON.stringify(body), /hunter2|database/)
  t.match(body.detail, /internal error/)
})

t.test('while closing, every new request gets a 503 problem with Retry-After and the request id, and its connection closes', async t => {
  const app = await build(t)
  t.equal((await app.inject({ url: '/health' })).statusCode, 200)
  app.beginClosing()
  for (const [method, url] of [['GET', '/health'], ['POST', '/api/ask'], ['GET', '/nowhere']] as const) {
    const res = await app.inject({ method, url, headers: { 'x-request-id': 'closing-1' }, ...(method === 'POST' ? { payload: { question: 'What is S3?' } } : {}) })
    t.equal(res.statusCode, 503, `${method} ${url}`)
    t.match(res.headers['content-type'], /^application\/problem\+json/)
    t.equal(res.headers['retry-after'], '1')
    t.equal(res.headers.connection, 'close')
    t.equal(res.headers['x-request-id'], 'closing-1')
    t.match(res.json(), { type: 'urn:iscoolgpt:problem:closing', status: 503, instance: `${url}#closing-1`, retryAfterS: 1 })
  }
})
