import type { Child } from 'hono/jsx'
import type { Fact } from '../../domain/index.ts'
import { pickTitle, type FilmVersion, type StoryView } from '../../services/index.ts'
import { useUi } from '../i18n/ui.ts'
import { citationsFor, FactTable, FactValue, SourceList, type Cite } from './facts.tsx'
import { CharacterTable } from './characters.tsx'
import { VersionPicker } from './compare.tsx'
import { Layout } from './layout.tsx'
import { Timeline } from './timeline.tsx'
import { WorldMap } from './world-map.tsx'

/** The most recent value of a series for each rater or region: what a reader wants first. */
function current(facts: readonly Fact[], property: string): Fact[] {
  const newest = new Map<string, Fact>()
  for (const fact of facts.filter((f) => f.property === property)) {
    const key = `${fact.qualifiers.by ?? ''}|${fact.qualifiers.region ?? ''}|${fact.qualifiers.platform ?? ''}`
    const seen = newest.get(key)
    if (!seen || (seen.qualifiers.as_of ?? '') < (fact.qualifiers.as_of ?? '')) newest.set(key, fact)
  }
  return [...newest.values()]
}

function Values(props: { facts: readonly Fact[]; cite: Cite; label?: (fact: Fact) => string | undefined }) {
  if (props.facts.length === 0) return <span class="muted">—</span>
  return (
    <>
      {props.facts.map((fact) => (
        <div>
          {props.label?.(fact) && <span class="muted">{props.label(fact)}: </span>}
          <FactValue fact={fact} cite={props.cite} compact />
        </div>
      ))}
    </>
  )
}

function VersionCard(props: { version: FilmVersion; cite: Cite; original: boolean }) {
  const ui = useUi()
  const { t, reader } = ui
  const { version, cite } = props
  const facts = version.facts
  const of = (property: string) => facts.filter((f) => f.property === property)
  const title = pickTitle(version.titles, reader.language)
  const watch = current(facts, 'available_on').filter(
    (f) => f.qualifiers.region === 'XWW' || (reader.region !== null && f.qualifiers.region === reader.region),
  )
  const asOf = (fact: Fact) =>
    [
      fact.qualifiers.by,
      fact.qualifiers.region && ui.country(fact.qualifiers.region),
      fact.qualifiers.as_of && ui.date(fact.qualifiers.as_of),
    ]
      .filter(Boolean)
      .join(', ') || undefined
  return (
    <li>
      <div class="title">
        <a href={`/films/${version.slug}`}>{title}</a>
      </div>
      {version.originalTitle && version.originalTitle.text !== title && (
        <div lang={version.originalTitle.language ?? undefined}>{version.originalTitle.text}</div>
      )}
      <div class="muted">
        {version.year ?? '—'} ·{' '}
        {of('country')
          .map((f) => ui.country(String(f.value)))
          .join(', ') || '—'}{' '}
        {props.original && <span class="badge">{t('version.original')}</span>}
        {version.status !== 'released' && <span class="badge">{t(`version.${version.status}`)}</span>}
      </div>
      <dl>
        <dt>{t('column.relation')}</dt>
        <dd>{t(`relation.${version.relation}`)}</dd>
        <dt>{t('column.language')}</dt>
        <dd>
          <Values facts={of('language')} cite={cite} />
        </dd>
        <dt>{t('column.runtime')}</dt>
        <dd>
          <Values facts={of('runtime_minutes')} cite={cite} label={(f) => f.qualifiers.cut} />
        </dd>
        <dt>{t('column.director')}</dt>
        <dd>
          {version.directors.length > 0
            ? version.directors.map((d, i) => (
                <>
                  {i > 0 && ', '}
                  <a href={`/people/${d.person.slug}`}>{d.person.name}</a>
                </>
              ))
            : '—'}
        </dd>
        <dt>{t('column.ratings')}</dt>
        <dd>
          <Values facts={current(facts, 'rating')} cite={cite} label={asOf} />
        </dd>
        <dt>{t('column.box-office')}</dt>
        <dd>
          <Values
            facts={[...current(facts, 'box_office'), ...current(facts, 'admissions')].slice(0, 3)}
            cite={cite}
            label={asOf}
          />
        </dd>
        <dt>
          {t('column.watch', { region: reader.region ? ui.country(reader.region) : t('prefs.worldwide') })}
        </dt>
        <dd>
          <Values
            facts={watch}
            cite={cite}
            label={(f) => f.qualifiers.as_of && t('fact.as-of', { date: ui.date(f.qualifiers.as_of) })}
          />
        </dd>
      </dl>
    </li>
  )
}

export function StoryPage(props: { view: StoryView; url: string; fans?: Child }) {
  const ui = useUi()
  const { t, reader } = ui
  const { story, versions, characters, facts, sources, origin } = props.view
  const cite = citationsFor(sources)
  const firstRemake = versions.find((v) => v.relation === 'remake' && v.status === 'released')
  const countryOf = (v: FilmVersion) => v.countries[0] ?? ''
  const placed = versions.map((v) => ({
    country: countryOf(v),
    label:
      v.year === null
        ? pickTitle(v.titles, reader.language)
        : `${pickTitle(v.titles, reader.language)} (${v.year})`,
    href: `/films/${v.slug}`,
    year: v.year,
    released: v.status === 'released',
    original: v.slug === origin,
  }))
  return (
    <Layout title={story.title} description={story.summary} canonical={props.url}>
      <h1>{story.title}</h1>
      <p class="lead">{story.summary}</p>
      {story.themes.length > 0 && (
        <p class="muted">{t('story.themes', { themes: story.themes.join(', ') })}</p>
      )}

      <section aria-labelledby="about">
        <h2 id="about">{t('story.facts')}</h2>
        <FactTable facts={facts} cite={cite} />
      </section>

      <section aria-labelledby="versions">
        <h2 id="versions">{t('story.versions')}</h2>
        <ul class="versions-grid">
          {versions.map((version) => (
            <VersionCard version={version} cite={cite} original={version.slug === origin} />
          ))}
        </ul>
        <VersionPicker
          story={story.slug}
          versions={versions}
          legend={t('story.compare')}
          hint={t('story.compare.hint')}
          checked={(v) => v.slug === origin || v === firstRemake}
        />
      </section>

      <section aria-labelledby="map-heading">
        <h2 id="map-heading">{t('story.map.heading')}</h2>
        <WorldMap versions={placed.filter((p) => p.country)} title={t('story.map', { title: story.title })} />
        <ul class="legend">
          <li>
            <span class="swatch" style="background: var(--map-origin, #5b1a15)" />
            {t('map.legend.origin')}
          </li>
          <li>
            <span class="swatch" style="background: var(--map-highlight, #a1322a)" />
            {t('map.legend.version')}
          </li>
          <li>
            <span
              class="swatch"
              style="background: repeating-linear-gradient(45deg, var(--map-highlight, #a1322a) 0 2px, var(--map-land, #d9d4ca) 2px 4px)"
            />
            {t('map.legend.announced')}
          </li>
        </ul>
      </section>

      <section aria-labelledby="timeline-heading">
        <h2 id="timeline-heading">{t('story.timeline.heading')}</h2>
        <Timeline versions={placed} title={t('story.timeline', { title: story.title })} />
      </section>

      <section aria-labelledby="characters">
        <h2 id="characters">{t('story.characters')}</h2>
        <CharacterTable characters={characters} versions={versions} />
      </section>

      {props.fans}

      <SourceList sources={sources} />
    </Layout>
  )
}
