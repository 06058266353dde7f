import type { StoryDataset } from '../domain/index.ts'
import {
  deleteSearchDocuments,
  findDatasetHash,
  findStoryBySlug,
  storeStoryDataset,
  type Storage,
  type StoreSummary,
} from '../storage/index.ts'
import { indexStory } from './search.ts'

export interface LoadedFile extends StoreSummary {
  file: string
  story: string
  unchanged: boolean
}

/**
 * Stores checked curated datasets, one transaction per file: a file is stored whole or not at all.
 * A file whose content is unchanged since it was last loaded is skipped.
 */
export async function loadDatasets(
  storage: Storage,
  datasets: readonly StoryDataset[],
  options: { author?: string; now?: () => string } = {},
): Promise<LoadedFile[]> {
  const now = options.now ?? (() => new Date().toISOString())
  const results: LoadedFile[] = []
  for (const dataset of datasets) {
    const result = await storage.db.transaction().execute(async (trx) => {
      if ((await findDatasetHash(trx, dataset.file)) === dataset.contentHash) {
        return { created: 0, updated: 0, deleted: 0, adopted: [], unchanged: true }
      }
      const summary = await storeStoryDataset(trx, dataset, {
        author: options.author ?? 'retold load',
        reason: `load ${dataset.file}`,
        at: now(),
      })
      const story = await findStoryBySlug(trx, dataset.story.slug)
      await indexStory(trx, storage.dialect, story!.id)
      // A film or person an import had stored is now the curated one: its old search document goes.
      for (const kind of ['film', 'person'] as const) {
        const slugs = summary.adopted.filter((a) => a.kind === kind).map((a) => a.from)
        await deleteSearchDocuments(trx, storage.dialect, kind, slugs)
      }
      return { ...summary, unchanged: false }
    })
    results.push({ file: dataset.file, story: dataset.story.slug, ...result })
  }
  return results
}
