import type { Indicator } from '~/domain/objective'
import { ROME_TIME_ZONE } from '~/domain/time-rome'

/** The slice of vue-i18n's `t` these helpers need, so they stay testable without a component. */
export type Translate = (key: string, named?: Record<string, unknown>) => string

const K = 'objectives.indicator'

function baselineNote(indicator: Indicator, t: Translate): string {
  if (indicator.baseline.source !== 'manager') return ''
  const value = indicator.baseline.value
  return ' ' + (value === null ? t(`${K}.baselineMissing`) : t(`${K}.baselineKnown`, { value }))
}

function countTarget(indicator: Indicator, t: Translate): string {
  const period = t(`${K}.per.${indicator.period}`)
  if (indicator.relativeIncreasePct !== null) {
    return t(`${K}.countRelative`, { pct: indicator.relativeIncreasePct, year: indicator.baseline.year ?? '' })
  }
  if (indicator.target !== null) return t(`${K}.countAbsolute`, { target: indicator.target, unit: indicator.unit, period })
  return t(`${K}.countByManager`, { unit: indicator.unit })
}

/**
 * The indicator's target as one sentence, e.g. "Target: +10% rispetto al 2022 (valore di
 * partenza da inserire)" or "Target: ≥ 75% entro 8 giorni". Units stay Italian as in the PIAO.
 */
export function describeTarget(indicator: Indicator, t: Translate): string {
  switch (indicator.kind) {
    case 'count':
      return countTarget(indicator, t) + baselineNote(indicator, t)
    case 'share':
      return indicator.withinDays === null
        ? t(`${K}.share`, { target: indicator.target })
        : t(`${K}.shareWithin`, { target: indicator.target, days: indicator.withinDays })
    case 'completion':
      return t(`${K}.completion`, { target: indicator.target ?? 100 })
    case 'milestone':
      return t(`${K}.milestone`)
    case 'no_findings':
      return t(`${K}.noFindings`)
  }
}

/** A date-only ISO string (YYYY-MM-DD) in the long form of the locale, read as a Rome calendar day. */
export function formatLongDate(isoDate: string, locale: string): string {
  // Noon UTC is the same calendar day in Rome whatever the season.
  const noon = new Date(`${isoDate}T12:00:00Z`)
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: ROME_TIME_ZONE }).format(noon)
}
