import { reliabilityOf, type ClaimStatus, type Source, type SpoilerLevel, type SubjectRef } from './model.ts'
import {
  propertyOf,
  PROPERTY_NAMES,
  qualifierKey,
  type ClaimValue,
  type PropertyName,
  type Qualifiers,
} from './properties.ts'
import { maxSpoiler } from './spoiler.ts'

export interface Pin {
  reason: string
  by: string
  at: string
}

/** One source's statement about one property of a subject. */
export interface Claim {
  id: number
  subject: SubjectRef
  property: PropertyName
  value: ClaimValue
  qualifiers: Qualifiers
  sourceId: number
  quote: string | null
  spoiler: SpoilerLevel
  status: ClaimStatus
  pin: Pin | null
  addedBy: string
  addedAt: string
}

export interface SourcedClaim extends Claim {
  source: Source
}

export type FactStatus = 'single' | 'agreed' | 'disputed' | 'pinned'
export type DecidedBy = 'pin' | 'reliability' | 'recency' | 'count'

export interface FactAlternative {
  value: ClaimValue
  claims: SourcedClaim[]
}

/** What a page shows: the resolved value of claims that share subject, property and qualifiers. */
export interface Fact {
  subject: SubjectRef
  property: PropertyName
  qualifiers: Qualifiers
  value: ClaimValue
  spoiler: SpoilerLevel
  status: FactStatus
  /** The rule that chose `value` over the conflicting values; null when nothing conflicts or no rule could choose. */
  decidedBy: DecidedBy | null
  claims: SourcedClaim[]
  /** Every other value a source gave, never dropped. */
  conflicts: FactAlternative[]
}

export function valueKey(value: ClaimValue): string {
  if (typeof value === 'string')
    return JSON.stringify(value.normalize('NFC').replace(/\s+/g, ' ').trim().toLowerCase())
  return JSON.stringify(value)
}

/** The date a claim speaks for: its as-of date, else its source's latest date. */
function claimDate(claim: SourcedClaim): string {
  const { source } = claim
  return claim.qualifiers.as_of ?? source.updatedAt ?? source.publishedAt ?? source.retrievedAt ?? ''
}

function groupingQualifiers(claim: Claim): Qualifiers {
  if (propertyOf(claim.property).series) return claim.qualifiers
  const { as_of: _asOf, ...rest } = claim.qualifiers
  return rest
}

function groupKey(claim: Claim): string {
  const definition = propertyOf(claim.property)
  const key = `${claim.subject.kind}:${claim.subject.id}|${claim.property}|${qualifierKey(groupingQualifiers(claim))}`
  if (definition.many) return `${key}|${valueKey(claim.value)}`
  // Amounts in different currencies are different facts, not a disagreement.
  const value = claim.value
  return typeof value === 'object' && 'currency' in value ? `${key}|${value.currency}` : key
}

interface Candidate extends FactAlternative {
  pinnedAt: string | null
  reliability: number
  latest: string
}

function toCandidate(claims: SourcedClaim[]): Candidate {
  const first = claims[0]!
  const pins = claims.flatMap((claim) => (claim.pin ? [claim.pin.at] : []))
  return {
    value: first.value,
    claims,
    pinnedAt: pins.length > 0 ? pins.sort().at(-1)! : null,
    reliability: Math.max(...claims.map((claim) => reliabilityOf(claim.source.kind))),
    latest: claims.map(claimDate).sort().at(-1)!,
  }
}

/** The rules in order of precedence: an editor's pin, then source reliability, recency and count. */
const RULES: Array<[DecidedBy, (a: Candidate, b: Candidate) => number]> = [
  ['pin', (a, b) => (b.pinnedAt ?? '').localeCompare(a.pinnedAt ?? '')],
  ['reliability', (a, b) => b.reliability - a.reliability],
  ['recency', (a, b) => b.latest.localeCompare(a.latest)],
  ['count', (a, b) => b.claims.length - a.claims.length],
]

function decide(candidates: Candidate[]): { winner: Candidate; decidedBy: DecidedBy | null } {
  const [first, second] = [...candidates].sort((a, b) => {
    for (const [, compare] of RULES) {
      const order = compare(a, b)
      if (order !== 0) return order
    }
    return 0
  })
  if (!second) return { winner: first!, decidedBy: null }
  const rule = RULES.find(([, compare]) => compare(first!, second) !== 0)
  return { winner: first!, decidedBy: rule ? rule[0] : null }
}

function resolveGroup(claims: SourcedClaim[]): Fact {
  const byValue = new Map<string, SourcedClaim[]>()
  for (const claim of claims) {
    const key = valueKey(claim.value)
    byValue.set(key, [...(byValue.get(key) ?? []), claim])
  }
  const candidates = [...byValue.values()].map(toCandidate)
  const { winner, decidedBy } = decide(candidates)
  const first = claims[0]!
  const status: FactStatus =
    candidates.length > 1
      ? decidedBy === 'pin'
        ? 'pinned'
        : 'disputed'
      : claims.length > 1
        ? 'agreed'
        : 'single'
  return {
    subject: first.subject,
    property: first.property,
    qualifiers: groupingQualifiers(first),
    value: winner.value,
    spoiler: maxSpoiler(claims.map((claim) => claim.spoiler)),
    status,
    decidedBy,
    claims: winner.claims,
    conflicts: candidates.filter((c) => c !== winner).map(({ value, claims }) => ({ value, claims })),
  }
}

/**
 * Resolves accepted claims into facts. Claims about the same subject, property and qualifiers form
 * one fact; where their values differ, the fact keeps the losing values as conflicts.
 */
export function resolveFacts(claims: readonly SourcedClaim[]): Fact[] {
  const groups = new Map<string, SourcedClaim[]>()
  for (const claim of claims) {
    if (claim.status !== 'accepted') continue
    const key = groupKey(claim)
    groups.set(key, [...(groups.get(key) ?? []), claim])
  }
  const order = (fact: Fact) => PROPERTY_NAMES.indexOf(fact.property)
  return [...groups.values()]
    .map(resolveGroup)
    .sort(
      (a, b) =>
        order(a) - order(b) ||
        qualifierKey(a.qualifiers).localeCompare(qualifierKey(b.qualifiers)) ||
        a.claims[0]!.id - b.claims[0]!.id,
    )
}
