import { sql, type Kysely } from 'kysely'

// The credits no IMDb file made (Wikidata's, a curated file's), by film: an IMDb import looks them up
// for each batch, to complete a credit Wikidata made rather than add a second one. IMDb's own credits,
// millions, are not in it, so a load writes nothing to it.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('credit_film_id_not_imdb')
    .on('credit')
    .column('film_id')
    .where(sql<boolean>`imdb_ordering is null`)
    .execute()
}
