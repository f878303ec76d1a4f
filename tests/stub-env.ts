// Starts the three provider stubs and gives the environment that points the app at them.
import { startGeminiStub } from './stubs/gemini-stub.js'
import { startHFStub } from './stubs/hf-stub.js'
import { startOpenAIStub } from './stubs/openai-stub.js'
import type { StubServer } from './stubs/stub-server.js'

export const KEYS = {
  openai: 'sk-test-openai-0123456789',
  gemini: 'gm-test-gemini-0123456789',
  hf: 'hf_test_token_0123456789'
}

export interface Stubs {
  openai: StubServer
  gemini: StubServer
  hf: StubServer
  env: Record<string, string>
}

export async function startStubs (t: { teardown: (fn: () => unknown) => void }): Promise<Stubs> {
  const [openai, gemini, hf] = await Promise.all([startOpenAIStub(), startGeminiStub(), startHFStub()])
  t.teardown(async () => await Promise.all([openai.close(), gemini.close(), hf.close()]))
  return {
    openai,
    gemini,
    hf,
    env: {
      OPENAI_API_KEY: KEYS.openai,
      OPENAI_BASE_URL: openai.baseUrl,
      GEMINI_API_KEY: KEYS.gemini,
      GEMINI_BASE_URL: gemini.baseUrl,
      HF_TOKEN: KEYS.hf,
      HF_BASE_URL: hf.baseUrl
    }
  }
}
