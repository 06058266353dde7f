import { readTsv, type ReadTsvOptions, type TsvRejection } from './read-tsv.ts'

// Typed records of the seven IMDb dataset files (https://developer.imdb.com/non-commercial-datasets/).
// Each keeps its line number, so that a later problem (a dangling id, a database error) can be reported
// as `file:line`.

export interface TitleBasics {
  line: number
  tconst: string
  /** movie, short, tvSeries, tvEpisode, …; a type IMDb adds later is kept as written. */
  titleType: string
  primaryTitle: string
  /** Real rows have `\N` here (tt3616658 "The Hangman" in the 2017 sample). */
  originalTitle: string | null
  isAdult: boolean
  startYear: number | null
  endYear: number | null
  runtimeMinutes: number | null
  genres: string[]
}

export interface TitleAka {
  line: number
  titleId: string
  ordering: number
  title: string
  region: string | null
  language: string | null
  types: string[]
  attributes: string[]
  /** Real rows have `\N` here (tt4389440 "Flight", CR, in the 2017 sample). */
  isOriginalTitle: boolean | null
}

export interface TitleCrew {
  line: number
  tconst: string
  directors: string[]
  writers: string[]
}

export interface TitleEpisode {
  line: number
  tconst: string
  parentTconst: string
  seasonNumber: number | null
  episodeNumber: number | null
}

export interface TitlePrincipal {
  line: number
  tconst: string
  ordering: number
  nconst: string
  category: string
  job: string | null
  characters: string[]
}

export interface TitleRating {
  line: number
  tconst: string
  averageRating: number
  numVotes: number
}

export interface NameBasics {
  line: number
  nconst: string
  primaryName: string
  birthYear: number | null
  deathYear: number | null
  primaryProfession: string[]
  knownForTitles: string[]
}

export type ImdbTableName =
  | 'title.basics'
  | 'title.akas'
  | 'title.crew'
  | 'title.episode'
  | 'title.principals'
  | 'title.ratings'
  | 'name.basics'

/** One IMDb file: its usual name, its header, and how a row's fields become a record. */
export interface ImdbTable<T> {
  name: ImdbTableName
  fileName: string
  columns: readonly string[]
  /** Throws InvalidField for a value that cannot be used. */
  parse(fields: readonly (string | null)[], line: number): T
}

/** A value that makes a row unusable; readImdbTable turns it into a rejection. */
export class InvalidField extends Error {
  override readonly name = 'InvalidField'
}

export interface ImdbRecord<T> {
  kind: 'record'
  line: number
  offset: number
  end: number
  record: T
}

export type ImdbItem<T> = ImdbRecord<T> | TsvRejection

const TCONST = /^tt\d+$/
const NCONST = /^nm\d+$/
const COUNT = /^\d+$/
const YEAR = /^\d{4}$/
const ONE_CHARACTER = /^\["([^"\\\p{Cc}]*)"\]$/u
const RATING = /^\d{1,2}(\.\d)?$/

// Field readers. `f` is the row, `i` the column index, `name` the column name for messages.
type Fields = readonly (string | null)[]

function text(f: Fields, i: number, name: string): string {
  const value = f[i]
  if (value === null || value === undefined || value === '') throw new InvalidField(`${name} is missing`)
  return value
}

function optionalText(f: Fields, i: number): string | null {
  return f[i] || null
}

function id(f: Fields, i: number, name: string, pattern: RegExp): string {
  const value = text(f, i, name)
  if (!pattern.test(value)) throw new InvalidField(`${name} ${JSON.stringify(value)} is not an IMDb id`)
  return value
}

function idList(f: Fields, i: number, name: string, pattern: RegExp): string[] {
  const ids = list(f, i, ',')
  for (const value of ids) {
    if (!pattern.test(value)) throw new InvalidField(`${name}: ${JSON.stringify(value)} is not an IMDb id`)
  }
  return ids
}

function list(f: Fields, i: number, separator: string): string[] {
  const value = f[i]
  return value ? value.split(separator) : []
}

function count(f: Fields, i: number, name: string): number {
  const value = text(f, i, name)
  if (!COUNT.test(value)) throw new InvalidField(`${name} ${JSON.stringify(value)} is not a whole number`)
  return Number(value)
}

function optionalCount(f: Fields, i: number, name: string): number | null {
  return f[i] === null ? null : count(f, i, name)
}

function optionalYear(f: Fields, i: number, name: string): number | null {
  const value = f[i] ?? null
  if (value === null) return null
  if (!YEAR.test(value)) throw new InvalidField(`${name} ${JSON.stringify(value)} is not a year`)
  return Number(value)
}

function flag(f: Fields, i: number, name: string): boolean {
  const value = f[i]
  if (value === '0') return false
  if (value === '1') return true
  throw new InvalidField(`${name} ${JSON.stringify(value ?? '\\N')} is not 0 or 1`)
}

function rating(f: Fields, i: number, name: string): number {
  const value = text(f, i, name)
  const number = Number(value)
  if (!RATING.test(value) || number < 1 || number > 10) {
    throw new InvalidField(`${name} ${JSON.stringify(value)} is not a rating from 1 to 10`)
  }
  return number
}

// `characters` is JSON text: `["Herself"]`, or `["Tom","Jerry"]` for one person in several roles.
function characters(f: Fields, i: number, name: string): string[] {
  const value = f[i]
  if (!value) return []
  // Most are one name with nothing to unescape: read without JSON.parse (IMDb has 95M rows).
  const one = ONE_CHARACTER.exec(value)
  if (one) return [one[1]!]
  let parsed: unknown
  try {
    parsed = JSON.parse(value)
  } catch {
    throw new InvalidField(`${name} is not valid JSON: ${JSON.stringify(value.slice(0, 80))}`)
  }
  if (!Array.isArray(parsed) || !parsed.every((c) => typeof c === 'string')) {
    throw new InvalidField(`${name} is not a JSON array of strings: ${JSON.stringify(value.slice(0, 80))}`)
  }
  return parsed
}

export const TITLE_BASICS: ImdbTable<TitleBasics> = {
  name: 'title.basics',
  fileName: 'title.basics.tsv',
  columns: [
    'tconst',
    'titleType',
    'primaryTitle',
    'originalTitle',
    'isAdult',
    'startYear',
    'endYear',
    'runtimeMinutes',
    'genres',
  ],
  parse: (f, line) => ({
    line,
    tconst: id(f, 0, 'tconst', TCONST),
    titleType: text(f, 1, 'titleType'),
    primaryTitle: text(f, 2, 'primaryTitle'),
    originalTitle: optionalText(f, 3),
    isAdult: flag(f, 4, 'isAdult'),
    startYear: optionalYear(f, 5, 'startYear'),
    endYear: optionalYear(f, 6, 'endYear'),
    runtimeMinutes: optionalCount(f, 7, 'runtimeMinutes'),
    genres: list(f, 8, ','),
  }),
}

export const TITLE_AKAS: ImdbTable<TitleAka> = {
  name: 'title.akas',
  fileName: 'title.akas.tsv',
  columns: ['titleId', 'ordering', 'title', 'region', 'language', 'types', 'attributes', 'isOriginalTitle'],
  parse: (f, line) => ({
    line,
    titleId: id(f, 0, 'titleId', TCONST),
    ordering: count(f, 1, 'ordering'),
    title: text(f, 2, 'title'),
    region: optionalText(f, 3),
    language: optionalText(f, 4),
    // IMDb separates several types or attributes with the control character U+0002 ("dvd\x02imdbDisplay").
    types: list(f, 5, '\x02'),
    attributes: list(f, 6, '\x02'),
    isOriginalTitle: f[7] === null ? null : flag(f, 7, 'isOriginalTitle'),
  }),
}

export const TITLE_CREW: ImdbTable<TitleCrew> = {
  name: 'title.crew',
  fileName: 'title.crew.tsv',
  columns: ['tconst', 'directors', 'writers'],
  parse: (f, line) => ({
    line,
    tconst: id(f, 0, 'tconst', TCONST),
    directors: idList(f, 1, 'directors', NCONST),
    writers: idList(f, 2, 'writers', NCONST),
  }),
}

export const TITLE_EPISODE: ImdbTable<TitleEpisode> = {
  name: 'title.episode',
  fileName: 'title.episode.tsv',
  columns: ['tconst', 'parentTconst', 'seasonNumber', 'episodeNumber'],
  parse: (f, line) => ({
    line,
    tconst: id(f, 0, 'tconst', TCONST),
    parentTconst: id(f, 1, 'parentTconst', TCONST),
    seasonNumber: optionalCount(f, 2, 'seasonNumber'),
    episodeNumber: optionalCount(f, 3, 'episodeNumber'),
  }),
}

export const TITLE_PRINCIPALS: ImdbTable<TitlePrincipal> = {
  name: 'title.principals',
  fileName: 'title.principals.tsv',
  columns: ['tconst', 'ordering', 'nconst', 'category', 'job', 'characters'],
  parse: (f, line) => ({
    line,
    tconst: id(f, 0, 'tconst', TCONST),
    ordering: count(f, 1, 'ordering'),
    nconst: id(f, 2, 'nconst', NCONST),
    category: text(f, 3, 'category'),
    job: optionalText(f, 4),
    characters: characters(f, 5, 'characters'),
  }),
}

export const TITLE_RATINGS: ImdbTable<TitleRating> = {
  name: 'title.ratings',
  fileName: 'title.ratings.tsv',
  columns: ['tconst', 'averageRating', 'numVotes'],
  parse: (f, line) => ({
    line,
    tconst: id(f, 0, 'tconst', TCONST),
    averageRating: rating(f, 1, 'averageRating'),
    numVotes: count(f, 2, 'numVotes'),
  }),
}

export const NAME_BASICS: ImdbTable<NameBasics> = {
  name: 'name.basics',
  fileName: 'name.basics.tsv',
  columns: ['nconst', 'primaryName', 'birthYear', 'deathYear', 'primaryProfession', 'knownForTitles'],
  parse: (f, line) => ({
    line,
    nconst: id(f, 0, 'nconst', NCONST),
    primaryName: text(f, 1, 'primaryName'),
    birthYear: optionalYear(f, 2, 'birthYear'),
    deathYear: optionalYear(f, 3, 'deathYear'),
    primaryProfession: list(f, 4, ','),
    knownForTitles: idList(f, 5, 'knownForTitles', TCONST),
  }),
}

/** The seven files, in the order an import can load them (titles and people before what refers to them). */
export const IMDB_TABLES = [
  TITLE_BASICS,
  NAME_BASICS,
  TITLE_AKAS,
  TITLE_CREW,
  TITLE_EPISODE,
  TITLE_PRINCIPALS,
  TITLE_RATINGS,
] as const

/**
 * Streams the typed records of one IMDb file, a chunk's lines at a time; rows that cannot be used are
 * yielded as rejections.
 */
export async function* readImdbTable<T>(
  path: string,
  table: ImdbTable<T>,
  options: Omit<ReadTsvOptions, 'columns'> = {},
): AsyncGenerator<Array<ImdbItem<T>>> {
  for await (const items of readTsv(path, { ...options, columns: table.columns })) {
    yield items.map((item): ImdbItem<T> => {
      if (item.kind === 'rejected') return item
      const { line, offset, end } = item
      try {
        return { kind: 'record', line, offset, end, record: table.parse(item.fields, line) }
      } catch (error) {
        if (!(error instanceof InvalidField)) throw error
        return { kind: 'rejected', file: options.file ?? path, line, offset, end, message: error.message }
      }
    })
  }
}
