// One card per provider: its live state while the question is out, then its answer's scores and flags.
import { h } from './dom.js'
import { formatNumber, formatSeconds, formatUsd, has, t } from './i18n.js'
import { renderMarkdown } from './markdown.js'

const SCORE_KEYS = ['consensus', 'relevance', 'quality', 'prior', 'total']
const PREVIEW_CHARS = 400

/** A preview is plain text: Markdown markers would only be noise in four lines. */
function plain (text) {
  return text.replace(/```[^\n]*\n?/g, '').replace(/\*\*|__|`/g, '').replace(/^#{1,6}\s+/gm, '').replace(/\n{2,}/g, '\n')
}

/** While streaming the newest text matters; once done, the beginning. */
function preview (card) {
  const text = plain(card.text)
  return card.state === 'streaming' ? text.slice(-PREVIEW_CHARS) : text.slice(0, PREVIEW_CHARS)
}

export function providerName (id) {
  return has(`provider.${id}`) ? t(`provider.${id}`) : id
}

export function errorClassLabel (type) {
  return has(`errorClass.${type}`) ? t(`errorClass.${type}`) : String(type).replaceAll('_', ' ')
}

function flagLabel (flag) {
  return has(`flag.${flag}`) ? t(`flag.${flag}`) : String(flag).replaceAll('_', ' ')
}

/** A filter reason is a flag name or an error class. */
function reasonLabel (reason) {
  if (has(`flag.${reason}`)) return t(`flag.${reason}`)
  return errorClassLabel(reason)
}

/** Card state for a finished candidate. */
export function stateOf (candidate) {
  switch (candidate.status) {
    case 'ok': return 'done'
    case 'timeout': return 'timeout'
    case 'skipped': return 'skipped'
    default: return 'failed'
  }
}

export function waitingCard (id, model = '') {
  return { id, model, state: 'waiting', text: '', candidate: null }
}

export function cardFromCandidate (candidate) {
  return { id: candidate.provider, model: candidate.model, state: stateOf(candidate), text: candidate.text, candidate }
}

function stateText (card) {
  const c = card.candidate
  const label = t(`state.${card.state}`)
  if (c === null) return label
  if (card.state === 'done') return `${label} · ${formatSeconds(c.latencyMs)}`
  const type = c.error?.type
  const detail = type !== undefined ? errorClassLabel(type) : null
  const status = c.error?.status !== undefined ? ` (${c.error.status})` : ''
  return detail === null ? label : `${label} · ${detail}${status}`
}

/** `single`: the only answer, so agreement with the others means nothing and is not shown. */
function scoreRows (scores, single) {
  return h('dl', { class: 'scores' }, SCORE_KEYS.filter(key => !(single && key === 'consensus')).map(key => {
    const value = Math.max(0, Math.min(1, Number(scores[key]) || 0))
    const fill = h('span', { class: 'score-fill' })
    // Widths come from data, so they are set through the CSSOM (allowed by the CSP) rather than a style attribute.
    fill.style.width = `${Math.round(value * 100)}%`
    return h('div', { class: `score score-${key}` },
      h('dt', { text: t(`score.${key}`) }),
      h('dd', {},
        h('span', { class: 'score-bar', 'aria-hidden': 'true' }, fill),
        h('span', { class: 'score-value', text: formatNumber(value, { minimumFractionDigits: 2, maximumFractionDigits: 2 }) })))
  }))
}

function sourcesList (sources) {
  return h('div', { class: 'card-sources' },
    h('p', { class: 'card-subtitle', text: t('sources') }),
    h('ul', {}, sources.map(s => h('li', {},
      h('span', { class: 'source-title', text: s.title }),
      h('span', { class: 'source-path', text: s.path })))))
}

function usageLine (c) {
  const parts = []
  if (c.usage !== null && c.usage !== undefined && c.usage.promptTokens + c.usage.completionTokens > 0) {
    parts.push(`${formatNumber(c.usage.promptTokens + c.usage.completionTokens)} tokens`)
    if (c.usage.costUsd > 0) parts.push(formatUsd(c.usage.costUsd))
  }
  if (c.attempts > 1 && c.status === 'ok') parts.push(t('attempts', { n: c.attempts }))
  return parts.length === 0 ? null : h('p', { class: 'card-usage', text: parts.join(' · ') })
}

/**
 * The card's element; `chosen` marks the provider whose answer was kept, `single` an answer with nothing to compare
 * it with. With `onBetter` a finished answer can be marked as the better one; `better` is the provider already marked.
 */
export function renderCard (card, { chosen = false, single = false, better = null, onBetter = null } = {}) {
  const c = card.candidate
  const li = h('li', {
    class: `provider-card${chosen ? ' is-chosen' : ''}${c?.filtered ? ' is-filtered' : ''}`,
    dataset: { provider: card.id, state: card.state }
  },
  h('div', { class: 'card-head' },
    h('span', { class: 'status-dot', 'aria-hidden': 'true' }),
    h('h3', { class: 'card-title', text: providerName(card.id) }),
    chosen ? h('span', { class: 'badge badge-chosen', text: t('chosenBadge') }) : null),
  card.model !== '' ? h('p', { class: 'card-model', text: card.model }) : null,
  h('p', { class: 'card-state', text: stateText(card) }))

  if (card.state === 'waiting') {
    li.append(h('div', { class: 'card-skeleton', 'aria-hidden': 'true' }, h('span'), h('span'), h('span')))
  }
  if (card.state === 'streaming' || (card.state === 'done' && c?.scores == null)) {
    li.append(h('div', { class: `card-live${card.state === 'streaming' ? ' is-streaming' : ''}` }, h('p', { text: preview(card) })))
  }
  if (c !== null && c.error !== null && c.error !== undefined && c.error.message) {
    li.append(h('p', { class: 'card-error', text: c.error.message }))
  }
  if (c?.scores && c.status === 'ok') li.append(scoreRows(c.scores, single))
  if (c !== null && c.flags?.length > 0) {
    const shown = c.flags.filter(f => f !== 'error' && f !== 'skipped')
    if (shown.length > 0) li.append(h('ul', { class: 'flags' }, shown.map(f => h('li', { class: `flag flag-${f}`, text: flagLabel(f) }))))
  }
  if (c?.filtered && c.status === 'ok') li.append(h('p', { class: 'card-filtered', text: t('leftOut', { reason: reasonLabel(c.filtered) }) }))
  if (c?.sources?.length > 0) li.append(sourcesList(c.sources))
  if (c !== null) {
    const usage = usageLine(c)
    if (usage !== null) li.append(usage)
  }
  if (c?.scores && c.text.trim() !== '') {
    const body = h('div', { class: 'markdown card-answer' })
    const details = h('details', { class: 'card-details' }, h('summary', { text: t('showAnswer') }), body)
    // Rendered on first open: most readers never open most cards.
    details.addEventListener('toggle', () => {
      if (details.open && body.childElementCount === 0) body.append(renderMarkdown(c.text))
    })
    li.append(details)
  }
  if (onBetter !== null && c?.status === 'ok' && c.text.trim() !== '') {
    const marked = better === card.id
    li.append(h('button', {
      type: 'button',
      class: `button button-quiet better-button${marked ? ' is-marked' : ''}`,
      'aria-label': marked ? t('betterChosen') : t('betterLabel', { provider: providerName(card.id) }),
      'aria-pressed': String(marked),
      disabled: better !== null,
      text: marked ? t('betterChosen') : t('better'),
      onclick: () => onBetter(card.id)
    }))
  }
  return li
}

/** Updates only the live text of a streaming card (tokens arrive many times a second). */
export function updateLiveText (element, card) {
  const live = element.querySelector('.card-live p')
  if (live !== null) live.textContent = preview(card)
}
