import { describe, expect, it } from 'vitest'
import { Timeline, TIMELINE_STYLE, type TimelineVersion } from './timeline.tsx'

const MIRACLE: TimelineVersion[] = [
  {
    country: 'ES',
    label: 'Milagro en la celda 7',
    href: '/films/es',
    year: null,
    released: false,
    original: false,
  },
  {
    country: 'ID',
    label: 'Miracle in Cell No. 7 (2022)',
    href: '/films/id',
    year: 2022,
    released: true,
    original: false,
  },
  {
    country: 'TR',
    label: '7. Koğuştaki Mucize (2019)',
    href: '/films/tr',
    year: 2019,
    released: true,
    original: false,
  },
  {
    country: 'PH',
    label: 'Miracle in Cell No. 7 (2019)',
    href: '/films/ph',
    year: 2019,
    released: true,
    original: false,
  },
  {
    country: 'KR',
    label: 'Miracle in Cell No. 7 (2013)',
    href: '/films/kr',
    year: 2013,
    released: true,
    original: true,
  },
  {
    country: 'IN',
    label: 'Ek Ruka Hua Faisla',
    href: '/films/in',
    year: 2017,
    released: true,
    original: false,
  },
]

function render(
  versions: readonly TimelineVersion[],
  title = 'When Miracle in Cell No. 7 was retold',
): string {
  const html = (<Timeline versions={versions} title={title} />).toString()
  if (typeof html !== 'string') throw new Error('the timeline renders synchronously')
  return html
}

const hrefs = (html: string) => [...html.matchAll(/<a href="([^"]+)"/g)].map((m) => m[1])

/** The <li class="timeline-item …">…</li> that links to href. */
function item(html: string, href: string): string {
  const found = html.match(
    new RegExp(`<li class="timeline-item[^"]*"[^>]*>(?:(?!</li>).)*href="${href}".*?</li>`),
  )
  if (!found) throw new Error(`no item for ${href}`)
  return found[0]
}

describe('Timeline', () => {
  it('is an ordered list named by its title', () => {
    const html = render(MIRACLE)
    expect(html).toMatch(/^<ol class="timeline" aria-label="When Miracle in Cell No. 7 was retold"/)
    expect(html.endsWith('</ol>')).toBe(true)
    expect(html.match(/<li /g)).toHaveLength(7) // six versions and the "announced" group
  })

  it('orders versions by year, the original first within a year, announced ones last', () => {
    expect(hrefs(render(MIRACLE))).toEqual([
      '/films/kr',
      '/films/in',
      '/films/tr',
      '/films/ph',
      '/films/id',
      '/films/es',
    ])
    const sameYear = render([
      { country: 'TR', label: 'B remake', href: '/b', year: 2013, released: true, original: false },
      { country: 'KR', label: 'Z original', href: '/z', year: 2013, released: true, original: true },
    ])
    expect(hrefs(sameYear)).toEqual(['/z', '/b'])
  })

  it('puts versions without a year under "Announced", after the dated ones', () => {
    const html = render(MIRACLE)
    const group = html.slice(html.indexOf('<li class="timeline-announced">'))
    expect(group).toMatch(
      /^<li class="timeline-announced"><span class="timeline-announced-label">Announced<\/span><ul>/,
    )
    expect(group).toContain('href="/films/es"')
    expect(html.indexOf('/films/id')).toBeLessThan(html.indexOf('timeline-announced'))
    expect(item(html, '/films/es')).toContain('class="timeline-item announced"')
    expect(item(html, '/films/es')).not.toContain('<time')
  })

  it('shows year, title and country name of each version, linked to the film', () => {
    const tr = item(render(MIRACLE), '/films/tr')
    expect(tr).toContain('<time class="timeline-year" datetime="2019">2019</time>')
    // The year beside it makes the '(2019)' of the label redundant.
    expect(tr).toContain('<a href="/films/tr">7. Koğuştaki Mucize</a>')
    expect(tr).toContain('Türkiye')
    expect(item(render(MIRACLE), '/films/in')).toContain('<a href="/films/in">Ek Ruka Hua Faisla</a>')
  })

  it('marks the original', () => {
    const html = render(MIRACLE)
    const kr = item(html, '/films/kr')
    expect(kr).toContain('class="timeline-item original"')
    expect(kr).toMatch(/South Korea · <span class="timeline-tag">original<\/span>/)
    expect(item(html, '/films/tr')).not.toContain('original')
  })

  it('marks unreleased versions with a year as announced, in their place in time', () => {
    const html = render([
      ...MIRACLE,
      { country: 'US', label: 'Cell 7', href: '/films/us', year: 2026, released: false, original: false },
    ])
    expect(hrefs(html)).toEqual([
      '/films/kr',
      '/films/in',
      '/films/tr',
      '/films/ph',
      '/films/id',
      '/films/us',
      '/films/es',
    ])
    const us = item(html, '/films/us')
    expect(us).toContain('class="timeline-item announced"')
    expect(us).toMatch(/United States · <span class="timeline-tag">announced<\/span>/)
  })

  it('calls the last group "Year unknown" when a released version lacks a year', () => {
    const html = render([
      { country: 'KR', label: 'A', href: '/a', year: 2013, released: true, original: true },
      { country: 'JP', label: 'B', href: '/b', year: null, released: true, original: false },
    ])
    expect(html).toContain('<span class="timeline-announced-label">Year unknown</span>')
    expect(item(html, '/b')).not.toContain('announced')
  })

  it('spaces versions in proportion to the years between them', () => {
    const html = render(MIRACLE)
    expect(html).toContain('style="--per-year:1rem"')
    expect(item(html, '/films/kr')).not.toContain('--years')
    expect(item(html, '/films/in')).toContain('style="--years:4"')
    expect(item(html, '/films/tr')).toContain('style="--years:2"')
    expect(item(html, '/films/ph')).not.toContain('--years') // same year as the Turkish film
    expect(item(html, '/films/id')).toContain('style="--years:3"')
    // A long span is compressed to stay on a screen: 1954 → 2016 is 62 years in 12rem.
    const long = render([
      {
        country: 'JP',
        label: 'Shichinin no samurai',
        href: '/a',
        year: 1954,
        released: true,
        original: true,
      },
      {
        country: 'US',
        label: 'The Magnificent Seven',
        href: '/b',
        year: 2016,
        released: true,
        original: false,
      },
    ])
    expect(long).toContain('style="--per-year:0.19rem"')
  })

  it('reads as plain text without CSS', () => {
    const text = render(MIRACLE)
      .replace(/<[^>]+>/g, '')
      .replace(/\s+/g, ' ')
    expect(text).toContain('2013: Miracle in Cell No. 7, South Korea · original')
    expect(text).toContain('2019: 7. Koğuştaki Mucize, Türkiye')
    expect(text).toContain('Announced')
  })

  it('escapes user text and leaves out unknown countries', () => {
    const html = render(
      [
        {
          country: 'XWW',
          label: '<script>alert(1)</script>',
          href: '/f?a=1&b=2',
          year: 2000,
          released: true,
          original: false,
        },
      ],
      '<b>t</b>',
    )
    expect(html).not.toContain('<script>')
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
    expect(html).toContain('aria-label="&lt;b&gt;t&lt;/b&gt;"')
    expect(html).toContain('href="/f?a=1&amp;b=2"')
    expect(html).not.toContain('XWW')
    expect(html).not.toContain('timeline-meta')
  })

  it('uses the country names it is given', () => {
    const html = (
      <Timeline
        versions={MIRACLE}
        title="t"
        countryName={(code) => (code === 'TR' ? 'Turquie' : undefined)}
      />
    ).toString() as string
    expect(item(html, '/films/tr')).toContain('Turquie')
    expect(item(html, '/films/kr')).not.toContain('South Korea')
  })

  it('styles itself with the layout colours only', () => {
    const colours = [...TIMELINE_STYLE.matchAll(/var\((--[a-z-]+)/g)].map((m) => m[1])
    for (const colour of colours) {
      expect([
        '--fg',
        '--bg',
        '--muted',
        '--line',
        '--accent',
        '--map-origin',
        '--years',
        '--per-year',
      ]).toContain(colour)
    }
    expect(TIMELINE_STYLE).not.toMatch(/#[0-9a-f]{3,6}\b/i)
  })
})
