import { createI18n, type Composer } from 'vue-i18n'
import { coreIt } from './core-messages-it'
import { objectivesIt } from '~/features/objectives/messages-it'
import { plansIt } from '~/features/objectives/plan-messages-it'
import { profileIt } from '~/features/profile/messages-it'
import { pwaIt } from '~/pwa/messages-it'
import type { FeatureMessages } from './define-messages'
import { compileMessage } from './message-compiler'

export const LOCALES = ['it', 'en'] as const
export type Locale = (typeof LOCALES)[number]

/**
 * The first screen's messages (shell, objectives list, role picker, PWA notices) in Italian, the
 * first language, bundled with the shell; their English is in first-screen-en.ts and every other
 * feature's messages in feature-messages.ts, each loaded when first needed.
 */
const FIRST_SCREEN_IT: object[] = [coreIt, objectivesIt, plansIt, profileIt, pwaIt]

type Messages = Record<string, string | Record<string, unknown>>

function merged(parts: object[]): Messages {
  return Object.assign({}, ...parts) as Messages
}

const STORAGE_KEY = 'sulcampo.locale'

function initialLocale(): Locale {
  const saved = globalThis.localStorage?.getItem(STORAGE_KEY)
  return saved === 'en' ? 'en' : 'it'
}

/**
 * The app's translations with the first screen's Italian; loadLocale adds the first screen's English.
 * `more`: features to include up front in both languages (tests mounting a later screen).
 */
export function createAppI18n(locale: Locale = initialLocale(), more: FeatureMessages<object>[] = []) {
  const messages: Record<Locale, Messages> = { it: merged([...FIRST_SCREEN_IT, ...more.map((f) => f.it)]), en: merged(more.map((f) => f.en)) }
  return createI18n({ legacy: false, locale, fallbackLocale: 'it', messages, messageCompiler: compileMessage })
}

/** The app's global translations (`i18n.global`, or `useI18n()` in a component). */
export type MessageTarget = Pick<Composer, 'mergeLocaleMessage'>

/** Each download once per app; a failed one is forgotten, so the next call retries it. */
function onceFor(cache: WeakMap<MessageTarget, Promise<void>>, i18n: MessageTarget, load: () => Promise<void>): Promise<void> {
  let loaded = cache.get(i18n)
  if (!loaded) {
    loaded = load()
    loaded.catch(() => cache.delete(i18n))
    cache.set(i18n, loaded)
  }
  return loaded
}

const englishLoaded = new WeakMap<MessageTarget, Promise<void>>()

/** The first screen's words in `locale`: awaited before the app starts in English or switches to it. */
export function loadLocale(i18n: MessageTarget, locale: Locale): Promise<void> {
  if (locale === 'it') return Promise.resolve()
  return onceFor(englishLoaded, i18n, () => import('./first-screen-en').then(({ FIRST_SCREEN_EN }) => i18n.mergeLocaleMessage('en', merged(FIRST_SCREEN_EN))))
}

const featureMessagesLoaded = new WeakMap<MessageTarget, Promise<void>>()

/**
 * Adds every feature's messages, in both languages, to the app's translations: once per app,
 * awaited before anything beyond the first screen renders. A failed download is retried next time.
 */
export function loadFeatureMessages(i18n: MessageTarget): Promise<void> {
  return onceFor(featureMessagesLoaded, i18n, () =>
    import('./feature-messages').then(({ FEATURE_MESSAGES }) => {
      for (const locale of LOCALES) i18n.mergeLocaleMessage(locale, merged(FEATURE_MESSAGES.map((f) => f[locale])))
    }),
  )
}

export function rememberLocale(locale: Locale): void {
  globalThis.localStorage?.setItem(STORAGE_KEY, locale)
  document.documentElement.lang = locale
}
