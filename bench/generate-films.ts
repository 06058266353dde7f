// A deterministic synthetic catalogue for the page benchmark: N films (100,000 by default) in story
// families of 1 to 12 versions, with titles in several languages and scripts, sources, claims (some
// of them conflicting), credits of people shared across films, and characters per story; then the
// curated dataset of data/ on top, so that the real pages exist in the big database.
//
//   node --import tsx bench/generate-films.ts [--films N] [--force]
//
// The database is cached as var/bench/films-<N>-v<version>.db; a later run reuses it (after bringing
// its schema up to date and loading any curated file that changed).

import { existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { basename, dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { sql, type Insertable, type Kysely } from 'kysely'
import { PROPERTIES, qualifierKey, slugify, type PropertyName, type Qualifiers } from '../src/domain/index.ts'
import { readDatasetDir } from '../src/importers/index.ts'
import { loadDatasets } from '../src/services/index.ts'
import { connect, countRows, migrateToLatest, type Database, type Storage } from '../src/storage/index.ts'
import { Random } from './random.ts'
import {
  AWARDS,
  CONCEPTS,
  CULTURES,
  ENDING_LINES,
  FESTIVALS,
  GENRES,
  PLACES,
  PLATFORMS,
  PLOT_LINES,
  ROLES,
  SYNOPSIS_ENDINGS,
  SYNOPSIS_MIDDLES,
  SYNOPSIS_OPENINGS,
  THEMES,
  TITLE_WORDS,
  type Culture,
} from './vocabulary.ts'

/** Bump when the generated data changes shape: cached databases of older versions are not reused. */
export const GENERATOR_VERSION = 1
export const DEFAULT_FILMS = 100_000

const NOW = '2026-11-21T12:00:00.000Z'
const RETRIEVED = '2026-11-21'
const ORIGIN = 'bench/generate-films'
const ADDED_BY = 'bench generator'
/** Bound parameters per INSERT statement (SQLite allows 32,766). */
const MAX_PARAMETERS = 32_000
/** Stories written per transaction. */
const STORIES_PER_CHUNK = 1_000

// Versions per story: 1 to 12, skewed towards single films; the mean is 4 (25,000 stories per 100,000 films).
const VERSION_WEIGHTS = [30, 14, 11, 9, 8, 7, 5, 4, 4, 3, 2, 3]

/**
 * Collects garbage now. Every batch INSERT is a new prepared statement holding its compiled program in
 * native memory until V8 collects it, and the small JavaScript heap gives V8 no reason to: without
 * this the generator grows past 5 GB.
 */
const collectGarbage: () => void = (() => {
  setFlagsFromString('--expose-gc')
  return runInNewContext('gc') as () => void
})()

// ---------------------------------------------------------------------------------------------------
// Rows

// The search index is built from these tables afterwards, not generated.
type Rows = {
  [
    T in Exclude<
      keyof Database,
      | 'search_document'
      | 'search_fts'
      | 'search_word'
      | 'import_checkpoint'
      | 'import_pending'
      | 'wikidata_link'
      | 'wikidata_credit'
      | 'account'
      | 'account_session'
      | 'rate_limit'
      | 'media'
      | 'contributor'
      | 'moment'
      | 'comment'
      | 'audit_log'
      | 'claim_candidate'
    >
  ]: Array<Insertable<Database[T]>>
}

function emptyRows(): Rows {
  return {
    story: [],
    film: [],
    title: [],
    person: [],
    person_name: [],
    character: [],
    credit: [],
    scene: [],
    source: [],
    claim: [],
    revision: [],
    dataset_file: [],
  }
}

/** Inserts in dependency order, as many rows per statement as SQLite's parameter limit allows. */
const INSERT_ORDER: Array<keyof Rows> = [
  'person',
  'person_name',
  'source',
  'story',
  'film',
  'character',
  'title',
  'credit',
  'scene',
  'claim',
]

async function insertRows(db: Kysely<Database>, rows: Rows): Promise<void> {
  for (const table of INSERT_ORDER) {
    const list = rows[table] as Array<Record<string, unknown>>
    if (list.length === 0) continue
    const perStatement = Math.max(1, Math.floor(MAX_PARAMETERS / Object.keys(list[0]!).length))
    for (let i = 0; i < list.length; i += perStatement) {
      await db
        .insertInto(table)
        .values(list.slice(i, i + perStatement) as never)
        .execute()
    }
  }
}

// ---------------------------------------------------------------------------------------------------
// The generator

interface Counters {
  story: number
  film: number
  person: number
  source: number
  character: number
}

interface PersonPool {
  cast: number[]
  crew: number[]
}

interface FilmPlan {
  id: number
  culture: Culture
  year: number
  relation: 'original' | 'remake' | 'unofficial-remake' | 'adaptation' | 'sequel'
  relatedId: number | null
  status: 'released' | 'announced' | 'in-production'
  slug: string
  englishTitle: string
}

class Generator {
  private readonly random = new Random(0x5eed_f11)
  private readonly ids: Counters = { story: 0, film: 0, person: 0, source: 0, character: 0 }
  private readonly slugs = new Map<'story' | 'film' | 'person' | 'source', Set<string>>([
    ['story', new Set()],
    ['film', new Set()],
    ['person', new Set()],
    ['source', new Set()],
  ])
  private readonly pools = new Map<Culture, PersonPool>()
  readonly totals = { stories: 0, films: 0, claims: 0, titles: 0, credits: 0, sources: 0, characters: 0 }

  constructor(reserved: { [K in 'story' | 'film' | 'person' | 'source']: Iterable<string> }) {
    for (const [kind, slugs] of Object.entries(reserved) as Array<
      ['story' | 'film' | 'person' | 'source', Iterable<string>]
    >) {
      for (const slug of slugs) this.slugs.get(kind)!.add(slug)
    }
  }

  /** A slug not used before (by this generator or the curated dataset): "kim-min-jun", "kim-min-jun-2". */
  private uniqueSlug(kind: 'story' | 'film' | 'person' | 'source', base: string): string {
    const used = this.slugs.get(kind)!
    const root = base || kind
    let slug = root
    for (let n = 2; used.has(slug); n++) slug = `${root}-${n}`
    used.add(slug)
    return slug
  }

  /** Everyone credited in generated films, by country: about 0.65 people per film, as on IMDb. */
  people(films: number): Rows {
    const rows = emptyRows()
    const totalWeight = CULTURES.reduce((sum, c) => sum + c.weight, 0)
    for (const culture of CULTURES) {
      const share = (films * culture.weight) / totalWeight
      const pool: PersonPool = { cast: [], crew: [] }
      const make = (list: number[], count: number) => {
        for (let i = 0; i < count; i++) {
          const id = ++this.ids.person
          const given = this.random.pick(culture.given)
          const family = this.random.pick(culture.family)
          const roman =
            culture.familyFirst && culture.language !== 'ja'
              ? `${family[1]} ${given[1]}`
              : `${given[1]} ${family[1]}`
          rows.person.push({
            id,
            slug: this.uniqueSlug('person', slugify(roman)),
            name: roman,
            imdb_id: this.random.chance(0.7) ? `nm9${String(id).padStart(8, '0')}` : null,
            wikidata_id: this.random.chance(0.3) ? `Q${300_000_000 + id}` : null,
            created_at: NOW,
            updated_at: NOW,
          })
          if (culture.script !== 'Latn') {
            const native = culture.familyFirst
              ? `${family[0]}${culture.joined ? '' : ' '}${given[0]}`
              : `${given[0]} ${family[0]}`
            rows.person_name.push({
              person_id: id,
              name: native,
              language: culture.language,
              script: culture.script,
            })
            rows.person_name.push({ person_id: id, name: roman, language: culture.language, script: 'Latn' })
          } else if (this.random.chance(0.1)) {
            rows.person_name.push({
              person_id: id,
              name: `${given[1]} ${family[1]} Jr.`,
              language: culture.language,
              script: 'Latn',
            })
          }
          list.push(id)
        }
      }
      make(pool.cast, Math.max(12, Math.ceil(share * 0.45)))
      make(pool.crew, Math.max(8, Math.ceil(share * 0.2)))
      this.pools.set(culture, pool)
    }
    return rows
  }

  private titleIn(
    language: string,
    concepts: readonly number[],
    number: number | null,
    romanized = false,
  ): string {
    const words = TITLE_WORDS[language] ?? TITLE_WORDS.en!
    const parts = concepts.map((c) => words[c]![romanized ? 1 : 0])
    const joined = ['ja', 'zh', 'th'].includes(language) && !romanized
    if (language === 'en') {
      const [a, b] = parts
      const base =
        b === undefined
          ? `The ${a}`
          : concepts.length > 2
            ? `${a} and the ${b} of ${parts[2]}`
            : `${a} of the ${b}`
      return number === null ? base : `${base} No. ${number}`
    }
    const base = parts.join(joined ? '' : ' ')
    return number === null ? base : `${base}${joined ? '' : ' '}${number}`
  }

  private fillText(
    template: string,
    context: { a: string; b: string; concept: string; theme: string; place: string },
  ) {
    return template.replace(/\{(\w+)\}/g, (_, key: keyof typeof context) => context[key])
  }

  private synopsis(context: { a: string; b: string; concept: string; theme: string; place: string }): string {
    const opening = this.fillText(this.random.pick(SYNOPSIS_OPENINGS), context)
    return [
      opening.charAt(0).toUpperCase() + opening.slice(1),
      this.random.pick(SYNOPSIS_MIDDLES),
      this.random.chance(0.5) ? this.random.pick(SYNOPSIS_MIDDLES) : '',
      this.fillText(this.random.pick(SYNOPSIS_ENDINGS), context),
    ]
      .filter(Boolean)
      .join(' ')
  }

  private person(culture: Culture, role: 'cast' | 'crew'): number {
    const home = this.random.chance(0.92) ? culture : this.random.weighted(CULTURES, (c) => c.weight)
    const list = this.pools.get(home)![role]
    return list[this.random.skewed(list.length)]!
  }

  private date(year: number): string {
    return `${year}-${String(this.random.int(1, 12)).padStart(2, '0')}-${String(this.random.int(1, 28)).padStart(2, '0')}`
  }

  /** One story with all its versions: the rows to insert. */
  story(versionCount: number, rows: Rows): void {
    const r = this.random
    const storyId = ++this.ids.story
    const originCulture = r.weighted(CULTURES, (c) => c.weight)
    const concepts = r.distinct(
      CONCEPTS.map((_, i) => i),
      r.weighted([1, 2, 3], (n) => (n === 2 ? 5 : n === 1 ? 3 : 2)),
    )
    const number = r.chance(0.12) ? r.int(2, 12) : null
    const storyTitle = this.titleIn('en', concepts, number)
    const roles = r.distinct(ROLES, r.int(2, 8))
    const themes = r.distinct(THEMES, r.int(2, 5))
    const place = r.pick(PLACES)
    const context = {
      a: roles[0]![1].toLowerCase(),
      b: roles[1]![1].toLowerCase(),
      concept: CONCEPTS[concepts[0]!]!,
      theme: themes[0]!,
      place,
    }
    const storySlug = this.uniqueSlug('story', slugify(storyTitle))

    // Versions: the original first, then remakes in later years.
    const originYear = 2025 - Math.floor(90 * Math.pow(r.next(), 1.8))
    const years = [originYear]
    for (let i = 1; i < versionCount; i++) years.push(r.int(Math.min(originYear + 1, 2026), 2026))
    years.sort((a, b) => a - b)
    const plans: FilmPlan[] = []
    const usedCultures = new Set<Culture>([originCulture])
    for (let i = 0; i < versionCount; i++) {
      let culture = originCulture
      if (i > 0) {
        culture = r.weighted(CULTURES, (c) => (usedCultures.has(c) ? c.weight / 8 : c.weight))
        usedCultures.add(culture)
      }
      const id = ++this.ids.film
      const relation =
        i === 0
          ? 'original'
          : r.weighted(['remake', 'unofficial-remake', 'adaptation', 'sequel'] as const, (x) =>
              x === 'remake' ? 80 : x === 'unofficial-remake' ? 8 : x === 'adaptation' ? 7 : 5,
            )
      const status =
        i > 0 && i === versionCount - 1 && r.chance(0.06)
          ? r.pick(['announced', 'in-production'] as const)
          : 'released'
      const year = status === 'released' ? years[i]! : r.int(2026, 2027)
      const englishTitle =
        culture.language === 'en' || i === 0
          ? storyTitle
          : this.titleIn('en', r.chance(0.8) ? concepts : [...concepts].reverse(), number)
      const romanTitle = this.titleIn(culture.language, concepts, number, true)
      plans.push({
        id,
        culture,
        year,
        relation,
        relatedId: i === 0 ? null : relation === 'sequel' ? plans[i - 1]!.id : plans[0]!.id,
        status,
        slug: this.uniqueSlug('film', slugify(`${romanTitle} ${year}`)),
        englishTitle,
      })
    }

    rows.story.push({
      id: storyId,
      slug: storySlug,
      title: storyTitle,
      summary: this.synopsis(context),
      themes: JSON.stringify(themes),
      origin_film_id: plans[0]!.id,
      curated_file: null,
      created_at: NOW,
      updated_at: NOW,
    })
    this.totals.stories++
    const characterIds = roles.map(([slug, name, description]) => {
      const id = ++this.ids.character
      rows.character.push({ id, story_id: storyId, slug, name, description })
      return id
    })
    this.totals.characters += characterIds.length

    const claim = (
      subject: { kind: 'story' | 'film'; id: number },
      property: PropertyName,
      value: unknown,
      sourceId: number,
      qualifiers: Qualifiers = {},
      extra: { quote?: string; pin?: string } = {},
    ) => {
      const definition = PROPERTIES[property] as { spoiler?: string }
      rows.claim.push({
        subject_kind: subject.kind,
        subject_id: subject.id,
        property,
        value: JSON.stringify(value),
        qualifiers: JSON.stringify(qualifiers),
        qualifier_key: qualifierKey(qualifiers),
        source_id: sourceId,
        quote: extra.quote ?? null,
        spoiler: definition.spoiler ?? 'none',
        status: 'accepted',
        pin_reason: extra.pin ?? null,
        pinned_by: extra.pin ? 'editor' : null,
        pinned_at: extra.pin ? NOW : null,
        origin: ORIGIN,
        added_by: ADDED_BY,
        added_at: NOW,
      })
      this.totals.claims++
    }
    const source = (
      slugBase: string,
      values: {
        kind: string
        url: string | null
        title: string
        publisher: string | null
        language: string | null
        publishedAt?: string | null
        author?: string | null
      },
    ) => {
      const id = ++this.ids.source
      rows.source.push({
        id,
        slug: this.uniqueSlug('source', slugify(slugBase)),
        kind: values.kind,
        url: values.url,
        title: values.title,
        publisher: values.publisher,
        author: values.author ?? null,
        language: values.language,
        published_at: values.publishedAt ?? null,
        updated_at: null,
        retrieved_at: RETRIEVED,
        text: null,
        content_hash: null,
        created_at: NOW,
      })
      this.totals.sources++
      return id
    }

    let storySources: number[] = []
    const remakeCountries: Array<{ country: string; source: number }> = []
    for (const plan of plans) {
      const { culture } = plan
      const film = { kind: 'film' as const, id: plan.id }
      const imdbId = `tt9${String(plan.id).padStart(8, '0')}`
      const nativeTitle = this.titleIn(culture.language, concepts, number)
      const released = plan.status === 'released'

      // Sources: the IMDb page always, Wikipedia in the film's language and in English, a box-office
      // database, the press of its country, now and then a blog.
      const imdb = source(`imdb-${imdbId}`, {
        kind: 'database',
        url: `https://www.imdb.com/title/${imdbId}/`,
        title: `${plan.englishTitle} (${plan.year}) - IMDb`,
        publisher: 'IMDb',
        language: 'en',
      })
      const wikiNative = r.chance(0.75)
        ? source(`wikipedia-${culture.language}-${plan.slug}`, {
            kind: 'encyclopedia',
            url: `https://${culture.language === 'fil' ? 'tl' : culture.language}.wikipedia.org/wiki/${encodeURIComponent(nativeTitle.replaceAll(' ', '_'))}`,
            title: nativeTitle,
            publisher: 'Wikipedia',
            language: culture.language,
          })
        : null
      const wikiEn =
        culture.language !== 'en' && r.chance(0.45)
          ? source(`wikipedia-en-${plan.slug}`, {
              kind: 'encyclopedia',
              url: `https://en.wikipedia.org/wiki/${encodeURIComponent(`${plan.englishTitle} (${plan.year} film)`.replaceAll(' ', '_'))}`,
              title: `${plan.englishTitle} (${plan.year} film)`,
              publisher: 'Wikipedia',
              language: 'en',
            })
          : null
      const boxOffice =
        released && r.chance(0.5)
          ? source(`boxofficemojo-${imdbId}`, {
              kind: 'database',
              url: `https://www.boxofficemojo.com/title/${imdbId}/`,
              title: `${plan.englishTitle} - Box Office Mojo`,
              publisher: 'Box Office Mojo',
              language: 'en',
            })
          : null
      const press = Array.from({ length: r.weighted([0, 1, 2], (n) => [3, 5, 2][n]!) }, () => {
        const publisher = r.pick(culture.press)
        return source(`${publisher} ${plan.slug}`, {
          kind: 'press',
          url: `https://${slugify(publisher).replaceAll('-', '')}.example/film/${plan.slug}`,
          title: `${nativeTitle}: ${r.pick(['review', 'interview with the director', 'the making of', 'box office report', 'first look'])}`,
          publisher,
          language: culture.language,
          publishedAt: this.date(Math.min(plan.year, 2026)),
          author: r.chance(0.6) ? `${r.pick(culture.given)[1]} ${r.pick(culture.family)[1]}` : null,
        })
      })
      const blog = r.chance(0.3)
        ? source(`blog ${plan.slug}`, {
            kind: r.chance(0.5) ? 'blog' : 'fan',
            url: `https://filmnotes.example/${plan.slug}`,
            title: `Is ${plan.englishTitle} a true story? Ending explained`,
            publisher: 'Film Notes',
            language: 'en',
          })
        : null
      const encyclopedia = wikiEn ?? wikiNative ?? imdb
      const anyPress = () => (press.length > 0 ? r.pick(press) : encyclopedia)
      if (plan.relation === 'original') storySources = [encyclopedia, ...press]
      else remakeCountries.push({ country: culture.country, source: anyPress() })

      rows.film.push({
        id: plan.id,
        slug: plan.slug,
        story_id: storyId,
        kind: r.weighted(['movie', 'series', 'tv-movie', 'short'], (k) =>
          k === 'movie' ? 90 : k === 'series' ? 5 : k === 'tv-movie' ? 4 : 1,
        ),
        status: plan.status,
        relation: plan.relation,
        related_film_id: plan.relatedId,
        year: plan.year,
        imdb_id: imdbId,
        wikidata_id: r.chance(0.6) ? `Q${200_000_000 + plan.id}` : null,
        tmdb_id: r.chance(0.7) ? String(5_000_000 + plan.id) : null,
        source_id: encyclopedia,
        curated_file: null,
        created_at: NOW,
        updated_at: NOW,
      })
      this.totals.films++

      // Titles: 2 to 6, the original in its own script, its romanization, English, other markets.
      const titles: Array<Omit<Insertable<Database['title']>, 'position' | 'film_id'>> = []
      titles.push({
        text: nativeTitle,
        language: culture.language,
        script: culture.script,
        region: culture.country,
        kind: 'original',
        source_id: wikiNative ?? imdb,
      })
      if (culture.script !== 'Latn') {
        titles.push({
          text: this.titleIn(culture.language, concepts, number, true),
          language: culture.language,
          script: 'Latn',
          region: null,
          kind: 'romanization',
          source_id: wikiNative ?? imdb,
        })
      }
      if (culture.language !== 'en') {
        titles.push({
          text: plan.englishTitle,
          language: 'en',
          script: null,
          region: null,
          kind: 'official',
          source_id: wikiEn ?? imdb,
        })
      } else {
        titles.push({
          text: `${plan.englishTitle}: ${r.pick(['The Story', 'Reborn', 'Homecoming', 'The Return'])}`,
          language: 'en',
          script: null,
          region: 'GB',
          kind: 'alternative',
          source_id: imdb,
        })
      }
      const markets = r.distinct(
        CULTURES.filter((c) => c.language !== culture.language && c.language !== 'en'),
        r.int(0, 6 - titles.length),
      )
      for (const market of markets) {
        titles.push({
          text: this.titleIn(market.language, concepts, number),
          language: market.language,
          script: market.script === 'Latn' ? null : market.script,
          region: market.country,
          kind: 'official',
          source_id: imdb,
        })
      }
      if (titles.length < 6 && r.chance(0.1)) {
        titles.push({
          text: `Project ${CONCEPTS[concepts[0]!]}`,
          language: 'en',
          script: null,
          region: null,
          kind: 'working',
          source_id: anyPress(),
        })
      }
      titles.forEach((t, position) => rows.title.push({ ...t, film_id: plan.id, position }))
      this.totals.titles += titles.length

      // Claims: 10 to 40 per film.
      const before = rows.claim.length
      const quote = (text: string) => (r.chance(0.3) ? text : undefined)
      const yearQuote = quote(`${plan.englishTitle} (${plan.year})`)
      claim(film, 'year', plan.year, imdb, {}, yearQuote === undefined ? {} : { quote: yearQuote })
      if (wikiNative !== null) claim(film, 'year', plan.year, wikiNative)
      if (blog !== null && r.chance(0.15)) {
        // A blog gets the year wrong; an editor sometimes pins the right one.
        claim(
          film,
          'year',
          plan.year + (r.chance(0.5) ? 1 : -1),
          blog,
          {},
          { quote: `released in ${plan.year + 1}` },
        )
        if (r.chance(0.3))
          claim(film, 'year', plan.year, encyclopedia, {}, { pin: 'checked against the opening titles' })
      }
      claim(film, 'release_date', this.date(plan.year), imdb, { region: culture.country })
      if (released && r.chance(0.25))
        claim(film, 'release_date', this.date(plan.year), anyPress(), {
          region: culture.country,
          event: `${r.pick(FESTIVALS)} premiere`,
        })
      claim(film, 'country', culture.country, imdb)
      if (r.chance(0.15)) claim(film, 'country', r.weighted(CULTURES, (c) => c.weight).country, encyclopedia)
      claim(film, 'language', culture.language, imdb)
      if (r.chance(0.1)) claim(film, 'language', 'en', imdb)
      const runtime = r.int(82, 165)
      claim(film, 'runtime_minutes', runtime, imdb)
      if (wikiNative !== null)
        claim(film, 'runtime_minutes', r.chance(0.15) ? runtime + r.int(3, 15) : runtime, wikiNative)
      if (r.chance(0.05))
        claim(film, 'runtime_minutes', runtime + r.int(10, 30), encyclopedia, { cut: "director's cut" })
      for (const genre of r.distinct(GENRES, r.int(1, 3))) claim(film, 'genre', genre, imdb)
      const synopsisText = this.synopsis({ ...context, a: roles[0]![1].toLowerCase() })
      claim(film, 'synopsis', synopsisText, encyclopedia)
      if (r.chance(0.3)) claim(film, 'synopsis', this.synopsis(context), anyPress())
      claim(film, 'production_company', r.pick(culture.companies), imdb)
      if (r.chance(0.3)) claim(film, 'production_company', r.pick(culture.companies), encyclopedia)
      claim(film, 'distributor', r.pick(culture.companies), imdb, { region: culture.country })
      if (released) {
        // Ratings are series: each as-of date is its own fact.
        const ratingDates = r.distinct(
          [2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026].filter((y) => y >= plan.year),
          r.int(1, 3),
        )
        for (const y of ratingDates) {
          claim(film, 'rating', { score: Math.round((4 + r.next() * 5) * 10) / 10, scale: 10 }, imdb, {
            by: 'IMDb',
            as_of: this.date(y),
          })
        }
        if (culture.ratingSite && r.chance(0.6)) {
          const [site, scale] = culture.ratingSite
          claim(
            film,
            'rating',
            { score: Math.round(r.next() * scale * 10) / 10, scale },
            wikiNative ?? imdb,
            { by: site, as_of: this.date(Math.max(plan.year, 2020)) },
          )
        }
        if (boxOffice !== null) {
          const amount = r.int(1, 5000) * 100_000
          const asOf = this.date(Math.min(plan.year + 1, 2026))
          claim(film, 'box_office', { amount, currency: 'USD' }, boxOffice, { region: 'XWW', as_of: asOf })
          if (r.chance(0.1))
            claim(
              film,
              'box_office',
              { amount: Math.round(amount * 1.07), currency: 'USD' },
              anyPress(),
              { region: 'XWW', as_of: asOf },
              { quote: 'grossed more than expected' },
            )
          if (culture.currency !== 'USD')
            claim(
              film,
              'box_office',
              { amount: amount * r.int(5, 1200), currency: culture.currency },
              anyPress(),
              { region: culture.country },
            )
        }
        if (r.chance(0.3))
          claim(film, 'budget', { amount: r.int(5, 900) * 100_000, currency: culture.currency }, encyclopedia)
        if (r.chance(0.2))
          claim(film, 'admissions', r.int(10_000, 14_000_000), anyPress(), {
            region: culture.country,
            as_of: this.date(Math.min(plan.year + 1, 2026)),
          })
        if (r.chance(0.45)) {
          for (const platform of r.distinct(PLATFORMS, r.int(1, 3))) {
            claim(film, 'available_on', platform, blog ?? anyPress(), {
              region: r.chance(0.5) ? 'XWW' : culture.country,
              as_of: this.date(2026),
            })
          }
        }
        if (r.chance(0.12)) {
          for (const award of r.distinct(AWARDS, r.int(1, 2)))
            claim(film, 'award', `${award}, ${r.pick(FESTIVALS)} ${plan.year}`, encyclopedia)
        }
      }
      if (r.chance(0.2)) {
        claim(film, 'based_on_true_story', true, encyclopedia)
        if (blog !== null && r.chance(0.3))
          claim(
            film,
            'based_on_true_story',
            false,
            blog,
            {},
            { quote: 'No, it is not based on a true story.' },
          )
      }
      if (r.chance(0.3)) claim(film, 'plot', this.fillText(r.pick(PLOT_LINES), context), encyclopedia)
      if (r.chance(0.2)) claim(film, 'ending', this.fillText(r.pick(ENDING_LINES), context), encyclopedia)
      while (rows.claim.length - before < 10) {
        claim(film, 'rating', { score: Math.round((4 + r.next() * 5) * 10) / 10, scale: 10 }, imdb, {
          by: 'Letterboxd',
          as_of: `${2026 - (rows.claim.length - before)}-01-01`,
        })
      }
      if (rows.claim.length - before > 40) {
        this.totals.claims -= rows.claim.length - before - 40
        rows.claim.length = before + 40
      }

      // Credits: 5 to 15, people shared across the country's films; cast linked to the story's characters.
      const credits: Array<Omit<Insertable<Database['credit']>, 'billing' | 'film_id' | 'source_id'>> = []
      const credited = new Set<string>()
      // Someone not yet credited in this role on this film (the pools repeat people on purpose).
      const someone = (role: string, pool: 'cast' | 'crew') => {
        let person = this.person(culture, pool)
        for (let tries = 0; credited.has(`${role}:${person}`) && tries < 20; tries++)
          person = this.person(culture, pool)
        credited.add(`${role}:${person}`)
        return person
      }
      const crew = (role: string) =>
        credits.push({ person_id: someone(role, 'crew'), role, character_id: null, character_name: null })
      crew('director')
      if (r.chance(0.08)) crew('director')
      crew('writer')
      if (r.chance(0.4)) crew('writer')
      const castCount = r.int(Math.max(3, roles.length - 2), Math.max(3, Math.min(9, roles.length + 2)))
      for (let i = 0; i < castCount; i++) {
        const role = roles[i]
        credits.push({
          person_id: someone('cast', 'cast'),
          role: 'cast',
          character_id: role ? characterIds[i]! : null,
          character_name:
            role && role[0] === 'dog'
              ? r.pick(['Hachi', 'Max', 'Bella', 'Kuro'])
              : `${r.pick(culture.given)[1]}`,
        })
      }
      for (const role of ['producer', 'composer', 'cinematographer', 'editor'])
        if (credits.length < 15 && r.chance(0.45)) crew(role)
      while (credits.length < 5) crew('producer')
      credits
        .slice(0, 15)
        .forEach((c, billing) => rows.credit.push({ ...c, film_id: plan.id, billing, source_id: imdb }))
      this.totals.credits += Math.min(15, credits.length)

      if (r.chance(0.08)) {
        for (let i = 1, n = r.int(1, 3); i <= n; i++) {
          const spoiler = r.pick(['none', 'plot', 'ending'] as const)
          rows.scene.push({
            film_id: plan.id,
            slug: `scene-${i}`,
            title: `${roles[0]![1]} and ${roles[1]![1].toLowerCase()}`,
            description: this.fillText(
              spoiler === 'ending' ? r.pick(ENDING_LINES) : r.pick(PLOT_LINES),
              context,
            ),
            spoiler,
            position: i - 1,
            source_id: encyclopedia,
          })
        }
      }
    }

    // Story claims: a synopsis, sometimes the true-story question (now and then disputed), and the
    // countries it was remade in.
    const story = { kind: 'story' as const, id: storyId }
    const storySource = storySources[0]!
    claim(story, 'synopsis', this.synopsis(context), storySource)
    if (r.chance(0.25)) {
      claim(story, 'based_on_true_story', true, storySource)
      if (r.chance(0.25))
        claim(
          story,
          'based_on_true_story',
          false,
          storySources[storySources.length - 1]!,
          {},
          { quote: 'It is not based on a true story.' },
        )
      if (r.chance(0.5))
        claim(
          story,
          'inspired_by',
          `A ${r.pick(['1970s', '1980s', '1990s'])} case in ${place === 'capital' ? 'the capital' : `a ${place}`}.`,
          storySource,
        )
    }
    for (const remake of remakeCountries) {
      if (remake.country !== originCulture.country) claim(story, 'remade_in', remake.country, remake.source)
    }
  }

  /** Versions per story for `films` films in all. */
  storySizes(films: number): number[] {
    const sizes: number[] = []
    let total = 0
    const counts = VERSION_WEIGHTS.map((_, i) => i + 1)
    while (total < films) {
      const size = Math.min(
        films - total,
        this.random.weighted(counts, (n) => VERSION_WEIGHTS[n - 1]!),
      )
      sizes.push(size)
      total += size
    }
    return sizes
  }
}

// ---------------------------------------------------------------------------------------------------
// Cache and entry points

export interface BenchDatabase {
  file: string
  reused: boolean
  /** Seconds spent generating (or opening, when reused). */
  seconds: number
  /** Seconds the generation took, also when the file is reused (read from its .json sidecar). */
  generatedSeconds: number | null
  bytes: number
  counts: Awaited<ReturnType<typeof countRows>>
  /** A generated story with the most versions, and its newest film: pages to check the data renders. */
  sample: { story: string; film: string } | null
}

async function findSample(db: Kysely<Database>): Promise<BenchDatabase['sample']> {
  const biggest = await db
    .selectFrom('film')
    .select((eb) => ['story_id', eb.fn.countAll<number>().as('versions')])
    .where('curated_file', 'is', null)
    .groupBy('story_id')
    .orderBy('versions', 'desc')
    .orderBy('story_id')
    .limit(1)
    .executeTakeFirst()
  if (!biggest || biggest.story_id === null) return null
  const row = await db
    .selectFrom('film')
    .innerJoin('story', 'story.id', 'film.story_id')
    .select(['story.slug as story', 'film.slug as film'])
    .where('film.story_id', '=', biggest.story_id)
    .orderBy('film.year', 'desc')
    .orderBy('film.id', 'desc')
    .limit(1)
    .executeTakeFirst()
  return row ?? null
}

export function benchDatabaseFile(films: number, dir = 'var/bench'): string {
  return resolve(dir, `films-${films}-v${GENERATOR_VERSION}.db`)
}

function removeDatabase(file: string) {
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(`${file}${suffix}`, { force: true })
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

/** Partial files left by generations that were interrupted (their process is gone). */
function removeAbandoned(file: string) {
  const dir = dirname(file)
  if (!existsSync(dir)) return
  const prefix = `${basename(file)}.partial-`
  for (const name of readdirSync(dir)) {
    const pid = Number(/^(\d+)/.exec(name.slice(prefix.length))?.[1])
    if (name.startsWith(prefix) && !name.endsWith('-wal') && !name.endsWith('-shm') && !isRunning(pid)) {
      removeDatabase(join(dir, name))
    }
  }
}

interface Sidecar {
  generator: number
  films: number
  seconds: number
  bytes: number
  generatedAt: string
}

function readSidecar(file: string): Sidecar | null {
  try {
    return JSON.parse(readFileSync(`${file}.json`, 'utf8')) as Sidecar
  } catch {
    return null
  }
}

async function loadCurated(storage: Storage, dataDir: string, log: (line: string) => void) {
  const { datasets, issues } = readDatasetDir(dataDir)
  for (const issue of issues) log(`  curated: ${issue.file}:${issue.line}: ${issue.message}`)
  const results = await loadDatasets(storage, datasets, { author: 'bench', now: () => NOW })
  const changed = results.filter((r) => !r.unchanged).length
  log(`  curated dataset: ${results.length} files (${changed} loaded, ${results.length - changed} unchanged)`)
}

/**
 * The benchmark database for `films` films: reused from var/bench/ when it exists (schema migrated
 * to the latest version, changed curated files loaded), else generated.
 */
export async function prepareBenchDatabase(options: {
  films?: number
  dir?: string
  dataDir?: string
  force?: boolean
  log?: (line: string) => void
}): Promise<BenchDatabase> {
  const films = options.films ?? DEFAULT_FILMS
  const log = options.log ?? ((line: string) => console.log(line))
  const dataDir = options.dataDir ?? 'data'
  const file = benchDatabaseFile(films, options.dir)
  const started = performance.now()

  if (existsSync(file) && !options.force) {
    const storage = await connect({ databaseFile: file })
    try {
      const ran = await migrateToLatest(storage)
      if (ran.length > 0) log(`  migrated the cached database: ${ran.join(', ')}`)
      await loadCurated(storage, dataDir, log)
      const counts = await countRows(storage.db)
      const sample = await findSample(storage.db)
      const seconds = (performance.now() - started) / 1000
      const sidecar = readSidecar(file)
      log(
        `reused ${file} (${(statSync(file).size / 1e6).toFixed(0)} MB) in ${seconds.toFixed(1)} s` +
          (sidecar ? `; it was generated in ${sidecar.seconds.toFixed(1)} s on ${sidecar.generatedAt}` : ''),
      )
      return {
        file,
        reused: true,
        seconds,
        generatedSeconds: sidecar?.seconds ?? null,
        bytes: statSync(file).size,
        counts,
        sample,
      }
    } finally {
      await storage.close()
    }
  }

  removeAbandoned(file)
  const temporary = `${file}.partial-${process.pid}`
  removeDatabase(temporary)
  const storage = await connect({ databaseFile: temporary })
  let counts: BenchDatabase['counts']
  let sample: BenchDatabase['sample']
  try {
    await migrateToLatest(storage)
    // A throwaway file being filled: durability does not matter until it is renamed into place.
    await sql`pragma synchronous = off`.execute(storage.db)
    await sql`pragma cache_size = -262144`.execute(storage.db)
    await sql`pragma temp_store = memory`.execute(storage.db)

    // Curated slugs and ids are kept free, so that loading data/ on top never merges into generated rows.
    const curated = readDatasetDir(dataDir).datasets
    const generator = new Generator({
      story: curated.map((d) => d.story.slug),
      film: curated.flatMap((d) => d.films.map((f) => f.slug)),
      person: curated.flatMap((d) => d.people.map((p) => p.slug)),
      source: curated.flatMap((d) => d.sources.map((s) => s.slug)),
    })

    log(`generating ${films.toLocaleString('en-US')} films into ${temporary}`)
    await storage.db.transaction().execute((trx) => insertRows(trx, generator.people(films)))
    const sizes = generator.storySizes(films)
    let lastReport = performance.now()
    for (let i = 0; i < sizes.length; i += STORIES_PER_CHUNK) {
      const rows = emptyRows()
      for (const size of sizes.slice(i, i + STORIES_PER_CHUNK)) generator.story(size, rows)
      await storage.db.transaction().execute((trx) => insertRows(trx, rows))
      collectGarbage()
      // The statements' native memory is released by finalizers that run as tasks, not microtasks.
      await new Promise((resolve) => setImmediate(resolve))
      if (performance.now() - lastReport > 10_000) {
        lastReport = performance.now()
        log(
          `  ${generator.totals.films.toLocaleString('en-US')} films, ${((lastReport - started) / 1000).toFixed(0)} s`,
        )
      }
    }
    const generated = (performance.now() - started) / 1000
    log(
      `  generated ${generator.totals.stories.toLocaleString('en-US')} stories, ${generator.totals.films.toLocaleString('en-US')} films, ` +
        `${generator.totals.claims.toLocaleString('en-US')} claims in ${generated.toFixed(1)} s`,
    )
    await loadCurated(storage, dataDir, log)
    counts = await countRows(storage.db)
    sample = await findSample(storage.db)
    await sql`pragma wal_checkpoint(truncate)`.execute(storage.db)
  } catch (error) {
    await storage.close()
    removeDatabase(temporary)
    throw error
  }
  await storage.close()
  removeDatabase(file)
  renameSync(temporary, file)
  const seconds = (performance.now() - started) / 1000
  const bytes = statSync(file).size
  const sidecar: Sidecar = {
    generator: GENERATOR_VERSION,
    films,
    seconds,
    bytes,
    generatedAt: new Date().toISOString(),
  }
  writeFileSync(`${file}.json`, `${JSON.stringify(sidecar, null, 2)}\n`)
  log(`generated ${file} (${(bytes / 1e6).toFixed(0)} MB) in ${seconds.toFixed(1)} s`)
  return { file, reused: false, seconds, generatedSeconds: seconds, bytes, counts, sample }
}

export function formatCounts(counts: BenchDatabase['counts']): string {
  return Object.entries(counts)
    .map(([name, n]) => `${n.toLocaleString('en-US')} ${name}`)
    .join(', ')
}

async function main() {
  const { values } = parseArgs({
    options: { films: { type: 'string' }, force: { type: 'boolean' }, dir: { type: 'string' } },
  })
  const films = values.films === undefined ? DEFAULT_FILMS : Number(values.films)
  if (!Number.isInteger(films) || films < 1)
    throw new Error(`--films must be a positive whole number, not ${values.films}`)
  const result = await prepareBenchDatabase({
    films,
    force: values.force ?? false,
    ...(values.dir ? { dir: values.dir } : {}),
  })
  console.log(formatCounts(result.counts))
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error: unknown) => {
    console.error(error)
    process.exitCode = 1
  })
}
