import { sql, type Kysely } from 'kysely'
import type { ClaimCandidateRow, Database, NewClaimRow } from '../schema.ts'

export type CandidateStatus = 'proposed' | 'accepted' | 'rejected'

/** A stored candidate claim, with its value and qualifiers parsed. */
export interface StoredCandidate {
  id: number
  sourceId: number
  subject: { kind: string; slug: string; name: string }
  property: string
  value: unknown
  qualifiers: Record<string, string>
  quote: string
  start: number
  end: number
  confidence: number
  status: CandidateStatus
  claimId: number | null
  decidedBy: string | null
  decidedAt: string | null
}

export interface NewCandidate {
  subject: { kind: string; slug: string; name: string }
  property: string
  value: unknown
  qualifiers: Record<string, string>
  quote: string
  start: number
  end: number
  confidence: number
}

function rowToCandidate(row: ClaimCandidateRow): StoredCandidate {
  return {
    id: row.id,
    sourceId: row.source_id,
    subject: { kind: row.subject_kind, slug: row.subject_slug, name: row.subject_name },
    property: row.property,
    value: JSON.parse(row.value),
    qualifiers: JSON.parse(row.qualifiers) as Record<string, string>,
    quote: row.quote,
    start: row.start_offset,
    end: row.end_offset,
    confidence: row.confidence / 100,
    status: row.status as CandidateStatus,
    claimId: row.claim_id,
    decidedBy: row.decided_by,
    decidedAt: row.decided_at,
  }
}

/** Qualifiers as text with sorted keys: equal qualifiers, equal text (the unique key of a candidate). */
function qualifiersText(qualifiers: Record<string, string>): string {
  return JSON.stringify(Object.fromEntries(Object.entries(qualifiers).sort(([a], [b]) => a.localeCompare(b))))
}

/** Stores the candidates a source does not have yet (same subject, property, value and qualifiers); returns how many. */
export async function insertCandidates(
  db: Kysely<Database>,
  sourceId: number,
  candidates: readonly NewCandidate[],
  now: string,
): Promise<number> {
  const existing = await db
    .selectFrom('claim_candidate')
    .select(['subject_kind', 'subject_slug', 'property', 'value', 'qualifiers'])
    .where('source_id', '=', sourceId)
    .execute()
  const keys = new Set(
    existing.map((r) => JSON.stringify([r.subject_kind, r.subject_slug, r.property, r.value, r.qualifiers])),
  )
  const rows = []
  for (const c of candidates) {
    const value = JSON.stringify(c.value)
    const qualifiers = qualifiersText(c.qualifiers)
    const key = JSON.stringify([c.subject.kind, c.subject.slug, c.property, value, qualifiers])
    if (keys.has(key)) continue
    keys.add(key)
    rows.push({
      source_id: sourceId,
      subject_kind: c.subject.kind,
      subject_slug: c.subject.slug,
      subject_name: c.subject.name,
      property: c.property,
      value,
      qualifiers,
      quote: c.quote,
      start_offset: c.start,
      end_offset: c.end,
      confidence: Math.round(c.confidence * 100),
      status: 'proposed',
      created_at: now,
    })
  }
  if (rows.length > 0) await db.insertInto('claim_candidate').values(rows).execute()
  return rows.length
}

export async function listCandidatesOfSource(
  db: Kysely<Database>,
  sourceId: number,
): Promise<StoredCandidate[]> {
  const rows = await db
    .selectFrom('claim_candidate')
    .selectAll()
    .where('source_id', '=', sourceId)
    .orderBy('start_offset')
    .orderBy('id')
    .execute()
  return rows.map(rowToCandidate)
}

export async function findCandidateById(
  db: Kysely<Database>,
  id: number,
): Promise<StoredCandidate | undefined> {
  const row = await db.selectFrom('claim_candidate').selectAll().where('id', '=', id).executeTakeFirst()
  return row && rowToCandidate(row)
}

export async function decideCandidate(
  db: Kysely<Database>,
  id: number,
  decision: {
    status: CandidateStatus
    claimId: number | null
    decidedBy: string
    decidedAt: string
    value?: unknown
    qualifiers?: Record<string, string>
  },
): Promise<void> {
  await db
    .updateTable('claim_candidate')
    .set({
      status: decision.status,
      claim_id: decision.claimId,
      decided_by: decision.decidedBy,
      decided_at: decision.decidedAt,
      ...(decision.value === undefined ? {} : { value: JSON.stringify(decision.value) }),
      ...(decision.qualifiers === undefined ? {} : { qualifiers: qualifiersText(decision.qualifiers) }),
    })
    .where('id', '=', id)
    .execute()
}

/** The id of an equal claim already stored (same subject, property, value, qualifiers and source), if any. */
export async function findEqualClaim(db: Kysely<Database>, claim: NewClaimRow): Promise<number | undefined> {
  const row = await db
    .selectFrom('claim')
    .select('id')
    .where('subject_kind', '=', claim.subject_kind)
    .where('subject_id', '=', claim.subject_id)
    .where('property', '=', claim.property)
    .where('value', '=', claim.value)
    .where('qualifier_key', '=', claim.qualifier_key)
    .where('source_id', '=', claim.source_id)
    .executeTakeFirst()
  return row?.id
}

export async function insertClaimRow(db: Kysely<Database>, claim: NewClaimRow): Promise<number> {
  const row = await db.insertInto('claim').values(claim).returning('id').executeTakeFirstOrThrow()
  return row.id
}

/** What an accepted cast, director or writer candidate becomes: a credit citing the article. */
export interface NewIngestedCredit {
  filmId: number
  personId: number
  role: 'cast' | 'director' | 'writer'
  characterId: number | null
  characterName: string | null
  sourceId: number
}

export async function findFilmRef(
  db: Kysely<Database>,
  slug: string,
): Promise<{ id: number; storyId: number | null } | undefined> {
  const row = await db
    .selectFrom('film')
    .select(['id', 'story_id'])
    .where('slug', '=', slug)
    .executeTakeFirst()
  return row && { id: row.id, storyId: row.story_id }
}

export async function findCharacterOfStory(
  db: Kysely<Database>,
  storyId: number,
  slug: string,
): Promise<{ id: number; name: string } | undefined> {
  return db
    .selectFrom('character')
    .select(['id', 'name'])
    .where('story_id', '=', storyId)
    .where('slug', '=', slug)
    .executeTakeFirst()
}

/** The name a film's credits already give a character ("Memo"), if any. */
export async function findCharacterNameInFilm(
  db: Kysely<Database>,
  filmId: number,
  characterId: number,
): Promise<string | undefined> {
  const row = await db
    .selectFrom('credit')
    .select('character_name')
    .where('film_id', '=', filmId)
    .where('character_id', '=', characterId)
    .where('character_name', 'is not', null)
    .orderBy('billing')
    .executeTakeFirst()
  return row?.character_name ?? undefined
}

export async function findPersonRef(
  db: Kysely<Database>,
  slug: string,
): Promise<{ id: number; slug: string; name: string } | undefined> {
  return db.selectFrom('person').select(['id', 'slug', 'name']).where('slug', '=', slug).executeTakeFirst()
}

export async function insertPersonRow(
  db: Kysely<Database>,
  person: { slug: string; name: string },
  now: string,
): Promise<number> {
  const row = await db
    .insertInto('person')
    .values({
      slug: person.slug,
      name: person.name,
      imdb_id: null,
      wikidata_id: null,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

/** The id of the film's credit of that person in that role (and character), if it has one. */
export async function findCreditId(
  db: Kysely<Database>,
  credit: Pick<NewIngestedCredit, 'filmId' | 'personId' | 'role' | 'characterId'>,
): Promise<number | undefined> {
  let query = db
    .selectFrom('credit')
    .select('id')
    .where('film_id', '=', credit.filmId)
    .where('person_id', '=', credit.personId)
    .where('role', '=', credit.role)
  if (credit.characterId !== null) query = query.where('character_id', '=', credit.characterId)
  return (await query.executeTakeFirst())?.id
}

/** One past the largest `column` of a film's credits or titles: the place of a row added after the others. */
async function nextPlace(
  db: Kysely<Database>,
  table: 'credit' | 'title',
  column: 'billing' | 'position',
  filmId: number,
): Promise<number> {
  const row = await db
    .selectFrom(table)
    .select(sql<number | null>`max(${sql.ref(column)})`.as('last'))
    .where('film_id', '=', filmId)
    .executeTakeFirst()
  return row?.last === null || row?.last === undefined ? 0 : Number(row.last) + 1
}

/** Adds a credit after the film's others (the last billing). */
export async function insertIngestedCredit(db: Kysely<Database>, credit: NewIngestedCredit): Promise<number> {
  const row = await db
    .insertInto('credit')
    .values({
      film_id: credit.filmId,
      person_id: credit.personId,
      role: credit.role,
      character_id: credit.characterId,
      character_name: credit.characterName,
      billing: await nextPlace(db, 'credit', 'billing', credit.filmId),
      source_id: credit.sourceId,
      imdb_ordering: null,
      job: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

export async function findTitleId(
  db: Kysely<Database>,
  filmId: number,
  text: string,
): Promise<number | undefined> {
  return (
    await db
      .selectFrom('title')
      .select('id')
      .where('film_id', '=', filmId)
      .where('text', '=', text)
      .executeTakeFirst()
  )?.id
}

/** Adds a title after the film's others. */
export async function insertIngestedTitle(
  db: Kysely<Database>,
  title: { filmId: number; text: string; kind: string; language: string | null; sourceId: number },
): Promise<number> {
  const row = await db
    .insertInto('title')
    .values({
      film_id: title.filmId,
      text: title.text,
      language: title.language,
      script: null,
      region: null,
      kind: title.kind,
      position: await nextPlace(db, 'title', 'position', title.filmId),
      source_id: title.sourceId,
      imdb_ordering: null,
      attributes: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

/** The ids of sources that are ingested articles (they keep their text): what they added survives reloading curated files. */
export async function listArticleSourceIds(db: Kysely<Database>): Promise<Set<number>> {
  const rows = await db.selectFrom('source').select('id').where('content_hash', 'is not', null).execute()
  return new Set(rows.map((r) => r.id))
}
