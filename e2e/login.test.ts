import type { Browser, BrowserContext, ConsoleMessage, Page } from 'playwright-core'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { audit, describeWithBrowser, formatViolations, launchBrowser, newContext } from './support/browser.ts'
import { BUNDLED_DATASET, startApp, type RunningApp } from './support/server.ts'

// Signing in and out in a real browser: the __Host- session cookie is Secure, and Chromium keeps
// Secure cookies on http://127.0.0.1; no page breaks the Content-Security-Policy.

const PASSWORD = 'correct horse battery staple'

describeWithBrowser('signing in and out', () => {
  let app: RunningApp
  let browser: Browser
  let context: BrowserContext
  let page: Page
  const cspViolations: string[] = []

  beforeAll(async () => {
    app = await startApp(BUNDLED_DATASET, {
      accounts: [{ username: 'ada', password: PASSWORD, role: 'admin' }],
    })
    browser = await launchBrowser()
    context = await newContext(browser, 'desktop')
    page = await context.newPage()
    page.on('console', (message: ConsoleMessage) => {
      if (/Content Security Policy|Refused to/i.test(message.text())) cspViolations.push(message.text())
    })
  })
  afterAll(async () => {
    await context?.close()
    await browser?.close()
    await app?.stop()
  })

  test('a wrong password is refused, the right one signs in, and signing out ends the session', async () => {
    await page.goto(`${app.baseUrl}/login`)
    const accessibility = await audit(page)
    expect(accessibility, formatViolations('login', accessibility)).toEqual([])
    await page.getByLabel('Username').fill('ada')
    await page.getByLabel('Password').fill('not the password')
    await page.getByRole('button', { name: 'Sign in' }).click()
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('Wrong username or password')

    await page.getByLabel('Password').fill(PASSWORD)
    await page.getByRole('button', { name: 'Sign in' }).click()
    await expect.poll(() => page.textContent('main')).toContain('Signed in as ada (admin).')
    const session = (await context.cookies()).find((c) => c.name === '__Host-retold-session')
    expect(session).toMatchObject({ secure: true, httpOnly: true, sameSite: 'Lax', path: '/' })

    await page.getByRole('button', { name: 'Sign out' }).click()
    await page.waitForURL(`${app.baseUrl}/`)
    expect((await context.cookies()).some((c) => c.name === '__Host-retold-session')).toBe(false)
    await page.goto(`${app.baseUrl}/login`)
    expect(await page.getByRole('button', { name: 'Sign in' }).isVisible()).toBe(true)
  })

  test('pages run under the CSP without a violation: styles apply and the suggest script loads', async () => {
    await page.goto(`${app.baseUrl}/films/7-kogustaki-mucize-2019`)
    // The inline stylesheet applied (the skip link is moved off screen by it).
    expect(await page.evaluate('getComputedStyle(document.querySelector(".skip")).position')).toBe('absolute')
    const box = page.getByRole('combobox', { name: 'Stories, films, people' })
    await box.pressSequentially('oldboy', { delay: 20 })
    await expect.poll(() => page.getByRole('listbox', { name: 'Suggestions' }).isVisible()).toBe(true)
    expect(cspViolations).toEqual([])
  })
})
