const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/

/** Latin letters that Unicode decomposition does not reduce to ASCII, spelled in ASCII. */
export const ASCII_LETTERS: Readonly<Record<string, string>> = {
  ı: 'i',
  ø: 'o',
  æ: 'ae',
  œ: 'oe',
  ß: 'ss',
  đ: 'd',
  ð: 'd',
  ł: 'l',
  þ: 'th',
}

export function isSlug(value: string): boolean {
  return SLUG.test(value)
}

/** Lowercase ASCII words joined by '-': "Aras Bulut İynemli" → "aras-bulut-iynemli". */
export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[ıøæœßđðłþ]/g, (letter) => ASCII_LETTERS[letter] ?? letter)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
}
