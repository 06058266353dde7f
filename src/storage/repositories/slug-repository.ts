import type { Kysely } from 'kysely'
import type { Database } from '../schema.ts'

export type SluggedTable = 'story' | 'film' | 'person' | 'source'

/** Slugs of one table in a stable order, a page at a time (sitemaps, listings). */
export async function listSlugs(
  db: Kysely<Database>,
  table: SluggedTable,
  page: { limit: number; offset: number },
): Promise<string[]> {
  const rows = await db
    .selectFrom(table)
    .select('slug')
    .orderBy('id')
    .limit(page.limit)
    .offset(page.offset)
    .execute()
  return rows.map((row) => row.slug)
}

export async function countSlugs(db: Kysely<Database>, table: SluggedTable): Promise<number> {
  const row = await db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow()
  return Number(row.n)
}
