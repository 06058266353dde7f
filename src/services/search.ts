import type { Kysely } from 'kysely'
import {
  Dictionary,
  parseQuery,
  pickCandidates,
  planLookup,
  pruneUnits,
  rankDocuments,
  searchKeys,
  type ParsedQuery,
  type SearchDocument,
  type SearchResult,
} from '../search/index.ts'
import {
  countSearchDocuments,
  countWordDocuments,
  findDocumentsWithAll,
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
  prepareSearchDocuments,
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
/** Completions and words-inside looked up per query word, besides the word itself and its typos (see pruneUnits). */
const WORDS_PER_UNIT = 12
/**
 * Documents read per looked-up word: all of a rare word's, a few of a common word's (the documents
 * where it sits beside another common word of the query are read whole).
 */
const POSTINGS = 500
/** A word in more documents than this ("the", "of") is not looked up, unless the query has nothing else. */
const TOO_COMMON = 50_000

export async function searchCatalog(storage: Storage, raw: string, limit: number): Promise<SearchResponse> {
  const query = parseQuery(raw)
  return {
    query: raw,
    interpreted: query.interpreted,
    section: query.section,
    results: await rankCandidates(storage, query, limit),
  }
}

/** Finds the candidates for a query and ranks them. */
export async function rankCandidates(
  storage: Storage,
  query: ParsedQuery,
  limit: number,
): Promise<SearchResult[]> {
  const { documents, readings } = await findCandidates(storage, query)
  return rankDocuments(query, documents, limit, readings)
}

/**
 * The documents worth ranking for a query: the dictionary says which indexed words the query's words
 * may stand for, the index which documents hold them, and the rarest words matched decide. Also the
 * other readings of the query the dictionary suggests, for the ranker.
 */
export async function findCandidates(
  storage: Storage,
  query: ParsedQuery,
): Promise<{ documents: SearchDocument[]; readings: string[][] }> {
  const plan = planLookup(query, await dictionaryOf(storage))
  const words = [...new Set(plan.units.flatMap((unit) => unit.expansions.map((e) => e.word)))]
  if (words.length === 0) return { documents: [], readings: plan.readings }
  const frequency = await countWordDocuments(storage.db, words)
  const units = pruneUnits(plan.units, frequency, { perUnit: WORDS_PER_UNIT, tooCommon: TOO_COMMON })
  const wanted = [...new Set(units.flatMap((unit) => unit.expansions.map((e) => e.word)))]
  const postings = await findWordPostings(storage.db, storage.dialect, wanted, POSTINGS)
  // A common word's postings are read only in part. The documents that hold one of a unit's common
  // words together with one of the next unit's (a title's words side by side) are read whole, and
  // count for both units.
  const common = units.map((unit) =>
    unit.expansions.map((e) => e.word).filter((word) => (frequency.get(word) ?? 0) > POSTINGS),
  )
  const pairs = common.flatMap((words, at) => {
    const next = common[at + 1] ?? []
    return words.length > 0 && next.length > 0 ? [{ at, groups: [words, next] }] : []
  })
  if (pairs.length === 0 && units.length === 1 && common[0]!.length > 0)
    pairs.push({ at: 0, groups: [common[0]!] })
  for (const { at, groups } of pairs) {
    const ids = await findDocumentsWithAll(storage.db, storage.dialect, groups, SEARCH_CANDIDATES)
    groups.forEach((_, offset) => {
      const word = units[at + offset]!.expansions[0]!.word
      postings.set(word, [...new Set([...ids, ...(postings.get(word) ?? [])])])
    })
  }
  const ids = pickCandidates(units, frequency, postings, SEARCH_CANDIDATES)
  return { documents: await findSearchDocuments(storage.db, ids), readings: plan.readings }
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
    documents.push(
      filmDocument({
        slug: film.slug,
        title: pickTitle(own),
        names: own.map((t) => t.text),
        year: film.year,
        countries: valuesOf(countries, film.id),
        languages: valuesOf(languages, film.id),
        relation: film.relation,
        popularity: credits.filter((c) => c.filmId === film.id).length,
        story: { id: storyId, ...storyRef, keys: storyKeys },
      }),
    )
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
      keys: unique(unique(names).flatMap(searchKeys)),
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
    documents.push(personDocument(person, [person.name, ...variants.map((v) => v.name)], all.length))
  }

  await replaceSearchDocuments(db, dialect, prepareSearchDocuments(dialect, documents), storyId)
  return documents.length
}

/**
 * The search document of a film: it answers to all its titles and, in a story, to the story's title
 * too (a little lower, as the ranker sees it), so that "drishyam tamil" finds Papanasam.
 */
export function filmDocument(film: {
  slug: string
  title: string
  names: readonly string[]
  year: number | null
  countries: string[]
  languages: string[]
  relation: string | null
  /** Votes where known, else how many people are credited. */
  popularity: number
  story: { id: number; slug: string; title: string; keys: readonly string[] } | null
}): IndexedDocument {
  return {
    kind: 'film',
    slug: film.slug,
    storyId: film.story?.id ?? null,
    title: film.title,
    // IMDb repeats a title for many regions: each is folded once.
    keys: unique([...unique(film.names).flatMap(searchKeys), ...(film.story?.keys ?? [])]),
    year: film.year,
    countries: film.countries,
    languages: film.languages,
    story: film.story ? { slug: film.story.slug, title: film.story.title } : null,
    relation: film.relation,
    popularity: film.popularity,
  }
}

/** The search document of a person: every name variant; popularity is how many credits they have. */
export function personDocument(
  person: { slug: string; name: string },
  names: readonly string[],
  credits: number,
): IndexedDocument {
  return {
    kind: 'person',
    slug: person.slug,
    storyId: null,
    title: person.name,
    keys: unique(unique(names).flatMap(searchKeys)),
    year: null,
    countries: [],
    languages: [],
    story: null,
    relation: null,
    popularity: credits,
  }
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
