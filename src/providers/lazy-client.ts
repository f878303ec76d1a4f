// An SDK client built at its provider's first call rather than at start-up.
// Importing the three SDKs was about a third of the service's start (openai, @google/genai and
// @huggingface/inference with their dependency trees) and 15-20 MB of an idle replica's memory; a replica
// answers /health and /ready, and serves the page and the docs, without them. The first call pays the import
// once; every call after it gets the same client, and so the same connection pool.

export class LazyClient<T> {
  #client: T | undefined
  #loading: Promise<T> | undefined
  readonly #build: () => Promise<T>

  constructor (build: () => Promise<T>) {
    this.#build = build
  }

  /** The client, built on the first call; a failed build (an SDK that cannot be loaded) is tried again next time. */
  async get (): Promise<T> {
    if (this.#client !== undefined) return this.#client
    this.#loading ??= this.#build().then(
      client => { this.#client = client; return client },
      (err: unknown) => { this.#loading = undefined; throw err }
    )
    return await this.#loading
  }
}
