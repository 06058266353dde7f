import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { connect, migrateToLatest, type DialectName, type Storage } from '../../src/storage/index.ts'

// One suite, every database: each test file runs its cases per dialect (as Kysely's own tests do).
// PostgreSQL runs when RETOLD_TEST_POSTGRES_URL names a server the tests may create databases on;
// in CI a missing PostgreSQL is a failure, not a skip.

const POSTGRES_URL = process.env.RETOLD_TEST_POSTGRES_URL

if (process.env.CI === 'true' && !POSTGRES_URL) {
  throw new Error('CI=true but RETOLD_TEST_POSTGRES_URL is not set: the PostgreSQL suite must run in CI.')
}

export const DIALECTS: DialectName[] = POSTGRES_URL ? ['sqlite', 'postgres'] : ['sqlite']

export interface TestStorage extends Storage {
  /** Closes the connection and removes the database. */
  destroy(): Promise<void>
}

/**
 * A fresh, migrated database of the given dialect: a temporary SQLite file or a new PostgreSQL database;
 * with `session`, on one connection that can COPY (as imports use it).
 */
export async function createTestStorage(
  dialect: DialectName,
  options: { session?: boolean } = {},
): Promise<TestStorage> {
  if (dialect === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'retold-test-'))
    const storage = await connect({ databaseFile: join(dir, 'retold.db') }, options)
    await migrateToLatest(storage)
    return {
      ...storage,
      destroy: async () => {
        await storage.close()
        rmSync(dir, { recursive: true, force: true })
      },
    }
  }
  const name = `retold_test_${randomBytes(6).toString('hex')}`
  const admin = new pg.Client({ connectionString: POSTGRES_URL })
  await admin.connect()
  await admin.query(`create database ${name}`)
  await admin.end()
  const url = new URL(POSTGRES_URL!)
  url.pathname = `/${name}`
  const storage = await connect({ databaseUrl: url.toString(), databaseFile: '' }, options)
  await migrateToLatest(storage)
  return {
    ...storage,
    destroy: async () => {
      await storage.close()
      const cleanup = new pg.Client({ connectionString: POSTGRES_URL })
      await cleanup.connect()
      await cleanup.query(`drop database if exists ${name} with (force)`)
      await cleanup.end()
    },
  }
}
