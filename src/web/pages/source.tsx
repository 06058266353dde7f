import type { SourceView } from '../../services/index.ts'
import { useUi } from '../i18n/ui.ts'
import { displayValue, Scroll, Spoiler } from './facts.tsx'
import { Layout } from './layout.tsx'

export function SourcePage(props: { view: SourceView; url: string }) {
  const ui = useUi()
  const { t } = ui
  const { source, claims } = props.view
  return (
    <Layout title={source.title} canonical={props.url}>
      <h1>{source.title}</h1>
      <p class="muted">
        {[
          t(`source.kind.${source.kind}`),
          source.publisher,
          source.author,
          source.publishedAt && ui.date(source.publishedAt),
          source.updatedAt && t('source.updated', { date: ui.date(source.updatedAt) }),
          source.retrievedAt && t('source.retrieved', { date: ui.date(source.retrievedAt) }),
        ]
          .filter(Boolean)
          .join(' · ')}
      </p>
      {source.url && (
        <p>
          <a href={source.url} rel="nofollow noopener">
            {source.url}
          </a>
        </p>
      )}
      <section aria-labelledby="claims">
        <h2 id="claims">{t('source.claims', { count: claims.length })}</h2>
        <Scroll label={t('source.claims', { count: claims.length })}>
          <table>
            <tbody>
              {claims.map((claim) => (
                <tr>
                  <td>
                    {claim.about && (
                      <a href={`/${claim.about.kind === 'story' ? 'stories' : 'films'}/${claim.about.slug}`}>
                        {claim.about.label}
                      </a>
                    )}
                  </td>
                  <th scope="row">{t(`property.${claim.property}`)}</th>
                  <td>
                    <Spoiler level={claim.spoiler}>
                      {displayValue(claim, ui)}
                      {claim.quote && <blockquote>“{claim.quote}”</blockquote>}
                    </Spoiler>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </Scroll>
      </section>
    </Layout>
  )
}
