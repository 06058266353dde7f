import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { fold, tokenize } from './fold.ts'

describe('fold', () => {
  it.each([
    ['7. Koğuştaki Mucize', '7 kogustaki mucize'],
    ['İYNEMLİ', 'iynemli'],
    ['İynemli', 'iynemli'],
    ['Aras Bulut İynemli', 'aras bulut iynemli'],
    ['ISPARTA ılık', 'isparta ilik'],
    ['Perfetti sconosciuti', 'perfetti sconosciuti'],
    ['Låt den rätte komma in', 'lat den ratte komma in'],
    ['Tiệc trăng máu', 'tiec trang mau'],
    ['BÚÉK', 'buek'],
    ['Straße', 'strasse'],
    ['Søren Kierkegaård', 'soren kierkegaard'],
    ['ΤΈΛΕΙΟΙ ΞΈΝΟΙ', 'τελειοι ξενοι'],
    ['Громкая связь', 'громкая связь'],
    ['(Nie)znajomi', 'nie znajomi'],
    ['Hachi: A Dog’s Tale', 'hachi a dogs tale'],
    ['  Miracle   in\tCell  ', 'miracle in cell'],
    ['ﬁlm ①', 'film 1'],
    // Words that name an object's inherited properties are words like any other.
    ['The Constructor', 'the constructor'],
    ['Ñandú constructor 7th', 'nandu constructor 7'],
    ['__proto__ toString', 'proto tostring'],
  ])('%s → %s', (text, folded) => {
    expect(fold(text)).toBe(folded)
  })

  it('folds plain ASCII, by its shorter way, as it folds it among other scripts', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom(..."aZ7 '`.-_sevnthS1st2ND\t"), maxLength: 30 }),
        (text) => {
          // " é" sends the text the general way and adds the word "e".
          expect(fold(text)).toBe(fold(`${text} é`).replace(/ ?e$/, ''))
        },
      ),
      { numRuns: 2000 },
    )
    expect(fold("Schindler's List 7th No.7 SEVEN")).toBe('schindlers list 7 no 7 7')
  })

  it('keeps Hangul as composed syllables', () => {
    const folded = fold('7번방의 선물')
    expect(folded).toBe('7 번방의 선물')
    expect(folded).toBe(folded.normalize('NFC'))
    expect([...folded]).toHaveLength(8)
  })

  it('keeps Japanese voicing marks and Indic vowel signs, which are not diacritics', () => {
    expect(fold('ガラスの仮面')).toBe('ガラスの仮面')
    expect(fold('दृश्यम')).toBe('दृश्यम')
  })

  it('reads “No. 7”, “no 7”, “No.7”, “nº 7” and “№ 7” alike', () => {
    for (const text of ['No. 7', 'no 7', 'No.7', 'NO 7', '№ 7']) expect(fold(text)).toBe('no 7')
  })

  it('writes English number words and ordinals as digits, and separates numbers from words', () => {
    expect(fold('Seven Samurai')).toBe('7 samurai')
    expect(fold('The Magnificent Seven')).toBe('the magnificent 7')
    expect(fold('the seventh cell')).toBe(fold('the 7th cell'))
    expect(fold('Miracle on 34th Street')).toBe('miracle on 34 street')
    expect(fold('7beonbangui')).toBe('7 beonbangui')
    expect(fold('cell7')).toBe('cell 7')
  })

  it('folds to nothing when there are no letters or digits', () => {
    expect(fold(' — !? ')).toBe('')
  })

  it('is idempotent', () => {
    const interesting = fc.constantFrom(
      'İ',
      'ı',
      'I',
      'ß',
      'ẞ',
      'Σ',
      'ς',
      '\u0301',
      '\u0307',
      '번',
      '방',
      'ᄀ',
      'が',
      '7',
      'th',
      ' ',
      '.',
      'seven',
    )
    const text = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 20 }),
      fc.array(interesting, { maxLength: 12 }).map((parts) => parts.join('')),
    )
    fc.assert(fc.property(text, (value) => fold(fold(value)) === fold(value)))
  })

  it('folds as NFKC, lower case, NFD, marks stripped and NFC do, one after the other', () => {
    // The definition, step by step, for text without numbers; fold() takes shortcuts to the same words.
    const byDefinition = (text: string) =>
      text
        .normalize('NFKC')
        .replace(/İ/g, 'i')
        .toLowerCase()
        .normalize('NFD')
        .replace(
          // eslint-disable-next-line no-misleading-character-class -- lone combining marks, as in fold.ts
          /[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f\u0591-\u05bd\u05bf\u05c1\u05c2\u05c4\u05c5\u05c7\u064b-\u065f\u0670]/g,
          '',
        )
        .normalize('NFC')
        .replace(
          /[ıøæœßđðłþς]/g,
          (letter) =>
            ({ ı: 'i', ø: 'o', æ: 'ae', œ: 'oe', ß: 'ss', đ: 'd', ð: 'd', ł: 'l', þ: 'th', ς: 'σ' })[letter]!,
        )
        .replace(/['’‘ʼʻ`´]/g, '')
        .replace(/[^\p{L}\p{N}\p{M}]+/gu, ' ')
        .trim()
    const unit = fc.constantFrom(
      ..."İıIiß ẞΣςσ\u0301\u0307\u0308\u05b0\u064eé번방가が゙ﬁ№ÅøæŁþ’'`´-.Ñdृ".split(''),
      'दृ',
      'e\u0301',
    )
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 12 }), (units) => {
        const text = units.join('')
        expect(fold(text)).toBe(byDefinition(text))
      }),
      { numRuns: 3000 },
    )
  })

  it('never leaves upper case, punctuation, repeated or outer spaces', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 30 }), (value) => {
        const folded = fold(value)
        expect(folded).not.toMatch(/^ | $| {2}/)
        expect(folded).not.toMatch(/[A-Z.,;:!?'"()-]/)
      }),
    )
  })
})

describe('tokenize', () => {
  it('splits a folded text into its words', () => {
    expect(tokenize('7 kogustaki mucize')).toEqual(['7', 'kogustaki', 'mucize'])
    expect(tokenize('')).toEqual([])
  })
})
