import { describe, expect, it } from 'vitest'
import { renderMarkdown } from './markdown.ts'

describe('renderMarkdown', () => {
  it('renders paragraphs, line breaks, emphasis, strong and http(s) links', () => {
    expect(
      renderMarkdown('When *Memo* meets **Ova**\nagain.\n\nSee [the scene](https://example.org/a?b=1&c=2).'),
    ).toBe(
      '<p>When <em>Memo</em> meets <strong>Ova</strong><br>\nagain.</p>\n' +
        '<p>See <a href="https://example.org/a?b=1&amp;c=2" rel="nofollow ugc noopener">the scene</a>.</p>',
    )
  })

  it('escapes HTML: a <script> stays text', () => {
    const html = renderMarkdown('<script>alert("x")</script> & <b onclick=x>bold</b>')
    expect(html).toBe(
      '<p>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;b onclick=x&gt;bold&lt;/b&gt;</p>',
    )
    expect(html).not.toMatch(/<(script|b)\b/)
  })

  it('refuses javascript:, data: and relative links, leaving them as text', () => {
    for (const href of [
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      'data:text/html,x',
      '/relative',
      '//evil.example',
    ]) {
      const html = renderMarkdown(`[click](${href})`)
      expect(html).not.toContain('<a ')
      expect(html).not.toContain('href')
    }
  })

  it('cannot break out of the href attribute', () => {
    const html = renderMarkdown('[x](https://example.org/"onmouseover="alert(1))')
    expect(html).not.toMatch(/"\s*onmouseover=/)
    const quoted = renderMarkdown(`[x](https://example.org/'"><img)`)
    expect(quoted).not.toContain('<img')
    expect(quoted).not.toContain('"><')
  })

  it('escapes markup inside emphasis and link labels', () => {
    expect(renderMarkdown('*<i>x</i>* [**<b>**](https://example.org)')).toBe(
      '<p><em>&lt;i&gt;x&lt;/i&gt;</em> <a href="https://example.org/" rel="nofollow ugc noopener"><strong>&lt;b&gt;</strong></a></p>',
    )
  })

  it('leaves unmatched stars as text and drops empty paragraphs', () => {
    expect(renderMarkdown('5 * 3 = 15\n\n\n\n  ')).toBe('<p>5 * 3 = 15</p>')
    expect(renderMarkdown('')).toBe('')
  })
})
