import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { formatIssue } from '../../domain/index.ts'
import { readStoryFile } from './read-story-file.ts'

const FIXTURES = join(import.meta.dirname, '../../../test/fixtures/dataset')
const VALID = readFileSync(join(FIXTURES, 'stories/miracle.yaml'), 'utf8')
const readSource = (path: string) => {
  try {
    return readFileSync(join(FIXTURES, path), 'utf8')
  } catch {
    return undefined
  }
}

function problems(text: string): string[] {
  return readStoryFile('stories/x.yaml', text, readSource).issues.map(formatIssue)
}

function lineOf(text: string, needle: string): number {
  return text.slice(0, text.indexOf(needle)).split('\n').length
}

describe('readStoryFile', () => {
  it('turns a valid file into records', () => {
    const { dataset, issues } = readStoryFile('stories/miracle.yaml', VALID, readSource)
    expect(issues).toEqual([])
    expect(dataset!.films.map((f) => f.slug)).toEqual(['miracle-2013', 'kogustaki-2019'])
    const remake = dataset!.films[1]!
    expect(remake.claims.find((c) => c.property === 'rating')).toMatchObject({
      value: { score: 8.2, scale: 10 },
      qualifiers: { by: 'IMDb', as_of: '2023-04-10' },
      source: 'seed-001',
    })
    expect(remake.credits[1]).toMatchObject({
      person: 'aras-bulut-iynemli',
      character: 'father',
      characterName: 'Memo',
    })
    expect(dataset!.people.find((p) => p.slug === 'ryu-seung-ryong')!.names).toEqual([
      { name: '류승룡', language: 'ko', script: 'Hang' },
    ])
  })

  it('reports a wrong value at its line, naming the field', () => {
    const text = VALID.replace('runtime_minutes: 132', 'runtime_minutes: two hours')
    expect(problems(text)).toEqual([
      `stories/x.yaml:${lineOf(text, 'runtime_minutes: two')}: films[1].facts.runtime_minutes.value: Invalid input: expected number, received string`,
    ])
  })

  it('reports an unknown property and an unknown key', () => {
    const text = VALID.replace('      country: [TR]', '      contry: [TR]').replace(
      'by: IMDb,',
      'by: IMDb, stars: 5,',
    )
    expect(problems(text)).toEqual([
      `stories/x.yaml:${lineOf(text, 'contry')}: films[1].facts.contry: unknown property "contry" (see data/README.md)`,
      `stories/x.yaml:${lineOf(text, 'stars: 5')}: films[1].facts.rating[0]: unknown key "stars"`,
    ])
  })

  it('reports a quote that is not in the stored text of its source', () => {
    const text = VALID.replace('quote: "Then, Memo is executed."', 'quote: "Memo dies of old age."')
    expect(problems(text)).toEqual([
      `stories/x.yaml:${lineOf(text, 'value: executed')}: films[1].facts.character_fate[0]: the quote is not in the text of "seed-001": "Memo dies of old age."`,
    ])
  })

  it('requires a quote for a claim citing stored text, and ignores differences in whitespace', () => {
    const missing = VALID.replace(', quote: "Then, Memo is executed."', '')
    expect(problems(missing)[0]).toContain('a claim citing "seed-001" quotes its stored text')
    expect(problems(VALID.replace('"Then, Memo is executed."', '"Then,   Memo\\n is executed."'))).toEqual([])
  })

  it('reports references to films, characters and sources that are not there', () => {
    const text = VALID.replace('of: miracle-2013', 'of: miracle-2012')
      .replace('character: daughter, as: Ova', 'character: dauhgter, as: Ova')
      .replace('source: wikipedia-en-miracle-2019\n', 'source: wikipedia-tr\n')
    const found = problems(text)
    expect(found).toContain(
      `stories/x.yaml:${lineOf(text, 'of: miracle-2012')}: films[1].of: film "miracle-2012" is not in this file`,
    )
    expect(found).toContain(
      `stories/x.yaml:${lineOf(text, 'dauhgter')}: films[1].credits[2].character: character "dauhgter" is not listed under characters`,
    )
    expect(found.some((p) => p.includes('source "wikipedia-tr" is not listed under sources'))).toBe(true)
  })

  it('reports YAML syntax errors with their line', () => {
    const text = VALID.replace('  title: Miracle in Cell No. 7\n', '  title: [Miracle in Cell No. 7\n')
    // The parser notices the unclosed bracket where the next line begins.
    expect(problems(text)[0]).toBe(
      `stories/x.yaml:${lineOf(text, 'title: [Miracle') + 1}: Flow sequence in block collection must be sufficiently indented and end with a ]`,
    )
  })

  it('reports a remake without the film it follows', () => {
    const text = VALID.replace('    of: miracle-2013\n', '')
    expect(problems(text)).toEqual([
      `stories/x.yaml:${lineOf(text, '- slug: kogustaki')}: films[1].of: a remake, adaptation or sequel names the film it follows with \`of\`; an original does not`,
    ])
  })

  it('reports slugs listed twice', () => {
    const text = VALID.replace('  - slug: kogustaki-2019', '  - slug: miracle-2013').replace(
      /of: miracle-2013/,
      'of: miracle-2013',
    )
    expect(problems(text).some((p) => p.includes('film "miracle-2013" is listed twice'))).toBe(true)
  })

  it('rejects a file that cites no source for a fact', () => {
    const text = VALID.replace('    source: wikipedia-en-miracle\n    titles:', '    titles:')
    expect(
      problems(text).some(
        (p) =>
          p.includes('films[0]: Invalid input: expected string, received undefined') ||
          p.includes('films[0].source'),
      ),
    ).toBe(true)
  })
})
