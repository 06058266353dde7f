import type { Context } from 'hono'
import type { Child } from 'hono/jsx'
import type { ArticleReader, MediaOptions, Storage } from '../services/index.ts'
import { UiContext, type Ui } from './i18n/ui.ts'
import type { Refuse, Security, SecurityVariables } from './security.ts'

// What every group of routes is given: the storage, the site's address, security and page rendering.

export type Env = { Variables: { ui: Ui } & SecurityVariables }

export type PageStatus = 200 | 201 | 400 | 401 | 403 | 404 | 409 | 413 | 416 | 422 | 429 | 500 | 503

export interface Web {
  storage: Storage
  /** The site's address as readers see it, for canonical links and feeds. */
  publicUrl: string
  security: Security
  /** The time, for rate limits, sessions and posting dates; tests fix it. */
  clock: () => Date
  render: (c: Context<Env>, page: Child, status?: PageStatus) => Response | Promise<Response>
  /** Answers 401, 403, 413 or 429 with a message, as a page or as JSON under /api/. */
  refuse: Refuse
  /** Where fans' uploaded videos are kept; undefined when the site takes no uploads. */
  media: MediaOptions | undefined
  /** Reads articles editors add as sources (the article importer); undefined when the site reads none. */
  articles: ArticleReader | undefined
  /** Call after a change readers can see (a published moment, a fact): cached pages are dropped. */
  changed: () => void
}

export function renderPage(c: Context<Env>, page: Child, status: PageStatus = 200) {
  return c.html(<UiContext.Provider value={c.get('ui')}>{page}</UiContext.Provider>, status)
}

/** A submitted form's text field, or '' (a file or a missing field is not text). */
export function formText(body: Record<string, unknown>, name: string): string {
  const value = body[name]
  return typeof value === 'string' ? value : ''
}

/** A local path to return to: never another site ("//evil.example") or a scheme. */
export function safeBack(value: string | undefined): string {
  return value && /^\/(?!\/)[^\s\\]*$/.test(value) ? value : '/'
}
