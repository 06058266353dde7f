import type { PublicComment } from '../../domain/index.ts'
import { useUi } from '../i18n/ui.ts'
import { CsrfField, Honeypot } from './forms.tsx'
import { Layout } from './layout.tsx'

// Comments on a film, a story or a moment: threads with replies one level deep, and the form that
// posts one. The form is a page of its own, so that the pages it is reached from can be cached.

/** `film:<slug>`, `story:<slug>` or `moment:<id>`: what a comment is about, as forms and links carry it. */
export type CommentOn = string

function Comment(props: { comment: Omit<PublicComment, 'replies'> }) {
  const { date } = useUi()
  const c = props.comment
  return (
    <>
      <p class="muted byline">
        <strong>{c.name}</strong> · <time datetime={c.publishedAt}>{date(c.publishedAt.slice(0, 10))}</time>
      </p>
      <div class="comment-text" dangerouslySetInnerHTML={{ __html: c.html }} />
    </>
  )
}

export function CommentsSection(props: { comments: readonly PublicComment[]; on: CommentOn }) {
  const { t } = useUi()
  const write = `/comments/new?on=${encodeURIComponent(props.on)}`
  return (
    <section aria-labelledby="comments">
      <h2 id="comments">{t('comment.heading')}</h2>
      {props.comments.length === 0 ? (
        <p class="muted">{t('comment.none')}</p>
      ) : (
        <ol class="comments">
          {props.comments.map((comment) => (
            <li id={`comment-${comment.id}`}>
              <Comment comment={comment} />
              {comment.replies.length > 0 && (
                <ol class="replies">
                  {comment.replies.map((reply) => (
                    <li id={`comment-${reply.id}`}>
                      <Comment comment={reply} />
                    </li>
                  ))}
                </ol>
              )}
              <p>
                <a href={`${write}&reply=${comment.id}`}>{t('comment.reply')}</a>
              </p>
            </li>
          ))}
        </ol>
      )}
      <p>
        <a href={write}>{t('comment.write')}</a>
      </p>
    </section>
  )
}

/** What a reader typed, given back with the form when it has to be corrected: all but the email, never shown. */
export interface CommentDraft {
  name: string
  body: string
}

export function CommentFormPage(props: {
  on: CommentOn
  /** What the comment is about, as a link back. */
  about: { title: string; href: string }
  /** The comment replied to, shown above the form. */
  replyTo: Omit<PublicComment, 'replies'> | null
  csrf: string
  draft: CommentDraft
  message?: string | undefined
}) {
  const { t } = useUi()
  const heading = props.replyTo
    ? t('comment.reply-heading', { name: props.replyTo.name })
    : t('comment.form-heading', { title: props.about.title })
  return (
    <Layout title={heading}>
      <p>
        <a href={props.about.href}>{props.about.title}</a>
      </p>
      <h1>{heading}</h1>
      {props.replyTo && (
        <blockquote class="replying-to">
          <Comment comment={props.replyTo} />
        </blockquote>
      )}
      {props.message && (
        <p role="alert" class="conflict">
          {props.message}
        </p>
      )}
      <form method="post" action="/comments" class="stacked">
        <CsrfField token={props.csrf} />
        <Honeypot />
        <input type="hidden" name="on" value={props.on} />
        {props.replyTo && <input type="hidden" name="reply" value={String(props.replyTo.id)} />}
        <p>
          <label for="name">{t('comment.field.name')}</label>
          <input id="name" name="name" required maxlength={80} value={props.draft.name} />
        </p>
        <p>
          <label for="email">{t('comment.field.email')}</label>
          <input id="email" name="email" type="email" required maxlength={254} autocomplete="email" />
          <small class="muted">{t('form.email-private')}</small>
        </p>
        <p>
          <label for="body">{t('comment.field.body')}</label>
          <textarea id="body" name="body" rows={6} required maxlength={5000}>
            {props.draft.body}
          </textarea>
          <small class="muted">{t('form.markdown-hint')}</small>
        </p>
        <p>
          <button type="submit">{t('comment.submit')}</button>
        </p>
      </form>
    </Layout>
  )
}
