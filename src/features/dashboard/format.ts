import type { Progress } from '~/domain/progress'
import { ROME_TIME_ZONE } from '~/domain/time-rome'

/** A figure with its unit: "412 pattuglie", "75%". Units stay Italian, as in the PIAO. */
export function formatFigure(value: number | null, unit: string, locale: string): string {
  if (value === null) return '—'
  const n = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(value)
  return unit === '%' ? `${n}%` : `${n} ${unit}`
}

export function formatDateTime(iso: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { timeZone: ROME_TIME_ZONE, dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso))
}

export function formatDate(iso: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { timeZone: ROME_TIME_ZONE, dateStyle: 'medium' }).format(new Date(iso))
}

/** Progress bar fill in percent: how far along the target, capped at 100. */
export function barPercent(progress: Progress): number | null {
  if (progress.target === null) return null
  return Math.max(0, Math.min(100, Math.round(progress.ratio * 100)))
}

export const DAY_MS = 86_400_000

/** Data is stale when the last sync is more than a day old (never-synced device data is not "stale", just local). */
export function isStale(lastSyncAt: string | null, now: Date): boolean {
  return lastSyncAt !== null && now.getTime() - Date.parse(lastSyncAt) > DAY_MS
}
