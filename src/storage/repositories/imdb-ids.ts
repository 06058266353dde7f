import type { Kysely } from 'kysely'
import type { Database } from '../schema.ts'

// The row ids of the films and people an IMDb import refers to, by IMDb id, held in memory for the
// length of the import: IMDb's 95 million credits and 55 million alternate titles then find their film
// and person without a join. Looked up in the database, each credit's person was a random read in an
// index of 15 million people, which cost more than writing the credit. The map is read from the
// database when the import starts (a resumed or repeated import finds what is stored) and the import
// adds each film and person it creates.

/** Row ids by IMDb id (`tt0068646` or `nm0000008`): an array indexed by the id's number. */
export class ImdbIdMap {
  private ids = new Int32Array(1 << 16)
  // An id not written the usual way (`tt68646`, `tt00068646`): another string than the usual one.
  private readonly unusual = new Map<string, number>()

  get(imdbId: string): number | undefined {
    const n = usualNumber(imdbId)
    if (n === undefined) return this.unusual.get(imdbId)
    const id = n < this.ids.length ? this.ids[n]! : 0
    return id === 0 ? undefined : id
  }

  set(imdbId: string, id: number): void {
    const n = usualNumber(imdbId)
    if (n === undefined) {
      this.unusual.set(imdbId, id)
      return
    }
    if (n >= this.ids.length) {
      // A quarter more each time: IMDb's ids run to 40 million, and a doubled array would waste 160 MB.
      const grown = new Int32Array(Math.max(n + 1, Math.ceil(this.ids.length * 1.25)))
      grown.set(this.ids)
      this.ids = grown
    }
    this.ids[n] = id
  }
}

// IMDb's ids reach about 40 million; one far beyond would make the array as long (4 bytes each).
const ARRAY_IDS = 2 ** 26
const ZERO = 0x30

/**
 * The number of an id written IMDb's way: `tt` or `nm` and seven or eight digits, zero-padded to seven
 * (`tt00068646` is not `tt0068646`: only the shortest way of writing a number is indexed). Read by
 * character codes: a regular expression here took a tenth of the time of writing a credit.
 */
function usualNumber(imdbId: string): number | undefined {
  const length = imdbId.length
  if (length !== 9 && length !== 10) return undefined
  const prefix = imdbId.charCodeAt(0) * 256 + imdbId.charCodeAt(1)
  if (prefix !== TT && prefix !== NM) return undefined
  if (length === 10 && imdbId.charCodeAt(2) === ZERO) return undefined
  let n = 0
  for (let i = 2; i < length; i++) {
    const digit = imdbId.charCodeAt(i) - ZERO
    if (digit < 0 || digit > 9) return undefined
    n = n * 10 + digit
  }
  return n >= ARRAY_IDS ? undefined : n
}

const TT = 0x74 * 256 + 0x74
const NM = 0x6e * 256 + 0x6d

export interface ImdbIds {
  film: ImdbIdMap
  person: ImdbIdMap
  /** Films a curated file defines: their credits are the curated ones. */
  curated: Set<number>
}

// Rows read per query while loading: a bounded amount of memory whatever the table's size.
const LOAD_PAGE = 100_000

/** Reads the IMDb ids of every stored film and person. */
export async function loadImdbIds(db: Kysely<Database>): Promise<ImdbIds> {
  const ids: ImdbIds = { film: new ImdbIdMap(), person: new ImdbIdMap(), curated: new Set() }
  for (const table of ['film', 'person'] as const) {
    for (let after = 0; ;) {
      const page = await db
        .selectFrom(table)
        .select(['id', 'imdb_id'])
        .where('id', '>', after)
        .where('imdb_id', 'is not', null)
        .orderBy('id')
        .limit(LOAD_PAGE)
        .execute()
      for (const row of page) ids[table].set(row.imdb_id!, row.id)
      if (page.length < LOAD_PAGE) break
      after = page.at(-1)!.id
    }
  }
  const curated = await db.selectFrom('film').select('id').where('curated_file', 'is not', null).execute()
  for (const { id } of curated) ids.curated.add(id)
  return ids
}
