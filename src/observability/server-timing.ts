// Where an ask's time went, as a Server-Timing header (shown by browser dev tools next to the request).

/** How the cache took part: found the answer, did not, joined an identical ask in flight, was skipped, or is off. */
export type CacheUse = 'hit' | 'miss' | 'coalesced' | 'bypass' | 'off'

export interface AskTimings {
  totalMs: number
  cache: CacheUse
  /** Cache look-up and store; for a coalesced ask, the wait for the shared answer. */
  cacheMs: number
  /** Waiting for providers (absent when none was called). */
  providersMs?: number
  /** Filtering, scoring and consolidating. */
  aggregateMs?: number
}

const ms = (value: number): string => String(Math.round(value * 10) / 10)

/** `cache;desc="miss";dur=0.2, providers;dur=812.4, aggregate;dur=1.3, total;dur=814.1` */
export function serverTiming (timings: AskTimings): string {
  const parts = [`cache;desc="${timings.cache}";dur=${ms(timings.cacheMs)}`]
  if (timings.providersMs !== undefined) parts.push(`providers;dur=${ms(timings.providersMs)}`)
  if (timings.aggregateMs !== undefined) parts.push(`aggregate;dur=${ms(timings.aggregateMs)}`)
  parts.push(`total;dur=${ms(timings.totalMs)}`)
  return parts.join(', ')
}
