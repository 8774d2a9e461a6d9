import { describe, expect, it } from 'vitest'
import { PISOGNE_CATALOGUE } from '~/domain/catalogue'
import { importPlan, readAdoptAnswer, readDeleteAnswer, readImportAnswer, ServerRpcError } from '~/sync/plans-api'
import { rpcErrorCode } from '~/sync/server-rpc'

describe('plans-api reads what the plan RPCs answer', () => {
  it('reads an imported draft with its objective count', () => {
    expect(readImportAnswer({ status: 'imported', planId: 'pisogne-2026-2028', objectives: 29 })).toEqual({
      status: 'imported',
      planId: 'pisogne-2026-2028',
      objectives: 29,
    })
  })

  it('keeps every problem of an invalid plan with its subject and path, server-only codes included', () => {
    const problems = [
      { code: 'invalid_field', subject: 'objective "pl-a"', path: 'indicator.target', detail: 'expected a number' },
      { code: 'id_in_other_plan', subject: 'objective "pl-b"', path: 'id', detail: 'used by pisogne-2023-2025' },
    ]
    expect(readImportAnswer({ status: 'invalid', problems })).toEqual({ status: 'invalid', problems })
  })

  it('reads a preview and an adoption with what they supersede and until when', () => {
    const supersedes = [{ planId: 'pisogne-2023-2025', title: 'PIAO 2023–2025', inForceUntil: '2025-12-31' }]
    expect(readAdoptAnswer({ status: 'preview', inForceFrom: '2026-01-01', supersedes })).toEqual({ status: 'preview', inForceFrom: '2026-01-01', supersedes })
    expect(readAdoptAnswer({ status: 'adopted', inForceFrom: '2026-01-01', supersedes: [], planId: 'x' })).toMatchObject({ status: 'adopted', supersedes: [] })
  })

  it('reads a refusal by its code', () => {
    expect(readAdoptAnswer({ status: 'refused', code: 'starts_before_plan_in_force' })).toEqual({ status: 'refused', code: 'starts_before_plan_in_force' })
    expect(readDeleteAnswer({ status: 'refused', code: 'plan_not_draft' })).toEqual({ status: 'refused', code: 'plan_not_draft' })
    expect(readDeleteAnswer({ status: 'deleted', planId: 'x' })).toEqual({ status: 'deleted' })
  })

  it('treats an answer of unknown shape as a failure, never as a success', () => {
    for (const read of [() => readImportAnswer({ status: 'ok' }), () => readAdoptAnswer({ status: 'refused', code: 'because' }), () => readAdoptAnswer(null)]) {
      expect(read).toThrow(expect.objectContaining({ name: 'ServerRpcError', code: 'failed' }))
    }
  })

  it('maps a non-admin refusal (SQLSTATE 42501) to forbidden and a lost network to offline', () => {
    expect(rpcErrorCode({ code: '42501', message: 'forbidden' })).toBe('forbidden')
    expect(rpcErrorCode({ message: 'TypeError: Failed to fetch' })).toBe('offline')
    expect(rpcErrorCode({ code: 'P0001', message: 'boom' }, false)).toBe('offline')
    expect(rpcErrorCode({ code: 'P0001', message: 'boom' })).toBe('failed')
  })

  it('says the device has no server in device-only mode, without calling anything', async () => {
    const call = importPlan(PISOGNE_CATALOGUE)
    await expect(call).rejects.toBeInstanceOf(ServerRpcError)
    await expect(call).rejects.toMatchObject({ code: 'not_configured' })
  })
})
