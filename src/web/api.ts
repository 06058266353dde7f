import { Hono } from 'hono'
import { AppError, parseSpoilerLevel } from '../domain/index.ts'
import {
  findFilmViewOrThrow,
  findPersonViewOrThrow,
  findSourceViewOrThrow,
  findStoryViewOrThrow,
  listStorySummaries,
  presentFilm,
  presentPerson,
  presentSourceView,
  presentStory,
  type Storage,
} from '../services/index.ts'

function pageOf(query: (name: string) => string | undefined) {
  const limit = Number(query('limit') ?? 20)
  const offset = Number(query('offset') ?? 0)
  if (!Number.isInteger(limit) || limit < 1 || limit > 100)
    throw new AppError('Invalid', 'limit is a whole number from 1 to 100')
  if (!Number.isInteger(offset) || offset < 0)
    throw new AppError('Invalid', 'offset is a whole number from 0')
  return { limit, offset }
}

/** JSON API under /api/v1. `?spoilers=plot|ending` reveals what is hidden by default. */
export function createApi(storage: Storage) {
  const api = new Hono()
  const reveal = (value: string | undefined) => parseSpoilerLevel(value)

  api.get('/stories', async (c) => {
    const page = pageOf((name) => c.req.query(name))
    const { total, items } = await listStorySummaries(storage, page)
    return c.json({ total, ...page, items })
  })
  api.get('/stories/:slug', async (c) =>
    c.json(
      presentStory(await findStoryViewOrThrow(storage, c.req.param('slug')), reveal(c.req.query('spoilers'))),
    ),
  )
  api.get('/films/:slug', async (c) =>
    c.json(
      presentFilm(await findFilmViewOrThrow(storage, c.req.param('slug')), reveal(c.req.query('spoilers'))),
    ),
  )
  api.get('/people/:slug', async (c) =>
    c.json(
      presentPerson(
        await findPersonViewOrThrow(storage, c.req.param('slug')),
        reveal(c.req.query('spoilers')),
      ),
    ),
  )
  api.get('/sources/:slug', async (c) =>
    c.json(
      presentSourceView(
        await findSourceViewOrThrow(storage, c.req.param('slug')),
        reveal(c.req.query('spoilers')),
      ),
    ),
  )
  return api
}
