// `npm start`'s first step: makes dist/ match src/ and schemas/ so a fresh clone or an edited tree starts at once.
// esbuild transpiles each file on its own into the layout `tsc -p tsconfig.build.json` writes (dist/src/...,
// dist/schemas/...), in well under a second; it does not check types, which `npm run typecheck` and `npm test` do.
// The production image still compiles with tsc (scripts/build-prod.sh).
import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))
const stamp = join(root, 'dist', '.start-build')
const entry = join(root, 'dist', 'src', 'server.js')
const say = message => process.stderr.write(`npm start: ${message}\n`)

function sources (dir, found = []) {
  for (const item of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, item.name)
    if (item.isDirectory()) sources(path, found)
    else if (item.name.endsWith('.ts') && !item.name.endsWith('.d.ts')) found.push(path)
  }
  return found
}

const files = [...sources(join(root, 'src')), ...sources(join(root, 'schemas'))]
const newest = Math.max(statSync(join(root, 'package.json')).mtimeMs, ...files.map(f => statSync(f).mtimeMs))
const built = existsSync(stamp) && existsSync(entry) ? statSync(stamp).mtimeMs : 0

if (built < newest) {
  let esbuild
  try {
    esbuild = await import('esbuild')
  } catch {
    // An install without dev dependencies (the production image) has no esbuild; a compiled dist/ still runs.
    if (!existsSync(entry)) {
      say('dist/ is missing and esbuild is not installed: run `npm ci` (or `npm run build`) first')
      process.exit(1)
    }
    say('esbuild is not installed (dev dependencies omitted); starting the dist/ already built')
  }
  if (esbuild !== undefined) await compile(esbuild)
}

async function compile (esbuild) {
  const started = performance.now()
  say(`compiling ${files.length} TypeScript files of src/ and schemas/ into dist/ with esbuild (types are checked by npm run typecheck) ...`)
  try {
    await esbuild.build({
      entryPoints: files.map(f => relative(root, f)),
      absWorkingDir: root,
      outdir: 'dist',
      outbase: '.',
      bundle: false,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      sourcemap: true,
      logLevel: 'error'
    })
  } catch {
    // esbuild has printed each syntax error with its file and line.
    say('compilation failed; fix the errors above')
    process.exit(1)
  } finally {
    // esbuild keeps a helper process for further builds; the server that starts next needs none.
    await esbuild.stop?.()
  }
  mkdirSync(join(root, 'dist'), { recursive: true })
  writeFileSync(stamp, `${new Date().toISOString()}\n`)
  say(`compiled in ${Math.round(performance.now() - started)} ms; starting the server`)
}
