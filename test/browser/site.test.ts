/**
 * The site in headless Chromium, served under a sub-path: built by `registry
 * build` from the site fixture (test/site/site-fixture.ts, with a hostile
 * fiche). Screenshots of the home and a startup page, at desktop and phone
 * widths, go to test-artifacts/site/ (or $SITE_ARTIFACTS).
 */
import { mkdirSync } from 'node:fs'
import path from 'node:path'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { cleanTemps, REPO, run, tempDir } from '../cli/run.ts'
import { Repo } from '../history/git-repo.ts'
import { HOSTILE_TITLE, SITE_FILES, STARTUP_IDS } from '../site/site-fixture.ts'
import { clippedBoxes, guardOrigins, launchBrowser, seriousAxeViolations, serveStatic, skipBrowser, watchPage, WIDTHS, type StaticServer } from './harness.ts'

const ARTIFACTS = process.env.SITE_ARTIFACTS ?? path.join(REPO, 'test-artifacts', 'site')

/** One page of each type. */
const PAGE_TYPES = ['', 'startups/alpha/', 'startups/piege/', 'incubateurs/', 'incubateurs/ademe/', 'organisations/', 'organisations/dinum/', 'standards/', 'donnees/', 'accessibilite/']

describe.skipIf(skipBrowser)('the site in a browser', () => {
  let browser: Browser
  let server: StaticServer
  let context: BrowserContext
  let blocked: string[]
  const failures: string[] = []

  beforeAll(async () => {
    // A git repository with two months of history: dates on the fiches, trends on the standards page.
    const repo = Repo.init(tempDir('site-registry-'))
    const { 'startups/alpha.md': alpha, 'startups/gamma.md': gamma, ...first } = SITE_FILES
    repo.commit('2026-09-15T10:00:00+02:00', first)
    repo.commit('2026-10-20T10:00:00+02:00', { 'startups/alpha.md': alpha!, 'startups/gamma.md': gamma! })
    const root = repo.root
    const out = path.join(tempDir('site-dist-'), 'dist')
    const r = await run(['build', '--root', root, '--out', out])
    expect(r.code, r.stderr).toBe(0)
    server = await serveStatic(out, '/sous-chemin/')
    browser = await launchBrowser()
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } })
    blocked = await guardOrigins(context)
    context.on('response', (response) => {
      if (response.status() >= 400) failures.push(`${response.status()} ${response.url()}`)
    })
  }, 120_000)

  afterAll(async () => {
    await browser?.close()
    await server?.close()
    cleanTemps()
  })

  async function open(url: string): Promise<{ page: Page; watched: ReturnType<typeof watchPage> }> {
    const page = await context.newPage()
    const watched = watchPage(page)
    const response = await page.goto(server.url + url)
    expect(response?.status(), url).toBe(200)
    return { page, watched }
  }

  const visible = (page: Page) => page.$$eval('#liste-startups > li', (items) => items.filter((li) => !(li as HTMLElement).hidden).map((li) => li.querySelector('a')!.getAttribute('href')))

  it('lists every startup on the home page, each linked to its page', async () => {
    const { page } = await open('')
    const hrefs = await visible(page)
    expect(hrefs).toEqual(STARTUP_IDS.map((id) => `startups/${id}/`))
    await expect.poll(() => page.textContent('#resultats')).toContain('5 startups')
    await page.close()
  })

  it('lists every startup without JavaScript too, the filters then hidden', async () => {
    const noScript = await browser.newContext({ javaScriptEnabled: false })
    const page = await noScript.newPage()
    await page.goto(server.url)
    expect(await page.$$eval('#liste-startups > li a', (links) => links.length)).toBe(STARTUP_IDS.length)
    expect(await page.isVisible('#filtres')).toBe(false)
    await noScript.close()
  })

  it('narrows the list with each filter, and announces the count', async () => {
    const { page, watched } = await open('')
    await page.waitForSelector('#filtres', { state: 'visible' })
    const cases: [string, (p: Page) => Promise<unknown>, string[]][] = [
      ['search (accents folded)', (p) => p.fill('#f-recherche', 'renovation energetique'), ['gamma']],
      ['search by pitch words', (p) => p.fill('#f-recherche', 'collectivités données'), ['alpha']],
      ['incubator', (p) => p.selectOption('#f-incubateur', 'ademe'), ['alpha', 'gamma']],
      ['co-incubation counts', (p) => p.selectOption('#f-incubateur', 'dinum'), ['beta-termine', 'exemple', 'gamma', 'piege']],
      ['phase', (p) => p.selectOption('#f-phase', 'construction'), ['exemple', 'gamma']],
      ['ended', (p) => p.selectOption('#f-statut', 'ended'), ['beta-termine']],
      ['active', (p) => p.selectOption('#f-statut', 'active'), ['alpha', 'exemple', 'gamma', 'piege']],
      ['category to complete', (p) => p.selectOption('#f-categorie', 'qualité-logicielle'), ['alpha']],
    ]
    for (const [name, act, expected] of cases) {
      await page.click('button[type="reset"]')
      await expect.poll(() => visible(page), { message: name }).toHaveLength(STARTUP_IDS.length)
      await act(page)
      await expect.poll(() => visible(page), { message: name }).toEqual(expected.map((id) => `startups/${id}/`))
      await expect.poll(() => page.textContent("#resultats"), { message: name }).toBe(`${expected.length} startup${expected.length > 1 ? 's' : ''} sur ${STARTUP_IDS.length}`)
    }
    // A word with an "s" is one word (the script once split the search on the letter s: "services" found "service").
    await page.click('button[type="reset"]')
    await page.fill('#f-recherche', 'services')
    await expect.poll(() => visible(page)).toEqual([])
    await page.fill('#f-recherche', 'service   arrêté')
    await expect.poll(() => visible(page)).toEqual(['startups/beta-termine/'])
    // Two filters together: the intersection; none left says so.
    await page.click('button[type="reset"]')
    await page.selectOption('#f-incubateur', 'ademe')
    await page.selectOption('#f-statut', 'ended')
    await expect.poll(() => visible(page)).toEqual([])
    await expect.poll(() => page.textContent('#resultats')).toBe('Aucune startup ne correspond')
    expect(await page.getAttribute('#resultats', 'aria-live')).toBe('polite')
    expect(watched.errors).toEqual([])
    await page.close()
  })

  it('shows a startup’s phases, events and missing standards with how to fix them', async () => {
    const { page } = await open('startups/alpha/')
    const timeline = await page.locator('ol.timeline').first().textContent()
    expect(timeline).toMatch(/Investigation[\s\S]*Construction[\s\S]*Accélération[\s\S]*phase actuelle/)
    expect(await page.locator('ol.timeline').nth(1).textContent()).toMatch(/Lancement du produit[\s\S]*Comité d’investissement/)
    const failing = page.locator('.check--failing')
    expect(await failing.count()).toBeGreaterThan(0)
    const text = await failing.first().innerText()
    expect(text).toContain('Pour corriger')
    expect(await page.locator('.check--failing code', { hasText: 'repository-missing' }).count()).toBe(1)
    const json = await page.getAttribute('a:has-text("Données de la fiche (JSON)")', 'href')
    const response = await page.request.get(new URL(json!, page.url()).href)
    expect((await response.json()).id).toBe('alpha')
    await page.close()
  })

  it('renders the hostile fiche inert: nothing runs, nothing is injected', async () => {
    for (const url of ['', 'startups/piege/', 'incubateurs/dinum/', 'organisations/dinum/']) {
      const { page, watched } = await open(url)
      await page.waitForTimeout(200)
      expect(watched.dialogs, url).toEqual([])
      expect(watched.errors, url).toEqual([])
      const dom = await page.evaluate(() => ({
        scripts: [...document.querySelectorAll('script')].map((s) => s.getAttribute('src')),
        injected: document.querySelectorAll('img, svg:not(.trends__chart):not(.trends__legend svg), iframe, object, embed, style').length,
        handlers: [...document.querySelectorAll('*')].flatMap((el) => [...el.attributes].filter((a) => a.name.startsWith('on')).map((a) => `${el.tagName} ${a.name}`)),
        badLinks: [...document.querySelectorAll('a[href]')].map((a) => a.getAttribute('href')!).filter((h) => !/^(https?:|mailto:|\.|#|[\w-]+\/|$)/i.test(h) || /^\s*(javascript|data|vbscript):/i.test(h)),
      }))
      expect(dom.scripts.every((s) => s !== null && s.endsWith('assets/filters.js')), url).toBe(true)
      expect(dom.injected, url).toBe(0)
      expect(dom.handlers, url).toEqual([])
      expect(dom.badLinks, url).toEqual([])
      await page.close()
    }
    const { page } = await open('startups/piege/')
    expect(await page.textContent('h1')).toBe(HOSTILE_TITLE)
    expect(await page.title()).toContain(HOSTILE_TITLE)
    await page.close()
  })

  it('draws the trends from the history, as a chart and as a table', async () => {
    const { page } = await open('standards/')
    expect(await page.locator('svg.trends__chart polyline').count()).toBeGreaterThan(0)
    expect(await page.locator('table:has(caption:has-text("par mois")) tbody tr th').allTextContents()).toEqual(['octobre\u00a02026', 'septembre\u00a02026'])
    // On a phone the chart keeps a readable size and opens on its latest month, the rest a sideways scroll away.
    await page.setViewportSize({ width: 375, height: 800 })
    const chart = page.locator('.trends__scroll')
    const latest = await page.locator('svg.trends__chart text', { hasText: 'oct.' }).boundingBox()
    const box = (await chart.boundingBox())!
    expect(latest!.x + latest!.width).toBeLessThanOrEqual(box.x + box.width + 1)
    expect(latest!.x).toBeGreaterThanOrEqual(box.x)
    expect(await chart.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true)
    await page.close()
    const startup = await open('startups/alpha/')
    expect(await startup.page.textContent('.fields')).toContain('20 octobre 2026')
    await startup.page.close()
  })

  it('makes no request to another origin and loads every file it asks for, on every page type', async () => {
    for (const url of PAGE_TYPES) (await open(url)).page.close()
    expect(blocked).toEqual([])
    expect(failures).toEqual([])
  })

  it('sets a Content-Security-Policy on every page type that nothing in the page violates: no inline script, no inline style', async () => {
    const csp = await browser.newContext({ viewport: { width: 1280, height: 900 } })
    await guardOrigins(csp)
    await csp.addInitScript(() => {
      const seen: string[] = []
      ;(globalThis as unknown as { violations: string[] }).violations = seen
      document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.effectiveDirective} ${e.blockedURI}`))
    })
    for (const url of [...PAGE_TYPES, 'editer/']) {
      const page = await csp.newPage()
      const console: string[] = []
      page.on('console', (m) => /Content Security Policy/i.test(m.text()) && console.push(m.text()))
      await page.goto(server.url + url)
      await page.waitForTimeout(150)
      const state = await page.evaluate(() => ({
        policy: document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content') ?? '',
        styled: [...document.querySelectorAll('[style]')].map((el) => el.tagName),
        inline: [...document.querySelectorAll('script:not([src]), style')].length,
        violations: (globalThis as unknown as { violations: string[] }).violations,
      }))
      expect(state.policy, url).toMatch(/^default-src 'self'; script-src 'self'; style-src 'self';/)
      expect(state.styled, url).toEqual([])
      expect(state.inline, url).toBe(0)
      expect(state.violations, url).toEqual([])
      expect(console, url).toEqual([])
      await page.close()
    }
    // The policy is in force: an inline script added by a page's text would not run.
    const page = await csp.newPage()
    await page.goto(server.url)
    const ran = await page.evaluate(() => {
      const s = document.createElement('script')
      s.textContent = 'window.ranInline = true'
      document.body.append(s)
      return (window as unknown as { ranInline?: boolean }).ranInline === true
    })
    expect(ran).toBe(false)
    await csp.close()
  }, 90_000)

  it('has no serious or critical axe-core violation on any page type', async () => {
    for (const url of PAGE_TYPES) {
      const { page } = await open(url)
      expect(await seriousAxeViolations(page), url).toEqual([])
      await page.close()
    }
  }, 120_000)

  it('cuts nothing off: no table or container wider than its box, at 320, 375, 768, 1280 and 1920 pixels, on every page type', async () => {
    const page = await context.newPage()
    const problems: string[] = []
    for (const url of PAGE_TYPES) {
      await page.setViewportSize({ width: 1280, height: 900 })
      await page.goto(server.url + url)
      for (const width of WIDTHS) {
        await page.setViewportSize({ width, height: 900 })
        for (const p of await clippedBoxes(page)) problems.push(`${url || 'accueil'} at ${width}: ${p}`)
      }
    }
    expect(problems).toEqual([])
    // A table that scrolls announces itself: a named, focusable region.
    await page.setViewportSize({ width: 320, height: 900 })
    await page.goto(`${server.url}standards/`)
    const regions = await page.$$eval('table', (tables) => tables.map((t) => { const r = t.closest('[role="region"]'); return r ? `${r.getAttribute('tabindex')}|${r.getAttribute('aria-label')}` : 'none' }))
    expect(regions.length).toBeGreaterThan(0)
    for (const r of regions) expect(r).toMatch(/^0\|.+/)
    await page.close()
  }, 120_000)

  it('reaches the filters and every startup link with the keyboard alone', async () => {
    const { page } = await open('')
    await page.waitForSelector('#filtres', { state: 'visible' })
    const reached = new Set<string>()
    for (let i = 0; i < 60; i++) {
      await page.keyboard.press('Tab')
      const where = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null
        if (!el || el === document.body) return ''
        const outline = getComputedStyle(el).outlineStyle
        return `${el.id ? `#${el.id}` : (el.getAttribute('href') ?? el.tagName)}|${outline}`
      })
      const [target, outline] = where.split('|')
      if (target) {
        reached.add(target)
        // The focus is visible (DSFR draws an outline on focus).
        expect(outline, target).not.toBe('none')
      }
    }
    for (const id of ['#f-recherche', '#f-incubateur', '#f-phase', '#f-statut', '#f-categorie']) expect(reached, id).toContain(id)
    for (const id of STARTUP_IDS) expect(reached, id).toContain(`startups/${id}/`)
    await page.close()
  })

  it('writes screenshots of the home and a startup page, at desktop and phone widths', async () => {
    mkdirSync(ARTIFACTS, { recursive: true })
    for (const [width, name] of [[1280, 'bureau'], [375, 'telephone']] as const) {
      const sized = await browser.newContext({ viewport: { width, height: 800 } })
      await guardOrigins(sized)
      const page = await sized.newPage()
      for (const [url, file] of [['', 'accueil'], ['startups/alpha/', 'startup']] as const) {
        await page.goto(server.url + url)
        const shot = await page.screenshot({ path: path.join(ARTIFACTS, `${file}-${name}.png`), fullPage: true })
        expect(shot.length).toBeGreaterThan(1000)
        // Nothing wider than the screen: no horizontal scrolling on a phone.
        expect(await page.evaluate(() => document.documentElement.scrollWidth), `${url} at ${width}`).toBeLessThanOrEqual(width)
      }
      await sized.close()
    }
  })
})
