// How well the course notes answer student questions, on the labelled set written the way students
// type them (tests/knowledge/student-questions.json). Prints the figures that
// `npx tsx src/cli/notes-eval.ts` prints and holds the answers to the targets.
import t from 'tap'
import { readFileSync } from 'node:fs'
import { createKnowledgeBase } from '../../src/knowledge/knowledge-base.js'
import { KnowledgeProvider } from '../../src/knowledge/knowledge-provider.js'
import { auroc, evaluate, excerptProblems, formatFigures, split, type QuestionSet } from '../../src/knowledge/notes-eval.js'

const set = JSON.parse(readFileSync(new URL('./student-questions.json', import.meta.url), 'utf8')) as QuestionSet
const provider = new KnowledgeProvider(createKnowledgeBase())
const answer = (question: string): ReturnType<KnowledgeProvider['answer']> => provider.answer(question)

t.test('the labelled set: at least 80 questions, half Portuguese, with 25 or more near-topic questions the notes do not cover', async t => {
  t.ok(set.covered.length >= 80, `${set.covered.length} covered questions`)
  const pt = set.covered.filter(q => q.lang === 'pt').length
  t.equal(pt, set.covered.length - pt, 'as many in Portuguese as in English')
  t.ok(set.notCovered.length >= 25, `${set.notCovered.length} not-covered questions`)
  const notes = createKnowledgeBase().index.notes
  for (const q of set.covered) {
    const note = notes.find(n => n.topic === q.note && n.lang === q.lang)
    if (note === undefined) {
      t.fail(`no ${q.lang} note ${q.note} for "${q.question}"`)
      continue
    }
    const wanted = Array.isArray(q.section) ? q.section : [q.section]
    t.ok(wanted.every(s => s === '(summary)' || note.sections.some(section => section.heading === s)), `the labelled section exists: ${q.question}`)
  }
})

for (const part of ['dev', 'held-out', 'all'] as const) {
  t.test(`figures on the ${part} questions`, async t => {
    const figures = evaluate(answer, { covered: split(set.covered, part), notCovered: split(set.notCovered, part) })
    t.comment(formatFigures(part, figures))
    // Only the development part's misses are listed: the held-out part stays unseen while tuning.
    if (part === 'dev') for (const miss of figures.misses) t.comment(`miss: ${miss}`)
    if (part === 'held-out') {
      t.ok(figures.rightFirst >= 0.9, `held-out: right section first ${(100 * figures.rightFirst).toFixed(1)} % ≥ 90 %`)
      t.equal(figures.coveredRefused, 0, 'held-out: no covered question is refused')
      return
    }
    if (part !== 'all') return
    t.equal(figures.coveredRefused, 0, 'no covered question is refused')
    t.ok(figures.notCoveredDetected >= 0.9, `not covered detected ${(100 * figures.notCoveredDetected).toFixed(1)} % ≥ 90 %`)
    t.equal(figures.broken, 0, 'no answer ends on a colon or points at an example it does not show')
    t.ok(figures.auroc >= 0.9, `AUROC of confidence against useful ${figures.auroc.toFixed(3)} ≥ 0.9`)
    t.ok(figures.rightFirst >= 0.88, `right section first ${(100 * figures.rightFirst).toFixed(1)} % ≥ 88 % (target 90 %)`)
  })
}

for (const [file, label] of [['student-questions-fresh.json', 'fresh'], ['student-questions-fresh-2.json', 'fresh-2']] as const) {
  t.test(`a set written apart from tuning (${file}): figures printed, and no refusal or broken excerpt there either`, async t => {
    const fresh = JSON.parse(readFileSync(new URL(`./${file}`, import.meta.url), 'utf8')) as QuestionSet
    const figures = evaluate(answer, fresh)
    t.comment(formatFigures(label, figures))
    t.equal(figures.coveredRefused, 0)
    t.equal(figures.broken, 0)
  })
}

// The later sets were each written before a round of work and scored once with the code as it
// stood (fresh-8, written from the notes alone, last): their figures are printed to be compared with the targets, not held to
// them, since they still miss; every answer on them must still be a whole excerpt.
const laterNotes = createKnowledgeBase().index.notes
for (const label of ['fresh-3', 'fresh-4', 'fresh-5', 'fresh-6', 'fresh-7', 'fresh-8'] as const) {
  t.test(`a set scored before the work it measures (student-questions-${label}.json): figures printed, no broken excerpt`, async t => {
    const later = JSON.parse(readFileSync(new URL(`./student-questions-${label}.json`, import.meta.url), 'utf8')) as QuestionSet
    for (const q of later.covered) {
      for (const ref of [q, ...(q.also ?? [])]) {
        const note = laterNotes.find(n => n.topic === ref.note && n.lang === q.lang)
        const wanted = Array.isArray(ref.section) ? ref.section : [ref.section]
        t.ok(note !== undefined && wanted.every(s => s === '(summary)' || note.sections.some(section => section.heading === s)), `the labelled section exists: ${ref.note} / ${String(ref.section)}`)
      }
    }
    const figures = evaluate(answer, later)
    t.comment(formatFigures(label, figures))
    t.equal(figures.broken, 0)
    t.ok(figures.auroc >= 0.8, `AUROC of confidence against useful ${figures.auroc.toFixed(3)} ≥ 0.8`)
  })
}

t.test('the excerpt check finds what it is meant to find', async t => {
  const problems = excerptProblems('Lead:\n\n**H**\n\nThis example keeps 70 % CPU:\n\n**Sources:**\n- x')
  t.match(problems, [/^ends on a colon: …This example keeps 70 % CPU:$/, /^dangling reference "This example"/], 'an example announced and not shown')
  t.ok(excerptProblems('Lead:\n\n**H**\n\nEnds with an intro:\n\nand prose after it.').length > 0, 'a colon followed by prose')
  t.same(excerptProblems('Lead:\n\n**H**\n\nThe command:\n\n```sh\nls\n```'), [], 'a colon followed by its code block')
  t.ok(excerptProblems('Lead:\n\n**H**\n\nNo exemplo acima, o cache é reaproveitado.').length > 0, 'a reference to an example that is not there')
  t.same(excerptProblems('Lead:\n\n**H**\n\n```sh\nls\n```\n\nNo exemplo acima, o cache é reaproveitado.'), [], 'the example is there')
})

t.test('AUROC', async t => {
  t.equal(auroc([0.9, 0.8, 0.2, 0.1], [true, true, false, false]), 1)
  t.equal(auroc([0.1, 0.2, 0.8, 0.9], [true, true, false, false]), 0)
  t.equal(auroc([0.5, 0.5], [true, false]), 0.5)
  t.ok(Number.isNaN(auroc([0.5], [true])))
})
