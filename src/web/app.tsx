import { Hono, type Context } from 'hono'
import { isAppError, type ErrorCode } from '../domain/index.ts'
import {
  findFilmViewOrThrow,
  findPersonViewOrThrow,
  findSourceViewOrThrow,
  findStoryViewOrThrow,
  isDatabaseReachable,
  listStorySummaries,
  type Storage,
} from '../services/index.ts'
import { createApi } from './api.ts'
import { errorBody, STATUS_OF } from './errors.ts'
import { ErrorPage } from './pages/error.tsx'
import { FilmPage } from './pages/film.tsx'
import { HomePage } from './pages/home.tsx'
import { PersonPage } from './pages/person.tsx'
import { SourcePage } from './pages/source.tsx'
import { StoryPage } from './pages/story.tsx'

export interface Logger {
  error(details: object, message: string): void
}

export interface AppDeps {
  storage: Storage
  publicUrl: string
  logger: Logger
}

export function createApp({ storage, publicUrl, logger }: AppDeps) {
  const app = new Hono()

  const fail = (c: Context, code: ErrorCode, message: string) => {
    const status = STATUS_OF[code]
    if (c.req.path.startsWith('/api/')) return c.json(errorBody(code, message), status)
    return c.html(<ErrorPage status={status} message={message} />, status)
  }

  app.onError((error, c) => {
    if (isAppError(error)) return fail(c, error.code, error.message)
    logger.error({ err: error, path: c.req.path }, 'request failed')
    return fail(c, 'Internal', 'Something went wrong on our side; it has been logged.')
  })
  app.notFound((c) => fail(c, 'NotFound', `Nothing is at ${c.req.path}.`))

  app.get('/healthz', async (c) =>
    (await isDatabaseReachable(storage))
      ? c.json({ status: 'ok', database: storage.dialect })
      : c.json({ status: 'unavailable', database: storage.dialect }, 503),
  )

  app.route('/api/v1', createApi(storage))

  app.get('/', async (c) => {
    const { items } = await listStorySummaries(storage, { limit: 100, offset: 0 })
    return c.html(<HomePage stories={items} />)
  })
  app.get('/stories/:slug', async (c) =>
    c.html(<StoryPage view={await findStoryViewOrThrow(storage, c.req.param('slug'))} />),
  )
  app.get('/films/:slug', async (c) => {
    const slug = c.req.param('slug')
    return c.html(
      <FilmPage view={await findFilmViewOrThrow(storage, slug)} canonical={`${publicUrl}/films/${slug}`} />,
    )
  })
  app.get('/people/:slug', async (c) =>
    c.html(<PersonPage view={await findPersonViewOrThrow(storage, c.req.param('slug'))} />),
  )
  app.get('/sources/:slug', async (c) =>
    c.html(<SourcePage view={await findSourceViewOrThrow(storage, c.req.param('slug'))} />),
  )

  return app
}
