// The record the Wikidata importer produces for each human (P31 = Q5): the names a credit shows, and the
// ids that find the person again (their QID, their IMDb name id).

export interface WikidataName {
  text: string
  /** Wikidata's language code as is: `en`, `zh-hans`, `mul`. */
  language: string
  from: 'label' | 'alias'
}

export interface WikidataPerson {
  qid: string
  /** The entity's `lastrevid`. */
  revision: number | null
  modified: string | null
  /** The best-ranked P345 IMDb name id (`nm…`). */
  imdbId: string | null
  /**
   * Labels, then aliases; within each, English first, then `mul` (Wikidata's label for every
   * language), then the other languages by code, so that the first name does not depend on key order.
   */
  names: WikidataName[]
}
