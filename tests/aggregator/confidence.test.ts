import t from 'tap'
import { aggregate } from '../../src/aggregator/index.js'
import { SINGLE_SOURCE_CAP, UNCONFIRMED_CAP, WORKING_WEIGHTS, agreeingCap, freeTextConfidence, lengthDifficulty, quantitiesOf, quantityCoverage, shortAnswerConfidence, voteConfidence, workingShift, type WorkingCheck } from '../../src/aggregator/confidence.js'
import { emptyTrust, learnFromDecision, reliabilityOf } from '../../src/trust/reliability.js'
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
  t.ok(disagree.confidence <= UNCONFIRMED_CAP, `unrelated answers: ${disagree.confidence}`)
  const base = { agreement: 0.3, sources: 3, words: 120, typicalWords: 120, questionWords: 12 }
  t.ok(freeTextConfidence({ ...base, agreement: 0.9, sources: 10, words: 5 }) <= 0.95, 'free text never reaches certainty')
  t.ok(freeTextConfidence({ ...base, agreement: 0.9, sources: 10, providerQuality: 5, standing: 3, margin: 3 }) <= 0.95, 'not even from a provider with an excellent record')
  const unagreed = freeTextConfidence({ ...base, agreement: 0.05, words: 5, providerQuality: 3 })
  t.ok(unagreed <= UNCONFIRMED_CAP, `an answer nobody confirmed is never high, however focused and well-sourced: ${unagreed}`)
  t.ok(freeTextConfidence(base) > freeTextConfidence({ ...base, agreement: 0.05 }), 'agreement raises it')
  t.ok(freeTextConfidence({ ...base, providerQuality: 1 }) > freeTextConfidence(base), 'a better provider record raises it')
  t.ok(freeTextConfidence({ ...base, providerQuality: -1 }) < freeTextConfidence(base), 'a worse one lowers it')
  t.ok(freeTextConfidence({ ...base, margin: 1 }) > freeTextConfidence(base), 'a clear lead over the runner-up raises it')
  t.ok(freeTextConfidence({ ...base, words: 600, typicalWords: 600 }) < freeTextConfidence(base), 'a request whose answers all run long is less certain')
  t.ok(freeTextConfidence({ ...base, questionWords: 40 }) > freeTextConfidence(base), 'a specific request is easier to meet')
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

// Worked solutions to MATH_QUESTION (16 eggs, 3 eaten, 4 baked, $2 each), in different words so none is a duplicate.
const WORKED = {
  clean: 'She has 16 - 3 - 4 = 9 eggs left.\nShe sells them for 9 * $2 = $18 a day.\nA: 18',
  clean2: 'Janet uses 3 + 4 = 7 eggs, so 16 - 7 = 9 remain.\nAt $2 each that is 9 × 2 = $18.\nA: 18',
  // Reaches 18 through a step whose arithmetic is wrong.
  slip: 'She keeps 3 + 4 = 8 eggs, so 16 - 8 = 9 are sold.\nThat brings 9 x $2 = $18 every day.\nA: 18',
  slip2: 'Eggs for the market: 16 - 3 - 4 = 8, which at $2 each make 8 * 2 = 18 dollars.\nA: 18',
  // A bare number: nothing to check.
  bare: 'She makes 18 dollars every day.\nA: 18',
  twenty: 'She has 16 - 3 - 4 = 9 eggs and earns 9 * 2 = $18, plus a $2 tip, so 18 + 2 = $20.\nA: 20',
  fourteen: 'She sells 16 - 2 = 14 eggs.\nA: 14',
  nine: 'She has 16 - 3 - 4 = 9 eggs left.\nA: 9',
  twentyTwo: 'She earns 11 * 2 = 22 dollars.\nA: 22'
}
// The first provider has the better record, so it wins when all four disagree.
const math = (texts: string[], providers = texts.map((_, i) => `p${i + 1}`)) =>
  aggregate(MATH_QUESTION, texts.map((text, i) => ok(providers[i], text)), { strategy: 'auto', reliability: { [providers[0]]: { accuracy: 0.7, quality: 0 } } })
/** The confidence the vote alone would give: the posterior under the cap of the agreeing count. */
const voteOnly = (d: ReturnType<typeof math>, agreeing: number): number => Math.min(d.posterior ?? 0, agreeingCap(agreeing))

t.test('the working of short numeric answers moves their confidence', async t => {
  const clean = math([WORKED.clean, WORKED.clean2, WORKED.fourteen, WORKED.twentyTwo])
  const slipped = math([WORKED.slip, WORKED.slip2, WORKED.fourteen, WORKED.twentyTwo])
  t.equal(clean.normalized, '18')
  t.equal(slipped.normalized, '18')
  t.equal(clean.confidence, voteOnly(clean, 2), 'clean working: the vote\'s confidence')
  t.ok(slipped.confidence < voteOnly(slipped, 2) - 0.3, `supporters whose arithmetic is wrong: ${slipped.confidence}, the vote alone ${voteOnly(slipped, 2)}`)
  t.ok(slipped.confidence < clean.confidence - 0.3)

  // All four disagree: the lone answer with the most complete working that checks out is more likely right.
  const thorough = math([WORKED.clean, WORKED.fourteen, WORKED.nine, WORKED.twentyTwo])
  const bare = math([WORKED.bare, WORKED.fourteen, WORKED.nine, WORKED.twentyTwo])
  t.equal(thorough.normalized, '18')
  t.equal(bare.normalized, '18')
  t.ok(thorough.confidence > voteOnly(thorough, 1), `clean, longer working than the others': ${thorough.confidence} > ${voteOnly(thorough, 1)}`)
  t.ok(bare.confidence < voteOnly(bare, 1), `no working against the others' steps: ${bare.confidence} < ${voteOnly(bare, 1)}`)
  t.ok(thorough.confidence > bare.confidence)
  t.ok(thorough.confidence <= UNCONFIRMED_CAP, 'a lone answer stays unconfirmed however clean its working')

  // Three agree on 18, but the dissenter's working computes 18 and goes on to 20: the three may have stopped short.
  const stoppedShort = math([WORKED.clean, WORKED.clean2, WORKED.bare, WORKED.twenty])
  const plainRival = math([WORKED.clean, WORKED.clean2, WORKED.bare, WORKED.twentyTwo])
  t.ok(stoppedShort.confidence < plainRival.confidence, `a rival passing through the answer: ${stoppedShort.confidence} < ${plainRival.confidence}`)

  // Never a provider's name: the same texts under other names get the same confidence.
  t.equal(math([WORKED.slip, WORKED.slip2, WORKED.fourteen, WORKED.twentyTwo], ['openai', 'gemini', 'x', 'y']).confidence, slipped.confidence)
})

t.test('yes/no answers have no working to check', async t => {
  const question = 'Is Amazon S3 an object store? Answer yes or no.'
  const answers = ['Yes. It stores objects; 3 + 4 = 8 has nothing to do with it.', 'Yes.', 'Yes, it is an object store.']
  const decision = aggregate(question, answers.map((a, i) => ok(`p${i}`, a)), { strategy: 'auto' })
  t.equal(decision.normalized, 'yes')
  t.equal(decision.confidence, Math.round(Math.min(decision.posterior ?? 0, agreeingCap(3)) * 1e4) / 1e4, 'the posterior under its cap, untouched')
})

t.test('workingShift and shortAnswerConfidence', async t => {
  const check = (over: Partial<WorkingCheck> = {}): WorkingCheck => ({ checked: 3, wrong: 0, final: 18, finalReached: true, results: [9, 18], ...over })
  t.equal(workingShift([], [check()]), 0, 'no supporter with working: no shift')
  t.equal(workingShift([null], [null]), 0, 'answers without a number are left out')
  t.equal(workingShift([check({ checked: 0, finalReached: false, results: [] })], [check({ checked: 0, finalReached: false, results: [] })]), 0, 'nothing readable: no shift')
  t.equal(workingShift([check()], [check()]), 0, 'alike working on both sides')
  t.equal(workingShift([check({ wrong: 1 })], [check()]), -WORKING_WEIGHTS.wrong - WORKING_WEIGHTS.thoroughness, 'a wrong step (and one step fewer that checks out)')
  t.equal(workingShift([check({ finalReached: false })], [check()]), -WORKING_WEIGHTS.unreached)
  t.equal(workingShift([check({ checked: 9 })], [check({ checked: 1 })]), WORKING_WEIGHTS.thoroughness * WORKING_WEIGHTS.thoroughnessLimit, 'the lead in steps is bounded')
  t.equal(workingShift([check()], [check({ final: 20, results: [9, 18, 20] })]), -WORKING_WEIGHTS.passedThrough, 'the rival went on from this final')
  t.equal(workingShift([check()], [check({ final: 18, results: [9, 20, 18] })]), 0, 'ending at it is agreeing, not passing through')

  t.equal(shortAnswerConfidence(0.7, 2), 0.7, 'no shift: the posterior')
  t.equal(shortAnswerConfidence(0.99, 2), agreeingCap(2), 'under its cap')
  t.ok(shortAnswerConfidence(0.99, 3, { working: -2 }) < shortAnswerConfidence(0.99, 3), 'a capped answer with wrong working drops below the cap')
  t.equal(shortAnswerConfidence(0.4, 1, { working: 5 }), UNCONFIRMED_CAP, 'a lone answer never rises above the unconfirmed cap')
  t.ok(shortAnswerConfidence(0.3, 1, { working: 0.5 }) > 0.3 && shortAnswerConfidence(0.3, 1, { working: -0.5 }) < 0.3)
  t.ok(shortAnswerConfidence(0, 1, { working: 1 }) > 0 && shortAnswerConfidence(1, 4, { working: -1 }) < 1, 'finite at the ends')
})

t.test('what the question says: quantities left unused and a longer working than usual lower the confidence', async t => {
  t.same([...quantitiesOf('He buys a house for $80,000 and puts in 50,000 in repairs; 150% and 2.5 hours, 1,234,567 then 3, 4')],
    ['80000', '50000', '150', '2.5', '1234567', '3', '4'], 'thousands separators read as one number, a list as several')
  const given = quantitiesOf(MATH_QUESTION)
  t.ok(given.size >= 2, `the fixture question gives quantities: ${[...given].join(', ')}`)
  t.equal(quantityCoverage(given, WORKED.clean), 1, 'the full working uses every quantity')
  t.equal(quantityCoverage(given, WORKED.nine), 0.5, 'a working that leaves the price aside')
  t.equal(quantityCoverage(new Set(), 'anything'), 1, 'a question with no quantities has nothing to leave out')

  t.equal(lengthDifficulty([{ words: 50 }, { words: 80 }]), 0, 'no typical length known: no difficulty')
  t.equal(lengthDifficulty([{ words: 99, typicalWords: 99 }, { words: 10, typicalWords: 10 }]), 0, 'as long as usual')
  t.ok(Math.abs(lengthDifficulty([{ words: 199, typicalWords: 99 }, { words: 500 }]) - Math.log(2)) < 1e-9, 'twice as long as usual, the unknown left out')

  const base = shortAnswerConfidence(0.7, 3)
  t.ok(shortAnswerConfidence(0.7, 3, { difficulty: 0.7 }) < base, 'a harder question than usual')
  t.ok(shortAnswerConfidence(0.7, 3, { difficulty: -0.5 }) > base, 'an easier one')
  t.ok(shortAnswerConfidence(0.7, 3, { coverage: 0.5 }) < base, 'half the given quantities unused')
  t.equal(shortAnswerConfidence(0.7, 3, { coverage: 1, difficulty: 0 }), base, 'nothing known: the vote\'s confidence')
  t.equal(shortAnswerConfidence(0.99, 1, { difficulty: -3 }), UNCONFIRMED_CAP, 'an easy question does not lift a lone answer over its cap')

  // End to end: an answer whose supporters skip a given quantity reads lower than the same vote whose working uses them all.
  const full = math([WORKED.clean, WORKED.clean2, WORKED.fourteen, WORKED.twentyTwo])
  const partial = math([WORKED.nine, 'Take away 3 + 4 = 7 from 16: 16 - 7 = 9.\nA: 9', WORKED.clean, WORKED.twentyTwo])
  t.equal(partial.normalized, '9')
  t.ok(partial.confidence < voteOnly(partial, 2), `supporters that leave quantities aside: ${partial.confidence} < ${voteOnly(partial, 2)}`)
  t.equal(full.confidence, voteOnly(full, 2))

  // Learned without labels: each provider's usual length on short answers, from the learning signal.
  let state = emptyTrust()
  const signal = (words: number) => ({ kind: 'short' as const, signals: [{ provider: 'p1', value: 0.9, words }] })
  state = learnFromDecision(state, signal(40))
  t.equal(reliabilityOf(state.providers.p1).typicalWords, undefined, 'one answer is not a habit')
  for (let i = 0; i < 5; i++) state = learnFromDecision(state, signal(40))
  t.ok(Math.abs((reliabilityOf(state.providers.p1).typicalWords ?? 0) - 40) < 1e-9, 'forty words, answer after answer')
  state = learnFromDecision(state, { kind: 'open', signals: [{ provider: 'p1', value: 0.5 }] })
  t.ok(Math.abs((reliabilityOf(state.providers.p1).typicalWords ?? 0) - 40) < 1e-9, 'open answers do not count')
})
