import type { Kysely } from 'kysely'
import { Migrator, type Migration, type MigrationResultSet } from 'kysely/migration'
import type { DialectName, Storage } from './connect.ts'
import { restoreDeferredIndexes } from './repositories/imdb-repository.ts'
import * as createKnowledgeModel from './migrations/2026_11_21_1200_create_knowledge_model.ts'
import * as addFilmSource from './migrations/2026_11_21_1300_add_film_source.ts'
import * as createSearchDocument from './migrations/2026_11_21_1400_create_search_document.ts'
import * as indexSearchWords from './migrations/2026_11_22_0900_index_search_words.ts'
import * as importImdb from './migrations/2026_11_22_1000_import_imdb.ts'
import * as importWikidata from './migrations/2026_11_22_1100_import_wikidata.ts'
import * as createAccounts from './migrations/2026_11_22_1300_create_accounts.ts'
import * as createMoments from './migrations/2026_11_22_1400_create_moments.ts'
import * as ingestArticles from './migrations/2026_11_23_1000_ingest_articles.ts'
import * as wikidataPeople from './migrations/2026_11_23_1100_wikidata_people.ts'
import * as indexOnlySetValues from './migrations/2026_11_24_1000_index_only_set_values.ts'
import * as indexCreditsOfOtherSources from './migrations/2026_11_25_1000_index_credits_of_other_sources.ts'

type MigrationModule = { up(db: Kysely<unknown>, dialect: DialectName): Promise<void> }

// Listed here rather than read from a folder, so that the order is explicit and bundling cannot lose one.
const MIGRATIONS: Record<string, MigrationModule> = {
  '2026_11_21_1200_create_knowledge_model': createKnowledgeModel,
  '2026_11_21_1300_add_film_source': addFilmSource,
  '2026_11_21_1400_create_search_document': createSearchDocument,
  '2026_11_22_0900_index_search_words': indexSearchWords,
  '2026_11_22_1000_import_imdb': importImdb,
  '2026_11_22_1100_import_wikidata': importWikidata,
  '2026_11_22_1300_create_accounts': createAccounts,
  '2026_11_22_1400_create_moments': createMoments,
  '2026_11_23_1000_ingest_articles': ingestArticles,
  '2026_11_23_1100_wikidata_people': wikidataPeople,
  '2026_11_24_1000_index_only_set_values': indexOnlySetValues,
  '2026_11_25_1000_index_credits_of_other_sources': indexCreditsOfOtherSources,
}

/** Brings the schema up to date; returns the names of the migrations it ran. */
export async function migrateToLatest(storage: Storage): Promise<string[]> {
  const migrations = Object.fromEntries(
    Object.entries(MIGRATIONS).map(([name, module]): [string, Migration] => [
      name,
      { up: (db) => module.up(db, storage.dialect) },
    ]),
  )
  const migrator = new Migrator({
    db: storage.db,
    provider: { getMigrations: async () => migrations },
  })
  const { error, results }: MigrationResultSet = await migrator.migrateToLatest()
  if (error) throw error
  await restoreDeferredIndexes(storage.db)
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName)
}
