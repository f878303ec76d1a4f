// Numbers in query strings and path parameters are text: Ajv's coercion reads `Infinity`, `1e400`, `0x10`
// and ` 5` as numbers (the first two as an infinity that slips past `maximum`). Only plain finite decimals
// get to the schema's own checks; anything else is a 400 naming the field.

interface AjvLikeIssue {
  instancePath: string
  keyword: string
  message: string
  params: Record<string, unknown>
}

type Validate = ((data: unknown) => unknown) & { errors?: unknown }

const INTEGER = /^[+-]?\d{1,16}$/
const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d{1,3})?$/

interface SchemaLike {
  $ref?: string
  type?: string | string[]
  properties?: Record<string, SchemaLike>
  anyOf?: SchemaLike[]
}

function numericKind (schema: SchemaLike | undefined, resolve: (id: string) => SchemaLike | undefined): 'integer' | 'number' | undefined {
  const s = schema?.$ref !== undefined ? resolve(schema.$ref) : schema
  if (s === undefined) return undefined
  const types = Array.isArray(s.type) ? s.type : s.type === undefined ? [] : [s.type]
  if (types.includes('integer')) return 'integer'
  if (types.includes('number')) return 'number'
  return undefined
}

/** Wraps a compiled validator of a query string or path parameters so numeric fields must be plain finite decimals. */
export function strictNumbers (schema: unknown, validate: Validate, resolve: (id: string) => SchemaLike | undefined): Validate {
  const root = (schema as SchemaLike | undefined)?.$ref !== undefined ? resolve((schema as SchemaLike).$ref!) : schema as SchemaLike | undefined
  const fields = Object.entries(root?.properties ?? {})
    .map(([name, sub]) => [name, numericKind(sub, resolve)] as const)
    .filter((f): f is readonly [string, 'integer' | 'number'] => f[1] !== undefined)
  if (fields.length === 0) return validate

  const checked: Validate = (data: unknown) => {
    const issues: AjvLikeIssue[] = []
    const record = typeof data === 'object' && data !== null ? data as Record<string, unknown> : {}
    for (const [name, kind] of fields) {
      const value = record[name]
      if (value === undefined) continue
      for (const item of Array.isArray(value) ? value : [value]) {
        const text = typeof item === 'string' ? item : typeof item === 'number' ? String(item) : undefined
        if (text === undefined) continue
        const plain = (kind === 'integer' ? INTEGER : NUMBER).test(text) && Number.isFinite(Number(text))
        if (!plain) {
          issues.push({ instancePath: `/${name}`, keyword: 'type', params: { type: kind }, message: kind === 'integer' ? 'must be a whole number written in decimal digits' : 'must be a finite decimal number' })
          break
        }
      }
    }
    if (issues.length > 0) {
      checked.errors = issues
      return false
    }
    const result = validate(data)
    checked.errors = validate.errors
    return result
  }
  return checked
}
