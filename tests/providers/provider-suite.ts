// The behaviour every remote adapter must show against its wire-protocol stub, run once per SDK.
import { performance } from 'node:perf_hooks'
import type { Test } from 'tap'
import type { Behaviour, RecordedRequest, StubServer } from '../stubs/stub-server.js'
import { ProviderError, type CompletionRequest, type ErrorClass, type Provider, type ProviderSpec } from '../../src/providers/types.js'

export interface SuiteTarget {
  start: () => Promise<StubServer>
  /** The adapter under test, pointed at the stub. */
  provider: (stub: StubServer, overrides?: Partial<ProviderSpec>) => Provider
  apiKey: string
  /** The key as the stub received it, read from the header this provider must use. */
  sentKey: (request: RecordedRequest) => string | undefined
  /** The protocol's finish reason for an answer cut by the token limit. */
  lengthFinish: string
  /** Retry-After the `rate-limited` preset announces. */
  rateLimitedRetryMs: number
}

export const QUESTION: CompletionRequest = {
  messages: [
    { role: 'system', content: 'You are a patient cloud-computing tutor.' },
    { role: 'user', content: 'What is a container?' }
  ],
  maxTokens: 256,
  temperature: 0.2
}

const never = (): AbortSignal => new AbortController().signal

/** Runs `call`, which must fail, and returns its ProviderError. */
export async function failure (t: Test, call: Promise<unknown>): Promise<ProviderError> {
  try {
    await call
  } catch (err) {
    t.type(err, ProviderError, 'fails with a ProviderError')
    return err as ProviderError
  }
  t.fail('expected the call to fail')
  throw new Error('call succeeded')
}

/** Error replies and the class each must map to; one request each. */
const STATUS_CASES: Array<{ name: string, behaviour: Behaviour, errorClass: ErrorClass, status: number }> = [
  { name: '401', behaviour: { type: 'error', status: 401, body: { error: { message: 'Unauthorized', code: 'invalid_api_key' } } }, errorClass: 'auth', status: 401 },
  { name: '403', behaviour: { type: 'error', status: 403, body: { error: { message: 'Forbidden' } } }, errorClass: 'auth', status: 403 },
  { name: '408', behaviour: { type: 'error', status: 408, body: { error: { message: 'Request timeout' } } }, errorClass: 'timeout', status: 408 },
  { name: '409', behaviour: { type: 'error', status: 409, body: { error: { message: 'Conflict' } } }, errorClass: 'unavailable', status: 409 },
  { name: '504', behaviour: { type: 'error', status: 504, body: 'upstream timed out' }, errorClass: 'timeout', status: 504 },
  { name: '500', behaviour: { type: 'error', status: 500, body: { error: { message: 'boom' } } }, errorClass: 'unavailable', status: 500 },
  { name: '502', behaviour: { type: 'error', status: 502, body: 'Bad gateway' }, errorClass: 'unavailable', status: 502 },
  { name: '503', behaviour: { type: 'error', status: 503, body: { error: 'Model is currently loading', estimated_time: 20 } }, errorClass: 'unavailable', status: 503 },
  { name: '529', behaviour: { type: 'error', status: 529, body: { error: { message: 'Overloaded' } } }, errorClass: 'unavailable', status: 529 },
  { name: '400', behaviour: { type: 'error', status: 400, body: { error: { message: 'Invalid value for temperature' } } }, errorClass: 'bad_request', status: 400 },
  { name: '404', behaviour: { type: 'error', status: 404, body: { error: { message: 'The model does not exist' } } }, errorClass: 'bad_request', status: 404 },
  { name: '413', behaviour: { type: 'error', status: 413, body: 'Request Entity Too Large' }, errorClass: 'bad_request', status: 413 },
  { name: '422', behaviour: { type: 'error', status: 422, body: { error: { message: 'Unprocessable' } } }, errorClass: 'bad_request', status: 422 }
]

export function providerSuite (t: Test, target: SuiteTarget): void {
  let stub: StubServer
  t.before(async () => { stub = await target.start() })
  t.beforeEach(() => { stub.reset() })
  t.teardown(async () => { await stub.close() })

  t.test('complete: the answer, its usage and finish reason', async t => {
    stub.setBehaviour({ text: 'Containers share the host kernel.', usage: { promptTokens: 31, completionTokens: 7 } })
    const completion = await target.provider(stub).complete(QUESTION, never())
    t.equal(completion.text, 'Containers share the host kernel.')
    t.equal(completion.finishReason, 'stop')
    t.same(completion.usage, { promptTokens: 31, completionTokens: 7 })
    t.equal(stub.requests.length, 1)
    t.equal(target.sentKey(stub.requests[0]), target.apiKey, 'the key arrives in the provider\'s auth header')
  })

  t.test('complete: the model named in the reply wins over the configured one', async t => {
    stub.setBehaviour({ model: 'answering-model-2025' })
    const completion = await target.provider(stub).complete(QUESTION, never())
    t.equal(completion.model, 'answering-model-2025')
  })

  t.test('stream: tokens arrive one by one and add up to the answer', async t => {
    stub.setBehaviour({ text: 'One two three four five.', usage: { promptTokens: 12, completionTokens: 5 }, tokenDelayMs: 5 })
    const pieces: string[] = []
    const completion = await target.provider(stub).stream!(QUESTION, never(), { onToken: piece => pieces.push(piece) })
    t.equal(completion.text, 'One two three four five.')
    t.ok(pieces.length >= 5, `${pieces.length} token callbacks`)
    t.equal(pieces.join(''), completion.text)
    t.equal(completion.finishReason, 'stop')
    t.same(completion.usage, { promptTokens: 12, completionTokens: 5 })
    t.equal(target.sentKey(stub.requests[0]), target.apiKey)
  })

  t.test('stream without callbacks still returns the answer', async t => {
    const completion = await target.provider(stub).stream!(QUESTION, never(), {})
    t.ok(completion.text.length > 0)
  })

  for (const mode of ['complete', 'stream'] as const) {
    const run = async (provider: Provider, signal = never()): Promise<unknown> =>
      await (mode === 'complete' ? provider.complete(QUESTION, signal) : provider.stream!(QUESTION, signal, {}))

    t.test(`${mode}: an answer cut by the token limit is marked length`, async t => {
      stub.setBehaviour({ text: 'Partial', finishReason: target.lengthFinish })
      const completion = await run(target.provider(stub)) as { finishReason: string, text: string }
      t.equal(completion.finishReason, 'length')
      t.equal(completion.text, 'Partial')
    })

    t.test(`${mode}: rate limits carry Retry-After, in seconds or milliseconds`, async t => {
      stub.enqueue(stub.presets['rate-limited'].behaviour)
      let err = await failure(t, run(target.provider(stub)))
      t.equal(err.errorClass, 'rate_limited')
      t.equal(err.status, 429)
      t.equal(err.retryAfterMs, target.rateLimitedRetryMs)
      t.equal(err.retryable, true)
      stub.enqueue(stub.presets['rate-limited-ms'].behaviour)
      err = await failure(t, run(target.provider(stub)))
      t.equal(err.retryAfterMs, 1500)
      const at = new Date(Date.now() + 60_000).toUTCString()
      stub.enqueue({ type: 'error', status: 429, body: { error: { message: 'slow down' } }, headers: { 'retry-after': at } })
      err = await failure(t, run(target.provider(stub)))
      t.ok(err.retryAfterMs !== undefined && err.retryAfterMs > 55_000 && err.retryAfterMs <= 60_000, `HTTP-date gives ${err.retryAfterMs} ms`)
      t.equal(stub.requests.length, 3, 'one attempt per call: the SDK does not retry')
    })

    t.test(`${mode}: a 503 is one attempt, not the SDK's retry loop`, async t => {
      stub.setBehaviour(stub.presets.unavailable.behaviour)
      const err = await failure(t, run(target.provider(stub)))
      t.equal(err.errorClass, 'unavailable')
      t.equal(err.status, 503)
      await new Promise(resolve => setTimeout(resolve, 100))
      t.equal(stub.requests.length, 1)
    })

    t.test(`${mode}: a server error once, then the next call answers`, async t => {
      stub.setBehaviour(stub.presets['server-error-once'].behaviour, { times: 1 })
      const err = await failure(t, run(target.provider(stub)))
      t.equal(err.errorClass, 'unavailable')
      t.equal(stub.requests.length, 1)
      const completion = await run(target.provider(stub)) as { text: string }
      t.ok(completion.text.length > 0)
      t.equal(stub.requests.length, 2)
    })

    t.test(`${mode}: context length and content policy are told apart from other 400s`, async t => {
      stub.enqueue(stub.presets['context-length'].behaviour)
      let err = await failure(t, run(target.provider(stub)))
      t.equal(err.errorClass, 'context_length')
      t.equal(err.retryable, false)
      stub.enqueue(stub.presets['content-filter'].behaviour)
      err = await failure(t, run(target.provider(stub)))
      t.equal(err.errorClass, 'content_filtered')
      t.equal(stub.requests.length, 2)
    })

    t.test(`${mode}: a connection reset before headers is a network error before any response`, async t => {
      stub.enqueue({ type: 'reset' })
      const err = await failure(t, run(target.provider(stub)))
      t.equal(err.errorClass, 'network')
      t.equal(err.beforeResponse, true)
      t.equal(err.retryable, true)
      t.equal(stub.requests.length, 1)
    })

    t.test(`${mode}: an abort closes the upstream connection at once`, async t => {
      stub.setBehaviour({ type: 'hang' })
      const controller = new AbortController()
      const pending = failure(t, run(target.provider(stub), controller.signal))
      const [request] = await stub.waitForRequests(1)
      const abortedAt = performance.now()
      controller.abort(new DOMException('deadline', 'TimeoutError'))
      const err = await pending
      t.equal(err.errorClass, 'timeout')
      t.equal(err.message, 'deadline exceeded')
      t.ok(performance.now() - abortedAt < 500, 'the call gives up promptly')
      await stub.waitForClose(request)
      t.equal(request.clientAborted, true, 'the stub saw the client go away')
      t.ok(request.closedAt! - abortedAt < 500, `socket closed ${Math.round(request.closedAt! - abortedAt)} ms after the abort`)
    })

    t.test(`${mode}: an already aborted signal sends nothing`, async t => {
      const controller = new AbortController()
      controller.abort()
      const err = await failure(t, run(target.provider(stub), controller.signal))
      t.equal(err.errorClass, 'timeout')
      t.equal(err.message, 'request aborted')
      await new Promise(resolve => setTimeout(resolve, 50))
      t.equal(stub.requests.length, 0)
    })

    t.test(`${mode}: a refused connection is a network error`, async t => {
      const gone = await target.start()
      await gone.close()
      const err = await failure(t, run(target.provider(gone)))
      t.equal(err.errorClass, 'network')
      t.equal(err.beforeResponse, true)
      t.match(err.message, /ECONNREFUSED/)
    })

    t.test(`${mode}: the key never reaches an error message`, async t => {
      stub.enqueue({
        type: 'error',
        status: 401,
        body: { error: { message: `Incorrect API key provided: ${target.apiKey}. You can find your API key at https://example.test`, code: 'invalid_api_key' } }
      })
      const err = await failure(t, run(target.provider(stub)))
      t.equal(err.errorClass, 'auth')
      t.notMatch(err.message, target.apiKey)
      t.notMatch(err.message, 'Incorrect API key', 'nor the upstream body')
      t.notMatch(JSON.stringify({ ...err, message: err.message, cause: String(err.cause) }), target.apiKey)
    })
  }

  t.test('every error status maps to its class, one attempt each', async t => {
    for (const { name, behaviour, errorClass, status } of STATUS_CASES) {
      stub.reset()
      stub.setBehaviour(behaviour)
      const err = await failure(t, target.provider(stub).complete(QUESTION, never()))
      t.equal(err.errorClass, errorClass, `${name} → ${errorClass}`)
      t.equal(err.status, status, `${name} keeps its status`)
      t.ok(err.message.startsWith(`${status} ${errorClass}`), `${name} message is a short summary: ${err.message}`)
      t.equal(stub.requests.length, 1, `${name}: one attempt`)
    }
  })

  t.test('stream faults', async t => {
    const provider = (): Provider => target.provider(stub)
    t.test('cut mid-answer → truncated', async t => {
      stub.setBehaviour({ cutAfterChunks: 3, tokenDelayMs: 10 })
      const pieces: string[] = []
      const err = await failure(t, provider().stream!(QUESTION, never(), { onToken: p => pieces.push(p) }))
      t.equal(err.errorClass, 'truncated')
      t.equal(err.beforeResponse, false)
      t.ok(pieces.length > 0, 'some tokens had arrived before the cut')
    })
    t.test('ends without a finish reason → truncated', async t => {
      stub.setBehaviour(stub.presets['no-finish'].behaviour)
      const err = await failure(t, provider().stream!(QUESTION, never(), {}))
      t.equal(err.errorClass, 'truncated')
    })
    t.test('ends with a finish reason but no terminator → complete', async t => {
      stub.setBehaviour(stub.presets['no-done'].behaviour)
      const completion = await provider().stream!(QUESTION, never(), {})
      t.equal(completion.finishReason, 'stop')
      t.ok(completion.text.length > 0)
    })
    t.test('a malformed chunk → invalid_response, and the connection is released', async t => {
      stub.setBehaviour({ malformedAfterChunks: 2, tokenDelayMs: 20 })
      const err = await failure(t, provider().stream!(QUESTION, never(), {}))
      t.equal(err.errorClass, 'invalid_response')
      const request = await stub.waitForClose(stub.requests[0])
      t.equal(request.clientAborted, true, 'closed by the client before the stub finished')
    })
    t.test('a stalled stream waits for the deadline, then lets go', async t => {
      stub.setBehaviour(stub.presets.stall.behaviour)
      // The deadline falls 200 ms after the first token, so it always falls inside the stall: one counted from the
      // call would on a loaded machine expire before the response had even started.
      const deadline = new AbortController()
      let deadlineAt = 0
      const onToken = (): void => {
        if (deadlineAt !== 0) return
        deadlineAt = performance.now() + 200
        setTimeout(() => { deadline.abort(new DOMException('deadline', 'TimeoutError')) }, 200)
      }
      const err = await failure(t, provider().stream!(QUESTION, deadline.signal, { onToken }))
      t.equal(err.errorClass, 'timeout')
      t.equal(err.beforeResponse, false, 'the response had started')
      t.ok(deadlineAt !== 0 && performance.now() - deadlineAt < 800, 'let go soon after the deadline')
      const request = await stub.waitForClose(stub.requests[0])
      t.equal(request.clientAborted, true)
    })
    t.test('a slow first token is waited for', async t => {
      stub.setBehaviour({ firstTokenDelayMs: 150 })
      const started = performance.now()
      let firstAt = 0
      const completion = await provider().stream!(QUESTION, never(), { onToken: () => { firstAt = firstAt === 0 ? performance.now() : firstAt } })
      t.ok(firstAt - started >= 140, `first token after ${Math.round(firstAt - started)} ms`)
      t.ok(completion.text.length > 0)
    })
  })
}

/**
 * Reasoning models behind OpenAI-compatible endpoints (Ollama, vLLM, Groq, OpenRouter) write their thinking into
 * the content between <think> tags: the adapter returns, and streams, the answer after it.
 */
export function thinkingInContentSuite (t: Test, target: Pick<SuiteTarget, 'start' | 'provider'>): void {
  let stub: StubServer
  t.before(async () => { stub = await target.start() })
  t.beforeEach(() => { stub.reset() })
  t.teardown(async () => { await stub.close() })
  const THOUGHT = '<think>\nThe student asks what a container is. Mention namespaces and cgroups, 42 of them.\n</think>\n\n'
  const ANSWER = 'Containers share the host kernel.'

  t.test('a whole reply: the thinking is set aside', async t => {
    stub.setBehaviour({ text: THOUGHT + ANSWER })
    const completion = await target.provider(stub).complete(QUESTION, never())
    t.equal(completion.text, ANSWER)
    t.equal(completion.finishReason, 'stop')
  })

  t.test('a stream: no token of the thinking is passed on, and the answer is whole', async t => {
    stub.setBehaviour({ text: THOUGHT + ANSWER })
    const pieces: string[] = []
    const completion = await target.provider(stub).stream!(QUESTION, never(), { onToken: piece => pieces.push(piece) })
    t.equal(completion.text, ANSWER)
    t.equal(pieces.join(''), ANSWER, `tokens: ${JSON.stringify(pieces)}`)
  })

  t.test('thinking does not count against the answer limit', async t => {
    stub.setBehaviour({ text: THOUGHT.repeat(3) + ANSWER })
    const provider = target.provider(stub, { maxAnswerChars: ANSWER.length + 5 })
    for (const completion of [await provider.complete(QUESTION, never()), await provider.stream!(QUESTION, never(), {})]) {
      t.equal(completion.text, ANSWER)
      t.equal(completion.finishReason, 'stop')
      t.equal(completion.cutAt, undefined)
    }
  })

  t.test('cut while thinking: no answer, and the finish reason says why', async t => {
    stub.setBehaviour({ text: '<think>\nStill weighing namespaces against virtual machines', finishReason: 'length' })
    const pieces: string[] = []
    for (const completion of [await target.provider(stub).complete(QUESTION, never()), await target.provider(stub).stream!(QUESTION, never(), { onToken: piece => pieces.push(piece) })]) {
      t.equal(completion.text, '')
      t.equal(completion.finishReason, 'length')
    }
    t.same(pieces, [])
  })

  t.test('a closing tag alone (the chat template wrote the opening one) ends the thinking too', async t => {
    stub.setBehaviour({ text: 'Okay, containers.\n</think>\n\n' + ANSWER })
    for (const completion of [await target.provider(stub).complete(QUESTION, never()), await target.provider(stub).stream!(QUESTION, never(), {})]) {
      t.equal(completion.text, ANSWER)
    }
  })

  t.test('an answer that speaks of the tags is left whole', async t => {
    const about = 'DeepSeek-R1 writes its reasoning between <think> and </think> before the answer.'
    stub.setBehaviour({ text: about })
    t.equal((await target.provider(stub).complete(QUESTION, never())).text, about)
    t.equal((await target.provider(stub).stream!(QUESTION, never(), {})).text, about)
  })
}
