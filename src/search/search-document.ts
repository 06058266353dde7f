export type SearchKind = 'story' | 'film' | 'person' | 'character'

/** A story, film, person or character as every search backend hands it to rankDocuments(). */
export interface SearchDocument {
  kind: SearchKind
  slug: string
  /** What a result shows. */
  title: string
  /**
   * searchKeys() of every name variant, precomputed at index time. A story's own names only: its
   * versions are documents of their own, found through the story's title when theirs do not match.
   */
  keys: string[]
  year: number | null
  countries: string[]
  languages: string[]
  /** The story a film or character belongs to; null for stories and people. */
  story: { slug: string; title: string } | null
  /** 'original' | 'remake' | ... for films. */
  relation: string | null
  /** >= 0; votes where known, else a small count (versions, credits). */
  popularity: number
}

/** One answer of rankDocuments(), ready to show. */
export interface SearchResult {
  kind: SearchKind
  slug: string
  title: string
  year: number | null
  country: string | null
  story: { slug: string; title: string } | null
  score: number
  /** Why it matched, for people: e.g. ['title “7. Koğuştaki Mucize”', 'typo: kogustaki', 'country Türkiye', 'year 2019']. */
  matched: string[]
}
