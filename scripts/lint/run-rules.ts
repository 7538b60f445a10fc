/**
 * Runs the standards rules over the records: phases as of a date, the
 * configured severities and options, the fiches' exemptions. Pure: records
 * and settings in, problems and each record's per-rule outcome out.
 */
import type { RegistryConfig } from '../load/config.ts'
import type { ParsedRecord } from '../load/parse-record.ts'
import type { Problem } from '../report/diagnostic.ts'
import type { Applies, Data, LintRule, RuleReport } from './define-rule.ts'
import { validExemptions, type Exemption } from './exemptions.ts'
import { onlineKey, type OnlineResults } from './online/types.ts'
import { appliesTo, currentPhase } from './phase.ts'
import { LINT_RULES } from './rules/index.ts'

export interface LintSettings {
  config: Pick<RegistryConfig, 'rules' | 'ruleOptions'>
  /** YYYY-MM-DD; undefined when neither HEAD's date nor --as-of is known (time-based rules then stay silent). */
  asOf: string | undefined
  online?: OnlineResults
  /** Only the rules marked `validate` (what `registry validate` reports). */
  validateOnly?: boolean
  rules?: readonly LintRule<any>[]
  /** Only these files are checked (lint --changed); every record still serves as context (canonical spellings). */
  only?: ReadonlySet<string>
}

export type CheckResult = 'passed' | 'failing' | 'exempt'

/** What one applicable rule found for one record. */
export interface RuleOutcome {
  rule: LintRule<any>
  result: CheckResult
  exemption?: Exemption
  /** Online rules: the date of the results read. */
  checkedAt?: string
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

export function ruleOptions<O extends Data>(rule: LintRule<O>, config: LintSettings['config']): O {
  return { ...(rule.options?.defaults ?? ({} as O)), ...((config.ruleOptions?.[rule.id] ?? {}) as Partial<O>) }
}

export function runRules(records: readonly ParsedRecord[], settings: LintSettings): LintResult {
  const rules = (settings.rules ?? LINT_RULES).filter((r) => settings.config.rules[r.id] !== 'off' && (!settings.validateOnly || r.validate) && (r.evidence === 'field' || settings.online !== undefined))
  const shared = new Map<string, unknown>([['rule-ids', RULE_IDS]])
  const options = new Map(rules.map((r) => [r.id, ruleOptions(r, settings.config)]))
  const sharedValue = <T>(key: string, compute: () => T): T => {
    if (!shared.has(key)) shared.set(key, compute())
    return shared.get(key) as T
  }
  const problems: Problem[] = []
  const out: RecordOutcome[] = []
  for (const record of records) {
    if (settings.only && !settings.only.has(record.file)) continue
    const phase = record.collection === 'startups' ? currentPhase(record.data, settings.asOf)?.name : undefined
    const exemptions = validExemptions(record.data, RULE_IDS, settings.asOf)
    const used = new Set<Exemption>()
    const outcomes: RuleOutcome[] = []
    const applies = new Map<Applies, boolean>()
    for (const rule of rules) {
      if (!rule.collections.includes(record.collection)) continue
      if (record.collection === 'startups') {
        let ok = applies.get(rule.applies)
        if (ok === undefined) applies.set(rule.applies, (ok = appliesTo(rule.applies, phase, record.data, settings.asOf)))
        if (!ok) continue
      }
      if (rule.when && !rule.when(record.data)) continue
      const reports: RuleReport[] = []
      rule.check({
        record,
        records,
        options: options.get(rule.id)!,
        asOf: settings.asOf,
        phase,
        online: settings.online,
        shared: sharedValue,
        report: (r) => reports.push(r),
      })
      let checkedAt: string | undefined
      if (rule.evidence === 'online') {
        // An online rule applies only where the online run produced results for this fiche.
        checkedAt = onlineDate(rule, record, settings.online)
        if (checkedAt === undefined) continue
      }
      const exemption = exemptions.find((e) => e.rule === rule.id)
      if (reports.length === 0) {
        outcomes.push({ rule, result: 'passed' })
        continue
      }
      if (exemption) {
        used.add(exemption)
        outcomes.push({ rule, result: 'exempt', exemption, ...(checkedAt ? { checkedAt } : {}) })
        continue
      }
      outcomes.push({ rule, result: 'failing', ...(checkedAt ? { checkedAt } : {}) })
      for (const r of reports) problems.push(toProblem(record, rule, r))
    }
    // An exemption from a rule that ran and found nothing exempts nothing.
    if (!settings.validateOnly && settings.config.rules['exemption-invalid'] !== 'off') {
      for (const e of exemptions) {
        if (used.has(e)) continue
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
  if (r.offset === undefined && r.path !== undefined) {
    const item = /^\/([^/]+)\/(\d+)(?:\/([^/]+))?$/.exec(r.path)
    const span = item
      ? r.target === 'key' ? undefined : itemSpan(record, unescape(item[1]!), Number(item[2]), item[3] === undefined ? undefined : unescape(item[3]))
      : /^\/[^/]+$/.test(r.path) ? topLevelSpan(record, unescape(r.path.slice(1)), r.target) : undefined
    if (span) [p.offset, p.endOffset] = span
  }
  return p
}

const keyLines = new WeakMap<ParsedRecord, Map<string, number>>()

/** Where each top-level `key:` line starts (offsets in the file), found once per record. */
function keyLineStarts(record: ParsedRecord): Map<string, number> {
  let lines = keyLines.get(record)
  if (!lines) {
    lines = new Map()
    const yaml = record.text.slice(record.yamlStart, record.yamlEnd)
    const re = /^([A-Za-z_][\w-]*):(?=[ \t]|$)/gm
    for (let m = re.exec(yaml); m; m = re.exec(yaml)) lines.set(m[1]!, record.yamlStart + m.index)
    keyLines.set(record, lines)
  }
  return lines
}

/**
 * Where a top-level field is, without the re-parse that locating a pointer
 * costs (most standards problems are about top-level fields): a missing field
 * at the opening --- (as finalize places it); a present one from its `key:` line,
 * when the value is a one-line scalar on that line. Undefined: let finalize
 * locate the pointer.
 */
export function topLevelSpan(record: ParsedRecord, key: string, target: 'key' | 'value' | undefined): [number, number] | undefined {
  if (!Object.hasOwn(record.data, key)) {
    const bom = record.text.charCodeAt(0) === 0xfeff ? 1 : 0
    return [bom, bom + 3]
  }
  const start = keyLineStarts(record).get(key)
  if (start === undefined) return undefined
  if (target === 'key') return [start, start + key.length]
  const eol = record.text.indexOf('\n', start)
  const lineEnd = eol === -1 || eol > record.yamlEnd ? record.yamlEnd : eol
  const rest = record.text.slice(start + key.length + 1, lineEnd)
  const lead = rest.length - rest.trimStart().length
  const value = rest.trim()
  // Multi-line, block, flow or commented values: finalize's pointer map knows better.
  if (value === '' || /^[|>[{#&*!]/.test(value) || / #/.test(value)) return undefined
  const next = record.text.charCodeAt(lineEnd + 1)
  if (lineEnd < record.yamlEnd && (next === 0x20 || next === 0x09)) return undefined
  const from = start + key.length + 1 + lead
  return [from, from + value.length]
}

const unescape = (token: string): string => token.replace(/~1/g, '/').replace(/~0/g, '~')

/** A one-line item that needs no parser to be located: plain, or quoted without escapes; no comment, no nesting. */
const SIMPLE_ITEM = /^(?:[^\s'"[\]{}#&*!|>%@`,-][^#,[\]{}]*|"[^"\\]*"|'[^']*')$/

/**
 * Where item `index` of a top-level list is, without a re-parse (the standards
 * rules report list items: usertypes, thematiques, techno): for a block list
 * of one-line items (`key:` then `  - item` lines) or a one-line flow list
 * (`key: [a, b]`). Anything else: undefined, and finalize's pointer map decides.
 */
export function itemSpan(record: ParsedRecord, key: string, index: number, field?: string): [number, number] | undefined {
  const list = record.data[key]
  if (!Array.isArray(list) || index >= list.length) return undefined
  if (field !== undefined) return fieldOfItemSpan(record, key, list, index, field)
  if (typeof list[index] !== 'string') return undefined
  const keyStart = keyLineStarts(record).get(key)
  if (keyStart === undefined) return undefined
  const text = record.text
  const eol = text.indexOf('\n', keyStart)
  const lineEnd = eol === -1 || eol > record.yamlEnd ? record.yamlEnd : eol
  const valueStart = keyStart + key.length + 1
  const value = text.slice(valueStart, lineEnd)
  const trimmed = value.trim()
  if (trimmed.startsWith('[')) {
    if (!/^\[[^[\]{}'"#]*\]$/.test(trimmed)) return undefined
    const open = valueStart + value.indexOf('[')
    const items = trimmed.slice(1, -1).split(',')
    if (items.length !== list.length || items.some((i) => i.trim() === '' || /:(\s|$)/.test(i))) return undefined
    let at = open + 1
    for (let i = 0; i < index; i++) at += items[i]!.length + 1
    const raw = items[index]!
    const from = at + (raw.length - raw.trimStart().length)
    return [from, from + raw.trim().length]
  }
  if (trimmed !== '') return undefined
  // A block list: every line up to the next top-level key is `<indent>- <simple item>`, one item per line.
  let lineStart = lineEnd + 1
  let indent: number | undefined
  const spans: [number, number][] = []
  while (lineStart < record.yamlEnd) {
    const next = text.indexOf('\n', lineStart)
    const end = next === -1 || next > record.yamlEnd ? record.yamlEnd : next
    const line = text.slice(lineStart, end)
    const m = /^( *)- (.*)$/.exec(line)
    if (!m) {
      if (line === '' || /^[ \t#]/.test(line)) return undefined
      break
    }
    if (indent === undefined) indent = m[1]!.length
    if (m[1]!.length !== indent) return undefined
    const item = m[2]!.trimEnd()
    if (!SIMPLE_ITEM.test(item) || /:(\s|$)/.test(item)) return undefined
    const from = lineStart + indent + 2
    spans.push([from, from + item.length])
    lineStart = end + 1
  }
  return spans.length === list.length ? spans[index] : undefined
}

/**
 * A field of an item of a top-level block list of mappings, laid out as fiches
 * are (`phases:`, then `  - name: x` and `    start: 2024-01-01`), each field
 * on its own line with a one-line value. Anything else: undefined.
 */
function fieldOfItemSpan(record: ParsedRecord, key: string, list: unknown[], index: number, field: string): [number, number] | undefined {
  const entry = list[index]
  if (entry === null || typeof entry !== 'object' || Array.isArray(entry) || !Object.hasOwn(entry, field)) return undefined
  const keyStart = keyLineStarts(record).get(key)
  if (keyStart === undefined) return undefined
  const text = record.text
  const eol = text.indexOf('\n', keyStart)
  if (eol === -1 || eol >= record.yamlEnd || text.slice(keyStart + key.length + 1, eol).trim() !== '') return undefined
  let lineStart = eol + 1
  let dash: number | undefined
  let item = -1
  while (lineStart < record.yamlEnd) {
    const next = text.indexOf('\n', lineStart)
    const end = next === -1 || next > record.yamlEnd ? record.yamlEnd : next
    const line = text.slice(lineStart, end)
    const m = /^( *)(- )?([A-Za-z_][\w-]*): (.*)$/.exec(line)
    if (!m) {
      if (line === '' || /^[ \t#-]/.test(line)) return undefined
      break // the next top-level key
    }
    const indent = m[1]!.length
    if (m[2]) {
      if (dash === undefined) dash = indent
      if (indent !== dash) return undefined
      item++
    } else if (dash === undefined || indent !== dash + 2) return undefined
    if (item === index && m[3] === field) {
      const value = m[4]!.trimEnd()
      if (!SIMPLE_ITEM.test(value) || /:(\s|$)/.test(value)) return undefined
      const from = end - m[4]!.length
      return [from, from + value.length]
    }
    lineStart = end + 1
  }
  return undefined
}

/** The earliest date of the online results this rule reads for this record, or undefined when there are none. */
function onlineDate(rule: LintRule<any>, record: ParsedRecord, online: OnlineResults | undefined): string | undefined {
  if (!online || !rule.targets) return undefined
  const dates = rule.targets(record.data).map((t) => online.get(onlineKey(t))?.checkedAt).filter((d): d is string => d !== undefined)
  return dates.sort()[0]
}
