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

function build(config: RegistryConfig = DEFAULT_CONFIG, trends?: Trends, files = SITE_FILES) {
  const srcs = sources(files)
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
    const expected = ['index.html', ...STARTUP_IDS.map((id) => `startups/${id}/index.html`), 'incubateurs/index.html', 'incubateurs/ademe/index.html', 'incubateurs/dinum/index.html', 'organisations/index.html', 'organisations/ademe/index.html', 'organisations/dinum/index.html', 'standards/index.html', 'preuves/index.html', 'donnees/index.html', 'accessibilite/index.html', 'editer/index.html', 'editer/registre.json', 'editer/sw.js', ...STARTUP_IDS.map((id) => `editer/fiches/${id}.md`), 'recherche.json']
    expect([...pages.keys()].sort()).toEqual(expected.sort())
  })

  it('links only to files the build writes (pages, assets, data), relative to each page', () => {
    const assets = siteAssets()
    // The editor's script is written by build next to the assets (scripts/bundle/editor-script.ts);
    // api/v1/index.json once every other file is written (feedIndex).
    const files = new Set([...pages.keys(), ...assets.texts.map(([f]) => f), ...assets.copies.map(([f]) => f), ...dataFiles, EDITOR_SCRIPT, INDEX_PATH])
    for (const [file, text] of pages) {
      // The startups' texts (editer/fiches/) are fiches, not pages: their links are text.
      if (!file.endsWith('.html')) continue
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
    expect(alpha).toContain('la fiche ne donne pas l’adresse de son code source (repository).')
    expect(alpha).toContain('Pour corriger : Ajoutez « repository: https://github.com/… »')
    // A met standard says what the fiche shows ([preuve-3]).
    expect(alpha).toMatch(/<li class="check check--passed"><span class="fr-sr-only">Rempli : <\/span>[^<]*<br><span class="fr-text--sm">La fiche donne contact : « [^<]+ »\.<\/span><\/li>/)
    // One word for the same count: the summary's checks to correct are the sum of the categories' and of the failing checks listed.
    const summary = /(\d+) vérifications? à corriger\./.exec(alpha)
    const perCategory = [...alpha.matchAll(/\((\d+) vérifications? à corriger\)/g)].map((m) => Number(m[1]))
    expect(summary).not.toBeNull()
    expect(perCategory.reduce((a, b) => a + b, 0)).toBe(Number(summary![1]))
    // A check that serves two standards of a category is told once; under the second, it refers to the first.
    const told = alpha.match(/<li class="check check--failing">(?:(?!<\/li>)[^])*?Pour corriger/g) ?? []
    expect(told).toHaveLength(Number(summary![1]))
    expect(alpha).toMatch(/<li class="check check--failing"><span class="fr-sr-only">À corriger : <\/span>Page de statistiques \(stats_url\)<br><span class="fr-text--sm">La même vérification que sous « [^»]+ », ci-dessus : comptée une fois\.<\/span><\/li>/)
    expect(alpha).not.toMatch(/vérifications? à compléter/)
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

  it('writes the data the filters read for every startup (recherche.json), with the labels to show', () => {
    const home = pages.get('index.html')!
    expect(home).toContain('<form id="filtres" class="filters fr-mb-3w" role="search" aria-labelledby="filtres-titre" data-index="recherche.json" data-root="" hidden>')
    const index = JSON.parse(pages.get('recherche.json')!)
    expect(index.startups.map((s: unknown[]) => s[0])).toEqual(STARTUP_IDS)
    const gamma = index.startups.find((s: unknown[]) => s[0] === 'gamma')
    expect(gamma.slice(0, 6)).toEqual(['gamma', 'Gamma', 'Un guichet unique pour les aides à la rénovation énergétique', ['ademe', 'dinum'], 'construction', 'active'])
    expect(index.startups.find((s: unknown[]) => s[0] === 'beta-termine').slice(4, 6)).toEqual(['abandon-investigation', 'ended'])
    // Per category: met and applicable (alpha has a software-quality check to complete).
    expect(index.startups.find((s: unknown[]) => s[0] === 'alpha')[6]).toContainEqual(['qualité-logicielle', 0, 1])
    expect(index.labels.phases['abandon-investigation']).toBe('Abandonnée en investigation')
    expect(index.labels.categories['qualité-logicielle']).toBe('Qualité logicielle')
    expect(index.labels.incubators.dinum).toBe('Incubateur de la DINUM')
  })

  it('splits a long list into pages linked to each other, every startup on exactly one', () => {
    const many: Record<string, string> = { ...SITE_FILES }
    const alpha = SITE_FILES['startups/alpha.md']!
    for (let i = 0; i < 120; i++) many[`startups/produit-${String(i).padStart(3, '0')}.md`] = alpha.replace('title: Alpha', `title: Produit ${i}`)
    const { pages: big } = build(DEFAULT_CONFIG, undefined, many)
    const ids = [...Object.keys(many)].filter((f) => f.startsWith('startups/')).map((f) => f.slice(9, -3)).sort()
    expect(ids).toHaveLength(125)
    const listed = (page: string) => [...big.get(page)!.matchAll(/<h3 class="startup__title[^>]*><a href="(?:\.\.\/)*startups\/([^/]+)\/">/g)].map((m) => m[1])
    expect(listed('index.html')).toEqual(ids.slice(0, 50))
    expect(listed('page/2/index.html')).toEqual(ids.slice(50, 100))
    expect(listed('page/3/index.html')).toEqual(ids.slice(100))
    expect(big.has('page/4/index.html')).toBe(false)
    expect(big.get('index.html')).toContain('Startups 1 à 50 sur 125 (page 1 sur 3)')
    expect(big.get('page/3/index.html')).toContain('Startups 101 à 125 sur 125 (page 3 sur 3)')
    // The pages link to each other, relative to where they are; the current one is marked.
    expect(big.get('index.html')).toContain('<a class="fr-pagination__link fr-pagination__link--next fr-pagination__link--lg-label" href="page/2/">Page suivante</a>')
    expect(big.get('page/2/index.html')).toContain('href="../../">Première page</a>')
    expect(big.get('page/2/index.html')).toContain('<a class="fr-pagination__link" aria-current="page" title="Page 2">2</a>')
    expect(big.get('page/3/index.html')).toContain('data-index="../../recherche.json"')
    // The filters search all of them.
    expect(JSON.parse(big.get('recherche.json')!).startups).toHaveLength(125)
  })

  it('says once that the site has no online evidence, rather than on every line of the categories table', () => {
    const standards = pages.get('standards/index.html')!
    expect(standards).toContain('Ce site a été compilé sans preuves en ligne')
    expect(standards).not.toContain('<th scope="col">Vérifiées en ligne</th>')
    expect(standards).not.toContain('pas de preuves en ligne pour cette compilation')
  })

  it('draws the trends as a chart and a table when trends.json exists, and says so when it does not', () => {
    expect(pages.get('standards/index.html')).toContain('Pas de tendances')
    const standards = build(DEFAULT_CONFIG, TRENDS).pages.get('standards/index.html')!
    expect(standards).toContain('<svg viewBox=')
    // Months as readers say them: the table and the legend in full, the chart's axis abbreviated.
    expect(standards).toMatch(/<th scope="row"><time datetime="2026-10">octobre\u00a02026<\/time><\/th><td>5<\/td><td>75\u00a0%<\/td>/)
    expect(standards).toMatch(/<th scope="row"><time datetime="2026-09">septembre\u00a02026<\/time><\/th><td>4<\/td><td>40\u00a0%<\/td>/)
    expect(standards).toContain('entre septembre\u00a02026 et octobre\u00a02026')
    expect(standards).toMatch(/font-size="11">sept\.\u00a02026<\/text>/)
    expect(standards).not.toMatch(/>2026-\d\d</)
  })

  it('lists on the data page only the files the build wrote, each with its schema', () => {
    const data = pages.get('donnees/index.html')!
    expect(data).toContain('href="../api/v1/startups.json"')
    expect(data).toContain('href="../api/v1/schemas/startups.schema.json"')
    expect(data).toContain('href="../api/v2.7/startups.csv"')
    expect(data).not.toContain('href="../api/v1/trends.json"')
    expect(build(DEFAULT_CONFIG, TRENDS).pages.get('donnees/index.html')).toContain('href="../api/v1/trends.json"')
  })

  it('shows labels, never the slugs of categories or vocabularies, in the text people read', () => {
    const slugs = ['qualité-logicielle', 'qualité-du-support', 'vie-privée', 'value hygiene', 'collectivite-territoriale', 'etablissement-scolaire', 'not-applicable', 'abandon-investigation']
    for (const [file, text] of pages) {
      // The data page documents the values themselves, for programs (« collectivite-territoriale » is what they read).
      if (!file.endsWith('.html') || file.startsWith('editer/') || file.startsWith('donnees/')) continue
      // What is read: the text between tags (attributes and code aside).
      const readable = text.replace(/<code[^>]*>[^<]*<\/code>/g, '').replace(/<[^>]*>/g, ' ')
      for (const slug of slugs) expect(readable, `${file}: ${slug}`).not.toContain(slug)
    }
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
