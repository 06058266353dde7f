import type { Kysely } from 'kysely'
import type { Database } from '../schema.ts'
import type { NewRevision } from './revision-repository.ts'

// Writing a curated dataset means making stored rows equal to the file's rows, and recording each
// difference as a revision. These two helpers do that for any table; the dataset repository names
// the tables and keys.

export type Row = Record<string, string | number | null>
type SlugTable = 'source' | 'story' | 'film' | 'person'
type ChildTable = 'title' | 'credit' | 'scene' | 'character' | 'person_name' | 'claim'

const BATCH = 200

function pick(row: Row, columns: Iterable<string>): Row {
  return Object.fromEntries([...columns].map((column) => [column, row[column] ?? null]))
}

function differs(stored: Row, wanted: Row): boolean {
  return Object.keys(wanted).some((column) => (stored[column] ?? null) !== (wanted[column] ?? null))
}

function untyped(db: Kysely<Database>): Kysely<Record<string, Row>> {
  return db as unknown as Kysely<Record<string, Row>>
}

/**
 * Inserts or updates the row with `values.slug`; returns its id and the revision of what changed,
 * or null when nothing did. Columns in `hidden` are compared but kept out of revisions.
 */
export async function upsertBySlug(
  db: Kysely<Database>,
  table: SlugTable,
  values: Row & { slug: string },
  options: { now: string; timestamps: boolean; hidden?: readonly string[] },
): Promise<{ id: number; revision: NewRevision | null }> {
  const any = untyped(db)
  const visible = (row: Row) =>
    pick(
      row,
      Object.keys(values).filter((c) => !options.hidden?.includes(c)),
    )
  const stored = await any.selectFrom(table).selectAll().where('slug', '=', values.slug).executeTakeFirst()
  if (!stored) {
    const row = options.timestamps
      ? { ...values, created_at: options.now, updated_at: options.now }
      : { ...values, created_at: options.now }
    const inserted = await any.insertInto(table).values(row).returning('id').executeTakeFirstOrThrow()
    const revision = {
      entityKind: table,
      entityKey: values.slug,
      action: 'create' as const,
      before: null,
      after: visible(values),
    }
    return { id: Number(inserted.id), revision }
  }
  if (!differs(stored, values)) return { id: Number(stored.id), revision: null }
  const update = options.timestamps ? { ...values, updated_at: options.now } : values
  await any.updateTable(table).set(update).where('id', '=', stored.id!).execute()
  const revision = {
    entityKind: table,
    entityKey: values.slug,
    action: 'update' as const,
    before: visible(stored),
    after: visible(values),
  }
  return { id: Number(stored.id), revision }
}

export interface ChildSync {
  table: ChildTable
  /** The rows this sync owns: those where `column` equals `value`. */
  owner: { column: string; value: string | number }
  /** A column set on the rows an importer added: the sync leaves those rows alone. */
  imported?: string
  /** Rows the sync never removes, though `wanted` lacks them (those an editor accepted from an article). */
  kept?: (row: Row) => boolean
  /** Columns that identify a row among its siblings. */
  key: readonly string[]
  wanted: readonly Row[]
  /** How revisions name a row. */
  describe: (row: Row) => string
  /** Columns written when a row is added and never compared or changed after (when it was added). */
  stable?: readonly string[]
}

/** Makes the owned rows equal to `wanted`; returns a revision per row added, changed or removed. */
export async function syncChildren(db: Kysely<Database>, sync: ChildSync): Promise<NewRevision[]> {
  const any = untyped(db)
  const keyOf = (row: Row) => JSON.stringify(sync.key.map((column) => row[column] ?? null))
  let query = any.selectFrom(sync.table).selectAll().where(sync.owner.column, '=', sync.owner.value)
  if (sync.imported) query = query.where(sync.imported, 'is', null)
  const stored = await query.orderBy('id').execute()
  const storedByKey = new Map<string, Row>()
  const removed: Row[] = []
  for (const row of stored) {
    if (storedByKey.has(keyOf(row))) removed.push(row)
    else storedByKey.set(keyOf(row), row)
  }

  const revisions: NewRevision[] = []
  const inserts: Row[] = []
  const seen = new Set<string>()
  for (const row of sync.wanted) {
    const key = keyOf(row)
    if (seen.has(key)) continue
    seen.add(key)
    const existing = storedByKey.get(key)
    const entityKey = sync.describe(row)
    if (!existing) {
      inserts.push(row)
      revisions.push({ entityKind: sync.table, entityKey, action: 'create', before: null, after: row })
    } else {
      const changing = Object.fromEntries(
        Object.entries(row).filter(([column]) => !sync.stable?.includes(column)),
      )
      if (differs(existing, changing)) {
        await any.updateTable(sync.table).set(changing).where('id', '=', existing.id!).execute()
        const before = pick(existing, Object.keys(changing))
        revisions.push({ entityKind: sync.table, entityKey, action: 'update', before, after: changing })
      }
    }
  }
  for (const [key, row] of storedByKey) if (!seen.has(key)) removed.push(row)
  if (sync.kept) removed.splice(0, removed.length, ...removed.filter((row) => !sync.kept!(row)))

  for (let i = 0; i < removed.length; i += BATCH) {
    const ids = removed.slice(i, i + BATCH).map((row) => row.id!)
    await any.deleteFrom(sync.table).where('id', 'in', ids).execute()
  }
  for (const row of removed) {
    const { id: _id, ...before } = row
    revisions.push({
      entityKind: sync.table,
      entityKey: sync.describe(row),
      action: 'delete',
      before,
      after: null,
    })
  }
  for (let i = 0; i < inserts.length; i += BATCH) {
    await any
      .insertInto(sync.table)
      .values(inserts.slice(i, i + BATCH))
      .execute()
  }
  return revisions
}
