// importers/imdb/: reads IMDb's TSV datasets as streams of typed records and rejections, and writes synthetic ones. Imports domain and node built-ins only.
export { generateImdb, type GenerateImdbOptions, type GeneratedImdb } from './generate.ts'
export {
  nextPosition,
  readTsv,
  type ReadTsvOptions,
  type TsvItem,
  type TsvPosition,
  type TsvRejection,
  type TsvRow,
} from './read-tsv.ts'
export {
  IMDB_TABLES,
  InvalidField,
  NAME_BASICS,
  readImdbTable,
  TITLE_AKAS,
  TITLE_BASICS,
  TITLE_CREW,
  TITLE_EPISODE,
  TITLE_PRINCIPALS,
  TITLE_RATINGS,
  type ImdbItem,
  type ImdbRecord,
  type ImdbTable,
  type ImdbTableName,
  type NameBasics,
  type TitleAka,
  type TitleBasics,
  type TitleCrew,
  type TitleEpisode,
  type TitlePrincipal,
  type TitleRating,
} from './rows.ts'
