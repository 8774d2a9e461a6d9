import { createI18n } from 'vue-i18n'
import core from './core-messages'
import objectives from '~/features/objectives/messages'
import plans from '~/features/objectives/plan-messages'
import profile from '~/features/profile/messages'
import settings from '~/features/settings/messages'
import pwa from '~/pwa/messages'
import fieldLog from '~/features/field-log/messages'
import validation from '~/domain/validation/messages'
import auth from '~/features/auth/messages'
import syncStatus from '~/features/sync-status/messages'
import dashboard from '~/features/dashboard/messages'
import admin from '~/features/admin/messages'
import dashboardMap from '~/features/dashboard/map/messages'
import planImportCsv from '~/features/plan-editor/plan-import-messages'
import planEditor from '~/features/plan-editor/messages'
import profilesAdmin from '~/features/admin/profiles-messages'
import handover from '~/features/sync-status/handover-messages'
import type { FeatureMessages } from './define-messages'

export const LOCALES = ['it', 'en'] as const
export type Locale = (typeof LOCALES)[number]

/** One line per feature: each owns its messages under its own top-level key. */
const features: FeatureMessages<object>[] = [core, objectives, plans, profile, settings, pwa, fieldLog, validation, auth, syncStatus, dashboard, admin, dashboardMap, planImportCsv, planEditor, profilesAdmin, handover]

type Messages = Record<string, string | Record<string, unknown>>

function merged(locale: Locale): Messages {
  return Object.assign({}, ...features.map((f) => f[locale])) as Messages
}

const STORAGE_KEY = 'sulcampo.locale'

function initialLocale(): Locale {
  const saved = globalThis.localStorage?.getItem(STORAGE_KEY)
  return saved === 'en' ? 'en' : 'it'
}

export function createAppI18n(locale: Locale = initialLocale()) {
  const messages: Record<Locale, Messages> = { it: merged('it'), en: merged('en') }
  return createI18n({ legacy: false, locale, fallbackLocale: 'it', messages })
}

export function rememberLocale(locale: Locale): void {
  globalThis.localStorage?.setItem(STORAGE_KEY, locale)
  document.documentElement.lang = locale
}
