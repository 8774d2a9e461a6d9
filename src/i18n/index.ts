import { createI18n } from 'vue-i18n'
import it from './it'
import en from './en'

export const LOCALES = ['it', 'en'] as const
export type Locale = (typeof LOCALES)[number]
export type MessageSchema = typeof it

const STORAGE_KEY = 'sulcampo.locale'

function initialLocale(): Locale {
  const saved = globalThis.localStorage?.getItem(STORAGE_KEY)
  return saved === 'en' ? 'en' : 'it'
}

export function createAppI18n(locale: Locale = initialLocale()) {
  return createI18n<[MessageSchema], Locale>({
    legacy: false,
    locale,
    fallbackLocale: 'it',
    messages: { it, en },
  })
}

export function rememberLocale(locale: Locale): void {
  globalThis.localStorage?.setItem(STORAGE_KEY, locale)
  document.documentElement.lang = locale
}
