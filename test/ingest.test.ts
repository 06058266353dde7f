import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CandidateClaim, CandidateProperty, CandidateValue } from '../src/domain/index.ts'
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

const ACCEPT_AT = new Date('2026-11-23T12:00:00Z')

for (const dialect of DIALECTS) {
  describe(`accepting candidates on ${dialect}`, () => {
    let storage: TestStorage
    const datasets = readDatasetDir(BUNDLED_DATASET).datasets
    beforeAll(async () => {
      storage = await createTestStorage(dialect)
      await loadDatasets(storage, datasets)
    })
    afterAll(() => storage.destroy())

    const film = { kind: 'film' as const, slug: TURKISH, name: '7. Koğuştaki Mucize' }
    const quote = 'A made-up sentence that names the film.'
    const proposed = (
      property: CandidateProperty,
      value: CandidateValue,
      qualifiers: Record<string, string> = {},
    ): CandidateClaim => ({
      subject: film,
      property,
      value,
      qualifiers,
      quote,
      start: 0,
      end: quote.length,
      confidence: 0.8,
    })

    it('makes every property what it says: a claim, a credit (with a new person) or a title, each with a revision and an audit entry', async () => {
      const article = readArticle(`Accepting everything\n\n${quote}`)
      const { source } = await ingestArticle(
        storage,
        article,
        () => [
          proposed('runtime_minutes', 132),
          proposed('adaptation_of', 'miracle-in-cell-no-7-2013'),
          proposed('remake_of', 'no-such-film'),
          proposed('cast', 'aras-bulut-iynemli', { character: 'father' }),
          proposed('director', 'Jane Article'),
          proposed('original_title', 'Yedinci Koğuştaki Mucize Test'),
          proposed('cast', 'nisa-sofiya-aksongur', { character: 'nobody-of-that-name' }),
        ],
        { now: ACCEPT_AT },
      )
      const queue = await listCandidates(storage, source.slug)
      const byProperty = (property: string, value?: unknown) =>
        queue.find((c) => c.property === property && (value === undefined || c.value === value))!
      const before = await countRows(storage.db)

      const runtime = await acceptCandidate(
        storage,
        EDITOR,
        byProperty('runtime_minutes').id,
        {},
        { now: ACCEPT_AT },
      )
      expect(runtime.claimId).toEqual(expect.any(Number))
      const adaptation = await acceptCandidate(
        storage,
        EDITOR,
        byProperty('adaptation_of').id,
        {},
        { now: ACCEPT_AT },
      )
      expect(adaptation.claimId).toEqual(expect.any(Number))
      const claims = await storage.db
        .selectFrom('claim')
        .selectAll()
        .where('id', 'in', [runtime.claimId!, adaptation.claimId!])
        .orderBy('id')
        .execute()
      expect(claims.map((c) => [c.property, JSON.parse(c.value), c.source_id, c.quote])).toEqual([
        ['runtime_minutes', 132, source.id, quote],
        ['adaptation_of', 'miracle-in-cell-no-7-2013', source.id, quote],
      ])
      // The film's curated relation is not rewired by a source's word.
      const relation = await storage.db
        .selectFrom('film')
        .select('relation')
        .where('slug', '=', TURKISH)
        .executeTakeFirstOrThrow()
      expect(relation.relation).toBe('remake')
      await expect(acceptCandidate(storage, EDITOR, byProperty('remake_of').id)).rejects.toMatchObject({
        code: 'Invalid',
      })

      // Already credited: the credit is kept as it is, the candidate is still accepted.
      expect(
        (
          await acceptCandidate(
            storage,
            EDITOR,
            byProperty('cast', 'aras-bulut-iynemli').id,
            {},
            { now: ACCEPT_AT },
          )
        ).status,
      ).toBe('accepted')
      await acceptCandidate(storage, EDITOR, byProperty('director').id, {}, { now: ACCEPT_AT })
      await acceptCandidate(storage, EDITOR, byProperty('original_title').id, {}, { now: ACCEPT_AT })
      await expect(
        acceptCandidate(storage, EDITOR, byProperty('cast', 'nisa-sofiya-aksongur').id),
      ).rejects.toMatchObject({ code: 'Invalid' })
      // Edited, then accepted: the character the editor gives.
      const edited = await acceptCandidate(
        storage,
        EDITOR,
        byProperty('cast', 'nisa-sofiya-aksongur').id,
        { qualifiers: { character: 'daughter' } },
        { now: ACCEPT_AT },
      )
      expect(edited.qualifiers).toEqual({ character: 'daughter' })

      const person = await storage.db
        .selectFrom('person')
        .selectAll()
        .where('slug', '=', 'jane-article')
        .executeTakeFirstOrThrow()
      expect(person.name).toBe('Jane Article')
      const filmId = (
        await storage.db.selectFrom('film').select('id').where('slug', '=', TURKISH).executeTakeFirstOrThrow()
      ).id
      const credits = await storage.db
        .selectFrom('credit')
        .selectAll()
        .where('film_id', '=', filmId)
        .where('source_id', '=', source.id)
        .execute()
      expect(credits.map((c) => [c.role, c.person_id])).toEqual([['director', person.id]])
      const titles = await storage.db
        .selectFrom('title')
        .selectAll()
        .where('film_id', '=', filmId)
        .where('source_id', '=', source.id)
        .execute()
      expect(titles.map((t) => [t.text, t.kind])).toEqual([['Yedinci Koğuştaki Mucize Test', 'original']])
      const after = await countRows(storage.db)
      expect(after).toMatchObject({
        claims: before.claims + 2,
        credits: before.credits + 1,
        titles: before.titles + 1,
        people: before.people + 1,
      })

      const audit = await storage.db
        .selectFrom('audit_log')
        .selectAll()
        .where('action', '=', 'accept-candidate')
        .execute()
      expect(audit.map((a) => a.target_kind).sort()).toEqual([
        'claim',
        'claim',
        'credit',
        'credit',
        'credit',
        'title',
      ])
      const revisions = await storage.db
        .selectFrom('revision')
        .selectAll()
        .where('created_at', '=', ACCEPT_AT.toISOString())
        .execute()
      expect(revisions.map((r) => r.entity_kind).sort()).toEqual(
        [...Array(6).fill('claim_candidate'), 'claim', 'claim', 'credit', 'person', 'source', 'title'].sort(),
      )

      // Reloading the curated files keeps what editors accepted from articles.
      await loadDatasets(
        storage,
        datasets.map((d) => ({ ...d, contentHash: `${d.contentHash}-again` })),
      )
      const kept = async (table: 'credit' | 'title') =>
        (await storage.db.selectFrom(table).select('id').where('source_id', '=', source.id).execute()).length
      expect([await kept('credit'), await kept('title')]).toEqual([1, 1])
    })
  })
}
