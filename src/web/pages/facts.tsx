import type { Child } from 'hono/jsx'
import { formatValue, type Fact, type Source, type SpoilerLevel } from '../../domain/index.ts'
import { PROPERTY_LABELS } from '../labels.ts'

/** Numbers the sources of a page: [n] links to the n-th entry of the page's source list. */
export type Cite = (sourceId: number) => number

export function citationsFor(sources: readonly Source[]): Cite {
  const numbers = new Map(sources.map((s, i) => [s.id, i + 1]))
  return (id) => numbers.get(id) ?? 0
}

export function Citations(props: { ids: readonly number[]; cite: Cite }) {
  const numbers = [...new Set(props.ids.map(props.cite))].sort((a, b) => a - b)
  return (
    <>
      {numbers.map((n) => (
        <sup>
          <a href={`#source-${n}`} aria-label={`source ${n}`}>
            [{n}]
          </a>
        </sup>
      ))}
    </>
  )
}

function qualifierText(fact: Fact): string {
  const q = fact.qualifiers
  return [
    q.character,
    q.of && `of ${q.of}`,
    q.region,
    q.by,
    q.platform,
    q.cut,
    q.chart,
    q.event,
    q.as_of && `as of ${q.as_of}`,
  ]
    .filter(Boolean)
    .join(', ')
}

export function FactValue(props: { fact: Fact; cite: Cite }) {
  const { fact, cite } = props
  return (
    <>
      {formatValue(fact.value)} <Citations ids={fact.claims.map((c) => c.source.id)} cite={cite} />
      {fact.conflicts.length > 0 && (
        <div class="conflict" role="note">
          Sources disagree:{' '}
          {fact.conflicts.map((c) => (
            <span>
              “{formatValue(c.value)}”{' '}
              <Citations ids={c.claims.map((claim) => claim.source.id)} cite={cite} />{' '}
            </span>
          ))}
          {fact.status === 'pinned'
            ? '(an editor chose the value shown)'
            : fact.decidedBy
              ? `(shown: the ${fact.decidedBy === 'reliability' ? 'more reliable source' : fact.decidedBy === 'recency' ? 'more recent source' : 'value more sources give'})`
              : '(no source outweighs the other)'}
        </div>
      )}
    </>
  )
}

/** Content above the default spoiler level stays behind a reveal that works without JavaScript. */
export function Spoiler(props: { level: SpoilerLevel; label?: string; children: Child }) {
  if (props.level === 'none') return <>{props.children}</>
  return (
    <details>
      <summary>
        {props.label ?? 'Reveal'} (spoiler: {props.level})
      </summary>
      {props.children}
    </details>
  )
}

/** A table of facts; those above the spoiler level stay behind a reveal that works without JavaScript. */
export function FactTable(props: { facts: readonly Fact[]; cite: Cite }) {
  return (
    <div class="scroll">
      <table>
        <tbody>
          {props.facts.map((fact) => {
            const qualifiers = qualifierText(fact)
            const label = `${PROPERTY_LABELS[fact.property]}${qualifiers ? ` (${qualifiers})` : ''}`
            return (
              <tr>
                <th scope="row">{label}</th>
                <td>
                  <Spoiler level={fact.spoiler}>
                    <FactValue fact={fact} cite={props.cite} />
                  </Spoiler>
                </td>
              </tr>
            )
          })}
        </tbody>
      </table>
    </div>
  )
}

export function SourceList(props: { sources: readonly Source[] }) {
  return (
    <ol class="sources">
      {props.sources.map((source, i) => (
        <li id={`source-${i + 1}`}>
          <a href={`/sources/${source.slug}`}>{source.title}</a>
          {source.publisher && <span class="muted"> · {source.publisher}</span>}
          {source.author && <span class="muted"> · {source.author}</span>}
          {source.updatedAt && <span class="muted"> · updated {source.updatedAt}</span>}
          {source.url && (
            <>
              {' '}
              ·{' '}
              <a href={source.url} rel="nofollow noopener">
                {new URL(source.url).hostname}
              </a>
            </>
          )}
          <span class="muted"> · {source.kind}</span>
        </li>
      ))}
    </ol>
  )
}
