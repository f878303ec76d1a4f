// Log lines for a person at a terminal: pino's JSON turned into one short line each. Production keeps JSON
// (CloudWatch queries its fields); this is only chosen when stdout is a terminal or LOG_FORMAT=pretty.
import type { Writable } from 'node:stream'

const LEVELS: Record<number, { label: string, color: string }> = {
  10: { label: 'TRACE', color: '90' },
  20: { label: 'DEBUG', color: '90' },
  30: { label: 'INFO ', color: '32' },
  40: { label: 'WARN ', color: '33' },
  50: { label: 'ERROR', color: '31' },
  60: { label: 'FATAL', color: '35' }
}

/** Fields every line has, or that the short form already shows. */
const HIDDEN = new Set(['level', 'time', 'pid', 'hostname', 'msg', 'reqId', 'req', 'res', 'responseTime', 'err'])

interface ProviderEntry { id?: string, status?: string, reason?: string, latencyMs?: number, attempts?: number }

type Paint = (code: string, text: string) => string

const clock = (time: unknown): string => {
  const date = new Date(typeof time === 'number' ? time : Date.now())
  return date.toTimeString().slice(0, 8)
}

const ms = (value: unknown): string => typeof value === 'number' ? `${value < 10 ? value.toFixed(1) : Math.round(value)} ms` : ''

function value (v: unknown): string {
  if (typeof v === 'string') return /[\s"=]/.test(v) || v === '' ? JSON.stringify(v) : v
  return JSON.stringify(v) ?? String(v)
}

function statusColor (status: unknown): string {
  return typeof status !== 'number' ? '0' : status >= 500 ? '31' : status >= 400 ? '33' : '32'
}

function requestPart (entry: Record<string, unknown>, paint: Paint): string {
  const req = entry.req as { method?: string, url?: string } | undefined
  const res = entry.res as { statusCode?: number } | undefined
  const status = res?.statusCode ?? (typeof entry.status === 'number' ? entry.status : undefined)
  const parts: string[] = []
  if (req?.method !== undefined) parts.push(`${req.method} ${req.url ?? ''}`)
  if (status !== undefined) parts.push(paint(statusColor(status), String(status)))
  return parts.join(' ')
}

/** `ask answered`: the request, the strategy and confidence, each provider's fate, the time and the cost. */
function askLine (entry: Record<string, unknown>, paint: Paint): string {
  const parts = [requestPart(entry, paint), String(entry.msg)].filter(p => p !== '')
  const timings = entry.timings as { totalMs?: number } | undefined
  if (timings?.totalMs !== undefined) parts.push(ms(timings.totalMs))
  const details: string[] = []
  if (typeof entry.strategy === 'string') details.push(entry.strategy)
  if (typeof entry.confidence === 'number') details.push(`confidence ${entry.confidence.toFixed(2)}`)
  if (typeof entry.cache === 'string') details.push(`cache ${entry.cache}`)
  if (typeof entry.costUsd === 'number' && entry.costUsd > 0) details.push(`$${entry.costUsd.toPrecision(2)}`)
  if (typeof entry.client === 'string') details.push(`client ${entry.client}`)
  const providers = Array.isArray(entry.providers) ? entry.providers as ProviderEntry[] : []
  const each = providers.map(p => {
    const fate = p.status === 'ok' || p.status === 'cached' ? p.status : paint('33', `${p.status ?? '?'}${p.reason === undefined ? '' : `(${p.reason})`}`)
    const time = p.status === 'ok' && p.latencyMs !== undefined ? ` ${ms(p.latencyMs)}` : ''
    const tries = (p.attempts ?? 0) > 1 ? ` ×${p.attempts ?? 0}` : ''
    return `${p.id ?? '?'} ${fate}${time}${tries}`
  })
  if (each.length > 0) details.push(each.join(', '))
  if (typeof entry.question === 'string') details.push(value(entry.question))
  return [parts.join(' '), ...details].join(' · ')
}

/** One JSON log line as `12:03:04 INFO  POST /api/ask 200 ask answered 812 ms · consensus · ...`. */
export function formatLogLine (line: string, color = false): string {
  let entry: Record<string, unknown>
  try {
    entry = JSON.parse(line) as Record<string, unknown>
  } catch {
    return line.endsWith('\n') ? line : `${line}\n`
  }
  if (entry === null || typeof entry !== 'object') return `${line.trimEnd()}\n`
  const paint: Paint = color ? (code, text) => `\u001b[${code}m${text}\u001b[0m` : (_code, text) => text
  const level = LEVELS[entry.level as number] ?? { label: String(entry.level ?? '').padEnd(5), color: '0' }
  const head = `${paint('90', clock(entry.time))} ${paint(level.color, level.label)}`

  let body: string
  if (typeof entry.msg === 'string' && entry.msg.startsWith('ask ') && Array.isArray(entry.providers)) {
    body = askLine(entry, paint)
  } else {
    const parts: string[] = []
    if (entry.msg === 'request completed') {
      parts.push(requestPart(entry, paint))
      if (entry.responseTime !== undefined) parts.push(ms(entry.responseTime))
    } else if (typeof entry.msg === 'string') {
      parts.push(entry.msg)
    }
    const fields = Object.entries(entry).filter(([k, v]) => !HIDDEN.has(k) && v !== undefined).map(([k, v]) => `${paint('90', `${k}=`)}${value(v)}`)
    body = [...parts.filter(p => p !== ''), ...fields].join(' ')
  }

  const err = entry.err as { type?: string, message?: string, stack?: string } | undefined
  let tail = ''
  if (err !== undefined && err !== null && typeof err === 'object') {
    body += ` ${paint(level.color, `${err.type ?? 'Error'}: ${err.message ?? ''}`)}`
    // The stack is what a developer at a terminal needs to fix an internal error; it stays off the one-line form otherwise.
    if ((entry.level as number) >= 50 && typeof err.stack === 'string') tail = `\n${err.stack.split('\n').slice(1).join('\n')}`
  }
  return `${head} ${body}${tail}\n`
}

/** A pino destination writing the short form to `out`. */
export function prettyDestination (out: Pick<Writable, 'write'>, color: boolean): { write: (line: string) => void } {
  return {
    write (chunk: string) {
      // pino writes one line per call; a chunk could in principle hold more.
      for (const line of chunk.split('\n')) if (line !== '') out.write(formatLogLine(line, color))
    }
  }
}
