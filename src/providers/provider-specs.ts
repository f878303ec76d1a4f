// Which remote providers the configuration describes: the vendor variables plus PROVIDERS_FILE.
import { readFileSync } from 'node:fs'
import { Type, type Static } from '@sinclair/typebox'
import { Value } from '@sinclair/typebox/value'
import { parse as parseYaml } from 'yaml'
import type { Config } from '../config.js'
import type { ProviderSpec } from './types.js'

const ProviderFileEntrySchema = Type.Object({
  id: Type.String({ pattern: '^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$' }),
  kind: Type.Union([Type.Literal('openai'), Type.Literal('openai-compatible'), Type.Literal('gemini'), Type.Literal('huggingface')]),
  model: Type.String({ minLength: 1 }),
  baseUrl: Type.Optional(Type.String({ pattern: '^https?://[^\\s]+$' })),
  apiKeyEnv: Type.Optional(Type.String({ pattern: '^[A-Za-z_][A-Za-z0-9_]*$' })),
  weight: Type.Optional(Type.Number({ exclusiveMinimum: 0, maximum: 10 })),
  timeoutMs: Type.Optional(Type.Integer({ minimum: 100, maximum: 600000 })),
  enabled: Type.Optional(Type.Boolean())
}, { additionalProperties: false })

type ProviderFileEntry = Static<typeof ProviderFileEntrySchema>

/** A start-up error about the providers: one line naming the file and the entry. */
export class ProviderConfigError extends Error {
  constructor (message: string) {
    super(message)
    this.name = 'ProviderConfigError'
  }
}

function describeEntryError (entry: unknown, index: number, file: string): string | undefined {
  const first = Value.Errors(ProviderFileEntrySchema, entry).First()
  if (first === undefined) return undefined
  const id = typeof (entry as { id?: unknown })?.id === 'string' ? ` ("${(entry as { id: string }).id}")` : ''
  const where = first.path === '' ? 'the entry' : first.path.slice(1)
  const what = first.message === 'Unexpected property' ? 'is not an accepted field' : first.message.toLowerCase()
  return `${file}: entry ${index + 1}${id}: ${where} ${what}`
}

/** Reads PROVIDERS_FILE (JSON or YAML list). Keys are read from the variables the entries name. */
export function readProvidersFile (file: string, env: NodeJS.ProcessEnv): ProviderSpec[] {
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch (err) {
    throw new ProviderConfigError(`PROVIDERS_FILE ${file} cannot be read: ${(err as NodeJS.ErrnoException).code ?? String(err)}`)
  }
  let data: unknown
  try {
    data = file.endsWith('.json') ? JSON.parse(text) : parseYaml(text)
  } catch (err) {
    throw new ProviderConfigError(`PROVIDERS_FILE ${file} is not valid ${file.endsWith('.json') ? 'JSON' : 'YAML'}: ${(err as Error).message.split('\n')[0] ?? ''}`)
  }
  const list = (data !== null && typeof data === 'object' && !Array.isArray(data) && Array.isArray((data as { providers?: unknown }).providers))
    ? (data as { providers: unknown[] }).providers
    : data
  if (!Array.isArray(list)) throw new ProviderConfigError(`PROVIDERS_FILE ${file} must hold a list of providers (or {providers: [...]})`)
  const specs: ProviderSpec[] = []
  list.forEach((entry, index) => {
    const problem = describeEntryError(entry, index, file)
    if (problem !== undefined) throw new ProviderConfigError(problem)
    const e = entry as ProviderFileEntry
    if (e.enabled === false) return
    const apiKey = e.apiKeyEnv !== undefined ? env[e.apiKeyEnv]?.trim() : undefined
    if (e.apiKeyEnv !== undefined && (apiKey === undefined || apiKey === '')) return // enabled only when its key is set
    if (e.kind === 'openai-compatible' && e.baseUrl === undefined) throw new ProviderConfigError(`${file}: entry ${index + 1} ("${e.id}"): an openai-compatible provider needs baseUrl`)
    if (e.kind !== 'openai-compatible' && e.apiKeyEnv === undefined) throw new ProviderConfigError(`${file}: entry ${index + 1} ("${e.id}"): kind ${e.kind} needs apiKeyEnv naming the variable that holds its key`)
    specs.push({ id: e.id, kind: e.kind, model: e.model, baseUrl: e.baseUrl, apiKey: apiKey ?? undefined, weight: e.weight, timeoutMs: e.timeoutMs })
  })
  return specs
}

/** Every remote provider the configuration enables, with unique ids. */
export function providerSpecs (config: Config): ProviderSpec[] {
  const specs: ProviderSpec[] = []
  if (config.openai.apiKey !== undefined) specs.push({ id: 'openai', kind: 'openai', model: config.openai.model, baseUrl: config.openai.baseUrl, apiKey: config.openai.apiKey })
  if (config.gemini.apiKey !== undefined) specs.push({ id: 'gemini', kind: 'gemini', model: config.gemini.model, baseUrl: config.gemini.baseUrl, apiKey: config.gemini.apiKey })
  if (config.huggingface.apiKey !== undefined) specs.push({ id: 'huggingface', kind: 'huggingface', model: config.huggingface.model, baseUrl: config.huggingface.baseUrl, apiKey: config.huggingface.apiKey })
  if (config.ollama.model !== undefined) specs.push({ id: 'ollama', kind: 'openai-compatible', model: config.ollama.model, baseUrl: config.ollama.baseUrl })
  specs.push(...config.fileProviders)

  for (const spec of specs) spec.maxAnswerChars = config.maxAnswerChars

  const seen = new Set<string>(['knowledge'])
  for (const spec of specs) {
    if (seen.has(spec.id)) throw new ProviderConfigError(`provider id "${spec.id}" is used twice${config.providersFile !== undefined ? ` (check ${config.providersFile})` : ''}`)
    seen.add(spec.id)
  }
  return specs
}
