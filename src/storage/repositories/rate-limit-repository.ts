import { sql, type Kysely } from 'kysely'
import type { Database } from '../schema.ts'

/**
 * Counts one hit for `key` in the fixed window that began at `windowStart` (ms) and returns the
 * window's hits so far. One atomic upsert, so concurrent processes never lose a hit.
 */
export async function hitRateLimit(db: Kysely<Database>, key: string, windowStart: number): Promise<number> {
  const row = await db
    .insertInto('rate_limit')
    .values({ key, window_start: windowStart, hits: 1 })
    .onConflict((oc) =>
      oc.columns(['key', 'window_start']).doUpdateSet({ hits: sql<number>`rate_limit.hits + 1` }),
    )
    .returning('hits')
    .executeTakeFirstOrThrow()
  return Number(row.hits)
}

export async function countRateLimitHits(
  db: Kysely<Database>,
  key: string,
  windowStart: number,
): Promise<number> {
  const row = await db
    .selectFrom('rate_limit')
    .select('hits')
    .where('key', '=', key)
    .where('window_start', '=', windowStart)
    .executeTakeFirst()
  return row ? Number(row.hits) : 0
}

/** Forgets the windows that began before `before` (ms). */
export async function pruneRateLimits(db: Kysely<Database>, before: number): Promise<number> {
  const result = await db.deleteFrom('rate_limit').where('window_start', '<', before).executeTakeFirst()
  return Number(result.numDeletedRows)
}
