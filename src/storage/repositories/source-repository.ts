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

export async function findSourceByContentHash(
  db: Kysely<Database>,
  hash: string,
): Promise<Source | undefined> {
  const row = await db
    .selectFrom('source')
    .select(SOURCE_COLUMNS)
    .where('content_hash', '=', hash)
    .orderBy('id')
    .executeTakeFirst()
  return row && rowToSource(row)
}

export async function findSourceSlugByUrl(db: Kysely<Database>, url: string): Promise<string | undefined> {
  const row = await db.selectFrom('source').select('slug').where('url', '=', url).executeTakeFirst()
  return row?.slug
}

/** `base`, or `base-2`, `base-3`… : the first source slug no source has yet. */
export async function findFreeSourceSlug(db: Kysely<Database>, base: string): Promise<string> {
  const rows = await db
    .selectFrom('source')
    .select('slug')
    .where((eb) => eb.or([eb('slug', '=', base), eb('slug', 'like', `${base}-%`)]))
    .execute()
  const taken = new Set(rows.map((row) => row.slug))
  let slug = base
  for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`
  return slug
}

/** A source an editor names or an article brings in; what it does not know is null. */
export interface NewSource {
  slug: string
  kind: SourceKind
  url: string | null
  title: string
  publisher?: string | null
  author?: string | null
  language?: string | null
  publishedAt?: string | null
  updatedAt?: string | null
  retrievedAt: string
  /** An ingested article's text, kept with the sha256 that recognizes it when it comes again. */
  text?: string | null
  contentHash?: string | null
}

export async function insertSource(db: Kysely<Database>, source: NewSource, now: string): Promise<number> {
  const row = await db
    .insertInto('source')
    .values({
      slug: source.slug,
      kind: source.kind,
      url: source.url,
      title: source.title,
      publisher: source.publisher ?? null,
      author: source.author ?? null,
      language: source.language ?? null,
      published_at: source.publishedAt ?? null,
      updated_at: source.updatedAt ?? null,
      retrieved_at: source.retrievedAt,
      text: source.text ?? null,
      content_hash: source.contentHash ?? null,
      created_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return Number(row.id)
}

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
