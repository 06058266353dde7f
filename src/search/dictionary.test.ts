import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { Dictionary } from './dictionary.ts'
import { boundedDistance, typoBudget } from './edit-distance.ts'

const WORDS = [
  'miracle',
  'miracles',
  'mirage',
  'cell',
  'cellar',
  'kogustaki',
  'mucize',
  '선물',
  '번방의',
  '七號房的禮物',
  'oldboy',
]

function dictionary(words: readonly string[] = WORDS): Dictionary {
  const d = new Dictionary()
  d.add(words)
  return d
}

const nearWords = (d: Dictionary, query: string, minPrefix = 3) =>
  d.near(query, { minPrefix, limit: 50 }).map((n) => `${n.word}:${n.typos}${n.prefix ? 'p' : ''}`)

describe('Dictionary', () => {
  it('finds a word, its typos within the budget and the words it begins', () => {
    const d = dictionary()
    expect(nearWords(d, 'miracle')).toEqual(['miracle:0', 'miracles:0p'])
    expect(nearWords(d, 'mriacle')).toEqual(['miracle:1', 'miracles:1p'])
    expect(nearWords(d, 'kogutsaki')).toEqual(['kogustaki:1'])
    expect(nearWords(d, 'koguztakk')).toEqual(['kogustaki:2'])
    expect(nearWords(d, 'oldbyo')).toEqual(['oldboy:1'])
    expect(nearWords(d, 'mirac')).toEqual(['miracle:0p', 'miracles:0p', 'mirage:1p'])
    expect(nearWords(d, 'miracel')).toEqual(['miracle:1', 'miracles:1p'])
    expect(nearWords(d, 'cellr')).toEqual(['cell:1', 'cellar:1'])
    expect(nearWords(d, 'cel')).toEqual(['cell:0p', 'cellar:0p'])
    expect(nearWords(d, 'mi', 2)).toEqual(['mirage:0p', 'miracle:0p', 'miracles:0p'])
    expect(nearWords(d, 'mi')).toEqual([])
    expect(nearWords(d, '선물')).toEqual(['선물:0'])
  })

  it('agrees with boundedDistance on every word (property)', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.stringMatching(/^[abc]{1,11}$/), { maxLength: 60 }),
        fc.stringMatching(/^[abc]{1,11}$/),
        (words, query) => {
          const d = dictionary(words)
          const budget = typoBudget(query.length)
          // A typo on the first letter counts two, a swap of the first two letters one.
          const cost = (w: string) => {
            const typos = boundedDistance(query, w, budget + 1)
            if (w[0] === query[0]) return typos
            const swapped = w.length > 1 && w[0] === query[1] && w[1] === query[0]
            return Math.min(
              typos + 1,
              swapped ? 1 + boundedDistance(query.slice(2), w.slice(2), budget) : Infinity,
            )
          }
          const expected = words.filter((w) => cost(w) <= budget).sort()
          const found = d
            .near(query, { minPrefix: Infinity, limit: 1000 })
            .map((n) => n.word)
            .sort()
          expect(found).toEqual(expected)
        },
      ),
      { numRuns: 500 },
    )
  })

  it('finds words inside junk and words in scripts without spaces', () => {
    const d = dictionary()
    expect(d.inside('pselmzhmiraclese', 5).sort()).toEqual(['miracle', 'miracles'])
    expect(d.containing('七號房', 10)).toEqual(['七號房的禮物'])
  })

  it('only grows, and keeps its order when words come in later', () => {
    const d = dictionary(['b', 'd'])
    d.add(['c', 'a', 'b'])
    expect(d.size).toBe(4)
    expect(nearWords(d, 'a', 1)).toEqual(['a:0'])
    expect(d.has('c')).toBe(true)
  })
})
