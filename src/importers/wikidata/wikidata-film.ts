import type { FilmKind } from '../../domain/index.ts'

// The record the Wikidata importer produces for each film or series: plain data, Wikidata's ids kept
// (QIDs for people, works and places) so that a later step can link them.

/** The domain's film kinds, plus a series episode (the domain has no kind for one yet). */
export type WikidataFilmKind = FilmKind | 'episode'

export type WikidataRank = 'preferred' | 'normal' | 'deprecated'

/** One reference of a statement. A reference with none of these four is left out. */
export interface WikidataSource {
  /** P854 reference URL. */
  url: string | null
  /** P248 stated in: the work the value comes from (QID). */
  statedIn: string | null
  /** P813 retrieved (YYYY-MM-DD). */
  retrieved: string | null
  /** P143 imported from: usually a Wikipedia edition (QID). */
  importedFrom: string | null
}

/**
 * One statement. Deprecated ones are kept, not dropped: Wikidata deprecates a value it knows to be
 * wrong, and an import that stored it from an older dump must be able to see that.
 */
export interface WikidataClaim<T> {
  /** The statement id (`Q2262932$F687B610-…`), stable across revisions. */
  id: string
  value: T
  rank: WikidataRank
  sources: WikidataSource[]
}

/** An item with its standard code when known (ISO 3166-1, ISO 639, ISO 4217), else null. */
export interface CodedItem {
  qid: string
  code: string | null
}

export interface WikidataTitle {
  text: string
  /** Wikidata's language code as is: `en`, `zh-hans`, `pt-br`, `mul`. */
  language: string
  /** A P1476 title statement (the original title), a label, or an alias. */
  from: 'title' | 'label' | 'alias'
}

export interface CastMember {
  /** QID of the person. */
  person: string
  /** P453 character role (QIDs). */
  characters: string[]
  /** P4633 name of the character role. */
  characterNames: string[]
}

export interface ReleaseDate {
  /** YYYY, YYYY-MM or YYYY-MM-DD, as precise as Wikidata states it. */
  date: string
  /** P291 place of publication. */
  places: CodedItem[]
}

export interface BoxOffice {
  amount: number
  currency: CodedItem
  /** P585 point in time. */
  asOf: string | null
}

export interface WikidataFilm {
  qid: string
  kind: WikidataFilmKind
  /** All its P31 (instance of) classes, film classes or not. */
  classes: string[]
  /** The entity's `lastrevid`: a record from a newer dump has a larger one. */
  revision: number | null
  modified: string | null
  /** The best-ranked P345 IMDb title id (`tt…`). */
  imdbId: string | null
  titles: WikidataTitle[]
  /** P144 based on (QIDs of works). */
  basedOn: WikidataClaim<string>[]
  /** P4969 derivative work. */
  derivativeWorks: WikidataClaim<string>[]
  /** P155 follows. */
  follows: WikidataClaim<string>[]
  /** P156 followed by. */
  followedBy: WikidataClaim<string>[]
  /** P57 director (QIDs of people). */
  directors: WikidataClaim<string>[]
  /** P161 cast member. */
  cast: WikidataClaim<CastMember>[]
  /** P495 country of origin. */
  countries: WikidataClaim<CodedItem>[]
  /** P364 original language of film or TV show. */
  languages: WikidataClaim<CodedItem>[]
  /** P577 publication date. */
  releaseDates: WikidataClaim<ReleaseDate>[]
  /** P2047 duration, in minutes (not rounded: a 30-second short is 0.5). */
  runtimeMinutes: WikidataClaim<number>[]
  /** P2142 box office. */
  boxOffice: WikidataClaim<BoxOffice>[]
}
