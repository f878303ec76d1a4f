// A strict reader of the Prometheus text exposition format 0.0.4, for asserting what /metrics says.

export interface Sample {
  name: string
  labels: Record<string, string>
  value: number
}

export interface Family {
  name: string
  help: string
  type: 'counter' | 'gauge' | 'histogram' | 'summary' | 'untyped'
  samples: Sample[]
}

const NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/
const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/
const TYPES = new Set(['counter', 'gauge', 'histogram', 'summary', 'untyped'])

/** Values are read as Go's strconv.ParseFloat reads them, which ignores the case of Inf and NaN (prom-client writes "Nan"). */
function parseValue (text: string, line: number): number {
  const lower = text.toLowerCase()
  if (lower === '+inf' || lower === 'inf') return Infinity
  if (lower === '-inf') return -Infinity
  if (lower === 'nan') return NaN
  if (!/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(text)) throw new Error(`line ${line}: "${text}" is not a number`)
  return Number(text)
}

/** `{a="x",b="y \"q\""}` → labels; throws on anything the format does not allow. */
function parseLabels (text: string, line: number): Record<string, string> {
  const labels: Record<string, string> = {}
  let i = 0
  while (i < text.length) {
    const eq = text.indexOf('=', i)
    if (eq === -1) throw new Error(`line ${line}: label without "="`)
    const name = text.slice(i, eq)
    if (!LABEL_NAME.test(name)) throw new Error(`line ${line}: bad label name "${name}"`)
    if (text[eq + 1] !== '"') throw new Error(`line ${line}: label value of ${name} is not quoted`)
    let value = ''
    let j = eq + 2
    for (;; j++) {
      if (j >= text.length) throw new Error(`line ${line}: unterminated label value`)
      const c = text[j]
      if (c === '\\') {
        const next = text[++j]
        if (next === 'n') value += '\n'
        else if (next === '\\' || next === '"') value += next
        else throw new Error(`line ${line}: bad escape \\${String(next)}`)
      } else if (c === '"') {
        break
      } else {
        value += c
      }
    }
    if (name in labels) throw new Error(`line ${line}: label ${name} twice`)
    labels[name] = value
    i = j + 1
    if (text[i] === ',') i++
    else if (i < text.length) throw new Error(`line ${line}: expected "," between labels`)
  }
  return labels
}

function familyOf (sample: string, families: Map<string, Family>): Family | undefined {
  const direct = families.get(sample)
  if (direct !== undefined) return direct
  for (const suffix of ['_bucket', '_sum', '_count']) {
    if (sample.endsWith(suffix)) {
      const family = families.get(sample.slice(0, -suffix.length))
      if (family !== undefined && (family.type === 'histogram' || family.type === 'summary')) return family
    }
  }
  return undefined
}

/** Parses the whole exposition; every sample must belong to a family declared by `# TYPE` before it. */
export function parsePrometheus (text: string): Map<string, Family> {
  if (!text.endsWith('\n')) throw new Error('the exposition must end with a newline')
  const families = new Map<string, Family>()
  const help = new Map<string, string>()
  const seen = new Set<string>()
  text.split('\n').forEach((raw, index) => {
    const line = index + 1
    if (raw === '') return
    if (raw.startsWith('#')) {
      const m = /^# (HELP|TYPE) (\S+) ?(.*)$/.exec(raw)
      if (m === null) return // a plain comment
      const [, kind, name, rest] = m as unknown as [string, string, string, string]
      if (!NAME.test(name)) throw new Error(`line ${line}: bad metric name "${name}"`)
      if (kind === 'HELP') {
        help.set(name, rest)
        const family = families.get(name)
        if (family !== undefined) family.help = rest
        return
      }
      if (!TYPES.has(rest)) throw new Error(`line ${line}: unknown type "${rest}"`)
      if (families.has(name)) throw new Error(`line ${line}: ${name} declared twice`)
      families.set(name, { name, help: help.get(name) ?? '', type: rest as Family['type'], samples: [] })
      return
    }
    const m = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{(.*)\})? (\S+)( -?\d+)?$/.exec(raw)
    if (m === null) throw new Error(`line ${line}: not a sample: ${raw}`)
    const [, name, , labelText, valueText] = m as unknown as [string, string, string | undefined, string | undefined, string]
    const family = familyOf(name, families)
    if (family === undefined) throw new Error(`line ${line}: ${name} has no # TYPE before it`)
    const labels = labelText === undefined ? {} : parseLabels(labelText, line)
    const identity = `${name}${JSON.stringify(Object.entries(labels).sort())}`
    if (seen.has(identity)) throw new Error(`line ${line}: duplicate sample ${identity}`)
    seen.add(identity)
    family.samples.push({ name, labels, value: parseValue(valueText, line) })
  })
  for (const family of families.values()) if (family.type === 'histogram') checkHistogram(family)
  return families
}

/** Buckets never decrease, and the +Inf bucket equals the count, for every label set. */
function checkHistogram (family: Family): void {
  const series = new Map<string, { buckets: Array<[number, number]>, count?: number }>()
  for (const s of family.samples) {
    const { le, ...rest } = s.labels
    const key = JSON.stringify(Object.entries(rest).sort())
    const entry = series.get(key) ?? { buckets: [] }
    series.set(key, entry)
    if (s.name.endsWith('_bucket')) {
      if (le === undefined) throw new Error(`${family.name}: a bucket without le`)
      entry.buckets.push([parseValue(le, 0), s.value])
    } else if (s.name.endsWith('_count')) {
      entry.count = s.value
    }
  }
  for (const [key, { buckets, count }] of series) {
    buckets.sort((a, b) => a[0] - b[0])
    for (let i = 1; i < buckets.length; i++) {
      if (buckets[i]![1] < buckets[i - 1]![1]) throw new Error(`${family.name}${key}: buckets decrease`)
    }
    const inf = buckets.at(-1)
    if (inf === undefined || inf[0] !== Infinity) throw new Error(`${family.name}${key}: no +Inf bucket`)
    if (inf[1] !== count) throw new Error(`${family.name}${key}: +Inf bucket ${inf[1]} is not the count ${String(count)}`)
  }
}

/** The value of one series (labels given must match exactly those listed; others may differ), or 0 when absent. */
export function valueOf (families: Map<string, Family>, name: string, labels: Record<string, string> = {}): number {
  for (const family of families.values()) {
    for (const s of family.samples) {
      if (s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v)) return s.value
    }
  }
  return 0
}

/** The sum over every series of `name` whose labels include `labels`. */
export function sumOf (families: Map<string, Family>, name: string, labels: Record<string, string> = {}): number {
  let total = 0
  for (const family of families.values()) {
    for (const s of family.samples) {
      if (s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v)) total += s.value
    }
  }
  return total
}
