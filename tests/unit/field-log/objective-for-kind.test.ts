import { describe, expect, it } from 'vitest'
import { PISOGNE_OBJECTIVES } from '~/domain/catalogue'
import { officeKindOf } from '~/features/field-log/objective-for-kind'

const objective = (id: string) => PISOGNE_OBJECTIVES.find((o) => o.id === id)!

describe('office updates', () => {
  it('are offered for count, milestone and check objectives only', () => {
    expect(officeKindOf(objective('fin-imu-tari'))).toBe('count_update')
    expect(officeKindOf(objective('tr-amministrazione-trasparente'))).toBe('check')
    expect(officeKindOf(objective('pl-pattugliamento'))).toBeUndefined()
    expect(PISOGNE_OBJECTIVES.some((o) => officeKindOf(o) === 'milestone_update')).toBe(true)
  })
})
