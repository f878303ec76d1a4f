// Names the notes only mention in passing, cost questions answered by their subject's note, and
// the summary yielding to the section a question names.
import t from 'tap'
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { analyzerFor } from '../../src/knowledge/analyzer.js'
import { createKnowledgeBase } from '../../src/knowledge/knowledge-base.js'
import { passingNames, passingNamesIn } from '../../src/knowledge/passing-names.js'
import { costSubject } from '../../src/knowledge/question.js'
import { retrieve } from '../../src/knowledge/retrieval.js'

const base = createKnowledgeBase()
const spelled = (lang: 'pt' | 'en'): string[] => {
  const { names, spelled } = passingNames(base.index)
  return [...(names.get(lang) ?? [])].map(k => spelled.get(`${lang}:${k}`) ?? k)
}

t.test('names written only in running text are passing; names in a title, keyword list, heading or bold are not', async t => {
  for (const lang of ['pt', 'en'] as const) {
    const names = spelled(lang)
    for (const name of ['WAF', 'Step Functions', 'CloudTrail', 'Direct Connect', 'Helm', 'Kinesis']) t.ok(names.includes(name), `${lang}: ${name} is mentioned in passing`)
    // ECS and Fargate are treated, each in its own heading: together they are no new name.
    for (const name of ['ECS Fargate', 'Fargate', 'Lambda', 'Route 53', 'Kubernetes', 'CloudWatch']) t.notOk(names.includes(name), `${lang}: ${name} is treated`)
  }
})

t.test('a lower-case word opening a sentence or a list item is no name', async t => {
  const dir = mkdtempSync(join(tmpdir(), 'passing-'))
  mkdirSync(join(dir, 'en'))
  writeFileSync(join(dir, 'en', 'queues.md'), [
    '---', 'title: Queues', 'topic: queues', 'lang: en', 'keywords: [queue, SQS]', '---', '', '# Queues', '',
    'Queues decouple services. Keep the consumer idempotent, because messages may arrive twice.', '',
    '## Targets', '', '- Targets include Lambda and the Frobnicator Service, which we do not explain.', '- Keep the queue small; keep retries few.', ''
  ].join('\n'))
  const small = createKnowledgeBase({ dir })
  const names = [...(passingNames(small.index).names.get('en') ?? [])]
  t.ok(names.includes(analyzerFor('en').analyze('Frobnicator Service').join(' ')), `the Frobnicator Service is a name (${names.join(', ')})`)
  t.notOk(names.includes('keep'), '"Keep" opens a sentence and a list item: an ordinary word')
  t.notOk(names.includes('target'), '"Targets" is a heading word')
  const query = analyzerFor('en').analyze('how do I set up the Frobnicator Service')
  t.same(passingNamesIn(small.index, query, 'en').map(n => n.spelled), ['Frobnicator Service'], 'found in a question, spelled as the notes write it')
})

t.test('a question about a name mentioned in passing is not covered, and the answer names it', async t => {
  for (const [question, name] of [
    ['como usar step functions pra orquestrar varias lambdas', 'Step Functions'],
    ['how do i turn on cloudtrail to audit api calls', 'CloudTrail'],
    ['how to set up a helm chart repository', 'Helm'],
    ['como criar regra no waf pra bloquear um ip', 'WAF']
  ] as const) {
    const found = retrieve(base, question)
    t.notOk(found.covered, `not covered: ${question}`)
    t.ok(found.untreated.includes(name), `names ${name}: ${found.untreated.join(', ')}`)
  }
})

t.test('a name mentioned in passing does not refuse a question whose other words ask what a section answers', async t => {
  for (const [question, topic] of [
    ['how do i keep my api key out of git', 'secrets-management'],
    ['quem aplica patch no SO da ec2, eu ou a aws?', 'shared-responsibility']
  ] as const) {
    const found = retrieve(base, question)
    t.ok(found.covered, `covered: ${question}`)
    t.equal(found.hits[0]?.topic, topic)
  }
})

t.test('a cost question is answered by the note about its subject, in its pricing section', async t => {
  t.equal(costSubject('quanto custa o nat gateway por mes?'), 'o nat gateway por mes?')
  const lambda = retrieve(base, 'como funciona a cobranca do lambda')
  t.equal(lambda.hits[0]?.topic, 'serverless-functions')
  t.equal(lambda.hits[0]?.heading, 'Preço por requisição e GB-segundo')
  // With no subject besides cost, the billing notes answer.
  const costing = retrieve(base, 'how can i see which service is costing me the most')
  t.equal(costing.hits[0]?.topic, 'budgets-billing')
  t.equal(costing.hits[0]?.heading, 'Cost Explorer')
})

t.test('the summary yields to the section whose heading names what is asked', async t => {
  const events = retrieve(base, 'quais eventos podem disparar uma lambda')
  t.equal(events.hits[0]?.heading, 'Eventos e gatilhos')
  const limits = retrieve(base, 'quais sao os limites de uma lambda')
  t.equal(limits.hits[0]?.heading, 'Limites para lembrar')
})
