import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import {
  audit,
  describeWithBrowser,
  formatViolations,
  launchBrowser,
  newContext,
  screenshot,
  signIn,
  VIEWPORT_NAMES,
  type ViewportName,
} from './support/browser.ts'
import { startApp, type RunningApp } from './support/server.ts'

// axe-core on every kind of page, at desktop and phone widths: no serious or critical violations.

interface Audited {
  name: string
  path: string
  status?: number
  /** Puts the page in the state to audit (after loading it). */
  prepare?: (page: Page) => Promise<void>
  /** Seen by a signed-in admin: the moderators' and editors' pages. */
  signedIn?: boolean
}

const ADMIN = { username: 'ada', password: 'correct horse battery staple', role: 'admin' } as const

const PAGES: Audited[] = [
  { name: 'home', path: '/' },
  { name: 'story', path: '/stories/miracle-in-cell-no-7' },
  { name: 'film', path: '/films/7-kogustaki-mucize-2019' },
  {
    name: 'film-revealed',
    path: '/films/7-kogustaki-mucize-2019',
    prepare: async (page) => {
      // The reader reveals the ending; the other spoilers are opened too so that axe sees them.
      await page.locator('summary', { hasText: /^\s*Reveal the ending/ }).click()
      await page.evaluate(`document.querySelectorAll('details').forEach((d) => { d.open = true })`)
    },
  },
  {
    name: 'compare',
    path: '/stories/miracle-in-cell-no-7/compare?films=miracle-in-cell-no-7-2013&films=7-kogustaki-mucize-2019',
  },
  { name: 'person', path: '/people/aras-bulut-iynemli' },
  { name: 'source', path: '/sources/seed-001' },
  { name: 'not-found', path: '/films/no-such-film', status: 404 },
  { name: 'film-moments', path: '/films/7-kogustaki-mucize-2019/moments' },
  {
    name: 'moment-form',
    path: '/films/7-kogustaki-mucize-2019/moments/new',
    prepare: async (page) => {
      await page.locator('summary', { hasText: /Pick the scene/ }).click()
    },
  },
  { name: 'comment-form', path: '/comments/new?on=film%3A7-kogustaki-mucize-2019' },
  { name: 'posted', path: '/posted?what=moment&status=pending&back=%2F' },
  { name: 'login', path: '/login' },
  { name: 'moderation', path: '/moderation', signedIn: true },
  { name: 'edit-conflicts', path: '/edit/conflicts', signedIn: true },
  { name: 'edit-fact', path: '/edit/facts/new?subject=film%3A7-kogustaki-mucize-2019', signedIn: true },
]

describeWithBrowser('accessibility (axe-core): no serious or critical violations', () => {
  let app: RunningApp
  let browser: Browser

  beforeAll(async () => {
    app = await startApp(undefined, { accounts: [ADMIN] })
    browser = await launchBrowser()
  })
  afterAll(async () => {
    await browser?.close()
    await app?.stop()
  })

  test('the audit finds what it should (an image without text, an empty link)', async () => {
    const context = await newContext(browser, 'desktop')
    try {
      const page = await context.newPage()
      await page.setContent(
        '<html lang="en"><title>t</title><main><img src="a.png"><a href="/"></a></main></html>',
      )
      const ids = (await audit(page)).map((v) => v.id)
      expect(ids).toEqual(expect.arrayContaining(['image-alt', 'link-name']))
    } finally {
      await context.close()
    }
  })

  describe.each(VIEWPORT_NAMES)('at %s width', (viewport: ViewportName) => {
    let context: BrowserContext

    beforeAll(async () => {
      context = await newContext(browser, viewport)
    })
    afterAll(async () => {
      await context?.close()
    })

    test.each(PAGES)('$name ($path)', async ({ name, path, status = 200, prepare, signedIn }) => {
      const page = await context.newPage()
      try {
        if (signedIn && !(await context.cookies()).some((c) => c.name === '__Host-retold-session')) {
          await signIn(page, app.baseUrl, ADMIN)
        }
        const response = await page.goto(`${app.baseUrl}${path}`)
        expect(response?.status()).toBe(status)
        await prepare?.(page)
        await screenshot(page, `axe-${name}`)
        const violations = await audit(page)
        const report = formatViolations(`${name} (${path}) at ${viewport} width`, violations)
        if (violations.length > 0) console.log(report)
        expect(
          violations.map((v) => v.id),
          report,
        ).toEqual([])
      } finally {
        await page.close()
      }
    })
  })
})
