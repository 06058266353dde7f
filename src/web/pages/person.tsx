import type { PersonView } from '../../services/index.ts'
import { citationsFor, FactTable, SourceList } from './facts.tsx'
import { Layout } from './layout.tsx'

export function PersonPage(props: { view: PersonView }) {
  const { person, names, credits, facts, sources } = props.view
  const cite = citationsFor(sources)
  return (
    <Layout title={person.name}>
      <h1>{person.name}</h1>
      {names.length > 0 && (
        <p>
          Also written:{' '}
          {names.map((n, i) => (
            <>
              {i > 0 && ', '}
              <span lang={n.language ?? undefined}>{n.name}</span>
            </>
          ))}
        </p>
      )}
      <FactTable facts={facts} cite={cite} />
      <h2>Films</h2>
      <ul>
        {credits.map((c) => (
          <li>
            {c.film.year ?? '?'} · <a href={`/films/${c.film.slug}`}>{c.film.title}</a> · {c.role}
            {c.characterName && ` as ${c.characterName}`}
          </li>
        ))}
      </ul>
      <h2>Sources</h2>
      <SourceList sources={sources} />
    </Layout>
  )
}
