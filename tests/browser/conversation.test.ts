// A conversation on the page in a real Chromium: follow-ups carry the thread, answers are rated, the thread outlives a
// reload and can be reopened, by keyboard alone, at phone width, in Portuguese and English.
import t from 'tap'
import type { Page } from 'playwright-core'
import { artifactPath, chromiumOrSkip, gotoPage, launchBrowser, openPage, startSite, startStubs, type OpenPage } from './browser-helper.js'

const chromiumPath = chromiumOrSkip(t)

const TURNS = [
  {
    question: 'Como funciona o auto scaling na AWS?',
    answers: [
      'O **Auto Scaling** ajusta o número de instâncias conforme a demanda:\n\n- uma política de escala acompanha uma métrica do CloudWatch;\n- o grupo tem mínimo, desejado e máximo.',
      'O Auto Scaling aumenta ou reduz a quantidade de instâncias de acordo com a demanda, seguindo políticas baseadas em métricas do CloudWatch.',
      'Com Auto Scaling a AWS adiciona instâncias quando a demanda sobe e remove quando cai, dentro dos limites mínimo e máximo do grupo.'
    ]
  },
  {
    question: 'e no caso do EC2?',
    answers: [
      'No EC2 você cria um **Auto Scaling group** com um launch template; ele lança e encerra instâncias EC2 conforme a política.',
      'Para EC2, o Auto Scaling group usa um launch template e mantém a quantidade desejada de instâncias, substituindo as que falham.',
      'No EC2 o grupo de Auto Scaling lança instâncias a partir de um launch template e as distribui entre zonas de disponibilidade.'
    ]
  },
  {
    question: 'explica melhor a parte do launch template',
    answers: [
      'O **launch template** guarda a AMI, o tipo de instância, o security group e o user data.\n\n```bash\naws ec2 create-launch-template --launch-template-name web\n```',
      'Um launch template descreve como cada instância nasce: AMI, tipo, rede, chaves e script de inicialização; o grupo usa a versão indicada.',
      'O launch template é a receita de cada instância (AMI, tipo de instância, security groups, user data) e tem versões.'
    ]
  }
]

interface SentAsk { question: string, history?: Array<{ role: string, content: string }> }

if (chromiumPath !== undefined) {
  const stubs = await startStubs(t)
  const site = await startSite(t, { ...stubs.env, DATA_DIR: t.testdir() })
  const browser = await launchBrowser(t, chromiumPath)

  const script = (turn: number): void => {
    const [openai, gemini, hf] = TURNS[turn]?.answers ?? []
    stubs.openai.setBehaviour({ text: openai ?? '' })
    stubs.gemini.setBehaviour({ text: gemini ?? '' })
    stubs.hf.setBehaviour({ text: hf ?? '' })
  }

  /** Asks the turn's question and waits for its answer in the result panel. */
  const askTurn = async (open: OpenPage, turn: number, send: (page: Page) => Promise<void> = async page => await page.locator('#send').click()): Promise<void> => {
    const { page } = open
    script(turn)
    const before = open.asks.length
    await page.locator('#question').fill(TURNS[turn]?.question ?? '')
    await send(page)
    await page.waitForFunction(n => document.querySelectorAll('#thread > .turn').length === n && !document.querySelector('#result')?.hasAttribute('hidden') &&
      document.querySelector('#result')?.getAttribute('aria-busy') === 'false', turn, { timeout: 30000 })
    t.equal(open.asks.length, before + 1, `turn ${turn + 1} was sent once`)
  }

  t.test('ask, follow up twice: each follow-up carries the thread and the providers receive it', async t => {
    for (const s of stubs.all) s.reset()
    const open = await openPage(t, browser, site.url)
    const { page } = open
    await gotoPage(open, site.url)
    t.ok(await page.locator('#new-conversation').isHidden(), 'no "New conversation" before there is one')

    await askTurn(open, 0)
    t.same(open.asks[0], { question: TURNS[0]?.question }, 'the first question has no history')
    t.equal(await page.locator('#current-question').textContent(), `You asked:${TURNS[0]?.question}`, 'the question stays on the page')
    t.equal(await page.inputValue('#question'), '', 'the box is ready for a follow-up')
    t.match(await page.getAttribute('#question', 'placeholder'), /follow-up/, 'and says so')
    t.ok(await page.locator('#new-conversation').isVisible(), '"New conversation" appears')

    await askTurn(open, 1)
    const second = open.asks[1] as SentAsk
    t.equal(second.question, TURNS[1]?.question)
    t.equal(second.history?.length, 2, 'the follow-up carries the first question and its answer')
    t.same(second.history?.[0], { role: 'user', content: TURNS[0]?.question })
    t.equal(second.history?.[1]?.role, 'assistant')
    t.ok(TURNS[0]?.answers.includes(second.history?.[1]?.content ?? ''), 'the answer sent is the consolidated answer shown')
    const seen = (stubs.openai.requests.at(-1)?.body as { messages: Array<{ role: string, content: string }> }).messages.filter(m => m.role !== 'system')
    t.same(seen.map(m => m.role), ['user', 'assistant', 'user'], 'the provider received question, answer, follow-up')
    t.equal(seen[0]?.content, TURNS[0]?.question, 'the earlier question first')
    t.equal(seen[2]?.content, TURNS[1]?.question, 'the new question last')

    await askTurn(open, 2)
    t.equal((open.asks[2] as SentAsk).history?.length, 4, 'the third question carries both earlier turns')
    t.same(await page.locator('#thread > .turn .turn-question p').allTextContents(), [TURNS[0]?.question, TURNS[1]?.question], 'the earlier turns are in the thread, oldest first')
    t.equal(await page.locator('#thread .turn-answer-body').count(), 2, 'each with its answer')
    t.equal(await page.locator('#thread .turn-providers[open]').count(), 0, 'their provider cards are tucked away')
    t.equal(await page.locator('#provider-cards > .provider-card').count(), 3, 'the current answer shows its three cards')

    await page.locator('#thread > .turn').first().locator('.turn-providers > summary').click()
    // The cards are built by the disclosure's toggle event, which the browser fires after the click returns.
    await page.locator('#thread > .turn').first().locator('.provider-card').first().waitFor({ timeout: 5000 })
    t.equal(await page.locator('#thread > .turn').first().locator('.provider-card').count(), 3, 'an earlier answer\'s cards open on demand')
    await page.screenshot({ path: artifactPath('conversation-desktop.png'), fullPage: true })
    t.same(open.errors, [], 'no script error')
    t.same(open.violations, [], 'no CSP violation')

    await page.reload()
    await page.waitForSelector('body.is-ready')
    t.equal(await page.locator('#thread > .turn').count(), 2, 'after a reload the earlier turns are back')
    t.equal(await page.locator('#current-question p').textContent(), TURNS[2]?.question, 'and the last question')
    t.ok(await page.locator('#result').isVisible(), 'with its answer')
    script(0)
    await page.locator('#question').fill('e quanto custa?')
    await page.locator('#send').click()
    await page.waitForFunction(() => document.querySelectorAll('#thread > .turn').length === 3 && document.querySelector('#result')?.getAttribute('aria-busy') === 'false' && !document.querySelector('#result')?.hasAttribute('hidden'), undefined, { timeout: 30000 })
    t.equal((open.asks.at(-1) as SentAsk).history?.length, 6, 'a follow-up after the reload still carries the whole thread')

    await page.locator('#new-conversation').click()
    t.equal(await page.locator('#thread > .turn').count(), 0, '"New conversation" empties the thread')
    t.ok(await page.locator('#result').isHidden(), 'and the answer')
    t.equal(await page.evaluate(() => document.activeElement?.id), 'question', 'focus goes to the question')
    script(0)
    await page.locator('#question').fill('O que é um container?')
    await page.locator('#send').click()
    await page.locator('#result[aria-busy="false"]:not([hidden])').waitFor({ timeout: 30000 })
    t.notOk(Object.hasOwn(open.asks.at(-1) as object, 'history'), 'a new conversation sends no history')

    const items = page.locator('#history .history-item')
    t.equal(await items.count(), 2, 'both conversations are in the list')
    t.equal(await items.nth(0).getAttribute('aria-current'), 'true', 'the current one first and marked')
    t.match(await items.nth(1).textContent(), /Como funciona o auto scaling na AWS\?.*4 questions/, 'the earlier one by its first question and length')
    await items.nth(1).click()
    t.equal(await page.locator('#thread > .turn').count(), 3, 'reopening it brings its thread back')
    t.equal(await page.locator('#current-question p').textContent(), 'e quanto custa?')
    t.equal(await page.evaluate(() => document.activeElement?.id), 'answer-heading', 'focus moves to its answer')
  })

  t.test('rating: Helpful under an answer, a provider\'s answer as the better one, and what the page shows', async t => {
    for (const s of stubs.all) s.reset()
    const open = await openPage(t, browser, site.url)
    const { page } = open
    await gotoPage(open, site.url)
    await askTurn(open, 0)
    const ratings: Array<{ url: string, body: unknown, status: number }> = []
    page.on('response', response => {
      if (response.url().includes('/feedback')) ratings.push({ url: response.url(), body: response.request().postDataJSON(), status: response.status() })
    })
    const id = await page.evaluate(() => JSON.parse(localStorage.getItem('iscoolgpt.conversations') ?? '[]')[0].turns[0].response.id as string)

    const helpful = page.getByRole('button', { name: 'Helpful', exact: true })
    t.equal(await helpful.count(), 1, 'one "Helpful" button under the answer')
    t.equal(await page.getByRole('button', { name: 'Not helpful', exact: true }).count(), 1, 'and one "Not helpful"')
    await helpful.click()
    await page.locator('#feedback .feedback-status', { hasText: 'Thanks: your rating was recorded.' }).waitFor()
    t.same(ratings.map(r => [new URL(r.url).pathname, r.body, r.status]), [[`/api/answers/${id}/feedback`, { rating: 'up' }, 200]], 'the rating went to the feedback endpoint and was taken')
    t.equal(await helpful.getAttribute('aria-pressed'), 'true', 'the button shows the rating')
    t.ok(await page.getByRole('button', { name: 'Not helpful', exact: true }).isDisabled(), 'an answer is rated once')

    const better = page.getByRole('button', { name: 'Mark Gemini\'s answer as the better one' })
    await better.click()
    await page.locator('#feedback .feedback-status', { hasText: 'Gemini\'s answer was marked as the better one' }).waitFor()
    t.same(ratings[1]?.body, { rating: 'up', provider: 'gemini' }, 'the better answer is a provider-specific "up"')
    t.equal(ratings[1]?.status, 200)
    t.equal(await page.locator('.provider-card[data-provider="gemini"] .better-button').getAttribute('aria-pressed'), 'true', 'the card shows it')
    const providers = await page.request.get(`${site.url}/api/providers`)
    const gemini = (await providers.json()).providers.find((p: { id: string }) => p.id === 'gemini')
    t.ok(gemini.feedback.up >= 1, 'the service counted it')

    await page.reload()
    await page.waitForSelector('body.is-ready')
    t.equal(await page.getByRole('button', { name: 'Helpful', exact: true }).getAttribute('aria-pressed'), 'true', 'the rating is still shown after a reload')

    // Expired answers, a server that wants a key, a rate limit, no network: each is said where it happened.
    await askTurn(open, 1)
    const notHelpful = page.locator('#feedback').getByRole('button', { name: 'Not helpful', exact: true })
    await page.route('**/feedback', route => route.fulfill({ status: 404, contentType: 'application/problem+json', body: JSON.stringify({ type: 'urn:iscoolgpt:problem:unknown-answer', title: 'Unknown answer', status: 404, detail: 'gone' }) }))
    await notHelpful.click()
    await page.locator('#feedback .feedback-status.is-error', { hasText: 'can no longer be rated' }).waitFor()
    t.pass('an expired answer says it can no longer be rated')
    await page.unroute('**/feedback')
    await page.route('**/feedback', route => route.fulfill({ status: 429, headers: { 'retry-after': '3' }, contentType: 'application/problem+json', body: JSON.stringify({ title: 'Too Many Requests', status: 429, detail: 'Rate limit exceeded' }) }))
    await notHelpful.click()
    await page.locator('#notice[data-kind="rateLimited"]').waitFor()
    t.pass('a 429 gets the page\'s rate-limit notice')
    await page.unroute('**/feedback')
    await page.route('**/feedback', route => route.fulfill({ status: 401, contentType: 'application/problem+json', body: JSON.stringify({ title: 'Unauthorized', status: 401, detail: 'An API key is required.' }) }))
    await notHelpful.click()
    await page.locator('#notice[data-kind="auth"]').waitFor()
    t.pass('a 401 asks for the API key')
    await page.unroute('**/feedback')
    await page.route('**/feedback', route => route.abort('connectionrefused'))
    await notHelpful.click()
    await page.locator('#feedback .feedback-status.is-error', { hasText: 'the server could not be reached' }).waitFor()
    t.ok(await notHelpful.isEnabled(), 'after a failure the answer can still be rated')
    t.same(open.errors.filter(e => !/Failed to load resource/.test(e)), [], 'no script error')
  })

  t.test('one provider: no "closest to all the others" and no agreement figure', async t => {
    for (const s of stubs.all) s.reset()
    script(0)
    const open = await openPage(t, browser, site.url)
    const { page } = open
    await gotoPage(open, site.url)
    await page.locator('#options > summary').click()
    for (const name of ['Gemini', 'Hugging Face']) await page.locator('.provider-option', { hasText: name }).locator('input').uncheck()
    await page.locator('#question').fill(TURNS[0]?.question ?? '')
    await page.locator('#send').click()
    await page.locator('#result[aria-busy="false"]:not([hidden])').waitFor({ timeout: 30000 })
    t.equal(await page.locator('#chosen .chosen-why').textContent(), 'Only OpenAI answered, so there was nothing to compare its answer with.')
    t.equal(await page.locator('.provider-card .score-consensus').count(), 0, 'the card shows no agreement score')
    t.equal(await page.locator('.better-button').count(), 0, 'and nothing to be better than')
  })

  t.test('keyboard only: ask, follow up, rate', async t => {
    for (const s of stubs.all) s.reset()
    const open = await openPage(t, browser, site.url)
    const { page } = open
    await gotoPage(open, site.url)
    await page.keyboard.press('Tab')
    await page.keyboard.press('Enter')
    t.equal(await page.evaluate(() => document.activeElement?.id), 'question', 'the skip link reaches the question')
    script(0)
    await page.keyboard.type(TURNS[0]?.question ?? '')
    await page.keyboard.press('Enter')
    await page.locator('#result[aria-busy="false"]:not([hidden])').waitFor({ timeout: 30000 })
    t.equal(await page.evaluate(() => document.activeElement?.id), 'question', 'focus stays in the box for a follow-up')
    script(1)
    await page.keyboard.type(TURNS[1]?.question ?? '')
    await page.keyboard.press('Enter')
    await page.waitForFunction(() => document.querySelectorAll('#thread > .turn').length === 1 && document.querySelector('#result')?.getAttribute('aria-busy') === 'false', undefined, { timeout: 30000 })
    t.equal((open.asks[1] as SentAsk).history?.length, 2, 'the follow-up typed and sent by keyboard carries the thread')

    // Shift+Tab back from the question walks up the page to the current answer's rating buttons.
    let reached = ''
    for (let i = 0; i < 60 && reached !== 'Helpful'; i++) {
      await page.keyboard.press('Shift+Tab')
      reached = await page.evaluate(() => document.activeElement?.closest('#feedback') !== null ? (document.activeElement?.textContent ?? '').replace(/^\W+/u, '') : '')
    }
    t.equal(reached, 'Helpful', 'the keyboard reaches "Helpful"')
    const [rated] = await Promise.all([page.waitForResponse(r => r.url().includes('/feedback')), page.keyboard.press('Enter')])
    t.equal(rated.status(), 200, 'Enter sends the rating')
    await page.locator('#feedback .feedback-status', { hasText: 'Thanks' }).waitFor()
    t.equal(await page.evaluate(() => document.activeElement?.className), 'feedback-status', 'focus lands on what happened, not on the body')
  })

  t.test('phone width, in Portuguese: the thread fits, the buttons are in Portuguese', async t => {
    for (const s of stubs.all) s.reset()
    const open = await openPage(t, browser, site.url, { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: 'pt-BR' })
    const { page } = open
    await gotoPage(open, site.url)
    t.equal(await page.locator('#new-conversation').textContent().then(s => s?.trim()), 'Nova conversa')
    for (const turn of [0, 1, 2]) await askTurn(open, turn)
    t.equal(await page.getByRole('button', { name: 'Útil', exact: true }).count(), 3, '"Útil" under each answer')
    t.equal(await page.getByRole('button', { name: 'Não útil', exact: true }).count(), 3, '"Não útil" too')
    const widths = await page.evaluate(() => ({ page: document.documentElement.scrollWidth, viewport: window.innerWidth }))
    t.ok(widths.page <= widths.viewport, `nothing overflows sideways (${widths.page} ≤ ${widths.viewport})`)
    await page.getByRole('button', { name: 'Útil', exact: true }).last().click()
    await page.locator('#feedback .feedback-status', { hasText: 'Obrigado! Sua avaliação foi registrada.' }).waitFor()
    t.pass('the rating is confirmed in Portuguese')
    await page.locator('#options > summary').click()
    const box = await page.locator('.options-body').boundingBox()
    t.ok(box !== null && box.x >= 0 && box.x + box.width <= 390, 'the open options fit the screen')
    await page.locator('#options > summary').click()
    await page.screenshot({ path: artifactPath('conversation-phone.png'), fullPage: true })

    await page.locator('.lang-button[data-lang="en"]').click()
    t.equal(await page.getByRole('button', { name: 'Helpful', exact: true }).count(), 3, 'switching to English relabels every answer\'s buttons')
    t.equal(await page.locator('#thread .turn-providers > summary').first().textContent(), 'Answers from each provider (3)')
    t.same(open.errors, [], 'no script error')
  })

  t.test('the page\'s language goes with the question, so a greeting is answered in it', async t => {
    for (const s of stubs.all) s.reset()
    script(0)
    const open = await openPage(t, browser, site.url, { locale: 'en-US' })
    const { page } = open
    await gotoPage(open, site.url)
    await page.locator('.lang-button[data-lang="pt-BR"]').click()
    const [request] = await Promise.all([page.waitForRequest(`${site.url}/api/ask`), page.locator('#question').fill('oi').then(async () => await page.locator('#send').click())])
    t.equal(request.headers()['accept-language'], 'pt-BR', 'the ask says the page is in Portuguese')
    await page.locator('#result[aria-busy="false"]:not([hidden])').waitFor({ timeout: 30000 })
    const sent = (stubs.openai.requests.at(-1)?.body as { messages: Array<{ role: string, content: string }> }).messages
    t.ok(sent.some(m => m.role === 'system' && /interface is in Brazilian Portuguese/.test(m.content)), 'and the providers are told to answer an unclear question in it')
  })
}
