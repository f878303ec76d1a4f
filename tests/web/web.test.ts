// The web page's tests (modules and routes; the browser tests are apart): one subtest per former file, in one process: tap starts each test file in a process of its own,
// and for a small file that start-up (TypeScript loader, process info, tap's plugins, the app's imports) cost more than its tests.
// One part alone: npx tap --disable-coverage --grep='^conversation-module$' tests/web/web.test.ts (the part's name is its former file's).
import t from 'tap'
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { createServer as createHttpServer } from 'node:http'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { type AskResponse, type Candidate, HISTORY_MAX_CHARS, HISTORY_MAX_TURNS, HISTORY_TURN_MAX_CHARS } from '../../schemas/ask.js'
import { assetVersion, PUBLIC_DIR, VENDOR_FILES, versionedIndex } from '../../src/routes/web.js'
import { startSite, startStubs } from '../browser/browser-helper.js'
import { build, isolateData } from '../helper.js'
import { geminiErrorBody } from '../stubs/gemini-stub.js'
import { openAIErrorBody } from '../stubs/openai-stub.js'

t.test('conversation-module', async t => {
  // The page's conversation module in Node: the history a follow-up sends keeps to the API's limits, oldest out first.
  interface Turn { question: string, response: { answer: string, candidates: unknown[] } }
  interface ConversationModule {
    HISTORY_MAX_TURNS: number
    HISTORY_TURN_MAX_CHARS: number
    HISTORY_MAX_CHARS: number
    historyOf: (turns: Turn[]) => Array<{ role: string, content: string }>
    newConversation: (now?: number) => { id: string, at: number, turns: Turn[] }
  }

  const mod = await import(pathToFileURL(join(PUBLIC_DIR, 'js', 'conversation.js')).href) as ConversationModule
  const turn = (question: string, answer: string): Turn => ({ question, response: { answer, candidates: [] } })

  t.test('the page uses the limits of the API schema', async t => {
    t.equal(mod.HISTORY_MAX_TURNS, HISTORY_MAX_TURNS)
    t.equal(mod.HISTORY_TURN_MAX_CHARS, HISTORY_TURN_MAX_CHARS)
    t.equal(mod.HISTORY_MAX_CHARS, HISTORY_MAX_CHARS)
  })

  t.test('turns become question and answer messages, oldest first', async t => {
    t.same(mod.historyOf([turn('Q1', 'A1'), turn('Q2', 'A2')]), [
      { role: 'user', content: 'Q1' }, { role: 'assistant', content: 'A1' }, { role: 'user', content: 'Q2' }, { role: 'assistant', content: 'A2' }
    ])
    t.same(mod.historyOf([turn('Q1', '  '), turn('Q2', 'A2')]).map(m => m.content), ['Q1', 'Q2', 'A2'], 'an empty answer is left out')
    t.same(mod.historyOf([]), [])
  })

  t.test('a long conversation keeps its newest turns within every limit', async t => {
    const many = Array.from({ length: 15 }, (_, i) => turn(`Q${i}`, `A${i}`))
    const history = mod.historyOf(many)
    t.equal(history.length, HISTORY_MAX_TURNS, `${HISTORY_MAX_TURNS} messages at most`)
    t.same(history.at(-1), { role: 'assistant', content: 'A14' }, 'the newest kept')
    t.same(history[0], { role: 'user', content: 'Q5' }, 'the oldest dropped first')

    const long = mod.historyOf([turn('Q0', 'a'.repeat(9000)), turn('Q1', 'b'.repeat(9000)), turn('Q2', 'c'.repeat(9000)), turn('Q3', 'short')])
    t.ok(long.every(m => m.content.length <= HISTORY_TURN_MAX_CHARS), 'a long answer keeps its beginning, within a turn\'s limit')
    t.ok(long.reduce((n, m) => n + m.content.length, 0) <= HISTORY_MAX_CHARS, 'and the total within the limit')
    t.equal(long[0]?.role, 'user', 'it starts with a question, not an answer cut from its question')
    t.same(long.at(-1), { role: 'assistant', content: 'short' })
  })

  t.test('conversation ids are distinct', async t => {
    const a = mod.newConversation(1000)
    const b = mod.newConversation(1000)
    t.not(a.id, b.id)
    t.same(a.turns, [])
  })
})

t.test('page-api-client', async t => {
  // The page's HTTP client (public/js/api.js) run in Node against the real app and provider stubs.
  isolateData(t)
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
})

t.test('page-modules', async t => {
  // The page's DOM-free modules run in Node too: the SSE reader, Retry-After parsing, language choice and formatting.
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
})

t.test('web-routes', async t => {
  // How the page and its assets are served: cache headers, versioned URLs, vendor builds, and a page the CSP allows.
  isolateData(t)
  const IMMUTABLE = 'public, max-age=31536000, immutable'

  t.test('the page is revalidated on every load and names its assets by version', async t => {
    const app = await build(t)
    const version = assetVersion()
    t.match(version, /^[0-9a-f]{12}$/, 'the version is a content hash')

    const page = await app.inject('/')
    t.equal(page.statusCode, 200)
    t.match(page.headers['content-type'], /^text\/html; charset=utf-8/)
    t.equal(page.headers['cache-control'], 'no-cache', 'the page itself is never used unchecked from a cache')
    t.match(page.headers.etag, /^"[0-9a-f]{16}"$/, 'it has an ETag to revalidate against')
    t.match(page.body, `<script type="module" src="/assets/${version}/js/main.js"></script>`)
    t.match(page.body, `<link rel="stylesheet" href="/assets/${version}/styles.css">`)
    t.notMatch(page.body, /(src|href)="\/assets\/(?![0-9a-f]{12}\/)/, 'every asset URL carries the version')

    const again = await app.inject({ url: '/', headers: { 'if-none-match': page.headers.etag as string } })
    t.equal(again.statusCode, 304, 'an unchanged page is not sent again')
    t.equal(again.body, '')
    t.equal(again.headers['cache-control'], 'no-cache')

    const alias = await app.inject('/index.html')
    t.equal(alias.statusCode, 200)
    t.equal(alias.body, page.body, '/index.html is the same page')
    t.equal((await app.inject({ method: 'HEAD', url: '/' })).statusCode, 200, 'HEAD works for monitors')
  })

  t.test('versioned assets are cached for a year and never revalidated', async t => {
    const app = await build(t)
    const version = assetVersion()
    const cases: Array<[string, RegExp]> = [
      ['styles.css', /^text\/css/],
      ['js/main.js', /^(text|application)\/javascript/],
      ['js/markdown.js', /^(text|application)\/javascript/],
      ['favicon.svg', /^image\/svg\+xml/]
    ]
    for (const [path, type] of cases) {
      const res = await app.inject(`/assets/${version}/${path}`)
      t.equal(res.statusCode, 200, `${path} is served`)
      t.match(res.headers['content-type'], type, `${path} has its type`)
      t.equal(res.headers['cache-control'], IMMUTABLE, `${path} is immutable`)
      t.equal(res.body, await readFile(join(PUBLIC_DIR, path), 'utf8'), `${path} is the file`)
    }
  })

  t.test('marked and DOMPurify are served from node_modules under the same version', async t => {
    const app = await build(t)
    const version = assetVersion()
    for (const [name, file] of Object.entries(VENDOR_FILES)) {
      const res = await app.inject(`/assets/${version}/vendor/${name}`)
      t.equal(res.statusCode, 200, `${name} is served`)
      t.equal(res.headers['cache-control'], IMMUTABLE)
      t.match(res.headers['content-type'], name.endsWith('.map') ? /^application\/json/ : /^text\/javascript/)
      t.equal(res.body, await readFile(file, 'utf8'), `${name} is the installed build`)
    }
    const markdown = await readFile(join(PUBLIC_DIR, 'js', 'markdown.js'), 'utf8')
    t.match(markdown, "from '../vendor/marked.esm.js'", 'the page imports marked through that path')
    t.match(markdown, "from '../vendor/purify.es.mjs'", 'and DOMPurify')
  })

  t.test('only current assets are served, and nothing outside public/', async t => {
    const app = await build(t)
    const version = assetVersion()
    const paths = [
      '/assets/000000000000/styles.css',
      `/assets/${version}/index.html`,
      `/assets/${version}/../package.json`,
      `/assets/${version}/%2e%2e/package.json`,
      `/assets/${version}/vendor/../../src/app.ts`,
      '/styles.css',
      '/js/main.js'
    ]
    for (const path of paths) {
      const res = await app.inject(path)
      t.equal(res.statusCode, 404, `${path} is not found`)
      t.match(res.headers['content-type'], /^application\/problem\+json/, 'as a problem like every other error')
      t.notMatch(res.body, /"name"\s*:\s*"iscoolgpt"|buildApp/, 'and leaks no file')
    }
  })

  t.test('the page\'s routes stay out of the API document', async t => {
    const app = await build(t)
    const doc = (await app.inject('/docs/json')).json() as { paths: Record<string, unknown> }
    const leaked = Object.keys(doc.paths).filter(p => p === '/' || p === '/index.html' || p.startsWith('/assets'))
    t.same(leaked, [], 'no page or asset route is documented as API')
  })

  t.test('the page works under a CSP without inline scripts or styles', async t => {
    const html = await readFile(join(PUBLIC_DIR, 'index.html'), 'utf8')
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)]
    t.ok(scripts.length > 0, 'the page has scripts')
    for (const [, attrs, body] of scripts) {
      t.match(attrs, /\ssrc="\/assets\//, 'every script is a file from the app')
      t.equal(body.trim(), '', 'with no inline code')
    }
    t.notMatch(html, /<style\b/i, 'no <style> block')
    t.notMatch(html, /\sstyle\s*=/i, 'no style attribute')
    t.notMatch(html, /\son[a-z]+\s*=/i, 'no inline event handler')
    t.notMatch(html, /(src|href)="(https?:)?\/\//i, 'no external host')

    const dir = join(PUBLIC_DIR, 'js')
    for (const name of await readdir(dir)) {
      const code = await readFile(join(dir, name), 'utf8')
      t.notMatch(code, /\.innerHTML\s*=|insertAdjacentHTML|document\.write|\beval\(|new Function\(/, `${name} never builds HTML from strings or code from text`)
      t.notMatch(code, /setAttribute\(\s*['"]style['"]/, `${name} sets styles through the CSSOM, which the CSP allows`)
    }
  })

  t.test('the version follows the content of every asset', async t => {
    const copy = await mkdtemp(join(tmpdir(), 'iscoolgpt-public-'))
    t.teardown(async () => { await rm(copy, { recursive: true, force: true }) })
    await cp(PUBLIC_DIR, copy, { recursive: true })
    const before = assetVersion(copy)
    t.equal(before, assetVersion(), 'the same files give the same version')
    await writeFile(join(copy, 'styles.css'), '/* changed */\n', { flag: 'a' })
    t.not(assetVersion(copy), before, 'a changed file gives a new version')

    t.equal(versionedIndex('<link href="/assets/a.css"><script src="/assets/js/m.js"></script><a href="/docs">x</a>', 'v1'),
      '<link href="/assets/v1/a.css"><script src="/assets/v1/js/m.js"></script><a href="/docs">x</a>', 'only asset URLs are rewritten')
  })
})
