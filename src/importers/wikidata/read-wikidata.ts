import { createReadStream } from 'node:fs'
import { open } from 'node:fs/promises'
import { createInterface } from 'node:readline'
import { pipeline, type Readable } from 'node:stream'
import { createGunzip } from 'node:zlib'
import { AppError, type ImportIssue } from '../../domain/index.ts'
import { isEntityJson } from './entity-json.ts'
import { parseWikidataFilm } from './parse-wikidata-film.ts'
import { parseWikidataPerson } from './parse-wikidata-person.ts'
import type { WikidataFilm } from './wikidata-film.ts'
import type { WikidataPerson } from './wikidata-person.ts'

export interface WikidataFilmEntry {
  type: 'film'
  file: string
  line: number
  film: WikidataFilm
}

export interface WikidataPersonEntry {
  type: 'person'
  file: string
  line: number
  person: WikidataPerson
}

/** An entity that is neither a film, a series nor a person (a place, a book…): expected, not a problem. */
export interface WikidataSkippedEntry {
  type: 'skipped'
  file: string
  line: number
  qid: string
}

/** A line that is not a Wikidata entity; `formatIssue` prints it as `file:line: message`. */
export interface WikidataRejection extends ImportIssue {
  type: 'rejected'
}

export type WikidataEntry = WikidataFilmEntry | WikidataPersonEntry | WikidataSkippedEntry | WikidataRejection

export interface ReadWikidataOptions {
  /**
   * The first line to read; to resume after line N, pass N + 1. The lines before it are still read
   * (a gzip stream cannot seek) but not parsed.
   */
  startLine?: number
}

// A dump has "[" alone on its first line and is read line by line. Anything else (Special:EntityData's
// {"entities": {…}}, a single entity, a small array) is parsed whole, so it must stay small.
const MAX_WHOLE_FILE_CHARS = 64 * 1024 * 1024

/**
 * Reads a Wikidata JSON dump (`latest-all.json`, plain or gzipped) or a Special:EntityData file and
 * yields one entry per entity: a film record, a person record, a skipped entity, or a rejected line. In a dump each
 * entity has its own line; in a file parsed whole, every entity gets the line where the JSON starts.
 * Memory stays bounded by the longest line. Throws an AppError when the file is missing, empty, too
 * large to parse whole, or cut short (the entries before that have been yielded).
 */
export async function* readWikidata(
  file: string,
  options: ReadWikidataOptions = {},
): AsyncGenerator<WikidataEntry, void, undefined> {
  const startLine = options.startLine ?? 1
  if (!Number.isInteger(startLine) || startLine < 1)
    throw new AppError('Invalid', `startLine is a line number (1 or more), not ${startLine}`)

  // Checked before the stream opens, so that a missing file is an error here rather than on the stream.
  const gzipped = await isGzip(file)
  const raw = createReadStream(file)
  const input: Readable = gzipped ? pipeline(raw, createGunzip(), () => {}) : raw
  const lines = createInterface({ input, crlfDelay: Infinity })

  let line = 0
  let shape: 'dump' | 'whole' | undefined
  let firstLine = 0
  let closed = false
  const whole: string[] = []
  let wholeChars = 0
  try {
    for await (const lineText of lines) {
      line++
      // Windows editors may start a file with a byte order mark, which JSON.parse does not accept.
      const text = line === 1 ? lineText.replace(/^\uFEFF/, '') : lineText
      const trimmed = text.trim()
      if (shape === undefined) {
        if (trimmed === '') continue
        shape = trimmed === '[' ? 'dump' : 'whole'
        firstLine = line
        if (shape === 'dump') continue
      }
      if (shape === 'whole') {
        wholeChars += text.length + 1
        if (wholeChars > MAX_WHOLE_FILE_CHARS) {
          throw new AppError(
            'Invalid',
            `${file}:${firstLine}: too large to parse whole; a dump has "[" alone on its first line and one entity per line`,
          )
        }
        whole.push(text)
        continue
      }
      if (trimmed === '') continue
      if (closed) {
        if (line >= startLine) yield rejected(file, line, 'text after the closing "]" of the dump')
        continue
      }
      if (trimmed === ']') {
        closed = true
        continue
      }
      if (line < startLine) continue
      // Every entity line but the last ends with a comma.
      yield entryOf(file, line, parseJson(trimmed.endsWith(',') ? trimmed.slice(0, -1) : trimmed))
    }
  } catch (error) {
    throw readError(file, line, error)
  } finally {
    lines.close()
    input.destroy()
    raw.destroy()
  }

  if (shape === undefined) throw new AppError('Invalid', `${file}: the file is empty`)
  if (shape === 'dump' && !closed) {
    throw new AppError(
      'Invalid',
      `${file}:${line}: the dump ends without its closing "]": the file is cut short (the entries before were read)`,
    )
  }
  if (shape === 'whole' && firstLine >= startLine) {
    for (const value of entitiesIn(parseJson(whole.join('\n')))) yield entryOf(file, firstLine, value)
  }
}

/** The entities of a file parsed whole: `{"entities": {…}}` (Special:EntityData), an array, or one entity. */
function entitiesIn(data: unknown): unknown[] {
  if (Array.isArray(data)) return data
  if (isObject(data) && isObject(data.entities)) return Object.values(data.entities)
  return [data]
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown
  } catch (error) {
    return error as Error
  }
}

function rejected(file: string, line: number, message: string): WikidataRejection {
  return { type: 'rejected', file, line, message }
}

function entryOf(file: string, line: number, value: unknown): WikidataEntry {
  if (value instanceof Error) return rejected(file, line, `not valid JSON: ${value.message}`)
  // wbgetentities answers an unknown id with {"id": "Q…", "missing": ""}.
  if (isObject(value) && typeof value.id === 'string' && 'missing' in value)
    return rejected(file, line, `${value.id} does not exist on Wikidata`)
  if (!isEntityJson(value)) return rejected(file, line, 'not a Wikidata entity (no "id" and "type")')
  try {
    const film = parseWikidataFilm(value)
    if (film) return { type: 'film', file, line, film }
    const person = parseWikidataPerson(value)
    return person ? { type: 'person', file, line, person } : { type: 'skipped', file, line, qid: value.id }
  } catch (error) {
    // The value readers check shapes; this is the net for a structure they did not foresee.
    return rejected(file, line, `${value.id}: unexpected entity shape (${(error as Error).message})`)
  }
}

async function isGzip(file: string): Promise<boolean> {
  const handle = await open(file).catch((error: NodeJS.ErrnoException) => {
    throw error.code === 'ENOENT'
      ? new AppError('NotFound', `${file}: no such file`)
      : new AppError('Invalid', `${file}: cannot open the file (${error.message})`, { cause: error })
  })
  try {
    const { bytesRead, buffer } = await handle.read(Buffer.alloc(3), 0, 3, 0).catch((error: Error) => {
      throw new AppError('Invalid', `${file}: cannot read the file (${error.message})`, { cause: error })
    })
    if (bytesRead === 0) throw new AppError('Invalid', `${file}: the file is empty`)
    if (buffer.toString('latin1') === 'BZh')
      throw new AppError('Invalid', `${file}: bzip2 is not supported; use the .json.gz dump or decompress it`)
    return buffer[0] === 0x1f && buffer[1] === 0x8b
  } finally {
    await handle.close()
  }
}

function readError(file: string, line: number, error: unknown): AppError {
  if (error instanceof AppError) return error
  const { code, message } = error as NodeJS.ErrnoException
  // zlib's "unexpected end of file" (Z_BUF_ERROR) is a truncated download; Z_DATA_ERROR a corrupt one.
  if (code === 'Z_BUF_ERROR' || code === 'Z_DATA_ERROR') {
    return new AppError(
      'Invalid',
      `${file}:${line + 1}: the gzip data is cut short or corrupt (${message}); the ${line} lines before were read`,
      { cause: error },
    )
  }
  return new AppError('Invalid', `${file}:${line + 1}: cannot read the file (${message})`, { cause: error })
}
