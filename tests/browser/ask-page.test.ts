// The page in a real Chromium against the real app and provider stubs: asking, live provider cards, the answer, keyboard use.
import t from 'tap'
import { ANSWERS, QUESTION } from './answers.js'
import { artifactPath, chromiumOrSkip, gotoPage, launchBrowser, openPage, startSite, startStubs } from './browser-helper.js'

const chromiumPath = chromiumOrSkip(t)

if (chromiumPath !== undefined) {
  const stubs = await startStubs(t)
  const site = await startSite(t, stubs.env)
  const browser = await launchBrowser(t, chromiumPath)

  const scriptAnswers = (tokenDelayMs = 15): void => {
    for (const s of stubs.all) s.reset()
    stubs.openai.setBehaviour({ text: ANSWERS.openai, tokenDelayMs })
    stubs.gemini.setBehaviour({ text: ANSWERS.gemini, tokenDelayMs })
    stubs.hf.setBehaviour({ text: ANSWERS.huggingface, tokenDelayMs })
  }

  const cardStates = async (page: import('playwright-core').Page): Promise<Array<[string, string]>> =>
    (await page.$$eval('.provider-card', cards => cards.map(c => [(c as HTMLElement).dataset.provider ?? '', (c as HTMLElement).dataset.state ?? ''] as [string, string])))
      .sort((a, b) => a[0].localeCompare(b[0]))

  t.test('a question gets live provider cards, then the consolidated answer', async t => {
    scriptAnswers(40)
    const open = await openPage(t, browser, site.url)
    const { page } = open
    await gotoPage(open, site.url)
    t.equal(await page.locator('.provider-option input').count(), 3, 'the options list the three configured providers')

    await page.locator('#question').fill(QUESTION)
    await page.locator('#send').click()
    t.ok(await page.locator('#send').isDisabled(), 'the send button is disabled while it works')
    t.equal(await page.locator('#send-label').textContent(), 'Asking…', 'and says so')

    // Tokens arrive over the event stream: a card shows partial text before its provider is done.
    const live = page.locator('.provider-card[data-state="streaming"] .card-live')
    await live.first().waitFor()
    const partial = await live.first().textContent() ?? ''
    t.ok(partial.length > 0, 'a streaming card shows the text so far')

    await page.locator('#result').waitFor({ state: 'visible', timeout: 30000 })
    t.same(await cardStates(page), [['gemini', 'done'], ['huggingface', 'done'], ['openai', 'done']], 'one finished card per provider')
    t.equal(await page.locator('.provider-card.is-chosen').count(), 1, 'one card is marked as chosen')
    t.equal(await page.locator('.provider-card .scores').count(), 3, 'every card shows its scores')
    t.match(await page.locator('.provider-card[data-provider="openai"] .card-state').textContent(), /^Done · \d/, 'a done card shows its latency')

    const answer = page.locator('#answer')
    const chosen = await page.$eval('.provider-card.is-chosen', c => (c as HTMLElement).dataset.provider)
    t.ok(chosen !== undefined && Object.hasOwn(ANSWERS, chosen), 'the chosen provider is one of the stubs')
    const chosenAnswer = page.locator('.provider-card.is-chosen .card-answer')
    await page.locator('.provider-card.is-chosen .card-details > summary').click()
    await chosenAnswer.locator(':scope > *').first().waitFor()
    t.equal(await answer.innerHTML(), await chosenAnswer.innerHTML(), 'the answer is the chosen provider\'s, rendered the same way')
    t.ok(await answer.locator('p, li').count() >= 2, 'the answer is rendered as paragraphs and lists')
    t.notMatch(await answer.innerHTML(), /\*\*/, 'no raw Markdown markers are left')

    // Every Markdown construct the answers use renders: the OpenAI answer has a table, a list and a fenced block.
    const openaiAnswer = page.locator('.provider-card[data-provider="openai"] .card-answer')
    if (chosen !== 'openai') await page.locator('.provider-card[data-provider="openai"] .card-details > summary').click()
    await openaiAnswer.locator('table').waitFor()
    t.equal(await openaiAnswer.locator('.table-wrap > table th').count(), 3, 'a Markdown table becomes a scrollable table')
    t.equal(await openaiAnswer.locator('ul > li').count(), 2, 'a Markdown list becomes a list')
    t.match(await openaiAnswer.locator('pre > code').textContent(), /^docker run --rm -p 8080:8080 iscoolgpt:latest\s*$/, 'a fenced block becomes code')
    t.equal(await openaiAnswer.locator('strong').count(), 2, 'bold text becomes strong')
    if (chosen !== 'openai') await page.locator('.provider-card[data-provider="openai"] .card-details > summary').click()
    await page.locator('.provider-card.is-chosen .card-details > summary').click()

    const confidence = await page.locator('#confidence-meter').evaluate(m => (m as HTMLMeterElement).value)
    t.ok(confidence >= 0 && confidence <= 1, 'the confidence meter holds a value between 0 and 1')
    t.match(await page.locator('#confidence-value').textContent(), /^\d+% · (high|medium|low)$/, 'and a labelled percentage')
    t.equal(await page.locator('label[for="confidence-meter"]').textContent(), 'Confidence', 'the meter has a label')
    t.match(await page.locator('#chosen').textContent(), /(OpenAI|Gemini|Hugging Face)/, 'the chosen provider is named')
    t.match(await page.locator('#chosen .chosen-why').textContent(), /\.\s*Score \d/, 'with why it was chosen and its score')
    const stats = await page.locator('#stats').textContent() ?? ''
    t.match(stats, /Tokens\d+ in · \d+ out/, 'token counts are shown')
    t.match(stats, /Cost\$\d/, 'the cost is shown')
    t.match(await page.locator('#progress').textContent(), '3 of 3 providers finished')

    t.same(open.violations, [], 'no Content-Security-Policy violation')
    t.same(open.errors, [], 'no script error')
    await page.screenshot({ path: artifactPath('answer.png'), fullPage: true })
  })

  t.test('on a phone-width screen nothing overflows sideways', async t => {
    scriptAnswers()
    const open = await openPage(t, browser, site.url, { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true })
    const { page } = open
    await gotoPage(open, site.url)
    await page.locator('#question').fill(QUESTION)
    await page.locator('#send').click()
    await page.locator('#result').waitFor({ state: 'visible', timeout: 30000 })
    const widths = await page.evaluate(() => ({ page: document.documentElement.scrollWidth, viewport: window.innerWidth }))
    t.ok(widths.page <= widths.viewport, `the page is no wider than the screen (${widths.page} ≤ ${widths.viewport})`)
    const send = await page.locator('#send').boundingBox()
    t.ok(send !== null && send.height >= 40, 'the send button is a comfortable touch target')
    await page.screenshot({ path: artifactPath('answer-phone.png'), fullPage: true })
  })

  t.test('a plain JSON answer (no event stream) fills the same page', async t => {
    scriptAnswers(0)
    const open = await openPage(t, browser, site.url)
    const { page } = open
    // As a server without streaming would: the same POST, answered as application/json.
    await page.route(`${site.url}/api/ask`, async route => {
      await route.continue({ headers: { ...route.request().headers(), accept: 'application/json' } })
    })
    await gotoPage(open, site.url)
    await page.locator('#question').fill(QUESTION)
    const [response] = await Promise.all([
      page.waitForResponse(`${site.url}/api/ask`),
      page.locator('#send').click()
    ])
    t.match(response.headers()['content-type'], /^application\/json/, 'the server answered JSON')
    await page.locator('#result').waitFor({ state: 'visible', timeout: 30000 })
    t.same((await cardStates(page)).map(([, s]) => s), ['done', 'done', 'done'], 'the cards are filled from the answer')
    t.equal(await page.locator('.provider-card.is-chosen').count(), 1)
    t.ok(await page.locator('#answer p, #answer li').count() > 0, 'the answer is shown')
    t.same(open.errors, [], 'no script error')
  })

  t.test('Enter sends, Shift+Enter adds a new line', async t => {
    scriptAnswers(0)
    const open = await openPage(t, browser, site.url)
    const { page } = open
    await gotoPage(open, site.url)
    await page.locator('#question').click()
    await page.keyboard.type('What does a container share with its host?')
    await page.keyboard.press('Shift+Enter')
    await page.keyboard.type('And a virtual machine?')
    t.equal(await page.inputValue('#question'), 'What does a container share with its host?\nAnd a virtual machine?', 'Shift+Enter made a new line')
    t.equal(open.asks.length, 0, 'and sent nothing')

    await page.keyboard.press('Enter')
    await page.locator('#result').waitFor({ state: 'visible', timeout: 30000 })
    t.equal(open.asks.length, 1, 'Enter sent the question once')
    t.same(open.asks[0], { question: 'What does a container share with its host?\nAnd a virtual machine?' }, 'with both lines and default options')
    const seen = stubs.openai.requests[0]?.body as { messages?: Array<{ role: string, content: string }> } | undefined
    t.ok(seen?.messages?.some(m => m.content.includes('And a virtual machine?')), 'the provider received the whole question')
  })

  t.test('cancel stops the question, in the page and upstream', async t => {
    for (const s of stubs.all) s.reset()
    for (const s of stubs.all) s.setBehaviour({ headersDelayMs: 20000 })
    const open = await openPage(t, browser, site.url)
    const { page } = open
    await gotoPage(open, site.url)
    await page.locator('#question').fill(QUESTION)
    await page.locator('#send').click()
    const [upstream] = await stubs.openai.waitForRequests(1)
    await page.locator('#cancel').waitFor({ state: 'visible' })
    t.same((await cardStates(page)).map(([, s]) => s), ['waiting', 'waiting', 'waiting'], 'the cards wait for their providers')

    await page.locator('#cancel').click()
    await page.locator('#notice[data-kind="cancelled"]').waitFor()
    t.same((await cardStates(page)).map(([, s]) => s), ['cancelled', 'cancelled', 'cancelled'], 'the cards say cancelled')
    t.ok(await page.locator('#result').isHidden(), 'no answer is shown')
    t.ok(await page.locator('#cancel').isHidden(), 'the cancel button goes away')
    t.notOk(await page.locator('#send').isDisabled(), 'a new question can be sent')
    t.equal(await page.evaluate(() => document.activeElement?.id), 'question', 'focus returns to the question')

    const closed = await Promise.race([
      stubs.openai.waitForClose(upstream),
      new Promise<undefined>(resolve => setTimeout(() => resolve(undefined), 5000))
    ])
    t.equal(closed?.clientAborted, true, 'the server dropped the provider call')
  })

  t.test('keyboard only: skip link, ask, Escape cancels, copy the answer', async t => {
    for (const s of stubs.all) s.reset()
    for (const s of stubs.all) s.setBehaviour({ headersDelayMs: 20000 })
    const open = await openPage(t, browser, site.url, { permissions: ['clipboard-read', 'clipboard-write'] })
    const { page } = open
    await gotoPage(open, site.url)
    const focused = async (): Promise<string> => await page.evaluate(() => {
      const el = document.activeElement
      return el === null ? '' : el.id !== '' ? `#${el.id}` : `${el.tagName.toLowerCase()}.${el.className}`
    })

    await page.keyboard.press('Tab')
    t.equal(await focused(), 'a.skip-link', 'the first Tab reaches the skip link')
    await page.keyboard.press('Enter')
    t.equal(await focused(), '#question', 'which moves focus to the question')
    await page.keyboard.type('What is a hypervisor?')
    await page.keyboard.press('Enter')
    await stubs.openai.waitForRequests(1)
    await page.keyboard.press('Escape')
    await page.locator('#notice[data-kind="cancelled"]').waitFor()
    t.pass('Escape cancelled the question')

    scriptAnswers(0)
    await page.locator('#question').focus()
    await page.keyboard.press('Enter')
    await page.locator('#result').waitFor({ state: 'visible', timeout: 30000 })
    t.equal(await page.getAttribute('#result', 'aria-live'), 'polite', 'the result is a polite live region')
    t.match(await page.locator('#announcer').textContent(), /^Answer ready\. Confidence \d+%\.$/, 'and the answer is announced')

    const order: string[] = []
    for (let i = 0; i < 40 && !order.includes('#copy'); i++) {
      await page.keyboard.press('Tab')
      order.push(await focused())
    }
    t.ok(order.includes('#copy'), 'Tab reaches the copy button')
    t.ok(order.indexOf('#send') < order.indexOf('#copy'), 'after the send button')
    await page.keyboard.press('Enter')
    await page.locator('#copy-label', { hasText: 'Copied' }).waitFor()
    const copied = await page.evaluate(async () => await navigator.clipboard.readText())
    const chosen = await page.$eval('.provider-card.is-chosen', c => (c as HTMLElement).dataset.provider ?? '')
    t.equal(copied, ANSWERS[chosen as keyof typeof ANSWERS], 'the copied text is the answer\'s Markdown')
  })

  t.test('options and recent questions are remembered between visits', async t => {
    scriptAnswers(0)
    const open = await openPage(t, browser, site.url)
    const { page } = open
    await gotoPage(open, site.url)
    await page.locator('#options > summary').click()
    await page.locator('#strategy').selectOption('best')
    await page.locator('#wait-for').selectOption('quorum')
    await page.locator('.provider-option', { hasText: 'Hugging Face' }).locator('input').uncheck()
    await page.locator('#question').fill(QUESTION)
    await page.locator('#send').click()
    await page.locator('#result').waitFor({ state: 'visible', timeout: 30000 })
    t.same(open.asks[0], { question: QUESTION, providers: ['openai', 'gemini'], strategy: 'best', waitFor: 'quorum' }, 'the request carries the options')
    t.same((await cardStates(page)).map(([id]) => id), ['gemini', 'openai'], 'only the chosen providers get a card')
    t.equal(stubs.hf.requests.length, 0, 'the unchecked provider was not called')

    await page.reload()
    await page.waitForSelector('body.is-ready')
    t.equal(await page.inputValue('#strategy'), 'best', 'the strategy is remembered')
    t.equal(await page.inputValue('#wait-for'), 'quorum', 'the early-answer mode is remembered')
    t.notOk(await page.locator('.provider-option', { hasText: 'Hugging Face' }).locator('input').isChecked(), 'the provider choice is remembered')
    t.ok(await page.locator('#result').isVisible(), 'the conversation of the last visit is back')
    const items = page.locator('#history .history-item')
    t.equal(await items.count(), 1, 'the conversation is in the list')
    t.match(await items.first().textContent(), QUESTION)

    await page.locator('#new-conversation').click()
    t.ok(await page.locator('#result').isHidden(), 'a new conversation starts without an answer')
    await items.first().click()
    await page.locator('#result').waitFor({ state: 'visible' })
    t.equal(await page.locator('#current-question p').textContent(), QUESTION, 'picking it restores the question')
    t.ok(await page.locator('#answer li, #answer p').count() > 0, 'and its answer')
    t.equal(await page.evaluate(() => document.activeElement?.id), 'answer-heading', 'focus moves to the answer')

    await page.locator('#history-clear').click()
    t.equal(await items.count(), 0, 'clearing empties the list')
    t.ok(await page.locator('#result').isHidden(), 'and the page')
    await page.reload()
    await page.waitForSelector('body.is-ready')
    t.equal(await items.count(), 0, 'and it stays empty')
    t.ok(await page.locator('#history-empty').isVisible(), 'with a note about where history is kept')
  })
}
