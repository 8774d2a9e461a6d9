import { readMeta, writeMeta } from './meta-repo'
import type { SulCampoDb } from './database'

/**
 * The running patrol lives in IndexedDB, not in memory, so the timer survives a reload,
 * the app being killed, or the phone restarting mid-patrol.
 */
export interface RunningPatrol {
  startedAt: string
  authorId: string
  /** Set by "Termina": the form is open; a reload goes straight back to it. */
  endedAt: string | null
}

const KEY = 'field-log:running-patrol'

export async function readRunningPatrol(db: SulCampoDb, authorId: string): Promise<RunningPatrol | null> {
  const running = await readMeta<RunningPatrol>(db, KEY)
  // A shared tablet: another user's patrol is not this user's.
  return running && running.authorId === authorId ? running : null
}

export async function saveRunningPatrol(db: SulCampoDb, patrol: RunningPatrol): Promise<void> {
  await writeMeta(db, KEY, patrol)
}

export async function clearRunningPatrol(db: SulCampoDb): Promise<void> {
  await db.meta.delete(KEY)
}
