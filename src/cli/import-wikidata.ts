import { stat } from 'node:fs/promises'
import { resolve } from 'node:path'
import { AppError, formatIssue } from '../domain/index.ts'
import { readWikidata } from '../importers/index.ts'
import {
  importWikidata,
  type ImportWikidataOptions,
  type WikidataFeed,
  type WikidataImportReport,
  type WikidataProgress,
} from '../services/index.ts'
import type { Storage } from '../storage/index.ts'

// `retold import wikidata <file>`: opens a Wikidata dump or entity file for the import service and
// shows its progress (a counter redrawn in place on a terminal, a line now and then otherwise).

export interface WikidataCommandOptions {
  force: boolean
  batchEntities: number | undefined
}

/** A Wikidata JSON file (a dump, plain or gzipped, or Special:EntityData), opened for the import service. */
export async function openWikidataFile(file: string): Promise<WikidataFeed> {
  const info = await stat(file).catch(() => undefined)
  if (!info?.isFile()) throw new AppError('NotFound', `${file}: no such file`)
  return {
    // The absolute path keys the checkpoint, so that a resumed import may be started from anywhere.
    file: resolve(file),
    fingerprint: `${info.size}:${Math.trunc(info.mtimeMs)}`,
    read: async function* (startLine) {
      for await (const entry of readWikidata(file, { startLine })) {
        if (entry.type === 'film') yield { type: 'film', line: entry.line, film: entry.film }
        else if (entry.type === 'person') yield { type: 'person', line: entry.line, person: entry.person }
        else if (entry.type === 'skipped') yield { type: 'skipped', line: entry.line, qid: entry.qid }
        else yield { type: 'rejected', file: entry.file, line: entry.line, message: entry.message }
      }
    },
  }
}

export async function importWikidataCommand(
  storage: Storage,
  file: string,
  options: WikidataCommandOptions,
  out: (line: string) => void,
  stream: NodeJS.WriteStream = process.stderr,
): Promise<WikidataImportReport> {
  const feed = await openWikidataFile(file)
  const display = new Progress(stream.isTTY ? stream : null, out)
  const serviceOptions: ImportWikidataOptions = {
    force: options.force,
    onProgress: (progress) => display.update(progress),
    ...(options.batchEntities ? { batchEntities: options.batchEntities } : {}),
  }
  const report = await importWikidata(storage, feed, serviceOptions)
  display.end()
  for (const line of formatWikidataReport(report)) out(line)
  return report
}

export function formatWikidataReport(report: WikidataImportReport): string[] {
  const n = (value: number) => value.toLocaleString('en-US')
  const lines = [
    `${report.file}: ${report.status}`,
    `  read ${n(report.read)}, imported ${n(report.imported)}, updated ${n(report.updated)}, ` +
      `unchanged ${n(report.unchanged)} (films and people; ${n(report.people)} people), ` +
      `skipped ${n(report.skipped)} (neither), rejected ${n(report.rejected)}` +
      (report.status === 'done before'
        ? ''
        : `, ${n(Math.round(report.read / Math.max(report.seconds, 1e-3)))} entities/s`),
    `  credits: ${n(report.credits.added)} added, ${n(report.credits.pending)} waiting for their person`,
    `  relations: ${n(report.links.resolved)} resolved, ${n(report.links.pending)} pending, ${n(report.links.stories)} stories created`,
    `search index: ${n(report.indexed)} films rebuilt`,
    `done in ${report.seconds.toFixed(1)} s`,
  ]
  if (report.issues.length > 0) {
    const more = report.rejected - report.issues.length
    lines.push(`first problems${more > 0 ? ` (of ${n(report.rejected)} lines rejected)` : ''}:`)
    for (const issue of report.issues) lines.push(`  ${formatIssue(issue)}`)
  }
  return lines
}

/** On a terminal, a counter redrawn in place; otherwise a plain line every 10 seconds and at the end. */
class Progress {
  private current: string | undefined
  private started = 0
  private last = 0

  constructor(
    private readonly stream: NodeJS.WriteStream | null,
    private readonly out: (line: string) => void,
    private readonly everyMs = 10_000,
  ) {}

  update(progress: WikidataProgress): void {
    if (progress.name !== this.current) {
      if (this.current !== undefined && this.stream) this.stream.write('\n')
      this.current = progress.name
      this.started = performance.now()
      this.last = this.started
    }
    const nowMs = performance.now()
    const perSecond = Math.round(progress.rows / Math.max((nowMs - this.started) / 1000, 1e-3))
    const text = progress.finished
      ? `${progress.name}: done, ${progress.rows.toLocaleString('en-US')} rows`
      : `${progress.name}: ${progress.rows.toLocaleString('en-US')} rows, ${perSecond.toLocaleString('en-US')} rows/s`
    if (this.stream) {
      if (!progress.finished && nowMs - this.last < 100) return
      this.last = nowMs
      this.stream.write(`\r${text}\x1b[K`)
      return
    }
    if (!progress.finished && nowMs - this.last < this.everyMs) return
    this.last = nowMs
    this.out(text)
  }

  end(): void {
    if (this.current !== undefined && this.stream) this.stream.write('\n')
  }
}
