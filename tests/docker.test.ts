// The container build: the Dockerfile runs the same script the offline production check runs,
// ships only what that script produces, and compose wires the service to Redis.
import t from 'tap'
import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'yaml'
import { packageRoot } from '../src/package-info.js'

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
  for (const path of [...copiedPaths(), 'scripts/build-prod.sh']) t.ok(copied.includes(path), `the build stage copies ${path}`)

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
  t.ok(has(/^CMD \["dist\/src\/server\.js"\]$/))
  t.notOk(has(/^RUN /), 'nothing runs in the runtime stage: it has no shell')
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
  t.same(admitted, [...copiedPaths(), 'scripts/build-prod.sh'].sort())
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
