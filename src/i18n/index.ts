import { createI18n, type Composer } from 'vue-i18n'
import core from './core-messages'
import objectives from '~/features/objectives/messages'
import plans from '~/features/objectives/plan-messages'
import profile from '~/features/profile/messages'
import pwa from '~/pwa/messages'
import type { FeatureMessages } from './define-messages'
import { compileMessage } from './message-compiler'

export const LOCALES = ['it', 'en'] as const
export type Locale = (typeof LOCALES)[number]

/**
 * The messages of the first screen (shell, objectives list, role picker, PWA notices), bundled
 * with the shell; every other feature's are in feature-messages.ts, loaded when first needed.
 */
const FIRST_SCREEN_MESSAGES: FeatureMessages<object>[] = [core, objectives, plans, profile, pwa]

type Messages = Record<string, string | Record<string, unknown>>

function merged(features: FeatureMessages<object>[], locale: Locale): Messages {
  return Object.assign({}, ...features.map((f) => f[locale])) as Messages
}

const STORAGE_KEY = 'sulcampo.locale'

function initialLocale(): Locale {
  const saved = globalThis.localStorage?.getItem(STORAGE_KEY)
  return saved === 'en' ? 'en' : 'it'
}

/** `more`: features to include up front besides the first screen's (tests mounting a later screen). */
export function createAppI18n(locale: Locale = initialLocale(), more: FeatureMessages<object>[] = []) {
  const features = [...FIRST_SCREEN_MESSAGES, ...more]
  const messages: Record<Locale, Messages> = { it: merged(features, 'it'), en: merged(features, 'en') }
  return createI18n({ legacy: false, locale, fallbackLocale: 'it', messages, messageCompiler: compileMessage })
}

/** The app's global translations (`i18n.global`, or `useI18n()` in a component). */
export type MessageTarget = Pick<Composer, 'mergeLocaleMessage'>

const featureMessagesLoaded = new WeakMap<MessageTarget, Promise<void>>()

/**
 * Adds every feature's messages, in both languages, to the app's translations: once per app,
 * awaited before anything beyond the first screen renders. A failed download is retried next time.
 */
export function loadFeatureMessages(i18n: MessageTarget): Promise<void> {
  let loaded = featureMessagesLoaded.get(i18n)
  if (!loaded) {
    loaded = import('./feature-messages').then(({ FEATURE_MESSAGES }) => {
      for (const locale of LOCALES) i18n.mergeLocaleMessage(locale, merged(FEATURE_MESSAGES, locale))
    })
    loaded.catch(() => featureMessagesLoaded.delete(i18n))
    featureMessagesLoaded.set(i18n, loaded)
  }
  return loaded
}

export function rememberLocale(locale: Locale): void {
  globalThis.localStorage?.setItem(STORAGE_KEY, locale)
  document.documentElement.lang = locale
}
