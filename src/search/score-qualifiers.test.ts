import { describe, expect, it } from 'vitest'
import { parseQuery } from './parse-query.ts'
import { scoreQualifiers } from './score-qualifiers.ts'
import { TEST_DOCUMENTS } from './test-documents.ts'

function document(slug: string) {
  return TEST_DOCUMENTS.find((d) => d.slug === slug)!
}

describe('scoreQualifiers', () => {
  const turkish = document('7-kogustaki-mucize-2019')

  it('adds country, language and year, and says so', () => {
    const scored = scoreQualifiers(parseQuery('miracle turkish 2019'), turkish)
    expect(scored.notes).toEqual(['country Türkiye', 'language Turkish', 'year 2019'])
    expect(scored.score).toBeGreaterThan(scoreQualifiers(parseQuery('miracle turkey'), turkish).score)
  })

  it('counts a language alone as much as a country, but little next to one', () => {
    const alone = scoreQualifiers(parseQuery('drishyam tamil'), document('papanasam-2015')).score
    const next = scoreQualifiers(
      parseQuery('perfect strangers spanish'),
      document('perfectos-desconocidos-2018'),
    )
    expect(alone).toBe(scoreQualifiers(parseQuery('miracle turkey'), turkish).score)
    expect(next.notes).toEqual(['language Spanish'])
    expect(next.score).toBeLessThan(alone)
  })

  it('allows a year off by one, for less', () => {
    const exact = scoreQualifiers(parseQuery('miracle 2019'), turkish).score
    const near = scoreQualifiers(parseQuery('miracle 2020'), turkish).score
    expect(near).toBeGreaterThan(0)
    expect(near).toBeLessThan(exact)
    expect(scoreQualifiers(parseQuery('miracle 2021'), turkish).score).toBe(0)
  })

  it('matches original, remake and person intents', () => {
    expect(scoreQualifiers(parseQuery('oldboy original'), document('oldboy-2003')).notes).toEqual([
      'original',
    ])
    expect(scoreQualifiers(parseQuery('oldboy remake'), document('oldboy-2013')).notes).toEqual(['remake'])
    expect(scoreQualifiers(parseQuery('oldboy remake'), document('oldboy-2003')).score).toBe(0)
    expect(scoreQualifiers(parseQuery('aras actor'), document('aras-bulut-iynemli')).notes).toEqual([
      'person',
    ])
  })

  it('gives stories nothing: qualifiers pick a version', () => {
    expect(
      scoreQualifiers(parseQuery('miracle korean 2013 original'), document('miracle-in-cell-no-7')),
    ).toEqual({
      score: 0,
      notes: [],
    })
  })
})
