import { words } from './unicode.ts'
import countries from 'i18n-iso-countries'
import { iso6393 } from 'iso-639-3'

// Words that name countries, languages, raters and platforms in articles, for the claim extractor.

const COUNTRY_NAMES = new Intl.DisplayNames(['en'], { type: 'region' })

/** Country names in English as Intl spells them ("Argentina", "South Korea", "Türkiye"), lower-cased → alpha-2. */
const COUNTRY_BY_NAME = new Map<string, string>(
  Object.keys(countries.getAlpha2Codes()).flatMap((code) => {
    const name = COUNTRY_NAMES.of(code)
    return name && name !== code ? [[name.toLowerCase(), code] as const] : []
  }),
)

// Demonyms and the other names articles use for the countries where stories are retold (English,
// Turkish, Indonesian, Spanish): Intl has names of countries, not adjectives.
const DEMONYMS: Record<string, string> = {
  turkish: 'TR',
  turkey: 'TR',
  türk: 'TR',
  turki: 'TR',
  turca: 'TR',
  turco: 'TR',
  turquía: 'TR',
  türkiye: 'TR',
  korean: 'KR',
  'south korean': 'KR',
  'south korea': 'KR',
  korea: 'KR',
  'korea selatan': 'KR',
  kore: 'KR',
  'güney kore': 'KR',
  coreana: 'KR',
  coreano: 'KR',
  'corea del sur': 'KR',
  filipino: 'PH',
  philippine: 'PH',
  philippines: 'PH',
  'the philippines': 'PH',
  filipina: 'PH',
  pinoy: 'PH',
  indonesian: 'ID',
  indonesia: 'ID',
  indonesio: 'ID',
  indian: 'IN',
  india: 'IN',
  hindi: 'IN',
  kannada: 'IN',
  spanish: 'ES',
  spain: 'ES',
  españa: 'ES',
  española: 'ES',
  español: 'ES',
  spanyol: 'ES',
  mexican: 'MX',
  mexicana: 'MX',
  mexicano: 'MX',
  méxico: 'MX',
  mexico: 'MX',
  american: 'US',
  'united states': 'US',
  japanese: 'JP',
  japan: 'JP',
  chinese: 'CN',
  italian: 'IT',
  french: 'FR',
  german: 'DE',
  argentine: 'AR',
  british: 'GB',
  canadian: 'CA',
  dutch: 'NL',
  israeli: 'IL',
  'hong kong': 'HK',
  argentinian: 'AR',
  argentina: 'AR',
  brazilian: 'BR',
  'costa rica': 'CR',
  // Spanish names and adjectives of countries.
  'estados unidos': 'US',
  estadounidense: 'US',
  francia: 'FR',
  francés: 'FR',
  francesa: 'FR',
  franceses: 'FR',
  francesas: 'FR',
  argentino: 'AR',
  argentinos: 'AR',
  argentinas: 'AR',
  italia: 'IT',
  italiana: 'IT',
  italiano: 'IT',
  alemania: 'DE',
  alemana: 'DE',
  alemán: 'DE',
  // Languages of India, which articles use as one would a nationality ("the Kannada remake").
  telugu: 'IN',
  tamil: 'IN',
  malayalam: 'IN',
}

// Words among the above that name a language rather than a people: "the Kannada remake" says its
// language, not its country (a nationality adjective, "the Korean remake", says its country).
const LANGUAGE_NOT_NATIONALITY = new Set([
  'hindi',
  'kannada',
  'telugu',
  'tamil',
  'malayalam',
  'bengali',
  'marathi',
])

const LANGUAGE_NAMES = new Intl.DisplayNames(['en'], { type: 'language' })
const SPANISH_COUNTRY_NAMES = new Intl.DisplayNames(['es'], { type: 'region' })
const CODES = Object.keys(countries.getAlpha2Codes())

function commonPrefix(a: string, b: string): number {
  let i = 0
  while (i < a.length && i < b.length && a[i] === b[i]) i += 1
  return i
}

/**
 * The country a one-word language name is the adjective of ("Swedish" → SE, "Korean" → KR, "Danish" → DK):
 * the country whose name shares its first six letters or more ("Portuguese", "Portugal"), else the
 * language's main region (CLDR likely subtags) when its name begins with the same letter. None for a
 * language that names no people ("Arabic", "Hindi", "English").
 */
function countryOfLanguageName(adjective: string, code: string): string | null {
  const best = new Map<string, number>()
  for (const [name, country] of COUNTRY_BY_NAME)
    for (const word of name.split(' '))
      best.set(country, Math.max(best.get(country) ?? 0, commonPrefix(word, adjective)))
  const longest = Math.max(...best.values())
  const region = new Intl.Locale(code).maximize().region ?? null
  const closest = [...best].filter(([, n]) => n === longest && n >= 6).map(([c]) => c)
  if (region && closest.includes(region)) return region
  if (closest.length === 1) return closest[0]!
  if (closest.length > 1 || !region) return null
  const regionName = COUNTRY_NAMES.of(region)?.toLowerCase() ?? ''
  return regionName.split(' ').some((word) => word[0] === adjective[0]) ? region : null
}

/** English adjectives of a country's name by its regular endings: Korea → Korean, Italy → Italian, Mexico → Mexican, Japan → Japanese. */
function englishAdjectives(name: string): string[] {
  if (/ia$|a$/.test(name)) return [`${name}n`]
  if (/y$/.test(name)) return [name.replace(/y$/, 'ian')]
  if (/o$/.test(name)) return [name.replace(/o$/, 'an')]
  if (/an$/.test(name)) return [`${name}ese`]
  if (/il$/.test(name)) return [`${name}ian`]
  return []
}

/** Spanish adjectives of a country's Spanish name by its regular endings: India → indio, Italia → italiano, Corea → coreano, Japón → japonés. */
function spanishAdjectives(name: string): string[] {
  if (/ia$/.test(name)) return [name.replace(/a$/, 'o'), name.replace(/a$/, 'ano')]
  if (/a$/.test(name)) return [name.replace(/a$/, 'ano')]
  if (/[óá]n$/.test(name)) return [name.replace(/ó(n)$|á(n)$/, (_m, o) => (o ? 'onés' : 'anés'))]
  return []
}

/** A Spanish adjective with its feminine and plural forms: indio → india, indios, indias; japonés → japonesa, japoneses, japonesas. */
function spanishForms(adjective: string): string[] {
  if (/o$/.test(adjective)) return ['o', 'a', 'os', 'as'].map((e) => adjective.replace(/o$/, e))
  if (/[éá]s$/.test(adjective)) {
    const stem = adjective.replace(/és$/, 'es').replace(/ás$/, 'as')
    return [adjective, `${stem}a`, `${stem}es`, `${stem}as`]
  }
  if (/[áó]n$/.test(adjective)) {
    const stem = adjective.replace(/án$/, 'an').replace(/ón$/, 'on')
    return [adjective, `${stem}a`, `${stem}es`, `${stem}as`]
  }
  if (/e$/.test(adjective)) return [adjective, `${adjective}s`]
  if (/l$/.test(adjective)) return [adjective, `${adjective}a`, `${adjective}es`, `${adjective}as`]
  return [adjective]
}

// Adjectives and names derived for every country (the hand-written list above wins where both speak):
// English adjectives from country names and from language names, Spanish country names and their
// adjectives, in every gender and number.
const SPANISH_BY_HAND = [
  'turco',
  'coreano',
  'mexicano',
  'indonesio',
  'italiano',
  'argentino',
  'francés',
  'alemán',
  'estadounidense',
  'español',
]
const DERIVED = new Map<string, string>()
// Derived words that are also common names elsewhere ("Indiana Jones").
const NOT_DERIVED = new Set(['indiana', 'indiano', 'indianos', 'indianas'])
const derive = (word: string, country: string) => {
  const key = word.toLowerCase()
  if (NOT_DERIVED.has(key)) return
  if (!(key in DEMONYMS) && !COUNTRY_BY_NAME.has(key) && !DERIVED.has(key)) DERIVED.set(key, country)
}
for (const code of CODES) {
  const english = COUNTRY_NAMES.of(code)
  if (english && english !== code)
    for (const adjective of englishAdjectives(english.toLowerCase())) derive(adjective, code)
  const spanish = SPANISH_COUNTRY_NAMES.of(code)
  if (spanish && spanish !== code) {
    derive(spanish, code)
    for (const adjective of spanishAdjectives(spanish.toLowerCase()))
      for (const form of spanishForms(adjective)) derive(form, code)
  }
}
for (const adjective of SPANISH_BY_HAND)
  for (const form of spanishForms(adjective)) derive(form, countryOf(adjective)!)
for (const language of iso6393) {
  if (!language.iso6391 || language.type !== 'living') continue
  const name = LANGUAGE_NAMES.of(language.iso6391)?.toLowerCase()
  if (!name || /\s/.test(name) || LANGUAGE_NOT_NATIONALITY.has(name)) continue
  const country = countryOfLanguageName(name, language.iso6391)
  if (country) derive(name, country)
}

// Abbreviations, read in capitals only ("US cinemas", "in the UK", "EE. UU."): "us" is a pronoun.
const ABBREVIATIONS: Record<string, string> = { US: 'US', USA: 'US', UK: 'GB', EEUU: 'US' }
const ABBREVIATION_WORDS = String.raw`(?-i:U\.?S\.?A|U\.?S|U\.?K|EE\.\s?UU|EEUU)`

/** Whether a word is a nationality or a country (country claim) rather than a language's name. */
export function isNationality(word: string): boolean {
  return countryOf(word) !== null && !LANGUAGE_NOT_NATIONALITY.has(word.trim().toLowerCase())
}

/** The country a word or name stands for (a demonym, a country's name or its abbreviation), or null. */
export function countryOf(word: string): string | null {
  const key = word.trim().toLowerCase()
  return (
    own(DEMONYMS, key) ??
    COUNTRY_BY_NAME.get(key) ??
    DERIVED.get(key) ??
    own(ABBREVIATIONS, word.replace(/[\s.]/g, '')) ??
    null
  )
}

// Not `record[key]`: a word like "constructor" would find Object.prototype's function.
function own(record: Readonly<Record<string, string>>, key: string): string | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined
}

/** A regular-expression alternative matching every demonym and country name, longest first, and the abbreviations in capitals. */
export const COUNTRY_WORDS = [
  ...[...new Set([...Object.keys(DEMONYMS), ...COUNTRY_BY_NAME.keys(), ...DERIVED.keys()])]
    .sort((a, b) => b.length - a.length)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')),
  ABBREVIATION_WORDS,
].join('|')

const LANGUAGE_BY_NAME = new Map<string, string>(
  iso6393.flatMap((l) =>
    l.iso6391 && l.type === 'living' ? [[l.name.toLowerCase(), l.iso6391] as const] : [],
  ),
)

/** The ISO 639-1 code of a language named in English ("Turkish" → tr), or null. */
export function languageOf(name: string): string | null {
  return LANGUAGE_BY_NAME.get(name.trim().toLowerCase()) ?? null
}

/** Who publishes ratings, as claims name them in the `by` qualifier. */
export const RATERS: ReadonlyArray<readonly [RegExp, string]> = [
  [words(/\bIMDb\b/i), 'IMDb'],
  [
    words(
      /\bRotten Tomatoes\b.*\baudience\b|\baudience (score )?(on|at) Rotten Tomatoes\b|\baudience score\b.*\bRotten Tomatoes\b/i,
    ),
    'Rotten Tomatoes audience',
  ],
  [words(/\bRotten Tomatoes\b|\bTomatometer\b/i), 'Rotten Tomatoes'],
  [words(/\bMetacritic\b/i), 'Metacritic'],
  [words(/\bLetterboxd\b/i), 'Letterboxd'],
  [words(/\bTMDB\b|\bThe Movie Database\b/i), 'TMDB'],
  [words(/\bFilmAffinity\b/i), 'FilmAffinity'],
  [words(/\bDouban\b/i), 'Douban'],
  [words(/\bNaver\b/i), 'Naver'],
  [words(/\bMyDramaList\b/i), 'MyDramaList'],
  [words(/\bBeyazperde\b/i), 'Beyazperde'],
]

/** Streaming platforms, as `available_on` values. */
export const PLATFORMS: ReadonlyArray<readonly [RegExp, string]> = [
  [words(/\bNetflix\b/i), 'Netflix'],
  [words(/\b(Amazon )?Prime Video\b/i), 'Prime Video'],
  [words(/\bDisney\s?\+|\bDisney Plus\b/i), 'Disney+'],
  [words(/\bHBO Max\b/i), 'HBO Max'],
  [words(/\bApple TV\s?\+/i), 'Apple TV+'],
  [words(/\bHulu\b/i), 'Hulu'],
  [words(/\bViki\b/i), 'Viki'],
  [words(/\biQIYI\b/i), 'iQIYI'],
  [words(/\bViu\b/), 'Viu'],
  [words(/\bVidio\b/), 'Vidio'],
  [words(/\bMubi\b/i), 'Mubi'],
  [words(/\bGoogle Play( Movies)?\b/i), 'Google Play Movies'],
  [words(/\bBluTV\b/i), 'BluTV'],
]

/** Currencies by their sign or name. */
export const CURRENCIES: ReadonlyArray<readonly [RegExp, string]> = [
  // Dollars of other countries first, by their prefixed sign or their name: "HK$55 million" is not US dollars.
  [words(/HK\$|\bHKD\b|\bHong Kong dollars?\b|\bd[óo]lar(?:es)? de Hong Kong\b/i), 'HKD'],
  [words(/NT\$|\bTWD\b|\bTaiwan(?:ese)? dollars?\b/i), 'TWD'],
  [words(/\b(?:A|AU)\$|\bAUD\b|\bAustralian dollars?\b|\bd[óo]lar(?:es)? australianos?\b/i), 'AUD'],
  [words(/\b(?:C|CA)\$|\bCAD\b|\bCanadian dollars?\b|\bd[óo]lar(?:es)? canadienses?\b/i), 'CAD'],
  [words(/\bS\$|\bSGD\b|\bSingapore dollars?\b/i), 'SGD'],
  [words(/\bR\$|\bBRL\b|\breais\b|\breales\b/i), 'BRL'],
  [words(/\bMXN\b|\bMex\$|\bpesos? mexicanos?\b/i), 'MXN'],
  [words(/US\$|\$|\bUSD\b|\bdollars?\b|\bd[óo]lar(?:es)?\b/i), 'USD'],
  [words(/€|\bEUR\b|\beuros?\b/i), 'EUR'],
  [words(/£|\bGBP\b|\bpounds?\b/i), 'GBP'],
  [words(/₺|\bTL\b|\bTRY\b|\blira\b|\bliras\b/i), 'TRY'],
  [words(/₩|\bKRW\b|\bwon\b/i), 'KRW'],
  [words(/\bRp\.?|\bIDR\b|\brupiah\b/i), 'IDR'],
  [words(/₱|\bPHP\b|\bpesos?\b/i), 'PHP'],
  [words(/₹|\bINR\b|\brupees?\b/i), 'INR'],
  [words(/CN¥|\bCNY\b|\bRMB\b|\byuan\b|\brenminbi\b/i), 'CNY'],
  // After CN¥: a yen sign alone is Japanese yen.
  [words(/JP¥|¥|￥|\bJPY\b|\byen\b|\byenes\b/i), 'JPY'],
  [words(/\bCHF\b|\bSwiss francs?\b|\bfrancos? suizos?\b/i), 'CHF'],
]
