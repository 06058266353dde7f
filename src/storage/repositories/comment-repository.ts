import type { Kysely } from 'kysely'
import type { Comment, CommentTarget, CommentTargetKind, ModerationStatus } from '../../domain/index.ts'
import type { CommentRow, Database } from '../schema.ts'

export function rowToComment(row: CommentRow): Comment {
  return {
    id: row.id,
    target: { kind: row.target_kind as CommentTargetKind, id: row.target_id },
    parentId: row.parent_id,
    name: row.name,
    email: row.email,
    contributorKey: row.contributor_key,
    body: row.body,
    status: row.status as ModerationStatus,
    createdAt: row.created_at,
    publishedAt: row.published_at,
  }
}

export async function insertComment(db: Kysely<Database>, comment: Omit<Comment, 'id'>): Promise<number> {
  const { id } = await db
    .insertInto('comment')
    .values({
      target_kind: comment.target.kind,
      target_id: comment.target.id,
      parent_id: comment.parentId,
      name: comment.name,
      email: comment.email,
      contributor_key: comment.contributorKey,
      body: comment.body,
      status: comment.status,
      created_at: comment.createdAt,
      published_at: comment.publishedAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return id
}

export async function findCommentById(db: Kysely<Database>, id: number): Promise<Comment | undefined> {
  const row = await db.selectFrom('comment').selectAll().where('id', '=', id).executeTakeFirst()
  return row && rowToComment(row)
}

/** Comments in `status`, oldest first; of one target, or all (the moderation queue). */
export async function listComments(
  db: Kysely<Database>,
  filter: {
    status: ModerationStatus
    target?: CommentTarget | undefined
    limit: number
    offset?: number | undefined
  },
): Promise<Comment[]> {
  let query = db.selectFrom('comment').selectAll().where('status', '=', filter.status)
  if (filter.target)
    query = query.where('target_kind', '=', filter.target.kind).where('target_id', '=', filter.target.id)
  const rows = await query
    .orderBy(filter.status === 'approved' ? 'published_at' : 'created_at')
    .orderBy('id')
    .limit(filter.limit)
    .offset(filter.offset ?? 0)
    .execute()
  return rows.map(rowToComment)
}
