// Loading the bundled application (dist/app.cjs, scripts/bundle.mjs) with V8's code cache.
//
// Compiling the 7 MB bundle is a fifth of a cold start: V8 pre-parses all of it before the first line
// runs, then compiles each function as it is first called. Node 20 has no compile cache for modules, so
// the application is bundled as one CommonJS function expression and compiled here as a vm.Script, which
// takes V8's cached data: the bytecode of everything the start compiled, serialised once by
// `node dist/write-code-cache.mjs` (the build and the image run it) and checked by V8 before use.
//
// V8 accepts a cache only from its own version and the same flags (a different --max-old-space-size is
// enough to reject it) and identifies the source by its length alone. So the cache file starts with the
// hash of the bundle it was made from, which the build writes into dist/server.mjs: a cache left from
// another build is never used, whatever its length. A missing or rejected cache costs nothing but the
// time it saves; where the directory is writable a fresh one is written for the next start.

import { accessSync, constants, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname } from 'node:path'
import { Script } from 'node:vm'

/** What became of the code cache on this load. */
export type CodeCacheOutcome = 'used' | 'missing' | 'stale' | 'rejected'

export interface CompiledModule {
  exports: Record<string, unknown>
  cache: CodeCacheOutcome
  /** A fresh cache was written beside the module for the next start. */
  written: boolean
}

/** The cache of `file`: `<file>.cache`. */
export function codeCachePath (file: string): string {
  return `${file}.cache`
}

const HEADER_END = 0x0a

/** The cache's bytes, or null when there is none or it was made from another build of the module. */
function readCache (file: string, sourceHash: string): { data: Buffer | null, outcome: CodeCacheOutcome } {
  let bytes: Buffer
  try {
    bytes = readFileSync(codeCachePath(file))
  } catch {
    return { data: null, outcome: 'missing' }
  }
  const end = bytes.indexOf(HEADER_END)
  if (end < 0 || bytes.subarray(0, end).toString('latin1') !== sourceHash) return { data: null, outcome: 'stale' }
  return { data: bytes.subarray(end + 1), outcome: 'used' }
}

/** Writes the cache through a temporary file, so a replica starting meanwhile never reads half of one. */
function writeCache (file: string, sourceHash: string, script: Script): boolean {
  const target = codeCachePath(file)
  const temporary = `${target}.${process.pid}.tmp`
  try {
    // A read-only install (the image's /app) is told before the cache is serialised for nothing.
    accessSync(dirname(target), constants.W_OK)
  } catch {
    return false
  }
  try {
    writeFileSync(temporary, Buffer.concat([Buffer.from(`${sourceHash}\n`, 'latin1'), script.createCachedData()]))
    renameSync(temporary, target)
    return true
  } catch {
    // Whatever stops the write, the start goes on with the cache it had, or without one.
    rmSync(temporary, { force: true })
    return false
  }
}

export interface LoadOptions {
  /** Ignore any cache and write a new one. */
  refresh?: boolean
  /** Write a fresh cache when there was none or it could not be used (default true). */
  write?: boolean
}

/**
 * Compiles and runs `file`, a CommonJS module written as one function expression
 * `(function (exports, require, module, __filename, __dirname) { ... })`, and returns its exports.
 * `sourceHash` names the build of `file` (the cache must come from it). The module must not use
 * `import()`: Node 20 loses a script's dynamic-import hook when the script comes from cached data (the
 * bundle turns it into require()).
 */
export function loadCompiledModule (file: string, sourceHash: string, { refresh = false, write = true }: LoadOptions = {}): CompiledModule {
  // Latin-1 reads the pure-ASCII bundle straight into a one-byte string (no UTF-8 decoding).
  const source = readFileSync(file, 'latin1')
  const cached = refresh ? { data: null, outcome: 'missing' as const } : readCache(file, sourceHash)
  const script = new Script(source, { filename: file, ...(cached.data === null ? {} : { cachedData: cached.data }) })
  const outcome: CodeCacheOutcome = cached.data !== null && script.cachedDataRejected === true ? 'rejected' : cached.outcome
  const wrapper = script.runInThisContext() as (exports: object, require: NodeJS.Require, module: { exports: object }, filename: string, dirname: string) => void
  const module = { exports: {} }
  wrapper(module.exports, createRequire(file), module, file, dirname(file))
  // After the module has run, the cache holds every function its evaluation compiled, not just the top level.
  const written = (refresh || (write && outcome !== 'used')) && writeCache(file, sourceHash, script)
  return { exports: module.exports as Record<string, unknown>, cache: outcome, written }
}
