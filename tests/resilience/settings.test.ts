// The resilience settings as the environment gives them: defaults, overrides and the one-line errors for bad values.
import t from 'tap'
import { ConfigError, loadConfig } from '../../src/config.js'
import { DEFAULT_RESILIENCE } from '../../src/fanout/types.js'

t.test('defaults', async t => {
  t.same(loadConfig({}).resilience, DEFAULT_RESILIENCE)
  t.same(DEFAULT_RESILIENCE, {
    maxAttempts: 3,
    retryBaseDelayMs: 250,
    retryMaxDelayMs: 4000,
    firstTokenTimeoutMs: 15000,
    streamIdleTimeoutMs: 10000,
    breakerFailures: 5,
    breakerCoolDownMs: 30000,
    hedge: false
  })
  t.equal(loadConfig({}).resilience.attemptTimeoutMs, undefined, 'one attempt may use the whole budget unless told otherwise')
})

t.test('overrides', async t => {
  const { resilience } = loadConfig({
    RETRY_MAX_ATTEMPTS: '5',
    RETRY_BASE_DELAY_MS: '100',
    RETRY_MAX_DELAY_MS: '2000',
    ATTEMPT_TIMEOUT_MS: '8000',
    STREAM_FIRST_TOKEN_MS: '20000',
    STREAM_IDLE_MS: '5000',
    BREAKER_FAILURES: '3',
    BREAKER_COOLDOWN_MS: '60000',
    HEDGE: 'on'
  })
  t.same(resilience, {
    maxAttempts: 5,
    retryBaseDelayMs: 100,
    retryMaxDelayMs: 2000,
    attemptTimeoutMs: 8000,
    firstTokenTimeoutMs: 20000,
    streamIdleTimeoutMs: 5000,
    breakerFailures: 3,
    breakerCoolDownMs: 60000,
    hedge: true
  })
  t.equal(loadConfig({ RETRY_BASE_DELAY_MS: '3000', RETRY_MAX_DELAY_MS: '1000' }).resilience.retryMaxDelayMs, 3000, 'the cap is never below the first window')
  t.equal(loadConfig({ HEDGE: 'false' }).resilience.hedge, false)
  t.equal(loadConfig({ ATTEMPT_TIMEOUT_MS: '' }).resilience.attemptTimeoutMs, undefined, 'blank means unset')
})

t.test('bad values stop the start with the variable named', async t => {
  const cases: Array<[string, string, RegExp]> = [
    ['RETRY_MAX_ATTEMPTS', '0', /RETRY_MAX_ATTEMPTS must be a whole number of attempts between 1 and 10/],
    ['RETRY_MAX_ATTEMPTS', 'three', /RETRY_MAX_ATTEMPTS must be/],
    ['ATTEMPT_TIMEOUT_MS', '50', /ATTEMPT_TIMEOUT_MS must be an integer number of milliseconds between 100 and 600000/],
    ['STREAM_IDLE_MS', '-1', /STREAM_IDLE_MS must be/],
    ['BREAKER_FAILURES', '0', /BREAKER_FAILURES must be a whole number of consecutive failures/],
    ['BREAKER_COOLDOWN_MS', '1.5', /BREAKER_COOLDOWN_MS must be/],
    ['HEDGE', 'maybe', /HEDGE must be on or off/]
  ]
  for (const [variable, value, message] of cases) {
    let error: unknown
    try {
      loadConfig({ [variable]: value })
    } catch (err) {
      error = err
    }
    t.type(error, ConfigError, `${variable}=${value} is refused`)
    t.equal((error as ConfigError).variable, variable)
    t.match((error as ConfigError).message, message)
  }
})
