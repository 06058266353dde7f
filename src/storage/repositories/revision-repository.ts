import type { Kysely } from 'kysely'
import type { Revision } from '../../domain/index.ts'
import type { Database, RevisionRow } from '../schema.ts'

export interface RevisionContext {
  author: string
  reason: string | null
  at: string
}

export interface NewRevision {
  entityKind: string
  entityKey: string
  action: Revision['action']
  before: unknown
  after: unknown
}

export function rowToRevision(row: RevisionRow): Revision {
  return {
    id: row.id,
    entityKind: row.entity_kind,
    entityKey: row.entity_key,
    action: row.action as Revision['action'],
    before: row.before === null ? null : JSON.parse(row.before),
    after: row.after === null ? null : JSON.parse(row.after),
    author: row.author,
    reason: row.reason,
    createdAt: row.created_at,
  }
}

export async function insertRevisions(
  db: Kysely<Database>,
  context: RevisionContext,
  revisions: readonly NewRevision[],
): Promise<void> {
  for (let i = 0; i < revisions.length; i += 500) {
    await db
      .insertInto('revision')
      .values(
        revisions.slice(i, i + 500).map((r) => ({
          entity_kind: r.entityKind,
          entity_key: r.entityKey,
          action: r.action,
          before: r.before === null ? null : JSON.stringify(r.before),
          after: r.after === null ? null : JSON.stringify(r.after),
          author: context.author,
          reason: context.reason,
          created_at: context.at,
        })),
      )
      .execute()
  }
}

export async function listRevisions(
  db: Kysely<Database>,
  filter: { entityKind?: string; entityKey?: string; limit?: number } = {},
): Promise<Revision[]> {
  let query = db.selectFrom('revision').selectAll().orderBy('id', 'desc')
  if (filter.entityKind) query = query.where('entity_kind', '=', filter.entityKind)
  if (filter.entityKey) query = query.where('entity_key', '=', filter.entityKey)
  const rows = await query.limit(filter.limit ?? 100).execute()
  return rows.map(rowToRevision)
}
