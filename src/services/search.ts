import type { Kysely } from 'kysely'
import {
  Dictionary,
  parseQuery,
  pickCandidates,
  planLookup,
  rankDocuments,
  searchKeys,
  type ParsedQuery,
  type SearchDocument,
  type SearchResult,
} from '../search/index.ts'
import {
  countSearchDocuments,
  countWordDocuments,
  findSearchDocuments,
  findWordPostings,
  listStoryIds,
  findStoryById,
  listCharacters,
  listCredits,
  listFilmsOfStory,
  listPersonNames,
  listPropertyValues,
  listSearchWords,
  listTitles,
  replaceSearchDocuments,
  type Database,
  type DialectName,
  type IndexedDocument,
  type Storage,
} from '../storage/index.ts'
import { pickTitle } from './catalog.ts'

export interface SearchResponse {
  query: string
  /** How the query was read ("miracle in cell no 7 · Türkiye"), when it was not taken literally. */
  interpreted: string | null
  /** The part of a page the query asks about ("ending explained" → ending), if any. */
  section: 'ending' | 'true-story' | 'watch' | 'cast' | null
  results: SearchResult[]
}

/** How many candidates the index hands the ranker: enough for garbled queries, few enough to rank fast. */
export const SEARCH_CANDIDATES = 300
/** Documents read per looked-up word: all of a rare word's, enough of a common word's. */
const POSTINGS = 5000

export async function searchCatalog(storage: Storage, raw: string, limit: number): Promise<SearchResponse> {
  const query = parseQuery(raw)
  return {
    query: raw,
    interpreted: query.interpreted,
    section: query.section,
    results: rankDocuments(query, await findCandidates(storage, query), limit),
  }
}

/**
 * The documents worth ranking for a query: the dictionary says which indexed words the query's words
 * may stand for, the index which documents hold them, and the rarest words matched decide.
 */
export async function findCandidates(storage: Storage, query: ParsedQuery): Promise<SearchDocument[]> {
  const units = planLookup(query, await dictionaryOf(storage))
  const words = [...new Set(units.flatMap((unit) => unit.expansions.map((e) => e.word)))]
  if (words.length === 0) return []
  const frequency = await countWordDocuments(storage.db, words)
  const postings = await findWordPostings(storage.db, storage.dialect, [...frequency.keys()], POSTINGS)
  return findSearchDocuments(storage.db, pickCandidates(units, frequency, postings, SEARCH_CANDIDATES))
}

const dictionaries = new WeakMap<Storage, { dictionary: Dictionary; lastId: number }>()

/**
 * This process's copy of the index's dictionary, brought up to date with the words added since it
 * was last read (by this process or another: words are only ever added, so one indexed query does).
 */
async function dictionaryOf(storage: Storage): Promise<Dictionary> {
  let cached = dictionaries.get(storage)
  if (!cached) {
    cached = { dictionary: new Dictionary(), lastId: 0 }
    dictionaries.set(storage, cached)
  }
  const added = await listSearchWords(storage.db, cached.lastId)
  if (added.length > 0) {
    cached.dictionary.add(added.map((row) => row.word))
    cached.lastId = Math.max(cached.lastId, added.at(-1)!.id)
  }
  return cached.dictionary
}

const unique = (values: Iterable<string>) => [...new Set(values)]

/**
 * Rebuilds the search documents of one story: the story, its films, its characters and everyone
 * credited in them. Runs inside the transaction that changed the story, so the index never lags.
 */
export async function indexStory(
  db: Kysely<Database>,
  dialect: DialectName,
  storyId: number,
): Promise<number> {
  const story = await findStoryById(db, storyId)
  if (!story) return 0
  const films = await listFilmsOfStory(db, storyId)
  const filmIds = films.map((f) => f.id)
  const titles = await listTitles(db, filmIds)
  const countries = await listPropertyValues(db, 'film', filmIds, 'country')
  const languages = await listPropertyValues(db, 'film', filmIds, 'language')
  const credits = await listCredits(db, { filmIds })
  const characters = await listCharacters(db, storyId)
  const storyRef = { slug: story.slug, title: story.title }
  const valuesOf = (rows: typeof countries, id: number) =>
    unique(rows.filter((r) => r.subjectId === id).map((r) => String(r.value)))
  const documents: IndexedDocument[] = []

  // A story answers to its own title; each version answers to its titles and to the story's title,
  // so that "drishyam tamil" finds Papanasam, the Tamil version of Drishyam.
  const storyKeys = searchKeys(story.title)
  documents.push({
    kind: 'story',
    slug: story.slug,
    storyId,
    title: story.title,
    keys: storyKeys,
    year: Math.min(...films.flatMap((f) => (f.year === null ? [] : [f.year]))) || null,
    countries: unique(films.flatMap((f) => valuesOf(countries, f.id))),
    languages: unique(films.flatMap((f) => valuesOf(languages, f.id))),
    story: null,
    relation: null,
    popularity: films.length,
  })

  for (const film of films) {
    const own = titles.filter((t) => t.filmId === film.id)
    documents.push({
      kind: 'film',
      slug: film.slug,
      storyId,
      title: pickTitle(own),
      keys: unique([...own.flatMap((t) => searchKeys(t.text)), ...storyKeys]),
      year: film.year,
      countries: valuesOf(countries, film.id),
      languages: valuesOf(languages, film.id),
      story: storyRef,
      relation: film.relation,
      popularity: credits.filter((c) => c.filmId === film.id).length,
    })
  }

  for (const character of characters) {
    const roles = credits.filter((c) => c.character?.id === character.id)
    const names = unique([
      character.name,
      ...roles.flatMap((c) => (c.characterName ? [c.characterName] : [])),
    ])
    documents.push({
      kind: 'character',
      slug: `${story.slug}/${character.slug}`,
      storyId,
      title: `${character.name} (${unique(roles.flatMap((c) => (c.characterName ? [c.characterName] : []))).join(' = ') || story.title})`,
      keys: unique(names.flatMap(searchKeys)),
      year: null,
      countries: [],
      languages: [],
      story: storyRef,
      relation: null,
      popularity: roles.length,
    })
  }

  const people = new Map(credits.map((c) => [c.person.id, c.person]))
  for (const person of people.values()) {
    const variants = await listPersonNames(db, person.id)
    const all = await listCredits(db, { personId: person.id })
    documents.push({
      kind: 'person',
      slug: person.slug,
      storyId: null,
      title: person.name,
      keys: unique([person.name, ...variants.map((v) => v.name)].flatMap(searchKeys)),
      year: null,
      countries: [],
      languages: [],
      story: null,
      relation: null,
      popularity: all.length,
    })
  }

  await replaceSearchDocuments(db, dialect, storyId, documents)
  return documents.length
}

/**
 * Builds the index of every story when it is empty (a database from before search existed, or after
 * a migration that changed the index), then reads the dictionary into memory so that the first
 * search is as fast as the next.
 */
export async function ensureSearchIndex(storage: Storage): Promise<number> {
  let indexed = 0
  if ((await countSearchDocuments(storage.db)) === 0) {
    for (const id of await listStoryIds(storage.db)) {
      indexed += await storage.db.transaction().execute((trx) => indexStory(trx, storage.dialect, id))
    }
  }
  await dictionaryOf(storage)
  return indexed
}
