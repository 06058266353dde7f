import { sql, type Kysely, type Selectable } from 'kysely'
import type { SearchDocument, SearchKind } from '../../search/index.ts'
import type { DialectName } from '../connect.ts'
import type { Database, SearchDocumentTable } from '../schema.ts'

// The search index: documents with their normalized keys, and candidate lookup by trigrams (FTS5 on
// SQLite, pg_trgm on PostgreSQL). Which candidates win is decided by search/rank, not here.

export interface IndexedDocument extends SearchDocument {
  /** The story whose reload rebuilds this document; null for people, who span stories. */
  storyId: number | null
}

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

async function deleteRows(db: Kysely<Database>, dialect: DialectName, ids: number[]): Promise<void> {
  for (let i = 0; i < ids.length; i += 500) {
    const batch = ids.slice(i, i + 500)
    if (dialect === 'sqlite') await db.deleteFrom('search_fts').where('rowid', 'in', batch).execute()
    await db.deleteFrom('search_document').where('id', 'in', batch).execute()
  }
}

/** Replaces the documents of a story (and the given people) with `documents`. */
export async function replaceSearchDocuments(
  db: Kysely<Database>,
  dialect: DialectName,
  storyId: number,
  documents: readonly IndexedDocument[],
): Promise<void> {
  const people = documents.filter((d) => d.kind === 'person').map((d) => d.slug)
  const stale = await db
    .selectFrom('search_document')
    .select('id')
    .where((eb) =>
      eb.or([
        eb('story_id', '=', storyId),
        ...(people.length > 0 ? [eb.and([eb('kind', '=', 'person'), eb('slug', 'in', people)])] : []),
      ]),
    )
    .execute()
  await deleteRows(
    db,
    dialect,
    stale.map((row) => row.id),
  )
  for (const document of documents) {
    const keys = document.keys.join('\n')
    const { id } = await db
      .insertInto('search_document')
      .values({
        kind: document.kind,
        slug: document.slug,
        story_id: document.storyId,
        title: document.title,
        keys,
        year: document.year,
        countries: JSON.stringify(document.countries),
        languages: JSON.stringify(document.languages),
        story_slug: document.story?.slug ?? null,
        story_title: document.story?.title ?? null,
        relation: document.relation,
        popularity: document.popularity,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    if (dialect === 'sqlite') await db.insertInto('search_fts').values({ rowid: id, keys }).execute()
  }
}

export async function countSearchDocuments(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom('search_document')
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

/**
 * Documents that share the most trigrams with `words` (folded query words), best first: the
 * candidates the ranker scores. Words shorter than three letters have no trigram and are left out.
 */
export async function findSearchCandidates(
  db: Kysely<Database>,
  dialect: DialectName,
  words: readonly string[],
  limit: number,
): Promise<SearchDocument[]> {
  const usable = [...new Set(words.filter((w) => [...w].length >= 3))]
  if (usable.length === 0) return []
  if (dialect === 'sqlite') {
    const grams = new Set<string>()
    for (const word of usable) {
      const letters = [...word]
      for (let i = 0; i + 3 <= letters.length; i++) grams.add(letters.slice(i, i + 3).join(''))
    }
    // Each trigram is a quoted FTS5 string; a double quote inside one is doubled.
    const match = [...grams].map((g) => `"${g.replaceAll('"', '""')}"`).join(' OR ')
    const rows = await db
      .selectFrom('search_fts')
      .innerJoin('search_document', 'search_document.id', 'search_fts.rowid')
      .selectAll('search_document')
      .where(sql<boolean>`search_fts match ${match}`)
      .orderBy(sql`search_fts.rank`)
      .limit(limit)
      .execute()
    return rows.map(rowToDocument)
  }
  const similarity = sql.join(
    usable.map((word) => sql`word_similarity(${word}, keys)`),
    sql`, `,
  )
  const rows = await db
    .selectFrom('search_document')
    .selectAll()
    // `word <% keys`: some stretch of keys is similar to word (pg_trgm's word similarity), using the GIN index.
    .where(
      sql<boolean>`(${sql.join(
        usable.map((word) => sql`${word} <% keys`),
        sql` or `,
      )})`,
    )
    .orderBy(sql`greatest(${similarity}, 0)`, 'desc')
    .limit(limit)
    .execute()
  return rows.map(rowToDocument)
}
