// The application as the production bundle loads it: dist/app.cjs, compiled through its code cache
// (compiled-module.ts). Only the bundle uses this module: scripts/bundle.mjs points src/server.ts's
// imports of src/ (./app.js, ./config.js, ...) here and defines APP_BUNDLE_HASH, the hash of the dist/app.cjs it built.

import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { loadCompiledModule, type CompiledModule, type LoadOptions } from './compiled-module.js'

declare const APP_BUNDLE_HASH: string

/** dist/app.cjs, beside the bundled entry that imports this module. */
export const APP_BUNDLE = join(dirname(fileURLToPath(import.meta.url)), 'app.cjs')

/** The exports of the modules src/server.ts imports (src/app.ts, the settings), from the bundle. */
export function loadBundledApp (options: LoadOptions = {}): CompiledModule {
  return loadCompiledModule(APP_BUNDLE, APP_BUNDLE_HASH, options)
}
