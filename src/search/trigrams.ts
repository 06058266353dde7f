/**
 * The trigrams of a folded text, padded as PostgreSQL's pg_trgm pads them: each word gets two spaces
 * before it and one after ("cell" → "  c", " ce", "cel", "ell", "ll "), so that beginnings of words
 * weigh more than their ends. Counted in code points (Hangul syllables are one each). Deduplicated,
 * in order of first appearance.
 */
export function trigrams(folded: string): string[] {
  const found = new Set<string>()
  for (const word of folded.split(' ')) {
    if (word === '') continue
    const chars = Array.from(`  ${word} `)
    for (let i = 0; i + 3 <= chars.length; i++) found.add(chars[i]! + chars[i + 1]! + chars[i + 2]!)
  }
  return [...found]
}
