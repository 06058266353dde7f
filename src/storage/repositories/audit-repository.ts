import type { Kysely } from 'kysely'
import type { ModerationStatus } from '../../domain/index.ts'
import type { AuditLogRow, Database } from '../schema.ts'

/** One moderation action: who did what to which content, its state before and after, and when. */
export interface AuditEntry {
  id: number
  actorId: number
  action: string
  target: { kind: string; id: number }
  before: unknown
  after: unknown
  createdAt: string
}

export function rowToAuditEntry(row: AuditLogRow): AuditEntry {
  return {
    id: row.id,
    actorId: row.actor_id,
    action: row.action,
    target: { kind: row.target_kind, id: row.target_id },
    before: row.before === null ? null : JSON.parse(row.before),
    after: row.after === null ? null : JSON.parse(row.after),
    createdAt: row.created_at,
  }
}

export async function insertAuditEntry(db: Kysely<Database>, entry: Omit<AuditEntry, 'id'>): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      actor_id: entry.actorId,
      action: entry.action,
      target_kind: entry.target.kind,
      target_id: entry.target.id,
      before: entry.before === null ? null : JSON.stringify(entry.before),
      after: entry.after === null ? null : JSON.stringify(entry.after),
      created_at: entry.createdAt,
    })
    .execute()
}

/** Audit entries, newest first; optionally of one target. */
export async function listAuditEntries(
  db: Kysely<Database>,
  filter: { target?: { kind: string; id: number }; limit?: number } = {},
): Promise<AuditEntry[]> {
  let query = db.selectFrom('audit_log').selectAll().orderBy('id', 'desc')
  if (filter.target)
    query = query.where('target_kind', '=', filter.target.kind).where('target_id', '=', filter.target.id)
  const rows = await query.limit(filter.limit ?? 100).execute()
  return rows.map(rowToAuditEntry)
}

/**
 * Moves a moment or comment from status `from` to `to`; false when it was no longer in `from`
 * (another moderator was first).
 */
export async function setModerationStatus(
  db: Kysely<Database>,
  target: { kind: 'moment' | 'comment'; id: number },
  from: ModerationStatus,
  to: ModerationStatus,
  publishedAt: string | null,
): Promise<boolean> {
  const result = await db
    .updateTable(target.kind)
    .set({ status: to, published_at: publishedAt })
    .where('id', '=', target.id)
    .where('status', '=', from)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}
