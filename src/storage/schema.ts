import type { Generated, Insertable, Selectable, Updateable } from 'kysely'

// Tables as Kysely sees them. Columns are snake_case; repositories map rows to domain objects.
// JSON values are stored as text and dates as ISO-8601 text, the same on SQLite and PostgreSQL.

export interface StoryTable {
  id: Generated<number>
  slug: string
  title: string
  summary: string
  themes: string
  origin_film_id: number | null
  curated_file: string | null
  created_at: string
  updated_at: string
}

export interface FilmTable {
  id: Generated<number>
  slug: string
  story_id: number | null
  kind: string
  status: string
  relation: string
  related_film_id: number | null
  year: number | null
  imdb_id: string | null
  wikidata_id: string | null
  tmdb_id: string | null
  source_id: number | null
  curated_file: string | null
  /** An episode's series. */
  parent_film_id: number | null
  season: number | null
  episode: number | null
  created_at: string
  updated_at: string
}

export interface TitleTable {
  id: Generated<number>
  film_id: number
  text: string
  language: string | null
  script: string | null
  region: string | null
  kind: string
  position: number
  source_id: number | null
  /** Set on titles an IMDb import added: its `ordering` (0 and -1 for title.basics' titles). */
  imdb_ordering: number | null
  attributes: string | null
}

export interface PersonTable {
  id: Generated<number>
  slug: string
  name: string
  imdb_id: string | null
  wikidata_id: string | null
  created_at: string
  updated_at: string
}

export interface PersonNameTable {
  id: Generated<number>
  person_id: number
  name: string
  language: string | null
  script: string | null
}

export interface CharacterTable {
  id: Generated<number>
  story_id: number
  slug: string
  name: string
  description: string | null
}

export interface CreditTable {
  id: Generated<number>
  film_id: number
  person_id: number
  role: string
  character_id: number | null
  character_name: string | null
  billing: number
  source_id: number | null
  /** Set on credits an IMDb import added: the principal's `ordering`, 0 for title.crew. */
  imdb_ordering: number | null
  job: string | null
}

export interface SceneTable {
  id: Generated<number>
  film_id: number
  slug: string
  title: string
  description: string
  spoiler: string
  position: number
  source_id: number | null
}

export interface SourceTable {
  id: Generated<number>
  slug: string
  kind: string
  url: string | null
  title: string
  publisher: string | null
  author: string | null
  language: string | null
  published_at: string | null
  updated_at: string | null
  retrieved_at: string | null
  text: string | null
  content_hash: string | null
  created_at: string
}

export interface ClaimTable {
  id: Generated<number>
  subject_kind: string
  subject_id: number
  property: string
  value: string
  qualifiers: string
  qualifier_key: string
  source_id: number
  quote: string | null
  spoiler: string
  status: string
  pin_reason: string | null
  pinned_by: string | null
  pinned_at: string | null
  /** What added the claim: a curated file's path, an importer, or an editor. */
  origin: string
  added_by: string
  added_at: string
}

export interface RevisionTable {
  id: Generated<number>
  entity_kind: string
  entity_key: string
  action: string
  before: string | null
  after: string | null
  author: string
  reason: string | null
  created_at: string
}

export interface SearchDocumentTable {
  id: Generated<number>
  kind: string
  slug: string
  story_id: number | null
  title: string
  /** The normalized search keys of every name, one per line. */
  keys: string
  year: number | null
  countries: string
  languages: string
  story_slug: string | null
  story_title: string | null
  relation: string | null
  popularity: number
  /** PostgreSQL only: the distinct words of the keys, under a GIN index. */
  words?: string[]
}

/** SQLite only: the FTS5 word index of search documents (rowid = search_document.id), contentless. */
export interface SearchFtsTable {
  rowid: number
  words: string
}

/** Every word of the search index, with the number of documents that contain it. */
export interface SearchWordTable {
  id: Generated<number>
  word: string
  documents: number
}

export interface DatasetFileTable {
  path: string
  content_hash: string
  loaded_at: string
}

export interface ImportCheckpointTable {
  importer: string
  file: string
  fingerprint: string
  line: number
  byte_offset: number
  done: number
  read: number
  imported: number
  updated: number
  unchanged: number
  skipped: number
  rejected: number
  issues: string
  started_at: string
  updated_at: string
}

/** Films and people an import changed whose search documents are still to be rebuilt. */
export interface ImportPendingTable {
  kind: string
  id: number
}

/** A Wikidata link of an imported film (based on, derivative work, follows, followed by), by QID. */
export interface WikidataLinkTable {
  film_id: number
  property: string
  target: string
}

/** A Wikidata credit (P57, P161) of an imported film whose person is not stored yet, by QID. */
export interface WikidataCreditTable {
  film_id: number
  person: string
  role: string
  billing: number
  character_name: string | null
  source_id: number | null
}

export interface AccountTable {
  id: Generated<number>
  username: string
  /** `scrypt$<log2 N>$<r>$<p>$<salt>$<key>`, base64url. */
  password_hash: string
  role: string
  created_at: string
  updated_at: string
}

export interface AccountSessionTable {
  /** SHA-256 of the session token, hex: the token itself is only ever in the reader's cookie. */
  token_hash: string
  account_id: number
  created_at: string
  expires_at: string
}

export interface RateLimitTable {
  key: string
  window_start: number
  hits: number
}

export interface MediaTable {
  /** The sha256 of the file's bytes, hex: also its name in the media folder. */
  sha256: string
  type: string
  size: number
  created_at: string
}

/** A fan, known by the sha256 of their normalized email, and what moderators decided about their posts. */
export interface ContributorTable {
  key: string
  approved: Generated<number>
  spam: Generated<number>
  created_at: string
}

export interface MomentTable {
  id: Generated<number>
  film_id: number
  scene_id: number | null
  display_name: string
  /** Private: never in a public shape. */
  email: string
  contributor_key: string
  country: string
  title: string
  text: string | null
  video_kind: string | null
  video_ref: string | null
  /** 0 or 1. */
  spoiler: number
  status: string
  created_at: string
  published_at: string | null
}

export interface CommentTable {
  id: Generated<number>
  target_kind: string
  target_id: number
  parent_id: number | null
  name: string
  /** Private: never in a public shape. */
  email: string
  contributor_key: string
  body: string
  status: string
  created_at: string
  published_at: string | null
}

export interface AuditLogTable {
  id: Generated<number>
  actor_id: number
  action: string
  target_kind: string
  target_id: number
  before: string | null
  after: string | null
  created_at: string
}

/** A claim an ingested article seems to make, until an editor accepts, edits or rejects it. */
export interface ClaimCandidateTable {
  id: Generated<number>
  source_id: number
  subject_kind: string
  subject_slug: string
  subject_name: string
  property: string
  value: string
  qualifiers: string
  quote: string
  start_offset: number
  end_offset: number
  /** Hundredths (0..100). */
  confidence: number
  status: string
  claim_id: number | null
  decided_by: string | null
  decided_at: string | null
  created_at: string
}

export interface Database {
  story: StoryTable
  film: FilmTable
  title: TitleTable
  person: PersonTable
  person_name: PersonNameTable
  character: CharacterTable
  credit: CreditTable
  scene: SceneTable
  source: SourceTable
  claim: ClaimTable
  revision: RevisionTable
  dataset_file: DatasetFileTable
  search_document: SearchDocumentTable
  search_fts: SearchFtsTable
  search_word: SearchWordTable
  import_checkpoint: ImportCheckpointTable
  import_pending: ImportPendingTable
  wikidata_link: WikidataLinkTable
  wikidata_credit: WikidataCreditTable
  account: AccountTable
  account_session: AccountSessionTable
  rate_limit: RateLimitTable
  media: MediaTable
  contributor: ContributorTable
  moment: MomentTable
  comment: CommentTable
  audit_log: AuditLogTable
  claim_candidate: ClaimCandidateTable
}

export type StoryRow = Selectable<StoryTable>
export type FilmRow = Selectable<FilmTable>
export type TitleRow = Selectable<TitleTable>
export type PersonRow = Selectable<PersonTable>
export type CharacterRow = Selectable<CharacterTable>
export type CreditRow = Selectable<CreditTable>
export type SceneRow = Selectable<SceneTable>
export type SourceRow = Selectable<SourceTable>
export type ClaimRow = Selectable<ClaimTable>
export type RevisionRow = Selectable<RevisionTable>
export type NewClaimRow = Insertable<ClaimTable>
export type FilmUpdate = Updateable<FilmTable>
export type MomentRow = Selectable<MomentTable>
export type CommentRow = Selectable<CommentTable>
export type AuditLogRow = Selectable<AuditLogTable>
export type ClaimCandidateRow = Selectable<ClaimCandidateTable>
