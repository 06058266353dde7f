import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { describeWithBrowser, launchBrowser, newContext, screenshot } from './support/browser.ts'
import { startApp, type RunningApp } from './support/server.ts'

// The Turkish film's page, in a browser with JavaScript switched off: the answer to "Is it a true
// story?" shows both sides with their citations, and the ending stays hidden until revealed
// (a native <details>, no script needed).

const TURKISH_FILM = '/films/7-kogustaki-mucize-2019'

describeWithBrowser('the Turkish film without JavaScript', () => {
  let app: RunningApp
  let browser: Browser
  let context: BrowserContext
  let page: Page

  beforeAll(async () => {
    app = await startApp()
    browser = await launchBrowser()
    context = await newContext(browser, 'desktop', { javaScriptEnabled: false })
    page = await context.newPage()
    const response = await page.goto(`${app.baseUrl}${TURKISH_FILM}`)
    expect(response?.status()).toBe(200)
  })
  afterAll(async () => {
    await context?.close()
    await browser?.close()
    await app?.stop()
  })

  test('scripts really are off', async () => {
    // A script the page would run sets a marker; with JavaScript off it never runs.
    await page.setContent(
      '<p id="marker">off</p><script>document.getElementById("marker").textContent = "on"</script>',
    )
    expect(await page.locator('#marker').textContent()).toBe('off')
    await page.goto(`${app.baseUrl}${TURKISH_FILM}`)
  })

  test('"Is it a true story?" shows both sides, each with a citation', async () => {
    // A section named by the question, or the answer (dd) to the question's term (dt).
    const answer = page
      .getByRole('region', { name: 'Is it a true story?' })
      .or(
        page
          .locator('dt', { hasText: /^\s*Is it a true story\?\s*$/ })
          .locator('xpath=following-sibling::dd[1]'),
      )
    expect(await answer.count()).toBe(1)
    const text = await answer.innerText()
    expect(text).toMatch(/Sources disagree/)

    // One side is the value shown; the other is the note that sources disagree.
    const otherSide = answer.getByRole('note')
    expect(await otherSide.count(), 'the disagreeing side, in a role=note').toBeGreaterThan(0)
    const shownSideCitations = answer.locator('a[href^="#source-"]:not([role="note"] a)')
    const otherSideCitations = otherSide.first().locator('a[href^="#source-"]')
    expect(await shownSideCitations.count(), 'citations of the side shown').toBeGreaterThan(0)
    expect(await otherSideCitations.count(), 'citations of the other side').toBeGreaterThan(0)

    // "true" on one side, "false" on the other, whichever is shown.
    const sides = [text.replace(await otherSide.first().innerText(), ''), await otherSide.first().innerText()]
    expect(sides.join(' | ')).toMatch(/true[\s\S]*\|[\s\S]*false|false[\s\S]*\|[\s\S]*true/)

    // Every citation leads to an entry of the page's source list, which links to the source's page.
    const hrefs = new Set<string>()
    for (const link of await answer.locator('a[href^="#source-"]').all()) {
      hrefs.add((await link.getAttribute('href')) ?? '')
    }
    for (const href of hrefs) {
      const entry = page.locator(href)
      expect(await entry.count(), `${href} exists`).toBe(1)
      expect(await entry.locator('a[href^="/sources/"]').count(), `${href} links to a source page`).toBe(1)
    }
    // The founding article that says "not based on a true story" is cited for the other side.
    const otherHref = await otherSideCitations.first().getAttribute('href')
    expect(await page.locator(`${otherHref} a[href^="/sources/"]`).getAttribute('href')).toBe(
      '/sources/seed-001',
    )
  })

  test('the ending is hidden until the reader reveals it', async () => {
    const reveal = page
      .locator('details')
      .filter({ has: page.locator('summary', { hasText: /^\s*Reveal the ending/ }) })
    expect(await reveal.count()).toBe(1)
    const ending = reveal.locator('p').first()
    expect(await ending.isVisible()).toBe(false)
    await screenshot(page, 'no-js-film')

    await reveal.locator('summary').click()
    await ending.waitFor({ state: 'visible' })
    expect(await ending.isVisible()).toBe(true)
    await screenshot(page, 'no-js-film-ending-revealed')
  })
})
