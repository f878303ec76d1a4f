// A note's front matter (the YAML between the `---` lines). The notes are written in a small subset of
// YAML: `key: plain text`, `keywords: [a, b, c]` and `questions:` mapping quoted headings to lists of
// quoted questions. That subset is read here line by line; anything else goes to the yaml package, whose
// general parser took a sixth of a start with the course notes (0.18 s for their 8,000 questions, most
// of it before its code was warm). The fast path returns exactly what the yaml package would, or gives up.

import { parse as parseYaml } from 'yaml'

/** The front matter's value: the subset read directly, anything else (or anything odd) by the yaml package. */
export function parseFrontMatter (text: string): unknown {
  return readPlainFrontMatter(text) ?? parseYaml(text)
}

// A plain scalar that would need more of the grammar: an indicator or a space first, a comment or a key inside.
const NOT_PLAIN_TEXT = /^[-?:,[\]{}#&*!|>'"%@`\s]|: |\s#|\s$|^$/
// One that YAML 1.2's core schema (the yaml package's) reads as a number, a boolean or null.
const NOT_A_STRING = /^(?:[-+]?\d+|0o[0-7]+|0x[\da-f]+|[-+]?(?:\.\d+|\d+(?:\.\d*)?)(?:e[-+]?\d+)?|[-+]?\.inf|\.nan|true|false|null|~)$/i

/** A plain scalar as YAML reads it, or null when the fast path cannot be sure. */
function plain (text: string): string | null {
  return NOT_PLAIN_TEXT.test(text) || NOT_A_STRING.test(text) ? null : text
}

/** A double-quoted scalar on one line: YAML's escapes include JSON's, and any other one makes JSON.parse give up. */
function quoted (body: string): string | null {
  try {
    return JSON.parse(`"${body}"`) as string
  } catch {
    return null
  }
}

const TOP_KEY = /^([A-Za-z_][\w-]*):(?: (.*))?$/
const FLOW_LIST = /^\[(.*)\]$/
const NESTED_KEY = /^ {2}"((?:[^"\\]|\\.)*)":$/
const NESTED_ITEM = /^ {4}- "((?:[^"\\]|\\.)*)"$/

/**
 * The front matter when every line is one of the subset's shapes, else null. Values: plain text, a flow
 * list of plain text, or a block mapping of quoted keys to block lists of quoted text (null when empty,
 * as in YAML). A duplicate key, which YAML rejects, is left to the yaml package to report.
 */
export function readPlainFrontMatter (text: string): Record<string, unknown> | null {
  const out: Record<string, unknown> = {}
  const mappings = new Map<string, Record<string, string[] | null>>()
  let mapping: Record<string, string[] | null> | null = null
  let listKey: string | null = null
  for (const line of text.split(/\r?\n/)) {
    if (line.trim() === '') continue
    const top = TOP_KEY.exec(line)
    if (top !== null) {
      const [, key, rest] = top
      if (Object.hasOwn(out, key)) return null
      mapping = null
      listKey = null
      const value = rest?.trimEnd() ?? ''
      if (value === '') {
        // A block mapping follows, or nothing (YAML reads an empty value as null).
        mapping = {}
        mappings.set(key, mapping)
        out[key] = null
        continue
      }
      const flow = FLOW_LIST.exec(value)
      if (flow !== null) {
        const items = flow[1].trim() === '' ? [] : flow[1].split(',').map(item => item.trim())
        if (items.some(item => /[[\]{}]/.test(item) || plain(item) === null)) return null
        out[key] = items
        continue
      }
      const scalar = plain(value)
      if (scalar === null) return null
      out[key] = scalar
      continue
    }
    const nestedKey = NESTED_KEY.exec(line)
    if (nestedKey !== null && mapping !== null) {
      const key = quoted(nestedKey[1])
      if (key === null || Object.hasOwn(mapping, key)) return null
      mapping[key] = null
      listKey = key
      continue
    }
    const item = NESTED_ITEM.exec(line)
    if (item !== null && mapping !== null && listKey !== null) {
      const value = quoted(item[1])
      if (value === null) return null
      ;(mapping[listKey] ??= []).push(value)
      continue
    }
    return null
  }
  for (const [key, entries] of mappings) if (Object.keys(entries).length > 0) out[key] = entries
  return out
}
