import type { SnowRoute } from '~/domain/plan-data'
import type { SulCampoDb } from './database'

/**
 * Device-only mode has no manager-entered snow plan, so five demo routes are put in place to
 * try the flow. They are local rows (no outbox mutation): demo data must never reach a server.
 */
const DEMO_ROUTES = [
  ['Demo – Centro e municipio', 'Via Roma, piazza Umberto I, accesso al municipio'],
  ['Demo – Scuole', 'Accessi alle scuole primaria e secondaria'],
  ['Demo – Strada per Fraine', 'Tornanti e parcheggio della frazione'],
  ['Demo – Lungolago', 'Lungolago e parcheggi'],
  ['Demo – Zona industriale', 'Strade della zona artigianale'],
] as const

export async function seedDemoSnowRoutesIfEmpty(db: SulCampoDb, now: string): Promise<boolean> {
  return db.transaction('rw', db.snowRoutes, async () => {
    if ((await db.snowRoutes.count()) > 0) return false
    const rows: SnowRoute[] = DEMO_ROUTES.map(([name, description], i) => ({
      id: crypto.randomUUID(),
      name,
      description,
      priority: i + 1,
      active: true,
      version: 0,
      updatedAt: now,
      deleted: false,
    }))
    await db.snowRoutes.bulkAdd(rows)
    return true
  })
}
