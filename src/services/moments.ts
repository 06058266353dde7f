import { createHash, randomBytes } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { mkdir, rename, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { Readable } from 'node:stream'
import countries from 'i18n-iso-countries'
import {
  AppError,
  MOMENT_INPUT,
  NotFoundError,
  initialStatus,
  normalizeEmail,
  parseByteRange,
  parseInput,
  parseVideoKey,
  parseVideoLink,
  renderMarkdown,
  sniffVideoType,
  videoLinkUrls,
  type ByteRange,
  type Moment,
  type MomentVideo,
  type ModerationStatus,
  type PublicMoment,
  type UploadedVideo,
  type VideoType,
} from '../domain/index.ts'
import {
  countPublishedMomentsByCountry,
  countPublishedMomentsByScene,
  ensureContributor,
  findContributor,
  findFilmBySlug,
  findMedia,
  findStoryBySlug,
  insertMedia,
  insertMoment,
  isMediaPublished,
  listFilmsOfStory,
  listMedia,
  listMoments,
  listScenes,
  type MomentListing,
  type SceneCount,
  type Storage,
} from '../storage/index.ts'

// Fans' moments: posting one (text, an uploaded video or a video link), the published listings of a
// film and of a story, their counts by scene and by country, and serving uploaded videos.

export const DEFAULT_MAX_VIDEO_BYTES = 50 * 1024 * 1024
export const DEFAULT_MEDIA_DIR = 'var/media'

/** Where uploaded videos live (RETOLD_MEDIA_DIR, default var/media) and how large one may be. */
export interface MediaOptions {
  dir: string
  maxBytes: number
}

export interface PostOptions {
  /** Needed to accept an uploaded video. */
  media?: MediaOptions | undefined
  now?: Date | undefined
}

/** What a fan is told after posting: published, or waiting for a moderator. */
export interface Posted {
  id: number
  status: ModerationStatus
}

/** The sha256 of the normalized email, hex: how Retold recognizes a contributor without showing the email. */
export function contributorKey(email: string): string {
  return createHash('sha256').update(normalizeEmail(email)).digest('hex')
}

function mediaPath(dir: string, sha256: string): string {
  return join(dir, sha256.slice(0, 2), sha256)
}

/**
 * Checks an uploaded video (size, then MP4 or WebM by its first bytes, whatever its name says) and
 * stores it once under its sha256; the same bytes uploaded again are the same file.
 */
export async function storeVideo(
  storage: Storage,
  media: MediaOptions,
  bytes: Uint8Array,
  now = new Date(),
): Promise<UploadedVideo> {
  if (bytes.length === 0) throw new AppError('Invalid', 'video: the file is empty.')
  if (bytes.length > media.maxBytes)
    throw new AppError(
      'Invalid',
      `video: the file is ${megabytes(bytes.length)} MB; the limit is ${megabytes(media.maxBytes)} MB.`,
    )
  const type = sniffVideoType(bytes)
  if (!type) throw new AppError('Invalid', 'video: only MP4 and WebM videos are accepted.')
  const sha256 = createHash('sha256').update(bytes).digest('hex')
  const path = mediaPath(media.dir, sha256)
  const existing = await stat(path).catch(() => undefined)
  if (existing?.size !== bytes.length) {
    await mkdir(join(media.dir, sha256.slice(0, 2)), { recursive: true })
    // Written aside and renamed, so that a reader never sees half a file.
    const partial = `${path}.${randomBytes(6).toString('hex')}.part`
    await writeFile(partial, bytes)
    await rename(partial, path)
  }
  await insertMedia(storage.db, { sha256, type, size: bytes.length }, now.toISOString())
  return { kind: 'upload', sha256, type, size: bytes.length }
}

function megabytes(bytes: number): string {
  return (bytes / 1024 / 1024).toFixed(1).replace(/\.0$/, '')
}

/** Posts a moment; a new contributor's moment waits for a moderator (see `initialStatus`). */
export async function postMoment(
  storage: Storage,
  input: unknown,
  options: PostOptions = {},
): Promise<Posted> {
  const parsed = parseInput(MOMENT_INPUT, input)
  if (!countries.isValid(parsed.country))
    throw new AppError('Invalid', `country: "${parsed.country}" is not an ISO 3166 country code.`)
  const film = await findFilmBySlug(storage.db, parsed.film)
  if (!film) throw new AppError('Invalid', `film: there is no film "${parsed.film}".`)
  let sceneId: number | null = null
  if (parsed.scene !== undefined) {
    const scene = (await listScenes(storage.db, film.id)).find((s) => s.slug === parsed.scene)
    if (!scene)
      throw new AppError('Invalid', `scene: the film "${film.slug}" has no scene "${parsed.scene}".`)
    sceneId = scene.id
  }
  const now = options.now ?? new Date()
  let video: Moment['video'] = null
  if (parsed.videoUrl) video = { kind: 'link', key: parseVideoLink(parsed.videoUrl).key }
  if (parsed.video) {
    if (!options.media) throw new AppError('Unavailable', 'video: this site does not accept video uploads.')
    video = { kind: 'upload', sha256: (await storeVideo(storage, options.media, parsed.video, now)).sha256 }
  }
  const key = contributorKey(parsed.email)
  const at = now.toISOString()
  return storage.db.transaction().execute(async (trx) => {
    await ensureContributor(trx, key, at)
    const status = initialStatus(await findContributor(trx, key))
    const id = await insertMoment(trx, {
      filmId: film.id,
      sceneId,
      displayName: parsed.displayName,
      email: parsed.email,
      contributorKey: key,
      country: parsed.country,
      title: parsed.title,
      text: parsed.text ? parsed.text : null,
      video,
      spoiler: parsed.spoiler,
      status,
      createdAt: at,
      publishedAt: status === 'approved' ? at : null,
    })
    return { id, status }
  })
}

export interface Page {
  limit: number
  offset?: number | undefined
}

async function toPublicMoments(
  storage: Storage,
  listings: readonly MomentListing[],
): Promise<PublicMoment[]> {
  const uploads = listings.flatMap(({ moment }) =>
    moment.video?.kind === 'upload' ? [moment.video.sha256] : [],
  )
  const media = new Map((await listMedia(storage.db, uploads)).map((m) => [m.sha256, m]))
  return listings.map(({ moment, filmSlug, scene }) => {
    let video: MomentVideo | null = null
    if (moment.video?.kind === 'upload') {
      const file = media.get(moment.video.sha256)
      if (file) video = { kind: 'upload', sha256: file.sha256, type: file.type as VideoType, size: file.size }
    } else if (moment.video?.kind === 'link') {
      const link = parseVideoKey(moment.video.key)
      if (link) video = { kind: 'link', key: link.key, ...videoLinkUrls(link) }
    }
    // Field by field, so that nothing private (the email, the contributor key) can slip through.
    return {
      id: moment.id,
      film: { slug: filmSlug },
      scene,
      displayName: moment.displayName,
      country: moment.country,
      title: moment.title,
      html: moment.text === null ? null : renderMarkdown(moment.text),
      video,
      spoiler: moment.spoiler,
      publishedAt: moment.publishedAt ?? moment.createdAt,
    }
  })
}

/** Published moments of all films, newest first. */
export async function listRecentMoments(storage: Storage, page: Page): Promise<PublicMoment[]> {
  return toPublicMoments(storage, await listMoments(storage.db, { status: 'approved', ...page }))
}

/** Published moments about a film, newest first. */
export async function listFilmMoments(
  storage: Storage,
  filmSlug: string,
  page: Page,
): Promise<PublicMoment[]> {
  const film = await findFilmBySlug(storage.db, filmSlug)
  if (!film) throw new NotFoundError('film', filmSlug)
  return toPublicMoments(
    storage,
    await listMoments(storage.db, { status: 'approved', filmIds: [film.id], ...page }),
  )
}

/** Published moments about any version of a story, newest first. */
export async function listStoryMoments(
  storage: Storage,
  storySlug: string,
  page: Page,
): Promise<PublicMoment[]> {
  const story = await findStoryBySlug(storage.db, storySlug)
  if (!story) throw new NotFoundError('story', storySlug)
  const filmIds = (await listFilmsOfStory(storage.db, story.id)).map((f) => f.id)
  return toPublicMoments(storage, await listMoments(storage.db, { status: 'approved', filmIds, ...page }))
}

/** A published moment, or undefined (also for one that is pending, rejected or spam). */
export async function findPublicMoment(storage: Storage, id: number): Promise<PublicMoment | undefined> {
  const [listing] = await listMoments(storage.db, { status: 'approved', id, limit: 1 })
  return listing && (await toPublicMoments(storage, [listing]))[0]
}

export interface MomentCounts {
  /** "The scenes that moved people most": published moments per scene, most first. */
  byScene: SceneCount[]
  /** Published moments per country (ISO 3166 alpha-2), most first: for the map. */
  byCountry: { country: string; moments: number }[]
  total: number
}

export async function countFilmMoments(storage: Storage, filmSlug: string): Promise<MomentCounts> {
  const film = await findFilmBySlug(storage.db, filmSlug)
  if (!film) throw new NotFoundError('film', filmSlug)
  const byCountry = await countPublishedMomentsByCountry(storage.db, [film.id])
  return {
    byScene: await countPublishedMomentsByScene(storage.db, film.id),
    byCountry,
    total: byCountry.reduce((sum, c) => sum + c.moments, 0),
  }
}

/** Published moments per country over every version of a story (scenes belong to one film each). */
export async function countStoryMoments(
  storage: Storage,
  storySlug: string,
): Promise<Omit<MomentCounts, 'byScene'>> {
  const story = await findStoryBySlug(storage.db, storySlug)
  if (!story) throw new NotFoundError('story', storySlug)
  const filmIds = (await listFilmsOfStory(storage.db, story.id)).map((f) => f.id)
  const byCountry = await countPublishedMomentsByCountry(storage.db, filmIds)
  return { byCountry, total: byCountry.reduce((sum, c) => sum + c.moments, 0) }
}

/** An uploaded video opened for an HTTP response: the whole file, or the requested byte range. */
export interface VideoResponse {
  type: VideoType
  size: number
  /** The range served (status 206), or null for the whole file (200). */
  range: ByteRange | null
  body: ReadableStream<Uint8Array>
}

/**
 * Opens an uploaded video for serving with `Range` support. Only a video shown by a published moment
 * is served unless `unpublished` (a moderator's preview); 'unsatisfiable' means status 416.
 */
export async function openVideo(
  storage: Storage,
  media: MediaOptions,
  sha256: string,
  rangeHeader: string | undefined,
  options: { unpublished?: boolean } = {},
): Promise<VideoResponse | 'unsatisfiable'> {
  if (!/^[0-9a-f]{64}$/.test(sha256)) throw new NotFoundError('video', sha256)
  const record = await findMedia(storage.db, sha256)
  if (!record || (!options.unpublished && !(await isMediaPublished(storage.db, sha256))))
    throw new NotFoundError('video', sha256)
  const path = mediaPath(media.dir, sha256)
  const file = await stat(path).catch(() => undefined)
  if (!file) throw new NotFoundError('video', sha256)
  const range = parseByteRange(rangeHeader, file.size)
  if (range === 'unsatisfiable') return range
  const stream = createReadStream(path, range ? { start: range.start, end: range.end } : {})
  return {
    type: record.type as VideoType,
    size: file.size,
    range: range ?? null,
    body: Readable.toWeb(stream) as ReadableStream<Uint8Array>,
  }
}
