import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { readDatasetDir } from '../src/importers/index.ts'
import { loadDatasets, searchCatalog } from '../src/services/index.ts'
import { createTestStorage, DIALECTS, type TestStorage } from './support/databases.ts'
import { BUNDLED_DATASET } from './support/datasets.ts'

interface Case {
  query: string
  first?: string
  top?: number
  expect?: string
  section?: string
  none?: boolean
  note?: string
}

const CASES = parse(readFileSync(join(import.meta.dirname, 'fixtures/search/queries.yaml'), 'utf8')) as Case[]

for (const dialect of DIALECTS) {
  describe(`search on ${dialect}`, () => {
    let storage: TestStorage
    beforeAll(async () => {
      storage = await createTestStorage(dialect)
      await loadDatasets(storage, readDatasetDir(BUNDLED_DATASET).datasets)
    })
    afterAll(() => storage.destroy())

    for (const c of CASES) {
      it(`“${c.query}”${c.note ? ` (${c.note})` : ''}`, async () => {
        const { results, section } = await searchCatalog(storage, c.query, 10)
        const found = results.map((r) => `${r.kind}/${r.slug}`)
        if (c.none) expect(found).toEqual([])
        if (c.first) expect(found[0], found.slice(0, 5).join(', ')).toBe(c.first)
        if (c.expect) expect(found.slice(0, c.top ?? 10)).toContain(c.expect)
        if (c.section) expect(section).toBe(c.section)
      })
    }

    it('follows a reload: a renamed title is found under its new name only', async () => {
      const [dataset] = readDatasetDir(BUNDLED_DATASET).datasets.filter((d) => d.story.slug === 'oldboy')
      const renamed = {
        ...dataset!,
        contentHash: 'renamed',
        films: dataset!.films.map((f) =>
          f.slug === 'oldboy-2013'
            ? {
                ...f,
                titles: f.titles.map((t) => ({ ...t, text: t.text.replace('Oldboy', 'Zanzibar Oldboy') })),
              }
            : f,
        ),
      }
      await loadDatasets(storage, [renamed])
      const { results } = await searchCatalog(storage, 'zanzibar', 5)
      expect(results[0]?.slug).toBe('oldboy-2013')
    })
  })
}
