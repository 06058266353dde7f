import type { Kysely } from 'kysely'
import type { Source } from '../../domain/index.ts'
import type { ClaimCandidateRow, Database, NewClaimRow } from '../schema.ts'
import { rowToSource } from './source-repository.ts'

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

export interface NewArticleSource {
  slug: string
  kind: string
  url: string | null
  title: string
  publisher: string | null
  author: string | null
  language: string | null
  publishedAt: string | null
  updatedAt: string | null
  retrievedAt: string
  text: string
  contentHash: string
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

export async function findSourceByContentHash(
  db: Kysely<Database>,
  hash: string,
): Promise<Source | undefined> {
  const row = await db
    .selectFrom('source')
    .select([
      'id',
      'slug',
      'kind',
      'url',
      'title',
      'publisher',
      'author',
      'language',
      'published_at',
      'updated_at',
      'retrieved_at',
      'content_hash',
    ])
    .where('content_hash', '=', hash)
    .orderBy('id')
    .executeTakeFirst()
  return row && rowToSource(row)
}

export async function isSourceSlugTaken(db: Kysely<Database>, slug: string): Promise<boolean> {
  return (
    (await db.selectFrom('source').select('id').where('slug', '=', slug).executeTakeFirst()) !== undefined
  )
}

export async function insertArticleSource(
  db: Kysely<Database>,
  source: NewArticleSource,
  now: string,
): Promise<number> {
  const row = await db
    .insertInto('source')
    .values({
      slug: source.slug,
      kind: source.kind,
      url: source.url,
      title: source.title,
      publisher: source.publisher,
      author: source.author,
      language: source.language,
      published_at: source.publishedAt,
      updated_at: source.updatedAt,
      retrieved_at: source.retrievedAt,
      text: source.text,
      content_hash: source.contentHash,
      created_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
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
