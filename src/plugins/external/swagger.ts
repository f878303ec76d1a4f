// OpenAPI document from the route schemas, and the Swagger UI at /docs.
import fp from 'fastify-plugin'
import swagger from '@fastify/swagger'
import swaggerUi from '@fastify/swagger-ui'
import type { FastifyInstance } from 'fastify'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { packageVersion } from '../../package-info.js'
import { DOCS_CONTENT_SECURITY_POLICY } from './helmet.js'
import { SWAGGER_UI_BRANDING } from './swagger-theme.js'

export const OPENAPI_INFO = {
  title: 'IsCoolGPT API',
  description: 'Ask several LLMs at once about cloud computing and get one consolidated answer, with a confidence value and the evidence behind it. Errors are RFC 9457 problem details (`application/problem+json`).',
  version: packageVersion,
  license: { name: 'MIT', url: 'https://opensource.org/licenses/MIT' }
}

async function swaggerPlugin (app: FastifyInstance): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: OPENAPI_INFO,
      tags: [
        { name: 'ask', description: 'Ask a question and get the consolidated answer' },
        { name: 'providers', description: 'The configured LLM providers' },
        { name: 'knowledge', description: 'The bundled course notes' },
        { name: 'openai', description: 'OpenAI-compatible facade' },
        { name: 'health', description: 'Liveness and readiness' },
        { name: 'metrics', description: 'Prometheus metrics' }
      ],
      components: {
        securitySchemes: {
          bearerAuth: { type: 'http', scheme: 'bearer', description: 'An API key from API_KEYS (only when API_KEYS is set).' },
          apiKeyHeader: { type: 'apiKey', in: 'header', name: 'x-api-key' }
        }
      }
    },
    // Registered schemas keep their $id as the component name instead of def-0, def-1, ...
    refResolver: {
      buildLocalReference (json, _baseUri, _fragment, i) {
        return typeof json.$id === 'string' ? json.$id : `def-${i}`
      }
    }
  })
  await app.register(swaggerUi, {
    routePrefix: '/docs',
    // The Swagger UI's files where the package installed them: the plugin would look beside its own module,
    // which in the bundle (scripts/bundle.mjs) is dist/. Bundled, it no longer loads @fastify/static, glob
    // and yaml module by module at start: a tenth of the start's CPU (bench/cold-ab.mjs).
    baseDir: join(dirname(createRequire(import.meta.url).resolve('@fastify/swagger-ui/package.json')), 'static'),
    uiConfig: { docExpansion: 'list', deepLinking: true, tryItOutEnabled: true },
    ...SWAGGER_UI_BRANDING,
    // The service's own policy (plus the hash of the logo's one style block): the plugin's default would
    // allow fonts and styles from any https host and add upgrade-insecure-requests.
    staticCSP: DOCS_CONTENT_SECURITY_POLICY
  })
}

export default fp(swaggerPlugin, { name: 'iscoolgpt-swagger' })
