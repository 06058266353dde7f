import { describe, expect, it } from 'vitest'
import { matchWord } from './match-word.ts'

const SETTLED = { minPrefix: 3, substrings: true }
const TYPING = { minPrefix: 2, substrings: true }

describe('matchWord', () => {
  it('matches equal words fully', () => {
    expect(matchWord('miracle', 'miracle', SETTLED)).toEqual({ kind: 'exact', quality: 1, typos: 0 })
  })

  it('matches a word typed halfway, from 3 letters or 2 for the word being typed', () => {
    expect(matchWord('cel', 'cell', SETTLED)).toMatchObject({ kind: 'prefix' })
    expect(matchWord('mi', 'miracle', SETTLED)).toBeNull()
    expect(matchWord('mi', 'miracle', TYPING)).toMatchObject({ kind: 'prefix' })
  })

  it('allows typos by length: none up to 4 letters, 1 up to 8, 2 beyond', () => {
    expect(matchWord('cwll', 'cell', SETTLED)).toBeNull()
    expect(matchWord('oldbyo', 'oldboy', SETTLED)).toMatchObject({ kind: 'typo', typos: 1 })
    expect(matchWord('mirakle', 'miracle', SETTLED)).toMatchObject({ kind: 'typo', typos: 1 })
    expect(matchWord('mirakel', 'miracle', SETTLED)).toBeNull()
    expect(matchWord('kogustakki', 'kogustaki', SETTLED)).toMatchObject({ kind: 'typo', typos: 1 })
    expect(matchWord('kougstaky', 'kogustaki', SETTLED)).toMatchObject({ kind: 'typo', typos: 2 })
  })

  it('never takes one number for another', () => {
    expect(matchWord('20139', '20149', SETTLED)).toBeNull()
  })

  it('matches a word typed halfway with a typo', () => {
    expect(matchWord('kogustk', 'kogustaki', SETTLED)).toMatchObject({ kind: 'prefix-typo', typos: 1 })
  })

  it('finds a word of 5+ letters inside a long query word with junk around it', () => {
    const found = matchWord('pselmzhmiraclese', 'miracle', SETTLED)
    expect(found).toMatchObject({ kind: 'within' })
    expect(found!.quality).toBeLessThan(0.8)
    expect(matchWord('pselmzhcellese', 'cell', SETTLED)).toBeNull()
    expect(matchWord('pselmzhmiraclese', 'miracle', { minPrefix: 3, substrings: false })).toBeNull()
  })

  it('finds a query word inside a long document word', () => {
    expect(matchWord('mucize', 'kogustakimucize', SETTLED)).toMatchObject({ kind: 'part' })
  })

  it('ranks liberties below exact matches', () => {
    const quality = (q: string, w: string) => matchWord(q, w, SETTLED)!.quality
    expect(quality('oldboy', 'oldboy')).toBeGreaterThan(quality('oldbyo', 'oldboy'))
    expect(quality('mirakle', 'miracle')).toBeGreaterThan(quality('kougstaky', 'kogustaki'))
  })
})
