import t from 'tap'
import { aggregate } from '../../src/aggregator/index.js'
import { SINGLE_SOURCE_CAP, UNCONFIRMED_CAP, agreeingCap, freeTextConfidence, voteConfidence } from '../../src/aggregator/confidence.js'
import { DISAGREEING, DOCKER_ANSWERS, DOCKER_QUESTION, MATH_QUESTION, ok, solution } from './answers.js'

const mathVote = (answers: string[]) => aggregate(MATH_QUESTION, answers.map((a, i) => ok(`m${i}`, solution(a, i))), { strategy: 'vote' })

t.test('short answers: more agreement, more confidence', async t => {
  const four = mathVote(['18', '18', '18', '18']).confidence
  const three = mathVote(['18', '18', '18', '20']).confidence
  const twoTwoOther = mathVote(['18', '18', '20', '22']).confidence
  const none = mathVote(['18', '20', '22', '24']).confidence
  t.ok(four > three && three > twoTwoOther && twoTwoOther > none, `${four} > ${three} > ${twoTwoOther} > ${none}`)
  t.ok(four >= 0.85, 'unanimity is high confidence')
  t.ok(three >= 0.75, '3 of 4 agreeing clears 0.75 (right ~85 % of the time on the fixture)')
  t.ok(none <= 0.35, 'four different answers: almost never right')
})

t.test('fewer agreeing sources cannot claim as much', async t => {
  const two = mathVote(['18', '18']).confidence
  const four = mathVote(['18', '18', '18', '18']).confidence
  t.ok(two < four || two <= 0.875, `two ${two}, four ${four}`)
  t.ok(two <= 1 - 0.5 ** 3)
  // An answer no other provider confirmed never reaches "medium", whatever its share of the vote.
  t.equal(voteConfidence(1, 1), UNCONFIRMED_CAP, 'a lone voter is capped at the unconfirmed cap')
  t.ok(UNCONFIRMED_CAP < 0.45)
  t.ok(agreeingCap(1) < agreeingCap(2) && agreeingCap(2) < agreeingCap(3), 'each further agreeing source may claim more')
  t.ok(agreeingCap(2) >= 0.75, 'two agreeing providers can reach "high"')
})

t.test('a single usable answer is capped', async t => {
  const single = aggregate(DOCKER_QUESTION, [
    ok('openai', DOCKER_ANSWERS.openai),
    { provider: 'gemini', model: 'g', status: 'timeout', text: '' }
  ], { strategy: 'auto' })
  t.ok(single.confidence > 0, 'some confidence')
  t.ok(single.confidence <= SINGLE_SOURCE_CAP, `${single.confidence} ≤ ${SINGLE_SOURCE_CAP}`)
  t.equal(single.agreement, null)
  const singleShort = aggregate(MATH_QUESTION, [ok('a', solution('18'))], { strategy: 'vote' })
  t.ok(singleShort.confidence <= SINGLE_SOURCE_CAP)
})

t.test('free text: high only when the answers agree', async t => {
  const agree = aggregate(DOCKER_QUESTION, [
    ok('o', DOCKER_ANSWERS.openai), ok('g', DOCKER_ANSWERS.gemini), ok('h', DOCKER_ANSWERS.huggingface)
  ], { strategy: 'auto' })
  const disagree = aggregate('Which AWS services should a student learn first?', [
    ok('a', DISAGREEING.a), ok('b', DISAGREEING.b), ok('c', DISAGREEING.c)
  ], { strategy: 'auto' })
  t.equal(agree.answerType, 'free')
  t.ok(agree.confidence >= 0.6, `agreeing answers: ${agree.confidence}`)
  t.ok(disagree.confidence <= 0.2, `unrelated answers: ${disagree.confidence}`)
  const base = { agreement: 0.3, sources: 3, quality: 1, words: 120 }
  t.ok(freeTextConfidence({ ...base, agreement: 0.9, sources: 10, words: 5 }) <= 0.95, 'free text never reaches certainty')
  t.ok(freeTextConfidence({ ...base, agreement: 0.9, sources: 10, providerQuality: 5, standing: 3, margin: 3 }) <= 0.95, 'not even from a provider with an excellent record')
  const unagreed = freeTextConfidence({ ...base, agreement: 0.05, words: 5, providerQuality: 3 })
  t.ok(unagreed <= UNCONFIRMED_CAP, `an answer nobody confirmed is never high, however focused and well-sourced: ${unagreed}`)
  t.ok(freeTextConfidence(base) > freeTextConfidence({ ...base, agreement: 0.05 }), 'agreement raises it')
  t.ok(freeTextConfidence({ ...base, providerQuality: 1 }) > freeTextConfidence(base), 'a better provider record raises it')
  t.ok(freeTextConfidence({ ...base, providerQuality: -1 }) < freeTextConfidence(base), 'a worse one lowers it')
  t.ok(freeTextConfidence({ ...base, margin: 1 }) > freeTextConfidence(base), 'a clear lead over the runner-up raises it')
  t.ok(freeTextConfidence({ ...base, words: 600 }) < freeTextConfidence(base), 'a long answer to an open request is less certain')
  t.ok(freeTextConfidence({ ...base, sources: 5 }) > freeTextConfidence({ ...base, sources: 2 }), 'the same agreement among more sources counts more')
})

t.test('confidence is in 0..1 and deterministic for every strategy', async t => {
  for (const strategy of ['auto', 'vote', 'consensus', 'best', 'synthesize', 'fastest'] as const) {
    const candidates = [ok('a', solution('18'), { latencyMs: 3 }), ok('b', solution('20'), { latencyMs: 2 }), ok('c', solution('18', 2), { latencyMs: 9 })]
    const first = aggregate(MATH_QUESTION, candidates, { strategy })
    t.ok(first.confidence >= 0 && first.confidence <= 1, strategy)
    t.equal(aggregate(MATH_QUESTION, candidates, { strategy }).confidence, first.confidence, strategy)
  }
})
