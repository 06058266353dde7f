import type { Child } from 'hono/jsx'

const STYLE = `
:root { color-scheme: light dark; --fg: #1b1b1f; --bg: #fdfcfa; --muted: #5f5f6b; --line: #e2dfd8; --accent: #a1322a; --warn: #fff4d6; }
@media (prefers-color-scheme: dark) { :root { --fg: #ecebe8; --bg: #16161a; --muted: #a5a4ad; --line: #34333a; --accent: #f08a7e; --warn: #3a3220; } }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.55 system-ui, sans-serif; color: var(--fg); background: var(--bg); }
a { color: var(--accent); }
a:focus-visible, summary:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
header.site, main, footer.site { max-width: 72rem; margin: 0 auto; padding: 1rem; }
header.site { display: flex; gap: 1rem; align-items: baseline; border-bottom: 1px solid var(--line); }
header.site a.brand { font-weight: 700; font-size: 1.25rem; text-decoration: none; color: var(--fg); }
h1 { line-height: 1.2; margin: .5rem 0; } h1 small { color: var(--muted); font-weight: 400; }
.muted { color: var(--muted); }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1.5rem; }
th, td { text-align: left; vertical-align: top; padding: .4rem .6rem; border-bottom: 1px solid var(--line); }
.scroll { overflow-x: auto; }
.conflict { background: var(--warn); border-radius: .4rem; padding: .4rem .6rem; }
sup a { text-decoration: none; }
details { border: 1px solid var(--line); border-radius: .5rem; padding: .5rem .8rem; margin: .5rem 0; }
summary { cursor: pointer; font-weight: 600; }
ol.sources li { margin-bottom: .3rem; }
ul.cards { list-style: none; padding: 0; display: grid; gap: 1rem; grid-template-columns: repeat(auto-fill, minmax(16rem, 1fr)); }
ul.cards li { border: 1px solid var(--line); border-radius: .6rem; padding: .8rem 1rem; }
`

export function Layout(props: { title: string; children: Child; canonical?: string }) {
  return (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${props.title} · Retold`}</title>
        {props.canonical && <link rel="canonical" href={props.canonical} />}
        <style>{STYLE}</style>
      </head>
      <body>
        <header class="site">
          <a class="brand" href="/">
            Retold
          </a>
          <span class="muted">every story, every retelling</span>
        </header>
        <main id="main">{props.children}</main>
        <footer class="site muted">
          Every fact cites its sources; where they disagree, Retold shows both.
        </footer>
      </body>
    </html>
  )
}
