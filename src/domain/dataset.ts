import type {
  CreditRole,
  ExternalIds,
  FilmKind,
  FilmRelation,
  FilmStatus,
  SourceKind,
  SpoilerLevel,
  TitleKind,
} from './model.ts'
import type { ClaimValue, PropertyName, Qualifiers } from './properties.ts'

// The records importers produce and services store. Entities refer to each other by slug.

export interface ClaimInput {
  property: PropertyName
  value: ClaimValue
  qualifiers: Qualifiers
  source: string
  quote: string | null
  spoiler: SpoilerLevel
  /** An editor's reason for preferring this claim over conflicting ones. */
  pin: string | null
}

export interface SourceInput {
  slug: string
  kind: SourceKind
  url: string | null
  title: string
  publisher: string | null
  author: string | null
  language: string | null
  publishedAt: string | null
  updatedAt: string | null
  retrievedAt: string | null
  text: string | null
}

export interface CharacterInput {
  slug: string
  name: string
  description: string | null
}

export interface PersonNameInput {
  name: string
  language: string | null
  script: string | null
}

export interface PersonInput {
  slug: string
  /** Listed under `people` (its names and ids are the file's word), or only named in a credit. */
  listed: boolean
  name: string
  names: PersonNameInput[]
  ids: ExternalIds
  claims: ClaimInput[]
}

export interface TitleInput {
  text: string
  language: string | null
  script: string | null
  region: string | null
  kind: TitleKind
  source: string
}

export interface CreditInput {
  role: CreditRole
  person: string
  character: string | null
  characterName: string | null
  source: string
}

export interface SceneInput {
  slug: string
  title: string
  description: string
  spoiler: SpoilerLevel
  source: string
}

export interface FilmInput {
  slug: string
  kind: FilmKind
  status: FilmStatus
  relation: FilmRelation
  of: string | null
  ids: ExternalIds
  source: string
  titles: TitleInput[]
  claims: ClaimInput[]
  credits: CreditInput[]
  scenes: SceneInput[]
}

export interface StoryInput {
  slug: string
  title: string
  summary: string
  themes: string[]
  origin: string | null
  claims: ClaimInput[]
}

/** One curated story file, checked and ready to store. */
export interface StoryDataset {
  file: string
  contentHash: string
  story: StoryInput
  sources: SourceInput[]
  characters: CharacterInput[]
  people: PersonInput[]
  films: FilmInput[]
}

/** A problem found in input, reported as `file:line: message` and never thrown. */
export interface ImportIssue {
  file: string
  line: number
  message: string
}

export function formatIssue(issue: ImportIssue): string {
  return `${issue.file}:${issue.line}: ${issue.message}`
}
