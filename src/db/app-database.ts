import { openDatabase, type SulCampoDb } from './database'

let instance: SulCampoDb | undefined

/** The one database of the running app, opened on first use (stores call this; tests may pass their own). */
export function appDatabase(): SulCampoDb {
  instance ??= openDatabase()
  return instance
}
