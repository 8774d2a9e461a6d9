import type Dexie from 'dexie'

/**
 * Another tab opened a newer app version and wants to upgrade the database. This tab
 * closes its connection (or the upgrade would be blocked) and must reload: the shell's
 * ReloadPrompt (src/pwa) shows the same "new version" prompt as for a service worker
 * update when `newVersionRequired()` is true or a listener fires.
 */
type Listener = () => void

let required = false
const listeners = new Set<Listener>()

export function newVersionRequired(): boolean {
  return required
}

export function onNewVersionRequired(listener: Listener): () => void {
  listeners.add(listener)
  if (required) listener()
  return () => listeners.delete(listener)
}

function raiseNewVersionRequired(): void {
  if (required) return
  required = true
  for (const listener of listeners) listener()
}

/** Dexie's `versionchange`: close now, so the other tab's upgrade can proceed, and ask for a reload. */
export function closeOnVersionChange(db: Dexie): void {
  db.on('versionchange', () => {
    db.close()
    raiseNewVersionRequired()
    // Returning false tells Dexie we handled it (its default would also just close).
    return false
  })
}
