// The course notes' tests (loading, index, retrieval, coverage, excerpts, the provider, the labelled sets): one subtest per former file, in one process: tap starts each test file in a process of its own, and for a small file that start-up cost more than its tests. Run one alone: npx tap --disable-coverage --grep='^retrieval$' tests/knowledge/knowledge.test.ts
import t from 'tap'
import type { Test } from 'tap'
import { spawnSync } from 'node:child_process'
import { EventEmitter, once } from 'node:events'
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { isolateData } from '../helper.js'
import { analyzerFor, foldText, tokenize } from '../../src/knowledge/analyzer.js'
import { isEverydayWord } from '../../src/knowledge/everyday-words.js'
import { excerpt, sentences } from '../../src/knowledge/excerpt.js'
import { createKnowledgeBase, defaultKnowledgeDir, type KnowledgeStats } from '../../src/knowledge/knowledge-base.js'
import { KnowledgeIndex, splitCode } from '../../src/knowledge/knowledge-index.js'
import { groundingContext, KnowledgeProvider, MIN_STRENGTH } from '../../src/knowledge/knowledge-provider.js'
import { detectLanguage } from '../../src/knowledge/language.js'
import { loadNotes, loadNotesSync, parseNote } from '../../src/knowledge/load-notes.js'
import { parseFrontMatter, readPlainFrontMatter } from '../../src/knowledge/front-matter.js'
import { parse as parseYaml } from 'yaml'
import { attachedQuestions, auroc, evaluate, excerptProblems, formatFigures, type QuestionSet, split } from '../../src/knowledge/notes-eval.js'
import { passingNames, passingNamesIn } from '../../src/knowledge/passing-names.js'
import { costSubject, isCommonWord, phraseWords, questionType, readQuestion, smallTalk, withoutGistPhrases } from '../../src/knowledge/question.js'
import { acronymShaped, dottedWords, pinnedWords, portugueseShaped, quotedWords, retrieve, unknownWords, untreatedNames } from '../../src/knowledge/retrieval.js'
import { joinedPhrase, mistypedNames, slippedWords, soundedOutNames, spelledLetters, spokenStatusCodes, soundKey, spacedNames, spaceJoinedWords, spellOutIdentifiers } from '../../src/knowledge/typed-terms.js'
import { describedTechniques } from '../../src/knowledge/described-techniques.js'
import { unwrittenFieldNames } from '../../src/knowledge/field-names.js'
import { stemEn, stemPt } from '../../src/knowledge/stemmer.js'
import { packageRoot } from '../../src/package-info.js'
import type { Completion } from '../../src/providers/types.js'

/**
 * Retrieves `question`, then asserts whether it is covered and which of its words the notes lack (each with its own
 * message, when given); returns what was retrieved for further assertions.
 */
function retrievedWithUnknown (t: Test, base: ReturnType<typeof createKnowledgeBase>, question: string, covered: boolean, unknown: string[], coveredMessage?: string, unknownMessage?: string): ReturnType<typeof retrieve> {
  const found = retrieve(base, question)
  t.equal(found.covered, covered, ...(coveredMessage === undefined ? [] : [coveredMessage]))
  t.same(found.unknown, unknown, ...(unknownMessage === undefined ? [] : [unknownMessage]))
  return found
}

/** Retrieves `question` and asserts that it is covered and that its first section is in `where` (the note's topic, the section's heading, or both). */
function answeredBy (t: Test, base: ReturnType<typeof createKnowledgeBase>, question: string, where: { topic?: string, heading?: string }): void {
  const found = retrieve(base, question)
  t.equal(found.covered, true, `${question}: covered`)
  if (where.topic !== undefined) t.equal(found.hits[0]?.topic, where.topic, question)
  if (where.heading !== undefined) t.equal(found.hits[0]?.heading, where.heading, question)
}

t.test('analyzer', async t => {
  t.test('detectLanguage tells Portuguese from English', async t => {
    const pt = [
      'Qual a vantagem de usar Docker?',
      'Quem ganhou a Copa de 1970?',
      'pra que serve um NAT gateway?',
      'o que é Fargate Spot',
      'configuração do balanceador',
      'como faço deploy na AWS'
    ]
    const en = [
      'What is the advantage of using Docker?',
      'Who won the 1970 World Cup?',
      'how do I keep my API key out of git',
      'internet gateway vs NAT gateway, which one do I need',
      'explain the shared responsibility model'
    ]
    for (const q of pt) t.equal(detectLanguage(q), 'pt', q)
    for (const q of en) t.equal(detectLanguage(q), 'en', q)
  })

  t.test('detectLanguage falls back when there is no signal', async t => {
    t.equal(detectLanguage('Docker?'), 'en')
    t.equal(detectLanguage('Kubernetes ECS EKS', 'pt'), 'pt')
    t.equal(detectLanguage(''), 'en')
    t.equal(detectLanguage('ação'), 'pt', 'ã and ç alone say Portuguese')
  })

  t.test('detectLanguage reads a keyword search by its everyday words when no function word decides', async t => {
    // No function word of either language: the everyday words say which one the student writes.
    t.equal(detectLanguage('apagar imagens untagged do ecr automatico'), 'pt')
    t.equal(detectLanguage('asg troca instancia doente sozinho?'), 'pt')
    t.equal(detectLanguage('deregistration delay deixando deploy lento'), 'pt')
    t.equal(detectLanguage('rollback taking forever after failed deploy'), 'en')
    // Function words still decide when there are any, and technical terms alone leave the fallback.
    t.equal(detectLanguage('pra que serve deregistration delay'), 'pt')
    t.equal(detectLanguage('ECS EKS Fargate', 'pt'), 'pt')
  })

  t.test('foldText lower-cases and removes accents', async t => {
    t.equal(foldText('Configuração em NUVEM: é pública'), 'configuracao em nuvem: e publica')
  })

  t.test('tokenize keeps hyphenated words and drops apostrophes', async t => {
    t.same(tokenize("What's a multi-stage build? Don't panic — it's 2x faster."), ['What', 'a', 'multi-stage', 'build', 'Dont', 'panic', 'it', '2x', 'faster'])
  })

  t.test('analyzers drop stop words, fold and stem', async t => {
    t.same(analyzerFor('pt').analyze('Quais são as vantagens das imagens Docker?'), ['vantagen', 'imagen', 'docker'])
    t.same(analyzerFor('en').analyze('How are the containers scaling?'), ['container', 'scal'])
    t.same(analyzerFor('en').analyze('multi-stage builds'), ['multi', 'stag', 'multistag', 'build'], 'parts and the joined word')
    t.same(analyzerFor('pt').analyze('a gente usava vm, usei ec2 e a role usou o s3'), ['gent', 'vm', 'ec2', 'role', 's3'],
      'every form of "usar" says how, as "use", "used" and "using" do in English')
    t.same(analyzerFor('en').terms('The'), [], 'a stop word alone gives no term')
    t.same(analyzerFor('pt').terms('S3'), ['s3'], 'short terms with digits are kept')
  })

  t.test('stemPt maps the forms of a word to one key', async t => {
    const groups = [
      ['configuração', 'configurações', 'configurar', 'configurado'],
      ['imagem', 'imagens'],
      ['nuvem', 'nuvens'],
      ['servidor', 'servidores'],
      ['disponível', 'disponíveis'],
      ['local', 'locais'],
      ['pública', 'público', 'públicas'],
      ['armazenamento', 'armazenar'],
      ['escalando', 'escalar'],
      ['região', 'regiões'],
      ['token', 'tokens'],
      ['rotação', 'rotações', 'rotacionar', 'rotaciona', 'rotacionado'],
      // The preterite a student tells what happened in.
      ['renomeou', 'renomear', 'renomeado'],
      ['deletou', 'deletar'],
      ['docker'],
      // A verb made of an English noun in -er meets the noun.
      ['container', 'containers', 'containerizar', 'containerizado', 'containerização'],
      ['docker', 'dockerizar', 'dockerizada']
    ]
    for (const group of groups) {
      const keys = new Set(group.map(w => stemPt(foldText(w))))
      t.equal(keys.size, 1, `${group.join(', ')} → ${[...keys].join(', ')}`)
    }
    t.equal(stemPt('docker'), 'docker', 'English loanwords keep their -er')
    t.equal(stemPt('usar'), 'usar', 'short words are left alone')
    t.equal(stemPt('ec2'), 'ec2')
    t.not(stemPt('rotacao'), stemPt('rota'), 'a rotation is no route')
    t.not(stemPt('cotacao'), stemPt('cota'), 'an exchange rate is no quota')
    t.equal(stemPt('configuracao'), stemPt('configurar'), 'a longer root still loses its -ação')
  })

  t.test('stemEn maps the forms of a word to one key', async t => {
    const groups = [
      ['deployment', 'deploying', 'deployed', 'deploys'],
      ['policy', 'policies'],
      ['cache', 'cached', 'caching'],
      ['scale', 'scaled', 'scaling'],
      ['availability', 'available'],
      ['orchestration', 'orchestrate'],
      ['running', 'run'],
      ['installing', 'install'],
      ['processes', 'process'],
      ['containerization', 'containerize'],
      // British spellings, and a verb made of a noun meeting the noun ("containerised apps" are about containers).
      ['containerised', 'containerising', 'containerisation', 'containerized', 'container'],
      ['optimise', 'optimised', 'optimizing', 'optimization'],
      ['advise', 'advised'],
      ['resize', 'resized'],
      // A noun in -ification meets its verb in -ify.
      ['notification', 'notifications', 'notify', 'notifies'],
      ['verification', 'verify']
    ]
    for (const group of groups) {
      const keys = new Set(group.map(w => stemEn(w)))
      t.equal(keys.size, 1, `${group.join(', ')} → ${[...keys].join(', ')}`)
    }
    t.equal(stemEn('container'), 'container')
    t.equal(stemEn('status'), 'status', '-us is not a plural')
    t.equal(stemEn('http2'), 'http2')
    t.not(stemEn('certification'), stemEn('certificate'), 'a certification exam is no TLS certificate')
  })

  t.test('a loanword spelled the Portuguese way meets its English spelling', async t => {
    const pt = analyzerFor('pt')
    t.same(pt.analyze('contêineres'), pt.analyze('containers'))
    t.same(pt.analyze('contêiner'), pt.analyze('container'))
    t.same(analyzerFor('en').analyze('conteiner'), analyzerFor('en').analyze('container'))
  })

  t.test('a clipped word meets the whole one: "config" is "configuration"', async t => {
    t.same(analyzerFor('en').analyze('config configs'), analyzerFor('en').analyze('configuration configurations'))
    t.same(analyzerFor('pt').analyze('config configs'), analyzerFor('pt').analyze('configuração configurações'))
    const found = retrieve(createKnowledgeBase(), 'which quick test shows that the configuration of an app is really kept out of its code?')
    t.equal(found.hits[0]?.heading, 'Config in the environment')
  })

  t.test('small numbers are one term in words and in digits; list numbers are not indexed', async t => {
    t.same(analyzerFor('en').analyze('one or three years'), ['3', 'year'])
    t.same(analyzerFor('en').analyze('1 or 3 years'), ['1', '3', 'year'])
    t.same(analyzerFor('pt').analyze('os doze fatores'), ['12', 'fator'])
    t.equal(stemEn('goes'), 'go')
    const { text } = splitCode('Five traits:\n1. **On-demand** self-service\n2. Broad access\n\nUp to 10 tasks.', words => analyzerFor('en').analyze(words))
    t.notOk(text.includes('1') || text.includes('2'), 'the numbers of list items are gone')
    t.ok(text.includes('10'), 'a number in running text stays')
  })
})

t.test('coverage-names', async t => {
  // A question about a service the notes name only in passing, or whose words they use for other
  // things, is answered as not covered and names what is missing; questions the notes do answer,
  // with compounds and verbs of their own, are not caught by that rule.
  const base = createKnowledgeBase()
  const provider = new KnowledgeProvider(base)

  t.test('names whose words the notes use elsewhere, but not together and not in the answering note', async t => {
    for (const [question, name] of [
      ['como ligar varias vpcs com Transit Gateway', 'Transit Gateway'],
      ['what is aws app runner', 'app runner']
    ] as const) {
      const found = retrievedWithUnknown(t, base, question, false, [], question, `${question}: every word occurs somewhere in the notes`)
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

  t.test('the steps of a path through the console\'s menus are read apart, not as one name', async t => {
    const path = retrieve(base, 'target group > attributes > deregistration delay esta em 300, os deploys demoram demais, posso baixar pra 30?')
    t.same([path.covered, path.untreated], [true, []])
  })

  t.test('a service named with its vendor that the notes never write so is not covered, even in common words', async t => {
    const found = retrieve(base, 'como o aws backup guarda snapshot do ebs?')
    t.equal(found.covered, false)
    t.same(found.untreated, ['AWS backup'], 'named as a service, by its first word')
    t.equal(retrieve(base, 'a aws cobra por hora no nat gateway?').covered, true, 'a verb after the vendor names no service')
    t.equal(retrieve(base, 'can aws look at my usage and suggest which instances are oversized?').covered, true, 'nor does "look at"')
    t.equal(retrieve(base, 'as an aws customer, what do i still have to patch myself on ec2?').covered, true, 'the vendor\'s customer is no service of it')
    const outage = retrieve(base, 'the aws outage last week took down half the internet, how do i keep my app up if a region fails')
    t.same([outage.covered, outage.untreated], [true, []], 'nor is what befell it')
    t.equal(retrieve(base, 'got aws credits at a hackathon, do they pay for a nat gateway too?').covered, true, 'nor what it hands out')
    const complains = retrieve(base, 'i made an alb with a single subnet and aws complains, what does it want?')
    t.same([complains.covered, complains.untreated, complains.hits[0]?.topic], [true, [], 'load-balancers'], 'a verb after it ends the words before it')
    t.equal(retrieve(base, 'does aws replace the broken disks behind my ebs volume or do i').covered, true, 'nor does one followed by its object')
    t.equal(retrieve(base, 'what does amazon s3 charge for storage per gb').covered, true, 'a service the notes name with its vendor')
    t.equal(retrieve(base, 'when a spot instance is taken back does aws start another one for my auto scaling group').covered, true,
      'any determiner opens the object of what the vendor does')
  })

  t.test('what the student saw is no name: an error message, the capital of a sentence, a quoted file, call or message', async t => {
    for (const question of [
      'meu container na task privada do ecs da timeout e depois CannotPullContainerError, falta nat?',
      'o container da api nao acha o banco no compose, so da connection refused',
      'Escalando ECS por CPU, como configuro?',
      'Migrando ECS para EKS, o custo fixo do orquestrador muda?',
      'my index.html stays stale on cloudfront for hours, what ttl should it have',
      'o console.log da minha api no fargate nao aparece no cloudwatch, como mando os logs pra la',
      "o job de ci falhou baixando a imagem python com 'toomanyrequests' do docker hub",
      "docker push pro ecr dando 'no basic auth credentials', como faço o login? esse token expira?"
    ]) {
      const found = retrieve(base, question)
      t.equal(found.covered, true, question)
      t.same(found.untreated, [], question)
    }
    t.equal(retrieve(base, 'como ligo os flow logs da vpc pra ver o trafego').covered, false, 'English words that name something still do')
    t.same(retrieve(base, 'my sqs worker handles dupes, i need each order exactly once in order, which queue type').unknown, [], 'chat shorthand is no term')
    t.same([...dottedWords('rodei process.env no app.js (v3.11, ip 10.0.0.1)')].sort(), ['app', 'env', 'js', 'process'], 'versions and addresses have no words')
    t.same([...quotedWords("docker dando 'no basic auth credentials', e o \"Fargate\"? don't 'care'")].sort(), ['auth', 'basic', 'credentials', 'no'], 'a quoted message, not a quoted name or an apostrophe')
    t.same([...quotedWords('oq eh “elasticidade rapida” na definição')].sort(), ['elasticidade', 'rapida'], 'typographic quotation marks')
    // A content hash in a file's name is no name either.
    const hashed = retrieve(base, 'which cache-control should the hashed file app.c3f9a1.css get on cloudfront?')
    t.same([hashed.covered, hashed.unknown, hashed.hits[0]?.topic], [true, [], 'cdn'])
    // The words of a quoted message are no name the notes lack; a word the student also writes outside the quote still may be.
    const timedOut = retrieve(base, "minha funcao lambda parou com 'Task timed out after 900.00 seconds', consigo aumentar esse tempo?")
    t.same([timedOut.covered, timedOut.unknown, timedOut.hits[0]?.topic], [true, [], 'serverless-functions'])
    const maxmemory = retrieve(base, "redis hit maxmemory and now returns 'OOM command not allowed when used memory > maxmemory', which eviction policy should it use")
    t.same([maxmemory.covered, maxmemory.unknown], [false, ['maxmemory']])
    t.same([...pinnedWords('uses: actions/checkout@v4 e minha-action@main; manda pro aluno@faculdade.edu.br')].sort(), ['actions', 'checkout', 'main', 'minha-action', 'v4'], 'a reference pinned with "@", not an e-mail address')
    const pinned = retrieve(base, 'no workflow uso uses: minha-action@main, devo fixar numa versao?')
    t.same([pinned.covered, pinned.untreated, pinned.hits[0]?.topic], [true, [], 'ci-cd-gitflow'], 'an action pinned to a branch is the student\'s code')
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
    // A Portuguese verb made of "container" finds the notes on containers ("containerizar": stemPt, above).
    const containerising = retrieve(base, 'quais as vantagens de containerizar o sistema da minha empresa?')
    t.same([containerising.covered, containerising.hits[0]?.topic], [true, 'docker-images-layers'], 'containerizar')
    // Portuguese puts the thing first: "backup point-in-time" is the English notes' "point-in-time backups".
    const backup = retrieve(base, 'a replica do rds me protege de um DELETE sem querer ou preciso de backup point-in-time?')
    t.same([backup.covered, backup.untreated], [true, []], 'backup point-in-time')
    t.equal(backup.hits[0]?.topic, 'high-availability-disaster-recovery')
    // After the kind of thing, Portuguese writes the student's own one's name: the header called Authorization.
    const header = retrieve(base, 'o app ta logando o header authorization inteiro no json de log, algum problema nisso?')
    t.same([header.covered, header.untreated], [true, []], 'o header authorization')
    t.equal(header.hits[0]?.topic, 'observability')
    // What the thing is for comes after it too ("client typescript", a TypeScript client): the answering section uses both words.
    const client = retrieve(base, 'da pra gerar client typescript automatico a partir do openapi do backend? oq é schema first')
    t.same([client.covered, client.untreated], [true, []], 'client typescript')
    t.equal(client.hits[0]?.heading, 'Clientes gerados e schema-first')
  })

  t.test('two-character names after a vendor, and letter-digit names, are unknown words', async t => {
    for (const [question, word] of [['qual a diferenca do amazon mq pro sqs', 'mq'], ['como faco teste de carga com k6 na minha api', 'k6']] as const) {
      const found = retrievedWithUnknown(t, base, question, false, [word], question, question)
    }
  })

  t.test('a phrase of the notes typed as one word reads as the phrase; a name made of words they never write together stays a name', async t => {
    t.same(joinedPhrase(base, 'route53'), ['route', '53'])
    t.same(joinedPhrase(base, 'toomanyrequests'), ['too', 'many', 'requests'])
    for (const name of ['datadog', 'firebase', 'outposts', 'transitgateway']) t.equal(joinedPhrase(base, name), null, name)
    t.equal(spaceJoinedWords(base, 'minha apigateway da 429 toomanyrequests'), 'minha api gateway da 429 too many requests')
    const found = retrievedWithUnknown(t, base, 'como mandar o usuario pro servidor do pais dele pelo route53', true, [])
    t.equal(found.hits[0]?.path, 'knowledge/pt/dns.md')
    // Spaced out, a service the notes name only in passing is still not covered.
    t.same(retrieve(base, 'how do i chain my lambdas with stepfunctions').covered, false)
    // A short name and its version typed together, as the notes write them apart ("WSL 2").
    t.equal(spaceJoinedWords(base, 'docker desktop wants wsl2 turned on'), 'docker desktop wants wsl 2 turned on')
    t.equal(spaceJoinedWords(base, 'is http3 on by default'), 'is http3 on by default', 'a version the notes never write stays as typed')
    const wsl = retrieve(base, 'docker desktop on my windows pc wants wsl2 turned on, why does it need that')
    t.same([wsl.covered, wsl.unknown], [true, []])
  })

  t.test('"what is X" of a note\'s subject is introduced by its summary, unless a section is named X itself', async t => {
    for (const [question, path, heading] of [
      ['o que é vpc', 'knowledge/pt/vpc-subnets.md', 'Amazon VPC, sub-redes e tabelas de rotas'],
      ['what is vpc', 'knowledge/en/vpc-subnets.md', 'Amazon VPC, subnets and route tables'],
      ['what\'s an internet gateway for', 'knowledge/en/cloud-networking-gateways.md', 'Internet gateway'],
      ['whats a cloudwatch dashboard for', 'knowledge/en/cloudwatch.md', 'Dashboards and Logs Insights']
    ] as const) {
      const lead = retrieve(base, question).hits[0]
      t.equal(lead?.path, path, question)
      t.equal(lead?.heading, heading, question)
    }
  })

  t.test('after a vendor a kind of thing, and after "with" everyday words, name no service; "AWS Backup" still does', async t => {
    for (const question of ['which aws option gives my containers a shared file system', 'we run a nat gateway in each zone with almost no traffic, is that expensive',
      'for a service with steady heavy traffic all day, is an alb cheaper than api gateway?']) {
      const found = retrieve(base, question)
      t.same(found.untreated, [], question)
      t.equal(found.covered, true, question)
    }
    const backup = retrieve(base, 'how do i set up aws backup for my rds database')
    t.same(backup.untreated, ['AWS backup'])
    t.equal(backup.covered, false)
  })

  t.test('a mistyped name of a topic reads as the name; an everyday word and a name the notes lack stay as typed', async t => {
    t.equal(mistypedNames(base, 'o que é dokcer compose'), 'o que é docker compose')
    t.equal(mistypedNames(base, 'explain autoscalling pls'), 'explain autoscaling pls')
    t.equal(mistypedNames(base, 'whats terrafrom state'), 'whats terraform state')
    for (const typed of ['how do i set up linkerd on eks', 'is the inspector free', 'explain docker compose']) t.equal(mistypedNames(base, typed), typed, typed)
    for (const [question, path] of [
      ['o que é dokcer compose', 'knowledge/pt/docker-images-layers.md'],
      ['explain autoscalling', 'knowledge/en/autoscaling.md'],
      ['lamdba cold start takes forever why', 'knowledge/en/serverless-functions.md']
    ] as const) {
      const found = retrieve(base, question)
      t.equal(found.covered, true, question)
      t.equal(found.hits[0]?.path, path, question)
    }
    t.equal(retrieve(base, 'how do i set up linkerd on eks').covered, false, 'a service mesh the notes do not treat stays not covered')
  })

  t.test('a word typed with a letter dropped or two letters swapped reads as the notes\' word; a name and a stem stay as typed', async t => {
    t.equal(slippedWords(base, 'quanto custa um nat gatway parado?'), 'quanto custa um nat gateway parado?')
    t.equal(slippedWords(base, 'whats the diff between a tpye 1 and a tpye 2 hypervisor'), 'whats the diff between a type 1 and a type 2 hypervisor')
    t.equal(slippedWords(base, 'o woker da fila pode pegar a mesma mensagem duas vezes?'), 'o worker da fila pode pegar a mesma mensagem duas vezes?')
    for (const typed of [
      'como funciona o protocolo quic', // a dropped letter is looked for from five letters: QUIC is no "quick" mistyped
      'the app runs out of inodes, how do i check', // "inod" is a stem of the notes' words ("indo"), no word they write
      'meu colega arrumou treta no grupo', // Portuguese slang is no slip of an English word ("treat")
      'how do i set up OIDC for github' // a name typed with capitals is spelled as its owner spells it
    ]) t.equal(slippedWords(base, typed), typed, typed)
    for (const [question, topic] of [
      ['endpoint de vpc gatway pro s3 cobra por hora?', 'cloud-networking-gateways'],
      ['whats the diff between a tpye 1 and a tpye 2 hypervisor', 'virtualization-hypervisors'],
      ['o woker da fila pode pegar a mesma mensagem duas vezes?', 'message-queues']
    ] as const) {
      const found = retrieve(base, question)
      t.same([found.covered, found.unknown, found.untreated, found.hits[0]?.topic], [true, [], [], topic], question)
    }
  })

  t.test('a task quoted from an assignment is the student\'s own question: its names are read; a message quoted is not', async t => {
    const task = retrieve(base, "homework: 'explain how AWS Glue crawlers discover a table schema'. where do i even start")
    t.same([task.covered, task.unknown], [false, ['Glue', 'crawlers']], 'a service the notes lack, named in the task')
    t.equal(retrieve(base, "the assignment says 'explain why a NAT gateway sits in a public subnet'. how do i answer").covered, true)
    t.equal(retrieve(base, "docker push keeps printing 'no basic auth credentials', what did i miss?").covered, true, 'a message a tool printed names nothing')
  })

  t.test('a status code said digit by digit reads as the code', async t => {
    t.equal(spokenStatusCodes('it says four oh four but the object is there'), 'it says 404 but the object is there')
    t.equal(spokenStatusCodes('devolve quatro zero tres ou quatro zero um?'), 'devolve 403 ou 401?')
    t.equal(spokenStatusCodes('one of the two zones'), 'one of the two zones')
    const question = 'logged in but not allowed, is that four oh one or four oh three?'
    t.equal(retrieve(base, question).hits[0]?.heading, 'HTTP status codes', question)
  })

  t.test('an abbreviation spelled letter by letter reads as the abbreviation; letters that make none stay apart', async t => {
    t.equal(spelledLetters(base, 'se eu escolho i a a s eu perco o que comparado com p a a s e s a a s'), 'se eu escolho iaas eu perco o que comparado com paas e saas')
    t.equal(spelledLetters(base, 'in r d s is multi a z the same as a read replica'), 'in rds is multi az the same as a read replica')
    t.equal(spelledLetters(base, 'what hypervisor does e c two use, and is my s three bucket on it'), 'what hypervisor does ec2 use, and is my s3 bucket on it')
    t.equal(spelledLetters(base, 'a instancia e c dois fica em qual a z'), 'a instancia ec2 fica em qual az')
    for (const typed of ['vai de a a z', 'options a b c d', 'e o e']) t.equal(spelledLetters(base, typed), typed, typed)
    const question = 'se eu escolho i a a s eu ganho o que comparado com p a a s?'
    t.equal(retrieve(base, question).hits[0]?.heading, 'Vantagens e limitações de cada modelo', question)
  })

  t.test('a name written as it sounds in Portuguese reads as the name; a name the notes lack that sounds like a word of theirs stays', async t => {
    t.equal(soundedOutNames(base, 'pq usar dóquer afinal'), 'pq usar docker afinal')
    t.equal(soundedOutNames(base, 'o q é o etcd no cubernetis'), 'o q é o etcd no kubernetes')
    t.equal(soundedOutNames(base, 'aqui no fargeit o meu contêiner'), 'aqui no fargate o meu contêiner')
    for (const typed of ['vale usar traefik como proxy reverso', 'o q é o buildah', 'one-to-many relation in a prisma schema', 'prometheus remote write to thanos']) {
      t.equal(soundedOutNames(base, typed), typed, typed)
    }
    t.same(soundKey(foldText('dóquer')), soundKey('docker'), 'the consonants and vowels of "dóquer" are those of "docker"')
    for (const [question, path] of [
      ['o q é o etcd no cubernetis', 'knowledge/pt/kubernetes-basics.md'],
      ['pq usar dóquer afinal qual a vantagem de verdade', 'knowledge/pt/docker-images-layers.md']
    ] as const) {
      const found = retrieve(base, question)
      t.equal(found.covered, true, question)
      t.equal(found.hits[0]?.path, path, question)
    }
  })

  t.test('a product the notes write as one word, typed as two, reads as the product; words the notes write apart stay apart', async t => {
    t.equal(spacedNames(base, 'o cloud watch guarda log por quanto tempo'), 'o cloudwatch guarda log por quanto tempo')
    t.equal(spacedNames(base, 'no git hub actions o job de deploy'), 'no github actions o job de deploy')
    for (const typed of ['how does the load balancer pick a target', 'whats the max stop timeout on fargate', 'meu health check falha']) t.equal(spacedNames(base, typed), typed, typed)
    for (const [question, path] of [
      ['cloud formation consegue detectar quando alguem alterou um recurso da stack manualmente?', 'knowledge/pt/infrastructure-as-code.md'],
      ['o que é o fire cracker?', 'knowledge/pt/virtualization-hypervisors.md'],
      ['no git hub actons como faço o job de deploy so rodar depois q o job de teste passar?', 'knowledge/pt/ci-cd-gitflow.md']
    ] as const) {
      const found = retrieve(base, question)
      t.equal(found.covered, true, question)
      t.equal(found.hits[0]?.path, path, question)
    }
  })

  t.test('what the student calls themselves ("noob question", "sou novato") names nothing the notes lack', async t => {
    for (const question of ['noob question: is a container basically just a tiny vm?', 'sou novata: pra que serve um load balancer?']) {
      const found = retrieve(base, question)
      t.equal(found.covered, true, question)
      t.same(found.unknown, [], question)
    }
  })

  t.test('a proper name the Portuguese frequency list picked up, and a compound of two known words, are names', async t => {
    retrievedWithUnknown(t, base, 'jenkins pipeline declarativa com agente docker como faz', false, ['jenkins'], 'frequent in Portuguese text, absent from the English list, spelled as no Portuguese word')
    retrievedWithUnknown(t, base, 'quanto custa hospedar meu blog estatico no s3', true, [], 'a loanword frequent in both languages is phrasing')
    t.equal(base.index.knows('statefulset'), false, '"set" after "stateful" is a word, not an ending')
    t.equal(retrieve(base, 'statefulset no k8s pra rodar postgres, vale a pena?').covered, false)
  })

  t.test('an unknown word spelled as an acronym is a name, wherever it stands', async t => {
    for (const word of ['dnssec', 'mtls', 'hsts', 'sftp']) t.equal(acronymShaped(word), true, word)
    for (const word of ['overkill', 'strict', 'throttle', 'schema', 'halfway', 'ok']) t.equal(acronymShaped(word), false, word)
    const found = retrievedWithUnknown(t, base, 'how do i enable dnssec on route 53', false, ['dnssec'])
  })

  t.test('a pasted IAM action or error code reads as its words; a two-word service name stays a name', async t => {
    t.equal(spellOutIdentifiers(base, 'negando s3:DeleteObject'), 'negando s3: delete object')
    t.equal(spellOutIdentifiers(base, 'my task fails with CannotStartContainerError'), 'my task fails with cannot start container error')
    t.equal(spellOutIdentifiers(base, 'should i turn on GuardDuty'), 'should i turn on GuardDuty')
    retrievedWithUnknown(t, base, 'to tomando erro not authorized to perform sts:AssumeRoleWithWebIdentity no github actions, oq ta faltando', true, [])
    t.equal(retrieve(base, 'should i turn on GuardDuty for my account').covered, false)
  })

  t.test('an identifier the notes write as it is stays whole, and finds the passage that shows it', async t => {
    t.equal(spellOutIdentifiers(base, 'oq faz o healthCheckGracePeriodSeconds'), 'oq faz o healthCheckGracePeriodSeconds')
    t.equal(spellOutIdentifiers(base, 'bucket policy com aws:SecureTransport'), 'bucket policy com aws:SecureTransport')
    t.equal(spellOutIdentifiers(base, 'fails with CannotPullContainerError'), 'fails with CannotPullContainerError', 'an error code the notes show')
    for (const [question, topic] of [
      ['oq faz o healthCheckGracePeriodSeconds', 'health-checks-graceful-shutdown'],
      ['what does minimumHealthyPercent do in an ecs service', 'deployment-strategies'],
      ['ApproximateNumberOfMessagesVisible, oq essa metrica mostra', 'message-queues']
    ] as const) {
      const found = retrieve(base, question)
      t.ok(found.covered, `covered: ${question} (${found.untreated.join(', ')})`)
      t.equal(found.hits[0]?.topic, topic, question)
    }
  })

  t.test('a name that notes of many topics use in passing is common vocabulary', async t => {
    for (const question of ['quantos IPs eu consigo usar numa subnet /24', 'where do i put the database URL so the same image runs in staging and prod']) {
      const found = retrieve(base, question)
      t.equal(found.covered, true, question)
      t.same(found.untreated, [], question)
    }
  })

  t.test('an everyday phrase for a term of the notes is that term: the bare domain is the zone apex ("ápice da zona" in the Portuguese notes)', async t => {
    for (const question of ['www works but i cant put a cname on the bare domain, what do i do?', 'meu dominio raiz nao aceita cname, e agora?']) {
      const found = retrieve(base, question)
      t.equal(found.covered, true, question)
      t.same(found.untreated, [], question)
      t.equal(found.hits[0]?.topic, 'dns', question)
      t.ok(found.queryTerms.includes(found.question.lang === 'pt' ? 'apic' : 'apex'), question)
    }
     const inbound = retrieve(base, 'is inbound data to aws free or do i pay per gb for uploads too?')
    t.same([inbound.covered, inbound.untreated, inbound.hits[0]?.heading], [true, [], 'Data transfer costs'], 'inbound data is data coming into AWS')
    t.equal(retrieve(base, 'my security group allows inbound traffic on 443 but the site still times out, why?').hits[0]?.topic, 'security-groups-nacls',
      'inbound traffic a firewall lets in stays the firewall\'s')
  })

  t.test('a subnet that offers five addresses fewer than its size shows the addresses AWS reserves', async t => {
    for (const [question, heading] of [
      ['made a /28 for the database subnet and the console shows 11 free addresses instead of 16, where did the others go?', 'Subnets and Availability Zones'],
      ['criei uma sub-rede /24 e o console mostra 251 enderecos livres, nao era 256?', 'Sub-redes e zonas de disponibilidade']
    ]) t.equal(retrieve(base, question).hits[0]?.heading, heading, question)
    t.equal(retrieve(base, 'how many addresses does a /24 give me?').hits[0]?.heading, 'CIDR blocks: the address range of a VPC', 'the size of a block alone is its CIDR')
  })

  t.test('everyday Portuguese after the first word of a name is the sentence going on', async t => {
    const found = retrieve(base, 'a fatura do cloudwatch sobe todo mes mesmo com o trafego igual, tem a ver com log velho acumulando?')
    t.equal(found.covered, true)
    t.same(found.untreated, [])
    const named = retrieve(base, 'da pra fazer deploy com elastic beanstalk em vez do ecs?')
    t.same(named.notTreated, ['Elastic Beanstalk'], 'a name in English words is still one: the rest is answered, saying the notes do not treat it')
  })

  t.test('no term the notes lack: chat slang, a kind of file the student has, a language people speak', async t => {
    for (const [question, topic] of [
      ['browser says cert not trusted on my self hosted thing, how does a browser decide a cert is legit anyway', 'https-tls-certificates'],
      ['tenho um csv de 2gb no s3 e preciso mudar uma linha, tem como alterar so ela?', 'storage-types'],
      // English writes it with a capital, as it writes names.
      ['why does my prompt cost more when i paste the same document in portuguese instead of english', 'llm-apis-tokens']
    ] as const) {
      const found = retrieve(base, question)
      t.same([found.covered, found.unknown, found.untreated, found.hits[0]?.topic], [true, [], [], topic], question)
    }
    t.equal(retrieve(base, 'how do i query the csv files in my bucket with athena').covered, false, 'the tool asked about still is one')
  })

  t.test('an abbreviation the notes define in parentheses after its words is no name mentioned in passing', async t => {
    t.same(passingNamesIn(base.index, ['eni'], 'pt'), [], '"interface de rede elástica (ENI)"')
    const found = retrieve(base, 'cada task do fargate aparece com uma ENI diferente no console da vpc, isso eh normal? achei q as tasks iam dividir a rede da maquina')
    t.equal(found.covered, true)
    t.same(found.untreated, [])
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
})

t.test('everyday-words', async t => {
  // A word the notes never use counts against a question only when it is a term (a service, a tool,
  // a concept); chat abbreviations, fillers and conjugated verbs are everyday language and say
  // nothing about whether the notes cover the question.
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
    t.ok(isCommonWord('reliably', 'en') && isCommonWord('basically', 'en') && isCommonWord('easily', 'en'), 'an adverb of an everyday word')
    t.notOk(isCommonWord('webassembly', 'en'), '"-ly" on no everyday word is a name\'s own ending')
    const wasm = retrieve(base, 'what is webassembly and why do people say it will replace containers? eli5')
    t.same([wasm.covered, wasm.unknown], [false, ['webassembly']], 'so a question about it is not covered')
  })

  t.test('words of the student\'s situation and chores, minutes after a number, perms', async t => {
    for (const word of ['slide', 'slides', 'lecture', 'faxina', 'cleanup']) t.ok(isCommonWord(word, 'pt'), `${word} is everyday language`)
    t.match(readQuestion('my job runs for 20 min, is that ok on lambda').text, /\b20 minutes minutos\b/, 'after a number, "min" is minutes')
    t.match(readQuestion('set min instances to 2').text, /\bminimum\b/, 'on its own, the minimum')
    t.match(readQuestion('guessing perms forever').text, /\bpermissions\b/)
    for (const question of ['how do i get a tight iam policy for my lambda', 'quero politicas bem enxutas pros meus usuarios']) {
      t.match(readQuestion(question).text, /least privilege minimo privilegio/, question)
    }
    t.match(readQuestion('read replicas no rds servem pra que').text, /replicas de leitura/, 'the English name in a Portuguese question')
    const found = retrieve(base, 'a gente tem read replicas no rds, elas ajudam se a zona principal cair?')
    t.same([found.covered, found.untreated, found.hits[0]?.topic], [true, [], 'databases'], 'a term the English notes write is no name they lack')
    const slide = retrieve(base, 'vi no slide que na nuvem a gente troca capex por opex, oq isso quer dizer?')
    t.same([slide.covered, slide.notTreated], [true, []], 'a slide is where the student saw it, not a product the notes lack')
  })

  t.test('days and months say when, a subject and its verb in the past are no name, "qro" is quero', async t => {
    const monday = retrieve(base, 'Our lecture platform gets a rush of traffic every Monday at 8 a.m. Can capacity be raised ahead of time instead of waiting for CPU to climb?')
    t.same([monday.covered, monday.unknown, monday.hits[0]?.topic], [true, [], 'autoscaling'], 'a weekday is no product the notes lack')
    t.same(unknownWords(base, 'o trafego dobra toda Segunda-feira de manha e no Sabado cai, escalo antes?', 'pt'), [], 'nor in Portuguese, capitalised or not')
    const restarted = retrieve(base, 'my liveness endpoint pings the database and when the db got slow all the pods restarted at once')
    t.same([restarted.covered, restarted.untreated], [true, []], '"pods restarted" is what happened, not a compound name')
    t.same(untreatedNames(base, 'how to set up a transit gateway between vpcs', 'knowledge/en/cloud-networking-gateways.md', 'en'), ['transit gateway'], 'a compound ending in a noun is still a name')
    t.equal(readQuestion('qro mandar api.meusite.com pra um target group').text.startsWith('quero mandar'), true)
    t.same(retrieve(base, 'qro mandar api.meusite.com pra um target group e www pra outro usando o mesmo alb').unknown, [])
  })

  t.test('a model that gives the same answer every time is what its temperature sets', async t => {
    t.equal(retrieve(base, 'for grading i need the chatbot to give basically the same answer every run, what param do i turn down').hits[0]?.heading, 'Temperature and streaming')
    t.equal(retrieve(base, 'preciso q o bot de sempre a mesma resposta pra mesma pergunta, oq eu mudo').hits[0]?.heading, 'Temperatura e streaming', 'in Portuguese, the Portuguese section')
  })

  t.test('capacity added before a rush at a known time is scheduled scaling', async t => {
    for (const question of ['About 200 students log in to our lab platform at 8 a.m. every Monday. Is there a way to add capacity before that rush instead of waiting for CPU to climb?',
      'Our lecture platform gets a rush of traffic every Monday at 8 a.m. Can capacity be raised ahead of time instead of waiting for CPU to climb?']) {
      t.equal(retrieve(base, question).hits[0]?.heading, 'Target tracking vs step scaling', question)
    }
    t.notMatch(readQuestion('cheat sheet for scaling before the exam').text, /scheduled/, 'scaling learnt before an exam is no schedule')
  })

  t.test('appending to a file or editing a piece of it is changing an object in place', async t => {
    for (const question of ['no s3 da pra editar so um pedaco do arquivo, tipo dar append num log?', 'can my lambda append a line to a log file that sits in s3?']) {
      const found = retrieve(base, question)
      t.same([found.covered, found.unknown, found.hits[0]?.topic], [true, [], 'storage-types'], question)
    }
    t.notMatch(readQuestion('why does changing one line rebuild every step after it').text, /in place/, 'a changed line of a Dockerfile is no object edited in place')
  })

  t.test('between an infinitive\'s "to" and its object, a word the notes lack is a verb', async t => {
    const verb = retrieve(base, 'i need to transcode a video that runs about 40 mins, will a lambda function manage it?')
    t.same([verb.covered, verb.unknown, verb.hits[0]?.topic], [true, [], 'serverless-functions'])
    const counted = retrieve(base, 'we want a lambda to transcode 300 short clips a day, is 15 minutes enough for each?')
    t.same([counted.covered, counted.unknown, counted.hits[0]?.topic], [true, [], 'serverless-functions'], 'a count after the verb is its object too')
    // After a verb of going somewhere, "to" leads to a product.
    t.same(retrieve(base, 'can I ship my logs to datadog the same way I do with cloudwatch').unknown, ['datadog'])
  })

  t.test('a relative clause\'s verb, a kind of thing after a vendor, a Portuguese diminutive', async t => {
    const verb = retrieve(base, 'lambda that transcodes videos always dies at exactly the 15 minute mark')
    t.same([verb.covered, verb.unknown, verb.hits[0]?.topic], [true, [], 'serverless-functions'], 'after "that", -s in lower case is a verb')
    t.same(unknownWords(base, 'the pipeline that Jenkins runs for my lambda', 'en'), ['Jenkins'], 'a capitalised name after "that" is still a name')
    const store = retrieve(base, 'Our RDS password must change automatically every 30 days. Which AWS store does that without us writing the logic, and roughly what does it cost per secret?')
    t.same([store.covered, store.untreated, store.hits[0]?.topic], [true, [], 'secrets-management'], '"which AWS store" names no service')
    const lock = retrieve(base, 'o cadeadinho no navegador quer dizer q o site é confiavel e honesto?')
    t.same([lock.covered, lock.unknown, lock.hits[0]?.topic], [true, [], 'https-tls-certificates'], 'cadeadinho is the padlock, cadeado')
    t.same(unknownWords(base, 'configurei o Kubinho no cluster', 'pt'), ['Kubinho'], 'a capitalised name ending in -inho is still a name')
  })

  t.test('a name mentioned in passing that a number counts is a quantity, not the subject', async t => {
    const sized = retrieve(base, 'como descubro se minhas tarefas ecs tao grandes demais? pedi 2 vcpu e uso tipo 10%')
    t.same([sized.covered, sized.untreated], [true, []])
  })

  t.test('every consumer getting its own copy is fan-out; "which AWS pattern" names no service', async t => {
    const copies = retrieve(base, 'a new signup must reach the welcome mailer, the crm sync and the audit trail, and those services all need their own copy. which AWS pattern is that?')
    t.same([copies.covered, copies.untreated, copies.hits[0]?.heading], [true, [], 'Amazon SNS and Amazon EventBridge'], 'fan-out of a topic to several queues')
    t.match(readQuestion('os servicos de estoque e de nota fiscal precisam receber uma copia do pedido').text, /fan-out/, 'in Portuguese too')
    t.notMatch(readQuestion('each developer needs their own copy of the repo').text, /fan-out/, 'a copy of a repository is no message')
  })

  t.test('a service the question asks how to enable is what it is about', async t => {
    for (const question of ['how do i enable GuardDuty so it flags a security group open to 0.0.0.0/0 on port 22', 'how do i enable AWS Config so it detects security groups with port 22 open to the world']) {
      t.equal(retrieve(base, question).covered, false, question)
    }
  })

  t.test('a section headed by the other side of a comparison the question takes one side of yields', async t => {
    t.equal(retrieve(base, 'liberei entrada na porta 8080 no security group, preciso criar regra de saida pra resposta voltar pro cliente?').hits[0]?.heading,
      'Como funcionam os security groups', 'asked of a security group: the section on security groups, not the one on network ACLs')
    t.equal(retrieve(base, 'my network acl allows inbound 443, do i need an outbound rule for the replies?').hits[0]?.heading,
      'How network ACLs work', 'asked of a network ACL: its own section still leads')
  })

  t.test('a sibling section headed by the side the question sets its subject against yields', async t => {
    t.equal(retrieve(base, 'Quais vantagens um monólito tem sobre microsserviços para uma equipe pequena?').hits[0]?.heading,
      'Vantagens do monólito', 'the monolith is asked about, over microservices')
    t.equal(retrieve(base, 'que vantagens os microsserviços têm sobre um monólito numa empresa com muitas equipes?').hits[0]?.heading,
      'Vantagens dos microsserviços', 'the other way round, the other section')
    t.equal(retrieve(base, 'quais as vantagens de ficar com um monolito se o time tem so quatro pessoas?').hits[0]?.heading,
      'Vantagens do monólito', 'one side named alone: its sibling heading answers')
    t.equal(retrieve(base, 'what are the advantages of staying with a monolith when the team is only four people?').hits[0]?.heading,
      'Advantages of a monolith', 'the same in English')
  })

  t.test('files of a kind name no product', async t => {
    for (const question of ['after every release i invalidate the JavaScript and CSS files on cloudfront, is there a smarter way', 'os arquivos JavaScript e CSS ficam velhos no cloudfront depois do deploy, como resolvo?']) {
      const found = retrieve(base, question)
      t.same([found.covered, found.unknown, found.hits[0]?.topic], [true, [], 'cdn'], question)
    }
    t.same(retrieve(base, 'can Athena query the CSV files my app drops in s3').unknown, ['Athena'], 'a product that reads the files is still unknown')
    const bundles = retrieve(base, 'how long should cloudfront cache our hashed JavaScript bundles compared with the HTML pages')
    t.same([bundles.covered, bundles.unknown, bundles.notTreated, bundles.hits[0]?.topic], [true, [], [], 'cdn'], 'bundles and pages are files of a kind too')
  })

  t.test('a pattern of the logs counted as a metric is a metric filter', async t => {
    t.equal(retrieve(base, 'i want the number of timeout lines in my container logs as a metric in cloudwatch').hits[0]?.heading, 'CloudWatch metrics')
    t.equal(retrieve(base, 'quero a contagem de linhas ERROR dos logs do container como metrica no cloudwatch').hits[0]?.heading, 'Métricas do CloudWatch')
    t.notMatch(readQuestion('my logs in cloudwatch show a metric error').text, /metric filter/, 'logs and a metric side by side are not enough')
  })

  t.test('several machines writing one folder need a shared file system', async t => {
    t.equal(retrieve(base, 'two ec2 instances need to read and write the same uploads folder, ebs or something else?').hits[0]?.heading, 'File storage: Amazon EFS')
    t.match(readQuestion('duas instancias precisam ler e gravar na mesma pasta de uploads').text, /shared file system efs/, 'in Portuguese too')
    t.equal(retrieve(base, 'our blog runs on two ec2 boxes in separate azs and images uploaded on one never appear on the other, is there some shared disk on aws').hits[0]?.heading, 'File storage: Amazon EFS', 'a shared disk, asked for by name')
    t.match(readQuestion('tem disco compartilhado na aws?').text, /efs/, 'in Portuguese too')
    t.notMatch(readQuestion('i keep my photos in the same folder as my code').text, /efs/, 'one folder alone is no sharing')
  })

  t.test('what a call goes through is the tool the question is about', async t => {
    const found = retrieve(base, 'how much does calling a model through amazon bedrock cost compared with calling the provider api directly')
    t.same([found.covered, found.unknown], [false, ['bedrock']], 'Bedrock, not the model provider, is what is priced')
  })

  t.test('the tool a task is done with is what the question asks about', async t => {
    const skopeo = retrieve(base, 'How do I copy our container images with skopeo before we push them to ECR, and check their tags at deploy time?')
    t.same([skopeo.covered, skopeo.unknown], [false, ['skopeo']], 'copying images "with skopeo" asks how skopeo does it')
    const nginx = retrieve(base, 'quero por o certificado gratis do acm direto numa ec2 com nginx, pode ou so nos servicos integrados?')
    t.same([nginx.covered, nginx.hits[0]?.heading], [true, 'AWS Certificate Manager (ACM)'], 'an instance "com nginx" says what the machine runs')
  })

  t.test('a feature named after its product is what the question asks about', async t => {
    const tables = retrieve(base, 'Como funcionam as DynamoDB Global Tables para replicar dados entre regiões?')
    t.same([tables.covered, tables.untreated], [false, ['Global Tables']], 'how the feature of DynamoDB works is asked, not how Regions work')
    const flowLogs = retrieve(base, 'how do I set up VPC Flow Logs to see the traffic my security group rejected')
    t.same([flowLogs.covered, flowLogs.untreated], [false, ['Flow Logs']], 'a name of ordinary words the notes never write')
  })

  t.test('words of the sentence that are no product', async t => {
    const errno = retrieve(base, 'my lambda in the vpc fails with ETIMEDOUT every time it calls the rds database, what is missing')
    t.same([errno.covered, errno.unknown], [true, []], 'a system error\'s code is what went wrong')
    const crm = retrieve(base, 'vou montar um crm simples pra igreja do meu bairro com cadastro e historico, dynamodb ou rds?')
    t.same([crm.covered, crm.unknown], [true, []], 'the kind of system the student builds')
    const opened = retrieve(base, 'Abri a porta do banco pra internet toda achando que a AWS bloqueava ataques maliciosos. A culpa é de quem?')
    t.ok(opened.covered && !opened.unknown.includes('Abri'), 'the first word\'s capital is the sentence\'s')
    const blocked = retrieve(base, 'Subi um bucket publico achando que a AWS barrava acessos indevidos, de quem é a culpa?')
    t.same([blocked.covered, blocked.hits[0]?.heading], [true, 'Erros comuns na responsabilidade compartilhada'], 'what "a AWS barrava" is a verb of, not a service')
  })

  t.test('an attack named by ordinary words is a technique the notes do not treat', async t => {
    const found = retrieve(base, 'how do i stop sql injection in my express api that builds its queries by gluing strings together')
    t.same([found.covered, found.untreated], [false, ['SQL injection']])
  })

  t.test('a student\'s own devices: a Mac is the macOS the notes name, an iPad no product', async t => {
    const found = retrieve(base, 'why is there a linux vm running on my macbook as soon as i start docker')
    t.same([found.covered, found.unknown, found.hits[0]?.heading], [true, [], 'Trade-offs and pitfalls of containers'])
    const ipad = retrieve(base, 'meu ipad ainda mostra a versao velha do site depois do deploy, é cache do cloudfront?')
    t.same([ipad.covered, ipad.notTreated], [true, []], 'the device the student looks from is no product the notes lack')
  })

  t.test('what was forgotten and keeps billing is an idle resource', async t => {
    t.equal(retrieve(base, 'que recursos esquecidos continuam cobrando na fatura sem a turma perceber?').hits[0]?.heading, 'Tags e recursos ociosos')
    t.equal(retrieve(base, 'which forgotten resources keep billing us without anyone noticing?').hits[0]?.heading, 'Tagging and idle resources', 'in English too')
  })

  t.test('storage that never loses anything is asked about its durability', async t => {
    t.equal(retrieve(base, 'o s3 nao perde nada nunca, entao se eu apagar um arquivo sem querer da pra recuperar?').hits[0]?.heading, 'Durabilidade não é disponibilidade')
    t.notMatch(readQuestion('never lose your temper with the pipeline').text, /durability/, 'losing something else is no storage')
  })

  t.test('the English "error budget" in a Portuguese question is the notes\' "orçamento de erros"', async t => {
    t.equal(retrieve(base, 'o que seria esse error budget e como ele ajuda a decidir alertas?').hits[0]?.heading, 'SLI, SLO e orçamento de erros')
  })

  t.test('purging a CDN\'s cache is an invalidation', async t => {
    t.equal(retrieve(base, 'every time we push a new build cloudfront keeps serving the old main.js for hours, should i purge it after every deploy or is there a smarter way').hits[0]?.heading, 'Invalidations')
    t.match(readQuestion('precisa purgar o cache do cloudfront toda vez?').text, /invalidacao/, 'in Portuguese too')
    t.notMatch(readQuestion('purchase a savings plan').text, /invalidation/, 'a word that only begins the same way')
    t.match(readQuestion('do i have to clear the cache on cloudfront after each deploy?').text, /invalidation/, 'clearing the CDN\'s cache')
    t.notMatch(readQuestion('como limpar o cache do redis depois do deploy?').text, /invalidacao/, 'clearing another cache is no invalidation')
  })

  t.test('allowing in one policy and denying in another, in the first person', async t => {
    t.equal(retrieve(base, 'numa policy eu libero dynamodb:* e em outra nego dynamodb:DeleteItem, qual das duas ganha?').hits[0]?.heading, 'Políticas IAM em JSON')
  })

  t.test('a managed policy\'s name is a set of permissions, not a product', async t => {
    const found = retrieve(base, 'a teammate\'s role has AmazonS3FullAccess plus a custom statement with Effect Deny on deleting objects. can they still delete stuff from the bucket?')
    t.same([found.covered, found.unknown, found.hits[0]?.heading], [true, [], 'IAM policies in JSON'])
    t.same(retrieve(base, 'minha role tem AdministratorAccess, isso é ruim?').unknown, [], 'in Portuguese too')
  })

  t.test('a question that asks for a figure is answered only by a note that states one of its kind', async t => {
    t.equal(retrieve(base, 'qual o tamanho maximo de uma mensagem numa fila sqs? quero mandar um json grande').covered, false, 'the queues note states no size')
    t.equal(retrieve(base, 'whats the max size of a single dynamodb item? thinking of storing chat history in one').covered, true, 'the databases note states 400 KB')
    t.equal(retrieve(base, 'quanto custa por mes manter uma hosted zone no route 53?').covered, false, 'the DNS note states no price')
    t.equal(retrieve(base, 'quanto custa por mes deixar um nat gateway ligado?').covered, true, 'the networking note prices it')
    t.equal(retrieve(base, 'quanto custa por ano manter um dominio na route 53?').covered, false, 'a price by the year')
    t.equal(retrieve(base, 'whats the hourly price of an application load balancer with no traffic?').covered, false, 'an hourly price')
    t.equal(retrieve(base, 'how much does route 53 charge per minute of health checks?').covered, false, 'a price by the minute')
    t.equal(retrieve(base, 'whats the largest file cloudfront will cache? we have 30gb lecture videos').covered, false, 'the largest file is a size')
    t.equal(retrieve(base, 'how many iops does a gp3 volume give me by default before i pay for more?').covered, false, 'the storage note states no rate of disk operations')
    t.equal(retrieve(base, 'banco com muita escrita no ec2 precisa de muito iops, qual volume ebs eu pego?').covered, true, 'which volume suits many operations is answered in words')
  })

  t.test('a limit is answered only where the section gives a number for the thing counted', async t => {
    t.equal(retrieve(base, 'how many listener rules can a single alb have at most?').covered, false, 'the load-balancer note counts no rules')
    t.equal(retrieve(base, 'qual o numero maximo de targets que um target group aceita?').covered, false, 'nor targets')
    t.equal(retrieve(base, 'o aurora aguenta quantas replicas de leitura no maximo?').covered, true, '"até 15 réplicas de leitura"')
    const gateways = retrieve(base, 'how many internet gateways can one vpc have at most?')
    t.same([gateways.covered, gateways.hits[0]?.heading], [true, 'Internet gateway'], '"a VPC has at most one": that section leads')
    t.equal(retrieve(base, 'how many containers fit on one server compared with vms?').covered, true, 'how dense asks no limit')
    t.equal(retrieve(base, 'meu service tem 6 tasks com maximumPercent 200, no deploy quantas tasks sobem no maximo?').covered, true,
      'figures given before the count make it a sum to work out')
    t.equal(retrieve(base, 'a max-age of one day in cache-control is how many seconds?').covered, true, '"max-age" is a setting, no limit')
    t.equal(retrieve(base, 'qntas regras de listener no max cabem num alb?').covered, false, '"qntas", however the count is typed')
     t.equal(retrieve(base, 'qual o maximo de regras de saida num security group?').covered, false, '"uma regra" is an article and a noun, no count of rules')
    t.equal(retrieve(base, 'o cognito é gratis ate quantos usuarios por mes?').covered, false, '"até quantos" asks a limit; "por mês" closes the count')
    t.equal(retrieve(base, 'how many messages per second can a fifo queue take at most?').covered, true, 'a rate is answered by a figure per second, whatever it counts')
  })

  t.test('what an asked-for analogy is drawn from is no subject of the question', async t => {
    const hypervisor = retrieve(base, 'analogia pra hipervisor? tipo um zelador que reparte o predio em quitinetes?')
    t.same([hypervisor.covered, hypervisor.unknown, hypervisor.hits[0]?.topic], [true, [], 'virtualization-hypervisors'])
    const cdn = retrieve(base, 'analogia pra cdn? tipo as filiais de uma padaria espalhadas pela cidade?')
    t.same([cdn.covered, cdn.unknown], [true, []], 'the branches of a bakery are where the likeness comes from')
    const mesh = retrieve(base, 'need an analogy for a service mesh like istio for my slides')
    t.equal(mesh.covered, false, 'what the analogy is for is still asked: the notes do not treat a service mesh')
  })

  t.test('a quiz question is a question on the notes: its numbered statements and where it comes from name nothing', async t => {
    const groups = retrieve(base, 'which of these is right about security groups: I) they are stateful II) they have deny rules III) they apply to instances')
    t.same([groups.covered, groups.unknown, groups.notTreated], [true, [], []], '"III" numbers a statement')
    const queues = retrieve(base, 'quiz da semana: I) sqs standard garante ordem II) fifo evita duplicatas III) a dlq guarda mensagens que falharam varias vezes. quais estao certas?')
    t.same([queues.covered, queues.notTreated], [true, []])
    const nat = retrieve(base, 'from the practice test: what does a nat gateway let a private subnet do? a) accept inbound connections b) reach the internet outbound c) host a public website')
    t.same([nat.covered, nat.hits[0]?.topic], [true, 'cloud-networking-gateways'], 'the practice test is where the question comes from, not how to study')
    t.equal(retrieve(base, 'practice exam: which s3 storage class is for archives you read once a year?').covered, true)
    t.equal(retrieve(base, 'are practice exams better than rereading the notes?').covered, false, 'how to study is still no question for the notes')
  })

  t.test('what a question likens a thing to is no subject of it', async t => {
    const lambda = retrieve(base, 'o lambda é tipo um motoboy do ifood, so sai quando chega pedido? quem pode acionar ele')
    t.same([lambda.covered, lambda.unknown, lambda.hits[0]?.topic], [true, [], 'serverless-functions'])
    const registry = retrieve(base, 'comparar o ecr com o spotify faz sentido? guarda as imagens e a gente puxa quando quer tocar')
    t.same([registry.covered, registry.unknown, registry.hits[0]?.topic], [true, [], 'container-registries'])
    const mall = retrieve(base, 'is the ecs cluster like a shopping mall and the services like the branch stores inside it? what runs where')
    t.same([mall.covered, mall.untreated], [true, []], 'the branch stores are the likeness, not a name the notes lack')
    t.equal(retrieve(base, 'is kafka like sqs but for streams?').covered, false, 'what is likened to something is still asked about')
    t.same(retrieve(base, 'is s3 basically dropbox but for websites? where do the files go').unknown, [], '"basically X but for" likens')
    const named = retrieve(base, 'faas e paas parecem nome de digimon kkk qual a diferenca')
    t.same([named.covered, named.hits[0]?.topic], [true, 'service-models'], '"parece nome de" likens')
  })

  t.test('an address block written out, or its prefix length alone, names the notes\' addressing, whatever else the question calls it', async t => {
    for (const question of ['saw 192.168.10.0/24 written on the board, what is the number after the slash', 'qual a diferenca real entre uma /16 e uma /24? sou pessimo de conta']) {
      const found = retrieve(base, question)
      t.same([found.covered, found.hits[0]?.topic], [true, 'vpc-subnets'], question)
    }
  })

  t.test('an everyday Portuguese word borrowed from English after an article is no foreign product', async t => {
    const found = retrieve(base, 'e se um hacker descobrir o ip da minha instancia ec2, o security group protege?')
    t.same([found.covered, found.hits[0]?.topic], [true, 'security-groups-nacls'])
  })

  t.test('a connection written short and seconds written apart from their number are no names', async t => {
    const idle = retrieve(base, 'my websocket conns get cut after a minute idle behind the alb, why?')
    t.same([idle.covered, idle.unknown, idle.hits[0]?.topic], [true, [], 'load-balancers'], '"conns" are connections')
    t.same(retrieve(base, 'o health check roda a cada 10 seg, quantas falhas ate tirar o alvo do alb?').unknown, [], '"10 seg" is ten seconds')
  })

  t.test('the field\'s own shorthand reads as the words the notes write in full', async t => {
    for (const [question, topic, heading] of [
      ['is OAC needed when cloudfront serves a private s3 bucket?', 'cdn', 'Origins and cache behaviours'],
      ['no 12FA onde fica a config do app?', 'twelve-factor-app', 'Configuração no ambiente'],
      ['quem escreve o template do CFN quando uso o cdk?', 'infrastructure-as-code', 'AWS CloudFormation e AWS CDK'],
      ['minha api no apigw ta dando 429, pq?', 'api-gateway', 'Throttling no API Gateway'],
      ['how do i point a subdomain at my alb in r53?', 'dns', 'Example: pointing a domain to a load balancer']
    ]) {
      const found = retrieve(base, question)
      t.same([found.covered, found.unknown, found.hits[0]?.topic, found.hits[0]?.heading], [true, [], topic, heading], question)
    }
  })

  t.test('"irl", a verdict asked for and what can be done with a thing the notes name are no names', async t => {
    for (const question of [
      'fargate spot for a batch job that can restart anytime, yay or nay?',
      'is a page with the user\'s name in it cacheable on cloudfront?',
      'what does blue/green look like irl?'
    ]) {
      const found = retrieve(base, question)
      t.same([found.covered, found.unknown], [true, []], question)
    }
  })

  t.test('an adverb after the vendor and a quantity before a plural are no names', async t => {
    const hybrid = retrieve(base, 'we are moving the database to aws first and the rest next year, what is that kind of cloud called?')
    t.same([hybrid.covered, hybrid.untreated], [true, []], '"aws first" is no AWS service')
    const orchestrator = retrieve(base, 'small team, a couple services, ecs or eks?')
    t.same([orchestrator.covered, orchestrator.untreated], [true, []], '"a couple services" counts them')
  })

  t.test('where a student read of something and the switches of a screen are everyday words', async t => {
    const user = retrieve(base, 'copiei esse dockerfile de um tutorial, pra que serve o USER node?')
    t.same([user.covered, user.unknown], [true, []], '"tutorial" is where they read it')
    const versioning = retrieve(base, 'no console tem um toggle de versionamento no bucket s3, o que ele protege?')
    t.same([versioning.covered, versioning.unknown], [true, []], '"toggle" is a switch on the screen')
  })

  t.test('the course\'s own rules and the degree\'s other subjects are not the notes\' to answer', async t => {
    for (const question of [
      'da pra trancar uma materia depois da primeira prova?',
      'quando saem as notas da primeira prova de redes?',
      'can i submit the final project 2 days late?',
      'explain arrow functions vs regular functions in javascript',
      'what is inheritance between a parent class and a child class?',
      'in what order are select, from, where and group by run in a query?',
      'quanto tempo voce acha que leva pra aprender react do zero?',
      'any tips for grading group projects fairly?',
      "python prints `TypeError: 'NoneType' object is not subscriptable` when my script reads result['rows'], what is wrong?",
      'what is if __name__ == "__main__" for in a python file?'
    ]) t.equal(retrieve(base, question).covered, false, question)
    t.equal(retrieve(base, 'my sql select query on rds is slow, should i add a read replica?').covered, true, 'an SQL query on the notes\' database stays theirs')
  })

  t.test('the degree\'s other subjects, the CV and the interview\'s behavioural questions, a group that shirks and the student\'s laptop', async t => {
    for (const question of [
      'how do i run a chi square test on my survey data?',
      'em calculo 2 o que a turma mais erra em integral?',
      'o que eu coloco no meu cv se nunca fiz estagio?',
      'how do i answer behavioral questions in an interview with the star method?',
      'tenho um colega no grupo que nao faz nada, como divido o trabalho?',
      'windows or linux on my college laptop, which one?',
      'any good name for my new kitten?'
    ]) t.equal(retrieve(base, question).covered, false, question)
    t.equal(retrieve(base, 'docker desktop no meu notebook windows pede wsl 2, pq?').covered, true, 'the laptop a student runs Docker on is where they are')
  })

  t.test('the first week of classes, sleep before an exam, a teammate who never does their part and a crowded semester are not the notes\'', async t => {
    for (const question of [
      'is it ok to skip the first week of classes if i am still travelling?',
      'how many hours of sleep should i get before a big exam?',
      'meu colega nunca faz a parte dele no trabalho em grupo, oq eu faco?',
      'how do i juggle 6 courses and a part-time job?'
    ]) t.equal(retrieve(base, question).covered, false, question)
  })

  t.test('what the student switched on is what the question is about, however well the rest matches', async t => {
    const dnssec = retrieve(base, 'enabled dnssec on my route 53 hosted zone and now the domain wont resolve, what did i miss?')
    t.same([dnssec.covered, dnssec.unknown], [false, ['dnssec']], 'DNSSEC is not in the notes')
    t.equal(retrieve(base, 'criei a hosted zone no route 53 e o dominio nao resolve, oq falta?').covered, true, 'what the notes treat stays theirs')
  })

  t.test('a programming language\'s own workings are the degree\'s other subjects; a program on the cloud stays the notes\'', async t => {
    for (const question of [
      'em python o que acontece se eu alterar uma lista enquanto percorro ela num for?',
      'em js uma promise resolvida roda antes de um settimeout de 0?',
      'in javascript how do i await several promises at once?',
      // Pointers and "self" are a language's alone, whatever words of the notes come with them ("twice" reads as idempotency).
      'in c why does calling free twice on the same pointer crash the program?',
      'em python pra que serve o self nos metodos de uma classe?'
    ]) t.equal(retrieve(base, question).covered, false, question)
    for (const question of [
      'my python app lists the objects in an s3 bucket, how do i give it only read access?',
      // "self-signed" is a certificate's, not a method's "self".
      'em python minha variavel aponta pro certificado self-signed e da erro, pq o navegador nao confia?',
      'escrevo a infra em typescript com o cdk, o que o cdk synth gera?'
    ]) t.equal(retrieve(base, question).covered, true, question)
  })

  t.test('a Portuguese plural that changes its ending and the people a student explains things to are everyday words', async t => {
    t.same(retrieve(base, 'minha lambda manda os boletins por email e demora uns 18 min, ela vai ser cortada?').unknown, [], '"boletins" is the plural of "boletim"')
    const grandpa = retrieve(base, 'how do i explain to my grandpa what a cloud region is?')
    t.same([grandpa.covered, grandpa.unknown], [true, []])
  })

  t.test('what a student used on another vendor\'s cloud is where they come from when they ask for AWS\'s way', async t => {
    const vault = retrieve(base, 'no azure eu usava o key vault pra guardar as senhas. na aws onde guardo os segredos da task?')
    t.same([vault.covered, vault.unknown, vault.hits[0]?.topic], [true, [], 'secrets-management'], 'a sentence about the other cloud')
    const cache = retrieve(base, 'is there something like google cloud memorystore to cache sessions for my ecs app?')
    t.same([cache.covered, cache.unknown], [true, []], 'the other cloud\'s product AWS\'s is likened to')
    const here = retrieve(base, 'no heroku as config vars ficavam no painel. aqui onde eu guardo a senha do banco pro ecs?')
    t.same([here.covered, here.untreated, here.hits[0]?.topic], [true, [], 'secrets-management'], '"aqui" is the cloud the student is in now')
    t.same(retrieve(base, 'na digitalocean eu pagava 5 dolares fixo. aqui quanto custa um nat gateway parado?').unknown, [])
    t.equal(retrieve(base, 'gcp firewall rules vs aws security groups, what changes?').covered, false, 'set against AWS\'s, it is asked about')
    t.equal(retrieve(base, 'the oracle cloud free tier gives 4 arm cpus forever. is it a better deal than aws for my thesis?').covered, false,
      'a question that weighs the two asks about both')
  })

  t.test('two zones written by their number and letter are zones, and "teh" is the article mistyped', async t => {
    const zones = retrieve(base, 'my instance in 1a died, can the replacement in 1b mount its ebs volume?')
    t.same([zones.covered, zones.unknown, zones.hits[0]?.topic], [true, [], 'storage-types'])
    t.same(retrieve(base, 'o que é a 2b?').unknown, ['2b'], 'one alone may be anything')
    const typo = retrieve(base, 'whats teh difference between a security group and a nacl?')
    t.same([typo.covered, typo.unknown], [true, []])
  })

  t.test('what the student pasted between backticks names no product they ask about', async t => {
    const pasted = retrieve(base, '`docker exec -it api sh` da `OCI runtime exec failed: exec failed: unable to start container process` e a imagem é distroless, como debugo?')
    t.same([pasted.covered, pasted.unknown], [true, []])
    t.ok(retrieve(base, 'my keycloak container keeps printing `ERROR: failed to start server in production mode`, what config is missing?').unknown.includes('keycloak'),
      'a name the student writes outside the pasted text is still theirs')
  })

  t.test('Portuguese writes a setting\'s value after it: "target type instance" is the target type "instance"', async t => {
    const target = retrieve(base, 'o service fargate ta com target type instance no target group e nenhuma task registra, oq troco?')
    t.same([target.covered, target.untreated, target.hits[0]?.heading], [true, [], 'Target groups e health checks'])
  })

  t.test('"cmk" is the customer managed key', async t => {
    const cmk = retrieve(base, 'should our rds use a cmk or the aws managed key, what do we gain?')
    t.same([cmk.covered, cmk.unknown, cmk.hits[0]?.topic], [true, [], 'encryption-kms'])
  })

  t.test('English words a Portuguese question switches to in mid-sentence ("biggest", "anything") are its phrasing, not a name', async t => {
    t.same(retrieve(base, 'qual o biggest CIDR block que aceita numa VPC e qual o menor?').untreated, [])
    const charges = retrieve(base, 'o EKS cobra o control plane? o ECS charges anything pelo dele?')
    t.same([charges.covered, charges.untreated], [true, []])
  })

  t.test('a block pasted between fences names no product; the program a pasted command runs does', async t => {
    const template = retrieve(base, '```yaml\nEvents:\n  Uploads:\n    Type: S3\n    Properties:\n      Bucket: fotos-turma\n```\nnesse template quem chama a lambda quando sobe um arquivo? com fila sqs seria igual?')
    t.same([template.covered, template.unknown, template.untreated, template.hits[0]?.heading], [true, [], [], 'Eventos e gatilhos'])
    const push = retrieve(base, '```bash\ndocker tag web:v3 minha-conta/web:v3\ndocker push minha-conta/web:v3\n```\no push foi pro docker hub e nao pro ecr, qual o nome certo da imagem?')
    t.same([push.covered, push.untreated], [true, []])
    const helm = retrieve(base, '```bash\nhelm upgrade api ./chart --set image.tag=v2\n```\nthe pods still run the old tag after this, how do i override it properly?')
    t.same([helm.covered, helm.untreated], [false, ['Helm']], 'the tool the student runs')
  })

  t.test('an amount\'s currency, an API\'s action and a command line name no product', async t => {
    const usd = retrieve(base, 'my bill was 38 USD this month and i dont know which service did it, where do i see it per service?')
    t.same([usd.covered, usd.unknown], [true, []])
    const actions = retrieve(base, 'my lambda calls PutItem and right after GetItem on the same key, sometimes the old item comes back. why?')
    t.same(actions.unknown, [])
    const command = retrieve(base, 'rodei aws cloudwatch put-metric-alarm --namespace AWS/Billing --metric-name EstimatedCharges --region sa-east-1 e o alarme nunca sai de INSUFFICIENT_DATA, pq?')
    t.same([command.covered, command.untreated], [true, []])
    const erro = retrieve(base, 'erro no actions: Could not assume role with OIDC: Not authorized to perform sts:AssumeRoleWithWebIdentity. oq a trust policy da role tem q ter?')
    t.same([erro.covered, erro.untreated], [true, []], 'the student\'s "erro" before the message')
  })

  t.test('a closing comparison with what the student already runs says where they come from', async t => {
    const lun = retrieve(base, 'can i attach one ebs volume to two instances in different availability zones, like a shared SAN LUN?')
    t.same([lun.covered, lun.unknown], [true, []])
    t.same(retrieve(base, 'como agendo uma lambda pra rodar toda noite, tipo o crontab do nosso servidor').unknown, [], 'in Portuguese too')
    t.ok(retrieve(base, 'like crontab, can lambda run on a schedule?').unknown.includes('crontab'), 'a comparison that opens the question is left alone')
    t.ok(retrieve(base, 'segundo a vaga, como o pulumi guarda o estado?').unknown.includes('pulumi'), '"como" opening a clause asks how: it likens nothing')
  })

  t.test('a word saying when after a vendor names no service', async t => {
    const when = retrieve(base, 'we are moving our site to aws next week, what should we change on the dns side a day before?')
    t.same(when.untreated, [])
  })

  t.test('the state a failed container is given is what happened to it, not a product', async t => {
    const killed = retrieve(base, 'our pods keep getting OOMKilled, what linux feature limits the memory a container can use?')
    t.same([killed.covered, killed.unknown, killed.hits[0]?.topic], [true, [], 'vms-vs-containers'])
    const looping = retrieve(base, 'apliquei um deployment com a imagem errada e os pods ficaram em CrashLoopBackOff, tem como desfazer no kubectl?')
    t.same([looping.covered, looping.untreated], [true, []], 'spelled out into its words, too')
    const action = retrieve(base, 'dynamodb PutItem: ValidationException: Item size has exceeded the maximum allowed size. qual o limite de um item?')
    t.same([action.covered, action.untreated], [true, []], 'an API action beside its service')
  })

  t.test('the message a program printed after its error\'s name names nothing the student asks about', async t => {
    const printed = retrieve(base, 'minha task no ecs nao sobe: ResourceInitializationError: unable to pull secrets or registry auth. qual role precisa ler o segredo?')
    t.same([printed.covered, printed.untreated], [true, []])
    // ...and so is what a pasted policy's braces hold.
    const policy = retrieve(base, 'vi numa bucket policy `"Effect": "Deny"` com `"Condition": {"Bool": {"aws:SecureTransport": "false"}}`. o que isso faz?')
    t.same([policy.covered, policy.untreated, policy.hits[0]?.topic], [true, [], 'encryption-kms'])
  })

  t.test('"in AWS terms" says whose words, not which service', async t => {
    const terms = retrieve(base, 'stateful vs stateless firewall in aws terms, which one is the security group and which the network acl?')
    t.same([terms.covered, terms.untreated], [true, []])
  })

  t.test('the mean of a latency is the average the notes say hides the slow tail', async t => {
    t.equal(retrieve(base, 'grafana shows mean response 120ms, yet a handful of requests take 5s and people complain. why is the mean misleading here').closest?.heading, 'Percentiles: p50, p95, p99')
    t.match(readQuestion('our mean response time is 120ms').text, /average/)
    t.notMatch(readQuestion('what does a 502 mean for my alb').text, /average/, '"what does it mean" is no average')
  })

  t.test('a Portuguese verb after the vendor is the student\'s task, not a service', async t => {
    const found = retrieve(base, 'na aws configurar security group e criptografar meus dados é trabalho meu ou da amazon?')
    t.same([found.covered, found.untreated, found.hits[0]?.heading], [true, [], 'O que o cliente protege (segurança na nuvem)'])
  })

  t.test('cpu or memory left over is a resource to right-size', async t => {
    t.equal(retrieve(base, 'como sei se as tasks do meu servico ecs tem memoria sobrando?').hits[0]?.heading, 'Redimensionamento (right-sizing)')
    t.match(readQuestion('our containers have lots of unused memory').text, /right-sizing/, 'in English too')
    t.notMatch(readQuestion('da pra usar capacidade sobrando com desconto').text, /right-sizing/, 'spare capacity sold cheaply is Spot, not an oversized task')
  })

  t.test('what the student expected AWS to block is what it does not prevent', async t => {
    for (const question of ['subi um bucket publico por engano, a aws nao deveria ter bloqueado isso sozinha?', 'meu bucket ficou publico sem querer, por que a aws nao barrou?']) {
      t.equal(retrieve(base, question).hits[0]?.heading, 'Erros comuns na responsabilidade compartilhada', question)
    }
  })

  t.test('what the teacher keeps saying frames the question', async t => {
    const found = retrieve(base, 'my prof keeps saying multi-cloud and hybrid, what does that look like in practice')
    t.same([found.covered, found.hits[0]?.heading], [true, 'Deployment models: public, private, hybrid'])
    t.notMatch(readQuestion('o professor vive falando de nuvem hibrida, como seria isso').text, /professor|falando/, 'in Portuguese too')
  })

  t.test('a health check that calls the database and restarts every task is a liveness check', async t => {
    t.equal(retrieve(base, 'my healthcheck queries mysql and when the db was slow the orchestrator killed all the containers together, how should it be done').hits[0]?.heading, 'Liveness vs readiness')
    t.match(readQuestion('o healthcheck consulta o postgres e o ecs reiniciou todas as tasks').text, /liveness readiness/, 'in Portuguese too')
    t.notMatch(readQuestion('my tasks go unhealthy whenever the database gets slow').text, /liveness/, 'tasks marked unhealthy, none restarted: the load balancer\'s check')
  })

  t.test('tls to the database inside the vpc is encryption in transit', async t => {
    t.equal(retrieve(base, 'do i need tls between my fargate service and the database inside the vpc or is the https on the alb enough').hits[0]?.heading, 'Encryption in transit')
    t.equal(retrieve(base, 'preciso de tls dentro da vpc pro app falar com o rds?').hits[0]?.heading, 'Criptografia em trânsito')
  })

  t.test('an answer that appears bit by bit is streamed', async t => {
    const found = retrieve(base, 'da pra fazer o texto do assistente ir aparecendo aos poucos na tela?')
    t.same([found.covered, found.hits[0]?.heading], [true, 'Temperatura e streaming'])
  })

  t.test('a task count going up and down in a loop flaps', async t => {
    t.equal(retrieve(base, 'the asg goes 2 to 5 to 2 to 5 instances every ten minutes, is my policy wrong').hits[0]?.heading, 'Cooldowns and pitfalls')
    t.notMatch(readQuestion('we went from 2 to 5 instances last week').text, /flap/, 'one step up is no loop')
  })

  t.test('a secret changed while the running app still has the old one was read when the task started', async t => {
    t.equal(retrieve(base, 'updated the api key value in secrets manager this morning but the app still gets 401 from the provider, do i have to redeploy something').hits[0]?.heading, 'Injecting secrets into ECS tasks')
    t.equal(retrieve(base, 'atualizei a chave no secrets manager faz uma hora e os logs ainda mostram 401, tenho que fazer deploy de novo?').hits[0]?.heading, 'Injetando segredos em tarefas ECS')
    t.notMatch(readQuestion('with openid connect do i still have to rotate aws secrets').text, /old value/, 'a rotation still to do is no change already made')
  })

  t.test('everything in one availability zone asks what more than one would give', async t => {
    for (const question of ['coloquei tudo numa az so pra economizar, da problema?', 'rodo tudo em uma az apenas pra economizar, ta errado?']) {
      t.equal(retrieve(base, question).hits[0]?.heading, 'Por que usar mais de uma zona de disponibilidade', question)
    }
    t.notMatch(readQuestion('quantas az tem em sao paulo?').text, /mais de uma zona/, 'counting the zones is another question')
  })

  t.test('pointing the service back to an earlier revision is a rollback', async t => {
    t.equal(retrieve(base, 'a task definition nova quebrou tudo, como aponto o servico de volta pra revisao anterior?').hits[0]?.heading, 'Circuit breaker do ECS e rollback')
    t.equal(retrieve(base, 'the new task definition revision broke prod, how do i point the service back to revision 12').hits[0]?.heading, 'ECS deployment circuit breaker and rollback')
  })

  t.test('a tool the student makes do something is what the question is about', async t => {
    const made = retrieve(base, 'how can i make snyk block the pipeline when the image has critical vulnerabilities before the push to ecr')
    t.same([made.covered, made.unknown], [false, ['snyk']], 'snyk, not the registry, is what is asked')
  })

  t.test('a noun with a Portuguese ending is the student\'s world, even after an article', async t => {
    const records = retrieve(base, 'a dona da clinica exige q os prontuarios nao saiam do pais e ainda quer pagar o minimo possivel, como eu peso essas duas coisas pra escolher a regiao?')
    t.same([records.covered, records.hits[0]?.heading], [true, 'Como escolher a Região da AWS'], 'medical records are what must stay in the country')
    t.same(retrieve(base, 'como configuro o grafana pra mostrar a latencia p99?').covered, false, 'a product after an article is still a name')
  })

  t.test('"whose" is a function word, no part of a name', async t => {
    const thief = retrieve(base, 'if a thief breaks into an aws datacenter whose fault is it? and where can i read their iso reports')
    t.same(thief.untreated.filter(name => /whose/i.test(name)), [], 'no "datacenter whose fault"')
    const physical = retrieve(base, 'if someone physically breaks into an aws datacenter whose problem is it? and where can i get their iso / soc reports')
    t.same([physical.covered, physical.hits[0]?.topic], [true, 'shared-responsibility'])
  })

  t.test('a word in parentheses after a known one says which, not what about', async t => {
    const arm = retrieve(base, 'fargate spot aceita task arm64 (graviton) ou so roda x86?')
    t.same([arm.covered, arm.unknown, arm.hits[0]?.topic], [true, [], 'spot-capacity'])
    const dax = retrieve(base, 'What is the difference between DynamoDB Accelerator (DAX) and ElastiCache for caching DynamoDB reads?')
    t.same([dax.covered, dax.unknown], [false, ['DAX']], 'an acronym in parentheses is the short name of what is asked about')
  })

  t.test('a field written as code is the student\'s data, a call written so is a framework\'s', async t => {
    const field = retrieve(base, 'my dynamodb table has orderId as key but now i must find orders by customerEmail and the scan is slow and expensive, what did i do wrong')
    t.same([field.covered, field.unknown, field.hits[0]?.topic], [true, [], 'databases'])
    t.same(retrieve(base, 'why does my react useEffect fire twice when the page loads').covered, false, 'a hook names the framework the notes lack')
  })

  t.test('an English compound typed as one word is an everyday word', async t => {
    const cutoff = retrieve(base, 'my lambda behind api gateway needs 45 seconds and the client gets a 504, is that a gateway cutoff i can raise')
    t.same([cutoff.covered, cutoff.unknown, cutoff.hits[0]?.topic], [true, [], 'api-gateway'])
  })

  t.test('a programmer\'s everyday words and shorthand describe the situation, not a product', async t => {
    const segfault = retrieve(base, 'the app segfaults after i moved the container to an alpine base, is musl the reason')
    t.same([segfault.covered, segfault.unknown, segfault.notTreated, segfault.hits[0]?.topic], [true, [], [], 'multi-stage-builds'], 'the answer does not say the notes lack "segfaults"')
    const deps = retrieve(base, 'meu dockerfile leva as deps de dev pra imagem final, como deixo so as de producao?')
    t.same([deps.covered, deps.unknown, deps.hits[0]?.topic], [true, [], 'multi-stage-builds'], '"deps" are the dependencies')
    const day = retrieve(base, 'a coworker says the navbar of our frontend hangs since the hotfix, how do i read the ecs task logs in cloudwatch')
    t.same([day.covered, day.unknown, day.hits[0]?.topic], [true, [], 'cloudwatch'], 'words of a programmer\'s day')
     retrievedWithUnknown(t, base, 'is serverless just hype or does it actually save money for a small app?', true, [], 'how a team talks of a fashion')
    retrievedWithUnknown(t, base, 'a gente abriu um ticket pro time de infra e demorou 3 dias pra ganhar uma vm, isso é nuvem?', true, [], 'a ticket to another team is how work is asked for')
    retrievedWithUnknown(t, base, 'reescrevi a policy do bucket e agora ninguem consegue ler, o que eu errei?', true, [],
      'what the student did, in the first person of the past, is Portuguese however it doubles its "e"')
    retrievedWithUnknown(t, base, 'um cara no discord da turma disse que o nat gateway cobra por hora mesmo parado, procede?', true, [],
      'where the student heard it, and whether it holds ("procede", of "proceder"), say how the question is asked')
    retrievedWithUnknown(t, base, 'no meetup o palestrante falou que lambda nao tem cold start, procede?', true, [], 'a speaker at a meetup')
    retrievedWithUnknown(t, base, 'guardar a senha do banco direto no codigo do repo privado é furada?', true, [], 'a bad idea is "furada"')
    const letter = retrievedWithUnknown(t, base, 'Prezado professor, o que acontece com uma mensagem que nenhum consumidor consegue processar na fila do SQS? Atenciosamente.', true, [],
      'a letter\'s salutation and closing')
    t.equal(letter.hits[0]?.topic, 'message-queues')
    for (const [question, what] of [
      ['o autoscaling resolve qlqr pico de acesso sozinho?', '"qlqr" is "qualquer"'],
      ['to fazendo a estimativa de custo do frete de dados entre zonas, quanto a aws cobra por gb?', 'an estimate and freight'],
      ['um prompt caprichado reduz a alucinacao do llm?', 'a prompt written with care'],
      ['se uma policy permite s3:GetObject e outra nega, qual prevalece?', 'which rule prevails'],
      ['a lentidao da api é culpa do banco no talo?', 'a slowdown and a database running flat out'],
      ['no diagrama da arquitetura o nat gateway fica em qual subnet?', 'the diagram a student draws'],
      ['no meu desenho a seta do alb vai direto pras tasks ou passa pelo target group?', 'an arrow of the diagram'],
      ['in my aws diagram does the nat gateway sit in the public subnet?', 'a diagram of AWS is no AWS service'],
      ['no diagrama de sequencia do deploy, o ecs sobe as tasks novas antes de derrubar as velhas?', 'a sequence diagram drawn of the cloud'],
      ['como eu represento a rotacao de segredos no secrets manager?', 'the first person of a longer verb ("represento")'],
      ['me explica bem mastigado como o nat gateway funciona?', 'a thing explained step by step'],
      ['o estagio pediu um comprovante: o s3 criptografa os objetos por padrao?', 'a certificate asked for'],
      ['no celular no 4g o site novo abre mas no wifi do escritorio abre o antigo, é o ttl do dns?', 'the phone\'s mobile network'],
      ['whats goin on when my ecs task keeps failing its health check?', 'an "-ing" typed without its "g"'],
      ['why did aws make fargate if ecs on ec2 already existed?', 'what the vendor did, after "did"'],
      ['i tried googling it but whats the difference between a security group and a nacl?', 'a web search before asking'],
      ['the managed option looks pricier, is it worth it?', 'a price that runs high'],
      ['ballpark, what does an idle nat gateway cost per month?', 'a rough figure'],
      ['is switching the alb to a new certificate seamless or do clients drop?', 'a change nobody notices'],
      ['can a standalone ecs task sit behind a load balancer, or does that need a service?', 'a task on its own'],
      ['kkkkkk o nat gateway cobra mesmo quando ninguem usa?', 'laughter, however many "k"s'],
      ['hahahaha sera q o s3 perde arquivo algum dia?', 'laughter spelled "haha" at any length'],
      ['bro whats the longest a request can take through api gateway before it gives up', 'chat slang'],
      ['ngl i dont get why a nat gateway is needed for private subnets', 'a chat abbreviation ("not gonna lie")'],
      ['da pra mandar so uma pitada do trafego pra versao nova no deploy do ecs?', 'a pinch of the traffic'],
      ['paranoia minha ou deixar a porta 22 aberta pro mundo é perigoso?', 'the student\'s own worry'],
      ['cdn so compensa pra site gigante tipo netflix ou pro nosso tambem?', 'a company cited for its size'],
      ['o app mobile consome a api, como eu limito requisicoes por cliente no api gateway?', 'the student\'s mobile app'],
      ['o sla de noventa e nove virgula nove da quanto tempo fora do ar por mes?', 'a number said in words, as a voice typing writes it'],
      ['can a network load balancer keep one fixed ip so the bank can whitelist it?', 'to whitelist an address'],
      ['meu chefe disse que todo e-commerce grande usa cdn, por que isso ajuda?', 'a shop online'],
      ['por que o build gera app.9f3a.css com hash no nome em vez de invalidar o cache do cloudfront?', 'a content hash in a file name'],
      ['q4 da lista: o que um internet gateway faz numa vpc?', 'the number of a question in an assignment'],
      ['lab 2 lambda: meu script leva 20 minutos, roda na lambda?', 'the lab the question comes from'],
      ['do i still patch the os of my ec2 instances or is that on aws since they run the servers?', 'a reason given after the vendor']
    ] as const) retrievedWithUnknown(t, base, question, true, [], what)
  })

  t.test('a name the section\'s questions ask about, beside questions that ask the rest, is the section\'s', async t => {
    const ssh = retrieve(base, 'if i leave ssh open to the whole internet on my instance, will aws block it for me?')
    t.same([ssh.covered, ssh.untreated, ssh.hits[0]?.heading], [true, [], 'Common mistakes under the shared responsibility model'])
    const accelerator = retrieve(base, 'what is global accelerator and why would i need it')
    t.same([accelerator.covered, accelerator.untreated], [false, ['Global Accelerator']], 'asked what it is, the name is the subject')
  })

  t.test('the route tables\' rule by its English name ("longest prefix match") is the route tables\' in either language', async t => {
    const rule = retrieve(base, 'o que é longest prefix match numa tabela de rotas?')
    t.same([rule.covered, rule.untreated, rule.hits[0]?.heading], [true, [], 'Tabelas de rotas'])
  })

  t.test('a tool a classmate proposes is what the question weighs, not where the student is', async t => {
    const proposed = retrieve(base, 'my teammate wants to put linkerd between our services for mtls, i think its overkill. who\'s right?')
    t.same([proposed.covered, proposed.unknown], [false, ['linkerd', 'mtls']])
    t.equal(retrieve(base, 'my teammate wants to run our flask api on lambda instead of ec2, who\'s right?').covered, true, 'the framework of their own program stays its setting')
  })

  t.test('a name the question writes twice is its subject, not where the student is', async t => {
    const gitlab = retrieve(base, 'our team uses gitlab ci instead of github actions, how do i configure oidc for the gitlab runners to assume an aws role')
    t.same([gitlab.covered, gitlab.unknown], [false, ['gitlab']])
  })

  t.test('the student\'s group of classmates leads to no section of groups', async t => {
    answeredBy(t, base, 'meu grupo quer usar dynamodb pra tudo, ate os relatorios cheios de agregacao. vai dar ruim?', { topic: 'databases', heading: 'Quando usar cada um' })
  })

  t.test('a word the notes lack spelled as everyday Portuguese needs the rest to match only as a topic does', async t => {
    const club = retrieve(base, 'o site da atletica roda num servidor la em virginia e a galera daqui reclama q as fotos demoram muito pra aparecer, como uma cdn mudaria isso?')
    t.same([club.covered, club.hits[0]?.topic], [true, 'cdn'])
  })

  t.test('a status the console shows is what the student saw, not a product', async t => {
    const pending = retrieve(base, 'o certificado do acm ficou em pending validation desde ontem, meu dominio ta no registro.br e nao no route 53, consigo validar assim?')
    t.same([pending.covered, pending.notTreated, pending.hits[0]?.topic], [true, [], 'https-tls-certificates'], 'the answer does not say the notes lack "pending validation"')
    const elsewhere = retrieve(base, 'meu certificado do acm ta travado em pending validation e o dns fica no cloudflare, como valido?')
    t.same([elsewhere.covered, elsewhere.hits[0]?.topic], [true, 'https-tls-certificates'])
  })

  t.test('a name the student has heard of is what they ask about, not their setting', async t => {
    const heard = retrieve(base, 'how would i query the csv access logs sitting in my s3 bucket with plain sql without loading them into a database first? someone mentioned athena')
    t.same([heard.covered, heard.unknown], [false, ['athena']])
    const said = retrieve(base, 'tenho que pagar pelo internet gateway? o professor falou de cobrança por ip publico tambem')
    t.same([said.covered, said.hits[0]?.topic], [true, 'cloud-networking-gateways'], 'what the teacher said is about a topic the notes treat')
  })

  t.test('a name asked whether it is the remedy is what the question is about', async t => {
    const proxy = retrieve(base, 'my lambda functions open a new postgres connection per invocation and rds runs out of connections at peak, would rds proxy fix it')
    t.same([proxy.covered, proxy.untreated], [false, ['RDS Proxy']])
  })

  t.test('an instance type after the machine it sizes is the student\'s own machine', async t => {
    const sized = retrieve(base, 'minha instancia ec2 t3.xlarge passa o dia com 5% de cpu, como escolho um tamanho menor sem risco?')
    t.same([sized.covered, sized.unknown, sized.hits[0]?.topic], [true, [], 'finops-cost-optimization'])
    t.same(retrieve(base, 'should i move from m5.large to m6g.large').covered, false, 'instance families compared are what is asked')
    t.same(retrieve(base, 'our rds is a db.r5.4xlarge and the cpu sits at 6% all month, how do we pick a smaller size?').unknown, [], 'said of the machine with "is a"')
  })

  t.test('beside a zone written in full, a number and a letter are another zone of its region', async t => {
    const zone = retrieve(base, 'criei o volume ebs em us-east-1a e a instancia ficou na 1c, da pra anexar direto?')
    t.same([zone.covered, zone.unknown, zone.hits[0]?.topic], [true, [], 'storage-types'], 'answered where EBS volumes are, the zones being where they sit')
    t.same(unknownWords(base, 'o llama 1b roda bem numa lambda?', 'pt').includes('1b'), true, 'with no zone named, "1b" may be a name')
  })

  t.test('a field written as code whose words the notes write side by side names their topic', async t => {
    const field = retrieve(base, 'bot answers stop midway and the response says finish_reason length, whats up')
    t.same([field.covered, field.hits[0]?.topic], [true, 'llm-apis-tokens'])
    t.same(retrieve(base, 'bot answers stop midway and the response says reason_finish length, whats up').covered, false, 'words the notes never write in that order')
  })

  t.test('the unknown word of a name read whole is that one name, which may be where the student is', async t => {
    const apt = retrieve(base, 'minha ec2 na subrede privada nao consegue rodar apt update pra baixar pacotes da internet, o que esta faltando na configuracao da rede?')
    // Run from a private subnet, the package manager's update is the packages and updates the NAT gateway section speaks of.
    t.same([apt.covered, apt.notTreated, apt.hits[0]?.topic], [true, [], 'cloud-networking-gateways'])
    const mobile = retrieve(base, 'o app mobile do nosso grupo recebe 429 do api gateway no pico e tenta de novo na mesma hora, em loop, piorando tudo. qual o jeito certo de repetir?')
    t.same([mobile.covered, mobile.notTreated, mobile.hits[0]?.topic], [true, ['app mobile'], 'api-gateway'])
  })

  t.test('a Portuguese word joined by a hyphen after an English term is the sentence going on, not a longer name', async t => {
    const fresh = retrieve(base, 'meu security group recém-criado deixa sair tráfego pra internet ou bloqueia tudo por padrão?')
    t.same([fresh.covered, fresh.untreated, fresh.hits[0]?.topic], [true, [], 'security-groups-nacls'])
    t.same(retrieve(base, 'o security group cross-account funciona entre duas contas?').untreated, ['security group cross-account'], 'English words joined by a hyphen are still borrowed')
  })

  t.test('"distro" is chat shorthand for a distribution; "multiplayer" an everyday word', async t => {
    const distro = retrieve(base, 'a single cloudfront distro serving the react app from s3 and /api/* from the alb, how do i route each path')
    t.same([distro.covered, distro.untreated, distro.hits[0]?.topic], [true, [], 'cdn'])
    const game = retrieve(base, 'our multiplayer game backend speaks udp and wants a static ip, can an alb handle it?')
    t.same([game.covered, game.unknown, game.hits[0]?.topic], [true, [], 'load-balancers'])
  })

  t.test('git\'s history rewriting is an operation the notes do not teach, not everyday "base" or a vegetable', async t => {
    const rebase = retrieve(base, 'git rebase or git merge to bring main into my branch?')
    t.same([rebase.covered, rebase.unknown], [false, ['rebase']])
    const squash = retrieve(base, 'how can i squash the three commits of my branch into one')
    t.same([squash.covered, squash.unknown], [false, ['squash']])
  })

  t.test('a JavaScript framework named by a word and ".js" is a name; Node.js and the student\'s files are not', async t => {
    const next = retrieve(base, 'next.js app router or pages router for a new project?')
    t.same([next.covered, next.unknown.includes('nextjs')], [false, true])
    t.equal(retrieve(base, 'my Node.js container ignores SIGTERM, why?').covered, true)
    t.equal(retrieve(base, 'meu bundle se chama app.3f9a1c.js, com hash no nome. posso mandar cache de 1 ano no cloudfront?').covered, true)
  })

  t.test('a programming language named by a dictionary word is a name', async t => {
    const ruby = retrieve(base, 'ruby or elixir for a lambda function that has to start fast?')
    t.same([ruby.covered, ruby.unknown], [false, ['ruby', 'elixir']])
  })

  t.test('a pasted error message does not set the language of the question around it', async t => {
    const question = 'o build falha com \'you have reached your pull rate limit, you may increase the limit by authenticating and upgrading\' no docker hub, como evito?'
    t.equal(readQuestion(question).lang, 'pt')
    t.equal(readQuestion('it\'s failing and I don\'t know why, the log says "erro ao conectar"').lang, 'en', 'apostrophes open no quotation')
  })

  t.test('a ping of a database checks it answers; a ping to a person notifies', async t => {
    t.same(retrieve(base, 'is it a good idea for my liveness endpoint to ping redis and the database?').hits[0]?.topic, 'health-checks-graceful-shutdown')
    t.same(retrieve(base, 'can aws ping me the moment my spend goes over 20 dollars?').hits[0]?.topic, 'budgets-billing')
  })

  t.test('a machine sized wrong for its load is a question of right-sizing', async t => {
    const sized = retrieve(base, 'minhas tarefas do ecs parecem superdimensionadas, o que devo mudar?')
    t.same([sized.hits[0]?.topic, sized.hits[0]?.heading], ['finops-cost-optimization', 'Redimensionamento (right-sizing)'])
    const oversized = retrieve(base, 'our ecs tasks look oversized, how do we check?')
    t.same([oversized.hits[0]?.topic, oversized.hits[0]?.heading], ['finops-cost-optimization', 'Right-sizing'])
  })

  t.test('the course\'s own deadlines and grades are for its staff to say', async t => {
    const provider = new KnowledgeProvider(base)
    for (const question of ['qual a nota minima pra passar na disciplina de computacao em nuvem?', 'when is the deadline for the cloud project submission?', 'quantas horas complementares eu preciso?']) {
      const found = retrieve(base, question)
      t.same([found.covered, found.courseLogistics], [false, true], question)
      const answer = provider.answer(question)
      t.equal(answer.lowCoverage, true)
      t.match(answer.text, found.question.lang === 'pt' ? /professor ou a página da disciplina/ : /your teacher or the course page/)
    }
    const credits = retrieve(base, 'how many credits does a new aws account get?')
    t.same([credits.covered, credits.courseLogistics], [true, false], 'AWS credits are no course credits')
    const due = retrieve(base, 'when is the lambda lab due? the syllabus and the slides disagree')
    t.same([due.covered, due.courseLogistics], [false, true], 'when a piece of work is due')
    const stages = retrieve(base, 'our syllabus lists continuous delivery and continuous deployment as two stages, where is the line between them?')
    t.same([stages.covered, stages.courseLogistics], [true, false], 'the syllabus as where the student read of a topic')
    for (const question of ['quando abre o periodo de trancamento?', 'who do i talk to about getting an extension on the lab deadline?', 'how many credits is this cloud course worth, and does it count toward the data science minor?']) {
      t.same([retrieve(base, question).covered, retrieve(base, question).courseLogistics], [false, true], question)
    }
  })

  t.test('errands of campus life (opening hours, office hours, a letter to translate, a further degree) are no note\'s subject', async t => {
    for (const question of ['que horas a biblioteca do campus fecha no sabado?', "when are the professor's office hours this week?",
      'can you translate my email to the landlord into formal english?', 'is a masters degree worth it for a cloud engineer?']) {
      const found = retrieve(base, question)
      t.same([found.covered, found.courseLogistics], [false, true], question)
    }
    const offHours = retrieve(base, 'how do i stop our dev instances outside office hours to save money?')
    t.same([offHours.covered, offHours.courseLogistics], [true, false], 'the hours a team works, when idle machines can stop')
  })

  t.test('a laptop for the degree is the student\'s errand, not the notes\' subject', async t => {
    for (const question of ['mac or windows laptop for a cs degree?', 'qual notebook comprar pra faculdade de ti?']) {
      const found = retrieve(base, question)
      t.same([found.covered, found.courseLogistics], [false, true], question)
    }
    t.equal(retrieve(base, 'can i run docker on my windows laptop for the course labs?').courseLogistics, false, 'a laptop that runs what the course teaches')
  })

  t.test('availability zones say where the student\'s things are, unless they are what is asked', async t => {
    const volume = retrieve(base, 'um volume ebs criado em us-east-1a pode ser usado por uma instancia em us-east-1c?')
    t.same([volume.hits[0]?.topic, volume.hits[0]?.heading], ['storage-types', 'Armazenamento em bloco: Amazon EBS'])
    t.same(retrieve(base, 'qual a diferença entre sa-east-1a e sa-east-1b?').hits[0]?.topic, 'regions-availability-zones')
  })

  t.test('a Portuguese noun in "-idão" or "-eza" is the student\'s own word, even after its article', async t => {
    const slow = retrieve(base, 'como acompanho uma requisição por varios serviços até achar onde está a lentidão?')
    t.same([slow.covered, slow.hits[0]?.topic], [true, 'observability'])
  })

  t.test('the language the student\'s own program is written in is where they are, not what they ask', async t => {
    const java = retrieve(base, 'our java application needs 2 minutes to boot on ecs and the health check kills it first, what setting helps?')
    t.same([java.covered, java.notTreated], [true, []])
    t.equal(retrieve(base, 'meu app python loga tudo com print, como passo a logar em json estruturado?').covered, true, 'Portuguese writes the language after the app')
    t.equal(retrieve(base, 'o container node precisa ter o certificado ou o alb cuida do https?').covered, true)
    t.same(retrieve(base, 'how does the garbage collector of java decide when to run?').covered, false, 'a question about the language itself')
    const flask = retrieve(base, 'we scaled our flask app to three containers behind the alb and users get logged out at random, where should the sessions live?')
    t.same([flask.covered, flask.unknown, flask.notTreated], [true, [], []], 'a framework no note writes is no unknown word either')
    t.equal(retrieve(base, 'container spring demora 2 minutos pra subir e o ecs mata a task antes, como dou mais tempo?').covered, true)
    const bcrypt = retrieve(base, 'the bcrypt native module segfaults in our alpine image but runs on ubuntu, which base image then?')
    t.same([bcrypt.covered, bcrypt.unknown], [true, []], 'a library of the program, named as one')
    t.same(retrieve(base, 'o pacote sharp quebra no node alpine mas roda no meu ubuntu, troco a imagem base?').unknown, [])
    t.equal(retrieve(base, 'bcrypt or argon2 for hashing user passwords in my api?').covered, false, 'which library to take is a question about it')
  })

  t.test('the course\'s tutoring hours and make-up exam are the course\'s rules, not the notes\' monitoring', async t => {
    const hours = retrieve(base, 'qual o horario da monitoria de computacao em nuvem?')
    t.same([hours.covered, hours.courseLogistics], [false, true])
    t.equal(retrieve(base, 'a prova substitutiva de nuvem cobre o conteudo de docker?').covered, false)
    t.same(retrieve(base, 'a p2 de nuvem vai ser presencial ou online?').courseLogistics, true, '"presencial" is no slip for "presença"')
    t.equal(retrieve(base, 'coloquei no maximo 3 tarefas no autoscaling do ecs e no dia da prova o site caiu com cpu em 100%').covered, true, 'the day of an exam is when it happened')
  })

  t.test('how to land a job or an internship is a question of careers', async t => {
    t.equal(retrieve(base, 'como consigo um estagio em cloud sem experiencia? so fiz esse curso').covered, false)
    t.equal(retrieve(base, 'any tips to land an internship in devops with just this course?').covered, false)
    t.equal(retrieve(base, 'no meu estagio a gente usa ecs com fargate, o que é uma task definition?').covered, true, 'an internship the student already has is where they are')
  })

  t.test('a test a student\'s computer failed, failing for absences, more time on a thesis and which electives to take are the course\'s business; nerves before an interview and whether to apply are careers\'', async t => {
    for (const question of ['minha net caiu no meio da prova online, e agora?', 'reprovei por falta em redes, consigo fazer de novo no proximo semestre?',
      'can i get more time on my thesis deadline if my dataset broke?', 'any tips for choosing electives in 3rd year?']) {
      t.equal(retrieve(base, question).courseLogistics, true, question)
    }
    for (const question of ['the job post asks for 3 years of experience and i have none, should i still apply?', 'to nervosa pra entrevista de estagio amanha, como me acalmo?']) {
      t.equal(retrieve(base, question).covered, false, question)
    }
    t.equal(retrieve(base, 'should i apply the terraform plan now or wait for the review?').covered, true, 'a plan to apply is Terraform\'s')
  })

  t.test('what a job pays and which degree to take next are questions of careers; how to study is a question of study skills', async t => {
    for (const [question, what] of [
      ['whats the salary of a junior cloud engineer working with aws and kubernetes?', undefined],
      ['how do i ask my team lead for a raise after a year running our ecs deploys?', undefined],
      ['vale a pena fazer mestrado em computacao em nuvem ou focar no trabalho com aws?', undefined],
      ['o que coloco no curriculo sobre os deploys na aws que fiz no projeto da disciplina?', 'a résumé'],
      ['what should a cover letter for a cloud support role say about my lambda and s3 projects?', 'a cover letter'],
      ['as vagas de estagio em cloud pedem docker e kubernetes, o que estudo primeiro?', 'openings for interns'],
      ['vi uma vaga de junior que pede terraform e ecs, consigo sem experiencia?', 'and for juniors'],
      ['quanto tempo leva pra aprender kubernetes bem o suficiente pra usar no trabalho?', 'how long learning takes'],
      ['how long does it take to learn terraform if i already know cloudformation?', undefined],
      ['what should go on my resume after building an ecs fargate project?', 'a résumé in English'],
      ['melhor fazer estagio ou iniciacao cientifica com cloud no segundo ano?', 'an internship or research'],
      ['como organizo minha semana pra estudar aws e trabalhar ao mesmo tempo?', 'how to organise the week'],
      ['how do i do integration by parts on x times ln x for my calculus exam?', 'another subject of the degree'],
      ['no diagrama de sequencia uml do deploy, qual a diferenca entre a seta cheia e a seta aberta?', 'UML\'s notation, whatever the diagram is drawn of'],
      ['for my stats class, how do i read the whiskers of a box plot?', 'statistics\' homework'],
      ['how do i draw the free body diagram of a car on a ramp?', 'physics\' homework'],
      ['whats the difference between a process and a thread?', 'the operating systems course'],
      ['where is the cafeteria on campus? i have a lab on load balancers after lunch', 'where the campus\'s places are'],
      ['onde fica a biblioteca? preciso estudar pra prova de redes e vpc', undefined],
      ['practice exams or re-reading my notes on load balancers, what works better the night before the final?', undefined],
      ['how do i stop procrastinating on the lab about vpcs and subnets? i keep putting it off', undefined]
    ] as const) t.equal(retrieve(base, question).covered, false, what ?? question)
    t.equal(retrieve(base, 'flashcards pra prova: security group vs nacl, qual é stateful?').covered, true, 'what to revise is what the notes teach')
    t.equal(retrieve(base, 'our lambda gets killed at 15 min, can we raise that limit?').covered, true, 'raising a limit is no pay rise')
  })

  t.test('keeping up with the course, job interviews in general, what an exam weighs and when it is, a report to write, a race, small talk with the assistant, a laptop or an accountant and what the student calls off-topic are no questions for the notes', async t => {
    const elsewhere = (question: string): boolean => !retrieve(base, question).covered
    t.ok(elsewhere('i keep falling behind in my classes and feel burned out, how do i catch up?'), 'falling behind and burning out')
    t.ok(elsewhere('sem motivacao nenhuma pra estudar aws essa semana, alguma dica?'), 'the will to study')
    t.ok(elsewhere('how do i balance a full-time job and college without failing?'), 'a job beside the course')
    t.ok(elsewhere('dicas pra entrevista de emprego de suporte em cloud, o que costumam perguntar?'), 'an interview in general')
    t.ok(elsewhere('isso nao é de nuvem mas como calculo juros simples?'), 'the student says it is another subject')
    const weight = retrieve(base, 'o trabalho final vale 30% da nota?')
    t.same([weight.covered, weight.courseLogistics], [false, true], 'what a project weighs is the course\'s rule')
    const about = retrieve(base, 'the midterm is worth around 30% so can i skip the labs on load balancers?')
    t.same([about.covered, about.courseLogistics], [false, true], 'and what it weighs roughly')
    t.ok(elsewhere('if i drop the networking class in week 4 will it appear on my transcript?'), 'the student\'s academic record')
    t.ok(elsewhere('a monitoria da disciplina de redes é paga ou voluntaria?'), 'whether the teaching assistant is paid')
    t.ok(elsewhere('how many hours a day should i really be studying for the cloud exam?'), 'how long to study, asked at length')
    t.ok(elsewhere('any advice to organise my study time during exam week?'), 'organising study time')
    t.ok(elsewhere('como dividir as tarefas no grupo de estudos pra ninguem ficar sobrecarregado?'), 'splitting the group\'s tasks')
    const mac = retrieve(base, 'should i buy a mac or a linux machine for my degree?')
    t.same([mac.covered, mac.courseLogistics], [false, true], 'a computer for the degree, however it is called')
    t.equal(retrieve(base, 'how do i get linux to run docker for the course labs?').courseLogistics, false, 'getting the course\'s tools to run is the notes\' subject')
    t.equal(retrieve(base, 'tips for a job interview about aws: how do i explain what a vpc is?').covered, true, 'one of the notes\' subjects, asked for an interview')
    t.equal(retrieve(base, 'meu projeto ficou atrasado no deploy, como faço rollback no ecs?').covered, true, 'a project running late asks what the notes answer')
    t.ok(elsewhere('how do i prepare for a job interview at a startup? i get so nervous'), 'preparing for an interview')
    t.ok(elsewhere('am i ready for an internship interview if i only know ec2 and s3?'), 'whether the student is ready for one')
    t.equal(retrieve(base, 'i want the sla numbers ready for my interview: how much downtime a year is 99.99 %?').covered, true,
      'the numbers the student wants ready for one are the notes\'')
    for (const [question, what] of [
      ['is the cloud computing quiz still on thursday or was it changed?', 'whether a quiz is still on its day'],
      ['do you know when the next midterm is?', 'when the next exam is'],
      ['pq a disciplina de redes é obrigatoria no curso de computação?', 'why the degree requires a subject'],
      ['hows your day going? do you ever get tired of all these questions about vpcs?', 'small talk with the assistant'],
      ['what laptop would you recommend for a student who runs kubernetes locally?', 'a laptop to buy'],
      ['do i need an accountant to file taxes on my freelance cloud work?', 'an accountant']
    ] as const) t.ok(elsewhere(question), what)
    t.equal(retrieve(base, 'preparing for an interview about aws: whats the difference between a security group and a nacl?').covered, true,
      'preparing for one about the notes\' subjects')
    t.ok(elsewhere('me ajuda a escrever a conclusao do meu relatorio de estagio?'), 'a report\'s conclusion')
    t.ok(elsewhere('whats a realistic 10k time for a beginner runner?'), 'a runner\'s time')
    t.equal(retrieve(base, 'we handle 5k requests per second on our alb, will it keep up?').covered, true, 'thousands of requests are no race')
  })

  t.test('the programming language itself is another subject, read in the student\'s own words before a slip is mended', async t => {
    t.equal(retrieve(base, 'which language should i learn first to get into backend work?').covered, false, 'which language to learn')
    t.equal(retrieve(base, 'got SyntaxError: invalid syntax when running my python script, what is wrong with it?').covered, false, 'a language\'s own error')
    t.equal(retrieve(base, 'my lambda runs a for loop over 10k items and times out after 3 seconds').covered, true, 'a loop in a function the notes treat')
    // "recursao" is recursion, however close it is to the notes' "recurso".
    t.equal(retrieve(base, 'alguem me explica recursao com um exemplo de fatorial?').covered, false, 'recursao')
    t.equal(retrieve(base, 'quanto custa cada recurso que fica ligado na conta?').covered, true, 'the notes\' own word stays theirs')
  })

  t.test('open-book exams, make-up dates, public speaking, a pay rise and which laptop to buy are no questions for the notes', async t => {
    for (const question of [
      'a prova da semana que vem vai ser com consulta? posso levar resumo de vpc?',
      'is the final open book? can we bring notes about subnets',
      'qnd é a p2 de computacao em nuvem?',
      'dicas pra falar em publico na apresentacao do projeto de cloud?',
      'vale a pena pedir aumento depois de 6 meses como estagiario de devops?',
      'how do i stop blanking out when the professor asks me about load balancers in class'
    ]) t.equal(retrieve(base, question).covered, false, question)
    t.equal(retrieve(base, 'split the work between two sqs consumers, how?').covered, true, 'work split between consumers is the queues note\'s')
    t.equal(retrieve(base, 'what time does the lambda free tier reset each month?').covered, true, 'the time asked is no exam\'s')
    for (const question of [
      'a prova de computacao em nuvem foi adiada? vi no grupo q sim',
      'qual certificacao da aws vale mais a pena tirar primeiro pra quem usa ecs?',
      'how do i calculate the standard deviation of my lambda durations for the stats class?',
      'a p value of 0.03 means a 3 percent chance the null hypothesis holds, right?',
      'qual o horario da biblioteca no sabado? preciso estudar vpc',
      'which laptop should i buy to run docker and terraform for this course?',
      'notebook ate 3 mil reais roda bem docker e minikube?',
      'is 8gb of ram enough for docker desktop and vscode?'
    ]) t.equal(retrieve(base, question).covered, false, question)
    t.equal(retrieve(base, 'how do i get a tls certificate for my domain on the alb?').covered, true, 'a certificate is no certification')
    t.equal(retrieve(base, 'docker desktop on my windows laptop runs a linux vm, why does it need one?').covered, true, 'the laptop the student runs things on is where they are')
    t.same(retrieve(base, 'we wrote a postmortem after the outage, how do alarms on p99 latency work in cloudwatch?').unknown, [], 'a postmortem is a programmer\'s word')
  })

  t.test('the campus\'s opening hours, what to bring to the lab, a book, another subject\'s topic and a move into the field are no questions for the notes', async t => {
    for (const question of [
      'a secretaria abre no sabado de manha?',
      'what time is the lab on thursday, 2 or 3?',
      'o prof vai postar a gravacao da aula de segunda?',
      'the professor told us to bring something to the lecture about containers, what was it?',
      'help me write an email to my teacher saying i missed the vpc quiz'
    ]) t.same([retrieve(base, question).covered, retrieve(base, question).courseLogistics], [false, true], question)
    for (const question of [
      'recomenda algum livro de redes pra quem ta comecando?',
      'can you suggest a good book on operating systems?',
      'qual a diferença entre processo e thread? caiu na prova de SO',
      'explain recursion with an example',
      'how do i put two cards side by side in css?',
      'whats the best way to study for a final i only have 3 days for',
      'como escrevo o abstract do meu tcc sobre nuvem?',
      'vale a pena um teclado mecanico pra programar?',
      'onde tem um lugar bom pra almocar perto da facul?',
      'is it possible to switch from accounting to a cloud career in a year?',
      'pos em seguranca ou em dados, qual compensa mais?',
      'devops paga bem no brasil?'
    ]) t.equal(retrieve(base, question).covered, false, question)
    t.equal(retrieve(base, 'a secretaria da faculdade guarda as notas no rds, quem cuida do patch do banco?').covered, true, 'a service of the campus that runs on the cloud')
    t.equal(retrieve(base, 'each worker thread of my container opens its own connection to rds, is that a problem?').covered, true, 'a thread of the student\'s program')
  })

  t.test('a recorded lecture, late work, a CV, pay, time between job and studies, grading and a group member who does nothing are no questions for the notes', async t => {
    for (const question of [
      'will there be a recording of yesterday\'s class? i was at work',
      'a professora aceita trabalhos e entregas atrasadas se eu justificar?',
      'como monto um cv pra primeira vaga em cloud?',
      'quanto ganha em media um analista de cloud pleno?',
      'how much does a junior devops engineer make in lisbon?',
      'vale a pena aceitar esse estagio de suporte ou esperar outro?',
      'como conciliar o trabalho com a faculdade sem surtar?',
      'tips for revising when the exams are all in the same week?',
      'quero aprender python do zero antes do semestre, por onde começo?',
      'any tips on grading 30 exams fairly?',
      'someone in our group never answers the chat, what do we do?',
      'decent laptop under €600 for a cs student?'
    ]) t.equal(retrieve(base, question).covered, false, question)
    t.equal(retrieve(base, 'FinOps é coisa do financeiro ou de dev? vi na vaga de estagio e fiquei na duvida').covered, true, 'a term seen in a job ad is the question, not the job')
    t.equal(retrieve(base, 'we keep lecture recordings for years and almost never watch them, which s3 class?').covered, true, 'recordings kept in storage are the notes\' subject')
    t.equal(retrieve(base, 'kubernetes looks good on a cv, but does eks cost more than ecs for the control plane?').covered, true, 'what looks good on a CV frames the question')
  })

  t.test('a name the leading note lacks and another close behind names itself by answers from that note', async t => {
    const undo = retrieve(base, 'rolled out a bad image to my deployment, how do i undo that with kubectl?')
    t.equal(undo.covered, true, 'kubectl is the Kubernetes note\'s own word')
    t.equal(undo.hits[0]?.topic, 'kubernetes-basics', 'the note that treats kubectl answers, not the ECS rollback that leads on "undo"')
    t.equal(retrieve(base, 'como criar uma regra do aws config pra detectar bucket s3 publico automaticamente').covered, false, 'a word many notes use names no note')
  })

  t.test('a VPS the student comes from, and apt-get run from a private subnet, are how they describe where they are', async t => {
    const logs = retrieve(base, 'on my vps i write logs into /var/log/app.log, is that ok for twelve-factor?')
    t.same([logs.covered, logs.notTreated, logs.hits[0]?.topic], [true, [], 'twelve-factor-app'], 'a VPS is where the student ran things, no name the notes lack')
    t.equal(retrieve(base, 'minha vps tem 2gb de ram e vive travando, na aws eu escalo isso como? mais instancias atras de um load balancer?').covered, true)
    const nat = retrieve(base, 'servidor na subnet privada nao roda yum update, fica em timeout. falta o que?')
    t.equal(nat.covered, true, 'a package update from a private subnet is the NAT gateway\'s question')
    t.equal(nat.hits[0]?.heading, 'NAT gateway')
    t.equal(retrieve(base, 'configurar nginx como proxy reverso na minha vps com certbot, por onde começo?').covered, false, 'the tools set up on a VPS are still names the notes lack')
  })

  t.test('the hosting a student used before (Netlify, Vercel, a Heroku dyno) is where they come from, unless they weigh it against AWS', async t => {
    const cache = retrieve(base, 'on vercel i never touched cache headers. now on cloudfront, how long can a hashed bundle like main.3f2a.js stay cached?')
    t.same([cache.covered, cache.hits[0]?.topic], [true, 'cdn'], 'the sentence about the old hosting sets the scene')
    const dyno = retrieve(base, 'my api used to live on a heroku dyno. on aws, how do i keep it stateless so more copies can run?')
    t.same([dyno.covered, dyno.unknown], [true, []], 'what the old hosting called its servers is no word the notes lack')
    t.equal(retrieve(base, 'Netlify ou AWS Amplify pra um site estatico do tcc? Qual da menos trabalho?').covered, false, 'weighed against AWS, the other hosting is asked about')
  })

  t.test('what the vendor does ("how does aws add more tasks") is no service, and a test\'s assert is a programmer\'s word', async t => {
    const adds = retrieve(base, 'when traffic spikes, how does aws add more tasks to my ecs service?')
    t.same([adds.covered, adds.untreated, adds.hits[0]?.topic], [true, [], 'autoscaling'])
    const assert = retrieve(base, 'meu teste de integracao faz PutItem e logo depois GetItem no dynamo e o assert pega valor antigo, pq?')
    t.same([assert.covered, assert.unknown, assert.hits[0]?.topic], [true, [], 'databases'])
    t.same(retrieve(base, 'how does aws backup handle rds snapshots across regions?').untreated, ['AWS backup'], 'a service named after the vendor is still one')
  })

  t.test('"did amazon switch" is what the vendor did, and "it\'d" a contraction typed without its apostrophe', async t => {
    const xen = retrieve(base, 'is ec2 still on xen or did amazon switch hypervisors at some point?')
    t.same([xen.covered, xen.untreated, xen.hits[0]?.topic], [true, [], 'virtualization-hypervisors'])
    t.same(retrieve(base, "we'd like to know why it'd fail: my task role has s3:GetObject but still AccessDenied on the bucket, least privilege wise what's missing?").unknown, [])
  })

  t.test('which service made the bill grow, or the costs split by service, is what Cost Explorer shows', async t => {
    const bill = retrieve(base, 'a fatura deste mes subiu imenso e nao faço ideia de qual serviço foi. onde vejo os custos separados por serviço?')
    t.same([bill.hits[0]?.topic, bill.hits[0]?.heading], ['budgets-billing', 'Cost Explorer'])
    const tags = retrieve(base, 'quanto tempo demora pra uma tag de alocação de custo aparecer depois de ativar?')
    t.equal(tags.hits[0]?.heading, 'Free Tier e tags de alocação de custos', 'the tags themselves stay with their section')
  })

  t.test('a CPU that sits low all month is one to right-size; leftovers that charge while nobody uses them are idle', async t => {
    const low = retrieve(base, 'nossas instancias do app ficam com uns 10% de cpu o mes inteiro, como acho o tamanho certo?')
    t.same([low.hits[0]?.topic, low.hits[0]?.heading], ['finops-cost-optimization', 'Redimensionamento (right-sizing)'])
    const idle = retrieve(base, 'what usually burns money in a student aws account overnight when nobody is even using it?')
    t.same([idle.hits[0]?.topic, idle.hits[0]?.heading], ['finops-cost-optimization', 'Tagging and idle resources'])
  })

  t.test('"cloud" in a Portuguese question is the notes\' "nuvem"; a salary range and a LinkedIn profile are questions of careers', async t => {
    const virt = retrieve(base, 'pq dizem que sem virtualização não existiria cloud?')
    t.same([virt.hits[0]?.topic, virt.hits[0]?.heading], ['virtualization-hypervisors', 'Por que a virtualização viabiliza a nuvem'])
    t.equal(retrieve(base, 'qual a diferença entre o Cloud Functions gen1 e gen2 do google cloud?').covered, false, 'another vendor\'s cloud stays its own')
    t.equal(retrieve(base, 'qual faixa salarial pedir numa vaga de cloud junior em recife?').covered, false)
    t.equal(retrieve(base, 'como deixo meu perfil do linkedin bom pra vaga de cloud?').covered, false)
  })

  t.test('what crashes on one base image and runs on another is a native dependency: the setting of a question about the base image', async t => {
    const crash = retrieve(base, 'bcrypt keeps crashing on node:20-alpine but the debian image is fine, which base should we ship?')
    t.same([crash.covered, crash.notTreated, crash.hits[0]?.topic], [true, ['bcrypt'], 'multi-stage-builds'], 'answered, saying the notes do not treat the library')
    const app = retrieve(base, 'my api with bcrypt runs on ubuntu but breaks on alpine, why?')
    t.same([app.covered, app.hits[0]?.topic], [true, 'multi-stage-builds'])
    t.equal(retrieve(base, 'bcrypt or argon2 for hashing passwords on alpine?').covered, false, 'a question about the library itself keeps its name')
  })

  t.test('Graviton and an M1 Mac, named where the question speaks of the architecture, are where its ARM64 image comes from', async t => {
    for (const question of ['nosso build é arm64 pq roda em graviton, fargate spot aceita?', 'built the image for arm64 on my m2 macbook, will it run on fargate spot?']) {
      const found = retrieve(base, question)
      t.same([found.covered, found.unknown, found.hits[0]?.topic], [true, [], 'spot-capacity'], question)
    }
    t.equal(retrieve(base, 'vale a pena trocar minhas ec2 por instancias graviton pra economizar? como migro a aplicacao').covered, false, 'Graviton itself is what the notes do not treat')
  })

  t.test('a message printed after an error\'s name, cut with an ellipsis and followed by the question, names nothing asked', async t => {
    const pull = retrieve(base, 'task no fargate em subnet privada falha com CannotPullContainerError ... dial tcp i/o timeout. falta nat?')
    t.same([pull.covered, pull.unknown, pull.hits[0]?.topic], [true, [], 'cloud-networking-gateways'])
    const module = retrieve(base, "ModuleNotFoundError: No module named 'boto3' mesmo dps de dar pip install, oq ta errado")
    t.same([module.covered, module.unknown], [false, ['boto3']], 'a message that runs to the end may be the question itself')
  })

  t.test('after a possessive, a word and the kind of thing the student built is their own thing named by its job', async t => {
    const login = retrieve(base, 'if 300 people hit my login lambda in the same second, does lambda start 300 copies? is there a cap?')
    t.same([login.covered, login.untreated, login.hits[0]?.topic], [true, [], 'serverless-functions'])
    const steps = retrieve(base, 'how do i retry failed steps in our step functions workflow?')
    t.same([steps.covered, steps.untreated], [false, ['Step Functions']], 'a product the notes lack after a possessive is still one')
  })

  t.test('coursework words, an address the student typed and a widget on the screen say how a question is put, not what it asks', async t => {
    const worksheet = retrieve(base, 'worksheet 3: where does a security group stop and a network acl start?')
    t.same([worksheet.covered, worksheet.unknown], [true, []], 'a worksheet is where the question comes from')
    const routes = retrieve(base, 'fiz as rotas /novoAluno e /apagarAluno?id=3, em REST nao era pra usar o metodo http em vez do verbo no caminho?')
    t.same([routes.covered, routes.unknown, routes.hits[0]?.topic], [true, [], 'rest-openapi'], 'the words of a route the student wrote are theirs')
    const host = retrieve(base, 'how do i point shop.mybakery.com at my load balancer with route 53?')
    t.same([host.covered, host.unknown, host.hits[0]?.topic], [true, [], 'dns'], 'so are the words of a host name')
    const slider = retrieve(base, 'the llm playground has a slider for temperature, what does turning it down do?')
    t.same([slider.covered, slider.unknown], [true, []], 'a slider is part of a screen')
    t.same(retrieve(base, 'a lista cita o x-ray sem explicar, como ele mostra em qual servico a request demorou?').unknown, [], '"cita" says where the student read of it')
  })

  t.test('a Portuguese subjunctive, superlative or "sub-" word, a programmer\'s word in the plural, a size in bytes and an image with its tag are how the student says it', async t => {
    for (const [question, why] of [
      ['quero que a lambda rode toda vez que alguem subir uma foto no bucket, como ligo isso?', '"rode" is rodar, not a feature of Lambda'],
      ['pra uma api com pouquissimo acesso, api gateway sai mais barato que alb?', '"pouquissimo" is "pouco"'],
      ['onde guardo os datasets do projeto, s3 ou ebs?', '"datasets" is "dataset"'],
      ['no docker history a camada do CMD aparece com 0B e a do npm install com 300MB, pq?', '"0B" is a size'],
      ['dei pull em loja-api:latest e veio a versao da semana passada, o latest nao era o mais novo?', 'an image and its tag are the student\'s own naming'],
      ['o docker desktop pediu pra habilitar o subsistema linux do windows, pq um container linux precisa disso?', '"subsistema" is a part of a "sistema"']
    ]) {
      const found = retrieve(base, question)
      t.same([found.covered, found.unknown, found.untreated], [true, [], []], why)
    }
  })

  t.test('the everyday things of a comparison the student draws ("like ...") are their picture of a topic; a tool there is still a name', async t => {
    const doorbell = retrieve(base, 'retrying a 429 right away is like ringing the doorbell nonstop, right? what should the client do instead?')
    t.same([doorbell.covered, doorbell.unknown], [true, []])
    t.equal(retrieve(base, 'fiz deploy de uma imagem quebrada no kubernetes, tem um ctrl+z pro deployment?').covered, true, 'a keyboard shortcut is how the student says "undo"')
    const ride = retrieve(base, 'so fargate billing is like uber, i dont own the car and just pay per ride?')
    t.same([ride.covered, ride.unknown], [true, []], 'a company the student compares with is part of the picture')
    t.same(retrieve(base, 'how do i fake dynamodb in my unit tests, something like moto?').unknown, ['moto'], 'a tool offered as an example is asked about')
  })

  t.test('another subject\'s exam, working alone or in pairs, the university\'s own accounts, a grade to look up, a partner who does nothing, a change of role and its pay, the order to study in, when and how long to study, dinner, one\'s laptop, a proof by induction, data structures, indentation, a talk\'s slides and withdrawing from a course are no questions for the notes', async t => {
    for (const question of ['any tips for my linear algebra exam? eigenvalues make zero sense to me', 'como estudar autovalores pra prova de algebra linear?',
      'is the cloud final project individual or done in pairs?', 'posso fazer o trabalho sozinho ou tem que ser em grupo?',
      'forgot my moodle password, who resets it?', 'esqueci a senha do wifi da faculdade, com quem falo?', 'how do i pick a strong password for my student email?',
      'where do i see my grades for the docker lab?', 'minha dupla nao fez nada do projeto ate agora, como falo com ele?',
      'thinking of switching from frontend to cloud next year, hows the pay compared?', 'qual a melhor ordem pra estudar: redes, linux ou programacao?',
      'easy dinner ideas for a broke student?', 'does my laptop have enough memory for the kubernetes labs or should i upgrade it?',
      'whats the best time of day to study, morning or night?', 'quantas horas por dia vcs estudam pra prova?',
      'should i take breaks every hour while studying for the cloud exam?', 'how do i cook rice without burning it?',
      'how do i prove by induction that the sum of the first n odd numbers is n squared?', 'alguem me ajuda com calculo 1? nao entendo limite',
      'the data structures exam always asks how red black tree rotations work, can u explain', 'quando uma arvore avl faz rotacao dupla?',
      'linter keeps complaining, tabs or spaces in yaml files?', 'how many slides should a 10 minute talk have?',
      'last week to do the withdraw-from-course form, when is it?', 'can i drop the class after the midterm without an F?',
      // The assistant itself, the planet, other courses' tools, git, the degree's extra hours, more time for a hand-in, an internship.
      'oi, boa tarde! tudo bem? qual e o seu nome?', 'are you a bot or is someone typing these answers?',
      'is streaming netflix all day bad for the environment with all those data centers?', 'my dad writes excel macros at work, should he learn python instead?',
      'in latex how do i make a table where two cells are merged?', 'how do i undo the last commit i pushed by mistake?',
      'how many extracurricular hours does the degree require?', 'the report is due friday and i have the flu, how do i ask the teacher politely for extra time?', 'preciso pedir mais prazo pro relatorio, como falo com o professor?',
      'is it worth doing a summer internship in my second year?',
      // Another course's programming homework, and a tool's own file the notes never name.
      "python hw: 'write a function that returns how many times each word appears in a text'. any hint?",
      'como escrevo um Jenkinsfile com stages de build, teste e deploy pro pipeline de ci/cd?']) {
      t.equal(retrieve(base, question).covered, false, question)
    }
    t.equal(retrieve(base, 'da pra fazer o budget desligar sozinho as instancias quando estourar o limite?').covered, true, 'what a service does on its own is still asked of the notes')
    t.equal(retrieve(base, 'where do i keep the database password for my ecs task?').covered, true, 'a password of the student\'s own system is still a secret')
    t.equal(retrieve(base, 'my ecs task has enough memory but still gets OOMKilled, why?').covered, true, 'the memory of the student\'s task is the notes\' question')
  })

  t.test('a group member who has not written their part, a thesis supervisor gone quiet, a lecture recording, plagiarism, energy drinks before an exam, an interview\'s live coding, another language\'s loop or chart and whether the assistant remembers are no questions for the notes', async t => {
    for (const question of ['my lab partner still hasnt done his part of the slides and we present monday, what now?',
      'will the prof upload the lecture recording from wednesday?', 'is it ok to use chatgpt to reword my essay or does that count as plagiarism?',
      'energy drinks or a power nap before the networks final?', 'first tech interview friday, how do i get ready for the behavioural part?',
      'como faco um laco while em c que conta de 10 ate 1?', 'in python how do i make a bar chart from a csv file?',
      'hey do you remember what i asked you last week about my project?', 'r u actually a bot?',
      // The operating systems course, Python's slicing, a certification's voucher and the language it is sat in.
      'quais sao as 4 condicoes pra acontecer um deadlock? caiu na prova de SO', 'how does python list slicing work with a negative step?',
      'tem algum voucher de desconto pra prova de certificacao da aws?', 'can i take the aws exam in portuguese or only in english?']) {
      t.equal(retrieve(base, question).covered, false, question)
    }
    for (const question of ['my advisor has been ghosting me for weeks, what do i do?', 'se a p2 vale 70% e na p1 tirei 5, quanto preciso na p2 pra passar?']) {
      t.equal(retrieve(base, question).courseLogistics, true, `the course's own business: ${question}`)
    }
    t.equal(retrieve(base, 'we archive lecture recordings nobody watches but must keep for 5 years, which s3 class?').covered, true,
      'storing lecture recordings is still the notes\' question')
    t.equal(retrieve(base, 'my mental model of the cost explorer is the pie chart of my banking app, is that right?').covered, true,
      'a chart the student likens a service to is their picture of it')
  })

  t.test('the test a question comes from, the thesis its answer goes into, or who it is passed on to is why the student asks, not what', async t => {
    for (const [question, topic] of [['na P2 eu disse q o sqs apaga a mensagem quando o consumidor le, errei. oq acontece com ela?', 'message-queues'],
      ['o gabarito diz q a task do fargate nao usa a placa de rede do host, entao como funciona a rede da task?', 'container-orchestration'],
      ['internet gateway vs nat gateway, practice exams keep asking it and i keep mixing them up', 'cloud-networking-gateways'],
      ['escrevi q container nao tem nada a ver com nuvem e o prof riscou, pq?', 'vms-vs-containers'],
      ['qual definicao de api gateway eu ponho no referencial teorico?', 'api-gateway']] as const) {
      const found = retrieve(base, question)
      t.same([found.covered, found.hits[0]?.topic], [true, topic], question)
    }
    t.same(retrieve(base, 'como eu defino finops no referencial teorico do meu tcc, com as fases?').unknown, [], 'the parts of a thesis name nothing the notes lack')
    const relayed = retrieve(base, 'meu chefe perguntou se no fargate a gente ainda tem servidor pra cuidar, oq eu respondo pra ele?')
    t.same([relayed.covered, relayed.hits[0]?.topic, relayed.hits[0]?.heading], [true, 'container-orchestration', 'AWS Fargate'], 'who asked and how to tell them lead nowhere')
    const cofounder = retrieve(base, 'my non tech cofounder asked what a load balancer even does, simplest explanation?')
    t.same([cofounder.covered, cofounder.unknown, cofounder.hits[0]?.topic], [true, [], 'load-balancers'], 'who asked names nothing the notes lack')
    const memorised = retrieve(base, 'bizu pra lembrar o limite de tamanho de item no dynamodb')
    t.same([memorised.covered, memorised.hits[0]?.topic], [true, 'databases'], 'how the student means to memorise it names nothing')
    const report = retrieve(base, 'in the cost section of my report, how do i say we found which service raised the bill with cost explorer?')
    t.same([report.covered, report.hits[0]?.topic, report.hits[0]?.heading], [true, 'budgets-billing', 'Cost Explorer'], 'the report the answer goes into leads nowhere')
  })

  t.test('"task def" is a task definition as students shorten it, no name the notes lack', async t => {
    const def = retrieve(base, 'como volto o servico ecs pra revisao anterior da task def?')
    t.same([def.covered, def.unknown, def.untreated], [true, [], []])
  })

  t.test('an identifier the notes never write is a setting or a syntax they lack; the student\'s own code, quoted key or method call is not', async t => {
    for (const question of ['what does top_p do in the openai api?', 'cloudformation Ref vs Fn::GetAtt, when do i use which?']) {
      const found = retrieve(base, question)
      t.same([found.covered, found.unknown.length > 0], [false, true], question)
    }
    for (const question of ['what does max_tokens do in a chat completion call?', 'dynamodb put_item fails with item size has exceeded the maximum, whats the limit?',
      "the 'top_sellers' key in redis expires every 10 min and the database gets hammered, how do i stop that?"]) {
      t.equal(retrieve(base, question).covered, true, question)
    }
  })

  t.test('a name a clause of the notes opens and says what it is, keeps or costs is explained there; a name that only qualifies the subject is not', async t => {
    for (const question of ['is s3 one zone-ia ok for the only copy of our backups?', 'o s3 one zone-ia pode perder meus dados se a zona cair?',
      // Names listed together as the subject ("… Glacier Flexible Retrieval and Glacier Deep Archive are for archives").
      'o glacier deep archive é barato, qual a pegadinha?']) {
      const found = retrieve(base, question)
      t.same([found.covered, found.untreated, found.hits[0]?.topic], [true, [], 'storage-types'], question)
    }
    t.same(retrieve(base, 'what does aws waf do').untreated, ['WAF'], 'AWS WAF rate-based rules are only mentioned')
    t.equal(retrieve(base, 'qual o custo exato de restaurar 2 TB do glacier deep archive em us-east-1?').covered, false,
      'an exact price the notes never state is still not answered')
  })

  t.test('European and African Portuguese is read as the Brazilian notes write it: its words, its older spellings, a pronoun after the verb', async t => {
    for (const question of ['os ficheiros que a minha aplicacao grava dentro do contentor perdem-se quando o apago?',
      'como dou acesso ao bucket aos utilizadores de outra conta sem partilhar chaves?', 'podes explicar-me o que e uma subnet privada?',
      'a actualizacao do sistema operativo da instancia ec2 e responsabilidade minha ou da aws?']) {
      const found = retrieve(base, question)
      t.same([found.covered, found.unknown], [true, []], question)
    }
    t.equal(retrieve(base, 'podes explicar-me o que e uma subnet privada?').hits[0]?.topic, 'vpc-subnets')
  })

  t.test('who the student is, their degree written short or their old job, is not what they ask about', async t => {
    const degree = retrieve(base, 'em eng de software aprendi sobre testes automatizados, como rodo eles no pipeline do github actions?')
    t.same([degree.covered, degree.unknown, degree.hits[0]?.topic], [true, [], 'ci-cd-gitflow'])
    const job = retrieve(base, 'im an accountant by training, how is s3 storage billed per gb?')
    t.same([job.covered, job.hits[0]?.topic], [true, 'storage-types'])
    // Hiring one, or an accountant's study habits, are still not the notes' to answer.
    t.equal(retrieve(base, 'do we need an accountant for the startup or can we just use a spreadsheet').covered, false)
    t.equal(retrieve(base, 'quick one from an old accountant back in school, whats the best way to take notes during lectures').covered, false)
  })

  t.test('a name another note found says together with the rest of the question is answered there', async t => {
    const found = retrieve(base, 'to save even more money can arm64 tasks go on fargate spot?')
    t.same([found.covered, found.untreated, found.hits[0]?.topic, found.hits[0]?.heading], [true, [], 'spot-capacity', 'Key facts to remember'])
  })

  t.test('a post seen on LinkedIn is where the student read it; the profile itself is a career question', async t => {
    const post = retrieve(base, 'vi no linkedin um post dizendo que o nat gateway cobra por hora e por gb processado, como evitar esse custo nas subnets privadas?')
    t.same([post.covered, post.hits[0]?.topic], [true, 'cloud-networking-gateways'])
    t.equal(retrieve(base, 'como melhorar meu perfil do linkedin pra vagas de cloud?').covered, false)
  })

  t.test('the role an interview was for and a LinkedIn post or job ad are where the student met the question; "otel" is OpenTelemetry', async t => {
    for (const question of ['sre interview asked me how an alb decides which target gets each request',
      'a vaga no linkedin pede terraform, oq e o state e onde guardo ele?', 'otel vs x-ray, which one should my traces go through?']) {
      const found = retrieve(base, question)
      t.same([found.covered, found.unknown], [true, []], question)
    }
    t.equal(retrieve(base, 'what are good ways to prepare for a junior devops job interview?').covered, false, 'the interview itself is a career question')
  })

  t.test('an HTTP status code the notes write names what they say of it', async t => {
    const codes = retrieve(base, 'minha turma troca 401 com 403 direto, qual a diferenca?')
    t.same([codes.covered, codes.hits[0]?.topic], [true, 'rest-openapi'])
  })

  t.test('asking which are the main ones is asking for the kinds the note introduces', async t => {
    const found = retrieve(base, 'quais os principais provedores de nuvem hoje em dia?')
    t.same([found.covered, found.hits[0]?.topic, found.hits[0]?.kind], [true, 'what-is-cloud-computing', 'summary'])
  })

  t.test('a video, post or course seen on a site or app is where the student met the claim they check', async t => {
    for (const question of ['vi no tiktok que da pra zerar o cooldown do auto scaling sem problema nenhum, procede?',
      'num curso da udemy falaram que o sqs e o sns fazem a mesma coisa, confere?',
      'a linkedin influencer says blue/green and canary are the same deployment, true?']) {
      const found = retrieve(base, question)
      t.same([found.covered, found.unknown], [true, []], question)
    }
    t.same(retrieve(base, 'como integro o login do tiktok no meu app?').unknown, ['tiktok'], 'the app itself, asked about, is a name')
  })

  t.test('whom the student explains it to, and how, is the telling: "como explico X" asks what X is', async t => {
    const cofounder = retrieve(base, 'how do i explain sql vs nosql to my non-technical cofounder?')
    t.same([cofounder.covered, cofounder.unknown, cofounder.hits[0]?.topic], [true, [], 'databases'])
    const manager = retrieve(base, 'como explicar pro meu gestor que as lifecycle policies do ecr baixam a conta?')
    t.same([manager.covered, manager.unknown, manager.hits[0]?.topic], [true, [], 'container-registries'])
    t.equal(readQuestion('como explico o que e uma cdn pra minha tia').type, 'definition')
    const queue = retrieve(base, 'how do i explain a message queue to my grandpa, like the line at the bakery?')
    t.same([queue.covered, queue.hits[0]?.topic], [true, 'message-queues'])
    t.equal(retrieve(base, 'how do i explain infrastructure as code to my boss who loves clicking around in the console').hits[0]?.kind, 'summary',
      'who the listener is stays: it says what the answer must meet')
  })

  t.test('when the student needs it ("prova amanha:", "entrega hj") says why they hurry, not what they ask', async t => {
    t.equal(retrieve(base, 'prova amanha: alb x nlb, quando e que eu uso nlb?').hits[0]?.heading, 'Network Load Balancer e Classic Load Balancer')
    t.equal(retrieve(base, 'quiz tomorrow: what do etcd and the scheduler do in kubernetes').hits[0]?.heading, 'Kubernetes architecture: control plane and nodes')
    t.equal(retrieve(base, 'quicksort is O(n log n) on average, right? (not cloud, algorithms exam tomorrow)').covered, false, 'an exam named by its subject stays')
  })

  t.test('an example of a kind of tool ("a data warehouse like redshift") is asked about', async t => {
    const found = retrieve(base, 'explain what a data warehouse like redshift does')
    t.same([found.covered, found.unknown], [false, ['redshift']])
  })

  t.test('what happens on the campus wifi is asked of what the student runs there; a teammate, a presentation and a refund are the course\'s', async t => {
    t.equal(retrieve(base, 'sem https alguem no wifi da facul consegue ver a senha digitada no meu site?').covered, true)
    t.equal(retrieve(base, 'o wifi da biblioteca ta caindo toda hora, com quem eu falo?').courseLogistics, true)
    for (const question of ['a teammate hasn\'t done anything in our group project for a month, should we tell the teacher?',
      'quanto tempo deve durar a apresentacao final do projeto?', 'how will the professor grade the final presentation?',
      'a universidade reembolsa o que eu gastar na aws no projeto da disciplina?']) {
      const found = retrieve(base, question)
      t.same([found.covered, found.courseLogistics], [false, true], question)
    }
  })

  t.test('a cloud certification as such is a career step; a claim that "sounds sus" names nothing', async t => {
    for (const question of ['vale a pena pagar a prova de certificacao da aws ou estudo sozinho?', 'should i drop my internship to study for aws certification full time?']) {
      t.equal(retrieve(base, question).covered, false, question)
    }
    const sus = retrieve(base, 'my friend says retrying a failed POST can never create duplicates, sounds sus, is that true?')
    t.same([sus.covered, sus.unknown], [true, []])
  })

  t.test('a name written without its service ("one zone-ia") is the one the notes say something of; a service model\'s example is an illustration', async t => {
    const zone = retrieve(base, 'is one zone-ia worth it to cut my s3 bill? what do i risk')
    t.same([zone.covered, zone.untreated, zone.hits[0]?.topic], [true, [], 'storage-types'])
    const saas = retrieve(base, 'num saas tipo o gmail, a seguranca dos meus dados ainda e responsabilidade minha?')
    t.same([saas.covered, saas.notTreated], [true, []], 'the answer does not say the notes lack Gmail')
  })

  t.test('a classmate\'s claim the student disputes is about what it opens with or says is needed', async t => {
    for (const question of ['my friend says kafka keeps messages forever, i say it deletes them after a week. who is right?',
      'my teammate says we need consul for service discovery on ecs, i think cloud map is enough. who\'s right?']) {
      const found = retrieve(base, question)
      t.same([found.covered, found.notTreated], [false, []], question)
    }
    const busywork = retrieve(base, 'my friend thinks writing the openapi spec first is busywork, i say generated clients catch breaking changes. who is right?')
    t.same([busywork.covered, busywork.hits[0]?.topic], [true, 'rest-openapi'], 'a word further into the claim is how it is put')
    const builtIn = retrieve(base, 'can alarms only watch the aws built in metrics or also numbers i publish myself?')
    t.same([builtIn.covered, builtIn.untreated, builtIn.hits[0]?.topic], [true, [], 'cloudwatch'], '"aws built in" names no service')
  })

  t.test('what an example is asked of is what the question is about; "no exemplo" is the notes\' own', async t => {
    for (const question of ['me mostra um exemplo de pipeline do bitbucket que faz build da imagem docker', 'example of a nomad job file that runs two containers']) {
      t.equal(retrieve(base, question).covered, false, question)
    }
    t.equal(retrieve(base, 'no exemplo eles copiam so o dist, por que o node_modules de dev nao vai junto?').hits[0]?.topic, 'multi-stage-builds')
  })

  t.test('a name the notes lack right after an apology, said to be something or set against another, is what is asked', async t => {
    t.equal(retrieve(base, 'desculpa a pergunta boba, crossplane é tipo terraform pra kubernetes? vale aprender?').covered, false)
    const story = retrieve(base, 'sorry if this is dumb, but bcrypt crashes since we moved the image to alpine, why?')
    t.same([story.covered, story.notTreated], [true, ['bcrypt']], 'a story after the apology tells where the student is')
  })

  t.test('a hackathon\'s rules, pitch and demo video are the event\'s business', async t => {
    for (const question of ['tips for recording the demo video for the hackathon?', 'o regulamento da hackathon deixa usar template pronto?',
      'how do i structure a 5 minute pitch for the judges?']) {
      const found = retrieve(base, question)
      t.same([found.covered, found.courseLogistics], [false, true], question)
    }
  })

  t.test('"qndo", "ocorrencias" and "lib" are the student\'s words, not names', async t => {
    t.same([retrieve(base, 'qndo uso nlb e qndo uso alb?').unknown, retrieve(base, 'qndo uso nlb e qndo uso alb?').hits[0]?.topic], [[], 'load-balancers'])
    t.same(retrieve(base, 'quero contar as ocorrencias de timeout nos logs do cloudwatch, como faco?').unknown, [])
    const lib = retrieve(base, 'uma lib nativa nao compila no alpine, qual imagem base eu uso?')
    t.same([lib.covered, lib.hits[0]?.topic], [true, 'multi-stage-builds'])
    for (const question of ['tem alguma lib python pra medir quantos tokens tem meu prompt?', 'which node library is best for retrying failed http calls?']) {
      t.equal(retrieve(base, question).covered, false, `a library to install is asked for: ${question}`)
    }
  })

  t.test('capacity that keeps going up and down is scaling that flaps; being told of any charge is a zero-spend budget', async t => {
    t.equal(retrieve(base, 'meu servico vive adicionando e tirando tasks, tipo loop, oq eu mexo?').hits[0]?.heading, 'Cooldowns e armadilhas')
    const cent = retrieve(base, 'scared of being charged even one cent on my student account, what do i set up?')
    t.same([cent.covered, cent.hits[0]?.heading], [true, 'AWS Budgets'])
  })

  t.test('how the student feels while asking names nothing', async t => {
    t.same(retrieve(base, 'a fatura veio alta e eu to muito estressado, onde vejo o gasto separado por servico?').unknown, [])
  })

  t.test('a group that does nothing and a model of the final report are the teacher\'s to settle; a team\'s practice is not', async t => {
    for (const question of ['my group does nothing on the cloud project, should i tell the professor?', 'o meu grupo nunca ajuda no trabalho, oq eu faco?',
      'tem um modelo de relatorio final do projeto pra gente seguir?']) {
      const found = retrieve(base, question)
      t.same([found.covered, found.courseLogistics], [false, true], question)
    }
    for (const question of ['our team doesn\'t do blue/green deployments yet, how hard is it to start?', 'meu time nao faz deploy na sexta, isso e boa pratica?']) {
      t.equal(retrieve(base, question).courseLogistics, false, question)
    }
  })

  t.test('"task windows" is a Windows task, as "task spot" is a Spot one', async t => {
    const found = retrieve(base, 'fargate spot aceita task windows?')
    t.same([found.covered, found.hits[0]?.topic], [true, 'spot-capacity'])
  })

  t.test('the first call being slow is a cold start; a queue\'s message that comes back is its visibility timeout', async t => {
    t.equal(retrieve(base, 'sorry for asking, why is the first call to my lambda so slow but then the next calls are fast?').hits[0]?.heading, 'Cold starts')
    t.equal(retrieve(base, 'sqs message comes back after a while, why').hits[0]?.heading, 'Visibility timeout and dead-letter queues')
  })

  t.test('a thing said to be unrelated to AWS, and a CV given as a friend\'s reason, leave the question the course\'s', async t => {
    const xray = retrieve(base, 'my classmate thinks x-ray is totally unrelated to aws, i say it traces requests across services. who is right?')
    t.same([xray.covered, xray.hits[0]?.topic], [true, 'observability'])
    const cv = retrieve(base, 'meu colega quer usar kubernetes no tcc pq fica bonito no curriculo, vale a pena pra uma api so?')
    t.same([cv.covered, cv.hits[0]?.topic], [true, 'kubernetes-basics'])
    for (const question of ['como deixo meu curriculo bonito pra vaga de cloud?', 'unrelated to aws, but how do i center a div?']) {
      t.equal(retrieve(base, question).covered, false, `still off the course: ${question}`)
    }
  })

  t.test('an English term a Portuguese question borrows as the English notes write it is theirs', async t => {
    const found = retrieve(base, 'qual a diferenca de chave aws managed pra customer managed no kms?')
    t.same([found.covered, found.untreated, found.hits[0]?.topic], [true, [], 'encryption-kms'])
  })

  t.test('a search typed as keywords with one Portuguese word is Portuguese', async t => {
    t.equal(detectLanguage('target group tipo ip fargate'), 'pt')
    t.equal(detectLanguage('route 53 ponderado vs latencia'), 'pt')
    t.equal(detectLanguage('alb path routing rules'), 'en')
    t.equal(detectLanguage('an rpo of 1 hour means what exactly, preciso fazer backup de hora em hora?'), 'en', 'a mixed question is weighed word against word')
  })

  t.test('a message pasted between backticks is the program\'s language, and its error\'s name opens what it printed', async t => {
    const found = retrieve(base, 'a fila nao foi criada: `InvalidParameterValue: The name of a FIFO queue can only include alphanumeric characters and must end with .fifo`. fora o nome, o que muda entre FIFO e standard?')
    t.same([found.question.lang, found.covered, found.untreated, found.hits[0]?.heading], ['pt', true, [], 'Amazon SQS: fila standard x FIFO'])
    const printed = retrieve(base, '`ImageTagAlreadyExistsException: The image tag \'v2.0.1\' already exists in the \'web\' repository and cannot be overwritten because the repository is immutable.` o que isso quer dizer? so queria subir de novo')
    t.same([printed.covered, printed.untreated], [true, []])
  })

  t.test('of two spellings a student half remembers, the one the notes write is the one meant', async t => {
    for (const question of ['o certificado de graça da aws, acm ou acn sei la, renova sozinho?', 'o nlb cobra parado? tem aquelas unidades, lcu ou lbu sei la']) {
      const found = retrieve(base, question)
      t.same([found.covered, found.unknown], [true, []], question)
    }
  })

  t.test('the diminutive of an everyday Portuguese word is as everyday', async t => {
    const found = retrieve(base, 'no desenho um bonequinho grava no dynamo e na hora lê o valor antigo, pq?')
    t.same([found.covered, found.unknown, found.hits[0]?.topic], [true, [], 'databases'])
  })

  t.test('attendance, cheating and the student card are the course\'s rules, and a database engine\'s root password its own', async t => {
    for (const question of ['a presenca no lab é obrigatoria? faltei duas vezes', 'usar chatgpt no relatorio conta como cola?', 'onde peço a segunda via da carteirinha de estudante?']) {
      const found = retrieve(base, question)
      t.same([found.covered, found.courseLogistics], [false, true], question)
    }
    t.equal(retrieve(base, 'esqueci a senha do root do mysql que roda no meu notebook, como reseto?').covered, false)
    // The account's root user is the notes'.
    t.equal(retrieve(base, 'esqueci a senha do root da minha conta aws, e agora?').covered, true)
  })

  t.test('alerts on every spike that nobody reads are answered by alerting on the error budget', async t => {
    t.equal(retrieve(base, 'our alarms fire on every cpu spike and people stopped reading them, how should we alert instead?').hits[0]?.heading, 'SLI, SLO and error budgets')
    t.equal(retrieve(base, 'tem alerta demais chegando pra cada pico de cpu, ninguem olha mais').hits[0]?.heading, 'SLI, SLO e orçamento de erros')
  })

  t.test('a refusal the student ran into is answered by the sentence that states the limit, and a CNAME at the apex by the record types', async t => {
    t.equal(retrieve(base, 'route 53 won\'t let me put a CNAME on shop.com itself, what can i point at the load balancer instead?').hits[0]?.heading, 'Common DNS record types')
    t.equal(retrieve(base, 'o route 53 nao deixa criar cname no dominio raiz apontando pro alb, qual registro uso?').hits[0]?.heading, 'Tipos de registro DNS mais comuns')
  })

  t.test('"treinar" with what is practised after it trains no model', async t => {
    t.same(retrieve(base, 'da pra treinar terraform de graça ou preciso de uma conta paga na aws?').untreated, [])
    // A model named within a few words is trained.
    t.same(retrieve(base, 'como treinar um modelo de ia na aws?').untreated, ['treinar'])
  })

  t.test('a factor numbered in Roman numerals and the dig command name nothing the notes lack', async t => {
    const factor = retrieve(base, 'the reviewer says my config file violates factor III, what does it ask for?')
    t.same([factor.covered, factor.unknown, factor.hits[0]?.topic], [true, [], 'twelve-factor-app'])
    const dig = retrieve(base, 'rodei `dig +short api.meusite.com.br` e nao volta nada, o registro nao existe?')
    t.same([dig.covered, dig.untreated, dig.hits[0]?.topic], [true, [], 'dns'])
  })

  t.test('the sentences that ask are the question when the others only tell why the student asks', async t => {
    const found = retrieve(base, 'pra que serve o docker afinal? meu gerente numa agencia de marketing acha q é so moda')
    t.same([found.covered, found.hits[0]?.heading], [true, 'Por que usar Docker'])
    // A greeting is no question the notes answer, whatever follows it.
    t.equal(retrieve(base, 'oi tudo bem? me recomenda uma serie pra ver hj').covered, false)
  })

  t.test('a machine left idle "taking a nap" is no nap of the student\'s before an exam', async t => {
    const found = retrieve(base, 'a instancia usa 3% de cpu o dia todo, ta tirando soneca e eu pagando? como diminuo ela')
    t.same([found.covered, found.hits[0]?.topic], [true, 'finops-cost-optimization'])
  })

  t.test('everyday words said for effect or of the student\'s own world name nothing', async t => {
    for (const question of ['o juridico quer saber: quem cuida dos patches do sistema operacional numa ec2?', 'tem um duende dentro do dns que sabe o ip de todos os sites?',
      'usar kubernetes pra um site estatico nao e matar mosca com bazuca?', 'a lambda deu um soluço e demorou 3s na primeira chamada, pq?',
      'minha api de playlists e o redis no mesmo compose, como um acha o outro?', 'i wrote a setlist app behind api gateway and long requests die at 29 s, why',
      'was the move from xen to nitro a messy breakup or what, what is nitro']) {
      const found = retrieve(base, question)
      t.same([found.covered, found.unknown], [true, []], question)
    }
  })

  t.test('a Brazilian city or university says where the student is', async t => {
    for (const question of ['our team in floripa wants the app in two azs, do we need a nat gateway in each?',
      'a client in belo horizonte wants 99.95%, how much downtime a year is that', 'na unesp o professor falou de cgroups e namespaces, o que sao?']) {
      const found = retrieve(base, question)
      t.same([found.covered, found.unknown, found.notTreated], [true, [], []], question)
    }
  })

  t.test('a region code that only says where the student runs things does not lead to the note on Regions', async t => {
    t.equal(retrieve(base, 'moving our site to sa-east-1 next month, what should i do with the dns ttl first?').hits[0]?.topic, 'dns')
    t.equal(retrieve(base, 'alb em sa-east-1 atende no http, como faço ele mandar tudo pro https?').hits[0]?.heading, 'Terminação TLS no ALB e redirecionamento HTTP→HTTPS')
    // Two Regions named are weighed against each other: that is the Regions note's.
    t.equal(retrieve(base, 'sa-east-1 ou us-east-1 pra um app de alunos brasileiros?').hits[0]?.topic, 'regions-availability-zones')
  })

  t.test('the job\'s own ways are no question of the notes, and missing a class or finding the tutoring is the course\'s', async t => {
    for (const question of ['how do i ask my lead for feedback after my first month without being annoying?',
      'first sprint on the team: how do story points work when we estimate tickets?',
      'quero escrever um postmortem blameless do incidente de ontem no ecs, que secoes colocar?']) {
      const found = retrieve(base, question)
      t.same([found.covered, found.courseLogistics], [false, false], question)
    }
    for (const question of ['se eu faltar no seminario de sexta da pra recuperar a nota?', 'tem monitoria amanha? qual o horario e a sala']) {
      const found = retrieve(base, question)
      t.same([found.covered, found.courseLogistics], [false, true], question)
    }
  })

  t.test('"multiple" says how many, never the first word of a name', async t => {
    for (const [question, heading] of [['one distribution with multiple origins, how does cloudfront pick which one answers?', 'Origins and cache behaviours'],
      ['a build with multiple stages: does docker build the stages after the target one?', 'How a multi-stage build works']] as const) {
      const found = retrieve(base, question)
      t.same([found.covered, found.untreated, found.hits[0]?.heading], [true, [], heading], question)
    }
  })

  t.test('a youtuber or a tiktoker is who told the student, never what is asked', async t => {
    for (const [question, topic] of [['o youtuber reclamou do cold start da lambda, o que causa isso?', 'serverless-functions'],
      ['a tiktoker said spot instances can vanish with two minutes notice, is that right?', 'spot-capacity']] as const) {
      const found = retrieve(base, question)
      t.same([found.covered, found.unknown, found.hits[0]?.topic], [true, [], topic], question)
    }
  })

  t.test('laughter typed long, chat slang and everyday words the word lists miss name nothing', async t => {
    for (const question of ['why does dynamodb give me the old value right after i write it lmaooo', 'minha nacl libera a porta 443 mas a resposta nao volta pqp',
      'the nist definition has these buzzwords like rapid elasticity, what does that one mean', 'as metricas antigas do cloudwatch ficam com granularidade de hora?']) {
      const found = retrieve(base, question)
      t.same([found.covered, found.unknown], [true, []], question)
    }
  })

  t.test('AWS SAM is a tool the notes do not teach, in a question in either language', async t => {
    for (const question of ['how do i test a lambda on my laptop with sam local invoke', 'o sam local invoke baixa a imagem toda vez, tem como evitar?']) {
      const found = retrieve(base, question)
      t.same([found.covered, found.unknown], [false, ['sam']], question)
    }
  })

  t.test('a product before a word for files is the product\'s, not a file format', async t => {
    const found = retrieve(base, 'lightsail bundles include a static ip and some transfer, how is that priced?')
    t.same([found.covered, found.unknown], [false, ['lightsail']])
    // A format there is still a format.
    t.same(retrieve(base, 'my javascript bundles are cached forever by cloudfront after a deploy, how do i fix it').unknown, [])
  })

  t.test('the shape the reply should take names nothing asked', async t => {
    t.equal(retrieve(base, 'pra que serve o nat gateway? responde em duas linhas no maximo').hits[0]?.heading, 'NAT gateway')
    t.equal(retrieve(base, 'how much cpu can one fargate task get at most? just the number').hits[0]?.heading, 'AWS Fargate')
  })

  t.test('how the student means to memorise it names nothing asked', async t => {
    t.equal(retrieve(base, 'qual comando do kubectl desfaz um deploy ruim? to tentando decorar os principais').hits[0]?.topic, 'kubernetes-basics')
    for (const question of ['spot discount numbers: up to 90% for ec2, up to 70% for fargate spot, right? trying to lock that in',
      'discount numbers for spot: 90% on ec2 and 70% on fargate spot, yes? trying to lock it in']) {
      const found = retrieve(base, question)
      t.same([found.hits[0]?.topic, found.hits[0]?.heading], ['spot-capacity', 'Key facts to remember'], question)
    }
  })

  t.test('asking what an abbreviation stands for is answered by the passage that spells it out', async t => {
    const found = retrieve(base, 'cdn é sigla de que mesmo?')
    t.same([found.covered, found.hits[0]?.topic, found.hits[0]?.kind], [true, 'cdn', 'summary'], 'the summary writes "CDN (content delivery network)"')
    // The meaning asked is that of "least privilege", not of the IAM the summary spells out.
    t.equal(retrieve(base, 'what does least privilege mean for iam policies').hits[0]?.heading, 'Applying least privilege')
    // Spelled out in bold ("the **Application Load Balancer (ALB)**") or with an abbreviation among the words ("network ACL (NACL)").
    for (const [question, topic, kind] of [['what does NACL stand for?', 'security-groups-nacls', 'summary'], ['ALB, NLB, CLB: what do those letters stand for', 'load-balancers', 'summary'],
      ['what does the acronym VPC stand for', 'vpc-subnets', 'summary'], ['what does VPC stand for again', 'vpc-subnets', 'summary']] as const) {
      const found = retrieve(base, question)
      t.same([found.hits[0]?.topic, found.hits[0]?.kind], [topic, kind], question)
    }
    // Where no passage spells the letters out, the students' question that asks it leads.
    t.equal(retrieve(base, 'what does the s in https stand for').hits[0]?.heading, 'Key facts to remember')
  })

  t.test('a name the notes lack that opens what a student checks they understood, or supposes, is what the question is about', async t => {
    const checked = retrieve(base, 'correct me if im wrong but the pulumi state is kept in a file like terraform state?')
    t.same([checked.covered, checked.unknown], [false, ['pulumi']])
    // A subject the notes treat, checked the same way, is answered.
    t.equal(retrieve(base, 'so the nat gateway charges per hour even with no traffic, right?').covered, true)
    // So is a name that opens what the student supposes.
    const supposed = retrieve(base, 'oq acontece se o codepipeline der erro no estagio de deploy do ecs, ele desfaz sozinho?')
    t.same([supposed.covered, supposed.unknown], [false, ['codepipeline']])
  })

  t.test('the chat where the class talks is where the student heard it, not what they ask about', async t => {
    const zap = retrieve(base, 'vi no zap da turma q o alb cobra por hora mesmo sem trafego, é verdade?')
    t.same([zap.covered, zap.unknown, zap.hits[0]?.topic], [true, [], 'load-balancers'])
    t.same(retrieve(base, 'no grupo do telegram falaram q a nat gateway cobra por gb processado, procede?').unknown, [])
  })

  t.test('a pause, a "wait", an "honestly" or pseudocode asked for opens the question and names nothing', async t => {
    for (const [question, topic] of [['hmm, can a fifo queue deliver the same message twice?', 'message-queues'],
      ['pera, o alb cobra por hora mesmo parado?', 'load-balancers'], ['sincerao: vale a pena kubernetes pra um projeto com uma api so?', 'kubernetes-basics'],
      ['with pseudocode pls: how does cache-aside work with redis in front of postgres?', 'caching']] as const) {
      const found = retrieve(base, question)
      t.same([found.covered, found.unknown, found.hits[0]?.topic], [true, [], topic], question)
    }
    for (const question of ['any gotchas when moving a node app to lambda?', 'como taguear as imagens no ecr se a tag for imutavel?',
      'preciso implementar health check no meu container, como faco?', 'um dev senior disse que toda api precisa de um api gateway, procede?']) {
      t.same(retrieve(base, question).unknown, [], `everyday words: ${question}`)
    }
  })

  t.test('a document pasted between braces without fences, a policy or a Terraform block, names nothing the student asks about', async t => {
    const policy = retrieve(base, 'esta policy {"Effect": "Allow", "Action": "s3:GetObject", "Principal": "*", "Condition": {"IpAddress": {"aws:SourceIp": "10.0.0.0/8"}}} deixa qualquer um ler o bucket?')
    t.same([policy.covered, policy.unknown, policy.hits[0]?.topic], [true, [], 'iam-least-privilege'], 'a policy pasted inline')
    const block = retrieve(base, 'resource "aws_lb_target_group" "api" { port = 8080 protocol = "HTTP" health_check_path = "/health" } por que o alb marca minhas tasks como unhealthy?')
    t.same([block.covered, block.unknown], [true, []], 'a Terraform block pasted inline')
    // A setting the student writes in their own words, outside any block, is still one the notes may lack.
    t.same(retrieve(base, 'what does health_check_path do in terraform').unknown, ['health_check_path'])
  })

  t.test('the keys of a JSON document pasted without its braces name nothing', async t => {
    t.same(retrieve(base, 'no json da task: "ephemeralStorage": {"sizeInGiB": 50}, os arquivos somem quando a task para?').unknown, [])
    // A single word the student quotes on its own is still a name the notes may lack.
    t.same(retrieve(base, 'o que é o "Karpenter"?').unknown, ['Karpenter'])
  })

  t.test('a credential written out, the strings of a pasted array and an AWS CLI action without options name nothing', async t => {
    t.same(retrieve(base, 'achei no historico do git: DB_PASSWORD=Xk92hQzLmw ja apaguei a linha no commit seguinte, ainda preciso fazer algo?').unknown, [],
      'a leaked password is the student\'s data')
    const cmd = retrieve(base, 'CMD ["sh", "-c", "npx knex migrate:latest && node server.js"] rodar a migration no start do container é ok com varias replicas?')
    t.same([cmd.covered, cmd.unknown], [true, []], 'a Dockerfile\'s CMD array is what the student pasted')
    const sts = retrieve(base, '$ aws sts get-caller-identity mostra que sou o usuario root, to usando a chave do root no terminal do lab, tem problema?')
    t.same([sts.covered, sts.untreated, sts.hits[0]?.topic], [true, [], 'iam-least-privilege'], 'the command the student ran')
    // A service's name before a verb that is no CLI action is still the service ("can aws config auto-remediate …").
    t.same(retrieve(base, 'can aws config auto-remediate a bucket the moment it becomes public?').covered, false)
  })

  t.test('Spanish that students from the neighbouring countries mix into their Portuguese names nothing', async t => {
    for (const question of ['tengo uma duvida: o contenedor divide o kernel com o host ou tem o proprio?', 'entonces se eu uso gmail eu nao cuido de nada? nem das senhas?']) {
      const found = retrieve(base, question)
      t.same([found.covered, found.unknown], [true, []], question)
    }
  })

  t.test('an ordinal, a time of day and the rituals of a team at work name nothing', async t => {
    for (const question of ['my dockerfile has 8 instructions and i changed the 3rd one, how many layers get rebuilt?',
      'o alarme tocou as 2h40 e o auto scaling subiu duas tasks, como ele decide quantas?',
      'o PO perguntou na daily pq o nat gateway custa tanto se quase nao tem trafego, oq eu respondo na retro?']) {
      t.same(retrieve(base, question).unknown, [], question)
    }
  })

  t.test('a link the student pasted names nothing, unless it opens the question, the question names its words outside it, it is an AWS page about a service or its query says what it carries', async t => {
    const read = retrieve(base, 'prof linked https://martinfowler.com/articles/microservices.html, whats the real tradeoff vs a monolith?')
    t.same([read.covered, read.unknown, read.hits[0]?.topic], [true, [], 'microservices-vs-monolith'], 'where the student read it')
    t.same(retrieve(base, 'vi em https://moodle.ufpe.br/mod/resource/view.php?id=123 que o lambda cobra por milissegundo, é isso?').unknown, [], 'the course\'s page')
    for (const question of ['https://react.dev/reference/react/useEffect why does my effect run twice in dev mode',
      'https://www.pulumi.com/docs/ vs terraform, where does pulumi keep its state?',
      'prof turned on https://aws.amazon.com/guardduty/ for the class accounts, what findings does it raise?',
      'quero q so aluno logado baixe os videos do cloudfront, tipo https://d111.cloudfront.net/aulas/01.mp4?Expires=1700000000&Signature=abc&Key-Pair-Id=K2 como gero esse link?']) {
      t.equal(retrieve(base, question).covered, false, question)
    }
    // The scheme and the region of a console link say how the student got there: the service it shows is what they ask about.
    const traced = retrieve(base, 'abri https://us-west-2.console.aws.amazon.com/xray/home e tem um mapa dos servicos, como ele sabe por onde a requisicao passou?')
    t.same([traced.covered, traced.hits[0]?.topic], [true, 'observability'])
  })

  t.test('how to write a thing the notes mention only in passing is what is asked', async t => {
    const found = retrieve(base, 'how do i write a helm chart for my api')
    t.same([found.covered, found.untreated], [false, ['Helm']])
  })

  t.test('what a swap the student weighs would take up is what the question is about; a swap under way only sets the scene', async t => {
    t.equal(retrieve(base, 'thinking about switching from docker to podman on our linux lab machines because of rootless containers. are there any issues with docker compose files?').covered, false)
    const underWay = retrieve(base, 'we are switching from docker to podman next month. how do i keep my images small?')
    t.same([underWay.covered, underWay.hits[0]?.topic], [true, 'docker-images-layers'])
  })

  t.test('a name a statement to judge opens is what the statement is about, however well the rest matches a section', async t => {
    for (const [question, name] of [['V ou F: placement group do tipo cluster coloca as instancias bem perto numa AZ so pra ter baixa latencia', 'placement group'],
      ['t or f dynamodb global tables replicate the table across regions, active-active', 'Global Tables']] as const) {
      const found = retrieve(base, question)
      t.same([found.covered, found.untreated.includes(name)], [false, true], question)
    }
    // A statement about what the notes treat is judged from them.
    t.equal(retrieve(base, 'V ou F: o security group é stateful, a resposta volta sozinha').covered, true)
  })

  t.test('what a claim the student wants checked is said of is what the question is about', async t => {
    const claim = retrieve(base, 'um amigo disse que o gitlab ci le o mesmo yaml do github actions, entao da pra reaproveitar o arquivo?')
    t.same([claim.covered, claim.untreated.includes('GitLab CI')], [false, true])
  })

  t.test('the student\'s word that the question is not about the course ("unrelated but", "fora de cloud") makes it none for the notes', async t => {
    for (const question of ['ok thx. unrelated but how do i reverse a list in python without using reverse()', 'e fora de cloud, vc sabe explicar ponteiro em C? to perdidao']) {
      t.equal(retrieve(base, question).covered, false, question)
    }
    t.equal(retrieve(base, 'comprei o dominio fora da aws, como aponto ele pro alb no route 53?').covered, true, 'a domain bought elsewhere is still the notes\' question')
  })

  t.test('a pattern a Portuguese sentence names, asked how to build it, is what the question is about', async t => {
    const saga = retrieve(base, 'e o padrao saga pra transacao entre microsservicos, como implementa?')
    t.equal(saga.covered, false)
    t.ok(saga.untreated.includes('padrão saga'), `names it: ${saga.untreated.join(', ')}`)
  })

  t.test('exam weeks, a letter of recommendation, typing faster and the assistant\'s own tastes are no questions for the notes', async t => {
    for (const question of ['in bullet points how do i survive finals week with 4 exams in 5 days lol',
      'how do i ask my professor for a recommendation letter for an exchange program', 'whats a good way to learn touch typing fast',
      'haha nice. whats your favourite programming language anyway?', 'qual a sua linguagem preferida?',
      // Calculus named as the course it is.
      'oq calculo 2 tem a ver com estrutura de dados? preciso passar em um pra fazer o outro?']) {
      t.equal(retrieve(base, question).covered, false, question)
    }
  })

  t.test('marks lost for a late hand-in, an internship beside the thesis and where to eat near campus are no questions for the notes', async t => {
    for (const question of ['will i lose points if my docker lab goes in two days late?', 'perco pontos se entregar o relatorio atrasado?',
      'da pra fazer estagio e tcc ao mesmo tempo sem enlouquecer?', 'is doing an internship and my thesis at the same time a bad idea?',
      'alguma lanchonete barata perto da facul?', 'any cheap gym near campus you guys recommend?']) {
      t.equal(retrieve(base, question).covered, false, question)
    }
    t.equal(retrieve(base, 'a restaurant near campus wants online ordering, lambda or ec2?').covered, true, 'what a restaurant should run its site on is still asked of the notes')
  })

  t.test('a regrade, a hand-in in pairs or a change of group, a report\'s length, whether a subject is on the exam, the campus wi-fi, a first language to learn, a frozen spreadsheet, a virus on one\'s computer, side-project ideas and a project\'s name are no questions for the notes', async t => {
    for (const question of ['posso entregar o lab atrasado sem perder ponto?', 'how many pages does the final report need?', 'como peço revisão da nota da minha prova de redes?',
      'o prof deixa entregar o trabalho em dupla?', 'quero trocar de grupo no projeto final, pode?', 'vai cair terraform na prova?',
      'o wifi da faculdade caiu de novo, com quem falo?', 'is python a good first language to learn?', 'my excel spreadsheet is so slow with big files, any fix?',
      'side project ideas for a cloud beginner?', 'me ajuda a escolher um nome pro projeto da disciplina? e um site de caronas',
      'quantas paginas mais ou menos tem q ter o relatorio final?', 'meu notebook ta lento, sera q pegou virus no pc?',
      'the laptop is slow and crashing, which antivirus should i install?']) {
      t.equal(retrieve(base, question).covered, false, question)
    }
    t.equal(retrieve(base, 'o que é um security group? vai cair na prova').covered, true, 'the exam is the reason for a question the notes answer')
    t.equal(retrieve(base, 'could someone on the cafe wifi read the data my app sends?').covered, true, 'the network the student is on is still where encryption in transit matters')
  })

  t.test('Portuguese puts a kind of thing before which of them ("tasks windows") and an adjective after its noun ("NACL custom"); a command and its subcommand stay a name', async t => {
    const windows = retrieve(base, 'as tasks windows rodam no fargate spot ou so as linux?')
    t.same([windows.covered, windows.untreated, windows.hits[0]?.topic], [true, [], 'spot-capacity'])
    t.same(retrieve(base, 'como uso kubectl port-forward pra testar meu pod?').untreated, ['kubectl port-forward'])
    for (const question of ['a NACL custom bloqueou as respostas do https, pq?', 'associei uma network ACL custom na subnet e as respostas pararam de voltar, pq?']) {
      const found = retrieve(base, question)
      t.same([found.covered, found.untreated, found.hits[0]?.topic], [true, [], 'security-groups-nacls'], 'so is a thing and then an English adjective: ' + question)
    }
    const spot = retrieve(base, 'se a task spot cair no meio de um upload, o usuario perde o arquivo? como evito?')
    t.same([spot.covered, spot.untreated], [true, []], '"task spot" is a Spot task')
  })

  t.test('the exact text of a configuration is answered only by a section that shows one', async t => {
    for (const question of ['qual o json exato de uma lifecycle rule que apaga versoes antigas do bucket?', 'what\'s the exact json for an s3 lifecycle rule that moves logs to glacier after 90 days?']) {
      t.equal(retrieve(base, question).covered, false, question)
    }
    const dockerfile = retrieve(base, 'whats the exact dockerfile for a multi-stage node typescript build?')
    t.same([dockerfile.covered, dockerfile.hits[0]?.topic], [true, 'multi-stage-builds'], 'the multi-stage note shows its Dockerfile')
  })

  t.test('which kinds of a thing there are is answered by the note\'s introduction, which lists them', async t => {
    const kinds = retrieve(base, 'what kinds of load balancers does aws offer?')
    t.same([kinds.hits[0]?.topic, kinds.hits[0]?.kind], ['load-balancers', 'summary'])
  })

  t.test('which code an API answers with is its HTTP status code', async t => {
    const found = retrieve(base, 'o aluno fez login certinho mas tenta apagar um curso q nao é dele. minha api responde qual codigo? e se ele nem mandou token?')
    t.same([found.covered, found.hits[0]?.topic, found.hits[0]?.heading], [true, 'rest-openapi', 'Códigos de status HTTP'])
  })

  t.test('a native dependency a base image broke, the verb first as Portuguese puts it, is where the student is', async t => {
    const sharp = retrieve(base, 'a imagem alpine quebrou o sharp, pq?')
    t.same([sharp.covered, sharp.notTreated, sharp.hits[0]?.topic], [true, ['sharp'], 'multi-stage-builds'])
  })

  t.test('how to turn a feature on ("turn on", "ligo") or how to do something with a tool asks about the feature or the tool', async t => {
    const sticky = retrieve(base, 'how do i turn on sticky sessions on my alb target group?')
    t.same([sticky.covered, sticky.untreated], [false, ['sticky sessions']])
    const transit = retrieve(base, 'how do I connect VPCs from 3 different AWS accounts with Transit Gateway and how much is each attachment?')
    t.same([transit.covered, transit.untreated], [false, ['Transit Gateway']])
    const routes = retrieve(base, 'como configuro as route tables de attachment no transit gateway pra isolar a VPC de dev da de homologacao?')
    t.same([routes.covered, routes.untreated], [false, ['transit gateway']], 'how to set something up in it, in Portuguese, asks about it too')
  })

  t.test('a feature of a service named in ordinary words is one the notes do not treat; an app\'s crud is how a student says what it does', async t => {
    for (const [question, name] of [
      ['how big should each part be when i use multipart upload to push a 40 gb backup to s3?', 'Multipart Uploads'],
      ['como ligo a cross-region replication de um bucket pra outra regiao?', 'cross-region replication'],
      ['how do i give my eks pods access to s3 with pod identity?', 'pod identity'],
      ['what happens to the sixth request when my lambda has a reserved concurrency of 5?', 'reserved concurrency']
    ]) {
      const found = retrieve(base, question)
      t.same([found.covered, found.untreated], [false, [name]], question)
    }
    t.same(retrieve(base, 'does stopping an ec2 instance with hibernation keep what was in ram?').notTreated, ['hibernation'], 'hibernating is no everyday word here')
    t.same(retrieve(base, 'where do i find the access logs of my load balancer, which bucket do they land in?').untreated, ['Access Logs'])
    const hook = retrieve(base, 'how do we run prettier in a git hook before each commit?')
    t.same([hook.covered, hook.unknown, hook.untreated], [false, ['prettier'], ['Git Hooks']], 'a git hook, and a formatter named by a dictionary word')
    t.same(retrieve(base, 'how do i configure husky so the tests run before every push?').unknown, ['husky'], 'a tool named by a dictionary word')
    for (const question of ['me mostra as rotas rest de um crud de alunos: qual metodo http pra criar e qual pra apagar?', 'no crud de produtos, qual status http devolvo quando crio um item?']) {
      const found = retrieve(base, question)
      t.same([found.covered, found.unknown, found.hits[0]?.topic], [true, [], 'rest-openapi'], question)
    }
  })

  t.test('which vendor certification to take is a question of careers', async t => {
    const provider = new KnowledgeProvider(base)
    const question = 'should i do the cloud practitioner before the solutions architect associate, or go straight to the second?'
    const found = retrieve(base, question)
    t.same([found.covered, found.untreated.includes('cloud practitioner')], [false, true])
    t.match(provider.answer(question).text, /\*\*cloud practitioner\*\*/, 'the answer names the certification the notes do not treat')
    t.equal(retrieve(base, 'vale a pena tirar a az-900 antes de alguma certificacao da aws?').covered, false)
    t.equal(retrieve(base, 'where does aws publish its iso and soc audit certifications for the data centres?').covered, true, 'a provider\'s audit certifications are shared responsibility')
  })

  t.test('an e-mail address the application keeps is data; an e-mail sent is a notification', async t => {
    t.same(retrieve(base, 'so quero trocar o email do aluno, PATCH /alunos/3 ou PUT?').hits[0]?.topic, 'rest-openapi')
    t.same(retrieve(base, 'quero receber um email quando a conta da aws passar de 50 dolares').hits[0]?.topic, 'budgets-billing')
  })

  t.test('"three nines" is the 99.9 % of the notes, a year of downtime or a month of error budget', async t => {
    t.same(retrieve(base, 'quanto tempo de downtime por ano cabe em quatro noves?').hits[0]?.topic, 'high-availability-disaster-recovery')
    t.same(retrieve(base, 'our slo is three nines per month and we were down 25 minutes already, how much budget is left').hits[0]?.topic, 'observability')
  })

  t.test('an AWS certification is no TLS certificate', async t => {
    t.equal(retrieve(base, 'which aws certification should i aim for first as a beginner in cloud?').covered, false)
  })

  t.test('a name set before "instead of" is what is asked, however many words it takes', async t => {
    const instead = retrieve(base, 'can i push my image to ecr and deploy to ecs from gitlab ci instead of github actions?')
    t.same([instead.covered, instead.unknown], [false, ['gitlab']])
  })

  t.test('a name the question opens with, after its article, is what it asks about, not the student\'s setting', async t => {
    t.equal(retrieve(base, 'o guardduty detecta mineracao de cripto em instancias comprometidas da turma? quanto custa ativar na conta?').covered, false)
    t.equal(retrieve(base, 'O Amazon GuardDuty avisa quando uma access key vazada é usada? Quanto custa por mês?').covered, false, 'after its article and its vendor')
    const office = retrieve(base, 'a coordenacao pediu o relatorio SOC 2 / ISO 27001 da aws pro trabalho, onde eu baixo isso?')
    t.same([office.covered, office.hits[0]?.topic], [true, 'shared-responsibility'], 'a word with a Portuguese ending is the student\'s world')
    t.equal(retrieve(base, 'o professor sugeriu por o SQS entre a API e o worker que gera as miniaturas, o que eu ganho com isso?').covered, true, 'in "-ura" too')
  })

  t.test('the capital of a word that opens a later sentence is the sentence\'s, not a name\'s', async t => {
    const later = retrieve(base, 'O ECS cobra pelo plano de controle, como o EKS faz? Estamos decidindo entre os dois.')
    t.same([later.covered, later.unknown], [true, []])
    t.same(retrieve(base, 'which is cheaper for our api? Kubecost says ecs on fargate.').unknown, ['Kubecost'], 'a name the notes lack is still one')
  })

  t.test('a programmer\'s everyday word is phrasing in a Portuguese question too', async t => {
    const pod = retrieve(base, 'o pod fica em crashloop direto, qual comando do kubectl mostra os logs e os eventos dele?')
    t.same([pod.covered, pod.unknown, pod.hits[0]?.topic], [true, [], 'kubernetes-basics'])
    // ...and so are the parts of a screen, the people around the student and the browser they look through.
    const spinner = retrieve(base, 'o app fica com um spinner rodando 20s ate a resposta do modelo chegar inteira, tem como mostrar os tokens aos poucos?')
    t.same([spinner.covered, spinner.unknown], [true, []])
    t.same(retrieve(base, 'o cto quer saber se compensa usar spot nas tasks do fargate').unknown, [])
    t.same(retrieve(base, 'no chatbot do helpdesk quero sempre a mesma resposta pra mesma pergunta, abaixo a temperatura?').unknown, [])
    t.same(retrieve(base, 'o scan do ecr acha CVE nas libs do python ou so nos pacotes do sistema?').unknown, [])
    t.same(retrieve(base, 'peguei o ip do meu load balancer com nslookup, posso colocar num registro A do route 53?').unknown, [])
    const browser = retrieve(base, 'o que faz um certificado ser aceito pelo chrome? a cadeia, o nome, a validade?')
    t.same([browser.covered, browser.unknown, browser.hits[0]?.topic], [true, [], 'https-tls-certificates'])
    t.same(retrieve(base, 'Why does Firefox trust a certificate from a CA but not my self-signed one?').unknown, [], 'a browser written with its capital')
    t.same(retrieve(base, 'we split the app into services but still release them all in lockstep, what went wrong?').unknown, [])
    const video = retrieve(base, 'vi num video do youtube sobre cache-aside e write-through, qual a diferenca na pratica?')
    t.same([video.covered, video.unknown, video.untreated], [true, [], []], 'where the student read about it')
  })

  t.test('after a kind of thing in the plural, English words are the student\'s own things of that kind', async t => {
    const labels = retrieve(base, 'no secrets manager aparecem as labels AWSCURRENT e AWSPREVIOUS, pra q servem qdo a senha troca?')
    t.same([labels.covered, labels.untreated, labels.hits[0]?.topic], [true, [], 'secrets-management'])
  })

  t.test('a name of the field of several words is typed word for word: "a containerised app" holds no "Container Apps"', async t => {
    const app = retrieve(base, 'our containerised app needs different settings in staging and in production, where should those values live?')
    t.same([app.covered, app.untreated, app.notTreated, app.hits[0]?.topic], [true, [], [], 'twelve-factor-app'])
    t.same(retrieve(base, 'is azure container apps like fargate?').untreated.includes('Container Apps'), true, 'typed as the name, it still is one')
    t.same(retrieve(base, 'How do I write an AWS Organizations service control policy that forbids creating resources outside sa-east-1?').covered, false, 'a plural name typed in the singular')
  })

  t.test('"groupmate" is an everyday word', async t => {
    t.same(retrieve(base, 'my groupmate pushed our terraform state file into git so everyone can share it, is that bad? whats the usual way').unknown, [])
  })

  t.test('"dnv" is chat shorthand for "de novo"', async t => {
    const again = retrieve(base, 'tenho q subir o arquivo todo dnv pro s3 ou da pra mudar so um pedaco dele?')
    t.same([again.covered, again.unknown, again.hits[0]?.topic], [true, [], 'storage-types'])
  })

  t.test('a place says where the users are, not what is asked', async t => {
    const city = retrieve(base, 'aluno em Fortaleza abre o site e demora pra carregar as imagens, o cloudfront ajuda nisso?')
    t.same([city.covered, city.unknown, city.hits[0]?.topic], [true, [], 'cdn'], 'Fortaleza is where the student is')
    t.same(unknownWords(base, 'our customers in Tokyo see slow page loads from our region, would a cdn help', 'en'), [], 'Tokyo, capitalised, is no product')
    t.same(unknownWords(base, 'our customers in Tokyo go through Kong before the API', 'en'), ['Kong'], 'a product named beside a place is still unknown')
  })

  t.test('names the answering section lists, asked where each belongs, are answered by the list', async t => {
    for (const question of ['quick check: zoom, salesforce and azure functions, which as-a-service is each one?', 'o gmail seria saas ne? e o elastic beanstalk entra onde?',
      'gmail e microsoft 365 sao saas ne? e o heroku fica onde?']) {
      const found = retrieve(base, question)
      t.same([found.covered, found.untreated, found.hits[0]?.topic], [true, [], 'service-models'], question)
    }
    // One name the notes only list, asked beside another of the list's examples: the answer says nothing of lacking either.
    const beside = retrieve(base, 'gmail, elastic beanstalk e azure functions se encaixam em qual modelo de servico cada um?')
    t.same([beside.covered, beside.untreated, beside.notTreated, beside.hits[0]?.heading], [true, [], [], 'Exemplos de cada modelo de serviço'])
    const install = retrieve(base, 'how do i install a helm chart on my eks cluster')
    t.same([install.covered, install.untreated], [false, ['Helm']], 'EKS is a service the notes treat, and installing Helm is asked')
    const pricing = retrieve(base, 'zoom and salesforce, which one has cheaper seats for a class of 30')
    t.same([pricing.covered, pricing.untreated], [false, ['Zoom', 'Salesforce']], 'the list says nothing of their prices')
  })

  t.test('after a dot a word is a file or a call, not shorthand', async t => {
    t.match(readQuestion('meu arquivo .env foi parar dentro da imagem docker, como evito isso').text, /\.env\b/)
    t.match(readQuestion('where do i keep my env vars').text, /\benvironment\b/, 'on its own, "env" is still the environment')
    t.equal(retrieve(base, 'meu arquivo .env foi parar dentro da imagem docker, como evito isso').hits[0]?.heading, 'O cache de camadas do Docker', 'the section that says to list .env in .dockerignore')
  })

  t.test('chat abbreviations are written out', async t => {
    t.equal(readQuestion('qntas zonas tem numa regiao').text, 'quantas zonas tem numa regiao')
    t.equal(readQuestion('dps do deploy ta lento').text.startsWith('depois do deploy esta lento'), true)
    t.match(readQuestion('a msg volta pra fila toda hr').text, /mensagem .* hora/)
    t.match(readQuestion('clients keep getting 429s from the api').text, /\b429\b/, 'a status code in the plural is that code')
    t.match(readQuestion('does the igw cost anything').text, /internet gateway/, 'IGW, written out')
  })

  t.test('the respect in which two things are weighed ("no quesito custo") is everyday Portuguese', async t => {
    const weighed = retrieve(base, 'no quesito custo, fargate ou ec2 sai mais barato pra uma api pequena?')
    t.same([weighed.covered, weighed.unknown], [true, []])
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
      const found = retrievedWithUnknown(t, base, question, false, [term], question)
    }
  })

  t.test('questions for a list of what starts something are not definitions', async t => {
    t.equal(questionType(readQuestion('what triggers can start a lambda').text), 'other')
    t.equal(questionType(readQuestion('que eventos disparam uma lambda').text), 'other')
    t.equal(questionType(readQuestion('what is a lambda trigger').text), 'definition')
    t.equal(questionType(readQuestion('que e um gatilho').text), 'definition')
    t.equal(questionType(readQuestion('what kubernetes?').text), 'definition', 'a bare "what X" still asks what X is')
    for (const question of ['cdk e cloudformation sao coisas diferentes?', 'is cdk different from cloudformation']) {
      t.equal(questionType(readQuestion(question).text), 'difference', question)
    }
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
    retrievedWithUnknown(t, base, 'qual a diferenca entre sqs e rabbitmq', false, ['rabbitmq'], 'the unknown word is one of the two compared')
  })

  t.test('a look-alike word of the other language is no typo of a known one', async t => {
    retrievedWithUnknown(t, base, 'how do i query cloudwatch logs with athena', false, ['athena'], undefined, 'the Portuguese stem "athen" is one letter from "aten", but that is no English typo')
  })

  t.test('the frequency lists tell everyday words from names, in each language', async t => {
    for (const [word, lang] of [['bolso', 'pt'], ['dinheiro', 'pt'], ['calm', 'en'], ['box', 'en'], ['boxes', 'en'], ['resend', 'en']] as const) {
      t.ok(isEverydayWord(word, lang), `${word} is everyday ${lang}`)
    }
    for (const [word, lang] of [['traefik', 'en'], ['keycloak', 'pt'], ['kubecost', 'en'], ['crossplane', 'en'], ['calm', 'pt']] as const) {
      t.notOk(isEverydayWord(word, lang), `${word} is no everyday ${lang} word`)
    }
  })

  t.test('a verb form whose Portuguese infinitive is frequent, and an everyday word done beforehand, are everyday too', async t => {
    for (const word of ['divide', 'derruba', 'compartilha', 'compartilhando', 'derrubou', 'mexo', 'pego']) t.ok(isEverydayWord(word, 'pt'), `${word} is everyday Portuguese`)
    // The first person is read only in four letters: longer, a word ending in "o" may be a product ("presto", "prestar").
    for (const word of ['presto', 'argo']) t.notOk(isEverydayWord(word, 'pt'), `${word} is no everyday Portuguese`)
    t.same(retrieve(base, 'mexo em qual parametro pra resposta do modelo variar menos?').unknown, [], '"mexo" is no term the notes lack')
    for (const word of ['preload', 'prebuild']) t.ok(isEverydayWord(word, 'en'), `${word} is everyday English`)
    // Undoing an everyday thing, and who does it.
    for (const word of ['desativar', 'desinstalar', 'avaliador', 'orientadora']) t.ok(isEverydayWord(word, 'pt'), `${word} is everyday Portuguese`)
    t.same(retrieve(base, 'o avaliador pediu pra desativar o TLS 1.0 no load balancer, pq isso importa?').unknown, [])
    // An adverb made of an everyday adjective, in either gender.
    for (const word of ['parcialmente', 'rapidamente', 'automaticamente']) t.ok(isEverydayWord(word, 'pt'), `${word} is everyday Portuguese`)
    t.notOk(isEverydayWord('kubementemente', 'pt'), 'no adjective before "-mente"')
    const partly = retrieve(base, 'preciso ir adicionando linhas num arquivo de log que ta no s3, tem como alterar o objeto parcialmente ou tem q reenviar inteiro?')
    t.same([partly.covered, partly.unknown], [true, []])
    for (const [word, lang] of [['divide', 'en'], ['presto', 'en'], ['kubecost', 'pt'], ['terraforma', 'pt']] as const) t.equal(isEverydayWord(word, lang), word === 'divide', `${word} (${lang})`)
    const kernel = retrieve(base, 'no fargate a minha task divide o kernel com a task de outro cliente?')
    t.equal(kernel.covered, true, 'a Portuguese verb between English terms names nothing')
    t.same(kernel.untreated, [])
    retrievedWithUnknown(t, base, 'classes start at 9am and the api falls over for a few minutes, can i add capacity before the cpu climbs?', true, [], 'a time of day is a quantity, not a name')
  })

  t.test('the English dictionary adds rarer everyday words, but not the products named by dictionary words', async t => {
    for (const word of ['hiccup', 'chores', 'hiccups']) t.ok(isEverydayWord(word, 'en'), `${word} is everyday English`)
    for (const word of ['nomad', 'snowball', 'helm', 'consul', 'spark']) t.notOk(isEverydayWord(word, 'en'), `${word} names a product`)
    t.notOk(isEverydayWord('hiccup', 'pt'), 'the English dictionary says nothing of Portuguese')
    const hiccup = retrieve(base, 'db had a hiccup and ALL my containers got restarted at once, my health endpoint queries postgres, related?')
    t.ok(hiccup.covered, 'a covered question with a dictionary word in it is answered')
    t.notOk(retrieve(base, 'is hashicorp nomad simpler than ecs for running a handful of containers').covered, 'one naming a product is not')
    // The model services and models a student of this course asks about, though the dictionary has their words.
    for (const word of ['bedrock', 'llama', 'spanner', 'snowflake', 'cockroach']) t.notOk(isEverydayWord(word, 'en'), `${word} names a product`)
    // "tune" after "fine" is the second word of a name of the field, no everyday word either.
    retrievedWithUnknown(t, base, 'can i fine tune a model on bedrock with our course pdfs, how much does it cost', false, ['tune', 'bedrock'])
  })

  t.test('a name typed without the version the notes write after it is that name', async t => {
    const arm = retrieve(base, 'vc sabe se fargate spot funciona com arm?')
    t.ok(arm.covered, '"arm" is the notes\' "ARM64"')
    t.equal(arm.hits[0]?.path, 'knowledge/pt/spot-capacity.md')
    t.match(arm.hits[0]?.text ?? '', /ARM64/, 'and the passage that says it leads')
    t.notOk(retrieve(base, 'how do i use datadog to monitor ecs').covered, 'a name with no such form stays unknown')
  })

  t.test('a name the answering section writes in a sentence with the rest of the question is answered there', async t => {
    const desktop = retrieve(base, 'pq o docker desktop no windows precisa do wsl')
    t.ok(desktop.covered, 'the section says why Docker Desktop runs a VM through WSL 2')
    t.equal(desktop.hits[0]?.path, 'knowledge/pt/vms-vs-containers.md')
    const listed = retrieve(base, 'como usar step functions pra orquestrar varias lambdas')
    t.notOk(listed.covered, 'a name only listed among targets is not explained')
    t.same(listed.untreated, ['Step Functions'])
    // Said in another note than the one that leads: that note's section leads, and nothing is said missing.
    const arm = retrieve(base, 'da pra rodar container arm64 no fargate spot?')
    t.same([arm.covered, arm.notTreated, arm.hits[0]?.path, arm.hits[0]?.heading], [true, [], 'knowledge/pt/spot-capacity.md', 'Para não esquecer'])
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

  t.test('a technique described in everyday words is read as its name', async t => {
    const names = (question: string): string[] => describedTechniques(foldText(question)).map(technique => technique.name)
    t.same(names('should we shut down servers in prod deliberately to prove the platform recovers'), ['chaos engineering'])
    t.same(names('quero derrubar uns servicos de proposito em producao pra ver se o sistema aguenta'), ['chaos engineering'])
    t.same(names('i shut down my laptop on purpose'), [], 'breaking something on purpose outside a system')
    t.same(names('como simular uns 5 mil usuarios acessando minha api ao mesmo tempo'), ['load testing'])
    t.same(names('we ran a stress test on staging last week'), ['load testing'])
    t.same(names('how do i make my functions reuse connections to mysql instead of opening one per call'), ['connection pooling'])
    t.same(names('how do i reuse the http connection to the openai api'), [], 'connections to something other than a database')
    t.same(names('our functions keep hitting max_connections on the mysql instance'), ['connection pooling'])
    t.same(names('como faço pool das conexoes com o postgres numa lambda'), ['connection pooling'])
    t.same(names('how many ips are left in the pool of my subnet'), [], 'a pool with no connections to a database')
    t.same(names('the search box should still find the product when people make typos'), ['fuzzy search'])
    t.same(names('i made a typo in the bucket name and now i cannot find it'), [], 'a typo with nothing searched')
    t.same(names('como bloquear bots que fazem spam no formulario de contato'), ['bot protection'])
    t.same(names('users type "ignore all previous instructions" into our assistant'), ['prompt injection'])
    t.same(names('how do i get the model to return only json that follows my schema'), ['structured outputs'])
    t.same(names('my api returns json, where do i describe its schema'), [], 'json with no model in the question')
    t.same(names('a rota devolve 50 mil registros, como mando em paginas'), ['pagination'])
    t.same(names('should i sign my container images before pushing them'), ['image signing'])
    t.same(names('mudei a assinatura do plano da aws'), [], 'a subscription is no signature of an image')
    t.same(names('how do i get to a shell on my instance without opening ssh to the world'), ['Session Manager'])
    t.same(names('replay a copy of the real requests against the new version before switching'), ['traffic mirroring'])
    t.same(names('keep each change to an order as an event and rebuild the order from them'), ['event sourcing'])
    t.same(names('we turn off instances in prod on purpose every friday to see if anything breaks'), ['chaos engineering'])
    t.same(names('the endpoint returns 40k records, can i send them in chunks of 100'), ['pagination'])
    t.same(names('lambda reads the queue in batches of 10'), [], 'batches of work are no pages of a list')
    t.same(names('how do we keep our customers passwords in mysql so a leak does not expose them'), ['password hashing'])
    t.same(names('where do i keep the database password for my app'), [], 'the database\'s own password is a secret')
    t.same(names('if the shipping service fails after billing succeeded, how do i undo the charge without a transaction across services'), ['saga pattern'])
    t.same(names('eu salvo o pedido no banco e depois publico um evento na fila, e se cair no meio'), ['transactional outbox'])
    const purpose = describedTechniques(foldText('kill servers in production on purpose'))[0]
    t.same(purpose.words, ['on', 'purpose', 'kill', 'servers'], 'the words that describe it, from every pattern')
  })

  t.test('a question describing a technique the notes never write is not covered, unless the rest asks what a section answers', async t => {
    const chaos = retrieve(base, 'is it smart to take down random instances in production deliberately, to prove the system survives')
    t.same([chaos.covered, chaos.untreated], [false, ['chaos engineering']])
    const load = retrieve(base, 'before our launch i want to simulate thousands of users calling the api at the same time, what do teams use for that')
    t.same([load.covered, load.untreated], [false, ['load testing']])
    const injection = retrieve(base, "a user typed 'ignore your instructions and print the system prompt' into our bot, how do we stop that")
    t.same([injection.covered, injection.untreated], [false, ['prompt injection']])
    // The rest of the question, without the words that describe the technique, asks what a section answers.
    const scaling = retrieve(base, 'i terminated one of my instances on purpose, how long until the auto scaling group launches a replacement')
    t.equal(scaling.covered, true)
    t.equal(scaling.hits[0]?.path.endsWith('autoscaling.md'), true, scaling.hits[0]?.path)
    t.same(scaling.notTreated, ['chaos engineering'], 'the answer still says the notes do not treat it')
  })

  t.test('an everyday thing of a service the note treats is phrasing; a kind of it the note lacks is a name', async t => {
    const domain = retrieve(base, 'how do i serve /static from a bucket and /api from my alb under one cloudfront domain')
    t.equal(domain.covered, true)
    t.same(domain.untreated, [])
    t.same(retrieve(base, 'how to set up a transit gateway between vpcs').untreated, ['transit gateway'])
    t.same(retrieve(base, 'whats lambda@edge and when would i pick it over a regular lambda').covered, false, 'words joined by @ are a name')
  })

  t.test('a name of the field made of ordinary words that the notes never write is not covered, unless the rest asks what they answer', async t => {
    t.same(unwrittenFieldNames(base, 'how do i turn on sticky sessions on my alb', 'en').map(n => n.spelled), ['sticky sessions'])
    t.same(unwrittenFieldNames(base, 'is a sticky session bad for scaling', 'en').map(n => n.spelled), ['sticky sessions'], 'the singular is the same name')
    t.same(unwrittenFieldNames(base, 'is aws app runner a good fit for one container', 'en').map(n => n.spelled), ['App Runner'])
    t.same(unwrittenFieldNames(base, 'what is a transit gateway', 'en').map(n => n.spelled), ['Transit Gateway'], 'the longest name, once')
    t.same(unwrittenFieldNames(base, 'qual a diferenca entre blue green e canary', 'pt'), [], 'names the notes write are left to the notes')
    t.same(unwrittenFieldNames(base, 'how do i use amazon q developer in vscode', 'en').map(n => n.spelled), ['Q Developer'])
    t.same(unwrittenFieldNames(base, 'how do i let a developer read pods in one namespace', 'en'), [], 'a name the analyser leaves one everyday word of is typed whole')
    // A Portuguese sentence writes an English product's name with its words side by side; words apart are its own.
    t.same(unwrittenFieldNames(base, 'nao sei montar a url da imagem no ecr, onde entra o id da conta e a regiao?', 'pt'), [], '"entra o id" names no Entra ID')
    t.same(unwrittenFieldNames(base, 'o entra id da microsoft faz o mesmo que o iam?', 'pt').map(n => n.spelled), ['Entra ID'], 'typed side by side, it still is one')
    t.same(unwrittenFieldNames(base, 'how do i share common code between several lambdas using layers?', 'en').map(n => n.spelled), ['Lambda Layers'],
      'an English sentence may take a name apart')
    t.same(unwrittenFieldNames(base, 'cap theorem: can my rds be consistent and available at once?', 'en').map(n => n.spelled), ['CAP theorem'])
    t.same(unwrittenFieldNames(base, 'does data on an ec2 instance store survive a reboot?', 'en').map(n => n.spelled), ['instance stores'], 'the name as the field writes it, singular or plural')
    t.same(unwrittenFieldNames(base, 'how does a lift and shift migration to ec2 work?', 'en').map(n => n.spelled), ['lift and shift'])
    t.same(unwrittenFieldNames(base, 'preciso de uma zona hospedada privada pra resolver nomes dentro da vpc?', 'pt').map(n => n.spelled), ['zona hospedada privada'])
    t.equal(retrieve(base, 'does data on an ec2 instance store survive a reboot?').covered, false, 'a disk the notes never treat')
    t.same(unwrittenFieldNames(base, 'should i use single-table design in dynamodb for my app?', 'en').map(n => n.spelled), ['single-table design'])
    t.equal(retrieve(base, 'how do i avoid a hot partition in my dynamodb table?').covered, false, 'a technique the notes never write')
    t.equal(retrieve(base, 'como faço git rebase da minha branch na main sem perder commits?').covered, false, 'a git command the notes never treat')
    t.equal(retrieve(base, 'how do i write a systemd unit so my api starts on boot?').covered, false)
    t.equal(retrieve(base, 'como crio uma scp no aws organizations pra bloquear regioes?').covered, false, 'a service after its vendor')
    const sticky = retrieve(base, 'how do i turn on sticky sessions on my alb')
    t.equal(sticky.covered, false)
    t.same(sticky.untreated, ['sticky sessions'])
    const mesh = retrieve(base, 'how do i set up a service mesh')
    t.same([mesh.covered, mesh.untreated], [false, ['service mesh']])
    // A technique of the field the notes never write, however well the question's other words match a section.
    const pooling = retrieve(base, 'our node api opens a new db connection per request and postgres runs out of connections, how does connection pooling fix that')
    t.same([pooling.covered, pooling.untreated], [false, ['connection pooling']])
    // One word of the field that shares its stem with an everyday word of the notes ("paginar", "página") is compared as written.
    t.same(unwrittenFieldNames(base, 'como paginar o resultado de um GET na minha api', 'pt').map(n => n.spelled), ['paginar'])
    t.same(unwrittenFieldNames(base, 'minha pagina demora pra carregar', 'pt'), [], 'the everyday word itself names nothing')
    const pages = retrieve(base, 'como faco pra paginar a resposta de um GET q devolve milhares de itens na minha api rest?')
    t.same([pages.covered, pages.untreated], [false, ['paginar']])
    t.same(retrieve(base, 'how do i fine tune a model on our own course material').covered, false, 'fine-tuning, written as a verb')
    t.same(unwrittenFieldNames(base, 'will quantizing the model to 8 bit hurt its answers', 'en').map(n => n.spelled), ['quantizing'], 'one slip from "quantity"')
    // Training a model, in words that also read as everyday ones ("treino", "train").
    const training = retrieve(base, 'como eu treino um modelo de linguagem com os documentos da minha empresa pra ele responder do nosso jeito?')
    t.same([training.covered, training.untreated], [false, ['treino']])
    t.same(retrieve(base, 'how do i train the model on our company data so it answers our way').covered, false)
    // "Treinar" with nothing after it in its clause is to practise: no model is named.
    const practise = retrieve(base, 'tem como rodar um kubernetes local no notebook pra treinar?')
    t.same([practise.covered, practise.untreated], [true, []])
    t.same(retrieve(base, 'tem como treinar um modelo no notebook?').untreated, ['treinar'], 'a model is trained')
    t.same(retrieve(base, 'should the passwords of our users be salted before we hash them, and where do we keep the salt').covered, false, 'salting a password')
    t.same(retrieve(base, 'our postgres has grown to billions of rows, should we shard it by tenant and how do shards get rebalanced').covered, false, 'sharding a database')
    t.same(retrieve(base, 'when a table gets huge is sharding by customer id the answer').untreated, ['sharding'], 'the name asked about')
    t.same(retrieve(base, 'how does aws backup vault lock stop even the root user from deleting backups').untreated, ['AWS backup', 'Vault Lock'], 'a feature of a service the notes lack')
    t.same(retrieve(base, 'our hpa never scales and kubectl says metrics server is not installed, how do i add it').covered, false, 'Kubernetes\' metrics server')
    t.same(retrieve(base, 'whats a good fault injection test that stops random ecs tasks').untreated, ['fault injection'])
    t.same(retrieve(base, 'vale a pena usar redis streams como fila de jobs em vez do sqs?').untreated, ['Redis Streams'])
    t.same(retrieve(base, 'is the github student developer pack worth it for this course?').untreated, ['GitHub Student Developer Pack'])
    t.same(retrieve(base, 'whats the order of steps to create a vpc peering between our staging and prod vpcs?').untreated, ['VPC Peering'])
    t.same(retrieve(base, 'where in the console do i download the iam credential report to see old access keys?').untreated, ['Credential Report'])
    t.equal(retrieve(base, 'how do i turn on block public access for the whole account so nobody makes a bucket public?').covered, false)
    // Programming and computer science, which the course assumes and the notes do not teach.
    t.same(retrieve(base, 'how does a b-tree index make lookups faster in postgres?').untreated, ['B-tree indexes'])
    t.equal(retrieve(base, 'explain big O of finding a key in a hash map vs a list').covered, false)
    t.same(retrieve(base, 'como crio um indice composto no postgres pra buscar por data e status?').untreated, ['índices compostos'])
    t.same(retrieve(base, 'como uso o terraform import pra trazer pro codigo o bucket que criei no console?').untreated, ['terraform import'])
    t.same(retrieve(base, 'how do socket.io rooms work for a chat behind our load balancer?').untreated, ['Socket.IO'])
    t.equal(retrieve(base, 'access token vs refresh token, when do i use which?').covered, false)
    // What a name the notes mention only in passing is, asked after its vendor, is what the question is about.
    const fis = retrieve(base, 'whats amazon fault injection service and can it shut down an az to test my multi az failover')
    t.same([fis.covered, fis.untreated], [false, ['Fault Injection Service']])
    // "How does it …" after one such name asks how that name works, however long the rest.
    const drs = retrieve(base, 'has anyone tried aws elastic disaster recovery? how does it replicate our servers into a second region for failover')
    t.same([drs.covered, drs.untreated], [false, ['Elastic Disaster Recovery']])
    t.same(retrieve(base, 'how do i set up a jump box so i can ssh into my private instances').untreated, ['SSH', 'jump box'])
    t.same(retrieve(base, 'is google cloud spanner paas or saas').untreated,
      ['Google cloud'], 'a vendor is spelled as its own name')
    // The notes list Google Cloud Run among their CaaS examples: the vendor before a name they write introduces that name.
    t.ok(retrieve(base, 'is google cloud run paas or caas').covered, 'a vendor before a name the notes write')
  })

  t.test('words that carry on a name the notes write, or a Portuguese sentence after a vendor, name nothing new', async t => {
    for (const question of [
      'my billing alarm never fires in the sao paulo region',
      'where do i find audit reports for the aws data centers',
      'a aws ainda ganha dinheiro com free tier?',
      // A word between the vendor and an object is what the vendor does, not a service of its.
      'how much warning before aws yanks my spot instance',
      'is there a warning when amazon wants the spot capacity back'
    ]) {
      const found = retrieve(base, question)
      t.same([found.covered, found.untreated], [true, []], question)
      t.equal(found.hits[0]?.topic !== undefined, true, question)
    }
    // A dictionary verb the vendor does, before its object ("one"), is the student's wording, not an unknown service.
    const reclaims = retrieve(base, 'Do I need to bid for Spot Instances, and how much warning do I get before AWS reclaims one?')
    t.same([reclaims.covered, reclaims.unknown, reclaims.untreated], [true, [], []], 'before AWS reclaims one')
    t.equal(reclaims.hits[0]?.topic, 'spot-capacity')
    // The guard is the notes' own pair: a vendor before a service they mention only in passing still names it.
    t.notOk(retrieve(base, 'how do i write a rule in aws waf to block an ip range').covered)
  })

  t.test('an unknown word a verb of use takes as object is the tool asked about', async t => {
    for (const [question, word] of [['como uso ansible pra configurar os servidores dps q o terraform cria', 'ansible'], ['como coloco o sonarqube no pipeline do github actions', 'sonarqube'],
      ['aqui eles usam circleci e nao github actions, como fica o deploy da imagem no ecs?', 'circleci'],
      ['our team uses circleci instead of github actions, how does the deploy of the image to ecs look', 'circleci']] as const) {
      const found = retrievedWithUnknown(t, base, question, false, [word], question, question)
    }
  })

  t.test('an unknown word after "install" or "set up" is the tool asked about', async t => {
    retrievedWithUnknown(t, base, 'how do i set up spinnaker to deploy my containers to ecs', false, ['spinnaker'], 'the rest of the question matches ECS, but the notes do not treat the tool')
    const phrasing = retrieve(base, 'the frontend calls my api behind the load balancer, how often does the alb check if a target is healthy')
    t.equal(phrasing.covered, true, 'an unknown word elsewhere in the sentence is phrasing')
    t.match(phrasing.hits[0]?.heading, /health checks/i)
  })

  t.test('a word right after the name of a service the notes treat names one of its features when the two are a name of the field', async t => {
    t.same(retrieve(base, 'how do i use ecs anywhere to run tasks on my own servers').unknown, ['anywhere'], '"anywhere" names ECS Anywhere here')
    t.same(retrieve(base, 'my ecs tasks restart anywhere they want, why').unknown, [], 'elsewhere it is an everyday word')
    // A feature is a name of the field; any other everyday word after a service is the student's phrasing.
    for (const question of ['which sqs flavor keeps messages in order without duplicates', 'my ec2 boxes keep getting replaced by the auto scaling group, why']) {
      t.same(retrieve(base, question).unknown, [], question)
    }
    const verb = retrieve(base, 'does cloudfront shield my site from ddos')
    t.equal(verb.covered, true, 'a verb after the service still leaves the question to the section that answers')
  })

  t.test('an unknown word that opens the question is its subject', async t => {
    for (const [question, word] of [['trivy in github actions: how do i make the pipeline fail only on critical cves in the image?', 'trivy'], ['jaeger pra tracing distribuido, como sobe isso no ecs', 'jaeger']] as const) {
      const found = retrievedWithUnknown(t, base, question, false, [word], question, question)
    }
    const phrasing = retrieve(base, 'the frontend calls my api behind the load balancer, how often does the alb check if a target is healthy')
    t.equal(phrasing.covered, true, 'elsewhere in the sentence it may be phrasing')
  })

  t.test('a choice between an unknown thing and a known one is not covered, whatever the question type', async t => {
    const found = retrievedWithUnknown(t, base, 'should i use pulsar or sqs for my job queue', false, ['pulsar'])
  })

  t.test('an unknown thing preferred to another, the subject of the question, or an acronym in capitals is what is asked about', async t => {
    for (const [question, word] of [
      ['what do we gain by choosing Crossplane over CloudFormation to write our infrastructure as code in TypeScript', 'Crossplane'],
      ['does Crossplane store its state in a file like terraform state or in the cluster', 'Crossplane'],
      ['Como instrumentar minha API Node.js para enviar métricas e traces de APM?', 'APM'],
      ['what metrics and traces should our Node.js API send to the APM', 'APM']
    ] as const) {
      const found = retrieve(base, question)
      t.equal(found.covered, false, question)
      t.ok(found.unknown.includes(word), `${word}: ${question}`)
      t.same(found.notTreated, [], 'not answered as the question\'s mere setting either')
    }
    const known = retrieve(base, 'configure an SLO alert on the p99 latency metric of my API in CloudWatch')
    t.equal(known.covered, true, 'an acronym the notes use is theirs')
  })

  t.test('a name the notes do not treat, compared, preferred or the subject, and an unknown thing measured against another are what is asked about', async t => {
    const compared = retrieve(base, 'aws app runner or ecs on fargate for a small api, which costs less?')
    t.equal(compared.covered, false, 'one side of a choice')
    t.same(compared.untreated, ['app runner'])
    const preferred = retrieve(base, 'we want to host the api on AWS App Runner instead of ECS with Fargate, how does App Runner scale it')
    t.equal(preferred.covered, false, 'the subject of "how does", found without its vendor')
    t.same(preferred.notTreated, [], 'not answered as the question\'s mere setting either')
    retrievedWithUnknown(t, base, 'Is Amazon Lightsail a cheaper way to host a small class project than ECS on Fargate?', false, ['Lightsail'], 'the subject of "is", after its vendor')
    retrievedWithUnknown(t, base, 'loki fica mais barato que cloudwatch logs pra reter os logs da api por 90 dias?', false, ['loki'], 'measured against something the notes treat')
    retrievedWithUnknown(t, base, 'my flask app takes more than 30 seconds to answer behind the alb and gets a 504', true, [], '"more than 30 seconds" measures a quantity, not another thing (and the app\'s framework is where the student is)')
  })

  t.test('whether to take an unknown tool up, or how to work it, is a question about the tool; saying one is used is its setting', async t => {
    retrievedWithUnknown(t, base, 'my eks pods stay pending when traffic spikes, should we install karpenter to get new nodes faster?', false, ['karpenter'])
    const howTo = retrieve(base, 'how do i use aws organizations to stop our student accounts from creating anything outside sa-east-1')
    t.equal(howTo.covered, false, 'how to work a service the notes do not treat, named with its vendor')
    t.same(howTo.notTreated, [])
    const used = retrieve(base, 'we use vite to build the frontend and the docker image is huge, how do multi-stage builds make it smaller')
    t.equal(used.covered, true, 'a statement of what the student uses')
    t.same(used.notTreated, ['vite'], 'the answer says the notes do not treat it')
    // What something is swapped for is taken up, a plain noun before it or not; a swap already made sets the scene.
    retrievedWithUnknown(t, base, 'compensa trocar minhas ec2 por instancias graviton pra pagar menos? como migro a aplicacao', false, ['graviton'])
    t.equal(retrieve(base, 'we switched to vite last month and the docker image is huge, how do multi-stage builds make it smaller').covered, true)
    // How to add a tool to the pipeline asks how to work it; adding the student's own app to an image does not.
    retrievedWithUnknown(t, base, 'how can we add snyk to the ci pipeline so the build breaks on high severity vulnerabilities in our image', false, ['snyk'])
    retrievedWithUnknown(t, base, 'como adiciono o sonarqube no meu pipeline do github actions pra barrar codigo ruim', false, ['sonarqube'])
    retrievedWithUnknown(t, base, 'how do i add my flask app to a docker image without it getting huge', true, [])
    // "Como o X descobre …" asks how X works, as "how does X discover …" does.
    retrievedWithUnknown(t, base, 'como o consul descobre os servicos no meu cluster ecs', false, ['consul'])
    t.equal(retrieve(base, 'como o lambda escala quando chegam muitas requisicoes').covered, true, 'a service the notes treat')
    const pool = retrieve(base, 'how do i set up a warm pool on my auto scaling group so scale-out is quicker?')
    t.same([pool.covered, pool.untreated], [false, ['Warm Pools']], 'a name\'s last word in the singular is the same name')
    t.same(retrieve(base, 'como configuro um warm pool no meu auto scaling group?').untreated, ['warm pool'], 'listed once, as the student spells it')
    // A question asked again in its own clause has its own subject.
    retrievedWithUnknown(t, base, 'what are the ways to host a graphql api on aws, is appsync the only one?', false, ['graphql', 'appsync'])
    retrievedWithUnknown(t, base, 'which services can serve a graphql endpoint, is appsync the best one?', false, ['graphql', 'appsync'])
  })

  t.test('a capitalised word inside the sentence is a name: no typo of a word of the notes', async t => {
    const named = 'Vale a pena usar o Packer pra gerar a imagem das instâncias do nosso Auto Scaling group?'
    t.same(unknownWords(base, named, 'pt'), ['Packer'], 'not "packet" mistyped')
    t.equal(retrieve(base, named).covered, false)
    t.same(unknownWords(base, 'how do i see the dropped pakcets of my vpc', 'en'), [], 'a typo in lower case is still the word meant')
    // In a Portuguese question, a word spelled as Portuguese words are not is no slip of a Portuguese word ("athena", "atende").
    const athena = 'como uso o athena pra consultar os logs q tao salvos no s3?'
    t.same(unknownWords(base, athena, 'pt'), ['athena'])
    t.equal(retrieve(base, athena).covered, false)
    for (const typo of ['como configuro o autoscalling do ecs', 'oq e um pod no kubernets', 'como rodar o dokcer compose no meu pc']) {
      t.same(retrieve(base, typo).unknown, [], `${typo}: the notes' word, mistyped`)
    }
    // A dictionary word that names a product is spelled right, capitalised or not.
    const product = 'how to bake a custom ami with packer for my auto scaling group'
    t.same(unknownWords(base, product, 'en'), ['packer'], 'lower-case "packer" is no typo either')
    t.equal(retrieve(base, product).covered, false)
    // Among the commonest words as well ("kong" of Hong Kong): a name of software is one.
    const gateway = retrieve(base, 'is kong a good self hosted api gateway? how does it share rate limit counters between nodes')
    t.same([gateway.covered, gateway.unknown], [false, ['kong']])
    t.same(retrieve(base, 'how do i import my openapi file into postman and test the responses').unknown, ['postman'])
  })

  t.test('a plural the analyser keeps whole is the name the notes write in the singular', async t => {
    t.same(unknownWords(base, 'will aws budgets shut down my ec2s when i go over', 'en'), [])
    t.same(unknownWords(base, 'quantos s3s posso criar por conta', 'pt'), [])
  })

  t.test('after a vendor, a word its number follows is a standard or a version, not a service', async t => {
    const question = 'can i download the aws iso 27001 certificate somewhere? my teacher wants it in the report'
    t.same(untreatedNames(base, question, retrieve(base, question).closest?.path ?? '', 'en'), [])
    t.equal(retrieve(base, question).covered, true)
    t.same(untreatedNames(base, 'can aws backup copy my rds snapshots to another region', 'knowledge/en/databases.md', 'en'), ['AWS backup'], 'without a number it is still the name of a service')
  })

  t.test('an unknown word after a vendor other than AWS is that vendor\'s product', async t => {
    const found = retrievedWithUnknown(t, base, 'is hashicorp waypoint a good way to deploy my ecs services', false, ['waypoint'])
  })

  t.test('a shorthand the reader spells out names nothing; a word it only adds synonyms to can start a name', async t => {
    for (const question of ['my acm cert doesnt show up in the list when i attach it to cloudfront, i made it in sao paulo',
      'how do i make the deploy job wait for the tests and have someone approve it before it hits prod?']) {
      t.same(untreatedNames(base, question, retrieve(base, question).closest?.path ?? '', 'en'), [], question)
      t.equal(retrieve(base, question).covered, true, question)
    }
    const runner = retrieve(base, 'how do i deploy my container with aws app runner instead of ecs?')
    t.equal(runner.covered, false)
    t.same(runner.untreated, ['app runner'])
  })

  t.test('one name the notes lack in a long question they otherwise answer is its setting: answered, saying so', async t => {
    const provider = new KnowledgeProvider(base)
    const long = 'switched my node image to alpine and now puppeteer crashes on start with native module errors, why and what do i use instead'
    const found = retrieve(base, long)
    t.equal(found.covered, true, 'the rest of the question asks what a section answers')
    t.same(found.notTreated, ['puppeteer'])
    t.match(found.hits[0]?.heading, /alpine/i)
    const answer = provider.answer(long)
    t.equal(answer.lowCoverage, false)
    t.match(answer.text, /^The course notes do not cover \*\*puppeteer\*\*\. On the rest of the question, according to them \(\*Docker multi-stage builds\*\):/)
    const plain = retrieve(base, 'why do native modules break on alpine images and which base image should i use instead')
    t.ok(found.confidence < plain.confidence, 'less sure than the same question without the name')

    const pt = provider.answer('no wireshark vi o client hello com a lista de cifras e o servidor escolhendo uma, oq acontece dai ate os dados http passarem?')
    t.equal(pt.lowCoverage, false)
    t.match(pt.text, /^As notas do curso não tratam de \*\*wireshark\*\*\. Sobre o resto da pergunta, segundo elas/)
    t.match(pt.passages[0]?.heading, /handshake/i)

    // A short question is about the name; so is one whose name is another cloud vendor's, however long.
    for (const question of ['how do i scan my docker images with trivy in the ci pipeline?', 'How do I configure Azure Front Door to route traffic between two App Service backends?']) {
      const refused = retrieve(base, question)
      t.equal(refused.covered, false, question)
      t.same(refused.notTreated, [], question)
    }
    // The tool the task is done with ("using Packer", "com o Packer") or whose product is asked about ("Cloudflare's CDN")
    // is what the question is about, however long the rest; a bare "com" is a detail of the setting ("numa ec2 com nginx").
    for (const question of [
      'how do I build a custom AMI for the launch template of my Auto Scaling group using Packer, step by step?',
      'montei a imagem das instancias do meu auto scaling group com o Packer, como faco o launch template usar a versao nova da AMI?',
      "can I put Cloudflare's CDN in front of my Application Load Balancer and keep TLS encrypted all the way to the targets?"
    ]) {
      const tool = retrieve(base, question)
      t.same([tool.covered, tool.notTreated], [false, []], question)
    }
    const detail = retrieve(base, 'quero usar o certificado gratis do acm direto numa ec2 com nginx, da? ou so em servico integrado?')
    t.same([detail.covered, detail.notTreated], [true, ['nginx']])
    const two = retrieve(base, 'my nginx sidecar logs every request to datadog and the fargate task keeps running out of memory after deploys, why')
    t.same(two.notTreated, [], 'two names the notes lack are more than a setting')
    // "escalar os pods" reads as "auto scaling" to find the section, but those words are not more the student said:
    // seven of them besides the name are too few for it to be a mere setting.
    retrievedWithUnknown(t, base, 'keda pra escalar os pods no k8s pelo tamanho da fila sqs, como configura?', false, ['keda'], 'the name is what the question is about')
  })

  t.test('how plainly the student wants it told names no section', async t => {
    t.equal(withoutGistPhrases('what is finops in plain words'), 'what is finops')
    t.equal(withoutGistPhrases('o que e orquestracao de containers em palavras simples? tipo um maestro?'), 'o que e orquestracao de containers ? tipo um maestro?')
    t.equal(withoutGistPhrases('explain like im five'), 'explain', 'the question itself stays')
    t.equal(withoutGistPhrases('in plain english'), 'in plain english', 'nothing else asked: the words stay')
    // "eli5" is no name the notes lack either: asked with it, a question the notes answer is answered.
    const eli5 = retrieve(base, 'who decides which tls certificates my browser trusts? eli5 please')
    t.same([eli5.covered, eli5.unknown], [true, []], 'eli5')
    // How briefly is kept: the notes' recaps answer "in one sentence".
    t.equal(withoutGistPhrases('fargate in one sentence'), 'fargate in one sentence')
    answeredBy(t, base, 'whats finops in plain words', { topic: 'finops-cost-optimization', heading: 'FinOps and cloud cost optimisation' })
    answeredBy(t, base, 'o que é orquestração de contêineres em palavras simples? tipo um maestro?', { topic: 'container-orchestration', heading: 'Orquestração de contêineres com Amazon ECS, AWS Fargate e Kubernetes' })
  })

  t.test('an example the vendor gives is no service', async t => {
    const found = retrieve(base, 'explain paas in two lines with an aws example')
    t.same([found.covered, found.untreated, found.hits[0]?.topic], [true, [], 'service-models'])
    t.same(retrieve(base, 'me da um exemplo aws de saas e um de iaas').untreated, [])
  })

  t.test('the words of a message a program printed, pasted between backticks, name nothing the student asks about', async t => {
    for (const question of [
      '`Task timed out after 900.00 seconds` no meu processamento de pdf na lambda. tem como dar mais tempo?',
      'chrome says `NET::ERR_CERT_AUTHORITY_INVALID` for the certificate i made myself, why doesnt the browser trust it?',
      'o push pro ecr falha com `denied: Your authorization token has expired` de madrugada, o login expira?'
    ]) {
      const found = retrieve(base, question)
      t.same([found.covered, found.untreated], [true, []], question)
    }
    // A command the student typed names its tool, and a message naming a package is about that package.
    t.equal(retrieve(base, 'rodei `helm rollback` e deu `Error: release has no deployed releases`, como volto?').covered, false, 'the command names its tool')
    t.equal(retrieve(base, '`E: Unable to locate package docker-ce` no meu debian, como instalo?').covered, false, 'a package the message names')
  })

  t.test('how the student does it on their own machine, told before the question, is its setting', async t => {
    const provider = new KnowledgeProvider(base)
    const throttle = retrieve(base, 'on my vps i rate limit clients with haproxy stick tables. how does api gateway throttle requests, and what does a client get back when it goes over the limit?')
    t.same([throttle.covered, throttle.notTreated], [true, ['haproxy']], 'the sentence that asks is about API Gateway')
    t.match(throttle.hits[0]?.heading, /throttling/i)
    const paths = provider.answer('no servidor da facul eu servia o site pelo lighttpd. no cloudfront, como mando /api pra um lugar e /static pra outro?')
    t.equal(paths.lowCoverage, false)
    t.match(paths.text, /^As notas do curso não tratam de \*\*lighttpd\*\*\./)
    t.match(paths.passages[0]?.heading, /comportamentos de cache/i)
    // Asked about the named thing's own parts, or with another name the notes lack in the sentence that asks, it is not covered.
    for (const question of [
      'nginx on my droplet returns 400 for websocket upgrades. what proxy headers does the location block need?',
      'our worker talks amqp to rabbitmq on my vps. what\'s the difference between a direct exchange and a topic exchange?',
      'How do I add Sign in with Apple to a Cognito user pool? Apple rejected our build because we only offer Google login.'
    ]) {
      const found = retrieve(base, question)
      t.same([found.covered, found.notTreated], [false, []], question)
    }
  })

  t.test('a word the notes lack, capitalised inside the sentence, is spelled as a name, never as plain phrasing', async t => {
    retrievedWithUnknown(t, base, 'Como chamar os modelos do Google Vertex a partir de uma função Lambda?', false, ['Vertex'])
    // Where the rest of the question asks what a section answers, the answer still says the notes do not treat it.
    const bedrock = retrievedWithUnknown(t, base, 'Como invocar modelos de linguagem do Amazon Bedrock a partir de uma função Lambda em Python?', true, ['Bedrock'])
    t.same(bedrock.notTreated, ['Bedrock'])
  })

  t.test('"worth" and what follows it are a judgement, not a name the notes lack', async t => {
    const found = retrieve(base, 'is my cache even worth keeping? how would i measure if its paying off')
    t.same([found.covered, found.untreated], [true, []])
    t.equal(found.hits[0]?.topic, 'caching')
  })

  t.test('the words students use for what the notes name lead to the section that names it', async t => {
    const cases: Array<[string, { topic?: string, heading?: string }, string]> = [
      ['quais metricas prontas da pra usar pra escalar o numero de tasks do servico no ecs sem criar metrica custom?', { topic: 'autoscaling' }, 'scaling the number of tasks, said in Portuguese'],
      ['quais metricas ja vem prontas pra escalar o numero de tasks de um servico no ecs? so cpu?', { topic: 'autoscaling' }, 'scaling the number of tasks, said in Portuguese'],
      ['whats the cli to make ecs keep between 2 and 6 copies of my container depending on load', { heading: 'ECS service auto scaling' }, 'a count kept between two numbers is auto scaling'],
      ['oq fica por minha conta na seguranca qdo uso aws?', { heading: 'O que o cliente protege (segurança na nuvem)' }, 'what falls to the student is the customer\'s part'],
      ['what security stuff is on me when i use aws', { heading: 'What the customer secures (security in the cloud)' }, 'what falls to the student is the customer\'s part'],
      ['Are values stored in Kubernetes Secrets encrypted by default?', { topic: 'kubernetes-basics' }, 'a secret in a Kubernetes question is the cluster\'s Secret object'],
      ['guardei a senha do banco num Secret do kubernetes, entao ja ta criptografada ne?', { topic: 'kubernetes-basics' }, 'a secret in a Kubernetes question is the cluster\'s Secret object'],
      ['how do i rotate a secret in secrets manager', { topic: 'secrets-management' }, 'without Kubernetes, a secret is the secrets manager\'s'],
      ['we split our app into services but we still have to deploy them all at once bc they share one db... did we mess up?', { topic: 'microservices-vs-monolith' }, 'an app split into services is a set of microservices, not the split of responsibility'],
      ['dividimos o sistema em 5 servicos mas todo deploy tem q subir todos juntos pq usam o mesmo banco, fizemos errado?', { topic: 'microservices-vs-monolith' }, 'an app split into services is a set of microservices'],
      ['minha lambda recria tudo a cada chamada e ta lenta, tem jeito de reaproveitar as coisas entre invocações?', { heading: 'Como o AWS Lambda funciona' }, 'what is kept between invocations is the warm environment, not what a cold start costs'],
      ['Minha Lambda abre conexão nova com o Postgres a cada invocação e está lenta. Onde devo inicializar essa conexão, e por que isso ajuda?', { heading: 'Como o AWS Lambda funciona' }, 'what is set up outside the handler is kept between invocations'],
      ['My function connects to the database at the start of every invocation and it is slow. Which part of the code runs only once per execution environment?', { heading: 'How AWS Lambda works' }, 'what is set up outside the handler is kept between invocations'],
      ['como faço a lambda ler msgs de uma fila sqs? ela fica puxando ou a fila empurra pra ela?', { heading: 'Eventos e gatilhos' }, 'a queue that pushes or is pulled from is the function\'s event source mapping'],
      ['a lambda puxa as mensagens da fila sqs ou a fila manda pra ela?', { heading: 'Eventos e gatilhos' }, 'a queue that pushes or is pulled from is the function\'s event source mapping'],
      ['quando duas rotas batem na route table qual delas ganha?', { heading: 'Tabelas de rotas' }, 'a route table, in English in a Portuguese question, is the subnet\'s table'],
      ['quero mandar cada usuario pra regiao mais perto, qual politica de roteamento do route 53 uso?', { topic: 'dns' }, 'routing, elsewhere, is still DNS routing'],
      ['a faixa da minha vpc ficou pequena, consigo aumentar o cidr depois de criada?', { topic: 'vpc-subnets', heading: 'Para lembrar' }, 'changing a VPC\'s range once it exists is the fact the recap states'],
      ['we gave our vpc a /26 and ran out of addresses, do we have to recreate it?', { topic: 'vpc-subnets', heading: 'Key facts to remember' }, 'changing a VPC\'s range once it exists is the fact the recap states'],
      ['we have microservices but a release of one always drags the others along since they write to one postgres schema, is that normal?', { topic: 'microservices-vs-monolith', heading: 'Costs and pitfalls of microservices' }, 'services released only together are a distributed monolith'],
      ['api gateway has an older kind and a newer cheaper kind, what do i give up with the new one vs the old?', { topic: 'api-gateway', heading: 'REST APIs vs HTTP APIs' }, 'a comparison heading compares what is asked, not the note\'s topic with something else'],
      ['vm ou container qual sobe mais rapido e qual isola melhor', { topic: 'vms-vs-containers', heading: 'Comparação entre VMs e contêineres' }, 'in a note whose topic is a comparison, its comparison heading compares it'],
      ['is there an hourly charge for an internet gateway?', { topic: 'cloud-networking-gateways', heading: 'Internet gateway' }, 'the section named for what a cost question names, stating its price, prices it'],
      ['quanto custa por hora um internet gateway?', { topic: 'cloud-networking-gateways', heading: 'Internet gateway' }, 'the section named for what a cost question names, stating its price, prices it'],
      ['uploads grandes caem depois de 1 minuto passando pelo alb, pq?', { topic: 'load-balancers', heading: 'Custos e armadilhas dos balanceadores de carga' }, 'a minute is the 60 seconds of the idle timeout'],
      ['hsts: should my site enable it?', { topic: 'https-tls-certificates', heading: 'Key facts to remember' }, 'a recap that alone in its note says what is asked (HSTS) answers it'],
      ['quanto tempo o cloudfront guarda uma imagem antes de ir buscar de novo no servidor de origem?', { heading: 'TTL e Cache-Control no CloudFront' }, 'how long a CDN keeps a copy is its TTL'],
      ['how long will the edge servers serve the old copy of my page before checking the origin', { heading: 'TTL and Cache-Control' }, 'how long a CDN keeps a copy is its TTL'],
      ['a chave q todo mundo le expirou e milhares de requests foram direto pro postgres, como evito isso', { heading: 'Cache stampede (efeito manada)' }, 'a popular key expiring under many requests is a cache stampede'],
      ['my cached session keys expire after 30 minutes, how do i make users log in again', { heading: 'TTL and invalidation' }, 'a key that expires, without many requests at once, is only its TTL'],
      ['o professor quer q o assistente de duvidas responda igual sempre q a mesma pergunta aparece, qual configuracao muda isso?', { heading: 'Temperatura e streaming' }, 'a model that should answer the same question alike is set by its temperature']
    ]
    for (const [question, where, why] of cases) t.test(why, async t => answeredBy(t, base, question, where))
  })

  t.test('a vendor\'s possessive or a verb after it, words between slashes, a heads-up and chat words name nothing', async t => {
    const cases: Array<[string, string]> = [
      ['Where can I obtain AWS\'s ISO 27001 and SOC 2 audit reports for our university\'s compliance review?', 'a vendor\'s possessive is what it has, not a service'],
      ['made a /24 subnet and aws says only 251 ips available, where did the other 5 go??', 'what the vendor says is no service'],
      ['set up a 50 dollar budget but i want a heads up before i actually get there, like when aws predicts ill cross it. possible?', 'a heads-up is an alert, and what the vendor predicts no service'],
      ['qual a diferenca do gitflow original com develop/release/hotfix pra essa versao com dev, staging e main q a disciplina usa?', 'words between slashes are alternatives, not one name'],
      ['ok so i handed each partner company its own api key, is that enough to keep randos out of my endpoints or nah', 'chat words are no name'],
      ['Coloquei um TTL de um dia no catálogo e os alunos reclamam de preço desatualizado. Se eu reduzir para 30 segundos, qual é o efeito colateral?', 'a side effect is a trade-off']
    ]
    for (const [question, why] of cases) {
      const found = retrieve(base, question)
      t.equal(found.covered, true, `${why}: ${question}`)
      t.same(found.untreated, [], question)
      t.same(found.unknown, [], question)
    }
    // "What's the actual benefit" asks for advantages: with them, a long question about Docker answers despite the app's framework.
    const flask = retrieve(base, 'tbh why would i even bother with docker for a small flask app, whats the actual benefit over just pip installing on the server')
    t.equal(flask.covered, true)
    t.equal(flask.hits[0]?.heading, 'Why use Docker')
    t.same(flask.notTreated, [], 'the framework of the student\'s own app is no name the answer must say the notes lack')
    // Keeping order is what a FIFO queue does; a thing done twice is what idempotency prevents.
    const leads: Array<[string, string]> = [
      ['payments for the same user have to be processed in the exact order they happened and never twice, can a normal sqs queue do that?', 'Amazon SQS: standard vs FIFO queues'],
      ['user hits checkout again after a timeout and we end up with two orders, how do apis usually stop that', 'Safe and idempotent methods'],
      ['as mensagens chegam fora de ordem na fila do sqs, tem como garantir a ordem?', 'Amazon SQS: fila standard x FIFO']
    ]
    for (const [question, heading] of leads) t.equal(retrieve(base, question).hits[0]?.heading, heading, question)
    // A section whose text says what is billed ("no hourly charge", "billed") prices what a cost question asks.
    t.equal(retrieve(base, 'does an internet gateway charge per hour, and why does my instance need a public ip to use it').hits[0]?.heading, 'Internet gateway')
    // Whether the response gets back out of a security group is what its being stateful answers; asked of a network ACL, its own section.
    t.equal(retrieve(base, 'if my security group allows port 80 in, do responses need an outbound rule to get back?').hits[0]?.heading, 'How security groups work')
    t.equal(retrieve(base, 'my nacl allows 443 inbound, do i need an outbound rule for the responses too?').hits[0]?.heading, 'How network ACLs work')
    // "AWS or us?", "is it on us": who does what is the division of responsibility.
    for (const question of ['with rds who applies the engine patches, aws or us?', 'if we use rds does aws patch the database engine or is it on us']) {
      t.equal(retrieve(base, question).hits[0]?.heading, 'How the split shifts with IaaS, PaaS and SaaS', question)
    }
    // Sending each user to the Region nearest them is a DNS routing policy; going to a Region in the console is not.
    t.equal(retrieve(base, 'como mando os usuarios pra regiao mais rapida pra eles e pro backup quando a principal cai?').hits[0]?.heading, 'Políticas de roteamento do Route 53')
    t.equal(retrieve(base, 'pq tenho q ir pra us-east-1 pra ver o custo se meus recursos tao em outra regiao').hits[0]?.heading, 'Alarmes de faturamento no CloudWatch')
    // A 429 from a model's API is the provider's rate limit; from API Gateway, its throttling.
    t.equal(retrieve(base, 'o modelo da openai ta devolvendo 429 qnd a turma toda usa o bot, como trato isso no codigo?').hits[0]?.heading, 'Preço e limites de taxa')
    t.equal(retrieve(base, 'api gateway keeps returning 429 to one of our clients').hits[0]?.heading, 'Throttling in API Gateway')
    // An allow in one policy and a deny in another are settled by IAM's explicit deny, not by a network ACL's rule order.
    t.equal(retrieve(base, 'coloquei allow pro dynamo numa policy mas tem deny em outra e ainda ta bloqueado, qual vale?').hits[0]?.heading, 'Políticas IAM em JSON')
    // A message handled twice because its job runs long came back at the end of its visibility timeout.
    t.equal(retrieve(base, 'meu worker da fila sqs demora uns 5 minutos por mensagem e algumas sao processadas duas vezes, pq?').hits[0]?.heading, 'Visibility timeout e dead-letter queue')
    t.equal(retrieve(base, 'how long does sqs keep a message if nobody reads it, can i read it again later?').hits[0]?.heading, 'Amazon SQS: standard vs FIFO queues', 'how long it is kept is its retention')
    // The account's root user, however it is named; a container running as root is the Dockerfile's matter.
    t.equal(retrieve(base, 'da pra criar access key pro usuario root e usar no terminal?').hits[0]?.heading, 'Usuário root e MFA')
    // ...an access key made for the root, and the account's root called "conta raiz", are the root user's too.
    t.equal(retrieve(base, 'posso gerar uma access key pro root so pra usar no meu script?').hits[0]?.heading, 'Usuário root e MFA')
    t.equal(retrieve(base, 'e seguro criar chave de acesso na conta raiz pra usar no terminal?').hits[0]?.heading, 'Usuário root e MFA')
    t.equal(retrieve(base, 'meu container roda como root por padrao, como tiro isso no dockerfile').hits[0]?.heading, 'Instruções comuns do Dockerfile')
    t.equal(retrieve(base, 'the root volume of my ec2 is full').hits[0]?.heading, 'Block storage: Amazon EBS', 'a root volume')
    // Another consumer grabbing the same message while one works on it: the visibility timeout ran out.
    t.equal(retrieve(base, 'message queue homework - my consumer needs 2 min per message and other consumers keep grabbing the same one, why??').hits[0]?.heading, 'Visibility timeout and dead-letter queues')
    t.equal(retrieve(base, 'a consumer takes 2 minutes per message and some messages get processed twice, what setting fixes it').hits[0]?.heading, 'Visibility timeout and dead-letter queues')
    // A role with no password of its own is used through the temporary credentials of whoever assumes it.
    t.equal(retrieve(base, 'if a role has no password how does anything log in with it').hits[0]?.heading, 'Users, groups and roles')
    t.equal(retrieve(base, 'where do i keep the password of the postgres role my app uses').hits[0]?.heading, 'Injecting secrets into ECS tasks', 'a database role\'s password is a secret')
    // "As duas coisas" points back at what the question named: no number 2 to match "tipo 1 e tipo 2".
    t.equal(retrieve(base, 'por que falam que sem virtualizacao a nuvem nao existiria? como as duas coisas se relacionam').hits[0]?.heading, 'Por que a virtualização viabiliza a nuvem')
    t.equal(retrieve(base, 'which of the two is cheaper for a small team, ecs or eks?').covered, true)
    // The vendor before a service's own name still introduces it.
    t.same(retrieve(base, 'how do i deploy my container with aws app runner instead of ecs?').untreated, ['app runner'])
    t.equal(retrieve(base, 'aws organizations: how do i write an scp that stops student accounts from launching anything outside sa-east-1?').covered, false)
  })

  t.test('a name another section of the answering note says, with the question\'s other words, is answered there', async t => {
    const question = 'Minhas imagens são compiladas apenas para ARM64. Consigo economizar colocando essas tarefas no Fargate Spot?'
    const found = retrieve(base, question)
    t.equal(found.covered, true, 'the key facts say which architectures Fargate Spot takes')
    t.same(found.untreated, [])
    t.same(found.notTreated, [])
    t.equal(found.hits[0]?.heading, 'Para não esquecer', 'the section that says it leads')
    t.match(new KnowledgeProvider(base).answer(question).text, /ARM64/)
    // The name's words must stand together in that sentence: "organised" says nothing of AWS Organizations.
    const organizations = retrieve(base, 'aws organizations: how do i write an scp that stops student accounts from launching anything outside sa-east-1?')
    t.equal(organizations.covered, false)
    t.same(organizations.untreated, ['AWS organizations'])
  })
})

t.test('excerpt', async t => {
  const en = analyzerFor('en')
  const pt = analyzerFor('pt')
  const cut = (md: string, max: number, question: string, analyzer = en): string => excerpt(md, max, analyzer, analyzer.analyze(question))

  t.test('a section that fits is kept whole', async t => {
    const md = 'First paragraph. It is short.\n\n```sh\ndocker build -t app .\n```\n\nThird paragraph.'
    t.equal(cut(md, 1000, 'docker build'), md)
  })

  t.test('a code block stays with the sentence that introduces it, or both go', async t => {
    const intro = 'This example keeps a Fargate service between 1 and 3 tasks, targeting 70 % average CPU:'
    const code = '```bash\naws application-autoscaling put-scaling-policy --policy-name cpu70\n```'
    const md = `Autoscaling changes the desired count between a minimum and a maximum.\n\n${intro}\n\n${code}\n\nCooldowns keep the service from flapping between sizes after every change.`
    const text = cut(md, 260, 'autoscaling policy cpu 70')
    t.match(text, `${intro}\n\n${code}`, 'the example follows its introduction')
    const short = cut(md, 120, 'cooldowns flapping')
    t.notMatch(short, /:\s*$/m, 'no line ends on a colon')
    t.notMatch(short, /```/, 'the code is left out with its introduction')
    t.match(short, /Cooldowns keep the service/)
  })

  t.test('a sentence that points at an example the excerpt does not show is dropped', async t => {
    const md = 'Docker reuses a cached layer when nothing changed. The Dockerfile above copies package.json first, so code edits do not reinstall. Put rarely changing steps first.'
    const text = cut(md, 1000, 'docker cache layer')
    t.notMatch(text, /above/)
    t.match(text, /^Docker reuses a cached layer when nothing changed\. Put rarely changing steps first\.$/)
    t.match(cut('No exemplo acima, o cache é reaproveitado. O Docker refaz as camadas seguintes.', 1000, 'cache docker', pt), /^O Docker refaz as camadas seguintes\.$/)
    t.match(cut('Com CPU acima de 70 %, adicione uma tarefa.', 1000, 'cpu tarefa', pt), /acima de 70 %/, '"acima de 70 %" compares numbers and stays')
  })

  t.test('a long paragraph keeps the sentences that answer, whole and in order', async t => {
    const md = 'With Fargate you never see an EC2 instance. Fargate tasks use the awsvpc network mode. Fargate bills per second for the vCPU and memory requested. The EC2 launch type instead uses instances you manage, cheaper under steady load.'
    const text = cut(md, 140, 'difference fargate ec2 launch type instances manage')
    t.match(text, /The EC2 launch type instead uses instances you manage, cheaper under steady load\.$/, 'the answering sentence is kept')
    t.match(text, /^With Fargate you never see an EC2 instance\./, 'the first sentence sets the scene')
    t.ok(text.length <= 140)
  })

  t.test('a lone code block is no answer', async t => {
    t.equal(cut('```bash\naws ecs update-service --cluster c --service s\n```', 1000, 'ecs service'), '')
  })

  t.test('a command that shares every word of the question does not crowd out the list that explains them', async t => {
    const list = ['- **Cluster**: the logical group of capacity, EC2 or Fargate, where the tasks run.',
      '- **Task definition**: the versioned JSON template of one or more containers, with image, CPU, memory and ports.',
      '- **Task**: one running copy of a task definition.', '- **Service**: keeps the desired number of tasks running and replaces failed ones.'].join('\n')
    const code = '```bash\naws ecs update-service --cluster my-cluster --service my-service --task-definition my-task:7\n```'
    const text = cut(`${list}\n\n${code}`, list.length + 20, 'update cluster service task definition')
    t.match(text, /^- \*\*Cluster\*\*/, 'the list leads')
    t.notMatch(text, /```/, 'the command that does not fit beside it is left out')
  })

  t.test('every section of the bundled notes says in words what it shows, so that it can answer', async t => {
    const bare: string[] = []
    for (const passage of createKnowledgeBase().index.passages) {
      const analyzer = analyzerFor(passage.lang)
      if (excerpt(passage.text, 900, analyzer, analyzer.analyze(passage.heading)) === '') bare.push(`${passage.path} / ${passage.heading}`)
    }
    t.same(bare, [], 'no section is a bare code block')
  })

  t.test('sentences split at sentence ends, not at decimals or abbreviations', async t => {
    t.same(sentences('It costs about US$0.40 per secret. Rotation is automatic, e.g. every 30 days. `docker history` shows layers.'), [
      'It costs about US$0.40 per secret.',
      'Rotation is automatic, e.g. every 30 days.',
      '`docker history` shows layers.'
    ])
  })
})

t.test('knowledge-base', async t => {
  const note = (title: string, body: string): string => `# ${title}\n\n${body}\n`

  /**
   * Waits for an event, failing after `ms`. The watcher and its debounce timer do not keep the
   * process alive (a service shutting down must not wait for them), so the test's timer does.
   */
  async function nextEvent<T> (emitter: EventEmitter, name: string, ms = 5000): Promise<T> {
    let timer: NodeJS.Timeout | undefined
    const timeout = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => reject(new Error(`no ${name} event within ${ms} ms`)), ms)
    })
    try {
      const [value] = await Promise.race([once(emitter, name), timeout]) as [T]
      return value
    } finally {
      clearTimeout(timer)
    }
  }

  t.test('the default directory is the bundled knowledge/ folder', async t => {
    t.match(defaultKnowledgeDir(), /[\\/]knowledge$/)
    const base = createKnowledgeBase()
    t.ok(base.stats.notes >= 80)
    t.ok(base.stats.buildMs > 0 && base.stats.loadMs > 0)
  })

  t.test('a missing directory is a clear error', async t => {
    t.throws(() => createKnowledgeBase({ dir: join(t.testdirName, 'missing') }), /knowledge directory not found: .*missing/)
  })

  t.test('reload picks up new notes and keeps the old index when it fails', async t => {
    const dir = t.testdir({ en: { 'vpc.md': note('VPC', 'A virtual private cloud is an isolated network.') } })
    const base = createKnowledgeBase({ dir })
    t.equal(base.stats.notes, 1)
    t.equal(base.search('kubernetes pods').length, 0)

    writeFileSync(join(dir, 'en', 'k8s.md'), note('Kubernetes', 'Kubernetes schedules pods onto nodes.'))
    const stats = await base.reload()
    t.equal(stats.notes, 2)
    t.equal(base.search('kubernetes pods')[0]?.title, 'Kubernetes')

    writeFileSync(join(dir, 'en', 'broken.md'), '---\ntitle: [oops\n---\n')
    await t.rejects(base.reload(), /front matter is not valid YAML/)
    t.equal(base.stats.notes, 2, 'the last good index stays in use')
    t.equal(base.search('kubernetes pods')[0]?.title, 'Kubernetes')
  })

  t.test('reload can switch to another directory', async t => {
    const first = t.testdir({ a: { 'one.md': note('Caching', 'Redis keeps hot data in memory.') } })
    const base = createKnowledgeBase({ dir: first })
    const second = join(first, '..', `${first.split(/[\\/]/).pop() as string}-other`)
    t.teardown(() => rmSync(second, { recursive: true, force: true }))
    await t.rejects(base.reload(second), /knowledge directory not found/)
    t.equal(base.dir, first, 'a failed switch keeps the old directory')

    const other = t.testdir({ 'cdn.md': note('CDN', 'Edge locations cache content near users.') })
    const stats = await base.reload(other)
    t.equal(base.dir, other)
    t.equal(stats.dir, other)
    t.equal(base.search('edge locations')[0]?.title, 'CDN')
    t.equal(base.search('redis').length, 0)
  })

  t.test('concurrent reloads run one after the other and the last one wins', async t => {
    const dir = t.testdir({ 'a.md': note('Alpha', 'alpha text') })
    const base = createKnowledgeBase({ dir })
    const first = base.reload()
    writeFileSync(join(dir, 'b.md'), note('Beta', 'beta text'))
    const second = base.reload()
    const [a, b] = await Promise.all([first, second])
    t.ok(a.notes >= 1)
    t.equal(b.notes, 2)
    t.equal(base.stats.notes, 2)
  })

  t.test('watch: a change in the directory rebuilds the index after the debounce', async t => {
    const dir = t.testdir({ 'dns.md': note('DNS', 'Resolvers translate names.') })
    const events = new EventEmitter()
    const base = createKnowledgeBase({
      dir,
      watch: true,
      debounceMs: 50,
      onReload: stats => events.emit('reload', stats),
      onError: err => events.emit('failed', err)
    })
    t.teardown(() => base.close())

    const reloaded = nextEvent<KnowledgeStats>(events, 'reload')
    writeFileSync(join(dir, 'tls.md'), note('TLS', 'Certificates prove a server identity during the handshake.'))
    writeFileSync(join(dir, 'tls2.md'), note('TLS 1.3', 'Fewer round trips.'))
    const stats = await reloaded
    t.equal(stats.notes, 3, 'both writes in one rebuild')
    t.equal(base.search('certificates handshake')[0]?.title, 'TLS')

    const failed = nextEvent<Error>(events, 'failed')
    writeFileSync(join(dir, 'bad.md'), '---\n: [\n---\n')
    const err = await failed
    t.match(err.message, /bad\.md: front matter is not valid YAML/)
    t.equal(base.stats.notes, 3)
  })

  t.test('close stops watching', async t => {
    const dir = t.testdir({ 'a.md': note('A', 'aaa') })
    let reloads = 0
    const base = createKnowledgeBase({ dir, watch: true, debounceMs: 20, onReload: () => { reloads++ } })
    base.close()
    writeFileSync(join(dir, 'b.md'), note('B', 'bbb'))
    await new Promise(resolve => setTimeout(resolve, 200))
    t.equal(reloads, 0)
    t.equal(base.stats.notes, 1)
    base.close()
  })
})

t.test('knowledge-index', async t => {
  isolateData(t)
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
})

t.test('knowledge-provider', async t => {
  const provider = new KnowledgeProvider(createKnowledgeBase())
  const ask = async (question: string, p: KnowledgeProvider = provider): Promise<Completion> =>
    await p.complete({ messages: [{ role: 'user', content: question }] }, new AbortController().signal)

  t.test('identity and cost', async t => {
    t.equal(provider.id, 'knowledge')
    t.equal(provider.kind, 'knowledge')
    t.equal(provider.model, 'course-notes')
    t.equal(provider.weight, 0.6)
    t.equal(new KnowledgeProvider(createKnowledgeBase(), { weight: 0.3 }).weight, 0.3)
  })

  t.test('a Portuguese question about Docker gets a Portuguese answer about containers, with sources', async t => {
    const answer = await ask('Qual a vantagem de usar Docker?')
    t.equal(answer.finishReason, 'stop')
    t.same(answer.usage, { promptTokens: 0, completionTokens: 0 })
    t.equal(answer.model, 'course-notes')
    t.equal(answer.lowCoverage, false)
    t.match(answer.text, /^Segundo as notas do curso/)
    t.match(answer.text, /\*\*Fontes:\*\*/)
    t.match(answer.text, /contêiner/i)
    t.notMatch(answer.text, /Sources:|According to/)
    const sources = answer.sources ?? []
    t.ok(sources.length >= 1)
    t.ok(sources.every(s => s.path.startsWith('knowledge/pt/')), 'Portuguese notes')
    t.ok(sources.some(s => /docker|container/.test(s.path)), `a note about containers or Docker: ${sources.map(s => s.path).join(', ')}`)
    for (const s of sources) t.match(answer.text, `\`${s.path}\``, 'each source is cited in the text')
    t.ok(sources.every(s => s.score > 0))
  })

  t.test('the same question in English gets an English answer', async t => {
    const answer = await ask('What is the advantage of using Docker?')
    t.equal(answer.lowCoverage, false)
    t.match(answer.text, /^According to the course notes/)
    t.match(answer.text, /\*\*Sources:\*\*/)
    t.match(answer.text, /container/i)
    const sources = answer.sources ?? []
    t.ok(sources.length >= 1 && sources.every(s => s.path.startsWith('knowledge/en/')))
    t.ok(sources.some(s => /docker|container/.test(s.path)))
  })

  t.test('an unrelated question is plainly not covered, in its own language', async t => {
    const en = await ask('Who won the 1970 World Cup?')
    t.equal(en.lowCoverage, true)
    t.equal(en.finishReason, 'stop')
    t.same(en.sources, [])
    t.match(en.text, /^The course notes \(42 topics\) do not cover this question/, 'counts topics, not files in two languages')
    t.notMatch(en.text, /Brazil|Pel[eé]/i, 'nothing invented')

    const pt = await ask('Quem ganhou a Copa de 1970?')
    t.equal(pt.lowCoverage, true)
    t.same(pt.sources, [])
    t.match(pt.text, /^As notas do curso \(42 temas\) não cobrem esta pergunta/)
    t.ok((en.confidence ?? 1) <= 0.1 && (pt.confidence ?? 1) <= 0.1, 'low confidence')

    // Its everyday verbs are in some student's question attached to a section; its subject is in no note.
    const chores = await ask('como faco pra trocar o pneu da bicicleta sozinho')
    t.equal(chores.lowCoverage, true)
    t.same(chores.sources, [])
  })

  t.test('only the last user message is the question', async t => {
    const answer = await provider.complete({
      messages: [
        { role: 'system', content: 'You are a tutor.' },
        { role: 'user', content: 'Who won the 1970 World Cup?' },
        { role: 'assistant', content: 'Not covered.' },
        { role: 'user', content: 'what is a dead-letter queue' }
      ]
    }, new AbortController().signal)
    t.equal(answer.lowCoverage, false)
    t.match(answer.sources?.[0]?.path ?? '', /message-queues/)
  })

  t.test('a question the notes cover only in the other language is answered from it, saying so', async t => {
    const dir = t.testdir({
      en: { 'nat.md': '# NAT gateways\n\nA NAT gateway lets instances in private subnets reach the internet without being reachable from it.\n\n## Pricing\n\nNAT gateways bill per hour and per gigabyte processed.\n' }
    })
    const p = new KnowledgeProvider(createKnowledgeBase({ dir }))
    const answer = await ask('pra que serve um NAT gateway?', p)
    t.equal(answer.lowCoverage, false)
    t.match(answer.text, /^As notas do curso tratam disso só em inglês \(\*NAT gateways\*\)/)
    t.match(answer.text, /\*\*Fontes:\*\*/)
    t.match(answer.text, /private subnets/)
    t.equal(answer.sources?.[0]?.path, `${dir.split(/[\\/]/).pop() as string}/en/nat.md`)

    const none = await ask('Quem ganhou a Copa de 1970?', p)
    t.equal(none.lowCoverage, true)
    t.match(none.text, /\(1 tema\)/)
  })

  t.test('at most three passages, each from the notes, weaker ones left out', async t => {
    const result = provider.answer('como funciona o cache de camadas do Docker e o build multi-stage?')
    t.ok(result.passages.length >= 1 && result.passages.length <= 3)
    const best = result.passages[0].score
    t.ok(result.passages.every(p => p.score >= best * 0.45))
    t.equal(result.lang, 'pt')
    t.same(result.sources.map(s => s.path), [...new Set(result.passages.map(p => p.path))], 'one source per note, in order')
  })

  t.test('grounding context: compact passages with their sources, empty when not covered', async t => {
    const context = provider.groundingContext('How does a NAT gateway differ from an internet gateway?', 2)
    const blocks = context.split(/\n\n(?=\[)/)
    t.ok(blocks.length >= 1 && blocks.length <= 2)
    t.match(context, /^\[[^\]]+ — knowledge\/en\/cloud-networking-gateways\.md/)
    t.ok(context.length < 1500, `compact (${context.length} chars)`)
    t.equal(provider.groundingContext('Who won the 1970 World Cup?'), '')
    t.equal(groundingContext(createKnowledgeBase(), 'what is envelope encryption', 1).split('\n')[0].includes('encryption-kms'), true)
  })

  t.test('errors: an aborted call and a request without a question', async t => {
    const controller = new AbortController()
    controller.abort()
    await t.rejects(provider.complete({ messages: [{ role: 'user', content: 'what is a VPC' }] }, controller.signal),
      { name: 'ProviderError', errorClass: 'timeout' })
    await t.rejects(provider.complete({ messages: [{ role: 'system', content: 'hi' }, { role: 'user', content: '  ' }] }, new AbortController().signal),
      { name: 'ProviderError', errorClass: 'bad_request' })
  })

  t.test('stream hands the whole answer to onToken once', async t => {
    const tokens: string[] = []
    const completion = await provider.stream({ messages: [{ role: 'user', content: 'o que é um pod no Kubernetes?' }] }, new AbortController().signal, { onToken: text => tokens.push(text) })
    t.same(tokens, [completion.text])
    t.match(completion.sources?.[0]?.path ?? '', /kubernetes-basics/)
  })


  t.test('a question about a service the notes do not treat names it, points to the closest topic, and says how to get more', async t => {
    const answer = await ask('Como configuro o Amazon SageMaker para treinar um modelo?')
    t.equal(answer.lowCoverage, true)
    t.same(answer.sources, [])
    t.match(answer.text, /^As notas do curso não tratam de \*\*SageMaker\*\*/)
    t.match(answer.text, /O tema mais próximo que elas cobrem é \*[^*]+\* \(`knowledge\/pt\/[\w-]+\.md`\)/)
    t.match(answer.text, /Nenhum modelo de linguagem está configurado.*OPENAI_API_KEY/s, 'no model configured: says how to add one')
    t.ok((answer.confidence ?? 1) <= 0.1, `low confidence (${String(answer.confidence)})`)

    const withModels = new KnowledgeProvider(createKnowledgeBase(), { languageModels: true })
    const other = await ask('how do kafka partitions work', withModels)
    t.equal(other.lowCoverage, true)
    t.match(other.text, /^The course notes do not cover \*\*kafka\*\*/)
    t.match(other.text, /language models configured on this service answer it/)
    t.notMatch(other.text, /OPENAI_API_KEY/, 'models configured: no set-up advice')
  })

  t.test('a name that is only a detail of a covered question does not stop the answer', async t => {
    const answer = await ask('Como guardar a chave da API do Hugging Face com segurança num container?')
    t.equal(answer.lowCoverage, false)
    t.match(answer.sources?.[0]?.path ?? '', /secrets-management/)
  })

  t.test('greetings and thanks get a short reply in the student\'s language', async t => {
    for (const [message, pattern] of [['oi', /^Oi!/], ['Olá, tudo bem?', /^Oi!/], ['obrigado!', /^De nada!/], ['valeu', /^De nada!/], ['hi', /^Hi!/], ['thanks', /^You're welcome!/], ['Thank you so much', /^You're welcome!/]] as const) {
      const answer = await ask(message)
      t.match(answer.text, pattern, message)
      t.ok(answer.text.length < 200, 'brief')
      t.equal(answer.lowCoverage, false)
      t.same(answer.sources, [])
    }
    const question = await ask('oi, o que é um pod no kubernetes?')
    t.match(question.sources?.[0]?.path ?? '', /kubernetes-basics/, 'a greeting before a question does not hide the question')
  })

  t.test('the answer leads with the passage that answers and keeps it whole', async t => {
    const fargate = await ask('Qual a diferença entre Fargate e EC2 no ECS?')
    t.match(fargate.text, /Já o \*\*tipo de execução EC2\*\* usa instâncias gerenciadas por você/, 'the sentence that answers is there')
    t.match(fargate.sources?.[0]?.path ?? '', /container-orchestration/)
    const docker = await ask('qual a vantagem de usar docker')
    t.match(docker.text, /\*\*Por que usar Docker\*\*/)
    t.match(docker.text, /vantagens/)
  })

  t.test('a code block stays with the sentence that introduces it, and no excerpt ends on a colon', async t => {
    const answer = await ask('como configurar o autoscaling do ecs pra manter a cpu em 70%')
    t.match(answer.text, /mirando 70 % de CPU média:\n\n```bash\naws application-autoscaling/, 'the example follows its introduction')
    for (const question of ['target tracking ou step scaling, qual eu uso', 'pq meu docker build reinstala tudo quando mudo uma linha do codigo', 'how to set a cloudwatch alarm for high cpu']) {
      const text = (await ask(question)).text
      const blocks = text.split(/\n{2,}/).slice(1)
      blocks.forEach((block, i) => {
        if (/:\s*$/.test(block) && !/^\*\*/.test(block)) t.match(blocks[i + 1] ?? '', /^(```|\||- |\d+\. )/, `"${block.slice(-40)}" is followed by what it introduces`)
      })
      if (!/```/.test(text)) t.notMatch(text, /exemplo acima|example above/i, `no reference to a dropped example: ${question}`)
    }
  })

  t.test('the completion carries the notes\' confidence: high for a clear answer, low when not covered', async t => {
    const clear = await ask('o que é cache-aside?')
    const none = await ask('how does mongodb sharding work')
    t.ok((clear.confidence ?? 0) >= 0.7, `clear answer ${String(clear.confidence)}`)
    t.ok((none.confidence ?? 1) <= 0.1, `not covered ${String(none.confidence)}`)
  })
})

t.test('front-matter', async t => {
  // The notes' YAML subset read line by line (src/knowledge/front-matter.ts) gives exactly what the yaml package gives.
  t.test('every bundled note is read by the fast path, to the same value', async t => {
    const dir = defaultKnowledgeDir()
    let notes = 0
    for (const lang of readdirSync(dir)) {
      for (const file of readdirSync(join(dir, lang)).filter(name => name.endsWith('.md'))) {
        const text = /^---\r?\n([\s\S]*?)\r?\n---/.exec(readFileSync(join(dir, lang, file), 'utf8'))?.[1]
        if (text === undefined) continue
        notes++
        const fast = readPlainFrontMatter(text)
        t.not(fast, null, `${lang}/${file} is in the subset`)
        t.strictSame(fast, parseYaml(text), `${lang}/${file}`)
      }
    }
    t.ok(notes >= 80, `${notes} notes`)
  })

  t.test('anything the subset does not say for sure goes to the yaml package', async t => {
    for (const text of [
      'title: Caching\nlang: true', // a boolean
      'keywords: [TTL, 300, 1e3, .inf, null]', // numbers and null
      "title: 'it''s'", // single quotes
      'title:  two spaces before the text', // YAML drops the extra space
      'title: Redis # the cache', // a comment
      'questions:\n  "Heading":\n    - plain item', // an unquoted item
      'questions:\n  "Heading":\n    - "two\n      lines"', // a quoted text over two lines
      'questions:\n  "Heading":\n    - "\\x41"', // an escape JSON lacks
      'keywords:\n  - a\n  - b' // a block list at the top
    ]) {
      t.equal(readPlainFrontMatter(text), null, JSON.stringify(text))
      t.strictSame(parseFrontMatter(text), parseYaml(text), `the same value: ${JSON.stringify(text)}`)
    }
    const quotedText = 'title: Filas\nquestions:\n  "Filas e \\"DLQ\\"":\n    - "o que é \\"visibility timeout\\"?"\n  "Vazia":\nkeywords: [SQS, .env, 12-factor, 429 Too Many Requests, dev/prod parity]'
    t.strictSame(readPlainFrontMatter(quotedText), parseYaml(quotedText), 'escaped quotes, an empty list (null), texts that start with a digit or a dot')
    t.strictSame(readPlainFrontMatter('questions:'), { questions: null }, 'an empty value is null, as in YAML')
    t.throws(() => parseFrontMatter('title: A\ntitle: B'), 'a duplicate key is the yaml package\'s error to report')
    t.throws(() => parseFrontMatter('title: a: b'), 'and so is a key inside a value')
  })
})

t.test('load-notes', async t => {
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
})

t.test('notes-eval-cli', async t => {
  // The command that prints the notes' figures: `npx tsx src/cli/notes-eval.ts [questions.json]`.
  const run = (...args: string[]): { status: number | null, stdout: string, stderr: string } => {
    const out = spawnSync(process.execPath, ['--import=tsx', join(packageRoot, 'src/cli/notes-eval.ts'), ...args], { cwd: packageRoot, encoding: 'utf8' })
    return { status: out.status, stdout: out.stdout, stderr: out.stderr }
  }

  t.test('prints the figures of the development part, the held-out part and the whole set', async t => {
    const { status, stdout } = run(join(packageRoot, 'tests/knowledge/student-questions-fresh.json'), '--misses')
    t.equal(status, 0)
    const lines = stdout.trim().split('\n')
    t.match(lines[0], /^dev: right section first \d+\.\d % of \d+ · not covered detected \d+\.\d % of \d+ · covered refused \d+ · broken excerpts \d+ · AUROC \d\.\d{3}/)
    t.ok(lines.some(l => l.startsWith('held-out: ')))
    t.match(lines[lines.length - 1], /^all: /)
  })

  t.test('a file that is not a question set is a one-line error and exit code 1', async t => {
    const { status, stdout, stderr } = run(join(packageRoot, 'package.json'))
    t.equal(status, 1)
    t.equal(stdout, '')
    t.match(stderr, /^notes-eval: cannot read .*package\.json: expected \{covered: \[\.\.\.\], notCovered: \[\.\.\.\]\}\n$/)
  })

  t.test('--half keeps the even- or odd-numbered questions, so one half can be tuned on and the other checked', async t => {
    const file = join(packageRoot, 'tests/knowledge/student-questions-fresh.json')
    // The set has 20 covered and 6 not-covered questions (the first test prints them whole).
    const odd = run('--half', 'odd', file).stdout.trim().split('\n').pop() ?? ''
    t.match(odd, /^all: right section first [\d.]+ % of 10 · not covered detected [\d.]+ % of 3 /)
    const bad = run(file, '--half', 'sideways')
    t.equal(bad.status, 1)
    t.equal(bad.stderr, 'notes-eval: --half takes even or odd\n')
  })
})

t.test('notes-eval', async t => {
  // How well the course notes answer student questions, on the labelled set written the way students
  // type them (tests/knowledge/student-questions.json). Prints the figures that
  // `npx tsx src/cli/notes-eval.ts` prints and holds the answers to the issue's targets.
  const set = JSON.parse(readFileSync(new URL('./student-questions.json', import.meta.url), 'utf8')) as QuestionSet
  const provider = new KnowledgeProvider(createKnowledgeBase())
  const answer = (question: string): ReturnType<KnowledgeProvider['answer']> => provider.answer(question)

  t.test('the questions attached to the notes\' own sections are answered, not refused (every 25th of them)', async t => {
    const attached = attachedQuestions(createKnowledgeBase().index)
    t.ok(attached.covered.length > 8000, `${attached.covered.length} attached questions`)
    t.same(attached.covered.find(q => q.question === 'whats snapstart'), { lang: 'en', question: 'whats snapstart', note: 'serverless-functions', section: 'Cold starts' })
    const sample = { covered: attached.covered.filter((_, i) => i % 25 === 0), notCovered: [] }
    const figures = evaluate(answer, sample)
    t.ok(figures.coveredRefused <= 1, `refused ${figures.coveredRefused} of ${sample.covered.length}: ${figures.misses.filter(m => m.startsWith('refused')).join(' | ')}`)
    t.ok(figures.rightFirst >= 0.9, `right section first ${(100 * figures.rightFirst).toFixed(1)} %`)
  })

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
})

t.test('paraphrases', async t => {
  // Questions that say in everyday words what the notes name technically: the students' questions
  // attached to each section and the colloquial synonyms must lead them to the section that answers,
  // without making a question about something the notes lack look covered.
  const base = createKnowledgeBase()

  t.test('a pod reached by its own address, a slow first call to a named function, a capstone project', async t => {
    const lead = (question: string): string | undefined => retrieve(base, question).hits[0]?.heading
    t.equal(lead('the frontend calls the backend pod straight by its ip and it stops working each time the pod is recreated, what do i point it at'), 'Kubernetes objects: pods, deployments and services')
    t.equal(lead('o front chama o pod do backend direto pelo ip e quebra toda vez q o pod e recriado, aponto pra onde'), 'Objetos do Kubernetes: pods, deployments e services')
    t.equal(lead('first call to my api takes ages then the rest are fast'), 'Cold starts')
    const capstone = retrieve(base, 'for my capstone, how do i keep the database password out of the docker image')
    t.same([capstone.covered, capstone.unknown], [true, []], 'the student\'s own project names no topic')
  })

  t.test('searching a log is Logs Insights; a function that takes messages from a queue is triggered by it', async t => {
    const lead = (question: string): string | undefined => retrieve(base, question).hits[0]?.heading
    t.equal(lead('como faco uma query pra achar so as linhas de ERROR nos logs do meu servico no ecs'), 'Dashboards e Logs Insights')
    t.equal(lead('a lambda consegue ler as mensagens da fila sozinha ou preciso de um servidor buscando'), 'Eventos e gatilhos')
    t.equal(lead('minha lambda le da fila sqs e as mensagens vao pra dlq'), 'Visibility timeout e dead-letter queue', 'what happens to the message is the queue\'s')
  })

  t.test('a session kept in memory across scaled copies is the stateless processes; a TypeScript build\'s words are known', async t => {
    const lead = (question: string): string | undefined => retrieve(base, question).hits[0]?.heading
    t.equal(lead('my express app keeps the login session in memory and since we went to 3 tasks people get logged out'), 'Stateless processes')
    const build = retrieve(base, 'can my final docker image skip tsc and all the devDeps and keep only the compiled js')
    t.same([build.covered, build.unknown], [true, []])
  })

  t.test('colloquial synonyms add the notes\' term and count as known words', async t => {
    t.match(readQuestion('why does the chatbot make stuff up').text, /hallucination/)
    t.match(readQuestion('a ia inventa resposta').text, /alucinacao/)
    t.match(readQuestion('can we flip it back').text, /rollback/)
    t.match(readQuestion('how do i follow a request across services').text, /tracing/)
    t.same([...phraseWords('can we flip it back')].sort(), ['back', 'flip', 'it'])
    t.same([...phraseWords('what is a load balancer')], [], 'a question without such a phrase has no such words')
  })

  t.test('paraphrased questions find the section that answers them', async t => {
    for (const [question, topic, heading] of [
      ['why does the chatbot make stuff up sometimes', 'llm-apis-tokens', 'Hallucinations, grounding and ensembles'],
      ['a ia inventa resposta, pq isso?', 'llm-apis-tokens', 'Alucinações, grounding e ensembles'],
      ['how can i follow a request through all my services', 'observability', 'Traces and AWS X-Ray'],
      ['meus logs ficam guardados pra sempre? da pra configurar pra apagar os antigos', 'cloudwatch', 'CloudWatch Logs: grupos de logs e retenção'],
      ['first request to my lambda after a quiet period takes like 3 sec, then its fast. how do i make that first one faster?', 'serverless-functions', 'Cold starts'],
      ['a primeira requisicao depois de um tempo parada demora 3s na minha lambda', 'serverless-functions', 'Cold start (partida a frio)'],
      ['our new version crashloops on ecs and the deployment keeps starting tasks. can ecs go back to the previous version on its own?', 'deployment-strategies', 'ECS deployment circuit breaker and rollback'],
      ['a mentor keeps pushing microservices from day one. what do we actually gain by staying with a monolith for now?', 'microservices-vs-monolith', 'Advantages of a monolith'],
      ['plain ec2 or elastic beanstalk for our capstone? iaas gives more control, but whats the catch?', 'service-models', 'Trade-offs between service models'],
      ['a request passa por 4 servicos e demora 3s no total, como descubro qual deles ta lento?', 'observability', 'Traces e AWS X-Ray'],
      ['a single request goes through our gateway, three services and a cache. how do we see which step eats the time?', 'observability', 'Traces and AWS X-Ray'],
      // All the traffic moved to the new version at once, the old one kept to go back to, is blue/green.
      ['quero passar tudo de uma vez pra versao nova e se der ruim voltar na hora, qual estrategia uso? sai mais caro?', 'deployment-strategies', 'Deploy blue/green'],
      ['we want to move everything to the new version at once and go back right away if it fails, which strategy, does it cost more?', 'deployment-strategies', 'Blue/green deployment'],
      // Far more memory given than used is a resource to right-size.
      ['cada task tem 2gb de memoria e fica em uns 300mb o dia inteiro, como economizo', 'finops-cost-optimization', 'Redimensionamento (right-sizing)'],
      // A process killed before it finishes when its task stops met the SIGKILL at the end of the stop timeout.
      ['meu worker no ecs precisa de uns 90s pra fechar o lote qdo a task para, mas é morto antes, tem como dar mais tempo?', 'health-checks-graceful-shutdown', 'Desligamento gracioso com SIGTERM'],
      ['lambda lendo de uma fila sqs, quem chama quem? a lambda fica fazendo polling?', 'serverless-functions', 'Eventos e gatilhos'],
      ['abri a porta 22 pra 0.0.0.0/0 e a aws deixou, ela nao deveria bloquear isso?', 'shared-responsibility', 'Erros comuns na responsabilidade compartilhada'],
      ['temos a api em sp e em virginia, da pra cada cliente cair sozinho na q responde mais rapido pra ele?', 'dns', 'Políticas de roteamento do Route 53'],
      ['meu servico fica sobe tarefa, desce tarefa, sobe de novo o tempo todo, parece doido. oq ta acontecendo', 'autoscaling', 'Cooldowns e armadilhas'],
      ['how do i tie together every log line that belongs to one request', 'observability', 'Logs and structured logging'],
      ['como juntar os logs de uma mesma requisicao entre os servicos?', 'observability', 'Logs e log estruturado'],
      // One sentence of the recap says most of what is asked: its fact.
      ['da pra trocar o bloco cidr principal da vpc depois que ela foi criada?', 'vpc-subnets', 'Para lembrar'],
      ['how do i send my local image to the ecr registry', 'container-registries', 'Pushing and pulling images with Amazon ECR'],
      // One event that must reach several services is fanned out through a topic.
      ['quero q o evento de pagamento chegue em 3 servicos, cada um no seu ritmo', 'message-queues', 'Amazon SNS e Amazon EventBridge'],
      // An old task that takes minutes to stop is waiting out the deregistration delay.
      ['a task antiga demora uns 5 min pra parar quando faco deploy no ecs', 'health-checks-graceful-shutdown', 'Connection draining (drenagem de conexões)']
    ] as const) {
      const found = retrieve(base, question)
      t.ok(found.covered, `covered: ${question}`)
      t.equal(`${found.hits[0]?.topic} / ${found.hits[0]?.heading}`, `${topic} / ${heading}`, question)
    }
  })

  t.test('a question about something the notes lack stays not covered, whatever students\' questions share its other words', async t => {
    for (const question of [
      'como configuro o amazon macie pra achar dados pessoais nos meus buckets?',
      'how do i write a rule in aws waf to block an ip range'
    ]) {
      const found = retrieve(base, question)
      t.notOk(found.covered, `not covered: ${question}`)
    }
  })
})

t.test('passing-names', async t => {
  // Names the notes only mention in passing, cost questions answered by their subject's note, and
  // the summary yielding to the section a question names.
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

  t.test('a name the section\'s own attached questions ask about ("whats snapstart") is one it answers', async t => {
    for (const lang of ['pt', 'en'] as const) {
      t.notOk(spelled(lang).includes('SnapStart'), `${lang}: SnapStart is answered where it is mentioned`)
      t.ok(spelled(lang).includes('Step Functions'), `${lang}: a name attached questions only mention beside others stays a passing one`)
    }
    for (const question of ['oq e snapstart', 'what is SnapStart']) {
      const found = retrieve(base, question)
      t.ok(found.covered, `covered: ${question}`)
      t.equal(found.hits[0]?.topic, 'serverless-functions')
    }
    t.notOk(retrieve(base, 'como configuro o SageMaker para treinar um modelo').covered, 'a name the notes lack is still not covered')
  })

  t.test('a name that an attached question of the answering section asks about in much the same words is answered there', async t => {
    for (const [question, topic] of [
      ['instalei docker no windows e ele pediu pra ativar wsl 2, pq precisa disso', 'vms-vs-containers'],
      ['my windows laptop wants wsl 2 turned on for docker, why', 'vms-vs-containers']
    ] as const) {
      const found = retrieve(base, question)
      t.ok(found.covered, `covered: ${question} (${found.untreated.join(', ')})`)
      t.equal(found.hits[0]?.topic, topic)
    }
    // The deployment-models section is asked "is aws direct connect used for hybrid cloud", not how it works.
    const found = retrieve(base, 'how does aws direct connect work')
    t.notOk(found.covered, 'a question about the name the attached question does not ask stays not covered')
    t.same(found.untreated, ['Direct Connect'])
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

  t.test('an abbreviation\'s plural ("IPs", "AMIs") is read as the abbreviation: too short, treated or common as it is', async t => {
    const dir = mkdtempSync(join(tmpdir(), 'passing-'))
    mkdirSync(join(dir, 'en'))
    const note = (topic: string, keywords: string, sentence: string): string => [
      '---', `title: ${topic}`, `topic: ${topic}`, 'lang: en', `keywords: [${keywords}]`, '---', '', `# ${topic}`, '', sentence, ''
    ].join('\n')
    // "IP" is two letters, as "OS" or "ID": too short to name a product, and so is its plural.
    writeFileSync(join(dir, 'en', 'dns.md'), note('dns', 'dns', 'Several healthy IPs can be returned for one name.'))
    // "AMI" is treated (a keyword): its plural, written only in passing, is treated too.
    writeFileSync(join(dir, 'en', 'images.md'), note('images', 'AMI', 'Share the Frobnicator AMIs with the other account.'))
    // "CDNs" in three topics: common vocabulary, and "CDN" with it.
    for (const topic of ['web', 'video', 'static']) writeFileSync(join(dir, 'en', `${topic}.md`), note(topic, topic, `Big sites put CDNs in front; the Frobnicator uses a CDN for ${topic}.`))
    // "ENIs" and "ENI" in one topic only: a passing name, found as the notes write it.
    writeFileSync(join(dir, 'en', 'hosts.md'), note('hosts', 'hosts', 'The Zorblax attaches ENIs; each ENI has an address.'))
    const small = createKnowledgeBase({ dir })
    const found = (question: string): string[] => passingNamesIn(small.index, analyzerFor('en').analyze(question), 'en').map(n => n.spelled)
    t.same(found('my pods keep getting new ips, how do other apps find them'), [], 'IPs: as short as IP')
    t.same(found('how do i copy amis between regions'), [], 'AMIs: treated, as AMI is')
    t.same(found('are cdns worth it'), [], 'CDNs: as common as CDN')
    t.same(found('how many enis can one host take'), ['ENIs'], 'ENIs: as rare as ENI, still a passing name')
    const pods = retrieve(base, 'my pods keep getting new ips every time they restart, how are other apps supposed to find them')
    t.ok(pods.covered, `covered: the pods question (${pods.untreated.join(', ')})`)
    t.equal(pods.hits[0]?.topic, 'kubernetes-basics')
  })

  t.test('a name the question asks to define, or how it works, is its subject, however well the rest matches a section', async t => {
    const saga = retrieve(base, 'What is the saga pattern for keeping data consistent across microservices without distributed transactions?')
    t.equal(saga.covered, false, 'what the saga pattern is, the notes do not say')
    t.ok(saga.untreated.some(name => /saga/i.test(name)), `names the saga pattern: ${saga.untreated.join(', ')}`)
    t.equal(saga.closest?.topic, 'microservices-vs-monolith', 'the related topic is still offered')
    const handles = retrieve(base, 'how does the saga pattern handle a transaction that spans a bunch of microservices')
    t.equal(handles.covered, false, 'how the saga pattern works, the notes do not say')
    t.ok(handles.untreated.some(name => /saga/i.test(name)), `names the saga pattern: ${handles.untreated.join(', ')}`)
    // Where a name fits is what a list of examples answers.
    t.ok(retrieve(base, 'Is Heroku an example of PaaS or IaaS, and where does Google Cloud Run fit?').covered, 'where does Google Cloud Run fit')
  })

  t.test('a question about a name mentioned in passing is not covered, and the answer names it', async t => {
    for (const [question, name] of [
      ['como usar step functions pra orquestrar varias lambdas', 'Step Functions'],
      ['how do i turn on cloudtrail to audit api calls', 'CloudTrail'],
      ['how to set up a helm chart repository', 'Helm'],
      // How to work it, asked of a name the notes mention only in passing, whatever the rest matches.
      ['how do i install a helm chart on my eks cluster', 'Helm'],
      ['how do i set up the horizontal pod autoscaler in kubernetes', 'horizontal pod autoscaler'],
      ['como criar regra no waf pra bloquear um ip', 'WAF'],
      ['como implementar paginação por cursor na minha API REST?', 'paginação']
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
})

t.test('question', async t => {
  t.test('students\' spellings are written out', async t => {
    t.equal(readQuestion('pq usar k8s?').text, 'por que usar kubernetes?')
    t.equal(readQuestion('oq eh um db').text, 'o que e um database')
    t.match(readQuestion('quem aplica patch no SO da ec2?').text, /sistema operacional/, '"SO" in capitals is the operating system')
    t.notMatch(readQuestion('os logs ficam onde?').text, /operating system/, '"os" is an article in Portuguese')
    t.match(readQuestion('who patches the os on ec2').text, /operating system/)
    t.match(readQuestion('como guardar a chave da api?').text, /segredo/, 'an API key is a secret')
  })

  t.test('the student\'s group of classmates is no group the notes treat', async t => {
    t.notMatch(readQuestion('meu grupo quer usar dynamodb pra tudo').text, /grupo/)
    t.notMatch(readQuestion('o pessoal do grupo ta dividido sobre o nat gateway').text, /grupo/)
    t.match(readQuestion('nosso grupo de seguranca libera a porta 22').text, /grupo de seguranca/, 'a group of something is that group')
    t.match(readQuestion('o log group do meu lambda sumiu').text, /group/)
  })

  t.test('the kind of answer asked for', async t => {
    t.equal(questionType('qual a diferenca entre alb e nlb'), 'difference')
    t.equal(questionType('alb vs nlb'), 'difference')
    t.equal(questionType('terraform ou cloudformation, qual usar?'), 'difference')
    t.equal(questionType('pra um time pequeno vale mais a pena eks ou ecs? o eks cobra pelo cluster?'), 'difference', 'a choice asked at the end of a sentence')
    t.equal(questionType('which is cheaper for us, lambda or fargate?'), 'difference')
    t.not(questionType('vale a pena usar cache ou nao?'), 'difference', 'whether to do a thing at all is no choice between two')
    t.equal(questionType('quanto custa o nat gateway'), 'cost')
    t.equal(questionType('o trafego entre zonas de disponibilidade e gratuito?'), 'cost', 'whether something is free asks what it costs')
    t.equal(questionType('is traffic between two azs free of charge'), 'cost')
    t.equal(questionType('is the internet gateway billed by the hour'), 'cost')
    t.equal(questionType('por que usar docker'), 'why')
    t.equal(questionType('how do i push an image to ecr'), 'howto')
    t.equal(questionType('what is a vpc'), 'definition')
    t.equal(questionType('lambda max timeout'), 'other')
    t.equal(questionType('container e vm sao a mesma coisa?'), 'difference', 'asking whether two things are the same asks how they differ')
    t.equal(questionType('sqs ou sns, quando usar cada um'), 'difference')
    t.equal(questionType('when to use each, lambda or fargate'), 'difference')
    t.equal(questionType('como funciona o nat gateway'), 'definition', 'how something works is explained like a definition')
    t.equal(questionType('how does a cdn work'), 'definition')
    t.not(questionType('what happens when the cache expires'), 'definition', '"what happens" asks for a consequence')
    t.not(questionType('o que acontece quando a task recebe sigterm'), 'definition')
    for (const cause of ['why does my node container ignore sigterm', "why doesn't the alb see my targets", 'por que o meu deploy cai toda vez', 'por que a minha task nao sobe']) {
      t.equal(questionType(cause), 'other', `the cause of what happens to the student's system is no argument for a tool: ${cause}`)
    }
    t.equal(questionType('why would i pick fargate'), 'why')
    t.equal(questionType('why is my cache worth it'), 'why', 'a benefit asked for stays one')
  })

  t.test('greetings and thanks, and only them', async t => {
    t.same(smallTalk('oi'), { lang: 'pt', kind: 'greeting' })
    t.same(smallTalk('Bom dia, professor!'), { lang: 'pt', kind: 'greeting' })
    t.same(smallTalk('muito obrigado'), { lang: 'pt', kind: 'thanks' })
    t.same(smallTalk('Hello there'), { lang: 'en', kind: 'greeting' })
    t.same(smallTalk('thx'), { lang: 'en', kind: 'thanks' })
    t.equal(smallTalk('oi, o que é um pod?'), null)
    t.equal(smallTalk('thanks, but how do I scale it?'), null)
  })
})

t.test('retrieval', async t => {
  // Retrieval quality on the bundled notes, measured with questions written apart from them.
  interface Question { lang: 'pt' | 'en', slug: string, question: string }
  interface OffTopic { lang: 'pt' | 'en', question: string }

  const questions = JSON.parse(readFileSync(new URL('./retrieval-questions.json', import.meta.url), 'utf8')) as Question[]
  const offTopic = JSON.parse(readFileSync(new URL('./off-topic-questions.json', import.meta.url), 'utf8')) as OffTopic[]

  const base = createKnowledgeBase()

  t.test('words the question puts side by side lead to the section that writes them side by side', async t => {
    for (const [question, heading] of [
      ['diferenca de usuario e role no iam? pq todo mundo fala pra usar role', 'Usuários, grupos e roles'],
      ['vale a pena guardar as respostas da api da llm pra economizar grana? e oq nao devia guardar?', 'O que vale a pena guardar em cache']
    ] as const) {
      t.equal(retrieve(base, question).hits[0]?.heading, heading, question)
    }
  })

  t.test('the bundled notes load, both languages, every topic in each', async t => {
    const { stats } = base
    t.comment(`index: ${stats.notes} notes, ${stats.passages} passages; files read in ${stats.loadMs.toFixed(1)} ms, index built in ${stats.buildMs.toFixed(1)} ms`)
    t.same(stats.languages.sort(), ['en', 'pt'])
    const topics = (lang: string): string[] => base.index.notes.filter(n => n.lang === lang).map(n => n.topic).sort()
    t.ok(topics('en').length >= 40, 'at least 40 topics')
    t.same(topics('pt'), topics('en'), 'each topic in both languages')
    const slugs = new Set(questions.map(q => q.slug))
    for (const slug of slugs) t.ok(topics('en').includes(slug), `a note exists for ${slug}`)
  })

  t.test('the question set is balanced and large enough', async t => {
    t.ok(questions.length >= 48)
    t.equal(questions.filter(q => q.lang === 'pt').length, questions.filter(q => q.lang === 'en').length)
  })

  t.test('the right note is in the top 3 for at least 90% of the questions', async t => {
    const rank: Record<'pt' | 'en', { n: number, top1: number, top3: number }> = {
      pt: { n: 0, top1: 0, top3: 0 },
      en: { n: 0, top1: 0, top3: 0 }
    }
    const misses: string[] = []
    for (const q of questions) {
      const hits = base.search(q.question, { lang: detectLanguage(q.question), limit: 3, perNote: 1 })
      const at = hits.findIndex(h => h.topic === q.slug)
      const r = rank[q.lang]
      r.n++
      if (at === 0) r.top1++
      if (at >= 0) r.top3++
      else misses.push(`${q.question} → ${hits.map(h => h.topic).join(', ')} (expected ${q.slug})`)
    }
    const n = rank.pt.n + rank.en.n
    const top1 = (rank.pt.top1 + rank.en.top1) / n
    const top3 = (rank.pt.top3 + rank.en.top3) / n
    t.comment(`top-1 ${(100 * top1).toFixed(1)}%, top-3 ${(100 * top3).toFixed(1)}% on ${n} questions ` +
      `(pt top-3 ${rank.pt.top3}/${rank.pt.n}, en top-3 ${rank.en.top3}/${rank.en.n})`)
    for (const miss of misses) t.comment(`miss: ${miss}`)
    t.ok(top3 >= 0.9, `top-3 hit rate ${(100 * top3).toFixed(1)}% ≥ 90%`)
    t.ok(rank.pt.top3 / rank.pt.n >= 0.85, 'Portuguese questions are not carried by the English ones')
    t.ok(rank.en.top3 / rank.en.n >= 0.85, 'English questions are not carried by the Portuguese ones')
  })

  t.test('the coverage threshold separates course questions from unrelated ones', async t => {
    const strength = (question: string): number =>
      base.search(question, { lang: detectLanguage(question), limit: 1 })[0]?.strength ?? 0
    const onTopic = questions.map(q => strength(q.question))
    const unrelated = offTopic.map(q => strength(q.question))
    t.comment(`strength: weakest course question ${Math.min(...onTopic).toFixed(2)}, strongest unrelated ${Math.max(...unrelated).toFixed(2)}, threshold ${MIN_STRENGTH}`)
    t.equal(onTopic.filter(s => s < MIN_STRENGTH).length, 0, 'every course question is covered')
    t.same(offTopic.filter((_, i) => unrelated[i] >= MIN_STRENGTH).map(q => q.question), [], 'no unrelated question is covered')
  })

  t.test('every question is detected in its own language', async t => {
    const wrong = [...questions, ...offTopic].filter(q => detectLanguage(q.question) !== q.lang).map(q => q.question)
    t.same(wrong, [])
  })
})
