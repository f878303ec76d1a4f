import t from 'tap'
import { build } from '../helper.js'
import type { Provider } from '../../src/providers/types.js'

const answering: Provider = {
  id: 'local', kind: 'openai-compatible', model: 'm', weight: 1,
  async complete () { return { text: 'ok', finishReason: 'stop', usage: null, model: 'm' } }
}

t.test('GET /health reports status, version and uptime', async t => {
  const app = await build(t)
  const res = await app.inject({ method: 'GET', url: '/health' })
  t.equal(res.statusCode, 200)
  const body = res.json()
  t.equal(body.status, 'ok')
  t.match(body.version, /^\d+\.\d+\.\d+/)
  t.type(body.uptimeS, 'number')
  t.ok(body.uptimeS >= 0)
})

t.test('x-request-id is generated, kept when well-formed, replaced when not', async t => {
  const app = await build(t)
  const generated = await app.inject({ method: 'GET', url: '/health' })
  t.match(generated.headers['x-request-id'], /^[0-9a-f-]{36}$/)
  const kept = await app.inject({ method: 'GET', url: '/health', headers: { 'x-request-id': 'trace-123.abc' } })
  t.equal(kept.headers['x-request-id'], 'trace-123.abc')
  const bad = await app.inject({ method: 'GET', url: '/health', headers: { 'x-request-id': 'no spaces <script>' } })
  t.not(bad.headers['x-request-id'], 'no spaces <script>')
  t.match(bad.headers['x-request-id'], /^[0-9a-f-]{36}$/)
})

t.test('GET /ready is a 503 problem with no provider and 200 with one', async t => {
  const none = await build(t)
  const res = await none.inject({ method: 'GET', url: '/ready' })
  t.equal(res.statusCode, 503)
  t.match(res.headers['content-type'], /^application\/problem\+json/)
  const problem = res.json()
  t.equal(problem.status, 503)
  t.match(problem.detail, /OPENAI_API_KEY/)
  t.match(problem.instance, /^\/ready#/)

  const one = await build(t, {}, { providers: [answering] })
  const ok = await one.inject({ method: 'GET', url: '/ready' })
  t.equal(ok.statusCode, 200)
  t.same(ok.json(), { status: 'ready', providers: ['local'] })
})
