/** The per-category summary printed after the human output of `registry lint`. */
import type { Diagnostic, Lang } from '../report/diagnostic.ts'
import { CATEGORIES, CATEGORY_LABELS, HYGIENE } from './catalogue.ts'
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

/** A category as people read it, in their language ('qualité-logicielle' → 'Qualité logicielle', 'Software quality'); an unknown id as written. */
export function categoryLabel(category: string, lang: Lang): string {
  return Object.hasOwn(CATEGORY_LABELS, category) ? CATEGORY_LABELS[category as keyof typeof CATEGORY_LABELS][lang] : category
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
