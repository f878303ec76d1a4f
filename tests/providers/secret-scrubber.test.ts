// The one scrubber for upstream text: whole secrets, fragments in short codes, and keys split over streamed tokens.
import t from 'tap'
import { holdsSecret, registerSecrets, safeIdentifier, scrubFragments, scrubSecrets, StreamScrubber } from '../../src/providers/secret-scrubber.js'

const KEY = 'sk-scrub-test-7c4e1a9f3b2d5e80'
registerSecrets([KEY, 'short', undefined, '  '])

t.test('whole secrets are replaced in any text; short values are not secrets', async t => {
  t.equal(scrubSecrets(`key=${KEY}; again ${KEY}`), 'key=[redacted]; again [redacted]')
  t.equal(scrubSecrets('a short answer'), 'a short answer', 'values under 8 characters are not registered')
  t.equal(scrubSecrets('nothing to hide'), 'nothing to hide')
})

t.test('short upstream codes lose any 12-character run of a secret, and such codes are not shown at all', async t => {
  t.equal(scrubFragments(`Incorrect API key provided: ${KEY.slice(0, 14)}****`), 'Incorrect API key provided: [redacted]t-****', 'what is left is too short to be of use')
  t.ok(holdsSecret(KEY.slice(10, 22)))
  t.equal(safeIdentifier(KEY), undefined, 'the key as an error code')
  t.equal(safeIdentifier(`code_${KEY.slice(-12)}`), undefined, 'its tail inside a code')
  t.equal(safeIdentifier('context_length_exceeded'), 'context_length_exceeded')
  t.equal(safeIdentifier('openai/gpt-oss-20b'), 'openai/gpt-oss-20b')
  t.equal(safeIdentifier('two words'), undefined, 'prose is not a code')
  t.equal(safeIdentifier(42), undefined)
})

t.test('a key split over streamed tokens: never 12 of its characters in a row, and the rest of the text intact', async t => {
  const text = `Your key is ${KEY}, keep it safe. Containers share the host kernel.`
  for (const size of [1, 3, 7, 16, 100]) {
    const scrubber = new StreamScrubber()
    const shown: string[] = []
    for (let i = 0; i < text.length; i += size) shown.push(scrubber.push(text.slice(i, i + size)))
    const joined = shown.join('')
    t.notOk(holdsSecret(joined), `pieces of ${size}: not 12 characters of the key in a row, even put together`)
    t.match(joined, /\[redacted\]/, `pieces of ${size}: masked`)
    t.ok(joined.startsWith('Your key is '), `pieces of ${size}: the text before is intact`)
    t.ok(joined.endsWith(', keep it safe. Containers share the host kernel.') || joined.endsWith('[redacted], keep it safe. Containers share the host kernel.'.slice(-40)), `pieces of ${size}: the text after is intact`)
  }
  const whole = new StreamScrubber()
  t.equal(whole.push(text), scrubSecrets(text), 'in one piece, the same as scrubbing the whole text')
})
