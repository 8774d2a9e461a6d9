import { describe, expect, it } from 'vitest'
import { PISOGNE_OBJECTIVES } from '~/domain/catalogue'
import { objectiveById, objectiveForKind, officeKindOf } from '~/features/field-log/objective-for-kind'

describe('which objective an entry counts towards', () => {
  it.each([
    ['patrol', 'pl-pattugliamento'],
    ['checkpoint', 'pl-pattugliamento'],
    ['evening_shift', 'pl-turni-serali'],
    ['territory_check', 'pl-fascia-montana'],
    ['snow_intervention', 'terr-piano-neve'],
    ['maintenance_report', 'terr-segnaletica'],
  ] as const)('files a %s under %s, as the catalogue says', (kind, objectiveId) => {
    expect(objectiveForKind(kind)?.id).toBe(objectiveId)
  })

  it('offers office updates for count, milestone and check objectives only', () => {
    expect(officeKindOf(objectiveById('fin-imu-tari')!)).toBe('count_update')
    expect(officeKindOf(objectiveById('tr-amministrazione-trasparente')!)).toBe('check')
    expect(officeKindOf(objectiveById('pl-pattugliamento')!)).toBeUndefined()
    expect(PISOGNE_OBJECTIVES.some((o) => officeKindOf(o) === 'milestone_update')).toBe(true)
  })
})
