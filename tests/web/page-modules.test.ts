// The page's DOM-free modules run in Node too: the SSE reader, Retry-After parsing, language choice and formatting.
import t from 'tap'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { PUBLIC_DIR } from '../../src/routes/web.js'

interface SseMessage { event: string, data: string, id: string }
interface SseModule {
  createSseParser: (onEvent: (m: SseMessage) => void) => { push: (chunk: string) => void, end: () => void }
  readSse: (body: ReadableStream<Uint8Array>, onEvent: (m: SseMessage) => boolean | undefined) => Promise<void>
}
interface ApiModule { parseRetryAfter: (value: string | null | undefined, now?: number) => number | undefined }
interface I18nModule {
  pickLanguage: (saved: string | null, browser: string[]) => string
  setLanguage: (lang: string) => void
  language: () => string
  t: (key: string, params?: Record<string, unknown>) => string
  has: (key: string) => boolean
  LANGUAGES: Record<string, Record<string, string>>
  formatUsd: (value: number) => string
  formatSeconds: (ms: number) => string
  formatPercent: (value: number) => string
}

const load = async <T>(file: string): Promise<T> => await import(pathToFileURL(join(PUBLIC_DIR, 'js', file)).href) as T
const sse = await load<SseModule>('sse.js')
const api = await load<ApiModule>('api.js')
const i18n = await load<I18nModule>('i18n.js')

function parseAll (chunks: string[]): SseMessage[] {
  const out: SseMessage[] = []
  const parser = sse.createSseParser(m => out.push(m))
  for (const c of chunks) parser.push(c)
  parser.end()
  return out
}

t.test('the SSE parser follows the event-stream format', async t => {
  t.same(parseAll(['event: start\ndata: {"id":"a"}\n\n']), [{ event: 'start', data: '{"id":"a"}', id: '' }], 'one event')
  t.same(parseAll(['event: tok', 'en\ndata: {"te', 'xt":"hi"}\n', '\n']), [{ event: 'token', data: '{"text":"hi"}', id: '' }], 'an event split anywhere across chunks')
  t.same(parseAll(['data: a\r\n\r\ndata: b\r\r']).map(m => m.data), ['a', 'b'], 'CRLF and CR line ends')
  t.same(parseAll(['data: a\r', '\n\r', '\ndata: b\n\n']).map(m => m.data), ['a', 'b'], 'a CRLF split between chunks is one line end')
  t.same(parseAll([': ping\n\n', 'data: x\n\n']).map(m => m.data), ['x'], 'comments (keep-alive pings) are ignored')
  t.same(parseAll(['data: one\ndata: two\n\n']).map(m => m.data), ['one\ntwo'], 'multi-line data joins with a new line')
  t.same(parseAll(['data:no-space\n\n']).map(m => m.data), ['no-space'], 'the space after the colon is optional')
  t.same(parseAll(['event: lonely\n\n']), [], 'an event without data is not dispatched')
  t.same(parseAll(['data: x\n\n']).map(m => m.event), ['message'], 'the default event name is message')
  t.same(parseAll(['id: 7\ndata: x\n\n']).map(m => m.id), ['7'], 'the id is kept')
  t.same(parseAll(['data: complete\n\ndata: cut off']).map(m => m.data), ['complete'], 'an event cut off by the end of the stream is dropped')
})

t.test('readSse reads a body and stops at the final event', async t => {
  const encoder = new TextEncoder()
  let cancelled = false
  const body = new ReadableStream<Uint8Array>({
    start (controller) {
      controller.enqueue(encoder.encode('event: start\ndata: {}\n\nevent: answer\ndata: {"ok":true}\n\n'))
    },
    cancel () { cancelled = true }
  })
  const seen: string[] = []
  await sse.readSse(body, m => { seen.push(m.event); return m.event === 'answer' })
  t.same(seen, ['start', 'answer'], 'events in order')
  t.ok(cancelled, 'the connection is released once the answer is in, even if the server keeps it open')

  const multiByte = new ReadableStream<Uint8Array>({
    start (controller) {
      const bytes = encoder.encode('data: {"text":"computação"}\n\n')
      controller.enqueue(bytes.slice(0, 20))
      controller.enqueue(bytes.slice(20))
      controller.close()
    }
  })
  const texts: string[] = []
  await sse.readSse(multiByte, m => { texts.push(m.data); return false })
  t.same(texts, ['{"text":"computação"}'], 'a character split between chunks is decoded whole')
})

t.test('Retry-After is read as seconds or as a date', async t => {
  const now = Date.parse('2026-01-01T00:00:00Z')
  t.equal(api.parseRetryAfter('30', now), 30)
  t.equal(api.parseRetryAfter(' 2 ', now), 2)
  t.equal(api.parseRetryAfter('Thu, 01 Jan 2026 00:00:45 GMT', now), 45)
  t.equal(api.parseRetryAfter('Wed, 31 Dec 2025 23:00:00 GMT', now), 0, 'a date in the past means now')
  t.equal(api.parseRetryAfter('soon', now), undefined)
  t.equal(api.parseRetryAfter(null, now), undefined)
})

t.test('the language comes from the saved choice, else the browser', async t => {
  t.equal(i18n.pickLanguage(null, ['pt-BR', 'en']), 'pt-BR')
  t.equal(i18n.pickLanguage(null, ['pt-PT']), 'pt-BR', 'any Portuguese gets the Brazilian text')
  t.equal(i18n.pickLanguage(null, ['de-DE', 'en-GB']), 'en', 'the first language we speak wins')
  t.equal(i18n.pickLanguage(null, ['fr']), 'en', 'English otherwise')
  t.equal(i18n.pickLanguage('en', ['pt-BR']), 'en', 'a saved choice beats the browser')
  t.equal(i18n.pickLanguage('xx', ['pt-BR']), 'pt-BR', 'an unknown saved value is ignored')
})

t.test('both languages have every text', async t => {
  const en = Object.keys(i18n.LANGUAGES.en).sort()
  const pt = Object.keys(i18n.LANGUAGES['pt-BR']).sort()
  t.same(pt, en, 'the same keys')
  const placeholders = (s: string): string[] => [...s.matchAll(/\{(\w+)\}/g)].map(m => m[1]).sort()
  for (const key of en) t.same(placeholders(i18n.LANGUAGES['pt-BR'][key]), placeholders(i18n.LANGUAGES.en[key]), `${key} has the same placeholders`)
  const html = await readFile(join(PUBLIC_DIR, 'index.html'), 'utf8')
  const used = [...html.matchAll(/data-i18n="([^"]+)"/g), ...html.matchAll(/data-i18n-attr="[^":]+:([^"]+)"/g)].map(m => m[1])
  t.ok(used.length > 20, 'the page names its texts')
  t.same(used.filter(k => !i18n.has(k)), [], 'every text the page names exists')
})

t.test('texts and numbers follow the language', async t => {
  i18n.setLanguage('pt-BR')
  t.equal(i18n.language(), 'pt-BR')
  t.equal(i18n.t('progress', { done: 2, total: 3 }), '2 de 3 provedores concluíram')
  t.equal(i18n.t('progress', { done: 2 }), '2 de {total} provedores concluíram', 'a missing parameter stays visible')
  t.equal(i18n.formatSeconds(1234), '1,2 s')
  t.equal(i18n.formatUsd(0.000123), 'US$\u00a00,000123', 'fractions of a cent keep their digits')
  i18n.setLanguage('en')
  t.equal(i18n.formatSeconds(850), '850 ms')
  t.equal(i18n.formatUsd(0), '$0.00')
  t.equal(i18n.formatUsd(1.5), '$1.50')
  t.equal(i18n.formatUsd(0.0012), '$0.0012')
  t.equal(i18n.formatPercent(0.824), '82%')
  t.equal(i18n.t('no.such.key'), 'no.such.key', 'an unknown key shows itself rather than nothing')
  i18n.setLanguage('xx')
  t.equal(i18n.language(), 'en', 'an unknown language falls back to English')
})
