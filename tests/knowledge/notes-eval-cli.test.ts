// The command that prints the notes' figures: `npx tsx src/cli/notes-eval.ts [questions.json]`.
import t from 'tap'
import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { packageRoot } from '../../src/package-info.js'

const run = (...args: string[]): { status: number | null, stdout: string, stderr: string } => {
  const out = spawnSync(process.execPath, ['--import=tsx', join(packageRoot, 'src/cli/notes-eval.ts'), ...args], { cwd: packageRoot, encoding: 'utf8' })
  return { status: out.status, stdout: out.stdout, stderr: out.stderr }
}

t.test('prints the figures of the development part, the held-out part and the whole set', async t => {
  const { status, stdout } = run(join(packageRoot, 'tests/knowledge/student-questions-fresh.json'), '--misses')
  t.equal(status, 0)
  const lines = stdout.trim().split('\n')
  t.match(lines[0], /^dev: right section first \d+\.\d % of \d+ · not covered detected \d+\.\d % of \d+ · covered refused \d+ · broken excerpts \d+ · AUROC \d\.\d{3}/)
  t.ok(lines.some(l => l.startsWith('held-out: ')))
  t.match(lines[lines.length - 1], /^all: /)
})

t.test('a file that is not a question set is a one-line error and exit code 1', async t => {
  const { status, stdout, stderr } = run(join(packageRoot, 'package.json'))
  t.equal(status, 1)
  t.equal(stdout, '')
  t.match(stderr, /^notes-eval: cannot read .*package\.json: expected \{covered: \[\.\.\.\], notCovered: \[\.\.\.\]\}\n$/)
})

t.test('--half keeps the even- or odd-numbered questions, so one half can be tuned on and the other checked', async t => {
  const file = join(packageRoot, 'tests/knowledge/student-questions-fresh.json')
  // The set has 20 covered and 6 not-covered questions (the first test prints them whole).
  const odd = run('--half', 'odd', file).stdout.trim().split('\n').pop() ?? ''
  t.match(odd, /^all: right section first [\d.]+ % of 10 · not covered detected [\d.]+ % of 3 /)
  const bad = run(file, '--half', 'sideways')
  t.equal(bad.status, 1)
  t.equal(bad.stderr, 'notes-eval: --half takes even or odd\n')
})
