import { boundedDistance } from './edit-distance.ts'
import { INTENT_WORDS, type IntentMeaning } from './intents.ts'
import { PLACE_WORDS, type PlaceMeaning } from './nations.ts'

export type Meaning = PlaceMeaning | IntentMeaning

export interface Recognized {
  /** How many query words the phrase took. */
  length: number
  meanings: Meaning[]
  /** The vocabulary word when the query word was truncated or misspelt, else null. */
  correctedTo: string | null
}

interface Phrase {
  words: string[]
  meanings: Meaning[]
}

// Words that begin a nation's name but are common English words of their own: never a truncation.
const NOT_TRUNCATIONS = new Set([
  'germ',
  'chin',
  'pole',
  'port',
  'span',
  'hung',
  'finn',
  'dani',
  'cana',
  'chil',
])
const MIN_TRUNCATION = 4
const MIN_TYPO_TOKEN = 6
const MIN_TYPO_WORD = 7

const PHRASES: readonly Phrase[] = mergeDuplicates([
  ...PLACE_WORDS.map((place) => ({ words: place.words, meanings: [place.meaning] })),
  ...INTENT_WORDS,
])

const BY_FIRST_WORD: ReadonlyMap<string, readonly Phrase[]> = indexByFirstWord(PHRASES)
const SINGLE_WORDS: readonly Phrase[] = PHRASES.filter((phrase) => phrase.words.length === 1)

/**
 * The vocabulary phrase that starts at tokens[at]: the longest exact one ("south korean" before
 * "south"); else, for a single word, a nation's word it truncates ("indon" → Indonesia; 4 letters and
 * half the word at least, so "kor" is not Korea) or a long word it misspells by one letter
 * ("japnaese"). Guesses that point at two nations or two meanings are refused.
 */
export function recognize(tokens: readonly string[], at: number): Recognized | null {
  const token = tokens[at]
  if (token === undefined) return null
  for (const phrase of BY_FIRST_WORD.get(token) ?? []) {
    if (phrase.words.every((word, i) => tokens[at + i] === word)) {
      return { length: phrase.words.length, meanings: phrase.meanings, correctedTo: null }
    }
  }
  return truncated(token) ?? misspelt(token)
}

function truncated(token: string): Recognized | null {
  if (token.length < MIN_TRUNCATION || NOT_TRUNCATIONS.has(token) || !/^\p{L}+$/u.test(token)) return null
  const found = SINGLE_WORDS.filter(
    (phrase) =>
      phrase.words[0]!.startsWith(token) &&
      token.length * 2 >= phrase.words[0]!.length &&
      phrase.meanings.every((meaning) => meaning.kind === 'place'),
  )
  return oneNation(found)
}

function misspelt(token: string): Recognized | null {
  if (token.length < MIN_TYPO_TOKEN || !/^\p{L}+$/u.test(token)) return null
  const found = SINGLE_WORDS.filter(
    (phrase) => phrase.words[0]!.length >= MIN_TYPO_WORD && boundedDistance(token, phrase.words[0]!, 1) <= 1,
  )
  if (found.length === 0) return null
  if (found.every((phrase) => phrase.meanings.every((meaning) => meaning.kind === 'place')))
    return oneNation(found)
  const [first] = found
  const same = found.every((phrase) => sameMeanings(phrase.meanings, first!.meanings))
  return same ? { length: 1, meanings: first!.meanings, correctedTo: first!.words[0]! } : null
}

/** The words of one nation merged into one meaning (all its countries and languages); null when several nations. */
function oneNation(found: readonly Phrase[]): Recognized | null {
  const places = found
    .flatMap((phrase) => phrase.meanings)
    .filter((m): m is PlaceMeaning => m.kind === 'place')
  const nation = places[0]?.nation
  if (nation === undefined || places.some((place) => place.nation !== nation)) return null
  const meaning: PlaceMeaning = {
    kind: 'place',
    nation,
    countries: [...new Set(places.flatMap((place) => place.countries))],
    languages: [...new Set(places.flatMap((place) => place.languages))],
  }
  const shortest = found.map((phrase) => phrase.words[0]!).sort((a, b) => a.length - b.length)[0]!
  return { length: 1, meanings: [meaning], correctedTo: shortest }
}

function sameMeanings(a: readonly Meaning[], b: readonly Meaning[]): boolean {
  return JSON.stringify(a) === JSON.stringify(b)
}

function mergeDuplicates(phrases: readonly Phrase[]): Phrase[] {
  const byText = new Map<string, Phrase>()
  for (const phrase of phrases) {
    const key = phrase.words.join(' ')
    const seen = byText.get(key)
    if (seen) seen.meanings.push(...phrase.meanings)
    else byText.set(key, { words: phrase.words, meanings: [...phrase.meanings] })
  }
  return [...byText.values()]
}

function indexByFirstWord(phrases: readonly Phrase[]): Map<string, Phrase[]> {
  const index = new Map<string, Phrase[]>()
  for (const phrase of phrases) {
    const first = phrase.words[0]!
    index.set(first, [...(index.get(first) ?? []), phrase])
  }
  for (const list of index.values()) list.sort((a, b) => b.words.length - a.words.length)
  return index
}
