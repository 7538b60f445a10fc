/**
 * startups/<id>/: every field of the fiche, its body rendered and sanitised,
 * its timeline (phases and events), and its standards per category: what is
 * met, what is missing with the lint's own words on how to fix it, and the
 * exemptions with their reasons. Links to edit the fiche on GitHub (when
 * `repositoryUrl` is configured) and to its JSON.
 */
import { FIELD_LABELS, valueLabel } from '../field-labels.ts'
import { EDITOR_PATH } from './editor.ts'
import { CATEGORIES, STANDARDS, standardById, standardUrl } from '../../lint/catalogue.ts'
import { checkLabelFr } from '../../lint/check-labels.ts'
import { LINT_RULES } from '../../lint/rules/index.ts'
import { FICHE_SCHEMAS } from '../../validate/schemas.ts'
import type { Check, Finding, SiteContext, StartupItem } from '../context.ts'
import { html, raw, type Html } from '../html.ts'
import { siteHref } from '../layout.ts'
import { renderMarkdown } from '../markdown.ts'
import { EVENT_LABELS, forReaders, segment, bar, categoryLabel, externalLink, fieldValue, incubatorHref, incubatorTitle, organisationHref, organisationName, percent, phaseBadge, phaseLabel, plural, tableBlock, time } from '../components.ts'

const RULES = new Map(LINT_RULES.map((r) => [r.id, r]))



function editUrl(context: SiteContext, file: string): string | undefined {
  const { repositoryUrl, repositoryBranch } = context.config
  if (!repositoryUrl) return undefined
  return `${repositoryUrl}/edit/${encodeURIComponent(repositoryBranch).replace(/%2F/g, '/')}/${file.split('/').map(encodeURIComponent).join('/')}`
}

/** What a check saw, in words: for a failing check, the lint's message and how to fix it; for an exempt one, the exemption. */
function checkDetail(check: Check, findings: readonly Finding[]): Html {
  // What the check saw (passed) or lacked (exempt), in the lint's words; a failing check shows its diagnostics.
  const said = check.explanation ? html`<br><span class="fr-text--sm">${forReaders(check.explanation)}</span>` : html``
  if (check.result === 'exempt') {
    const e = check.exemption
    return html`${said}${e ? html`<br><span class="fr-text--sm">Exemption (${valueLabel('reason', e.reason)}) : ${e.justification}${e.expires ? html` — jusqu’au ${time(e.expires)}` : ''}</span>` : ''}`
  }
  if (check.result === 'passed') return said
  const own = findings.filter((f) => f.rule === check.rule)
  if (own.length === 0) return check.explanation ? said : html`<br><span class="fr-text--sm">${RULES.get(check.rule)?.description ?? ''}</span>`
  return html`${own.map((f) => html`<br><strong>${forReaders(f.message)}</strong><br><span class="fr-text--sm">Pour corriger : ${f.hint}</span>`)}`
}

const RESULT_WORDS: Record<Check['result'], string> = { passed: 'Rempli', exempt: 'Exempté', failing: 'À corriger' }

function checkLine(check: Check, findings: readonly Finding[], firstUnder?: string): Html {
  // A check met again under a second standard of the same category: named, counted once, told once (above).
  if (firstUnder !== undefined) return html`<li class="check check--${check.result}"><span class="fr-sr-only">${RESULT_WORDS[check.result]} : </span>${checkLabelFr(check.rule)}<br><span class="fr-text--sm">La même vérification que sous « ${firstUnder} », ci-dessus : comptée une fois.</span></li>`
  // The rule id where there is something to fix: it names the rule's documentation.
  return html`<li class="check check--${check.result}"><span class="fr-sr-only">${RESULT_WORDS[check.result]} : </span>${checkLabelFr(check.rule)}${check.result === 'failing' ? html` <code class="fr-text--xs">${check.rule}</code>` : ''}${checkDetail(check, findings)}</li>`
}

/** The checks of a category grouped by standard, in the catalogue's order (a check that serves two standards is under both). */
export function checksByStandard(checks: readonly Check[]): { standard: string; result: Check['result']; checks: Check[] }[] {
  const order = new Map(STANDARDS.map((st, i) => [st.id, i]))
  const groups = new Map<string, Check[]>()
  for (const check of checks) for (const id of check.standards.length > 0 ? check.standards : ['']) groups.set(id, [...(groups.get(id) ?? []), check])
  return [...groups]
    .sort(([a], [b]) => (order.get(a) ?? Infinity) - (order.get(b) ?? Infinity))
    .map(([standard, list]) => ({
      standard,
      result: list.some((c) => c.result === 'failing') ? 'failing' : list.some((c) => c.result === 'exempt') ? 'exempt' : 'passed',
      checks: [...list].sort((a, b) => RESULT_ORDER[a.result] - RESULT_ORDER[b.result]),
    }))
}

const RESULT_ORDER: Record<Check['result'], number> = { failing: 0, exempt: 1, passed: 2 }
const STANDARD_WORDS: Record<Check['result'], string> = { passed: 'rempli', exempt: 'exempté', failing: 'à compléter' }

/** `shown`: the checks already listed in this category, each with the title of the standard it was listed under. */
function standardLine(group: ReturnType<typeof checksByStandard>[number], findings: readonly Finding[], shown: Map<string, string>): Html {
  const standard = standardById(group.standard)
  const name = standard?.title ?? 'Autres vérifications'
  const title = standard ? html`<a href="${standardUrl(standard)}" rel="noopener noreferrer">${standard.title}</a>` : html`Autres vérifications`
  const lines = group.checks.map((check) => {
    const firstUnder = shown.get(check.rule)
    if (firstUnder === undefined) shown.set(check.rule, name)
    return checkLine(check, findings, firstUnder)
  })
  return html`<li class="standard standard--${group.result}"><p class="standard__title"><span class="standard__state">${STANDARD_WORDS[group.result]}</span> ${title}</p>
<ul class="checks">${lines}</ul></li>`
}

function standardsSection(context: SiteContext, s: StartupItem): Html {
  const block = s.standards
  if (!block) return html`<p>Les standards n’ont pas été vérifiés pour cette compilation.</p>`
  const categories = CATEGORIES.filter((c) => block.categories[c])
  if (categories.length === 0) return html`<p>Aucun standard ne s’applique à ce produit dans sa phase actuelle.</p>`
  const findings = context.findings.get(s.file) ?? []
  const missing = categories.reduce((n, c) => n + block.categories[c]!.failing, 0)
  return html`<p>${missing === 0 ? 'La fiche donne toutes les preuves attendues dans sa phase.' : `${plural(missing, 'vérification', 'vérifications')} à corriger.`} Vérifications du catalogue ${block.catalogue_version}${block.as_of ? html`, au ${time(block.as_of)}` : ''}, d’après les champs de la fiche : chaque standard, puis ce que la fiche en montre.</p>
${tableBlock(
    'Maturité par catégorie',
    html`<tr><th scope="col">Catégorie</th><th scope="col">Vérifications remplies</th><th scope="col">Exemptées</th><th scope="col">À corriger</th></tr>`,
    html`${categories.map((c) => {
      const k = block.categories[c]!
      return html`<tr><th scope="row"><a href="#categorie-${c}">${categoryLabel(c)}</a></th><td class="cell-bar">${bar(k, `${k.passed}/${k.applicable} (${percent(k)} %)`)}</td><td>${String(k.exempt)}</td><td>${String(k.failing)}</td></tr>`
    })}`,
  )}
${categories.map((c) => {
    const k = block.categories[c]!
    const shown = new Map<string, string>()
    return html`<h3 class="fr-h5" id="categorie-${c}">${categoryLabel(c)} <span class="fr-text--sm">(${k.failing === 0 ? 'complet' : `${plural(k.failing, 'vérification', 'vérifications')} à corriger`})</span></h3>
<ul class="standards">${checksByStandard(k.checks).map((group) => standardLine(group, findings, shown))}</ul>`
  })}`
}

function timeline(s: StartupItem): Html {
  const phases = Array.isArray(s.phases) ? s.phases : []
  const events = (Array.isArray(s.events) ? [...s.events] : []).sort((a, b) => String(a.date ?? '').localeCompare(String(b.date ?? '')))
  return html`<h3 class="fr-h5">Phases</h3>
${phases.length === 0 ? html`<p>La fiche ne donne aucune phase.</p>` : html`<ol class="timeline">${phases.map((p) => html`<li class="timeline__item${p.name === s.current_phase ? ' timeline__item--current' : ''}"><strong>${phaseLabel(p.name)}</strong>${p.name === s.current_phase ? html` <span class="fr-badge fr-badge--sm fr-badge--info fr-badge--no-icon">phase actuelle</span>` : ''}<br><span class="fr-text--sm">${p.start ? html`du ${time(p.start)}` : 'début inconnu'}${p.end ? html` au ${time(p.end)}` : ''}</span>${p.comment ? html`<br><span class="fr-text--sm">${String(p.comment)}</span>` : ''}</li>`)}</ol>`}
<h3 class="fr-h5">Événements</h3>
${events.length === 0 ? html`<p>La fiche ne donne aucun événement.</p>` : html`<ol class="timeline">${events.map((e) => html`<li class="timeline__item"><strong>${EVENT_LABELS[e.name] ?? e.name}</strong> <span class="fr-text--sm">${e.date ? time(e.date) : 'date inconnue'}</span>${e.comment ? html`<br><span class="fr-text--sm">${String(e.comment)}</span>` : ''}</li>`)}</ol>`}`
}

function fields(context: SiteContext, s: StartupItem, path: string): Html {
  const keys = Object.keys(FICHE_SCHEMAS.startups.properties).filter((k) => Object.hasOwn(s, k) && k !== 'phases' && k !== 'events')
  const value = (k: string): Html => {
    if (k === 'incubator' && typeof s.incubator === 'string') return html`<a href="${incubatorHref(path, s.incubator)}">${incubatorTitle(context, s.incubator)}</a>`
    if (k === 'incubators' && Array.isArray(s.incubators)) return html`<ul class="fr-mb-0">${(s.incubators as string[]).map((i) => html`<li><a href="${incubatorHref(path, i)}">${incubatorTitle(context, i)}</a></li>`)}</ul>`
    if (k === 'sponsors') return html`<ul class="fr-mb-0">${s.sponsor_ids.map((o) => html`<li><a href="${organisationHref(path, o)}">${organisationName(context, o)}</a></li>`)}</ul>`
    return fieldValue(s[k], k)
  }
  return html`<dl class="fields">${keys.map((k) => html`<dt>${FIELD_LABELS[k] ?? k} <code class="fr-text--xs">${k}</code></dt><dd>${value(k)}</dd>`)}
${s.created_at ? html`<dt>Fiche créée</dt><dd>${time(s.created_at)}</dd>` : ''}${s.updated_at ? html`<dt>Dernière mise à jour</dt><dd>${time(s.updated_at)}</dd>` : ''}</dl>`
}

/**
 * The content of a startup's page. `from` is the folder of the page it is shown on (the
 * startup's own page by default; the editor's preview shows it at editer/), for relative links.
 */
/**
 * A startup's page. `evidence`: its online evidence section (site/evidence.ts, given by
 * startup-pages.ts); the editor's preview, which has no evidence, gives none and gets no section.
 */
export function startupMain(context: SiteContext, s: StartupItem, from = `startups/${s.id}/`, evidence?: Html): Html {
  const path = from
  const edit = editUrl(context, s.file)
  const body = s.body.trim()
  return html`<h1>${s.title ?? s.id}</h1>
${s.mission ? html`<p class="fr-text--lead">${s.mission}</p>` : ''}<p>${phaseBadge(s)} ${s.status === 'ended' ? html`<span class="fr-badge fr-badge--sm fr-badge--no-icon">terminée</span>` : html`<span class="fr-badge fr-badge--sm fr-badge--success fr-badge--no-icon">en cours</span>`}</p>
<ul class="fr-btns-group fr-btns-group--inline-md fr-btns-group--sm">
<li><a class="fr-btn fr-btn--secondary" href="${siteHref(path, EDITOR_PATH)}?fiche=${encodeURIComponent(s.id)}">Modifier dans l’éditeur (sans git)</a></li>
${edit ? html`<li><a class="fr-btn fr-btn--tertiary" href="${edit}" rel="noopener noreferrer">Modifier la fiche sur GitHub</a></li>` : ''}<li><a class="fr-btn fr-btn--tertiary" href="${siteHref(path, `api/v1/startups/${segment(s.id)}.json`)}">Données de la fiche (JSON)</a></li>
${typeof s.link === 'string' && s.link ? html`<li>${externalLink(s.link, 'Voir le service en ligne', 'fr-btn fr-btn--tertiary')}</li>` : ''}</ul>
<nav class="fr-summary fr-mb-4w" role="navigation" aria-labelledby="sommaire-titre"><p class="fr-summary__title" id="sommaire-titre">Sommaire</p><ol class="fr-summary__list">
<li><a class="fr-summary__link" href="#standards">Standards</a></li>${evidence ? html`<li><a class="fr-summary__link" href="#preuves">Preuves en ligne</a></li>` : ''}<li><a class="fr-summary__link" href="#parcours">Parcours</a></li>${body ? html`<li><a class="fr-summary__link" href="#presentation">Présentation</a></li>` : ''}<li><a class="fr-summary__link" href="#fiche">Tous les champs de la fiche</a></li></ol></nav>
<h2 id="standards">Standards</h2>
${standardsSection(context, s)}
${evidence ? html`<h2 id="preuves">Preuves en ligne</h2>
${evidence}
` : ''}<h2 id="parcours">Parcours</h2>
${timeline(s)}
${body ? html`<h2 id="presentation">Présentation</h2>\n<div class="fiche-body">${raw(renderMarkdown(body, { headingOffset: 2 }))}</div>\n` : ''}<h2 id="fiche">Tous les champs de la fiche</h2>
<p class="fr-text--sm">Fichier <code>${s.file}</code>.</p>
${fields(context, s, path)}`
}
