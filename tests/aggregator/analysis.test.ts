import t from 'tap'
import { contentTokens, tokenCounts } from '../../src/aggregator/analysis.js'
import { contentTokens as reference } from '../../src/aggregator/text.js'
import { loadAlpaca, loadGsm8k, loadRefusals } from '../../src/eval/datasets.js'
import { mulberry32 } from '../../src/eval/stats.js'

// The fast tokens feed similarity, relevance and off-topic decisions: any difference from text.ts's
// contentTokens() would change a decision, so they are compared on every recorded answer and question.
t.test('the same tokens as contentTokens() on every recorded answer and question of datasets/', async t => {
  const texts = [
    ...loadGsm8k().flatMap(q => [q.question, ...q.candidates.map(c => c.text)]),
    ...loadAlpaca().questions.flatMap(q => [q.question, ...q.candidates.map(c => c.text)]),
    ...loadRefusals().map(r => r.completion)
  ]
  t.ok(texts.length > 8000, `${texts.length} texts`)
  const differing = texts.filter(text => JSON.stringify(contentTokens(text)) !== JSON.stringify(reference(text)))
  t.same(differing.slice(0, 3), [], `${differing.length} texts tokenised differently`)
})

t.test('the same tokens on the edges of the token pattern', async t => {
  const cases = [
    '', '   ', 'Docker', "it's the container's image", 'state-of-the-art -- re- -x x- \'quoted\' can\'t',
    '70,000 and 70.000.000 and 1,5 and 1.2.3 and 12. and ,5 and 5, and 3.14', 'abc123 123abc a1-b2 x\'9',
    'Função, ações, contêineres e serviços: o que são?', 'São Paulo – região sa-east-1 (AWS) — €20', 'naïve café ÉCOLE',
    'İstanbul ß ﬁle ½ ² Ⅻ', 'emoji 🚀 rocket', 'tab\tnew\nline\r\nend', 'ALL CAPS SERVICES', 'it’s curly’s'
  ]
  for (const text of cases) t.same(contentTokens(text), reference(text), JSON.stringify(text))
})

t.test('the same tokens on random text of letters, digits and joiners', async t => {
  const random = mulberry32(18)
  const alphabet = "aAbBzZ09 5'-.,\n\t:;!?()éÇ’"
  let differing = 0
  for (let i = 0; i < 3000; i++) {
    const length = Math.floor(random() * 40)
    let text = ''
    for (let j = 0; j < length; j++) text += alphabet[Math.floor(random() * alphabet.length)]
    if (JSON.stringify(contentTokens(text)) !== JSON.stringify(reference(text))) {
      differing++
      if (differing <= 3) t.fail(`differs on ${JSON.stringify(text)}: ${JSON.stringify(contentTokens(text))} vs ${JSON.stringify(reference(text))}`)
    }
  }
  t.equal(differing, 0)
})

// The similarity's term frequencies and the relevance's vocabulary come from tokenCounts(): its keys must be
// contentTokens() in order of first occurrence (the order the TF-IDF weights are summed in) with their counts.
t.test('tokenCounts() counts contentTokens() in order of first occurrence', async t => {
  const counted = (text: string): Array<[string, number]> => {
    const counts = new Map<string, number>()
    for (const token of reference(text)) counts.set(token, (counts.get(token) ?? 0) + 1)
    return [...counts]
  }
  const texts = [
    ...loadAlpaca().questions.flatMap(q => q.candidates.map(c => c.text)),
    ...loadGsm8k().slice(0, 100).flatMap(q => q.candidates.map(c => c.text)),
    'Função, ações, contêineres e serviços: containers, container, CONTAINERS e contêiner.', ''
  ]
  const differing = texts.filter(text => JSON.stringify([...tokenCounts(text)]) !== JSON.stringify(counted(text)))
  t.same(differing.slice(0, 3), [], `${differing.length} of ${texts.length} texts counted differently`)
  const counts = tokenCounts('Docker images; docker IMAGES and a container')
  t.same([...counts.values()], [2, 2, 1], 'case-folded repeats counted, stop words left out')
  t.same([...counts.keys()], reference('docker images container'), 'keys in order of first occurrence')
})
