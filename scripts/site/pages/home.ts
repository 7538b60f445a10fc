/**
 * The home page and its following pages: the startups, HOME_PAGE_SIZE to a page
 * (index.html, then page/2/, page/3/…), each page complete without JavaScript and
 * linked to the others; and the filters (search, incubator, phase, active or ended,
 * category to complete, online evidence when the build has it) that assets/filters.js turns on: the form stays hidden until
 * the script runs. The script filters all the startups, not only the page's: it reads
 * recherche.json (SEARCH_INDEX, a compact list of every startup, fetched the first time
 * a filter is used), shows the first matches and loads more on demand. The page itself
 * stays small whatever the registry's size (under 200 KB gzip with its style sheets and
 * script at 10,000 startups).
 */
import { CATEGORIES } from '../../lint/catalogue.ts'
import type { PageGenerator, SiteContext, StartupItem } from '../context.ts'
import { html, type Html } from '../html.ts'
import { SITE_NAME, relativeRoot, renderPage, siteHref } from '../layout.ts'
import { evidenceGlance, evidenceGlanceWords, evidenceSummary, startupEvidence } from '../evidence.ts'
import { MONTHS, PHASE_LABELS, incubatorTitle, isoDay, plural, categoryLabel, maturityGlance, phaseBadge, phaseLabel, startupHref, time } from '../components.ts'

export const FILTERS_SCRIPT = 'assets/filters.js'
/** Every startup, compactly, for the filters: fetched by assets/filters.js when a filter is first used. */
export const SEARCH_INDEX = 'recherche.json'
/** Startups per page of the list (without JavaScript, and per batch of results with it). */
export const HOME_PAGE_SIZE = 50

/** The site-relative folder of the list's page `n` (1-based): '' for the first, 'page/<n>/' for the others. */
export function listPagePath(n: number): string {
  return n === 1 ? '' : `page/${n}/`
}

/** Lower case, without accents: what the search compares (filters.js folds the query and the index the same way). */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase()
}


function incubatorName(context: SiteContext, id: string | undefined): string {
  return id ? incubatorTitle(context, id) : ''
}

function item(context: SiteContext, from: string, s: StartupItem): Html {
  const incubator = s.incubator_ids[0]
  const evidence = evidenceSummary(startupEvidence(context, s))
  return html`<li class="startup">
<h3 class="startup__title fr-h6 fr-mb-1v"><a href="${startupHref(from, s.id)}">${s.title ?? s.id}</a></h3>
${s.mission ? html`<p class="startup__pitch fr-mb-1v">${s.mission}</p>` : ''}<p class="startup__meta fr-text--sm fr-mb-1v">${phaseBadge(s)} ${incubator ? html`<span>Incubateur : ${incubatorName(context, incubator)}</span>` : ''}${s.status === 'ended' ? ' · terminée' : ''}${s.updated_at ? html` · mise à jour le ${time(s.updated_at)}` : ''}</p>
${maturityGlance(s)}
${evidenceGlance(evidence)}</li>`
}

function options(values: readonly [string, string][]): Html {
  return html`${values.map(([value, label]) => html`<option value="${value}">${label}</option>`)}`
}

/** The online evidence filter's choices: a startup's tone (evidenceSummary). */
const EVIDENCE_FILTERS: [string, string][] = [
  ['holds', 'Toutes tiennent'],
  ['fails', 'Au moins une en échec'],
  ['flapping', 'Instables'],
  ['none', 'Aucune vérifiée'],
]

/**
 * The pages' links (DSFR pagination): first, previous, a window of page numbers around the
 * current one with the first and last always there, next, last.
 */
function pagination(current: number, count: number): Html {
  if (count <= 1) return html``
  const from = listPagePath(current)
  const href = (n: number) => siteHref(from, listPagePath(n))
  const shown = [...new Set([1, current - 2, current - 1, current, current + 1, current + 2, count])].filter((n) => n >= 1 && n <= count).sort((a, b) => a - b)
  const numbers: Html[] = []
  shown.forEach((n, i) => {
    if (i > 0 && n - shown[i - 1]! > 1) numbers.push(html`<li><span class="fr-pagination__link" aria-hidden="true">…</span></li>`)
    numbers.push(n === current
      ? html`<li><a class="fr-pagination__link" aria-current="page" title="Page ${String(n)}">${String(n)}</a></li>`
      : html`<li><a class="fr-pagination__link" href="${href(n)}" title="Page ${String(n)}">${String(n)}</a></li>`)
  })
  const edge = (cls: string, label: string, n: number, enabled: boolean) => enabled
    ? html`<li><a class="fr-pagination__link ${cls}" href="${href(n)}">${label}</a></li>`
    : html`<li><a class="fr-pagination__link ${cls}" aria-disabled="true" role="link">${label}</a></li>`
  return html`<nav role="navigation" class="fr-pagination fr-mt-3w" aria-label="Pages de la liste" id="pages-liste">
<ul class="fr-pagination__list">
${edge('fr-pagination__link--first', 'Première page', 1, current > 1)}
${edge('fr-pagination__link--prev fr-pagination__link--lg-label', 'Page précédente', current - 1, current > 1)}
${numbers}
${edge('fr-pagination__link--next fr-pagination__link--lg-label', 'Page suivante', current + 1, current < count)}
${edge('fr-pagination__link--last', 'Dernière page', count, current < count)}
</ul>
</nav>`
}

/** What every page of the list shares (counts, the filters' choices): computed once per build, not once per page. */
interface ListShared {
  active: number
  count: number
  incubators: [string, string][]
  phases: string[]
  failingIn: string[]
}

const SHARED = new WeakMap<SiteContext, ListShared>()

function listShared(context: SiteContext): ListShared {
  let shared = SHARED.get(context)
  if (!shared) {
    const { startups } = context
    shared = {
      active: startups.filter((s) => s.status === 'active').length,
      count: Math.max(1, Math.ceil(startups.length / HOME_PAGE_SIZE)),
      incubators: [...new Set(startups.flatMap((s) => s.incubator_ids))].map((id) => [id, incubatorName(context, id)] as [string, string]).sort((a, b) => a[1].localeCompare(b[1], 'fr')),
      phases: Object.keys(PHASE_LABELS).filter((p) => startups.some((s) => s.current_phase === p)),
      failingIn: CATEGORIES.filter((c) => startups.some((s) => (s.standards?.categories[c]?.failing ?? 0) > 0)),
    }
    SHARED.set(context, shared)
  }
  return shared
}

/** The content of the list's page `page` (1-based). */
export function homeMain(context: SiteContext, page = 1): Html {
  const { startups } = context
  const from = listPagePath(page)
  const { active, count, incubators, phases, failingIn } = listShared(context)
  const shown = startups.slice((page - 1) * HOME_PAGE_SIZE, page * HOME_PAGE_SIZE)
  const range = count === 1 ? plural(startups.length, 'startup', 'startups') : `Startups ${(page - 1) * HOME_PAGE_SIZE + 1} à ${(page - 1) * HOME_PAGE_SIZE + shown.length} sur ${startups.length} (page ${page} sur ${count})`
  return html`<h1>Les startups d’État${page > 1 ? ` — page ${page}` : ''}</h1>
<p class="fr-text--lead">${plural(startups.length, 'produit numérique', 'produits numériques')} des incubateurs de beta.gouv.fr : ${String(active)} en cours, ${plural(startups.length - active, 'terminé', 'terminés')}. Pour chacun, sa phase, ses incubateurs et où en est sa fiche au regard des standards, par catégorie.</p>
<form id="filtres" class="filters fr-mb-3w" role="search" aria-labelledby="filtres-titre" data-index="${siteHref(from, SEARCH_INDEX)}" data-root="${relativeRoot(from)}" hidden>
<h2 id="filtres-titre" class="fr-h5">Chercher parmi toutes les startups</h2>
<div class="filters__grid">
<div class="fr-input-group"><label class="fr-label" for="f-recherche">Rechercher<span class="fr-hint-text">Nom, pitch ou incubateur</span></label><input class="fr-input" type="search" id="f-recherche" name="q" autocomplete="off"></div>
<div class="fr-select-group"><label class="fr-label" for="f-incubateur">Incubateur</label><select class="fr-select" id="f-incubateur" name="incubateur"><option value="">Tous les incubateurs</option>${options(incubators)}</select></div>
<div class="fr-select-group"><label class="fr-label" for="f-phase">Phase actuelle</label><select class="fr-select" id="f-phase" name="phase"><option value="">Toutes les phases</option>${options(phases.map((p) => [p, phaseLabel(p)]))}</select></div>
<div class="fr-select-group"><label class="fr-label" for="f-statut">Statut</label><select class="fr-select" id="f-statut" name="statut"><option value="">En cours et terminées</option><option value="active">En cours</option><option value="ended">Terminées</option></select></div>
<div class="fr-select-group"><label class="fr-label" for="f-categorie">Standards à compléter</label><select class="fr-select" id="f-categorie" name="categorie"><option value="">Toutes les catégories</option>${options(failingIn.map((c) => [c, categoryLabel(c)]))}</select></div>
${context.evidence ? html`<div class="fr-select-group"><label class="fr-label" for="f-preuves">Preuves en ligne<span class="fr-hint-text">Adresses et dépôts vérifiés chaque semaine</span></label><select class="fr-select" id="f-preuves" name="preuves"><option value="">Toutes les startups</option>${options(EVIDENCE_FILTERS)}</select></div>` : ''}
</div>
<button class="fr-btn fr-btn--secondary fr-btn--sm fr-mt-2w" type="reset">Effacer les filtres</button>
</form>
<h2 class="fr-h4">Liste des startups</h2>
<p id="resultats" class="fr-text--bold" role="status" aria-live="polite">${range}</p>
<ul class="startups" id="liste-startups">
${shown.map((s) => item(context, from, s))}
</ul>
<p id="plus-de-resultats" hidden><button type="button" class="fr-btn fr-btn--secondary" id="afficher-plus">Afficher plus de startups</button></p>
${pagination(page, count)}`
}

/**
 * recherche.json: what the filters read and the results show, for every startup, in the
 * list's order: `[id, title, mission, incubator ids, current phase, status, per category
 * [category, met, applicable] (a category to complete has met < applicable), last update
 * YYYY-MM-DD]`, and the
 * labels to show (incubators, phases, categories, months). With the online evidence,
 * `evidence` gives each startup that has checked evidence its tone and its words
 * (`[tone, "2 en échec sur 3"]`; a startup absent has none). Values are data: the script
 * writes them as text, never as markup.
 */
export function searchIndex(context: SiteContext): string {
  const incubators = Object.fromEntries([...new Set(context.startups.flatMap((s) => s.incubator_ids))].sort().map((id) => [id, incubatorName(context, id)]))
  const startups = context.startups.map((s) => {
    const categories = s.standards?.categories ?? {}
    const glance = CATEGORIES.filter((c) => categories[c]).map((c) => [c, categories[c]!.passed + categories[c]!.exempt, categories[c]!.applicable])
    return [s.id, s.title ?? s.id, s.mission ?? '', s.incubator_ids, s.current_phase ?? '', s.status, glance, isoDay(s.updated_at)]
  })
  const labels = {
    incubators,
    phases: Object.fromEntries([...new Set(context.startups.map((s) => s.current_phase ?? ''))].sort().map((p) => [p, phaseLabel(p || undefined)])),
    categories: Object.fromEntries(CATEGORIES.map((c) => [c, categoryLabel(c)])),
    months: MONTHS,
  }
  const evidence = context.evidence ? searchEvidence(context) : undefined
  return `${JSON.stringify({ version: 1, pageSize: HOME_PAGE_SIZE, labels, startups, ...(evidence ? { evidence } : {}) })}\n`
}

/** Each startup with checked evidence: [tone, words] (own keys, whatever the ids: fromEntries). */
function searchEvidence(context: SiteContext): Record<string, [string, string]> {
  return Object.fromEntries(
    context.startups.flatMap((s) => {
      const summary = evidenceSummary(startupEvidence(context, s))
      return summary.tone === 'none' ? [] : [[s.id, [summary.tone, evidenceGlanceWords(summary)]] as const]
    }),
  )
}

export const homePage: PageGenerator = function* (context) {
  const count = Math.max(1, Math.ceil(context.startups.length / HOME_PAGE_SIZE))
  for (let page = 1; page <= count; page++) {
    const path = listPagePath(page)
    const title = page === 1 ? SITE_NAME : `Les startups d’État, page ${page} sur ${count}`
    yield [`${path}index.html`, renderPage({
      title,
      path,
      main: homeMain(context, page),
      scripts: [FILTERS_SCRIPT],
      description: `Les ${context.startups.length} startups d’État de beta.gouv.fr, leur phase et leur maturité au regard des standards.`,
      ...(page > 1 ? { breadcrumb: [{ label: `Page ${page}` }] } : {}),
    })]
  }
  yield [SEARCH_INDEX, searchIndex(context)]
}
