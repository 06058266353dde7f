import anyAscii from 'any-ascii'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { fold } from './fold.ts'
import { searchKeys } from './search-keys.ts'

describe('searchKeys', () => {
  it('finds a Hangul title in its script and romanized', () => {
    const keys = searchKeys('7번방의 선물')
    expect(keys[0]).toBe('7 번방의 선물')
    expect(keys.some((key) => key.includes('beonbang'))).toBe(true)
    expect(keys).toHaveLength(2)
  })

  it('romanizes Cyrillic, Greek and kana', () => {
    expect(searchKeys('Громкая связь')).toEqual(['громкая связь', 'gromkaya svyaz'])
    expect(searchKeys('Τέλειοι Ξένοι')).toEqual(['τελειοι ξενοι', 'teleioi xenoi'])
    expect(searchKeys('リング')).toEqual(['リング', 'ringu'])
  })

  it('gives one key to a Latin title, accented or not', () => {
    expect(searchKeys('7. Koğuştaki Mucize')).toEqual(['7 kogustaki mucize'])
    expect(searchKeys('Låt den rätte komma in')).toEqual(['lat den ratte komma in'])
    expect(searchKeys('Aras Bulut İynemli')).toEqual(['aras bulut iynemli'])
  })

  it('romanizes nothing in plain ASCII, which it therefore does not hand to any-ascii', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary-ascii', maxLength: 40 }), (name) => anyAscii(name) === name),
    )
  })

  it('gives no empty key', () => {
    expect(searchKeys('…')).toEqual([])
  })

  it('gives keys that are already folded', () => {
    for (const name of ['7번방의 선물', 'Громкая связь', 'Perfetti sconosciuti', '無間道']) {
      for (const key of searchKeys(name)) expect(fold(key)).toBe(key)
    }
  })
})
