/**
 * The editor's preview of a startup's page: the site's own page code (pages/startup.ts,
 * startupMain) on the checked fiche, with its standards block made as the build makes it
 * (lint/standards-block.ts) and the lint's messages. Shown inside the editor: its headings
 * move down under the preview's own, its ids are prefixed, its buttons and table of contents
 * are left out and its links are text (a click in the preview never leaves the page and the
 * text being edited). Pure; no `node:` import.
 */
import { startupItem } from '../../compile/startup-item.ts'
import { standardsBlock } from '../../lint/standards-block.ts'
import { isLintRule } from '../../lint/rule-catalogue.ts'
import type { IncubatorItem, OrganisationItem, SiteContext, StartupItem } from '../context.ts'
import { startupMain } from '../pages/startup.ts'
import type { FicheCheck, FicheContext } from './check.ts'

const NAMES = new WeakMap<FicheContext, Pick<SiteContext, 'incubators' | 'organisations'>>()

/** The registry's incubators and organisations, as much as the page shows of them (their names). */
function names(context: FicheContext): Pick<SiteContext, 'incubators' | 'organisations'> {
  let found = NAMES.get(context)
  if (!found) {
    const of = (c: string) => context.records.filter((r) => r.collection === c)
    found = {
      incubators: of('incubators').map((r): IncubatorItem => ({ id: r.id, file: r.file, title: typeof r.data.title === 'string' ? r.data.title : r.id, owner_id: null, startup_ids: [], body: '' })),
      organisations: of('organisations').map((r): OrganisationItem => ({ id: r.id, file: r.file, name: typeof r.data.name === 'string' ? r.data.name : r.id, startup_ids: [], body: '' })),
    }
    NAMES.set(context, found)
  }
  return found
}

/**
 * The preview's markup: headings three levels down (the page's h1 under the preview's h3), ids
 * and in-page links prefixed with `apercu-`, no link target. Every value in it was escaped by
 * the page code: the tags and attributes rewritten here are the page's own.
 */
export function embed(markup: string): string {
  return markup
    // The page's own buttons (edit, JSON, the service) and its table of contents: nothing to follow from a preview.
    .replace(/<ul class="fr-btns-group[^"]*">[\s\S]*?<\/ul>\n?/, '')
    .replace(/<nav class="fr-summary[\s\S]*?<\/nav>\n?/, '')
    .replace(/<(\/?)h([1-6])\b/g, (_m, slash: string, level: string) => `<${slash}h${Math.min(6, Number(level) + 3)}`)
    .replace(/\s(id|aria-labelledby)="([^"]*)"/g, (_m, attr: string, value: string) => ` ${attr}="apercu-${value}"`)
    .replace(/\shref="[^"]*"/g, '')
    .replace(/\s(target|rel)="[^"]*"/g, '')
    // A link without its address is text: a span, read and shown as such.
    .replace(/<a([\s>])/g, '<span$1')
    .replace(/<\/a>/g, '</span>')
}

/** The startup page of the checked fiche as the site will show it (its standards as of `asOf`); '' when the fiche cannot be read. */
export function previewHtml(check: FicheCheck, context: FicheContext, asOf: string): string {
  const record = check.record
  if (!record || record.collection !== 'startups') return ''
  // The rule set's name (a digest made with node:crypto at build time) is not shown on the page: none here.
  const block = standardsBlock({ record, phase: check.phase, outcomes: check.outcomes }, asOf, '')
  const item = { ...startupItem(record, asOf), standards: block } as unknown as StartupItem
  const findings = check.lint.filter((d) => isLintRule(d.ruleId)).map((d) => ({ rule: d.ruleId, message: d.message, hint: d.hint }))
  const site: SiteContext = { startups: [item], ...names(context), config: context.config, findings: new Map([[record.file, findings]]), asOf, base: '/', dataFiles: [] }
  return embed(startupMain(site, item, 'editer/').value)
}
