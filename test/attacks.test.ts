import { createHash } from 'node:crypto'
import { mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { format, inspect } from 'node:util'
import fc from 'fast-check'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { readDatasetDir } from '../src/importers/index.ts'
import {
  approve,
  createAccount,
  listSlugPage,
  loadDatasets,
  postComment,
  reject,
  type Account,
} from '../src/services/index.ts'
import { OPENAPI } from '../src/web/api.ts'
import { createApp } from '../src/web/index.ts'
import { BODY_LIMIT_BYTES } from '../src/web/security.ts'
import { Browser, PASSWORD, sampleUrl } from './support/browser.ts'
import { createTestStorage, DIALECTS, type TestStorage } from './support/databases.ts'
import { BUNDLED_DATASET } from './support/datasets.ts'
import { encodingsChecked, findLeaks, needlesFor, type Hit, type Needle } from './support/leaks.ts'
import { mp4Header } from './support/videos.ts'

// Attacks through every route the router has (app.routes, so that a new route cannot escape), on
// every database: fans' emails never come out of any response, header, log line or console line;
// 10 MB bodies are refused with 413 on every write route without being read; and arbitrary input
// to every write route, by anyone, never makes a 5xx.

const NOW = new Date(Math.floor(Date.now() / 900_000) * 900_000 + 450_000)
const FILM = '7-kogustaki-mucize-2019'
const STORY = 'miracle-in-cell-no-7'
const MEDIA_MAX_BYTES = 2 * 1024 * 1024
const TEN_MB = 10 * 1024 * 1024
const CHUNK = 64 * 1024
/** Cheap scrypt for the test accounts: the tests sign in often. */
const FAST_SCRYPT = { log2N: 10, r: 8, p: 1 }
/** Fuzz runs per write route and sender; the total is printed. */
const FUZZ_RUNS = Number(process.env.RETOLD_FUZZ_RUNS ?? 80)

/** Stored emails: each must never be shown, in any encoding. They share their local part. */
const CANARY = {
  approvedByForm: 'canary.7f3a9c@example.com',
  approvedByService: 'Canary.7F3A9C+Retold@Example.COM',
  pending: 'canary.7f3a9c+pending@example.com',
  rejected: 'canary.7f3a9c@xn--bcher-kva.example',
  spam: 'CANARY.7F3A9C+spam@EXAMPLE.com',
  idn: 'canary.7f3a9c@bücher.example',
} as const
/** Emails sent only in requests that fail (invalid forms, 404s, searches): echoed back to their sender at most. */
const ECHO = 'echo.5b2e81@example.com'
const ECHO_INVALID = 'echo.5b2e81@@example..com'
const ECHO_IDN = 'Echo.5B2E81@Bücher.example'

const print = console.log.bind(console)

let addresses = 0
/** A new client address for every request, so that per-client rate limits never interfere. */
const freshAddress = () => {
  const n = ++addresses
  return `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`
}

type App = ReturnType<typeof createApp>
interface Jar {
  cookies: Map<string, string>
  csrf: string
}

async function readText(response: Response): Promise<string> {
  const type = response.headers.get('content-type') ?? ''
  if (/^(video|image|application\/octet-stream)/.test(type))
    return Buffer.from(await response.arrayBuffer()).toString('latin1')
  return response.text()
}

const headerText = (response: Response) =>
  [...response.headers].map(([name, value]) => `${name}: ${value}`).join('\n')

/** A route's `:name{pattern}` parameters. */
function paramsOf(path: string): { name: string; pattern: string | undefined; before: string }[] {
  const segments = path.split('/')
  return segments.flatMap((segment, i) => {
    const match = /^:(\w+)(?:\{(.*)\})?$/.exec(segment)
    return match ? [{ name: match[1]!, pattern: match[2], before: segments[i - 1] ?? '' }] : []
  })
}

/** Every URL of a route with each of the given values for its parameters. */
function expand(path: string, valuesOf: (name: string, before: string, segment: string) => string[]) {
  const segments = path.split('/')
  let urls = ['']
  segments.forEach((segment, i) => {
    if (i === 0) return
    const match = /^:(\w+)(?:\{(.*)\})?$/.exec(segment)
    const values = match ? valuesOf(match[1]!, segments[i - 1] ?? '', segment) : [sampleUrl(segment)]
    urls = urls.flatMap((url) => values.map((value) => `${url}/${value}`))
  })
  return urls
}

/** Percent-encodes the UTF-8 bytes of any string, lone surrogates included (as U+FFFD). */
const encodeBytes = (text: string) =>
  [...Buffer.from(text, 'utf8')].map((b) => `%${b.toString(16).padStart(2, '0')}`).join('')

for (const dialect of DIALECTS) {
  describe(`attacks on ${dialect}`, () => {
    let storage: TestStorage
    let app: App
    let mediaDir: string
    let admin: Account
    const logs: string[] = []
    const consoleLines: string[] = []
    const spies: { mockRestore(): void }[] = []
    const jars = {} as Record<'anonymous' | 'editor' | 'moderator' | 'admin', Jar>

    /** A request from a new address with the jar's cookies (kept unless `keep` is false). */
    const call = (
      jar: Jar | undefined,
      path: string,
      init: RequestInit = {},
      headers: Record<string, string> = {},
      keep = true,
    ) => {
      const browser = new Browser(app, freshAddress())
      if (jar) browser.cookies = keep ? jar.cookies : new Map(jar.cookies)
      return browser.request(path, init, headers)
    }
    const form = (jar: Jar, path: string, fields: Record<string, string | Blob>) => {
      const body = new FormData()
      body.set('_csrf', jar.csrf)
      for (const [name, value] of Object.entries(fields)) body.set(name, value)
      return call(jar, path, { method: 'POST', body })
    }
    const json = (path: string, body: unknown) =>
      call(
        undefined,
        path,
        { method: 'POST', body: JSON.stringify(body) },
        { 'Content-Type': 'application/json' },
      )
    const open = async (username?: string): Promise<Jar> => {
      const browser = new Browser(app, freshAddress())
      if (username) expect((await browser.signIn(username)).status).toBe(303)
      return { cookies: browser.cookies, csrf: await browser.csrf() }
    }
    const count = async (table: 'moment' | 'comment' | 'claim') =>
      Number(
        (await sql<{ n: number | string }>`select count(*) as n from ${sql.table(table)}`.execute(storage.db))
          .rows[0]!.n,
      )

    beforeAll(async () => {
      storage = await createTestStorage(dialect)
      await loadDatasets(storage, readDatasetDir(BUNDLED_DATASET).datasets)
      for (const role of ['editor', 'moderator'] as const)
        await createAccount(storage, { username: role, password: PASSWORD, role }, FAST_SCRYPT)
      admin = await createAccount(
        storage,
        { username: 'admin', password: PASSWORD, role: 'admin' },
        FAST_SCRYPT,
      )
      mediaDir = mkdtempSync(join(tmpdir(), 'retold-attacks-'))
      app = createApp({
        storage,
        publicUrl: 'http://localhost',
        logger: { error: (details, message) => logs.push(`${message} ${inspect(details, { depth: 6 })}`) },
        pageCacheSeconds: 60,
        clock: () => NOW,
        media: { dir: mediaDir, maxBytes: MEDIA_MAX_BYTES },
      })
      for (const method of ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const)
        spies.push(
          vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
            consoleLines.push(format(...args))
          }),
        )
      jars.anonymous = await open()
      for (const role of ['editor', 'moderator', 'admin'] as const) jars[role] = await open(role)
    })
    afterAll(async () => {
      for (const spy of spies) spy.mockRestore()
      await storage?.destroy()
      if (mediaDir) rmSync(mediaDir, { recursive: true, force: true })
    })

    it('shows no fan’s email, in any encoding, on any GET route, feed, error page, header, log or console line', async () => {
      const stored = Object.values(CANARY).flatMap(needlesFor)
      const echoed = [ECHO, ECHO_INVALID, ECHO_IDN].flatMap(needlesFor)
      // The scanner itself finds each encoding it claims to check.
      const email = CANARY.approvedByService
      for (const encoded of [
        email.toLowerCase(),
        email.toUpperCase(),
        encodeURIComponent(email),
        new URLSearchParams({ q: email }).toString(),
        [...email].map((ch) => `&#${ch.codePointAt(0)};`).join(''),
        [...email].map((ch) => `&#x${ch.codePointAt(0)!.toString(16)};`).join(''),
        email.replaceAll('@', '&commat;').replaceAll('.', '&period;'),
        JSON.stringify(email).replaceAll('@', '\\u0040'),
        Buffer.from(`{"e":"${email}"}`).toString('base64'),
        Buffer.from(`xx${email}`).toString('base64url'),
        Buffer.from(email.toLowerCase()).toString('base64'),
        createHash('sha256').update(email.toLowerCase()).digest('hex'),
        createHash('md5').update(email.toLowerCase()).digest('hex').toUpperCase(),
        'by canary.7F3A9C only',
      ])
        expect(findLeaks(`<p>${encoded}</p>`, stored, 'self-check'), encoded).not.toEqual([])
      const hits: Hit[] = []
      const reflections: string[] = []
      let responses = 0
      const routesScanned = new Set<string>()
      /** Scans a response: stored emails must never appear; echo emails only in the answer to their own request. */
      const scan = async (label: string, response: Response, carriesEcho = false) => {
        responses++
        const text = `${headerText(response)}\n\n${await readText(response)}`
        hits.push(...findLeaks(text, stored, `${label} (${response.status})`))
        const echoes = findLeaks(text, echoed, `${label} (${response.status})`)
        if (!carriesEcho) hits.push(...echoes)
        else if (echoes.length > 0) {
          reflections.push(`${label} (${response.status})`)
          // A form given back with what was typed is for its sender only: nothing may let a cache keep it.
          if (!label.includes(' GET '))
            expect(response.headers.get('cache-control') ?? '', label).not.toMatch(/public|max-age=[1-9]/)
        }
        return response
      }

      // Moments and comments by each canary, through the forms and the API, in every moderation state.
      const anon = jars.anonymous
      const fields = (email: string, title: string) => ({
        displayName: 'Canary',
        email,
        country: 'MT',
        title,
        text: `Moment *${title}*`,
      })
      await scan(
        'form moment',
        await form(anon, `/films/${FILM}/moments`, fields(CANARY.approvedByForm, 'Canary form moment')),
      )
      const mod = jars.moderator
      const queue = async () => (await call(mod, '/moderation')).text()
      const idIn = (html: string, kind: 'moment' | 'comment') =>
        Number(new RegExp(`action="/moderation/${kind}/(\\d+)"`).exec(html)![1])
      const moderateByForm = async (kind: 'moment' | 'comment', id: number, action: string) => {
        const response = await form(mod, `/moderation/${kind}/${id}`, { action })
        expect(response.status).toBe(303)
        await scan(`moderation form ${action}`, response)
      }
      await moderateByForm('moment', idIn(await queue(), 'moment'), 'approve')
      // Now known: published at once, with a video upload served by /media.
      const video = new Uint8Array(4096)
      video.set(mp4Header())
      const upload = await form(anon, `/films/${FILM}/moments`, {
        ...fields(CANARY.approvedByForm.toUpperCase(), 'Canary video'),
        text: '',
        video: new Blob([video]),
      })
      expect(upload.headers.get('location')).toMatch(/status=approved/)
      await scan('form moment with video', upload)
      await scan(
        'form comment',
        await form(anon, '/comments', {
          on: `film:${FILM}`,
          name: 'Canary',
          email: CANARY.approvedByForm,
          body: 'A canary comment',
        }),
      )
      const api = await json(`/api/v1/films/miracle-in-cell-no-7-2013/moments`, {
        ...fields(CANARY.approvedByService, 'Canary API moment'),
        spoiler: true,
      })
      expect(api.status).toBe(201)
      const apiMoment = ((await api.clone().json()) as { id: number }).id
      await scan('API moment', api)
      await approve(storage, admin, { kind: 'moment', id: apiMoment }, { now: NOW })
      const onMoment = await json('/api/v1/comments', {
        target: { kind: 'moment', id: apiMoment },
        name: 'Canary',
        email: CANARY.approvedByService.toLowerCase(),
        body: 'On the moment',
      })
      expect(onMoment.status).toBe(201)
      const parentId = ((await onMoment.clone().json()) as { id: number; status: string }).id
      await scan('API comment', onMoment)
      await scan(
        'API reply',
        await json('/api/v1/comments', {
          target: { kind: 'moment', id: apiMoment },
          parentId,
          name: 'Canary',
          email: CANARY.approvedByService,
          body: 'A reply',
        }),
      )
      const filmComment = Number(
        (
          await sql<{
            id: number
          }>`select id from comment where target_kind = 'film' and status = 'approved' order by id`.execute(
            storage.db,
          )
        ).rows[0]!.id,
      )
      await scan(
        'form reply',
        await form(anon, '/comments', {
          on: `film:${FILM}`,
          reply: String(filmComment),
          name: 'Canary',
          email: CANARY.approvedByForm,
          body: 'A form reply',
        }),
      )
      await scan(
        'form comment pending',
        await form(anon, '/comments', {
          on: `story:${STORY}`,
          name: 'Canary',
          email: CANARY.pending,
          body: 'Waiting',
        }),
      )
      await scan(
        'API moment pending',
        await json(`/api/v1/films/${FILM}/moments`, fields(CANARY.pending, 'Pending')),
      )
      const rejected = await json('/api/v1/comments', {
        target: { kind: 'film', slug: FILM },
        name: 'Canary',
        email: CANARY.rejected,
        body: 'To be rejected',
      })
      await scan('API comment to reject', rejected.clone())
      await reject(
        storage,
        admin,
        { kind: 'comment', id: ((await rejected.json()) as { id: number }).id },
        { now: NOW },
      )
      await scan(
        'form moment to mark as spam',
        await form(anon, `/films/${FILM}/moments`, fields(CANARY.spam, 'Spam moment')),
      )
      const spamId = Number(
        (await sql<{ id: number }>`select id from moment where title = 'Spam moment'`.execute(storage.db))
          .rows[0]!.id,
      )
      await moderateByForm('moment', spamId, 'spam')
      // An IDN email in Unicode: stored if the schema takes it, through the form as well.
      let idnStored = true
      try {
        await postComment(
          storage,
          { target: { kind: 'film', slug: FILM }, name: 'Idn', email: CANARY.idn, body: 'Idn' },
          { now: NOW },
        )
      } catch {
        idnStored = false
      }
      if (idnStored)
        await scan(
          'form comment IDN',
          await form(anon, '/comments', {
            on: `film:${FILM}`,
            name: 'Idn',
            email: CANARY.idn,
            body: 'Idn 2',
          }),
        )
      const emails = await sql<{
        email: string
      }>`select email from moment union all select email from comment`.execute(storage.db)
      expect(
        emails.rows.filter((r) => r.email.toLowerCase().includes('canary.7f3a9c')).length,
      ).toBeGreaterThanOrEqual(9)

      // Requests that carry an email and fail: given back to their sender at most, and kept nowhere.
      const echo = (label: string, response: Promise<Response>) =>
        response.then((r) => scan(`echo: ${label}`, r, true))
      const moment = (email: string, extra: Record<string, string> = {}) =>
        form(anon, `/films/${FILM}/moments`, { ...fields(email, 'Echo'), ...extra })
      expect((await echo('moment, bad country', moment(ECHO, { country: 'Malta' }))).status).toBe(400)
      expect((await echo('moment, invalid email', moment(ECHO_INVALID))).status).toBe(400)
      await echo('moment, IDN email', moment(ECHO_IDN))
      expect((await echo('moment, honeypot', moment(ECHO, { website: 'http://spam.example' }))).status).toBe(
        400,
      )
      const comment = (email: string, extra: Record<string, string> = {}) =>
        form(anon, '/comments', { on: `film:${FILM}`, name: 'Echo', email, body: 'Echo', ...extra })
      expect((await echo('comment, no body', comment(ECHO, { body: '' }))).status).toBe(400)
      expect((await echo('comment, invalid email', comment(ECHO_INVALID))).status).toBe(400)
      await echo('comment, unknown target', comment(ECHO, { on: `film:${ECHO}` }))
      await echo('comment, reply to nothing', comment(ECHO, { reply: '999999' }))
      await echo('login as an email', form(anon, '/login', { username: ECHO, password: ECHO }))
      await echo(
        'API moment, bad country',
        json(`/api/v1/films/${FILM}/moments`, { ...fields(ECHO, 'E'), country: ECHO }),
      )
      await echo(
        'API moment, invalid email',
        json(`/api/v1/films/${FILM}/moments`, fields(ECHO_INVALID, 'E')),
      )
      await echo(
        'API comment, email as a list',
        json('/api/v1/comments', {
          target: { kind: 'film', slug: ECHO },
          name: 'E',
          email: [ECHO],
          body: 'E',
        }),
      )
      for (const path of [
        `/films/${ECHO}`,
        `/${encodeURIComponent(ECHO)}`,
        `/api/v1/films/${ECHO}`,
        `/api/v1/${ECHO}`,
        `/moments/999999?email=${ECHO}`,
        `/films/${FILM}/moments?page=${ECHO}`,
        `/api/v1/films?limit=${ECHO}&offset=%ZZ`,
        `/search?q=%E0%A4%A${ECHO}`,
        `/search?q=${encodeURIComponent(ECHO)}`,
        `/search?q=${encodeURIComponent(ECHO_IDN)}`,
        `/api/v1/search?q=${encodeURIComponent(ECHO)}`,
        `/comments/new?on=film:${ECHO}`,
        `/comments/new?on=film:${FILM}&reply=${ECHO}`,
        `/preferences?back=/${ECHO}`,
        `/preferences?language=${ECHO}`,
        `/login?back=/${ECHO}`,
        `/posted?what=moment&status=${ECHO}&back=/${ECHO}`,
        `/stories/${STORY}/compare?films=${ECHO}`,
        `/edit/facts/new?subject=film:${ECHO}`,
      ]) {
        for (const [role, jar] of Object.entries(jars)) await echo(`${role} GET ${path}`, call(jar, path))
      }

      // Every GET route with real parameters, every feed, anonymously and as each role.
      const slugs = async (kind: 'film' | 'person' | 'source' | 'story') =>
        (await listSlugPage(storage, kind, { limit: 1000, offset: 0 })).items
      const films = await slugs('film')
      const [person = 'x'] = await slugs('person')
      const [source = 'x'] = await slugs('source')
      const [, otherStory = STORY] = await slugs('story')
      const momentIds = (
        await sql<{ id: number }>`select id from moment order by id`.execute(storage.db)
      ).rows.map((r) => String(r.id))
      const commentIds = (
        await sql<{ id: number }>`select id from comment order by id`.execute(storage.db)
      ).rows.map((r) => String(r.id))
      const filmPage = await (await call(undefined, `/films/${FILM}/moments`)).text()
      const sha = /\/media\/([0-9a-f]{64})/.exec(filmPage)?.[1]
      expect(sha, 'the uploaded video is shown').toBeDefined()
      const valuesOf = (name: string, before: string, segment: string): string[] => {
        if (name === 'slug')
          return (
            {
              stories: [STORY, otherStory],
              films: [FILM, 'miracle-in-cell-no-7-2013'],
              people: [person],
              sources: [source],
            }[before] ?? [sampleUrl(segment)]
          )
        if (name === 'id') return [...momentIds, '999999']
        if (name === 'sha256') return [sha!, '0'.repeat(64)]
        if (name === 'file') return ['story-1.xml', 'film-1.xml', 'person-1.xml', 'film-9.xml']
        if (name === 'kind') return ['moment', 'comment']
        return [sampleUrl(segment)]
      }
      const gets = [...new Set(app.routes.filter((r) => r.method === 'GET').map((r) => r.path))]
      const urls = new Set<string>()
      for (const path of gets) {
        routesScanned.add(path)
        for (const url of expand(path, valuesOf))
          for (const query of [
            '',
            '?page=2',
            '?page=0&limit=0&offset=-1',
            '?spoilers=ending&preview',
            '?limit=100',
          ])
            urls.add(url + query)
      }
      for (const film of films) urls.add(`/films/${film}/moments.atom`)
      for (const url of [
        `/comments/new?on=film:${FILM}`,
        `/comments/new?on=story:${STORY}`,
        `/comments/new?on=moment:${apiMoment}`,
        ...commentIds.map((id) => `/comments/new?on=film:${FILM}&reply=${id}`),
        ...commentIds.map((id) => `/comments/new?on=moment:${apiMoment}&reply=${id}`),
        `/stories/${STORY}/compare?films=${FILM},miracle-in-cell-no-7-2013`,
        `/edit/facts/new?subject=film:${FILM}`,
        `/posted?what=comment&status=pending&back=/films/${FILM}`,
        `/search?q=miracle`,
        `/search?q=canary`,
        `/api/v1/search?q=canary`,
        `/api/v1/films/${FILM}/moments?limit=50`,
        `/api/v1/stories/${STORY}/moments?limit=50`,
        `/api/v1/films/${FILM}/comments`,
        `/api/v1/moments/${apiMoment}/comments`,
        `/media/${sha}?preview`,
        `/edit/conflicts?page=2`,
        '/robots.txt',
      ])
        urls.add(url)
      for (const [role, jar] of Object.entries(jars))
        for (const url of urls) {
          const response = await call(jar, url)
          expect(response.status, `${role} GET ${url}`).toBeLessThan(500)
          await scan(`${role} GET ${url}`, response)
        }

      // What the app logged and what reached the console.
      hits.push(...findLeaks(logs.join('\n'), [...stored, ...echoed], 'app logger'))
      hits.push(...findLeaks(consoleLines.join('\n'), [...stored, ...echoed], 'console'))
      const needles: Needle[] = [...stored, ...echoed]
      print(
        `[attacks ${dialect}] canary scan: ${routesScanned.size} GET routes, ${urls.size} URLs × ${Object.keys(jars).length} clients, ` +
          `${responses} responses scanned, ${encodingsChecked(needles)} (needle, encoding) pairs checked, ` +
          `${logs.length} log lines and ${consoleLines.length} console lines scanned, ${hits.length} hits; ` +
          `${reflections.length} failed requests gave their own email back to their sender: ` +
          [
            ...new Set(
              reflections.map((r) => r.replace(/^echo: (anonymous|editor|moderator|admin) /, 'echo: ')),
            ),
          ].join('; '),
      )
      expect(hits, JSON.stringify(hits.slice(0, 10), null, 2)).toEqual([])
      expect(logs).toEqual([])
    }, 600_000)

    it('refuses a 10 MB body with 413 on every write route, reading at most its limit, and stores nothing', async () => {
      const writes = [
        ...new Set(
          app.routes
            .filter((r) => !['GET', 'HEAD', 'ALL'].includes(r.method))
            .map((r) => `${r.method} ${r.path}`),
        ),
      ]
      expect(writes.length).toBeGreaterThan(0)
      const before = {
        moment: await count('moment'),
        comment: await count('comment'),
        claim: await count('claim'),
      }
      const files = readdirSync(mediaDir).length
      const jar = jars.admin
      let tried = 0
      let refused = 0
      let maxRead = 0
      const limits = new Set<number>()
      const problems: string[] = []
      for (const route of writes) {
        const [method, path] = route.split(' ') as [string, string]
        const url = sampleUrl(path).replace('/films/x/', `/films/${FILM}/`)
        const api = path.startsWith('/api/')
        // The moment form takes a video; another route's limit is what its 413 says (and is checked).
        const known = /^\/films\/:slug\/moments$/.test(path) ? MEDIA_MAX_BYTES + BODY_LIMIT_BYTES : undefined
        const type = api
          ? 'application/json'
          : known !== undefined
            ? 'multipart/form-data; boundary=xyz'
            : 'application/x-www-form-urlencoded'
        const prefix = new TextEncoder().encode(
          api
            ? '{"title":"'
            : type.startsWith('multipart')
              ? '--xyz\r\nContent-Disposition: form-data; name="title"\r\n\r\n'
              : 'title=',
        )
        for (const mode of ['content-length', 'chunked'] as const) {
          let pulled = 0
          const body = new ReadableStream<Uint8Array>(
            {
              pull(controller) {
                if (pulled >= TEN_MB) return controller.close()
                const chunk = new Uint8Array(Math.min(CHUNK, TEN_MB - pulled)).fill(0x61)
                if (pulled === 0) chunk.set(prefix)
                pulled += chunk.byteLength
                controller.enqueue(chunk)
              },
            },
            { highWaterMark: 0 },
          )
          const headers: Record<string, string> = { 'Content-Type': type, 'X-CSRF-Token': jar.csrf }
          if (mode === 'content-length') headers['Content-Length'] = String(TEN_MB)
          else headers['Transfer-Encoding'] = 'chunked'
          tried++
          const response = await call(
            jar,
            url,
            { method, body, duplex: 'half' } as RequestInit,
            headers,
            false,
          )
          const text = await response.text()
          maxRead = Math.max(maxRead, pulled)
          const said = /larger than ([\d.]+) (KiB|MiB)/.exec(text)
          const limit = said ? Number(said[1]) * (said[2] === 'MiB' ? 1024 * 1024 : 1024) : NaN
          limits.add(limit)
          if (response.status === 413 && said) refused++
          else problems.push(`${route} (${mode}): ${response.status} ${text.slice(0, 120)}`)
          if (known !== undefined && limit !== known) problems.push(`${route}: limit ${limit}, not ${known}`)
          if (!(limit <= TEN_MB / 2)) problems.push(`${route}: a limit of ${limit} bytes`)
          if (!(pulled <= limit + CHUNK))
            problems.push(`${route} (${mode}): read ${pulled} bytes, limit ${limit}`)
        }
      }
      print(
        `[attacks ${dialect}] 10 MB bodies: ${writes.length} write routes × 2 modes = ${tried} tried, ` +
          `${refused} answered 413, at most ${maxRead} bytes read (limits said: ${[...limits].join(', ')} bytes)`,
      )
      expect(problems).toEqual([])
      expect({
        moment: await count('moment'),
        comment: await count('comment'),
        claim: await count('claim'),
      }).toEqual(before)
      expect(readdirSync(mediaDir)).toHaveLength(files)
      // The admin's session survived 10 MB sent to /logout.
      expect(await (await call(jar, '/login')).text()).toContain('Signed in as admin')
      expect(logs).toEqual([])
    }, 300_000)

    it('never answers 5xx to arbitrary input on any write route, from a stranger or a signed-in admin', async () => {
      await createAccount(storage, { username: 'fuzzer', password: PASSWORD, role: 'admin' }, FAST_SCRYPT)
      let fuzzer = await open('fuzzer')
      // Every field name a form of the site or the API's schemas has, for the fuzzer to fill in.
      const names = new Set<string>(['_csrf', 'website', 'target', 'parentId'])
      for (const url of [
        '/login',
        `/films/${FILM}/moments/new`,
        `/comments/new?on=film:${FILM}`,
        '/moderation',
        '/edit/conflicts',
        `/edit/facts/new?subject=film:${FILM}`,
      ]) {
        const html = await (await call(fuzzer, url)).text()
        for (const [, name] of html.matchAll(/name="([^"]+)"/g)) names.add(name!)
      }
      for (const schema of Object.values(OPENAPI.components.schemas) as { properties?: object }[])
        for (const name of Object.keys(schema.properties ?? {})) names.add(name)
      const momentIds = (
        await sql<{ id: number }>`select id from moment order by id`.execute(storage.db)
      ).rows.map((r) => r.id)
      const claimIds = (
        await sql<{ id: number | string }>`select id from claim order by id limit 20`.execute(storage.db)
      ).rows.map((r) => String(r.id))

      const text = fc.oneof(
        { weight: 3, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
        fc.string({ unit: 'grapheme', maxLength: 20 }),
        fc.string({ unit: 'binary', minLength: 200, maxLength: 6000 }),
        fc.constantFrom(
          '',
          ' ',
          '\0',
          'a\0b',
          '\ud800',
          '\udfff',
          'x\ud83d',
          '\u202e',
          FILM,
          `film:${FILM}`,
          `story:${STORY}`,
          `moment:${momentIds[0] ?? 1}`,
          'moment:99999999999999999999',
          'approve',
          'spam',
          'MT',
          'fan@example.com',
          'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
          'runtime_minutes',
          '132',
          '/edit/conflicts?page=999999',
          '<script>alert(1)</script>',
          "' OR 1=1 --",
          '%00',
          ...claimIds,
        ),
      )
      const number = fc.oneof(
        fc.integer(),
        fc.double(),
        fc.constantFrom(0, -1, 1e308, -1e308, 2 ** 53 + 2, 2 ** 63, 2 ** 64, 1e21, 0.5, Number.MIN_VALUE),
      )
      const value: fc.Arbitrary<unknown> = fc.oneof(
        { weight: 4, arbitrary: text },
        { weight: 2, arbitrary: number },
        fc.boolean(),
        fc.constant(null),
        fc.array(text, { maxLength: 4 }),
        fc.record(
          {
            kind: fc.constantFrom('film', 'story', 'moment', 'person', ''),
            slug: text,
            id: fc.oneof(number, text),
          },
          { requiredKeys: [] },
        ),
        fc.jsonValue({ maxDepth: 4 }),
      )
      const fields = fc
        .tuple(
          fc.dictionary(fc.constantFrom(...names), value, { maxKeys: names.size }),
          fc.dictionary(fc.string({ unit: 'binary', maxLength: 12 }), value, { maxKeys: 3 }),
        )
        .map(([known, extra]) => ({ ...extra, ...known }))
      const encoding = fc.constantFrom(
        'urlencoded',
        'urlencoded-bytes',
        'multipart',
        'multipart-broken',
        'json',
        'json-text',
        'text',
        'random-type',
        'none',
      )
      const contentType = fc.oneof(
        fc.stringMatching(/^[\x20-\x7e]{0,60}$/),
        fc.constantFrom(
          'application/json; charset=utf-16',
          'application/JSON',
          'application/jsonx',
          'application/json-patch+json',
          'application/x-www-form-urlencoded; charset=latin1',
          'multipart/form-data',
          'multipart/form-data; boundary=',
          'multipart/form-data; boundary="a b"',
          'multipart/mixed; boundary=x',
          'text/html',
          'application/octet-stream',
        ),
      )
      const asText = (v: unknown) => (typeof v === 'string' ? v : (JSON.stringify(v) ?? String(v)))
      const bodyOf = (
        kind: string,
        data: Record<string, unknown>,
        bytes: Uint8Array,
        type: string,
      ): { body?: RequestInit['body']; type?: string } => {
        switch (kind) {
          case 'urlencoded': {
            const params = new URLSearchParams()
            for (const [k, v] of Object.entries(data))
              for (const item of Array.isArray(v) ? v : [v]) params.append(k, asText(item))
            return { body: params.toString(), type: 'application/x-www-form-urlencoded' }
          }
          case 'urlencoded-bytes':
            return {
              body: Object.entries(data)
                .map(
                  ([k, v]) =>
                    `${encodeBytes(k)}=${[...bytes].map((b) => `%${b.toString(16).padStart(2, '0')}`).join('')}${encodeBytes(asText(v))}`,
                )
                .join('&'),
              type: 'application/x-www-form-urlencoded; charset=utf-8',
            }
          case 'multipart': {
            const body = new FormData()
            for (const [k, v] of Object.entries(data))
              for (const item of Array.isArray(v) ? v : [v])
                body.append(k, typeof item === 'number' && item > 0.5 ? new Blob([bytes]) : asText(item))
            if (bytes.length % 3 === 0)
              body.append('video', new File([bytes], asText(data['title'] ?? 'clip.mp4')))
            return { body }
          }
          case 'multipart-broken':
            return { body: `--x\r\nContent-Disposition: form-data; name="a"\r\n\r\n${asText(data)}`, type }
          case 'json':
            return { body: JSON.stringify(data), type: 'application/json' }
          case 'json-text':
            return {
              body:
                bytes.length % 2 === 0
                  ? `{"parentId": 1e999, "target": {"kind": "moment", "id": 123456789012345678901234567890}, "x": ${asText(data)}`
                  : Buffer.from(bytes).toString('latin1'),
              type: 'application/json',
            }
          case 'text':
            return { body: asText(data), type: 'text/plain' }
          case 'random-type':
            return { body: new Uint8Array(bytes), type }
          default:
            return {}
        }
      }
      const paramValue = (name: string, pattern: string | undefined): fc.Arbitrary<string> => {
        if (pattern?.includes('0-9'))
          return fc.oneof(
            fc.constantFrom(...momentIds.map(String), '0', '1'),
            fc.bigInt({ min: 0n, max: 10n ** 30n }).map(String),
          )
        if (pattern && /^[\w-]+(\|[\w-]+)*$/.test(pattern)) return fc.constantFrom(...pattern.split('|'))
        return fc.oneof(
          {
            weight: 3,
            arbitrary: fc.constantFrom(name === 'slug' ? FILM : 'x', STORY, 'miracle-in-cell-no-7-2013'),
          },
          fc.string({ unit: 'binary', minLength: 1, maxLength: 30 }).map(encodeBytes),
        )
      }

      const writes = [
        ...new Set(
          app.routes
            .filter((r) => !['GET', 'HEAD', 'ALL'].includes(r.method))
            .map((r) => `${r.method} ${r.path}`),
        ),
      ]
      const perRoute: Record<string, number> = {}
      const fiveHundreds: string[] = []
      const errorsLogged: string[] = []
      let sent = 0
      for (const route of writes) {
        const [method, path] = route.split(' ') as [string, string]
        const params = paramsOf(path)
        for (const sender of ['stranger', 'admin'] as const) {
          const request = fc.record({
            params: fc.tuple(...params.map((p) => paramValue(p.name, p.pattern))),
            fields,
            encoding,
            bytes: fc.uint8Array({ maxLength: 300 }),
            type: contentType,
            csrf: fc.constantFrom('header', 'field', 'both'),
          })
          await fc.assert(
            fc.asyncProperty(
              request,
              async ({ params: values, fields: data, encoding: kind, bytes, type, csrf }) => {
                if (sender === 'admin' && (path === '/logout' || path === '/login'))
                  fuzzer = await open('fuzzer')
                const jar = sender === 'admin' ? fuzzer : jars.anonymous
                let i = 0
                const url = path.replace(/:\w+(\{[^}]*\})?/g, () => values[i++]!)
                const withToken = csrf === 'header' ? data : { ...data, _csrf: jar.csrf }
                const { body, type: sentType } = bodyOf(kind, withToken, bytes, type)
                const headers: Record<string, string> = {}
                if (sentType !== undefined) headers['Content-Type'] = sentType
                if (csrf !== 'field') headers['X-CSRF-Token'] = jar.csrf
                sent++
                perRoute[`${route} as ${sender}`] = (perRoute[`${route} as ${sender}`] ?? 0) + 1
                const response = await call(
                  jar,
                  url,
                  { method, ...(body === undefined ? {} : { body }) },
                  headers,
                  false,
                )
                await response.arrayBuffer()
                const logged = logs.splice(0)
                if (response.status >= 500)
                  fiveHundreds.push(`${route} as ${sender}: ${response.status} ${kind}`)
                errorsLogged.push(...logged)
                expect(response.status, `${route} as ${sender} (${kind}) ${logged.join('\n')}`).toBeLessThan(
                  500,
                )
                expect(logged, `${route} as ${sender} (${kind})`).toEqual([])
              },
            ),
            { numRuns: FUZZ_RUNS },
          )
        }
      }
      print(
        `[attacks ${dialect}] fuzzing: ${sent} requests to ${writes.length} write routes, ${fiveHundreds.length} 5xx; ` +
          Object.entries(perRoute)
            .map(([route, n]) => `${route}: ${n}`)
            .join(', '),
      )
      expect(fiveHundreds).toEqual([])
      expect(errorsLogged).toEqual([])
      expect(consoleLines.filter((line) => /error/i.test(line))).toEqual([])
    }, 600_000)
  })
}
