// A typed IsCoolGPT client: openapi-fetch over the types openapi-typescript generates from openapi.yaml.
import createClient, { type Client, type ClientOptions } from 'openapi-fetch'
import type { components, paths } from './schema.js'

export type { components, operations, paths } from './schema.js'

type Schemas = components['schemas']
export type AskRequest = Schemas['AskRequest']
export type AskResponse = Schemas['AskResponse']
export type Candidate = Schemas['Candidate']
export type AskStreamEvent = Schemas['AskStreamEvent']
export type ProviderList = Schemas['ProviderList']
export type Health = Schemas['Health']
export type Problem = Schemas['Problem']

/**
 * The media types this client reads: JSON bodies and problem+json errors. `POST /api/ask` also answers
 * `text/event-stream` when asked to; read that with an SSE reader, not with this client.
 */
export type JsonMedia = 'application/json' | 'application/problem+json'

export type IsCoolGptClient = Client<paths, JsonMedia>

export interface IsCoolGptClientOptions extends Omit<ClientOptions, 'baseUrl' | 'headers'> {
  /** A key from the server's API_KEYS, sent as a bearer token. */
  apiKey?: string
  headers?: Record<string, string>
}

/** `baseUrl` is the server's root, e.g. `http://localhost:8080`. */
export function createIsCoolGptClient (baseUrl: string, options: IsCoolGptClientOptions = {}): IsCoolGptClient {
  const { apiKey, headers = {}, ...rest } = options
  return createClient<paths, JsonMedia>({
    ...rest,
    baseUrl: baseUrl.replace(/\/+$/, ''),
    headers: { ...(apiKey !== undefined ? { authorization: `Bearer ${apiKey}` } : {}), ...headers }
  })
}
