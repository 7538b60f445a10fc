/**
 * preuves/: the online evidence of the whole registry. What changed at the
 * last weekly check (broken, failing from their first check, flapping,
 * repaired), every piece of evidence still failing with its date, the share
 * of startups whose evidence holds per category, and the runs kept.
 */
import type { EvidenceChange, ChangeKind } from '../../evidence/evidence-changes.ts'
import { evidenceDay, evidenceWords } from '../../evidence/evidence-words.ts'
import type { EvidenceTarget } from '../../evidence/types.ts'
import { CATEGORIES } from '../../lint/catalogue.ts'
import type { PageGenerator, SiteContext } from '../context.ts'
import { categoryLabel, externalLink, plural, startupHref, tableBlock } from '../components.ts'
import { EVIDENCE_PATH, evidenceBadge } from '../evidence.ts'
import { html, type Html } from '../html.ts'
import { renderPage, siteHref } from '../layout.ts'

const PATH = EVIDENCE_PATH

const SECTIONS: Record<ChangeKind, [string, string]> = {
  broken: ['Nouvelles pannes', 'Elles tenaient à la vérification précédente.'],
  'new-failing': ['Nouvelles adresses, en échec dès leur première vérification', 'Elles viennent d’apparaître dans les fiches.'],
  flapping: ['Instables', 'Elles tombent et reviennent d’une semaine à l’autre : ce ne sont pas de nouvelles pannes.'],
  repaired: ['Réparées', 'Elles étaient en échec à la vérification précédente et tiennent de nouveau.'],
}

function startups(context: SiteContext, ids: readonly string[]): Html {
  const titles = new Map(context.startups.map((s) => [s.id, s.title ?? s.id]))
  return html`${ids.map((id, i) => html`${i > 0 ? ', ' : ''}${titles.has(id) ? html`<a href="${startupHref(PATH, id)}">${titles.get(id)!}</a>` : id}`)}`
}

/** One item per target: its startups, the address, what was found and what to do (a list: it fits any width). */
function list(context: SiteContext, targets: readonly EvidenceTarget[], advice: boolean): Html {
  return html`<ul class="evidence">${targets.map((t) => {
    const w = evidenceWords(t, 'fr')
    return html`<li class="evidence__item evidence__item--${w.tone}"><p class="evidence__head">${evidenceBadge(w.tone, w.label)} <strong>${startups(context, t.startups)}</strong> ${externalLink(t.url)}</p>
<p class="fr-mb-1v">${w.found}</p>
${advice && w.advice && w.tone !== 'holds' ? html`<p class="fr-text--sm fr-mb-0"><strong>Que faire :</strong> ${w.advice}</p>` : ''}</li>`
  })}</ul>`
}

function changesSection(context: SiteContext): Html {
  const changes = context.evidenceChanges!
  if (!changes.previousAt) return html`<p>C’est la première vérification : il n’y a rien à comparer. La liste des changements apparaîtra après la suivante.</p>`
  const kinds: ChangeKind[] = ['broken', 'new-failing', 'flapping', 'repaired']
  const groups = kinds.map((k): [ChangeKind, EvidenceChange[]] => [k, changes.changes.filter((c) => c.change === k)]).filter(([, list]) => list.length > 0)
  const still = changes.stillFailing
  return html`<p>Ce qui a changé entre la vérification du ${evidenceDay(changes.previousAt, 'fr')} et celle du ${evidenceDay(changes.at, 'fr')}.</p>
${groups.length === 0 ? html`<p>Aucun changement.</p>` : ''}${groups.map(([k, changed]) => html`<h3 class="fr-h5" id="${k}">${SECTIONS[k][0]} (${String(changed.length)})</h3>
<p class="fr-text--sm">${SECTIONS[k][1]}</p>
${list(context, changed.map((c) => c.target), k !== 'repaired')}`)}
${still > 0 ? html`<p>${plural(still, 'autre preuve était déjà en échec et le reste', 'autres preuves étaient déjà en échec et le restent')} : voir <a href="#en-echec">toutes les preuves en échec</a>.</p>` : ''}`
}

function failingSection(context: SiteContext): Html {
  const failing = context.evidence!.targets.filter((t) => t.state === 'fails').sort((a, b) => (a.failing_since! < b.failing_since! ? -1 : a.failing_since! > b.failing_since! ? 1 : a.url < b.url ? -1 : 1))
  if (failing.length === 0) return html`<p>Toutes les preuves vérifiées tiennent.</p>`
  return html`<p>Des plus anciennes aux plus récentes : une preuve en échec depuis longtemps mérite une correction de la fiche.</p>
${list(context, failing, true)}`
}

function categoriesSection(context: SiteContext): Html {
  const runs = context.evidence!.runs
  const last = runs[runs.length - 1]!
  const categories = CATEGORIES.filter((c) => last.categories[c])
  if (categories.length === 0) return html`<p>Aucune startup n’a encore de preuve en ligne applicable.</p>`
  const share = (k: { startups: number; holding: number }) => (k.startups === 0 ? '—' : `${Math.round((k.holding * 100) / k.startups)} %`)
  return html`<p>La part des startups dont toutes les preuves en ligne tiennent, par catégorie de standards, à chaque vérification (la plus récente d’abord).</p>
${tableBlock(
    'Startups dont toutes les preuves en ligne tiennent, par catégorie, à chaque vérification (la plus récente d’abord)',
    html`<tr><th scope="col">Vérification</th>${categories.map((c) => html`<th scope="col">${categoryLabel(c)}</th>`)}</tr>`,
    html`${[...runs].reverse().map((r) => html`<tr><th scope="row"><time datetime="${r.at.slice(0, 10)}">${evidenceDay(r.at, 'fr')}</time><br><span class="fr-text--xs">${String(r.failing)} adresse${r.failing > 1 ? 's' : ''} en échec sur ${String(r.targets)}</span></th>${categories.map((c) => {
      const k = r.categories[c]
      return html`<td>${k ? html`${share(k)}<br><span class="fr-text--xs">${String(k.holding)} sur ${String(k.startups)}</span>` : '—'}</td>`
    })}</tr>`)}`,
    { hideCaption: true },
  )}`
}

export function evidenceMain(context: SiteContext): Html {
  const e = context.evidence
  const intro = html`<h1>Preuves en ligne</h1>
<p class="fr-text--lead">Chaque semaine, les pages et les dépôts de code que citent les fiches sont vérifiés : la page répond-elle, le dépôt est-il public, sous licence et actif ? Une déclaration ne prouve rien tant que l’adresse ne tient pas.</p>`
  if (!e || !context.evidenceChanges) {
    return html`${intro}
<p>Les preuves en ligne n’ont pas été vérifiées pour cette compilation : le site est compilé sans fichier de preuves (voir la documentation du registre, docs/online.md).</p>`
  }
  const last = e.runs[e.runs.length - 1]!
  return html`${intro}
<p>Dernière vérification le ${evidenceDay(e.generated_at, 'fr')} : ${plural(last.targets, 'adresse vérifiée', 'adresses vérifiées')}, ${String(last.failing)} en échec. Les données : <a href="${siteHref(PATH, 'api/v1/evidence.json')}">api/v1/evidence.json</a> (<a href="${siteHref(PATH, 'api/v1/schemas/evidence.schema.json')}">son schéma</a>).</p>
<nav class="fr-summary fr-mb-4w" role="navigation" aria-labelledby="sommaire-titre"><p class="fr-summary__title" id="sommaire-titre">Sommaire</p><ol class="fr-summary__list">
<li><a class="fr-summary__link" href="#changements">Depuis la vérification précédente</a></li><li><a class="fr-summary__link" href="#en-echec">Toutes les preuves en échec</a></li><li><a class="fr-summary__link" href="#categories">Par catégorie</a></li></ol></nav>
<h2 id="changements">Depuis la vérification précédente</h2>
${changesSection(context)}
<h2 id="en-echec">Toutes les preuves en échec (${String(last.failing)})</h2>
${failingSection(context)}
<h2 id="categories">Par catégorie</h2>
${categoriesSection(context)}`
}

export const evidencePage: PageGenerator = function* (context) {
  yield [`${PATH}index.html`, renderPage({ title: 'Preuves en ligne', path: PATH, main: evidenceMain(context), description: 'Les pages et les dépôts de code des startups d’État, vérifiés chaque semaine : ce qui tient, ce qui est en échec et depuis quand.', breadcrumb: [{ label: 'Preuves en ligne' }] })]
}
