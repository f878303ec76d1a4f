// The cascade: its plan and settle rules on recorded answers, and the same rounds through the running service.
// One process for both (tap starts each test file in a process of its own, and a small file's start-up cost more than its tests).
import t from 'tap'
import { aggregate } from '../../src/aggregator/index.js'
import {
  CASCADE_EXPLORE_EVERY, CASCADE_WARM_UP, bestBacked, bestWriter, cannotChange, cascadeKind, cascadeOption, cascadeRounds, isExploration, isSettled, notNeeded, planCascade, runCascade
} from '../../src/aggregator/cascade.js'
import type { CandidateInput, ProviderReliability } from '../../src/aggregator/types.js'
import { emptyTrust, reliabilities } from '../../src/trust/reliability.js'
import { replay, type RecordedQuestion } from '../../src/trust/replay.js'
import { DOCKER_ANSWERS, DOCKER_QUESTION, MATH_QUESTION, ok, solution } from '../aggregator/answers.js'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { build } from '../helper.js'
import { startStubs } from '../stub-env.js'
import { parsePrometheus } from '../observability/prometheus-text.js'

t.test('rules', async t => {
  // The cascade's plan and settle rules on recorded answers: who is asked when, when it stops, what it learns from.

  /** Two cheap providers and two ten times dearer; `dear` is the reliable one. */
  const COSTS: Record<string, number> = { cheap1: 0.001, cheap2: 0.001, dear: 0.01, other: 0.01 }
  const known = (accuracy: number): ProviderReliability => ({ accuracy, quality: 0, questions: 100 })
  const LEARNED: Record<string, ProviderReliability> = { cheap1: known(0.25), cheap2: known(0.4), dear: known(0.6), other: known(0.35) }

  function priced (answers: Record<string, string>): CandidateInput[] {
    return Object.entries(answers).map(([provider, answer], i) => ({ ...ok(provider, solution(answer, i)), costUsd: COSTS[provider] }))
  }

  const options = (reliability: Record<string, ProviderReliability>) => Object.keys(COSTS).map(id => cascadeOption(id, COSTS[id], reliability[id]))

  t.test('plan: the two cheap providers first, then the dear ones by record; everyone while a record is short, one dear provider in turn on exploration', async t => {
    const plan = planCascade(options(LEARNED), 1)
    t.same(plan, { rounds: [['cheap2', 'cheap1'], ['dear'], ['other']], explore: false }, 'cheapest first; among equal prices the more reliable')
    t.same(planCascade(options(LEARNED), CASCADE_EXPLORE_EVERY), { rounds: [['cheap2', 'cheap1', 'dear']], explore: true }, 'equal records: the first dear one')
    const staler = { ...LEARNED, other: { ...LEARNED.other, questions: 60 } }
    t.same(planCascade(options(staler), CASCADE_EXPLORE_EVERY), { rounds: [['cheap2', 'cheap1', 'other']], explore: true }, 'the dear provider whose record rests on fewer questions')
    const newcomer = { ...LEARNED, other: { ...LEARNED.other, questions: CASCADE_WARM_UP - 1 } }
    t.same(planCascade(options(newcomer), 1).explore, true, 'a paid provider with a short record: everyone is asked, so it gets one')
    t.equal(planCascade(options(newcomer), 1).rounds.length, 1)
  })

  t.test('cheap providers agreeing on a number settle it; the dear ones are not asked', async t => {
    const candidates = priced({ cheap1: '18', cheap2: '18', dear: '18', other: '18' })
    const result = runCascade(MATH_QUESTION, candidates, LEARNED, undefined, 1)
    t.same(result.consulted, ['cheap2', 'cheap1'])
    t.equal(result.decision.normalized, '18')
    t.equal(result.explore, false)
    t.equal(result.costUsd, 0.002)
    const skipped = result.decision.candidates.filter(c => c.filtered === 'not_needed').map(c => c.provider)
    t.same(skipped, ['dear', 'other'])
  })

  t.test('cheap providers disagreeing: the reliable dear one decides, the less reliable one is not asked', async t => {
    const candidates = priced({ cheap1: '18', cheap2: '20', dear: '22', other: '18' })
    const result = runCascade(MATH_QUESTION, candidates, LEARNED, undefined, 1)
    t.same(result.consulted, ['cheap2', 'cheap1', 'dear'])
    t.equal(result.decision.normalized, '22', 'the most reliable provider asked')

    // When a provider still to be asked (here four times dearer) has the better record, it is asked too.
    const better = { ...LEARNED, other: known(0.7) }
    const dearer = candidates.map(c => (c.provider === 'other' ? { ...c, costUsd: 0.04 } : c))
    const all = runCascade(MATH_QUESTION, dearer, better, undefined, 1)
    t.same(all.consulted, ['cheap2', 'cheap1', 'dear', 'other'])
    t.equal(all.decision.normalized, '18', 'the best record sided with a cheap answer')

    // Within a price class (less than three times dearer: a longer answer at the same list price) the better record goes first and settles it alone.
    const longer = candidates.map(c => (c.provider === 'other' ? { ...c, costUsd: 0.025 } : c))
    const first = runCascade(MATH_QUESTION, longer, better, undefined, 1)
    t.same(first.consulted, ['cheap2', 'cheap1', 'other'])
    t.equal(first.decision.normalized, '18')
  })

  t.test('settle rules on one decision', async t => {
    const revealed = (answers: Record<string, string>, asked: readonly string[]): ReturnType<typeof aggregate> =>
      aggregate(MATH_QUESTION, priced(answers).map(c => (asked.includes(c.provider) ? c : notNeeded(c))), { strategy: 'auto', reliability: LEARNED })
    const agree = revealed({ cheap1: '18', cheap2: '18', dear: '5', other: '5' }, ['cheap1', 'cheap2'])
    t.ok(cannotChange(agree, ['dear'], LEARNED), 'one dear vote cannot outweigh two agreeing cheap ones')
    t.notOk(cannotChange(agree, ['dear', 'other'], LEARNED), 'two dear votes together could')
    t.ok(isSettled(agree, 0.99, { providers: ['dear'], later: ['dear', 'other'], reliability: LEARNED }))

    const split = revealed({ cheap1: '18', cheap2: '20', dear: '22', other: '18' }, ['cheap1', 'cheap2'])
    t.notOk(cannotChange(split, ['dear'], LEARNED))
    t.notOk(bestBacked(split, ['dear', 'other'], LEARNED), 'a more reliable provider is still to be asked')
    t.notOk(isSettled(split, 0.99, { providers: ['dear'], later: ['dear', 'other'], reliability: LEARNED }))

    const lone = revealed({ cheap1: '18', cheap2: '20', dear: '22', other: '18' }, ['cheap1', 'cheap2', 'dear'])
    t.ok(bestBacked(lone, ['other'], LEARNED), 'the chosen answer is the most reliable provider\'s')
    t.notOk(cannotChange(lone, ['other'], LEARNED), 'though the last one could still overturn it')
    t.ok(isSettled(lone, 0.99, { providers: ['other'], reliability: LEARNED }))
    t.notOk(isSettled(lone, 0.99), 'without a next round to weigh, only the threshold settles')
  })

  t.test('replay learns only from questions asked by plan: everyone during the warm-up, one dear provider in turn on exploration', async t => {
    const records: RecordedQuestion[] = Array.from({ length: 100 }, (_, i) => ({
      id: `q${i}`,
      question: MATH_QUESTION,
      // The cheap pair agrees on every other question; on the rest the dear ones are needed.
      candidates: priced(i % 2 === 0 ? { cheap1: '18', cheap2: '18', dear: '18', other: '18' } : { cheap1: String(30 + i), cheap2: '18', dear: '18', other: '18' })
    }))
    const steps = [...replay(records, { strategy: 'cascade' })]
    const explored: string[] = []
    for (const [k, step] of steps.entries()) {
      const after = k + 1 < steps.length ? steps[k + 1].before : null
      if (after === null) break
      const consulted = step.cascade?.consulted ?? []
      const planned = k < CASCADE_WARM_UP || isExploration(k)
      for (const provider of ['cheap1', 'dear', 'other']) {
        const learned = (after.providers[provider]?.questions ?? 0) - (step.before.providers[provider]?.questions ?? 0)
        t.equal(learned, planned && consulted.includes(provider) ? 1 : 0, `question ${k}, ${provider}: learned ${learned}, asked ${consulted.join(',')}`)
      }
      if (k < CASCADE_WARM_UP) t.equal(consulted.length, 4, `question ${k} of the warm-up asked everyone`)
      else if (planned) {
        t.same(consulted.slice(0, 2).sort(), ['cheap1', 'cheap2'], `exploration question ${k} asked the first round`)
        t.equal(consulted.length, 3, `and one dear provider: ${consulted.join(',')}`)
        explored.push(consulted[2])
      }
      t.equal(after.decided, k + 1, 'every question is counted')
    }
    t.same(explored, ['dear', 'other', 'dear'], 'the dear providers take turns')
    const cheapOnly = steps.filter(s => s.cascade?.consulted.length === 2).length
    t.ok(cheapOnly >= 15, `after the warm-up the cheap pair settles the questions they agree on (${cheapOnly})`)
    const learned = reliabilities(steps[steps.length - 1].before)
    t.ok(learned.cheap1.accuracy < learned.cheap2.accuracy, 'the cheap provider that keeps dissenting is learned to be less accurate')
    t.same(steps[0].before, emptyTrust())
  })

  t.test('free text: agreement settles only when no provider still to be asked writes the better answers', async t => {
    const candidates = [ok('cheap1', DOCKER_ANSWERS.openai), ok('cheap2', DOCKER_ANSWERS.huggingface), ok('dear', DOCKER_ANSWERS.gemini)]
    const writers = (dear: number): Record<string, ProviderReliability> => ({ cheap1: { ...known(0.5), quality: 0.1 }, cheap2: { ...known(0.5), quality: 0 }, dear: { ...known(0.5), quality: dear } })
    const decision = aggregate(DOCKER_QUESTION, [...candidates.slice(0, 2), notNeeded(candidates[2])], { strategy: 'auto', reliability: writers(0) })
    t.equal(decision.answerType, 'free')
    t.ok(decision.confidence > 0.3, `the two cheap answers agree: ${decision.confidence}`)
    t.ok(isSettled(decision, 0.3, { providers: ['dear'], reliability: writers(0) }), 'the dear provider writes no better: settled')
    t.ok(isSettled(decision, 0.99, { providers: ['dear'], reliability: writers(0) }), 'whatever the confidence: a worse writer would rarely be chosen')
    t.notOk(isSettled(decision, 0.99), 'without the later rounds to compare with, the confidence decides')
    const worse = { ...writers(0.05), cheap2: { ...known(0.5), quality: 0.2 } }
    t.ok(isSettled(decision, 0.3, { providers: ['dear'], reliability: worse }), 'the better writer among those asked counts, whichever answer was chosen')
    t.notOk(isSettled(decision, 0.3, { providers: ['dear'], reliability: writers(0.5) }), 'it writes better: it is asked')
    t.notOk(bestWriter('cheap1', ['dear'], writers(0.1)), 'an equal record is asked: it may write the better answer')
    t.notOk(bestWriter('cheap1', ['dear'], { ...writers(0), dear: { ...known(0.5), quality: 0, feedback: 0.5 } }), 'ratings count as well')
  })

  t.test('free text: the better writer is asked first, whatever its price', async t => {
    const writers: Record<string, ProviderReliability> = { cheap1: { ...known(0.5), quality: 0 }, cheap2: { ...known(0.5), quality: -0.2 }, dear: { ...known(0.6), quality: -0.5 }, other: { ...known(0.35), quality: 0.8 } }
    const dearer = Object.keys(COSTS).map(id => cascadeOption(id, id === 'other' ? 0.05 : COSTS[id], writers[id]))
    t.same(cascadeRounds(dearer, 'open'), [['other', 'cheap1'], ['cheap2'], ['dear']], 'the best writer and the cheapest first; the cheaper dear provider writes worse and could not settle it: it comes last')
    t.same(cascadeRounds(dearer, 'short'), [['cheap1', 'cheap2'], ['dear'], ['other']], 'for a short answer, cost and accuracy')
    const cheapWriter = dearer.map(o => ({ ...o, openRecord: o.id === 'cheap2' ? 1 : o.openRecord }))
    t.same(cascadeRounds(cheapWriter, 'open'), [['cheap2', 'cheap1'], ['other'], ['dear']], 'where a cheap provider writes best, the first round is the cheapest pair')
    t.equal(cascadeKind(DOCKER_QUESTION), 'open')
    t.equal(cascadeKind(MATH_QUESTION), 'short')
    t.equal(cascadeKind('A company spends $15000 on advertising for a year, and then a third of that amount for another year.  What\'s the total amount the company spent?'), 'short', '"what\'s the total" asks for a number')
    t.equal(cascadeKind('Mr. Jackson buys 4 packs of 12 glue sticks for 30 students. How many glue sticks are left over?'), 'short', 'a title\'s full stop does not end the sentence')

    const candidates = [ok('cheap1', DOCKER_ANSWERS.openai), ok('cheap2', DOCKER_ANSWERS.huggingface), { ...ok('dear', DOCKER_ANSWERS.gemini), costUsd: 0.01 }, { ...ok('other', DOCKER_ANSWERS.openai), costUsd: 0.05 }]
      .map(c => ({ ...c, costUsd: c.costUsd ?? 0.001 }))
    const result = runCascade(DOCKER_QUESTION, candidates, writers, undefined, 1)
    t.same(result.consulted, ['other', 'cheap1'], 'the best writer settles it; the cheaper, worse writers after it are never asked')
    t.ok(Math.abs(result.costUsd - 0.051) < 1e-12, `the best writer and the cheapest: ${result.costUsd}`)
  })
})

t.test('service', async t => {
  // The cascade through the running service: cheap providers first, the dear one only when needed.

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
})
