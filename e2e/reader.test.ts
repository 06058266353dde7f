import type { Browser, BrowserContext, Locator, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import {
  describeWithBrowser,
  launchBrowser,
  newContext,
  screenshot,
  VIEWPORT_NAMES,
  type ViewportName,
} from './support/browser.ts'
import { startApp, type RunningApp } from './support/server.ts'

// A reader's journey through Miracle in Cell No. 7, clicking what a reader clicks, at desktop and
// phone widths: home → story → the Turkish film → reveal the ending → compare the versions.

const STORY = '/stories/miracle-in-cell-no-7'
const TURKISH_FILM = '/films/7-kogustaki-mucize-2019'
/** The released versions the issue names: KR 2013, TR 2019, PH 2019, ID 2022. */
const RELEASED = [
  { slug: 'miracle-in-cell-no-7-2013', year: '2013' },
  { slug: '7-kogustaki-mucize-2019', year: '2019' },
  { slug: 'miracle-in-cell-no-7-2019', year: '2019' },
  { slug: 'miracle-in-cell-no-7-2022', year: '2022' },
]

function pathOf(page: Page): string {
  const url = new URL(page.url())
  return url.pathname + url.search
}

/** The `<details>` whose `<summary>` starts with "Reveal the ending". */
function endingReveal(page: Page) {
  return page
    .locator('details')
    .filter({ has: page.locator('summary', { hasText: /^\s*Reveal the ending/ }) })
}

/** The section listing every version of the story (a region named "Every version"), or `main`. */
function everyVersion(page: Page) {
  return page
    .getByRole('region', { name: /every version/i })
    .or(page.locator('main'))
    .first()
}

/** The item of the list of versions (a card or a table row) that contains the text or element. */
function versionItem(page: Page, has: string | Locator) {
  const items = everyVersion(page).locator('li, tr')
  return (typeof has === 'string' ? items.filter({ hasText: has }) : items.filter({ has })).first()
}

/** Whether the page is wider than the viewport (the reader has to scroll sideways). */
async function overflowsSideways(page: Page): Promise<number> {
  return Number(await page.evaluate('document.documentElement.scrollWidth - window.innerWidth'))
}

describeWithBrowser('a reader follows Miracle in Cell No. 7', () => {
  let app: RunningApp
  let browser: Browser

  beforeAll(async () => {
    app = await startApp()
    browser = await launchBrowser()
  })
  afterAll(async () => {
    await browser?.close()
    await app?.stop()
  })

  describe.each(VIEWPORT_NAMES)('at %s width', (viewport: ViewportName) => {
    let context: BrowserContext
    let page: Page

    beforeAll(async () => {
      context = await newContext(browser, viewport)
      page = await context.newPage()
    })
    afterAll(async () => {
      await context?.close()
    })

    test('home → story → film → reveal the ending', async () => {
      const home = await page.goto(`${app.baseUrl}/`)
      expect(home?.status()).toBe(200)
      await screenshot(page, '01-home')

      await page.getByRole('link', { name: 'Miracle in Cell No. 7', exact: true }).click()
      await page.waitForURL(`**${STORY}`)
      expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Miracle in Cell No. 7')
      await screenshot(page, '02-story')

      // Three versions are called "Miracle in Cell No. 7" in English: the reader picks the one that
      // shows the Turkish original title, in the list (or table) of every version.
      const turkishLink = versionItem(page, '7. Koğuştaki Mucize').getByRole('link').first()
      expect(await turkishLink.getAttribute('href')).toBe(TURKISH_FILM)
      await turkishLink.click()
      await page.waitForURL(`**${TURKISH_FILM}`)
      expect(await page.getByRole('heading', { level: 1 }).innerText()).toMatch(/2019/)

      const reveal = endingReveal(page)
      expect(await reveal.count()).toBe(1)
      const ending = reveal.locator('p').first()
      expect(await ending.textContent()).toMatch(/\S/)
      expect(await reveal.getAttribute('open')).toBeNull()
      expect(await ending.isVisible()).toBe(false)
      await screenshot(page, '03-film')

      await reveal.locator('summary').click()
      await ending.waitFor({ state: 'visible' })
      expect(await ending.isVisible()).toBe(true)
      expect(await reveal.getAttribute('open')).not.toBeNull()
      await screenshot(page, '04-film-ending-revealed')
    })

    test('film → story → compare versions', async () => {
      await page.goto(`${app.baseUrl}${TURKISH_FILM}`)
      // The film page names its story: "· story: Miracle in Cell No. 7".
      await page.locator(`main a[href="${STORY}"]`).first().click()
      await page.waitForURL(`**${STORY}`)

      // A link "Compare versions", or a form of that name (pick versions, then submit it).
      const compare = page
        .getByRole('link', { name: /compare versions/i })
        .or(page.getByRole('button', { name: /compare versions/i }))
        .or(
          page
            .getByRole('form', { name: /compare versions/i })
            .getByRole('button')
            .last(),
        )
        .first()
      expect(await compare.count(), 'the story page has a link or form named "Compare versions"').toBe(1)
      await compare.click()
      await page.waitForURL(/\/stories\/miracle-in-cell-no-7\/compare\?films=/)
      expect(pathOf(page)).toMatch(/^\/stories\/miracle-in-cell-no-7\/compare\?films=/)
      expect(await page.getByRole('heading', { level: 1 }).innerText()).toMatch(/^Compare/)
      await screenshot(page, '05-compare')
    })

    test('pages fit the width: no sideways scrolling', async () => {
      const overflowing: string[] = []
      for (const path of ['/', STORY, TURKISH_FILM, '/people/aras-bulut-iynemli', '/sources/seed-001']) {
        await page.goto(`${app.baseUrl}${path}`)
        const extra = await overflowsSideways(page)
        if (extra > 0) overflowing.push(`${path} is ${extra}px wider than the ${viewport} viewport`)
      }
      expect(overflowing, overflowing.join('\n')).toEqual([])
    })
  })

  describe('the story page of Miracle in Cell No. 7', () => {
    let context: BrowserContext
    let page: Page

    beforeAll(async () => {
      context = await newContext(browser, 'desktop')
      page = await context.newPage()
      await page.goto(`${app.baseUrl}${STORY}`)
    })
    afterAll(async () => {
      await context?.close()
    })

    test('shows all its released versions', async () => {
      for (const { slug, year } of RELEASED) {
        const link = page.locator(`main a[href="/films/${slug}"]`)
        expect(await link.count(), `a link to /films/${slug}`).toBeGreaterThan(0)
        const item = versionItem(page, page.locator(`a[href="/films/${slug}"]`))
        expect(await item.innerText(), `the entry of ${slug}`).toContain(year)
      }
      // And every released version the API knows.
      const response = await fetch(`${app.baseUrl}/api/v1${STORY}`)
      const story = (await response.json()) as { versions: { slug: string; status: string }[] }
      const released = story.versions.filter((v) => v.status === 'released').map((v) => v.slug)
      expect(released.length).toBeGreaterThanOrEqual(RELEASED.length)
      const missing: string[] = []
      for (const slug of released) {
        if ((await page.locator(`main a[href="/films/${slug}"]`).count()) === 0) missing.push(slug)
      }
      expect(missing, missing.join(', ')).toEqual([])
    })

    test('shows a map of where the versions were made', async () => {
      // An svg titled "Where …" (role img, or group when its countries are links), or an image or
      // figure named "map".
      const map = page
        .locator('main svg')
        .filter({ has: page.locator('title', { hasText: /where/i }) })
        .or(page.getByRole('img', { name: /map|where/i }))
        .or(page.getByRole('figure', { name: /map|where/i }).locator('svg'))
      expect(await map.count(), 'an svg titled "Where …", or an image named "map"').toBeGreaterThan(0)
      expect(await map.first().getAttribute('role'), 'the map has a role (img or group)').toMatch(
        /^(img|group)$/,
      )
      expect(await map.first().isVisible()).toBe(true)
    })

    test('shows a timeline of the versions', async () => {
      const section = page
        .locator('section')
        .filter({ has: page.getByRole('heading', { name: /timeline|when/i }) })
      expect(await section.count(), 'a section headed "Timeline" or "When …"').toBeGreaterThan(0)
      const items = section.last().locator('ol > li')
      expect(await items.count(), 'an ordered list, one item per version at least').toBeGreaterThanOrEqual(
        RELEASED.length,
      )
      const text = await section.last().locator('ol').first().innerText()
      for (const year of ['2013', '2019', '2022']) expect(text).toContain(year)
    })

    test('shows the characters across versions', async () => {
      const table = page
        .getByRole('table')
        .filter({ has: page.getByRole('columnheader', { name: 'Character' }) })
      expect(await table.count()).toBe(1)
      // Lee Yong-gu = Memo = Lito = Dodo, as the README promises.
      const father = table.getByRole('row').filter({ hasText: 'Lee Yong-gu' })
      const text = await father.first().innerText()
      for (const name of ['Lee Yong-gu', 'Memo', 'Lito', 'Dodo']) expect(text).toContain(name)
    })
  })

  describe('promises every page keeps', () => {
    let context: BrowserContext
    let page: Page

    beforeAll(async () => {
      context = await newContext(browser, 'desktop')
      page = await context.newPage()
    })
    afterAll(async () => {
      await context?.close()
    })

    test('the stylesheet reaches the browser intact (no HTML entities inside <style>)', async () => {
      // Text inside <style> is not HTML: `&quot;` or `&gt;` there is CSS garbage, and the browser
      // drops the whole rule (the font, `ul.cards > li`, …).
      const problems: string[] = []
      for (const path of ['/', STORY, TURKISH_FILM]) {
        await page.goto(`${app.baseUrl}${path}`)
        const lines = (await page.evaluate(
          `[...document.querySelectorAll('style')].flatMap((s) => s.textContent.split('\\n'))
             .filter((line) => /&(quot|amp|lt|gt|apos|#\\d+|#x[0-9a-f]+);/i.test(line))`,
        )) as string[]
        for (const line of lines) problems.push(`${path}: ${line.trim().slice(0, 160)}`)
        const font = String(await page.evaluate('getComputedStyle(document.body).fontFamily'))
        if (/^"?Times New Roman"?$/.test(font))
          problems.push(`${path}: the body font is the browser's default (${font})`)
      }
      expect(problems, problems.join('\n')).toEqual([])
    })

    test("nothing on the story or film page gives the Turkish film's ending away", async () => {
      // The ending: Yusuf, another prisoner, hangs in Memo's place. Until the reader opens
      // "Reveal the ending", no visible text may say so (character names and descriptions included).
      const twist = /takes (his|Memo's) place|in Memo's place|instead of the father|goes to the gallows/i
      const leaks: string[] = []
      for (const path of [STORY, TURKISH_FILM]) {
        await page.goto(`${app.baseUrl}${path}`)
        const visible = await page.locator('main').innerText()
        if (path === TURKISH_FILM) {
          const ending = ((await endingReveal(page).locator('p').first().textContent()) ?? '').trim()
          expect(ending.length).toBeGreaterThan(20)
          expect(visible, 'innerText leaves closed <details> out').not.toContain(ending.slice(0, 60))
        }
        for (const line of visible.split('\n')) if (twist.test(line)) leaks.push(`${path}: ${line.trim()}`)
      }
      expect(leaks, leaks.join('\n')).toEqual([])
    })
  })

  test('the app logged no request failures', () => {
    expect(app.errors).toEqual([])
  })
})
