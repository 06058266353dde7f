import type { Child } from 'hono/jsx'
import type { Fact, Source, SpoilerLevel } from '../../domain/index.ts'
import { pickTitle, type FilmSummary } from '../../services/index.ts'
import { useUi, type Ui } from '../i18n/ui.ts'

/** Numbers the sources of a page: [n] links to the n-th entry of the page's source list. */
export type Cite = (sourceId: number) => number

export function citationsFor(sources: readonly Source[]): Cite {
  const numbers = new Map(sources.map((s, i) => [s.id, i + 1]))
  return (id) => numbers.get(id) ?? 0
}

export function Citations(props: { ids: ReadonlyArray<number | null>; cite: Cite }) {
  const { t } = useUi()
  const numbers = [...new Set(props.ids.flatMap((id) => (id === null ? [] : [props.cite(id)])))].sort(
    (a, b) => a - b,
  )
  return (
    <>
      {numbers.map((n) => (
        <sup class="cite">
          <a href={`#source-${n}`} aria-label={t('source.cite', { n })}>
            [{n}]
          </a>
        </sup>
      ))}
    </>
  )
}

export function factSources(fact: Fact): number[] {
  return fact.claims.map((c) => c.source.id)
}

/** Content above the default spoiler level stays behind a reveal that works without JavaScript. */
export function Spoiler(props: { level: SpoilerLevel; label?: string; children: Child }) {
  const ui = useUi()
  if (props.level === 'none') return <>{props.children}</>
  return (
    <details class="spoiler">
      <summary>
        {props.label ?? ui.t('spoiler.reveal')} {ui.t('spoiler.level', { level: ui.spoiler(props.level) })}
      </summary>
      {props.children}
    </details>
  )
}

/** Names for the character slugs that qualify facts ("father" → "The father"). */
export type CharacterNames = ReadonlyMap<string, string>

function Qualifiers(props: { fact: Fact; characters?: CharacterNames | undefined }) {
  const ui = useUi()
  const q = props.fact.qualifiers
  const name = (slug: string | undefined) => slug && (props.characters?.get(slug) ?? slug)
  const parts = [
    name(q.character),
    q.of && `→ ${name(q.of)}`,
    q.region && ui.country(q.region),
    q.by,
    q.platform,
    q.cut,
    q.chart,
    q.event,
    q.as_of && ui.t('fact.as-of', { date: ui.date(q.as_of) }),
  ].filter(Boolean)
  return parts.length > 0 ? <span class="muted"> ({parts.join(', ')})</span> : null
}

export function FactValue(props: {
  fact: Fact
  cite: Cite
  qualifiers?: boolean
  compact?: boolean
  characters?: CharacterNames
}) {
  const ui = useUi()
  const { fact, cite } = props
  const pin = fact.decidedBy === 'pin' ? fact.claims.find((claim) => claim.pin)?.pin : undefined
  const decided = pin
    ? ui.t('editor.fact.pinned-because', { reason: pin.reason })
    : fact.decidedBy
      ? ui.t(`conflict.${fact.decidedBy}`)
      : ui.t('conflict.undecided')
  return (
    <>
      {displayValue(fact, ui)}
      {props.qualifiers && <Qualifiers fact={fact} characters={props.characters} />}{' '}
      <Citations ids={factSources(fact)} cite={cite} />
      {fact.conflicts.length > 0 && props.compact && <span class="disputed"> {ui.t('conflict.short')}</span>}
      {fact.conflicts.length > 0 && !props.compact && (
        <span class="conflict" role="note">
          {ui.t('conflict.intro')}{' '}
          {fact.conflicts.map((c) => (
            <span>
              “{displayValue({ ...fact, value: c.value }, ui)}”{' '}
              <Citations ids={c.claims.map((claim) => claim.source.id)} cite={cite} />{' '}
            </span>
          ))}
          {decided}
        </span>
      )}
    </>
  )
}

/** A fact's value in words: country and language codes become names. */
export function displayValue(fact: Pick<Fact, 'property' | 'value'>, ui: Ui): string {
  const value = fact.value
  if (typeof value === 'string') {
    if (fact.property === 'country' || fact.property === 'remade_in') return ui.country(value)
    if (['language', 'audio_language', 'subtitle_language'].includes(fact.property))
      return ui.languageName(value)
    if (fact.property === 'release_date') return ui.date(value)
  }
  if (fact.property === 'runtime_minutes' && typeof value === 'number')
    return ui.t('fact.minutes', { minutes: value })
  if (fact.property === 'year') return String(value)
  if (fact.property === 'admissions' && typeof value === 'number')
    return ui.t('fact.admissions', { count: ui.number(value) })
  return ui.value(value)
}

/** A table of facts, each labelled with its property and qualifiers; spoilers stay behind a reveal. */
export function FactTable(props: { facts: readonly Fact[]; cite: Cite; characters?: CharacterNames }) {
  const ui = useUi()
  return (
    <table class="facts">
      <tbody>
        {props.facts.map((fact) => (
          <tr>
            <th scope="row">
              {ui.t(`property.${fact.property}`)}
              <Qualifiers fact={fact} characters={props.characters} />
            </th>
            <td>
              <Spoiler level={fact.spoiler}>
                <FactValue fact={fact} cite={props.cite} />
              </Spoiler>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

/** The page's numbered sources, the targets of its [n] citations. */
export function SourceList(props: { sources: readonly Source[] }) {
  const ui = useUi()
  return (
    <section aria-labelledby="sources">
      <h2 id="sources">{ui.t('film.sources')}</h2>
      <ol class="sources">
        {props.sources.map((source, i) => (
          <li id={`source-${i + 1}`}>
            <a href={`/sources/${source.slug}`}>{source.title}</a>
            <span class="muted">
              {[
                source.publisher,
                source.author,
                source.updatedAt && ui.t('source.updated', { date: ui.date(source.updatedAt) }),
                ui.t(`source.kind.${source.kind}`),
              ]
                .filter(Boolean)
                .map((part) => ` · ${part}`)}
            </span>
            {source.url && (
              <>
                {' · '}
                <a href={source.url} rel="nofollow noopener">
                  {new URL(source.url).hostname}
                </a>
              </>
            )}
          </li>
        ))}
      </ol>
    </section>
  )
}

/** A horizontally scrollable region that keyboard users can focus and scroll. */
export function Scroll(props: { label: string; children: Child }) {
  const { t } = useUi()
  return (
    <div class="scroll" role="region" aria-label={t('table.scroll', { name: props.label })} tabindex={0}>
      {props.children}
    </div>
  )
}

/** A translated text whose placeholders ("{film}") are filled with markup rather than plain text. */
export function Rich(props: { text: string; parts: Record<string, Child> }) {
  return <>{props.text.split(/(\{\w+\})/).map((piece) => props.parts[piece.slice(1, -1)] ?? piece)}</>
}

/** How a version is named where several share a title: "Miracle in Cell No. 7 (2019, Türkiye)". */
export function versionLabel(film: FilmSummary, ui: Ui): string {
  return ui.t('version.label', {
    title: pickTitle(film.titles, ui.reader.language),
    year: film.year ?? ui.t(`version.${film.status}`),
    country: film.countries.map((code) => ui.country(code)).join(', ') || '—',
  })
}
