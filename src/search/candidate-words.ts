import { fold, tokenize } from './fold.ts'
import type { ParsedQuery } from './parse-query.ts'

// A term this long that matches nothing whole may hide a word inside junk ("pselmzhmiraclese").
const LONG_TERM = 9
const WINDOW = 5
const MAX_WINDOWS = 24
const MIN_JOINED = 5
const NUMBER = /^\d+$/

/**
 * Words of the query that a backend should look up to find candidate documents: the terms (or, for a
 * query of qualifiers only, all its words: a film may be called "Korea" or "1917"); neighbouring terms run together ("beonbang ui" → "beonbangui"); and for
 * every term of 9+ characters each 5-character window, so that a prefix or trigram lookup finds a
 * document word hidden inside it ("pselmzhmiraclese" → …, "mirac", …). Deduplicated, in that order.
 */
export function candidateWords(query: ParsedQuery): string[] {
  const terms = query.terms.length > 0 ? query.terms : tokenize(fold(query.raw))
  const words = new Set(terms)
  for (let i = 0; i + 1 < terms.length; i++) {
    // fold() always separates numbers from words, so a document never has the two run together.
    if (NUMBER.test(terms[i]!) !== NUMBER.test(terms[i + 1]!)) continue
    const joined = terms[i]! + terms[i + 1]!
    if (joined.length >= MIN_JOINED) words.add(joined)
  }
  let windows = 0
  for (const term of terms) {
    if (term.length < LONG_TERM) continue
    const chars = Array.from(term)
    for (let at = 0; at + WINDOW <= chars.length && windows < MAX_WINDOWS; at++, windows++) {
      words.add(chars.slice(at, at + WINDOW).join(''))
    }
  }
  return [...words]
}
