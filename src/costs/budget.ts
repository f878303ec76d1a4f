// maxCostUsd: which providers a question can afford, judged on what each call is expected to cost.
import type { ChatMessage, Provider } from '../providers/types.js'
import type { PriceTable } from './price-table.js'

/** Tokens a chat format adds per message (role markers, separators), as OpenAI's own counting guide reckons. */
const MESSAGE_OVERHEAD_TOKENS = 4

/**
 * Prompt tokens of these messages, estimated without a tokenizer: about four characters per token in
 * English and Portuguese prose. A budget check only needs the order of magnitude; the bill uses the real counts.
 */
export function estimatePromptTokens (messages: ChatMessage[]): number {
  return messages.reduce((sum, m) => sum + Math.ceil(m.content.length / 4) + MESSAGE_OVERHEAD_TOKENS, 0)
}

export interface OverBudget {
  provider: Provider
  expectedCostUsd: number
}

/** Splits the selected providers into those whose expected cost fits `maxCostUsd` and those left out. */
export function splitByBudget (providers: Provider[], prices: PriceTable, promptTokens: number, maxCostUsd: number): { affordable: Provider[], over: OverBudget[] } {
  const affordable: Provider[] = []
  const over: OverBudget[] = []
  for (const provider of providers) {
    const expectedCostUsd = prices.expectedCost(provider.kind, provider.model, promptTokens)
    if (expectedCostUsd > maxCostUsd) over.push({ provider, expectedCostUsd })
    else affordable.push(provider)
  }
  return { affordable, over }
}
