/** How many typos a query word of this length may carry (Meilisearch's rule): none up to 4 letters, 1 up to 8, 2 beyond. */
export function typoBudget(length: number): number {
  return length <= 4 ? 0 : length <= 8 ? 1 : 2
}

/**
 * The Damerau–Levenshtein distance between a and b (optimal string alignment: insertions, deletions,
 * substitutions and transpositions of neighbours), or max + 1 as soon as it must exceed max.
 */
export function boundedDistance(a: string, b: string, max: number): number {
  if (a === b) return 0
  const n = a.length
  const m = b.length
  if (Math.abs(n - m) > max) return max + 1
  if (n === 0 || m === 0) return Math.max(n, m)
  let before = new Int32Array(m + 1)
  let previous = new Int32Array(m + 1)
  let current = new Int32Array(m + 1)
  for (let j = 0; j <= m; j++) previous[j] = j
  for (let i = 1; i <= n; i++) {
    const ai = a.charCodeAt(i - 1)
    current[0] = i
    let rowMin = i
    for (let j = 1; j <= m; j++) {
      const bj = b.charCodeAt(j - 1)
      let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (ai === bj ? 0 : 1))
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === bj) {
        value = Math.min(value, before[j - 2]! + 1)
      }
      current[j] = value
      if (value < rowMin) rowMin = value
    }
    if (rowMin > max) return max + 1
    ;[before, previous, current] = [previous, current, before]
  }
  return Math.min(previous[m]!, max + 1)
}
