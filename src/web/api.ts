import { Hono } from 'hono'
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
