// Word boundaries that know letters outside ASCII. In a JavaScript regular expression `\b` sits between
// an ASCII word character ([A-Za-z0-9_]) and anything else, even with the u flag: "no está\b" never
// matches "no está basada" (á is no word character to it) and "\btürk\b" matches inside "Türkçe".
// `words()` rewrites every `\b` of a pattern into a boundary between letters, marks or digits (any
// script) and the rest, and adds the u flag, so that patterns can keep being written with `\b`.

const WORD_CHAR = String.raw`[\p{L}\p{M}\p{N}_]`
/** A Unicode-aware `\b`, for patterns built by hand. */
export const BOUNDARY = `(?:(?<=${WORD_CHAR})(?!${WORD_CHAR})|(?<!${WORD_CHAR})(?=${WORD_CHAR}))`

/** The pattern's source with every `\b` outside a character class made Unicode-aware. */
function unicodeBoundaries(source: string): string {
  let out = ''
  let inClass = false
  for (let i = 0; i < source.length; i += 1) {
    const c = source[i]!
    if (c === '\\') {
      const next = source[i + 1] ?? ''
      out += !inClass && next === 'b' ? BOUNDARY : c + next
      i += 1
      continue
    }
    if (c === '[') inClass = true
    else if (c === ']') inClass = false
    out += c
  }
  return out
}

/** A regular expression whose `\b` are Unicode-aware (and with the u flag). */
export function words(pattern: RegExp | string, flags?: string): RegExp {
  const source = typeof pattern === 'string' ? pattern : pattern.source
  const given = flags ?? (typeof pattern === 'string' ? '' : pattern.flags)
  return new RegExp(unicodeBoundaries(source), given.includes('u') ? given : `${given}u`)
}
