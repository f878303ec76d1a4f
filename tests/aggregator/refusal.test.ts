import t from 'tap'
import { readFileSync } from 'node:fs'
import { detectRefusal } from '../../src/aggregator/refusal.js'

/**
 * `refusal`: declines and gives nothing asked for; `partial`: declines part of the request (or its
 * literal reading: "I can't see your account") and then helps; `disclaimer`: a hedge ("as an AI",
 * "I'm not a lawyer") followed by a full answer; `answer`: none of these.
 */
interface Labelled { lang: 'en' | 'pt', label: 'refusal' | 'partial' | 'disclaimer' | 'answer', text: string }

const set: Labelled[] = readFileSync(new URL('../fixtures/refusals.jsonl', import.meta.url), 'utf8')
  .split('\n').filter(line => line.trim() !== '').map(line => JSON.parse(line) as Labelled)

t.test('the labelled set is big enough and covers both languages and every label', async t => {
  t.ok(set.length >= 60, `${set.length} examples`)
  for (const lang of ['en', 'pt']) {
    for (const label of ['refusal', 'partial', 'disclaimer', 'answer']) {
      t.ok(set.filter(e => e.lang === lang && e.label === label).length >= 5, `${lang}/${label}`)
    }
  }
})

t.test('refusal precision and recall ≥ 0.9 on the labelled set, per language', async t => {
  for (const lang of ['en', 'pt', 'all']) {
    const subset = set.filter(e => lang === 'all' || e.lang === lang)
    let tp = 0
    let fp = 0
    let fn = 0
    for (const example of subset) {
      const flagged = detectRefusal(example.text) === 'refusal'
      if (flagged && example.label === 'refusal') tp++
      else if (flagged) fp++
      else if (example.label === 'refusal') fn++
    }
    const precision = tp / (tp + fp)
    const recall = tp / (tp + fn)
    t.ok(precision >= 0.9, `${lang} precision ${precision.toFixed(3)}`)
    t.ok(recall >= 0.9, `${lang} recall ${recall.toFixed(3)}`)
  }
})

t.test('answers that open with a disclaimer are flagged as disclaimer, never as refusal', async t => {
  for (const example of set.filter(e => e.label === 'disclaimer')) {
    t.equal(detectRefusal(example.text), 'disclaimer', example.text.slice(0, 60))
  }
})

t.test('declining part of a request and then helping is a partial refusal, never a refusal', async t => {
  for (const example of set.filter(e => e.label === 'partial')) {
    t.equal(detectRefusal(example.text), 'partial', example.text.slice(0, 60))
  }
})

t.test('long moralising refusals are refusals, in English and Portuguese', async t => {
  const moralising = set.filter(e => e.label === 'refusal' && e.text.split(/(?<=[.!?])\s+/).length >= 3)
  t.ok(moralising.filter(e => e.lang === 'en').length >= 2 && moralising.some(e => e.lang === 'pt'), `${moralising.length} multi-sentence refusals`)
  for (const example of moralising) t.equal(detectRefusal(example.text), 'refusal', example.text.slice(0, 60))
})

t.test('plain answers are not flagged, even with "cannot", "sorry" or "não pode" in them', async t => {
  const flagged = set.filter(e => e.label === 'answer' && detectRefusal(e.text) !== null)
  t.same(flagged.map(e => e.text), [])
})

t.test('a refusal inside a long answer is only looked for at its ends', async t => {
  const body = 'Autoscaling adds tasks when the CPU target is exceeded and removes them after the cooldown. '.repeat(10)
  t.equal(detectRefusal(`${body}I cannot help with that.${body}`), null)
  t.equal(detectRefusal(`${body}\nI cannot guarantee these prices are current.`), 'disclaimer')
})
