// The yardstick for IsCoolGPT's overhead: a bare Fastify server that makes the same three upstream calls
// with plain fetch, waits for them like `waitFor: "all"` does, and returns the first text. No SDKs,
// no validation schema, no deadline, no aggregation. Reads the same variables as the service.
import Fastify from 'fastify'
import { TUTOR_SYSTEM_PROMPT } from '../src/services/prompts.js'

const env = process.env
const required = (name: string): string => {
  const value = env[name]
  if (value === undefined || value === '') {
    process.stderr.write(`baseline: ${name} must be set\n`)
    process.exit(1)
  }
  return value
}

const openAiUrl = `${required('OPENAI_BASE_URL')}/chat/completions`
const openAiKey = required('OPENAI_API_KEY')
const openAiModel = env.OPENAI_MODEL ?? 'gpt-4o-mini'
const geminiModel = env.GEMINI_MODEL ?? 'gemini-2.5-flash'
const geminiUrl = `${required('GEMINI_BASE_URL')}/v1beta/models/${encodeURIComponent(geminiModel)}:generateContent`
const geminiKey = required('GEMINI_API_KEY')
const hfUrl = `${required('HF_BASE_URL')}/chat/completions`
const hfKey = required('HF_TOKEN')
const hfModel = env.HF_MODEL ?? 'openai/gpt-oss-20b'

interface ChatResponse { choices?: Array<{ message?: { content?: string | null } }> }
interface GeminiResponse { candidates?: Array<{ content?: { parts?: Array<{ text?: string }> } }> }

async function post<T> (url: string, headers: Record<string, string>, body: unknown): Promise<T> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) })
  if (!res.ok) {
    await res.arrayBuffer()
    throw new Error(`upstream ${res.status}`)
  }
  return await res.json() as T
}

const chatBody = (model: string, question: string): unknown => ({
  model,
  messages: [{ role: 'system', content: TUTOR_SYSTEM_PROMPT }, { role: 'user', content: question }]
})

async function openAi (question: string): Promise<string> {
  const data = await post<ChatResponse>(openAiUrl, { authorization: `Bearer ${openAiKey}` }, chatBody(openAiModel, question))
  return data.choices?.[0]?.message?.content ?? ''
}

async function gemini (question: string): Promise<string> {
  const data = await post<GeminiResponse>(geminiUrl, { 'x-goog-api-key': geminiKey }, {
    contents: [{ role: 'user', parts: [{ text: question }] }],
    systemInstruction: { parts: [{ text: TUTOR_SYSTEM_PROMPT }] }
  })
  return data.candidates?.[0]?.content?.parts?.map(p => p.text ?? '').join('') ?? ''
}

async function huggingFace (question: string): Promise<string> {
  const data = await post<ChatResponse>(hfUrl, { authorization: `Bearer ${hfKey}` }, chatBody(hfModel, question))
  return data.choices?.[0]?.message?.content ?? ''
}

async function timed (call: () => Promise<string>): Promise<{ text: string, ms: number }> {
  const started = performance.now()
  const text = await call()
  return { text, ms: performance.now() - started }
}

const app = Fastify({ logger: false })

app.post('/api/ask', async (request, reply) => {
  const started = performance.now()
  const { question } = request.body as { question: string }
  const results = await Promise.allSettled([
    timed(async () => await openAi(question)),
    timed(async () => await gemini(question)),
    timed(async () => await huggingFace(question))
  ])
  const answered = results.filter((r): r is PromiseFulfilledResult<{ text: string, ms: number }> => r.status === 'fulfilled')
  if (answered.length === 0) return await reply.code(502).send({ error: 'every upstream failed' })
  // Same figures the service reports, so the load generator measures both servers the same way.
  return { answer: answered[0]?.value.text, latencyMs: performance.now() - started, upstreamMs: answered.map(r => r.value.ms) }
})

await app.listen({ port: Number(env.PORT ?? 0), host: env.HOST ?? '127.0.0.1' })
if (process.send !== undefined) process.send({ type: 'ready' })
process.on('SIGTERM', () => { void app.close().then(() => process.exit(0)) })
