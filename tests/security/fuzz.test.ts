// Thousands of malformed requests (seeded, so a failure replays): every answer is a 4xx error in the route's
// error shape, nothing is a 500, nothing is logged as a failure, and the server still answers afterwards.
import t from 'tap'
import type { InjectOptions } from 'fastify'
import { buildWithLogs, captureLogs } from '../helper.js'
import { mulberry32 } from '../../src/eval/stats.js'

const SEED = Number(process.env.FUZZ_SEED ?? 20250611)
const COUNT = 2500
const KEY = 'fuzz-key-0123456789'
const BODY_LIMIT = 16384

/** A seeded generator: small, fast and good enough to pick cases; the same seed gives the same run. */
const prng = mulberry32

const random = prng(SEED)
const int = (min: number, max: number): number => min + Math.floor(random() * (max - min + 1))
const pick = <T>(items: readonly T[]): T => items[int(0, items.length - 1)] as T
const chance = (p: number): boolean => random() < p

function junkString (max: number): string {
  const alphabets = ['abcdefghijklmnopqrstuvwxyz ', '<>"\'&;{}[]()\\/%$#@!', 'ção ñ 漢字 🙂 \u202e \u0000 \u200b', '\t\r\n']
  let out = ''
  const length = int(0, max)
  for (let i = 0; i < length; i++) out += pick([...pick(alphabets)])
  return out
}

/** A value of any JSON type except the one named. */
function wrongType (not: 'string' | 'number' | 'integer' | 'array' | 'boolean' | 'object'): unknown {
  const candidates: Array<[string, () => unknown]> = [
    ['string', () => junkString(20)],
    ['number', () => pick([1.5, -3.25, 1e308, -0.5])],
    ['integer', () => pick([0, 42, -7, 2 ** 53])],
    ['boolean', () => chance(0.5)],
    ['null', () => null],
    ['array', () => pick([[], [1, 2], ['a'], [null], [[['x']]]])],
    ['object', () => pick([{}, { question: 'hi' }, { a: { b: 1 } }])]
  ]
  const usable = candidates.filter(([type]) => type !== not && !(not === 'number' && type === 'integer'))
  return pick(usable)[1]()
}

function deep (depth: number, kind: 'array' | 'object'): string {
  return kind === 'array' ? '['.repeat(depth) + ']'.repeat(depth) : '{"a":'.repeat(depth) + '1' + '}'.repeat(depth)
}

const VALID_ASK = { question: 'What is an availability zone?' }
const VALID_CHAT = { model: 'iscoolgpt', messages: [{ role: 'user', content: 'What is an availability zone?' }] }

/** Ask bodies that the schema must refuse, whatever else happens to them. */
function invalidAskBody (): Record<string, unknown> {
  const body: Record<string, unknown> = { ...VALID_ASK }
  switch (int(0, 11)) {
    case 0: body.question = wrongType('string'); break
    case 1: body.question = pick(['', 'x'.repeat(8001 + int(0, 3000))]); break
    case 2: body.providers = wrongType('array'); break
    case 3: body.providers = Array.from({ length: int(11, 40) }, (_, i) => `p${i}`); break
    case 4: body.providers = pick([[], ['openai', 'openai'], [1, 2], [''], ['x'.repeat(65)]]); break
    case 5: body.strategy = pick(['magic', 'AUTO', '', 3, null, ['vote']]); break
    case 6: body.timeoutMs = pick([99, 300001, -1, 1.5, '1000', 1e12, null]); break
    case 7: body.waitFor = pick(['some', 'ALL', 0, {}]); break
    case 8: body.maxCostUsd = pick([-1, '0.1', null, []]); break
    case 9: body[pick(['temperature', '__proto__x', 'constructor', 'question ', 'Question', junkString(8) + 'x'])] = wrongType('object'); break
    case 10: delete body.question; body.prompt = 'What is S3?'; break
    default: body.question = wrongType('string'); body.extra = deep(int(1, 50), 'array')
  }
  return body
}

/** Chat bodies the OpenAI facade must refuse (it accepts unknown fields, so only known ones are broken). */
function invalidChatBody (): Record<string, unknown> {
  const body: Record<string, unknown> = { ...VALID_CHAT, messages: [...VALID_CHAT.messages] }
  switch (int(0, 9)) {
    case 0: body.model = pick(['', 'x'.repeat(129), 7, null, ['iscoolgpt']]); break
    case 1: body.messages = pick([[], 'hi', null, {}, [1], [null]]); break
    case 2: body.messages = Array.from({ length: 257 }, () => ({ role: 'user', content: 'hi' })); break
    case 3: body.messages = [{ role: pick(['wizard', 'USER', '', 5]), content: 'hi' }]; break
    case 4: body.messages = [{ role: 'user', content: wrongType('string') }]; break
    case 5: body.stream = pick(['yes', 1, [], {}]); break
    case 6: body.n = pick([0, 2, 1.5, '1']); break
    case 7: body.messages = [{ role: 'user', content: 'hi' }, { role: 'assistant', content: 'last word' }]; break
    case 8: body.messages = [{ role: 'user', content: [{ type: 'image_url', image_url: { url: 'data:image/png;base64,AAAA' } }] }]; break
    default: body.tools = [{ type: 'function', function: { name: 'x' } }]
  }
  return body
}

interface Case { name: string, request: InjectOptions }

const auth = { authorization: `Bearer ${KEY}` }
const POSTS = [
  { url: '/api/ask', body: invalidAskBody, valid: VALID_ASK },
  { url: '/api/prompt', body: () => ({ question: pick([wrongType('string'), '', 'y'.repeat(8001)]) }), valid: VALID_ASK },
  { url: '/v1/chat/completions', body: invalidChatBody, valid: VALID_CHAT }
] as const

function insertBytes (text: string, bytes: number[]): Buffer {
  const raw = Buffer.from(text)
  const at = int(0, raw.length)
  return Buffer.concat([raw.subarray(0, at), Buffer.from(bytes), raw.subarray(at)])
}

function generate (): Case {
  const target = pick(POSTS)
  const json = { 'content-type': 'application/json', ...auth }
  switch (int(0, 10)) {
    case 0:
    case 1:
      return { name: 'schema-invalid body', request: { method: 'POST', url: target.url, headers: json, payload: JSON.stringify(target.body()) } }
    case 2: {
      const size = BODY_LIMIT + int(1, 200000)
      return { name: 'body over the limit', request: { method: 'POST', url: target.url, headers: json, payload: JSON.stringify({ ...target.valid, padding: 'p'.repeat(size) }) } }
    }
    case 3: {
      const depth = int(100, Math.floor(BODY_LIMIT / 6))
      const payload = pick([
        `{"question":${deep(depth, 'array')}}`,
        `{"question":"ok","nested":${deep(depth, 'object')}}`,
        deep(depth, 'array'),
        `{"__proto__":${deep(Math.min(depth, 2000), 'object')},"question":1}`,
        `{"constructor":{"prototype":${deep(Math.min(depth, 2000), 'object')}},"question":[]}`
      ])
      return { name: 'deeply nested JSON', request: { method: 'POST', url: target.url, headers: json, payload } }
    }
    case 4: {
      const broken = pick(['{', '{"question":', '{"question":"unterminated', "{'question':'single'}", '{"question":"a",}', '{"question":NaN}',
        '{"question":"a"} trailing', '/* c */{"question":"a"}', '', ' ', 'null', '[]', '"just a string"', '123', 'true', '\uFEFF{"question":"a"', '{"question":"\\uZZZZ"}'])
      return { name: 'malformed JSON', request: { method: 'POST', url: target.url, headers: json, payload: broken } }
    }
    case 5: {
      // Invalid UTF-8 inside a body that is wrong anyway: in a string it decodes to U+FFFD, elsewhere it breaks the syntax.
      const bytes = pick([[0xff], [0xc3, 0x28], [0xe2, 0x82], [0xf0, 0x28, 0x8c, 0x28], [0xed, 0xa0, 0x80], [0x80, 0x80, 0x80], [0xc0, 0xaf]])
      return { name: 'invalid UTF-8', request: { method: 'POST', url: target.url, headers: json, payload: insertBytes(JSON.stringify(target.body()), bytes) } }
    }
    case 6: {
      const type = pick(['text/plain', 'application/xml', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/octet-stream',
        'text/json', 'application/jsonp', 'application/json-patch+json', 'image/png', 'x/y', 'application', ';;;', 'text/html; charset=utf-8'])
      const payload = type.startsWith('application/x-www') ? 'question=What+is+S3%3F' : JSON.stringify(target.valid)
      return { name: 'wrong content type', request: { method: 'POST', url: target.url, headers: { ...auth, 'content-type': type }, payload } }
    }
    case 7: {
      const headers: Record<string, string> = { 'content-type': 'application/json' }
      switch (int(0, 6)) {
        case 0: headers.authorization = `Bearer ${'k'.repeat(int(1, 60000))}`; break
        case 1: headers.authorization = pick(['Bearer', 'Basic Zm9vOmJhcg==', 'Bearer  ', `Bearer ${KEY} ${KEY}`, 'Digest x', junkString(40).replace(/[^\x20-\x7e]/g, '')]); break
        case 2: headers['x-api-key'] = `${KEY}${'!'.repeat(int(1, 2000))}`; break
        case 3: Object.assign(headers, auth, { 'x-request-id': junkString(300).replace(/[^\x20-\x7e]/g, '') + 'x', accept: 'text/event-stream' }); break
        case 4: Object.assign(headers, auth, { accept: pick(['application/xml', '*/*;q=0', 'text/event-stream;q=abc', 'x'.repeat(10000)]), 'accept-encoding': 'gzip;q=2, br;q=-1' }); break
        case 5: Object.assign(headers, auth, { 'x-forwarded-for': Array.from({ length: 500 }, () => `${int(0, 255)}.${int(0, 255)}.0.1`).join(', '), 'x-forwarded-proto': 'gopher' }); break
        default: Object.assign(headers, auth, { 'content-type': 'application/json; charset=' + pick(['utf-16', 'latin1', 'nope', '']) })
      }
      const body = headers.authorization === auth.authorization ? target.body() : target.valid
      return { name: 'header abuse', request: { method: 'POST', url: target.url, headers, payload: JSON.stringify(body) } }
    }
    case 8: {
      const path = pick([
        '/api/ask/', '//api/ask', '/API/ASK', '/api/ask;x=1', '/api/ask%00', '/api/%61sk', '/api/ask/../prompt', '/api/../api/ask',
        '/api/%E0%A4%A', '/v1/chat/completions/', '/v1/%', '/v1/models/../../etc/passwd', '/api/' + 'a'.repeat(int(100, 8000)),
        '/assets/../package.json', '/assets/x/../../package.json', '/assets/%2e%2e/%2e%2e/package.json', '/docs/static/../../../package.json',
        '/docs/static/%2e%2e%2f%2e%2e%2fpackage.json', '/.env', '/.git/config', '/node_modules/fastify/package.json', '/src/config.ts',
        '/%2e%2e/%2e%2e/etc/passwd', '/health/../.env', '/\\..\\package.json', '/api/providers%2F..%2F..%2F.env'
      ])
      const method = pick(['GET', 'POST', 'DELETE'] as const)
      return { name: 'path abuse', request: { method, url: path, headers: method === 'POST' ? json : auth, ...(method === 'POST' ? { payload: JSON.stringify(target.body()) } : {}) } }
    }
    case 9: {
      const method = pick(['PUT', 'PATCH', 'DELETE', 'GET'] as const)
      return { name: 'wrong method', request: { method, url: target.url, headers: json, ...(method === 'GET' ? {} : { payload: JSON.stringify(target.valid) }) } }
    }
    default: {
      const query = pick(['', '?query=', `?query=${'q'.repeat(501)}`, '?query=docker&limit=0', '?query=docker&limit=21', '?query=docker&limit=abc',
        '?query=docker&lang=fr', '?query=docker&evil=1', '?query[]=a&query[]=b&limit=1&limit=2', '?limit=5', '?%zz=1'])
      return { name: 'bad query', request: { method: 'GET', url: `/api/knowledge${query}`, headers: auth } }
    }
  }
}

t.test(`${COUNT} malformed requests get 4xx errors and the server stays up (seed ${SEED})`, async t => {
  const { lines, stream } = captureLogs()
  const app = await buildWithLogs(t, { KNOWLEDGE: 'on', API_KEYS: `fuzz:${KEY}`, RATE_LIMIT_MAX: '0', BODY_LIMIT_BYTES: String(BODY_LIMIT), LOG_LEVEL: 'info' }, stream)
  await app.ready()
  const started = Date.now()
  const byStatus = new Map<number, number>()
  const failures: string[] = []
  const byName = new Map<string, number>()
  const timeByName = new Map<string, number>()
  for (let i = 0; i < COUNT; i++) {
    const c = generate()
    byName.set(c.name, (byName.get(c.name) ?? 0) + 1)
    const t0 = performance.now()
    const res = await app.inject(c.request)
    timeByName.set(c.name, (timeByName.get(c.name) ?? 0) + performance.now() - t0)
    byStatus.set(res.statusCode, (byStatus.get(res.statusCode) ?? 0) + 1)
    const where = `#${i} ${c.name}: ${String(c.request.method)} ${String(c.request.url).slice(0, 80)}`
    if (res.statusCode < 400 || res.statusCode > 499) {
      failures.push(`${where} → ${res.statusCode} ${res.body.slice(0, 200)}`)
      continue
    }
    const type = String(res.headers['content-type'] ?? '')
    let body: Record<string, unknown>
    try {
      body = res.json()
    } catch {
      failures.push(`${where} → ${res.statusCode} with a body that is not JSON: ${res.body.slice(0, 100)}`)
      continue
    }
    const path = String(c.request.url)
    const openAIShaped = path.startsWith('/v1/') && type.startsWith('application/json') && typeof (body.error as { message?: unknown } | undefined)?.message === 'string'
    const problem = type.startsWith('application/problem+json') && body.status === res.statusCode && typeof body.type === 'string' && typeof body.title === 'string' && typeof body.detail === 'string'
    if (!problem && !openAIShaped) failures.push(`${where} → ${res.statusCode} ${type} ${res.body.slice(0, 200)}`)
    if (/\bat .+\.(ts|js):\d+/.test(res.body)) failures.push(`${where} → a stack trace in the body`)
  }
  const elapsed = Date.now() - started
  t.comment(`${COUNT} requests in ${elapsed} ms; statuses ${JSON.stringify(Object.fromEntries([...byStatus].sort((a, b) => a[0] - b[0])))}`)
  t.comment(`cases ${JSON.stringify(Object.fromEntries(byName))}`)
  t.comment(`ms ${JSON.stringify(Object.fromEntries([...timeByName].map(([k, v]) => [k, Math.round(v)])))}`)
  t.same(failures.slice(0, 20), [], 'every answer is a 4xx problem (or an OpenAI error on /v1)')
  t.ok(byStatus.size >= 6, 'the run reached many kinds of error (400, 401/403, 404, 405, 413, 415, ...)')
  for (const status of [400, 404, 405, 413, 415]) t.ok((byStatus.get(status) ?? 0) > 0, `some requests were answered ${status}`)

  const errors = lines.filter(l => JSON.parse(l).level >= 50)
  t.same(errors.slice(0, 5), [], 'nothing was logged as an error')

  const health = await app.inject({ url: '/health' })
  t.equal(health.statusCode, 200, '/health still answers')
  t.equal(health.json().status, 'ok')
  const providers = await app.inject({ url: '/api/providers', headers: auth })
  t.equal(providers.statusCode, 200, 'and so does the API')
})
