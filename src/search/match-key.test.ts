import { describe, expect, it } from 'vitest'
import { fold } from './fold.ts'
import { matchKey, prepareQueryWords, prepareWords, wordWeight } from './match-key.ts'

function match(query: string, key: string, extras: string[] = []) {
  return matchKey(prepareQueryWords(fold(query).split(' '), false, extras), prepareWords(fold(key)))
}

describe('matchKey', () => {
  it('scores an exact title highest, and a partial one lower', () => {
    const exact = match('miracle in cell no 7', 'Miracle in Cell No. 7')!
    expect(exact.score).toBeCloseTo(93)
    expect(exact.queryCoverage).toBe(1)
    expect(match('miracle cell', 'Miracle in Cell No. 7')!.score).toBeLessThan(exact.score)
    expect(match('zzqxv', 'Miracle in Cell No. 7')).toBeNull()
  })

  it('matches in any order, with a small bonus for the title’s order', () => {
    const inOrder = match('kogustaki mucize', '7. Koğuştaki Mucize')!
    const reversed = match('mucize kogustaki', '7. Koğuştaki Mucize')!
    expect(reversed.queryCoverage).toBe(1)
    expect(reversed.score).toBeLessThan(inOrder.score)
  })

  it('matches one query word to two title words run together', () => {
    const found = match('kogustakimucize', '7 Kogustaki Mucize')!
    expect(found.matched).toMatchObject([
      { kind: 'joined', text: 'kogustaki mucize', wordFrom: 1, wordTo: 2 },
    ])
  })

  it('matches title words run together to query words apart', () => {
    const found = match('7 beonbang ui seonmul', '7BeonBangUi SeonMul')!
    expect(found.matched.map((m) => m.kind)).toEqual(['exact', 'split', 'exact'])
    expect(found.queryCoverage).toBeGreaterThan(0.9)
  })

  it('prefers an exact word to a guess that spans two', () => {
    const found = match('7 kogustaki mucize', '7 Kogustaki Mucize')!
    expect(found.matched.every((m) => m.kind === 'exact')).toBe(true)
  })

  it('finds a title word inside junk and counts it as significant', () => {
    const found = match('pselmzhmiraclese in cell no 7', 'Miracle in Cell No. 7')!
    expect(found.matched[0]).toMatchObject({ kind: 'within', text: 'miracle' })
    expect(found.keyCoverage).toBe(1)
    expect(found.significant).toBe(true)
  })

  it('does not count a stray short word as a match', () => {
    expect(match('is it a true one in', 'Miracle in Cell No. 7')!.significant).toBe(false)
  })

  it('lets qualifier words taken out of the query still cover the title', () => {
    const without = match('job', 'The Italian Job')!
    const withExtra = match('job', 'The Italian Job', ['italian'])!
    expect(withExtra.keyCoverage).toBeGreaterThan(without.keyCoverage)
    expect(withExtra.queryCoverage).toBe(without.queryCoverage)
  })
})

describe('wordWeight', () => {
  it('weighs short words little, numbers and wide-script words fully', () => {
    expect(wordWeight('no')).toBeLessThan(wordWeight('the'))
    expect(wordWeight('the')).toBeLessThan(wordWeight('cell'))
    expect(wordWeight('선물')).toBe(1)
    expect(wordWeight('7')).toBeGreaterThan(0.5)
  })
})
