/**
 * Runs the standards rules over the records: phases as of a date, the
 * configured severities and options, the fiches' exemptions. Pure: records
 * and settings in, problems and each record's per-rule outcome out.
 */
import type { RegistryConfig } from '../load/config.ts'
import type { ParsedRecord } from '../load/parse-record.ts'
import type { Problem } from '../report/diagnostic.ts'
import type { Applies, Data, LintRule, RuleContext, RuleReport, Seen } from './define-rule.ts'
import { validExemptions, type Exemption } from './exemptions.ts'
import { onlineKey, type OnlineResults } from './online/types.ts'
import { HYGIENE } from './catalogue.ts'
import { appliesTo, currentPhase, ENDED_PHASES } from './phase.ts'
import { misspeltKeys } from '../validate/typos.ts'
import { LINT_RULES } from './rules/index.ts'

export interface LintSettings {
  config: Pick<RegistryConfig, 'rules' | 'ruleOptions'> & { siteUrl?: string }
  /** YYYY-MM-DD; undefined when neither HEAD's date nor --as-of is known (time-based rules then stay silent). */
  asOf: string | undefined
  online?: OnlineResults
  /** Only the rules marked `validate` (what `registry validate` reports). */
  validateOnly?: boolean
  rules?: readonly LintRule<any>[]
  /** Only these files are checked (lint --changed); every record still serves as context (canonical spellings). */
  only?: ReadonlySet<string>
  /** Keep, for each standards check, what it saw or the reports it made (the feed's explanations, standards-report.ts). */
  explain?: boolean
}

export type CheckResult = 'passed' | 'failing' | 'exempt'

/** What one applicable rule found for one record (read-only: a plain passed or failing outcome is shared by every record). */
export interface RuleOutcome {
  readonly rule: LintRule<any>
  readonly result: CheckResult
  readonly exemption?: Exemption
  /** Online rules: the date of the results read. */
  readonly checkedAt?: string
  /** With `explain`: what a passed check saw (rule.seen). */
  readonly seen?: Seen
  /** With `explain`: what a failing or exempt check reported. */
  readonly reports?: readonly RuleReport[]
}

export interface RecordOutcome {
  record: ParsedRecord
  phase: string | undefined
  outcomes: RuleOutcome[]
}

export interface LintResult {
  problems: Problem[]
  records: RecordOutcome[]
}

export const RULE_IDS: ReadonlySet<string> = new Set(LINT_RULES.map((r) => r.id))

/** The exemptions of a fiche that has none (most): one shared, never modified, array. */
const NO_EXEMPTIONS: readonly Exemption[] = Object.freeze([])

export function ruleOptions<O extends Data>(rule: LintRule<O>, config: LintSettings['config']): O {
  return { ...(rule.options?.defaults ?? ({} as O)), ...((config.ruleOptions?.[rule.id] ?? {}) as Partial<O>) }
}

export function runRules(records: readonly ParsedRecord[], settings: LintSettings): LintResult {
  const rules = (settings.rules ?? LINT_RULES).filter((r) => settings.config.rules[r.id] !== 'off' && (!settings.validateOnly || r.validate) && (r.evidence === 'field' || settings.online !== undefined))
  const shared = new Map<string, unknown>([['rule-ids', RULE_IDS]])
  // Each rule once, with its options and its plain outcomes; then each collection's list: a large
  // registry runs over a million rule checks, and an object per outcome was most of the lint's garbage.
  const appliesKinds: Applies[] = [...new Set(rules.map((r) => r.applies))]
  const prepared = rules.map((rule) => ({
    rule,
    /** Index of its `applies` in appliesKinds (and in the per-record answers below). */
    applies: appliesKinds.indexOf(rule.applies),
    options: ruleOptions(rule, settings.config),
    /** Gives evidence for a standard (not value hygiene): never checked on an ended product ([termine-1]). */
    standard: rule.category !== HYGIENE,
    passed: { rule, result: 'passed' } as RuleOutcome,
    failing: { rule, result: 'failing' } as RuleOutcome,
  }))
  const rulesOf = new Map<string, typeof prepared>()
  const sharedValue = <T>(key: string, compute: () => T): T => {
    if (!shared.has(key)) shared.set(key, compute())
    return shared.get(key) as T
  }
  const problems: Problem[] = []
  const out: RecordOutcome[] = []
  // Whether each kind of `applies` concerns the record (0 not known yet, 1 yes, 2 no): computed once per record, the array reused.
  const applies = new Uint8Array(appliesKinds.length)
  // One context and one report list for the whole run, updated for each record and rule: the
  // rules read them during check() only (tens of thousands of rule runs on a real registry).
  const reports: RuleReport[] = []
  const context: RuleContext<unknown> = {
    record: records[0]!,
    records,
    options: undefined,
    asOf: settings.asOf,
    phase: undefined,
    siteUrl: settings.config.siteUrl ?? '',
    online: settings.online,
    shared: sharedValue,
    report: (r) => void reports.push(r),
  }
  for (const record of records) {
    if (settings.only && !settings.only.has(record.file)) continue
    const phase = record.collection === 'startups' ? currentPhase(record.data, settings.asOf)?.name : undefined
    const exemptions = record.data.standards_exemptions === undefined ? NO_EXEMPTIONS : validExemptions(record.data, RULE_IDS, settings.asOf)
    // The exemptions that exempted something (most fiches have none: no set for them).
    const used = exemptions.length === 0 ? undefined : new Set<Exemption>()
    const outcomes: RuleOutcome[] = []
    let misspelt: ReadonlyMap<string, string> | undefined
    applies.fill(0)
    context.record = record
    context.phase = phase
    let collectionRules = rulesOf.get(record.collection)
    if (!collectionRules) rulesOf.set(record.collection, (collectionRules = prepared.filter((p) => p.rule.collections.includes(record.collection))))
    const startup = record.collection === 'startups'
    const ended = phase !== undefined && ENDED_PHASES.has(phase)
    for (const { rule, applies: kind, options, standard, passed, failing } of collectionRules) {
      if (startup) {
        if (ended && standard) continue
        if (applies[kind] === 0) applies[kind] = appliesTo(rule.applies, phase, record.data, settings.asOf) ? 1 : 2
        if (applies[kind] === 2) continue
      }
      if (rule.when && !rule.when(record.data)) continue
      reports.length = 0
      context.options = options
      rule.check(context)
      let checkedAt: string | undefined
      if (rule.evidence === 'online') {
        // An online rule applies only where the online run produced results for this fiche.
        checkedAt = onlineDate(rule, record, settings.online)
        if (checkedAt === undefined) continue
      }
      // Explaining (the build's standards blocks) costs an outcome per check; the lint shares them.
      const explain = settings.explain === true && standard
      if (reports.length === 0) {
        outcomes.push(explain ? { rule, result: 'passed', ...(rule.seen ? { seen: rule.seen(context) } : {}), ...(checkedAt ? { checkedAt } : {}) } : passed)
        continue
      }
      const made = explain ? { reports: [...reports] } : {}
      const exemption = exemptions.length === 0 ? undefined : exemptions.find((e) => e.rule === rule.id)
      if (exemption) {
        used!.add(exemption)
        outcomes.push({ rule, result: 'exempt', exemption, ...(checkedAt ? { checkedAt } : {}), ...made })
        continue
      }
      outcomes.push(checkedAt || explain ? { rule, result: 'failing', ...(checkedAt ? { checkedAt } : {}), ...made } : failing)
      for (const r of reports) {
        // A missing field whose name is misspelt in the fiche: schema/unknown-key says what to rename (one mistake, one diagnostic).
        if (r.path !== undefined && r.path.lastIndexOf('/') === 0 && (misspelt ??= misspeltKeys(record)).has(r.path.slice(1)) && record.data[r.path.slice(1)] === undefined) continue
        problems.push(toProblem(record, rule, r))
      }
    }
    // An exemption from a rule that ran and found nothing exempts nothing.
    if (!settings.validateOnly && settings.config.rules['exemption-invalid'] !== 'off') {
      for (const e of exemptions) {
        if (used!.has(e)) continue
        const rule = rules.find((r) => r.id === e.rule)
        if (rule && outcomes.some((o) => o.rule === rule)) {
          problems.push({ file: record.file, ruleId: 'exemption-invalid', path: `/standards_exemptions/${e.index}`, data: { messageId: 'unused', rule: e.rule } })
        }
      }
    }
    out.push({ record, phase, outcomes })
  }
  return { problems, records: out }
}

function toProblem(record: ParsedRecord, rule: LintRule<any>, r: RuleReport): Problem {
  const p: Problem = { file: record.file, ruleId: rule.id, data: { ...(r.data ?? {}), messageId: r.messageId } }
  if (r.path !== undefined) p.path = r.path
  if (r.target !== undefined) p.target = r.target
  if (r.offset !== undefined) p.offset = r.offset
  if (r.endOffset !== undefined) p.endOffset = r.endOffset
  return p
}

/** The earliest date of the online results this rule reads for this record, or undefined when there are none. */
function onlineDate(rule: LintRule<any>, record: ParsedRecord, online: OnlineResults | undefined): string | undefined {
  if (!online || !rule.targets) return undefined
  const dates = rule.targets(record.data).map((t) => online.get(onlineKey(t))?.checkedAt).filter((d): d is string => d !== undefined)
  return dates.sort()[0]
}
