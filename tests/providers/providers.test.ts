// The provider adapters' tests: one subtest per former file, in one process: tap starts each test file in a process of its own,
// and for a small file that start-up (TypeScript loader, process info, tap's plugins, the app's imports) cost more than its tests.
// One part alone: npx tap --disable-coverage --grep='^answer-limit$' tests/providers/providers.test.ts (the part's name is its former file's).
import t from 'tap'
import { performance } from 'node:perf_hooks'
import { ApiError } from '@google/genai'
import { InferenceClientInputError, InferenceClientProviderApiError, InferenceClientProviderOutputError } from '@huggingface/inference'
import { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from 'openai'
import { BoundedText, boundResponse, cutText, limitCompletion, notAnEventStream } from '../../src/providers/answer-limit.js'
import { retryAfterFromHeaders, toProviderError } from '../../src/providers/errors.js'
import { GeminiProvider } from '../../src/providers/gemini.js'
import { HF_DEFAULT_MODEL, HuggingFaceProvider } from '../../src/providers/huggingface.js'
import { loadProviders } from '../../src/providers/load-providers.js'
import { OpenAIProvider } from '../../src/providers/openai.js'
import { ReasoningFilter } from '../../src/providers/reasoning-filter.js'
import { holdsSecret, registerSecrets, safeIdentifier, scrubFragments, scrubSecrets, StreamScrubber } from '../../src/providers/secret-scrubber.js'
import { ProviderError, type ProviderSpec } from '../../src/providers/types.js'
import { geminiErrorBody, startGeminiStub } from '../stubs/gemini-stub.js'
import { HF_STUB_MODEL, startHFStub } from '../stubs/hf-stub.js'
import { startOpenAIStub } from '../stubs/openai-stub.js'
import { splitTokens, type StubServer } from '../stubs/stub-server.js'
import { failure, providerSuite, QUESTION, thinkingInContentSuite } from './provider-suite.js'

t.test('answer-limit', async t => {
  // The pieces MAX_ANSWER_CHARS is built from: the byte bound on whole replies, cutting text, streamed text.
  /** A body of `chunks` chunks of 64 KiB that records how many were pulled and whether it was cancelled. */
  function sourceOf (chunks: number, type: string, length?: number): { response: Response, pulled: () => number, cancelled: () => boolean } {
    let pulled = 0
    let cancelled = false
    const body = new ReadableStream<Uint8Array>({
      pull (controller) {
        if (pulled === chunks) { controller.close(); return }
        pulled++
        controller.enqueue(new Uint8Array(65536).fill(0x61))
      },
      cancel () { cancelled = true }
    }, { highWaterMark: 0 })
    const headers: Record<string, string> = { 'content-type': type }
    if (length !== undefined) headers['content-length'] = String(length)
    return { response: new Response(body, { status: 200, headers }), pulled: () => pulled, cancelled: () => cancelled }
  }

  t.test('a whole reply past the bound: reading stops, the source is cancelled, the body fails as truncated', async t => {
    const source = sourceOf(80, 'application/json')
    const bounded = boundResponse(source.response, 200_000)
    const err = await bounded.text().then(() => undefined, (e: unknown) => e)
    t.ok(err instanceof ProviderError, 'a ProviderError')
    t.equal((err as ProviderError).errorClass, 'truncated')
    t.match((err as ProviderError).message, /MAX_ANSWER_CHARS/)
    t.ok(source.pulled() <= 5, `${source.pulled()} of 80 chunks read`)
    t.equal(source.cancelled(), true, 'the upstream body was cancelled')
  })

  t.test('a non-JSON reply past the bound is invalid_response; replies within it pass untouched', async t => {
    const html = boundResponse(sourceOf(80, 'text/html').response, 200_000)
    const err = await html.text().then(() => undefined, (e: unknown) => e)
    t.equal((err as ProviderError).errorClass, 'invalid_response')
    const small = sourceOf(2, 'application/json')
    t.equal((await boundResponse(small.response, 200_000).text()).length, 131072)
    const declared = sourceOf(2, 'application/json', 131072)
    t.equal(boundResponse(declared.response, 200_000), declared.response, 'a declared length within the bound needs no watching')
    const sse = sourceOf(80, 'text/event-stream')
    t.equal(boundResponse(sse.response, 200_000), sse.response, 'event streams are bounded by their text instead')
  })

  t.test('text is cut at the limit, never inside a surrogate pair', async t => {
    t.equal(cutText('abcdef', 4), 'abcd')
    t.equal(cutText('abc😀def', 4), 'abc', 'the emoji is left out whole')
    t.equal(cutText('abc', 10), 'abc')
    const kept = limitCompletion({ text: 'x'.repeat(50), finishReason: 'stop', usage: null, model: 'm' }, 20)
    t.same(kept, { text: 'x'.repeat(20), finishReason: 'length', usage: null, model: 'm', cutAt: 20 })
    const bounded = new BoundedText(10)
    t.equal(bounded.append('hello '), 'hello ')
    t.equal(bounded.full, false)
    t.equal(bounded.append('world!'), 'worl')
    t.equal(bounded.full, true)
    t.equal(bounded.append('more'), '', 'nothing more once full')
    t.equal(bounded.text, 'hello worl')
  })

  t.test('a reply that should be an event stream and is not', async t => {
    t.equal(notAnEventStream(new Headers({ 'content-type': 'text/event-stream; charset=utf-8' })), undefined)
    t.equal(notAnEventStream(new Headers({ 'content-type': 'text/html; charset=utf-8' }))?.errorClass, 'invalid_response')
    t.match(notAnEventStream(new Headers({ 'content-type': 'text/html' }))?.message, /not an event stream \(text\/html\)/)
  })
})

t.test('reasoning filter', async t => {
  /** Feeds the pieces in turn and returns what was passed on, piece by piece, with what the end released. */
  function run (pieces: string[]): { out: string[], end: string, filter: ReasoningFilter } {
    const filter = new ReasoningFilter()
    const out = pieces.map(piece => filter.push(piece))
    return { out, end: filter.flush(), filter }
  }

  t.test('tags split across pieces, in any case, are still found', async t => {
    const { out, end, filter } = run(['  <Th', 'InK>first, ', 'the kernel</th', 'ink>', '\n\nCon', 'tainers share it.'])
    t.same(out, ['', '', '', '', 'Con', 'tainers share it.'])
    t.equal(end, '')
    t.equal(filter.thought, true)
    t.equal(filter.reasoningChars, 'first, the kernel'.length)
  })

  t.test('more than one block of thinking, then the answer', async t => {
    t.equal(run(['<think>a</think>', '<thinking>b</thinking>\n', 'Answer']).out.join(''), 'Answer')
  })

  t.test('a reply without thinking passes at once, whitespace and all; one that starts like a tag is held only until it cannot be one', async t => {
    t.same(run(['\n', 'Plain ', 'answer']).out, ['', '\nPlain ', 'answer'])
    t.same(run(['<', 'div>', ' markup']).out, ['', '<div>', ' markup'])
    const lone = run(['<thi'])
    t.same(lone.out, [''])
    t.equal(lone.end, '<thi', 'a reply that is only the start of a tag is still released at the end')
  })

  t.test('thinking is held a closing tag\'s length at a time, never whole', async t => {
    const filter = new ReasoningFilter()
    filter.push('<think>')
    for (let i = 0; i < 1000; i++) t.equal(filter.push('thinking on and on '), '')
    t.equal(filter.reasoningChars, 19_000 - '</think>'.length + 1)
    t.equal(filter.push('</think>Done.'), 'Done.')
  })
})

t.test('errors', async t => {
  const aborted = (reason?: unknown): AbortSignal => {
    const controller = new AbortController()
    controller.abort(reason)
    return controller.signal
  }

  const systemError = (code: string): Error => Object.assign(new Error(`connect ${code} 127.0.0.1:1`), { code })

  t.test('Retry-After in every form', async t => {
    const now = Date.parse('2025-01-01T00:00:00Z')
    t.equal(retryAfterFromHeaders(new Headers({ 'retry-after-ms': '250' }), now), 250)
    t.equal(retryAfterFromHeaders(new Headers({ 'retry-after-ms': '250', 'retry-after': '9' }), now), 250, 'milliseconds win')
    t.equal(retryAfterFromHeaders(new Headers({ 'retry-after': '1.5' }), now), 1500)
    t.equal(retryAfterFromHeaders(new Headers({ 'retry-after': 'Wed, 01 Jan 2025 00:00:30 GMT' }), now), 30_000)
    t.equal(retryAfterFromHeaders(new Headers({ 'retry-after': 'Tue, 31 Dec 2024 23:00:00 GMT' }), now), 0, 'a past date means now')
    t.equal(retryAfterFromHeaders(new Headers({ 'retry-after': 'soon' }), now), undefined)
    t.equal(retryAfterFromHeaders(new Headers({ 'retry-after': '-3' }), now), undefined)
    t.equal(retryAfterFromHeaders(new Headers({ 'retry-after-ms': 'x', 'retry-after': '2' }), now), 2000)
    t.equal(retryAfterFromHeaders(new Headers(), now), undefined)
    t.equal(retryAfterFromHeaders(undefined, now), undefined)
  })

  t.test('our own abort is a timeout, whatever shape the SDK gives it', async t => {
    const deadline = aborted(new DOMException('deadline', 'TimeoutError'))
    for (const err of [new APIUserAbortError(), new DOMException('aborted', 'AbortError'), new TypeError('terminated'), new Error('anything')]) {
      const mapped = toProviderError(err, { signal: deadline })
      t.equal(mapped.errorClass, 'timeout')
      t.equal(mapped.message, 'deadline exceeded')
    }
    const disconnect = toProviderError(new DOMException('aborted', 'AbortError'), { signal: aborted(new Error('client went away')), responded: true })
    t.equal(disconnect.message, 'request aborted')
    t.equal(disconnect.beforeResponse, false)
    t.equal(toProviderError(new DOMException('aborted', 'AbortError')).errorClass, 'timeout', 'an abort we did not ask for too')
  })

  t.test('a ProviderError passes through unchanged', async t => {
    const original = new ProviderError('truncated', 'cut')
    t.equal(toProviderError(original, { signal: aborted() }), original)
  })

  t.test('openai SDK errors', async t => {
    const headers = new Headers({ 'retry-after': '4', 'x-request-id': 'req_1' })
    const limited = toProviderError(APIError.generate(429, { error: { message: 'Rate limit reached for sk-secret', code: 'rate_limit_exceeded' } }, undefined, headers))
    t.equal(limited.errorClass, 'rate_limited')
    t.equal(limited.retryAfterMs, 4000)
    t.equal(limited.message, '429 rate_limited (rate_limit_exceeded)')
    t.equal(limited.cause, undefined, 'the SDK error, with the upstream text, is not kept')

    const timedOut = toProviderError(new APIConnectionTimeoutError())
    t.equal(timedOut.errorClass, 'timeout')
    t.equal(timedOut.beforeResponse, true)

    const refused = toProviderError(new APIConnectionError({ message: 'Connection error.', cause: new TypeError('fetch failed', { cause: systemError('ECONNREFUSED') }) }))
    t.equal(refused.errorClass, 'network')
    t.equal(refused.message, 'no response (ECONNREFUSED)')
    t.equal(refused.beforeResponse, true)

    const odd = toProviderError(APIError.generate(418, { error: { message: 'teapot', type: 'a type with spaces and prose' } }, undefined, new Headers()))
    t.equal(odd.errorClass, 'bad_request')
    t.equal(odd.message, '418 bad_request', 'a code that reads like prose is left out')
  })

  t.test('genai errors', async t => {
    const quota = toProviderError(new ApiError({
      status: 429,
      message: JSON.stringify({ error: { code: 429, status: 'RESOURCE_EXHAUSTED', details: [{ '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay: '2.5s' }] } })
    }))
    t.equal(quota.retryAfterMs, 2500)
    t.equal(quota.message, '429 rate_limited (RESOURCE_EXHAUSTED)')
    const prose = toProviderError(new ApiError({ status: 500, message: 'not json at all' }))
    t.equal(prose.errorClass, 'unavailable')
    t.equal(prose.message, '500 unavailable')
  })

  t.test('Hugging Face errors', async t => {
    const request = { url: 'http://127.0.0.1/v1/chat/completions', method: 'POST', headers: { Authorization: 'Bearer hf_secret' } }
    const policy = toProviderError(new InferenceClientProviderApiError('x', request, { requestId: '', status: 400, body: { error: { message: 'flagged by moderation', code: 'content_policy_violation' } } }))
    t.equal(policy.errorClass, 'content_filtered')
    t.notMatch(policy.message, 'hf_secret')
    t.equal(toProviderError(new InferenceClientProviderOutputError('bad output')).errorClass, 'invalid_response')
    t.equal(toProviderError(new InferenceClientInputError('no model')).errorClass, 'bad_request')
    const withHeaders = toProviderError(new InferenceClientProviderApiError('x', request, { requestId: '', status: 429, body: '' }), { headers: new Headers({ 'retry-after-ms': '700' }) })
    t.equal(withHeaders.retryAfterMs, 700)
  })

  t.test('network failures', async t => {
    const reset = toProviderError(new TypeError('fetch failed', { cause: systemError('ECONNRESET') }))
    t.equal(reset.errorClass, 'network')
    t.equal(reset.beforeResponse, true)
    const cut = toProviderError(new TypeError('terminated', { cause: Object.assign(new Error('other side closed'), { code: 'UND_ERR_SOCKET' }) }))
    t.equal(cut.errorClass, 'network')
    t.equal(cut.beforeResponse, false, 'terminated means the response had started')
    t.equal(toProviderError(new TypeError('terminated'), { phase: 'stream' }).errorClass, 'truncated')
    t.equal(toProviderError(new TypeError('terminated'), { phase: 'stream', responded: false }).errorClass, 'network')
    const slow = toProviderError(new TypeError('fetch failed', { cause: systemError('UND_ERR_HEADERS_TIMEOUT') }))
    t.equal(slow.errorClass, 'timeout')
    t.equal(toProviderError(systemError('ENOTFOUND')).errorClass, 'network')
  })

  t.test('anything else is an invalid response with a short message', async t => {
    t.equal(toProviderError(new SyntaxError('Unexpected token < in JSON')).errorClass, 'invalid_response')
    const unknown = toProviderError(new RangeError('sk-secret leaked here'))
    t.equal(unknown.errorClass, 'invalid_response')
    t.equal(unknown.message, 'unexpected failure (RangeError)')
    t.equal(toProviderError('a string').message, 'unexpected failure (string)')
    t.equal(toProviderError(new ApiError({ status: 400, message: 'plain' })).errorClass, 'bad_request')
  })
})

t.test('gemini', async t => {
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
})

t.test('huggingface', async t => {
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

  t.test('thinking written into the content', async t => {
    thinkingInContentSuite(t, { start: startHFStub, provider: hf })
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
})

t.test('openai', async t => {
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

  t.test('thinking written into the content', async t => {
    thinkingInContentSuite(t, { start: startOpenAIStub, provider: openai })
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
})

t.test('secret-scrubber', async t => {
  // The one scrubber for upstream text: whole secrets, fragments in short codes, and keys split over streamed tokens.
  const KEY = 'sk-scrub-test-7c4e1a9f3b2d5e80'
  registerSecrets([KEY, 'short', undefined, '  '])

  t.test('whole secrets are replaced in any text; short values are not secrets', async t => {
    t.equal(scrubSecrets(`key=${KEY}; again ${KEY}`), 'key=[redacted]; again [redacted]')
    t.equal(scrubSecrets('a short answer'), 'a short answer', 'values under 8 characters are not registered')
    t.equal(scrubSecrets('nothing to hide'), 'nothing to hide')
  })

  t.test('short upstream codes lose any 12-character run of a secret, and such codes are not shown at all', async t => {
    t.equal(scrubFragments(`Incorrect API key provided: ${KEY.slice(0, 14)}****`), 'Incorrect API key provided: [redacted]t-****', 'what is left is too short to be of use')
    t.ok(holdsSecret(KEY.slice(10, 22)))
    t.equal(safeIdentifier(KEY), undefined, 'the key as an error code')
    t.equal(safeIdentifier(`code_${KEY.slice(-12)}`), undefined, 'its tail inside a code')
    t.equal(safeIdentifier('context_length_exceeded'), 'context_length_exceeded')
    t.equal(safeIdentifier('openai/gpt-oss-20b'), 'openai/gpt-oss-20b')
    t.equal(safeIdentifier('two words'), undefined, 'prose is not a code')
    t.equal(safeIdentifier(42), undefined)
  })

  t.test('a key split over streamed tokens: never 12 of its characters in a row, and the rest of the text intact', async t => {
    const text = `Your key is ${KEY}, keep it safe. Containers share the host kernel.`
    for (const size of [1, 3, 7, 16, 100]) {
      const scrubber = new StreamScrubber()
      const shown: string[] = []
      for (let i = 0; i < text.length; i += size) shown.push(scrubber.push(text.slice(i, i + size)))
      const joined = shown.join('')
      t.notOk(holdsSecret(joined), `pieces of ${size}: not 12 characters of the key in a row, even put together`)
      t.match(joined, /\[redacted\]/, `pieces of ${size}: masked`)
      t.ok(joined.startsWith('Your key is '), `pieces of ${size}: the text before is intact`)
      t.ok(joined.endsWith(', keep it safe. Containers share the host kernel.') || joined.endsWith('[redacted], keep it safe. Containers share the host kernel.'.slice(-40)), `pieces of ${size}: the text after is intact`)
    }
    const whole = new StreamScrubber()
    t.equal(whole.push(text), scrubSecrets(text), 'in one piece, the same as scrubbing the whole text')
  })
})

t.test('stub-server', async t => {
  // The stubs themselves: fault selection, recording and clean shutdown, seen through plain fetch.
  const chat = (model = 'gpt-4o-mini', extra: Record<string, unknown> = {}): RequestInit => ({
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ model, messages: [{ role: 'user', content: 'hi' }], ...extra })
  })

  t.test('the x-stub-fault header picks a named fault; once-faults heal', async t => {
    const stub = await startOpenAIStub()
    t.teardown(async () => { await stub.close() })
    const url = `${stub.baseUrl}/chat/completions`
    const withFault = (fault: string): RequestInit => ({ ...chat(), headers: { 'content-type': 'application/json', 'x-stub-fault': fault } })

    const limited = await fetch(url, withFault('rate-limited'))
    t.equal(limited.status, 429)
    t.equal(limited.headers.get('retry-after'), '2')
    t.match(await limited.json(), { error: { code: 'rate_limit_exceeded' } })

    t.equal((await fetch(url, withFault('server-error-once'))).status, 500)
    const healed = await fetch(url, withFault('server-error-once'))
    t.equal(healed.status, 200)
    t.match(await healed.json(), { object: 'chat.completion', choices: [{ finish_reason: 'stop' }] })

    const unknown = await fetch(url, withFault('no-such-fault'))
    t.equal(unknown.status, 200, 'an unknown fault name falls back to answering')
    await unknown.text()
    t.equal(stub.requests.length, 4)
    t.equal(stub.requests[0].headers['x-stub-fault'], 'rate-limited')
  })

  t.test('queue first, then the latest rule for the model, then the default', async t => {
    const stub = await startOpenAIStub()
    t.teardown(async () => { await stub.close() })
    const url = `${stub.baseUrl}/chat/completions`
    stub.setBehaviour({ text: 'default' })
    stub.setBehaviour({ text: 'for mini' }, { model: 'gpt-4o-mini' })
    stub.setBehaviour({ text: 'for mini, twice' }, { model: 'gpt-4o-mini', times: 2 })
    stub.enqueue({ text: 'queued' })
    const texts: string[] = []
    for (const model of ['gpt-4o-mini', 'gpt-4o-mini', 'gpt-4o-mini', 'gpt-4o-mini', 'gpt-4o']) {
      const body = await (await fetch(url, chat(model))).json() as { choices: Array<{ message: { content: string } }> }
      texts.push(body.choices[0].message.content)
    }
    t.same(texts, ['queued', 'for mini, twice', 'for mini, twice', 'for mini', 'default'])
  })

  t.test('requests are recorded with parsed body and timing', async t => {
    const stub = await startOpenAIStub()
    t.teardown(async () => { await stub.close() })
    const before = performance.now()
    await (await fetch(`${stub.baseUrl}/chat/completions`, chat('m', { stream: false }))).text()
    const [request] = stub.requests
    t.equal(request.method, 'POST')
    t.equal(request.path, '/v1/chat/completions')
    t.match(request.body, { model: 'm', stream: false })
    t.ok(request.receivedAt >= before)
    t.ok(request.closedAt !== undefined && request.closedAt >= request.receivedAt)
    t.equal(request.clientAborted, false)
  })

  t.test('a path the API does not have is a 404 in the protocol\'s error shape', async t => {
    const stub = await startGeminiStub()
    t.teardown(async () => { await stub.close() })
    const response = await fetch(`${stub.url}/v1beta/models/gemini-2.5-flash:countTokens`, { method: 'POST', body: '{}' })
    t.equal(response.status, 404)
    t.match(await response.json(), { error: { code: 404, status: 'NOT_FOUND' } })
    const noSse = await fetch(`${stub.url}/v1beta/models/gemini-2.5-flash:streamGenerateContent`, { method: 'POST', body: '{}' })
    t.equal(noSse.status, 404, 'streaming needs alt=sse')
    await noSse.text()
    t.equal(stub.requests[0].body, '{}', 'a body that is not declared JSON is kept as text')
  })

  t.test('OpenAI SSE: role chunk, tokens, finish chunk, usage chunk, [DONE]', async t => {
    const stub = await startOpenAIStub()
    t.teardown(async () => { await stub.close() })
    stub.setBehaviour({ text: 'a b', usage: { promptTokens: 1, completionTokens: 2 } })
    const response = await fetch(`${stub.baseUrl}/chat/completions`, chat('m', { stream: true, stream_options: { include_usage: true } }))
    t.equal(response.headers.get('content-type'), 'text/event-stream')
    const events = (await response.text()).split('\n\n').filter(e => e !== '').map(e => e.replace(/^data: /, ''))
    t.equal(events.length, 6)
    t.equal(events.at(-1), '[DONE]')
    t.match(JSON.parse(events[0]), { choices: [{ delta: { role: 'assistant' } }], usage: null })
    t.match(JSON.parse(events[3]), { choices: [{ finish_reason: 'stop' }] })
    t.match(JSON.parse(events[4]), { choices: [], usage: { prompt_tokens: 1, completion_tokens: 2, total_tokens: 3 } })
  })

  t.test('HF: a loading model answers 503 with the router\'s string error', async t => {
    const stub = await startHFStub()
    t.teardown(async () => { await stub.close() })
    stub.setBehaviour(stub.presets.unavailable.behaviour)
    const response = await fetch(`${stub.baseUrl}/chat/completions`, chat())
    t.equal(response.status, 503)
    t.match(await response.json(), { error: /currently loading/, estimated_time: 20 })
  })

  t.test('close() ends hung and stalled exchanges at once', async t => {
    const stub = await startOpenAIStub()
    stub.enqueue({ type: 'hang' }, { stallAfterChunks: 1 })
    const hung = fetch(`${stub.baseUrl}/chat/completions`, chat()).then(() => 'answered', () => 'closed')
    const stalled = fetch(`${stub.baseUrl}/chat/completions`, chat('m', { stream: true }))
    const streaming = await stalled
    const reading = streaming.text().then(() => 'ended', () => 'closed')
    await stub.waitForRequests(2)
    const started = performance.now()
    await stub.close()
    t.equal(await hung, 'closed')
    t.equal(await reading, 'closed')
    t.ok(performance.now() - started < 500, 'close() did not wait for the exchanges')
    t.ok(stub.requests.every(r => r.closedAt !== undefined))
  })

  t.test('tokens keep their spacing', async t => {
    t.same(splitTokens('Hello  cloud world'), ['Hello  ', 'cloud ', 'world'])
    t.same(splitTokens(''), [])
  })
})
