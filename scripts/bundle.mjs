// The server as three files in dist/, what `npm start`, the image and the benchmark run:
//   node scripts/bundle.mjs            (also the second step of `npm run build`)
// - server.mjs, the entry: src/server.ts (settings, listen, graceful shutdown), every module of src/ it
//   imports taken from app.cjs;
// - app.cjs, those modules (src/app.ts, the settings, ...) and their dependencies as one CommonJS function
//   expression, which the entry compiles with V8's code cache (src/startup/compiled-module.ts);
// - write-code-cache.mjs, which writes that cache (app.cjs.cache) with the Node and the flags it runs with.
// Starting from one file spares Node the resolution, reading and compiling of some thousand modules (fastify,
// the three SDKs and their dependencies) one by one: that was two thirds of the start's CPU; the code cache
// spares most of the compiling of what is left. The SDKs stay in the bundle and are loaded at start, so the
// first ask does not wait for them; the parts of them the service never runs do not (leaveOutUnusedCode).
import { createHash } from 'node:crypto'
import { execFileSync } from 'node:child_process'
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { basename, dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))

/** Where the entry goes, relative to the package root: package-info.ts finds package.json by walking up from it. */
export const BUNDLE = join('dist', 'server.mjs')
/** Beside the entry: the application and the script that writes its code cache. */
export const APP_BUNDLE = 'app.cjs'
export const CACHE_WRITER = 'write-code-cache.mjs'

/**
 * Packages left to Node's own loading, each for a reason the bundle cannot keep:
 * - pino starts its transports as worker threads from files of pino and thread-stream;
 * - ioredis is imported only when REDIS_URL is set (src/plugins/redis.ts), and need not be loaded otherwise.
 */
export const EXTERNAL = ['pino', 'thread-stream', 'ioredis']

/** What every part shares. */
const common = {
  absWorkingDir: root,
  bundle: true,
  platform: 'node',
  target: 'node20',
  external: EXTERNAL,
  // Names kept: error classes are told apart by name in logs and in the providers' error normalisation.
  keepNames: true,
  sourcemap: true,
  legalComments: 'linked',
  logLevel: 'error',
  write: false
}

/** The ES module parts still call require() for Node's own modules (the CommonJS packages in them). */
const esmBanner = { js: "import { createRequire as __bundleCreateRequire } from 'node:module'; const require = __bundleCreateRequire(import.meta.url);" }

/**
 * Code of the SDKs that the service never runs, kept out of the start (and out of the memory it holds):
 * - @google/genai's Node build imports google-auth-library (Vertex AI's service-account credentials, with
 *   gaxios, node-fetch and a web-streams polyfill behind it) and ws (the Live API) at its top. The Gemini
 *   adapter authenticates with an API key and calls generateContent, so neither runs; both are required
 *   from node_modules on their first use instead (the production tree keeps them), and would still work.
 * - @huggingface/inference re-exports its code-snippet generator, which pulls in @huggingface/tasks and
 *   @huggingface/jinja and which InferenceClient never calls: marked free of side effects, it is dropped
 *   unless something uses it.
 * Each rewrite names the exact line it replaces and the build fails when the line is not there (an SDK
 * update that moved it), rather than bundling the code again without anybody noticing.
 */
export const DEFERRED_IMPORTS = [
  {
    file: /[\\/]@google[\\/]genai[\\/]dist[\\/]node[\\/]index\.mjs$/,
    packages: ['google-auth-library', 'ws'],
    rewrites: [
      ["import { GoogleAuth } from 'google-auth-library';", "function GoogleAuth (options) { return new (require('google-auth-library').GoogleAuth)(options) }"],
      ["import * as NodeWs from 'ws';", "const NodeWs = { get WebSocket () { return require('ws').WebSocket } };"]
    ]
  }
]
/** Modules re-exported by a package's index that the service never uses: `path` as `importer` imports it. */
export const UNUSED_RE_EXPORTS = [{ importer: /[\\/]@huggingface[\\/]inference[\\/]dist[\\/]esm[\\/]index\.js$/, path: './snippets/index.js' }]

const exactly = names => new RegExp(`^(?:${names.map(n => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})$`)

/** The esbuild plugin that applies DEFERRED_IMPORTS and UNUSED_RE_EXPORTS. */
export function leaveOutUnusedCode () {
  return {
    name: 'leave-out-unused-code',
    setup (build) {
      for (const { file, packages, rewrites } of DEFERRED_IMPORTS) {
        build.onResolve({ filter: exactly(packages) }, args => (file.test(args.importer) ? { path: args.path, external: true } : undefined))
        build.onLoad({ filter: file }, args => {
          let contents = readFileSync(args.path, 'utf8')
          for (const [line, deferred] of rewrites) {
            if (!contents.includes(line)) throw new Error(`${args.path} no longer has the line ${JSON.stringify(line)}: review DEFERRED_IMPORTS in scripts/bundle.mjs`)
            contents = contents.replace(line, deferred)
          }
          return { contents, loader: 'js' }
        })
      }
      for (const { importer, path } of UNUSED_RE_EXPORTS) {
        build.onResolve({ filter: exactly([path]) }, async args => {
          if (!importer.test(args.importer) || args.pluginData === 'unused-re-export') return undefined
          const resolved = await build.resolve(args.path, { kind: args.kind, importer: args.importer, resolveDir: args.resolveDir, pluginData: 'unused-re-export' })
          return resolved.errors.length > 0 ? { errors: resolved.errors } : { path: resolved.path, sideEffects: false }
        })
      }
    }
  }
}

/** The application as a CommonJS module, to be wrapped in a function expression (wrapModule). */
function appOptions (outfile, modules) {
  return {
    ...common,
    // One module that is every module of src/ the entry imports (src/app.ts, the settings, ...).
    stdin: { contents: modules.map(m => `export * from '${m}'`).join('\n'), resolveDir: join(root, 'src'), sourcefile: 'src/server-imports.ts', loader: 'ts' },
    outfile,
    format: 'cjs',
    // import() becomes require(): Node 20 loses a vm.Script's dynamic-import hook when the script is
    // compiled from cached data ("A dynamic import callback was not specified").
    supported: { 'dynamic-import': false },
    // The modules that find files beside themselves (package.json, the Swagger UI's static folder) read
    // import.meta.url: in CommonJS it is the module's own file, dist/app.cjs.
    banner: { js: "var __bundle_import_meta_url = require('node:url').pathToFileURL(__filename).href;" },
    define: { 'import.meta.url': '__bundle_import_meta_url' },
    plugins: [leaveOutUnusedCode()]
  }
}

/** The function expression loadCompiledModule compiles: Node's CommonJS wrapper, written into the file. */
function wrapModule (code) {
  return `(function (exports, require, module, __filename, __dirname) {${code}\n})`
}

/** The modules of src/ that src/server.ts imports (static or dynamic), as it writes them: './app.js', ... */
async function serverImports (esbuild) {
  const found = new Set()
  const record = {
    name: 'server-imports',
    setup (build) {
      build.onResolve({ filter: /.*/ }, args => {
        if (args.kind === 'entry-point') return undefined
        if (args.path.startsWith('.')) found.add(args.path)
        return { path: args.path, external: true }
      })
    }
  }
  await esbuild.build({ absWorkingDir: root, entryPoints: ['src/server.ts'], bundle: true, platform: 'node', format: 'esm', write: false, logLevel: 'error', plugins: [record] })
  return [...found]
}

/** The value names a module of src/ exports (its types are erased). */
async function exportsOf (esbuild, module) {
  const result = await esbuild.build({ absWorkingDir: root, entryPoints: [join('src', module.replace(/\.js$/, '.ts'))], bundle: false, format: 'esm', metafile: true, write: false, logLevel: 'error' })
  return Object.values(result.metafile.outputs)[0].exports
}

/**
 * Every module of src/ that src/server.ts imports comes from dist/app.cjs, loaded once through
 * src/startup/app-bundle.ts: one instance of each module, compiled from the code cache.
 */
function fromAppBundle (modules, names) {
  return {
    name: 'app-bundle',
    setup (build) {
      const serverTs = join(root, 'src', 'server.ts')
      build.onResolve({ filter: /^\./ }, args => (args.importer === serverTs && modules.includes(args.path) ? { path: 'app', namespace: 'app-bundle' } : undefined))
      build.onLoad({ filter: /.*/, namespace: 'app-bundle' }, () => ({
        contents: [
          "import { loadBundledApp } from './startup/app-bundle.js'",
          'const app = loadBundledApp().exports',
          ...names.map(name => `export const ${name} = app.${name}`)
        ].join('\n'),
        resolveDir: join(root, 'src'),
        loader: 'js'
      }))
    }
  }
}

/** esbuild's options for one of the ES module entries, written to `outfile`, with the hash of the app.cjs built. */
function entryOptions (entry, outfile, appHash, plugins = []) {
  return { ...common, entryPoints: [entry], outfile, format: 'esm', banner: esmBanner, define: { APP_BUNDLE_HASH: JSON.stringify(appHash) }, plugins }
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

function writeOutputs (result, transform = code => code) {
  for (const file of result.outputFiles) {
    mkdirSync(dirname(file.path), { recursive: true })
    writeFileSync(file.path, /\.(mjs|cjs)$/.test(file.path) ? asciiOnly(transform(file.text)) : file.contents)
  }
}

/**
 * Builds the three files with the esbuild module given (a dev dependency, loaded by the caller); `outfile`
 * is the entry's path, the other two go beside it. Any code cache there is removed: it belongs to the
 * build before (writeCodeCache makes the new one). Returns the entry's absolute path.
 */
export async function bundle (esbuild, outfile = BUNDLE) {
  const entry = resolve(root, outfile)
  const dir = dirname(entry)
  const modules = await serverImports(esbuild)
  const app = await esbuild.build(appOptions(join(dir, APP_BUNDLE), modules))
  const appFile = app.outputFiles.find(f => f.path.endsWith('.cjs'))
  const appHash = createHash('sha256').update(asciiOnly(wrapModule(appFile.text))).digest('hex')
  writeOutputs(app, wrapModule)
  rmSync(join(dir, `${APP_BUNDLE}.cache`), { force: true })
  const names = (await Promise.all(modules.map(m => exportsOf(esbuild, m)))).flat()
  writeOutputs(await esbuild.build(entryOptions('src/server.ts', entry, appHash, [fromAppBundle(modules, names)])))
  writeOutputs(await esbuild.build(entryOptions('src/startup/write-code-cache.ts', join(dir, CACHE_WRITER), appHash)))
  return entry
}

/** Writes dist/app.cjs.cache with this Node and the NODE_OPTIONS of the environment, as the service will start. */
export function writeCodeCache (entry = resolve(root, BUNDLE)) {
  execFileSync(process.execPath, [join(dirname(entry), CACHE_WRITER)], { stdio: ['ignore', 'ignore', 'inherit'] })
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  const esbuild = await import('esbuild')
  const started = performance.now()
  let file
  try {
    file = await bundle(esbuild)
  } catch {
    // esbuild has printed each error with its file and line.
    process.exit(1)
  }
  process.stderr.write(`bundled src/server.ts into ${file} and ${basename(APP_BUNDLE)} in ${Math.round(performance.now() - started)} ms\n`)
  writeCodeCache(file)
}
