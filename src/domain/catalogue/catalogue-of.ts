import type { Objective, Plan } from '../objective'
import type { PlanRecord } from '../plan'
import type { Area } from './areas'
import type { Catalogue } from './validate'

/**
 * A cached plan back in the import format (`{ plan, areas, objectives }`, docs/plan-format.md):
 * what the editor edits and what `import_plan` takes. Cached rows carry more than the format
 * (the lifecycle, a sync version): only the format's own fields are kept, since its schema is
 * strict and would refuse the rest.
 */
export function catalogueOf(record: PlanRecord, objectives: readonly Objective[]): Catalogue {
  const { id, title, municipality, startYear, endYear, approvedBy } = record
  const plan: Plan = { id, title, municipality, startYear, endYear, approvedBy }
  const areas = [...record.areas].sort((a, b) => a.position - b.position).map(areaFields)
  const own = objectives.filter((o) => o.planId === id)
  const order = new Map(areas.map((a, i) => [a.id, i]))
  own.sort((a, b) => (order.get(a.areaId) ?? 0) - (order.get(b.areaId) ?? 0) || a.position - b.position)
  return { plan, areas, objectives: own.map(objectiveFields) }
}

const areaFields = ({ id, nameIt, nameEn, position }: Area): Area => ({ id, nameIt, nameEn, position })

function objectiveFields(o: Objective): Objective {
  return {
    id: o.id,
    planId: o.planId,
    areaId: o.areaId,
    position: o.position,
    contributingAreas: [...o.contributingAreas],
    title: o.title,
    responsabile: o.responsabile,
    stakeholder: o.stakeholder,
    contributors: o.contributors,
    timeframe: o.timeframe,
    measurement: o.measurement,
    baselineText: o.baselineText,
    expectedTarget: o.expectedTarget,
    dataSource: o.dataSource,
    indicator: { ...o.indicator, baseline: { ...o.indicator.baseline }, entryKinds: [...o.indicator.entryKinds] },
    // Only a real carry-over is written: the bundled plan's objectives have none.
    ...(o.continuesObjectiveId ? { continuesObjectiveId: o.continuesObjectiveId } : {}),
  }
}
