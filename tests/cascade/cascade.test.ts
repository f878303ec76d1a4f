// The cascade through the running service: cheap providers first, the dear one only when needed.
import t from 'tap'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { build } from '../helper.js'
import { startStubs } from '../stub-env.js'
import { parsePrometheus } from '../observability/prometheus-text.js'

const QUESTION = 'How many availability zones does the default VPC of a region with three zones span?'

interface Teardown { teardown: (fn: () => unknown) => void }

/** Prices that make Gemini ten times dearer than the other two, and a record of 30 questions for each provider. */
async function setup (t: Teardown, decided = 1): Promise<Record<string, string>> {
  const dir = await mkdtemp(join(tmpdir(), 'iscoolgpt-cascade-'))
  t.teardown(async () => await rm(dir, { recursive: true, force: true }))
  const prices = join(dir, 'prices.json')
  await writeFile(prices, JSON.stringify({
    'gpt-4o-mini': { input: 1, output: 2 },
    'gpt-oss-20b': { input: 1, output: 2 },
    'gemini-2.5-flash': { input: 10, output: 20 }
  }))
  const known = { shortRight: 21, shortSeen: 30, openStanding: 0, openSeen: 0, up: 0, down: 0, recentUp: 0, recentDown: 0, questions: 30, updatedAt: 0 }
  await writeFile(join(dir, 'trust.json'), JSON.stringify({ version: 1, decided, providers: { openai: known, gemini: known, huggingface: known } }))
  return { PRICES_FILE: prices, DATA_DIR: dir, KNOWLEDGE: 'off' }
}

t.test('when the two cheap providers agree, the dear one is never called', async t => {
  const stubs = await startStubs(t)
  stubs.openai.setBehaviour({ text: 'Each zone gets a default subnet.\nAnswer: 3' })
  stubs.hf.setBehaviour({ text: 'The default VPC has one default subnet per zone.\nAnswer: 3' })
  stubs.gemini.setBehaviour({ text: 'Answer: 3' })
  const app = await build(t, { ...stubs.env, ...await setup(t) })
  const res = await app.inject({ method: 'POST', url: '/api/ask', payload: { question: QUESTION, strategy: 'cascade' } })
  t.equal(res.statusCode, 200, res.body)
  const body = res.json()
  t.equal(body.strategy, 'cascade')
  t.equal(body.normalized, '3')
  t.same(body.consulted, ['openai', 'huggingface'], 'the two cheapest, in order of expected cost')
  t.equal(stubs.gemini.requests.length, 0, 'the dear provider was not called')
  const gemini = body.candidates.find((c: { provider: string }) => c.provider === 'gemini')
  t.equal(gemini.status, 'skipped')
  t.equal(gemini.filtered, 'not_needed')
  t.equal(gemini.error.type, 'not_needed')
  t.ok(body.usage.costUsd > 0, 'the cost is what the cheap ones cost')

  const metrics = parsePrometheus((await app.inject({ method: 'GET', url: '/metrics' })).body)
  const saved = metrics.get('iscoolgpt_cascade_saved_usd_total')?.samples[0]?.value ?? 0
  t.ok(saved > 0, `the cost saved against asking everyone is counted: ${saved}`)
  const rounds = metrics.get('iscoolgpt_cascade_rounds')?.samples.find(s => s.name === 'iscoolgpt_cascade_rounds_count')?.value
  t.equal(rounds, 1, 'one cascade question observed')
})

t.test('when the cheap providers disagree, the next round asks the dear one; SSE shows each round', async t => {
  const stubs = await startStubs(t)
  stubs.openai.setBehaviour({ text: 'Answer: 3' })
  stubs.hf.setBehaviour({ text: 'Answer: 2' })
  stubs.gemini.setBehaviour({ text: 'Answer: 3' })
  const app = await build(t, { ...stubs.env, ...await setup(t) })
  const res = await app.inject({ method: 'POST', url: '/api/ask', headers: { accept: 'text/event-stream' }, payload: { question: QUESTION, strategy: 'cascade' } })
  t.equal(res.statusCode, 200)
  const rounds = [...res.body.matchAll(/event: round\ndata: (.*)\n/g)].map(m => JSON.parse(m[1]))
  t.same(rounds.map(r => r.providers), [['openai', 'huggingface'], ['gemini']])
  t.ok(rounds[1].expectedCostUsd > rounds[0].expectedCostUsd / 2, 'the dear round costs more')
  const answer = JSON.parse(/event: answer\ndata: (.*)\n/.exec(res.body)?.[1] ?? '{}')
  t.same(answer.consulted, ['openai', 'huggingface', 'gemini'])
  t.equal(answer.normalized, '3')
  t.equal(stubs.gemini.requests.length, 1)
})

t.test('a service that does not know its providers yet asks everyone in the first round', async t => {
  const stubs = await startStubs(t)
  for (const s of [stubs.openai, stubs.hf, stubs.gemini]) s.setBehaviour({ text: 'Answer: 3' })
  const app = await build(t, { ...stubs.env, KNOWLEDGE: 'off', DATA_DIR: (await setup(t)).DATA_DIR + '-fresh', DEFAULT_STRATEGY: 'cascade' })
  const res = await app.inject({ method: 'POST', url: '/api/ask', payload: { question: QUESTION } })
  t.equal(res.statusCode, 200)
  t.equal(res.json().strategy, 'cascade', 'DEFAULT_STRATEGY=cascade')
  t.equal(res.json().consulted.length, 3)
  t.equal(stubs.gemini.requests.length, 1)
})

t.test('the OpenAI-compatible facade runs the cascade as model iscoolgpt/cascade', async t => {
  const stubs = await startStubs(t)
  stubs.openai.setBehaviour({ text: 'Answer: 3' })
  stubs.hf.setBehaviour({ text: 'Answer: 3' })
  const app = await build(t, { ...stubs.env, ...await setup(t) })
  const models = (await app.inject({ method: 'GET', url: '/v1/models' })).json()
  t.ok(models.data.some((m: { id: string }) => m.id === 'iscoolgpt/cascade'))
  const res = await app.inject({ method: 'POST', url: '/v1/chat/completions', payload: { model: 'iscoolgpt/cascade', messages: [{ role: 'user', content: QUESTION }] } })
  t.equal(res.statusCode, 200, res.body)
  t.match(res.json().choices[0].message.content, /3/)
  t.equal(stubs.gemini.requests.length, 0, 'the dear provider was not needed')
})
