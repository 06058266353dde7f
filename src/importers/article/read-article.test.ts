import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { readArticle } from './read-article.ts'

const PAGE = readFileSync(
  join(import.meta.dirname, '../../../test/fixtures/articles/fresherslive.html'),
  'utf8',
)

describe('readArticle', () => {
  it('reads the metadata of a news page: title, author, publisher, published, updated and language', () => {
    const article = readArticle(PAGE)
    expect(article).toMatchObject({
      title: 'Is Miracle in Cell no 7 a true story? Ending Explained and Plot',
      author: 'Aishwarya R',
      publisher: 'Fresherslive',
      published: '2023-04-10',
      updated: '2023-04-10',
      language: 'en',
    })
  })

  it('keeps the main text and leaves out the navigation, ads, related links and footer', () => {
    const { text } = readArticle(PAGE)
    expect(text).toContain('it is not based on a true story')
    expect(text).toContain('8.2/10 on IMDb')
    for (const noise of [
      'Latest Jobs',
      'Advertisement',
      'Related Articles',
      'Is The Whale a True Story',
      'All Rights Reserved',
    ])
      expect(text, noise).not.toContain(noise)
  })

  it('reads "Updated Apr 10, 2023" from a plain text byline', () => {
    const article = readArticle('A title\n\nby Aishwarya R | Updated Apr 10, 2023\n\nSome text about a film.')
    expect(article.updated).toBe('2023-04-10')
  })

  it('detects Turkish and Spanish text', () => {
    expect(
      readArticle(
        '7. Koğuştaki Mucize, Aras Bulut İynemli ve Nisa Sofiya Aksongur’un başrollerini paylaştığı 2019 yapımı bir Türk dram filmidir. Film, Güney Kore yapımı filmin yeniden çevrimidir ve gişede büyük başarı elde etmiştir.',
      ).language,
    ).toBe('tr')
    expect(
      readArticle(
        'Milagro en la celda 7 es una película turca de 2019 dirigida por Mehmet Ada Öztekin. La película es una nueva versión de la película surcoreana y se estrenó en Netflix con mucho éxito en todo el mundo.',
      ).language,
    ).toBe('es')
  })
})
