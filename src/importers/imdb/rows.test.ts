import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { formatIssue } from '../../domain/index.ts'
import {
  IMDB_TABLES,
  NAME_BASICS,
  readImdbTable,
  TITLE_AKAS,
  TITLE_BASICS,
  TITLE_CREW,
  TITLE_EPISODE,
  TITLE_PRINCIPALS,
  TITLE_RATINGS,
  type ImdbItem,
  type ImdbTable,
} from './rows.ts'

const FIXTURES = join(import.meta.dirname, '../../../test/fixtures/imdb')
const DIR = mkdtempSync(join(tmpdir(), 'retold-imdb-rows-'))
afterAll(() => rmSync(DIR, { recursive: true, force: true }))

async function readAll<T>(path: string, table: ImdbTable<T>) {
  const items: ImdbItem<T>[] = []
  for await (const chunk of readImdbTable(path, table, { file: 'x.tsv' })) items.push(...chunk)
  return {
    records: items.flatMap((i) => (i.kind === 'record' ? [i.record] : [])),
    problems: items.flatMap((i) => (i.kind === 'rejected' ? [formatIssue(i)] : [])),
  }
}

const fixture = <T>(folder: string, file: string, table: ImdbTable<T>) =>
  readAll(join(FIXTURES, folder, file), table)

function writeTable(table: ImdbTable<unknown>, lines: string[]): string {
  const path = join(DIR, `${table.name}-${lines.length}.tsv`)
  writeFileSync(path, [table.columns.join('\t'), ...lines].map((l) => l + '\n').join(''))
  return path
}

describe('the real IMDb samples', () => {
  // Data rows are the line counts of test/fixtures/imdb (../shared/data/README.md) minus the header.
  const SAMPLES: Array<[folder: string, file: string, rows: number]> = [
    ['othonasgkavardinas-head100', 'title.basics.tsv', 99],
    ['othonasgkavardinas-head100', 'title.akas.tsv', 99],
    ['othonasgkavardinas-head100', 'title.crew.tsv', 99],
    ['othonasgkavardinas-head100', 'title.episode.tsv', 99],
    ['othonasgkavardinas-head100', 'title.principals.tsv', 99],
    ['othonasgkavardinas-head100', 'title.ratings.tsv', 99],
    ['othonasgkavardinas-head100', 'name.basics.tsv', 99],
    ['michalwozniczka-2017-movies', 'title.basics.tsv', 18199],
    ['michalwozniczka-2017-movies', 'title.akas.tsv', 32852],
    ['michalwozniczka-2017-movies', 'title.ratings.tsv', 7821],
    ['ilyachenko-famous40', 'title.basics.tsv', 40],
    ['ilyachenko-famous40', 'title.basics.head11000.tsv', 11000],
    ['ilyachenko-famous40', 'title.akas.tsv', 2570],
    ['ilyachenko-famous40', 'title.ratings.tsv', 40],
    ['artemchapaev-sample', 'title.basics.tsv', 15],
    ['artemchapaev-sample', 'title.akas.tsv', 103],
    ['artemchapaev-sample', 'title.ratings.tsv', 18],
  ]
  for (const [folder, file, count] of SAMPLES) {
    it(`reads all ${count} rows of ${folder}/${file}`, async () => {
      const table = IMDB_TABLES.find((t) => file.startsWith(t.name + '.'))! as ImdbTable<{ line: number }>
      const { records, problems } = await fixture(folder, file, table)
      expect(problems).toEqual([])
      expect(records).toHaveLength(count)
      expect(records.at(-1)!.line).toBe(count + 1)
    })
  }

  it('keeps titles in Cyrillic, Greek, Japanese and Chinese intact', async () => {
    const head = await fixture('othonasgkavardinas-head100', 'title.akas.tsv', TITLE_AKAS)
    expect(
      head.records.filter((a) => a.titleId === 'tt0000001').map((a) => [a.region, a.title]),
    ).toContainEqual(['GR', 'Καρμενσίτα'])
    expect(head.records).toContainEqual(
      expect.objectContaining({ titleId: 'tt0000001', title: 'Карменсита' }),
    )
    const famous = await fixture('ilyachenko-famous40', 'title.akas.tsv', TITLE_AKAS)
    const godfather = new Map(
      famous.records.filter((a) => a.titleId === 'tt0068646').map((a) => [a.ordering, a]),
    )
    expect(godfather.get(11)).toMatchObject({ title: 'ゴッドファーザー', region: 'JP', language: 'ja' })
    expect(godfather.get(17)).toMatchObject({ title: 'Крёстный отец', region: 'RU', language: null })
    expect(godfather.get(22)).toMatchObject({ title: '教父', region: 'CN', language: 'cmn' })
    expect(godfather.get(28)).toMatchObject({
      title: 'The Godfather',
      types: ['original'],
      isOriginalTitle: true,
    })
    const recent = await fixture('michalwozniczka-2017-movies', 'title.akas.tsv', TITLE_AKAS)
    expect(recent.records).toContainEqual(
      expect.objectContaining({
        titleId: 'tt1219827',
        ordering: 13,
        title: 'Το φάντασμα στο κέλυφος',
        region: 'GR',
      }),
    )
  })

  it('splits several aka types on U+0002 and keeps the Turkish Ş', async () => {
    const { records } = await fixture('ilyachenko-famous40', 'title.akas.tsv', TITLE_AKAS)
    expect(records.find((a) => a.titleId === 'tt0084787' && a.ordering === 3)).toMatchObject({
      title: 'Şey',
      region: 'TR',
      language: 'tr',
      types: ['dvd', 'imdbDisplay'],
      attributes: [],
      isOriginalTitle: false,
    })
  })

  it('keeps the \\N that real rows have in originalTitle and isOriginalTitle as null', async () => {
    const basics = await fixture('michalwozniczka-2017-movies', 'title.basics.tsv', TITLE_BASICS)
    expect(basics.records.find((t) => t.tconst === 'tt3616658')).toMatchObject({
      primaryTitle: 'The Hangman',
      originalTitle: null,
    })
    const akas = await fixture('michalwozniczka-2017-movies', 'title.akas.tsv', TITLE_AKAS)
    expect(akas.records.find((a) => a.titleId === 'tt4389440')).toMatchObject({
      title: 'Flight',
      isOriginalTitle: null,
    })
  })

  it('types every column of the seven files', async () => {
    const folder = 'othonasgkavardinas-head100'
    const [basics, akas, crew, episodes, principals, ratings, names] = await Promise.all([
      fixture(folder, 'title.basics.tsv', TITLE_BASICS),
      fixture(folder, 'title.akas.tsv', TITLE_AKAS),
      fixture(folder, 'title.crew.tsv', TITLE_CREW),
      fixture(folder, 'title.episode.tsv', TITLE_EPISODE),
      fixture(folder, 'title.principals.tsv', TITLE_PRINCIPALS),
      fixture(folder, 'title.ratings.tsv', TITLE_RATINGS),
      fixture(folder, 'name.basics.tsv', NAME_BASICS),
    ])
    expect(basics.records[0]).toEqual({
      line: 2,
      tconst: 'tt0000001',
      titleType: 'short',
      primaryTitle: 'Carmencita',
      originalTitle: 'Carmencita',
      isAdult: false,
      startYear: 1894,
      endYear: null,
      runtimeMinutes: 1,
      genres: ['Documentary', 'Short'],
    })
    expect(akas.records[0]).toEqual({
      line: 2,
      titleId: 'tt0000001',
      ordering: 1,
      title: 'Carmencita - spanyol tánc',
      region: 'HU',
      language: null,
      types: ['imdbDisplay'],
      attributes: [],
      isOriginalTitle: false,
    })
    expect(crew.records[0]).toEqual({ line: 2, tconst: 'tt0000001', directors: ['nm0005690'], writers: [] })
    expect(episodes.records[3]).toEqual({
      line: 5,
      tconst: 'tt0043426',
      parentTconst: 'tt0040051',
      seasonNumber: 3,
      episodeNumber: 42,
    })
    expect(episodes.records[2]).toMatchObject({ seasonNumber: null, episodeNumber: null })
    expect(principals.records.slice(0, 3)).toEqual([
      {
        line: 2,
        tconst: 'tt0000001',
        ordering: 1,
        nconst: 'nm1588970',
        category: 'self',
        job: null,
        characters: ['Herself'],
      },
      {
        line: 3,
        tconst: 'tt0000001',
        ordering: 2,
        nconst: 'nm0005690',
        category: 'director',
        job: null,
        characters: [],
      },
      {
        line: 4,
        tconst: 'tt0000001',
        ordering: 3,
        nconst: 'nm0374658',
        category: 'cinematographer',
        job: 'director of photography',
        characters: [],
      },
    ])
    expect(ratings.records[0]).toEqual({ line: 2, tconst: 'tt0000001', averageRating: 5.8, numVotes: 1472 })
    expect(names.records[2]).toEqual({
      line: 4,
      nconst: 'nm0000003',
      primaryName: 'Brigitte Bardot',
      birthYear: 1934,
      deathYear: null,
      primaryProfession: ['actress', 'soundtrack', 'producer'],
      knownForTitles: ['tt0057345', 'tt0059956', 'tt0054452', 'tt0049189'],
    })
  })
})

describe('readImdbTable rejections', () => {
  it('rejects rows with bad ids or values, saying which, and goes on', async () => {
    const path = writeTable(TITLE_BASICS, [
      'tt0000001\tshort\tCarmencita\tCarmencita\t0\t1894\t\\N\t1\tDocumentary,Short',
      'xx0000002\tshort\tA\tA\t0\t1892\t\\N\t5\tAnimation',
      'tt0000003\tshort\tB\tB\t2\t1892\t\\N\t4\t\\N',
      'tt0000004\tmovie\tC\tC\t0\t189x\t\\N\t\\N\t\\N',
      'tt0000005\tmovie\t\\N\tD\t0\t1893\t\\N\t\\N\t\\N',
      'tt0000006\tmovie\tE\tE\t0\t1894\t\\N\tReality-TV\t\\N',
      'tt10431500\tpodcastEpisode\t7. Koğuştaki Mucize\t7. Koğuştaki Mucize\t0\t2019\t\\N\t132\tDrama',
    ])
    const { records, problems } = await readAll(path, TITLE_BASICS)
    expect(problems).toEqual([
      'x.tsv:3: tconst "xx0000002" is not an IMDb id',
      'x.tsv:4: isAdult "2" is not 0 or 1',
      'x.tsv:5: startYear "189x" is not a year',
      'x.tsv:6: primaryTitle is missing',
      'x.tsv:7: runtimeMinutes "Reality-TV" is not a whole number',
    ])
    // A title type IMDb adds later is kept as written.
    expect(records.map((r) => [r.line, r.tconst, r.titleType])).toEqual([
      [2, 'tt0000001', 'short'],
      [8, 'tt10431500', 'podcastEpisode'],
    ])
  })

  it('rejects principals whose characters are not a JSON array of strings', async () => {
    const path = writeTable(TITLE_PRINCIPALS, [
      'tt0000001\t1\tnm1588970\tself\t\\N\t["Herself"]',
      'tt0000001\t2\tnm1588971\tactor\t\\N\t["Unclosed',
      'tt0000001\t3\tnm1588972\tactor\t\\N\t{"name":"Tom"}',
      'tt0000001\t4\ttt1588973\tactor\t\\N\t\\N',
      'tt0000001\tfirst\tnm1588974\tactor\t\\N\t\\N',
      'tt0000001\t6\tnm1588975\tactor\t\\N\t["\\"Big\\" Tom","Jerry"]',
      'tt0000001\t7\tnm1588976\tactor\t\\N\t["]',
      'tt0000001\t8\tnm1588977\tactor\t\\N\t["Tom\u0001"]',
      'tt0000001\t9\tnm1588978\tactor\t\\N\t["Dr. Caligari\\u0027s"]',
      'tt0000001\t10\tnm1588979\tactor\t\\N\t[""]',
    ])
    const { records, problems } = await readAll(path, TITLE_PRINCIPALS)
    expect(problems).toEqual([
      'x.tsv:3: characters is not valid JSON: "[\\"Unclosed"',
      'x.tsv:4: characters is not a JSON array of strings: "{\\"name\\":\\"Tom\\"}"',
      'x.tsv:5: nconst "tt1588973" is not an IMDb id',
      'x.tsv:6: ordering "first" is not a whole number',
      'x.tsv:8: characters is not valid JSON: "[\\"]"',
      'x.tsv:9: characters is not valid JSON: "[\\"Tom\\u0001\\"]"',
    ])
    expect(records.map((r) => r.characters)).toEqual([
      ['Herself'],
      ['"Big" Tom', 'Jerry'],
      ["Dr. Caligari's"],
      [''],
    ])
  })

  it('rejects bad ids inside lists and ratings out of range', async () => {
    const crew = await readAll(
      writeTable(TITLE_CREW, ['tt0000001\tnm0005690,nm0374658\t\\N', 'tt0000002\tnm0721526,Georges\tnm1']),
      TITLE_CREW,
    )
    expect(crew.problems).toEqual(['x.tsv:3: directors: "Georges" is not an IMDb id'])
    expect(crew.records[0]!.directors).toEqual(['nm0005690', 'nm0374658'])
    const ratings = await readAll(
      writeTable(TITLE_RATINGS, ['tt0000001\t10.0\t5', 'tt0000002\t11.0\t5', 'tt0000003\t6.4\t-3']),
      TITLE_RATINGS,
    )
    expect(ratings.problems).toEqual([
      'x.tsv:3: averageRating "11.0" is not a rating from 1 to 10',
      'x.tsv:4: numVotes "-3" is not a whole number',
    ])
    const names = await readAll(
      writeTable(NAME_BASICS, ['nm0000001\tFred Astaire\t1899\t1987\tactor\ttt0050419,nm0043044']),
      NAME_BASICS,
    )
    expect(names.problems).toEqual(['x.tsv:2: knownForTitles: "nm0043044" is not an IMDb id'])
  })

  it('passes on the reader’s rejections', async () => {
    const { problems } = await readAll(writeTable(TITLE_EPISODE, ['tt0041951\ttt0041038\t1']), TITLE_EPISODE)
    expect(problems).toEqual(['x.tsv:2: expected 4 fields, found 3'])
  })
})
