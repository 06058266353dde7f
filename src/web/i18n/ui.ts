import { createContext, useContext } from 'hono/jsx'
import { formatValue, type ClaimValue, type SpoilerLevel } from '../../domain/index.ts'
import { createTranslator, UI_LANGUAGES, type Translate } from './catalogue.ts'

/** Who is reading: their language orders titles and words the page; their region picks where to watch. */
export interface Reader {
  language: string
  region: string | null
}

export const DEFAULT_READER: Reader = { language: 'en', region: null }

/** Everything a page needs to speak the reader's language. */
export interface Ui {
  reader: Reader
  /** The language the page is written in: the reader's when the catalogue has it, else English. */
  language: string
  t: Translate
  country(code: string): string
  languageName(code: string): string
  number(value: number): string
  date(iso: string): string
  value(value: ClaimValue): string
  spoiler(level: SpoilerLevel): string
}

export function createUi(reader: Reader): Ui {
  // Names, numbers and dates follow the language the page is written in, not a language it cannot speak.
  const language = UI_LANGUAGES.includes(reader.language) ? reader.language : 'en'
  const t = createTranslator(language)
  const locale = [language]
  const regions = new Intl.DisplayNames(locale, { type: 'region', fallback: 'code' })
  const languages = new Intl.DisplayNames(locale, { type: 'language', fallback: 'code' })
  const numbers = new Intl.NumberFormat(locale)
  const dates = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' })
  const months = new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'long', timeZone: 'UTC' })
  const currencies = new Map<string, Intl.NumberFormat>()
  const currency = (code: string) => {
    let format = currencies.get(code)
    if (!format) {
      format = new Intl.NumberFormat(locale, { style: 'currency', currency: code, maximumFractionDigits: 0 })
      currencies.set(code, format)
    }
    return format
  }
  const safe = <T>(format: () => T, fallback: T) => {
    try {
      return format()
    } catch {
      return fallback
    }
  }
  return {
    reader,
    language,
    t,
    country: (code) => (code === 'XWW' ? t('prefs.worldwide') : safe(() => regions.of(code) ?? code, code)),
    languageName: (code) => safe(() => languages.of(code) ?? code, code),
    number: (value) => numbers.format(value),
    date: (iso) => {
      if (/^\d{4}-\d{2}-\d{2}$/.test(iso)) return dates.format(new Date(`${iso}T00:00:00Z`))
      if (/^\d{4}-\d{2}$/.test(iso)) return months.format(new Date(`${iso}-01T00:00:00Z`))
      return iso
    },
    value: (value) => {
      if (typeof value === 'number') return numbers.format(value)
      if (typeof value === 'object' && 'currency' in value) {
        return safe(() => currency(value.currency).format(value.amount), formatValue(value))
      }
      return formatValue(value)
    },
    spoiler: (level) => (level === 'none' ? '' : t(`spoiler.level.${level}`)),
  }
}

const UIS = new Map<string, Ui>()

/** The Ui of a reader, built once per language and region: its Intl formatters are costly to make. */
export function uiFor(reader: Reader): Ui {
  const key = `${reader.language}|${reader.region ?? ''}`
  let ui = UIS.get(key)
  if (!ui) {
    if (UIS.size >= 1000) UIS.clear()
    ui = createUi(reader)
    UIS.set(key, ui)
  }
  return ui
}

export const UiContext = createContext<Ui>(createUi(DEFAULT_READER))

export function useUi(): Ui {
  return useContext(UiContext)
}
