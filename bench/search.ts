// npm run bench:search [-- --corpora 0,imdb,10000,100000,1000000 --peers on|off|minisearch,fts5
//                         --postgres URL|off --misses --keep --dir D]
//
// Search quality and speed over the messy-query set (test/fixtures/search/messy-queries.yaml: typos,
// garbled tokens, missing diacritics, other scripts, romanizations, qualifiers, people, prefixes),
// through Retold's real code path: a fresh SQLite database (connect + migrateToLatest), the curated
// data loaded by loadDatasets (which indexes it), extra film documents inserted by
// replaceSearchDocuments, and searchCatalog. Corpora:
//
//   0 (or curated)  the curated data only
//   imdb            curated + the real IMDb samples of test/fixtures/imdb/ (about 29,000 titles)
//   N (a number)    curated + the IMDb samples + N generated films with multilingual titles
//
// In the same run, MiniSearch, FlexSearch and plain SQLite FTS5 index the very same documents and
// normalized text (search_document.keys) and get the query normalized the same way (searchKeys).
// For each corpus and engine: index build time and size, Recall@1, Recall@10, MRR, p50 and p99
// latency, overall and per query type; for Retold also where the time goes (candidate lookup vs
// ranking) and how often the answer survives the candidate stage; then one JSON line. With
// --postgres URL (or RETOLD_TEST_POSTGRES_URL) the same for PostgreSQL, in a database of its own that
// is dropped afterwards. --misses lists Retold's misses. Goals at 1,000,000 titles: Retold Recall@1
// >= 0.9 and ahead of every peer, p99 <= 50 ms (PostgreSQL <= 100 ms), build <= 2 minutes. Times
// are reported, never asserted: the exit code is non-zero only on errors.

import { spawnSync } from 'node:child_process'
import { mkdirSync, rmSync, statSync } from 'node:fs'
import { availableParallelism, cpus, tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { getHeapStatistics, setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import SqliteDatabase from 'better-sqlite3'
import { readDatasetDir } from '../src/importers/index.ts'
import { fold, parseQuery, rankDocuments } from '../src/search/index.ts'
import { findCandidates, loadDatasets, SEARCH_CANDIDATES, searchCatalog } from '../src/services/index.ts'
import {
  connect,
  migrateToLatest,
  prepareSearchDocuments,
  replaceSearchDocuments,
  type IndexedDocument,
  type Storage,
} from '../src/storage/index.ts'
import { generateDocuments, indexed, readImdbDocuments, type RawDocument } from './search-corpus.ts'
import { createPeer, PEER_NAMES, peerQuery, type PeerName } from './search-peers.ts'
import { createBenchPostgres, postgresProblem, type BenchPostgres } from './search-postgres.ts'
import {
  byType,
  count,
  figures,
  megabytes,
  millis,
  percentile,
  QUERY_TYPES,
  ratio,
  readMessyQueries,
  seconds,
  table,
  type Answer,
  type Figures,
  type MessyQuery,
} from './search-report.ts'

const QUERIES_FILE = 'test/fixtures/search/messy-queries.yaml'
const IMDB_DIR = 'test/fixtures/imdb'
const DATA_DIR = 'data'
const DEFAULT_CORPORA = '0,imdb,10000,100000,1000000'
/** Documents per transaction when inserting distractors. */
const CHUNK = 10_000
/** Queries run once before measuring, to warm caches and JIT. */
const WARMUP = 25
const GOAL = { documents: 1_000_000, recallAt1: 0.9, p99: 50, buildSeconds: 120, postgresP99: 100 }

const collectGarbage: () => void = (() => {
  setFlagsFromString('--expose-gc')
  return runInNewContext('gc') as () => void
})()

interface CorpusSpec {
  label: string
  imdb: boolean
  generated: number
}

interface EngineResult {
  engine: string
  settings: string
  buildSeconds: number
  /** Search tables on disk (Retold, FTS5) or heap taken by the index (MiniSearch, FlexSearch). */
  bytes: number | null
  bytesKind: 'disk' | 'heap'
  overall: Figures
  byType: Record<string, Figures>
  answers: Answer[]
  /** For Retold: where its time goes and whether the answer survives the candidate stage. */
  breakdown?: Breakdown
}

interface Breakdown {
  /** Share of queries whose expected answer is among the SEARCH_CANDIDATES the index hands the ranker. */
  candidateRecall: number
  candidateRecallByType: Record<string, number>
  /** Queries whose answer was a candidate but not ranked first. */
  rankedLower: number
  lookup: { p50: number; p99: number }
  rank: { p50: number; p99: number }
  /** The slowest queries, with their candidate lookup and ranking times. */
  slowest: Array<{ query: string; lookupMs: number; rankMs: number }>
}

interface CorpusResult {
  spec: CorpusSpec
  documents: number
  curated: number
  imdbTitles: number
  imdbPeople: number
  imdbSkipped: string[]
  curatedLoadSeconds: number
  /** Reading the IMDb samples and generating films: part of no engine's build. */
  sourceSeconds: number
  /** searchKeys() of the extra documents' names: part of Retold's build (the peers index its output). */
  normalizeSeconds: number
  /** replaceSearchDocuments of the extra documents, in transactions of CHUNK documents. */
  insertSeconds: number
  databaseBytes: number
  engines: EngineResult[]
}

function parseCorpora(value: string): CorpusSpec[] {
  return value.split(',').map((part) => {
    const p = part.trim().toLowerCase()
    if (p === '0' || p === 'curated') return { label: 'curated', imdb: false, generated: 0 }
    if (p === 'imdb') return { label: 'curated + IMDb samples', imdb: true, generated: 0 }
    const n = Number(p.replaceAll('_', ''))
    if (!Number.isInteger(n) || n <= 0)
      throw new Error(`--corpora: ${part} is not 0, curated, imdb or a count`)
    return { label: `curated + IMDb samples + ${count(n)} generated`, imdb: true, generated: n }
  })
}

function heapBytes(): number {
  collectGarbage()
  collectGarbage()
  const m = process.memoryUsage()
  return m.heapUsed + m.external
}

interface Target {
  storage: Storage
  /** Time spent in replaceSearchDocuments. */
  insertSeconds: number
}

/**
 * Normalizes documents (searchKeys, once for every target) and inserts them into each target as
 * Retold's indexer does, CHUNK documents per transaction.
 */
async function insertDocuments(
  targets: readonly Target[],
  documents: readonly RawDocument[],
  time: { normalizeSeconds: number },
): Promise<void> {
  for (let i = 0; i < documents.length; i += CHUNK) {
    let started = performance.now()
    const chunk: IndexedDocument[] = documents.slice(i, i + CHUNK).map(indexed)
    time.normalizeSeconds += (performance.now() - started) / 1000
    for (const target of targets) {
      started = performance.now()
      await target.storage.db
        .transaction()
        .execute((trx) =>
          replaceSearchDocuments(
            trx,
            target.storage.dialect,
            prepareSearchDocuments(target.storage.dialect, chunk),
          ),
        )
      target.insertSeconds += (performance.now() - started) / 1000
    }
  }
}

const labelsOf = (results: ReadonlyArray<{ kind: string; slug: string }>) =>
  results.map((r) => `${r.kind}/${r.slug}`)

/**
 * searchCatalog's two stages timed apart (parseQuery + findCandidates, then
 * rankDocuments), after the measured run: what limits Retold's figures, measured.
 */
async function diagnose(storage: Storage, queries: readonly MessyQuery[]): Promise<Breakdown> {
  const rows: Array<{
    q: MessyQuery
    candidate: boolean
    first: boolean
    lookupMs: number
    rankMs: number
  }> = []
  for (const q of queries) {
    let started = performance.now()
    const parsed = parseQuery(q.query)
    const { documents: candidates, readings } = await findCandidates(storage, parsed)
    const lookupMs = performance.now() - started
    started = performance.now()
    const results = rankDocuments(parsed, candidates, 10, readings)
    const rankMs = performance.now() - started
    rows.push({
      q,
      candidate: candidates.some((c) => `${c.kind}/${c.slug}` === q.expect),
      first: labelsOf(results)[0] === q.expect,
      lookupMs,
      rankMs,
    })
  }
  const share = (list: typeof rows) => list.filter((r) => r.candidate).length / (list.length || 1)
  return {
    candidateRecall: share(rows),
    candidateRecallByType: Object.fromEntries(
      QUERY_TYPES.map((t) => [t, share(rows.filter((r) => r.q.type === t))]),
    ),
    rankedLower: rows.filter((r) => r.candidate && !r.first).length,
    lookup: {
      p50: percentile(
        rows.map((r) => r.lookupMs),
        50,
      ),
      p99: percentile(
        rows.map((r) => r.lookupMs),
        99,
      ),
    },
    rank: {
      p50: percentile(
        rows.map((r) => r.rankMs),
        50,
      ),
      p99: percentile(
        rows.map((r) => r.rankMs),
        99,
      ),
    },
    slowest: [...rows]
      .sort((a, b) => b.lookupMs + b.rankMs - (a.lookupMs + a.rankMs))
      .slice(0, 5)
      .map((r) => ({ query: r.q.query, lookupMs: r.lookupMs, rankMs: r.rankMs })),
  }
}

/** Runs every query once (after a warm-up) and records where the expected answer came. */
async function runQueries(
  queries: readonly MessyQuery[],
  search: (query: string) => Promise<string[]> | string[],
): Promise<Answer[]> {
  for (const q of queries.slice(0, WARMUP)) await search(q.query)
  const answers: Answer[] = []
  for (const q of queries) {
    const started = performance.now()
    const labels = await search(q.query)
    const ms = performance.now() - started
    const at = labels.indexOf(q.expect)
    answers.push({ query: q, rank: at < 0 ? null : at + 1, ms, first: labels[0] ?? null })
  }
  return answers
}

function engineResult(
  engine: string,
  settings: string,
  buildSeconds: number,
  bytes: number | null,
  bytesKind: 'disk' | 'heap',
  answers: Answer[],
  breakdown?: Breakdown,
): EngineResult {
  return {
    engine,
    settings,
    buildSeconds,
    bytes,
    bytesKind,
    overall: figures(answers),
    byType: byType(answers),
    answers,
    ...(breakdown ? { breakdown } : {}),
  }
}

async function runCorpus(
  spec: CorpusSpec,
  options: { dir: string; peers: readonly PeerName[]; keep: boolean; postgres: string | null },
): Promise<CorpusResult> {
  const file = join(options.dir, 'retold.db')
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true })
  const storage = await connect({ databaseFile: file })
  const raw = new SqliteDatabase(file)
  let postgres: BenchPostgres | null = null
  try {
    await migrateToLatest(storage)
    const { datasets, issues } = readDatasetDir(DATA_DIR)
    if (issues.length > 0) throw new Error(`${DATA_DIR} has ${issues.length} problems: run npx retold load`)
    let started = performance.now()
    await loadDatasets(storage, datasets)
    const curatedLoadSeconds = (performance.now() - started) / 1000

    const curatedRows = raw.prepare('select kind, slug, keys from search_document').all() as Array<{
      kind: string
      slug: string
      keys: string
    }>
    const known = new Set(curatedRows.map((r) => `${r.kind}/${r.slug}`))
    const queries = readMessyQueries(QUERIES_FILE, known)
    const reserved = new Set(curatedRows.flatMap((r) => r.keys.split('\n')))
    const imdbIds = new Set(
      raw
        .prepare('select imdb_id from film where imdb_id is not null union select imdb_id from person')
        .pluck()
        .all() as string[],
    )
    const personNames = new Set(
      (
        raw.prepare('select name from person union select name from person_name').pluck().all() as string[]
      ).map(fold),
    )
    const titleYears = new Set(
      (
        raw
          .prepare(
            'select title.text as text, film.year as year from title join film on film.id = title.film_id',
          )
          .all() as Array<{ text: string; year: number | null }>
      ).map((r) => `${fold(r.text)}|${r.year}`),
    )

    const sqliteTarget: Target = { storage, insertSeconds: 0 }
    const targets: Target[] = [sqliteTarget]
    let postgresTarget: Target | null = null
    let postgresCuratedSeconds = 0
    if (options.postgres) {
      postgres = await createBenchPostgres(options.postgres, `retold_bench_search_${process.pid}`)
      started = performance.now()
      await loadDatasets(postgres.storage, datasets)
      postgresCuratedSeconds = (performance.now() - started) / 1000
      postgresTarget = { storage: postgres.storage, insertSeconds: 0 }
      targets.push(postgresTarget)
    }

    let sourceSeconds = 0
    const time = { normalizeSeconds: 0 }
    let imdbTitles = 0
    let imdbPeople = 0
    let imdbSkipped: string[] = []
    if (spec.imdb) {
      started = performance.now()
      const imdb = readImdbDocuments(IMDB_DIR, { imdbIds, titleYears, personNames })
      sourceSeconds += (performance.now() - started) / 1000
      imdbTitles = imdb.titles
      imdbPeople = imdb.people
      imdbSkipped = imdb.skipped
      await insertDocuments(targets, imdb.documents, time)
    }
    if (spec.generated > 0) {
      const chunks = generateDocuments(spec.generated, { reserved }, CHUNK)
      for (;;) {
        started = performance.now()
        const next = chunks.next()
        sourceSeconds += (performance.now() - started) / 1000
        if (next.done) break
        await insertDocuments(targets, next.value, time)
        if (spec.generated >= 100_000) process.stdout.write('.')
      }
      if (spec.generated >= 100_000) process.stdout.write('\n')
    }
    raw.pragma('wal_checkpoint(TRUNCATE)')
    const documents = raw.prepare('select count(*) from search_document').pluck().get() as number
    const searchBytes = raw
      .prepare(
        `select sum(pgsize) from dbstat where name like 'search%' or name like 'sqlite_autoindex_search%'`,
      )
      .pluck()
      .get() as number
    const databaseBytes = statSync(file).size

    const engines: EngineResult[] = []
    const retoldAnswers = await runQueries(queries, async (query) =>
      labelsOf((await searchCatalog(storage, query, 10)).results),
    )
    const retoldBreakdown = await diagnose(storage, queries)
    engines.push(
      engineResult(
        'retold',
        `SQLite: dictionary + FTS5 word index, ${SEARCH_CANDIDATES} candidates + rankDocuments`,
        curatedLoadSeconds + time.normalizeSeconds + sqliteTarget.insertSeconds,
        searchBytes,
        'disk',
        retoldAnswers,
        retoldBreakdown,
      ),
    )
    if (postgres && postgresTarget) {
      started = performance.now()
      await postgres.analyze()
      const analyzeSeconds = (performance.now() - started) / 1000
      const pgStorage = postgres.storage
      const answers = await runQueries(queries, async (query) =>
        labelsOf((await searchCatalog(pgStorage, query, 10)).results),
      )
      engines.push(
        engineResult(
          'retold-pg',
          `PostgreSQL (${postgres.location}): dictionary + GIN word index, ${SEARCH_CANDIDATES} candidates + rankDocuments; build includes VACUUM ANALYZE`,
          postgresCuratedSeconds + time.normalizeSeconds + postgresTarget.insertSeconds + analyzeSeconds,
          await postgres.searchBytes(),
          'disk',
          answers,
          await diagnose(pgStorage, queries),
        ),
      )
    }

    if (options.peers.length > 0) {
      // The same documents and text for every peer, read back from Retold's own index.
      const ids: number[] = []
      const keys: string[] = []
      const labels: string[] = []
      for (const row of raw
        .prepare('select id, kind, slug, keys from search_document order by id')
        .iterate() as Iterable<{
        id: number
        kind: string
        slug: string
        keys: string
      }>) {
        ids.push(row.id)
        keys.push(row.keys)
        labels[row.id] = `${row.kind}/${row.slug}`
      }
      for (const name of options.peers) {
        const before = heapBytes()
        started = performance.now()
        let peer: ReturnType<typeof createPeer> | null = createPeer(name, join(options.dir, `${name}.db`))
        for (let i = 0; i < ids.length; i++) peer.add(ids[i]!, keys[i]!)
        peer.finish()
        const buildSeconds = (performance.now() - started) / 1000
        const disk = peer.diskBytes()
        const bytes = disk ?? heapBytes() - before
        const current = peer
        const answers = await runQueries(queries, (query) =>
          current.search(peerQuery(query), 10).map((id) => labels[id] ?? `?${id}`),
        )
        engines.push(
          engineResult(name, peer.settings, buildSeconds, bytes, disk === null ? 'heap' : 'disk', answers),
        )
        peer.close()
        peer = null
        collectGarbage()
      }
    }
    return {
      spec,
      documents,
      curated: curatedRows.length,
      imdbTitles,
      imdbPeople,
      imdbSkipped,
      curatedLoadSeconds,
      sourceSeconds,
      normalizeSeconds: time.normalizeSeconds,
      insertSeconds: sqliteTarget.insertSeconds,
      databaseBytes,
      engines,
    }
  } finally {
    raw.close()
    await storage.close()
    await postgres?.drop()
    if (!options.keep) for (const suffix of ['', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true })
  }
}

function printCorpus(result: CorpusResult, misses: boolean): void {
  const { spec } = result
  console.log()
  console.log(`== ${spec.label}: ${count(result.documents)} documents ==`)
  const parts = [
    `curated ${count(result.curated)} (loaded and indexed in ${seconds(result.curatedLoadSeconds)} s)`,
  ]
  if (spec.imdb)
    parts.push(
      `IMDb samples ${count(result.imdbTitles)} titles + ${count(result.imdbPeople)} people ` +
        `(${result.imdbSkipped.length} left out as the same film or person as a curated one: ${result.imdbSkipped.join('; ')})`,
    )
  if (spec.generated > 0) parts.push(`generated ${count(spec.generated)} films`)
  console.log(parts.join(', '))
  if (spec.imdb || spec.generated > 0)
    console.log(
      `extra documents: read/generated in ${seconds(result.sourceSeconds)} s (in no build time), ` +
        `searchKeys in ${seconds(result.normalizeSeconds)} s, ` +
        `inserted by replaceSearchDocuments in ${seconds(result.insertSeconds)} s ` +
        `(${count(Math.round((result.documents - result.curated) / Math.max(result.insertSeconds, 1e-9)))} documents/s); ` +
        `database file ${megabytes(result.databaseBytes)} MB`,
    )
  console.log()
  console.log(
    table(
      ['engine', 'build s', 'size MB', 'R@1', 'R@10', 'MRR', 'p50 ms', 'p99 ms'],
      result.engines.map((e) => [
        e.engine,
        seconds(e.buildSeconds),
        `${megabytes(e.bytes)}${e.bytesKind === 'heap' ? ' heap' : ''}`,
        ratio(e.overall.recallAt1),
        ratio(e.overall.recallAt10),
        ratio(e.overall.mrr),
        millis(e.overall.p50),
        millis(e.overall.p99),
      ]),
    ),
  )
  console.log()
  const rows: string[][] = []
  for (const type of QUERY_TYPES) {
    result.engines.forEach((e, i) => {
      const f = e.byType[type]!
      rows.push([
        i === 0 ? type : '',
        e.engine,
        String(f.queries),
        ratio(f.recallAt1),
        ratio(f.recallAt10),
        ratio(f.mrr),
        millis(f.p50),
        millis(f.p99),
      ])
    })
  }
  console.log(table(['query type', 'engine', 'n', 'R@1', 'R@10', 'MRR', 'p50 ms', 'p99 ms'], rows))
  for (const e of result.engines) {
    const b = e.breakdown
    if (!b) continue
    console.log()
    console.log(
      `${e.engine} breakdown: answer among the ${SEARCH_CANDIDATES} candidates for ${ratio(b.candidateRecall)} of queries ` +
        `(${QUERY_TYPES.map((t) => `${t} ${ratio(b.candidateRecallByType[t] ?? 0)}`).join(', ')}); ` +
        `${b.rankedLower} more were candidates but not ranked first. Candidate lookup p50 ${millis(b.lookup.p50)} ms, ` +
        `p99 ${millis(b.lookup.p99)} ms; ranking p50 ${millis(b.rank.p50)} ms, p99 ${millis(b.rank.p99)} ms. Slowest: ` +
        b.slowest
          .map((s) => `"${s.query}" (lookup ${millis(s.lookupMs)} + ranking ${millis(s.rankMs)} ms)`)
          .join(', '),
    )
  }
  if (misses) {
    const retold = result.engines[0]!
    const missed = retold.answers.filter((a) => a.rank !== 1)
    console.log()
    console.log(`retold misses (${missed.length}):`)
    for (const a of missed)
      console.log(
        `  [${a.query.type}] ${a.query.query} → want ${a.query.expect}, ` +
          `${a.rank === null ? 'not in top 10' : `rank ${a.rank}`}; first ${a.first ?? '(nothing)'} (${millis(a.ms)} ms)`,
      )
  }
}

function printGoals(result: CorpusResult): void {
  const retold = result.engines.find((e) => e.engine === 'retold')
  const retoldPg = result.engines.find((e) => e.engine === 'retold-pg')
  const peers = result.engines.filter((e) => !e.engine.startsWith('retold'))
  if (!retold) return
  const best = peers.reduce((b, p) => Math.max(b, p.overall.recallAt1), 0)
  const ok = (met: boolean) => (met ? 'met' : 'missed')
  const scale = result.documents >= GOAL.documents ? '' : ` (goals set at ${count(GOAL.documents)} titles)`
  console.log(
    `${result.spec.label}${scale}: Recall@1 ${ratio(retold.overall.recallAt1)} (goal >= ${GOAL.recallAt1}: ` +
      `${ok(retold.overall.recallAt1 >= GOAL.recallAt1)}` +
      (peers.length > 0 ? `; best peer ${ratio(best)}: ${ok(retold.overall.recallAt1 > best)}` : '') +
      `), p99 ${millis(retold.overall.p99)} ms (goal <= ${GOAL.p99}: ${ok(retold.overall.p99 <= GOAL.p99)}), ` +
      `build ${seconds(retold.buildSeconds)} s (goal <= ${GOAL.buildSeconds}: ${ok(retold.buildSeconds <= GOAL.buildSeconds)})` +
      (retoldPg
        ? `; PostgreSQL Recall@1 ${ratio(retoldPg.overall.recallAt1)}, p99 ${millis(retoldPg.overall.p99)} ms ` +
          `(goal <= ${GOAL.postgresP99}: ${ok(retoldPg.overall.p99 <= GOAL.postgresP99)})`
        : ''),
  )
}

async function main() {
  const { values } = parseArgs({
    options: {
      corpora: { type: 'string', default: DEFAULT_CORPORA },
      peers: { type: 'string', default: 'on' },
      misses: { type: 'boolean', default: false },
      keep: { type: 'boolean', default: false },
      dir: { type: 'string' },
      postgres: { type: 'string' },
    },
  })
  // PostgreSQL too when given a server (--postgres URL, or RETOLD_TEST_POSTGRES_URL as the tests use).
  const postgresOption = values.postgres ?? process.env.RETOLD_TEST_POSTGRES_URL ?? 'off'
  const postgres = ['off', 'no', 'false', ''].includes(postgresOption) ? null : postgresOption
  if (postgres) {
    const problem = await postgresProblem(postgres)
    if (problem) throw new Error(`PostgreSQL at ${new URL(postgres).host} does not answer: ${problem}`)
  }
  const corpora = parseCorpora(values.corpora)
  const peersOn = !['off', 'false', 'no', '0'].includes(values.peers.toLowerCase())
  const peers: PeerName[] = peersOn
    ? values.peers.toLowerCase() === 'on' || values.peers.toLowerCase() === 'true'
      ? [...PEER_NAMES]
      : values.peers.split(',').map((p) => {
          if (!PEER_NAMES.includes(p.trim() as PeerName)) throw new Error(`--peers: unknown peer ${p}`)
          return p.trim() as PeerName
        })
    : []

  // In-memory peers over a million documents need more than V8's default heap: rerun with more.
  const largest = Math.max(...corpora.map((c) => c.generated))
  const heapLimit = getHeapStatistics().heap_size_limit
  if (
    peers.length > 0 &&
    largest >= 100_000 &&
    heapLimit < 12 * 2 ** 30 &&
    !process.env.RETOLD_BENCH_SEARCH_CHILD
  ) {
    const child = spawnSync(
      process.execPath,
      ['--max-old-space-size=16384', ...process.execArgv, process.argv[1]!, ...process.argv.slice(2)],
      { stdio: 'inherit', env: { ...process.env, RETOLD_BENCH_SEARCH_CHILD: '1' } },
    )
    process.exitCode = child.status ?? 1
    return
  }

  const dir = resolve(values.dir ?? join(tmpdir(), `retold-bench-search-${process.pid}`))
  mkdirSync(dir, { recursive: true })
  console.log(
    `Node ${process.version}, ${availableParallelism()} CPUs (${cpus()[0]?.model.trim() ?? '?'}), ` +
      `heap limit ${(getHeapStatistics().heap_size_limit / 2 ** 30).toFixed(1)} GiB; queries ${QUERIES_FILE}; ` +
      `peers: ${peers.join(', ') || 'none'}; databases in ${dir}`,
  )
  const results: CorpusResult[] = []
  try {
    for (const spec of corpora) {
      console.log(`\nbuilding ${spec.label} …`)
      const result = await runCorpus(spec, { dir, peers, keep: values.keep, postgres })
      printCorpus(result, values.misses)
      results.push(result)
    }
  } finally {
    if (!values.keep && values.dir === undefined) rmSync(dir, { recursive: true, force: true })
  }
  console.log()
  for (const result of results) printGoals(result)
  const settings = Object.fromEntries(results[0]?.engines.map((e) => [e.engine, e.settings]) ?? [])
  console.log(
    JSON.stringify({
      bench: 'search',
      node: process.version,
      cpus: availableParallelism(),
      queries: results[0]?.engines[0]?.answers.length ?? 0,
      settings,
      goal: GOAL,
      corpora: results.map((r) => ({
        label: r.spec.label,
        generated: r.spec.generated,
        documents: r.documents,
        curatedLoadSeconds: r.curatedLoadSeconds,
        sourceSeconds: r.sourceSeconds,
        normalizeSeconds: r.normalizeSeconds,
        insertSeconds: r.insertSeconds,
        databaseBytes: r.databaseBytes,
        engines: r.engines.map((e) => ({
          engine: e.engine,
          buildSeconds: e.buildSeconds,
          bytes: e.bytes,
          bytesKind: e.bytesKind,
          overall: e.overall,
          byType: e.byType,
          ...(e.breakdown ? { breakdown: e.breakdown } : {}),
        })),
      })),
    }),
  )
}

main().catch((error: unknown) => {
  console.error(error)
  process.exitCode = 1
})
