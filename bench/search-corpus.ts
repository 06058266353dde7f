// The distractors of `npm run bench:search`: the real IMDb samples of test/fixtures/imdb/ and a
// deterministic generator of synthetic films with realistic multilingual titles (an original title in
// its own script, its romanizations, an English title, titles in other markets). Both give documents
// with their names as written; the bench turns the names into keys with searchKeys(), as Retold's
// indexer does, kind 'film' (and 'person' for the few IMDb names), so that every engine of the bench
// indexes exactly the same normalized text.

import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import anyAscii from 'any-ascii'
import { fold, searchKeys } from '../src/search/index.ts'
import type { IndexedDocument } from '../src/storage/index.ts'
import { Random } from './random.ts'
import { CONCEPTS, CULTURES, TITLE_WORDS, type Culture } from './vocabulary.ts'

const unique = <T>(values: Iterable<T>) => [...new Set(values)]

/** A search document before normalization: its names as written. */
export type RawDocument = Omit<IndexedDocument, 'keys'> & { names: string[] }

/** The document as Retold indexes it: the searchKeys() of every name (what indexStory does). */
export function indexed(document: RawDocument): IndexedDocument {
  const { names, ...rest } = document
  return { ...rest, keys: unique(names.flatMap(searchKeys)) }
}

// ---------------------------------------------------------------------------------------------------
// IMDb samples

export interface Curated {
  /** IMDb ids of curated films and people: the same one in the samples is left out (an import would merge it). */
  imdbIds: ReadonlySet<string>
  /** `fold(title)|year` of every curated title: a sample film with the same title and year is the same film. */
  titleYears: ReadonlySet<string>
  /** fold() of every curated person's names: a sample person of the same name is the same person. */
  personNames: ReadonlySet<string>
}

export interface ImdbCorpus {
  documents: RawDocument[]
  files: string[]
  titles: number
  people: number
  /** Sample titles and names left out because they are curated films and people. */
  skipped: string[]
}

function readTsv(file: string): Array<Record<string, string | null>> {
  const lines = readFileSync(file, 'utf8').split('\n')
  const header = lines[0]!.split('\t')
  const rows: Array<Record<string, string | null>> = []
  for (const line of lines.slice(1)) {
    if (line === '') continue
    const cells = line.split('\t')
    const row: Record<string, string | null> = {}
    header.forEach((name, i) => (row[name] = cells[i] === undefined || cells[i] === '\\N' ? null : cells[i]!))
    rows.push(row)
  }
  return rows
}

interface ImdbTitle {
  type: string
  primary: string
  year: number | null
  names: Set<string>
  votes: number
}

/** Every title (with its alternate titles) and name of the IMDb sample folders under `dir`. */
export function readImdbDocuments(dir: string, curated: Curated): ImdbCorpus {
  const titles = new Map<string, ImdbTitle>()
  const akas: Array<Record<string, string | null>> = []
  const votes = new Map<string, number>()
  const names = new Map<string, string>()
  const files: string[] = []
  for (const folder of readdirSync(dir, { withFileTypes: true }).filter((d) => d.isDirectory())) {
    for (const name of readdirSync(join(dir, folder.name)).sort()) {
      const file = join(dir, folder.name, name)
      if (!name.endsWith('.tsv')) continue
      files.push(file)
      const rows = readTsv(file)
      if (name.startsWith('title.basics')) {
        for (const row of rows) {
          const id = row.tconst!
          const title = titles.get(id) ?? {
            type: row.titleType ?? 'movie',
            primary: row.primaryTitle ?? row.originalTitle ?? id,
            year: row.startYear ? Number(row.startYear) : null,
            names: new Set<string>(),
            votes: 0,
          }
          for (const text of [row.primaryTitle, row.originalTitle]) if (text) title.names.add(text)
          titles.set(id, title)
        }
      } else if (name === 'title.akas.tsv') {
        akas.push(...rows)
      } else if (name === 'title.ratings.tsv') {
        for (const row of rows) votes.set(row.tconst!, Number(row.numVotes ?? 0))
      } else if (name === 'name.basics.tsv') {
        for (const row of rows) if (row.primaryName) names.set(row.nconst!, row.primaryName)
      }
    }
  }
  // Alternate titles and votes of titles absent from every title.basics sample are dangling: left out.
  for (const row of akas) if (row.title) titles.get(row.titleId!)?.names.add(row.title)
  for (const [id, count] of votes) {
    const title = titles.get(id)
    if (title) title.votes = count
  }

  const documents: RawDocument[] = []
  const skipped: string[] = []
  for (const [id, title] of titles) {
    const same =
      curated.imdbIds.has(id) ||
      (title.year !== null &&
        [...title.names].some((n) => curated.titleYears.has(`${fold(n)}|${title.year}`)))
    if (same) {
      skipped.push(`${id} ${title.primary} (${title.year})`)
      continue
    }
    documents.push({
      kind: 'film',
      slug: `imdb-${id}`,
      storyId: null,
      title: title.primary,
      names: [...title.names],
      year: title.year,
      countries: [],
      languages: [],
      story: null,
      relation: null,
      popularity: title.votes,
    })
  }
  const titleCount = documents.length
  for (const [id, name] of names) {
    if (curated.imdbIds.has(id) || curated.personNames.has(fold(name))) {
      skipped.push(`${id} ${name}`)
      continue
    }
    documents.push({
      kind: 'person',
      slug: `imdb-${id}`,
      storyId: null,
      title: name,
      names: [name],
      year: null,
      countries: [],
      languages: [],
      story: null,
      relation: null,
      popularity: 0,
    })
  }
  return { documents, files, titles: titleCount, people: documents.length - titleCount, skipped }
}

// ---------------------------------------------------------------------------------------------------
// Generated titles: word lists

/** A word as written in its own script and as fans romanize it. */
type Word = readonly [native: string, roman: string]

const ENGLISH =
  `love night day man woman girl boy king queen war death life house home city world last first dark
black white red blue golden silver lost little big great secret story dream blood fire water ice stone iron
steel star sun moon sky sea river mountain island road street train station hotel school summer winter spring
autumn time heart soul mind eyes hand face shadow ghost devil angel god saint hell heaven paradise return
revenge escape hunt hunter killer murder crime case mystery game hero legend curse kiss wedding bride family
father mother daughter son brother sister friend friends stranger strangers enemy lover lovers wife husband
child children baby dog cat horse wolf bird tiger dragon snake rain storm wind light dead alive wild lonely
silent silence perfect beautiful young old new good bad true lucky happy sweet bitter hidden forbidden broken
final miracle miracles cell prison prisoner room door window bridge garden forest desert border edge end
beginning journey voyage way path line ring circle chase run fall rise flight ride dance song music voice
letter letters book diary photograph memory memories promise lie lies truth justice law order power money
gold diamond treasure empire kingdom republic nation army soldier soldiers captain doctor teacher detective
agent spy thief thieves gang boss master servant samurai warrior knight prince princess emperor queens kings
sunshine midnight morning evening tomorrow yesterday forever never always again beyond inside under after
before between without against zone code project mission operation affair affairs infernal departed intimate
connection party sisters brothers upside shepherd sheep mobile phone call bodyguard seven nine three two ten
hundred thousand million cells dogs tale tales days nights years people town village country harbor bay
coast valley lake storm winds wings eagle falcon lion bear fox rabbit butterfly rose lily flower flowers tree
leaves snow frost thunder lightning mirror glass paper silk velvet crystal shadowland dawn dusk twilight
horizon echo echoes whisper whispers scream silence sound noise fury rage glory honor pride shame sin sins
grace mercy faith hope fate destiny luck chance risk danger fear terror panic chaos peace war games player
players champion champions fighter fighters boxer ring rider riders driver drivers pilot sailor sailors`
    .split(/\s+/)
    .filter(Boolean)

const latinSyllables = (onsets: string, nuclei: string, codas: string) => ({
  onsets: onsets.split(' '),
  nuclei: nuclei.split(' '),
  codas: codas.split(' ').map((c) => (c === '-' ? '' : c)),
})

/** Onsets, nuclei and codas of the Latin-script languages: pseudo-words that look like each language. */
const LATIN_SYLLABLES: Record<string, ReturnType<typeof latinSyllables>> = {
  en: latinSyllables(
    'b c d f g h j k l m n p r s t v w br cr dr gr pr st tr sh th ch bl cl fl gl pl sl',
    'a e i o u ea ee oo ai ou ay ow',
    '- - - n r l s t d m ng ck st nd rt ll',
  ),
  fr: latinSyllables(
    'b c d f g j l m n p r s t v ch br cr gr pl tr',
    'a e i o u é è ou ai au eu oi an on in',
    '- - - r l s t n x',
  ),
  de: latinSyllables(
    'b d f g h k l m n p r s t w z sch st br gr kr tr fr',
    'a e i o u ä ö ü ei au ie eu',
    '- - n r l ng nd st ch cht tz rg ss',
  ),
  es: latinSyllables(
    'b c d f g j l m n p r s t v ll ch br tr',
    'a e i o u á é í ó ú ue ie',
    '- - - n s r l z',
  ),
  it: latinSyllables('b c d f g l m n p r s t v ch gh gl sc st tr', 'a e i o u à è ò ia io', '- - - - n l r'),
  pt: latinSyllables(
    'b c d f g j l m n p r s t v lh nh ch br tr',
    'a e i o u ã õ á é ê ô ão',
    '- - - s r l m',
  ),
  tr: latinSyllables('b c ç d f g ğ h k l m n p r s ş t v y z', 'a e ı i o ö u ü', '- - k r l n m ş t z'),
  fil: latinSyllables('b d g h k l m n ng p s t w y', 'a e i o u', '- - n ng k t l s'),
  id: latinSyllables('b c d g h j k l m n p r s t w', 'a e i o u', '- - n ng k r h t l s'),
  sv: latinSyllables(
    'b d f g h k l m n p r s t v sk st fr',
    'a e i o u y å ä ö',
    '- - n r l g k ng st tt ck',
  ),
  vi: latinSyllables(
    'b c ch d đ g gi h kh l m n ng nh ph qu r s t th tr v x',
    'a à á ả ã ạ ă ắ â ấ ầ e é ê ế ề i í o ó ô ồ ố ơ ờ u ú ư ừ ươ uô iê',
    '- - c ch m n ng nh p t i o',
  ),
}

// Hangul: initial and medial jamo with their Revised Romanization; a few finals.
const KO_INITIALS = 'g kk n d tt r m b pp s ss - j jj ch k t p h'.split(' ').map((r) => (r === '-' ? '' : r))
const KO_MEDIALS = 'a ae ya yae eo e yeo ye o wa wae oe yo u wo we wi yu eu ui i'.split(' ')
/** The medials most syllables use (a, ae, eo, e, yeo, o, wa, yo, u, wo, yu, eu, i): random jamo look alien. */
const KO_COMMON_MEDIALS = [0, 0, 1, 4, 4, 5, 6, 8, 8, 9, 12, 13, 13, 14, 17, 18, 18, 20, 20]
const KO_FINALS: ReadonlyArray<readonly [number, string]> = [
  [0, ''],
  [0, ''],
  [1, 'k'],
  [4, 'n'],
  [8, 'l'],
  [16, 'm'],
  [17, 'p'],
  [21, 'ng'],
]

/** Marks syllable boundaries inside a Korean romanization (for its hyphenated form). */
const SYLLABLE = '·'

// Kana (hiragana; katakana is 0x60 higher) with Hepburn romanization.
const KANA: ReadonlyArray<readonly [string, string]> = (
  'あ|a い|i う|u え|e お|o か|ka き|ki く|ku け|ke こ|ko さ|sa し|shi す|su せ|se そ|so た|ta ち|chi つ|tsu ' +
  'て|te と|to な|na に|ni ぬ|nu ね|ne の|no は|ha ひ|hi ふ|fu へ|he ほ|ho ま|ma み|mi む|mu め|me も|mo ' +
  'や|ya ゆ|yu よ|yo ら|ra り|ri る|ru れ|re ろ|ro わ|wa ん|n が|ga ぎ|gi ぐ|gu げ|ge ご|go ざ|za じ|ji ' +
  'ず|zu ぜ|ze ぞ|zo だ|da で|de ど|do ば|ba び|bi ぶ|bu べ|be ぼ|bo ぱ|pa ぴ|pi ぷ|pu ぺ|pe ぽ|po'
)
  .split(' ')
  .map((pair) => pair.split('|') as [string, string])

// Common Chinese characters (also used as Japanese kanji): any-ascii reads them as pinyin.
const HANZI = Array.from(
  '的一是不了人我在有他这中大来上国个到说们为子和你地出道也时年得就那要下以生会自着去之过家学对可她里后小么心多天而能好都然没' +
    '日于起还发成事只作当想看文无开手十用主行方又如前所本见经头面公同三已老从动两长知民样现分将外但身些与高意进把法此实回二理美点' +
    '月明其种声全工己话儿者向情部正名定女问力机给等几很业最间新什打便位因重被走电四第门相次东政海口使教西再平真听世气信北少关并内' +
    '加化由却代军产入先山五太水万市眼体别处总才场师书比住员九笑性通目华报立马命张活难神数件安表原车白应路期叫死常提感金何更反合放' +
    '做系计或司利受光王果亲界及今京务制解各任至清物台象记边共风战干接它许八特觉望直服毛林题建南度统色字请交爱让认算论百吃义科怎元' +
    '社术结六功指思非流每青管夫连远资队跟带花快条院变联言权往展该领传近留红治决周保达办运武半候七必城父强步完革深区即求品士转量空',
)

// Cyrillic syllables with their (one) romanization.
const RU_CONSONANTS: ReadonlyArray<readonly [string, string]> =
  'б|b в|v г|g д|d ж|zh з|z к|k л|l м|m н|n п|p р|r с|s т|t ф|f х|kh ц|ts ч|ch ш|sh'
    .split(' ')
    .map((p) => p.split('|') as [string, string])
const RU_VOWELS: ReadonlyArray<readonly [string, string]> = 'а|a о|o у|u ы|y э|e е|e и|i я|ya ю|yu'
  .split(' ')
  .map((p) => p.split('|') as [string, string])
const RU_CODAS: ReadonlyArray<readonly [string, string]> = [
  '|',
  '|',
  '|',
  'н|n',
  'р|r',
  'л|l',
  'к|k',
  'й|y',
  'ст|st',
].map((p) => p.split('|') as [string, string])

// Devanagari consonants and vowel signs with a common romanization.
const HI_CONSONANTS: ReadonlyArray<readonly [string, string]> = (
  'क|k ख|kh ग|g घ|gh च|ch छ|chh ज|j झ|jh ट|t ठ|th ड|d ढ|dh त|t थ|th द|d ध|dh न|n प|p फ|ph ब|b भ|bh म|m ' +
  'य|y र|r ल|l व|v श|sh स|s ह|h'
)
  .split(' ')
  .map((p) => p.split('|') as [string, string])
const HI_VOWELS: ReadonlyArray<readonly [string, string]> = [
  ['', 'a'],
  ['', 'a'],
  ['ा', 'aa'],
  ['ि', 'i'],
  ['ी', 'ee'],
  ['ु', 'u'],
  ['ू', 'oo'],
  ['े', 'e'],
  ['ै', 'ai'],
  ['ो', 'o'],
]

// Arabic consonants (short vowels unwritten, long ones written) and Thai consonants with a following
// vowel sign, each with a common romanization.
const AR_CONSONANTS: ReadonlyArray<readonly [string, string]> =
  'ب|b ت|t ث|th ج|j ح|h خ|kh د|d ذ|dh ر|r ز|z س|s ش|sh ص|s ض|d ط|t ع|‘ غ|gh ف|f ق|q ك|k ل|l م|m ن|n ه|h و|w ي|y'
    .split(' ')
    .map((p) => p.split('|') as [string, string])
const AR_VOWELS: ReadonlyArray<readonly [string, string]> = [
  ['', 'a'],
  ['', 'i'],
  ['', 'u'],
  ['ا', 'a'],
  ['ي', 'i'],
  ['و', 'u'],
]
const TH_CONSONANTS: ReadonlyArray<readonly [string, string]> =
  'ก|k ข|kh ค|kh ง|ng จ|ch ช|ch ซ|s ด|d ต|t ถ|th ท|th น|n บ|b ป|p ผ|ph พ|ph ฟ|f ม|m ย|y ร|r ล|l ว|w ส|s ห|h อ|o'
    .split(' ')
    .map((p) => p.split('|') as [string, string])
const TH_VOWELS: ReadonlyArray<readonly [string, string]> = 'า|a ี|i ิ|i ุ|u ู|u ะ|a ำ|am |o'
  .split(' ')
  .map((p) => p.split('|') as [string, string])

/** Pseudo-words of each language, built once: [native, roman]. The same seed always gives the same lists. */
function buildLexicon(random: Random, size: number): Record<string, Word[]> {
  const lexicon: Record<string, Word[]> = {}
  const syllableCount = () => random.weighted([1, 2, 3, 4], (n) => [2, 5, 3, 1][n - 1]!)
  for (const [language, s] of Object.entries(LATIN_SYLLABLES)) {
    const words = new Set<string>()
    for (let guard = 0; words.size < size && guard < size * 20; guard++) {
      const count = language === 'vi' ? 1 : syllableCount()
      let word = ''
      for (let i = 0; i < count; i++) {
        word +=
          random.pick(s.onsets) +
          random.pick(s.nuclei) +
          (i === count - 1 || random.chance(0.3) ? random.pick(s.codas) : '')
      }
      if (word.length >= 2) words.add(word)
    }
    lexicon[language] = [...words].map((w) => [w, w] as const)
  }
  const build = (make: () => Word) => {
    const seen = new Map<string, Word>()
    for (let guard = 0; seen.size < size && guard < size * 20; guard++) {
      const word = make()
      if (!seen.has(word[0])) seen.set(word[0], word)
    }
    return [...seen.values()]
  }
  lexicon.ko = build(() => {
    let native = ''
    let roman = ''
    for (let i = syllableCount(); i > 0; i--) {
      const initial = random.int(0, KO_INITIALS.length - 1)
      const medial = random.pick(KO_COMMON_MEDIALS)
      const [final, finalRoman] = random.pick(KO_FINALS)
      native += String.fromCharCode(0xac00 + (initial * 21 + medial) * 28 + final)
      // Syllables are marked (·) for the hyphenated romanization; the usual one runs them together.
      roman += (roman === '' ? '' : SYLLABLE) + KO_INITIALS[initial]! + KO_MEDIALS[medial]! + finalRoman
    }
    return [native, roman]
  })
  lexicon.ja = build(() => {
    // Half the words in kana (katakana for loanwords), half in kanji read in Japanese.
    let roman = ''
    let kana = ''
    for (let i = syllableCount() + 1; i > 0; i--) {
      const [k, r] = random.pick(KANA)
      kana += k
      roman += r
    }
    if (random.chance(0.5)) {
      const katakana = random.chance(0.4)
      return [
        katakana ? Array.from(kana, (c) => String.fromCharCode(c.charCodeAt(0) + 0x60)).join('') : kana,
        roman,
      ]
    }
    let kanji = ''
    for (let i = random.int(1, 2); i > 0; i--) kanji += random.pick(HANZI.slice(0, 300))
    return [kanji, roman]
  })
  lexicon.zh = build(() => {
    let native = ''
    for (let i = random.weighted([1, 2, 3], (n) => [3, 6, 1][n - 1]!); i > 0; i--)
      native += HANZI[random.skewed(HANZI.length, 1.5)]
    return [native, Array.from(native, (c) => anyAscii(c)).join('')]
  })
  lexicon.ru = build(() => {
    let native = ''
    let roman = ''
    for (let i = syllableCount(); i > 0; i--) {
      const [c, cr] = random.pick(RU_CONSONANTS)
      const [v, vr] = random.pick(RU_VOWELS)
      const [k, kr] = i === 1 ? random.pick(RU_CODAS) : ['', '']
      native += c + v + k
      roman += cr + vr + kr
    }
    return [native, roman]
  })
  lexicon.hi = build(() => {
    let native = ''
    let roman = ''
    for (let i = syllableCount(); i > 0; i--) {
      const [c, cr] = random.pick(HI_CONSONANTS)
      const [v, vr] = random.pick(HI_VOWELS)
      native += c + v
      roman += cr + vr
    }
    return [native, roman]
  })
  const syllabic =
    (
      consonants: ReadonlyArray<readonly [string, string]>,
      vowels: ReadonlyArray<readonly [string, string]>,
    ) =>
    (): Word => {
      let native = ''
      let roman = ''
      for (let i = syllableCount() + 1; i > 0; i--) {
        const [c, cr] = random.pick(consonants)
        const [v, vr] = random.pick(vowels)
        native += c + v
        roman += cr + vr
      }
      return [native, roman]
    }
  lexicon.ar = build(syllabic(AR_CONSONANTS, AR_VOWELS))
  lexicon.th = build(syllabic(TH_CONSONANTS, TH_VOWELS))
  return lexicon
}

const capitalize = (word: string) => (word === '' ? word : word[0]!.toUpperCase() + word.slice(1))

/** Another way fans romanize the same title (hyphenated Korean syllables, ō, ja/ya, spaced pinyin…). */
function otherRomanization(language: string, native: string, roman: string, random: Random): string {
  switch (language) {
    case 'ko':
      return roman.replace(/eo/g, random.chance(0.5) ? 'o' : 'eo').replaceAll(SYLLABLE, '-')
    case 'ja':
      return roman.replace(/ou/g, 'ō').replace(/oo/g, 'ō').replace(/shi/g, 'si').replace(/tsu/g, 'tu')
    case 'ru':
      return roman
        .replace(/kh/g, 'h')
        .replace(/ya/g, 'ja')
        .replace(/yu/g, 'ju')
        .replace(/zh/g, 'j')
        .replace(/ts/g, 'c')
    case 'hi':
      return roman.replace(/aa/g, 'a').replace(/ee/g, 'i').replace(/oo/g, 'u')
    case 'zh':
      return Array.from(native.replace(/\s+/g, ''), (c) => anyAscii(c)).join(' ')
    default:
      return roman
  }
}

// ---------------------------------------------------------------------------------------------------
// Generated titles: films

const JOINED = new Set(['ja', 'zh', 'th'])

// Word frequencies are calibrated on the IMDb samples of test/fixtures/imdb/ (about 29,000 titles with
// their alternate titles): there the 16 concept words of vocabulary.ts are each in 0.01–0.6 % of the
// titles (miracle 0.07 %, cell 0.01 %, night 0.64 %), "love" in 1.6 %, "the" in 32 %.
/** Share of title words that are one of the 16 concepts (translated across a film's titles). */
const CONCEPT_SHARE = 0.01
/** Share of English title words taken from the everyday list (the rest are rarer, made-up words). */
const EVERYDAY_SHARE = 0.6

interface Title {
  native: string
  roman: string
}

export interface GeneratorOptions {
  /** Folded titles no generated title may equal (the curated keys): near-misses stay, exact repeats go. */
  reserved: ReadonlySet<string>
  seed?: number
}

/**
 * Synthetic films, `count` of them, in chunks: deterministic for a seed. Each has an original title in
 * its country's language and script (built from the 16 concept words of vocabulary.ts, everyday
 * English title words, people's names and pseudo-words shaped like the language, skewed so that some
 * words are very common), its romanizations for non-Latin scripts, an English title for most, and
 * 0–3 titles in other markets.
 */
export function* generateDocuments(
  count: number,
  options: GeneratorOptions,
  chunk = 10_000,
): Generator<RawDocument[]> {
  const random = new Random(options.seed ?? 0x5eed_5ea1)
  const lexicon = buildLexicon(random, 6_000)
  const cultures = CULTURES
  const totalWeight = cultures.reduce((sum, c) => sum + c.weight, 0)
  const pickCulture = () => {
    let r = random.next() * totalWeight
    for (const c of cultures) if ((r -= c.weight) < 0) return c
    return cultures[cultures.length - 1]!
  }

  /** A word of `language`: a concept (index given), a name, a common English word, or a pseudo-word. */
  const word = (language: string, culture: Culture | null, concept: number | null): Word => {
    if (concept !== null) {
      const words = TITLE_WORDS[language] ?? TITLE_WORDS.en!
      return words[concept]!
    }
    if (language === 'en')
      return random.chance(EVERYDAY_SHARE)
        ? ((w) => [w, w] as const)(ENGLISH[random.skewed(ENGLISH.length, 1.3)]!)
        : lexicon.en![random.skewed(lexicon.en!.length, 1.8)]!
    if (culture && random.chance(0.1)) return random.pick(random.chance(0.5) ? culture.given : culture.family)
    const words = lexicon[language]
    if (!words) return (TITLE_WORDS[language] ?? TITLE_WORDS.en!)[random.int(0, CONCEPTS.length - 1)]!
    return words[random.skewed(words.length, 1.8)]!
  }

  /** A title of `words` words in `language`; concepts are used where given (translated titles share them). */
  const title = (
    language: string,
    culture: Culture | null,
    plan: ReadonlyArray<number | null>,
    number: string | null,
  ): Title => {
    const words = plan.map((concept) => word(language, culture, concept))
    if (language === 'en') {
      const parts = words.map((w) => capitalize(w[0]))
      const [a, b, c] = parts
      // Shapes weighted as in the IMDb samples: plain words first, "and" and "of the" rarer.
      const two = [
        `${a} ${b}`,
        `The ${a} ${b}`,
        `${a}: ${b}`,
        `${a} of the ${b}`,
        `${a} and ${b}`,
        `${a}'s ${b}`,
      ] as const
      const three = [parts.join(' '), `The ${a} ${b} ${c}`, `${a} of ${b}: ${c}`, `${a} and the ${b} of ${c}`]
      let base =
        b === undefined
          ? random.chance(0.3)
            ? `The ${a}`
            : a!
          : c === undefined
            ? random.weighted([...two], (shape) => [40, 20, 10, 15, 8, 7][two.indexOf(shape)]!)
            : random.weighted(three, (shape) => [45, 30, 15, 10][three.indexOf(shape)]!)
      if (number) base = `${base} ${random.chance(0.5) ? 'No. ' : ''}${number}`
      return { native: base, roman: base }
    }
    const joined = JOINED.has(language)
    const native = words.map((w) => (joined ? w[0] : capitalize(w[0]))).join(joined ? '' : ' ')
    const roman = words.map((w) => capitalize(w[1])).join(' ') // keeps Korean syllable marks
    const suffix = number ? `${joined ? '' : ' '}${number}` : ''
    return { native: native + suffix, roman: roman + (number ? ` ${number}` : '') }
  }

  const reservedHit = (text: string) => options.reserved.has(fold(text))
  let produced = 0
  while (produced < count) {
    const size = Math.min(chunk, count - produced)
    const documents: RawDocument[] = []
    for (let i = 0; i < size; i++) {
      const id = produced + i + 1
      const culture = pickCulture()
      const wordCount = random.weighted([1, 2, 3, 4, 5], (n) => [25, 35, 22, 12, 6][n - 1]!)
      // A few words are concepts (CONCEPT_SHARE: translated across the film's titles), the rest free words.
      const plan = Array.from({ length: wordCount }, () =>
        random.chance(CONCEPT_SHARE) ? random.int(0, CONCEPTS.length - 1) : null,
      )
      const number = random.chance(0.04) ? String(random.int(2, 12)) : null
      const names: string[] = []
      let original = title(culture.language, culture, plan, number)
      for (let retry = 0; reservedHit(original.native) && retry < 10; retry++)
        original = title(culture.language, culture, plan, number)
      names.push(original.native)
      if (culture.script !== 'Latn') {
        names.push(original.roman.replaceAll(SYLLABLE, ''))
        if (random.chance(0.3))
          names.push(otherRomanization(culture.language, original.native, original.roman, random))
      }
      let english: string | null = null
      if (culture.language === 'en') {
        if (random.chance(0.1))
          names.push(
            `${original.native}: ${random.pick(['The Story', 'Reborn', 'Homecoming', 'The Return'])}`,
          )
        english = original.native
      } else if (random.chance(0.7)) {
        // Translated word for word where the title is made of concepts; otherwise a new English title.
        const englishPlan = plan.every((c) => c !== null)
          ? plan
          : plan.map((c) => (random.chance(0.5) ? c : null))
        english = title('en', null, englishPlan, number).native
        if (!reservedHit(english)) names.push(english)
        else english = null
      }
      for (let m = random.weighted([0, 1, 2, 3], (n) => [55, 25, 13, 7][n]!); m > 0; m--) {
        const market = random.pick(cultures)
        if (market.language === culture.language || market.language === 'en') continue
        const local = title(market.language, market, random.chance(0.6) ? plan : plan.map(() => null), number)
        if (!reservedHit(local.native)) names.push(local.native)
      }
      const votes = Math.floor(Math.pow(10, Math.pow(random.next(), 1.6) * 6)) - 1
      documents.push({
        kind: 'film',
        slug: `gen-${id}`,
        storyId: null,
        title: english ?? original.native,
        names: unique(names),
        year: 2026 - Math.floor(125 * Math.pow(random.next(), 2)),
        countries: [culture.country],
        languages: [culture.language],
        story: null,
        relation: null,
        popularity: votes,
      })
    }
    produced += size
    yield documents
  }
}
