import type { EntryKind } from '~/domain/entry'
import type { Objective } from '~/domain/objective'

/** Kinds an office user logs against an objective they pick (not one-tap field work). */
export const OFFICE_KINDS = ['count_update', 'milestone_update', 'check'] as const satisfies readonly EntryKind[]
export type OfficeKind = (typeof OFFICE_KINDS)[number]

/** The office kind that feeds an objective, if it is fed from the office at all. */
export function officeKindOf(objective: Objective): OfficeKind | undefined {
  return OFFICE_KINDS.find((k) => objective.indicator.entryKinds.includes(k))
}
