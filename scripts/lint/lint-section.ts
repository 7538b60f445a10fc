/**
 * The standards lint's part of the pull-request report: the warnings the
 * change introduces in the changed fiches, the ones it fixes, and per
 * category the standards the changed fiches meet before and after. Pure:
 * `lintData` turns the comparison into report data (report/report-data.ts),
 * `lintSections` renders that data as report sections (cut with the rest of
 * the report). The comment workflow renders data it did not compute, so the
 * sections are made from the data alone.
 */
import type { Lang } from '../report/diagnostic.ts'
import { diagnosticTable } from '../report/diagnostic-table.ts'
import type { ReportSection } from '../report/pr-report.ts'
import { reportGroup, ROWS_PER_TABLE, type CategoryRow, type LintData } from '../report/report-data.ts'
import { CATEGORIES, HYGIENE } from './catalogue.ts'
import { categoryLabel, countByCategory } from './category-summary.ts'
import type { ChangedLint } from './changed-lint.ts'
import type { RecordOutcome } from './run-rules.ts'

const COMMAND = 'npx registry lint --changed --base origin/main --new-only'

/** Per category: applicable standards and the ones met (passed or exempt with a reason), over these records. */
export function standardsByCategory(records: readonly RecordOutcome[]): Map<string, { met: number; applicable: number }> {
  const out = new Map<string, { met: number; applicable: number }>()
  for (const r of records) {
    for (const o of r.outcomes) {
      const c = out.get(o.rule.category) ?? { met: 0, applicable: 0 }
      c.applicable++
      if (o.result !== 'failing') c.met++
      out.set(o.rule.category, c)
    }
  }
  return out
}

/** The comparison as report data: the first `rowsMax` new and fixed warnings, and one row per category. */
export function lintData(c: ChangedLint, rowsMax = ROWS_PER_TABLE): LintData {
  const before = standardsByCategory(c.base.records)
  const after = standardsByCategory(c.head.records)
  const warningsBefore = new Map(countByCategory(c.base.diagnostics))
  const warningsAfter = new Map(countByCategory(c.head.diagnostics))
  const categories: CategoryRow[] = [...CATEGORIES, HYGIENE]
    .filter((k) => before.has(k) || after.has(k) || warningsBefore.has(k) || warningsAfter.has(k))
    .map((k) => ({ category: k, before: before.get(k) ?? null, after: after.get(k) ?? null, warningsBefore: warningsBefore.get(k) ?? 0, warningsAfter: warningsAfter.get(k) ?? 0 }))
  return { fiches: c.fiches.length, added: c.added.length, introduced: reportGroup(c.introduced, rowsMax), fixed: reportGroup(c.fixed, rowsMax), categories }
}

export function lintSections(c: LintData, lang: Lang): ReportSection[] {
  const fr = lang === 'fr'
  const fresh = c.introduced.total
  const fixed = c.fixed.total
  const sections: ReportSection[] = []
  const intro = fr
    ? `Les fiches modifiées sont comparées à leur version à la base : seuls les avertissements que la pull request ajoute lui sont attribués (**${fresh} nouveau${fresh > 1 ? 'x' : ''}**, **${fixed} corrigé${fixed > 1 ? 's' : ''}**${c.added ? ` ; ${c.added} fiche${c.added > 1 ? 's' : ''} ajoutée${c.added > 1 ? 's' : ''}, dont tous les avertissements sont nouveaux` : ''}). Un avertissement ne bloque pas la fusion ; voir \`docs/standards.md\` pour compléter un standard ou l'exempter avec une raison.`
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
      rows.push(`| ${categoryLabel(k.category, lang)} | ${share(b)} | ${share(a)}${trend} | ${k.warningsBefore} | ${k.warningsAfter} |`)
    }
    const note = fr
      ? `${c.fiches === 1 ? 'Sur la fiche modifiée (« avant » : sa version à la base, si elle n’est pas ajoutée)' : `Sur les ${c.fiches} fiches modifiées (« avant » : leur version à la base, sans les fiches ajoutées)`}.`
      : `${c.fiches === 1 ? 'Over the changed fiche ("before": its version at the base, unless it is added)' : `Over the ${c.fiches} changed fiches ("before": their version at the base, added fiches excepted)`}.`
    sections.push({ title: fr ? 'Standards par catégorie, avant et après' : 'Standards per category, before and after', body: `${note}\n\n${rows.join('\n')}` })
  }
  return sections
}
