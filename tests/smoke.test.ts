import t from 'tap'
import { ProviderError } from '../src/providers/types.js'
t.test('retryable classes', async t => {
  t.equal(new ProviderError('rate_limited', 'x').retryable, true)
  t.equal(new ProviderError('auth', 'x').retryable, false)
})
