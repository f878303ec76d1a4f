// API-key authentication: who gets into /api and /v1, what the others see, and what stays public.
import t, { type Test } from 'tap'
import { build, buildWithLogs, captureLogs } from '../helper.js'
import { keyRing, presentedKey } from '../../src/plugins/auth.js'

const ALICE = 'alice-key-0123456789'
const UNNAMED = 'plain-key-9876543210'
const ENV = { API_KEYS: `alice:${ALICE}, ${UNNAMED}`, KNOWLEDGE: 'on', RATE_LIMIT_MAX: '0' }

type Injected = Awaited<ReturnType<Awaited<ReturnType<typeof build>>['inject']>>

function isProblem (t: Test, res: Injected, status: number, type: string): void {
  t.equal(res.statusCode, status, `status ${status}`)
  t.match(String(res.headers['content-type']), /^application\/problem\+json/)
  const body = res.json()
  t.equal(body.status, status)
  t.equal(body.type, type)
}

t.test('without a key the API answers 401 with a problem and a Bearer challenge', async t => {
  const app = await build(t, ENV)
  for (const [method, url, payload] of [['GET', '/api/providers'], ['POST', '/api/ask', { question: 'What is S3?' }], ['POST', '/api/prompt', { question: 'What is S3?' }], ['GET', '/api/knowledge?query=docker']] as const) {
    const res = await app.inject({ method, url, payload })
    isProblem(t, res, 401, 'urn:iscoolgpt:problem:unauthorized')
    t.equal(res.headers['www-authenticate'], 'Bearer realm="iscoolgpt"', `${url} challenges for a Bearer key`)
    t.match(res.json().detail, /Authorization: Bearer/)
  }
  // An unknown path under /api is not revealed to an unauthenticated caller either.
  isProblem(t, await app.inject({ url: '/api/does-not-exist' }), 401, 'urn:iscoolgpt:problem:unauthorized')
})

t.test('a key in another scheme, or an empty Bearer, counts as no key', async t => {
  const app = await build(t, ENV)
  for (const authorization of [`Basic ${Buffer.from(`alice:${ALICE}`).toString('base64')}`, 'Bearer', 'Bearer ', ALICE, `Token ${ALICE}`]) {
    isProblem(t, await app.inject({ url: '/api/providers', headers: { authorization } }), 401, 'urn:iscoolgpt:problem:unauthorized')
  }
  isProblem(t, await app.inject({ url: '/api/providers', headers: { 'x-api-key': '   ' } }), 401, 'urn:iscoolgpt:problem:unauthorized')
})

t.test('a wrong key answers 403 in either header', async t => {
  const app = await build(t, ENV)
  const wrong = ['nope-nope-nope', `${ALICE}x`, ALICE.slice(0, -1), ALICE.toUpperCase(), 'x'.repeat(4096)]
  for (const key of wrong) {
    isProblem(t, await app.inject({ url: '/api/providers', headers: { authorization: `Bearer ${key}` } }), 403, 'urn:iscoolgpt:problem:forbidden')
    isProblem(t, await app.inject({ url: '/api/providers', headers: { 'x-api-key': key } }), 403, 'urn:iscoolgpt:problem:forbidden')
  }
  const res = await app.inject({ method: 'POST', url: '/api/ask', headers: { 'x-api-key': 'nope-nope-nope' }, payload: { question: 'What is S3?' } })
  isProblem(t, res, 403, 'urn:iscoolgpt:problem:forbidden')
  t.equal(res.json().detail, 'The API key is not valid.')
  t.equal(res.headers['www-authenticate'], undefined, 'a 403 does not invite another scheme')
})

t.test('the right key is accepted in each header form', async t => {
  const app = await build(t, ENV)
  const forms: Array<Record<string, string>> = [
    { authorization: `Bearer ${ALICE}` },
    { authorization: `bearer ${ALICE}` },
    { authorization: `BEARER   ${ALICE}` },
    { 'x-api-key': ALICE },
    { authorization: `Bearer ${UNNAMED}` },
    { 'x-api-key': UNNAMED },
    // The Bearer header wins over a stale x-api-key.
    { authorization: `Bearer ${ALICE}`, 'x-api-key': 'stale-key-000000' }
  ]
  for (const headers of forms) {
    const res = await app.inject({ url: '/api/providers', headers })
    t.equal(res.statusCode, 200, `accepted: ${Object.keys(headers).join(' + ')}`)
    t.ok(Array.isArray(res.json().providers))
  }
  const ask = await app.inject({ method: 'POST', url: '/api/ask', headers: { 'x-api-key': ALICE }, payload: { question: 'What is a Docker image layer?' } })
  t.equal(ask.statusCode, 200, 'an ask goes through with a key')
  t.match(ask.json().answer, /layer/i)
})

t.test('/v1 errors keep the OpenAI shape so OpenAI clients raise their own exceptions', async t => {
  const app = await build(t, ENV)
  const missing = await app.inject({ url: '/v1/models' })
  t.equal(missing.statusCode, 401)
  t.match(String(missing.headers['content-type']), /^application\/json/)
  t.match(missing.json(), { error: { type: 'authentication_error', code: 'unauthorized', message: /API key is required/ } })
  const wrong = await app.inject({ method: 'POST', url: '/v1/chat/completions', headers: { authorization: 'Bearer nope-nope-nope' }, payload: { model: 'iscoolgpt', messages: [{ role: 'user', content: 'hi' }] } })
  t.equal(wrong.statusCode, 403)
  t.match(wrong.json(), { error: { type: 'permission_error', code: 'forbidden' } })
  const right = await app.inject({ url: '/v1/models', headers: { authorization: `Bearer ${ALICE}` } })
  t.equal(right.statusCode, 200)
  t.equal(right.json().object, 'list')
})

t.test('health, readiness, docs and the page stay public', async t => {
  const app = await build(t, ENV)
  for (const url of ['/health', '/ready', '/docs', '/docs/json', '/docs/yaml', '/', '/index.html']) {
    const res = await app.inject({ url })
    t.equal(res.statusCode, 200, `${url} needs no key`)
  }
  const html = (await app.inject({ url: '/' })).body
  const asset = /src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1]
  t.ok(asset, 'the page names its script')
  t.equal((await app.inject({ url: asset ?? '/' })).statusCode, 200, 'and its assets need no key')
  // A wrong key on a public route is ignored, not rejected.
  t.equal((await app.inject({ url: '/health', headers: { authorization: 'Bearer nope-nope-nope' } })).statusCode, 200)
})

t.test('with API_KEYS unset the API is open and the log says so once at start', async t => {
  const { lines, stream } = captureLogs()
  const app = await buildWithLogs(t, { KNOWLEDGE: 'on', RATE_LIMIT_MAX: '0' }, stream)
  await app.ready()
  const res = await app.inject({ url: '/api/providers' })
  t.equal(res.statusCode, 200)
  await app.inject({ url: '/api/providers' })
  const warnings = lines.filter(l => l.includes('API_KEYS is not set'))
  t.equal(warnings.length, 1, 'one warning at start, none per request')
  t.equal(JSON.parse(warnings[0] ?? '{}').level, 40, 'as a warning')
})

t.test('logs name the client, never the key', async t => {
  const { lines, stream } = captureLogs()
  const app = await buildWithLogs(t, ENV, stream)
  await app.inject({ url: '/api/providers', headers: { authorization: `Bearer ${ALICE}` } })
  await app.inject({ url: '/api/providers', headers: { 'x-api-key': UNNAMED } })
  await app.inject({ url: '/api/providers', headers: { 'x-api-key': 'wrong-key-55555555' } })
  const completed = lines.map(l => JSON.parse(l)).filter(l => l.msg === 'request completed')
  t.same(completed.map(l => l.client ?? null), ['alice', 'client-2', null], 'the access line names the client')
  const started = lines.find(l => l.includes('API keys required'))
  t.match(JSON.parse(started ?? '{}'), { clients: ['alice', 'client-2'] }, 'the start line lists client names')
  const all = lines.join('\n')
  t.notOk(all.includes(ALICE) || all.includes(UNNAMED), 'no configured key in any line')
  t.notOk(all.includes('wrong-key-55555555'), 'nor a presented wrong key')
  t.ok(lines.some(l => l.includes('rejected an unknown API key')), 'the rejection is logged')
})

t.test('the OpenAPI document marks API operations as optionally secured, and only those', async t => {
  const app = await build(t, ENV)
  await app.ready()
  const doc = app.swagger() as { paths: Record<string, Record<string, { security?: unknown }>>, components: { securitySchemes: Record<string, unknown> } }
  t.match(doc.components.securitySchemes, { bearerAuth: { type: 'http', scheme: 'bearer' }, apiKeyHeader: { type: 'apiKey', in: 'header', name: 'x-api-key' } })
  let api = 0
  for (const [path, operations] of Object.entries(doc.paths)) {
    for (const [method, operation] of Object.entries(operations)) {
      if (path.startsWith('/api/') || path.startsWith('/v1/')) {
        api++
        t.same(operation.security, [{ bearerAuth: [] }, { apiKeyHeader: [] }, {}], `${method} ${path} documents both schemes`)
      } else {
        t.equal(operation.security, undefined, `${method} ${path} is public`)
      }
    }
  }
  t.ok(api >= 5, 'every API operation was checked')
  // Generated without API_KEYS, the document is the same: it does not depend on the environment.
  const open = await build(t, { KNOWLEDGE: 'on' })
  await open.ready()
  t.same((open.swagger() as typeof doc).paths['/api/ask'], doc.paths['/api/ask'])
})

t.test('key comparison', async t => {
  const ring = keyRing([{ name: 'alice', key: ALICE }, { name: 'bob', key: 'bob-key-0123456789' }])
  t.equal(ring.clientOf(ALICE), 'alice')
  t.equal(ring.clientOf('bob-key-0123456789'), 'bob')
  t.equal(ring.clientOf(''), null, 'an empty key matches nobody')
  t.equal(ring.clientOf('a'), null, 'keys of other lengths are compared without throwing')
  t.equal(ring.clientOf('é'.repeat(10000)), null)
  t.equal(keyRing([]).clientOf(ALICE), null)
  const request = (headers: Record<string, string | string[]>): Parameters<typeof presentedKey>[0] => ({ headers }) as unknown as Parameters<typeof presentedKey>[0]
  t.equal(presentedKey(request({ authorization: `Bearer ${ALICE}` })), ALICE)
  t.equal(presentedKey(request({ 'x-api-key': ` ${ALICE} ` })), ALICE, 'surrounding spaces are not part of the key')
  t.equal(presentedKey(request({ 'x-api-key': [ALICE, 'other'] })), ALICE, 'a repeated header counts once')
  t.equal(presentedKey(request({ authorization: `Bearer ${ALICE} extra` })), undefined, 'a Bearer value with spaces is malformed')
})
