// The GitHub Actions workflows: valid for GitHub's own parser, and doing what the delivery promises.
import t from 'tap'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { spawnSync } from 'node:child_process'
import { parse } from 'yaml'
import { packageRoot } from '../src/package-info.js'

const workflowsDir = join(packageRoot, '.github', 'workflows')
const read = (name: string): string => readFileSync(join(workflowsDir, name), 'utf8')

interface Step { name?: string, uses?: string, run?: string, with?: Record<string, unknown>, env?: Record<string, string>, if?: string }
interface Job { strategy?: { matrix?: Record<string, unknown> }, uses?: string, needs?: string | string[], 'runs-on'?: string, container?: string, environment?: string, permissions?: Record<string, string>, steps?: Step[] }
interface Workflow { on: Record<string, any>, permissions?: Record<string, string>, jobs: Record<string, Job> }

/**
 * Errors GitHub's workflow parser reports for each of `workflows`: schema, expression syntax, and the called reusable
 * workflow. The parser imports its JSON schema without an import attribute, which Node only accepts through a loader
 * that handles JSON, so it runs in a child process under tsx: one for all of them, as that start-up is most of the
 * cost of a validation.
 */
function validate (workflows: Array<{ name: string, content: string }>): string[][] {
  const result = spawnSync(process.execPath, ['--import=tsx', join(packageRoot, 'tests', 'support', 'validate-workflow.ts')], {
    input: JSON.stringify(workflows), encoding: 'utf8', cwd: packageRoot, timeout: 120000
  })
  if (result.status !== 0) throw new Error(`workflow validator failed: ${result.stderr}`)
  return JSON.parse(result.stdout) as string[][]
}

const steps = (job: Job | undefined): Step[] => job?.steps ?? []
const runs = (job: Job | undefined): string => steps(job).map(s => s.run ?? '').join('\n')
const step = (job: Job | undefined, action: string): Step | undefined => steps(job).find(s => s.uses?.startsWith(`${action}@`) === true)

const ciText = read('ci.yml')
const deployText = read('deploy.yml')
const [ciErrors, deployErrors, misspelt, openExpression, badPermission] = validate([
  { name: 'ci.yml', content: ciText },
  { name: 'deploy.yml', content: deployText },
  { name: 'ci.yml', content: ciText.replace('runs-on: ubuntu-24.04', 'runs_on: ubuntu-24.04') },
  { name: 'deploy.yml', content: deployText.replace('${{ vars.AWS_REGION }}', '${{ vars.AWS_REGION') },
  { name: 'deploy.yml', content: deployText.replace('id-token: write', 'id-token: writ') }
])

for (const [name, errors] of [['ci.yml', ciErrors], ['deploy.yml', deployErrors]] as const) {
  t.test(`${name} is valid for GitHub's workflow parser`, async t => {
    t.same(errors, [])
  })
}

t.test('the validator rejects what GitHub would reject', async t => {
  t.ok(misspelt.some(e => e.includes("Unexpected value 'runs_on'")), misspelt.join('\n'))
  t.ok(openExpression.some(e => /expression is not closed/i.test(e)), openExpression.join('\n'))
  t.ok(badPermission.some(e => e.includes("Unexpected value 'writ'")), badPermission.join('\n'))
})

t.test('every action is pinned to a major version', async t => {
  for (const name of ['ci.yml', 'deploy.yml']) {
    const uses = [...read(name).matchAll(/uses:\s*(\S+)/g)].map(m => m[1] as string).filter(u => !u.startsWith('./'))
    t.ok(uses.length > 0)
    for (const use of uses) t.match(use, /^[\w.-]+\/[\w.-]+@v\d+$/, `${name}: ${use}`)
  }
})

t.test('ci.yml: install, type check, lint, tests with Chromium and Redis, OpenAPI, infrastructure, image', async t => {
  const ci = parse(read('ci.yml')) as Workflow
  t.ok('pull_request' in ci.on, 'runs on pull requests')
  t.ok('push' in ci.on, 'runs on pushes')
  t.ok('workflow_call' in ci.on, 'deploy.yml can run it first')
  t.same(ci.permissions, { contents: 'read' })

  const test = ci.jobs.test
  t.match(test?.container, /bookworm/, 'same Debian packages as .ci/run')
  // The suite runs on the oldest Node the package supports and on the one the production image runs.
  const imageNode = Number(/^ARG NODE_MAJOR=(\d+)$/m.exec(readFileSync(join(packageRoot, 'docker', 'Dockerfile'), 'utf8'))?.[1])
  const engines = Number(/(\d+)/.exec((JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8')) as { engines: { node: string } }).engines.node)?.[1])
  t.same(test?.strategy?.matrix?.node, [...new Set([engines, imageNode])], `Node ${engines} (engines) and ${imageNode} (the image)`)
  t.equal(test?.container, 'node:${{ matrix.node }}-bookworm', 'each in its own Node image')
  const script = runs(test)
  t.match(script, /apt-get install[^\n]*chromium[^\n]*redis-server/)
  const order = ['npm ci', 'npm run typecheck', 'npm run lint', 'npm test', 'npm run openapi:check', 'npm test --prefix infra', 'npm run synth --prefix infra']
  let at = -1
  for (const command of order) {
    const found = script.indexOf(command, at + 1)
    t.ok(found > at, `${command} runs, after the previous step`)
    at = found
  }

  const image = ci.jobs.image
  t.match(runs(image), /npm run build:prod/)
  const build = step(image, 'docker/build-push-action')
  t.equal(build?.with?.file, 'docker/Dockerfile')
  t.equal(build?.with?.push, false, 'CI never pushes')
  t.match(runs(image), /\/api\/ask/, 'the built image is asked a question')
})

t.test('deploy.yml: staging and main deploy through OIDC, dev only runs CI', async t => {
  const text = read('deploy.yml')
  const deploy = parse(text) as Workflow
  t.same(deploy.on, { push: { branches: ['staging', 'main'] } })
  t.notOk(JSON.stringify(deploy.on).includes('dev'))
  t.same(deploy.permissions, { contents: 'read' }, 'only the deploy job may request an OIDC token')

  t.equal(deploy.jobs.ci?.uses, './.github/workflows/ci.yml')
  const job = deploy.jobs.deploy
  t.equal(job?.needs, 'ci', 'nothing is deployed unless CI passed')
  t.equal(job?.permissions?.['id-token'], 'write')
  t.equal(job?.environment, "${{ github.ref_name == 'main' && 'production' || 'staging' }}")

  const credentials = step(job, 'aws-actions/configure-aws-credentials')
  t.equal(credentials?.with?.['role-to-assume'], '${{ vars.AWS_ROLE_ARN }}')
  t.notMatch(text, /aws-access-key-id|aws-secret-access-key|AWS_SECRET_ACCESS_KEY/, 'no long-lived keys')
  t.ok(step(job, 'aws-actions/amazon-ecr-login'))

  const tags = steps(job).find(s => s.name === 'Image tags')?.run ?? ''
  t.match(tags, /\$image:\$GITHUB_SHA/, 'tagged with the commit SHA')
  t.match(tags, /if \[ "\$GITHUB_REF_NAME" = main \]; then tags="\$tags,\$image:latest"; fi/, 'latest only from main')
  const push = step(job, 'docker/build-push-action')
  t.equal(push?.with?.push, true)
  t.equal(push?.with?.file, 'docker/Dockerfile')

  const render = step(job, 'aws-actions/amazon-ecs-render-task-definition')
  t.equal(render?.with?.['container-name'], '${{ env.CONTAINER_NAME }}')
  const rollout = step(job, 'aws-actions/amazon-ecs-deploy-task-definition')
  t.equal(rollout?.with?.['wait-for-service-stability'], true)
  t.equal(rollout?.with?.service, '${{ vars.ECS_SERVICE }}')
  t.equal(rollout?.with?.cluster, '${{ vars.ECS_CLUSTER }}')
  t.ok(steps(job).indexOf(render as Step) < steps(job).indexOf(rollout as Step))
})

t.test('deploy.yml names the container the CDK task definition defines', async t => {
  const deploy = parse(read('deploy.yml')) as Workflow & { jobs: Record<string, { env?: Record<string, string> }> }
  const stack = readFileSync(join(packageRoot, 'infra', 'lib', 'iscoolgpt-stack.ts'), 'utf8')
  const name = /export const CONTAINER_NAME = '([^']+)'/.exec(stack)?.[1]
  t.ok(name)
  t.equal(deploy.jobs.deploy?.env?.CONTAINER_NAME, name)
})
