// The page and the Swagger UI in Chromium under the service's own Content-Security-Policy: no violation, both work.
import t from 'tap'
import { chromiumOrSkip, gotoPage, launchBrowser, openPage, startSite } from '../browser/browser-helper.js'
import { CONTENT_SECURITY_POLICY, DOCS_CONTENT_SECURITY_POLICY } from '../../src/plugins/external/helmet.js'

const chromiumPath = chromiumOrSkip(t)

if (chromiumPath !== undefined) {
  const site = await startSite(t, { KNOWLEDGE: 'on', RATE_LIMIT_MAX: '0' })
  const browser = await launchBrowser(t, chromiumPath)

  t.test('the page works under the policy', async t => {
    const open = await openPage(t, browser, site.url)
    const response = await open.page.goto(site.url)
    t.equal(response?.headers()['content-security-policy'], CONTENT_SECURITY_POLICY, 'the app itself sends the policy')
    await open.page.waitForSelector('body.is-ready')
    await open.page.locator('#question').fill('What is a Docker image layer?')
    await open.page.locator('#send').click()
    await open.page.locator('#result').waitFor({ state: 'visible', timeout: 20000 })
    t.match(await open.page.locator('#answer').textContent(), /layer/i, 'an ask round-trips (connect-src allows the API and its event stream)')
    await gotoPage(open, site.url)
    t.same(open.violations, [], 'no CSP violation')
    t.same(open.errors, [], 'no script error')
  })

  t.test('the Swagger UI works under the policy, Try it out included', async t => {
    const open = await openPage(t, browser, site.url)
    const { page } = open
    const response = await page.goto(`${site.url}/docs`)
    t.equal(response?.headers()['content-security-policy'], DOCS_CONTENT_SECURITY_POLICY, 'the docs send their policy')
    await page.locator('.swagger-ui .opblock').first().waitFor({ timeout: 20000 })
    t.match(await page.locator('.swagger-ui .info .title').textContent(), /IsCoolGPT API/, 'the document is rendered')
    t.equal(await page.title(), 'IsCoolGPT API · docs', 'the tab says IsCoolGPT, not Swagger UI')
    const logo = page.locator('.swagger-ui .topbar-wrapper .link img')
    await logo.waitFor()
    const logoSvg = Buffer.from((await logo.getAttribute('src') ?? '').replace(/^data:image\/svg\+xml;base64,/, ''), 'base64').toString('utf8')
    t.match(logoSvg, />IsCoolGPT API</, 'the top bar carries the IsCoolGPT logo')
    t.equal(await page.locator('link[rel="icon"]').getAttribute('type'), 'image/svg+xml', 'and the IsCoolGPT icon')
    t.ok(await page.locator('.swagger-ui .opblock').count() >= 8, 'with every operation')
    t.ok(await page.locator('.swagger-ui .authorize').count() === 1, 'and an Authorize button for the API keys')

    const health = page.locator('.opblock-get', { has: page.locator('[data-path="/health"]') }).first()
    await health.locator('.opblock-summary').click()
    // tryItOutEnabled: the operation opens ready to execute.
    await health.locator('.execute').click()
    const status = health.locator('.live-responses-table tbody .response-col_status').first()
    await status.waitFor({ timeout: 10000 })
    t.match(await status.textContent(), /200/, 'a call from the UI reaches the API (connect-src allows it)')
    t.same(open.violations, [], 'no CSP violation')
    t.same(open.errors, [], 'no script error')
  })
}
