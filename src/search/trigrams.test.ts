import { describe, expect, it } from 'vitest'
import { trigrams } from './trigrams.ts'

describe('trigrams', () => {
  it('pads each word with two spaces before and one after, as pg_trgm does', () => {
    expect(trigrams('cell')).toEqual(['  c', ' ce', 'cel', 'ell', 'll '])
    expect(trigrams('no 7')).toEqual(['  n', ' no', 'no ', '  7', ' 7 '])
  })

  it('shares the trigrams of a word hidden in junk', () => {
    const junk = new Set(trigrams('pselmzhmiraclese'))
    expect(['mir', 'ira', 'rac', 'acl', 'cle'].every((t) => junk.has(t))).toBe(true)
  })

  it('counts Hangul syllables as one character each, and deduplicates', () => {
    expect(trigrams('선물')).toEqual(['  선', ' 선물', '선물 '])
    expect(trigrams('aaaa aaaa')).toEqual(['  a', ' aa', 'aaa', 'aa '])
  })

  it('gives nothing for an empty text', () => {
    expect(trigrams('')).toEqual([])
  })
})
