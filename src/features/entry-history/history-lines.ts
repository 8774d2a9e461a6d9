import { formatRomeDateTime } from '~/features/sync-status/format-time'
import type { EntryChange } from './entry-history-api'

/**
 * The server's change history of an entry, as lines people read: when (Rome time), who, the field
 * in words and its values formatted (statuses, priorities, decline reasons, dates, names). A value
 * that lost a conflict says it was not applied, whose value prevailed and by which rule.
 */

type Translate = (key: string, named?: Record<string, unknown>) => string
type Has = (key: string) => boolean

export interface HistoryContext {
  t: Translate
  te: Has
  locale: string
  /** A display name the device knows, or null. */
  nameOf: (userId: string) => string | null
}

export interface HistoryLine {
  /** "04/12/26, 21:40, Maria Rossi". */
  heading: string
  /** "Priorità: Normale → Urgente", or for a lost value "Priorità: proposto “Bassa”". */
  change: string
  /** A value that lost a conflict: "Non applicato: ha prevalso il valore di …". */
  lost: string | null
  /** The rule that decided the conflict, or the note on a stale edit that replaced a newer value. */
  note: string | null
}

/** Fields that are the area manager's in a conflict; the work status is the assignee's. */
const MANAGER_FIELDS = new Set(['workOrder.assignees', 'workOrder.handBackReason', 'workOrder.priority', 'workOrder.dueOn', 'workOrder.declineReason', 'workOrder.duplicateOf'])
const ASSIGNEE_FIELDS = new Set(['status', 'payload.resolvedAt'])
const INSTANTS = new Set(['occurredAt', 'payload.startedAt', 'payload.endedAt', 'payload.reportedAt', 'payload.resolvedAt'])
const DAYS = new Set(['workOrder.dueOn', 'payload.date'])
/** Fields whose values are codes, with where their words are. */
const CHOICES: Record<string, string> = {
  status: 'fieldLog.reports.status',
  'workOrder.priority': 'workOrders.priorities',
  'workOrder.declineReason': 'workOrders.reasons',
  'payload.category': 'fieldLog.options.category',
  'payload.channel': 'fieldLog.options.channel',
  'payload.topic': 'fieldLog.options.topic',
  'payload.outcome': 'fieldLog.options.outcome',
  'payload.action': 'fieldLog.options.action',
}

export function fieldLabel(field: string, { t, te }: Pick<HistoryContext, 't' | 'te'>): string {
  const key = `entryHistory.fields.${field}`
  return te(key) ? t(key) : field
}

export function formatValue(field: string, value: unknown, ctx: HistoryContext): string {
  const { t, te, locale } = ctx
  if (value === null || value === undefined || (Array.isArray(value) && value.length === 0)) return t('entryHistory.none')
  if (field === 'workOrder.assignees' && Array.isArray(value)) return value.map((id) => personName(String(id), ctx)).join(', ')
  if (field === 'workOrder.duplicateOf') return t('entryHistory.report', { id: String(value).slice(0, 8) })
  if (typeof value === 'boolean') return t(value ? 'entryHistory.yes' : 'entryHistory.no')
  if (typeof value === 'string') {
    const choice = CHOICES[field] && `${CHOICES[field]}.${value}`
    if (choice && te(choice)) return t(choice)
    if (INSTANTS.has(field) && !Number.isNaN(Date.parse(value))) return formatRomeDateTime(value, locale)
    if (DAYS.has(field) && /^\d{4}-\d{2}-\d{2}$/.test(value)) return formatDay(value, locale)
    return value
  }
  if (Array.isArray(value)) return value.map(String).join(', ')
  if (typeof value === 'object') return formatObject(field, value as Record<string, unknown>, ctx)
  return String(value)
}

export function historyLines(changes: readonly EntryChange[], ctx: HistoryContext): HistoryLine[] {
  const { t } = ctx
  return changes.map((change, index) => {
    const field = fieldLabel(change.field, ctx)
    const heading = t('entryHistory.when', { when: formatRomeDateTime(change.changedAt, ctx.locale), who: whoOf(change.changedBy, ctx) })
    if (change.reason !== 'conflict_lost') {
      const before = formatValue(change.field, change.oldValue, ctx)
      const after = formatValue(change.field, change.newValue, ctx)
      const note = change.reason === 'conflict_overwritten' ? t('entryHistory.overwritten') : null
      return { heading, change: t('entryHistory.change', { field, before, after }), lost: null, note }
    }
    // conflict_lost: oldValue is the value kept, newValue the one that lost.
    const keptBy = keptValueAuthor(changes, index)
    return {
      heading,
      change: t('entryHistory.proposed', { field, lost: formatValue(change.field, change.newValue, ctx) }),
      lost: t('entryHistory.lost', { name: whoOf(keptBy, ctx), kept: formatValue(change.field, change.oldValue, ctx) }),
      note: t(`entryHistory.rules.${ruleOf(change.field)}`),
    }
  })
}

function ruleOf(field: string): 'manager' | 'assignee' | 'stored' {
  if (MANAGER_FIELDS.has(field)) return 'manager'
  return ASSIGNEE_FIELDS.has(field) ? 'assignee' : 'stored'
}

/** Who wrote the value a proposal lost to: the last change of that field applied before it. */
function keptValueAuthor(changes: readonly EntryChange[], index: number): string | null {
  const field = changes[index]?.field
  for (let i = index - 1; i >= 0; i--) {
    const earlier = changes[i] as EntryChange
    if (earlier.field === field && earlier.reason !== 'conflict_lost') return earlier.changedBy
  }
  return null
}

function whoOf(userId: string | null, ctx: HistoryContext): string {
  return userId ? personName(userId, ctx) : ctx.t('entryHistory.someone')
}

function personName(userId: string, ctx: HistoryContext): string {
  return ctx.nameOf(userId) ?? ctx.t('entryHistory.someone')
}

/** A calendar day (YYYY-MM-DD) in the reader's language; it names a day, not an instant, so no time zone shifts it. */
function formatDay(day: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`))
}

/** A position as coordinates; other objects (the violation counts) as "label value" pairs. */
function formatObject(field: string, value: Record<string, unknown>, { t, te }: HistoryContext): string {
  if (typeof value.lat === 'number' && typeof value.lng === 'number') return `${value.lat.toFixed(5)}, ${value.lng.toFixed(5)}`
  return Object.entries(value)
    .map(([key, item]) => {
      const label = `fieldLog.fields.${field.replace(/^payload\./, '')}.${key}`
      return `${te(label) ? t(label) : key} ${typeof item === 'string' ? item : JSON.stringify(item)}`
    })
    .join(', ')
}
