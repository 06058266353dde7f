import type { Fact } from '../domain/index.ts'
import type { FilmView } from '../services/index.ts'

// schema.org Movie JSON-LD for a film page (https://schema.org/Movie).

function first(facts: readonly Fact[], property: string): Fact | undefined {
  return facts.find((f) => f.property === property)
}

/** JSON that is safe inside a <script> element: no "</script>" can close it early. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029')
}

export function movieJsonLd(view: FilmView, url: string, image: string | null) {
  const { film, facts, credits } = view
  const runtime = first(facts, 'runtime_minutes')?.value
  const released = facts
    .filter((f) => f.property === 'release_date' && typeof f.value === 'string')
    .map((f) => f.value as string)
    .sort()[0]
  const person = (c: (typeof credits)[number]) => ({ '@type': 'Person', name: c.person.name })
  return {
    '@context': 'https://schema.org',
    '@type': 'Movie',
    name: film.title,
    url,
    ...(film.originalTitle && film.originalTitle.text !== film.title
      ? { alternateName: film.originalTitle.text }
      : {}),
    ...(released ? { datePublished: released } : film.year ? { datePublished: String(film.year) } : {}),
    ...(typeof runtime === 'number' ? { duration: `PT${runtime}M` } : {}),
    ...(image ? { image } : {}),
    description: first(facts, 'synopsis')?.value,
    countryOfOrigin: facts
      .filter((f) => f.property === 'country')
      .map((f) => ({ '@type': 'Country', name: f.value })),
    inLanguage: facts.filter((f) => f.property === 'language').map((f) => f.value),
    genre: facts.filter((f) => f.property === 'genre').map((f) => f.value),
    director: credits.filter((c) => c.role === 'director').map(person),
    author: credits.filter((c) => c.role === 'writer').map(person),
    actor: credits.filter((c) => c.role === 'cast').map(person),
    ...(film.relatedFilm ? { isBasedOn: { '@type': 'Movie', name: film.relatedFilm.title } } : {}),
    ...(film.ids.imdb ? { sameAs: [`https://www.imdb.com/title/${film.ids.imdb}/`] } : {}),
  }
}
