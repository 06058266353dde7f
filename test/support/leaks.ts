import { createHash } from 'node:crypto'

// Finding a secret (an email) in text that may carry it in any of the encodings a web app uses:
// as is, in any case, percent-encoded, form-encoded, as HTML entities, JSON escapes, base64 at any
// alignment, or as the hashes sites derive from an email (sha256, md5 as Gravatar does).

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  commat: '@',
  period: '.',
  plus: '+',
  hyphen: '-',
  dash: '-',
  lowbar: '_',
  num: '#',
  percnt: '%',
  nbsp: ' ',
}

/** Decodes decimal, hex and named HTML character references (as a browser would, for these). */
export function decodeHtmlEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);?/gi, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10)
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole
    }
    return NAMED_ENTITIES[ref.toLowerCase()] ?? whole
  })
}

/** Decodes every %XX byte sequence that is valid UTF-8, leaving the rest as it is. */
export function decodePercent(text: string): string {
  return text.replace(/(%[0-9a-f]{2})+/gi, (run) => {
    try {
      return decodeURIComponent(run)
    } catch {
      return run
    }
  })
}

/** Decodes JSON and JavaScript string escapes (\u0040, \x40, \/). */
export function decodeJsonEscapes(text: string): string {
  return text
    .replace(/\\u([0-9a-f]{4})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
    .replace(/\\x([0-9a-f]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
    .replace(/\\\//g, '/')
}

/** The views of a text in which an encoded secret becomes plain: each decoder, and the pairs of them. */
export const VIEWS: Record<string, (text: string) => string> = {
  raw: (t) => t,
  html: decodeHtmlEntities,
  percent: decodePercent,
  json: decodeJsonEscapes,
  'percent∘html': (t) => decodePercent(decodeHtmlEntities(t)),
  'html∘percent': (t) => decodeHtmlEntities(decodePercent(t)),
  'json∘html': (t) => decodeJsonEscapes(decodeHtmlEntities(t)),
  'html∘json': (t) => decodeHtmlEntities(decodeJsonEscapes(t)),
  'percent∘json': (t) => decodePercent(decodeJsonEscapes(t)),
}

/** The part of base64(prefix + secret) that does not depend on what surrounds the secret, for each alignment. */
function base64Cores(secret: string, alphabet: 'base64' | 'base64url'): string[] {
  const cores: string[] = []
  for (let shift = 0; shift < 3; shift++) {
    const encoded = Buffer.from('\0'.repeat(shift) + secret, 'utf8')
      .toString(alphabet)
      .replace(/=+$/, '')
    // Drop the groups that hold bytes of the prefix and the possibly partial last group.
    const start = shift === 0 ? 0 : 4
    const end = encoded.length - (encoded.length % 4 === 0 ? 4 : encoded.length % 4)
    if (end - start >= 8) cores.push(encoded.slice(start, end))
  }
  return cores
}

export interface Needle {
  /** What is looked for, e.g. `base64 of canary…@example.com`. */
  encoding: string
  /** The text to look for, and whether case matters (base64 and hashes as written). */
  text: string
  caseSensitive: boolean
}

/**
 * Everything that betrays `email`: its plain forms (found in every decoded view, in any case) and its
 * encodings that no decoder undoes (base64, base64url, hashes). `local` is its local part alone.
 */
export function needlesFor(email: string): Needle[] {
  const normalized = email.trim().toLowerCase()
  const local = email.slice(0, email.lastIndexOf('@'))
  const needles: Needle[] = []
  const plain = (encoding: string, text: string) => needles.push({ encoding, text, caseSensitive: false })
  const exact = (encoding: string, text: string) => needles.push({ encoding, text, caseSensitive: true })
  plain(`plain ${email}`, email)
  plain(`local part ${local}`, local)
  // Written out too, so that a raw-view hit names its encoding (the decoded views catch them anyway).
  plain(`encodeURIComponent ${email}`, encodeURIComponent(email))
  plain(`form-encoded ${email}`, new URLSearchParams({ e: email }).toString().slice(2))
  plain(`&#64; ${email}`, email.replaceAll('@', '&#64;'))
  plain(`&#x40; ${email}`, email.replaceAll('@', '&#x40;'))
  plain(`&commat;&period; ${email}`, email.replaceAll('@', '&commat;').replaceAll('.', '&period;'))
  plain(`\\u0040 ${email}`, email.replaceAll('@', '\\u0040'))
  for (const value of new Set([email, normalized, local])) {
    for (const alphabet of ['base64', 'base64url'] as const)
      for (const core of base64Cores(value, alphabet)) exact(`${alphabet} of ${value}`, core)
  }
  for (const value of new Set([email, normalized])) {
    const sha = createHash('sha256').update(value).digest()
    plain(`sha256 hex (contributor key) of ${value}`, sha.toString('hex'))
    exact(`sha256 base64url of ${value}`, sha.toString('base64url').slice(0, 40))
    exact(`sha256 base64 of ${value}`, sha.toString('base64').slice(0, 40))
    plain(`md5 hex (Gravatar) of ${value}`, createHash('md5').update(value).digest('hex'))
  }
  return needles
}

export interface Hit {
  where: string
  encoding: string
  view: string
  excerpt: string
}

/** Where `text` holds a needle, in any view; one hit per needle and view. */
export function findLeaks(text: string, needles: readonly Needle[], where: string): Hit[] {
  const hits: Hit[] = []
  for (const [view, decode] of Object.entries(VIEWS)) {
    const decoded = decode(text)
    const lower = decoded.toLowerCase()
    for (const needle of needles) {
      if (needle.caseSensitive && view !== 'raw') continue
      const at = needle.caseSensitive
        ? decoded.indexOf(needle.text)
        : lower.indexOf(needle.text.toLowerCase())
      if (at < 0) continue
      hits.push({
        where,
        encoding: needle.encoding,
        view,
        excerpt: decoded.slice(Math.max(0, at - 60), at + needle.text.length + 60),
      })
    }
  }
  return hits
}

/** How many (needle, view) pairs a scan tries. */
export function encodingsChecked(needles: readonly Needle[]): number {
  const views = Object.keys(VIEWS).length
  return needles.reduce((n, needle) => n + (needle.caseSensitive ? 1 : views), 0)
}
