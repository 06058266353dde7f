import {
  dateOf,
  itemOf,
  monolingualOf,
  quantityOf,
  stringOf,
  type EntityJson,
  type SnakJson,
  type StatementJson,
} from './entity-json.ts'
import {
  COUNTRY_CODES,
  CURRENCY_CODES,
  FILM_CLASSES,
  KIND_PRECEDENCE,
  LANGUAGE_CODES,
  SECONDS_PER_UNIT,
} from './wikidata-codes.ts'
import type {
  CodedItem,
  WikidataClaim,
  WikidataFilm,
  WikidataFilmKind,
  WikidataRank,
  WikidataSource,
  WikidataTitle,
} from './wikidata-film.ts'

const RANKS: readonly string[] = ['preferred', 'normal', 'deprecated'] satisfies WikidataRank[]

function listOf<T>(value: T[] | undefined): T[] {
  return Array.isArray(value) ? value : []
}

function coded(qid: string, codes: Readonly<Record<string, string>>): CodedItem {
  return { qid, code: codes[qid] ?? null }
}

function rankOf(statement: StatementJson): WikidataRank {
  return RANKS.includes(statement.rank ?? '') ? (statement.rank as WikidataRank) : 'normal'
}

function sourcesOf(statement: StatementJson): WikidataSource[] {
  return listOf(statement.references).flatMap((reference) => {
    const snaks = reference.snaks ?? {}
    const first = (property: string): SnakJson | undefined => listOf(snaks[property])[0]
    const source: WikidataSource = {
      url: stringOf(first('P854')) ?? null,
      statedIn: itemOf(first('P248')) ?? null,
      retrieved: dateOf(first('P813')) ?? null,
      importedFrom: itemOf(first('P143')) ?? null,
    }
    return Object.values(source).some((value) => value !== null) ? [source] : []
  })
}

/**
 * The statements of one property as claims. A statement whose value cannot be read is left out:
 * "unknown value" and "no value" snaks, and shapes this importer does not expect.
 */
export function claimsOf<T>(
  entity: EntityJson,
  property: string,
  read: (statement: StatementJson, mainsnak: SnakJson | undefined) => T | undefined,
): WikidataClaim<T>[] {
  const claims: WikidataClaim<T>[] = []
  for (const statement of listOf(entity.claims?.[property])) {
    const value = read(statement, statement.mainsnak)
    if (value === undefined || typeof statement.id !== 'string') continue
    claims.push({ id: statement.id, value, rank: rankOf(statement), sources: sourcesOf(statement) })
  }
  return claims
}

function qualifiers(statement: StatementJson, property: string): SnakJson[] {
  return listOf(statement.qualifiers?.[property])
}

function defined<T>(values: (T | undefined)[]): T[] {
  return values.filter((value) => value !== undefined)
}

export const itemClaims = (entity: EntityJson, property: string) =>
  claimsOf(entity, property, (_, snak) => itemOf(snak))

function kindOf(classes: WikidataClaim<string>[]): WikidataFilmKind | undefined {
  // A deprecated "instance of film" is Wikidata saying the item is not one.
  const kinds = new Set(classes.filter((c) => c.rank !== 'deprecated').map((c) => FILM_CLASSES[c.value]))
  return KIND_PRECEDENCE.find((kind) => kinds.has(kind))
}

function titlesOf(entity: EntityJson): WikidataTitle[] {
  const titles: WikidataTitle[] = []
  for (const claim of claimsOf(entity, 'P1476', (_, snak) => monolingualOf(snak))) {
    if (claim.rank !== 'deprecated') titles.push({ ...claim.value, from: 'title' })
  }
  for (const label of Object.values(entity.labels ?? {})) {
    if (label.value && label.language)
      titles.push({ text: label.value, language: label.language, from: 'label' })
  }
  for (const aliases of Object.values(entity.aliases ?? {})) {
    for (const alias of listOf(aliases)) {
      if (alias.value && alias.language)
        titles.push({ text: alias.value, language: alias.language, from: 'alias' })
    }
  }
  return titles
}

function imdbIdOf(entity: EntityJson): string | null {
  // P345 also holds nm… (people) and ch… ids; a film's is tt….
  const ids = claimsOf(entity, 'P345', (_, snak) => stringOf(snak)).filter(
    (claim) => claim.rank !== 'deprecated' && /^tt\d+$/.test(claim.value),
  )
  return (ids.find((claim) => claim.rank === 'preferred') ?? ids[0])?.value ?? null
}

/** Maps one entity to a film record; undefined when it is not a film or a series. */
export function parseWikidataFilm(entity: EntityJson): WikidataFilm | undefined {
  const classes = itemClaims(entity, 'P31')
  const kind = kindOf(classes)
  if (kind === undefined || entity.type !== 'item') return undefined

  return {
    qid: entity.id,
    kind,
    classes: [...new Set(classes.map((c) => c.value))],
    revision: typeof entity.lastrevid === 'number' ? entity.lastrevid : null,
    modified: typeof entity.modified === 'string' ? entity.modified : null,
    imdbId: imdbIdOf(entity),
    titles: titlesOf(entity),
    basedOn: itemClaims(entity, 'P144'),
    derivativeWorks: itemClaims(entity, 'P4969'),
    follows: itemClaims(entity, 'P155'),
    followedBy: itemClaims(entity, 'P156'),
    directors: itemClaims(entity, 'P57'),
    cast: claimsOf(entity, 'P161', (statement, snak) => {
      const person = itemOf(snak)
      return person === undefined
        ? undefined
        : {
            person,
            characters: defined(qualifiers(statement, 'P453').map(itemOf)),
            characterNames: defined(qualifiers(statement, 'P4633').map(stringOf)),
          }
    }),
    countries: claimsOf(entity, 'P495', (_, snak) => {
      const qid = itemOf(snak)
      return qid === undefined ? undefined : coded(qid, COUNTRY_CODES)
    }),
    languages: claimsOf(entity, 'P364', (_, snak) => {
      const qid = itemOf(snak)
      return qid === undefined ? undefined : coded(qid, LANGUAGE_CODES)
    }),
    releaseDates: claimsOf(entity, 'P577', (statement, snak) => {
      const date = dateOf(snak)
      return date === undefined
        ? undefined
        : {
            date,
            places: defined(qualifiers(statement, 'P291').map(itemOf)).map((qid) =>
              coded(qid, COUNTRY_CODES),
            ),
          }
    }),
    runtimeMinutes: claimsOf(entity, 'P2047', (_, snak) => {
      const quantity = quantityOf(snak)
      const seconds = SECONDS_PER_UNIT[quantity?.unit ?? '']
      // A duration without a time unit says nothing.
      return quantity === undefined || seconds === undefined ? undefined : (quantity.amount * seconds) / 60
    }),
    boxOffice: claimsOf(entity, 'P2142', (statement, snak) => {
      const quantity = quantityOf(snak)
      if (quantity?.unit === undefined) return undefined
      return {
        amount: quantity.amount,
        currency: coded(quantity.unit, CURRENCY_CODES),
        asOf: dateOf(qualifiers(statement, 'P585')[0]) ?? null,
      }
    }),
  }
}
