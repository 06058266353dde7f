import { isUtf8 } from 'node:buffer'
import { open, type FileHandle } from 'node:fs/promises'
import { pipeline, type Readable } from 'node:stream'
import { createGunzip } from 'node:zlib'
import { AppError, type ImportIssue } from '../../domain/index.ts'

const NEWLINE = 0x0a
const CARRIAGE_RETURN = 0x0d
const TAB = 0x09
const READ_CHUNK_BYTES = 1 << 20
const DEFAULT_MAX_LINE_BYTES = 4 << 20
// The longest header we accept; IMDb's longest (title.akas) is under 100 bytes.
const MAX_HEADER_BYTES = 64 << 10

/** Where reading can start again: a line's number (the header is line 1) and the byte offset of its start. */
export interface TsvPosition {
  line: number
  /**
   * Counted in the decompressed text for `.gz` files. Without it, the lines before `line` are skipped by
   * counting them.
   */
  offset?: number
}

/** One data line split into its fields; IMDb's `\N` becomes null. */
export interface TsvRow {
  kind: 'row'
  line: number
  /** Byte offset of the line's start, and just after its line end (see `nextPosition`). */
  offset: number
  end: number
  fields: (string | null)[]
}

/** A data line that cannot be read; the reading goes on with the next line. */
export interface TsvRejection extends ImportIssue {
  kind: 'rejected'
  offset: number
  end: number
}

export type TsvItem = TsvRow | TsvRejection

export interface ReadTsvOptions {
  /** The exact header the file must have. */
  columns: readonly string[]
  /**
   * Resume here (a position given by `nextPosition`); line 2, the first data line, by default. With an
   * offset, a plain file is read from that byte on, and the line number is trusted.
   */
  from?: TsvPosition
  /** The name used in messages; the path by default. */
  file?: string
  /** A longer line is rejected without being held in memory. */
  maxLineBytes?: number
}

/** The position just after an item: give it as `from` to resume with the line that follows. */
export function nextPosition(item: { line: number; end: number }): Required<TsvPosition> {
  return { line: item.line + 1, offset: item.end }
}

/**
 * Streams the rows of an IMDb TSV file (`.tsv`, or gzipped `.tsv.gz`) with bounded memory, the lines of
 * each chunk read together (a promise per line cost as much as splitting it). Bad lines are yielded as
 * rejections; a missing, empty or truncated file, or a wrong header, throws an AppError.
 */
export async function* readTsv(path: string, options: ReadTsvOptions): AsyncGenerator<TsvItem[]> {
  const file = options.file ?? path
  const columns = options.columns
  const maxLineBytes = options.maxLineBytes ?? DEFAULT_MAX_LINE_BYTES
  const gzipped = path.endsWith('.gz')
  const firstLine = options.from?.line ?? 2
  if (!Number.isInteger(firstLine) || firstLine < 2) {
    throw new AppError('Invalid', `${file}: cannot resume at line ${firstLine}, data starts at line 2`)
  }
  const seekTo = options.from?.offset

  const handle = await openFile(path, file)
  // Line numbers and offsets of the next line to read.
  let line = 1
  let offset = 0
  try {
    const { size } = await handle.stat()
    if (size === 0) throw new AppError('Invalid', `${file}: empty file, expected a header`)
    // A plain file is resumed by seeking: the header is checked by a separate read, then lines go on from there.
    if (seekTo !== undefined && !gzipped) {
      await checkHeaderAt(handle, file, columns)
      await checkLineStart(handle, file, seekTo, size)
      line = firstLine
      offset = seekTo
    }
  } catch (error) {
    await handle.close()
    throw error
  }
  const fileStream = handle.createReadStream({ start: offset, highWaterMark: READ_CHUNK_BYTES })
  // pipeline passes a read error on to gunzip, and closes the file when gunzip ends or fails.
  const source: Readable = gzipped
    ? pipeline(fileStream, createGunzip({ chunkSize: 256 << 10 }), () => {})
    : fileStream

  // The start of a line that continues in the next chunk, and whether it has grown past maxLineBytes.
  let carry: Buffer[] = []
  let carryBytes = 0
  let tooLong = false
  const tooLongReason = `line is longer than ${maxLineBytes} bytes`

  // Turns one line (without its line end) into an item; undefined for the header and skipped lines.
  const readLine = (
    bytes: Buffer,
    start: number,
    stop: number,
    knownUtf8: boolean,
    newlineBytes = 1,
  ): TsvItem | undefined => {
    const lineNumber = line
    const lineOffset = offset
    const end = offset + (stop - start) + newlineBytes
    line += 1
    offset = end
    if (lineNumber === 1) {
      checkHeader(bytes.subarray(start, stop), file, columns)
      return undefined
    }
    if (lineNumber < firstLine) return undefined
    if (lineNumber === firstLine && seekTo !== undefined && lineOffset !== seekTo) {
      throw new AppError(
        'Invalid',
        `${file}: cannot resume: line ${firstLine} starts at byte ${lineOffset}, not ${seekTo}`,
      )
    }
    if (stop > start && bytes[stop - 1] === CARRIAGE_RETURN) stop -= 1
    if (stop - start > maxLineBytes) return reject(lineNumber, lineOffset, end, tooLongReason)
    if (!knownUtf8 && !isUtf8(bytes.subarray(start, stop))) {
      return reject(lineNumber, lineOffset, end, invalidUtf8Reason(bytes.subarray(start, stop), columns))
    }
    const fields: (string | null)[] = bytes.toString('utf8', start, stop).split('\t')
    if (fields.length !== columns.length) {
      return reject(lineNumber, lineOffset, end, `expected ${columns.length} fields, found ${fields.length}`)
    }
    // IMDb writes `\N` for a missing value.
    for (let i = 0; i < fields.length; i++) if (fields[i] === '\\N') fields[i] = null
    return { kind: 'row', line: lineNumber, offset: lineOffset, end, fields }
  }
  const reject = (lineNumber: number, lineOffset: number, end: number, message: string): TsvRejection => ({
    kind: 'rejected',
    file,
    line: lineNumber,
    offset: lineOffset,
    end,
    message,
  })
  // Keeps the unfinished line at the end of a chunk; past maxLineBytes, only its length.
  const keep = (chunk: Buffer, start: number): void => {
    const length = chunk.length - start
    if (!tooLong && carryBytes + length > maxLineBytes + 1) {
      tooLong = true
      carry = []
    }
    if (!tooLong) carry.push(chunk.subarray(start))
    carryBytes += length
  }
  // Ends the kept line with `bytes[0, stop)`: at a newline, or at the end of the file.
  const readKeptLine = (bytes: Buffer, stop: number, atEnd: boolean): TsvItem | undefined => {
    const newlineBytes = atEnd ? 0 : 1
    let item: TsvItem | undefined
    if (tooLong) {
      if (line === 1) throw new AppError('Invalid', `${file}:1: header is longer than ${maxLineBytes} bytes`)
      const end = offset + carryBytes + stop + newlineBytes
      if (line >= firstLine) item = reject(line, offset, end, tooLongReason)
      line += 1
      offset = end
    } else {
      const whole = Buffer.concat([...carry, bytes.subarray(0, stop)])
      item = readLine(whole, 0, whole.length, false, newlineBytes)
    }
    carry = []
    carryBytes = 0
    tooLong = false
    return item
  }

  try {
    for await (const chunk of source as AsyncIterable<Buffer>) {
      const items: TsvItem[] = []
      let start = 0
      if (carryBytes > 0 || tooLong) {
        const newline = chunk.indexOf(NEWLINE)
        if (newline === -1) {
          keep(chunk, 0)
          continue
        }
        const item = readKeptLine(chunk, newline, false)
        if (item) items.push(item)
        start = newline + 1
      }
      // One UTF-8 check for all the whole lines of the chunk; a chunk that fails is checked line by line.
      const lastNewline = chunk.lastIndexOf(NEWLINE)
      const chunkUtf8 = lastNewline >= start && isUtf8(chunk.subarray(start, lastNewline))
      let newline: number
      while ((newline = chunk.indexOf(NEWLINE, start)) !== -1) {
        if (line < firstLine && line > 1) {
          // Skipping to a resume line: count lines without decoding them.
          line += 1
          offset += newline + 1 - start
        } else {
          const item = readLine(chunk, start, newline, chunkUtf8)
          if (item) items.push(item)
        }
        start = newline + 1
      }
      if (start < chunk.length) keep(chunk, start)
      if (items.length > 0) yield items
    }
  } catch (error) {
    throw gzipError(error, file) ?? error
  }
  if (carryBytes > 0 || tooLong) {
    const item = readKeptLine(Buffer.alloc(0), 0, true)
    if (item) yield [item]
  }
  if (line === 1) throw new AppError('Invalid', `${file}: empty file, expected a header`)
  if (seekTo !== undefined && line <= firstLine && offset !== seekTo) {
    throw new AppError('Invalid', `${file}: cannot resume at byte ${seekTo}, the file has ${offset} bytes`)
  }
}

async function openFile(path: string, file: string): Promise<FileHandle> {
  try {
    return await open(path, 'r')
  } catch (error) {
    if (isErrno(error, 'ENOENT')) throw new AppError('NotFound', `${file}: no such file`, { cause: error })
    throw new AppError('Unavailable', `${file}: cannot open (${(error as Error).message})`, { cause: error })
  }
}

function checkHeader(bytes: Buffer, file: string, columns: readonly string[]): void {
  let text = bytes.toString('utf8')
  if (text.endsWith('\r')) text = text.slice(0, -1)
  // A byte-order mark, as some editors write, is not part of the first column's name.
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1)
  const found = text.split('\t')
  if (found.length !== columns.length || found.some((name, i) => name !== columns[i])) {
    throw new AppError(
      'Invalid',
      `${file}:1: expected the header ${JSON.stringify(columns.join(' '))} (tab-separated), found ${JSON.stringify(found.join(' '))}`,
    )
  }
}

async function checkHeaderAt(handle: FileHandle, file: string, columns: readonly string[]): Promise<void> {
  const { buffer, bytesRead } = await handle.read(Buffer.alloc(MAX_HEADER_BYTES), 0, MAX_HEADER_BYTES, 0)
  const newline = buffer.subarray(0, bytesRead).indexOf(NEWLINE)
  if (newline === -1) throw new AppError('Invalid', `${file}:1: no complete header line`)
  checkHeader(buffer.subarray(0, newline), file, columns)
}

// A resume offset is the start of a line, or the end of the file (after a last line without newline).
async function checkLineStart(handle: FileHandle, file: string, offset: number, size: number): Promise<void> {
  if (offset === size) return
  const before = Buffer.alloc(1)
  const ok = Number.isInteger(offset) && offset >= 1 && offset < size
  if (!ok || (await handle.read(before, 0, 1, offset - 1)).bytesRead !== 1 || before[0] !== NEWLINE) {
    throw new AppError('Invalid', `${file}: cannot resume at byte ${offset}, it is not the start of a line`)
  }
}

// Names the first field that is not UTF-8, so that the operator can find it.
function invalidUtf8Reason(bytes: Buffer, columns: readonly string[]): string {
  let start = 0
  for (let i = 0; start <= bytes.length; i++) {
    let stop = bytes.indexOf(TAB, start)
    if (stop === -1) stop = bytes.length
    if (!isUtf8(bytes.subarray(start, stop))) {
      return `invalid UTF-8 in field ${i + 1} (${columns[i] ?? 'extra'})`
    }
    start = stop + 1
  }
  return 'invalid UTF-8'
}

function gzipError(error: unknown, file: string): AppError | undefined {
  if (isErrno(error, 'Z_BUF_ERROR')) {
    return new AppError('Invalid', `${file}: truncated gzip (unexpected end of file)`, { cause: error })
  }
  if (isErrno(error, 'Z_DATA_ERROR')) {
    return new AppError('Invalid', `${file}: not valid gzip (${(error as Error).message})`, { cause: error })
  }
  return undefined
}

function isErrno(error: unknown, code: string): boolean {
  return error instanceof Error && (error as NodeJS.ErrnoException).code === code
}
