import t from 'tap'
import { questionType, readQuestion, smallTalk } from '../../src/knowledge/question.js'

t.test('students\' spellings are written out', async t => {
  t.equal(readQuestion('pq usar k8s?').text, 'por que usar kubernetes?')
  t.equal(readQuestion('oq eh um db').text, 'o que e um database')
  t.match(readQuestion('quem aplica patch no SO da ec2?').text, /sistema operacional/, '"SO" in capitals is the operating system')
  t.notMatch(readQuestion('os logs ficam onde?').text, /operating system/, '"os" is an article in Portuguese')
  t.match(readQuestion('who patches the os on ec2').text, /operating system/)
  t.match(readQuestion('como guardar a chave da api?').text, /segredo/, 'an API key is a secret')
})

t.test('the kind of answer asked for', async t => {
  t.equal(questionType('qual a diferenca entre alb e nlb'), 'difference')
  t.equal(questionType('alb vs nlb'), 'difference')
  t.equal(questionType('terraform ou cloudformation, qual usar?'), 'difference')
  t.equal(questionType('quanto custa o nat gateway'), 'cost')
  t.equal(questionType('por que usar docker'), 'why')
  t.equal(questionType('how do i push an image to ecr'), 'howto')
  t.equal(questionType('what is a vpc'), 'definition')
  t.equal(questionType('lambda max timeout'), 'other')
  t.equal(questionType('container e vm sao a mesma coisa?'), 'difference', 'asking whether two things are the same asks how they differ')
  t.equal(questionType('sqs ou sns, quando usar cada um'), 'difference')
  t.equal(questionType('when to use each, lambda or fargate'), 'difference')
  t.equal(questionType('como funciona o nat gateway'), 'definition', 'how something works is explained like a definition')
  t.equal(questionType('how does a cdn work'), 'definition')
  t.not(questionType('what happens when the cache expires'), 'definition', '"what happens" asks for a consequence')
  t.not(questionType('o que acontece quando a task recebe sigterm'), 'definition')
})

t.test('greetings and thanks, and only them', async t => {
  t.same(smallTalk('oi'), { lang: 'pt', kind: 'greeting' })
  t.same(smallTalk('Bom dia, professor!'), { lang: 'pt', kind: 'greeting' })
  t.same(smallTalk('muito obrigado'), { lang: 'pt', kind: 'thanks' })
  t.same(smallTalk('Hello there'), { lang: 'en', kind: 'greeting' })
  t.same(smallTalk('thx'), { lang: 'en', kind: 'thanks' })
  t.equal(smallTalk('oi, o que é um pod?'), null)
  t.equal(smallTalk('thanks, but how do I scale it?'), null)
})
