import t from 'tap'
import { MAX_RESULTS, MAX_SCAN_CHARS, checkSolution } from '../../src/aggregator/solution-check.js'

/** checked / wrong of a text, the shape most assertions need. */
const steps = (text: string): [number, number] => {
  const { checked, wrong } = checkSolution(text)
  return [checked, wrong]
}

t.test('right and wrong steps', async t => {
  t.same(steps('3 × 4 = 12'), [1, 0])
  t.same(steps('3 × 4 = 13'), [1, 1])
  t.same(steps('12 + 5 = 17, then 17 - 2 = 14'), [2, 1], 'each step is judged on its own')
  t.same(steps('She has 16 - 3 - 4 = 9 eggs left, and 9 * 2 = 18 dollars.'), [2, 0])
  t.same(steps('(3 + 4) × 2 = 14 and 2(3 + 4) = 14'), [2, 0], 'parentheses and an implicit product')
  t.same(steps('3 + 4 × 2 = 11'), [1, 0], 'products before sums')
  t.same(steps('10 - 3 - 2 = 5'), [1, 0], 'subtraction from the left')
})

t.test('operators in their usual spellings', async t => {
  for (const text of ['3 x 4 = 12', '3x4=12', '3 X 4 = 12', '3 * 4 = 12', '3 · 4 = 12', '3 times 4 = 12', '3 vezes 4 = 12', '3 multiplied by 4 = 12']) {
    t.same(steps(text), [1, 0], text)
  }
  for (const text of ['12 / 4 = 3', '12 ÷ 4 = 3', '12 divided by 4 = 3', '12 dividido por 4 = 3']) t.same(steps(text), [1, 0], text)
  for (const text of ['10 − 4 = 6', '10 - 4 = 6', '10 – 4 = 6', '10 minus 4 = 6', '10 menos 4 = 6', '6 plus 4 = 10', '6 mais 4 = 10']) t.same(steps(text), [1, 0], text)
  t.same(steps('3 x 4 = 15'), [1, 1], 'a wrong product with x is still wrong')
})

t.test('currency, thousands, percentages and decimals', async t => {
  t.same(steps('$12/2 = $6'), [1, 0])
  t.same(steps('He pays $1,200 + $300 = $1,500 in total.'), [1, 0])
  t.same(steps('80,000 * 1.5 = $120,000'), [1, 0])
  t.same(steps('20% of 50 = 10'), [1, 0])
  t.same(steps('20% of 50 = 12'), [1, 1])
  t.same(steps('50 * 20% = 10'), [1, 0])
  t.same(steps('10/50 = 20%'), [1, 0], 'a result written as a percentage')
  t.same(steps('0.2 * 100 = 20%'), [1, 0], 'or as the number of percent')
  t.same(steps('1/2 of 30 = 15'), [1, 0])
  t.same(steps('R$ 2,50 × 4 = R$ 10,00'), [1, 0], 'Portuguese decimal commas')
  t.same(steps('2,5 × 4 = 10'), [1, 0])
  t.same(steps('R$ 1.500 + R$ 500 = R$ 2.000'), [1, 0], 'Portuguese thousands: the ambiguous separator read the other way')
  t.same(steps('1.234,56 + 0,44 = 1.235,00'), [1, 0])
  t.same(steps('€4.20 + €9.45 + €1.35 = €14.99'), [1, 1], 'a sum off by a cent is wrong')
  t.same(steps('10/3 = 3.33'), [1, 0], 'rounded to the decimals shown')
  t.same(steps('7/2 = 3 whole boxes'), [1, 0], 'a quotient truncated to whole items')
  t.same(steps('7 * 3 = 20'), [1, 1], 'but a whole result must be exact')
  t.same(steps('.5 * 12 = 6'), [1, 0])
})

t.test('powers, roots and rates', async t => {
  t.same(steps('2^3 + 1 = 9'), [1, 0])
  t.same(steps('3² + 4² = 25'), [1, 0])
  t.same(steps('3 × 3 = 3² = 9'), [2, 0])
  t.same(steps('√16 + 2 = 6'), [1, 0])
  t.same(steps('2^3 = 6'), [1, 1])
  t.same(steps('She earns $15/hour × 40 hours/week = $600/week.'), [1, 0])
  // Symbols this reading does not know are never half-read into a wrong step.
  t.same(steps('3! + 1 = 7'), [0, 0])
  t.same(steps('∛8 + 1 = 3'), [0, 0])
  t.same(steps('2 × 3 = 3!'), [0, 0])
})

t.test('units of measure: a sum of unlike units is wrong', async t => {
  t.same(steps('1200 inches + 720 inches + 120 feet = 2040 feet'), [1, 1], 'inches and feet added as they stand')
  t.same(steps('6 inches + 4 inches = 10 feet'), [1, 1], 'a sum of inches stated in feet')
  t.same(steps('3 feet + 2 feet = 5 feet'), [1, 0])
  t.same(steps('60 minutes + 30 minutes = 90 minutes'), [1, 0])
  t.same(steps('2 horas + 3 horas = 5 horas'), [1, 0])
  t.same(steps('5 days * 24 hours = 120 hours'), [1, 0], 'a product converts: not a sum')
  t.same(steps('300 rolls * 4 inches/roll = 1200 inches'), [1, 0], 'a rate after a quantity')
  t.same(steps('$12 per hour * 8 hours = $96'), [1, 0])
  t.same(steps('5 apples + 3 oranges = 8 fruits'), [1, 0], 'counts of different things are not units of measure')
})

t.test('LaTeX, Markdown and calculator annotations', async t => {
  t.same(steps('$3 \\times 4 = 12$'), [1, 0])
  t.same(steps('\\(\\frac{12}{3} = 4\\)'), [1, 0])
  t.same(steps('\\[ \\dfrac{12}{3} \\cdot 2 = 9 \\]'), [1, 1])
  t.same(steps('12 \\div 4 = 3 and 20\\% \\text{ of } 50 = 10'), [2, 0])
  t.same(steps('1{,}000 + 500 = 1{,}500'), [1, 0])
  t.same(steps('**3 × 4 = 12**'), [1, 0], 'bold is not a product')
  t.same(steps('3 × 4 = **12**'), [1, 0])
  // The annotation is the calculator's; the visible text is the answer's claim.
  t.same(steps('130,000*.15 = $<<130000*.15=19500.0>>195,000'), [1, 1])
  t.same(steps('80,000*.5=$<<80000*.5=40000.0>>40,000'), [1, 0])
})

t.test('what is not a step', async t => {
  const none = [
    'The exam is on 2024-05-12 and the results on 12/05/2024.',
    'The date 2023-05-12 = today',
    'Children aged 3-5 = preschool',
    'Most courses take 3-5 weeks.',
    'The shop opens at 10:30 - 9:15 = never mind',
    'Call 555-123-4567 = the office',
    'Version 1.2.3 = latest',
    'x = 5 + 3',
    'Total = 12',
    '2x + 3 = 7',
    'The ratio is 3:4 = three to four',
    '50 + 10% = 55',
    'Just 42, no working.',
    ''
  ]
  for (const text of none) t.same(steps(text), [0, 0], JSON.stringify(text))
  t.same(steps('1. 3 + 4 = 7\n2. 7 * 2 = 14'), [2, 0], 'list numbers are not operands')
  t.same(steps('1) 3+4=7'), [1, 0])
  t.same(steps('Step 2: 7 * 2 = 14'), [1, 0])
  t.same(steps('3 × 4 = 12 + 5 = 17'), [2, 0], 'a running chain states each result in turn')
  t.same(steps('a => 3 + 4 == 7'), [1, 0], 'an arrow is not an equals sign, "==" is')
  t.same(steps('3 + 4 ≈ 7.1'), [0, 0], 'an approximation is not checked')
})

t.test('the final number: reached by a step or not', async t => {
  const worked = 'She has 16 - 3 - 4 = 9 eggs.\nShe makes 9 * $2 = $18.\nA: 18'
  t.equal(checkSolution(worked, 18).finalReached, true)
  t.equal(checkSolution(worked, 9).finalReached, true, 'an intermediate result is reached too')
  t.equal(checkSolution(worked, 20).finalReached, false, 'a final the working never computes')
  t.equal(checkSolution(worked).finalReached, false, 'no final, nothing reached')
  t.equal(checkSolution(worked, 18).final, 18)
  t.same(checkSolution(worked, 18).results, [9, 18], 'what the steps computed, in order')
  t.equal(checkSolution('10/50 = 20%', 20).finalReached, true, 'a final given in percent')
  t.equal(checkSolution('The answer is 18.', 18).finalReached, false, 'no working reaches nothing')
})

t.test('bounded: long and hostile texts', async t => {
  const long = Array.from({ length: 5000 }, (_, i) => `${i} + 1 = ${i + 1}.`).join('\n')
  const check = checkSolution(long, 4999)
  t.ok(check.checked <= 200, `at most 200 equations examined: ${check.checked}`)
  t.equal(check.wrong, 0)
  t.ok(check.results.length <= MAX_RESULTS)
  t.ok(long.length > MAX_SCAN_CHARS, 'the text is longer than the scan')
  // Patterns that make naive regular expressions backtrack: long digit runs, separators, nested parentheses.
  const hostile = [
    '1,'.repeat(20_000) + '= 1',
    '('.repeat(5000) + '1' + ')'.repeat(5000) + ' + 1 = 2',
    '9'.repeat(10_000) + ' + 1 = 2',
    '\\frac{'.repeat(3000) + '1}{2} = 0.5',
    '= = = '.repeat(5000),
    '<<'.repeat(5000) + '3*4=12'
  ]
  for (const text of hostile) {
    const t0 = performance.now()
    const result = checkSolution(text, 2)
    t.ok(result.checked >= 0 && Number.isInteger(result.wrong), `finishes (${(performance.now() - t0).toFixed(1)} ms)`)
  }
  t.same(steps('(((3 + 4))) * 2 = 14'), [1, 0], 'nesting within reason is read')
})
