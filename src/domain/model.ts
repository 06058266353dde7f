import { z } from 'zod'

export const FILM_KINDS = ['movie', 'series', 'tv-movie', 'short', 'episode'] as const
export type FilmKind = (typeof FILM_KINDS)[number]

export const FILM_STATUSES = ['released', 'announced', 'in-production', 'cancelled'] as const
export type FilmStatus = (typeof FILM_STATUSES)[number]

/** How a film relates to its story, after IMDb's connection types. */
export const FILM_RELATIONS = [
  'original',
  'remake',
  'unofficial-remake',
  'adaptation',
  'sequel',
  'same-source',
] as const
export type FilmRelation = (typeof FILM_RELATIONS)[number]

export const TITLE_KINDS = [
  'original',
  'official',
  'alternative',
  'working',
  'romanization',
  'literal',
] as const
export type TitleKind = (typeof TITLE_KINDS)[number]

export const CREDIT_ROLES = [
  'director',
  'writer',
  'cast',
  'producer',
  'composer',
  'cinematographer',
  'editor',
] as const
export type CreditRole = (typeof CREDIT_ROLES)[number]

/** What a source is; its reliability follows from it. */
export const SOURCE_KINDS = [
  'official',
  'database',
  'encyclopedia',
  'press',
  'blog',
  'fan',
  'editor',
] as const
export type SourceKind = (typeof SOURCE_KINDS)[number]

const RELIABILITY: Record<SourceKind, number> = {
  official: 5,
  database: 4,
  encyclopedia: 4,
  editor: 3,
  press: 3,
  blog: 2,
  fan: 1,
}

export function reliabilityOf(kind: SourceKind): number {
  return RELIABILITY[kind]
}

export const CLAIM_STATUSES = ['proposed', 'accepted', 'rejected'] as const
export type ClaimStatus = (typeof CLAIM_STATUSES)[number]

export const SUBJECT_KINDS = ['story', 'film', 'person'] as const
export type SubjectKind = (typeof SUBJECT_KINDS)[number]

export interface SubjectRef {
  kind: SubjectKind
  id: number
}

export interface ExternalIds {
  imdb?: string | undefined
  wikidata?: string | undefined
  tmdb?: string | undefined
}

export const EXTERNAL_IDS = z
  .object({
    imdb: z.string().regex(/^(tt|nm)\d{7,}$/, 'an IMDb id looks like tt1234567 or nm1234567'),
    wikidata: z.string().regex(/^Q\d+$/, 'a Wikidata id looks like Q123'),
    tmdb: z.string().regex(/^\d+$/, 'a TMDB id is a number'),
  })
  .partial()
  .strict()

export interface Story {
  id: number
  slug: string
  title: string
  summary: string
  themes: string[]
  originFilmId: number | null
}

export interface Film {
  id: number
  slug: string
  storyId: number | null
  kind: FilmKind
  status: FilmStatus
  relation: FilmRelation
  relatedFilmId: number | null
  year: number | null
  ids: ExternalIds
  /** The source for the film's existence and its relation to the story. */
  sourceId: number | null
}

export interface Title {
  id: number
  filmId: number
  text: string
  language: string | null
  script: string | null
  region: string | null
  kind: TitleKind
  sourceId: number | null
}

export interface Person {
  id: number
  slug: string
  name: string
  ids: ExternalIds
}

export interface PersonName {
  personId: number
  name: string
  language: string | null
  script: string | null
}

/** A story-level role, named differently in each film ("the wrongly accused father"). */
export interface Character {
  id: number
  storyId: number
  slug: string
  name: string
  description: string | null
}

export interface Credit {
  id: number
  filmId: number
  personId: number
  role: CreditRole
  characterId: number | null
  characterName: string | null
  billing: number
  sourceId: number | null
}

export interface Scene {
  id: number
  filmId: number
  slug: string
  title: string
  description: string
  spoiler: SpoilerLevel
  position: number
  sourceId: number | null
}

export interface Source {
  id: number
  slug: string
  kind: SourceKind
  url: string | null
  title: string
  publisher: string | null
  author: string | null
  language: string | null
  publishedAt: string | null
  updatedAt: string | null
  retrievedAt: string | null
  contentHash: string | null
}

export const SPOILER_LEVELS = ['none', 'plot', 'ending'] as const
export type SpoilerLevel = (typeof SPOILER_LEVELS)[number]

export interface Revision {
  id: number
  entityKind: string
  entityKey: string
  action: 'create' | 'update' | 'delete'
  before: unknown
  after: unknown
  author: string
  reason: string | null
  createdAt: string
}
