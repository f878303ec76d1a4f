// How the page and its assets are served: cache headers, versioned URLs, vendor builds, and a page the CSP allows.
import t from 'tap'
import { cp, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { build } from '../helper.js'
import { PUBLIC_DIR, VENDOR_FILES, assetVersion, versionedIndex } from '../../src/routes/web.js'

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
