import { boundedDistance, typoBudget } from './edit-distance.ts'
import { NUMBER, WIDE_SCRIPT } from './fold.ts'

// Of a long run of words with the same beginning, how many are sorted by length for the shortest.
const COMPLETIONS_SCANNED = 2000

/** A dictionary word near a query word, and how far: 0 typos for an exact or prefix match. */
export interface NearWord {
  word: string
  typos: number
  /** The query word is a (possibly misspelt) beginning of this longer word. */
  prefix: boolean
}

export interface NearOptions {
  /** Typos allowed; typoBudget(length) by default. */
  budget?: number
  /** The shortest query word that may match the beginning of a longer word; Infinity for none. */
  minPrefix: number
  /** At most this many words (the nearest, then the shortest). */
  limit: number
}

/**
 * Every word of the search index, sorted, in memory: the words a query word may stand for (typos,
 * beginnings, words inside junk, words run together) are found here in microseconds, then only those
 * words are looked up in the database. Words are only ever added; a word whose documents are gone
 * simply finds nothing.
 */
export class Dictionary {
  #sorted: string[] = []
  #known = new Set<string>()
  #wide: string[] = []

  get size(): number {
    return this.#sorted.length
  }

  has(word: string): boolean {
    return this.#known.has(word)
  }

  add(words: Iterable<string>): void {
    const fresh = [...new Set(words)].filter((word) => word !== '' && !this.#known.has(word))
    if (fresh.length === 0) return
    for (const word of fresh) {
      this.#known.add(word)
      if (WIDE_SCRIPT.test(word)) this.#wide.push(word)
    }
    fresh.sort(compare)
    this.#sorted = merge(this.#sorted, fresh)
  }

  /**
   * Words within the typo budget of `query` (Damerau–Levenshtein, a neighbour swap counts one), and
   * words that `query`, give or take those typos, begins. As in Meilisearch, a typo on the first
   * letter counts two: people rarely get it wrong, and the walk (of the sorted words as a trie, leaving
   * a branch as soon as no word in it can be near enough) then stays in one or two branches.
   */
  near(query: string, options: NearOptions): NearWord[] {
    const budget = options.budget ?? (NUMBER.test(query) ? 0 : typoBudget(query.length))
    const words = this.#sorted
    const length = query.length
    const found: NearWord[] = []
    const prefixes: Array<{ from: number; to: number; typos: number }> = []
    // rows[d]: edit distances between the query's first j letters and the current d-letter prefix.
    const rows: Int32Array[] = [Int32Array.from({ length: length + 1 }, (_, j) => j)]
    const walk = (from: number, to: number, depth: number) => {
      const row = rows[depth]!
      let at = from
      if (words[at]!.length === depth) {
        if (row[length]! <= budget) found.push({ word: words[at]!, typos: row[length]!, prefix: false })
        at++
      }
      // Beyond the query's length, a branch whose prefix is near the query is all beginnings of words.
      if (depth >= length && depth >= options.minPrefix && row[length]! <= budget && at < to) {
        prefixes.push({ from: at, to, typos: row[length]! })
        return
      }
      const above = depth > 0 ? rows[depth - 1]! : null
      const next = (rows[depth + 1] ??= new Int32Array(length + 1))
      while (at < to) {
        const code = words[at]!.charCodeAt(depth)
        const end = this.#groupEnd(at, to, depth, code)
        next[0] = row[0]! + 1
        let best = next[0]
        for (let j = 1; j <= length; j++) {
          const q = query.charCodeAt(j - 1)
          let value = Math.min(row[j]! + 1, next[j - 1]! + 1, row[j - 1]! + (q === code ? 0 : 1))
          if (above && j > 1 && q === words[at]!.charCodeAt(depth - 1) && query.charCodeAt(j - 2) === code) {
            value = Math.min(value, above[j - 2]! + 1)
          }
          next[j] = value
          if (value < best) best = value
        }
        if (best <= budget) walk(at, end, depth + 1)
        at = end
      }
    }
    // From the root, only the branches of the query's first letter and, for a swap of the first two
    // letters, of its second.
    const firsts = new Set([query.charCodeAt(0), ...(budget > 0 && length > 1 ? [query.charCodeAt(1)] : [])])
    for (const code of firsts) {
      const from = this.#lowerBound(String.fromCharCode(code))
      if (from >= words.length || words[from]!.charCodeAt(0) !== code) continue
      const row = (rows[1] ??= new Int32Array(length + 1))
      // A word that does not start with the query's first letter pays one typo more (a swap of the
      // first two letters is found without it, from the row above, one letter further down).
      const penalty = code === query.charCodeAt(0) ? 0 : 1
      row[0] = 1 + penalty
      for (let j = 1; j <= length; j++) {
        const q = query.charCodeAt(j - 1)
        row[j] = Math.min(j + 1, row[j - 1]! + 1, j - 1 + (q === code ? 0 : 1)) + penalty
      }
      walk(from, this.#groupEnd(from, words.length, 0, code), 1)
    }
    found.sort((a, b) => a.typos - b.typos || a.word.length - b.word.length)
    const result = found.slice(0, options.limit)
    prefixes.sort((a, b) => a.typos - b.typos)
    for (const range of prefixes) {
      if (result.length >= options.limit) break
      // The shortest words of the range: the likeliest completions of what is being typed.
      const completions = words.slice(range.from, Math.min(range.to, range.from + COMPLETIONS_SCANNED))
      completions.sort((a, b) => a.length - b.length || compare(a, b))
      for (const word of completions.slice(0, options.limit - result.length)) {
        // As near the query as a whole word ("samuri" → "samurai") as by its beginning: a whole word.
        const typos = boundedDistance(query, word, budget)
        result.push(
          typos <= range.typos ? { word, typos, prefix: false } : { word, typos: range.typos, prefix: true },
        )
      }
    }
    return result
  }

  /** Words of at least `minLength` letters found inside `text` ("pselmzhmiraclese" → "miracle", "miracles"?). */
  inside(text: string, minLength: number): string[] {
    const found = new Set<string>()
    for (let from = 0; from + minLength <= text.length; from++) {
      for (let to = from + minLength; to <= text.length; to++) {
        const part = text.slice(from, to)
        if (part !== text && this.#known.has(part)) found.add(part)
      }
    }
    return [...found]
  }

  /** Words in a script written without spaces (Chinese, Japanese, Korean) that contain `text`. */
  containing(text: string, limit: number): string[] {
    const found: string[] = []
    for (const word of this.#wide) {
      if (word !== text && word.includes(text)) {
        found.push(word)
        if (found.length >= limit) break
      }
    }
    return found
  }

  /** The index of the first word not below `text`. */
  #lowerBound(text: string): number {
    let low = 0
    let high = this.#sorted.length
    while (low < high) {
      const middle = (low + high) >>> 1
      if (this.#sorted[middle]! < text) low = middle + 1
      else high = middle
    }
    return low
  }

  /** The end of the run of words in [from, to) whose character at `depth` is `code`. */
  #groupEnd(from: number, to: number, depth: number, code: number): number {
    let low = from + 1
    let high = to
    while (low < high) {
      const middle = (low + high) >>> 1
      if (this.#sorted[middle]!.charCodeAt(depth) === code) low = middle + 1
      else high = middle
    }
    return low
  }
}

// Code unit order, so that a trie walk by charCodeAt agrees with the sort.
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

function merge(a: readonly string[], b: readonly string[]): string[] {
  const out: string[] = new Array<string>(a.length + b.length)
  let i = 0
  let j = 0
  let k = 0
  while (i < a.length && j < b.length) out[k++] = compare(a[i]!, b[j]!) <= 0 ? a[i++]! : b[j++]!
  while (i < a.length) out[k++] = a[i++]!
  while (j < b.length) out[k++] = b[j++]!
  return out
}
