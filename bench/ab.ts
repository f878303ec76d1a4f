// `npx tsx bench/ab.ts <distA> <distB> [passthrough|ensemble] [rate] [rounds] [seconds]`: CPU per request of two
// builds of the service (two copies of dist/ at the repository's root, e.g. dist-base and dist), started side by side
// against the same stubs and loaded in turn (A B A B ...), so that a busy minute of a shared machine hits both.
// Prints each round and the median ratio B / A. Use it to judge one change against the commit before it.
import { existsSync } from 'node:fs'
import path from 'node:path'
import { askBody, chatBody } from './cost.js'
import { providerEnv, readCpuMs, REPO_ROOT, startLoadGenerator, startServer, startStubProcess, type ServerHandle } from './processes.js'
import type { LoadJob } from './load-protocol.js'
import { median } from './stats.js'
import { STUB_IDS } from './stub-providers.js'

const [distA, distB] = [process.argv[2], process.argv[3]]
if (distA === undefined || distB === undefined) {
  process.stderr.write('usage: npx tsx bench/ab.ts <distA> <distB> [passthrough|ensemble] [rate] [rounds] [seconds]\n')
  process.exit(2)
}
const kind = process.argv[4] ?? 'ensemble'
const rate = Number(process.argv[5] ?? 120)
const rounds = Number(process.argv[6] ?? 6)
const seconds = Number(process.argv[7] ?? 6)
const request = kind === 'passthrough' ? { path: '/v1/chat/completions', body: chatBody('openai') } : { path: '/api/ask', body: askBody() }

const stubs = await startStubProcess()
for (const id of STUB_IDS) await stubs.configure(id, { latencyMs: 50, words: Number(process.env.BENCH_WORDS ?? 300) })
const load = await startLoadGenerator()
const env = { ...providerEnv(stubs.ports), SHED_EVENT_LOOP_DELAY_MS: '0', MAX_INFLIGHT_ASKS: '100000' }
/** A build's bundle (dist/server.mjs) when it has one, else tsc's file-by-file server of builds before the bundle. */
const entryOf = (dist: string): string => {
  const bundled = path.join(REPO_ROOT, dist, 'server.mjs')
  return existsSync(bundled) ? bundled : path.join(REPO_ROOT, dist, 'src', 'server.js')
}
const start = async (dist: string): Promise<ServerHandle> =>
  await startServer({ name: dist, args: () => [entryOf(dist)], env, healthPath: '/health' })
const servers = [await start(distA), await start(distB)]
const perRequest: number[][] = [[], []]
try {
  const job = (server: ServerHandle): Omit<LoadJob, 'id' | 'durationS'> =>
    ({ mode: 'open', url: `${server.url}${request.path}`, body: request.body, rate, warmupS: 0, timeoutS: 10 })
  for (const server of servers) await load.run({ ...job(server), durationS: 8 })
  for (let round = 0; round < rounds; round++) {
    const line: string[] = []
    // Alternate which goes first, so neither always follows the other's garbage collection.
    const order = round % 2 === 0 ? [0, 1] : [1, 0]
    for (const i of order) {
      const server = servers[i] as ServerHandle
      const cpu0 = readCpuMs(server.pid)
      const run = await load.run({ ...job(server), durationS: seconds })
      const ms = (readCpuMs(server.pid) - cpu0) / run.samples.length
      perRequest[i]?.push(ms)
      line.push(`${server.name} ${ms.toFixed(3)} ms`)
    }
    process.stdout.write(`round ${round + 1}: ${line.join(', ')}\n`)
  }
  const [a, b] = [median(perRequest[0] ?? []), median(perRequest[1] ?? [])]
  const ratios = (perRequest[0] ?? []).map((ms, i) => (perRequest[1]?.[i] ?? NaN) / ms)
  process.stdout.write(`${kind} at ${rate} req/s: ${distA} median ${a.toFixed(3)} ms, ${distB} median ${b.toFixed(3)} ms CPU per request; B/A ${(b / a).toFixed(3)} (median of per-round ratios ${median(ratios).toFixed(3)})\n`)
} finally {
  for (const server of servers) await server.stop()
  await load.stop()
  await stubs.stop()
}
