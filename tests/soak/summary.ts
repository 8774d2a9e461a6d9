import type { SoakReport } from './run-soak'

/** Whether the soak kept its promise: nothing lost, nothing doubled, everyone agrees with the server. */
export function soakProblems(report: SoakReport): string[] {
  const problems = report.stuck.map((why) => `did not converge: ${why}`)
  const { server } = report
  if (server.lost) problems.push(`${server.lost} entries lost`)
  if (server.duplicates) problems.push(`${server.duplicates} duplicates on the server`)
  if (server.invalidOnServer) problems.push(`${server.invalidOnServer} invalid entries accepted by the server`)
  if (server.statusMismatches) problems.push(`${server.statusMismatches} reports with the wrong status`)
  if (server.onServer !== report.entries - report.invalidEntries) problems.push(`${server.onServer} soak rows on the server for ${report.entries - report.invalidEntries} valid entries`)
  for (const d of report.devices) {
    if (d.diverging) problems.push(`${d.email}: ${d.diverging} rows differ from the server`)
    if (d.pending) problems.push(`${d.email}: ${d.pending} mutations still pending`)
    if (d.unexplainedRejections) problems.push(`${d.email}: ${d.unexplainedRejections} unexplained rejections`)
    if (d.invalidNotShown) problems.push(`${d.email}: ${d.invalidNotShown} invalid entries missing from "needs attention"`)
  }
  return problems
}

/** One block an operator can paste into docs/sync.md. */
export function formatSoakReport(report: SoakReport): string {
  const faults = Object.entries(report.faults).map(([kind, count]) => `${kind} ${count}`).join(', ')
  const shown = report.invalidEntries - report.devices.reduce((sum, d) => sum + d.invalidNotShown, 0)
  const devices = report.devices.map((d) => `${d.email.split('@')[0]} ${d.visibleOnServer} rows, ${d.diverging} diverging`).join('; ')
  return [
    `soak (seed ${report.seed}, ${report.rounds} rounds, ${(report.totalMs / 1000).toFixed(1)} s)`,
    `  entries: ${report.entries} logged (${report.invalidEntries} deliberately invalid: ${shown} in "needs attention", ${report.server.invalidOnServer} on the server), ${report.server.onServer} on the server; status changes: ${report.statusChanges}`,
    `  faults: ${faults} (total ${Object.values(report.faults).reduce((a, b) => a + b, 0)})`,
    `  gateway restarts: ${report.gatewayRestarts}; postgres restarts: ${report.postgresRestarts}; reloads: ${report.reloads}; offline periods: ${report.offlinePeriods}`,
    `  duplicates: ${report.server.duplicates}; losses: ${report.server.lost}; wrong statuses: ${report.server.statusMismatches}; time to converge: ${(report.convergeMs / 1000).toFixed(1)} s`,
    `  devices: ${devices}`,
  ].join('\n')
}
