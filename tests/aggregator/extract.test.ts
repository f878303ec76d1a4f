import t from 'tap'
import { canonicalNumber, extractFinalAnswer, numbersIn, parseNumber, parseValue } from '../../src/aggregator/extract.js'

t.test('numbers in English and Portuguese formats', async t => {
  const cases: [string, number][] = [
    ['R$ 1.234,56', 1234.56],
    ['1,234.56', 1234.56],
    ['18.0', 18],
    ['18,00', 18],
    ['1/2', 0.5],
    ['$70,000', 70000],
    ['-129025', -129025],
    ['-$5', -5],
    ['R$ 1.234', 1234],
    ['1.234.567', 1234567],
    ['.5', 0.5],
    ['50%', 50],
    ['US$ 0,023', 0.023],
    ['0.500', 0.5]
  ]
  for (const [text, value] of cases) t.equal(parseNumber(text), value, text)
  t.equal(parseNumber('S3 and EC2'), null, 'digits inside names are not numbers')
  t.equal(parseNumber('version 1.2.3'), null, 'version strings are not numbers')
  t.equal(parseNumber('3/0'), null, 'no division by zero')
  t.same(numbersIn('from 3-5 items'), [3, 5], 'a range is two numbers, not a negative')
  t.equal(canonicalNumber(18.0000001), '18')
  t.equal(canonicalNumber(-0), '0')
  t.equal(canonicalNumber(0.1 + 0.2), '0.3')
})

t.test('final answer formats', async t => {
  const cases: [string, string, string][] = [
    ['Janet sells 16 - 3 - 4 = 9 eggs.\nA: 18', '18', 'number'],
    ['She makes 9 * 2 dollars, so the answer is 18.', '18', 'number'],
    ['Adding it up gives **18**', '18', 'number'],
    ['O total é R$ 18,00', '18', 'number'],
    ['Resposta: R$ 1.234,56', '1234.56', 'number'],
    ['18.0', '18', 'number'],
    ['The final answer is 1,234.56.', '1234.56', 'number'],
    ['Half of it: 1/2', '0.5', 'number'],
    ['(B)', 'B', 'option'],
    ['B) 42 instances', 'B', 'option'],
    ['Letter B', 'B', 'option'],
    ['Resposta: B', 'B', 'option'],
    ['A alternativa correta é a letra D.', 'D', 'option'],
    ['Comparing the choices, the correct option is (C).', 'C', 'option'],
    ['Sim', 'yes', 'yesno'],
    ['Yes', 'yes', 'yesno'],
    ['Não, o Docker não é uma máquina virtual: ele compartilha o kernel do host.', 'no', 'yesno'],
    ['No. A security group is stateful, so return traffic is allowed automatically.', 'no', 'yesno'],
    ['Answer: true', 'yes', 'yesno'],
    ['\\boxed{42}', '42', 'number'],
    ['Step one.\n#### 72', '72', 'number'],
    ['Answer: Amazon S3', 'amazon s3', 'phrase'],
    ['Final answer: the eu-west-1 region', 'eu-west-1 region', 'phrase']
  ]
  for (const [text, key, kind] of cases) {
    const got = extractFinalAnswer(text)
    t.same(got && { key: got.key, kind: got.kind, explicit: got.explicit }, { key, kind, explicit: true }, text)
  }
})

t.test('free text has no final answer, except the marked last-number fallback', async t => {
  t.equal(extractFinalAnswer('Docker packages applications and their dependencies into images that run as containers.'), null)
  t.equal(extractFinalAnswer('No matter which cloud you use, containers share the host kernel and start quickly.'), null, '"No" must be followed by punctuation')
  t.equal(extractFinalAnswer('The answer is that it depends on your workload and budget.'), null, 'a clause is not a short phrase')
  t.equal(extractFinalAnswer('Answer: it depends on about 3 factors, mainly cost, latency and how much state you keep.')?.explicit, false, 'a sentence is not its first number (only the fallback reads it)')
  t.equal(extractFinalAnswer('Answer: 3 factors matter most here: cost, latency and how much state the service keeps.')?.key, '3', 'unless it starts with the number')
  t.equal(extractFinalAnswer(''), null)
  t.equal(extractFinalAnswer('   \n  '), null)
  const fallback = extractFinalAnswer('He pays 3 * 4 = 12 dollars.\nThen he gets 12 - 2 = 10 back')
  t.same(fallback, { key: '10', kind: 'number', explicit: false })
})

t.test('the last marker wins and calculator annotations are ignored', async t => {
  t.equal(extractFinalAnswer('A: 12\nWait, I forgot the tax.\nA: 14')?.key, '14')
  t.equal(extractFinalAnswer('So 80,000*.5=$<<80000*.5=40000.0>>40,000\nA: 90,000')?.key, '90000')
  t.equal(extractFinalAnswer('Answer: 18\nHope this helps!')?.key, '18', 'a closing line after the marker')
})

t.test('long answers are searched at their ends', async t => {
  const filler = 'Containers share the host kernel and start in seconds. '.repeat(80)
  t.equal(extractFinalAnswer(`The answer is B. ${filler}`)?.key, 'B', 'stated at the start')
  t.equal(extractFinalAnswer(`${filler}\nA: 7`)?.key, '7', 'stated at the end')
})

t.test('parseValue canonicalises stated values', async t => {
  t.same(parseValue('**R$ 18,00**', true, false), { key: '18', kind: 'number', explicit: true })
  t.same(parseValue('Verdadeiro', true, false), { key: 'yes', kind: 'yesno', explicit: true })
  t.same(parseValue('falso', true, false), { key: 'no', kind: 'yesno', explicit: true })
  t.same(parseValue('opção e', false, false), { key: 'E', kind: 'option', explicit: false })
  t.equal(parseValue('Amazon S3', true, false), null, 'phrases only when allowed')
  t.equal(parseValue('a very long phrase with far too many words', true, true), null)
  t.equal(parseValue('  ', true, true), null)
})
