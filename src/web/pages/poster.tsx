import { useUi } from '../i18n/ui.ts'

/** A stable colour from the film's slug, so each placeholder looks different but never changes. */
function hue(slug: string): number {
  let hash = 0
  for (const char of slug) hash = (hash * 31 + char.charCodeAt(0)) % 360
  return hash
}

/** The operator's poster when there is one; a generated placeholder with the title otherwise. */
export function Poster(props: { slug: string; title: string; year: number | null; src: string | null }) {
  const { t } = useUi()
  if (props.src) {
    return (
      <div class="poster">
        <img
          src={props.src}
          alt={t('film.poster', { title: props.title })}
          width={240}
          height={360}
          loading="lazy"
        />
      </div>
    )
  }
  const h = hue(props.slug)
  const words = props.title.split(/\s+/)
  const lines: string[] = []
  for (const word of words) {
    const last = lines.at(-1)
    if (last !== undefined && `${last} ${word}`.length <= 14) lines[lines.length - 1] = `${last} ${word}`
    else lines.push(word)
  }
  return (
    <div class="poster">
      <svg
        viewBox="0 0 240 360"
        role="img"
        aria-label={t('film.placeholder', { title: props.title, year: props.year ?? '' })}
      >
        <rect width="240" height="360" fill={`hsl(${h} 35% 28%)`} />
        <rect
          x="14"
          y="14"
          width="212"
          height="332"
          fill="none"
          stroke={`hsl(${h} 40% 70%)`}
          stroke-width="2"
        />
        {lines.slice(0, 6).map((line, i) => (
          <text x="120" y={120 + i * 30} fill="#fff" font-size="24" font-weight="700" text-anchor="middle">
            {line}
          </text>
        ))}
        <text x="120" y="320" fill={`hsl(${h} 40% 80%)`} font-size="20" text-anchor="middle">
          {props.year ?? ''}
        </text>
      </svg>
    </div>
  )
}
