// Questions that say in everyday words what the notes name technically: the students' questions
// attached to each section and the colloquial synonyms must lead them to the section that answers,
// without making a question about something the notes lack look covered.
import t from 'tap'
import { createKnowledgeBase } from '../../src/knowledge/knowledge-base.js'
import { phraseWords, readQuestion } from '../../src/knowledge/question.js'
import { retrieve } from '../../src/knowledge/retrieval.js'

const base = createKnowledgeBase()

t.test('colloquial synonyms add the notes\' term and count as known words', async t => {
  t.match(readQuestion('why does the chatbot make stuff up').text, /hallucination/)
  t.match(readQuestion('a ia inventa resposta').text, /alucinacao/)
  t.match(readQuestion('can we flip it back').text, /rollback/)
  t.match(readQuestion('how do i follow a request across services').text, /tracing/)
  t.same([...phraseWords('can we flip it back')].sort(), ['back', 'flip', 'it'])
  t.same([...phraseWords('what is a load balancer')], [], 'a question without such a phrase has no such words')
})

t.test('paraphrased questions find the section that answers them', async t => {
  for (const [question, topic, heading] of [
    ['why does the chatbot make stuff up sometimes', 'llm-apis-tokens', 'Hallucinations, grounding and ensembles'],
    ['a ia inventa resposta, pq isso?', 'llm-apis-tokens', 'Alucinações, grounding e ensembles'],
    ['how can i follow a request through all my services', 'observability', 'Traces and AWS X-Ray'],
    ['meus logs ficam guardados pra sempre? da pra configurar pra apagar os antigos', 'cloudwatch', 'CloudWatch Logs: grupos de logs e retenção']
  ] as const) {
    const found = retrieve(base, question)
    t.ok(found.covered, `covered: ${question}`)
    t.equal(`${found.hits[0]?.topic} / ${found.hits[0]?.heading}`, `${topic} / ${heading}`, question)
  }
})

t.test('a question about something the notes lack stays not covered, whatever students\' questions share its other words', async t => {
  for (const question of [
    'como configuro o amazon macie pra achar dados pessoais nos meus buckets?',
    'how do i write a rule in aws waf to block an ip range'
  ]) {
    const found = retrieve(base, question)
    t.notOk(found.covered, `not covered: ${question}`)
  }
})
