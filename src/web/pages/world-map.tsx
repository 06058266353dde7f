// The world map of a story: where it was made and retold, as an inline SVG drawn on the server.
//
// Colours come from CSS custom properties, each with its light-mode value as the fallback;
// WORLD_MAP_STYLE sets them for light and dark mode, and a page may override any of them:
//
//   --map-land       land of countries without a version          light #d9d4ca  dark #3b3a42
//   --map-border     borders between countries (the page colour)  light #fdfcfa  dark #16161a
//   --map-highlight  countries that made a version; the hatching  light #a1322a  dark #f08a7e
//                    of countries where one is only announced
//   --map-origin     the country of the original                  light #5b1a15  dark #ffc9bf
//   --map-focus      outline of the country under the pointer or the keyboard focus (default --fg)
//
// Land and borders are projected once per process (src/web/geo.ts); a render concatenates cached
// path data. Each country with a version is a link (tabbable, named after its versions) to its
// first version; very small countries also get a round marker so that they can be seen at all.
import { raw } from 'hono/html'
import { countryShape, worldGeometry, type CountryShape } from '../geo.ts'
import { useUi, type Ui } from '../i18n/ui.ts'

export interface MapVersion {
  /** ISO 3166-1 alpha-2, e.g. 'KR'; codes the map cannot show (e.g. 'XWW') are skipped. */
  country: string
  /** e.g. '7. Koğuştaki Mucize (2019)' */
  label: string
  href: string
  year: number | null
  released: boolean
  original: boolean
}

export const WORLD_MAP_STYLE = `
:root { --map-land: #d9d4ca; --map-border: #fdfcfa; --map-highlight: #a1322a; --map-origin: #5b1a15; }
@media (prefers-color-scheme: dark) { :root { --map-land: #3b3a42; --map-border: #16161a; --map-highlight: #f08a7e; --map-origin: #ffc9bf; } }
svg.world-map { display: block; width: 100%; height: auto; }
@media (forced-colors: none) { svg.world-map a:focus { outline: none; } }
svg.world-map a:hover path, svg.world-map a:hover circle,
svg.world-map a:focus-visible path, svg.world-map a:focus-visible circle { stroke: var(--map-focus, var(--fg, #1b1b1f)); stroke-width: 2; }
`

const HATCH_ID = 'world-map-announced'
const LAND = 'var(--map-land, #d9d4ca)'
const BORDER = 'var(--map-border, #fdfcfa)'
const HIGHLIGHT = 'var(--map-highlight, #a1322a)'
const ORIGIN = 'var(--map-origin, #5b1a15)'

interface Place {
  code: string
  name: string
  shape: CountryShape
  versions: MapVersion[]
  kind: 'origin' | 'version' | 'announced'
}

/** Original first, then by year (announced versions without a year last), then by label. */
function byOriginThenYear(a: MapVersion, b: MapVersion): number {
  return (
    Number(b.original) - Number(a.original) ||
    (a.year ?? Infinity) - (b.year ?? Infinity) ||
    a.label.localeCompare(b.label)
  )
}

function places(versions: readonly MapVersion[], name: (alpha2: string) => string | undefined): Place[] {
  const byCountry = new Map<string, Place>()
  for (const version of [...versions].sort(byOriginThenYear)) {
    const code = version.country.trim().toUpperCase()
    let place = byCountry.get(code)
    if (!place) {
      const shape = countryShape(code)
      if (!shape) continue
      place = { code, name: name(code) ?? code, shape, versions: [], kind: 'announced' }
      byCountry.set(code, place)
    }
    place.versions.push(version)
    if (version.original) place.kind = 'origin'
    else if (version.released && place.kind === 'announced') place.kind = 'version'
  }
  return [...byCountry.values()]
}

function versionText(v: MapVersion, ui: Ui): string {
  // Labels often carry the year or status already: '7. Koğuştaki Mucize (2019)'.
  const label = v.label.toLowerCase()
  const notes = [
    v.year === null ? null : String(v.year),
    v.original ? ui.t('map.original') : null,
    v.released ? null : ui.t('map.announced'),
  ].filter((note) => note !== null && !label.includes(note.toLowerCase()))
  return notes.length > 0 ? `${v.label}, ${notes.join(', ')}` : v.label
}

function description(list: readonly Place[], ui: Ui): string {
  const names = (items: string[]) => new Intl.ListFormat(ui.language, { type: 'conjunction' }).format(items)
  const made = list
    .filter((p) => p.kind !== 'announced')
    .map((p) => (p.kind === 'origin' ? ui.t('map.the-original', { name: p.name }) : p.name))
  const announced = list.filter((p) => p.kind === 'announced').map((p) => p.name)
  const parts = [made.length > 0 ? ui.t('map.made-in', { countries: names(made) }) : '']
  if (announced.length > 0) parts.push(ui.t('map.announced-in', { countries: names(announced) }))
  return parts.join(' ').trim() || ui.t('map.none')
}

const FILL = { origin: ORIGIN, version: HIGHLIGHT, announced: `url(#${HATCH_ID})` } as const

function Country(props: { place: Place }) {
  const { place } = props
  const ui = useUi()
  const name = `${place.name}: ${place.versions.map((v) => versionText(v, ui)).join('; ')}`
  const { d, marker } = place.shape
  return (
    <a href={place.versions[0]!.href} aria-label={name} data-country={place.code} class={place.kind}>
      <title>{name}</title>
      {d !== null && <path d={d} fill={FILL[place.kind]} vector-effect="non-scaling-stroke" />}
      {marker && (
        <circle
          cx={marker[0]}
          cy={marker[1]}
          r="6"
          fill={place.kind === 'announced' ? BORDER : FILL[place.kind]}
          stroke={place.kind === 'announced' ? HIGHLIGHT : undefined}
          stroke-width="1.5"
          vector-effect="non-scaling-stroke"
        />
      )}
    </a>
  )
}

// The part of the map that is the same on every page, built once.
let background: ReturnType<typeof raw> | undefined

function backgroundMarkup() {
  if (!background) {
    const world = worldGeometry()
    background = raw(
      `<defs><pattern id="${HATCH_ID}" width="4" height="4" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">` +
        `<rect width="4" height="4" fill="${LAND}"/><path d="M1 0v4" stroke="${HIGHLIGHT}" stroke-width="1.6"/></pattern></defs>` +
        `<g aria-hidden="true"><path d="${world.land}" fill="${LAND}"/>` +
        `<path d="${world.borders}" fill="none" stroke="${BORDER}" stroke-width=".75" vector-effect="non-scaling-stroke"/></g>`,
    )
  }
  return background
}

/**
 * An inline SVG world map: countries that made a version of the story filled (the original's
 * darker, announced ones hatched), each a link named after its versions; it scales to any width.
 */
export function WorldMap(props: {
  versions: readonly MapVersion[]
  title: string
  /** The name to use for a country code; English names by default. */
  countryName?: (alpha2: string) => string | undefined
}) {
  const ui = useUi()
  const list = places(props.versions, props.countryName ?? ui.country)
  const { width, height } = worldGeometry()
  return (
    // Links inside role="img" would be hidden from assistive technology: with links it is a group.
    <svg
      class="world-map"
      viewBox={`0 0 ${width} ${height}`}
      role={list.length > 0 ? 'group' : 'img'}
      xmlns="http://www.w3.org/2000/svg"
    >
      <title>{props.title}</title>
      <desc>{description(list, ui)}</desc>
      {backgroundMarkup()}
      <g stroke={BORDER} stroke-width=".75">
        {list.map((place) => (
          <Country place={place} />
        ))}
      </g>
    </svg>
  )
}
