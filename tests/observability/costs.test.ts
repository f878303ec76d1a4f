// Token and cost accounting: the answer and the metrics say exactly what the stubs reported, priced by the table.
import t from 'tap'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { buildApp } from '../../src/app.js'
import { loadConfig } from '../../src/config.js'
import { estimatePromptTokens, splitByBudget } from '../../src/costs/budget.js'
import { loadPriceTable, readPricesFile } from '../../src/costs/load-prices.js'
import { DEFAULT_COMPLETION_TOKENS, DEFAULT_PRICES, PriceTable } from '../../src/costs/price-table.js'
import type { Provider } from '../../src/providers/types.js'
import { build, buildWithLogs, captureLogs } from '../helper.js'
import { startStubs } from '../stub-env.js'
import { openAIErrorBody } from '../stubs/openai-stub.js'
import { parsePrometheus, sumOf, valueOf } from './prometheus-text.js'
import { readSse } from '../streaming/sse-reader.js'

const QUESTION = 'What is the advantage of using Docker containers?'
const ANSWER = 'Docker containers package an application with its dependencies, so it runs the same everywhere and starts in seconds.'

interface Teardown { teardown: (fn: () => unknown) => void }

async function tempFile (t: Teardown, name: string, content: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'iscoolgpt-prices-'))
  t.teardown(async () => await rm(dir, { recursive: true, force: true }))
  const file = join(dir, name)
  await writeFile(file, content)
  return file
}

/** Round prices so every expected cost below can be checked by hand. */
const ROUND_PRICES = {
  'gpt-4o-mini': { input: 1, output: 2 },
  'gemini-2.5-flash': { input: 3, output: 5 },
  'gpt-oss-20b': { input: 7, output: 11 }
}

const fakeProvider = (id: string, kind: Provider['kind'], model: string): Provider => ({
  id, kind, model, weight: 1, complete: async () => { throw new Error('not called') }
})

async function scrape (app: Awaited<ReturnType<typeof build>>): Promise<ReturnType<typeof parsePrometheus>> {
  const res = await app.inject({ method: 'GET', url: '/metrics' })
  return parsePrometheus(res.body)
}

t.test('the price table: list prices, model name variants, free kinds, expected cost', async t => {
  const table = new PriceTable()
  t.equal(table.cost('openai', 'gpt-4o-mini', { promptTokens: 1_000_000, completionTokens: 1_000_000 }), 0.75, '0.15 in + 0.60 out per million')
  t.equal(table.cost('openai', 'gpt-4o-mini', { promptTokens: 40, completionTokens: 25 }), 0.000021)
  t.same(table.priceOf('openai/gpt-oss-20b'), DEFAULT_PRICES['gpt-oss-20b'], 'a Hugging Face repo id finds its model')
  t.same(table.priceOf('openai/gpt-oss-20b:groq'), DEFAULT_PRICES['gpt-oss-20b'], 'a pinned inference provider too')
  t.same(table.priceOf('gpt-4o-mini:latest'), DEFAULT_PRICES['gpt-4o-mini'])
  t.equal(table.priceOf('llama3.2'), undefined)
  t.equal(table.cost('openai-compatible', 'llama3.2', { promptTokens: 500, completionTokens: 500 }), 0, 'an unknown model costs nothing it can say')
  t.equal(table.cost('knowledge', 'course-notes', { promptTokens: 9999, completionTokens: 9999 }), 0)
  t.notOk(table.isPriced('openai-compatible', 'llama3.2'))
  t.ok(table.isPriced('knowledge', 'anything'), 'the course notes are free, hence priced')
  t.equal(table.cost('openai', 'gpt-4o-mini', null), 0)

  t.equal(table.expectedCost('openai', 'gpt-4o-mini', 100), (100 * 0.15 + DEFAULT_COMPLETION_TOKENS * 0.60) / 1e6, 'a typical answer of the default length')
  t.equal(table.expectedCost('gemini', 'gemini-2.5-pro', 100), (100 * 1.25 + 2000 * 10) / 1e6, 'thinking models expect longer answers')
  t.equal(table.expectedCost('openai-compatible', 'llama3.2', 100), 0)
  t.equal(table.expectedCost('knowledge', 'course-notes', 100), 0)
  t.ok(table.expectedCost('openai', 'gpt-4o', 5000) > table.expectedCost('openai', 'gpt-4o', 50), 'a longer question is expected to cost more')
})

t.test('prompt tokens are estimated from the messages; the budget splits the providers', async t => {
  t.equal(estimatePromptTokens([{ role: 'user', content: 'abcd'.repeat(25) }]), 25 + 4)
  t.equal(estimatePromptTokens([{ role: 'system', content: 'abc' }, { role: 'user', content: 'abcde' }]), (1 + 4) + (2 + 4), 'partial tokens round up')
  const table = new PriceTable({ cheap: { input: 1, output: 1, typicalCompletionTokens: 100 }, dear: { input: 100, output: 100, typicalCompletionTokens: 100 } })
  const providers = [fakeProvider('a', 'openai', 'cheap'), fakeProvider('b', 'openai', 'dear'), fakeProvider('c', 'openai-compatible', 'unknown')]
  const { affordable, over } = splitByBudget(providers, table, 100, 0.001)
  t.same(affordable.map(p => p.id), ['a', 'c'], 'cheap (0.0002) and unpriced (0) fit 0.001')
  t.same(over.map(o => [o.provider.id, o.expectedCostUsd]), [['b', 0.02]])
})

t.test('PRICES_FILE in JSON or YAML replaces and adds models; a bad file stops the start with one line', async t => {
  const json = await tempFile(t, 'prices.json', JSON.stringify({ 'gpt-4o-mini': { input: 1, output: 2 }, 'llama3.2': { input: 0.01, output: 0.02, typicalCompletionTokens: 300 } }))
  const table = loadPriceTable(json)
  t.equal(table.cost('openai', 'gpt-4o-mini', { promptTokens: 1_000_000, completionTokens: 0 }), 1, 'the file replaces a shipped price')
  t.equal(table.cost('openai-compatible', 'llama3.2', { promptTokens: 0, completionTokens: 1_000_000 }), 0.02, 'and adds a model')
  t.same(table.priceOf('gemini-2.5-flash'), DEFAULT_PRICES['gemini-2.5-flash'], 'the other shipped prices stay')

  const yaml = await tempFile(t, 'prices.yaml', 'models:\n  gpt-4o-mini:\n    input: 3\n    output: 4\n')
  t.same(readPricesFile(yaml), { 'gpt-4o-mini': { input: 3, output: 4 } }, 'YAML, under a models: key')
  t.equal(loadPriceTable(undefined).priceOf('gpt-4o-mini'), DEFAULT_PRICES['gpt-4o-mini'])

  const cases: Array<[string, string, RegExp]> = [
    ['negative.json', JSON.stringify({ 'gpt-4o-mini': { input: 1, output: -2 } }), /"gpt-4o-mini": output expected number to be greater or equal to 0/],
    ['extra.json', JSON.stringify({ 'gpt-4o-mini': { input: 1, output: 2, currency: 'EUR' } }), /"gpt-4o-mini": currency is not an accepted field/],
    ['list.yaml', '- gpt-4o-mini\n', /must map model names/],
    ['broken.json', '{"gpt-4o-mini": ', /is not valid JSON/],
    ['broken.yaml', 'a: [1, 2\n', /is not valid YAML/]
  ]
  for (const [name, content, message] of cases) {
    const file = await tempFile(t, name, content)
    t.throws(() => readPricesFile(file), { name: 'PriceConfigError', message }, name)
  }
  t.throws(() => readPricesFile('/nonexistent/prices.json'), { message: /PRICES_FILE \/nonexistent\/prices.json cannot be read: ENOENT/ })

  const bad = await tempFile(t, 'bad.json', JSON.stringify({ 'gpt-4o-mini': { input: 'cheap', output: 1 } }))
  await t.rejects(buildApp(loadConfig({ KNOWLEDGE: 'off', PRICES_FILE: bad }), { logger: false }), { message: /^PRICES_FILE .*bad\.json: "gpt-4o-mini": input / }, 'buildApp refuses to start')
})

t.test('models without a price are named once at start', async t => {
  const unpriced = captureLogs()
  await buildWithLogs(t, { OLLAMA_MODEL: 'llama3.2', OPENAI_API_KEY: 'sk-test-0123456789' }, unpriced.stream)
  const warnings = unpriced.lines.filter(l => l.includes('no price for these models'))
  t.equal(warnings.length, 1)
  t.match(JSON.parse(warnings[0]!), { level: 40, providers: ['ollama (llama3.2)'] }, 'only the unpriced one')

  const priced = captureLogs()
  const file = await tempFile(t, 'prices.yaml', 'llama3.2:\n  input: 0\n  output: 0\n')
  await buildWithLogs(t, { OLLAMA_MODEL: 'llama3.2', PRICES_FILE: file }, priced.stream)
  t.notOk(priced.lines.some(l => l.includes('no price for these models')), 'a price from PRICES_FILE silences it')
})

t.test('every candidate\'s tokens and cost are exactly what its stub reported, reasoning included', async t => {
  const stubs = await startStubs(t)
  stubs.openai.setBehaviour({ text: ANSWER, usage: { promptTokens: 40, completionTokens: 25, reasoningTokens: 10 } })
  stubs.gemini.setBehaviour({ text: ANSWER, usage: { promptTokens: 50, completionTokens: 30, reasoningTokens: 20 } })
  stubs.hf.setBehaviour({ text: ANSWER, usage: { promptTokens: 60, completionTokens: 35 } })
  const app = await build(t, { ...stubs.env, PRICES_FILE: await tempFile(t, 'prices.json', JSON.stringify(ROUND_PRICES)) })

  const res = await app.inject({ method: 'POST', url: '/api/ask', payload: { question: QUESTION } })
  t.equal(res.statusCode, 200)
  const body = res.json()
  const usage = Object.fromEntries(body.candidates.map((c: { provider: string, usage: unknown }) => [c.provider, c.usage]))
  // OpenAI-style usage counts reasoning inside completion_tokens; Gemini counts thoughts apart, and both are billed as output.
  t.same(usage.openai, { promptTokens: 40, completionTokens: 25, reasoningTokens: 10, costUsd: (40 * 1 + 25 * 2) / 1e6 })
  t.same(usage.gemini, { promptTokens: 50, completionTokens: 50, reasoningTokens: 20, costUsd: (50 * 3 + 50 * 5) / 1e6 })
  t.same(usage.huggingface, { promptTokens: 60, completionTokens: 35, costUsd: (60 * 7 + 35 * 11) / 1e6 })
  t.same(body.usage, { promptTokens: 150, completionTokens: 110, reasoningTokens: 30, costUsd: 0.001295 }, 'the answer\'s usage is the sum')

  const m = await scrape(app)
  for (const [provider, model, prompt, completion, reasoning] of [
    ['openai', 'gpt-4o-mini', 40, 25, 10], ['gemini', 'gemini-2.5-flash', 50, 50, 20], ['huggingface', 'openai/gpt-oss-20b', 60, 35, 0]
  ] as const) {
    t.equal(valueOf(m, 'iscoolgpt_provider_tokens_total', { provider, model, type: 'prompt' }), prompt, `${provider} prompt tokens`)
    t.equal(valueOf(m, 'iscoolgpt_provider_tokens_total', { provider, model, type: 'completion' }), completion, `${provider} completion tokens`)
    t.equal(valueOf(m, 'iscoolgpt_provider_tokens_total', { provider, model, type: 'reasoning' }), reasoning, `${provider} reasoning tokens`)
    t.equal(valueOf(m, 'iscoolgpt_provider_cost_usd_total', { provider, model }), usage[provider].costUsd, `${provider} cost`)
  }
  t.equal(valueOf(m, 'iscoolgpt_ask_cost_usd_total'), 0.001295)
})

t.test('a failed attempt is counted but not billed: only the retry that answered costs', async t => {
  const stubs = await startStubs(t)
  stubs.openai.enqueue({ type: 'error', status: 500, body: openAIErrorBody(500, 'The server had an error while processing your request.') })
  stubs.openai.setBehaviour({ text: ANSWER, usage: { promptTokens: 40, completionTokens: 25 } })
  stubs.gemini.setBehaviour({ text: ANSWER, usage: { promptTokens: 50, completionTokens: 30 } })
  const app = await build(t, {
    ...stubs.env,
    HF_TOKEN: '',
    RETRY_BASE_DELAY_MS: '0',
    RETRY_MAX_DELAY_MS: '0',
    PRICES_FILE: await tempFile(t, 'prices.json', JSON.stringify(ROUND_PRICES))
  })

  const res = await app.inject({ method: 'POST', url: '/api/ask', payload: { question: QUESTION } })
  t.equal(res.statusCode, 200)
  t.equal(stubs.openai.requests.length, 2, 'the stub saw the failed call and the retry')
  const body = res.json()
  const openai = body.candidates.find((c: { provider: string }) => c.provider === 'openai')
  t.equal(openai.status, 'ok')
  t.equal(openai.attempts, 2)
  t.same(openai.usage, { promptTokens: 40, completionTokens: 25, costUsd: 0.00009 }, 'the candidate carries the answering call only')
  t.same(body.usage, { promptTokens: 90, completionTokens: 55, costUsd: 0.00039 }, '0.00009 + 0.0003')

  const m = await scrape(app)
  t.equal(valueOf(m, 'iscoolgpt_provider_calls_total', { provider: 'openai', outcome: 'error' }), 1, 'the failed attempt is a call')
  t.equal(valueOf(m, 'iscoolgpt_provider_calls_total', { provider: 'openai', outcome: 'ok' }), 1)
  t.equal(valueOf(m, 'iscoolgpt_provider_errors_total', { provider: 'openai', error_class: 'unavailable' }), 1, 'counted by its error class')
  t.equal(sumOf(m, 'iscoolgpt_provider_errors_total', { provider: 'gemini' }), 0)
  t.equal(valueOf(m, 'iscoolgpt_provider_tokens_total', { provider: 'openai', type: 'prompt' }), 40, 'no tokens for the failed attempt')
  t.equal(valueOf(m, 'iscoolgpt_provider_cost_usd_total', { provider: 'openai' }), 0.00009)
  t.equal(valueOf(m, 'iscoolgpt_provider_outcomes_total', { provider: 'openai', status: 'ok' }), 1, 'one outcome per question')
})

t.test('maxCostUsd leaves out the providers expected to cost more, and says so', async t => {
  const stubs = await startStubs(t)
  for (const s of [stubs.openai, stubs.gemini, stubs.hf]) s.setBehaviour({ text: ANSWER, usage: { promptTokens: 40, completionTokens: 25 } })
  const prices = { ...ROUND_PRICES, 'gemini-2.5-flash': { input: 1000, output: 1000, typicalCompletionTokens: 1000 } }
  const app = await build(t, { ...stubs.env, PRICES_FILE: await tempFile(t, 'prices.json', JSON.stringify(prices)) })

  const res = await app.inject({ method: 'POST', url: '/api/ask', payload: { question: QUESTION, maxCostUsd: 0.05 } })
  t.equal(res.statusCode, 200)
  t.equal(stubs.gemini.requests.length, 0, 'the dear provider is never called')
  t.equal(stubs.openai.requests.length, 1)
  const body = res.json()
  t.same(body.candidates.map((c: { provider: string }) => c.provider), ['openai', 'gemini', 'huggingface'], 'every selected provider is listed, in order')
  const gemini = body.candidates.find((c: { provider: string }) => c.provider === 'gemini')
  t.match(gemini, { status: 'skipped', filtered: 'over_budget', attempts: 0, usage: null, error: { type: 'over_budget' } })
  t.match(gemini.error.message, /expected cost \$1\.\d+ is over maxCostUsd \$0\.05/)
  t.same(body.usage, { promptTokens: 80, completionTokens: 50, costUsd: 0.000645 }, '(40 + 50 + 40 × 7 + 25 × 11) / 1e6')
  t.not(body.chosen.provider, 'gemini')

  const m = await scrape(app)
  t.equal(valueOf(m, 'iscoolgpt_provider_outcomes_total', { provider: 'gemini', status: 'skipped', reason: 'over_budget' }), 1)

  const generous = await app.inject({ method: 'POST', url: '/api/ask', payload: { question: `${QUESTION} (2)`, maxCostUsd: 5 } })
  t.equal(generous.json().candidates.filter((c: { status: string }) => c.status === 'ok').length, 3, 'a budget that fits asks everyone')

  const none = await app.inject({ method: 'POST', url: '/api/ask', payload: { question: QUESTION, maxCostUsd: 0.0000001 } })
  t.equal(none.statusCode, 400)
  t.match(none.headers['content-type'], /application\/problem\+json/)
  t.match(none.json(), { status: 400, detail: /No selected provider fits maxCostUsd \$0\.0000001/, errors: [{ field: 'body/maxCostUsd' }] })
  t.equal(stubs.openai.requests.length + stubs.hf.requests.length, 2 + 2, 'nothing was called for the refused question')

  const negative = await app.inject({ method: 'POST', url: '/api/ask', payload: { question: QUESTION, maxCostUsd: -1 } })
  t.equal(negative.statusCode, 400, 'a negative budget is bad input')
})

t.test('a stream announces the providers left out by the budget as skipped candidates', async t => {
  const stubs = await startStubs(t)
  for (const s of [stubs.openai, stubs.gemini, stubs.hf]) s.setBehaviour({ text: ANSWER })
  const prices = { ...ROUND_PRICES, 'gemini-2.5-flash': { input: 1000, output: 1000 } }
  const app = await build(t, { ...stubs.env, PRICES_FILE: await tempFile(t, 'prices.json', JSON.stringify(prices)) })
  const address = await app.listen({ port: 0, host: '127.0.0.1' })
  const res = await fetch(`${address}/api/ask`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
    body: JSON.stringify({ question: QUESTION, maxCostUsd: 0.05 })
  })
  t.equal(res.status, 200)
  const events: Array<{ event: string | null, data: any }> = []
  for await (const frame of readSse(res.body)) if (frame.data !== null) events.push({ event: frame.event, data: JSON.parse(frame.data) })
  t.equal(events[0]?.event, 'start')
  t.same(events[0]?.data.providers, ['openai', 'gemini', 'huggingface'])
  t.match(events[1], { event: 'candidate', data: { provider: 'gemini', status: 'skipped', filtered: 'over_budget' } }, 'the skipped one comes right after start')
  t.equal(events.filter(e => e.event === 'candidate').length, 3)
  t.equal(events.at(-1)?.event, 'answer')
  t.equal(stubs.gemini.requests.length, 0)
})
