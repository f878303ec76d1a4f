// `npx tsx bench/profile-one.ts passthrough|ensemble [rate] [seconds]`: a CPU profile of the built service under one
// kind of request only (stubs at 50 ms, ~300 words), into bench/profiles/, for bench/profile-summary.ts.
import { mkdirSync } from 'node:fs'
import path from 'node:path'
import { askBody, chatBody } from './cost.js'
import { providerEnv, readCpuMs, REPO_ROOT, startLoadGenerator, startService, startStubProcess } from './processes.js'
import { STUB_IDS } from './stub-providers.js'

const kind = process.argv[2] ?? 'ensemble'
const rate = Number(process.argv[3] ?? 150)
const seconds = Number(process.argv[4] ?? 20)
const dir = path.join(REPO_ROOT, 'bench', 'profiles')
mkdirSync(dir, { recursive: true })
const request = kind === 'passthrough' ? { path: '/v1/chat/completions', body: chatBody('openai') } : { path: '/api/ask', body: askBody() }

const stubs = await startStubProcess()
for (const id of STUB_IDS) await stubs.configure(id, { latencyMs: 50, words: Number(process.env.BENCH_WORDS ?? 300) })
const load = await startLoadGenerator()
const name = `iscoolgpt-${kind}-${Date.now()}.cpuprofile`
const service = await startService({ ...providerEnv(stubs.ports), SHED_EVENT_LOOP_DELAY_MS: '0', MAX_INFLIGHT_ASKS: '100000' }, ['--cpu-prof', `--cpu-prof-dir=${dir}`, `--cpu-prof-name=${name}`])
try {
  const job = { mode: 'open' as const, url: `${service.url}${request.path}`, body: request.body, rate, warmupS: 0, timeoutS: 10 }
  await load.run({ ...job, durationS: 3 })
  const cpu0 = readCpuMs(service.pid)
  const run = await load.run({ ...job, durationS: seconds })
  const cpu = readCpuMs(service.pid) - cpu0
  process.stdout.write(`${kind}: ${run.samples.length} responses, ${(cpu / run.samples.length).toFixed(3)} ms CPU per request (profiling on); profile ${path.join('bench', 'profiles', name)}\n`)
} finally {
  await service.stop()
  await load.stop()
  await stubs.stop()
}
