import nlp from 'compromise'
import parseDuration from 'parse-duration'
import type { Article } from './read-article.ts'
import {
  createGazetteerLinker,
  type KnownEntity,
  type Mention,
  type MentionLinker,
  type NamedEntity,
} from './link-mentions.ts'
import { splitSentences, type Sentence } from './split-sentences.ts'
import { COUNTRY_WORDS, countryOf, CURRENCIES, languageOf, PLATFORMS, RATERS } from './vocabulary.ts'

export const CANDIDATE_PROPERTIES = [
  'title',
  'original_title',
  'year',
  'release_date',
  'country',
  'language',
  'runtime_minutes',
  'director',
  'writer',
  'cast',
  'remake_of',
  'adaptation_of',
  'based_on_true_story',
  'rating',
  'box_office',
  'admissions',
  'available_on',
  'chart_position',
  'relation',
] as const
export type CandidateProperty = (typeof CANDIDATE_PROPERTIES)[number]

export type CandidateValue =
  string | number | boolean | { amount: number; currency: string } | { score: number; scale: number }

/** A claim an article seems to make, for an editor to accept, edit or reject. */
export interface CandidateClaim {
  subject: { kind: KnownEntity['kind']; slug: string; name: string }
  property: CandidateProperty
  /** Films and people are given by slug (cast: the actor; remake_of: the original film). */
  value: CandidateValue
  /** As claims name them: region, as_of, by (a rating's source), character and of (character slugs), chart. */
  qualifiers: Record<string, string>
  /** The sentence it came from, and its offsets in the article's text. */
  quote: string
  start: number
  end: number
  /** 0..1: how sure the extractor is that the sentence says this. */
  confidence: number
}

export interface ExtractOptions {
  linker: MentionLinker
  /** The films the article may be about (the versions of the stories it names), to read descriptions such as "the 2013 South Korean film". */
  films: readonly KnownEntity[]
  /** The characters of those films, to read "Memo's grandmother" when the article names her by her role only. */
  characters?: readonly KnownEntity[] | undefined
}

// Words that make a statement uncertain: its candidate keeps a low confidence.
const HEDGE =
  /\b(may|might|could|reportedly|rumou?red|allegedly|supposedly|perhaps|possibly|probably|apparently|some say|it is said|is said to|seems?|unconfirmed)\b/i
const NEGATION = /\b(not|n[o']t|never|no longer|neither|nor|isn't|wasn't|doesn't|didn't|without)\b/i
const QUESTION = /\?\s*$/
const FILM_NOUN =
  '(?:film|movie|drama|comedy-drama|comedy|thriller|adaptation|remake|version|retelling|picture|feature|production)'
const NATIONALITY = new RegExp(`\\b(${COUNTRY_WORDS})\\b`, 'gi')
const YEAR = /\b(19[2-9]\d|20[0-4]\d)\b/g

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
  const original = /\boriginal\b/i.test(fragment)
  if (countriesNamed.length === 0 && years.length === 0 && !original) return null
  const matches = context.films.filter(
    (film) =>
      (countriesNamed.length === 0 || countriesNamed.some((c) => film.countries?.includes(c))) &&
      (years.length === 0 || years.includes(film.year ?? -1)) &&
      (!original || countriesNamed.length > 0 || years.length > 0 || film.relation === 'original'),
  )
  if (matches.length === 1) return matches[0]!
  // Several versions of one country: the original one, when the description says so or names none.
  const originals = matches.filter((f) => f.relation === 'original')
  return originals.length === 1 && (original || years.length > 0) ? originals[0]! : null
}

function mentionsIn(sentence: Sentence, mentions: readonly Mention[]): Mention[] {
  return mentions
    .filter((m) => m.start >= sentence.start && m.end <= sentence.end)
    .map((m) => ({ ...m, start: m.start - sentence.start, end: m.end - sentence.start }))
}

function pick(mention: Mention, kind: KnownEntity['kind']): KnownEntity | undefined {
  return mention.entities.find((e) => e.kind === kind)
}

/** The film a mention names: one film, or, for a shared title, the article's focus among them. */
function filmOf(mention: Mention, context: Context): KnownEntity | null {
  const films = mention.entities.filter((e) => e.kind === 'film')
  if (films.length === 1 && mention.entities.every((e) => e.kind === 'film')) return films[0]!
  if (
    context.focus &&
    (films.some((f) => f.slug === context.focus!.slug) || mention.entities.some((e) => e.kind === 'story'))
  )
    return context.focus
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

/** The film a sentence is about: a film named or described before its verb, a pronoun's film, or the focus. */
function subjectOf(
  sentence: Sentence,
  local: readonly Mention[],
  context: Context,
  previous: KnownEntity | null,
): KnownEntity | null {
  const verb = /\b(is|was|are|were|has|had|grossed|became|follows|stars|tells|made|won|earned)\b/i.exec(
    sentence.text,
  )
  const head = verb ? sentence.text.slice(0, verb.index) : sentence.text
  if (/^\s*(it|this film|the film|this movie|the movie)\b/i.test(head) && previous) return previous
  const described = describedFilm(head, context)
  if (described) return described
  const named = local.find(
    (m) => m.start < head.length && m.entities.some((e) => e.kind === 'film' || e.kind === 'story'),
  )
  if (named) return filmOf(named, context)
  return context.focus
}

function ratingsIn(
  text: string,
): Array<{ score: number; scale: number; by: string | undefined; at: number }> {
  const found: Array<{ score: number; scale: number; by: string | undefined; at: number }> = []
  // A clause at a time, so that "8.2/10 on IMDb and a 92% audience score on Rotten Tomatoes" keeps each rater with its score.
  let offset = 0
  // A comma between digits is a decimal comma ("8,2/10" in Turkish, Spanish, Indonesian), not a clause break.
  for (const clause of text.split(/(?:,(?!\d)|(?<!\d),|;|\band\b|\bwhile\b|\bwhereas\b)/i)) {
    const rater = RATERS.find(([pattern]) => pattern.test(clause))?.[1]
    const slash = /(?<![\d.])(\d{1,3}(?:[.,]\d)?)\s*(?:\/|out of|dari|üzerinden)\s*(10|5|100)\b/i.exec(clause)
    const percent = /(?<![\d.])(\d{1,3})\s?%/.exec(clause)
    if (slash) {
      const score = Number(slash[1]!.replace(',', '.'))
      const scale = Number(slash[2])
      if (score <= scale) found.push({ score, scale, by: rater, at: offset + slash.index })
    } else if (percent && (rater || /\b(score|rating|rated|puan|nilai|calificación)\b/i.test(clause))) {
      found.push({ score: Number(percent[1]), scale: 100, by: rater, at: offset + percent.index })
    }
    offset += clause.length
  }
  return found
}

/** Minutes in a duration written out ("two hours and 12 minutes", "132 min", "2 saat 12 dakika", "132 menit"). */
export function parseRuntime(text: string): { minutes: number; index: number } | null {
  const doc = nlp(text)
  doc.numbers().toNumber()
  const digits = doc.text()
  const english =
    /\b(\d+)\s*(?:hours?|hrs?|h)\b(?:,?\s*(?:and\s+)?(\d+)\s*(?:minutes?|mins?|m)\b)?|\b(\d{2,3})\s*(?:minutes?|mins?)\b/i.exec(
      digits,
    )
  if (english) {
    const minutes = parseDuration(english[0].replace(/\band\b/i, ' '), 'm')
    if (minutes && minutes > 0)
      return { minutes: Math.round(minutes), index: text.search(/\d|\b(one|two|three)\b/i) }
  }
  const other =
    /\b(\d)\s*(?:saat|jam|horas?)\s*(?:(?:ve|dan|y)\s*)?(?:(\d{1,2})\s*(?:dakika|menit|minutos?))?|\b(\d{2,3})\s*(?:dakika|dk|menit|minutos?)\b/i.exec(
      text,
    )
  if (!other) return null
  const minutes = other[3] ? Number(other[3]) : Number(other[1]) * 60 + Number(other[2] ?? 0)
  return { minutes, index: other.index }
}

/** An amount of money written out ("$82 million", "86 milyon TL"). */
export function parseMoney(text: string): { amount: number; currency: string } | null {
  const match =
    /(US\$|\$|€|£|₺|₩|₱|₹|Rp\.?)\s?(\d[\d.,]*)\s*(million|billion|thousand|milyon|milyar|juta|miliar|millones|mil millones)?|(\d[\d.,]*)\s*(million|billion|milyon|milyar|juta|miliar|millones)?\s*(dollars?|euros?|lira|TL|won|rupiah|pesos?|rupees?)/i.exec(
      text,
    )
  if (!match) return null
  const sign = match[1] ?? match[6] ?? ''
  const currency = CURRENCIES.find(([pattern]) => pattern.test(sign))?.[1]
  if (!currency) return null
  const scaleWord = (match[3] ?? match[5] ?? '').toLowerCase()
  const number = Number((match[2] ?? match[4] ?? '').replace(/,/g, ''))
  if (!Number.isFinite(number)) return null
  const scale = /^(billion|milyar|miliar|mil millones)$/.test(scaleWord)
    ? 1e9
    : /^(million|milyon|juta|millones)$/.test(scaleWord)
      ? 1e6
      : scaleWord === 'thousand'
        ? 1e3
        : 1
  return { amount: Math.round(number * scale), currency }
}

const KIN =
  '(?:great-?)?(?:grand)?(?:mother|father|daughter|son|sister|brother|wife|husband|aunt|uncle|niece|nephew)'

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
  const people = local.filter((m) => pick(m, 'person') && !pick(m, 'character'))

  if (isQuestion) return found

  // based_on_true_story: "not based on a true story" is false; "inspired by real events" true.
  const trueStory =
    /\b(based on|inspired by|taken from|adapted from)\s+(?:a\s+|the\s+)?(true|real|real-life|actual)\s+(story|stories|events?|incidents?|case|life)\b/i.exec(
      text,
    )
  const trueStoryTr = /gerçek (bir )?(hikaye|olay)|kisah nyata|historia real|hechos reales/i.exec(text)
  if (subject && (trueStory || trueStoryTr)) {
    const at = (trueStory ?? trueStoryTr)!.index
    const before = text.slice(Math.max(0, at - 40), at)
    const negated = NEGATION.test(before) || /\b(değil|bukan|tidak|no está|no es)\b/i.test(text)
    found.push({ subject, property: 'based_on_true_story', value: !negated, confidence: hedge(0.9) })
  }

  // Ratings: a score on a scale or a percentage with a rater; an age certificate ("rated 13+", "PG-13") is none.
  if (
    subject &&
    !/\b(PG-?13|rated\s+(R|PG|G|NC-17|\d+\+)|age rating|certificate|certified|sertifika)\b/i.test(text)
  ) {
    for (const rating of ratingsIn(text)) {
      if (rating.by === undefined && rating.scale === 100 && !/\b(rating|rated|score)\b/i.test(text)) continue
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
  if (subject) {
    for (const [pattern, platform] of PLATFORMS) {
      const match = pattern.exec(text)
      if (!match) continue
      const around = text.slice(Math.max(0, match.index - 60), match.index)
      if (
        !/\b(on|stream|streaming|available|watch|via|en|di|tersedia)\b/i.test(around) ||
        /\btrending\b/i.test(around)
      )
        continue
      if (NEGATION.test(around) || /\b(top|number|#|most watched|chart)\b/i.test(text)) continue
      const worldwide = /\b(worldwide|globally|all over the world|around the world)\b/i.test(text)
      const place = new RegExp(`\\bin (${COUNTRY_WORDS})\\b`, 'i').exec(text.slice(match.index))
      const region = worldwide ? 'XWW' : place ? (countryOf(place[1]!) ?? undefined) : undefined
      found.push({
        subject,
        property: 'available_on',
        value: platform,
        qualifiers: series({ region }),
        confidence: hedge(0.85),
      })
    }
  }

  // Charts: "number one in Argentina", "top 1 … in Argentina", "the same position in Mexico".
  const chart =
    /\b(?:top\s*(\d{1,2})|number\s+(one|\d{1,2})|(?!)(\d)|#(\d{1,2}))\b(?=[^.]*\b(most watched|chart|ranking|in \p{Lu}))/iu.exec(
      text,
    )
  const same = /\bsame position in\s+([A-Z][\p{L} ]+)/u.exec(text)
  if (subject && (chart || same)) {
    const position = chart
      ? Number(chart[1] ?? chart[3] ?? chart[4] ?? (chart[2] === 'one' ? 1 : chart[2]))
      : state.chart
    if (position !== null && Number.isFinite(position)) {
      state.chart = position
      const platform = PLATFORMS.find(([pattern]) => pattern.test(text))?.[1]
      const regions = chart
        ? [...text.slice(chart.index).matchAll(new RegExp(`\\bin (${COUNTRY_WORDS})\\b`, 'gi'))].slice(0, 1)
        : []
      const places = [
        ...regions.map((m) => m[1]!),
        ...(same ? [same[1]!.trim().split(/\s+(and|was|is)\b/)[0]!] : []),
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
    /\b(hours?|minutes?|mins?|runtime|running time|saat|dakika|menit|jam|minutos|horas)\b/i.test(text) &&
    !/\b(ago|later|before|after|every|per)\b/i.test(text)
  ) {
    const runtime = parseRuntime(text)
    if (runtime && runtime.minutes >= 60 && runtime.minutes <= 300) {
      found.push({ subject, property: 'runtime_minutes', value: runtime.minutes, confidence: hedge(0.75) })
    }
  }

  // Box office and admissions.
  if (
    /\b(grossed|gross|box office|earned|collected|takings|hasılat|pendapatan|recaudó|taquilla)\b/i.test(text)
  ) {
    const money = parseMoney(text)
    if (subject && money)
      found.push({
        subject,
        property: 'box_office',
        value: money,
        qualifiers: series(),
        confidence: hedge(0.8),
      })
  }
  const admissions =
    /(\d[\d.,]*)\s*(million|milyon|juta|millones)?\s*(admissions|tickets sold|moviegoers|spectators|seyirci|penonton|espectadores)\b/i.exec(
      text,
    )
  if (subject && admissions) {
    const scale = admissions[2] ? 1e6 : 1
    const value = Math.round(Number(admissions[1]!.replace(/,/g, '').replace(/\.(?=\d{3}\b)/g, '')) * scale)
    if (Number.isFinite(value) && value > 1000)
      found.push({ subject, property: 'admissions', value, qualifiers: series(), confidence: hedge(0.75) })
  }

  // Remakes and adaptations: "a Turkish adaptation of the South Korean movie", "the third remake of …" (an ordinal, not a count).
  const derived = /\b(adaptation|remake|version|retelling)\s+of\s+(.{3,120})/i.exec(text)
  if (subject && derived) {
    const object = derived[2]!
    const objectMention = local.find((m) => m.start >= derived.index + derived[0].length - object.length)
    const original =
      describedFilm(
        object.split(/,|\bwhich\b|\bwith\b/)[0]! + (/\bsame name\b/.test(object) ? '' : ''),
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

  // Year and country of described films: "the original 2013 South Korean comedy-drama", "a film released in 2013 in South Korea".
  for (const match of text.matchAll(
    new RegExp(
      `\\b((?:the |a |an )?(?:original )?(?:(?:19|20)\\d\\d )?(?:(?:${COUNTRY_WORDS}) )?(?:(?:19|20)\\d\\d )?${FILM_NOUN}(?: of the same name)?(?:,? (?:which was |that was |was )?released in (?:(?:19|20)\\d\\d)(?: in (?:${COUNTRY_WORDS}))?)?)`,
      'gi',
    ),
  )) {
    const phrase = match[1]!
    const film = describedFilm(phrase, context)
    if (!film) continue
    const year = /\b(19|20)\d\d\b/.exec(phrase)
    if (year) found.push({ subject: film, property: 'year', value: Number(year[0]), confidence: hedge(0.7) })
    for (const nationality of phrase.matchAll(NATIONALITY)) {
      const country = countryOf(nationality[1]!)
      if (country) found.push({ subject: film, property: 'country', value: country, confidence: hedge(0.6) })
    }
  }
  // "released in 2019" about the sentence's own film.
  const released = /\b(?:released|premiered|came out|opened)\s+(?:in|on)\s+(.{4,30})/i.exec(text)
  if (
    subject &&
    released &&
    !/\bsame name\b|\bfilm released\b/i.test(
      text.slice(Math.max(0, released.index - 40), released.index + 10),
    )
  ) {
    const date = /^(?:(\d{1,2}\s+\w+|\w+\s+\d{1,2},?)\s+)?((?:19|20)\d\d)\b/.exec(released[1]!)
    if (date && date[1]) {
      const full = /^\d{4}-\d{2}-\d{2}$/.test(date[0]) ? date[0] : null
      if (full) found.push({ subject, property: 'release_date', value: full, confidence: hedge(0.7) })
    }
    if (date) found.push({ subject, property: 'year', value: Number(date[2]), confidence: hedge(0.75) })
  }
  // The film's own nationality: "is a Turkish film", "this Turkish movie", "the Turkish adaptation".
  const own = new RegExp(
    `\\b(?:is|as|this|the|its)\\s+(?:a |an |the )?(?:\\w+ )?(${COUNTRY_WORDS})\\s+(?:film|movie|adaptation|remake|version|retelling)\\b`,
    'i',
  ).exec(text)
  if (subject && own && !derived?.[2]?.includes(own[0])) {
    const country = countryOf(own[1]!)
    if (country && subject.countries?.includes(country))
      found.push({ subject, property: 'country', value: country, confidence: hedge(0.8) })
  }

  // Language: "in its original Turkish language", "a Turkish-language film".
  const spoken = /\b(?:original|in)\s+(\p{Lu}\p{Ll}+)\s+language\b|\b(\p{Lu}\p{Ll}+)-language\b/u.exec(text)
  if (subject && spoken) {
    const language = languageOf(spoken[1] ?? spoken[2]!)
    if (language) found.push({ subject, property: 'language', value: language, confidence: hedge(0.75) })
  }

  // Original title: 'Its original title is "Yedinci Kogustaki Mucize"'.
  const originalTitle = /\boriginal (?:title|name) (?:is|was)\s+[“"'‘]([^”"'’]{2,80})[”"'’]/i.exec(text)
  if (subject && originalTitle)
    found.push({ subject, property: 'original_title', value: originalTitle[1]!, confidence: hedge(0.85) })

  // Directors and writers: "directed by X", "scripted and directed by X", "X's Turkish retelling".
  for (const person of people) {
    const entity = pick(person, 'person')!
    const before = text.slice(Math.max(0, person.start - 40), person.start)
    const after = text.slice(person.end, person.end + 40)
    const ownFilm = describedFilm(text.slice(0, person.start), context)
    const target = ownFilm ?? subject
    if (!target) continue
    if (/\b(replaced by|instead of|replacing)\s*$/i.test(before)) continue
    if (/\bdirected by\s*$/i.test(before) || /\bdirector\s*$/i.test(before)) {
      found.push({ subject: target, property: 'director', value: entity.slug, confidence: hedge(0.85) })
    }
    if (
      /\b(written|scripted|screenplay)(?: and directed)? by\s*$/i.test(before) ||
      /\bwritten and directed by\s*$/i.test(before)
    ) {
      found.push({ subject: target, property: 'writer', value: entity.slug, confidence: hedge(0.8) })
    }
    const possessive = new RegExp(
      `^['’]s\\s+(?:(${COUNTRY_WORDS})\\s+)?(film|movie|retelling|remake|version|adaptation)\\b`,
      'i',
    ).exec(after)
    if (possessive) {
      const film = possessive[1] ? describedFilm(possessive[1], context) : target
      if (film)
        found.push({ subject: film, property: 'director', value: entity.slug, confidence: hedge(0.6) })
    }
  }

  // Cast: "Ova (Nisa Sofiya Aksongur)", "Memo, a man played by X", "X as Memo"; "replaced by" is no casting.
  for (const person of people) {
    const actor = pick(person, 'person')!
    const before = text.slice(0, person.start)
    const after = text.slice(person.end)
    if (/\b(replaced by|instead of|replacing|originally cast|turned down)\b[^.]{0,30}$/i.test(before))
      continue
    let character: Mention | undefined
    if (/\(\s*$/.test(before))
      character = [...characters].reverse().find((c) => c.end <= person.start && person.start - c.end <= 3)
    if (
      !character &&
      /\b(played|portrayed|performed|played with|brought to life)\b[^.]{0,60}\bby\s*$/i.test(before)
    ) {
      character = [...characters].reverse().find((c) => c.end <= person.start && person.start - c.end <= 120)
    }
    if (!character && /^\s+(as|plays|playing)\s+/i.test(after)) {
      character = characters.find((c) => c.start >= person.end && c.start - person.end <= 12)
    }
    const role = character && pick(character, 'character')
    if (!role) continue
    const film = context.films.find((f) => f.slug === role.film) ?? subject
    if (!film) continue
    found.push({
      subject: film,
      property: 'cast',
      value: actor.slug,
      qualifiers: { character: role.character },
      confidence: hedge(0.9),
    })
  }

  // Relations between characters: "Memo's grandmother", "his daughter Ova", "Ova … and her grandmother".
  for (const match of text.matchAll(
    new RegExp(
      `\\b(his|her|their|[\\p{Lu}][\\p{L}]+['’]s)\\s+(?:own\\s+)?(?:(?:young|little|elderly|old|older|six-year-old|\\d+-year-old)\\s+)?(${KIN})\\b(?:,?\\s+)?`,
      'gu',
    ),
  )) {
    if (/\bown\b/i.test(match[0])) continue
    const kin = match[2]!.toLowerCase().replace('great grand', 'great-grand')
    const owner = /^(his|her|their)$/i.test(match[1]!)
      ? [...characters]
          .reverse()
          .find((c) => c.end <= match.index && !/^['’]s\b/.test(text.slice(c.end, c.end + 3)))
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
  for (const sentence of splitSentences(article.text)) {
    const local = mentionsIn(sentence, mentions)
    const subject = subjectOf(sentence, local, context, previous)
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
        quote: sentence.text,
        start: sentence.start,
        end: sentence.end,
        confidence: Math.round(found.confidence * 100) / 100,
      }
      const key = keyOf({ ...found, qualifiers })
      const seen = candidates.get(key)
      if (!seen || seen.confidence < candidate.confidence) candidates.set(key, candidate)
    }
    // "It" in the next sentence is the last film this one described ("… a film released in 2013 in South Korea. It grossed …").
    const described = [
      ...sentence.text.matchAll(new RegExp(`(?:${COUNTRY_WORDS})|\\b(?:19|20)\\d\\d\\b`, 'gi')),
    ]
    const last =
      described.length > 0 ? describedFilm(sentence.text.slice(described.at(-1)!.index - 40), context) : null
    previous = last ?? subject ?? previous
  }
  return [...candidates.values()].sort((a, b) => a.start - b.start || a.property.localeCompare(b.property))
}

/** Extraction over a gazetteer of what Retold knows about the stories an article names (built by the ingest service). */
export function extractWithScope(
  article: Article,
  scope: { named: readonly NamedEntity[]; films: readonly KnownEntity[]; characters: readonly KnownEntity[] },
): CandidateClaim[] {
  return extractCandidates(article, {
    linker: createGazetteerLinker(scope.named),
    films: scope.films,
    characters: scope.characters,
  })
}
