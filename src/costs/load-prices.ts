// PRICES_FILE: a JSON or YAML table of model prices laid over the shipped defaults.
import { readFileSync } from 'node:fs'
import { Type } from '@sinclair/typebox'
import { Value } from '@sinclair/typebox/value'
import { parse as parseYaml } from 'yaml'
import { DEFAULT_PRICES, PriceTable, type ModelPrice } from './price-table.js'

const ModelPriceSchema = Type.Object({
  input: Type.Number({ minimum: 0 }),
  output: Type.Number({ minimum: 0 }),
  typicalCompletionTokens: Type.Optional(Type.Integer({ minimum: 0, maximum: 1000000 }))
}, { additionalProperties: false })

const PriceFileSchema = Type.Record(Type.String({ minLength: 1 }), ModelPriceSchema)

/** A start-up error about the price table: one line naming the file and the bad entry. */
export class PriceConfigError extends Error {
  constructor (message: string) {
    super(message)
    this.name = 'PriceConfigError'
  }
}

/**
 * Reads a price file: `{ "<model>": { input, output, typicalCompletionTokens? } }` in USD per million
 * tokens, optionally under a top-level `models:` key.
 */
export function readPricesFile (file: string): Record<string, ModelPrice> {
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch (err) {
    throw new PriceConfigError(`PRICES_FILE ${file} cannot be read: ${(err as NodeJS.ErrnoException).code ?? String(err)}`)
  }
  const json = file.endsWith('.json')
  let data: unknown
  try {
    data = json ? JSON.parse(text) : parseYaml(text)
  } catch (err) {
    throw new PriceConfigError(`PRICES_FILE ${file} is not valid ${json ? 'JSON' : 'YAML'}: ${(err as Error).message.split('\n')[0] ?? ''}`)
  }
  const table = data !== null && typeof data === 'object' && !Array.isArray(data) && 'models' in data ? (data as { models: unknown }).models : data
  if (table === null || typeof table !== 'object' || Array.isArray(table)) {
    throw new PriceConfigError(`PRICES_FILE ${file} must map model names to {input, output} prices in USD per million tokens`)
  }
  for (const [model, price] of Object.entries(table)) {
    const first = Value.Errors(ModelPriceSchema, price).First()
    if (first !== undefined) {
      const where = first.path === '' ? 'the entry' : first.path.slice(1)
      const what = first.message === 'Unexpected property' ? 'is not an accepted field' : first.message.toLowerCase()
      throw new PriceConfigError(`PRICES_FILE ${file}: "${model}": ${where} ${what}`)
    }
  }
  if (!Value.Check(PriceFileSchema, table)) throw new PriceConfigError(`PRICES_FILE ${file}: model names must not be empty`)
  return table
}

/** The shipped prices, with PRICES_FILE's entries replacing or adding models. */
export function loadPriceTable (file: string | undefined): PriceTable {
  if (file === undefined) return new PriceTable()
  return new PriceTable({ ...DEFAULT_PRICES, ...readPricesFile(file) })
}
