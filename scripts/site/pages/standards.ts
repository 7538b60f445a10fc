/**
 * standards/: the registry's maturity per category and per rule (from
 * api/v1/standards.json), with bars, and the trends per month when
 * api/v1/trends.json exists: an SVG chart, and the same figures as a table.
 */
import { CATEGORIES, standardById, standardUrl } from '../../lint/catalogue.ts'
import { LINT_RULES } from '../../lint/rules/index.ts'
import type { PageGenerator, SiteContext, Trends } from '../context.ts'
import { html, raw, type Html } from '../html.ts'
import { renderPage, siteHref } from '../layout.ts'
import { bar, categoryLabel, categoryTable, frenchMonth, percent, tableBlock, time } from '../components.ts'
import { checkLabelFr } from '../../lint/check-labels.ts'
import { declaredAndProvenTable, evidenceTrendsTable } from '../evidence.ts'

const RULES = new Map(LINT_RULES.map((r) => [r.id, r]))
const PATH = 'standards/'

/** One colour and one dash pattern per category (the line is told apart without colour too). */
const STYLES = [
  ['#000091', ''],
  ['#c9191e', '6 3'],
  ['#18753c', '2 3'],
  ['#b34000', '10 3 2 3'],
  ['#6a6af4', '1 5'],
  ['#a558a0', '8 4 2 4 2 4'],
  ['#00736d', '12 4'],
  ['#716043', '4 2'],
  ['#3a3a3a', '3 6'],
] as const

function trendsSection(trends: Trends): Html {
  const snapshots = trends.snapshots.filter((s) => s.standards?.categories)
  if (snapshots.length === 0) return html`<p>L’historique ne donne encore aucun mois.</p>`
  const categories = CATEGORIES.filter((c) => snapshots.some((s) => s.standards.categories[c]))
  const width = 760
  const height = 260
  const left = 44
  const top = 12
  const right = 32
  const plotW = width - left - right
  const plotH = height - top - 40
  const x = (i: number) => left + (snapshots.length === 1 ? plotW / 2 : (i * plotW) / (snapshots.length - 1))
  const y = (share: number) => top + plotH - share * plotH
  const ticks = [0, 0.25, 0.5, 0.75, 1]
  const labelEvery = Math.max(1, Math.ceil(snapshots.length / 8))
  const lines = categories.map((c, ci) => {
    const [color, dash] = STYLES[ci % STYLES.length]!
    const points = snapshots.map((s, i) => [i, s.standards.categories[c]?.share] as const).filter((p): p is readonly [number, number] => typeof p[1] === 'number')
    const d = points.map(([i, share]) => `${x(i).toFixed(1)},${y(share).toFixed(1)}`).join(' ')
    return html`<polyline fill="none" stroke="${color}" stroke-width="2"${dash ? raw(` stroke-dasharray="${dash}"`) : ''} points="${d}"/>${points.length === 1 ? html`<circle cx="${x(points[0]![0]).toFixed(1)}" cy="${y(points[0]![1]).toFixed(1)}" r="3" fill="${color}"/>` : ''}`
  })
  const chart = html`<figure class="trends fr-mb-3w" aria-labelledby="tendances-legende">
<div class="trends__scroll" tabindex="0" role="region" aria-label="Graphique des tendances"><svg viewBox="0 0 ${String(width)} ${String(height)}" role="img" aria-labelledby="tendances-legende" class="trends__chart">
${ticks.map((t) => html`<line x1="${String(left)}" x2="${String(width - right)}" y1="${y(t).toFixed(1)}" y2="${y(t).toFixed(1)}" stroke="#ddd"/><text x="${String(left - 6)}" y="${(y(t) + 4).toFixed(1)}" text-anchor="end" font-size="11">${String(t * 100)} %</text>`)}
${snapshots.map((s, i) => ((snapshots.length - 1 - i) % labelEvery === 0 ? html`<text x="${x(i).toFixed(1)}" y="${String(height - 14)}" text-anchor="middle" font-size="11">${frenchMonth(s.month, true)}</text>` : ''))}
${lines}
</svg></div>
<figcaption id="tendances-legende">Part des vérifications remplies par catégorie, ${snapshots.length === 1 ? `en ${frenchMonth(snapshots[0]!.month)}` : `entre ${frenchMonth(snapshots[0]!.month)} et ${frenchMonth(snapshots[snapshots.length - 1]!.month)}`} (les mêmes chiffres dans le tableau ci-dessous).
<ul class="trends__legend">${categories.map((c, ci) => {
    const [color, dash] = STYLES[ci % STYLES.length]!
    return html`<li><svg width="28" height="10" aria-hidden="true" focusable="false"><line x1="0" x2="28" y1="5" y2="5" stroke="${color}" stroke-width="2"${dash ? raw(` stroke-dasharray="${dash}"`) : ''}/></svg> ${categoryLabel(c)}</li>`
  })}</ul></figcaption>
</figure>`
  const table = tableBlock(
    'Part des vérifications remplies, par mois et par catégorie',
    html`<tr><th scope="col">Mois</th><th scope="col">Fiches</th>${categories.map((c) => html`<th scope="col">${categoryLabel(c)}</th>`)}</tr>`,
    html`${[...snapshots].reverse().map((s) => html`<tr><th scope="row"><time datetime="${s.month}">${frenchMonth(s.month)}</time></th><td>${String(s.products)}</td>${categories.map((c) => {
      const share = s.standards.categories[c]?.share
      return html`<td>${typeof share === 'number' ? `${Math.round(share * 100)} %` : '—'}</td>`
    })}</tr>`)}`,
  )
  return html`${chart}\n${table}`
}

export function standardsMain(context: SiteContext): Html {
  const agg = context.standards
  if (!agg) return html`<h1>Standards</h1><p>Les standards n’ont pas été vérifiés pour cette compilation.</p>`
  const byCategory = CATEGORIES.map((c) => [c, Object.entries(agg.rules).filter(([, r]) => r.category === c)] as const).filter(([, rules]) => rules.length > 0)
  return html`<h1>Standards</h1>
<p class="fr-text--lead">Où en sont les ${String(agg.startups)} fiches au regard du catalogue des standards de beta.gouv.fr (version ${agg.catalogue.version}, ${time(agg.catalogue.released)})${agg.as_of ? html`, au ${time(agg.as_of)}` : ''}.</p>
<p>Chaque règle vérifie qu’une fiche donne la preuve d’un standard, dans les phases où il s’applique. Une vérification est remplie quand la fiche donne la preuve, exemptée quand la fiche justifie une exemption. Les données : <a href="${siteHref(PATH, 'api/v1/standards.json')}">api/v1/standards.json</a>.</p>
<h2>Par catégorie</h2>
${categoryTable(agg.categories, 'Vérifications remplies ou exemptées, par catégorie, sur toutes les fiches')}
<h2 id="declare-prouve">Déclaré et vérifié en ligne</h2>
${declaredAndProvenTable(agg, PATH)}
<h2>Par règle</h2>
${byCategory.map(([c, rules]) => html`<h3 class="fr-h5">${categoryLabel(c)}</h3>
${tableBlock(
    `Règles de la catégorie ${categoryLabel(c)}`,
    html`<tr><th scope="col">Vérification</th><th scope="col">Standards</th><th scope="col">Remplies</th><th scope="col">Applicables</th><th scope="col">À corriger</th></tr>`,
    html`${rules.map(([id, r]) => html`<tr><th scope="row">${checkLabelFr(id)}${r.evidence === 'online' ? html` <span class="fr-badge fr-badge--sm fr-badge--info fr-badge--no-icon">vérifiée en ligne</span>` : ''}<br><span class="fr-text--xs">Signalé quand : ${RULES.get(id)?.description ?? id} <code>${id}</code></span></th><td><ul class="plain-list">${r.standards.map((sid) => {
      const standard = standardById(sid)
      return html`<li>${standard ? html`<a href="${standardUrl(standard)}" rel="noopener noreferrer">${standard.title}</a>` : sid}</li>`
    })}</ul></td><td class="cell-bar">${bar(r, `${percent(r)} %`)}</td><td>${String(r.applicable)}</td><td>${String(r.failing)}</td></tr>`)}`,
    { hideCaption: true },
  )}`)}
<h2>Tendances</h2>
${context.trends ? trendsSection(context.trends) : html`<p>Pas de tendances : la compilation n’avait pas l’historique git du registre.</p>`}
${context.trends?.evidence?.length ? html`<h3 class="fr-h5" id="tendances-preuves">Preuves en ligne</h3>
${evidenceTrendsTable(context.trends.evidence)}` : ''}`
}

export const standardsPage: PageGenerator = function* (context) {
  yield [`${PATH}index.html`, renderPage({ title: 'Standards', path: PATH, main: standardsMain(context), description: 'La maturité des startups d’État par catégorie et par règle des standards de beta.gouv.fr.', breadcrumb: [{ label: 'Standards' }] })]
}
