import { sql } from 'kysely'
import type { Storage } from '../storage/index.ts'

export type { Storage }

/** Whether the database answers a trivial query. */
export async function isDatabaseReachable(storage: Storage): Promise<boolean> {
  try {
    await sql`select 1`.execute(storage.db)
    return true
  } catch {
    return false
  }
}
