import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { AppError, ForbiddenError, type Actor, type MomentInput } from '../src/domain/index.ts'
import { readDatasetDir } from '../src/importers/index.ts'
import {
  approve,
  buildFilmMomentsFeed,
  buildMomentsFeed,
  countFilmMoments,
  countStoryMoments,
  findPublicMoment,
  listFilmMoments,
  listModerationLog,
  listModerationQueue,
  listPublicComments,
  listRecentMoments,
  listStoryMoments,
  loadDatasets,
  markSpam,
  openVideo,
  postComment,
  postMoment,
  reject,
  type MediaOptions,
} from '../src/services/index.ts'
import { createTestStorage, DIALECTS, type TestStorage } from './support/databases.ts'
import { FIXTURE_DATASET } from './support/datasets.ts'
import { mp4Header, webmHeader } from './support/videos.ts'

const MODERATOR: Actor = { id: 7, role: 'moderator' }
const READER: Actor = { id: 8, role: 'reader' }
const PUBLIC_URL = 'https://retold.example'

const JOHN: MomentInput = {
  displayName: 'John',
  email: 'John.Amato@example.com',
  country: 'mt',
  film: 'kogustaki-2019',
  scene: 'reunion',
  title: 'My goosebump moment',
  text: 'When Memo finally meets his daughter *Ova* after everyone helped him escape.',
}

/** A small well-formedness check: tags balance, one root, only XML's own entities, no stray `<` or `&`. */
function expectWellFormedXml(xml: string): void {
  const body = xml.replace(/^<\?xml [^?]*\?>\s*/, '')
  const stack: string[] = []
  let roots = 0
  const token = /<(\/?)([A-Za-z][\w:.-]*)((?:\s+[\w:.-]+="[^"<]*")*)\s*(\/?)>|([^<]+)|(<)/g
  for (const match of body.matchAll(token)) {
    const [, closing, name, , selfClosing, text, stray] = match
    expect(stray, `stray < at ${match.index}`).toBeUndefined()
    if (text !== undefined) {
      expect(text.replace(/&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-f]+);/gi, '')).not.toContain('&')
      if (stack.length === 0) expect(text.trim()).toBe('')
      continue
    }
    if (closing) expect(stack.pop()).toBe(name)
    else {
      if (stack.length === 0) roots += 1
      if (!selfClosing) stack.push(name!)
    }
  }
  expect(stack).toEqual([])
  expect(roots).toBe(1)
}

for (const dialect of DIALECTS) {
  describe(`fans' voices on ${dialect}`, () => {
    let storage: TestStorage
    let mediaDir: string
    let media: MediaOptions
    beforeEach(async () => {
      storage = await createTestStorage(dialect)
      const { datasets, issues } = readDatasetDir(FIXTURE_DATASET)
      expect(issues).toEqual([])
      await loadDatasets(storage, datasets)
      mediaDir = mkdtempSync(join(tmpdir(), 'retold-media-'))
      media = { dir: mediaDir, maxBytes: 1024 }
    })
    afterEach(async () => {
      await storage.destroy()
      rmSync(mediaDir, { recursive: true, force: true })
    })

    it('holds a new contributor’s moment until a moderator approves it, and audits the approval', async () => {
      const posted = await postMoment(storage, JOHN)
      expect(posted.status).toBe('pending')
      expect(await listFilmMoments(storage, 'kogustaki-2019', { limit: 10 })).toEqual([])
      expect(await listStoryMoments(storage, 'miracle', { limit: 10 })).toEqual([])
      expect(await findPublicMoment(storage, posted.id)).toBeUndefined()
      expect(await buildMomentsFeed(storage, { publicUrl: PUBLIC_URL })).not.toContain('goosebump')
      expect((await countFilmMoments(storage, 'kogustaki-2019')).total).toBe(0)

      await expect(approve(storage, READER, { kind: 'moment', id: posted.id })).rejects.toBeInstanceOf(
        ForbiddenError,
      )
      await expect(listModerationQueue(storage, READER)).rejects.toBeInstanceOf(ForbiddenError)
      expect(await listModerationLog(storage, MODERATOR)).toEqual([])

      const queue = await listModerationQueue(storage, MODERATOR)
      expect(queue.map((q) => [q.kind, q.id, q.title])).toEqual([
        ['moment', posted.id, 'My goosebump moment'],
      ])
      const now = new Date('2026-11-22T10:00:00Z')
      expect(await approve(storage, MODERATOR, { kind: 'moment', id: posted.id }, { now })).toEqual({
        status: 'approved',
      })

      const [moment] = await listFilmMoments(storage, 'kogustaki-2019', { limit: 10 })
      expect(moment).toMatchObject({
        id: posted.id,
        film: { slug: 'kogustaki-2019' },
        scene: { slug: 'reunion', spoiler: 'ending' },
        displayName: 'John',
        country: 'MT',
        html: '<p>When Memo finally meets his daughter <em>Ova</em> after everyone helped him escape.</p>',
        video: null,
        spoiler: false,
        publishedAt: now.toISOString(),
      })
      expect(await listStoryMoments(storage, 'miracle', { limit: 10 })).toEqual([moment])
      expect(await findPublicMoment(storage, posted.id)).toEqual(moment)
      expect(await buildMomentsFeed(storage, { publicUrl: PUBLIC_URL })).toContain('My goosebump moment')
      expect(await listModerationQueue(storage, MODERATOR)).toEqual([])

      const log = await listModerationLog(storage, MODERATOR)
      expect(log).toEqual([
        {
          id: expect.any(Number),
          actorId: 7,
          actor: '#7', // no account has id 7 here
          action: 'approve',
          target: { kind: 'moment', id: posted.id },
          before: { status: 'pending', publishedAt: null },
          after: { status: 'approved', publishedAt: now.toISOString() },
          createdAt: now.toISOString(),
        },
      ])
      await expect(approve(storage, MODERATOR, { kind: 'moment', id: posted.id })).rejects.toMatchObject({
        code: 'Conflict',
      })
    })

    it('publishes directly once a moderator approved one of a contributor’s posts, until one is marked spam', async () => {
      const first = await postMoment(storage, JOHN)
      const second = await postMoment(storage, { ...JOHN, title: 'Second' })
      expect(second.status).toBe('pending')
      await approve(storage, MODERATOR, { kind: 'moment', id: first.id })
      // The same person, whatever the case and spacing of their email.
      const third = await postMoment(storage, { ...JOHN, email: ' JOHN.amato@EXAMPLE.com', title: 'Third' })
      expect(third.status).toBe('approved')
      const stranger = await postMoment(storage, { ...JOHN, email: 'someone@example.org', title: 'Stranger' })
      expect(stranger.status).toBe('pending')

      await reject(storage, MODERATOR, { kind: 'moment', id: second.id })
      await markSpam(storage, MODERATOR, { kind: 'moment', id: third.id })
      const fourth = await postMoment(storage, { ...JOHN, title: 'Fourth' })
      expect(fourth.status).toBe('pending')
      const titles = (await listRecentMoments(storage, { limit: 10 })).map((m) => m.title)
      expect(titles).toEqual(['My goosebump moment'])
      expect((await listModerationLog(storage, MODERATOR)).map((e) => e.action)).toEqual([
        'spam',
        'reject',
        'approve',
      ])
    })

    it('names the field that is wrong', async () => {
      const invalid = (input: unknown) => expect(postMoment(storage, input)).rejects.toBeInstanceOf(AppError)
      await invalid({ ...JOHN, email: 'not-an-email' })
      await expect(postMoment(storage, { ...JOHN, email: 'nope' })).rejects.toThrow(/email/)
      await expect(postMoment(storage, { ...JOHN, title: '  ' })).rejects.toThrow(/title is required/)
      await expect(postMoment(storage, { ...JOHN, country: 'XX' })).rejects.toThrow(/^country: /)
      await expect(postMoment(storage, { ...JOHN, country: 'Malta' })).rejects.toThrow(/country must be/)
      await expect(postMoment(storage, { ...JOHN, film: 'nope' })).rejects.toThrow(/^film: there is no film/)
      await expect(postMoment(storage, { ...JOHN, scene: 'nope' })).rejects.toThrow(/^scene: /)
      await expect(
        postMoment(storage, { ...JOHN, videoUrl: 'https://youtu.be/dQw4w9WgXcQ' }),
      ).rejects.toThrow(/exactly one of text, videoUrl or video/)
      await expect(postMoment(storage, { ...JOHN, text: undefined })).rejects.toThrow(/exactly one/)
      await expect(
        postMoment(storage, { ...JOHN, text: undefined, videoUrl: 'https://evil.example/v.mp4' }),
      ).rejects.toThrow(/^videoUrl: /)
      expect(await listModerationQueue(storage, MODERATOR)).toEqual([])
    })

    it('stores a video link as its canonical id and shows its watch and embed addresses', async () => {
      const { id } = await postMoment(storage, {
        ...JOHN,
        text: undefined,
        videoUrl: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=1s',
      })
      await approve(storage, MODERATOR, { kind: 'moment', id })
      expect((await findPublicMoment(storage, id))?.video).toEqual({
        kind: 'link',
        key: 'youtube:dQw4w9WgXcQ',
        url: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
        embedUrl: 'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ',
      })
    })

    it('stores an uploaded video once by its sha256, checks its bytes and size, and serves byte ranges', async () => {
      const bytes = new Uint8Array([...mp4Header(), ...new Uint8Array(100).fill(7)])
      const upload = { ...JOHN, text: undefined, video: bytes }
      await expect(postMoment(storage, upload)).rejects.toMatchObject({ code: 'Unavailable' })
      const first = await postMoment(storage, upload, { media })
      await postMoment(storage, { ...upload, title: 'Again' }, { media })
      const folders = readdirSync(mediaDir)
      expect(folders).toHaveLength(1)
      expect(readdirSync(join(mediaDir, folders[0]!))).toHaveLength(1)
      expect(await storage.db.selectFrom('media').selectAll().execute()).toHaveLength(1)

      await expect(postMoment(storage, { ...upload, video: webmHeader() }, { media })).resolves.toMatchObject(
        {
          status: 'pending',
        },
      )
      const html = new TextEncoder().encode('<html><script>alert(1)</script></html>')
      await expect(postMoment(storage, { ...upload, video: html }, { media })).rejects.toThrow(
        /^video: only MP4 and WebM/,
      )
      await expect(
        postMoment(
          storage,
          { ...upload, video: new Uint8Array([...mp4Header(), ...new Uint8Array(2000)]) },
          { media },
        ),
      ).rejects.toThrow(/^video: the file is .* the limit is/)

      await approve(storage, MODERATOR, { kind: 'moment', id: first.id })
      const video = (await findPublicMoment(storage, first.id))!.video
      expect(video).toMatchObject({ kind: 'upload', type: 'video/mp4', size: bytes.length })
      const sha256 = video?.kind === 'upload' ? video.sha256 : ''
      expect(sha256).toMatch(/^[0-9a-f]{64}$/)
      expect(existsSync(join(mediaDir, sha256.slice(0, 2), sha256))).toBe(true)

      const part = await openVideo(storage, media, sha256, 'bytes=4-7')
      if (part === 'unsatisfiable') throw new Error('expected a range')
      expect(part).toMatchObject({ type: 'video/mp4', size: bytes.length, range: { start: 4, end: 7 } })
      expect(await new Response(part.body).text()).toBe('ftyp')
      const whole = await openVideo(storage, media, sha256, undefined)
      if (whole === 'unsatisfiable') throw new Error('expected the file')
      expect(new Uint8Array(await new Response(whole.body).arrayBuffer())).toEqual(bytes)
      expect(await openVideo(storage, media, sha256, `bytes=${bytes.length}-`)).toBe('unsatisfiable')
      await expect(openVideo(storage, media, '../../etc/passwd', undefined)).rejects.toMatchObject({
        code: 'NotFound',
      })
    })

    it('does not serve a video that no published moment shows', async () => {
      await postMoment(storage, { ...JOHN, text: undefined, video: webmHeader() }, { media })
      const [row] = await storage.db.selectFrom('media').select('sha256').execute()
      await expect(openVideo(storage, media, row!.sha256, undefined)).rejects.toMatchObject({
        code: 'NotFound',
      })
      const preview = await openVideo(storage, media, row!.sha256, undefined, { unpublished: true })
      expect(preview).toMatchObject({ type: 'video/webm' })
    })

    it('counts published moments by scene and by country', async () => {
      const film = await storage.db
        .selectFrom('film')
        .select('id')
        .where('slug', '=', 'kogustaki-2019')
        .executeTakeFirstOrThrow()
      await storage.db
        .insertInto('scene')
        .values({
          film_id: film.id,
          slug: 'prison-party',
          title: 'The party in the cell',
          description: 'The cellmates celebrate Ova.',
          spoiler: 'plot',
          position: 2,
          source_id: null,
        })
        .execute()
      const post = async (email: string, country: string, scene?: string) => {
        const { id } = await postMoment(storage, { ...JOHN, email, country, scene })
        await approve(storage, MODERATOR, { kind: 'moment', id })
      }
      await post('a@example.org', 'MT', 'reunion')
      await post('b@example.org', 'TR', 'reunion')
      await post('c@example.org', 'TR', 'prison-party')
      await post('d@example.org', 'AR')
      const pending = await postMoment(storage, { ...JOHN, email: 'e@example.org', country: 'MX' })
      expect(pending.status).toBe('pending')

      const counts = await countFilmMoments(storage, 'kogustaki-2019')
      expect(counts.byScene.map((s) => [s.slug, s.moments])).toEqual([
        ['reunion', 2],
        ['prison-party', 1],
      ])
      expect(counts.byCountry).toEqual([
        { country: 'TR', moments: 2 },
        { country: 'AR', moments: 1 },
        { country: 'MT', moments: 1 },
      ])
      expect(counts.total).toBe(4)
      expect((await countStoryMoments(storage, 'miracle')).total).toBe(4)
      expect((await countFilmMoments(storage, 'miracle-2013')).total).toBe(0)
    })

    it('never shows a commenter’s email in any public shape', async () => {
      const email = 'private.person@example.com'
      const moment = await postMoment(storage, JOHN)
      await approve(storage, MODERATOR, { kind: 'moment', id: moment.id })
      const film = await postComment(storage, {
        target: { kind: 'film', slug: 'kogustaki-2019' },
        name: 'Ayşe',
        email,
        body: 'Such a **good** film',
      })
      const onMoment = await postComment(storage, {
        target: { kind: 'moment', id: moment.id },
        name: 'Ayşe',
        email,
        body: 'Same here',
      })
      const queue = await listModerationQueue(storage, MODERATOR)
      expect(queue).toHaveLength(2)
      expect(JSON.stringify(queue)).not.toContain(email)
      await approve(storage, MODERATOR, { kind: 'comment', id: film.id })
      await approve(storage, MODERATOR, { kind: 'comment', id: onMoment.id })
      const reply = await postComment(storage, {
        target: { kind: 'film', slug: 'kogustaki-2019' },
        parentId: film.id,
        name: 'Ayşe',
        email,
        body: 'And a reply',
      })
      expect(reply.status).toBe('approved')

      const shapes = [
        await listPublicComments(storage, { kind: 'film', slug: 'kogustaki-2019' }),
        await listPublicComments(storage, { kind: 'moment', id: moment.id }),
        await listRecentMoments(storage, { limit: 10 }),
        await findPublicMoment(storage, moment.id),
        await buildMomentsFeed(storage, { publicUrl: PUBLIC_URL }),
        await listModerationLog(storage, MODERATOR),
      ]
      expect(shapes[0]).toEqual([
        {
          id: film.id,
          name: 'Ayşe',
          html: '<p>Such a <strong>good</strong> film</p>',
          publishedAt: expect.any(String),
          replies: [
            { id: reply.id, name: 'Ayşe', html: '<p>And a reply</p>', publishedAt: expect.any(String) },
          ],
        },
      ])
      for (const shape of shapes) {
        const json = JSON.stringify(shape).toLowerCase()
        expect(json).not.toContain(email)
        expect(json).not.toContain('john.amato@example.com')
        expect(json).not.toContain('email')
      }
    })

    it('keeps replies one level deep: a reply to a reply joins the top-level comment', async () => {
      const comment = (body: string, parentId?: number) =>
        postComment(storage, {
          target: { kind: 'story', slug: 'miracle' },
          name: 'Mia',
          email: 'mia@example.org',
          body,
          ...(parentId === undefined ? {} : { parentId }),
        })
      const top = await comment('Top')
      const pending = await postMoment(storage, JOHN)
      await expect(
        postComment(storage, {
          target: { kind: 'moment', id: pending.id },
          name: 'Mia',
          email: 'mia@example.org',
          body: 'x',
        }),
      ).rejects.toThrow(/^target: there is no moment/)
      await expect(comment('Reply to a pending comment', top.id)).rejects.toThrow(/^parentId: /)
      await approve(storage, MODERATOR, { kind: 'comment', id: top.id })
      const reply = await comment('Reply', top.id)
      const deeper = await comment('Reply to the reply', reply.id)
      expect(deeper.status).toBe('approved')
      await expect(
        postComment(storage, {
          target: { kind: 'film', slug: 'kogustaki-2019' },
          parentId: top.id,
          name: 'Mia',
          email: 'mia@example.org',
          body: 'Elsewhere',
        }),
      ).rejects.toThrow(/^parentId: /)
      await expect(
        postComment(storage, {
          target: { kind: 'film', slug: 'nope' },
          name: 'Mia',
          email: 'mia@example.org',
          body: 'x',
        }),
      ).rejects.toThrow(/^target: /)
      await expect(
        postComment(storage, { target: { kind: 'film', slug: 'kogustaki-2019' }, name: 'Mia', body: 'x' }),
      ).rejects.toThrow(/email is required/)

      const threads = await listPublicComments(storage, { kind: 'story', slug: 'miracle' })
      expect(threads.map((t) => [t.html, t.replies.map((r) => r.html)])).toEqual([
        ['<p>Top</p>', ['<p>Reply</p>', '<p>Reply to the reply</p>']],
      ])
      await markSpam(storage, MODERATOR, { kind: 'comment', id: top.id })
      expect(await listPublicComments(storage, { kind: 'story', slug: 'miracle' })).toEqual([])
    })

    it('writes well-formed, escaped Atom feeds that keep spoilers out', async () => {
      const tricky = await postMoment(storage, {
        ...JOHN,
        title: 'Tom & Jerry <script>alert("x")</script>',
        text: 'A [link](https://example.org/?a=1&b=2) and <b>bold</b> & \u0001 ]]>',
      })
      await approve(
        storage,
        MODERATOR,
        { kind: 'moment', id: tricky.id },
        { now: new Date('2026-11-22T10:00:00Z') },
      )
      const spoiler = await postMoment(storage, {
        ...JOHN,
        email: 'someone.else@example.org',
        title: 'The ending',
        text: 'Memo is not the one who is hanged',
        spoiler: true,
      })
      const later = new Date('2026-11-22T11:00:00Z')
      await approve(storage, MODERATOR, { kind: 'moment', id: spoiler.id }, { now: later })

      const feed = await buildFilmMomentsFeed(storage, 'kogustaki-2019', { publicUrl: PUBLIC_URL })
      expectWellFormedXml(feed)
      expect(feed).toMatch(
        /^<\?xml version="1.0" encoding="utf-8"\?>\n<feed xmlns="http:\/\/www.w3.org\/2005\/Atom">/,
      )
      expect(feed).toContain('<id>tag:retold.example,2026:moments:film:kogustaki-2019</id>')
      expect(feed).toContain(`<updated>${later.toISOString()}</updated>`)
      expect(feed).toContain(`<id>tag:retold.example,2026:moment:${tricky.id}</id>`)
      expect(feed).toContain(
        `<link rel="alternate" type="text/html" href="https://retold.example/films/kogustaki-2019#moment-${tricky.id}"/>`,
      )
      expect(feed).toContain(
        '<title>Tom &amp; Jerry &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;</title>',
      )
      expect(feed).not.toContain('<script')
      expect(feed).not.toContain('\u0001')
      // The rendered HTML is escaped once more inside <content type="html">.
      expect(feed).toContain('&lt;a href=&quot;https://example.org/?a=1&amp;amp;b=2&quot;')
      expect(feed).toContain('&amp;lt;b&amp;gt;bold&amp;lt;/b&amp;gt;')

      const entries = feed.split('<entry>').slice(1)
      expect(entries).toHaveLength(2)
      const spoilerEntry = entries.find((e) => e.includes(`moment:${spoiler.id}<`))!
      expect(spoilerEntry).toContain('<title>[Spoiler] The ending</title>')
      expect(spoilerEntry).toContain('<category term="spoiler"/>')
      expect(spoilerEntry).not.toContain('<content')
      expect(feed).not.toContain('hanged')
      for (const entry of entries) {
        for (const element of ['id', 'title', 'updated', 'author'])
          expect(entry, element).toMatch(new RegExp(`<${element}>`))
        expect(entry).toMatch(/<link rel="alternate"/)
      }

      const site = await buildMomentsFeed(storage, { publicUrl: PUBLIC_URL })
      expectWellFormedXml(site)
      expect(site).toContain('<id>tag:retold.example,2026:moments</id>')
      const empty = await buildFilmMomentsFeed(storage, 'miracle-2013', {
        publicUrl: PUBLIC_URL,
        now: new Date('2026-01-01T00:00:00Z'),
      })
      expectWellFormedXml(empty)
      expect(empty).toContain('<updated>2026-01-01T00:00:00.000Z</updated>')
      await expect(buildFilmMomentsFeed(storage, 'nope', { publicUrl: PUBLIC_URL })).rejects.toMatchObject({
        code: 'NotFound',
      })
    })
  })
}
