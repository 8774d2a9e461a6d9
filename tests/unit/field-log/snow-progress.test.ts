import { describe, expect, it } from 'vitest'
import type { Entry } from '~/domain/entry'
import type { SnowRoute } from '~/domain/plan-data'
import { snowProgress } from '~/features/field-log/snow-progress'

const aRoute = (id: string): SnowRoute => ({ id, name: id, description: '', priority: 1, active: true, version: 1, updatedAt: '', deleted: false })
const anIntervention = (routeId: string) => ({ kind: 'snow_intervention', payload: { routeId, snowEventId: 'e1' } }) as unknown as Entry

describe('snow event progress', () => {
  const routes = ['a', 'b', 'c', 'd', 'e'].map(aRoute)

  it('shows 3 of 5 routes served as 60%', () => {
    expect(snowProgress(routes, ['a', 'b', 'c'].map(anIntervention))).toMatchObject({ served: 3, total: 5, percent: 60 })
  })

  it('counts a route served twice (ploughed, then salted) once', () => {
    expect(snowProgress(routes, ['a', 'a'].map(anIntervention)).served).toBe(1)
  })

  it('ignores interventions on routes no longer in the plan', () => {
    expect(snowProgress(routes, ['zz'].map(anIntervention)).served).toBe(0)
  })

  it('is 0% with no routes rather than dividing by zero', () => {
    expect(snowProgress([], []).percent).toBe(0)
  })
})
