import { describe, expect, inject, it } from 'vitest'
import { runSoak } from '../soak/run-soak'
import { formatSoakReport, soakProblems } from '../soak/summary'

describe('chaos soak, short variant (npm run soak for the long one)', () => {
  it('3 devices keep every entry exactly once and converge through faults, restarts, offline periods and reloads', async () => {
    const report = await runSoak({
      stack: { databaseUrl: inject('databaseUrl'), jwtSecret: inject('jwtSecret'), anonKey: inject('anonKey') },
      entriesPerDevice: 60,
      entriesPerRound: 5,
      durationMs: 75_000,
      seed: 7,
      // Every kind once per deck of 14 calls: each proxy deals a full deck or more within the run.
      faults: { rate: 0.35, weights: { drop_before: 1, drop_after_commit: 1, http_500: 1, timeout: 1, gateway_restart: 1 } },
      restartPostgres: 1,
      chances: { offline: 0.15, reload: 0.15 },
      invalidRate: 0.03,
    })
    console.info(formatSoakReport(report))

    expect(soakProblems(report)).toEqual([])
    expect(report.entries).toBe(180)
    expect(report.statusChanges).toBeGreaterThan(0)
    expect(report.invalidEntries).toBeGreaterThan(0)
    for (const [kind, count] of Object.entries(report.faults)) expect(count, kind).toBeGreaterThan(0)
    expect(report.gatewayRestarts).toBeGreaterThan(0)
    expect(report.postgresRestarts).toBe(1)
    expect(report.reloads).toBeGreaterThan(0)
    expect(report.offlinePeriods).toBeGreaterThan(0)
  }, 150_000)
})
