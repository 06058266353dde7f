import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { afterAll, describe, expect, it } from 'vitest'
import { AppError, formatIssue } from '../../domain/index.ts'
import { readWikidata, type ReadWikidataOptions, type WikidataEntry } from './read-wikidata.ts'
import { CITY_STREETS, CITY_STREETS_FILE, PERSON, REMAKE, SERIES, SHORT } from './test-entities.ts'

const DIR = mkdtempSync(join(tmpdir(), 'retold-wikidata-'))
afterAll(() => rmSync(DIR, { recursive: true, force: true }))

function write(name: string, content: string | Buffer): string {
  const path = join(DIR, name)
  writeFileSync(path, content)
  return path
}

async function read(path: string, options?: ReadWikidataOptions): Promise<WikidataEntry[]> {
  const entries: WikidataEntry[] = []
  for await (const entry of readWikidata(path, options)) entries.push(entry)
  return entries
}

/** The entries read before the error, and the error. */
async function readUntilError(path: string): Promise<{ entries: WikidataEntry[]; error: AppError }> {
  const entries: WikidataEntry[] = []
  try {
    for await (const entry of readWikidata(path)) entries.push(entry)
  } catch (error) {
    expect(error).toBeInstanceOf(AppError)
    return { entries, error: error as AppError }
  }
  throw new Error(`reading ${path} did not fail`)
}

/** One line per entry: its line, its type and its QID or message. */
function summary(entries: WikidataEntry[]): string[] {
  return entries.map((e) =>
    e.type === 'film'
      ? `${e.line} film ${e.film.qid} ${e.film.kind}`
      : e.type === 'person'
        ? `${e.line} person ${e.person.qid}`
        : e.type === 'skipped'
          ? `${e.line} skipped ${e.qid}`
          : `${e.line} rejected ${e.message}`,
  )
}

// The layout of Wikidata's latest-all.json: "[" alone, one entity per line ending with ",", "]" alone.
const DUMP_LINES = [
  '[',
  `${JSON.stringify(CITY_STREETS)},`,
  `${JSON.stringify(REMAKE)},`,
  `${JSON.stringify(PERSON)},`,
  '{"type":"item","id":"Q900009","labels":{"en":{"language":"en","value":"Cut off"',
  `${JSON.stringify(SERIES)},`,
  '{"batchcomplete":""},',
  JSON.stringify(SHORT),
  ']',
]
const DUMP = `${DUMP_LINES.join('\n')}\n`
const EXPECTED = [
  '2 film Q2262932 movie',
  '3 film Q900001 movie',
  '4 person Q900011',
  expect.stringMatching(/^5 rejected not valid JSON: /),
  '6 film Q900002 series',
  '7 rejected not a Wikidata entity (no "id" and "type")',
  '8 film Q900003 short',
]

describe('readWikidata on a dump', () => {
  const plain = write('dump.json', DUMP)
  const gzipped = write('dump.json.gz', gzipSync(DUMP))

  it('yields one entry per entity line, with its line number', async () => {
    expect(summary(await read(plain))).toEqual(EXPECTED)
  })

  it('reads the gzipped dump the same way', async () => {
    expect(await read(gzipped)).toEqual((await read(plain)).map((e) => ({ ...e, file: gzipped })))
  })

  it('maps each entity in full', async () => {
    const entries = await read(plain)
    const remake = entries.find((e) => e.type === 'film' && e.film.qid === 'Q900001')
    expect(remake).toMatchObject({
      file: plain,
      line: 3,
      film: { basedOn: [{ value: 'Q2262932' }], countries: [{ rank: 'normal' }, { rank: 'deprecated' }] },
    })
    const cityStreets = entries.find((e) => e.type === 'film' && e.film.qid === 'Q2262932')
    expect(cityStreets).toMatchObject({
      film: { imdbId: 'tt0021750', releaseDates: [{ value: { date: '1931' } }] },
    })
  })

  it('reports a bad line as file:line: reason', async () => {
    const rejection = (await read(plain)).find((e) => e.type === 'rejected')!
    expect(formatIssue(rejection)).toMatch(new RegExp(`^${plain}:5: not valid JSON: `))
  })

  it('reads Windows line ends and blank lines too', async () => {
    const crlf = write('crlf.json', DUMP.replaceAll('\n', '\r\n'))
    expect(summary(await read(crlf))).toEqual(EXPECTED)
    const blank = write('blank-lines.json', DUMP.replace('\n]', '\n\n]\n'))
    expect(summary(await read(blank))).toEqual(EXPECTED)
  })

  it('resumes from any line with exactly the entries from that line on', async () => {
    const all = await read(gzipped)
    for (let startLine = 1; startLine <= DUMP_LINES.length + 1; startLine++) {
      expect(await read(gzipped, { startLine })).toEqual(all.filter((e) => e.line >= startLine))
    }
  })

  it('stops cleanly when the reader stops early', async () => {
    const firstTwo: WikidataEntry[] = []
    for await (const entry of readWikidata(gzipped)) {
      firstTwo.push(entry)
      if (firstTwo.length === 2) break
    }
    expect(summary(firstTwo)).toEqual(EXPECTED.slice(0, 2))
  })

  it('rejects a bad start line', async () => {
    await expect(read(plain, { startLine: 0 })).rejects.toThrow(
      'startLine is a line number (1 or more), not 0',
    )
  })

  it('rejects text after the closing bracket', async () => {
    const trailing = write('trailing.json', `${DUMP}{"id":"Q1","type":"item"}\n`)
    expect(summary(await read(trailing)).at(-1)).toBe('10 rejected text after the closing "]" of the dump')
  })
})

describe('readWikidata on broken files', () => {
  // Enough lines that a cut in the middle of the gzip data leaves whole lines before it.
  const manyLines = [
    '[',
    ...Array.from({ length: 3000 }, () => `${JSON.stringify(PERSON)},`),
    JSON.stringify(SHORT),
    ']',
  ]
  const many = `${manyLines.join('\n')}\n`

  it('fails on a truncated gzip after yielding the lines before the cut', async () => {
    const gz = gzipSync(many)
    const truncated = write('truncated.json.gz', gz.subarray(0, Math.floor(gz.length / 2)))
    const { entries, error } = await readUntilError(truncated)
    expect(entries.length).toBeGreaterThan(100)
    expect(entries.length).toBeLessThan(3000)
    expect(entries.map((e) => e.line)).toEqual(entries.map((_, i) => i + 2))
    const next = entries.at(-1)!.line + 1
    expect(error.message).toBe(
      `${truncated}:${next}: the gzip data is cut short or corrupt (unexpected end of file); the ${next - 1} lines before were read`,
    )
  })

  it('fails on a plain dump without its closing bracket', async () => {
    const cut = write('cut.json', manyLines.slice(0, 11).join('\n'))
    const { entries, error } = await readUntilError(cut)
    expect(entries).toHaveLength(10)
    expect(error.message).toBe(
      `${cut}:11: the dump ends without its closing "]": the file is cut short (the entries before were read)`,
    )
  })

  it('fails on an empty file, plain, blank or gzipped', async () => {
    for (const [name, content] of [
      ['empty.json', ''],
      ['blank.json', '\n  \n'],
      ['empty.json.gz', gzipSync('')],
    ] as const) {
      const path = write(name, content)
      await expect(read(path)).rejects.toThrow(`${path}: the file is empty`)
    }
  })

  it('fails on a missing file with NotFound', async () => {
    const missing = join(DIR, 'missing.json.gz')
    await expect(read(missing)).rejects.toMatchObject({
      code: 'NotFound',
      message: `${missing}: no such file`,
    })
  })

  it('says that bzip2 is not read', async () => {
    const bz2 = write('dump.json.bz2', 'BZh91AY&SY')
    await expect(read(bz2)).rejects.toThrow('bzip2 is not supported')
  })
})

describe('readWikidata on a Special:EntityData file', () => {
  it('reads the real Q2262932.json as one film at line 1', async () => {
    const entries = await read(CITY_STREETS_FILE)
    expect(summary(entries)).toEqual(['1 film Q2262932 movie'])
  })

  it('reads a file that starts with a byte order mark', async () => {
    const path = write('bom.json', `\uFEFF${readFileSync(CITY_STREETS_FILE, 'utf8')}`)
    expect(summary(await read(path))).toEqual(['1 film Q2262932 movie'])
  })

  it('yields nothing when resuming past its first line', async () => {
    expect(await read(CITY_STREETS_FILE, { startLine: 2 })).toEqual([])
  })

  it('reads several entities and reports missing ones', async () => {
    const path = write(
      'entities.json',
      JSON.stringify(
        { entities: { Q900002: SERIES, Q900011: PERSON, Q9: { id: 'Q9', missing: '' } } },
        null,
        2,
      ),
    )
    expect(summary(await read(path))).toEqual([
      '1 film Q900002 series',
      '1 person Q900011',
      '1 rejected Q9 does not exist on Wikidata',
    ])
  })

  it('rejects a file that is not JSON at its first line', async () => {
    const path = write('broken.json', '\n{"entities": {\n')
    expect(summary(await read(path))).toEqual([expect.stringMatching(/^2 rejected not valid JSON: /)])
  })
})
