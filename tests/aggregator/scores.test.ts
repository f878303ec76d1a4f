import t from 'tap'
import { aggregate, TOTAL_WEIGHTS } from '../../src/aggregator/index.js'
import { arithmeticErrors, priorScore, qualityScore, relevanceScore } from '../../src/aggregator/scores.js'
import { contentTokens, foldAccents, stem, wordCount } from '../../src/aggregator/text.js'
import { cosine, similarityMatrix, tfidfVectors } from '../../src/aggregator/similarity.js'
import { DOCKER_ANSWERS, DOCKER_QUESTION, ok } from './answers.js'

t.test('total is the documented weighted sum', async t => {
  t.same(TOTAL_WEIGHTS, { consensus: 0.45, relevance: 0.2, quality: 0.2, prior: 0.15 })
  const decision = aggregate(DOCKER_QUESTION, [
    ok('o', DOCKER_ANSWERS.openai, { weight: 2 }), ok('g', DOCKER_ANSWERS.gemini), ok('h', DOCKER_ANSWERS.huggingface, { trackRecord: 0.5 })
  ], { strategy: 'auto' })
  for (const { scores } of decision.candidates) {
    const expected = 0.45 * scores.consensus + 0.2 * scores.relevance + 0.2 * scores.quality + 0.15 * scores.prior
    t.ok(Math.abs(scores.total - expected) < 1e-3, `${scores.total} ≈ ${expected}`)
  }
  t.same(decision.candidates.map(c => c.scores.prior), [1, 0.5, 0.25], 'weight relative to the heaviest, times track record')
})

t.test('tokens: accents folded, stop words of both languages dropped, plurals conflated', async t => {
  t.equal(foldAccents('Função Ação'), 'funcao acao')
  t.same(contentTokens('As aplicações e os contêineres'), ['aplicacao', 'conteiner'])
  t.same(contentTokens('The containers and the service'), contentTokens('container services'))
  t.same(contentTokens('The containers and the services'), ['container', 'servic'])
  t.same(contentTokens('It costs 70,000 or 1.234.567'), ['cost', '70000', '1234567'])
  t.equal(stem('policies'), 'policy')
  t.equal(stem('processes'), 'process')
  t.equal(stem('funcionais'), 'funcional')
  t.equal(wordCount('  one two\nthree\t four  '), 4)
  t.equal(wordCount(''), 0)
})

t.test('similarity: TF-IDF cosine is symmetric, 1 on itself, 0 for disjoint texts', async t => {
  const docs = [contentTokens(DOCKER_ANSWERS.openai), contentTokens(DOCKER_ANSWERS.gemini), contentTokens('sourdough flour starter oven')]
  const m = similarityMatrix(tfidfVectors(docs))
  t.equal(m[0][1], m[1][0])
  t.ok(Math.abs(m[0][0] - 1) < 1e-9)
  t.ok(m[0][1] > 0.3, `related answers ${m[0][1]}`)
  t.equal(m[0][2], 0)
  t.equal(cosine(new Map(), new Map([['a', 1]])), 0)
})

t.test('relevance: coverage of the question\'s content words, across inflections', async t => {
  const q = new Set(contentTokens('Como funciona o escalonamento automático de contêineres?'))
  const answer = 'O escalonamento automatico adiciona conteineres quando a CPU passa do limite e funciona com metricas do CloudWatch, removendo tarefas depois.'
  t.ok(relevanceScore(q, contentTokens(answer), wordCount(answer)) >= 0.75)
  const unrelated = 'Sourdough needs flour, water, salt and an active starter left to rise overnight before baking in a hot oven for forty minutes.'
  t.ok(relevanceScore(q, contentTokens(unrelated), wordCount(unrelated)) < 0.1)
  t.equal(relevanceScore(q, ['18'], 1), 0.5, 'a bare short answer is neutral')
  t.equal(relevanceScore(new Set(), ['x'], 1), 1, 'no content words in the question')
})

t.test('arithmetic check: wrong stated results are counted', async t => {
  t.equal(arithmeticErrors('80,000*.5 = 40,000 and 16 - 3 - 4 = 9 and 2 + 3 * 4 = 14'), 0)
  t.equal(arithmeticErrors('130,000*.15 = $195,000'), 1)
  t.equal(arithmeticErrors('10 / 4 = 2.5, 3 x 4 = 13'), 1)
  t.equal(arithmeticErrors('He sold 130,000*.15 = $<<130000*.15=19500.0>>195,000 worth'), 1, 'annotations removed, prose checked')
  t.equal(arithmeticErrors('No equations here, just 42 words.'), 0)
})

t.test('quality: length, structure and finish reason', async t => {
  const base = { disclaimer: false, lowCoverage: false }
  const good = qualityScore({ ...base, text: DOCKER_ANSWERS.openai, finishReason: 'stop' })
  t.equal(good, 1)
  t.ok(qualityScore({ ...base, text: DOCKER_ANSWERS.openai, finishReason: 'length' }) <= 0.4, 'cut off')
  t.ok(qualityScore({ ...base, text: DOCKER_ANSWERS.openai, finishReason: 'other' }) < good)
  t.equal(qualityScore({ ...base, text: DOCKER_ANSWERS.openai, finishReason: 'content_filter' }), 0)
  t.equal(qualityScore({ ...base, text: '' }), 0)
  t.ok(qualityScore({ ...base, text: 'Yes.' }) < good, 'very short')
  t.ok(qualityScore({ ...base, text: 'word '.repeat(4000) }) < good, 'very long')
  const looping = 'Containers are light.\n'.repeat(8) + 'They share the kernel.'
  t.ok(qualityScore({ ...base, text: looping }) < 0.8, 'degenerate repetition')
  t.ok(qualityScore({ ...base, text: DOCKER_ANSWERS.gemini + '\n```bash\ndocker run -p 8080:8080 app' }) < good, 'unclosed code block')
  t.ok(qualityScore({ ...base, text: DOCKER_ANSWERS.openai + ' So 3 * 4 = 13.' }) < good, 'miscalculation')
  t.ok(qualityScore({ ...base, text: DOCKER_ANSWERS.openai, lowCoverage: true }) <= 0.15)
})

t.test('prior: relative weight times track record, never negative', async t => {
  t.equal(priorScore({ provider: 'a', model: 'a', status: 'ok', text: '' }, 1), 1)
  t.equal(priorScore({ provider: 'a', model: 'a', status: 'ok', text: '', weight: 0.6 }, 1), 0.6)
  t.equal(priorScore({ provider: 'a', model: 'a', status: 'ok', text: '', weight: 1, trackRecord: 0.5 }, 2), 0.25)
  t.equal(priorScore({ provider: 'a', model: 'a', status: 'ok', text: '', weight: -1 }, 1), 0)
  t.equal(priorScore({ provider: 'a', model: 'a', status: 'ok', text: '', trackRecord: 7 }, 1), 1)
})
