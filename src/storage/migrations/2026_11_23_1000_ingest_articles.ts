import type { ColumnDefinitionBuilder, Kysely } from 'kysely'
import type { DialectName } from '../connect.ts'

// Ingested articles: the claims the extractor proposes for a source, waiting for an editor to accept
// (then `claim_id`, `credit_id` or a film relation holds what it became), edit or reject them.

export async function up(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  const id = (col: ColumnDefinitionBuilder) =>
    dialect === 'postgres' ? col.generatedByDefaultAsIdentity().primaryKey() : col.primaryKey()
  await db.schema
    .createTable('claim_candidate')
    .addColumn('id', 'integer', id)
    .addColumn('source_id', 'integer', (c) => c.notNull().references('source.id').onDelete('cascade'))
    .addColumn('subject_kind', 'text', (c) => c.notNull())
    .addColumn('subject_slug', 'text', (c) => c.notNull())
    .addColumn('subject_name', 'text', (c) => c.notNull())
    .addColumn('property', 'text', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('qualifiers', 'text', (c) => c.notNull())
    .addColumn('quote', 'text', (c) => c.notNull())
    .addColumn('start_offset', 'integer', (c) => c.notNull())
    .addColumn('end_offset', 'integer', (c) => c.notNull())
    // Hundredths: an integer compares the same on both databases.
    .addColumn('confidence', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('claim_id', 'integer', (c) => c.references('claim.id').onDelete('set null'))
    .addColumn('decided_by', 'text')
    .addColumn('decided_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('claim_candidate_statement', [
      'source_id',
      'subject_kind',
      'subject_slug',
      'property',
      'value',
      'qualifiers',
    ])
    .execute()
  await db.schema
    .createIndex('claim_candidate_source_status')
    .on('claim_candidate')
    .columns(['source_id', 'status'])
    .execute()
  await db.schema.createIndex('source_content_hash').on('source').column('content_hash').execute()
}
