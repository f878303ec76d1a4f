// `node dist/write-code-cache.mjs`: compiles and runs the bundled application (dist/app.cjs) and writes V8's
// code cache for it (dist/app.cjs.cache), for the starts to come. `npm run build` runs it, and so does the
// image's runtime stage, with the Node binary and NODE_OPTIONS the service will run with: V8 rejects a
// cache made by another version or with other flags.
// `node dist/write-code-cache.mjs --check` loads the application as a start would and says whether the
// cache was used (exit 0) or why not (exit 1), without writing one.

import { codeCachePath } from './compiled-module.js'
import { APP_BUNDLE, loadBundledApp } from './app-bundle.js'

const started = performance.now()
if (process.argv.includes('--check')) {
  const { cache } = loadBundledApp({ write: false })
  process.stderr.write(`${codeCachePath(APP_BUNDLE)}: ${cache}\n`)
  process.exit(cache === 'used' ? 0 : 1)
}
const { written } = loadBundledApp({ refresh: true })
if (!written) {
  process.stderr.write(`write-code-cache: cannot write ${codeCachePath(APP_BUNDLE)}\n`)
  process.exit(1)
}
process.stderr.write(`wrote ${codeCachePath(APP_BUNDLE)} in ${Math.round(performance.now() - started)} ms\n`)
// The application's modules are loaded, not started; nothing of theirs needs to finish.
process.exit(0)
