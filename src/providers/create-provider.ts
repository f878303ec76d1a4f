import { GeminiProvider } from './gemini.js'
import { HuggingFaceProvider } from './huggingface.js'
import { OpenAIProvider } from './openai.js'
import type { Provider, ProviderSpec } from './types.js'

/** Builds the adapter for one remote provider; throws an Error naming the provider when the spec cannot work. */
export function createProvider (spec: ProviderSpec): Provider {
  switch (spec.kind) {
    case 'openai':
    case 'openai-compatible':
      return new OpenAIProvider(spec)
    case 'gemini':
      return new GeminiProvider(spec)
    case 'huggingface':
      return new HuggingFaceProvider(spec)
    default:
      throw new Error(`provider "${(spec as { id?: string }).id ?? '?'}": unknown kind ${String((spec as { kind?: unknown }).kind)}`)
  }
}
