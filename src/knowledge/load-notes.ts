// Reads course notes (Markdown with YAML front matter) from a directory tree and splits each note
// into passages: the summary paragraph(s) under the title, then one passage per `## ` section.

import { readdirSync, readFileSync } from 'node:fs'
import { readdir, readFile } from 'node:fs/promises'
import { basename, join, relative, sep } from 'node:path'
import { parseFrontMatter } from './front-matter.js'
import { LANGS, type Lang } from './analyzer.js'
import { detectLanguage } from './language.js'

export interface NoteSection {
  heading: string
  /** Markdown body of the section, without its heading line. */
  text: string
  /**
   * Questions a student would ask that this section answers, in a student's words (front matter
   * `questions:`, keyed by heading): they let a paraphrase that shares no word with the section's
   * own text ("flip traffic back" for a blue/green rollback) find it.
   */
  questions: string[]
}

export interface Note {
  /** Display path: the directory's own name, then the path inside it (`knowledge/pt/dns.md`). */
  path: string
  topic: string
  lang: Lang
  title: string
  keywords: string[]
  /** Text between the title and the first section ('' when the note has none). */
  summary: string
  /** Students' questions that the summary answers (front matter `questions:` under the note's title). */
  summaryQuestions: string[]
  sections: NoteSection[]
}

const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/
const FENCE = /^\s*(```|~~~)/

function isLang (value: unknown): value is Lang {
  return typeof value === 'string' && (LANGS as readonly string[]).includes(value)
}

function asKeywords (value: unknown): string[] {
  if (Array.isArray(value)) return value.filter(v => typeof v === 'string' || typeof v === 'number').map(String)
  if (typeof value === 'string') return value.split(',').map(s => s.trim()).filter(Boolean)
  return []
}

function asQuestionList (value: unknown): string[] {
  if (typeof value === 'string') return [value.trim()].filter(Boolean)
  if (!Array.isArray(value)) return []
  return value.filter(v => typeof v === 'string').map(v => v.trim()).filter(Boolean)
}

/**
 * The front matter's `questions:` map, heading → list of questions. A heading that names no
 * section of the note is an error: questions silently attached to nothing would leave the section
 * they were written for unfindable by them after a heading is renamed.
 */
function readQuestions (value: unknown, path: string, title: string, headings: readonly string[]): Map<string, string[]> {
  const out = new Map<string, string[]>()
  if (value === undefined || value === null) return out
  if (typeof value !== 'object' || Array.isArray(value)) throw new Error(`${path}: front matter "questions" must map section headings to lists of questions`)
  for (const [heading, list] of Object.entries(value as Record<string, unknown>)) {
    if (heading !== title && !headings.includes(heading)) throw new Error(`${path}: front matter "questions" names "${heading}", which is neither the note's title nor one of its section headings`)
    out.set(heading, asQuestionList(list))
  }
  return out
}

function readFrontMatter (source: string, path: string): { data: Record<string, unknown>, body: string } {
  const match = FRONT_MATTER.exec(source)
  if (match === null) return { data: {}, body: source }
  let data: unknown
  try {
    data = parseFrontMatter(match[1])
  } catch (err) {
    throw new Error(`${path}: front matter is not valid YAML (${(err as Error).message})`, { cause: err })
  }
  const record = typeof data === 'object' && data !== null && !Array.isArray(data) ? data as Record<string, unknown> : {}
  return { data: record, body: source.slice(match[0].length) }
}

/**
 * Parses one note. Front matter is optional so that a teacher's plain Markdown files work too:
 * the title then comes from the first `# ` heading (or the file name), the language from the
 * hint (the `en`/`pt` folder the file sits in) or from the text itself.
 */
export function parseNote (source: string, options: { path: string, langHint?: Lang }): Note {
  const { data, body } = readFrontMatter(source.replace(/^\uFEFF/, ''), options.path)
  const fileTopic = basename(options.path).replace(/\.md$/i, '')

  let title: string | undefined
  const summaryLines: string[] = []
  const sections: NoteSection[] = []
  let current: { heading: string, lines: string[] } | null = null
  let inFence = false

  for (const line of body.split(/\r?\n/)) {
    if (FENCE.test(line)) inFence = !inFence
    if (!inFence) {
      const h1 = /^#\s+(.+?)\s*#*\s*$/.exec(line)
      if (h1 !== null && title === undefined && current === null && summaryLines.join('').trim() === '') {
        title = h1[1]
        continue
      }
      const h2 = /^##\s+(.+?)\s*#*\s*$/.exec(line)
      if (h2 !== null) {
        if (current !== null) sections.push({ heading: current.heading, text: current.lines.join('\n').trim(), questions: [] })
        current = { heading: h2[1], lines: [] }
        continue
      }
    }
    if (current === null) summaryLines.push(line)
    else current.lines.push(line)
  }
  if (current !== null) sections.push({ heading: current.heading, text: current.lines.join('\n').trim(), questions: [] })

  const summary = summaryLines.join('\n').trim()
  const frontTitle = typeof data.title === 'string' && data.title.trim() !== '' ? data.title.trim() : undefined
  const noteTitle = frontTitle ?? title ?? fileTopic
  const questions = readQuestions(data.questions, options.path, noteTitle, sections.map(s => s.heading))
  for (const section of sections) section.questions = questions.get(section.heading) ?? []
  const lang = isLang(data.lang) ? data.lang : options.langHint ?? detectLanguage(`${title ?? ''} ${summary} ${sections.map(s => s.text).join(' ')}`.slice(0, 2000))

  return {
    path: options.path,
    topic: typeof data.topic === 'string' && data.topic.trim() !== '' ? data.topic.trim() : fileTopic,
    lang,
    title: noteTitle,
    keywords: asKeywords(data.keywords),
    summary,
    summaryQuestions: questions.get(noteTitle) ?? [],
    sections: sections.filter(s => s.text !== '')
  }
}

function langFromFolder (relativePath: string): Lang | undefined {
  const folders = relativePath.split(sep).slice(0, -1)
  for (let i = folders.length - 1; i >= 0; i--) {
    const folder = folders[i].toLowerCase().split(/[-_]/)[0]
    if (isLang(folder)) return folder
  }
  return undefined
}

function displayPath (dir: string, file: string): string {
  return [basename(dir), ...relative(dir, file).split(sep)].join('/')
}

function byPath (a: Note, b: Note): number {
  return a.path < b.path ? -1 : a.path > b.path ? 1 : 0
}

function isNoteFile (name: string): boolean {
  return name.toLowerCase().endsWith('.md') && !name.startsWith('.') && name.toLowerCase() !== 'readme.md'
}

/** Every `.md` note under `dir` (recursively, README.md and hidden files excepted), sorted by path. */
export async function loadNotes (dir: string): Promise<Note[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true })
  const files = entries.filter(e => e.isFile() && isNoteFile(e.name)).map(e => join(e.parentPath, e.name))
  const notes = await Promise.all(files.map(async file => {
    const rel = relative(dir, file)
    return parseNote(await readFile(file, 'utf8'), { path: displayPath(dir, file), langHint: langFromFolder(rel) })
  }))
  return notes.sort(byPath)
}

/** Same as loadNotes, blocking: for building the index once while the service starts. */
export function loadNotesSync (dir: string): Note[] {
  const entries = readdirSync(dir, { recursive: true, withFileTypes: true })
  const files = entries.filter(e => e.isFile() && isNoteFile(e.name)).map(e => join(e.parentPath, e.name))
  return files
    .map(file => parseNote(readFileSync(file, 'utf8'), { path: displayPath(dir, file), langHint: langFromFolder(relative(dir, file)) }))
    .sort(byPath)
}
