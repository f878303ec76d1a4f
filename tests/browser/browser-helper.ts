// Browser tests: finding Chromium, starting the real app against provider stubs, and opening the page under the production CSP.
import { spawn } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core'
import type { FastifyInstance } from 'fastify'
import { buildApp, type BuildOptions } from '../../src/app.js'
import { loadConfig } from '../../src/config.js'
import { packageRoot } from '../../src/package-info.js'
import { startStubs as startBaseStubs, type Stubs as BaseStubs } from '../stub-env.js'
import type { StubServer } from '../stubs/stub-server.js'

interface Teardown { teardown: (fn: () => unknown) => void }

export const ARTIFACTS = join(packageRoot, 'tests', 'artifacts')

/** The policy the service sends for its pages; the page must work under exactly this. */
export const PAGE_CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'"

const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync']

/** CHROMIUM_PATH when set (and only it), else Debian's and Ubuntu's usual locations. */
export function findChromium (env: NodeJS.ProcessEnv = process.env): string | undefined {
  const wanted = env.CHROMIUM_PATH?.trim()
  if (wanted !== undefined && wanted !== '') return existsSync(wanted) ? wanted : undefined
  return ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find(p => existsSync(p))
}

/**
 * The Chromium to test with, or undefined after planning zero tests with a printed notice:
 * `npm test` on a machine without Chromium skips the browser tests instead of failing them.
 */
export function chromiumOrSkip (t: { plan: (n: number, reason?: string) => void, comment: (...m: unknown[]) => void }): string | undefined {
  const path = findChromium()
  if (path === undefined) {
    const notice = 'no chromium: browser tests skipped (install Debian\'s `chromium` package or set CHROMIUM_PATH)'
    process.stderr.write(`${notice}\n`)
    t.comment(notice)
    t.plan(0, notice)
  }
  return path
}

/**
 * A Chromium for one test file. Under tap (TAP=1) the files of one run share a single Chromium process
 * (tests/support/shared-chromium.mjs); run on its own, or when the shared one cannot be reached, a file launches
 * its own. Closing a connected browser closes this file's contexts and disconnects, nothing more.
 */
export async function launchBrowser (t: Teardown, executablePath: string): Promise<Browser> {
  const browser = (process.env.TAP === '1' ? await sharedBrowser(executablePath) : undefined) ??
    await chromium.launch({ executablePath, args: CHROMIUM_ARGS })
  t.teardown(async () => await browser.close())
  return browser
}

/** The tap run's shared Chromium, started by whichever browser file asks first; undefined when it cannot be had. */
async function sharedBrowser (executablePath: string): Promise<Browser | undefined> {
  // Test files are children of the tap runner: its pid names this run's Chromium, which exits with it.
  const owner = process.ppid
  const dir = join(packageRoot, '.tap')
  const info = join(dir, `chromium-${owner}.json`)
  const lock = join(dir, `chromium-${owner}.lock`)
  mkdirSync(dir, { recursive: true })
  // Starting Chromium takes seconds on a loaded machine; past this bound the file stops waiting and launches its own.
  const giveUpAt = Date.now() + 120000
  while (Date.now() < giveUpAt) {
    if (existsSync(info)) {
      const { wsEndpoint } = JSON.parse(readFileSync(info, 'utf8')) as { wsEndpoint?: string }
      if (wsEndpoint === undefined) return undefined
      try {
        return await chromium.connect(wsEndpoint, { timeout: 60000 })
      } catch {
        return undefined
      }
    }
    try {
      mkdirSync(lock)
    } catch {
      // Another file is starting it.
      await sleep(100)
      continue
    }
    spawn(process.execPath, [join(packageRoot, 'tests', 'support', 'shared-chromium.mjs'), executablePath, info, String(owner), JSON.stringify(CHROMIUM_ARGS)], {
      detached: true, stdio: 'ignore'
    }).unref()
  }
  return undefined
}

export interface Stubs extends BaseStubs {
  all: StubServer[]
}

/** The three provider stubs (see tests/stub-env.ts), plus a list to configure them all at once. */
export async function startStubs (t: Teardown): Promise<Stubs> {
  const stubs = await startBaseStubs(t)
  return { ...stubs, all: [stubs.openai, stubs.gemini, stubs.hf] }
}

export interface Site {
  app: FastifyInstance
  url: string
}

/**
 * The real app on 127.0.0.1:0. Course notes are off and rate limiting is off unless the test turns them on:
 * one browser session loads the page and asks many times a minute from one address. Shedding on the event
 * loop's delay is off as in every other suite: the app shares its process with the test driving Chromium,
 * and on a busy machine a 20 ms delay would answer an ask with 503 that the page then shows instead of the answer.
 */
export async function startSite (t: Teardown, env: Record<string, string>, options: BuildOptions = {}): Promise<Site> {
  const app = await buildApp(loadConfig({ KNOWLEDGE: 'off', RATE_LIMIT_MAX: '0', SHED_EVENT_LOOP_DELAY_MS: '0', ...env }), { logger: false, ...options })
  t.teardown(async () => {
    // Clients that aborted a stream can leave keep-alive sockets the server would otherwise hold until their timeout.
    const closing = app.close()
    app.server.closeAllConnections()
    await closing
  })
  await app.listen({ port: 0, host: '127.0.0.1' })
  const address = app.server.address()
  if (address === null || typeof address === 'string') throw new Error('the app is not listening on a TCP port')
  return { app, url: `http://127.0.0.1:${address.port}` }
}

export interface OpenPage {
  page: Page
  /** Uncaught errors and console errors from the page. */
  errors: string[]
  /** Content-Security-Policy violations the page reported. */
  violations: string[]
  /** Bodies the page posted to /api/ask. */
  asks: unknown[]
}

/**
 * A fresh browser context and page. The document gets PAGE_CSP when the app does not send a policy of its
 * own, so the page is always tested the way production serves it.
 */
export async function openPage (t: Teardown, browser: Browser, url: string, options: BrowserContextOptions = {}): Promise<OpenPage> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US', ...options })
  // Every wait is for something the page does; Playwright's default 30 s bound was reached on a machine running
  // several suites at once. A page that never gets there still fails, within the file's timeout.
  context.setDefaultTimeout(120000)
  t.teardown(async () => await context.close())
  const page = await context.newPage()
  const errors: string[] = []
  const violations: string[] = []
  const asks: unknown[] = []
  page.on('pageerror', err => errors.push(err.message))
  page.on('console', message => { if (message.type() === 'error') errors.push(message.text()) })
  page.on('request', request => {
    if (request.url().endsWith('/api/ask') && request.method() === 'POST') asks.push(request.postDataJSON())
  })
  await page.exposeFunction('__reportViolation', (text: string) => { violations.push(text) })
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', event => {
      (window as unknown as { __reportViolation: (s: string) => void }).__reportViolation(`${event.violatedDirective} ${event.blockedURI}`)
    })
  })
  const origin = new URL(url).origin
  await page.route(url => url.origin === origin && (url.pathname === '/' || url.pathname === '/index.html'), async route => {
    const response = await route.fetch()
    const headers = response.headers()
    if (headers['content-security-policy'] === undefined) headers['content-security-policy'] = PAGE_CSP
    await route.fulfill({ response, headers })
  })
  return { page, errors, violations, asks }
}

/** Loads the page and waits until its script has run (the body gets `is-ready`). */
export async function gotoPage (open: OpenPage, url: string): Promise<void> {
  await open.page.goto(url)
  await open.page.waitForSelector('body.is-ready')
}

export function artifactPath (name: string): string {
  mkdirSync(ARTIFACTS, { recursive: true })
  return join(ARTIFACTS, name)
}
