// US-dollar prices per million tokens, by model: the cost of a call from its usage, and what a call is expected to cost.
import type { Usage } from '../providers/types.js'

export interface ModelPrice {
  /** USD per million prompt (input) tokens. */
  input: number
  /** USD per million completion (output) tokens; reasoning tokens are billed as output. */
  output: number
  /**
   * Completion tokens a typical answer of this model takes, reasoning included: the basis of the expected
   * cost that `maxCostUsd` is compared with. DEFAULT_COMPLETION_TOKENS when unset.
   */
  typicalCompletionTokens?: number
}

/** A tutor answer is a few short paragraphs; models that think before answering get their own figure below. */
export const DEFAULT_COMPLETION_TOKENS = 400

/**
 * Shipped list prices of the default models (standard tier, checked when they were set; providers
 * change them — override with PRICES_FILE). Keys match the model name exactly, or its last path
 * segment (`openai/gpt-oss-20b` → `gpt-oss-20b`), or the name before a `:provider` suffix.
 */
export const DEFAULT_PRICES: Readonly<Record<string, ModelPrice>> = {
  'gpt-4o-mini': { input: 0.15, output: 0.60 },
  'gpt-4o': { input: 2.50, output: 10.00 },
  'gpt-4.1-mini': { input: 0.40, output: 1.60 },
  'gpt-4.1-nano': { input: 0.10, output: 0.40 },
  'gpt-5-mini': { input: 0.25, output: 2.00, typicalCompletionTokens: 1500 },
  'gemini-2.5-flash': { input: 0.30, output: 2.50, typicalCompletionTokens: 1200 },
  'gemini-2.5-flash-lite': { input: 0.10, output: 0.40 },
  'gemini-2.5-pro': { input: 1.25, output: 10.00, typicalCompletionTokens: 2000 },
  'gpt-oss-20b': { input: 0.05, output: 0.20, typicalCompletionTokens: 800 },
  'gpt-oss-120b': { input: 0.10, output: 0.50, typicalCompletionTokens: 800 },
  'course-notes': { input: 0, output: 0 }
}

const round = (usd: number): number => Math.round(usd * 1e9) / 1e9

export class PriceTable {
  private readonly prices: Map<string, ModelPrice>

  constructor (prices: Record<string, ModelPrice> = DEFAULT_PRICES, private readonly freeKinds: ReadonlySet<string> = new Set(['knowledge'])) {
    this.prices = new Map(Object.entries(prices))
  }

  /** The price of a model, or undefined when the table does not know it. */
  priceOf (model: string): ModelPrice | undefined {
    return this.prices.get(model) ?? this.prices.get(model.split('/').pop() ?? model) ?? this.prices.get(model.split(':')[0] ?? model) ??
      this.prices.get((model.split('/').pop() ?? model).split(':')[0] ?? model)
  }

  /** Whether calls of this kind and model have a price (self-hosted kinds are free, hence priced). */
  isPriced (kind: string, model: string): boolean {
    return this.freeKinds.has(kind) || this.priceOf(model) !== undefined
  }

  /** Cost of one call in USD; 0 for self-hosted kinds and unknown models (which are reported as unpriced at start). */
  cost (kind: string, model: string, usage: Usage | null): number {
    if (usage === null || this.freeKinds.has(kind)) return 0
    const price = this.priceOf(model)
    if (price === undefined) return 0
    return round((usage.promptTokens * price.input + usage.completionTokens * price.output) / 1e6)
  }

  /** What one call is expected to cost: the prompt as estimated plus a typical answer of the model; 0 when unpriced. */
  expectedCost (kind: string, model: string, promptTokens: number): number {
    if (this.freeKinds.has(kind)) return 0
    const price = this.priceOf(model)
    if (price === undefined) return 0
    return this.cost(kind, model, { promptTokens, completionTokens: price.typicalCompletionTokens ?? DEFAULT_COMPLETION_TOKENS })
  }
}
