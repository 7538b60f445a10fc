/**
 * The ratchet (like ESLint's bulk suppressions): a committed file of counts
 * per file and rule. Pure: diagnostics and the baseline in, the new ones out.
 */
import type { Diagnostic } from '../report/diagnostic.ts'

export interface Baseline {
  version: 1
  /** file → rule id → how many warnings are tolerated. */
  suppressions: Record<string, Record<string, { count: number }>>
}

export const BASELINE_FILE = 'registry-suppressions.json'

export class BaselineError extends Error {}

export function parseBaseline(text: string, file: string): Baseline {
  let raw: unknown
  try {
    raw = JSON.parse(text)
  } catch (err) {
    throw new BaselineError(`${file} n’est pas du JSON valide : ${(err as Error).message}`)
  }
  const ok =
    typeof raw === 'object' && raw !== null && (raw as Baseline).version === 1 && typeof (raw as Baseline).suppressions === 'object' && (raw as Baseline).suppressions !== null &&
    Object.values((raw as Baseline).suppressions).every((rules) => typeof rules === 'object' && rules !== null && Object.values(rules).every((r) => typeof r === 'object' && r !== null && Number.isSafeInteger(r.count) && r.count > 0))
  if (!ok) throw new BaselineError(`${file} : format inattendu (attendu : {"version": 1, "suppressions": {"<fichier>": {"<règle>": {"count": N}}}}). Régénérez-le avec registry lint --suppress-all.`)
  return raw as Baseline
}

function counts(diagnostics: readonly Diagnostic[]): Map<string, Map<string, number>> {
  const out = new Map<string, Map<string, number>>()
  for (const d of diagnostics) {
    const rules = out.get(d.file) ?? new Map<string, number>()
    rules.set(d.ruleId, (rules.get(d.ruleId) ?? 0) + 1)
    out.set(d.file, rules)
  }
  return out
}

/** A baseline that tolerates exactly these diagnostics (keys sorted: the file diffs well). */
export function baselineOf(diagnostics: readonly Diagnostic[]): Baseline {
  const suppressions: Baseline['suppressions'] = {}
  const c = counts(diagnostics)
  for (const file of [...c.keys()].sort()) {
    const rules = c.get(file)!
    suppressions[file] = Object.fromEntries([...rules.keys()].sort().map((r) => [r, { count: rules.get(r)! }]))
  }
  return { version: 1, suppressions }
}

/**
 * The diagnostics beyond the baseline: for each file and rule, the ones past
 * the tolerated count (the last ones in file order are the "new" ones).
 */
export function newDiagnostics(diagnostics: readonly Diagnostic[], baseline: Baseline): Diagnostic[] {
  const seen = new Map<string, number>()
  return diagnostics.filter((d) => {
    const key = `${d.file}\u0000${d.ruleId}`
    const n = (seen.get(key) ?? 0) + 1
    seen.set(key, n)
    return n > (baseline.suppressions[d.file]?.[d.ruleId]?.count ?? 0)
  })
}

/** The baseline lowered to what still occurs: it only ever shrinks. */
export function pruneBaseline(baseline: Baseline, diagnostics: readonly Diagnostic[]): Baseline {
  const c = counts(diagnostics)
  const suppressions: Baseline['suppressions'] = {}
  for (const file of Object.keys(baseline.suppressions).sort()) {
    const rules: Record<string, { count: number }> = {}
    for (const rule of Object.keys(baseline.suppressions[file]!).sort()) {
      const count = Math.min(baseline.suppressions[file]![rule]!.count, c.get(file)?.get(rule) ?? 0)
      if (count > 0) rules[rule] = { count }
    }
    if (Object.keys(rules).length > 0) suppressions[file] = rules
  }
  return { version: 1, suppressions }
}

export function serializeBaseline(baseline: Baseline): string {
  return `${JSON.stringify(baseline, null, 2)}\n`
}
