/**
 * The data page (donnees/) in headless Chromium, at desktop and phone widths,
 * every field list unfolded: nothing wider than the screen, no script, no
 * inline style, no request off the origin, no serious accessibility
 * violation, every link to a published file answers. Screenshots go to
 * test-artifacts/donnees/ (or $SITE_ARTIFACTS/donnees).
 */
import { mkdirSync } from 'node:fs'
import path from 'node:path'
import type { Browser, BrowserContext } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { cleanTemps, REPO } from '../cli/run.ts'
import { cleanRepos } from '../history/git-repo.ts'
import { sharedPublishedBuild } from '../compile/published-build.ts'
import { guardOrigins, launchBrowser, seriousAxeViolations, serveStatic, skipBrowser, watchPage, type StaticServer } from './harness.ts'

const ARTIFACTS = path.join(process.env.SITE_ARTIFACTS ?? path.join(REPO, 'test-artifacts'), 'donnees')

describe.skipIf(skipBrowser)('the data page in a browser', () => {
  let browser: Browser
  let server: StaticServer
  let context: BrowserContext
  let blocked: string[]

  beforeAll(async () => {
    const { out } = await sharedPublishedBuild()
    server = await serveStatic(out, '/registre/')
    browser = await launchBrowser()
    context = await browser.newContext()
    blocked = await guardOrigins(context)
    mkdirSync(ARTIFACTS, { recursive: true })
  }, 120_000)

  afterAll(async () => {
    await browser?.close()
    await server?.close()
    cleanTemps()
    cleanRepos()
  })

  it.each([1280, 375])('fits a %i px wide screen, every field list unfolded', async (width) => {
    const page = await context.newPage()
    await page.setViewportSize({ width, height: 900 })
    const watched = watchPage(page)
    expect((await page.goto(`${server.url}donnees/`))?.status()).toBe(200)
    await page.screenshot({ path: path.join(ARTIFACTS, `haut-${width}.png`) })
    await page.$$eval('details', (all) => all.forEach((d) => ((d as HTMLDetailsElement).open = true)))
    // Nothing sticks out of the screen: neither the page nor any element in it.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width)
    const wide = await page.$$eval('main *', (all) => all.filter((e) => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1 && getComputedStyle(e).overflowX === 'visible').map((e) => e.tagName + (e.id ? `#${e.id}` : '')))
    expect(wide).toEqual([])
    for (const [name, selector] of [['fichiers', '#api-v1'], ['startups', '#v1Startups'], ['v3', '#v3Startup'], ['vocabulaires', '#vocabulaires'], ['exemples', '#exemples']] as const) {
      await page.locator(selector).scrollIntoViewIfNeeded()
      await page.evaluate((s) => document.querySelector(s)!.scrollIntoView(), selector)
      await page.screenshot({ path: path.join(ARTIFACTS, `${name}-${width}.png`) })
    }
    expect(await page.$$eval('[style]', (all) => all.length)).toBe(0)
    expect(await page.$$eval('script', (all) => all.length)).toBe(0)
    expect(await seriousAxeViolations(page)).toEqual([])
    expect(watched.errors).toEqual([])
    await page.close()
  }, 60_000)

  it('links to published files that answer', async () => {
    const page = await context.newPage()
    await page.goto(`${server.url}donnees/`)
    const hrefs = await page.$$eval('main a[href*="api/"]', (links) => [...new Set(links.map((a) => (a as HTMLAnchorElement).href))])
    expect(hrefs.map((h) => h.slice(server.url.length))).toEqual(expect.arrayContaining(['api/openapi.json', 'api/v1/index.json', 'api/v1/changes.atom', 'api/v2.7/startups.csv', 'api/v3/startups.json', 'api/v3/startups/biblio-partage.json']))
    for (const href of hrefs) expect((await page.request.get(href)).status(), href).toBe(200)
    expect(blocked).toEqual([])
    await page.close()
  }, 60_000)
})
