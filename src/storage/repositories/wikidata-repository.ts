import type { Kysely } from 'kysely'
import { qualifierKey, type Qualifiers } from '../../domain/index.ts'
import type { Database } from '../schema.ts'
import { insertRevisions, type NewRevision, type RevisionContext } from './revision-repository.ts'

// One Wikidata entity at a time (Wikidata knows far fewer films than IMDb, and each entity carries
// everything about its film): the film is found by its QID, else by its IMDb id (the IMDb-imported
// film takes the QID), else created. Titles are added, never removed; the film's Wikidata claims are
// made equal to the entity's statements; credits are added for people already known by QID.

export const WIKIDATA_ORIGIN = 'wikidata'

export type WikidataLinkProperty = 'based_on' | 'derivative' | 'follows' | 'followed_by'

export interface WikidataSourceInput {
  slug: string
  kind: string
  url: string | null
  title: string
  publisher: string | null
  retrievedAt: string | null
}

export interface WikidataFilmInput {
  qid: string
  imdbId: string | null
  kind: string
  status: string
  year: number | null
  /** Used when the film is created. */
  slug: string
  /** The entity itself as a source: of the film row, its titles and credits, and unsourced statements. */
  source: WikidataSourceInput
  titles: Array<{
    text: string
    language: string | null
    script: string | null
    region: string | null
    kind: string
  }>
  claims: Array<{
    property: string
    value: unknown
    qualifiers: Qualifiers
    source: WikidataSourceInput
  }>
  credits: Array<{ person: string; role: string; billing: number; characterName: string | null }>
  links: Array<{ property: WikidataLinkProperty; target: string }>
}

export interface WikidataFilmOutcome {
  filmId: number
  status: 'imported' | 'updated' | 'unchanged'
  /** Credits left out: their person is not stored with that QID. */
  skippedCredits: number
  /** Set when the IMDb id already belongs to a film of another QID (the film is then stored without it). */
  imdbConflict: string | null
}

export interface WikidataBatchContext {
  now: string
  revision: RevisionContext
  /** Source ids by slug, kept across the entities of a batch. */
  sources: Map<string, number>
}

export async function findOrCreateWikidataSource(
  db: Kysely<Database>,
  source: WikidataSourceInput,
  context: WikidataBatchContext,
): Promise<number> {
  const known = context.sources.get(source.slug)
  if (known !== undefined) return known
  const stored = await db.selectFrom('source').select('id').where('slug', '=', source.slug).executeTakeFirst()
  const id =
    stored?.id ??
    (
      await db
        .insertInto('source')
        .values({
          slug: source.slug,
          kind: source.kind,
          url: source.url,
          title: source.title,
          publisher: source.publisher,
          author: null,
          language: null,
          published_at: null,
          updated_at: null,
          retrieved_at: source.retrievedAt,
          text: null,
          content_hash: null,
          created_at: context.now,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id
  context.sources.set(source.slug, id)
  return id
}

/** Stores one film entity; run it inside the batch's transaction. */
export async function storeWikidataFilm(
  db: Kysely<Database>,
  input: WikidataFilmInput,
  context: WikidataBatchContext,
): Promise<WikidataFilmOutcome> {
  const sourceId = await findOrCreateWikidataSource(db, input.source, context)
  const revisions: NewRevision[] = []
  const columns = ['id', 'slug', 'kind', 'status', 'year', 'imdb_id', 'wikidata_id', 'source_id'] as const
  let film = await db
    .selectFrom('film')
    .select(columns)
    .where('wikidata_id', '=', input.qid)
    .executeTakeFirst()
  let imdbConflict: string | null = null
  let changed = false
  let created = false
  if (!film && input.imdbId !== null) {
    const byImdb = await db
      .selectFrom('film')
      .select(columns)
      .where('imdb_id', '=', input.imdbId)
      .executeTakeFirst()
    if (byImdb && byImdb.wikidata_id === null) {
      await db.updateTable('film').set({ wikidata_id: input.qid }).where('id', '=', byImdb.id).execute()
      revisions.push({
        entityKind: 'film',
        entityKey: byImdb.slug,
        action: 'update',
        before: { wikidata_id: null },
        after: { wikidata_id: input.qid },
      })
      film = { ...byImdb, wikidata_id: input.qid }
      changed = true
    } else if (byImdb) imdbConflict = byImdb.wikidata_id
  }
  if (!film) {
    const inserted = await db
      .insertInto('film')
      .values({
        slug: input.slug,
        kind: input.kind,
        status: input.status,
        relation: 'original',
        year: input.year,
        imdb_id: imdbConflict === null ? input.imdbId : null,
        wikidata_id: input.qid,
        source_id: sourceId,
        created_at: context.now,
        updated_at: context.now,
      })
      .returning(columns)
      .executeTakeFirstOrThrow()
    film = inserted
    created = true
  } else {
    changed = (await updateFilmColumns(db, film, input, sourceId, context, revisions)) || changed
  }

  changed = (await addTitles(db, film.id, input, sourceId)) || changed
  changed = (await syncClaims(db, film.id, film.slug, input, context, revisions)) || changed
  const credits = await addCredits(db, film.id, input, sourceId)
  changed = credits.added > 0 || changed
  changed = (await syncLinks(db, film.id, input)) || changed

  if (created || changed) {
    await db
      .insertInto('import_pending')
      .values({ kind: 'film', id: film.id })
      .onConflict((oc) => oc.doNothing())
      .execute()
  }
  await insertRevisions(db, context.revision, revisions)
  return {
    filmId: film.id,
    status: created ? 'imported' : changed ? 'updated' : 'unchanged',
    skippedCredits: credits.skipped,
    imdbConflict,
  }
}

// A film Wikidata created keeps its kind, status and year in step with the entity, unless IMDb
// imported it too (IMDb's title.basics then owns them, as a curated file owns a curated film's);
// any other film only gains the IMDb id or year it lacks.
async function updateFilmColumns(
  db: Kysely<Database>,
  film: {
    id: number
    slug: string
    kind: string
    status: string
    year: number | null
    imdb_id: string | null
    source_id: number | null
  },
  input: WikidataFilmInput,
  sourceId: number,
  context: WikidataBatchContext,
  revisions: NewRevision[],
): Promise<boolean> {
  const fromImdb = await db
    .selectFrom('title')
    .select('id')
    .where('film_id', '=', film.id)
    .where('imdb_ordering', 'is not', null)
    .executeTakeFirst()
  const owned = film.source_id === sourceId && !fromImdb
  const after: { kind?: string; status?: string; year?: number | null; imdb_id?: string } = {}
  if (owned) {
    if (film.kind !== input.kind) after.kind = input.kind
    if (film.status !== input.status) after.status = input.status
    if (film.year !== input.year) after.year = input.year
  } else if (film.year === null && input.year !== null) after.year = input.year
  if (film.imdb_id === null && input.imdbId !== null) {
    const taken = await db
      .selectFrom('film')
      .select('id')
      .where('imdb_id', '=', input.imdbId)
      .executeTakeFirst()
    if (!taken) after.imdb_id = input.imdbId
  }
  if (Object.keys(after).length === 0) return false
  await db
    .updateTable('film')
    .set({ ...after, updated_at: context.now })
    .where('id', '=', film.id)
    .execute()
  const before = Object.fromEntries(Object.keys(after).map((key) => [key, film[key as keyof typeof film]]))
  revisions.push({ entityKind: 'film', entityKey: film.slug, action: 'update', before, after })
  return true
}

async function addTitles(
  db: Kysely<Database>,
  filmId: number,
  input: WikidataFilmInput,
  sourceId: number,
): Promise<boolean> {
  const stored = await db
    .selectFrom('title')
    .select(['text', 'language', 'position'])
    .where('film_id', '=', filmId)
    .execute()
  const key = (text: string, language: string | null) => `${text}\u0000${language ?? ''}`
  const seen = new Set(stored.map((t) => key(t.text, t.language)))
  let position = Math.max(0, ...stored.map((t) => t.position))
  const rows = []
  for (const title of input.titles) {
    const k = key(title.text, title.language)
    if (seen.has(k)) continue
    seen.add(k)
    position += 1
    rows.push({
      film_id: filmId,
      text: title.text,
      language: title.language,
      script: title.script,
      region: title.region,
      kind: title.kind,
      position,
      source_id: sourceId,
    })
  }
  if (rows.length > 0) await db.insertInto('title').values(rows).execute()
  return rows.length > 0
}

/**
 * Makes the film's Wikidata claims those of the entity: a value that changed is updated in place (a
 * claim is the same when its property, qualifiers and source are), the others are added or removed.
 */
async function syncClaims(
  db: Kysely<Database>,
  filmId: number,
  slug: string,
  input: WikidataFilmInput,
  context: WikidataBatchContext,
  revisions: NewRevision[],
): Promise<boolean> {
  const stored = await db
    .selectFrom('claim')
    .select(['id', 'property', 'value', 'qualifier_key', 'source_id'])
    .where('subject_kind', '=', 'film')
    .where('subject_id', '=', filmId)
    .where('origin', '=', WIKIDATA_ORIGIN)
    .orderBy('id')
    .execute()
  const wanted = []
  const wantedKeys = new Set<string>()
  for (const claim of input.claims) {
    const sourceId = await findOrCreateWikidataSource(db, claim.source, context)
    const row = {
      property: claim.property,
      value: JSON.stringify(claim.value),
      qualifiers: JSON.stringify(claim.qualifiers),
      qualifier_key: qualifierKey(claim.qualifiers),
      source_id: sourceId,
    }
    const full = `${row.property}|${row.qualifier_key}|${row.source_id}|${row.value}`
    // Two statements with the same value and reference are one claim.
    if (wantedKeys.has(full)) continue
    wantedKeys.add(full)
    wanted.push(row)
  }
  const slot = (c: { property: string; qualifier_key: string; source_id: number }) =>
    `${c.property}|${c.qualifier_key}|${c.source_id}`
  const unmatched = new Map<string, typeof stored>()
  for (const claim of stored) {
    if (wantedKeys.has(`${slot(claim)}|${claim.value}`)) {
      wantedKeys.delete(`${slot(claim)}|${claim.value}`)
      continue
    }
    unmatched.set(slot(claim), [...(unmatched.get(slot(claim)) ?? []), claim])
  }
  const missing = wanted.filter((w) => wantedKeys.has(`${slot(w)}|${w.value}`))
  let changed = false
  const inserts = []
  for (const claim of missing) {
    const old = unmatched.get(slot(claim))?.shift()
    changed = true
    if (old) {
      await db.updateTable('claim').set({ value: claim.value }).where('id', '=', old.id).execute()
      revisions.push({
        entityKind: 'claim',
        entityKey: `${slug}/${claim.property}`,
        action: 'update',
        before: JSON.parse(old.value),
        after: JSON.parse(claim.value),
      })
    } else {
      inserts.push({
        subject_kind: 'film',
        subject_id: filmId,
        ...claim,
        spoiler: 'none',
        status: 'accepted',
        origin: WIKIDATA_ORIGIN,
        added_by: context.revision.author,
        added_at: context.now,
      })
    }
  }
  if (inserts.length > 0) await db.insertInto('claim').values(inserts).execute()
  const gone = [...unmatched.values()].flat()
  if (gone.length > 0) {
    changed = true
    await db
      .deleteFrom('claim')
      .where(
        'id',
        'in',
        gone.map((c) => c.id),
      )
      .execute()
    for (const claim of gone) {
      revisions.push({
        entityKind: 'claim',
        entityKey: `${slug}/${claim.property}`,
        action: 'delete',
        before: JSON.parse(claim.value),
        after: null,
      })
    }
  }
  return changed
}

async function addCredits(
  db: Kysely<Database>,
  filmId: number,
  input: WikidataFilmInput,
  sourceId: number,
): Promise<{ added: number; skipped: number }> {
  if (input.credits.length === 0) return { added: 0, skipped: 0 }
  const people = await db
    .selectFrom('person')
    .select(['id', 'wikidata_id'])
    .where('wikidata_id', 'in', [...new Set(input.credits.map((c) => c.person))])
    .execute()
  const personOf = new Map(people.map((p) => [p.wikidata_id!, p.id]))
  const stored = await db
    .selectFrom('credit')
    .select(['person_id', 'role'])
    .where('film_id', '=', filmId)
    .execute()
  const seen = new Set(stored.map((c) => `${c.person_id} ${c.role}`))
  let skipped = 0
  const rows = []
  for (const credit of input.credits) {
    const personId = personOf.get(credit.person)
    if (personId === undefined) {
      skipped += 1
      continue
    }
    if (seen.has(`${personId} ${credit.role}`)) continue
    seen.add(`${personId} ${credit.role}`)
    rows.push({
      film_id: filmId,
      person_id: personId,
      role: credit.role,
      character_id: null,
      character_name: credit.characterName,
      billing: credit.billing,
      source_id: sourceId,
    })
  }
  if (rows.length > 0) await db.insertInto('credit').values(rows).execute()
  return { added: rows.length, skipped }
}

async function syncLinks(db: Kysely<Database>, filmId: number, input: WikidataFilmInput): Promise<boolean> {
  const stored = await db
    .selectFrom('wikidata_link')
    .select(['property', 'target'])
    .where('film_id', '=', filmId)
    .execute()
  const key = (l: { property: string; target: string }) => `${l.property} ${l.target}`
  const wanted = new Map(input.links.map((l) => [key(l), l]))
  const have = new Set(stored.map(key))
  const added = [...wanted.values()].filter((l) => !have.has(key(l)))
  const gone = stored.filter((l) => !wanted.has(key(l)))
  if (added.length > 0) {
    await db
      .insertInto('wikidata_link')
      .values(added.map((l) => ({ film_id: filmId, property: l.property, target: l.target })))
      .execute()
  }
  for (const link of gone) {
    await db
      .deleteFrom('wikidata_link')
      .where('film_id', '=', filmId)
      .where('property', '=', link.property)
      .where('target', '=', link.target)
      .execute()
  }
  return added.length > 0 || gone.length > 0
}

export interface WikidataLinkOutcome {
  /** Films that became a remake or sequel of a stored film. */
  resolved: number
  /** Links whose target is not a stored film. */
  pending: number
  /** Stories created for an original and its remakes or sequels. */
  stories: number
}

/**
 * Resolves the links whose target is now a stored film: a film based on another (P144, or the other's
 * derivative work, P4969) becomes its remake, a film that follows another (P155, or the other's P156)
 * its sequel, and both join one story (the earlier film's, or a new story named after it). Curated
 * films are left as their files say, and episodes out of stories. Films that changed wait for the
 * search indexing pass.
 */
export async function resolveWikidataLinks(
  db: Kysely<Database>,
  context: { now: string; revision: RevisionContext },
): Promise<WikidataLinkOutcome> {
  const links = await db
    .selectFrom('wikidata_link as l')
    .innerJoin('film as f', 'f.id', 'l.film_id')
    .leftJoin('film as t', 't.wikidata_id', 'l.target')
    .select([
      'l.film_id',
      'l.property',
      't.id as target_id',
      'f.related_film_id as film_related',
      'f.story_id as film_story',
      't.related_film_id as target_related',
      't.story_id as target_story',
    ])
    .orderBy('l.film_id')
    .orderBy('l.property')
    .orderBy('l.target')
    .execute()
  const outcome: WikidataLinkOutcome = { resolved: 0, pending: 0, stories: 0 }
  const revisions: NewRevision[] = []
  const touched = new Set<number>()
  const filmColumns = [
    'id',
    'slug',
    'kind',
    'story_id',
    'relation',
    'related_film_id',
    'curated_file',
  ] as const
  for (const link of links) {
    if (link.target_id === null) {
      outcome.pending += 1
      continue
    }
    const forward = link.property === 'based_on' || link.property === 'follows'
    const [laterId, earlierId] = forward ? [link.film_id, link.target_id] : [link.target_id, link.film_id]
    if (laterId === earlierId) continue
    // Most links were resolved by an earlier import: nothing to read again.
    const laterRelated = forward ? link.film_related : link.target_related
    if (laterRelated !== null && link.film_story !== null && link.target_story !== null) continue
    const relation = link.property === 'based_on' || link.property === 'derivative' ? 'remake' : 'sequel'
    const later = await db
      .selectFrom('film')
      .select(filmColumns)
      .where('id', '=', laterId)
      .executeTakeFirstOrThrow()
    const earlier = await db
      .selectFrom('film')
      .select(filmColumns)
      .where('id', '=', earlierId)
      .executeTakeFirstOrThrow()
    if (later.curated_file === null && later.related_film_id === null) {
      await db
        .updateTable('film')
        .set({ related_film_id: earlier.id, relation, updated_at: context.now })
        .where('id', '=', later.id)
        .execute()
      revisions.push({
        entityKind: 'film',
        entityKey: later.slug,
        action: 'update',
        before: { relation: later.relation, related_film: null },
        after: { relation, related_film: earlier.slug },
      })
      outcome.resolved += 1
      touched.add(later.id)
    }
    if (later.kind === 'episode' || earlier.kind === 'episode') continue
    let storyId = earlier.story_id ?? later.story_id
    if (storyId === null && earlier.curated_file === null && later.curated_file === null) {
      storyId = await createStoryFor(db, earlier, context.now)
      outcome.stories += 1
    }
    if (storyId === null) continue
    for (const film of [earlier, later]) {
      if (film.story_id !== null || film.curated_file !== null) continue
      await db
        .updateTable('film')
        .set({ story_id: storyId, updated_at: context.now })
        .where('id', '=', film.id)
        .execute()
      touched.add(film.id)
    }
  }
  if (touched.size > 0) {
    await db
      .insertInto('import_pending')
      .values([...touched].map((id) => ({ kind: 'film', id })))
      .onConflict((oc) => oc.doNothing())
      .execute()
  }
  await insertRevisions(db, context.revision, revisions)
  return outcome
}

// Named after the original's first title; its slug is the film's, made unique among stories.
async function createStoryFor(
  db: Kysely<Database>,
  film: { id: number; slug: string },
  now: string,
): Promise<number> {
  const title =
    (
      await db
        .selectFrom('title')
        .select('text')
        .where('film_id', '=', film.id)
        .orderBy('position')
        .executeTakeFirst()
    )?.text ?? film.slug
  let slug = film.slug
  for (
    let n = 2;
    await db.selectFrom('story').select('id').where('slug', '=', slug).executeTakeFirst();
    n++
  ) {
    slug = `${film.slug}-${n}`
  }
  const story = await db
    .insertInto('story')
    .values({
      slug,
      title,
      summary: '',
      themes: '[]',
      origin_film_id: film.id,
      curated_file: null,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return story.id
}
