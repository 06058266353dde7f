import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { formatIssue } from '../src/domain/index.ts'
import { readDatasetDir } from '../src/importers/index.ts'
import { findFilmView, loadDatasets, searchCatalog } from '../src/services/index.ts'
import { sql } from 'kysely'
import { countRows, listRevisions, migrateToLatest, type Storage } from '../src/storage/index.ts'
import { createApp } from '../src/web/index.ts'
import { createTestStorage, DIALECTS, type TestStorage } from './support/databases.ts'
import { BUNDLED_DATASET, copyDataset } from './support/datasets.ts'
import { editLine, fileReport, imdbDir, importDir, IMDB_SAMPLES } from './support/imdb.ts'

const HEAD100 = {
  'name.basics': 'othonasgkavardinas-head100/name.basics.tsv',
  'title.basics': 'othonasgkavardinas-head100/title.basics.tsv',
  'title.episode': 'othonasgkavardinas-head100/title.episode.tsv',
  'title.akas': 'othonasgkavardinas-head100/title.akas.tsv',
  'title.crew': 'othonasgkavardinas-head100/title.crew.tsv',
  'title.principals': 'othonasgkavardinas-head100/title.principals.tsv',
  'title.ratings': 'othonasgkavardinas-head100/title.ratings.tsv',
} as const
const FAMOUS40 = {
  'title.basics': 'ilyachenko-famous40/title.basics.tsv',
  'title.akas': 'ilyachenko-famous40/title.akas.tsv',
  'title.ratings': 'ilyachenko-famous40/title.ratings.tsv',
} as const
const silent = { error: () => {} }

/** The database's indexes and their definitions. */
async function listIndexes(storage: Storage): Promise<string[]> {
  const query =
    storage.dialect === 'sqlite'
      ? sql<{ definition: string }>`
          select sql as definition from sqlite_master where type = 'index' and sql is not null order by name`
      : sql<{ definition: string }>`
          select indexdef as definition from pg_indexes where schemaname = current_schema() order by indexname`
  return (await query.execute(storage.db)).rows.map((row) => row.definition)
}

/**
 * Data lines of a sample file whose first column is not among the titles of title.basics (less the
 * original titles of title.akas, which are title.basics' own).
 */
function danglingLines(sample: string, basics: string): number[] {
  const titles = new Set(
    readFileSync(join(IMDB_SAMPLES, basics), 'utf8')
      .split('\n')
      .slice(1)
      .map((line) => line.split('\t')[0]),
  )
  return readFileSync(join(IMDB_SAMPLES, sample), 'utf8')
    .split('\n')
    .flatMap((line, i) => {
      const fields = line.split('\t')
      const original = sample.endsWith('akas.tsv') && fields[7] === '1'
      return i > 0 && line !== '' && !original && !titles.has(fields[0]) ? [i + 1] : []
    })
}

for (const dialect of DIALECTS) {
  describe(`IMDb import on ${dialect}`, () => {
    let storage: TestStorage
    beforeEach(async () => {
      storage = await createTestStorage(dialect)
    })
    afterEach(() => storage.destroy())

    it('imports all seven sample files: people, films, titles, credits and ratings from "IMDb datasets"', async () => {
      const dir = imdbDir(HEAD100)
      const report = await importDir(storage, dir)
      for (const file of report.files) {
        expect(file.status, file.name).toBe('imported')
        expect(file.read, file.name).toBe(99)
        expect(file.rejected, file.name).toBe(0)
        expect(file.imported + file.skipped, file.name).toBe(99)
      }
      expect(fileReport(report, 'name.basics').imported).toBe(99)
      // 98 shorts and a movie, none adult.
      expect(fileReport(report, 'title.basics').imported).toBe(99)
      expect(fileReport(report, 'title.ratings').imported).toBe(99)
      // The first episodes of the file belong to series far beyond the first 99 titles.
      const episodes = fileReport(report, 'title.episode')
      expect(episodes.skipped).toBe(99)
      expect(formatIssue(episodes.issues[0]!)).toBe(
        `${join(dir, 'title.episode.tsv')}:2: tt0041951 is not an imported title`,
      )
      // Principals name people beyond the first 99 of name.basics.
      const principals = fileReport(report, 'title.principals')
      expect(principals.skipped).toBeGreaterThan(0)
      expect(principals.issues.map(formatIssue)).toContainEqual(
        expect.stringMatching(/:\d+: nm\d+ is not an imported person$/),
      )

      const carmencita = (await findFilmView(storage, 'tt0000001-carmencita-1894'))!
      expect(carmencita.film).toMatchObject({
        kind: 'short',
        year: 1894,
        title: 'Carmencita',
        ids: { imdb: 'tt0000001' },
      })
      expect(carmencita.story).toBeNull()
      // Its director, William K.L. Dickson, is beyond the first 99 people of name.basics.
      expect(carmencita.credits).toEqual([])
      expect(principals.issues.map(formatIssue)).toContain(
        `${join(dir, 'title.principals.tsv')}:3: nm0005690 is not an imported person`,
      )
      const rating = carmencita.facts.find((f) => f.property === 'rating')!
      expect(rating.value).toMatchObject({ scale: 10, votes: expect.any(Number) })
      expect(rating.qualifiers).toEqual({ by: 'IMDb', as_of: '2026-11-20' })
      expect(rating.claims[0]!.source).toMatchObject({
        slug: 'imdb-datasets-2026-11-20',
        title: 'IMDb datasets (2026-11-20)',
      })
      expect(carmencita.sources.map((s) => s.slug)).toContain('imdb-datasets-2026-11-20')
    })

    it('imports the same on one session connection (COPY on PostgreSQL), in small batches, as through the pool', async () => {
      const session = await createTestStorage(dialect, { session: true })
      try {
        expect(session.copyFrom !== undefined).toBe(dialect === 'postgres')
        const dir = imdbDir(HEAD100)
        // 25 batches a file: PostgreSQL re-analyzes the tables before batches 1, 2, 4, 8 and 16.
        const viaSession = await importDir(session, dir, { batchLines: 4 })
        const viaPool = await importDir(storage, dir)
        const counts = (r: typeof viaPool) => r.files.map(({ seconds: _s, ...rest }) => rest)
        expect(counts(viaSession)).toEqual(counts(viaPool))
        expect(await countRows(session.db)).toEqual(await countRows(storage.db))
      } finally {
        await session.destroy()
      }
    })

    it('keeps what it imported when the search pass cannot read, and indexes it on the next run', async () => {
      const dir = imdbDir(HEAD100)
      // The worker thread that builds search documents opens its own connection: here, one that fails.
      const unreachable = {
        ...storage,
        options:
          dialect === 'sqlite'
            ? { databaseFile: '/dev/null/retold.db' }
            : { databaseUrl: 'postgres://retold:x@127.0.0.1:1/retold', databaseFile: '' },
      }
      await expect(importDir(unreachable, dir)).rejects.toThrow(
        /^the search index pass stopped: .+\. What was imported is stored; run the same command again/,
      )
      const stored = await countRows(storage.db)
      expect(stored.films).toBe(99)
      const again = await importDir(storage, dir)
      expect(again.files.every((f) => f.status === 'done before')).toBe(true)
      // 98 shorts and a movie, and 99 people, were waiting for their documents.
      expect(again.indexed).toEqual({ films: 99, people: 99 })
      expect(await countRows(storage.db)).toEqual(stored)
      const found = await searchCatalog(storage, 'Miss Jerry', 5)
      expect(found.results[0]).toMatchObject({ slug: 'tt0000009-miss-jerry-1894' })
    })

    it('counts ratings and alternate titles of titles absent from title.basics as skipped, with file:line', async () => {
      const dir = imdbDir({
        'title.basics': 'artemchapaev-sample/title.basics.tsv',
        'title.akas': 'artemchapaev-sample/title.akas.tsv',
        'title.ratings': 'artemchapaev-sample/title.ratings.tsv',
      })
      const report = await importDir(storage, dir)
      const ratings = fileReport(report, 'title.ratings')
      const dangling = danglingLines(
        'artemchapaev-sample/title.ratings.tsv',
        'artemchapaev-sample/title.basics.tsv',
      )
      expect(dangling.length).toBeGreaterThan(0)
      expect(ratings.skipped).toBe(dangling.length)
      expect(ratings.issues.map((i) => i.line)).toEqual(dangling)
      expect(ratings.imported).toBe(ratings.read - dangling.length)
      const akas = fileReport(report, 'title.akas')
      const danglingAkas = danglingLines(
        'artemchapaev-sample/title.akas.tsv',
        'artemchapaev-sample/title.basics.tsv',
      )
      expect(akas.issues.map((i) => i.line)).toEqual(danglingAkas.slice(0, 20))
      expect(akas.rejected).toBe(0)
      expect(report.files.filter((f) => f.status === 'missing').map((f) => f.name)).toEqual([
        'name.basics',
        'title.episode',
        'title.principals',
        'title.crew',
      ])
    })

    it('keeps alternate titles in every script and finds the film by them', async () => {
      await importDir(storage, imdbDir(FAMOUS40))
      const film = (await findFilmView(storage, 'tt1675434-the-intouchables-2011'))!
      const titles = film.film.titles.map((t) => t.text)
      expect(titles).toEqual(
        expect.arrayContaining([
          'Intouchables',
          'Ziemlich beste Freunde',
          '触不可及',
          'Недоторканні',
          'Οι άθικτοι',
        ]),
      )
      const german = film.film.titles.find((t) => t.text === 'Ziemlich beste Freunde')!
      expect(german).toMatchObject({ region: 'DE', kind: 'official' })
      for (const query of ['ziemlich beste freunde', '触不可及', 'the intouchables 2011']) {
        const { results } = await searchCatalog(storage, query, 5)
        expect(results[0]?.slug, query).toBe('tt1675434-the-intouchables-2011')
      }
    })

    it('serves the page of an imported film that belongs to no story, with its sources', async () => {
      await importDir(storage, imdbDir(FAMOUS40))
      const app = createApp({ storage, publicUrl: 'http://retold.test', logger: silent })
      const response = await app.request('/films/tt1675434-the-intouchables-2011')
      expect(response.status).toBe(200)
      const html = await response.text()
      expect(html).toContain('Ziemlich beste Freunde')
      expect(html).toContain('IMDb datasets (2026-11-20)')
    })

    it('reports malformed lines as file:line and imports the rest', async () => {
      const dir = imdbDir({ 'title.basics': 'ilyachenko-famous40/title.basics.tsv' })
      const path = join(dir, 'title.basics.tsv')
      const lines = readFileSync(path, 'utf8').split('\n')
      lines.splice(3, 0, 'tt9000001\tmovie\tToo few fields')
      lines.splice(5, 0, 'tt9000002\tmovie\tBad Year\t\\N\t0\t19x5\t\\N\t90\tDrama')
      lines.splice(7, 0, 'tt9000003\tmovie\tNul\u0000Title\t\\N\t0\t1990\t\\N\t90\tDrama')
      lines.splice(9, 0, 'tt0068646\tmovie\tThe Godfather again\t\\N\t0\t1972\t\\N\t175\tDrama')
      writeFileSync(
        path,
        Buffer.concat([Buffer.from(lines.join('\n')), Buffer.from([0x74, 0x74, 0xff, 0x0a])]),
      )
      const report = await importDir(storage, dir)
      const basics = fileReport(report, 'title.basics')
      expect(basics.issues.map(formatIssue)).toEqual([
        `${path}:4: expected 9 fields, found 3`,
        `${path}:6: startYear "19x5" is not a year`,
        `${path}:8: contains a NUL character`,
        `${path}:10: repeats tt0068646 of line 2`,
        `${path}:${lines.length}: invalid UTF-8 in field 1 (tconst)`,
      ])
      expect(basics).toMatchObject({ rejected: 5, imported: 40 })
      expect((await countRows(storage.db)).films).toBe(40)
    })

    it('leaves out of a first load the indexes it never reads, and builds them as the migrations do', async () => {
      const migrated = await listIndexes(storage)
      const during: Array<Promise<string[]>> = []
      await importDir(storage, imdbDir(HEAD100), {
        onProgress: (progress) => {
          if (progress.name === 'title.principals') during.push(listIndexes(storage))
        },
      })
      const loading = await during[0]!
      expect(migrated.filter((index) => !loading.includes(index))).toEqual([
        expect.stringContaining('credit_film_id'),
        expect.stringContaining('credit_person_id'),
        expect.stringContaining('film_parent_film_id'),
        expect.stringContaining('title_film_id'),
      ])
      expect(await listIndexes(storage)).toEqual(migrated)
      // A load stopped before the end: the next command builds them.
      await sql`drop index credit_person_id`.execute(storage.db)
      await migrateToLatest(storage)
      expect(await listIndexes(storage)).toEqual(migrated)
    })

    it.runIf(dialect === 'sqlite')(
      'writes the files without checking foreign keys row by row, and every row refers to stored rows',
      async () => {
        const checking = async () =>
          (await sql<{ foreign_keys: number }>`pragma foreign_keys`.execute(storage.db)).rows[0]!.foreign_keys
        const during = new Map<string, Promise<number>>()
        const report = await importDir(storage, imdbDir(HEAD100), {
          onProgress: (progress) => {
            if (!during.has(progress.name)) during.set(progress.name, checking())
          },
        })
        expect(
          Object.fromEntries(await Promise.all([...during].map(async ([name, on]) => [name, await on]))),
        ).toEqual({
          'name.basics': 0,
          'title.basics': 0,
          'title.episode': 0,
          'title.akas': 0,
          'title.crew': 0,
          'title.principals': 0,
          'title.ratings': 0,
          indexes: 1,
          'search index': 1,
        })
        expect(await checking()).toBe(1)
        // Principals name people beyond the first 99: those lines are skipped, not written dangling.
        expect(fileReport(report, 'title.principals').skipped).toBeGreaterThan(0)
        expect((await sql`pragma foreign_key_check`.execute(storage.db)).rows).toEqual([])
      },
    )

    it('gives an episode no search document of its own: it is found through its series', async () => {
      const dir = imdbDir(HEAD100)
      // Miss Jerry (tt0000009) as an episode of Carmencita (tt0000001).
      editLine(join(dir, 'title.basics.tsv'), 10, (line) => line.replace('\tmovie\t', '\ttvEpisode\t'))
      editLine(join(dir, 'title.episode.tsv'), 2, () => 'tt0000009\ttt0000001\t1\t2')
      const report = await importDir(storage, dir)
      expect(report.indexed).toEqual({ films: 98, people: 99 })
      const documents = await storage.db.selectFrom('search_document').select('slug').execute()
      expect(documents.map((d) => d.slug)).toContain('tt0000001-carmencita-1894')
      expect(documents.map((d) => d.slug)).not.toContain('tt0000009-miss-jerry-1894')
    })

    it('skips the episodes, alternate titles and ratings of a film deleted after the import started', async () => {
      const dir = imdbDir(HEAD100)
      // Miss Jerry (tt0000009) as an episode of Carmencita (tt0000001), which another command deletes
      // once title.basics is read: the import's map of ids still has it.
      editLine(join(dir, 'title.episode.tsv'), 2, () => 'tt0000009\ttt0000001\t1\t2')
      let deleted: Promise<unknown> | undefined
      const report = await importDir(storage, dir, {
        onProgress: (progress) => {
          if (progress.name === 'title.basics' && progress.finished)
            deleted ??= storage.db.deleteFrom('film').where('imdb_id', '=', 'tt0000001').execute()
        },
      })
      await deleted
      expect(fileReport(report, 'title.episode').issues.map(formatIssue)).toContain(
        `${join(dir, 'title.episode.tsv')}:2: its series tt0000001 is not an imported title`,
      )
      const jerry = await storage.db
        .selectFrom('film')
        .select(['parent_film_id', 'season'])
        .where('imdb_id', '=', 'tt0000009')
        .executeTakeFirstOrThrow()
      expect(jerry).toEqual({ parent_film_id: null, season: null })
      for (const file of ['title.akas', 'title.ratings'] as const)
        expect(fileReport(report, file).issues.map(formatIssue), file).toContainEqual(
          expect.stringMatching(/:\d+: tt0000001 is not an imported title$/),
        )
      expect((await countRows(storage.db)).films).toBe(98)
      const ratings = await storage.db
        .selectFrom('claim')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('property', '=', 'rating')
        .executeTakeFirstOrThrow()
      expect(Number(ratings.n)).toBe(98)
    })

    it('changes nothing when the same files are imported again', async () => {
      const dir = imdbDir(HEAD100)
      await importDir(storage, dir)
      const before = await countRows(storage.db)
      const again = await importDir(storage, dir)
      expect(again.files.every((f) => f.status === 'done before')).toBe(true)
      const forced = await importDir(storage, dir, { force: true })
      for (const file of forced.files) {
        expect(file.imported + file.updated, file.name).toBe(0)
        expect(file.unchanged + file.skipped, file.name).toBe(99)
      }
      expect(forced.indexed).toEqual({ films: 0, people: 0 })
      expect(await countRows(storage.db)).toEqual(before)
    })

    it('completes a credit title.crew made and updates a character that changed in a newer dump', async () => {
      const dir = imdbDir(HEAD100)
      const principals = join(dir, 'title.principals.tsv')
      // Miss Jerry (tt0000009): Fred Astaire plays in it; Lauren Bacall directs it, says crew twice (and
      // a newer dump's principals, below).
      editLine(join(dir, 'title.crew.tsv'), 10, () => 'tt0000009\tnm0000002,nm0000002\t\\N')
      editLine(principals, 26, () => 'tt0000009\t1\tnm0000001\tactor\t\\N\t["Mr. X"]')
      // A category Retold has no role for, even one named like an object's property, is skipped.
      editLine(principals, 27, () => 'tt0000009\t2\tnm0000003\tconstructor\t\\N\t\\N')
      // Fred Astaire again, as himself: one cast credit, with the first billing.
      editLine(principals, 28, () => 'tt0000009\t3\tnm0000001\tself\t\\N\t["Himself"]')
      const first = await importDir(storage, dir)
      expect(fileReport(first, 'title.principals')).toMatchObject({ imported: 1, updated: 0 })
      expect(fileReport(first, 'title.crew')).toMatchObject({ imported: 1 })
      const credits = async () =>
        (await findFilmView(storage, 'tt0000009-miss-jerry-1894'))!.credits.map((c) => ({
          person: c.person.slug,
          role: c.role,
          billing: c.billing,
          characterName: c.characterName,
        }))
      expect(await credits()).toEqual([
        { person: 'nm0000001-fred-astaire', role: 'cast', billing: 1, characterName: 'Mr. X' },
        { person: 'nm0000002-lauren-bacall', role: 'director', billing: 100, characterName: null },
      ])
      const before = await countRows(storage.db)

      // The newer dump: Lauren Bacall among the principals (completing crew's credit, no revision),
      // and another character.
      editLine(principals, 29, () => 'tt0000009\t4\tnm0000002\tdirector\t\\N\t\\N')
      editLine(principals, 26, (line) => line.replace('Mr. X', 'Mr. Y'))
      const second = await importDir(storage, dir)
      expect(fileReport(second, 'title.principals')).toMatchObject({ imported: 1, updated: 1 })
      expect(await countRows(storage.db)).toEqual({ ...before, revisions: before.revisions + 1 })
      const [revision] = await listRevisions(storage.db, { limit: 1 })
      expect(revision).toMatchObject({
        entityKey: 'tt0000009-miss-jerry-1894/cast/nm0000001',
        before: { character_name: 'Mr. X' },
        after: { character_name: 'Mr. Y' },
      })
      expect(await credits()).toEqual([
        { person: 'nm0000001-fred-astaire', role: 'cast', billing: 1, characterName: 'Mr. Y' },
        { person: 'nm0000002-lauren-bacall', role: 'director', billing: 4, characterName: null },
      ])
      // Crew, read again, finds its credit stored.
      const forced = await importDir(storage, dir, { force: true })
      expect(fileReport(forced, 'title.crew')).toMatchObject({ imported: 0, updated: 0 })
      expect(await countRows(storage.db)).toEqual({ ...before, revisions: before.revisions + 1 })
    })

    it('updates exactly the rating and the title that changed in a newer dump, with revisions', async () => {
      const dir = imdbDir(FAMOUS40)
      await importDir(storage, dir)
      const before = await countRows(storage.db)
      editLine(join(dir, 'title.ratings.tsv'), 2, (line) => line.replace(/\t[\d.]+\t/, '\t7.1\t'))
      const akas = join(dir, 'title.akas.tsv')
      const akaLine =
        readFileSync(akas, 'utf8')
          .split('\n')
          .findIndex((l) => l.includes('Ziemlich beste Freunde')) + 1
      editLine(akas, akaLine, (line) => line.replace('Ziemlich beste Freunde', 'Ziemlich gute Freunde'))
      const report = await importDir(storage, dir)
      expect(fileReport(report, 'title.basics').status).toBe('done before')
      expect(fileReport(report, 'title.ratings')).toMatchObject({ imported: 0, updated: 1 })
      expect(fileReport(report, 'title.akas')).toMatchObject({ imported: 0, updated: 1 })
      expect(await countRows(storage.db)).toEqual({ ...before, revisions: before.revisions + 2 })
      const revisions = await listRevisions(storage.db, { limit: 2 })
      expect(revisions.map((r) => r.entityKey).sort()).toEqual([
        expect.stringMatching(/^tt0068646-the-godfather-1972\/rating$/),
        expect.stringMatching(/^tt1675434-the-intouchables-2011\/\d+$/),
      ])
      const film = (await findFilmView(storage, 'tt1675434-the-intouchables-2011'))!
      expect(film.film.titles.map((t) => t.text)).toContain('Ziemlich gute Freunde')
      expect((await searchCatalog(storage, 'ziemlich gute freunde', 3)).results[0]?.slug).toBe(
        'tt1675434-the-intouchables-2011',
      )
    })

    it('drops the primary title of a film whose newer dump names it by its original title alone', async () => {
      const dir = imdbDir(FAMOUS40)
      const primaryTitles = async () =>
        (
          await storage.db
            .selectFrom('title')
            .innerJoin('film', 'film.id', 'title.film_id')
            .select(['film.imdb_id', 'title.text'])
            .where('title.imdb_ordering', '=', -1)
            .orderBy('film.imdb_id')
            .execute()
        ).map((row) => `${row.imdb_id} ${row.text}`)
      await importDir(storage, dir)
      expect(await primaryTitles()).toEqual(['tt0211915 Amélie', 'tt1675434 The Intouchables'])
      editLine(join(dir, 'title.basics.tsv'), 28, (line) =>
        line.replace('\tAmélie\t', "\tLe fabuleux destin d'Amélie Poulain\t"),
      )
      const report = await importDir(storage, dir)
      expect(fileReport(report, 'title.basics')).toMatchObject({ imported: 0, updated: 1 })
      expect(await primaryTitles()).toEqual(['tt1675434 The Intouchables'])
    })

    it('makes one film of a curated film and its IMDb row, whichever comes first', async () => {
      const curated = readDatasetDir(copyDataset(BUNDLED_DATASET)).datasets.filter((d) =>
        d.file.endsWith('the-intouchables.yaml'),
      )
      const slug = curated[0]!.films.find((f) => f.ids.imdb === 'tt1675434')!.slug
      // IMDb first: the curated load takes the imported film over under its own slug.
      await importDir(storage, imdbDir(FAMOUS40))
      const filmsBefore = (await countRows(storage.db)).films
      await loadDatasets(storage, curated)
      const films = (await countRows(storage.db)).films
      expect(films).toBe(filmsBefore + curated[0]!.films.length - 1)
      const view = (await findFilmView(storage, slug))!
      expect(view.film.ids.imdb).toBe('tt1675434')
      expect(view.film.titles.map((t) => t.text)).toEqual(
        expect.arrayContaining(['Ziemlich beste Freunde', 'Intouchables']),
      )
      const ratings = view.facts.filter((f) => f.property === 'rating')
      expect(ratings.some((f) => f.claims.some((c) => c.source.slug === 'imdb-datasets-2026-11-20'))).toBe(
        true,
      )
      expect(await findFilmView(storage, 'tt1675434-the-intouchables-2011')).toBeUndefined()
      const { results } = await searchCatalog(storage, 'ziemlich beste freunde', 5)
      expect(results[0]?.slug).toBe(slug)
      expect(results.map((r) => r.slug)).not.toContain('tt1675434-the-intouchables-2011')
      // Then IMDb again: nothing new, the curated film stays one film with its curated columns.
      const again = await importDir(storage, imdbDir(FAMOUS40), { force: true })
      expect(fileReport(again, 'title.basics').imported).toBe(0)
      expect((await countRows(storage.db)).films).toBe(films)
    })

    it('adds IMDb titles and ratings to a curated film loaded first, keeping every source', async () => {
      const curated = readDatasetDir(BUNDLED_DATASET).datasets.filter((d) =>
        d.file.endsWith('the-intouchables.yaml'),
      )
      const slug = curated[0]!.films.find((f) => f.ids.imdb === 'tt1675434')!.slug
      await loadDatasets(storage, curated)
      const curatedView = (await findFilmView(storage, slug))!
      await importDir(storage, imdbDir(FAMOUS40))
      const view = (await findFilmView(storage, slug))!
      expect(view.film.titles.length).toBeGreaterThan(curatedView.film.titles.length)
      expect(view.film.originalTitle).toEqual(curatedView.film.originalTitle)
      expect(view.credits).toEqual(curatedView.credits)
      const sources = new Set(view.facts.flatMap((f) => f.claims.map((c) => c.source.slug)))
      for (const fact of curatedView.facts)
        for (const c of fact.claims) expect(sources).toContain(c.source.slug)
      expect(sources).toContain('imdb-datasets-2026-11-20')
      // A reload of the curated file leaves the imported titles alone.
      await loadDatasets(
        storage,
        readDatasetDir(copyDataset(BUNDLED_DATASET))
          .datasets.filter((d) => d.file.endsWith('the-intouchables.yaml'))
          .map((d) => ({ ...d, contentHash: 'changed' })),
      )
      expect((await findFilmView(storage, slug))!.film.titles.length).toBe(view.film.titles.length)
    })
  })
}
