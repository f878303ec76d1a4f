// Observability tests (logs, metrics, costs): one subtest per former file, in one process: tap starts each test file in a process of its own,
// and for a small file that start-up (TypeScript loader, process info, tap's plugins, the app's imports) cost more than its tests.
// One part alone: npx tap --disable-coverage --grep='^ask-log$' tests/observability/observability.test.ts (the part's name is its former file's).
import t, { type Test } from 'tap'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { buildApp, loggerOptions } from '../../src/app.js'
import { loadConfig } from '../../src/config.js'
import { estimatePromptTokens, splitByBudget } from '../../src/costs/budget.js'
import { loadPriceTable, readPricesFile } from '../../src/costs/load-prices.js'
import { DEFAULT_COMPLETION_TOKENS, DEFAULT_PRICES, PriceTable } from '../../src/costs/price-table.js'
import { formatLogLine } from '../../src/observability/pretty-log.js'
import type { Provider } from '../../src/providers/types.js'
import { build, buildWithLogs, captureLogs, isolateData, TEST_DEFAULTS } from '../helper.js'
import { readSse } from '../streaming/sse-reader.js'
import { startStubs } from '../stub-env.js'
import { openAIErrorBody } from '../stubs/openai-stub.js'
import { parsePrometheus, sumOf, valueOf } from './prometheus-text.js'

t.test('ask-log', async t => {
  // One structured log line per ask, and a Server-Timing header saying where the time went.
  isolateData(t)
  /** The helper builds apps without the answer cache; these tests are about it. */
  const CACHE_ON = { CACHE_TTL_S: '3600' }
  const QUESTION = 'Qual a vantagem de usar contêineres Docker em produção?'
  const ANSWER = 'Contêineres Docker empacotam a aplicação com suas dependências, então ela roda igual em qualquer lugar e sobe em segundos.'

  interface LogLine { msg: string, level: number, [key: string]: any }

  const askLines = (lines: string[]): LogLine[] => lines.map(l => JSON.parse(l) as LogLine).filter(l => typeof l.msg === 'string' && l.msg.startsWith('ask '))

  /** `cache;desc="miss";dur=0.2, providers;dur=81.5` → { cache: {desc, dur}, providers: {dur} } */
  function parseServerTiming (header: string | string[] | number | undefined): Record<string, { dur?: number, desc?: string }> {
    if (typeof header !== 'string') throw new Error('no Server-Timing header')
    const out: Record<string, { dur?: number, desc?: string }> = {}
    for (const metric of header.split(',')) {
      const [name, ...params] = metric.trim().split(';')
      const entry: { dur?: number, desc?: string } = {}
      for (const p of params) {
        const [k, v] = p.split('=') as [string, string]
        if (k === 'dur') entry.dur = Number(v)
        if (k === 'desc') entry.desc = v.replace(/^"|"$/g, '')
      }
      out[name!] = entry
    }
    return out
  }

  t.test('one line per ask: id, client, each provider\'s outcome, strategy, confidence, tokens, cost, timings; no question text', async t => {
    const stubs = await startStubs(t)
    stubs.openai.setBehaviour({ text: ANSWER, usage: { promptTokens: 40, completionTokens: 25, reasoningTokens: 5 } })
    stubs.gemini.setBehaviour({ text: ANSWER, usage: { promptTokens: 50, completionTokens: 30 } })
    stubs.hf.setBehaviour({ type: 'error', status: 401, body: { error: 'Invalid credentials in Authorization header' } })
    const { lines, stream } = captureLogs()
    const app = await buildWithLogs(t, { ...stubs.env, ...CACHE_ON, API_KEYS: 'moodle:moodle-key-123456', RETRY_MAX_ATTEMPTS: '1' }, stream)

    const res = await app.inject({ method: 'POST', url: '/api/ask', headers: { authorization: 'Bearer moodle-key-123456' }, payload: { question: QUESTION } })
    t.equal(res.statusCode, 200)
    const body = res.json()
    const asks = askLines(lines)
    t.equal(asks.length, 1, 'exactly one ask line')
    const line = asks[0]!
    t.equal(line.msg, 'ask answered')
    t.equal(line.level, 30, 'info')
    t.equal(line.askId, body.id)
    t.equal(line.reqId, body.id, 'the request\'s logger: the line joins the access log by id')
    t.equal(line.client, 'moodle')
    t.equal(line.outcome, 'answered')
    t.equal(line.status, 200)
    t.equal(line.strategy, body.strategy)
    t.equal(line.confidence, body.confidence)
    t.equal(line.cache, 'miss')
    const byId = Object.fromEntries(line.providers.map((p: { id: string }) => [p.id, p]))
    t.match(byId.openai, { status: 'ok', attempts: 1, promptTokens: 40, completionTokens: 25, reasoningTokens: 5, costUsd: body.candidates.find((c: { provider: string }) => c.provider === 'openai').usage.costUsd })
    t.match(byId.gemini, { status: 'ok', promptTokens: 50, completionTokens: 30 })
    t.match(byId.huggingface, { status: 'error', reason: 'auth', attempts: 1, promptTokens: 0, costUsd: 0 })
    t.same(line.tokens, { prompt: 90, completion: 55, reasoning: 5 })
    t.equal(line.costUsd, body.usage.costUsd)
    t.ok(line.timings.totalMs >= line.timings.providersMs, 'timings in milliseconds')
    t.type(line.timings.aggregateMs, 'number')
    t.type(line.timings.cacheMs, 'number')
    t.notOk(lines.some(l => l.includes('contêineres Docker em produção')), 'the question is in no log line')
    t.notOk(lines.some(l => l.includes('moodle-key-123456')), 'nor the key')

    const cached = await app.inject({ method: 'POST', url: '/api/ask', headers: { authorization: 'Bearer moodle-key-123456' }, payload: { question: QUESTION } })
    t.equal(cached.statusCode, 200)
    const hit = askLines(lines)[1]!
    t.equal(hit.cache, 'hit')
    t.same(hit.tokens, { prompt: 0, completion: 0, reasoning: 0 }, 'an answer from the cache spends nothing')
    t.equal(hit.costUsd, 0)
    t.ok(hit.providers.every((p: { status: string }) => p.status === 'cached'))
  })

  t.test('the question is logged only with LOG_QUESTIONS=true', async t => {
    const stubs = await startStubs(t)
    for (const s of [stubs.openai, stubs.gemini, stubs.hf]) s.setBehaviour({ text: ANSWER })
    const { lines, stream } = captureLogs()
    const app = await buildWithLogs(t, { ...stubs.env, ...CACHE_ON, LOG_QUESTIONS: 'true' }, stream)
    await app.inject({ method: 'POST', url: '/api/ask', payload: { question: QUESTION } })
    const [line] = askLines(lines)
    t.equal(line?.question, QUESTION)
    t.equal(line?.client, null, 'an open API has no client name')
  })

  t.test('a failed ask is logged as a warning with every provider\'s error class', async t => {
    const stubs = await startStubs(t)
    stubs.openai.setBehaviour({ type: 'error', status: 400, body: { error: { message: 'bad', type: 'invalid_request_error' } } })
    stubs.gemini.setBehaviour({ type: 'error', status: 403, body: { error: { code: 403, message: 'denied', status: 'PERMISSION_DENIED' } } })
    stubs.hf.setBehaviour({ type: 'reset' })
    const { lines, stream } = captureLogs()
    const app = await buildWithLogs(t, { ...stubs.env, ...CACHE_ON, RETRY_MAX_ATTEMPTS: '1' }, stream)
    const res = await app.inject({ method: 'POST', url: '/api/ask', payload: { question: QUESTION } })
    t.equal(res.statusCode, 502)
    const [line] = askLines(lines)
    t.equal(line?.msg, 'ask failed')
    t.equal(line?.level, 40)
    t.equal(line?.status, 502)
    t.same(Object.fromEntries(line?.providers.map((p: { id: string, reason: string }) => [p.id, p.reason])), { openai: 'bad_request', gemini: 'auth', huggingface: 'network' })
    t.match(parseServerTiming(res.headers['server-timing']), { providers: { dur: Number }, total: { dur: Number } }, 'timings on a failure too')
  })

  t.test('Server-Timing on /api/ask and /api/prompt: providers, aggregation and cache', async t => {
    const stubs = await startStubs(t)
    for (const s of [stubs.openai, stubs.gemini, stubs.hf]) s.setBehaviour({ text: ANSWER, headersDelayMs: 120 })
    const app = await build(t, { ...stubs.env, ...CACHE_ON })

    const miss = await app.inject({ method: 'POST', url: '/api/ask', payload: { question: QUESTION } })
    const timing = parseServerTiming(miss.headers['server-timing'])
    t.equal(timing.cache?.desc, 'miss')
    t.ok((timing.providers?.dur ?? 0) >= 110, `providers took the stubs' delay (${String(timing.providers?.dur)} ms)`)
    t.ok((timing.aggregate?.dur ?? -1) >= 0, 'aggregation timed')
    t.ok((timing.total?.dur ?? 0) >= (timing.providers?.dur ?? 0), 'total covers the parts')

    const hit = await app.inject({ method: 'POST', url: '/api/ask', payload: { question: QUESTION } })
    const hitTiming = parseServerTiming(hit.headers['server-timing'])
    t.equal(hitTiming.cache?.desc, 'hit')
    t.equal(hitTiming.providers, undefined, 'no provider was waited for')
    t.ok((hitTiming.total?.dur ?? Infinity) < 100, 'a cache hit is fast')

    const prompt = await app.inject({ method: 'POST', url: '/api/prompt', headers: { 'cache-control': 'no-cache' }, payload: { question: 'Qual a vantagem de usar Docker?' } })
    t.equal(prompt.statusCode, 200)
    const promptTiming = parseServerTiming(prompt.headers['server-timing'])
    t.equal(promptTiming.cache?.desc, 'bypass')
    t.ok((promptTiming.providers?.dur ?? 0) >= 110)
  })
})

t.test('costs', async t => {
  // Token and cost accounting: the answer and the metrics say exactly what the stubs reported, priced by the table.
  isolateData(t)
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
})

t.test('metrics', async t => {
  // GET /metrics: valid Prometheus text whose series move as questions are asked, behind METRICS_TOKEN when set.
  isolateData(t)
  /** The helper builds apps without the answer cache; these tests are about it. */
  const CACHE_ON = { CACHE_TTL_S: '3600' }
  const QUESTION = 'What is the advantage of using Docker containers?'
  const ANSWER = 'Docker containers package an application with its dependencies, so it runs the same everywhere and starts in seconds.'

  type App = Awaited<ReturnType<typeof build>>

  async function scrape (app: App, headers: Record<string, string> = {}): Promise<ReturnType<typeof parsePrometheus>> {
    const res = await app.inject({ method: 'GET', url: '/metrics', headers })
    if (res.statusCode !== 200) throw new Error(`/metrics answered ${res.statusCode}`)
    return parsePrometheus(res.body)
  }

  t.test('/metrics is Prometheus text with HELP and TYPE for every family, process metrics included', async t => {
    const app = await build(t)
    const res = await app.inject({ method: 'GET', url: '/metrics' })
    t.equal(res.statusCode, 200)
    t.equal(res.headers['content-type'], 'text/plain; version=0.0.4; charset=utf-8')
    const families = parsePrometheus(res.body)
    for (const name of [
      'iscoolgpt_http_requests_total', 'iscoolgpt_http_request_duration_seconds', 'iscoolgpt_provider_calls_total',
      'iscoolgpt_provider_call_duration_seconds', 'iscoolgpt_provider_errors_total', 'iscoolgpt_provider_tokens_total',
      'iscoolgpt_provider_cost_usd_total', 'iscoolgpt_provider_circuit_state', 'iscoolgpt_asks_total', 'iscoolgpt_ask_confidence',
      'iscoolgpt_cache_hits_total', 'iscoolgpt_cache_misses_total', 'process_cpu_user_seconds_total', 'process_resident_memory_bytes',
      'nodejs_heap_size_used_bytes', 'nodejs_eventloop_lag_seconds'
    ]) {
      const family = families.get(name)
      t.ok(family, `${name} is exposed`)
      t.ok((family?.help.length ?? 0) > 0, `${name} has help text`)
    }
    t.equal(families.get('iscoolgpt_provider_call_duration_seconds')?.type, 'histogram')
    t.equal(families.get('iscoolgpt_provider_circuit_state')?.type, 'gauge')
    t.ok(valueOf(families, 'process_resident_memory_bytes') > 0)
    t.notMatch(res.body, /sk-|hf_/, 'no key material')
  })

  t.test('the parser used here rejects what Prometheus would reject', async t => {
    t.throws(() => parsePrometheus('x_total 1\n'), /no # TYPE/)
    t.throws(() => parsePrometheus('# TYPE x counter\nx{a="1} 1\n'), /unterminated/)
    t.throws(() => parsePrometheus('# TYPE x counter\nx{a=1} 1\n'), /not quoted/)
    t.throws(() => parsePrometheus('# TYPE x counter\nx one\n'), /not a number/)
    t.throws(() => parsePrometheus('# TYPE x counter\nx 1\nx 2\n'), /duplicate/)
    t.throws(() => parsePrometheus('# TYPE x counter\nx 1'), /newline/)
    t.throws(() => parsePrometheus('# TYPE h histogram\nh_bucket{le="1"} 2\nh_bucket{le="+Inf"} 1\nh_count 1\n'), /decrease/)
    t.throws(() => parsePrometheus('# TYPE h histogram\nh_bucket{le="+Inf"} 2\nh_count 1\n'), /not the count/)
    t.equal(parsePrometheus('# HELP y a "quoted" \\\\ help\n# TYPE y gauge\ny{a="q\\"x\\nz"} Nan\n').get('y')?.samples[0]?.labels.a, 'q"x\nz')
  })

  t.test('the provider, ask, cache and HTTP series move when questions are asked', async t => {
    const stubs = await startStubs(t)
    stubs.openai.setBehaviour({ text: ANSWER, usage: { promptTokens: 40, completionTokens: 25 } })
    stubs.gemini.setBehaviour({ text: ANSWER, usage: { promptTokens: 50, completionTokens: 30 } })
    stubs.hf.setBehaviour({ type: 'error', status: 401, body: { error: 'Invalid credentials in Authorization header' } })
    const app = await build(t, { ...stubs.env, ...CACHE_ON })

    const before = await scrape(app)
    t.equal(sumOf(before, 'iscoolgpt_provider_calls_total'), 0, 'nothing asked yet')

    const first = await app.inject({ method: 'POST', url: '/api/ask', payload: { question: QUESTION, strategy: 'consensus' } })
    t.equal(first.statusCode, 200)
    const afterFirst = await scrape(app)
    t.equal(valueOf(afterFirst, 'iscoolgpt_provider_calls_total', { provider: 'openai', model: 'gpt-4o-mini', outcome: 'ok' }), 1)
    t.equal(valueOf(afterFirst, 'iscoolgpt_provider_calls_total', { provider: 'gemini', outcome: 'ok' }), 1)
    t.equal(valueOf(afterFirst, 'iscoolgpt_provider_calls_total', { provider: 'huggingface', outcome: 'error' }), 1)
    t.equal(valueOf(afterFirst, 'iscoolgpt_provider_errors_total', { provider: 'huggingface', error_class: 'auth' }), 1, 'errors by class')
    t.equal(valueOf(afterFirst, 'iscoolgpt_provider_call_duration_seconds_count', { provider: 'openai', outcome: 'ok' }), 1, 'latency observed')
    t.equal(valueOf(afterFirst, 'iscoolgpt_provider_tokens_total', { provider: 'gemini', type: 'completion' }), 30)
    t.ok(valueOf(afterFirst, 'iscoolgpt_provider_cost_usd_total', { provider: 'openai' }) > 0)
    t.equal(valueOf(afterFirst, 'iscoolgpt_provider_outcomes_total', { provider: 'huggingface', status: 'error', reason: 'auth' }), 1)
    t.equal(valueOf(afterFirst, 'iscoolgpt_asks_total', { strategy: 'consensus', outcome: 'answered', cached: 'false' }), 1, 'asks by strategy')
    t.equal(valueOf(afterFirst, 'iscoolgpt_ask_confidence_count', { strategy: 'consensus' }), 1)
    t.equal(valueOf(afterFirst, 'iscoolgpt_ask_confidence_sum', { strategy: 'consensus' }), first.json().confidence, 'the confidence of the answer')
    t.equal(valueOf(afterFirst, 'iscoolgpt_cache_misses_total'), 1)
    t.equal(valueOf(afterFirst, 'iscoolgpt_http_requests_total', { method: 'POST', route: '/api/ask', status_code: '200' }), 1)
    t.equal(valueOf(afterFirst, 'iscoolgpt_http_request_duration_seconds_count', { method: 'POST', route: '/api/ask', status_code: '200' }), 1)
    t.equal(valueOf(afterFirst, 'iscoolgpt_http_requests_total', { method: 'GET', route: '/metrics', status_code: '200' }), 1, 'the scrape before counts too')

    const again = await app.inject({ method: 'POST', url: '/api/ask', payload: { question: QUESTION, strategy: 'consensus' } })
    t.equal(again.json().cached, true)
    const afterSecond = await scrape(app)
    t.equal(sumOf(afterSecond, 'iscoolgpt_provider_calls_total'), 3, 'a cached answer calls no provider')
    t.equal(valueOf(afterSecond, 'iscoolgpt_cache_hits_total', { store: 'memory' }), 1)
    t.equal(valueOf(afterSecond, 'iscoolgpt_asks_total', { strategy: 'consensus', outcome: 'answered', cached: 'true' }), 1)

    await app.inject({ method: 'GET', url: '/no/such/page' })
    await app.inject({ method: 'GET', url: '/another/probe' })
    const afterProbes = await scrape(app)
    t.equal(valueOf(afterProbes, 'iscoolgpt_http_requests_total', { method: 'GET', route: 'unmatched', status_code: '404' }), 2, 'unknown paths share one series')
    t.notOk([...afterProbes.values()].some(f => f.samples.some(s => s.labels.route === '/no/such/page')))

    const bad = await app.inject({ method: 'POST', url: '/api/ask', payload: { question: QUESTION, providers: ['nope'] } })
    t.equal(bad.statusCode, 400)
    const afterBad = await scrape(app)
    t.equal(valueOf(afterBad, 'iscoolgpt_asks_total', { outcome: 'rejected' }), 1, 'a refused question counts as rejected')
    t.equal(valueOf(afterBad, 'iscoolgpt_http_requests_total', { method: 'POST', route: '/api/ask', status_code: '400' }), 1)
  })

  t.test('circuit state per provider: open after repeated failures', async t => {
    const stubs = await startStubs(t)
    stubs.openai.setBehaviour({ text: ANSWER })
    stubs.gemini.setBehaviour({ text: ANSWER })
    stubs.hf.setBehaviour({ type: 'error', status: 503, body: { error: 'overloaded' } })
    const app = await build(t, { ...stubs.env, ...CACHE_ON, BREAKER_FAILURES: '2', RETRY_MAX_ATTEMPTS: '1' })
    const closed = await scrape(app)
    t.equal(valueOf(closed, 'iscoolgpt_provider_circuit_state', { provider: 'huggingface' }), 0, 'closed at start')
    for (let i = 0; i < 2; i++) {
      const res = await app.inject({ method: 'POST', url: '/api/ask', payload: { question: `${QUESTION} ${i}` } })
      t.equal(res.statusCode, 200)
    }
    const open = await scrape(app)
    t.equal(valueOf(open, 'iscoolgpt_provider_circuit_state', { provider: 'huggingface' }), 2, 'open')
    t.equal(valueOf(open, 'iscoolgpt_provider_circuit_state', { provider: 'openai' }), 0)
    t.equal(valueOf(open, 'iscoolgpt_provider_errors_total', { provider: 'huggingface', error_class: 'unavailable' }), 2)

    await app.inject({ method: 'POST', url: '/api/ask', payload: { question: `${QUESTION} 3` } })
    const skipped = await scrape(app)
    t.equal(valueOf(skipped, 'iscoolgpt_provider_outcomes_total', { provider: 'huggingface', status: 'skipped', reason: 'circuit_open' }), 1, 'skipped while open')
    t.equal(valueOf(skipped, 'iscoolgpt_provider_calls_total', { provider: 'huggingface', outcome: 'error' }), 2, 'and not called')
  })

  t.test('every provider failing is counted as a failed ask', async t => {
    const stubs = await startStubs(t)
    for (const s of [stubs.openai, stubs.gemini, stubs.hf]) s.setBehaviour({ type: 'error', status: 400, body: { error: { message: 'bad', type: 'invalid_request_error' } } })
    const app = await build(t, { ...stubs.env, ...CACHE_ON })
    const res = await app.inject({ method: 'POST', url: '/api/ask', payload: { question: QUESTION, strategy: 'vote' } })
    t.equal(res.statusCode, 502)
    const m = await scrape(app)
    t.equal(valueOf(m, 'iscoolgpt_asks_total', { strategy: 'vote', outcome: 'failed', cached: 'false' }), 1)
    t.equal(sumOf(m, 'iscoolgpt_provider_errors_total', { error_class: 'bad_request' }), 3)
    t.equal(sumOf(m, 'iscoolgpt_ask_confidence_count'), 0, 'no confidence without an answer')
  })

  t.test('METRICS_TOKEN guards /metrics with its own bearer token; the API keys do not open it', async t => {
    const app = await build(t, { METRICS_TOKEN: 'scrape-secret-123', API_KEYS: 'web:web-key-12345678' })
    const none = await app.inject({ method: 'GET', url: '/metrics' })
    t.equal(none.statusCode, 401)
    t.match(none.headers['content-type'], /application\/problem\+json/)
    t.match(none.headers['www-authenticate'], /^Bearer /)
    const apiKey = await app.inject({ method: 'GET', url: '/metrics', headers: { authorization: 'Bearer web-key-12345678' } })
    t.equal(apiKey.statusCode, 403)
    const wrong = await app.inject({ method: 'GET', url: '/metrics', headers: { authorization: 'Bearer scrape-secret-124' } })
    t.equal(wrong.statusCode, 403)
    t.notMatch(wrong.body, /scrape-secret/, 'the token is never echoed')
    const right = await app.inject({ method: 'GET', url: '/metrics', headers: { authorization: 'Bearer scrape-secret-123' } })
    t.equal(right.statusCode, 200)
    t.ok(parsePrometheus(right.body).has('iscoolgpt_asks_total'))
  })

  t.test('scrapes are not rate limited and never hit the API key check', async t => {
    const app = await build(t, { RATE_LIMIT_MAX: '2', API_KEYS: 'web:web-key-12345678' })
    for (let i = 0; i < 5; i++) {
      const res = await app.inject({ method: 'GET', url: '/metrics' })
      t.equal(res.statusCode, 200, `scrape ${i + 1}`)
      t.equal(res.headers['x-ratelimit-limit'], undefined)
    }
  })

  t.test('the OpenAPI document describes GET /metrics as text/plain under the metrics tag', async t => {
    const app = await build(t)
    const doc = (await app.inject({ method: 'GET', url: '/docs/json' })).json()
    const op = doc.paths['/metrics']?.get
    t.ok(op, 'documented')
    t.equal(op.operationId, 'getMetrics')
    t.same(op.tags, ['metrics'])
    t.same(Object.keys(op.responses['200'].content), ['text/plain'])
    t.ok(op.responses['401'] !== undefined && op.responses['403'] !== undefined, 'the token errors are documented')
  })
})

t.test('request-log', async t => {
  // The access log at info: one line per API request (an ask's summary is its line), nothing for the page, its
  // assets, the docs, probes or metrics; and the short form a terminal gets.
  isolateData(t)
  interface Line { level: number, msg: string, reqId?: string, req?: { method: string, url: string, remoteAddress?: string }, res?: { statusCode: number }, responseTime?: number, [key: string]: unknown }

  async function appWithLogs (t: Test, level: string): Promise<{ app: Awaited<ReturnType<typeof buildApp>>, lines: () => Line[] }> {
    const { lines, stream } = captureLogs()
    const config = loadConfig({ ...TEST_DEFAULTS, KNOWLEDGE: 'on', RATE_LIMIT_MAX: '0', LOG_LEVEL: level })
    const app = await buildApp(config, { logger: { ...loggerOptions(config), stream } })
    t.teardown(async () => await app.close())
    await app.ready()
    return { app, lines: () => lines.map(l => JSON.parse(l) as Line) }
  }

  t.test('at info: one line per API request, none for the page, assets, docs, probes and metrics', async t => {
    const { app, lines } = await appWithLogs(t, 'info')
    const startLines = lines().length
    const page = await app.inject('/')
    const asset = /href="(\/assets\/[^"]+\.css)"/.exec(page.body)?.[1]
    t.ok(asset, 'the page names its stylesheet')
    for (const url of ['/health', '/ready', '/metrics', '/docs', '/docs/json', asset ?? '/']) t.equal((await app.inject(url)).statusCode, 200, `${url} answers`)
    t.same(lines().slice(startLines), [], 'no line for any of them')

    const ask = await app.inject({ method: 'POST', url: '/api/ask', payload: { question: 'What is a Docker image?' } })
    t.equal(ask.statusCode, 200)
    const chat = await app.inject({ method: 'POST', url: '/v1/chat/completions', payload: { model: 'iscoolgpt', messages: [{ role: 'user', content: 'What is a VPC?' }] } })
    t.equal(chat.statusCode, 200)
    t.equal((await app.inject('/api/providers')).statusCode, 200)
    t.equal((await app.inject({ method: 'POST', url: '/api/ask', payload: { question: '' } })).statusCode, 400)
    t.equal((await app.inject('/api/nothing-here')).statusCode, 404)

    const api = lines().slice(startLines)
    t.equal(api.length, 5, 'five API requests, five lines')
    t.equal(new Set(api.map(l => l.reqId)).size, 5, 'each from its own request')
    t.match(api[0], { level: 30, msg: 'ask answered', askId: ask.json().id, req: { method: 'POST', url: '/api/ask', remoteAddress: '127.0.0.1' } }, 'the ask\'s summary is its access line, with the method and path')
    t.match(api[1], { msg: 'ask answered', req: { method: 'POST', url: '/v1/chat/completions' } })
    t.match(api[2], { level: 30, msg: 'request completed', req: { method: 'GET', url: '/api/providers' }, res: { statusCode: 200 } })
    t.type(api[2]?.responseTime, 'number')
    t.match(api[3], { msg: 'request completed', req: { url: '/api/ask' }, res: { statusCode: 400 } }, 'a refused ask has no summary, so it gets the access line')
    t.match(api[4], { msg: 'request completed', req: { url: '/api/nothing-here' }, res: { statusCode: 404 } })
  })

  t.test('at debug the page, probes and assets are logged too, still one line per request', async t => {
    const { app, lines } = await appWithLogs(t, 'debug')
    const startLines = lines().length
    await app.inject('/health')
    await app.inject('/')
    const logged = lines().slice(startLines)
    t.match(logged, [{ level: 20, msg: 'request completed', req: { url: '/health' }, res: { statusCode: 200 } }, { level: 20, msg: 'request completed', req: { url: '/' } }])
    t.equal(logged.length, 2)
  })

  t.test('the short form of each kind of line', async t => {
    const time = new Date(2026, 0, 5, 14, 3, 9).getTime()
    t.equal(formatLogLine(JSON.stringify({ level: 30, time, pid: 1, hostname: 'h', reqId: 'r', req: { method: 'GET', url: '/api/providers' }, res: { statusCode: 200 }, responseTime: 3.21, msg: 'request completed' })),
      '14:03:09 INFO  GET /api/providers 200 3.2 ms\n')
    t.equal(formatLogLine(JSON.stringify({
      level: 30, time, reqId: 'r', req: { method: 'POST', url: '/api/ask' }, msg: 'ask answered', askId: 'r', client: 'moodle', outcome: 'answered', status: 200, strategy: 'vote', cache: 'miss', confidence: 0.8, costUsd: 0.000123,
      providers: [{ id: 'openai', status: 'ok', latencyMs: 812, attempts: 2 }, { id: 'gemini', status: 'error', reason: 'auth', latencyMs: 30, attempts: 1 }],
      timings: { totalMs: 845.2 }
    })), '14:03:09 INFO  POST /api/ask 200 ask answered 845 ms · vote · confidence 0.80 · cache miss · $0.00012 · client moodle · openai ok 812 ms ×2, gemini error(auth)\n')
    t.equal(formatLogLine(JSON.stringify({ level: 40, time, msg: 'redis connection lost', redis: 'redis://cache:6379' })), '14:03:09 WARN  redis connection lost redis=redis://cache:6379\n', 'other fields as key=value')
    const error = formatLogLine(JSON.stringify({ level: 50, time, msg: 'request failed', err: { type: 'TypeError', message: 'x is undefined', stack: 'TypeError: x is undefined\n    at f (src/a.ts:1:1)' } }))
    t.equal(error, '14:03:09 ERROR request failed TypeError: x is undefined\n    at f (src/a.ts:1:1)\n', 'an internal error keeps its stack for the developer')
    t.equal(formatLogLine('not json'), 'not json\n', 'anything else passes through')
    t.match(formatLogLine(JSON.stringify({ level: 30, time, msg: 'hi' }), true), /\u001b\[32mINFO \u001b\[0m hi/, 'colours only when asked')
  })

  t.test('the pretty destination still masks configured secrets', async t => {
    const out: string[] = []
    const config = loadConfig({ ...TEST_DEFAULTS, OPENAI_API_KEY: 'sk-secret-in-a-log-line' })
    const options = loggerOptions(config, { out: { write: (s: string) => { out.push(s); return true } }, color: false })
    t.ok(options.stream, 'a stream is set')
    const app = await buildApp(config, { logger: options as never })
    t.teardown(async () => await app.close())
    app.log.warn({ detail: 'key sk-secret-in-a-log-line leaked' }, 'oops')
    t.match(out.join(''), /WARN {2}oops detail="key \[redacted\] leaked"/)
    t.notMatch(out.join(''), /sk-secret/)
  })
})
