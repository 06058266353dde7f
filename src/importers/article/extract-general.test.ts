import { describe, expect, it } from 'vitest'
import type { CandidateClaim, KnownEntity } from '../../domain/index.ts'
import { extractWithScope } from './extract-claims.ts'
import { readArticle } from './read-article.ts'
import { testFilm, testPerson } from './test-entities.ts'
import { words } from './unicode.ts'
import { countryOf, isNationality } from './vocabulary.ts'

// A made-up story: a Swedish original, an American remake and an unofficial Indian remake.
const STORY = 'the-harbour'
const film = (slug: string, year: number, country: string, relation: string) =>
  testFilm(STORY, slug, year, country, relation)
const ORIGINAL = film('hamnen-2008', 2008, 'SE', 'original')
const AMERICAN = film('the-harbour-2012', 2012, 'US', 'remake')
const INDIAN = film('bandar-2014', 2014, 'IN', 'unofficial-remake')
const person = testPerson
const JANE = person('jane-roe', [ORIGINAL.slug])
const OLA = person('ola-berg', [ORIGINAL.slug])
const MARK = person('mark-hill', [AMERICAN.slug])
const TOM = person('tom-cole', [AMERICAN.slug])
const LUCY = person('lucy-stone', [AMERICAN.slug])
const RAVI = person('ravi-kumar', [INDIAN.slug])
const ASHA = person('asha-rao', [INDIAN.slug])
const character = (name: string, slug: string, of: KnownEntity): KnownEntity => ({
  kind: 'character',
  slug: `${STORY}/${slug}/${of.slug}`,
  name,
  character: slug,
  film: of.slug,
  roleWords: slug.split('-'),
  story: STORY,
})
const NILS = character('Nils', 'the-keeper', ORIGINAL)
const GRETA = character('Greta', 'the-warden', ORIGINAL)
const NICK = character('Nick', 'the-keeper', AMERICAN)
const GAIL = character('Gail', 'the-warden', AMERICAN)
const DORA = character('Dora', 'the-diver', AMERICAN)

const SCOPE = {
  named: [
    { entity: { kind: 'story' as const, slug: STORY, name: 'The Harbour' }, names: ['The Harbour'] },
    { entity: ORIGINAL, names: ['Hamnen'] },
    { entity: AMERICAN, names: ['The Harbour'] },
    { entity: INDIAN, names: ['Bandar'] },
    ...[JANE, OLA, MARK, TOM, LUCY, RAVI, ASHA].map((p) => ({
      entity: p,
      names: [
        p.slug
          .split('-')
          .map((w) => w[0]!.toUpperCase() + w.slice(1))
          .join(' '),
      ],
    })),
    ...[NILS, GRETA, NICK, GAIL, DORA].map((c) => ({ entity: c, names: [c.name] })),
  ],
  films: [ORIGINAL, AMERICAN, INDIAN],
  characters: [NILS, GRETA, NICK, GAIL, DORA],
}

const ENGLISH =
  'A page about The Harbour\n\nBy Sam Lee | 1 June 2021\n\nThis is a short article about a film and about the other versions of it that were made in other countries since then.'
const SPANISH =
  'Una página sobre Hamnen\n\nPor Ana Ruiz | 1 de junio de 2021\n\nEste es un artículo breve sobre una película y sobre las otras versiones que se hicieron después en otros países del mundo.'
function extract(text: string, header = ENGLISH): CandidateClaim[] {
  return extractWithScope(readArticle(`${header}\n\n${text}`), SCOPE)
}
const brief = (candidates: CandidateClaim[], property: string) =>
  candidates
    .filter((c) => c.property === property)
    .map((c) => [c.subject.slug, c.value, c.qualifiers] as const)

describe('Unicode word boundaries', () => {
  it('ends a word after an accented letter and not inside a word', () => {
    expect(/\bno está\b/i.test('no está basada')).toBe(false) // why words() exists
    expect(words(/\bno está\b/i).test('no está basada')).toBe(true)
    expect(words(/\btürk\b/i).test('Türkçe bir film')).toBe(false)
    expect(words(/\btürk\b/i).test('bir Türk filmi')).toBe(true)
    expect(words('[\\b]').test('\b')).toBe(true) // a backspace in a class stays one
  })

  it('reads a Spanish negation that ends in an accented letter', () => {
    const found = extract(
      'Hamnen no está basada en hechos reales, aunque muchos espectadores lo creen todavía hoy.',
      SPANISH,
    )
    expect(brief(found, 'based_on_true_story')).toEqual([[ORIGINAL.slug, false, {}]])
  })
})

describe('countries and nationalities', () => {
  it('derives nationalities from language and country names, and Spanish forms', () => {
    expect(countryOf('Swedish')).toBe('SE')
    expect(countryOf('Danish')).toBe('DK')
    expect(countryOf('Portuguese')).toBe('PT')
    expect(countryOf('Mexican')).toBe('MX')
    expect(countryOf('indios')).toBe('IN')
    expect(countryOf('japonesas')).toBe('JP')
    expect(countryOf('Arabic')).toBe(null)
    expect(countryOf('Indiana')).toBe(null)
    expect(countryOf('constructor')).toBe(null)
    expect(countryOf('toString')).toBe(null)
    expect(isNationality('Hindi')).toBe(false)
  })

  it('reads US and UK in capitals only', () => {
    expect(countryOf('US')).toBe('US')
    expect(countryOf('UK')).toBe('GB')
    expect(countryOf('us')).toBe(null)
  })

  it('keeps the region of "US cinemas", "in the United Kingdom" and "cines indios"', () => {
    expect(brief(extract('The Harbour reached US cinemas on 3 May 2012.'), 'release_date')).toEqual([
      [AMERICAN.slug, '2012-05-03', { region: 'US' }],
    ])
    expect(
      brief(extract('The Harbour (2012) is now streaming on Netflix in the United Kingdom.'), 'available_on'),
    ).toEqual([[AMERICAN.slug, 'Netflix', { region: 'GB', as_of: '2021-06-01' }]])
    expect(
      brief(
        extract('Bandar llegó a los cines indios el 5 de junio de 2014 y fue un éxito enorme.', SPANISH),
        'release_date',
      ),
    ).toEqual([[INDIAN.slug, '2014-06-05', { region: 'IN' }]])
  })

  it('reads a nationality before a genre', () => {
    expect(brief(extract('The Swedish horror romance opened quietly.'), 'country')).toEqual([
      [ORIGINAL.slug, 'SE', {}],
    ])
  })
})

describe('more ways of naming cast and crew', () => {
  it('reads a director by possessive before a title', () => {
    expect(brief(extract("Jane Roe's Hamnen is a quiet film."), 'director')).toEqual([
      [ORIGINAL.slug, JANE.slug, {}],
    ])
  })

  it('reads "adapted the screenplay" as writing', () => {
    expect(brief(extract('Hamnen is a quiet film, and Ola Berg adapted the screenplay.'), 'writer')).toEqual([
      [ORIGINAL.slug, OLA.slug, {}],
    ])
  })

  it('takes an unofficial remake for a remake, and "starred A and B" for cast', () => {
    const found = extract('Bandar (2014), an unofficial Hindi remake, starred Ravi Kumar and Asha Rao.')
    expect(brief(found, 'remake_of')).toEqual([[INDIAN.slug, ORIGINAL.slug, {}]])
    expect(brief(found, 'cast')).toEqual([
      [INDIAN.slug, RAVI.slug, {}],
      [INDIAN.slug, ASHA.slug, {}],
    ])
  })

  it('reads "X is Name" and "X is the role"', () => {
    expect(brief(extract('In The Harbour (2012), Lucy Stone is Gail.'), 'cast')).toEqual([
      [AMERICAN.slug, LUCY.slug, { character: 'the-warden' }],
    ])
    expect(brief(extract('In The Harbour (2012), Lucy Stone is the warden.'), 'cast')).toEqual([
      [AMERICAN.slug, LUCY.slug, { character: 'the-warden' }],
    ])
  })

  it('casts the one who replaced someone in that role, and "he plays" as the sentence’s first person', () => {
    const found = extract(
      'In The Harbour (2012), Mark Hill was first announced as the keeper but was replaced by Tom Cole, and he plays Dora instead.',
    )
    expect(brief(found, 'cast')).toEqual(
      expect.arrayContaining([
        [AMERICAN.slug, TOM.slug, { character: 'the-keeper' }],
        [AMERICAN.slug, MARK.slug, { character: 'the-diver' }],
      ]),
    )
    expect(brief(found, 'cast')).toHaveLength(2)
  })

  it('reads "guardian" as a kinship word', () => {
    expect(brief(extract("In Hamnen, Nils's guardian, Greta, keeps the light."), 'relation')).toEqual([
      [ORIGINAL.slug, 'guardian', { character: 'the-warden', of: 'the-keeper' }],
    ])
  })
})

describe('money and remakes in other words', () => {
  it('reads "took $… worldwide" as box office, and "took ten years" as nothing', () => {
    expect(brief(extract('Hamnen took about $3.5 million worldwide.'), 'box_office')).toEqual([
      [ORIGINAL.slug, { amount: 3_500_000, currency: 'USD' }, { region: 'XWW' }],
    ])
    expect(brief(extract('Hamnen took ten years to finance.'), 'box_office')).toEqual([])
  })

  it('reads "remade it four years later as Title"', () => {
    expect(
      brief(extract('Hollywood remade it four years later as The Harbour (2012).'), 'remake_of'),
    ).toEqual([[AMERICAN.slug, ORIGINAL.slug, {}]])
  })
})
