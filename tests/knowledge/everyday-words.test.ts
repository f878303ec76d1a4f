// A word the notes never use counts against a question only when it is a term (a service, a tool,
// a concept); chat abbreviations, fillers and conjugated verbs are everyday language and say
// nothing about whether the notes cover the question.
import t from 'tap'
import { createKnowledgeBase } from '../../src/knowledge/knowledge-base.js'
import { isEverydayWord } from '../../src/knowledge/everyday-words.js'
import { isCommonWord, questionType, readQuestion } from '../../src/knowledge/question.js'
import { portugueseShaped, retrieve } from '../../src/knowledge/retrieval.js'

const base = createKnowledgeBase()

t.test('everyday words and terms, by list and by shape', async t => {
  for (const word of ['dps', 'qntas', 'agr', 'logo', 'tao', 'culpa', 'querer', 'deixei', 'rodando', 'throwing', 'randomly', 'downsides', 'lot']) {
    t.ok(isCommonWord(word, /^(throwing|randomly|downsides|lot)$/.test(word) ? 'en' : 'pt'), `${word} is everyday language`)
  }
  for (const [word, lang] of [['karpenter', 'pt'], ['graviton', 'pt'], ['lightsail', 'en'], ['scps', 'en'], ['g4dn', 'en']] as const) {
    t.notOk(isCommonWord(word, lang), `${word} is a term`)
  }
  t.notOk(isCommonWord('Rodando', 'pt'), 'a capital after the start of the question marks a name, whatever the ending')
  t.ok(isCommonWord('Deixei', 'pt', true), 'the first word of a question is capitalised as a sentence is')
  t.notOk(isCommonWord('throwing', 'pt'), 'the English -ing shape is not read in a Portuguese question')
})

t.test('chat abbreviations are written out', async t => {
  t.equal(readQuestion('qntas zonas tem numa regiao').text, 'quantas zonas tem numa regiao')
  t.equal(readQuestion('dps do deploy ta lento').text.startsWith('depois do deploy esta lento'), true)
  t.match(readQuestion('a msg volta pra fila toda hr').text, /mensagem .* hora/)
})

t.test('colloquial questions the notes answer are not refused', async t => {
  for (const [question, topic] of [
    ['deixei meu bucket aberto sem querer, e agr?', 'shared-responsibility|storage-types|iam-least-privilege|security-groups-nacls|encryption-kms'],
    ['qntas zonas de disponibilidade tem numa regiao', 'regions-availability-zones|high-availability-disaster-recovery'],
    ['minha api ta respondendo devagar dps do deploy, oq olhar', '[a-z-]+'],
    ['my lambda keeps timing out randomly, what is the max timeout', 'serverless-functions']
  ] as const) {
    const found = retrieve(base, question)
    t.equal(found.covered, true, question)
    t.match(found.hits[0]?.topic, new RegExp(`^(${topic})$`), question)
    t.same(found.unknown, [], `${question}: no everyday word is named as missing`)
  }
})

t.test('a term the notes lack still makes a question not covered, typed in lower case', async t => {
  for (const [question, term] of [['como configuro o karpenter no eks', 'karpenter'], ['how do i deploy with lightsail', 'lightsail']] as const) {
    const found = retrieve(base, question)
    t.equal(found.covered, false, question)
    t.same(found.unknown, [term])
  }
})

t.test('questions for a list of what starts something are not definitions', async t => {
  t.equal(questionType(readQuestion('what triggers can start a lambda').text), 'other')
  t.equal(questionType(readQuestion('que eventos disparam uma lambda').text), 'other')
  t.equal(questionType(readQuestion('what is a lambda trigger').text), 'definition')
  t.equal(questionType(readQuestion('que e um gatilho').text), 'definition')
  t.equal(questionType(readQuestion('what kubernetes?').text), 'definition', 'a bare "what X" still asks what X is')
  const found = retrieve(base, 'what can invoke my lambda function')
  t.equal(found.hits[0]?.heading, 'Events and triggers')
})

t.test('Portuguese spelling tells an everyday word from a name the notes lack', async t => {
  for (const word of ['pago', 'rolou', 'sumiram', 'mata', 'chato']) t.ok(portugueseShaped(word), `${word} is spelled as Portuguese`)
  for (const word of ['karpenter', 'redshift', 'graviton', 'lightsail', 'sticky', 'SageMaker', 'g4dn']) t.notOk(portugueseShaped(word), `${word} is not`)
  const found = retrieve(base, 'o certificado do acm renova sozinho ou eu pago algo a mais?')
  t.equal(found.covered, true, 'an everyday Portuguese word beside a strong match is no missing term')
  t.equal(found.hits[0]?.topic, 'https-tls-certificates')
  const named = retrieve(base, 'como eu configuro o traefik no cluster kubernetes')
  t.equal(named.covered, false, 'an unknown name after an article or preposition still says what the notes lack')
})

t.test('in a comparison, only an unknown word that is compared makes it not covered', async t => {
  const phrased = retrieve(base, 'ecs or eks, which one is less of a headache for a small team')
  t.equal(phrased.covered, true, 'the unknown word phrases the question')
  t.match(phrased.hits[0]?.topic, /^(container-orchestration|kubernetes-basics)$/)
  const compared = retrieve(base, 'qual a diferenca entre sqs e rabbitmq')
  t.equal(compared.covered, false, 'the unknown word is one of the two compared')
  t.same(compared.unknown, ['rabbitmq'])
})

t.test('a look-alike word of the other language is no typo of a known one', async t => {
  const found = retrieve(base, 'how do i query cloudwatch logs with athena')
  t.equal(found.covered, false)
  t.same(found.unknown, ['athena'], 'the Portuguese stem "athen" is one letter from "aten", but that is no English typo')
})

t.test('the frequency lists tell everyday words from names, in each language', async t => {
  for (const [word, lang] of [['bolso', 'pt'], ['dinheiro', 'pt'], ['calm', 'en'], ['box', 'en'], ['boxes', 'en'], ['resend', 'en']] as const) {
    t.ok(isEverydayWord(word, lang), `${word} is everyday ${lang}`)
  }
  for (const [word, lang] of [['traefik', 'en'], ['keycloak', 'pt'], ['kubecost', 'en'], ['crossplane', 'en'], ['calm', 'pt']] as const) {
    t.notOk(isEverydayWord(word, lang), `${word} is no everyday ${lang} word`)
  }
})

t.test('an everyday word the notes never use does not refuse a question they answer', async t => {
  for (const [question, topic] of [
    ['api gateway ou load balancer, qual pesa menos no bolso pra uma api pequena?', 'api-gateway'],
    ['my containers keep scaling out and in every few minutes, how do i calm that down', 'autoscaling'],
    ['can a client safely resend a DELETE request after a timeout', 'rest-openapi']
  ] as const) {
    const found = retrieve(base, question)
    t.equal(found.covered, true, question)
    t.equal(found.hits[0]?.topic, topic, question)
  }
})

t.test('a frequent word is still a name when the question introduces it as one', async t => {
  for (const question of ['como monto um pipeline no jenkins pra buildar a imagem', 'how do i turn on aws shield for my load balancer']) {
    t.equal(retrieve(base, question).covered, false, question)
  }
})

t.test('an unknown word after "install" or "set up" is the tool asked about', async t => {
  const tool = retrieve(base, 'how do i set up spinnaker to deploy my containers to ecs')
  t.equal(tool.covered, false, 'the rest of the question matches ECS, but the notes do not treat the tool')
  t.same(tool.unknown, ['spinnaker'])
  const phrasing = retrieve(base, 'the frontend calls my api behind the load balancer, how often does the alb check if a target is healthy')
  t.equal(phrasing.covered, true, 'an unknown word elsewhere in the sentence is phrasing')
  t.match(phrasing.hits[0]?.heading, /health checks/i)
})

t.test('a word right after the name of a service the notes treat names one of its features', async t => {
  t.same(retrieve(base, 'how do i use ecs anywhere to run tasks on my own servers').unknown, ['anywhere'], '"anywhere" names ECS Anywhere here')
  t.same(retrieve(base, 'my ecs tasks restart anywhere they want, why').unknown, [], 'elsewhere it is an everyday word')
  const verb = retrieve(base, 'does cloudfront shield my site from ddos')
  t.equal(verb.covered, true, 'a verb after the service still leaves the question to the section that answers')
})

t.test('a choice between an unknown thing and a known one is not covered, whatever the question type', async t => {
  const found = retrieve(base, 'should i use pulsar or sqs for my job queue')
  t.equal(found.covered, false)
  t.same(found.unknown, ['pulsar'])
})

t.test('an unknown word after a vendor other than AWS is that vendor\'s product', async t => {
  const found = retrieve(base, 'is hashicorp waypoint a good way to deploy my ecs services')
  t.equal(found.covered, false)
  t.same(found.unknown, ['waypoint'])
})
