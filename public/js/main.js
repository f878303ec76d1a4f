// The page's controller: reads the form, asks, follows the providers live and shows the consolidated answer.
import { ApiProblem, NetworkError, ask, fetchProviders, rate } from './api.js'
import { cardFromCandidate, errorClassLabel, providerName, renderCard, updateLiveText, waitingCard } from './cards.js'
import { answeredProviders, comparedAnswers, historyOf, newConversation } from './conversation.js'
import { byId, h } from './dom.js'
import { formatNumber, formatPercent, formatSeconds, formatTime, formatUsd, language, pickLanguage, setLanguage, t, translateDom } from './i18n.js'
import { renderInto, renderMarkdown } from './markdown.js'
import * as store from './storage.js'

const els = {
  form: byId('ask-form'),
  question: byId('question'),
  counter: byId('question-counter'),
  questionError: byId('question-error'),
  send: byId('send'),
  sendLabel: byId('send-label'),
  cancel: byId('cancel'),
  options: byId('options'),
  providerOptions: byId('provider-options'),
  strategy: byId('strategy'),
  strategyHelp: byId('strategy-help'),
  waitFor: byId('wait-for'),
  waitForHelp: byId('wait-for-help'),
  apiKey: byId('api-key'),
  apiKeyForget: byId('api-key-forget'),
  notice: byId('notice'),
  connection: byId('connection'),
  providersSection: byId('providers-section'),
  cards: byId('provider-cards'),
  progress: byId('progress'),
  result: byId('result'),
  answerHeading: byId('answer-heading'),
  copy: byId('copy'),
  copyLabel: byId('copy-label'),
  meter: byId('confidence-meter'),
  confidenceValue: byId('confidence-value'),
  chosen: byId('chosen'),
  answer: byId('answer'),
  warnings: byId('warnings'),
  stats: byId('stats'),
  history: byId('history'),
  historyEmpty: byId('history-empty'),
  historyClear: byId('history-clear'),
  announcer: byId('announcer'),
  examples: byId('examples'),
  exampleList: byId('example-list'),
  newConversation: byId('new-conversation'),
  conversation: byId('conversation'),
  thread: byId('thread'),
  currentQuestion: byId('current-question'),
  feedback: byId('feedback')
}

const MAX_CHARS = Number(els.question.dataset.maxLength) || 8000
const COUNTER_FROM = Math.floor(MAX_CHARS * 0.8)
const EXAMPLE_KEYS = ['example.1', 'example.2', 'example.3', 'example.4']
const NO_PROVIDER_VARIABLES = ['OPENAI_API_KEY', 'GEMINI_API_KEY', 'HF_TOKEN', 'OLLAMA_MODEL']

const state = {
  /** ProviderInfo[] once loaded; null while loading; 'error' when the list could not be read. */
  providers: null,
  prefs: store.loadPrefs(),
  apiKey: store.loadApiKey(),
  busy: false,
  controller: null,
  /** Provider id → card model, in display order. */
  cards: new Map(),
  response: null,
  /** What the notice area shows, kept as data so a language switch can redraw it. */
  notice: null,
  retryUntil: 0,
  retryTimer: 0,
  liveFrame: 0,
  dirtyLive: new Set(),
  /** The conversation on screen: its answered turns, the last one shown in the result panel. */
  conversation: newConversation(),
  /** The question under way or last refused, shown above the live cards until it is answered. */
  pending: null,
  /** Turn index → how its rating is going: {kind: 'sending' | 'done' | 'error', text}. */
  feedback: new Map()
}

// ---------- language ----------

function applyLanguage (lang) {
  setLanguage(lang)
  document.documentElement.lang = language()
  translateDom(document)
  for (const button of document.querySelectorAll('.lang-button')) {
    const active = button.dataset.lang === language()
    button.setAttribute('aria-pressed', String(active))
    button.setAttribute('aria-label', active ? button.textContent : t('switchTo'))
  }
  els.sendLabel.textContent = state.busy ? t('sending') : t('send')
  updateCounter()
  updateHelp()
  renderProviderOptions()
  renderCards()
  if (state.response !== null) renderResult(state.response)
  renderNotice()
  renderThread()
  renderHistory()
  renderExamples()
  updateConnection()
}

function renderExamples () {
  els.exampleList.replaceChildren(...EXAMPLE_KEYS.map(key => h('li', {},
    h('button', {
      type: 'button',
      class: 'example',
      text: t(key),
      onclick: () => {
        els.question.value = t(key)
        updateCounter()
        autoGrow()
        els.question.focus()
        if (!els.send.disabled) els.form.requestSubmit()
      }
    }))))
  updateExamples()
}

/** Suggestions are for an empty page; once there is something to read they step aside. */
function updateExamples () {
  els.examples.hidden = state.cards.size > 0 || state.response !== null || state.conversation.turns.length > 0 ||
    (Array.isArray(state.providers) && state.providers.length === 0)
}

// ---------- form ----------

function updateCounter () {
  const used = els.question.value.length
  const over = used - MAX_CHARS
  els.counter.hidden = used < COUNTER_FROM
  els.counter.classList.toggle('is-over', over > 0)
  els.counter.textContent = over > 0
    ? t('counterOver', { over: formatNumber(over), max: formatNumber(MAX_CHARS) })
    : t('counter', { used: formatNumber(used), max: formatNumber(MAX_CHARS) })
}

function updateHelp () {
  els.strategyHelp.textContent = t(`strategyHelp.${els.strategy.value}`)
  els.waitForHelp.textContent = t(`waitForHelp.${els.waitFor.value}`)
  // The first good answer ends the wait whatever is chosen here.
  els.waitFor.disabled = els.strategy.value === 'fastest'
}

function showFieldError (message) {
  els.questionError.textContent = message
  els.questionError.hidden = message === ''
  els.question.setAttribute('aria-invalid', String(message !== ''))
}

function autoGrow () {
  els.question.style.height = 'auto'
  els.question.style.height = `${Math.min(els.question.scrollHeight + 2, 360)}px`
}

function selectedProviders () {
  if (!Array.isArray(state.providers)) return null
  const boxes = [...els.providerOptions.querySelectorAll('input[type=checkbox][data-provider]')]
  const checked = boxes.filter(b => b.checked).map(b => b.dataset.provider)
  return checked.length === boxes.length ? null : checked
}

function savePrefs () {
  state.prefs = { providers: selectedProviders(), strategy: els.strategy.value, waitFor: els.waitFor.value }
  store.savePrefs(state.prefs)
}

function renderProviderOptions () {
  const box = els.providerOptions
  if (state.providers === null) {
    box.replaceChildren(h('p', { class: 'hint', text: t('loadingProviders') }))
    return
  }
  if (state.providers === 'error') {
    box.replaceChildren(h('p', { class: 'hint', text: t('providersUnavailable') }))
    return
  }
  const wanted = state.prefs.providers
  box.replaceChildren(...state.providers.map(p => {
    const circuit = p.circuit === 'open' ? t('circuitOpen') : p.circuit === 'half_open' ? t('circuitHalfOpen') : null
    return h('label', { class: 'provider-option' },
      h('input', { type: 'checkbox', dataset: { provider: p.id }, checked: wanted === null || wanted.includes(p.id), onchange: savePrefs }),
      h('span', { class: 'provider-option-text' },
        h('span', { class: 'provider-option-name', text: providerName(p.id) }),
        h('span', { class: 'provider-option-model', text: p.model }),
        circuit !== null ? h('span', { class: 'provider-option-circuit', text: circuit }) : null))
  }))
}

async function loadProviders () {
  state.providers = null
  renderProviderOptions()
  try {
    const list = await fetchProviders({ apiKey: state.apiKey })
    state.providers = list.providers.filter(p => p.enabled !== false)
    updateExamples()
    if (state.providers.length === 0) setNotice({ kind: 'noProviders' })
    else if (state.notice?.kind === 'noProviders' || state.notice?.kind === 'auth') setNotice(null)
  } catch (err) {
    state.providers = 'error'
    if (err instanceof ApiProblem && (err.status === 401 || err.status === 403)) setNotice({ kind: 'auth', status: err.status })
    else if (err instanceof ApiProblem && err.status === 429) startRateLimit(err.retryAfterS)
  }
  renderProviderOptions()
  updateSendState()
}

function updateSendState () {
  const noProviders = Array.isArray(state.providers) && state.providers.length === 0
  const waiting = Date.now() < state.retryUntil
  els.send.disabled = state.busy || noProviders || waiting || !navigator.onLine
  els.send.setAttribute('aria-busy', String(state.busy))
  els.cancel.hidden = !state.busy
  els.form.classList.toggle('is-busy', state.busy)
  els.sendLabel.textContent = state.busy ? t('sending') : t('send')
}

function setBusy (busy) {
  state.busy = busy
  els.result.setAttribute('aria-busy', String(busy))
  updateSendState()
}

// ---------- notices ----------

function setNotice (notice) {
  state.notice = notice
  renderNotice()
}

function noticeBody (title, ...content) {
  return [h('p', { class: 'notice-title', text: title }), ...content]
}

function requestReference (problem) {
  const id = typeof problem?.instance === 'string' ? problem.instance.split('#')[1] : undefined
  return id ? h('p', { class: 'notice-ref', text: t('notice.requestId', { id }) }) : null
}

function renderNotice () {
  const n = state.notice
  const box = els.notice
  if (n === null) {
    box.hidden = true
    box.replaceChildren()
    delete box.dataset.kind
    return
  }
  box.hidden = false
  box.dataset.kind = n.kind
  box.className = `notice notice-${n.kind === 'cancelled' ? 'info' : 'error'}`
  switch (n.kind) {
    case 'noProviders':
      box.replaceChildren(...noticeBody(t('notice.noProvidersTitle'),
        h('p', { text: t('notice.noProvidersBody') }),
        h('ul', { class: 'notice-code-list' }, NO_PROVIDER_VARIABLES.map(v => h('li', {}, h('code', { text: `${v}=…` })))),
        h('p', { text: t('notice.noProvidersKnowledge') })))
      break
    case 'allFailed':
      box.replaceChildren(...noticeBody(t('notice.allFailedTitle'),
        h('p', { text: t('notice.allFailedBody') }),
        n.providers.length > 0
          ? h('ul', { class: 'notice-list' }, n.providers.map(p => h('li', {},
            h('strong', { text: providerName(p.provider) }), ` — ${errorClassLabel(p.errorClass)}${p.status !== undefined ? ` (${p.status})` : ''}`)))
          : null,
        requestReference(n.problem)))
      break
    case 'rateLimited': {
      const seconds = Math.max(0, Math.ceil((state.retryUntil - Date.now()) / 1000))
      const body = n.retryAfterS === undefined
        ? h('p', { text: t('notice.rateLimitedLater') })
        : seconds === 0
          ? h('p', { text: t('notice.rateLimitedOver') })
          // The visible countdown ticks every second; screen readers get the sentence once.
          : h('p', {},
            h('span', { class: 'sr-only', text: t('notice.rateLimitedBody', { seconds: n.retryAfterS }) }),
            h('span', { 'aria-hidden': 'true', class: 'countdown', text: t('notice.rateLimitedBody', { seconds }) }))
      box.replaceChildren(...noticeBody(t('notice.rateLimitedTitle'), body))
      break
    }
    case 'offline':
      box.replaceChildren(...noticeBody(t('notice.offlineTitle'), h('p', { text: t('notice.offlineBody') })))
      break
    case 'network':
      box.replaceChildren(...noticeBody(t('notice.networkTitle'), h('p', { text: n.streamEnded ? t('notice.streamEnded') : t('notice.networkBody') })))
      break
    case 'auth':
      box.replaceChildren(...noticeBody(t('notice.authTitle'),
        h('p', { text: n.status === 403 ? t('notice.authForbidden') : t('notice.authBody') }),
        h('button', { type: 'button', class: 'button button-secondary', text: t('notice.openKey'), onclick: focusApiKey })))
      break
    case 'validation':
      box.replaceChildren(...noticeBody(n.status === 413 ? t('notice.tooLargeTitle') : t('notice.validationTitle'),
        n.errors.length > 0
          ? h('ul', { class: 'notice-list' }, n.errors.map(e => h('li', {}, h('strong', { text: fieldLabel(e.field) }), ` ${e.message}`)))
          : h('p', { text: n.detail })))
      break
    case 'cancelled':
      box.replaceChildren(...noticeBody(t('notice.cancelledTitle'), h('p', { text: t('notice.cancelledBody') })))
      break
    default:
      box.replaceChildren(...noticeBody(n.problem?.title ?? t('notice.serverTitle'),
        n.problem?.detail ? h('p', { text: n.problem.detail }) : null,
        requestReference(n.problem)))
  }
}

function fieldLabel (field) {
  const name = String(field).split('/').pop()
  const key = `field.${name}`
  const label = t(key)
  return label === key ? name : label
}

function focusApiKey () {
  els.options.open = true
  els.apiKey.focus()
}

function startRateLimit (retryAfterS) {
  clearInterval(state.retryTimer)
  state.retryUntil = retryAfterS === undefined ? 0 : Date.now() + retryAfterS * 1000
  setNotice({ kind: 'rateLimited', retryAfterS })
  if (retryAfterS === undefined) return
  state.retryTimer = setInterval(() => {
    if (Date.now() >= state.retryUntil) clearInterval(state.retryTimer)
    if (state.notice?.kind === 'rateLimited') renderNotice()
    updateSendState()
  }, 1000)
  updateSendState()
}

function updateConnection () {
  const offline = !navigator.onLine
  els.connection.hidden = !offline
  els.connection.textContent = offline ? t('offlineBanner') : ''
  updateSendState()
}

// ---------- provider cards ----------

function resetCards (ids) {
  state.cards = new Map()
  const known = Array.isArray(state.providers) ? new Map(state.providers.map(p => [p.id, p.model])) : new Map()
  for (const id of ids) state.cards.set(id, waitingCard(id, known.get(id) ?? ''))
  renderCards()
}

function renderCards () {
  const chosen = state.response?.chosen?.provider
  const cards = [...state.cards.values()]
  els.providersSection.hidden = cards.length === 0
  const response = state.response
  const turn = response === null ? null : lastTurn()
  const rateable = turn !== null && turn.response === response && answeredProviders(response).length > 1
  els.cards.replaceChildren(...cards.map(card => renderCard(card, {
    chosen: response !== null && card.id === chosen,
    single: response !== null && comparedAnswers(response) <= 1,
    better: turn?.better ?? null,
    onBetter: rateable ? provider => sendRating(state.conversation.turns.length - 1, { rating: 'up', provider }) : null
  })))
  const finished = cards.filter(c => c.state !== 'waiting' && c.state !== 'streaming').length
  els.progress.textContent = cards.length === 0 ? '' : t('progress', { done: finished, total: cards.length })
  updateExamples()
}

function updateCard (card) {
  state.cards.set(card.id, card)
  renderCards()
}

function onToken ({ provider, text }) {
  const card = state.cards.get(provider) ?? waitingCard(provider)
  if (card.candidate !== null) return
  const wasStreaming = card.state === 'streaming'
  card.state = 'streaming'
  card.text += text
  if (!wasStreaming || !state.cards.has(provider)) {
    updateCard(card)
    return
  }
  // Many tokens a second: repaint the live text at most once per frame.
  state.dirtyLive.add(provider)
  if (state.liveFrame === 0) {
    state.liveFrame = requestAnimationFrame(() => {
      state.liveFrame = 0
      for (const id of state.dirtyLive) {
        const element = els.cards.querySelector(`[data-provider="${CSS.escape(id)}"]`)
        const model = state.cards.get(id)
        if (element !== null && model !== undefined) updateLiveText(element, model)
      }
      state.dirtyLive.clear()
    })
  }
}

function onStart ({ providers }) {
  const previous = state.cards
  resetCards(providers)
  for (const id of providers) {
    const before = previous.get(id)
    if (before?.model) state.cards.get(id).model = before.model
  }
  renderCards()
}

function onCandidate (candidate) {
  updateCard(cardFromCandidate(candidate))
}

// ---------- result ----------

function confidenceLevel (value) {
  if (value >= 0.75) return t('confidenceLevel.high')
  if (value >= 0.45) return t('confidenceLevel.medium')
  return t('confidenceLevel.low')
}

function whyChosen (response) {
  const chosen = response.chosen
  if (chosen === null) return ''
  const candidate = response.candidates.find(c => c.provider === chosen.provider)
  const name = providerName(chosen.provider)
  // One answer: no agreement to speak of, and no score that only means something next to others.
  if (comparedAnswers(response) <= 1 && response.strategy !== 'synthesize') return t('why.single', { provider: name })
  const key = ['vote', 'consensus', 'best', 'synthesize', 'fastest'].includes(response.strategy) ? `why.${response.strategy}` : 'why.other'
  const normalized = response.normalized ? t('why.normalized', { value: response.normalized }) : ''
  let text = t(key, { provider: name, normalized })
  if (candidate?.scores && response.strategy !== 'synthesize') {
    text += t('why.scoreSuffix', { score: formatNumber(candidate.scores.total, { maximumFractionDigits: 2, minimumFractionDigits: 2 }) })
  }
  return text
}

function stat (label, value) {
  return h('div', { class: 'stat' }, h('dt', { text: label }), h('dd', { text: value }))
}

function renderResult (response) {
  els.result.hidden = false
  els.meter.value = response.confidence
  els.meter.setAttribute('aria-valuetext', `${formatPercent(response.confidence)} (${confidenceLevel(response.confidence)})`)
  els.confidenceValue.textContent = `${formatPercent(response.confidence)} · ${confidenceLevel(response.confidence)}`
  els.result.dataset.confidence = response.confidence >= 0.75 ? 'high' : response.confidence >= 0.45 ? 'medium' : 'low'
  const chosen = response.chosen
  els.chosen.replaceChildren(...(chosen === null
    ? []
    : [h('span', { class: 'chosen-name' }, h('strong', { text: providerName(chosen.provider) }), h('span', { class: 'chosen-model', text: chosen.model })),
        h('span', { class: 'chosen-why', text: whyChosen(response) })]))
  renderInto(els.answer, response.answer)

  els.warnings.hidden = response.warnings.length === 0
  els.warnings.replaceChildren(...response.warnings.map(w => h('li', { text: w })))

  const used = response.candidates.filter(c => c.status === 'ok' && c.filtered === null).length
  const strategyName = t(`strategy.${response.strategy}`)
  els.stats.replaceChildren(
    stat(t('stat.strategy'), strategyName.startsWith('strategy.') ? response.strategy : strategyName),
    stat(t('stat.providers'), `${formatNumber(used)} / ${formatNumber(response.candidates.length)}`),
    stat(t('stat.latency'), formatSeconds(response.latencyMs)),
    stat(t('stat.tokens'), t('tokensValue', { prompt: formatNumber(response.usage.promptTokens), completion: formatNumber(response.usage.completionTokens) })),
    stat(t('stat.cost'), formatUsd(response.usage.costUsd)),
    ...(response.cached ? [stat(t('stat.cached'), t('yes'))] : [])
  )
  const turn = lastTurn()
  els.feedback.replaceChildren(...(turn !== null && turn.response === response ? [feedbackBar(state.conversation.turns.length - 1)] : []))
}

function showResponse (response) {
  state.response = response
  state.cards = new Map(response.candidates.map(c => [c.provider, cardFromCandidate(c)]))
  renderCards()
  renderResult(response)
  els.copyLabel.textContent = t('copy')
}

// ---------- asking ----------

function validate (question) {
  if (question === '') return t('validation.empty')
  if (question.length > MAX_CHARS) return t('validation.tooLong', { max: formatNumber(MAX_CHARS) })
  const selected = selectedProviders()
  if (selected !== null && selected.length === 0) return t('validation.noProvider')
  return ''
}

function handleFailure (err) {
  if (err instanceof ApiProblem) {
    const p = err.problem
    if (err.status === 429) return startRateLimit(err.retryAfterS)
    if (err.status === 401 || err.status === 403) return setNotice({ kind: 'auth', status: err.status })
    if (err.status === 400 || err.status === 413 || err.status === 415) {
      const errors = Array.isArray(p.errors) ? p.errors : []
      if (errors.some(e => String(e.field).endsWith('/question'))) els.question.setAttribute('aria-invalid', 'true')
      return setNotice({ kind: 'validation', status: err.status, errors, detail: p.detail ?? '' })
    }
    if (err.status === 503 && String(p.type).endsWith(':no-providers')) return setNotice({ kind: 'noProviders' })
    if (err.status === 502 || String(p.type).endsWith(':all-providers-failed')) {
      const providers = Array.isArray(p.providers) ? p.providers : []
      for (const f of providers) {
        const card = state.cards.get(f.provider) ?? waitingCard(f.provider)
        if (card.candidate === null) {
          updateCard(cardFromCandidate({ provider: f.provider, model: card.model, status: f.errorClass === 'timeout' ? 'timeout' : 'error', text: '', finishReason: null, latencyMs: 0, attempts: 0, usage: null, scores: null, flags: [], filtered: null, error: { type: f.errorClass, message: '', ...(f.status !== undefined ? { status: f.status } : {}) } }))
        }
      }
      return setNotice({ kind: 'allFailed', providers, problem: p })
    }
    return setNotice({ kind: 'server', problem: p })
  }
  if (err instanceof NetworkError) {
    if (!navigator.onLine) return setNotice({ kind: 'offline' })
    return setNotice({ kind: 'network', streamEnded: err.streamEnded })
  }
  setNotice({ kind: 'server', problem: { title: t('notice.serverTitle'), detail: err?.message ?? String(err) } })
}

async function submit () {
  if (state.busy) return
  const question = els.question.value.trim()
  const invalid = validate(question)
  showFieldError(invalid)
  if (invalid !== '') {
    if (invalid === t('validation.noProvider')) els.options.open = true
    els.question.focus()
    return
  }
  if (!navigator.onLine) return setNotice({ kind: 'offline' })
  if (Date.now() < state.retryUntil) return renderNotice()

  setNotice(null)
  const body = { question }
  const history = historyOf(state.conversation.turns)
  if (history.length > 0) body.history = history
  const providers = selectedProviders()
  if (providers !== null) body.providers = providers
  if (els.strategy.value !== 'auto') body.strategy = els.strategy.value
  if (els.waitFor.value !== 'all' && els.strategy.value !== 'fastest') body.waitFor = els.waitFor.value

  state.response = null
  els.result.hidden = true
  state.pending = question
  renderThread()
  els.currentQuestion.scrollIntoView?.({ block: 'nearest' })
  const expected = providers ?? (Array.isArray(state.providers) ? state.providers.map(p => p.id) : [])
  resetCards(expected)
  const controller = new AbortController()
  state.controller = controller
  setBusy(true)
  try {
    const response = await ask(body, { apiKey: state.apiKey, signal: controller.signal, onStart, onToken, onCandidate, language: language() })
    if (controller.signal.aborted) throw controller.signal.reason
    state.conversation.turns.push({ question, response })
    state.conversation.at = Date.now()
    state.pending = null
    saveConversation()
    els.question.value = ''
    updateCounter()
    autoGrow()
    showResponse(response)
    renderThread()
    renderHistory()
    els.announcer.textContent = t('answerReady', { confidence: formatPercent(response.confidence) })
  } catch (err) {
    if (controller.signal.aborted) {
      for (const card of state.cards.values()) {
        if (card.state === 'waiting' || card.state === 'streaming') card.state = 'cancelled'
      }
      renderCards()
      setNotice({ kind: 'cancelled' })
    } else {
      handleFailure(err)
      settleCards()
    }
  } finally {
    state.controller = null
    setBusy(false)
  }
}

/** After a failed ask no card may keep waiting: refused before any provider ran, there is nothing to show. */
function settleCards () {
  const cards = [...state.cards.values()]
  if (cards.every(c => c.state === 'waiting')) {
    state.cards = new Map()
    // Refused before any provider ran: the question is still in the box, and no turn of the conversation.
    state.pending = null
    renderThread()
  } else {
    for (const card of cards) if (card.state === 'waiting' || card.state === 'streaming') card.state = 'failed'
  }
  renderCards()
}

function cancel () {
  state.controller?.abort(new DOMException('cancelled by the user', 'AbortError'))
  els.question.focus()
}

// ---------- conversation ----------

function lastTurn () {
  return state.conversation.turns.at(-1) ?? null
}

function saveConversation () {
  store.saveConversation(state.conversation)
  store.saveCurrentConversationId(state.conversation.id)
}

/** Earlier turns above the current one; the current question; the follow-up placeholder and the New conversation button. */
function renderThread () {
  const turns = state.conversation.turns
  // While a question is out every answered turn is history; otherwise the last one is in the result panel.
  const earlier = state.pending !== null || state.response === null ? turns : turns.slice(0, -1)
  els.thread.replaceChildren(...earlier.map((turn, i) => renderTurn(turn, i)))
  const question = state.pending ?? (state.response !== null ? lastTurn()?.question : null) ?? null
  els.currentQuestion.hidden = question === null
  els.currentQuestion.replaceChildren(...(question === null ? [] : questionBubble(question)))
  els.conversation.hidden = earlier.length === 0 && question === null && els.result.hidden && state.cards.size === 0
  els.newConversation.hidden = turns.length === 0 && state.pending === null
  els.question.placeholder = turns.length > 0 ? t('followUpPlaceholder') : t('questionPlaceholder')
  updateExamples()
}

function questionBubble (question) {
  return [h('span', { class: 'sr-only', text: t('youAsked') }), h('p', { text: question })]
}

/** An earlier turn: its question, its answer, its rating, and each provider's answer behind a disclosure. */
function renderTurn (turn, index) {
  const { response } = turn
  const cards = h('ol', { class: 'provider-cards' })
  const providers = h('details', { class: 'turn-providers' },
    h('summary', { text: t('providerAnswers', { n: formatNumber(response.candidates.length) }) }), cards)
  // Built on first open: most earlier answers are never opened again.
  providers.addEventListener('toggle', () => {
    if (!providers.open || cards.childElementCount > 0) return
    const single = comparedAnswers(response) <= 1
    const rateable = answeredProviders(response).length > 1
    cards.append(...response.candidates.map(c => renderCard(cardFromCandidate(c), {
      chosen: c.provider === response.chosen?.provider,
      single,
      better: turn.better ?? null,
      onBetter: rateable ? provider => sendRating(index, { rating: 'up', provider }) : null
    })))
  })
  const meta = response.chosen === null
    ? formatPercent(response.confidence)
    : t('turnMeta', { confidence: formatPercent(response.confidence), provider: providerName(response.chosen.provider) })
  return h('li', { class: 'turn', dataset: { turn: String(index) } },
    h('div', { class: 'turn-question' }, ...questionBubble(turn.question)),
    h('article', { class: 'turn-answer', 'aria-label': t('earlierAnswer') },
      h('div', { class: 'markdown turn-answer-body' }, renderMarkdown(response.answer)),
      h('p', { class: 'turn-meta', text: meta }),
      feedbackBar(index),
      providers))
}

const SVG = 'http://www.w3.org/2000/svg'

/** A thumb drawn in SVG: emoji fonts are missing on many systems (and in headless browsers). */
function thumbIcon (rating) {
  const svg = document.createElementNS(SVG, 'svg')
  svg.setAttribute('viewBox', '0 0 20 20')
  svg.setAttribute('aria-hidden', 'true')
  svg.setAttribute('focusable', 'false')
  svg.setAttribute('class', `feedback-icon${rating === 'down' ? ' is-down' : ''}`)
  const path = document.createElementNS(SVG, 'path')
  path.setAttribute('d', 'M6 9v8H3V9h3Zm0 0 3.5-6c1.3 0 2 .9 1.8 2.2L10.8 8H15a2 2 0 0 1 2 2.3l-.9 5A2 2 0 0 1 14.1 17H6')
  svg.append(path)
  return svg
}

/** "Helpful" / "Not helpful" under an answer, and what became of the rating. */
function feedbackBar (index) {
  const turn = state.conversation.turns[index]
  const status = state.feedback.get(index)
  const sending = status?.kind === 'sending'
  const rated = turn.rating !== undefined
  const button = (rating, label) => h('button', {
    type: 'button',
    class: `button button-quiet feedback-button feedback-${rating}`,
    'aria-pressed': String(turn.rating === rating),
    disabled: rated || sending,
    onclick: () => sendRating(index, { rating })
  }, thumbIcon(rating), h('span', { text: label }))
  return h('div', { class: 'feedback', role: 'group', 'aria-label': t('feedbackLabel') },
    h('span', { class: 'feedback-prompt', text: t('feedbackPrompt') }),
    button('up', t('helpful')),
    button('down', t('notHelpful')),
    h('p', { class: `feedback-status${status?.kind === 'error' ? ' is-error' : ''}`, role: 'status', tabindex: '-1', text: status?.text ?? '' }))
}

/** Sends a rating for a turn's answer (or, with `provider`, marks that provider's answer as the better one). */
async function sendRating (index, { rating, provider }) {
  const turn = state.conversation.turns[index]
  if (turn === undefined) return
  const conversation = state.conversation
  state.feedback.set(index, { kind: 'sending', text: t('feedbackSending') })
  renderRatings()
  try {
    await rate(turn.response.id, provider === undefined ? { rating } : { rating, provider }, { apiKey: state.apiKey })
    if (provider === undefined) turn.rating = rating
    else turn.better = provider
    if (conversation === state.conversation) {
      saveConversation()
      state.feedback.set(index, { kind: 'done', text: provider === undefined ? t('feedbackThanks') : t('feedbackBetterThanks', { provider: providerName(provider) }) })
    }
  } catch (err) {
    if (conversation !== state.conversation) return
    state.feedback.set(index, { kind: 'error', text: ratingFailure(err) })
  }
  renderRatings()
}

/** 401/403 and 429 are the page's own notices; the rating's line says it was not sent. */
function ratingFailure (err) {
  if (err instanceof ApiProblem) {
    if (err.status === 404) return t('feedbackExpired')
    if (err.status === 401 || err.status === 403 || err.status === 429) handleFailure(err)
    return t('feedbackFailed', { reason: err.problem?.detail || err.problem?.title || `HTTP ${err.status}` })
  }
  if (err instanceof NetworkError) return t('feedbackFailed', { reason: navigator.onLine ? t('feedbackNetwork') : t('feedbackOffline') })
  return t('feedbackFailed', { reason: err?.message ?? String(err) })
}

/** Redraws the rating controls where they are, keeping focus on the control that had it. */
function renderRatings () {
  const active = document.activeElement
  const focusKey = active?.closest?.('.feedback') !== null && active?.closest?.('.feedback') !== undefined
    ? `${active.closest('[data-turn]')?.dataset.turn ?? 'current'}:${[...active.classList].find(c => c.startsWith('feedback-'))}`
    : null
  const openTurns = new Set([...els.thread.querySelectorAll('.turn-providers[open]')].map(d => d.closest('[data-turn]')?.dataset.turn))
  renderThread()
  for (const details of els.thread.querySelectorAll('.turn-providers')) {
    if (openTurns.has(details.closest('[data-turn]')?.dataset.turn)) details.open = true
  }
  if (state.response !== null) renderResult(state.response)
  renderCards()
  if (focusKey !== null) {
    const [turnKey, cls] = focusKey.split(':')
    const scope = turnKey === 'current' ? els.feedback : els.thread.querySelector(`[data-turn="${turnKey}"]`)
    const target = scope?.querySelector(`.feedback .${cls}`)
    // A pressed button is disabled and cannot hold focus: the status line says what happened instead.
    ;(target !== null && target !== undefined && !target.disabled ? target : scope?.querySelector('.feedback-status'))?.focus?.()
  }
}

/** Shows a conversation: earlier turns in the thread, the last answer with its cards. */
function openConversation (conversation) {
  state.conversation = conversation
  state.pending = null
  state.feedback = new Map()
  setNotice(null)
  const last = lastTurn()
  if (last === null) {
    state.response = null
    state.cards = new Map()
    els.result.hidden = true
    renderCards()
  } else {
    showResponse(last.response)
  }
  renderThread()
  renderHistory()
}

function startNewConversation () {
  if (state.busy) return
  openConversation(newConversation())
  store.saveCurrentConversationId(null)
  els.question.value = ''
  updateCounter()
  autoGrow()
  els.announcer.textContent = t('newConversationStarted')
  els.question.focus()
}

function renderHistory () {
  const list = store.loadConversations()
  els.historyEmpty.hidden = list.length > 0
  els.historyClear.hidden = list.length === 0
  els.history.replaceChildren(...list.map(conversation => {
    const first = conversation.turns[0]
    const n = conversation.turns.length
    const current = conversation.id === state.conversation.id
    return h('li', {},
      h('button', {
        type: 'button',
        class: 'history-item',
        'aria-current': current ? 'true' : null,
        onclick: () => {
          // The question under way owns the cards and the result until it finishes or is cancelled.
          if (state.busy) return
          openConversation(conversation)
          store.saveCurrentConversationId(conversation.id)
          els.announcer.textContent = t('conversationRestored', { n })
          els.answerHeading.focus()
        }
      },
      h('span', { class: 'history-question', text: first.question }),
      h('span', { class: 'history-meta', text: `${formatTime(conversation.at)} · ${n === 1 ? t('historyTurn') : t('historyTurns', { n: formatNumber(n) })}` })))
  }))
}

// ---------- wiring ----------

function bind () {
  els.form.addEventListener('submit', event => {
    event.preventDefault()
    submit()
  })
  els.question.addEventListener('keydown', event => {
    // Enter sends; Shift+Enter keeps the browser's new line; an IME composition is never cut short.
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing && event.keyCode !== 229) {
      event.preventDefault()
      if (!els.send.disabled) els.form.requestSubmit()
    }
  })
  els.question.addEventListener('input', () => {
    updateCounter()
    autoGrow()
    if (els.question.getAttribute('aria-invalid') === 'true') showFieldError('')
  })
  document.addEventListener('keydown', event => {
    if (event.key === 'Escape' && state.busy) {
      event.preventDefault()
      cancel()
    }
  })
  els.cancel.addEventListener('click', cancel)
  els.strategy.addEventListener('change', () => { updateHelp(); savePrefs() })
  els.waitFor.addEventListener('change', () => { updateHelp(); savePrefs() })
  els.apiKey.addEventListener('change', () => {
    state.apiKey = els.apiKey.value.trim()
    store.saveApiKey(state.apiKey)
    if (state.providers === 'error' || state.notice?.kind === 'auth') loadProviders()
  })
  els.apiKeyForget.addEventListener('click', () => {
    els.apiKey.value = ''
    state.apiKey = ''
    store.saveApiKey('')
    els.announcer.textContent = t('apiKeyForgotten')
  })
  els.copy.addEventListener('click', async () => {
    if (state.response === null) return
    try {
      await navigator.clipboard.writeText(state.response.answer)
      els.copyLabel.textContent = t('copied')
    } catch {
      els.copyLabel.textContent = t('copyFailed')
    }
    setTimeout(() => { els.copyLabel.textContent = t('copy') }, 2000)
  })
  els.newConversation.addEventListener('click', startNewConversation)
  els.historyClear.addEventListener('click', () => {
    store.clearConversations()
    if (!state.busy) openConversation(newConversation())
    renderHistory()
    els.announcer.textContent = t('historyCleared')
    els.question.focus()
  })
  for (const button of document.querySelectorAll('.lang-button')) {
    button.addEventListener('click', () => {
      store.saveLanguage(button.dataset.lang)
      applyLanguage(button.dataset.lang)
    })
  }
  window.addEventListener('online', () => {
    updateConnection()
    if (state.notice?.kind === 'offline') setNotice(null)
  })
  window.addEventListener('offline', updateConnection)
}

async function start () {
  els.strategy.value = state.prefs.strategy
  if (els.strategy.value !== state.prefs.strategy) els.strategy.value = 'auto'
  els.waitFor.value = state.prefs.waitFor
  if (els.waitFor.value !== state.prefs.waitFor) els.waitFor.value = 'all'
  els.apiKey.value = state.apiKey
  bind()
  // The conversation of the last visit comes back as it was left.
  const currentId = store.loadCurrentConversationId()
  const saved = currentId === null ? undefined : store.loadConversations().find(c => c.id === currentId)
  if (saved !== undefined) openConversation(saved)
  applyLanguage(pickLanguage(store.loadLanguage(), navigator.languages ?? [navigator.language]))
  await loadProviders()
  // Lets tests and scripts know the page is interactive and knows its providers.
  document.body.classList.add('is-ready')
}

start()
