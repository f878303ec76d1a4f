// The page's conversation module in Node: the history a follow-up sends keeps to the API's limits, oldest out first.
import t from 'tap'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { HISTORY_MAX_CHARS, HISTORY_MAX_TURNS, HISTORY_TURN_MAX_CHARS } from '../../schemas/ask.js'
import { PUBLIC_DIR } from '../../src/routes/web.js'

interface Turn { question: string, response: { answer: string, candidates: unknown[] } }
interface ConversationModule {
  HISTORY_MAX_TURNS: number
  HISTORY_TURN_MAX_CHARS: number
  HISTORY_MAX_CHARS: number
  historyOf: (turns: Turn[]) => Array<{ role: string, content: string }>
  newConversation: (now?: number) => { id: string, at: number, turns: Turn[] }
}

const mod = await import(pathToFileURL(join(PUBLIC_DIR, 'js', 'conversation.js')).href) as ConversationModule
const turn = (question: string, answer: string): Turn => ({ question, response: { answer, candidates: [] } })

t.test('the page uses the limits of the API schema', async t => {
  t.equal(mod.HISTORY_MAX_TURNS, HISTORY_MAX_TURNS)
  t.equal(mod.HISTORY_TURN_MAX_CHARS, HISTORY_TURN_MAX_CHARS)
  t.equal(mod.HISTORY_MAX_CHARS, HISTORY_MAX_CHARS)
})

t.test('turns become question and answer messages, oldest first', async t => {
  t.same(mod.historyOf([turn('Q1', 'A1'), turn('Q2', 'A2')]), [
    { role: 'user', content: 'Q1' }, { role: 'assistant', content: 'A1' }, { role: 'user', content: 'Q2' }, { role: 'assistant', content: 'A2' }
  ])
  t.same(mod.historyOf([turn('Q1', '  '), turn('Q2', 'A2')]).map(m => m.content), ['Q1', 'Q2', 'A2'], 'an empty answer is left out')
  t.same(mod.historyOf([]), [])
})

t.test('a long conversation keeps its newest turns within every limit', async t => {
  const many = Array.from({ length: 15 }, (_, i) => turn(`Q${i}`, `A${i}`))
  const history = mod.historyOf(many)
  t.equal(history.length, HISTORY_MAX_TURNS, `${HISTORY_MAX_TURNS} messages at most`)
  t.same(history.at(-1), { role: 'assistant', content: 'A14' }, 'the newest kept')
  t.same(history[0], { role: 'user', content: 'Q5' }, 'the oldest dropped first')

  const long = mod.historyOf([turn('Q0', 'a'.repeat(9000)), turn('Q1', 'b'.repeat(9000)), turn('Q2', 'c'.repeat(9000)), turn('Q3', 'short')])
  t.ok(long.every(m => m.content.length <= HISTORY_TURN_MAX_CHARS), 'a long answer keeps its beginning, within a turn\'s limit')
  t.ok(long.reduce((n, m) => n + m.content.length, 0) <= HISTORY_MAX_CHARS, 'and the total within the limit')
  t.equal(long[0]?.role, 'user', 'it starts with a question, not an answer cut from its question')
  t.same(long.at(-1), { role: 'assistant', content: 'short' })
})

t.test('conversation ids are distinct', async t => {
  const a = mod.newConversation(1000)
  const b = mod.newConversation(1000)
  t.not(a.id, b.id)
  t.same(a.turns, [])
})
