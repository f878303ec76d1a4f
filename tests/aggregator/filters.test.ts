import t from 'tap'
import { aggregate } from '../../src/aggregator/index.js'
import type { CandidateInput } from '../../src/aggregator/types.js'
import { DOCKER_ANSWERS, DOCKER_COMPANY, DOCKER_QUESTION, SOURDOUGH, ok } from './answers.js'

const verdictOf = (candidates: CandidateInput[], provider: string, question = DOCKER_QUESTION) => {
  const decision = aggregate(question, candidates, { strategy: 'auto' })
  const verdict = decision.candidates.find(c => c.provider === provider)
  if (verdict === undefined) throw new Error(`no verdict for ${provider}`)
  return { decision, verdict }
}

t.test('failed calls: flag error or skipped, filtered by their error class or status', async t => {
  const candidates: CandidateInput[] = [
    ok('openai', DOCKER_ANSWERS.openai),
    { provider: 'gemini', model: 'g', status: 'error', text: '', errorClass: 'rate_limited' },
    { provider: 'hf', model: 'h', status: 'timeout', text: '' },
    { provider: 'ollama', model: 'o', status: 'skipped', text: '', errorClass: 'circuit_open' }
  ]
  const decision = aggregate(DOCKER_QUESTION, candidates, { strategy: 'auto' })
  t.same(decision.candidates.map(c => [c.flags, c.filtered]), [
    [[], null],
    [['error'], 'rate_limited'],
    [['error'], 'timeout'],
    [['skipped'], 'circuit_open']
  ])
  t.equal(decision.chosen?.provider, 'openai')
  t.equal(decision.candidates.length, candidates.length, 'one verdict per candidate, same order')
})

t.test('empty answers are filtered', async t => {
  const { verdict } = verdictOf([ok('openai', DOCKER_ANSWERS.openai), ok('gemini', '  \n ')], 'gemini')
  t.same(verdict.flags, ['empty'])
  t.equal(verdict.filtered, 'empty')
})

t.test('refusals are filtered while most providers answer; withheld content counts as refusal', async t => {
  // Three compliers and three refusers: not "most declined", so each refusal is simply left out.
  const candidates = [
    ok('openai', DOCKER_ANSWERS.openai),
    ok('gemini', "I'm sorry, but I can't help with that."),
    ok('hf', 'Desculpe, mas não posso ajudar com isso.'),
    ok('vertex', 'partial text', { finishReason: 'content_filter' }),
    ok('mistral', DOCKER_ANSWERS.gemini),
    ok('groq', DOCKER_ANSWERS.huggingface)
  ]
  const decision = aggregate(DOCKER_QUESTION, candidates, { strategy: 'auto' })
  for (const provider of ['gemini', 'hf', 'vertex']) {
    const verdict = decision.candidates.find(c => c.provider === provider)
    t.same(verdict?.flags, ['refusal'], provider)
    t.equal(verdict?.filtered, 'refusal', provider)
  }
  t.equal(decision.refused, false)
  t.ok(['openai', 'mistral', 'groq'].includes(decision.chosen?.provider ?? ''), `chosen ${decision.chosen?.provider}`)
  t.same(decision.candidates.filter(c => c.filtered === null).map(c => c.provider), ['openai', 'mistral', 'groq'])
})

t.test('a disclaimer followed by an answer is kept with a quality penalty', async t => {
  const disclaimer = `As an AI model, I don't have hands-on experience, but here is the difference: ${DOCKER_ANSWERS.gemini}`
  const decision = aggregate(DOCKER_QUESTION, [ok('openai', DOCKER_ANSWERS.gemini), ok('gemini', disclaimer)], { strategy: 'auto' })
  const [plain, hedged] = decision.candidates
  t.same(hedged.flags, ['disclaimer'])
  t.equal(hedged.filtered, null)
  t.ok(hedged.scores.quality < plain.scores.quality, 'disclaimer costs quality')
})

t.test('truncated answers are left out while a complete one exists, kept when alone', async t => {
  const cut = ok('gemini', DOCKER_ANSWERS.gemini, { finishReason: 'length' })
  const withOther = aggregate(DOCKER_QUESTION, [cut, ok('openai', DOCKER_ANSWERS.openai)], { strategy: 'auto' })
  t.same(withOther.candidates[0].flags, ['truncated'])
  t.equal(withOther.candidates[0].filtered, 'truncated')
  t.equal(withOther.chosen?.provider, 'openai')

  const alone = aggregate(DOCKER_QUESTION, [cut], { strategy: 'auto' })
  t.same(alone.candidates[0].flags, ['truncated'])
  t.equal(alone.candidates[0].filtered, null)
  t.equal(alone.answer, DOCKER_ANSWERS.gemini)
  t.ok(alone.candidates[0].scores.quality <= 0.4, 'a cut answer has low quality')
})

t.test('off-topic answers are filtered while on-topic ones exist', async t => {
  const { verdict, decision } = verdictOf([
    ok('openai', DOCKER_ANSWERS.openai), ok('ollama', SOURDOUGH), ok('gemini', DOCKER_ANSWERS.gemini)
  ], 'ollama')
  t.same(verdict.flags, ['off_topic'])
  t.equal(verdict.filtered, 'off_topic')
  t.ok(verdict.scores.relevance < 0.1)
  t.not(decision.chosen?.provider, 'ollama')

  // Off-topic means "unlike the others as well as unlike the question": with fewer than three
  // answers there is no "others" to compare with, so nothing is flagged or removed.
  const onlyOffTopic = aggregate(DOCKER_QUESTION, [ok('ollama', SOURDOUGH)], { strategy: 'auto' })
  t.same(onlyOffTopic.candidates[0].flags, [], 'alone: not judged')
  t.equal(onlyOffTopic.candidates[0].filtered, null, 'and not removed: nothing better exists')
  t.equal(onlyOffTopic.chosen?.provider, 'ollama')
  const pair = aggregate(DOCKER_QUESTION, [ok('openai', DOCKER_ANSWERS.openai), ok('ollama', SOURDOUGH)], { strategy: 'auto' })
  t.same(pair.candidates.map(c => c.filtered), [null, null], 'two answers: nobody to say which is the odd one')
  t.ok(pair.confidence < 0.45, `but they do not agree: ${pair.confidence}`)
})

t.test('outliers: far below the others\' agreement, removed for free text', async t => {
  const { verdict, decision } = verdictOf([
    ok('openai', DOCKER_ANSWERS.openai), ok('gemini', DOCKER_ANSWERS.gemini),
    ok('hf', DOCKER_ANSWERS.huggingface), ok('ollama', DOCKER_COMPANY)
  ], 'ollama')
  t.ok(verdict.scores.relevance >= 0.1, 'on topic: it names Docker')
  t.same(verdict.flags, ['outlier'])
  t.equal(verdict.filtered, 'outlier')
  const kept = decision.candidates.filter(c => c.filtered === null)
  t.equal(kept.length, 3)
  t.ok(kept.every(c => c.scores.consensus > verdict.scores.consensus * 2))
})

t.test('outliers among short answers are flagged but left to the vote', async t => {
  const question = 'How many availability zones must a highly available deployment span at least?'
  const decision = aggregate(question, [
    ok('a', 'A highly available deployment spans at least two availability zones.\nA: 2'),
    ok('b', 'Use at least two availability zones so one can fail.\nA: 2'),
    ok('c', 'At minimum, two availability zones are needed for high availability.\nA: 2'),
    ok('d', '7')
  ], { strategy: 'auto' })
  t.equal(decision.strategy, 'vote')
  const outlier = decision.candidates[3]
  t.same(outlier.flags, ['outlier'])
  t.equal(outlier.filtered, null)
  t.equal(decision.normalized, '2')
})

t.test('duplicates: the same provider answering twice counts once; different providers saying the same are agreement', async t => {
  const decision = aggregate(DOCKER_QUESTION, [
    ok('openai', DOCKER_ANSWERS.openai), ok('openrouter', DOCKER_ANSWERS.openai), ok('gemini', DOCKER_ANSWERS.gemini)
  ], { strategy: 'auto' })
  t.same(decision.candidates.map(c => c.filtered), [null, null, null], 'an identical text from another provider is a second voice')
  t.ok(decision.candidates.every(c => !c.flags.includes('duplicate')))
  t.equal(decision.candidates[0].scores.consensus, decision.candidates[1].scores.consensus)

  const twice = aggregate(DOCKER_QUESTION, [
    ok('openai', DOCKER_ANSWERS.openai), ok('gemini', DOCKER_ANSWERS.gemini), ok('openai', DOCKER_ANSWERS.huggingface)
  ], { strategy: 'auto' })
  t.same(twice.candidates[2].flags, ['duplicate'], 'a hedged or retried call of the same provider')
  t.equal(twice.candidates[2].filtered, 'duplicate')
  t.equal(twice.candidates[0].filtered, null, 'the first answer stays')
  t.ok(twice.warnings.some(w => w.startsWith('openai') && /twice/.test(w)), twice.warnings.join(' | '))

  const short = aggregate('Is S3 a block store?', [ok('a', 'No.'), ok('b', 'No.')], { strategy: 'auto' })
  t.same(short.candidates.map(c => c.filtered), [null, null])
  t.same(short.candidates.map(c => c.flags), [[], []])
  t.equal(short.normalized, 'no')
})

t.test('low coverage: flagged, low quality, and when alone returned with confidence ≤ 0.2', async t => {
  const notCovered = 'As notas do curso não cobrem essa pergunta. Tente reformular ou pergunte sobre computação em nuvem.'
  const alone = aggregate('Quem ganhou a Copa do Mundo de 1970?', [ok('knowledge', notCovered, { lowCoverage: true, weight: 0.6 })], { strategy: 'auto' })
  t.same(alone.candidates[0].flags, ['low_coverage'])
  t.equal(alone.candidates[0].filtered, null)
  t.equal(alone.answer, notCovered)
  t.ok(alone.confidence <= 0.2, `confidence ${alone.confidence}`)
  t.ok(alone.candidates[0].scores.quality <= 0.15)

  const withLlm = aggregate(DOCKER_QUESTION, [
    ok('knowledge', 'The course notes do not cover this question.', { lowCoverage: true, weight: 0.6 }),
    ok('openai', DOCKER_ANSWERS.openai)
  ], { strategy: 'auto' })
  t.equal(withLlm.chosen?.provider, 'openai', 'an LLM answer beats "not covered"')
})

t.test('when every candidate is filtered there is no answer', async t => {
  const decision = aggregate(DOCKER_QUESTION, [
    { provider: 'openai', model: 'o', status: 'error', text: '', errorClass: 'auth' },
    ok('ollama', "Error: model 'llama3' not found"),
    ok('hf', '')
  ], { strategy: 'auto' })
  t.equal(decision.answer, '')
  t.equal(decision.chosen, null)
  t.equal(decision.confidence, 0)
  t.equal(decision.normalized, null)
  t.equal(decision.refused, false)
  t.equal(decision.learning, null)
  t.same(decision.candidates.map(c => c.filtered), ['auth', 'junk', 'empty'])
  t.equal(decision.warnings.length, 3, 'each provider is accounted for')
  t.same(aggregate(DOCKER_QUESTION, [], { strategy: 'vote' }).chosen, null, 'no candidates at all')
})

t.test('a refusal that is the only reply is the answer, said to be a refusal', async t => {
  // Most (all) of the providers that replied declined: the reader gets the refusal, marked as such,
  // rather than an empty answer that hides why.
  const decision = aggregate(DOCKER_QUESTION, [
    { provider: 'openai', model: 'o', status: 'error', text: '', errorClass: 'auth' },
    ok('gemini', 'I cannot assist with that request.'),
    ok('hf', '')
  ], { strategy: 'auto' })
  t.equal(decision.refused, true)
  t.equal(decision.chosen?.provider, 'gemini')
  t.equal(decision.answer, 'I cannot assist with that request.')
  t.same(decision.candidates.map(c => c.filtered), ['auth', null, 'empty'])
  t.same(decision.candidates[1].flags, ['refusal'])
  t.match(decision.warnings[0], /declined/)
})
