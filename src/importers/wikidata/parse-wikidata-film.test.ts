import { describe, expect, it } from 'vitest'
import { parseWikidataFilm } from './parse-wikidata-film.ts'
import {
  CITY_STREETS,
  entity,
  item,
  PERSON,
  quantity,
  REMAKE,
  SERIES,
  SHORT,
  statement,
  text,
  time,
} from './test-entities.ts'

function film(e: Parameters<typeof parseWikidataFilm>[0]) {
  const parsed = parseWikidataFilm(e)
  if (!parsed) throw new Error(`${e.id} was not read as a film`)
  return parsed
}

describe('parseWikidataFilm on the real City Streets item (Q2262932)', () => {
  const cityStreets = film(CITY_STREETS)

  it('reads its ids, kind and revision', () => {
    expect(cityStreets).toMatchObject({
      qid: 'Q2262932',
      kind: 'movie',
      classes: ['Q11424'],
      imdbId: 'tt0021750',
      revision: 692639703,
      modified: '2018-06-09T05:28:44Z',
    })
  })

  it('reads labels and aliases in every language', () => {
    const labels = cityStreets.titles.filter((t) => t.from === 'label')
    expect(labels).toHaveLength(12)
    expect(labels).toContainEqual({ text: 'Suurkaupungin kadut', language: 'fi', from: 'label' })
    expect(labels).toContainEqual({ text: 'Городские улицы', language: 'ru', from: 'label' })
    expect(labels).toContainEqual({ text: '市街', language: 'ja', from: 'label' })
    expect(cityStreets.titles).toContainEqual({
      text: 'Straßen der Großstadt',
      language: 'de',
      from: 'alias',
    })
    // P1476, the original title.
    expect(cityStreets.titles).toContainEqual({ text: 'City Streets', language: 'en', from: 'title' })
  })

  it('gives the year-precision release date as a year', () => {
    expect(cityStreets.releaseDates.map((c) => c.value)).toEqual([{ date: '1931', places: [] }])
  })

  it('reads Rouben Mamoulian (Q51472) as director with the three references of the statement', () => {
    expect(cityStreets.directors).toEqual([
      {
        id: 'q2262932$97D9D2A9-AADF-4BF8-8B43-259EF5C6AE2E',
        value: 'Q51472',
        rank: 'normal',
        sources: [
          { url: null, statedIn: null, retrieved: null, importedFrom: 'Q10000' },
          {
            url: 'http://www.imdb.com/title/tt0021750/',
            statedIn: null,
            retrieved: '2016-04-27',
            importedFrom: null,
          },
          {
            url: 'http://www.filmaffinity.com/en/film751135.html',
            statedIn: null,
            retrieved: '2016-04-27',
            importedFrom: null,
          },
        ],
      },
    ])
  })

  it('reads the cast, country, language and runtime', () => {
    expect(cityStreets.cast.map((c) => c.value.person)).toEqual([
      'Q93957',
      'Q231595',
      'Q182057',
      'Q554094',
      'Q3968233',
      'Q862090',
      'Q3229610',
      'Q2409726',
      'Q3568320',
    ])
    expect(cityStreets.cast[0]!.sources).toHaveLength(2)
    expect(cityStreets.countries.map((c) => c.value)).toEqual([{ qid: 'Q30', code: 'US' }])
    expect(cityStreets.languages.map((c) => c.value)).toEqual([{ qid: 'Q1860', code: 'en' }])
    expect(cityStreets.runtimeMinutes.map((c) => c.value)).toEqual([82])
    expect(cityStreets.runtimeMinutes[0]!.sources).toEqual([
      { url: null, statedIn: null, retrieved: null, importedFrom: 'Q11921' },
    ])
    expect(cityStreets.basedOn).toEqual([])
    expect(cityStreets.boxOffice).toEqual([])
  })
})

describe('parseWikidataFilm on hand-written entities', () => {
  const remake = film(REMAKE)

  it('reads "based on" with its reference', () => {
    expect(remake.basedOn).toEqual([
      {
        id: expect.any(String),
        value: 'Q2262932',
        rank: 'normal',
        sources: [
          {
            url: 'https://www.imdb.com/title/tt0021750/',
            statedIn: 'Q37312',
            retrieved: '2024-05-17',
            importedFrom: null,
          },
        ],
      },
    ])
  })

  it('keeps a deprecated statement, flagged by its rank', () => {
    expect(remake.countries.map((c) => [c.value, c.rank])).toEqual([
      [{ qid: 'Q43', code: 'TR' }, 'normal'],
      [{ qid: 'Q30', code: 'US' }, 'deprecated'],
    ])
  })

  it('reads cast members with their character role and its name', () => {
    expect(remake.cast.map((c) => c.value)).toEqual([
      { person: 'Q900012', characters: ['Q900013'], characterNames: ['Memo'] },
    ])
    expect(remake.directors.map((c) => c.value)).toEqual(['Q900011'])
  })

  it('reads day- and month-precision dates with their place, unknown places kept as QIDs', () => {
    expect(remake.releaseDates.map((c) => [c.value, c.rank])).toEqual([
      [{ date: '2019-10-11', places: [{ qid: 'Q43', code: 'TR' }] }, 'preferred'],
      [{ date: '2020-02', places: [{ qid: 'Q900099', code: null }] }, 'normal'],
    ])
  })

  it('converts hours and seconds to minutes', () => {
    expect(remake.runtimeMinutes.map((c) => c.value)).toEqual([90])
    expect(film(SHORT).runtimeMinutes.map((c) => c.value)).toEqual([10])
  })

  it('reads box office in its currency with its date', () => {
    expect(remake.boxOffice.map((c) => c.value)).toEqual([
      { amount: 41000000, currency: { qid: 'Q172872', code: 'TRY' }, asOf: '2020' },
    ])
  })

  it('reads the language and the titles of each language', () => {
    expect(remake.languages.map((c) => c.value)).toEqual([{ qid: 'Q256', code: 'tr' }])
    expect(remake.titles).toEqual([
      { text: 'Şehir Sokakları', language: 'tr', from: 'label' },
      { text: 'City Streets', language: 'en', from: 'label' },
      { text: 'Sehir Sokaklari', language: 'tr', from: 'alias' },
    ])
  })

  it('reads a series and what it follows', () => {
    const series = film(SERIES)
    expect(series.kind).toBe('series')
    expect(series.follows.map((c) => c.value)).toEqual(['Q900001'])
    expect(series.countries.map((c) => c.value)).toEqual([{ qid: 'Q884', code: 'KR' }])
    expect(series.languages.map((c) => c.value)).toEqual([{ qid: 'Q9176', code: 'ko' }])
  })

  it('skips entities that are not films or series', () => {
    expect(parseWikidataFilm(PERSON)).toBeUndefined()
    const deprecatedFilm = entity('Q900020', {}, [
      statement(item('P31', 'Q11424'), { rank: 'deprecated' }),
      statement(item('P31', 'Q5')),
    ])
    expect(parseWikidataFilm(deprecatedFilm)).toBeUndefined()
  })

  it('takes the most specific kind of several classes', () => {
    const tvFilm = entity('Q900021', {}, [
      statement(item('P31', 'Q11424')),
      statement(item('P31', 'Q506240')),
    ])
    expect(film(tvFilm)).toMatchObject({ kind: 'tv-movie', classes: ['Q11424', 'Q506240'] })
    const episode = entity('Q900022', {}, [statement(item('P31', 'Q21191270'))])
    expect(film(episode).kind).toBe('episode')
  })

  it('takes the preferred tt IMDb id and ignores person ids', () => {
    const ids = entity('Q900023', {}, [
      statement(item('P31', 'Q11424')),
      statement(text('P345', 'nm0000001')),
      statement(text('P345', 'tt0000002')),
      statement(text('P345', 'tt0000003'), { rank: 'preferred' }),
    ])
    expect(film(ids).imdbId).toBe('tt0000003')
    const personId = entity('Q900024', {}, [
      statement(item('P31', 'Q11424')),
      statement(text('P345', 'nm0000001')),
    ])
    expect(film(personId).imdbId).toBeNull()
  })

  it('leaves out what it cannot read: unknown values, decades, durations without a time unit, empty references', () => {
    const odd = entity('Q900025', {}, [
      statement(item('P31', 'Q11424')),
      statement({ snaktype: 'somevalue', property: 'P57' }),
      statement(time('P577', '+1930-00-00T00:00:00Z', 8)),
      // Day precision with an unknown day: as precise as it is.
      statement(time('P577', '+1931-05-00T00:00:00Z', 11), {
        // A reference with none of URL, stated in, retrieved, imported from says nothing usable.
        references: [[text('P1683', 'a quote')]],
      }),
      statement(quantity('P2047', '+82', '1')),
      statement(quantity('P2142', '+1000', 'Q900098')),
    ])
    const parsed = film(odd)
    expect(parsed.directors).toEqual([])
    expect(parsed.releaseDates.map((c) => [c.value.date, c.sources])).toEqual([['1931-05', []]])
    expect(parsed.runtimeMinutes).toEqual([])
    // An unknown currency is kept as its QID.
    expect(parsed.boxOffice.map((c) => c.value)).toEqual([
      { amount: 1000, currency: { qid: 'Q900098', code: null }, asOf: null },
    ])
  })
})
