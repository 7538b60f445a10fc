/**
 * The home page: every startup in one list (complete without JavaScript), and
 * filters (search, incubator, phase, active or ended, category to complete)
 * that assets/filters.js turns on: the form is hidden until the script runs.
 */
import { CATEGORIES } from '../../lint/catalogue.ts'
import type { PageGenerator, SiteContext, StartupItem } from '../context.ts'
import { html, type Html } from '../html.ts'
import { SITE_NAME, renderPage } from '../layout.ts'
import { evidenceGlance, evidenceSummary, startupEvidence } from '../evidence.ts'
import { PHASE_LABELS, incubatorTitle, plural, categoryLabel, maturityGlance, phaseBadge, phaseLabel, startupHref, time } from '../components.ts'

export const FILTERS_SCRIPT = 'assets/filters.js'

/** Lower case, without accents: what the search compares (filters.js folds the query the same way). */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase()
}

const failingCategories = (s: StartupItem) => Object.entries(s.standards?.categories ?? {}).filter(([, k]) => k.failing > 0).map(([c]) => c)

function incubatorName(context: SiteContext, id: string | undefined): string {
  return id ? incubatorTitle(context, id) : ''
}

function item(context: SiteContext, s: StartupItem): Html {
  const incubator = s.incubator_ids[0]
  const failing = failingCategories(s)
  const evidence = evidenceSummary(startupEvidence(context, s))
  return html`<li class="startup" data-search="${fold(`${s.title ?? ''} ${s.id} ${s.mission ?? ''} ${incubatorName(context, incubator)}`)}" data-incubators="${s.incubator_ids.join(' ')}" data-phase="${s.current_phase ?? ''}" data-status="${s.status}" data-failing="${failing.join(' ')}" data-evidence="${evidence.tone}">
<h3 class="startup__title fr-h6 fr-mb-1v"><a href="${startupHref('', s.id)}">${s.title ?? s.id}</a></h3>
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

export function homeMain(context: SiteContext): Html {
  const { startups } = context
  const active = startups.filter((s) => s.status === 'active').length
  const incubators = [...new Set(startups.flatMap((s) => s.incubator_ids))].map((id) => [id, incubatorName(context, id)] as [string, string]).sort((a, b) => a[1].localeCompare(b[1], 'fr'))
  const phases = Object.keys(PHASE_LABELS).filter((p) => startups.some((s) => s.current_phase === p))
  const failingIn = CATEGORIES.filter((c) => startups.some((s) => (s.standards?.categories[c]?.failing ?? 0) > 0))
  return html`<h1>Les startups d’État</h1>
<p class="fr-text--lead">${plural(startups.length, 'produit numérique', 'produits numériques')} des incubateurs de beta.gouv.fr : ${String(active)} en cours, ${plural(startups.length - active, 'terminé', 'terminés')}. Pour chacun, sa phase, ses incubateurs et où en est sa fiche au regard des standards, par catégorie.</p>
<form id="filtres" class="filters fr-mb-3w" role="search" aria-labelledby="filtres-titre" hidden>
<h2 id="filtres-titre" class="fr-h5">Filtrer la liste</h2>
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
<p id="resultats" class="fr-text--bold" role="status" aria-live="polite">${plural(startups.length, 'startup', 'startups')}</p>
<ul class="startups" id="liste-startups">
${startups.map((s) => item(context, s))}
</ul>`
}

export const homePage: PageGenerator = function* (context) {
  yield ['index.html', renderPage({ title: SITE_NAME, path: '', main: homeMain(context), scripts: [FILTERS_SCRIPT], description: `Les ${context.startups.length} startups d’État de beta.gouv.fr, leur phase et leur maturité au regard des standards.` })]
}
