import t from 'tap'
import { createKnowledgeBase } from '../../src/knowledge/knowledge-base.js'
import { groundingContext, KnowledgeProvider } from '../../src/knowledge/knowledge-provider.js'
import type { Completion } from '../../src/providers/types.js'

const provider = new KnowledgeProvider(createKnowledgeBase())
const ask = async (question: string, p: KnowledgeProvider = provider): Promise<Completion> =>
  await p.complete({ messages: [{ role: 'user', content: question }] }, new AbortController().signal)

t.test('identity and cost', async t => {
  t.equal(provider.id, 'knowledge')
  t.equal(provider.kind, 'knowledge')
  t.equal(provider.model, 'course-notes')
  t.equal(provider.weight, 0.6)
  t.equal(new KnowledgeProvider(createKnowledgeBase(), { weight: 0.3 }).weight, 0.3)
})

t.test('a Portuguese question about Docker gets a Portuguese answer about containers, with sources', async t => {
  const answer = await ask('Qual a vantagem de usar Docker?')
  t.equal(answer.finishReason, 'stop')
  t.same(answer.usage, { promptTokens: 0, completionTokens: 0 })
  t.equal(answer.model, 'course-notes')
  t.equal(answer.lowCoverage, false)
  t.match(answer.text, /^Segundo as notas do curso/)
  t.match(answer.text, /\*\*Fontes:\*\*/)
  t.match(answer.text, /contêiner/i)
  t.notMatch(answer.text, /Sources:|According to/)
  const sources = answer.sources ?? []
  t.ok(sources.length >= 1)
  t.ok(sources.every(s => s.path.startsWith('knowledge/pt/')), 'Portuguese notes')
  t.ok(sources.some(s => /docker|container/.test(s.path)), `a note about containers or Docker: ${sources.map(s => s.path).join(', ')}`)
  for (const s of sources) t.match(answer.text, `\`${s.path}\``, 'each source is cited in the text')
  t.ok(sources.every(s => s.score > 0))
})

t.test('the same question in English gets an English answer', async t => {
  const answer = await ask('What is the advantage of using Docker?')
  t.equal(answer.lowCoverage, false)
  t.match(answer.text, /^According to the course notes/)
  t.match(answer.text, /\*\*Sources:\*\*/)
  t.match(answer.text, /container/i)
  const sources = answer.sources ?? []
  t.ok(sources.length >= 1 && sources.every(s => s.path.startsWith('knowledge/en/')))
  t.ok(sources.some(s => /docker|container/.test(s.path)))
})

t.test('an unrelated question is plainly not covered, in its own language', async t => {
  const en = await ask('Who won the 1970 World Cup?')
  t.equal(en.lowCoverage, true)
  t.equal(en.finishReason, 'stop')
  t.same(en.sources, [])
  t.match(en.text, /^The course notes \(42 topics\) do not cover this question/, 'counts topics, not files in two languages')
  t.notMatch(en.text, /Brazil|Pel[eé]/i, 'nothing invented')

  const pt = await ask('Quem ganhou a Copa de 1970?')
  t.equal(pt.lowCoverage, true)
  t.same(pt.sources, [])
  t.match(pt.text, /^As notas do curso \(42 temas\) não cobrem esta pergunta/)
  t.ok((en.confidence ?? 1) <= 0.1 && (pt.confidence ?? 1) <= 0.1, 'low confidence')
})

t.test('only the last user message is the question', async t => {
  const answer = await provider.complete({
    messages: [
      { role: 'system', content: 'You are a tutor.' },
      { role: 'user', content: 'Who won the 1970 World Cup?' },
      { role: 'assistant', content: 'Not covered.' },
      { role: 'user', content: 'what is a dead-letter queue' }
    ]
  }, new AbortController().signal)
  t.equal(answer.lowCoverage, false)
  t.match(answer.sources?.[0]?.path ?? '', /message-queues/)
})

t.test('a question the notes cover only in the other language is answered from it, saying so', async t => {
  const dir = t.testdir({
    en: { 'nat.md': '# NAT gateways\n\nA NAT gateway lets instances in private subnets reach the internet without being reachable from it.\n\n## Pricing\n\nNAT gateways bill per hour and per gigabyte processed.\n' }
  })
  const p = new KnowledgeProvider(createKnowledgeBase({ dir }))
  const answer = await ask('pra que serve um NAT gateway?', p)
  t.equal(answer.lowCoverage, false)
  t.match(answer.text, /^As notas do curso tratam disso só em inglês \(\*NAT gateways\*\)/)
  t.match(answer.text, /\*\*Fontes:\*\*/)
  t.match(answer.text, /private subnets/)
  t.equal(answer.sources?.[0]?.path, `${dir.split(/[\\/]/).pop() as string}/en/nat.md`)

  const none = await ask('Quem ganhou a Copa de 1970?', p)
  t.equal(none.lowCoverage, true)
  t.match(none.text, /\(1 tema\)/)
})

t.test('at most three passages, each from the notes, weaker ones left out', async t => {
  const result = provider.answer('como funciona o cache de camadas do Docker e o build multi-stage?')
  t.ok(result.passages.length >= 1 && result.passages.length <= 3)
  const best = result.passages[0].score
  t.ok(result.passages.every(p => p.score >= best * 0.45))
  t.equal(result.lang, 'pt')
  t.same(result.sources.map(s => s.path), [...new Set(result.passages.map(p => p.path))], 'one source per note, in order')
})

t.test('grounding context: compact passages with their sources, empty when not covered', async t => {
  const context = provider.groundingContext('How does a NAT gateway differ from an internet gateway?', 2)
  const blocks = context.split(/\n\n(?=\[)/)
  t.ok(blocks.length >= 1 && blocks.length <= 2)
  t.match(context, /^\[[^\]]+ — knowledge\/en\/cloud-networking-gateways\.md/)
  t.ok(context.length < 1500, `compact (${context.length} chars)`)
  t.equal(provider.groundingContext('Who won the 1970 World Cup?'), '')
  t.equal(groundingContext(createKnowledgeBase(), 'what is envelope encryption', 1).split('\n')[0].includes('encryption-kms'), true)
})

t.test('errors: an aborted call and a request without a question', async t => {
  const controller = new AbortController()
  controller.abort()
  await t.rejects(provider.complete({ messages: [{ role: 'user', content: 'what is a VPC' }] }, controller.signal),
    { name: 'ProviderError', errorClass: 'timeout' })
  await t.rejects(provider.complete({ messages: [{ role: 'system', content: 'hi' }, { role: 'user', content: '  ' }] }, new AbortController().signal),
    { name: 'ProviderError', errorClass: 'bad_request' })
})

t.test('stream hands the whole answer to onToken once', async t => {
  const tokens: string[] = []
  const completion = await provider.stream({ messages: [{ role: 'user', content: 'o que é um pod no Kubernetes?' }] }, new AbortController().signal, { onToken: text => tokens.push(text) })
  t.same(tokens, [completion.text])
  t.match(completion.sources?.[0]?.path ?? '', /kubernetes-basics/)
})


t.test('a question about a service the notes do not treat names it, points to the closest topic, and says how to get more', async t => {
  const answer = await ask('Como configuro o Amazon SageMaker para treinar um modelo?')
  t.equal(answer.lowCoverage, true)
  t.same(answer.sources, [])
  t.match(answer.text, /^As notas do curso não tratam de \*\*SageMaker\*\*/)
  t.match(answer.text, /O tema mais próximo que elas cobrem é \*[^*]+\* \(`knowledge\/pt\/[\w-]+\.md`\)/)
  t.match(answer.text, /Nenhum modelo de linguagem está configurado.*OPENAI_API_KEY/s, 'no model configured: says how to add one')
  t.ok((answer.confidence ?? 1) <= 0.1, `low confidence (${String(answer.confidence)})`)

  const withModels = new KnowledgeProvider(createKnowledgeBase(), { languageModels: true })
  const other = await ask('how do kafka partitions work', withModels)
  t.equal(other.lowCoverage, true)
  t.match(other.text, /^The course notes do not cover \*\*kafka\*\*/)
  t.match(other.text, /language models configured on this service answer it/)
  t.notMatch(other.text, /OPENAI_API_KEY/, 'models configured: no set-up advice')
})

t.test('a name that is only a detail of a covered question does not stop the answer', async t => {
  const answer = await ask('Como guardar a chave da API do Hugging Face com segurança num container?')
  t.equal(answer.lowCoverage, false)
  t.match(answer.sources?.[0]?.path ?? '', /secrets-management/)
})

t.test('greetings and thanks get a short reply in the student\'s language', async t => {
  for (const [message, pattern] of [['oi', /^Oi!/], ['Olá, tudo bem?', /^Oi!/], ['obrigado!', /^De nada!/], ['valeu', /^De nada!/], ['hi', /^Hi!/], ['thanks', /^You're welcome!/], ['Thank you so much', /^You're welcome!/]] as const) {
    const answer = await ask(message)
    t.match(answer.text, pattern, message)
    t.ok(answer.text.length < 200, 'brief')
    t.equal(answer.lowCoverage, false)
    t.same(answer.sources, [])
  }
  const question = await ask('oi, o que é um pod no kubernetes?')
  t.match(question.sources?.[0]?.path ?? '', /kubernetes-basics/, 'a greeting before a question does not hide the question')
})

t.test('the answer leads with the passage that answers and keeps it whole', async t => {
  const fargate = await ask('Qual a diferença entre Fargate e EC2 no ECS?')
  t.match(fargate.text, /Já o \*\*tipo de execução EC2\*\* usa instâncias gerenciadas por você/, 'the sentence that answers is there')
  t.match(fargate.sources?.[0]?.path ?? '', /container-orchestration/)
  const docker = await ask('qual a vantagem de usar docker')
  t.match(docker.text, /\*\*Por que usar Docker\*\*/)
  t.match(docker.text, /vantagens/)
})

t.test('a code block stays with the sentence that introduces it, and no excerpt ends on a colon', async t => {
  const answer = await ask('como configurar o autoscaling do ecs pra manter a cpu em 70%')
  t.match(answer.text, /mirando 70 % de CPU média:\n\n```bash\naws application-autoscaling/, 'the example follows its introduction')
  for (const question of ['target tracking ou step scaling, qual eu uso', 'pq meu docker build reinstala tudo quando mudo uma linha do codigo', 'how to set a cloudwatch alarm for high cpu']) {
    const text = (await ask(question)).text
    const blocks = text.split(/\n{2,}/).slice(1)
    blocks.forEach((block, i) => {
      if (/:\s*$/.test(block) && !/^\*\*/.test(block)) t.match(blocks[i + 1] ?? '', /^(```|\||- |\d+\. )/, `"${block.slice(-40)}" is followed by what it introduces`)
    })
    if (!/```/.test(text)) t.notMatch(text, /exemplo acima|example above/i, `no reference to a dropped example: ${question}`)
  }
})

t.test('the completion carries the notes\' confidence: high for a clear answer, low when not covered', async t => {
  const clear = await ask('o que é cache-aside?')
  const none = await ask('how does mongodb sharding work')
  t.ok((clear.confidence ?? 0) >= 0.7, `clear answer ${String(clear.confidence)}`)
  t.ok((none.confidence ?? 1) <= 0.1, `not covered ${String(none.confidence)}`)
})
