import { describe, expect, it } from 'vitest'
import { groupByArea, inArea } from '~/features/objectives/group-by-area'
import { anObjective } from './objective-factory'

const areas = [
  { id: 'polizia_locale' as const, position: 5 },
  { id: 'trasversali' as const, position: 1 },
  { id: 'territorio' as const, position: 4 },
]

describe('grouping objectives by area', () => {
  it('lists areas and objectives in PIAO order and leaves out empty areas', () => {
    const groups = groupByArea(areas, [
      anObjective({ id: 'pl-2', areaId: 'polizia_locale', position: 2 }),
      anObjective({ id: 'tr-1', areaId: 'trasversali', position: 1 }),
      anObjective({ id: 'pl-1', areaId: 'polizia_locale', position: 1 }),
    ])
    expect(groups.map((g) => [g.area.id, g.objectives.map((o) => o.id)])).toEqual([
      ['trasversali', ['tr-1']],
      ['polizia_locale', ['pl-1', 'pl-2']],
    ])
  })

  it('counts an objective in "my area" when the area owns it or contributes to it', () => {
    const signage = anObjective({ areaId: 'territorio', contributingAreas: ['polizia_locale'] })
    expect(inArea(signage, 'polizia_locale')).toBe(true)
    expect(inArea(signage, 'territorio')).toBe(true)
    expect(inArea(signage, 'sociale')).toBe(false)
  })
})
