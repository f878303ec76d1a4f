import t from 'tap'
import { EventEmitter, once } from 'node:events'
import { rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { createKnowledgeBase, defaultKnowledgeDir, type KnowledgeStats } from '../../src/knowledge/knowledge-base.js'

const note = (title: string, body: string): string => `# ${title}\n\n${body}\n`

/**
 * Waits for an event, failing after `ms`. The watcher and its debounce timer do not keep the
 * process alive (a service shutting down must not wait for them), so the test's timer does.
 */
async function nextEvent<T> (emitter: EventEmitter, name: string, ms = 5000): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`no ${name} event within ${ms} ms`)), ms)
  })
  try {
    const [value] = await Promise.race([once(emitter, name), timeout]) as [T]
    return value
  } finally {
    clearTimeout(timer)
  }
}

t.test('the default directory is the bundled knowledge/ folder', async t => {
  t.match(defaultKnowledgeDir(), /[\\/]knowledge$/)
  const base = createKnowledgeBase()
  t.ok(base.stats.notes >= 80)
  t.ok(base.stats.buildMs > 0 && base.stats.loadMs > 0)
})

t.test('a missing directory is a clear error', async t => {
  t.throws(() => createKnowledgeBase({ dir: join(t.testdirName, 'missing') }), /knowledge directory not found: .*missing/)
})

t.test('reload picks up new notes and keeps the old index when it fails', async t => {
  const dir = t.testdir({ en: { 'vpc.md': note('VPC', 'A virtual private cloud is an isolated network.') } })
  const base = createKnowledgeBase({ dir })
  t.equal(base.stats.notes, 1)
  t.equal(base.search('kubernetes pods').length, 0)

  writeFileSync(join(dir, 'en', 'k8s.md'), note('Kubernetes', 'Kubernetes schedules pods onto nodes.'))
  const stats = await base.reload()
  t.equal(stats.notes, 2)
  t.equal(base.search('kubernetes pods')[0]?.title, 'Kubernetes')

  writeFileSync(join(dir, 'en', 'broken.md'), '---\ntitle: [oops\n---\n')
  await t.rejects(base.reload(), /front matter is not valid YAML/)
  t.equal(base.stats.notes, 2, 'the last good index stays in use')
  t.equal(base.search('kubernetes pods')[0]?.title, 'Kubernetes')
})

t.test('reload can switch to another directory', async t => {
  const first = t.testdir({ a: { 'one.md': note('Caching', 'Redis keeps hot data in memory.') } })
  const base = createKnowledgeBase({ dir: first })
  const second = join(first, '..', `${first.split(/[\\/]/).pop() as string}-other`)
  t.teardown(() => rmSync(second, { recursive: true, force: true }))
  await t.rejects(base.reload(second), /knowledge directory not found/)
  t.equal(base.dir, first, 'a failed switch keeps the old directory')

  const other = t.testdir({ 'cdn.md': note('CDN', 'Edge locations cache content near users.') })
  const stats = await base.reload(other)
  t.equal(base.dir, other)
  t.equal(stats.dir, other)
  t.equal(base.search('edge locations')[0]?.title, 'CDN')
  t.equal(base.search('redis').length, 0)
})

t.test('concurrent reloads run one after the other and the last one wins', async t => {
  const dir = t.testdir({ 'a.md': note('Alpha', 'alpha text') })
  const base = createKnowledgeBase({ dir })
  const first = base.reload()
  writeFileSync(join(dir, 'b.md'), note('Beta', 'beta text'))
  const second = base.reload()
  const [a, b] = await Promise.all([first, second])
  t.ok(a.notes >= 1)
  t.equal(b.notes, 2)
  t.equal(base.stats.notes, 2)
})

t.test('watch: a change in the directory rebuilds the index after the debounce', async t => {
  const dir = t.testdir({ 'dns.md': note('DNS', 'Resolvers translate names.') })
  const events = new EventEmitter()
  const base = createKnowledgeBase({
    dir,
    watch: true,
    debounceMs: 50,
    onReload: stats => events.emit('reload', stats),
    onError: err => events.emit('failed', err)
  })
  t.teardown(() => base.close())

  const reloaded = nextEvent<KnowledgeStats>(events, 'reload')
  writeFileSync(join(dir, 'tls.md'), note('TLS', 'Certificates prove a server identity during the handshake.'))
  writeFileSync(join(dir, 'tls2.md'), note('TLS 1.3', 'Fewer round trips.'))
  const stats = await reloaded
  t.equal(stats.notes, 3, 'both writes in one rebuild')
  t.equal(base.search('certificates handshake')[0]?.title, 'TLS')

  const failed = nextEvent<Error>(events, 'failed')
  writeFileSync(join(dir, 'bad.md'), '---\n: [\n---\n')
  const err = await failed
  t.match(err.message, /bad\.md: front matter is not valid YAML/)
  t.equal(base.stats.notes, 3)
})

t.test('close stops watching', async t => {
  const dir = t.testdir({ 'a.md': note('A', 'aaa') })
  let reloads = 0
  const base = createKnowledgeBase({ dir, watch: true, debounceMs: 20, onReload: () => { reloads++ } })
  base.close()
  writeFileSync(join(dir, 'b.md'), note('B', 'bbb'))
  await new Promise(resolve => setTimeout(resolve, 200))
  t.equal(reloads, 0)
  t.equal(base.stats.notes, 1)
  base.close()
})
