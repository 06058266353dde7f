import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readDatasetDir } from '../src/importers/index.ts'
import { createAccount, loadDatasets } from '../src/services/index.ts'
import { createApp } from '../src/web/index.ts'
import { POSTS_PER_CLIENT } from '../src/web/security.ts'
import { Browser, PASSWORD } from './support/browser.ts'
import { createTestStorage, DIALECTS, type TestStorage } from './support/databases.ts'
import { BUNDLED_DATASET } from './support/datasets.ts'
import { mp4Header } from './support/videos.ts'

// Fans' voices through the site's own forms and pages (app.request), on every database: a moment
// waits for a moderator, then shows on the film, its moments page, the story and the feeds; comments
// and replies; uploaded videos served with Range; and the email never shown.

const NOW = new Date(Math.floor(Date.now() / 900_000) * 900_000 + 450_000)
const FILM = '7-kogustaki-mucize-2019'
const EMAIL = 'john.canary@example.com'

const JOHN = {
  displayName: 'John',
  email: EMAIL,
  country: 'MT',
  scene: 'reunion-after-the-escape',
  title: 'My goosebump moment',
  text: 'When Memo finally meets his daughter *Ova* after everyone helped him escape.',
}

let address = 0
/** A new client each time, so that the per-client post limit of one test does not leak into another. */
const client = (app: ConstructorParameters<typeof Browser>[0]) => new Browser(app, `198.51.100.${++address}`)

async function postForm(browser: Browser, path: string, fields: Record<string, string | Blob>) {
  const form = new FormData()
  form.set('_csrf', await browser.csrf(path.endsWith('/moments') ? `${path}/new` : '/login'))
  for (const [name, value] of Object.entries(fields)) form.set(name, value)
  return browser.request(path, { method: 'POST', body: form })
}

for (const dialect of DIALECTS) {
  describe(`fans' pages on ${dialect}`, () => {
    let storage: TestStorage
    let app: ReturnType<typeof createApp>
    let mediaDir: string
    beforeAll(async () => {
      storage = await createTestStorage(dialect)
      await loadDatasets(storage, readDatasetDir(BUNDLED_DATASET).datasets)
      await createAccount(storage, { username: 'mod', password: PASSWORD, role: 'moderator' })
      mediaDir = mkdtempSync(join(tmpdir(), 'retold-media-'))
      app = createApp({
        storage,
        publicUrl: 'http://localhost',
        logger: { error: (details) => console.error(details) },
        pageCacheSeconds: 60,
        clock: () => NOW,
        media: { dir: mediaDir, maxBytes: 1024 * 1024 },
      })
    })
    afterAll(async () => {
      await storage.destroy()
      rmSync(mediaDir, { recursive: true, force: true })
    })

    const moderate = async (kind: 'moment' | 'comment', action: string) => {
      const mod = client(app)
      await mod.signIn('mod')
      const queue = await (await mod.request('/moderation')).text()
      const id = new RegExp(`action="/moderation/${kind}/(\\d+)"`).exec(queue)?.[1]
      expect(id, `a pending ${kind} in the queue`).toBeDefined()
      const csrf = /name="_csrf" value="([^"]+)"/.exec(queue)![1]!
      const response = await mod.post(`/moderation/${kind}/${id}`, { _csrf: csrf, action })
      expect(response.status).toBe(303)
      return Number(id)
    }

    it('keeps a new fan’s moment waiting until a moderator approves it, then shows it everywhere', async () => {
      const fan = client(app)
      const form = await (await fan.request(`/films/${FILM}/moments/new`)).text()
      expect(form).toContain('enctype="multipart/form-data"')
      expect(form).toContain('name="website"') // the honeypot
      // The film page is cached before the post: approval must still show through.
      expect(await (await app.request(`/films/${FILM}`)).text()).not.toContain(JOHN.title)

      const posted = await postForm(fan, `/films/${FILM}/moments`, { ...JOHN, spoiler: 'on' })
      expect(posted.status).toBe(303)
      expect(posted.headers.get('location')).toMatch(/^\/posted\?what=moment&status=pending/)
      const thanks = await (await fan.request(posted.headers.get('location')!)).text()
      expect(thanks).toContain('a moderator')

      for (const path of [
        `/films/${FILM}`,
        `/films/${FILM}/moments`,
        '/stories/miracle-in-cell-no-7',
        '/moments.atom',
      ])
        expect(await (await app.request(path)).text(), path).not.toContain(JOHN.title)

      const id = await moderate('moment', 'approve')
      const film = await (await app.request(`/films/${FILM}`)).text()
      // A spoiler is folded: its title and text are inside <details>, closed.
      const card = film.slice(film.indexOf(`id="moment-${id}"`))
      expect(card).toMatch(/^[^>]*><details class="spoiler"><summary>(?:(?!<\/summary>).)*<\/summary><h3>/s)
      expect(card).toContain('<em>Ova</em>')
      expect(await (await app.request(`/moments/${id}`)).text()).toContain(JOHN.title)
      const moments = await (await app.request(`/films/${FILM}/moments`)).text()
      expect(moments).toContain('The scenes that moved people most')
      expect(moments).toContain('Memo and Ova meet again after the escape')
      expect(moments).toContain('id="country-MT"')
      expect(await (await app.request('/stories/miracle-in-cell-no-7')).text()).toContain(JOHN.title)
      const feed = await app.request(`/films/${FILM}/moments.atom`)
      expect(feed.headers.get('content-type')).toContain('application/atom+xml')
      // A spoiler moment's feed entry names it a spoiler and keeps its text on the site.
      const atom = await feed.text()
      expect(atom).toContain(`[Spoiler] ${JOHN.title}`)
      expect(atom).not.toContain('Memo finally meets')
      for (const path of [`/films/${FILM}`, `/moments/${id}`, '/moments.atom', `/films/${FILM}/moments`])
        expect(await (await app.request(path)).text(), path).not.toContain(EMAIL)

      // John is known now: his next moment is published at once.
      const again = await postForm(client(app), `/films/${FILM}/moments`, {
        ...JOHN,
        title: 'The bride in 2004',
        scene: '',
      })
      expect(again.headers.get('location')).toMatch(/status=approved/)
    })

    it('gives the form back with a 400 and what to correct, keeping what was typed, and stores nothing', async () => {
      const fan = client(app)
      const response = await postForm(fan, `/films/${FILM}/moments`, {
        ...JOHN,
        email: 'not-an-email',
        title: 'Kept title',
      })
      expect(response.status).toBe(400)
      const html = await response.text()
      expect(html).toContain('email is not a valid address')
      expect(html).toContain('value="Kept title"')
      // Everything typed comes back but the email, which no response ever shows.
      expect(html).not.toContain('not-an-email')
      const bot = await postForm(fan, `/films/${FILM}/moments`, { ...JOHN, website: 'http://spam.example' })
      expect(bot.status).toBe(400)
      const mod = client(app)
      await mod.signIn('mod')
      expect(await (await mod.request('/moderation')).text()).not.toContain('Kept title')
    })

    it('takes comments and replies one level deep, without showing anyone’s email', async () => {
      const fan = client(app)
      const on = `film:${FILM}`
      const form = await (await fan.request(`/comments/new?on=${encodeURIComponent(on)}`)).text()
      const csrf = /name="_csrf" value="([^"]+)"/.exec(form)![1]!
      const fields = {
        _csrf: csrf,
        on,
        name: 'Ayşe',
        email: 'ayse.canary@example.com',
        body: 'Aras Bulut **İynemli** was superb.',
      }
      const posted = await fan.post('/comments', fields)
      expect(posted.status).toBe(303)
      await moderate('comment', 'approve')
      let page = await (await app.request(`/films/${FILM}`)).text()
      expect(page).toContain('<strong>İynemli</strong>')
      const commentId = /id="comment-(\d+)"/.exec(page)![1]!
      const reply = await fan.post('/comments', {
        ...fields,
        reply: commentId,
        body: 'Agreed, and Nisa Sofiya Aksongur too.',
      })
      expect(reply.headers.get('location')).toMatch(/status=approved/)
      page = await (await app.request(`/films/${FILM}`)).text()
      expect(page).toMatch(/<ol class="replies"><li id="comment-\d+">.*Nisa Sofiya Aksongur/s)
      expect(page).not.toContain('ayse.canary')
      // A reply to a reply is a reply to the thread: still one level deep.
      const replyId = /<ol class="replies"><li id="comment-(\d+)"/.exec(page)![1]!
      const form2 = await fan.request(`/comments/new?on=${encodeURIComponent(on)}&reply=${replyId}`)
      expect(form2.status).toBe(404)
      const unknown = await fan.post('/comments', { ...fields, on: 'film:no-such-film' })
      expect(unknown.status).toBe(404)
    })

    it('serves an uploaded video only once published, with byte ranges', async () => {
      const fan = client(app)
      const bytes = new Uint8Array(4096)
      bytes.set(mp4Header())
      const upload = {
        ...JOHN,
        text: '',
        title: 'On video',
        video: new Blob([bytes], { type: 'application/octet-stream' }),
      }
      const posted = await postForm(fan, `/films/${FILM}/moments`, upload)
      expect(posted.status).toBe(303)
      // John was approved before, so this one is published at once.
      expect(posted.headers.get('location')).toMatch(/status=approved/)
      const page = await (await app.request(`/films/${FILM}/moments`)).text()
      const src = /<video controls="" preload="metadata" src="(\/media\/[0-9a-f]{64})"/.exec(page)?.[1]
      expect(src).toBeDefined()
      const whole = await app.request(src!)
      expect(whole.status).toBe(200)
      expect(whole.headers.get('content-type')).toBe('video/mp4')
      expect(whole.headers.get('accept-ranges')).toBe('bytes')
      expect((await whole.arrayBuffer()).byteLength).toBe(4096)
      const part = await app.request(src!, { headers: { Range: 'bytes=4-11' } })
      expect(part.status).toBe(206)
      expect(part.headers.get('content-range')).toBe('bytes 4-11/4096')
      expect(new TextDecoder().decode(new Uint8Array(await part.arrayBuffer()).slice(0, 4))).toBe('ftyp')
      expect((await app.request(src!, { headers: { Range: 'bytes=5000-' } })).status).toBe(416)
      // Not a video, whatever its name says: refused with the reason.
      const fake = {
        ...upload,
        video: new File([new TextEncoder().encode('<html>not a video</html>')], 'clip.mp4'),
      }
      const refused = await postForm(client(app), `/films/${FILM}/moments`, fake)
      expect(refused.status).toBe(400)
      expect(await refused.text()).toContain('only MP4 and WebM')
      // Over the configured size (1 MiB here, plus the form's own allowance): 413 before it is read.
      const big = { ...upload, video: new Blob([new Uint8Array(2 * 1024 * 1024)]) }
      expect((await postForm(client(app), `/films/${FILM}/moments`, big)).status).toBe(413)
    })

    it('takes moments and comments as JSON through the API, and lists only published ones without emails', async () => {
      const api = (path: string, body: unknown) =>
        client(app).request(
          path,
          { method: 'POST', body: JSON.stringify(body) },
          { 'Content-Type': 'application/json' },
        )
      const fresh = {
        ...JOHN,
        email: 'api.canary@example.com',
        title: 'Posted through the API',
        scene: undefined,
      }
      const created = await api(`/api/v1/films/${FILM}/moments`, fresh)
      expect(created.status).toBe(201)
      const { id, status } = (await created.json()) as { id: number; status: string }
      expect(status).toBe('pending')
      expect((await app.request(`/api/v1/moments/${id}`)).status).toBe(404)
      const invalid = await api(`/api/v1/films/${FILM}/moments`, { ...fresh, country: 'Malta' })
      expect(invalid.status).toBe(400)
      expect(((await invalid.json()) as { error: { message: string } }).error.message).toContain('country')
      expect((await api('/api/v1/comments', '[not an object]')).status).toBe(400)
      const list = await (await app.request(`/api/v1/films/${FILM}/moments?limit=50`)).text()
      expect(list).not.toContain('Posted through the API')
      expect(list).not.toContain('@example.com')
      const comments = await (await app.request(`/api/v1/films/${FILM}/comments`)).text()
      expect(comments).not.toContain('@example.com')
    })

    it('limits how many moments and comments one client posts, with 429 and Retry-After', async () => {
      const fan = client(app)
      const statuses: number[] = []
      for (let i = 0; i <= POSTS_PER_CLIENT.limit; i++)
        statuses.push(
          (await postForm(fan, `/films/${FILM}/moments`, { ...JOHN, title: `Moment ${i}` })).status,
        )
      expect(statuses.slice(0, -1).every((s) => s === 303)).toBe(true)
      const last = await postForm(fan, `/films/${FILM}/moments`, JOHN)
      expect(last.status).toBe(429)
      expect(Number(last.headers.get('retry-after'))).toBeGreaterThan(0)
    })
  })
}
