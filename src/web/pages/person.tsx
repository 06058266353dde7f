import type { PersonView } from '../../services/index.ts'
import { useUi } from '../i18n/ui.ts'
import { Citations, citationsFor, FactTable, SourceList } from './facts.tsx'
import { Layout } from './layout.tsx'

export function PersonPage(props: { view: PersonView; url: string }) {
  const { t } = useUi()
  const { person, names, credits, facts, sources } = props.view
  const cite = citationsFor(sources)
  return (
    <Layout title={person.name} canonical={props.url}>
      <h1>{person.name}</h1>
      {names.length > 0 && (
        <p>
          {t('person.also')}:{' '}
          {names.map((n, i) => (
            <>
              {i > 0 && ', '}
              <span lang={n.language ?? undefined}>{n.name}</span>
            </>
          ))}
        </p>
      )}
      {facts.length > 0 && (
        <section aria-labelledby="person-facts">
          <h2 id="person-facts">{t('person.facts')}</h2>
          <FactTable facts={facts} cite={cite} />
        </section>
      )}
      <section aria-labelledby="person-films">
        <h2 id="person-films">{t('person.films')}</h2>
        <ul>
          {credits.map((c) => (
            <li>
              {c.film.year ?? '—'} · <a href={`/films/${c.film.slug}`}>{c.film.title}</a> ·{' '}
              {t(`role.${c.role}`)}
              {c.characterName && ` ${t('credit.as', { name: c.characterName })}`}
              {c.character && <span class="muted"> ({c.character.name})</span>}{' '}
              <Citations ids={[c.sourceId]} cite={cite} />
            </li>
          ))}
        </ul>
      </section>
      <SourceList sources={sources} />
    </Layout>
  )
}
