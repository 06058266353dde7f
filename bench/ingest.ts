// npm run bench:ingest — precision and recall of article ingestion against hand-written gold claims
// (test/fixtures/articles/gold/*.json), per article and per property, and how confidence relates to
// correctness. Runs on a fresh SQLite database loaded with the bundled dataset (data/).
// Four groups are scored apart: the seed articles (seed-*), which the extractor's rules were first
// written from (training figures); held-out sets 1 (heldout-*) and 2 (heldout2-*), each written with its
// gold before the extractor first ran on it but used since as development sets while the rules were
// improved on their misses (development figures, no longer held out); held-out set 3 (heldout3-*),
// written after those and fresh when first measured, since used the same way (development); and
// held-out set 4 (heldout4-*), written with its gold after the rules were improved on set 3 and before
// the extractor was run on it (the only unseen figures). Totals are printed per group and over all five.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { CandidateClaim } from '../src/domain/index.ts'
import { extractWithScope, readArticle, readDatasetDir } from '../src/importers/index.ts'
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
// The same claim without its qualifiers: a diagnostic of how many misses are only a missing or extra
// qualifier (region, as_of, character); the strict figures above are the ones that count.
const looseKeyOf = (c: GoldClaim) => JSON.stringify([c.subject.kind, c.subject.slug, c.property, c.value])
const describe = (c: GoldClaim, confidence?: number) =>
  `${c.subject.slug} ${c.property} ${JSON.stringify(c.value)} ${JSON.stringify(c.qualifiers)}${confidence === undefined ? '' : ` (${confidence})`}`

type Tally = { tp: number; fp: number; fn: number }
const tally = (): Tally => ({ tp: 0, fp: 0, fn: 0 })
interface Group {
  prefix: string
  label: string
  title: string
  byArticle: Map<string, Tally>
  byProperty: Map<string, Tally>
  total: Tally
  buckets: { upTo: number; correct: number; all: number }[]
  wrong: string[]
  missed: string[]
  loose: Tally
}
const newGroup = (prefix: string, label: string, title: string): Group => ({
  prefix,
  label,
  title,
  byArticle: new Map(),
  byProperty: new Map(),
  total: tally(),
  buckets: [0.5, 0.7, 0.85, 1.01].map((upTo) => ({ upTo, correct: 0, all: 0 })),
  wrong: [],
  missed: [],
  loose: tally(),
})
const groups = [
  newGroup('seed-', 'seed (training)', 'seed articles — the rules were written from them (training)'),
  newGroup(
    'heldout-',
    'held-out 1 (development)',
    'held-out set 1 — gold written before the first run, since used to develop the rules (development)',
  ),
  newGroup(
    'heldout2-',
    'held-out 2 (development)',
    'held-out set 2 — gold written before its first run, since used to develop the rules (development)',
  ),
  newGroup(
    'heldout3-',
    'held-out 3 (development)',
    'held-out set 3 — gold written before its first run, since used to develop the rules (development)',
  ),
  newGroup(
    'heldout4-',
    'held-out 4 (fresh)',
    'held-out set 4 — fresh: written after the rules, gold fixed before the extractor ran on it',
  ),
]
const overall = tally()
const overallLoose = tally()

const dir = mkdtempSync(join(tmpdir(), 'retold-bench-ingest-'))
const storage = await connect({ databaseFile: join(dir, 'retold.db') })
await migrateToLatest(storage)
await loadDatasets(storage, readDatasetDir(join(import.meta.dirname, '../data')).datasets)

for (const file of readdirSync(join(ARTICLES, 'gold')).sort()) {
  const group = groups.find((g) => file.startsWith(g.prefix))
  if (group === undefined)
    throw new Error(
      `${file}: a gold file's name starts with seed-, heldout-, heldout2-, heldout3- or heldout4-`,
    )
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
    group.total[field] += 1
    overall[field] += 1
    const p = group.byProperty.get(property) ?? tally()
    p[field] += 1
    group.byProperty.set(property, p)
  }
  for (const candidate of candidates) {
    const key = keyOf(candidate)
    const correct = goldKeys.has(key)
    if (correct) found.add(key)
    else group.wrong.push(`${gold.article}: ${describe(candidate, candidate.confidence)}`)
    add(candidate.property, correct ? 'tp' : 'fp')
    const bucket = group.buckets.find((b) => candidate.confidence < b.upTo)!
    bucket.all += 1
    if (correct) bucket.correct += 1
  }
  for (const [key, claim] of goldKeys)
    if (!found.has(key)) {
      add(claim.property, 'fn')
      group.missed.push(`${gold.article}: ${describe(claim)}`)
    }
  group.byArticle.set(gold.article, t)
  const unmatched = gold.claims.map(looseKeyOf)
  for (const candidate of candidates) {
    const at = unmatched.indexOf(looseKeyOf(candidate))
    const field = at === -1 ? 'fp' : 'tp'
    if (at !== -1) unmatched.splice(at, 1)
    group.loose[field] += 1
    overallLoose[field] += 1
  }
  group.loose.fn += unmatched.length
  overallLoose.fn += unmatched.length
}
await storage.close()
rmSync(dir, { recursive: true, force: true })

const ratio = (n: number, d: number) => (d === 0 ? '   —' : (n / d).toFixed(2))
const row = (name: string, t: Tally) =>
  `${name.padEnd(34)} ${String(t.tp).padStart(3)} ${String(t.fp).padStart(3)} ${String(t.fn).padStart(3)}   ${ratio(t.tp, t.tp + t.fp).padStart(5)} ${ratio(t.tp, t.tp + t.fn).padStart(6)}`
const header = `${''.padEnd(34)}  tp  fp  fn   prec. recall`
const summary = (t: Tally) =>
  `precision ${(t.tp / (t.tp + t.fp)).toFixed(3)}, recall ${(t.tp / (t.tp + t.fn)).toFixed(3)} (tp ${t.tp}, fp ${t.fp}, fn ${t.fn})`

for (const group of groups) {
  console.log(`\n=== ${group.title}\n\nper article\n${header}`)
  for (const [name, t] of group.byArticle) console.log(row(name, t))
  console.log(row('group total', group.total))
  console.log(`\nper property\n${header}`)
  for (const [name, t] of [...group.byProperty].sort()) console.log(row(name, t))
  console.log('\nconfidence   candidates  correct  share correct')
  let from = 0
  for (const b of group.buckets) {
    console.log(
      `[${from.toFixed(2)}, ${Math.min(b.upTo, 1).toFixed(2)}${b.upTo > 1 ? ']' : ')'}  ${String(b.all).padStart(10)} ${String(b.correct).padStart(8)}  ${ratio(b.correct, b.all).padStart(13)}`,
    )
    from = b.upTo
  }
  if (group.wrong.length > 0)
    console.log(`\nnot in the gold (false positives):\n  ${group.wrong.join('\n  ')}`)
  if (group.missed.length > 0)
    console.log(`\nmissed (gold claims not proposed):\n  ${group.missed.join('\n  ')}`)
}

console.log(`\n=== totals (goal: precision ≥ 0.9, recall ≥ 0.75)\n${header}`)
for (const group of groups) console.log(row(group.label, group.total))
console.log(row('all', overall))
console.log('same, ignoring qualifiers (diagnostic only)')
for (const group of groups) console.log(row(group.label, group.loose))
console.log(row('all', overallLoose))
for (const group of groups) console.log(`${group.label}: ${summary(group.total)}`)
console.log(`all: ${summary(overall)}`)
