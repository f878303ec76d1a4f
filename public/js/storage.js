// What the page remembers in this browser: options, language, API key, and the conversations with their answers.
const PREFIX = 'iscoolgpt.'

function read (key, fallback) {
  try {
    const raw = localStorage.getItem(PREFIX + key)
    return raw === null ? fallback : JSON.parse(raw)
  } catch {
    return fallback
  }
}

function write (key, value) {
  try {
    if (value === undefined || value === null) localStorage.removeItem(PREFIX + key)
    else localStorage.setItem(PREFIX + key, JSON.stringify(value))
    return true
  } catch {
    // Storage full or disabled (private mode): the page still works, it just forgets.
    return false
  }
}

const DEFAULT_PREFS = { providers: null, strategy: 'auto', waitFor: 'all' }

/** `providers: null` means every configured provider, including ones added later. */
export function loadPrefs () {
  const saved = read('prefs', {})
  return {
    providers: Array.isArray(saved.providers) ? saved.providers.filter(p => typeof p === 'string') : null,
    strategy: typeof saved.strategy === 'string' ? saved.strategy : DEFAULT_PREFS.strategy,
    waitFor: typeof saved.waitFor === 'string' ? saved.waitFor : DEFAULT_PREFS.waitFor
  }
}

export function savePrefs (prefs) {
  write('prefs', prefs)
}

export function loadLanguage () {
  return read('lang', null)
}

export function saveLanguage (lang) {
  write('lang', lang)
}

export function loadApiKey () {
  const key = read('apiKey', '')
  return typeof key === 'string' ? key : ''
}

export function saveApiKey (key) {
  write('apiKey', key === '' ? null : key)
}

/** Conversations kept in this browser (newest first); older ones are forgotten past this many. */
export const CONVERSATION_LIMIT = 20

function validTurn (turn) {
  return turn && typeof turn.question === 'string' && turn.response && typeof turn.response.answer === 'string' && Array.isArray(turn.response.candidates)
}

/** `{id, at, turns: [{question, response, rating?, better?}]}`, newest first. */
export function loadConversations () {
  const list = read('conversations', null)
  if (Array.isArray(list)) {
    return list
      .filter(c => c && typeof c.id === 'string' && Array.isArray(c.turns))
      .map(c => ({ ...c, turns: c.turns.filter(validTurn) }))
      .filter(c => c.turns.length > 0)
  }
  // The page once kept single questions: each becomes a conversation of one turn.
  const old = read('history', [])
  return Array.isArray(old)
    ? old.filter(validTurn).map((e, i) => ({ id: `q${e.at ?? i}-${i}`, at: e.at ?? Date.now(), turns: [{ question: e.question, response: e.response }] }))
    : []
}

/** Saves the list; when the browser's quota is reached, the oldest conversations go first. */
export function saveConversations (list) {
  const kept = list.slice(0, CONVERSATION_LIMIT)
  while (kept.length > 0 && !write('conversations', kept)) kept.pop()
  if (kept.length === 0) write('conversations', [])
  write('history', null)
  return kept
}

/** Puts a conversation first in the list (new or changed). */
export function saveConversation (conversation) {
  return saveConversations([conversation, ...loadConversations().filter(c => c.id !== conversation.id)])
}

export function loadCurrentConversationId () {
  const id = read('current', null)
  return typeof id === 'string' ? id : null
}

export function saveCurrentConversationId (id) {
  write('current', id)
}

export function clearConversations () {
  write('conversations', null)
  write('history', null)
  write('current', null)
}
