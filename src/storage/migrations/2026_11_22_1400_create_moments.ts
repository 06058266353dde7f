import type { ColumnDefinitionBuilder, Kysely } from 'kysely'
import type { DialectName } from '../connect.ts'

// Fans' voices: moments, comments, uploaded videos by content hash, what each contributor (a hash of
// their normalized email) has had approved or marked spam, and the audit log of moderation.

export async function up(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  const id = (col: ColumnDefinitionBuilder) =>
    dialect === 'postgres' ? col.generatedByDefaultAsIdentity().primaryKey() : col.primaryKey()

  await db.schema
    .createTable('media')
    .addColumn('sha256', 'text', (c) => c.primaryKey())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('size', 'bigint', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('contributor')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('approved', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('spam', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('moment')
    .addColumn('id', 'integer', id)
    .addColumn('film_id', 'integer', (c) => c.notNull().references('film.id').onDelete('cascade'))
    .addColumn('scene_id', 'integer', (c) => c.references('scene.id').onDelete('set null'))
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('contributor_key', 'text', (c) => c.notNull().references('contributor.key'))
    .addColumn('country', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('text', 'text')
    // 'upload' (video_ref is the sha256 of a media row) or 'link' (video_ref is e.g. youtube:dQw4w9WgXcQ).
    .addColumn('video_kind', 'text')
    .addColumn('video_ref', 'text')
    .addColumn('spoiler', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('published_at', 'text')
    .execute()
  await db.schema.createIndex('moment_film_status').on('moment').columns(['film_id', 'status']).execute()
  await db.schema
    .createIndex('moment_status_published')
    .on('moment')
    .columns(['status', 'published_at'])
    .execute()

  await db.schema
    .createTable('comment')
    .addColumn('id', 'integer', id)
    .addColumn('target_kind', 'text', (c) => c.notNull())
    .addColumn('target_id', 'integer', (c) => c.notNull())
    .addColumn('parent_id', 'integer', (c) => c.references('comment.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('contributor_key', 'text', (c) => c.notNull().references('contributor.key'))
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('published_at', 'text')
    .execute()
  await db.schema
    .createIndex('comment_target')
    .on('comment')
    .columns(['target_kind', 'target_id', 'status'])
    .execute()

  // No foreign key to accounts: the log outlives the accounts it names.
  await db.schema
    .createTable('audit_log')
    .addColumn('id', 'integer', id)
    .addColumn('actor_id', 'integer', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('target_kind', 'text', (c) => c.notNull())
    .addColumn('target_id', 'integer', (c) => c.notNull())
    .addColumn('before', 'text')
    .addColumn('after', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('audit_log_target')
    .on('audit_log')
    .columns(['target_kind', 'target_id'])
    .execute()
}
