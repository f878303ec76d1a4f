// POST /api/answers/{id}/feedback through the running app: who a rating goes to, what /api/providers shows
// afterwards, and the problems for unknown answers, bad bodies, missing keys and spent budgets.
import t, { type Test } from 'tap'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import type { FastifyInstance } from 'fastify'
import { build } from '../helper.js'
import { startStubs, type Stubs } from '../stub-env.js'
import { MATH_QUESTION, solution } from '../aggregator/answers.js'

const QUESTION = 'What is the advantage of using Docker containers?'
/** Three models rarely word an answer the same way: an open question with three agreeing paraphrases. */
const PARAPHRASES = [
  'Docker containers package an application with its dependencies, so it runs the same everywhere and starts in seconds.',
  'The main advantage of Docker containers is that an application ships with its dependencies, so it runs the same everywhere and starts in seconds.',
  'Using Docker containers, the application and its dependencies are packaged together: it runs the same way everywhere and containers start in seconds.'
]
const PROVIDERS = ['openai', 'gemini', 'huggingface']

type Injected = Awaited<ReturnType<FastifyInstance['inject']>>

interface ProviderView {
  id: string
  reliability: { accuracy: number, quality: number, questions: number }
  feedback: { up: number, down: number }
}

/** A data directory of its own: learned reliability never leaks between tests or into ./data. */
// Every test gets a data directory of its own under one root, removed when the whole file is done: by then
// every app is closed, so no learning still being written races the removal.
const DATA_ROOT = await mkdtemp(join(tmpdir(), 'iscoolgpt-feedback-'))
t.teardown(async () => await rm(DATA_ROOT, { recursive: true, force: true }))

async function dataDir (): Promise<string> {
  return await mkdtemp(join(DATA_ROOT, 'data-'))
}

function answering (stubs: Stubs, texts: readonly string[] = PARAPHRASES): void {
  ;[stubs.openai, stubs.gemini, stubs.hf].forEach((stub, i) => stub.setBehaviour({ text: texts[i] ?? texts[0] }))
}

async function providers (app: FastifyInstance, headers: Record<string, string> = {}): Promise<Record<string, ProviderView>> {
  const res = await app.inject({ url: '/api/providers', headers })
  if (res.statusCode !== 200) throw new Error(`/api/providers answered ${res.statusCode}: ${res.body}`)
  return Object.fromEntries((res.json().providers as ProviderView[]).map(p => [p.id, p]))
}

/** Learning runs after the answer is sent: waits (generously, the machine is shared) until it is visible. */
async function learned (app: FastifyInstance, questions: number, headers: Record<string, string> = {}): Promise<Record<string, ProviderView>> {
  const deadline = Date.now() + 10_000
  for (;;) {
    const view = await providers(app, headers)
    if (PROVIDERS.every(id => (view[id]?.reliability.questions ?? 0) >= questions) || Date.now() > deadline) return view
    await sleep(25)
  }
}

async function ask (app: FastifyInstance, payload: Record<string, unknown>, headers: Record<string, string> = {}): Promise<{ id: string, chosen: { provider: string } | null, candidates: Array<{ provider: string, status: string }> }> {
  const res = await app.inject({ method: 'POST', url: '/api/ask', payload, headers })
  if (res.statusCode !== 200) throw new Error(`/api/ask answered ${res.statusCode}: ${res.body}`)
  return res.json()
}

async function rate (app: FastifyInstance, id: string, payload: unknown, headers: Record<string, string> = {}): Promise<Injected> {
  return await app.inject({ method: 'POST', url: `/api/answers/${encodeURIComponent(id)}/feedback`, payload: payload as Record<string, unknown>, headers })
}

function isProblem (t: Test, res: Injected, status: number, type: string): Record<string, any> {
  t.equal(res.statusCode, status, `status ${status}: ${res.body}`)
  t.match(String(res.headers['content-type']), /^application\/problem\+json/)
  const body = res.json()
  t.equal(body.status, status)
  t.equal(body.type, type)
  t.notMatch(res.body, /at \w+ \(|node_modules|\.ts:\d+/, 'no stack trace')
  return body
}

t.test('an "up" goes to the chosen provider, a "down" to the provider it names; /api/providers counts both', async t => {
  const stubs = await startStubs(t)
  answering(stubs)
  const app = await build(t, { ...stubs.env, DATA_DIR: await dataDir(), RATE_LIMIT_MAX: '0' })

  const before = await providers(app)
  for (const id of PROVIDERS) {
    t.same(before[id]?.feedback, { up: 0, down: 0 }, `${id}: no rating yet`)
    t.equal(before[id]?.reliability.questions, 0, `${id}: nothing learned yet`)
    t.equal(before[id]?.reliability.accuracy, 0.6, `${id}: the neutral prior`)
  }

  const first = await ask(app, { question: QUESTION })
  const chosen = first.chosen?.provider
  if (chosen === undefined) throw new Error('the answer has no chosen provider')
  const other = PROVIDERS.find(id => id !== chosen) as string
  const untouched = PROVIDERS.find(id => id !== chosen && id !== other) as string

  const up = await rate(app, first.id, { rating: 'up' })
  t.equal(up.statusCode, 200, up.body)
  t.match(String(up.headers['content-type']), /^application\/json/)
  const upBody = up.json()
  t.same(Object.keys(upBody).sort(), ['answerId', 'provider', 'rating', 'reliability'])
  t.equal(upBody.answerId, first.id)
  t.equal(upBody.provider, chosen, 'without a provider the rating is for the answer given')
  t.equal(upBody.rating, 'up')
  t.same(Object.keys(upBody.reliability).sort(), ['accuracy', 'quality', 'questions'])
  t.ok(upBody.reliability.accuracy >= 0 && upBody.reliability.accuracy <= 1, `accuracy in [0, 1] (${upBody.reliability.accuracy})`)

  const down = await rate(app, first.id, { rating: 'down', provider: other, comment: 'Misses that containers share the host kernel.' })
  t.equal(down.statusCode, 200, down.body)
  t.match(down.json(), { answerId: first.id, provider: other, rating: 'down' })

  const after = await learned(app, 1)
  t.same(after[chosen]?.feedback, { up: 1, down: 0 }, `${chosen} has the "up"`)
  t.same(after[other]?.feedback, { up: 0, down: 1 }, `${other} has the "down"`)
  t.same(after[untouched]?.feedback, { up: 0, down: 0 }, `${untouched} was not rated`)
  t.same(after[other]?.reliability, down.json().reliability, 'the rating\'s answer shows what /api/providers shows')

  // The same answer can be rated again (another reader); ratings accumulate.
  t.equal((await rate(app, first.id, { rating: 'up' })).statusCode, 200)
  t.same((await providers(app))[chosen]?.feedback, { up: 2, down: 0 })

  // Every decided question with more than one answer is learned from, for each provider that answered.
  for (const id of PROVIDERS) t.equal(after[id]?.reliability.questions, 1, `${id} learned from the first question`)
  await ask(app, { question: 'Why do teams use Docker containers?' })
  const twice = await learned(app, 2)
  for (const id of PROVIDERS) t.equal(twice[id]?.reliability.questions, 2, `${id} learned from the second question`)
  await ask(app, { question: 'What is the advantage of Docker containers for deployments?', providers: ['openai', 'gemini'] })
  const thrice = await learned(app, 2)
  const deadline = Date.now() + 10_000
  let view = thrice
  while ((view.openai?.reliability.questions ?? 0) < 3 && Date.now() < deadline) { await sleep(25); view = await providers(app) }
  t.equal(view.openai?.reliability.questions, 3, 'openai was asked a third time')
  t.equal(view.gemini?.reliability.questions, 3)
  t.equal(view.huggingface?.reliability.questions, 2, 'a provider that was not asked learns nothing')
})

t.test('on a short answer a rating moves accuracy: "up" raises it, "down" lowers it', async t => {
  const stubs = await startStubs(t)
  // Two providers agree on 18, one says 20: a maths question decided by vote.
  answering(stubs, [solution('18', 0), solution('18', 1), solution('20', 2)])
  const app = await build(t, { ...stubs.env, DATA_DIR: await dataDir(), RATE_LIMIT_MAX: '0' })
  const answer = await ask(app, { question: MATH_QUESTION })
  t.ok(answer.chosen?.provider === 'openai' || answer.chosen?.provider === 'gemini', 'the majority answer is given')
  const learnedView = await learned(app, 1)
  t.ok((learnedView.openai?.reliability.accuracy ?? 0) > (learnedView.huggingface?.reliability.accuracy ?? 1),
    `agreeing with the majority is worth more than disagreeing (${learnedView.openai?.reliability.accuracy} > ${learnedView.huggingface?.reliability.accuracy})`)

  const up = await rate(app, answer.id, { rating: 'up', provider: 'huggingface' })
  t.equal(up.statusCode, 200, up.body)
  t.ok(up.json().reliability.accuracy > (learnedView.huggingface?.reliability.accuracy ?? 1),
    `"up" raises huggingface's accuracy (${learnedView.huggingface?.reliability.accuracy} → ${up.json().reliability.accuracy})`)
  const down = await rate(app, answer.id, { rating: 'down', provider: 'openai' })
  t.equal(down.statusCode, 200, down.body)
  t.ok(down.json().reliability.accuracy < (learnedView.openai?.reliability.accuracy ?? 0),
    `"down" lowers openai's accuracy (${learnedView.openai?.reliability.accuracy} → ${down.json().reliability.accuracy})`)
  t.equal(down.json().reliability.questions, learnedView.openai?.reliability.questions, 'a rating is not a question')
})

t.test('an answer from the OpenAI-compatible facade is rated with its iscoolgpt.answerId', async t => {
  const stubs = await startStubs(t)
  answering(stubs)
  const app = await build(t, { ...stubs.env, DATA_DIR: await dataDir(), RATE_LIMIT_MAX: '0' })
  const res = await app.inject({ method: 'POST', url: '/v1/chat/completions', payload: { model: 'iscoolgpt', messages: [{ role: 'user', content: QUESTION }] } })
  t.equal(res.statusCode, 200, res.body)
  const completion = res.json()
  const answerId = completion.iscoolgpt?.answerId
  t.type(answerId, 'string')
  t.equal(completion.id, `chatcmpl-${String(answerId)}`, 'the completion id carries the same answer id')
  const rated = await rate(app, answerId, { rating: 'up' })
  t.equal(rated.statusCode, 200, rated.body)
  t.equal(rated.json().provider, completion.iscoolgpt.chosen.provider, 'the rating goes to the provider the facade answered with')
  t.equal((await rate(app, completion.id, { rating: 'up' })).statusCode, 404, 'the chatcmpl- id is not the answer id')
})

t.test('an id that was never issued is a 404 problem', async t => {
  const stubs = await startStubs(t)
  answering(stubs)
  const app = await build(t, { ...stubs.env, DATA_DIR: await dataDir(), RATE_LIMIT_MAX: '0' })
  const issued = await ask(app, { question: QUESTION })

  for (const id of ['no-such-answer', '00000000-0000-4000-8000-000000000000', `${issued.id}x`, issued.id.toUpperCase() === issued.id ? `${issued.id}0` : issued.id.toUpperCase()]) {
    const body = isProblem(t, await rate(app, id, { rating: 'up' }), 404, 'urn:iscoolgpt:problem:unknown-answer')
    t.equal(body.title, 'Unknown answer')
    t.ok(String(body.detail).includes(id), `the detail names ${id}`)
  }
  // An id the path cannot carry is a bad request, not an unknown answer.
  const bad = isProblem(t, await rate(app, 'not an id!', { rating: 'up' }), 400, 'urn:iscoolgpt:problem:validation')
  t.ok(bad.errors.some((e: { field: string }) => e.field === 'params/id'), JSON.stringify(bad.errors))

  const view = await providers(app)
  for (const id of PROVIDERS) t.same(view[id]?.feedback, { up: 0, down: 0 }, `${id}: rejected ratings count for nothing`)
})

t.test('bad ratings are 400 problems naming the field, and count for nothing', async t => {
  const stubs = await startStubs(t)
  answering(stubs)
  stubs.gemini.setBehaviour({ type: 'error', status: 400, body: { error: { code: 400, message: 'Request contains an invalid argument.', status: 'INVALID_ARGUMENT' } } })
  const app = await build(t, { ...stubs.env, DATA_DIR: await dataDir(), RATE_LIMIT_MAX: '0' })
  const answer = await ask(app, { question: QUESTION, providers: ['openai', 'gemini'] })
  t.same(answer.candidates.map(c => [c.provider, c.status]), [['openai', 'ok'], ['gemini', 'error']])

  const fieldsOf = (body: Record<string, any>): string[] => (body.errors as Array<{ field: string }>).map(e => e.field)
  const cases: Array<[string, unknown, string, RegExp]> = [
    ['a rating that is not up or down', { rating: 'meh' }, 'body/rating', /./],
    ['a missing rating', { provider: 'openai' }, 'body/rating', /required/],
    ['a numeric rating', { rating: 1 }, 'body/rating', /./],
    ['an unknown field', { rating: 'up', stars: 5 }, 'body/stars', /not an accepted field/],
    ['a comment over 2000 characters', { rating: 'down', comment: 'x'.repeat(2001) }, 'body/comment', /2000/],
    ['an empty provider', { rating: 'up', provider: '' }, 'body/provider', /./],
    ['a configured provider that failed on this question', { rating: 'up', provider: 'gemini' }, 'body/provider', /openai/],
    ['a configured provider that was not asked', { rating: 'down', provider: 'huggingface' }, 'body/provider', /openai/],
    ['a provider that does not exist', { rating: 'down', provider: 'claude' }, 'body/provider', /openai/]
  ]
  for (const [what, payload, field, message] of cases) {
    const body = isProblem(t, await rate(app, answer.id, payload), 400, 'urn:iscoolgpt:problem:validation')
    t.ok(fieldsOf(body).includes(field), `${what}: names ${field} (${JSON.stringify(body.errors)})`)
    const error = (body.errors as Array<{ field: string, message: string }>).find(e => e.field === field)
    t.match(error?.message, message, `${what}: says what is wrong`)
  }
  const notAnswered = (await rate(app, answer.id, { rating: 'up', provider: 'gemini' })).json()
  t.match(notAnswered.detail, /"gemini" gave no answer to this question/)

  const notJson = await app.inject({ method: 'POST', url: `/api/answers/${answer.id}/feedback`, headers: { 'content-type': 'text/plain' }, payload: 'up' })
  t.ok(notJson.statusCode === 415 || notJson.statusCode === 400, `a body that is not JSON is refused (${notJson.statusCode})`)
  t.match(String(notJson.headers['content-type']), /^application\/problem\+json/)
  const broken = await app.inject({ method: 'POST', url: `/api/answers/${answer.id}/feedback`, headers: { 'content-type': 'application/json' }, payload: '{"rating": "up"' })
  t.equal(broken.statusCode, 400, 'broken JSON is a 400')
  t.match(String(broken.headers['content-type']), /^application\/problem\+json/)

  const view = await providers(app)
  for (const id of PROVIDERS) t.same(view[id]?.feedback, { up: 0, down: 0 }, `${id}: no rejected rating was counted`)
  t.equal((await rate(app, answer.id, { rating: 'up', comment: 'x'.repeat(2000) })).statusCode, 200, 'a 2000-character comment is accepted')
  t.same((await providers(app)).openai?.feedback, { up: 1, down: 0 }, 'the only provider that answered gets it')
})

t.test('with API_KEYS the feedback route wants a key like the rest of /api', async t => {
  const KEY = 'alice-key-0123456789'
  const stubs = await startStubs(t)
  answering(stubs)
  const app = await build(t, { ...stubs.env, DATA_DIR: await dataDir(), API_KEYS: `alice:${KEY}`, RATE_LIMIT_MAX: '0' })
  const answer = await ask(app, { question: QUESTION }, { authorization: `Bearer ${KEY}` })

  const anonymous = await rate(app, answer.id, { rating: 'up' })
  isProblem(t, anonymous, 401, 'urn:iscoolgpt:problem:unauthorized')
  t.equal(anonymous.headers['www-authenticate'], 'Bearer realm="iscoolgpt"')
  // The answer's existence is not revealed to a caller without a key: an unknown id is a 401 too.
  isProblem(t, await rate(app, 'no-such-answer', { rating: 'up' }), 401, 'urn:iscoolgpt:problem:unauthorized')
  isProblem(t, await rate(app, answer.id, { rating: 'up' }, { 'x-api-key': 'nope-nope-nope' }), 403, 'urn:iscoolgpt:problem:forbidden')

  t.same((await providers(app, { 'x-api-key': KEY }))[answer.chosen?.provider ?? 'openai']?.feedback, { up: 0, down: 0 }, 'refused ratings count for nothing')
  const accepted = await rate(app, answer.id, { rating: 'up' }, { 'x-api-key': KEY })
  t.equal(accepted.statusCode, 200, accepted.body)
  t.same((await providers(app, { 'x-api-key': KEY }))[answer.chosen?.provider ?? 'openai']?.feedback, { up: 1, down: 0 })
})

t.test('ratings are rate-limited: the N+1th request is a 429 with Retry-After and is not counted', async t => {
  const stubs = await startStubs(t)
  answering(stubs)
  const app = await build(t, { ...stubs.env, DATA_DIR: await dataDir(), RATE_LIMIT_MAX: '3', RATE_LIMIT_WINDOW_MS: '60000' })
  const answer = await ask(app, { question: QUESTION })
  const chosen = answer.chosen?.provider ?? 'openai'
  const first = await rate(app, answer.id, { rating: 'up' })
  t.equal(first.statusCode, 200)
  t.equal(first.headers['x-ratelimit-remaining'], '1', 'the ask and the rating share one budget')
  t.equal((await rate(app, answer.id, { rating: 'up' })).statusCode, 200)

  const limited = await rate(app, answer.id, { rating: 'up' })
  const body = isProblem(t, limited, 429, 'urn:iscoolgpt:problem:rate-limited')
  const retryAfter = Number(limited.headers['retry-after'])
  t.ok(retryAfter >= 1 && retryAfter <= 60, `Retry-After within the window (${limited.headers['retry-after']})`)
  t.equal(body.retryAfterS, retryAfter)
  t.same(app.trust.view(chosen).feedback, { up: 2, down: 0 }, 'the refused rating was not counted')
})
