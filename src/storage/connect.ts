import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import SqliteDatabase from 'better-sqlite3'
import { Kysely, PostgresDialect, SqliteDialect, type SqliteDialectConfig } from 'kysely'
import pg from 'pg'
import { from as copyFrom } from 'pg-copy-streams'
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
  /** What it was opened with: a worker thread opens the same database with these. */
  options: StorageOptions
  /**
   * Bulk loading on one PostgreSQL connection (`connect(…, { session: true })`): runs `COPY … FROM STDIN`
   * with `text` (COPY's text format) on the connection that `db` and its transactions use.
   */
  copyFrom?: ((statement: string, text: string) => Promise<void>) | undefined
  close(): Promise<void>
}

export interface ConnectOptions {
  /**
   * One connection for everything, as a long import wants: its temporary tables and COPY share the
   * transaction of `db` (on SQLite there is only ever one connection).
   */
  session?: boolean
}

// PostgreSQL returns bigint (count(*), sum) as text; every count Retold keeps fits a double.
pg.types.setTypeParser(pg.types.builtins.INT8, Number)

export async function connect(
  options: StorageOptions,
  connectOptions: ConnectOptions = {},
): Promise<Storage> {
  const storage = !options.databaseUrl
    ? connectSqlite(options.databaseFile)
    : connectOptions.session
      ? await connectPostgresSession(options.databaseUrl)
      : await connectPostgres(options.databaseUrl)
  return { ...storage, options }
}

function connectSqlite(file: string): Omit<Storage, 'options'> {
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

/**
 * A value PostgreSQL refuses as data (SQLSTATE class 22, "data exception": a NUL character, which its
 * text cannot hold while SQLite's can; an id beyond its integer range) is outside input to answer
 * with a 400, not a failure of the database.
 */
function refuseBadData(client: pg.PoolClient): void {
  const query = client.query.bind(client) as (...args: unknown[]) => unknown
  client.query = ((...args: unknown[]) => {
    const result = query(...args)
    if (!(result instanceof Promise)) return result
    return result.catch((error: unknown) => {
      const code = (error as { code?: unknown }).code
      if (typeof code === 'string' && code.startsWith('22'))
        throw new AppError('Invalid', `The database refused a value: ${(error as Error).message}.`, {
          cause: error,
        })
      throw error
    })
  }) as typeof client.query
}

async function connectPostgres(url: string): Promise<Omit<Storage, 'options'>> {
  const parsed = new URL(url)
  const location = `postgres://${parsed.host}${parsed.pathname}`
  const pool = new pg.Pool({ connectionString: url, max: 10 })
  pool.on('connect', refuseBadData)
  // An idle connection the server ends (a restart, a dropped database) is discarded by the pool and
  // replaced on demand; without a listener its error would end the process.
  pool.on('error', () => {})
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

async function connectPostgresSession(url: string): Promise<Omit<Storage, 'options'>> {
  const parsed = new URL(url)
  const location = `postgres://${parsed.host}${parsed.pathname}`
  const client = new pg.Client({ connectionString: url })
  // A lost connection fails the query under way; without a listener it would also crash the process.
  let lost: Error | undefined
  client.on('error', (error) => {
    lost = error
  })
  try {
    await client.connect()
  } catch (cause) {
    throw new AppError('Unavailable', `Cannot reach PostgreSQL at ${location}: ${(cause as Error).message}`, {
      cause,
    })
  }
  const check = () => {
    if (lost)
      throw new AppError('Unavailable', `Lost the connection to PostgreSQL at ${location}: ${lost.message}`)
  }
  // Kysely asks its pool for a connection per query or transaction; this pool always hands out the one client.
  const session = {
    query: (...args: Parameters<pg.Client['query']>) => client.query(...args),
    release: () => {},
  } as unknown as pg.PoolClient
  const pool = {
    options: {},
    connect: async () => {
      check()
      return session
    },
    end: () => client.end(),
  }
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) })
  const copy = async (statement: string, text: string): Promise<void> => {
    check()
    const stream = client.query(copyFrom(statement))
    await new Promise<void>((resolve, reject) => {
      stream.on('error', reject)
      stream.on('finish', resolve)
      stream.end(text)
    })
  }
  return { db, dialect: 'postgres', location, copyFrom: copy, close: () => db.destroy() }
}
