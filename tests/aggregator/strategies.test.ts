import t from 'tap'
import { aggregate, buildSynthesisPrompt } from '../../src/aggregator/index.js'
import type { CandidateInput } from '../../src/aggregator/types.js'
import { DOCKER_ANSWERS, DOCKER_COMPANY, DOCKER_QUESTION, MATH_QUESTION, ok, solution } from './answers.js'

const dockerTrio = (): CandidateInput[] => [
  ok('openai', DOCKER_ANSWERS.openai, { latencyMs: 900 }),
  ok('gemini', DOCKER_ANSWERS.gemini, { latencyMs: 400 }),
  ok('hf', DOCKER_ANSWERS.huggingface, { latencyMs: 1200 })
]

t.test('auto: short answers are voted on, free text goes to best', async t => {
  const short = aggregate(MATH_QUESTION, [ok('a', solution('18')), ok('b', 'The answer is $18.00'), ok('c', solution('20'))], { strategy: 'auto' })
  t.equal(short.strategy, 'vote')
  t.equal(short.answerType, 'short')
  t.equal(short.normalized, '18')
  t.same(short.candidates.map(c => c.extracted), ['18', '18', '20'])

  // Free text is chosen on the answer's standing among the others and its provider's record
  // (see 'best' below), not on closeness to the centre alone.
  const free = aggregate(DOCKER_QUESTION, dockerTrio(), { strategy: 'auto' })
  t.equal(free.strategy, 'best')
  t.equal(free.answerType, 'free')
  t.equal(free.normalized, null)
  t.same(free, aggregate(DOCKER_QUESTION, dockerTrio(), { strategy: 'best' }), 'auto on free text is exactly best')
})

t.test('vote: weighted majority, answers compared after normalisation', async t => {
  const decision = aggregate('Quanto custa no total?', [
    ok('a', 'São 3 itens de R$ 6,00.\nResposta: R$ 18,00'),
    ok('b', '3 × 6 = 18\n**18**'),
    ok('c', 'Total: 18.0'),
    ok('d', 'A: 17')
  ], { strategy: 'vote' })
  t.equal(decision.strategy, 'vote')
  t.equal(decision.normalized, '18')
  t.not(decision.chosen?.provider, 'd')
})

t.test('vote: a heavier prior outweighs a head count', async t => {
  const candidates = [
    ok('small-1', solution('18'), { weight: 1 }),
    ok('small-2', solution('18', 1), { weight: 1 }),
    ok('large', solution('20'), { weight: 3 })
  ]
  const decision = aggregate(MATH_QUESTION, candidates, { strategy: 'vote' })
  t.equal(decision.normalized, '20', '3 > 1 + 1')
  const tracked = aggregate(MATH_QUESTION, [
    ok('a', solution('18'), { trackRecord: 0.9 }),
    ok('b', solution('20'), { trackRecord: 0.2 }),
    ok('c', solution('20', 1), { trackRecord: 0.2 })
  ], { strategy: 'vote' })
  t.equal(tracked.normalized, '18', 'a reliable track record outweighs two unreliable providers')
})

t.test('vote: ties are broken by prior, not by order', async t => {
  const first = aggregate(MATH_QUESTION, [
    ok('a', solution('18'), { weight: 1 }), ok('b', solution('18', 1), { weight: 1 }), ok('c', solution('20', 2), { weight: 2 })
  ], { strategy: 'vote' })
  t.equal(first.normalized, '20', 'equal group weight (0.5 + 0.5 = 1): the higher prior wins')
  const swapped = aggregate(MATH_QUESTION, [
    ok('c', solution('20'), { weight: 1 }), ok('a', solution('18'), { weight: 2 })
  ], { strategy: 'vote' })
  t.equal(swapped.normalized, '18')
})

t.test('vote: the returned text is the best-scoring member of the winning group', async t => {
  const worked = 'She has 16 eggs, eats 3 and bakes with 4, so 16 - 3 - 4 = 9 eggs are sold. At $2 each that is 9 * 2 = 18 dollars per day.\nA: 18'
  const decision = aggregate(MATH_QUESTION, [ok('terse', '18'), ok('worked', worked), ok('other', 'A: 20')], { strategy: 'vote' })
  t.equal(decision.normalized, '18')
  t.equal(decision.chosen?.provider, 'worked')
  t.equal(decision.answer, worked)
  const [terse, full] = decision.candidates
  t.ok(full.scores.total > terse.scores.total)
})

t.test('vote: without any final answer it falls back to consensus and says so', async t => {
  const decision = aggregate(DOCKER_QUESTION, dockerTrio(), { strategy: 'vote' })
  t.equal(decision.strategy, 'consensus')
  t.equal(decision.normalized, null)
  t.not(decision.chosen, null)
})

t.test('an explicit vote also reads an unmarked last number; auto does not', async t => {
  const candidates = [
    ok('a', 'He buys 3 packs of 4 pens, 3 * 4 = 12 pens in total, so he has 12'),
    ok('b', 'Three packs with four pens each give 12'),
    ok('c', 'That makes 3 * 4 = 12 pens, then he gives away 2 and keeps 10')
  ]
  const question = 'Tom buys 3 packs of 4 pens. How many pens does he buy?'
  // The question asks for a number, but no answer commits to one, so auto does not vote.
  const auto = aggregate(question, candidates, { strategy: 'auto' })
  t.equal(auto.strategy, 'best')
  t.equal(auto.answerType, 'free')
  t.equal(auto.normalized, null)
  t.same(auto.candidates.map(c => c.extracted), [null, null, null])
  const vote = aggregate(question, candidates, { strategy: 'vote' })
  t.equal(vote.strategy, 'vote')
  t.equal(vote.normalized, '12')
  t.not(vote.chosen?.provider, 'c')
})

t.test('consensus: the medoid, not the first or the loudest answer', async t => {
  const decision = aggregate(DOCKER_QUESTION, [
    ok('company', DOCKER_COMPANY), ...dockerTrio()
  ], { strategy: 'consensus' })
  t.equal(decision.strategy, 'consensus')
  t.not(decision.chosen?.provider, 'company')
  const kept = decision.candidates.filter(c => c.filtered === null)
  const chosen = decision.candidates.find(c => c.provider === decision.chosen?.provider)
  t.ok(kept.every(c => c.scores.consensus <= (chosen?.scores.consensus ?? 0)), 'chosen has the highest consensus here')
})

t.test('best on free text: the highest standing plus twice the provider\'s learned quality', async t => {
  const candidates = [
    ok('short', 'Containers share the host kernel.', { latencyMs: 50 }),
    ...dockerTrio()
  ]
  const decision = aggregate(DOCKER_QUESTION, candidates, { strategy: 'best' })
  t.equal(decision.strategy, 'best')
  t.not(decision.chosen?.provider, 'short')
  // With nothing learned about any provider the choice is the answer with the highest standing,
  // which is also what the learner is handed.
  t.equal(decision.learning?.kind, 'open')
  const signals = decision.learning?.signals ?? []
  const top = signals.reduce((a, b) => (b.value > a.value ? b : a))
  t.equal(decision.chosen?.provider, top.provider)
  t.equal(signals.find(s => s.provider === 'short')?.value, Math.min(...signals.map(s => s.value)), 'a one-liner stands lowest')

  // A provider that has written the better answers question after question is preferred over a
  // better-looking answer this once: standing + 2 × quality.
  const runnerUp = signals.filter(s => s !== top && s.provider !== 'short').reduce((a, b) => (b.value > a.value ? b : a))
  const gap = top.value - runnerUp.value
  const trusted = aggregate(DOCKER_QUESTION, candidates, { strategy: 'best', reliability: { [runnerUp.provider]: { accuracy: 0.6, quality: gap / 2 + 0.05 } } })
  t.equal(trusted.chosen?.provider, runnerUp.provider, `quality ${gap / 2 + 0.05} closes a standing gap of ${gap}`)
  const notEnough = aggregate(DOCKER_QUESTION, candidates, { strategy: 'best', reliability: { [runnerUp.provider]: { accuracy: 0.6, quality: gap / 2 - 0.05 } } })
  t.equal(notEnough.chosen?.provider, top.provider)
})

t.test('best on short answers: the highest total', async t => {
  const decision = aggregate(MATH_QUESTION, [ok('a', solution('18')), ok('b', solution('18', 1)), ok('c', 'A: 20')], { strategy: 'best' })
  t.equal(decision.strategy, 'best')
  const totals = decision.candidates.filter(c => c.filtered === null).map(c => c.scores.total)
  const chosen = decision.candidates.find(c => c.provider === decision.chosen?.provider)
  t.equal(chosen?.scores.total, Math.max(...totals))
})

t.test('fastest: the quickest good answer, skipping filtered ones', async t => {
  const decision = aggregate(DOCKER_QUESTION, [
    ok('refuser', "I'm sorry, but I can't help with that.", { latencyMs: 10 }),
    ...dockerTrio()
  ], { strategy: 'fastest' })
  t.equal(decision.strategy, 'fastest')
  t.equal(decision.chosen?.provider, 'gemini')
  const unknown = aggregate(DOCKER_QUESTION, [
    ok('no-latency', DOCKER_ANSWERS.openai), ok('measured', DOCKER_ANSWERS.gemini, { latencyMs: 5000 })
  ], { strategy: 'fastest' })
  t.equal(unknown.chosen?.provider, 'measured', 'an unmeasured latency counts as slowest')
})

t.test('synthesize offline is the consensus it falls back to, reported as consensus', async t => {
  const synth = aggregate(DOCKER_QUESTION, dockerTrio(), { strategy: 'synthesize' })
  const consensus = aggregate(DOCKER_QUESTION, dockerTrio(), { strategy: 'consensus' })
  t.equal(synth.strategy, 'consensus')
  t.same(synth, consensus)
})

t.test('buildSynthesisPrompt: system + user, the top answers by total, filtered ones left out', async t => {
  const candidates = [
    ok('company', DOCKER_COMPANY),
    ok('refuser', "I'm sorry, but I can't help with that."),
    ...dockerTrio()
  ]
  const decision = aggregate(DOCKER_QUESTION, candidates, { strategy: 'consensus' })
  const messages = buildSynthesisPrompt(DOCKER_QUESTION, decision, candidates, 2)
  t.same(messages.map(m => m.role), ['system', 'user'])
  t.match(messages[0].content, /language of the question/)
  const user = messages[1].content
  t.ok(user.includes(DOCKER_QUESTION))
  t.notOk(user.includes('sorry'), 'a refusal is never fused')
  t.notOk(user.includes('Palo Alto'), 'an outlier is never fused')
  const ranked = decision.candidates
    .map((c, i) => ({ c, i }))
    .filter(({ c }) => c.filtered === null)
    .sort((a, b) => b.c.scores.total - a.c.scores.total)
  const first = user.indexOf(candidates[ranked[0].i].text)
  const second = user.indexOf(candidates[ranked[1].i].text)
  t.ok(first >= 0 && second > first, 'best total first')
  t.notOk(user.includes(candidates[ranked[2].i].text), 'only maxAnswers answers')
  t.match(user, /Answer 1:[\s\S]*Answer 2:/)

  const all = buildSynthesisPrompt(DOCKER_QUESTION, decision, candidates)
  t.equal((all[1].content.match(/^Answer \d:/gm) ?? []).length, 3, 'three by default')

  const long = 'Kubernetes '.repeat(2000)
  const cut = buildSynthesisPrompt('What is Kubernetes?', aggregate('What is Kubernetes?', [ok('a', long)], { strategy: 'consensus' }), [ok('a', long)])
  t.ok(cut[1].content.length < 6500, 'long answers are cut')
})

t.test('aggregate is deterministic and does not mutate its input', async t => {
  const candidates = dockerTrio()
  const snapshot = JSON.stringify(candidates)
  const first = aggregate(DOCKER_QUESTION, candidates, { strategy: 'auto' })
  const second = aggregate(DOCKER_QUESTION, candidates, { strategy: 'auto' })
  t.same(first, second)
  t.equal(JSON.stringify(candidates), snapshot)
})
