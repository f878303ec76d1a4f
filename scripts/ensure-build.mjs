// `npm start`'s first step: makes the server's bundle (dist/server.mjs, scripts/bundle.mjs) match src/ and schemas/,
// so a fresh clone or an edited tree starts at once. esbuild bundles in about a second; it does not check types,
// which `npm run typecheck` and `npm test` do. The production image builds the same bundle with `npm run build`,
// after tsc has checked the types (scripts/build-prod.sh).
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { BUNDLE, bundle } from './bundle.mjs'

const root = fileURLToPath(new URL('..', import.meta.url))
const stamp = join(root, 'dist', '.start-build')
const entry = join(root, BUNDLE)
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
// The bundle holds the dependencies too: an install that changed them (package-lock.json) rebuilds it.
const inputs = [join(root, 'package.json'), join(root, 'package-lock.json'), join(root, 'scripts', 'bundle.mjs')].filter(f => existsSync(f))
const newest = Math.max(...[...inputs, ...files].map(f => statSync(f).mtimeMs))
// `npm run build` writes the bundle without the stamp: its own time counts then.
const built = existsSync(entry) ? Math.max(statSync(entry).mtimeMs, existsSync(stamp) ? statSync(stamp).mtimeMs : 0) : 0

if (built < newest) {
  let esbuild
  try {
    esbuild = await import('esbuild')
  } catch {
    // An install without dev dependencies (the production image) has no esbuild; a built bundle still runs.
    if (!existsSync(entry)) {
      say(`${BUNDLE} is missing and esbuild is not installed: run \`npm ci\` (or \`npm run build\`) first`)
      process.exit(1)
    }
    say(`esbuild is not installed (dev dependencies omitted); starting the ${BUNDLE} already built`)
  }
  if (esbuild !== undefined) await compile(esbuild)
}

async function compile (esbuild) {
  const started = performance.now()
  say(`bundling src/server.ts and its dependencies into ${BUNDLE} with esbuild (types are checked by npm run typecheck) ...`)
  try {
    await bundle(esbuild)
  } catch {
    // esbuild has printed each error with its file and line.
    say('bundling failed; fix the errors above')
    process.exit(1)
  } finally {
    // esbuild keeps a helper process for further builds; the server that starts next needs none.
    await esbuild.stop?.()
  }
  writeFileSync(stamp, `${new Date().toISOString()}\n`)
  say(`bundled in ${Math.round(performance.now() - started)} ms; starting the server`)
}
