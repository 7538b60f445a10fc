/**
 * The home page at 10,000 synthetic startups (scripts/bench/generate.ts): under 200 KB gzip with
 * its style sheets and script, every startup on one of the list's pages, and, in Chromium, a
 * search that finds a startup of the last page from the first, with the pages browsable without
 * JavaScript. Only the list's pages are made (the site's stages on the generated fiches, in
 * memory: validation, standards lint, pages of pages/home.ts, assets): a whole build would add
 * 10,000 startup pages the test does not read.
 */
import fs from 'node:fs'
import path from 'node:path'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mulberry32, syntheticFiles } from '../../scripts/bench/generate.ts'
import { DEFAULT_CONFIG } from '../../scripts/load/config.ts'
import { runRules } from '../../scripts/lint/run-rules.ts'
import { feedStandards } from '../../scripts/compile/feed-standards.ts'
import { siteAssets } from '../../scripts/site/assets.ts'
import { HOME_PAGE_SIZE, homePage } from '../../scripts/site/pages/home.ts'
import { siteContext } from '../../scripts/site/site.ts'
import { homeWeight } from '../../scripts/site/weight.ts'
import { validateRegistry } from '../../scripts/validate/validate-registry.ts'
import { sources } from '../helpers.ts'
import { cleanTemps, tempDir } from '../cli/run.ts'
import { launchBrowser, serveStatic, skipBrowser, watchPage, type StaticServer } from './harness.ts'

const STARTUPS = 10_000
const AS_OF = '2026-11-01'
let site: string
let ids: string[]
let titles: Map<string, string>

beforeAll(async () => {
  // The generated fiches in memory: the same texts generate() writes, read by the same stages.
  const files = sources(Object.fromEntries(syntheticFiles(mulberry32(2026), STARTUPS)))
  const { records } = validateRegistry(files, files, DEFAULT_CONFIG)
  const lint = runRules(records, { config: DEFAULT_CONFIG, asOf: AS_OF })
  const context = siteContext({ records, config: DEFAULT_CONFIG, standards: feedStandards(lint.records, AS_OF, DEFAULT_CONFIG), problems: lint.problems, asOf: AS_OF, dataFiles: [] })
  ids = context.startups.map((s) => s.id)
  titles = new Map(context.startups.map((s) => [s.id, String(s.title)]))
  site = tempDir('home-scale-site-')
  const assets = siteAssets()
  for (const [file, text] of [...homePage(context), ...assets.texts]) {
    fs.mkdirSync(path.dirname(path.join(site, file)), { recursive: true })
    fs.writeFileSync(path.join(site, file), text)
  }
  for (const [file, source] of assets.copies) {
    fs.mkdirSync(path.dirname(path.join(site, file)), { recursive: true })
    fs.copyFileSync(source, path.join(site, file))
  }
}, 180_000)

afterAll(() => cleanTemps(), 120_000)

describe('the home page at 10,000 startups', () => {
  it('weighs under 200 KB gzip with its style sheets and script, and lists every startup on one of its pages', () => {
    const weight = homeWeight(site)
    expect(weight.gzip).toBeLessThan(200 * 1024)
    const pages = Math.ceil(STARTUPS / HOME_PAGE_SIZE)
    expect(fs.existsSync(path.join(site, `page/${pages}/index.html`))).toBe(true)
    expect(fs.existsSync(path.join(site, `page/${pages + 1}/index.html`))).toBe(false)
    const listed = ['index.html', ...Array.from({ length: pages - 1 }, (_, i) => `page/${i + 2}/index.html`)].flatMap((file) => [...fs.readFileSync(path.join(site, file), 'utf8').matchAll(/<h3 class="startup__title[^>]*><a href="[^"]*startups\/([^/]+)\/">/g)].map((m) => m[1]))
    expect(listed).toEqual(ids)
  })
})

describe.skipIf(skipBrowser)('the home page at 10,000 startups, in a browser', () => {
  let browser: Browser
  let server: StaticServer

  beforeAll(async () => {
    server = await serveStatic(site, '/registre/')
    browser = await launchBrowser()
  }, 60_000)

  afterAll(async () => {
    await browser?.close()
    await server?.close()
  })

  it('finds, from the first page, a startup of the last page, and loads more results on demand', async () => {
    const page = await browser.newPage()
    const watched = watchPage(page)
    await page.goto(server.url)
    await page.waitForSelector('#filtres', { state: 'visible' })
    const last = ids[ids.length - 1]!
    expect(await page.locator(`#liste-startups a[href="startups/${last}/"]`).count()).toBe(0)
    await page.fill('#f-recherche', titles.get(last)!)
    await page.waitForSelector(`#liste-startups a[href="startups/${last}/"]`, { timeout: 15_000 })
    expect(await page.isHidden('#pages-liste')).toBe(true)
    // A word common to many: the first batch, then more on demand.
    await page.fill('#f-recherche', '')
    await page.selectOption('#f-statut', 'active')
    await expect.poll(() => page.textContent('#resultats'), { timeout: 15_000 }).toMatch(/^\d+ startups sur 10000$/)
    const matching = Number((await page.textContent('#resultats'))!.split(' ')[0])
    expect(await page.locator('#liste-startups > li').count()).toBe(HOME_PAGE_SIZE)
    await page.click('#afficher-plus')
    expect(await page.locator('#liste-startups > li').count()).toBe(Math.min(matching, 2 * HOME_PAGE_SIZE))
    // The filters are in the address: the search survives a reload and can be shared.
    expect(new URL(page.url()).searchParams.get('statut')).toBe('active')
    await page.reload()
    await expect.poll(() => page.textContent('#resultats'), { timeout: 15_000 }).toBe(`${matching} startups sur 10000`)
    expect(watched.errors).toEqual([])
    await page.close()
  })

  it('browses every page without JavaScript', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false })
    const page = await context.newPage()
    await page.goto(server.url)
    expect(await page.isVisible('#filtres')).toBe(false)
    expect(await page.locator('#liste-startups > li').count()).toBe(HOME_PAGE_SIZE)
    await page.click('a.fr-pagination__link--last')
    expect(page.url()).toBe(`${server.url}page/${STARTUPS / HOME_PAGE_SIZE}/`)
    expect(await page.locator(`#liste-startups a[href="../../startups/${ids[ids.length - 1]}/"]`).count()).toBe(1)
    await context.close()
  })
})
