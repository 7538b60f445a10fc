/**
 * The standards lint's part of the pull-request report: the warnings the
 * change introduces in the changed fiches, the ones it fixes, and per
 * category the standards the changed fiches meet before and after. Pure:
 * `lintData` turns the comparison into report data (report/report-data.ts);
 * report/lint-sections.ts renders that data as report sections (the comment
 * workflow renders data it did not compute, so the sections are made from the
 * data alone).
 */
import { reportGroup, ROWS_PER_TABLE, type CategoryRow, type LintData } from '../report/report-data.ts'
import { CATEGORIES, HYGIENE } from './catalogue.ts'
import { countByCategory } from './category-summary.ts'
import type { ChangedLint } from './changed-lint.ts'
import type { RecordOutcome } from './run-rules.ts'

export { lintSections } from '../report/lint-sections.ts'

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
