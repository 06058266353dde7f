import type { Kysely } from 'kysely'

// The source that vouches for a film's existence and its relation to the story ("a remake of …").
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('film')
    .addColumn('source_id', 'integer', (c) => c.references('source.id').onDelete('set null'))
    .execute()
}
