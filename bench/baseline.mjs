// The yardstick for IsCoolGPT's cost: a bare `node:http` server that makes the same upstream calls with plain
// fetch and nothing else (no framework, no SDK, no validation, no deadline, no aggregation). Plain JavaScript,
// run by `node` directly, so its start-up and memory are Node's own plus a few kilobytes.
//
//   POST /api/ask              {question, providers?}: the providers' calls at once (all three unless
//                              `providers` names some), waits for all, returns the first text
//   POST /v1/chat/completions  one call to the OpenAI upstream with the caller's messages, its reply relayed
//   GET  /health               200
//
// Reads the same variables as the service (OPENAI_BASE_URL, GEMINI_BASE_URL, HF_BASE_URL, their keys, PORT, HOST),
// and BENCH_SYSTEM_PROMPT.
import http from 'node:http'

const env = process.env
const required = (name) => {
  const value = env[name]
  if (value === undefined || value === '') {
    process.stderr.write(`baseline: ${name} must be set\n`)
    process.exit(1)
  }
  return value
}

// The service's system prompt (the runner passes src/services/prompts.ts's), so every upstream call carries the same bytes.
const SYSTEM_PROMPT = required('BENCH_SYSTEM_PROMPT')

const openAiUrl = `${required('OPENAI_BASE_URL')}/chat/completions`
const openAiKey = required('OPENAI_API_KEY')
const openAiModel = env.OPENAI_MODEL ?? 'gpt-4o-mini'
const geminiModel = env.GEMINI_MODEL ?? 'gemini-2.5-flash'
const geminiUrl = `${required('GEMINI_BASE_URL')}/v1beta/models/${encodeURIComponent(geminiModel)}:generateContent`
const geminiKey = required('GEMINI_API_KEY')
const hfUrl = `${required('HF_BASE_URL')}/chat/completions`
const hfKey = required('HF_TOKEN')
const hfModel = env.HF_MODEL ?? 'openai/gpt-oss-20b'

async function post (url, headers, body) {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) })
  if (!res.ok) {
    await res.arrayBuffer()
    throw new Error(`upstream ${res.status}`)
  }
  return await res.json()
}

const chatBody = (model, messages) => ({ model, messages: [{ role: 'system', content: SYSTEM_PROMPT }, ...messages] })

const CALLS = {
  openai: async question => (await post(openAiUrl, { authorization: `Bearer ${openAiKey}` }, chatBody(openAiModel, [{ role: 'user', content: question }])))
    .choices?.[0]?.message?.content ?? '',
  gemini: async question => (await post(geminiUrl, { 'x-goog-api-key': geminiKey }, {
    contents: [{ role: 'user', parts: [{ text: question }] }],
    systemInstruction: { parts: [{ text: SYSTEM_PROMPT }] }
  })).candidates?.[0]?.content?.parts?.map(p => p.text ?? '').join('') ?? '',
  huggingface: async question => (await post(hfUrl, { authorization: `Bearer ${hfKey}` }, chatBody(hfModel, [{ role: 'user', content: question }])))
    .choices?.[0]?.message?.content ?? ''
}
const ALL = Object.keys(CALLS)

async function timed (call, question) {
  const started = performance.now()
  const text = await call(question)
  return { text, ms: performance.now() - started }
}

function send (res, status, body) {
  const text = JSON.stringify(body)
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) })
  res.end(text)
}

async function ask (body) {
  const started = performance.now()
  const ids = Array.isArray(body.providers) ? body.providers.filter(id => id in CALLS) : ALL
  const results = await Promise.allSettled(ids.map(id => timed(CALLS[id], body.question)))
  const answered = results.filter(r => r.status === 'fulfilled')
  if (answered.length === 0) return [502, { error: 'every upstream failed' }]
  // Same figures the service reports, so the load generator measures both servers the same way.
  return [200, { answer: answered[0].value.text, latencyMs: performance.now() - started, upstreamMs: answered.map(r => r.value.ms) }]
}

async function chatCompletion (body) {
  const messages = Array.isArray(body.messages) ? body.messages : []
  return [200, await post(openAiUrl, { authorization: `Bearer ${openAiKey}` }, chatBody(openAiModel, messages))]
}

const ROUTES = { 'POST /api/ask': ask, 'POST /v1/chat/completions': chatCompletion }

const server = http.createServer((req, res) => {
  if (req.method === 'GET' && req.url === '/health') return send(res, 200, { status: 'ok' })
  const route = ROUTES[`${req.method} ${req.url}`]
  if (route === undefined) return send(res, 404, { error: 'not found' })
  const chunks = []
  req.on('data', chunk => chunks.push(chunk))
  req.on('end', () => {
    let body
    try {
      body = JSON.parse(Buffer.concat(chunks).toString('utf8'))
    } catch {
      return send(res, 400, { error: 'body is not JSON' })
    }
    route(body).then(([status, answer]) => send(res, status, answer), () => send(res, 502, { error: 'upstream failed' }))
  })
})
server.keepAliveTimeout = 65_000
server.listen(Number(env.PORT ?? 0), env.HOST ?? '127.0.0.1')
process.on('SIGTERM', () => server.close(() => process.exit(0)))
