import type { Kysely } from 'kysely'
import type {
  ClaimStatus,
  ClaimValue,
  PropertyName,
  Qualifiers,
  SourcedClaim,
  SpoilerLevel,
  SubjectKind,
  SubjectRef,
} from '../../domain/index.ts'
import type { ClaimRow, Database, SourceRow } from '../schema.ts'
import { rowToSource } from './source-repository.ts'

type ClaimWithSourceRow = ClaimRow & { [K in keyof SourceRow as `source_${K}`]: SourceRow[K] }

function rowToSourcedClaim(row: ClaimWithSourceRow): SourcedClaim {
  return {
    id: row.id,
    subject: { kind: row.subject_kind as SubjectKind, id: row.subject_id },
    property: row.property as PropertyName,
    value: JSON.parse(row.value) as ClaimValue,
    qualifiers: JSON.parse(row.qualifiers) as Qualifiers,
    sourceId: row.source_id,
    quote: row.quote,
    spoiler: row.spoiler as SpoilerLevel,
    status: row.status as ClaimStatus,
    pin:
      row.pin_reason === null
        ? null
        : { reason: row.pin_reason, by: row.pinned_by ?? '', at: row.pinned_at ?? '' },
    addedBy: row.added_by,
    addedAt: row.added_at,
    source: rowToSource({
      id: row.source_id,
      slug: row.source_slug,
      kind: row.source_kind,
      url: row.source_url,
      title: row.source_title,
      publisher: row.source_publisher,
      author: row.source_author,
      language: row.source_language,
      published_at: row.source_published_at,
      updated_at: row.source_updated_at,
      retrieved_at: row.source_retrieved_at,
      content_hash: row.source_content_hash,
    }),
  }
}

function selectClaims(db: Kysely<Database>) {
  return db
    .selectFrom('claim')
    .innerJoin('source', 'source.id', 'claim.source_id')
    .selectAll('claim')
    .select([
      'source.slug as source_slug',
      'source.kind as source_kind',
      'source.url as source_url',
      'source.title as source_title',
      'source.publisher as source_publisher',
      'source.author as source_author',
      'source.language as source_language',
      'source.published_at as source_published_at',
      'source.updated_at as source_updated_at',
      'source.retrieved_at as source_retrieved_at',
      'source.content_hash as source_content_hash',
    ])
    .orderBy('claim.id')
}

/** Every claim about the given subjects, with its source. */
export async function listClaimsAbout(
  db: Kysely<Database>,
  subjects: readonly SubjectRef[],
): Promise<SourcedClaim[]> {
  const byKind = new Map<SubjectKind, number[]>()
  for (const subject of subjects) byKind.set(subject.kind, [...(byKind.get(subject.kind) ?? []), subject.id])
  const claims: SourcedClaim[] = []
  for (const [kind, ids] of byKind) {
    const rows = await selectClaims(db)
      .where('claim.subject_kind', '=', kind)
      .where('claim.subject_id', 'in', ids)
      .execute()
    claims.push(...rows.map((row) => rowToSourcedClaim(row as ClaimWithSourceRow)))
  }
  return claims.sort((a, b) => a.id - b.id)
}

/** The distinct accepted values of one property for many subjects (countries of films, say). */
export async function listPropertyValues(
  db: Kysely<Database>,
  kind: SubjectKind,
  ids: readonly number[],
  property: PropertyName,
): Promise<Array<{ subjectId: number; value: ClaimValue }>> {
  if (ids.length === 0) return []
  const rows = await db
    .selectFrom('claim')
    .select(['subject_id', 'value'])
    .distinct()
    .where('subject_kind', '=', kind)
    .where('subject_id', 'in', [...ids])
    .where('property', '=', property)
    .where('status', '=', 'accepted')
    .orderBy('subject_id')
    .orderBy('value')
    .execute()
  return rows.map((row) => ({ subjectId: row.subject_id, value: JSON.parse(row.value) as ClaimValue }))
}

export async function findClaimById(db: Kysely<Database>, id: number): Promise<SourcedClaim | undefined> {
  const row = await selectClaims(db).where('claim.id', '=', id).executeTakeFirst()
  return row && rowToSourcedClaim(row as ClaimWithSourceRow)
}

export async function listAllClaims(db: Kysely<Database>): Promise<SourcedClaim[]> {
  const rows = await selectClaims(db).execute()
  return rows.map((row) => rowToSourcedClaim(row as ClaimWithSourceRow))
}

export async function listClaimsBySource(db: Kysely<Database>, sourceId: number): Promise<SourcedClaim[]> {
  const rows = await selectClaims(db).where('claim.source_id', '=', sourceId).execute()
  return rows.map((row) => rowToSourcedClaim(row as ClaimWithSourceRow))
}

export async function countRows(db: Kysely<Database>) {
  const count = async (
    table: 'story' | 'film' | 'person' | 'source' | 'claim' | 'title' | 'credit' | 'revision',
  ) =>
    Number(
      (
        await db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    )
  return {
    stories: await count('story'),
    films: await count('film'),
    people: await count('person'),
    sources: await count('source'),
    claims: await count('claim'),
    titles: await count('title'),
    credits: await count('credit'),
    revisions: await count('revision'),
  }
}
