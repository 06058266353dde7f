import { describe, expect, it } from 'vitest'
import { ImdbIdMap } from './imdb-ids.ts'

describe('ImdbIdMap', () => {
  it('finds ids by their number and tells apart the same number written otherwise', () => {
    const map = new ImdbIdMap()
    map.set('tt0068646', 1)
    map.set('tt00068646', 2)
    map.set('tt68646', 3)
    map.set('nm10000001', 4)
    expect([map.get('tt0068646'), map.get('tt00068646'), map.get('tt68646'), map.get('nm10000001')]).toEqual([
      1, 2, 3, 4,
    ])
    // Not digits, or another prefix: kept by the whole string, apart from the numbers.
    for (const [odd, id] of [
      ['tt006864a', 5],
      ['TT0068646', 6],
      ['tt-068646', 7],
      ['nt0068646', 8],
    ] as const)
      map.set(odd, id)
    expect(['tt006864a', 'TT0068646', 'tt-068646', 'nt0068646', 'tt0068646'].map((i) => map.get(i))).toEqual([
      5, 6, 7, 8, 1,
    ])
    expect(map.get('tt0068647')).toBeUndefined()
    expect(map.get('tt9999999')).toBeUndefined()
  })

  it('grows past its first size and keeps what it held, and keeps far-off numbers aside', () => {
    const map = new ImdbIdMap()
    for (let n = 1; n <= 300_000; n += 7) map.set(`nm${String(n).padStart(7, '0')}`, n * 2)
    map.set('tt99999999', 5)
    for (let n = 1; n <= 300_000; n += 7) expect(map.get(`nm${String(n).padStart(7, '0')}`)).toBe(n * 2)
    expect(map.get('nm0000002')).toBeUndefined()
    expect(map.get('tt99999999')).toBe(5)
  })
})
