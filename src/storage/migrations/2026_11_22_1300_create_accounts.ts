import type { Kysely } from 'kysely'
import type { DialectName } from '../connect.ts'

// Editor accounts, their sessions and the counters of rate limits. A session row holds only the
// SHA-256 of its token: a copy of the database does not let anyone sign in. Rate-limit counters live
// here rather than in memory so that several web processes on one PostgreSQL share them.
export async function up(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  await db.schema
    .createTable('account')
    .addColumn('id', 'integer', (c) =>
      dialect === 'postgres' ? c.generatedByDefaultAsIdentity().primaryKey() : c.primaryKey(),
    )
    .addColumn('username', 'text', (c) => c.notNull().unique())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema
    .createTable('account_session')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'integer', (c) => c.notNull().references('account.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('account_session_account').on('account_session').column('account_id').execute()
  await db.schema.createIndex('account_session_expires').on('account_session').column('expires_at').execute()
  await db.schema
    .createTable('rate_limit')
    .addColumn('key', 'text', (c) => c.notNull())
    // Milliseconds since the epoch at which the fixed window began.
    .addColumn('window_start', 'bigint', (c) => c.notNull())
    .addColumn('hits', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('rate_limit_pk', ['key', 'window_start'])
    .execute()
  await db.schema.createIndex('rate_limit_window').on('rate_limit').column('window_start').execute()
}
