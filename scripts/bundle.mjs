// The server as one ES module, dist/server.mjs: what `npm start`, the image and the benchmark run.
//   node scripts/bundle.mjs            (also the second step of `npm run build`)
// Starting from one file spares Node the resolution, reading and compiling of some thousand modules (fastify,
// the three SDKs and their dependencies) one by one: that was two thirds of the start's CPU. The SDKs stay
// in the bundle and are loaded at start, so the first ask does not wait for them.
import { fileURLToPath } from 'node:url'
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'

const root = fileURLToPath(new URL('..', import.meta.url))

/** Where the bundle goes, relative to the package root: package-info.ts finds package.json by walking up from it. */
export const BUNDLE = join('dist', 'server.mjs')

/**
 * Packages left to Node's own loading, each for a reason the bundle cannot keep:
 * - pino starts its transports as worker threads from files of pino and thread-stream;
 * - ioredis is imported only when REDIS_URL is set (src/plugins/redis.ts), and need not be loaded otherwise.
 */
export const EXTERNAL = ['pino', 'thread-stream', 'ioredis']

/** esbuild's options for the bundle of src/server.ts, written to `outfile` (absolute, or relative to `root`). */
export function bundleOptions (outfile = BUNDLE) {
  return {
    entryPoints: ['src/server.ts'],
    absWorkingDir: root,
    outfile,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    external: EXTERNAL,
    // CommonJS packages in an ES module still call require() for Node's own modules.
    banner: { js: "import { createRequire as __bundleCreateRequire } from 'node:module'; const require = __bundleCreateRequire(import.meta.url);" },
    // Names kept: error classes are told apart by name in logs and in the providers' error normalisation.
    keepNames: true,
    sourcemap: true,
    legalComments: 'linked',
    logLevel: 'error'
  }
}

/**
 * Every character above U+007F written as a \uXXXX escape (astral ones as their two surrogates).
 *
 * V8 keeps a module's source text for as long as the process runs (functions are compiled from it
 * lazily) and stores it with one byte per character only when every character fits in Latin-1; a single
 * typographic apostrophe makes the whole 7 MB bundle a two-byte string (14 MB). UTF-8 decoding is also
 * fastest on pure ASCII. esbuild's default `charset: 'ascii'` escapes string and template literals and
 * identifiers but leaves regular-expression literals and kept comments as they are: after it, those are
 * the only places a non-ASCII character can be, and in both an escape means the same character (a
 * pattern's `source` shows the escape, which means the same character in a pattern built from it). On the lines touched
 * the source map's columns after the character are off by five per escape.
 */
export function asciiOnly (code) {
  return code.replace(/[^\x00-\x7f]/g, unit => `\\u${unit.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`)
}

/** Builds the bundle with the esbuild module given (a dev dependency, loaded by the caller). */
export async function bundle (esbuild, outfile = BUNDLE) {
  const result = await esbuild.build({ ...bundleOptions(outfile), write: false })
  for (const file of result.outputFiles) {
    mkdirSync(dirname(file.path), { recursive: true })
    writeFileSync(file.path, file.path.endsWith('.mjs') ? asciiOnly(file.text) : file.contents)
  }
  return resolve(root, outfile)
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  const esbuild = await import('esbuild')
  const started = performance.now()
  try {
    const file = await bundle(esbuild)
    process.stderr.write(`bundled src/server.ts into ${file} in ${Math.round(performance.now() - started)} ms\n`)
  } catch {
    // esbuild has printed each error with its file and line.
    process.exit(1)
  }
}
