// Security headers on every response (the page, the API, the docs), with one Content-Security-Policy.
import fp from 'fastify-plugin'
import helmet, { type HelmetOptions } from 'helmet'
import { createHash } from 'node:crypto'
import type { FastifyInstance } from 'fastify'
import type { IncomingMessage, ServerResponse } from 'node:http'

/**
 * Same-origin everything and no inline code: the page, its vendored Markdown and sanitiser builds,
 * and the Swagger UI bundle are all served by this process from files. An answer that smuggles markup
 * past the sanitiser still cannot run script, load from elsewhere or send data away.
 */
export const CSP_DIRECTIVES = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'"],
  'img-src': ["'self'", 'data:'],
  'connect-src': ["'self'"],
  'font-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'frame-ancestors': ["'none'"],
  'form-action': ["'self'"]
}

const serialise = (directives: Record<string, string[]>): string =>
  Object.entries(directives).map(([name, values]) => `${name} ${values.join(' ')}`).join(';')

/** The header value exactly as helmet writes it. */
export const CONTENT_SECURITY_POLICY = serialise(CSP_DIRECTIVES)

/** Swagger UI draws its top-bar logo as an SVG holding this one inline <style>. */
const SWAGGER_LOGO_STYLE = '.logo_small_svg__cls-2{fill:#fff}.logo_small_svg__cls-3{fill:#85ea2d}'

/**
 * The policy of /docs: the same, plus that one style block allowed by its hash (not 'unsafe-inline'),
 * so the UI renders without a single violation. Swagger UI needs no inline script.
 */
export const DOCS_CONTENT_SECURITY_POLICY = serialise({
  ...CSP_DIRECTIVES,
  'style-src': [...CSP_DIRECTIVES['style-src'], `'sha256-${createHash('sha256').update(SWAGGER_LOGO_STYLE).digest('base64')}'`]
})

/** What a response sent outside the routing (a malformed URL) still carries, since helmet's hook never ran. */
export const BASELINE_SECURITY_HEADERS = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY'
}

/** helmet's options for this service; the headers they produce depend on nothing in the request. */
export const HELMET_OPTIONS: HelmetOptions = {
  // Exactly the policy above: helmet's defaults would add upgrade-insecure-requests, which breaks plain-HTTP deployments.
  contentSecurityPolicy: { useDefaults: false, directives: CSP_DIRECTIVES },
  // Nothing here is meant to be framed; CSP frame-ancestors says the same to modern browsers.
  frameguard: { action: 'deny' },
  referrerPolicy: { policy: 'no-referrer' }
}

type HeaderStep = { set: string, value: string } | { remove: string }

/**
 * What helmet's middleware does to a response, recorded once by running it against a stand-in response.
 * Every directive here is a string (no per-request nonce or function), so each response gets the same calls;
 * replaying them saves building helmet's whole middleware chain and the policy string on every request, which
 * is what `@fastify/helmet` does.
 */
export function helmetHeaderSteps (options: HelmetOptions = HELMET_OPTIONS): HeaderStep[] {
  const steps: HeaderStep[] = []
  const response = {
    setHeader (name: string, value: unknown): void {
      if (typeof value !== 'string') throw new TypeError(`helmet set ${name} to a value that is not a string`)
      steps.push({ set: name, value })
    },
    removeHeader (name: string): void { steps.push({ remove: name }) }
  }
  let failure: unknown
  helmet(options)({} as IncomingMessage, response as unknown as ServerResponse, (err?: unknown) => { failure = err })
  if (failure !== undefined && failure !== null) throw failure instanceof Error ? failure : new Error(String(failure))
  return steps
}

async function helmetPlugin (app: FastifyInstance): Promise<void> {
  const steps = helmetHeaderSteps()
  // On the raw response, as helmet does: a hijacked reply (an SSE stream) reads them back from there.
  app.addHook('onRequest', function securityHeaders (_request, reply, done) {
    const raw = reply.raw
    for (const step of steps) {
      if ('set' in step) raw.setHeader(step.set, step.value)
      else raw.removeHeader(step.remove)
    }
    done()
  })
}

export default fp(helmetPlugin, { name: 'iscoolgpt-helmet' })
