// buildApp(config): the whole service as a Fastify instance, ready to inject or listen.
import Fastify, { type FastifyInstance, type FastifySchemaValidationError, type FastifyServerOptions } from 'fastify'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { AjvCompiler } from '@fastify/ajv-compiler'
import { SerializerSelector } from '@fastify/fast-json-stringify-compiler'
import { randomUUID } from 'node:crypto'
import type { IncomingMessage } from 'node:http'
import type { Writable } from 'node:stream'
import { sharedSchemas } from '../schemas/index.js'
import { configSecrets, type Config } from './config.js'
import { frameworkErrors } from './http/framework-errors.js'
import errors from './plugins/errors.js'
import closing from './plugins/closing.js'
import requestTimeouts, { serverTimeouts } from './plugins/request-timeouts.js'
import { clientErrorHandler } from './http/client-errors.js'
import { strictNumbers } from './http/strict-numbers.js'
import auth from './plugins/auth.js'
import cors from './plugins/external/cors.js'
import helmet from './plugins/external/helmet.js'
import rateLimit from './plugins/external/rate-limit.js'
import swagger from './plugins/external/swagger.js'
import loadShedding from './plugins/load-shedding.js'
import redis from './plugins/redis.js'
import trust from './plugins/trust.js'
import feedbackRoutes from './routes/feedback.js'
import strictJson from './plugins/strict-json.js'
import healthRoutes from './routes/health.js'
import askRoutes from './routes/ask.js'
import providerRoutes from './routes/providers.js'
import openAICompatRoutes from './routes/openai-compat.js'
import knowledgeRoutes from './routes/knowledge.js'
import webRoutes from './routes/web.js'
import { createKnowledgeBase, type KnowledgeBase } from './knowledge/knowledge-base.js'
import { groundingContext, KnowledgeProvider } from './knowledge/knowledge-provider.js'
import { CircuitBreakers } from './fanout/circuit-breaker.js'
import { ProviderStats } from './fanout/provider-stats.js'
import { loadProviders } from './providers/load-providers.js'
import { providerSpecs } from './providers/provider-specs.js'
import { ProviderRegistry } from './providers/registry.js'
import { registerSecrets, scrubSecrets } from './providers/secret-scrubber.js'
import type { Provider } from './providers/types.js'
import { AnswerCache } from './cache/answer-cache.js'
import { CachedAskService } from './cache/cached-ask-service.js'
import { loadPriceTable } from './costs/load-prices.js'
import { instrumentProvider } from './observability/instrumented-provider.js'
import { ServiceMetrics } from './observability/metrics.js'
import metricsPlugin from './plugins/metrics.js'
import metricsRoutes from './routes/metrics.js'
import { prettyDestination } from './observability/pretty-log.js'
import { RequestLog } from './observability/request-log.js'

declare module 'fastify' {
  interface FastifyInstance {
    config: Config
    registry: ProviderRegistry
    circuits: CircuitBreakers
    providerStats: ProviderStats
    askService: CachedAskService
    /** The course notes, or null when KNOWLEDGE=off. */
    knowledge: KnowledgeBase | null
  }
}

export interface BuildOptions {
  /** Pino options, a logger instance, or false for silence (tests). */
  logger?: FastifyServerOptions['logger'] | FastifyServerOptions['loggerInstance']
  /** Providers to use instead of the ones the configuration describes. */
  providers?: Provider[]
  /** Circuit breaker settings (tests shorten the cool-down). */
  breakers?: CircuitBreakers
  /** Time between `: ping` comments on event streams (15 s; tests shorten it). */
  ssePingIntervalMs?: number
}

/** The providers the configuration enables, in a stable order: vendors, file entries, then the course notes. */
export async function configuredProviders (config: Config): Promise<Provider[]> {
  return await loadProviders(providerSpecs(config))
}

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/

/** Keeps a well-formed incoming x-request-id so a trace spans the caller and this service. */
function requestId (req: IncomingMessage): string {
  const incoming = req.headers['x-request-id']
  return typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID()
}

export const REDACTED_HEADERS = ['req.headers.authorization', 'req.headers["x-api-key"]', 'req.headers.cookie', 'headers.authorization', 'headers["x-api-key"]']

/** `pretty`: where short human-readable lines go instead of JSON (server.ts passes stdout when it is a terminal). */
export function loggerOptions (config: Config, pretty?: { out: Pick<Writable, 'write'>, color: boolean }): Record<string, unknown> {
  const secrets = configSecrets(config)
  registerSecrets(secrets)
  const options: Record<string, unknown> = {
    level: config.logLevel,
    redact: { paths: REDACTED_HEADERS, censor: '[redacted]' }
  }
  if (pretty !== undefined) options.stream = prettyDestination(pretty.out, pretty.color)
  if (secrets.length > 0) {
    // Belt and braces: a configured secret is masked wherever it would appear in a log line.
    options.hooks = { streamWrite: scrubSecrets }
  }
  return options
}

/** A compiled validator as Fastify calls it: Ajv's take the parent object (to replace a coerced root value), and report through `errors`. */
type Validator = ((data: unknown, context?: object) => boolean) & { errors?: FastifySchemaValidationError[] | null, schemaEnv?: unknown }

/** A validator compiled at its first call, then called the way Fastify would call it directly. */
function lazyValidator (compile: () => Validator): Validator {
  let compiled: Validator | undefined
  const validate: Validator = (data, context) => {
    compiled ??= compile()
    const result = compiled.schemaEnv !== undefined && context !== undefined ? compiled(data, context) : compiled(data)
    validate.errors = compiled.errors
    return result
  }
  // Fastify passes the parent object only to a function that has `schemaEnv`, as Ajv's do; the call above
  // hands it on only when the compiled validator is one of Ajv's.
  validate.schemaEnv = true
  return validate
}

export async function buildApp (config: Config, options: BuildOptions = {}): Promise<FastifyInstance> {
  // Every configured secret is scrubbed from upstream text (errors, answers, model names) before it is shown.
  registerSecrets(configSecrets(config))
  const logger = options.logger === undefined ? loggerOptions(config) : options.logger
  const isInstance = logger !== null && typeof logger === 'object' && 'child' in logger && typeof (logger as { child: unknown }).child === 'function'
  const app = Fastify({
    ...(isInstance ? { loggerInstance: logger as FastifyServerOptions['loggerInstance'] } : { logger: logger as FastifyServerOptions['logger'] }),
    bodyLimit: config.bodyLimitBytes,
    genReqId: requestId,
    // One access line per request, and none at info for probes and assets (observability/request-log.ts).
    logController: new RequestLog(),
    requestIdHeader: false,
    // Only the proxies TRUST_PROXY names (the load balancer's VPC range) are believed: the client address is
    // the one they appended to X-Forwarded-For, not whatever a client wrote there, so per-IP rate limits
    // cannot be dodged with a made-up header. None by default: a local client is not a proxy.
    trustProxy: config.trustProxy.length > 0 ? config.trustProxy.join(',') : false,
    ...serverTimeouts(config),
    clientErrorHandler,
    frameworkErrors,
    // The closing plugin answers these 503s itself, as problems with Retry-After and the request id.
    return503OnClosing: false,
    ajv: { customOptions: { removeAdditional: false, allErrors: true } }
  }).withTypeProvider<TypeBoxTypeProvider>()

  for (const schema of sharedSchemas) app.addSchema(schema)

  // Bodies are validated strictly (a number is not a string, unknown fields are errors);
  // query strings and headers are text by nature, so they keep Ajv's type coercion.
  // Each validator and serializer is compiled at its route's first use, not at start: compiling all of them
  // (Ajv and fast-json-stringify) was a sixth of the start-up time, for routes a replica may never serve.
  const compilers = AjvCompiler()
  app.setValidatorCompiler(route => lazyValidator(() => {
    const customOptions = route.httpPart === 'body'
      ? { coerceTypes: false, removeAdditional: false, allErrors: true, useDefaults: true }
      : { coerceTypes: 'array' as const, removeAdditional: false, allErrors: true, useDefaults: true }
    const validate = compilers(app.getSchemas() as never, { customOptions })(route) as Validator
    if (route.httpPart !== 'querystring' && route.httpPart !== 'params') return validate
    const schemas = app.getSchemas() as Record<string, never>
    return strictNumbers(route.schema, validate, id => schemas[id]) as Validator
  }))

  // Most routes answer their errors with the same Problem schema: fast-json-stringify would compile it
  // again for every route and status, which was most of the start-up time. One serializer per distinct
  // schema; the output depends only on the schema and the shared schemas, not on the route.
  const buildSerializer = SerializerSelector()
  let compileSerializer: ReturnType<typeof buildSerializer> | undefined
  const serializers = new Map<string, (data: unknown) => string>()
  app.setSerializerCompiler(route => {
    let serializer: ((data: unknown) => string) | undefined
    return (data: unknown) => {
      if (serializer === undefined) {
        const key = JSON.stringify(route.schema)
        serializer = serializers.get(key)
        if (serializer === undefined) {
          // Built at the first compile, once every shared schema has been added.
          compileSerializer ??= buildSerializer(app.getSchemas())
          serializer = compileSerializer({ method: route.method, url: route.url, httpStatus: route.httpStatus ?? 'default', schema: route.schema })
          serializers.set(key, serializer)
        }
      }
      return serializer(data)
    }
  })

  app.decorate('config', config)
  // The notes are read once at start (well under a second); a teacher's own folder is watched for edits.
  const knowledge = config.knowledge ? createKnowledgeBase({ dir: config.knowledgeDir, watch: config.knowledgeDir !== undefined }) : null
  const providers = options.providers ?? await configuredProviders(config)
  // The notes' "not covered" answer says how to add a language model only when none is configured.
  if (knowledge !== null && options.providers === undefined) providers.push(new KnowledgeProvider(knowledge, { languageModels: providers.length > 0 }))
  const prices = loadPriceTable(config.pricesFile)
  const metrics = new ServiceMetrics()
  // Every upstream call is counted, timed and priced where it happens, retries and synthesis included.
  const registry = new ProviderRegistry(providers.map(p => instrumentProvider(p, metrics, prices)))
  const circuits = options.breakers ?? new CircuitBreakers({ failureThreshold: config.resilience.breakerFailures, coolDownMs: config.resilience.breakerCoolDownMs })
  registry.setAvailability(circuits)
  const providerStats = new ProviderStats()
  app.decorate('registry', registry)
  app.decorate('circuits', circuits)
  app.decorate('providerStats', providerStats)
  app.decorate('knowledge', knowledge)
  app.decorate('askService', new CachedAskService({
    config,
    prices,
    metrics,
    // The Redis connection is decorated by its plugin below; the cache reads it at each use.
    cache: new AnswerCache({ ttlS: config.cacheTtlS, maxEntries: config.cacheMaxEntries, timeoutMs: config.cacheTimeoutMs, redis: () => app.redis, log: app.log, onError: operation => { metrics.cacheErrors.inc({ operation }) } }),
    registry,
    breakers: circuits,
    stats: providerStats,
    log: app.log,
    // Decorated by the trust plugin below, once the store (Redis or DATA_DIR) is known.
    trust: () => (app.hasDecorator('trust') ? app.trust : null),
    grounding: knowledge === null ? undefined : (question, history) => groundingContext(knowledge, question, 3, history)
  }))
  app.addHook('onClose', async () => { knowledge?.close() })

  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id)
  })

  await app.register(closing)
  await app.register(errors)
  await app.register(requestTimeouts, { bodyTimeoutMs: config.requestBodyTimeoutMs })
  await app.register(metricsPlugin, { metrics })
  await app.register(strictJson)
  await app.register(helmet)
  await app.register(cors)
  await app.register(redis)
  await app.register(trust, { metrics })
  // onRequest order on /api and /v1: count the request (per client, or per IP), then authenticate, then shed load.
  await app.register(rateLimit)
  await app.register(auth)
  await app.register(loadShedding)
  await app.register(swagger)
  await app.register(healthRoutes)
  await app.register(metricsRoutes)
  await app.register(askRoutes, { ssePingIntervalMs: options.ssePingIntervalMs })
  await app.register(providerRoutes)
  await app.register(feedbackRoutes)
  await app.register(openAICompatRoutes, { ssePingIntervalMs: options.ssePingIntervalMs })
  await app.register(knowledgeRoutes)
  await app.register(webRoutes)

  return app
}
