import t from 'tap'
import { analyzerFor, foldText, tokenize } from '../../src/knowledge/analyzer.js'
import { detectLanguage } from '../../src/knowledge/language.js'
import { splitCode } from '../../src/knowledge/knowledge-index.js'
import { stemEn, stemPt } from '../../src/knowledge/stemmer.js'

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
    ['docker']
  ]
  for (const group of groups) {
    const keys = new Set(group.map(w => stemPt(foldText(w))))
    t.equal(keys.size, 1, `${group.join(', ')} → ${[...keys].join(', ')}`)
  }
  t.equal(stemPt('docker'), 'docker', 'English loanwords keep their -er')
  t.equal(stemPt('usar'), 'usar', 'short words are left alone')
  t.equal(stemPt('ec2'), 'ec2')
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
    ['containerization', 'containerize']
  ]
  for (const group of groups) {
    const keys = new Set(group.map(w => stemEn(w)))
    t.equal(keys.size, 1, `${group.join(', ')} → ${[...keys].join(', ')}`)
  }
  t.equal(stemEn('container'), 'container')
  t.equal(stemEn('status'), 'status', '-us is not a plural')
  t.equal(stemEn('http2'), 'http2')
})

t.test('a loanword spelled the Portuguese way meets its English spelling', async t => {
  const pt = analyzerFor('pt')
  t.same(pt.analyze('contêineres'), pt.analyze('containers'))
  t.same(pt.analyze('contêiner'), pt.analyze('container'))
  t.same(analyzerFor('en').analyze('conteiner'), analyzerFor('en').analyze('container'))
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
