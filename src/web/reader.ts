import type { Context } from 'hono'
import { getCookie } from 'hono/cookie'
import { parseAccept } from 'hono/utils/accept'
import { DEFAULT_READER, type Reader } from './i18n/ui.ts'

export const LANGUAGE_COOKIE = 'retold_language'
export const REGION_COOKIE = 'retold_region'

function parseTag(tag: string): Intl.Locale | undefined {
  try {
    return new Intl.Locale(tag)
  } catch {
    return undefined
  }
}

export function isRegionCode(value: string | undefined): value is string {
  return value !== undefined && /^[A-Z]{2}$/.test(value)
}

export function isLanguageCode(value: string | undefined): value is string {
  return value !== undefined && /^[a-z]{2,3}$/.test(value)
}

/**
 * The reader's language and region: the choice remembered in cookies, else the first usable tag of
 * Accept-Language ("tr-TR" → Turkish in Turkey; "tr" alone → Turkish, region guessed as Turkey).
 */
export function detectReader(c: Context): Reader {
  // Browsers send the same few headers again and again; parsing them (Intl.Locale) is not free.
  const key = `${c.req.header('accept-language') ?? ''}\n${c.req.header('cookie') ?? ''}`
  let reader = READERS.get(key)
  if (!reader) {
    if (READERS.size >= 2000) READERS.clear()
    reader = readerOf(c)
    READERS.set(key, reader)
  }
  return reader
}

const READERS = new Map<string, Reader>()

function readerOf(c: Context): Reader {
  const chosenLanguage = getCookie(c, LANGUAGE_COOKIE)
  const chosenRegion = getCookie(c, REGION_COOKIE)
  const header = c.req.header('accept-language')
  const best = header
    ? parseAccept(header)
        .filter((entry) => entry.q > 0 && entry.type !== '*')
        .map((entry) => parseTag(entry.type))
        .find((locale) => locale !== undefined)
    : undefined
  const language = isLanguageCode(chosenLanguage)
    ? chosenLanguage
    : (best?.language ?? DEFAULT_READER.language)
  const guessed = best?.region ?? best?.maximize().region
  const region =
    chosenRegion === 'XWW'
      ? null
      : isRegionCode(chosenRegion)
        ? chosenRegion
        : isRegionCode(guessed)
          ? guessed
          : null
  return { language, region }
}

/** Languages offered on the preferences page: those of the interface and of the titles Retold holds most. */
export const READER_LANGUAGES = [
  'ar',
  'de',
  'el',
  'en',
  'es',
  'fil',
  'fr',
  'hi',
  'hu',
  'id',
  'it',
  'ja',
  'kn',
  'ko',
  'ml',
  'nl',
  'pl',
  'pt',
  'ru',
  'si',
  'sv',
  'ta',
  'te',
  'th',
  'tr',
  'vi',
  'zh',
]
