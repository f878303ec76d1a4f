// The page's HTTP client (public/js/api.js) run in Node against the real app and provider stubs.
import t from 'tap'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { createServer as createHttpServer } from 'node:http'
import { createServer } from 'node:net'
import type { AskResponse, Candidate } from '../../schemas/ask.js'
import { PUBLIC_DIR } from '../../src/routes/web.js'
import { openAIErrorBody } from '../stubs/openai-stub.js'
import { geminiErrorBody } from '../stubs/gemini-stub.js'
import { startSite, startStubs } from '../browser/browser-helper.js'

interface Problem { status: number, type: string, detail: string, errors?: Array<{ field: string }>, providers?: Array<{ provider: string, errorClass: string }> }
interface AskOptions {
  base: string
  apiKey?: string
  signal?: AbortSignal
  onStart?: (e: { id: string, providers: string[] }) => void
  onToken?: (e: { provider: string, text: string }) => void
  onCandidate?: (c: Candidate) => void
}
type ApiProblemError = Error & { status: number, problem: Problem, retryAfterS?: number }
type NetworkFailure = Error & { streamEnded: boolean }
interface ApiModule {
  ask: (body: unknown, options: AskOptions) => Promise<AskResponse>
  fetchProviders: (options: { base: string, apiKey?: string }) => Promise<{ providers: Array<{ id: string }> }>
  ApiProblem: new (...args: never[]) => ApiProblemError
  NetworkError: new (...args: never[]) => NetworkFailure
}

const api = await import(pathToFileURL(join(PUBLIC_DIR, 'js', 'api.js')).href) as ApiModule

const stubs = await startStubs(t)
const site = await startSite(t, stubs.env)
const base = site.url

t.beforeEach(() => {
  for (const s of stubs.all) s.reset()
})

t.test('providers are listed', async t => {
  const list = await api.fetchProviders({ base })
  t.same(list.providers.map(p => p.id), ['openai', 'gemini', 'huggingface'])
})

t.test('an ask streams its progress, then resolves with the answer', async t => {
  const started: string[][] = []
  const tokens = new Map<string, string>()
  const candidates: Candidate[] = []
  const response = await api.ask({ question: 'What is a container?' }, {
    base,
    onStart: e => started.push(e.providers),
    onToken: e => tokens.set(e.provider, (tokens.get(e.provider) ?? '') + e.text),
    onCandidate: c => candidates.push(c)
  })
  t.same(started, [['openai', 'gemini', 'huggingface']], 'one start event naming the providers')
  t.ok(tokens.size > 0, 'tokens arrive before the answer')
  for (const [provider, text] of tokens) t.equal(text, candidates.find(c => c.provider === provider)?.text, `${provider}'s tokens add up to its answer`)
  t.same(candidates.map(c => c.provider).sort(), ['gemini', 'huggingface', 'openai'], 'one candidate per provider')
  t.ok(candidates.every(c => c.scores === null), 'candidates arrive before they are scored')
  t.equal(response.question, 'What is a container?')
  t.equal(response.candidates.length, 3)
  t.ok(response.candidates.every(c => c.scores !== null), 'the answer carries the scores')
})

t.test('a validation failure is a problem with the bad fields', async t => {
  const err = await api.ask({ question: '' }, { base }).catch((e: unknown) => e)
  t.ok(err instanceof api.ApiProblem, 'an ApiProblem')
  const problem = err as ApiProblemError
  t.equal(problem.status, 400)
  t.ok(problem.problem.errors?.some(e => e.field === 'body/question'), 'naming body/question')
})

t.test('when every provider fails the stream ends with the 502 problem', async t => {
  stubs.openai.setBehaviour({ type: 'error', status: 400, body: openAIErrorBody(400, 'bad request') })
  stubs.gemini.setBehaviour({ type: 'error', status: 400, body: geminiErrorBody(400, 'bad request') })
  stubs.hf.setBehaviour({ type: 'error', status: 400, body: openAIErrorBody(400, 'bad request') })
  const failed: Candidate[] = []
  // A question of its own: an answer cached from another test would hide the failure.
  const err = await api.ask({ question: 'What is a virtual machine?' }, { base, onCandidate: c => failed.push(c) }).catch((e: unknown) => e)
  t.ok(err instanceof api.ApiProblem)
  const problem = err as ApiProblemError
  t.equal(problem.status, 502)
  t.match(problem.problem.type, /all-providers-failed$/)
  t.same(problem.problem.providers?.map(p => p.provider).sort(), ['gemini', 'huggingface', 'openai'], 'with every provider\'s failure')
  t.equal(failed.length, 3, 'after each failed candidate was reported')
})

t.test('an aborted ask rejects with an AbortError', async t => {
  for (const s of stubs.all) s.setBehaviour({ headersDelayMs: 10000 })
  const controller = new AbortController()
  const pending = api.ask({ question: 'What is a hypervisor?' }, { base, signal: controller.signal, onStart: () => controller.abort() })
  const err = await pending.catch((e: unknown) => e) as Error
  t.equal(err.name, 'AbortError')
})

t.test('a server that cannot be reached is a NetworkError', async t => {
  const port = await new Promise<number>(resolve => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const address = probe.address()
      const free = typeof address === 'object' && address !== null ? address.port : 0
      probe.close(() => resolve(free))
    })
  })
  const err = await api.ask({ question: 'x' }, { base: `http://127.0.0.1:${port}` }).catch((e: unknown) => e)
  t.ok(err instanceof api.NetworkError)
  t.equal((err as NetworkFailure).streamEnded, false)
})

t.test('a non-JSON error still becomes a problem, with Retry-After', async t => {
  const server = createHttpServer((_req, res) => {
    res.writeHead(429, { 'content-type': 'text/plain', 'retry-after': '7' })
    res.end('slow down')
  })
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  t.teardown(() => server.close())
  const address = server.address() as { port: number }
  const err = await api.ask({ question: 'x' }, { base: `http://127.0.0.1:${address.port}` }).catch((e: unknown) => e)
  t.ok(err instanceof api.ApiProblem)
  const problem = err as ApiProblemError
  t.equal(problem.status, 429)
  t.equal(problem.retryAfterS, 7, 'the wait comes from the Retry-After header')
})
