/**
 * A markdown table of located problems, for the pull-request report, its
 * standards section and the body of a `propose` pull request. Every
 * fiche-derived cell (file, message, hint) is inert text. Pure.
 */
import type { Diagnostic } from './diagnostic.ts'
import { inertCode, inertMarkdown } from './inert-markdown.ts'

/** What a table shows: the first problems of a list, and how many the list holds. */
export interface DiagnosticGroup {
  total: number
  items: readonly Pick<Diagnostic, 'file' | 'line' | 'column' | 'ruleId' | 'message' | 'hint'>[]
}

/** The table of a group's items, then a line saying how many more there are and which command lists them. */
export function diagnosticTable(group: DiagnosticGroup, fr: boolean, command: string): string {
  const rows = [fr ? '| Fiche | Ligne | Problème | Que faire | Règle |' : '| Fiche | Line | Problem | What to do | Rule |', '| --- | --- | --- | --- | --- |']
  for (const d of group.items) rows.push(`| ${inertCode(d.file)} | ${d.line}:${d.column} | ${inertMarkdown(d.message)} | ${inertMarkdown(d.hint)} | ${inertCode(d.ruleId)} |`)
  const more = group.total - group.items.length
  if (more > 0) rows.push('', fr ? `… et ${more} autre${more > 1 ? 's' : ''} : ${fullList(fr, command)}` : `… and ${more} more: ${fullList(fr, command)}`)
  return rows.join('\n')
}

/**
 * Where the whole list is, for the person who reads a pull request on GitHub (often in the web
 * editor, without a clone): the check's log; and the command for whoever has a clone.
 */
export function fullList(fr: boolean, command: string): string {
  return fr
    ? `le journal de la vérification (onglet « Checks » de la pull request) les donne toutes ; dans un clone du dépôt, après \`npm ci\` : \`${command}\`.`
    : `the check's log (the pull request's "Checks" tab) gives them all; in a clone of the repository, after \`npm ci\`: \`${command}\`.`
}

/** The first `max` diagnostics of a list, with the list's length. */
export function groupOf(list: readonly Diagnostic[], max: number): DiagnosticGroup {
  return { total: list.length, items: list.slice(0, max) }
}
