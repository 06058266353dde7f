import type { Child } from 'hono/jsx'
import type { Fact, SpoilerLevel } from '../../domain/index.ts'
import { orderTitles, type Answer, type FilmView } from '../../services/index.ts'
import { useUi } from '../i18n/ui.ts'
import { scriptJson } from '../seo.ts'
import { Answers } from './answers.tsx'
import {
  Citations,
  citationsFor,
  FactTable,
  Rich,
  Scroll,
  SourceList,
  Spoiler,
  versionLabel,
  type Cite,
} from './facts.tsx'
import { Layout } from './layout.tsx'
import { Poster } from './poster.tsx'

const TEXT = new Set(['synopsis', 'plot', 'ending'])
const RATINGS = new Set(['rating', 'box_office', 'admissions', 'budget'])
const POPULARITY = new Set(['chart_position', 'trending_on'])
const ANSWERED = new Set([
  'based_on_true_story',
  'inspired_by',
  'available_on',
  'audio_language',
  'subtitle_language',
  'character_fate',
])

function TextSection(props: {
  id: string
  heading: string
  facts: readonly Fact[]
  cite: Cite
  level: SpoilerLevel
}) {
  const { t } = useUi()
  if (props.facts.length === 0) return null
  return (
    <section aria-labelledby={props.id}>
      <h2 id={props.id}>{props.heading}</h2>
      <Spoiler level={props.level} label={t('spoiler.reveal-the', { what: props.heading.toLowerCase() })}>
        {props.facts.map((f) => (
          <p>
            {String(f.value)} <Citations ids={f.claims.map((c) => c.source.id)} cite={props.cite} />
          </p>
        ))}
      </Spoiler>
    </section>
  )
}

export interface FilmPageProps {
  view: FilmView
  answers: Answer[]
  url: string
  poster: string | null
  jsonLd: unknown
  /** Fans' moments and comments, shown before the sources. */
  fans?: Child
}

export function FilmPage(props: FilmPageProps) {
  const ui = useUi()
  const { t } = ui
  const { film, story, facts, credits, scenes, sources, versions } = props.view
  const cite = citationsFor(sources)
  const characterNames = new Map(props.view.characters.map((c) => [c.slug, c.name]))
  const byProperty = (name: string) => facts.filter((f) => f.property === name)
  const synopsis = byProperty('synopsis')[0]
  const description = typeof synopsis?.value === 'string' ? synopsis.value : undefined
  const heading = `${film.title} (${film.year ?? '?'})`
  const head = (
    <>
      <meta property="og:type" content="video.movie" />
      <meta property="og:title" content={heading} />
      <meta property="og:url" content={props.url} />
      {description && <meta property="og:description" content={description} />}
      {props.poster && <meta property="og:image" content={props.poster} />}
      <meta name="twitter:card" content={props.poster ? 'summary_large_image' : 'summary'} />
      <meta name="twitter:title" content={heading} />
      {description && <meta name="twitter:description" content={description} />}
      <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: scriptJson(props.jsonLd) }} />
      <link
        rel="alternate"
        type="application/atom+xml"
        href={`/films/${film.slug}/moments.atom`}
        title={t('moment.film-heading', { title: film.title })}
      />
    </>
  )
  return (
    <Layout title={heading} description={description} canonical={props.url} head={head}>
      <div class="film-head">
        <Poster slug={film.slug} title={film.title} year={film.year} src={props.poster} />
        <div>
          <h1>
            {film.title} <small>({film.year ?? '?'})</small>{' '}
            {film.status !== 'released' && <span class="badge">{t(`version.${film.status}`)}</span>}
          </h1>
          {film.originalTitle && film.originalTitle.text !== film.title && (
            <p>
              {t('film.original-title')}:{' '}
              <strong lang={film.originalTitle.language ?? undefined}>{film.originalTitle.text}</strong>
            </p>
          )}
          <p>
            {film.relatedFilm ? (
              <Rich
                text={t('relation.of', { relation: t(`relation.${film.relation}`) })}
                parts={{ film: <a href={`/films/${film.relatedFilm.slug}`}>{film.relatedFilm.title}</a> }}
              />
            ) : (
              t('relation.original-of-story')
            )}
            {story && (
              <>
                {' · '}
                {t('film.story')}: <a href={`/stories/${story.slug}`}>{story.title}</a>
              </>
            )}
          </p>
          {synopsis && (
            <section aria-labelledby="synopsis">
              <h2 id="synopsis">{t('film.synopsis')}</h2>
              <p>
                {String(synopsis.value)}{' '}
                <Citations ids={synopsis.claims.map((c) => c.source.id)} cite={cite} />
              </p>
            </section>
          )}
        </div>
      </div>

      <section aria-labelledby="answers">
        <h2 id="answers">{t('film.answers')}</h2>
        <Answers answers={props.answers} cite={cite} characters={characterNames} />
      </section>

      {facts.some((f) => RATINGS.has(f.property)) && (
        <section aria-labelledby="ratings">
          <h2 id="ratings">{t('film.ratings')}</h2>
          <FactTable facts={facts.filter((f) => RATINGS.has(f.property))} cite={cite} />
        </section>
      )}

      {facts.some((f) => POPULARITY.has(f.property)) && (
        <section aria-labelledby="popularity">
          <h2 id="popularity">{t('film.popularity')}</h2>
          <FactTable facts={facts.filter((f) => POPULARITY.has(f.property))} cite={cite} />
        </section>
      )}

      <section aria-labelledby="facts">
        <h2 id="facts">{t('film.facts')}</h2>
        <FactTable
          facts={facts.filter(
            (f) =>
              !TEXT.has(f.property) &&
              !RATINGS.has(f.property) &&
              !POPULARITY.has(f.property) &&
              !ANSWERED.has(f.property),
          )}
          cite={cite}
          characters={characterNames}
        />
      </section>

      <section aria-labelledby="titles">
        <h2 id="titles">{t('film.titles')}</h2>
        <Scroll label={t('film.titles')}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('column.title')}</th>
                <th scope="col">{t('title.kind')}</th>
                <th scope="col">{t('title.language')}</th>
                <th scope="col">{t('title.region')}</th>
              </tr>
            </thead>
            <tbody>
              {orderTitles(film.titles, ui.reader.language).map((title) => (
                <tr>
                  <td lang={title.language ?? undefined}>
                    {title.text} <Citations ids={[title.sourceId]} cite={cite} />
                  </td>
                  <td>{t(`title.kind.${title.kind}`)}</td>
                  <td>
                    {title.language ? ui.languageName(title.language) : ''}
                    {title.script && <span class="muted"> ({title.script})</span>}
                  </td>
                  <td>{title.region ? ui.country(title.region) : ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </Scroll>
      </section>

      <section aria-labelledby="cast">
        <h2 id="cast">{t('film.cast')}</h2>
        <table>
          <tbody>
            {credits.map((c) => (
              <tr>
                <th scope="row">{t(`role.${c.role}`)}</th>
                <td>
                  <a href={`/people/${c.person.slug}`}>{c.person.name}</a>
                  {c.characterName && ` ${t('credit.as', { name: c.characterName })}`}
                  {c.character && <span class="muted"> ({c.character.name})</span>}{' '}
                  <Citations ids={[c.sourceId]} cite={cite} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <TextSection id="plot" heading={t('film.plot')} facts={byProperty('plot')} cite={cite} level="plot" />

      {scenes.length > 0 && (
        <section aria-labelledby="scenes">
          <h2 id="scenes">{t('film.scenes')}</h2>
          {scenes.map((scene) => (
            <Spoiler level={scene.spoiler} label={t('spoiler.scene')}>
              <p>
                <strong>{scene.title}</strong>: {scene.description}{' '}
                <Citations ids={[scene.sourceId]} cite={cite} />
              </p>
            </Spoiler>
          ))}
        </section>
      )}

      {versions.length > 0 && story && (
        <section aria-labelledby="versions">
          <h2 id="versions">{t('film.versions')}</h2>
          <ul>
            {versions.map((v) => (
              <li>
                <a href={`/films/${v.slug}`}>{versionLabel(v, ui)}</a> · {t(`relation.${v.relation}`)}
                {v.status !== 'released' && <> · {t(`version.${v.status}`)}</>}{' '}
                <a
                  href={`/stories/${story.slug}/compare?films=${film.slug},${v.slug}`}
                  aria-label={t('version.compare-with', { title: versionLabel(v, ui) })}
                >
                  {t('compare.submit')}
                </a>
              </li>
            ))}
          </ul>
        </section>
      )}

      {props.fans}

      <SourceList sources={sources} />
    </Layout>
  )
}
