// Agreement through the running service: identical answers from different providers are agreement (a quorum,
// never duplicates), an error text relayed as an answer is junk and the course notes answer instead, and
// every provider that did not contribute is named in a plain-words warning.
import t, { type Test } from 'tap'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { build, startServer } from '../helper.js'
import { startStubs, type Stubs } from '../stub-env.js'
import { startOpenAIStub } from '../stubs/openai-stub.js'

const VPC_QUESTION = 'What is a VPC in AWS?'
const VPC_ANSWER = 'A VPC (Virtual Private Cloud) is a logically isolated virtual network in AWS: you choose its IP address range, split it into public and private subnets, set route tables and gateways, and filter traffic with security groups and network ACLs.'
const OTHER_VPC_ANSWER = 'Amazon VPC gives you a private, isolated section of the AWS cloud where you define the address range, the subnets, the route tables and the internet and NAT gateways, and control traffic with security groups.'

interface Candidate {
  provider: string
  status: string
  text: string
  attempts: number
  flags: string[]
  filtered: string | null
  error: { type: string, status?: number } | null
}

interface AskBody {
  answer: string
  confidence: number
  chosen: { provider: string } | null
  candidates: Candidate[]
  warnings: string[]
}

// Every test gets a data directory of its own under one root, removed when the whole file is done: by then
// every app is closed, so no learning still being written races the removal.
const DATA_ROOT = await mkdtemp(join(tmpdir(), 'iscoolgpt-agreement-'))
t.teardown(async () => await rm(DATA_ROOT, { recursive: true, force: true }))

async function dataDir (): Promise<string> {
  return await mkdtemp(join(DATA_ROOT, 'data-'))
}

const candidate = (body: AskBody, provider: string): Candidate => {
  const found = body.candidates.find(c => c.provider === provider)
  if (found === undefined) throw new Error(`no candidate from ${provider}: ${JSON.stringify(body.candidates.map(c => c.provider))}`)
  return found
}

/** Stubs plus what the service needs in a test: no cache, no course notes unless asked, its own data directory. */
async function serviceEnv (t: Test, stubs: Stubs): Promise<Record<string, string>> {
  return { ...stubs.env, KNOWLEDGE: 'off', CACHE_TTL_S: '0', DATA_DIR: await dataDir(), RATE_LIMIT_MAX: '0' }
}

t.test('two providers giving the same answer make a quorum: the answer does not wait for the slow third', async t => {
  const stubs = await startStubs(t)
  stubs.openai.setBehaviour({ text: VPC_ANSWER, headersDelayMs: 50 })
  stubs.gemini.setBehaviour({ text: VPC_ANSWER, headersDelayMs: 60 })
  stubs.hf.setBehaviour({ text: OTHER_VPC_ANSWER, headersDelayMs: 2500 })
  const server = await startServer(t, await serviceEnv(t, stubs))
  const post = async (payload: Record<string, unknown>): Promise<{ status: number, body: AskBody, elapsedMs: number }> => {
    const started = performance.now()
    const res = await fetch(`${server.url}/api/ask`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(payload) })
    const body = await res.json() as AskBody
    return { status: res.status, body, elapsedMs: performance.now() - started }
  }
  // The first request of a process loads the SDKs; it is not what is measured.
  await post({ question: 'What is Amazon S3?', providers: ['openai', 'gemini'] })

  const { status, body, elapsedMs } = await post({ question: VPC_QUESTION, waitFor: 'quorum' })
  t.equal(status, 200)
  t.ok(elapsedMs < 1500, `answered in ${elapsedMs.toFixed(0)} ms, well before the third provider's 2.5 s`)
  t.equal(body.answer, VPC_ANSWER)
  t.ok(body.chosen?.provider === 'openai' || body.chosen?.provider === 'gemini', `chosen: ${body.chosen?.provider}`)
  for (const id of ['openai', 'gemini']) {
    const c = candidate(body, id)
    t.equal(c.status, 'ok', `${id} answered`)
    t.equal(c.filtered, null, `${id}'s identical answer is kept: two providers agreeing is not a duplicate`)
    t.notOk(c.flags.includes('duplicate'), `${id} is not flagged as a duplicate`)
  }
  t.ok(body.confidence >= 0.75, `two providers agree word for word: confidence ${body.confidence}`)
  const slow = candidate(body, 'huggingface')
  t.equal(slow.status, 'skipped', 'the slow provider was not waited for')
  t.equal(slow.error?.type, 'cancelled')
  t.ok(body.warnings.includes('huggingface was not waited for: the answer was already settled.'), body.warnings.join(' | '))
  const hfRequest = stubs.hf.requests.at(-1)
  if (hfRequest === undefined) throw new Error('the slow provider was never asked')
  await stubs.hf.waitForClose(hfRequest)
  t.ok(hfRequest.clientAborted, 'its request was abandoned, not left running')

  // Waiting for everyone, the same two identical answers still agree against a paraphrase of the same facts.
  stubs.hf.setBehaviour({ text: OTHER_VPC_ANSWER })
  const all = await post({ question: VPC_QUESTION, waitFor: 'all' })
  t.equal(all.status, 200)
  t.same(all.body.candidates.map(c => c.filtered), [null, null, null], 'all three kept')
  t.ok(all.body.confidence >= 0.75, `confidence ${all.body.confidence}`)
  t.same(all.body.warnings, [], 'nothing was left out, nothing to warn about')
})

t.test('three identical short answers are three votes, not one answer and two duplicates', async t => {
  const stubs = await startStubs(t)
  const SHORT = 'A default VPC has one default subnet in each Availability Zone of its region.\nA: 3'
  for (const stub of [stubs.openai, stubs.gemini, stubs.hf]) stub.setBehaviour({ text: SHORT })
  const app = await build(t, await serviceEnv(t, stubs))
  const res = await app.inject({ method: 'POST', url: '/api/ask', payload: { question: 'How many default subnets does the default VPC have in a region with three Availability Zones?' } })
  t.equal(res.statusCode, 200)
  const body = res.json() as AskBody & { normalized: string | null }
  t.equal(body.normalized, '3')
  t.same(body.candidates.map(c => c.filtered), [null, null, null])
  t.ok(body.candidates.every(c => !c.flags.includes('duplicate')), JSON.stringify(body.candidates.map(c => c.flags)))
  t.ok(body.confidence >= 0.75, `three providers agree: confidence ${body.confidence}`)
})

t.test('an Ollama relaying "model not found" as its answer is junk; the course notes answer and a warning names it', async t => {
  const ollama = await startOpenAIStub()
  t.teardown(async () => await ollama.close())
  ollama.setBehaviour({ text: "Error: model 'llama3' not found, try pulling it first" })
  // Only Ollama and the course notes (KNOWLEDGE is on by default): the situation of a student whose local model is not pulled.
  const app = await build(t, { KNOWLEDGE: 'on', OLLAMA_MODEL: 'llama3', OLLAMA_BASE_URL: ollama.baseUrl, CACHE_TTL_S: '0', DATA_DIR: await dataDir(), RATE_LIMIT_MAX: '0' })
  for (const question of ['What is a VPC in AWS?', 'O que é uma VPC na AWS?']) {
    const res = await app.inject({ method: 'POST', url: '/api/ask', payload: { question } })
    t.equal(res.statusCode, 200, question)
    const body = res.json() as AskBody
    t.same(body.candidates.map(c => c.provider).sort(), ['knowledge', 'ollama'], `${question}: both asked`)
    const junk = candidate(body, 'ollama')
    t.equal(junk.status, 'ok', 'the call itself succeeded')
    t.equal(junk.filtered, 'junk', `${question}: the error text is not an answer`)
    t.ok(junk.flags.includes('junk'))
    t.equal(body.chosen?.provider, 'knowledge', `${question}: the course notes answer`)
    t.equal(body.answer, candidate(body, 'knowledge').text)
    t.match(body.answer, /VPC/, 'about the question')
    t.notMatch(body.answer, /not found|llama3/, 'the error text is never the answer')
    t.ok(body.warnings.includes('ollama was left out: its reply is an error message, not an answer.'), body.warnings.join(' | '))
  }
  t.equal(ollama.requests.length, 2, 'the Ollama stub was asked each time')
})

t.test('a provider failing with 500 three times is named in a warning; a hung one too', async t => {
  const stubs = await startStubs(t)
  stubs.openai.setBehaviour({ type: 'error', status: 500, body: { error: { message: 'The server had an error while processing your request.', type: 'server_error', param: null, code: null } } })
  stubs.gemini.setBehaviour({ text: VPC_ANSWER })
  stubs.hf.setBehaviour({ text: OTHER_VPC_ANSWER })
  const app = await build(t, { ...await serviceEnv(t, stubs), RETRY_BASE_DELAY_MS: '10', RETRY_MAX_DELAY_MS: '50' })
  const res = await app.inject({ method: 'POST', url: '/api/ask', payload: { question: VPC_QUESTION } })
  t.equal(res.statusCode, 200, 'the others answer')
  const body = res.json() as AskBody
  const failed = candidate(body, 'openai')
  t.equal(failed.status, 'error')
  t.equal(failed.attempts, 3, 'retried up to RETRY_MAX_ATTEMPTS')
  t.equal(stubs.openai.requests.length, 3, 'three calls reached the provider')
  t.equal(failed.error?.status, 500)
  t.ok(body.warnings.includes('openai was unavailable after 3 attempts.'), body.warnings.join(' | '))
  t.equal(body.warnings.filter(w => w.startsWith('openai')).length, 1, 'one sentence per provider')
  t.notOk(body.warnings.some(w => /gemini|huggingface/.test(w)), 'the providers that answered are not warned about')
  t.ok(body.chosen?.provider === 'gemini' || body.chosen?.provider === 'huggingface')

  stubs.openai.setBehaviour({ text: VPC_ANSWER })
  stubs.hf.setBehaviour({ type: 'hang' })
  const hung = await app.inject({ method: 'POST', url: '/api/ask', payload: { question: VPC_QUESTION, timeoutMs: 1500 } })
  t.equal(hung.statusCode, 200)
  const hungBody = hung.json() as AskBody
  t.equal(candidate(hungBody, 'huggingface').status, 'timeout')
  t.ok(hungBody.warnings.some(w => /^huggingface did not answer in time( after \d+ attempts)?\.$/.test(w)), hungBody.warnings.join(' | '))
  t.notOk(hungBody.warnings.some(w => w.startsWith('openai')), 'openai answered this time')
})

t.test('/metrics shows the learned reliability after an ask', async t => {
  const stubs = await startStubs(t)
  stubs.openai.setBehaviour({ text: VPC_ANSWER })
  stubs.gemini.setBehaviour({ text: VPC_ANSWER })
  stubs.hf.setBehaviour({ text: OTHER_VPC_ANSWER })
  const app = await build(t, await serviceEnv(t, stubs))
  const before = (await app.inject({ url: '/metrics' })).body
  t.notMatch(before, /^iscoolgpt_provider_learned_questions\{provider="openai"\} [1-9]/m, 'nothing learned before the first question')

  const res = await app.inject({ method: 'POST', url: '/api/ask', payload: { question: VPC_QUESTION } })
  t.equal(res.statusCode, 200)
  // Learning runs after the answer is sent: wait (generously) until it shows.
  let text = ''
  const deadline = Date.now() + 10_000
  while (Date.now() < deadline) {
    text = (await app.inject({ url: '/metrics' })).body
    if (/^iscoolgpt_provider_learned_questions\{provider="huggingface"\} 1$/m.test(text)) break
    await sleep(25)
  }
  for (const provider of ['openai', 'gemini', 'huggingface']) {
    t.match(text, new RegExp(`^iscoolgpt_provider_learned_questions\\{provider="${provider}"\\} 1$`, 'm'), `${provider}: one question learned`)
    for (const measure of ['accuracy', 'quality']) {
      const line = new RegExp(`^iscoolgpt_provider_reliability\\{provider="${provider}",measure="${measure}"\\} (-?[\\d.e+-]+)$`, 'm').exec(text)
      t.ok(line !== null, `${provider} ${measure} is exported`)
      t.ok(Number.isFinite(Number(line?.[1])), `${provider} ${measure} is a number (${line?.[1]})`)
    }
    t.match(text, new RegExp(`^iscoolgpt_provider_feedback\\{provider="${provider}",rating="up"\\} 0$`, 'm'))
    t.match(text, new RegExp(`^iscoolgpt_provider_feedback\\{provider="${provider}",rating="down"\\} 0$`, 'm'))
  }
  const accuracy = Number(/^iscoolgpt_provider_reliability\{provider="openai",measure="accuracy"\} (\S+)$/m.exec(text)?.[1])
  t.ok(accuracy >= 0 && accuracy <= 1, `accuracy is a probability (${accuracy})`)
  t.match(text, /^# HELP iscoolgpt_provider_reliability /m)
  t.match(text, /^# TYPE iscoolgpt_provider_reliability gauge$/m)

  const id = (res.json() as { id: string }).id
  t.equal((await app.inject({ method: 'POST', url: `/api/answers/${id}/feedback`, payload: { rating: 'down', provider: 'huggingface' } })).statusCode, 200)
  t.match((await app.inject({ url: '/metrics' })).body, /^iscoolgpt_provider_feedback\{provider="huggingface",rating="down"\} 1$/m, 'a rating shows at once')
})
