import type { Kysely } from 'kysely'
import {
  qualifierKey,
  type ClaimValue,
  type Pin,
  type PropertyName,
  type Qualifiers,
  type SpoilerLevel,
  type SubjectKind,
  type SubjectRef,
} from '../../domain/index.ts'
import type { Database } from '../schema.ts'

// What editors write: their claims, their pins, the sources they cite; and the disagreements they resolve.

/** The `origin` of claims editors add: no curated file or importer owns them, so no reload removes them. */
export const EDITOR_ORIGIN = 'editor'
/** Who pinned a claim that a curated file pins. */
export const CURATOR = 'curator'

export interface NewEditorClaim {
  subject: SubjectRef
  property: PropertyName
  value: ClaimValue
  qualifiers: Qualifiers
  sourceId: number
  quote: string | null
  spoiler: SpoilerLevel
  addedBy: string
  addedAt: string
}

export async function insertEditorClaim(db: Kysely<Database>, claim: NewEditorClaim): Promise<number> {
  const row = await db
    .insertInto('claim')
    .values({
      subject_kind: claim.subject.kind,
      subject_id: claim.subject.id,
      property: claim.property,
      value: JSON.stringify(claim.value),
      qualifiers: JSON.stringify(claim.qualifiers),
      qualifier_key: qualifierKey(claim.qualifiers),
      source_id: claim.sourceId,
      quote: claim.quote,
      spoiler: claim.spoiler,
      status: 'accepted',
      pin_reason: null,
      pinned_by: null,
      pinned_at: null,
      origin: EDITOR_ORIGIN,
      added_by: claim.addedBy,
      added_at: claim.addedAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return Number(row.id)
}

export async function setClaimPin(db: Kysely<Database>, claimId: number, pin: Pin | null): Promise<void> {
  await db
    .updateTable('claim')
    .set({ pin_reason: pin?.reason ?? null, pinned_by: pin?.by ?? null, pinned_at: pin?.at ?? null })
    .where('id', '=', claimId)
    .execute()
}

export interface NamedSubject extends SubjectRef {
  slug: string
  /** The story's title, the person's name; a film's slug, which names its title and year. */
  label: string
}

const LABEL_COLUMN = { story: 'title', film: 'slug', person: 'name' } as const

export async function findSubjectBySlug(
  db: Kysely<Database>,
  kind: SubjectKind,
  slug: string,
): Promise<NamedSubject | undefined> {
  const row = await db
    .selectFrom(kind)
    .select(['id', 'slug', `${LABEL_COLUMN[kind]} as label`])
    .where('slug', '=', slug)
    .executeTakeFirst()
  return row && { kind, id: row.id, slug: row.slug, label: String(row.label) }
}

/** The subjects with the given ids, keyed `kind:id`. */
export async function listSubjectsByIds(
  db: Kysely<Database>,
  subjects: readonly SubjectRef[],
): Promise<Map<string, NamedSubject>> {
  const named = new Map<string, NamedSubject>()
  for (const kind of ['story', 'film', 'person'] as const) {
    const ids = [...new Set(subjects.filter((s) => s.kind === kind).map((s) => s.id))]
    if (ids.length === 0) continue
    const rows = await db
      .selectFrom(kind)
      .select(['id', 'slug', `${LABEL_COLUMN[kind]} as label`])
      .where('id', 'in', ids)
      .execute()
    for (const row of rows)
      named.set(`${kind}:${row.id}`, { kind, id: row.id, slug: row.slug, label: String(row.label) })
  }
  return named
}

/**
 * Subjects and properties whose accepted claims give more than one value: every conflict is among
 * them (and some are not conflicts: values with other qualifiers, amounts in other currencies).
 */
export async function listDisagreements(
  db: Kysely<Database>,
  properties: readonly PropertyName[],
): Promise<Array<SubjectRef & { property: PropertyName }>> {
  if (properties.length === 0) return []
  const rows = await db
    .selectFrom('claim')
    .select(['subject_kind', 'subject_id', 'property'])
    .where('status', '=', 'accepted')
    .where('property', 'in', [...properties])
    .groupBy(['subject_kind', 'subject_id', 'property'])
    .having((eb) => eb.fn.count('value').distinct(), '>', 1)
    .orderBy('subject_kind')
    .orderBy('subject_id')
    .orderBy('property')
    .execute()
  return rows.map((row) => ({
    kind: row.subject_kind as SubjectKind,
    id: row.subject_id,
    property: row.property as PropertyName,
  }))
}

/** Subjects and properties where an editor (not a curated file) pinned a claim, keyed `kind:id|property`. */
export async function listEditorPinnedProperties(db: Kysely<Database>): Promise<Set<string>> {
  const rows = await db
    .selectFrom('claim')
    .select(['subject_kind', 'subject_id', 'property'])
    .distinct()
    .where('pin_reason', 'is not', null)
    .where('pinned_by', '<>', CURATOR)
    .execute()
  return new Set(rows.map((row) => `${row.subject_kind}:${row.subject_id}|${row.property}`))
}
