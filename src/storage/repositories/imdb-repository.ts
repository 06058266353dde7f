import { sql, type Kysely, type RawBuilder } from 'kysely'
import { isImportedSlug, qualifierKey } from '../../domain/index.ts'
import type { Storage } from '../connect.ts'
import type { Database } from '../schema.ts'
import type { ImdbIds } from './imdb-ids.ts'
import { insertRows } from './insert-rows.ts'
import { insertRevisions, type NewRevision, type RevisionContext } from './revision-repository.ts'

// Writing a batch of IMDb rows. People and films are created from a temporary staging table (COPY on
// PostgreSQL, multi-row INSERTs on SQLite) merged by set-based statements. Every other file finds its
// films and people in memory (`ImdbIds`), reads the stored rows of the batch's films by id, and
// compares them row by row: what is new is written in bulk (COPY, or INSERTs of fixed shapes), what
// changed is updated by id, and a line that refers to a title or person that is not stored is
// reported. A re-import thus counts exactly what it changes and records a revision for it. The caller
// runs each batch in one transaction.
//
// Rows the import owns are told apart from curated ones: films and people by their IMDb id, titles and
// credits by `imdb_ordering` (null on curated rows), claims by `origin = 'imdb'`. A film a curated file
// defines keeps its curated columns, titles and credits; the import adds its alternate titles and
// ratings. A person whose slug does not end with their IMDb id was named by a curated file and keeps
// that name.

/** The bulk-loading side of a Storage, with `db` being the transaction of the batch. */
export type BulkTarget = Pick<Storage, 'db' | 'dialect' | 'copyFrom'>

export const IMDB_ORIGIN = 'imdb'

export interface ImdbBatchContext {
  now: string
  sourceId: number
  revision: RevisionContext
  /** The batch's number in its file, from 1. */
  batch: number
  /** Films and people by IMDb id; the stores of names and titles add those they create. */
  ids: ImdbIds
}

/** What one batch did, by line of the file. */
export interface ImdbBatchOutcome {
  imported: number
  updated: number
  unchanged: number
  skipped: number
  /** Lines that refer to a title or person that is not stored (`file:line: reason` without the file). */
  issues: Array<{ line: number; message: string }>
  /** Films and people whose search documents are to be rebuilt (`markImportPending`). */
  pending: { film: number[]; person: number[] }
}

export interface StagedName {
  line: number
  nconst: string
  name: string
  slug: string
}

export interface StagedTitle {
  line: number
  tconst: string
  kind: string
  status: string
  year: number | null
  title: string
  original: string | null
  slug: string
}

export interface StagedEpisode {
  line: number
  tconst: string
  parent: string
  season: number | null
  episode: number | null
}

export interface StagedAka {
  line: number
  tconst: string
  ordering: number
  text: string
  region: string | null
  language: string | null
  kind: string
  /** A JSON array of IMDb's types and attributes, or null. */
  attributes: string | null
}

export interface StagedCredit {
  line: number
  tconst: string
  nconst: string
  role: string
  /** The principal's ordering; 0 for title.crew. */
  ordering: number
  billing: number
  job: string | null
  characterName: string | null
}

export interface StagedRating {
  line: number
  tconst: string
  score: number
  votes: number
}

// A value of COPY's text format, or of a staging table.
type Cell = string | number | null

const CREDIT_COLUMNS = [
  'film_id',
  'person_id',
  'role',
  'character_name',
  'billing',
  'source_id',
  'imdb_ordering',
  'job',
] as const

interface StageTable {
  name: string
  columns: ReadonlyArray<readonly [name: string, type: 'integer' | 'text' | 'real']>
}

const STAGES = {
  name: {
    name: 'imdb_stage_name',
    columns: [
      ['line', 'integer'],
      ['nconst', 'text'],
      ['name', 'text'],
      ['slug', 'text'],
    ],
  },
  title: {
    name: 'imdb_stage_title',
    columns: [
      ['line', 'integer'],
      ['tconst', 'text'],
      ['kind', 'text'],
      ['status', 'text'],
      ['year', 'integer'],
      ['title', 'text'],
      ['original', 'text'],
      ['slug', 'text'],
    ],
  },
} as const satisfies Record<string, StageTable>

/** A long load under way (`beginBulkLoad`). */
export interface BulkLoad {
  /** Builds the indexes the load left out (before anything reads by them); the writes after it are few or in order. */
  restoreIndexes(onProgress?: IndexProgress): Promise<void>
  /**
   * Whether each row written is checked to refer to stored rows (foreign keys): on unless told. Off
   * only while the rows written refer to rows read in the same transaction, or that nothing deletes.
   * SQLite only; called between transactions.
   */
  checkReferences(on: boolean): Promise<void>
  /** Restores the settings. */
  end(): Promise<void>
}

/**
 * Prepares a long load. On a first load (a table almost empty), the indexes no import step reads are
 * dropped, to be built once, by sorting, when the files are read: an index on credit.person_id grown
 * row by row writes pages all over itself, which at IMDb's 100 million credits costs more than the
 * rows. On SQLite also: a page cache big enough for the indexes looked up at random (film, person and
 * credit by IMDb id), staging tables in memory, and a WAL checkpoint every few hundred MB instead of
 * every 4 MB (each copies the pages the last batches touched, again and again). Every batch still
 * commits as before (synchronous = NORMAL).
 */
export async function beginBulkLoad(target: BulkTarget): Promise<BulkLoad> {
  const { db } = target
  for (const table of new Set(DEFERRED_INDEXES.map((index) => index.table))) {
    const { rows: counted } = await sql<{ n: number }>`
      select count(*) as n from (select 1 from ${sql.table(table)} limit ${FIRST_LOAD_ROWS}) as t`.execute(db)
    if (Number(counted[0]!.n) >= FIRST_LOAD_ROWS) continue
    for (const index of DEFERRED_INDEXES)
      if (index.table === table) await db.schema.dropIndex(index.name).ifExists().execute()
  }
  const restoreIndexes = (onProgress?: IndexProgress) => restoreDeferredIndexes(db, onProgress)
  if (target.dialect !== 'sqlite')
    return { restoreIndexes, checkReferences: async () => {}, end: async () => {} }
  const read = async (name: string) =>
    Object.values((await sql.raw<Record<string, number>>(`pragma ${name}`).execute(db)).rows[0] ?? {})[0]
  const before = {
    cache_size: await read('cache_size'),
    wal_autocheckpoint: await read('wal_autocheckpoint'),
    foreign_keys: await read('foreign_keys'),
    temp_store: await read('temp_store'),
  }
  await sql.raw(`pragma cache_size = ${-BULK_CACHE_KIB}`).execute(db)
  await sql.raw(`pragma wal_autocheckpoint = ${BULK_CHECKPOINT_PAGES}`).execute(db)
  await sql.raw('pragma temp_store = memory').execute(db)
  return {
    restoreIndexes: async (onProgress) => {
      // Building an index sorts its entries in memory up to the page cache's size, and beyond it
      // through temporary files: in memory, the 100 million credits of IMDb would take gigabytes (3M
      // titles: peak RSS 1,567 MiB, not 1,175). The page cache is made small meanwhile, or the sort's
      // memory would come on top of it (12M titles: peak RSS 1,704 MiB). What comes next, the search
      // pass, writes in the order of slugs: on 64 MiB, not 256, it indexed 3M titles no slower, in
      // 746 MiB, not 965. A second thread sorts (`threads = 1`): at 12M titles the indexes took 68 s,
      // not 99, and the thread's memory stays: peak RSS 1,319 and 1,396 MiB in two runs, not 1,293.
      await sql.raw('pragma temp_store = file').execute(db)
      await sql.raw(`pragma cache_size = ${-SORT_CACHE_KIB}`).execute(db)
      await sql.raw('pragma threads = 1').execute(db)
      await restoreIndexes(onProgress)
      await sql.raw('pragma threads = 0').execute(db)
      await sql.raw(`pragma cache_size = ${-PASS_CACHE_KIB}`).execute(db)
    },
    checkReferences: async (on) => {
      await sql.raw(`pragma foreign_keys = ${on && before.foreign_keys === 1 ? 'on' : 'off'}`).execute(db)
    },
    end: async () => {
      for (const [name, value] of Object.entries(before))
        if (typeof value === 'number') await sql.raw(`pragma ${name} = ${value}`).execute(db)
      await sql.raw('pragma wal_checkpoint(truncate)').execute(db)
    },
  }
}

/**
 * Builds the indexes a load left out, if it did: after a load, and at every start (`migrateToLatest`)
 * in case a load was stopped before it could.
 */
export async function restoreDeferredIndexes(
  db: Kysely<Database>,
  onProgress?: IndexProgress,
): Promise<void> {
  onProgress?.(0, DEFERRED_INDEXES.length)
  for (const [i, index] of DEFERRED_INDEXES.entries()) {
    await db.schema.createIndex(index.name).ifNotExists().on(index.table).column(index.column).execute()
    onProgress?.(i + 1, DEFERRED_INDEXES.length)
  }
}

/** Told how many of the indexes are built, of how many. */
type IndexProgress = (done: number, total: number) => void

// As the migrations define them.
const DEFERRED_INDEXES = [
  { name: 'credit_person_id', table: 'credit', column: 'person_id' },
  { name: 'credit_film_id', table: 'credit', column: 'film_id' },
  { name: 'title_film_id', table: 'title', column: 'film_id' },
  { name: 'film_parent_film_id', table: 'film', column: 'parent_film_id' },
] as const
const FIRST_LOAD_ROWS = 100_000
const BULK_CACHE_KIB = 256 * 1024
const SORT_CACHE_KIB = 32 * 1024
const PASS_CACHE_KIB = 64 * 1024
const BULK_CHECKPOINT_PAGES = 50_000

/** Fills the staging table (created on first use, emptied each time) with `rows`. */
async function stage(target: BulkTarget, table: StageTable, rows: readonly Cell[][]): Promise<void> {
  const { db, dialect } = target
  const columns = table.columns.map(([name]) => name)
  const definitions = table.columns.map(([name, type]) => `${name} ${type}`).join(', ')
  await sql.raw(`create temp table if not exists ${table.name} (${definitions})`).execute(db)
  // TRUNCATE on PostgreSQL: deleted rows of a temporary table stay until a VACUUM that never comes.
  await sql.raw(`${dialect === 'postgres' ? 'truncate table' : 'delete from'} ${table.name}`).execute(db)
  if (rows.length === 0) return
  await fill(target, table.name, columns, rows)
  // PostgreSQL has no statistics for a temporary table until it is analyzed: it would plan the merge
  // as if the batch were large and scan the whole person or film table for each batch (a 1M-title
  // import then grows quadratically). SQLite's planner uses the indexes without being told.
  if (dialect === 'postgres') {
    await sql.raw(`analyze ${table.name}`).execute(db)
  }
}

/**
 * Settings of a batch's transaction on PostgreSQL.
 * - The tables an import fills grow faster than autovacuum re-analyzes them: with stale counts a
 *   table of 100,000 rows still looks like its first 1,000 (or its first none), and a merge scans it
 *   for every row. A file's tables are analyzed each time they may have doubled: before its batches
 *   1, 2, 4, 8…
 * - The pages a batch looks up at random are in memory or on an SSD: with the default
 *   random_page_cost of 4, PostgreSQL reads the whole index of people in order to merge-join the
 *   20,000 of a batch, five times slower than looking each up.
 */
async function prepareBatch(target: BulkTarget, batch: number, tables: readonly string[]): Promise<void> {
  if (target.dialect !== 'postgres') return
  await sql.raw('set local random_page_cost = 1.1').execute(target.db)
  if ((batch & (batch - 1)) === 0 && tables.length > 0)
    await sql.raw(`analyze ${tables.join(', ')}`).execute(target.db)
}

/** Adds `rows` to `table`: COPY on PostgreSQL, multi-row INSERTs on SQLite. */
async function fill(target: BulkTarget, table: string, columns: readonly string[], rows: readonly Cell[][]) {
  if (rows.length === 0) return
  if (target.copyFrom)
    await target.copyFrom(`copy ${table} (${columns.join(', ')}) from stdin`, copyText(rows))
  else await insertRows(target, `insert into ${table} (${columns.join(', ')})`, rows)
}

// COPY's text format: tab-separated, `\N` for null, backslash escapes for backslash, tab and line ends.
function copyText(rows: readonly Cell[][]): string {
  let text = ''
  for (const row of rows) {
    for (let i = 0; i < row.length; i++) {
      const cell = row[i]
      if (i > 0) text += '\t'
      if (cell === null || cell === undefined) text += '\\N'
      else if (typeof cell === 'number') text += String(cell)
      else text += /[\\\t\n\r]/.test(cell) ? cell.replace(/[\\\t\n\r]/g, escapeCopy) : cell
    }
    text += '\n'
  }
  return text
}

function escapeCopy(character: string): string {
  return character === '\\' ? '\\\\' : character === '\t' ? '\\t' : character === '\n' ? '\\n' : '\\r'
}

// PostgreSQL gives untyped parameters in a SELECT list the type text; these say what they are.
const int = (value: number) => sql`cast(${value} as integer)`
const text = (value: string) => sql`cast(${value} as text)`

async function rows<T>(db: Kysely<Database>, query: RawBuilder<T>): Promise<T[]> {
  return (await query.execute(db)).rows
}

/**
 * A list of ids as one parameter, whatever its length (`where id in ${idList(…)}`): a statement
 * compiled once, where an IN list of each batch's length would be compiled for each.
 */
function idList(target: Pick<BulkTarget, 'dialect'>, ids: readonly number[]): RawBuilder<unknown> {
  const unique = distinct(ids)
  return target.dialect === 'postgres'
    ? sql`(select unnest(${unique}::integer[]) as id)`
    : sql`(select value as id from json_each(${JSON.stringify(unique)}))`
}

/**
 * The ids once each. A batch's films come in the order of its file, which is theirs: those are kept
 * without building a Set.
 */
function distinct(ids: readonly number[]): number[] {
  const unique: number[] = []
  let last = -Infinity
  for (const id of ids) {
    if (id > last) unique.push((last = id))
    else if (id < last) return [...new Set(ids)]
  }
  return unique
}

/** Rows in lists by a key of each (their film, say), in their order. */
function groupBy<T, K>(rows: readonly T[], key: (row: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>()
  for (const row of rows) {
    const group = groups.get(key(row))
    if (group) group.push(row)
    else groups.set(key(row), [row])
  }
  return groups
}

/** The rows of a query by a key of each (a row id, say). */
async function rowsBy<T, K>(
  target: BulkTarget,
  query: RawBuilder<T>,
  key: (row: T) => K,
): Promise<Map<K, T>> {
  return new Map((await rows(target.db, query)).map((row) => [key(row), row]))
}

/**
 * Sets columns of rows given as [id, ...values], in one statement through a staging table: rows a
 * re-import changes, seldom many but sometimes most of a batch.
 */
async function updateById(
  target: BulkTarget,
  table: 'film' | 'title' | 'credit' | 'claim',
  columns: StageTable['columns'],
  changed: readonly Cell[][],
): Promise<void> {
  if (changed.length === 0) return
  const staging = { name: `imdb_stage_${table}_change`, columns: [['id', 'integer'] as const, ...columns] }
  await stage(target, staging, changed)
  const set = columns.map(([column]) => `${column} = s.${column}`).join(', ')
  await sql
    .raw(`update ${table} set ${set} from ${staging.name} s where ${table}.id = s.id`)
    .execute(target.db)
}

/**
 * Queues films or people for `indexImportPending`. Not episodes: they have no search document of
 * their own (IMDb's 8 million of 12 million titles), they are found through their series.
 */
export async function markImportPending(target: BulkTarget, kind: 'film' | 'person', ids: readonly number[]) {
  if (ids.length === 0) return
  // A WHERE either way: without one SQLite reads ON CONFLICT as the ON of a join.
  await sql`
    insert into import_pending (kind, id) select ${text(kind)}, ids.id from ${idList(target, ids)} as ids
    ${kind === 'film' ? sql`join film f on f.id = ids.id where f.kind <> ${'episode'}` : sql`where true`}
    on conflict do nothing`.execute(target.db)
}

/**
 * Counts lines by the best thing that happened to any of their rows. A batch's lines are next to one
 * another: each has a byte, from the lowest line marked (a Map of IMDb's 140 million lines was 1.5% of
 * an import, and more in collecting its garbage).
 */
class Tally {
  private first = 0
  // 1 + the status of each line from `first`; 0 for a line not marked.
  private statuses = new Uint8Array(0)
  readonly issues: Array<{ line: number; message: string }> = []
  readonly pending: ImdbBatchOutcome['pending'] = { film: [], person: [] }

  /** 0: skipped, 1: unchanged, 2: updated, 3: imported. */
  mark(line: number, status: 0 | 1 | 2 | 3): void {
    let at = line - this.first
    if (at < 0 || at >= this.statuses.length) at = this.cover(line)
    if (status >= this.statuses[at]!) this.statuses[at] = status + 1
  }

  /** Grows the bytes to hold `line`, and returns its place. */
  private cover(line: number): number {
    const marked = this.statuses.length > 0
    const first = marked ? Math.min(this.first, line) : line
    const last = marked ? Math.max(this.first + this.statuses.length - 1, line) : line
    const grown = new Uint8Array(Math.max(last - first + 1, 2 * this.statuses.length, 1024))
    if (marked) grown.set(this.statuses, this.first - first)
    this.statuses = grown
    this.first = first
    return line - first
  }

  skip(line: number, message: string): void {
    this.mark(line, 0)
    this.issues.push({ line, message })
  }

  outcome(): ImdbBatchOutcome {
    const counts = [0, 0, 0, 0, 0]
    for (const status of this.statuses) counts[status]! += 1
    return {
      skipped: counts[1]!,
      unchanged: counts[2]!,
      updated: counts[3]!,
      imported: counts[4]!,
      issues: this.issues.sort((a, b) => a.line - b.line || (a.message < b.message ? -1 : 1)),
      pending: this.pending,
    }
  }
}

const notImportedTitle = (tconst: string) => `${tconst} is not an imported title`

/**
 * The rows whose title is stored, with its film's id; the others are skipped with their reason. The
 * films are read in the batch's transaction: one deleted since the import started (a curated film a
 * `retold load` dropped) is not written to.
 */
async function withFilm<T extends { line: number; tconst: string }>(
  target: BulkTarget,
  rows: readonly T[],
  ids: ImdbIds,
  tally: Tally,
): Promise<Array<{ row: T; filmId: number }>> {
  const mapped = rows.map((row) => ({ row, filmId: ids.film.get(row.tconst) }))
  const stored = await storedFilms(
    target,
    mapped.flatMap((m) => (m.filmId === undefined ? [] : [m.filmId])),
  )
  const found: Array<{ row: T; filmId: number }> = []
  for (const { row, filmId } of mapped) {
    if (filmId === undefined || !stored.has(filmId)) tally.skip(row.line, notImportedTitle(row.tconst))
    else found.push({ row, filmId })
  }
  return found
}

/** Which of these films are stored. */
async function storedFilms(target: BulkTarget, filmIds: readonly number[]): Promise<Set<number>> {
  const found = await rows(
    target.db,
    sql<{ id: number }>`select id from film where id in ${idList(target, filmIds)}`,
  )
  return new Set(found.map((row) => row.id))
}
const notImportedPerson = (nconst: string) => `${nconst} is not an imported person`

/** name.basics: people, found by IMDb id; a name that changed is updated. */
export async function storeImdbNames(
  target: BulkTarget,
  names: readonly StagedName[],
  context: ImdbBatchContext,
): Promise<ImdbBatchOutcome> {
  const { db } = target
  await prepareBatch(target, context.batch, ['person'])
  await stage(
    target,
    STAGES.name,
    names.map((n) => [n.line, n.nconst, n.name, n.slug]),
  )
  // The map of ids knows every stored person (`ImdbIds`): a batch none of whose people it knows, as on
  // a first load, is all new, and is not looked up.
  const fresh = !names.some((n) => context.ids.person.get(n.nconst) !== undefined)
  const found = fresh
    ? []
    : await rows(
        db,
        sql<{
          line: number
          nconst: string
          name: string
          id: number | null
          stored: string | null
          slug: string | null
        }>`
          select s.line, s.nconst, s.name, p.id, p.name as stored, p.slug
          from imdb_stage_name s left join person p on p.imdb_id = s.nconst`,
      )
  const tally = new Tally()
  if (fresh) for (const name of names) tally.mark(name.line, 3)
  const revisions: NewRevision[] = []
  for (const row of found) {
    if (row.id === null) tally.mark(row.line, 3)
    else if (row.stored !== row.name && isImportedSlug(row.slug!, row.nconst)) {
      tally.mark(row.line, 2)
      tally.pending.person.push(row.id)
      revisions.push({
        entityKind: 'person',
        entityKey: row.slug!,
        action: 'update',
        before: { name: row.stored },
        after: { name: row.name },
      })
    } else tally.mark(row.line, 1)
  }
  const created = await rows(
    db,
    sql<{ id: number; imdb_id: string }>`
      insert into person (slug, name, imdb_id, created_at, updated_at)
      select s.slug, s.name, s.nconst, ${text(context.now)}, ${text(context.now)}
      from imdb_stage_name s
      where not exists (select 1 from person p where p.imdb_id = s.nconst)
      returning id, imdb_id`,
  )
  for (const { id, imdb_id } of created) {
    context.ids.person.set(imdb_id, id)
    tally.pending.person.push(id)
  }
  if (revisions.length > 0) {
    await sql`
      update person set name = s.name, updated_at = ${context.now}
      from imdb_stage_name s
      where person.imdb_id = s.nconst and person.name <> s.name
        and (person.slug = lower(s.nconst) or person.slug like lower(s.nconst) || ${'-%'})`.execute(db)
  }
  await insertRevisions(db, context.revision, revisions)
  return tally.outcome()
}

/**
 * title.basics: films, found by IMDb id, with their original title (imdb_ordering 0) and, when it
 * differs, their primary title (-1). A curated film keeps its own columns and titles.
 */
export async function storeImdbTitles(
  target: BulkTarget,
  titles: readonly StagedTitle[],
  context: ImdbBatchContext,
): Promise<ImdbBatchOutcome> {
  const { db } = target
  await prepareBatch(target, context.batch, ['film', 'title'])
  await stage(
    target,
    STAGES.title,
    titles.map((t) => [t.line, t.tconst, t.kind, t.status, t.year, t.title, t.original, t.slug]),
  )
  // As for people: a batch of films none of which is stored is not looked up.
  const fresh = !titles.some((t) => context.ids.film.get(t.tconst) !== undefined)
  const found = fresh
    ? []
    : await rows(
        db,
        sql<{
          line: number
          kind: string
          status: string
          year: number | null
          title: string
          original: string | null
          id: number | null
          slug: string | null
          stored_kind: string | null
          stored_status: string | null
          stored_year: number | null
          curated_file: string | null
          original_text: string | null
          primary_text: string | null
        }>`
          select s.line, s.kind, s.status, s.year, s.title, s.original, f.id, f.slug,
            f.kind as stored_kind, f.status as stored_status, f.year as stored_year, f.curated_file,
            t0.text as original_text, t1.text as primary_text
          from imdb_stage_title s
          left join film f on f.imdb_id = s.tconst
          left join title t0 on t0.film_id = f.id and t0.imdb_ordering = 0
          left join title t1 on t1.film_id = f.id and t1.imdb_ordering = -1`,
      )
  const tally = new Tally()
  if (fresh) for (const title of titles) tally.mark(title.line, 3)
  const revisions: NewRevision[] = []
  for (const row of found) {
    if (row.id === null) {
      tally.mark(row.line, 3)
      continue
    }
    if (row.curated_file !== null) {
      tally.mark(row.line, 1)
      continue
    }
    const original = row.original ?? row.title
    const primary = original === row.title ? null : row.title
    const before = {
      kind: row.stored_kind,
      status: row.stored_status,
      year: row.stored_year,
      title: row.primary_text ?? row.original_text,
      original_title: row.original_text,
    }
    const after = {
      kind: row.kind,
      status: row.status,
      year: row.year,
      title: row.title,
      original_title: original,
    }
    const changed =
      before.kind !== after.kind ||
      before.status !== after.status ||
      before.year !== after.year ||
      row.original_text !== original ||
      row.primary_text !== primary
    if (!changed) {
      tally.mark(row.line, 1)
      continue
    }
    tally.mark(row.line, 2)
    tally.pending.film.push(row.id)
    revisions.push({ entityKind: 'film', entityKey: row.slug!, action: 'update', before, after })
  }
  const created = await rows(
    db,
    sql<{ id: number; imdb_id: string }>`
      insert into film (slug, kind, status, relation, year, imdb_id, source_id, created_at, updated_at)
      select s.slug, s.kind, s.status, ${text('original')}, s.year, s.tconst, ${int(context.sourceId)},
        ${text(context.now)}, ${text(context.now)}
      from imdb_stage_title s
      where not exists (select 1 from film f where f.imdb_id = s.tconst)
      returning id, imdb_id`,
  )
  for (const { id, imdb_id } of created) {
    context.ids.film.set(imdb_id, id)
    tally.pending.film.push(id)
  }
  if (revisions.length > 0) {
    await sql`
      update film set kind = s.kind, status = s.status, year = s.year, updated_at = ${context.now}
      from imdb_stage_title s
      where film.imdb_id = s.tconst and film.curated_file is null
        and (film.kind <> s.kind or film.status <> s.status or film.year is distinct from s.year)`.execute(db)
  }
  const upsertTitle = (ordering: 0 | -1) => sql`
    insert into title (film_id, text, kind, position, source_id, imdb_ordering)
    select f.id, ${ordering === 0 ? sql`coalesce(s.original, s.title)` : sql`s.title`},
      ${text(ordering === 0 ? 'original' : 'official')}, ${int(-ordering)}, ${int(context.sourceId)}, ${int(ordering)}
    from imdb_stage_title s join film f on f.imdb_id = s.tconst
    where f.curated_file is null
      ${ordering === -1 ? sql`and s.original is not null and s.original <> s.title` : sql``}
    on conflict (film_id, imdb_ordering) where imdb_ordering is not null
    do update set text = excluded.text, source_id = excluded.source_id
    where title.text <> excluded.text`
  await upsertTitle(0).execute(db)
  await upsertTitle(-1).execute(db)
  // A primary title that is now the original one; only films stored before this batch can have it.
  if (found.some((row) => row.id !== null)) {
    await sql`
      delete from title where imdb_ordering = -1 and film_id in (
        select f.id from imdb_stage_title s join film f on f.imdb_id = s.tconst
        where s.original is null or s.original = s.title)`.execute(db)
  }
  await insertRevisions(db, context.revision, revisions)
  return tally.outcome()
}

/** title.episode: links each episode to its series, with its season and number. */
export async function storeImdbEpisodes(
  target: BulkTarget,
  episodes: readonly StagedEpisode[],
  context: ImdbBatchContext,
): Promise<ImdbBatchOutcome> {
  await prepareBatch(target, context.batch, [])
  const tally = new Tally()
  const linked: Array<{ episode: StagedEpisode; id: number; parentId: number }> = []
  for (const episode of episodes) {
    const id = context.ids.film.get(episode.tconst)
    const parentId = context.ids.film.get(episode.parent)
    if (id === undefined) tally.skip(episode.line, notImportedTitle(episode.tconst))
    else if (parentId === undefined)
      tally.skip(episode.line, `its series ${episode.parent} is not an imported title`)
    else linked.push({ episode, id, parentId })
  }
  const stored = await rowsBy(
    target,
    sql<{
      id: number
      slug: string
      parent_film_id: number | null
      season: number | null
      episode: number | null
    }>`
      select id, slug, parent_film_id, season, episode from film
      where id in ${idList(
        target,
        linked.flatMap((l) => [l.id, l.parentId]),
      )}`,
    (row) => row.id,
  )
  const revisions: NewRevision[] = []
  const changed: Cell[][] = []
  for (const { episode, id, parentId } of linked) {
    const row = stored.get(id)
    const { line, season } = episode
    // Read in this transaction, the series is known to be stored: its reference needs no other check.
    if (row === undefined) tally.skip(line, notImportedTitle(episode.tconst))
    else if (!stored.has(parentId)) tally.skip(line, `its series ${episode.parent} is not an imported title`)
    else if (row.parent_film_id === parentId && row.season === season && row.episode === episode.episode)
      tally.mark(line, 1)
    else {
      changed.push([id, parentId, season, episode.episode, context.now])
      if (row.parent_film_id === null) tally.mark(line, 3)
      else {
        tally.mark(line, 2)
        revisions.push({
          entityKind: 'film',
          entityKey: row.slug,
          action: 'update',
          before: { parent_film_id: row.parent_film_id, season: row.season, episode: row.episode },
          after: { parent_film_id: parentId, season, episode: episode.episode },
        })
      }
    }
  }
  await updateById(target, 'film', EPISODE_CHANGE, changed)
  await insertRevisions(target.db, context.revision, revisions)
  return tally.outcome()
}

const EPISODE_CHANGE = [
  ['parent_film_id', 'integer'],
  ['season', 'integer'],
  ['episode', 'integer'],
  ['updated_at', 'text'],
] as const

/** title.akas: alternate titles, found by film and IMDb ordering. */
export async function storeImdbAkas(
  target: BulkTarget,
  akas: readonly StagedAka[],
  context: ImdbBatchContext,
): Promise<ImdbBatchOutcome> {
  await prepareBatch(target, context.batch, ['title'])
  const tally = new Tally()
  const found = await withFilm(target, akas, context.ids, tally)
  const stored = await rowsBy(
    target,
    sql<{
      id: number
      film_id: number
      imdb_ordering: number
      text: string
      region: string | null
      language: string | null
      kind: string
      attributes: string | null
    }>`
      select id, film_id, imdb_ordering, text, region, language, kind, attributes from title
      where film_id in ${idList(
        target,
        found.map((f) => f.filmId),
      )} and imdb_ordering is not null`,
    (row) => `${row.film_id} ${row.imdb_ordering}`,
  )
  const created: Cell[][] = []
  const changed: Cell[][] = []
  const updates: FilmRevision[] = []
  for (const { row: aka, filmId } of found) {
    const after = {
      text: aka.text,
      region: aka.region,
      language: aka.language,
      kind: aka.kind,
      attributes: aka.attributes,
    }
    const row = stored.get(`${filmId} ${aka.ordering}`)
    if (row === undefined) {
      tally.mark(aka.line, 3)
      tally.pending.film.push(filmId)
      created.push([
        filmId,
        aka.text,
        aka.language,
        aka.region,
        aka.kind,
        aka.ordering + 1,
        context.sourceId,
        aka.ordering,
        aka.attributes,
      ])
      continue
    }
    const before = {
      text: row.text,
      region: row.region,
      language: row.language,
      kind: row.kind,
      attributes: row.attributes,
    }
    if (Object.entries(after).every(([key, value]) => before[key as keyof typeof before] === value)) {
      tally.mark(aka.line, 1)
      continue
    }
    tally.mark(aka.line, 2)
    tally.pending.film.push(filmId)
    changed.push([row.id, aka.text, aka.language, aka.region, aka.kind, aka.attributes, context.sourceId])
    updates.push({
      filmId,
      revision: (slug) => ({
        entityKind: 'title',
        entityKey: `${slug}/${aka.ordering}`,
        action: 'update',
        before,
        after,
      }),
    })
  }
  await fill(target, 'title', AKA_COLUMNS, created)
  await updateById(target, 'title', AKA_CHANGE, changed)
  await insertFilmRevisions(target, context, updates)
  return tally.outcome()
}

const AKA_COLUMNS = [
  'film_id',
  'text',
  'language',
  'region',
  'kind',
  'position',
  'source_id',
  'imdb_ordering',
  'attributes',
] as const
const AKA_CHANGE = [
  ['text', 'text'],
  ['language', 'text'],
  ['region', 'text'],
  ['kind', 'text'],
  ['attributes', 'text'],
  ['source_id', 'integer'],
] as const

/**
 * title.crew (ordering 0, never changes a stored credit) and title.principals (enriches a credit crew
 * added, updates one that changed): credits found by film, person and role. A credit Wikidata made is
 * the same credit, not a second one: principals make it IMDb's, with IMDb's billing and character.
 * The credits of a curated film are its curated ones; IMDb's are left out there.
 */
export async function storeImdbCredits(
  target: BulkTarget,
  credits: readonly StagedCredit[],
  context: ImdbBatchContext,
  from: 'crew' | 'principals',
): Promise<ImdbBatchOutcome> {
  await prepareBatch(target, context.batch, ['credit'])
  const tally = new Tally()
  const found: Array<{ credit: StagedCredit; filmId: number; personId: number }> = []
  for (const credit of credits) {
    const filmId = context.ids.film.get(credit.tconst)
    const personId = context.ids.person.get(credit.nconst)
    if (filmId === undefined) tally.skip(credit.line, notImportedTitle(credit.tconst))
    else if (personId === undefined) tally.skip(credit.line, notImportedPerson(credit.nconst))
    else if (context.ids.curated.has(filmId)) tally.mark(credit.line, 0)
    else found.push({ credit, filmId, personId })
  }
  // The stored credits of the batch's films, few, and for crew only its roles (principals, read
  // before, hold the cast too): IMDb's, then those another source made (Wikidata's), each by the
  // partial index on film that holds them.
  const films = idList(
    target,
    found.map((f) => f.filmId),
  )
  const roles = from === 'crew' ? sql`and role in ('director', 'writer')` : sql``
  const stored = groupBy(
    await rows(
      target.db,
      sql<StoredCredit>`
        select id, film_id, person_id, role, imdb_ordering, billing, job, character_name from credit
        where film_id in ${films} and imdb_ordering is not null ${roles}
        union all
        select id, film_id, person_id, role, imdb_ordering, billing, job, character_name from credit
        where film_id in ${films} and imdb_ordering is null ${roles}`,
    ),
    (row) => row.film_id,
  )
  // A person twice in the same role of a title (actor and self, say): the first billing stands. Found
  // by film, as credits are few per film, without a key string for each of IMDb's 95M principals.
  const batch = new Map<number, Array<{ person_id: number; role: string }>>()
  const created: Cell[][] = []
  const changed: Cell[][] = []
  const updates: FilmRevision[] = []
  for (const { credit, filmId, personId } of found) {
    const { line } = credit
    const earlier = batch.get(filmId)
    if (creditOf(earlier, personId, credit.role)) {
      tally.mark(line, 0)
      continue
    }
    if (earlier) earlier.push({ person_id: personId, role: credit.role })
    else batch.set(filmId, [{ person_id: personId, role: credit.role }])
    const row = creditOf(stored.get(filmId), personId, credit.role)
    if (row === undefined) {
      tally.mark(line, 3)
      tally.pending.person.push(personId)
      created.push([
        filmId,
        personId,
        credit.role,
        credit.characterName,
        credit.billing,
        context.sourceId,
        credit.ordering,
        credit.job,
      ])
    } else if (from === 'crew') tally.mark(line, 1)
    else if (row.imdb_ordering === 0) {
      // A credit title.crew made, which its principal row now completes.
      tally.mark(line, 3)
      tally.pending.person.push(personId)
      changed.push(creditChange(row.id, credit, context))
    } else if (
      // IMDb's own credit that changed, or one Wikidata made (no ordering), which becomes IMDb's.
      row.imdb_ordering !== credit.ordering ||
      row.billing !== credit.billing ||
      row.job !== credit.job ||
      row.character_name !== credit.characterName
    ) {
      tally.mark(line, 2)
      changed.push(creditChange(row.id, credit, context))
      const before = { billing: row.billing, job: row.job, character_name: row.character_name }
      updates.push({
        filmId,
        revision: (slug) => ({
          entityKind: 'credit',
          entityKey: `${slug}/${credit.role}/${credit.nconst}`,
          action: 'update',
          before,
          after: { billing: credit.billing, job: credit.job, character_name: credit.characterName },
        }),
      })
    } else tally.mark(line, 1)
  }
  await fill(target, 'credit', CREDIT_COLUMNS, created)
  await updateById(target, 'credit', CREDIT_CHANGE, changed)
  await insertFilmRevisions(target, context, updates)
  return tally.outcome()
}

/**
 * The credit of this person in this role among a film's. A loop, not `find` with a function made for
 * each of IMDb's 95M principals (tsx names each function it makes: 4% of the principals' time).
 */
function creditOf<T extends { person_id: number; role: string }>(
  credits: readonly T[] | undefined,
  personId: number,
  role: string,
): T | undefined {
  if (credits)
    for (const credit of credits) if (credit.person_id === personId && credit.role === role) return credit
  return undefined
}

interface StoredCredit {
  id: number
  film_id: number
  person_id: number
  role: string
  imdb_ordering: number | null
  billing: number
  job: string | null
  character_name: string | null
}

/** The values of CREDIT_CHANGE for a stored credit. */
function creditChange(id: number, credit: StagedCredit, context: ImdbBatchContext): Cell[] {
  return [id, credit.ordering, credit.billing, credit.job, credit.characterName, context.sourceId]
}

const CREDIT_CHANGE = [
  ['imdb_ordering', 'integer'],
  ['billing', 'integer'],
  ['job', 'text'],
  ['character_name', 'text'],
  ['source_id', 'integer'],
] as const

/**
 * title.ratings: one `rating` claim per film from IMDb ({ score, scale: 10, votes }, as of the dump's
 * date). A newer value replaces it; a revision is kept when the score changed (votes move every day).
 */
export async function storeImdbRatings(
  target: BulkTarget,
  ratings: readonly StagedRating[],
  context: ImdbBatchContext & { asOf: string },
): Promise<ImdbBatchOutcome> {
  await prepareBatch(target, context.batch, ['claim'])
  const tally = new Tally()
  const found = await withFilm(target, ratings, context.ids, tally)
  const stored = await imdbRatingClaims(
    target,
    found.map((f) => f.filmId),
  )
  const qualifiers = JSON.stringify({ by: 'IMDb', as_of: context.asOf })
  const key = qualifierKey({ by: 'IMDb', as_of: context.asOf })
  const created: Cell[][] = []
  const changed: Cell[][] = []
  const updates: FilmRevision[] = []
  for (const { row: rating, filmId } of found) {
    const value = JSON.stringify({ score: rating.score, scale: 10, votes: rating.votes })
    const row = stored.get(filmId)
    if (row === undefined) {
      tally.mark(rating.line, 3)
      tally.pending.film.push(filmId)
      created.push([
        'film',
        filmId,
        'rating',
        value,
        qualifiers,
        key,
        context.sourceId,
        'none',
        'accepted',
        IMDB_ORIGIN,
        context.revision.author,
        context.now,
      ])
    } else if (row.value !== value) {
      tally.mark(rating.line, 2)
      tally.pending.film.push(filmId)
      changed.push([row.id, value, qualifiers, key, context.sourceId])
      const before = JSON.parse(row.value) as { score: number }
      const after = JSON.parse(value) as { score: number }
      if (before.score !== after.score)
        updates.push({
          filmId,
          revision: (slug) => ({
            entityKind: 'claim',
            entityKey: `${slug}/rating`,
            action: 'update',
            before,
            after,
          }),
        })
    } else tally.mark(rating.line, 1)
  }
  await fill(target, 'claim', RATING_COLUMNS, created)
  await updateById(target, 'claim', RATING_CHANGE, changed)
  await insertFilmRevisions(target, context, updates)
  return tally.outcome()
}

const RATING_COLUMNS = [
  'subject_kind',
  'subject_id',
  'property',
  'value',
  'qualifiers',
  'qualifier_key',
  'source_id',
  'spoiler',
  'status',
  'origin',
  'added_by',
  'added_at',
] as const
const RATING_CHANGE = [
  ['value', 'text'],
  ['qualifiers', 'text'],
  ['qualifier_key', 'text'],
  ['source_id', 'integer'],
] as const

/** IMDb's rating claims of these films, by film. */
async function imdbRatingClaims(
  target: Pick<BulkTarget, 'db' | 'dialect'>,
  filmIds: readonly number[],
): Promise<Map<number, { id: number; value: string }>> {
  const found = await rows(
    target.db,
    sql<{ id: number; subject_id: number; value: string; origin: string | null }>`
      select id, subject_id, value, origin from claim
      where subject_kind = 'film' and subject_id in ${idList(target, filmIds)} and property = 'rating'`,
  )
  // The origin is checked here, not in SQL: SQLite, without statistics, would read the claims by the
  // index on origin, that is every IMDb rating, for each batch of films.
  return new Map(found.filter((row) => row.origin === IMDB_ORIGIN).map((row) => [row.subject_id, row]))
}

/** A change to a film's row, title, credit or claim: its revision is keyed by the film's slug. */
interface FilmRevision {
  filmId: number
  revision: (slug: string) => NewRevision
}

async function insertFilmRevisions(
  target: BulkTarget,
  context: ImdbBatchContext,
  updates: readonly FilmRevision[],
): Promise<void> {
  if (updates.length === 0) return
  const slugs = await rowsBy(
    target,
    sql<{ id: number; slug: string }>`select id, slug from film where id in ${idList(
      target,
      updates.map((u) => u.filmId),
    )}`,
    (row) => row.id,
  )
  await insertRevisions(
    target.db,
    context.revision,
    updates.map((update) => update.revision(slugs.get(update.filmId)!.slug)),
  )
}

/** The source "IMDb datasets" of one dump date (YYYY-MM-DD), created on first use. */
export async function findOrCreateImdbSource(
  db: Kysely<Database>,
  date: string,
  now: string,
): Promise<number> {
  const slug = `imdb-datasets-${date}`
  const stored = await db.selectFrom('source').select('id').where('slug', '=', slug).executeTakeFirst()
  if (stored) return stored.id
  const inserted = await db
    .insertInto('source')
    .values({
      slug,
      kind: 'database',
      url: 'https://developer.imdb.com/non-commercial-datasets/',
      title: `IMDb datasets (${date})`,
      publisher: 'IMDb',
      author: null,
      language: 'en',
      published_at: date,
      updated_at: date,
      retrieved_at: date,
      text: null,
      content_hash: null,
      created_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return inserted.id
}

export interface ImportCheckpoint {
  file: string
  fingerprint: string
  line: number
  offset: number
  done: boolean
  read: number
  imported: number
  updated: number
  unchanged: number
  skipped: number
  rejected: number
  issues: Array<{ line: number; message: string }>
  startedAt: string
  updatedAt: string
}

export async function listImportCheckpoints(
  db: Kysely<Database>,
  importer: string,
): Promise<ImportCheckpoint[]> {
  const stored = await db
    .selectFrom('import_checkpoint')
    .selectAll()
    .where('importer', '=', importer)
    .execute()
  return stored.map((row) => ({
    file: row.file,
    fingerprint: row.fingerprint,
    line: row.line,
    offset: Number(row.byte_offset),
    done: row.done === 1,
    read: row.read,
    imported: row.imported,
    updated: row.updated,
    unchanged: row.unchanged,
    skipped: row.skipped,
    rejected: row.rejected,
    issues: JSON.parse(row.issues) as ImportCheckpoint['issues'],
    startedAt: row.started_at,
    updatedAt: row.updated_at,
  }))
}

/** Records how far a file has been read; run it in the transaction of the batch it follows. */
export async function saveImportCheckpoint(
  db: Kysely<Database>,
  importer: string,
  checkpoint: ImportCheckpoint,
): Promise<void> {
  const values = {
    fingerprint: checkpoint.fingerprint,
    line: checkpoint.line,
    byte_offset: checkpoint.offset,
    done: checkpoint.done ? 1 : 0,
    read: checkpoint.read,
    imported: checkpoint.imported,
    updated: checkpoint.updated,
    unchanged: checkpoint.unchanged,
    skipped: checkpoint.skipped,
    rejected: checkpoint.rejected,
    issues: JSON.stringify(checkpoint.issues),
    started_at: checkpoint.startedAt,
    updated_at: checkpoint.updatedAt,
  }
  await db
    .insertInto('import_checkpoint')
    .values({ importer, file: checkpoint.file, ...values })
    .onConflict((oc) => oc.columns(['importer', 'file']).doUpdateSet(values))
    .execute()
}

export async function countImportPending(db: Kysely<Database>, kind: 'film' | 'person'): Promise<number> {
  const row = await db
    .selectFrom('import_pending')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('kind', '=', kind)
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

/** The next ids waiting for their search documents (after `after`), lowest first. */
export async function listImportPending(
  db: Kysely<Database>,
  kind: 'film' | 'person',
  limit: number,
  after = 0,
): Promise<number[]> {
  const found = await db
    .selectFrom('import_pending')
    .select('id')
    .where('kind', '=', kind)
    .where('id', '>', after)
    .orderBy('id')
    .limit(limit)
    .execute()
  return found.map((row) => row.id)
}

/** Takes the ids up to `last` off the queue: those `listImportPending` gave, lowest first. */
export async function deleteImportPending(
  db: Kysely<Database>,
  kind: 'film' | 'person',
  last: number,
): Promise<void> {
  await db.deleteFrom('import_pending').where('kind', '=', kind).where('id', '<=', last).execute()
}

/** What a film's search document needs beyond its row and titles: IMDb's votes. */
export async function listImdbVotes(
  target: Pick<BulkTarget, 'db' | 'dialect'>,
  filmIds: readonly number[],
): Promise<Map<number, number>> {
  const votes = new Map<number, number>()
  for (const [filmId, claim] of await imdbRatingClaims(target, filmIds))
    votes.set(filmId, (JSON.parse(claim.value) as { votes?: number }).votes ?? 0)
  return votes
}

export async function listPeopleByIds(
  db: Kysely<Database>,
  ids: readonly number[],
): Promise<Array<{ id: number; slug: string; name: string }>> {
  if (ids.length === 0) return []
  return db
    .selectFrom('person')
    .select(['id', 'slug', 'name'])
    .where('id', 'in', [...ids])
    .execute()
}

/** How many credits each person has. */
export async function countCreditsOf(
  db: Kysely<Database>,
  personIds: readonly number[],
): Promise<Map<number, number>> {
  const counts = new Map<number, number>()
  if (personIds.length === 0) return counts
  const found = await db
    .selectFrom('credit')
    .select(['person_id', (eb) => eb.fn.countAll().as('n')])
    .where('person_id', 'in', [...personIds])
    .groupBy('person_id')
    .execute()
  for (const row of found) counts.set(row.person_id, Number(row.n))
  return counts
}

/** Name variants of many people at once. */
export async function listNamesOf(
  db: Kysely<Database>,
  personIds: readonly number[],
): Promise<Map<number, string[]>> {
  const names = new Map<number, string[]>()
  if (personIds.length === 0) return names
  const found = await db
    .selectFrom('person_name')
    .select(['person_id', 'name'])
    .where('person_id', 'in', [...personIds])
    .execute()
  for (const row of found) names.set(row.person_id, [...(names.get(row.person_id) ?? []), row.name])
  return names
}
