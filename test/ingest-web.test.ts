import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { extractWithScope, readArticle, readDatasetDir } from '../src/importers/index.ts'
import { createAccount, loadDatasets } from '../src/services/index.ts'
import { createApp } from '../src/web/index.ts'
import { Browser, PASSWORD } from './support/browser.ts'
import { createTestStorage, DIALECTS, type TestStorage } from './support/databases.ts'
import { BUNDLED_DATASET } from './support/datasets.ts'

// The editor's article form and candidate queue, through app.request().

const ARTICLE = readFileSync(join(import.meta.dirname, 'fixtures/articles/seed-001-fresherslive.txt'), 'utf8')

for (const dialect of DIALECTS) {
  describe(`the article review pages on ${dialect}`, () => {
    let storage: TestStorage
    let app: ReturnType<typeof createApp>
    beforeAll(async () => {
      storage = await createTestStorage(dialect)
      await loadDatasets(storage, readDatasetDir(BUNDLED_DATASET).datasets)
      await createAccount(storage, { username: 'ada', password: PASSWORD, role: 'editor' })
      app = createApp({
        storage,
        publicUrl: 'http://localhost',
        logger: { error: () => {} },
        articles: { read: readArticle, extract: extractWithScope },
      })
    })
    afterAll(() => storage.destroy())

    it('takes an article in, shows its candidates escaped with the span highlighted, and accepts or rejects them', async () => {
      const editor = new Browser(app, '192.0.2.60')
      await editor.signIn('ada')
      const form = await editor.request('/edit/sources/new')
      expect(form.headers.get('cache-control')).toBe('private, no-store')
      const csrf = /name="_csrf" value="([^"]+)"/.exec(await form.text())![1]!

      const empty = await editor.post('/edit/sources', { _csrf: csrf, text: '  ' })
      expect(empty.status).toBe(400)
      expect(await empty.text()).toContain('Paste the article or choose a file.')

      const hostile = `${ARTICLE}\n\nAras Bulut İynemli <script>alert(1)</script> plays Memo.`
      const posted = await editor.post('/edit/sources', {
        _csrf: csrf,
        text: hostile,
        url: 'https://example.com/a',
      })
      expect(posted.status).toBe(303)
      const queueUrl = posted.headers.get('location')!
      expect(queueUrl).toMatch(/^\/edit\/sources\/[a-z0-9-]+\/candidates$/)
      const html = await (await editor.request(queueUrl)).text()
      expect(html).not.toContain('<script>alert(1)')
      expect(html).toContain('<mark>Netflix</mark>')
      const ids = [...html.matchAll(/action="\/edit\/candidates\/(\d+)"/g)].map((m) => m[1]!)
      expect(ids.length).toBeGreaterThan(5)

      const accepted = await editor.post(`/edit/candidates/${ids[0]}`, { _csrf: csrf, action: 'accept' })
      expect(accepted.status).toBe(303)
      const rejected = await editor.post(`/edit/candidates/${ids[2]}`, { _csrf: csrf, action: 'reject' })
      expect(rejected.status).toBe(303)
      const again = await editor.post(`/edit/candidates/${ids[0]}`, { _csrf: csrf, action: 'reject' })
      expect(again.status).toBe(400)
      const wrong = await editor.post(`/edit/candidates/${ids[1]}`, { _csrf: csrf, action: 'maybe' })
      expect(wrong.status).toBe(400)
      const after = await (await editor.request(queueUrl)).text()
      expect(after).toMatch(/Accepted by ada/)
      expect(after).toMatch(/Rejected by ada/)

      // The same text again: nothing new, the same queue.
      const twice = await editor.post('/edit/sources', { _csrf: csrf, text: hostile })
      expect(twice.headers.get('location')).toBe(`${queueUrl}?existing`)
    })
  })
}
