import { describe, expect, it, vi } from 'vitest'
import { checkForUpdate } from '~/pwa/update-check'

function registration(installing: ServiceWorker | null = null) {
  return { installing, update: vi.fn(async () => undefined) }
}

describe('hourly update check', () => {
  it('asks the server for a new version when online', async () => {
    const r = registration()
    await expect(checkForUpdate(r, true)).resolves.toBe(true)
    expect(r.update).toHaveBeenCalledOnce()
  })

  it('skips the check offline and while a new version is already installing', async () => {
    const offline = registration()
    await checkForUpdate(offline, false)
    const busy = registration({} as ServiceWorker)
    await checkForUpdate(busy, true)
    expect(offline.update).not.toHaveBeenCalled()
    expect(busy.update).not.toHaveBeenCalled()
  })
})
