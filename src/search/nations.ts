import { fold, tokenize } from './fold.ts'

export interface PlaceMeaning {
  kind: 'place'
  /** The nation the word belongs to; truncated words must point at one nation only. */
  nation: string
  countries: string[]
  languages: string[]
}

export interface PlaceWord {
  words: string[]
  meaning: PlaceMeaning
}

interface Nation {
  country: string
  /** The languages its nationality word implies; empty where a country speaks many (India) or shares one (Mexico). */
  languages: string[]
  /** Nationality words (country and languages): "turkish", "türk", "turco". */
  people: string
  /** Country names (country only): "turkey", "türkiye", "turki". */
  land: string
  /** Language names (languages only), by language code. */
  tongues?: Record<string, string[]>
  /** Film industries (country and one language): "bollywood". */
  industries?: Record<string, string[]>
}

// Written as typed (they are folded on load), in English and the languages fans search in: Turkish,
// Indonesian, Tagalog, Spanish, French, Italian, German, and a few in their own script.
const NATIONS: Nation[] = [
  {
    country: 'TR',
    languages: ['tr'],
    people: 'turkish, türk, turk, turkisch, turco, turca, turc, turque, турецкий',
    land: 'turkey, türkiye, turkiye, turki, turquía, turquie, türkei, turchia, 터키, 튀르키예, トルコ, 土耳其',
    tongues: { tr: ['türkçe'] },
  },
  {
    country: 'KR',
    languages: ['ko'],
    people:
      'korean, south korean, coreano, coreana, coréen, coréenne, koreanisch, koreli, корейский, k drama, kdrama',
    land: 'korea, south korea, kore, güney kore, corea, corée, korea selatan, 한국, 대한민국, 韓国, 韩国',
    tongues: { ko: ['korece', '한국어'] },
  },
  { country: 'KP', languages: ['ko'], people: 'north korean', land: 'north korea, kuzey kore, korea utara' },
  {
    country: 'JP',
    languages: ['ja'],
    people: 'japanese, japonés, japonesa, japonais, japanisch, giapponese, japon, japonyalı',
    land: 'japan, jepang, japonya, japón, giappone, nihon, nippon, 日本',
    tongues: { ja: ['japonca', '日本語'] },
  },
  {
    country: 'CN',
    languages: ['zh'],
    people: 'chinese, chino, chinois, chinesisch, cinese, çinli, tionghoa',
    land: 'china, cina, tiongkok, chine, zhongguo, 中国, 中國',
    tongues: { zh: ['mandarin', 'çince', '中文'] },
  },
  {
    country: 'HK',
    languages: [],
    people: '',
    land: 'hong kong, hongkong',
    tongues: { yue: ['cantonese'] },
  },
  { country: 'TW', languages: [], people: 'taiwanese', land: 'taiwan' },
  {
    country: 'PH',
    languages: ['fil', 'tl'],
    people: 'filipino, filipina, pinoy, pinay, pilipino, philippine',
    land: 'philippines, filipinas, pilipinas, filipinler, filipin',
    tongues: { fil: ['tagalog'] },
  },
  {
    country: 'ID',
    languages: ['id'],
    people: 'indonesian, indonesio, indonésien, indonesisch, endonezyalı',
    land: 'indonesia, endonezya, indonésie, indonesien',
    tongues: { id: ['bahasa indonesia'] },
  },
  {
    country: 'IN',
    languages: [],
    people: 'indian, indio, indiano, indisch, hintli',
    land: 'india, hindistan, inde',
    tongues: {
      hi: ['hindi', 'hintçe'],
      ta: ['tamil'],
      te: ['telugu'],
      ml: ['malayalam'],
      kn: ['kannada'],
      bn: ['bengali', 'bangla'],
      mr: ['marathi'],
    },
    industries: { hi: ['bollywood'], ta: ['kollywood'], te: ['tollywood'], ml: ['mollywood'] },
  },
  { country: 'LK', languages: [], people: 'sri lankan', land: 'sri lanka', tongues: { si: ['sinhala'] } },
  {
    country: 'ES',
    languages: ['es'],
    people: 'spanish, español, española, espagnol, spanisch, spagnolo, ispanyol, spanyol',
    land: 'spain, españa, espagne, spanien, spagna, ispanya',
    tongues: { es: ['castellano', 'castilian', 'ispanyolca'] },
  },
  {
    country: 'MX',
    languages: [],
    people: 'mexican, mexicano, mexicana, mexicain, mexikanisch, messicano, meksikalı',
    land: 'mexico, méxico, meksika, meksiko, mexique, mexiko, messico',
  },
  {
    country: 'AR',
    languages: [],
    people: 'argentine, argentinian, argentino, argentinien',
    land: 'argentina, arjantin',
  },
  { country: 'CO', languages: [], people: 'colombian, colombiano, colombiana', land: 'colombia, kolombiya' },
  { country: 'CL', languages: [], people: 'chilean, chileno, chilena', land: 'chile, şili' },
  { country: 'PE', languages: [], people: 'peruvian, peruano, peruana', land: 'peru, perú' },
  {
    country: 'BR',
    languages: ['pt'],
    people: 'brazilian, brasileiro, brasileira, brésilien, brasilianisch, brezilyalı',
    land: 'brazil, brasil, brésil, brezilya, brasilien',
  },
  {
    country: 'PT',
    languages: ['pt'],
    people: 'portugais, portugués, portoghese',
    land: 'portugal, portekiz',
    tongues: { pt: ['portuguese', 'portekizce', 'português'] },
  },
  {
    country: 'FR',
    languages: ['fr'],
    people: 'french, français, française, francés, francesa, francese, französisch, fransız, perancis',
    land: 'france, francia, frankreich, fransa, prancis',
    tongues: { fr: ['fransızca'] },
  },
  {
    country: 'IT',
    languages: ['it'],
    people: 'italian, italiano, italiana, italien, italienne, italienisch, italyan',
    land: 'italy, italia, italie, italya',
    tongues: { it: ['italyanca'] },
  },
  {
    country: 'DE',
    languages: ['de'],
    people: 'german, alemán, alemana, allemand, allemande, deutsch, deutsche, deutscher, tedesco, alman',
    land: 'germany, alemania, allemagne, deutschland, germania, almanya, jerman',
    tongues: { de: ['almanca'] },
  },
  {
    country: 'GB',
    languages: [],
    people: 'british, británico, britannique, ingiliz, inggris',
    land: 'uk, united kingdom, britain, great britain, england, ingiltere, angleterre, inglaterra',
    tongues: { en: ['english', 'inglés', 'anglais', 'englisch', 'inglese', 'ingilizce'] },
  },
  {
    country: 'US',
    languages: [],
    people: 'american, americano, americana, américain, amerikanisch, amerikan, hollywood',
    land: 'usa, united states, america, amerika, états unis, estados unidos, abd, 미국',
  },
  { country: 'CA', languages: [], people: 'canadian', land: 'canada, kanada' },
  { country: 'AU', languages: [], people: 'australian', land: 'australia, avustralya' },
  {
    country: 'RU',
    languages: ['ru'],
    people: 'russian, ruso, rusa, russe, russisch, russo, rus',
    land: 'russia, rusia, russie, russland, rusya, россия',
    tongues: { ru: ['rusça', 'русский'] },
  },
  {
    country: 'GR',
    languages: ['el'],
    people: 'greek, griego, grec, grecque, griechisch, greco, yunan',
    land: 'greece, grecia, grèce, griechenland, yunanistan',
  },
  {
    country: 'HU',
    languages: ['hu'],
    people: 'hungarian, húngaro, hongrois, ungarisch, ungherese, macar',
    land: 'hungary, hungría, hongrie, ungarn, ungheria, macaristan',
  },
  {
    country: 'PL',
    languages: ['pl'],
    people: 'polish, polaco, polonais, polnisch, polacco, polonyalı',
    land: 'poland, polonia, pologne, polen, polonya',
  },
  {
    country: 'SE',
    languages: ['sv'],
    people: 'swedish, sueco, suédois, schwedisch, svedese, isveç',
    land: 'sweden, suecia, suède, schweden, svezia',
  },
  { country: 'DK', languages: ['da'], people: 'danish', land: 'denmark' },
  { country: 'NO', languages: ['no', 'nb'], people: 'norwegian', land: 'norway' },
  { country: 'FI', languages: ['fi'], people: 'finnish', land: 'finland' },
  { country: 'NL', languages: ['nl'], people: 'dutch', land: 'netherlands, holland' },
  { country: 'TH', languages: ['th'], people: 'thai', land: 'thailand, tayland' },
  { country: 'VN', languages: ['vi'], people: 'vietnamese', land: 'vietnam, viet nam' },
  { country: 'MY', languages: [], people: 'malaysian', land: 'malaysia', tongues: { ms: ['malay'] } },
  { country: 'IR', languages: ['fa'], people: 'iranian, persian', land: 'iran' },
  { country: 'EG', languages: [], people: 'egyptian', land: 'egypt, mısır', tongues: { ar: ['arabic'] } },
  { country: 'LB', languages: [], people: 'lebanese', land: 'lebanon' },
  { country: 'IL', languages: [], people: 'israeli', land: 'israel', tongues: { he: ['hebrew'] } },
  { country: 'NG', languages: [], people: 'nigerian, nollywood', land: 'nigeria' },
]

/** Country, nationality and language words, folded, with the ISO codes they stand for. */
export const PLACE_WORDS: readonly PlaceWord[] = NATIONS.flatMap((nation) => [
  ...list(nation.people).map((words) => place(nation, words, [nation.country], nation.languages)),
  ...list(nation.land).map((words) => place(nation, words, [nation.country], [])),
  ...Object.entries(nation.tongues ?? {}).flatMap(([code, names]) =>
    names.map((name) => place(nation, tokenize(fold(name)), [], [code])),
  ),
  ...Object.entries(nation.industries ?? {}).flatMap(([code, names]) =>
    names.map((name) => place(nation, tokenize(fold(name)), [nation.country], [code])),
  ),
])

function list(words: string): string[][] {
  return words
    .split(',')
    .map((phrase) => tokenize(fold(phrase)))
    .filter((phrase) => phrase.length > 0)
}

function place(nation: Nation, words: string[], countries: string[], languages: string[]): PlaceWord {
  return { words, meaning: { kind: 'place', nation: nation.country, countries, languages } }
}
