/**
 * The page generators as pure functions: the site fixture's texts validated
 * and linted in memory, then every page made and read as text.
 */
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { feedFiles } from '../../scripts/compile/build-feed.ts'
import { INDEX_PATH } from '../../scripts/compile/manifest.ts'
import { DEFAULT_CONFIG, type RegistryConfig } from '../../scripts/load/config.ts'
import { runRules } from '../../scripts/lint/run-rules.ts'
import { feedStandards } from '../../scripts/compile/feed-standards.ts'
import { siteAssets } from '../../scripts/site/assets.ts'
import type { Trends } from '../../scripts/site/context.ts'
import { html, raw } from '../../scripts/site/html.ts'
import { relativeRoot, renderPage, siteHref } from '../../scripts/site/layout.ts'
import { EDITOR_SCRIPT } from '../../scripts/site/pages/editor.ts'
import { basePath, siteContext, sitePages } from '../../scripts/site/site.ts'
import { validateRegistry } from '../../scripts/validate/validate-registry.ts'
import { sources } from '../helpers.ts'
import { REPO } from '../cli/run.ts'
import { HOSTILE_TITLE, SITE_FILES, STARTUP_IDS } from './site-fixture.ts'

const AS_OF = '2026-11-01'

function build(config: RegistryConfig = DEFAULT_CONFIG, trends?: Trends) {
  const srcs = sources(SITE_FILES)
  const { records, problems } = validateRegistry(srcs, srcs, config)
  expect(problems.filter((p) => p.ruleId.startsWith('schema/'))).toEqual([])
  // As `registry build` runs them: each check keeps what it saw, for its explanation.
  const lint = runRules(records, { config, asOf: AS_OF, explain: true })
  const standards = feedStandards(lint.records, AS_OF, config)
  const extra: [string, string][] = trends ? [['api/v1/trends.json', JSON.stringify(trends)]] : []
  const dataFiles = [...feedFiles(records, config, { commit: null, standards, extra, asOf: AS_OF })].map(([file]) => file)
  const context = siteContext({ records, config, standards, problems: lint.problems, extra, asOf: AS_OF, dataFiles })
  return { pages: new Map(sitePages(context)), dataFiles }
}

const TRENDS: Trends = {
  snapshots: [
    { month: '2026-09', products: 4, standards: { categories: { transparence: { applicable: 10, passed: 4, failing: 6, exempt: 0, share: 0.4 } } } },
    { month: '2026-10', products: 5, standards: { categories: { transparence: { applicable: 12, passed: 9, failing: 3, exempt: 0, share: 0.75 } } } },
  ],
}

describe('site pages', () => {
  const { pages, dataFiles } = build()

  it('makes the home, a page per startup, incubator and organisation, and the standards, online evidence, data and accessibility pages', () => {
    const expected = ['index.html', ...STARTUP_IDS.map((id) => `startups/${id}/index.html`), 'incubateurs/index.html', 'incubateurs/ademe/index.html', 'incubateurs/dinum/index.html', 'organisations/index.html', 'organisations/ademe/index.html', 'organisations/dinum/index.html', 'standards/index.html', 'preuves/index.html', 'donnees/index.html', 'accessibilite/index.html', 'editer/index.html', 'editer/registre.json', 'editer/sw.js']
    expect([...pages.keys()].sort()).toEqual(expected.sort())
  })

  it('links only to files the build writes (pages, assets, data), relative to each page', () => {
    const assets = siteAssets()
    // The editor's script is written by build next to the assets (scripts/bundle/editor-script.ts);
    // api/v1/index.json once every other file is written (feedIndex).
    const files = new Set([...pages.keys(), ...assets.texts.map(([f]) => f), ...assets.copies.map(([f]) => f), ...dataFiles, EDITOR_SCRIPT, INDEX_PATH])
    for (const [file, text] of pages) {
      const dir = path.posix.dirname(file)
      for (const m of text.matchAll(/(?:href|src)="([^"]*)"/g)) {
        // The query (editer/?fiche=<id>) is read by the page's script; the file is the path's.
        const url = m[1]!.replace(/&amp;/g, '&').replace(/\?[^#]*/, '')
        if (/^(https?:|mailto:|#)/.test(url)) continue
        expect(url, `${file}: ${url}`).not.toMatch(/^\//)
        const target = path.posix.normalize(path.posix.join(dir, decodeURIComponent(url.replace(/#.*$/, ''))))
        const resolved = url.endsWith('/') || url === './' || target === '.' ? path.posix.join(target, 'index.html') : target
        expect(files.has(resolved.replace(/^\.\//, '')), `${file}: ${url} → ${resolved}`).toBe(true)
      }
    }
  })

  it('escapes the hostile fiche everywhere it appears', () => {
    for (const file of ['index.html', 'startups/piege/index.html', 'incubateurs/dinum/index.html', 'organisations/dinum/index.html']) {
      const text = pages.get(file)!
      expect(text, file).not.toMatch(/<script>|<img|<svg onload|<iframe|onerror="|href="javascript:/i)
      expect(text, file).toContain('Piège &lt;script&gt;alert(&quot;titre&quot;)&lt;/script&gt;&lt;img src=x onerror=alert(&quot;img&quot;)&gt;')
    }
    expect(pages.get('startups/piege/index.html')).toContain(`<title>${HOSTILE_TITLE.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')} — `)
  })

  it('shows what is missing with the lint’s message and hint, and the exemptions with their reason', () => {
    const alpha = pages.get('startups/alpha/index.html')!
    expect(alpha).toContain('la fiche ne donne pas l&#39;adresse de son code source (repository).')
    expect(alpha).toContain('Pour corriger : Ajoutez « repository: https://github.com/… »')
    // A met standard says what the fiche shows ([preuve-3]).
    expect(alpha).toMatch(/<li class="check check--passed"><span class="fr-sr-only">Rempli : <\/span>[^<]*<br><span class="fr-text--sm">La fiche donne contact : « [^<]+ »\.<\/span><\/li>/)
    const gamma = pages.get('startups/gamma/index.html')!
    expect(gamma).toMatch(/<li class="check check--exempt">[^]*?Exemption \(ne s’applique pas à ce produit\) : Le service n&#39;est ouvert qu&#39;à des testeurs invités\. — jusqu’au <time datetime="2027-06-30">30 juin 2027<\/time>/)
  })

  it('links to the fiche’s JSON, and to GitHub’s editor when repositoryUrl is configured', () => {
    expect(pages.get('startups/alpha/index.html')).toContain('href="../../api/v1/startups/alpha.json"')
    expect(pages.get('startups/alpha/index.html')).not.toContain('Modifier la fiche sur GitHub')
    // The editor needs neither git nor a repository: always offered, opening this fiche.
    expect(pages.get('startups/alpha/index.html')).toContain('href="../../editer/?fiche=alpha">Modifier dans l’éditeur (sans git)')
    const withRepository = build({ ...DEFAULT_CONFIG, repositoryUrl: 'https://github.com/betagouv/registre', repositoryBranch: 'master' }).pages
    expect(withRepository.get('startups/alpha/index.html')).toContain('href="https://github.com/betagouv/registre/edit/master/startups/alpha.md" rel="noopener noreferrer">Modifier la fiche sur GitHub')
  })

  it('lists each startup with the data the filters read', () => {
    const home = pages.get('index.html')!
    expect(home).toContain('data-incubators="ademe dinum" data-phase="construction" data-status="active"')
    expect(home).toContain('data-search="beta terminee beta-termine un service arrete apres son investigation incubateur de la dinum"')
    expect(home).toMatch(/data-phase="abandon-investigation" data-status="ended"/)
    expect(home).toContain('<form id="filtres" class="filters fr-mb-3w" role="search" aria-labelledby="filtres-titre" hidden>')
  })

  it('draws the trends as a chart and a table when trends.json exists, and says so when it does not', () => {
    expect(pages.get('standards/index.html')).toContain('Pas de tendances')
    const standards = build(DEFAULT_CONFIG, TRENDS).pages.get('standards/index.html')!
    expect(standards).toContain('<svg viewBox=')
    expect(standards).toMatch(/<th scope="row">2026-10<\/th><td>5<\/td><td>75 %<\/td>/)
    expect(standards).toMatch(/<th scope="row">2026-09<\/th><td>4<\/td><td>40 %<\/td>/)
  })

  it('lists on the data page only the files the build wrote, each with its schema', () => {
    const data = pages.get('donnees/index.html')!
    expect(data).toContain('href="../api/v1/startups.json"')
    expect(data).toContain('href="../api/v1/schemas/startups.schema.json"')
    expect(data).toContain('href="../api/v2.7/startups.csv"')
    expect(data).not.toContain('href="../api/v1/trends.json"')
    expect(build(DEFAULT_CONFIG, TRENDS).pages.get('donnees/index.html')).toContain('href="../api/v1/trends.json"')
  })

  it('is deterministic', () => {
    expect(build().pages).toEqual(pages)
  })
})

describe('layout', () => {
  it('computes the way back to the site root from any page', () => {
    expect(relativeRoot('')).toBe('')
    expect(relativeRoot('editer/')).toBe('../')
    expect(relativeRoot('startups/a/')).toBe('../../')
    expect(siteHref('', '')).toBe('./')
    expect(siteHref('startups/a/', '')).toBe('../../')
    expect(siteHref('startups/a/', 'assets/site.css')).toBe('../../assets/site.css')
  })

  it('renders a whole DSFR page: lang, landmarks, skip links, nav, footer with the accessibility status', () => {
    const page = renderPage({ title: 'Éditer <une> fiche', path: 'editer/', main: html`<h1>${'a<b'}</h1>`, scripts: ['assets/editeur.js'], styles: ['assets/editeur.css'], description: 'Un "test"' })
    expect(page).toMatch(/^<!doctype html>\n<html lang="fr"/)
    expect(page).toContain('<title>Éditer &lt;une&gt; fiche — Registre des startups d’État</title>')
    expect(page).toContain('<meta name="description" content="Un &quot;test&quot;">')
    expect(page).toContain('<link rel="stylesheet" href="../assets/dsfr/dsfr-site.min.css">')
    expect(page).toContain('<link rel="stylesheet" href="../assets/editeur.css">')
    expect(page).toContain('<script type="module" src="../assets/editeur.js"></script>')
    expect(page).toContain('<a class="fr-link" href="#contenu">Contenu</a>')
    expect(page).toContain('<main id="contenu" tabindex="-1"')
    expect(page).toContain('<h1>a&lt;b</h1>')
    expect(page).toContain('href="../accessibilite/">Accessibilité : partiellement conforme</a>')
    expect(page).toContain('role="banner"')
    expect(page).toContain('role="contentinfo"')
  })
})

describe('html', () => {
  it('escapes values, keeps Html, joins arrays and prints nothing for null, undefined and false', () => {
    expect(html`<p title="${'"x" & <y>'}">${["'a'", raw('<b>b</b>')]}${null}${undefined}${false}${0}</p>`.value).toBe('<p title="&quot;x&quot; &amp; &lt;y&gt;">&#39;a&#39;<b>b</b>0</p>')
  })
})

describe('basePath', () => {
  it.each([
    ['', '/'],
    ['https://beta.gouv.fr', '/'],
    ['https://betagouv.github.io/registre', '/registre/'],
  ])('%j → %s', (url, base) => {
    expect(basePath(url)).toBe(base)
  })
})

describe('browser-side modules', () => {
  it('markdown.ts, html.ts, layout.ts and the pages bundle for the browser: no node: module, even indirectly', async () => {
    const { build: bundle } = await import('esbuild')
    const entries = ['markdown.ts', 'html.ts', 'layout.ts', 'pages/index.ts', 'static.ts'].map((f) => path.join(REPO, 'scripts/site', f))
    const result = await bundle({ entryPoints: entries, bundle: true, platform: 'browser', format: 'esm', write: false, outdir: 'out', logLevel: 'silent' })
    expect(result.errors).toEqual([])
    expect(result.outputFiles.length).toBe(entries.length)
  })
})
