import type { Kysely } from 'kysely'
import type { Character, Story } from '../../domain/index.ts'
import type { CharacterRow, Database, StoryRow } from '../schema.ts'

export function rowToStory(row: StoryRow): Story {
  return {
    id: row.id,
    slug: row.slug,
    title: row.title,
    summary: row.summary,
    themes: JSON.parse(row.themes) as string[],
    originFilmId: row.origin_film_id,
  }
}

export function rowToCharacter(row: CharacterRow): Character {
  return { id: row.id, storyId: row.story_id, slug: row.slug, name: row.name, description: row.description }
}

export async function findStoryBySlug(db: Kysely<Database>, slug: string): Promise<Story | undefined> {
  const row = await db.selectFrom('story').selectAll().where('slug', '=', slug).executeTakeFirst()
  return row && rowToStory(row)
}

export async function findStoryById(db: Kysely<Database>, id: number): Promise<Story | undefined> {
  const row = await db.selectFrom('story').selectAll().where('id', '=', id).executeTakeFirst()
  return row && rowToStory(row)
}

export async function listStories(
  db: Kysely<Database>,
  page: { limit: number; offset: number },
): Promise<Story[]> {
  const rows = await db
    .selectFrom('story')
    .selectAll()
    .orderBy('title')
    .limit(page.limit)
    .offset(page.offset)
    .execute()
  return rows.map(rowToStory)
}

export async function listStoryIds(db: Kysely<Database>): Promise<number[]> {
  return (await db.selectFrom('story').select('id').orderBy('id').execute()).map((row) => row.id)
}

export async function countStories(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom('story')
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

export async function listCharacters(db: Kysely<Database>, storyId: number): Promise<Character[]> {
  const rows = await db
    .selectFrom('character')
    .selectAll()
    .where('story_id', '=', storyId)
    .orderBy('id')
    .execute()
  return rows.map(rowToCharacter)
}
