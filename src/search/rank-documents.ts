import anyAscii from 'any-ascii'
import { fold, tokenize } from './fold.ts'
import {
  matchKey,
  prepareQueryWords,
  prepareWords,
  type KeyMatch,
  type QueryWords,
  type Words,
} from './match-key.ts'
import type { ParsedQuery } from './parse-query.ts'
import { scoreQualifiers, type QualifierScore } from './score-qualifiers.ts'
import type { SearchDocument, SearchResult } from './search-document.ts'
import { searchKeys } from './search-keys.ts'

// The score: the text match (up to 93, see KeyMatch), the qualifiers (see scoreQualifiers), then
// these. A story outranks its own films on the same words; popularity only breaks near-ties.
const WEIGHTS = {
  story: 8,
  originalFilm: 1,
  undatedFilm: -1,
  /** A film found through its story's title, not its own: listed after the story and its namesakes. */
  throughStory: 0.92,
  /** A query in another script, matched through its romanization. */
  romanized: 0.95,
  /** Popularity adds up to this much, on a log scale reaching it at a million votes. */
  popularity: 4,
} as const

// Documents are often ranked again for the next keystroke: their words are prepared once. Backends
// build new document objects for every query, so prepared keys are also kept by their text.
const prepared = new WeakMap<SearchDocument, Words[]>()
const keyWords = new Map<string, Words>()
const titleWords = new Map<string, Words[]>()
const MAX_CACHED = 50_000

/** How a document's text met the query: through its own names, its story's title, or both (characters). */
interface TextMatch extends KeyMatch {
  /** The index of the document's key that matched, or -1 when only the story's title did. */
  key: number
  viaStory: boolean
}

interface Scored {
  document: SearchDocument
  score: number
  text: TextMatch | null
  qualifiers: QualifierScore
}

/** Scores documents against a query; the best first, at most `limit`; documents that match no term (and no year-only/qualifier-only query) are left out. */
export function rankDocuments(
  query: ParsedQuery,
  documents: readonly SearchDocument[],
  limit: number,
  /** Other ways to read the terms, from the index's dictionary (words run together, cut apart). */
  readings: readonly (readonly string[])[] = [],
): SearchResult[] {
  if (limit <= 0) return []
  const qualifierOnly = query.terms.length === 0
  const variants = queryVariants(query, readings)
  const stories = new Map<string, TextMatch | null>()
  const scored: Scored[] = []
  for (const document of documents) {
    const found = matchText(variants, document, stories)
    const text = found?.significant ? found : null
    if (!qualifierOnly && !text) continue
    const qualifiers = scoreQualifiers(query, document)
    if (!text && qualifiers.score === 0) continue
    // A weak text match earns only part of a qualifier's lift.
    const lift = qualifierOnly || !text ? 1 : 0.5 + 0.5 * Math.min(1, text.queryCoverage)
    const score =
      (text?.score ?? 0) +
      kindScore(document) +
      qualifiers.score * lift +
      popularityScore(document.popularity)
    scored.push({ document, score, text, qualifiers })
  }
  return scored.sort(byScore).slice(0, limit).map(toResult)
}

/**
 * The best text match of a document. Stories and people match by their own names. A film matches by
 * its own titles or, a little lower, by its story's title (so "perfect strangers" lists every version).
 * A character matches by its name, possibly followed by its story's title ("memo miracle in cell 7"),
 * but never by the story's title alone: the story's own page answers that.
 */
function matchText(
  variants: readonly QueryWords[],
  document: SearchDocument,
  stories: Map<string, TextMatch | null>,
): TextMatch | null {
  const keys = wordsOf(document)
  const own = bestKey(variants, keys)
  if (!document.story || (document.kind !== 'film' && document.kind !== 'character')) return own
  const storyKeys = wordsOfTitle(document.story.title)
  if (document.kind === 'film') {
    const slug = document.story.slug
    if (!stories.has(slug)) stories.set(slug, bestKey(variants, storyKeys))
    const story = stories.get(slug) ?? null
    if (!story || story.score * WEIGHTS.throughStory <= (own?.score ?? 0)) return own
    return { ...story, score: story.score * WEIGHTS.throughStory, key: -1, viaStory: true }
  }
  const combined = keys.flatMap((key) => storyKeys.map((story) => wordsOfKey(`${key.text} ${story.text}`)))
  const both = bestKey(variants, combined, (match, key) =>
    match.matched.some((m) => m.wordFrom < keys[Math.floor(key / storyKeys.length)]!.words.length),
  )
  if (!both || both.score <= (own?.score ?? 0)) return own
  return { ...both, key: Math.floor(both.key / storyKeys.length), viaStory: true }
}

/**
 * The query's words, and their romanization when they are in another script: a title typed in Cyrillic
 * or kana is then found under its romanized title ("リング" → "ringu") when no title is in that script.
 */
function queryVariants(query: ParsedQuery, readings: readonly (readonly string[])[]): QueryWords[] {
  // A query of qualifiers alone still finds a film called "1917" or "Korea".
  const tokens = tokenize(fold(query.raw))
  const terms = query.terms.length > 0 ? query.terms : tokens
  const typing = terms.length > 0 && !/\s$/.test(query.raw) && tokens.at(-1) === terms.at(-1)
  const extras = without(tokens, terms)
  const variants = [prepareQueryWords(terms, typing, extras)]
  const text = terms.join(' ')
  if (/[^ -~]/.test(text)) {
    const romanized = tokenize(fold(anyAscii(text)))
    if (romanized.length > 0 && romanized.join(' ') !== text) {
      variants.push(prepareQueryWords(romanized, typing, extras))
    }
  }
  for (const reading of readings) variants.push(prepareQueryWords(reading, false, extras))
  return variants
}

function bestKey(
  variants: readonly QueryWords[],
  keys: readonly Words[],
  accept: (match: KeyMatch, key: number) => boolean = () => true,
): TextMatch | null {
  let best: TextMatch | null = null
  for (let variant = 0; variant < variants.length; variant++) {
    for (let key = 0; key < keys.length; key++) {
      const match = matchKey(variants[variant]!, keys[key]!)
      if (!match || !accept(match, key)) continue
      const score = variant === 0 ? match.score : match.score * WEIGHTS.romanized
      if (!best || score > best.score) best = { ...match, score, key, viaStory: false }
    }
  }
  return best
}

function wordsOf(document: SearchDocument): Words[] {
  let words = prepared.get(document)
  if (!words) {
    const keys = document.keys.length > 0 ? document.keys : searchKeys(document.title)
    words = keys.map(wordsOfKey)
    prepared.set(document, words)
  }
  return words
}

function wordsOfTitle(title: string): Words[] {
  let words = titleWords.get(title)
  if (!words) {
    if (titleWords.size >= MAX_CACHED) titleWords.clear()
    words = searchKeys(title).map(wordsOfKey)
    titleWords.set(title, words)
  }
  return words
}

function wordsOfKey(key: string): Words {
  let words = keyWords.get(key)
  if (!words) {
    if (keyWords.size >= MAX_CACHED) keyWords.clear()
    words = prepareWords(key)
    keyWords.set(key, words)
  }
  return words
}

function kindScore(document: SearchDocument): number {
  if (document.kind === 'story') return WEIGHTS.story
  if (document.kind !== 'film') return 0
  return (
    (document.relation === 'original' ? WEIGHTS.originalFilm : 0) +
    (document.year === null ? WEIGHTS.undatedFilm : 0)
  )
}

function popularityScore(popularity: number): number {
  if (!(popularity > 0)) return 0
  return WEIGHTS.popularity * Math.min(1, Math.log10(1 + popularity) / 6)
}

function byScore(a: Scored, b: Scored): number {
  return (
    b.score - a.score ||
    b.document.popularity - a.document.popularity ||
    a.document.title.localeCompare(b.document.title)
  )
}

function toResult({ document, score, text, qualifiers }: Scored): SearchResult {
  return {
    kind: document.kind,
    slug: document.slug,
    title: document.title,
    year: document.year,
    country: document.countries[0] ?? null,
    story: document.story,
    score: Math.round(score * 100) / 100,
    matched: [...(text ? describeText(document, text) : []), ...qualifiers.notes],
  }
}

const NOTES: Record<KeyMatch['matched'][number]['kind'], string> = {
  exact: 'exact',
  prefix: 'prefix',
  typo: 'typo',
  'prefix-typo': 'typo',
  within: 'within',
  part: 'part of',
  joined: 'joined',
  split: 'split',
}

function describeText(document: SearchDocument, text: TextMatch): string[] {
  const notes: string[] = []
  if (text.key >= 0) notes.push(`title “${keyTitle(document, text.key)}”`)
  if (text.viaStory) notes.push(`story “${document.story?.title ?? ''}”`)
  for (const match of text.matched)
    if (match.kind !== 'exact') notes.push(`${NOTES[match.kind]}: ${match.text}`)
  return notes
}

/** The document's title when the key is its fold, else the key itself (keys are folded names). */
function keyTitle(document: SearchDocument, key: number): string {
  const text = document.keys[key]
  return text === undefined || text === fold(document.title) ? document.title : text
}

/** The tokens that are not terms (each term takes out one occurrence). */
function without(tokens: readonly string[], terms: readonly string[]): string[] {
  const rest = [...tokens]
  for (const term of terms) {
    const at = rest.indexOf(term)
    if (at >= 0) rest.splice(at, 1)
  }
  return rest
}
