import { sql, type Kysely } from 'kysely'
import type { DialectName } from '../connect.ts'

// Candidates by whole words instead of trigrams: the dictionary of every word in the index with the
// number of documents that contain it (search_word), and a word index over the documents (FTS5 with
// the ascii tokenizer on SQLite, a GIN index over a text[] column on PostgreSQL). Which words to look
// up (typos, beginnings, junk) is decided in TypeScript against the dictionary, the same for both.
// The trigram index goes; the documents are rebuilt from the stored data on the next start.
export async function up(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  await sql`delete from search_document`.execute(db)
  await db.schema
    .createTable('search_word')
    .addColumn('id', 'integer', (c) =>
      dialect === 'postgres' ? c.generatedByDefaultAsIdentity().primaryKey() : c.primaryKey(),
    )
    .addColumn('word', 'text', (c) => c.notNull().unique())
    .addColumn('documents', 'integer', (c) => c.notNull())
    .execute()
  if (dialect === 'postgres') {
    await sql`drop index if exists search_document_keys_trgm`.execute(db)
    await db.schema
      .alterTable('search_document')
      .addColumn('words', sql`text[]`, (c) => c.notNull())
      .execute()
    await sql`create index search_document_words on search_document using gin (words)`.execute(db)
  } else {
    await sql`drop table search_fts`.execute(db)
    // Contentless (the words are in search_document.keys) and without positions: only which
    // documents hold a word is ever asked.
    await sql`create virtual table search_fts using fts5(words, tokenize = 'ascii', content = '', contentless_delete = 1, detail = 'none')`.execute(
      db,
    )
  }
}
