/** The per-category summary printed after the human output of `registry lint`. */
import type { Diagnostic, Lang } from '../report/diagnostic.ts'
import { CATEGORIES, HYGIENE } from './catalogue.ts'
import { LINT_RULES } from './rules/index.ts'

const CATEGORY_OF = new Map(LINT_RULES.map((r) => [r.id, r.category as string]))

/** Counts per category, in catalogue order, then value hygiene. */
export function countByCategory(diagnostics: readonly Diagnostic[]): [string, number][] {
  const counts = new Map<string, number>()
  for (const d of diagnostics) {
    const c = CATEGORY_OF.get(d.ruleId)
    if (c !== undefined) counts.set(c, (counts.get(c) ?? 0) + 1)
  }
  return [...CATEGORIES, HYGIENE].filter((c) => counts.has(c)).map((c) => [c, counts.get(c)!])
}

export function categorySummary(diagnostics: readonly Diagnostic[], lang: Lang, suppressed: number): string {
  const rows = countByCategory(diagnostics)
  const out = ['', lang === 'fr' ? 'Par catégorie de standards :' : 'By standards category:']
  if (rows.length === 0) out.push(lang === 'fr' ? '  aucun avertissement' : '  no warnings')
  const width = Math.max(0, ...rows.map(([c]) => c.length))
  for (const [c, n] of rows) out.push(`  ${c.padEnd(width)}  ${n}`)
  if (suppressed > 0) out.push(lang === 'fr' ? `  (${suppressed} enregistrés dans le fichier des suppressions, non affichés)` : `  (${suppressed} recorded in the suppressions file, not shown)`)
  return `${out.join('\n')}\n`
}
