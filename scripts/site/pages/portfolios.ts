/**
 * incubateurs/ and organisations/: an index of each, and a page per incubator
 * and per organisation with its fields, its text, the maturity of its
 * portfolio per category and the portfolio itself.
 */
import { FICHE_SCHEMAS } from '../../validate/schemas.ts'
import type { IncubatorItem, OrganisationItem, PageGenerator, SiteContext, StartupItem } from '../context.ts'
import { html, raw, type Html } from '../html.ts'
import { renderPage } from '../layout.ts'
import { renderMarkdown } from '../markdown.ts'
import { segment, categoryTable, categoryTotals, fieldValue, portfolioTable, tableBlock } from '../components.ts'
import { fieldName } from '../field-labels.ts'

interface Kind<T extends IncubatorItem | OrganisationItem> {
  folder: string
  /** Plural, capitalised, for the index's title and the breadcrumb. */
  plural: string
  items: (c: SiteContext) => readonly T[]
  name: (item: T) => string
  collection: 'incubators' | 'organisations'
  hidden: readonly string[]
  intro: string
}

const byName = <T>(name: (t: T) => string) => (a: T, b: T) => name(a).localeCompare(name(b), 'fr')

/** Each startup's places in `context.startups`, by id: made once per context. */
const PLACES = new WeakMap<SiteContext, Map<string, number[]>>()

function places(context: SiteContext): Map<string, number[]> {
  let found = PLACES.get(context)
  if (!found) {
    found = new Map()
    for (const [i, s] of context.startups.entries()) {
      const list = found.get(s.id)
      if (list) list.push(i)
      else found.set(s.id, [i])
    }
    PLACES.set(context, found)
  }
  return found
}

/**
 * The startups of `ids`, in the order of `context.startups` (what filtering
 * `context.startups` by `ids` gives), looked up by id: filtering the whole list
 * for each incubator and organisation took 200 of the 370 s of a 50k build.
 */
function portfolio(context: SiteContext, ids: readonly string[]): StartupItem[] {
  const at = places(context)
  const found = new Set<number>()
  for (const id of ids) for (const i of at.get(id) ?? []) found.add(i)
  return [...found].sort((a, b) => a - b).map((i) => context.startups[i]!)
}

function kindPages<T extends IncubatorItem | OrganisationItem>(kind: Kind<T>): PageGenerator {
  return function* (context) {
    const items = [...kind.items(context)].sort(byName(kind.name))
    const indexPath = `${kind.folder}/`
    const index = html`<h1>${kind.plural}</h1>
<p>${kind.intro}</p>
${tableBlock(
      `${kind.plural} (${items.length})`,
      html`<tr><th scope="col">Nom</th><th scope="col">Startups</th><th scope="col">En cours</th></tr>`,
      html`${items.map((item) => {
        const list = portfolio(context, item.startup_ids)
        return html`<tr><td><a href="${`${segment(item.id)}/`}">${kind.name(item)}</a></td><td>${String(list.length)}</td><td>${String(list.filter((s) => s.status === 'active').length)}</td></tr>`
      })}`,
    )}`
    yield [`${indexPath}index.html`, renderPage({ title: kind.plural, path: indexPath, main: index, breadcrumb: [{ label: kind.plural }] })]
    for (const item of items) {
      const path = `${kind.folder}/${item.id}/`
      yield [`${path}index.html`, renderPage({ title: kind.name(item), path, main: itemMain(context, kind, item), breadcrumb: [{ label: kind.plural, path: indexPath }, { label: kind.name(item) }] })]
    }
  }
}

function itemMain<T extends IncubatorItem | OrganisationItem>(context: SiteContext, kind: Kind<T>, item: T): Html {
  const path = `${kind.folder}/${item.id}/`
  const list = portfolio(context, item.startup_ids)
  const active = list.filter((s) => s.status === 'active')
  const ended = list.filter((s) => s.status === 'ended')
  const keys = Object.keys(FICHE_SCHEMAS[kind.collection].properties).filter((k) => Object.hasOwn(item, k) && !kind.hidden.includes(k))
  const body = item.body.trim()
  return html`<h1>${kind.name(item)}</h1>
<p class="fr-text--lead">${String(list.length)} startup${list.length > 1 ? 's' : ''} : ${String(active.length)} en cours, ${String(ended.length)} terminée${ended.length > 1 ? 's' : ''}.</p>
<h2>Maturité du portefeuille</h2>
<p>Les vérifications des startups en cours, additionnées par catégorie.</p>
${categoryTable(categoryTotals(active), `Maturité par catégorie des startups en cours de ${kind.name(item)}`)}
<h2>Startups en cours</h2>
${portfolioTable(path, active, `Startups en cours de ${kind.name(item)}`)}
<h2>Startups terminées</h2>
${portfolioTable(path, ended, `Startups terminées de ${kind.name(item)}`)}
${body ? html`<h2>Présentation</h2>\n<div class="fiche-body">${raw(renderMarkdown(body, { headingOffset: 2 }))}</div>\n` : ''}<h2>Fiche</h2>
<p class="fr-text--sm">Fichier <code>${item.file}</code>.</p>
<dl class="fields">${keys.map((k) => html`<dt>${fieldName(k) ?? k} <code class="fr-text--xs">${k}</code></dt><dd>${fieldValue(item[k], k)}</dd>`)}</dl>`
}

export const incubatorPages = kindPages<IncubatorItem>({
  folder: 'incubateurs',
  plural: 'Incubateurs',
  items: (c) => c.incubators,
  name: (i) => (typeof i.title === 'string' ? i.title : i.id),
  collection: 'incubators',
  hidden: ['title'],
  intro: 'Les incubateurs du réseau beta.gouv.fr et leurs portefeuilles de startups.',
})

export const organisationPages = kindPages<OrganisationItem>({
  folder: 'organisations',
  plural: 'Organisations',
  items: (c) => c.organisations,
  name: (o) => (typeof o.name === 'string' ? o.name : o.id),
  collection: 'organisations',
  hidden: ['name'],
  intro: 'Les administrations qui portent des startups d’État.',
})
