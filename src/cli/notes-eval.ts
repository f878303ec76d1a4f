// `npx tsx src/cli/notes-eval.ts [questions.json] [--half even|odd] [--misses | --all-misses]`: how well the course
// notes answer a labelled set of student questions (by default tests/knowledge/student-questions.json), on its
// development part, its held-out part (every third question) and on the whole set. `--half` first keeps only the
// even- or odd-numbered questions of each list (0-based), so that one half can be tuned on and the other checked.
// `--attached` takes the questions attached to the notes' own sections instead (see attachedQuestions).

import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { createKnowledgeBase } from '../knowledge/knowledge-base.js'
import { KnowledgeProvider } from '../knowledge/knowledge-provider.js'
import { attachedQuestions, evaluate, formatFigures, split, type QuestionSet } from '../knowledge/notes-eval.js'
import { packageRoot } from '../package-info.js'

function main (argv: string[]): number {
  const showMisses = argv.includes('--misses')
  const showAll = argv.includes('--all-misses')
  const halfAt = argv.indexOf('--half')
  const half = halfAt >= 0 ? argv[halfAt + 1] : undefined
  if (halfAt >= 0 && half !== 'even' && half !== 'odd') {
    process.stderr.write('notes-eval: --half takes even or odd\n')
    return 1
  }
  const file = argv.find((a, i) => !a.startsWith('--') && (halfAt < 0 || i !== halfAt + 1)) ?? resolve(packageRoot, 'tests/knowledge/student-questions.json')
  let set: QuestionSet
  const base = createKnowledgeBase()
  try {
    set = argv.includes('--attached') ? attachedQuestions(base.index) : JSON.parse(readFileSync(file, 'utf8')) as QuestionSet
    if (!Array.isArray(set.covered) || !Array.isArray(set.notCovered)) throw new Error('expected {covered: [...], notCovered: [...]}')
    if (half !== undefined) {
      const keep = <T>(items: T[]): T[] => items.filter((_, i) => i % 2 === (half === 'even' ? 0 : 1))
      set = { ...set, covered: keep(set.covered), notCovered: keep(set.notCovered) }
    }
  } catch (err) {
    process.stderr.write(`notes-eval: cannot read ${file}: ${(err as Error).message}\n`)
    return 1
  }
  const provider = new KnowledgeProvider(base)
  const answer = (question: string): ReturnType<KnowledgeProvider['answer']> => provider.answer(question)
  const lines: string[] = []
  for (const part of ['dev', 'held-out', 'all'] as const) {
    const figures = evaluate(answer, { covered: split(set.covered, part), notCovered: split(set.notCovered, part) })
    lines.push(formatFigures(part, figures))
    // --misses lists the development part's misses only, so that tuning never looks at the held-out questions.
    if ((showMisses && part === 'dev') || (showAll && part === 'all')) lines.push(...figures.misses.map(miss => `  ${miss}`))
  }
  process.stdout.write(`${lines.join('\n')}\n`)
  return 0
}

process.exitCode = main(process.argv.slice(2))
