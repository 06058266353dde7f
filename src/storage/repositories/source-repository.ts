import type { Kysely } from 'kysely'
import type { Source, SourceKind } from '../../domain/index.ts'
import type { Database, SourceRow } from '../schema.ts'

export function rowToSource(row: Omit<SourceRow, 'text' | 'created_at'>): Source {
  return {
    id: row.id,
    slug: row.slug,
    kind: row.kind as SourceKind,
    url: row.url,
    title: row.title,
    publisher: row.publisher,
    author: row.author,
    language: row.language,
    publishedAt: row.published_at,
    updatedAt: row.updated_at,
    retrievedAt: row.retrieved_at,
    contentHash: row.content_hash,
  }
}

const SOURCE_COLUMNS = [
  'id',
  'slug',
  'kind',
  'url',
  'title',
  'publisher',
  'author',
  'language',
  'published_at',
  'updated_at',
  'retrieved_at',
  'content_hash',
] as const

export async function findSourceBySlug(db: Kysely<Database>, slug: string): Promise<Source | undefined> {
  const row = await db.selectFrom('source').select(SOURCE_COLUMNS).where('slug', '=', slug).executeTakeFirst()
  return row && rowToSource(row)
}

export async function findSourceText(db: Kysely<Database>, id: number): Promise<string | null> {
  const row = await db.selectFrom('source').select('text').where('id', '=', id).executeTakeFirst()
  return row?.text ?? null
}

export async function listSourcesByIds(db: Kysely<Database>, ids: readonly number[]): Promise<Source[]> {
  if (ids.length === 0) return []
  const rows = await db
    .selectFrom('source')
    .select(SOURCE_COLUMNS)
    .where('id', 'in', [...new Set(ids)])
    .execute()
  return rows.map(rowToSource)
}

export async function listSources(
  db: Kysely<Database>,
  page: { limit: number; offset: number },
): Promise<Source[]> {
  const rows = await db
    .selectFrom('source')
    .select(SOURCE_COLUMNS)
    .orderBy('slug')
    .limit(page.limit)
    .offset(page.offset)
    .execute()
  return rows.map(rowToSource)
}
