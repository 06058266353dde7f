import anyAscii from 'any-ascii'
import type { Dictionary, NearWord } from './dictionary.ts'
import { fold, NUMBER, tokenize, WIDE_SCRIPT } from './fold.ts'
import type { ParsedQuery } from './parse-query.ts'

/** A dictionary word a query word may stand for, and how sure that is (1 for the word itself). */
export interface Expansion {
  word: string
  quality: number
  /** The word itself or within its typo budget, rather than a completion or a word inside it. */
  whole: boolean
}

/** What to look up for a query, and other ways to read its terms that the dictionary suggests. */
export interface LookupPlan {
  units: LookupUnit[]
  /** The terms with a run-together term cut into dictionary words ("sevensamurai" → "7 samurai"), for the ranker. */
  readings: string[][]
}

/** One thing the query says (a word, two words run together, half of a run-together word) and the index words that may say it. */
export interface LookupUnit {
  text: string
  expansions: Expansion[]
}

// Per query word: enough of the nearest words and completions to find a rare completion among
// common ones ("martin scor" → "scorsese"); pruneUnits() then keeps the few worth looking up.
const NEAR_LIMIT = 40
// Digits typed for the letters they look like.
const LEET: Record<string, string> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't' }
const INSIDE_LIMIT = 6
// Junk around a word is only trusted for long query words and words that do not turn up by chance
// (the same lengths as the ranker's "within" match).
const MIN_JUNKED_QUERY = 8
const MIN_INSIDE_WORD = 5
const MIN_JOINED = 5
// Only long terms are cut, into pieces of three letters on average: shorter ones are typos.
const MIN_SEGMENTED = 8
const MIN_PIECE = 2
const MIN_AVERAGE_PIECE = 3

/**
 * What to look up for a query: for each term (or, for a query of qualifiers only, each word: a film
 * may be called "Korea" or "1917"), and for its romanization when it is in another script, the
 * dictionary words it may stand for: itself, words within its typo budget, words it begins (from 3
 * letters, 2 for the word being typed), words inside it when it is long ("pselmzhmiraclese" →
 * "miracle"), words that contain it in scripts written without spaces; then neighbouring terms run
 * together ("beonbang ui" → "beonbangui") and a term cut in two ("kogustakimucize").
 */
export function planLookup(query: ParsedQuery, dictionary: Dictionary): LookupPlan {
  const tokens = tokenize(fold(query.raw))
  const terms = query.terms.length > 0 ? query.terms : tokens
  const typing = terms.length > 0 && !/\s$/.test(query.raw) && tokens.at(-1) === terms.at(-1)
  const units: LookupUnit[] = []
  const readings: string[][] = []
  const add = (text: string, expansions: Expansion[]) => {
    if (expansions.length > 0 && !units.some((unit) => unit.text === text)) units.push({ text, expansions })
  }
  const forms = [terms]
  const text = terms.join(' ')
  if (/[^ -~]/.test(text)) {
    const romanized = tokenize(fold(anyAscii(text)))
    if (romanized.length > 0 && romanized.join(' ') !== text) forms.push(romanized)
  }
  for (const words of forms) {
    words.forEach((term, at) => {
      const last = typing && at === words.length - 1
      add(term, expand(term, dictionary, last))
      const pieces = segment(term, dictionary)
      if (pieces) {
        for (const piece of pieces) add(piece, [{ word: piece, quality: 0.95, whole: true }])
        readings.push([...words.slice(0, at), ...pieces, ...words.slice(at + 1)])
      }
      const next = words[at + 1]
      const leet = LEET[term]
      const before = words[at - 1]
      // A digit typed for a letter inside a word ("dr1shyam" folds to "dr 1 shyam"): read it whole.
      if (leet && before && next && !NUMBER.test(before) && !NUMBER.test(next)) {
        const word = before + leet + next
        if (dictionary.has(word)) {
          add(word, [{ word, quality: 0.8, whole: true }])
          readings.push([...words.slice(0, at - 1), word, ...words.slice(at + 2)])
        }
      }
      if (next === undefined || NUMBER.test(term) !== NUMBER.test(next)) return
      const joined = term + next
      if (joined.length < MIN_JOINED) return
      add(
        joined,
        dictionary
          .near(joined, { minPrefix: Infinity, limit: NEAR_LIMIT })
          .map((near) => ({ word: near.word, quality: 0.95 * qualityOf(joined, near), whole: true })),
      )
    })
  }
  return { units, readings }
}

/**
 * A run-together term cut into the fewest dictionary words of two letters or more, number words
 * folded as the index folds them ("sevensamurai" → "7", "samurai"); null when the term is a word
 * itself, is short, or cannot be cut.
 */
function segment(term: string, dictionary: Dictionary): string[] | null {
  if (term.length < MIN_SEGMENTED || dictionary.has(term) || NUMBER.test(term)) return null
  // best[i]: the fewest words that spell term[0, i), and where the last one starts.
  const best: Array<{ count: number; from: number } | null> = [{ count: 0, from: 0 }]
  for (let to = MIN_PIECE; to <= term.length; to++) {
    best[to] = null
    for (let from = 0; from + MIN_PIECE <= to; from++) {
      const before = best[from]
      const current = best[to]
      if (!before || (current && current.count <= before.count + 1)) continue
      if (dictionary.has(fold(term.slice(from, to)))) best[to] = { count: before.count + 1, from }
    }
  }
  const count = best[term.length]?.count ?? 0
  if (count < 2 || term.length < count * MIN_AVERAGE_PIECE) return null
  const pieces: string[] = []
  for (let to = term.length; to > 0; to = best[to]!.from) pieces.unshift(fold(term.slice(best[to]!.from, to)))
  return pieces
}

function expand(term: string, dictionary: Dictionary, typing: boolean): Expansion[] {
  const number = NUMBER.test(term)
  const minPrefix = typing ? 2 : number ? Infinity : 3
  const found = new Map<string, Expansion>()
  const keep = (word: string, quality: number, whole: boolean) => {
    const known = found.get(word)
    if (!known || known.quality < quality) found.set(word, { word, quality, whole })
  }
  for (const near of dictionary.near(term, {
    minPrefix,
    limit: NEAR_LIMIT,
    ...(number ? { budget: 0 } : {}),
  })) {
    keep(near.word, qualityOf(term, near), !near.prefix)
  }
  if (term.length >= MIN_JUNKED_QUERY) {
    const inside = dictionary.inside(term, MIN_INSIDE_WORD)
    inside.sort((a, b) => b.length - a.length)
    for (const word of inside.slice(0, INSIDE_LIMIT))
      keep(word, 0.45 + (0.35 * word.length) / term.length, false)
  }
  if (WIDE_SCRIPT.test(term)) {
    for (const word of dictionary.containing(term, NEAR_LIMIT)) {
      keep(word, 0.45 + (0.35 * term.length) / word.length, false)
    }
  }
  return [...found.values()]
}

// The same scale as the ranker's word matches (match-word.ts): typos cost 0.2 each, a beginning less
// the more of the word is left to type.
function qualityOf(term: string, near: NearWord): number {
  if (!near.prefix) return 1 - 0.2 * near.typos
  return 0.7 + (0.25 * Math.min(term.length, near.word.length)) / near.word.length - 0.15 * near.typos
}

/**
 * Expansions in no document are dropped. When the query word itself is in the index, only readings
 * more common than it stay beside it ("samuri" → "samurai", but "train" keeps no "trait"); what stays
 * of the word's typos is kept best first, and of its completions and the words inside it the
 * `perUnit / 2` rarest (a rare completion says much: "martin scor" → "scorsese") and the `perUnit / 2`
 * commonest (what is usually typed: "perfect strang" → "strangers"). A word in more than `tooCommon`
 * documents ("the") says too little to be looked up, unless the query says nothing else; the ranker
 * still reads it.
 */
export function pruneUnits(
  units: readonly LookupUnit[],
  frequency: ReadonlyMap<string, number>,
  options: { perUnit: number; tooCommon: number },
): LookupUnit[] {
  const documents = (e: Expansion) => frequency.get(e.word) ?? 0
  const pruned = units.flatMap((unit) => {
    const itself = frequency.get(unit.text) ?? 0
    const found = unit.expansions.filter(
      (e) => frequency.has(e.word) && (e.word === unit.text || documents(e) > itself),
    )
    const near = found.filter((e) => e.whole).sort((a, b) => b.quality - a.quality)
    const other = found.filter((e) => !e.whole).sort((a, b) => documents(a) - documents(b))
    const half = Math.ceil(options.perUnit / 2)
    const rare = other.slice(0, half)
    const common = other.slice(half).slice(-half)
    const expansions = [...near, ...rare, ...common]
    return expansions.length > 0 ? [{ text: unit.text, expansions }] : []
  })
  const telling = pruned.flatMap((unit) => {
    const expansions = unit.expansions.filter((e) => documents(e) <= options.tooCommon)
    return expansions.length > 0 ? [{ text: unit.text, expansions }] : []
  })
  return telling.length > 0 ? telling : pruned
}

// Inverse document frequency against a fixed corpus size rather than the index's own: only how words
// compare matters, and both backends then choose the same candidates.
const RARITY = 1_000_000

/**
 * The documents most worth ranking. Each unit counts once per document, as its best expansion found
 * there. A unit weighs as much as it is rare (inverse document frequency), and it is as rare as its
 * commonest reading: "departd" weighs what "departed" weighs, and neither a rare typo ("departe") nor
 * a rare completion of "the" ("thea") outweighs what the query most likely means. Within a unit, the
 * closer and the commoner reading wins. Best first; ties by id.
 */
export function pickCandidates(
  units: readonly LookupUnit[],
  frequency: ReadonlyMap<string, number>,
  postings: ReadonlyMap<string, readonly number[]>,
  limit: number,
): number[] {
  const scores = new Map<number, number>()
  for (const unit of units) {
    const commonest = Math.max(1, ...unit.expansions.map((e) => frequency.get(e.word) ?? 0))
    const rarity = Math.log(1 + RARITY / commonest)
    const best = new Map<number, number>()
    for (const expansion of unit.expansions) {
      const documents = postings.get(expansion.word)
      if (!documents) continue
      const share = (frequency.get(expansion.word) ?? 0) / commonest
      const weight = rarity * expansion.quality * (0.9 + 0.1 * share)
      for (const id of documents) if ((best.get(id) ?? 0) < weight) best.set(id, weight)
    }
    for (const [id, weight] of best) scores.set(id, (scores.get(id) ?? 0) + weight)
  }
  return [...scores]
    .sort((a, b) => b[1] - a[1] || a[0] - b[0])
    .slice(0, limit)
    .map(([id]) => id)
}
