// The reliability file is written behind the state in memory: at once after a quiet spell, then at most
// once per interval, and everything held back is written by close().
import t, { type Test } from 'tap'
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { countDecision } from '../../src/trust/reliability.js'
import { FILE_WRITE_INTERVAL_MS, FileTrustStore } from '../../src/trust/trust-store.js'

async function dataDir (t: Test): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'iscoolgpt-trust-file-'))
  t.teardown(async () => { await rm(dir, { recursive: true, force: true }) })
  return dir
}

async function stored (dir: string): Promise<number | undefined> {
  try {
    return (JSON.parse(await readFile(join(dir, 'trust.json'), 'utf8')) as { decided?: number }).decided
  } catch {
    return undefined
  }
}

async function settle (dir: string, expected: number, limitMs: number): Promise<number | undefined> {
  const until = Date.now() + limitMs
  while (Date.now() < until && await stored(dir) !== expected) await sleep(10)
  return await stored(dir)
}

t.test('a burst of changes: the first is written at once, the rest together, the latest by close()', async t => {
  const dir = await dataDir(t)
  const problems: string[] = []
  const store = FileTrustStore.inDir(dir, message => { problems.push(message) })
  await store.update(countDecision)
  t.equal(await settle(dir, 1, 5_000), 1, 'the first change after a quiet spell is written without waiting for the interval')
  for (let i = 0; i < 20; i++) t.equal((await store.update(countDecision)).decided, i + 2, 'each change is applied in memory at once')
  t.equal((await store.load()).decided, 21, 'and read back from memory')
  t.equal(await stored(dir), 1, 'the changes within the interval are held back')
  await store.close()
  t.equal(await stored(dir), 21, 'close() writes the latest state')
  t.same(await readdir(dir), ['trust.json'], 'no temporary file left behind')
  t.same(problems, [])
})

t.test('held-back changes are written when the interval ends, as the latest state', async t => {
  const dir = await dataDir(t)
  const store = FileTrustStore.inDir(dir, () => undefined)
  await store.update(countDecision)
  await settle(dir, 1, 5_000)
  await store.update(countDecision)
  await store.update(countDecision)
  t.equal(await settle(dir, 3, FILE_WRITE_INTERVAL_MS * 10), 3, 'written without close(), one interval later')
  const reopened = FileTrustStore.inDir(dir, () => undefined)
  t.equal((await reopened.load()).decided, 3, 'a new process reads what was written')
  await store.close()
})

t.test('changes after close() are written at once', async t => {
  const dir = await dataDir(t)
  const store = FileTrustStore.inDir(dir, () => undefined)
  await store.close()
  await store.update(countDecision)
  await store.update(countDecision)
  t.equal(await settle(dir, 2, 5_000), 2)
  await store.close()
  t.equal(await stored(dir), 2)
})

t.test('a file that cannot be written is reported and the state is kept in memory', async t => {
  const dir = await dataDir(t)
  const problems: string[] = []
  // A path below a file: every write fails.
  const store = new FileTrustStore(join(dir, 'trust.json', 'below-a-file.json'), message => { problems.push(message) })
  await writeFile(join(dir, 'trust.json'), 'not a directory')
  await store.update(countDecision)
  await store.update(countDecision)
  await store.close()
  t.equal((await store.load()).decided, 2, 'the state in memory is kept')
  const writes = problems.filter(p => p.startsWith('cannot write'))
  t.ok(writes.length >= 1 && writes.every(p => p.includes('below-a-file.json') && p.endsWith('learned reliability is kept in memory')), 'a failed write is reported')
})
