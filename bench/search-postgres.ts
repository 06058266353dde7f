// The PostgreSQL side of `npm run bench:search` (optional): a database of its own, created for one
// corpus and dropped afterwards, holding the same documents through the same code path (connect,
// migrateToLatest, loadDatasets, replaceSearchDocuments, searchCatalog).

import pg from 'pg'
import { sql } from 'kysely'
import { connect, migrateToLatest, type Storage } from '../src/storage/index.ts'

export interface BenchPostgres {
  storage: Storage
  /** Where, without credentials. */
  location: string
  /** Bytes of search_document and search_word with their indexes (the GIN word index among them). */
  searchBytes(): Promise<number>
  /** VACUUM ANALYZE of the search tables, as autovacuum would after a bulk load. */
  analyze(): Promise<void>
  drop(): Promise<void>
}

/** Checks that `url` answers; returns the reason when it does not. */
export async function postgresProblem(url: string): Promise<string | null> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3_000 })
  try {
    await client.connect()
    await client.query('select 1')
    return null
  } catch (error) {
    return (error as Error).message
  } finally {
    await client.end().catch(() => {})
  }
}

export async function createBenchPostgres(url: string, name: string): Promise<BenchPostgres> {
  const admin = new pg.Client({ connectionString: url })
  await admin.connect()
  try {
    await admin.query(`drop database if exists ${name} with (force)`)
    await admin.query(`create database ${name}`)
  } finally {
    await admin.end()
  }
  const target = new URL(url)
  target.pathname = `/${name}`
  const storage = await connect({ databaseUrl: target.toString(), databaseFile: '' })
  await migrateToLatest(storage)
  return {
    storage,
    location: storage.location,
    searchBytes: async () => {
      const { rows } = await sql<{
        bytes: number
      }>`select (pg_total_relation_size('search_document') + pg_total_relation_size('search_word'))::bigint as bytes`.execute(
        storage.db,
      )
      return Number(rows[0]?.bytes ?? 0)
    },
    analyze: async () => {
      await sql`vacuum analyze search_document, search_word`.execute(storage.db)
    },
    drop: async () => {
      await storage.close()
      const client = new pg.Client({ connectionString: url })
      await client.connect()
      try {
        await client.query(`drop database if exists ${name} with (force)`)
      } finally {
        await client.end()
      }
    },
  }
}
