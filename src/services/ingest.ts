import { createHash } from 'node:crypto'
import type { Kysely } from 'kysely'
import {
  AppError,
  ForbiddenError,
  isPropertyName,
  NotFoundError,
  propertyOf,
  qualifierKey,
  QUALIFIERS,
  slugify,
  valueSchemaOf,
  type Actor,
  type Qualifiers,
  type Source,
} from '../domain/index.ts'
import {
  decideCandidate,
  findCandidateById,
  findEqualClaim,
  findSourceByContentHash,
  findSourceBySlug,
  findStoryBySlug,
  insertArticleSource,
  insertCandidates,
  insertClaimRow,
  insertRevisions,
  isSourceSlugTaken,
  listCandidatesOfSource,
  listCharacters,
  listCredits,
  listFilmsOfStory,
  listPersonNames,
  listPropertyValues,
  listTitles,
  type Database,
  type StoredCandidate,
  type Storage,
} from '../storage/index.ts'
import { hasRole, isRole } from './accounts.ts'
import { pickTitle } from './catalog.ts'
import { searchCatalog } from './search.ts'

// Articles in, facts out: an article becomes a source with its text, the claims it seems to make
// become candidates, and an editor's acceptance turns a candidate into a claim citing the source.

/** An article as the article importer reads it (src/importers/article): metadata and main text. */
export interface IngestedArticle {
  title: string | null
  author: string | null
  publisher: string | null
  published: string | null
  updated: string | null
  language: string | null
  url: string | null
  text: string
}

/** A story, film, person or character an article may name, with what the extractor needs to know of it. */
export interface ScopeEntity {
  kind: 'story' | 'film' | 'person' | 'character'
  slug: string
  name: string
  year?: number | null
  countries?: readonly string[]
  relation?: string
  story?: string
  character?: string
  film?: string | undefined
  actor?: string
  films?: readonly string[]
  roleWords?: readonly string[]
}

/** A claim the extractor proposes (src/importers/article's CandidateClaim). */
export interface ProposedClaim {
  subject: { kind: ScopeEntity['kind']; slug: string; name: string }
  property: string
  value: unknown
  qualifiers: Record<string, string>
  quote: string
  start: number
  end: number
  confidence: number
}

/** Reads the claims of an article given what Retold knows: the importer's extractor, passed in by the caller. */
export type ClaimExtractor = (article: IngestedArticle, scope: ArticleScope) => ProposedClaim[]

export interface IngestResult {
  source: Source
  /** False when a source with the same text was already stored: nothing new was made. */
  created: boolean
  article: IngestedArticle
  candidates: ProposedClaim[]
  /** How many candidates were new to the source. */
  stored: number
}

/** The films, people and characters of the stories an article names, as the extractor needs them. */
export interface ArticleScope {
  named: Array<{ entity: ScopeEntity; names: readonly string[] }>
  films: ScopeEntity[]
  characters: ScopeEntity[]
}

/** Finds the stories an article is about through the search (its title, its quoted names), and lists what they hold. */
export async function buildArticleScope(storage: Storage, article: IngestedArticle): Promise<ArticleScope> {
  const queries = new Set<string>()
  if (article.title) queries.add(article.title)
  for (const match of article.text.matchAll(/[“"]([^”"\n]{3,60})[”"]/g)) queries.add(match[1]!)
  for (const line of article.text.split('\n').slice(0, 12))
    if (line.trim().length > 3) queries.add(line.trim().slice(0, 120))
  const storySlugs = new Set<string>()
  for (const query of [...queries].slice(0, 20)) {
    const { results } = await searchCatalog(storage, query, 3)
    for (const result of results.slice(0, 1)) {
      if (result.kind === 'story') storySlugs.add(result.slug)
      else if (result.story) storySlugs.add(result.story.slug)
    }
  }
  const scope: ArticleScope = { named: [], films: [], characters: [] }
  for (const slug of storySlugs) await addStory(storage.db, slug, scope)
  return scope
}

async function addStory(db: Kysely<Database>, slug: string, scope: ArticleScope): Promise<void> {
  const story = await findStoryBySlug(db, slug)
  if (!story) return
  scope.named.push({ entity: { kind: 'story', slug: story.slug, name: story.title }, names: [story.title] })
  const films = await listFilmsOfStory(db, story.id)
  const ids = films.map((f) => f.id)
  const titles = await listTitles(db, ids)
  const countries = await listPropertyValues(db, 'film', ids, 'country')
  const credits = await listCredits(db, { filmIds: ids })
  const characters = await listCharacters(db, story.id)
  const slugOf = new Map(films.map((f) => [f.id, f.slug]))
  for (const film of films) {
    const own = titles.filter((t) => t.filmId === film.id)
    const entity: ScopeEntity = {
      kind: 'film',
      slug: film.slug,
      name: pickTitle(own),
      year: film.year,
      countries: countries.filter((c) => c.subjectId === film.id).map((c) => String(c.value)),
      relation: film.relation,
      story: story.slug,
    }
    scope.films.push(entity)
    scope.named.push({ entity, names: own.map((t) => t.text) })
  }
  const people = new Map<number, { slug: string; name: string; films: Set<string> }>()
  for (const credit of credits) {
    const person = people.get(credit.person.id) ?? { ...credit.person, films: new Set<string>() }
    person.films.add(slugOf.get(credit.filmId)!)
    people.set(credit.person.id, person)
    if (credit.role === 'cast' && credit.character && credit.characterName) {
      const character = characters.find((c) => c.id === credit.character!.id)
      const entity: ScopeEntity = {
        kind: 'character',
        slug: `${story.slug}/${credit.character.slug}`,
        name: credit.characterName,
        character: credit.character.slug,
        film: slugOf.get(credit.filmId),
        actor: credit.person.slug,
        roleWords: character ? roleWordsOf(character.slug) : [],
        story: story.slug,
      }
      scope.characters.push(entity)
      // "Mehmet “Memo” Kara" and "Fatma Nene" are named by each of their words too, except short ones.
      const names = [
        credit.characterName,
        ...credit.characterName.split(/\s+/).filter((w) => w.length >= 4 && /^\p{Lu}/u.test(w)),
      ]
      scope.named.push({ entity, names: [...new Set(names)] })
    }
  }
  for (const [id, person] of people) {
    const variants = await listPersonNames(db, id)
    scope.named.push({
      entity: { kind: 'person', slug: person.slug, name: person.name, films: [...person.films] },
      names: [person.name, ...variants.map((v) => v.name), ...westernOrder(person.name)],
    })
  }
}

// "Lee Hwan-kyung" is written "Hwan-kyung Lee" in English articles: family name last.
function westernOrder(name: string): string[] {
  const words = name.split(' ')
  return words.length === 2 && words[1]!.includes('-') ? [`${words[1]} ${words[0]}`] : []
}

function roleWordsOf(characterSlug: string): string[] {
  return characterSlug.split('-')
}

export function contentHashOf(text: string): string {
  return createHash('sha256').update(text).digest('hex')
}

async function freeSourceSlug(db: Kysely<Database>, title: string | null, hash: string): Promise<string> {
  const base =
    slugify(title ?? 'article')
      .split('-')
      .slice(0, 8)
      .join('-') || 'article'
  for (const slug of [base, `${base}-${hash.slice(0, 8)}`, `${base}-${hash.slice(0, 16)}`]) {
    if (!(await isSourceSlugTaken(db, slug))) return slug
  }
  return `${base}-${hash}`
}

/**
 * Stores an article as a source (once per text: the same text again makes nothing new) and proposes
 * the claims it makes about the films, people and characters Retold knows.
 */
export async function ingestArticle(
  storage: Storage,
  article: IngestedArticle,
  extract: ClaimExtractor,
  options: { now?: Date; kind?: Source['kind'] } = {},
): Promise<IngestResult> {
  if (article.text.trim() === '') throw new AppError('Invalid', 'The article has no text.')
  const now = (options.now ?? new Date()).toISOString()
  const hash = contentHashOf(article.text)
  const scope = await buildArticleScope(storage, article)
  const candidates = extract(article, scope)
  return storage.db.transaction().execute(async (trx) => {
    const existing = await findSourceByContentHash(trx, hash)
    let source = existing
    if (!source) {
      const slug = await freeSourceSlug(trx, article.title, hash)
      await insertArticleSource(
        trx,
        {
          slug,
          kind: options.kind ?? 'blog',
          url: article.url,
          title: article.title ?? slug,
          publisher: article.publisher,
          author: article.author,
          language: article.language,
          publishedAt: article.published,
          updatedAt: article.updated,
          retrievedAt: now.slice(0, 10),
          text: article.text,
          contentHash: hash,
        },
        now,
      )
      source = (await findSourceBySlug(trx, slug))!
      await insertRevisions(trx, { author: 'retold ingest', reason: 'ingest article', at: now }, [
        { entityKind: 'source', entityKey: slug, action: 'create', before: null, after: { ...source } },
      ])
    }
    const stored = await insertCandidates(trx, source.id, candidates, now)
    return { source, created: !existing, article, candidates, stored }
  })
}

function requireEditor(actor: Actor): void {
  if (!(isRole(actor.role) && hasRole(actor.role, 'editor')))
    throw new ForbiddenError(
      `Only editors, moderators and admins may review candidates (you are ${actor.role}).`,
    )
}

function actorName(actor: Actor & { username?: string }): string {
  return actor.username ?? `account:${actor.id}`
}

/** The review queue of a source: every candidate with its status. */
export async function listCandidates(storage: Storage, sourceSlug: string): Promise<StoredCandidate[]> {
  const source = await findSourceBySlug(storage.db, sourceSlug)
  if (!source) throw new NotFoundError('source', sourceSlug)
  return listCandidatesOfSource(storage.db, source.id)
}

export interface CandidateEdits {
  value?: unknown
  qualifiers?: Record<string, string>
}

async function subjectId(db: Kysely<Database>, kind: string, slug: string): Promise<number> {
  const table = kind === 'film' ? 'film' : kind === 'person' ? 'person' : kind === 'story' ? 'story' : null
  if (!table) throw new AppError('Invalid', `A claim cannot be about a ${kind}.`)
  const row = await db.selectFrom(table).select('id').where('slug', '=', slug).executeTakeFirst()
  if (!row) throw new NotFoundError(kind, slug)
  return row.id
}

/**
 * Accepts a candidate, as proposed or with an editor's edits: it becomes an accepted claim citing the
 * source and quoting the sentence, recorded with a revision. Properties that are not claims (cast,
 * director, titles, remakes) are accepted into the queue only; their credits and relations are
 * edited on the film.
 */
export async function acceptCandidate(
  storage: Storage,
  actor: Actor & { username?: string },
  id: number,
  edits: CandidateEdits = {},
  options: { now?: Date } = {},
): Promise<StoredCandidate> {
  requireEditor(actor)
  const at = (options.now ?? new Date()).toISOString()
  return storage.db.transaction().execute(async (trx) => {
    const candidate = await findCandidateById(trx, id)
    if (!candidate) throw new NotFoundError('candidate', String(id))
    if (candidate.status !== 'proposed')
      throw new AppError('Conflict', `Candidate ${id} is already ${candidate.status}.`)
    const value = edits.value ?? candidate.value
    const qualifiers = edits.qualifiers ?? candidate.qualifiers
    let claimId: number | null = null
    if (isPropertyName(candidate.property)) {
      const property = candidate.property
      const parsedValue = valueSchemaOf(property).safeParse(value)
      if (!parsedValue.success)
        throw new AppError('Invalid', `value: ${parsedValue.error.issues[0]!.message}`)
      const parsedQualifiers = QUALIFIERS.safeParse(qualifiers)
      if (!parsedQualifiers.success)
        throw new AppError('Invalid', `qualifiers: ${parsedQualifiers.error.issues[0]!.message}`)
      const subject = await subjectId(trx, candidate.subject.kind, candidate.subject.slug)
      const row = {
        subject_kind: candidate.subject.kind,
        subject_id: subject,
        property,
        value: JSON.stringify(parsedValue.data),
        qualifiers: JSON.stringify(parsedQualifiers.data),
        qualifier_key: qualifierKey(parsedQualifiers.data as Qualifiers),
        source_id: candidate.sourceId,
        quote: candidate.quote,
        spoiler: propertyOf(property).spoiler ?? 'none',
        status: 'accepted',
        origin: 'ingest',
        added_by: actorName(actor),
        added_at: at,
      }
      claimId = (await findEqualClaim(trx, row)) ?? null
      if (claimId === null) {
        claimId = await insertClaimRow(trx, row)
        await insertRevisions(trx, { author: actorName(actor), reason: `accept candidate ${id}`, at }, [
          {
            entityKind: 'claim',
            entityKey: `${candidate.subject.slug}/${property}`,
            action: 'create',
            before: null,
            after: { ...row, id: claimId },
          },
        ])
      }
    }
    await decideCandidate(trx, id, {
      status: 'accepted',
      claimId,
      decidedBy: actorName(actor),
      decidedAt: at,
      ...(edits.value === undefined ? {} : { value }),
      ...(edits.qualifiers === undefined ? {} : { qualifiers }),
    })
    return (await findCandidateById(trx, id))!
  })
}

export async function rejectCandidate(
  storage: Storage,
  actor: Actor & { username?: string },
  id: number,
  options: { now?: Date } = {},
): Promise<StoredCandidate> {
  requireEditor(actor)
  const at = (options.now ?? new Date()).toISOString()
  return storage.db.transaction().execute(async (trx) => {
    const candidate = await findCandidateById(trx, id)
    if (!candidate) throw new NotFoundError('candidate', String(id))
    if (candidate.status !== 'proposed')
      throw new AppError('Conflict', `Candidate ${id} is already ${candidate.status}.`)
    await decideCandidate(trx, id, {
      status: 'rejected',
      claimId: null,
      decidedBy: actorName(actor),
      decidedAt: at,
    })
    return (await findCandidateById(trx, id))!
  })
}
