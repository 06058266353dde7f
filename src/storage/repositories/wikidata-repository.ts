import type { Kysely } from 'kysely'
import { isImportedSlug, qualifierKey, type Qualifiers } from '../../domain/index.ts'
import type { Database, WikidataCreditTable } from '../schema.ts'
import { insertRevisions, type NewRevision, type RevisionContext } from './revision-repository.ts'

// One Wikidata entity at a time (Wikidata knows far fewer films than IMDb, and each entity carries
// everything about its film): the film is found by its QID, else by its IMDb id (the IMDb-imported
// film takes the QID), else created. Titles are added, never removed; the film's Wikidata claims are
// made equal to the entity's statements. People are found the same way (QID, else IMDb name id). A
// credit whose person is not stored waits in `wikidata_credit` until that person's entity is stored.

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

export interface WikidataPersonInput {
  qid: string
  imdbId: string | null
  name: string
  /** Used when the person is created. */
  slug: string
  /** Name variants; added, never removed. */
  names: Array<{ name: string; language: string | null; script: string | null }>
}

export interface WikidataPersonOutcome {
  personId: number
  status: 'imported' | 'updated' | 'unchanged'
  /** Credits that waited for this person and are now stored. */
  creditsAdded: number
  /** Set when the IMDb id already belongs to another person (their QID, else slug): stored without it. */
  imdbConflict: string | null
}

export interface WikidataFilmOutcome {
  filmId: number
  status: 'imported' | 'updated' | 'unchanged'
  /** Credits stored now; the others wait for their person. */
  creditsAdded: number
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
  changed = credits.added > 0 || credits.waiting || changed
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
    creditsAdded: credits.added,
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

/**
 * Adds the credits of people stored with their QID; the others are made the film's waiting credits
 * (those of an older revision of the entity that it no longer states are dropped).
 */
async function addCredits(
  db: Kysely<Database>,
  filmId: number,
  input: WikidataFilmInput,
  sourceId: number,
): Promise<{ added: number; waiting: boolean }> {
  const people =
    input.credits.length === 0
      ? []
      : await db
          .selectFrom('person')
          .select(['id', 'wikidata_id'])
          .where('wikidata_id', 'in', [...new Set(input.credits.map((c) => c.person))])
          .execute()
  const personOf = new Map(people.map((p) => [p.wikidata_id!, p.id]))
  const known: Array<WaitingCredit & { person_id: number }> = []
  const waiting = new Map<string, WaitingCredit>()
  for (const credit of input.credits) {
    const row = {
      film_id: filmId,
      person: credit.person,
      role: credit.role,
      billing: credit.billing,
      character_name: credit.characterName,
      source_id: sourceId,
    }
    const personId = personOf.get(credit.person)
    if (personId !== undefined) known.push({ ...row, person_id: personId })
    else if (!waiting.has(`${credit.person} ${credit.role}`))
      waiting.set(`${credit.person} ${credit.role}`, row)
  }
  const added = await insertCredits(db, known)
  return { added, waiting: await syncWaitingCredits(db, filmId, [...waiting.values()]) }
}

/** A credit as `wikidata_credit` holds it until its person arrives. */
type WaitingCredit = WikidataCreditTable

/** Inserts the credits a film does not have yet (by person and role); returns how many. */
async function insertCredits(
  db: Kysely<Database>,
  credits: ReadonlyArray<WaitingCredit & { person_id: number }>,
): Promise<number> {
  if (credits.length === 0) return 0
  const stored = await db
    .selectFrom('credit')
    .select(['film_id', 'person_id', 'role'])
    .where('film_id', 'in', [...new Set(credits.map((c) => c.film_id))])
    .execute()
  const key = (c: { film_id: number; person_id: number; role: string }) =>
    `${c.film_id} ${c.person_id} ${c.role}`
  const seen = new Set(stored.map(key))
  const rows = []
  for (const credit of credits) {
    if (seen.has(key(credit))) continue
    seen.add(key(credit))
    rows.push({
      film_id: credit.film_id,
      person_id: credit.person_id,
      role: credit.role,
      character_id: null,
      character_name: credit.character_name,
      billing: credit.billing,
      source_id: credit.source_id,
    })
  }
  if (rows.length > 0) await db.insertInto('credit').values(rows).execute()
  await markPending(
    db,
    'film',
    rows.map((r) => r.film_id),
  )
  // A person's search document ranks them by their number of credits.
  await markPending(
    db,
    'person',
    rows.map((r) => r.person_id),
  )
  return rows.length
}

async function syncWaitingCredits(
  db: Kysely<Database>,
  filmId: number,
  wanted: readonly WaitingCredit[],
): Promise<boolean> {
  const stored = await db
    .selectFrom('wikidata_credit')
    .select(['person', 'role', 'billing', 'character_name'])
    .where('film_id', '=', filmId)
    .execute()
  const key = (c: { person: string; role: string }) => `${c.person} ${c.role}`
  const same = (a: Omit<WaitingCredit, 'film_id' | 'source_id'>, b: typeof a) =>
    a.billing === b.billing && a.character_name === b.character_name
  const storedByKey = new Map(stored.map((c) => [key(c), c]))
  const wantedKeys = new Set(wanted.map(key))
  const gone = stored.filter(
    (c) =>
      !wantedKeys.has(key(c)) ||
      !same(
        c,
        wanted.find((w) => key(w) === key(c))!,
      ),
  )
  const added = wanted.filter((w) => {
    const old = storedByKey.get(key(w))
    return old === undefined || !same(old, w)
  })
  for (const credit of gone) {
    await db
      .deleteFrom('wikidata_credit')
      .where('film_id', '=', filmId)
      .where('person', '=', credit.person)
      .where('role', '=', credit.role)
      .execute()
  }
  if (added.length > 0) await db.insertInto('wikidata_credit').values(added).execute()
  return gone.length > 0 || added.length > 0
}

async function markPending(db: Kysely<Database>, kind: 'film' | 'person', ids: readonly number[]) {
  const unique = [...new Set(ids)]
  if (unique.length === 0) return
  await db
    .insertInto('import_pending')
    .values(unique.map((id) => ({ kind, id })))
    .onConflict((oc) => oc.doNothing())
    .execute()
}

/** Turns the credits waiting for these people (by QID) into credits; returns how many were added. */
async function resolveWaitingCredits(
  db: Kysely<Database>,
  people: ReadonlyArray<{ id: number; qid: string }>,
): Promise<number> {
  if (people.length === 0) return 0
  const idOf = new Map(people.map((p) => [p.qid, p.id]))
  const waiting = await db
    .selectFrom('wikidata_credit')
    .selectAll()
    .where('person', 'in', [...idOf.keys()])
    .orderBy('film_id')
    .orderBy('billing')
    .execute()
  if (waiting.length === 0) return 0
  const added = await insertCredits(
    db,
    waiting.map((c) => ({ ...c, person_id: idOf.get(c.person)! })),
  )
  await db
    .deleteFrom('wikidata_credit')
    .where('person', 'in', [...idOf.keys()])
    .execute()
  return added
}

/**
 * Stores one person entity; run it inside the batch's transaction. The person is found by QID, else
 * by IMDb name id (the IMDb person takes the QID), else created; the credits waiting for them are
 * added. A person Wikidata created keeps its name in step with the entity's label; a person IMDb or a
 * curated file created keeps theirs, and gains the entity's names as variants.
 */
export async function storeWikidataPerson(
  db: Kysely<Database>,
  input: WikidataPersonInput,
  context: WikidataBatchContext,
): Promise<WikidataPersonOutcome> {
  const revisions: NewRevision[] = []
  const columns = ['id', 'slug', 'name', 'imdb_id', 'wikidata_id'] as const
  let person = await db
    .selectFrom('person')
    .select(columns)
    .where('wikidata_id', '=', input.qid)
    .orderBy('id')
    .executeTakeFirst()
  let imdbConflict: string | null = null
  let created = false
  let changed = false
  if (!person && input.imdbId !== null) {
    const byImdb = await db
      .selectFrom('person')
      .select(columns)
      .where('imdb_id', '=', input.imdbId)
      .executeTakeFirst()
    if (byImdb && byImdb.wikidata_id === null) {
      await db
        .updateTable('person')
        .set({ wikidata_id: input.qid, updated_at: context.now })
        .where('id', '=', byImdb.id)
        .execute()
      revisions.push({
        entityKind: 'person',
        entityKey: byImdb.slug,
        action: 'update',
        before: { wikidata_id: null },
        after: { wikidata_id: input.qid },
      })
      person = { ...byImdb, wikidata_id: input.qid }
      changed = true
    } else if (byImdb) imdbConflict = byImdb.wikidata_id
  }
  if (!person) {
    person = await db
      .insertInto('person')
      .values({
        slug: input.slug,
        name: input.name,
        imdb_id: imdbConflict === null ? input.imdbId : null,
        wikidata_id: input.qid,
        created_at: context.now,
        updated_at: context.now,
      })
      .returning(columns)
      .executeTakeFirstOrThrow()
    created = true
  } else {
    const after: { name?: string; imdb_id?: string } = {}
    if (isImportedSlug(person.slug, input.qid) && person.name !== input.name) after.name = input.name
    if (person.imdb_id === null && input.imdbId !== null) {
      const taken = await db
        .selectFrom('person')
        .select(['slug', 'wikidata_id'])
        .where('imdb_id', '=', input.imdbId)
        .executeTakeFirst()
      // Two stored people are then one human; merging them is left to an editor.
      if (taken) imdbConflict = taken.wikidata_id ?? taken.slug
      else after.imdb_id = input.imdbId
    }
    if (Object.keys(after).length > 0) {
      await db
        .updateTable('person')
        .set({ ...after, updated_at: context.now })
        .where('id', '=', person.id)
        .execute()
      const before = Object.fromEntries(
        Object.keys(after).map((key) => [key, person![key as keyof typeof after]]),
      )
      revisions.push({ entityKind: 'person', entityKey: person.slug, action: 'update', before, after })
      changed = true
    }
  }
  changed = (await addPersonNames(db, person.id, input)) || changed
  const creditsAdded = await resolveWaitingCredits(db, [{ id: person.id, qid: input.qid }])
  if (created || changed) {
    await db
      .insertInto('import_pending')
      .values({ kind: 'person', id: person.id })
      .onConflict((oc) => oc.doNothing())
      .execute()
  }
  await insertRevisions(db, context.revision, revisions)
  return {
    personId: person.id,
    status: created ? 'imported' : changed ? 'updated' : 'unchanged',
    creditsAdded,
    imdbConflict,
  }
}

async function addPersonNames(
  db: Kysely<Database>,
  personId: number,
  input: WikidataPersonInput,
): Promise<boolean> {
  const stored = await db
    .selectFrom('person_name')
    .select(['name', 'language', 'script'])
    .where('person_id', '=', personId)
    .execute()
  const key = (n: { name: string; language: string | null; script: string | null }) =>
    `${n.name}\u0000${n.language ?? ''}\u0000${n.script ?? ''}`
  const seen = new Set(stored.map(key))
  const rows = []
  for (const name of input.names) {
    if (seen.has(key(name))) continue
    seen.add(key(name))
    rows.push({ person_id: personId, ...name })
  }
  if (rows.length > 0) await db.insertInto('person_name').values(rows).execute()
  return rows.length > 0
}

export interface WikidataCreditOutcome {
  /** Waiting credits whose person is now stored with that QID (named by a curated file, say). */
  added: number
  /** Credits still waiting for their person. */
  pending: number
}

/** Adds the waiting credits whose person has since been stored with its QID, and counts the rest. */
export async function resolveWikidataCredits(db: Kysely<Database>): Promise<WikidataCreditOutcome> {
  const found = await db
    .selectFrom('wikidata_credit as w')
    .innerJoin('person as p', 'p.wikidata_id', 'w.person')
    .select(['p.id', 'w.person as qid'])
    .distinct()
    .execute()
  const people = [...new Map(found.map((p) => [p.qid, p])).values()]
  let added = 0
  // Small groups: each person may wait in many films, and the films' ids are bound parameters.
  for (let i = 0; i < people.length; i += 100)
    added += await resolveWaitingCredits(db, people.slice(i, i + 100))
  const { n } = await db
    .selectFrom('wikidata_credit')
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow()
  return { added, pending: Number(n) }
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
