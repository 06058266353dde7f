import { describe, expect, it } from 'vitest'
import { countryName, countryShape, worldGeometry } from '../geo.ts'
import { WorldMap, type MapVersion } from './world-map.tsx'

const MIRACLE: MapVersion[] = [
  {
    country: 'TR',
    label: '7. Koğuştaki Mucize (2019)',
    href: '/films/tr',
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
    country: 'PH',
    label: 'Miracle in Cell No. 7 (2019)',
    href: '/films/ph',
    year: 2019,
    released: true,
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
    country: 'IN',
    label: 'Ek Ruka Hua Faisla',
    href: '/films/in',
    year: 2017,
    released: true,
    original: false,
  },
  {
    country: 'ES',
    label: 'Milagro en la celda 7',
    href: '/films/es',
    year: null,
    released: false,
    original: false,
  },
]

function render(versions: readonly MapVersion[], title = 'Where Miracle in Cell No. 7 was made'): string {
  const html = (<WorldMap versions={versions} title={title} />).toString()
  if (typeof html !== 'string') throw new Error('the map renders synchronously')
  return html
}

/** The <a …>…</a> of one country, or undefined when the country is not a link. */
function link(svg: string, code: string): string | undefined {
  return svg.match(new RegExp(`<a [^>]*data-country="${code}"[^>]*>.*?</a>`))?.[0]
}

/** Checks that every tag is closed in order (the SVG is well-formed XML apart from the prolog). */
function expectWellFormed(markup: string): void {
  const stack: string[] = []
  for (const [tag, close, name, selfClosing] of markup.matchAll(/<(\/?)([a-zA-Z][\w-]*)[^>]*?(\/?)>/g)) {
    if (close) expect(stack.pop(), tag).toBe(name)
    else if (!selfClosing) stack.push(name!)
  }
  expect(stack).toEqual([])
  expect(markup).not.toMatch(/<(?![/a-zA-Z])/)
}

describe('WorldMap', () => {
  it('is one well-formed, scalable inline SVG with a title and a description of the countries', () => {
    const svg = render(MIRACLE)
    expect(svg.startsWith('<svg')).toBe(true)
    expect(svg.match(/<\/svg>/g)).toHaveLength(1)
    expect(svg.endsWith('</svg>')).toBe(true)
    expectWellFormed(svg)
    const open = svg.slice(0, svg.indexOf('>') + 1)
    expect(open).toMatch(/ viewBox="0 0 960 \d+"/)
    expect(open).not.toMatch(/ (width|height)=/)
    expect(svg).toContain('<title>Where Miracle in Cell No. 7 was made</title>')
    expect(svg).toContain(
      '<desc>Made in South Korea (the original), India, Türkiye, Philippines, and Indonesia. Announced in Spain.</desc>',
    )
  })

  it('highlights and links every country that made a version, the original distinguished', () => {
    const svg = render(MIRACLE)
    for (const [code, href] of [
      ['KR', '/films/kr'],
      ['TR', '/films/tr'],
      ['PH', '/films/ph'],
      ['ID', '/films/id'],
      ['IN', '/films/in'],
    ] as const) {
      const a = link(svg, code)
      expect(a, code).toBeDefined()
      expect(a).toContain(`href="${href}"`)
      expect(a).toMatch(/<path d="M[\d.]+ [\d.]+l[-\d. ]+/)
    }
    expect(link(svg, 'KR')).toContain('fill="var(--map-origin, #5b1a15)"')
    expect(link(svg, 'TR')).toContain('fill="var(--map-highlight, #a1322a)"')
    expect(link(svg, 'KR')).toContain('aria-label="South Korea: Miracle in Cell No. 7 (2013), original"')
    expect(link(svg, 'TR')).toContain('<title>Türkiye: 7. Koğuştaki Mucize (2019)</title>')
  })

  it('links countries in the order of their first version, the original first', () => {
    const order = [...render(MIRACLE).matchAll(/data-country="(\w+)"/g)].map((m) => m[1])
    expect(order).toEqual(['KR', 'IN', 'TR', 'PH', 'ID', 'ES'])
  })

  it('does not link countries without a version', () => {
    const svg = render(MIRACLE)
    expect(svg.match(/<a /g)).toHaveLength(6)
    expect(link(svg, 'JP')).toBeUndefined()
    expect(link(svg, 'US')).toBeUndefined()
  })

  it('hatches countries where a version is only announced and says so', () => {
    const a = link(render(MIRACLE), 'ES')!
    expect(a).toContain('class="announced"')
    expect(a).toContain('fill="url(#world-map-announced)"')
    expect(a).toContain('aria-label="Spain: Milagro en la celda 7, announced"')
    expect(render(MIRACLE)).toContain('<pattern id="world-map-announced"')
  })

  it('gives very small countries a marker: Hong Kong, Malta and Singapore are not in the 1:110m geometry', () => {
    const svg = render([
      {
        country: 'HK',
        label: 'Hong Kong film',
        href: '/films/hk',
        year: 2002,
        released: true,
        original: true,
      },
      {
        country: 'MT',
        label: 'Maltese film',
        href: '/films/mt',
        year: 2010,
        released: true,
        original: false,
      },
      {
        country: 'SG',
        label: 'Singapore film',
        href: '/films/sg',
        year: null,
        released: false,
        original: false,
      },
      {
        country: 'LB',
        label: 'Lebanese film',
        href: '/films/lb',
        year: 2018,
        released: true,
        original: false,
      },
    ])
    const hk = link(svg, 'HK')!
    expect(hk).toMatch(
      /<circle cx="7\d\d(\.\d)?" cy="1\d\d(\.\d)?" r="6" fill="var\(--map-origin, #5b1a15\)"/,
    )
    expect(hk).not.toContain('<path')
    expect(link(svg, 'MT')).toContain('<circle')
    expect(link(svg, 'SG')).toMatch(
      /<circle [^>]*fill="var\(--map-border, #fdfcfa\)" stroke="var\(--map-highlight/,
    )
    // Lebanon is in the geometry but tiny: both its shape and a marker.
    expect(link(svg, 'LB')).toMatch(/<path d=.*<circle /)
    expect(link(render(MIRACLE), 'TR')).not.toContain('<circle')
  })

  it('skips codes that are not on the map without error', () => {
    const svg = render([
      ...MIRACLE,
      {
        country: 'XWW',
        label: 'Worldwide cut',
        href: '/films/x',
        year: 2020,
        released: true,
        original: false,
      },
      { country: '', label: 'No country', href: '/films/y', year: 2021, released: true, original: false },
      {
        country: 'AQ',
        label: 'Antarctic film',
        href: '/films/z',
        year: 2021,
        released: true,
        original: false,
      },
    ])
    expect(svg.match(/<a /g)).toHaveLength(6)
    expect(svg).not.toContain('Worldwide cut')
    expect(svg).not.toContain('/films/x')
    expectWellFormed(svg)
  })

  it('makes one link for several versions in one country, to the first, named after all', () => {
    const svg = render([
      {
        country: 'in',
        label: 'Drishyam 2 (2022)',
        href: '/films/d2',
        year: 2022,
        released: true,
        original: false,
      },
      {
        country: 'IN',
        label: 'Drishyam (2015)',
        href: '/films/d',
        year: 2015,
        released: true,
        original: false,
      },
      { country: 'IN', label: 'Drishyam 3', href: '/films/d3', year: null, released: false, original: false },
    ])
    expect(svg.match(/<a /g)).toHaveLength(1)
    const a = link(svg, 'IN')!
    expect(a).toContain('href="/films/d"')
    expect(a).toContain('aria-label="India: Drishyam (2015); Drishyam 2 (2022); Drishyam 3, announced"')
    expect(a).toContain('fill="var(--map-highlight, #a1322a)"')
  })

  it('escapes user text', () => {
    const svg = render(
      [
        {
          country: 'KR',
          label: '<script>alert(1)</script> & "x"',
          href: '/films/a?b=1&c="2"',
          year: 2013,
          released: true,
          original: true,
        },
      ],
      'Where <b>it</b> was made',
    )
    expect(svg).not.toContain('<script>')
    expect(svg).not.toContain('<b>')
    expect(svg).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;x&quot;')
    expect(svg).toContain('<title>Where &lt;b&gt;it&lt;/b&gt; was made</title>')
    expect(svg).toContain('href="/films/a?b=1&amp;c=&quot;2&quot;"')
    expectWellFormed(svg)
  })

  it('is an image, not a group, when no country can be shown', () => {
    const svg = render([
      { country: 'XWW', label: 'x', href: '/x', year: 2000, released: true, original: true },
    ])
    expect(svg).toMatch(/^<svg [^>]*role="img"/)
    expect(svg).toContain('<desc>No version of this story has a country on the map.</desc>')
    expect(svg).not.toContain('<a ')
    expect(render(MIRACLE)).toMatch(/^<svg [^>]*role="group"/)
  })

  it('uses the country names it is given', () => {
    const svg = (
      <WorldMap
        versions={MIRACLE}
        title="t"
        countryName={(code) => (code === 'KR' ? 'Corée du Sud' : undefined)}
      />
    ).toString() as string
    expect(link(svg, 'KR')).toContain('aria-label="Corée du Sud: ')
    expect(link(svg, 'TR')).toContain('aria-label="TR: ')
  })

  it('takes its colours from CSS custom properties', () => {
    const fills = new Set([...render(MIRACLE).matchAll(/ (?:fill|stroke)="([^"]+)"/g)].map((m) => m[1]))
    for (const fill of fills)
      expect(fill).toMatch(/^(var\(--map-[a-z]+, #[0-9a-f]{6}\)|url\(#world-map-announced\)|none)$/)
  })

  it('projects the world once and stays small', () => {
    expect(worldGeometry()).toBe(worldGeometry())
    expect(countryShape('KR')).toBe(countryShape('kr'))
    const svg = render(MIRACLE)
    expect(render(MIRACLE)).toBe(svg)
    expect(svg.length).toBeLessThan(50_000)
    expect(svg).not.toMatch(/\d\.\d\d/)
  })
})

describe('countryName', () => {
  it('gives short English names and undefined for unknown codes', () => {
    expect(countryName('KR')).toBe('South Korea')
    expect(countryName('cn')).toBe('China')
    expect(countryName('US')).toBe('United States')
    expect(countryName('HK')).toBe('Hong Kong')
    expect(countryName('XWW')).toBeUndefined()
    expect(countryName('ZZ')).toBeUndefined()
  })
})
