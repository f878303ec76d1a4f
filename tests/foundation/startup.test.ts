// What a newcomer sees when starting the real process: the .env it read, and one line for every configuration mistake.
import t, { type Test } from 'tap'
import { spawn } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { emptyWorkDir, serverEntry, startServer, waitForExit } from '../helper.js'

interface Run { code: number | null, stdout: string, stderr: string }

/** Runs the server entry in `cwd` with only `env` (and PATH) until it exits on its own. */
async function run (cwd: string, env: Record<string, string> = {}): Promise<Run> {
  const child = spawn(process.execPath, [serverEntry()], {
    cwd, env: { PATH: process.env.PATH, HOST: '127.0.0.1', PORT: '0', ...env }, stdio: ['ignore', 'pipe', 'pipe']
  })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', d => {
    stdout += String(d)
    // A configuration that is accepted starts a server: stop it (the test then fails on the exit code) rather than hang.
    if (/ ready at http/.test(stdout)) child.kill('SIGKILL')
  })
  child.stderr.on('data', d => { stderr += String(d) })
  return { code: await waitForExit(child), stdout, stderr }
}

/** Exit 1, exactly one line on stderr, no stack frame; nothing on stdout unless the app was built (and logged) first. */
function refusedWithOneLine (t: Test, res: Run, pattern: RegExp, built = false): void {
  t.equal(res.code, 1, 'exit code 1')
  if (!built) t.equal(res.stdout, '', 'nothing on stdout')
  else t.notMatch(res.stdout, /"err"|\bat .*\.(ts|js):\d+/, 'no error object or stack in the log either')
  const lines = res.stderr.trimEnd().split('\n')
  t.equal(lines.length, 1, `one line: ${res.stderr.trimEnd()}`)
  t.match(lines[0], pattern)
  t.notMatch(res.stderr, /\bat .*\.(ts|js|mjs):\d+|node:internal/, 'no stack trace')
}

t.test('.env in the working directory is read, the environment wins, and the start-up line names the file', async t => {
  const dir = emptyWorkDir(t)
  // PORT=1 would need root: the environment's PORT=0 must win for the server to start at all.
  writeFileSync(join(dir, '.env'), '# local settings\nPORT=1\nKNOWLEDGE=off\nLOG_FORMAT=json\nOLLAMA_MODEL=llama3.2\nOLLAMA_BASE_URL="http://127.0.0.1:9/v1"\n')
  const server = await startServer(t, {}, dir)
  const health = await fetch(`${server.url}/health`)
  t.equal(health.status, 200)
  const providers = await (await fetch(`${server.url}/api/providers`)).json() as { providers: Array<{ id: string }> }
  t.same(providers.providers.map(p => p.id), ['ollama'], 'OLLAMA_MODEL and KNOWLEDGE=off came from the file')
  const lines = server.output().split('\n').filter(Boolean).map(l => JSON.parse(l) as { msg: string })
  const ready = lines.find(l => l.msg.startsWith('IsCoolGPT '))
  t.ok(ready, 'a start-up line')
  t.match(ready?.msg, `settings from ${join(dir, '.env')} (4 set, 1 overridden by the environment)`)
  t.match(ready?.msg, /ready at http:\/\/127\.0\.0\.1:\d+ .*providers: ollama/)
  server.child.kill('SIGTERM')
  t.equal(await waitForExit(server.child), 0)
})

t.test('without .env the start-up line says the environment alone was used', async t => {
  const dir = emptyWorkDir(t)
  const server = await startServer(t, { KNOWLEDGE: 'on', LOG_FORMAT: 'json' }, dir)
  const ready = server.output().split('\n').filter(Boolean).map(l => JSON.parse(l) as { msg: string }).find(l => l.msg.startsWith('IsCoolGPT '))
  t.match(ready?.msg, `no .env in ${dir}, settings from the environment only`)
  t.match(ready?.msg, 'providers: knowledge', 'with no key, the course notes answer')
  server.child.kill('SIGTERM')
  await waitForExit(server.child)
})

t.test('every configuration mistake stops the start with one line naming what is wrong and what is expected', async t => {
  const dir = emptyWorkDir(t)
  const file = (name: string, text: string): string => { writeFileSync(join(dir, name), text); return join(dir, name) }
  const cases: Array<[string, Record<string, string>, RegExp]> = [
    ['a missing PROVIDERS_FILE', { PROVIDERS_FILE: '/nonexistent/providers.yaml' },
      /^Invalid configuration: PROVIDERS_FILE \/nonexistent\/providers\.yaml cannot be read \(no such file\); expected a JSON or YAML list of providers$/],
    ['a PROVIDERS_FILE that is a directory', { PROVIDERS_FILE: dir }, /^Invalid configuration: PROVIDERS_FILE .* cannot be read \(it is a directory\)/],
    ['invalid YAML', { PROVIDERS_FILE: file('broken.yaml', '- id: local\n  kind: [\n') }, /^Invalid configuration: PROVIDERS_FILE .*broken\.yaml is not valid YAML: .*; expected a list of providers$/],
    ['invalid JSON', { PROVIDERS_FILE: file('broken.json', '[{"id": "a",') }, /^Invalid configuration: PROVIDERS_FILE .*broken\.json is not valid JSON/],
    ['not a list', { PROVIDERS_FILE: file('map.yaml', 'id: local\n') }, /must hold a list of providers/],
    ['an unknown kind', { PROVIDERS_FILE: file('kind.yaml', '- id: local\n  kind: ollama\n  model: llama3.2\n') },
      /^Invalid configuration: PROVIDERS_FILE .*kind\.yaml: entry 1 \("local"\): kind must be one of openai, openai-compatible, gemini, huggingface \(got "ollama"; for Ollama use kind openai-compatible with baseUrl http:\/\/127\.0\.0\.1:11434\/v1\)$/],
    ['a missing field', { PROVIDERS_FILE: file('model.yaml', '- id: local\n  kind: openai-compatible\n  baseUrl: http://127.0.0.1:9/v1\n') }, /entry 1 \("local"\): model must be a model name \(got nothing\)$/],
    ['an unknown field', { PROVIDERS_FILE: file('field.json', '[{"id": "x", "kind": "openai", "model": "m", "apiKeyEnv": "K", "colour": "red"}]') },
      /entry 1 \("x"\): colour is not an accepted field \(accepted: id, kind, model, baseUrl, apiKeyEnv, weight, timeoutMs, enabled\)$/],
    ['an out-of-range weight', { PROVIDERS_FILE: file('weight.yaml', '- {id: g, kind: gemini, model: m, apiKeyEnv: K, weight: 20}\n') }, /entry 1 \("g"\): weight must be a number above 0 and at most 10 \(got 20\)$/],
    ['an entry that is not an object', { PROVIDERS_FILE: file('scalar.yaml', '- 42\n') }, /entry 1 must be an object with id, kind and model \(got 42\)$/],
    ['a bad variable', { RETRY_MAX_ATTEMPTS: 'many' }, /^Invalid configuration: RETRY_MAX_ATTEMPTS must be a whole number of attempts between 1 and 10 \(got "many"\)$/],
    ['a bad LOG_FORMAT', { LOG_FORMAT: 'xml' }, /^Invalid configuration: LOG_FORMAT must be auto \(pretty on a terminal, JSON otherwise\), pretty or json/]
  ]
  // Each case is its own short-lived process; three at a time.
  const results: Run[] = []
  for (let i = 0; i < cases.length; i += 3) results.push(...await Promise.all(cases.slice(i, i + 3).map(async ([, env]) => await run(dir, env))))
  cases.forEach(([what, , pattern], i) => {
    t.test(what, async t => { refusedWithOneLine(t, results[i]!, pattern) })
  })
})

t.test('a bad value from .env names the variable and the file', async t => {
  const dir = emptyWorkDir(t)
  writeFileSync(join(dir, '.env'), 'ASK_TIMEOUT_MS=soon\n')
  refusedWithOneLine(t, await run(dir), new RegExp(`^Invalid configuration: ASK_TIMEOUT_MS must be an integer number of milliseconds between 100 and 600000 \\(got "soon" from ${join(dir, '.env').replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}\\)$`))
})

t.test('a .env that exists but cannot be read is refused, not skipped', async t => {
  const dir = emptyWorkDir(t)
  mkdirSync(join(dir, '.env'))
  refusedWithOneLine(t, await run(dir), /^Invalid configuration: .*\.env cannot be read \(it is a directory\); expected a file of NAME=value lines, or no file at all$/)
})

t.test('a port in use is one line too', async t => {
  const first = await startServer(t, { KNOWLEDGE: 'off', LOG_FORMAT: 'json' })
  const port = new URL(first.url).port
  refusedWithOneLine(t, await run(emptyWorkDir(t), { PORT: port, KNOWLEDGE: 'off' }), new RegExp(`^Cannot listen on 127\\.0\\.0\\.1:${port}: the port is in use; set PORT to a free one$`), true)
  first.child.kill('SIGTERM')
  await waitForExit(first.child)
})

t.test('LOG_FORMAT=pretty: one short line per API request, none for the page, probes or metrics', async t => {
  const server = await startServer(t, { KNOWLEDGE: 'on', LOG_FORMAT: 'pretty', RATE_LIMIT_MAX: '0' })
  const before = server.output().length
  const page = await (await fetch(`${server.url}/`)).text()
  const asset = /href="(\/assets\/[^"]+\.css)"/.exec(page)?.[1] ?? '/assets/missing.css'
  for (const url of ['/health', '/ready', '/metrics', '/docs', '/docs/json', asset]) t.equal((await fetch(`${server.url}${url}`)).status, 200, `${url} answers`)
  const ask = await fetch(`${server.url}/api/ask`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ question: 'What is a Docker image?' }) })
  t.equal(ask.status, 200)
  t.equal((await fetch(`${server.url}/api/providers`)).status, 200)
  server.child.kill('SIGTERM')
  await waitForExit(server.child)
  const lines = server.output().slice(before).split('\n').filter(Boolean).filter(l => !/shutting down|closed|IsCoolGPT \S+ ready at|Server listening at/.test(l))
  t.equal(lines.length, 2, `two requests to the API, two lines:\n${lines.join('\n')}`)
  t.match(lines[0], /^\d\d:\d\d:\d\d INFO {2}POST \/api\/ask 200 ask answered \d+(\.\d)? ms · \w+ · confidence \d\.\d\d · cache miss · knowledge ok /)
  t.match(lines[1], /^\d\d:\d\d:\d\d INFO {2}GET \/api\/providers 200 \d+(\.\d)? ms$/)
  t.notMatch(server.output(), /\u001b\[/, 'no colour codes when the output is not a terminal')
})
