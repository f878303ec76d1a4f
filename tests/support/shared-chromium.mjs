// One Chromium for every browser test file of a tap run: started by the first file that needs it (see
// launchBrowser in tests/browser/browser-helper.ts), reached by the others over Playwright's protocol, and closed
// when the tap runner that owns it exits. Each file still gets its own browser contexts, so nothing is shared but
// the process (and its start-up: a few CPU-seconds and 150 MB per Chromium on a small machine).
//   node tests/support/shared-chromium.mjs <chromium> <info file> <owner pid> <args as JSON>
import { renameSync, rmSync, writeFileSync } from 'node:fs'
import { chromium } from 'playwright-core'

const [executablePath, infoFile, ownerPid, args] = process.argv.slice(2)
const owner = Number(ownerPid)
const lockDir = infoFile.replace(/\.json$/, '.lock')

function publish (info) {
  // Written whole and renamed, so a reader never sees half a file.
  writeFileSync(`${infoFile}.tmp`, JSON.stringify(info))
  renameSync(`${infoFile}.tmp`, infoFile)
}

let server
try {
  server = await chromium.launchServer({ executablePath, args: JSON.parse(args) })
} catch (err) {
  // The files waiting for it launch their own Chromium instead.
  publish({ error: String(err) })
  rmSync(lockDir, { recursive: true, force: true })
  process.exit(1)
}
publish({ wsEndpoint: server.wsEndpoint(), pid: process.pid })

let stopping = false
async function stop () {
  if (stopping) return
  stopping = true
  rmSync(infoFile, { force: true })
  rmSync(lockDir, { recursive: true, force: true })
  await server.close()
  process.exit(0)
}

const alive = () => { try { process.kill(owner, 0); return true } catch { return false } }
setInterval(() => { if (!alive()) void stop() }, 500)
process.on('SIGTERM', () => { void stop() })
process.on('SIGINT', () => { void stop() })
