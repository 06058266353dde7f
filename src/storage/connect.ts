import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import SqliteDatabase from 'better-sqlite3'
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely'
import pg from 'pg'
import { AppError } from '../domain/index.ts'
import type { Database } from './schema.ts'

// The only file that knows which database driver is in use.

export type DialectName = 'sqlite' | 'postgres'

export interface StorageOptions {
  /** A postgres:// URL; when absent, Retold uses the embedded SQLite file. */
  databaseUrl?: string | undefined
  databaseFile: string
}

export interface Storage {
  db: Kysely<Database>
  dialect: DialectName
  /** Where the data lives, without credentials: for logs and health checks. */
  location: string
  close(): Promise<void>
}

// PostgreSQL returns bigint (count(*), sum) as text; every count Retold keeps fits a double.
pg.types.setTypeParser(pg.types.builtins.INT8, Number)

export async function connect(options: StorageOptions): Promise<Storage> {
  return options.databaseUrl ? connectPostgres(options.databaseUrl) : connectSqlite(options.databaseFile)
}

function connectSqlite(file: string): Storage {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true })
  let database: SqliteDatabase.Database
  try {
    database = new SqliteDatabase(file)
  } catch (cause) {
    throw new AppError('Unavailable', `Cannot open the database file ${file}: ${(cause as Error).message}`, {
      cause,
    })
  }
  database.pragma('journal_mode = WAL')
  database.pragma('synchronous = NORMAL')
  database.pragma('foreign_keys = ON')
  database.pragma('busy_timeout = 5000')
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database }) })
  return { db, dialect: 'sqlite', location: file, close: () => db.destroy() }
}

async function connectPostgres(url: string): Promise<Storage> {
  const parsed = new URL(url)
  const location = `postgres://${parsed.host}${parsed.pathname}`
  const pool = new pg.Pool({ connectionString: url, max: 10 })
  try {
    const client = await pool.connect()
    client.release()
  } catch (cause) {
    await pool.end()
    throw new AppError('Unavailable', `Cannot reach PostgreSQL at ${location}: ${(cause as Error).message}`, {
      cause,
    })
  }
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) })
  return { db, dialect: 'postgres', location, close: () => db.destroy() }
}
