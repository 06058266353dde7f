import type { Context, Hono } from 'hono'
import { AppError, isAppError, QUALIFIER_NAMES } from '../../domain/index.ts'
import {
  acceptCandidate,
  findCandidateOrThrow,
  ingestArticle,
  parseValueText,
  rejectCandidate,
  reviewCandidates,
  type Account,
  type CandidateEdits,
} from '../../services/index.ts'
import { formText, type Env, type Web } from '../context.tsx'
import { CandidateQueuePage, NewSourcePage, type SourceDraft } from '../pages/ingest.tsx'

// Editors take an article in (pasted text or HTML, or an uploaded page) and review the claims it
// seems to make: accept, edit then accept, or reject each. Forms work without JavaScript: a POST
// answers 303, or 400 with the page again and what is wrong.

const EMPTY_DRAFT: SourceDraft = { text: '', url: '' }

function formatOf(name: string): 'html' | 'text' | undefined {
  return /\.html?$/i.test(name) ? 'html' : /\.txt$/i.test(name) ? 'text' : undefined
}

export function ingestRoutes(app: Hono<Env>, web: Web): void {
  const { storage, security, render, clock } = web
  const editor = security.requireRole('editor')
  const actorOf = async (c: Context<Env>): Promise<Account> => (await security.account(c))!

  const newSourcePage = (c: Context<Env>, draft: SourceDraft, message?: string) => {
    c.header('Cache-Control', 'private, no-store')
    return render(
      c,
      <NewSourcePage csrf={security.csrfToken(c)} draft={draft} message={message} />,
      message ? 400 : 200,
    )
  }
  app.get('/edit/sources/new', editor, (c) => newSourcePage(c, EMPTY_DRAFT))

  app.post('/edit/sources', editor, async (c) => {
    const body = await c.req.parseBody()
    const { t } = c.get('ui')
    const draft = { text: formText(body, 'text'), url: formText(body, 'url').trim() }
    const file = body.file
    let input = draft.text
    let format: 'html' | 'text' | undefined
    if (file instanceof File && file.size > 0) {
      input = await file.text()
      format = formatOf(file.name)
      if (input.includes('\u0000')) return newSourcePage(c, draft, t('ingest.new.binary'))
    }
    if (input.trim() === '') return newSourcePage(c, draft, t('ingest.new.empty'))
    if (draft.url !== '' && !/^https?:\/\/[^\s]+$/i.test(draft.url))
      return newSourcePage(c, draft, t('ingest.new.url-invalid'))
    if (!web.articles) return newSourcePage(c, draft, t('ingest.unavailable'))
    let slug: string
    let created: boolean
    try {
      const article = web.articles.read(input, { url: draft.url || undefined, format })
      const result = await ingestArticle(storage, article, web.articles.extract, { now: clock() })
      slug = result.source.slug
      created = result.created
    } catch (error) {
      if (isAppError(error)) return newSourcePage(c, draft, error.message)
      throw error
    }
    return c.redirect(`/edit/sources/${slug}/candidates${created ? '' : '?existing'}`, 303)
  })

  const queuePage = async (
    c: Context<Env>,
    slug: string,
    options: { message?: string; existing?: boolean } = {},
  ) => {
    const review = await reviewCandidates(storage, slug)
    c.header('Cache-Control', 'private, no-store')
    return render(
      c,
      <CandidateQueuePage
        source={review.source}
        candidates={review.candidates}
        conflicted={review.conflicted}
        csrf={security.csrfToken(c)}
        existing={options.existing ?? false}
        message={options.message}
      />,
      options.message ? 400 : 200,
    )
  }
  app.get('/edit/sources/:slug/candidates', editor, (c) =>
    queuePage(c, c.req.param('slug'), { existing: c.req.query('existing') !== undefined }),
  )

  app.post('/edit/candidates/:id{[0-9]+}', editor, async (c) => {
    const body = await c.req.parseBody()
    const id = Number(c.req.param('id'))
    const { candidate, sourceSlug } = await findCandidateOrThrow(storage, id)
    const action = formText(body, 'action')
    try {
      if (action === 'reject') {
        await rejectCandidate(storage, await actorOf(c), id, { now: clock() })
      } else if (action === 'accept') {
        const edits: CandidateEdits =
          formText(body, 'edited') === ''
            ? {}
            : {
                value: parseValueText(candidate.property, formText(body, 'value')),
                qualifiers: Object.fromEntries(
                  QUALIFIER_NAMES.flatMap((name) => {
                    const value = formText(body, `q.${name}`).trim()
                    return value === '' ? [] : [[name, value]]
                  }),
                ),
              }
        await acceptCandidate(storage, await actorOf(c), id, edits, { now: clock() })
        web.changed()
      } else {
        throw new AppError('Invalid', c.get('ui').t('ingest.candidate.action-invalid'))
      }
    } catch (error) {
      if (isAppError(error) && error.code !== 'NotFound')
        return queuePage(c, sourceSlug, { message: error.message })
      throw error
    }
    return c.redirect(`/edit/sources/${sourceSlug}/candidates#candidate-${id}`, 303)
  })
}
