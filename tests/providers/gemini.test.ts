import t from 'tap'
import { geminiErrorBody, startGeminiStub } from '../stubs/gemini-stub.js'
import type { StubServer } from '../stubs/stub-server.js'
import { loadProviders } from '../../src/providers/load-providers.js'
import { GeminiProvider } from '../../src/providers/gemini.js'
import type { ProviderSpec } from '../../src/providers/types.js'
import { QUESTION, failure, providerSuite } from './provider-suite.js'

const API_KEY = 'AIzaSy-test-gemini-77d2'
const never = (): AbortSignal => new AbortController().signal

const gemini = (stub: StubServer, overrides: Partial<ProviderSpec> = {}): GeminiProvider =>
  new GeminiProvider({ id: 'gemini', kind: 'gemini', model: 'gemini-2.5-flash', apiKey: API_KEY, baseUrl: stub.baseUrl, ...overrides })

providerSuite(t, {
  start: startGeminiStub,
  provider: gemini,
  apiKey: API_KEY,
  sentKey: request => request.headers['x-goog-api-key'] as string | undefined,
  lengthFinish: 'MAX_TOKENS',
  // The quota error's RetryInfo says 31s.
  rateLimitedRetryMs: 31_000
})

t.test('Gemini specifics', async t => {
  const stub = await startGeminiStub()
  t.teardown(async () => { await stub.close() })
  t.beforeEach(() => { stub.reset() })

  t.test('system messages become systemInstruction, assistant turns the model role', async t => {
    await gemini(stub).complete({
      messages: [
        { role: 'system', content: 'Be a tutor.' },
        { role: 'system', content: 'Answer in the language of the question.' },
        { role: 'user', content: 'O que é IaaS?' },
        { role: 'assistant', content: 'Infraestrutura como serviço.' },
        { role: 'user', content: 'E PaaS?' }
      ],
      maxTokens: 128,
      temperature: 0.3
    }, never())
    const [request] = stub.requests
    t.equal(request.path, '/v1beta/models/gemini-2.5-flash:generateContent')
    t.equal(request.headers.authorization, undefined, 'the key goes in x-goog-api-key only')
    t.same(request.body, {
      contents: [
        { role: 'user', parts: [{ text: 'O que é IaaS?' }] },
        { role: 'model', parts: [{ text: 'Infraestrutura como serviço.' }] },
        { role: 'user', parts: [{ text: 'E PaaS?' }] }
      ],
      systemInstruction: { role: 'user', parts: [{ text: 'Be a tutor.\n\nAnswer in the language of the question.' }] },
      generationConfig: { maxOutputTokens: 128, temperature: 0.3 }
    })
  })

  t.test('a stream calls streamGenerateContent with alt=sse', async t => {
    await gemini(stub).stream({ messages: [{ role: 'user', content: 'Hi' }] }, never(), {})
    t.equal(stub.requests[0].path, '/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse')
    t.same(stub.requests[0].body, { contents: [{ role: 'user', parts: [{ text: 'Hi' }] }], generationConfig: {} }, 'no system instruction, no limits')
  })

  t.test('thought tokens count as output and are reported apart', async t => {
    stub.setBehaviour({ usage: { promptTokens: 20, completionTokens: 50, reasoningTokens: 120 } })
    const expected = { promptTokens: 20, completionTokens: 170, reasoningTokens: 120 }
    t.same((await gemini(stub).complete(QUESTION, never())).usage, expected)
    t.same((await gemini(stub).stream(QUESTION, never(), {})).usage, expected)
  })

  t.test('thought parts are not part of the answer', async t => {
    stub.setBehaviour({
      type: 'raw',
      status: 200,
      body: {
        candidates: [{ content: { role: 'model', parts: [{ text: 'Let me think about kernels…', thought: true }, { text: 'Containers share the kernel.' }] }, finishReason: 'STOP', index: 0 }],
        modelVersion: 'gemini-2.5-pro'
      }
    })
    const completion = await gemini(stub).complete(QUESTION, never())
    t.equal(completion.text, 'Containers share the kernel.')
    t.equal(completion.model, 'gemini-2.5-pro')
    t.equal(completion.usage, null)
  })

  t.test('finish reasons map to the normalised set', async t => {
    for (const [wire, normalised] of [['STOP', 'stop'], ['MAX_TOKENS', 'length'], ['OTHER', 'other'], ['LANGUAGE', 'other']]) {
      stub.setBehaviour({ finishReason: wire })
      t.equal((await gemini(stub).complete(QUESTION, never())).finishReason, normalised, `${wire} → ${normalised}`)
      t.equal((await gemini(stub).stream(QUESTION, never(), {})).finishReason, normalised, `${wire} → ${normalised} (stream)`)
    }
  })

  t.test('a blocked prompt is content_filtered, JSON and stream', async t => {
    stub.setBehaviour(stub.presets.blocked.behaviour)
    for (const call of [gemini(stub).complete(QUESTION, never()), gemini(stub).stream(QUESTION, never(), {})]) {
      const err = await failure(t, call)
      t.equal(err.errorClass, 'content_filtered')
      t.equal(err.message, 'prompt blocked (SAFETY)')
      t.equal(err.retryable, false)
    }
  })

  t.test('withheld answers are content_filtered, even after some streamed text', async t => {
    for (const reason of ['SAFETY', 'RECITATION', 'PROHIBITED_CONTENT', 'BLOCKLIST', 'SPII']) {
      stub.setBehaviour({ finishReason: reason })
      const err = await failure(t, gemini(stub).complete(QUESTION, never()))
      t.equal(err.errorClass, 'content_filtered', reason)
      t.match(err.message, reason)
    }
    stub.setBehaviour(stub.presets.safety.behaviour)
    const pieces: string[] = []
    const err = await failure(t, gemini(stub).stream(QUESTION, never(), { onToken: p => pieces.push(p) }))
    t.equal(err.errorClass, 'content_filtered')
    t.ok(pieces.length > 0, 'text had streamed before the answer was withheld')
  })

  t.test('a reply with neither candidates nor a block reason is invalid', async t => {
    stub.setBehaviour({ type: 'raw', status: 200, body: { usageMetadata: { promptTokenCount: 3 } } })
    const err = await failure(t, gemini(stub).complete(QUESTION, never()))
    t.equal(err.errorClass, 'invalid_response')
  })

  t.test('a wrong key (400 API_KEY_INVALID) is an auth error', async t => {
    stub.setBehaviour({
      type: 'error',
      status: 400,
      body: geminiErrorBody(400, 'API key not valid. Please pass a valid API key.', [{ '@type': 'type.googleapis.com/google.rpc.ErrorInfo', reason: 'API_KEY_INVALID' }])
    })
    const err = await failure(t, gemini(stub).complete(QUESTION, never()))
    t.equal(err.errorClass, 'auth')
    t.equal(err.message, '400 auth (INVALID_ARGUMENT)')
  })

  t.test('an error event inside the stream keeps its status', async t => {
    stub.setBehaviour({
      type: 'raw',
      status: 200,
      body: `data: ${JSON.stringify(geminiErrorBody(503, 'The model is overloaded.'))}\r\n\r\n`,
      headers: { 'content-type': 'text/event-stream' }
    })
    const err = await failure(t, gemini(stub).stream(QUESTION, never(), {}))
    t.equal(err.errorClass, 'unavailable')
    t.equal(err.status, 503)
  })

  t.test('a stream ending inside an event is truncated', async t => {
    stub.setBehaviour({ type: 'raw', status: 200, body: 'data: {"candidates": [{"content": {"parts": [{"text": "Con', headers: { 'content-type': 'text/event-stream' } })
    const err = await failure(t, gemini(stub).stream(QUESTION, never(), {}))
    t.equal(err.errorClass, 'truncated')
  })

  t.test('the environment cannot switch the client to Vertex or another host', async t => {
    process.env.GOOGLE_GENAI_USE_VERTEXAI = 'true'
    process.env.GOOGLE_GEMINI_BASE_URL = 'http://127.0.0.1:9'
    t.teardown(() => {
      delete process.env.GOOGLE_GENAI_USE_VERTEXAI
      delete process.env.GOOGLE_GEMINI_BASE_URL
    })
    const completion = await (await loadProviders([{ id: 'g', kind: 'gemini', model: 'gemini-2.5-flash', apiKey: API_KEY, baseUrl: stub.baseUrl }]))[0]!.complete(QUESTION, never())
    t.ok(completion.text.length > 0)
    t.equal(stub.requests[0].path, '/v1beta/models/gemini-2.5-flash:generateContent')
  })

  t.test('a Gemini provider needs a key', async t => {
    await t.rejects(loadProviders([{ id: 'gem', kind: 'gemini', model: 'gemini-2.5-flash' }]), /provider "gem": a Gemini API key is required/)
  })
})
