import t from 'tap'
import { analyseAnswer, contentTokens, tokenCounts } from '../../src/aggregator/analysis.js'
import { contentTokens as reference, foldAccents, wordCount } from '../../src/aggregator/text.js'
import { detectJunk } from '../../src/aggregator/junk.js'
import { arithmeticErrors, qualityScore, relevanceScore } from '../../src/aggregator/scores.js'
import { compareAnswers, similarityFromCounts } from '../../src/aggregator/similarity.js'
import { extractFinalAnswer, numbersIn } from '../../src/aggregator/extract.js'
import { formFeatures } from '../../src/aggregator/open-answer.js'
import { loadAlpaca, loadGsm8k } from '../../src/eval/datasets.js'
import { mulberry32 } from '../../src/eval/stats.js'

// The aggregator's passes were made cheaper on the promise that no decision changes. These tests hold each
// cheaper pass to the plain computation it replaced, on recorded answers and on text built to reach the
// branches recorded answers rarely do (the word table's growth and reset, long words, non-ASCII white space).

const WHITE_SPACE = /[ \t\n\v\f\r\u00a0\u2028\u2029]+/

/** wordCount() as its comment defines it: runs of anything but white space. */
function plainWordCount (text: string): number {
  return text.split(WHITE_SPACE).filter(word => word !== '').length
}

function randomWord (random: () => number, length: number): string {
  let word = ''
  for (let i = 0; i < length; i++) word += String.fromCharCode(97 + Math.floor(random() * 26))
  return word
}

t.test('tokens stay exact while the word table grows past its first size and after it starts again', async t => {
  const random = mulberry32(7)
  // 30,000 distinct words: the table doubles several times, and passes the 20,000 words it keeps.
  for (let batch = 0; batch < 6; batch++) {
    const words = Array.from({ length: 5000 }, () => randomWord(random, 3 + Math.floor(random() * 9)))
    const text = words.join(' ')
    t.same(contentTokens(text), reference(text), `batch ${batch}`)
  }
  // Words met before the reset are reduced again the same way.
  const again = 'Containers, containers and CONTAINERS: services, serviços e funções.'
  t.same(contentTokens(again), reference(again))
  t.same([...tokenCounts(again)], [['container', 3], ['servic', 1], ['servico', 1], ['funcao', 1]])
})

t.test('long words, many tokens and words that differ only in case or length are told apart', async t => {
  const long = 'x'.repeat(70_000)
  const text = `${long} ${long}y ${long.toUpperCase()} ab abc abcd ABCD abcde`
  t.same(contentTokens(text), reference(text))
  const counts = tokenCounts(text)
  t.equal(counts.get(long), 2, 'the long word and its upper-case spelling are one token')
  t.equal(counts.get(`${long}y`), 1)
  const many = Array.from({ length: 3000 }, (_, i) => `term${i % 700}`).join(' ')
  t.same(contentTokens(many), reference(many), '3,000 tokens in one text')
  t.equal(tokenCounts(many).get('term5'), 5)
})

t.test('the word count counted while tokenising is the word count', async t => {
  const texts = [
    ...loadAlpaca().questions.slice(0, 40).flatMap(q => q.candidates.map(c => c.text)),
    `${'word '.repeat(80)}\t-- ; \n\n  ... end`,
    `${'palavra '.repeat(60)}com\u00a0espaço\u2028e linha`,
    `${'a '.repeat(200)}\u0301 \u0301`,
    'short ascii text'
  ]
  for (const text of texts) {
    const { counts, words } = analyseAnswer(text)
    t.equal(words, plainWordCount(text), JSON.stringify(text.slice(0, 40)))
    t.same([...counts], [...tokenCounts(text)], 'the same counts as tokenCounts()')
  }
})

t.test('folding ASCII is lower-casing, and other text is still decomposed', async t => {
  for (const text of ['Docker IMAGES 70,000', "it's AWS-ready", '', 'plain']) {
    t.equal(foldAccents(text), text.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase())
  }
  t.equal(foldAccents('Função AÇÕES'), 'funcao acoes')
})

t.test('folding removes every mark, in the Latin block or past it, as the one Unicode-property pass did', async t => {
  const plain = (text: string): string => text.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase()
  const crafted = [
    'Função, ações — “aspas” e o’apóstrofo • 🚀', 'Ѐ҃ кири́ллица', 'עִבְרִית', 'हिन्दी', 'ไทย่', 'e\u0301\u0483x\u20dd',
    'İstanbul ß ﬁle ½ ² Ⅻ', '\ud800 lone \udc00 surrogates', 'a\u036f\u0370b', '😀\u{1d167}x', 'ÇÃO'
  ]
  for (const text of crafted) t.equal(foldAccents(text), plain(text), JSON.stringify(text))
  const recorded = [
    ...loadAlpaca().questions.flatMap(q => [q.question, ...q.candidates.map(c => c.text)]),
    ...loadGsm8k().flatMap(q => [q.question, ...q.candidates.map(c => c.text)])
  ].filter(text => /[^\x00-\x7f]/.test(text))
  t.ok(recorded.length > 100, `${recorded.length} recorded texts with non-ASCII characters`)
  t.same(recorded.filter(text => foldAccents(text) !== plain(text)).slice(0, 3), [])
})

t.test('a reply to an open question needs three words, however long the text', async t => {
  t.equal(detectJunk('Sim.', 'open'), 'a one-word reply to an open question')
  t.equal(detectJunk('  Use   Docker  ', 'open'), 'a two-word reply to an open question')
  t.equal(detectJunk('Use Docker containers', 'open'), null)
  t.equal(detectJunk(`Containers ${Array.from({ length: 5000 }, (_, i) => `isolate${i}`).join(' ')}`, 'open'), null)
  t.equal(detectJunk('18', 'number'), null, 'a one-word reply to a short question is an answer')
})

t.test('relevance matches question words by prefix only where they are missing as written', async t => {
  /** The score as it was computed before: every answer prefix collected first. */
  const plain = (question: Set<string>, answer: Map<string, number>, words: number): number => {
    const prefixes = new Set([...answer.keys()].filter(w => w.length >= 5).map(w => w.slice(0, 5)))
    let matched = 0
    for (const token of question) if (answer.has(token) || (token.length >= 5 && prefixes.has(token.slice(0, 5)))) matched++
    const coverage = matched / question.size
    return words < 15 ? Math.max(coverage, 0.5) : coverage
  }
  const questions = loadGsm8k().slice(0, 60)
  let compared = 0
  for (const q of questions) {
    const question = new Set(contentTokens(q.question))
    for (const c of q.candidates) {
      const counts = tokenCounts(c.text)
      t.equal(relevanceScore(question, counts, wordCount(c.text)), plain(question, counts, wordCount(c.text)))
      compared++
    }
  }
  t.ok(compared > 200)
  const question = new Set(['containeriz', 'deploy', 'kubernet'])
  const answer = new Map([['container', 2], ['deployment', 1]])
  t.equal(relevanceScore(question, answer, 40), 2 / 3, '"container…" and "deploy…" by prefix, "kubernet" missing')
  t.equal(relevanceScore(question, ['deploy', 'kubernet', 'containers'], 40), 1)
})

t.test('the similarity is the plain TF-IDF cosine on Maps, to the last bit', async t => {
  const termCounts = (tokens: string[]): Map<string, number> => {
    const tf = new Map<string, number>()
    for (const token of tokens) tf.set(token, (tf.get(token) ?? 0) + 1)
    return tf
  }
  const plainVectors = (counts: Array<Map<string, number>>): Array<Map<string, number>> => {
    const df = new Map<string, number>()
    for (const tf of counts) for (const term of tf.keys()) df.set(term, (df.get(term) ?? 0) + 1)
    return counts.map(tf => {
      const vector = new Map<string, number>()
      let norm = 0
      for (const [term, count] of tf) {
        const weight = (1 + Math.log(count)) * (1 + Math.log((1 + counts.length) / (1 + (df.get(term) as number))))
        vector.set(term, weight)
        norm += weight * weight
      }
      norm = Math.sqrt(norm)
      if (norm > 0) for (const [term, weight] of vector) vector.set(term, weight / norm)
      return vector
    })
  }
  const plainCosine = (a: Map<string, number>, b: Map<string, number>): number => {
    const [small, large] = a.size <= b.size ? [a, b] : [b, a]
    let dot = 0
    for (const [term, weight] of small) {
      const other = large.get(term)
      if (other !== undefined) dot += weight * other
    }
    return Math.min(1, Math.max(0, dot))
  }
  const plainMatrix = (counts: Array<Map<string, number>>): number[][] => {
    const vectors = plainVectors(counts)
    return vectors.map((a, i) => vectors.map((b, j) => i === j ? (a.size > 0 ? 1 : 0) : plainCosine(i < j ? a : b, i < j ? b : a)))
  }
  for (const q of [...loadAlpaca().questions.slice(0, 30), ...loadGsm8k().slice(0, 30)]) {
    const counts = q.candidates.map(c => termCounts(contentTokens(c.text)))
    t.strictSame(similarityFromCounts(counts), plainMatrix(counts))
    t.strictSame(similarityFromCounts(q.candidates.map(c => tokenCounts(c.text))), plainMatrix(counts), 'from the scan\'s own counts')
  }
  const sizes = [new Map([['a', 2], ['b', 1]]), new Map([['b', 3], ['a', 1]]), new Map(), new Map([['c', 1]])]
  t.strictSame(similarityFromCounts(sizes), plainMatrix(sizes), 'documents as large as each other, an empty one, a disjoint one')
})

t.test('the terms each pair of answers shares come from the same pass as their cosine', async t => {
  const plainShared = (counts: readonly Map<string, number>[]): number[][] =>
    counts.map((a, i) => counts.map((b, j) => i === j ? a.size : [...a.keys()].filter(term => b.has(term)).length))
  for (const q of [...loadAlpaca().questions.slice(0, 30), ...loadGsm8k().slice(0, 30)]) {
    const counts = q.candidates.map(c => tokenCounts(c.text))
    const compared = compareAnswers(counts)
    t.strictSame(compared.shared, plainShared(counts), q.id)
    t.strictSame(compared.cosine, similarityFromCounts(counts), `${q.id}: the cosines are similarityFromCounts's`)
  }
  const sizes = [new Map([['a', 2], ['b', 1]]), new Map([['b', 3], ['a', 1]]), new Map(), new Map([['c', 1]])]
  t.strictSame(compareAnswers(sizes).shared, [[2, 2, 0, 0], [2, 2, 0, 0], [0, 0, 0, 0], [0, 0, 0, 1]])
})

t.test('quality reads the same sentences when the text is lower-cased once', async t => {
  /** The repetition penalty as it was computed: each sentence lower-cased on its own. */
  const repeated = (text: string): number => {
    const sentences = text.split(/[.!?]\s+|\n+/).map(s => s.trim().toLowerCase()).filter(s => s.length > 0)
    return sentences.length >= 4 ? new Set(sentences).size / sentences.length : 1
  }
  const texts = [
    'ΟΔΟΣ. Οδος. ΟΔΟΣ! οδοσ? ΟΔΟΣ.\nΣ. σ.',
    'İstanbul. istanbul. İSTANBUL. i̇stanbul. Istanbul.',
    'Use Docker. use docker. USE DOCKER. Use Docker.  \n\n Use docker.'
  ]
  for (const text of texts) {
    const unique = repeated(text)
    const expected = unique < 0.7 ? 0.5 + 0.5 * unique : 1
    const words = wordCount(text)
    const lengthFactor = words < 20 ? 0.6 + 0.4 * (words / 20) : 1
    t.equal(qualityScore({ text, disclaimer: false, lowCoverage: false }), lengthFactor * expected, text)
  }
})

t.test('list items and an introduced list are found where the patterns find them', async t => {
  const items = (text: string): number => Math.min(10, (text.match(/(?:^|\n)[ \t]*(?:\d+[.)]|[-*•])\s/g) ?? []).length)
  const introduced = (text: string): number => /:[ \t]*\n/.test(text) ? 1 : 0
  const texts = [
    ...loadAlpaca().questions.flatMap(q => q.candidates.map(c => c.text)),
    '- first\n- second\n  * third\n\t• fourth\n12) fifth\n3. sixth',
    '\n- starts on a line break\n-\n- an item whose white space is the next line break',
    '1.\n2.\n3.\n-\n-\n', '1.x\n-x\n 2)y', '-\u00a0no-break space\n•\u2028line separator',
    'Steps: \t\n1. one', 'ratio 3:4\nand: not at the end', ':', 'ends with a colon:', 'a colon then spaces:  \t',
    Array.from({ length: 30 }, (_, i) => `${i}. item`).join('\n')
  ]
  // Texts by their index: a U+2028 in a test's name would break its line of TAP output.
  texts.forEach((text, i) => {
    const features = formFeatures(text)
    t.equal(features.items, items(text), `list items of text ${i}`)
    t.equal(features.introduced, introduced(text), `introduced list in text ${i}`)
  })
})

t.test('an equation is checked wherever it is, and a text without "=" has none', async t => {
  t.equal(arithmeticErrors('So 3 * 4 = 13 apples.'), 1)
  t.equal(arithmeticErrors('So 3 * 4 = 12 apples, and <<3*4=13>> is an annotation.'), 0)
  t.equal(arithmeticErrors(`${'Docker packs services. '.repeat(200)} Finally 10 + 5 = 16.`), 1)
  t.equal(arithmeticErrors('3 * 4 is 12, 10 + 5 makes 15'), 0)
})

t.test('each "the answer is" phrasing is still read after the cheap look for its words', async t => {
  const cases: Array<[string, string]> = [
    ['We add them up, so the final answer is 18.', '18'],
    ['After the steps above the answer is 42; nothing else.', '42'],
    ['Somando tudo, a resposta é 7.', '7'],
    ['Depois de comparar, a resposta correta é B.', 'B'],
    ['Having compared them, the correct option is C.', 'C'],
    ['Comparando as quatro, a alternativa correta é D.', 'D'],
    ['Entre as opções, a opção correta é A.', 'A']
  ]
  for (const [text, key] of cases) t.equal(extractFinalAnswer(text)?.key, key, text)
  // The last lines are read backwards from the end; the options of a last line only where their words are.
  const lastLines: Array<[string, string | undefined]> = [
    ['Working through it:\r\nAnswer: 12\r\n', '12'],
    ['Answer: 7\n\n  \n\t\n', '7'],
    ['\nAnswer: 9', '9'],
    ['Answer: 5\nthen some words\nand more words\nand the last words here', '5'],
    ['The first line.\nA: 3\nmore text follows here\nand the end of it', '3'],
    ['We compare them all.\nSo it is option (c) here', 'C'],
    ['We compare them all.\nA alternativa d, sem dúvida', 'D'],
    ['We compare them all.\n(b) fits best', 'B'],
    ['We compare them all.\nThe choice is plain to see', undefined],
    ['yes', 'yes'],
    ['four short words here', 'four short words here'],
    ['seven words are far too many here', undefined],
    ['a\n\nb\r\n\r\nc\n', 'b c'],
    ['\n\n', undefined]
  ]
  for (const [text, key] of lastLines) t.equal(extractFinalAnswer(text)?.key, key, JSON.stringify(text))
  t.same(numbersIn('no digits at all, only words'), [])
  t.same(numbersIn('R$ 1.234,56 and 18,000 and 1/2'), [1234.56, 18000, 0.5])
})
