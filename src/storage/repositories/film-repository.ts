import type { Kysely } from 'kysely'
import type {
  CreditRole,
  Film,
  FilmKind,
  FilmRelation,
  FilmStatus,
  Scene,
  SpoilerLevel,
  Title,
  TitleKind,
} from '../../domain/index.ts'
import type { Database, FilmRow, SceneRow, TitleRow } from '../schema.ts'

export function rowToFilm(row: FilmRow): Film {
  return {
    id: row.id,
    slug: row.slug,
    storyId: row.story_id,
    kind: row.kind as FilmKind,
    status: row.status as FilmStatus,
    relation: row.relation as FilmRelation,
    relatedFilmId: row.related_film_id,
    year: row.year,
    ids: {
      ...(row.imdb_id ? { imdb: row.imdb_id } : {}),
      ...(row.wikidata_id ? { wikidata: row.wikidata_id } : {}),
      ...(row.tmdb_id ? { tmdb: row.tmdb_id } : {}),
    },
    sourceId: row.source_id,
  }
}

export function rowToTitle(row: TitleRow): Title {
  return {
    id: row.id,
    filmId: row.film_id,
    text: row.text,
    language: row.language,
    script: row.script,
    region: row.region,
    kind: row.kind as TitleKind,
    sourceId: row.source_id,
  }
}

export function rowToScene(row: SceneRow): Scene {
  return {
    id: row.id,
    filmId: row.film_id,
    slug: row.slug,
    title: row.title,
    description: row.description,
    spoiler: row.spoiler as SpoilerLevel,
    position: row.position,
    sourceId: row.source_id,
  }
}

/** A credit with the names a page shows. */
export interface CreditListing {
  id: number
  filmId: number
  role: CreditRole
  billing: number
  sourceId: number | null
  person: { id: number; slug: string; name: string }
  character: { id: number; slug: string; name: string } | null
  characterName: string | null
}

export async function findFilmBySlug(db: Kysely<Database>, slug: string): Promise<Film | undefined> {
  const row = await db.selectFrom('film').selectAll().where('slug', '=', slug).executeTakeFirst()
  return row && rowToFilm(row)
}

export async function listFilmsByIds(db: Kysely<Database>, ids: readonly number[]): Promise<Film[]> {
  if (ids.length === 0) return []
  const rows = await db
    .selectFrom('film')
    .selectAll()
    .where('id', 'in', [...new Set(ids)])
    .execute()
  return rows.map(rowToFilm)
}

export async function listFilmsOfStory(db: Kysely<Database>, storyId: number): Promise<Film[]> {
  const rows = await db
    .selectFrom('film')
    .selectAll()
    .where('story_id', '=', storyId)
    .orderBy((eb) => eb.case().when('year', 'is', null).then(1).else(0).end())
    .orderBy('year')
    .orderBy('slug')
    .execute()
  return rows.map(rowToFilm)
}

export async function listTitles(db: Kysely<Database>, filmIds: readonly number[]): Promise<Title[]> {
  if (filmIds.length === 0) return []
  const rows = await db
    .selectFrom('title')
    .selectAll()
    .where('film_id', 'in', [...filmIds])
    .orderBy('film_id')
    .orderBy('position')
    .execute()
  return rows.map(rowToTitle)
}

export async function listScenes(db: Kysely<Database>, filmId: number): Promise<Scene[]> {
  const rows = await db
    .selectFrom('scene')
    .selectAll()
    .where('film_id', '=', filmId)
    .orderBy('position')
    .execute()
  return rows.map(rowToScene)
}

export async function listCredits(
  db: Kysely<Database>,
  filter: { filmIds?: readonly number[]; personId?: number },
): Promise<CreditListing[]> {
  let query = db
    .selectFrom('credit')
    .innerJoin('person', 'person.id', 'credit.person_id')
    .leftJoin('character', 'character.id', 'credit.character_id')
    .select([
      'credit.id',
      'credit.film_id',
      'credit.role',
      'credit.billing',
      'credit.source_id',
      'credit.character_name',
      'person.id as person_id',
      'person.slug as person_slug',
      'person.name as person_name',
      'character.id as character_id',
      'character.slug as character_slug',
      'character.name as character_label',
    ])
    .orderBy('credit.film_id')
    .orderBy('credit.billing')
  if (filter.filmIds) {
    if (filter.filmIds.length === 0) return []
    query = query.where('credit.film_id', 'in', [...filter.filmIds])
  }
  if (filter.personId !== undefined) query = query.where('credit.person_id', '=', filter.personId)
  const rows = await query.execute()
  return rows.map((row) => ({
    id: row.id,
    filmId: row.film_id,
    role: row.role as CreditRole,
    billing: row.billing,
    sourceId: row.source_id,
    person: { id: row.person_id, slug: row.person_slug, name: row.person_name },
    character:
      row.character_id === null
        ? null
        : { id: row.character_id, slug: row.character_slug!, name: row.character_label! },
    characterName: row.character_name,
  }))
}
