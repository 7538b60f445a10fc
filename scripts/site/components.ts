/**
 * Pieces shared by the pages: labels, dates, maturity bars, field values,
 * links. Pure; everything from a fiche is escaped by `html`.
 */
import { CATEGORIES } from '../lint/catalogue.ts'
import { categoryLabel as labelOfCategory } from '../lint/category-summary.ts'
import { evidenceDay, MONTHS_FR } from '../evidence/evidence-words.ts'
import type { Counts, SiteContext, StartupItem } from './context.ts'
import { html, raw, type Html } from './html.ts'
import { isSafeUrl } from './safe-url.ts'
import { isCalendarDate } from '../validate/formats.ts'
import { siteHref } from './layout.ts'
import { fieldName, valueLabel } from './field-labels.ts'

export const PHASE_LABELS: Record<string, string> = {
  investigation: 'Investigation',
  construction: 'Construction',
  acceleration: 'Accélération',
  consolidation: 'Consolidation',
  transfere: 'Transférée',
  opere: 'Opérée',
  abandon: 'Abandonnée',
  'abandon-investigation': 'Abandonnée en investigation',
}

export const EVENT_LABELS: Record<string, string> = {
  committee: 'Comité d’investissement',
  product_launch: 'Lancement du produit',
  other: 'Autre événement',
  end: 'Fin',
  fast: 'Financement FAST',
  national_impact: 'Impact national',
  eig: 'Entrepreneurs d’intérêt général',
}


/**
 * A lint message or explanation as the site shows it: the days it names after « le », « du »,
 * « au » (« a commencé le 2023-03-01 ») written out (« le 1er mars 2023 »), and the phases it
 * quotes by their names (« acceleration » → « Accélération »). The command line and the API keep
 * the fiche's own spelling, which its author looks for in the file; a reader of the site does not.
 */
export function forReaders(text: string): string {
  return text
    .replace(/(?<![\p{L}\p{N}])(le|du|au|jusqu’au) (\d{4}-\d{2}-\d{2})(?![\p{L}\p{N}/-])/gu, (m, word: string, day: string) => (isCalendarDate(day) ? `${word} ${evidenceDay(day, 'fr')}` : m))
    .replace(/« ([a-z-]+) »/g, (m, slug: string) => (Object.hasOwn(PHASE_LABELS, slug) ? `« ${PHASE_LABELS[slug]} »` : m))
}

/** '1 startup', '2 startups', '0 startup' (French: 0 and 1 are singular). */
export function plural(n: number, one: string, many: string): string {
  return `${n} ${n > 1 ? many : one}`
}

export const phaseLabel = (name: string | undefined): string => (name === undefined ? 'Phase inconnue' : (PHASE_LABELS[name] ?? name))
/** A category's French label (the site is in French; the labels live with the catalogue, in French and English). */
export const categoryLabel = (c: string): string => labelOfCategory(c, 'fr')

export { MONTHS_FR as MONTHS }

/** '2024-03-01' (or a full ISO date-time) → '1er mars 2024'; anything else as written (evidence-words' evidenceDay, in French). */
export function frenchDate(value: unknown): string {
  if (value instanceof Date) value = value.toISOString()
  if (typeof value !== 'string') return value === undefined || value === null ? '' : String(value)
  return evidenceDay(value, 'fr')
}

const MONTHS_SHORT_FR = ['janv.', 'févr.', 'mars', 'avr.', 'mai', 'juin', 'juil.', 'août', 'sept.', 'oct.', 'nov.', 'déc.']

/** A month as the trends write it ('2026-10') for readers: 'octobre 2026', or 'oct. 2026' with `short` (a chart's axis); anything else as written. */
export function frenchMonth(month: string, short = false): string {
  const m = /^(\d{4})-(\d{2})$/.exec(month)
  const i = m ? Number(m[2]) - 1 : -1
  return m && i >= 0 && i < 12 ? `${(short ? MONTHS_SHORT_FR : MONTHS_FR)[i]}\u00a0${m[1]}` : month
}

/** The date part (YYYY-MM-DD) of a date or ISO date-time, for `<time datetime>`. */
export function isoDay(value: unknown): string {
  if (value instanceof Date) return value.toISOString().slice(0, 10)
  return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}/.test(value) ? value.slice(0, 10) : ''
}

export function time(value: unknown): Html {
  const day = isoDay(value)
  return day ? html`<time datetime="${day}">${frenchDate(value)}</time>` : html`${frenchDate(value)}`
}

/** Share of passed (exempt counted as met) among applicable checks, 0..100, rounded down. */
export function percent(c: Counts): number {
  return c.applicable === 0 ? 100 : Math.floor(((c.passed + c.exempt) * 100) / c.applicable)
}

/** A bar with its value in text (the bar alone is decoration). */
export function bar(c: Counts, label?: string): Html {
  const p = percent(c)
  const tone = c.failing === 0 ? 'ok' : p >= 50 ? 'mid' : 'low'
  // A <meter>, not a width in a style attribute: the pages' Content-Security-Policy allows no inline style.
  return html`<meter class="bar bar--${tone}" min="0" max="100" value="${String(p)}" aria-hidden="true">${String(p)} %</meter> <span class="bar__text">${label ?? `${c.passed + c.exempt}/${c.applicable}`}</span>`
}

/** The maturity at a glance: one small tag per applicable category, failing ones marked. */
export function maturityGlance(item: StartupItem): Html {
  const categories = item.standards?.categories ?? {}
  const names = CATEGORIES.filter((c) => categories[c])
  if (names.length === 0) return html`<span class="fr-text--sm">Aucun standard applicable</span>`
  return html`<ul class="glance">${names.map((c) => {
    const k = categories[c]!
    const state = k.failing === 0 ? 'ok' : 'ko'
    return html`<li class="glance__item glance__item--${state}"><span class="fr-sr-only">${categoryLabel(c)} : </span><span aria-hidden="true">${categoryLabel(c)} </span>${k.passed + k.exempt}/${k.applicable}${state === 'ko' ? html`<span class="fr-sr-only"> (à compléter)</span>` : html`<span class="fr-sr-only"> (complet)</span>`}</li>`
  })}</ul>`
}

/** A link out of the site (to GitHub, a service): only http(s), with rel="noopener noreferrer"; otherwise the text alone. */
export function externalLink(url: unknown, text?: string, className?: string): Html {
  if (typeof url !== 'string') return html`${String(url)}`
  if (!/^https?:\/\//i.test(url) || !isSafeUrl(url)) return html`${url}`
  return html`<a${className ? html` class="${className}"` : ''} href="${url}" rel="noopener noreferrer">${text ?? url}</a>`
}

const NAMES = new WeakMap<SiteContext, { incubators: Map<string, string>; organisations: Map<string, string> }>()

function names(context: SiteContext) {
  let found = NAMES.get(context)
  if (!found) {
    found = {
      incubators: new Map(context.incubators.map((i) => [i.id, typeof i.title === 'string' ? i.title : i.id])),
      organisations: new Map(context.organisations.map((o) => [o.id, typeof o.name === 'string' ? o.name : o.id])),
    }
    NAMES.set(context, found)
  }
  return found
}

/** An incubator's title (its id when it has none or is unknown). */
export function incubatorTitle(context: SiteContext, id: string): string {
  return names(context).incubators.get(id) ?? id
}

/** An organisation's name (its id when it has none or is unknown). */
export function organisationName(context: SiteContext, id: string): string {
  return names(context).organisations.get(id) ?? id
}

/**
 * A value of a fiche, as people read it: links for URLs, lists for lists, Oui/Non for booleans,
 * a vocabulary's label for its values (usertypes…), French names for the keys of an object.
 * `key` is the field's key, `parent` the pointer of its group ('' at the top).
 */
export function fieldValue(value: unknown, key = '', parent = ''): Html {
  if (value === null || value === undefined || value === '') return html`<span class="fr-text--sm">(vide)</span>`
  if (typeof value === 'boolean') return html`${value ? 'Oui' : 'Non'}`
  if (value instanceof Date) return time(value)
  if (typeof value === 'string') {
    if (/^https?:\/\//i.test(value)) return externalLink(value)
    if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return time(value)
    if (/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value)) return html`<a href="${`mailto:${value}`}">${value}</a>`
    return html`${valueLabel(key, value)}`
  }
  if (typeof value === 'number') return html`${String(value)}`
  if (Array.isArray(value)) return html`<ul class="fr-mb-0">${value.map((v) => html`<li>${fieldValue(v, key, parent)}</li>`)}</ul>`
  if (typeof value === 'object') {
    const inner = `${parent}/${key}`
    return html`<dl class="fields fields--nested">${Object.entries(value as Record<string, unknown>).map(([k, v]) => html`<dt>${fieldName(k, inner) ?? k}</dt><dd>${fieldValue(v, k, inner)}</dd>`)}</dl>`
  }
  return html`${String(value)}`
}

/** An id as a URL path segment (ids are file names: `#`, `?` or `%` would break a link). */
export const segment = (id: string): string => encodeURIComponent(id)

export function startupHref(from: string, id: string): string {
  return siteHref(from, `startups/${segment(id)}/`)
}

export function incubatorHref(from: string, id: string): string {
  return siteHref(from, `incubateurs/${segment(id)}/`)
}

export function organisationHref(from: string, id: string): string {
  return siteHref(from, `organisations/${segment(id)}/`)
}

/** The phase badge: ended phases in grey. */
export function phaseBadge(item: Pick<StartupItem, 'current_phase' | 'status'>): Html {
  const tone = item.status === 'ended' ? 'fr-badge--no-icon' : 'fr-badge--info fr-badge--no-icon'
  return html`<span class="fr-badge fr-badge--sm ${tone}">${phaseLabel(item.current_phase)}</span>`
}

/**
 * A table that is never cut off: inside a region that scrolls sideways when the screen is too
 * narrow for it, focusable (so that the keyboard scrolls it) and named after the table (so that
 * it announces itself). Cells wrap (site.css), so that at desktop widths the table fits. The
 * caption is shown above the region (a caption inside would scroll, cut, with the table) and
 * kept in the table for screen readers; `hideCaption` shows none (a heading says it already).
 */
export function tableBlock(caption: string, head: Html, body: Html, options: { hideCaption?: boolean } = {}): Html {
  return html`<div class="fr-table fr-table--no-caption">${options.hideCaption ? '' : html`<p class="table-caption" aria-hidden="true">${caption}</p>`}<div class="fr-table__wrapper"><div class="fr-table__container table-scroll" role="region" tabindex="0" aria-label="${caption}"><div class="fr-table__content"><table>
<caption>${caption}</caption>
<thead>${head}</thead>
<tbody>${body}</tbody>
</table></div></div></div></div>`
}

/** A table of startups (a portfolio): name, phase, maturity, last update. */
export function portfolioTable(from: string, items: readonly StartupItem[], caption: string): Html {
  if (items.length === 0) return html`<p>Aucune startup.</p>`
  return tableBlock(
    caption,
    html`<tr><th scope="col">Startup</th><th scope="col">Phase</th><th scope="col">Maturité par catégorie</th><th scope="col">Mise à jour</th></tr>`,
    html`${items.map((s) => html`<tr><td><a href="${startupHref(from, s.id)}">${s.title ?? s.id}</a></td><td>${phaseBadge(s)}</td><td>${maturityGlance(s)}</td><td>${s.updated_at ? time(s.updated_at) : '—'}</td></tr>`)}`,
    { hideCaption: true },
  )
}

/** Sums counts per category over startups. */
export function categoryTotals(items: readonly StartupItem[]): Map<string, Counts> {
  const totals = new Map<string, Counts>()
  for (const s of items) {
    for (const [c, k] of Object.entries(s.standards?.categories ?? {})) {
      const t = totals.get(c) ?? { applicable: 0, passed: 0, failing: 0, exempt: 0 }
      t.applicable += k.applicable
      t.passed += k.passed
      t.failing += k.failing
      t.exempt += k.exempt
      totals.set(c, t)
    }
  }
  return totals
}

/** A table of categories with bars: checks met over applicable. */
export function categoryTable(totals: ReadonlyMap<string, Counts> | Record<string, Counts>, caption: string): Html {
  const entries = totals instanceof Map ? [...totals.entries()] : Object.entries(totals)
  const ordered = CATEGORIES.map((c) => entries.find(([k]) => k === c)).filter((e): e is [string, Counts] => e !== undefined && e[1].applicable > 0)
  if (ordered.length === 0) return html`<p>Aucune vérification applicable.</p>`
  return tableBlock(
    caption,
    html`<tr><th scope="col">Catégorie</th><th scope="col">Vérifications remplies</th><th scope="col">Remplies</th><th scope="col">Exemptées</th><th scope="col">À corriger</th></tr>`,
    html`${ordered.map(([c, k]) => html`<tr><th scope="row">${categoryLabel(c)}</th><td class="cell-bar">${bar(k, `${percent(k)} %`)}</td><td>${String(k.passed)}</td><td>${String(k.exempt)}</td><td>${String(k.failing)}</td></tr>`)}`,
  )
}

