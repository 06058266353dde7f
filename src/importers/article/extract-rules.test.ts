import { describe, expect, it } from 'vitest'
import type { CandidateClaim, KnownEntity } from '../../domain/index.ts'
import { extractWithScope, parseMoney, parseNumber, parseRuntime } from './extract-claims.ts'
import { readArticle } from './read-article.ts'
import { testFilm, testPerson } from './test-entities.ts'
import { splitSentences } from './split-sentences.ts'

// A made-up story with an original and remakes, one of which shares the original's title.
const STORY = 'the-lantern'
const film = (slug: string, year: number, country: string, relation: string) =>
  testFilm(STORY, slug, year, country, relation)
const ORIGINAL = film('the-lantern-2010', 2010, 'FR', 'original')
const ITALIAN = film('lanterna-2014', 2014, 'IT', 'remake')
const AMERICAN = film('the-lantern-2016', 2016, 'US', 'remake')
const TURKISH = film('feneri-2018', 2018, 'TR', 'remake')
const TAMIL = film('vilakku-2019', 2019, 'IN', 'remake')
const person = testPerson
const ANNA = person('anna-bell', [ITALIAN.slug])
const TOM = person('tom-reed', [ITALIAN.slug])
const CLAIRE = person('claire-dubois', [ORIGINAL.slug])
const JANE = person('jane-ford', [AMERICAN.slug])
const character = (name: string, role: string, of: KnownEntity): KnownEntity => ({
  kind: 'character',
  slug: `${STORY}/${role}`,
  name,
  character: role,
  film: of.slug,
  roleWords: [role],
  story: STORY,
})
const LUCIE = character('Lucie', 'keeper', ORIGINAL)
const PAUL = character('Paul', 'fisherman', ORIGINAL)
const GIULIA = character('Giulia', 'keeper', ITALIAN)
const SANDRO = character('Sandro', 'fisherman', ITALIAN)

const SCOPE = {
  named: [
    { entity: { kind: 'story' as const, slug: STORY, name: 'The Lantern' }, names: ['The Lantern'] },
    { entity: ORIGINAL, names: ['The Lantern'] },
    { entity: ITALIAN, names: ['Lanterna'] },
    { entity: AMERICAN, names: ['The Lantern'] },
    { entity: TURKISH, names: ['Feneri'] },
    { entity: TAMIL, names: ['Vilakku'] },
    { entity: ANNA, names: ['Anna Bell'] },
    { entity: TOM, names: ['Tom Reed'] },
    { entity: CLAIRE, names: ['Claire Dubois'] },
    { entity: JANE, names: ['Jane Ford'] },
    { entity: LUCIE, names: ['Lucie'] },
    { entity: PAUL, names: ['Paul'] },
    { entity: GIULIA, names: ['Giulia'] },
    { entity: SANDRO, names: ['Sandro'] },
  ],
  films: [ORIGINAL, ITALIAN, AMERICAN, TURKISH, TAMIL],
  characters: [LUCIE, PAUL, GIULIA, SANDRO],
}

// An English page: a few plain sentences, so that the language detector does not guess.
const ENGLISH =
  'A page about The Lantern\n\nBy Sam Lee | 1 June 2021\n\nThis is a short article about a film and about the other versions of it that were made in other countries since then.'
function extract(text: string, header = ENGLISH): CandidateClaim[] {
  return extractWithScope(readArticle(`${header}\n\n${text}`), SCOPE)
}
const brief = (candidates: CandidateClaim[], property: string) =>
  candidates
    .filter((c) => c.property === property)
    .map((c) => [c.subject.slug, c.value, c.qualifiers] as const)

describe('numbers, money and durations', () => {
  it('reads thousands separators and decimal commas', () => {
    expect(parseNumber('5,294,155')).toBe(5294155)
    expect(parseNumber('1.234.567')).toBe(1234567)
    expect(parseNumber('38,5')).toBe(38.5)
    expect(parseNumber('12.7')).toBe(12.7)
  })

  it('tells dollars of other countries and yen from US dollars', () => {
    expect(parseMoney('it took HK$12.5 million at home')).toMatchObject({
      amount: 12_500_000,
      currency: 'HKD',
    })
    expect(parseMoney('a gross of NT$80 million')).toMatchObject({ amount: 80_000_000, currency: 'TWD' })
    expect(parseMoney('it made A$3 million')).toMatchObject({ amount: 3_000_000, currency: 'AUD' })
    expect(parseMoney('it made US$3 million')).toMatchObject({ amount: 3_000_000, currency: 'USD' })
    expect(parseMoney('it made ¥2.1 billion')).toMatchObject({ amount: 2_100_000_000, currency: 'JPY' })
    expect(parseMoney('it made CN¥2 billion')).toMatchObject({ amount: 2_000_000_000, currency: 'CNY' })
    expect(parseMoney('some 900 million yen')).toMatchObject({ amount: 900_000_000, currency: 'JPY' })
    expect(parseMoney('recaudó 2.500 millones de yenes')).toMatchObject({
      amount: 2_500_000_000,
      currency: 'JPY',
    })
    expect(parseMoney('12 millones de pesos mexicanos')).toMatchObject({
      amount: 12_000_000,
      currency: 'MXN',
    })
  })

  it('reads crore, lakh, yuan and Spanish amounts', () => {
    expect(parseMoney('it made ₹45 crore')).toMatchObject({ amount: 450_000_000, currency: 'INR' })
    expect(parseMoney('it made ₹8 lakh')).toMatchObject({ amount: 800_000, currency: 'INR' })
    expect(parseMoney('around 301 million yuan')).toMatchObject({ amount: 301_000_000, currency: 'CNY' })
    expect(parseMoney('recaudó 38,5 millones de dólares')).toMatchObject({
      amount: 38_500_000,
      currency: 'USD',
    })
  })

  it('reads an hour written as a word in Spanish', () => {
    expect(parseRuntime('dura una hora y 40 minutos')?.minutes).toBe(100)
    expect(parseRuntime('dura dos horas')?.minutes).toBe(120)
  })
})

describe('sentences and bylines', () => {
  it('does not end a sentence on a person’s initial', () => {
    expect(splitSentences('It was shot by J. Moreau in Brest. Then it rained.').map((s) => s.text)).toEqual([
      'It was shot by J. Moreau in Brest.',
      'Then it rained.',
    ])
  })

  it('reads the date of a byline or a dateline that says neither "published" nor "updated"', () => {
    expect(readArticle('Title\n\nBy Sam Lee | June 5, 2021\n\nText about a film.').published).toBe(
      '2021-06-05',
    )
    expect(readArticle('Title\n\nSam Lee · 14 September 2020\n\nText about a film.').published).toBe(
      '2020-09-14',
    )
    expect(
      readArticle(
        'Una película de faros\n\nPor Ana Ruiz | Publicado el 2 de marzo de 2020\n\nEs una película muy bonita sobre un faro y su guardiana.',
      ).published,
    ).toBe('2020-03-02')
  })

  it('does not take a date in the body for the article’s date', () => {
    expect(
      readArticle('Title\n\nThe film opened on 5 June 2021 in Paris and was a hit with everyone.').published,
    ).toBe(null)
  })
})

describe('release dates, years and regions', () => {
  it('reads a release date with the country it names', () => {
    expect(brief(extract('Lanterna was released in Italy on 4 March 2014.'), 'release_date')).toEqual([
      [ITALIAN.slug, '2014-03-04', { region: 'IT' }],
    ])
    expect(brief(extract('Feneri hit Turkish screens on 9 November 2018.'), 'release_date')).toEqual([
      [TURKISH.slug, '2018-11-09', { region: 'TR' }],
    ])
  })

  it('gives a full release date no separate year, and no release date when negated', () => {
    const found = extract('The Lantern was released on 3 May 2010 in a handful of cinemas.')
    expect(brief(found, 'year')).toEqual([])
    expect(brief(extract('Feneri was not released on 9 November 2018 after all.'), 'release_date')).toEqual(
      [],
    )
  })

  it('dates a platform release: available as of that date', () => {
    const found = extract('Feneri was released worldwide via Netflix on 2 May 2020.')
    expect(brief(found, 'available_on')).toEqual([
      [TURKISH.slug, 'Netflix', { region: 'XWW', as_of: '2020-05-02' }],
    ])
    expect(brief(found, 'release_date')).toEqual([[TURKISH.slug, '2020-05-02', { region: 'XWW' }]])
  })

  it('reads "Title (2018)" as the film’s year', () => {
    expect(brief(extract('Feneri (2018) kept the ending.'), 'year')).toEqual([[TURKISH.slug, 2018, {}]])
  })

  it('keeps the region of box office and admissions', () => {
    expect(brief(extract('Lanterna grossed $12.4 million worldwide.'), 'box_office')).toEqual([
      [ITALIAN.slug, { amount: 12_400_000, currency: 'USD' }, { region: 'XWW' }],
    ])
    expect(brief(extract('Feneri sold more than three million tickets in Turkey.'), 'admissions')).toEqual([
      [TURKISH.slug, 3_000_000, { region: 'TR' }],
    ])
  })
})

describe('remakes, shared titles, languages and countries', () => {
  it('reads a remake whose original the sentence does not name, with a lower confidence', () => {
    const [remake] = extract('Feneri, the Turkish remake, kept the ending.').filter(
      (c) => c.property === 'remake_of',
    )
    expect(remake?.subject.slug).toBe(TURKISH.slug)
    expect(remake?.value).toBe(ORIGINAL.slug)
    expect(remake!.confidence).toBeLessThan(0.7)
  })

  it('does not read "has been remade" as the film being a remake', () => {
    expect(brief(extract('Feneri has been remade twice since.'), 'remake_of')).toEqual([])
  })

  it('takes a qualified shared title for the remake, not the original', () => {
    const found = extract('The American remake, also called The Lantern, was directed by Jane Ford.')
    expect(brief(found, 'director')).toEqual([[AMERICAN.slug, JANE.slug, {}]])
  })

  it('reads a language named like a nationality as a language, not a country', () => {
    const found = extract('Vilakku (2019), the Tamil version, came next.')
    expect(brief(found, 'language')).toEqual([[TAMIL.slug, 'ta', {}]])
    expect(brief(found, 'country')).toEqual([])
  })

  it('reads the country that made a remake', () => {
    expect(brief(extract("Turkey's remake, Feneri (2018), kept the ending."), 'country')).toEqual([
      [TURKISH.slug, 'TR', {}],
    ])
  })

  it('does not take "than the original" for a description of the original', () => {
    const found = extract(
      'Lanterna was released in Italy on 4 March 2014. It is gentler than the original. It runs 98 minutes.',
    )
    expect(brief(found, 'runtime_minutes')).toEqual([[ITALIAN.slug, 98, {}]])
  })
})

describe('hedges and Spanish sentences without a subject', () => {
  it('takes nothing from a hedged clause', () => {
    expect(extract('An Italian-language remake may also be in the works.')).toEqual([])
    expect(brief(extract('Lanterna reportedly sold 2 million tickets in Italy.'), 'admissions')).toEqual([])
  })

  it('does not read the month of May as a hedge', () => {
    expect(brief(extract('Lanterna was released in Italy on 4 May 2014.'), 'release_date')).toHaveLength(1)
  })

  it('gives a Spanish sentence without a subject the film of the sentence before it', () => {
    const found = extract(
      'Lanterna se estrenó en Italia el 4 de marzo de 2014 y tuvo mucho éxito entre el público. Dura una hora y 38 minutos.',
      'Una película de faros\n\nPor Ana Ruiz | Publicado el 2 de marzo de 2020',
    )
    expect(brief(found, 'release_date')).toEqual([[ITALIAN.slug, '2014-03-04', { region: 'IT' }]])
    expect(brief(found, 'runtime_minutes')).toEqual([[ITALIAN.slug, 98, {}]])
  })
})

describe('cast and crew', () => {
  it('reads "stars A and B" as a cast without characters, surer when Retold credits them', () => {
    const found = extract('Lanterna stars Anna Bell and Claire Dubois.').filter((c) => c.property === 'cast')
    expect(found.map((c) => [c.subject.slug, c.value, c.qualifiers])).toEqual([
      [ITALIAN.slug, ANNA.slug, {}],
      [ITALIAN.slug, CLAIRE.slug, {}],
    ])
    expect(found[0]!.confidence).toBeGreaterThan(found[1]!.confidence)
  })

  it('pairs "A and B play the couple, C and D" in order', () => {
    expect(
      brief(extract('In Lanterna, Anna Bell and Tom Reed play the couple, Giulia and Sandro.'), 'cast'),
    ).toEqual([
      [ITALIAN.slug, ANNA.slug, { character: 'keeper' }],
      [ITALIAN.slug, TOM.slug, { character: 'fisherman' }],
    ])
  })

  it('casts the one who replaces, by the role’s name, and not the one replaced', () => {
    expect(
      brief(extract('In Lanterna, Claire Dubois was replaced by Anna Bell as the keeper.'), 'cast'),
    ).toEqual([[ITALIAN.slug, ANNA.slug, { character: 'keeper' }]])
  })

  it('reads "A is the …, C" as a role, with a lower confidence', () => {
    const [cast] = extract('In The Lantern, Claire Dubois is the stubborn lighthouse keeper, Lucie.').filter(
      (c) => c.property === 'cast',
    )
    expect([cast?.subject.slug, cast?.value, cast?.qualifiers]).toEqual([
      ORIGINAL.slug,
      CLAIRE.slug,
      { character: 'keeper' },
    ])
    expect(cast!.confidence).toBeLessThan(0.8)
  })

  it('reads "X wrote and directed the film" and a director who replaced another', () => {
    const found = extract('Jane Ford wrote and directed the film.')
    expect(brief(found, 'director').map((c) => c[1])).toEqual([JANE.slug])
    expect(brief(found, 'writer').map((c) => c[1])).toEqual([JANE.slug])
    const replaced = extract('For Feneri, Tom Reed was first named director but was replaced by Jane Ford.')
    expect(brief(replaced, 'director')).toEqual([[TURKISH.slug, JANE.slug, {}]])
  })
})
