// The cases that made the aggregator's answers wrong in practice, each through the real aggregate():
// agreement mistaken for duplication, error texts voted on, refusals chosen, recipe steps voted on,
// the course notes outvoting the models, silent failures, and confidence that did not mean much.
import t from 'tap'
import { aggregate, expectedAnswer } from '../../src/aggregator/index.js'
import { wordCount } from '../../src/aggregator/text.js'
import { votePosterior } from '../../src/aggregator/confidence.js'
import type { CandidateInput, Decision } from '../../src/aggregator/types.js'
import { MATH_QUESTION, ok, solution } from './answers.js'

const verdict = (decision: Decision, provider: string) => {
  const found = decision.candidates.find(c => c.provider === provider)
  if (found === undefined) throw new Error(`no verdict for ${provider}`)
  return found
}

const notes = (text: string, extra: Partial<CandidateInput> = {}): CandidateInput =>
  ok('knowledge', text, { evidence: true, weight: 0.6, ...extra })

const VPC_QUESTION = 'What is a VPC in cloud computing?'
const VPC = 'A VPC (Virtual Private Cloud) is a logically isolated section of a public cloud where you launch resources in a virtual network you define: you choose its IP address range, create subnets, and configure route tables, internet and NAT gateways, security groups and network ACLs.'
const VPC_NOTES_PT = 'Segundo as notas do curso, uma VPC (Virtual Private Cloud) é uma rede virtual isolada logicamente dentro da nuvem da AWS: você define a faixa de endereços IP, cria sub-redes públicas e privadas, tabelas de rotas, um internet gateway e NAT gateways, e controla o tráfego com security groups e network ACLs.'

t.test('three providers giving the same VPC definition agree: all kept, none duplicate, high confidence', async t => {
  t.equal(expectedAnswer(VPC_QUESTION), 'free')
  const identical = aggregate(VPC_QUESTION, [ok('openai', VPC), ok('gemini', VPC), ok('ollama', VPC)], { strategy: 'auto' })
  t.same(identical.candidates.map(c => c.filtered), [null, null, null])
  t.ok(identical.candidates.every(c => !c.flags.includes('duplicate')), 'different providers are different voices')
  t.same(identical.warnings, [], 'nothing was left out, so there is nothing to warn about')
  t.equal(identical.agreement, 1)
  t.ok(identical.confidence >= 0.75, `identical definitions: confidence ${identical.confidence}`)

  const near = aggregate(VPC_QUESTION, [
    ok('openai', VPC),
    ok('gemini', VPC.replace('logically isolated', 'isolated')),
    ok('ollama', `${VPC} It is the basic networking unit of AWS.`)
  ], { strategy: 'auto' })
  t.same(near.candidates.map(c => c.filtered), [null, null, null])
  t.ok(near.candidates.every(c => c.flags.length === 0), 'near-identical texts carry no flag either')
  t.ok(near.confidence >= 0.75, `near-identical definitions: confidence ${near.confidence}`)

  // The same provider answering twice (a hedged call that both returned) is still one voice.
  const twice = aggregate(VPC_QUESTION, [ok('openai', VPC), ok('openai', VPC), ok('ollama', VPC)], { strategy: 'auto' })
  t.same(twice.candidates.map(c => c.filtered), [null, 'duplicate', null])
  t.ok(twice.confidence < identical.confidence, 'two voices claim less than three')
})

t.test('an error text relayed as an answer is junk, and the course notes answer instead', async t => {
  for (const error of ["Error: model 'llama3' not found, try pulling it first", 'unknown model', 'Error: model not found']) {
    const decision = aggregate('O que é uma VPC na AWS?', [ok('ollama', error), notes(VPC_NOTES_PT)], { strategy: 'auto' })
    const junk = verdict(decision, 'ollama')
    t.equal(junk.filtered, 'junk', error)
    t.same(junk.flags, ['junk'], error)
    t.equal(decision.chosen?.provider, 'knowledge', `${error}: the notes answer alone`)
    t.equal(decision.answer, VPC_NOTES_PT)
    t.notOk(verdict(decision, 'knowledge').flags.includes('evidence'), 'no model answered, so the notes are not mere evidence')
    t.ok(decision.warnings.some(w => w.startsWith('ollama') && /error message/.test(w)), decision.warnings.join(' | '))
  }
})

t.test('two LLMs, one replying "Error: model not found": the other one is chosen', async t => {
  const answer = 'A VPC is a logically isolated virtual network in the cloud where you choose the IP range, the subnets, the route tables and the gateways, and filter traffic with security groups.'
  for (const strategy of ['auto', 'consensus', 'best', 'fastest', 'vote'] as const) {
    const decision = aggregate('What is a VPC?', [
      ok('ollama', 'Error: model not found', { latencyMs: 5 }),
      ok('openai', answer, { latencyMs: 900 })
    ], { strategy })
    t.equal(verdict(decision, 'ollama').filtered, 'junk', strategy)
    t.equal(decision.chosen?.provider, 'openai', strategy)
  }
  // Two providers relaying the same error agree with each other, and it is still junk: the vote never sees it.
  const agreeingErrors = aggregate('How many subnets does a default VPC have in a region with three zones?', [
    ok('ollama-a', "Error: model 'llama3' not found"),
    ok('ollama-b', "Error: model 'llama3' not found"),
    ok('openai', 'The default VPC has one default subnet per Availability Zone.\nA: 3')
  ], { strategy: 'vote' })
  t.same(agreeingErrors.candidates.map(c => c.filtered), ['junk', 'junk', null])
  t.equal(agreeingErrors.normalized, '3')
  t.equal(agreeingErrors.chosen?.provider, 'openai')
})

t.test('other junk: HTML and JSON error bodies, punctuation, one-word replies to an open question', async t => {
  const good = 'A VPC is a private, isolated network in the cloud: you pick the address range, split it into subnets and decide with route tables and gateways how traffic enters and leaves.'
  const decision = aggregate('Explain what a VPC is.', [
    ok('openai', good),
    ok('html', '<!DOCTYPE html><html><body>502 Bad Gateway</body></html>'),
    ok('json', '{"error": "model not loaded"}'),
    ok('dots', '...'),
    ok('terse', 'Networking.')
  ], { strategy: 'auto' })
  t.same(decision.candidates.map(c => c.filtered), [null, 'junk', 'junk', 'junk', 'junk'])
  t.equal(decision.chosen?.provider, 'openai')
  t.match(decision.warnings.find(w => w.startsWith('terse')), /one-word reply to an open question/)
  // The same one-word reply to a question that asks for one is an answer.
  const yesNo = aggregate('Is a VPC regional?', [ok('a', 'Yes.'), ok('b', 'Yes')], { strategy: 'auto' })
  t.same(yesNo.candidates.map(c => c.filtered), [null, null])
  t.equal(yesNo.normalized, 'yes')
})

const KILL_QUESTION = 'How do I kill a Python process on Linux?'
const MORALISING = 'I cannot provide instructions on how to kill a Python process as it is not appropriate or ethical to harm or terminate any living being or process without proper authorization. It is important to respect the rights and autonomy of all processes and to handle them with care. Instead, I would suggest that you consider reaching out to the owner of the process or a qualified professional to discuss your concerns. If you have any other questions, please feel free to ask, and I will do my best to help in a safe and responsible manner.'
const KILL_A = 'Find the process id with `ps aux | grep python` or `pgrep -f script.py`, then send it a signal: `kill <pid>` sends SIGTERM so the process can clean up, and `kill -9 <pid>` sends SIGKILL when it does not stop. `pkill -f script.py` does both steps at once.'
const KILL_B = 'Use `pgrep -f python` to list the Python process ids, then `kill PID` to stop one gracefully with SIGTERM; if it ignores that, `kill -9 PID` forces it with SIGKILL. You can also run `pkill -f your_script.py` to match by command line.'

t.test('a long moralising over-refusal among two compliers is filtered and never chosen', async t => {
  for (const strategy of ['auto', 'consensus', 'best', 'fastest', 'vote', 'synthesize'] as const) {
    for (const order of [[0, 1, 2], [1, 0, 2], [1, 2, 0]]) {
      const pool = [ok('llama2', MORALISING, { latencyMs: 1 }), ok('openai', KILL_A, { latencyMs: 50 }), ok('gemini', KILL_B, { latencyMs: 60 })]
      const decision = aggregate(KILL_QUESTION, order.map(i => pool[i]), { strategy })
      const refusal = verdict(decision, 'llama2')
      t.equal(refusal.filtered, 'refusal', `${strategy} ${order.join('')}`)
      t.same(refusal.flags, ['refusal'])
      t.not(decision.chosen?.provider, 'llama2', `${strategy} ${order.join('')}: even when it is the fastest`)
      t.equal(decision.refused, false)
    }
  }
  const decision = aggregate(KILL_QUESTION, [ok('llama2', MORALISING), ok('openai', KILL_A), ok('gemini', KILL_B)], { strategy: 'auto' })
  t.ok(decision.warnings.includes('llama2 declined to answer.'), decision.warnings.join(' | '))
})

t.test('a partial refusal (declines, then helps) is kept with its flag', async t => {
  const partial = "I can't see your AWS account, so I can't check your bill directly. However, the usual causes of an unexpected charge are: NAT gateways billed per hour and per GB processed, EBS volumes left behind after instances were terminated, Elastic IPs not attached to a running instance, and data transfer out to the internet. Open Cost Explorer, group by service, and look for these first."
  const other = 'Open Cost Explorer and group the month by service: the usual surprises are NAT gateways (per hour and per GB), unattached Elastic IPs, EBS volumes and snapshots left behind, and data transfer out. Set a budget alert so the next one is caught early.'
  const decision = aggregate('Why is my AWS bill higher than expected this month?', [ok('a', partial), ok('b', other)], { strategy: 'auto' })
  const kept = verdict(decision, 'a')
  t.equal(kept.filtered, null)
  t.ok(kept.flags.includes('partial_refusal'), kept.flags.join(','))
  t.ok(kept.scores.quality < verdict(decision, 'b').scores.quality, 'the decline costs quality')
  t.equal(decision.refused, false)
})

t.test('when 2 of 3 refuse, the decision is a refusal and says so', async t => {
  const decision = aggregate(KILL_QUESTION, [
    ok('llama2', MORALISING), ok('claude', "I'm sorry, but I can't help with that request."), ok('openai', KILL_A)
  ], { strategy: 'auto' })
  t.equal(decision.refused, true)
  t.ok(['llama2', 'claude'].includes(decision.chosen?.provider ?? ''), `the answer is a refusal (${decision.chosen?.provider})`)
  t.same(decision.candidates.map(c => c.filtered), [null, null, 'minority'], 'the refusers stay, the complier is the minority')
  t.match(decision.warnings[0], /Most providers \(2 of 3\) declined/)
  t.ok(decision.warnings.some(w => w.startsWith('openai') && /most providers declined/.test(w)), 'the complier is named')
  t.ok(decision.confidence < 0.75, `a refusal is not a confident answer: ${decision.confidence}`)

  // One refuser of three is not "most": it is left out.
  const one = aggregate(KILL_QUESTION, [ok('claude', "I'm sorry, but I can't help with that request."), ok('openai', KILL_A), ok('gemini', KILL_B)], { strategy: 'auto' })
  t.equal(one.refused, false)
  t.equal(verdict(one, 'claude').filtered, 'refusal')
})

t.test('Portuguese refusals are detected and handled like English ones', async t => {
  const pt = 'Desculpe, mas não posso ajudar com isso. Se tiver outra dúvida sobre computação em nuvem, fico à disposição.'
  const question = 'Como faço para acessar a conta AWS de outra pessoa sem a senha?'
  const among = aggregate('Como faço para encerrar um processo Python no Linux?', [
    ok('maritaca', pt),
    ok('openai', 'Descubra o PID com `pgrep -f script.py` e envie `kill PID` (SIGTERM); se o processo não parar, use `kill -9 PID` (SIGKILL). O comando `pkill -f script.py` faz as duas coisas de uma vez.'),
    ok('gemini', 'Liste os processos Python com `ps aux | grep python`, anote o PID e rode `kill PID` para encerrar com SIGTERM, ou `kill -9 PID` para forçar com SIGKILL quando ele não responde.')
  ], { strategy: 'auto' })
  t.equal(verdict(among, 'maritaca').filtered, 'refusal')
  t.not(among.chosen?.provider, 'maritaca')

  const all = aggregate(question, [
    ok('maritaca', pt),
    ok('openai', 'Desculpe, mas não posso ajudar com isso.'),
    ok('gemini', 'Não posso ajudar com isso: acessar a conta de outra pessoa sem autorização é crime.')
  ], { strategy: 'auto' })
  t.equal(all.refused, true)
  t.ok(all.candidates.every(c => c.flags.includes('refusal')))
  t.match(all.warnings[0], /3 of 3/)
})

const ESCARGOT = [
  'Here is a classic recipe:\n1. Rinse 24 canned snails and drain them.\n2. Mix 100 g of soft butter with 3 cloves of minced garlic and chopped parsley.\n3. Put each snail in a shell and seal it with garlic butter.\n4. Bake at 200 °C for 10 minutes.\n5. Serve hot with bread. Serves 4.',
  'You will need snails, butter, garlic and parsley.\n1. Blanch the snails for 3 minutes.\n2. Prepare a garlic and parsley butter.\n3. Fill the shells: one snail and a spoon of butter each.\n4. Bake for 12 minutes at 220 °C until the butter bubbles.\n5. Serve immediately, 6 per person.',
  'Steps:\n1. Clean the snails well.\n2. Make garlic butter with parsley and shallot.\n3. Stuff the shells with the snails and the butter.\n4. Bake about 8 minutes in a hot oven, 230 °C.\n5. Enjoy with a baguette; 12 snails make 2 servings.'
]

t.test('"How do I make escargot?" with numbered steps is free text, not a vote on a step number', async t => {
  t.equal(expectedAnswer('How do I make escargot?'), 'open')
  const decision = aggregate('How do I make escargot?', ESCARGOT.map((text, i) => ok(`m${i}`, text)), { strategy: 'auto' })
  t.equal(decision.answerType, 'free')
  t.not(decision.strategy, 'vote')
  t.equal(decision.normalized, null)
  t.same(decision.candidates.map(c => c.extracted), [null, null, null])
  t.same(decision.candidates.map(c => c.filtered), [null, null, null], 'different serving counts are no disagreement')

  // Even when every recipe ends on the same count, the count is not the answer.
  const same = ESCARGOT.map(text => `${text.replace(/\n5\. .*$/, '')}\n5. Serve hot. Serves 4.`)
  const agreeingCount = aggregate('How do I make escargot?', same.map((text, i) => ok(`m${i}`, text)), { strategy: 'auto' })
  t.equal(agreeingCount.answerType, 'free')
  t.equal(agreeingCount.normalized, null)

  // An explicit vote request has nothing marked to vote on, and says so by falling back.
  const vote = aggregate('How do I make escargot?', ESCARGOT.map((text, i) => ok(`m${i}`, text)), { strategy: 'vote' })
  t.equal(vote.strategy, 'consensus')
  t.equal(vote.answerType, 'free')
})

t.test('a list question whose answers end with different counts is not voted on', async t => {
  const answers = [
    'The main AWS compute services are:\n- Amazon EC2: virtual machines\n- AWS Lambda: functions\n- Amazon ECS and EKS: containers\n- AWS Fargate: serverless containers\nThat is 5 services.',
    'Main compute services on AWS:\n- EC2 for virtual servers\n- Lambda for serverless functions\n- ECS and Fargate for containers\nIn total, 4 services.',
    'AWS compute offerings include EC2 instances, Lambda functions, Elastic Beanstalk, ECS, EKS, Fargate and Lightsail, 7 in all.'
  ]
  for (const question of ['List the main AWS compute services.', 'Quais são os principais serviços de computação da AWS?']) {
    t.equal(expectedAnswer(question), 'open', question)
    const decision = aggregate(question, answers.map((text, i) => ok(`m${i}`, text)), { strategy: 'auto' })
    t.equal(decision.answerType, 'free', question)
    t.not(decision.strategy, 'vote')
    t.same(decision.candidates.map(c => c.extracted), [null, null, null])
    t.equal(decision.learning?.kind, 'open')
  }
})

const SUBNET_QUESTION = 'How many availability zones can a single subnet span?'
// Identical wording, different final answer: nothing but the notes can tell the two apart.
const subnetAnswer = (n: string) => `Per the VPC design, a subnet is placed in availability zones as follows.\nA: ${n}`
const SUBNET_NOTES = notes('From the course notes: a subnet always lives in exactly one Availability Zone; to cover several zones, create one subnet per zone.\nA: 1')

t.test('notes as evidence: they never vote, an LLM they support beats an otherwise equal one they contradict', async t => {
  // Without the notes the tie goes to the earlier candidate.
  const tie = aggregate(SUBNET_QUESTION, [ok('b', subnetAnswer('2')), ok('a', subnetAnswer('1'))], { strategy: 'auto' })
  t.equal(tie.normalized, '2', 'baseline: order breaks the tie')

  for (const order of [['b', 'a'], ['a', 'b']]) {
    const pool = order.map(p => ok(p, subnetAnswer(p === 'a' ? '1' : '2')))
    const decision = aggregate(SUBNET_QUESTION, [...pool, SUBNET_NOTES], { strategy: 'auto' })
    t.equal(decision.strategy, 'vote')
    t.equal(decision.normalized, '1', order.join(''))
    t.equal(decision.chosen?.provider, 'a', 'the supported model answers, not the notes')
    t.ok(verdict(decision, 'a').flags.includes('supported'))
    t.ok(verdict(decision, 'b').flags.includes('contradicted'))
    t.ok(verdict(decision, 'a').scores.total > verdict(decision, 'b').scores.total, 'support gains, contradiction loses')
    const evidence = verdict(decision, 'knowledge')
    t.same(evidence.flags, ['evidence'])
    t.equal(evidence.scores.total, 0, 'the notes take no part in the vote')
    t.notOk(decision.learning?.signals.some(s => s.provider === 'knowledge'), 'nothing is learned about the notes')
    t.match(decision.warnings.at(-1), /course notes agree/)
  }

  // Two models outvote nothing: the notes are one source of evidence, not a third voter.
  const outnumbered = aggregate(SUBNET_QUESTION, [ok('b', subnetAnswer('2')), ok('c', subnetAnswer('2').replace('Per the', 'By')), SUBNET_NOTES], { strategy: 'auto' })
  t.equal(outnumbered.normalized, '2', 'two agreeing models are not overruled by the notes')
  t.match(outnumbered.warnings.at(-1), /course notes give a different answer/)

  // With no model answering, the notes answer alone, as before.
  const alone = aggregate(SUBNET_QUESTION, [{ provider: 'a', model: 'a', status: 'timeout', text: '' }, SUBNET_NOTES], { strategy: 'auto' })
  t.equal(alone.chosen?.provider, 'knowledge')
  t.equal(alone.normalized, '1')
  t.notOk(verdict(alone, 'knowledge').flags.includes('evidence'))
})

t.test('notes as evidence on free text: the supported answer wins an otherwise even comparison', async t => {
  const question = 'What is the difference between a security group and a network ACL?'
  const right = 'A security group is stateful and applies to an instance, so responses are allowed automatically and it only supports allow rules. A network ACL is stateless and applies to a subnet, with ordered allow and deny rules, so return traffic needs a rule.'
  const wrong = 'A security group is a billing label for a region and is charged per rule, while a network ACL encrypts the packets that move between zones and replaces the internet gateway when a VPC has no public subnet at all, as they say.'
  t.equal(wordCount(right), wordCount(wrong), 'same length, so neither stands out by form')
  const sg = notes('Security groups are stateful and attached to instances (network interfaces): return traffic is allowed automatically and they only have allow rules. Network ACLs are stateless and attached to subnets: they have numbered allow and deny rules evaluated in order, and return traffic must be allowed explicitly.')

  const baseline = aggregate(question, [ok('wrong', wrong), ok('right', right)], { strategy: 'auto' })
  t.equal(baseline.chosen?.provider, 'wrong', 'baseline: with nothing to tell them apart, the first is kept')
  for (const strategy of ['auto', 'consensus'] as const) {
    for (const pool of [[ok('wrong', wrong), ok('right', right)], [ok('right', right), ok('wrong', wrong)]]) {
      const decision = aggregate(question, [...pool, sg], { strategy })
      t.equal(decision.chosen?.provider, 'right', strategy)
      t.ok(verdict(decision, 'right').flags.includes('supported'))
      t.notOk(verdict(decision, 'wrong').flags.includes('supported'))
      t.ok(decision.confidence > baseline.confidence, 'confirmation by the notes adds confidence')
    }
  }
})

t.test('warnings name every provider that failed, timed out, was skipped or left out', async t => {
  const good = [
    'A VPC is a logically isolated network in the cloud: you choose its IP range, subnets, route tables and gateways.',
    'A VPC (virtual private cloud) is your own isolated network in the cloud, with the IP range, subnets and routing you define.',
    'A virtual private cloud is an isolated virtual network where you define the address range, subnets, route tables and gateways.'
  ]
  const decision = aggregate(VPC_QUESTION, [
    ok('openai', good[0]), ok('gemini', good[1]), ok('hf', good[2]),
    { provider: 'groq', model: 'g', status: 'error', text: '', errorClass: 'rate_limited', attempts: 3 },
    { provider: 'mistral', model: 'm', status: 'timeout', text: '' },
    { provider: 'ollama', model: 'o', status: 'skipped', text: '', errorClass: 'circuit_open' },
    { provider: 'cohere', model: 'c', status: 'error', text: '', errorClass: 'auth' },
    ok('vllm', good[1], { finishReason: 'length' }),
    ok('together', ' '),
    ok('lmstudio', 'unknown model'),
    ok('llama2', "I'm sorry, but I can't help with that.")
  ], { strategy: 'auto' })
  const expected: [string, RegExp][] = [
    ['groq', /rate limited.*after 3 attempts/],
    ['mistral', /did not answer in time/],
    ['ollama', /skipped/],
    ['cohere', /refused the API key/],
    ['vllm', /cut off/],
    ['together', /empty/],
    ['lmstudio', /error message/],
    ['llama2', /declined/]
  ]
  t.equal(decision.warnings.length, expected.length, decision.warnings.join(' | '))
  for (const [provider, pattern] of expected) {
    const warning = decision.warnings.find(w => w.startsWith(`${provider} `))
    t.ok(warning !== undefined, `${provider} is named`)
    t.match(warning, pattern, provider)
  }
  for (const provider of ['openai', 'gemini', 'hf']) {
    t.notOk(decision.warnings.some(w => w.includes(provider)), `${provider} took part: no warning`)
  }
  t.ok(decision.warnings.every(w => /^[a-z0-9-]+ [^{}]+\.$/.test(w)), 'plain sentences, no raw objects')
})

t.test('confidence means something: agreement is high, an unconfirmed answer is not', async t => {
  const two = aggregate(MATH_QUESTION, [ok('a', solution('18')), ok('b', solution('18', 1))], { strategy: 'auto' })
  t.equal(two.normalized, '18')
  t.ok(two.confidence >= 0.75, `two providers agreeing: ${two.confidence}`)

  const split = aggregate(MATH_QUESTION, [ok('a', solution('18')), ok('b', solution('20', 1))], { strategy: 'auto' })
  t.ok(split.confidence < 0.45, `two providers disagreeing: ${split.confidence}`)

  // The heavier provider wins the weighted vote with an answer nobody else gave: it is still unconfirmed.
  const lone = aggregate(MATH_QUESTION, [
    ok('a', solution('18')), ok('b', solution('18', 1)), ok('big', solution('25', 2), { weight: 3 })
  ], { strategy: 'auto' })
  t.equal(lone.normalized, '25')
  t.ok(lone.confidence < 0.45, `a lone answer nobody agreed with: ${lone.confidence}`)

  const scattered = aggregate(MATH_QUESTION, ['18', '20', '22', '24'].map((a, i) => ok(`m${i}`, solution(a, i))), { strategy: 'auto' })
  t.ok(scattered.confidence < 0.45, `four different answers: ${scattered.confidence}`)

  const single = aggregate(MATH_QUESTION, [ok('a', solution('18')), { provider: 'b', model: 'b', status: 'timeout', text: '' }], { strategy: 'auto' })
  t.ok(single.confidence <= 0.6, `one usable answer: ${single.confidence}`)
})

t.test('learning signal: short answers give each voter its posterior, open answers each one\'s standing', async t => {
  const short = aggregate(MATH_QUESTION, [ok('a', solution('18')), ok('b', solution('18', 1)), ok('c', solution('20', 2))], { strategy: 'auto' })
  t.equal(short.learning?.kind, 'short')
  t.same(short.learning?.signals.map(s => s.provider), ['a', 'b', 'c'])
  const value = (provider: string): number => short.learning?.signals.find(s => s.provider === provider)?.value ?? NaN
  t.ok(short.learning?.signals.every(s => s.value >= 0 && s.value <= 1), 'posteriors are probabilities')
  t.equal(value('a'), value('b'), 'providers with the same answer share its posterior')
  t.ok(value('a') > 0.5 && value('c') < 0.5, `majority ${value('a')}, minority ${value('c')}`)
  const posterior = votePosterior([{ group: '18', accuracy: 0.6 }, { group: '18', accuracy: 0.6 }, { group: '20', accuracy: 0.6 }], 10)
  t.ok(Math.abs(value('a') - (posterior.get('18') as number)) < 1e-4, 'it is the Dawid–Skene posterior at neutral accuracy')

  const open = aggregate(KILL_QUESTION, [ok('openai', KILL_A), ok('gemini', KILL_B), ok('short', 'Run kill with the PID.')], { strategy: 'auto' })
  t.equal(open.learning?.kind, 'open')
  const standings = open.learning?.signals.map(s => s.value) ?? []
  t.equal(standings.length, 3)
  t.ok(Math.abs(standings.reduce((a, b) => a + b, 0)) < 1e-3, 'standings are centred within the question')
  t.ok((open.learning?.signals.find(s => s.provider === 'short')?.value ?? 0) < 0, 'the one-liner stands below the others')

  // Nothing to compare with, nothing to learn; failed and filtered providers teach nothing either.
  t.equal(aggregate(MATH_QUESTION, [ok('a', solution('18'))], { strategy: 'auto' }).learning, null)
  const filtered = aggregate(MATH_QUESTION, [
    ok('a', solution('18')), ok('b', solution('18', 1)), ok('junk', 'Error: model not found'), { provider: 'late', model: 'l', status: 'timeout', text: '' }
  ], { strategy: 'auto' })
  t.same(filtered.learning?.signals.map(s => s.provider), ['a', 'b'])
})

t.test('learned reliability: what the Dawid–Skene posterior implies for a 1-against-2 split', async t => {
  const reliability = { sharp: { accuracy: 0.9, quality: 0 }, weak1: { accuracy: 0.3, quality: 0 }, weak2: { accuracy: 0.3, quality: 0 } }

  // The two unreliable providers disagree with each other: each of their answers has one weak vote,
  // the reliable provider's has a strong one. Posterior (10 answer classes): 81 : 3.86 : 3.86 : 7 (none
  // of these) → 0.85 for the reliable answer. It wins, but nobody confirmed it, so confidence stays
  // at the unconfirmed cap.
  const scattered = aggregate(MATH_QUESTION, [ok('weak1', solution('20')), ok('sharp', solution('18', 1)), ok('weak2', solution('22', 2))], { strategy: 'auto', reliability })
  t.equal(scattered.normalized, '18')
  t.equal(scattered.chosen?.provider, 'sharp')
  t.ok(scattered.confidence <= 0.44, `unconfirmed: ${scattered.confidence}`)
  t.ok((scattered.learning?.signals.find(s => s.provider === 'sharp')?.value ?? 0) > 0.8)

  // The two unreliable providers agree. A provider right 30 % of the time still says the same wrong
  // value as another only rarely (1 in 9 of its errors), so their agreement is worth
  // (0.3 · 9 / 0.7)² ≈ 14.9 against the reliable provider's 0.9 · 9 / 0.1 = 81: the posterior still
  // favours the reliable provider (0.78 against 0.14), and so does the weighted vote.
  const agreeing = aggregate(MATH_QUESTION, [ok('weak1', solution('20')), ok('sharp', solution('18', 1)), ok('weak2', solution('20', 2))], { strategy: 'auto', reliability })
  const posterior = votePosterior([{ group: '20', accuracy: 0.3 }, { group: '18', accuracy: 0.9 }, { group: '20', accuracy: 0.3 }], 10)
  t.ok((posterior.get('18') as number) > 0.75 && (posterior.get('20') as number) < 0.2, JSON.stringify([...posterior]))
  t.equal(agreeing.normalized, '18', 'the reliable provider outweighs two unreliable ones that agree')
  t.ok(agreeing.confidence <= 0.44, `but it is one voice against two: ${agreeing.confidence}`)

  // With nothing learned, the same answers go to the two that agree, with high confidence.
  const unknown = aggregate(MATH_QUESTION, [ok('weak1', solution('20')), ok('sharp', solution('18', 1)), ok('weak2', solution('20', 2))], { strategy: 'auto' })
  t.equal(unknown.normalized, '20')
  t.ok(unknown.confidence >= 0.75, `${unknown.confidence}`)

  // A modest edge is not enough: at 0.7 against two agreeing at 0.6 the pair wins.
  const modest = aggregate(MATH_QUESTION, [ok('weak1', solution('20')), ok('sharp', solution('18', 1)), ok('weak2', solution('20', 2))], {
    strategy: 'auto', reliability: { sharp: { accuracy: 0.7, quality: 0 }, weak1: { accuracy: 0.6, quality: 0 }, weak2: { accuracy: 0.6, quality: 0 } }
  })
  t.equal(modest.normalized, '20')
})
