import type { Kysely } from 'kysely'
import { z } from 'zod'
import {
  AppError,
  ForbiddenError,
  NotFoundError,
  isPropertyName,
  propertyOf,
  PROPERTY_NAMES,
  QUALIFIERS,
  resolveFacts,
  slugify,
  SOURCE_KINDS,
  SUBJECT_KINDS,
  valueSchemaOf,
  type Actor,
  type Fact,
  type PropertyName,
  type SourcedClaim,
  type SourceKind,
  type SubjectKind,
  type SubjectRef,
  type ValueType,
} from '../domain/index.ts'
import {
  findClaimById,
  findFreeSourceSlug,
  findSourceBySlug,
  findSourceSlugByUrl,
  findSubjectBySlug,
  insertAuditEntry,
  insertEditorClaim,
  insertRevisions,
  insertSource,
  listClaimsAbout,
  listDisagreements,
  listSubjectsByIds,
  setClaimPin,
  type Database,
  type NamedSubject,
  type Storage,
} from '../storage/index.ts'
import { hasRole, isRole } from './accounts.ts'

// Editors' work on facts: adding or correcting a claim with its source, and resolving a conflict by
// pinning a claim. Every change is a revision and an audit entry, written with it in one transaction.

export type { NamedSubject }

/** An editor, moderator or admin, as the accounts layer knows them. */
export interface Editor extends Actor {
  username: string
}

function requireEditor(actor: Actor): void {
  if (!(isRole(actor.role) && hasRole(actor.role, 'editor')))
    throw new ForbiddenError(`Only editors, moderators and admins may edit facts (you are ${actor.role}).`)
}

function parseOrThrow<T>(schema: z.ZodType<T>, input: unknown, field?: string, expected?: string): T {
  const result = schema.safeParse(input)
  if (result.success) return result.data
  const issue = result.error.issues[0]!
  const path = [...(field ? [field] : []), ...issue.path].join('.')
  const message = issue.code === 'invalid_type' && expected ? `must be ${expected}` : issue.message
  throw new AppError('Invalid', path ? `${path}: ${message}` : message)
}

/** What a value of each type looks like, for the message when a value is of another type. */
const EXPECTED: Record<ValueType, string> = {
  integer: 'a whole number',
  count: 'a whole number from 0',
  text: 'text',
  boolean: 'yes or no',
  date: 'a date (YYYY-MM-DD, YYYY-MM or YYYY)',
  country: 'a country code (KR, TR)',
  language: 'a language code (ko, tr)',
  money: 'an amount and a currency (12000000 USD)',
  rating: 'a score out of a scale (8.2/10)',
}

const SUBJECT = /^(story|film|person):([a-z0-9]+(?:-[a-z0-9]+)*)$/

async function findSubjectIn(db: Kysely<Database>, ref: string): Promise<NamedSubject> {
  const match = SUBJECT.exec(ref)
  if (!match)
    throw new AppError('Invalid', `subject: "${ref}" is not film:<slug>, story:<slug> or person:<slug>`)
  const [, kind, slug] = match as unknown as [string, SubjectKind, string]
  const subject = await findSubjectBySlug(db, kind, slug)
  if (!subject) throw new NotFoundError(kind, slug)
  return subject
}

/** The subject a form names as `film:<slug>`, `story:<slug>` or `person:<slug>`. */
export function findSubjectOrThrow(storage: Storage, ref: string): Promise<NamedSubject> {
  return findSubjectIn(storage.db, ref)
}

const TEXT = z.string().trim().min(1, 'must not be empty')

const NEW_CLAIM = z.object({
  subject: z.string(),
  property: z.string().refine(isPropertyName, { error: (issue) => `"${issue.input}" is not a property` }),
  value: z.unknown(),
  qualifiers: QUALIFIERS.strict().default({}),
  source: z.union([
    z.object({ slug: TEXT }).strict(),
    z
      .object({
        url: z.url({ protocol: /^https?$/, error: 'must be an http(s) address' }),
        title: TEXT.max(300),
        kind: z.enum(SOURCE_KINDS).default('press'),
      })
      .strict(),
  ]),
  quote: z.string().trim().max(2000).nullable().default(null),
  reason: TEXT.max(500),
})

/** An editor's claim as a form or a test gives it: checked by addClaim. */
export interface NewClaimInput {
  /** `film:<slug>`, `story:<slug>` or `person:<slug>`. */
  subject: string
  property: string
  value: unknown
  qualifiers?: Record<string, string> | undefined
  /** A source the site has, by slug; or a new one (found by its URL when the site has it already). */
  source: { slug: string } | { url: string; title: string; kind?: string | undefined }
  quote?: string | null | undefined
  reason: string
}

/** The source a claim cites: an existing one by slug, else the one with that URL, else a new one. */
async function resolveSource(
  db: Kysely<Database>,
  source: { slug: string } | { url: string; title: string; kind: SourceKind },
  at: string,
): Promise<{ id: number; slug: string; created: boolean }> {
  if ('slug' in source) {
    const found = await findSourceBySlug(db, source.slug)
    if (!found) throw new AppError('Invalid', `source: there is no source "${source.slug}"`)
    return { id: found.id, slug: found.slug, created: false }
  }
  const known = await findSourceSlugByUrl(db, source.url)
  if (known) return resolveSource(db, { slug: known }, at)
  const slug = await findFreeSourceSlug(db, slugify(source.title).slice(0, 80) || 'source')
  const id = await insertSource(
    db,
    { slug, kind: source.kind, url: source.url, title: source.title, retrievedAt: at },
    at,
  )
  return { id, slug, created: true }
}

/**
 * Adds an editor's claim, accepted, about a story, film or person, citing an existing source or a
 * new one; with a revision and an audit entry. Returns the claim's id.
 */
export async function addClaim(
  storage: Storage,
  actor: Editor,
  input: NewClaimInput,
  options: { now?: Date | undefined } = {},
): Promise<{ claimId: number; subject: NamedSubject }> {
  requireEditor(actor)
  const at = (options.now ?? new Date()).toISOString()
  const claim = parseOrThrow(NEW_CLAIM, input)
  const property = claim.property as PropertyName
  const definition = propertyOf(property)
  const value = parseOrThrow(valueSchemaOf(property), claim.value, 'value', EXPECTED[definition.type])
  return storage.db.transaction().execute(async (trx) => {
    const subject = await findSubjectIn(trx, claim.subject)
    if (!definition.subjects.includes(subject.kind))
      throw new AppError('Invalid', `property: a ${subject.kind} has no ${property}`)
    const source = await resolveSource(trx, claim.source, at)
    const qualifiers = Object.fromEntries(Object.entries(claim.qualifiers).filter(([, v]) => v !== undefined))
    const claimId = await insertEditorClaim(trx, {
      subject,
      property,
      value,
      qualifiers,
      sourceId: source.id,
      quote: claim.quote || null,
      spoiler: definition.spoiler ?? 'none',
      addedBy: actor.username,
      addedAt: at,
    })
    const after = { property, value, qualifiers, source: source.slug, quote: claim.quote || null }
    await insertRevisions(trx, { author: actor.username, reason: claim.reason, at }, [
      ...(source.created
        ? [
            {
              entityKind: 'source',
              entityKey: source.slug,
              action: 'create' as const,
              before: null,
              after: claim.source,
            },
          ]
        : []),
      {
        entityKind: 'claim',
        entityKey: `${subject.slug}/${property}`,
        action: 'create',
        before: null,
        after,
      },
    ])
    await insertAuditEntry(trx, {
      actorId: actor.id,
      action: 'add-claim',
      target: { kind: 'claim', id: claimId },
      before: null,
      after: { subject: `${subject.kind}:${subject.slug}`, ...after, reason: claim.reason },
      createdAt: at,
    })
    return { claimId, subject }
  })
}

const PIN = z.object({
  claimId: z.coerce
    .number({ error: 'must be a claim id' })
    .int('must be a claim id')
    .positive('must be a claim id'),
  reason: TEXT.max(500),
})

export interface PinInput {
  claimId: number | string
  reason: string
}

/** The claims of the fact `claim` belongs to (its own included). */
async function claimsOfFact(db: Kysely<Database>, claim: SourcedClaim): Promise<SourcedClaim[]> {
  const facts = resolveFacts(await listClaimsAbout(db, [claim.subject]))
  const fact = facts.find((f) =>
    [...f.claims, ...f.conflicts.flatMap((c) => c.claims)].some((c) => c.id === claim.id),
  )
  return fact ? [...fact.claims, ...fact.conflicts.flatMap((c) => c.claims)] : [claim]
}

async function changePin(
  storage: Storage,
  actor: Editor,
  input: PinInput,
  pinning: boolean,
  now: Date | undefined,
): Promise<void> {
  requireEditor(actor)
  const at = (now ?? new Date()).toISOString()
  const { claimId, reason } = parseOrThrow(PIN, input)
  await storage.db.transaction().execute(async (trx) => {
    const claim = await findClaimById(trx, claimId)
    if (!claim) throw new NotFoundError('claim', String(claimId))
    if (claim.status !== 'accepted')
      throw new AppError('Invalid', `claim ${claimId} is ${claim.status}, not accepted`)
    if (!pinning && !claim.pin) throw new AppError('Conflict', `claim ${claimId} is not pinned.`)
    const pin = pinning ? { reason, by: actor.username, at } : null
    // One pin per fact: pinning a claim takes the pins off the other claims of its fact.
    const unpinned = pinning
      ? (await claimsOfFact(trx, claim)).filter((other) => other.id !== claim.id && other.pin)
      : []
    for (const other of unpinned) await setClaimPin(trx, other.id, null)
    await setClaimPin(trx, claim.id, pin)
    const [subject] = (await listSubjectsByIds(trx, [claim.subject])).values()
    const entityKey = `${subject?.slug ?? claim.subject.id}/${claim.property}`
    await insertRevisions(
      trx,
      { author: actor.username, reason, at },
      [claim, ...unpinned].map((changed) => ({
        entityKind: 'claim',
        entityKey,
        action: 'update' as const,
        before: { id: changed.id, pin: changed.pin },
        after: { id: changed.id, pin: changed === claim ? pin : null },
      })),
    )
    await insertAuditEntry(trx, {
      actorId: actor.id,
      action: pinning ? 'pin-claim' : 'unpin-claim',
      target: { kind: 'claim', id: claim.id },
      before: { pin: claim.pin, pinnedClaims: unpinned.map((other) => other.id) },
      after: { pin, reason },
      createdAt: at,
    })
  })
}

/** Resolves a conflict: `claimId`'s value wins, for `reason`; the other claims of its fact lose their pins. */
export function pinClaim(storage: Storage, actor: Editor, input: PinInput, options: { now?: Date } = {}) {
  return changePin(storage, actor, input, true, options.now)
}

/** Takes an editor's or a curated file's pin off a claim, for `reason`. */
export function unpinClaim(storage: Storage, actor: Editor, input: PinInput, options: { now?: Date } = {}) {
  return changePin(storage, actor, input, false, options.now)
}

/** The facts about one story, film or person, as its page resolves them. */
export async function listFactsAbout(storage: Storage, subject: SubjectRef): Promise<Fact[]> {
  return resolveFacts(await listClaimsAbout(storage.db, [subject]))
}

/** A fact whose sources disagree, with what it is about. */
export interface ConflictItem {
  subject: NamedSubject
  fact: Fact
}

const SINGLE_VALUED = PROPERTY_NAMES.filter((name) => !propertyOf(name).many)

/** The conflicts queue: facts whose claims disagree, pinned or not, by subject and property. */
export async function listConflicts(
  storage: Storage,
  actor: Actor,
  page: { limit: number; offset: number } = { limit: 50, offset: 0 },
): Promise<{ total: number; items: ConflictItem[] }> {
  requireEditor(actor)
  const disagreements = await listDisagreements(storage.db, SINGLE_VALUED)
  const subjects = [
    ...new Map(disagreements.map((d) => [`${d.kind}:${d.id}`, { kind: d.kind, id: d.id }])).values(),
  ]
  const properties = new Set(disagreements.map((d) => `${d.kind}:${d.id}|${d.property}`))
  const conflicts: Fact[] = []
  for (let i = 0; i < subjects.length; i += 200) {
    const claims = (await listClaimsAbout(storage.db, subjects.slice(i, i + 200))).filter((claim) =>
      properties.has(`${claim.subject.kind}:${claim.subject.id}|${claim.property}`),
    )
    conflicts.push(...resolveFacts(claims).filter((fact) => fact.conflicts.length > 0))
  }
  const order = (fact: Fact) =>
    `${SUBJECT_KINDS.indexOf(fact.subject.kind)}:${String(fact.subject.id).padStart(12, '0')}`
  const shown = conflicts
    .sort((a, b) => order(a).localeCompare(order(b)))
    .slice(page.offset, page.offset + page.limit)
  const named = await listSubjectsByIds(
    storage.db,
    shown.map((fact) => fact.subject),
  )
  return {
    total: conflicts.length,
    items: shown.map((fact) => ({ subject: named.get(`${fact.subject.kind}:${fact.subject.id}`)!, fact })),
  }
}

const BOOLEAN_WORDS = new Map([
  ['true', true],
  ['yes', true],
  ['false', false],
  ['no', false],
])

/**
 * A claim's value typed into a form, as the property's type wants it: "127" a number, "yes" true,
 * "12000000 USD" an amount, "8.2/10" a rating. Text that fits no shape stays text, for the value's
 * schema to explain what is wrong.
 */
export function parseValueText(property: string, text: string): unknown {
  const trimmed = text.trim()
  if (!isPropertyName(property)) return trimmed
  const type: ValueType = propertyOf(property).type
  const number = (s: string) =>
    /^-?\d+(\.\d+)?$/.test(s.replace(/[ ,_]/g, '')) ? Number(s.replace(/[ ,_]/g, '')) : s
  switch (type) {
    case 'integer':
    case 'count':
      return number(trimmed)
    case 'boolean':
      return BOOLEAN_WORDS.get(trimmed.toLowerCase()) ?? trimmed
    case 'money': {
      const match = /^([\d ,_.]+)\s*([A-Za-z]{3})$/.exec(trimmed)
      return match ? { amount: number(match[1]!), currency: match[2]!.toUpperCase() } : trimmed
    }
    case 'rating': {
      const match = /^(\d+(?:\.\d+)?)\s*\/\s*(\d+(?:\.\d+)?)$/.exec(trimmed)
      return match ? { score: Number(match[1]), scale: Number(match[2]) } : trimmed
    }
    default:
      return trimmed
  }
}
