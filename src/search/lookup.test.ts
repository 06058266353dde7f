import { describe, expect, it } from 'vitest'
import { Dictionary } from './dictionary.ts'
import { pickCandidates, planLookup } from './lookup.ts'
import { parseQuery } from './parse-query.ts'
import { keyWords, searchKeys } from './search-keys.ts'

const TITLES = ['Miracle in Cell No. 7', '7. Koğuştaki Mucize', '7번방의 선물', 'The Departed', 'The Son']

function dictionary(): Dictionary {
  const d = new Dictionary()
  d.add(keyWords(TITLES.flatMap(searchKeys)))
  return d
}

const plan = (raw: string) =>
  Object.fromEntries(
    planLookup(parseQuery(raw), dictionary()).units.map((u) => [u.text, u.expansions.map((e) => e.word)]),
  )

describe('planLookup', () => {
  it('looks up the words a garbled query stands for', () => {
    const units = plan('pselmzhmiraclese in cell no 7 turki')
    expect(units['pselmzhmiraclese']).toEqual(['miracle'])
    expect(units['cell']).toEqual(['cell'])
    expect(units['7']).toEqual(['7'])
    expect(units).not.toHaveProperty('turki')
  })

  it('joins and splits words, and reads another script romanized too', () => {
    expect(plan('7 beonbang ui')['beonbangui']).toEqual(['beonbangui'])
    expect(plan('kogustakimucize')).toMatchObject({ kogustaki: ['kogustaki'], mucize: ['mucize'] })
    expect(planLookup(parseQuery('miracleincellno7'), dictionary()).readings).toEqual([
      ['miracle', 'in', 'cell', 'no', '7'],
    ])
    expect(planLookup(parseQuery('the departed'), dictionary()).readings).toEqual([])
    expect(plan('7번방의 선물')).toMatchObject({ 번방의: ['번방의'], 선물: ['선물'], seonmul: ['seonmul'] })
  })

  it('completes the word being typed from two letters, and not a settled one', () => {
    expect(plan('the dep')['dep']).toEqual(['departed'])
    expect(plan('mi')['mi']).toEqual(['miracle'])
    expect(plan('mi ')).toEqual({})
  })
})

describe('pickCandidates', () => {
  it('puts documents with the rare words of the query first', () => {
    const units = [
      { text: 'the', expansions: [{ word: 'the', quality: 1, whole: true }] },
      { text: 'departed', expansions: [{ word: 'departed', quality: 1, whole: true }] },
    ]
    const frequency = new Map([
      ['the', 100_000],
      ['departed', 3],
    ])
    const postings = new Map([
      ['the', [1, 2, 3]],
      ['departed', [3, 4]],
    ])
    expect(pickCandidates(units, frequency, postings, 3)).toEqual([3, 4, 1])
  })

  it('counts a unit once per document, at its best expansion', () => {
    const units = [
      {
        text: 'miracel',
        expansions: [
          { word: 'miracle', quality: 0.8, whole: true },
          { word: 'miracles', quality: 0.7, whole: false },
        ],
      },
      { text: 'cell', expansions: [{ word: 'cell', quality: 1, whole: true }] },
    ]
    const frequency = new Map([
      ['miracle', 10],
      ['miracles', 10],
      ['cell', 10],
    ])
    const postings = new Map([
      ['miracle', [1]],
      ['miracles', [1, 2]],
      ['cell', [2]],
    ])
    expect(pickCandidates(units, frequency, postings, 10)).toEqual([2, 1])
  })
})
