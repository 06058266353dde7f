// services/: use cases and their transactions. May import domain/, search/ and storage/.
export * from './catalog.ts'
export * from './import-imdb.ts'
export * from './import-wikidata.ts'
export * from './load-datasets.ts'
export * from './present.ts'
export * from './health.ts'
export * from './answers.ts'
export * from './search.ts'
