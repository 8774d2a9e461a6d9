import type { Result } from 'lighthouse'

/** What a reader needs from a Lighthouse report: category scores, metric values, and what cost points. */
export interface AuditShortfall {
  id: string
  score: number
  weight: number
  display?: string
}

export interface CategorySummary {
  id: string
  score: number
  /** Weighted audits below a full score, biggest loss of points first. */
  shortfalls: AuditShortfall[]
}

export function summarizeCategory(report: Result, categoryId: string): CategorySummary | undefined {
  const category = report.categories[categoryId]
  if (!category || category.score === null) return undefined
  const shortfalls = category.auditRefs
    .filter((ref) => ref.weight > 0)
    .flatMap((ref): AuditShortfall[] => {
      const audit = report.audits[ref.id]
      if (!audit || audit.score === null || audit.score >= 1) return []
      return [{ id: ref.id, score: audit.score, weight: ref.weight, display: audit.displayValue }]
    })
    .sort((a, b) => b.weight * (1 - b.score) - a.weight * (1 - a.score))
  return { id: categoryId, score: Math.round(category.score * 100), shortfalls }
}

/** The five weighted metrics of the mobile performance score, as Lighthouse displays them. */
export function metricValues(report: Result): Record<string, string> {
  const metrics = ['first-contentful-paint', 'largest-contentful-paint', 'total-blocking-time', 'cumulative-layout-shift', 'speed-index']
  return Object.fromEntries(metrics.map((id) => [id, report.audits[id]?.displayValue ?? 'n/a']))
}

/** Failed audits the scores do not weigh but a reviewer should see (console errors, CSP, unused JS…). */
export function unweightedFailures(report: Result, categoryIds: string[]): string[] {
  const ids = categoryIds.flatMap((categoryId) => report.categories[categoryId]?.auditRefs.filter((ref) => ref.weight === 0).map((ref) => ref.id) ?? [])
  return ids.filter((id) => {
    const audit = report.audits[id]
    return audit && audit.score !== null && audit.score < 0.9 && audit.scoreDisplayMode !== 'informative'
  })
}

/** Audits Lighthouse could not run (12.2.3 misreads some trace events of newer Chromium); none is weighted today. */
export function erroredAudits(report: Result): string[] {
  return Object.values(report.audits).filter((audit) => audit.scoreDisplayMode === 'error').map((audit) => audit.id)
}

export function formatShortfalls(summary: CategorySummary, limit = 5): string {
  const listed = summary.shortfalls.slice(0, limit).map((s) => `${s.id} ${s.score.toFixed(2)}${s.display ? ` (${s.display})` : ''}`)
  return listed.length ? listed.join('; ') : 'none'
}
