import type { StoryView } from '../../services/index.ts'
import { RELATION_LABELS } from '../labels.ts'
import { citationsFor, FactTable, FactValue, SourceList } from './facts.tsx'
import { Layout } from './layout.tsx'

const COLUMNS = ['country', 'language', 'runtime_minutes', 'rating', 'box_office', 'admissions'] as const

export function StoryPage(props: { view: StoryView }) {
  const { story, versions, characters, facts, sources } = props.view
  const cite = citationsFor(sources)
  return (
    <Layout title={story.title}>
      <h1>{story.title}</h1>
      <p>{story.summary}</p>
      {story.themes.length > 0 && <p class="muted">Themes: {story.themes.join(', ')}</p>}
      <FactTable facts={facts} cite={cite} />

      <h2>Every version</h2>
      <div class="scroll">
        <table>
          <thead>
            <tr>
              <th scope="col">Year</th>
              <th scope="col">Title</th>
              <th scope="col">Relation</th>
              <th scope="col">Director</th>
              {COLUMNS.map((column) => (
                <th scope="col">{column.replace('_minutes', '').replace('_', ' ')}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {versions.map((v) => (
              <tr>
                <td>{v.year ?? '—'}</td>
                <td>
                  <a href={`/films/${v.slug}`}>{v.title}</a>
                  {v.originalTitle && v.originalTitle.text !== v.title && (
                    <div lang={v.originalTitle.language ?? undefined}>{v.originalTitle.text}</div>
                  )}
                  {v.status !== 'released' && <strong> ({v.status})</strong>}
                </td>
                <td>{RELATION_LABELS[v.relation]}</td>
                <td>{v.directors.map((d) => d.person.name).join(', ')}</td>
                {COLUMNS.map((column) => (
                  <td>
                    {v.facts
                      .filter((f) => f.property === column)
                      .map((f) => (
                        <div>
                          <FactValue fact={f} cite={cite} />
                        </div>
                      ))}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <h2>Characters across versions</h2>
      <div class="scroll">
        <table>
          <thead>
            <tr>
              <th scope="col">Character</th>
              {versions.map((v) => (
                <th scope="col">
                  {v.title} ({v.year ?? '?'})
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {characters.map(({ character, roles }) => (
              <tr>
                <th scope="row">{character.name}</th>
                {versions.map((v) => (
                  <td>
                    {roles
                      .filter((r) => r.film === v.slug)
                      .map((r) => (
                        <div>
                          {r.name ?? '—'} · <a href={`/people/${r.person.slug}`}>{r.person.name}</a>
                        </div>
                      ))}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <h2>Sources</h2>
      <SourceList sources={sources} />
    </Layout>
  )
}
