import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { boundedDistance, typoBudget } from './edit-distance.ts'

// The textbook full-matrix algorithm, to check the bounded one against.
function distance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  )
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost)
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1)
    }
  }
  return d[a.length]![b.length]!
}

describe('typoBudget', () => {
  it('allows none up to 4 letters, 1 up to 8, 2 beyond', () => {
    expect([1, 4, 5, 8, 9, 20].map(typoBudget)).toEqual([0, 0, 1, 1, 2, 2])
  })
})

describe('boundedDistance', () => {
  it.each([
    ['oldbyo', 'oldboy', 1],
    ['mirakle', 'miracle', 1],
    ['kogustaki', 'kogustaki', 0],
    ['kogutsaki', 'kogustaki', 1],
    ['mucze', 'mucize', 1],
    ['ca', 'abc', 3],
  ])('%s ↔ %s = %i', (a, b, expected) => {
    expect(boundedDistance(a, b, 5)).toBe(expected)
  })

  it('gives up at max + 1', () => {
    expect(boundedDistance('miracle', 'strangers', 2)).toBe(3)
    expect(boundedDistance('a', 'abcdef', 1)).toBe(2)
  })

  it('agrees with the full algorithm within the bound', () => {
    const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'd'), maxLength: 8 })
    fc.assert(
      fc.property(word, word, fc.integer({ min: 0, max: 4 }), (a, b, max) => {
        expect(boundedDistance(a, b, max)).toBe(Math.min(distance(a, b), max + 1))
      }),
    )
  })
})
