import type { Child } from 'hono/jsx'
import { stylesheet, SUGGEST_SCRIPT } from '../assets.ts'
import { useUi } from '../i18n/ui.ts'
import { TIMELINE_STYLE } from './timeline.tsx'
import { WORLD_MAP_STYLE } from './world-map.tsx'

const STYLE = `
:root { color-scheme: light dark; --fg: #1b1b1f; --bg: #fdfcfa; --muted: #595966; --line: #e2dfd8; --accent: #9c2f27; --accent-bg: #f6e9e4; --warn: #fff1c9; --card: #ffffff; }
@media (prefers-color-scheme: dark) { :root { --fg: #ecebe8; --bg: #141417; --muted: #b0afb8; --line: #34333a; --accent: #f2998f; --accent-bg: #3a2320; --warn: #3d3420; --card: #1c1c21; } }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.55 system-ui, -apple-system, "Segoe UI", "Noto Sans", "Noto Sans CJK KR", sans-serif; color: var(--fg); background: var(--bg); }
a { color: var(--accent); text-underline-offset: .15em; }
a:focus-visible, summary:focus-visible, button:focus-visible, select:focus-visible, input:focus-visible, [tabindex]:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
.skip { position: absolute; left: -999px; top: 0; background: var(--bg); padding: .5rem 1rem; z-index: 10; }
.skip:focus { left: 1rem; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
.site-search { display: flex; gap: .3rem; flex: 1 1 14rem; max-width: 24rem; }
.site-search { position: relative; }
.site-search input { flex: 1; min-width: 0; }
ul.suggestions { position: absolute; top: 100%; left: 0; right: 0; z-index: 20; margin: .2rem 0 0; padding: .2rem 0; list-style: none; background: var(--card); border: 1px solid var(--line); border-radius: .4rem; box-shadow: 0 6px 18px rgb(0 0 0 / .15); }
ul.suggestions li { padding: .3rem .6rem; }
ul.suggestions li[aria-selected="true"] { background: var(--accent-bg); }
ul.suggestions li { cursor: pointer; }
ol.results li { margin: .5rem 0; }
.wrap { max-width: 76rem; margin: 0 auto; padding: 0 1rem; }
header.site { border-bottom: 1px solid var(--line); }
header.site .wrap { display: flex; flex-wrap: wrap; gap: .25rem 1rem; align-items: baseline; padding-top: .8rem; padding-bottom: .8rem; }
header.site a.brand { font-weight: 800; font-size: 1.3rem; text-decoration: none; color: var(--fg); letter-spacing: -.01em; }
header.site .prefs { margin-left: auto; font-size: .9rem; }
main.wrap { padding-top: 1rem; padding-bottom: 2rem; }
footer.site { border-top: 1px solid var(--line); padding: 1rem 0 2rem; color: var(--muted); font-size: .9rem; }
h1 { line-height: 1.15; margin: .4rem 0 .6rem; font-size: clamp(1.7rem, 4vw, 2.5rem); letter-spacing: -.01em; }
h1 small { color: var(--muted); font-weight: 400; }
h2 { margin-top: 2rem; border-bottom: 1px solid var(--line); padding-bottom: .2rem; }
.muted { color: var(--muted); }
.lead { font-size: 1.1rem; max-width: 48rem; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; }
th, td { text-align: left; vertical-align: top; padding: .45rem .6rem; border-bottom: 1px solid var(--line); }
thead th { font-size: .85rem; text-transform: uppercase; letter-spacing: .04em; color: var(--muted); }
table.facts th { width: 34%; font-weight: 600; }
.scroll { overflow-x: auto; margin: .5rem 0 1rem; }
.conflict { display: block; background: var(--warn); border-radius: .4rem; padding: .35rem .6rem; margin-top: .3rem; font-size: .95rem; }
th[scope="row"] .note { font-weight: 400; font-size: .9rem; }
table.across th[scope="row"] { position: sticky; left: 0; background: var(--bg); z-index: 1; }
table.across thead th { min-width: 9rem; }
.legend { display: flex; flex-wrap: wrap; gap: .3rem 1.2rem; font-size: .9rem; color: var(--muted); margin: .3rem 0 1rem; padding: 0; list-style: none; }
.legend .swatch { display: inline-block; width: .9rem; height: .9rem; border-radius: .2rem; vertical-align: -.1rem; margin-right: .35rem; }
sup.cite a { text-decoration: none; font-size: .8em; padding: 0 .05em; }
details.spoiler { border: 1px dashed var(--accent); border-radius: .5rem; padding: .4rem .8rem; margin: .4rem 0; }
details.spoiler > summary { cursor: pointer; font-weight: 600; color: var(--accent); }
ol.sources { font-size: .92rem; }
ol.sources li { margin-bottom: .3rem; }
ul.cards { list-style: none; padding: 0; display: grid; gap: 1rem; grid-template-columns: repeat(auto-fill, minmax(17rem, 1fr)); }
ul.cards > li { background: var(--card); border: 1px solid var(--line); border-radius: .7rem; padding: .9rem 1rem; }
ul.cards h2, ul.cards h3 { margin: 0 0 .3rem; border: 0; font-size: 1.2rem; }
.badge { display: inline-block; font-size: .75rem; font-weight: 700; letter-spacing: .03em; text-transform: uppercase; border-radius: .3rem; padding: .05rem .4rem; background: var(--accent-bg); color: var(--fg); vertical-align: middle; }
.film-head { display: grid; grid-template-columns: minmax(0, 1fr); gap: 1rem 1.5rem; }
@media (min-width: 700px) { .film-head { grid-template-columns: 12rem minmax(0, 1fr); } }
.poster img, .poster svg { width: 100%; max-width: 7rem; height: auto; border-radius: .5rem; display: block; }
@media (min-width: 700px) { .poster img, .poster svg { max-width: 12rem; } }
.answers dt { font-weight: 700; margin-top: .8rem; }
.answers dd { margin: .2rem 0 0; }
form.inline { display: flex; flex-wrap: wrap; gap: .5rem; align-items: end; }
label { font-weight: 600; }
select, input, button { font: inherit; padding: .3rem .5rem; border: 1px solid var(--muted); border-radius: .35rem; background: var(--card); color: var(--fg); }
button { cursor: pointer; background: var(--accent); color: var(--bg); border-color: var(--accent); font-weight: 600; }
fieldset { border: 1px solid var(--line); border-radius: .5rem; }
label.choice { font-weight: 400; margin-right: 1rem; display: inline-block; }
.versions-grid { display: grid; gap: 1rem; grid-template-columns: repeat(auto-fill, minmax(15rem, 1fr)); list-style: none; padding: 0; }
.versions-grid > li { background: var(--card); border: 1px solid var(--line); border-radius: .7rem; padding: .8rem 1rem; }
.versions-grid .title { font-weight: 700; font-size: 1.1rem; }
.versions-grid dl { display: grid; grid-template-columns: 6.5rem minmax(0, 1fr); gap: .2rem .7rem; margin: .5rem 0 0; font-size: .93rem; }
.disputed { color: var(--muted); font-size: .85em; font-style: italic; }
.hp { position: absolute; left: -10000px; width: 1px; height: 1px; overflow: hidden; }
.versions-grid dt { color: var(--muted); }
textarea { font: inherit; padding: .4rem .5rem; border: 1px solid var(--muted); border-radius: .35rem; background: var(--card); color: var(--fg); }
form.stacked { max-width: 40rem; }
form.stacked p, form.stacked details p { display: flex; flex-direction: column; gap: .25rem; margin: .9rem 0; }
form.stacked input:not([type="checkbox"]), form.stacked select, form.stacked textarea { width: 100%; }
form.stacked small { font-size: .85rem; }
form.stacked button { align-self: flex-start; }
.moments { display: grid; gap: 1rem; }
article.moment { background: var(--card); border: 1px solid var(--line); border-radius: .7rem; padding: .8rem 1rem; }
article.moment h3 { margin: .2rem 0 .4rem; font-size: 1.15rem; }
article.moment details.spoiler { margin: 0; }
article.moment video { width: 100%; max-width: 40rem; border-radius: .4rem; }
.byline { font-size: .9rem; margin: .3rem 0; }
ol.comments, ol.replies, ol.queue { list-style: none; padding: 0; }
ol.comments > li + li { border-top: 1px solid var(--line); }
ol.comments > li { padding: .4rem 0; }
details:not([open]) > summary .when-open, details[open] > summary .when-closed { display: none; }
.queue-title { margin: .2rem 0 .4rem; border: 0; font-size: 1.15rem; }
form.inline button[value="reject"], form.inline button[value="spam"] { background: var(--card); color: var(--accent); }
ol.replies { margin-left: 1.5rem; border-left: 3px solid var(--line); padding-left: 1rem; }
blockquote.replying-to { border-left: 3px solid var(--line); margin: .5rem 0; padding-left: 1rem; }
ol.queue > li { background: var(--card); border: 1px solid var(--line); border-radius: .7rem; padding: .8rem 1rem; margin-bottom: 1rem; }
ol.scene-counts li, ul.country-counts li { margin: .25rem 0; }
details.spoiler.inline { display: inline-block; padding: 0 .4rem; margin: 0; }
.versions-grid dd { margin: 0; }
`

/** The site's one stylesheet, served under a hash of its text (see assets.ts). */
export const STYLESHEET = stylesheet('retold', STYLE + WORLD_MAP_STYLE + TIMELINE_STYLE)

export interface PageMeta {
  title: string
  description?: string | undefined
  canonical?: string | undefined
  /** Extra tags for <head>: OpenGraph, JSON-LD. */
  head?: Child
}

export function Layout(props: PageMeta & { children: Child }) {
  const ui = useUi()
  const { t, reader } = ui
  return (
    <html lang={ui.language}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${props.title} · ${t('site.name')}`}</title>
        {props.description && <meta name="description" content={props.description} />}
        {props.canonical && <link rel="canonical" href={props.canonical} />}
        {props.head}
        <link rel="stylesheet" href={STYLESHEET.path} />
        <script type="module" src={SUGGEST_SCRIPT.path} />
      </head>
      <body>
        <a class="skip" href="#main">
          {t('site.skip')}
        </a>
        <header class="site">
          <div class="wrap">
            <a class="brand" href="/">
              {t('site.name')}
            </a>
            <span class="muted">{t('site.tagline')}</span>
            <form method="get" action="/search" role="search" class="site-search">
              <label for="site-q" class="visually-hidden">
                {t('search.label')}
              </label>
              <input
                id="site-q"
                type="search"
                name="q"
                placeholder={t('search.label')}
                maxlength={200}
                data-suggest
                data-suggestions-count={t('search.suggestions-count')}
                data-suggestions-label={t('search.suggestions')}
              />
              <button type="submit">{t('search.submit')}</button>
            </form>
            <a class="prefs" href="/preferences">
              {ui.languageName(reader.language)} ·{' '}
              {reader.region ? ui.country(reader.region) : t('prefs.worldwide')}
            </a>
          </div>
        </header>
        <main id="main" class="wrap" tabindex={-1}>
          {props.children}
        </main>
        <footer class="site">
          <div class="wrap">{t('site.footer')}</div>
        </footer>
      </body>
    </html>
  )
}
