import { existsSync, readdirSync } from 'node:fs'
import { serveStatic } from '@hono/node-server/serve-static'
import { Hono, type Context } from 'hono'
import { setCookie } from 'hono/cookie'
import { etag } from 'hono/etag'
import countries from 'i18n-iso-countries'
import { AppError, isAppError, type ErrorCode } from '../domain/index.ts'
import {
  answerQuestions,
  findFilmViewOrThrow,
  findPersonViewOrThrow,
  findSourceViewOrThrow,
  findStoryViewOrThrow,
  isDatabaseReachable,
  listSlugPage,
  listStorySummaries,
  searchCatalog,
  endSession,
  signIn,
  countStoryMoments,
  countFilmMoments,
  listFilmMoments,
  listPublicComments,
  listStoryMoments,
  type ArticleReader,
  type MediaOptions,
  type Storage,
} from '../services/index.ts'
import { createApi, OPENAPI } from './api.ts'
import { SUGGEST_SCRIPT } from './assets.ts'
import { errorBody, STATUS_OF } from './errors.ts'
import { worldGeometry } from './geo.ts'
import { createPageCache } from './page-cache.ts'
import { formText, renderPage, safeBack, type Env, type Web } from './context.tsx'
import { uiFor } from './i18n/ui.ts'
import { ComparePage } from './pages/compare.tsx'
import { ErrorPage } from './pages/error.tsx'
import { FilmPage } from './pages/film.tsx'
import { HomePage } from './pages/home.tsx'
import { STYLESHEET } from './pages/layout.tsx'
import { CommentsSection } from './pages/comments.tsx'
import { versionLabel } from './pages/facts.tsx'
import { LoginPage } from './pages/login.tsx'
import { MomentsSection } from './pages/moments.tsx'
import { PersonPage } from './pages/person.tsx'
import { PreferencesPage } from './pages/preferences.tsx'
import { SearchPage } from './pages/search.tsx'
import { SourcePage } from './pages/source.tsx'
import { StoryPage } from './pages/story.tsx'
import {
  detectReader,
  isLanguageCode,
  isRegionCode,
  LANGUAGE_COOKIE,
  READER_LANGUAGES,
  REGION_COOKIE,
} from './reader.ts'
import { editingRoutes } from './routes/editing.tsx'
import { ingestRoutes } from './routes/ingest.tsx'
import { fanRoutes, videoRoutes } from './routes/fans.tsx'
import { BODY_LIMIT_BYTES, createSecurity, isHoneypotFilled, type Refuse } from './security.ts'
import { movieJsonLd } from './seo.ts'

export interface Logger {
  error(details: object, message: string): void
}

export interface AppDeps {
  storage: Storage
  /** The site's address as readers see it, for canonical links, sitemaps and feeds. */
  publicUrl: string
  logger: Logger
  /** A folder of posters named after film slugs (`7-kogustaki-mucize-2019.jpg`); optional. */
  posterDir?: string | undefined
  /** How long rendered pages are kept (0: render every request). */
  pageCacheSeconds?: number | undefined
  /** Proxies (addresses or CIDR ranges) whose X-Forwarded-For names the client; none by default. */
  trustedProxies?: readonly string[] | undefined
  /** The time, for rate limits and sessions; tests fix it. */
  clock?: (() => Date) | undefined
  /** Where fans' uploaded videos are kept, and how large one may be; without it, no uploads. */
  media?: MediaOptions | undefined
  /** Reads the articles editors add as sources (src/importers/article); without it, the form refuses them. */
  articles?: ArticleReader | undefined
}

const ARTICLE_BODY_LIMIT_BYTES = 2 * 1024 * 1024
const POSTER = /^([a-z0-9-]+)\.(jpe?g|png|webp|avif)$/
const SITEMAP_PAGE = 50_000 // the sitemap protocol's limit of URLs per file
const YEAR = 60 * 60 * 24 * 365
const REFUSAL_CODE = {
  401: 'Unauthorized',
  403: 'Forbidden',
  413: 'TooLarge',
  429: 'TooManyRequests',
} as const

function findPosters(dir: string | undefined): Map<string, string> {
  if (!dir || !existsSync(dir)) return new Map()
  return new Map(
    readdirSync(dir).flatMap((name) => {
      const match = POSTER.exec(name)
      return match ? [[match[1]!, `/posters/${name}`] as const] : []
    }),
  )
}

function xml(c: Context, body: string) {
  return c.body(`<?xml version="1.0" encoding="UTF-8"?>\n${body}`, 200, {
    'Content-Type': 'application/xml; charset=utf-8',
  })
}

function escapeXml(text: string): string {
  return text.replace(/[<>&'"]/g, (ch) => `&#${ch.charCodeAt(0)};`)
}

export function createApp({
  storage,
  publicUrl,
  logger,
  posterDir,
  pageCacheSeconds = 0,
  trustedProxies,
  clock = () => new Date(),
  media,
  articles,
}: AppDeps) {
  const app = new Hono<Env>()
  const posters = findPosters(posterDir)
  worldGeometry() // project the world map once, at start, rather than on the first story page
  const regions = Object.keys(countries.getAlpha2Codes())

  const render = renderPage

  const fail = (c: Context<Env>, code: ErrorCode, message: string) => {
    const status = STATUS_OF[code]
    if (c.req.path.startsWith('/api/')) return c.json(errorBody(code, message), status)
    return render(c, <ErrorPage status={status} message={message} />, status as 404)
  }

  const refuse: Refuse = (c, status, message) => {
    c.header('Cache-Control', 'no-store')
    if (c.req.path.startsWith('/api/'))
      return c.json({ error: { code: REFUSAL_CODE[status], message } }, status)
    return render(c as Context<Env>, <ErrorPage status={status} message={message} />, status)
  }
  // A moment's form carries its video: that one route takes a body as large as the largest video;
  // an article an editor adds as a source may be a whole saved web page.
  const bodyLimitFor = (c: Context) =>
    media && c.req.method === 'POST' && /^\/films\/[^/]+\/moments$/.test(c.req.path)
      ? media.maxBytes + BODY_LIMIT_BYTES
      : c.req.method === 'POST' && c.req.path === '/edit/sources'
        ? ARTICLE_BODY_LIMIT_BYTES
        : BODY_LIMIT_BYTES
  const security = createSecurity({ storage, publicUrl, trustedProxies, refuse, clock, bodyLimitFor })

  // Outermost, so that every response, cached or not, gets the headers and a fresh CSP nonce.
  app.use(security.headers)
  app.use(async (c, next) => {
    c.set('ui', uiFor(detectReader(c)))
    await next()
  })
  app.use(security.guardWrites)
  app.onError((error, c) => {
    if (isAppError(error)) return fail(c, error.code, error.message)
    logger.error({ err: error, path: c.req.path }, 'request failed')
    return fail(c, 'Internal', 'Something went wrong on our side; it has been logged.')
  })
  app.notFound((c) => fail(c, 'NotFound', `Nothing is at ${c.req.path}.`))

  const cache = createPageCache({
    seconds: pageCacheSeconds,
    variant: (c) => {
      const { reader } = (c as Context<Env>).get('ui')
      return `${reader.language}|${reader.region ?? ''}`
    },
  })
  const web: Web = {
    storage,
    publicUrl,
    security,
    clock,
    render,
    refuse,
    media,
    articles,
    changed: () => cache.clear(),
  }
  // Videos stream from disk with byte ranges: never through the page cache or the body's ETag.
  videoRoutes(app, web)
  app.use(cache.middleware)
  // Pages and API answers are revalidated cheaply: an ETag of the body.
  app.use(etag({ weak: true }))
  app.use(async (c, next) => {
    await next()
    if (c.req.method === 'GET' && c.res.status === 200 && !c.res.headers.has('Cache-Control')) {
      if (c.req.path.startsWith('/api/'))
        c.header('Cache-Control', 'public, max-age=60, stale-while-revalidate=600')
      else {
        // Pages change when fans post and moderators approve: browsers ask again each time, and a
        // page that has not changed costs a 304 from the page cache.
        c.header('Cache-Control', 'public, no-cache')
        c.header('Vary', 'Accept-Language, Cookie')
      }
    }
  })

  app.get('/healthz', async (c) => {
    c.header('Cache-Control', 'no-store')
    return (await isDatabaseReachable(storage))
      ? c.json({ status: 'ok', database: storage.dialect })
      : c.json({ status: 'unavailable', database: storage.dialect }, 503)
  })

  app.get('/api/openapi.json', (c) => c.json(OPENAPI))
  app.route('/api/v1', createApi(web))

  fanRoutes(app, web)
  editingRoutes(app, web)
  ingestRoutes(app, web)

  app.get('/', async (c) => {
    const { items } = await listStorySummaries(storage, { limit: 100, offset: 0 })
    return render(c, <HomePage stories={items} url={`${publicUrl}/`} />)
  })
  app.get('/stories/:slug', async (c) => {
    const slug = c.req.param('slug')
    const view = await findStoryViewOrThrow(storage, slug)
    const titles = new Map(view.versions.map((v) => [v.slug, versionLabel(v, c.get('ui'))]))
    const fans = (
      <>
        <MomentsSection
          moments={await listStoryMoments(storage, slug, { limit: 6 })}
          total={(await countStoryMoments(storage, slug)).total}
          allHref={null}
          newHref={null}
          filmTitles={titles}
        />
        <CommentsSection
          comments={await listPublicComments(storage, { kind: 'story', slug })}
          on={`story:${slug}`}
        />
      </>
    )
    return render(c, <StoryPage view={view} url={`${publicUrl}/stories/${slug}`} fans={fans} />)
  })
  app.get('/stories/:slug/compare', async (c) => {
    const slug = c.req.param('slug')
    const view = await findStoryViewOrThrow(storage, slug)
    const wanted = (c.req.queries('films') ?? []).flatMap((value) => value.split(',')).filter(Boolean)
    const unknown = wanted.filter((film) => !view.versions.some((v) => v.slug === film))
    if (unknown.length > 0)
      throw new AppError('Invalid', `Not a version of ${view.story.title}: ${unknown.join(', ')}.`)
    const chosen = view.versions.filter((v) => wanted.includes(v.slug))
    const url = `${publicUrl}/stories/${slug}/compare?films=${chosen.map((v) => v.slug).join(',')}`
    return render(c, <ComparePage view={view} chosen={chosen} url={url} />)
  })
  app.get('/films/:slug', async (c) => {
    const slug = c.req.param('slug')
    const view = await findFilmViewOrThrow(storage, slug)
    const url = `${publicUrl}/films/${slug}`
    const poster = posters.get(slug) ?? null
    const image = poster && `${publicUrl}${poster}`
    const answers = answerQuestions(view, c.get('ui').reader.region)
    const fans = (
      <>
        <MomentsSection
          moments={await listFilmMoments(storage, slug, { limit: 6 })}
          total={(await countFilmMoments(storage, slug)).total}
          allHref={`/films/${slug}/moments`}
          newHref={`/films/${slug}/moments/new`}
        />
        <CommentsSection
          comments={await listPublicComments(storage, { kind: 'film', slug })}
          on={`film:${slug}`}
        />
      </>
    )
    return render(
      c,
      <FilmPage
        view={view}
        answers={answers}
        url={url}
        poster={poster}
        jsonLd={movieJsonLd(view, url, image)}
        fans={fans}
      />,
    )
  })
  app.get('/people/:slug', async (c) => {
    const slug = c.req.param('slug')
    return render(
      c,
      <PersonPage view={await findPersonViewOrThrow(storage, slug)} url={`${publicUrl}/people/${slug}`} />,
    )
  })
  app.get('/sources/:slug', async (c) => {
    const slug = c.req.param('slug')
    return render(
      c,
      <SourcePage view={await findSourceViewOrThrow(storage, slug)} url={`${publicUrl}/sources/${slug}`} />,
    )
  })

  app.get('/search', async (c) => {
    const q = (c.req.query('q') ?? '').trim().slice(0, 200)
    return render(c, <SearchPage response={q ? await searchCatalog(storage, q, 30) : null} />)
  })

  app.get('/preferences', (c) => {
    const { language, region, back } = c.req.query()
    if (language === undefined && region === undefined) {
      c.header('Cache-Control', 'private, no-store')
      return render(
        c,
        <PreferencesPage
          languages={READER_LANGUAGES}
          regions={regions}
          back={safeBack(back ?? c.req.header('referer')?.replace(/^https?:\/\/[^/]+/, ''))}
        />,
      )
    }
    if (language !== undefined && !isLanguageCode(language))
      throw new AppError('Invalid', 'language is an ISO 639 code such as en or tr')
    if (region !== undefined && region !== 'XWW' && !(isRegionCode(region) && regions.includes(region))) {
      throw new AppError('Invalid', 'region is an ISO 3166 country code such as TR, or XWW for worldwide')
    }
    const cookie = {
      path: '/',
      maxAge: YEAR,
      httpOnly: true,
      sameSite: 'Lax',
      secure: publicUrl.startsWith('https:'),
    } as const
    if (language) setCookie(c, LANGUAGE_COOKIE, language, cookie)
    if (region) setCookie(c, REGION_COOKIE, region, cookie)
    c.header('Cache-Control', 'no-store')
    return c.redirect(safeBack(back), 303)
  })

  // Sign-in pages show the session, so they are never cached; cached pages never depend on it.
  app.get('/login', async (c) => {
    c.header('Cache-Control', 'private, no-store')
    const account = await security.account(c)
    return render(
      c,
      <LoginPage account={account} csrf={security.csrfToken(c)} back={safeBack(c.req.query('back'))} />,
    )
  })
  app.post('/login', async (c) => {
    c.header('Cache-Control', 'no-store')
    const body = await c.req.parseBody()
    const field = (name: string) => formText(body, name)
    const username = field('username')
    const back = safeBack(field('back'))
    const again = (status: 400 | 401 | 429, message: string) =>
      render(
        c,
        <LoginPage
          account={undefined}
          csrf={security.csrfToken(c)}
          back={back}
          username={username}
          message={message}
        />,
        status,
      )
    if (isHoneypotFilled(body)) return again(400, 'This form looks filled in by a program, not a person.')
    const result = await signIn(
      storage,
      {
        username,
        password: field('password'),
        client: c.get('client'),
        previousToken: security.sessionToken(c),
      },
      clock(),
    )
    if (!result.ok) {
      if (result.reason === 'wrong') return again(401, result.message)
      c.header('Retry-After', String(result.retryAfterSeconds))
      return again(429, result.message)
    }
    security.setSessionCookie(c, result.session.token)
    return c.redirect(back === '/' ? '/login' : back, 303)
  })
  app.post('/logout', async (c) => {
    const token = security.sessionToken(c)
    if (token) await endSession(storage, token)
    security.clearSessionCookie(c)
    c.header('Cache-Control', 'no-store')
    return c.redirect('/', 303)
  })

  app.get(SUGGEST_SCRIPT.path, (c) => {
    c.header('Cache-Control', 'public, max-age=31536000, immutable')
    return c.body(SUGGEST_SCRIPT.code, 200, { 'Content-Type': 'text/javascript; charset=utf-8' })
  })
  app.get(STYLESHEET.path, (c) => {
    c.header('Cache-Control', 'public, max-age=31536000, immutable')
    return c.body(STYLESHEET.code, 200, { 'Content-Type': 'text/css; charset=utf-8' })
  })

  app.get('/robots.txt', (c) =>
    c.text(
      `User-agent: *\nAllow: /\nDisallow: /api/\nDisallow: /preferences\n\nSitemap: ${publicUrl}/sitemap.xml\n`,
    ),
  )
  app.get('/sitemap.xml', async (c) => {
    const files: string[] = []
    for (const kind of ['story', 'film', 'person'] as const) {
      const { total } = await listSlugPage(storage, kind, { limit: 1, offset: 0 })
      for (let page = 1; (page - 1) * SITEMAP_PAGE < total; page++)
        files.push(`${publicUrl}/sitemaps/${kind}-${page}.xml`)
    }
    const entries = files.map((loc) => `  <sitemap><loc>${escapeXml(loc)}</loc></sitemap>`).join('\n')
    return xml(
      c,
      `<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${entries}\n</sitemapindex>\n`,
    )
  })
  app.get('/sitemaps/:file{(story|film|person)-[0-9]+\\.xml}', async (c) => {
    const [, kind, page] = /^(story|film|person)-(\d+)\.xml$/.exec(c.req.param('file'))!
    const path = { story: 'stories', film: 'films', person: 'people' }[kind as 'story' | 'film' | 'person']
    const { items } = await listSlugPage(storage, kind as 'story', {
      limit: SITEMAP_PAGE,
      offset: (Number(page) - 1) * SITEMAP_PAGE,
    })
    if (items.length === 0) throw new AppError('NotFound', `No sitemap ${c.req.param('file')}.`)
    const entries = items
      .map((slug) => `  <url><loc>${escapeXml(`${publicUrl}/${path}/${slug}`)}</loc></url>`)
      .join('\n')
    return xml(c, `<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${entries}\n</urlset>\n`)
  })

  if (posterDir) {
    app.use(
      '/posters/*',
      serveStatic({ root: posterDir, rewriteRequestPath: (path) => path.replace(/^\/posters/, '') }),
    )
  }

  return app
}
