import { afterEach } from 'vitest'
import type { DemoAccount } from './supabase-clients'
import { startDevice, type DeviceOptions, type SyncDevice } from './sync-device'

/**
 * Starts devices for the tests of a file and destroys each test's after it:
 * `const device = devicesPerTest()` at the top, then `await device(DEMO.worker)`. Vitest only
 * (the soak drives sync-device outside it).
 */
export function devicesPerTest(): (account: DemoAccount, options?: DeviceOptions) => Promise<SyncDevice> {
  const started: SyncDevice[] = []
  afterEach(async () => {
    await Promise.all(started.splice(0).map((d) => d.destroy()))
  })
  return async (account, options) => {
    const device = await startDevice(account, options)
    started.push(device)
    return device
  }
}
