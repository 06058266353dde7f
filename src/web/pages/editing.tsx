import {
  PROPERTY_NAMES,
  QUALIFIER_NAMES,
  SOURCE_KINDS,
  type ClaimValue,
  type Fact,
  type Qualifiers,
  type QualifierName,
  type SourcedClaim,
} from '../../domain/index.ts'
import type { ConflictItem, NamedSubject } from '../../services/index.ts'
import { useUi } from '../i18n/ui.ts'
import { displayValue, Rich } from './facts.tsx'
import { CsrfField } from './forms.tsx'
import { Layout } from './layout.tsx'

// The editors' pages: the queue of conflicting facts, and the form that adds or corrects a fact.
// They show who is signed in's work, so they are never cached.

const SUBJECT_PATH = { story: 'stories', film: 'films', person: 'people' } as const

export function subjectHref(subject: NamedSubject): string {
  return `/${SUBJECT_PATH[subject.kind]}/${subject.slug}`
}

function Alert(props: { message: string | undefined }) {
  return props.message ? (
    <p role="alert" class="conflict">
      {props.message}
    </p>
  ) : null
}

function QualifierList(props: { qualifiers: Qualifiers }) {
  const { t } = useUi()
  const names = QUALIFIER_NAMES.filter((name) => props.qualifiers[name] !== undefined)
  if (names.length === 0) return null
  return (
    <span class="muted">
      {' '}
      ({names.map((name) => `${t(`editor.qualifier.${name}`)}: ${props.qualifiers[name]}`).join(', ')})
    </span>
  )
}

function ClaimEntry(props: { claim: SourcedClaim; csrf: string; back: string }) {
  const ui = useUi()
  const { claim } = props
  const { t } = ui
  return (
    <li id={`claim-${claim.id}`}>
      <a href={`/sources/${claim.source.slug}`}>{claim.source.title}</a>
      <span class="muted">
        {' · '}
        {t(`source.kind.${claim.source.kind}`)}
        {' · '}
        {t('editor.claim.added', { by: claim.addedBy, date: ui.date(claim.addedAt.slice(0, 10)) })}
      </span>
      {claim.quote && (
        <>
          {' '}
          <q>{claim.quote}</q>
        </>
      )}
      {claim.pin && (
        <p class="conflict">{t('editor.claim.pinned', { by: claim.pin.by, reason: claim.pin.reason })}</p>
      )}
      <form method="post" action={claim.pin ? '/edit/conflicts/unpin' : '/edit/conflicts/pin'} class="inline">
        <CsrfField token={props.csrf} />
        <input type="hidden" name="claim" value={String(claim.id)} />
        <input type="hidden" name="back" value={props.back} />
        <label>
          {t(claim.pin ? 'editor.unpin.reason' : 'editor.pin.reason')}{' '}
          <input name="reason" required maxlength={500} />
        </label>
        <button type="submit">{t(claim.pin ? 'editor.unpin.submit' : 'editor.pin.submit')}</button>
      </form>
    </li>
  )
}

function Candidate(props: {
  fact: Fact
  label: string
  value: ClaimValue
  claims: readonly SourcedClaim[]
  csrf: string
  back: string
}) {
  const ui = useUi()
  return (
    <div>
      <p>
        <span class="muted">{props.label}:</span>{' '}
        <strong>{displayValue({ property: props.fact.property, value: props.value }, ui)}</strong>
      </p>
      <ul>
        {props.claims.map((claim) => (
          <ClaimEntry claim={claim} csrf={props.csrf} back={props.back} />
        ))}
      </ul>
    </div>
  )
}

export function ConflictsPage(props: {
  items: readonly ConflictItem[]
  total: number
  page: number
  pages: number
  csrf: string
  message?: string | undefined
}) {
  const { t } = useUi()
  const back = `/edit/conflicts${props.page > 1 ? `?page=${props.page}` : ''}`
  return (
    <Layout title={t('editor.conflicts.title')}>
      <h1>{t('editor.conflicts.title')}</h1>
      <Alert message={props.message} />
      <p>
        {props.total === 0
          ? t('editor.conflicts.empty')
          : t('editor.conflicts.count', { total: props.total })}
      </p>
      <ol class="queue">
        {props.items.map(({ subject, fact }) => (
          <li>
            <h2>
              {t(`editor.kind.${subject.kind}`)} <a href={subjectHref(subject)}>{subject.label}</a> ·{' '}
              {t(`property.${fact.property}`)}
              <QualifierList qualifiers={fact.qualifiers} />
            </h2>
            <Candidate
              fact={fact}
              label={t('editor.conflicts.shown')}
              value={fact.value}
              claims={fact.claims}
              csrf={props.csrf}
              back={back}
            />
            {fact.conflicts.map((alternative) => (
              <Candidate
                fact={fact}
                label={t('editor.conflicts.also')}
                value={alternative.value}
                claims={alternative.claims}
                csrf={props.csrf}
                back={back}
              />
            ))}
            <p>
              <a href={`/edit/facts/new?subject=${subject.kind}:${subject.slug}`}>
                {t('editor.conflicts.add', { subject: subject.label })}
              </a>
            </p>
          </li>
        ))}
      </ol>
      {props.pages > 1 && (
        <nav class="pages">
          {props.page > 1 && (
            <a href={`/edit/conflicts?page=${props.page - 1}`}>{t('editor.page.previous')}</a>
          )}{' '}
          {t('editor.page', { page: props.page, pages: props.pages })}{' '}
          {props.page < props.pages && (
            <a href={`/edit/conflicts?page=${props.page + 1}`}>{t('editor.page.next')}</a>
          )}
        </nav>
      )}
    </Layout>
  )
}

/** What an editor typed into the fact form, to show it again when it needs correcting. */
export interface FactDraft {
  property: string
  value: string
  qualifiers: Partial<Record<QualifierName, string>>
  source: string
  sourceUrl: string
  sourceTitle: string
  sourceKind: string
  quote: string
  reason: string
}

export const EMPTY_FACT: FactDraft = {
  property: '',
  value: '',
  qualifiers: {},
  source: '',
  sourceUrl: '',
  sourceTitle: '',
  sourceKind: 'press',
  quote: '',
  reason: '',
}

function Field(props: {
  name: string
  label: string
  value: string
  required?: boolean
  maxlength?: number
}) {
  return (
    <p>
      <label for={props.name}>{props.label}</label>
      <br />
      <input
        id={props.name}
        name={props.name}
        value={props.value}
        required={props.required ?? false}
        maxlength={props.maxlength ?? 300}
      />
    </p>
  )
}

export function FactFormPage(props: {
  subject: NamedSubject
  facts: readonly Fact[]
  csrf: string
  draft: FactDraft
  saved?: boolean
  message?: string | undefined
}) {
  const ui = useUi()
  const { t } = ui
  const { draft, subject } = props
  return (
    <Layout title={t('editor.fact.title')}>
      <h1>{t('editor.fact.title')}</h1>
      <p>
        <Rich
          text={t('editor.fact.about', { kind: t(`editor.kind.${subject.kind}`) })}
          parts={{ subject: <a href={subjectHref(subject)}>{subject.label}</a> }}
        />
      </p>
      {props.saved && <p role="status">{t('editor.fact.saved')}</p>}
      <Alert message={props.message} />
      <form method="post" action="/edit/facts">
        <CsrfField token={props.csrf} />
        <input type="hidden" name="subject" value={`${subject.kind}:${subject.slug}`} />
        <p>
          <label for="property">{t('editor.fact.property')}</label>
          <br />
          <select id="property" name="property" required>
            {PROPERTY_NAMES.map((name) => (
              <option value={name} selected={draft.property === name}>
                {t(`property.${name}`)}
              </option>
            ))}
          </select>
        </p>
        <p>
          <label for="value">{t('editor.fact.value')}</label>
          <br />
          <input
            id="value"
            name="value"
            value={draft.value}
            required
            maxlength={2000}
            aria-describedby="value-hint"
          />
          <br />
          <small id="value-hint" class="muted">
            {t('editor.fact.value-hint')}
          </small>
        </p>
        <fieldset>
          <legend>{t('editor.fact.qualifiers')}</legend>
          {QUALIFIER_NAMES.map((name) => (
            <Field
              name={`q.${name}`}
              label={t(`editor.qualifier.${name}`)}
              value={draft.qualifiers[name] ?? ''}
            />
          ))}
        </fieldset>
        <fieldset>
          <legend>{t('editor.fact.source')}</legend>
          <Field name="source" label={t('editor.fact.source-slug')} value={draft.source} />
          <p>{t('editor.fact.new-source')}</p>
          <Field
            name="sourceUrl"
            label={t('editor.fact.source-url')}
            value={draft.sourceUrl}
            maxlength={2000}
          />
          <Field name="sourceTitle" label={t('editor.fact.source-title')} value={draft.sourceTitle} />
          <p>
            <label for="sourceKind">{t('editor.fact.source-kind')}</label>
            <br />
            <select id="sourceKind" name="sourceKind">
              {SOURCE_KINDS.map((kind) => (
                <option value={kind} selected={draft.sourceKind === kind}>
                  {t(`source.kind.${kind}`)}
                </option>
              ))}
            </select>
          </p>
        </fieldset>
        <Field name="quote" label={t('editor.fact.quote')} value={draft.quote} maxlength={2000} />
        <Field name="reason" label={t('editor.fact.reason')} value={draft.reason} required maxlength={500} />
        <p>
          <button type="submit">{t('editor.fact.submit')}</button>
        </p>
      </form>
      <h2>{t('editor.fact.current')}</h2>
      {props.facts.length === 0 ? (
        <p class="muted">{t('editor.fact.none')}</p>
      ) : (
        <ul>
          {props.facts.map((fact) => (
            <li>
              {t(`property.${fact.property}`)}
              <QualifierList qualifiers={fact.qualifiers} />: {displayValue(fact, ui)}
              {fact.conflicts.map(
                (c) => ` · ${displayValue({ property: fact.property, value: c.value }, ui)}`,
              )}
            </li>
          ))}
        </ul>
      )}
    </Layout>
  )
}
