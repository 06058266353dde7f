import { createHash } from 'node:crypto'
import anyAscii from 'any-ascii'
import {
  AppError,
  importedSlug,
  isAppError,
  slugify,
  valueSchemaOf,
  type ImportIssue,
  type PropertyName,
  type Qualifiers,
} from '../domain/index.ts'
import {
  listImportCheckpoints,
  resolveWikidataCredits,
  resolveWikidataLinks,
  saveImportCheckpoint,
  storeWikidataFilm,
  storeWikidataPerson,
  type ImportCheckpoint,
  type Storage,
  type WikidataBatchContext,
  type WikidataCreditOutcome,
  type WikidataFilmInput,
  type WikidataLinkOutcome,
  type WikidataPersonInput,
  type WikidataSourceInput,
} from '../storage/index.ts'
import { indexImportPending } from './index-imported.ts'

// Imports Wikidata film, series and person entities (a dump or Special:EntityData JSON) into the
// knowledge model. Entities are stored in batches, each in one transaction with the checkpoint saying which line
// to read next, so an import stopped at any point resumes there. Lines that cannot be used are counted
// and reported as `file:line: reason`. A credit whose person has not been read yet waits for them, so
// that the order of the dump does not matter. At the end, based-on and derivative links are resolved,
// then the search documents of what changed are rebuilt.
//
// The records are those of importers/wikidata (the CLI reads the file and hands them over); only the
// fields used here are declared.

export const WIKIDATA_IMPORTER = 'wikidata'

interface Claim<T> {
  value: T
  rank: 'preferred' | 'normal' | 'deprecated'
  sources: Array<{
    url: string | null
    statedIn: string | null
    retrieved: string | null
    importedFrom: string | null
  }>
}
interface Coded {
  qid: string
  code: string | null
}

export interface WikidataFilmRecord {
  qid: string
  kind: string
  imdbId: string | null
  titles: Array<{ text: string; language: string; from: 'title' | 'label' | 'alias' }>
  basedOn: Claim<string>[]
  derivativeWorks: Claim<string>[]
  follows: Claim<string>[]
  followedBy: Claim<string>[]
  directors: Claim<string>[]
  cast: Claim<{ person: string; characterNames: string[] }>[]
  countries: Claim<Coded>[]
  languages: Claim<Coded>[]
  releaseDates: Claim<{ date: string; places: Coded[] }>[]
  runtimeMinutes: Claim<number>[]
  boxOffice: Claim<{ amount: number; currency: Coded; asOf: string | null }>[]
}

export interface WikidataPersonRecord {
  qid: string
  imdbId: string | null
  /** Labels then aliases, English first (see importers/wikidata). */
  names: Array<{ text: string; language: string; from: 'label' | 'alias' }>
}

export type WikidataItem =
  | { type: 'film'; line: number; film: WikidataFilmRecord }
  | { type: 'person'; line: number; person: WikidataPersonRecord }
  | { type: 'skipped'; line: number; qid: string }
  | { type: 'rejected'; file: string; line: number; message: string }

export interface WikidataFeed {
  /** The path, as messages name it; also the checkpoint's key. */
  file: string
  /** Changes when the file does (size and modification time): another file is read from its start. */
  fingerprint: string
  read(startLine: number): AsyncIterable<WikidataItem>
}

export interface WikidataImportReport {
  file: string
  status: 'imported' | 'resumed' | 'done before'
  /** Entities read (films, people and others) and rejected lines. */
  read: number
  /** Films and people. */
  imported: number
  updated: number
  unchanged: number
  /** Entities that are neither films, series nor people. */
  skipped: number
  rejected: number
  /** Person entities stored (imported, updated or unchanged). */
  people: number
  /**
   * Director and cast credits this import added, and those (of every import) still waiting for their
   * person's entity.
   */
  credits: WikidataCreditOutcome
  links: WikidataLinkOutcome
  issues: ImportIssue[]
  indexed: number
  seconds: number
}

export interface WikidataProgress {
  name: 'entities' | 'search index'
  rows: number
  finished: boolean
}

export interface ImportWikidataOptions {
  force?: boolean
  /** Entities per batch and transaction. */
  batchEntities?: number
  listedIssues?: number
  author?: string
  now?: () => string
  onProgress?: (progress: WikidataProgress) => void
}

const DEFAULT_BATCH = 1000
const LISTED_ISSUES = 20
// The checkpoint has columns for the counts every importer keeps; the Wikidata-only ones ride along
// as a line-0 issue.
const EXTRA_COUNTS_KEY = 'wikidata counts '

export async function importWikidata(
  storage: Storage,
  feed: WikidataFeed,
  options: ImportWikidataOptions = {},
): Promise<WikidataImportReport> {
  const started = performance.now()
  const now = options.now ?? (() => new Date().toISOString())
  const author = options.author ?? 'retold import wikidata'
  const listed = options.listedIssues ?? LISTED_ISSUES
  const batchSize = options.batchEntities ?? DEFAULT_BATCH
  const checkpoint = (await listImportCheckpoints(storage.db, WIKIDATA_IMPORTER)).find(
    (c) => c.file === feed.file,
  )
  const sameFile = checkpoint?.fingerprint === feed.fingerprint && !options.force
  const report: WikidataImportReport = {
    file: feed.file,
    status: 'imported',
    read: 0,
    imported: 0,
    updated: 0,
    unchanged: 0,
    skipped: 0,
    rejected: 0,
    people: 0,
    credits: { added: 0, pending: 0 },
    links: { resolved: 0, pending: 0, stories: 0 },
    issues: [],
    indexed: 0,
    seconds: 0,
  }
  let startLine = 1
  let startedAt = now()
  if (sameFile) {
    Object.assign(report, countsOf(checkpoint))
    report.issues = checkpoint.issues
      .filter((i) => i.line > 0)
      .map((i) => ({ file: feed.file, line: i.line, message: i.message }))
    report.status = checkpoint.done ? 'done before' : 'resumed'
    startLine = checkpoint.line
    startedAt = checkpoint.startedAt
  }
  const year = Number(now().slice(0, 4))

  let batch: Array<Extract<WikidataItem, { type: 'film' | 'person' }>> = []
  let lines = { read: 0, skipped: 0, rejected: [] as ImportIssue[] }
  let lastLine = startLine - 1
  const flush = async (done: boolean) => {
    try {
      await commit(done)
    } catch (error) {
      if (!isEntityError(error)) throw error
      // One entity the database refuses (a NUL in a label, say) must not stop the import: each is
      // tried alone in a transaction rolled back, the ones refused are rejected, the rest committed.
      const refused = new Map<(typeof batch)[number], string>()
      for (const item of batch) {
        const reason = await probe(item)
        if (reason !== undefined) refused.set(item, reason)
      }
      batch = batch.filter((item) => !refused.has(item))
      for (const [item, reason] of refused) {
        lines.rejected.push({
          file: feed.file,
          line: item.line,
          message: `${qidOf(item)}: the database refused it (${reason})`,
        })
      }
      await commit(done)
    }
  }
  const probe = async (item: (typeof batch)[number]): Promise<string | undefined> => {
    const rollback = new Error('rollback')
    try {
      await storage.db.transaction().execute(async (trx) => {
        const at = now()
        const context = { now: at, revision: { author, reason: null, at }, sources: new Map() }
        if (item.type === 'film') await storeWikidataFilm(trx, filmInput(item.film, year), context)
        else await storeWikidataPerson(trx, personInput(item.person), context)
        throw rollback
      })
    } catch (error) {
      if (error === rollback) return undefined
      if (!isEntityError(error)) throw error
      return (error as Error).message
    }
    return undefined
  }
  const commit = async (done: boolean) => {
    const at = now()
    const revision = { author, reason: `import ${feed.file}`, at }
    const outcome = await storage.db.transaction().execute(async (trx) => {
      const context: WikidataBatchContext = { now: at, revision, sources: new Map() }
      const counts = { imported: 0, updated: 0, unchanged: 0, people: 0, creditsAdded: 0 }
      const issues: ImportIssue[] = [...lines.rejected]
      for (const item of batch) {
        const stored =
          item.type === 'film'
            ? await storeWikidataFilm(trx, filmInput(item.film, year), context)
            : await storeWikidataPerson(trx, personInput(item.person), context)
        counts[stored.status] += 1
        counts.creditsAdded += stored.creditsAdded
        if (item.type === 'person') counts.people += 1
        if (stored.imdbConflict !== null) {
          const { qid, imdbId } = item.type === 'film' ? item.film : item.person
          issues.push({
            file: feed.file,
            line: item.line,
            message: `${qid}: IMDb id ${imdbId} already belongs to ${stored.imdbConflict}; stored without it`,
          })
        }
      }
      issues.sort((a, b) => a.line - b.line)
      const next = {
        read: report.read + lines.read,
        imported: report.imported + counts.imported,
        updated: report.updated + counts.updated,
        unchanged: report.unchanged + counts.unchanged,
        skipped: report.skipped + lines.skipped,
        rejected: report.rejected + lines.rejected.length,
        people: report.people + counts.people,
        credits: { added: report.credits.added + counts.creditsAdded, pending: 0 },
      }
      const kept = [...report.issues, ...issues].slice(0, listed)
      await saveImportCheckpoint(trx, WIKIDATA_IMPORTER, {
        file: feed.file,
        fingerprint: feed.fingerprint,
        line: lastLine + 1,
        offset: 0,
        done,
        read: next.read,
        imported: next.imported,
        updated: next.updated,
        unchanged: next.unchanged,
        skipped: next.skipped,
        rejected: next.rejected,
        issues: [
          ...kept.map(({ line, message }) => ({ line, message })),
          {
            line: 0,
            message: `${EXTRA_COUNTS_KEY}${JSON.stringify({ people: next.people, creditsAdded: next.credits.added })}`,
          },
        ],
        startedAt,
        updatedAt: at,
      })
      return { next, kept }
    })
    Object.assign(report, outcome.next)
    report.issues = outcome.kept
    batch = []
    lines = { read: 0, skipped: 0, rejected: [] }
    options.onProgress?.({ name: 'entities', rows: report.read, finished: done })
  }

  if (report.status !== 'done before') {
    try {
      for await (const item of feed.read(startLine)) {
        // Entities of a file parsed whole share one line: a batch never ends between them.
        if (lines.read >= batchSize && item.line !== lastLine) await flush(false)
        lastLine = item.line
        lines.read += 1
        // PostgreSQL text cannot hold NUL; SQLite could, but both dialects reject the same entities.
        if (item.type === 'film' && JSON.stringify(item.film).includes('\\u0000'))
          lines.rejected.push({
            file: feed.file,
            line: item.line,
            message: `${item.film.qid}: contains a NUL character`,
          })
        else if (item.type === 'person' && JSON.stringify(item.person).includes('\\u0000'))
          lines.rejected.push({
            file: feed.file,
            line: item.line,
            message: `${item.person.qid}: contains a NUL character`,
          })
        else if (item.type === 'film' || item.type === 'person') batch.push(item)
        else if (item.type === 'skipped') lines.skipped += 1
        else lines.rejected.push({ file: item.file, line: item.line, message: item.message })
      }
      await flush(true)
    } catch (error) {
      throw stopped(feed.file, report.read, error)
    }
  }

  report.links = await storage.db.transaction().execute((trx) =>
    resolveWikidataLinks(trx, {
      now: now(),
      revision: { author, reason: `import ${feed.file}: links`, at: now() },
    }),
  )
  const credits = await storage.db.transaction().execute((trx) => resolveWikidataCredits(trx))
  report.credits = { added: report.credits.added + credits.added, pending: credits.pending }
  report.indexed = (
    await indexImportPending(storage, (done, total) =>
      options.onProgress?.({ name: 'search index', rows: done, finished: done >= total }),
    )
  ).films
  report.seconds = (performance.now() - started) / 1000
  return report
}

/** A constraint or data error of one entity's rows, as opposed to a database that cannot go on. */
function isEntityError(error: unknown): boolean {
  const code = String((error as { code?: unknown }).code ?? '')
  return code.startsWith('SQLITE_CONSTRAINT') || code === 'SQLITE_MISMATCH' || /^2[23]/.test(code)
}

function qidOf(item: { type: 'film'; film: { qid: string } } | { type: 'person'; person: { qid: string } }) {
  return item.type === 'film' ? item.film.qid : item.person.qid
}

function countsOf(checkpoint: ImportCheckpoint) {
  const extra = checkpoint.issues.find((i) => i.line === 0 && i.message.startsWith(EXTRA_COUNTS_KEY))
  const { people = 0, creditsAdded = 0 } = extra
    ? (JSON.parse(extra.message.slice(EXTRA_COUNTS_KEY.length)) as { people?: number; creditsAdded?: number })
    : {}
  return {
    read: checkpoint.read,
    imported: checkpoint.imported,
    updated: checkpoint.updated,
    unchanged: checkpoint.unchanged,
    skipped: checkpoint.skipped,
    rejected: checkpoint.rejected,
    people,
    credits: { added: creditsAdded, pending: 0 },
  }
}

/** What storage needs of one entity: its film row, titles, claims with their sources, credits, links. */
export function filmInput(film: WikidataFilmRecord, currentYear: number): WikidataFilmInput {
  const kept = <T>(claims: Claim<T>[]) => claims.filter((c) => c.rank !== 'deprecated')
  const years = kept(film.releaseDates).map((c) => Number(c.value.date.slice(0, 4)))
  const year = years.length > 0 ? Math.min(...years) : null
  const label =
    film.titles.find((t) => t.from === 'label' && t.language === 'en')?.text ??
    film.titles[0]?.text ??
    film.qid
  const entitySource: WikidataSourceInput = {
    slug: `wikidata-${film.qid.toLowerCase()}`,
    kind: 'database',
    url: `https://www.wikidata.org/wiki/${film.qid}`,
    title: `Wikidata: ${label} (${film.qid})`,
    publisher: 'Wikidata',
    retrievedAt: null,
  }

  const titles: WikidataFilmInput['titles'] = []
  for (const title of film.titles) {
    const tag = languageTag(title.language)
    const kind = title.from === 'title' ? 'original' : 'alternative'
    if (titles.some((t) => t.text === title.text && t.language === tag.language)) continue
    titles.push({ text: title.text, ...tag, kind })
  }

  const claims: WikidataFilmInput['claims'] = []
  const add = (
    property: PropertyName,
    claim: Claim<unknown>,
    value: unknown,
    qualifiers: Qualifiers = {},
  ) => {
    if (!valueSchemaOf(property).safeParse(value).success) return
    for (const source of sourcesOf(claim, entitySource)) claims.push({ property, value, qualifiers, source })
  }
  for (const c of kept(film.countries)) add('country', c, c.value.code)
  for (const c of kept(film.languages)) add('language', c, c.value.code)
  for (const c of kept(film.releaseDates)) {
    const regions = c.value.places.flatMap((p) =>
      p.code !== null && /^[A-Z]{2}$/.test(p.code) ? [p.code] : [],
    )
    if (regions.length === 0) add('release_date', c, c.value.date)
    for (const region of regions) add('release_date', c, c.value.date, { region })
  }
  for (const c of kept(film.runtimeMinutes)) add('runtime_minutes', c, Math.round(c.value))
  for (const c of kept(film.boxOffice)) {
    if (c.value.currency.code === null) continue
    add(
      'box_office',
      c,
      { amount: c.value.amount, currency: c.value.currency.code },
      c.value.asOf === null ? {} : { as_of: c.value.asOf },
    )
  }

  const credits: WikidataFilmInput['credits'] = [
    ...kept(film.directors).map((c, i) => ({
      person: c.value,
      role: 'director',
      billing: 100 + i,
      characterName: null,
    })),
    ...kept(film.cast).map((c, i) => ({
      person: c.value.person,
      role: 'cast',
      billing: i + 1,
      characterName: c.value.characterNames.join(' / ') || null,
    })),
  ]
  const links: WikidataFilmInput['links'] = []
  for (const [property, claims] of [
    ['based_on', film.basedOn],
    ['derivative', film.derivativeWorks],
    ['follows', film.follows],
    ['followed_by', film.followedBy],
  ] as const) {
    for (const c of kept(claims)) {
      if (!links.some((l) => l.property === property && l.target === c.value))
        links.push({ property, target: c.value })
    }
  }
  return {
    qid: film.qid,
    imdbId: film.imdbId,
    kind: film.kind,
    status: year !== null && year > currentYear ? 'announced' : 'released',
    year,
    slug: importedSlug(film.qid, [label, year === null ? '' : String(year)]),
    source: entitySource,
    titles,
    claims,
    credits,
    links,
  }
}

/** What storage needs of one person entity: the name (the first label), the variants and the ids. */
export function personInput(person: WikidataPersonRecord): WikidataPersonInput {
  const name = (person.names.find((n) => n.from === 'label') ?? person.names[0])?.text ?? person.qid
  const names: WikidataPersonInput['names'] = []
  for (const variant of person.names) {
    const { language, script } = languageTag(variant.language)
    if (names.some((n) => n.name === variant.text && n.language === language && n.script === script)) continue
    names.push({ name: variant.text, language, script })
  }
  return {
    qid: person.qid,
    imdbId: person.imdbId,
    name,
    slug: importedSlug(person.qid, [name]),
    names,
  }
}

/** Wikidata's language codes: `en`, `zh-hans` (a script), `pt-br` (a region), `mul` (many). */
function languageTag(code: string): {
  language: string | null
  script: string | null
  region: string | null
} {
  const [language = '', variant] = code.toLowerCase().split('-')
  return {
    language: /^[a-z]{2,3}$/.test(language) && language !== 'mul' && language !== 'und' ? language : null,
    script:
      variant !== undefined && /^[a-z]{4}$/.test(variant)
        ? variant[0]!.toUpperCase() + variant.slice(1)
        : null,
    region: variant !== undefined && /^[a-z]{2}$/.test(variant) ? variant.toUpperCase() : null,
  }
}

/**
 * One source per distinct reference of a statement: a reference URL is a web page; a reference that
 * only names the work it is stated in, or the Wikipedia it was imported from, is a source named by that
 * work's QID. A statement without references has the entity itself as its source.
 */
function sourcesOf(claim: Claim<unknown>, entity: WikidataSourceInput): WikidataSourceInput[] {
  const sources = new Map<string, WikidataSourceInput>()
  for (const ref of claim.sources) {
    let source: WikidataSourceInput
    if (ref.url !== null) {
      const bare = ref.url.replace(/^[a-z]+:\/\//i, '').replace(/^www\./, '')
      const hash = createHash('sha1').update(ref.url).digest('hex').slice(0, 8)
      source = {
        slug: `web-${slugify(anyAscii(bare)).slice(0, 60).replace(/-+$/, '')}-${hash}`,
        kind: 'database',
        url: ref.url,
        title: bare,
        publisher: bare.split('/')[0] ?? null,
        retrievedAt: ref.retrieved,
      }
    } else {
      const [qid, how] =
        ref.statedIn !== null ? [ref.statedIn, 'stated-in'] : [ref.importedFrom!, 'imported-from']
      source = {
        slug: `wikidata-${how}-${qid.toLowerCase()}`,
        kind: how === 'stated-in' ? 'database' : 'encyclopedia',
        url: `https://www.wikidata.org/wiki/${qid}`,
        title: `${qid} (${how === 'stated-in' ? 'stated in' : 'imported from'}, via Wikidata)`,
        publisher: null,
        retrievedAt: ref.retrieved,
      }
    }
    sources.set(source.slug, source)
  }
  return sources.size > 0 ? [...sources.values()] : [entity]
}

/** A fatal error said plainly, with where to resume. */
function stopped(file: string, committed: number, error: unknown): AppError {
  const code = (error as { code?: unknown }).code
  const reason =
    code === 'SQLITE_FULL' || code === '53100' || code === 'ENOSPC'
      ? 'the disk is full'
      : (error as Error).message
  return new AppError(
    isAppError(error) ? error.code : 'Unavailable',
    `import stopped in ${file}: ${reason}. The ${committed.toLocaleString('en-US')} entities read before ` +
      'the failing batch are stored; run the same command again to resume from there.',
    { cause: error },
  )
}

/** Rebuilds the search documents of the films an import changed, a batch at a time. */
