import { stat } from 'node:fs/promises'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startClone, type StartedClone } from '../support/started-clone'
import { DEMO, signedInClient } from '../support/supabase-clients'

// Issue 11: a newcomer clones anywhere (as root: /root/x, a `mktemp -d` folder) and runs `npm start`.
describe('npm start in a fresh clone inside a 0700 folder', () => {
  let started: StartedClone

  beforeAll(async () => {
    started = await startClone()
  }, 240_000)

  afterAll(async () => {
    await started?.close()
  }, 60_000)

  it('clones into a folder only its owner can enter', async () => {
    expect((await stat(started.home)).mode & 0o777).toBe(0o700)
  })

  it('serves the app', async () => {
    const response = await fetch(started.appUrl)
    expect(response.status).toBe(200)
    expect(await response.text()).toContain('<title>SulCampo')
  })

  it('says where its data lives, a folder that exists, and keeps it out of the closed folder for postgres', async () => {
    expect(started.dataFolder).not.toBe('')
    expect((await stat(started.dataFolder)).isDirectory()).toBe(true)
    const asRoot = process.getuid?.() === 0
    expect(started.dataFolder.startsWith(started.home)).toBe(!asRoot)
  })

  it('has a backend a demo officer signs in to', async () => {
    const anonKey = /^Anon key[^:]*:\s+(\S+)$/m.exec(started.output())?.[1] ?? ''
    const client = await signedInClient(DEMO.officer, started.supabaseUrl, anonKey)
    const { data } = await client.auth.getUser()
    expect(data.user?.email).toBe(DEMO.officer.email)
  })
})
