import anyAscii from 'any-ascii'
import type { Dictionary, NearWord } from './dictionary.ts'
import { fold, tokenize } from './fold.ts'
import type { ParsedQuery } from './parse-query.ts'

/** A dictionary word a query word may stand for, and how sure that is (1 for the word itself). */
export interface Expansion {
  word: string
  quality: number
}

/** One thing the query says (a word, two words run together, half of a run-together word) and the index words that may say it. */
export interface LookupUnit {
  text: string
  expansions: Expansion[]
}

// Per query word: a handful of the nearest words is enough, and keeps lookups few.
const NEAR_LIMIT = 10
const INSIDE_LIMIT = 6
// Junk around a word is only trusted for long query words and words that do not turn up by chance
// (the same lengths as the ranker's "within" match).
const MIN_JUNKED_QUERY = 8
const MIN_INSIDE_WORD = 5
const MIN_JOINED = 5
const MIN_SPLIT_PART = 2
const NUMBER = /^\d+$/
const WIDE_SCRIPT = /[\u1100-\u11ff\u2e80-\ua4cf\uac00-\ud7af\uf900-\ufaff]/

/**
 * What to look up for a query: for each term (or, for a query of qualifiers only, each word: a film
 * may be called "Korea" or "1917"), and for its romanization when it is in another script, the
 * dictionary words it may stand for: itself, words within its typo budget, words it begins (from 3
 * letters, 2 for the word being typed), words inside it when it is long ("pselmzhmiraclese" →
 * "miracle"), words that contain it in scripts written without spaces; then neighbouring terms run
 * together ("beonbang ui" → "beonbangui") and a term cut in two ("kogustakimucize").
 */
export function planLookup(query: ParsedQuery, dictionary: Dictionary): LookupUnit[] {
  const tokens = tokenize(fold(query.raw))
  const terms = query.terms.length > 0 ? query.terms : tokens
  const typing = terms.length > 0 && !/\s$/.test(query.raw) && tokens.at(-1) === terms.at(-1)
  const units: LookupUnit[] = []
  const add = (text: string, expansions: Expansion[]) => {
    if (expansions.length > 0 && !units.some((unit) => unit.text === text)) units.push({ text, expansions })
  }
  const readings = [terms]
  const text = terms.join(' ')
  if (/[^ -~]/.test(text)) {
    const romanized = tokenize(fold(anyAscii(text)))
    if (romanized.length > 0 && romanized.join(' ') !== text) readings.push(romanized)
  }
  for (const words of readings) {
    words.forEach((term, at) => {
      const last = typing && at === words.length - 1
      add(term, expand(term, dictionary, last))
      for (const [left, right] of dictionary.splits(term, MIN_SPLIT_PART)) {
        add(left, [{ word: left, quality: 0.95 }])
        add(right, [{ word: right, quality: 0.95 }])
      }
      const next = words[at + 1]
      if (next === undefined || NUMBER.test(term) !== NUMBER.test(next)) return
      const joined = term + next
      if (joined.length < MIN_JOINED) return
      add(
        joined,
        dictionary
          .near(joined, { minPrefix: Infinity, limit: NEAR_LIMIT })
          .map((near) => ({ word: near.word, quality: 0.95 * qualityOf(joined, near) })),
      )
    })
  }
  return units
}

function expand(term: string, dictionary: Dictionary, typing: boolean): Expansion[] {
  const number = NUMBER.test(term)
  const minPrefix = typing ? 2 : number ? Infinity : 3
  const found = new Map<string, number>()
  const keep = (word: string, quality: number) => found.set(word, Math.max(quality, found.get(word) ?? 0))
  for (const near of dictionary.near(term, {
    minPrefix,
    limit: NEAR_LIMIT,
    ...(number ? { budget: 0 } : {}),
  })) {
    keep(near.word, qualityOf(term, near))
  }
  if (term.length >= MIN_JUNKED_QUERY) {
    const inside = dictionary.inside(term, MIN_INSIDE_WORD)
    inside.sort((a, b) => b.length - a.length)
    for (const word of inside.slice(0, INSIDE_LIMIT)) keep(word, 0.45 + (0.35 * word.length) / term.length)
  }
  if (WIDE_SCRIPT.test(term)) {
    for (const word of dictionary.containing(term, NEAR_LIMIT)) {
      keep(word, 0.45 + (0.35 * term.length) / word.length)
    }
  }
  return [...found].map(([word, quality]) => ({ word, quality }))
}

// The same scale as the ranker's word matches (match-word.ts): typos cost 0.2 each, a beginning less
// the more of the word is left to type.
function qualityOf(term: string, near: NearWord): number {
  if (!near.prefix) return 1 - 0.2 * near.typos
  return 0.7 + (0.25 * Math.min(term.length, near.word.length)) / near.word.length - 0.15 * near.typos
}

// Inverse document frequency against a fixed corpus size rather than the index's own: only how words
// compare matters, and both backends then choose the same candidates.
const RARITY = 1_000_000

/**
 * The documents most worth ranking: each unit counts once per document, as its best expansion found
 * there, weighted by how rare that word is (inverse document frequency), so that a document with the
 * rare words of the query comes before one with only its common words. Best first; ties by id.
 */
export function pickCandidates(
  units: readonly LookupUnit[],
  frequency: ReadonlyMap<string, number>,
  postings: ReadonlyMap<string, readonly number[]>,
  limit: number,
): number[] {
  const scores = new Map<number, number>()
  for (const unit of units) {
    const best = new Map<number, number>()
    for (const { word, quality } of unit.expansions) {
      const documents = postings.get(word)
      if (!documents) continue
      const weight = quality * Math.log(1 + RARITY / Math.max(1, frequency.get(word) ?? 1))
      for (const id of documents) if ((best.get(id) ?? 0) < weight) best.set(id, weight)
    }
    for (const [id, weight] of best) scores.set(id, (scores.get(id) ?? 0) + weight)
  }
  return [...scores]
    .sort((a, b) => b[1] - a[1] || a[0] - b[0])
    .slice(0, limit)
    .map(([id]) => id)
}
