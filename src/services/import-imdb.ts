import {
  AppError,
  importedSlug,
  isAppError,
  type FilmKind,
  type ImportIssue,
  type TitleKind,
} from '../domain/index.ts'
import {
  beginBulkLoad,
  findOrCreateImdbSource,
  listImportCheckpoints,
  loadImdbIds,
  markImportPending,
  saveImportCheckpoint,
  storeImdbAkas,
  storeImdbCredits,
  storeImdbEpisodes,
  storeImdbNames,
  storeImdbRatings,
  storeImdbTitles,
  type BulkLoad,
  type BulkTarget,
  type ImdbBatchContext,
  type ImdbBatchOutcome,
  type ImdbIds,
  type ImportCheckpoint,
  type StagedAka,
  type StagedCredit,
  type StagedEpisode,
  type StagedName,
  type StagedRating,
  type StagedTitle,
  type Storage,
} from '../storage/index.ts'
import { indexImportPending } from './index-imported.ts'

// Imports IMDb's seven dataset files into the knowledge model. Files are read in batches; each batch
// is stored in one transaction together with the checkpoint that says where the file is to be read
// next, so an import stopped at any point (kill -9, a full disk, a lost database) resumes there with
// nothing written twice and nothing half-written. Rows that cannot be used are counted and reported as
// `file:line: reason` and never stop the import. A last pass rebuilds the search documents of the
// films and people that changed, in batches as well.
//
// The records are those of importers/imdb (the CLI reads the files and hands them over); only the
// fields used here are declared.

export const IMDB_IMPORTER = 'imdb'

/**
 * The files in the order they are imported: people and titles before what refers to them; principals
 * before crew, whose directors and writers are then mostly found stored, where the other way round
 * each principal rewrote the credit crew had made.
 */
export const IMDB_FILES = [
  'name.basics',
  'title.basics',
  'title.episode',
  'title.akas',
  'title.principals',
  'title.crew',
  'title.ratings',
] as const
export type ImdbFileName = (typeof IMDB_FILES)[number]

/** IMDb title types imported unless told otherwise, and the kind of film each becomes. */
export const IMDB_KINDS: Readonly<Record<string, FilmKind>> = {
  movie: 'movie',
  tvSeries: 'series',
  tvMiniSeries: 'series',
  tvMovie: 'tv-movie',
  short: 'short',
  tvShort: 'short',
  tvEpisode: 'episode',
  // Left out by default; imported when asked for with `types`.
  video: 'movie',
  tvSpecial: 'tv-movie',
  tvPilot: 'tv-movie',
  videoGame: 'movie',
}
export const DEFAULT_IMDB_TYPES = [
  'movie',
  'tvSeries',
  'tvMiniSeries',
  'tvMovie',
  'short',
  'tvShort',
  'tvEpisode',
] as const

// Principals' categories: the credit role each becomes, and the categories kept as the credit's job.
const ROLES: ReadonlyMap<string, string> = new Map(
  Object.entries({
    actor: 'cast',
    actress: 'cast',
    self: 'cast',
    archive_footage: 'cast',
    archive_sound: 'cast',
    director: 'director',
    writer: 'writer',
    producer: 'producer',
    composer: 'composer',
    cinematographer: 'cinematographer',
    editor: 'editor',
  }),
)
const CATEGORY_AS_JOB = new Set(['self', 'archive_footage', 'archive_sound'])

export interface NameRecord {
  nconst: string
  primaryName: string
}
export interface TitleRecord {
  tconst: string
  titleType: string
  primaryTitle: string
  originalTitle: string | null
  isAdult: boolean
  startYear: number | null
}
export interface EpisodeRecord {
  tconst: string
  parentTconst: string
  seasonNumber: number | null
  episodeNumber: number | null
}
export interface AkaRecord {
  titleId: string
  ordering: number
  title: string
  region: string | null
  language: string | null
  types: string[]
  attributes: string[]
  isOriginalTitle: boolean | null
}
export interface CrewRecord {
  tconst: string
  directors: string[]
  writers: string[]
}
export interface PrincipalRecord {
  tconst: string
  ordering: number
  nconst: string
  category: string
  job: string | null
  characters: string[]
}
export interface RatingRecord {
  tconst: string
  averageRating: number
  numVotes: number
}

interface FileRecords {
  'name.basics': NameRecord
  'title.basics': TitleRecord
  'title.episode': EpisodeRecord
  'title.akas': AkaRecord
  'title.crew': CrewRecord
  'title.principals': PrincipalRecord
  'title.ratings': RatingRecord
}

export interface FeedPosition {
  line: number
  offset: number
}

/** One read line: a record, or a rejection (a line that cannot be read). */
export type FeedItem<T> =
  | { kind: 'record'; line: number; end: number; record: T }
  | { kind: 'rejected'; file: string; line: number; end: number; message: string }

/** One file to import, as the CLI opens it. */
export interface ImdbFeed<T> {
  /** The path, as messages name it. */
  file: string
  /** Changes when the file does (size and modification time): another file is read from its start. */
  fingerprint: string
  /** The dump's date, YYYY-MM-DD: ratings are as of it, and it names the source. */
  date: string
  /** The bytes of text to read (decompressed, estimated for .gz), for progress. */
  textBytes: number
  /** The items of the file from `from` on, a few thousand lines at a time. */
  read(from: FeedPosition | undefined): AsyncIterable<Array<FeedItem<T>>>
}

export type ImdbFeeds = { [F in ImdbFileName]?: ImdbFeed<FileRecords[F]> }

export interface ImdbFileReport {
  name: ImdbFileName | 'search index'
  file: string | null
  /** imported, resumed (from a checkpoint), done before (nothing to read), missing (no such file). */
  status: 'imported' | 'resumed' | 'done before' | 'missing'
  read: number
  imported: number
  updated: number
  unchanged: number
  skipped: number
  rejected: number
  /** The first problems found, as `file:line: reason`. */
  issues: ImportIssue[]
  seconds: number
}

export interface ImdbImportReport {
  files: ImdbFileReport[]
  /** Search documents rebuilt. */
  indexed: { films: number; people: number }
  seconds: number
}

export interface ImportProgress {
  name: ImdbFileName | 'indexes' | 'search index'
  /**
   * Bytes read and the total; for the indexes a first load left out, those built; for the search
   * index, documents.
   */
  done: number
  total: number
  rows: number
  finished: boolean
}

export interface ImportImdbOptions {
  /** Import adult titles too (left out by default). */
  adult?: boolean
  /** IMDb title types to import; DEFAULT_IMDB_TYPES by default. */
  types?: readonly string[]
  /** Read files again even when an earlier import finished them. */
  force?: boolean
  /** Lines per batch and transaction. */
  batchLines?: number
  /** How many problems each file's report lists (all are counted). */
  listedIssues?: number
  author?: string
  now?: () => string
  onProgress?: (progress: ImportProgress) => void
}

// Larger batches commit less often: each commit writes the pages its batch touched, and the pages of
// an index are touched by many rows of a batch (the files of 1M titles: 114 s with 20,000, 100 s
// with 50,000).
const DEFAULT_BATCH_LINES = 50_000
const LISTED_ISSUES = 20

/** Imports the given files (those absent are reported missing), then indexes what changed. */
export async function importImdb(
  storage: Storage,
  feeds: ImdbFeeds,
  options: ImportImdbOptions = {},
): Promise<ImdbImportReport> {
  const started = performance.now()
  const now = options.now ?? (() => new Date().toISOString())
  const bulk = await beginBulkLoad(storage)
  let files: ImdbFileReport[]
  let indexed: ImdbImportReport['indexed']
  try {
    files = await importFiles(storage, feeds, bulk, options, now)
    await bulk.restoreIndexes((done, total) =>
      options.onProgress?.({ name: 'indexes', done, total, rows: 0, finished: done >= total }),
    )
    indexed = await indexImportPending(storage, (done, total) =>
      options.onProgress?.({ name: 'search index', done, total, rows: done, finished: done >= total }),
    )
  } finally {
    // Best effort: a lost database must be reported as such, not as a failed PRAGMA.
    await bulk.end().catch(() => undefined)
  }
  return { files, indexed, seconds: (performance.now() - started) / 1000 }
}

/**
 * The files, in order. The map of ids they need is gone when they are read: the search pass that
 * follows has the memory back (up to about 250 MB at IMDb's scale).
 */
async function importFiles(
  storage: Storage,
  feeds: ImdbFeeds,
  bulk: BulkLoad,
  options: ImportImdbOptions,
  now: () => string,
): Promise<ImdbFileReport[]> {
  const checkpoints = new Map(
    (await listImportCheckpoints(storage.db, IMDB_IMPORTER)).map((c) => [c.file, c] as const),
  )
  const types = new Set(options.types ?? DEFAULT_IMDB_TYPES)
  const marked: Marked = { film: new IdSet(), person: new IdSet() }
  const ids = await loadImdbIds(storage.db)
  const files: ImdbFileReport[] = []
  // The files' rows are written without checking their foreign keys row by row (`end` turns the checks
  // back on if a file fails): each refers to rows its batch has read in its own transaction, or that
  // nothing deletes.
  // - Films and their titles refer to the source the first batch found or made, and titles to the
  //   films of the same statement; alternate titles, episodes and ratings to the films the batch
  //   reads (`withFilm`, the episodes' series).
  // - Credits refer to films and people whose ids the import has just read (`ImdbIds`), and none is
  //   ever deleted, except a curated file's films, whose credits the import leaves alone.
  // Checking each credit's person was a random read in the table of people, which cost as much as
  // writing the credit; linking 700,000 episodes took 9.5 s with the checks, 4.7 without; writing an
  // alternate title 2.6–2.8 µs, not 2.8–3.3 (1M rows into an empty table).
  await bulk.checkReferences(false)
  for (const name of IMDB_FILES) {
    const feed = feeds[name] as ImdbFeed<unknown> | undefined
    if (!feed) {
      files.push({ ...emptyReport(name, null), status: 'missing' })
      continue
    }
    const map = mapper(name, { adult: options.adult ?? false, types, year: Number(now().slice(0, 4)) })
    files.push(
      await importFile(storage, name, feed, map, checkpoints.get(name), { marked, ids }, options, now),
    )
  }
  await bulk.checkReferences(true)
  return files
}

function emptyReport(name: ImdbFileName, file: string | null): ImdbFileReport {
  return {
    name,
    file,
    status: 'imported',
    read: 0,
    imported: 0,
    updated: 0,
    unchanged: 0,
    skipped: 0,
    rejected: 0,
    issues: [],
    seconds: 0,
  }
}

/** Staged rows of one batch, and the lines left out before storage (filtered, duplicated, unusable). */
interface Batch {
  lines: number
  staged: unknown[]
  skipped: number
  rejected: ImportIssue[]
  /** Keys seen in this batch (tconst, nconst, …) with their line, to catch a repeated row. */
  seen: Map<string, number>
}

/** What a file's records become: staged rows for storage, or a reason to leave the line out. */
type Mapper = (record: unknown, line: number, batch: Batch, file: string) => void
type Store = (
  target: BulkTarget,
  staged: unknown[],
  context: ImdbBatchContext & { asOf: string },
) => Promise<ImdbBatchOutcome>

function mapper(name: ImdbFileName, filter: { adult: boolean; types: Set<string>; year: number }): Mapper {
  const reject = (batch: Batch, file: string, line: number, message: string) =>
    batch.rejected.push({ file, line, message })
  // A key repeated within a batch would make one statement change a row twice; IMDb's keys are unique.
  const once = (batch: Batch, file: string, line: number, key: string): boolean => {
    const first = batch.seen.get(key)
    if (first === undefined) {
      batch.seen.set(key, line)
      return true
    }
    reject(batch, file, line, `repeats ${key} of line ${first}`)
    return false
  }
  switch (name) {
    case 'name.basics':
      return (record, line, batch, file) => {
        const r = record as NameRecord
        if (hasNul(r.primaryName)) return reject(batch, file, line, NUL_MESSAGE)
        if (!once(batch, file, line, r.nconst)) return
        batch.staged.push({
          line,
          nconst: r.nconst,
          name: r.primaryName,
          slug: importedSlug(r.nconst, [r.primaryName]),
        } satisfies StagedName)
      }
    case 'title.basics':
      return (record, line, batch, file) => {
        const r = record as TitleRecord
        if ((r.isAdult && !filter.adult) || !filter.types.has(r.titleType)) {
          batch.skipped += 1
          return
        }
        if (hasNul(r.primaryTitle) || hasNul(r.originalTitle)) return reject(batch, file, line, NUL_MESSAGE)
        if (!once(batch, file, line, r.tconst)) return
        batch.staged.push({
          line,
          tconst: r.tconst,
          kind: IMDB_KINDS[r.titleType] ?? 'movie',
          status: r.startYear !== null && r.startYear > filter.year ? 'announced' : 'released',
          year: r.startYear,
          title: r.primaryTitle,
          original: r.originalTitle,
          slug: importedSlug(r.tconst, [r.primaryTitle, r.startYear === null ? '' : String(r.startYear)]),
        } satisfies StagedTitle)
      }
    case 'title.episode':
      return (record, line, batch, file) => {
        const r = record as EpisodeRecord
        if (!once(batch, file, line, r.tconst)) return
        batch.staged.push({
          line,
          tconst: r.tconst,
          parent: r.parentTconst,
          season: r.seasonNumber,
          episode: r.episodeNumber,
        } satisfies StagedEpisode)
      }
    case 'title.akas':
      return (record, line, batch, file) => {
        const r = record as AkaRecord
        // The original title is title.basics' originalTitle, already stored.
        if (r.isOriginalTitle) {
          batch.skipped += 1
          return
        }
        if (hasNul(r.title)) return reject(batch, file, line, NUL_MESSAGE)
        if (!once(batch, file, line, `${r.titleId} ordering ${r.ordering}`)) return
        const labels = [...r.types, ...r.attributes]
        batch.staged.push({
          line,
          tconst: r.titleId,
          ordering: r.ordering,
          text: r.title,
          region: r.region,
          language: r.language,
          kind: titleKindOf(r),
          attributes: labels.length > 0 ? JSON.stringify(labels) : null,
        } satisfies StagedAka)
      }
    case 'title.crew':
      return (record, line, batch, file) => {
        const r = record as CrewRecord
        const credits: StagedCredit[] = []
        crewCredits(credits, r, line, 'director', r.directors, 100)
        crewCredits(credits, r, line, 'writer', r.writers, 200)
        if (credits.length === 0) {
          batch.skipped += 1
          return
        }
        if (!once(batch, file, line, r.tconst)) return
        batch.staged.push(...credits)
      }
    case 'title.principals':
      return (record, line, batch, file) => {
        const r = record as PrincipalRecord
        const role = ROLES.get(r.category)
        // production_designer, casting_director: no such role in Retold.
        if (role === undefined) {
          batch.skipped += 1
          return
        }
        const character = r.characters.join(' / ') || null
        if (hasNul(r.job) || hasNul(character)) return reject(batch, file, line, NUL_MESSAGE)
        // One person twice in the same role of a title is left to the store, which knows ids.
        batch.staged.push({
          line,
          tconst: r.tconst,
          nconst: r.nconst,
          role,
          ordering: r.ordering,
          billing: r.ordering,
          job: r.job ?? (CATEGORY_AS_JOB.has(r.category) ? r.category : null),
          characterName: character,
        } satisfies StagedCredit)
      }
    case 'title.ratings':
      return (record, line, batch, file) => {
        const r = record as RatingRecord
        if (!once(batch, file, line, r.tconst)) return
        batch.staged.push({
          line,
          tconst: r.tconst,
          score: r.averageRating,
          votes: r.numVotes,
        } satisfies StagedRating)
      }
  }
}

const STORES: Record<ImdbFileName, Store> = {
  'name.basics': (t, s, c) => storeImdbNames(t, s as StagedName[], c),
  'title.basics': (t, s, c) => storeImdbTitles(t, s as StagedTitle[], c),
  'title.episode': (t, s, c) => storeImdbEpisodes(t, s as StagedEpisode[], c),
  'title.akas': (t, s, c) => storeImdbAkas(t, s as StagedAka[], c),
  'title.crew': (t, s, c) => storeImdbCredits(t, s as StagedCredit[], c, 'crew'),
  'title.principals': (t, s, c) => storeImdbCredits(t, s as StagedCredit[], c, 'principals'),
  'title.ratings': (t, s, c) => storeImdbRatings(t, s as StagedRating[], c),
}

const NOTHING_STORED: ImdbBatchOutcome = {
  imported: 0,
  updated: 0,
  unchanged: 0,
  skipped: 0,
  issues: [],
  pending: { film: [], person: [] },
}

/** Films and people this import has queued for indexing already. */
type Marked = Record<'film' | 'person', IdSet>

const NUL_MESSAGE = 'contains a NUL character'

function hasNul(value: string | null): boolean {
  return value !== null && value.includes('\0')
}

/**
 * Adds the directors or writers of a title.crew line, billed in their order from `first`. One listed
 * twice is left to the store, which keeps the first.
 */
function crewCredits(
  credits: StagedCredit[],
  record: CrewRecord,
  line: number,
  role: 'director' | 'writer',
  people: readonly string[],
  first: number,
): void {
  for (let i = 0; i < people.length; i++) {
    credits.push({
      line,
      tconst: record.tconst,
      nconst: people[i]!,
      role,
      ordering: 0,
      billing: first + i,
      job: null,
      characterName: null,
    })
  }
}

function titleKindOf(aka: AkaRecord): TitleKind {
  if (aka.attributes.some((a) => /romaniz|transliterat/i.test(a))) return 'romanization'
  for (const kind of ['working', 'literal', 'alternative'] as const) if (aka.types.includes(kind)) return kind
  return 'official'
}

async function importFile(
  storage: Storage,
  name: ImdbFileName,
  feed: ImdbFeed<unknown>,
  map: Mapper,
  checkpoint: ImportCheckpoint | undefined,
  { marked, ids }: { marked: Marked; ids: ImdbIds },
  options: ImportImdbOptions,
  now: () => string,
): Promise<ImdbFileReport> {
  const started = performance.now()
  const sameFile = checkpoint?.fingerprint === feed.fingerprint && !options.force
  const listed = options.listedIssues ?? LISTED_ISSUES
  const report: ImdbFileReport = { ...emptyReport(name, feed.file) }
  const restore = (from: ImportCheckpoint) => {
    Object.assign(report, {
      read: from.read,
      imported: from.imported,
      updated: from.updated,
      unchanged: from.unchanged,
      skipped: from.skipped,
      rejected: from.rejected,
      issues: from.issues.map((issue) => ({ file: feed.file, ...issue })),
    })
  }
  if (sameFile && checkpoint.done) {
    restore(checkpoint)
    options.onProgress?.({
      name,
      done: feed.textBytes,
      total: feed.textBytes,
      rows: report.read,
      finished: true,
    })
    return { ...report, status: 'done before' }
  }
  const from = sameFile ? { line: checkpoint.line, offset: checkpoint.offset } : undefined
  if (from) {
    restore(checkpoint!)
    report.status = 'resumed'
  }
  const startedAt = from ? checkpoint!.startedAt : now()
  const author = options.author ?? 'retold import imdb'
  const batchLines = options.batchLines ?? DEFAULT_BATCH_LINES
  const store = STORES[name]
  let sourceId: number | undefined
  let batches = 0
  let position: FeedPosition = from ?? { line: 2, offset: 0 }
  // The last line read: the position after it is worked out at a commit, not for each line.
  let last: { line: number; end: number } | undefined
  let batch: Batch = { lines: 0, staged: [], skipped: 0, rejected: [], seen: new Map() }

  const keepIssues = (issues: readonly ImportIssue[]) => {
    for (const issue of issues) if (report.issues.length < listed) report.issues.push(issue)
  }
  const flush = async (done: boolean) => {
    if (last) position = { line: last.line + 1, offset: last.end }
    const at = now()
    const outcome = await storage.db.transaction().execute(async (trx) => {
      sourceId ??= await findOrCreateImdbSource(trx, feed.date, at)
      const target = { db: trx, dialect: storage.dialect, copyFrom: storage.copyFrom }
      batches += 1
      const result =
        batch.staged.length === 0
          ? NOTHING_STORED
          : await store(target, batch.staged, {
              now: at,
              sourceId,
              asOf: feed.date,
              revision: { author, reason: `import ${name} of ${feed.date}`, at },
              batch: batches,
              ids,
            })
      for (const kind of ['film', 'person'] as const)
        await markImportPending(
          target,
          kind,
          result.pending[kind].filter((id) => marked[kind].add(id)),
        )
      const issues = [
        ...batch.rejected,
        ...result.issues.map((issue) => ({ file: feed.file, ...issue })),
      ].sort((a, b) => a.line - b.line)
      const next = {
        read: report.read + batch.lines,
        imported: report.imported + result.imported,
        updated: report.updated + result.updated,
        unchanged: report.unchanged + result.unchanged,
        skipped: report.skipped + batch.skipped + result.skipped,
        rejected: report.rejected + batch.rejected.length,
      }
      const kept = [...report.issues, ...issues].slice(0, listed)
      await saveImportCheckpoint(trx, IMDB_IMPORTER, {
        file: name,
        fingerprint: feed.fingerprint,
        line: position.line,
        offset: position.offset,
        done,
        ...next,
        issues: kept.map(({ line, message }) => ({ line, message })),
        startedAt,
        updatedAt: at,
      })
      return { next, issues }
    })
    Object.assign(report, outcome.next)
    keepIssues(outcome.issues)
    batch = { lines: 0, staged: [], skipped: 0, rejected: [], seen: new Map() }
    options.onProgress?.({
      name,
      done: position.offset,
      total: feed.textBytes,
      rows: report.read,
      finished: done,
    })
  }

  try {
    for await (const items of feed.read(from)) {
      for (const item of items) {
        batch.lines += 1
        if (item.kind === 'rejected')
          batch.rejected.push({ file: feed.file, line: item.line, message: item.message })
        else map(item.record, item.line, batch, feed.file)
        last = item
        if (batch.lines >= batchLines) await flush(false)
      }
    }
    await flush(true)
  } catch (error) {
    throw stopped(feed.file, report.read, error)
  }
  return { ...report, seconds: (performance.now() - started) / 1000 }
}

/** A fatal error (disk full, database gone, unreadable file) said plainly, with where to resume. */
function stopped(file: string, committedLines: number, error: unknown): AppError {
  const code = (error as { code?: unknown }).code
  const reason =
    code === 'SQLITE_FULL' || code === '53100' || code === 'ENOSPC'
      ? 'the disk is full'
      : code === 'SQLITE_IOERR' || code === 'SQLITE_CORRUPT' || code === 'SQLITE_CANTOPEN'
        ? `the database file cannot be written (${code})`
        : (error as Error).message
  return new AppError(
    isAppError(error) ? error.code : 'Unavailable',
    `import stopped in ${file}: ${reason}. The ${committedLines.toLocaleString('en-US')} lines read before ` +
      'the failing batch are stored; run the same command again to resume from there.',
    { cause: error },
  )
}

/** A set of row ids, one bit each: what an import has queued for indexing, without asking again. */
class IdSet {
  private bits = new Uint32Array(1 << 15)

  /** Adds `id`; false when it was there already. */
  add(id: number): boolean {
    const word = id >>> 5
    if (word >= this.bits.length) {
      const grown = new Uint32Array(Math.max(word + 1, this.bits.length * 2))
      grown.set(this.bits)
      this.bits = grown
    }
    const bits = this.bits[word]!
    const bit = 1 << (id & 31)
    if ((bits & bit) !== 0) return false
    this.bits[word] = bits | bit
    return true
  }
}
