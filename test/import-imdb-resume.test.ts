import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { generateImdb } from '../src/importers/index.ts'
import { connect } from '../src/storage/index.ts'
import { killAtRandomPoints, runRetold, startRetold } from './support/kills.ts'

// The import runs as `retold import imdb` in a child process and is killed with SIGKILL at random
// points after it has committed something; each run resumes the last. The end must equal a clean
// import exactly, and the SQLite file must pass its integrity check.

const TABLES = [
  'film',
  'title',
  'person',
  'credit',
  'claim',
  'source',
  'revision',
  'search_document',
  'search_word',
  'import_pending',
] as const

async function tableCounts(file: string): Promise<Record<string, number>> {
  const storage = await connect({ databaseFile: file })
  try {
    const counts: Record<string, number> = {}
    for (const table of TABLES) {
      const { rows } = await sql<{ n: number }>`select count(*) as n from ${sql.table(table)}`.execute(
        storage.db,
      )
      counts[table] = Number(rows[0]!.n)
    }
    const words = await sql<{ n: number }>`select sum(documents) as n from search_word`.execute(storage.db)
    counts.word_documents = Number(words.rows[0]!.n)
    const files = await storage.db
      .selectFrom('import_checkpoint')
      .select(['file', 'read', 'imported', 'updated', 'unchanged', 'skipped', 'rejected', 'done'])
      .orderBy('file')
      .execute()
    for (const f of files) {
      counts[`${f.file}:done`] = f.done
      for (const key of ['read', 'imported', 'updated', 'unchanged', 'skipped', 'rejected'] as const) {
        counts[`${f.file}:${key}`] = f[key]
      }
    }
    return counts
  } finally {
    await storage.close()
  }
}

const importArgs = (dataDir: string) => ['import', 'imdb', dataDir, '--batch', '700', '--date', '2026-11-20']

describe('an IMDb import killed at random points', () => {
  let dir: string
  let rows = 0
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'retold-resume-'))
    const generated = await generateImdb({ titles: 9000, seed: 7, gzip: true }, join(dir, 'imdb'))
    rows = Object.values(generated.rows).reduce((a, b) => a + b, 0)
  })
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('resumes each time and ends exactly as a clean import, with an intact database', async () => {
    expect(rows).toBeGreaterThanOrEqual(100_000)
    const clean = join(dir, 'clean.db')
    const progress = await runRetold(importArgs(join(dir, 'imdb')), clean)
    // Not a terminal: a line as each step ends, the indexes the load left out between files and search.
    expect(progress.match(/^[a-z. ]+: (done|built)\b/gm)).toEqual([
      'name.basics: done',
      'title.basics: done',
      'title.episode: done',
      'title.akas: done',
      'title.principals: done',
      'title.crew: done',
      'title.ratings: done',
      'indexes: built',
      'search index: done',
    ])
    const expected = await tableCounts(clean)
    expect(expected.film).toBeGreaterThan(0)
    expect(expected.import_pending).toBe(0)

    const killed = join(dir, 'killed.db')
    const kills = await killAtRandomPoints(
      () => startRetold(importArgs(join(dir, 'imdb')), killed),
      killed,
      4,
    )
    expect(kills).toBeGreaterThanOrEqual(3)
    const output = await runRetold(importArgs(join(dir, 'imdb')), killed)
    expect(output).toMatch(/resumed|done before/)
    expect(await tableCounts(killed)).toEqual(expected)

    const storage = await connect({ databaseFile: killed })
    try {
      const { rows: check } = await sql<{ integrity_check: string }>`pragma integrity_check`.execute(
        storage.db,
      )
      expect(check).toEqual([{ integrity_check: 'ok' }])
    } finally {
      await storage.close()
    }
  }, 180_000)
})
