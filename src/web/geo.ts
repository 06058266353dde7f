// Country names and a world map projected once per process, for the map on the story page.
//
// The geometry is Natural Earth 1:110m (public domain) as TopoJSON from the `world-atlas` package,
// bundled in node_modules: no tile server, no network. It is projected with d3-geo's Equal Earth
// projection into a fixed viewBox on the first call and kept for the life of the process; a story
// page then only concatenates cached strings.
import { createRequire } from 'node:module'
import { geoArea, geoEqualEarth, geoPath, type GeoProjection } from 'd3-geo'
import countries from 'i18n-iso-countries'
import { feature, merge, mesh } from 'topojson-client'
import type {
  GeometryCollection,
  GeometryObject,
  MultiPolygon,
  Polygon,
  Topology,
} from 'topojson-specification'

const require = createRequire(import.meta.url)

// ---------------------------------------------------------------------------------------------
// Country names

let localeRegistered = false

/** Shorter everyday English names where the ISO list gives the formal one. */
const SHORT_NAMES: Record<string, string> = {
  CD: 'DR Congo',
  CG: 'Congo',
  CN: 'China',
  CZ: 'Czechia',
  FK: 'Falkland Islands',
  FM: 'Micronesia',
  GM: 'The Gambia',
  IR: 'Iran',
  MD: 'Moldova',
  MK: 'North Macedonia',
  PS: 'Palestine',
  RU: 'Russia',
  TW: 'Taiwan',
  TZ: 'Tanzania',
  US: 'United States',
  VA: 'Vatican City',
  VG: 'British Virgin Islands',
  VI: 'US Virgin Islands',
}

/** The upper-case ISO 3166-1 alpha-2 code, or undefined when `code` is not two letters. */
export function normalizeCountryCode(code: string): string | undefined {
  const upper = code.trim().toUpperCase()
  return /^[A-Z]{2}$/.test(upper) ? upper : undefined
}

/** The English name of an ISO 3166-1 alpha-2 code ('KR' → 'South Korea'), or undefined if unknown. */
export function countryName(code: string): string | undefined {
  const alpha2 = normalizeCountryCode(code)
  if (!alpha2) return undefined
  if (!localeRegistered) {
    countries.registerLocale(require('i18n-iso-countries/langs/en.json') as countries.LocaleData)
    localeRegistered = true
  }
  return SHORT_NAMES[alpha2] ?? countries.getName(alpha2, 'en')
}

// ---------------------------------------------------------------------------------------------
// Compact SVG path data

/**
 * Path data are written with relative commands and coordinates rounded to one decimal, the
 * precision of d3-geo's `geoPath().digits(1)`, then simplified (Douglas–Peucker) to this tolerance in
 * viewBox units: 0.4 of a 960-unit-wide map is below half a pixel at any width a page shows it.
 * Land and borders take 34 kB this way, against 80 kB with `geoPath().digits(1)`.
 */
const TOLERANCE = 0.4

type Point = readonly [number, number]

function simplify(points: readonly Point[], tolerance: number): Point[] {
  const n = points.length
  if (n < 3) return [...points]
  const keep = new Uint8Array(n)
  keep[0] = keep[n - 1] = 1
  const tolerance2 = tolerance * tolerance
  const stack: [number, number][] = [[0, n - 1]]
  while (stack.length > 0) {
    const [a, b] = stack.pop()!
    const [ax, ay] = points[a]!
    const [bx, by] = points[b]!
    const dx = bx - ax
    const dy = by - ay
    const length2 = dx * dx + dy * dy
    let farthest = -1
    let index = -1
    for (let i = a + 1; i < b; i++) {
      const [px, py] = points[i]!
      const t = length2 === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / length2))
      const d = (ax + t * dx - px) ** 2 + (ay + t * dy - py) ** 2
      if (d > farthest) {
        farthest = d
        index = i
      }
    }
    if (farthest > tolerance2) {
      keep[index] = 1
      stack.push([a, index], [index, b])
    }
  }
  return points.filter((_, i) => keep[i] === 1)
}

/** A number of tenths as the shortest SVG number: 12 → '1.2', -5 → '-.5', 30 → '3'. */
function tenths(value: number): string {
  const sign = value < 0 ? '-' : ''
  const abs = Math.abs(value)
  const text = abs % 10 === 0 ? String(abs / 10) : (abs / 10).toFixed(1)
  return sign + (text.startsWith('0.') ? text.slice(1) : text)
}

/** Joins SVG numbers with a space only where the parser needs one. */
function joinNumbers(numbers: readonly string[]): string {
  let out = ''
  let previous = ''
  for (const n of numbers) {
    if (previous && !n.startsWith('-') && !(n.startsWith('.') && previous.includes('.'))) out += ' '
    out += n
    previous = n
  }
  return out
}

/** A d3-geo path context that writes compact relative path data (see TOLERANCE). */
class CompactPath {
  private out = ''
  private line: Point[] | null = null
  // The current point, in tenths of a unit, as the SVG parser will see it.
  private x = 0
  private y = 0

  moveTo(x: number, y: number): void {
    this.flush(false)
    this.line = [[x, y]]
  }
  lineTo(x: number, y: number): void {
    this.line?.push([x, y])
  }
  closePath(): void {
    this.flush(true)
  }
  beginPath(): void {}
  arc(): void {
    // Points are never drawn: the map holds polygons and lines only.
  }
  result(): string {
    this.flush(false)
    return this.out
  }

  private flush(closed: boolean): void {
    if (!this.line) return
    const line = this.line
    this.line = null
    if (closed) line.push(line[0]!)
    const rounded: [number, number][] = []
    for (const [px, py] of simplify(line, TOLERANCE)) {
      const x = Math.round(px * 10)
      const y = Math.round(py * 10)
      const last = rounded.at(-1)
      if (!last || last[0] !== x || last[1] !== y) rounded.push([x, y])
    }
    const [first, last] = [rounded[0], rounded.at(-1)]
    if (closed && rounded.length > 1 && first![0] === last![0] && first![1] === last![1]) rounded.pop()
    // A ring that simplifies to fewer than three points, or a line to one point, is invisible.
    if (rounded.length < (closed ? 3 : 2)) return
    const [x0, y0] = rounded[0]!
    this.out += this.out
      ? 'm' + joinNumbers([tenths(x0 - this.x), tenths(y0 - this.y)])
      : 'M' + joinNumbers([tenths(x0), tenths(y0)])
    const deltas: string[] = []
    for (let i = 1; i < rounded.length; i++) {
      deltas.push(tenths(rounded[i]![0] - rounded[i - 1]![0]), tenths(rounded[i]![1] - rounded[i - 1]![1]))
    }
    this.out += 'l' + joinNumbers(deltas)
    if (closed) {
      this.out += 'z'
      this.x = x0
      this.y = y0
    } else {
      ;[this.x, this.y] = rounded.at(-1)!
    }
  }
}

// ---------------------------------------------------------------------------------------------
// The world

/** Width of the map's viewBox; the height follows from the projection (about 0.45 of it). */
export const MAP_WIDTH = 960
const MARGIN = 4
/** A country smaller than this (in square viewBox units) also gets a marker, to be seen at all. */
const SMALL_AREA = 12
const ANTARCTICA = '010'

export interface WorldGeometry {
  readonly width: number
  readonly height: number
  /** Path data of all land except Antarctica. */
  readonly land: string
  /** Path data of the borders between countries (each drawn once). */
  readonly borders: string
}

export interface CountryShape {
  /** Path data of the country, or null when it is too small to be in the 1:110m geometry. */
  readonly d: string | null
  /** Where to put a marker for a very small country, or null when its shape is big enough to see. */
  readonly marker: Point | null
}

type Properties = { name?: string }
type Countries = Topology<{ countries: GeometryCollection<Properties> }>
type Country = GeometryObject<Properties>

interface World {
  readonly geometry: WorldGeometry
  readonly projection: GeoProjection
  readonly topology: Countries
  /** Numeric ISO code (as in world-atlas) → geometry. */
  readonly byNumeric: ReadonlyMap<string, Country>
  readonly shapes: Map<string, CountryShape | null>
}

let world: World | undefined

function load(): World {
  if (world) return world
  const topology = require('world-atlas/countries-110m.json') as Countries
  const geometries = topology.objects.countries.geometries.filter((g) => g.id !== ANTARCTICA)
  const collection: GeometryCollection<Properties> = { type: 'GeometryCollection', geometries }
  const projection = geoEqualEarth().fitWidth(MAP_WIDTH - 2 * MARGIN, feature(topology, collection))
  const [, [, bottom]] = geoPath(projection).bounds(feature(topology, collection))
  const [tx, ty] = projection.translate()
  projection.translate([tx + MARGIN, ty + MARGIN])
  const byNumeric = new Map<string, Country>()
  for (const g of geometries) {
    // Kosovo has no numeric code in Natural Earth; ISO's user-assigned XK is 983 in i18n-iso-countries.
    const id =
      g.id ??
      ((g.properties as Properties | undefined)?.name === 'Kosovo'
        ? countries.alpha2ToNumeric('XK')
        : undefined)
    if (id !== undefined) byNumeric.set(String(id), g)
  }
  world = {
    geometry: {
      width: MAP_WIDTH,
      height: Math.ceil(bottom + 2 * MARGIN),
      land: draw(
        projection,
        merge(topology, geometries as (Polygon<Properties> | MultiPolygon<Properties>)[]),
      ),
      borders: draw(
        projection,
        mesh(topology, collection, (a, b) => a !== b),
      ),
    },
    projection,
    topology,
    byNumeric,
    shapes: new Map(),
  }
  return world
}

function draw(projection: GeoProjection, object: GeoJSON.GeoJSON): string {
  const context = new CompactPath()
  geoPath(projection, context)(object as GeoJSON.GeometryObject)
  return context.result()
}

/** The projected world: land and borders, computed on the first call and cached for the process. */
export function worldGeometry(): WorldGeometry {
  return load().geometry
}

/**
 * The shape of one country (alpha-2 code), cached; undefined when the map cannot show it (an unknown
 * or non-country code such as 'XWW', Antarctica, or a place in neither Natural Earth scale).
 */
export function countryShape(code: string): CountryShape | undefined {
  const alpha2 = normalizeCountryCode(code)
  if (!alpha2) return undefined
  const { shapes } = load()
  let shape = shapes.get(alpha2)
  if (shape === undefined) {
    shape = computeShape(alpha2)
    shapes.set(alpha2, shape)
  }
  return shape ?? undefined
}

function computeShape(alpha2: string): CountryShape | null {
  const { projection, topology, byNumeric } = load()
  const numeric = countries.alpha2ToNumeric(alpha2)
  if (numeric === undefined || numeric === ANTARCTICA) return null
  const geometry = byNumeric.get(numeric)
  if (geometry) {
    const country = feature(topology, geometry)
    const path = geoPath(projection)
    const small = path.area(country) < SMALL_AREA
    return {
      d: draw(projection, country),
      marker: small ? largestPartCentroid(projection, country as GeoJSON.Feature) : null,
    }
  }
  const marker = smallCountryMarker(numeric)
  return marker ? { d: null, marker } : null
}

/** The projected centroid of the largest polygon of a country (not the sea between its islands). */
function largestPartCentroid(projection: GeoProjection, country: GeoJSON.Feature): Point | null {
  const g = country.geometry
  const polygons: GeoJSON.Polygon[] =
    g.type === 'Polygon'
      ? [g]
      : g.type === 'MultiPolygon'
        ? g.coordinates.map((coordinates) => ({ type: 'Polygon', coordinates }))
        : []
  let best: GeoJSON.Polygon | undefined
  let bestArea = -1
  for (const polygon of polygons) {
    const area = geoArea(polygon)
    if (area > bestArea) {
      best = polygon
      bestArea = area
    }
  }
  if (!best) return null
  const [x, y] = geoPath(projection).centroid(best)
  return Number.isFinite(x) && Number.isFinite(y) ? [Math.round(x * 10) / 10, Math.round(y * 10) / 10] : null
}

// Countries too small for 1:110m (Hong Kong, Macao, Malta, Singapore, Bahrain, …) are located with
// the 1:50m geometry, read once, when such a country is first asked for; only their points are kept.
let smallCountryPoints: ReadonlyMap<string, Point> | undefined

function smallCountryMarker(numeric: string): Point | null {
  if (!smallCountryPoints) {
    const { projection, byNumeric } = load()
    const detailed = require('world-atlas/countries-50m.json') as Countries
    const points = new Map<string, Point>()
    for (const g of detailed.objects.countries.geometries) {
      if (g.id === undefined || g.id === ANTARCTICA || byNumeric.has(String(g.id))) continue
      const point = largestPartCentroid(projection, feature(detailed, g) as GeoJSON.Feature)
      if (point) points.set(String(g.id), point)
    }
    smallCountryPoints = points
  }
  return smallCountryPoints.get(numeric) ?? null
}
