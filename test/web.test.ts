import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readDatasetDir } from '../src/importers/index.ts'
import { loadDatasets } from '../src/services/index.ts'
import { createApp } from '../src/web/index.ts'
import { createTestStorage, DIALECTS, type TestStorage } from './support/databases.ts'
import { BUNDLED_DATASET } from './support/datasets.ts'

const silent = { error: () => {} }
// Tests read the API's JSON loosely: the assertions are the schema.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const json = async (response: Response | Promise<Response>): Promise<any> => (await response).json()

for (const dialect of DIALECTS) {
  describe(`site and API on ${dialect} with the bundled dataset`, () => {
    let storage: TestStorage
    let app: ReturnType<typeof createApp>
    beforeAll(async () => {
      storage = await createTestStorage(dialect)
      await loadDatasets(storage, readDatasetDir(BUNDLED_DATASET).datasets)
      app = createApp({ storage, publicUrl: 'http://retold.test', logger: silent })
    })
    afterAll(() => storage.destroy())

    it('lists the stories on the home page', async () => {
      const response = await app.request('/')
      expect(response.status).toBe(200)
      const html = await response.text()
      for (const slug of ['miracle-in-cell-no-7', 'perfect-strangers', 'drishyam', 'oldboy']) {
        expect(html).toContain(`href="/stories/${slug}"`)
      }
    })

    it("serves the Turkish film's page with its runtime, director, original title and the true-story conflict", async () => {
      const response = await app.request('/films/7-kogustaki-mucize-2019')
      expect(response.status).toBe(200)
      const html = await response.text()
      expect(html).toContain('7. Koğuştaki Mucize')
      expect(html).toMatch(/Runtime \(minutes\)<\/th><td>132 min /)
      expect(html).toContain('Mehmet Ada Öztekin')
      const answer = html.slice(
        html.indexOf('Is it a true story?'),
        html.indexOf('</section>', html.indexOf('Is it a true story?')),
      )
      expect(answer).toContain('Sources disagree.')
      expect(answer).toMatch(/true <sup class="cite"><a href="#source-\d+"/)
      expect(answer).toMatch(/“false” <sup class="cite"><a href="#source-\d+"/)
      expect(html).toContain(
        '<link rel="canonical" href="http://retold.test/films/7-kogustaki-mucize-2019"/>',
      )
    })

    it('keeps the ending behind a reveal', async () => {
      const html = await (await app.request('/films/7-kogustaki-mucize-2019')).text()
      const question = html.indexOf('How does it end?</dt>')
      expect(question).toBeGreaterThan(0)
      const answer = html.slice(question, html.indexOf('</dd>', question))
      expect(answer).toMatch(
        /^How does it end\?<\/dt><dd><details class="spoiler"><summary>Reveal the ending/,
      )
      expect(answer).toContain('Yusuf')
    })

    it('serves story, person and source pages', async () => {
      const story = await (await app.request('/stories/miracle-in-cell-no-7')).text()
      expect(story).toContain('Characters across versions')
      expect(story).toContain('href="/films/miracle-in-cell-no-7-2022"')
      expect((await app.request('/people/aras-bulut-iynemli')).status).toBe(200)
      const source = await (await app.request('/sources/seed-001')).text()
      expect(source).toContain('No, it is not based on a true story')
    })

    it('returns a story with its versions and conflicts as JSON', async () => {
      const response = await app.request('/api/v1/stories/miracle-in-cell-no-7')
      expect(response.status).toBe(200)
      const body = await json(response)
      expect(body.versions.map((v: { slug: string }) => v.slug)).toEqual(
        expect.arrayContaining([
          'miracle-in-cell-no-7-2013',
          '7-kogustaki-mucize-2019',
          'miracle-in-cell-no-7-2019',
          'miracle-in-cell-no-7-2022',
        ]),
      )
      const trueStory = body.facts.find((f: { property: string }) => f.property === 'based_on_true_story')
      expect(trueStory.status).toBe('disputed')
      expect(trueStory.conflicts[0].sources.map((s: { source: string }) => s.source)).toContain('seed-001')
    })

    it('hides spoilers in the API unless asked', async () => {
      const hidden = await json(app.request('/api/v1/films/7-kogustaki-mucize-2019'))
      const ending = hidden.facts.find((f: { property: string }) => f.property === 'ending')
      expect(ending).toMatchObject({ hidden: true, value: null })
      const shown = await json(app.request('/api/v1/films/7-kogustaki-mucize-2019?spoilers=ending'))
      expect(shown.facts.find((f: { property: string }) => f.property === 'ending').value).toEqual(
        expect.any(String),
      )
    })

    it('answers unknown slugs with 404, as JSON under /api and as a page elsewhere', async () => {
      const api = await app.request('/api/v1/films/no-such-film')
      expect(api.status).toBe(404)
      expect(await api.json()).toEqual({ error: { code: 'NotFound', message: 'No film "no-such-film".' } })
      const page = await app.request('/films/no-such-film')
      expect(page.status).toBe(404)
      expect(await page.text()).toContain('No film &quot;no-such-film&quot;.')
    })

    it('rejects a bad page size with 400', async () => {
      const response = await app.request('/api/v1/stories?limit=1000')
      expect(response.status).toBe(400)
      expect((await json(response)).error.code).toBe('Invalid')
    })

    it('pages the story list', async () => {
      const first = await json(app.request('/api/v1/stories?limit=5'))
      const second = await json(app.request('/api/v1/stories?limit=5&offset=5'))
      expect(first.items).toHaveLength(5)
      expect(first.total).toBeGreaterThanOrEqual(13)
      expect(second.items[0].slug).not.toBe(first.items[0].slug)
    })

    it('reports health with the database in use', async () => {
      const response = await app.request('/healthz')
      expect(await response.json()).toEqual({ status: 'ok', database: dialect })
    })
  })
}
