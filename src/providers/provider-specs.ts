// Which remote providers the configuration describes: the vendor variables plus PROVIDERS_FILE.
import { readFileSync } from 'node:fs'
import { Type, type Static } from '@sinclair/typebox'
import { Value } from '@sinclair/typebox/value'
import { parse as parseYaml } from 'yaml'
import type { Config } from '../config.js'
import type { ProviderSpec } from './types.js'

/** The kinds an entry can name; Ollama, vLLM, Groq and OpenRouter are `openai-compatible` with their `baseUrl`. */
export const PROVIDER_KINDS = ['openai', 'openai-compatible', 'gemini', 'huggingface'] as const

const ProviderFileEntrySchema = Type.Object({
  id: Type.String({ pattern: '^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$', expects: 'a name of letters, digits, ".", "_" or "-" (at most 64)' }),
  kind: Type.Union(PROVIDER_KINDS.map(k => Type.Literal(k)), { expects: `one of ${PROVIDER_KINDS.join(', ')}` }),
  model: Type.String({ minLength: 1, expects: 'a model name' }),
  baseUrl: Type.Optional(Type.String({ pattern: '^https?://[^\\s]+$', expects: 'an http(s) URL' })),
  apiKeyEnv: Type.Optional(Type.String({ pattern: '^[A-Za-z_][A-Za-z0-9_]*$', expects: 'the name of the environment variable holding the key' })),
  weight: Type.Optional(Type.Number({ exclusiveMinimum: 0, maximum: 10, expects: 'a number above 0 and at most 10' })),
  timeoutMs: Type.Optional(Type.Integer({ minimum: 100, maximum: 600000, expects: 'an integer number of milliseconds between 100 and 600000' })),
  enabled: Type.Optional(Type.Boolean({ expects: 'true or false' }))
}, { additionalProperties: false })

type ProviderFileEntry = Static<typeof ProviderFileEntrySchema>

/** A start-up error about the providers: one line naming the file and the entry. */
export class ProviderConfigError extends Error {
  constructor (message: string) {
    super(message)
    this.name = 'ProviderConfigError'
  }
}

const FIELDS = Object.keys(ProviderFileEntrySchema.properties)

/** What a kind that is not one of ours most likely meant. */
const KIND_HINTS: Record<string, string> = {
  ollama: 'for Ollama use kind openai-compatible with baseUrl http://127.0.0.1:11434/v1',
  vllm: 'for vLLM use kind openai-compatible with its /v1 baseUrl',
  groq: 'for Groq use kind openai-compatible with baseUrl https://api.groq.com/openai/v1',
  openrouter: 'for OpenRouter use kind openai-compatible with baseUrl https://openrouter.ai/api/v1',
  google: 'Google\'s models are kind gemini',
  hf: 'Hugging Face is kind huggingface'
}

const shown = (value: unknown): string => value === undefined ? 'nothing' : JSON.stringify(value) ?? String(value)

function describeEntryError (entry: unknown, index: number, file: string): string | undefined {
  const first = Value.Errors(ProviderFileEntrySchema, entry).First()
  if (first === undefined) return undefined
  const id = typeof (entry as { id?: unknown })?.id === 'string' ? ` ("${(entry as { id: string }).id}")` : ''
  const where = `PROVIDERS_FILE ${file}: entry ${index + 1}${id}`
  if (entry === null || typeof entry !== 'object' || Array.isArray(entry)) {
    return `${where} must be an object with id, kind and model (got ${shown(entry)})`
  }
  const field = first.path.slice(1).split('/')[0] ?? ''
  if (first.message === 'Unexpected property') return `${where}: ${field} is not an accepted field (accepted: ${FIELDS.join(', ')})`
  const schema = (ProviderFileEntrySchema.properties as Record<string, { expects?: string }>)[field]
  const value = (entry as Record<string, unknown>)[field]
  if (field === '' || schema === undefined) return `${where}: ${first.message.toLowerCase()}`
  const hint = field === 'kind' && typeof value === 'string' ? KIND_HINTS[value.toLowerCase()] : undefined
  return `${where}: ${field} must be ${schema.expects ?? first.message.toLowerCase()} (got ${shown(value)}${hint === undefined ? '' : `; ${hint}`})`
}

/** Reads PROVIDERS_FILE (JSON or YAML list). Keys are read from the variables the entries name. */
export function readProvidersFile (file: string, env: NodeJS.ProcessEnv): ProviderSpec[] {
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code
    const reason = code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : code === 'EISDIR' ? 'it is a directory' : code ?? String(err)
    throw new ProviderConfigError(`PROVIDERS_FILE ${file} cannot be read (${reason}); expected a JSON or YAML list of providers`)
  }
  let data: unknown
  try {
    data = file.endsWith('.json') ? JSON.parse(text) : parseYaml(text)
  } catch (err) {
    throw new ProviderConfigError(`PROVIDERS_FILE ${file} is not valid ${file.endsWith('.json') ? 'JSON' : 'YAML'}: ${(err as Error).message.split('\n')[0]?.replace(/:$/, '') ?? ''}; expected a list of providers`)
  }
  const list = (data !== null && typeof data === 'object' && !Array.isArray(data) && Array.isArray((data as { providers?: unknown }).providers))
    ? (data as { providers: unknown[] }).providers
    : data
  if (!Array.isArray(list)) throw new ProviderConfigError(`PROVIDERS_FILE ${file} must hold a list of providers (or {providers: [...]}), each {id, kind, model, ...}`)
  const specs: ProviderSpec[] = []
  list.forEach((entry, index) => {
    const problem = describeEntryError(entry, index, file)
    if (problem !== undefined) throw new ProviderConfigError(problem)
    const e = entry as ProviderFileEntry
    if (e.enabled === false) return
    const apiKey = e.apiKeyEnv !== undefined ? env[e.apiKeyEnv]?.trim() : undefined
    if (e.apiKeyEnv !== undefined && (apiKey === undefined || apiKey === '')) return // enabled only when its key is set
    if (e.kind === 'openai-compatible' && e.baseUrl === undefined) throw new ProviderConfigError(`PROVIDERS_FILE ${file}: entry ${index + 1} ("${e.id}"): an openai-compatible provider needs baseUrl, an http(s) URL ending in /v1`)
    if (e.kind !== 'openai-compatible' && e.apiKeyEnv === undefined) throw new ProviderConfigError(`PROVIDERS_FILE ${file}: entry ${index + 1} ("${e.id}"): kind ${e.kind} needs apiKeyEnv, the name of the environment variable holding its key`)
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
