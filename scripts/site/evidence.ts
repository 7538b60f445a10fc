/**
 * The online evidence on the site (pure): for a startup, each address and
 * repository its fiche names, what the weekly checks found and since when, in
 * the words of scripts/evidence/evidence-words.ts, with what to do and the
 * history of changes; a summary per startup for the home page's list and
 * filters. Everything from a fiche or the evidence file is escaped by `html`.
 */
import { evidenceDay, evidenceWords, outcomeWords, type EvidenceTone } from '../evidence/evidence-words.ts'
import type { EvidenceFile, EvidenceTarget } from '../evidence/types.ts'
import { PAGE_FIELDS, urlOf } from '../lint/online-targets.ts'
import type { OnlineTargetKind } from '../lint/online/types.ts'
import { CATEGORIES } from '../lint/catalogue.ts'
import type { Counts, SiteContext, StandardsAggregate, StartupItem, Trends } from './context.ts'
import { FIELD_LABELS } from './field-labels.ts'
import { html, type Html } from './html.ts'
import { siteHref } from './layout.ts'
import { bar, categoryLabel, externalLink, percent, tableBlock } from './components.ts'

export const EVIDENCE_PATH = 'preuves/'

/** The fields the online rules check, with the rule that reads them, in the order of a fiche. */
export const EVIDENCE_FIELDS: readonly { field: string; kind: OnlineTargetKind; rule: string }[] = [
  { field: 'link', kind: 'url', rule: 'link-unreachable' },
  ...PAGE_FIELDS.map((field) => ({ field, kind: 'url' as const, rule: 'page-unreachable' })),
  { field: 'repository', kind: 'repository', rule: 'repository-unavailable' },
]

/** What the page says for one field: the target and its evidence (undefined: not checked yet). */
export interface FieldEvidence {
  field: string
  url: string
  target?: EvidenceTarget
}

const BY_URL = new WeakMap<EvidenceFile, Map<string, EvidenceTarget>>()

export function evidenceTarget(evidence: EvidenceFile, kind: OnlineTargetKind, url: string): EvidenceTarget | undefined {
  let map = BY_URL.get(evidence)
  if (!map) BY_URL.set(evidence, (map = new Map(evidence.targets.map((t) => [`${t.kind} ${t.url}`, t]))))
  return map.get(`${kind} ${url}`)
}

/** The fields of a startup that the enabled online rules check, with their evidence. */
export function startupEvidence(context: Pick<SiteContext, 'config' | 'evidence'>, s: StartupItem): FieldEvidence[] {
  const out: FieldEvidence[] = []
  for (const { field, kind, rule } of EVIDENCE_FIELDS) {
    if (context.config.rules[rule] === 'off') continue
    const url = urlOf(s, field)
    if (url === undefined) continue
    const target = context.evidence ? evidenceTarget(context.evidence, kind, url) : undefined
    out.push({ field, url, ...(target ? { target } : {}) })
  }
  return out
}

/** A startup at a glance: how many of its checked addresses hold; its tone for the filters. */
export interface EvidenceSummary {
  tone: EvidenceTone | 'none'
  checked: number
  holding: number
  failing: number
}

export function evidenceSummary(fields: readonly FieldEvidence[]): EvidenceSummary {
  const known = fields.filter((f) => f.target && f.target.state !== 'unknown').map((f) => f.target!)
  const failing = known.filter((t) => t.state === 'fails').length
  const tone: EvidenceSummary['tone'] = known.length === 0 ? 'none' : known.some((t) => t.flapping) ? 'flapping' : failing > 0 ? 'fails' : 'holds'
  return { tone, checked: known.length, holding: known.length - failing, failing }
}

const BADGE: Record<EvidenceTone, string> = { holds: 'success', fails: 'error', flapping: 'warning', unknown: 'info' }

export function evidenceBadge(tone: EvidenceTone, label: string): Html {
  return html`<span class="fr-badge fr-badge--sm fr-badge--${BADGE[tone]} fr-badge--no-icon">${label}</span>`
}

function history(t: EvidenceTarget): Html {
  if (t.history.length < 2) return html``
  return html`<details class="evidence__history"><summary>Historique des changements</summary><ol>${t.history.map((h) => html`<li><time datetime="${h.at.slice(0, 10)}">${evidenceDay(h.at, 'fr')}</time> : ${outcomeWords({ ...t, result: h.result, status: h.status }, 'fr')}</li>`)}</ol></details>`
}

function fieldItem(f: FieldEvidence, lastRun: string | undefined): Html {
  const label = html`<strong>${FIELD_LABELS[f.field] ?? f.field}</strong> ${externalLink(f.url)}`
  if (!f.target) {
    return html`<li class="evidence__item evidence__item--unknown"><p class="evidence__head">${evidenceBadge('unknown', 'Pas encore vérifiée')} ${label}</p>
<p class="fr-mb-0">${lastRun ? html`Cette adresse n’était pas dans la fiche à la dernière vérification (le ${evidenceDay(lastRun, 'fr')}) : la prochaine la vérifiera.` : 'Les adresses de la fiche n’ont pas encore été vérifiées en ligne.'}</p></li>`
  }
  const w = evidenceWords(f.target, 'fr')
  return html`<li class="evidence__item evidence__item--${w.tone}"><p class="evidence__head">${evidenceBadge(w.tone, w.label)} ${label}</p>
<p class="fr-mb-1v">${w.found}</p>
${w.advice && w.tone !== 'holds' ? html`<p class="fr-text--sm fr-mb-1v"><strong>Que faire :</strong> ${w.advice}</p>` : ''}${history(f.target)}</li>`
}

/** The startup page's section: each checked address, what was found and when, and what to do. */
export function evidenceSection(context: SiteContext, s: StartupItem, path: string): Html {
  const fields = startupEvidence(context, s)
  const lastRun = context.evidence?.generated_at
  const intro = lastRun
    ? html`<p>Les adresses de la fiche sont vérifiées chaque semaine : la page répond-elle, le dépôt est-il public, sous licence et actif ? Dernière vérification le ${evidenceDay(lastRun, 'fr')}. <a href="${siteHref(path, EVIDENCE_PATH)}">Toutes les preuves en ligne</a></p>`
    : html`<p>Les preuves en ligne n’ont pas été vérifiées pour cette compilation.</p>`
  if (fields.length === 0) return html`${intro}\n<p>La fiche ne donne aucune adresse à vérifier en ligne (site, statistiques, budget, impact, DashLord ou dépôt de code).</p>`
  if (!context.evidence) return intro
  return html`${intro}
<ul class="evidence">${fields.map((f) => fieldItem(f, lastRun))}</ul>`
}

/** A startup's evidence at a glance, in words: « 2 en échec sur 3 », « 3 sur 3 tiennent », « …, instable ». */
export function evidenceGlanceWords(summary: EvidenceSummary): string {
  const text = summary.failing === 0 ? `${summary.holding} sur ${summary.checked} ${summary.holding > 1 ? 'tiennent' : 'tient'}` : `${summary.failing} en échec sur ${summary.checked}`
  return summary.tone === 'flapping' ? `${text}, instable` : text
}

/** The home list's line (assets/filters.js writes the same from recherche.json's evidence). */
export function evidenceGlance(summary: EvidenceSummary): Html {
  if (summary.tone === 'none') return html``
  return html`<p class="startup__evidence fr-text--sm fr-mb-1v">Preuves en ligne : ${evidenceBadge(summary.tone, evidenceGlanceWords(summary))}</p>`
}

/** Per category: the checks of what fiches declare (field rules) and of what was verified online (online rules), apart. */
export function declaredAndProven(agg: StandardsAggregate): [string, { declared: Counts; proven: Counts }][] {
  const zero = (): Counts => ({ applicable: 0, passed: 0, failing: 0, exempt: 0 })
  const out = new Map<string, { declared: Counts; proven: Counts }>()
  for (const r of Object.values(agg.rules)) {
    const entry = out.get(r.category) ?? { declared: zero(), proven: zero() }
    const c = r.evidence === 'online' ? entry.proven : entry.declared
    c.applicable += r.applicable
    c.passed += r.passed
    c.failing += r.failing
    c.exempt += r.exempt
    out.set(r.category, entry)
  }
  return CATEGORIES.filter((c) => out.has(c) && out.get(c)!.declared.applicable + out.get(c)!.proven.applicable > 0).map((c) => [c, out.get(c)!])
}

/** The standards page's table: declared and proven online, apart, per category. */
export function declaredAndProvenTable(agg: StandardsAggregate, path: string): Html {
  const rows = declaredAndProven(agg)
  const cell = (k: Counts, none: string) => (k.applicable === 0 ? html`<span class="fr-text--sm">${none}</span>` : bar(k, `${k.passed + k.exempt}/${k.applicable} (${percent(k)} %)`))
  const intro = html`<p>Une fiche <strong>déclare</strong> une preuve quand elle en donne l’adresse ou le champ ; la preuve est <strong>vérifiée en ligne</strong> quand la page répond ou que le dépôt est public, sous licence et actif (<a href="${siteHref(path, EVIDENCE_PATH)}">les preuves en ligne</a>, vérifiées chaque semaine). Les deux se comptent à part.</p>`
  // Without online evidence, the column would say so on every line: said once, and the table has the declared checks only.
  if (!agg.online_evidence) {
    return html`${intro}
<p>Ce site a été compilé sans preuves en ligne : seules les preuves déclarées dans les fiches sont comptées.</p>
${tableBlock(
      'Vérifications déclarées dans les fiches, par catégorie',
      html`<tr><th scope="col">Catégorie</th><th scope="col">Déclarées (champs des fiches)</th></tr>`,
      html`${rows.map(([c, k]) => html`<tr><th scope="row">${categoryLabel(c)}</th><td>${cell(k.declared, '—')}</td></tr>`)}`,
      { hideCaption: true },
    )}`
  }
  return html`${intro}
${tableBlock(
    'Vérifications déclarées dans les fiches et vérifiées en ligne, par catégorie',
    html`<tr><th scope="col">Catégorie</th><th scope="col">Déclarées (champs des fiches)</th><th scope="col">Vérifiées en ligne</th></tr>`,
    html`${rows.map(([c, k]) => html`<tr><th scope="row">${categoryLabel(c)}</th><td>${cell(k.declared, '—')}</td><td>${cell(k.proven, 'aucune vérification en ligne dans cette catégorie')}</td></tr>`)}`,
    { hideCaption: true },
  )}`
}

/** The standards page's trends: the share of startups whose online evidence holds, month by month (the latest first). */
export function evidenceTrendsTable(months: NonNullable<Trends['evidence']>): Html {
  const categories = CATEGORIES.filter((c) => months.some((m) => m.categories[c]))
  if (months.length === 0 || categories.length === 0) return html``
  return html`<p>La part des startups dont toutes les preuves en ligne tiennent, à la dernière vérification de chaque mois.</p>
${tableBlock(
    'Part des startups dont les preuves en ligne tiennent, par mois et par catégorie',
    html`<tr><th scope="col">Mois</th>${categories.map((c) => html`<th scope="col">${categoryLabel(c)}</th>`)}</tr>`,
    html`${[...months].reverse().map((m) => html`<tr><th scope="row">${m.month}</th>${categories.map((c) => {
      const k = m.categories[c]
      return html`<td>${k && k.share !== null ? html`${String(Math.round(k.share * 100))} %<br><span class="fr-text--xs">${String(k.holding)} sur ${String(k.startups)}</span>` : '—'}</td>`
    })}</tr>`)}`,
    { hideCaption: true },
  )}`
}
