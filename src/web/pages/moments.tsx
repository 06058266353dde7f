import type { Child } from 'hono/jsx'
import type { MomentCounts } from '../../services/index.ts'
import type { PublicMoment, Scene } from '../../domain/index.ts'
import { useUi, type Ui } from '../i18n/ui.ts'
import { CsrfField, Honeypot } from './forms.tsx'
import { Layout } from './layout.tsx'
import { WorldMap } from './world-map.tsx'

// Fans' moments: a moment as readers see it (a spoiler stays folded until opened), the moments of a
// film grouped by scene and by country, and the form that posts one.

/** "1 moment", "3 moments", by the plural rules of the page's language. */
function momentCount(ui: Ui, count: number): string {
  const form = new Intl.PluralRules(ui.language).select(count) === 'one' ? 'one' : 'other'
  return ui.t(`moment.count.${form}`, { count: ui.number(count) })
}

/** What a fan said moved them, its video as a player (an upload) or a link (a known host, never embedded). */
export function MomentCard(props: { moment: PublicMoment; filmTitle?: string | undefined }) {
  const { t, country, date } = useUi()
  const m = props.moment
  const byline = (
    <p class="muted byline">
      {t('moment.by', { name: m.displayName, country: country(m.country) })} ·{' '}
      <time datetime={m.publishedAt}>{date(m.publishedAt.slice(0, 10))}</time>
      {props.filmTitle && (
        <>
          {' · '}
          <a href={`/films/${m.film.slug}`}>{props.filmTitle}</a>
        </>
      )}
    </p>
  )
  const body = (
    <>
      <h3>
        <a href={`/moments/${m.id}`}>{m.title}</a>
      </h3>
      {m.scene && (
        <p class="muted">
          {t('moment.scene')}: {m.scene.title}
        </p>
      )}
      {m.html !== null && <div class="moment-text" dangerouslySetInnerHTML={{ __html: m.html }} />}
      {m.video?.kind === 'upload' && (
        <video controls preload="metadata" src={`/media/${m.video.sha256}`}>
          <a href={`/media/${m.video.sha256}`}>{t('moment.download-video')}</a>
        </video>
      )}
      {m.video?.kind === 'link' && (
        <p>
          <a href={m.video.url} rel="nofollow ugc noopener noreferrer">
            {t('moment.watch-on', { host: new URL(m.video.url).hostname.replace(/^www\./, '') })}
          </a>
        </p>
      )}
    </>
  )
  return (
    <article class="moment" id={`moment-${m.id}`}>
      {m.spoiler || (m.scene && m.scene.spoiler !== 'none') ? (
        <details class="spoiler">
          <summary>
            <span class="when-closed">{t('moment.spoiler-reveal')}</span>
            <span class="when-open">{t('moment.spoiler-shown')}</span>
          </summary>
          {body}
        </details>
      ) : (
        body
      )}
      {byline}
    </article>
  )
}

/** The newest moments on a film or story page, with the ways to read all of them and to add one. */
export function MomentsSection(props: {
  moments: readonly PublicMoment[]
  total: number
  /** Where all of them are listed; null on a story page, whose moments are on its films' pages. */
  allHref: string | null
  /** The form to post one, or null (a story page: a moment is about one film). */
  newHref: string | null
  filmTitles?: ReadonlyMap<string, string>
}) {
  const { t } = useUi()
  return (
    <section aria-labelledby="moments">
      <h2 id="moments">{t('moment.heading')}</h2>
      {props.moments.length === 0 ? (
        <p class="muted">{t('moment.none')}</p>
      ) : (
        <div class="moments">
          {props.moments.map((moment) => (
            <MomentCard moment={moment} filmTitle={props.filmTitles?.get(moment.film.slug)} />
          ))}
        </div>
      )}
      <p>
        {props.allHref && props.total > 0 && (
          <>
            <a href={props.allHref}>{t('moment.all', { count: props.total })}</a>
            {props.newHref && ' · '}
          </>
        )}
        {props.newHref && <a href={props.newHref}>{t('moment.share')}</a>}
      </p>
    </section>
  )
}

/** Every published moment of a film: the scenes that moved people most, where the fans are, and the list. */
export function FilmMomentsPage(props: {
  film: { slug: string; title: string; year: number | null }
  counts: MomentCounts
  moments: readonly PublicMoment[]
  page: number
  pages: number
  url: string
}) {
  const ui = useUi()
  const { t } = ui
  const { film, counts } = props
  const heading = t('moment.film-heading', { title: film.title })
  const places = counts.byCountry.map((c) => ({
    country: c.country,
    label: momentCount(ui, c.moments),
    href: `#country-${c.country}`,
    year: null,
    released: true,
    original: false,
  }))
  const feed = `/films/${film.slug}/moments.atom`
  return (
    <Layout
      title={heading}
      canonical={props.url}
      head={<link rel="alternate" type="application/atom+xml" href={feed} title={heading} />}
    >
      <p>
        <a href={`/films/${film.slug}`}>
          {film.title} ({film.year ?? '?'})
        </a>
      </p>
      <h1>{heading}</h1>
      <p>
        <a href={`/films/${film.slug}/moments/new`}>{t('moment.share')}</a> ·{' '}
        <a href={feed}>{t('moment.feed')}</a>
      </p>
      {counts.total === 0 ? (
        <p class="muted">{t('moment.none')}</p>
      ) : (
        <>
          <section aria-labelledby="by-scene">
            <h2 id="by-scene">{t('moment.by-scene')}</h2>
            {counts.byScene.length === 0 ? (
              <p class="muted">{t('moment.no-scenes')}</p>
            ) : (
              <ol class="scene-counts">
                {counts.byScene.map((scene) => (
                  <li>
                    {scene.spoiler === 'none' ? (
                      scene.title
                    ) : (
                      <details class="spoiler inline">
                        <summary>{t('moment.scene-hidden', { level: ui.spoiler(scene.spoiler) })}</summary>
                        {scene.title}
                      </details>
                    )}{' '}
                    <span class="muted">{momentCount(ui, scene.moments)}</span>
                  </li>
                ))}
              </ol>
            )}
          </section>
          <section aria-labelledby="by-country">
            <h2 id="by-country">{t('moment.by-country')}</h2>
            <WorldMap versions={places} title={t('moment.map-title', { title: film.title })} />
            <ul class="country-counts">
              {counts.byCountry.map((c) => (
                <li id={`country-${c.country}`}>
                  {ui.country(c.country)}: {momentCount(ui, c.moments)}
                </li>
              ))}
            </ul>
          </section>
          <section aria-labelledby="all-moments">
            <h2 id="all-moments">{t('moment.all', { count: counts.total })}</h2>
            <div class="moments">
              {props.moments.map((moment) => (
                <MomentCard moment={moment} />
              ))}
            </div>
            {props.pages > 1 && (
              <nav class="pages" aria-label={t('moment.pages')}>
                {props.page > 1 && <a href={`?page=${props.page - 1}`}>{t('moment.newer')}</a>}{' '}
                {t('moment.page', { page: props.page, pages: props.pages })}{' '}
                {props.page < props.pages && <a href={`?page=${props.page + 1}`}>{t('moment.older')}</a>}
              </nav>
            )}
          </section>
        </>
      )}
    </Layout>
  )
}

/** What a fan typed, given back with the form when it has to be corrected: all but the email, never shown. */
export interface MomentDraft {
  displayName: string
  country: string
  scene: string
  title: string
  text: string
  videoUrl: string
  spoiler: boolean
}

export const EMPTY_MOMENT: MomentDraft = {
  displayName: '',
  country: '',
  scene: '',
  title: '',
  text: '',
  videoUrl: '',
  spoiler: false,
}

/** The form that posts a moment about a film; it works without JavaScript (multipart, for the upload). */
export function MomentFormPage(props: {
  film: { slug: string; title: string; year: number | null }
  scenes: readonly Scene[]
  regions: readonly string[]
  csrf: string
  draft: MomentDraft
  /** The largest upload, in MB; null when this site takes no uploads. */
  maxVideoMb: number | null
  message?: string | undefined
}) {
  const ui = useUi()
  const { t } = ui
  const { film, draft } = props
  const heading = t('moment.form-heading', { title: film.title })
  const countries = [...props.regions]
    .map((code) => ({ code, name: ui.country(code) }))
    .sort((a, b) => a.name.localeCompare(b.name, ui.language))
  return (
    <Layout title={heading}>
      <p>
        <a href={`/films/${film.slug}`}>
          {film.title} ({film.year ?? '?'})
        </a>
      </p>
      <h1>{heading}</h1>
      <p class="lead">{t('moment.form-lead')}</p>
      {props.message && (
        <p role="alert" class="conflict">
          {props.message}
        </p>
      )}
      <form
        method="post"
        action={`/films/${film.slug}/moments`}
        enctype="multipart/form-data"
        class="stacked"
      >
        <CsrfField token={props.csrf} />
        <Honeypot />
        <p>
          <label for="displayName">{t('moment.field.name')}</label>
          <input id="displayName" name="displayName" required maxlength={80} value={draft.displayName} />
        </p>
        <p>
          <label for="email">{t('moment.field.email')}</label>
          <input id="email" name="email" type="email" required maxlength={254} autocomplete="email" />
          <small class="muted">{t('form.email-private')}</small>
        </p>
        <p>
          <label for="country">{t('moment.field.country')}</label>
          <select id="country" name="country" required>
            <option value="">{t('moment.field.choose')}</option>
            {countries.map((c) => (
              <option value={c.code} selected={c.code === draft.country}>
                {c.name}
              </option>
            ))}
          </select>
        </p>
        {props.scenes.length > 0 && (
          <details class="spoiler" open={draft.scene !== ''}>
            <summary>{t('moment.field.scene-reveal')}</summary>
            <p>
              <label for="scene">{t('moment.field.scene')}</label>
              <select id="scene" name="scene">
                <option value="">{t('moment.field.no-scene')}</option>
                {props.scenes.map((s) => (
                  <option value={s.slug} selected={s.slug === draft.scene}>
                    {s.title}
                  </option>
                ))}
              </select>
            </p>
          </details>
        )}
        <p>
          <label for="title">{t('moment.field.title')}</label>
          <input id="title" name="title" required maxlength={120} value={draft.title} />
        </p>
        <p>
          <label for="text">{t('moment.field.text')}</label>
          <textarea id="text" name="text" rows={8} maxlength={5000}>
            {draft.text}
          </textarea>
          <small class="muted">{t('form.markdown-hint')}</small>
        </p>
        <p>
          <label for="videoUrl">{t('moment.field.video-url')}</label>
          <input id="videoUrl" name="videoUrl" type="url" maxlength={500} value={draft.videoUrl} />
          <small class="muted">{t('moment.field.video-url-hint')}</small>
        </p>
        {props.maxVideoMb !== null && (
          <p>
            <label for="video">{t('moment.field.video')}</label>
            <input id="video" name="video" type="file" accept="video/mp4,video/webm" />
            <small class="muted">{t('moment.field.video-hint', { mb: props.maxVideoMb })}</small>
          </p>
        )}
        <p>
          <label class="choice">
            <input type="checkbox" name="spoiler" value="on" checked={draft.spoiler} />{' '}
            {t('moment.field.spoiler')}
          </label>
        </p>
        <p>
          <button type="submit">{t('moment.submit')}</button>
        </p>
      </form>
    </Layout>
  )
}

/** One moment on its own page, with its comments below (passed in as children). */
export function MomentPage(props: {
  moment: PublicMoment
  film: { slug: string; title: string; year: number | null }
  url: string
  children?: Child
}) {
  const { t } = useUi()
  const { moment, film } = props
  return (
    <Layout
      title={moment.spoiler ? t('moment.spoiler-title', { title: film.title }) : moment.title}
      canonical={props.url}
    >
      <p>
        <a href={`/films/${film.slug}/moments`}>{t('moment.film-heading', { title: film.title })}</a>
      </p>
      <MomentCard moment={moment} filmTitle={`${film.title} (${film.year ?? '?'})`} />
      {props.children}
    </Layout>
  )
}

/** After a post: published, or waiting for a moderator. */
export function PostedPage(props: { what: 'moment' | 'comment'; status: string; back: string }) {
  const { t } = useUi()
  const waiting = props.status !== 'approved'
  return (
    <Layout title={waiting ? t('posted.waiting-title') : t('posted.published-title')}>
      <h1>{waiting ? t('posted.waiting-title') : t('posted.published-title')}</h1>
      <p role="status">{waiting ? t(`posted.waiting.${props.what}`) : t(`posted.published.${props.what}`)}</p>
      <p>
        <a href={props.back}>{t('posted.back')}</a>
      </p>
    </Layout>
  )
}
