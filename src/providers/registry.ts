// The configured providers, looked up by id; which of them can answer right now.
import type { Provider } from './types.js'

export interface ProviderAvailability {
  /** False while the provider's circuit is open or it is otherwise known to be down. */
  isUsable: (providerId: string) => boolean
}

const alwaysUsable: ProviderAvailability = { isUsable: () => true }

export class ProviderRegistry {
  private readonly byId = new Map<string, Provider>()
  private availability: ProviderAvailability = alwaysUsable

  constructor (providers: Provider[]) {
    for (const p of providers) {
      if (this.byId.has(p.id)) throw new Error(`duplicate provider id "${p.id}"`)
      this.byId.set(p.id, p)
    }
  }

  setAvailability (availability: ProviderAvailability): void {
    this.availability = availability
  }

  all (): Provider[] {
    return [...this.byId.values()]
  }

  get (id: string): Provider | undefined {
    return this.byId.get(id)
  }

  /** Ids in `ids` that no configured provider has. */
  unknown (ids: string[]): string[] {
    return ids.filter(id => !this.byId.has(id))
  }

  usable (): Provider[] {
    return this.all().filter(p => this.availability.isUsable(p.id))
  }
}
