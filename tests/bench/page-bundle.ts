import { createServer } from 'node:http'
import { fileURLToPath } from 'node:url'
import type { Page } from 'playwright-core'
import { build, type Rolldown } from 'vite'

/** Bundles a page-side bench script into one IIFE with the app's own resolver (the `~` alias). */
export async function bundlePage(entryUrl: URL, globalName: string): Promise<string> {
  const output = (await build({
    configFile: false,
    logLevel: 'warn',
    resolve: { alias: { '~': fileURLToPath(new URL('../../src', import.meta.url)) } },
    build: { write: false, minify: true, target: 'es2022', lib: { entry: fileURLToPath(entryUrl), formats: ['iife'], name: globalName } },
  })) as Rolldown.RolldownOutput[] | Rolldown.RolldownOutput
  const first = Array.isArray(output) ? output[0]! : output
  const chunk = first.output.find((o) => o.type === 'chunk')
  if (!chunk || chunk.type !== 'chunk') throw new Error(`${globalName}: the page bundle has no code`)
  return chunk.code
}

/**
 * Serves `code` from a real loopback server (port 0) and opens it: IndexedDB needs a real origin,
 * and Chromium lets only a page it fetched from loopback call the loopback gateway.
 */
export async function openBundledPage(page: Page, code: string): Promise<{ close(): Promise<void> }> {
  const server = createServer((req, res) => {
    if (req.url === '/bench.js') res.writeHead(200, { 'content-type': 'text/javascript' }).end(code)
    else res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>bench</title><script src="/bench.js"></script>')
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  await page.goto(`http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/`)
  return {
    close: async () => {
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}
