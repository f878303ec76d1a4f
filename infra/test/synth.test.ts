// Runs the CDK entry point the way the `cdk` CLI does, offline, and checks what it writes.
import { strict as assert } from 'node:assert'
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, describe, it } from 'node:test'
import { fileURLToPath } from 'node:url'

const infraDir = fileURLToPath(new URL('..', import.meta.url))
const outDirs: string[] = []
after(() => { for (const dir of outDirs) rmSync(dir, { recursive: true, force: true }) })

function runApp (context: Record<string, unknown>): { status: number | null, stderr: string, outDir: string } {
  const outDir = mkdtempSync(join(tmpdir(), 'iscoolgpt-cdk-'))
  outDirs.push(outDir)
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'bin/iscoolgpt.ts'], {
    cwd: infraDir,
    encoding: 'utf8',
    // The CLI hands context and the output directory to the app through these variables.
    env: { ...process.env, CDK_OUTDIR: outDir, CDK_CONTEXT_JSON: JSON.stringify(context), AWS_REGION: '', AWS_DEFAULT_REGION: '' }
  })
  return { status: result.status, stderr: result.stderr, outDir }
}

describe('bin/iscoolgpt.ts', () => {
  it('synthesises both stacks without AWS credentials and without context lookups', () => {
    const { status, stderr, outDir } = runApp({ stage: 'production', alertEmail: 'ops@example.com', '@aws-cdk/core:defaultCrossStackReferences': 'strong' })
    assert.equal(status, 0, stderr)
    const manifest = JSON.parse(readFileSync(join(outDir, 'manifest.json'), 'utf8')) as { artifacts: Record<string, { type: string, environment?: string }>, missing?: unknown[] }
    assert.equal(manifest.missing, undefined, 'a lookup would need AWS access at synth time')
    const stacks = Object.entries(manifest.artifacts).filter(([, a]) => a.type === 'aws:cloudformation:stack')
    assert.deepEqual(stacks.map(([name]) => name).sort(), ['IsCoolGpt-production', 'IsCoolGpt-production-base'])
    for (const [, artifact] of stacks) assert.equal(artifact.environment, 'aws://unknown-account/unknown-region')
    const template = JSON.parse(readFileSync(join(outDir, 'IsCoolGpt-production.template.json'), 'utf8')) as { Resources: Record<string, { Type: string }> }
    assert.ok(Object.values(template.Resources).some(r => r.Type === 'AWS::ECS::Service'))
  })

  it('stops with one line naming the bad context value and exit code 1', () => {
    const { status, stderr } = runApp({ stage: 'prod' })
    assert.equal(status, 1)
    assert.equal(stderr.trim(), 'context "stage": expected "staging" or "production", got "prod"')
  })
})
