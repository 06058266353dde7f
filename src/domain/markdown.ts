// The Markdown fans may write: paragraphs (blank lines), line breaks, *emphasis*, **strong** and
// [links](https://…) to http(s) addresses. Everything else is text, escaped: there is no raw HTML,
// no images, no other URL scheme, and no attribute a writer controls except an escaped http(s) href.

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!)
}

/** The address when `text` is an absolute http(s) URL, normalized by the URL parser; otherwise undefined. */
export function parseHttpUrl(text: string): string | undefined {
  if (!/^https?:\/\//i.test(text)) return undefined
  try {
    const url = new URL(text)
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined
  } catch {
    return undefined
  }
}

const LINK = /^\[([^\]\n]+)\]\(([^()\s]+)\)/

function renderInline(text: string, links: boolean): string {
  let out = ''
  let i = 0
  while (i < text.length) {
    if (links && text[i] === '[') {
      const match = LINK.exec(text.slice(i))
      const href = match && parseHttpUrl(match[2]!)
      if (match && href) {
        out += `<a href="${escapeHtml(href)}" rel="nofollow ugc noopener">${renderInline(match[1]!, false)}</a>`
        i += match[0].length
        continue
      }
    }
    if (text.startsWith('**', i)) {
      const close = text.indexOf('**', i + 2)
      if (close > i + 2) {
        out += `<strong>${renderInline(text.slice(i + 2, close), links)}</strong>`
        i = close + 2
        continue
      }
    } else if (text[i] === '*') {
      const close = text.indexOf('*', i + 1)
      if (close > i + 1) {
        out += `<em>${renderInline(text.slice(i + 1, close), links)}</em>`
        i = close + 1
        continue
      }
    }
    out += escapeHtml(text[i]!)
    i += 1
  }
  return out
}

/** Renders the fans' Markdown subset to HTML; all other text, including any HTML, is escaped. */
export function renderMarkdown(source: string): string {
  return source
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n+/)
    .map((paragraph) => paragraph.trim())
    .filter((paragraph) => paragraph !== '')
    .map(
      (paragraph) =>
        `<p>${paragraph
          .split('\n')
          .map((line) => renderInline(line.trim(), true))
          .join('<br>\n')}</p>`,
    )
    .join('\n')
}
