import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { splitSentences } from './split-sentences.ts'

describe('splitSentences', () => {
  it('does not end a sentence on the abbreviation in "Miracle in Cell No. 7"', () => {
    const text = 'Miracle in Cell No. 7 is a 2013 film. It was remade in Turkey.'
    expect(splitSentences(text).map((s) => s.text)).toEqual([
      'Miracle in Cell No. 7 is a 2013 film.',
      'It was remade in Turkey.',
    ])
  })

  it('gives offsets that cut each sentence back out of the text', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.constantFrom(
            'Memo is a father.',
            'Is it true?',
            'No.',
            '\n\n',
            ' ',
            'Ova (Nisa) smiles!',
            'İynemli plays Memo.\n',
          ),
          {
            maxLength: 20,
          },
        ),
        (parts) => {
          const text = parts.join(' ')
          for (const sentence of splitSentences(text))
            expect(text.slice(sentence.start, sentence.end)).toBe(sentence.text)
        },
      ),
    )
  })
})
