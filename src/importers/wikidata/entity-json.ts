// The subset of Wikidata's entity JSON (https://www.mediawiki.org/wiki/Wikibase/DataModel/JSON) this
// importer reads, and readers for snak values. The readers check shapes at run time and return undefined
// for anything unexpected: one odd statement must not stop a 100 GB dump.

export interface SnakJson {
  /** `somevalue` ("unknown value") and `novalue` snaks have no datavalue. */
  snaktype?: string
  property?: string
  datavalue?: { type?: string; value?: unknown }
}

export interface StatementJson {
  id?: string
  rank?: string
  mainsnak?: SnakJson
  qualifiers?: Record<string, SnakJson[]>
  references?: { snaks?: Record<string, SnakJson[]> }[]
}

export interface TermJson {
  language?: string
  value?: string
}

export interface EntityJson {
  id: string
  type: string
  lastrevid?: number
  modified?: string
  labels?: Record<string, TermJson>
  aliases?: Record<string, TermJson[]>
  claims?: Record<string, StatementJson[]>
}

export function isEntityJson(value: unknown): value is EntityJson {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false
  const { id, type } = value as Record<string, unknown>
  return typeof id === 'string' && typeof type === 'string'
}

function valueOf(snak: SnakJson | undefined, type: string): unknown {
  if (snak?.snaktype !== undefined && snak.snaktype !== 'value') return undefined
  return snak?.datavalue?.type === type ? snak.datavalue.value : undefined
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null
}

/** The QID of an item value (`{"entity-type":"item","numeric-id":30,"id":"Q30"}`). */
export function itemOf(snak: SnakJson | undefined): string | undefined {
  const value = valueOf(snak, 'wikibase-entityid')
  if (!isRecord(value)) return undefined
  // Older dumps give only the number.
  const id = value.id ?? (value['entity-type'] === 'item' ? `Q${String(value['numeric-id'])}` : undefined)
  return typeof id === 'string' && /^Q\d+$/.test(id) ? id : undefined
}

export function stringOf(snak: SnakJson | undefined): string | undefined {
  const value = valueOf(snak, 'string')
  return typeof value === 'string' ? value : undefined
}

export function monolingualOf(snak: SnakJson | undefined): { text: string; language: string } | undefined {
  const value = valueOf(snak, 'monolingualtext')
  return isRecord(value) && typeof value.text === 'string' && typeof value.language === 'string'
    ? { text: value.text, language: value.language }
    : undefined
}

/**
 * A time value as a date of the precision it states: 9 → `1931`, 10 → `1931-05`, 11 (or finer) →
 * `1931-05-17`. Coarser precisions (decade, century) and years outside 1–9999 give undefined: a
 * decade is not a year.
 */
export function dateOf(snak: SnakJson | undefined): string | undefined {
  const value = valueOf(snak, 'time')
  if (!isRecord(value) || typeof value.time !== 'string' || typeof value.precision !== 'number')
    return undefined
  const match = /^\+0*(\d{1,4})-(\d\d)-(\d\d)T/.exec(value.time)
  if (!match || value.precision < 9 || Number(match[1]) === 0) return undefined
  const [, year, month, day] = match as unknown as [string, string, string, string]
  let date = year.padStart(4, '0')
  // Wikidata writes unknown parts as 00 ("+1931-00-00T00:00:00Z"); stop at the first one.
  if (value.precision >= 10 && month !== '00') {
    date += `-${month}`
    if (value.precision >= 11 && day !== '00') date += `-${day}`
  }
  return date
}

/** A quantity: its amount and its unit's QID (undefined for a unitless quantity, unit "1"). */
export function quantityOf(
  snak: SnakJson | undefined,
): { amount: number; unit: string | undefined } | undefined {
  const value = valueOf(snak, 'quantity')
  if (!isRecord(value) || typeof value.amount !== 'string') return undefined
  const amount = Number(value.amount)
  if (!Number.isFinite(amount)) return undefined
  const unit = typeof value.unit === 'string' ? /\/entity\/(Q\d+)$/.exec(value.unit)?.[1] : undefined
  return { amount, unit }
}
