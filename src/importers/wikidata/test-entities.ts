import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { EntityJson, SnakJson, StatementJson } from './entity-json.ts'

// Entities for the Wikidata importer's tests: the real City Streets item (test/fixtures/wikidata/), and
// small hand-written ones in the same shape. The hand-written ones use made-up QIDs from Q900001 up; the
// QIDs they point at (countries, currencies, IMDb Q37312) are real.

export const CITY_STREETS_FILE = join(import.meta.dirname, '../../../test/fixtures/wikidata/Q2262932.json')

export const CITY_STREETS = (
  JSON.parse(readFileSync(CITY_STREETS_FILE, 'utf8')) as { entities: { Q2262932: EntityJson } }
).entities.Q2262932

export function item(property: string, id: string): SnakJson {
  return {
    snaktype: 'value',
    property,
    datavalue: {
      type: 'wikibase-entityid',
      value: { 'entity-type': 'item', 'numeric-id': Number(id.slice(1)), id },
    },
  }
}

export function text(property: string, value: string): SnakJson {
  return { snaktype: 'value', property, datavalue: { type: 'string', value } }
}

export function time(property: string, value: string, precision: number): SnakJson {
  return {
    snaktype: 'value',
    property,
    datavalue: {
      type: 'time',
      value: {
        time: value,
        timezone: 0,
        before: 0,
        after: 0,
        precision,
        calendarmodel: 'http://www.wikidata.org/entity/Q1985727',
      },
    },
  }
}

export function quantity(property: string, amount: string, unit: string): SnakJson {
  const unitUrl = unit === '1' ? '1' : `http://www.wikidata.org/entity/${unit}`
  return { snaktype: 'value', property, datavalue: { type: 'quantity', value: { amount, unit: unitUrl } } }
}

let statementCount = 0

/** A statement of `snak`, with qualifiers and references given as lists of snaks. */
export function statement(
  snak: SnakJson,
  options: { rank?: string; qualifiers?: SnakJson[]; references?: SnakJson[][] } = {},
): StatementJson {
  const group = (snaks: SnakJson[]) => {
    const byProperty: Record<string, SnakJson[]> = {}
    for (const s of snaks) (byProperty[s.property!] ??= []).push(s)
    return byProperty
  }
  statementCount++
  return {
    id: `Q900000$TEST-${statementCount}`,
    rank: options.rank ?? 'normal',
    mainsnak: snak,
    ...(options.qualifiers ? { qualifiers: group(options.qualifiers) } : {}),
    ...(options.references
      ? { references: options.references.map((snaks) => ({ snaks: group(snaks) })) }
      : {}),
  }
}

export function entity(
  id: string,
  labels: Record<string, string>,
  statements: StatementJson[],
  aliases: Record<string, string[]> = {},
): EntityJson {
  const claims: Record<string, StatementJson[]> = {}
  for (const s of statements) (claims[s.mainsnak!.property!] ??= []).push(s)
  return {
    type: 'item',
    id,
    lastrevid: 2000000000 + Number(id.slice(1)),
    modified: '2024-05-17T08:00:00Z',
    labels: Object.fromEntries(
      Object.entries(labels).map(([language, value]) => [language, { language, value }]),
    ),
    aliases: Object.fromEntries(
      Object.entries(aliases).map(([language, values]) => [
        language,
        values.map((value) => ({ language, value })),
      ]),
    ),
    claims,
  }
}

/** A Turkish remake of City Streets, with a source on its "based on", a deprecated country and money. */
export const REMAKE = entity(
  'Q900001',
  { tr: 'Şehir Sokakları', en: 'City Streets' },
  [
    statement(item('P31', 'Q11424')),
    statement(item('P144', 'Q2262932'), {
      references: [
        [
          item('P248', 'Q37312'),
          text('P854', 'https://www.imdb.com/title/tt0021750/'),
          time('P813', '+2024-05-17T00:00:00Z', 11),
        ],
      ],
    }),
    statement(text('P345', 'tt9900001')),
    statement(item('P57', 'Q900011')),
    statement(item('P161', 'Q900012'), {
      qualifiers: [item('P453', 'Q900013'), text('P4633', 'Memo')],
    }),
    statement(item('P495', 'Q43')),
    statement(item('P495', 'Q30'), { rank: 'deprecated' }),
    statement(item('P364', 'Q256')),
    statement(time('P577', '+2019-10-11T00:00:00Z', 11), {
      rank: 'preferred',
      qualifiers: [item('P291', 'Q43')],
    }),
    statement(time('P577', '+2020-02-00T00:00:00Z', 10), { qualifiers: [item('P291', 'Q900099')] }),
    statement(quantity('P2047', '+1.5', 'Q25235')),
    statement(quantity('P2142', '+41000000', 'Q172872'), {
      qualifiers: [time('P585', '+2020-01-01T00:00:00Z', 9)],
    }),
  ],
  { tr: ['Sehir Sokaklari'] },
)

/** A series that follows the remake. */
export const SERIES = entity('Q900002', { en: 'City Streets: The Series' }, [
  statement(item('P31', 'Q5398426')),
  statement(item('P155', 'Q900001')),
  statement(item('P495', 'Q884')),
  statement(item('P364', 'Q9176')),
])

/** The remake's director (P57): a person. */
export const PERSON = entity('Q900011', { en: 'A Director' }, [statement(item('P31', 'Q5'))])

/**
 * The remake's cast member (P161, playing Memo): labels in three languages and `mul`, aliases, and
 * an IMDb name id (P345) beside a deprecated one.
 */
export const ACTOR = entity(
  'Q900012',
  { tr: 'Aras Bulut İynemli', mul: 'Aras Bulut Iynemli', en: 'Aras Bulut İynemli', ru: 'Арас Булут Ийнемли' },
  [
    statement(item('P31', 'Q5')),
    statement(text('P345', 'nm9900012')),
    statement(text('P345', 'nm9900099'), { rank: 'deprecated' }),
  ],
  { tr: ['Aras İynemli'], en: ['Aras Bulut'] },
)

/** A place: neither a film nor a person, so skipped. */
export const PLACE = entity('Q900021', { en: 'Beyoğlu' }, [statement(item('P31', 'Q515'))])

/** A short film, the last line of the test dump (no trailing comma). */
export const SHORT = entity('Q900003', { en: 'Streets, Short' }, [
  statement(item('P31', 'Q24862')),
  statement(quantity('P2047', '+600', 'Q11574')),
])
