import t from 'tap'
import { existsSync, readFileSync } from 'node:fs'
import { spawn } from 'node:child_process'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { VOTE_CALIBRATION } from '../../src/aggregator/confidence.js'
import {
  DEFAULT_FIXTURE, MODEL_KEYS, auroc, bootstrapMean, calibrationReport, evaluate, fitCalibration, formatReport,
  mulberry32, parseFixture, toAggregateLine
} from '../../src/cli/eval.js'

t.test('AUROC: perfect, inverted, uninformative and tied scores', async t => {
  t.equal(auroc([0.1, 0.2, 0.8, 0.9], [false, false, true, true]), 1)
  t.equal(auroc([0.9, 0.8, 0.2, 0.1], [false, false, true, true]), 0)
  t.equal(auroc([0.5, 0.5, 0.5, 0.5], [true, false, true, false]), 0.5)
  t.equal(auroc([0.1, 0.4, 0.35, 0.8], [false, false, true, true]), 0.75)
  t.ok(Number.isNaN(auroc([0.1, 0.2], [true, true])), 'undefined without negatives')
})

t.test('bootstrap: seeded, reproducible, brackets the mean', async t => {
  const values = Array.from({ length: 200 }, (_, i) => (i % 3 === 0 ? 1 : 0))
  const a = bootstrapMean(values, 500, 42)
  const b = bootstrapMean(values, 500, 42)
  t.same(a, b)
  t.ok(a.low <= a.mean && a.mean <= a.high)
  t.ok(a.high - a.low > 0.05 && a.high - a.low < 0.2, `width ${a.high - a.low}`)
  const random = mulberry32(1)
  const draws = Array.from({ length: 1000 }, () => random())
  t.ok(draws.every(x => x >= 0 && x < 1))
  t.not(draws[0], draws[1])
})

t.test('logistic calibration fit recovers a known curve', async t => {
  const points: { x: number, y: boolean }[] = []
  const random = mulberry32(7)
  for (let i = 0; i < 4000; i++) {
    const x = random()
    points.push({ x, y: random() < 1 / (1 + Math.exp(-(-2 + 4 * x))) })
  }
  const fit = fitCalibration(points)
  t.ok(Math.abs(fit.intercept + 2) < 0.3, `intercept ${fit.intercept}`)
  t.ok(Math.abs(fit.slope - 4) < 0.5, `slope ${fit.slope}`)
})

t.test('fixture parsing rejects malformed rows', async t => {
  t.throws(() => parseFixture('{"question": "q", "ground_truth": "A: 1"}'), /fixture line 1: missing or malformed "6b_finetuning"/)
  const entry = { is_correct: true, solution: 'A: 1' }
  const row = Object.fromEntries(MODEL_KEYS.map(k => [k, entry]))
  t.throws(() => parseFixture(JSON.stringify({ ...row, question: 1, ground_truth: 'A: 1' })), /question or ground_truth/)
  const [parsed] = parseFixture(JSON.stringify({ ...row, question: 'q', ground_truth: 'A: 1' }))
  t.same(toAggregateLine(parsed, 'r1').candidates.map(c => c.provider), [...MODEL_KEYS])
})

const fixturePresent = existsSync(DEFAULT_FIXTURE)

t.test('on the GSM8K dev fixture: vote beats the best single model, confidence is honest', { skip: fixturePresent ? false : `fixture absent: ${DEFAULT_FIXTURE}` }, async t => {
  const rows = parseFixture(readFileSync(DEFAULT_FIXTURE, 'utf8'))
  t.equal(rows.length, 590)
  const report = evaluate(rows, { resamples: 200, strategies: ['vote', 'auto'] })
  const heldOut = report.splits[0]
  const crossFitted = report.splits[2]
  t.match(heldOut.name, /held out/)
  t.match(crossFitted.name, /cross-fitted/)
  for (const split of [heldOut, crossFitted]) {
    const bestSingle = Math.max(...MODEL_KEYS.map(k => split.baselines[k].mean))
    const vote = split.strategies.vote
    t.ok(vote.accuracy.mean >= bestSingle, `${split.name}: vote ${vote.accuracy.mean.toFixed(3)} ≥ best single ${bestSingle.toFixed(3)}`)
    t.ok(vote.auroc >= 0.75, `${split.name}: AUROC ${vote.auroc.toFixed(3)}`)
    t.ok(vote.accuracyHigh >= 0.85, `${split.name}: accuracy at confidence ≥ 0.75 ${vote.accuracyHigh.toFixed(3)}`)
    t.ok(vote.coverageHigh >= 0.2, `${split.name}: coverage at ≥ 0.75 ${vote.coverageHigh.toFixed(3)}`)
    t.ok(vote.accuracyHigh > vote.accuracy.mean + 0.2, 'high confidence is right far more often than average')
    t.same(split.strategies.auto, vote, 'auto resolves to vote on maths answers')
  }
  t.ok(crossFitted.baselines['oracle (any right)'].mean > crossFitted.strategies.vote.accuracy.mean, 'the oracle bounds every strategy')
  t.match(formatReport(report), /\| \*\*vote\*\* \|/)

  const calibration = calibrationReport(rows)
  const fitted = /intercept (-?[\d.]+), slope (-?[\d.]+)/.exec(calibration)
  t.ok(fitted !== null)
  t.ok(Math.abs(Number(fitted?.[1]) - VOTE_CALIBRATION.intercept) < 0.05, 'the shipped calibration is the one fitted on the even half')
  t.ok(Math.abs(Number(fitted?.[2]) - VOTE_CALIBRATION.slope) < 0.05)
})

t.test('npm run eval as a command: table, export, usage errors', async t => {
  const root = fileURLToPath(new URL('../../', import.meta.url))
  const run = (args: string[]): Promise<{ code: number | null, stdout: string, stderr: string }> => new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/eval.ts', ...args], { cwd: root })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', c => { stdout += String(c) })
    child.stderr.on('data', c => { stderr += String(c) })
    child.on('error', reject)
    child.on('close', code => resolve({ code, stdout, stderr }))
  })
  const dir = await mkdtemp(join(tmpdir(), 'eval-cli-'))
  t.teardown(() => rm(dir, { recursive: true, force: true }))
  const row = (answers: string[], correct: boolean[]): string => JSON.stringify({
    question: 'How many eggs are left?',
    ground_truth: 'Steps.\nA: 9',
    ...Object.fromEntries(MODEL_KEYS.map((k, i) => [k, { is_correct: correct[i], solution: `Working ${i} with ${k}.\nA: ${answers[i]}` }]))
  })
  const fixture = join(dir, 'fixture.jsonl')
  await writeFile(fixture, [
    row(['9', '9', '9', '9'], [true, true, true, true]),
    row(['9', '8', '7', '9'], [true, false, false, true]),
    row(['1', '2', '3', '4'], [false, false, false, false]),
    row(['9', '9', '5', '5'], [true, true, false, false])
  ].join('\n'))
  const exported = join(dir, 'export.jsonl')
  const ok = await run(['--fixture', fixture, '--resamples', '100', '--export', exported, '--fit'])
  t.equal(ok.code, 0, ok.stderr)
  t.match(ok.stdout, /4 questions, 4 models/)
  t.match(ok.stdout, /## odd half, priors fitted on even \(held out\) \(n=2\)/)
  t.match(ok.stdout, /VOTE_CALIBRATION fitted on the even half/)
  const lines = (await readFile(exported, 'utf8')).trim().split('\n').map(l => JSON.parse(l))
  t.equal(lines.length, 4)
  t.same(Object.keys(lines[0]), ['id', 'question', 'candidates'])

  const bad = await run(['--resamples', '5'])
  t.equal(bad.code, 1)
  t.match(bad.stderr, /usage: npm run eval/)
  const missing = await run(['--fixture', join(dir, 'absent.jsonl')])
  t.equal(missing.code, 1)
  t.match(missing.stderr, /cannot read the fixture/)
})
