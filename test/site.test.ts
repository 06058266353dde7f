import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readDatasetDir } from '../src/importers/index.ts'
import { loadDatasets } from '../src/services/index.ts'
import { createApp } from '../src/web/index.ts'
import { createTestStorage, DIALECTS, type TestStorage } from './support/databases.ts'
import { BUNDLED_DATASET } from './support/datasets.ts'

const TR_FILM = '/films/7-kogustaki-mucize-2019'
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const json = async (response: Response | Promise<Response>): Promise<any> => (await response).json()

/** The text of one answer on a film page, between its question and the next. */
function answer(html: string, question: string): string {
  const start = html.indexOf(`${question}</dt>`)
  expect(start, `no question "${question}"`).toBeGreaterThan(0)
  return html.slice(start, html.indexOf('</dd>', start))
}

for (const dialect of DIALECTS) {
  describe(`the reader's site on ${dialect}`, () => {
    let storage: TestStorage
    let app: ReturnType<typeof createApp>
    let posterDir: string
    beforeAll(async () => {
      storage = await createTestStorage(dialect)
      await loadDatasets(storage, readDatasetDir(BUNDLED_DATASET).datasets)
      posterDir = mkdtempSync(join(tmpdir(), 'retold-posters-'))
      writeFileSync(join(posterDir, 'miracle-in-cell-no-7-2013.jpg'), Buffer.from([0xff, 0xd8, 0xff, 0xd9]))
      app = createApp({ storage, publicUrl: 'https://retold.test', logger: { error: () => {} }, posterDir })
    })
    afterAll(async () => {
      await storage.destroy()
      rmSync(posterDir, { recursive: true, force: true })
    })

    describe('answers on a film page', () => {
      it('says where to watch in the reader’s region, from Accept-Language', async () => {
        const mexico = await (
          await app.request(TR_FILM, { headers: { 'Accept-Language': 'es-MX,es;q=0.9' } })
        ).text()
        expect(answer(mexico, 'Where can I watch it?')).toMatch(/In Mexico: Netflix/)
        const netherlands = await (
          await app.request(TR_FILM, { headers: { 'Accept-Language': 'nl-NL' } })
        ).text()
        expect(answer(netherlands, 'Where can I watch it?')).toMatch(/In Netherlands: .*Prime Video/)
      })

      it('guesses the region from a language without one, and a cookie overrides both', async () => {
        const turkish = await (await app.request(TR_FILM, { headers: { 'Accept-Language': 'tr' } })).text()
        expect(turkish).toContain('Turkish · Türkiye')
        const chosen = await (
          await app.request(TR_FILM, {
            headers: { 'Accept-Language': 'tr', Cookie: 'retold_region=MX; retold_language=en' },
          })
        ).text()
        expect(answer(chosen, 'Where can I watch it?')).toMatch(/In Mexico: Netflix/)
      })

      it('answers whether it is a remake, and of what, with a citation', async () => {
        const html = await (await app.request(TR_FILM)).text()
        expect(answer(html, 'Is it a remake, and of what?')).toMatch(
          /Yes: a remake of <a href="\/films\/miracle-in-cell-no-7-2013">Miracle in Cell No. 7<\/a>\. <sup class="cite">/,
        )
        const original = await (await app.request('/films/miracle-in-cell-no-7-2013')).text()
        expect(answer(original, 'Is it a remake, and of what?')).toMatch(
          /No: it is the original\. \d+ other versions retold it\./,
        )
      })

      it('answers the runtime, the languages and who plays whom', async () => {
        const html = await (await app.request(TR_FILM)).text()
        expect(answer(html, 'How long is it?')).toContain('132 minutes (2 h 12 min).')
        expect(answer(html, 'Is it available in English, or with subtitles?')).toMatch(
          /Subtitles: English \(Netflix\)/,
        )
        expect(answer(html, 'Who plays whom?')).toMatch(/Aras Bulut İynemli<\/a> as Memo/)
      })

      it('keeps the fate of the father behind the ending reveal, with both sides', async () => {
        const ending = answer(await (await app.request(TR_FILM)).text(), 'How does it end?')
        expect(ending).toMatch(
          /^How does it end\?<\/dt><dd><details class="spoiler"><summary>Reveal the ending/,
        )
        expect(ending).toContain('Sources disagree:')
      })
    })

    it('shows every version, the map, the timeline and the characters on the story page', async () => {
      const html = await (await app.request('/stories/miracle-in-cell-no-7')).text()
      for (const film of [
        'miracle-in-cell-no-7-2013',
        '7-kogustaki-mucize-2019',
        'miracle-in-cell-no-7-2019',
        'miracle-in-cell-no-7-2022',
      ]) {
        expect(html).toContain(`href="/films/${film}"`)
      }
      expect(html).toContain('Announced')
      expect(html).toMatch(/<svg class="world-map"[^>]*><title>Where Miracle in Cell No. 7 was made<\/title>/)
      expect(html).toContain('Where Miracle in Cell No. 7 was made')
      expect(html).toContain('When Miracle in Cell No. 7 was retold')
      expect(html).toMatch(/Lee Yong-gu · <a href="\/people\/ryu-seung-ryong">/)
    })

    it('compares two versions side by side and rejects a film of another story', async () => {
      const response = await app.request(
        '/stories/miracle-in-cell-no-7/compare?films=miracle-in-cell-no-7-2013&films=7-kogustaki-mucize-2019',
      )
      expect(response.status).toBe(200)
      const html = await response.text()
      expect(html).toContain(
        '<h1>Compare: Miracle in Cell No. 7 (2013, South Korea) · Miracle in Cell No. 7 (2019, Türkiye)</h1>',
      )
      expect(html).toContain('Cast by character')
      expect(html).toMatch(/Lee Yong-gu · .*Memo · /s)
      expect(html).toMatch(/<details class="spoiler"><summary>Reveal the how the plots differ/)
      const wrong = await app.request('/stories/miracle-in-cell-no-7/compare?films=oldboy-2003')
      expect(wrong.status).toBe(400)
      expect(await wrong.text()).toContain('Not a version of Miracle in Cell No. 7: oldboy-2003.')
    })

    it('keeps rendered pages apart for readers of different regions when it caches them', async () => {
      const cached = createApp({
        storage,
        publicUrl: 'https://retold.test',
        logger: { error: () => {} },
        pageCacheSeconds: 60,
      })
      for (let round = 0; round < 2; round++) {
        const mexico = await (
          await cached.request(TR_FILM, { headers: { 'Accept-Language': 'es-MX' } })
        ).text()
        expect(answer(mexico, 'Where can I watch it?')).toMatch(/In Mexico: Netflix/)
        const netherlands = await (
          await cached.request(TR_FILM, { headers: { 'Accept-Language': 'nl-NL' } })
        ).text()
        expect(answer(netherlands, 'Where can I watch it?')).toMatch(/In Netherlands: .*Prime Video/)
      }
      expect((await cached.request('/healthz')).headers.get('cache-control')).toBe('no-store')
    })

    it('remembers the reader’s choice in cookies and only redirects within the site', async () => {
      const saved = await app.request('/preferences?language=tr&region=TR&back=/stories/oldboy')
      expect(saved.status).toBe(303)
      expect(saved.headers.get('location')).toBe('/stories/oldboy')
      const cookies = saved.headers.getSetCookie().join('\n')
      expect(cookies).toMatch(/retold_language=tr; Max-Age=31536000; Path=\/; HttpOnly; Secure; SameSite=Lax/)
      expect(cookies).toMatch(/retold_region=TR;/)
      const away = await app.request('/preferences?region=TR&back=//evil.example/x')
      expect(away.headers.get('location')).toBe('/')
      expect((await app.request('/preferences?region=ZZ')).status).toBe(400)
      const form = await (await app.request('/preferences')).text()
      expect(form).toContain('<option value="TR"')
    })

    it('describes film pages for search engines and link previews', async () => {
      const html = await (await app.request(TR_FILM)).text()
      const ld = /<script type="application\/ld\+json">(.*?)<\/script>/s.exec(html)
      const movie = JSON.parse(ld![1]!)
      expect(movie).toMatchObject({
        '@type': 'Movie',
        name: 'Miracle in Cell No. 7',
        alternateName: '7. Koğuştaki Mucize',
        duration: 'PT132M',
        datePublished: '2019-10-11',
        director: [{ '@type': 'Person', name: 'Mehmet Ada Öztekin' }],
      })
      expect(html).toContain('<meta property="og:title" content="Miracle in Cell No. 7 (2019)"/>')
      expect(html).toContain(`<link rel="canonical" href="https://retold.test${TR_FILM}"/>`)
    })

    it('shows an operator’s poster, and a generated placeholder otherwise', async () => {
      const withPoster = await (await app.request('/films/miracle-in-cell-no-7-2013')).text()
      expect(withPoster).toContain(
        '<img src="/posters/miracle-in-cell-no-7-2013.jpg" alt="Poster of Miracle in Cell No. 7"',
      )
      expect(withPoster).toContain(
        '<meta property="og:image" content="/posters/miracle-in-cell-no-7-2013.jpg"/>',
      )
      const poster = await app.request('/posters/miracle-in-cell-no-7-2013.jpg')
      expect(poster.status).toBe(200)
      expect(poster.headers.get('content-type')).toBe('image/jpeg')
      const placeholder = await (await app.request(TR_FILM)).text()
      expect(placeholder).toMatch(
        /<svg viewBox="0 0 240 360" role="img" aria-label="No poster: Miracle in Cell No. 7, 2019">/,
      )
    })

    it('lists every page in a sitemap and points robots at it', async () => {
      const index = await (await app.request('/sitemap.xml')).text()
      expect(index).toContain('<loc>https://retold.test/sitemaps/film-1.xml</loc>')
      const films = await (await app.request('/sitemaps/film-1.xml')).text()
      expect(films).toContain(`<loc>https://retold.test${TR_FILM}</loc>`)
      expect((await app.request('/sitemaps/film-9.xml')).status).toBe(404)
      expect(await (await app.request('/robots.txt')).text()).toContain(
        'Sitemap: https://retold.test/sitemap.xml',
      )
    })

    it('searches from the API, the search page and the header form', async () => {
      const api = await json(
        app.request('/api/v1/search?q=pselmzhmiraclese%20in%20cell%20no%207%20turki&limit=3'),
      )
      expect(api.query).toBe('pselmzhmiraclese in cell no 7 turki')
      expect(api.results[0]).toMatchObject({
        kind: 'film',
        slug: '7-kogustaki-mucize-2019',
        year: 2019,
        country: 'TR',
      })
      expect(api.results[0].story).toEqual({ slug: 'miracle-in-cell-no-7', title: 'Miracle in Cell No. 7' })
      expect(api.results[0].matched.length).toBeGreaterThan(0)
      expect((await app.request('/api/v1/search?q=')).status).toBe(400)
      const page = await (await app.request('/search?q=miracle+in+cell+no+7+ending+explained')).text()
      expect(page).toContain('href="/stories/miracle-in-cell-no-7"')
      expect(page).toMatch(/href="\/films\/[a-z0-9-]+#q-ending"/)
      const home = await (await app.request('/')).text()
      expect(home).toMatch(/<form method="get" action="\/search" role="search"/)
      const script = /<script type="module" src="(\/assets\/suggest\.[0-9a-f]{12}\.js)">/.exec(home)![1]!
      const asset = await app.request(script)
      expect(asset.headers.get('content-type')).toContain('text/javascript')
      expect(asset.headers.get('cache-control')).toContain('immutable')
      expect(await asset.text()).toContain('/api/v1/search?q=')
    })

    describe('JSON API', () => {
      it('publishes an OpenAPI document naming every route, with each of its methods', async () => {
        const doc = await json(app.request('/api/openapi.json'))
        expect(doc.openapi).toBe('3.1.0')
        // From the router, so that a new API route cannot be left out of the document.
        const routes = app.routes
          .filter((r) => r.path.startsWith('/api/v1/') && r.method !== 'ALL')
          .map(
            (r) =>
              `${r.method.toLowerCase()} ${r.path.slice('/api/v1'.length).replace(/:(\w+)(\{[^}]*\})?/g, '{$1}')}`,
          )
        const documented = Object.entries(doc.paths as Record<string, object>).flatMap(([path, methods]) =>
          Object.keys(methods).map((method) => `${method} ${path}`),
        )
        expect([...new Set(routes)].sort()).toEqual(documented.sort())
        expect(documented).toContain('post /comments')
      })

      it('answers a repeated request with 304 when the ETag matches, and says how long to cache', async () => {
        const first = await app.request('/api/v1/films/7-kogustaki-mucize-2019')
        const tag = first.headers.get('etag')
        expect(tag).toMatch(/^W\/"/)
        expect(first.headers.get('cache-control')).toContain('max-age=')
        const again = await app.request('/api/v1/films/7-kogustaki-mucize-2019', {
          headers: { 'If-None-Match': tag! },
        })
        expect(again.status).toBe(304)
      })

      it('pages through films, people and sources', async () => {
        const page = await json(app.request('/api/v1/films?limit=10&offset=10'))
        expect(page).toMatchObject({ limit: 10, offset: 10 })
        expect(page.total).toBeGreaterThan(50)
        expect(page.items).toHaveLength(10)
        expect(page.items[0].href).toMatch(/^\/api\/v1\/films\//)
        expect((await app.request('/api/v1/people?offset=-1')).status).toBe(400)
      })
    })
  })
}
