// Identical work asked for at the same time runs once; everyone who asked shares the result.

interface Flight<T> {
  promise: Promise<T>
  controller: AbortController
  /** Callers still waiting; the work is cancelled only when every one of them has gone. */
  waiting: number
}

export interface Joined<T> {
  promise: Promise<T>
  /** True for the caller whose request started the work. */
  leader: boolean
}

export class SingleFlight<T> {
  private readonly flights = new Map<string, Flight<T>>()

  /** Runs `work` for `key` unless it is already running, in which case the caller joins that run. */
  run (key: string, signal: AbortSignal, work: (signal: AbortSignal) => Promise<T>): Joined<T> {
    const running = this.flights.get(key)
    if (running !== undefined) {
      const forget = this.follow(running, signal)
      running.promise.then(forget, forget)
      return { promise: running.promise, leader: false }
    }
    const controller = new AbortController()
    const flight = { controller, waiting: 0 } as Flight<T>
    // Joined before the work starts, so a caller that is already gone hands it an aborted signal.
    const forget = this.follow(flight, signal)
    flight.promise = (async () => {
      try {
        return await work(controller.signal)
      } finally {
        if (this.flights.get(key) === flight) this.flights.delete(key)
      }
    })()
    flight.promise.then(forget, forget)
    this.flights.set(key, flight)
    return { promise: flight.promise, leader: true }
  }

  /** How many runs are in progress. */
  get size (): number {
    return this.flights.size
  }

  /** Counts the caller in until its signal fires; returns what unhooks it once the run is over. */
  private follow (flight: Flight<T>, signal: AbortSignal): () => void {
    flight.waiting++
    const leave = (): void => {
      flight.waiting--
      if (flight.waiting === 0) flight.controller.abort(signal.reason)
    }
    if (signal.aborted) {
      leave()
      return () => {}
    }
    signal.addEventListener('abort', leave, { once: true })
    return () => { signal.removeEventListener('abort', leave) }
  }
}
