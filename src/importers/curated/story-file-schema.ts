import { z } from 'zod'
import {
  CREDIT_ROLES,
  EXTERNAL_IDS,
  FILM_KINDS,
  FILM_RELATIONS,
  FILM_STATUSES,
  SOURCE_KINDS,
  SPOILER_LEVELS,
  TITLE_KINDS,
} from '../../domain/index.ts'

// The shape of a file in data/stories (see data/README.md). Facts are checked property by property
// in read-story-file.ts, where each value's schema depends on its property.

const SLUG = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a slug (lowercase ascii words joined by -)')
const TEXT = z.string().trim().min(1, 'must not be empty')
const DATE = z
  .union([z.string(), z.number().int()])
  .transform(String)
  .pipe(z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'a date is YYYY-MM-DD, YYYY-MM or YYYY'))
const LANGUAGE = z.string().regex(/^[a-z]{2,3}$/, 'a language is an ISO 639 code (ko, tr, fil)')
const SCRIPT = z.string().regex(/^[A-Z][a-z]{3}$/, 'a script is an ISO 15924 code (Latn, Hang, Cyrl)')
const REGION = z.string().regex(/^([A-Z]{2}|XWW)$/, 'a region is an ISO 3166-1 alpha-2 code or XWW')
const FACTS = z.record(z.string(), z.unknown())

export const SOURCE_ENTRY = z
  .object({
    id: SLUG,
    kind: z.enum(SOURCE_KINDS),
    url: z.url({ protocol: /^https?$/ }).optional(),
    title: TEXT,
    publisher: TEXT.optional(),
    author: TEXT.optional(),
    language: LANGUAGE.optional(),
    published: DATE.optional(),
    updated: DATE.optional(),
    retrieved: DATE.optional(),
    text_file: z
      .string()
      .regex(/^sources\/[\w.-]+\.txt$/, 'text_file is sources/<name>.txt')
      .optional(),
  })
  .strict()
  .refine(
    (source) => source.url !== undefined || source.text_file !== undefined,
    'a source needs a url or a text_file',
  )

const PERSON_ENTRY = z
  .object({
    name: TEXT,
    slug: SLUG.optional(),
    names: z
      .array(z.object({ name: TEXT, language: LANGUAGE.optional(), script: SCRIPT.optional() }).strict())
      .default([]),
    ids: EXTERNAL_IDS.default({}),
    source: SLUG.optional(),
    facts: FACTS.default({}),
  })
  .strict()

const TITLE_ENTRY = z
  .object({
    text: TEXT,
    language: LANGUAGE.optional(),
    script: SCRIPT.optional(),
    region: REGION.optional(),
    kind: z.enum(TITLE_KINDS),
    source: SLUG.optional(),
    quote: TEXT.optional(),
  })
  .strict()

const CREDIT_ENTRY = z
  .object({
    role: z.enum(CREDIT_ROLES),
    person: TEXT,
    character: SLUG.optional(),
    as: TEXT.optional(),
    source: SLUG.optional(),
    quote: TEXT.optional(),
  })
  .strict()

const SCENE_ENTRY = z
  .object({
    slug: SLUG,
    title: TEXT,
    description: TEXT,
    spoiler: z.enum(SPOILER_LEVELS).default('none'),
    source: SLUG.optional(),
    quote: TEXT.optional(),
  })
  .strict()

const FILM_ENTRY = z
  .object({
    slug: SLUG,
    kind: z.enum(FILM_KINDS).default('movie'),
    status: z.enum(FILM_STATUSES).default('released'),
    relation: z.enum(FILM_RELATIONS),
    of: SLUG.optional(),
    ids: EXTERNAL_IDS.default({}),
    source: SLUG,
    titles: z.array(TITLE_ENTRY).min(1, 'a film needs at least one title'),
    facts: FACTS.default({}),
    credits: z.array(CREDIT_ENTRY).default([]),
    scenes: z.array(SCENE_ENTRY).default([]),
  })
  .strict()
  .refine(
    (film) => (film.relation === 'original' || film.relation === 'same-source') === (film.of === undefined),
    {
      message: 'a remake, adaptation or sequel names the film it follows with `of`; an original does not',
      path: ['of'],
    },
  )

export const STORY_FILE = z
  .object({
    story: z
      .object({
        slug: SLUG,
        title: TEXT,
        summary: TEXT,
        themes: z.array(TEXT).default([]),
        origin: SLUG.optional(),
        source: SLUG.optional(),
        facts: FACTS.default({}),
      })
      .strict(),
    sources: z.array(SOURCE_ENTRY).min(1, 'a story file lists the sources it cites'),
    characters: z
      .array(z.object({ slug: SLUG, name: TEXT, description: TEXT.optional() }).strict())
      .default([]),
    people: z.array(PERSON_ENTRY).default([]),
    films: z.array(FILM_ENTRY).min(1, 'a story needs at least one film'),
  })
  .strict()

export type StoryFile = z.infer<typeof STORY_FILE>
export type SourceEntry = z.infer<typeof SOURCE_ENTRY>
