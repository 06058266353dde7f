import { copyFileSync, mkdtempSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openImdbDir } from '../../src/cli/import-imdb.ts'
import {
  importImdb,
  type ImdbFileName,
  type ImdbImportReport,
  type ImportImdbOptions,
} from '../../src/services/index.ts'
import type { Storage } from '../../src/storage/index.ts'

export const IMDB_SAMPLES = join(import.meta.dirname, '../fixtures/imdb')

/**
 * A writable folder of IMDb files under their usual names, copied from the samples:
 * `{ 'title.basics': 'ilyachenko-famous40/title.basics.tsv', … }`.
 */
export function imdbDir(files: Partial<Record<ImdbFileName, string>>): string {
  const dir = mkdtempSync(join(tmpdir(), 'retold-imdb-'))
  for (const [name, sample] of Object.entries(files)) {
    copyFileSync(join(IMDB_SAMPLES, sample), join(dir, `${name}.tsv`))
  }
  return dir
}

/** Replaces one line of a file (1 is the header); the file's size or time changes, so it is read again. */
export function editLine(path: string, line: number, edit: (text: string) => string): void {
  const lines = readFileSync(path, 'utf8').split('\n')
  lines[line - 1] = edit(lines[line - 1]!)
  writeFileSync(path, lines.join('\n'))
  const later = new Date(statSync(path).mtimeMs + 2000)
  utimesSync(path, later, later)
}

export async function importDir(
  storage: Storage,
  dir: string,
  options: ImportImdbOptions & { date?: string } = {},
): Promise<ImdbImportReport> {
  const { date = '2026-11-20', ...rest } = options
  return importImdb(storage, await openImdbDir(dir, date), rest)
}

export function fileReport(report: ImdbImportReport, name: ImdbFileName) {
  return report.files.find((f) => f.name === name)!
}
