import { createHash } from 'node:crypto'
import type { Kysely } from 'kysely'
import {
  qualifierKey,
  resolveFacts,
  type ClaimInput,
  type SourcedClaim,
  type SourceInput,
  type StoryDataset,
  type SubjectKind,
} from '../../domain/index.ts'
import type { Database } from '../schema.ts'
import { adoptImportedRow, type Adopted } from './adopt-repository.ts'
import { CURATOR, listEditorPinnedProperties } from './editing-repository.ts'
import { listArticleSourceIds } from './ingest-repository.ts'
import { insertRevisions, type NewRevision, type RevisionContext } from './revision-repository.ts'
import { syncChildren, upsertBySlug, type Row } from './sync-rows.ts'

export interface StoreSummary {
  created: number
  updated: number
  deleted: number
  /** Films and people an import had stored under another slug, now this file's. */
  adopted: Adopted[]
}

export async function findDatasetHash(db: Kysely<Database>, file: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('dataset_file')
    .select('content_hash')
    .where('path', '=', file)
    .executeTakeFirst()
  return row?.content_hash
}

/** The year a film's claims agree on, or the one fact resolution prefers. */
function yearOf(claims: readonly ClaimInput[], sources: Map<string, SourceInput>): number | null {
  const sourced: SourcedClaim[] = claims.flatMap((claim, i) => {
    const source = sources.get(claim.source)
    if (claim.property !== 'year' || !source) return []
    return [
      {
        id: i,
        subject: { kind: 'film' as const, id: 0 },
        property: claim.property,
        value: claim.value,
        qualifiers: claim.qualifiers,
        sourceId: 0,
        source: { ...source, id: 0, contentHash: null },
        quote: claim.quote,
        spoiler: claim.spoiler,
        status: 'accepted' as const,
        pin: claim.pin === null ? null : { reason: claim.pin, by: 'curator', at: '' },
        addedBy: 'curator',
        addedAt: '',
      },
    ]
  })
  const [fact] = resolveFacts(sourced)
  return typeof fact?.value === 'number' ? fact.value : null
}

const CLAIM_KEY = ['subject_kind', 'subject_id', 'property', 'qualifier_key', 'value', 'source_id'] as const

/**
 * An editor's pin outlives reloads of the file, and so do the pins it removed: in a property of a
 * subject where an editor pinned a claim, the file's claims keep the pins they have and gain none.
 */
async function keepEditorPins(db: Kysely<Database>, file: string, claimRows: Row[]): Promise<void> {
  const edited = await listEditorPinnedProperties(db)
  const isEdited = (row: Row) => edited.has(`${row.subject_kind}:${row.subject_id}|${row.property}`)
  if (!claimRows.some(isEdited)) return
  const keyOf = (row: Row) => JSON.stringify(CLAIM_KEY.map((column) => row[column] ?? null))
  const stored = await db
    .selectFrom('claim')
    .select([...CLAIM_KEY, 'pin_reason', 'pinned_by', 'pinned_at'])
    .where('origin', '=', file)
    .execute()
  const storedByKey = new Map(stored.map((row) => [keyOf(row), row]))
  for (const row of claimRows.filter(isEdited)) {
    const pin = storedByKey.get(keyOf(row))
    row.pin_reason = pin?.pin_reason ?? null
    row.pinned_by = pin?.pinned_by ?? null
    row.pinned_at = pin?.pinned_at ?? null
  }
}

/**
 * Makes the stored data of one curated story file equal to `dataset`, recording a revision for
 * every row it adds, changes or removes. Run it inside a transaction.
 */
export async function storeStoryDataset(
  db: Kysely<Database>,
  dataset: StoryDataset,
  context: RevisionContext,
): Promise<StoreSummary> {
  const now = context.at
  const file = dataset.file
  const revisions: NewRevision[] = []
  const keep = (revision: NewRevision | null) => {
    if (revision) revisions.push(revision)
  }
  const sourcesBySlug = new Map(dataset.sources.map((s) => [s.slug, s]))

  const adopted: Adopted[] = []
  for (const [kind, items] of [
    ['film', dataset.films],
    ['person', dataset.people.filter((p) => p.listed)],
  ] as const) {
    for (const item of items) {
      if (!item.ids.imdb) continue
      const renamed = await adoptImportedRow(db, kind, item.slug, item.ids.imdb, revisions)
      if (renamed) adopted.push(renamed)
    }
  }

  const sourceIds = new Map<string, number>()
  for (const source of dataset.sources) {
    const contentHash = source.text === null ? null : createHash('sha256').update(source.text).digest('hex')
    const { id, revision } = await upsertBySlug(
      db,
      'source',
      {
        slug: source.slug,
        kind: source.kind,
        url: source.url,
        title: source.title,
        publisher: source.publisher,
        author: source.author,
        language: source.language,
        published_at: source.publishedAt,
        updated_at: source.updatedAt,
        retrieved_at: source.retrievedAt,
        text: source.text,
        content_hash: contentHash,
      },
      { now, timestamps: false, hidden: ['text'] },
    )
    sourceIds.set(source.slug, id)
    keep(revision)
  }
  const sourceId = (slug: string) => sourceIds.get(slug)!

  const personIds = new Map<string, number>()
  for (const person of dataset.people) {
    const existing = await db
      .selectFrom('person')
      .select('id')
      .where('slug', '=', person.slug)
      .executeTakeFirst()
    if (existing && !person.listed) {
      personIds.set(person.slug, existing.id)
      continue
    }
    const { id, revision } = await upsertBySlug(
      db,
      'person',
      {
        slug: person.slug,
        name: person.name,
        imdb_id: person.ids.imdb ?? null,
        wikidata_id: person.ids.wikidata ?? null,
      },
      { now, timestamps: true },
    )
    personIds.set(person.slug, id)
    keep(revision)
    if (person.listed) {
      const names = person.names.map((n): Row => ({
        person_id: id,
        name: n.name,
        language: n.language,
        script: n.script,
      }))
      revisions.push(
        ...(await syncChildren(db, {
          table: 'person_name',
          owner: { column: 'person_id', value: id },
          key: ['name', 'language', 'script'],
          wanted: names,
          describe: (row) => `${person.slug}/${row.name}`,
        })),
      )
    }
  }

  const filmSlugs = dataset.films.map((f) => f.slug)
  const storedFilms = await db
    .selectFrom('film')
    .select(['id', 'slug'])
    .where('slug', 'in', filmSlugs)
    .execute()
  const filmIds = new Map(storedFilms.map((f) => [f.slug, f.id]))

  const { story } = dataset
  const storyResult = await upsertBySlug(
    db,
    'story',
    {
      slug: story.slug,
      title: story.title,
      summary: story.summary,
      themes: JSON.stringify(story.themes),
      origin_film_id: story.origin === null ? null : (filmIds.get(story.origin) ?? null),
      curated_file: file,
    },
    { now, timestamps: true },
  )
  const storyId = storyResult.id
  keep(storyResult.revision)

  revisions.push(
    ...(await syncChildren(db, {
      table: 'character',
      owner: { column: 'story_id', value: storyId },
      key: ['slug'],
      wanted: dataset.characters.map((c) => ({
        story_id: storyId,
        slug: c.slug,
        name: c.name,
        description: c.description,
      })),
      describe: (row) => `${story.slug}/${row.slug}`,
    })),
  )
  const characterRows = await db
    .selectFrom('character')
    .select(['id', 'slug'])
    .where('story_id', '=', storyId)
    .execute()
  const characterIds = new Map(characterRows.map((c) => [c.slug, c.id]))

  // Films this file defined before and no longer lists go, with everything that hangs on them.
  const dropped = await db
    .selectFrom('film')
    .selectAll()
    .where('curated_file', '=', file)
    .where('slug', 'not in', filmSlugs)
    .execute()
  for (const film of dropped) {
    await db
      .deleteFrom('claim')
      .where('subject_kind', '=', 'film')
      .where('subject_id', '=', film.id)
      .execute()
    await db
      .updateTable('story')
      .set({ origin_film_id: null })
      .where('origin_film_id', '=', film.id)
      .execute()
    await db.deleteFrom('film').where('id', '=', film.id).execute()
    revisions.push({ entityKind: 'film', entityKey: film.slug, action: 'delete', before: film, after: null })
  }

  const filmRevisions = new Map<string, NewRevision>()
  for (const film of dataset.films) {
    const { id, revision } = await upsertBySlug(
      db,
      'film',
      {
        slug: film.slug,
        story_id: storyId,
        kind: film.kind,
        status: film.status,
        relation: film.relation,
        related_film_id: film.of === null ? null : (filmIds.get(film.of) ?? null),
        year: yearOf(film.claims, sourcesBySlug),
        imdb_id: film.ids.imdb ?? null,
        wikidata_id: film.ids.wikidata ?? null,
        tmdb_id: film.ids.tmdb ?? null,
        source_id: sourceId(film.source),
        curated_file: file,
      },
      { now, timestamps: true },
    )
    filmIds.set(film.slug, id)
    if (revision) filmRevisions.set(film.slug, revision)
    keep(revision)
  }

  // Links to films that did not exist until this load.
  const amend = (revision: NewRevision | null | undefined, column: string, value: number) => {
    if (revision?.after && typeof revision.after === 'object') (revision.after as Row)[column] = value
  }
  for (const film of dataset.films) {
    const related = film.of === null ? null : filmIds.get(film.of)!
    const stored = await db
      .selectFrom('film')
      .select('related_film_id')
      .where('slug', '=', film.slug)
      .executeTakeFirstOrThrow()
    if (related !== null && stored.related_film_id !== related) {
      await db.updateTable('film').set({ related_film_id: related }).where('slug', '=', film.slug).execute()
      amend(filmRevisions.get(film.slug), 'related_film_id', related)
    }
  }
  if (story.origin !== null) {
    const origin = filmIds.get(story.origin)!
    const stored = await db
      .selectFrom('story')
      .select('origin_film_id')
      .where('id', '=', storyId)
      .executeTakeFirstOrThrow()
    if (stored.origin_film_id !== origin) {
      await db.updateTable('story').set({ origin_film_id: origin }).where('id', '=', storyId).execute()
      amend(storyResult.revision, 'origin_film_id', origin)
    }
  }

  const articleSources = await listArticleSourceIds(db)
  const fromArticle = (row: Row) => row.source_id !== null && articleSources.has(Number(row.source_id))
  for (const film of dataset.films) {
    const filmId = filmIds.get(film.slug)!
    const describe = (row: Row) => `${film.slug}/${row.text ?? row.slug ?? row.role}`
    revisions.push(
      ...(await syncChildren(db, {
        table: 'title',
        owner: { column: 'film_id', value: filmId },
        imported: 'imdb_ordering',
        kept: fromArticle,
        key: ['text', 'language', 'script', 'region', 'kind'],
        wanted: film.titles.map((t, position) => ({
          film_id: filmId,
          text: t.text,
          language: t.language,
          script: t.script,
          region: t.region,
          kind: t.kind,
          position,
          source_id: sourceId(t.source),
        })),
        describe,
      })),
      ...(await syncChildren(db, {
        table: 'credit',
        owner: { column: 'film_id', value: filmId },
        imported: 'imdb_ordering',
        kept: fromArticle,
        key: ['role', 'person_id', 'character_id', 'character_name'],
        wanted: film.credits.map((c, billing) => ({
          film_id: filmId,
          person_id: personIds.get(c.person)!,
          role: c.role,
          character_id: c.character === null ? null : characterIds.get(c.character)!,
          character_name: c.characterName,
          billing,
          source_id: sourceId(c.source),
        })),
        describe: (row) => `${film.slug}/${row.role}/${row.person_id}`,
      })),
      ...(await syncChildren(db, {
        table: 'scene',
        owner: { column: 'film_id', value: filmId },
        key: ['slug'],
        wanted: film.scenes.map((s, position) => ({
          film_id: filmId,
          slug: s.slug,
          title: s.title,
          description: s.description,
          spoiler: s.spoiler,
          position,
          source_id: sourceId(s.source),
        })),
        describe,
      })),
    )
  }

  const subjectSlugs = new Map<string, string>()
  const claimRows: Row[] = []
  const addClaims = (kind: SubjectKind, id: number, slug: string, claims: readonly ClaimInput[]) => {
    subjectSlugs.set(`${kind}:${id}`, slug)
    for (const claim of claims) {
      claimRows.push({
        subject_kind: kind,
        subject_id: id,
        property: claim.property,
        value: JSON.stringify(claim.value),
        qualifiers: JSON.stringify(claim.qualifiers),
        qualifier_key: qualifierKey(claim.qualifiers),
        source_id: sourceId(claim.source),
        quote: claim.quote,
        spoiler: claim.spoiler,
        status: 'accepted',
        pin_reason: claim.pin,
        pinned_by: claim.pin === null ? null : CURATOR,
        pinned_at: claim.pin === null ? null : now,
        origin: file,
        added_by: 'curator',
        added_at: now,
      })
    }
  }
  addClaims('story', storyId, story.slug, story.claims)
  for (const film of dataset.films) addClaims('film', filmIds.get(film.slug)!, film.slug, film.claims)
  for (const person of dataset.people)
    addClaims('person', personIds.get(person.slug)!, person.slug, person.claims)
  await keepEditorPins(db, file, claimRows)
  revisions.push(
    ...(await syncChildren(db, {
      table: 'claim',
      owner: { column: 'origin', value: file },
      key: CLAIM_KEY,
      wanted: claimRows,
      stable: ['added_at', 'added_by', 'pinned_at'],
      describe: (row) =>
        `${subjectSlugs.get(`${row.subject_kind}:${row.subject_id}`) ?? row.subject_id}/${row.property}`,
    })),
  )

  await insertRevisions(db, context, revisions)
  const stored = await db
    .selectFrom('dataset_file')
    .select('path')
    .where('path', '=', file)
    .executeTakeFirst()
  if (stored) {
    await db
      .updateTable('dataset_file')
      .set({ content_hash: dataset.contentHash, loaded_at: now })
      .where('path', '=', file)
      .execute()
  } else {
    await db
      .insertInto('dataset_file')
      .values({ path: file, content_hash: dataset.contentHash, loaded_at: now })
      .execute()
  }
  return {
    created: revisions.filter((r) => r.action === 'create').length,
    updated: revisions.filter((r) => r.action === 'update').length,
    deleted: revisions.filter((r) => r.action === 'delete').length,
    adopted,
  }
}
