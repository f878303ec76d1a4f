// `npm run eval`: the consolidated answer against the single models, on the recorded answers in datasets/.

import { resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { ANSWER_CLASSES } from '../aggregator/index.js'
import { CASCADE_SETTLED } from '../aggregator/cascade.js'
import { type GradedQuestion, loadAlpaca, loadGsm8k, loadRefusals } from '../eval/datasets.js'
import {
  CURVE_POINTS, baselines, cascadeCurve, type CascadePoint, offTopicRate, refusalReport, restrict, runFixed, runOnline, summarise, tenPercentFeedback, type RunSummary
} from '../eval/run.js'
import { pct } from '../eval/stats.js'
import { hindsightFit } from '../eval/hindsight.js'

/**
 * Ensembles of the AlpacaEval dev file's ten models (anonymous ids m1..m10 in file order): two of five
 * models each covering all ten, two interleaved, three of three or four mixed.
 */
export const ALPACA_ENSEMBLES: readonly (readonly number[])[] = [
  [1, 2, 3, 4, 5], [6, 7, 8, 9, 10], [2, 4, 6, 8, 10], [1, 3, 5, 7, 9], [1, 8, 9], [2, 3, 10], [4, 5, 6, 7], [3, 6, 9, 10]
]

/**
 * List prices in US dollars per million output tokens, as the models were sold (or are hosted) when
 * the answers were recorded: GSM8K's 6B models as GPT-3 Curie, its 175B models as Davinci (ten times
 * dearer); AlpacaEval's in file order. Only the evaluation uses them, to price each recorded answer.
 */
const GSM8K_PRICES: Record<string, number> = { g1: 2, g2: 2, g3: 20, g4: 20 }
const ALPACA_PRICES: Record<string, number> = {
  m1: 24, // claude-2
  m2: 2, // gpt-3.5-turbo-0301
  m3: 20, // text-davinci-003
  m4: 0.3, // vicuna-13b
  m5: 0.3, // wizardlm-13b
  m6: 0.3, // ultralm-13b
  m7: 0.9, // openbuddy-llama2-70b
  m8: 0.1, // gemma-7b-it
  m9: 0.8, // falcon-40b-instruct
  m10: 0.3 // nous-hermes-13b
}
export const CASCADE_THRESHOLDS = [0.3, 0.4, 0.5, 0.6, 0.75, 0.9] as const

function cascadeTable (points: readonly CascadePoint[], everyone: RunSummary, label: string): string[] {
  const isDefault = (p: CascadePoint): boolean => p.settledAt === CASCADE_SETTLED
  return [
    `| ${label} settled at | accuracy / win rate (even / odd) | vs asking everyone | cost vs asking everyone (even / odd) | providers asked |`,
    '|---|---|---|---|---|',
    ...points.map(p => `| ${p.settledAt}${isDefault(p) ? ' (default)' : ''} | ${pct(p.score)} (${pct(p.even)} / ${pct(p.odd)}) | ${points2(p.score - everyone.score)} | ${pct(p.relativeCost)} (${pct(p.evenCost)} / ${pct(p.oddCost)}) | ${p.consulted.toFixed(2)} |`),
    `| ask everyone | ${pct(everyone.score)} (${pct(everyone.even)} / ${pct(everyone.odd)}) | | 100.0 % | |`
  ]
}
const points2 = (x: number): string => `${x >= 0 ? '+' : ''}${(100 * x).toFixed(1)}`

const aurocs = (s: RunSummary): string => `${s.auroc.toFixed(3)} (${s.aurocEven.toFixed(3)} / ${s.aurocOdd.toFixed(3)})`
const curve = (s: RunSummary): string => CURVE_POINTS.filter(n => s.curve[n] !== undefined).map(n => `${n}: ${pct(s.curve[n])}`).join(', ')
const points = (x: number): string => `${x >= 0 ? '+' : ''}${(100 * x).toFixed(1)}`

export function gsm8kReport (): string {
  const questions = loadGsm8k()
  const base = baselines(questions)
  const online = summarise(runOnline(questions))
  const equal = summarise(runFixed(questions, undefined))
  // The reference the label-free estimate is compared with: a vote weighted by each model's true accuracy.
  const truth: Record<string, { accuracy: number, quality: number }> = {}
  for (const [p, accuracy] of Object.entries(base.single)) truth[p] = { accuracy, quality: 0 }
  const oracleWeights = summarise(runFixed(questions, truth))
  return [
    `## GSM8K (${questions.length} maths questions, 4 models g1..g4, ${ANSWER_CLASSES}-class Dawid–Skene vote)`,
    '',
    '| method | accuracy | even half | odd half | confidence AUROC (even / odd) |',
    '|---|---|---|---|---|',
    ...Object.entries(base.single).map(([p, a]) => `| single model ${p} | ${pct(a)} | | | |`),
    `| random pick | ${pct(base.random)} | | | |`,
    `| pick the longest | ${pct(base.longest)} | | | |`,
    `| oracle (any model right) | ${pct(base.oracle)} | | | |`,
    `| equal-weight vote (nothing learned) | ${pct(equal.score)} | ${pct(equal.even)} | ${pct(equal.odd)} | ${aurocs(equal)} |`,
    `| vote weighted by the true accuracies (reference) | ${pct(oracleWeights.score)} | ${pct(oracleWeights.even)} | ${pct(oracleWeights.odd)} | ${aurocs(oracleWeights)} |`,
    `| **IsCoolGPT, label-free, online** | **${pct(online.score)}** | ${pct(online.even)} | ${pct(online.odd)} | ${aurocs(online)} |`,
    '',
    `Best single model ${pct(base.best)}; IsCoolGPT ${points(online.score - base.best)} points. Learning curve (accuracy over the first N questions): ${curve(online)}.`,
    '',
    'Cascade (g1, g2 priced as 6B models, g3, g4 ten times dearer; cheapest first, dearer ones only while the answer is not settled):',
    '',
    ...cascadeTable(cascadeCurve(questions, p => (GSM8K_PRICES[p] ?? 1) / 1e6, CASCADE_THRESHOLDS), online, 'GSM8K')
  ].join('\n')
}

export function alpacaReport (): string {
  const { questions } = loadAlpaca()
  const lines = [
    `## AlpacaEval open questions (${questions.length} instructions; win rate = the judge's mean preference for the chosen answer over the reference)`,
    '',
    '| ensemble | best single | random pick | best − random | oracle | hindsight fit (all labels / other half) | longest | label-free online (even / odd half) | vs best | vs random | with 10 % feedback | vs best | confidence AUROC (even / odd) |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|---|'
  ]
  const curves: string[] = []
  for (const members of ALPACA_ENSEMBLES) {
    const ids = members.map(m => `m${m}`)
    const subset = restrict(questions, ids)
    const base = baselines(subset)
    const online = summarise(runOnline(subset))
    const feedback = summarise(runOnline(subset, tenPercentFeedback(subset)))
    const hindsight = hindsightFit(subset)
    lines.push(`| ${ids.join(',')} | ${pct(base.best)} | ${pct(base.random)} | ${points(base.best - base.random)} | ${pct(base.oracle)} | ${pct(hindsight.inSample)} / ${pct(hindsight.crossHalves)} | ${pct(base.longest)} | ${pct(online.score)} (${pct(online.even)} / ${pct(online.odd)}) | ${points(online.score - base.best)} | ${points(online.score - base.random)} | ${pct(feedback.score)} | ${points(feedback.score - base.best)} | ${online.auroc.toFixed(3)} (${online.aurocEven.toFixed(3)} / ${online.aurocOdd.toFixed(3)}) |`)
    curves.push(`- ${ids.join(',')}: label-free ${curve(online)}; with feedback ${curve(feedback)}`)
  }
  const offTopic = offTopicRate(questions)
  const cascadeSet = restrict(questions, ['m2', 'm3', 'm4', 'm8'])
  const cascadeEveryone = summarise(runOnline(cascadeSet))
  // The case a cascade can get wrong: the dear models write the better answers.
  const dearBetter = restrict(questions, ['m1', 'm3', 'm4', 'm8'])
  const dearBetterEveryone = summarise(runOnline(dearBetter))
  return [
    ...lines,
    '',
    'Hindsight fit: a ridge regression of the judge\'s preference on the answers\' standardised form, agreement, coverage and provider, fitted on every label (or on the other half of the questions) and picking the answer it rates highest: a reference for what these signals could reach, not a method (the service has no labels).',
    '',
    'Cascade on m2, m3, m4, m8 (two cheap hosted models and two dearer API models, list prices):',
    '',
    ...cascadeTable(cascadeCurve(cascadeSet, p => (ALPACA_PRICES[p] ?? 1) / 1e6, CASCADE_THRESHOLDS), cascadeEveryone, 'open questions'),
    '',
    'Cascade on m1, m3, m4, m8 (the dear models write the better answers: once that is learned, the cascade asks them too):',
    '',
    ...cascadeTable(cascadeCurve(dearBetter, p => (ALPACA_PRICES[p] ?? 1) / 1e6, CASCADE_THRESHOLDS), dearBetterEveryone, 'open questions'),
    '',
    ...cascadeSetsTable(questions),
    '',
    'Learning curves (win rate over the first N questions):',
    ...curves,
    '',
    `Off-topic: ${offTopic.flagged} of ${offTopic.candidates} candidates flagged (${pct(offTopic.flagged / offTopic.candidates)}), every question aggregated with all ten answers; every one answers its instruction.`
  ].join('\n')
}

/**
 * Ten sets of four AlpacaEval models, two cheap and two about ten times dearer by list price (the two
 * above among them), each replayed with the cascade at its default threshold and with everyone asked:
 * how the cascade fares whichever models are cheap and whichever write best.
 */
const CASCADE_SETS = [
  ['m2', 'm3', 'm4', 'm8'], ['m1', 'm3', 'm4', 'm8'], ['m1', 'm3', 'm5', 'm6'], ['m1', 'm3', 'm9', 'm10'], ['m2', 'm3', 'm5', 'm10'],
  ['m1', 'm2', 'm6', 'm8'], ['m1', 'm2', 'm4', 'm10'], ['m1', 'm3', 'm7', 'm9'], ['m2', 'm3', 'm6', 'm9'], ['m1', 'm2', 'm5', 'm7']
] as const

function cascadeSetsTable (questions: readonly GradedQuestion[]): string[] {
  const rows = CASCADE_SETS.map(ids => {
    const subset = restrict(questions, [...ids])
    const everyone = summarise(runOnline(subset))
    const [cascade] = cascadeCurve(subset, p => (ALPACA_PRICES[p] ?? 1) / 1e6, [CASCADE_SETTLED])
    return { ids, everyone, cascade }
  })
  const mean = rows.reduce((sum, r) => sum + r.cascade.score - r.everyone.score, 0) / rows.length
  return [
    `Cascade at ${CASCADE_SETTLED} on ten sets of four models, two cheap and two about ten times dearer:`,
    '',
    '| set | asking everyone | cascade (even / odd) | vs asking everyone | cost vs asking everyone | providers asked |',
    '|---|---|---|---|---|---|',
    ...rows.map(r => `| ${r.ids.join(', ')} | ${pct(r.everyone.score)} | ${pct(r.cascade.score)} (${pct(r.cascade.even)} / ${pct(r.cascade.odd)}) | ${points2(r.cascade.score - r.everyone.score)} | ${pct(r.cascade.relativeCost)} | ${r.cascade.consulted.toFixed(2)} |`),
    `| mean | | | ${points2(mean)} | | |`
  ]
}

export function refusalsReport (): string {
  const reports = refusalReport(loadRefusals())
  return [
    '## XSTest v2 refusals (full refusal vs full compliance, human labels; models anonymised r1, r2)',
    '',
    '| model | precision | recall | even ids P / R | odd ids P / R | partial refusals classified as |',
    '|---|---|---|---|---|---|',
    ...reports.map(r => `| ${r.model} | ${r.precision.toFixed(3)} | ${r.recall.toFixed(3)} | ${r.halves[0].precision.toFixed(3)} / ${r.halves[0].recall.toFixed(3)} | ${r.halves[1].precision.toFixed(3)} / ${r.halves[1].recall.toFixed(3)} | ${Object.entries(r.partial).map(([k, v]) => `${k} ${v}`).join(', ')} |`)
  ].join('\n')
}

const SECTIONS: Record<string, () => string> = { gsm8k: gsm8kReport, alpaca: alpacaReport, refusals: refusalsReport }

function main (): void {
  const wanted = process.argv.slice(2)
  const unknown = wanted.filter(w => SECTIONS[w] === undefined)
  if (unknown.length > 0) {
    process.stderr.write(`unknown section: ${unknown.join(', ')}\nusage: npm run eval -- [${Object.keys(SECTIONS).join('] [')}]\n`)
    process.exitCode = 1
    return
  }
  const sections = wanted.length === 0 ? Object.keys(SECTIONS) : wanted
  process.stdout.write(['# IsCoolGPT answer quality on the recorded dev sets (datasets/)', '', ...sections.map(s => SECTIONS[s]() + '\n')].join('\n'))
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) main()
