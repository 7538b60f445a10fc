/**
 * The editor page (/editer/) in Debian's Chromium: a new fiche filled with
 * three mistakes shows, next to each field, the French message and rule id
 * that the real `registry validate` gives for the saved text; once fixed, the
 * messages go, and the saved text passes `registry validate` and `registry
 * lint` with the warnings the page shows; the proposal link carries the file
 * name and the text; an existing fiche saved unchanged gives its bytes back;
 * keyboard only, phone width; axe finds nothing serious; nothing leaves the origin.
 */
import fs from 'node:fs'
import path from 'node:path'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { today } from '../../scripts/site/editor/check.ts'
import { controlId } from '../../scripts/site/editor/form-model.ts'
import type { Diagnostic } from '../../scripts/report/diagnostic.ts'
import { cleanTemps, GOOD, run, tempDir } from '../cli/run.ts'
import { guardOrigins, launchBrowser, seriousAxeViolations, serveStatic, skipBrowser, watchPage, type StaticServer } from './harness.ts'
import { buildEditorSite, REPOSITORY } from './editor-site.ts'

const AS_OF = today()

/** The CLI's diagnostics for `text` saved as startups/<id>.md in a copy of the fixture registry. */
async function cli(id: string, text: string): Promise<{ validate: Diagnostic[]; lint: Diagnostic[]; validateCode: number }> {
  const root = tempDir('editor-cli-')
  fs.cpSync(GOOD, root, { recursive: true })
  fs.writeFileSync(path.join(root, 'startups', `${id}.md`), text)
  const file = `startups/${id}.md`
  const v = await run(['validate', '--root', root, '--format', 'json', '--as-of', AS_OF])
  const l = await run(['lint', '--root', root, '--format', 'json', '--as-of', AS_OF])
  const pick = (stdout: string) => (JSON.parse(stdout).diagnostics as Diagnostic[]).filter((d) => d.file === file)
  return { validate: pick(v.stdout), lint: pick(l.stdout), validateCode: v.code }
}

/** Every message the page shows: where (the messages box), severity, text, rule id. */
async function shownMessages(page: Page): Promise<{ box: string; severity: string; text: string; rule: string }[]> {
  return page.$$eval('#editeur [data-rule]', (nodes) =>
    nodes.map((n) => ({
      box: n.closest('.fr-messages-group')?.id ?? 'general',
      severity: n.classList.contains('fr-message--error') ? 'error' : 'warning',
      text: n.textContent ?? '',
      rule: n.getAttribute('data-rule') ?? '',
    })),
  )
}

/** Waits for the checks that follow the last keystroke (debounced) to have run. */
async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() => document.body.dataset.pending === undefined)
}

/** Opens a pasted text under an id, and waits for its checks. */
async function paste(page: Page, text: string, id: string): Promise<void> {
  await page.fill('#editeur-coller', text)
  await page.fill('#editeur-coller-id', id)
  await page.click('#editeur-coller-ouvrir')
  await settled(page)
}

/** The text the "Télécharger" link saves. */
async function download(page: Page): Promise<string> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.click('#editeur-telecharger')])
  const saved = await file.path()
  return fs.readFileSync(saved, 'utf8')
}

describe.skipIf(skipBrowser)('the editor page', () => {
  let browser: Browser
  let server: StaticServer
  let context: BrowserContext
  let blocked: string[]
  let page: Page
  let watched: ReturnType<typeof watchPage>

  beforeAll(async () => {
    const out = await buildEditorSite()
    server = await serveStatic(out, '/registre/')
    browser = await launchBrowser()
    context = await browser.newContext({ acceptDownloads: true })
    blocked = await guardOrigins(context)
    page = await context.newPage()
    watched = watchPage(page)
    await page.goto(`${server.url}editer/`)
    await page.waitForSelector('body[data-editor="ready"]')
  }, 90_000)

  afterAll(async () => {
    await browser?.close()
    await server?.close()
    cleanTemps()
  })

  it('shows each mistake of a new fiche next to its field, with the message and rule id of registry validate', async () => {
    await page.click('#editeur-nouvelle')
    // The name of a fiche of the registry: said at once (GitHub would refuse to create it).
    await page.fill('#champ-identifiant', 'exemple')
    expect(await page.isVisible('#champ-identifiant-note')).toBe(true)
    expect(await page.textContent('#champ-identifiant-note')).toContain('« exemple »')
    await page.fill('#champ-identifiant', 'mon-produit')
    expect(await page.isVisible('#champ-identifiant-note')).toBe(false)
    await page.fill('#champ-title', 'Mon produit')
    await page.fill('#champ-mission', 'Simplifier la vie des usagers du service public')
    await page.selectOption('#champ-incubator', 'dinum')
    await page.fill('#champ-contact', 'equipe-at-exemple.fr')
    await page.fill('#champ-link', 'exemple.beta.gouv.fr')
    await page.click('text=Ajouter un élément à phases')
    await page.selectOption('#champ-phases-0-name', 'construction')
    await page.fill('#champ-phases-0-start', '2025-02-30')
    await settled(page)

    const text = await download(page)
    expect(text).toMatch(/^---\ntitle: Mon produit\n/)
    const { validate, validateCode } = await cli('mon-produit', text)
    expect(validateCode).toBe(1)
    const errors = validate.filter((d) => d.severity === 'error')
    expect(errors.map((d) => d.path).sort()).toEqual(['/contact', '/link', '/phases/0/start'])
    const shown = await shownMessages(page)
    for (const d of errors) {
      const box = `${controlId(d.path!)}-messages`
      const next = shown.filter((m) => m.box === box && m.severity === 'error')
      expect(next.map((m) => m.rule), d.path).toEqual([d.ruleId])
      expect(next[0]!.text).toContain(d.message)
      expect(next[0]!.text).toContain(d.hint)
      // Tied to the field: described by its messages, marked invalid.
      const control = page.locator(`#${controlId(d.path!)}`)
      expect(await control.getAttribute('aria-describedby')).toContain(box)
      expect(await control.getAttribute('aria-invalid')).toBe('true')
    }
    // No other error anywhere on the page.
    expect(shown.filter((m) => m.severity === 'error')).toHaveLength(3)
    expect(await page.textContent('#editeur-etat')).toContain('3 erreurs (la vérification refuserait la fiche)')
    expect(await seriousAxeViolations(page)).toEqual([])
  })

  it('clears the messages once fixed; the saved text passes validate and lint with the warnings the page shows; the proposal link carries it', async () => {
    await page.fill('#champ-contact', 'equipe@exemple.beta.gouv.fr')
    await page.fill('#champ-link', 'https://exemple.beta.gouv.fr')
    await page.fill('#champ-phases-0-start', '2025-02-03')
    await page.fill('#champ-corps', '## Le problème\n\nUn texte **important**.\n')
    await settled(page)
    const shown = await shownMessages(page)
    expect(shown.filter((m) => m.severity === 'error')).toEqual([])
    for (const pointer of ['/contact', '/link', '/phases/0/start']) {
      expect(await page.locator(`#${controlId(pointer)}`).getAttribute('aria-invalid')).toBeNull()
    }
    expect(await page.innerHTML('#editeur-apercu')).toContain('<strong>important</strong>')

    const text = await download(page)
    expect(await page.inputValue('#editeur-texte')).toBe(text)
    const { validate, lint, validateCode } = await cli('mon-produit', text)
    expect(validateCode).toBe(0)
    expect(validate.filter((d) => d.severity === 'error')).toEqual([])
    // The same warnings as the page, once each (validate's standards warnings are lint's too).
    const expected = new Map([...validate, ...lint].map((d) => [`${d.ruleId} ${d.message}`, d]))
    expect(expected.size).toBeGreaterThan(0)
    const pageWarnings = shown.filter((m) => m.severity === 'warning')
    expect(pageWarnings).toHaveLength(expected.size)
    for (const d of expected.values()) {
      expect(pageWarnings.some((m) => m.rule === d.ruleId && m.text.includes(d.message) && m.text.includes(d.hint)), `${d.ruleId} ${d.message}`).toBe(true)
    }
    // The per-category summary lists what is missing: each lint warning of a standards rule.
    const summary = await page.textContent('#editeur-standards')
    for (const d of lint) expect(summary).toContain(d.message)

    const href = (await page.getAttribute('#editeur-proposer', 'href'))!
    const url = new URL(href)
    expect(`${url.origin}${url.pathname}`).toBe(`${REPOSITORY}/new/main`)
    expect(url.searchParams.get('filename')).toBe('startups/mon-produit.md')
    expect(url.searchParams.get('value')).toBe(text)
    expect(await seriousAxeViolations(page)).toEqual([])
  })

  it('opens a fiche of the registry and saves it unchanged byte for byte; one field changed changes one line; proposes GitHub’s edit page', async () => {
    const original = fs.readFileSync(path.join(GOOD, 'startups/exemple.md'), 'utf8')
    await page.selectOption('#editeur-liste', 'startups/exemple.md')
    await page.click('#editeur-ouvrir')
    await settled(page)
    expect(await page.inputValue('#champ-title')).toBe('Exemple')
    expect(await page.inputValue('#champ-phases-1-name')).toBe('construction')
    expect(await download(page)).toBe(original)
    await page.fill('#champ-title', 'Exemple renommé')
    await settled(page)
    const changed = await download(page)
    const a = original.split('\n')
    const b = changed.split('\n')
    expect(b).toHaveLength(a.length)
    expect(a.filter((line, i) => line !== b[i])).toEqual(['title: Exemple'])
    expect(b.filter((line, i) => line !== a[i])).toEqual(['title: Exemple renommé'])
    expect(await page.getAttribute('#editeur-proposer', 'href')).toBe(`${REPOSITORY}/edit/main/startups/exemple.md`)
    expect(await page.textContent('#editeur-proposer-note')).toContain('presse-papiers')
  })

  it('writes what was typed, not how: no quotes left by a keystroke, and the opened bytes back when a value is typed back', async () => {
    const original = fs.readFileSync(path.join(GOOD, 'startups/exemple.md'), 'utf8')
    await page.selectOption('#editeur-liste', 'startups/exemple.md')
    await page.click('#editeur-ouvrir')
    await settled(page)
    // "Au " (a trailing space needs quotes in YAML) on the way to "Au clavier" (it does not).
    await page.fill('#champ-title', '')
    await page.type('#champ-title', 'Au clavier')
    await settled(page)
    expect((await download(page)).split('\n')).toContain('title: Au clavier')
    await page.fill('#champ-title', '')
    await page.type('#champ-title', 'Exemple')
    await settled(page)
    expect(await download(page)).toBe(original)
  })

  it('opens a pasted text, keeps its comment and unknown key, and lists what no field shows above the form', async () => {
    const pasted = fs.readFileSync(path.join(GOOD, 'startups/exemple.md'), 'utf8').replace('title: Exemple', '# commentaire\ntitle: Exemple\nreposiroty: https://github.com/betagouv/colle')
    await paste(page, pasted, 'colle')
    expect(await download(page)).toBe(pasted)
    const general = (await shownMessages(page)).filter((m) => m.box === 'general')
    expect(general.map((m) => m.rule)).toContain('schema/unknown-key')
    expect(general.find((m) => m.rule === 'schema/unknown-key')!.text).toContain('« repository »')
    // A new file: GitHub's new-file page.
    expect(await page.getAttribute('#editeur-proposer', 'href')).toMatch(/\/new\/main\?filename=startups%2Fcolle\.md&value=/)
  })

  it('opens the fiche named in the address (editer/?fiche=<id>), and is in the site’s menu', async () => {
    const other = await context.newPage()
    await other.goto(`${server.url}editer/?fiche=exemple`)
    await other.waitForSelector('body[data-editor="ready"]')
    expect(await other.inputValue('#champ-title')).toBe('Exemple')
    expect(await other.textContent('#editeur-titre-fiche')).toContain('startups/exemple.md')
    expect(await other.getAttribute('a.site-nav__link[aria-current="page"]', 'href')).toBe('../editer/')
    await other.close()
  })

  it('opens a text whose header cannot be read without touching it: the error above the form, the form inactive', async () => {
    const broken = '---\ntitle: Cassé\nmission: [non fermé\nincubator: dinum\n---\nTexte.\n'
    await paste(page, broken, 'casse')
    expect(await page.isVisible('#editeur-gele')).toBe(true)
    expect(await page.isDisabled('#champ-title')).toBe(true)
    expect(await page.isDisabled('#champ-corps')).toBe(true)
    const general = (await shownMessages(page)).filter((m) => m.box === 'general')
    expect(general.map((m) => m.rule)).toEqual(['yaml/syntax'])
    expect(await download(page)).toBe(broken)
    // A readable fiche makes the form active again.
    await page.click('#editeur-nouvelle')
    expect(await page.isVisible('#editeur-gele')).toBe(false)
    expect(await page.isDisabled('#champ-title')).toBe(false)
  })

  it('opens a hostile text inert: markup in values, messages and preview is text', async () => {
    const hostile = '---\ntitle: <script>alert("titre")</script>\nmission: <img src=x onerror=alert("img")>\nincubator: \'"><svg onload=alert(1)>\'\n---\n<script>alert("corps")</script>\n[lien](javascript:alert("lien"))\n'
    await paste(page, hostile, 'piege')
    expect(await page.inputValue('#champ-title')).toBe('<script>alert("titre")</script>')
    expect(await page.$$eval('#editeur script, #editeur img, #editeur svg, #editeur [onerror], #editeur a[href^="javascript"]', (n) => n.length)).toBe(0)
    expect(await page.textContent('#editeur-apercu')).toContain('<script>alert("corps")</script>')
    expect(watched.dialogs).toEqual([])
  })

  it('keeps working offline once loaded: opening a fiche of the registry and checking it need nothing more', async () => {
    await context.setOffline(true)
    try {
      await page.selectOption('#editeur-liste', 'startups/exemple.md')
      await page.click('#editeur-ouvrir')
      await page.fill('#champ-contact', 'hors-ligne')
      await settled(page)
      const shown = await shownMessages(page)
      expect(shown.filter((m) => m.box === 'champ-contact-messages').map((m) => m.rule)).toEqual(['schema/format'])
    } finally {
      await context.setOffline(false)
    }
  })

  it('an id with a slash gives a located message under the identifier, and the checks go on', async () => {
    await page.click('#editeur-nouvelle')
    await page.fill('#champ-identifiant', 'dossier/produit')
    await settled(page)
    const shown = await shownMessages(page)
    expect(shown.filter((m) => m.box === 'champ-identifiant-messages').map((m) => [m.rule, m.severity])).toEqual([['id/invalid', 'error']])
    expect(shown.find((m) => m.rule === 'id/invalid')!.text).toContain('« dossier/produit.md »')
    // The other fields are still checked.
    expect(shown.filter((m) => m.box !== 'champ-identifiant-messages').map((m) => m.rule), JSON.stringify(shown)).not.toEqual([])
    // And the checks go on with the next keystrokes.
    await page.fill('#champ-identifiant', 'produit')
    await settled(page)
    expect((await shownMessages(page)).filter((m) => m.box === 'champ-identifiant-messages')).toEqual([])
    expect(watched.errors).toEqual([])
  })

  it('its service worker keeps the editor’s own files only, in a cache named after the site’s base path', async () => {
    const fresh = await browser.newContext()
    await guardOrigins(fresh)
    const tab = await fresh.newPage()
    await tab.goto(`${server.url}editer/`)
    await tab.waitForSelector('body[data-editor="ready"]')
    await tab.waitForFunction(() => navigator.serviceWorker.controller !== null)
    // Same-origin requests that are not the editor's: the feed, another page, a page's query.
    await tab.evaluate(async () => {
      for (const url of ['../api/v1/index.json', '../donnees/', '../startups/exemple/', './?fiche=exemple', './?fiche=autre']) await fetch(url)
    })
    const caches = await tab.evaluate(async () => {
      const out: Record<string, string[]> = {}
      for (const name of await globalThis.caches.keys()) out[name] = (await (await globalThis.caches.open(name)).keys()).map((r) => new URL(r.url).pathname).sort()
      return out
    })
    expect(caches).toEqual({
      'registre-editeur:/registre/editer/': ['/registre/assets/dsfr/dsfr-site.min.css', '/registre/assets/site.css', '/registre/editer/', '/registre/editer/editeur.js', '/registre/editer/registre.json'],
    })
    await fresh.close()
  })

  it('reloads offline once visited (service worker, network first)', async () => {
    const fresh = await browser.newContext()
    const outside = await guardOrigins(fresh)
    const tab = await fresh.newPage()
    await tab.goto(`${server.url}editer/`)
    await tab.waitForSelector('body[data-editor="ready"]')
    await tab.waitForFunction(() => navigator.serviceWorker.controller !== null)
    await fresh.setOffline(true)
    try {
      await tab.goto(`${server.url}editer/?fiche=exemple`)
      await tab.waitForSelector('body[data-editor="ready"]')
      expect(await tab.inputValue('#champ-title')).toBe('Exemple')
      // The site's style sheet came from the kept copy too.
      expect(await tab.evaluate(() => [...document.styleSheets].filter((s) => s.cssRules.length > 0).length)).toBeGreaterThanOrEqual(2)
    } finally {
      await fresh.setOffline(false)
    }
    expect(outside).toEqual([])
    await fresh.close()
  })

  it('works with the keyboard alone and at phone width', async () => {
    await page.setViewportSize({ width: 375, height: 800 })
    await page.focus('#editeur-nouvelle')
    await page.keyboard.press('Enter')
    // "Nouvelle fiche" puts the focus on the identifier.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('champ-identifiant')
    await page.keyboard.type('au-clavier')
    await page.keyboard.press('Tab')
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('champ-title')
    await page.keyboard.type('Au clavier')
    // The add button of the phases, reached and pressed from the keyboard, focuses the new phase.
    await page.focus('text=Ajouter un élément à phases')
    await page.keyboard.press('Enter')
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('champ-phases-0-name')
    await settled(page)
    expect(await page.evaluate(() => (globalThis as unknown as { editeur: { getField(k: string): unknown } }).editeur.getField('title'))).toBe('Au clavier')
    // Nothing wider than the phone's screen.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375)
    expect(await seriousAxeViolations(page)).toEqual([])
  })

  it('made no request outside its origin, and no script error', () => {
    expect(blocked).toEqual([])
    expect(watched.errors).toEqual([])
    expect(watched.dialogs).toEqual([])
  })
})
