// The pieces MAX_ANSWER_CHARS is built from: the byte bound on whole replies, cutting text, streamed text.
import t from 'tap'
import { BoundedText, boundResponse, cutText, limitCompletion, notAnEventStream } from '../../src/providers/answer-limit.js'
import { ProviderError } from '../../src/providers/types.js'

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
