// An LLM answer is untrusted input: markup in it must neither run nor reach the page as elements.
import t from 'tap'
import { HOSTILE_ANSWER } from './answers.js'
import { chromiumOrSkip, gotoPage, launchBrowser, openPage, startSite, startStubs } from './browser-helper.js'

const chromiumPath = chromiumOrSkip(t)

if (chromiumPath !== undefined) {
  const stubs = await startStubs(t)
  const site = await startSite(t, stubs.env)
  const browser = await launchBrowser(t, chromiumPath)

  t.test('script, event handlers and javascript: links in an answer do nothing', async t => {
    for (const s of stubs.all) s.setBehaviour({ text: HOSTILE_ANSWER, tokenDelayMs: 5 })
    const open = await openPage(t, browser, site.url)
    const { page } = open
    await gotoPage(open, site.url)
    await page.locator('#question').fill('What is a container?')
    await page.locator('#send').click()
    await page.locator('#result').waitFor({ state: 'visible', timeout: 30000 })

    // Every rendering of the text: the answer, and each provider's own answer opened in its card.
    for (const summary of await page.locator('.card-details > summary').all()) await summary.click()
    t.equal(await page.locator('.card-answer').count(), 3, 'every provider\'s answer is rendered too')
    for (const link of await page.locator('#answer a, .card-answer a').all()) await link.click({ force: true }).catch(() => {})
    await page.locator('#answer p', { hasText: 'cover' }).click({ force: true })
    // Give a broken image's error handler, had one survived, time to fire.
    await page.waitForTimeout(300)

    t.equal(await page.evaluate(() => (window as unknown as { __xss?: string }).__xss), undefined, 'nothing in the answer ran')
    const text = await page.locator('#answer').textContent() ?? ''
    t.match(text, /A container is an isolated process/, 'the harmless text is shown')
    t.match(text, '<script>window.__xss = \'script\'</script>', 'raw markup is shown as the text it is')
    const rendered = '#answer, .card-answer, .card-live, #provider-cards'
    t.equal(await page.locator(`:is(${rendered}) :is(script, img, iframe, svg, object, embed, style)`).count(), 0, 'no script, image, frame or SVG element was created')
    const handlers = await page.$$eval('#answer *, .card-answer *', nodes =>
      nodes.flatMap(n => Array.from(n.attributes, a => a.name)).filter(name => name.startsWith('on') || name === 'style' || name === 'class'))
    t.same(handlers, [], 'no event handler, style or class attribute survived')
    const hrefs = await page.$$eval('#answer a, .card-answer a', links => links.map(a => a.getAttribute('href')))
    t.ok(hrefs.every(href => href === null || !/^\s*javascript:/i.test(href)), 'no javascript: link survived')
    t.same(open.violations, [], 'nothing even tried to run against the CSP')
    t.same(open.errors, [], 'no script error')
  })

  t.test('the question and history are shown as text, never as markup', async t => {
    for (const s of stubs.all) s.reset()
    const question = 'Is <img src=x onerror="window.__xss=1"> a container?'
    const open = await openPage(t, browser, site.url)
    const { page } = open
    await gotoPage(open, site.url)
    await page.locator('#question').fill(question)
    await page.locator('#send').click()
    await page.locator('#result').waitFor({ state: 'visible', timeout: 30000 })
    await page.reload()
    await page.waitForSelector('body.is-ready')
    t.equal(await page.locator('#history .history-question').textContent(), question, 'the recent list shows the question as typed')
    t.equal(await page.locator('#history img').count(), 0, 'without creating elements from it')
    t.equal(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss), undefined, 'and nothing ran')
  })
}
