import { CompiledQuery, type Kysely } from 'kysely'
import type { DialectName } from '../connect.ts'
import type { Database } from '../schema.ts'

// Many rows into a table with few statements, for the bulk writers (the IMDb import, the search index).

/** A parameter: a PostgreSQL text[] as an array. */
export type Cell = string | number | null | readonly string[]

/**
 * `insert` (`insert into t (a, b, c)`) of `rows`, then `returning` (` on conflict … returning id`), in
 * statements of fixed shapes: CHUNK_ROWS rows, then halves down to one row for the rest. A multi-row
 * VALUES of every batch's row count would be compiled anew each time and kept, a few MB each, by the
 * connection's statement cache (`storage/connect.ts`). `constants` are SQL values that end every row,
 * for the last columns (`['0']` for c): not bound for each row.
 */
export async function insertRows<R = never>(
  target: { db: Kysely<Database>; dialect: DialectName },
  insert: string,
  rows: readonly Cell[][],
  returning = '',
  constants: readonly string[] = [],
): Promise<R[]> {
  const returned: R[] = []
  let start = 0
  for (let size = CHUNK_ROWS; size >= 1; size >>= 1) {
    for (; rows.length - start >= size; start += size) {
      const chunk = rows.slice(start, start + size)
      const result = await target.db.executeQuery<R>(
        CompiledQuery.raw(
          `${insert} values ${placeholders(target.dialect, size, chunk[0]!.length, constants)}${returning}`,
          chunk.flat(1),
        ),
      )
      returned.push(...result.rows)
    }
  }
  return returned
}

// Rows per statement: 13 columns make 3,328 parameters, far below either limit.
const CHUNK_ROWS = 256
const placeholderCache = new Map<string, string>()

function placeholders(
  dialect: DialectName,
  rows: number,
  columns: number,
  constants: readonly string[],
): string {
  const key = `${dialect}:${rows}:${columns}:${constants.join(',')}`
  let text = placeholderCache.get(key)
  if (text === undefined) {
    const tuples: string[] = []
    for (let r = 0; r < rows; r++) {
      const cells: string[] = []
      for (let c = 1; c <= columns; c++) cells.push(dialect === 'postgres' ? `$${r * columns + c}` : '?')
      tuples.push(`(${[...cells, ...constants].join(',')})`)
    }
    text = tuples.join(',')
    placeholderCache.set(key, text)
  }
  return text
}
