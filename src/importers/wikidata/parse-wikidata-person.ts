import { stringOf, type EntityJson } from './entity-json.ts'
import { claimsOf, itemClaims } from './parse-wikidata-film.ts'
import type { WikidataName, WikidataPerson } from './wikidata-person.ts'

const HUMAN = 'Q5'

function languageOrder(a: string, b: string): number {
  const rank = (language: string) => (language === 'en' ? 0 : language === 'mul' ? 1 : 2)
  return rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0)
}

function namesOf(entity: EntityJson): WikidataName[] {
  const names: WikidataName[] = []
  const labels = Object.values(entity.labels ?? {}).filter((l) => l.value && l.language)
  for (const label of labels.sort((a, b) => languageOrder(a.language!, b.language!)))
    names.push({ text: label.value!, language: label.language!, from: 'label' })
  const aliases = Object.values(entity.aliases ?? {})
    .flatMap((list) => (Array.isArray(list) ? list : []))
    .filter((a) => a.value && a.language)
  // A stable sort keeps each language's aliases in Wikidata's order.
  for (const alias of aliases.sort((a, b) => languageOrder(a.language!, b.language!)))
    names.push({ text: alias.value!, language: alias.language!, from: 'alias' })
  return names
}

function imdbIdOf(entity: EntityJson): string | null {
  // A person's P345 is an nm… id; tt… and ch… ids on a person are mistakes of the item.
  const ids = claimsOf(entity, 'P345', (_, snak) => stringOf(snak)).filter(
    (claim) => claim.rank !== 'deprecated' && /^nm\d+$/.test(claim.value),
  )
  return (ids.find((claim) => claim.rank === 'preferred') ?? ids[0])?.value ?? null
}

/** Maps one entity to a person record; undefined when it is not a human (P31 = Q5). */
export function parseWikidataPerson(entity: EntityJson): WikidataPerson | undefined {
  if (entity.type !== 'item') return undefined
  const human = itemClaims(entity, 'P31').some((c) => c.value === HUMAN && c.rank !== 'deprecated')
  if (!human) return undefined
  return {
    qid: entity.id,
    revision: typeof entity.lastrevid === 'number' ? entity.lastrevid : null,
    modified: typeof entity.modified === 'string' ? entity.modified : null,
    imdbId: imdbIdOf(entity),
    names: namesOf(entity),
  }
}
