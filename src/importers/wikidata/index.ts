// importers/wikidata/: Wikidata JSON (dumps and Special:EntityData) into film records. Imports domain/ and node built-ins only.
export { parseWikidataFilm } from './parse-wikidata-film.ts'
export { parseWikidataPerson } from './parse-wikidata-person.ts'
export {
  readWikidata,
  type ReadWikidataOptions,
  type WikidataEntry,
  type WikidataFilmEntry,
  type WikidataPersonEntry,
  type WikidataRejection,
  type WikidataSkippedEntry,
} from './read-wikidata.ts'
export { COUNTRY_CODES, CURRENCY_CODES, FILM_CLASSES, LANGUAGE_CODES } from './wikidata-codes.ts'
export type {
  BoxOffice,
  CastMember,
  CodedItem,
  ReleaseDate,
  WikidataClaim,
  WikidataFilm,
  WikidataFilmKind,
  WikidataRank,
  WikidataSource,
  WikidataTitle,
} from './wikidata-film.ts'
export type { WikidataName, WikidataPerson } from './wikidata-person.ts'
