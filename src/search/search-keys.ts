import anyAscii from 'any-ascii'
import { fold, tokenize } from './fold.ts'

const ASCII = /^[^\u0080-\uffff]*$/

/**
 * Every normalized form under which a name should be found: its fold (in its own script) and the fold
 * of its any-ascii romanization when different ("7번방의 선물" → "7 번방의 선물", "7 beonbangui seonmul").
 * Romanized syllables stay run together as any-ascii writes them; the matcher joins and splits words,
 * so "7 beonbang ui" still finds them. Deduplicated, never empty strings.
 */
export function searchKeys(name: string): string[] {
  const folded = fold(name)
  // any-ascii copies plain ASCII character by character: most names of millions are plain ASCII.
  const romanized = ASCII.test(name) ? folded : fold(anyAscii(name))
  return (romanized === folded ? [folded] : [folded, romanized]).filter((key) => key !== '')
}

/** The distinct words of a document's keys: what the word index and the dictionary hold for it. */
export function keyWords(keys: readonly string[]): string[] {
  // Most documents have one key: no array of arrays to flatten (an import's millions of them).
  return [...new Set(keys.length === 1 ? tokenize(keys[0]!) : keys.flatMap(tokenize))]
}
