// A question about a service the notes name only in passing, or whose words they use for other
// things, is answered as not covered and names what is missing; questions the notes do answer,
// with compounds and verbs of their own, are not caught by that rule.
import t from 'tap'
import { createKnowledgeBase } from '../../src/knowledge/knowledge-base.js'
import { KnowledgeProvider } from '../../src/knowledge/knowledge-provider.js'
import { retrieve, untreatedNames } from '../../src/knowledge/retrieval.js'

const base = createKnowledgeBase()
const provider = new KnowledgeProvider(base)

t.test('names whose words the notes use elsewhere, but not together and not in the answering note', async t => {
  for (const [question, name] of [
    ['como ligar varias vpcs com Transit Gateway', 'Transit Gateway'],
    ['what is aws app runner', 'app runner']
  ] as const) {
    const found = retrieve(base, question)
    t.equal(found.covered, false, question)
    t.same(found.unknown, [], `${question}: every word occurs somewhere in the notes`)
    t.same(found.untreated, [name], question)
    const answer = provider.answer(question)
    t.equal(answer.lowCoverage, true)
    t.match(answer.text, `**${name}**`, 'the answer names what the notes do not cover')
    t.ok(answer.confidence <= 0.1)
  }
})

t.test('compounds and verbs the answering note has are no untreated names', async t => {
  for (const question of [
    'pra que serve o nat gateway',
    'como subir a api e o redis junto com docker compose',
    'como colocar HTTPS no meu load balancer com um certificado do ACM?',
    'qual status http devolver qnd o usuario manda dado invalido',
    'how do i stop ecr filling up with old images',
    'why should config be stored in environment variables according to the 12 factor app'
  ]) {
    const found = retrieve(base, question)
    t.same(found.untreated, [], question)
    t.equal(found.covered, true, question)
  }
})

t.test('the rule looks at the note that would answer', async t => {
  const networking = 'knowledge/en/cloud-networking-gateways.md'
  t.same(untreatedNames(base, 'how to set up a transit gateway between vpcs', networking, 'en'), ['transit gateway'])
  t.same(untreatedNames(base, 'how does encryption in transit work', 'knowledge/en/encryption-kms.md', 'en'), [], 'the note that uses the word')
})

t.test('a service named with its vendor that the notes never write so is not covered, even in common words', async t => {
  const found = retrieve(base, 'como o aws backup guarda snapshot do ebs?')
  t.equal(found.covered, false)
  t.same(found.untreated, ['AWS backup'], 'named as a service, by its first word')
  t.equal(retrieve(base, 'a aws cobra por hora no nat gateway?').covered, true, 'a verb after the vendor names no service')
  t.equal(retrieve(base, 'does aws replace the broken disks behind my ebs volume or do i').covered, true, 'nor does one followed by its object')
  t.equal(retrieve(base, 'what does amazon s3 charge for storage per gb').covered, true, 'a service the notes name with its vendor')
})

t.test('English words side by side in a Portuguese question are a term, not covered when the notes never write it', async t => {
  for (const [question, name] of [
    ['como ligo os flow logs da vpc pra ver o trafego', 'flow logs'],
    ['vale a pena ligar o transfer acceleration no meu bucket do s3?', 'transfer acceleration']
  ] as const) {
    const found = retrieve(base, question)
    t.equal(found.covered, false, question)
    t.ok(found.untreated.includes(name), `${question}: names ${name}`)
  }
  for (const question of ['como configuro o health check do load balancer', 'o cold start da lambda demora muito?']) {
    const found = retrieve(base, question)
    t.equal(found.covered, true, `${question}: a pair the notes write is theirs`)
  }
})

t.test('two-character names after a vendor, and letter-digit names, are unknown words', async t => {
  for (const [question, word] of [['qual a diferenca do amazon mq pro sqs', 'mq'], ['como faco teste de carga com k6 na minha api', 'k6']] as const) {
    const found = retrieve(base, question)
    t.equal(found.covered, false, question)
    t.same(found.unknown, [word], question)
  }
})

t.test('a name that notes of many topics use in passing is common vocabulary', async t => {
  for (const question of ['quantos IPs eu consigo usar numa subnet /24', 'where do i put the database URL so the same image runs in staging and prod']) {
    const found = retrieve(base, question)
    t.equal(found.covered, true, question)
    t.same(found.untreated, [], question)
  }
})

t.test('phrasing that looked like a name: a quantity, the student\'s own AWS, an everyday Portuguese word in a pair', async t => {
  for (const [question, heading] of [
    ['how much do a million calls to a 256mb function running 300ms cost', 'Pricing per request and GB-second'],
    ['my aws spend doubled this month, where do i see what grew', 'Cost Explorer'],
    ['devo usar o login principal da conta no dia a dia?', 'Usuário root e MFA']
  ] as const) {
    const found = retrieve(base, question)
    t.equal(found.covered, true, question)
    t.same([found.unknown, found.untreated], [[], []], `${question}: nothing named as missing`)
    t.equal(found.hits[0]?.heading, heading, question)
  }
  t.same(retrieve(base, 'what does aws backup do with my snapshots').untreated, ['AWS backup'], 'without a possessive, the word after AWS is still a service')
})
