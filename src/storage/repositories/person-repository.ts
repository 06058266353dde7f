import type { Kysely } from 'kysely'
import type { Person, PersonName } from '../../domain/index.ts'
import type { Database, PersonRow } from '../schema.ts'

export function rowToPerson(row: PersonRow): Person {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    ids: {
      ...(row.imdb_id ? { imdb: row.imdb_id } : {}),
      ...(row.wikidata_id ? { wikidata: row.wikidata_id } : {}),
    },
  }
}

export async function findPersonBySlug(db: Kysely<Database>, slug: string): Promise<Person | undefined> {
  const row = await db.selectFrom('person').selectAll().where('slug', '=', slug).executeTakeFirst()
  return row && rowToPerson(row)
}

export async function listPersonNames(db: Kysely<Database>, personId: number): Promise<PersonName[]> {
  const rows = await db
    .selectFrom('person_name')
    .selectAll()
    .where('person_id', '=', personId)
    .orderBy('id')
    .execute()
  return rows.map((row) => ({
    personId: row.person_id,
    name: row.name,
    language: row.language,
    script: row.script,
  }))
}

export async function listPeople(
  db: Kysely<Database>,
  page: { limit: number; offset: number },
): Promise<Person[]> {
  const rows = await db
    .selectFrom('person')
    .selectAll()
    .orderBy('name')
    .limit(page.limit)
    .offset(page.offset)
    .execute()
  return rows.map(rowToPerson)
}
