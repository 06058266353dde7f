import type { StorySummary } from '../../services/index.ts'
import { useUi } from '../i18n/ui.ts'
import { Layout } from './layout.tsx'

export function HomePage(props: { stories: StorySummary[]; url: string }) {
  const { t } = useUi()
  return (
    <Layout title={t('home.title')} description={t('home.lead')} canonical={props.url}>
      <h1>{t('home.title')}</h1>
      <p class="lead">{t('home.lead')}</p>
      <ul class="cards">
        {props.stories.map((story) => {
          const [first, last] = [Math.min(...story.years), Math.max(...story.years)]
          const years = story.years.length === 0 ? '' : first === last ? String(first) : `${first}–${last}`
          return (
            <li>
              <h2>
                <a href={`/stories/${story.slug}`}>{story.title}</a>
              </h2>
              <p class="muted">
                {t('home.versions', { count: story.versions })}
                {years && ` · ${years}`}
              </p>
              <p>{story.summary}</p>
            </li>
          )
        })}
      </ul>
    </Layout>
  )
}
