import { createRequire } from 'node:module'
import { readFile } from 'node:fs/promises'
import type { Page } from 'playwright-core'

export interface AxeViolation {
  id: string
  impact: 'minor' | 'moderate' | 'serious' | 'critical' | null
  help: string
  nodes: { target: string[]; html: string }[]
}

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js')

/**
 * Runs axe-core in the page and returns the serious and critical violations (WCAG 2.1 AA rules).
 * Injected with evaluate, not a <script> tag: the app's Content-Security-Policy forbids inline scripts.
 */
export async function runAxe(page: Page): Promise<AxeViolation[]> {
  const source = await readFile(axePath, 'utf8')
  await page.evaluate(source)
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: AxeViolation[] }> } }).axe
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target, html: n.html })) }))
  })
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
}
