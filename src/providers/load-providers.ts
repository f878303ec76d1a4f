// The adapters for a list of specs, each adapter module (and so its SDK) imported only when a spec of its kind is configured.
import type { Provider, ProviderSpec } from './types.js'

type AdapterClass = new (spec: ProviderSpec) => Provider

// Each SDK takes 100-150 ms to import: a service with only Gemini configured should not pay for the other two.
const ADAPTERS: Record<ProviderSpec['kind'], () => Promise<AdapterClass>> = {
  openai: async () => (await import('./openai.js')).OpenAIProvider,
  'openai-compatible': async () => (await import('./openai.js')).OpenAIProvider,
  gemini: async () => (await import('./gemini.js')).GeminiProvider,
  huggingface: async () => (await import('./huggingface.js')).HuggingFaceProvider
}

/** The error for a spec whose kind no adapter handles. */
export function unknownKindError (spec: ProviderSpec): Error {
  return new Error(`provider "${(spec as { id?: string }).id ?? '?'}": unknown kind ${String((spec as { kind?: unknown }).kind)}`)
}

/** Builds the adapters in order; rejects with an Error naming the provider when a spec cannot work. */
export async function loadProviders (specs: readonly ProviderSpec[]): Promise<Provider[]> {
  const kinds = [...new Set(specs.map(spec => spec.kind))]
  const classes = new Map<string, AdapterClass>()
  await Promise.all(kinds.map(async kind => {
    const load = Object.hasOwn(ADAPTERS, kind) ? ADAPTERS[kind] : undefined
    if (load !== undefined) classes.set(kind, await load())
  }))
  return specs.map(spec => {
    const Adapter = classes.get(spec.kind)
    if (Adapter === undefined) throw unknownKindError(spec)
    return new Adapter(spec)
  })
}
