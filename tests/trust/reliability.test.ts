// Learning which provider to trust: label-free agreement, decay, people's ratings, the stored state,
// and the online replay that decides each question knowing only the ones before it.
import t from 'tap'
import { aggregate } from '../../src/aggregator/index.js'
import type { CandidateInput, LearningSignal } from '../../src/aggregator/types.js'
import {
  DECAY, FEEDBACK_WEIGHT, PRIOR_ACCURACY, emptyTrust, learnFromDecision, learnFromFeedback, parseTrust, reliabilities, reliabilityOf,
  type TrustState
} from '../../src/trust/reliability.js'
import { decideAndLearn, replay, type RecordedQuestion, type RecordedRating } from '../../src/trust/replay.js'
import { MATH_QUESTION, ok, solution } from '../aggregator/answers.js'

/** One maths question answered by each provider with the given final answer (wording varies per provider). */
function question (id: string, answers: Record<string, string>): RecordedQuestion {
  const candidates: CandidateInput[] = Object.entries(answers).map(([provider, answer], i) => ok(provider, solution(answer, i)))
  return { id, question: MATH_QUESTION, candidates }
}

const accuracy = (state: TrustState, provider: string): number => reliabilityOf(state.providers[provider]).accuracy
const quality = (state: TrustState, provider: string): number => reliabilityOf(state.providers[provider]).quality

function learnAll (state: TrustState, records: readonly RecordedQuestion[]): TrustState {
  for (const record of records) state = learnFromDecision(state, aggregate(record.question, record.candidates, { strategy: 'auto', reliability: reliabilities(state) }).learning)
  return state
}

const signal = (kind: LearningSignal['kind'], values: Record<string, number>): LearningSignal =>
  ({ kind, signals: Object.entries(values).map(([provider, value]) => ({ provider, value })) })

t.test('a provider nothing is known about gets the neutral prior', async t => {
  t.equal(reliabilityOf(undefined).accuracy, PRIOR_ACCURACY)
  t.equal(reliabilityOf(undefined).quality, 0)
  t.same(reliabilities(emptyTrust()), {})
  const state = emptyTrust()
  const unchanged = learnFromDecision(state, null)
  t.same(unchanged.providers, state.providers, 'nothing to learn: no provider changes')
  t.equal(unchanged.decided, 1, 'the question still counts as decided')
  t.same(learnFromDecision(state, { kind: 'short', signals: [] }).providers, state.providers)
  t.equal(state.decided ?? 0, 0, 'the state passed in is not changed')
})

t.test('agreeing with the majority raises a provider\'s accuracy, disagreeing lowers it', async t => {
  const records = Array.from({ length: 20 }, (_, i) => question(`q${i}`, { a: '18', b: '18', c: String(20 + i) }))
  const state = learnAll(emptyTrust(), records)
  t.ok(accuracy(state, 'a') > 0.8, `a ${accuracy(state, 'a')}`)
  t.equal(accuracy(state, 'a'), accuracy(state, 'b'), 'a and b said the same every time')
  t.ok(accuracy(state, 'c') < 0.3, `c ${accuracy(state, 'c')}`)
  t.equal(state.providers.a.questions, 20)

  // Each single question moves it in the right direction, from the prior on.
  const first = learnAll(emptyTrust(), records.slice(0, 1))
  t.ok(accuracy(first, 'a') > PRIOR_ACCURACY && accuracy(first, 'c') < PRIOR_ACCURACY)
  // Shrinkage: one question moves it less than twenty.
  t.ok(accuracy(first, 'a') < accuracy(state, 'a') && accuracy(first, 'c') > accuracy(state, 'c'))

  // The state it learned from is not changed: learning returns a new state.
  const before = emptyTrust()
  const after = learnAll(before, records.slice(0, 3))
  t.same(before, emptyTrust())
  t.not(after, before)
})

t.test('open answers: standing moves quality up or down', async t => {
  let state = emptyTrust()
  for (let i = 0; i < 10; i++) state = learnFromDecision(state, signal('open', { writer: 1.2, terse: -1.2 }))
  t.ok(quality(state, 'writer') > 0.5, `writer ${quality(state, 'writer')}`)
  t.ok(quality(state, 'terse') < -0.5, `terse ${quality(state, 'terse')}`)
  t.equal(accuracy(state, 'writer'), PRIOR_ACCURACY, 'open answers say nothing about short-answer accuracy')
})

t.test('decay: a provider that changes is re-learned from its recent questions', async t => {
  const good = Array.from({ length: 200 }, () => signal('short', { p: 0.9 }))
  const bad = Array.from({ length: 100 }, () => signal('short', { p: 0.05 }))
  let state = emptyTrust()
  for (const s of good) state = learnFromDecision(state, s)
  t.ok(accuracy(state, 'p') > 0.85, `good for 200 questions: ${accuracy(state, 'p')}`)
  for (const s of bad) state = learnFromDecision(state, s)
  const allTime = (200 * 0.9 + 100 * 0.05) / 300
  t.ok(allTime > 0.6, `its all-time mean still looks good: ${allTime}`)
  t.ok(accuracy(state, 'p') < 0.4, `after 100 bad questions the estimate follows the change: ${accuracy(state, 'p')}`)

  // And back: a provider that improves is trusted again.
  for (let i = 0; i < 100; i++) state = learnFromDecision(state, signal('short', { p: 0.9 }))
  t.ok(accuracy(state, 'p') > PRIOR_ACCURACY + 0.05, `recovered: ${accuracy(state, 'p')}`)

  // Decay is per question a provider answers: a provider that was not asked keeps its evidence.
  let idle = learnFromDecision(emptyTrust(), signal('short', { p: 0.9, q: 0.9 }))
  const seen = idle.providers.q.shortSeen
  for (let i = 0; i < 10; i++) idle = learnFromDecision(idle, signal('short', { p: 0.9 }))
  t.equal(idle.providers.q.shortSeen, seen)
  t.ok(idle.providers.p.shortSeen < 11, 'the busy one\'s older evidence decayed')
  t.ok(Math.abs(idle.providers.p.shortSeen - (1 - DECAY ** 11) / (1 - DECAY)) < 1e-9)
})

t.test('feedback outweighs label-free evidence', async t => {
  // One rating counts as FEEDBACK_WEIGHT questions.
  const decided = learnFromDecision(emptyTrust(), signal('short', { p: 0.9 }))
  const rated = learnFromFeedback(emptyTrust(), 'p', 'up', 'short')
  t.ok(accuracy(rated, 'p') - PRIOR_ACCURACY > accuracy(decided, 'p') - PRIOR_ACCURACY, 'an up moves it further than one agreeing question')

  // The ensemble thought p was right three times; people said it was wrong twice. The people win.
  let state = emptyTrust()
  for (let i = 0; i < 3; i++) state = learnFromDecision(state, signal('short', { p: 0.9 }))
  t.ok(accuracy(state, 'p') > PRIOR_ACCURACY)
  state = learnFromFeedback(state, 'p', 'down', 'short')
  state = learnFromFeedback(state, 'p', 'down', 'short')
  t.ok(accuracy(state, 'p') < PRIOR_ACCURACY, `after two downs: ${accuracy(state, 'p')}`)
  t.same([state.providers.p.up, state.providers.p.down], [0, 2])
  // Three decayed questions (1 + DECAY + DECAY²) plus two ratings of FEEDBACK_WEIGHT questions each.
  t.ok(Math.abs(state.providers.p.shortSeen - (1 + DECAY + DECAY ** 2 + 2 * FEEDBACK_WEIGHT)) < 1e-9, `${state.providers.p.shortSeen}`)

  // Open answers: an up outweighs a question where it stood one standard deviation low. Two answers
  // of the same form stand level; the earlier one is kept unless what was learned says otherwise.
  const question = 'What is the difference between a security group and a network ACL?'
  const level = [
    ok('y', 'A security group is stateful and applies to an instance, so responses are allowed automatically and it only supports allow rules. A network ACL is stateless and applies to a subnet, with ordered allow and deny rules, so return traffic needs a rule.'),
    ok('x', 'Security groups are stateful and attach to network interfaces, so replies pass automatically and only allow rules exist. Network ACLs are stateless and attach to subnets, with numbered allow and deny rules, so replies need a separate rule of their own, too, always.')
  ]
  const low = learnFromDecision(emptyTrust(), signal('open', { x: -1 }))
  t.equal(aggregate(question, level, { strategy: 'auto', reliability: reliabilities(low) }).chosen?.provider, 'y', 'x stood low once: not preferred')
  const upRated = learnFromFeedback(low, 'x', 'up', 'open')
  t.equal(aggregate(question, level, { strategy: 'auto', reliability: reliabilities(upRated) }).chosen?.provider, 'x', 'a person preferred x: that outweighs it')
  t.equal(accuracy(upRated, 'x'), PRIOR_ACCURACY, 'an open-answer rating says nothing about short-answer accuracy')

  // A rating for a provider never seen creates its entry; learning did not count it as a question.
  const fresh = learnFromFeedback(emptyTrust(), 'new', 'down', 'open', 1234)
  t.same([fresh.providers.new.questions, fresh.providers.new.updatedAt, fresh.providers.new.recentDown], [0, 1234, 1])
})

t.test('parseTrust rejects what is not a state and keeps the well-formed entries', async t => {
  for (const garbage of [null, undefined, 42, 'state', [], {}, { version: 2, providers: {} }, { version: '1', providers: {} }, { version: 1 }, { version: 1, providers: null }, { version: 1, providers: 'x' }]) {
    t.throws(() => parseTrust(garbage), Error, JSON.stringify(garbage) ?? "undefined")
  }

  let state = emptyTrust()
  state = learnFromDecision(state, signal('short', { a: 0.9, b: 0.1 }), 10)
  state = learnFromDecision(state, signal('open', { a: 1, b: -1 }), 20)
  state = learnFromFeedback(state, 'b', 'up', 'short', 30)
  t.same(parseTrust(JSON.parse(JSON.stringify(state))), state, 'a stored state reads back unchanged (negative standing included)')

  const parsed = parseTrust({
    version: 1,
    providers: {
      good: { ...state.providers.a },
      notAnObject: 5,
      nullEntry: null,
      mixed: { shortRight: 3, shortSeen: 4, openStanding: -2, openSeen: 'lots', up: -1, down: Number.NaN, recentUp: Number.POSITIVE_INFINITY, questions: 7, extra: 'ignored' }
    }
  })
  t.same(Object.keys(parsed.providers).sort(), ['good', 'mixed'], 'entries that are not objects are dropped')
  t.same(parsed.providers.good, state.providers.a)
  const mixed = parsed.providers.mixed
  t.same([mixed.shortRight, mixed.shortSeen, mixed.openStanding, mixed.questions], [3, 4, -2, 7], 'valid fields kept')
  t.same([mixed.openSeen, mixed.up, mixed.down, mixed.recentUp], [0, 0, 0, 0], 'strings, negative counts, NaN and infinities reset to 0')
  t.notOk('extra' in mixed, 'unknown fields are not carried over')
  t.ok(Number.isFinite(reliabilityOf(mixed).accuracy), 'what it keeps is usable')
})

/**
 * Twenty questions where `sharp`, `h1` and `h2` agree and `w1`, `w2` each say something else, then
 * one question where the two weak providers agree against `sharp`. Knowing nothing, two agreeing
 * voices beat one; having learned, `sharp` outweighs them.
 */
const TRAINING = Array.from({ length: 20 }, (_, i) => question(`train-${i}`, { sharp: '18', h1: '18', h2: '18', w1: String(30 + i), w2: String(60 + i) }))
const CONTESTED = question('contested', { w1: '20', sharp: '18', w2: '20' })

t.test('replay decides question k knowing only questions 1..k−1', async t => {
  const last = [...replay([...TRAINING, CONTESTED], { strategy: 'auto' })]
  t.equal(last.length, 21)
  const contestedLast = last[20]
  t.equal(contestedLast.decision.normalized, '18', 'learned: the reliable provider wins')
  t.ok(accuracy(contestedLast.before, 'sharp') > 0.8 && accuracy(contestedLast.before, 'w1') < 0.35,
    `state used: sharp ${accuracy(contestedLast.before, 'sharp')}, w1 ${accuracy(contestedLast.before, 'w1')}`)

  const first = [...replay([CONTESTED, ...TRAINING], { strategy: 'auto' })]
  t.equal(first[0].decision.normalized, '20', 'first: nothing learned yet, the two agreeing voices win')
  t.same(first[0].before, emptyTrust())
  t.same(first[0].decision, aggregate(CONTESTED.question, CONTESTED.candidates, { strategy: 'auto' }), 'exactly the decision without reliabilities')

  // Step k's state holds questions 1..k−1 and nothing of k or later.
  for (const [k, step] of last.entries()) {
    t.equal(step.before.providers.sharp?.questions ?? 0, k, `step ${k}`)
    if (k > 0) t.same(step.before, learnFromDecision(last[k - 1].before, last[k - 1].decision.learning), `step ${k} = step ${k - 1} + its lesson`)
  }
  // A prefix is decided the same whatever follows it.
  const prefix = [...replay(TRAINING.slice(0, 5), { strategy: 'auto' })]
  t.same(prefix.map(s => s.decision), last.slice(0, 5).map(s => s.decision))
})

t.test('replay: ratings on a question teach the questions after it, not the question itself', async t => {
  // On the training questions people said the dissenters were right and `sharp` wrong: the ratings
  // overrule what agreement suggested, and the two dissenters are trusted on the contested question.
  const verdicts = (id: string): readonly RecordedRating[] => (id.startsWith('train-')
    ? [{ provider: 'sharp', rating: 'down' }, { provider: 'w1', rating: 'up' }, { provider: 'w2', rating: 'up' }]
    : [])
  const rated = [...replay([...TRAINING, CONTESTED], { strategy: 'auto', ratings: verdicts })]
  t.equal(rated[20].decision.normalized, '20')
  t.ok(accuracy(rated[20].before, 'sharp') < PRIOR_ACCURACY, `sharp ${accuracy(rated[20].before, 'sharp')}`)
  t.ok(accuracy(rated[20].before, 'w1') > PRIOR_ACCURACY, `w1 ${accuracy(rated[20].before, 'w1')}`)
  t.same([rated[20].before.providers.sharp.down, rated[20].before.providers.w1.up], [20, 20])
  // The training questions themselves were still decided by agreement: ratings come after a decision.
  t.equal(rated[0].decision.normalized, '18')

  // A rating on the contested question itself does not change how that question was decided.
  const late = (id: string): readonly RecordedRating[] => (id === 'contested' ? [{ provider: 'sharp', rating: 'down' }, { provider: 'sharp', rating: 'down' }] : [])
  const withLate = [...replay([...TRAINING, CONTESTED], { strategy: 'auto', ratings: late })]
  t.same(withLate[20].decision, [...replay([...TRAINING, CONTESTED], { strategy: 'auto' })][20].decision)

  // A rating given on question 1 is known to question 2.
  const two = [...replay([TRAINING[0], TRAINING[1]], { strategy: 'auto', ratings: id => (id === 'train-0' ? [{ provider: 'w1', rating: 'up' }] : []) })]
  t.equal(two[0].before.providers.w1, undefined)
  t.equal(two[1].before.providers.w1.up, 1)

  // decideAndLearn is one replay step: the service's path, one question at a time.
  const single = decideAndLearn(rated[19].before, TRAINING[19], 'auto', verdicts('train-19'))
  t.same(single.decision, rated[19].decision)
  t.same(single.state, rated[20].before)

  // The initial state is where learning starts.
  const seeded = [...replay([CONTESTED], { strategy: 'auto', initial: rated[20].before })]
  t.equal(seeded[0].decision.normalized, '20')
  const trusted = [...replay([CONTESTED], { strategy: 'auto', initial: learnedFromTraining() })]
  t.equal(trusted[0].decision.normalized, '18')
})

function learnedFromTraining (): TrustState {
  let state = emptyTrust()
  for (const step of replay(TRAINING, { strategy: 'auto' })) state = learnFromDecision(step.before, step.decision.learning)
  return state
}
