import { createHash } from 'node:crypto'
import { isMap, LineCounter, parseDocument, type Document } from 'yaml'
import type { z } from 'zod'
import {
  isPropertyName,
  propertyOf,
  QUALIFIER_NAMES,
  QUALIFIERS,
  slugify,
  SPOILER_LEVELS,
  valueSchemaOf,
  type ClaimInput,
  type ImportIssue,
  type PersonInput,
  type SourceInput,
  type SpoilerLevel,
  type StoryDataset,
  type SubjectKind,
} from '../../domain/index.ts'
import { STORY_FILE, type SourceEntry } from './story-file-schema.ts'

type Path = ReadonlyArray<PropertyKey>

const CLAIM_KEYS = new Set<string>([
  'value',
  'source',
  'quote',
  'spoiler',
  'pin',
  'scale',
  'currency',
  ...QUALIFIER_NAMES,
])

export interface StoryFileResult {
  dataset: StoryDataset | null
  issues: ImportIssue[]
  /** The line where each source is listed, for checks across files. */
  sourceLines: Map<string, number>
}

/** Reads source texts (`text_file`) relative to the dataset folder; undefined when missing. */
export type ReadSourceText = (path: string) => string | undefined

function describePath(path: Path): string {
  return path.reduce<string>(
    (text, key) =>
      typeof key === 'number' ? `${text}[${key}]` : text ? `${text}.${String(key)}` : String(key),
    '',
  )
}

function normalizeSpace(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}

/** Checks one story file and turns it into records; any problem makes the whole file rejected. */
export function readStoryFile(file: string, text: string, readSourceText: ReadSourceText): StoryFileResult {
  const lineCounter = new LineCounter()
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true })
  const issues: ImportIssue[] = []

  if (doc.errors.length > 0) {
    for (const error of doc.errors) {
      const message = error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')
      issues.push({ file, line: error.linePos?.[0].line ?? 1, message })
    }
    return { dataset: null, issues, sourceLines: new Map() }
  }

  const report = (path: Path, message: string) => {
    const where = describePath(path)
    issues.push({
      file,
      line: lineOf(doc, lineCounter, path),
      message: where ? `${where}: ${message}` : message,
    })
  }
  const reportZod = (base: Path, error: z.ZodError) => {
    for (const issue of error.issues) report([...base, ...issue.path], issue.message)
  }

  const parsed = STORY_FILE.safeParse(doc.toJS())
  if (!parsed.success) {
    reportZod([], parsed.error)
    return { dataset: null, issues, sourceLines: new Map() }
  }
  const data = parsed.data

  // Sources, with their stored text.
  const sources = new Map<string, SourceInput>()
  const sourceLines = new Map<string, number>()
  data.sources.forEach((entry, i) => {
    sourceLines.set(entry.id, lineOf(doc, lineCounter, ['sources', i]))
    if (sources.has(entry.id)) report(['sources', i, 'id'], `source "${entry.id}" is listed twice`)
    const text = entry.text_file === undefined ? null : readSourceText(entry.text_file)
    if (text === undefined) report(['sources', i, 'text_file'], `no file data/${entry.text_file}`)
    sources.set(entry.id, sourceInput(entry, text ?? null))
  })
  const usedSources = new Set<string>()
  // A claim citing a stored text must quote it; a title, credit or scene may (the quote is checked, not stored).
  const checkSource = (path: Path, slug: string | undefined, quote: string | null | undefined): string => {
    if (slug === undefined) {
      report(path, 'no source: name one here or give the film (or story) a default `source`')
      return ''
    }
    const source = sources.get(slug)
    if (!source) {
      report(path, `source "${slug}" is not listed under sources`)
      return slug
    }
    usedSources.add(slug)
    if (source.text !== null) {
      if (quote === null) report(path, `a claim citing "${slug}" quotes its stored text`)
      else if (quote !== undefined && !normalizeSpace(source.text).includes(normalizeSpace(quote)))
        report(path, `the quote is not in the text of "${slug}": "${quote}"`)
    }
    return slug
  }

  const characters = new Set<string>()
  data.characters.forEach((character, i) => {
    if (characters.has(character.slug))
      report(['characters', i, 'slug'], `character "${character.slug}" is listed twice`)
    characters.add(character.slug)
  })
  const checkCharacter = (path: Path, slug: string | undefined) => {
    if (slug !== undefined && !characters.has(slug))
      report(path, `character "${slug}" is not listed under characters`)
  }

  const parseFacts = (base: Path, facts: Record<string, unknown>, subject: SubjectKind, source?: string) => {
    const claims: ClaimInput[] = []
    for (const [name, raw] of Object.entries(facts)) {
      if (!isPropertyName(name)) {
        report([...base, name], `unknown property "${name}" (see data/README.md)`)
        continue
      }
      const definition = propertyOf(name)
      if (!definition.subjects.includes(subject)) {
        report([...base, name], `a ${subject} cannot have "${name}"`)
        continue
      }
      const entries = Array.isArray(raw) ? raw : [raw]
      entries.forEach((entry, i) => {
        const path = Array.isArray(raw) ? [...base, name, i] : [...base, name]
        const fields: Record<string, unknown> =
          typeof entry === 'object' && entry !== null && !Array.isArray(entry) ? entry : { value: entry }
        const unknown = Object.keys(fields).filter((key) => !CLAIM_KEYS.has(key))
        if (unknown.length > 0) report(path, `unknown key ${unknown.map((k) => `"${k}"`).join(', ')}`)
        const candidate =
          definition.type === 'rating'
            ? { score: fields.value, scale: fields.scale }
            : definition.type === 'money'
              ? { amount: fields.value, currency: fields.currency }
              : fields.value
        const value = valueSchemaOf(name).safeParse(candidate)
        if (!value.success) reportZod([...path, 'value'], value.error)
        const qualifierFields = Object.fromEntries(
          QUALIFIER_NAMES.flatMap((q) => (q in fields ? [[q, fields[q]]] : [])),
        )
        const qualifiers = QUALIFIERS.safeParse(qualifierFields)
        if (!qualifiers.success) reportZod(path, qualifiers.error)
        else {
          checkCharacter([...path, 'character'], qualifiers.data.character)
          checkCharacter([...path, 'of'], qualifiers.data.of)
        }
        const spoiler = fields.spoiler ?? definition.spoiler ?? 'none'
        if (!SPOILER_LEVELS.includes(spoiler as SpoilerLevel))
          report([...path, 'spoiler'], 'spoiler is none, plot or ending')
        for (const key of ['quote', 'pin', 'source'] as const) {
          if (fields[key] !== undefined && typeof fields[key] !== 'string')
            report([...path, key], `${key} must be text`)
        }
        const quote = typeof fields.quote === 'string' ? fields.quote : null
        const claimSource = checkSource(
          path,
          typeof fields.source === 'string' ? fields.source : source,
          quote,
        )
        if (value.success && qualifiers.success) {
          claims.push({
            property: name,
            value: value.data,
            qualifiers: qualifiers.data,
            source: claimSource,
            quote,
            spoiler: spoiler as SpoilerLevel,
            pin: typeof fields.pin === 'string' ? fields.pin : null,
          })
        }
      })
    }
    return claims
  }

  // People: those listed, and those only named in credits.
  const people = new Map<string, PersonInput>()
  const peopleByName = new Map<string, PersonInput>()
  data.people.forEach((entry, i) => {
    const slug = entry.slug ?? slugify(entry.name)
    if (!slug) report(['people', i, 'name'], 'this name gives no slug: add `slug`')
    if (people.has(slug)) report(['people', i], `person "${slug}" is listed twice`)
    const person: PersonInput = {
      slug,
      listed: true,
      name: entry.name,
      names: entry.names.map((n) => ({
        name: n.name,
        language: n.language ?? null,
        script: n.script ?? null,
      })),
      ids: entry.ids,
      claims: parseFacts(['people', i, 'facts'], entry.facts, 'person', entry.source),
    }
    people.set(slug, person)
    peopleByName.set(entry.name, person)
  })
  const personFor = (path: Path, reference: string): string => {
    const known = people.get(reference) ?? peopleByName.get(reference)
    if (known) return known.slug
    const slug = slugify(reference)
    if (!slug) {
      report(path, `"${reference}" gives no slug: list the person under people with a slug`)
      return reference
    }
    if (!people.has(slug)) {
      const person: PersonInput = { slug, listed: false, name: reference, names: [], ids: {}, claims: [] }
      people.set(slug, person)
      peopleByName.set(reference, person)
    }
    return slug
  }

  const filmSlugs = new Set<string>()
  data.films.forEach((film, i) => {
    if (filmSlugs.has(film.slug)) report(['films', i, 'slug'], `film "${film.slug}" is listed twice`)
    filmSlugs.add(film.slug)
  })
  const checkFilm = (path: Path, slug: string | undefined) => {
    if (slug !== undefined && !filmSlugs.has(slug)) report(path, `film "${slug}" is not in this file`)
  }
  checkFilm(['story', 'origin'], data.story.origin)

  const films = data.films.map((film, i) => {
    const base = ['films', i]
    checkFilm([...base, 'of'], film.of)
    if (film.of === film.slug) report([...base, 'of'], 'a film cannot follow itself')
    const sceneSlugs = new Set<string>()
    return {
      slug: film.slug,
      kind: film.kind,
      status: film.status,
      relation: film.relation,
      of: film.of ?? null,
      ids: film.ids,
      source: checkSource([...base, 'source'], film.source, undefined),
      titles: film.titles.map((title, j) => ({
        text: title.text,
        language: title.language ?? null,
        script: title.script ?? null,
        region: title.region ?? null,
        kind: title.kind,
        source: checkSource([...base, 'titles', j], title.source ?? film.source, title.quote),
      })),
      claims: parseFacts([...base, 'facts'], film.facts, 'film', film.source),
      credits: film.credits.map((credit, j) => {
        const path = [...base, 'credits', j]
        checkCharacter([...path, 'character'], credit.character)
        if (credit.role !== 'cast' && (credit.character ?? credit.as) !== undefined)
          report(path, 'only a cast credit has a character')
        return {
          role: credit.role,
          person: personFor([...path, 'person'], credit.person),
          character: credit.character ?? null,
          characterName: credit.as ?? null,
          source: checkSource(path, credit.source ?? film.source, credit.quote),
        }
      }),
      scenes: film.scenes.map((scene, j) => {
        if (sceneSlugs.has(scene.slug))
          report([...base, 'scenes', j, 'slug'], `scene "${scene.slug}" is listed twice`)
        sceneSlugs.add(scene.slug)
        return {
          slug: scene.slug,
          title: scene.title,
          description: scene.description,
          spoiler: scene.spoiler,
          source: checkSource([...base, 'scenes', j], scene.source ?? film.source, scene.quote),
        }
      }),
    }
  })

  const storyClaims = parseFacts(['story', 'facts'], data.story.facts, 'story', data.story.source)
  if (data.story.source !== undefined) checkSource(['story', 'source'], data.story.source, undefined)
  data.sources.forEach((entry, i) => {
    if (!usedSources.has(entry.id))
      report(['sources', i, 'id'], `source "${entry.id}" is listed but never cited`)
  })

  if (issues.length > 0) return { dataset: null, issues: issues.sort((a, b) => a.line - b.line), sourceLines }

  const hash = createHash('sha256').update(text)
  for (const source of sources.values()) hash.update(source.text ?? '')
  return {
    dataset: {
      file,
      contentHash: hash.digest('hex'),
      story: {
        slug: data.story.slug,
        title: data.story.title,
        summary: data.story.summary,
        themes: data.story.themes,
        origin: data.story.origin ?? null,
        claims: storyClaims,
      },
      sources: [...sources.values()],
      characters: data.characters.map((c) => ({
        slug: c.slug,
        name: c.name,
        description: c.description ?? null,
      })),
      people: [...people.values()],
      films,
    },
    issues,
    sourceLines,
  }
}

function sourceInput(entry: SourceEntry, text: string | null): SourceInput {
  return {
    slug: entry.id,
    kind: entry.kind,
    url: entry.url ?? null,
    title: entry.title,
    publisher: entry.publisher ?? null,
    author: entry.author ?? null,
    language: entry.language ?? null,
    publishedAt: entry.published ?? null,
    updatedAt: entry.updated ?? null,
    retrievedAt: entry.retrieved ?? null,
    text,
  }
}

/** The line of the deepest node on `path` that exists in the document. */
function lineOf(doc: Document, lineCounter: LineCounter, path: Path): number {
  for (let length = path.length; length >= 0; length--) {
    const node = length === 0 ? doc.contents : doc.getIn(path.slice(0, length) as unknown[], true)
    const range = (node as { range?: [number, number, number] } | undefined)?.range
    if (range) {
      // Point at the key of a mapping entry rather than the value under it.
      const parent = length > 0 ? doc.getIn(path.slice(0, length - 1) as unknown[], true) : undefined
      const pair = isMap(parent)
        ? parent.items.find((item) => (item.key as { value?: unknown })?.value === path[length - 1])
        : undefined
      const keyRange = (pair?.key as { range?: [number, number, number] } | undefined)?.range
      return lineCounter.linePos((keyRange ?? range)[0]).line
    }
  }
  return 1
}
