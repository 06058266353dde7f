import { en, type MessageKey, type Messages } from './en.ts'

const CATALOGUES: Record<string, Messages> = { en }

/** Languages the interface is written in; readers of any other language see English. */
export const UI_LANGUAGES = Object.keys(CATALOGUES)

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string

export function createTranslator(language: string): Translate {
  const messages = CATALOGUES[language] ?? en
  return (key, params) => {
    const text = messages[key]
    return params ? text.replace(/\{(\w+)\}/g, (whole, name: string) => String(params[name] ?? whole)) : text
  }
}
