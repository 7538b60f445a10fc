/**
 * Acceptance of the online evidence (issue 24), end to end: three weekly
 * scheduled runs with an injected clock, against a web server and a fake
 * GitHub on 127.0.0.1 (a page that dies, a repository archived, a page that
 * flaps), each followed by `registry build --evidence` as pages.yml runs it;
 * then the sites of the three weeks in Chromium: the startup pages say what
 * was found and since when, the "since" dates hold from one week to the
 * next, the change list page lists what broke, the home filter finds the
 * startups by their evidence. Screenshots go to test-artifacts/evidence/.
 */
import fs from 'node:fs'
import path from 'node:path'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { writeEvidence } from '../../scripts/evidence/evidence-files.ts'
import type { EvidenceFile } from '../../scripts/evidence/types.ts'
import { cleanTemps, GOOD, REPO, run, tempDir } from '../cli/run.ts'
import { scheduledRun, startScenario, RUN_DATES, type Scenario } from '../evidence/scheduled-runs.ts'
import { Repo } from '../history/git-repo.ts'
import { guardOrigins, launchBrowser, seriousAxeViolations, serveStatic, skipBrowser, watchPage, type StaticServer } from './harness.ts'

const ARTIFACTS = process.env.SITE_ARTIFACTS ? path.join(process.env.SITE_ARTIFACTS, 'evidence') : path.join(REPO, 'test-artifacts', 'evidence')

describe.skipIf(skipBrowser)('online evidence on the site, over three weekly runs (acceptance)', () => {
  let scenario: Scenario
  let server: StaticServer
  let browser: Browser
  let context: BrowserContext
  let blocked: string[]
  const evidence: EvidenceFile[] = []
  let sites = ''

  beforeAll(async () => {
    const root = tempDir('evidence-registry-')
    scenario = await startScenario(root, GOOD)
    // A git repository, as the workflow's checkout: dates, and trends.json.
    fs.writeFileSync(path.join(root, '.gitignore'), '.cache/\n')
    new Repo(root).git('init', '-q', '-b', 'main')
    new Repo(root).commit('2026-11-02T10:00:00+01:00', {})
    sites = tempDir('evidence-sites-')
    for (let week = 0; week < 3; week++) {
      const { evidence: e } = await scheduledRun(scenario, week, evidence[week - 1])
      evidence.push(e)
      const file = path.join(sites, `evidence-${week}.json`)
      await writeEvidence(file, e)
      const r = await run(['build', '--root', root, '--out', path.join(sites, `semaine-${week}`), '--evidence', file, '--as-of', RUN_DATES[week]!.slice(0, 10)])
      expect(r.code, r.stderr).toBe(0)
    }
    server = await serveStatic(sites, '/')
    browser = await launchBrowser()
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } })
    blocked = await guardOrigins(context)
  }, 180_000)

  afterAll(async () => {
    await browser?.close()
    await server?.close()
    await scenario?.close()
    cleanTemps()
  })

  async function open(url: string): Promise<Page> {
    const page = await context.newPage()
    const watched = watchPage(page)
    const response = await page.goto(server.url + url)
    expect(response?.status(), url).toBe(200)
    expect(watched.errors, url).toEqual([])
    return page
  }

  /** Each evidence item of a startup page: its badge, its field and what was found. */
  const items = (page: Page) =>
    page.$$eval('#preuves ~ ul.evidence > li', (lis) =>
      lis.map((li) => ({
        badge: li.querySelector('.fr-badge')!.textContent!.trim(),
        field: li.querySelector('.evidence__head strong')!.textContent!.trim(),
        found: li.querySelector('.evidence__head + p')!.textContent!.trim(),
        advice: li.querySelector('p.fr-text--sm')?.textContent?.trim() ?? null,
      })),
    )

  it('week 1: every address of La Vivante answers, with the date of the check', async () => {
    const page = await open('semaine-0/startups/vivante/')
    expect(await items(page)).toEqual([
      { badge: 'En ligne', field: 'Adresse du service', found: 'La page répond : vérifié le 23 novembre 2026.', advice: null },
      { badge: 'En ligne', field: 'Page de statistiques', found: 'La page répond : vérifié le 23 novembre 2026.', advice: null },
      { badge: 'Dépôt ouvert', field: 'Dépôt de code', found: 'Dépôt public, sous licence (MIT), actif : vérifié le 23 novembre 2026.', advice: null },
    ])
    await page.close()
  })

  it('weeks 2 and 3: the statistics page unreachable and the repository archived "since" the same date, checked again each week, with what to do', async () => {
    for (const [week, checked] of [[1, ''], [2, ' Dernière vérification le 7 décembre 2026.']] as const) {
      const page = await open(`semaine-${week}/startups/vivante/`)
      const [, stats, repository] = await items(page)
      expect(stats).toEqual({ badge: 'Page introuvable', field: 'Page de statistiques', found: `Page introuvable depuis le 30 novembre 2026 : le serveur répond « page introuvable » (erreur 404).${checked}`, advice: 'Que faire : Si la page a déménagé, écrivez sa nouvelle adresse dans la fiche ; si elle n’existe plus, retirez ce champ.' })
      expect(repository).toMatchObject({ badge: 'Dépôt archivé', found: `Dépôt archivé depuis le 30 novembre 2026 : la forge le marque comme archivé, il n’évolue plus.${checked}` })
      await page.close()
    }
  })

  it('the page that never answered is unreachable since the first run; the page that flaps says so at the third', async () => {
    const abandoned = await open('semaine-2/startups/abandonnee/')
    expect((await items(abandoned))[0]!.found).toBe('Page introuvable depuis le 23 novembre 2026 : le serveur répond « page introuvable » (erreur 404). Dernière vérification le 7 décembre 2026.')
    await abandoned.close()
    const flapping = await open('semaine-2/startups/instable/')
    expect((await items(flapping))[0]).toEqual({
      badge: 'Instable',
      field: 'Adresse du service',
      found: 'En erreur depuis le 7 décembre 2026 : le serveur répond par une erreur 503. Elle tombe par intermittence : elle répondait encore le 30 novembre 2026.',
      advice: 'Que faire : Vérifiez la disponibilité de l’hébergement : une page qui tombe par intermittence ne prouve rien.',
    })
    await flapping.close()
  })

  /** The change list page: each section's title and its addresses' paths. */
  const changeList = (page: Page) =>
    page.$$eval('#changements ~ h3', (heads) =>
      heads
        .filter((h) => h.compareDocumentPosition(document.getElementById('en-echec')!) & Node.DOCUMENT_POSITION_FOLLOWING)
        .map((h) => [h.textContent!.trim(), [...h.nextElementSibling!.nextElementSibling!.querySelectorAll('li')].map((li) => `${li.querySelector('strong')!.textContent} ${new URL(li.querySelector('.evidence__head a[rel]')!.getAttribute('href')!).pathname}`)]),
    )

  it('the change list: nothing to compare at the first run; what broke and what came back at the second; the flapping page, not a new failure, at the third', async () => {
    const first = await open('semaine-0/preuves/')
    expect(await first.textContent('#changements + p')).toBe('C’est la première vérification : il n’y a rien à comparer. La liste des changements apparaîtra après la suivante.')
    await first.close()
    const second = await open('semaine-1/preuves/')
    expect(await changeList(second)).toEqual([
      ['Nouvelles pannes (2)', ['La Vivante /vivante/stats', 'La Vivante /betagouv/vivante']],
      ['Réparées (1)', ['L’Instable /instable']],
    ])
    await second.close()
    const third = await open('semaine-2/preuves/')
    expect(await changeList(third)).toEqual([['Instables (1)', ['L’Instable /instable']]])
    expect(await third.textContent('#en-echec')).toBe('Toutes les preuves en échec (4)')
    await third.close()
  })

  it('the home page filters the startups by their evidence', async () => {
    const page = await open('semaine-2/')
    const visible = () => page.$$eval('#liste-startups > li', (lis) => lis.filter((li) => !(li as HTMLElement).hidden).map((li) => li.querySelector('h3')!.textContent!.trim()))
    for (const [choice, expected] of [['fails', ['L’Abandonnée', 'La Vivante']], ['flapping', ['L’Instable']], ['holds', []], ['', ['L’Abandonnée', 'L’Instable', 'La Vivante']]] as const) {
      await page.selectOption('#f-preuves', choice)
      await expect.poll(visible).toEqual(expected)
    }
    expect(await page.textContent('#liste-startups > li:nth-child(3) .startup__evidence')).toBe('Preuves en ligne : 2 en échec sur 3')
    await page.close()
  })

  it('publishes the evidence and its history: api/v1/evidence.json is the run’s file, trends.json gains the share per category', async () => {
    const out = path.join(sites, 'semaine-2', 'api', 'v1')
    expect(JSON.parse(fs.readFileSync(path.join(out, 'evidence.json'), 'utf8'))).toEqual(evidence[2])
    expect(JSON.parse(fs.readFileSync(path.join(out, 'trends.json'), 'utf8')).evidence).toEqual([
      { month: '2026-11', at: RUN_DATES[1], categories: { 'qualité-logicielle': { startups: 2, holding: 1, share: 0.5 }, transparence: { startups: 3, holding: 1, share: 0.3333 } } },
      { month: '2026-12', at: RUN_DATES[2], categories: { 'qualité-logicielle': { startups: 2, holding: 1, share: 0.5 }, transparence: { startups: 3, holding: 0, share: 0 } } },
    ])
    expect(JSON.parse(fs.readFileSync(path.join(out, 'standards.json'), 'utf8')).online_evidence).toBe(true)
  })

  it('no serious accessibility violation, no request to another origin; screenshots at 1280 and 375 px', async () => {
    fs.mkdirSync(ARTIFACTS, { recursive: true })
    for (const [name, url] of [['startup', 'semaine-2/startups/vivante/'], ['preuves', 'semaine-2/preuves/'], ['standards', 'semaine-2/standards/']] as const) {
      const page = await open(url)
      expect(await seriousAxeViolations(page), url).toEqual([])
      for (const width of [1280, 375]) {
        await page.setViewportSize({ width, height: 900 })
        if (name === 'startup') await page.locator('#preuves').evaluate((e) => e.scrollIntoView())
        await page.screenshot({ path: path.join(ARTIFACTS, `${name}-${width}.png`), fullPage: name !== 'startup' })
        // Nothing wider than the screen: the evidence lists wrap.
        expect(await page.$$eval('.evidence', (lists) => lists.every((l) => l.scrollWidth <= l.clientWidth + 1)), `${url} at ${width}`).toBe(true)
      }
      await page.close()
    }
    expect(blocked).toEqual([])
  }, 120_000)
})
