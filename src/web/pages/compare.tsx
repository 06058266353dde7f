import { PROPERTIES, type Fact, type PropertyName } from '../../domain/index.ts'
import type { FilmVersion, StoryView } from '../../services/index.ts'
import { useUi } from '../i18n/ui.ts'
import { citationsFor, FactValue, Rich, Scroll, SourceList, Spoiler, versionLabel } from './facts.tsx'
import { CharacterTable } from './characters.tsx'
import { Layout } from './layout.tsx'

const TEXT = new Set<PropertyName>(['synopsis', 'plot', 'ending'])

/** A form choosing versions of a story to compare; a plain GET form, so it works without JavaScript. */
export function VersionPicker(props: {
  story: string
  versions: readonly FilmVersion[]
  legend: string
  hint?: string
  checked: (version: FilmVersion) => boolean
}) {
  const ui = useUi()
  return (
    <form class="inline" method="get" action={`/stories/${props.story}/compare`} aria-label={props.legend}>
      <fieldset>
        <legend>{props.legend}</legend>
        {props.hint && <p class="muted">{props.hint}</p>}
        {props.versions.map((v) => (
          <label class="choice">
            <input type="checkbox" name="films" value={v.slug} checked={props.checked(v)} />{' '}
            {versionLabel(v, ui)}
          </label>
        ))}
        <div>
          <button type="submit">{ui.t('compare.submit')}</button>
        </div>
      </fieldset>
    </form>
  )
}

/** Versions of one story side by side: their facts, their cast by character, their plots. */
export function ComparePage(props: { view: StoryView; chosen: readonly FilmVersion[]; url: string }) {
  const ui = useUi()
  const { t } = ui
  const { story, characters, sources } = props.view
  const chosen = props.chosen
  const cite = citationsFor(sources)
  const characterNames = new Map(characters.map(({ character }) => [character.slug, character.name]))
  const titles = chosen.map((v) => versionLabel(v, ui))
  const properties = (Object.keys(PROPERTIES) as PropertyName[]).filter(
    (p) => !TEXT.has(p) && chosen.some((v) => v.facts.some((f) => f.property === p)),
  )
  const factsOf = (v: FilmVersion, property: PropertyName): Fact[] =>
    v.facts.filter((f) => f.property === property)
  return (
    <Layout title={t('compare.title', { titles: titles.join(' · ') || story.title })} canonical={props.url}>
      <h1>{t('compare.title', { titles: titles.join(' · ') || story.title })}</h1>
      <p class="lead">
        <Rich
          text={t('compare.lead')}
          parts={{ story: <a href={`/stories/${story.slug}`}>{story.title}</a> }}
        />
      </p>

      <VersionPicker
        story={story.slug}
        versions={props.view.versions}
        legend={t('compare.pick')}
        checked={(v) => chosen.includes(v)}
      />

      {chosen.length >= 2 && (
        <>
          <section aria-labelledby="compare-facts">
            <h2 id="compare-facts">{t('compare.facts')}</h2>
            <Scroll label={t('compare.facts')}>
              <table>
                <thead>
                  <tr>
                    <td />
                    {chosen.map((v, i) => (
                      <th scope="col">
                        <a href={`/films/${v.slug}`}>{titles[i]}</a>
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  <tr>
                    <th scope="row">{t('column.director')}</th>
                    {chosen.map((v) => (
                      <td>{v.directors.map((d) => d.person.name).join(', ') || '—'}</td>
                    ))}
                  </tr>
                  {properties.map((property) => (
                    <tr>
                      <th scope="row">{t(`property.${property}`)}</th>
                      {chosen.map((v) => (
                        <td>
                          {factsOf(v, property).map((fact) => (
                            <div>
                              <Spoiler level={fact.spoiler}>
                                <FactValue fact={fact} cite={cite} qualifiers characters={characterNames} />
                              </Spoiler>
                            </div>
                          ))}
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </Scroll>
          </section>

          <section aria-labelledby="compare-cast">
            <h2 id="compare-cast">{t('compare.cast')}</h2>
            <CharacterTable characters={characters} versions={chosen} />
          </section>

          <section aria-labelledby="compare-plot">
            <h2 id="compare-plot">{t('compare.plot')}</h2>
            <Spoiler
              level="ending"
              label={t('spoiler.reveal-the', { what: t('compare.plot').toLowerCase() })}
            >
              <div class="versions-grid" style="display: grid">
                {chosen.map((v, i) => (
                  <div>
                    <h3>{titles[i]}</h3>
                    {[...factsOf(v, 'plot'), ...factsOf(v, 'ending')].map((fact) => (
                      <p>
                        <FactValue fact={fact} cite={cite} />
                      </p>
                    ))}
                  </div>
                ))}
              </div>
            </Spoiler>
          </section>

          <SourceList sources={sources} />
        </>
      )}
    </Layout>
  )
}
