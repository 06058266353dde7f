import type { SearchKind } from '../../search/index.ts'
import type { SearchResponse } from '../../services/index.ts'
import { useUi } from '../i18n/ui.ts'
import { Layout } from './layout.tsx'

const KINDS: SearchKind[] = ['story', 'film', 'person', 'character']
const ANCHORS = {
  ending: '#q-ending',
  'true-story': '#q-true-story',
  watch: '#q-watch',
  cast: '#q-cast',
} as const

function href(kind: SearchKind, slug: string, section: SearchResponse['section']): string {
  switch (kind) {
    case 'story':
      return `/stories/${slug}`
    case 'film':
      return `/films/${slug}${section ? ANCHORS[section] : ''}`
    case 'person':
      return `/people/${slug}`
    case 'character': {
      const [story] = slug.split('/')
      return `/stories/${story}#characters`
    }
  }
}

export function SearchPage(props: { response: SearchResponse | null }) {
  const ui = useUi()
  const { t } = ui
  const response = props.response
  return (
    <Layout title={response ? t('search.title-for', { query: response.query }) : t('search.title')}>
      <h1>{t('search.title')}</h1>
      <form method="get" action="/search" role="search" class="inline">
        <label for="search-page-q">{t('search.label')}</label>
        <input id="search-page-q" type="search" name="q" value={response?.query ?? ''} maxlength={200} />
        <button type="submit">{t('search.submit')}</button>
      </form>
      {response && response.interpreted && (
        <p class="muted">{t('search.interpreted', { interpreted: response.interpreted })}</p>
      )}
      {response && response.results.length === 0 && <p>{t('search.none', { query: response.query })}</p>}
      {response &&
        KINDS.map((kind) => {
          const results = response.results.filter((r) => r.kind === kind)
          if (results.length === 0) return null
          return (
            <section aria-labelledby={`results-${kind}`}>
              <h2 id={`results-${kind}`}>{t(`search.kind.${kind}`)}</h2>
              <ol class="results">
                {results.map((result) => (
                  <li>
                    <a href={href(result.kind, result.slug, response.section)}>{result.title}</a>
                    {(result.year !== null || result.country) && (
                      <span class="muted">
                        {' '}
                        (
                        {[result.year, result.country && ui.country(result.country)]
                          .filter(Boolean)
                          .join(', ')}
                        )
                      </span>
                    )}
                    {result.story && result.kind !== 'story' && (
                      <span class="muted">
                        {' · '}
                        {t('search.of-story')}{' '}
                        <a href={`/stories/${result.story.slug}`}>{result.story.title}</a>
                      </span>
                    )}
                    {result.matched.length > 0 && <div class="muted note">{result.matched.join(' · ')}</div>}
                  </li>
                ))}
              </ol>
            </section>
          )
        })}
    </Layout>
  )
}
