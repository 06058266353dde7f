// Metrics and tables of `npm run bench:search`: Recall@1, Recall@10, MRR and latency percentiles of
// one engine over the messy-query set, overall and per query type.

import { readFileSync } from 'node:fs'
import { parse } from 'yaml'

export const QUERY_TYPES = [
  'exact',
  'typo',
  'garbled',
  'no-diacritics',
  'other-script',
  'romanization',
  'qualifier',
  'person',
  'prefix',
] as const
export type QueryType = (typeof QUERY_TYPES)[number]

export interface MessyQuery {
  query: string
  /** `kind/slug` of the answer wanted first. */
  expect: string
  type: QueryType
}

/** Reads and checks the query set; every expected answer must be one of `known` (kind/slug). */
export function readMessyQueries(file: string, known: ReadonlySet<string>): MessyQuery[] {
  const raw = parse(readFileSync(file, 'utf8')) as unknown
  if (!Array.isArray(raw)) throw new Error(`${file}: expected a list of queries`)
  const problems: string[] = []
  const queries = raw.map((item: unknown, i): MessyQuery => {
    const q = item as Partial<MessyQuery>
    if (typeof q.query !== 'string' || q.query.trim() === '') problems.push(`#${i + 1}: no query`)
    if (!QUERY_TYPES.includes(q.type as QueryType))
      problems.push(`#${i + 1} ${q.query}: unknown type ${q.type}`)
    if (typeof q.expect !== 'string' || !known.has(q.expect))
      problems.push(`#${i + 1} ${q.query}: ${q.expect} is not a document of the curated data`)
    return { query: String(q.query), expect: String(q.expect), type: q.type as QueryType }
  })
  if (problems.length > 0) throw new Error(`${file}:\n  ${problems.join('\n  ')}`)
  return queries
}

export interface Answer {
  query: MessyQuery
  /** 1-based rank of the expected answer in the first ten results; null when absent. */
  rank: number | null
  ms: number
  /** The first result, for the list of misses. */
  first: string | null
}

export interface Figures {
  queries: number
  recallAt1: number
  recallAt10: number
  mrr: number
  p50: number
  p99: number
}

/** Nearest-rank percentile. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return 0
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!
}

export function figures(answers: readonly Answer[]): Figures {
  const n = answers.length || 1
  const ms = answers.map((a) => a.ms)
  return {
    queries: answers.length,
    recallAt1: answers.filter((a) => a.rank === 1).length / n,
    recallAt10: answers.filter((a) => a.rank !== null).length / n,
    mrr: answers.reduce((sum, a) => sum + (a.rank === null ? 0 : 1 / a.rank), 0) / n,
    p50: percentile(ms, 50),
    p99: percentile(ms, 99),
  }
}

export function byType(answers: readonly Answer[]): Record<string, Figures> {
  return Object.fromEntries(
    QUERY_TYPES.map((type) => [type, figures(answers.filter((a) => a.query.type === type))]),
  )
}

export function table(header: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)))
  const line = (cells: readonly string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ')
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n')
}

export const ratio = (x: number) => x.toFixed(3)
export const millis = (x: number) => (x < 10 ? x.toFixed(2) : x < 100 ? x.toFixed(1) : x.toFixed(0))
export const megabytes = (bytes: number | null) => (bytes === null ? '?' : (bytes / 1e6).toFixed(1))
export const seconds = (x: number) => (x < 10 ? x.toFixed(2) : x.toFixed(1))
export const count = (n: number) => n.toLocaleString('en-US')
