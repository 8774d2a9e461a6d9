import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { BENCH_DIST, openBenchApp } from './chromium-page'
import { recordBenchmark } from './results'

/** ISSUE 16 (was 150 KB, issue 2): the JS and CSS the first screen loads, gzipped, must stay within 110 KB. */
const TARGET_KB = 110

/** Opens the home screen in a fresh Chromium and lists the scripts and styles the page itself requested. */
async function firstScreenAssets(): Promise<string[]> {
  const bench = await openBenchApp()
  try {
    const page = await bench.context.newPage()
    const requested = new Set<string>()
    page.on('request', (request) => {
      const path = new URL(request.url()).pathname
      if (/\.(js|css)$/.test(path)) requested.add(path)
    })
    await page.goto(bench.appUrl)
    await page.locator('[data-test="objective"]').first().waitFor()
    await page.waitForLoadState('networkidle')
    return [...requested]
  } finally {
    await bench.close()
  }
}

function gzipKb(path: string): number {
  return gzipSync(readFileSync(join(BENCH_DIST, path))).byteLength / 1024
}

const sizes = (await firstScreenAssets())
  .map((path) => ({ path, kb: gzipKb(path) }))
  .sort((a, b) => b.kb - a.kb)
const totalKb = sizes.reduce((sum, asset) => sum + asset.kb, 0)
const top = sizes.slice(0, 3).map((asset) => `${asset.path} ${asset.kb.toFixed(1)} KB`)

console.log(`first-screen JS+CSS gzip: ${totalKb.toFixed(1)} KB (target ≤ ${TARGET_KB} KB)`)
console.log(`largest: ${top.join(', ')}`)
recordBenchmark('size first screen (gzip)', {
  figure: Math.round(totalKb * 10) / 10,
  unit: 'KB',
  target: TARGET_KB,
  comparator: '<=',
  details: { assets: sizes.map((asset) => ({ path: asset.path, kb: Math.round(asset.kb * 10) / 10 })) },
})
