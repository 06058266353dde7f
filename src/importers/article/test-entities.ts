import type { KnownEntity } from '../../domain/index.ts'

// Made-up films and people of a made-up story, for the extractor's tests: examples of our own, so
// that no rule is fitted to the articles the bench measures it on.

/** A film of `story`, named after its slug. */
export function testFilm(
  story: string,
  slug: string,
  year: number,
  country: string,
  relation: string,
): KnownEntity {
  return { kind: 'film', slug, name: slug, year, countries: [country], relation, story }
}

/** A person named after their slug, credited in `films`. */
export function testPerson(slug: string, films: string[]): KnownEntity {
  return { kind: 'person', slug, name: slug, films }
}
