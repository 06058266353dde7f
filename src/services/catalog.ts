import {
  NotFoundError,
  resolveFacts,
  type Character,
  type ExternalIds,
  type Fact,
  type Film,
  type FilmKind,
  type FilmRelation,
  type FilmStatus,
  type Person,
  type PersonName,
  type Scene,
  type Source,
  type SourcedClaim,
  type Story,
  type Title,
} from '../domain/index.ts'
import {
  findFilmBySlug,
  findPersonBySlug,
  findSourceBySlug,
  findStoryById,
  findStoryBySlug,
  listCharacters,
  listClaimsAbout,
  listClaimsBySource,
  listPropertyValues,
  listCredits,
  listFilmsByIds,
  listFilmsOfStory,
  listPersonNames,
  listScenes,
  listSourcesByIds,
  listStories,
  countRows,
  countSlugs,
  countStories,
  listAllClaims,
  listSlugs,
  listTitles,
  type CreditListing,
  type SluggedTable,
  type Storage,
} from '../storage/index.ts'

// Read models for pages, the API and `retold show`: each entity with its resolved facts, the
// conflicts among its claims and the sources they cite.

export interface FilmSummary {
  slug: string
  kind: FilmKind
  status: FilmStatus
  relation: FilmRelation
  year: number | null
  ids: ExternalIds
  title: string
  originalTitle: Title | null
  titles: Title[]
  relatedFilm: { slug: string; title: string } | null
  /** Where it was made, as its sources say (ISO codes). */
  countries: string[]
  sourceId: number | null
}

export interface StorySummary {
  slug: string
  title: string
  summary: string
  themes: string[]
  versions: number
  years: number[]
}

export interface FilmVersion extends FilmSummary {
  facts: Fact[]
  directors: CreditListing[]
  cast: CreditListing[]
}

export interface CharacterAcrossVersions {
  character: Character
  /** One entry per cast credit, in the order of the story's versions. */
  roles: Array<{ film: string; name: string | null; person: CreditListing['person'] }>
}

export interface StoryView {
  story: Story
  origin: string | null
  facts: Fact[]
  versions: FilmVersion[]
  characters: CharacterAcrossVersions[]
  sources: Source[]
}

export interface FilmView {
  film: FilmSummary
  /** The story's characters, to name the `character` and `of` qualifiers of facts. */
  characters: Character[]
  story: { slug: string; title: string; facts: Fact[] } | null
  facts: Fact[]
  credits: CreditListing[]
  scenes: Scene[]
  versions: FilmSummary[]
  sources: Source[]
}

export interface PersonView {
  person: Person
  names: PersonName[]
  credits: Array<CreditListing & { film: FilmSummary }>
  facts: Fact[]
  sources: Source[]
}

export interface SourceView {
  source: Source
  claims: Array<SourcedClaim & { about: { kind: string; slug: string; label: string } | null }>
}

const TITLE_KIND_ORDER = ['original', 'official', 'alternative', 'literal', 'romanization', 'working']

/**
 * Titles in the order a reader of `language` wants them: the original first, then those in the
 * reader's language, then romanizations and the rest.
 */
export function orderTitles(titles: readonly Title[], language: string): Title[] {
  const rank = (t: Title) =>
    t.kind === 'original'
      ? 0
      : t.language === language && t.kind !== 'romanization'
        ? 1
        : t.kind === 'romanization'
          ? 2
          : 3
  return [...titles].sort(
    (a, b) => rank(a) - rank(b) || TITLE_KIND_ORDER.indexOf(a.kind) - TITLE_KIND_ORDER.indexOf(b.kind),
  )
}

/** The title a reader of `language` sees first: one in their language, else English, else the original. */
export function pickTitle(titles: readonly Title[], language = 'en'): string {
  const inLanguage = (lang: string) =>
    titles.find((t) => t.language === lang && (t.kind === 'official' || t.kind === 'original')) ??
    titles.find((t) => t.language === lang && t.kind !== 'romanization' && t.kind !== 'working')
  const pick =
    inLanguage(language) ?? inLanguage('en') ?? titles.find((t) => t.kind === 'original') ?? titles[0]
  return pick?.text ?? '(untitled)'
}

const displayTitle = (titles: readonly Title[]) => pickTitle(titles)

async function summarizeFilms(storage: Storage, films: readonly Film[]): Promise<FilmSummary[]> {
  const relatedIds = films.flatMap((f) => (f.relatedFilmId === null ? [] : [f.relatedFilmId]))
  const missing = relatedIds.filter((id) => !films.some((f) => f.id === id))
  const related = [...films, ...(await listFilmsByIds(storage.db, missing))]
  const allTitles = await listTitles(
    storage.db,
    related.map((f) => f.id),
  )
  const countries = await listPropertyValues(
    storage.db,
    'film',
    films.map((f) => f.id),
    'country',
  )
  const titlesOf = (id: number) => allTitles.filter((t) => t.filmId === id)
  return films.map((film) => {
    const own = titlesOf(film.id)
    const target = related.find((f) => f.id === film.relatedFilmId)
    return {
      slug: film.slug,
      kind: film.kind,
      status: film.status,
      relation: film.relation,
      year: film.year,
      ids: film.ids,
      title: displayTitle(own),
      originalTitle: own.find((t) => t.kind === 'original') ?? null,
      titles: own,
      relatedFilm: target ? { slug: target.slug, title: displayTitle(titlesOf(target.id)) } : null,
      countries: countries.filter((c) => c.subjectId === film.id).map((c) => String(c.value)),
      sourceId: film.sourceId,
    }
  })
}

async function summariesById(storage: Storage, ids: readonly number[]): Promise<Map<number, FilmSummary>> {
  const films = await listFilmsByIds(storage.db, ids)
  const summaries = await summarizeFilms(storage, films)
  return new Map(films.map((film, i) => [film.id, summaries[i]!]))
}

/** Sources in the order a page first cites them, so that citation numbers read upwards. */
async function citedSources(
  storage: Storage,
  facts: readonly Fact[],
  extraIds: ReadonlyArray<number | null>,
) {
  const ids: number[] = []
  for (const fact of facts) {
    for (const claim of [...fact.claims, ...fact.conflicts.flatMap((c) => c.claims)])
      ids.push(claim.source.id)
  }
  for (const id of extraIds) if (id !== null) ids.push(id)
  const order = [...new Set(ids)]
  const sources = await listSourcesByIds(storage.db, order)
  return order.map((id) => sources.find((s) => s.id === id)!)
}

export async function listStorySummaries(
  storage: Storage,
  page: { limit: number; offset: number },
): Promise<{ total: number; items: StorySummary[] }> {
  const stories = await listStories(storage.db, page)
  const items: StorySummary[] = []
  for (const story of stories) {
    const films = await listFilmsOfStory(storage.db, story.id)
    items.push({
      slug: story.slug,
      title: story.title,
      summary: story.summary,
      themes: story.themes,
      versions: films.length,
      years: films.flatMap((f) => (f.year === null ? [] : [f.year])),
    })
  }
  return { total: await countStories(storage.db), items }
}

export async function findStoryView(storage: Storage, slug: string): Promise<StoryView | undefined> {
  const story = await findStoryBySlug(storage.db, slug)
  if (!story) return undefined
  const films = await listFilmsOfStory(storage.db, story.id)
  const summaries = await summarizeFilms(storage, films)
  const filmIds = films.map((f) => f.id)
  const claims = await listClaimsAbout(storage.db, [
    { kind: 'story', id: story.id },
    ...filmIds.map((id) => ({ kind: 'film' as const, id })),
  ])
  const facts = resolveFacts(claims)
  const credits = await listCredits(storage.db, { filmIds })
  const characters = await listCharacters(storage.db, story.id)
  const versions = films.map((film, i) => ({
    ...summaries[i]!,
    facts: facts.filter((f) => f.subject.kind === 'film' && f.subject.id === film.id),
    directors: credits.filter((c) => c.filmId === film.id && c.role === 'director'),
    cast: credits.filter((c) => c.filmId === film.id && c.role === 'cast'),
  }))
  const storyFacts = facts.filter((f) => f.subject.kind === 'story')
  return {
    story,
    origin: films.find((f) => f.id === story.originFilmId)?.slug ?? null,
    facts: storyFacts,
    versions,
    characters: characters.map((character) => ({
      character,
      roles: films.flatMap((film) =>
        credits
          .filter((c) => c.filmId === film.id && c.character?.id === character.id)
          .map((c) => ({ film: film.slug, name: c.characterName, person: c.person })),
      ),
    })),
    sources: await citedSources(storage, facts, []),
  }
}

export async function findFilmView(storage: Storage, slug: string): Promise<FilmView | undefined> {
  const film = await findFilmBySlug(storage.db, slug)
  if (!film) return undefined
  const story = film.storyId === null ? undefined : await findStoryById(storage.db, film.storyId)
  const siblings = story ? await listFilmsOfStory(storage.db, story.id) : [film]
  const summaries = await summarizeFilms(storage, siblings)
  const claims = await listClaimsAbout(storage.db, [
    { kind: 'film', id: film.id },
    ...(story ? [{ kind: 'story' as const, id: story.id }] : []),
  ])
  const facts = resolveFacts(claims)
  const filmFacts = facts.filter((f) => f.subject.kind === 'film')
  const storyFacts = facts.filter((f) => f.subject.kind === 'story')
  const credits = await listCredits(storage.db, { filmIds: [film.id] })
  const scenes = await listScenes(storage.db, film.id)
  const summary = summaries.find((s) => s.slug === film.slug)!
  return {
    film: summary,
    characters: story ? await listCharacters(storage.db, story.id) : [],
    story: story ? { slug: story.slug, title: story.title, facts: storyFacts } : null,
    facts: filmFacts,
    credits,
    scenes,
    versions: summaries.filter((s) => s.slug !== film.slug),
    sources: await citedSources(
      storage,
      [...filmFacts, ...storyFacts],
      [
        summary.sourceId,
        ...summary.titles.map((t) => t.sourceId),
        ...credits.map((c) => c.sourceId),
        ...scenes.map((s) => s.sourceId),
      ],
    ),
  }
}

export async function findPersonView(storage: Storage, slug: string): Promise<PersonView | undefined> {
  const person = await findPersonBySlug(storage.db, slug)
  if (!person) return undefined
  const credits = await listCredits(storage.db, { personId: person.id })
  const films = await summariesById(
    storage,
    credits.map((c) => c.filmId),
  )
  const facts = resolveFacts(await listClaimsAbout(storage.db, [{ kind: 'person', id: person.id }]))
  return {
    person,
    names: await listPersonNames(storage.db, person.id),
    credits: credits.map((credit) => ({ ...credit, film: films.get(credit.filmId)! })),
    facts,
    sources: await citedSources(
      storage,
      facts,
      credits.map((c) => c.sourceId),
    ),
  }
}

export async function findSourceView(storage: Storage, slug: string): Promise<SourceView | undefined> {
  const source = await findSourceBySlug(storage.db, slug)
  if (!source) return undefined
  const claims = await listClaimsBySource(storage.db, source.id)
  const films = await summariesById(
    storage,
    claims.filter((c) => c.subject.kind === 'film').map((c) => c.subject.id),
  )
  const subjects = new Map<string, { kind: string; slug: string; label: string }>()
  for (const [id, film] of films) {
    subjects.set(`film:${id}`, {
      kind: 'film',
      slug: film.slug,
      label: `${film.title} (${film.year ?? '?'})`,
    })
  }
  for (const claim of claims) {
    const key = `${claim.subject.kind}:${claim.subject.id}`
    if (subjects.has(key) || claim.subject.kind === 'film') continue
    if (claim.subject.kind === 'story') {
      const story = await findStoryById(storage.db, claim.subject.id)
      if (story) subjects.set(key, { kind: 'story', slug: story.slug, label: story.title })
    }
  }
  return {
    source,
    claims: claims.map((claim) => ({
      ...claim,
      about: subjects.get(`${claim.subject.kind}:${claim.subject.id}`) ?? null,
    })),
  }
}

function orThrow<T>(what: string, find: (storage: Storage, slug: string) => Promise<T | undefined>) {
  return async (storage: Storage, slug: string): Promise<T> => {
    const found = await find(storage, slug)
    if (found === undefined) throw new NotFoundError(what, slug)
    return found
  }
}

export const findStoryViewOrThrow = orThrow('story', findStoryView)
export const findFilmViewOrThrow = orThrow('film', findFilmView)
export const findPersonViewOrThrow = orThrow('person', findPersonView)
export const findSourceViewOrThrow = orThrow('source', findSourceView)

export interface DatabaseStats {
  stories: number
  films: number
  people: number
  sources: number
  claims: number
  titles: number
  credits: number
  revisions: number
  facts: number
  /** Facts whose sources disagree (an editor's pin still counts: the disagreement stays visible). */
  conflicts: number
}

/** Counts of what is stored, and how many resolved facts have sources that disagree. */
export async function collectStats(storage: Storage): Promise<DatabaseStats> {
  const counts = await countRows(storage.db)
  const facts = resolveFacts(await listAllClaims(storage.db))
  return { ...counts, facts: facts.length, conflicts: facts.filter((f) => f.conflicts.length > 0).length }
}

export type ListedKind = SluggedTable

/** A page of slugs and the total, for sitemaps and the API's listings. */
export async function listSlugPage(
  storage: Storage,
  kind: ListedKind,
  page: { limit: number; offset: number },
): Promise<{ total: number; items: string[] }> {
  return { total: await countSlugs(storage.db, kind), items: await listSlugs(storage.db, kind, page) }
}
