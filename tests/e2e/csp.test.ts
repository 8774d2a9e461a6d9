import { fileURLToPath } from 'node:url'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { serveApp, type AppServer } from '../../supabase/local/serve-app'
import type { LaunchedBrowser } from '../support/browser'
import { OFFICER, TERRITORY_MANAGER, openAppAs, type DemoProfile } from './field-log-helpers'

const DIST = fileURLToPath(new URL('../../dist', import.meta.url))

/** The main screens, as each profile reaches them; ids are those of the bundled PIAO catalogue. */
const SCREENS: [DemoProfile, string[]][] = [
  [TERRITORY_MANAGER, ['/', '/obiettivi/terr-piano-neve', '/campo', '/campo/nuovo/maintenance_report', '/neve', '/cruscotto', '/cruscotto/terr-segnaletica', '/cruscotto/report', '/impostazioni', '/sincronizzazione', '/amministrazione', '/accedi', '/trasparenza']],
  [OFFICER, ['/campo', '/campo/pattuglia', '/campo/nuovo/checkpoint', '/registro/ufficio/pl-regolamento-videosorveglianza']],
]

interface Violation {
  directive: string
  blocked: string
}

declare global {
  interface Window {
    cspViolations?: Violation[]
  }
}

/** Records every CSP violation of every document the page loads, from before its first script. */
async function watchViolations(page: Page): Promise<string[]> {
  const consoleErrors: string[] = []
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text())
  })
  await page.addInitScript(() => {
    window.cspViolations = []
    document.addEventListener('securitypolicyviolation', (event) => {
      window.cspViolations!.push({ directive: event.effectiveDirective, blocked: event.blockedURI })
    })
  })
  return consoleErrors
}

const violationsOf = (page: Page) => page.evaluate(() => window.cspViolations ?? [])

function directive(policy: string | null, name: string): string | undefined {
  return policy?.split(';').map((part) => part.trim()).find((part) => part.startsWith(`${name} `))
}

describe('Content-Security-Policy of the served app', () => {
  let configured: AppServer
  let browser: LaunchedBrowser | undefined

  beforeAll(async () => {
    configured = await serveApp({ dir: DIST, supabaseUrl: 'https://pisogne.supabase.co' })
  })
  afterAll(async () => {
    await browser?.close()
    await configured.close()
  })

  it('answers every page with a CSP that forbids inline and eval’d scripts and limits the network to the app and its Supabase', async () => {
    for (const path of ['/', '/campo/pattuglia', '/manifest.webmanifest']) {
      const policy = (await fetch(`${configured.url}${path}`)).headers.get('content-security-policy')
      expect(directive(policy, 'script-src'), path).toBe("script-src 'self'")
      expect(directive(policy, 'connect-src'), path).toBe("connect-src 'self' https://pisogne.supabase.co")
      expect(directive(policy, 'object-src'), path).toBe("object-src 'none'")
    }
    const deviceOnly = (await fetch(inject('appUrl'))).headers.get('content-security-policy')
    expect(directive(deviceOnly, 'connect-src')).toBe("connect-src 'self'")
  })

  it('loads the app and its main screens with zero CSP violations', async () => {
    for (const [profile, paths] of SCREENS) {
      const opened = await openAppAs(profile, '/')
      browser = opened.browser
      const consoleErrors = await watchViolations(opened.page)
      for (const path of paths) {
        await opened.page.goto(`${inject('appUrl')}${path}`)
        await opened.page.locator('#app main, #app h1').first().waitFor()
        await opened.page.waitForLoadState('networkidle')
        expect(await violationsOf(opened.page), `${profile.role} ${path}`).toEqual([])
      }
      expect(consoleErrors.filter((text) => /Content Security Policy|Refused to/i.test(text))).toEqual([])
      await browser.close()
      browser = undefined
    }
  })

  it('blocks and reports a script injected inline into a page served by the service worker', async () => {
    const opened = await openAppAs(OFFICER, '/campo')
    browser = opened.browser
    await watchViolations(opened.page)
    await opened.page.reload()
    await opened.page.locator('#app main').first().waitFor()
    const ran = await opened.page.evaluate(() => {
      const script = document.createElement('script')
      script.textContent = 'window.injectedRan = true'
      document.body.append(script)
      return (window as unknown as { injectedRan?: boolean }).injectedRan === true
    })
    expect(ran).toBe(false)
    await opened.page.waitForFunction(() => (window.cspViolations ?? []).length > 0)
    expect(await violationsOf(opened.page)).toEqual([{ directive: 'script-src-elem', blocked: 'inline' }])
  })
})
