import { describe, expect, it } from 'vitest'
import { parseQuery } from './parse-query.ts'

function places(raw: string) {
  const { countries, languages, terms } = parseQuery(raw)
  return { countries, languages, terms }
}

describe('parseQuery', () => {
  it('reads the garbled seed query', () => {
    expect(parseQuery('pselmzhmiraclese in cell no 7 turki')).toEqual({
      raw: 'pselmzhmiraclese in cell no 7 turki',
      terms: ['pselmzhmiraclese', 'in', 'cell', 'no', '7'],
      years: [],
      countries: ['TR'],
      languages: [],
      wants: { original: false, remake: false, person: false },
      section: null,
      interpreted: 'pselmzhmiraclese in cell no 7 · Türkiye',
    })
  })

  it('leaves a plain title alone, with nothing interpreted', () => {
    const query = parseQuery('7. Koğuştaki Mucize')
    expect(query.terms).toEqual(['7', 'kogustaki', 'mucize'])
    expect(query.interpreted).toBeNull()
    expect(parseQuery('').terms).toEqual([])
  })

  it('takes out years', () => {
    const query = parseQuery('miracle in cell 2019')
    expect(query.years).toEqual([2019])
    expect(query.terms).toEqual(['miracle', 'in', 'cell'])
    expect(query.interpreted).toBe('miracle in cell · 2019')
    expect(parseQuery('cell 7').years).toEqual([])
  })

  describe('country, nationality and language words', () => {
    it.each([
      ['turkish', ['TR'], ['tr']],
      ['turki', ['TR'], []],
      ['türk', ['TR'], ['tr']],
      ['turk', ['TR'], ['tr']],
      ['turkey', ['TR'], []],
      ['turkiye', ['TR'], []],
      ['Türkiye', ['TR'], []],
      ['türkçe', [], ['tr']],
      ['korean', ['KR'], ['ko']],
      ['kore', ['KR'], []],
      ['korea', ['KR'], []],
      ['south korean', ['KR'], ['ko']],
      ['north korea', ['KP'], []],
      ['filipino', ['PH'], ['fil', 'tl']],
      ['pinoy', ['PH'], ['fil', 'tl']],
      ['philippines', ['PH'], []],
      ['tagalog', [], ['fil']],
      ['indonesian', ['ID'], ['id']],
      ['indonesia', ['ID'], []],
      ['hindi', [], ['hi']],
      ['india', ['IN'], []],
      ['indian', ['IN'], []],
      ['tamil', [], ['ta']],
      ['bollywood', ['IN'], ['hi']],
      ['spanish', ['ES'], ['es']],
      ['spain', ['ES'], []],
      ['espanol', ['ES'], ['es']],
      ['español', ['ES'], ['es']],
      ['mexican', ['MX'], []],
      ['french', ['FR'], ['fr']],
      ['italian', ['IT'], ['it']],
      ['japanese', ['JP'], ['ja']],
      ['chinese', ['CN'], ['zh']],
      ['american', ['US'], []],
      ['argentine', ['AR'], []],
      ['argentinian', ['AR'], []],
      ['english', [], ['en']],
      ['한국', ['KR'], []],
    ])('%s → %j %j', (word, countries, languages) => {
      expect(places(`oldboy ${word}`)).toEqual({ terms: ['oldboy'], countries, languages })
    })

    it('understands words cut short', () => {
      expect(places('miracle indon')).toMatchObject({ countries: ['ID'], terms: ['miracle'] })
      expect(places('miracle filip')).toMatchObject({ countries: ['PH'], terms: ['miracle'] })
      expect(places('miracle japa')).toMatchObject({ countries: ['JP'], languages: ['ja'] })
      expect(places('miracle ital')).toMatchObject({ countries: ['IT'] })
      expect(parseQuery('miracle indon').interpreted).toBe('miracle · Indonesia · Indonesian')
    })

    it('understands a long word with one typo', () => {
      expect(places('oldboy japnaese')).toMatchObject({ countries: ['JP'], terms: ['oldboy'] })
      expect(places('oldboy filipno')).toMatchObject({ countries: ['PH'] })
    })

    it('refuses guesses that are too short, ambiguous, or ordinary English words', () => {
      expect(places('kor').terms).toEqual(['kor'])
      expect(places('hong').terms).toEqual(['hong'])
      expect(places('the chin').terms).toEqual(['the', 'chin'])
      expect(places('hung').terms).toEqual(['hung'])
    })

    it('collects several', () => {
      expect(places('perfect strangers spanish mexican 2017')).toEqual({
        terms: ['perfect', 'strangers'],
        countries: ['ES', 'MX'],
        languages: ['es'],
      })
    })
  })

  describe('original, remake, version', () => {
    it.each([
      ['miracle cell 7 korean original', { original: true, remake: false, person: false }],
      ['oldboy remake', { original: false, remake: true, person: false }],
      ['oldboy orijinal', { original: true, remake: false, person: false }],
    ])('%s', (raw, wants) => {
      expect(parseQuery(raw).wants).toEqual(wants)
    })

    it('takes out “version” without asking for a remake', () => {
      const query = parseQuery('perfect strangers spanish version')
      expect(query.terms).toEqual(['perfect', 'strangers'])
      expect(query.wants).toEqual({ original: false, remake: false, person: false })
      expect(query.interpreted).toBe('perfect strangers · Spain · Spanish')
    })
  })

  describe('intents', () => {
    it.each([
      ['aras bulut iynemli actor', true, null],
      ['oldboy actress', true, null],
      ['oldboy director', true, null],
      ['cast of oldboy', true, 'cast'],
      ['who plays memo', true, 'cast'],
      ['oldboy cast', false, 'cast'],
      ['miracle in cell no 7 ending explained', false, 'ending'],
      ['miracle in cell no 7 ending', false, 'ending'],
      ['is miracle in cell no 7 a true story', false, 'true-story'],
      ['miracle in cell no 7 based on', false, 'true-story'],
      ['where to watch miracle in cell no 7', false, 'watch'],
      ['watch oldboy', false, 'watch'],
      ['oldboy netflix', false, 'watch'],
      ['7 koğuştaki mucize izle', false, 'watch'],
    ])('%s', (raw, person, section) => {
      const query = parseQuery(raw)
      expect(query.wants.person).toBe(person)
      expect(query.section).toBe(section)
      expect(query.terms.join(' ')).not.toMatch(
        /actor|actress|director|cast|plays|ending|explained|true|based|watch|netflix|izle/,
      )
    })

    it('keeps the first section asked for', () => {
      expect(parseQuery('oldboy ending cast').section).toBe('ending')
    })

    it('drops generic words such as “film” without calling it an interpretation', () => {
      const query = parseQuery('aras bulut iynemli film')
      expect(query.terms).toEqual(['aras', 'bulut', 'iynemli'])
      expect(query.interpreted).toBeNull()
    })

    it('keeps intent words as terms when nothing else is left', () => {
      expect(parseQuery('ending').terms).toEqual(['ending'])
      expect(parseQuery('ending').section).toBe('ending')
      expect(parseQuery('movie').terms).toEqual(['movie'])
    })

    it('keeps a query of qualifiers alone without terms', () => {
      const query = parseQuery('turkish 2019')
      expect(query).toMatchObject({ terms: [], years: [2019], countries: ['TR'], languages: ['tr'] })
      expect(query.interpreted).toBe('Türkiye · Turkish · 2019')
    })

    it('describes everything it understood', () => {
      expect(parseQuery('miracle cell 7 korean original').interpreted).toBe(
        'miracle cell 7 · South Korea · Korean · original',
      )
      expect(parseQuery('cast of oldboy').interpreted).toBe('oldboy · people · cast')
    })
  })
})
