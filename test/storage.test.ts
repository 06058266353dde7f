import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { StoryDataset } from '../src/domain/index.ts'
import { readDatasetDir } from '../src/importers/index.ts'
import { findFilmView, findStoryView, loadDatasets } from '../src/services/index.ts'
import { countRows, listRevisions } from '../src/storage/index.ts'
import { createTestStorage, DIALECTS, type TestStorage } from './support/databases.ts'
import { BUNDLED_DATASET, copyDataset } from './support/datasets.ts'

function read(dir: string): StoryDataset[] {
  const { datasets, issues } = readDatasetDir(dir)
  expect(issues).toEqual([])
  return datasets
}

for (const dialect of DIALECTS) {
  describe(`storage on ${dialect}`, () => {
    let storage: TestStorage
    let dir: string
    beforeEach(async () => {
      storage = await createTestStorage(dialect)
      dir = copyDataset()
    })
    afterEach(() => storage.destroy())

    it('loads a story file with its films, titles, credits, characters and claims', async () => {
      const [result] = await loadDatasets(storage, read(dir))
      expect(result).toMatchObject({ story: 'miracle', unchanged: false, updated: 0, deleted: 0 })
      expect(await countRows(storage.db)).toMatchObject({
        stories: 1,
        films: 2,
        sources: 3,
        titles: 4,
        credits: 5,
      })
      const view = (await findStoryView(storage, 'miracle'))!
      expect(view.origin).toBe('miracle-2013')
      expect(view.versions.map((v) => [v.slug, v.year, v.relatedFilm?.slug ?? null])).toEqual([
        ['miracle-2013', 2013, null],
        ['kogustaki-2019', 2019, 'miracle-2013'],
      ])
      const father = view.characters.find((c) => c.character.slug === 'father')!
      expect(father.roles.map((r) => `${r.name} (${r.person.name})`)).toEqual([
        'Lee Yong-gu (Ryu Seung-ryong)',
        'Memo (Aras Bulut İynemli)',
      ])
    })

    it('shows conflicting claims as a conflict on the film page, each with its source', async () => {
      await loadDatasets(storage, read(dir))
      const film = (await findFilmView(storage, 'kogustaki-2019'))!
      expect(film.film.originalTitle?.text).toBe('7. Koğuştaki Mucize')
      const trueStory = film.story!.facts.find((f) => f.property === 'based_on_true_story')!
      expect(trueStory).toMatchObject({ value: true, status: 'disputed', decidedBy: 'reliability' })
      expect(trueStory.claims[0]!.source.slug).toBe('wikipedia-en-miracle')
      expect(trueStory.conflicts[0]).toMatchObject({ value: false })
      expect(trueStory.conflicts[0]!.claims[0]!.source.slug).toBe('seed-001')
      const fate = film.facts.find((f) => f.property === 'character_fate')!
      expect(fate).toMatchObject({ spoiler: 'ending', status: 'disputed', decidedBy: null })
    })

    it('changes nothing when the same files are loaded again, even without the unchanged-file shortcut', async () => {
      await loadDatasets(storage, read(dir))
      const before = await countRows(storage.db)
      const [again] = await loadDatasets(storage, read(dir))
      expect(again!.unchanged).toBe(true)
      await storage.db.deleteFrom('dataset_file').execute()
      const [forced] = await loadDatasets(storage, read(dir))
      expect(forced).toMatchObject({ unchanged: false, created: 0, updated: 0, deleted: 0 })
      expect(await countRows(storage.db)).toEqual(before)
    })

    it('records a revision for each change a reload makes', async () => {
      await loadDatasets(storage, read(dir))
      const file = join(dir, 'stories/miracle.yaml')
      const text = readFileSync(file, 'utf8')
      writeFileSync(
        file,
        text
          .replace('runtime_minutes: 132', 'runtime_minutes: 131')
          .replace(
            '      - { role: cast, person: Nisa Sofiya Aksongur, character: daughter, as: Ova }\n',
            '',
          ),
      )
      const [result] = await loadDatasets(storage, read(dir))
      expect(result).toMatchObject({ created: 1, updated: 0, deleted: 2 })
      const claimRevisions = await listRevisions(storage.db, {
        entityKind: 'claim',
        entityKey: 'kogustaki-2019/runtime_minutes',
      })
      expect(claimRevisions.map((r) => r.action).sort()).toEqual(['create', 'create', 'delete'])
      const removed = claimRevisions.find((r) => r.action === 'delete')!
      expect(removed).toMatchObject({
        author: 'retold load',
        before: expect.objectContaining({ value: '132' }),
        after: null,
      })
      const film = (await findFilmView(storage, 'kogustaki-2019'))!
      expect(film.facts.find((f) => f.property === 'runtime_minutes')!.value).toBe(131)
      expect(film.credits.map((c) => c.person.name)).not.toContain('Nisa Sofiya Aksongur')
    })

    it('stores nothing of a file when writing it fails half-way', async () => {
      await loadDatasets(storage, read(dir))
      const before = await countRows(storage.db)
      const [dataset] = read(dir)
      const broken: StoryDataset = {
        ...dataset!,
        contentHash: 'changed',
        story: { ...dataset!.story, title: 'A new title that must not be stored' },
        // A credit for a person the file does not define fails on the database's NOT NULL constraint.
        films: dataset!.films.map((f) => ({
          ...f,
          credits: [...f.credits, { ...f.credits[0]!, person: 'nobody' }],
        })),
      }
      await expect(loadDatasets(storage, [broken])).rejects.toThrow()
      expect(await countRows(storage.db)).toEqual(before)
      expect((await findStoryView(storage, 'miracle'))!.story.title).toBe('Miracle in Cell No. 7')
    })

    it('drops a film that its file no longer lists, with its claims', async () => {
      await loadDatasets(storage, read(dir))
      const [dataset] = read(dir)
      const trimmed = { ...dataset!, contentHash: 'trimmed', films: dataset!.films.slice(0, 1) }
      const [result] = await loadDatasets(storage, [trimmed])
      expect(result!.deleted).toBeGreaterThan(0)
      expect(await findFilmView(storage, 'kogustaki-2019')).toBeUndefined()
      const orphans = await storage.db
        .selectFrom('claim')
        .select('id')
        .where('subject_kind', '=', 'film')
        .where('subject_id', 'not in', storage.db.selectFrom('film').select('id'))
        .execute()
      expect(orphans).toEqual([])
      const revisions = await listRevisions(storage.db, { entityKind: 'film', entityKey: 'kogustaki-2019' })
      expect(revisions[0]!.action).toBe('delete')
    })

    it('loads the bundled dataset twice without a change', async () => {
      const datasets = read(BUNDLED_DATASET)
      const first = await loadDatasets(storage, datasets)
      expect(first.every((r) => !r.unchanged)).toBe(true)
      const counts = await countRows(storage.db)
      expect(counts.stories).toBeGreaterThanOrEqual(13)
      await storage.db.deleteFrom('dataset_file').execute()
      const second = await loadDatasets(storage, datasets)
      expect(second.map((r) => r.created + r.updated + r.deleted)).toEqual(second.map(() => 0))
      expect(await countRows(storage.db)).toEqual(counts)
    })
  })
}
