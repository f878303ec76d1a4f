import t from 'tap'
import { KnowledgeIndex, splitCode } from '../../src/knowledge/knowledge-index.js'
import { parseNote } from '../../src/knowledge/load-notes.js'

const notes = [
  parseNote('# Kubernetes pods\n\nA pod is the smallest unit Kubernetes schedules.\n\n## Pods and nodes\n\nPods run on nodes.\n\n## Pod restarts\n\nThe kubelet restarts failed pods.\n', { path: 'k/en/k8s.md', langHint: 'en' }),
  parseNote('# Pods no Kubernetes\n\nUm pod é a menor unidade que o Kubernetes agenda.\n', { path: 'k/pt/k8s.md', langHint: 'pt' }),
  parseNote('# Load balancers\n\nAn application load balancer spreads requests across targets.\n', { path: 'k/en/lb.md', langHint: 'en' })
]
const index = KnowledgeIndex.build(notes)

t.test('passages: the summary and one per section, with their note', async t => {
  t.equal(index.passages.length, 5)
  t.same(index.passages.map(p => [p.path, p.kind, p.heading]), [
    ['k/en/k8s.md', 'summary', 'Kubernetes pods'],
    ['k/en/k8s.md', 'section', 'Pods and nodes'],
    ['k/en/k8s.md', 'section', 'Pod restarts'],
    ['k/pt/k8s.md', 'summary', 'Pods no Kubernetes'],
    ['k/en/lb.md', 'summary', 'Load balancers']
  ])
  t.same(index.languages.sort(), ['en', 'pt'])
  t.ok(index.buildMs >= 0)
})

t.test('search: language filter, both languages merged, limit and perNote', async t => {
  const en = index.search('kubernetes pod', { lang: 'en' })
  t.ok(en.length >= 3 && en.every(h => h.lang === 'en'))
  t.ok(en.every((h, i) => i === 0 || en[i - 1].score >= h.score), 'best first')
  t.ok(en.every(h => h.strength > 0 && h.score > 0))

  const both = index.search('kubernetes pod')
  t.same([...new Set(both.map(h => h.lang))].sort(), ['en', 'pt'])

  t.equal(index.search('kubernetes pod', { limit: 2 }).length, 2)
  const onePerNote = index.search('kubernetes pod', { perNote: 1 })
  t.same(onePerNote.map(h => h.path).sort(), ['k/en/k8s.md', 'k/pt/k8s.md'])
})

t.test('search: accents, plurals, prefixes and typos still match', async t => {
  t.equal(index.search('balancers', { lang: 'en' })[0]?.path, 'k/en/lb.md')
  t.equal(index.search('load balancing', { lang: 'en' })[0]?.path, 'k/en/lb.md', 'balanc- as a prefix')
  t.equal(index.search('kuberntes', { lang: 'en' })[0]?.path, 'k/en/k8s.md', 'one typo in a long word')
  t.equal(index.search('MENOR UNIDADE', { lang: 'pt' })[0]?.path, 'k/pt/k8s.md')
  t.equal(index.search('é a unidade mínima?', { lang: 'pt' })[0]?.heading, 'Pods no Kubernetes')
})

t.test('search: nothing for stop words only, for a language without notes, or for unknown words', async t => {
  t.same(index.search('what is it?', { lang: 'en' }), [])
  t.same(index.search('o que é isso?', { lang: 'pt' }), [])
  t.same(index.search('photosynthesis chlorophyll'), [])
  t.same(KnowledgeIndex.build([]).search('pods'), [])
})

t.test('queryLang drops the stop words of the question\'s own language in the other language\'s notes', async t => {
  // "que" and "a" are Portuguese function words; as English words they would be searched for.
  const question = 'o que é a application load balancer'
  const withHint = index.search(question, { lang: 'en', queryLang: 'pt' })
  const without = index.search(question, { lang: 'en' })
  t.equal(withHint[0]?.path, 'k/en/lb.md')
  t.ok(withHint[0].strength > without[0].strength, 'fewer foreign words, a stronger match')
  t.same(index.search(question, { lang: 'pt', queryLang: 'pt' }), index.search(question, { lang: 'pt' }), 'no effect in the same language')
})

t.test('a long question is searched on its first 32 distinct terms', async t => {
  const filler = Array.from({ length: 40 }, (_, i) => `word${i}`).join(' ')
  t.same(index.search(`${filler} kubernetes`, { lang: 'en' }), [], 'a term past the cap is not searched')
  t.ok(index.search(`kubernetes ${filler}`, { lang: 'en' }).length > 0)
  t.ok(index.search(`${'kubernetes pods '.repeat(500)}`, { lang: 'en' }).length > 0, 'repeats count once')
})

t.test('strength grows with how much a passage is about the question', async t => {
  const [about] = index.search('kubernetes pod', { lang: 'en' })
  const [passing] = index.search('targets', { lang: 'en' })
  t.ok(about.strength > passing.strength, `${about.strength.toFixed(2)} > ${passing.strength.toFixed(2)}`)
})

t.test('words of a code block weigh less than the same words in prose', async t => {
  const split = splitCode('Set the key:\n\n```json\n{ "name": "WIDGET_KEY" }\n```\n\nThen restart.', text => text)
  t.match(split.code, /WIDGET_KEY/)
  t.notMatch(split.text, /WIDGET_KEY/)
  t.match(split.text, /Set the key:[\s\S]*Then restart\./)
  const mixed = KnowledgeIndex.build([
    parseNote('# Deploy files\n\nA task definition lists the container settings.\n\n```json\n{ "widget": "widget", "widgetKey": "widget" }\n```\n', { path: 'k/en/deploy.md', langHint: 'en' }),
    parseNote('# Page parts\n\nA page is built from parts: a widget is one small part of a page, with its own settings.\n', { path: 'k/en/widgets.md', langHint: 'en' })
  ])
  const hits = mixed.search('what is a widget', { lang: 'en' })
  t.equal(hits[0]?.path, 'k/en/widgets.md', 'the note that explains the word leads the one that only shows it in code')
})

t.test('a paraphrase finds the section through the students\' questions attached to it, and coverage checks can leave them out', async t => {
  const withQuestions = KnowledgeIndex.build([
    parseNote('---\nquestions:\n  Blue/green:\n    - "flip everything back to the old copy"\n---\n# Deployments\n\nHow releases replace versions.\n\n## Blue/green\n\nStart the new version beside the current one and switch traffic at the load balancer.\n\n## Canary\n\nSend a small percentage of traffic to the new version first.\n', { path: 'k/en/deploy.md', langHint: 'en' })
  ])
  const found = withQuestions.search('flip everything back to the old copy', { lang: 'en' })
  t.equal(found[0]?.heading, 'Blue/green')
  t.same(withQuestions.search('flip everything back to the old copy', { lang: 'en', paraphrases: false }), [], 'the section text alone does not use these words')
  t.ok(withQuestions.knows('flip'), 'words of the questions are words the notes know')
})

t.test('a known word with an ending is known; a known word with letters that read as no ending is another word', async t => {
  const words = KnowledgeIndex.build([
    parseNote('# Memory\n\nThe scheduler checks memory and configuration before it places a task.\n', { path: 'k/en/memory.md', langHint: 'en' })
  ])
  t.ok(words.knows('schedulers'), 'a plural')
  t.ok(words.knows('memorys'), 'an "s" added to a word of six letters')
  t.notOk(words.knows('memorydb'), '"db" is no ending of "memory": MemoryDB is a name the note lacks')
})
