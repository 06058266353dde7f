import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { fold } from './fold.ts'
import { parseQuery } from './parse-query.ts'
import { rankDocuments } from './rank-documents.ts'
import type { SearchDocument } from './search-document.ts'
import { searchKeys } from './search-keys.ts'
import { TEST_DOCUMENTS } from './test-documents.ts'

function search(raw: string, documents: readonly SearchDocument[] = TEST_DOCUMENTS, limit = 10) {
  return rankDocuments(parseQuery(raw), documents, limit)
}

function found(raw: string): string[] {
  return search(raw).map((result) => `${result.kind}/${result.slug}`)
}

describe('rankDocuments', () => {
  it.each([
    ['pselmzhmiraclese in cell no 7 turki', 'film/7-kogustaki-mucize-2019'],
    ['miracle in cell no 7', 'story/miracle-in-cell-no-7'],
    ['7 kogustaki mucize', 'film/7-kogustaki-mucize-2019'],
    ['7. Koğuştaki Mucize', 'film/7-kogustaki-mucize-2019'],
    ['yedinci kogustaki mucize', 'film/7-kogustaki-mucize-2019'],
    ['kogustakimucize', 'film/7-kogustaki-mucize-2019'],
    ['7 kogutsaki mucize', 'film/7-kogustaki-mucize-2019'],
    ['7번방의 선물', 'film/miracle-in-cell-no-7-2013'],
    ['7beonbangui seonmul', 'film/miracle-in-cell-no-7-2013'],
    ['7 beonbang ui seonmul', 'film/miracle-in-cell-no-7-2013'],
    ['aras bulut iynemli film', 'person/aras-bulut-iynemli'],
    ['ARAS BULUT İYNEMLİ', 'person/aras-bulut-iynemli'],
    ['iynemli aras', 'person/aras-bulut-iynemli'],
    ['miracle cell 7 korean original', 'film/miracle-in-cell-no-7-2013'],
    ['miracle in cell no 7 philippines', 'film/miracle-in-cell-no-7-2019'],
    ['miracle in cell no 7 pinoy', 'film/miracle-in-cell-no-7-2019'],
    ['miracle in cell no 7 indonesia', 'film/miracle-in-cell-no-7-2022'],
    ['miracle in cell no 7 2022', 'film/miracle-in-cell-no-7-2022'],
    ['perfect strangers spanish version', 'film/perfectos-desconocidos-2017'],
    ['perfect strangers mexican', 'film/perfectos-desconocidos-2018'],
    ['perfect strangers', 'story/perfect-strangers'],
    ['oldbyo', 'story/oldboy'],
    ['oldboy american remake', 'film/oldboy-2013'],
    ['oldboy 2003', 'film/oldboy-2003'],
    ['mirakle in cel 7', 'story/miracle-in-cell-no-7'],
    ['drishyam tamil', 'film/papanasam-2015'],
    ['drishyam hindi', 'film/drishyam-2015'],
    ['infernal affairs american remake', 'film/the-departed-2006'],
    ['無間道', 'film/infernal-affairs-2002'],
    ['류승룡', 'person/ryu-seung-ryong'],
    ['ryu seung ryong', 'person/ryu-seung-ryong'],
    ['who plays memo', 'character/memo'],
    ['miracle in cell no 7 ending explained', 'story/miracle-in-cell-no-7'],
    ['is miracle in cell no 7 a true story', 'story/miracle-in-cell-no-7'],
  ])('“%s” → %s first', (raw, first) => {
    const results = found(raw)
    expect(results[0], results.slice(0, 4).join(', ')).toBe(first)
  })

  it('lists the versions of a story right after it', () => {
    expect(found('miracle in cell no 7').slice(1, 5).sort()).toEqual([
      'film/7-kogustaki-mucize-2019',
      'film/miracle-in-cell-no-7-2013',
      'film/miracle-in-cell-no-7-2019',
      'film/miracle-in-cell-no-7-2022',
    ])
  })

  it('ranks the distractors below the story for the garbled query, and still finds them', () => {
    const results = found('pselmzhmiraclese in cell no 7 turki')
    expect(results.indexOf('story/miracle-in-cell-no-7')).toBeLessThan(results.indexOf('film/cell-2016'))
    expect(results).toContain('film/cell-2016')
  })

  it('finds versions whose own titles do not match, through their story', () => {
    expect(found('perfect strangers')).toContain('film/perfectos-desconocidos-2017')
  })

  it('finds a title through the romanization of a query typed in another script', () => {
    const ringu = { ...TEST_DOCUMENTS[1]!, slug: 'ringu-1998', title: 'Ring', keys: ['ringu', 'ring'] }
    const gromkaia = {
      ...ringu,
      slug: 'gromkaia-sviaz-2019',
      title: 'Gromkaia sviaz’',
      keys: ['gromkaia sviaz'],
    }
    expect(search('リング', [ringu, gromkaia]).map((r) => r.slug)).toEqual(['ringu-1998'])
    expect(search('Громкая связь', [ringu, gromkaia]).map((r) => r.slug)).toEqual(['gromkaia-sviaz-2019'])
  })

  it('finds a character by its name, with or without its story’s title, but not by the title alone', () => {
    expect(found('memo miracle in cell no 7')[0]).toBe('character/memo')
    expect(search('memo miracle in cell no 7')[0]!.matched).toEqual([
      'title “Memo”',
      'story “Miracle in Cell No. 7”',
    ])
    expect(found('miracle in cell no 7')).not.toContain('character/memo')
  })

  it('returns nothing when nothing matches', () => {
    expect(search('zzqxv wpplk')).toEqual([])
    expect(search('')).toEqual([])
    expect(search('the in a')).toEqual([])
  })

  it('answers a query of qualifiers alone with the documents they pick', () => {
    const results = found('turkish 2019')
    expect(results[0]).toBe('film/7-kogustaki-mucize-2019')
    expect(results).not.toContain('story/miracle-in-cell-no-7')
    expect(results).not.toContain('film/oldboy-2003')
  })

  it('boosts qualifiers but does not filter by them', () => {
    const results = found('oldboy turkish')
    expect(results.slice(0, 3)).toContain('story/oldboy')
    expect(results).toContain('film/oldboy-2003')
  })

  it('explains why a result matched', () => {
    const [first] = search('pselmzhmiraclese in cell no 7 turki')
    expect(first!.matched).toEqual(['title “miracle in cell no 7”', 'within: miracle', 'country Türkiye'])
    const [typo] = search('7 kogutsaki mucize 2019')
    expect(typo!.matched).toEqual(['title “7. Koğuştaki Mucize”', 'typo: kogustaki', 'year 2019'])
    const [departed] = search('infernal affairs american remake')
    expect(departed!.matched).toEqual(['story “Infernal Affairs”', 'country United States', 'remake'])
  })

  it('fills a result from its document', () => {
    const [first] = search('7 kogustaki mucize')
    expect(first).toMatchObject({
      kind: 'film',
      slug: '7-kogustaki-mucize-2019',
      title: '7. Koğuştaki Mucize',
      year: 2019,
      country: 'TR',
      story: { slug: 'miracle-in-cell-no-7', title: 'Miracle in Cell No. 7' },
    })
    expect(first!.score).toBeGreaterThan(0)
  })

  it('keeps to the limit, best first', () => {
    const results = search('miracle', TEST_DOCUMENTS, 3)
    expect(results).toHaveLength(3)
    expect(results.map((r) => r.score)).toEqual([...results.map((r) => r.score)].sort((a, b) => b - a))
    expect(search('miracle', TEST_DOCUMENTS, 0)).toEqual([])
  })

  it('matches the word being typed as a prefix', () => {
    expect(found('miracle in ce')[0]).toBe('story/miracle-in-cell-no-7')
    expect(found('perfect str')[0]).toBe('story/perfect-strangers')
  })

  it('gives the same answer for fresh copies of the documents (the cache is only a cache)', () => {
    const copies = TEST_DOCUMENTS.map((document) => ({ ...document }))
    expect(search('mirakle in cel 7', copies)).toEqual(search('mirakle in cel 7'))
  })

  it('finds any document by its own exact title', () => {
    for (const document of TEST_DOCUMENTS) {
      expect(found(document.title), document.title).toContain(`${document.kind}/${document.slug}`)
    }
    const word = fc.oneof(
      fc.string({ unit: fc.constantFrom(...'abcdefghijklmnoprstuvyzçğışöü7'), minLength: 1, maxLength: 9 }),
      // Words the query parser takes out: a title may be made of them.
      fc.constantFrom(
        'turkish',
        'korea',
        'film',
        'ending',
        'original',
        'version',
        'cast',
        '2019',
        'the',
        'no',
        '선물',
      ),
    )
    const title = fc.array(word, { minLength: 1, maxLength: 5 }).map((words) => words.join(' '))
    fc.assert(
      fc.property(title, (text) => {
        const document: SearchDocument = {
          kind: 'film',
          slug: 'generated',
          title: text,
          keys: searchKeys(text),
          year: null,
          countries: [],
          languages: [],
          story: null,
          relation: null,
          popularity: 0,
        }
        if (fold(text) === '') return
        const slugs = search(text, [...TEST_DOCUMENTS, document], 100).map((result) => result.slug)
        expect(slugs).toContain('generated')
      }),
    )
  })
})
