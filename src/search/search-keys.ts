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
  // any-ascii copies plain ASCII character by character: most names of millions are plain ASCII.
  const romanized = ASCII.test(name) ? name : anyAscii(name)
  const keys = (romanized === name ? [fold(name)] : [fold(name), fold(romanized)]).filter((key) => key !== '')
  return [...new Set(keys)]
}

/** The distinct words of a document's keys: what the word index and the dictionary hold for it. */
export function keyWords(keys: readonly string[]): string[] {
  return [...new Set(keys.flatMap(tokenize))]
}
