// The timeline of a story: when it was made and retold.
//
// An ordered list, oldest first, that reads well without CSS and to screen readers; with
// TIMELINE_STYLE it becomes a vertical timeline whose gaps are proportional to the years between
// versions, which reads the same on a phone as on a wide screen. Versions without a year (announced
// remakes) come last, in a nested list under "Announced".
import { useUi } from '../i18n/ui.ts'

export interface TimelineVersion {
  year: number | null
  label: string
  /** ISO 3166-1 alpha-2, e.g. 'KR' */
  country: string
  href: string
  released: boolean
  original: boolean
}

// --per-year (set on the list) × --years (set on each item) is the space before an item.
export const TIMELINE_STYLE = `
ol.timeline, ol.timeline ul { list-style: none; margin: 0; padding: 0; }
ol.timeline { position: relative; margin: 1rem 0 1.5rem; }
ol.timeline::before { content: ""; position: absolute; left: 4.6rem; top: .6rem; bottom: .6rem; border-left: 2px solid var(--line); }
.timeline-item { position: relative; display: grid; grid-template-columns: 3.6rem 2rem minmax(0, 1fr); align-items: baseline; margin-top: calc(.6rem + var(--years, 0) * var(--per-year, 1rem)); }
.timeline-item::before { content: ""; grid-column: 2; grid-row: 1; justify-self: center; align-self: start; width: .8rem; height: .8rem; margin-top: .4rem; border-radius: 50%; background: var(--accent); box-shadow: 0 0 0 3px var(--bg); }
.timeline-item.original::before { background: var(--map-origin, var(--fg)); width: 1rem; height: 1rem; margin-top: .3rem; }
.timeline-item.announced::before { background: var(--bg); border: 2px dashed var(--accent); }
.timeline-year { grid-column: 1; grid-row: 1; text-align: right; font-weight: 700; font-variant-numeric: tabular-nums; }
.timeline-body { grid-column: 3; grid-row: 1; overflow-wrap: anywhere; }
.timeline-body a { font-weight: 600; }
.timeline-sep { display: none; }
.timeline-meta { display: block; color: var(--muted); font-size: .9rem; }
.timeline-item.original .timeline-tag { color: var(--fg); font-weight: 600; }
li.timeline-announced { margin-top: 1.2rem; }
.timeline-announced-label { display: block; padding-left: 5.6rem; color: var(--muted); font-size: .8rem; font-weight: 700; letter-spacing: .06em; text-transform: uppercase; }
.timeline-announced .timeline-item { margin-top: .2rem; }
`

interface Entry {
  version: TimelineVersion
  years: number
}

/** Oldest first; the original first within its year; then by title. */
function byYear(a: TimelineVersion, b: TimelineVersion): number {
  return (
    (a.year ?? Infinity) - (b.year ?? Infinity) ||
    Number(b.original) - Number(a.original) ||
    a.label.localeCompare(b.label)
  )
}

/** Space per year, in rem: generous for a short span, compressed so a long one stays within 12rem. */
function perYear(span: number): number {
  return span <= 0 ? 0 : Math.round(Math.min(1, 12 / span) * 100) / 100
}

/** The label without a trailing '(2019)' when that is the year the timeline shows beside it. */
function title(v: TimelineVersion): string {
  const suffix = ` (${v.year})`
  return v.year !== null && v.label.endsWith(suffix) ? v.label.slice(0, -suffix.length) : v.label
}

interface ItemProps {
  version: TimelineVersion
  name: (alpha2: string) => string | undefined
  years?: number
  underAnnounced?: boolean
}

function Item(props: ItemProps) {
  const v = props.version
  const country = v.country && v.country !== 'XWW' ? props.name(v.country) : undefined
  const { t } = useUi()
  const tags = [
    v.original ? t('map.original') : null,
    v.released || props.underAnnounced ? null : t('map.announced'),
  ].filter((tag) => tag !== null)
  const classes = ['timeline-item', v.original && 'original', !v.released && 'announced'].filter(Boolean)
  return (
    <li class={classes.join(' ')} style={props.years ? `--years:${props.years}` : undefined}>
      {v.year !== null && (
        <time class="timeline-year" datetime={String(v.year)}>
          {v.year}
        </time>
      )}
      <span class="timeline-body">
        {v.year !== null && <span class="timeline-sep">: </span>}
        <a href={v.href}>{title(v)}</a>
        {(country || tags.length > 0) && <span class="timeline-sep">, </span>}
        {(country || tags.length > 0) && (
          <span class="timeline-meta">
            {country}
            {tags.map((tag, i) => (
              <>
                {(country !== undefined || i > 0) && ' · '}
                <span class="timeline-tag">{tag}</span>
              </>
            ))}
          </span>
        )}
      </span>
    </li>
  )
}

/**
 * When the story was retold: an ordered list, oldest first, spaced in proportion to the years
 * between versions; announced versions without a year last, under "Announced".
 */
export function Timeline(props: {
  versions: readonly TimelineVersion[]
  title: string
  /** The name to show for a country code; English names by default. */
  countryName?: (alpha2: string) => string | undefined
}) {
  const ui = useUi()
  const name = props.countryName ?? ui.country
  const sorted = [...props.versions].sort(byYear)
  const dated = sorted.filter((v) => v.year !== null)
  const undated = sorted.filter((v) => v.year === null)
  const allAnnounced = undated.every((v) => !v.released)
  const first = dated[0]?.year ?? 0
  const last = dated.at(-1)?.year ?? 0
  const entries: Entry[] = dated.map((version, i) => ({
    version,
    years: i === 0 ? 0 : version.year! - dated[i - 1]!.year!,
  }))
  return (
    <ol class="timeline" aria-label={props.title} style={`--per-year:${perYear(last - first)}rem`}>
      {entries.map((e) => (
        <Item version={e.version} name={name} years={e.years} />
      ))}
      {undated.length > 0 && (
        <li class="timeline-announced">
          <span class="timeline-announced-label">
            {allAnnounced ? ui.t('version.announced') : ui.t('timeline.year-unknown')}
          </span>
          <ul>
            {undated.map((version) => (
              <Item version={version} name={name} underAnnounced={allAnnounced} />
            ))}
          </ul>
        </li>
      )}
    </ol>
  )
}
