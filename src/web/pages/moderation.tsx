import { MODERATION_ACTIONS } from '../../domain/index.ts'
import type { LoggedAction, QueueItem } from '../../services/index.ts'
import { useUi } from '../i18n/ui.ts'
import { CsrfField } from './forms.tsx'
import { Layout } from './layout.tsx'

// The moderators' pages: the queue of pending moments and comments, and the audit log. Never cached.

function aboutHref(about: string): string {
  const [kind, key] = about.split(':') as [string, string]
  return kind === 'film' ? `/films/${key}` : kind === 'story' ? `/stories/${key}` : `/moments/${key}`
}

export function ModerationPage(props: { items: readonly QueueItem[]; csrf: string; message?: string }) {
  const { t, date, country } = useUi()
  return (
    <Layout title={t('moderation.title')}>
      <h1>{t('moderation.title')}</h1>
      <p>
        <a href="/moderation/log">{t('moderation.log')}</a>
      </p>
      {props.message && <p role="status">{props.message}</p>}
      {props.items.length === 0 ? (
        <p class="muted">{t('moderation.empty')}</p>
      ) : (
        <ol class="queue">
          {props.items.map((item) => (
            <li id={`${item.kind}-${item.id}`}>
              <p class="muted byline">
                {t(`moderation.kind.${item.kind}`)} #{item.id} · <strong>{item.name}</strong> ·{' '}
                <time datetime={item.createdAt}>{date(item.createdAt.slice(0, 10))}</time> ·{' '}
                {t('moderation.about')} <a href={aboutHref(item.about)}>{item.about}</a> ·{' '}
                {t('moderation.record', { approved: item.contributor.approved, spam: item.contributor.spam })}
              </p>
              {item.kind === 'moment' && (
                <p class="muted byline">
                  {item.country && country(item.country)}
                  {item.scene && <> · {t('moderation.scene', { scene: item.scene })}</>}
                  {item.spoiler && (
                    <>
                      {' · '}
                      <strong>{t('moderation.spoiler')}</strong>
                    </>
                  )}
                </p>
              )}
              {item.title && <h2 class="queue-title">{item.title}</h2>}
              {item.html !== null && (
                <div class="moment-text" dangerouslySetInnerHTML={{ __html: item.html }} />
              )}
              {item.video?.kind === 'upload' && (
                <video controls preload="metadata" src={`/media/${item.video.sha256}?preview=1`} />
              )}
              {item.video?.kind === 'link' && <p>{item.video.key}</p>}
              <form method="post" action={`/moderation/${item.kind}/${item.id}`} class="inline">
                <CsrfField token={props.csrf} />
                {MODERATION_ACTIONS.map((action) => (
                  <button type="submit" name="action" value={action}>
                    {t(`moderation.action.${action}`)}
                  </button>
                ))}
              </form>
            </li>
          ))}
        </ol>
      )}
    </Layout>
  )
}

export function ModerationLogPage(props: { entries: readonly LoggedAction[] }) {
  const { t } = useUi()
  const status = (value: unknown) =>
    value && typeof value === 'object' && 'status' in value ? String(value.status) : ''
  return (
    <Layout title={t('moderation.log')}>
      <p>
        <a href="/moderation">{t('moderation.title')}</a>
      </p>
      <h1>{t('moderation.log')}</h1>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('moderation.log.when')}</th>
            <th scope="col">{t('moderation.log.who')}</th>
            <th scope="col">{t('moderation.log.what')}</th>
            <th scope="col">{t('moderation.log.change')}</th>
          </tr>
        </thead>
        <tbody>
          {props.entries.map((entry) => (
            <tr>
              <td>
                <time datetime={entry.createdAt}>{entry.createdAt.replace('T', ' ').slice(0, 19)}</time>
              </td>
              <td>{entry.actor}</td>
              <td>
                {entry.action} {entry.target.kind} #{entry.target.id}
              </td>
              <td>
                {status(entry.before)} → {status(entry.after)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </Layout>
  )
}
