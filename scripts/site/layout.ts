/**
 * The frame of every page of the site: DSFR header (site name), skip links,
 * main navigation, `<main>` landmark, footer with the accessibility statement.
 * Every URL is relative to the page, so that the site works at any base path
 * (a domain's root or a GitHub Pages sub-path).
 *
 * No `node:` import.
 */
import { html, raw, type Html } from './html.ts'

export const SITE_NAME = 'Registre des startups d’État'
export const SITE_TAGLINE = 'Maturité des produits numériques de beta.gouv.fr'
/** The conformity stated in the footer and on the accessibility statement page. */
export const ACCESSIBILITY_STATUS = 'partiellement conforme'

/** Site-relative paths of the shared assets (written by assets.ts). */
export const DSFR_CSS = 'assets/dsfr/dsfr-site.min.css'
export const SITE_CSS = 'assets/site.css'
export const FAVICON = 'assets/dsfr/favicon/favicon.svg'

/** The main navigation: one entry per section, in order. `path` is site-relative, '' for the home page. */
export const NAV_ITEMS: { label: string; path: string }[] = [
  { label: 'Startups', path: '' },
  { label: 'Incubateurs', path: 'incubateurs/' },
  { label: 'Organisations', path: 'organisations/' },
  { label: 'Standards', path: 'standards/' },
  { label: 'Preuves en ligne', path: 'preuves/' },
  { label: 'Données', path: 'donnees/' },
  { label: 'Éditer une fiche', path: 'editer/' },
]

export const ACCESSIBILITY_PATH = 'accessibilite/'

/**
 * The Content-Security-Policy of every page (a <meta>: GitHub Pages sets no
 * header): the site's own files only, no inline script, no inline style, no
 * plugin, no <base>. Images may also be data: URLs (the DSFR sheet's icons).
 * A fiche's text that slipped through the escaping could run nothing.
 */
export const CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; worker-src 'self'; manifest-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'"

export interface PageOptions {
  /** The page's title (its `<h1>` is up to `main`); `<title>` becomes "title — site name". */
  title: string
  /** The page's folder relative to the site root, ending with '/', or '' for the home page (e.g. 'startups/abc/'). */
  path: string
  /** The content of `<main>`: already safe HTML (built with `html`, or escaped). */
  main: Html | string
  /** One sentence for `<meta name="description">`. */
  description?: string
  /** Site-relative paths of scripts, loaded as modules (deferred). */
  scripts?: readonly string[]
  /** The scripts run as soon as they are here (`async`), not once the page is read and styled: they wait for the page themselves. */
  asyncScripts?: boolean
  /**
   * Site-relative paths fetched as soon as the page is read, while its scripts download: modules
   * they import (`modulepreload`) and data they fetch (`preload` as fetch, the same request as the
   * script's `fetch()` so that it is used, not made twice).
   */
  preloads?: readonly { path: string; as: 'module' | 'fetch' }[]
  /** Site-relative paths of extra style sheets, after DSFR's and the site's. */
  styles?: readonly string[]
  /** Breadcrumb trail above the content, the home page excluded (the current page last, without path). */
  breadcrumb?: readonly { label: string; path?: string }[]
}

/** From a page at `path` (site-relative folder) to the site root: '' or '../../'. */
export function relativeRoot(path: string): string {
  const depth = path.split('/').filter((p) => p !== '').length
  return '../'.repeat(depth)
}

/** The relative URL, from the page at `from`, of the site-relative `target` ('' or './' for the home page). */
export function siteHref(from: string, target: string): string {
  const href = relativeRoot(from) + target
  return href === '' ? './' : href
}

function breadcrumb(from: string, trail: NonNullable<PageOptions['breadcrumb']>): Html {
  const items = [{ label: 'Accueil', path: '' as string | undefined }, ...trail]
  return html`<nav role="navigation" class="fr-breadcrumb fr-mt-0 fr-mb-3w" aria-label="vous êtes ici :">
<ol class="fr-breadcrumb__list">${items.map((item, i) =>
    i === items.length - 1 || item.path === undefined
      ? html`<li><a class="fr-breadcrumb__link" aria-current="page">${item.label}</a></li>`
      : html`<li><a class="fr-breadcrumb__link" href="${siteHref(from, item.path)}">${item.label}</a></li>`,
  )}</ol>
</nav>`
}

/** Whether `item` is the section the page at `path` belongs to. */
function inSection(itemPath: string, path: string): boolean {
  if (itemPath === '') return path === '' || path.startsWith('startups/') || path.startsWith('page/')
  return path.startsWith(itemPath)
}

/** A whole HTML document, `<!doctype html>` included. */
export function renderPage(options: PageOptions): string {
  const { path } = options
  const to = (target: string) => siteHref(path, target)
  const styles = [DSFR_CSS, SITE_CSS, ...(options.styles ?? [])]
  const title = options.title === SITE_NAME ? SITE_NAME : `${options.title} — ${SITE_NAME}`
  const page = html`<!doctype html>
<html lang="fr" data-fr-scheme="light">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${title}</title>
<link rel="icon" type="image/svg+xml" href="${to(FAVICON)}">
${options.description ? html`<meta name="description" content="${options.description}">\n` : ''}${styles.map((s) => html`<link rel="stylesheet" href="${to(s)}">\n`)}${(options.scripts ?? []).map((s) => (options.asyncScripts ? html`<script type="module" async src="${to(s)}"></script>\n` : html`<script type="module" src="${to(s)}"></script>\n`))}${(options.preloads ?? []).map((p) => (p.as === 'module' ? html`<link rel="modulepreload" href="${to(p.path)}">\n` : html`<link rel="preload" href="${to(p.path)}" as="fetch" crossorigin>\n`))}</head>
<body>
<div class="fr-skiplinks">
<nav role="navigation" aria-label="Accès rapide" class="fr-container">
<ul class="fr-skiplinks__list">
<li><a class="fr-link" href="#contenu">Contenu</a></li>
<li><a class="fr-link" href="#navigation-principale">Menu</a></li>
<li><a class="fr-link" href="#pied-de-page">Pied de page</a></li>
</ul>
</nav>
</div>
<header role="banner" class="fr-header">
<div class="fr-header__body">
<div class="fr-container">
<div class="fr-header__body-row">
<div class="fr-header__brand fr-enlarge-link">
<div class="fr-header__brand-top">
<div class="fr-header__logo"><p class="fr-logo">République<br>Française</p></div>
</div>
<div class="fr-header__service">
<a href="${to('')}" title="Accueil — ${SITE_NAME}"><p class="fr-header__service-title">${SITE_NAME}</p></a>
<p class="fr-header__service-tagline">${SITE_TAGLINE}</p>
</div>
</div>
</div>
</div>
</div>
</header>
<nav class="site-nav" id="navigation-principale" role="navigation" aria-label="Menu principal">
<div class="fr-container">
<ul class="site-nav__list">${NAV_ITEMS.map(
    (item) => html`<li><a class="site-nav__link" href="${to(item.path)}"${inSection(item.path, path) ? raw(' aria-current="page"') : ''}>${item.label}</a></li>`,
  )}</ul>
</div>
</nav>
<main id="contenu" tabindex="-1" class="fr-container fr-pt-3w fr-pb-6w">
${options.breadcrumb ? breadcrumb(path, options.breadcrumb) : ''}${raw(String(options.main))}
</main>
<footer class="fr-footer" role="contentinfo" id="pied-de-page">
<div class="fr-container">
<div class="fr-footer__body">
<div class="fr-footer__brand"><p class="fr-logo">République<br>Française</p></div>
<div class="fr-footer__content">
<p class="fr-footer__content-desc">${SITE_NAME} : les fiches des produits de beta.gouv.fr, leur parcours et leur maturité au regard des standards. Site statique, sans traceur ni ressource extérieure.</p>
</div>
</div>
<div class="fr-footer__bottom">
<ul class="fr-footer__bottom-list">
<li class="fr-footer__bottom-item"><a class="fr-footer__bottom-link" href="${to(ACCESSIBILITY_PATH)}">Accessibilité : ${ACCESSIBILITY_STATUS}</a></li>
<li class="fr-footer__bottom-item"><a class="fr-footer__bottom-link" href="${to('donnees/')}">Données ouvertes</a></li>
</ul>
</div>
</div>
</footer>
</body>
</html>
`
  return page.value
}
