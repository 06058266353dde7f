import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { resolveFacts, type SourcedClaim } from './facts.ts'
import type { Source, SourceKind } from './model.ts'
import type { ClaimValue, PropertyName, Qualifiers } from './properties.ts'

function source(id: number, kind: SourceKind, updatedAt: string | null = null): Source {
  return {
    id,
    slug: `source-${id}`,
    kind,
    url: null,
    title: `Source ${id}`,
    publisher: null,
    author: null,
    language: 'en',
    publishedAt: null,
    updatedAt,
    retrievedAt: '2026-11-21',
    contentHash: null,
  }
}

const WIKIPEDIA = source(1, 'encyclopedia', '2024-01-01')
const BLOG = source(2, 'blog', '2025-06-01')
const PRESS_OLD = source(3, 'press', '2019-01-01')
const PRESS_NEW = source(4, 'press', '2023-01-01')
const PRESS_OLD_2 = source(5, 'press', '2019-01-01')

let nextId = 1
function claim(
  property: PropertyName,
  value: ClaimValue,
  from: Source,
  extra: { qualifiers?: Qualifiers; pin?: string; status?: SourcedClaim['status']; subject?: number } = {},
): SourcedClaim {
  const id = nextId++
  return {
    id,
    subject: { kind: 'film', id: extra.subject ?? 1 },
    property,
    value,
    qualifiers: extra.qualifiers ?? {},
    sourceId: from.id,
    source: from,
    quote: null,
    spoiler: property === 'character_fate' ? 'ending' : 'none',
    status: extra.status ?? 'accepted',
    pin: extra.pin ? { reason: extra.pin, by: 'editor', at: `2026-01-0${id % 9}` } : null,
    addedBy: 'test',
    addedAt: '2026-11-21',
  }
}

describe('resolveFacts', () => {
  it('merges sources that agree into one fact with both citations', () => {
    const facts = resolveFacts([
      claim('runtime_minutes', 132, WIKIPEDIA),
      claim('runtime_minutes', 132, BLOG),
    ])
    expect(facts).toHaveLength(1)
    expect(facts[0]).toMatchObject({ value: 132, status: 'agreed', decidedBy: null, conflicts: [] })
    expect(facts[0]!.claims.map((c) => c.source.slug)).toEqual(['source-1', 'source-2'])
  })

  it('reports two runtimes for the same cut as a conflict, keeping the losing claim', () => {
    const [fact] = resolveFacts([
      claim('runtime_minutes', 127, WIKIPEDIA),
      claim('runtime_minutes', 132, BLOG),
    ])
    expect(fact).toMatchObject({ value: 127, status: 'disputed', decidedBy: 'reliability' })
    expect(fact!.conflicts).toHaveLength(1)
    expect(fact!.conflicts[0]!.value).toBe(132)
    expect(fact!.conflicts[0]!.claims[0]!.source.slug).toBe('source-2')
  })

  it('keeps runtimes of different cuts apart', () => {
    const facts = resolveFacts([
      claim('runtime_minutes', 207, WIKIPEDIA, { qualifiers: { cut: 'original' } }),
      claim('runtime_minutes', 160, WIKIPEDIA, { qualifiers: { cut: 'international' } }),
    ])
    expect(facts.map((f) => [f.qualifiers.cut, f.status])).toEqual([
      ['international', 'single'],
      ['original', 'single'],
    ])
  })

  it("lets an editor's pin beat a more reliable source", () => {
    const [fact] = resolveFacts([
      claim('character_name', 'Mehmet Koyuncu', WIKIPEDIA, { qualifiers: { character: 'father' } }),
      claim('character_name', 'Mehmet Kara', BLOG, {
        qualifiers: { character: 'father' },
        pin: 'checked the credits',
      }),
    ])
    expect(fact).toMatchObject({ value: 'Mehmet Kara', status: 'pinned', decidedBy: 'pin' })
    expect(fact!.conflicts[0]!.value).toBe('Mehmet Koyuncu')
  })

  it('prefers a reliable source over a more recent one', () => {
    const [fact] = resolveFacts([
      claim('based_on_true_story', true, WIKIPEDIA),
      claim('based_on_true_story', false, BLOG),
    ])
    expect(fact).toMatchObject({ value: true, decidedBy: 'reliability', status: 'disputed' })
  })

  it('prefers the more recent of equally reliable sources', () => {
    const [fact] = resolveFacts([claim('year', 2018, PRESS_OLD), claim('year', 2019, PRESS_NEW)])
    expect(fact).toMatchObject({ value: 2019, decidedBy: 'recency' })
  })

  it('uses an as-of date before the source date for recency', () => {
    const [fact] = resolveFacts([
      claim('runtime_minutes', 120, PRESS_NEW, { qualifiers: { as_of: '2015-01-01' } }),
      claim('runtime_minutes', 125, PRESS_OLD, { qualifiers: { as_of: '2024-01-01' } }),
    ])
    expect(fact).toMatchObject({ value: 125, decidedBy: 'recency' })
    expect(fact!.qualifiers).toEqual({})
  })

  it('falls back to the number of sources, then admits it cannot decide', () => {
    const [counted] = resolveFacts([
      claim('year', 2018, PRESS_OLD),
      claim('year', 2018, PRESS_OLD_2),
      claim('year', 2019, PRESS_OLD),
    ])
    expect(counted).toMatchObject({ value: 2018, decidedBy: 'count' })
    const [tie] = resolveFacts([claim('year', 2018, PRESS_OLD), claim('year', 2019, PRESS_OLD_2)])
    expect(tie).toMatchObject({ status: 'disputed', decidedBy: null })
    expect(tie!.conflicts).toHaveLength(1)
  })

  it('treats ratings of different dates as a series, not a conflict', () => {
    const facts = resolveFacts([
      claim('rating', { score: 8.1, scale: 10 }, PRESS_OLD, {
        qualifiers: { by: 'IMDb', as_of: '2021-05-01' },
      }),
      claim('rating', { score: 8.2, scale: 10 }, PRESS_NEW, {
        qualifiers: { by: 'IMDb', as_of: '2023-04-10' },
      }),
    ])
    expect(facts).toHaveLength(2)
    expect(facts.every((f) => f.status === 'single' && f.conflicts.length === 0)).toBe(true)
  })

  it('reports two different ratings on the same date and scale as a conflict', () => {
    const [fact] = resolveFacts([
      claim('rating', { score: 8.1, scale: 10 }, PRESS_OLD, {
        qualifiers: { by: 'IMDb', as_of: '2023-04-10' },
      }),
      claim('rating', { score: 8.2, scale: 10 }, PRESS_NEW, {
        qualifiers: { by: 'IMDb', as_of: '2023-04-10' },
      }),
    ])
    expect(fact!.status).toBe('disputed')
  })

  it('keeps amounts in different currencies apart', () => {
    const facts = resolveFacts([
      claim('box_office', { amount: 80_000_000, currency: 'USD' }, PRESS_OLD, {
        qualifiers: { region: 'KR' },
      }),
      claim('box_office', { amount: 74_500_000_000, currency: 'KRW' }, PRESS_NEW, {
        qualifiers: { region: 'KR' },
      }),
    ])
    expect(facts.map((f) => f.status)).toEqual(['single', 'single'])
  })

  it('keeps release dates in different regions apart', () => {
    const facts = resolveFacts([
      claim('release_date', '2019-10-11', WIKIPEDIA, { qualifiers: { region: 'TR' } }),
      claim('release_date', '2020-03-13', WIKIPEDIA, { qualifiers: { region: 'XWW' } }),
    ])
    expect(facts.map((f) => f.status)).toEqual(['single', 'single'])
  })

  it('lists several countries as several facts, not a conflict', () => {
    const facts = resolveFacts([claim('country', 'KR', WIKIPEDIA), claim('country', 'TR', BLOG)])
    expect(facts.map((f) => f.value)).toEqual(['KR', 'TR'])
    expect(facts.every((f) => f.conflicts.length === 0)).toBe(true)
  })

  it('compares text without regard to case and spacing', () => {
    const [fact] = resolveFacts([
      claim('available_on', 'Netflix', WIKIPEDIA),
      claim('available_on', ' netflix', BLOG),
    ])
    expect(fact).toMatchObject({ status: 'agreed' })
  })

  it('ignores proposed and rejected claims', () => {
    const facts = resolveFacts([
      claim('year', 2019, WIKIPEDIA),
      claim('year', 2018, BLOG, { status: 'proposed' }),
      claim('year', 2017, BLOG, { status: 'rejected' }),
    ])
    expect(facts).toEqual([expect.objectContaining({ value: 2019, status: 'single' })])
  })

  it('takes the highest spoiler level of its claims', () => {
    const [fact] = resolveFacts([
      claim('character_fate', 'executed', BLOG, { qualifiers: { character: 'father' } }),
      claim('character_fate', 'saved', WIKIPEDIA, { qualifiers: { character: 'father' } }),
    ])
    expect(fact!.spoiler).toBe('ending')
  })

  it('never drops a claim: every accepted claim supports or contradicts exactly one fact', () => {
    const sources = [WIKIPEDIA, BLOG, PRESS_OLD, PRESS_NEW]
    const claimArbitrary = fc.record({
      property: fc.constantFrom<PropertyName>('runtime_minutes', 'year', 'country', 'rating'),
      value: fc.integer({ min: 1, max: 4 }),
      source: fc.integer({ min: 0, max: 3 }),
      region: fc.constantFrom(undefined, 'KR', 'TR'),
      asOf: fc.constantFrom(undefined, '2021-01-01', '2023-01-01'),
      subject: fc.integer({ min: 1, max: 2 }),
      pinned: fc.boolean(),
    })
    fc.assert(
      fc.property(fc.array(claimArbitrary, { maxLength: 30 }), (specs) => {
        const claims = specs.map((s) => {
          const value =
            s.property === 'country'
              ? ['KR', 'TR', 'PH', 'ID'][s.value - 1]!
              : s.property === 'rating'
                ? { score: s.value, scale: 10 }
                : s.value
          const qualifiers: Qualifiers = {}
          if (s.region) qualifiers.region = s.region
          if (s.asOf) qualifiers.as_of = s.asOf
          return claim(s.property, value, sources[s.source]!, {
            qualifiers,
            subject: s.subject,
            ...(s.pinned ? { pin: 'p' } : {}),
          })
        })
        const facts = resolveFacts(claims)
        const seen = facts
          .flatMap((f) => [...f.claims, ...f.conflicts.flatMap((c) => c.claims)])
          .map((c) => c.id)
        expect(seen.sort((a, b) => a - b)).toEqual(claims.map((c) => c.id).sort((a, b) => a - b))
        for (const fact of facts) {
          expect(fact.claims.length).toBeGreaterThan(0)
          expect(fact.status === 'disputed' || fact.status === 'pinned').toBe(fact.conflicts.length > 0)
        }
      }),
    )
  })
})
