// Reads a V8 .cpuprofile (node --cpu-prof, or `npm run bench -- --profile`) and prints where the time
// went: by package or source folder, by function (self time), and by function including callees.
// Usage: npx tsx bench/profile-summary.ts bench/profiles/<file>.cpuprofile [--top 25] [--from-s 3]
// (--from-s leaves out the first seconds of the profile, e.g. start-up, to look at steady load only)
import { readFileSync } from 'node:fs'
import { parseArgs } from 'node:util'

interface CallFrame { functionName: string, url: string, lineNumber: number, columnNumber: number }
interface ProfileNode { id: number, callFrame: CallFrame, children?: number[] }
interface CpuProfile { nodes: ProfileNode[], samples: number[], timeDeltas: number[], startTime: number, endTime: number }

const { values, positionals } = parseArgs({ allowPositionals: true, options: { top: { type: 'string', default: '25' }, 'from-s': { type: 'string', default: '0' } } })
const file = positionals[0]
if (file === undefined) {
  process.stderr.write('usage: tsx bench/profile-summary.ts <file.cpuprofile> [--top N] [--from-s S]\n')
  process.exit(1)
}
const top = Number(values.top)
const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile

/** node_modules/<package>, the project folder (src/aggregator), node:internal, or a V8 pseudo-frame. */
function area (frame: CallFrame): string {
  const url = frame.url
  if (url === '') return `(${frame.functionName === '' ? 'anonymous' : frame.functionName.replace(/[()]/g, '')})`
  if (url.startsWith('node:internal/deps/')) return `node:${url.slice('node:internal/deps/'.length).split('/')[0] ?? ''}`
  if (url.startsWith('node:internal/')) {
    const [first, second] = url.slice('node:internal/'.length).split('/')
    return `node:internal/${second !== undefined ? `${first ?? ''}/${second.replace(/\.js$/, '')}` : (first ?? '').replace(/\.js$/, '')}`
  }
  if (url.startsWith('node:')) return url
  const modules = url.lastIndexOf('node_modules/')
  if (modules !== -1) {
    const rest = url.slice(modules + 'node_modules/'.length).split('/')
    return rest[0]?.startsWith('@') === true ? `${rest[0]}/${rest[1] ?? ''}` : (rest[0] ?? url)
  }
  const dist = /\/(?:dist\/)?((?:src|schemas|bench)\/[^/]+)/.exec(url)
  return dist?.[1] ?? url
}

const label = (frame: CallFrame): string => {
  const where = frame.url === '' ? '' : ` ${frame.url.replace(/^file:\/\/.*?\/(node_modules|dist|src)\//, '$1/')}:${frame.lineNumber + 1}`
  return `${frame.functionName === '' ? '(anonymous)' : frame.functionName}${where}`
}

const byId = new Map(profile.nodes.map(n => [n.id, n]))
const selfUs = new Map<number, number>()
const fromUs = Number(values['from-s']) * 1e6
let elapsedUs = 0
profile.samples.forEach((id, i) => {
  elapsedUs += profile.timeDeltas[i] ?? 0
  if (elapsedUs >= fromUs) selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0))
})
const totalUs = [...selfUs.values()].reduce((a, b) => a + b, 0)
const idleUs = profile.nodes.filter(n => ['(idle)', '(program)', '(garbage collector)'].includes(n.callFrame.functionName))
  .reduce((s, n) => s + (n.callFrame.functionName === '(idle)' ? (selfUs.get(n.id) ?? 0) : 0), 0)

const selfByArea = new Map<string, number>()
const selfByFunction = new Map<string, number>()
const inclusiveByFunction = new Map<string, number>()

// Depth-first over the call tree; a function already on the stack is not counted again (recursion).
function walk (id: number, stack: Set<string>): number {
  const node = byId.get(id)
  if (node === undefined) return 0
  const own = selfUs.get(id) ?? 0
  const name = label(node.callFrame)
  selfByArea.set(area(node.callFrame), (selfByArea.get(area(node.callFrame)) ?? 0) + own)
  selfByFunction.set(name, (selfByFunction.get(name) ?? 0) + own)
  const fresh = !stack.has(name)
  if (fresh) stack.add(name)
  let subtree = own
  for (const child of node.children ?? []) subtree += walk(child, stack)
  if (fresh) {
    stack.delete(name)
    inclusiveByFunction.set(name, (inclusiveByFunction.get(name) ?? 0) + subtree)
  }
  return subtree
}
const childIds = new Set(profile.nodes.flatMap(n => n.children ?? []))
for (const root of profile.nodes.filter(n => !childIds.has(n.id))) walk(root.id, new Set())

const busyUs = totalUs - idleUs
const pct = (us: number): string => `${(busyUs > 0 ? (100 * us) / busyUs : 0).toFixed(1).padStart(5)} %`
const ms = (us: number): string => `${(us / 1000).toFixed(0).padStart(7)} ms`
const print = (title: string, map: Map<string, number>): void => {
  process.stdout.write(`\n${title}\n`)
  const shown = [...map].filter(([name]) => !name.startsWith('(idle)') && !name.startsWith('(root)'))
  for (const [name, us] of shown.sort((a, b) => b[1] - a[1]).slice(0, top)) process.stdout.write(`${ms(us)}  ${pct(us)}  ${name}\n`)
}

process.stdout.write(`${file}: ${(totalUs / 1e6).toFixed(2)} s sampled, ${(busyUs / 1e6).toFixed(2)} s busy (shares below are of busy time)\n`)
print('Self time by package / folder', selfByArea)
print('Self time by function', selfByFunction)
print('Time including callees, by function', inclusiveByFunction)
