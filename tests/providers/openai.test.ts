import t from 'tap'
import { startOpenAIStub } from '../stubs/openai-stub.js'
import type { StubServer } from '../stubs/stub-server.js'
import { loadProviders } from '../../src/providers/load-providers.js'
import { OpenAIProvider } from '../../src/providers/openai.js'
import type { ProviderSpec } from '../../src/providers/types.js'
import { QUESTION, failure, providerSuite } from './provider-suite.js'

const API_KEY = 'sk-test-openai-5f1c9e'
const never = (): AbortSignal => new AbortController().signal

const openai = (stub: StubServer, overrides: Partial<ProviderSpec> = {}): OpenAIProvider =>
  new OpenAIProvider({ id: 'openai', kind: 'openai', model: 'gpt-4o-mini', apiKey: API_KEY, baseUrl: stub.baseUrl, ...overrides })

providerSuite(t, {
  start: startOpenAIStub,
  provider: openai,
  apiKey: API_KEY,
  sentKey: request => /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1],
  lengthFinish: 'length',
  rateLimitedRetryMs: 2000
})

t.test('OpenAI specifics', async t => {
  const stub = await startOpenAIStub()
  t.teardown(async () => { await stub.close() })
  t.beforeEach(() => { stub.reset() })

  t.test('the request is a chat completion with the configured model and limits', async t => {
    await openai(stub).complete(QUESTION, never())
    const [request] = stub.requests
    t.equal(request.method, 'POST')
    t.equal(request.path, '/v1/chat/completions')
    t.match(request.headers['content-type'], /application\/json/)
    t.same(request.body, {
      model: 'gpt-4o-mini',
      messages: QUESTION.messages,
      max_completion_tokens: 256,
      temperature: 0.2,
      stream: false
    })
  })

  t.test('a stream asks for the usage chunk', async t => {
    await openai(stub).stream(QUESTION, never(), {})
    t.match(stub.requests[0].body, { stream: true, stream_options: { include_usage: true } })
  })

  t.test('reasoning tokens are reported apart, JSON and stream', async t => {
    stub.setBehaviour({ usage: { promptTokens: 40, completionTokens: 300, reasoningTokens: 256 } })
    const expected = { promptTokens: 40, completionTokens: 300, reasoningTokens: 256 }
    t.same((await openai(stub).complete(QUESTION, never())).usage, expected)
    t.same((await openai(stub).stream(QUESTION, never(), {})).usage, expected)
  })

  t.test('finish reasons map to the normalised set', async t => {
    const cases: Array<[string | null, string]> = [['stop', 'stop'], ['length', 'length'], ['content_filter', 'content_filter'], ['tool_calls', 'other'], ['function_call', 'other']]
    for (const [wire, normalised] of cases) {
      stub.setBehaviour({ finishReason: wire })
      t.equal((await openai(stub).complete(QUESTION, never())).finishReason, normalised, `${wire} → ${normalised}`)
      t.equal((await openai(stub).stream(QUESTION, never(), {})).finishReason, normalised, `${wire} → ${normalised} (stream)`)
    }
  })

  t.test('a reply without usage has usage null', async t => {
    stub.setBehaviour({ usage: null })
    t.equal((await openai(stub).complete(QUESTION, never())).usage, null)
    t.equal((await openai(stub).stream(QUESTION, never(), {})).usage, null)
  })

  t.test('an OpenAI-compatible endpoint (Ollama) gets max_tokens and works without a key', async t => {
    const ollama = (await loadProviders([{ id: 'ollama', kind: 'openai-compatible', model: 'llama3.2', baseUrl: stub.baseUrl }]))[0]!
    t.equal(ollama.kind, 'openai-compatible')
    t.equal(ollama.weight, 1)
    const completion = await ollama.complete(QUESTION, never())
    t.ok(completion.text.length > 0)
    t.match(stub.requests[0].body, { model: 'llama3.2', max_tokens: 256 })
    t.notOk(Object.hasOwn(stub.requests[0].body as object, 'max_completion_tokens'))
    t.match(stub.requests[0].headers.authorization, /^Bearer \S+$/, 'the SDK still sends a placeholder key')
  })

  t.test('environment variables of the SDK are not read', async t => {
    process.env.OPENAI_ORG_ID = 'org-from-environment'
    t.teardown(() => { delete process.env.OPENAI_ORG_ID })
    await openai(stub).complete(QUESTION, never())
    t.equal(stub.requests[0].headers['openai-organization'], undefined)
  })

  t.test('an error event inside the stream is classified from its body', async t => {
    stub.setBehaviour({ type: 'raw', status: 200, body: 'data: {"error":{"message":"context_length_exceeded in stream","type":"invalid_request_error"}}\n\n', headers: { 'content-type': 'text/event-stream' } })
    const err = await failure(t, openai(stub).stream(QUESTION, never(), {}))
    t.equal(err.errorClass, 'context_length')
    t.equal(err.status, undefined)
    t.equal(err.message, 'error event: context_length (invalid_request_error)')
  })

  t.test('a reply without choices is an invalid response', async t => {
    stub.setBehaviour({ type: 'raw', status: 200, body: { id: 'x', object: 'chat.completion', model: 'gpt-4o-mini', choices: [] } })
    const err = await failure(t, openai(stub).complete(QUESTION, never()))
    t.equal(err.errorClass, 'invalid_response')
  })

  t.test('a refusal is the answer text', async t => {
    stub.setBehaviour({ type: 'raw', status: 200, body: { model: 'gpt-4o', choices: [{ index: 0, message: { role: 'assistant', content: null, refusal: 'I cannot help with that.' }, finish_reason: 'stop' }] } })
    const completion = await openai(stub).complete(QUESTION, never())
    t.equal(completion.text, 'I cannot help with that.')
    t.equal(completion.model, 'gpt-4o')
  })

  t.test('the per-provider timeout bounds the wait for headers', async t => {
    stub.setBehaviour({ headersDelayMs: 2000 })
    const started = Date.now()
    const err = await failure(t, openai(stub, { timeoutMs: 150 }).complete(QUESTION, never()))
    t.equal(err.errorClass, 'timeout')
    t.ok(Date.now() - started < 1500)
    t.equal(stub.requests.length, 1)
  })

  t.test('specs that cannot work are refused, naming the provider', async t => {
    t.throws(() => new OpenAIProvider({ id: 'main', kind: 'openai', model: 'gpt-4o-mini' }), /provider "main": an OpenAI API key is required/)
    await t.rejects(loadProviders([{ id: 'groq', kind: 'openai-compatible', model: 'llama' }]), /provider "groq": .*needs baseUrl/)
    t.throws(() => new OpenAIProvider({ id: 'g', kind: 'gemini', model: 'x', apiKey: 'k' }), /not served by the OpenAI adapter/)
    await t.rejects(loadProviders([{ id: 'k', kind: 'knowledge' as 'gemini', model: 'x' }]), /provider "k": unknown kind knowledge/)
  })
})
