// The page's HTTP client: /api/providers, and /api/ask as a live event stream with a plain JSON fallback.
import { readSse } from './sse.js'

/** A problem+json answer (RFC 9457), or one made up from a non-JSON error. */
export class ApiProblem extends Error {
  constructor (problem, retryAfterS) {
    super(problem.detail ?? problem.title ?? `HTTP ${problem.status}`)
    this.name = 'ApiProblem'
    this.problem = problem
    this.status = problem.status
    this.retryAfterS = retryAfterS
  }
}

/** The server was not reached, or the connection broke before the answer arrived. */
export class NetworkError extends Error {
  constructor (message, { streamEnded = false } = {}) {
    super(message)
    this.name = 'NetworkError'
    this.streamEnded = streamEnded
  }
}

function authHeaders (apiKey) {
  return apiKey ? { authorization: `Bearer ${apiKey}` } : {}
}

/** Retry-After is either delta-seconds or an HTTP date. */
export function parseRetryAfter (value, now = Date.now()) {
  if (value === null || value === undefined || value === '') return undefined
  if (/^\d+$/.test(value.trim())) return Number(value.trim())
  const at = Date.parse(value)
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - now) / 1000))
}

async function problemFrom (response) {
  const type = response.headers.get('content-type') ?? ''
  let problem
  if (type.includes('json')) {
    try {
      problem = await response.json()
    } catch {
      problem = undefined
    }
  }
  if (problem === undefined || problem === null || typeof problem !== 'object') {
    problem = { type: 'about:blank', title: response.statusText || `HTTP ${response.status}`, status: response.status, detail: '' }
  }
  if (typeof problem.status !== 'number') problem.status = response.status
  const retryAfterS = typeof problem.retryAfterS === 'number' ? problem.retryAfterS : parseRetryAfter(response.headers.get('retry-after'))
  return new ApiProblem(problem, retryAfterS)
}

async function send (url, init) {
  try {
    return await fetch(url, init)
  } catch (err) {
    if (err?.name === 'AbortError') throw err
    throw new NetworkError(err?.message ?? String(err))
  }
}

/** `base` is empty on the page (same origin); other callers pass the server's origin. */
export async function fetchProviders ({ apiKey, signal, base = '' } = {}) {
  const response = await send(`${base}/api/providers`, { headers: { accept: 'application/json', ...authHeaders(apiKey) }, signal })
  if (!response.ok) throw await problemFrom(response)
  return await response.json()
}

/**
 * POST /api/ask. Asks for an event stream and reports progress through the callbacks;
 * a server that answers plain JSON is just as good, only without the live progress.
 */
export async function ask (body, { apiKey, signal, onStart, onToken, onCandidate, language, base = '' } = {}) {
  const response = await send(`${base}/api/ask`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'text/event-stream, application/json;q=0.9, application/problem+json;q=0.8',
      // The page's own language, so a greeting or a one-word question is answered in it.
      ...(language ? { 'accept-language': language } : {}),
      ...authHeaders(apiKey)
    },
    body: JSON.stringify(body),
    signal
  })
  if (!response.ok) throw await problemFrom(response)
  const type = response.headers.get('content-type') ?? ''
  if (!type.startsWith('text/event-stream')) return await response.json()

  let answer
  let failure
  try {
    await readSse(response.body, ({ event, data }) => {
      let payload
      try {
        payload = JSON.parse(data)
      } catch {
        return false
      }
      switch (event) {
        case 'start': onStart?.(payload); return false
        case 'token': onToken?.(payload); return false
        case 'candidate': onCandidate?.(payload); return false
        case 'answer': answer = payload; return true
        case 'error':
          failure = new ApiProblem(payload, typeof payload.retryAfterS === 'number' ? payload.retryAfterS : undefined)
          return true
        default: return false
      }
    })
  } catch (err) {
    if (signal?.aborted === true || err?.name === 'AbortError') throw err
    if (answer === undefined && failure === undefined) throw new NetworkError(err?.message ?? String(err), { streamEnded: true })
  }
  if (failure !== undefined) throw failure
  if (answer === undefined) throw new NetworkError('the stream ended without an answer', { streamEnded: true })
  return answer
}

/** POST /api/answers/{id}/feedback: `rating` is up or down; with `provider` it rates that provider's answer. */
export async function rate (answerId, { rating, provider }, { apiKey, signal, base = '' } = {}) {
  const body = provider === undefined ? { rating } : { rating, provider }
  const response = await send(`${base}/api/answers/${encodeURIComponent(answerId)}/feedback`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json, application/problem+json;q=0.9', ...authHeaders(apiKey) },
    body: JSON.stringify(body),
    signal
  })
  if (!response.ok) throw await problemFrom(response)
  return await response.json()
}
