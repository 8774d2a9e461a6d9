import type { TestProject } from 'vitest/node'
import { startStack, type Stack } from '../../supabase/local/stack'

declare module 'vitest' {
  export interface ProvidedContext {
    /** The local gateway, for createClient(supabaseUrl, anonKey). */
    supabaseUrl: string
    anonKey: string
    /** The throwaway cluster as its superuser, for test factories and SQL-level checks. */
    databaseUrl: string
    /** The project's JWT secret, for tests that start a second gateway (e.g. with a moved clock). */
    jwtSecret: string
  }
}

let stack: Stack | undefined

/** A throwaway cluster with bootstrap, migrations and seed, and the gateway in front of it. */
export async function setup(project: TestProject): Promise<void> {
  stack = await startStack()
  console.info(`local stack up in ${stack.timings.cluster + stack.timings.schema + stack.timings.gateway} ms at ${stack.supabaseUrl}`)
  project.provide('supabaseUrl', stack.supabaseUrl)
  project.provide('anonKey', stack.anonKey)
  project.provide('databaseUrl', stack.databaseUrl)
  project.provide('jwtSecret', stack.jwtSecret)
}

/** Stops the gateway and the cluster and deletes the cluster's folder. */
export async function teardown(): Promise<void> {
  await stack?.stop()
}
