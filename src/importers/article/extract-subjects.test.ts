import { describe, expect, it } from 'vitest'
import type { CandidateClaim } from '../../domain/index.ts'
import { extractWithScope } from './extract-claims.ts'
import { createGazetteerLinker } from './link-mentions.ts'
import { readArticle } from './read-article.ts'
import { testFilm, testPerson } from './test-entities.ts'

// A made-up story whose title is shared: a Japanese original and an American remake both called The
// Lantern (1987 and 2004), and a Korean remake, Deungbul (2010), which the articles below are mostly about.
const STORY = 'the-lantern'
const film = (slug: string, year: number, country: string, relation: string) =>
  testFilm(STORY, slug, year, country, relation)
const ORIGINAL = film('the-lantern-1987', 1987, 'JP', 'original')
const AMERICAN = film('the-lantern-2004', 2004, 'US', 'remake')
const KOREAN = film('deungbul-2010', 2010, 'KR', 'remake')
const person = testPerson
const PEOPLE = [
  person('mina-sato', [ORIGINAL.slug]),
  person('ken-ito', [ORIGINAL.slug]),
  person('ann-lee', [AMERICAN.slug]),
  person('joe-park', [KOREAN.slug]),
  person('bo-kim', [KOREAN.slug]),
  person('yu-han', [KOREAN.slug]),
]
const nameOf = (slug: string) =>
  slug
    .split('-')
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join(' ')
const SCOPE = {
  named: [
    { entity: { kind: 'story' as const, slug: STORY, name: 'The Lantern' }, names: ['The Lantern'] },
    { entity: ORIGINAL, names: ['The Lantern'] },
    { entity: AMERICAN, names: ['The Lantern'] },
    { entity: KOREAN, names: ['Deungbul'] },
    ...PEOPLE.map((p) => ({ entity: p, names: [nameOf(p.slug)] })),
  ],
  films: [ORIGINAL, AMERICAN, KOREAN],
  characters: [],
}
// The opening makes the Korean remake the article's main film.
const ENGLISH =
  'Deungbul and its elders\n\nBy Sam Lee | 1 June 2021\n\nDeungbul is the film this page is about. Joe Park, Bo Kim and Yu Han made Deungbul.'
const SPANISH =
  'Deungbul y las otras\n\nPor Ana Ruiz | 1 de junio de 2021\n\nDeungbul es la película de la que trata esta página. Joe Park, Bo Kim y Yu Han hicieron Deungbul.'
const extract = (text: string, header = ENGLISH): CandidateClaim[] =>
  extractWithScope(readArticle(`${header}\n\n${text}`), SCOPE)
const brief = (candidates: CandidateClaim[], property: string) =>
  candidates.filter((c) => c.property === property).map((c) => [c.subject.slug, c.value] as const)

describe('the film a sentence speaks of', () => {
  it('takes a shared title for the original when nothing points at a remake, not for the main film', () => {
    const found = extract('Is The Lantern based on a true story? It is not based on a true story.')
    expect(brief(found, 'based_on_true_story')).toEqual([[ORIGINAL.slug, false]])
  })

  it('takes a shared title for the remake its description or its "(year)" names', () => {
    expect(
      brief(extract('The American remake of the story, The Lantern, runs 101 minutes.'), 'runtime_minutes'),
    ).toEqual([[AMERICAN.slug, 101]])
    expect(brief(extract("Ann Lee's The Lantern (2004) moved the story to Ohio."), 'director')).toEqual([
      [AMERICAN.slug, 'ann-lee'],
    ])
    expect(brief(extract('The Lantern (2004) runs 101 minutes.'), 'runtime_minutes')).toEqual([
      [AMERICAN.slug, 101],
    ])
  })

  it('keeps the previous sentence’s film in a sentence with no subject, unless its year fits another better', () => {
    // "en Japón" is where it was shown, not whose: the original (Japanese) does not take it.
    const kept = extract(
      'The Lantern (2004) trasladó la historia a Ohio. Se estrenó en Japón el 3 de mayo de 2004 y dura 101 minutos.',
      SPANISH,
    )
    expect(brief(kept, 'runtime_minutes')).toEqual([[AMERICAN.slug, 101]])
    expect(brief(kept, 'release_date')).toEqual([[AMERICAN.slug, '2004-05-03']])
    const spanish = extract(
      'The Lantern (2004) trasladó la historia a Ohio. Se estrenó en Japón el 3 de mayo de 1987 y dura 95 minutos.',
      SPANISH,
    )
    expect(brief(spanish, 'runtime_minutes')).toEqual([[ORIGINAL.slug, 95]])
  })
})

describe('crew named before the verb', () => {
  it('reads "A and B directed Title" and "A, B and C wrote the script"', () => {
    expect(brief(extract('Mina Sato and Ken Ito directed The Lantern in 1987.'), 'director')).toEqual([
      [ORIGINAL.slug, 'mina-sato'],
      [ORIGINAL.slug, 'ken-ito'],
    ])
    expect(
      brief(extract('Deungbul is a remake. Joe Park, Bo Kim and Yu Han wrote the script.'), 'writer'),
    ).toEqual([
      [KOREAN.slug, 'joe-park'],
      [KOREAN.slug, 'bo-kim'],
      [KOREAN.slug, 'yu-han'],
    ])
  })

  it('reads "X directed the third version, Title (year)"', () => {
    expect(
      brief(extract('Ann Lee directed the second version, The Lantern (2004), in Ohio.'), 'director'),
    ).toEqual([[AMERICAN.slug, 'ann-lee']])
  })
})

describe('an age certificate beside a rating', () => {
  it('drops the certificate and keeps the rating of another clause', () => {
    const found = extract('Deungbul carries a 12 certificate in the UK, and critics rate it 7/10.')
    expect(found.filter((c) => c.property === 'rating').map((c) => c.value)).toEqual([
      { score: 7, scale: 10 },
    ])
  })
})

describe('names with a possessive', () => {
  it('finds a title whose own words hold a possessive', () => {
    const link = createGazetteerLinker([{ entity: KOREAN, names: ["A Keeper's Lamp"] }])
    expect(link("We saw A Keeper's Lamp (2010) twice.").map((m) => m.text)).toEqual(["A Keeper's Lamp"])
    expect(link('We saw A Keeper’s Lamp twice.').map((m) => m.text)).toEqual(['A Keeper’s Lamp'])
  })
})
