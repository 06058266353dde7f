// The peers of `npm run bench:search`: MiniSearch, FlexSearch and plain SQLite FTS5, each given the
// very documents and normalized text Retold indexes (the `keys` column of search_document, i.e.
// searchKeys() of every name) and the query normalized the same way (searchKeys() of what was typed),
// with their best fuzzy settings. They return document ids, best first.

import { rmSync, statSync } from 'node:fs'
import SqliteDatabase from 'better-sqlite3'
import FlexSearch from 'flexsearch'
import MiniSearch from 'minisearch'
import { searchKeys } from '../src/search/index.ts'

export interface Peer {
  readonly name: string
  /** The settings, as printed with the results. */
  readonly settings: string
  add(id: number, keys: string): void
  /** Called once after the last add(). */
  finish(): void
  search(query: string, limit: number): number[]
  /** Bytes on disk, or null for an in-memory index (measured as the heap it takes). */
  diskBytes(): number | null
  close(): void
}

export type PeerName = 'minisearch' | 'flexsearch' | 'fts5'
export const PEER_NAMES: readonly PeerName[] = ['minisearch', 'flexsearch', 'fts5']

/** The query as the peers see it: the same normalization as the documents (fold + any-ascii fold). */
export function peerQuery(raw: string): string {
  return searchKeys(raw).join(' ')
}

const words = (text: string) => text.split(/[\s]+/).filter((word) => word !== '')

export function createPeer(name: PeerName, file: string): Peer {
  switch (name) {
    case 'minisearch':
      return miniSearch()
    case 'flexsearch':
      return flexSearch()
    case 'fts5':
      return fts5(file)
  }
}

/** MiniSearch: BM25+ over whole words, fuzzy (edit distance up to 20 % of the term) and prefix matches, OR. */
function miniSearch(): Peer {
  const searchOptions = { fuzzy: 0.2, prefix: true, combineWith: 'OR' } as const
  const index = new MiniSearch<{ id: number; keys: string }>({
    fields: ['keys'],
    idField: 'id',
    storeFields: [],
    // The text is normalized already: split on spaces and newlines, keep every term as it is.
    tokenize: words,
    processTerm: (term) => term || null,
    searchOptions,
  })
  return {
    name: 'minisearch',
    settings: 'fuzzy 0.2, prefix, OR, BM25+',
    add: (id, keys) => index.add({ id, keys }),
    finish: () => {},
    search: (query, limit) =>
      index
        .search(query)
        .slice(0, limit)
        .map((r) => r.id as number),
    diskBytes: () => null,
    close: () => index.removeAll(),
  }
}

/**
 * FlexSearch: forward (prefix) tokenization with its LatinBalance encoder (its phonetic fuzziness
 * short of soundex), `suggest` so that documents matching only some of the terms still come back.
 */
function flexSearch(): Peer {
  const { Index, Charset } = FlexSearch
  const index = new Index({ tokenize: 'forward', encoder: Charset.LatinBalance, resolution: 9, cache: false })
  return {
    name: 'flexsearch',
    settings: "tokenize 'forward', encoder LatinBalance, suggest",
    add: (id, keys) => void index.add(id, keys),
    finish: () => {},
    search: (query, limit) => index.search(query, { limit, suggest: true }) as number[],
    diskBytes: () => null,
    close: () => void index.clear(),
  }
}

/** SQLite FTS5 with the unicode61 tokenizer (diacritics removed), prefix indexes, OR of prefix terms, bm25. */
function fts5(file: string): Peer {
  rmSync(file, { force: true })
  rmSync(`${file}-wal`, { force: true })
  rmSync(`${file}-shm`, { force: true })
  const db = new SqliteDatabase(file)
  db.pragma('journal_mode = WAL')
  db.pragma('synchronous = NORMAL')
  db.exec(
    `create virtual table peer using fts5(keys, tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3')`,
  )
  const insert = db.prepare('insert into peer (rowid, keys) values (?, ?)')
  const select = db.prepare('select rowid as id from peer where peer match ? order by rank limit ?').pluck()
  let pending = 0
  db.exec('begin')
  return {
    name: 'fts5',
    settings: 'unicode61 remove_diacritics 2, prefix \'2 3\', OR of "term"*, bm25',
    add: (id, keys) => {
      insert.run(id, keys)
      if (++pending % 20_000 === 0) db.exec('commit; begin')
    },
    finish: () => {
      db.exec('commit')
      db.pragma('wal_checkpoint(TRUNCATE)')
    },
    search: (query, limit) => {
      const terms = [...new Set(words(query))]
      if (terms.length === 0) return []
      const match = terms.map((t) => `"${t.replaceAll('"', '""')}"*`).join(' OR ')
      return select.all(match, limit) as number[]
    },
    diskBytes: () => {
      const pages = db.pragma('page_count', { simple: true }) as number
      const size = db.pragma('page_size', { simple: true }) as number
      return Math.max(pages * size, statSync(file).size)
    },
    close: () => {
      db.close()
      for (const suffix of ['', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true })
    },
  }
}
