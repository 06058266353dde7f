import { QUALIFIER_NAMES, formatValue, isPropertyName, type ClaimValue } from '../../domain/index.ts'
import type { Source } from '../../domain/index.ts'
import type { StoredCandidate } from '../../services/index.ts'
import { useUi } from '../i18n/ui.ts'
import { displayValue } from './facts.tsx'
import { CsrfField } from './forms.tsx'
import { Layout } from './layout.tsx'

// The editors' pages for articles: the form that takes one in, and the queue of the claims it seems
// to make. Everything an article says is shown as text (JSX escapes it); the highlight in a quoted
// sentence is cut from the sentence by offsets, never built from the article's markup.

function Alert(props: { message: string | undefined }) {
  return props.message ? (
    <p role="alert" class="conflict">
      {props.message}
    </p>
  ) : null
}

export interface SourceDraft {
  text: string
  url: string
}

export function NewSourcePage(props: { csrf: string; draft: SourceDraft; message?: string | undefined }) {
  const { t } = useUi()
  return (
    <Layout title={t('ingest.new.title')}>
      <h1>{t('ingest.new.title')}</h1>
      <p>{t('ingest.new.intro')}</p>
      <Alert message={props.message} />
      <form method="post" action="/edit/sources" enctype="multipart/form-data">
        <CsrfField token={props.csrf} />
        <p>
          <label for="text">{t('ingest.new.text')}</label>
          <br />
          <textarea id="text" name="text" rows={16} cols={80}>
            {props.draft.text}
          </textarea>
        </p>
        <p>
          <label for="file">{t('ingest.new.file')}</label>
          <br />
          <input id="file" name="file" type="file" accept=".html,.htm,.txt,text/html,text/plain" />
        </p>
        <p>
          <label for="url">{t('ingest.new.url')}</label>
          <br />
          <input id="url" name="url" type="url" value={props.draft.url} maxlength={2000} />
        </p>
        <button type="submit">{t('ingest.new.submit')}</button>
      </form>
    </Layout>
  )
}

/** Lowercase ASCII letters and digits, one for one: offsets in the folded text are offsets in the original. */
function foldChars(text: string): string {
  let folded = ''
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!
    const base = ch === 'ı' || ch === 'İ' ? 'i' : (ch.normalize('NFD')[0] ?? ch).toLowerCase()
    folded += /^[a-z0-9]$/.test(base) ? base : /^\p{L}$/u.test(base) ? base : ' '
  }
  return folded
}

function needlesOf(
  candidate: Pick<StoredCandidate, 'property' | 'value' | 'qualifiers' | 'subject'>,
): string[] {
  const value = candidate.value
  const needles: string[] = []
  if (typeof value === 'string') {
    needles.push(value)
    if (/^[a-z0-9]+(-[a-z0-9]+)+$/.test(value)) needles.push(value.replace(/-/g, ' '))
    needles.push(...value.split(/[-\s]+/).filter((w) => w.length >= 4))
  } else if (typeof value === 'number') {
    needles.push(String(value), value.toLocaleString('en-US'))
    if (candidate.property === 'runtime_minutes') needles.push('hours', 'hour', 'minutes', 'min')
  } else if (typeof value === 'boolean') {
    needles.push('true story', 'real events', 'real life', 'true events', 'based on')
  } else if (value && typeof value === 'object') {
    if ('score' in value) needles.push(String(value.score))
    if ('amount' in value) needles.push(String(value.amount), 'million', 'billion')
  }
  for (const name of ['by', 'platform', 'chart'] as const) {
    const q = candidate.qualifiers[name]
    if (q) needles.push(q, ...q.split(/\s+/).filter((w) => w.length >= 4))
  }
  needles.push(candidate.subject.name)
  return needles.filter((n) => n.trim().length >= 2)
}

/**
 * Where in the quoted sentence the candidate's value (or failing that its subject) is written, as
 * offsets into the quote; undefined when it cannot be found.
 */
export function highlightSpan(
  candidate: Pick<StoredCandidate, 'property' | 'value' | 'qualifiers' | 'subject' | 'quote'>,
): { start: number; end: number } | undefined {
  const haystack = foldChars(candidate.quote)
  for (const needle of needlesOf(candidate)) {
    const folded = foldChars(needle).trim()
    if (folded === '') continue
    const at = haystack.search(new RegExp(`(?<![a-z0-9])${folded.replace(/ +/g, ' +')}(?![a-z0-9])`))
    if (at >= 0) {
      const length = new RegExp(folded.replace(/ +/g, ' +')).exec(haystack.slice(at))![0].length
      return { start: at, end: at + length }
    }
  }
  return undefined
}

function Quote(props: { candidate: StoredCandidate }) {
  const { quote } = props.candidate
  const span = highlightSpan(props.candidate)
  if (!span) return <q>{quote}</q>
  return (
    <q>
      {quote.slice(0, span.start)}
      <mark>{quote.slice(span.start, span.end)}</mark>
      {quote.slice(span.end)}
    </q>
  )
}

/** A candidate's value as an editor types it back (the form's edit field). */
export function valueText(value: unknown): string {
  if (value !== null && typeof value === 'object')
    return formatValue(value as ClaimValue).replace(/ \(.*$/, '')
  return String(value)
}

function CandidateEntry(props: { candidate: StoredCandidate; csrf: string; conflicted: boolean }) {
  const ui = useUi()
  const { t } = ui
  const { candidate } = props
  const property = candidate.property
  const label = isPropertyName(property) ? t(`property.${property}`) : property.replace(/_/g, ' ')
  const shown =
    isPropertyName(property) && candidate.value !== null && typeof candidate.value !== 'object'
      ? displayValue({ property, value: candidate.value as ClaimValue }, ui)
      : valueText(candidate.value)
  const qualifiers = Object.entries(candidate.qualifiers)
  const action = `/edit/candidates/${candidate.id}`
  return (
    <li id={`candidate-${candidate.id}`}>
      <h2>
        {candidate.subject.name} · {label}: {shown}
      </h2>
      <dl>
        <dt>{t('ingest.candidate.about')}</dt>
        <dd>
          {candidate.subject.kind === 'film' ? (
            <a href={`/films/${candidate.subject.slug}`}>{candidate.subject.name}</a>
          ) : (
            candidate.subject.name
          )}
        </dd>
        <dt>{t('ingest.candidate.qualifiers')}</dt>
        <dd>
          {qualifiers.length === 0
            ? t('ingest.candidate.none')
            : qualifiers.map(([name, value]) => `${name}: ${value}`).join(', ')}
        </dd>
        <dt>{t('ingest.candidate.quote')}</dt>
        <dd>
          <Quote candidate={candidate} />
        </dd>
      </dl>
      <p class="muted">
        {t('ingest.candidate.confidence', { percent: Math.round(candidate.confidence * 100) })}
        {' · '}
        {candidate.status === 'proposed'
          ? t('ingest.candidate.status.proposed')
          : t(`ingest.candidate.status.${candidate.status}`, { by: candidate.decidedBy ?? '' })}
      </p>
      {props.conflicted && (
        <p class="conflict" role="note">
          {t('ingest.candidate.conflict')}{' '}
          <a href="/edit/conflicts">{t('ingest.candidate.conflicts-link')}</a>
          {candidate.subject.kind === 'film' && (
            <>
              {' · '}
              <a href={`/films/${candidate.subject.slug}`}>{t('ingest.candidate.film-link')}</a>
            </>
          )}
        </p>
      )}
      {candidate.status === 'proposed' && (
        <>
          <form method="post" action={action} class="inline">
            <CsrfField token={props.csrf} />
            <button type="submit" name="action" value="accept">
              {t('ingest.candidate.accept')}
            </button>{' '}
            <button type="submit" name="action" value="reject">
              {t('ingest.candidate.reject')}
            </button>
          </form>
          <details>
            <summary>{t('ingest.candidate.edit')}</summary>
            <form method="post" action={action}>
              <CsrfField token={props.csrf} />
              <input type="hidden" name="edited" value="1" />
              <p>
                <label for={`value-${candidate.id}`}>{t('ingest.candidate.value')}</label>
                <br />
                <input
                  id={`value-${candidate.id}`}
                  name="value"
                  value={valueText(candidate.value)}
                  required
                  maxlength={2000}
                />
              </p>
              <fieldset>
                <legend>{t('ingest.candidate.qualifiers')}</legend>
                {QUALIFIER_NAMES.map((name) => (
                  <p>
                    <label for={`q-${name}-${candidate.id}`}>{t(`editor.qualifier.${name}`)}</label>
                    <br />
                    <input
                      id={`q-${name}-${candidate.id}`}
                      name={`q.${name}`}
                      value={candidate.qualifiers[name] ?? ''}
                      maxlength={300}
                    />
                  </p>
                ))}
              </fieldset>
              <button type="submit" name="action" value="accept">
                {t('ingest.candidate.accept-edited')}
              </button>
            </form>
          </details>
        </>
      )}
    </li>
  )
}

export function CandidateQueuePage(props: {
  source: Source
  candidates: readonly StoredCandidate[]
  conflicted: ReadonlySet<number>
  csrf: string
  existing?: boolean
  message?: string | undefined
}) {
  const { t } = useUi()
  const count = (status: StoredCandidate['status']) =>
    props.candidates.filter((c) => c.status === status).length
  return (
    <Layout title={t('ingest.queue.title', { source: props.source.title })}>
      <h1>{t('ingest.queue.title', { source: props.source.title })}</h1>
      <p>
        <a href={`/sources/${props.source.slug}`}>{t('ingest.queue.source')}</a>
        {' · '}
        <a href="/edit/sources/new">{t('ingest.queue.another')}</a>
      </p>
      {props.existing && <p role="status">{t('ingest.queue.existing')}</p>}
      <Alert message={props.message} />
      <p>
        {props.candidates.length === 0
          ? t('ingest.queue.empty')
          : t('ingest.queue.counts', {
              proposed: count('proposed'),
              accepted: count('accepted'),
              rejected: count('rejected'),
            })}
      </p>
      <ol class="queue">
        {props.candidates.map((candidate) => (
          <CandidateEntry
            candidate={candidate}
            csrf={props.csrf}
            conflicted={props.conflicted.has(candidate.id)}
          />
        ))}
      </ol>
    </Layout>
  )
}
