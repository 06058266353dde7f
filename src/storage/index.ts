// storage/: the database. Kysely schema, migrations and repositories; connect.ts alone knows the drivers.
// May import domain/ and search/.
export * from './connect.ts'
export * from './migrate.ts'
export * from './repositories/claim-repository.ts'
export * from './repositories/dataset-repository.ts'
export * from './repositories/film-repository.ts'
export * from './repositories/person-repository.ts'
export * from './repositories/revision-repository.ts'
export * from './repositories/source-repository.ts'
export * from './repositories/story-repository.ts'
export type { Database } from './schema.ts'
export * from './repositories/slug-repository.ts'
export * from './repositories/search-repository.ts'
