import { sql, type Kysely } from 'kysely'

// Imported films belong to no story, imported people and documents have no Wikidata item or story:
// indexes of these columns held a NULL for each of millions of rows, written at every import and never
// read (Retold looks them up by value only). They now hold the rows that have a value.
const INDEXES = [
  { name: 'film_story_id', table: 'film', column: 'story_id' },
  { name: 'person_wikidata_id', table: 'person', column: 'wikidata_id' },
  { name: 'search_document_story_id', table: 'search_document', column: 'story_id' },
] as const

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const { name, table, column } of INDEXES) {
    await db.schema.dropIndex(name).execute()
    await sql.raw(`create index ${name} on ${table} (${column}) where ${column} is not null`).execute(db)
  }
}
