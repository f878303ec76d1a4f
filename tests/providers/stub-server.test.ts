// The stubs themselves: fault selection, recording and clean shutdown, seen through plain fetch.
import t from 'tap'
import { performance } from 'node:perf_hooks'
import { startGeminiStub } from '../stubs/gemini-stub.js'
import { startHFStub } from '../stubs/hf-stub.js'
import { startOpenAIStub } from '../stubs/openai-stub.js'
import { splitTokens } from '../stubs/stub-server.js'

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
