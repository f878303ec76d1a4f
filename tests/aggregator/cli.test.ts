import t from 'tap'
import { spawn } from 'node:child_process'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { PassThrough } from 'node:stream'
import { parseArgs, parseInputLine, run } from '../../src/cli/aggregate.js'
import { DOCKER_ANSWERS, DOCKER_QUESTION, solution } from './answers.js'

const root = fileURLToPath(new URL('../../', import.meta.url))

function cli (args: string[]): Promise<{ code: number | null, stdout: string, stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/aggregate.ts', ...args], { cwd: root })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', chunk => { stdout += String(chunk) })
    child.stderr.on('data', chunk => { stderr += String(chunk) })
    child.on('error', reject)
    child.on('close', code => resolve({ code, stdout, stderr }))
  })
}

const lines = [
  JSON.stringify({ id: 'math-1', question: 'How much does Janet make?', candidates: [
    { provider: 'a', model: 'm-a', text: solution('18') },
    { provider: 'b', model: 'm-b', text: solution('18', 1) },
    { provider: 'c', model: 'm-c', text: solution('20', 2) }
  ] }),
  '{"id": "broken", "question": ',
  '',
  JSON.stringify({ id: 'no-candidates', question: 'x', candidates: [] }),
  JSON.stringify({ id: 'docker-1', question: DOCKER_QUESTION, candidates: [
    { provider: 'openai', model: 'gpt', text: DOCKER_ANSWERS.openai },
    { provider: 'gemini', model: 'gem', text: DOCKER_ANSWERS.gemini, latencyMs: 300, finishReason: 'stop' },
    { provider: 'hf', model: 'oss', text: '', status: 'timeout' }
  ] })
]

t.test('the CLI aggregates each line, reports malformed ones by number and exits 2', async t => {
  const dir = await mkdtemp(join(tmpdir(), 'aggregate-cli-'))
  t.teardown(() => rm(dir, { recursive: true, force: true }))
  const input = join(dir, 'in.jsonl')
  await writeFile(input, lines.join('\n') + '\n')

  const { code, stdout, stderr } = await cli(['--input', input])
  t.equal(code, 2)
  t.match(stderr, /line 2: not valid JSON/)
  t.match(stderr, /line 4: "candidates" must be a non-empty array/)
  t.notMatch(stderr, /line 3/, 'blank lines are not errors')
  const decisions = stdout.trim().split('\n').map(line => JSON.parse(line))
  t.same(decisions.map(d => d.id), ['math-1', 'docker-1'])
  t.same(Object.keys(decisions[0]), ['id', 'answer', 'normalized', 'confidence', 'strategy', 'chosen', 'candidates', 'warnings'])
  t.same(Object.keys(decisions[0].candidates[0]), ['provider', 'scores', 'flags', 'filtered'])
  t.equal(decisions[0].strategy, 'vote')
  t.equal(decisions[0].normalized, '18')
  t.equal(decisions[1].strategy, 'best', 'auto on free text picks the best-standing answer')
  t.equal(decisions[1].candidates[2].filtered, 'timeout')
  t.ok(decisions[1].warnings.some((w: string) => w.includes('did not answer in time')), 'the timed-out provider is named in the warnings')

  const output = join(dir, 'out.jsonl')
  const best = await cli(['--input', input, '--strategy', 'best', '--output', output])
  t.equal(best.code, 2)
  t.equal(best.stdout, '', 'with --output nothing goes to stdout')
  const written = (await readFile(output, 'utf8')).trim().split('\n').map(line => JSON.parse(line))
  t.same(written.map(d => d.strategy), ['best', 'best'])

  const clean = join(dir, 'clean.jsonl')
  await writeFile(clean, lines[0] + '\n')
  const ok = await cli(['--input', clean, '--strategy', 'fastest'])
  t.equal(ok.code, 0)
  t.equal(ok.stderr.replace(/^npm warn.*\n/gm, ''), '')
  t.equal(JSON.parse(ok.stdout).strategy, 'fastest')
})

t.test('usage and I/O errors exit 1', async t => {
  const missing = await cli([])
  t.equal(missing.code, 1)
  t.match(missing.stderr, /--input is required/)
  t.match(missing.stderr, /usage: npm run aggregate/)
  const unknown = await cli(['--input', 'x', '--strategy', 'loudest'])
  t.equal(unknown.code, 1)
  t.match(unknown.stderr, /--strategy must be one of/)
  const absent = await cli(['--input', join(tmpdir(), 'no-such-dir-for-aggregate', 'in.jsonl')])
  t.equal(absent.code, 1)
  t.match(absent.stderr, /cannot read .*ENOENT/)
})

t.test('in process: run() writes to the given streams', async t => {
  const dir = await mkdtemp(join(tmpdir(), 'aggregate-run-'))
  t.teardown(() => rm(dir, { recursive: true, force: true }))
  const input = join(dir, 'in.jsonl')
  await writeFile(input, lines.join('\n'))
  const stdout = new PassThrough()
  const stderr = new PassThrough()
  let out = ''
  let err = ''
  stdout.on('data', c => { out += String(c) })
  stderr.on('data', c => { err += String(c) })
  t.equal(await run(['--input', input, '--strategy', 'consensus'], stdout, stderr), 2)
  t.equal(out.trim().split('\n').length, 2)
  t.match(err, /2 malformed line\(s\) skipped/)
  t.equal(await run(['--input', input, '--output', join(dir, 'missing', 'out.jsonl')], stdout, stderr), 1)
  t.match(err, /cannot write/)
})

t.test('input validation names the bad field', async t => {
  t.throws(() => parseInputLine('[]'), /not a JSON object/)
  t.throws(() => parseInputLine('{"id": "", "question": "q", "candidates": [{}]}'), /"id"/)
  t.throws(() => parseInputLine('{"id": "a", "question": " ", "candidates": [{}]}'), /"question"/)
  t.throws(() => parseInputLine('{"id": "a", "question": "q", "candidates": [1]}'), /candidates\[0\] is not an object/)
  t.throws(() => parseInputLine('{"id": "a", "question": "q", "candidates": [{"provider": "p"}]}'), /candidates\[0\]\.text/)
  t.throws(() => parseInputLine('{"id": "a", "question": "q", "candidates": [{"provider": "p", "text": "t", "status": "weird"}]}'), /status/)
  t.throws(() => parseInputLine('{"id": "a", "question": "q", "candidates": [{"provider": "p", "text": "t", "latencyMs": "fast"}]}'), /candidates\[0\]\.latencyMs/)
  const record = parseInputLine('{"id": 7, "question": "q", "candidates": [{"provider": "p", "text": "t", "weight": 2, "lowCoverage": true}]}')
  t.equal(record.id, '7')
  t.same(record.candidates[0], { provider: 'p', model: 'p', status: 'ok', text: 't', finishReason: undefined, latencyMs: undefined, weight: 2, trackRecord: undefined, errorClass: undefined, lowCoverage: true })
  t.throws(() => parseArgs(['--input']), /incomplete/)
  t.same(parseArgs(['--input', 'a.jsonl']).strategy, 'auto')
})

t.test('--feedback: questions are learned from in file order, each rating after its question', async t => {
  const dir = await mkdtemp(join(tmpdir(), 'aggregate-feedback-'))
  t.teardown(() => rm(dir, { recursive: true, force: true }))
  // Two providers split on every question; only ratings can tell which one to trust.
  const question = (id: string): string => JSON.stringify({
    id,
    question: 'How many availability zones should a highly available web tier span at least?',
    candidates: [{ provider: 'p1', text: 'Answer: 2' }, { provider: 'p2', text: 'Answer: 3' }]
  })
  const input = join(dir, 'in.jsonl')
  await writeFile(input, ['q1', 'q2', 'q3', 'q4'].map(question).join('\n') + '\n')
  const plain = await cli(['--input', input])
  t.equal(plain.code, 0)
  const without = plain.stdout.trim().split('\n').map(line => JSON.parse(line))
  t.same(without.map(d => d.chosen.provider), ['p1', 'p1', 'p1', 'p1'], 'with nothing to go on, ties go to the earlier provider')

  const feedback = join(dir, 'feedback.jsonl')
  await writeFile(feedback, [
    JSON.stringify({ id: 'q1', provider: 'p2', rating: 'up' }),
    JSON.stringify({ id: 'q1', provider: 'p1', rating: 'down' })
  ].join('\n') + '\n')
  const rated = await cli(['--input', input, '--feedback', feedback])
  t.equal(rated.code, 0, rated.stderr)
  const decisions = rated.stdout.trim().split('\n').map(line => JSON.parse(line))
  t.equal(decisions[0].chosen.provider, 'p1', 'the rating applies after q1 is decided: q1 itself is unchanged')
  t.same(decisions.slice(1).map(d => d.chosen.provider), ['p2', 'p2', 'p2'], 'later questions trust the provider rated up')

  const bad = join(dir, 'bad.jsonl')
  await writeFile(bad, JSON.stringify({ id: 'q1', provider: 'p2', rating: 'meh' }) + '\n')
  const refused = await cli(['--input', input, '--feedback', bad])
  t.equal(refused.code, 1)
  t.match(refused.stderr, /feedback line 1: "rating" must be "up" or "down"/)
})
