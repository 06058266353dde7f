import type { Kysely } from 'kysely'

// What a Wikidata import needs beyond the IMDb import's tables: the based-on, derivative-work and
// follows links of each imported film, by the QID they point at. A link whose target is not (yet) a
// stored film waits here; the end of each import resolves the ones it can.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('wikidata_link')
    .addColumn('film_id', 'integer', (c) => c.notNull().references('film.id').onDelete('cascade'))
    // based_on (P144), derivative (P4969), follows (P155), followed_by (P156).
    .addColumn('property', 'text', (c) => c.notNull())
    .addColumn('target', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('wikidata_link_pk', ['film_id', 'property', 'target'])
    .execute()
  await db.schema.createIndex('wikidata_link_target').on('wikidata_link').column('target').execute()
}
