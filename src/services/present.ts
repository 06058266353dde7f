import {
  isRevealed,
  type ClaimValue,
  type Fact,
  type Source,
  type SourcedClaim,
  type SpoilerLevel,
  type Title,
} from '../domain/index.ts'
import type { CreditListing } from '../storage/index.ts'
import type { FilmSummary, FilmView, PersonView, SourceView, StoryView } from './catalog.ts'

// Plain JSON shapes for the API and `retold show --json`.

export interface CitationJson {
  source: string
  title: string
  url: string | null
  kind: string
  quote: string | null
}

export interface FactJson {
  property: string
  qualifiers: Record<string, string>
  /** Null while the fact is above the spoiler level the reader asked to see. */
  value: ClaimValue | null
  hidden: boolean
  spoiler: string
  status: Fact['status']
  decidedBy: Fact['decidedBy']
  pinned: { reason: string; by: string } | null
  sources: CitationJson[]
  conflicts: Array<{ value: ClaimValue | null; sources: CitationJson[] }>
}

function citation(claim: SourcedClaim): CitationJson {
  return {
    source: claim.source.slug,
    title: claim.source.title,
    url: claim.source.url,
    kind: claim.source.kind,
    quote: claim.quote,
  }
}

export function presentFact(fact: Fact, reveal: SpoilerLevel): FactJson {
  const pin = fact.claims.find((claim) => claim.pin)?.pin
  const shown = isRevealed(fact.spoiler, reveal)
  return {
    property: fact.property,
    qualifiers: Object.fromEntries(
      Object.entries(fact.qualifiers).filter(([, v]) => v !== undefined),
    ) as Record<string, string>,
    value: shown ? fact.value : null,
    hidden: !shown,
    spoiler: fact.spoiler,
    status: fact.status,
    decidedBy: fact.decidedBy,
    pinned: fact.status === 'pinned' && pin ? { reason: pin.reason, by: pin.by } : null,
    sources: fact.claims.map(citation),
    conflicts: fact.conflicts.map((c) => ({
      value: shown ? c.value : null,
      sources: c.claims.map(citation),
    })),
  }
}

function presentTitle(title: Title) {
  return {
    text: title.text,
    language: title.language,
    script: title.script,
    region: title.region,
    kind: title.kind,
  }
}

function presentSource(source: Source) {
  return {
    slug: source.slug,
    kind: source.kind,
    title: source.title,
    url: source.url,
    publisher: source.publisher,
    author: source.author,
    language: source.language,
    published: source.publishedAt,
    updated: source.updatedAt,
    retrieved: source.retrievedAt,
  }
}

function presentCredit(credit: CreditListing) {
  return {
    role: credit.role,
    person: { slug: credit.person.slug, name: credit.person.name },
    character: credit.character?.slug ?? null,
    as: credit.characterName,
  }
}

function presentFilmSummary(film: FilmSummary) {
  return {
    slug: film.slug,
    title: film.title,
    originalTitle: film.originalTitle && presentTitle(film.originalTitle),
    year: film.year,
    kind: film.kind,
    status: film.status,
    relation: film.relation,
    of: film.relatedFilm?.slug ?? null,
    ids: film.ids,
  }
}

export function presentStory(view: StoryView, reveal: SpoilerLevel) {
  return {
    slug: view.story.slug,
    title: view.story.title,
    summary: view.story.summary,
    themes: view.story.themes,
    origin: view.origin,
    facts: view.facts.map((f) => presentFact(f, reveal)),
    versions: view.versions.map((v) => ({
      ...presentFilmSummary(v),
      titles: v.titles.map(presentTitle),
      facts: v.facts.map((f) => presentFact(f, reveal)),
      directors: v.directors.map((c) => presentCredit(c).person),
      cast: v.cast.map(presentCredit),
    })),
    characters: view.characters.map(({ character, roles }) => ({
      slug: character.slug,
      name: character.name,
      description: character.description,
      roles: roles.map((r) => ({
        film: r.film,
        name: r.name,
        person: { slug: r.person.slug, name: r.person.name },
      })),
    })),
    sources: view.sources.map(presentSource),
  }
}

export function presentFilm(view: FilmView, reveal: SpoilerLevel) {
  return {
    ...presentFilmSummary(view.film),
    story: view.story && { slug: view.story.slug, title: view.story.title },
    titles: view.film.titles.map(presentTitle),
    facts: view.facts.map((f) => presentFact(f, reveal)),
    storyFacts: view.story?.facts.map((f) => presentFact(f, reveal)) ?? [],
    credits: view.credits.map(presentCredit),
    scenes: view.scenes.map((s) => {
      const shown = isRevealed(s.spoiler, reveal)
      return {
        slug: s.slug,
        title: shown ? s.title : null,
        description: shown ? s.description : null,
        spoiler: s.spoiler,
        hidden: !shown,
      }
    }),
    versions: view.versions.map(presentFilmSummary),
    sources: view.sources.map(presentSource),
  }
}

export function presentPerson(view: PersonView, reveal: SpoilerLevel) {
  return {
    slug: view.person.slug,
    name: view.person.name,
    ids: view.person.ids,
    names: view.names.map((n) => ({ name: n.name, language: n.language, script: n.script })),
    credits: view.credits.map((c) => ({ ...presentCredit(c), film: presentFilmSummary(c.film) })),
    facts: view.facts.map((f) => presentFact(f, reveal)),
    sources: view.sources.map(presentSource),
  }
}

export function presentSourceView(view: SourceView, reveal: SpoilerLevel) {
  return {
    ...presentSource(view.source),
    claims: view.claims.map((claim) => {
      const shown = isRevealed(claim.spoiler, reveal)
      return {
        about: claim.about,
        property: claim.property,
        qualifiers: claim.qualifiers,
        value: shown ? claim.value : null,
        hidden: !shown,
        quote: shown ? claim.quote : null,
        spoiler: claim.spoiler,
      }
    }),
  }
}
