import { createHash } from 'node:crypto'
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/** The `<meta>` a labelled build carries, so a test can tell which deployment a page runs. */
export const BUILD_LABEL_META = 'sulcampo-build'

/**
 * A copy of a built app (dist/) whose index.html carries `label`, with the service worker's
 * precache revision for index.html updated to match. Two labels give two deployments whose
 * sw.js differ, as a real redeploy does, without a second Vite build (most of a minute on
 * this machine). The new worker then installs, precaches the new index.html and serves it.
 */
export async function labelledBuild(dist: string, label: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), `sulcampo-build-${label}-`))
  await cp(dist, dir, { recursive: true })
  const html = (await readFile(join(dir, 'index.html'), 'utf8')).replace(
    '<head>',
    `<head><meta name="${BUILD_LABEL_META}" content="${label}">`,
  )
  await writeFile(join(dir, 'index.html'), html)
  const revision = createHash('md5').update(html).digest('hex')
  const sw = await readFile(join(dir, 'sw.js'), 'utf8')
  const patched = sw.replace(/("url":\s*"index\.html",\s*"revision":\s*")[0-9a-f]+"/, `$1${revision}"`)
  if (patched === sw) throw new Error('sw.js has no precache entry for index.html: the build layout changed')
  await writeFile(join(dir, 'sw.js'), patched)
  return dir
}

/** Replaces the files of `served` with those of `build` in place: a deploy to the same URL. */
export async function deployInto(served: string, build: string): Promise<void> {
  for (const name of await readdir(served)) await rm(join(served, name), { recursive: true, force: true })
  await cp(build, served, { recursive: true })
}

export async function removeBuilds(...dirs: string[]): Promise<void> {
  await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })))
}
