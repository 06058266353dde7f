import { open, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { AppError, formatIssue } from '../domain/index.ts'
import {
  generateImdb,
  IMDB_TABLES,
  readImdbTable,
  type ImdbTable,
  type ImdbTableName,
} from '../importers/index.ts'
import {
  IMDB_FILES,
  importImdb,
  type ImdbFeed,
  type ImdbFeeds,
  type ImdbImportReport,
  type ImportImdbOptions,
  type ImportProgress,
} from '../services/index.ts'
import type { Storage } from '../storage/index.ts'

// `retold import imdb <dir>` and `retold generate imdb`: opens the dataset files of a folder for the
// import service, and shows its progress (a bar per file on a terminal, a line now and then otherwise).

const DATE = /^\d{4}-\d{2}-\d{2}$/

export interface ImdbCommandOptions {
  adult: boolean
  types: string[] | undefined
  date: string | undefined
  force: boolean
  batchLines: number | undefined
}

/** The IMDb files found in `dir` (`name.tsv.gz` or `name.tsv`), opened for the import service. */
export async function openImdbDir(dir: string, date: string | undefined): Promise<ImdbFeeds> {
  if (date !== undefined && !DATE.test(date))
    throw new AppError('Invalid', `--date ${date}: expected YYYY-MM-DD`)
  const feeds: Record<string, ImdbFeed<unknown>> = {}
  const tables = new Map<ImdbTableName, ImdbTable<unknown>>(
    IMDB_TABLES.map((t) => [t.name, t as ImdbTable<unknown>]),
  )
  let found = 0
  for (const name of IMDB_FILES) {
    const table = tables.get(name)!
    for (const path of [join(dir, `${name}.tsv.gz`), join(dir, `${name}.tsv`)]) {
      const info = await stat(path).catch(() => undefined)
      if (!info?.isFile()) continue
      found += 1
      const gzipped = path.endsWith('.gz')
      feeds[name] = {
        file: path,
        fingerprint: `${info.size}:${Math.trunc(info.mtimeMs)}`,
        date: date ?? info.mtime.toISOString().slice(0, 10),
        textBytes: gzipped ? await estimateGunzippedSize(path, info.size) : info.size,
        read: (from) => readImdbTable(path, table, { file: path, ...(from ? { from } : {}) }),
      }
      break
    }
  }
  if (found === 0) {
    throw new AppError('NotFound', `${dir}: no IMDb files (name.basics.tsv.gz, title.basics.tsv.gz, …)`)
  }
  return feeds as ImdbFeeds
}

// gzip's trailer holds the text's size modulo 4 GiB; IMDb's files shrink 3 to 6 times, which says how
// many times 4 GiB to add for the big ones. Only the progress bar relies on it.
async function estimateGunzippedSize(path: string, size: number): Promise<number> {
  const handle = await open(path, 'r')
  try {
    const trailer = Buffer.alloc(4)
    await handle.read(trailer, 0, 4, Math.max(0, size - 4))
    const modulo = trailer.readUInt32LE(0)
    const wraps = Math.max(0, Math.round((size * 4.5 - modulo) / 2 ** 32))
    return modulo + wraps * 2 ** 32
  } finally {
    await handle.close()
  }
}

export async function importImdbCommand(
  storage: Storage,
  dir: string,
  options: ImdbCommandOptions,
  out: (line: string) => void,
  stream: NodeJS.WriteStream = process.stderr,
): Promise<ImdbImportReport> {
  const feeds = await openImdbDir(dir, options.date)
  const display = stream.isTTY ? new Bars(stream) : new LogLines(out)
  const serviceOptions: ImportImdbOptions = {
    adult: options.adult,
    force: options.force,
    onProgress: (progress) => display.update(progress),
    ...(options.types ? { types: options.types } : {}),
    ...(options.batchLines ? { batchLines: options.batchLines } : {}),
  }
  const report = await importImdb(storage, feeds, serviceOptions)
  display.end()
  for (const line of formatImdbReport(report)) out(line)
  return report
}

/** The final report: a table of counts per file, then the first problems of each. */
export function formatImdbReport(report: ImdbImportReport): string[] {
  const number = (n: number) => n.toLocaleString('en-US')
  const header = [
    'file',
    'status',
    'read',
    'imported',
    'updated',
    'unchanged',
    'skipped',
    'rejected',
    'rows/s',
  ]
  const rows = report.files.map((f) => [
    f.name,
    f.status,
    number(f.read),
    number(f.imported),
    number(f.updated),
    number(f.unchanged),
    number(f.skipped),
    number(f.rejected),
    f.status === 'imported' || f.status === 'resumed'
      ? number(Math.round(f.read / Math.max(f.seconds, 1e-3)))
      : '',
  ])
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)))
  const format = (cells: string[]) =>
    cells.map((cell, i) => (i < 2 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ')
  const lines = [format(header), ...rows.map(format)]
  lines.push(
    `search index: ${number(report.indexed.films)} films, ${number(report.indexed.people)} people rebuilt`,
    `done in ${report.seconds.toFixed(1)} s`,
  )
  for (const file of report.files) {
    if (file.issues.length === 0) continue
    const more = file.skipped + file.rejected - file.issues.length
    lines.push(
      `${file.name}: first problems${more > 0 ? ` (of ${number(file.skipped + file.rejected)} lines skipped or rejected)` : ''}:`,
    )
    for (const issue of file.issues) lines.push(`  ${formatIssue(issue)}`)
  }
  return lines
}

interface Display {
  update(progress: ImportProgress): void
  end(): void
}

interface Rate {
  started: number
  startDone: number
}

function eta(progress: ImportProgress, rate: Rate): { perSecond: number; left: string } {
  const seconds = (performance.now() - rate.started) / 1000
  const perSecond = seconds > 0 ? progress.rows / seconds : 0
  const speed = seconds > 0 ? (progress.done - rate.startDone) / seconds : 0
  const remaining = speed > 0 ? Math.max(0, progress.total - progress.done) / speed : Infinity
  return { perSecond, left: Number.isFinite(remaining) ? clock(remaining) : '?' }
}

function clock(seconds: number): string {
  const s = Math.round(seconds)
  const h = Math.floor(s / 3600)
  const m = Math.floor((s % 3600) / 60)
  const rest = String(s % 60).padStart(2, '0')
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${rest}` : `${m}:${rest}`
}

// The indexes a first load left out are built by sorting, in minutes at IMDb's scale: no rows to count.
function indexesBuilt(progress: ImportProgress): string {
  return progress.finished ? 'built' : `${progress.done} of ${progress.total} built`
}

/** One bar per file, redrawn in place; finished files keep their last line. */
class Bars implements Display {
  private current: string | undefined
  private rate: Rate = { started: 0, startDone: 0 }
  private rowsAtStart = 0
  private last = 0

  constructor(private readonly stream: NodeJS.WriteStream) {}

  update(progress: ImportProgress): void {
    if (progress.name !== this.current) {
      if (this.current !== undefined) this.stream.write('\n')
      this.current = progress.name
      this.rate = { started: performance.now(), startDone: progress.done }
      this.rowsAtStart = progress.rows
    }
    const nowMs = performance.now()
    if (!progress.finished && nowMs - this.last < 100) return
    this.last = nowMs
    const fraction = progress.total > 0 ? Math.min(1, progress.done / progress.total) : 1
    const width = 30
    const filled = Math.round(fraction * width)
    const { perSecond, left } = eta({ ...progress, rows: progress.rows - this.rowsAtStart }, this.rate)
    const bar = '█'.repeat(filled) + '░'.repeat(width - filled)
    const tail =
      progress.name === 'indexes'
        ? indexesBuilt(progress)
        : progress.finished
          ? `${progress.rows.toLocaleString('en-US')} rows, done`
          : `${Math.round(perSecond).toLocaleString('en-US')} rows/s, ${left} left`
    this.stream.write(
      `\r${progress.name.padEnd(16)} ${bar} ${String(Math.floor(fraction * 100)).padStart(3)}%  ${tail}\x1b[K`,
    )
  }

  end(): void {
    if (this.current !== undefined) this.stream.write('\n')
  }
}

/** Without a terminal: a plain line per file every few seconds, and when it ends. */
class LogLines implements Display {
  private current: string | undefined
  private rate: Rate = { started: 0, startDone: 0 }
  private rowsAtStart = 0
  private last = 0

  constructor(
    private readonly out: (line: string) => void,
    private readonly everyMs = 10_000,
  ) {}

  update(progress: ImportProgress): void {
    if (progress.name !== this.current) {
      this.current = progress.name
      this.rate = { started: performance.now(), startDone: progress.done }
      this.rowsAtStart = progress.rows
      this.last = performance.now()
    }
    const nowMs = performance.now()
    if (!progress.finished && nowMs - this.last < this.everyMs) return
    this.last = nowMs
    const percent =
      progress.total > 0 ? Math.min(100, Math.floor((progress.done / progress.total) * 100)) : 100
    const { perSecond, left } = eta({ ...progress, rows: progress.rows - this.rowsAtStart }, this.rate)
    this.out(
      progress.name === 'indexes'
        ? `indexes: ${indexesBuilt(progress)}`
        : progress.finished
          ? `${progress.name}: done, ${progress.rows.toLocaleString('en-US')} rows`
          : `${progress.name}: ${percent}%, ${progress.rows.toLocaleString('en-US')} rows, ` +
            `${Math.round(perSecond).toLocaleString('en-US')} rows/s, about ${left} left`,
    )
  }

  end(): void {}
}

export async function generateImdbCommand(
  dir: string,
  options: { titles: number; seed: number; gzip: boolean },
  out: (line: string) => void,
): Promise<void> {
  const started = performance.now()
  const generated = await generateImdb(options, dir)
  const total = Object.values(generated.rows).reduce((a, b) => a + b, 0)
  for (const [name, rows] of Object.entries(generated.rows)) {
    out(`${generated.files[name as ImdbTableName]}: ${rows.toLocaleString('en-US')} rows`)
  }
  out(
    `generated ${total.toLocaleString('en-US')} rows in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  )
}
