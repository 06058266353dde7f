import type { Kysely, Selectable } from 'kysely'
import type { AccountTable, Database } from '../schema.ts'

export interface AccountRecord {
  id: number
  username: string
  passwordHash: string
  role: string
  createdAt: string
}

export interface NewAccount {
  username: string
  passwordHash: string
  role: string
  now: string
}

export interface NewSession {
  tokenHash: string
  accountId: number
  createdAt: string
  expiresAt: string
}

function accountRowToAccount(row: Selectable<AccountTable>): AccountRecord {
  return {
    id: row.id,
    username: row.username,
    passwordHash: row.password_hash,
    role: row.role,
    createdAt: row.created_at,
  }
}

export async function insertAccount(db: Kysely<Database>, account: NewAccount): Promise<AccountRecord> {
  const row = await db
    .insertInto('account')
    .values({
      username: account.username,
      password_hash: account.passwordHash,
      role: account.role,
      created_at: account.now,
      updated_at: account.now,
    })
    .returningAll()
    .executeTakeFirstOrThrow()
  return accountRowToAccount(row)
}

export async function findAccountByUsername(
  db: Kysely<Database>,
  username: string,
): Promise<AccountRecord | undefined> {
  const row = await db.selectFrom('account').selectAll().where('username', '=', username).executeTakeFirst()
  return row && accountRowToAccount(row)
}

/** Usernames by account id, for showing who did what. */
export async function listUsernames(
  db: Kysely<Database>,
  ids: readonly number[],
): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map()
  const rows = await db.selectFrom('account').select(['id', 'username']).where('id', 'in', ids).execute()
  return new Map(rows.map((row) => [row.id, row.username]))
}

export async function insertSession(db: Kysely<Database>, session: NewSession): Promise<void> {
  await db
    .insertInto('account_session')
    .values({
      token_hash: session.tokenHash,
      account_id: session.accountId,
      created_at: session.createdAt,
      expires_at: session.expiresAt,
    })
    .execute()
}

/** The account of a session that has not expired at `now`. */
export async function findSessionAccount(
  db: Kysely<Database>,
  tokenHash: string,
  now: string,
): Promise<AccountRecord | undefined> {
  const row = await db
    .selectFrom('account_session')
    .innerJoin('account', 'account.id', 'account_session.account_id')
    .selectAll('account')
    .where('account_session.token_hash', '=', tokenHash)
    .where('account_session.expires_at', '>', now)
    .executeTakeFirst()
  return row && accountRowToAccount(row)
}

export async function deleteSession(db: Kysely<Database>, tokenHash: string): Promise<void> {
  await db.deleteFrom('account_session').where('token_hash', '=', tokenHash).execute()
}

export async function deleteExpiredSessions(db: Kysely<Database>, now: string): Promise<number> {
  const result = await db.deleteFrom('account_session').where('expires_at', '<=', now).executeTakeFirst()
  return Number(result.numDeletedRows)
}
