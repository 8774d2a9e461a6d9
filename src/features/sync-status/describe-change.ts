import type { ConflictRecord } from '~/db/sync-meta'

type Translate = (key: string, named?: Record<string, unknown>) => string
type Has = (key: string) => boolean

const raw = (value: unknown): string => (typeof value === 'string' ? value : JSON.stringify(value))

/** One sentence per overridden field: "Il tuo valore “in corso” per lo stato è stato superato da “risolta”…". */
export function conflictLines(conflict: ConflictRecord, t: Translate, te: Has): string[] {
  const word = (field: string, value: unknown) => {
    const key = `syncStatus.page.statusValues.${raw(value)}`
    return field === 'status' && te(key) ? t(key) : raw(value)
  }
  return Object.keys(conflict.lost).map((field) => {
    const fieldKey = `syncStatus.page.fields.${field}`
    return t('syncStatus.page.conflictLine', {
      field: te(fieldKey) ? t(fieldKey) : field,
      lost: word(field, conflict.lost[field]),
      kept: word(field, conflict.kept[field]),
    })
  })
}
