// `node bench/cold-ab.mjs <entryA> <entryB> [starts]`: two server entries (dist/src/server.js, dist/server.mjs, ...)
// started in turn, each to its first 200 from /health (polled every 5 ms): wall time, the CPU time the process had
// used by then (/proc/<pid>/stat, which waiting for a core does not inflate) and VmRSS one second later; medians.
// The providers are configured (at a closed port) as in the benchmark, so their SDKs load; KNOWLEDGE=off unless
// KNOWLEDGE=on is set for the run (the course notes' index is then built before /health answers).
import { spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { fileURLToPath } from 'node:url'

const [entryA, entryB] = [process.argv[2], process.argv[3]]
if (entryA === undefined || entryB === undefined) {
  process.stderr.write('usage: node bench/cold-ab.mjs <entryA> <entryB> [starts]\n')
  process.exit(2)
}
const starts = Number(process.argv[4] ?? 7)
const root = fileURLToPath(new URL('..', import.meta.url))
// Clock ticks per second of /proc/<pid>/stat's utime and stime (USER_HZ, 100 on Linux).
const TICKS = 100

const freePort = () => new Promise(resolvePort => {
  const probe = createServer()
  probe.listen(0, '127.0.0.1', () => {
    const { port } = probe.address()
    probe.close(() => resolvePort(port))
  })
})
const cpuMs = pid => {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ')
  return (Number(fields[11]) + Number(fields[12])) * 1000 / TICKS
}
const rssMb = pid => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))[1]) / 1024
const closed = 'http://127.0.0.1:9'

async function start (entry) {
  const port = await freePort()
  const started = performance.now()
  const child = spawn(process.execPath, [entry], {
    cwd: root,
    env: {
      PATH: process.env.PATH, HOST: '127.0.0.1', PORT: String(port), LOG_LEVEL: 'warn', KNOWLEDGE: process.env.KNOWLEDGE ?? 'off', RATE_LIMIT_MAX: '0',
      OPENAI_API_KEY: 'bench', OPENAI_BASE_URL: `${closed}/v1`, GEMINI_API_KEY: 'bench', GEMINI_BASE_URL: closed, HF_TOKEN: 'bench', HF_BASE_URL: `${closed}/v1`
    },
    stdio: 'ignore'
  })
  for (;;) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/health`)).ok) break
    } catch {}
    if (child.exitCode !== null) throw new Error(`${entry} exited with ${child.exitCode}`)
    await new Promise(resolveWait => setTimeout(resolveWait, 5))
  }
  const wall = performance.now() - started
  const cpu = cpuMs(child.pid)
  await new Promise(resolveWait => setTimeout(resolveWait, 1000))
  const rss = rssMb(child.pid)
  const exited = new Promise(resolveExit => child.once('exit', resolveExit))
  child.kill('SIGTERM')
  await exited
  return { wall, cpu, rss }
}

const runs = new Map([[entryA, []], [entryB, []]])
for (let i = 0; i < starts; i++) {
  for (const entry of i % 2 === 0 ? [entryA, entryB] : [entryB, entryA]) runs.get(entry).push(await start(entry))
}
const median = values => [...values].sort((a, b) => a - b)[values.length >> 1]
for (const [entry, list] of runs) {
  process.stdout.write(`${entry}: ${list.length} starts, median ${Math.round(median(list.map(r => r.wall)))} ms to the first /health 200, ` +
    `${Math.round(median(list.map(r => r.cpu)))} ms CPU (${Math.round(Math.min(...list.map(r => r.cpu)))}-${Math.round(Math.max(...list.map(r => r.cpu)))}), idle RSS ${median(list.map(r => r.rss)).toFixed(1)} MB\n`)
}
