import { cpSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export const FIXTURE_DATASET = join(import.meta.dirname, '../fixtures/dataset')
export const BUNDLED_DATASET = join(import.meta.dirname, '../../data')

/** A writable copy of a dataset folder, for tests that edit files. */
export function copyDataset(from = FIXTURE_DATASET): string {
  const dir = mkdtempSync(join(tmpdir(), 'retold-dataset-'))
  cpSync(from, dir, { recursive: true })
  return dir
}
