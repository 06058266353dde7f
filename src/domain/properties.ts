import { z } from 'zod'
import type { SpoilerLevel, SubjectKind } from './model.ts'

export interface Money {
  amount: number
  currency: string
}

export interface Rating {
  score: number
  scale: number
  /** How many votes the score averages, where the source says (IMDb's numVotes). */
  votes?: number | undefined
}

export type ClaimValue = string | number | boolean | Money | Rating

const DATE = z
  .union([z.string(), z.number().int()])
  .transform(String)
  .pipe(z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'a date is YYYY-MM-DD, YYYY-MM or YYYY'))
const COUNTRY = z
  .string()
  .regex(/^([A-Z]{2}|XWW)$/, 'a country is an ISO 3166-1 alpha-2 code (KR, TR) or XWW')
const LANGUAGE = z.string().regex(/^[a-z]{2,3}$/, 'a language is an ISO 639 code (ko, tr, fil)')
const TEXT = z.string().trim().min(1, 'text must not be empty')

const VALUE_SCHEMAS = {
  integer: z.number().int('must be a whole number'),
  count: z.number().int().nonnegative(),
  text: TEXT,
  boolean: z.boolean(),
  date: DATE,
  country: COUNTRY,
  language: LANGUAGE,
  money: z.object({ amount: z.number().nonnegative(), currency: z.string().regex(/^[A-Z]{3}$/) }),
  rating: z
    .object({
      score: z.number().nonnegative(),
      scale: z.number().positive(),
      votes: z.number().int().nonnegative().optional(),
    })
    .refine((r) => r.score <= r.scale, 'a rating cannot exceed its scale'),
} satisfies Record<string, z.ZodType<ClaimValue>>

export type ValueType = keyof typeof VALUE_SCHEMAS

export interface PropertyDefinition {
  type: ValueType
  /** Several values are a list, not a conflict (a film made in two countries). */
  many?: boolean
  /** Values change over time: claims with different `as_of` dates are different facts. */
  series?: boolean
  spoiler?: SpoilerLevel
  subjects: readonly SubjectKind[]
}

const FILM = ['film'] as const
const STORY_OR_FILM = ['story', 'film'] as const

/** Every property a claim may have, in the order pages show them. */
export const PROPERTIES = {
  synopsis: { type: 'text', many: true, subjects: STORY_OR_FILM },
  year: { type: 'integer', subjects: FILM },
  release_date: { type: 'date', subjects: FILM },
  country: { type: 'country', many: true, subjects: FILM },
  language: { type: 'language', many: true, subjects: FILM },
  runtime_minutes: { type: 'integer', subjects: FILM },
  genre: { type: 'text', many: true, subjects: FILM },
  based_on_true_story: { type: 'boolean', subjects: STORY_OR_FILM },
  inspired_by: { type: 'text', many: true, subjects: STORY_OR_FILM },
  remade_in: { type: 'country', many: true, subjects: ['story'] },
  // A source's word that a film retells another (the film's slug); the film's own relation is curated.
  remake_of: { type: 'text', subjects: FILM },
  adaptation_of: { type: 'text', subjects: FILM },
  production_company: { type: 'text', many: true, subjects: FILM },
  distributor: { type: 'text', many: true, subjects: FILM },
  rating: { type: 'rating', series: true, subjects: FILM },
  box_office: { type: 'money', series: true, subjects: FILM },
  budget: { type: 'money', subjects: FILM },
  admissions: { type: 'count', series: true, subjects: FILM },
  available_on: { type: 'text', many: true, series: true, subjects: FILM },
  audio_language: { type: 'language', many: true, series: true, subjects: FILM },
  subtitle_language: { type: 'language', many: true, series: true, subjects: FILM },
  chart_position: { type: 'count', series: true, subjects: FILM },
  trending_on: { type: 'text', many: true, series: true, subjects: FILM },
  award: { type: 'text', many: true, subjects: FILM },
  character_name: { type: 'text', subjects: FILM },
  relation: { type: 'text', subjects: FILM },
  character_fate: { type: 'text', spoiler: 'ending', subjects: FILM },
  plot: { type: 'text', many: true, spoiler: 'plot', subjects: STORY_OR_FILM },
  ending: { type: 'text', many: true, spoiler: 'ending', subjects: STORY_OR_FILM },
  birth_date: { type: 'date', subjects: ['person'] },
  birth_place: { type: 'text', subjects: ['person'] },
} as const satisfies Record<string, PropertyDefinition>

export type PropertyName = keyof typeof PROPERTIES
export const PROPERTY_NAMES = Object.keys(PROPERTIES) as PropertyName[]

export function isPropertyName(name: string): name is PropertyName {
  return Object.hasOwn(PROPERTIES, name)
}

export function propertyOf(name: PropertyName): PropertyDefinition {
  return PROPERTIES[name]
}

export function valueSchemaOf(name: PropertyName): z.ZodType<ClaimValue> {
  return VALUE_SCHEMAS[PROPERTIES[name].type]
}

export const QUALIFIER_NAMES = [
  'region',
  'language',
  'platform',
  'as_of',
  'by',
  'character',
  'of',
  'cut',
  'chart',
  'event',
] as const
export type QualifierName = (typeof QUALIFIER_NAMES)[number]
export type Qualifiers = { [name in QualifierName]?: string | undefined }

const SLUG = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a slug (lowercase ascii words joined by -)')

export const QUALIFIERS = z
  .object({
    region: COUNTRY,
    language: LANGUAGE,
    platform: TEXT,
    as_of: DATE,
    by: TEXT,
    character: SLUG,
    of: SLUG,
    cut: TEXT,
    chart: TEXT,
    event: TEXT,
  })
  .partial()

/** A stable text key for a set of qualifiers: equal qualifiers give equal keys. */
export function qualifierKey(qualifiers: Qualifiers): string {
  return QUALIFIER_NAMES.filter((name) => qualifiers[name] !== undefined)
    .map((name) => `${name}=${qualifiers[name]}`)
    .join(';')
}

export function formatValue(value: ClaimValue): string {
  if (typeof value !== 'object') return String(value)
  if ('currency' in value) return `${value.amount.toLocaleString('en-US')} ${value.currency}`
  const votes = value.votes === undefined ? '' : ` (${value.votes.toLocaleString('en-US')} votes)`
  return `${value.score}/${value.scale}${votes}`
}
