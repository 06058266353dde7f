import { readFile } from 'node:fs/promises'
import { AppError } from '../domain/index.ts'
import { extractWithScope, readArticle } from '../importers/index.ts'
import { ingestArticle, type IngestResult } from '../services/index.ts'
import type { Storage } from '../storage/index.ts'

/** The JSON contract of `retold ingest <file> --json`. */
export function ingestJson(result: IngestResult) {
  const { article } = result
  return {
    source: {
      title: article.title,
      author: article.author,
      publisher: article.publisher,
      published: article.published,
      updated: article.updated,
      language: article.language,
      url: article.url,
    },
    candidates: result.candidates.map((c) => ({
      subject: c.subject,
      property: c.property,
      value: c.value,
      qualifiers: c.qualifiers,
      quote: c.quote,
      start: c.start,
      end: c.end,
      confidence: c.confidence,
    })),
  }
}

export async function ingestCommand(
  storage: Storage,
  file: string,
  options: { url?: string | undefined; json: boolean },
  out: (line: string) => void,
): Promise<number> {
  let input: string
  try {
    input = await readFile(file, 'utf8')
  } catch (error) {
    throw new AppError(
      'Invalid',
      `${file}: cannot read it (${(error as NodeJS.ErrnoException).code ?? 'error'})`,
      { cause: error },
    )
  }
  const format = /\.html?$/i.test(file) ? 'html' : /\.txt$/i.test(file) ? 'text' : undefined
  const result = await ingestArticle(
    storage,
    readArticle(input, { url: options.url, format }),
    extractWithScope,
  )
  if (options.json) {
    out(JSON.stringify(ingestJson(result), null, 2))
    return 0
  }
  out(`${result.created ? 'stored' : 'already stored'} source ${result.source.slug}: ${result.source.title}`)
  out(`${result.candidates.length} candidate claims, ${result.stored} new in the review queue`)
  for (const c of result.candidates) {
    const qualifiers = Object.entries(c.qualifiers)
      .map(([k, v]) => `${k}=${v}`)
      .join(', ')
    out(
      `  ${c.confidence.toFixed(2)}  ${c.subject.slug} ${c.property}${qualifiers ? ` (${qualifiers})` : ''}: ${JSON.stringify(c.value)}`,
    )
  }
  return 0
}
