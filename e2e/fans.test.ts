import type { Browser, BrowserContext, Locator, Page } from 'playwright-core'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { describeWithBrowser, launchBrowser, newContext, screenshot, signIn } from './support/browser.ts'
import { BUNDLED_DATASET, startApp, type RunningApp } from './support/server.ts'

// A fan's voice on the site, as the "done when" tells it: John from Malta, with no account,
// shares the moment that moved him in the Turkish film; it waits until a moderator approves it,
// then readers find it on the film's page, folded behind a spoiler summary until they open it.
// Then comments and replies, posted through the forms in a browser with JavaScript off.

const FILM = '/films/7-kogustaki-mucize-2019'
const MODERATOR = { username: 'mira', password: 'a long moderator passphrase', role: 'moderator' as const }
const MOMENT = {
  name: 'John',
  email: 'john@example.mt',
  country: 'Malta',
  scene: 'Memo and Ova meet again after the escape',
  title: 'Goosebumps when Memo finds Ova again',
  text: 'When Memo finally meets his daughter Ova after everyone helped him escape, I had goosebumps: freedom and family ties.',
}
const COMMENT = {
  name: 'Ayşe',
  email: 'ayse@example.org',
  body: 'I watched it with my father. We both cried at the same scene.',
}
const REPLY = { name: 'John', email: MOMENT.email, body: 'Same here: my father still talks about it.' }

/** The moment's card on a page: the `article` whose (possibly folded) title is the moment's. */
function momentCard(page: Page): Locator {
  return page.locator('article.moment').filter({ has: page.locator('h3', { hasText: MOMENT.title }) })
}

describeWithBrowser('a fan shares a moment and readers comment', () => {
  let app: RunningApp
  let browser: Browser
  let visitor: BrowserContext
  let moderator: BrowserContext
  let reader: Page
  let desk: Page

  /** Approves, as the signed-in moderator, the queued item whose text contains `text`. */
  async function approve(text: string, screenshotName?: string): Promise<void> {
    await desk.goto(`${app.baseUrl}/moderation`)
    const item = desk.locator('ol.queue > li').filter({ hasText: text })
    expect(await item.count(), `one queued item says "${text}"`).toBe(1)
    if (screenshotName) await screenshot(desk, screenshotName)
    await item.getByRole('button', { name: 'Approve' }).click()
    await desk.waitForURL(`${app.baseUrl}/moderation`)
    expect(await desk.locator('ol.queue > li').filter({ hasText: text }).count()).toBe(0)
  }

  beforeAll(async () => {
    app = await startApp(BUNDLED_DATASET, { accounts: [MODERATOR] })
    browser = await launchBrowser()
    visitor = await newContext(browser, 'desktop')
    moderator = await newContext(browser, 'desktop')
    reader = await visitor.newPage()
    desk = await moderator.newPage()
  })
  afterAll(async () => {
    await visitor?.close()
    await moderator?.close()
    await browser?.close()
    await app?.stop()
  })

  test('John from Malta shares a spoiler moment; it shows, folded, once a moderator approves it', async () => {
    await reader.goto(`${app.baseUrl}${FILM}`)
    await reader.getByRole('link', { name: 'Share the moment that moved you' }).first().click()
    await reader.waitForURL(`**${FILM}/moments/new`)
    await screenshot(reader, 'fans-01-moment-form')

    await reader.getByLabel('Your name, as it will be shown').fill(MOMENT.name)
    await reader.getByLabel('Email').fill(MOMENT.email)
    await reader.getByLabel('Your country').selectOption({ label: MOMENT.country })
    // The scenes are named inside a folded <details>: their names may spoil the film.
    const sceneSelect = reader.getByLabel('Scene', { exact: true })
    expect(await sceneSelect.isVisible()).toBe(false)
    await reader.getByText('Pick the scene').click()
    await sceneSelect.selectOption({ label: MOMENT.scene })
    await reader.getByLabel('Title').fill(MOMENT.title)
    await reader.getByLabel('What moved you').fill(MOMENT.text)
    await reader.getByLabel(/gives away the plot/).check()
    await screenshot(reader, 'fans-02-moment-form-filled')
    await reader.getByRole('button', { name: 'Share the moment' }).click()

    await reader.waitForURL(/\/posted\?/)
    expect(await reader.getByRole('heading', { level: 1 }).innerText()).toBe(
      'Thank you: a moderator will read it',
    )
    expect(await reader.locator('main').getByRole('status').innerText()).toMatch(
      /once a moderator has read it/,
    )
    await screenshot(reader, 'fans-03-posted')

    await reader.getByRole('link', { name: 'Back to where you were' }).click()
    await reader.waitForURL(`**${FILM}`)
    expect(await momentCard(reader).count(), 'a pending moment is not on the film page').toBe(0)
    expect(await reader.locator('main').innerText()).not.toContain(MOMENT.title)

    await signIn(desk, app.baseUrl, MODERATOR)
    await expect.poll(() => desk.textContent('main')).toContain('Signed in as mira (moderator).')
    await approve(MOMENT.title, 'fans-04-moderation-queue')

    // The reader is still on the film page: reloading asks the site again (Cache-Control: no-cache).
    await reader.reload()
    const card = momentCard(reader)
    expect(await card.count(), 'the approved moment is on the film page').toBe(1)
    const title = card.getByRole('link', { name: MOMENT.title, includeHidden: true })
    const text = card.locator('.moment-text')
    expect(await card.innerText()).toContain('John from Malta')
    expect(await title.isVisible(), 'the title is folded').toBe(false)
    expect(await text.isVisible(), 'the text is folded').toBe(false)
    await card.scrollIntoViewIfNeeded()
    await screenshot(reader, 'fans-05-film-moment-folded')

    await card.getByText('Contains spoilers: show this moment').click()
    await title.waitFor({ state: 'visible' })
    expect(await text.isVisible()).toBe(true)
    expect(await text.innerText()).toBe(MOMENT.text)
    expect(await card.innerText()).toContain(`Scene: ${MOMENT.scene}`)
    await screenshot(reader, 'fans-06-film-moment-revealed')

    // Its own page, and the film's list of moments, fold it as well.
    await title.click()
    await reader.waitForURL(/\/moments\/\d+$/)
    expect(await reader.locator('.moment-text').isVisible()).toBe(false)
    await reader.getByText('Contains spoilers: show this moment').click()
    expect(await reader.locator('.moment-text').innerText()).toBe(MOMENT.text)
    await screenshot(reader, 'fans-07-moment-page')
    await reader.goto(`${app.baseUrl}${FILM}/moments`)
    expect(await momentCard(reader).count()).toBe(1)
    await screenshot(reader, 'fans-08-film-moments')

    // The form and the film's moments at phone width, to look at.
    const phone = await newContext(browser, 'phone')
    try {
      const small = await phone.newPage()
      await small.goto(`${app.baseUrl}${FILM}/moments/new`)
      await small.getByText('Pick the scene').click()
      await screenshot(small, 'fans-01-moment-form')
      await small.goto(`${app.baseUrl}${FILM}/moments`)
      await screenshot(small, 'fans-08-film-moments')
    } finally {
      await phone.close()
    }
  })

  test('a comment and a reply are posted through the forms with JavaScript off', async () => {
    const noScript = await newContext(browser, 'desktop', { javaScriptEnabled: false })
    try {
      const page = await noScript.newPage()
      await page.goto(`${app.baseUrl}${FILM}`)
      const comments = page.getByRole('region', { name: 'Comments' })
      await comments.getByRole('link', { name: 'Write a comment' }).click()
      await page.waitForURL(/\/comments\/new\?on=film%3A7-kogustaki-mucize-2019$/)
      await page.getByLabel('Name').fill(COMMENT.name)
      await page.getByLabel('Email').fill(COMMENT.email)
      await page.getByLabel('Comment').fill(COMMENT.body)
      await screenshot(page, 'fans-09-comment-form-no-js')
      await page.getByRole('button', { name: 'Post the comment' }).click()
      await page.waitForURL(/\/posted\?what=comment&status=pending/)
      expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe(
        'Thank you: a moderator will read it',
      )
      await page.getByRole('link', { name: 'Back to where you were' }).click()
      await page.waitForURL(`**${FILM}#comments`)
      expect(await comments.innerText()).not.toContain(COMMENT.body)

      await approve(COMMENT.body)
      await page.reload()
      const thread = comments.locator('ol.comments > li').filter({ hasText: COMMENT.body })
      expect(await thread.count(), 'the approved comment is on the film page').toBe(1)
      expect(await thread.innerText()).toContain(COMMENT.name)

      // John's moment was approved, so his reply is published at once.
      await thread.getByRole('link', { name: 'Reply' }).click()
      await page.waitForURL(/\/comments\/new\?on=film%3A7-kogustaki-mucize-2019&reply=\d+$/)
      expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe(`Reply to ${COMMENT.name}`)
      expect(await page.locator('blockquote').innerText()).toContain(COMMENT.body)
      await page.getByLabel('Name').fill(REPLY.name)
      await page.getByLabel('Email').fill(REPLY.email)
      await page.getByLabel('Comment').fill(REPLY.body)
      await screenshot(page, 'fans-10-reply-form-no-js')
      await page.getByRole('button', { name: 'Post the comment' }).click()
      await page.waitForURL(/\/posted\?what=comment&status=approved/)
      expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Thank you: it is published')
      await page.getByRole('link', { name: 'Back to where you were' }).click()
      await page.waitForURL(`**${FILM}#comments`)
      // The film page this browser saw a moment ago is asked for again (no-cache): the reply is there.

      const reply = thread.locator('ol.replies > li')
      expect(await reply.count()).toBe(1)
      expect(await reply.innerText()).toContain(REPLY.name)
      expect(await reply.innerText()).toContain(REPLY.body)
      await comments.scrollIntoViewIfNeeded()
      await screenshot(page, 'fans-11-film-comments-no-js')
      // No email reaches the page.
      expect(await page.content()).not.toContain(COMMENT.email)
      expect(await page.content()).not.toContain(REPLY.email)
    } finally {
      await noScript.close()
    }
    expect(app.errors).toEqual([])
  })
})
