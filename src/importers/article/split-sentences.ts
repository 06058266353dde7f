import { words } from './unicode.ts'
import { split } from 'sentence-splitter'

export interface Sentence {
  text: string
  /** Offsets in the article's text: text === article.slice(start, end). */
  start: number
  end: number
}

// Titles such as "Miracle in Cell No. 7" carry an abbreviation the splitter may end a sentence on.
// So does a person's initial ("directed by P. Vasu"): one capital letter after a space or an opening.
const ENDS_IN_ABBREVIATION = words(/\b(?:No|Nr|Vol|Mr|Mrs|Ms|Dr|St|Jr|Sr|vs)\.$/i)
const ENDS_IN_INITIAL = /(?:^|[\s(])\p{Lu}\.$/u

/**
 * Splits a text into sentences with their offsets: paragraphs (blank lines) first, then sentences
 * inside each paragraph (sentence-splitter); single line breaks, which web copies put inside
 * sentences, do not end one.
 */
export function splitSentences(text: string): Sentence[] {
  const sentences: Sentence[] = []
  for (const paragraph of text.matchAll(/[^\n]+(?:\n(?!\s*\n)[^\n]*)*/g)) {
    const base = paragraph.index
    let pending: Sentence | null = null
    for (const node of split(paragraph[0])) {
      if (node.type !== 'Sentence') continue
      const [from, to] = node.range
      const start = base + from
      const end = base + to
      if (pending) {
        pending = { text: text.slice(pending.start, end), start: pending.start, end }
      } else {
        pending = { text: text.slice(start, end), start, end }
      }
      const tail = pending.text.trimEnd()
      if (!ENDS_IN_ABBREVIATION.test(tail) && !ENDS_IN_INITIAL.test(tail)) {
        sentences.push(trim(pending))
        pending = null
      }
    }
    if (pending) sentences.push(trim(pending))
  }
  return sentences.filter((s) => s.text !== '')
}

function trim(sentence: Sentence): Sentence {
  const lead = sentence.text.length - sentence.text.trimStart().length
  const text = sentence.text.trim()
  return { text, start: sentence.start + lead, end: sentence.start + lead + text.length }
}
