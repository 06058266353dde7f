import { formatValue } from '../../domain/index.ts'
import type { SourceView } from '../../services/index.ts'
import { PROPERTY_LABELS } from '../labels.ts'
import { Spoiler } from './facts.tsx'
import { Layout } from './layout.tsx'

export function SourcePage(props: { view: SourceView }) {
  const { source, claims } = props.view
  return (
    <Layout title={source.title}>
      <h1>{source.title}</h1>
      <p class="muted">
        {[
          source.kind,
          source.publisher,
          source.author,
          source.updatedAt && `updated ${source.updatedAt}`,
          source.retrievedAt && `retrieved ${source.retrievedAt}`,
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
      <h2>What it claims ({claims.length})</h2>
      <div class="scroll">
        <table>
          <tbody>
            {claims.map((claim) => {
              const body = (
                <>
                  {formatValue(claim.value)}
                  {claim.quote && <blockquote>“{claim.quote}”</blockquote>}
                </>
              )
              return (
                <tr>
                  <td>
                    {claim.about && (
                      <a href={`/${claim.about.kind === 'story' ? 'stories' : 'films'}/${claim.about.slug}`}>
                        {claim.about.label}
                      </a>
                    )}
                  </td>
                  <th scope="row">{PROPERTY_LABELS[claim.property]}</th>
                  <td>
                    <Spoiler level={claim.spoiler}>{body}</Spoiler>
                  </td>
                </tr>
              )
            })}
          </tbody>
        </table>
      </div>
    </Layout>
  )
}
