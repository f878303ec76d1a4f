// The part of autocannon's programmatic API the benchmark uses (the package ships no types).
declare module 'autocannon' {
  import type { EventEmitter } from 'node:events'

  interface AutocannonRequest {
    method?: string
    path?: string
    headers?: Record<string, string>
    body?: string
    onResponse?: (status: number, body: string, context: Record<string, unknown>, headers: Record<string, string>) => void
  }

  interface AutocannonOptions {
    url: string
    method?: string
    headers?: Record<string, string>
    body?: string
    connections?: number
    pipelining?: number
    duration?: number
    timeout?: number
    overallRate?: number
    connectionRate?: number
    requests?: AutocannonRequest[]
  }

  interface Percentiles {
    average: number
    mean: number
    stddev: number
    min: number
    max: number
    p50: number
    p90: number
    p99: number
    total?: number
  }

  interface AutocannonResult {
    duration: number
    requests: Percentiles & { total: number, sent: number }
    latency: Percentiles
    throughput: Percentiles
    errors: number
    timeouts: number
    non2xx: number
    resets: number
    '2xx': number
  }

  interface Instance extends EventEmitter {
    on: ((event: 'response', listener: (client: unknown, statusCode: number, resBytes: number, responseTime: number) => void) => this) &
    ((event: string, listener: (...args: unknown[]) => void) => this)
    stop: () => void
  }

  function autocannon (options: AutocannonOptions, callback: (err: Error | null, result: AutocannonResult) => void): Instance

  export default autocannon
  export type { AutocannonOptions, AutocannonResult, AutocannonRequest }
}
