import { createHash } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gunzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { formatIssue } from '../../domain/index.ts'
import { generateImdb, type GeneratedImdb } from './generate.ts'
import {
  NAME_BASICS,
  readImdbTable,
  TITLE_AKAS,
  TITLE_BASICS,
  TITLE_CREW,
  TITLE_EPISODE,
  TITLE_PRINCIPALS,
  TITLE_RATINGS,
  type ImdbTable,
  type ImdbTableName,
} from './rows.ts'

const DIR = mkdtempSync(join(tmpdir(), 'retold-imdb-generate-'))
afterAll(() => rmSync(DIR, { recursive: true, force: true }))

const TITLES = 4000
const NAMES: ImdbTableName[] = [
  'title.basics',
  'title.akas',
  'title.crew',
  'title.episode',
  'title.principals',
  'title.ratings',
  'name.basics',
]

const hashes = (result: GeneratedImdb) =>
  NAMES.map((name) => createHash('sha256').update(readFileSync(result.files[name])).digest('hex'))

async function readBack<T>(result: GeneratedImdb, table: ImdbTable<T>): Promise<T[]> {
  const records: T[] = []
  const problems: string[] = []
  for await (const chunk of readImdbTable(result.files[table.name], table)) {
    for (const item of chunk) {
      if (item.kind === 'record') records.push(item.record)
      else problems.push(formatIssue(item))
    }
  }
  expect(problems).toEqual([])
  return records
}

describe('generateImdb', () => {
  let first: GeneratedImdb
  beforeAll(async () => {
    first = await generateImdb({ titles: TITLES, seed: 7 }, join(DIR, 'first'))
  })

  it('writes the same bytes for the same seed, and other bytes for another seed', async () => {
    const again = await generateImdb({ titles: TITLES, seed: 7 }, join(DIR, 'again'))
    const other = await generateImdb({ titles: TITLES, seed: 8 }, join(DIR, 'other'))
    expect(hashes(again)).toEqual(hashes(first))
    expect(again.rows).toEqual(first.rows)
    const otherHashes = hashes(other)
    hashes(first).forEach((hash, i) => expect(otherHashes[i]).not.toBe(hash))
  })

  it('gzips the same text when asked', async () => {
    const gz = await generateImdb({ titles: TITLES, seed: 7, gzip: true }, join(DIR, 'gz'))
    for (const name of NAMES) {
      expect(gz.files[name]).toMatch(/\.tsv\.gz$/)
      expect(gunzipSync(readFileSync(gz.files[name])).equals(readFileSync(first.files[name]))).toBe(true)
    }
  })

  it('writes the exact IMDb format, read back with no rejection', async () => {
    const basics = await readBack(first, TITLE_BASICS)
    expect(basics).toHaveLength(TITLES)
    for (const [name, table] of [
      ['title.akas', TITLE_AKAS],
      ['title.crew', TITLE_CREW],
      ['title.episode', TITLE_EPISODE],
      ['title.principals', TITLE_PRINCIPALS],
      ['title.ratings', TITLE_RATINGS],
      ['name.basics', NAME_BASICS],
    ] as const) {
      expect(await readBack(first, table as ImdbTable<unknown>)).toHaveLength(first.rows[name])
    }
    expect(first.rows['name.basics']).toBe(TITLES * 1.2)
    const text = readFileSync(first.files['title.basics'], 'utf8')
    expect(text.startsWith(TITLE_BASICS.columns.join('\t') + '\n')).toBe(true)
    expect(text).toContain('\t\\N\t')
    expect(text.endsWith('\n')).toBe(true)
  })

  it('links every reference to a row that exists', async () => {
    const basics = await readBack(first, TITLE_BASICS)
    const types = new Map(basics.map((t) => [t.tconst, t.titleType]))
    const people = new Set((await readBack(first, NAME_BASICS)).map((p) => p.nconst))
    expect(types.size).toBe(TITLES)
    expect(people.size).toBe(first.rows['name.basics'])

    const episodes = await readBack(first, TITLE_EPISODE)
    for (const e of episodes) {
      expect(types.get(e.tconst)).toBe('tvEpisode')
      expect(['tvSeries', 'tvMiniSeries']).toContain(types.get(e.parentTconst))
    }
    expect(episodes).toHaveLength(basics.filter((t) => t.titleType === 'tvEpisode').length)

    for (const c of await readBack(first, TITLE_CREW)) {
      expect(types.has(c.tconst)).toBe(true)
      for (const person of [...c.directors, ...c.writers]) expect(people.has(person)).toBe(true)
    }
    const principals = await readBack(first, TITLE_PRINCIPALS)
    for (const p of principals) {
      expect(types.has(p.tconst)).toBe(true)
      expect(people.has(p.nconst)).toBe(true)
    }
    for (const r of await readBack(first, TITLE_RATINGS)) expect(types.has(r.tconst)).toBe(true)
    for (const p of await readBack(first, NAME_BASICS)) {
      for (const title of p.knownForTitles) expect(types.has(title)).toBe(true)
    }
    // Orderings are 1…n for each title, in principals (in order) and in akas (in any order).
    const orderings = (rows: Array<{ id: string; ordering: number }>) => {
      const byTitle = new Map<string, number[]>()
      for (const { id, ordering } of rows) byTitle.set(id, [...(byTitle.get(id) ?? []), ordering])
      return [...byTitle.values()]
    }
    for (const list of orderings(principals.map((p) => ({ id: p.tconst, ordering: p.ordering })))) {
      expect(list).toEqual(list.map((_, i) => i + 1))
    }
    const akas = await readBack(first, TITLE_AKAS)
    for (const a of akas) expect(types.has(a.titleId)).toBe(true)
    // The akas of one title are together.
    const runs = akas.filter((a, i) => i === 0 || akas[i - 1]!.titleId !== a.titleId).length
    expect(runs).toBe(new Set(akas.map((a) => a.titleId)).size)
    for (const list of orderings(akas.map((a) => ({ id: a.titleId, ordering: a.ordering })))) {
      expect([...list].sort((a, b) => a - b)).toEqual(list.map((_, i) => i + 1))
    }
  })

  it('looks like the real data', async () => {
    const basics = await readBack(first, TITLE_BASICS)
    const share = (count: number) => count / TITLES
    const ofType = (type: string) => share(basics.filter((t) => t.titleType === type).length)
    expect(ofType('tvEpisode')).toBeGreaterThan(0.6)
    expect(ofType('movie')).toBeGreaterThan(0.03)
    expect(ofType('movie')).toBeLessThan(0.1)
    expect(ofType('short')).toBeGreaterThan(0.05)
    expect(share(basics.filter((t) => t.isAdult).length)).toBeLessThan(0.05)
    const years = basics.flatMap((t) => (t.startYear ? [t.startYear] : [])).sort((a, b) => a - b)
    expect(years[0]).toBeGreaterThanOrEqual(1890)
    expect(years.at(-1)).toBeLessThanOrEqual(2026)
    expect(years[Math.floor(years.length / 2)]).toBeGreaterThan(1990)
    expect(share(first.rows['title.ratings'])).toBeGreaterThan(0.15)
    expect(share(first.rows['title.ratings'])).toBeLessThan(0.35)

    const akas = await readBack(first, TITLE_AKAS)
    const text = akas.map((a) => a.title).join('\n')
    for (const script of [
      'Cyrillic',
      'Greek',
      'Hiragana',
      'Katakana',
      'Han',
      'Hangul',
      'Arabic',
      'Devanagari',
    ]) {
      expect(text, script).toMatch(new RegExp(`\\p{Script=${script}}`, 'u'))
    }
    expect(text).toMatch(/[İı]/)
    expect(text).toMatch(/[éöüçãøłřő]/)
    // Like the real file: orderings of one title are not sorted ("10" before "1").
    const firstOrderings = new Map<string, number>()
    for (const a of akas) if (!firstOrderings.has(a.titleId)) firstOrderings.set(a.titleId, a.ordering)
    expect([...firstOrderings.values()]).toContain(10)
    const perTitle = akas.length / TITLES
    expect(perTitle).toBeGreaterThan(1.5)
    expect(Math.max(...[...countBy(akas.map((a) => a.titleId)).values()])).toBeGreaterThan(20)

    const principals = await readBack(first, TITLE_PRINCIPALS)
    const credits = [...countBy(principals.map((p) => p.nconst)).values()].sort((a, b) => b - a)
    // A few people are in many titles, most in one or two.
    expect(credits[0]).toBeGreaterThan(20 * credits[Math.floor(credits.length / 2)]!)
    const votes = (await readBack(first, TITLE_RATINGS)).map((r) => r.numVotes).sort((a, b) => a - b)
    expect(votes.at(-1)).toBeGreaterThan(100 * votes[Math.floor(votes.length / 2)]!)
  })
})

function countBy(values: string[]): Map<string, number> {
  const counts = new Map<string, number>()
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1)
  return counts
}
