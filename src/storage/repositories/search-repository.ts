import { sql, type Kysely, type Selectable } from 'kysely'
import { keyWords, type SearchDocument, type SearchKind } from '../../search/index.ts'
import type { DialectName } from '../connect.ts'
import type { Database, SearchDocumentTable } from '../schema.ts'
import { insertRows, type Cell } from './insert-rows.ts'

// The search index: documents with their normalized keys; the dictionary of their words with how many
// documents hold each; and which documents hold a word (FTS5 on SQLite, a GIN index on PostgreSQL).
// Which words to look up and which documents win is decided by search/, not here.

export interface IndexedDocument extends SearchDocument {
  /** The story whose reload rebuilds this document; null for people, who span stories. */
  storyId: number | null
}

// Rows per statement: far below SQLite's 32,766 and PostgreSQL's 65,535 parameters.
const BATCH = 500

function rowToDocument(row: Selectable<SearchDocumentTable>): SearchDocument {
  return {
    kind: row.kind as SearchKind,
    slug: row.slug,
    title: row.title,
    keys: row.keys.split('\n'),
    year: row.year,
    countries: JSON.parse(row.countries) as string[],
    languages: JSON.parse(row.languages) as string[],
    story:
      row.story_slug === null ? null : { slug: row.story_slug, title: row.story_title ?? row.story_slug },
    relation: row.relation,
    popularity: row.popularity,
  }
}

function batches<T>(items: readonly T[], size = BATCH): T[][] {
  const out: T[][] = []
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size))
  return out
}

/** Adds `delta` to the document count of each word, creating the words not seen before. */
async function countWords(db: Kysely<Database>, deltas: ReadonlyMap<string, number>): Promise<void> {
  const rows = [...deltas]
    .filter(([, delta]) => delta !== 0)
    .map(([word, documents]) => ({ word, documents }))
  for (const batch of batches(rows)) {
    await db
      .insertInto('search_word')
      .values(batch)
      .onConflict((oc) =>
        oc.column('word').doUpdateSet((eb) => ({
          documents: eb(eb.ref('search_word.documents'), '+', eb.ref('excluded.documents')),
        })),
      )
      .execute()
  }
}

/**
 * Documents as the rows that store them, worked out apart from writing them: an import builds them in
 * a worker thread while the main thread writes the previous batch. Plain data, to post between threads.
 */
export interface PreparedDocuments {
  /**
   * A row per document, each (kind, slug) once, in that order: of DOCUMENT_COLUMNS, or of
   * PLAIN_COLUMNS for a plain document (`isPlain`); then `words` on PostgreSQL.
   */
  rows: Cell[][]
  /** Each row's distinct words, separated by spaces: the postings of the word index. */
  words: string[]
  /** How many of the documents hold each word: what they add to the dictionary. */
  counts: Array<[string, number]>
}

export function prepareSearchDocuments(
  dialect: DialectName,
  documents: readonly IndexedDocument[],
): PreparedDocuments {
  // In index order: each statement then writes to neighbouring pages of the (kind, slug) index. The
  // keys sort as the index does (a kind is no other kind's prefix), without a comparing function.
  const byKey = new Map(documents.map((d) => [`${d.kind}\u0000${d.slug}`, d]))
  const ordered = [...byKey.keys()].sort().map((key) => byKey.get(key)!)
  const counts = new Map<string, number>()
  const rows: Cell[][] = []
  const postings: string[] = []
  for (const document of ordered) {
    const words = keyWords(document.keys)
    for (const word of words) counts.set(word, (counts.get(word) ?? 0) + 1)
    postings.push(words.join(' '))
    const keys = document.keys.join('\n')
    const row: Cell[] = isPlain(document)
      ? [document.kind, document.slug, document.title, keys, document.year, document.popularity]
      : [
          document.kind,
          document.slug,
          document.storyId,
          document.title,
          keys,
          document.year,
          JSON.stringify(document.countries),
          JSON.stringify(document.languages),
          document.story?.slug ?? null,
          document.story?.title ?? null,
          document.relation,
          document.popularity,
        ]
    if (dialect === 'postgres') row.push(words)
    rows.push(row)
  }
  return { rows, words: postings, counts: [...counts] }
}

/**
 * Stores prepared documents, replacing those with the same kind and slug and, given a story, every
 * other document of that story (its films, characters or title may be gone). Keeps the dictionary's
 * document counts in step.
 */
export async function replaceSearchDocuments(
  db: Kysely<Database>,
  dialect: DialectName,
  prepared: PreparedDocuments,
  storyId?: number,
): Promise<void> {
  const deltas = new Map(prepared.counts)
  if (storyId !== undefined) {
    const rows = await db
      .selectFrom('search_document')
      .select(['id', 'keys'])
      .where('story_id', '=', storyId)
      .execute()
    await removeDocuments(db, dialect, rows, deltas)
  }
  // New documents go in at once. Those already stored (a film that changed) are taken out, with
  // their words counted out, and put in again.
  const stored = await insertDocuments(db, dialect, prepared)
  const slugs = new Map<SearchKind, string[]>()
  for (const at of stored) {
    const [kind, slug] = prepared.rows[at] as [SearchKind, string]
    const list = slugs.get(kind)
    if (list) list.push(slug)
    else slugs.set(kind, [slug])
  }
  for (const [kind, list] of slugs)
    await removeDocuments(db, dialect, await findBySlug(db, kind, list), deltas)
  await insertDocuments(db, dialect, {
    rows: stored.map((at) => prepared.rows[at]!),
    words: stored.map((at) => prepared.words[at]!),
    counts: [],
  })
  await countWords(db, deltas)
}

const DOCUMENT_COLUMNS = [
  'kind',
  'slug',
  'story_id',
  'title',
  'keys',
  'year',
  'countries',
  'languages',
  'story_slug',
  'story_title',
  'relation',
  'popularity',
]
// The row of a plain document: the other columns are null, and `PLAIN_VALUES` for those that cannot be.
// Each parameter bound costs 60–150 ns, null the most: the 600,000 documents of a plain test table were
// written in 3.1–4.4 µs each, not 4.3–6.0.
const PLAIN_COLUMNS = ['kind', 'slug', 'title', 'keys', 'year', 'popularity']
const PLAIN_VALUES = { countries: "'[]'", languages: "'[]'" }

/** Whether a document is only a title with its names (an imported film or person, most of the index). */
function isPlain(document: IndexedDocument): boolean {
  return (
    document.storyId === null &&
    document.countries.length === 0 &&
    document.languages.length === 0 &&
    document.story === null &&
    document.relation === null
  )
}

/** Inserts the documents whose kind and slug are not stored yet, and returns where the others are. */
async function insertDocuments(
  db: Kysely<Database>,
  dialect: DialectName,
  prepared: PreparedDocuments,
): Promise<number[]> {
  if (prepared.rows.length === 0) return []
  const words = dialect === 'postgres' ? ['words'] : []
  const inserted: Array<{ id: number; kind: string; slug: string }> = []
  // Plain documents and the others, each in statements of their own shape: told apart by their length.
  for (const [columns, constants] of [
    [DOCUMENT_COLUMNS, {}],
    [PLAIN_COLUMNS, PLAIN_VALUES],
  ] as const) {
    const width = columns.length + words.length
    const returned = await insertRows<{ id: number; kind: string; slug: string }>(
      { db, dialect },
      `insert into search_document (${[...columns, ...words, ...Object.keys(constants)].join(', ')})`,
      prepared.rows.filter((row) => row.length === width),
      ' on conflict (kind, slug) do nothing returning id, kind, slug',
      Object.values(constants),
    )
    for (const row of returned) inserted.push(row)
  }
  // RETURNING gives no order: the new ids are matched back by (kind, slug), which is unique.
  const ids = new Map(inserted.map((row) => [`${row.kind}/${row.slug}`, row.id]))
  const stored: number[] = []
  const postings: Array<[number, string]> = []
  prepared.rows.forEach(([kind, slug], at) => {
    const id = ids.get(`${kind as string}/${slug as string}`)
    if (id === undefined) stored.push(at)
    else postings.push([id, prepared.words[at]!])
  })
  if (dialect === 'sqlite')
    await insertRows({ db, dialect }, 'insert into search_fts (rowid, words)', postings)
  return stored
}

/** Removes the documents of these slugs (films or people that are gone), keeping the word counts in step. */
export async function deleteSearchDocuments(
  db: Kysely<Database>,
  dialect: DialectName,
  kind: SearchKind,
  slugs: readonly string[],
): Promise<void> {
  const deltas = new Map<string, number>()
  await removeDocuments(db, dialect, await findBySlug(db, kind, slugs), deltas)
  await countWords(db, deltas)
}

async function findBySlug(
  db: Kysely<Database>,
  kind: SearchKind,
  slugs: readonly string[],
): Promise<Array<{ id: number; keys: string }>> {
  const rows: Array<{ id: number; keys: string }> = []
  for (const batch of batches(slugs)) {
    rows.push(
      ...(await db
        .selectFrom('search_document')
        .select(['id', 'keys'])
        .where('kind', '=', kind)
        .where('slug', 'in', batch)
        .execute()),
    )
  }
  return rows
}

/** Deletes documents (each once) and counts their words out of `deltas`. */
async function removeDocuments(
  db: Kysely<Database>,
  dialect: DialectName,
  rows: ReadonlyArray<{ id: number; keys: string }>,
  deltas: Map<string, number>,
): Promise<void> {
  for (const row of rows)
    for (const word of keyWords(row.keys.split('\n'))) deltas.set(word, (deltas.get(word) ?? 0) - 1)
  for (const batch of batches(rows.map((row) => row.id))) {
    if (dialect === 'sqlite') await db.deleteFrom('search_fts').where('rowid', 'in', batch).execute()
    await db.deleteFrom('search_document').where('id', 'in', batch).execute()
  }
}

export async function countSearchDocuments(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom('search_document')
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

/** Words added to the dictionary after the word with id `afterId`, oldest first. */
export async function listSearchWords(
  db: Kysely<Database>,
  afterId: number,
): Promise<Array<{ id: number; word: string }>> {
  return db.selectFrom('search_word').select(['id', 'word']).where('id', '>', afterId).orderBy('id').execute()
}

/** How many documents hold each of `words` (words in no document are left out). */
export async function countWordDocuments(
  db: Kysely<Database>,
  words: readonly string[],
): Promise<Map<string, number>> {
  const counts = new Map<string, number>()
  for (const batch of batches([...new Set(words)])) {
    const rows = await db
      .selectFrom('search_word')
      .select(['word', 'documents'])
      .where('word', 'in', batch)
      .where('documents', '>', 0)
      .execute()
    for (const row of rows) counts.set(row.word, row.documents)
  }
  return counts
}

/** The ids of up to `limit` documents holding each word. */
export async function findWordPostings(
  db: Kysely<Database>,
  dialect: DialectName,
  words: readonly string[],
  limit: number,
): Promise<Map<string, number[]>> {
  const postings = new Map<string, number[]>()
  if (words.length === 0) return postings
  if (dialect === 'postgres') {
    const rows = await sql<{ word: string; id: number }>`
      select w.word, d.id
      from unnest(${[...words]}::text[]) as w(word)
      cross join lateral (
        select id from search_document where words @> array[w.word] limit ${limit}
      ) as d`.execute(db)
    for (const row of rows.rows) {
      const list = postings.get(row.word) ?? []
      list.push(row.id)
      postings.set(row.word, list)
    }
    return postings
  }
  for (const word of words) {
    const rows = await db
      .selectFrom('search_fts')
      .select('rowid')
      .where(sql<boolean>`search_fts match ${`"${word.replaceAll('"', '""')}"`}`)
      .limit(limit)
      .execute()
    postings.set(
      word,
      rows.map((row) => row.rowid),
    )
  }
  return postings
}

/**
 * Up to `limit` documents holding one word of every group in `groups`, those where the words say the
 * most first (FTS5's bm25 on SQLite: shorter documents; the most popular on PostgreSQL). For common
 * words, whose postings are read only in part: their documents in common are few.
 */
export async function findDocumentsWithAll(
  db: Kysely<Database>,
  dialect: DialectName,
  groups: readonly (readonly string[])[],
  limit: number,
): Promise<number[]> {
  if (groups.length === 0) return []
  if (dialect === 'postgres') {
    let query = db.selectFrom('search_document').select('id')
    for (const group of groups) query = query.where(sql<boolean>`words && ${[...group]}::text[]`)
    const rows = await query.orderBy('popularity', 'desc').limit(limit).execute()
    return rows.map((row) => row.id)
  }
  // Each word is one quoted FTS5 string; a double quote inside it is doubled.
  const quote = (word: string) => `"${word.replaceAll('"', '""')}"`
  const match = groups.map((group) => `(${group.map(quote).join(' OR ')})`).join(' AND ')
  const rows = await db
    .selectFrom('search_fts')
    .select('rowid')
    .where(sql<boolean>`search_fts match ${match}`)
    .orderBy(sql`rank`)
    .limit(limit)
    .execute()
  return rows.map((row) => row.rowid)
}

/** The documents with these ids, in the order of `ids`. */
export async function findSearchDocuments(
  db: Kysely<Database>,
  ids: readonly number[],
): Promise<SearchDocument[]> {
  const byId = new Map<number, SearchDocument>()
  for (const batch of batches(ids)) {
    const rows = await db.selectFrom('search_document').selectAll().where('id', 'in', batch).execute()
    for (const row of rows) byId.set(row.id, rowToDocument(row))
  }
  return ids.flatMap((id) => byId.get(id) ?? [])
}
