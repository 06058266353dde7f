import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { afterAll, describe, expect, it } from 'vitest'
import { formatIssue } from '../../domain/index.ts'
import { nextPosition, readTsv, type ReadTsvOptions, type TsvItem, type TsvRow } from './read-tsv.ts'

const DIR = mkdtempSync(join(tmpdir(), 'retold-read-tsv-'))
afterAll(() => rmSync(DIR, { recursive: true, force: true }))

const COLUMNS = ['tconst', 'title', 'year'] as const
const HEADER = 'tconst\ttitle\tyear\n'

function write(name: string, content: string | Buffer): string {
  const path = join(DIR, name)
  writeFileSync(path, content)
  return path
}

async function readAll(path: string, options: Partial<ReadTsvOptions> = {}): Promise<TsvItem[]> {
  const items: TsvItem[] = []
  for await (const chunk of readTsv(path, { columns: COLUMNS, file: 'x.tsv', ...options }))
    items.push(...chunk)
  return items
}

const rows = (items: TsvItem[]) => items.filter((i): i is TsvRow => i.kind === 'row')
const problems = (items: TsvItem[]) => items.flatMap((i) => (i.kind === 'rejected' ? [formatIssue(i)] : []))

// A file of n rows `tt{i}\tTitle {i}\t{year}`, some in other scripts.
function sample(n: number): string {
  const titles = [
    'Крёстный отец',
    'Καρμενσίτα',
    'ゴッドファーザー',
    '7번방의 선물',
    'Koğuştaki Mucize',
    'Plain',
  ]
  let text = HEADER
  for (let i = 1; i <= n; i++)
    text += `tt${i}\t${titles[i % titles.length]} ${i}\t${i % 7 === 0 ? '\\N' : 1900 + (i % 120)}\n`
  return text
}

describe('readTsv', () => {
  it('yields each row with its line number and byte offsets, \\N as null', async () => {
    const path = write('basic.tsv', HEADER + 'tt1\tCarmencita\t1894\ntt2\tΚαρμενσίτα\t\\N\n')
    const items = await readAll(path)
    expect(items).toEqual([
      { kind: 'row', line: 2, offset: 18, end: 38, fields: ['tt1', 'Carmencita', '1894'] },
      {
        kind: 'row',
        line: 3,
        offset: 38,
        // Offsets count bytes: each Greek letter takes two.
        end: 38 + 8 + 2 * 10,
        fields: ['tt2', 'Καρμενσίτα', null],
      },
    ])
    expect(items.at(-1)!.end).toBe(readFileSync(path).length)
  })

  it('reads a last line without a newline', async () => {
    const path = write('no-newline.tsv', HEADER + 'tt1\tA\t1\ntt2\tB\t2')
    const items = rows(await readAll(path))
    expect(items.map((r) => r.fields[0])).toEqual(['tt1', 'tt2'])
    expect(items.at(-1)!.end).toBe(readFileSync(path).length)
  })

  it('accepts a byte-order mark before the header, counting its bytes in offsets', async () => {
    const path = write(
      'bom.tsv',
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(HEADER + 'tt1\tA\t1\n')]),
    )
    const items = await readAll(path)
    expect(items).toEqual([
      {
        kind: 'row',
        line: 2,
        offset: 3 + HEADER.length,
        end: 3 + HEADER.length + 8,
        fields: ['tt1', 'A', '1'],
      },
    ])
  })

  it('accepts CRLF line ends without leaving \\r in the last field', async () => {
    const path = write('crlf.tsv', HEADER.replace('\n', '\r\n') + 'tt1\tA\t1994\r\ntt2\tB\t\\N\r\n')
    const items = rows(await readAll(path))
    expect(items.map((r) => r.fields)).toEqual([
      ['tt1', 'A', '1994'],
      ['tt2', 'B', null],
    ])
    expect(items[1]!.offset).toBe(HEADER.length + 1 + 'tt1\tA\t1994\r\n'.length)
  })

  it('rejects a row with the wrong number of fields and goes on', async () => {
    const path = write('columns.tsv', HEADER + 'tt1\tA\t1\ntt2\tB\ntt3\tC\t3\textra\n\ntt4\tD\t4\n')
    const items = await readAll(path)
    expect(problems(items)).toEqual([
      'x.tsv:3: expected 3 fields, found 2',
      'x.tsv:4: expected 3 fields, found 4',
      'x.tsv:5: expected 3 fields, found 1',
    ])
    expect(rows(items).map((r) => [r.line, r.fields[0]])).toEqual([
      [2, 'tt1'],
      [6, 'tt4'],
    ])
  })

  it('rejects a row with invalid UTF-8, naming the field, and keeps its neighbours', async () => {
    const bad = Buffer.concat([Buffer.from('tt2\tCaf'), Buffer.from([0xe9]), Buffer.from('\t2001\n')])
    const path = write(
      'utf8.tsv',
      Buffer.concat([Buffer.from(HEADER + 'tt1\tCafé\t2000\n'), bad, Buffer.from('tt3\t東京\t2002\n')]),
    )
    const items = await readAll(path)
    expect(problems(items)).toEqual(['x.tsv:3: invalid UTF-8 in field 2 (title)'])
    expect(rows(items).map((r) => r.fields[1])).toEqual(['Café', '東京'])
  })

  it('reads a 1 MB line that spans read chunks', async () => {
    const long = 'ö'.repeat(500_000)
    // The rows before it push the long line across the reader's 1 MiB chunk boundary.
    const path = write('long.tsv', sample(20_000) + `tt9\t${long}\t1999\ntt10\tAfter\t2000\n`)
    const items = await readAll(path)
    expect(problems(items)).toEqual([])
    const found = rows(items).slice(-2)
    expect(found[0]!.fields[1]).toBe(long)
    expect(found[1]).toMatchObject({
      line: 20_003,
      fields: ['tt10', 'After', '2000'],
      end: readFileSync(path).length,
    })
  })

  it('rejects a line longer than maxLineBytes without holding it, and reads on', async () => {
    const huge = 'x'.repeat(3_000_000)
    const path = write(
      'huge.tsv',
      HEADER + `tt1\tA\t1\ntt2\t${huge}\t2\ntt3\t${'y'.repeat(2000)}\t3\ntt4\tD\t4\n`,
    )
    const items = await readAll(path, { maxLineBytes: 1 << 20 })
    expect(problems(items)).toEqual(['x.tsv:3: line is longer than 1048576 bytes'])
    const small = await readAll(path, { maxLineBytes: 1000 })
    expect(problems(small)).toEqual([
      'x.tsv:3: line is longer than 1000 bytes',
      'x.tsv:4: line is longer than 1000 bytes',
    ])
    const last = rows(small).at(-1)!
    expect(last).toMatchObject({ line: 5, fields: ['tt4', 'D', '4'], end: readFileSync(path).length })
  })

  it('reads .tsv.gz files like plain ones', async () => {
    const text = sample(5000)
    const plain = await readAll(write('same.tsv', text))
    const gzipped = await readAll(write('same.tsv.gz', gzipSync(text)))
    expect(gzipped).toEqual(plain)
    expect(plain).toHaveLength(5000)
  })

  it('yields the good rows of a truncated gzip file, then fails clearly', async () => {
    const text = sample(50_000)
    const gz = gzipSync(text)
    const path = write('cut.tsv.gz', gz.subarray(0, Math.floor(gz.length * 0.6)))
    const items: TsvItem[] = []
    await expect(async () => {
      for await (const chunk of readTsv(path, { columns: COLUMNS, file: 'cut.tsv.gz' })) items.push(...chunk)
    }).rejects.toThrow(/^cut\.tsv\.gz: truncated gzip \(unexpected end of file\)$/)
    expect(items.length).toBeGreaterThan(1000)
    expect(items.length).toBeLessThan(50_000)
    // Only whole lines came out, exactly as written.
    const lines = text.split('\n')
    expect(problems(items)).toEqual([])
    for (const row of rows(items))
      expect(row.fields.map((f) => f ?? '\\N').join('\t')).toBe(lines[row.line - 1])
  })

  it('fails clearly on a missing file, an empty file and a wrong header', async () => {
    await expect(readAll(join(DIR, 'missing.tsv'), { file: 'missing.tsv' })).rejects.toThrow(
      /^missing\.tsv: no such file$/,
    )
    await expect(readAll(write('empty.tsv', ''), { file: 'empty.tsv' })).rejects.toThrow(
      /^empty\.tsv: empty file, expected a header$/,
    )
    await expect(readAll(write('empty.tsv.gz', gzipSync('')), { file: 'empty.tsv.gz' })).rejects.toThrow(
      /^empty\.tsv\.gz: empty file, expected a header$/,
    )
    await expect(readAll(write('header.tsv', 'tconst\tname\tyear\ntt1\tA\t1\n'))).rejects.toThrow(
      'x.tsv:1: expected the header "tconst title year" (tab-separated), found "tconst name year"',
    )
  })

  it('stops reading when the consumer stops', async () => {
    const path = write('early.tsv', sample(100_000))
    const seen: number[] = []
    for await (const chunk of readTsv(path, { columns: COLUMNS })) {
      seen.push(...chunk.map((item) => item.line))
      break
    }
    // The first chunk's lines, in order, and not the whole file.
    expect(seen.slice(0, 3)).toEqual([2, 3, 4])
    expect(seen.length).toBeLessThan(100_000)
  })
})

describe('readTsv resuming', () => {
  const text = sample(30_000) + 'tt30001\tLast\t2026'

  for (const name of ['resume.tsv', 'resume.tsv.gz']) {
    it(`resumes ${name} after any row with exactly the remaining rows`, async () => {
      const path = write(name, name.endsWith('.gz') ? gzipSync(text) : text)
      const all = await readAll(path)
      expect(all).toHaveLength(30_001)
      for (const k of [0, 1, 14_999, 29_999, 30_000]) {
        const from = nextPosition(all[k]!)
        expect(await readAll(path, { from })).toEqual(all.slice(k + 1))
      }
      // A line number alone is enough: the lines before it are counted.
      expect(await readAll(path, { from: { line: 20_000 } })).toEqual(all.slice(20_000 - 2))
    })
  }

  it('refuses an offset that is not the start of the line', async () => {
    const path = write('resume-bad.tsv', text)
    const gz = write('resume-bad.tsv.gz', gzipSync(text))
    await expect(readAll(path, { from: { line: 3, offset: 20 } })).rejects.toThrow(
      'x.tsv: cannot resume at byte 20, it is not the start of a line',
    )
    await expect(readAll(gz, { from: { line: 3, offset: 20 } })).rejects.toThrow(
      'x.tsv: cannot resume: line 3 starts at byte',
    )
    await expect(readAll(path, { from: { line: 1 } })).rejects.toThrow('data starts at line 2')
  })
})
