import { boundedDistance, typoBudget } from './edit-distance.ts'
import { NUMBER } from './fold.ts'

/**
 * How a query word met a document word: `exact`; `prefix` (typed halfway); `typo` (within the typo
 * budget, transpositions count one); `prefix-typo` (typed halfway, with a typo); `within` (the document
 * word sits inside a long query word with junk around it: "pselmzhmiraclese" ⊃ "miracle"); `part` (the
 * query word sits inside a long document word).
 */
export type WordMatchKind = 'exact' | 'prefix' | 'typo' | 'prefix-typo' | 'within' | 'part'

export interface WordMatch {
  kind: WordMatchKind
  /** 1 for an exact match, less for every liberty taken. */
  quality: number
  typos: number
}

export interface WordMatchOptions {
  /** The shortest query word that may match as a prefix: 2 for the word being typed, 3 otherwise. */
  minPrefix: number
  /** Whether to look for one word inside the other (not for words joined from several). */
  substrings: boolean
}

// Junk around a word is only trusted when the word is long enough not to turn up by chance.
const MIN_WITHIN_WORD = 5
const MIN_WITHIN_QUERY = 8
const MIN_PART_QUERY = 5
const MIN_PREFIX_TYPO = 5

const EXACT: WordMatch = { kind: 'exact', quality: 1, typos: 0 }

/** Compares one query word with one document word; null when they do not match. */
export function matchWord(query: string, word: string, options: WordMatchOptions): WordMatch | null {
  if (query === word) return EXACT
  const q = query.length
  const w = word.length
  if (q >= options.minPrefix && w > q && word.startsWith(query)) {
    return { kind: 'prefix', quality: 0.7 + (0.25 * q) / w, typos: 0 }
  }
  // Numbers are never misspellings of each other: 2013 is not 2019.
  const budget = NUMBER.test(query) ? 0 : typoBudget(q)
  if (budget > 0) {
    const typos = boundedDistance(query, word, budget)
    if (typos <= budget) return { kind: 'typo', quality: 1 - 0.2 * typos, typos }
    if (q >= MIN_PREFIX_TYPO && w > q) {
      const prefixTypos = boundedDistance(query, word.slice(0, q), budget)
      if (prefixTypos <= budget)
        return { kind: 'prefix-typo', quality: 0.75 - 0.15 * prefixTypos, typos: prefixTypos }
    }
  }
  if (!options.substrings) return null
  if (q >= MIN_WITHIN_QUERY && w >= MIN_WITHIN_WORD && query.includes(word)) {
    return { kind: 'within', quality: 0.45 + (0.35 * w) / q, typos: 0 }
  }
  if (q >= MIN_PART_QUERY && w > q && word.includes(query)) {
    return { kind: 'part', quality: 0.45 + (0.35 * q) / w, typos: 0 }
  }
  return null
}
