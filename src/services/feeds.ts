import { NotFoundError, type PublicMoment } from '../domain/index.ts'
import { findFilmBySlug, type Storage } from '../storage/index.ts'
import { listRecentMoments, listFilmMoments } from './moments.ts'

// Atom 1.0 feeds (RFC 4287) of newly published moments, site-wide and per film. A spoiler moment
// appears by its title only, marked as a spoiler: its text and video stay on the site.

// Characters XML 1.0 does not allow at all (§2.2): control characters other than tab, LF and CR,
// lone surrogates, U+FFFE and U+FFFF.
const NOT_XML =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g
const XML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
}

/** Escapes text for XML content and attribute values, dropping characters XML cannot carry. */
export function escapeXml(text: string): string {
  return text.replace(NOT_XML, '').replace(/[&<>"']/g, (c) => XML_ESCAPES[c]!)
}

export interface AtomEntry {
  id: string
  title: string
  updated: string
  published?: string | undefined
  url: string
  author: string
  categories?: readonly string[] | undefined
  summary?: string | undefined
  /** HTML, escaped into a `type="html"` content element. */
  contentHtml?: string | undefined
}

export interface AtomFeed {
  id: string
  title: string
  updated: string
  selfUrl: string
  siteUrl: string
  entries: readonly AtomEntry[]
}

/** Writes an Atom 1.0 document; every text and attribute is escaped. */
export function renderAtomFeed(feed: AtomFeed): string {
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    `  <id>${escapeXml(feed.id)}</id>`,
    `  <title>${escapeXml(feed.title)}</title>`,
    `  <updated>${escapeXml(feed.updated)}</updated>`,
    `  <link rel="self" type="application/atom+xml" href="${escapeXml(feed.selfUrl)}"/>`,
    `  <link rel="alternate" type="text/html" href="${escapeXml(feed.siteUrl)}"/>`,
    '  <generator>Retold</generator>',
  ]
  for (const entry of feed.entries) {
    lines.push(
      '  <entry>',
      `    <id>${escapeXml(entry.id)}</id>`,
      `    <title>${escapeXml(entry.title)}</title>`,
      `    <updated>${escapeXml(entry.updated)}</updated>`,
    )
    if (entry.published) lines.push(`    <published>${escapeXml(entry.published)}</published>`)
    lines.push(
      `    <link rel="alternate" type="text/html" href="${escapeXml(entry.url)}"/>`,
      `    <author><name>${escapeXml(entry.author)}</name></author>`,
    )
    for (const term of entry.categories ?? []) lines.push(`    <category term="${escapeXml(term)}"/>`)
    if (entry.summary !== undefined) lines.push(`    <summary>${escapeXml(entry.summary)}</summary>`)
    if (entry.contentHtml !== undefined)
      lines.push(`    <content type="html">${escapeXml(entry.contentHtml)}</content>`)
    lines.push('  </entry>')
  }
  lines.push('</feed>', '')
  return lines.join('\n')
}

export interface FeedOptions {
  /** The site's public address (Config.publicUrl), without a trailing slash. */
  publicUrl: string
  limit?: number | undefined
  /** The feed's `updated` when it has no entries yet. */
  now?: Date | undefined
}

// tag: URIs (RFC 4151) stay the same when a moment's page moves; the date is when Retold minted them.
function tagUri(publicUrl: string, specific: string): string {
  return `tag:${new URL(publicUrl).hostname},2026:${specific}`
}

/** Where a moment is read on the site. */
export function momentUrl(publicUrl: string, moment: PublicMoment): string {
  return `${publicUrl}/films/${encodeURIComponent(moment.film.slug)}#moment-${moment.id}`
}

function momentEntry(publicUrl: string, moment: PublicMoment): AtomEntry {
  const base = {
    id: tagUri(publicUrl, `moment:${moment.id}`),
    updated: moment.publishedAt,
    published: moment.publishedAt,
    url: momentUrl(publicUrl, moment),
    author: moment.displayName,
  }
  if (moment.spoiler)
    return {
      ...base,
      title: `[Spoiler] ${moment.title}`,
      categories: ['spoiler'],
      summary: 'This moment contains spoilers: open it on the site to read it.',
    }
  const video =
    moment.video?.kind === 'link'
      ? `<p><a href="${escapeXml(moment.video.url)}">${escapeXml(moment.video.url)}</a></p>`
      : moment.video?.kind === 'upload'
        ? `<p><a href="${escapeXml(base.url)}">Watch the video</a></p>`
        : ''
  return { ...base, title: moment.title, contentHtml: (moment.html ?? '') + video }
}

function feedOf(
  options: FeedOptions,
  specific: string,
  title: string,
  selfPath: string,
  sitePath: string,
  moments: PublicMoment[],
) {
  return renderAtomFeed({
    id: tagUri(options.publicUrl, specific),
    title,
    updated: moments[0]?.publishedAt ?? (options.now ?? new Date()).toISOString(),
    selfUrl: `${options.publicUrl}${selfPath}`,
    siteUrl: `${options.publicUrl}${sitePath}`,
    entries: moments.map((m) => momentEntry(options.publicUrl, m)),
  })
}

/** The Atom feed of the newest published moments of every film. */
export async function buildMomentsFeed(storage: Storage, options: FeedOptions): Promise<string> {
  const moments = await listRecentMoments(storage, { limit: options.limit ?? 50 })
  return feedOf(options, 'moments', 'Retold — fans’ moments', '/moments.atom', '/', moments)
}

/** The Atom feed of the newest published moments of one film. */
export async function buildFilmMomentsFeed(
  storage: Storage,
  filmSlug: string,
  options: FeedOptions,
): Promise<string> {
  const film = await findFilmBySlug(storage.db, filmSlug)
  if (!film) throw new NotFoundError('film', filmSlug)
  const moments = await listFilmMoments(storage, filmSlug, { limit: options.limit ?? 50 })
  const path = `/films/${encodeURIComponent(film.slug)}`
  return feedOf(
    options,
    `moments:film:${film.slug}`,
    `Retold — fans’ moments: ${film.slug}`,
    `${path}/moments.atom`,
    path,
    moments,
  )
}
