import { describe, expect, it } from 'vitest'
import { importedSlug, isImportedSlug, isSlug, slugify } from './slug.ts'

describe('slugify', () => {
  it.each([
    ['Miracle in Cell No. 7', 'miracle-in-cell-no-7'],
    ["  Ocean's Eleven (2001)  ", 'ocean-s-eleven-2001'],
    ['--A--b--', 'a-b'],
    ['Aras Bulut İynemli', 'aras-bulut-iynemli'],
    ['7. Koğuştaki Mucize', '7-kogustaki-mucize'],
    ['Ødegaard Łódź Straße', 'odegaard-lodz-strasse'],
    ['Renée ZELLWEGER', 'renee-zellweger'],
    ['7번방의 선물', '7'],
    ['宮崎駿', ''],
  ])('%s → %s', (text, slug) => {
    expect(slugify(text)).toBe(slug)
    if (slug !== '') expect(isSlug(slug)).toBe(true)
  })
})

describe('importedSlug', () => {
  it('leads with the id, then the name romanized', () => {
    expect(importedSlug('tt0068646', ['The Godfather', '1972'])).toBe('tt0068646-the-godfather-1972')
    expect(importedSlug('Q51472', ['Rouben Mamoulian'])).toBe('q51472-rouben-mamoulian')
    expect(importedSlug('nm0594503', ['宮崎駿'])).toBe('nm0594503-gongqijun')
    expect(importedSlug('tt0000001', ['', '1894'])).toBe('tt0000001-1894')
    expect(importedSlug('tt0000002', ['!?'])).toBe('tt0000002')
  })

  it('is told from a curated slug or another id', () => {
    expect(isImportedSlug('tt0068646-the-godfather-1972', 'tt0068646')).toBe(true)
    expect(isImportedSlug('tt0000002', 'tt0000002')).toBe(true)
    expect(isImportedSlug('q51472-rouben-mamoulian', 'Q51472')).toBe(true)
    expect(isImportedSlug('tt00686460-other', 'tt0068646')).toBe(false)
    expect(isImportedSlug('the-godfather-1972', 'tt0068646')).toBe(false)
  })
})
