// The `.env` file of the working directory: settings a developer keeps beside the clone instead of exporting them.
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { parseEnv } from 'node:util'

export type EnvFileResult =
  | { status: 'missing', path: string }
  /** `applied`: the variables the file set; the others were already set in the environment, which wins. */
  | { status: 'read', path: string, applied: string[], overridden: string[] }

/** A `.env` that exists but cannot be used: one line naming the file and why. */
export class EnvFileError extends Error {
  constructor (readonly path: string, reason: string) {
    super(`${path} cannot be read (${reason}); expected a file of NAME=value lines, or no file at all`)
    this.name = 'EnvFileError'
  }
}

const REASONS: Record<string, string> = {
  EACCES: 'permission denied',
  EISDIR: 'it is a directory',
  ELOOP: 'too many symbolic links'
}

/**
 * Fills `env` from `<dir>/.env` with Node's own parser (the syntax of `node --env-file`). A variable the environment
 * already holds a value for keeps it, so `PORT=9000 npm start` beats the file; a blank one counts as unset, as
 * everywhere in the configuration.
 */
export function applyEnvFile (env: NodeJS.ProcessEnv, dir: string): EnvFileResult {
  const path = resolve(dir, '.env')
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? ''
    if (code === 'ENOENT') return { status: 'missing', path }
    throw new EnvFileError(path, REASONS[code] ?? (code === '' ? String(err) : code))
  }
  const applied: string[] = []
  const overridden: string[] = []
  for (const [name, value] of Object.entries(parseEnv(text))) {
    if (value === undefined) continue
    const current = env[name]
    if (current !== undefined && current.trim() !== '') {
      overridden.push(name)
      continue
    }
    env[name] = value
    applied.push(name)
  }
  return { status: 'read', path, applied, overridden }
}
