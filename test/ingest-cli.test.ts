import { execFile } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

// `retold ingest` in a child process, on a temporary SQLite file loaded with the bundled dataset.

const run = promisify(execFile)
const BIN = join(import.meta.dirname, '../bin/retold.js')
const FRESHERSLIVE = join(import.meta.dirname, 'fixtures/articles/seed-001-fresherslive.txt')

describe('retold ingest', () => {
  let dir: string
  let env: NodeJS.ProcessEnv
  const retold = (...args: string[]) => run(process.execPath, [BIN, ...args], { env })

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'retold-ingest-cli-'))
    env = { ...process.env, RETOLD_DATABASE_FILE: join(dir, 'retold.db'), DATABASE_URL: '' }
    await retold('load')
  })
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('prints the source and its candidate claims in the JSON contract', async () => {
    const url = 'https://www.fresherslive.com/is-miracle-in-cell-no-7-a-true-story'
    const { stdout } = await retold('ingest', FRESHERSLIVE, '--url', url, '--json')
    const result = JSON.parse(stdout)
    expect(Object.keys(result)).toEqual(['source', 'candidates'])
    expect(result.source).toEqual({
      title: 'Is Miracle in Cell no 7 a true story? Ending Explained and Plot',
      author: 'Aishwarya R',
      publisher: 'Fresherslive',
      published: null,
      updated: '2023-04-10',
      language: 'en',
      url,
    })
    for (const candidate of result.candidates) {
      expect(Object.keys(candidate)).toEqual([
        'subject',
        'property',
        'value',
        'qualifiers',
        'quote',
        'start',
        'end',
        'confidence',
      ])
      expect(Object.keys(candidate.subject)).toEqual(['kind', 'slug', 'name'])
    }
    expect(result.candidates).toContainEqual(
      expect.objectContaining({
        subject: { kind: 'film', slug: '7-kogustaki-mucize-2019', name: 'Miracle in Cell No. 7' },
        property: 'based_on_true_story',
        value: false,
      }),
    )
  })

  it('fails with a clear message on a file that does not exist', async () => {
    await expect(retold('ingest', join(dir, 'missing.html'))).rejects.toMatchObject({
      stderr: expect.stringContaining('missing.html: cannot read it (ENOENT)'),
    })
  })
})
