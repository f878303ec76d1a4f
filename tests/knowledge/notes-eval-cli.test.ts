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
