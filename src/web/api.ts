import { Hono, type Context } from 'hono'
import { AppError, parseSpoilerLevel } from '../domain/index.ts'
import {
  findFilmViewOrThrow,
  findPersonViewOrThrow,
  findSourceViewOrThrow,
  findStoryViewOrThrow,
  listSlugPage,
  listStorySummaries,
  presentFilm,
  presentPerson,
  presentSourceView,
  presentStory,
  searchCatalog,
  findPublicMoment,
  listFilmMoments,
  listPublicComments,
  listStoryMoments,
  postComment,
  postMoment,
  type CommentTargetRef,
} from '../services/index.ts'
import type { Env, Web } from './context.tsx'
import { refusePostFlood } from './routes/fans.tsx'

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
export function createApi(web: Web) {
  const { storage, clock } = web
  const api = new Hono<Env>()
  const reveal = (value: string | undefined) => parseSpoilerLevel(value)

  api.get('/stories', async (c) => {
    const page = pageOf((name) => c.req.query(name))
    const { total, items } = await listStorySummaries(storage, page)
    return c.json({ total, ...page, items })
  })
  for (const [path, kind] of [
    ['/films', 'film'],
    ['/people', 'person'],
    ['/sources', 'source'],
  ] as const) {
    api.get(path, async (c) => {
      const page = pageOf((name) => c.req.query(name))
      const { total, items } = await listSlugPage(storage, kind, page)
      return c.json({
        total,
        ...page,
        items: items.map((slug) => ({ slug, href: `/api/v1${path}/${slug}` })),
      })
    })
  }
  api.get('/search', async (c) => {
    const q = (c.req.query('q') ?? '').trim()
    if (q.length === 0) throw new AppError('Invalid', 'q is the text to search for')
    if (q.length > 200) throw new AppError('Invalid', 'q is at most 200 characters')
    const limit = Number(c.req.query('limit') ?? 10)
    if (!Number.isInteger(limit) || limit < 1 || limit > 50)
      throw new AppError('Invalid', 'limit is a whole number from 1 to 50')
    return c.json(await searchCatalog(storage, q, limit))
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

  // Fans' moments and comments: only published ones are listed; posting takes JSON (videos are
  // uploaded through the site's form) and answers 201 with the moment's or comment's status.
  const momentPage = (c: Context<Env>) => {
    const page = pageOf((name) => c.req.query(name))
    return { ...page, limit: Math.min(page.limit, 50) }
  }
  api.get('/films/:slug/moments', async (c) =>
    c.json({ items: await listFilmMoments(storage, c.req.param('slug'), momentPage(c)) }),
  )
  api.get('/stories/:slug/moments', async (c) =>
    c.json({ items: await listStoryMoments(storage, c.req.param('slug'), momentPage(c)) }),
  )
  api.get('/moments/:id{[0-9]+}', async (c) => {
    const moment = await findPublicMoment(storage, Number(c.req.param('id')))
    if (!moment) throw new AppError('NotFound', `There is no moment ${c.req.param('id')}.`)
    return c.json(moment)
  })
  const commentsOf = (ref: CommentTargetRef) => async (c: Context<Env>) =>
    c.json({ items: await listPublicComments(storage, ref) })
  api.get('/films/:slug/comments', (c) => commentsOf({ kind: 'film', slug: c.req.param('slug') })(c))
  api.get('/stories/:slug/comments', (c) => commentsOf({ kind: 'story', slug: c.req.param('slug') })(c))
  api.get('/moments/:id{[0-9]+}/comments', (c) =>
    commentsOf({ kind: 'moment', id: Number(c.req.param('id')) })(c),
  )

  const jsonBody = async (c: Context<Env>): Promise<Record<string, unknown>> => {
    const body: unknown = await c.req.json().catch(() => {
      throw new AppError('Invalid', 'The body is not valid JSON.')
    })
    if (typeof body !== 'object' || body === null || Array.isArray(body))
      throw new AppError('Invalid', 'The body is a JSON object.')
    return body as Record<string, unknown>
  }
  api.post('/films/:slug/moments', async (c) => {
    const body = await jsonBody(c)
    if ('video' in body) throw new AppError('Invalid', 'video: upload videos through the site’s form.')
    const limited = await refusePostFlood(c, web)
    if (limited) return limited
    const posted = await postMoment(storage, { ...body, film: c.req.param('slug') }, { now: clock() })
    if (posted.status === 'approved') web.changed()
    return c.json(posted, 201)
  })
  api.post('/comments', async (c) => {
    const body = await jsonBody(c)
    const limited = await refusePostFlood(c, web)
    if (limited) return limited
    const posted = await postComment(storage, body, { now: clock() })
    if (posted.status === 'approved') web.changed()
    return c.json(posted, 201)
  })
  return api
}

const json = (schema: object) => ({ 'application/json': { schema } })
const ERROR = { $ref: '#/components/responses/Error' }
const SLUG = {
  name: 'slug',
  in: 'path',
  required: true,
  schema: { type: 'string', pattern: '^[a-z0-9]+(-[a-z0-9]+)*$' },
}
const SPOILERS = {
  name: 'spoilers',
  in: 'query',
  description: 'Reveal content up to this spoiler level; hidden values are null with hidden: true.',
  schema: { type: 'string', enum: ['none', 'plot', 'ending'], default: 'none' },
}
const PAGE = [
  { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 100, default: 20 } },
  { name: 'offset', in: 'query', schema: { type: 'integer', minimum: 0, default: 0 } },
]
const list = (summary: string, item: object) => ({
  get: {
    summary,
    parameters: PAGE,
    responses: {
      200: {
        description: 'A page of items',
        content: json({
          type: 'object',
          required: ['total', 'limit', 'offset', 'items'],
          properties: {
            total: { type: 'integer' },
            limit: { type: 'integer' },
            offset: { type: 'integer' },
            items: { type: 'array', items: item },
          },
        }),
      },
      400: ERROR,
    },
  },
})
const one = (summary: string, schema: object) => ({
  get: {
    summary,
    parameters: [SLUG, SPOILERS],
    responses: { 200: { description: summary, content: json(schema) }, 404: ERROR },
  },
})
const LINK = { type: 'object', properties: { slug: { type: 'string' }, href: { type: 'string' } } }
const ID = { name: 'id', in: 'path', required: true, schema: { type: 'integer', minimum: 1 } }
const items = (schema: object) =>
  json({ type: 'object', required: ['items'], properties: { items: { type: 'array', items: schema } } })
const moments = (summary: string, parameters: object[]) => ({
  get: {
    summary,
    parameters: [...parameters, ...PAGE],
    responses: {
      200: { description: summary, content: items({ $ref: '#/components/schemas/Moment' }) },
      404: ERROR,
    },
  },
})
const comments = (summary: string, parameter: object) => ({
  get: {
    summary,
    parameters: [parameter],
    responses: {
      200: { description: summary, content: items({ $ref: '#/components/schemas/Comment' }) },
      404: ERROR,
    },
  },
})
const post = (summary: string, parameters: object[], schema: object) => ({
  post: {
    summary,
    description: 'Same-origin JSON only; at most 10 posts per client in 10 minutes (429 with Retry-After).',
    parameters,
    requestBody: { required: true, content: json(schema) },
    responses: {
      201: {
        description: 'Stored: approved (published) or pending (waiting for a moderator)',
        content: json({
          type: 'object',
          properties: { id: { type: 'integer' }, status: { type: 'string', enum: ['approved', 'pending'] } },
        }),
      },
      400: ERROR,
      403: ERROR,
      413: ERROR,
      429: ERROR,
    },
  },
})
const TEXT = { type: 'string' }

/** The OpenAPI document of /api/v1, served at /api/openapi.json. */
export const OPENAPI = {
  openapi: '3.1.0',
  info: {
    title: 'Retold API',
    version: '1',
    description:
      'Stories and their retellings. Every fact carries its sources and any conflicting claims. Responses carry ETags (send If-None-Match) and Cache-Control.',
  },
  servers: [{ url: '/api/v1' }],
  paths: {
    '/search': {
      get: {
        summary:
          'Stories, films, people and characters matching a query, forgiving typos, scripts and qualifiers',
        parameters: [
          { name: 'q', in: 'query', required: true, schema: { type: 'string', maxLength: 200 } },
          { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 50, default: 10 } },
        ],
        responses: {
          200: {
            description: 'Results, best first',
            content: json({
              type: 'object',
              required: ['query', 'interpreted', 'results'],
              properties: {
                query: { type: 'string' },
                interpreted: { type: ['string', 'null'] },
                section: { type: ['string', 'null'], enum: ['ending', 'true-story', 'watch', 'cast', null] },
                results: {
                  type: 'array',
                  items: {
                    type: 'object',
                    required: ['kind', 'slug', 'title', 'year', 'country', 'story', 'score', 'matched'],
                    properties: {
                      kind: { type: 'string', enum: ['story', 'film', 'person', 'character'] },
                      slug: { type: 'string' },
                      title: { type: 'string' },
                      year: { type: ['integer', 'null'] },
                      country: { type: ['string', 'null'] },
                      story: { type: ['object', 'null'] },
                      score: { type: 'number' },
                      matched: { type: 'array', items: { type: 'string' } },
                    },
                  },
                },
              },
            }),
          },
          400: ERROR,
        },
      },
    },
    '/stories': list('Stories, by title', { $ref: '#/components/schemas/StorySummary' }),
    '/stories/{slug}': one('A story with every version, its characters across versions and its sources', {
      $ref: '#/components/schemas/Story',
    }),
    '/films': list('Films, in the order they were added', LINK),
    '/films/{slug}': one('A film with its titles, facts, credits, scenes, other versions and sources', {
      $ref: '#/components/schemas/Film',
    }),
    '/people': list('People, in the order they were added', LINK),
    '/people/{slug}': one('A person with name variants, credits and facts', { type: 'object' }),
    '/sources': list('Sources, in the order they were added', LINK),
    '/sources/{slug}': one('A source with every claim that cites it', { type: 'object' }),
    '/films/{slug}/moments': {
      ...moments('Published moments about a film, newest first', [SLUG]),
      post: post(
        'Post a moment about a film (text or videoUrl); a new contributor’s waits for a moderator',
        [SLUG],
        {
          $ref: '#/components/schemas/MomentInput',
        },
      ),
    },
    '/stories/{slug}/moments': moments('Published moments about any version of a story, newest first', [
      SLUG,
    ]),
    '/moments/{id}': {
      get: {
        summary: 'A published moment',
        parameters: [ID],
        responses: {
          200: { description: 'A moment', content: json({ $ref: '#/components/schemas/Moment' }) },
          404: ERROR,
        },
      },
    },
    '/films/{slug}/comments': comments('Published comments on a film, with their replies', SLUG),
    '/stories/{slug}/comments': comments('Published comments on a story, with their replies', SLUG),
    '/moments/{id}/comments': comments('Published comments on a moment, with their replies', ID),
    '/comments': {
      post: post('Post a comment or a reply (parentId); a new contributor’s waits for a moderator', [], {
        $ref: '#/components/schemas/CommentInput',
      }),
    },
  },
  components: {
    responses: {
      Error: {
        description: 'An error',
        content: json({
          type: 'object',
          required: ['error'],
          properties: {
            error: {
              type: 'object',
              required: ['code', 'message'],
              properties: {
                code: {
                  type: 'string',
                  enum: ['NotFound', 'Invalid', 'Conflict', 'Unavailable', 'Internal'],
                },
                message: { type: 'string' },
              },
            },
          },
        }),
      },
    },
    schemas: {
      Moment: {
        type: 'object',
        description: 'A published moment; the contributor’s email is never part of it.',
        properties: {
          id: { type: 'integer' },
          film: { type: 'object', properties: { slug: TEXT } },
          scene: { type: ['object', 'null'], properties: { slug: TEXT, title: TEXT, spoiler: TEXT } },
          displayName: TEXT,
          country: { type: 'string', description: 'ISO 3166-1 alpha-2' },
          title: TEXT,
          html: {
            type: ['string', 'null'],
            description: 'The text, rendered from a Markdown subset and escaped',
          },
          video: { type: ['object', 'null'] },
          spoiler: { type: 'boolean' },
          publishedAt: { type: 'string', format: 'date-time' },
        },
      },
      MomentInput: {
        type: 'object',
        required: ['displayName', 'email', 'country', 'title'],
        properties: {
          displayName: { type: 'string', maxLength: 80 },
          email: { type: 'string', format: 'email', description: 'Stored, never shown' },
          country: { type: 'string', pattern: '^[A-Za-z]{2}$' },
          scene: { type: 'string', description: 'A scene slug of the film' },
          title: { type: 'string', maxLength: 120 },
          text: { type: 'string', maxLength: 5000, description: 'Markdown subset; give text or videoUrl' },
          videoUrl: { type: 'string', description: 'A YouTube, Vimeo or Dailymotion link' },
          spoiler: { type: 'boolean', default: false },
        },
      },
      Comment: {
        type: 'object',
        properties: {
          id: { type: 'integer' },
          name: TEXT,
          html: TEXT,
          publishedAt: { type: 'string', format: 'date-time' },
          replies: { type: 'array', items: { type: 'object' } },
        },
      },
      CommentInput: {
        type: 'object',
        required: ['target', 'name', 'email', 'body'],
        properties: {
          target: {
            type: 'object',
            required: ['kind'],
            properties: {
              kind: { type: 'string', enum: ['film', 'story', 'moment'] },
              slug: TEXT,
              id: { type: 'integer' },
            },
          },
          parentId: { type: 'integer', description: 'The comment replied to' },
          name: { type: 'string', maxLength: 80 },
          email: { type: 'string', format: 'email', description: 'Stored, never shown' },
          body: { type: 'string', maxLength: 5000 },
        },
      },
      Citation: {
        type: 'object',
        properties: {
          source: { type: 'string' },
          title: { type: 'string' },
          url: { type: ['string', 'null'] },
          kind: { type: 'string' },
          quote: { type: ['string', 'null'] },
        },
      },
      Fact: {
        type: 'object',
        required: ['property', 'qualifiers', 'value', 'hidden', 'spoiler', 'status', 'sources', 'conflicts'],
        properties: {
          property: { type: 'string' },
          qualifiers: { type: 'object', additionalProperties: { type: 'string' } },
          value: {
            description: 'A string, number, boolean, {amount, currency} or {score, scale}; null while hidden',
          },
          hidden: { type: 'boolean' },
          spoiler: { type: 'string', enum: ['none', 'plot', 'ending'] },
          status: { type: 'string', enum: ['single', 'agreed', 'disputed', 'pinned'] },
          decidedBy: { type: ['string', 'null'], enum: ['pin', 'reliability', 'recency', 'count', null] },
          sources: { type: 'array', items: { $ref: '#/components/schemas/Citation' } },
          conflicts: {
            type: 'array',
            items: {
              type: 'object',
              properties: {
                value: {},
                sources: { type: 'array', items: { $ref: '#/components/schemas/Citation' } },
              },
            },
          },
        },
      },
      StorySummary: {
        type: 'object',
        properties: {
          slug: { type: 'string' },
          title: { type: 'string' },
          summary: { type: 'string' },
          versions: { type: 'integer' },
          years: { type: 'array', items: { type: 'integer' } },
        },
      },
      Story: {
        type: 'object',
        properties: {
          slug: { type: 'string' },
          title: { type: 'string' },
          facts: { type: 'array', items: { $ref: '#/components/schemas/Fact' } },
          versions: { type: 'array', items: { type: 'object' } },
          characters: { type: 'array', items: { type: 'object' } },
          sources: { type: 'array', items: { type: 'object' } },
        },
      },
      Film: {
        type: 'object',
        properties: {
          slug: { type: 'string' },
          title: { type: 'string' },
          year: { type: ['integer', 'null'] },
          relation: { type: 'string' },
          of: { type: ['string', 'null'] },
          facts: { type: 'array', items: { $ref: '#/components/schemas/Fact' } },
          storyFacts: { type: 'array', items: { $ref: '#/components/schemas/Fact' } },
        },
      },
    },
  },
}
