import { Hono } from 'hono'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readDatasetDir } from '../src/importers/index.ts'
import { createAccount, loadDatasets, type Role } from '../src/services/index.ts'
import { createApp } from '../src/web/index.ts'
import { createSecurity, WRITES_PER_CLIENT } from '../src/web/security.ts'
import { createTestStorage, DIALECTS, type TestStorage } from './support/databases.ts'
import { BUNDLED_DATASET } from './support/datasets.ts'
import { Browser, from, PASSWORD, sampleUrl } from './support/browser.ts'

// The web side of accounts and abuse resistance, through app.request() on every database.

// The middle of a 15-minute (and so of a 1-minute) window: counts never straddle two windows.
const NOW = new Date(Math.floor(Date.now() / 900_000) * 900_000 + 450_000)
const clock = () => NOW

/**
 * Every route that is not a GET: who may use it ('anyone' still needs a CSRF token). A write route
 * missing here fails the matrix test below, so that none is added without deciding who may call it.
 */
const WRITE_ROUTES: Record<string, 'anyone' | Role> = {
  'POST /login': 'anyone',
  'POST /logout': 'anyone',
  'POST /films/:slug/moments': 'anyone',
  'POST /comments': 'anyone',
  'POST /api/v1/films/:slug/moments': 'anyone',
  'POST /api/v1/comments': 'anyone',
  'POST /moderation/:kind{moment|comment}/:id{[0-9]+}': 'moderator',
  'POST /edit/conflicts/pin': 'editor',
  'POST /edit/conflicts/unpin': 'editor',
  'POST /edit/facts': 'editor',
  'POST /edit/sources': 'editor',
  'POST /edit/candidates/:id{[0-9]+}': 'editor',
}
/** GET routes only some accounts may see. */
const PRIVATE_READS: Record<string, Role> = {
  '/moderation': 'moderator',
  '/moderation/log': 'moderator',
  '/edit/conflicts': 'editor',
  '/edit/facts/new': 'editor',
  '/edit/sources/new': 'editor',
  '/edit/sources/:slug/candidates': 'editor',
}

for (const dialect of DIALECTS) {
  describe(`web security on ${dialect}`, () => {
    let storage: TestStorage
    let app: ReturnType<typeof createApp>
    beforeAll(async () => {
      storage = await createTestStorage(dialect)
      await loadDatasets(storage, readDatasetDir(BUNDLED_DATASET).datasets)
      for (const role of ['editor', 'moderator', 'admin'] as const)
        await createAccount(storage, { username: role, password: PASSWORD, role })
      app = createApp({
        storage,
        publicUrl: 'http://localhost',
        logger: { error: () => {} },
        pageCacheSeconds: 60,
        clock,
      })
    })
    afterAll(() => storage.destroy())

    it('sends security headers and a CSP with a new nonce on each response, and pages with no inline script or style', async () => {
      const nonces: string[] = []
      for (let i = 0; i < 2; i++) {
        // The second answer comes from the page cache and still gets its own nonce.
        const response = await app.request('/films/7-kogustaki-mucize-2019')
        expect(response.headers.get('x-content-type-options')).toBe('nosniff')
        expect(response.headers.get('x-frame-options')).toBe('DENY')
        expect(response.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin')
        expect(response.headers.get('permissions-policy')).toContain('camera=()')
        expect(response.headers.get('strict-transport-security')).toBeNull()
        const csp = response.headers.get('content-security-policy')!
        expect(csp).toContain("frame-ancestors 'none'")
        expect(csp).toContain("object-src 'none'")
        const nonce = /script-src 'self' 'nonce-([\w-]+)'/.exec(csp)![1]!
        expect(csp).toContain(`style-src 'self' 'nonce-${nonce}'`)
        const html = await response.text()
        // Scripts come from the site's own hashed assets; JSON-LD is data, which CSP does not run.
        const tags = html.match(/<(script|style)\b[^>]*>/g)!
        expect(tags).toHaveLength(2)
        for (const tag of tags) {
          expect(tag).toMatch(
            /^<script (type="module" src="\/assets\/suggest\.[0-9a-f]{12}\.js"|type="application\/ld\+json")>$/,
          )
        }
        expect(html).toMatch(/<link rel="stylesheet" href="\/assets\/retold\.[0-9a-f]{12}\.css"\/?>/)
        nonces.push(nonce)
      }
      expect(nonces[0]).not.toBe(nonces[1])
    })

    it('sends HSTS only when the public URL is https, and no CSP on a 304', async () => {
      const https = createApp({ storage, publicUrl: 'https://retold.test', logger: { error: () => {} } })
      const first = await https.request('/')
      expect(first.headers.get('strict-transport-security')).toMatch(/max-age=\d+/)
      const again = await https.request('/', { headers: { 'If-None-Match': first.headers.get('etag')! } })
      expect(again.status).toBe(304)
      expect(again.headers.get('content-security-policy')).toBeNull()
    })

    it('signs in through the form with a __Host- cookie, and signing out ends the session on the server', async () => {
      const browser = new Browser(app, '192.0.2.20')
      const response = await browser.signIn('editor')
      expect(response.status).toBe(303)
      const cookie = response.headers.getSetCookie().find((c) => c.startsWith('__Host-retold-session='))!
      expect(cookie).toMatch(/; Path=\//)
      expect(cookie).toMatch(/; Secure/)
      expect(cookie).toMatch(/; HttpOnly/)
      expect(cookie).toMatch(/; SameSite=Lax/)
      expect(cookie).not.toMatch(/Domain=/i)
      const page = await browser.request('/login')
      expect(page.headers.get('cache-control')).toBe('private, no-store')
      expect(await page.text()).toContain('Signed in as editor (editor).')

      const stolen = new Map(browser.cookies)
      const out = await browser.post('/logout', { _csrf: await browser.csrf() })
      expect(out.status).toBe(303)
      expect(browser.cookies.has('__Host-retold-session')).toBe(false)
      // The old cookie, replayed, no longer signs anyone in.
      const replay = new Browser(app, '192.0.2.21')
      replay.cookies = stolen
      expect(await (await replay.request('/login')).text()).not.toContain('Signed in as')
    })

    it('gives a new session id at sign-in and ends the one the client had', async () => {
      const browser = new Browser(app, '192.0.2.30')
      await browser.signIn('editor')
      const before = browser.cookies.get('__Host-retold-session')!
      await browser.signIn('moderator')
      const after = browser.cookies.get('__Host-retold-session')!
      expect(after).not.toBe(before)
      expect(await (await browser.request('/login')).text()).toContain('Signed in as moderator')
      const old = new Browser(app, '192.0.2.31')
      old.cookies.set('__Host-retold-session', before)
      expect(await (await old.request('/login')).text()).not.toContain('Signed in as')
    })

    it('answers 401 to a wrong password and 429 with Retry-After after 10 failures from one client', async () => {
      const browser = new Browser(app, '192.0.2.40')
      for (let i = 0; i < 10; i++)
        expect((await browser.signIn('nobody', 'wrong password!')).status).toBe(401)
      const limited = await browser.signIn('admin')
      expect(limited.status).toBe(429)
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0)
      expect(await limited.text()).toContain('Too many failed sign-ins')
      // A forged X-Forwarded-For does not make it someone else: no proxy is trusted.
      const spoofed = await browser.post(
        '/login',
        { _csrf: await browser.csrf(), username: 'admin', password: PASSWORD },
        { 'X-Forwarded-For': '203.0.113.99' },
      )
      expect(spoofed.status).toBe(429)
      // Another client still signs in.
      expect((await new Browser(app, '192.0.2.41').signIn('admin')).status).toBe(303)
    })

    it('believes X-Forwarded-For only from a configured trusted proxy', async () => {
      const proxied = createApp({
        storage,
        publicUrl: 'http://localhost',
        logger: { error: () => {} },
        trustedProxies: ['10.0.0.0/8'],
        clock,
      })
      const viaProxy = new Browser(proxied, '10.1.2.3')
      const client = (address: string) => ({ 'X-Forwarded-For': `203.0.113.5, ${address}` })
      for (let i = 0; i < 10; i++) {
        const csrf = await viaProxy.csrf()
        const wrong = await viaProxy.post(
          '/login',
          { _csrf: csrf, username: 'nobody-else', password: 'wrong password!' },
          client('198.51.100.50'),
        )
        expect(wrong.status).toBe(401)
      }
      const csrf = await viaProxy.csrf()
      const fields = { _csrf: csrf, username: 'editor', password: PASSWORD }
      expect((await viaProxy.post('/login', fields, client('198.51.100.50'))).status).toBe(429)
      // The leftmost entry is the client's own claim; the proxy's is what counts.
      expect((await viaProxy.post('/login', fields, client('198.51.100.51'))).status).toBe(303)
    })

    it('refuses a form without its CSRF token, with a wrong one, or from another origin', async () => {
      const browser = new Browser(app, '192.0.2.50')
      const csrf = await browser.csrf()
      const fields = { username: 'editor', password: PASSWORD }
      expect((await browser.post('/login', fields)).status).toBe(403)
      const wrong = (csrf[0] === 'x' ? 'y' : 'x') + csrf.slice(1)
      expect((await browser.post('/login', { ...fields, _csrf: wrong })).status).toBe(403)
      expect(
        (await browser.post('/login', { ...fields, _csrf: csrf }, { Origin: 'https://evil.example' })).status,
      ).toBe(403)
      // The token of one client is worthless to another (it is bound to that client's cookie).
      expect((await new Browser(app, '192.0.2.51').post('/login', { ...fields, _csrf: csrf })).status).toBe(
        403,
      )
      expect((await browser.post('/login', { ...fields, _csrf: csrf })).status).toBe(303)
    })

    it('refuses API writes that are not JSON, before any route sees them', async () => {
      const response = await app.request(
        '/api/v1/stories',
        { method: 'POST', body: 'a=1', headers: { 'Content-Type': 'application/x-www-form-urlencoded' } },
        from('192.0.2.60'),
      )
      expect(response.status).toBe(403)
      expect(await response.json()).toMatchObject({ error: { code: 'Forbidden' } })
    })

    it('answers 413 to a body over 64 KiB', async () => {
      const browser = new Browser(app, '192.0.2.70')
      const response = await browser.post('/login', {
        _csrf: await browser.csrf(),
        username: 'editor',
        password: 'x'.repeat(70 * 1024),
      })
      expect(response.status).toBe(413)
    })

    it('answers 429 with Retry-After past 60 writes a minute from one client', async () => {
      const statuses: number[] = []
      for (let i = 0; i <= WRITES_PER_CLIENT.limit; i++)
        statuses.push((await app.request('/logout', { method: 'POST' }, from('192.0.2.80'))).status)
      expect(statuses.slice(0, -1).every((s) => s === 403)).toBe(true)
      const last = await app.request('/logout', { method: 'POST' }, from('192.0.2.80'))
      expect(last.status).toBe(429)
      expect(Number(last.headers.get('retry-after'))).toBeGreaterThan(0)
    })

    it('refuses every write route to anonymous requests, and lists each one with who may use it', async () => {
      const writes = app.routes
        .filter((r) => !['GET', 'HEAD', 'ALL'].includes(r.method))
        .map((r) => `${r.method} ${r.path}`)
      expect([...new Set(writes)].sort(), 'a write route is missing from WRITE_ROUTES').toEqual(
        Object.keys(WRITE_ROUTES).sort(),
      )
      for (const [route, role] of Object.entries(WRITE_ROUTES)) {
        const [method, path] = route.split(' ') as [string, string]
        const url = sampleUrl(path)
        // No token, no cookie: refused, whoever the route is for.
        const bare = await app.request(url, { method }, from('192.0.2.90'))
        expect([401, 403], route).toContain(bare.status)
        if (role === 'anyone') continue
        // With a valid token but no session: 401. Accounts below the role: 403.
        const anonymous = new Browser(app, '192.0.2.91')
        const csrf = await anonymous.csrf()
        expect((await anonymous.post(url, { _csrf: csrf })).status, route).toBe(401)
        for (const other of ['editor', 'moderator', 'admin'] as const) {
          const signedIn = new Browser(app, '192.0.2.92')
          await signedIn.signIn(other)
          const response = await signedIn.post(url, { _csrf: await signedIn.csrf() })
          if (
            ['editor', 'moderator', 'admin'].indexOf(other) < ['editor', 'moderator', 'admin'].indexOf(role)
          )
            expect(response.status, `${route} as ${other}`).toBe(403)
          else expect([401, 403], `${route} as ${other}`).not.toContain(response.status)
        }
      }
    })

    it('requireRole lets through only accounts at or above the role, and answers 401 without a session', async () => {
      const security = createSecurity({
        storage,
        publicUrl: 'http://localhost',
        refuse: (c, status) => c.text('refused', status),
        clock,
      })
      const guarded = new Hono()
      guarded.get('/moderate', security.requireRole('moderator'), (c) => c.text('ok'))
      expect((await guarded.request('/moderate')).status).toBe(401)
      const expected = { editor: 403, moderator: 200, admin: 200 } as const
      for (const [role, status] of Object.entries(expected)) {
        const browser = new Browser(app, `192.0.2.11${role.length}`)
        await browser.signIn(role)
        const cookie = `__Host-retold-session=${browser.cookies.get('__Host-retold-session')}`
        expect((await guarded.request('/moderate', { headers: { Cookie: cookie } })).status, role).toBe(
          status,
        )
      }
    })

    it('keeps GET routes session-free: private ones refuse anonymous readers, cached pages show no session', async () => {
      const admin = new Browser(app, '192.0.2.100')
      await admin.signIn('admin')
      const reads = [...new Set(app.routes.filter((r) => r.method === 'GET').map((r) => r.path))]
      for (const path of reads) {
        const url = sampleUrl(path)
        if (PRIVATE_READS[path]) {
          expect((await app.request(url)).status, path).toBe(401)
          continue
        }
        // Seen first by the admin, then by a stranger: what the stranger gets tells nothing of the admin.
        await admin.request(url)
        const stranger = await app.request(url, {}, from('192.0.2.101'))
        expect(stranger.status, path).toBeLessThan(500)
        if (path !== '/login') expect(await stranger.text(), path).not.toContain('admin')
      }
    })
  })
}
