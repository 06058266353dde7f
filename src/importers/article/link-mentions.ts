import type { KnownEntity, NamedEntity } from '../../domain/index.ts'
import { fold } from '../../search/index.ts'

/** A span of the article's text that names known entities (several when a title is shared). */
export interface Mention {
  start: number
  end: number
  text: string
  entities: KnownEntity[]
}

/** Finds the known entities an article names: given by the caller, so that extraction stays pure. */
export type MentionLinker = (text: string) => Mention[]

interface Token {
  word: string
  start: number
  end: number
}

const WORD = /[\p{L}\p{N}\p{M}'’ʼ]+/gu

/** The folded words of a text with the offsets of the original words they come from. */
export function tokenizeWithOffsets(text: string): Token[] {
  const tokens: Token[] = []
  for (const match of text.matchAll(WORD)) {
    // Possessives are not part of a name: "Memo's" names Memo.
    const raw = match[0].replace(/['’ʼ]s$/u, '')
    for (const word of fold(raw).split(' ')) {
      if (word !== '') tokens.push({ word, start: match.index, end: match.index + raw.length })
    }
  }
  return tokens
}

/**
 * A linker over a list of names (a gazetteer): matches every name's folded words at word boundaries,
 * longest first, so that "7. Koğuştaki Mucize" is found as "7. Kogustaki Mucize" and İynemli as Iynemli.
 */
export function createGazetteerLinker(named: readonly NamedEntity[]): MentionLinker {
  const byFirstWord = new Map<string, Array<{ words: string[]; entity: KnownEntity }>>()
  for (const { entity, names } of named) {
    for (const name of names) {
      // Read as the article's words are read, possessives and all: "A Dog's Tale" is found in "A Dog's Tale".
      const words = tokenizeWithOffsets(name).map((t) => t.word)
      // One short common word ("the", "7") is no name.
      if (words.length === 0 || (words.length === 1 && words[0]!.length < 3)) continue
      const list = byFirstWord.get(words[0]!) ?? []
      list.push({ words, entity })
      byFirstWord.set(words[0]!, list)
    }
  }
  for (const list of byFirstWord.values()) list.sort((a, b) => b.words.length - a.words.length)

  return (text) => {
    const tokens = tokenizeWithOffsets(text)
    const mentions: Mention[] = []
    let i = 0
    while (i < tokens.length) {
      const candidates = byFirstWord.get(tokens[i]!.word) ?? []
      let matched: { length: number; entities: KnownEntity[] } | null = null
      for (const { words, entity } of candidates) {
        if (matched && words.length < matched.length) break
        if (words.every((word, k) => tokens[i + k]?.word === word)) {
          if (!matched) matched = { length: words.length, entities: [] }
          if (!matched.entities.some((e) => e.kind === entity.kind && e.slug === entity.slug)) {
            matched.entities.push(entity)
          }
        }
      }
      if (!matched) {
        i += 1
        continue
      }
      const first = tokens[i]!
      const last = tokens[i + matched.length - 1]!
      mentions.push({
        start: first.start,
        end: last.end,
        text: text.slice(first.start, last.end),
        entities: matched.entities,
      })
      i += matched.length
    }
    return mentions
  }
}
