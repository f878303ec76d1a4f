// SIGTERM: stop accepting, let in-flight asks finish, exit 0.
import t from 'tap'
import { startServer, waitForExit } from '../helper.js'
import { startStubs } from '../stub-env.js'

t.test('an in-flight ask finishes after SIGTERM, then the process exits 0', async t => {
  const stubs = await startStubs(t)
  stubs.openai.setBehaviour({ text: 'Containers share the host kernel, so they start in seconds.', headersDelayMs: 800 })
  const server = await startServer(t, { OPENAI_API_KEY: 'sk-shutdown-test-1', OPENAI_BASE_URL: stubs.openai.baseUrl, KNOWLEDGE: 'off' })
  const pending = fetch(`${server.url}/api/ask`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ question: 'Why are containers fast to start?' }) })
  await stubs.openai.waitForRequests(1)
  server.child.kill('SIGTERM')
  const res = await pending
  t.equal(res.status, 200, 'the in-flight request was answered')
  t.match((await res.json()).answer, /share the host kernel/)
  t.equal(await waitForExit(server.child), 0, 'exit code 0')
  t.match(server.output(), /shutting down/)
  await t.rejects(fetch(`${server.url}/health`), 'no longer accepting connections')
})

t.test('the grace period bounds how long shutdown waits', async t => {
  const stubs = await startStubs(t)
  stubs.openai.setBehaviour({ type: 'hang' })
  const server = await startServer(t, { OPENAI_API_KEY: 'sk-shutdown-test-2', OPENAI_BASE_URL: stubs.openai.baseUrl, KNOWLEDGE: 'off', SHUTDOWN_GRACE_MS: '300' })
  fetch(`${server.url}/api/ask`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ question: 'hang' }) }).catch(() => {})
  await stubs.openai.waitForRequests(1)
  const started = performance.now()
  server.child.kill('SIGTERM')
  const code = await waitForExit(server.child)
  const elapsed = performance.now() - started
  t.not(code, null, 'exited')
  t.ok(elapsed < 3000, `exited ${elapsed.toFixed(0)} ms after SIGTERM (grace 300 ms)`)
})
