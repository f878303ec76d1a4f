// Where learned reliability lives between restarts: a file under DATA_DIR, or Redis shared by every replica.

import { mkdir, readFile, rename, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import type { Redis } from 'ioredis'
import { emptyTrust, parseTrust, type TrustState } from './reliability.js'

export interface TrustStore {
  /** What is stored, or an empty state; a store that cannot be read says so through `onProblem`. */
  load: () => Promise<TrustState>
  /** Applies `change` to the stored state and stores the result, safely against other writers. */
  update: (change: (state: TrustState) => TrustState) => Promise<TrustState>
  /** Where it lives, for the start-up line (never a password). */
  readonly where: string
  /** Stores whatever is still held back; called when the service closes. */
  close?: () => Promise<void>
}

/** At most one write of the reliability file per this many milliseconds while questions keep coming. */
export const FILE_WRITE_INTERVAL_MS = 1000

/**
 * One JSON file, written atomically (a temporary file renamed over it), so a crash never leaves half
 * a file. A file that cannot be parsed is set aside as `<name>.corrupt-<time>` and reported in one
 * line; the service starts from scratch rather than refusing to start.
 *
 * Writes come behind the state in memory: the first change after a quiet second is written at once, the
 * changes that follow it within FILE_WRITE_INTERVAL_MS are written together, as the latest state, when
 * it ends (every ask learns, and writing the file each time was a percent of the service's CPU under
 * load). `close()` writes what is still pending, so a restart loses nothing; a crash loses at most the
 * last second of learning.
 */
export class FileTrustStore implements TrustStore {
  private state: TrustState | null = null
  /** The latest state not yet handed to a write. */
  private pending: TrustState | null = null
  /** The write in progress, if any. */
  private writing: Promise<void> | null = null
  private timer: NodeJS.Timeout | null = null
  private lastWriteAt = Number.NEGATIVE_INFINITY
  private closed = false
  readonly where: string

  constructor (private readonly path: string, private readonly onProblem: (message: string) => void, private readonly now: () => number = Date.now) {
    this.where = path
  }

  static inDir (dir: string, onProblem: (message: string) => void): FileTrustStore {
    return new FileTrustStore(join(dir, 'trust.json'), onProblem)
  }

  async load (): Promise<TrustState> {
    if (this.state !== null) return this.state
    let text: string
    try {
      text = await readFile(this.path, 'utf8')
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') this.onProblem(`cannot read ${this.path} (${(err as NodeJS.ErrnoException).code ?? 'error'}); starting without learned reliability`)
      this.state = emptyTrust()
      return this.state
    }
    try {
      this.state = parseTrust(JSON.parse(text))
    } catch (err) {
      const aside = `${this.path}.corrupt-${this.now()}`
      await rename(this.path, aside).catch(() => undefined)
      this.onProblem(`${this.path} is not a valid reliability file (${(err as Error).message}); set aside as ${aside}, starting from scratch`)
      this.state = emptyTrust()
    }
    return this.state
  }

  async update (change: (state: TrustState) => TrustState): Promise<TrustState> {
    const next = change(await this.load())
    this.state = next
    this.pending = next
    this.schedule()
    return next
  }

  /** Writes what is pending and waits for it; later changes are written at once. */
  async close (): Promise<void> {
    this.closed = true
    if (this.timer !== null) {
      clearTimeout(this.timer)
      this.timer = null
    }
    while (this.writing !== null || this.pending !== null) {
      if (this.writing === null) this.startWrite()
      await this.writing
    }
  }

  private schedule (): void {
    // A write in progress or a timer already set picks the pending state up when it ends.
    if (this.writing !== null || this.timer !== null || this.pending === null) return
    const wait = this.closed ? 0 : this.lastWriteAt + FILE_WRITE_INTERVAL_MS - this.now()
    if (wait <= 0) {
      this.startWrite()
      return
    }
    this.timer = setTimeout(() => {
      this.timer = null
      this.schedule()
    }, wait)
    // A pending write never keeps the process alive; close() is what writes it on the way out.
    this.timer.unref()
  }

  private startWrite (): void {
    const state = this.pending
    if (state === null) return
    this.pending = null
    this.lastWriteAt = this.now()
    // One write at a time: the last state always wins, whatever order the file system finishes in.
    this.writing = this.write(state).catch(err => {
      this.onProblem(`cannot write ${this.path} (${(err as NodeJS.ErrnoException).code ?? (err as Error).message}); learned reliability is kept in memory`)
    }).finally(() => {
      this.writing = null
      this.schedule()
    })
  }

  private async write (state: TrustState): Promise<void> {
    await mkdir(dirname(this.path), { recursive: true })
    const temporary = `${this.path}.${process.pid}.tmp`
    await writeFile(temporary, JSON.stringify(state))
    await rename(temporary, this.path)
  }
}

/** The key every replica reads and writes. */
export const TRUST_KEY = 'iscoolgpt:trust:v1'
const MAX_CONFLICT_RETRIES = 20

/**
 * One Redis key holding the state, updated with optimistic locking (WATCH/MULTI): two replicas
 * learning at once never lose each other's update; the loser of a race reads again and retries.
 */
export class RedisTrustStore implements TrustStore {
  readonly where = 'redis'
  /**
   * WATCH belongs to a connection, and this process shares one: two updates interleaved on it would
   * watch for each other and lose one. Updates from this process go one at a time; WATCH/MULTI keeps
   * them safe against the other replicas.
   */
  private queue: Promise<unknown> = Promise.resolve()

  constructor (private readonly redis: Redis, private readonly onProblem: (message: string) => void) {}

  async load (): Promise<TrustState> {
    const text = await this.redis.get(TRUST_KEY)
    return this.parse(text)
  }

  private parse (text: string | null): TrustState {
    if (text === null) return emptyTrust()
    try {
      return parseTrust(JSON.parse(text))
    } catch (err) {
      this.onProblem(`the reliability state in Redis (${TRUST_KEY}) is not valid (${(err as Error).message}); it will be replaced`)
      return emptyTrust()
    }
  }

  async update (change: (state: TrustState) => TrustState): Promise<TrustState> {
    const run = this.queue.then(async () => await this.updateNow(change))
    this.queue = run.catch(() => undefined)
    return await run
  }

  private async updateNow (change: (state: TrustState) => TrustState): Promise<TrustState> {
    for (let attempt = 0; attempt < MAX_CONFLICT_RETRIES; attempt++) {
      await this.redis.watch(TRUST_KEY)
      let next: TrustState
      try {
        next = change(this.parse(await this.redis.get(TRUST_KEY)))
      } catch (err) {
        await this.redis.unwatch().catch(() => undefined)
        throw err
      }
      const result = await this.redis.multi().set(TRUST_KEY, JSON.stringify(next)).exec()
      if (result !== null) return next
      // Another replica wrote in between: read again after a short, random pause.
      await new Promise(resolve => setTimeout(resolve, Math.random() * 10 * (attempt + 1)))
    }
    throw new Error(`the reliability state changed under ${MAX_CONFLICT_RETRIES} attempts in a row`)
  }
}
