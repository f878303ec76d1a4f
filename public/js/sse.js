// Server-sent events read from a fetch body: EventSource only does GET, and /api/ask streams a POST.

/**
 * Feeds text chunks in, calls `onEvent({event, data, id})` for each complete event (WHATWG rules:
 * `\n`, `\r\n` or `\r` line ends, `:` comments, multi-line `data`, `message` as the default name).
 */
export function createSseParser (onEvent) {
  let buffer = ''
  let event = ''
  let data = []
  let id = ''
  let pendingCr = false

  function line (text) {
    if (text === '') {
      if (data.length > 0) onEvent({ event: event === '' ? 'message' : event, data: data.join('\n'), id })
      event = ''
      data = []
      return
    }
    if (text.startsWith(':')) return
    const colon = text.indexOf(':')
    const field = colon === -1 ? text : text.slice(0, colon)
    let value = colon === -1 ? '' : text.slice(colon + 1)
    if (value.startsWith(' ')) value = value.slice(1)
    if (field === 'event') event = value
    else if (field === 'data') data.push(value)
    else if (field === 'id' && !value.includes('\0')) id = value
  }

  return {
    push (chunk) {
      let text = chunk
      // A CR at the end of the previous chunk may be the first half of a CRLF.
      if (pendingCr && text.startsWith('\n')) text = text.slice(1)
      pendingCr = false
      buffer += text
      let start = 0
      for (let i = 0; i < buffer.length; i++) {
        const c = buffer[i]
        if (c !== '\n' && c !== '\r') continue
        line(buffer.slice(start, i))
        if (c === '\r') {
          if (i + 1 < buffer.length) {
            if (buffer[i + 1] === '\n') i++
          } else {
            pendingCr = true
          }
        }
        start = i + 1
      }
      buffer = buffer.slice(start)
    },
    /** The stream ended: an event without its blank line is dropped, as the standard says. */
    end () {
      buffer = ''
      event = ''
      data = []
    }
  }
}

/**
 * Reads a fetch Response body as SSE until it ends, or until `onEvent` returns true
 * (the final event arrived: no reason to hold the connection open).
 */
export async function readSse (body, onEvent) {
  let finished = false
  const parser = createSseParser(message => {
    if (!finished && onEvent(message) === true) finished = true
  })
  const reader = body.pipeThrough(new TextDecoderStream()).getReader()
  try {
    while (!finished) {
      const { done, value } = await reader.read()
      if (done) break
      parser.push(value)
    }
    if (finished) await reader.cancel()
  } finally {
    parser.end()
    reader.releaseLock()
  }
}
