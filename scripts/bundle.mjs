// The server as one ES module, dist/server.mjs: what `npm start`, the image and the benchmark run.
//   node scripts/bundle.mjs            (also the second step of `npm run build`)
// Starting from one file spares Node the resolution, reading and compiling of some thousand modules (fastify,
// the three SDKs and their dependencies) one by one: that was two thirds of the start's CPU. The SDKs stay
// in the bundle and are loaded at start, so the first ask does not wait for them.
import { fileURLToPath } from 'node:url'
import { join } from 'node:path'

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

/** Builds the bundle with the esbuild module given (a dev dependency, loaded by the caller). */
export async function bundle (esbuild, outfile = BUNDLE) {
  await esbuild.build(bundleOptions(outfile))
  return join(root, outfile)
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
