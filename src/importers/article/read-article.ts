import { words } from './unicode.ts'
import { Readability } from '@mozilla/readability'
import * as chrono from 'chrono-node'
import { franc } from 'franc'
import { iso6393 } from 'iso-639-3'
import { parseHTML } from 'linkedom'
import type { Article } from '../../domain/index.ts'

export interface ReadArticleOptions {
  url?: string | undefined
  /** Read as HTML or as plain text; by default HTML when the input starts with a tag. */
  format?: 'html' | 'text' | undefined
}

type HtmlDocument = ReturnType<typeof parseHTML>['document']

const TO_ISO_639_1 = new Map(iso6393.flatMap((l) => (l.iso6391 ? [[l.iso6393, l.iso6391] as const] : [])))

/** Detects the language of a text (franc, trigram profiles); null when it cannot tell. */
export function detectLanguage(text: string): string | null {
  const code = franc(text.slice(0, 20_000), { minLength: 20 })
  if (code === 'und') return null
  return TO_ISO_639_1.get(code) ?? code
}

/** The calendar date chrono reads in a text ("Updated Apr 10, 2023", "3 de enero de 2020"), as YYYY-MM-DD. */
export function parseDateText(text: string, language: string | null = 'en'): string | null {
  const parser =
    language === 'es' ? chrono.es : language === 'pt' ? chrono.pt : language === 'fr' ? chrono.fr : chrono
  const [result] = parser.parse(text, new Date(Date.UTC(2000, 0, 1)), { forwardDate: false })
  if (!result) return null
  const { start } = result
  const year = start.get('year')
  const month = start.get('month')
  const day = start.get('day')
  if (!start.isCertain('year') || year === null || month === null) return null
  const mm = String(month).padStart(2, '0')
  if (!start.isCertain('day') || day === null) return `${year}-${mm}`
  return `${year}-${mm}-${String(day).padStart(2, '0')}`
}

function isoDate(value: unknown): string | null {
  if (typeof value !== 'string') return null
  const match = /^(\d{4}-\d{2}-\d{2})/.exec(value.trim())
  return match ? match[1]! : parseDateText(value)
}

function clean(value: unknown): string | null {
  if (typeof value !== 'string') return null
  const text = value.replace(/\s+/g, ' ').trim()
  return text === '' ? null : text
}

function nameOf(value: unknown): string | null {
  if (Array.isArray(value)) return nameOf(value[0])
  if (value && typeof value === 'object' && 'name' in value) return clean(value.name)
  return clean(value)
}

// A byline such as "by Aishwarya R | Updated Apr 10, 2023" or "By Jane Doe, published 3 May 2021".
// "Por …" (Spanish) and "Oleh …" (Indonesian) are bylines too.
const BYLINE = /^\s*(?:by|por|oleh)\s+([^|\n,]{2,60}?)\s*(?:[|,·–—-]\s*(.*))?$/im
const DATED = words(
  /\b(updated|modified|published|posted|actualizado|publicado|diperbarui|diterbitkan|güncellendi|yayınlandı)\b[:\s]*(?:el\s+|pada\s+)?(.{4,40})/gi,
)
// A dateline: a short line near the top that holds a date and little else ("Jane Doe · 3 November 2022").
const DATELINE_MAX = 80

interface TextMetadata {
  author: string | null
  published: string | null
  updated: string | null
  /** A short line right after the byline: the site's name. */
  publisher: string | null
}

/** Metadata written in the text itself: a byline and "Updated …"/"Published …" dates. */
function readTextMetadata(text: string, language: string | null = 'en'): TextMetadata {
  const found: TextMetadata = { author: null, published: null, updated: null, publisher: null }
  const byline = BYLINE.exec(text)
  if (byline) {
    found.author = clean(byline[1])
    const after = text
      .slice(byline.index + byline[0].length)
      .split('\n')
      .map((line) => line.trim())
    const next = after.find((line) => line !== '')
    if (next && next.split(/\s+/).length <= 3 && !/[.?!:]$/.test(next)) found.publisher = next
  }
  for (const match of text.slice(0, 3000).matchAll(DATED)) {
    const date = parseDateText(match[2]!, language) ?? parseDateText(match[2]!)
    if (!date) continue
    if (/updated|modified|actualizado|diperbarui|güncellendi/i.test(match[1]!)) found.updated ??= date
    else found.published ??= date
  }
  if (found.published === null && found.updated === null) found.published = readDateline(text, language)
  return found
}

/** The date of a short line among the first lines after the title (a byline or a dateline), when it gives a full day. */
function readDateline(text: string, language: string | null): string | null {
  const lines = text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .slice(1, 6)
  for (const line of lines) {
    if (line.length > DATELINE_MAX || /[.?!]$/.test(line)) continue
    const date = parseDateText(line, language) ?? parseDateText(line)
    if (date && /^\d{4}-\d{2}-\d{2}$/.test(date)) return date
  }
  return null
}

function readJsonLd(document: HtmlDocument): Record<string, unknown>[] {
  const nodes: Record<string, unknown>[] = []
  for (const script of document.querySelectorAll('script[type="application/ld+json"]')) {
    try {
      const data: unknown = JSON.parse(script.textContent ?? '')
      const queue = Array.isArray(data) ? data : [data]
      for (const item of queue) {
        if (!item || typeof item !== 'object') continue
        const record = item as Record<string, unknown>
        if (Array.isArray(record['@graph'])) queue.push(...(record['@graph'] as unknown[]))
        else nodes.push(record)
      }
    } catch {
      // Broken JSON-LD is common on the web; the other metadata still counts.
    }
  }
  const isArticle = (node: Record<string, unknown>) =>
    [node['@type']]
      .flat()
      .some((type) => typeof type === 'string' && /Article|BlogPosting|NewsArticle|WebPage/.test(type))
  return nodes.filter(isArticle)
}

/** The text of Readability's article HTML, one paragraph per block element. */
function blocksToText(html: string): string {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`)
  const blocks = document.querySelectorAll('h1,h2,h3,h4,h5,h6,p,li,blockquote,pre,td,figcaption')
  const paragraphs: string[] = []
  for (const block of blocks) {
    // Nested blocks (a <p> inside an <li>) are read through their innermost element.
    if (block.querySelector('p,li,h1,h2,h3,h4,h5,h6,blockquote')) continue
    const text = clean(block.textContent)
    if (text) paragraphs.push(text)
  }
  return paragraphs.length > 0 ? paragraphs.join('\n\n') : (clean(document.body.textContent) ?? '')
}

function readHtml(html: string, url: string | null): Article {
  const { document } = parseHTML(html)
  const meta = (...names: string[]) => {
    for (const name of names) {
      const element =
        document.querySelector(`meta[property="${name}"]`) ?? document.querySelector(`meta[name="${name}"]`)
      const content = clean(element?.getAttribute('content'))
      if (content) return content
    }
    return null
  }
  const [ld] = readJsonLd(document)
  const canonical = document.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? null
  const htmlLanguage =
    clean(document.documentElement.getAttribute('lang'))?.split('-')[0]?.toLowerCase() ?? null

  // Readability changes the document it reads: it gets a copy.
  const parsed = new Readability(parseHTML(html).document as never).parse()
  const text = parsed?.content ? blocksToText(parsed.content) : (clean(document.body?.textContent) ?? '')
  const fromText = readTextMetadata(text)
  const fromPage = readTextMetadata(clean(document.body?.textContent)?.replace(/ \| /g, ' | ') ?? '')

  return {
    title:
      nameOf(ld?.headline) ??
      meta('og:title', 'twitter:title') ??
      clean(parsed?.title) ??
      clean(document.title),
    author:
      nameOf(ld?.author) ??
      meta('author', 'article:author') ??
      clean(parsed?.byline)?.replace(/^by\s+/i, '') ??
      fromText.author,
    publisher:
      nameOf(ld?.publisher) ??
      meta('og:site_name', 'application-name') ??
      clean(parsed?.siteName) ??
      fromText.publisher,
    published:
      isoDate(ld?.datePublished) ??
      isoDate(meta('article:published_time', 'datePublished')) ??
      fromText.published ??
      fromPage.published,
    updated:
      isoDate(ld?.dateModified) ??
      isoDate(meta('article:modified_time', 'og:updated_time', 'dateModified')) ??
      fromText.updated ??
      fromPage.updated,
    language: clean(ld?.inLanguage)?.split('-')[0]?.toLowerCase() ?? htmlLanguage ?? detectLanguage(text),
    url: url ?? clean(ld?.url) ?? meta('og:url') ?? canonical,
    text,
  }
}

function readText(raw: string, url: string | null): Article {
  const text = raw.replace(/\r\n?/g, '\n').trim()
  const language = detectLanguage(text)
  const metadata = readTextMetadata(text, language)
  const firstLine = text.split('\n').find((line) => line.trim() !== '')
  return {
    title: clean(firstLine)?.slice(0, 300) ?? null,
    author: metadata.author,
    publisher: metadata.publisher,
    published: metadata.published,
    updated: metadata.updated,
    language,
    url,
    text,
  }
}

/** Reads an article given as HTML or as plain text: its main text and what it says about itself. */
export function readArticle(input: string, options: ReadArticleOptions = {}): Article {
  const format =
    options.format ??
    (words(/^\s*(<!doctype html|<html|<head|<body|<article|<div|<p)\b/i).test(input) ? 'html' : 'text')
  return format === 'html' ? readHtml(input, options.url ?? null) : readText(input, options.url ?? null)
}
