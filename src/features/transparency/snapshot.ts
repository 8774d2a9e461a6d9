import * as v from 'valibot'
import { PROGRESS_STATUSES } from '~/domain/progress/types'

/**
 * A published snapshot as public.published_snapshot answers it (docs/transparency.md): the state
 * of the plan in force on `asOf`, aggregates only. Read through a schema, so a page never shows
 * a guess at an answer of another shape.
 */
const ObjectiveSchema = v.object({
  id: v.string(),
  areaId: v.string(),
  areaName: v.string(),
  position: v.number(),
  title: v.string(),
  /** The PIAO's own wording of the target, e.g. "+10% rispetto al 2022". */
  expectedTarget: v.string(),
  value: v.number(),
  target: v.nullable(v.number()),
  unit: v.string(),
  status: v.picklist(PROGRESS_STATUSES),
  note: v.string(),
})

const BodySchema = v.object({
  asOf: v.string(),
  year: v.number(),
  municipality: v.object({ name: v.string(), istatCode: v.string() }),
  plan: v.object({ id: v.string(), title: v.string(), startYear: v.number(), endYear: v.number(), adoptedBy: v.string(), inForceFrom: v.string() }),
  areas: v.array(v.object({ id: v.string(), name: v.string(), position: v.number() })),
  objectives: v.array(ObjectiveSchema),
})

export const SnapshotSchema = v.object({ id: v.string(), asOf: v.string(), publishedAt: v.string(), body: BodySchema })

export const SnapshotListSchema = v.array(
  v.object({ id: v.string(), asOf: v.string(), publishedAt: v.string(), planTitle: v.string(), municipality: v.string() }),
)

export type PublishedSnapshot = v.InferOutput<typeof SnapshotSchema>
export type PublishedObjective = PublishedSnapshot['body']['objectives'][number]
export type SnapshotSummary = v.InferOutput<typeof SnapshotListSchema>[number]

/** The snapshot's areas in order, each with its objectives; an area without any is left out. */
export function areasWithObjectives(body: PublishedSnapshot['body']) {
  return body.areas
    .map((area) => ({ ...area, objectives: body.objectives.filter((o) => o.areaId === area.id) }))
    .filter((area) => area.objectives.length > 0)
}
