import t from 'tap'
import { spawnSync } from 'node:child_process'
import { ConfigError, configSecrets, loadConfig } from '../../src/config.js'
import { emptyWorkDir, serverEntry } from '../helper.js'

t.test('defaults with an empty environment', async t => {
  const c = loadConfig({})
  t.equal(c.port, 8080)
  t.equal(c.host, '0.0.0.0')
  t.equal(c.huggingface.model, 'openai/gpt-oss-20b')
  t.equal(c.ollama.baseUrl, 'http://127.0.0.1:11434/v1')
  t.equal(c.defaultStrategy, 'auto')
  t.equal(c.knowledge, true)
  t.equal(c.grounding, false)
  t.equal(c.bodyLimitBytes, 65536)
  t.same(c.apiKeys, [])
  t.equal(c.shutdownGraceMs, 10000)
})

t.test('aliases, lists and switches', async t => {
  const c = loadConfig({ GOOGLE_API_KEY: 'g-key', HF_API_KEY: 'hf-key', API_KEYS: 'alice:alice-secret-1, bob-secret-22', KNOWLEDGE: 'off', CORS_ORIGINS: 'https://a.example, https://b.example', PORT: '3000' })
  t.equal(c.gemini.apiKey, 'g-key')
  t.equal(c.huggingface.apiKey, 'hf-key')
  t.same(c.apiKeys, [{ name: 'alice', key: 'alice-secret-1' }, { name: 'client-2', key: 'bob-secret-22' }])
  t.equal(c.knowledge, false)
  t.same(c.corsOrigins, ['https://a.example', 'https://b.example'])
  t.equal(c.port, 3000)
  t.same(configSecrets(c).sort(), ['alice-secret-1', 'bob-secret-22', 'g-key', 'hf-key'])
  t.equal(loadConfig({ HF_TOKEN: 'first', HF_API_KEY: 'second' }).huggingface.apiKey, 'first')
  t.equal(loadConfig({ OPENAI_API_KEY: '  ' }).openai.apiKey, undefined, 'blank counts as unset')
})

t.test('bad values name the variable and what it expects', async t => {
  const cases: Array<[Record<string, string>, string, RegExp]> = [
    [{ PORT: 'abc' }, 'PORT', /integer port/],
    [{ PORT: '70000' }, 'PORT', /integer port/],
    [{ ASK_TIMEOUT_MS: '-1' }, 'ASK_TIMEOUT_MS', /milliseconds/],
    [{ DEFAULT_STRATEGY: 'magic' }, 'DEFAULT_STRATEGY', /one of auto, vote/],
    [{ OPENAI_BASE_URL: 'not a url' }, 'OPENAI_BASE_URL', /URL/],
    [{ KNOWLEDGE: 'maybe' }, 'KNOWLEDGE', /on or off/],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL', /one of fatal/],
    [{ REDIS_URL: 'http://x' }, 'REDIS_URL', /redis:\/\//],
    [{ API_KEYS: 'alice:short' }, 'API_KEYS', /at least 8/]
  ]
  for (const [env, variable, expects] of cases) {
    const err = t.throws(() => loadConfig(env)) as unknown
    t.ok(err instanceof ConfigError, `${variable} throws ConfigError`)
    t.equal((err as ConfigError).variable, variable)
    t.match((err as ConfigError).message, expects)
  }
})

t.test('the real process refuses a bad value with one line and exit code 1', async t => {
  for (const [name, value] of [['PORT', 'abc'], ['ASK_TIMEOUT_MS', '-1']] as const) {
    const res = spawnSync(process.execPath, [serverEntry()], {
      cwd: emptyWorkDir(t), env: { PATH: process.env.PATH, [name]: value }, encoding: 'utf8', timeout: 30000
    })
    t.equal(res.status, 1, `${name}=${value} exits 1`)
    const lines = res.stderr.trim().split('\n')
    t.equal(lines.length, 1, 'one line')
    t.match(lines[0], new RegExp(`^Invalid configuration: ${name} must be`))
    t.notMatch(res.stderr, /\bat .*\.(ts|js):\d+/, 'no stack trace')
    t.equal(res.stdout, '')
  }
})
