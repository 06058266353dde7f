import {
  AppError,
  COMMENT_INPUT,
  NotFoundError,
  initialStatus,
  parseInput,
  renderMarkdown,
  type Comment,
  type CommentTarget,
  type PublicComment,
  type PublicReply,
} from '../domain/index.ts'
import {
  ensureContributor,
  findCommentById,
  findContributor,
  findFilmBySlug,
  findMomentById,
  findStoryBySlug,
  insertComment,
  listComments,
  type Storage,
} from '../storage/index.ts'
import { contributorKey, type Posted } from './moments.ts'

// Comments on films, stories and moments, with replies one level deep. A reply to a reply attaches
// to the top-level comment it answers, so that a thread is always a comment and its replies.

/** What a comment is about, as pages name it: a film or story by slug, a moment by id. */
export type CommentTargetRef = { kind: 'film' | 'story'; slug: string } | { kind: 'moment'; id: number }

async function resolveTarget(
  storage: Storage,
  ref: { kind: string; slug?: string | undefined; id?: number | undefined },
): Promise<CommentTarget | undefined> {
  if (ref.kind === 'film' && ref.slug) {
    const film = await findFilmBySlug(storage.db, ref.slug)
    return film && { kind: 'film', id: film.id }
  }
  if (ref.kind === 'story' && ref.slug) {
    const story = await findStoryBySlug(storage.db, ref.slug)
    return story && { kind: 'story', id: story.id }
  }
  if (ref.kind === 'moment' && ref.id !== undefined) {
    const moment = await findMomentById(storage.db, ref.id)
    // Only a published moment can be commented on: the others do not exist for readers.
    return moment?.status === 'approved' ? { kind: 'moment', id: moment.id } : undefined
  }
  return undefined
}

function describe(ref: { kind: string; slug?: string | undefined; id?: number | undefined }): string {
  return `${ref.kind} "${ref.slug ?? ref.id ?? ''}"`
}

/** Posts a comment or a reply; a new contributor's comment waits for a moderator (see `initialStatus`). */
export async function postComment(
  storage: Storage,
  input: unknown,
  options: { now?: Date | undefined } = {},
): Promise<Posted> {
  const parsed = parseInput(COMMENT_INPUT, input)
  const target = await resolveTarget(storage, parsed.target)
  if (!target) throw new AppError('Invalid', `target: there is no ${describe(parsed.target)} to comment on.`)
  let parentId: number | null = null
  if (parsed.parentId !== undefined) {
    const parent = await findCommentById(storage.db, parsed.parentId)
    if (
      !parent ||
      parent.status !== 'approved' ||
      parent.target.kind !== target.kind ||
      parent.target.id !== target.id
    )
      throw new AppError('Invalid', `parentId: there is no comment ${parsed.parentId} here to reply to.`)
    parentId = parent.parentId ?? parent.id
  }
  const key = contributorKey(parsed.email)
  const at = (options.now ?? new Date()).toISOString()
  return storage.db.transaction().execute(async (trx) => {
    await ensureContributor(trx, key, at)
    const status = initialStatus(await findContributor(trx, key))
    const id = await insertComment(trx, {
      target,
      parentId,
      name: parsed.name,
      email: parsed.email,
      contributorKey: key,
      body: parsed.body,
      status,
      createdAt: at,
      publishedAt: status === 'approved' ? at : null,
    })
    return { id, status }
  })
}

// Field by field, so that the email and the contributor key can never reach a reader.
function toPublicReply(comment: Comment): PublicReply {
  return {
    id: comment.id,
    name: comment.name,
    html: renderMarkdown(comment.body),
    publishedAt: comment.publishedAt ?? comment.createdAt,
  }
}

/** The published comments on a film, story or moment, oldest first, each with its published replies. */
export async function listPublicComments(storage: Storage, ref: CommentTargetRef): Promise<PublicComment[]> {
  const target = await resolveTarget(storage, ref)
  if (!target) throw new NotFoundError(ref.kind, 'slug' in ref ? ref.slug : String(ref.id))
  const comments = await listComments(storage.db, { status: 'approved', target, limit: 2000 })
  const threads = comments
    .filter((c) => c.parentId === null)
    .map((c): PublicComment => ({ ...toPublicReply(c), replies: [] }))
  const byId = new Map(threads.map((t) => [t.id, t]))
  for (const reply of comments) {
    if (reply.parentId !== null) byId.get(reply.parentId)?.replies.push(toPublicReply(reply))
  }
  return threads
}
