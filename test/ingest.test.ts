import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { extractWithScope, readArticle, readDatasetDir } from '../src/importers/index.ts'
import {
  acceptCandidate,
  answerQuestions,
  findFilmView,
  ingestArticle,
  listCandidates,
  loadDatasets,
  rejectCandidate,
} from '../src/services/index.ts'
import { countRows } from '../src/storage/index.ts'
import { createTestStorage, DIALECTS, type TestStorage } from './support/databases.ts'
import { BUNDLED_DATASET } from './support/datasets.ts'

const ARTICLES = join(import.meta.dirname, 'fixtures/articles')
const EDITOR = { id: 3, role: 'editor', username: 'ada' }
const TURKISH = '7-kogustaki-mucize-2019'

for (const dialect of DIALECTS) {
  describe(`ingesting articles on ${dialect}`, () => {
    let storage: TestStorage
    beforeAll(async () => {
      storage = await createTestStorage(dialect)
      await loadDatasets(storage, readDatasetDir(BUNDLED_DATASET).datasets)
    })
    afterAll(() => storage.destroy())

    it('proposes what the Fresherslive article claims, and an accepted candidate becomes a cited claim', async () => {
      const text = readFileSync(join(ARTICLES, 'seed-001-fresherslive.txt'), 'utf8')
      // The same article rewritten by a mirror: a new text, so a new source.
      const article = readArticle(text.replace('Fresherslive', 'Fresherslive Mirror'))
      const result = await ingestArticle(storage, article, extractWithScope, {
        now: new Date('2026-11-23T10:00:00Z'),
      })
      expect(result.created).toBe(true)
      const slugs = result.candidates.map(
        (c) => `${c.subject.slug} ${c.property} ${JSON.stringify(c.value)} ${JSON.stringify(c.qualifiers)}`,
      )
      expect(slugs).toEqual(
        expect.arrayContaining([
          `${TURKISH} based_on_true_story false {}`,
          `${TURKISH} rating {"score":8.2,"scale":10} {"by":"IMDb","as_of":"2023-04-10"}`,
          `${TURKISH} rating {"score":92,"scale":100} {"by":"Rotten Tomatoes audience","as_of":"2023-04-10"}`,
          `${TURKISH} available_on "Netflix" {"region":"XWW","as_of":"2023-04-10"}`,
          `${TURKISH} cast "aras-bulut-iynemli" {"character":"father"}`,
          `${TURKISH} cast "nisa-sofiya-aksongur" {"character":"daughter"}`,
          `${TURKISH} adaptation_of "miracle-in-cell-no-7-2013" {}`,
        ]),
      )
      const trueStory = result.candidates.find((c) => c.property === 'based_on_true_story')!
      expect(article.text.slice(trueStory.start, trueStory.end)).toBe(trueStory.quote)

      const queue = await listCandidates(storage, result.source.slug)
      expect(queue.every((c) => c.status === 'proposed')).toBe(true)
      const proposed = queue.find((c) => c.property === 'based_on_true_story')!
      await expect(acceptCandidate(storage, { id: 9, role: 'reader' }, proposed.id)).rejects.toMatchObject({
        code: 'Invalid',
      })
      const accepted = await acceptCandidate(storage, EDITOR, proposed.id)
      expect(accepted).toMatchObject({ status: 'accepted', claimId: expect.any(Number), decidedBy: 'ada' })
      await expect(acceptCandidate(storage, EDITOR, proposed.id)).rejects.toMatchObject({ code: 'Conflict' })

      const view = (await findFilmView(storage, TURKISH))!
      const answer = answerQuestions(view, null).find((a) => a.question === 'true-story')!
      expect(answer.question === 'true-story' && answer.fact.value).toBe(false)
      const cited = answer.question === 'true-story' ? answer.fact.claims : []
      expect(cited).toContainEqual(
        expect.objectContaining({
          source: expect.objectContaining({ slug: result.source.slug }),
          quote: proposed.quote,
        }),
      )

      const rating = queue.find((c) => c.property === 'cast')!
      expect(await rejectCandidate(storage, EDITOR, rating.id)).toMatchObject({
        status: 'rejected',
        claimId: null,
      })
    })

    it('creates nothing new when the same text is ingested twice', async () => {
      const article = readArticle(readFileSync(join(ARTICLES, 'seed-002-goosebump.txt'), 'utf8'))
      const first = await ingestArticle(storage, article, extractWithScope)
      const before = await countRows(storage.db)
      const queue = await listCandidates(storage, first.source.slug)
      const again = await ingestArticle(storage, article, extractWithScope)
      expect(again.created).toBe(false)
      expect(again.stored).toBe(0)
      expect(again.source.slug).toBe(first.source.slug)
      expect(await countRows(storage.db)).toEqual(before)
      expect(await listCandidates(storage, first.source.slug)).toEqual(queue)
    })

    it('refuses an article without text', async () => {
      await expect(ingestArticle(storage, readArticle('   '), extractWithScope)).rejects.toMatchObject({
        code: 'Invalid',
      })
    })
  })
}
