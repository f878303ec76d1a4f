import t from 'tap'
import { analyzerFor } from '../../src/knowledge/analyzer.js'
import { excerpt, sentences } from '../../src/knowledge/excerpt.js'

const en = analyzerFor('en')
const pt = analyzerFor('pt')
const cut = (md: string, max: number, question: string, analyzer = en): string => excerpt(md, max, analyzer, analyzer.analyze(question))

t.test('a section that fits is kept whole', async t => {
  const md = 'First paragraph. It is short.\n\n```sh\ndocker build -t app .\n```\n\nThird paragraph.'
  t.equal(cut(md, 1000, 'docker build'), md)
})

t.test('a code block stays with the sentence that introduces it, or both go', async t => {
  const intro = 'This example keeps a Fargate service between 1 and 3 tasks, targeting 70 % average CPU:'
  const code = '```bash\naws application-autoscaling put-scaling-policy --policy-name cpu70\n```'
  const md = `Autoscaling changes the desired count between a minimum and a maximum.\n\n${intro}\n\n${code}\n\nCooldowns keep the service from flapping between sizes after every change.`
  const text = cut(md, 260, 'autoscaling policy cpu 70')
  t.match(text, `${intro}\n\n${code}`, 'the example follows its introduction')
  const short = cut(md, 120, 'cooldowns flapping')
  t.notMatch(short, /:\s*$/m, 'no line ends on a colon')
  t.notMatch(short, /```/, 'the code is left out with its introduction')
  t.match(short, /Cooldowns keep the service/)
})

t.test('a sentence that points at an example the excerpt does not show is dropped', async t => {
  const md = 'Docker reuses a cached layer when nothing changed. The Dockerfile above copies package.json first, so code edits do not reinstall. Put rarely changing steps first.'
  const text = cut(md, 1000, 'docker cache layer')
  t.notMatch(text, /above/)
  t.match(text, /^Docker reuses a cached layer when nothing changed\. Put rarely changing steps first\.$/)
  t.match(cut('No exemplo acima, o cache é reaproveitado. O Docker refaz as camadas seguintes.', 1000, 'cache docker', pt), /^O Docker refaz as camadas seguintes\.$/)
  t.match(cut('Com CPU acima de 70 %, adicione uma tarefa.', 1000, 'cpu tarefa', pt), /acima de 70 %/, '"acima de 70 %" compares numbers and stays')
})

t.test('a long paragraph keeps the sentences that answer, whole and in order', async t => {
  const md = 'With Fargate you never see an EC2 instance. Fargate tasks use the awsvpc network mode. Fargate bills per second for the vCPU and memory requested. The EC2 launch type instead uses instances you manage, cheaper under steady load.'
  const text = cut(md, 140, 'difference fargate ec2 launch type instances manage')
  t.match(text, /The EC2 launch type instead uses instances you manage, cheaper under steady load\.$/, 'the answering sentence is kept')
  t.match(text, /^With Fargate you never see an EC2 instance\./, 'the first sentence sets the scene')
  t.ok(text.length <= 140)
})

t.test('a lone code block is no answer', async t => {
  t.equal(cut('```bash\naws ecs update-service --cluster c --service s\n```', 1000, 'ecs service'), '')
})

t.test('sentences split at sentence ends, not at decimals or abbreviations', async t => {
  t.same(sentences('It costs about US$0.40 per secret. Rotation is automatic, e.g. every 30 days. `docker history` shows layers.'), [
    'It costs about US$0.40 per secret.',
    'Rotation is automatic, e.g. every 30 days.',
    '`docker history` shows layers.'
  ])
})
