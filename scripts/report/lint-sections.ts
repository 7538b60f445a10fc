/**
 * The standards lint's sections of the pull-request report, rendered from the
 * report's data alone (report-data.ts's LintData): the warnings the change
 * introduces, the ones it fixes, and per category the standards met before
 * and after. `rules`: the catalogue of rules, for the categories' labels.
 */
import type { Lang } from './diagnostic.ts'
import { diagnosticTable } from './diagnostic-table.ts'
import type { RuleCatalogue } from './messages.ts'
import type { CategoryRow, LintData } from './report-data.ts'

const COMMAND = 'npx registry lint --changed --base origin/main --new-only'

/** A section of the report (pr-report.ts): a title and its markdown, cut with the rest when the report is too long. */
export interface ReportSection {
  title: string
  /** Markdown; cut with the rest when the report is too long. */
  body: string
}

export function lintSections(c: LintData, lang: Lang, rules: RuleCatalogue): ReportSection[] {
  const fr = lang === 'fr'
  const fresh = c.introduced.total
  const fixed = c.fixed.total
  const sections: ReportSection[] = []
  const intro = fr
    ? `Les fiches modifiées sont comparées à leur version à la base : seuls les avertissements que la pull request ajoute lui sont attribués (**${fresh} nouveau${fresh > 1 ? 'x' : ''}**, **${fixed} corrigé${fixed > 1 ? 's' : ''}**${c.added ? ` ; ${c.added} fiche${c.added > 1 ? 's' : ''} ajoutée${c.added > 1 ? 's' : ''}, dont tous les avertissements sont nouveaux` : ''}). Un avertissement ne bloque pas la fusion ; voir \`docs/standards.md\` pour compléter un standard ou l’exempter avec une raison.`
    : `The changed fiches are compared with their version at the base: only the warnings the pull request adds are attributed to it (**${fresh} new**, **${fixed} fixed**${c.added ? `; ${c.added} fiche${c.added === 1 ? '' : 's'} added, all of whose warnings are new` : ''}). A warning does not block the merge; see \`docs/standards.md\` to complete a standard or exempt it with a reason.`
  sections.push({ title: fr ? `Standards : avertissements nouveaux (${fresh})` : `Standards: new warnings (${fresh})`, body: fresh ? `${intro}\n\n${diagnosticTable(c.introduced, fr, COMMAND)}` : `${intro}\n\n${fr ? 'Aucun avertissement nouveau. Merci !' : 'No new warning. Thank you!'}` })
  if (fixed) {
    sections.push({
      title: fr ? `Standards : avertissements corrigés ou devenus sans objet (${fixed})` : `Standards: warnings fixed or no longer applicable (${fixed})`,
      body: `<details><summary>${fr ? 'Afficher' : 'Show'}</summary>\n\n${diagnosticTable(c.fixed, fr, COMMAND)}\n\n</details>`,
    })
  }
  if (c.categories.length) {
    const rows = [fr ? '| Catégorie | Standards respectés avant | après | Avertissements avant | après |' : '| Category | Standards met before | after | Warnings before | after |', '| --- | --- | --- | --- | --- |']
    const share = (s: CategoryRow['before']) => (s ? `${s.met}/${s.applicable}` : '—')
    for (const k of c.categories) {
      const b = k.before
      const a = k.after
      // Compared as shares (met × applicable crosswise): a phase change alters what applies.
      const diff = a && b ? a.met * b.applicable - b.met * a.applicable : 0
      const trend = diff > 0 ? ' ↑' : diff < 0 ? ' ↓' : ''
      rows.push(`| ${rules.categoryLabel(k.category, lang)} | ${share(b)} | ${share(a)}${trend} | ${k.warningsBefore} | ${k.warningsAfter} |`)
    }
    const note = fr
      ? `${c.fiches === 1 ? 'Sur la fiche modifiée (« avant » : sa version à la base, si elle n’est pas ajoutée)' : `Sur les ${c.fiches} fiches modifiées (« avant » : leur version à la base, sans les fiches ajoutées)`}.`
      : `${c.fiches === 1 ? 'Over the changed fiche ("before": its version at the base, unless it is added)' : `Over the ${c.fiches} changed fiches ("before": their version at the base, added fiches excepted)`}.`
    sections.push({ title: fr ? 'Standards par catégorie, avant et après' : 'Standards per category, before and after', body: `${note}\n\n${rows.join('\n')}` })
  }
  return sections
}
