const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/

// Letters that Unicode decomposition does not reduce to ASCII.
const ASCII_LETTERS: Record<string, string> = {
  ı: 'i',
  ø: 'o',
  æ: 'ae',
  œ: 'oe',
  ß: 'ss',
  đ: 'd',
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
    .replace(/[ıøæœßđłþ]/g, (letter) => ASCII_LETTERS[letter] ?? letter)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
}
