import type { WikidataFilmKind } from './wikidata-film.ts'

// Wikidata items → standard codes, for the common ones only: each mapping here was checked against a
// second list (the item's P297, P218/P220 or P498 as other projects copied them). Any other QID is kept
// as a QID rather than guessed.

/**
 * The P31 (instance of) classes that make an item a film or a series. Wikidata has hundreds of
 * subclasses of film; these are the ones items use directly, by far the most often.
 */
export const FILM_CLASSES: Readonly<Record<string, WikidataFilmKind>> = {
  Q11424: 'movie', // film
  Q24869: 'movie', // feature film
  Q202866: 'movie', // animated film
  Q29168811: 'movie', // animated feature film
  Q20650540: 'movie', // anime film
  Q226730: 'movie', // silent film
  Q93204: 'movie', // documentary film
  Q24862: 'short', // short film
  Q17517379: 'short', // animated short film
  Q506240: 'tv-movie', // television film
  Q5398426: 'series', // television series
  Q1259759: 'series', // miniseries
  Q581714: 'series', // animated series
  Q117467246: 'series', // animated television series
  Q63952888: 'series', // anime television series
  Q21191270: 'episode', // television series episode
}

/** When an item has several classes (film and television film), the most specific kind wins. */
export const KIND_PRECEDENCE: readonly WikidataFilmKind[] = [
  'series',
  'episode',
  'tv-movie',
  'short',
  'movie',
]

/** Country items → ISO 3166-1 alpha-2. */
export const COUNTRY_CODES: Readonly<Record<string, string>> = {
  Q30: 'US',
  Q884: 'KR',
  Q423: 'KP',
  Q43: 'TR',
  Q928: 'PH',
  Q252: 'ID',
  Q668: 'IN',
  Q17: 'JP',
  Q148: 'CN',
  Q865: 'TW',
  Q8646: 'HK',
  Q14773: 'MO',
  Q142: 'FR',
  Q183: 'DE',
  Q29: 'ES',
  Q38: 'IT',
  Q145: 'GB',
  Q27: 'IE',
  Q159: 'RU',
  // The Soviet Union: SU is no longer assigned, but ISO keeps it reserved and film databases still use it.
  Q15180: 'SU',
  Q16: 'CA',
  Q96: 'MX',
  Q408: 'AU',
  Q664: 'NZ',
  Q34: 'SE',
  Q35: 'DK',
  Q20: 'NO',
  Q33: 'FI',
  Q189: 'IS',
  Q45: 'PT',
  Q55: 'NL',
  Q31: 'BE',
  Q32: 'LU',
  Q39: 'CH',
  Q40: 'AT',
  Q36: 'PL',
  Q213: 'CZ',
  Q214: 'SK',
  Q28: 'HU',
  Q218: 'RO',
  Q219: 'BG',
  Q41: 'GR',
  Q229: 'CY',
  Q233: 'MT',
  Q215: 'SI',
  Q224: 'HR',
  Q225: 'BA',
  Q403: 'RS',
  Q221: 'MK',
  Q222: 'AL',
  Q212: 'UA',
  Q184: 'BY',
  Q217: 'MD',
  Q191: 'EE',
  Q211: 'LV',
  Q37: 'LT',
  Q230: 'GE',
  Q399: 'AM',
  Q227: 'AZ',
  Q232: 'KZ',
  Q801: 'IL',
  Q794: 'IR',
  Q796: 'IQ',
  Q858: 'SY',
  Q822: 'LB',
  Q810: 'JO',
  Q851: 'SA',
  Q878: 'AE',
  Q817: 'KW',
  Q846: 'QA',
  Q889: 'AF',
  Q843: 'PK',
  Q902: 'BD',
  Q854: 'LK',
  Q837: 'NP',
  Q881: 'VN',
  Q869: 'TH',
  Q833: 'MY',
  Q334: 'SG',
  Q424: 'KH',
  Q819: 'LA',
  Q836: 'MM',
  Q711: 'MN',
  Q79: 'EG',
  Q1028: 'MA',
  Q262: 'DZ',
  Q948: 'TN',
  Q1016: 'LY',
  Q115: 'ET',
  Q114: 'KE',
  Q1036: 'UG',
  Q924: 'TZ',
  Q1033: 'NG',
  Q117: 'GH',
  Q1041: 'SN',
  Q1008: 'CI',
  Q1009: 'CM',
  Q974: 'CD',
  Q258: 'ZA',
  Q155: 'BR',
  Q414: 'AR',
  Q298: 'CL',
  Q739: 'CO',
  Q419: 'PE',
  Q717: 'VE',
  Q77: 'UY',
  Q733: 'PY',
  Q750: 'BO',
  Q736: 'EC',
  Q241: 'CU',
  Q786: 'DO',
  Q1183: 'PR',
  Q766: 'JM',
  Q800: 'CR',
  Q804: 'PA',
  Q774: 'GT',
  Q783: 'HN',
  Q792: 'SV',
  Q811: 'NI',
}

/**
 * Language items → ISO 639-1, or ISO 639-3 where 639-1 has no code of its own (Filipino `fil`,
 * Mandarin `cmn`, Cantonese `yue`; Wikidata keeps them apart from Chinese `zh` and Tagalog `tl`).
 */
export const LANGUAGE_CODES: Readonly<Record<string, string>> = {
  Q1860: 'en',
  Q9176: 'ko',
  Q256: 'tr',
  Q34057: 'tl',
  Q33298: 'fil',
  Q9240: 'id',
  Q9237: 'ms',
  Q33549: 'jv',
  Q34002: 'su',
  Q1568: 'hi',
  Q9610: 'bn',
  Q5885: 'ta',
  Q36236: 'ml',
  Q8097: 'te',
  Q33673: 'kn',
  Q1571: 'mr',
  Q5137: 'gu',
  Q5287: 'ja',
  Q7850: 'zh',
  Q9192: 'cmn',
  Q9186: 'yue',
  Q9199: 'vi',
  Q9217: 'th',
  Q150: 'fr',
  Q188: 'de',
  Q1321: 'es',
  Q652: 'it',
  Q5146: 'pt',
  Q7026: 'ca',
  Q7411: 'nl',
  Q9027: 'sv',
  Q9035: 'da',
  Q9043: 'no',
  Q1412: 'fi',
  Q294: 'is',
  Q9072: 'et',
  Q7737: 'ru',
  Q8798: 'uk',
  Q809: 'pl',
  Q9056: 'cs',
  Q9067: 'hu',
  Q7913: 'ro',
  Q7918: 'bg',
  Q6654: 'hr',
  Q9129: 'el',
  Q36510: 'el', // Modern Greek
  Q9288: 'he',
  Q13955: 'ar',
  Q9168: 'fa',
  Q14196: 'af',
  Q28244: 'am',
  Q7838: 'sw',
  Q56475: 'ha',
}

/** Currency items → ISO 4217. */
export const CURRENCY_CODES: Readonly<Record<string, string>> = {
  Q4917: 'USD',
  Q4916: 'EUR',
  Q25224: 'GBP',
  Q8146: 'JPY',
  Q202040: 'KRW',
  Q172872: 'TRY',
  Q80524: 'INR',
  Q17193: 'PHP',
  Q41588: 'IDR',
  Q39099: 'CNY',
  Q31015: 'HKD',
  Q208526: 'TWD',
  Q1104069: 'CAD',
  Q259502: 'AUD',
  Q1472704: 'NZD',
  Q25344: 'CHF',
  Q41044: 'RUB',
  Q173117: 'BRL',
  Q4730: 'MXN',
  Q122922: 'SEK',
  Q25417: 'DKK',
  Q132643: 'NOK',
  Q123213: 'PLN',
  Q190951: 'SGD',
  Q163712: 'MYR',
  Q177882: 'THB',
}

/** Time units of P2047 (duration) → seconds (whole numbers, so that 5400 s is exactly 90 minutes). */
export const SECONDS_PER_UNIT: Readonly<Record<string, number>> = {
  Q11574: 1, // second
  Q7727: 60, // minute
  Q25235: 3600, // hour
}
