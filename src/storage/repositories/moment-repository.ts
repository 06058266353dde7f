import type { Kysely } from 'kysely'
import type {
  ContributorRecord,
  Moment,
  ModerationAction,
  ModerationStatus,
  SpoilerLevel,
} from '../../domain/index.ts'
import type { Database, MomentRow } from '../schema.ts'

export function rowToMoment(row: MomentRow): Moment {
  return {
    id: row.id,
    filmId: row.film_id,
    sceneId: row.scene_id,
    displayName: row.display_name,
    email: row.email,
    contributorKey: row.contributor_key,
    country: row.country,
    title: row.title,
    text: row.text,
    video:
      row.video_kind === 'upload' && row.video_ref
        ? { kind: 'upload', sha256: row.video_ref }
        : row.video_kind === 'link' && row.video_ref
          ? { kind: 'link', key: row.video_ref }
          : null,
    spoiler: row.spoiler === 1,
    status: row.status as ModerationStatus,
    createdAt: row.created_at,
    publishedAt: row.published_at,
  }
}

export type NewMoment = Omit<Moment, 'id'>

export async function insertMoment(db: Kysely<Database>, moment: NewMoment): Promise<number> {
  const { id } = await db
    .insertInto('moment')
    .values({
      film_id: moment.filmId,
      scene_id: moment.sceneId,
      display_name: moment.displayName,
      email: moment.email,
      contributor_key: moment.contributorKey,
      country: moment.country,
      title: moment.title,
      text: moment.text,
      video_kind: moment.video?.kind ?? null,
      video_ref: moment.video
        ? moment.video.kind === 'upload'
          ? moment.video.sha256
          : moment.video.key
        : null,
      spoiler: moment.spoiler ? 1 : 0,
      status: moment.status,
      created_at: moment.createdAt,
      published_at: moment.publishedAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return id
}

export async function findMomentById(db: Kysely<Database>, id: number): Promise<Moment | undefined> {
  const row = await db.selectFrom('moment').selectAll().where('id', '=', id).executeTakeFirst()
  return row && rowToMoment(row)
}

/** A moment with the film and scene a listing shows. */
export interface MomentListing {
  moment: Moment
  filmSlug: string
  scene: { slug: string; title: string; spoiler: SpoilerLevel } | null
}

/** Moments in `status` (published ones by default), newest first; optionally of some films only. */
export async function listMoments(
  db: Kysely<Database>,
  filter: {
    status: ModerationStatus
    filmIds?: readonly number[] | undefined
    id?: number | undefined
    limit: number
    offset?: number | undefined
  },
): Promise<MomentListing[]> {
  if (filter.filmIds?.length === 0) return []
  let query = db
    .selectFrom('moment')
    .innerJoin('film', 'film.id', 'moment.film_id')
    .leftJoin('scene', 'scene.id', 'moment.scene_id')
    .selectAll('moment')
    .select([
      'film.slug as film_slug',
      'scene.slug as scene_slug',
      'scene.title as scene_title',
      'scene.spoiler as scene_spoiler',
    ])
    .where('moment.status', '=', filter.status)
  if (filter.filmIds) query = query.where('moment.film_id', 'in', [...filter.filmIds])
  if (filter.id !== undefined) query = query.where('moment.id', '=', filter.id)
  const rows = await query
    // Published moments newest first, for readers; the others oldest first, as a queue.
    .orderBy(
      filter.status === 'approved' ? 'moment.published_at' : 'moment.created_at',
      filter.status === 'approved' ? 'desc' : 'asc',
    )
    .orderBy('moment.id', filter.status === 'approved' ? 'desc' : 'asc')
    .limit(filter.limit)
    .offset(filter.offset ?? 0)
    .execute()
  return rows.map(({ film_slug, scene_slug, scene_title, scene_spoiler, ...row }) => ({
    moment: rowToMoment(row),
    filmSlug: film_slug,
    scene:
      scene_slug === null || scene_title === null
        ? null
        : { slug: scene_slug, title: scene_title, spoiler: (scene_spoiler ?? 'none') as SpoilerLevel },
  }))
}

export interface SceneCount {
  sceneId: number
  slug: string
  title: string
  spoiler: SpoilerLevel
  moments: number
}

/** Published moments per scene of a film, most first. */
export async function countPublishedMomentsByScene(
  db: Kysely<Database>,
  filmId: number,
): Promise<SceneCount[]> {
  const rows = await db
    .selectFrom('moment')
    .innerJoin('scene', 'scene.id', 'moment.scene_id')
    .select(['scene.id', 'scene.slug', 'scene.title', 'scene.spoiler', 'scene.position'])
    .select((eb) => eb.fn.countAll<number>().as('moments'))
    .where('moment.film_id', '=', filmId)
    .where('moment.status', '=', 'approved')
    .groupBy(['scene.id', 'scene.slug', 'scene.title', 'scene.spoiler', 'scene.position'])
    .orderBy('moments', 'desc')
    .orderBy('scene.position')
    .execute()
  return rows.map((r) => ({
    sceneId: r.id,
    slug: r.slug,
    title: r.title,
    spoiler: r.spoiler as SpoilerLevel,
    moments: Number(r.moments),
  }))
}

/** Published moments per country (ISO code) over some films, most first. */
export async function countPublishedMomentsByCountry(
  db: Kysely<Database>,
  filmIds: readonly number[],
): Promise<{ country: string; moments: number }[]> {
  if (filmIds.length === 0) return []
  const rows = await db
    .selectFrom('moment')
    .select('country')
    .select((eb) => eb.fn.countAll<number>().as('moments'))
    .where('film_id', 'in', [...filmIds])
    .where('status', '=', 'approved')
    .groupBy('country')
    .orderBy('moments', 'desc')
    .orderBy('country')
    .execute()
  return rows.map((r) => ({ country: r.country, moments: Number(r.moments) }))
}

export async function findContributor(
  db: Kysely<Database>,
  key: string,
): Promise<ContributorRecord | undefined> {
  return db.selectFrom('contributor').select(['approved', 'spam']).where('key', '=', key).executeTakeFirst()
}

export async function ensureContributor(db: Kysely<Database>, key: string, at: string): Promise<void> {
  await db
    .insertInto('contributor')
    .values({ key, created_at: at })
    .onConflict((oc) => oc.column('key').doNothing())
    .execute()
}

/** Counts a moderator's approval or spam mark against the contributor; a rejection changes nothing. */
export async function recordModeration(
  db: Kysely<Database>,
  key: string,
  action: ModerationAction,
): Promise<void> {
  if (action === 'reject') return
  const column = action === 'approve' ? 'approved' : 'spam'
  await db
    .updateTable('contributor')
    .set((eb) => ({ [column]: eb(column, '+', 1) }))
    .where('key', '=', key)
    .execute()
}

export interface MediaRecord {
  sha256: string
  type: string
  size: number
}

export async function findMedia(db: Kysely<Database>, sha256: string): Promise<MediaRecord | undefined> {
  return db
    .selectFrom('media')
    .select(['sha256', 'type', 'size'])
    .where('sha256', '=', sha256)
    .executeTakeFirst()
}

export async function listMedia(db: Kysely<Database>, hashes: readonly string[]): Promise<MediaRecord[]> {
  if (hashes.length === 0) return []
  return db
    .selectFrom('media')
    .select(['sha256', 'type', 'size'])
    .where('sha256', 'in', [...new Set(hashes)])
    .execute()
}

export async function insertMedia(db: Kysely<Database>, media: MediaRecord, at: string): Promise<void> {
  await db
    .insertInto('media')
    .values({ ...media, created_at: at })
    .onConflict((oc) => oc.column('sha256').doNothing())
    .execute()
}

/** Whether a published moment shows the uploaded video: only then may readers fetch it. */
export async function isMediaPublished(db: Kysely<Database>, sha256: string): Promise<boolean> {
  const row = await db
    .selectFrom('moment')
    .select('id')
    .where('video_kind', '=', 'upload')
    .where('video_ref', '=', sha256)
    .where('status', '=', 'approved')
    .limit(1)
    .executeTakeFirst()
  return row !== undefined
}
