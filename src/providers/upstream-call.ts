// One upstream call's plumbing: its own abort signal, tied to the caller's, and a fetch that remembers the response.
import { bodyByteLimit, boundResponse } from './answer-limit.js'

export interface UpstreamCall {
  /** Fires when the caller's signal fires or the call is closed. */
  readonly signal: AbortSignal
  /** A fetch for SDKs that accept one; it records the response headers for error mapping. */
  readonly fetch: typeof fetch
  /** Headers of the response, once it arrived. */
  readonly headers: Headers | undefined
  readonly responded: boolean
  /** Records that the SDK read the response to its end, so `close` has no connection left to release. */
  finish: () => void
  /**
   * Releases the connection of a call that did not finish (a stream abandoned after an error would
   * otherwise stay open) and unhooks the caller's signal.
   */
  close: () => void
}

export interface UpstreamCallOptions {
  /** Bounds whole-body replies read through `fetch` to what an answer of this many characters can take. */
  maxAnswerChars?: number
}

export function openUpstreamCall (callerSignal: AbortSignal, options: UpstreamCallOptions = {}): UpstreamCall {
  const maxBytes = options.maxAnswerChars === undefined ? undefined : bodyByteLimit(options.maxAnswerChars)
  const controller = new AbortController()
  // A per-call controller keeps SDK listeners off the caller's signal, which may outlive many calls.
  const forward = (): void => { controller.abort(callerSignal.reason) }
  if (callerSignal.aborted) forward()
  else callerSignal.addEventListener('abort', forward, { once: true })

  let headers: Headers | undefined
  let finished = false
  const observedFetch: typeof fetch = async (input, init) => {
    const response = await fetch(input, init)
    headers = response.headers
    return maxBytes === undefined ? response : boundResponse(response, maxBytes)
  }

  return {
    signal: controller.signal,
    fetch: observedFetch,
    get headers () { return headers },
    get responded () { return headers !== undefined },
    finish () { finished = true },
    close () {
      callerSignal.removeEventListener('abort', forward)
      // A body read to its end has already returned its socket to the pool; aborting it anyway runs
      // undici's whole abort path and allocates an exception on every request for nothing.
      if (!finished && !controller.signal.aborted) controller.abort(new DOMException('upstream call closed', 'AbortError'))
    }
  }
}
