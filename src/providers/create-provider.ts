import { GeminiProvider } from './gemini.js'
import { HuggingFaceProvider } from './huggingface.js'
import { unknownKindError } from './load-providers.js'
import { OpenAIProvider } from './openai.js'
import type { Provider, ProviderSpec } from './types.js'

/**
 * Builds the adapter for one remote provider; throws an Error naming the provider when the spec cannot work.
 * Importing this module loads every SDK; the app uses `loadProviders`, which loads only the configured ones.
 */
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
      throw unknownKindError(spec)
  }
}
