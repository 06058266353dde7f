import {
  AppError,
  ForbiddenError,
  NotFoundError,
  isModerator,
  renderMarkdown,
  statusAfter,
  type Actor,
  type ContributorRecord,
  type ModerationAction,
  type ModerationStatus,
} from '../domain/index.ts'
import {
  findCommentById,
  findContributor,
  findMomentById,
  insertAuditEntry,
  listAuditEntries,
  listComments,
  listMoments,
  listUsernames,
  recordModeration,
  setModerationStatus,
  type AuditEntry,
  type Storage,
} from '../storage/index.ts'

// The moderation queue and its actions. Only moderators and admins act; every action is written to
// the audit log in the same transaction as the change it records.

export type ModerationTarget = { kind: 'moment' | 'comment'; id: number }

function requireModerator(actor: Actor): void {
  if (!isModerator(actor))
    throw new ForbiddenError(`Only moderators and admins may moderate (you are ${actor.role}).`)
}

/** Sets the state of a moment or comment, counts it for or against its contributor, and audits it. */
export async function moderate(
  storage: Storage,
  actor: Actor,
  target: ModerationTarget,
  action: ModerationAction,
  options: { now?: Date | undefined } = {},
): Promise<{ status: ModerationStatus }> {
  requireModerator(actor)
  const at = (options.now ?? new Date()).toISOString()
  const status = statusAfter(action)
  return storage.db.transaction().execute(async (trx) => {
    const item =
      target.kind === 'moment' ? await findMomentById(trx, target.id) : await findCommentById(trx, target.id)
    if (!item) throw new NotFoundError(target.kind, String(target.id))
    if (item.status === status)
      throw new AppError('Conflict', `${target.kind} ${target.id} is already ${status}.`)
    const publishedAt = status === 'approved' ? at : null
    if (!(await setModerationStatus(trx, target, item.status, status, publishedAt)))
      throw new AppError('Conflict', `${target.kind} ${target.id} was changed meanwhile; reload the queue.`)
    await recordModeration(trx, item.contributorKey, action)
    await insertAuditEntry(trx, {
      actorId: actor.id,
      action,
      target,
      before: { status: item.status, publishedAt: item.publishedAt },
      after: { status, publishedAt },
      createdAt: at,
    })
    return { status }
  })
}

export function approve(storage: Storage, actor: Actor, target: ModerationTarget, options?: { now?: Date }) {
  return moderate(storage, actor, target, 'approve', options)
}

export function reject(storage: Storage, actor: Actor, target: ModerationTarget, options?: { now?: Date }) {
  return moderate(storage, actor, target, 'reject', options)
}

export function markSpam(storage: Storage, actor: Actor, target: ModerationTarget, options?: { now?: Date }) {
  return moderate(storage, actor, target, 'spam', options)
}

/** An item of the moderation queue: what moderators need to decide, without the contributor's email. */
export interface QueueItem {
  kind: 'moment' | 'comment'
  id: number
  name: string
  title: string | null
  html: string | null
  video: { kind: 'upload'; sha256: string } | { kind: 'link'; key: string } | null
  /** A moment's country, scene and spoiler mark, for the moderator to check. */
  country: string | null
  scene: string | null
  spoiler: boolean
  about: string
  createdAt: string
  /** What moderators decided before about the same contributor. */
  contributor: ContributorRecord
}

/** Pending moments and comments, oldest first. */
export async function listModerationQueue(
  storage: Storage,
  actor: Actor,
  page: { limit: number } = { limit: 100 },
): Promise<QueueItem[]> {
  requireModerator(actor)
  const moments = await listMoments(storage.db, { status: 'pending', limit: page.limit })
  const comments = await listComments(storage.db, { status: 'pending', limit: page.limit })
  const records = new Map<string, ContributorRecord>()
  const recordOf = async (key: string) => {
    if (!records.has(key))
      records.set(key, (await findContributor(storage.db, key)) ?? { approved: 0, spam: 0 })
    return records.get(key)!
  }
  const items: QueueItem[] = []
  for (const { moment, filmSlug, scene } of moments)
    items.push({
      kind: 'moment',
      id: moment.id,
      name: moment.displayName,
      title: moment.title,
      html: moment.text === null ? null : renderMarkdown(moment.text),
      video: moment.video,
      country: moment.country,
      scene: scene?.title ?? null,
      spoiler: moment.spoiler,
      about: `film:${filmSlug}`,
      createdAt: moment.createdAt,
      contributor: await recordOf(moment.contributorKey),
    })
  for (const comment of comments)
    items.push({
      kind: 'comment',
      id: comment.id,
      name: comment.name,
      title: null,
      html: renderMarkdown(comment.body),
      video: null,
      country: null,
      scene: null,
      spoiler: false,
      about: `${comment.target.kind}:${comment.target.id}`,
      createdAt: comment.createdAt,
      contributor: await recordOf(comment.contributorKey),
    })
  return items.sort((a, b) => a.createdAt.localeCompare(b.createdAt)).slice(0, page.limit)
}

/** An audit log entry with the username of whoever acted. */
export type LoggedAction = AuditEntry & { actor: string }

/** The audit log, newest first; optionally of one moment or comment. */
export async function listModerationLog(
  storage: Storage,
  actor: Actor,
  filter: { target?: ModerationTarget; limit?: number } = {},
): Promise<LoggedAction[]> {
  requireModerator(actor)
  const entries = await listAuditEntries(storage.db, filter)
  const names = await listUsernames(storage.db, [...new Set(entries.map((e) => e.actorId))])
  return entries.map((entry) => ({ ...entry, actor: names.get(entry.actorId) ?? `#${entry.actorId}` }))
}
