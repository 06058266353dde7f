import { sql, type Kysely } from 'kysely'
import type { DialectName } from '../connect.ts'

// What an IMDb import needs: episodes linked to their series; titles and credits that remember the
// IMDb row they came from (so that a newer dump updates them, and a curated reload leaves them alone);
// people found by their IMDb id; a checkpoint per file, committed with each batch, so that an import
// killed at any point resumes where it stopped; and the films and people whose search documents wait
// for the indexing pass.
export async function up(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  await db.schema
    .alterTable('film')
    .addColumn('parent_film_id', 'integer', (c) => c.references('film.id').onDelete('set null'))
    .execute()
  await db.schema.alterTable('film').addColumn('season', 'integer').execute()
  await db.schema.alterTable('film').addColumn('episode', 'integer').execute()
  await db.schema.createIndex('film_parent_film_id').on('film').column('parent_film_id').execute()

  // IMDb's `ordering` of an alternate title; 0 is title.basics' original title, -1 its primary title.
  await db.schema.alterTable('title').addColumn('imdb_ordering', 'integer').execute()
  // IMDb's types and attributes of an alternate title ("dvd", "literal English title"), as a JSON array.
  await db.schema.alterTable('title').addColumn('attributes', 'text').execute()
  await db.schema
    .createIndex('title_imdb')
    .on('title')
    .columns(['film_id', 'imdb_ordering'])
    .unique()
    .where((eb) => eb(eb.ref('imdb_ordering'), 'is not', null))
    .execute()

  // IMDb's `ordering` of a principal; 0 for a director or writer listed only in title.crew.
  await db.schema.alterTable('credit').addColumn('imdb_ordering', 'integer').execute()
  // IMDb's job ("screenplay", "executive producer") or its category where Retold's role is wider ("self").
  await db.schema.alterTable('credit').addColumn('job', 'text').execute()
  await db.schema
    .createIndex('credit_imdb')
    .on('credit')
    .columns(['film_id', 'person_id', 'role'])
    .unique()
    .where(sql<boolean>`imdb_ordering is not null`)
    .execute()

  await db.schema
    .createIndex('person_imdb_id')
    .on('person')
    .column('imdb_id')
    .unique()
    .where((eb) => eb(eb.ref('imdb_id'), 'is not', null))
    .execute()

  await db.schema
    .createTable('import_checkpoint')
    .addColumn('importer', 'text', (c) => c.notNull())
    .addColumn('file', 'text', (c) => c.notNull())
    // Size and modification time of the file being read: another file starts again from its first line.
    .addColumn('fingerprint', 'text', (c) => c.notNull())
    // The next line to read and the byte offset of its start (in the decompressed text of a .gz file).
    .addColumn('line', 'integer', (c) => c.notNull())
    .addColumn('byte_offset', dialect === 'postgres' ? 'bigint' : 'integer', (c) => c.notNull())
    .addColumn('done', 'integer', (c) => c.notNull())
    .addColumn('read', 'integer', (c) => c.notNull())
    .addColumn('imported', 'integer', (c) => c.notNull())
    .addColumn('updated', 'integer', (c) => c.notNull())
    .addColumn('unchanged', 'integer', (c) => c.notNull())
    .addColumn('skipped', 'integer', (c) => c.notNull())
    .addColumn('rejected', 'integer', (c) => c.notNull())
    // The first problems found (JSON `[{ line, message }]`), kept for the report of a resumed import.
    .addColumn('issues', 'text', (c) => c.notNull())
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('import_checkpoint_pk', ['importer', 'file'])
    .execute()

  await db.schema
    .createTable('import_pending')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('id', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('import_pending_pk', ['kind', 'id'])
    .execute()
}
