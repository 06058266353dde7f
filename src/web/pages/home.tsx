import type { StorySummary } from '../../services/index.ts'
import { Layout } from './layout.tsx'

export function HomePage(props: { stories: StorySummary[] }) {
  return (
    <Layout title="Stories retold across countries">
      <h1>Stories retold across countries</h1>
      <p class="muted">
        Each story below was made into films in more than one country. Open one to see every version side by
        side.
      </p>
      <ul class="cards">
        {props.stories.map((story) => {
          const years =
            story.years.length > 0 ? `${Math.min(...story.years)}–${Math.max(...story.years)}` : ''
          return (
            <li>
              <h2>
                <a href={`/stories/${story.slug}`}>{story.title}</a>
              </h2>
              <p class="muted">
                {story.versions} versions {years && `· ${years}`}
              </p>
              <p>{story.summary}</p>
            </li>
          )
        })}
      </ul>
    </Layout>
  )
}
