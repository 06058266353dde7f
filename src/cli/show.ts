import { formatValue, type ClaimValue, type SpoilerLevel } from '../domain/index.ts'
import {
  findFilmView,
  findPersonView,
  findSourceView,
  findStoryView,
  presentFilm,
  presentPerson,
  presentSourceView,
  presentStory,
  type FactJson,
} from '../services/index.ts'
import type { Storage } from '../storage/index.ts'

/** The story, film, person or source with this slug, as the API presents it; undefined when none has it. */
export async function findAnything(storage: Storage, slug: string, reveal: SpoilerLevel) {
  const story = await findStoryView(storage, slug)
  if (story) return { type: 'story' as const, ...presentStory(story, reveal) }
  const film = await findFilmView(storage, slug)
  if (film) return { type: 'film' as const, ...presentFilm(film, reveal) }
  const person = await findPersonView(storage, slug)
  if (person) return { type: 'person' as const, ...presentPerson(person, reveal) }
  const source = await findSourceView(storage, slug)
  if (source) return { type: 'source' as const, ...presentSourceView(source, reveal) }
  return undefined
}

function valueText(value: ClaimValue | null): string {
  return value === null ? '(spoiler hidden: pass --spoilers)' : formatValue(value)
}

function factLines(facts: readonly FactJson[], indent = '  '): string[] {
  return facts.flatMap((fact) => {
    const qualifiers = Object.entries(fact.qualifiers)
      .map(([k, v]) => `${k}=${v}`)
      .join(', ')
    const label = qualifiers ? `${fact.property} (${qualifiers})` : fact.property
    const cited = fact.sources.map((s) => s.source).join(', ')
    const lines = [`${indent}${label}: ${valueText(fact.value)}  [${cited}]`]
    if (fact.conflicts.length > 0) {
      const how = fact.decidedBy ? `preferred by ${fact.decidedBy}` : 'undecided'
      lines[0] += `  — sources disagree (${how})`
      for (const conflict of fact.conflicts) {
        lines.push(
          `${indent}  ≠ ${valueText(conflict.value)}  [${conflict.sources.map((s) => s.source).join(', ')}]`,
        )
      }
    }
    return lines
  })
}

export function formatShown(found: NonNullable<Awaited<ReturnType<typeof findAnything>>>): string {
  const lines: string[] = []
  switch (found.type) {
    case 'story':
      lines.push(
        `${found.title}  (story ${found.slug})`,
        '',
        found.summary,
        '',
        'Facts:',
        ...factLines(found.facts),
      )
      lines.push('', `Versions (${found.versions.length}):`)
      for (const v of found.versions) {
        const original = v.originalTitle ? ` · ${v.originalTitle.text}` : ''
        lines.push(
          `  ${v.year ?? '????'}  ${v.title}${original}  [${v.slug}] ${v.relation}${v.status === 'released' ? '' : ` (${v.status})`}`,
        )
        lines.push(...factLines(v.facts, '      '))
      }
      lines.push('', 'Characters across versions:')
      for (const c of found.characters) {
        lines.push(
          `  ${c.name}: ${c.roles.map((r) => `${r.name ?? '?'} (${r.person.name}, ${r.film})`).join(' = ')}`,
        )
      }
      break
    case 'film':
      lines.push(`${found.title} (${found.year ?? '?'})  [film ${found.slug}]`)
      if (found.story)
        lines.push(
          `Story: ${found.story.title} [${found.story.slug}] — ${found.relation}${found.of ? ` of ${found.of}` : ''}`,
        )
      lines.push(
        '',
        'Titles:',
        ...found.titles.map(
          (t) => `  ${t.text}  (${[t.kind, t.language, t.script, t.region].filter(Boolean).join(', ')})`,
        ),
      )
      lines.push('', 'Facts:', ...factLines(found.facts), '', 'Story facts:', ...factLines(found.storyFacts))
      lines.push(
        '',
        'Credits:',
        ...found.credits.map((c) => `  ${c.role}: ${c.person.name}${c.as ? ` as ${c.as}` : ''}`),
      )
      break
    case 'person':
      lines.push(
        `${found.name}  [person ${found.slug}]`,
        ...found.names.map((n) => `  also: ${n.name}`),
        '',
        'Credits:',
      )
      lines.push(
        ...found.credits.map(
          (c) => `  ${c.film.year ?? '?'} ${c.film.title}: ${c.role}${c.as ? ` as ${c.as}` : ''}`,
        ),
      )
      lines.push('', 'Facts:', ...factLines(found.facts))
      break
    case 'source':
      lines.push(
        `${found.title}  [source ${found.slug}, ${found.kind}]`,
        found.url ?? '(stored text)',
        '',
        `Claims (${found.claims.length}):`,
      )
      for (const claim of found.claims) {
        lines.push(
          `  ${claim.about?.label ?? '?'} · ${claim.property}: ${valueText(claim.value)}${claim.quote ? `  “${claim.quote}”` : ''}`,
        )
      }
      break
  }
  if ('sources' in found && Array.isArray(found.sources)) {
    lines.push(
      '',
      'Sources:',
      ...found.sources.map((s, i) => `  [${i + 1}] ${s.slug}: ${s.title}${s.url ? ` <${s.url}>` : ''}`),
    )
  }
  return lines.join('\n')
}
