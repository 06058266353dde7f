import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import SqliteDatabase from 'better-sqlite3'
import { Kysely, PostgresDialect, SqliteDialect, type SqliteDialectConfig } from 'kysely'
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
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: reusingStatements(database) }) })
  return { db, dialect: 'sqlite', location: file, close: () => db.destroy() }
}

/**
 * Kysely prepares every query anew; pages run the same few dozen queries over and over. Keeping the
 * prepared statements (a bounded number: `in (…)` lists make many shapes) saves a third of the
 * SQLite time of a page. Kysely runs one query at a time on this connection, so sharing is safe.
 */
function reusingStatements(database: SqliteDatabase.Database): SqliteDialectConfig['database'] {
  const statements = new Map<string, SqliteDatabase.Statement>()
  return {
    close: () => database.close(),
    prepare: (sql: string) => {
      let statement = statements.get(sql)
      if (!statement) {
        if (statements.size >= 500) statements.delete(statements.keys().next().value!)
        statement = database.prepare(sql)
        statements.set(sql, statement)
      }
      return statement
    },
  }
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
