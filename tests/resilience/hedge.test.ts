// Hedged requests (HEDGE=on): a call slower than the provider's recent p90 gets a second, racing request.
import t, { type Test } from 'tap'
import { join } from 'node:path'
import { HEDGE_MIN_SAMPLES } from '../../src/fanout/fan-out.js'
import { startOpenAIStub } from '../stubs/openai-stub.js'
import { ANSWERS, slack, ask, gaps, holds, rig, type Rig } from './resilience-helper.js'

const USUAL_MS = 100

/** Gives openai a record of answering in about USUAL_MS. */
async function prime (t: Test, r: Rig, samples = HEDGE_MIN_SAMPLES): Promise<void> {
  r.stub('openai').setBehaviour({ text: ANSWERS.openai, headersDelayMs: USUAL_MS })
  for (let i = 0; i < samples; i++) {
    const primed = await ask(r.app, { providers: ['openai'] })
    t.equal(primed.candidate('openai').attempts, 1)
  }
  r.stub('openai').reset()
  r.stub('openai').setBehaviour({ text: ANSWERS.openai, headersDelayMs: USUAL_MS })
}

t.test('HEDGE=on: a hung call is raced by a second request after the p90, and the second answers', async t => {
  const r = await rig(t, { HEDGE: 'on' })
  await prime(t, r)
  const p90 = r.app.providerStats.snapshot('openai').latencyP90Ms!
  t.ok(p90 >= USUAL_MS, `openai's p90 is ${p90} ms`)
  r.stub('openai').enqueue({ type: 'hang' })

  const asked = await ask(r.app, { providers: ['openai'] })
  t.equal(asked.status, 200)
  t.match(asked.candidate('openai'), { status: 'ok', attempts: 2, text: ANSWERS.openai })
  const openai = r.stub('openai')
  t.equal(openai.requests.length, 2, 'the stub saw the first request and its hedge')
  const [gap] = gaps(openai.requests)
  // The hedge timer starts when the call starts; the first request may reach the stub later than that
  // (SDK set-up on a busy machine), so arrival-to-arrival can be shorter than the p90, never much longer.
  t.ok(gap! >= p90 / 2 && gap! < p90 + slack(), `the hedge left ${gap!.toFixed(0)} ms after the first request (p90 ${p90} ms)`)
  t.ok(asked.elapsedMs < p90 + USUAL_MS + 2 * slack(), `answered in ${asked.elapsedMs.toFixed(0)} ms instead of waiting out the 4 s budget`)
  const [held] = await holds(openai)
  t.ok(openai.requests[0]?.clientAborted, 'the losing request was aborted')
  t.ok(held! < asked.elapsedMs + slack(), `and its connection closed ${held!.toFixed(0)} ms after it arrived, as the answer came`)
})

t.test('HEDGE=on: the hedge goes to an equivalent provider (same kind and model) when one is configured', async t => {
  const backup = await startOpenAIStub()
  t.teardown(async () => await backup.close())
  backup.setBehaviour({ text: ANSWERS.openai })
  const dir = t.testdir({
    'providers.json': JSON.stringify([{ id: 'openai-backup', kind: 'openai', model: 'gpt-4o-mini', baseUrl: backup.baseUrl, apiKeyEnv: 'BACKUP_OPENAI_KEY' }])
  })
  const r = await rig(t, { HEDGE: 'on', PROVIDERS_FILE: join(dir, 'providers.json'), BACKUP_OPENAI_KEY: 'sk-test-backup' })
  backup.reset()
  backup.setBehaviour({ text: ANSWERS.openai })
  await prime(t, r)
  r.stub('openai').enqueue({ type: 'hang' })

  const asked = await ask(r.app, { providers: ['openai'] })
  t.match(asked.candidate('openai'), { status: 'ok', attempts: 2 })
  t.equal(r.stub('openai').requests.length, 1, 'one request to the slow provider')
  t.equal(backup.requests.length, 1, 'the hedge went to the equivalent provider')
  t.equal(backup.requests[0]?.headers.authorization, 'Bearer sk-test-backup')
  await holds(r.stub('openai'))
  t.ok(r.stub('openai').requests[0]?.clientAborted, 'the slow request was aborted')
})

t.test('HEDGE off (the default): a hung call is never duplicated', async t => {
  const r = await rig(t, { PROVIDER_TIMEOUT_MS: '800' })
  await prime(t, r)
  r.stub('openai').enqueue({ type: 'hang' })
  const asked = await ask(r.app)
  t.match(asked.candidate('openai'), { status: 'timeout', attempts: 1 })
  t.equal(r.stub('openai').requests.length, 1)
})

t.test('HEDGE=on without enough history: no hedge', async t => {
  const r = await rig(t, { HEDGE: 'on', PROVIDER_TIMEOUT_MS: '800' })
  await prime(t, r, HEDGE_MIN_SAMPLES - 1)
  r.stub('openai').enqueue({ type: 'hang' })
  const asked = await ask(r.app, { providers: ['openai'] })
  t.equal(asked.status, 502, 'the only provider timed out')
  t.equal(r.stub('openai').requests.length, 1, `no p90 to compare with below ${HEDGE_MIN_SAMPLES} answers`)
})

t.test('HEDGE=on: streamed answers are not hedged (two streams would interleave their tokens)', async t => {
  const r = await rig(t, { HEDGE: 'on', PROVIDER_TIMEOUT_MS: '800' })
  await prime(t, r)
  r.stub('openai').enqueue({ type: 'hang' })
  const answer = await r.app.askService.ask('hedge-stream', { question: 'What is a container?', providers: ['openai', 'gemini'] }, { signal: new AbortController().signal, stream: true })
  t.match(answer.candidates.find(c => c.provider === 'openai'), { status: 'timeout', attempts: 1 })
  t.equal(r.stub('openai').requests.length, 1)
})
