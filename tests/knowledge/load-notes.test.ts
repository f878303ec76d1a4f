import t from 'tap'
import { join } from 'node:path'
import { loadNotes, loadNotesSync, parseNote } from '../../src/knowledge/load-notes.js'

const NOTE = `---
title: DNS na prática
topic: dns
lang: pt
keywords: [DNS, Route 53, registro A]
---

# DNS na prática

O DNS traduz nomes em endereços IP.

Um segundo parágrafo do resumo.

## Tipos de registro

Um registro **A** aponta para um IPv4.

\`\`\`text
## isto não é uma seção
exemplo.com.  300  IN  A  192.0.2.10
\`\`\`

### Detalhe

Subtítulos ficam dentro da seção.

## TTL

O TTL diz por quanto tempo guardar a resposta em cache.
`

t.test('parseNote reads front matter, summary and sections', async t => {
  const note = parseNote(NOTE, { path: 'knowledge/pt/dns.md' })
  t.equal(note.title, 'DNS na prática')
  t.equal(note.topic, 'dns')
  t.equal(note.lang, 'pt')
  t.same(note.keywords, ['DNS', 'Route 53', 'registro A'])
  t.equal(note.summary, 'O DNS traduz nomes em endereços IP.\n\nUm segundo parágrafo do resumo.')
  t.same(note.sections.map(s => s.heading), ['Tipos de registro', 'TTL'], 'a "## " line inside a code block is not a section')
  t.match(note.sections[0].text, /## isto não é uma seção/)
  t.match(note.sections[0].text, /### Detalhe\n\nSubtítulos ficam dentro da seção\./)
  t.equal(note.sections[1].text, 'O TTL diz por quanto tempo guardar a resposta em cache.')
})

t.test('parseNote works without front matter', async t => {
  const note = parseNote('# Load balancing\n\nSpreads requests.\n\n## Health checks\n\nTargets that fail are skipped.\n', { path: 'notes/lb.md' })
  t.equal(note.title, 'Load balancing', 'title from the first heading')
  t.equal(note.topic, 'lb', 'topic from the file name')
  t.equal(note.lang, 'en', 'language from the text')
  t.same(note.keywords, [])
  t.equal(note.sections.length, 1)

  const bare = parseNote('Só um parágrafo, sem títulos, escrito em português para a disciplina.', { path: 'x/sem-titulo.md', langHint: undefined })
  t.equal(bare.title, 'sem-titulo', 'title from the file name when there is no heading')
  t.equal(bare.lang, 'pt')
  t.equal(bare.summary, 'Só um parágrafo, sem títulos, escrito em português para a disciplina.')

  const hinted = parseNote('# Notes\n\ntext', { path: 'k/en/n.md', langHint: 'en' })
  t.equal(hinted.lang, 'en', 'the folder hint wins over guessing')
})

t.test('parseNote accepts comma-separated keywords and ignores unknown languages', async t => {
  const note = parseNote('---\ntitle: T\nkeywords: a, b ,c\nlang: fr\n---\n# Ignored title\n\nbody', { path: 'k/en/t.md', langHint: 'en' })
  t.same(note.keywords, ['a', 'b', 'c'])
  t.equal(note.lang, 'en')
  t.equal(note.title, 'T', 'front matter title wins')
  t.equal(note.summary, 'body')
})

t.test('parseNote names the file when the front matter is broken', async t => {
  t.throws(() => parseNote('---\ntitle: [unclosed\n---\n# T\n', { path: 'knowledge/en/broken.md' }), /knowledge\/en\/broken\.md: front matter is not valid YAML/)
})

t.test('loadNotes reads a tree, with display paths and language from folders', async t => {
  const dir = t.testdir({
    en: { 'dns.md': '# DNS\n\nNames to addresses.\n', 'README.md': '# Not a note' },
    'pt-br': { 'dns.md': '# DNS\n\nNomes para endereços.\n', '.draft.md': '# hidden' },
    extra: { deep: { 'cdn.md': '---\nlang: en\n---\n# CDN\n\nEdge caches.\n' } },
    'notes.txt': 'not markdown'
  })
  const notes = await loadNotes(dir)
  const name = dir.split(/[\\/]/).pop() as string
  t.same(notes.map(n => [n.path, n.lang]), [
    [`${name}/en/dns.md`, 'en'],
    [`${name}/extra/deep/cdn.md`, 'en'],
    [`${name}/pt-br/dns.md`, 'pt']
  ])
  t.same(loadNotesSync(dir), notes, 'the blocking loader reads the same notes')
  t.notOk(notes.some(n => n.path.includes(dir)), 'no absolute path leaks into the display path')
})

t.test('loadNotes rejects a missing directory', async t => {
  await t.rejects(loadNotes(join(t.testdirName, 'nope')), { code: 'ENOENT' })
})

t.test('parseNote attaches the front matter questions to their sections and to the summary', async t => {
  const source = `---
title: Deploys
questions:
  Deploys:
    - "what is a deploy strategy"
  "Blue/green: two environments":
    - "flip traffic back if the release breaks"
    - "  run the new version beside the old one  "
    - 42
---
# Deploys

How versions replace each other.

## Blue/green: two environments

Switch all traffic at the load balancer.

## Canary

Send a small share first.
`
  const note = parseNote(source, { path: 'k/en/deploys.md', langHint: 'en' })
  t.same(note.summaryQuestions, ['what is a deploy strategy'])
  t.same(note.sections.map(s => [s.heading, s.questions]), [
    ['Blue/green: two environments', ['flip traffic back if the release breaks', 'run the new version beside the old one']],
    ['Canary', []]
  ])
  t.same(parseNote(NOTE, { path: 'knowledge/pt/dns.md' }).sections.map(s => s.questions), [[], []], 'a note without questions has none')
})

t.test('parseNote refuses questions for a heading the note does not have', async t => {
  const source = '---\ntitle: T\nquestions:\n  Rollbak:\n    - how do i go back\n---\n# T\n\nBody.\n\n## Rollback\n\nSwitch back.\n'
  t.throws(() => parseNote(source, { path: 'k/en/t.md', langHint: 'en' }), /k\/en\/t\.md: front matter "questions" names "Rollbak"/)
  t.throws(() => parseNote('---\nquestions: [a, b]\n---\n# T\n\n## S\n\nx\n', { path: 'k/en/u.md' }), /must map section headings/)
})

t.test('every bundled note has students\' questions for each of its sections', async t => {
  const notes = await loadNotes(join(import.meta.dirname, '../../knowledge'))
  const bare = notes.flatMap(note => note.sections.filter(s => s.questions.length === 0).map(s => `${note.path} / ${s.heading}`))
  t.same(bare, [])
})
