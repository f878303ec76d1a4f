// The client generated from openapi.yaml (openapi-typescript types, openapi-fetch calls) against the real server process.
import t from 'tap'
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { join } from 'node:path'
import { createIsCoolGptClient, type AskResponse, type Health, type Problem, type ProviderList } from '../../client/index.js'
import { packageRoot } from '../../src/package-info.js'
import { startServer } from '../helper.js'
import { startStubs } from '../stub-env.js'

const QUESTION = 'What is the advantage of using Docker containers?'
const ANSWER = 'Docker containers package an application with its dependencies, so it runs the same everywhere and starts in seconds.'

t.test('health, providers and ask through the typed client, against the server entry on a free port', async t => {
  const stubs = await startStubs(t)
  for (const s of [stubs.openai, stubs.gemini, stubs.hf]) s.setBehaviour({ text: ANSWER, usage: { promptTokens: 40, completionTokens: 25 } })
  const server = await startServer(t, { ...stubs.env, KNOWLEDGE: 'off' })
  const client = createIsCoolGptClient(`${server.url}/`)

  const health = await client.GET('/health')
  t.equal(health.response.status, 200)
  // The assignments are checked by the type checker: the generated types are the API's real shapes.
  const alive: Health | undefined = health.data
  t.equal(alive?.status, 'ok')
  t.type(alive?.uptimeS, 'number')

  const listed = await client.GET('/api/providers')
  const providers: ProviderList | undefined = listed.data
  t.same(providers?.providers.map(p => p.id), ['openai', 'gemini', 'huggingface'])
  t.ok(providers?.providers.every(p => p.circuit === 'closed'))

  const asked = await client.POST('/api/ask', { body: { question: QUESTION, strategy: 'consensus', providers: ['openai', 'gemini'] } })
  t.equal(asked.response.status, 200)
  t.match(asked.response.headers.get('content-type'), /^application\/json/)
  const answer: AskResponse | undefined = asked.data
  t.equal(answer?.answer, ANSWER)
  t.equal(answer?.strategy, 'consensus')
  t.same(answer?.candidates.map(c => c.provider).sort(), ['gemini', 'openai'])
  t.equal(answer?.usage.promptTokens, 80)
  t.equal(stubs.hf.requests.length, 0, 'only the providers asked for were called')

  const prompt = await client.POST('/api/prompt', { body: { question: 'Qual a vantagem de usar Docker?' } })
  t.equal(prompt.data?.answer, ANSWER)

  const refused = await client.POST('/api/ask', { body: { question: QUESTION, providers: ['claude'] } })
  t.equal(refused.response.status, 400)
  t.equal(refused.data, undefined)
  const problem: Problem | undefined = refused.error
  t.match(problem?.detail, /claude/)
  t.same(problem?.errors, [{ field: 'body/providers', message: '"claude" is not a configured provider' }])
})

t.test('an API key travels as a bearer token', async t => {
  const seen: string[] = []
  const client = createIsCoolGptClient('http://iscoolgpt.test', {
    apiKey: 'course-key-123',
    headers: { 'x-client': 'tests' },
    fetch: async (request: Request) => {
      seen.push(`${request.method} ${request.url} ${request.headers.get('authorization') ?? ''} ${request.headers.get('x-client') ?? ''}`)
      return new Response(JSON.stringify({ status: 'ok', version: '1.0.0', uptimeS: 1 }), { headers: { 'content-type': 'application/json' } })
    }
  })
  const { data } = await client.GET('/health')
  t.equal(data?.version, '1.0.0')
  t.same(seen, ['GET http://iscoolgpt.test/health Bearer course-key-123 tests'])
})

t.test('the checked-in client types are what openapi-typescript generates from openapi.yaml', async t => {
  const cli = join(packageRoot, 'node_modules', 'openapi-typescript', 'bin', 'cli.js')
  const child = spawn(process.execPath, [cli, 'openapi.yaml', '--output', 'client/schema.d.ts', '--check'], { cwd: packageRoot, stdio: ['ignore', 'pipe', 'pipe'] })
  let output = ''
  child.stdout.on('data', d => { output += String(d) })
  child.stderr.on('data', d => { output += String(d) })
  const [code] = await once(child, 'exit') as [number | null]
  t.equal(code, 0, `run \`npm run client:generate\` after \`npm run openapi\`\n${output}`)
})
