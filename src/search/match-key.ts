import { typoBudget } from './edit-distance.ts'
import { NUMBER, tokenize, WIDE_SCRIPT } from './fold.ts'
import { matchWord, type WordMatch, type WordMatchKind, type WordMatchOptions } from './match-word.ts'

/** Neighbouring words run together: "kogustaki" + "mucize", "beonbang" + "ui". */
export interface Joined {
  from: number
  to: number
  text: string
}

/** The words of one search key or of a query, with what matching needs precomputed. */
export interface Words {
  /** The folded text the words come from. */
  text: string
  words: string[]
  weights: number[]
  total: number
  joins: Joined[]
}

/** A query's words, with memos of word comparisons shared by every key of every document in one ranking. */
export interface QueryWords extends Words {
  /** The index of the word still being typed (matched as a prefix from 2 letters), or -1. */
  typing: number
  /** Words taken out of the terms as qualifiers ("turkish"); they still cover a title that contains them. */
  extras: string[]
  /** Per key word: how each term and each run of terms met it; null when nothing did. */
  wordMemo: Map<string, WordResults | null>
  /** Per run of key words: how each term met it; null when none did. */
  joinedMemo: Map<string, (WordMatch | null)[] | null>
}

interface WordResults {
  terms: (WordMatch | null)[]
  splits: (WordMatch | null)[]
}

export type MatchKind = WordMatchKind | 'joined' | 'split'

export interface Matched {
  queryFrom: number
  queryTo: number
  wordFrom: number
  wordTo: number
  kind: MatchKind
  quality: number
  /** The document's words that matched. */
  text: string
}

export interface KeyMatch {
  /** 0–93: query coverage 60, title coverage 25, word order 3, complete and clean 5. */
  score: number
  /** Share of the query's weight matched, each word counted at its match quality. */
  queryCoverage: number
  /** Share of the key's weight matched. */
  keyCoverage: number
  /** Whether the match is more than stray short words: all of the query, or one word that says something. */
  significant: boolean
  matched: Matched[]
}

// Bit masks keep the greedy assignment cheap; longer titles and queries are cut.
const MAX_WORDS = 30
const MAX_JOIN = 3
// A query word met by several document words joined, or the reverse, is a little less sure.
const JOIN_QUALITY = 0.95
const MIN_SIGNIFICANT = 4

const SETTLED: WordMatchOptions = { minPrefix: 3, substrings: true }
const TYPING: WordMatchOptions = { minPrefix: 2, substrings: true }

/** A folded text's words with their weights and joins. */
export function prepareWords(folded: string): Words {
  const words = tokenize(folded).slice(0, MAX_WORDS)
  const weights = words.map(wordWeight)
  return { text: words.join(' '), words, weights, total: sum(weights), joins: joinsOf(words) }
}

/** How much a word says: short words ("in", "no", "the") little; numbers and Hangul, Han or kana words fully. */
export function wordWeight(word: string): number {
  if (NUMBER.test(word)) return 0.8
  if (WIDE_SCRIPT.test(word)) return 1
  return word.length <= 2 ? 0.35 : word.length === 3 ? 0.7 : 1
}

export function prepareQueryWords(terms: readonly string[], typing: boolean, extras: string[]): QueryWords {
  const words = prepareWords(terms.join(' '))
  return {
    ...words,
    typing: typing ? words.words.length - 1 : -1,
    extras,
    wordMemo: new Map(),
    joinedMemo: new Map(),
  }
}

/**
 * Matches the query against one key: every query word against every key word, against neighbouring
 * key words run together, and neighbouring query words run together against each key word; then the
 * best non-overlapping matches are taken greedily. Word order does not matter beyond a small bonus.
 */
export function matchKey(query: QueryWords, key: Words): KeyMatch | null {
  if (query.words.length === 0 || key.words.length === 0) return null
  const accepted = choose(query, candidates(query, key))
  if (accepted.length === 0) return null
  let queryWeight = 0
  let queryMask = 0
  let keyMask = 0
  let clean = true
  for (const match of accepted) {
    for (let t = match.queryFrom; t <= match.queryTo; t++) queryWeight += match.quality * query.weights[t]!
    queryMask |= span(match.queryFrom, match.queryTo)
    keyMask |= span(match.wordFrom, match.wordTo)
    clean &&= match.quality >= JOIN_QUALITY
  }
  keyMask = coverExtras(query.extras, key.words, keyMask)
  let keyWeight = 0
  for (let i = 0; i < key.words.length; i++) if (keyMask & (1 << i)) keyWeight += key.weights[i]!
  const queryCoverage = queryWeight / query.total
  const keyCoverage = keyWeight / key.total
  const wholeQuery = queryMask === span(0, query.words.length - 1)
  const complete = clean && wholeQuery && keyMask === span(0, key.words.length - 1)
  const matched = accepted.sort((a, b) => a.queryFrom - b.queryFrom)
  return {
    score: 60 * queryCoverage + 25 * keyCoverage + 3 * inOrder(matched) + (complete ? 5 : 0),
    queryCoverage,
    keyCoverage,
    significant: wholeQuery || matched.some((m) => isSignificant(query, m)),
    matched,
  }
}

function candidates(query: QueryWords, key: Words): Matched[] {
  const found: Matched[] = []
  for (let i = 0; i < key.words.length; i++) {
    const word = key.words[i]!
    let results = query.wordMemo.get(word)
    if (results === undefined) {
      results = compareWord(query, word)
      query.wordMemo.set(word, results)
    }
    if (results === null) continue
    for (let t = 0; t < results.terms.length; t++) {
      const match = results.terms[t]
      if (match) found.push({ queryFrom: t, queryTo: t, wordFrom: i, wordTo: i, ...match, text: word })
    }
    for (let j = 0; j < results.splits.length; j++) {
      const match = results.splits[j]
      const join = query.joins[j]!
      if (match) found.push({ ...joinedMatch(join.from, join.to, i, i, match, key), kind: 'split' })
    }
  }
  for (const join of key.joins) {
    let results = query.joinedMemo.get(join.text)
    if (results === undefined) {
      results = compareJoined(query, join.text)
      query.joinedMemo.set(join.text, results)
    }
    if (results === null) continue
    const firstLength = key.words[join.from]!.length
    for (let t = 0; t < results.length; t++) {
      const match = results[t]
      // Typed only as far as the first word, it is that word's prefix, not the run's.
      if (!match || (match.kind === 'prefix' && query.words[t]!.length <= firstLength + 1)) continue
      found.push(joinedMatch(t, t, join.from, join.to, match, key))
    }
  }
  return found
}

function compareWord(query: QueryWords, word: string): WordResults | null {
  let any = false
  const terms = query.words.map((term, t) => {
    const match = matchWord(term, word, t === query.typing ? TYPING : SETTLED)
    any ||= match !== null
    return match
  })
  const splits = query.joins.map((join) => {
    const match = matchJoined(join.text, word, query.words[join.from]!.length)
    any ||= match !== null
    return match
  })
  return any ? { terms, splits } : null
}

function compareJoined(query: QueryWords, text: string): (WordMatch | null)[] | null {
  const terms = query.words.map((term) => matchJoined(term, text, 0))
  return terms.some((match) => match !== null) ? terms : null
}

/** A word made of several joined ones: exact, with a typo, or typed halfway past its first part. */
function matchJoined(query: string, text: string, firstLength: number): WordMatch | null {
  if (query === text) return { kind: 'exact', quality: JOIN_QUALITY, typos: 0 }
  if (text.length > query.length && query.length > firstLength + 1 && text.startsWith(query)) {
    return { kind: 'prefix', quality: JOIN_QUALITY * (0.7 + (0.25 * query.length) / text.length), typos: 0 }
  }
  const budget = typoBudget(query.length)
  if (Math.abs(text.length - query.length) > budget) return null
  const match = matchWord(query, text, { minPrefix: Infinity, substrings: false })
  return match && { ...match, quality: match.quality * JOIN_QUALITY }
}

function joinedMatch(
  qFrom: number,
  qTo: number,
  wFrom: number,
  wTo: number,
  match: WordMatch,
  key: Words,
): Matched {
  const text = key.words.slice(wFrom, wTo + 1).join(' ')
  return {
    queryFrom: qFrom,
    queryTo: qTo,
    wordFrom: wFrom,
    wordTo: wTo,
    kind: 'joined',
    quality: match.quality,
    text,
  }
}

/**
 * The best matches that share no query word and no key word: the surest first (an exact word before a
 * guess spanning two), then the heavier.
 */
function choose(query: QueryWords, found: Matched[]): Matched[] {
  const weights = found.map((match) => spanWeight(query, match))
  const order = found.map((_, i) => i)
  order.sort((a, b) => found[b]!.quality - found[a]!.quality || weights[b]! - weights[a]!)
  const chosen: Matched[] = []
  let queryMask = 0
  let keyMask = 0
  for (const i of order) {
    const match = found[i]!
    const q = span(match.queryFrom, match.queryTo)
    const w = span(match.wordFrom, match.wordTo)
    if (queryMask & q || keyMask & w) continue
    queryMask |= q
    keyMask |= w
    chosen.push(match)
  }
  return chosen
}

function spanWeight(query: QueryWords, match: Matched): number {
  let total = 0
  for (let t = match.queryFrom; t <= match.queryTo; t++) total += query.weights[t]!
  return total
}

function coverExtras(extras: readonly string[], words: readonly string[], mask: number): number {
  let covered = mask
  for (const extra of extras) {
    const i = words.findIndex((word, index) => word === extra && !(covered & (1 << index)))
    if (i >= 0) covered |= 1 << i
  }
  return covered
}

/** The share of neighbouring matches (given in query order) also in title order; 1 for a single match. */
function inOrder(matches: readonly Matched[]): number {
  if (matches.length < 2) return 1
  let ordered = 0
  for (let i = 1; i < matches.length; i++) if (matches[i]!.wordFrom > matches[i - 1]!.wordFrom) ordered++
  return ordered / (matches.length - 1)
}

/** Whether a match says something: a word of 4+ letters, a number, or a Hangul, Han or kana word; not "the" or "in". */
function isSignificant(query: QueryWords, match: Matched): boolean {
  for (let t = match.queryFrom; t <= match.queryTo; t++) {
    const term = query.words[t]!
    if (term.length >= MIN_SIGNIFICANT || NUMBER.test(term) || WIDE_SCRIPT.test(term)) return true
  }
  return false
}

/** Runs of 2 or 3 neighbouring words joined; never a number with a word, which fold() always separates. */
function joinsOf(words: readonly string[]): Joined[] {
  const joins: Joined[] = []
  for (let from = 0; from < words.length; from++) {
    let text = words[from]!
    const numeric = NUMBER.test(text)
    for (let to = from + 1; to < Math.min(words.length, from + MAX_JOIN); to++) {
      if (NUMBER.test(words[to]!) !== numeric) break
      text += words[to]!
      joins.push({ from, to, text })
    }
  }
  return joins
}

function span(from: number, to: number): number {
  return ((1 << (to - from + 1)) - 1) << from
}

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0)
}
