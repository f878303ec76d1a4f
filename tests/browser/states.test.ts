// The page's other states in a real Chromium: Portuguese, every provider failing, rate limited, API key needed,
// no provider configured, offline, invalid input, and course-notes sources.
import t from 'tap'
import { openAIErrorBody } from '../stubs/openai-stub.js'
import { geminiErrorBody } from '../stubs/gemini-stub.js'
import { ANSWERS, QUESTION } from './answers.js'
import { artifactPath, chromiumOrSkip, gotoPage, launchBrowser, openPage, startSite, startStubs } from './browser-helper.js'

const chromiumPath = chromiumOrSkip(t)

if (chromiumPath !== undefined) {
  const stubs = await startStubs(t)
  const site = await startSite(t, stubs.env)
  const browser = await launchBrowser(t, chromiumPath)

  const answerNormally = (): void => {
    for (const s of stubs.all) s.reset()
    stubs.openai.setBehaviour({ text: ANSWERS.openai })
    stubs.gemini.setBehaviour({ text: ANSWERS.gemini })
    stubs.hf.setBehaviour({ text: ANSWERS.huggingface })
  }

  t.beforeEach(() => { answerNormally() })

  t.test('a browser set to pt-BR gets the Portuguese interface, and the switch changes it', async t => {
    const open = await openPage(t, browser, site.url, { locale: 'pt-BR' })
    const { page } = open
    await gotoPage(open, site.url)
    t.equal(await page.getAttribute('html', 'lang'), 'pt-BR', 'the document language is pt-BR')
    t.equal(await page.locator('#ask-heading').textContent(), 'Pergunte sobre computação em nuvem')
    t.equal(await page.locator('#send-label').textContent(), 'Perguntar')
    t.equal(await page.getAttribute('#question', 'placeholder'), 'ex.: Qual a diferença entre um contêiner e uma máquina virtual?')
    t.equal(await page.locator('#question-hint').textContent(), 'Enter envia · Shift+Enter quebra a linha')
    t.equal(await page.getAttribute('.lang-button[data-lang="pt-BR"]', 'aria-pressed'), 'true')

    await page.locator('#question').fill('Qual a diferença entre um contêiner e uma máquina virtual?')
    await page.keyboard.press('Enter')
    await page.locator('#result').waitFor({ state: 'visible', timeout: 30000 })
    t.equal(await page.locator('#answer-heading').textContent(), 'Resposta')
    t.equal(await page.locator('label[for="confidence-meter"]').textContent(), 'Confiança')
    t.match(await page.locator('#confidence-value').textContent(), /^\d+ % · (alta|média|baixa)$|^\d+% · (alta|média|baixa)$/, 'the confidence level is in Portuguese')
    t.match(await page.locator('.provider-card[data-provider="openai"] .card-state').textContent(), /^Pronto · /, 'so are the card states')
    t.match(await page.locator('#stats').textContent(), /Estratégia.*Custo/, 'and the statistics')
    t.match(await page.locator('#progress').textContent(), '3 de 3 provedores concluíram')
    await page.screenshot({ path: artifactPath('answer-pt-BR.png'), fullPage: true })

    await page.locator('.lang-button[data-lang="en"]').click()
    t.equal(await page.getAttribute('html', 'lang'), 'en', 'the switch changes the document language')
    t.equal(await page.locator('#send-label').textContent(), 'Ask', 'and the interface')
    t.equal(await page.locator('#answer-heading').textContent(), 'Answer', 'including what is already on screen')
    t.match(await page.locator('.provider-card[data-provider="openai"] .card-state').textContent(), /^Done · /)
    await page.reload()
    await page.waitForSelector('body.is-ready')
    t.equal(await page.locator('#send-label').textContent(), 'Ask', 'the choice outlives a reload')
    t.same(open.errors, [], 'no script error')
  })

  t.test('when every provider fails, the page says so and names each failure', async t => {
    stubs.openai.setBehaviour({ type: 'error', status: 500, body: openAIErrorBody(500, 'The server had an error while processing your request.') })
    stubs.gemini.setBehaviour({ type: 'error', status: 500, body: geminiErrorBody(500, 'An internal error has occurred.') })
    stubs.hf.setBehaviour({ type: 'error', status: 500, body: openAIErrorBody(500, 'Internal server error') })
    const open = await openPage(t, browser, site.url)
    const { page } = open
    await gotoPage(open, site.url)
    await page.locator('#question').fill(QUESTION)
    await page.locator('#send').click()
    const notice = page.locator('#notice[data-kind="allFailed"]')
    await notice.waitFor({ timeout: 60000 })
    t.equal(await notice.getAttribute('role'), 'alert', 'the failure is announced')
    t.match(await notice.locator('.notice-title').textContent(), 'Every provider failed')
    const lines = await notice.locator('.notice-list li').allTextContents()
    t.equal(lines.length, 3, 'one line per provider')
    for (const name of ['OpenAI', 'Gemini', 'Hugging Face']) t.ok(lines.some(l => l.startsWith(name) && /unavailable|failed|error|\(500\)/.test(l)), `${name} and its error class are named`)
    t.match(await notice.locator('.notice-ref').textContent(), /^Reference: \S+$/, 'with the request id to report')
    const states = await page.$$eval('.provider-card', cards => cards.map(c => (c as HTMLElement).dataset.state))
    t.same(states, ['failed', 'failed', 'failed'], 'every card shows a failure')
    t.ok(await page.locator('#result').isHidden(), 'no answer is shown')
    t.notOk(await page.locator('#send').isDisabled(), 'asking again is possible')
    await page.screenshot({ path: artifactPath('all-failed.png'), fullPage: true })
  })

  t.test('rate limited: the page says when asking will work again, then lets the user ask', async t => {
    // One request per 10 s per address: loading the page spends it, so the first ask is refused.
    const limited = await startSite(t, { ...stubs.env, RATE_LIMIT_MAX: '1', RATE_LIMIT_WINDOW_MS: '10000' })
    const open = await openPage(t, browser, limited.url)
    const { page } = open
    await gotoPage(open, limited.url)
    t.equal(await page.locator('.provider-option input').count(), 3, 'the page loaded its providers')
    await page.locator('#question').fill(QUESTION)
    const [refused] = await Promise.all([page.waitForResponse(`${limited.url}/api/ask`), page.locator('#send').click()])
    t.equal(refused.status(), 429, 'the server refused the ask')
    const wait = Number(refused.headers()['retry-after'])
    t.ok(wait >= 1 && wait <= 10, `with Retry-After (${wait} s)`)

    const notice = page.locator('#notice[data-kind="rateLimited"]')
    await notice.waitFor()
    t.equal(await notice.getAttribute('role'), 'alert', 'the notice is announced')
    t.match(await notice.locator('.notice-title').textContent(), 'Too many questions for now')
    t.match(await notice.locator('.countdown').textContent(), /^You can ask again in \d+ s\.$/, 'with a countdown')
    t.equal(await notice.locator('.sr-only').textContent(), `You can ask again in ${wait} s.`, 'told once to screen readers, from Retry-After')
    t.ok(await page.locator('#send').isDisabled(), 'sending waits until then')
    t.equal(await page.locator('.provider-card').count(), 0, 'no provider card is left waiting for a refused ask')
    await page.screenshot({ path: artifactPath('rate-limited.png') })

    // Reloaded within the same window (the one the refused ask fell in), so the page is still limited
    // however slowly this machine runs; after the ask below the window may already have passed.
    await page.reload()
    await page.locator('#notice[data-kind="rateLimited"] .countdown').waitFor()
    t.pass('a page loaded while limited says so at once')
    t.ok(await page.locator('#send').isDisabled())

    await page.locator('#question').fill(QUESTION)
    await page.locator('#send:not([disabled])').waitFor({ timeout: (wait + 3) * 1000 })
    t.match(await notice.textContent(), 'You can ask again now.', 'then says the wait is over')
    await page.locator('#send').click()
    await page.locator('#result').waitFor({ state: 'visible', timeout: 30000 })
    t.ok(await page.locator('#notice').isHidden(), 'the next ask is answered and the notice goes away')
  })

  t.test('a server that needs an API key: the page asks for one, keeps it and sends it', async t => {
    const key = 'web-test-key-0123456789'
    const locked = await startSite(t, { ...stubs.env, API_KEYS: `web:${key}` })
    const open = await openPage(t, browser, locked.url)
    const { page } = open
    await gotoPage(open, locked.url)
    const notice = page.locator('#notice[data-kind="auth"]')
    await notice.waitFor()
    t.match(await notice.locator('.notice-title').textContent(), 'This server needs an API key')
    t.match(await notice.textContent(), 'Type the key you were given', 'the 401 says what to do')
    await notice.locator('button').click()
    t.ok(await page.locator('#options').evaluate(d => (d as HTMLDetailsElement).open), 'the button opens the options')
    t.equal(await page.evaluate(() => document.activeElement?.id), 'api-key', 'and focuses the key field')
    t.equal(await page.getAttribute('#api-key', 'type'), 'password', 'which does not show the key')

    await page.keyboard.type('not-the-key-0000')
    await page.keyboard.press('Tab')
    await page.locator('#notice[data-kind="auth"]', { hasText: 'was not accepted' }).waitFor()
    t.pass('a wrong key gets the 403 explanation')

    await page.locator('#api-key').fill(key)
    await page.locator('#api-key').press('Tab')
    await page.locator('.provider-option input').first().waitFor()
    t.ok(await page.locator('#notice').isHidden(), 'with the right key the provider list loads')
    await page.locator('#question').fill(QUESTION)
    const [asked] = await Promise.all([page.waitForRequest(`${locked.url}/api/ask`), page.locator('#send').click()])
    t.equal(asked.headers().authorization, `Bearer ${key}`, 'the ask carries the key')
    await page.locator('#result').waitFor({ state: 'visible', timeout: 30000 })

    await page.reload()
    await page.waitForSelector('body.is-ready')
    t.equal(await page.inputValue('#api-key'), key, 'the key is kept in the browser')
    t.ok(await page.locator('#notice').isHidden(), 'and used on the next visit')
    await page.locator('#options > summary').click()
    await page.locator('#api-key-forget').click()
    await page.reload()
    await page.waitForSelector('body.is-ready')
    t.equal(await page.inputValue('#api-key'), '', 'Forget removes it')
    t.ok(await page.locator('#notice[data-kind="auth"]').isVisible(), 'and the page asks for a key again')
  })

  t.test('invalid input is explained before anything is sent', async t => {
    const open = await openPage(t, browser, site.url)
    const { page } = open
    await gotoPage(open, site.url)
    await page.locator('#question').fill('   ')
    await page.locator('#send').click()
    t.equal(await page.locator('#question-error').textContent(), 'Type a question first.')
    t.equal(await page.getAttribute('#question', 'aria-invalid'), 'true', 'the field is marked invalid')
    t.match(await page.getAttribute('#question', 'aria-describedby'), 'question-error', 'and points at the message')

    t.ok(await page.locator('#question-counter').isHidden(), 'the counter stays out of the way for short questions')
    await page.locator('#question').fill('x'.repeat(7000))
    t.equal(await page.locator('#question-counter').textContent(), '7,000 of 8,000 characters', 'near the limit a counter appears')
    t.ok(await page.locator('#question-error').isHidden(), 'typing clears the earlier error')
    await page.locator('#question').fill('x'.repeat(8050))
    t.equal(await page.locator('#question-counter').textContent(), '50 characters over the limit of 8,000')
    await page.locator('#send').click()
    t.equal(await page.locator('#question-error').textContent(), 'The question is longer than 8,000 characters.')

    await page.locator('#question').fill(QUESTION)
    await page.locator('#options > summary').click()
    for (const box of await page.locator('.provider-option input').all()) await box.uncheck()
    await page.locator('#send').click()
    t.equal(await page.locator('#question-error').textContent(), 'Choose at least one provider.')
    t.equal(open.asks.length, 0, 'nothing was sent')
  })

  t.test('offline: a banner explains and sending waits for the connection', async t => {
    const open = await openPage(t, browser, site.url)
    const { page } = open
    await gotoPage(open, site.url)
    await page.context().setOffline(true)
    await page.locator('#connection').waitFor({ state: 'visible' })
    t.match(await page.locator('#connection').textContent(), 'You are offline')
    t.ok(await page.locator('#send').isDisabled(), 'sending is off while offline')
    await page.context().setOffline(false)
    await page.locator('#connection').waitFor({ state: 'hidden' })
    t.notOk(await page.locator('#send').isDisabled(), 'and back on with the connection')
  })

  t.test('no provider configured: the page says how to add one', async t => {
    const bare = await startSite(t, {})
    const open = await openPage(t, browser, bare.url)
    const { page } = open
    await gotoPage(open, bare.url)
    const notice = page.locator('#notice[data-kind="noProviders"]')
    await notice.waitFor()
    t.match(await notice.locator('.notice-title').textContent(), 'No AI provider is configured')
    t.same(await notice.locator('code').allTextContents(), ['OPENAI_API_KEY=…', 'GEMINI_API_KEY=…', 'HF_TOKEN=…', 'OLLAMA_MODEL=…'], 'naming the variables to set')
    t.match(await notice.textContent(), 'KNOWLEDGE=on')
    t.ok(await page.locator('#send').isDisabled(), 'there is nothing to ask')
    t.ok(await page.locator('#examples').isHidden(), 'so no example questions are offered')
  })

  t.test('an answer from the course notes shows the notes it used', async t => {
    const notes = await startSite(t, { ...stubs.env, KNOWLEDGE: 'on' })
    const open = await openPage(t, browser, notes.url)
    const { page } = open
    await gotoPage(open, notes.url)
    await page.locator('#question').fill(QUESTION)
    await page.locator('#send').click()
    await page.locator('#result').waitFor({ state: 'visible', timeout: 30000 })
    const card = page.locator('.provider-card[data-provider="knowledge"]')
    t.equal(await card.locator('.card-title').textContent(), 'Course notes')
    const paths = await card.locator('.card-sources .source-path').allTextContents()
    t.ok(paths.length > 0, 'the card lists the notes it drew on')
    t.ok(paths.every(p => /^knowledge\/(en|pt)\/[a-z0-9-]+\.md$/.test(p)), 'by their paths')
  })
}
