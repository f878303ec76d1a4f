// A provider down for a while: its circuit opens, it is skipped, a probe goes through after the cool-down, and it is back.
import t from 'tap'
import type { FastifyInstance } from 'fastify'
import { setTimeout as sleep } from 'node:timers/promises'
import { CircuitBreakers } from '../../src/fanout/circuit-breaker.js'
import { ANSWERS, ask, rig, servesAfterwards, slack } from './resilience-helper.js'

const COOL_DOWN = 500
const ENV = { BREAKER_FAILURES: '2', BREAKER_COOLDOWN_MS: String(COOL_DOWN) }

async function circuitOf (app: FastifyInstance, id: string): Promise<string> {
  const res = await app.inject({ method: 'GET', url: '/api/providers' })
  return res.json().providers.find((p: { id: string }) => p.id === id).circuit
}

t.test('outage, then recovery: opens after 2 failed questions, skips, probes after the cool-down, closes', async t => {
  const r = await rig(t, ENV)
  const hf = r.stub('huggingface')
  hf.setBehaviour(hf.presets.unavailable!.behaviour)

  let openedAt = 0
  for (const n of [1, 2]) {
    // The second failure opens the circuit while this question is being answered.
    openedAt = performance.now()
    const failed = await ask(r.app)
    t.equal(failed.status, 200, `question ${n} answered by the others`)
    t.match(failed.candidate('huggingface'), { status: 'error', attempts: 3, error: { type: 'unavailable' } })
  }
  t.equal(hf.requests.length, 6, 'two questions, three attempts each')
  t.equal(await circuitOf(r.app, 'huggingface'), 'open', 'GET /api/providers shows the open circuit')

  const skipped = await ask(r.app)
  t.equal(skipped.status, 200)
  t.match(skipped.candidate('huggingface'), { status: 'skipped', attempts: 0, latencyMs: 0, error: { type: 'circuit_open' } })
  t.equal(hf.requests.length, 6, 'an open circuit sends nothing')
  t.ok(skipped.elapsedMs < slack(), `answered in ${skipped.elapsedMs.toFixed(0)} ms without waiting on the provider`)
  t.not(skipped.body.chosen?.provider, 'huggingface')

  // The outage ends; the circuit does not know yet.
  hf.reset()
  hf.setBehaviour({ text: ANSWERS.huggingface })
  const outageEnded = performance.now()
  const stillOpen = await ask(r.app)
  t.equal(stillOpen.candidate('huggingface').status, 'skipped', 'still skipped inside the cool-down')
  t.equal(hf.requests.length, 0)

  let back = stillOpen
  while (back.candidate('huggingface').status !== 'ok' && performance.now() - openedAt < COOL_DOWN * 3) {
    await sleep(25)
    back = await ask(r.app)
  }
  const returnedAfter = performance.now() - outageEnded
  t.equal(back.candidate('huggingface').status, 'ok', 'the probe answered')
  t.equal(back.candidate('huggingface').attempts, 1)
  t.ok(performance.now() - openedAt >= COOL_DOWN, 'not before the cool-down ended')
  t.ok(returnedAfter < COOL_DOWN + slack(), `questions went back to the provider ${returnedAfter.toFixed(0)} ms after the outage ended (cool-down ${COOL_DOWN} ms)`)
  t.equal(hf.requests.length, 1, 'one probe request')
  t.equal(await circuitOf(r.app, 'huggingface'), 'closed', 'the probe\'s success closed the circuit')
  await servesAfterwards(t, r)
})

t.test('a probe that fails is not retried and opens the circuit for another cool-down', async t => {
  const r = await rig(t, ENV)
  const openai = r.stub('openai')
  openai.setBehaviour({ type: 'reset' })
  await ask(r.app)
  await ask(r.app)
  t.equal(await circuitOf(r.app, 'openai'), 'open')
  await sleep(COOL_DOWN + 20)
  t.equal(await circuitOf(r.app, 'openai'), 'half_open', 'past the cool-down the circuit reads half-open')
  openai.reset()
  openai.setBehaviour({ type: 'reset' })

  const probe = await ask(r.app)
  t.match(probe.candidate('openai'), { status: 'error', attempts: 1, error: { type: 'network' } }, 'one probe, no retries')
  t.equal(openai.requests.length, 1)
  t.equal(await circuitOf(r.app, 'openai'), 'open', 'open again')
  const next = await ask(r.app)
  t.equal(next.candidate('openai').status, 'skipped')
  t.equal(openai.requests.length, 1, 'skipped for a new cool-down')
})

t.test('only one probe at a time: a question arriving while the probe is out skips the provider', async t => {
  const r = await rig(t, ENV)
  const gemini = r.stub('gemini')
  gemini.setBehaviour({ type: 'error', status: 503, body: { error: { code: 503, message: 'overloaded', status: 'UNAVAILABLE' } } })
  await ask(r.app)
  await ask(r.app)
  t.equal(await circuitOf(r.app, 'gemini'), 'open')
  await sleep(COOL_DOWN + 20)
  gemini.reset()
  gemini.setBehaviour({ text: ANSWERS.gemini, headersDelayMs: 300 })
  const [first, second] = await Promise.all([ask(r.app), (async () => { await sleep(50); return await ask(r.app) })()])
  t.match(first.candidate('gemini'), { status: 'ok', attempts: 1 }, 'the first question carried the probe')
  t.match(second.candidate('gemini'), { status: 'skipped', error: { type: 'circuit_open' } }, 'the second did not wait for it')
  t.equal(gemini.requests.length, 1)
  t.equal(await circuitOf(r.app, 'gemini'), 'closed')
})

t.test('the breaker rule, clock by clock', async t => {
  let now = 0
  const breakers = new CircuitBreakers({ failureThreshold: 3, coolDownMs: 1000, now: () => now })
  t.test('consecutive availability failures open it; a success in between starts the count again', async t => {
    breakers.onFailure('a', 'timeout')
    breakers.onFailure('a', 'unavailable')
    breakers.onSuccess('a')
    breakers.onFailure('a', 'rate_limited')
    breakers.onFailure('a', 'network')
    t.equal(breakers.state('a'), 'closed')
    breakers.onFailure('a', 'truncated')
    t.equal(breakers.state('a'), 'open')
    t.equal(breakers.tryAcquire('a'), false)
    t.equal(breakers.isUsable('a'), false)
  })
  t.test('the request\'s own faults never open it', async t => {
    for (const errorClass of ['bad_request', 'context_length', 'content_filtered', 'auth', 'bad_request']) breakers.onFailure('b', errorClass)
    t.equal(breakers.state('b'), 'closed')
  })
  t.test('after the cool-down: one probe slot; its success closes the circuit', async t => {
    now = 999
    t.equal(breakers.state('a'), 'open')
    now = 1000
    t.equal(breakers.state('a'), 'half_open')
    t.equal(breakers.isUsable('a'), true)
    t.equal(breakers.tryAcquire('a'), true, 'the probe')
    t.equal(breakers.tryAcquire('a'), false, 'no second probe')
    t.equal(breakers.isUsable('a'), false, 'not usable while the probe is out')
    breakers.onSuccess('a')
    t.equal(breakers.state('a'), 'closed')
    t.equal(breakers.tryAcquire('a'), true)
  })
  t.test('a failed probe opens it for another cool-down; a cancelled probe gives its slot back', async t => {
    for (let i = 0; i < 3; i++) breakers.onFailure('c', 'unavailable')
    now += 1000
    t.equal(breakers.tryAcquire('c'), true)
    breakers.release('c')
    t.equal(breakers.tryAcquire('c'), true, 'the slot is free again after a cancelled probe')
    breakers.onFailure('c', 'timeout')
    t.equal(breakers.state('c'), 'open')
    now += 999
    t.equal(breakers.tryAcquire('c'), false)
    now += 1
    t.equal(breakers.tryAcquire('c'), true)
    breakers.onFailure('c', 'context_length')
    t.equal(breakers.state('c'), 'closed', 'a probe answered with the request\'s fault proves the provider is reachable')
  })
})
