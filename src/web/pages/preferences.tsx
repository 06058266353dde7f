import { useUi } from '../i18n/ui.ts'
import { Layout } from './layout.tsx'

/** The reader's language and region, remembered in cookies. A GET form: it only sets preferences. */
export function PreferencesPage(props: {
  languages: readonly string[]
  regions: readonly string[]
  back: string
}) {
  const ui = useUi()
  const { t, reader } = ui
  const byName = (names: (code: string) => string) => (a: string, b: string) =>
    names(a).localeCompare(names(b), reader.language)
  return (
    <Layout title={t('prefs.title')}>
      <h1>{t('prefs.title')}</h1>
      <form method="get" action="/preferences" class="inline">
        <input type="hidden" name="back" value={props.back} />
        <div>
          <label for="language">{t('prefs.language')}</label>
          <br />
          <select id="language" name="language">
            {[...props.languages].sort(byName(ui.languageName)).map((code) => (
              <option value={code} selected={code === reader.language}>
                {ui.languageName(code)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label for="region">{t('prefs.region')}</label>
          <br />
          <select id="region" name="region">
            <option value="XWW" selected={reader.region === null}>
              {t('prefs.worldwide')}
            </option>
            {[...props.regions].sort(byName(ui.country)).map((code) => (
              <option value={code} selected={code === reader.region}>
                {ui.country(code)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <button type="submit">{t('prefs.save')}</button>
        </div>
      </form>
    </Layout>
  )
}
