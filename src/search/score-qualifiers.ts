import type { ParsedQuery } from './parse-query.ts'
import type { SearchDocument } from './search-document.ts'

export interface QualifierScore {
  score: number
  /** What matched, for people: "country Türkiye", "year 2019", "original". */
  notes: string[]
}

// Large enough to lift a version above its story (which has a bonus of 8 in rankDocuments) even when
// the version is found only through the story's title.
const WEIGHTS = {
  country: 20,
  /** A language next to a country ("spanish" is Spain and Spanish) adds a little; alone it counts fully. */
  languageWithCountry: 6,
  language: 20,
  year: 12,
  /** Fans misremember release years by one. */
  nearYear: 4,
  relation: 8,
  person: 15,
} as const

const REMAKES = new Set(['remake', 'unofficial-remake', 'adaptation'])
const REGION_NAMES = new Intl.DisplayNames(['en'], { type: 'region' })
const LANGUAGE_NAMES = new Intl.DisplayNames(['en'], { type: 'language' })

/**
 * What the qualifiers add. Stories take none: a story's countries (if a backend gives any) are those
 * of all its versions, and a country or year is how a reader picks one version of it.
 */
export function scoreQualifiers(query: ParsedQuery, document: SearchDocument): QualifierScore {
  const notes: string[] = []
  let score = 0
  if (document.kind === 'story') return { score, notes }
  const country = query.countries.find((code) => document.countries.includes(code))
  if (country) {
    score += WEIGHTS.country
    notes.push(`country ${REGION_NAMES.of(country) ?? country}`)
  }
  const language = query.languages.find((code) => document.languages.includes(code))
  if (language) {
    score += query.countries.length > 0 ? WEIGHTS.languageWithCountry : WEIGHTS.language
    notes.push(`language ${LANGUAGE_NAMES.of(language) ?? language}`)
  }
  if (document.year !== null && query.years.length > 0) {
    const nearest = Math.min(...query.years.map((year) => Math.abs(year - document.year!)))
    if (nearest <= 1) {
      score += nearest === 0 ? WEIGHTS.year : WEIGHTS.nearYear
      notes.push(`year ${document.year}`)
    }
  }
  if (query.wants.original && document.relation === 'original') {
    score += WEIGHTS.relation
    notes.push('original')
  }
  if (query.wants.remake && document.relation !== null && REMAKES.has(document.relation)) {
    score += WEIGHTS.relation
    notes.push(document.relation)
  }
  if (query.wants.person && document.kind === 'person') {
    score += WEIGHTS.person
    notes.push('person')
  }
  return { score, notes }
}
