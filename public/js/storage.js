// What the page remembers in this browser: options, language, API key, and the recent questions with their answers.
const PREFIX = 'iscoolgpt.'
export const HISTORY_LIMIT = 20

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

export function loadHistory () {
  const list = read('history', [])
  return Array.isArray(list) ? list.filter(e => e && typeof e.question === 'string' && e.response && typeof e.response.answer === 'string') : []
}

/** Newest first; the same question asked again replaces its older entry. */
export function addToHistory (response) {
  const entry = { at: Date.now(), question: response.question, response }
  const list = [entry, ...loadHistory().filter(e => e.question !== response.question)].slice(0, HISTORY_LIMIT)
  // When the browser's quota is reached, drop the oldest answers until the list fits.
  while (list.length > 0 && !write('history', list)) list.pop()
  return list
}

export function clearHistory () {
  write('history', null)
}
