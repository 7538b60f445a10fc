/**
 * The standards lint's section of the pull-request report: the warnings the
 * change introduces in the changed fiches, the ones it fixes, and per
 * category the standards the changed fiches meet before and after. Pure:
 * the comparison in, report sections out (cut with the rest of the report).
 */
import type { Lang } from '../report/diagnostic.ts'
import { diagnosticTable, ROWS_PER_TABLE, type ReportSection } from '../report/pr-report.ts'
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

export function lintSections(c: ChangedLint, lang: Lang, rowsMax = ROWS_PER_TABLE): ReportSection[] {
  const fr = lang === 'fr'
  const fresh = c.introduced.length
  const fixed = c.fixed.length
  const sections: ReportSection[] = []
  const intro = fr
    ? `Les fiches modifiées sont comparées à leur version à la base : seuls les avertissements que la pull request ajoute lui sont attribués (**${fresh} nouveau${fresh > 1 ? 'x' : ''}**, **${fixed} corrigé${fixed > 1 ? 's' : ''}**${c.added.length ? ` ; ${c.added.length} fiche${c.added.length > 1 ? 's' : ''} ajoutée${c.added.length > 1 ? 's' : ''}, dont tous les avertissements sont nouveaux` : ''}). Un avertissement ne bloque pas la fusion ; voir \`docs/standards.md\` pour compléter un standard ou l'exempter avec une raison.`
    : `The changed fiches are compared with their version at the base: only the warnings the pull request adds are attributed to it (**${fresh} new**, **${fixed} fixed**${c.added.length ? `; ${c.added.length} fiche${c.added.length === 1 ? '' : 's'} added, all of whose warnings are new` : ''}). A warning does not block the merge; see \`docs/standards.md\` to complete a standard or exempt it with a reason.`
  sections.push({ title: fr ? `Standards : avertissements nouveaux (${fresh})` : `Standards: new warnings (${fresh})`, body: fresh ? `${intro}\n\n${diagnosticTable(c.introduced, fr, rowsMax, COMMAND)}` : `${intro}\n\n${fr ? 'Aucun avertissement nouveau. Merci !' : 'No new warning. Thank you!'}` })
  if (fixed) {
    sections.push({
      title: fr ? `Standards : avertissements corrigés ou devenus sans objet (${fixed})` : `Standards: warnings fixed or no longer applicable (${fixed})`,
      body: `<details><summary>${fr ? 'Afficher' : 'Show'}</summary>\n\n${diagnosticTable(c.fixed, fr, rowsMax, COMMAND)}\n\n</details>`,
    })
  }
  const before = standardsByCategory(c.base.records)
  const after = standardsByCategory(c.head.records)
  const warningsBefore = new Map(countByCategory(c.base.diagnostics))
  const warningsAfter = new Map(countByCategory(c.head.diagnostics))
  const categories = [...CATEGORIES, HYGIENE].filter((k) => before.has(k) || after.has(k) || warningsBefore.has(k) || warningsAfter.has(k))
  if (categories.length) {
    const rows = [fr ? '| Catégorie | Standards respectés avant | après | Avertissements avant | après |' : '| Category | Standards met before | after | Warnings before | after |', '| --- | --- | --- | --- | --- |']
    const share = (s: { met: number; applicable: number } | undefined) => (s ? `${s.met}/${s.applicable}` : '—')
    for (const k of categories) {
      const b = before.get(k)
      const a = after.get(k)
      // Compared as shares (met × applicable crosswise): a phase change alters what applies.
      const diff = a && b ? a.met * b.applicable - b.met * a.applicable : 0
      const trend = diff > 0 ? ' ↑' : diff < 0 ? ' ↓' : ''
      rows.push(`| ${categoryLabel(k, lang)} | ${share(b)} | ${share(a)}${trend} | ${warningsBefore.get(k) ?? 0} | ${warningsAfter.get(k) ?? 0} |`)
    }
    const note = fr
      ? `Sur les ${c.fiches.length} fiche${c.fiches.length > 1 ? 's' : ''} modifiée${c.fiches.length > 1 ? 's' : ''} (« avant » : leur version à la base, sans les fiches ajoutées).`
      : `Over the ${c.fiches.length} changed fiche${c.fiches.length === 1 ? '' : 's'} ("before": their version at the base, added fiches excepted).`
    sections.push({ title: fr ? 'Standards par catégorie, avant et après' : 'Standards per category, before and after', body: `${note}\n\n${rows.join('\n')}` })
  }
  return sections
}

