import { once } from 'node:events'
import { createWriteStream } from 'node:fs'
import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import type { Writable } from 'node:stream'
import { finished, pipeline } from 'node:stream/promises'
import { createGzip } from 'node:zlib'
import { AppError } from '../../domain/index.ts'
import { Random, WeightedPick } from './random.ts'
import {
  NAME_BASICS,
  TITLE_AKAS,
  TITLE_BASICS,
  TITLE_CREW,
  TITLE_EPISODE,
  TITLE_PRINCIPALS,
  TITLE_RATINGS,
  type ImdbTable,
  type ImdbTableName,
} from './rows.ts'
import {
  AKA_ATTRIBUTES,
  AKA_TYPES,
  CHARACTER_NAMES,
  CULTURES,
  ENGLISH_WORDS,
  FAMILY_NAMES,
  GENRES,
  GIVEN_NAMES,
  PROFESSIONS,
  type Culture,
} from './vocabulary.ts'

// Synthetic IMDb datasets in the exact format of the real dumps, for tests and benchmarks at full scale.
// Rows are written as they are made, so 12 million titles need no more memory than 1,000.

export interface GenerateImdbOptions {
  titles: number
  seed: number
  /** Write gzipped `.tsv.gz` files, as IMDb publishes them. */
  gzip?: boolean
}

export interface GeneratedImdb {
  /** The path of each file written. */
  files: Record<ImdbTableName, string>
  /** Data rows of each file (without the header). */
  rows: Record<ImdbTableName, number>
}

const NULL = '\\N'
const LAST_YEAR = 2026
const FIRST_YEAR = 1890
const PEOPLE_PER_TITLE = 1.2
const CHUNK_BYTES = 1 << 18
// Each pause for a full output buffer costs a turn of the event loop, so check only now and then.
const TITLES_PER_DRAIN_CHECK = 256

// Shares of the real dumps, rounded: about 70% episodes, 6% movies.
const TITLE_TYPES = new WeightedPick<string>([
  ['tvEpisode', 70],
  ['short', 11],
  ['movie', 6],
  ['video', 4],
  ['tvSeries', 3],
  ['tvMovie', 2.5],
  ['tvMiniSeries', 1],
  ['tvSpecial', 1],
  ['videoGame', 1],
  ['tvShort', 0.5],
  ['tvPilot', 0.001],
])
const RATED_SHARE: Record<string, number> = { movie: 0.6, tvSeries: 0.5, tvMiniSeries: 0.5, tvEpisode: 0.18 }
const OTHER_CULTURES = CULTURES.filter((c) => c.words !== ENGLISH_WORDS)
const ENGLISH = CULTURES.find((c) => c.words === ENGLISH_WORDS)!
const AKA_CULTURES = new WeightedPick(CULTURES.map((c) => [c, c.weight] as const))
const ORIGIN_CULTURES = new WeightedPick(OTHER_CULTURES.map((c) => [c, c.weight] as const))
const AKA_TYPE_PICK = new WeightedPick<string>(AKA_TYPES)
const MONTHS = 'January February March April May June July August September October November December'.split(
  ' ',
)
const EPISODE_RUNTIMES = [22, 24, 25, 30, 42, 44, 45, 50, 60]
const WRITER_JOBS = ['screenplay', 'written by', 'novel', 'story', 'based on the novel by', 'teleplay']
const PRODUCER_JOBS = ['producer', 'executive producer', 'co-producer', 'line producer']
const CREW_CATEGORIES = new WeightedPick<string>([
  ['producer', 5],
  ['composer', 3],
  ['cinematographer', 3],
  ['editor', 3],
  ['production_designer', 1],
  ['casting_director', 1],
])

// IDs have gaps, like the real ones (not every number is used), and grow past 7 digits at scale.
const titleId = (index: number) => `tt${String(Math.floor(index * 1.13) + 1).padStart(7, '0')}`
const personId = (index: number) => `nm${String(Math.floor(index * 1.07) + 1).padStart(7, '0')}`
const personList = (people: number[]) => (people.length ? people.map(personId).join(',') : NULL)

/** Writes the seven IMDb files for `titles` synthetic titles into dir; the same seed gives the same bytes. */
export async function generateImdb(options: GenerateImdbOptions, dir: string): Promise<GeneratedImdb> {
  if (!Number.isInteger(options.titles) || options.titles < 1) {
    throw new AppError('Invalid', 'titles must be a whole number ≥ 1')
  }
  await mkdir(dir, { recursive: true })
  const extension = options.gzip ? '.tsv.gz' : '.tsv'
  const open = (table: ImdbTable<unknown>) =>
    new TsvSink(join(dir, table.name + extension), table.columns, options.gzip ?? false)
  const sinks = {
    'title.basics': open(TITLE_BASICS),
    'title.akas': open(TITLE_AKAS),
    'title.crew': open(TITLE_CREW),
    'title.episode': open(TITLE_EPISODE),
    'title.principals': open(TITLE_PRINCIPALS),
    'title.ratings': open(TITLE_RATINGS),
    'name.basics': open(NAME_BASICS),
  } satisfies Record<ImdbTableName, TsvSink>
  const all = Object.values(sinks)
  const drain = async () => {
    if (all.some((sink) => sink.blocked)) await Promise.all(all.map((sink) => sink.drained()))
  }
  try {
    const titles = new TitleGenerator(options, sinks)
    for (let i = 0; i < options.titles; i++) {
      titles.write(i)
      if (i % TITLES_PER_DRAIN_CHECK === 0) await drain()
    }
    // People come from a random stream of their own, so that their rows do not depend on the titles'.
    const people = new PersonGenerator(options, sinks['name.basics'])
    for (let j = 0; j < titles.people; j++) {
      people.write(j)
      if (j % TITLES_PER_DRAIN_CHECK === 0) await drain()
    }
    await Promise.all(all.map((sink) => sink.close()))
  } catch (error) {
    for (const sink of all) sink.destroy()
    throw error
  }
  const files = {} as Record<ImdbTableName, string>
  const rows = {} as Record<ImdbTableName, number>
  for (const [name, sink] of Object.entries(sinks) as [ImdbTableName, TsvSink][]) {
    files[name] = sink.path
    rows[name] = sink.rows
  }
  return { files, rows }
}

/** A TSV file written through a byte buffer, gzipped on the way if asked. */
class TsvSink {
  rows = 0
  blocked = false
  // Rows are encoded straight into a buffer: cheaper than joining strings and encoding them later.
  private chunk = Buffer.allocUnsafe(CHUNK_BYTES)
  private used = 0
  private readonly input: Writable
  private readonly finished: Promise<void>

  constructor(
    readonly path: string,
    columns: readonly string[],
    gzip: boolean,
  ) {
    const file = createWriteStream(path)
    if (gzip) {
      // Level 1: several times faster than the default 6, for files about 20% larger.
      const compress = createGzip({ level: 1 })
      this.input = compress
      this.finished = pipeline(compress, file)
    } else {
      this.input = file
      this.finished = finished(file)
    }
    // A write error is kept for close() to throw, not reported as unhandled before that.
    this.finished.catch(() => {})
    this.write(columns.join('\t') + '\n')
  }

  add(row: string): void {
    this.write(row)
    this.rows += 1
  }

  async drained(): Promise<void> {
    if (this.blocked) await once(this.input, 'drain')
    this.blocked = false
  }

  async close(): Promise<void> {
    this.flush()
    this.input.end()
    await this.finished
  }

  destroy(): void {
    this.input.destroy()
  }

  private write(text: string): void {
    // A UTF-16 code unit takes at most 3 bytes in UTF-8.
    if (this.used + text.length * 3 > CHUNK_BYTES) {
      this.flush()
      if (text.length * 3 > CHUNK_BYTES) {
        if (!this.input.write(text)) this.blocked = true
        return
      }
    }
    this.used += this.chunk.write(text, this.used)
  }

  private flush(): void {
    if (this.used === 0) return
    if (!this.input.write(this.chunk.subarray(0, this.used))) this.blocked = true
    this.chunk = Buffer.allocUnsafe(CHUNK_BYTES)
    this.used = 0
  }
}

type Sinks = Record<ImdbTableName, TsvSink>
/** People as indexes; personId turns one into its nconst. */
type Crew = { directors: number[]; writers: number[] }

/** Makes the rows of one title in every title.* file. Series are remembered so that episodes can point to them. */
class TitleGenerator {
  readonly people: number
  private readonly random: Random
  // Per series: its title index, start and end year (0 when unknown), episodes so far, episodes per season.
  private seriesCount = 0
  private seriesTitle = new Int32Array(1024)
  private seriesStart = new Uint16Array(1024)
  private seriesEnd = new Uint16Array(1024)
  private seriesEpisodes = new Uint32Array(1024)
  private seriesSeasonLength = new Uint8Array(1024)
  private readonly akaOrders = new Map<number, number[]>()

  constructor(
    options: GenerateImdbOptions,
    private readonly sinks: Sinks,
  ) {
    this.random = new Random(options.seed)
    this.people = Math.max(1, Math.round(options.titles * PEOPLE_PER_TITLE))
  }

  write(index: number): void {
    const random = this.random
    const tconst = titleId(index)
    let type = TITLE_TYPES.sample(random)
    if (type === 'tvEpisode' && this.seriesCount === 0) type = 'tvSeries'
    const isSeries = type === 'tvSeries' || type === 'tvMiniSeries'
    const isAdult = random.chance(0.02)

    let startYear = random.chance(0.04)
      ? 0
      : LAST_YEAR - Math.floor((LAST_YEAR - FIRST_YEAR + 1) * random.next() ** 3)
    let endYear = 0
    let primaryTitle: string
    let originalTitle: string
    if (type === 'tvEpisode') {
      const slot = this.pickSeries()
      const count = this.seriesEpisodes[slot]!
      this.seriesEpisodes[slot] = count + 1
      const seasonLength = this.seriesSeasonLength[slot]!
      const numbered = random.chance(0.9)
      const season = Math.floor(count / seasonLength) + 1
      const episode = (count % seasonLength) + 1
      const seriesStart = this.seriesStart[slot]!
      const seriesEnd = this.seriesEnd[slot]! || LAST_YEAR
      startYear = seriesStart ? Math.min(seriesStart + season - 1, seriesEnd) : 0
      const parent = titleId(this.seriesTitle[slot]!)
      this.sinks['title.episode'].add(
        numbered
          ? `${tconst}\t${parent}\t${season}\t${episode}\n`
          : `${tconst}\t${parent}\t${NULL}\t${NULL}\n`,
      )
      primaryTitle = this.episodeTitle(numbered, season, episode, startYear)
      originalTitle = primaryTitle
    } else {
      const culture = random.chance(0.55) ? ENGLISH : ORIGIN_CULTURES.sample(random)
      originalTitle = this.titleIn(culture)
      primaryTitle = culture === ENGLISH || random.chance(0.5) ? originalTitle : this.titleIn(ENGLISH)
      if (isSeries) {
        if (startYear && random.chance(0.5)) endYear = Math.min(LAST_YEAR, startYear + random.skewed(25, 2))
        this.addSeries(index, startYear, endYear)
      }
    }

    const basics = [
      tconst,
      type,
      primaryTitle,
      originalTitle,
      isAdult ? '1' : '0',
      startYear || NULL,
      endYear || NULL,
      this.runtime(type) ?? NULL,
      this.genres(type, isAdult) ?? NULL,
    ]
    this.sinks['title.basics'].add(basics.join('\t') + '\n')
    this.writeAkas(tconst, type, primaryTitle, originalTitle)
    const crew = this.writeCrew(tconst, type)
    this.writePrincipals(tconst, type, crew)
    if (random.chance(RATED_SHARE[type] ?? 0.3)) {
      const rating = Math.min(10, Math.max(1, Math.round(random.normal(6.6, 1.3) * 10) / 10))
      const votes = Math.min(3_000_000, random.pareto(5, 0.9))
      this.sinks['title.ratings'].add(`${tconst}\t${rating.toFixed(1)}\t${votes}\n`)
    }
  }

  // Most episodes belong to a series started recently (IMDb adds a season's episodes together); some to any series.
  private pickSeries(): number {
    const random = this.random
    if (random.chance(0.7)) return this.seriesCount - 1 - random.skewed(Math.min(this.seriesCount, 50), 1.5)
    return random.int(0, this.seriesCount - 1)
  }

  private addSeries(index: number, startYear: number, endYear: number): void {
    if (this.seriesCount === this.seriesTitle.length) {
      const grow = <T extends Int32Array | Uint16Array | Uint32Array | Uint8Array>(array: T): T => {
        const bigger = new (array.constructor as new (length: number) => T)(array.length * 2)
        bigger.set(array)
        return bigger
      }
      this.seriesTitle = grow(this.seriesTitle)
      this.seriesStart = grow(this.seriesStart)
      this.seriesEnd = grow(this.seriesEnd)
      this.seriesEpisodes = grow(this.seriesEpisodes)
      this.seriesSeasonLength = grow(this.seriesSeasonLength)
    }
    const slot = this.seriesCount++
    this.seriesTitle[slot] = index
    this.seriesStart[slot] = startYear
    this.seriesEnd[slot] = endYear
    this.seriesSeasonLength[slot] = this.random.pick([6, 8, 10, 12, 13, 22, 24, 26, 52, 200])
  }

  private titleIn(culture: Culture): string {
    const random = this.random
    const words: string[] = []
    const length = 1 + random.skewed(4, 1.5)
    for (let i = 0; i < length; i++) words.push(culture.words[random.skewed(culture.words.length, 1.4)]!)
    let title = words.join(culture.joiner)
    if (random.chance(0.03)) title += ` ${random.int(2, 7)}`
    else if (random.chance(0.04)) title += `: ${words.length > 1 ? words[1] : 'Origins'}`
    return title
  }

  private episodeTitle(numbered: boolean, season: number, episode: number, year: number): string {
    const random = this.random
    const r = random.next()
    if (numbered && r < 0.4) return `Episode #${season}.${episode}`
    if (year && r < 0.5) return `Episode dated ${random.int(1, 28)} ${random.pick(MONTHS)} ${year}`
    return this.titleIn(random.chance(0.8) ? ENGLISH : ORIGIN_CULTURES.sample(random))
  }

  private runtime(type: string): number | null {
    const random = this.random
    if (random.chance(0.35) || type === 'videoGame') return null
    switch (type) {
      case 'movie':
      case 'tvMovie':
        return Math.min(300, Math.max(40, Math.round(random.normal(95, 22))))
      case 'short':
      case 'tvShort':
        return random.int(1, 40)
      case 'tvEpisode':
      case 'tvSeries':
      case 'tvMiniSeries':
        return random.pick(EPISODE_RUNTIMES)
      default:
        return random.int(5, 120)
    }
  }

  // Up to three genres in alphabetical order, as IMDb writes them.
  private genres(type: string, isAdult: boolean): string | null {
    const random = this.random
    if (random.chance(0.07)) return null
    const genres = new Set<string>()
    if (isAdult) genres.add('Adult')
    if ((type === 'short' || type === 'tvShort') && random.chance(0.6)) genres.add('Short')
    const wanted = random.int(1, 3)
    while (genres.size < wanted) genres.add(GENRES[random.skewed(GENRES.length, 1.8)]!)
    return [...genres].sort().join(',')
  }

  // Akas of one title: rows together, orderings 1…n in the order of the real files (…, 19, 1, 20, …, 29, 2, …).
  private writeAkas(tconst: string, type: string, primaryTitle: string, originalTitle: string): void {
    const random = this.random
    let count: number
    // Heavy-tailed: most titles have a few akas, famous ones dozens.
    if (type === 'tvEpisode') {
      count = random.chance(0.35) ? 0 : Math.min(30, random.pareto(1, 1))
    } else if (type === 'movie' || type === 'tvSeries' || type === 'tvMovie') {
      count = Math.min(90, random.pareto(2, 0.9))
    } else {
      count = random.chance(0.1) ? 0 : Math.min(40, random.pareto(1, 1.2))
    }
    if (count === 0) return
    const originalAt = count === 1 || random.chance(0.85) ? random.int(1, count) : 0
    const sink = this.sinks['title.akas']
    for (const ordering of this.akaOrder(count)) {
      if (ordering === originalAt) {
        sink.add(`${tconst}\t${ordering}\t${originalTitle}\t${NULL}\t${NULL}\toriginal\t${NULL}\t1\n`)
        continue
      }
      const culture = AKA_CULTURES.sample(random)
      const [region, language] = random.pick(culture.regions)
      const title = random.chance(0.3) ? primaryTitle : this.titleIn(culture)
      const types = random.chance(0.45) ? NULL : AKA_TYPE_PICK.sample(random)
      const attributes = random.chance(0.92) ? NULL : random.pick(AKA_ATTRIBUTES)
      // A few real rows have `\N` here.
      const isOriginal = random.chance(0.0001) ? NULL : '0'
      sink.add(
        `${tconst}\t${ordering}\t${title}\t${region}\t${language ?? NULL}\t${types}\t${attributes}\t${isOriginal}\n`,
      )
    }
  }

  // The real files are sorted as text by a collation that ignores the tab, so "10\tX" comes before "1\tY".
  private akaOrder(count: number): number[] {
    let order = this.akaOrders.get(count)
    if (!order) {
      order = Array.from({ length: count }, (_, i) => i + 1).sort((a, b) =>
        `${a}~` < `${b}~` ? -1 : `${a}~` > `${b}~` ? 1 : 0,
      )
      this.akaOrders.set(count, order)
    }
    return order
  }

  private writeCrew(tconst: string, type: string): Crew {
    const random = this.random
    const directors: number[] = []
    const writers: number[] = []
    if (random.chance(type === 'tvEpisode' ? 0.75 : 0.93)) {
      const count = random.chance(0.9) ? 1 : random.int(2, 3)
      for (let i = 0; i < count; i++) directors.push(this.pickPerson())
    }
    if (random.chance(0.6)) {
      const count = random.int(1, 4)
      if (directors.length && random.chance(0.3)) writers.push(directors[0]!)
      while (writers.length < count) writers.push(this.pickPerson())
    }
    this.sinks['title.crew'].add(`${tconst}\t${personList(directors)}\t${personList(writers)}\n`)
    return { directors, writers }
  }

  // Cast first, then the crew; 1 to 10 rows, ordered 1…n.
  private writePrincipals(tconst: string, type: string, crew: Crew): void {
    const random = this.random
    const total = type === 'tvEpisode' ? random.int(1, 6) : random.int(1, 10)
    const self = random.chance(0.12)
    // Each entry is "nconst\tcategory\tjob\tcharacters".
    const rows: string[] = []
    const cast = Math.max(1, total - 1 - random.int(0, 3))
    for (let i = 0; i < cast; i++) {
      const person = personId(this.pickPerson())
      const woman = random.chance(0.45)
      if (self) rows.push(`${person}\tself\t${NULL}\t${woman ? '["Herself"]' : '["Himself"]'}`)
      else rows.push(`${person}\t${woman ? 'actress' : 'actor'}\t${NULL}\t${this.characters()}`)
    }
    for (const person of crew.directors) rows.push(`${personId(person)}\tdirector\t${NULL}\t${NULL}`)
    for (const person of crew.writers) {
      const job = random.chance(0.6) ? random.pick(WRITER_JOBS) : NULL
      rows.push(`${personId(person)}\twriter\t${job}\t${NULL}`)
    }
    while (rows.length < total) {
      const category = CREW_CATEGORIES.sample(random)
      const job =
        category === 'producer'
          ? random.pick(PRODUCER_JOBS)
          : category === 'cinematographer' && random.chance(0.3)
            ? 'director of photography'
            : NULL
      rows.push(`${personId(this.pickPerson())}\t${category}\t${job}\t${NULL}`)
    }
    const sink = this.sinks['title.principals']
    for (let i = 0; i < total; i++) sink.add(`${tconst}\t${i + 1}\t${rows[i]}\n`)
  }

  // A JSON array, as IMDb writes it: usually one character, sometimes two, sometimes unknown.
  private characters(): string {
    const random = this.random
    if (random.chance(0.15)) return NULL
    const first = CHARACTER_NAMES[random.skewed(CHARACTER_NAMES.length, 1.5)]!
    if (random.chance(0.92)) return JSON.stringify([first])
    return JSON.stringify([first, CHARACTER_NAMES[random.skewed(CHARACTER_NAMES.length, 1.5)]!])
  }

  // A few people are in very many titles, most in one or two.
  private pickPerson(): number {
    return this.random.skewed(this.people, 2)
  }
}

/** Makes name.basics rows; knownForTitles point at titles that exist. */
class PersonGenerator {
  private readonly random: Random
  private readonly titles: number

  constructor(
    options: GenerateImdbOptions,
    private readonly sink: TsvSink,
  ) {
    this.random = new Random(options.seed ^ 0x5bd1e995)
    this.titles = options.titles
  }

  write(index: number): void {
    const random = this.random
    // Common names are very common ("John Smith" many times over), as in the real file.
    let name = `${GIVEN_NAMES[random.skewed(GIVEN_NAMES.length, 1.3)]} ${FAMILY_NAMES[random.skewed(FAMILY_NAMES.length, 1.3)]}`
    if (random.chance(0.05)) name += ` ${random.pick(['Jr.', 'II', 'III'])}`
    const birth = random.chance(0.45) ? LAST_YEAR - 16 - Math.floor(150 * random.next() ** 1.5) : 0
    const death =
      birth && birth < 1950 && random.chance(0.8) ? Math.min(LAST_YEAR, birth + random.int(30, 100)) : 0
    const professions = new Set<string>()
    if (random.chance(0.95)) {
      const count = random.int(1, 3)
      while (professions.size < count) professions.add(PROFESSIONS[random.skewed(PROFESSIONS.length, 2)]!)
    }
    const known = new Set<string>()
    const knownCount = random.chance(0.1) ? 0 : random.int(1, 4)
    for (let i = 0; i < knownCount; i++) known.add(titleId(random.int(0, this.titles - 1)))
    const row = [
      personId(index),
      name,
      birth || NULL,
      death || NULL,
      professions.size ? [...professions].join(',') : NULL,
      known.size ? [...known].join(',') : NULL,
    ]
    this.sink.add(row.join('\t') + '\n')
  }
}
