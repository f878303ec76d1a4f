import { Type, type Static } from '@sinclair/typebox'

export const HealthSchema = Type.Object({
  status: Type.Literal('ok'),
  version: Type.String({ description: 'Service version.' }),
  uptimeS: Type.Number({ minimum: 0, description: 'Seconds since the process started.' })
}, { $id: 'Health', additionalProperties: false })

export const ReadySchema = Type.Object({
  status: Type.Literal('ready'),
  providers: Type.Array(Type.String(), { description: 'Ids of the providers that can answer now.' })
}, { $id: 'Ready', additionalProperties: false })

export type Health = Static<typeof HealthSchema>
export type Ready = Static<typeof ReadySchema>
