import { describe, expect, it } from 'vitest'
import { Dictionary } from './dictionary.ts'
import { pickCandidates, planLookup, pruneUnits } from './lookup.ts'
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
    expect(planLookup(parseQuery('kogu5taki mucize'), dictionary()).readings).toEqual([
      ['kogustaki', 'mucize'],
    ])
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

describe('pruneUnits', () => {
  const unit = (text: string, words: Array<[string, boolean]>) => ({
    text,
    expansions: words.map(([word, whole]) => ({ word, quality: word === text ? 1 : 0.8, whole })),
  })

  it('keeps beside a word in the index only its commoner readings, and drops words in no document', () => {
    const frequency = new Map([
      ['train', 900],
      ['trait', 40],
      ['trains', 2000],
      ['samuri', 2],
      ['samurai', 2500],
    ])
    const units = [
      unit('train', [
        ['train', true],
        ['trait', true],
        ['trains', false],
        ['trainz', true],
      ]),
      unit('samuri', [
        ['samuri', true],
        ['samurai', true],
      ]),
    ]
    expect(pruneUnits(units, frequency, { perUnit: 12, tooCommon: 50_000 })).toEqual([
      unit('train', [
        ['train', true],
        ['trains', false],
      ]),
      unit('samuri', [
        ['samuri', true],
        ['samurai', true],
      ]),
    ])
  })

  it('leaves out words too common to look up, unless the query has nothing else', () => {
    const frequency = new Map([
      ['the', 300_000],
      ['ring', 4000],
    ])
    const the = unit('the', [['the', true]])
    const ring = unit('ring', [['ring', true]])
    expect(pruneUnits([the, ring], frequency, { perUnit: 12, tooCommon: 50_000 })).toEqual([ring])
    expect(pruneUnits([the], frequency, { perUnit: 12, tooCommon: 50_000 })).toEqual([the])
  })
})
