import { fold, tokenize } from './fold.ts'
import type { Section } from './intents.ts'
import { recognize, type Meaning } from './vocabulary.ts'

export interface ParsedQuery {
  raw: string
  /** Folded words that remain after qualifiers and intents are taken out, in order. */
  terms: string[]
  years: number[]
  /** ISO 3166-1 alpha-2, e.g. 'TR'. */
  countries: string[]
  /** ISO 639, e.g. 'tr'. */
  languages: string[]
  wants: { original: boolean; remake: boolean; person: boolean }
  section: Section | null
  /** Human-readable interpretation, e.g. 'miracle in cell no 7 · Türkiye' — or null if nothing was interpreted (no qualifier/intent recognised and no spelling changed). */
  interpreted: string | null
}

const YEAR = /^(?:1[89]\d\d|20\d\d)$/

const SECTION_LABELS: Record<Section, string> = {
  ending: 'ending',
  'true-story': 'true story',
  watch: 'where to watch',
  cast: 'cast',
}

const REGION_NAMES = new Intl.DisplayNames(['en'], { type: 'region' })
const LANGUAGE_NAMES = new Intl.DisplayNames(['en'], { type: 'language' })

/**
 * Reads what a fan typed: years, country, nationality and language words (also truncated or with a
 * typo), original/remake/version, person intent and the section of a page asked about. Those are
 * taken out of the terms; everything else stays a term, in order. A query made only of intent words
 * ("ending") keeps them as terms too, so that it still searches for something.
 */
export function parseQuery(raw: string): ParsedQuery {
  const tokens = tokenize(fold(raw))
  const query: ParsedQuery = {
    raw,
    terms: [],
    years: [],
    countries: [],
    languages: [],
    wants: { original: false, remake: false, person: false },
    section: null,
    interpreted: null,
  }
  let interpreted = false
  for (let at = 0; at < tokens.length;) {
    const token = tokens[at]!
    const found = YEAR.test(token) ? null : recognize(tokens, at)
    at += found?.length ?? 1
    if (found) {
      for (const meaning of found.meanings) interpreted = apply(query, meaning) || interpreted
      interpreted ||= found.correctedTo !== null
    } else if (YEAR.test(token)) {
      addOnce(query.years, Number(token))
      interpreted = true
    } else {
      query.terms.push(token)
    }
  }
  if (query.terms.length === 0 && !narrows(query)) query.terms = tokens.filter((token) => !YEAR.test(token))
  query.interpreted = interpreted ? describe(query) : null
  return query
}

/** Records one meaning; whether it counts as an interpretation (generic words such as "film" do not). */
function apply(query: ParsedQuery, meaning: Meaning): boolean {
  switch (meaning.kind) {
    case 'place':
      for (const country of meaning.countries) addOnce(query.countries, country)
      for (const language of meaning.languages) addOnce(query.languages, language)
      return true
    case 'section':
      query.section ??= meaning.section
      return true
    case 'person':
    case 'original':
    case 'remake':
      query.wants[meaning.kind] = true
      return true
    case 'version':
      return true
    case 'generic':
      return false
  }
}

/** Whether the query says which documents it wants even without terms (year, place, original/remake). */
function narrows(query: ParsedQuery): boolean {
  return (
    query.years.length > 0 ||
    query.countries.length > 0 ||
    query.languages.length > 0 ||
    query.wants.original ||
    query.wants.remake
  )
}

function describe(query: ParsedQuery): string {
  const parts = [
    query.terms.join(' '),
    ...query.countries.map((code) => REGION_NAMES.of(code) ?? code),
    ...query.languages.map((code) => LANGUAGE_NAMES.of(code) ?? code),
    ...query.years.map(String),
    query.wants.original ? 'original' : '',
    query.wants.remake ? 'remake' : '',
    query.wants.person ? 'people' : '',
    query.section ? SECTION_LABELS[query.section] : '',
  ]
  return [...new Set(parts.filter((part) => part !== ''))].join(' · ')
}

function addOnce<T>(list: T[], value: T): void {
  if (!list.includes(value)) list.push(value)
}
