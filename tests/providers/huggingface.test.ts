import t from 'tap'
import { HF_STUB_MODEL, startHFStub } from '../stubs/hf-stub.js'
import type { StubServer } from '../stubs/stub-server.js'
import { loadProviders } from '../../src/providers/load-providers.js'
import { HF_DEFAULT_MODEL, HuggingFaceProvider } from '../../src/providers/huggingface.js'
import type { ProviderSpec } from '../../src/providers/types.js'
import { QUESTION, failure, providerSuite } from './provider-suite.js'

const API_KEY = 'hf_testTokenAbc123'
const never = (): AbortSignal => new AbortController().signal

const hf = (stub: StubServer, overrides: Partial<ProviderSpec> = {}): HuggingFaceProvider =>
  new HuggingFaceProvider({ id: 'hf', kind: 'huggingface', model: HF_STUB_MODEL, apiKey: API_KEY, baseUrl: stub.baseUrl, ...overrides })

providerSuite(t, {
  start: startHFStub,
  provider: hf,
  apiKey: API_KEY,
  sentKey: request => /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1],
  lengthFinish: 'length',
  rateLimitedRetryMs: 2000
})

t.test('Hugging Face specifics', async t => {
  const stub = await startHFStub()
  t.teardown(async () => { await stub.close() })
  t.beforeEach(() => { stub.reset() })

  t.test('the SDK posts to <endpointUrl>/chat/completions with the model in the body', async t => {
    await hf(stub).complete(QUESTION, never())
    const [request] = stub.requests
    t.equal(request.path, '/v1/chat/completions')
    t.same(request.body, { model: HF_STUB_MODEL, messages: QUESTION.messages, max_tokens: 256, temperature: 0.2 })
    t.match(request.headers['user-agent'], /@huggingface\/inference/)
  })

  t.test('a stream asks for usage and reads it', async t => {
    stub.setBehaviour({ usage: { promptTokens: 9, completionTokens: 4, reasoningTokens: 2 } })
    const completion = await hf(stub).stream(QUESTION, never(), {})
    t.match(stub.requests[0].body, { stream: true, stream_options: { include_usage: true }, model: HF_STUB_MODEL })
    t.same(completion.usage, { promptTokens: 9, completionTokens: 4, reasoningTokens: 2 })
  })

  t.test('a base URL without /v1 reaches the same route', async t => {
    await hf(stub, { baseUrl: stub.url }).complete(QUESTION, never())
    t.equal(stub.requests[0].path, '/v1/chat/completions')
  })

  t.test('the default model is openai/gpt-oss-20b', async t => {
    const provider = (await loadProviders([{ id: 'hf', kind: 'huggingface', model: '', apiKey: API_KEY, baseUrl: stub.baseUrl }]))[0]!
    t.equal(provider.model, HF_DEFAULT_MODEL)
    t.equal(HF_DEFAULT_MODEL, 'openai/gpt-oss-20b')
    await provider.complete(QUESTION, never())
    t.match(stub.requests[0].body, { model: 'openai/gpt-oss-20b' })
  })

  t.test('a key that is not an hf_ token (a provider key) is sent the same way', async t => {
    await hf(stub, { apiKey: 'gsk_provider_key' }).complete(QUESTION, never())
    t.equal(stub.requests[0].headers.authorization, 'Bearer gsk_provider_key')
  })

  t.test('TGI finish reasons map to the normalised set', async t => {
    for (const [wire, normalised] of [['eos_token', 'stop'], ['stop_sequence', 'stop'], ['length', 'length']]) {
      stub.setBehaviour({ finishReason: wire })
      t.equal((await hf(stub).complete(QUESTION, never())).finishReason, normalised, `${wire} → ${normalised}`)
    }
  })

  t.test('a model still loading (503) fails once instead of looping', async t => {
    stub.setBehaviour(stub.presets.unavailable.behaviour)
    for (const call of [() => hf(stub).complete(QUESTION, never()), () => hf(stub).stream(QUESTION, never(), {})]) {
      stub.reset()
      stub.setBehaviour(stub.presets.unavailable.behaviour)
      const err = await failure(t, call())
      t.equal(err.errorClass, 'unavailable')
      t.equal(err.message, '503 unavailable')
      await new Promise(resolve => setTimeout(resolve, 100))
      t.equal(stub.requests.length, 1)
    }
  })

  t.test('a streamed reply that is not an event stream is an invalid response', async t => {
    stub.setBehaviour({ type: 'raw', status: 200, body: { choices: [] } })
    const err = await failure(t, hf(stub).stream(QUESTION, never(), {}))
    t.equal(err.errorClass, 'invalid_response')
  })

  t.test('an error event inside the stream is classified from its body', async t => {
    stub.setBehaviour({ type: 'raw', status: 200, body: 'data: {"error":{"message":"Input validation error: too many tokens","type":"validation"}}\n\n', headers: { 'content-type': 'text/event-stream' } })
    const err = await failure(t, hf(stub).stream(QUESTION, never(), {}))
    t.equal(err.errorClass, 'context_length')
  })

  t.test('a non-JSON success reply is an invalid response', async t => {
    stub.setBehaviour({ type: 'raw', status: 200, body: 'plain words' })
    const err = await failure(t, hf(stub).complete(QUESTION, never()))
    t.equal(err.errorClass, 'invalid_response')
  })

  t.test('a Hugging Face provider needs a token', async t => {
    await t.rejects(loadProviders([{ id: 'hf', kind: 'huggingface', model: HF_STUB_MODEL }]), /provider "hf": a Hugging Face token is required/)
  })
})
