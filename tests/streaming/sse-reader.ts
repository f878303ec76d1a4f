// Reads a server-sent event stream the way a browser's EventSource parses it, frame by frame as bytes arrive.

export interface SseFrame {
  /** The `event:` name; null for unnamed events and comments. */
  event: string | null
  /** The `data:` lines joined with newlines; null for a comment. */
  data: string | null
  /** The text of a `:` comment line. */
  comment?: string
}

/** Reads a fetch body or a node:http response (both are async iterables of bytes). */
export async function * readSse (body: ReadableStream<Uint8Array> | AsyncIterable<Uint8Array> | null): AsyncGenerator<SseFrame> {
  if (body === null) throw new Error('the response has no body')
  const decoder = new TextDecoder()
  let buffer = ''
  for await (const chunk of body as AsyncIterable<Uint8Array>) {
    buffer += decoder.decode(chunk, { stream: true }).replace(/\r\n?/g, '\n')
    let end = buffer.indexOf('\n\n')
    while (end !== -1) {
      const frame = parseFrame(buffer.slice(0, end))
      buffer = buffer.slice(end + 2)
      if (frame !== null) yield frame
      end = buffer.indexOf('\n\n')
    }
  }
  if (buffer.trim() !== '') throw new Error(`the stream ended inside a frame: ${JSON.stringify(buffer)}`)
}

function parseFrame (text: string): SseFrame | null {
  let event: string | null = null
  const data: string[] = []
  let comment: string | undefined
  for (const line of text.split('\n')) {
    if (line.startsWith(':')) comment = line.slice(1).trim()
    else if (line.startsWith('event:')) event = line.slice(6).trim()
    else if (line.startsWith('data:')) data.push(line.slice(5).replace(/^ /, ''))
  }
  if (data.length === 0 && comment === undefined && event === null) return null
  return { event, data: data.length > 0 ? data.join('\n') : null, ...(comment !== undefined ? { comment } : {}) }
}

export async function collectSse (body: ReadableStream<Uint8Array> | AsyncIterable<Uint8Array> | null): Promise<SseFrame[]> {
  const frames: SseFrame[] = []
  for await (const frame of readSse(body)) frames.push(frame)
  return frames
}
