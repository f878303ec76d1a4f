// Retrieval quality on the bundled notes, measured with questions written apart from them.
import t from 'tap'
import { readFileSync } from 'node:fs'
import { createKnowledgeBase } from '../../src/knowledge/knowledge-base.js'
import { detectLanguage } from '../../src/knowledge/language.js'
import { MIN_STRENGTH } from '../../src/knowledge/knowledge-provider.js'

interface Question { lang: 'pt' | 'en', slug: string, question: string }
interface OffTopic { lang: 'pt' | 'en', question: string }

const questions = JSON.parse(readFileSync(new URL('./retrieval-questions.json', import.meta.url), 'utf8')) as Question[]
const offTopic = JSON.parse(readFileSync(new URL('./off-topic-questions.json', import.meta.url), 'utf8')) as OffTopic[]
const base = createKnowledgeBase()

t.test('the bundled notes load, both languages, every topic in each', async t => {
  const { stats } = base
  t.comment(`index: ${stats.notes} notes, ${stats.passages} passages; files read in ${stats.loadMs.toFixed(1)} ms, index built in ${stats.buildMs.toFixed(1)} ms`)
  t.same(stats.languages.sort(), ['en', 'pt'])
  const topics = (lang: string): string[] => base.index.notes.filter(n => n.lang === lang).map(n => n.topic).sort()
  t.ok(topics('en').length >= 40, 'at least 40 topics')
  t.same(topics('pt'), topics('en'), 'each topic in both languages')
  const slugs = new Set(questions.map(q => q.slug))
  for (const slug of slugs) t.ok(topics('en').includes(slug), `a note exists for ${slug}`)
})

t.test('the question set is balanced and large enough', async t => {
  t.ok(questions.length >= 48)
  t.equal(questions.filter(q => q.lang === 'pt').length, questions.filter(q => q.lang === 'en').length)
})

t.test('the right note is in the top 3 for at least 90% of the questions', async t => {
  const rank: Record<'pt' | 'en', { n: number, top1: number, top3: number }> = {
    pt: { n: 0, top1: 0, top3: 0 },
    en: { n: 0, top1: 0, top3: 0 }
  }
  const misses: string[] = []
  for (const q of questions) {
    const hits = base.search(q.question, { lang: detectLanguage(q.question), limit: 3, perNote: 1 })
    const at = hits.findIndex(h => h.topic === q.slug)
    const r = rank[q.lang]
    r.n++
    if (at === 0) r.top1++
    if (at >= 0) r.top3++
    else misses.push(`${q.question} → ${hits.map(h => h.topic).join(', ')} (expected ${q.slug})`)
  }
  const n = rank.pt.n + rank.en.n
  const top1 = (rank.pt.top1 + rank.en.top1) / n
  const top3 = (rank.pt.top3 + rank.en.top3) / n
  t.comment(`top-1 ${(100 * top1).toFixed(1)}%, top-3 ${(100 * top3).toFixed(1)}% on ${n} questions ` +
    `(pt top-3 ${rank.pt.top3}/${rank.pt.n}, en top-3 ${rank.en.top3}/${rank.en.n})`)
  for (const miss of misses) t.comment(`miss: ${miss}`)
  t.ok(top3 >= 0.9, `top-3 hit rate ${(100 * top3).toFixed(1)}% ≥ 90%`)
  t.ok(rank.pt.top3 / rank.pt.n >= 0.85, 'Portuguese questions are not carried by the English ones')
  t.ok(rank.en.top3 / rank.en.n >= 0.85, 'English questions are not carried by the Portuguese ones')
})

t.test('the coverage threshold separates course questions from unrelated ones', async t => {
  const strength = (question: string): number =>
    base.search(question, { lang: detectLanguage(question), limit: 1 })[0]?.strength ?? 0
  const onTopic = questions.map(q => strength(q.question))
  const unrelated = offTopic.map(q => strength(q.question))
  t.comment(`strength: weakest course question ${Math.min(...onTopic).toFixed(2)}, strongest unrelated ${Math.max(...unrelated).toFixed(2)}, threshold ${MIN_STRENGTH}`)
  t.equal(onTopic.filter(s => s < MIN_STRENGTH).length, 0, 'every course question is covered')
  t.same(offTopic.filter((_, i) => unrelated[i] >= MIN_STRENGTH).map(q => q.question), [], 'no unrelated question is covered')
})

t.test('every question is detected in its own language', async t => {
  const wrong = [...questions, ...offTopic].filter(q => detectLanguage(q.question) !== q.lang).map(q => q.question)
  t.same(wrong, [])
})
