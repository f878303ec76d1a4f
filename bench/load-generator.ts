// The load generator: its own process, so sending requests never shares an event loop with the
// servers it measures. Closed-loop runs use autocannon; fixed-rate runs use a small open-loop sender,
// because autocannon's rate limit refills every connection's budget once per second, so its requests
// leave in a burst at the start of each second rather than at a steady rate.
import http from 'node:http'
import autocannon from 'autocannon'
import type { FromLoadGenerator, LoadJob, LoadResult, Sample, ToLoadGenerator } from './load-protocol.js'

interface CandidateBody { provider?: string, status?: string, latencyMs?: number, error?: { type?: string } | null }
interface AnswerBody { latencyMs?: number, candidates?: CandidateBody[], upstreamMs?: number[] }

/** What the response says about where the time went (IsCoolGPT's candidates, or the baseline's upstream timings). */
function inspect (status: number, text: string): Omit<Sample, 'ms' | 'status'> {
  if (status !== 200) return {}
  let body: AnswerBody
  try {
    body = JSON.parse(text) as AnswerBody
  } catch {
    return {}
  }
  if (Array.isArray(body.candidates)) {
    const answered = body.candidates.filter(c => c.status === 'ok').map(c => c.latencyMs ?? 0)
    return {
      serverMs: body.latencyMs,
      slowestUpstreamMs: answered.length > 0 ? Math.max(...answered) : undefined,
      outcomes: body.candidates.map(c => [c.provider, c.status, c.error?.type].filter(Boolean).join(':')).sort().join(',')
    }
  }
  if (Array.isArray(body.upstreamMs)) {
    return { serverMs: body.latencyMs, slowestUpstreamMs: body.upstreamMs.length > 0 ? Math.max(...body.upstreamMs) : undefined }
  }
  return {}
}

async function autocannonRun (job: LoadJob, durationS: number, record: boolean): Promise<LoadResult> {
  const target = new URL(job.url)
  const samples: Sample[] = []
  // autocannon calls onResponse and then emits 'response' for the same reply, synchronously.
  let last: Omit<Sample, 'ms' | 'status'> = {}
  return await new Promise((resolve, reject) => {
    const instance = autocannon({
      url: target.origin,
      connections: job.connections ?? 10,
      duration: durationS,
      timeout: job.timeoutS,
      requests: [{
        method: 'POST',
        path: target.pathname,
        headers: { ...job.headers, 'content-type': 'application/json' },
        body: job.body,
        onResponse: record ? (status, body) => { last = inspect(status, body) } : undefined
      }]
    }, (err, result) => {
      if (err !== null) reject(err)
      else resolve({ id: job.id, mode: 'closed', durationS: result.duration, samples, errors: result.errors, timeouts: result.timeouts, dropped: 0, maxLagMs: 0 })
    })
    if (record) {
      instance.on('response', (_client, statusCode, _bytes, responseTime) => {
        samples.push({ ms: responseTime, status: statusCode, ...last })
        last = {}
      })
    }
  })
}

async function closedLoop (job: LoadJob): Promise<LoadResult> {
  if (job.warmupS > 0) await autocannonRun(job, job.warmupS, false)
  return await autocannonRun(job, job.durationS, true)
}

// Two seconds of backlog at 500 req/s: past that the server is saturated, and piling up more sockets
// would only measure the kernel's accept queue.
const MAX_WAITING = 1000

async function openLoop (job: LoadJob): Promise<LoadResult> {
  const rate = job.rate ?? 100
  const target = new URL(job.url)
  const payload = Buffer.from(job.body)
  const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity, keepAliveMsecs: 10_000 })
  const interval = 1000 / rate
  const total = Math.round((job.warmupS + job.durationS) * rate)
  const warmupCount = Math.round(job.warmupS * rate)
  const samples: Sample[] = []
  let errors = 0
  let timeouts = 0
  let dropped = 0
  let maxLagMs = 0
  let sent = 0
  let waiting = 0

  return await new Promise(resolve => {
    const start = performance.now()
    let measureStart = start
    let measureEnd = start
    const finish = (): void => {
      if (sent < total || waiting > 0) return
      agent.destroy()
      resolve({ id: job.id, mode: 'open', durationS: (measureEnd - measureStart) / 1000, samples, errors, timeouts, dropped, maxLagMs })
    }

    const fire = (index: number, scheduled: number): void => {
      const now = performance.now()
      maxLagMs = Math.max(maxLagMs, now - scheduled)
      if (index === warmupCount) measureStart = scheduled
      measureEnd = scheduled
      if (waiting >= MAX_WAITING) {
        if (index >= warmupCount) dropped++
        return
      }
      waiting++
      let settled = false
      let timedOut = false
      const settle = (outcome: 'error' | Sample): void => {
        if (settled) return
        settled = true
        waiting--
        if (index >= warmupCount) {
          if (outcome !== 'error') samples.push(outcome)
          else if (timedOut) timeouts++
          else errors++
        }
        finish()
      }
      const req = http.request({
        agent,
        host: target.hostname,
        port: target.port,
        path: target.pathname,
        method: 'POST',
        headers: { ...job.headers, 'content-type': 'application/json', 'content-length': payload.length }
      }, res => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () => {
          const status = res.statusCode ?? 0
          settle({ ms: performance.now() - scheduled, status, ...inspect(status, Buffer.concat(chunks).toString('utf8')) })
        })
        res.on('error', () => settle('error'))
      })
      req.setTimeout(job.timeoutS * 1000, () => {
        timedOut = true
        req.destroy(new Error('timeout'))
      })
      req.on('error', () => settle('error'))
      req.end(payload)
    }

    const tick = (): void => {
      const now = performance.now()
      while (sent < total && start + sent * interval <= now) {
        fire(sent, start + sent * interval)
        sent++
      }
      if (sent < total) setTimeout(tick, Math.max(0, start + sent * interval - performance.now()))
      else finish()
    }
    tick()
  })
}

function send (message: FromLoadGenerator): void {
  process.send?.(message)
}

process.on('message', (message: ToLoadGenerator) => {
  if (message.type === 'exit') {
    process.exit(0)
  }
  const { job } = message
  const run = job.mode === 'open' ? openLoop(job) : closedLoop(job)
  run.then(result => send({ type: 'result', result }), (err: unknown) => send({ type: 'failed', id: job.id, message: err instanceof Error ? err.message : String(err) }))
})
process.on('disconnect', () => process.exit(0))
send({ type: 'ready' })
