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
  resolveFacts,
  slugify,
  valueSchemaOf,
  type Actor,
  type Article,
  type ArticleScope,
  type CandidateClaim,
  type ClaimExtractor,
  type KnownEntity,
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
  insertSource,
  insertCandidates,
  insertClaimRow,
  insertAuditEntry,
  insertRevisions,
  findFreeSourceSlug,
  findCharacterNameInFilm,
  findCharacterOfStory,
  findCreditId,
  findFilmRef,
  findPersonRef,
  findTitleId,
  insertIngestedCredit,
  insertIngestedTitle,
  insertPersonRow,
  listClaimsAbout,
  type NewRevision,
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

export type { StoredCandidate }

export interface IngestResult {
  source: Source
  /** False when a source with the same text was already stored: nothing new was made. */
  created: boolean
  article: Article
  candidates: CandidateClaim[]
  /** How many candidates were new to the source. */
  stored: number
}

/** Finds the stories an article is about through the search (its title, its quoted names), and lists what they hold. */
export async function buildArticleScope(storage: Storage, article: Article): Promise<ArticleScope> {
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
    const entity: KnownEntity = {
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
      const entity: KnownEntity = {
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

/**
 * Stores an article as a source (once per text: the same text again makes nothing new) and proposes
 * the claims it makes about the films, people and characters Retold knows.
 */
export async function ingestArticle(
  storage: Storage,
  article: Article,
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
      const base =
        slugify(article.title ?? '')
          .split('-')
          .slice(0, 8)
          .join('-') || 'article'
      const slug = await findFreeSourceSlug(trx, base)
      await insertSource(
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

/** What the web form needs to read an article: the importer's reader and extractor, passed in by the caller (src/cli/serve.ts). */
export interface ArticleReader {
  read: (
    input: string,
    options: { url?: string | undefined; format?: 'html' | 'text' | undefined },
  ) => Article
  extract: ClaimExtractor
}

/** A source's review queue, with the candidates whose accepted claim now disagrees with another source's. */
export interface CandidateReview {
  source: Source
  candidates: StoredCandidate[]
  /** Ids of accepted candidates whose claim is part of a conflict. */
  conflicted: Set<number>
}

export async function reviewCandidates(storage: Storage, sourceSlug: string): Promise<CandidateReview> {
  const source = await findSourceBySlug(storage.db, sourceSlug)
  if (!source) throw new NotFoundError('source', sourceSlug)
  const candidates = await listCandidatesOfSource(storage.db, source.id)
  const claimIds = new Set(candidates.flatMap((c) => (c.claimId === null ? [] : [c.claimId])))
  const conflicted = new Set<number>()
  if (claimIds.size > 0) {
    const subjects = new Map<string, { kind: 'story' | 'film' | 'person'; id: number }>()
    for (const c of candidates) {
      if (c.claimId === null || !['story', 'film', 'person'].includes(c.subject.kind)) continue
      const kind = c.subject.kind as 'story' | 'film' | 'person'
      const key = `${kind}:${c.subject.slug}`
      if (!subjects.has(key))
        subjects.set(key, { kind, id: await subjectId(storage.db, kind, c.subject.slug) })
    }
    const disputed = new Set<number>()
    for (const fact of resolveFacts(await listClaimsAbout(storage.db, [...subjects.values()])))
      if (fact.conflicts.length > 0)
        for (const claim of [...fact.claims, ...fact.conflicts.flatMap((c) => c.claims)])
          disputed.add(claim.id)
    for (const c of candidates) if (c.claimId !== null && disputed.has(c.claimId)) conflicted.add(c.id)
  }
  return { source, candidates, conflicted }
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

const CREDIT_PROPERTIES = ['cast', 'director', 'writer'] as const
type CreditProperty = (typeof CREDIT_PROPERTIES)[number]

function isCreditProperty(property: string): property is CreditProperty {
  return (CREDIT_PROPERTIES as readonly string[]).includes(property)
}

const TITLE_KIND_OF: Record<string, string> = { title: 'alternative', original_title: 'original' }

function textValue(value: unknown, what: string): string {
  if (typeof value !== 'string' || value.trim() === '') throw new AppError('Invalid', `value: ${what}`)
  return value.trim()
}

async function filmOrThrow(db: Kysely<Database>, candidate: StoredCandidate) {
  if (candidate.subject.kind !== 'film')
    throw new AppError('Invalid', `A ${candidate.property} is about a film, not a ${candidate.subject.kind}.`)
  const film = await findFilmRef(db, candidate.subject.slug)
  if (!film) throw new NotFoundError('film', candidate.subject.slug)
  return film
}

/** What an accepted candidate became, for the revision, the audit log and the candidate's row. */
interface Outcome {
  target: { kind: 'claim' | 'credit' | 'title'; id: number }
  claimId: number | null
  created: boolean
  entityKey: string
  after: Record<string, unknown>
  extra: NewRevision[]
}

/** A claim citing the candidate's source and quoting its sentence (or the equal one already stored). */
async function acceptAsClaim(
  trx: Kysely<Database>,
  candidate: StoredCandidate,
  value: unknown,
  qualifiers: Record<string, string>,
  who: string,
  at: string,
): Promise<Outcome> {
  if (!isPropertyName(candidate.property))
    throw new AppError('Invalid', `"${candidate.property}" is not a property.`)
  const property = candidate.property
  const definition = propertyOf(property)
  const parsedValue = valueSchemaOf(property).safeParse(value)
  if (!parsedValue.success) throw new AppError('Invalid', `value: ${parsedValue.error.issues[0]!.message}`)
  const parsedQualifiers = QUALIFIERS.strict().safeParse(qualifiers)
  if (!parsedQualifiers.success) {
    const issue = parsedQualifiers.error.issues[0]!
    throw new AppError('Invalid', `qualifiers: ${[...issue.path, ''].join(' ')}${issue.message}`)
  }
  if (!(definition.subjects as readonly string[]).includes(candidate.subject.kind))
    throw new AppError('Invalid', `A ${candidate.subject.kind} has no ${property}.`)
  if (property === 'remake_of' || property === 'adaptation_of') {
    const film = await findFilmRef(trx, String(parsedValue.data))
    if (!film) throw new AppError('Invalid', `value: there is no film "${String(parsedValue.data)}"`)
  }
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
    spoiler: definition.spoiler ?? 'none',
    status: 'accepted',
    origin: 'ingest',
    added_by: who,
    added_at: at,
  }
  const existing = await findEqualClaim(trx, row)
  const claimId = existing ?? (await insertClaimRow(trx, row))
  return {
    target: { kind: 'claim', id: claimId },
    claimId,
    created: existing === undefined,
    entityKey: `${candidate.subject.slug}/${property}`,
    after: { ...row, id: claimId },
    extra: [],
  }
}

/** A credit of the film citing the article; the person is created, from the article, when Retold has none of that slug. */
async function acceptAsCredit(
  trx: Kysely<Database>,
  candidate: StoredCandidate & { property: CreditProperty },
  value: unknown,
  qualifiers: Record<string, string>,
  at: string,
): Promise<Outcome> {
  const film = await filmOrThrow(trx, candidate)
  const named = textValue(value, 'the person’s slug or name')
  const unknownQualifiers = Object.keys(qualifiers).filter((name) => name !== 'character')
  if (unknownQualifiers.length > 0)
    throw new AppError(
      'Invalid',
      `qualifiers: a credit takes only a character (not ${unknownQualifiers.join(', ')})`,
    )
  const extra: NewRevision[] = []
  let person = (await findPersonRef(trx, named)) ?? (await findPersonRef(trx, slugify(named)))
  if (!person) {
    const slug = slugify(named)
    if (!slug) throw new AppError('Invalid', `value: "${named}" is not a name`)
    const name =
      /[A-Z\s]/.test(named) || !/-/.test(named) ? named : named.split('-').map(capitalize).join(' ')
    const id = await insertPersonRow(trx, { slug, name }, at)
    person = { id, slug, name }
    extra.push({
      entityKind: 'person',
      entityKey: slug,
      action: 'create',
      before: null,
      after: { slug, name },
    })
  }
  let characterId: number | null = null
  let characterName: string | null = null
  if (candidate.property === 'cast' && qualifiers.character) {
    const character =
      film.storyId === null ? undefined : await findCharacterOfStory(trx, film.storyId, qualifiers.character)
    if (!character)
      throw new AppError('Invalid', `qualifiers: the story has no character "${qualifiers.character}"`)
    characterId = character.id
    characterName = (await findCharacterNameInFilm(trx, film.id, character.id)) ?? character.name
  } else if (qualifiers.character) {
    throw new AppError('Invalid', `qualifiers: a ${candidate.property} has no character`)
  }
  const credit = { filmId: film.id, personId: person.id, role: candidate.property, characterId }
  const existing = await findCreditId(trx, credit)
  const id =
    existing ?? (await insertIngestedCredit(trx, { ...credit, characterName, sourceId: candidate.sourceId }))
  return {
    target: { kind: 'credit', id },
    claimId: null,
    created: existing === undefined,
    entityKey: `${candidate.subject.slug}/${candidate.property}/${person.slug}`,
    after: {
      film: candidate.subject.slug,
      person: person.slug,
      role: candidate.property,
      character: qualifiers.character ?? null,
      characterName,
      source_id: candidate.sourceId,
    },
    extra,
  }
}

function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1)
}

/** A title of the film citing the article: `original_title` an original title, `title` an alternative one. */
async function acceptAsTitle(
  trx: Kysely<Database>,
  candidate: StoredCandidate,
  value: unknown,
  qualifiers: Record<string, string>,
): Promise<Outcome> {
  const film = await filmOrThrow(trx, candidate)
  const text = textValue(value, 'the title')
  const language = qualifiers.language ?? null
  if (language !== null && !/^[a-z]{2,3}$/.test(language))
    throw new AppError('Invalid', 'qualifiers: language is an ISO 639 code (ko, tr)')
  const kind = TITLE_KIND_OF[candidate.property]!
  const existing = await findTitleId(trx, film.id, text)
  const id =
    existing ??
    (await insertIngestedTitle(trx, { filmId: film.id, text, kind, language, sourceId: candidate.sourceId }))
  return {
    target: { kind: 'title', id },
    claimId: null,
    created: existing === undefined,
    entityKey: `${candidate.subject.slug}/${text}`,
    after: { film: candidate.subject.slug, text, kind, language, source_id: candidate.sourceId },
    extra: [],
  }
}

/**
 * Accepts a candidate, as proposed or with an editor's edits, and makes it what it says: a property
 * becomes an accepted claim citing the source and quoting the sentence (remake_of and adaptation_of
 * too: the film's curated relation is left as it is); cast, director and writer become a credit;
 * title and original_title a title. Each change is recorded with a revision and an audit entry.
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
  const who = actorName(actor)
  return storage.db.transaction().execute(async (trx) => {
    const candidate = await findCandidateById(trx, id)
    if (!candidate) throw new NotFoundError('candidate', String(id))
    if (candidate.status !== 'proposed')
      throw new AppError('Conflict', `Candidate ${id} is already ${candidate.status}.`)
    const value = edits.value ?? candidate.value
    const qualifiers = Object.fromEntries(
      Object.entries(edits.qualifiers ?? candidate.qualifiers).filter(([, v]) => v.trim() !== ''),
    )
    const property = candidate.property
    const outcome = isCreditProperty(property)
      ? await acceptAsCredit(trx, { ...candidate, property }, value, qualifiers, at)
      : property in TITLE_KIND_OF
        ? await acceptAsTitle(trx, candidate, value, qualifiers)
        : await acceptAsClaim(trx, candidate, value, qualifiers, who, at)
    const revisions: NewRevision[] = [...outcome.extra]
    if (outcome.created)
      revisions.push({
        entityKind: outcome.target.kind,
        entityKey: outcome.entityKey,
        action: 'create',
        before: null,
        after: outcome.after,
      })
    revisions.push({
      entityKind: 'claim_candidate',
      entityKey: String(id),
      action: 'update',
      before: { status: candidate.status, value: candidate.value, qualifiers: candidate.qualifiers },
      after: { status: 'accepted', value, qualifiers, became: outcome.target },
    })
    await insertRevisions(trx, { author: who, reason: `accept candidate ${id}`, at }, revisions)
    await insertAuditEntry(trx, {
      actorId: actor.id,
      action: 'accept-candidate',
      target: outcome.target,
      before: null,
      after: {
        candidate: id,
        subject: `${candidate.subject.kind}:${candidate.subject.slug}`,
        property,
        value,
        qualifiers,
        created: outcome.created,
      },
      createdAt: at,
    })
    await decideCandidate(trx, id, {
      status: 'accepted',
      claimId: outcome.claimId,
      decidedBy: who,
      decidedAt: at,
      ...(edits.value === undefined ? {} : { value }),
      ...(edits.qualifiers === undefined ? {} : { qualifiers }),
    })
    return (await findCandidateById(trx, id))!
  })
}

/** A candidate with the slug of the source it came from. */
export async function findCandidateOrThrow(
  storage: Storage,
  id: number,
): Promise<{ candidate: StoredCandidate; sourceSlug: string }> {
  const candidate = await findCandidateById(storage.db, id)
  if (!candidate) throw new NotFoundError('candidate', String(id))
  const source = await storage.db
    .selectFrom('source')
    .select('slug')
    .where('id', '=', candidate.sourceId)
    .executeTakeFirstOrThrow()
  return { candidate, sourceSlug: source.slug }
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
