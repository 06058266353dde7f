import type { Result as AxeResult } from 'axe-core'
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join, resolve } from 'node:path'
import { isMainThread } from 'node:worker_threads'
import {
  chromium,
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  type Page,
} from 'playwright-core'
import { describe } from 'vitest'

// Browser tests drive Debian's Chromium (the `chromium` package) through playwright-core: no browser
// download. CHROMIUM_PATH points elsewhere. Outside CI a missing browser skips the browser tests with
// a message; in CI (CI=true) it fails the run, as a missing PostgreSQL does.

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium'
export const HAS_BROWSER = existsSync(CHROMIUM_PATH)

if (!HAS_BROWSER) {
  const message =
    `No Chromium at ${CHROMIUM_PATH}: install Debian's \`chromium\` package (apt-get install chromium) ` +
    'or set CHROMIUM_PATH to a Chromium or Chrome executable.'
  if (process.env.CI === 'true') throw new Error(`CI=true and the browser tests cannot run. ${message}`)
  console.warn(`Skipping the browser tests. ${message}`)
}

/** `describe`, skipped with the message above when there is no browser to drive. */
export const describeWithBrowser = describe.skipIf(!HAS_BROWSER)

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS })
}

export type ViewportName = 'desktop' | 'phone'

export const VIEWPORTS: Record<ViewportName, BrowserContextOptions> = {
  desktop: { viewport: { width: 1280, height: 800 } },
  phone: { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true },
}

export const VIEWPORT_NAMES = Object.keys(VIEWPORTS) as ViewportName[]

const viewportOf = new WeakMap<BrowserContext, ViewportName>()

/** A fresh context (cookies, cache) at the given width; `options` adds to it (javaScriptEnabled …). */
/** Signs `page` in through the sign-in form; the site answers with the sign-in page saying who is signed in. */
export async function signIn(page: Page, baseUrl: string, account: { username: string; password: string }) {
  await page.goto(`${baseUrl}/login`)
  await page.getByLabel('Username').fill(account.username)
  await page.getByLabel('Password').fill(account.password)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await page.waitForURL(`${baseUrl}/login`)
}

export async function newContext(
  browser: Browser,
  viewport: ViewportName,
  options: BrowserContextOptions = {},
): Promise<BrowserContext> {
  const context = await browser.newContext({ ...VIEWPORTS[viewport], locale: 'en-GB', ...options })
  // Well under the test timeout, so that a missing element fails with Playwright's message
  // (what it waited for) rather than vitest's "test timed out".
  context.setDefaultTimeout(5_000)
  context.setDefaultNavigationTimeout(15_000)
  viewportOf.set(context, viewport)
  return context
}

// Screenshots -------------------------------------------------------------------------------------

export const SCREENSHOT_DIR = resolve(import.meta.dirname, '../../test-results/screenshots')

// Each test file runs in its own worker; they share the vitest process that started them. The first
// file of a run empties the folder (so it holds this run's screenshots only) and prints where it is.
const RUN_ID = String(isMainThread ? process.ppid : process.pid)
const RUN_MARKER = join(SCREENSHOT_DIR, '.run')
let screenshotDirReady = false

function ensureScreenshotDir(): void {
  if (screenshotDirReady) return
  screenshotDirReady = true
  mkdirSync(SCREENSHOT_DIR, { recursive: true })
  const previous = existsSync(RUN_MARKER) ? readFileSync(RUN_MARKER, 'utf8') : ''
  if (previous === RUN_ID) return
  for (const file of readdirSync(SCREENSHOT_DIR)) {
    if (file.endsWith('.png')) rmSync(join(SCREENSHOT_DIR, file))
  }
  writeFileSync(RUN_MARKER, RUN_ID)
  console.log(`Screenshots of this run: ${SCREENSHOT_DIR}`)
}

/**
 * A full-page PNG of the page as it is now, named `<name>.<viewport>.png`; the viewport is the one
 * the page's context was made with by `newContext`. Returns the file's path.
 */
export async function screenshot(page: Page, name: string): Promise<string> {
  ensureScreenshotDir()
  const viewport =
    viewportOf.get(page.context()) ?? ((page.viewportSize()?.width ?? 1280) < 600 ? 'phone' : 'desktop')
  const file = join(SCREENSHOT_DIR, `${name.replace(/[^a-z0-9-]+/gi, '-')}.${viewport}.png`)
  // Fonts for every script must have loaded, or the screenshot shows boxes that readers never see.
  await page.evaluate('document.fonts.ready.then(() => true)').catch(() => undefined)
  await page.screenshot({ path: file, fullPage: true })
  return file
}

// Accessibility -----------------------------------------------------------------------------------

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')

export type Violation = Pick<AxeResult, 'id' | 'impact' | 'help' | 'helpUrl' | 'nodes'>

/** Runs axe-core on the page; returns the violations whose impact is serious or critical. */
export async function audit(page: Page): Promise<Violation[]> {
  // Evaluated through the DevTools protocol rather than added as a <script>: the site's
  // Content-Security-Policy (rightly) refuses inline scripts without its nonce.
  if (!(await page.evaluate("typeof window.axe === 'object'"))) await page.evaluate(`${AXE_SOURCE}\n;0`)
  // A string, not a function: it runs in the page, where `axe` and `document` are (tsconfig has no DOM).
  const violations = (await page.evaluate(`
    axe.run(document, { resultTypes: ['violations'] }).then((results) =>
      results.violations.map(({ id, impact, help, helpUrl, nodes }) => ({
        id, impact, help, helpUrl,
        nodes: nodes.map(({ target, html, failureSummary, impact }) => ({ target, html, failureSummary, impact })),
      })),
    )
  `)) as Violation[]
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
}

/** One paragraph per violation: rule, impact, help, how many elements, and the first of them. */
export function formatViolations(label: string, violations: readonly Violation[]): string {
  if (violations.length === 0) return `${label}: no serious or critical violations`
  const lines = violations.map((v) => {
    const [first] = v.nodes
    const target = first ? first.target.join(' ') : '(no element)'
    const summary = first?.failureSummary?.replace(/\s*\n\s*/g, ' ') ?? ''
    return [
      `- ${v.id} (${v.impact}): ${v.help} [${v.nodes.length} element${v.nodes.length === 1 ? '' : 's'}]`,
      `    first: ${target}`,
      first ? `    html:  ${first.html.slice(0, 200)}` : '',
      summary ? `    why:   ${summary.slice(0, 400)}` : '',
      `    rule:  ${v.helpUrl}`,
    ]
      .filter(Boolean)
      .join('\n')
  })
  return `${label}: ${violations.length} serious or critical violations\n${lines.join('\n')}`
}
