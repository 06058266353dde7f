import type { Kysely } from 'kysely'

// People from Wikidata: a film's director and cast statements name people by QID, and the person's
// entity may come later in the dump (or in a later dump). A credit whose person is not stored waits
// here; storing that person turns it into a credit.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('wikidata_credit')
    .addColumn('film_id', 'integer', (c) => c.notNull().references('film.id').onDelete('cascade'))
    .addColumn('person', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('billing', 'integer', (c) => c.notNull())
    .addColumn('character_name', 'text')
    .addColumn('source_id', 'integer', (c) => c.references('source.id').onDelete('set null'))
    .addPrimaryKeyConstraint('wikidata_credit_pk', ['film_id', 'person', 'role'])
    .execute()
  await db.schema.createIndex('wikidata_credit_person').on('wikidata_credit').column('person').execute()
  // People were looked up by QID without an index; a dump stores millions of them.
  await db.schema.createIndex('person_wikidata_id').on('person').column('wikidata_id').execute()
}
