// What the article importer and the ingest service agree on: an article as read, what Retold knows
// that it may name, and the claims it seems to make.

/** What an article says about itself, and its main text. */
export interface Article {
  title: string | null
  author: string | null
  publisher: string | null
  /** YYYY-MM-DD. */
  published: string | null
  updated: string | null
  /** ISO 639-1 where there is one (en, tr, id), else ISO 639-3; null when the text is too short to tell. */
  language: string | null
  url: string | null
  /** The main text: paragraphs separated by blank lines. */
  text: string
}

export type EntityKind = 'story' | 'film' | 'person' | 'character'

/** Something Retold knows that an article may name. */
export interface KnownEntity {
  kind: EntityKind
  slug: string
  /** The name Retold shows. */
  name: string
  /** Films: their year and countries, to read "the 2013 South Korean film". */
  year?: number | null | undefined
  countries?: readonly string[] | undefined
  /** Films: 'original', 'remake'…; the story they belong to. */
  relation?: string | undefined
  story?: string | undefined
  /** Characters: the story-level character slug, the film whose name this is, and who plays it there. */
  character?: string | undefined
  film?: string | undefined
  actor?: string | undefined
  /** People: the films they are credited in. */
  films?: readonly string[] | undefined
  /** Characters: the kinship or role words of the story-level character ("grandmother", "warden"). */
  roleWords?: readonly string[] | undefined
}

/** A known entity with every name it goes by. */
export interface NamedEntity {
  entity: KnownEntity
  names: readonly string[]
}

/** The films, people and characters of the stories an article names, as the extractor needs them. */
export interface ArticleScope {
  named: NamedEntity[]
  films: KnownEntity[]
  characters: KnownEntity[]
}

export const CANDIDATE_PROPERTIES = [
  'title',
  'original_title',
  'year',
  'release_date',
  'country',
  'language',
  'runtime_minutes',
  'director',
  'writer',
  'cast',
  'remake_of',
  'adaptation_of',
  'based_on_true_story',
  'rating',
  'box_office',
  'admissions',
  'available_on',
  'chart_position',
  'relation',
] as const
export type CandidateProperty = (typeof CANDIDATE_PROPERTIES)[number]

export type CandidateValue =
  string | number | boolean | { amount: number; currency: string } | { score: number; scale: number }

/** A claim an article seems to make, for an editor to accept, edit or reject. */
export interface CandidateClaim {
  subject: { kind: EntityKind; slug: string; name: string }
  property: CandidateProperty
  /** Films and people are given by slug (cast: the actor; remake_of: the original film). */
  value: CandidateValue
  /** As claims name them: region, as_of, by (a rating's source), character and of (character slugs), chart. */
  qualifiers: Record<string, string>
  /** The sentence it came from, and its offsets in the article's text. */
  quote: string
  start: number
  end: number
  /** 0..1: how sure the extractor is that the sentence says this. */
  confidence: number
}

/** Reads the claims of an article given what Retold knows (the article importer's `extractWithScope`). */
export type ClaimExtractor = (article: Article, scope: ArticleScope) => CandidateClaim[]
