import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { sql } from 'kysely'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { formatIssue } from '../src/domain/index.ts'
import { openWikidataFile } from '../src/cli/import-wikidata.ts'
import type { EntityJson } from '../src/importers/wikidata/entity-json.ts'
import {
  ACTOR,
  CITY_STREETS,
  CITY_STREETS_FILE,
  entity,
  item,
  PERSON,
  PLACE,
  REMAKE,
  SERIES,
  SHORT,
  statement,
  text,
  time,
  quantity,
} from '../src/importers/wikidata/test-entities.ts'
import { importWikidata, type ImportWikidataOptions, type WikidataFeed } from '../src/services/index.ts'
import { connect, type Storage } from '../src/storage/index.ts'
import { createTestStorage, DIALECTS, type TestStorage } from './support/databases.ts'
import { fileReport, importDir } from './support/imdb.ts'
import { killAtRandomPoints, runRetold, startRetold } from './support/kills.ts'

// The IMDb samples do not hold City Streets: a one-film IMDb folder is written for it.
function cityStreetsImdbDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'retold-imdb-'))
  writeFileSync(
    join(dir, 'title.basics.tsv'),
    'tconst\ttitleType\tprimaryTitle\toriginalTitle\tisAdult\tstartYear\tendYear\truntimeMinutes\tgenres\n' +
      'tt0021750\tmovie\tCity Streets\tCity Streets\t0\t1931\t\\N\t83\tCrime,Drama\n',
  )
  writeFileSync(join(dir, 'title.ratings.tsv'), 'tconst\taverageRating\tnumVotes\ntt0021750\t6.8\t2100\n')
  return dir
}

/** A gzipped dump: "[" alone, one entity per line, a comma after each but the last, "]". */
function writeDump(lines: Array<EntityJson | string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'retold-wikidata-'))
  const file = join(dir, 'latest-all.json.gz')
  const body = lines.map((line, i) => {
    const text = typeof line === 'string' ? line : JSON.stringify(line)
    return i < lines.length - 1 ? `${text},` : text
  })
  writeFileSync(file, gzipSync(['[', ...body, ']', ''].join('\n')))
  return file
}

const DUMP_LINES = (city: EntityJson = CITY_STREETS) => [
  city,
  REMAKE,
  PERSON,
  '{"type": "item", "id": "Q900004", "labels": {',
  SERIES,
  SHORT,
]

function withRuntime(entity: EntityJson, minutes: string): EntityJson {
  const copy = structuredClone(entity)
  const runtime = copy.claims!.P2047![0]!
  ;(runtime.mainsnak!.datavalue!.value as { amount: string }).amount = minutes
  return copy
}

async function importFile(storage: Storage, file: string, options: ImportWikidataOptions = {}) {
  return importWikidata(storage, await openWikidataFile(file), options)
}

async function filmOf(storage: Storage, where: { imdb?: string; qid?: string }) {
  let query = storage.db.selectFrom('film').selectAll()
  if (where.imdb) query = query.where('imdb_id', '=', where.imdb)
  if (where.qid) query = query.where('wikidata_id', '=', where.qid)
  return query.execute()
}

async function counts(storage: Storage) {
  const count = async (
    table:
      | 'film'
      | 'title'
      | 'claim'
      | 'source'
      | 'story'
      | 'wikidata_link'
      | 'person'
      | 'person_name'
      | 'credit'
      | 'wikidata_credit'
      | 'revision',
  ) =>
    Number(
      (
        await storage.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    )
  return {
    films: await count('film'),
    titles: await count('title'),
    claims: await count('claim'),
    sources: await count('source'),
    stories: await count('story'),
    links: await count('wikidata_link'),
    people: await count('person'),
    names: await count('person_name'),
    credits: await count('credit'),
    waiting: await count('wikidata_credit'),
    revisions: await count('revision'),
  }
}

/** The credits of the film with that QID, as a film page lists them. */
async function creditsOf(storage: Storage, qid: string) {
  return storage.db
    .selectFrom('credit')
    .innerJoin('film', 'film.id', 'credit.film_id')
    .innerJoin('person', 'person.id', 'credit.person_id')
    .select(['credit.role', 'person.name', 'person.wikidata_id', 'credit.character_name', 'credit.billing'])
    .where('film.wikidata_id', '=', qid)
    .orderBy('credit.billing')
    .execute()
}

const REMAKE_CREDITS = [
  { role: 'cast', name: 'Aras Bulut İynemli', wikidata_id: 'Q900012', character_name: 'Memo', billing: 1 },
  { role: 'director', name: 'A Director', wikidata_id: 'Q900011', character_name: null, billing: 100 },
]

// name.basics alone: the IMDb person the actor's P345 names.
function actorImdbDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'retold-imdb-'))
  writeFileSync(
    join(dir, 'name.basics.tsv'),
    'nconst\tprimaryName\tbirthYear\tdeathYear\tprimaryProfession\tknownForTitles\n' +
      'nm9900012\tAras Bulut Iynemli\t1990\t\\N\tactor\t\\N\n',
  )
  return dir
}

// The remake (P345 tt9900001) and its actor (nm9900012) in IMDb's files: billed second, as "Memo Aga".
function remakeImdbDir(): string {
  const dir = actorImdbDir()
  writeFileSync(
    join(dir, 'title.basics.tsv'),
    'tconst\ttitleType\tprimaryTitle\toriginalTitle\tisAdult\tstartYear\tendYear\truntimeMinutes\tgenres\n' +
      'tt9900001\tmovie\tCity Streets\tŞehir Sokakları\t0\t2019\t\\N\t90\tDrama\n',
  )
  writeFileSync(
    join(dir, 'title.principals.tsv'),
    'tconst\tordering\tnconst\tcategory\tjob\tcharacters\n' +
      'tt9900001\t2\tnm9900012\tactor\t\\N\t["Memo Aga"]\n',
  )
  return dir
}

async function expectOneCityStreets(storage: Storage) {
  const films = await storage.db.selectFrom('film').selectAll().execute()
  expect(films).toHaveLength(1)
  const film = films[0]!
  expect(film.imdb_id).toBe('tt0021750')
  expect(film.wikidata_id).toBe('Q2262932')
  expect(film.year).toBe(1931)
  const titles = await storage.db.selectFrom('title').selectAll().where('film_id', '=', film.id).execute()
  // IMDb's original title, and Wikidata's labels in every language.
  expect(titles.some((t) => t.imdb_ordering === 0 && t.text === 'City Streets')).toBe(true)
  expect(titles.find((t) => t.text === 'Straßen der Weltstadt')?.language).toBe('de')
  expect(titles.find((t) => t.text === '市街')?.language).toBe('ja')
  const claims = await storage.db
    .selectFrom('claim')
    .select(['property', 'value', 'origin'])
    .where('subject_id', '=', film.id)
    .execute()
  expect(claims).toContainEqual({ property: 'rating', value: expect.any(String), origin: 'imdb' })
  expect(claims).toContainEqual({ property: 'country', value: '"US"', origin: 'wikidata' })
  expect(claims).toContainEqual({ property: 'runtime_minutes', value: '82', origin: 'wikidata' })
  const search = await storage.db
    .selectFrom('search_document')
    .select('slug')
    .where('kind', '=', 'film')
    .execute()
  expect(search.map((d) => d.slug)).toEqual([film.slug])
}

for (const dialect of DIALECTS) {
  describe(`Wikidata import on ${dialect}`, () => {
    let storage: TestStorage
    beforeEach(async () => {
      storage = await createTestStorage(dialect)
    })
    afterEach(() => storage.destroy())

    it('imports City Streets from its entity JSON with titles, claims and their references', async () => {
      const report = await importFile(storage, CITY_STREETS_FILE)
      expect(report).toMatchObject({ status: 'imported', read: 1, imported: 1, rejected: 0, indexed: 1 })
      // Its director and cast are not stored people: their credits wait for them.
      expect(report.credits).toEqual({ added: 0, pending: 10 })
      const [film] = await filmOf(storage, { qid: 'Q2262932' })
      expect(film).toMatchObject({ slug: 'q2262932-city-streets-1931', imdb_id: 'tt0021750', kind: 'movie' })
      const runtime = await storage.db
        .selectFrom('claim')
        .innerJoin('source', 'source.id', 'claim.source_id')
        .select(['claim.value', 'source.slug', 'source.kind'])
        .where('claim.property', '=', 'runtime_minutes')
        .execute()
      // P2047 of City Streets cites "imported from" Q11921, a Wikipedia edition.
      expect(runtime).toEqual([{ value: '82', slug: 'wikidata-imported-from-q11921', kind: 'encyclopedia' }])
    })

    it('makes an IMDb film and its Wikidata item one film: IMDb first', async () => {
      await importDir(storage, cityStreetsImdbDir())
      const report = await importFile(storage, CITY_STREETS_FILE)
      expect(report).toMatchObject({ imported: 0, updated: 1 })
      await expectOneCityStreets(storage)
    })

    it('makes an IMDb film and its Wikidata item one film: Wikidata first', async () => {
      await importFile(storage, CITY_STREETS_FILE)
      await importDir(storage, cityStreetsImdbDir())
      await expectOneCityStreets(storage)
    })

    it('reads a gzipped dump: a remake linked to its original by P144 and a sequel by P155, in one story, a person stored, a bad line reported', async () => {
      const file = writeDump(DUMP_LINES())
      const report = await importFile(storage, file)
      expect(report).toMatchObject({ read: 6, imported: 5, skipped: 0, rejected: 1, people: 1 })
      expect(report.issues.map(formatIssue)).toEqual([
        expect.stringMatching(/^.*latest-all\.json\.gz:5: not valid JSON/),
      ])
      expect(report.links).toEqual({ resolved: 2, pending: 0, stories: 1 })
      const [original] = await filmOf(storage, { qid: 'Q2262932' })
      const [remake] = await filmOf(storage, { qid: 'Q900001' })
      expect(remake).toMatchObject({ relation: 'remake', related_film_id: original!.id })
      expect(remake!.story_id).not.toBeNull()
      expect(original!.story_id).toBe(remake!.story_id)
      // The series follows the remake (P155): its sequel, in the same story.
      const [series] = await filmOf(storage, { qid: 'Q900002' })
      expect(series).toMatchObject({ kind: 'series', relation: 'sequel', related_film_id: remake!.id })
      expect(series!.story_id).toBe(remake!.story_id)
      const story = await storage.db.selectFrom('story').selectAll().executeTakeFirstOrThrow()
      expect(story).toMatchObject({ slug: 'q2262932-city-streets-1931', origin_film_id: original!.id })
      // The deprecated country of the remake (US) is left out; its box office is money.
      const claims = await storage.db
        .selectFrom('claim')
        .select(['property', 'value', 'qualifiers'])
        .where('subject_id', '=', remake!.id)
        .orderBy('property')
        .execute()
      expect(claims.filter((c) => c.property === 'country').map((c) => c.value)).toEqual(['"TR"'])
      expect(claims.find((c) => c.property === 'box_office')).toMatchObject({
        value: JSON.stringify({ amount: 41000000, currency: 'TRY' }),
        qualifiers: JSON.stringify({ as_of: '2020' }),
      })
      const search = await storage.db.selectFrom('search_document').select(['slug', 'kind']).execute()
      expect(search.map((d) => d.slug)).toContain('q900003-streets-short')
    })

    it('rejects an entity with a NUL and one the database refuses, and imports the rest of the batch', async () => {
      const now = '2026-11-20T00:00:00.000Z'
      // A film stored by hand under the slug City Streets would get: its insert violates the unique slug.
      await storage.db
        .insertInto('film')
        .values({
          slug: 'q2262932-city-streets-1931',
          kind: 'movie',
          status: 'released',
          relation: 'original',
          created_at: now,
          updated_at: now,
        })
        .execute()
      const nul = structuredClone(SHORT)
      nul.id = 'Q900005'
      nul.labels = { en: { language: 'en', value: 'Bad\u0000Title' } }
      const file = writeDump([CITY_STREETS, REMAKE, nul])
      const report = await importFile(storage, file)
      expect(report).toMatchObject({ read: 3, imported: 1, rejected: 2 })
      expect(report.issues.map(formatIssue)).toEqual([
        expect.stringMatching(/:2: Q2262932: the database refused it \(.*\)$/),
        expect.stringMatching(/:4: Q900005: contains a NUL character$/),
      ])
      expect(await filmOf(storage, { qid: 'Q900001' })).toHaveLength(1)
      // The remake's link to City Streets waits for it.
      expect(report.links).toEqual({ resolved: 0, pending: 1, stories: 0 })
    })

    it('changes nothing when the same dump is imported again', async () => {
      const file = writeDump(DUMP_LINES())
      await importFile(storage, file)
      const before = await counts(storage)
      const again = await importFile(storage, file, { force: true })
      expect(again).toMatchObject({ imported: 0, updated: 0, unchanged: 5, indexed: 0 })
      expect(again.links).toEqual({ resolved: 0, pending: 0, stories: 0 })
      expect(await counts(storage)).toEqual(before)
      const done = await importFile(storage, file)
      expect(done.status).toBe('done before')
    })

    it('updates exactly the claim whose value a newer dump changed', async () => {
      await importFile(storage, writeDump(DUMP_LINES()))
      const claimsBefore = await storage.db.selectFrom('claim').selectAll().orderBy('id').execute()
      const report = await importFile(storage, writeDump(DUMP_LINES(withRuntime(CITY_STREETS, '+83'))))
      expect(report).toMatchObject({ imported: 0, updated: 1, unchanged: 4 })
      const claimsAfter = await storage.db.selectFrom('claim').selectAll().orderBy('id').execute()
      const changed = claimsAfter.filter((c, i) => JSON.stringify(c) !== JSON.stringify(claimsBefore[i]))
      expect(changed).toHaveLength(1)
      expect(changed[0]).toMatchObject({ property: 'runtime_minutes', value: '83' })
      expect(claimsAfter).toHaveLength(claimsBefore.length)
      const revisions = await storage.db
        .selectFrom('revision')
        .selectAll()
        .where('entity_kind', '=', 'claim')
        .execute()
      expect(revisions).toHaveLength(1)
    })

    it('gives a film read before its director and cast their credits, with the character, when the people come', async () => {
      const report = await importFile(storage, writeDump([REMAKE, PLACE, PERSON, ACTOR]), {
        batchEntities: 1,
      })
      expect(report).toMatchObject({ read: 4, imported: 3, skipped: 1, rejected: 0, people: 2 })
      expect(report.credits).toEqual({ added: 2, pending: 0 })
      expect(await creditsOf(storage, 'Q900001')).toEqual(REMAKE_CREDITS)
      const actor = await storage.db
        .selectFrom('person')
        .selectAll()
        .where('wikidata_id', '=', 'Q900012')
        .executeTakeFirstOrThrow()
      // English first; the deprecated IMDb id is left out.
      expect(actor).toMatchObject({ slug: 'q900012-aras-bulut-iynemli', imdb_id: 'nm9900012' })
      const names = await storage.db
        .selectFrom('person_name')
        .select(['name', 'language', 'script'])
        .where('person_id', '=', actor.id)
        .orderBy('id')
        .execute()
      expect(names).toEqual([
        { name: 'Aras Bulut İynemli', language: 'en', script: null },
        { name: 'Aras Bulut Iynemli', language: null, script: null },
        { name: 'Арас Булут Ийнемли', language: 'ru', script: null },
        { name: 'Aras Bulut İynemli', language: 'tr', script: null },
        { name: 'Aras Bulut', language: 'en', script: null },
        { name: 'Aras İynemli', language: 'tr', script: null },
      ])
      const search = await storage.db.selectFrom('search_document').select(['kind', 'slug']).execute()
      expect(search).toContainEqual({ kind: 'person', slug: 'q900012-aras-bulut-iynemli' })
    })

    it('gives the same credits when the people come first', async () => {
      const report = await importFile(storage, writeDump([PERSON, ACTOR, REMAKE]))
      expect(report.credits).toEqual({ added: 2, pending: 0 })
      expect(await creditsOf(storage, 'Q900001')).toEqual(REMAKE_CREDITS)
    })

    it('keeps the credits of a film waiting until a later import stores their people', async () => {
      const first = await importFile(storage, writeDump([REMAKE, PERSON]))
      expect(first.credits).toEqual({ added: 1, pending: 1 })
      expect(await creditsOf(storage, 'Q900001')).toEqual([REMAKE_CREDITS[1]])
      const second = await importFile(storage, writeDump([ACTOR]))
      expect(second).toMatchObject({ imported: 1, people: 1, credits: { added: 1, pending: 0 } })
      expect(await creditsOf(storage, 'Q900001')).toEqual(REMAKE_CREDITS)
      expect((await counts(storage)).waiting).toBe(0)
    })

    it('makes the IMDb person its P345 names and the Wikidata person one: IMDb first', async () => {
      await importDir(storage, actorImdbDir())
      const report = await importFile(storage, writeDump([REMAKE, ACTOR]))
      expect(report).toMatchObject({ imported: 1, updated: 1 })
      const people = await storage.db.selectFrom('person').selectAll().execute()
      // The person IMDb created keeps IMDb's name; Wikidata's names become its variants.
      expect(people).toEqual([
        expect.objectContaining({
          slug: 'nm9900012-aras-bulut-iynemli',
          name: 'Aras Bulut Iynemli',
          imdb_id: 'nm9900012',
          wikidata_id: 'Q900012',
        }),
      ])
      expect(await creditsOf(storage, 'Q900001')).toEqual([
        { ...REMAKE_CREDITS[0], name: 'Aras Bulut Iynemli' },
      ])
      const revisions = await storage.db
        .selectFrom('revision')
        .select(['entity_kind', 'entity_key', 'before', 'after'])
        .where('entity_kind', '=', 'person')
        .execute()
      expect(revisions).toEqual([
        {
          entity_kind: 'person',
          entity_key: 'nm9900012-aras-bulut-iynemli',
          before: JSON.stringify({ wikidata_id: null }),
          after: JSON.stringify({ wikidata_id: 'Q900012' }),
        },
      ])
    })

    it('makes the IMDb person its P345 names and the Wikidata person one: Wikidata first', async () => {
      await importFile(storage, writeDump([ACTOR]))
      await importDir(storage, actorImdbDir())
      const people = await storage.db.selectFrom('person').selectAll().execute()
      expect(people).toEqual([
        expect.objectContaining({
          slug: 'q900012-aras-bulut-iynemli',
          name: 'Aras Bulut İynemli',
          imdb_id: 'nm9900012',
          wikidata_id: 'Q900012',
        }),
      ])
    })

    it("gives a film one credit for a person both Wikidata and IMDb name, completed by IMDb's billing", async () => {
      await importFile(storage, writeDump([REMAKE, ACTOR]))
      const report = await importDir(storage, remakeImdbDir())
      expect(fileReport(report, 'title.principals')).toMatchObject({ imported: 0, updated: 1 })
      expect(await creditsOf(storage, 'Q900001')).toEqual([
        { ...REMAKE_CREDITS[0], billing: 2, character_name: 'Memo Aga' },
      ])
      const credit = await storage.db
        .selectFrom('credit')
        .innerJoin('source', 'source.id', 'credit.source_id')
        .select(['credit.imdb_ordering', 'credit.job', 'source.title'])
        .executeTakeFirstOrThrow()
      expect(credit).toEqual({ imdb_ordering: 2, job: null, title: 'IMDb datasets (2026-11-20)' })
      const revision = await storage.db
        .selectFrom('revision')
        .select(['entity_key', 'before', 'after'])
        .where('entity_kind', '=', 'credit')
        .executeTakeFirstOrThrow()
      expect(revision).toEqual({
        entity_key: 'q900001-city-streets-2019/cast/nm9900012',
        before: JSON.stringify({ billing: 1, job: null, character_name: 'Memo' }),
        after: JSON.stringify({ billing: 2, job: null, character_name: 'Memo Aga' }),
      })
      // The same files again: the credit is IMDb's, unchanged.
      const again = await importDir(storage, remakeImdbDir(), { force: true })
      expect(fileReport(again, 'title.principals')).toMatchObject({ unchanged: 1, updated: 0, imported: 0 })
      expect(await creditsOf(storage, 'Q900001')).toHaveLength(1)
    })

    it('adds no credit IMDb already gave the film when Wikidata comes second', async () => {
      await importDir(storage, remakeImdbDir())
      const report = await importFile(storage, writeDump([REMAKE, ACTOR]))
      expect(report.credits).toEqual({ added: 0, pending: 1 })
      expect(await creditsOf(storage, 'Q900001')).toEqual([
        { ...REMAKE_CREDITS[0], name: 'Aras Bulut Iynemli', billing: 2, character_name: 'Memo Aga' },
      ])
    })

    it('changes nothing when the same films and people are imported again', async () => {
      const file = writeDump([ACTOR, REMAKE, PERSON])
      await importFile(storage, file)
      const before = await counts(storage)
      const again = await importFile(storage, file, { force: true })
      expect(again).toMatchObject({ imported: 0, updated: 0, unchanged: 3, indexed: 0 })
      expect(again.credits).toEqual({ added: 0, pending: 0 })
      expect(await counts(storage)).toEqual(before)
    })

    it("follows a newer dump: the person's new label, and the credits its film no longer states", async () => {
      await importFile(storage, writeDump([REMAKE]))
      const renamed = structuredClone(PERSON)
      renamed.labels = { en: { language: 'en', value: 'The Director' } }
      const withoutCast = structuredClone(REMAKE)
      delete withoutCast.claims!.P161
      const report = await importFile(storage, writeDump([PERSON, withoutCast, renamed]))
      expect(report).toMatchObject({ imported: 1, updated: 2, credits: { added: 1, pending: 0 } })
      expect(await creditsOf(storage, 'Q900001')).toEqual([{ ...REMAKE_CREDITS[1], name: 'The Director' }])
      const revision = await storage.db
        .selectFrom('revision')
        .select(['entity_key', 'before', 'after'])
        .where('entity_kind', '=', 'person')
        .executeTakeFirstOrThrow()
      expect(revision).toEqual({
        entity_key: 'q900011-a-director',
        before: JSON.stringify({ name: 'A Director' }),
        after: JSON.stringify({ name: 'The Director' }),
      })
    })

    it('resumes from its checkpoint after a crash with the same result as a clean import', async () => {
      const file = writeDump(DUMP_LINES())
      const feed = await openWikidataFile(file)
      // The feed dies after the third entity, as a killed process would: the first batches are committed.
      const crashing: WikidataFeed = {
        ...feed,
        read: async function* (startLine) {
          let n = 0
          for await (const item of feed.read(startLine)) {
            if (++n > 3) throw new Error('killed')
            yield item
          }
        },
      }
      await expect(importWikidata(storage, crashing, { batchEntities: 1 })).rejects.toThrow(/killed/)
      const resumed = await importWikidata(storage, feed, { batchEntities: 1 })
      expect(resumed.status).toBe('resumed')

      const clean = await createTestStorage(dialect)
      try {
        const cleanReport = await importFile(clean, file)
        const pick = (r: typeof resumed) => [
          r.read,
          r.imported,
          r.updated,
          r.unchanged,
          r.skipped,
          r.rejected,
        ]
        expect(pick(resumed)).toEqual(pick(cleanReport))
        expect(resumed.issues.map(formatIssue)).toEqual(cleanReport.issues.map(formatIssue))
        expect(await counts(storage)).toEqual(await counts(clean))
      } finally {
        await clean.destroy()
      }
    })
  })
}

// `retold import wikidata` in a child process, killed with SIGKILL at random points after its first
// commit and started again each time: the end must equal a clean import, in an intact SQLite file.
describe('a Wikidata import killed at random points', () => {
  const TABLES = [
    'film',
    'title',
    'claim',
    'source',
    'story',
    'wikidata_link',
    'person',
    'person_name',
    'credit',
    'wikidata_credit',
    'revision',
    'search_document',
  ]

  function syntheticDump(films: number): string {
    const lines: Array<EntityJson | string> = []
    for (let i = 0; i < films; i++) {
      const qid = `Q${9_100_000 + i}`
      if (i % 97 === 50) lines.push('{"not": "an entity"}')
      if (i % 41 === 7)
        lines.push(entity(`Q${9_900_000 + i}`, { en: `Person ${i}` }, [statement(item('P31', 'Q5'))]))
      const references =
        i % 2 === 0 ? [[text('P854', `https://example.org/film/${i}`)]] : [[item('P248', 'Q37312')]]
      lines.push(
        entity(
          qid,
          { en: `Film ${i}`, fr: `Le film ${i}` },
          [
            statement(item('P31', i % 10 === 0 ? 'Q5398426' : 'Q11424')),
            statement(time('P577', `+${1950 + (i % 70)}-01-01T00:00:00Z`, 9), { references }),
            statement(item('P495', i % 3 === 0 ? 'Q43' : 'Q30'), { references }),
            statement(quantity('P2047', `+${80 + (i % 60)}`, 'Q7727')),
            // Every fifth film is based on one three lines before it, every seventh on one not read yet.
            ...(i % 5 === 4 ? [statement(item('P144', `Q${9_100_000 + i - 3}`))] : []),
            ...(i % 7 === 6 && i + 20 < films ? [statement(item('P144', `Q${9_100_000 + i + 20}`))] : []),
            // Directors read four lines later, cast read three lines before, and directors never read.
            ...(i % 41 === 3 ? [statement(item('P57', `Q${9_900_000 + i + 4}`))] : []),
            ...(i % 41 === 10
              ? [
                  statement(item('P161', `Q${9_900_000 + i - 3}`), {
                    qualifiers: [text('P4633', `Role ${i}`)],
                  }),
                ]
              : []),
            ...(i % 41 === 20 ? [statement(item('P57', `Q${9_800_000 + i}`))] : []),
          ],
          { en: [`Film number ${i}`] },
        ),
      )
    }
    return writeDump(lines)
  }

  async function tableCounts(file: string): Promise<Record<string, number>> {
    const storage = await connect({ databaseFile: file })
    try {
      const counts: Record<string, number> = {}
      for (const table of TABLES) {
        const { rows } = await sql<{ n: number }>`select count(*) as n from ${sql.table(table)}`.execute(
          storage.db,
        )
        counts[table] = Number(rows[0]!.n)
      }
      const checkpoint = await storage.db
        .selectFrom('import_checkpoint')
        .selectAll()
        .executeTakeFirstOrThrow()
      for (const key of [
        'read',
        'imported',
        'updated',
        'unchanged',
        'skipped',
        'rejected',
        'done',
      ] as const) {
        counts[key] = checkpoint[key]
      }
      return counts
    } finally {
      await storage.close()
    }
  }

  const importArgs = (dump: string) => ['import', 'wikidata', dump, '--batch', '100']

  it('resumes each time and ends exactly as a clean import, with an intact database', async () => {
    const dump = syntheticDump(3000)
    const dir = mkdtempSync(join(tmpdir(), 'retold-wikidata-resume-'))
    const clean = join(dir, 'clean.db')
    await runRetold(importArgs(dump), clean)
    const expected = await tableCounts(clean)
    expect(expected).toMatchObject({ film: 3000, rejected: 31, done: 1 })
    expect(expected.story).toBeGreaterThan(0)
    // 73 people, each the director of one film and in the cast of another; 74 directors never read
    // (one of the first kind: the last film's, whose line would be past the end).
    expect(expected).toMatchObject({ person: 73, credit: 146, wikidata_credit: 74 })

    const killed = join(dir, 'killed.db')
    const kills = await killAtRandomPoints(() => startRetold(importArgs(dump), killed), killed, 4)
    expect(kills).toBeGreaterThanOrEqual(3)
    const output = await runRetold(importArgs(dump), killed)
    expect(output).toMatch(/resumed|done before/)
    expect(await tableCounts(killed)).toEqual(expected)
    const storage = await connect({ databaseFile: killed })
    try {
      const { rows } = await sql<{ integrity_check: string }>`pragma integrity_check`.execute(storage.db)
      expect(rows).toEqual([{ integrity_check: 'ok' }])
    } finally {
      await storage.close()
    }
  }, 180_000)
})
