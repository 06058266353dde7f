// npm run bench:import [-- --titles N --postgres URL --batch N --keep]
//
// Generates IMDb's seven files (gzipped, as IMDb publishes them) for N synthetic titles (100,000 by
// default; about 12 rows in all per title) and imports them with `retold import imdb`'s code into a
// fresh SQLite file, and into a fresh PostgreSQL database when --postgres names a server (COPY on one
// connection). Next to it, in the same run, the floor: the time to decompress the same files and count
// their lines. It prints rows/s per file, the total time, the peak RSS of the importing process and the
// database's size, and import time / floor time, which is the figure. Goals (issue): the full IMDb
// (about 12 million titles, 190 million rows) into SQLite in under 20 minutes, peak RSS under 1.5 GB,
// within 3× of the floor. Times are printed, never asserted.
//
// Each import runs in a child process (this file with --child), so that its peak RSS is its own.

import { spawn } from 'node:child_process'
import { createReadStream, existsSync, statSync } from 'node:fs'
import { mkdir, rm } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { createGunzip } from 'node:zlib'
import { sql } from 'kysely'
import { openImdbDir } from '../src/cli/import-imdb.ts'
import { generateImdb, IMDB_TABLES, readImdbTable, type ImdbTable } from '../src/importers/index.ts'
import { IMDB_FILES, importImdb, type ImdbImportReport } from '../src/services/index.ts'
import { connect, migrateToLatest } from '../src/storage/index.ts'

const GENERATOR_SEED = 1
const GOAL = { fullTitles: 12_000_000, minutes: 20, rssGiB: 1.5, ratio: 3 }
// IMDb's files at full scale, as the issue counts them (the synthetic files have fewer principals per
// title: about 4 where IMDb has 8); title.crew has a line per title, and the other files and the
// search documents grow with the titles and people.
const FULL_ROWS: Readonly<Record<string, number>> = {
  'name.basics': 15_000_000,
  'title.basics': 12_000_000,
  'title.akas': 55_000_000,
  'title.crew': 12_000_000,
  'title.principals': 95_000_000,
}

interface ChildResult {
  report: ImdbImportReport
  maxRssBytes: number
  /** The highest RSS seen at each file's progress reports (and the search index's), to tell what grows. */
  rssByFile: Record<string, number>
  /** Seconds from the import's start to the last progress report of each step. */
  endedAt: Record<string, number>
  databaseBytes: number
}

const { values } = parseArgs({
  options: {
    titles: { type: 'string', default: '100000' },
    postgres: { type: 'string' },
    batch: { type: 'string' },
    keep: { type: 'boolean', default: false },
    child: { type: 'boolean', default: false },
    dir: { type: 'string' },
    database: { type: 'string' },
  },
})

const seconds = (ms: number) => (ms / 1000).toFixed(1)
const mib = (bytes: number) => (bytes / 2 ** 20).toFixed(0)

if (values.child) await runChild()
else await main()

async function runChild(): Promise<void> {
  const databaseUrl = values.database?.startsWith('postgres') ? values.database : undefined
  const storage = await connect({ databaseUrl, databaseFile: values.database! }, { session: true })
  try {
    await migrateToLatest(storage)
    const rssByFile: Record<string, number> = {}
    const endedAt: Record<string, number> = {}
    const started = performance.now()
    const report = await importImdb(storage, await openImdbDir(values.dir!, '2026-11-20'), {
      ...(values.batch ? { batchLines: Number(values.batch) } : {}),
      onProgress: ({ name }) => {
        rssByFile[name] = Math.max(rssByFile[name] ?? 0, process.memoryUsage.rss())
        endedAt[name] = (performance.now() - started) / 1000
      },
    })
    const databaseBytes = databaseUrl
      ? Number(
          (await sql<{ n: number }>`select pg_database_size(current_database()) as n`.execute(storage.db))
            .rows[0]!.n,
        )
      : ['', '-wal'].reduce((sum, suffix) => {
          const file = values.database! + suffix
          return sum + (existsSync(file) ? statSync(file).size : 0)
        }, 0)
    const result: ChildResult = {
      report,
      maxRssBytes: process.resourceUsage().maxRSS * 1024,
      rssByFile,
      endedAt,
      databaseBytes,
    }
    process.stdout.write(`${JSON.stringify(result)}\n`)
  } finally {
    await storage.close()
  }
}

async function main(): Promise<void> {
  const titles = Number(values.titles)
  if (!Number.isInteger(titles) || titles < 1)
    throw new Error(`--titles ${values.titles}: a whole number ≥ 1`)
  const root = resolve('var/bench/import')
  const dir = join(root, `imdb-${titles}`)
  await mkdir(root, { recursive: true })
  let generated = false
  if (!IMDB_FILES.every((name) => existsSync(join(dir, `${name}.tsv.gz`)))) {
    const started = performance.now()
    await generateImdb({ titles, seed: GENERATOR_SEED, gzip: true }, dir)
    console.log(
      `generated ${titles.toLocaleString('en-US')} titles in ${seconds(performance.now() - started)} s: ${dir}`,
    )
    generated = true
  }
  if (!generated) console.log(`reusing ${dir}`)

  console.log('floor: decompressing and counting lines …')
  const floor = new Map<string, { seconds: number; lines: number; bytes: number }>()
  for (const name of IMDB_FILES) floor.set(name, await decompressAndCount(join(dir, `${name}.tsv.gz`)))
  const floorSeconds = [...floor.values()].reduce((sum, f) => sum + f.seconds, 0)
  const totalRows = [...floor.values()].reduce((sum, f) => sum + f.lines - 1, 0)
  const gzBytes = IMDB_FILES.reduce((sum, name) => sum + statSync(join(dir, `${name}.tsv.gz`)).size, 0)
  console.log(
    `${totalRows.toLocaleString('en-US')} rows, ${mib(gzBytes)} MiB gzipped, ` +
      `${mib([...floor.values()].reduce((s, f) => s + f.bytes, 0))} MiB of text; floor ${floorSeconds.toFixed(1)} s`,
  )

  // What reading costs before any database: decompressing, splitting and checking each line into a
  // record, as the import does. What a database adds is the rest.
  console.log('reading alone: records of every line, no database …')
  let readSeconds = 0
  for (const table of IMDB_TABLES) {
    const started = performance.now()
    for await (const _ of readImdbTable(join(dir, `${table.name}.tsv.gz`), table as ImdbTable<unknown>));
    readSeconds += (performance.now() - started) / 1000
  }
  console.log(`read in ${readSeconds.toFixed(1)} s: ${(readSeconds / floorSeconds).toFixed(2)}× the floor`)

  const targets: Array<{ name: string; database: string }> = []
  const sqliteFile = join(root, `import-${titles}.db`)
  for (const suffix of ['', '-wal', '-shm']) await rm(sqliteFile + suffix, { force: true })
  targets.push({ name: 'sqlite', database: sqliteFile })
  if (values.postgres) targets.push({ name: 'postgres', database: await freshPostgres(values.postgres) })

  const summaries: unknown[] = []
  for (const target of targets) {
    console.log(`\nimporting into ${target.name} …`)
    const result = await child(dir, target.database)
    summaries.push(printResult(target.name, result, floor, floorSeconds, titles, totalRows))
  }
  console.log(
    `\n${JSON.stringify({ bench: 'import', titles, rows: totalRows, floorSeconds, readSeconds, targets: summaries })}`,
  )
  if (!values.keep) await rm(sqliteFile, { force: true })
}

async function decompressAndCount(path: string): Promise<{ seconds: number; lines: number; bytes: number }> {
  const started = performance.now()
  let lines = 0
  let bytes = 0
  const stream = createReadStream(path, { highWaterMark: 1 << 20 }).pipe(
    createGunzip({ chunkSize: 256 << 10 }),
  )
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    bytes += chunk.length
    let at = -1
    while ((at = chunk.indexOf(0x0a, at + 1)) !== -1) lines += 1
  }
  return { seconds: (performance.now() - started) / 1000, lines, bytes }
}

async function freshPostgres(url: string): Promise<string> {
  const name = 'retold_bench_import'
  const { default: pg } = await import('pg')
  const admin = new pg.Client({ connectionString: url })
  await admin.connect()
  await admin.query(`drop database if exists ${name} with (force)`)
  await admin.query(`create database ${name}`)
  await admin.end()
  const target = new URL(url)
  target.pathname = `/${name}`
  return target.toString()
}

function child(dir: string, database: string): Promise<ChildResult> {
  return new Promise((resolvePromise, reject) => {
    const args = ['--import', 'tsx', 'bench/import.ts', '--child', '--dir', dir, '--database', database]
    if (values.batch) args.push('--batch', values.batch)
    const process_ = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] })
    let output = ''
    process_.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
    process_.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`the import exited with code ${code}`))
      resolvePromise(JSON.parse(output.trim().split('\n').at(-1)!) as ChildResult)
    })
  })
}

function printResult(
  name: string,
  { report, maxRssBytes, rssByFile, endedAt, databaseBytes }: ChildResult,
  floor: Map<string, { seconds: number; lines: number }>,
  floorSeconds: number,
  titles: number,
  totalRows: number,
) {
  const rows = report.files.map((f) => {
    const base = floor.get(f.name)!
    return {
      file: f.name,
      rows: f.read,
      seconds: f.seconds,
      rowsPerSecond: f.read / f.seconds,
      floorSeconds: base.seconds,
      ratio: f.seconds / base.seconds,
      rssMiB: (rssByFile[f.name] ?? 0) / 2 ** 20,
    }
  })
  const fileSeconds = rows.reduce((s, r) => s + r.seconds, 0)
  // After the files: the indexes the load left out, then the search pass.
  const filesEnded = endedAt['title.ratings'] ?? fileSeconds
  const buildSeconds = (endedAt.indexes ?? filesEnded) - filesEnded
  const searchSeconds = report.seconds - fileSeconds - buildSeconds
  const header = ['file', 'rows', 'seconds', 'rows/s', 'floor s', '× floor', 'RSS MiB']
  const table = [
    ...rows.map((r) => [
      r.file,
      r.rows.toLocaleString('en-US'),
      r.seconds.toFixed(1),
      Math.round(r.rowsPerSecond).toLocaleString('en-US'),
      r.floorSeconds.toFixed(2),
      r.ratio.toFixed(1),
      mib(r.rssMiB * 2 ** 20),
    ]),
    ['indexes', '', buildSeconds.toFixed(1), '', '', '', mib(rssByFile.indexes ?? 0)],
    [
      'search index',
      `${(report.indexed.films + report.indexed.people).toLocaleString('en-US')} docs`,
      searchSeconds.toFixed(1),
      '',
      '',
      '',
      mib(rssByFile['search index'] ?? 0),
    ],
    [
      'total',
      totalRows.toLocaleString('en-US'),
      report.seconds.toFixed(1),
      Math.round(totalRows / report.seconds).toLocaleString('en-US'),
      floorSeconds.toFixed(2),
      (report.seconds / floorSeconds).toFixed(1),
      mib(maxRssBytes),
    ],
  ]
  const widths = header.map((h, i) => Math.max(h.length, ...table.map((r) => r[i]!.length)))
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ')
  console.log(line(header))
  for (const row of table) console.log(line(row))
  // Each file at its own rate, times IMDb's rows; linear, so a floor: the indexes deepen as they grow.
  const byTitles = GOAL.fullTitles / titles
  const readOf = (file: string) => report.files.find((f) => f.name === file)?.read ?? 0
  const fullRows = (file: string) => FULL_ROWS[file] ?? readOf(file) * byTitles
  const scale = (files: string[]) =>
    files.reduce((sum, f) => sum + fullRows(f), 0) /
    Math.max(
      1,
      files.reduce((sum, f) => sum + readOf(f), 0),
    )
  // The indexes left out are mostly the credits', sorted: scaled as the credits are, a little more
  // than the titles' index grows. The search documents are the titles' and people's.
  const fullMinutes =
    (rows.reduce((sum, r) => sum + (r.seconds / Math.max(r.rows, 1)) * fullRows(r.file), 0) +
      buildSeconds * scale(['title.principals', 'title.crew']) +
      searchSeconds * scale(['name.basics', 'title.basics'])) /
    60
  console.log(
    `peak RSS ${mib(maxRssBytes)} MiB (goal < ${GOAL.rssGiB * 1024}), database ${mib(databaseBytes)} MiB; ` +
      `import / floor = ${(report.seconds / floorSeconds).toFixed(1)}× (goal ≤ ${GOAL.ratio}×); ` +
      `linear extrapolation to IMDb's rows (${GOAL.fullTitles.toLocaleString('en-US')} titles, 95M principals): ` +
      `${fullMinutes.toFixed(0)} min ` +
      `(goal < ${GOAL.minutes}${name === 'sqlite' ? '' : ', SQLite only'})`,
  )
  return {
    target: name,
    seconds: report.seconds,
    rowsPerSecond: totalRows / report.seconds,
    ratio: report.seconds / floorSeconds,
    maxRssMiB: maxRssBytes / 2 ** 20,
    databaseMiB: databaseBytes / 2 ** 20,
    files: rows,
    buildSeconds,
    searchSeconds,
    extrapolatedMinutes: fullMinutes,
  }
}
