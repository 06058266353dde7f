import { sql, type Kysely } from 'kysely'
import type { DialectName } from '../connect.ts'

// One row per thing a reader can find (story, film, person, character) with its normalized search
// keys, and the index that finds candidates among millions of rows: SQLite FTS5 with the trigram
// tokenizer, or pg_trgm's GIN index on PostgreSQL. Ranking happens in TypeScript, the same for both.
export async function up(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  await db.schema
    .createTable('search_document')
    .addColumn('id', 'integer', (c) =>
      dialect === 'postgres' ? c.generatedByDefaultAsIdentity().primaryKey() : c.primaryKey(),
    )
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('slug', 'text', (c) => c.notNull())
    .addColumn('story_id', 'integer')
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('keys', 'text', (c) => c.notNull())
    .addColumn('year', 'integer')
    .addColumn('countries', 'text', (c) => c.notNull())
    .addColumn('languages', 'text', (c) => c.notNull())
    .addColumn('story_slug', 'text')
    .addColumn('story_title', 'text')
    .addColumn('relation', 'text')
    .addColumn('popularity', 'real', (c) => c.notNull())
    .addUniqueConstraint('search_document_kind_slug', ['kind', 'slug'])
    .execute()
  await db.schema.createIndex('search_document_story_id').on('search_document').column('story_id').execute()
  if (dialect === 'postgres') {
    await sql`create extension if not exists pg_trgm`.execute(db)
    await sql`create index search_document_keys_trgm on search_document using gin (keys gin_trgm_ops)`.execute(
      db,
    )
  } else {
    await sql`create virtual table search_fts using fts5(keys, tokenize = 'trigram')`.execute(db)
  }
}
