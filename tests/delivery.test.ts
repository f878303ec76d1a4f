// Delivery: the container build and the GitHub Actions workflows, one subtest per former file in one process (tap
// starts each test file in a process of its own, and that start-up cost more than these tests).
// One part alone: npx tap --disable-coverage --grep='^docker$' tests/delivery.test.ts (the part's name is its former file's).
import t from 'tap'
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { setFlagsFromString } from 'node:v8'
import { parse } from 'yaml'
import { packageRoot } from '../src/package-info.js'

t.test('docker', async t => {
  // The container build: the Dockerfile runs the same script the offline production check runs,
  // ships only what that script produces, and compose wires the service to Redis.
  const read = (...path: string[]): string => readFileSync(join(packageRoot, ...path), 'utf8')
  const dockerfile = read('docker', 'Dockerfile')
  const buildProd = read('scripts', 'build-prod.sh')

  /** Instructions of one stage, continuation lines joined, comments dropped. */
  function stages (text: string): Array<{ from: string, name: string, lines: string[] }> {
    const lines = text.replace(/\\\n\s*/g, ' ').split('\n').map(l => l.trim()).filter(l => l !== '' && !l.startsWith('#'))
    const result: Array<{ from: string, name: string, lines: string[] }> = []
    for (const line of lines) {
      const from = /^FROM\s+(\S+)(?:\s+AS\s+(\S+))?/i.exec(line)
      if (from !== null) result.push({ from: from[1] as string, name: from[2] ?? '', lines: [] })
      else result.at(-1)?.lines.push(line)
    }
    return result
  }

  /** The paths build-prod.sh copies out of the source tree. */
  function copiedPaths (): string[] {
    const files = [...buildProd.matchAll(/"\$root\/?([\w.-]+)"/g)].map(m => m[1] as string)
    const dirs = /for dir in ([\w\s]+); do/.exec(buildProd)?.[1]?.trim().split(/\s+/) ?? []
    return [...new Set([...files, ...dirs])].sort()
  }

  t.test('build-prod.sh copies the manifest, the compiler config, the sources, the page and the notes', async t => {
    t.same(copiedPaths(), ['knowledge', 'package-lock.json', 'package.json', 'public', 'schemas', 'src', 'tsconfig.build.json', 'tsconfig.json'])
  })

  t.test('the Dockerfile builds with scripts/build-prod.sh, the script npm run build:prod checks', async t => {
    const [build, runtime, ...rest] = stages(dockerfile)
    t.equal(rest.length, 0, 'two stages')
    t.match(build?.from, /^node:\$\{NODE_MAJOR\}-bookworm-slim$/)
    const runs = build?.lines.filter(l => l.startsWith('RUN')) ?? []
    t.same(runs.map(r => /scripts\/build-prod\.sh (\S+) (\w+)$/.exec(r)?.slice(1)), [['/app', 'deps'], ['/app', 'app']], 'every RUN of the build stage is build-prod.sh')

    const copied = (build?.lines ?? []).filter(l => l.startsWith('COPY')).flatMap(l => l.split(/\s+/).slice(1, -1))
    for (const path of [...copiedPaths(), 'scripts/build-prod.sh', 'scripts/bundle.mjs']) t.ok(copied.includes(path), `the build stage copies ${path}`)

    const pkg = JSON.parse(read('package.json')) as { scripts: Record<string, string> }
    t.equal(pkg.scripts['build:prod'], 'scripts/check-prod.sh')
    t.match(read('scripts', 'check-prod.sh'), /"\$root\/scripts\/build-prod\.sh" "\$work\/app"/, 'the check builds with the same script')
  })

  t.test('the runtime stage: distroless Node, production, non-root, port 8080, health check, SIGTERM', async t => {
    const runtime = stages(dockerfile)[1]
    t.match(runtime?.from, /^gcr\.io\/distroless\/nodejs\$\{NODE_MAJOR\}-debian12:nonroot$/)
    const lines = runtime?.lines ?? []
    const has = (re: RegExp): boolean => lines.some(l => re.test(l))
    t.ok(has(/^ENV .*NODE_ENV=production/), 'NODE_ENV=production')
    t.ok(has(/^COPY --from=build .* \/app \/app$/), 'only the built tree is copied')
    t.ok(has(/^USER nonroot$/), 'runs as nonroot')
    t.ok(has(/^EXPOSE 8080$/))
    t.ok(has(/^STOPSIGNAL SIGTERM$/))
    t.ok(has(/^HEALTHCHECK .*CMD \["\/nodejs\/bin\/node", "-e", ".*\/health'/), 'health check on /health with node (no shell in the image)')
    t.ok(has(/^CMD \["dist\/server\.mjs"\]$/), 'the server runs from its bundle')
    const runs = lines.filter(l => l.startsWith('RUN'))
    t.same(runs, ['RUN ["/nodejs/bin/node", "dist/write-code-cache.mjs"]'], 'the one RUN writes the code cache with this stage\'s Node and NODE_OPTIONS, in exec form (no shell)')
    const env = lines.findIndex(l => /^ENV .*NODE_OPTIONS=/.test(l))
    const run = lines.indexOf(runs[0] ?? '')
    t.ok(env >= 0 && env < run, 'after NODE_OPTIONS is set, which the cache must be made with')
    t.ok(lines.indexOf('USER 0') < run && lines.indexOf('USER nonroot') > run, 'as root, who owns /app; the service still runs as nonroot')
    t.match(dockerfile, /^ARG NODE_MAJOR=\d+$/m)
  })

  t.test('DATA_DIR is /data, a volume the non-root user owns, outside the read-only /app', async t => {
    const [build, runtime] = stages(dockerfile)
    const lines = runtime?.lines ?? []
    t.ok(lines.some(l => /^ENV .*\bDATA_DIR=\/data\b/.test(l)), 'ENV DATA_DIR=/data')
    t.ok(build?.lines.includes('WORKDIR /data'), 'the build stage makes the empty directory (no RUN: every RUN there is build-prod.sh)')
    const copyData = lines.findIndex(l => l === 'COPY --from=build --chown=nonroot:nonroot /data /data')
    const volume = lines.indexOf('VOLUME ["/data"]')
    t.ok(copyData >= 0, 'copied in owned by the service user, which ECS and Docker hand on to a new volume')
    t.ok(volume > copyData, 'declared a volume after the directory exists')
    t.ok(lines.some(l => /^COPY --from=build --chown=0:0 \/app \/app$/.test(l)), '/app stays root-owned')
    t.ok(lines.indexOf('USER nonroot') > volume, 'the service runs as the user that owns /data')
  })

  t.test('.dockerignore admits exactly what the build stage copies', async t => {
    const rules = read('.dockerignore').split('\n').map(l => l.trim()).filter(l => l !== '' && !l.startsWith('#'))
    t.equal(rules[0], '*', 'everything is excluded first')
    const admitted = rules.filter(r => r.startsWith('!')).map(r => r.slice(1).replace(/\/$/, '')).sort()
    t.same(admitted, [...copiedPaths(), 'scripts/build-prod.sh', 'scripts/bundle.mjs'].sort())
    for (const never of ['**/node_modules', '**/.env']) t.ok(rules.includes(never), `${never} stays out`)
  })

  t.test('compose: the service with Redis, keys from .env, Ollama behind a profile', async t => {
    const compose = parse(read('docker', 'compose.yaml')) as { services: Record<string, any> }
    const api = compose.services.api
    t.same(api.build, { context: '..', dockerfile: 'docker/Dockerfile' })
    t.same(api.env_file, [{ path: '../.env', required: false }])
    t.equal(api.environment.REDIS_URL, 'redis://redis:6379')
    t.same(api.depends_on, { redis: { condition: 'service_healthy' } })
    t.same(api.ports, ['8080:8080'])
    t.ok(compose.services.redis.healthcheck, 'redis has a health check the service waits for')
    t.equal(compose.services.redis.profiles, undefined, 'redis always runs')
    t.same(compose.services.ollama.profiles, ['ollama'])
    t.match(api.environment.OLLAMA_BASE_URL, /^http:\/\/ollama:11434\/v1$/)
  })

  t.test('compose: DATA_DIR and the Redis data on named volumes; only expiring keys are evicted', async t => {
    const compose = parse(read('docker', 'compose.yaml')) as { services: Record<string, any>, volumes: Record<string, unknown> }
    const api = compose.services.api
    t.equal(api.environment.DATA_DIR, '/data')
    t.same(api.volumes, ['api-data:/data'])
    const redis = compose.services.redis
    t.same(redis.volumes, ['redis-data:/data'])
    t.ok(Object.hasOwn(compose.volumes, 'api-data') && Object.hasOwn(compose.volumes, 'redis-data'), 'both declared as named volumes')
    const command = redis.command as string[]
    const option = (name: string): string | undefined => command[command.indexOf(name) + 1]
    t.equal(option('--appendonly'), 'yes', 'the learned provider state survives a Redis restart')
    t.equal(option('--maxmemory-policy'), 'volatile-lru', 'feedback has no TTL and is never evicted; cached answers are')
  })

  t.test('build-prod.sh refuses to prune the source tree or an unknown phase', async t => {
    const script = join(packageRoot, 'scripts', 'build-prod.sh')
    const intoSources = spawnSync(script, [packageRoot], { encoding: 'utf8' })
    t.equal(intoSources.status, 2)
    t.match(intoSources.stderr, /must not be the source tree/)
    const badPhase = spawnSync(script, [join(packageRoot, 'dist', 'never'), 'everything'], { encoding: 'utf8' })
    t.equal(badPhase.status, 2)
    t.match(badPhase.stderr, /usage/)
  })
})

t.test('workflows', async t => {
  // The GitHub Actions workflows: valid for GitHub's own parser, and doing what the delivery promises.
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
})

t.test('bundle', async t => {
  // The server's one-file bundle (scripts/bundle.mjs) is pure ASCII, so V8 keeps its source one byte per character.
  const { asciiOnly, bundle, leaveOutUnusedCode } = await import(new URL('../scripts/bundle.mjs', import.meta.url).href) as {
    asciiOnly: (code: string) => string
    bundle: (esbuild: unknown, outfile: string) => Promise<string>
    leaveOutUnusedCode: () => import('esbuild').Plugin
  }

  t.test('escapes say what the characters said', async t => {
    const source = '/[\'’]s\\b/giu.test("It’s") && /[ãõç]/i.test("Ç") && "👋 — é".length === 6 // a comment ’'
    const escaped = asciiOnly(source)
    t.notOk(/[^\x00-\x7f]/.test(escaped), 'nothing above U+007F is left')
    t.equal(escaped.length, source.length + 5 * 11, 'eleven UTF-16 units, each as \\uXXXX')
    t.equal(new Function(`return ${escaped}`)(), true, 'patterns and strings match as they did')
    t.equal(new Function(`return ${source}`)(), true)
  })

  t.test('the built bundle has no character above U+007F, and starts from its code cache', async t => {
    // Inside the package (dist/ is git-ignored): the bundle finds package.json by walking up from itself.
    mkdirSync(join(packageRoot, 'dist'), { recursive: true })
    const scratch = mkdtempSync(join(packageRoot, 'dist', 'bundle-test-'))
    t.teardown(() => rmSync(scratch, { recursive: true, force: true }))
    const esbuild = await import('esbuild')
    const file = await bundle(esbuild, join(scratch, 'server.mjs'))
    const app = readFileSync(join(scratch, 'app.cjs'))
    t.ok(app.length > 1_000_000, `the application and its dependencies (${app.length} bytes)`)
    for (const part of ['server.mjs', 'app.cjs', 'write-code-cache.mjs']) {
      t.equal(readFileSync(join(scratch, part)).findIndex(b => b > 0x7f), -1, `every byte of ${part} is ASCII`)
      t.ok(existsSync(join(scratch, `${part}.map`)), `the source map of ${part} is written beside it`)
    }
    t.ok(readFileSync(file).length < 100_000, 'the entry is a small shell: src/ comes from app.cjs')
    const sources = (JSON.parse(readFileSync(join(scratch, 'app.cjs.map'), 'utf8')) as { sources: string[] }).sources
    for (const unused of ['google-auth-library', 'gaxios', 'ws', '@huggingface/tasks', '@huggingface/jinja']) {
      t.notOk(sources.some(s => s.includes(`node_modules/${unused}/`)), `${unused} is not in the bundle`)
    }
    t.ok(sources.some(s => s.includes('node_modules/@google/genai/')) && sources.some(s => s.includes('node_modules/@huggingface/inference/')), 'the SDKs themselves are')
    t.match(app.toString('latin1'), /require\("google-auth-library"\)/, 'Vertex AI credentials are required on first use')

    const node = (...args: string[]): { status: number | null, stderr: string } => spawnSync(process.execPath, args, { encoding: 'utf8', env: { PATH: process.env.PATH } })
    t.equal(node(join(scratch, 'write-code-cache.mjs'), '--check').status, 1, 'no cache before it is written')
    const written = node(join(scratch, 'write-code-cache.mjs'))
    t.equal(written.status, 0, written.stderr)
    const check = node(join(scratch, 'write-code-cache.mjs'), '--check')
    t.equal(check.status, 0, check.stderr)
    t.match(check.stderr, /app\.cjs\.cache: used/)
    t.match(node('--max-old-space-size=300', join(scratch, 'write-code-cache.mjs'), '--check').stderr, /: rejected/, 'V8 refuses a cache made with other flags')

    // The settings are checked as before: a mistake is one line and exit 1.
    const refused = spawnSync(process.execPath, [file], { encoding: 'utf8', env: { PATH: process.env.PATH, PORT: 'abc' } })
    t.equal(refused.status, 1)
    t.equal(refused.stderr.trim(), 'Invalid configuration: PORT must be an integer port between 0 and 65535 (got "abc")')
    await bundle(esbuild, join(scratch, 'server.mjs'))
    t.notOk(existsSync(join(scratch, 'app.cjs.cache')), 'a new build removes the cache of the one before')
  })

  t.test('an import deferred out of the bundle loads on its first use; a moved line stops the build', async t => {
    mkdirSync(join(packageRoot, 'dist'), { recursive: true })
    const scratch = mkdtempSync(join(packageRoot, 'dist', 'bundle-test-'))
    t.teardown(() => rmSync(scratch, { recursive: true, force: true }))
    const esbuild = await import('esbuild')
    const options: import('esbuild').BuildOptions = { absWorkingDir: packageRoot, bundle: true, platform: 'node', format: 'cjs', logLevel: 'silent', plugins: [leaveOutUnusedCode()] }
    writeFileSync(join(scratch, 'vertex.mjs'), "import { GoogleGenAI } from '@google/genai'\nexport const vertex = () => new GoogleGenAI({ vertexai: true, project: 'course', location: 'us-central1' })\n")
    await esbuild.build({ ...options, entryPoints: [join(scratch, 'vertex.mjs')], outfile: join(scratch, 'vertex.cjs') })
    const loaded = "Object.keys(require.cache).some(k => k.includes('google-auth-library'))"
    const run = spawnSync(process.execPath, ['-e', `const m = require(${JSON.stringify(join(scratch, 'vertex.cjs'))}); const before = ${loaded}; const client = m.vertex(); console.log(JSON.stringify({ before, after: ${loaded}, vertexai: client.vertexai }))`], { encoding: 'utf8', env: { PATH: process.env.PATH } })
    t.equal(run.status, 0, run.stderr)
    t.same(JSON.parse(run.stdout), { before: false, after: true, vertexai: true }, 'google-auth-library is loaded by the first client that needs it, not before')

    const moved = join(scratch, 'node_modules', '@google', 'genai', 'dist', 'node')
    mkdirSync(moved, { recursive: true })
    writeFileSync(join(moved, 'index.mjs'), "import { GoogleAuth } from 'google-auth-library'\nexport const auth = () => new GoogleAuth()\n")
    writeFileSync(join(scratch, 'moved.mjs'), "export { auth } from './node_modules/@google/genai/dist/node/index.mjs'\n")
    await t.rejects(esbuild.build({ ...options, entryPoints: [join(scratch, 'moved.mjs')], write: false }), /no longer has the line/)
  })
})

t.test('code cache', async t => {
  // src/startup/compiled-module.ts on a small module of the same shape as dist/app.cjs.
  const { codeCachePath, loadCompiledModule } = await import('../src/startup/compiled-module.js')
  // Each load here is a start of its own: without this, V8 would take the second compile of the same
  // source from the isolate's own cache and never read the file's.
  setFlagsFromString('--no-compilation-cache')
  const scratch = mkdtempSync(join(tmpdir(), 'iscoolgpt-code-cache-'))
  t.teardown(() => rmSync(scratch, { recursive: true, force: true }))
  const file = join(scratch, 'module.cjs')
  writeFileSync(join(scratch, 'sibling.cjs'), 'module.exports = { twice: n => 2 * n }\n')
  writeFileSync(file, "(function (exports, require, module, __filename, __dirname) {const { twice } = require('./sibling.cjs'); exports.answer = twice(21); exports.where = [__filename, __dirname]; exports.double = n => twice(n)\n})")
  const cache = codeCachePath(file)
  const header = (): string => readFileSync(cache).subarray(0, readFileSync(cache).indexOf(0x0a)).toString('latin1')

  const first = loadCompiledModule(file, 'build-1')
  t.same({ cache: first.cache, written: first.written }, { cache: 'missing', written: true }, 'the first start writes the cache')
  t.equal(first.exports.answer, 42, 'the module ran, requiring beside itself')
  t.same(first.exports.where, [file, scratch])
  t.equal(header(), 'build-1', 'the cache names the build it was made from')

  const second = loadCompiledModule(file, 'build-1')
  t.same({ cache: second.cache, written: second.written }, { cache: 'used', written: false })
  t.equal((second.exports.double as (n: number) => number)(5), 10, 'code from the cache runs')

  const other = loadCompiledModule(file, 'build-2')
  t.same({ cache: other.cache, written: other.written }, { cache: 'stale', written: true }, 'a cache from another build is never used, whatever its length')
  t.equal(header(), 'build-2')

  writeFileSync(cache, Buffer.concat([Buffer.from('build-2\n'), Buffer.alloc(64, 7)]))
  const corrupt = loadCompiledModule(file, 'build-2')
  t.same({ cache: corrupt.cache, written: corrupt.written }, { cache: 'rejected', written: true }, 'V8 refuses a damaged cache; a fresh one replaces it')
  t.equal(corrupt.exports.answer, 42)
  t.equal(loadCompiledModule(file, 'build-2').cache, 'used')

  const checked = loadCompiledModule(file, 'build-3', { write: false })
  t.same({ cache: checked.cache, written: checked.written }, { cache: 'stale', written: false }, 'write: false leaves the cache as it is')
  t.equal(header(), 'build-2')
  const refreshed = loadCompiledModule(file, 'build-2', { refresh: true })
  t.same({ cache: refreshed.cache, written: refreshed.written }, { cache: 'missing', written: true }, 'refresh ignores a usable cache and writes a new one')

  // Where the cache cannot be written (a read-only install), the module still loads and nothing is left behind.
  rmSync(cache)
  mkdirSync(cache)
  const readOnly = loadCompiledModule(file, 'build-2')
  t.same({ cache: readOnly.cache, written: readOnly.written }, { cache: 'missing', written: false })
  t.equal(readOnly.exports.answer, 42)
  t.same(readdirSync(scratch).sort(), ['module.cjs', 'module.cjs.cache', 'sibling.cjs'], 'no temporary file left')
})
