// With no environment at all the real server answers from the bundled course notes.
import t from 'tap'
import { startServer } from '../helper.js'

async function ask (url: string, question: string): Promise<any> {
  const res = await fetch(`${url}/api/prompt`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ question }) })
  t.equal(res.status, 200, question)
  return await res.json()
}

t.test('no API key: answers in the question\'s language, with sources, and says when the notes do not cover it', async t => {
  const server = await startServer(t)
  const ready = await fetch(`${server.url}/ready`)
  t.equal(ready.status, 200)
  t.same((await ready.json()).providers, ['knowledge'])

  const pt = await ask(server.url, 'Qual a vantagem de usar Docker?')
  t.equal(pt.chosen.provider, 'knowledge')
  t.match(pt.answer, /contêiner|Docker/i)
  t.match(pt.answer, /Fontes/, 'Portuguese answer cites its sources in Portuguese')
  const ptSources = pt.candidates[0].sources
  t.ok(ptSources.length > 0)
  t.ok(ptSources.every((s: { path: string }) => s.path.startsWith('knowledge/pt/')), 'Portuguese notes')
  t.ok(ptSources.some((s: { path: string }) => /docker|container/.test(s.path)), 'a note about containers')

  const en = await ask(server.url, 'What is the advantage of using Docker?')
  t.match(en.answer, /Sources/)
  t.ok(en.candidates[0].sources.every((s: { path: string }) => s.path.startsWith('knowledge/en/')), 'English notes')

  const off = await ask(server.url, 'Who won the 1970 World Cup?')
  t.match(off.answer, /do not cover/)
  t.ok(off.confidence <= 0.2, `low confidence (${off.confidence})`)
  t.ok(off.candidates[0].flags.includes('low_coverage'))
  t.match(off.answer, /No language model is configured.*OPENAI_API_KEY/s, 'with no model configured, the answer says how to add one')

  const hi = await ask(server.url, 'oi')
  t.match(hi.answer, /^Oi!/, 'a greeting is answered in Portuguese')

  const search = await fetch(`${server.url}/api/knowledge?query=${encodeURIComponent('o que é fargate spot')}&limit=3`)
  t.equal(search.status, 200)
  const result = await search.json()
  t.equal(result.hits.length, 3)
  t.match(result.hits[0].path, /spot-capacity/)
  t.ok(result.notes >= 80)
})

t.test('KNOWLEDGE=off: no provider, /api/knowledge is 404 and /ready is 503', async t => {
  const server = await startServer(t, { KNOWLEDGE: 'off' })
  t.equal((await fetch(`${server.url}/ready`)).status, 503)
  const search = await fetch(`${server.url}/api/knowledge?query=docker`)
  t.equal(search.status, 404)
  t.match(search.headers.get('content-type') ?? '', /problem\+json/)
  const res = await fetch(`${server.url}/api/prompt`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ question: 'What is S3?' }) })
  t.equal(res.status, 503)
})

t.test('a bad /api/knowledge query is a 400 problem', async t => {
  const server = await startServer(t)
  const res = await fetch(`${server.url}/api/knowledge?limit=0`)
  t.equal(res.status, 400)
  const problem = await res.json()
  t.same(problem.errors.map((e: { field: string }) => e.field).sort(), ['querystring/limit', 'querystring/query'])
})
