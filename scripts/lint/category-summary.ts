/** The per-category summary printed after the human output of `registry lint`. */
import type { Diagnostic, Lang } from '../report/diagnostic.ts'
import { countByCategory as countIn } from '../report/messages.ts'
import { categoryLabel } from './catalogue.ts'
import { RULE_CATALOGUE } from './rule-catalogue.ts'

export { categoryLabel }

/** Counts per category, in catalogue order, then value hygiene. */
export function countByCategory(diagnostics: readonly Diagnostic[]): [string, number][] {
  return countIn(diagnostics, RULE_CATALOGUE)
}

export function categorySummary(diagnostics: readonly Diagnostic[], lang: Lang, suppressed: number): string {
  const rows = countByCategory(diagnostics)
  const out = ['', lang === 'fr' ? 'Par catégorie de standards :' : 'By standards category:']
  if (rows.length === 0) out.push(lang === 'fr' ? '  aucun avertissement' : '  no warnings')
  const labels = rows.map(([c, n]): [string, number] => [categoryLabel(c, lang), n])
  const width = Math.max(0, ...labels.map(([c]) => c.length))
  for (const [c, n] of labels) out.push(`  ${c.padEnd(width)}  ${n}`)
  if (suppressed > 0) out.push(lang === 'fr' ? `  (${suppressed} enregistrés dans le fichier des suppressions, non affichés)` : `  (${suppressed} recorded in the suppressions file, not shown)`)
  return `${out.join('\n')}\n`
}
