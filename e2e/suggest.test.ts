import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, expect, test } from 'vitest'
import {
  audit,
  describeWithBrowser,
  formatViolations,
  launchBrowser,
  newContext,
  screenshot,
} from './support/browser.ts'
import { startApp, type RunningApp } from './support/server.ts'

// Search-as-you-type in the header: suggestions appear while typing a garbled, accent-less query,
// the keyboard moves through them and Enter opens one; screen readers get a combobox and a count.

describeWithBrowser('search suggestions in the header', () => {
  let app: RunningApp
  let browser: Browser
  let context: BrowserContext
  let page: Page

  beforeAll(async () => {
    app = await startApp()
    browser = await launchBrowser()
    context = await newContext(browser, 'desktop')
    page = await context.newPage()
    await page.goto(`${app.baseUrl}/`)
  })
  afterAll(async () => {
    await context?.close()
    await browser?.close()
    await app?.stop()
  })

  test('suggests the Turkish film for "kogustaki mucize" and opens it from the keyboard', async () => {
    const box = page.getByRole('combobox', { name: 'Stories, films, people' })
    await box.click()
    await box.pressSequentially('kogustaki mucize', { delay: 20 })
    const list = page.getByRole('listbox', { name: 'Suggestions' })
    await expect.poll(() => list.isVisible()).toBe(true)
    const first = list.getByRole('option').first()
    await expect.poll(() => first.textContent()).toContain('Miracle in Cell No. 7 (2019)')
    expect(await page.getByRole('status').textContent()).toMatch(/^\d+ suggestions$/)
    await screenshot(page, '06-suggestions')
    const violations = await audit(page)
    expect(violations, formatViolations('suggestions', violations)).toEqual([])
    await box.press('ArrowDown')
    expect(await box.getAttribute('aria-activedescendant')).toBe(await first.getAttribute('id'))
    await box.press('Enter')
    await page.waitForURL(/\/films\/7-kogustaki-mucize-2019$/)
  })

  test('Escape closes the suggestions, and the form still searches without them', async () => {
    await page.goto(`${app.baseUrl}/`)
    const box = page.getByRole('combobox', { name: 'Stories, films, people' })
    await box.pressSequentially('oldboy', { delay: 20 })
    const list = page.getByRole('listbox', { name: 'Suggestions' })
    await expect.poll(() => list.isVisible()).toBe(true)
    await box.press('Escape')
    expect(await list.isVisible()).toBe(false)
    await box.press('Enter')
    await page.waitForURL(/\/search\?q=oldboy$/)
    expect(await page.getByRole('heading', { level: 2, name: 'Stories' }).isVisible()).toBe(true)
  })
})
