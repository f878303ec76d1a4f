// Typed references to registered schemas, so OpenAPI components keep their names.
import { Type, type Static, type TSchema, type TUnsafe } from '@sinclair/typebox'

/** A `$ref` to a schema registered with `app.addSchema`, typed as the schema it points to. */
export function ref<T extends TSchema> (schema: T): TUnsafe<Static<T>> {
  if (schema.$id === undefined) throw new Error('ref() needs a schema with an $id')
  return Type.Unsafe<Static<T>>(Type.Ref(schema.$id))
}
