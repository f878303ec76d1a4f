// One call to one provider under its own limits: the attempt's end and, for streams, the first-event and idle limits.
//
// The attempt ends on whichever comes first: the provider's answer, one of the limits, or the stop signal.
// On a limit or a stop the upstream call is aborted (which closes its socket) and the attempt resolves at
// once, without waiting for the SDK to notice: an SDK that is slow to settle cannot hold the answer past
// the deadline.
import { toProviderError } from '../providers/errors.js'
import { ProviderError, type Completion, type CompletionRequest, type Provider } from '../providers/types.js'
import type { Expiry } from './retry.js'

export interface AttemptLimits {
  /** When the attempt must be over (Date.now clock), and which limit that time is. */
  endsAt: number
  bound: 'attempt' | 'budget' | 'deadline'
  /** The configured size of that limit, for the error message: the time left when the attempt began can be less. */
  limitMs?: number
  /** Set to read the answer as a stream. */
  stream?: {
    firstTokenMs: number
    idleMs: number
    onToken?: (text: string) => void
  }
}

export interface AttemptResult {
  completion?: Completion
  error?: ProviderError
  /** Which limit ended the attempt, when one did. */
  expired?: Expiry
  /** The stop signal fired first: the answer was decided without this call, or the client left. */
  cancelled: boolean
  /** Part of a streamed answer was forwarded to onToken. */
  textSent: boolean
  latencyMs: number
}

function expiryError (expired: Expiry, ms: number, textSent: boolean): ProviderError {
  switch (expired) {
    case 'first_token':
      return new ProviderError('timeout', `no first token within ${ms} ms`, { beforeResponse: false })
    case 'idle':
      // Text already shown is a cut answer; silence before any text is just a slow provider.
      return textSent
        ? new ProviderError('truncated', `stream stalled: no event for ${ms} ms after part of the answer`)
        : new ProviderError('timeout', `stream stalled: no event for ${ms} ms`)
    case 'attempt':
      return new ProviderError('timeout', `no answer within the attempt limit of ${ms} ms`, { beforeResponse: true })
    case 'budget':
      return new ProviderError('timeout', `no answer within the provider budget of ${ms} ms`, { beforeResponse: true })
    case 'deadline':
      return new ProviderError('timeout', 'deadline exceeded', { beforeResponse: true })
  }
}

export async function runAttempt (provider: Provider, request: CompletionRequest, limits: AttemptLimits, stop: AbortSignal): Promise<AttemptResult> {
  const started = performance.now()
  const controller = new AbortController()
  let textSent = false
  let settled = false
  let endTimer: NodeJS.Timeout | undefined
  let eventTimer: NodeJS.Timeout | undefined

  return await new Promise<AttemptResult>(resolve => {
    const finish = (result: Omit<AttemptResult, 'textSent' | 'latencyMs'>): void => {
      if (settled) return
      settled = true
      clearTimeout(endTimer)
      clearTimeout(eventTimer)
      stop.removeEventListener('abort', onStop)
      resolve({ ...result, textSent, latencyMs: performance.now() - started })
    }
    const expire = (expired: Expiry, ms: number): void => {
      if (settled) return
      const error = expiryError(expired, ms, textSent)
      controller.abort(new DOMException(error.message, 'TimeoutError'))
      finish({ error, expired, cancelled: false })
    }
    function onStop (): void {
      controller.abort(stop.reason)
      finish({ cancelled: true })
    }
    if (stop.aborted) {
      onStop()
      return
    }
    stop.addEventListener('abort', onStop, { once: true })

    const endMs = Math.max(0, Math.round(limits.endsAt - Date.now()))
    endTimer = setTimeout(() => { expire(limits.bound, limits.limitMs ?? endMs) }, endMs)

    const { stream } = limits
    const streaming = stream !== undefined && provider.stream !== undefined
    let call: Promise<Completion>
    if (streaming) {
      // Any event is a sign of life (reasoning models send events long before answer text).
      const alive = (): void => {
        if (settled) return
        clearTimeout(eventTimer)
        eventTimer = setTimeout(() => { expire('idle', stream.idleMs) }, stream.idleMs)
      }
      eventTimer = setTimeout(() => { expire('first_token', stream.firstTokenMs) }, stream.firstTokenMs)
      call = (async () => await provider.stream!(request, controller.signal, {
        onChunk: alive,
        onToken: text => {
          if (settled) return
          alive()
          textSent = true
          stream.onToken?.(text)
        }
      }))()
    } else {
      call = (async () => await provider.complete(request, controller.signal))()
    }
    call.then(
      completion => { finish({ completion, cancelled: false }) },
      (err: unknown) => { finish({ error: toProviderError(err, { signal: controller.signal }), cancelled: false }) }
    )
  })
}
