import type { Fact, SpoilerLevel } from '../../domain/index.ts'
import type { FilmView } from '../../services/index.ts'
import { RELATION_LABELS } from '../labels.ts'
import { Citations, citationsFor, FactTable, FactValue, SourceList, Spoiler, type Cite } from './facts.tsx'
import { Layout } from './layout.tsx'

const TEXT_PROPERTIES = new Set(['synopsis', 'plot', 'ending'])

function TrueStoryAnswer(props: { facts: readonly Fact[]; cite: Cite }) {
  const fact = props.facts.find((f) => f.property === 'based_on_true_story')
  if (!fact) return null
  const answer = fact.conflicts.length > 0 ? 'Sources disagree.' : fact.value === true ? 'Yes.' : 'No.'
  return (
    <section aria-labelledby="q-true-story">
      <h3 id="q-true-story">Is it a true story?</h3>
      <p>
        {answer} <FactValue fact={fact} cite={props.cite} />
      </p>
      {props.facts
        .filter((f) => f.property === 'inspired_by')
        .map((f) => (
          <p>
            Inspired by: <FactValue fact={f} cite={props.cite} />
          </p>
        ))}
    </section>
  )
}

function TextSection(props: { title: string; facts: readonly Fact[]; cite: Cite; level: SpoilerLevel }) {
  if (props.facts.length === 0) return null
  const body = props.facts.map((f) => (
    <p>
      {String(f.value)} <Citations ids={f.claims.map((c) => c.source.id)} cite={props.cite} />
    </p>
  ))
  return (
    <section>
      <h2>{props.title}</h2>
      <Spoiler level={props.level} label={`Reveal the ${props.title.toLowerCase()}`}>
        {body}
      </Spoiler>
    </section>
  )
}

export function FilmPage(props: { view: FilmView; canonical: string }) {
  const { film, story, facts, credits, scenes, sources, versions } = props.view
  const cite = citationsFor(sources)
  const storyFacts = story?.facts ?? []
  const byProperty = (name: string) => facts.filter((f) => f.property === name)
  return (
    <Layout title={`${film.title} (${film.year ?? '?'})`} canonical={props.canonical}>
      <h1>
        {film.title} <small>({film.year ?? '?'})</small>
      </h1>
      {film.originalTitle && (
        <p>
          Original title:{' '}
          <strong lang={film.originalTitle.language ?? undefined}>{film.originalTitle.text}</strong>
        </p>
      )}
      {story && (
        <p>
          {film.relation === 'original' ? 'The original' : `A ${RELATION_LABELS[film.relation]}`}
          {film.relatedFilm && (
            <>
              {' '}
              of <a href={`/films/${film.relatedFilm.slug}`}>{film.relatedFilm.title}</a>
            </>
          )}{' '}
          · story: <a href={`/stories/${story.slug}`}>{story.title}</a>
          {film.status !== 'released' && <strong> · {film.status}</strong>}
        </p>
      )}

      <TextSection title="Synopsis" facts={byProperty('synopsis')} cite={cite} level="none" />

      <h2>Questions</h2>
      <TrueStoryAnswer
        facts={byProperty('based_on_true_story').length > 0 ? facts : storyFacts}
        cite={cite}
      />

      <h2>Facts</h2>
      <FactTable facts={facts.filter((f) => !TEXT_PROPERTIES.has(f.property))} cite={cite} />

      <h2>Titles</h2>
      <div class="scroll">
        <table>
          <thead>
            <tr>
              <th scope="col">Title</th>
              <th scope="col">Kind</th>
              <th scope="col">Language</th>
              <th scope="col">Script</th>
              <th scope="col">Region</th>
            </tr>
          </thead>
          <tbody>
            {film.titles.map((t) => (
              <tr>
                <td lang={t.language ?? undefined}>
                  {t.text} {t.sourceId !== null && <Citations ids={[t.sourceId]} cite={cite} />}
                </td>
                <td>{t.kind}</td>
                <td>{t.language}</td>
                <td>{t.script}</td>
                <td>{t.region}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <h2>Cast and crew</h2>
      <div class="scroll">
        <table>
          <tbody>
            {credits.map((c) => (
              <tr>
                <th scope="row">{c.role}</th>
                <td>
                  <a href={`/people/${c.person.slug}`}>{c.person.name}</a>
                  {c.characterName && ` as ${c.characterName}`}
                  {c.character && <span class="muted"> ({c.character.name})</span>}{' '}
                  {c.sourceId !== null && <Citations ids={[c.sourceId]} cite={cite} />}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <TextSection title="Plot" facts={byProperty('plot')} cite={cite} level="plot" />
      <TextSection title="Ending" facts={byProperty('ending')} cite={cite} level="ending" />

      {scenes.length > 0 && (
        <section>
          <h2>Scenes</h2>
          {scenes.map((scene) => (
            <Spoiler level={scene.spoiler} label="A scene">
              <p>
                <strong>{scene.title}</strong>: {scene.description}{' '}
                {scene.sourceId !== null && <Citations ids={[scene.sourceId]} cite={cite} />}
              </p>
            </Spoiler>
          ))}
        </section>
      )}

      {versions.length > 0 && (
        <section>
          <h2>Other versions</h2>
          <ul>
            {versions.map((v) => (
              <li>
                <a href={`/films/${v.slug}`}>{v.title}</a> ({v.year ?? '?'}) · {RELATION_LABELS[v.relation]}
                {v.status !== 'released' && ` · ${v.status}`}
              </li>
            ))}
          </ul>
        </section>
      )}

      <h2>Sources</h2>
      <SourceList sources={sources} />
    </Layout>
  )
}
