import { Worker } from 'node:worker_threads'
import type { Kysely } from 'kysely'
import { AppError } from '../domain/index.ts'
import {
  countCreditsOf,
  countImportPending,
  deleteImportPending,
  listFilmsByIds,
  listImdbVotes,
  listImportPending,
  listNamesOf,
  listPeopleByIds,
  listTitles,
  prepareSearchDocuments,
  replaceSearchDocuments,
  type Database,
  type DialectName,
  type IndexedDocument,
  type PreparedDocuments,
  type Storage,
} from '../storage/index.ts'
import { filmDocument, indexStory, personDocument } from './search.ts'

// The last pass of an import: the search documents of the films and people it changed
// (import_pending). A worker thread reads them and builds their documents, the word folding that
// took half the pass, while this thread writes the batch before: on two cores, 1M titles are indexed
// in 24 s instead of 38. The worker opens its own connection, and only reads.

/**
 * Search documents an import's indexing pass rebuilds per transaction: fewer commits write fewer
 * pages (1M titles, one thread: 30,000 per commit took 36 s, 5,000 took 43). With the worker two
 * batches are held at once: at 3M titles, 15,000 took peak RSS from 1,346 to 1,198 MiB, in the same
 * time as 30,000.
 */
const IMPORT_INDEX_BATCH = 15_000

export type PendingKind = 'film' | 'person'

/** The documents of a batch of pending ids, ready to write; stories are indexed whole, by this thread. */
export interface BuiltDocuments {
  prepared: PreparedDocuments
  storyIds: number[]
}

/**
 * Rebuilds the search documents of the films and people an import changed, a batch per transaction
 * that also clears its marks, so that a stopped pass resumes where it was. A film of a story is
 * indexed with its story; episodes are reached through their series.
 */
export async function indexImportPending(
  storage: Storage,
  onProgress?: (done: number, total: number) => void,
): Promise<{ films: number; people: number }> {
  const total =
    (await countImportPending(storage.db, 'film')) + (await countImportPending(storage.db, 'person'))
  const indexed = { films: 0, people: 0 }
  if (total === 0) return indexed
  const builder = startBuilder(storage)
  try {
    for (const kind of ['film', 'person'] as const) {
      let ids = await listImportPending(storage.db, kind, IMPORT_INDEX_BATCH)
      let next = ids.length > 0 ? builder.build(kind, ids) : undefined
      while (next !== undefined) {
        const built = await next
        const last = ids.at(-1)!
        const count = ids.length
        // The worker builds the next batch while this one is written.
        ids = await listImportPending(storage.db, kind, IMPORT_INDEX_BATCH, last)
        next = ids.length > 0 ? builder.build(kind, ids) : undefined
        await storage.db.transaction().execute(async (trx) => {
          for (const storyId of built.storyIds) await indexStory(trx, storage.dialect, storyId)
          await replaceSearchDocuments(trx, storage.dialect, built.prepared)
          await deleteImportPending(trx, kind, last)
        })
        indexed[kind === 'film' ? 'films' : 'people'] += count
        onProgress?.(indexed.films + indexed.people, total)
      }
    }
  } finally {
    await builder.close()
  }
  return indexed
}

/** Reads the films or people of `ids` and builds their documents (what the worker thread runs). */
export async function buildImportedDocuments(
  storage: Pick<Storage, 'db' | 'dialect'>,
  kind: PendingKind,
  ids: readonly number[],
): Promise<BuiltDocuments> {
  const { documents, storyIds } =
    kind === 'film'
      ? await importedFilms(storage.db, storage.dialect, ids)
      : { documents: await importedPeople(storage.db, ids), storyIds: [] }
  return { prepared: prepareSearchDocuments(storage.dialect, documents), storyIds }
}

interface Builder {
  build(kind: PendingKind, ids: readonly number[]): Promise<BuiltDocuments>
  close(): Promise<void>
}

/**
 * The worker thread, one request at a time; an SQLite database in memory has no other connection,
 * so its documents are built in this thread.
 */
function startBuilder(storage: Storage): Builder {
  if (storage.dialect === 'sqlite' && storage.options.databaseFile === ':memory:') {
    return { build: (kind, ids) => buildImportedDocuments(storage, kind, ids), close: async () => {} }
  }
  const worker = new Worker(new URL('./worker.js', import.meta.url), {
    workerData: { module: './index-imported-worker.ts', options: storage.options },
  })
  let waiting: { resolve(built: BuiltDocuments): void; reject(error: Error): void } | undefined
  let failure: AppError | undefined
  const fail = (reason: string, cause?: unknown) => {
    failure ??= new AppError(
      'Unavailable',
      `the search index pass stopped: ${reason}. What was imported is stored; run the same command ` +
        'again to index it.',
      { cause },
    )
    waiting?.reject(failure)
    waiting = undefined
  }
  worker.on('message', (message: { built: BuiltDocuments } | { error: string }) => {
    if ('error' in message) fail(message.error)
    else waiting?.resolve(message.built)
    waiting = undefined
  })
  worker.on('error', (error) => fail(error.message, error))
  worker.on('exit', () => fail('its worker thread ended'))
  return {
    build(kind, ids) {
      if (failure) return Promise.reject(failure)
      const built = new Promise<BuiltDocuments>((resolve, reject) => {
        waiting = { resolve, reject }
      })
      worker.postMessage({ kind, ids })
      // Awaited by the caller after it writes the batch before; a failure meanwhile is not unhandled.
      built.catch(() => undefined)
      return built
    },
    close: async () => {
      if (failure) return void (await worker.terminate())
      worker.removeAllListeners('exit')
      const exited = new Promise((resolve) => worker.once('exit', resolve))
      worker.postMessage('close')
      await exited
    },
  }
}

async function importedFilms(
  db: Kysely<Database>,
  dialect: DialectName,
  ids: readonly number[],
): Promise<{ documents: IndexedDocument[]; storyIds: number[] }> {
  const films = await listFilmsByIds(db, ids)
  const storyIds = [...new Set(films.flatMap((f) => (f.storyId === null ? [] : [f.storyId])))]
  const own = films.filter((f) => f.storyId === null && f.kind !== 'episode')
  const titles = await listTitles(
    db,
    own.map((f) => f.id),
  )
  const votes = await listImdbVotes(
    { db, dialect },
    own.map((f) => f.id),
  )
  const titlesOf = new Map<number, typeof titles>()
  for (const title of titles) titlesOf.set(title.filmId, [...(titlesOf.get(title.filmId) ?? []), title])
  const documents = own.flatMap((film) => {
    const names = titlesOf.get(film.id) ?? []
    if (names.length === 0) return []
    // The title a source shows (IMDb's primary title), else the original, else the English one.
    const shown =
      names.find((t) => t.kind === 'official' && t.region === null) ??
      names.find((t) => t.kind === 'original') ??
      names.find((t) => t.language === 'en') ??
      names[0]!
    return [
      filmDocument({
        slug: film.slug,
        title: shown.text,
        names: names.map((t) => t.text),
        year: film.year,
        countries: [],
        languages: [],
        relation: null,
        popularity: votes.get(film.id) ?? 0,
        story: null,
      }),
    ]
  })
  return { documents, storyIds }
}

async function importedPeople(db: Kysely<Database>, ids: readonly number[]): Promise<IndexedDocument[]> {
  const people = await listPeopleByIds(db, ids)
  const names = await listNamesOf(db, ids)
  const credits = await countCreditsOf(db, ids)
  return people.map((person) =>
    personDocument(person, [person.name, ...(names.get(person.id) ?? [])], credits.get(person.id) ?? 0),
  )
}
