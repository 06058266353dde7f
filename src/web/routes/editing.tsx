import type { Context, Hono } from 'hono'
import { AppError, isAppError, QUALIFIER_NAMES } from '../../domain/index.ts'
import {
  addClaim,
  findSubjectOrThrow,
  listConflicts,
  listFactsAbout,
  parseValueText,
  pinClaim,
  unpinClaim,
  type Account,
  type NamedSubject,
} from '../../services/index.ts'
import { formText, safeBack, type Env, type Web } from '../context.tsx'
import { ConflictsPage, EMPTY_FACT, FactFormPage, type FactDraft } from '../pages/editing.tsx'

// Editors' work on facts: the conflicts queue with its pin and unpin forms, and the form that adds or
// corrects a fact with its source. Forms work without JavaScript: a POST answers 303, or 400 with the
// form again and what is wrong.

const CONFLICTS_PER_PAGE = 25

function pageNumber(value: string | undefined): number {
  if (value === undefined) return 1
  const n = Number(value)
  if (!Number.isSafeInteger(n) || n < 1) throw new AppError('Invalid', 'page is a whole number from 1')
  return n
}

/** The queue page a pin form was sent from. */
function pageOf(back: string): number {
  return Number(/^\/edit\/conflicts\?page=(\d{1,6})$/.exec(back)?.[1] ?? 1)
}

function draftOf(body: Record<string, unknown>): FactDraft {
  const field = (name: string) => formText(body, name)
  return {
    property: field('property'),
    value: field('value'),
    qualifiers: Object.fromEntries(QUALIFIER_NAMES.map((name) => [name, field(`q.${name}`)])),
    source: field('source'),
    sourceUrl: field('sourceUrl'),
    sourceTitle: field('sourceTitle'),
    sourceKind: field('sourceKind'),
    quote: field('quote'),
    reason: field('reason'),
  }
}

/** The claim a draft describes, as addClaim takes it: empty fields are left out. */
function claimOf(subject: string, draft: FactDraft) {
  const filled = (value: string) => (value.trim() === '' ? undefined : value)
  return {
    subject,
    property: draft.property,
    value: parseValueText(draft.property, draft.value),
    qualifiers: Object.fromEntries(
      Object.entries(draft.qualifiers).flatMap(([name, value]) => (filled(value) ? [[name, value]] : [])),
    ),
    source: filled(draft.source)
      ? { slug: draft.source.trim() }
      : { url: draft.sourceUrl.trim(), title: draft.sourceTitle, kind: draft.sourceKind || undefined },
    quote: filled(draft.quote) ?? null,
    reason: draft.reason,
  }
}

export function editingRoutes(app: Hono<Env>, web: Web): void {
  const { storage, security, render, clock } = web
  const editor = security.requireRole('editor')
  const actorOf = async (c: Context<Env>): Promise<Account> => (await security.account(c))!

  const conflictsPage = async (c: Context<Env>, page: number, message?: string, status: 200 | 400 = 200) => {
    const { total, items } = await listConflicts(storage, await actorOf(c), {
      limit: CONFLICTS_PER_PAGE,
      offset: (page - 1) * CONFLICTS_PER_PAGE,
    })
    const pages = Math.max(1, Math.ceil(total / CONFLICTS_PER_PAGE))
    c.header('Cache-Control', 'private, no-store')
    return render(
      c,
      <ConflictsPage
        items={items}
        total={total}
        page={page}
        pages={pages}
        csrf={security.csrfToken(c)}
        message={message}
      />,
      status,
    )
  }
  app.get('/edit/conflicts', editor, (c) => conflictsPage(c, pageNumber(c.req.query('page'))))

  for (const [path, change] of [
    ['/edit/conflicts/pin', pinClaim],
    ['/edit/conflicts/unpin', unpinClaim],
  ] as const) {
    app.post(path, editor, async (c) => {
      const body = await c.req.parseBody()
      const back = safeBack(formText(body, 'back'))
      try {
        await change(
          storage,
          await actorOf(c),
          { claimId: formText(body, 'claim'), reason: formText(body, 'reason') },
          { now: clock() },
        )
      } catch (error) {
        if (isAppError(error)) return conflictsPage(c, pageOf(back), error.message, 400)
        throw error
      }
      web.changed()
      return c.redirect(back.startsWith('/edit/conflicts') ? back : '/edit/conflicts', 303)
    })
  }

  const factForm = async (
    c: Context<Env>,
    subject: NamedSubject,
    draft: FactDraft,
    options: { saved?: boolean; message?: string; status?: 200 | 400 } = {},
  ) => {
    c.header('Cache-Control', 'private, no-store')
    return render(
      c,
      <FactFormPage
        subject={subject}
        facts={await listFactsAbout(storage, subject)}
        csrf={security.csrfToken(c)}
        draft={draft}
        saved={options.saved ?? false}
        message={options.message}
      />,
      options.status ?? 200,
    )
  }
  app.get('/edit/facts/new', editor, async (c) => {
    const subject = await findSubjectOrThrow(storage, c.req.query('subject') ?? '')
    return factForm(c, subject, EMPTY_FACT, { saved: c.req.query('saved') !== undefined })
  })
  app.post('/edit/facts', editor, async (c) => {
    const body = await c.req.parseBody()
    const ref = formText(body, 'subject')
    const subject = await findSubjectOrThrow(storage, ref)
    const draft = draftOf(body)
    try {
      await addClaim(storage, await actorOf(c), claimOf(ref, draft), { now: clock() })
    } catch (error) {
      if (isAppError(error)) return factForm(c, subject, draft, { message: error.message, status: 400 })
      throw error
    }
    web.changed()
    return c.redirect(`/edit/facts/new?subject=${subject.kind}:${subject.slug}&saved`, 303)
  })
}
