// The web page: index.html at /, its assets and the Markdown/sanitiser browser builds under one content-hashed prefix.
import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join, relative, sep } from 'node:path'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import fastifyStatic from '@fastify/static'
import { packageRoot } from '../package-info.js'

export const PUBLIC_DIR = join(packageRoot, 'public')

/** Browser builds served from node_modules, so the page needs no external host and no build step. */
export const VENDOR_FILES: Record<string, string> = {
  'marked.esm.js': join(packageRoot, 'node_modules', 'marked', 'lib', 'marked.esm.js'),
  'marked.esm.js.map': join(packageRoot, 'node_modules', 'marked', 'lib', 'marked.esm.js.map'),
  'purify.es.mjs': join(packageRoot, 'node_modules', 'dompurify', 'dist', 'purify.es.mjs'),
  'purify.es.mjs.map': join(packageRoot, 'node_modules', 'dompurify', 'dist', 'purify.es.mjs.map')
}

const IMMUTABLE = 'public, max-age=31536000, immutable'

function listFiles (dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap(entry => {
    const path = join(dir, entry.name)
    return entry.isDirectory() ? listFiles(path) : [path]
  }).sort()
}

/**
 * One hash over every asset (the page's own files and the vendor builds): any change gives new URLs,
 * so the assets can be cached for a year and a deploy is still picked up on the next page load.
 */
export function assetVersion (publicDir: string = PUBLIC_DIR): string {
  const hash = createHash('sha256')
  for (const file of listFiles(publicDir)) {
    hash.update(relative(publicDir, file).split(sep).join('/')).update('\0').update(readFileSync(file)).update('\0')
  }
  for (const [name, file] of Object.entries(VENDOR_FILES)) {
    if (existsSync(file)) hash.update(name).update('\0').update(readFileSync(file)).update('\0')
  }
  return hash.digest('hex').slice(0, 12)
}

/** index.html names its assets `/assets/<file>`; the served copy points them at the versioned prefix. */
export function versionedIndex (html: string, version: string): string {
  return html.replace(/(\s(?:src|href)=")\/assets\//g, `$1/assets/${version}/`)
}

export default async function webRoutes (app: FastifyInstance): Promise<void> {
  const version = assetVersion()
  const prefix = `/assets/${version}/`
  const index = versionedIndex(readFileSync(join(PUBLIC_DIR, 'index.html'), 'utf8'), version)
  const indexEtag = `"${createHash('sha256').update(index).digest('hex').slice(0, 16)}"`
  // Source maps are a convenience for the browser's developer tools: an image that trimmed them still serves the page.
  const vendor = new Map(Object.entries(VENDOR_FILES)
    .filter(([name, file]) => !name.endsWith('.map') || existsSync(file))
    .map(([name, file]) => [name, readFileSync(file)]))

  await app.register(fastifyStatic, {
    root: PUBLIC_DIR,
    prefix,
    index: false,
    wildcard: true,
    schemaHide: true,
    // The prefix changes whenever any file does, so what it serves never changes.
    cacheControl: true,
    maxAge: '365d',
    immutable: true,
    allowedPath: pathName => pathName !== '/index.html'
  })

  const page = async (request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> => {
    // The page itself is revalidated on every load: it is what names the current asset version.
    reply.header('cache-control', 'no-cache').header('etag', indexEtag)
    if (request.headers['if-none-match'] === indexEtag) return await reply.code(304).send()
    return await reply.type('text/html; charset=utf-8').send(index)
  }
  app.get('/', { schema: { hide: true } }, page)
  app.get('/index.html', { schema: { hide: true } }, page)

  for (const [name, body] of vendor) {
    const type = name.endsWith('.map') ? 'application/json; charset=utf-8' : 'text/javascript; charset=utf-8'
    app.get(`${prefix}vendor/${name}`, { schema: { hide: true } }, async (_request, reply) =>
      await reply.header('cache-control', IMMUTABLE).type(type).send(body))
  }
}
