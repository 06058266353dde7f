import type { Kysely } from 'kysely'
import type { Database } from '../schema.ts'
import type { NewRevision } from './revision-repository.ts'

// One film, many sources: when a curated file names a film or person an import already stored (the
// same IMDb id under the import's slug), the stored row takes the curated slug and keeps everything
// the import attached to it.

export interface Adopted {
  kind: 'film' | 'person'
  from: string
  to: string
}

/**
 * Gives the curated slug to the film or person an import stored with the same IMDb id; returns what
 * was renamed (and records it in `revisions`), or undefined.
 */
export async function adoptImportedRow(
  db: Kysely<Database>,
  kind: 'film' | 'person',
  slug: string,
  imdbId: string,
  revisions: NewRevision[],
): Promise<Adopted | undefined> {
  const stored =
    kind === 'film'
      ? await db
          .selectFrom('film')
          .select(['id', 'slug'])
          .where('imdb_id', '=', imdbId)
          .where('curated_file', 'is', null)
          .executeTakeFirst()
      : await db.selectFrom('person').select(['id', 'slug']).where('imdb_id', '=', imdbId).executeTakeFirst()
  if (!stored || stored.slug === slug) return undefined
  const taken = await db.selectFrom(kind).select('id').where('slug', '=', slug).executeTakeFirst()
  if (taken) return undefined
  await db.updateTable(kind).set({ slug }).where('id', '=', stored.id).execute()
  revisions.push({
    entityKind: kind,
    entityKey: slug,
    action: 'update',
    before: { slug: stored.slug },
    after: { slug },
  })
  return { kind, from: stored.slug, to: slug }
}
