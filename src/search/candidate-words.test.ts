import { describe, expect, it } from 'vitest'
import { candidateWords } from './candidate-words.ts'
import { parseQuery } from './parse-query.ts'

describe('candidateWords', () => {
  it('gives the terms and neighbouring terms run together', () => {
    expect(candidateWords(parseQuery('7 beonbang ui'))).toEqual(['7', 'beonbang', 'ui', 'beonbangui'])
  })

  it('gives 5-letter windows of a long garbled word, so that a prefix lookup finds the word inside', () => {
    const words = candidateWords(parseQuery('pselmzhmiraclese in cell no 7 turki'))
    expect(words).toContain('pselmzhmiraclese')
    expect(words).toContain('mirac')
    expect(words).toContain('cell')
    expect(words).not.toContain('turki')
    expect(candidateWords(parseQuery('kogustakimucize'))).toContain('muciz')
  })

  it('gives the words of a query made of qualifiers only', () => {
    expect(candidateWords(parseQuery('turkish 2019'))).toEqual(['turkish', '2019'])
  })

  it('gives nothing for an empty query', () => {
    expect(candidateWords(parseQuery('  '))).toEqual([])
  })
})
