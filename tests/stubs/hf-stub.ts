// A local Hugging Face router: @huggingface/inference with `endpointUrl` = `<stub>/v1` posts to `/v1/chat/completions`
// in the OpenAI protocol; errors come back the way the router words them (a model still loading is a 503 with a string).
import { openAIErrorBody, openAIProtocol } from './openai-stub.js'
import { faultPresets, startStubServer, type StubServer } from './stub-server.js'

export type { Behaviour, RecordedRequest, StubServer } from './stub-server.js'

export const HF_STUB_MODEL = 'openai/gpt-oss-20b'

export function hfErrorBody (status: number, message: string): unknown {
  return status === 503 ? { error: message, estimated_time: 20 } : openAIErrorBody(status, message)
}

export async function startHFStub (): Promise<StubServer> {
  return await startStubServer(openAIProtocol({
    defaultModel: HF_STUB_MODEL,
    errorBody: hfErrorBody,
    presets: faultPresets({
      rateLimited: { type: 'error', status: 429, body: openAIErrorBody(429, 'You have exceeded your monthly included credits for Inference Providers.'), headers: { 'retry-after': '2' } },
      rateLimitedMs: { type: 'error', status: 429, body: openAIErrorBody(429, 'Too many requests'), headers: { 'retry-after-ms': '1500' } },
      serverError: { type: 'error', status: 500, body: openAIErrorBody(500, 'Internal server error') },
      unavailable: { type: 'error', status: 503, body: hfErrorBody(503, `Model ${HF_STUB_MODEL} is currently loading`) },
      contextLength: {
        type: 'error',
        status: 400,
        body: openAIErrorBody(400, 'Input validation error: `inputs` tokens + `max_new_tokens` must be <= 131072. Given: 140000 `inputs` tokens and 512 `max_new_tokens`: too many tokens for the context length', 'context_length_exceeded')
      },
      contentFilter: {
        type: 'error',
        status: 400,
        body: openAIErrorBody(400, 'The request was rejected by the provider content policy.', 'content_policy_violation')
      }
    })
  }))
}
