// Messages between the benchmark runner and the load-generator process.

export interface LoadJob {
  id: number
  /** closed: a fixed number of connections, each sending its next request when the last one returned
   * (autocannon); open: requests sent on a fixed schedule whatever the responses do. */
  mode: 'closed' | 'open'
  url: string
  body: string
  /** Extra request headers (a gateway's routing headers); content-type is always JSON. */
  headers?: Record<string, string>
  /** Measured window. */
  durationS: number
  /** Load before the window that is not recorded (JIT, connection pools, caches). */
  warmupS: number
  /** closed mode */
  connections?: number
  /** open mode: requests per second */
  rate?: number
  timeoutS: number
}

/** One response. Times in milliseconds. */
export interface Sample {
  /** Client-observed response time; in open mode from the scheduled send time, so a late sender counts against the server. */
  ms: number
  status: number
  /** The server's own `latencyMs`. */
  serverMs?: number
  /** The slowest provider call that answered, as the server timed it. */
  slowestUpstreamMs?: number
  /** Each provider's status, sorted: `gemini:ok,huggingface:timeout:timeout,openai:ok`. */
  outcomes?: string
}

export interface LoadResult {
  id: number
  mode: 'closed' | 'open'
  durationS: number
  samples: Sample[]
  errors: number
  timeouts: number
  /** open mode: requests not sent because too many were already waiting */
  dropped: number
  /** open mode: the most a send ran behind its schedule */
  maxLagMs: number
}

export type ToLoadGenerator = { type: 'job', job: LoadJob } | { type: 'exit' }
export type FromLoadGenerator = { type: 'ready' } | { type: 'result', result: LoadResult } | { type: 'failed', id: number, message: string }
