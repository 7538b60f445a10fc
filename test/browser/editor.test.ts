/**
 * The editor page (/editer/) in Debian's Chromium, on the site `registry build` writes: every
 * mistake shown next to its field with the message and rule id of the real `registry validate`,
 * and in the error summary exactly the diagnostics the CLI gives for the downloaded text; labels
 * in French, never a raw key; « Appliquer » where the correction is certain; the saved text
 * passes validate and lint; an existing fiche saved unchanged gives its bytes back; a pasted text
 * keeps its comments and unknown keys; an unreadable header is never rewritten; hostile texts are
 * inert; offline; nothing cut off from 320 to 1920 pixels; nothing leaves the origin. The four
 * tasks of a product team are walked in editor-walk.test.ts.
 */
import fs from 'node:fs'
import path from 'node:path'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { today } from '../../scripts/site/editor/check.ts'
import { controlId } from '../../scripts/site/editor/form-model.ts'
import { cleanTemps, GOOD } from '../cli/run.ts'
import { clippedBoxes, guardOrigins, launchBrowser, seriousAxeViolations, serveStatic, skipBrowser, watchPage, WIDTHS, type StaticServer } from './harness.ts'
import { buildEditorSite, cliDiagnostics, onceEach, REPOSITORY, ODD_FICHE } from './editor-site.ts'
import { download, fieldMessages, openAllSections, openSection, rawKeyLabels, rawKeysIn, seePreview, settled, summaryItems } from './editor-page.ts'

const AS_OF = today()

describe.skipIf(skipBrowser)('the editor page', () => {
  let browser: Browser
  let server: StaticServer
  let context: BrowserContext
  let blocked: string[]
  let page: Page
  let watched: ReturnType<typeof watchPage>
  let out: string

  beforeAll(async () => {
    out = await buildEditorSite()
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

  /** Opens a pasted text under an id, and waits for its checks. */
  async function paste(text: string, id: string): Promise<void> {
    if (await page.isHidden('#editeur-accueil')) await page.click('#editeur-changer')
    if (!(await page.$eval('.editeur-coller', (d) => (d as HTMLDetailsElement).open))) await page.click('.editeur-coller > summary')
    await page.fill('#editeur-coller', text)
    await page.fill('#editeur-coller-id', id)
    await page.click('#editeur-coller-ouvrir')
    await settled(page)
  }

  async function openRegistryFiche(file: string): Promise<void> {
    if (await page.isHidden('#editeur-accueil')) await page.click('#editeur-changer')
    await page.selectOption('#editeur-liste', file)
    await page.click('#editeur-ouvrir')
    await settled(page)
  }

  const MISTAKES = '---\ntitle: Mon produit\nmission: Simplifier la vie des usagers du service public\nincubator: dinum\ncontact: equipe-at-exemple.fr\nlink: exemple.beta.gouv.fr\nphases:\n  - name: construction\n    start: 2025-02-30\n---\n'

  it('shows each mistake next to its field with the message and rule id of registry validate, and lists exactly the CLI’s diagnostics in the summary', async () => {
    await paste(MISTAKES, 'mon-produit')
    const text = await download(page)
    expect(text).toBe(MISTAKES)
    const { validate, lint, validateCode } = await cliDiagnostics('mon-produit', text, AS_OF)
    expect(validateCode).toBe(1)
    const errors = validate.filter((d) => d.severity === 'error')
    expect(errors.map((d) => d.path).sort()).toEqual(['/contact', '/link', '/phases/0/start'])
    const shown = await fieldMessages(page)
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
    expect(shown.filter((m) => m.severity === 'error')).toHaveLength(3)
    expect(await page.textContent('#editeur-etat')).toContain('3 erreurs (la vérification refuserait la fiche)')
    // The summary: exactly the CLI's diagnostics for this text (validate's and lint's, once each).
    expect(await summaryItems(page)).toEqual(onceEach([...validate, ...lint]))
    expect(await page.textContent('#editeur-resume-titre')).toMatch(/^La fiche a 3 erreurs et \d+ avertissements?$/)
    // Each section says how many of them are its own.
    expect(await page.textContent('#section-portage-compte')).toBe('1 erreur')
    expect(await page.textContent('#section-parcours-compte')).toMatch(/^1 erreur/)
    // A link of the summary opens the section and puts the focus on the field.
    expect(await page.$eval('#section-preuves', (d) => (d as HTMLDetailsElement).open)).toBe(false)
    await page.click('#editeur-resume li[data-rule="schema/format"] a >> nth=1')
    expect(await page.$eval('#section-preuves', (d) => (d as HTMLDetailsElement).open)).toBe(true)
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('champ-link')
    expect(await seriousAxeViolations(page)).toEqual([])
  })

  it('clears the messages once fixed; the saved text passes validate and lint with the warnings the page shows', async () => {
    await openAllSections(page)
    await page.fill('#champ-contact', 'equipe@exemple.beta.gouv.fr')
    await page.fill('#champ-link', 'https://exemple.beta.gouv.fr')
    await page.fill('#champ-phases-0-start', '2025-02-03')
    await page.fill('#champ-corps', '## Le problème\n\nUn texte **important**.\n')
    await settled(page)
    const shown = await fieldMessages(page)
    expect(shown.filter((m) => m.severity === 'error')).toEqual([])
    for (const pointer of ['/contact', '/link', '/phases/0/start']) expect(await page.locator(`#${controlId(pointer)}`).getAttribute('aria-invalid')).toBeNull()
    // The preview: the site's page for this text (its code comes when the preview is about to be seen).
    await seePreview(page)
    expect(await page.innerHTML('#editeur-apercu')).toContain('<strong>important</strong>')
    expect(await page.textContent('#editeur-apercu h4')).toBe('Mon produit')

    const text = await download(page)
    expect(await page.inputValue('#editeur-texte')).toBe(text)
    const { validate, lint, validateCode } = await cliDiagnostics('mon-produit', text, AS_OF)
    expect(validateCode).toBe(0)
    expect(validate.filter((d) => d.severity === 'error')).toEqual([])
    expect(await summaryItems(page)).toEqual(onceEach([...validate, ...lint]))
    // The standards panel: what is missing, and what to write.
    const panel = await page.textContent('#editeur-standards')
    for (const d of lint.filter((x) => !['value hygiene'].includes(x.ruleId))) if (!/^(url-not-https|value-blank|vocabulary-case|usertypes-unknown)$/.test(d.ruleId)) expect(panel).toContain(d.message)
    expect(await seriousAxeViolations(page)).toEqual([])
  })

  it('never labels a field or a button with a raw key (and would say so if one did)', async () => {
    await openRegistryFiche('startups/exemple.md')
    await openAllSections(page)
    // Every list has one item, so that items' labels and buttons are there too.
    for (const label of ['Ajouter un incubateur', 'Ajouter un événement', 'Ajouter une technologie', 'Ajouter une exemption']) await page.click(`button:has-text("${label}")`)
    await page.click('#phase-commencer')
    expect(await rawKeyLabels(page)).toEqual([])
    // The check itself finds the labels this page used to show.
    expect(rawKeysIn(['label|title', 'legend|sponsors n°1', 'button|Ajouter une valeur à incubators', 'label|analyse_risques_url', 'label|Nom', 'option|Page de statistiques (stats_url)'])).toEqual(['label|title', 'legend|sponsors n°1', 'button|Ajouter une valeur à incubators', 'label|analyse_risques_url'])
  })

  it('opens a fiche of the registry and saves it unchanged byte for byte; one field changed changes one line; proposes GitHub’s edit page', async () => {
    const original = fs.readFileSync(path.join(GOOD, 'startups/exemple.md'), 'utf8')
    await openRegistryFiche('startups/exemple.md')
    await openAllSections(page)
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

  it('opens a fiche byte for byte from its own file: accents, comment, spaces, no newline at the end', async () => {
    await openRegistryFiche('startups/fiche-ecart.md')
    expect(await page.evaluate(() => (globalThis as unknown as { editeur: { text(): string } }).editeur.text())).toBe(ODD_FICHE)
    expect(await download(page)).toBe(ODD_FICHE)
    await openSection(page, 'portage')
    await page.fill('#champ-contact', 'contact@fiche-ecart.exemple.fr')
    await settled(page)
    expect(await download(page)).toBe(ODD_FICHE.replace('equipe@fiche-ecart', 'contact@fiche-ecart'))
  })

  it('writes what was typed, not how: no quotes left by a keystroke, and the opened bytes back when a value is typed back', async () => {
    const original = fs.readFileSync(path.join(GOOD, 'startups/exemple.md'), 'utf8')
    await openRegistryFiche('startups/exemple.md')
    await openSection(page, 'produit')
    await page.fill('#champ-title', '')
    await page.type('#champ-title', 'Au clavier')
    await settled(page)
    expect((await download(page)).split('\n')).toContain('title: Au clavier')
    await page.fill('#champ-title', '')
    await page.type('#champ-title', 'Exemple')
    await settled(page)
    expect(await download(page)).toBe(original)
  })

  it('keeps a pasted text’s comment and unknown key, shows the key as a field, and renames it in one click', async () => {
    const pasted = fs.readFileSync(path.join(GOOD, 'startups/exemple.md'), 'utf8').replace('title: Exemple', '# commentaire\ntitle: Exemple').replace('repository:', 'reposiroty:')
    await paste(pasted, 'colle')
    expect(await download(page)).toBe(pasted)
    // A new file: GitHub's new-file page.
    expect(await page.getAttribute('#editeur-proposer', 'href')).toMatch(/\/new\/main\?filename=startups%2Fcolle\.md&value=/)
    // The unknown key, among the other fields, editable, with its message and « Appliquer ».
    await openSection(page, 'autres')
    expect(await page.inputValue('#champ-reposiroty')).toBe('https://github.com/betagouv/exemple')
    const message = (await fieldMessages(page)).find((m) => m.rule === 'schema/unknown-key')!
    expect(message.box).toBe('champ-reposiroty-messages')
    expect(message.text).toContain('« repository »')
    const apply = page.locator('#editeur-resume li[data-rule="schema/unknown-key"] button')
    expect(await apply.textContent()).toBe('Appliquer : renommer le champ en « repository »')
    await apply.click()
    await settled(page)
    const fixed = await download(page)
    expect(fixed).toBe(pasted.replace('reposiroty:', 'repository:'))
    const { validate, lint } = await cliDiagnostics('colle', fixed, AS_OF)
    expect(validate.map((d) => d.ruleId)).not.toContain('schema/unknown-key')
    expect(await summaryItems(page)).toEqual(onceEach([...validate, ...lint]))
    expect(await page.textContent('#editeur-etat')).toContain('aucune erreur')
  })

  it('opens the fiche named in the address (editer/?fiche=<id>), and is in the site’s menu', async () => {
    const other = await context.newPage()
    await other.goto(`${server.url}editer/?fiche=exemple`)
    await other.waitForSelector('body[data-editor="ready"]')
    await openSection(other, 'produit')
    expect(await other.inputValue('#champ-title')).toBe('Exemple')
    expect(await other.textContent('#editeur-fichier')).toContain('startups/exemple.md')
    expect(await other.getAttribute('a.site-nav__link[aria-current="page"]', 'href')).toBe('../editer/')
    await other.close()
  })

  it('never rewrites a header it cannot read: the form inactive, the error in the summary, and « Appliquer » where the corrected line is certain', async () => {
    const broken = '---\ntitle: Cassé\nmission: [non fermé\nincubator: dinum\n---\nTexte.\n'
    await paste(broken, 'casse')
    expect(await page.isVisible('#editeur-gele')).toBe(true)
    await openSection(page, 'produit').catch(() => undefined)
    expect(await page.isDisabled('#champ-title')).toBe(true)
    expect(await page.isDisabled('#champ-corps')).toBe(true)
    expect((await summaryItems(page)).map((s) => s.split(' ')[1])).toEqual(['yaml/syntax'])
    expect(await download(page)).toBe(broken)
    const tab = '---\ntitle: Tabulé\nmission: Simplifier une démarche\nincubator: dinum\nphases:\n\t- name: construction\n    start: 2025-02-03\n---\nTexte.\n'
    await paste(tab, 'tabule')
    expect(await page.isVisible('#editeur-gele')).toBe(true)
    await page.click('#editeur-resume li[data-rule="yaml/syntax"] button')
    await settled(page)
    expect(await download(page)).toBe(tab.replace('\t-', '  -'))
    expect(await page.isVisible('#editeur-gele')).toBe(false)
    expect(await page.isDisabled('#champ-title')).toBe(false)
  })

  it('opens a hostile text inert: markup in values, messages and the preview is text', async () => {
    const hostile = '---\ntitle: <script>alert("titre")</script>\nmission: <img src=x onerror=alert("img")>\nincubator: \'"><svg onload=alert(1)>\'\n---\n<script>alert("corps")</script>\n[lien](javascript:alert("lien"))\n'
    await paste(hostile, 'piege')
    await openSection(page, 'produit')
    expect(await page.inputValue('#champ-title')).toBe('<script>alert("titre")</script>')
    expect(await page.$$eval('#editeur script, #editeur img, #editeur svg, #editeur [onerror], #editeur [onload], #editeur a[href^="javascript"]', (n) => n.length)).toBe(0)
    await seePreview(page)
    expect(await page.textContent('#editeur-apercu')).toContain('<script>alert("corps")</script>')
    expect(watched.dialogs).toEqual([])
  })

  it('cuts nothing off from 320 to 1920 pixels, sections open, in every state of the page', async () => {
    const problems: string[] = []
    const measure = async (state: string) => {
      for (const width of WIDTHS) {
        await page.setViewportSize({ width, height: 900 })
        for (const p of await clippedBoxes(page)) problems.push(`${state} at ${width}: ${p}`)
      }
    }
    if (await page.isVisible('#editeur-changer')) await page.click('#editeur-changer')
    await measure('start')
    await page.click('#editeur-nouvelle')
    await page.click('#creation-suite')
    await measure('new fiche, step 1 with its errors')
    await page.click('#creation-annuler')
    await openRegistryFiche('startups/service-en-ligne.md')
    await openAllSections(page)
    await page.click('#phase-commencer')
    await page.click('.editeur-resume__avertissements > summary')
    await measure('a fiche, everything open')
    await page.setViewportSize({ width: 1280, height: 720 })
    expect(problems).toEqual([])
  }, 60_000)

  it('keeps working offline once loaded: a fiche opened before opens again and is checked with nothing more; one never opened says so', async () => {
    await openRegistryFiche('startups/exemple.md')
    await context.setOffline(true)
    try {
      await openRegistryFiche('startups/exemple.md')
      await openSection(page, 'portage')
      await page.fill('#champ-contact', 'hors-ligne')
      await settled(page)
      const shown = await fieldMessages(page)
      expect(shown.filter((m) => m.box === 'champ-contact-messages').map((m) => m.rule)).toEqual(['schema/format'])
      // guichet-test was never opened here: its text is not in the page, and the network is gone.
      await openRegistryFiche('startups/guichet-test.md')
      expect(await page.isVisible('#editeur-accueil')).toBe(true)
      expect(await page.textContent('#editeur-ouvrir-etat')).toMatch(/^La fiche « guichet-test » n’a pas pu être chargée \(.+\) : vérifiez la connexion, puis réessayez\.$/)
    } finally {
      await context.setOffline(false)
    }
    // Online again, it opens.
    await openRegistryFiche('startups/guichet-test.md')
    expect(await page.textContent('#editeur-titre-fiche')).toBe('Guichet test')
    expect(await page.textContent('#editeur-ouvrir-etat')).toBe('')
  })

  it('an id with a slash gives a located message under the identifier, and the checks go on', async () => {
    await paste('---\ntitle: Produit\nmission: Un service\nincubator: dinum\ncontact: pas-une-adresse\n---\nTexte.\n', 'dossier/produit')
    const shown = await fieldMessages(page)
    expect(shown.filter((m) => m.box === 'champ-identifiant-messages').map((m) => [m.rule, m.severity])).toEqual([['id/invalid', 'error']])
    expect(shown.find((m) => m.rule === 'id/invalid')!.text).toContain('« dossier/produit.md »')
    // The other fields are still checked.
    expect(shown.filter((m) => m.box !== 'champ-identifiant-messages').map((m) => m.rule), JSON.stringify(shown)).not.toEqual([])
    // And the checks go on with the next keystrokes.
    await openSection(page, 'produit')
    await page.fill('#champ-identifiant', 'produit')
    await settled(page)
    expect((await fieldMessages(page)).filter((m) => m.box === 'champ-identifiant-messages')).toEqual([])
    expect(watched.errors).toEqual([])
  })

  /** The editor's caches: name → kept paths, sorted. */
  const keptIn = (tab: Page) =>
    tab.evaluate(async () => {
      const out: Record<string, string[]> = {}
      for (const name of await globalThis.caches.keys()) out[name] = (await (await globalThis.caches.open(name)).keys()).map((r) => new URL(r.url).pathname).sort()
      return out
    })

  it('its service worker keeps the editor’s own files only, each when used, in a cache named after the site’s base path', async () => {
    const fresh = await browser.newContext()
    await guardOrigins(fresh)
    const tab = await fresh.newPage()
    await tab.goto(`${server.url}editer/?fiche=exemple`)
    await tab.waitForSelector('body[data-editor="ready"]')
    await tab.waitForFunction(() => navigator.serviceWorker.controller !== null)
    // Same-origin requests that are not the editor's: the feed, another page, a page's query, a path under fiches/ that is no text.
    await tab.evaluate(async () => {
      for (const url of ['../api/v1/index.json', '../donnees/', '../startups/exemple/', './?fiche=exemple', './?fiche=autre', './fiches/', './fiches/exemple.json']) await fetch(url)
    })
    // What the first visit fetched before the worker ran (the page, its script and chunks, the summary, the fiche, the style
    // sheets): copied, never the preview's code (not used yet), never the texts of fiches not opened.
    const scripts = fs.readdirSync(path.join(out, 'editer')).filter((f) => f.endsWith('.js') && f !== 'sw.js' && !f.startsWith('preview-'))
    const used = ['/registre/assets/dsfr/dsfr-site.min.css', '/registre/assets/site.css', '/registre/editer/', ...scripts.map((f) => `/registre/editer/${f}`), '/registre/editer/fiches/exemple.md', '/registre/editer/registre.json'].sort()
    await expect.poll(() => keptIn(tab), { timeout: 15_000 }).toEqual({ 'registre-editeur:/registre/editer/': used })
    // A fiche opened once the worker runs is kept as it is fetched; the preview's code, once it is seen.
    await tab.click('#editeur-changer')
    await tab.selectOption('#editeur-liste', 'startups/guichet-test.md')
    await tab.click('#editeur-ouvrir')
    await settled(tab)
    await seePreview(tab)
    const preview = fs.readdirSync(path.join(out, 'editer')).filter((f) => f.startsWith('preview-'))
    expect(preview).toHaveLength(1)
    await expect.poll(() => keptIn(tab), { timeout: 15_000 }).toEqual({ 'registre-editeur:/registre/editer/': [...used, '/registre/editer/fiches/guichet-test.md', `/registre/editer/${preview[0]}`].sort() })
    await fresh.close()
  })

  it('reloads offline once visited, with the fiches opened (service worker, network first)', async () => {
    const fresh = await browser.newContext()
    const outside = await guardOrigins(fresh)
    const tab = await fresh.newPage()
    await tab.goto(`${server.url}editer/?fiche=exemple`)
    await tab.waitForSelector('body[data-editor="ready"]')
    await tab.waitForFunction(() => navigator.serviceWorker.controller !== null)
    await expect.poll(async () => (await keptIn(tab))['registre-editeur:/registre/editer/'] ?? [], { timeout: 15_000 }).toContain('/registre/editer/fiches/exemple.md')
    await fresh.setOffline(true)
    try {
      await tab.goto(`${server.url}editer/?fiche=exemple`)
      await tab.waitForSelector('body[data-editor="ready"]')
      await openSection(tab, 'produit')
      expect(await tab.inputValue('#champ-title')).toBe('Exemple')
      // The site's style sheet came from the kept copy too.
      expect(await tab.evaluate(() => [...document.styleSheets].filter((s) => s.cssRules.length > 0).length)).toBeGreaterThanOrEqual(2)
      // A fiche never opened is not there offline: the page says so and stays usable.
      await tab.goto(`${server.url}editer/?fiche=guichet-test`)
      await tab.waitForSelector('body[data-editor="ready"]')
      expect(await tab.isVisible('#editeur-accueil')).toBe(true)
      expect(await tab.textContent('#editeur-ouvrir-etat')).toMatch(/^La fiche « guichet-test » n’a pas pu être chargée/)
    } finally {
      await fresh.setOffline(false)
    }
    expect(outside).toEqual([])
    await fresh.close()
  })

  it('made no request outside its origin, and no script error', () => {
    expect(blocked).toEqual([])
    expect(watched.errors).toEqual([])
    expect(watched.dialogs).toEqual([])
  })
})
