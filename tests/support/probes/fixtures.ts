import { expect } from 'vitest'
import { countPayload, entryInsert, pushOne, reportPayload, updateMutation, type Actor, type Fixtures } from './probe-kit'
import type { SupabaseClient } from '@supabase/supabase-js'

const SEEDED_SNOW_ROUTE = '5c000000-0000-4000-8000-000000000101'

/** Each fixture is pushed by its rightful owner, through the same RPC the attackers use. */
export async function createFixtures(client: (actor: Actor) => Promise<SupabaseClient>): Promise<Fixtures> {
  const officer = await client('officer')
  const worker = await client('worker')
  const officerCount = entryInsert('officer', 'pl-pattugliamento', 'count_update', countPayload(3))
  const officerReport = entryInsert('officer', 'pl-pattugliamento', 'maintenance_report', reportPayload())
  const lockedEntry = entryInsert('officer', 'pl-pattugliamento', 'count_update', countPayload(1))
  // terr-segnaletica lists polizia_locale as contributing: the police see it but do not manage it.
  const workerSignageReport = entryInsert('worker', 'terr-segnaletica', 'maintenance_report', reportPayload())
  const workerSnowCount = entryInsert('worker', 'terr-piano-neve', 'count_update', countPayload(2))
  for (const [who, mutation] of [
    [officer, officerCount],
    [officer, officerReport],
    [officer, lockedEntry],
    [worker, workerSignageReport],
    [worker, workerSnowCount],
  ] as const) {
    expect(await pushOne(who, mutation)).toMatchObject({ status: 'applied' })
  }
  const lock = updateMutation('policeManager', 'entry', lockedEntry.entityId, { locked: true })
  expect(await pushOne(await client('policeManager'), lock)).toMatchObject({ status: 'applied' })
  return {
    officerCount: { entityId: officerCount.entityId, mutationId: officerCount.id },
    officerReport: { entityId: officerReport.entityId },
    lockedEntry: { entityId: lockedEntry.entityId },
    workerSnowCount: { entityId: workerSnowCount.entityId },
    workerSignageReport: { entityId: workerSignageReport.entityId },
    snowRouteId: SEEDED_SNOW_ROUTE,
  }
}
