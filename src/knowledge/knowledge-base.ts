// The course-notes index the service holds: built once at start, rebuilt on demand or when the
// notes directory changes, always answering from the last good build.

import { statSync, watch, type FSWatcher } from 'node:fs'
import { join, resolve } from 'node:path'
import { packageRoot } from '../package-info.js'
import { KnowledgeIndex, type SearchHit, type SearchOptions } from './knowledge-index.js'
import { loadNotes, loadNotesSync } from './load-notes.js'

/** The notes that ship with the service. */
export function defaultKnowledgeDir (): string {
  return join(packageRoot, 'knowledge')
}

export interface KnowledgeBaseOptions {
  /** Directory of Markdown notes (default: the bundled `knowledge/`). */
  dir?: string
  /** Rebuild when a file under `dir` changes. */
  watch?: boolean
  /** Quiet time after the last change before rebuilding, in milliseconds. */
  debounceMs?: number
  /** Told about every rebuild that the watcher triggers. */
  onReload?: (stats: KnowledgeStats) => void
  /** Told when a rebuild fails; the previous index stays in use. */
  onError?: (err: Error) => void
}

export interface KnowledgeStats {
  dir: string
  notes: number
  passages: number
  languages: string[]
  /** Index build time in milliseconds (reading the files not included). */
  buildMs: number
  /** Reading and parsing the files, in milliseconds. */
  loadMs: number
}

export interface KnowledgeBase {
  readonly dir: string
  /** The index in use; replaced as a whole by a successful reload. */
  readonly index: KnowledgeIndex
  readonly stats: KnowledgeStats
  search: (query: string, options?: SearchOptions) => SearchHit[]
  /** Rebuild from `dir`, or from a new directory. Rejects, keeping the old index, when it fails. */
  reload: (dir?: string) => Promise<KnowledgeStats>
  /** Stop watching. */
  close: () => void
}

function checkDir (dir: string): void {
  let isDir = false
  try {
    isDir = statSync(dir).isDirectory()
  } catch {
    isDir = false
  }
  if (!isDir) throw new Error(`knowledge directory not found: ${dir}`)
}

function statsOf (dir: string, index: KnowledgeIndex, loadMs: number): KnowledgeStats {
  return {
    dir,
    notes: index.notes.length,
    passages: index.passages.length,
    languages: index.languages,
    buildMs: index.buildMs,
    loadMs
  }
}

/** Reads the notes and builds the index now (synchronously: it runs once while the service starts). */
export function createKnowledgeBase (options: KnowledgeBaseOptions = {}): KnowledgeBase {
  let dir = resolve(options.dir ?? defaultKnowledgeDir())
  checkDir(dir)
  const started = performance.now()
  const notes = loadNotesSync(dir)
  const loadMs = performance.now() - started
  let index = KnowledgeIndex.build(notes)
  let stats = statsOf(dir, index, loadMs)

  let watcher: FSWatcher | undefined
  let timer: NodeJS.Timeout | undefined
  // A reload asked for while one runs is queued behind it, so the last change always wins.
  let running: Promise<KnowledgeStats> | undefined

  const rebuild = async (target: string): Promise<KnowledgeStats> => {
    checkDir(target)
    const t0 = performance.now()
    const loaded = await loadNotes(target)
    const t1 = performance.now()
    const next = KnowledgeIndex.build(loaded)
    index = next
    if (target !== dir) {
      dir = target
      if (watcher !== undefined) startWatching()
    }
    stats = statsOf(target, next, t1 - t0)
    return stats
  }

  const reload = async (newDir?: string): Promise<KnowledgeStats> => {
    const target = resolve(newDir ?? dir)
    const previous = running ?? Promise.resolve(stats)
    const next = previous.catch(() => stats).then(async () => await rebuild(target))
    running = next
    try {
      return await next
    } finally {
      if (running === next) running = undefined
    }
  }

  const onChange = (): void => {
    if (timer !== undefined) clearTimeout(timer)
    timer = setTimeout(() => {
      timer = undefined
      reload().then(
        s => options.onReload?.(s),
        (err: unknown) => options.onError?.(err instanceof Error ? err : new Error(String(err)))
      )
    }, options.debounceMs ?? 200)
    timer.unref()
  }

  function startWatching (): void {
    watcher?.close()
    watcher = watch(dir, { recursive: true, persistent: false }, onChange)
    watcher.on('error', err => options.onError?.(err))
  }

  if (options.watch === true) startWatching()

  return {
    get dir () { return dir },
    get index () { return index },
    get stats () { return stats },
    search: (query, searchOptions) => index.search(query, searchOptions),
    reload,
    close: () => {
      if (timer !== undefined) clearTimeout(timer)
      timer = undefined
      watcher?.close()
      watcher = undefined
    }
  }
}
