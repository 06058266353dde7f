import { z } from 'zod'
import { AppError } from './errors.ts'
import type { SpoilerLevel } from './model.ts'
import type { VideoType } from './video.ts'

// Fans' content: moments (what moved them in a film) and comments, with their moderation.
// A contributor's email is private: it is stored, but no public shape has a field for it.

export const MODERATION_STATUSES = ['pending', 'approved', 'rejected', 'spam'] as const
export type ModerationStatus = (typeof MODERATION_STATUSES)[number]

export const MODERATION_ACTIONS = ['approve', 'reject', 'spam'] as const
export type ModerationAction = (typeof MODERATION_ACTIONS)[number]

export const MODERATOR_ROLES = ['moderator', 'admin'] as const

/** The user acting on the moderation queue, as the accounts layer knows them. */
export interface Actor {
  id: number
  role: string
}

/**
 * A moderation action by someone who is not a moderator. ErrorCode has no 'Forbidden' (403) yet; the
 * web layer can tell this case apart by its class until it has.
 */
export class ForbiddenError extends AppError {
  constructor(message: string) {
    super('Invalid', message)
  }
}

export function isModerator(actor: Actor): boolean {
  return (MODERATOR_ROLES as readonly string[]).includes(actor.role)
}

/** What a contributor has done before: moderators' approvals and spam marks of their posts. */
export interface ContributorRecord {
  approved: number
  spam: number
}

/**
 * The moderation rule: a contributor's posts wait in the queue until a moderator has approved one
 * of them; from then on they are published directly, unless a post of theirs was ever marked spam.
 */
export function initialStatus(record: ContributorRecord | undefined): ModerationStatus {
  return record && record.approved > 0 && record.spam === 0 ? 'approved' : 'pending'
}

export function statusAfter(action: ModerationAction): ModerationStatus {
  return action === 'approve' ? 'approved' : action === 'reject' ? 'rejected' : 'spam'
}

/** Trimmed and lower-cased: the form of an email that identifies a contributor. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase()
}

export type UploadedVideo = { kind: 'upload'; sha256: string; type: VideoType; size: number }
export type LinkedVideo = { kind: 'link'; key: string; url: string; embedUrl: string }
export type MomentVideo = UploadedVideo | LinkedVideo

/** A moment as stored, email included: for services and moderation, never for a response. */
export interface Moment {
  id: number
  filmId: number
  sceneId: number | null
  displayName: string
  email: string
  contributorKey: string
  country: string
  title: string
  text: string | null
  video: { kind: 'upload'; sha256: string } | { kind: 'link'; key: string } | null
  spoiler: boolean
  status: ModerationStatus
  createdAt: string
  publishedAt: string | null
}

/** A moment as readers see it. */
export interface PublicMoment {
  id: number
  film: { slug: string }
  scene: { slug: string; title: string; spoiler: SpoilerLevel } | null
  displayName: string
  country: string
  title: string
  /** The text rendered from the fans' Markdown subset, escaped; null for a video moment. */
  html: string | null
  video: MomentVideo | null
  spoiler: boolean
  publishedAt: string
}

export const COMMENT_TARGETS = ['film', 'story', 'moment'] as const
export type CommentTargetKind = (typeof COMMENT_TARGETS)[number]

export interface CommentTarget {
  kind: CommentTargetKind
  id: number
}

export interface Comment {
  id: number
  target: CommentTarget
  parentId: number | null
  name: string
  email: string
  contributorKey: string
  body: string
  status: ModerationStatus
  createdAt: string
  publishedAt: string | null
}

/** A published comment as readers see it, with its published replies (one level deep). */
export interface PublicComment {
  id: number
  name: string
  html: string
  publishedAt: string
  replies: PublicReply[]
}

export type PublicReply = Omit<PublicComment, 'replies'>

const text = (field: string, max: number) =>
  z
    .string({ error: `${field} is required` })
    .trim()
    .min(1, `${field} is required`)
    .max(max, `${field} is longer than ${max} characters`)

const email = z
  .string({ error: 'email is required' })
  .trim()
  .max(254, 'email is longer than 254 characters')
  .pipe(z.email('email is not a valid address'))

export const MOMENT_INPUT = z
  .object({
    displayName: text('displayName', 80),
    email,
    country: z
      .string({ error: 'country is required' })
      .trim()
      .toUpperCase()
      .regex(/^[A-Z]{2}$/, 'country must be a two-letter ISO 3166 code such as MT'),
    film: text('film', 200),
    scene: z.string().trim().min(1).max(200).optional(),
    title: text('title', 120),
    text: z.string().trim().max(5000, 'text is longer than 5000 characters').optional(),
    videoUrl: z.string().trim().max(500, 'videoUrl is longer than 500 characters').optional(),
    video: z.instanceof(Uint8Array).optional(),
    spoiler: z.boolean().default(false),
  })
  .check((ctx) => {
    const { text, videoUrl, video } = ctx.value
    const given = [text ? 1 : 0, videoUrl ? 1 : 0, video ? 1 : 0].reduce((a, b) => a + b, 0)
    if (given !== 1)
      ctx.issues.push({
        code: 'custom',
        input: ctx.value,
        path: ['text'],
        message: 'give exactly one of text, videoUrl or video',
      })
  })
export type MomentInput = z.input<typeof MOMENT_INPUT>
export type ParsedMomentInput = z.output<typeof MOMENT_INPUT>

export const COMMENT_INPUT = z.object({
  target: z.object({
    kind: z.enum(COMMENT_TARGETS, 'target.kind must be film, story or moment'),
    slug: z.string().trim().min(1).optional(),
    id: z.number().int().positive().optional(),
  }),
  parentId: z.number().int().positive().optional(),
  name: text('name', 80),
  email,
  body: text('body', 5000),
})
export type CommentInput = z.input<typeof COMMENT_INPUT>
export type ParsedCommentInput = z.output<typeof COMMENT_INPUT>

/** Parses outside input with `schema` or throws AppError('Invalid') naming each wrong field. */
export function parseInput<T extends z.ZodType>(schema: T, input: unknown): z.output<T> {
  const result = schema.safeParse(input)
  if (result.success) return result.data
  const problems = result.error.issues.map((issue) =>
    issue.message.startsWith(String(issue.path[0] ?? '')) && issue.path.length > 0
      ? issue.message
      : `${issue.path.join('.') || 'input'}: ${issue.message}`,
  )
  throw new AppError('Invalid', problems.join('; '))
}
