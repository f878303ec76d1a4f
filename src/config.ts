// Environment → typed, validated configuration. The only place that knows variable names.
import { Type, type Static, type TSchema, type TInteger, type TString, type TOptional } from '@sinclair/typebox'
import { Value } from '@sinclair/typebox/value'
import { isIP } from 'node:net'
import { STRATEGIES, type Strategy } from './aggregator/types.js'
import { readProvidersFile } from './providers/provider-specs.js'
import type { ProviderSpec } from './providers/types.js'
import type { ResilienceSettings } from './fanout/types.js'

const Int = (min: number, max: number, def: number | undefined, expects: string): TInteger =>
  Type.Integer({ minimum: min, maximum: max, default: def, expects })
const Str = (def: string | undefined, expects = 'a string'): TString => Type.String({ default: def, expects })
const OptStr = (expects = 'a string'): TOptional<TString> => Type.Optional(Type.String({ minLength: 1, expects }))
const Url = (expects: string): TOptional<TString> => Type.Optional(Type.String({ pattern: '^https?://[^\\s]+$', expects }))
const Switch = (def: 'on' | 'off', expects = 'on or off') =>
  Type.Union([Type.Literal('on'), Type.Literal('off'), Type.Literal('true'), Type.Literal('false'), Type.Literal('1'), Type.Literal('0')], { default: def, expects })

/** Every variable the service reads, with its default and what a valid value looks like. */
const EnvSchema = Type.Object({
  PORT: Int(0, 65535, 8080, 'an integer port between 0 and 65535'),
  HOST: Str('0.0.0.0', 'a host name or IP address to listen on'),
  LOG_LEVEL: Type.Union((['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const).map(l => Type.Literal(l)), { default: 'info', expects: 'one of fatal, error, warn, info, debug, trace, silent' }),
  LOG_QUESTIONS: Switch('off', 'true or false'),
  LOG_FORMAT: Type.Union([Type.Literal('auto'), Type.Literal('pretty'), Type.Literal('json')], { default: 'auto', expects: 'auto (pretty on a terminal, JSON otherwise), pretty or json' }),

  OPENAI_API_KEY: OptStr('an OpenAI API key'),
  OPENAI_MODEL: Str('gpt-4o-mini', 'a model name'),
  OPENAI_BASE_URL: Url('an http(s) URL ending in /v1'),
  GEMINI_API_KEY: OptStr('a Gemini API key'),
  GOOGLE_API_KEY: OptStr('a Gemini API key'),
  GEMINI_MODEL: Str('gemini-2.5-flash', 'a model name'),
  GEMINI_BASE_URL: Url('an http(s) URL of the API host root'),
  HF_TOKEN: OptStr('a Hugging Face access token'),
  HF_API_KEY: OptStr('a Hugging Face access token'),
  HF_MODEL: Str('openai/gpt-oss-20b', 'a model name'),
  HF_BASE_URL: Url('an http(s) URL ending in /v1'),
  OLLAMA_MODEL: OptStr('an Ollama model name, e.g. llama3.2'),
  OLLAMA_BASE_URL: Type.String({ pattern: '^https?://[^\\s]+$', default: 'http://127.0.0.1:11434/v1', expects: 'an http(s) URL ending in /v1' }),
  PROVIDERS_FILE: OptStr('a path to a JSON or YAML file'),

  ASK_TIMEOUT_MS: Int(100, 600000, 30000, 'an integer number of milliseconds between 100 and 600000'),
  PROVIDER_TIMEOUT_MS: Int(100, 600000, 25000, 'an integer number of milliseconds between 100 and 600000'),
  DEFAULT_STRATEGY: Type.Union(STRATEGIES.map(s => Type.Literal(s)), { default: 'auto', expects: `one of ${STRATEGIES.join(', ')}` }),
  SYNTHESIZER: OptStr('a provider id'),
  RETRY_MAX_ATTEMPTS: Int(1, 10, 3, 'a whole number of attempts between 1 and 10'),
  RETRY_BASE_DELAY_MS: Int(0, 60000, 250, 'an integer number of milliseconds between 0 and 60000'),
  RETRY_MAX_DELAY_MS: Int(0, 600000, 4000, 'an integer number of milliseconds between 0 and 600000'),
  ATTEMPT_TIMEOUT_MS: Type.Optional(Int(100, 600000, undefined, 'an integer number of milliseconds between 100 and 600000')),
  STREAM_FIRST_TOKEN_MS: Int(100, 600000, 15000, 'an integer number of milliseconds between 100 and 600000'),
  STREAM_IDLE_MS: Int(100, 600000, 10000, 'an integer number of milliseconds between 100 and 600000'),
  BREAKER_FAILURES: Int(1, 1000, 5, 'a whole number of consecutive failures between 1 and 1000'),
  BREAKER_COOLDOWN_MS: Int(100, 86400000, 30000, 'an integer number of milliseconds between 100 and 86400000'),
  HEDGE: Switch('off'),
  MAX_ANSWER_CHARS: Int(1000, 1000000, 32000, 'a whole number of characters between 1000 and 1000000'),

  API_KEYS: OptStr('a comma-separated list of keys or name:key pairs'),
  RATE_LIMIT_MAX: Int(0, 1000000, 60, 'a whole number of requests (0 turns rate limiting off)'),
  RATE_LIMIT_WINDOW_MS: Int(1000, 86400000, 60000, 'an integer number of milliseconds between 1000 and 86400000'),
  BODY_LIMIT_BYTES: Int(1024, 10485760, 65536, 'an integer number of bytes between 1024 and 10485760'),
  MAX_INFLIGHT_ASKS: Int(1, 100000, 200, 'a whole number of concurrent asks'),
  SHED_EVENT_LOOP_DELAY_MS: Int(0, 10000, 20, 'an integer number of milliseconds (0 turns shedding on the event loop off)'),
  SHED_EVENT_LOOP_UTILIZATION: Int(10, 100, 70, 'a whole percentage between 10 and 100'),
  REQUEST_HEADERS_TIMEOUT_MS: Int(1000, 600000, 10000, 'an integer number of milliseconds between 1000 and 600000'),
  REQUEST_BODY_TIMEOUT_MS: Int(1000, 600000, 15000, 'an integer number of milliseconds between 1000 and 600000'),
  KEEP_ALIVE_TIMEOUT_MS: Int(1000, 600000, 65000, 'an integer number of milliseconds between 1000 and 600000'),
  TRUST_PROXY: Str('', 'a comma-separated list of IP addresses or CIDR ranges (e.g. 10.0.0.0/16)'),
  CORS_ORIGINS: Str('', 'a comma-separated list of origins'),
  METRICS_TOKEN: OptStr('a bearer token for /metrics'),

  REDIS_URL: Type.Optional(Type.String({ pattern: '^rediss?://[^\\s]+$', expects: 'a redis:// or rediss:// URL' })),
  CACHE_TTL_S: Int(0, 2592000, 3600, 'an integer number of seconds (0 turns the cache off)'),
  CACHE_MAX_ENTRIES: Int(1, 1000000, 1000, 'a whole number of cached answers'),
  CACHE_TIMEOUT_MS: Int(10, 60000, 250, 'an integer number of milliseconds between 10 and 60000'),
  PRICES_FILE: OptStr('a path to a JSON or YAML price table'),

  KNOWLEDGE: Switch('on'),
  KNOWLEDGE_DIR: OptStr('a directory of Markdown notes'),
  DATA_DIR: OptStr('a writable directory for learned provider reliability'),
  GROUNDING: Switch('off'),

  SHUTDOWN_GRACE_MS: Int(0, 600000, 10000, 'an integer number of milliseconds'),
  SHUTDOWN_DRAIN_MS: Int(0, 60000, 1000, 'an integer number of milliseconds between 0 and 60000')
}, { additionalProperties: true })

type Env = Static<typeof EnvSchema>

export interface VendorConfig { apiKey?: string, model: string, baseUrl?: string }

export interface ApiClient { name: string, key: string }

export interface Config {
  port: number
  host: string
  logLevel: string
  logQuestions: boolean
  /** `auto`: short lines when stdout is a terminal, JSON when it is a pipe or a log collector. */
  logFormat: 'auto' | 'pretty' | 'json'
  openai: VendorConfig
  gemini: VendorConfig
  huggingface: VendorConfig
  ollama: { model?: string, baseUrl: string }
  providersFile?: string
  /** Providers PROVIDERS_FILE enables (their keys already read from the variables they name). */
  fileProviders: ProviderSpec[]
  askTimeoutMs: number
  providerTimeoutMs: number
  defaultStrategy: Strategy
  synthesizer?: string
  resilience: ResilienceSettings
  /** Characters of one provider's answer that are read; the rest is cut and the answer marked truncated. */
  maxAnswerChars: number
  apiKeys: ApiClient[]
  rateLimitMax: number
  rateLimitWindowMs: number
  bodyLimitBytes: number
  maxInflightAsks: number
  /** Event-loop delay (mean over a sample window) counted as saturation; 0 turns shedding on the event loop off. */
  shedEventLoopDelayMs: number
  /** Event-loop utilisation (%) the adaptive ask limit holds the loop under. */
  shedEventLoopUtilization: number
  /** Longest wait for a request's headers, then for its body, and for the next request on an idle keep-alive connection. */
  requestHeadersTimeoutMs: number
  requestBodyTimeoutMs: number
  keepAliveTimeoutMs: number
  /** Addresses and CIDR ranges of the proxies whose X-Forwarded-For is believed; empty trusts none. */
  trustProxy: string[]
  corsOrigins: string[]
  metricsToken?: string
  redisUrl?: string
  cacheTtlS: number
  cacheMaxEntries: number
  /** How long a Redis read or write of the answer cache may take before the answer goes on without it. */
  cacheTimeoutMs: number
  pricesFile?: string
  knowledge: boolean
  knowledgeDir?: string
  /** Where learned reliability is kept without Redis (default ./data). */
  dataDir: string
  grounding: boolean
  shutdownGraceMs: number
  /** After SIGTERM: how long the listener keeps accepting (answering 503) so no queued connection is reset. */
  shutdownDrainMs: number
}

export class ConfigError extends Error {
  constructor (readonly variable: string, readonly expects: string, readonly got: string) {
    super(`${variable} must be ${expects} (got ${JSON.stringify(got)})`)
    this.name = 'ConfigError'
  }
}

const isOn = (v: string): boolean => v === 'on' || v === 'true' || v === '1'

function parseApiKeys (raw: string | undefined): ApiClient[] {
  if (raw === undefined || raw.trim() === '') return []
  return raw.split(',').map(s => s.trim()).filter(Boolean).map((entry, i) => {
    const colon = entry.indexOf(':')
    if (colon === -1) return { name: `client-${i + 1}`, key: entry }
    const name = entry.slice(0, colon).trim()
    const key = entry.slice(colon + 1).trim()
    if (name === '' || key.length < 8) throw new ConfigError('API_KEYS', 'a comma-separated list of keys or name:key pairs, keys at least 8 characters', `entry ${i + 1}`)
    return { name, key }
  })
}

/** TRUST_PROXY: IPv4/IPv6 addresses or CIDR ranges, checked here so a typo stops the start rather than trusting nobody (or everybody). */
function parseTrustProxy (raw: string): string[] {
  const entries = raw.split(',').map(s => s.trim()).filter(Boolean)
  for (const entry of entries) {
    const [address = '', bits, extra] = entry.split('/')
    const family = isIP(address)
    const maxBits = family === 6 ? 128 : 32
    const validBits = bits === undefined || (/^\d{1,3}$/.test(bits) && Number(bits) <= maxBits)
    if (family === 0 || extra !== undefined || !validBits) {
      throw new ConfigError('TRUST_PROXY', 'a comma-separated list of IP addresses or CIDR ranges (e.g. 10.0.0.0/16)', entry)
    }
  }
  return entries
}

/** Reads and validates the environment. Throws ConfigError naming the first bad variable. */
export function loadConfig (source: NodeJS.ProcessEnv = {}): Config {
  // Empty strings count as unset, as a blank line in an .env file means "not configured".
  const raw: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(source)) if (v !== undefined && v.trim() !== '') raw[k] = v.trim()
  const converted = Value.Default(EnvSchema, Value.Convert(EnvSchema, raw)) as Record<string, unknown>
  const first = Value.Errors(EnvSchema, converted).First()
  if (first !== undefined) {
    const variable = first.path.replace(/^\//, '')
    const sub = (EnvSchema.properties as Record<string, TSchema>)[variable]
    const expects = (sub?.expects as string | undefined) ?? first.message
    throw new ConfigError(variable, expects, String(raw[variable] ?? ''))
  }
  const env = converted as Env
  return {
    port: env.PORT,
    host: env.HOST,
    logLevel: env.LOG_LEVEL,
    logQuestions: isOn(env.LOG_QUESTIONS),
    logFormat: env.LOG_FORMAT,
    openai: { apiKey: env.OPENAI_API_KEY, model: env.OPENAI_MODEL, baseUrl: env.OPENAI_BASE_URL },
    gemini: { apiKey: env.GEMINI_API_KEY ?? env.GOOGLE_API_KEY, model: env.GEMINI_MODEL, baseUrl: env.GEMINI_BASE_URL },
    huggingface: { apiKey: env.HF_TOKEN ?? env.HF_API_KEY, model: env.HF_MODEL, baseUrl: env.HF_BASE_URL },
    ollama: { model: env.OLLAMA_MODEL, baseUrl: env.OLLAMA_BASE_URL },
    providersFile: env.PROVIDERS_FILE,
    fileProviders: env.PROVIDERS_FILE !== undefined ? readProvidersFile(env.PROVIDERS_FILE, source) : [],
    askTimeoutMs: env.ASK_TIMEOUT_MS,
    providerTimeoutMs: Math.min(env.PROVIDER_TIMEOUT_MS, env.ASK_TIMEOUT_MS),
    defaultStrategy: env.DEFAULT_STRATEGY,
    synthesizer: env.SYNTHESIZER,
    resilience: {
      maxAttempts: env.RETRY_MAX_ATTEMPTS,
      retryBaseDelayMs: env.RETRY_BASE_DELAY_MS,
      retryMaxDelayMs: Math.max(env.RETRY_MAX_DELAY_MS, env.RETRY_BASE_DELAY_MS),
      ...(env.ATTEMPT_TIMEOUT_MS !== undefined ? { attemptTimeoutMs: env.ATTEMPT_TIMEOUT_MS } : {}),
      firstTokenTimeoutMs: env.STREAM_FIRST_TOKEN_MS,
      streamIdleTimeoutMs: env.STREAM_IDLE_MS,
      breakerFailures: env.BREAKER_FAILURES,
      breakerCoolDownMs: env.BREAKER_COOLDOWN_MS,
      hedge: isOn(env.HEDGE)
    },
    maxAnswerChars: env.MAX_ANSWER_CHARS,
    apiKeys: parseApiKeys(env.API_KEYS),
    rateLimitMax: env.RATE_LIMIT_MAX,
    rateLimitWindowMs: env.RATE_LIMIT_WINDOW_MS,
    bodyLimitBytes: env.BODY_LIMIT_BYTES,
    maxInflightAsks: env.MAX_INFLIGHT_ASKS,
    shedEventLoopDelayMs: env.SHED_EVENT_LOOP_DELAY_MS,
    shedEventLoopUtilization: env.SHED_EVENT_LOOP_UTILIZATION,
    requestHeadersTimeoutMs: env.REQUEST_HEADERS_TIMEOUT_MS,
    requestBodyTimeoutMs: env.REQUEST_BODY_TIMEOUT_MS,
    keepAliveTimeoutMs: env.KEEP_ALIVE_TIMEOUT_MS,
    trustProxy: parseTrustProxy(env.TRUST_PROXY),
    corsOrigins: env.CORS_ORIGINS.split(',').map(s => s.trim()).filter(Boolean),
    metricsToken: env.METRICS_TOKEN,
    redisUrl: env.REDIS_URL,
    cacheTtlS: env.CACHE_TTL_S,
    cacheMaxEntries: env.CACHE_MAX_ENTRIES,
    cacheTimeoutMs: env.CACHE_TIMEOUT_MS,
    pricesFile: env.PRICES_FILE,
    knowledge: isOn(env.KNOWLEDGE),
    knowledgeDir: env.KNOWLEDGE_DIR,
    dataDir: env.DATA_DIR ?? 'data',
    grounding: isOn(env.GROUNDING),
    shutdownGraceMs: env.SHUTDOWN_GRACE_MS,
    shutdownDrainMs: env.SHUTDOWN_DRAIN_MS
  }
}

/** Every secret the configuration holds, so logs can redact them wherever they appear. */
export function configSecrets (config: Config): string[] {
  return [config.openai.apiKey, config.gemini.apiKey, config.huggingface.apiKey, config.metricsToken, ...config.apiKeys.map(c => c.key), ...config.fileProviders.map(p => p.apiKey), redisPassword(config.redisUrl)]
    .filter((s): s is string => typeof s === 'string' && s.length > 0)
}

/** The password in a `redis://user:password@host` URL, which is as secret as any API key. */
function redisPassword (url: string | undefined): string | undefined {
  if (url === undefined) return undefined
  try {
    const password = decodeURIComponent(new URL(url).password)
    return password.length >= 4 ? password : undefined
  } catch {
    return undefined
  }
}
