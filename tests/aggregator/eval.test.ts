import t from 'tap'
import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { auroc, bootstrapMean, mulberry32 } from '../../src/eval/stats.js'
import { loadAlpaca, loadGsm8k, loadRefusals } from '../../src/eval/datasets.js'
import { baselines, refusalReport, restrict, runOnline, summarise, tenPercentFeedback } from '../../src/eval/run.js'

const root = fileURLToPath(new URL('../../', import.meta.url))

t.test('AUROC and bootstrap intervals', async t => {
  t.equal(auroc([0.1, 0.2, 0.8, 0.9], [false, false, true, true]), 1)
  t.equal(auroc([0.9, 0.8, 0.2, 0.1], [false, false, true, true]), 0)
  t.equal(auroc([0.5, 0.5], [true, false]), 0.5)
  const interval = bootstrapMean([0, 1, 0, 1, 1, 1, 0, 1], 500, 7)
  t.equal(interval.mean, 0.625)
  t.ok(interval.low < 0.625 && interval.high > 0.625)
  t.equal(mulberry32(1)(), mulberry32(1)(), 'deterministic')
})

t.test('the datasets ship with the repository, names anonymised', async t => {
  const gsm = loadGsm8k()
  t.equal(gsm.length, 590)
  t.same(gsm[0].candidates.map(c => c.provider), ['g1', 'g2', 'g3', 'g4'])
  const { questions, models } = loadAlpaca()
  t.equal(questions.length, 386)
  t.equal(models, 10)
  t.ok(questions.every(q => q.candidates.every(c => /^m\d+$/.test(c.provider))))
  t.same([...new Set(loadRefusals().map(r => r.model))], ['r1', 'r2'])
})

t.test('GSM8K: label-free online learning beats the best single model; confidence tracks correctness', async t => {
  const questions = loadGsm8k()
  const run = summarise(runOnline(questions))
  const best = baselines(questions).best
  t.ok(run.score >= best, `accuracy ${run.score.toFixed(3)} vs best single ${best.toFixed(3)}`)
  t.ok(run.auroc >= 0.75, `AUROC ${run.auroc.toFixed(3)}`)
  // Checking each answer's working lifts it on both halves (0.765 / 0.815 with agreement alone).
  t.ok(run.aurocEven >= 0.78 && run.aurocOdd >= 0.83, `AUROC even ${run.aurocEven.toFixed(3)}, odd ${run.aurocOdd.toFixed(3)}`)
})

t.test('summarise: AUROC of each half apart', async t => {
  const outcomes = [
    { grade: 1, confidence: 0.9 }, { grade: 0, confidence: 0.8 },
    { grade: 0, confidence: 0.2 }, { grade: 1, confidence: 0.3 },
    { grade: 1, confidence: 0.7 }, { grade: 0, confidence: 0.6 },
    { grade: 0, confidence: 0.1 }, { grade: 1, confidence: 0.4 }
  ]
  const summary = summarise(outcomes)
  t.equal(summary.aurocEven, 1, 'even positions: the right answers are the confident ones')
  t.equal(summary.aurocOdd, 0, 'odd positions: the opposite')
  t.equal(summary.auroc, auroc(outcomes.map(o => o.confidence), outcomes.map(o => o.grade > 0.5)))
})

t.test('open questions: far above a random pick and near the best model in an ensemble with a clear best', async t => {
  const { questions } = loadAlpaca()
  const subset = restrict(questions, ['m1', 'm3', 'm5', 'm7', 'm9'])
  const base = baselines(subset)
  const online = summarise(runOnline(subset))
  t.ok(online.score >= base.random + 0.05, `win rate ${online.score.toFixed(3)} vs random ${base.random.toFixed(3)}`)
  t.ok(online.score >= base.best - 0.02, `within 2 points of the best single model (${base.best.toFixed(3)})`)
  t.ok(online.score > base.longest, 'better than picking the longest answer')
  const feedback = tenPercentFeedback(subset)
  const rated = subset.filter(q => feedback(q.id).length > 0).length
  t.ok(rated >= 30 && rated <= 39, `${rated} questions rated (10 %)`)
})

t.test('refusals: precision stays high on both models of the dev file', async t => {
  const all = refusalReport(loadRefusals()).find(r => r.model === 'all')
  t.ok(all !== undefined && all.precision >= 0.95, `precision ${all?.precision.toFixed(3)}`)
  t.ok(all !== undefined && all.recall >= 0.8, `recall ${all?.recall.toFixed(3)}`)
})

t.test('npm run eval prints the sections asked for and refuses unknown ones', async t => {
  const run = async (args: string[]): Promise<{ code: number | null, out: string, err: string }> => await new Promise(resolve => {
    const child = spawn(process.execPath, ['--import=tsx', 'src/cli/eval.ts', ...args], { cwd: root })
    let out = ''
    let err = ''
    child.stdout.on('data', d => { out += String(d) })
    child.stderr.on('data', d => { err += String(d) })
    child.on('close', code => resolve({ code, out, err }))
  })
  const refusals = await run(['refusals'])
  t.equal(refusals.code, 0)
  t.match(refusals.out, /\| all \| 0\.9\d\d \|/)
  const bad = await run(['nope'])
  t.equal(bad.code, 1)
  t.match(bad.err, /unknown section: nope/)
})
