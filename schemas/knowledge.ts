import { Type, type Static } from '@sinclair/typebox'
import { ref } from './ref.js'

export const KnowledgeQuerySchema = Type.Object({
  query: Type.String({ minLength: 1, maxLength: 500, description: 'What to look for in the course notes.' }),
  lang: Type.Optional(Type.Union([Type.Literal('pt'), Type.Literal('en')], { description: 'Only notes in this language (default: both).' })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 20, default: 5 }))
}, { $id: 'KnowledgeQuery', additionalProperties: false })

export const KnowledgeHitSchema = Type.Object({
  title: Type.String({ description: 'Title of the note.' }),
  path: Type.String({ description: 'Path of the note, e.g. `knowledge/pt/docker-images-layers.md`.' }),
  topic: Type.String(),
  lang: Type.String(),
  heading: Type.String({ description: 'Section of the note the passage comes from.' }),
  text: Type.String({ description: 'The passage (Markdown).' }),
  score: Type.Number({ description: 'BM25 relevance score.' })
}, { $id: 'KnowledgeHit', additionalProperties: false })

export const KnowledgeResultSchema = Type.Object({
  query: Type.String(),
  hits: Type.Array(ref(KnowledgeHitSchema)),
  notes: Type.Integer({ description: 'Notes in the index.' })
}, { $id: 'KnowledgeResult', additionalProperties: false })

export type KnowledgeQuery = Static<typeof KnowledgeQuerySchema>
export type KnowledgeResult = Static<typeof KnowledgeResultSchema>
