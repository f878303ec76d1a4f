// Security headers on the page, the docs and the API (errors included), and CORS only for listed origins.
import t, { type Test } from 'tap'
import { build } from '../helper.js'
import { CONTENT_SECURITY_POLICY, DOCS_CONTENT_SECURITY_POLICY } from '../../src/plugins/external/helmet.js'

/** The policy the service promises, as written in its documentation. */
const PROMISED_CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'; form-action 'self'"

const directives = (policy: string): string[] => policy.split(';').map(d => d.trim().replace(/\s+/g, ' ')).filter(Boolean).sort()

const KEY = 'headers-key-0123456789'

function hasSecurityHeaders (t: Test, headers: Record<string, unknown>, what: string, policy = PROMISED_CSP): void {
  t.same(directives(String(headers['content-security-policy'])), directives(policy), `${what}: the CSP`)
  t.equal(headers['x-content-type-options'], 'nosniff', `${what}: nosniff`)
  t.equal(headers['x-frame-options'], 'DENY', `${what}: no framing`)
  t.equal(headers['referrer-policy'], 'no-referrer', `${what}: no referrer`)
  t.match(String(headers['strict-transport-security']), /max-age=\d+/, `${what}: HSTS`)
  t.equal(headers['cross-origin-opener-policy'], 'same-origin', `${what}: COOP`)
  t.equal(headers['cross-origin-resource-policy'], 'same-origin', `${what}: CORP`)
  t.equal(headers['x-powered-by'], undefined, `${what}: no x-powered-by`)
}

/** The docs' policy: the same, with Swagger UI's logo style block allowed by its hash. */
const DOCS_CSP = PROMISED_CSP.replace("style-src 'self'", "style-src 'self' 'sha256-RL3ie0nH+Lzz2YNqQN83mnU0J1ot4QL7b99vMdIX99w='")

t.test('the CSP is exactly the promised policy', async t => {
  t.same(directives(CONTENT_SECURITY_POLICY), directives(PROMISED_CSP))
  t.same(directives(DOCS_CONTENT_SECURITY_POLICY), directives(DOCS_CSP), 'the docs add one style hash and nothing else')
  for (const policy of [CONTENT_SECURITY_POLICY, DOCS_CONTENT_SECURITY_POLICY]) {
    t.notMatch(policy, /unsafe-inline|unsafe-eval|https:|\*/, 'nothing inline, nothing from elsewhere')
  }
})

t.test('the page, the docs and the API carry the security headers, errors too', async t => {
  const app = await build(t, { KNOWLEDGE: 'on', API_KEYS: `h:${KEY}`, RATE_LIMIT_MAX: '3' })
  const page = await app.inject({ url: '/' })
  t.equal(page.statusCode, 200)
  hasSecurityHeaders(t, page.headers, 'the page')
  const asset = /src="(\/assets\/[^"]+\.js)"/.exec(page.body)?.[1] ?? '/missing'
  hasSecurityHeaders(t, (await app.inject({ url: asset })).headers, 'a page asset')
  const docs = await app.inject({ url: '/docs' })
  t.equal(docs.statusCode, 200)
  hasSecurityHeaders(t, docs.headers, 'the docs', DOCS_CSP)
  hasSecurityHeaders(t, (await app.inject({ url: '/docs/static/swagger-ui-bundle.js' })).headers, 'the docs\' script', DOCS_CSP)
  hasSecurityHeaders(t, (await app.inject({ url: '/docs/json' })).headers, 'the OpenAPI document', DOCS_CSP)
  hasSecurityHeaders(t, (await app.inject({ url: '/health' })).headers, '/health')
  hasSecurityHeaders(t, (await app.inject({ url: '/api/providers', headers: { 'x-api-key': KEY } })).headers, 'an API answer')
  hasSecurityHeaders(t, (await app.inject({ url: '/v1/models', headers: { 'x-api-key': KEY } })).headers, 'a /v1 answer')
  hasSecurityHeaders(t, (await app.inject({ url: '/api/providers' })).headers, 'a 401')
  hasSecurityHeaders(t, (await app.inject({ url: '/api/providers', headers: { 'x-api-key': 'wrong-key-0000000' } })).headers, 'a 403')
  hasSecurityHeaders(t, (await app.inject({ url: '/nowhere' })).headers, 'a 404')
  hasSecurityHeaders(t, (await app.inject({ method: 'POST', url: '/api/ask', headers: { 'x-api-key': KEY }, payload: { question: 1 } })).headers, 'a 400')
  const limited = await app.inject({ url: '/api/providers', headers: { 'x-api-key': KEY } })
  t.equal(limited.statusCode, 429)
  hasSecurityHeaders(t, limited.headers, 'a 429')

  const badUrl = await app.inject({ url: '/api/%E0%A4%A' })
  t.equal(badUrl.statusCode, 400)
  t.match(String(badUrl.headers['content-type']), /^application\/problem\+json/, 'a URL Fastify cannot decode still gets a problem')
  t.equal(badUrl.headers['content-security-policy'], CONTENT_SECURITY_POLICY, 'with the policy')
  t.equal(badUrl.headers['x-content-type-options'], 'nosniff')
})

t.test('without CORS_ORIGINS no origin gets a CORS grant', async t => {
  const app = await build(t, { KNOWLEDGE: 'on' })
  const res = await app.inject({ url: '/api/providers', headers: { origin: 'https://elsewhere.example' } })
  t.equal(res.statusCode, 200, 'same-origin and non-browser clients are unaffected')
  t.equal(res.headers['access-control-allow-origin'], undefined)
  const preflight = await app.inject({ method: 'OPTIONS', url: '/api/ask', headers: { origin: 'https://elsewhere.example', 'access-control-request-method': 'POST' } })
  t.ok(preflight.statusCode >= 400, `the preflight fails (${preflight.statusCode})`)
  t.equal(preflight.headers['access-control-allow-origin'], undefined)
})

t.test('CORS_ORIGINS lists the origins that may call the API from a browser', async t => {
  const app = await build(t, { KNOWLEDGE: 'on', API_KEYS: `h:${KEY}`, CORS_ORIGINS: 'https://app.example, https://admin.example' })
  const preflight = await app.inject({
    method: 'OPTIONS',
    url: '/api/ask',
    headers: { origin: 'https://app.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type' }
  })
  t.equal(preflight.statusCode, 204, 'a preflight needs no key: browsers never send one with it')
  t.equal(preflight.headers['access-control-allow-origin'], 'https://app.example')
  t.match(String(preflight.headers['access-control-allow-methods']), /POST/)
  for (const header of ['authorization', 'x-api-key', 'content-type']) t.match(String(preflight.headers['access-control-allow-headers']), new RegExp(header))
  t.equal(preflight.headers['access-control-allow-credentials'], undefined, 'no credentialed requests: keys travel in headers, not cookies')

  const allowed = await app.inject({ url: '/api/providers', headers: { origin: 'https://admin.example', 'x-api-key': KEY } })
  t.equal(allowed.statusCode, 200)
  t.equal(allowed.headers['access-control-allow-origin'], 'https://admin.example')
  t.match(String(allowed.headers.vary), /origin/i, 'caches keep answers per origin')
  for (const header of ['x-request-id', 'retry-after', 'x-ratelimit-remaining']) t.match(String(allowed.headers['access-control-expose-headers']), new RegExp(header), `${header} is readable by the page`)

  const stranger = await app.inject({ url: '/api/providers', headers: { origin: 'https://evil.example', 'x-api-key': KEY } })
  t.equal(stranger.headers['access-control-allow-origin'], undefined, 'an unlisted origin gets no grant')
  const strangerPreflight = await app.inject({ method: 'OPTIONS', url: '/api/ask', headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' } })
  t.equal(strangerPreflight.headers['access-control-allow-origin'], undefined)

  const noKey = await app.inject({ url: '/api/providers', headers: { origin: 'https://app.example' } })
  t.equal(noKey.statusCode, 401, 'CORS does not replace the API key')
  t.equal(noKey.headers['access-control-allow-origin'], 'https://app.example', 'but the page can read why it failed')
})
