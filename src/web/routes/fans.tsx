import type { Context, Hono } from 'hono'
import countries from 'i18n-iso-countries'
import { AppError, isAppError, MODERATION_ACTIONS, type ModerationAction } from '../../domain/index.ts'
import {
  buildFilmMomentsFeed,
  buildMomentsFeed,
  consumeRateLimit,
  countFilmMoments,
  findFilmViewOrThrow,
  findPublicMoment,
  findStoryViewOrThrow,
  hasRole,
  listFilmMoments,
  listModerationLog,
  listModerationQueue,
  listPublicComments,
  moderate,
  openVideo,
  postComment,
  postMoment,
  type Account,
  type CommentTargetRef,
} from '../../services/index.ts'
import { formText, safeBack, type Env, type Web } from '../context.tsx'
import { CommentFormPage, CommentsSection, type CommentDraft } from '../pages/comments.tsx'
import { ModerationLogPage, ModerationPage } from '../pages/moderation.tsx'
import {
  EMPTY_MOMENT,
  FilmMomentsPage,
  MomentFormPage,
  MomentPage,
  PostedPage,
  type MomentDraft,
} from '../pages/moments.tsx'
import { isHoneypotFilled, POSTS_PER_CLIENT } from '../security.ts'

// Fans' voices on the site: posting moments and comments (forms that work without JavaScript),
// the moments of a film, a moment's own page, uploaded videos with Range, Atom feeds of new
// moments, and the moderators' queue and log.

const MOMENTS_PER_PAGE = 20
const REGIONS = Object.keys(countries.getAlpha2Codes())

/** `film:<slug>`, `story:<slug>` or `moment:<id>`, as forms and links carry it. */
function parseCommentOn(value: string): CommentTargetRef | undefined {
  const match = /^(film|story|moment):(.{1,200})$/.exec(value)
  if (!match) return undefined
  const [, kind, key] = match as unknown as [string, 'film' | 'story' | 'moment', string]
  if (kind !== 'moment') return { kind, slug: key }
  return /^[1-9]\d{0,15}$/.test(key) ? { kind, id: Number(key) } : undefined
}

function hrefOf(ref: CommentTargetRef): string {
  return ref.kind === 'moment'
    ? `/moments/${ref.id}`
    : `/${ref.kind === 'film' ? 'films' : 'stories'}/${ref.slug}`
}

function positiveInteger(value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback
  const n = Number(value)
  if (!Number.isSafeInteger(n) || n < 1) throw new AppError('Invalid', 'page is a whole number from 1')
  return n
}

/** Posting moments and comments has its own, tighter limit per client, beside that of every write. */
export async function refusePostFlood(c: Context<Env>, web: Web): Promise<Response | undefined> {
  const limited = await consumeRateLimit(
    web.storage,
    POSTS_PER_CLIENT,
    c.get('client'),
    web.clock().getTime(),
  )
  if (limited.allowed) return undefined
  c.header('Retry-After', String(limited.retryAfterSeconds))
  return web.refuse(c, 429, 'You have posted a lot in a short time: wait a few minutes and try again.')
}

export function fanRoutes(app: Hono<Env>, web: Web): void {
  const { storage, security, render, clock, publicUrl } = web
  const moderator = security.requireRole('moderator')
  const actorOf = async (c: Context<Env>): Promise<Account> => (await security.account(c))!

  const posted = (c: Context<Env>, what: 'moment' | 'comment', status: string, back: string) =>
    c.redirect(`/posted?what=${what}&status=${status}&back=${encodeURIComponent(back)}`, 303)

  app.get('/posted', (c) => {
    const what = c.req.query('what') === 'comment' ? 'comment' : 'moment'
    c.header('Cache-Control', 'private, no-store')
    return render(
      c,
      <PostedPage
        what={what}
        status={c.req.query('status') ?? 'pending'}
        back={safeBack(c.req.query('back'))}
      />,
    )
  })

  app.get('/films/:slug/moments', async (c) => {
    const slug = c.req.param('slug')
    const { film } = await findFilmViewOrThrow(storage, slug)
    const counts = await countFilmMoments(storage, slug)
    const pages = Math.max(1, Math.ceil(counts.total / MOMENTS_PER_PAGE))
    const page = positiveInteger(c.req.query('page'), 1)
    if (page > pages) throw new AppError('NotFound', `${film.title} has ${pages} pages of moments.`)
    const moments = await listFilmMoments(storage, slug, {
      limit: MOMENTS_PER_PAGE,
      offset: (page - 1) * MOMENTS_PER_PAGE,
    })
    return render(
      c,
      <FilmMomentsPage
        film={film}
        counts={counts}
        moments={moments}
        page={page}
        pages={pages}
        url={`${publicUrl}/films/${slug}/moments${page > 1 ? `?page=${page}` : ''}`}
      />,
    )
  })

  const momentForm = async (
    c: Context<Env>,
    draft: MomentDraft,
    message?: string,
    status: 200 | 400 = 200,
  ) => {
    const view = await findFilmViewOrThrow(storage, c.req.param('slug')!)
    c.header('Cache-Control', 'private, no-store')
    return render(
      c,
      <MomentFormPage
        film={view.film}
        scenes={view.scenes}
        regions={REGIONS}
        csrf={security.csrfToken(c)}
        draft={draft}
        maxVideoMb={web.media ? Math.floor(web.media.maxBytes / 1024 / 1024) : null}
        message={message}
      />,
      status,
    )
  }
  app.get('/films/:slug/moments/new', (c) => momentForm(c, EMPTY_MOMENT))
  app.post('/films/:slug/moments', async (c) => {
    const slug = c.req.param('slug')
    const body = await c.req.parseBody()
    const field = (name: string) => formText(body, name)
    const draft: MomentDraft = {
      displayName: field('displayName'),
      country: field('country'),
      scene: field('scene'),
      title: field('title'),
      text: field('text'),
      videoUrl: field('videoUrl'),
      spoiler: field('spoiler') === 'on',
    }
    if (isHoneypotFilled(body))
      return momentForm(c, draft, 'This form looks filled in by a program, not a person.', 400)
    const limited = await refusePostFlood(c, web)
    if (limited) return limited
    const file = body['video']
    const video = file instanceof File && file.size > 0 ? new Uint8Array(await file.arrayBuffer()) : undefined
    try {
      const result = await postMoment(
        storage,
        {
          ...draft,
          email: field('email'),
          film: slug,
          scene: draft.scene || undefined,
          text: draft.text || undefined,
          videoUrl: draft.videoUrl || undefined,
          video,
        },
        { media: web.media, now: clock() },
      )
      if (result.status === 'approved') web.changed()
      return posted(
        c,
        'moment',
        result.status,
        result.status === 'approved' ? `/moments/${result.id}` : `/films/${slug}`,
      )
    } catch (error) {
      if (isAppError(error) && error.code === 'Invalid') return momentForm(c, draft, error.message, 400)
      throw error
    }
  })

  app.get('/moments/:id{[0-9]+}', async (c) => {
    const id = Number(c.req.param('id'))
    const moment = await findPublicMoment(storage, id)
    if (!moment) throw new AppError('NotFound', `There is no moment ${id}.`)
    const { film } = await findFilmViewOrThrow(storage, moment.film.slug)
    const comments = await listPublicComments(storage, { kind: 'moment', id })
    return render(
      c,
      <MomentPage moment={moment} film={film} url={`${publicUrl}/moments/${id}`}>
        <CommentsSection comments={comments} on={`moment:${id}`} />
      </MomentPage>,
    )
  })

  const atom = (c: Context<Env>, feed: string) =>
    c.body(feed, 200, { 'Content-Type': 'application/atom+xml; charset=utf-8' })
  app.get('/moments.atom', async (c) => atom(c, await buildMomentsFeed(storage, { publicUrl, now: clock() })))
  app.get('/films/:slug/moments.atom', async (c) =>
    atom(c, await buildFilmMomentsFeed(storage, c.req.param('slug'), { publicUrl, now: clock() })),
  )

  /** What a comment is about, with a title and a link back, or a 404. */
  const commentTarget = async (on: string) => {
    const ref = parseCommentOn(on)
    if (!ref)
      throw new AppError(
        'Invalid',
        'on: say what the comment is about, as film:<slug>, story:<slug> or moment:<id>.',
      )
    let title: string
    if (ref.kind === 'moment') {
      const moment = await findPublicMoment(storage, ref.id)
      if (!moment) throw new AppError('NotFound', `There is no moment ${ref.id}.`)
      title = moment.title
    } else if (ref.kind === 'film') title = (await findFilmViewOrThrow(storage, ref.slug)).film.title
    else title = (await findStoryViewOrThrow(storage, ref.slug)).story.title
    return { ref, about: { title, href: hrefOf(ref) } }
  }

  const commentForm = async (
    c: Context<Env>,
    on: string,
    reply: string,
    draft: CommentDraft,
    message?: string,
    status: 200 | 400 = 200,
  ) => {
    const { ref, about } = await commentTarget(on)
    const replyTo = reply
      ? (await listPublicComments(storage, ref)).find((t) => String(t.id) === reply)
      : undefined
    if (reply && !replyTo)
      throw new AppError('NotFound', `There is no comment ${reply} on ${about.title} to reply to.`)
    c.header('Cache-Control', 'private, no-store')
    return render(
      c,
      <CommentFormPage
        on={on}
        about={about}
        replyTo={replyTo ?? null}
        csrf={security.csrfToken(c)}
        draft={draft}
        message={message}
      />,
      status,
    )
  }
  app.get('/comments/new', (c) =>
    commentForm(c, c.req.query('on') ?? '', c.req.query('reply') ?? '', { name: '', body: '' }),
  )
  app.post('/comments', async (c) => {
    const body = await c.req.parseBody()
    const field = (name: string) => formText(body, name)
    const on = field('on')
    const reply = field('reply')
    const draft = { name: field('name'), body: field('body') }
    if (isHoneypotFilled(body))
      return commentForm(c, on, reply, draft, 'This form looks filled in by a program, not a person.', 400)
    const limited = await refusePostFlood(c, web)
    if (limited) return limited
    const { ref } = await commentTarget(on)
    try {
      const result = await postComment(
        storage,
        {
          target: ref,
          parentId: /^[1-9]\d{0,15}$/.test(reply) ? Number(reply) : undefined,
          ...draft,
          email: field('email'),
        },
        { now: clock() },
      )
      if (result.status === 'approved') web.changed()
      return posted(c, 'comment', result.status, `${hrefOf(ref)}#comments`)
    } catch (error) {
      if (isAppError(error) && error.code === 'Invalid')
        return commentForm(c, on, reply, draft, error.message, 400)
      throw error
    }
  })

  app.get('/moderation', moderator, async (c) => {
    c.header('Cache-Control', 'private, no-store')
    const items = await listModerationQueue(storage, await actorOf(c), { limit: 100 })
    return render(c, <ModerationPage items={items} csrf={security.csrfToken(c)} />)
  })
  app.get('/moderation/log', moderator, async (c) => {
    c.header('Cache-Control', 'private, no-store')
    return render(
      c,
      <ModerationLogPage entries={await listModerationLog(storage, await actorOf(c), { limit: 200 })} />,
    )
  })
  app.post('/moderation/:kind{moment|comment}/:id{[0-9]+}', moderator, async (c) => {
    const action = formText(await c.req.parseBody(), 'action')
    if (!MODERATION_ACTIONS.includes(action as ModerationAction))
      throw new AppError('Invalid', `action is one of ${MODERATION_ACTIONS.join(', ')}.`)
    const target = { kind: c.req.param('kind') as 'moment' | 'comment', id: Number(c.req.param('id')) }
    await moderate(storage, await actorOf(c), target, action as ModerationAction, { now: clock() })
    web.changed()
    return c.redirect('/moderation', 303)
  })
}

/** Uploaded videos, from the media folder, whole or by byte range; a moderator may preview one not yet published. */
export function videoRoutes(app: Hono<Env>, web: Web): void {
  const { storage, security } = web
  app.get('/media/:sha256', async (c) => {
    if (!web.media) throw new AppError('NotFound', 'This site keeps no uploaded videos.')
    const preview = c.req.query('preview') !== undefined
    if (preview) {
      const who = await security.account(c)
      if (!who || !hasRole(who.role, 'moderator'))
        return web.refuse(c, 403, 'Only moderators may preview a video that is not published.')
    }
    const video = await openVideo(storage, web.media, c.req.param('sha256'), c.req.header('range'), {
      unpublished: preview,
    })
    c.header('Accept-Ranges', 'bytes')
    // The address is the content's hash, but a moderator may still take the moment down.
    c.header('Cache-Control', preview ? 'private, no-store' : 'public, max-age=3600')
    if (video === 'unsatisfiable') {
      c.header('Content-Range', 'bytes */*')
      return c.body(null, 416)
    }
    c.header('Content-Type', video.type)
    if (!video.range) {
      c.header('Content-Length', String(video.size))
      return c.body(video.body, 200)
    }
    c.header('Content-Range', `bytes ${video.range.start}-${video.range.end}/${video.size}`)
    c.header('Content-Length', String(video.range.end - video.range.start + 1))
    return c.body(video.body, 206)
  })
}
