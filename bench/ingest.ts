// npm run bench:ingest — precision and recall of article ingestion against hand-written gold claims
// (test/fixtures/articles/gold/*.json), per article and per property, and how confidence relates to
// correctness. Runs on a fresh SQLite database loaded with the bundled dataset (data/).
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { extractWithScope, readArticle, readDatasetDir, type CandidateClaim } from '../src/importers/index.ts'
import { buildArticleScope, loadDatasets } from '../src/services/index.ts'
import { connect, migrateToLatest } from '../src/storage/index.ts'

interface GoldClaim {
  subject: { kind: string; slug: string }
  property: string
  value: unknown
  qualifiers: Record<string, string>
}

const ARTICLES = join(import.meta.dirname, '../test/fixtures/articles')
const keyOf = (c: {
  subject: { kind: string; slug: string }
  property: string
  value: unknown
  qualifiers: Record<string, string>
}) =>
  JSON.stringify([c.subject.kind, c.subject.slug, c.property, c.value, Object.entries(c.qualifiers).sort()])

const dir = mkdtempSync(join(tmpdir(), 'retold-bench-ingest-'))
const storage = await connect({ databaseFile: join(dir, 'retold.db') })
await migrateToLatest(storage)
await loadDatasets(storage, readDatasetDir(join(import.meta.dirname, '../data')).datasets)

type Tally = { tp: number; fp: number; fn: number }
const tally = () => ({ tp: 0, fp: 0, fn: 0 })
const byArticle = new Map<string, Tally>()
const byProperty = new Map<string, Tally>()
const total = tally()
const buckets = [0.5, 0.7, 0.85, 1.01].map((upTo) => ({ upTo, correct: 0, all: 0 }))
const wrong: string[] = []

for (const file of readdirSync(join(ARTICLES, 'gold')).sort()) {
  const gold = JSON.parse(readFileSync(join(ARTICLES, 'gold', file), 'utf8')) as {
    article: string
    claims: GoldClaim[]
  }
  const article = readArticle(readFileSync(join(ARTICLES, gold.article), 'utf8'))
  const candidates: CandidateClaim[] = extractWithScope(article, await buildArticleScope(storage, article))
  const goldKeys = new Map(gold.claims.map((c) => [keyOf(c), c]))
  const found = new Set<string>()
  const t = tally()
  const add = (property: string, field: keyof Tally) => {
    t[field] += 1
    total[field] += 1
    const p = byProperty.get(property) ?? tally()
    p[field] += 1
    byProperty.set(property, p)
  }
  for (const candidate of candidates) {
    const key = keyOf(candidate)
    const correct = goldKeys.has(key)
    if (correct) found.add(key)
    else
      wrong.push(
        `${gold.article}: ${candidate.property} ${JSON.stringify(candidate.value)} ${JSON.stringify(candidate.qualifiers)} (${candidate.confidence})`,
      )
    add(candidate.property, correct ? 'tp' : 'fp')
    const bucket = buckets.find((b) => candidate.confidence < b.upTo)!
    bucket.all += 1
    if (correct) bucket.correct += 1
  }
  for (const [key, claim] of goldKeys) if (!found.has(key)) add(claim.property, 'fn')
  byArticle.set(gold.article, t)
}
await storage.close()
rmSync(dir, { recursive: true, force: true })

const ratio = (n: number, d: number) => (d === 0 ? '   —' : (n / d).toFixed(2))
const row = (name: string, t: Tally) =>
  `${name.padEnd(34)} ${String(t.tp).padStart(3)} ${String(t.fp).padStart(3)} ${String(t.fn).padStart(3)}   ${ratio(t.tp, t.tp + t.fp).padStart(5)} ${ratio(t.tp, t.tp + t.fn).padStart(6)}`
const header = `${''.padEnd(34)}  tp  fp  fn   prec. recall`
console.log(`per article\n${header}`)
for (const [name, t] of byArticle) console.log(row(name, t))
console.log(row('all', total))
console.log(`\nper property\n${header}`)
for (const [name, t] of [...byProperty].sort()) console.log(row(name, t))
console.log('\nconfidence   candidates  correct  share correct')
let from = 0
for (const b of buckets) {
  console.log(
    `[${from.toFixed(2)}, ${Math.min(b.upTo, 1).toFixed(2)}${b.upTo > 1 ? ']' : ')'}  ${String(b.all).padStart(10)} ${String(b.correct).padStart(8)}  ${ratio(b.correct, b.all).padStart(13)}`,
  )
  from = b.upTo
}
if (wrong.length > 0) console.log(`\nnot in the gold:\n  ${wrong.join('\n  ')}`)
const precision = total.tp / (total.tp + total.fp)
const recall = total.tp / (total.tp + total.fn)
console.log(`\nprecision ${precision.toFixed(3)} (goal ≥ 0.9), recall ${recall.toFixed(3)} (goal ≥ 0.75)`)
