/**
 * Four tasks a product team does, walked in Chromium on the site `registry build` writes,
 * first with the mouse (clicks and typed values), then with the keyboard alone (Tab, Enter,
 * typing), each ending with the downloaded fiche:
 *   1. change the contact of an existing fiche and propose it on GitHub;
 *   2. declare that construction began on a given date (from the startup's page);
 *   3. create a new fiche from scratch, in three steps;
 *   4. add the missing statistics page, after reading the standards panel.
 * Each downloaded fiche passes the real `registry validate`, changes only the lines it should,
 * and the error summary lists exactly the diagnostics the CLI gives for it. Every step of the
 * mouse walk is checked by axe-core (nothing serious or critical) and photographed at 1280 and
 * 375 pixels into test-artifacts/editeur/ (or $EDITOR_ARTIFACTS); the number of actions and the
 * time of each walk are written to parcours.json there (docs/editeur.md gives them).
 */
import fs from 'node:fs'
import path from 'node:path'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { today } from '../../scripts/site/editor/check.ts'
import { newFicheText } from '../../scripts/site/editor/new-fiche.ts'
import { cleanTemps, GOOD, REPO } from '../cli/run.ts'
import { guardOrigins, launchBrowser, seriousAxeViolations, serveStatic, skipBrowser, watchPage, type AxeViolation, type StaticServer } from './harness.ts'
import { buildEditorSite, cliDiagnostics, onceEach, REPOSITORY, WALK_FILES } from './editor-site.ts'
import { download, settled, summaryItems } from './editor-page.ts'

const AS_OF = today()
const ARTIFACTS = process.env.EDITOR_ARTIFACTS ?? path.join(REPO, 'test-artifacts', 'editeur')

/** The lines a change removed and added, in order (a diff of two texts, line by line). */
function lineChanges(before: string, after: string): { removed: string[]; added: string[] } {
  const a = before.split('\n')
  const b = after.split('\n')
  // Longest common subsequence: texts of a few dozen lines.
  const lcs = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0))
  for (let i = a.length - 1; i >= 0; i--) for (let j = b.length - 1; j >= 0; j--) lcs[i]![j] = a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!)
  const removed: string[] = []
  const added: string[] = []
  let i = 0
  let j = 0
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) (i++, j++)
    else if (lcs[i + 1]![j]! >= lcs[i]![j + 1]!) removed.push(a[i++]!)
    else added.push(b[j++]!)
  }
  return { removed: [...removed, ...a.slice(i)], added: [...added, ...b.slice(j)] }
}

interface WalkResult {
  task: number
  mode: 'souris' | 'clavier'
  actions: number
  ms: number
}

/**
 * A walk: its actions counted (a click, a chosen option, a typed value, a key), its time
 * measured without the photographs and accessibility checks, which only the mouse walk takes.
 */
class Walk {
  actions = 0
  private paused = 0
  private readonly started = performance.now()
  readonly violations: { state: string; violations: AxeViolation[] }[] = []
  private shots = 0

  constructor(readonly page: Page, readonly task: number, readonly mode: 'souris' | 'clavier') {}

  async click(selector: string): Promise<void> {
    this.actions++
    await this.page.click(selector)
  }

  async fill(selector: string, value: string): Promise<void> {
    this.actions++
    await this.page.fill(selector, value)
  }

  async choose(selector: string, value: string): Promise<void> {
    this.actions++
    await this.page.selectOption(selector, value)
  }

  async press(key: string): Promise<void> {
    this.actions++
    await this.page.keyboard.press(key)
  }

  async type(text: string): Promise<void> {
    this.actions++
    await this.page.keyboard.type(text)
  }

  /** Tab (or Shift+Tab) until the focus is on `selector`: each key counts. */
  async tabTo(selector: string, backwards = false): Promise<void> {
    for (let i = 0; i < 400; i++) {
      if (await this.page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return
      await this.press(backwards ? 'Shift+Tab' : 'Tab')
    }
    throw new Error(`the keyboard never reached ${selector}`)
  }

  /** The focus is where a keyboard user expects it. */
  async focused(): Promise<string> {
    return this.page.evaluate(() => document.activeElement?.id ?? '')
  }

  /** A step of the mouse walk: axe-core on the page as it is, and its photograph at 1280 and 375 pixels (not timed). */
  async step(name: string, show?: string): Promise<void> {
    if (this.mode !== 'souris') return
    const start = performance.now()
    await settled(this.page)
    this.violations.push({ state: `tâche ${this.task}, ${name}`, violations: await seriousAxeViolations(this.page) })
    if (process.env.WALK_DEBUG) console.log('axe', name, Math.round(performance.now() - start))
    const file = `tache-${this.task}-${String(++this.shots).padStart(2, '0')}-${name}`
    for (const width of [1280, 375]) {
      await this.page.setViewportSize({ width, height: width === 375 ? 812 : 900 })
      await this.page.evaluate((selector) => (selector ? document.querySelector(selector) : document.activeElement && document.activeElement !== document.body ? document.activeElement : document.querySelector('h1'))?.scrollIntoView({ block: 'center' }), show)
      await this.page.screenshot({ path: path.join(ARTIFACTS, `${file}-${width}.png`) })
    }
    await this.page.setViewportSize({ width: 1280, height: 900 })
    if (process.env.WALK_DEBUG) console.log('step', name, Math.round(performance.now() - start))
    this.paused += performance.now() - start
  }

  done(): WalkResult {
    return { task: this.task, mode: this.mode, actions: this.actions, ms: Math.round(performance.now() - this.started - this.paused) }
  }
}

describe.skipIf(skipBrowser)('four tasks of a product team, with the mouse and with the keyboard alone', () => {
  let browser: Browser
  let server: StaticServer
  let context: BrowserContext
  let watched: ReturnType<typeof watchPage>[] = []
  const results: WalkResult[] = []
  const downloads = new Map<string, string>()

  beforeAll(async () => {
    fs.mkdirSync(ARTIFACTS, { recursive: true })
    const out = await buildEditorSite()
    server = await serveStatic(out, '/registre/')
    browser = await launchBrowser()
    context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1280, height: 900 } })
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(server.url).origin })
    await guardOrigins(context)
    // Every state of the editor under the pages' Content-Security-Policy: anything it refuses is recorded.
    await context.addInitScript(() => {
      const seen: string[] = []
      ;(globalThis as unknown as { violations: string[] }).violations = seen
      document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.effectiveDirective} ${e.blockedURI}`))
    })
  }, 90_000)

  afterAll(async () => {
    fs.writeFileSync(path.join(ARTIFACTS, 'parcours.json'), `${JSON.stringify({ date: new Date().toISOString(), results }, null, 2)}\n`)
    await browser?.close()
    await server?.close()
    cleanTemps()
  })

  async function fresh(url: string): Promise<Page> {
    const page = await context.newPage()
    watched.push(watchPage(page))
    await page.goto(server.url + url)
    if (url.startsWith('editer/')) await page.waitForSelector('body[data-editor="ready"]')
    return page
  }

  /** What every task ends with: the downloaded fiche passes validate, and the summary lists exactly the CLI's diagnostics for it. */
  async function checkDownloaded(page: Page, id: string, text: string): Promise<void> {
    await settled(page)
    const { validate, lint, validateCode } = await cliDiagnostics(id, text, AS_OF)
    expect(validateCode, JSON.stringify(validate)).toBe(0)
    expect(await summaryItems(page)).toEqual(onceEach([...validate, ...lint]))
  }

  async function finish(walk: Walk, key: string, text: string): Promise<void> {
    results.push(walk.done())
    expect(await walk.page.evaluate(() => (globalThis as unknown as { violations: string[] }).violations)).toEqual([])
    const same = downloads.get(key)
    // The keyboard walk ends with the same fiche as the mouse walk.
    if (same !== undefined) expect(text).toBe(same)
    else downloads.set(key, text)
    expect(walk.violations.filter((v) => v.violations.length > 0)).toEqual([])
  }

  const exemple = fs.readFileSync(path.join(GOOD, 'startups/exemple.md'), 'utf8')

  it('1. changes the contact of an existing fiche and proposes it, with the mouse', async () => {
    const page = await fresh('editer/')
    const walk = new Walk(page, 1, 'souris')
    await walk.step('accueil')
    await walk.choose('#editeur-liste', 'startups/exemple.md')
    await walk.click('#editeur-ouvrir')
    await walk.step('fiche-ouverte')
    await walk.click('#section-portage > summary')
    await walk.fill('#champ-contact', 'contact@exemple.beta.gouv.fr')
    await settled(page)
    await walk.step('contact-change')
    expect(await page.getAttribute('#editeur-proposer', 'href')).toBe(`${REPOSITORY}/edit/main/startups/exemple.md`)
    // GitHub's page opens in a new tab (the guard stops it: no test leaves the machine).
    const [popup] = await Promise.all([page.waitForEvent('popup'), walk.click('#editeur-proposer')])
    await popup.close()
    const text = await download(page)
    walk.actions++
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(text)
    expect(lineChanges(exemple, text)).toEqual({ removed: ['contact: equipe@exemple.beta.gouv.fr'], added: ['contact: contact@exemple.beta.gouv.fr'] })
    await checkDownloaded(page, 'exemple', text)
    await walk.step('propose', '#editeur-proposer')
    await finish(walk, 'contact', text)
  }, 120_000)

  it('2. declares that construction began on a date, from the startup’s page, with the mouse', async () => {
    const page = await fresh('startups/guichet-test/')
    const walk = new Walk(page, 2, 'souris')
    await walk.click('a:has-text("Modifier dans l’éditeur")')
    await page.waitForSelector('body[data-editor="ready"]')
    await walk.step('fiche-ouverte')
    await walk.click('#section-parcours > summary')
    await walk.click('#phase-commencer')
    expect(await page.inputValue('#phase-nouvelle-nom')).toBe('construction')
    expect(await page.textContent('#phase-nouvelle-aide')).toContain('La phase en cours (Investigation, depuis le 6 janvier 2025) se terminera la veille.')
    await walk.step('nouvelle-phase')
    await walk.fill('#phase-nouvelle-debut', '2025-06-02')
    await walk.click('#phase-ajouter')
    await settled(page)
    expect(await page.textContent('#phase-annonce')).toBe('Phase Construction ajoutée à partir du 2 juin 2025 ; la phase Investigation se termine le 1er juin 2025.')
    await walk.step('phase-ajoutee')
    const text = await download(page)
    walk.actions++
    expect(lineChanges(WALK_FILES['startups/guichet-test.md']!, text)).toEqual({ removed: [], added: ['    end: 2025-06-01', '  - name: construction', '    start: 2025-06-02'] })
    await checkDownloaded(page, 'guichet-test', text)
    await finish(walk, 'construction', text)
  }, 120_000)

  const NEW_FICHE = newFicheText({ title: 'Mon produit', mission: 'Simplifier une démarche pour les usagers', incubator: 'dinum', sponsor: 'dinum', contact: 'equipe@exemple.beta.gouv.fr', phase: 'investigation', start: '2025-03-03', link: '', repository: '', stats_url: '' })

  it('3. creates a new fiche from scratch in three steps, with the mouse', async () => {
    const page = await fresh('editer/')
    const walk = new Walk(page, 3, 'souris')
    await walk.click('#editeur-nouvelle')
    await walk.step('etape-1')
    // Going on with nothing filled says what is missing, at the step's fields.
    await walk.click('#creation-suite')
    expect(await page.getAttribute('#creation-title', 'aria-invalid')).toBe('true')
    await walk.step('etape-1-erreurs')
    await walk.fill('#creation-title', 'Mon produit')
    expect(await page.inputValue('#creation-id')).toBe('mon-produit')
    await walk.fill('#creation-mission', 'Simplifier une démarche pour les usagers')
    await walk.choose('#creation-incubator', 'dinum')
    await walk.choose('#creation-sponsor', 'dinum')
    await walk.fill('#creation-contact', 'equipe@exemple.beta.gouv.fr')
    await walk.click('#creation-suite')
    expect(await page.textContent('#creation-etape-etat')).toBe('Étape 2 sur 3')
    await walk.step('etape-2')
    await walk.choose('#creation-phase', 'investigation')
    await walk.fill('#creation-start', '2025-03-03')
    await walk.click('#creation-suite')
    await walk.step('etape-3')
    await walk.click('#creation-suite')
    await settled(page)
    expect(await page.textContent('#editeur-titre-fiche')).toBe('Mon produit')
    await walk.step('fiche-creee', '#editeur-resume')
    const text = await download(page)
    walk.actions++
    expect(text).toBe(NEW_FICHE)
    await checkDownloaded(page, 'mon-produit', text)
    await finish(walk, 'new', text)
  }, 120_000)

  it('4. adds the missing statistics page after reading the standards panel, with the mouse', async () => {
    const page = await fresh('editer/?fiche=service-en-ligne')
    const walk = new Walk(page, 4, 'souris')
    await settled(page)
    const missing = page.locator('#editeur-standards [data-rule="stats-missing"]')
    expect(await missing.textContent()).toContain('Page de statistiques (stats_url)')
    await walk.step('panneau-standards', '#editeur-standards [data-rule="stats-missing"]')
    await walk.click('#editeur-standards [data-rule="stats-missing"] a')
    expect(await walk.focused()).toBe('champ-stats_url')
    await walk.fill('#champ-stats_url', 'https://service-en-ligne.exemple.fr/stats')
    await settled(page)
    expect(await missing.count()).toBe(0)
    await walk.step('statistiques')
    const text = await download(page)
    walk.actions++
    expect(lineChanges(WALK_FILES['startups/service-en-ligne.md']!, text)).toEqual({ removed: [], added: ['stats_url: https://service-en-ligne.exemple.fr/stats'] })
    await checkDownloaded(page, 'service-en-ligne', text)
    await finish(walk, 'stats', text)
  }, 120_000)

  it('1. the same with the keyboard alone', async () => {
    const page = await fresh('editer/')
    const walk = new Walk(page, 1, 'clavier')
    await walk.tabTo('#editeur-liste')
    await walk.type('Exemple')
    await walk.tabTo('#editeur-ouvrir')
    await walk.press('Enter')
    // The fiche's text comes from the network (once): the focus moves to its title when it is open.
    await settled(page)
    expect(await walk.focused()).toBe('editeur-titre-fiche')
    await walk.tabTo('#section-portage > summary')
    await walk.press('Enter')
    await walk.tabTo('#champ-contact')
    await walk.press('Control+A')
    await walk.type('contact@exemple.beta.gouv.fr')
    await settled(page)
    await walk.tabTo('#editeur-proposer', true)
    const [popup] = await Promise.all([page.waitForEvent('popup'), walk.press('Enter')])
    await popup.close()
    await walk.tabTo('#editeur-telecharger')
    const text = await download(page, true)
    await finish(walk, 'contact', text)
  }, 120_000)

  it('2. the same with the keyboard alone', async () => {
    const page = await fresh('startups/guichet-test/')
    const walk = new Walk(page, 2, 'clavier')
    await walk.tabTo('a[href*="editer/?fiche=guichet-test"]')
    await walk.press('Enter')
    await page.waitForSelector('body[data-editor="ready"]')
    await walk.tabTo('#section-parcours > summary')
    await walk.press('Enter')
    await walk.tabTo('#phase-commencer')
    await walk.press('Enter')
    expect(await walk.focused()).toBe('phase-nouvelle-nom')
    await walk.press('Tab')
    await walk.type('2025-06-02')
    await walk.press('Tab')
    await walk.press('Enter')
    await settled(page)
    await walk.tabTo('#editeur-telecharger', true)
    const text = await download(page, true)
    await finish(walk, 'construction', text)
  }, 120_000)

  it('3. the same with the keyboard alone', async () => {
    const page = await fresh('editer/')
    const walk = new Walk(page, 3, 'clavier')
    await walk.tabTo('#editeur-nouvelle')
    await walk.press('Enter')
    await walk.tabTo('#creation-title')
    await walk.type('Mon produit')
    await walk.press('Tab')
    await walk.type('Simplifier une démarche pour les usagers')
    await walk.press('Tab')
    await walk.type('Incubateur de la DINUM')
    await walk.press('Tab')
    await walk.type('Direction')
    await walk.press('Tab')
    await walk.type('equipe@exemple.beta.gouv.fr')
    await walk.press('Enter')
    expect(await page.textContent('#creation-etape-etat')).toBe('Étape 2 sur 3')
    await walk.tabTo('#creation-phase')
    await walk.type('Investigation')
    await walk.press('Tab')
    await walk.type('2025-03-03')
    await walk.press('Enter')
    expect(await page.textContent('#creation-etape-etat')).toBe('Étape 3 sur 3')
    await walk.tabTo('#creation-suite')
    await walk.press('Enter')
    await settled(page)
    expect(await walk.focused()).toBe('editeur-titre-fiche')
    await walk.tabTo('#editeur-telecharger')
    const text = await download(page, true)
    await finish(walk, 'new', text)
  }, 120_000)

  it('4. the same with the keyboard alone', async () => {
    const page = await fresh('editer/?fiche=service-en-ligne')
    const walk = new Walk(page, 4, 'clavier')
    await settled(page)
    await walk.tabTo('#editeur-standards [data-rule="stats-missing"] a')
    await walk.press('Enter')
    expect(await walk.focused()).toBe('champ-stats_url')
    await walk.type('https://service-en-ligne.exemple.fr/stats')
    await settled(page)
    await walk.tabTo('#editeur-telecharger', true)
    const text = await download(page, true)
    await finish(walk, 'stats', text)
  }, 120_000)

  it('ran without a script error, and left the site only for GitHub’s page, which the guard stopped', () => {
    for (const w of watched) {
      expect(w.errors).toEqual([])
      expect(w.dialogs).toEqual([])
    }
    expect(results.map((r) => `${r.task} ${r.mode}`).sort()).toEqual(['1 clavier', '1 souris', '2 clavier', '2 souris', '3 clavier', '3 souris', '4 clavier', '4 souris'])
  })
})
