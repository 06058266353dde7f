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

/** Whether a word is a nationality or a country (country claim) rather than a language's name. */
export function isNationality(word: string): boolean {
  return countryOf(word) !== null && !LANGUAGE_NOT_NATIONALITY.has(word.trim().toLowerCase())
}

/** The country a word or name stands for (a demonym or a country's name), or null. */
export function countryOf(word: string): string | null {
  const key = word.trim().toLowerCase()
  return DEMONYMS[key] ?? COUNTRY_BY_NAME.get(key) ?? null
}

/** A regular-expression alternative matching every demonym and country name, longest first. */
export const COUNTRY_WORDS = [...new Set([...Object.keys(DEMONYMS), ...COUNTRY_BY_NAME.keys()])]
  .sort((a, b) => b.length - a.length)
  .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
  .join('|')

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
  [/\bIMDb\b/i, 'IMDb'],
  [
    /\bRotten Tomatoes\b.*\baudience\b|\baudience (score )?(on|at) Rotten Tomatoes\b|\baudience score\b.*\bRotten Tomatoes\b/i,
    'Rotten Tomatoes audience',
  ],
  [/\bRotten Tomatoes\b|\bTomatometer\b/i, 'Rotten Tomatoes'],
  [/\bMetacritic\b/i, 'Metacritic'],
  [/\bLetterboxd\b/i, 'Letterboxd'],
  [/\bTMDB\b|\bThe Movie Database\b/i, 'TMDB'],
  [/\bFilmAffinity\b/i, 'FilmAffinity'],
  [/\bDouban\b/i, 'Douban'],
  [/\bNaver\b/i, 'Naver'],
  [/\bMyDramaList\b/i, 'MyDramaList'],
  [/\bBeyazperde\b/i, 'Beyazperde'],
]

/** Streaming platforms, as `available_on` values. */
export const PLATFORMS: ReadonlyArray<readonly [RegExp, string]> = [
  [/\bNetflix\b/i, 'Netflix'],
  [/\b(Amazon )?Prime Video\b/i, 'Prime Video'],
  [/\bDisney\s?\+|\bDisney Plus\b/i, 'Disney+'],
  [/\bHBO Max\b/i, 'HBO Max'],
  [/\bApple TV\s?\+/i, 'Apple TV+'],
  [/\bHulu\b/i, 'Hulu'],
  [/\bViki\b/i, 'Viki'],
  [/\biQIYI\b/i, 'iQIYI'],
  [/\bViu\b/, 'Viu'],
  [/\bVidio\b/, 'Vidio'],
  [/\bMubi\b/i, 'Mubi'],
  [/\bGoogle Play( Movies)?\b/i, 'Google Play Movies'],
  [/\bBluTV\b/i, 'BluTV'],
]

/** Currencies by their sign or name. */
export const CURRENCIES: ReadonlyArray<readonly [RegExp, string]> = [
  [/US\$|\$|\bUSD\b|\bdollars?\b|\bd[óo]lar(?:es)?\b/i, 'USD'],
  [/€|\bEUR\b|\beuros?\b/i, 'EUR'],
  [/£|\bGBP\b|\bpounds?\b/i, 'GBP'],
  [/₺|\bTL\b|\bTRY\b|\blira\b|\bliras\b/i, 'TRY'],
  [/₩|\bKRW\b|\bwon\b/i, 'KRW'],
  [/\bRp\.?|\bIDR\b|\brupiah\b/i, 'IDR'],
  [/₱|\bPHP\b|\bpesos?\b/i, 'PHP'],
  [/₹|\bINR\b|\brupees?\b/i, 'INR'],
  [/CN¥|\bCNY\b|\bRMB\b|\byuan\b|\brenminbi\b/i, 'CNY'],
]
