import { words } from './unicode.ts'
import * as chrono from 'chrono-node'
import nlp from 'compromise'
import parseDuration from 'parse-duration'
import {
  type Article,
  type ArticleScope,
  type CandidateClaim,
  type CandidateProperty,
  type CandidateValue,
  type KnownEntity,
} from '../../domain/index.ts'
import { createGazetteerLinker, type Mention, type MentionLinker } from './link-mentions.ts'
import { splitSentences, type Sentence } from './split-sentences.ts'
import {
  COUNTRY_WORDS,
  countryOf,
  CURRENCIES,
  isNationality,
  languageOf,
  PLATFORMS,
  RATERS,
} from './vocabulary.ts'

export interface ExtractOptions {
  linker: MentionLinker
  /** The films the article may be about (the versions of the stories it names), to read descriptions such as "the 2013 South Korean film". */
  films: readonly KnownEntity[]
  /** The characters of those films, to read "Memo's grandmother" when the article names her by her role only. */
  characters?: readonly KnownEntity[] | undefined
}

// Words that make a statement uncertain: its candidate keeps a low confidence.
const HEDGE = words(
  /(?<!\d\s)\bmay\b(?!\s+\d)|\b(might|could|reportedly|rumou?red|allegedly|supposedly|perhaps|possibly|probably|apparently|some say|it is said|is said to|seems?|unconfirmed)\b/i,
)
/** The sentence with its hedged clauses blanked out (same length, so that offsets hold). */
export function maskHedges(text: string): string {
  if (!HEDGE.test(text)) return text
  return text.replace(/[^,;:]+/g, (clause) => (HEDGE.test(clause) ? ' '.repeat(clause.length) : clause))
}
const NEGATION = words(/\b(not|n[o']t|never|no longer|neither|nor|isn't|wasn't|doesn't|didn't|without)\b/i)
const QUESTION = /\?\s*$/
const FILM_NOUN =
  '(?:film|movie|drama|comedy-drama|comedy|thriller|adaptation|remake|version|retelling|picture|feature|production|romance|horror|western|musical|documentary|epic|classic|blockbuster)'
const NATIONALITY = words(`\\b(${COUNTRY_WORDS})\\b`, 'gi')
const YEAR = words(/\b(19[2-9]\d|20[0-4]\d)\b/g)

interface Context {
  article: Article
  films: readonly KnownEntity[]
  characters: readonly KnownEntity[]
  focus: KnownEntity | null
  /** The date series claims (ratings, availability, charts) speak for. */
  asOf: string | null
}

interface Found {
  subject: KnownEntity
  property: CandidateProperty
  value: CandidateValue
  qualifiers?: Record<string, string | undefined>
  confidence: number
}

function entityRef(entity: KnownEntity) {
  return { kind: entity.kind, slug: entity.slug, name: entity.name }
}

/** The film a description names: "the 2013 South Korean movie", "the original", "Mehmet's Turkish retelling". */
function describedFilm(fragment: string, context: Context): KnownEntity | null {
  const countriesNamed = [...fragment.matchAll(NATIONALITY)]
    .map((m) => countryOf(m[1]!))
    .filter((c) => c !== null)
  const years = [...fragment.matchAll(YEAR)].map((m) => Number(m[1]))
  // "than the original", "que la original": a comparison with the original does not describe it.
  // Nor does an original title, name or language.
  const original = words(/\boriginal\b/i).test(
    fragment
      .replace(words(/\b(?:than|que|como|to)\s+(?:the|la|el)\s+original\b/gi), '')
      .replace(words(/\boriginal\s+(?:title|name|language|score|soundtrack|t[íi]tulo|nombre)\b/gi), ''),
  )
  if (countriesNamed.length === 0 && years.length === 0 && !original) return null
  const matches = context.films.filter(
    (film) =>
      (countriesNamed.length === 0 || countriesNamed.some((c) => film.countries?.includes(c))) &&
      (years.length === 0 || years.includes(film.year ?? -1)) &&
      (!original || countriesNamed.length > 0 || years.length > 0 || film.relation === 'original'),
  )
  if (matches.length === 1) return matches[0]!
  // Several stories in scope: the one the article is mostly about.
  const ofFocus = matches.filter((f) => context.focus && f.story === context.focus.story)
  if (ofFocus.length === 1 && matches.length > 1) return ofFocus[0]!
  // Several versions of one country: the original one, when the description says so or names none.
  const originals = matches.filter((f) => f.relation === 'original')
  return originals.length === 1 && (original || years.length > 0) ? originals[0]! : null
}

function mentionsIn(sentence: Sentence, mentions: readonly Mention[]): Mention[] {
  return mentions
    .filter((m) => m.start >= sentence.start && m.end <= sentence.end)
    .map((m) => {
      const local = { ...m, start: m.start - sentence.start, end: m.end - sentence.start }
      return { ...local, entities: versionByYear(local, sentence.text) }
    })
}

/** A shared title followed by its year, "The Lantern (1987)", names the version of that year only. */
function versionByYear(mention: Mention, text: string): KnownEntity[] {
  const year = /^\s*\((\d{4})\)/.exec(text.slice(mention.end))
  if (!year) return mention.entities
  const ofYear = mention.entities.filter((e) => e.kind === 'film' && e.year === Number(year[1]))
  if (ofYear.length !== 1) return mention.entities
  return mention.entities.filter((e) => e === ofYear[0] || (e.kind !== 'film' && e.kind !== 'story'))
}

function pick(mention: Mention, kind: KnownEntity['kind']): KnownEntity | undefined {
  return mention.entities.find((e) => e.kind === kind)
}

/** The film a mention names: one film, or, for a shared title, the article's focus among them. */
function filmOf(mention: Mention, context: Context): KnownEntity | null {
  const films = mention.entities.filter((e) => e.kind === 'film')
  if (films.length === 1 && mention.entities.every((e) => e.kind === 'film')) return films[0]!
  // A title shared by several films, with nothing around it pointing at a remake (callers check the
  // words around it first): the article's main film when it is one of them, else the original, the film
  // the title first belonged to (not a main film that does not bear the title).
  if (context.focus && films.some((f) => f.slug === context.focus!.slug)) return context.focus
  const originals = films.filter((f) => f.relation === 'original')
  if (films.length > 1 && originals.length === 1) return originals[0]!
  if (context.focus && mention.entities.some((e) => e.kind === 'story')) return context.focus
  return films[0] ?? null
}

/** The film an article is mostly about: the one its people, characters and own titles point to. */
function findFocus(
  mentions: readonly Mention[],
  text: string,
  films: readonly KnownEntity[],
): KnownEntity | null {
  const score = new Map<string, number>()
  const add = (slug: string | undefined, points: number) => {
    if (slug) score.set(slug, (score.get(slug) ?? 0) + points)
  }
  for (const mention of mentions) {
    const filmEntities = mention.entities.filter((e) => e.kind === 'film')
    if (filmEntities.length === 1) add(filmEntities[0]!.slug, 2)
    for (const entity of mention.entities) {
      if (entity.kind === 'character') add(entity.film, 1)
      if (entity.kind === 'person') for (const film of entity.films ?? []) add(film, 1)
    }
  }
  for (const match of text.matchAll(NATIONALITY)) {
    const country = countryOf(match[1]!)
    const versions = films.filter((f) => country && f.countries?.includes(country))
    if (versions.length === 1) add(versions[0]!.slug, 0.5)
  }
  const best = [...score.entries()].sort((a, b) => b[1] - a[1])[0]
  return best ? (films.find((f) => f.slug === best[0]) ?? null) : null
}

/** Among the films a shared title names, the one a description such as "the Hindi remake" singles out: not the original. */
function remakeAmong(mention: Mention, phrase: string): KnownEntity | null {
  const films = mention.entities.filter((e) => e.kind === 'film')
  if (films.length < 2 || words(/\boriginal\b/i).test(phrase)) return null
  if (!words(`\\b(remake|remade|version|retelling|adaptation|${COUNTRY_WORDS})\\b`, 'i').test(phrase))
    return null
  const remakes = films.filter((f) => f.relation !== 'original')
  if (remakes.length === 1) return remakes[0]!
  const countries = [...phrase.matchAll(NATIONALITY)].map((m) => countryOf(m[1]!))
  const ofCountry = remakes.filter((f) => countries.some((c) => c && f.countries?.includes(c)))
  return ofCountry.length === 1 ? ofCountry[0]! : null
}

/** The film a mention names, read with the words around it ("the Hindi remake, also called Drishyam"). */
function filmNamedIn(mention: Mention, phrase: string, context: Context): KnownEntity | null {
  return remakeAmong(mention, phrase) ?? filmOf(mention, context)
}

/**
 * The film a sentence is about: a pronoun's film, a film named or described before its verb (before
 * "of" first: "the Korean remake of …" is about the remake), the previous sentence's film when the
 * sentence names none in the same paragraph (Spanish drops its subjects: "Dura 107 minutos."), or the focus.
 */
function subjectOf(
  sentence: Sentence,
  local: readonly Mention[],
  context: Context,
  previous: KnownEntity | null,
  sameParagraph: boolean,
): KnownEntity | null {
  const verb = words(
    /\b(is|was|are|were|has|had|grossed|became|follows|stars|tells|made|won|earned|se estrenó|dura|recaudó|llegó)(?![\p{L}])/iu,
  ).exec(sentence.text)
  // A question that puts its verb first ("Is Title based on …?", "¿Es …?") has its subject after the verb.
  // A Spanish statement may begin with its verb too ("Se estrenó en …"): only a question is inverted.
  const inverted =
    verb !== null &&
    /^[\s¿¡"“]*$/.test(sentence.text.slice(0, verb.index)) &&
    (QUESTION.test(sentence.text) || /^\s*¿/.test(sentence.text))
  const head = !verb ? sentence.text : inverted ? sentence.text : sentence.text.slice(0, verb.index)
  const subjectWords = inverted ? sentence.text.slice(verb.index + verb[0].length) : head
  if (
    words(/^\s*(it|its|this film|the film|this movie|the movie|la película|el filme)\b/i).test(
      subjectWords,
    ) &&
    previous
  )
    return previous
  const ofAt = /\s(?:of|de)\s/i.exec(head)
  const heads = ofAt ? [head.slice(0, ofAt.index), head] : [head]
  for (const part of heads) {
    const described = describedFilm(part, context)
    if (described) return described
    const named = local.find(
      (m) => m.start < part.length && m.entities.some((e) => e.kind === 'film' || e.kind === 'story'),
    )
    if (named) return filmNamedIn(named, part, context)
  }
  const namesAFilm = local.some((m) => m.entities.some((e) => e.kind === 'film' || e.kind === 'story'))
  if (!namesAFilm && sameParagraph && previous) return keepsPrevious(sentence.text, previous, context)
  return context.focus
}

/**
 * A sentence that names no film and has no subject of its own ("Se estrenó en Estados Unidos el … 2009,
 * dura 93 minutos") speaks of the previous sentence's film. The years and countries it names (a release
 * date, a release country) only move it to another film that fits them strictly better than that one.
 */
const PLACE_BEFORE = words(
  /\b(?:in|en|di|across|throughout|to|a|de|at)\s+(?:the\s+|los\s+|las\s+|el\s+|la\s+)?$/i,
)

function keepsPrevious(text: string, previous: KnownEntity, context: Context): KnownEntity {
  // A place the film was shown in ("en Estados Unidos", "in Mexico") is where, not whose: only a
  // nationality or a country not after a preposition describes the film.
  const countries = [...text.matchAll(NATIONALITY)]
    .filter((m) => !PLACE_BEFORE.test(text.slice(Math.max(0, m.index - 20), m.index)))
    .map((m) => countryOf(m[1]!))
    .filter((c) => c !== null)
  const years = [...text.matchAll(YEAR)].map((m) => Number(m[1]))
  if (countries.length === 0 && years.length === 0) return previous
  const fit = (film: KnownEntity) =>
    (years.includes(film.year ?? -1) ? 1 : 0) + (countries.some((c) => film.countries?.includes(c)) ? 1 : 0)
  const best = Math.max(...context.films.map(fit))
  const fittest = context.films.filter((f) => fit(f) === best)
  return fit(previous) < best && fittest.length === 1 ? fittest[0]! : previous
}

// An age certificate ("rated 13+", "PG-13", "a 15 certificate") is no rating.
const CERTIFICATE = words(
  /\b(PG-?13|rated\s+(R|PG|G|NC-17|\d+\+)|age rating|certificate|certified|sertifika)\b/i,
)

type Rating = { score: number; scale: number; by: string | undefined; at: number; clause: string }

function ratingsIn(text: string): Rating[] {
  const found: Rating[] = []
  // A clause at a time, so that "8.2/10 on IMDb and a 92% audience score on Rotten Tomatoes" keeps each rater with its score.
  let offset = 0
  // A comma between digits is a decimal comma ("8,2/10" in Turkish, Spanish, Indonesian), not a clause break.
  for (const clause of text.split(words(/(?:,(?!\d)|(?<!\d),|;|\band\b|\bwhile\b|\bwhereas\b)/i))) {
    const rater = RATERS.find(([pattern]) => pattern.test(clause))?.[1]
    const slash = words(/(?<![\d.])(\d{1,3}(?:[.,]\d)?)\s*(?:\/|out of|dari|üzerinden)\s*(10|5|100)\b/i).exec(
      clause,
    )
    const percent = /(?<![\d.])(\d{1,3})\s?%/.exec(clause)
    if (slash) {
      const score = Number(slash[1]!.replace(',', '.'))
      const scale = Number(slash[2])
      if (score <= scale) found.push({ score, scale, by: rater, at: offset + slash.index, clause })
    } else if (
      percent &&
      (rater || words(/\b(score|rating|rated|puan|nilai|calificación)\b/i).test(clause))
    ) {
      found.push({ score: Number(percent[1]), scale: 100, by: rater, at: offset + percent.index, clause })
    }
    offset += clause.length
  }
  return found
}

/** The text with its numbers in words written in digits ("two million" → "2000000"), by compromise. */
function numbersAsDigits(text: string): string {
  const doc = nlp(text)
  doc.numbers().toNumber()
  return doc.text()
}

const HOUR_WORDS: Record<string, number> = {
  un: 1,
  una: 1,
  uno: 1,
  dos: 2,
  tres: 3,
  bir: 1,
  iki: 2,
  üç: 3,
  satu: 1,
  dua: 2,
  tiga: 3,
}

/** Minutes in a duration written out ("two hours and 12 minutes", "132 min", "2 saat 12 dakika", "132 menit"). */
export function parseRuntime(text: string): { minutes: number; index: number } | null {
  const doc = nlp(text)
  doc.numbers().toNumber()
  const digits = doc.text()
  const english = words(
    /\b(\d+)\s*(?:hours?|hrs?|h)\b(?:,?\s*(?:and\s+)?(\d+)\s*(?:minutes?|mins?|m)\b)?|\b(\d{2,3})\s*(?:minutes?|mins?)\b/i,
  ).exec(digits)
  if (english) {
    const minutes = parseDuration(english[0].replace(words(/\band\b/i), ' '), 'm')
    if (minutes && minutes > 0)
      return { minutes: Math.round(minutes), index: text.search(words(/\d|\b(one|two|three)\b/i)) }
  }
  // Small numbers in words before an hour in Spanish, Turkish and Indonesian ("una hora y 52 minutos", "iki saat").
  const spelled = text.replace(
    words(/(?<!\p{L})(una?|uno|dos|tres|bir|iki|üç|satu|dua|tiga)(?=\s+(?:horas?|saat|jam)\b)/giu),
    (word) => String(HOUR_WORDS[word.toLowerCase()] ?? word),
  )
  const other = words(
    /\b(\d)\s*(?:saat|jam|horas?)\s*(?:(?:ve|dan|y)\s*)?(?:(\d{1,2})\s*(?:dakika|menit|minutos?))?|\b(\d{2,3})\s*(?:dakika|dk|menit|minutos?)\b/i,
  ).exec(spelled)
  if (!other) return null
  const minutes = other[3] ? Number(other[3]) : Number(other[1]) * 60 + Number(other[2] ?? 0)
  return { minutes, index: other.index }
}

/** A number as articles write it: "5,294,155", "32.2", "426,6" (a decimal comma), "1.234.567". */
export function parseNumber(written: string): number {
  const text = written.replace(/[.,]$/, '')
  if (/^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/.test(text)) return Number(text.replace(/,/g, ''))
  if (/^\d{1,3}(?:\.\d{3})+(?:,\d+)?$/.test(text)) return Number(text.replace(/\./g, '').replace(',', '.'))
  if (/^\d+,\d{1,2}$/.test(text)) return Number(text.replace(',', '.'))
  return Number(text.replace(/,/g, ''))
}

const SCALE_WORD =
  '(?:mil millones|billion|milyar|miliar|million|milyon|juta|millones|millón|crores?|lakhs?|thousand)'
const SCALES: ReadonlyArray<readonly [RegExp, number]> = [
  [/^(billion|milyar|miliar|mil millones)$/i, 1e9],
  [/^crores?$/i, 1e7],
  [/^(million|milyon|juta|millones|millón)$/i, 1e6],
  [/^lakhs?$/i, 1e5],
  [/^thousand$/i, 1e3],
]
// The signs written before an amount, longest first: "HK$" before "$", "CN¥" before "¥".
const MONEY_SIGN =
  'US\\$|HK\\$|NT\\$|AU\\$|A\\$|CA\\$|C\\$|S\\$|R\\$|Mex\\$|CN¥|JP¥|\\$|¥|￥|€|£|₺|₩|₱|₹|Rp\\.?'
const MONEY = words(
  `(${MONEY_SIGN})\\s?(\\d[\\d.,]*)\\s*(${SCALE_WORD})?|(\\d[\\d.,]*)\\s*(${SCALE_WORD})?\\s*(?:de\\s+)?((?:Hong Kong |Australian |Canadian |Singapore |Taiwan )?dollars?|d[óo]lares(?: de Hong Kong| australianos| canadienses)?|euros?|lira|TL|won|rupiah|pesos?(?: mexicanos)?|rupees?|yuan|renminbi|RMB|yen|yenes|reales|reais|(?:Swiss )?francs?|HKD|JPY|USD|EUR|GBP|CNY|KRW|INR|CHF)\\b`,
  'i',
)

/** An amount of money written out ("$82 million", "86 milyon TL", "₹62 crore", "426,6 millones de dólares"). */
export function parseMoney(
  text: string,
): { amount: number; currency: string; index: number; end: number } | null {
  const match = MONEY.exec(text)
  if (!match) return null
  const sign = match[1] ?? match[6] ?? ''
  const currency = CURRENCIES.find(([pattern]) => pattern.test(sign))?.[1]
  if (!currency) return null
  const scaleWord = match[3] ?? match[5] ?? ''
  const number = parseNumber(match[2] ?? match[4] ?? '')
  if (!Number.isFinite(number)) return null
  const scale = SCALES.find(([pattern]) => pattern.test(scaleWord))?.[1] ?? 1
  return {
    amount: Math.round(number * scale),
    currency,
    index: match.index,
    end: match.index + match[0].length,
  }
}

// "took about $11.2 million", "made $5 million": a verb of earning only when money follows it.
const TOOK_MONEY = words(
  /\b(?:took|takes|made|makes|raked in|brought in|pulled in)\s+(?:(?:in|about|around|nearly|almost|over|more than|roughly|some|just|only)\s+){0,2}(?:US\$|HK\$|NT\$|A\$|C\$|S\$|R\$|CN¥|JP¥|\$|¥|€|£|₹|₩)/i,
)

// Where a figure was earned or counted: "worldwide", "in South Korea", "en todo el mundo".
const WORLDWIDE = words(
  /^[^.;]{0,30}?\b(worldwide|globally|around the world|all over the world|en todo el mundo|a nivel mundial|di seluruh dunia|dünya genelinde|dünya çapında)\b/i,
)

/** The region a figure is given for, read in the few words after it. */
function regionAfter(text: string): string | undefined {
  if (WORLDWIDE.test(text)) return 'XWW'
  const place = words(`^[^.;]{0,30}?\\b(?:in|en|di|across)\\s+(?:the\\s+)?(${COUNTRY_WORDS})\\b`, 'i').exec(
    text,
  )
  return place ? (countryOf(place[1]!) ?? undefined) : undefined
}

// Words that say a film came out, in English and Spanish: the release date follows within a few words.
const RELEASE = words(
  /\b(?:released|premiered|came out|opened|(?:hit|reached|arrived in|arrived on)\b[^.,;]{0,30}?\b(?:screens|cinemas|theaters|theatres)|se estren[óo]|fue estrenada|fue estrenado|lleg[óo] a (?:los )?(?:cines|salas)\b[^.,;]{0,20}?)(?=\s|$)/i,
)

/**
 * Whether the English-only rules apply: English, or a language the detector named without an ISO 639-1
 * code (franc takes short English texts for Scots and the like), or none.
 */
function readsAsEnglish(language: string | null): boolean {
  return language === null || language === 'en' || language.length !== 2
}

/** The first full calendar date (day, month, year) in a text, read by chrono, with its offset. */
function fullDateIn(text: string, language: string | null): { value: string; index: number } | null {
  // The article's language first, then the others chrono reads, since a short text's language is a guess.
  const parsers = [
    language === 'es' ? chrono.es : language === 'pt' ? chrono.pt : language === 'fr' ? chrono.fr : null,
    chrono.en,
    chrono.es,
    chrono.fr,
    chrono.pt,
  ]
  for (const parser of parsers) {
    if (!parser) continue
    for (const result of parser.parse(text, new Date(Date.UTC(2000, 0, 1)), { forwardDate: false })) {
      const { start } = result
      if (!start.isCertain('year') || !start.isCertain('month') || !start.isCertain('day')) continue
      if (result.index > 40) break
      const pad = (n: number | null) => String(n).padStart(2, '0')
      return {
        value: `${start.get('year')}-${pad(start.get('month'))}-${pad(start.get('day'))}`,
        index: result.index,
      }
    }
  }
  return null
}

/** Where a release took place, from the words between the verb and its date ("in Italy", "Indian screens", "worldwide"). */
function releaseRegion(text: string): string | undefined {
  if (words(/\b(worldwide|globally|around the world|en todo el mundo|a nivel mundial)\b/i).test(text))
    return 'XWW'
  const place = words(`\\b(?:in|en|across)\\s+(?:the\\s+)?(${COUNTRY_WORDS})\\b`, 'i').exec(text)
  if (place) return countryOf(place[1]!) ?? undefined
  const adjective = words(
    `\\b(${COUNTRY_WORDS})\\s+(?:screens|cinemas|theaters|theatres)\\b|\\b(?:cines|salas)\\s+(${COUNTRY_WORDS})\\b`,
    'i',
  ).exec(text)
  const word = adjective?.[1] ?? adjective?.[2]
  return word && isNationality(word) ? (countryOf(word) ?? undefined) : undefined
}

/** The story's character a role word names ("the captor", "the guardian"): by slug, else by a role word only one has. */
function roleByWord(word: string, subject: KnownEntity, context: Context): KnownEntity | undefined {
  const ofStory = context.characters.filter((c) => c.story === subject.story)
  const exact = ofStory.find((c) => c.character === word)
  if (exact || word === 'the') return exact
  const named = new Set(ofStory.filter((c) => c.roleWords?.includes(word)).map((c) => c.character))
  return named.size === 1 ? ofStory.find((c) => named.has(c.character)) : undefined
}

const KIN =
  '(?:great-?)?(?:grand)?(?:mother|father|daughter|son|sister|brother|wife|husband|aunt|uncle|niece|nephew|guardian)'

function extractSentence(
  sentence: Sentence,
  local: readonly Mention[],
  context: Context,
  subject: KnownEntity | null,
  state: { chart: number | null },
): Found[] {
  const text = sentence.text
  const found: Found[] = []
  const hedged = HEDGE.test(text)
  const hedge = (confidence: number) => (hedged ? confidence * 0.5 : confidence)
  const isQuestion = QUESTION.test(text)
  const series = (extra: Record<string, string | undefined> = {}) => ({
    ...extra,
    as_of: context.asOf ?? undefined,
  })
  const characters = local.filter((m) => pick(m, 'character'))
  // A name that is both an actor's and a character's ("Meena") is taken for the actor where a person is expected.
  const people = local.filter((m) => pick(m, 'person'))

  if (isQuestion) return found

  // based_on_true_story: "not based on a true story" is false; "inspired by real events" true.
  const trueStory = words(
    /\b(based on|inspired by|taken from|adapted from)\s+(?:a\s+|the\s+)?(true|real|real-life|actual)\s+(story|stories|events?|incidents?|case|life)\b/i,
  ).exec(text)
  const trueStoryTr = /gerçek (bir )?(hikaye|olay)|kisah nyata|historia real|hechos reales/i.exec(text)
  if (subject && (trueStory || trueStoryTr)) {
    const at = (trueStory ?? trueStoryTr)!.index
    const before = text.slice(Math.max(0, at - 40), at)
    const negated = NEGATION.test(before) || words(/\b(değil|bukan|tidak|no está|no es)\b/i).test(text)
    found.push({ subject, property: 'based_on_true_story', value: !negated, confidence: hedge(0.9) })
  }

  // Ratings: a score on a scale or a percentage with a rater; an age certificate ("rated 13+", "PG-13") is none.
  // The certificate is dropped with its own clause only: "It carries a 12 certificate, and critics rate it 8/10" keeps 8/10.
  if (subject) {
    for (const rating of ratingsIn(text).filter((r) => !CERTIFICATE.test(r.clause))) {
      if (rating.by === undefined && rating.scale === 100 && !words(/\b(rating|rated|score)\b/i).test(text))
        continue
      found.push({
        subject,
        property: 'rating',
        value: { score: rating.score, scale: rating.scale },
        qualifiers: series({ by: rating.by }),
        confidence: hedge(rating.by ? 0.9 : 0.6),
      })
    }
  }

  // Where to watch.
  const releaseVerb = RELEASE.exec(text)
  const releaseDate = releaseVerb
    ? fullDateIn(text.slice(releaseVerb.index + releaseVerb[0].length), context.article.language)
    : null
  const releaseSpan =
    releaseVerb && releaseDate
      ? ([releaseVerb.index, releaseVerb.index + releaseVerb[0].length + releaseDate.index] as const)
      : null
  if (subject) {
    for (const [pattern, platform] of PLATFORMS) {
      const match = pattern.exec(text)
      if (!match) continue
      const around = text.slice(Math.max(0, match.index - 60), match.index)
      if (
        !words(/\b(on|stream|streaming|available|watch|via|en|di|tersedia)\b/i).test(around) ||
        words(/\btrending\b/i).test(around)
      )
        continue
      if (NEGATION.test(around) || words(/\b(top|number|#|most watched|chart)\b/i).test(text)) continue
      const worldwide = words(/\b(worldwide|globally|all over the world|around the world)\b/i).test(text)
      const place = words(`\\bin (?:the )?(${COUNTRY_WORDS})\\b`, 'i').exec(text.slice(match.index))
      const region = worldwide ? 'XWW' : place ? (countryOf(place[1]!) ?? undefined) : undefined
      found.push({
        subject,
        property: 'available_on',
        value: platform,
        // "released worldwide via Netflix on 20 January 2022": available since that date.
        qualifiers: {
          region,
          as_of:
            releaseSpan && match.index > releaseSpan[0] && match.index < releaseSpan[1]
              ? releaseDate!.value
              : (context.asOf ?? undefined),
        },
        confidence: hedge(0.85),
      })
    }
  }

  // Charts: "number one in Argentina", "top 1 … in Argentina", "the same position in Mexico".
  const chart = words(
    /\b(?:top\s*(\d{1,2})|number\s+(one|\d{1,2})|(?!)(\d)|#(\d{1,2}))\b(?=[^.]*\b(most watched|chart|ranking|in \p{Lu}))/iu,
  ).exec(text)
  const same = words(/\bsame position in\s+([A-Z][\p{L} ]+)/u).exec(text)
  if (subject && (chart || same)) {
    const position = chart
      ? Number(chart[1] ?? chart[3] ?? chart[4] ?? (chart[2] === 'one' ? 1 : chart[2]))
      : state.chart
    if (position !== null && Number.isFinite(position)) {
      state.chart = position
      const platform = PLATFORMS.find(([pattern]) => pattern.test(text))?.[1]
      const regions = chart
        ? [...text.slice(chart.index).matchAll(words(`\\bin (?:the )?(${COUNTRY_WORDS})\\b`, 'gi'))].slice(
            0,
            1,
          )
        : []
      const places = [
        ...regions.map((m) => m[1]!),
        ...(same ? [same[1]!.trim().split(words(/\s+(and|was|is)\b/))[0]!] : []),
      ]
      for (const place of places) {
        const region = countryOf(place)
        if (region)
          found.push({
            subject,
            property: 'chart_position',
            value: position,
            qualifiers: series({ region, chart: platform }),
            confidence: hedge(0.75),
          })
      }
    }
  }

  // Runtime.
  if (
    subject &&
    words(/\b(hours?|minutes?|mins?|runtime|running time|saat|dakika|menit|jam|minutos|horas)\b/i).test(
      text,
    ) &&
    !words(/\b(ago|later|before|after|every|per)\b/i).test(text)
  ) {
    const runtime = parseRuntime(text)
    if (runtime && runtime.minutes >= 60 && runtime.minutes <= 300) {
      found.push({ subject, property: 'runtime_minutes', value: runtime.minutes, confidence: hedge(0.75) })
    }
  }

  // Box office and admissions, with the region they were counted in ("$32 million worldwide",
  // "admissions in South Korea"); a cumulative figure, so no as_of.
  if (
    words(
      /\b(grossed|gross|box office|earned|collected|takings|hasılat|pendapatan|recaudó|recaudación|taquilla)(?![\p{L}])/iu,
    ).test(text) ||
    TOOK_MONEY.test(text)
  ) {
    const money = parseMoney(text)
    if (subject && money)
      found.push({
        subject,
        property: 'box_office',
        value: { amount: money.amount, currency: money.currency },
        qualifiers: { region: regionAfter(text.slice(money.end)) },
        confidence: hedge(money.amount >= 1000 ? 0.8 : 0.4),
      })
  }
  // Numbers in words first ("two million tickets"), as compromise reads them.
  const counted = words(
    /\b(admissions|tickets|moviegoers|spectators|viewers|seyirci|penonton|espectadores|entradas)\b/i,
  ).test(text)
    ? numbersAsDigits(text)
    : ''
  const admissions = words(
    /(\d[\d.,]*)\s*(million|milyon|juta|millones)?\s*(admissions|tickets sold|tickets|moviegoers|spectators|seyirci|penonton|espectadores|entradas)\b/i,
  ).exec(counted)
  if (
    subject &&
    admissions &&
    (!/^tickets$|^entradas$/i.test(admissions[3]!) ||
      words(/\b(sold|vendió|vendidas|terjual|satıldı)\b/i).test(counted))
  ) {
    const scale = admissions[2] ? 1e6 : 1
    const value = Math.round(parseNumber(admissions[1]!) * scale)
    if (Number.isFinite(value) && value > 1000)
      found.push({
        subject,
        property: 'admissions',
        value,
        qualifiers: { region: regionAfter(counted.slice(admissions.index + admissions[0].length)) },
        confidence: hedge(
          words(/\b(more than|over|around|about|nearly|almost|passed)\b/i).test(counted) ? 0.65 : 0.75,
        ),
      })
  }

  // Remakes and adaptations: "a Turkish adaptation of the South Korean movie", "the third remake of …" (an ordinal, not a count).
  const derived = words(/\b(adaptation|remake|version|retelling)\s+of\s+(.{3,120})/i).exec(text)
  if (subject && derived) {
    const object = derived[2]!
    const objectStart = derived.index + derived[0].length - object.length
    const objectMention = local.find((m) => m.start >= objectStart)
    // "the Hindi Drishyam": a qualified shared title is the remake of that name, not the original.
    const qualified =
      objectMention && objectMention.start - objectStart <= 25
        ? remakeAmong(objectMention, text.slice(objectStart, objectMention.start))
        : null
    const original =
      qualified ??
      describedFilm(
        object.split(words(/,|\bwhich\b|\bwith\b/))[0]! + (words(/\bsame name\b/).test(object) ? '' : ''),
        context,
      ) ??
      describedFilm(object, context) ??
      (objectMention ? filmOf(objectMention, context) : null)
    const original2 = original && original.slug === subject.slug && objectMention ? null : original
    if (original2 && original2.slug !== subject.slug) {
      const property = /adaptation/i.test(derived[1]!) ? 'adaptation_of' : 'remake_of'
      found.push({ subject, property, value: original2.slug, confidence: hedge(0.8) })
    }
  }
  // "the Kannada remake", "Spain's remake, …", "China then remade it as …": a remake whose original the
  // sentence does not name is a remake of its story's original film (weaker: the original comes from Retold).
  if (
    subject &&
    (subject.relation === 'remake' || subject.relation === 'unofficial-remake') &&
    !found.some((f) => f.property === 'remake_of') &&
    readsAsEnglish(context.article.language) &&
    words(/\bremake\b|\bremade\s+(?:it|the film|the story|\S+)(?:\s+[^.,;]{1,30}?)?\s+as\b/i).test(text) &&
    !words(/\b(remake|version)s?\s+of\b/i).test(text)
  ) {
    const original = context.films.find((f) => f.relation === 'original' && f.story === subject.story)
    if (original && original.slug !== subject.slug)
      found.push({ subject, property: 'remake_of', value: original.slug, confidence: hedge(0.6) })
  }

  // "Drishya (2014)": a title with its year in brackets; the film of that year when the title is shared.
  for (const mention of local) {
    const year = /^\s*\(((?:19|20)\d\d)\)/.exec(text.slice(mention.end))
    if (!year) continue
    const films = mention.entities.filter((e) => e.kind === 'film')
    const film =
      films.find((f) => f.year === Number(year[1])) ?? (films.length > 0 ? filmOf(mention, context) : null)
    if (film) found.push({ subject: film, property: 'year', value: Number(year[1]), confidence: hedge(0.75) })
  }

  // A country as the maker: "Spain's remake, …", "China then remade it as …".
  const maker = words(
    `\\b(${COUNTRY_WORDS})(?:['’]s\\s+(?:own\\s+)?(?:remake|version|adaptation|retelling)\\b|\\s+(?:then\\s+|later\\s+|also\\s+)?remade\\b)`,
    'i',
  ).exec(text)
  if (subject && maker && isNationality(maker[1]!)) {
    const country = countryOf(maker[1]!)
    if (country) found.push({ subject, property: 'country', value: country, confidence: hedge(0.7) })
  }

  // A language named like a nationality: "the Kannada remake", "The Malayalam original", "the Tamil one".
  for (const match of text.matchAll(
    words(
      /\b(?:[Tt]he|[Aa]n?|[Ii]ts|[Tt]his)\s+(?:[\w-]+\s+)?(\p{Lu}\p{Ll}+)\s+(original|remake|version|film|movie|one)\b/gu,
    ),
  )) {
    const word = match[1]!
    const language = languageOf(word)
    if (!language || isNationality(word)) continue
    const film = match[2] === 'original' ? (describedFilm(match[0], context) ?? null) : subject
    if (film) found.push({ subject: film, property: 'language', value: language, confidence: hedge(0.7) })
  }

  // Year and country of described films: "the original 2013 South Korean comedy-drama", "a film released in 2013 in South Korea".
  for (const match of text.matchAll(
    words(
      `\\b((?:the |a |an )?(?:original )?(?:(?:19|20)\\d\\d )?(?:(?:${COUNTRY_WORDS}) )?(?:(?:19|20)\\d\\d )?${FILM_NOUN}(?: of the same name)?(?:,? (?:which was |that was |was )?released in (?:(?:19|20)\\d\\d)(?: in (?:${COUNTRY_WORDS}))?)?)`,
      'gi',
    ),
  )) {
    const phrase = match[1]!
    const film = describedFilm(phrase, context)
    if (!film) continue
    const year = words(/\b(19|20)\d\d\b/).exec(phrase)
    if (year) found.push({ subject: film, property: 'year', value: Number(year[0]), confidence: hedge(0.7) })
    for (const nationality of phrase.matchAll(NATIONALITY)) {
      const country = isNationality(nationality[1]!) ? countryOf(nationality[1]!) : null
      if (country) found.push({ subject: film, property: 'country', value: country, confidence: hedge(0.6) })
    }
  }
  // Release: "released in Italy on 11 February 2016", "hit Indian screens on 31 July 2015", "se estrenó en
  // Francia el 2 de noviembre de 2011". A full date gives release_date (with the region the text names);
  // a year alone ("released in 2019") gives year.
  const released = RELEASE.exec(text)
  if (
    subject &&
    released &&
    !NEGATION.test(text.slice(Math.max(0, released.index - 12), released.index)) &&
    !words(/\bsame name\b|\bfilm released\b/i).test(
      text.slice(Math.max(0, released.index - 40), released.index + 10),
    )
  ) {
    const after = text.slice(released.index, released.index + 90)
    const date = fullDateIn(after.slice(released[0].length), context.article.language)
    if (date) {
      const between = after.slice(0, released[0].length + date.index)
      found.push({
        subject,
        property: 'release_date',
        value: date.value,
        qualifiers: { region: releaseRegion(between) },
        confidence: hedge(0.8),
      })
    } else {
      const year = words(/^\s+(?:in|en)\s+((?:19|20)\d\d)\b/i).exec(after.slice(released[0].length))
      if (year) found.push({ subject, property: 'year', value: Number(year[1]), confidence: hedge(0.75) })
    }
  }
  // The film's own nationality: "is a Turkish film", "this Turkish movie", "the Turkish adaptation".
  const own = words(
    `\\b(?:is|as|this|the|its)\\s+(?:a |an |the )?(?:\\w+ )?(${COUNTRY_WORDS})\\s+(?:film|movie|adaptation|remake|version|retelling)\\b`,
    'i',
  ).exec(text)
  if (subject && own && !derived?.[2]?.includes(own[0])) {
    const country = isNationality(own[1]!) ? countryOf(own[1]!) : null
    if (country && subject.countries?.includes(country))
      found.push({ subject, property: 'country', value: country, confidence: hedge(0.8) })
  }

  // Language: "in its original Turkish language", "a Turkish-language film".
  const spoken = words(/\b(?:original|in)\s+(\p{Lu}\p{Ll}+)\s+language\b|\b(\p{Lu}\p{Ll}+)-language\b/u).exec(
    text,
  )
  if (subject && spoken) {
    const language = languageOf(spoken[1] ?? spoken[2]!)
    if (language) found.push({ subject, property: 'language', value: language, confidence: hedge(0.75) })
  }

  // Original title: 'Its original title is "Yedinci Kogustaki Mucize"'.
  const originalTitle = words(/\boriginal (?:title|name) (?:is|was)\s+[“"'‘]([^”"'’]{2,80})[”"'’]/i).exec(
    text,
  )
  if (subject && originalTitle)
    found.push({ subject, property: 'original_title', value: originalTitle[1]!, confidence: hedge(0.85) })

  // Directors and writers: "directed by X", "scripted and directed by X", "X's Turkish retelling".
  for (const person of people) {
    const entity = pick(person, 'person')!
    const before = text.slice(Math.max(0, person.start - 40), person.start)
    // "A and B directed …", "A, B and C wrote the script": the verb after the last name is every name's.
    let last = person
    for (;;) {
      const next = people.find((p) => p.start > last.end)
      if (!next || !/^\s*(?:,\s*(?:and\s+)?|and\s+|&\s*)$/i.test(text.slice(last.end, next.start))) break
      last = next
    }
    const after = text.slice(last.end, last.end + 40)
    const ownFilm = describedFilm(text.slice(0, person.start), context)
    const target = ownFilm ?? subject
    if (!target) continue
    // "X was announced as director but has since been replaced by Y": Y directs (the one replaced does not).
    if (words(/\breplaced by\s*$/i).test(before)) {
      if (
        words(/\bdirector\b/i).test(text.slice(0, person.start)) &&
        !words(/\b(?:actor|cast|role|as the)\b/i).test(text)
      )
        found.push({ subject: target, property: 'director', value: entity.slug, confidence: hedge(0.6) })
      continue
    }
    if (words(/\b(instead of|replacing)\s*$/i).test(before)) continue
    // "X wrote and directed the film".
    const did = words(
      /^\s+(?:also\s+)?(wrote and directed|directed and wrote|co-wrote and directed|directed|wrote|scripted)\s+(?:the film|the movie|it|this film|this movie|the remake|the original)\b/i,
    ).exec(after)
    // "X directed Title", "A and B wrote Title (1999)", "X directed the third version, Title": the film named.
    const craft = words(
      /^\s+(?:also\s+)?(wrote and directed|directed and wrote|co-wrote and directed|co-directed|directed|co-wrote|wrote|scripted)\s+(?:the\s+(?:[\p{L}\d-]+\s+){0,3}(?:version|remake|film|movie|adaptation|original)\s*,\s*)?/iu,
    ).exec(after)
    const titled = craft
      ? local.find(
          (m) =>
            m.start === last.end + craft[0].length &&
            m.entities.some((e) => e.kind === 'film' || e.kind === 'story'),
        )
      : undefined
    const crafted = titled ? filmNamedIn(titled, text.slice(last.end, titled.end), context) : null
    if (craft && crafted) {
      if (/directed/i.test(craft[1]!))
        found.push({ subject: crafted, property: 'director', value: entity.slug, confidence: hedge(0.75) })
      if (/wrote|scripted/i.test(craft[1]!))
        found.push({ subject: crafted, property: 'writer', value: entity.slug, confidence: hedge(0.75) })
    }
    if (did && subject) {
      if (/directed/i.test(did[1]!))
        found.push({ subject, property: 'director', value: entity.slug, confidence: hedge(0.8) })
      if (/wrote|scripted/i.test(did[1]!))
        found.push({ subject, property: 'writer', value: entity.slug, confidence: hedge(0.75) })
    }
    if (words(/\bdirected by\s*$/i).test(before) || words(/\bdirector\s*$/i).test(before)) {
      found.push({ subject: target, property: 'director', value: entity.slug, confidence: hedge(0.85) })
    }
    if (
      words(/\b(written|scripted|screenplay)(?: and directed)? by\s*$/i).test(before) ||
      words(/\bwritten and directed by\s*$/i).test(before)
    ) {
      found.push({ subject: target, property: 'writer', value: entity.slug, confidence: hedge(0.8) })
    }
    const possessive = words(
      `^['’]s\\s+(?:(${COUNTRY_WORDS})\\s+)?(film|movie|retelling|remake|version|adaptation)\\b`,
      'i',
    ).exec(after)
    if (possessive) {
      const film = possessive[1] ? describedFilm(possessive[1], context) : target
      if (film)
        found.push({ subject: film, property: 'director', value: entity.slug, confidence: hedge(0.6) })
    }
    // "Jane Roe's The Lantern": a person's possessive right before a film's title names its director.
    const titledBy = /^['’]s\s+/.exec(text.slice(person.end, person.end + 40))
    if (titledBy && !possessive && !pick(person, 'character')) {
      const at = person.end + titledBy[0].length
      const named = local.find(
        (m) => m.start === at && m.entities.some((e) => e.kind === 'film' || e.kind === 'story'),
      )
      const film = named ? filmNamedIn(named, text.slice(at, at + 60), context) : null
      if (film)
        found.push({ subject: film, property: 'director', value: entity.slug, confidence: hedge(0.6) })
    }
    // "X adapted the screenplay", "X wrote the script".
    if (
      words(/^\s+(?:also\s+)?(?:adapted|wrote|co-wrote|penned)\s+the\s+(?:screenplay|script)\b/i).test(after)
    )
      found.push({ subject: target, property: 'writer', value: entity.slug, confidence: hedge(0.75) })
  }

  // Cast: "Ova (Nisa Sofiya Aksongur)", "Memo, a man played by X", "X as Memo", "X plays Memo", "X is the
  // police chief, Y", "X returned as the mother", "replaced by X as the father" (X is cast; the one replaced is
  // not), "A and B play the hosts, C and D" (in order), "stars A and B" (no character).
  const cast = new Map<Mention, { film: KnownEntity; character?: string | undefined; confidence: number }>()
  const personOnly = people.filter((p) => !pick(p, 'character') || !characters.some((c) => c !== p))
  for (const person of people) {
    const actor = pick(person, 'person')!
    const before = text.slice(0, person.start)
    const after = text.slice(person.end)
    if (words(/\b(instead of|replacing|originally cast|turned down)\b[^.]{0,30}$/i).test(before)) continue
    if (words(/^\s+(?:was|had been|has been|is)\s+(?:\w+\s+){0,2}?replaced\b/i).test(after)) continue
    const others = characters.filter((c) => c !== person)
    let character: Mention | undefined
    let confidence = 0.9
    if (/\(\s*$/.test(before))
      character = [...others].reverse().find((c) => c.end <= person.start && person.start - c.end <= 3)
    if (
      !character &&
      words(/\b(played|portrayed|performed|played with|brought to life)\b[^.]{0,60}\bby\s*$/i).test(before)
    ) {
      character = [...others].reverse().find((c) => c.end <= person.start && person.start - c.end <= 120)
    }
    if (!character && /^\s+(as|plays|playing)\s+/i.test(after)) {
      character = others.find((c) => c.start >= person.end && c.start - person.end <= 12)
    }
    // "X is the Inspector General, Meera Deshmukh": a character named within a few words, no one else between.
    const copula = /^\s+(?:is|was|plays|played)\s+(?:the\s+)?[^.,;()]{0,40}?,\s*$/i
    if (!character) {
      const next = others.find((c) => c.start >= person.end && c.start - person.end <= 50)
      if (
        next &&
        copula.test(text.slice(person.end, next.start)) &&
        !people.some((p) => p.start > person.end && p.start < next.start)
      ) {
        character = next
        confidence = 0.65
      }
    }
    // "X is Marie": a character named right after "is".
    if (!character) {
      const next = others.find((c) => c.start >= person.end && c.start - person.end <= 6)
      if (next && /^\s+(?:is|was)\s+$/i.test(text.slice(person.end, next.start))) {
        character = next
        confidence = 0.65
      }
    }
    const role = character && pick(character, 'character')
    if (role) {
      const film = context.films.find((f) => f.slug === role.film) ?? subject
      if (film) cast.set(person, { film, character: role.character, confidence })
      continue
    }
    if (!subject) continue
    // "X returned as the mother", "replaced by X as the father": a role by its name, in the sentence's film.
    // "X is the guardian": the same, weaker. "A was announced as the captor but was replaced by X": X plays the captor.
    const asRole = /^\s+(?:(?:\w+\s+){0,2}?as|to play|is|was)\s+the\s+([\p{L}-]+)/iu.exec(after)
    const replacedAs = words(/\bas\s+the\s+([\p{L}-]+)\b[^.;]{0,60}\breplaced by\s*$/iu).exec(before)
    const roleWord = asRole && !words(/\bto play\b/i).test(asRole[0]) ? asRole[1] : replacedAs?.[1]
    if (roleWord) {
      const story = roleByWord(roleWord.toLowerCase(), subject, context)
      if (story) {
        const weaker = asRole ? /^\s+(?:is|was)\s/i.test(asRole[0]) : true
        cast.set(person, { film: subject, character: story.character!, confidence: weaker ? 0.65 : 0.7 })
        continue
      }
    }
    // "stars A and B", "starring A, B and C", "with A and B": a cast list without characters.
    const list = words(
      /\b(?:stars|starring|starred|co-stars|co-starred|featuring|alongside)\s+(?:[^.;:]{0,80}?)$/i,
    ).exec(before)
    if (list && personOnly.includes(person)) {
      const between = list[0].replace(/^\S+\s+/, '')
      const listed = people.filter((p) => p.start >= person.start - between.length && p.end <= person.start)
      const rest = between.slice(
        listed.reduce((end, p) => Math.max(end, p.end - (person.start - between.length)), 0),
      )
      if (/^\s*$|^\s*(?:,|and|y|ve|dan)\s*$/i.test(rest) && (listed.length > 0 || between.trim() === '')) {
        const credited = actor.films?.includes(subject.slug) ?? false
        cast.set(person, { film: subject, confidence: credited ? 0.75 : 0.55 })
      }
    }
  }
  // "A was replaced by B, and he plays Chaney instead": "he" or "she" is the sentence's first person.
  const first = people.find((p) => !pick(p, 'character'))
  for (const role of characters) {
    if (!first || first.start >= role.start || cast.has(first)) continue
    if (
      !words(/\b(?:he|she)\s+(?:now\s+)?(?:plays|played|portrays|portrayed)\s+$/i).test(
        text.slice(0, role.start),
      )
    )
      continue
    const played = pick(role, 'character')!
    const film = context.films.find((f) => f.slug === played.film) ?? subject
    if (film) cast.set(first, { film, character: played.character, confidence: 0.6 })
  }
  // "A and B play the hosts, C and D": actors and characters paired in order.
  const pairing = /\s+(?:play|portray)\s+(?:the\s+[\p{L}\s-]{0,30},\s*)?/iu
  for (let i = 0; i < people.length; i += 1) {
    const group: Mention[] = [people[i]!]
    while (
      i + group.length < people.length &&
      /^\s*(?:,|and|,\s*and)\s*$/i.test(text.slice(group.at(-1)!.end, people[i + group.length]!.start))
    )
      group.push(people[i + group.length]!)
    if (group.length < 2) continue
    const verb = pairing.exec(text.slice(group.at(-1)!.end))
    if (!verb || verb.index !== 0) continue
    let at = group.at(-1)!.end + verb[0].length
    const roles: Mention[] = []
    for (const character of characters) {
      if (character.start < at || roles.length === group.length) continue
      if (!/^\s*(?:,|and|,\s*and)?\s*$/i.test(text.slice(at, character.start))) break
      roles.push(character)
      at = character.end
    }
    if (roles.length !== group.length) continue
    group.forEach((person, k) => {
      const role = pick(roles[k]!, 'character')!
      const film = context.films.find((f) => f.slug === role.film) ?? subject
      if (film) cast.set(person, { film, character: role.character, confidence: 0.75 })
    })
    i += group.length - 1
  }
  for (const [person, { film, character, confidence }] of cast)
    found.push({
      subject: film,
      property: 'cast',
      value: pick(person, 'person')!.slug,
      qualifiers: { character },
      confidence: hedge(confidence),
    })

  // Relations between characters: "Memo's grandmother", "his daughter Ova", "Ova … and her grandmother".
  for (const match of text.matchAll(
    words(
      `\\b(his|her|their|[\\p{Lu}][\\p{L}]+['’]s)\\s+(?:own\\s+)?(?:(?:young|little|elderly|old|older|six-year-old|\\d+-year-old)\\s+)?(${KIN})\\b(?:,?\\s+)?`,
      'gu',
    ),
  )) {
    if (words(/\bown\b/i).test(match[0])) continue
    const kin = match[2]!.toLowerCase().replace('great grand', 'great-grand')
    const owner = /^(his|her|their)$/i.test(match[1]!)
      ? [...characters]
          .reverse()
          .find((c) => c.end <= match.index && !words(/^['’]s\b/).test(text.slice(c.end, c.end + 3)))
      : characters.find((c) => c.start === match.index)
    const ownerRole = owner && pick(owner, 'character')
    if (!ownerRole) continue
    const afterEnd = match.index + match[0].length
    const named = characters.find((c) => c.start >= afterEnd && c.start - afterEnd <= 2)
    let relative = named && pick(named, 'character')
    if (!relative && /grand/.test(kin)) {
      const role = kin.replace(/^great-?/, '')
      relative = context.characters.find(
        (c) => c.roleWords?.includes(role) && (!ownerRole.film || c.film === ownerRole.film),
      )
    }
    if (!relative || relative.character === ownerRole.character) continue
    const film = context.films.find((f) => f.slug === ownerRole.film) ?? subject
    if (!film) continue
    found.push({
      subject: film,
      property: 'relation',
      value: kin,
      qualifiers: { character: relative.character, of: ownerRole.character },
      confidence: hedge(named ? 0.8 : 0.65),
    })
  }
  return found
}

function keyOf(found: Found): string {
  return JSON.stringify([
    found.subject.kind,
    found.subject.slug,
    found.property,
    found.value,
    Object.entries(found.qualifiers ?? {})
      .filter(([, v]) => v !== undefined)
      .sort(),
  ])
}

/**
 * Proposes the claims an article makes about the films, people and characters its linker knows: one
 * candidate per distinct statement, quoting the first sentence that makes it with the highest confidence.
 */
export function extractCandidates(article: Article, options: ExtractOptions): CandidateClaim[] {
  const mentions = options.linker(article.text)
  const context: Context = {
    article,
    films: options.films,
    characters: options.characters ?? [],
    focus: findFocus(mentions, article.text, options.films),
    asOf: article.updated ?? article.published,
  }
  const candidates = new Map<string, CandidateClaim>()
  const state = { chart: null as number | null }
  let previous: KnownEntity | null = context.focus
  let lastEnd = 0
  for (const original of splitSentences(article.text)) {
    // A hedged clause ("… may also be on the way", "reportedly sold …") states nothing: it is blanked out.
    const sentence = { ...original, text: maskHedges(original.text) }
    const local = mentionsIn(sentence, mentions).filter(
      (m) => sentence.text.slice(m.start, m.end).trim() !== '',
    )
    const sameParagraph = !/\n\s*\n/.test(article.text.slice(lastEnd, sentence.start))
    lastEnd = sentence.end
    const subject = subjectOf(sentence, local, context, previous, sameParagraph)
    for (const found of extractSentence(sentence, local, context, subject, state)) {
      const qualifiers = Object.fromEntries(
        Object.entries(found.qualifiers ?? {}).filter(
          (entry): entry is [string, string] => entry[1] !== undefined,
        ),
      )
      const candidate: CandidateClaim = {
        subject: entityRef(found.subject),
        property: found.property,
        value: found.value,
        qualifiers,
        quote: original.text,
        start: original.start,
        end: original.end,
        confidence: Math.round(found.confidence * 100) / 100,
      }
      const key = keyOf({ ...found, qualifiers })
      const seen = candidates.get(key)
      if (!seen || seen.confidence < candidate.confidence) candidates.set(key, candidate)
    }
    // "It" in the next sentence is the last film this one described ("… a film released in 2013 in South Korea. It grossed …").
    const described = [...sentence.text.matchAll(words(`(?:${COUNTRY_WORDS})|\\b(?:19|20)\\d\\d\\b`, 'gi'))]
    // Only a description names a film ("a film released in 2013 in South Korea"), not a place alone ("rated 15 in the UK").
    const tail = described.length > 0 ? sentence.text.slice(Math.max(0, described.at(-1)!.index - 40)) : ''
    const last =
      tail !== '' && (words(`\\b${FILM_NOUN}\\b`, 'i').test(tail) || words(/\b(?:19|20)\d\d\b/).test(tail))
        ? describedFilm(tail, context)
        : null
    previous = last ?? subject ?? previous
  }
  return [...candidates.values()].sort((a, b) => a.start - b.start || a.property.localeCompare(b.property))
}

/** Extraction over a gazetteer of what Retold knows about the stories an article names (built by the ingest service). */
export function extractWithScope(article: Article, scope: ArticleScope): CandidateClaim[] {
  return extractCandidates(article, {
    linker: createGazetteerLinker(scope.named),
    films: scope.films,
    characters: scope.characters,
  })
}
