import type { Indicator } from '~/domain/objective'
import type { ObjectiveSetting } from '~/domain/plan-data'
import { countTarget } from '~/domain/progress/count'
import { ROME_TIME_ZONE } from '~/domain/time-rome'

/** The slice of vue-i18n's `t` these helpers need, so they stay testable without a component. */
export type Translate = (key: string, named?: Record<string, unknown>) => string

const K = 'objectives.indicator'

/** The manager's figures for an objective (`objectiveSettings`), null until they set any. */
export type ManagerFigures = ObjectiveSetting | null

/** A baseline the PIAO leaves to the manager, as a note after the target: theirs once set. */
function baselineNote(indicator: Indicator, setting: ManagerFigures, t: Translate): string {
  if (indicator.baseline.source !== 'manager') return ''
  const value = setting?.baselineValue ?? indicator.baseline.value
  return ' ' + (value === null ? t(`${K}.baselineMissing`) : t(`${K}.baselineKnown`, { value }))
}

/** The same target the progress figures use (domain countTarget), so words and numbers agree. */
function countSentence(indicator: Indicator, setting: ManagerFigures, t: Translate): string {
  const resolved = countTarget(indicator, setting)
  const year = indicator.baseline.year ?? ''
  if (!('missing' in resolved) && resolved.baseline !== null && resolved.pct !== null) {
    return t(`${K}.countRelativeKnown`, { pct: resolved.pct, year, baseline: resolved.baseline, target: resolved.target })
  }
  if (indicator.relativeIncreasePct !== null) return t(`${K}.countRelative`, { pct: indicator.relativeIncreasePct, year }) + baselineNote(indicator, setting, t)
  const target = 'missing' in resolved ? null : resolved.target
  const sentence = target === null
    ? t(`${K}.countByManager`, { unit: indicator.unit })
    : t(`${K}.countAbsolute`, { target, unit: indicator.unit, period: t(`${K}.per.${indicator.period}`) })
  return sentence + baselineNote(indicator, setting, t)
}

/**
 * The indicator's target as one sentence, e.g. "Target: +10% rispetto al 2022 (valore di
 * partenza da inserire)", once the manager set it "Target: +10% rispetto al 2022 (400 → obiettivo
 * 440)", or "Target: ≥ 75% entro 8 giorni". Units stay Italian as in the PIAO.
 */
export function describeTarget(indicator: Indicator, t: Translate, setting: ManagerFigures = null): string {
  switch (indicator.kind) {
    case 'count':
      return countSentence(indicator, setting, t)
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
