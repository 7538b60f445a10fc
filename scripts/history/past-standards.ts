/**
 * Today's standards rules applied to a past fiche: the field-evidence rules
 * that give evidence for a standard (value hygiene aside, never online), on
 * the fiche's data mapped to today's phase vocabulary, as of a given date.
 * Used by the trends (as of each month's end) and the change reports (as of
 * the commit's date). Never throws: a fiche that cannot be read, or that a
 * rule cannot make sense of, gives undefined.
 * The rule set is named by lint/rules-version.ts (`standardsRulesVersion`).
 */
import { CATEGORIES } from '../lint/catalogue.ts'
import { STANDARDS_RULES, standardsRulesVersion } from '../lint/rules-version.ts'
import { runRules, type LintSettings, type RuleOutcome } from '../lint/run-rules.ts'
import { splitFrontMatter, type ParsedRecord } from '../load/parse-record.ts'
import type { PastFiche } from './past-fiche.ts'
import type { SnapshotMetric } from './trends.ts'
import { withCurrentPhases } from './vocabulary.ts'

export { RULES_REVISION, STANDARDS_RULES, standardsRulesVersion } from '../lint/rules-version.ts'

type LintConfig = LintSettings['config']

/** The outcome of each applicable standards rule for a past startup fiche as of `asOf`, or undefined when it cannot be linted. */
export function pastOutcomes(fiche: PastFiche, asOf: string, config: LintConfig): RuleOutcome[] | undefined {
  if (!fiche.data) return undefined
  const text = fiche.text ?? ''
  const split = splitFrontMatter(text)
  const record: ParsedRecord = {
    file: 'startups/past.md',
    collection: 'startups',
    id: 'past',
    data: withCurrentPhases(fiche.data),
    body: fiche.body,
    text,
    yamlStart: typeof split === 'string' ? 0 : split.yamlStart,
    yamlEnd: typeof split === 'string' ? 0 : split.yamlEnd,
  }
  try {
    return runRules([record], { config, asOf, rules: STANDARDS_RULES }).records[0]?.outcomes
  } catch {
    // Data no rule expected (a past fiche is never validated): not counted rather than a failed build.
    return undefined
  }
}

/** The ids of the standards rules a past fiche fails as of `asOf`, sorted; undefined when it cannot be linted. */
export function failingRules(fiche: PastFiche, asOf: string, config: LintConfig): { failing: string[]; passing: string[] } | undefined {
  const outcomes = pastOutcomes(fiche, asOf, config)
  if (!outcomes) return undefined
  const ids = (result: (r: RuleOutcome['result']) => boolean) => outcomes.filter((o) => result(o.result)).map((o) => o.rule.id).sort()
  return { failing: ids((r) => r === 'failing'), passing: ids((r) => r !== 'failing') }
}

/** Per category, a fiche's applicable checks: [passed, failing, exempt]. */
type CategoryCounts = Record<string, [number, number, number]>

const share = (passed: number, applicable: number) => (applicable === 0 ? null : Math.round((passed / applicable) * 10000) / 10000)

/**
 * The trends' standards metric: per category of the catalogue, the share of
 * applicable checks that pass as of the month's end, over the month's
 * startups (a fiche that cannot be linted counts under `unreadable`).
 */
export function standardsMetric(config: LintConfig): SnapshotMetric<CategoryCounts | null> {
  return {
    id: 'standards',
    version: standardsRulesVersion(config),
    map(fiche, asOf) {
      const outcomes = pastOutcomes(fiche, asOf, config)
      if (!outcomes) return null
      const out: CategoryCounts = {}
      for (const o of outcomes) {
        const c = (out[o.rule.category] ??= [0, 0, 0])
        c[o.result === 'passed' ? 0 : o.result === 'failing' ? 1 : 2]++
      }
      return out
    },
    reduce(values) {
      const totals = new Map<string, [number, number, number]>()
      let unreadable = 0
      for (const v of values) {
        if (v === null) {
          unreadable++
          continue
        }
        for (const [category, [p, f, e]] of Object.entries(v)) {
          const t = totals.get(category) ?? [0, 0, 0]
          totals.set(category, [t[0] + p, t[1] + f, t[2] + e])
        }
      }
      const categories = Object.fromEntries(
        CATEGORIES.filter((c) => totals.has(c)).map((c) => {
          const [passed, failing, exempt] = totals.get(c)!
          const applicable = passed + failing + exempt
          return [c, { applicable, passed, failing, exempt, share: share(passed, applicable) }]
        }),
      )
      return { linted: values.length - unreadable, unreadable, categories }
    },
  }
}
