/**
 * What a standards lint rule is. One rule per file in `rules/`, registered in
 * `rules/index.ts`. A rule is pure: it reads the record (and, for online
 * evidence, results an online run produced) and reports problems with a JSON
 * Pointer; the runner applies phases, configuration and exemptions.
 */
import type { Collection } from '../load/config.ts'
import type { ParsedRecord } from '../load/parse-record.ts'
import type { Severity } from '../report/diagnostic.ts'
import type { Category, HYGIENE } from './catalogue.ts'
import type { OnlineResults, OnlineTarget } from './online/types.ts'

export type Data = Record<string, unknown>

export interface RuleWords {
  message: (d: Data) => string
  hint: (d: Data) => string
}

/**
 * Where in a product's life a rule applies (the programme's own wording):
 * - `always`: every record, whatever its phase (value hygiene, phases);
 * - `active`: not ended (investigation to opere, or no known phase);
 * - `construction`: "dès la construction" (construction, acceleration, consolidation, opere);
 * - `incubation`: investigation, construction, acceleration, consolidation (not opere: out of incubation);
 * - `live`: "dès la mise en ligne": from acceleration on, or in construction once
 *   the fiche shows it online (a link, or a product_launch event dated after construction started, on
 *   or before the as-of date: phase.ts, liveEvidence);
 * - `acceleration`: "fin de construction" / "pendant l’accélération" (acceleration, consolidation, opere).
 * Ended products (transfere, abandon, abandon-investigation) only get the value hygiene rules, which
 * apply `always`: no standards check is run or recorded for them (run-rules.ts; docs/standards.md,
 * [termine-1]).
 */
export type Applies = 'always' | 'active' | 'incubation' | 'construction' | 'live' | 'acceleration'

export type Evidence = 'field' | 'online'

/** A small JSON Schema subset for rule options (checked by `lint/options.ts`). */
export interface OptionSchema {
  type: 'integer' | 'number' | 'string' | 'boolean' | 'array'
  minimum?: number
  items?: { type: 'string' }
  description: string
}

export interface RuleContext<O> {
  record: ParsedRecord
  /** Every record of the registry, read-only. */
  records: readonly ParsedRecord[]
  options: O
  /** The as-of date (YYYY-MM-DD): HEAD's commit date or --as-of; undefined when neither is known. */
  asOf: string | undefined
  /** The current phase as of `asOf` (undefined when the fiche has none). */
  phase: string | undefined
  /** Results of an online run, when there was one. */
  online: OnlineResults | undefined
  /** The registry's public site (configuration's siteUrl, without a trailing slash; '' when none). */
  siteUrl: string
  /** A value computed once per lint run and shared by every record (registry-wide indexes). */
  shared<T>(key: string, compute: () => T): T
  report(problem: RuleReport): void
}

export interface RuleReport {
  messageId: string
  /** JSON Pointer into the front matter; for a missing field, the field's pointer (the diagnostic points at the opening ---). */
  path?: string
  target?: 'key' | 'value'
  /** Absolute offsets in the file, for problems in the body. */
  offset?: number
  endOffset?: number
  data?: Data
}

/** The evidence a passed check saw, by kind (a key of the rule's `seenWords`), with the values its words need. */
export interface Seen {
  messageId: string
  data?: Data
}

/** Words for what a check saw, in French and English: one sentence each. */
export interface SeenWords {
  fr: (d: Data) => string
  en: (d: Data) => string
}

export interface LintRule<O extends Data = Data> {
  /** kebab-case, the file's name. */
  id: string
  /** One line, in French, for the references. */
  description: string
  /** The catalogue ids this rule gives evidence for; empty for value hygiene. */
  standards: readonly string[]
  category: Category | typeof HYGIENE
  collections: readonly Collection[]
  applies: Applies
  evidence: Evidence
  severity: Severity
  /** Also reported by `registry validate` (the fields the schema used to require, and the open source obligation). */
  validate?: boolean
  messages: Record<string, { fr: RuleWords; en: RuleWords }>
  /**
   * Standards rules: what the check saw when it passed, in words (the feed's `explanation` of each
   * check, docs/standards.md [preuve-3]); called only for a passed check when the feed is built, so
   * the lint itself pays nothing for it. A failing check is explained by its reports' messages.
   */
  seen?(ctx: RuleContext<O>): Seen
  seenWords?: Record<string, SeenWords>
  options?: { schema: Record<keyof O & string, OptionSchema>; defaults: O }
  /** The rule's documentation, in French markdown: why it exists and how to fix a report. */
  docs: string
  /** When given, the rule applies only to fiches for which this is true (a rule about a field's value, when the field is there). */
  when?(data: Record<string, unknown>): boolean
  /** Online rules: what the rule reads results for in this fiche (the online run checks these). */
  targets?(data: Record<string, unknown>): OnlineTarget[]
  /**
   * The fields of the other fiches that check() reads through `ctx.records` (a registry-wide index,
   * such as the usual spelling of a thématique): all the editor ships of the registry's fiches
   * besides their names (lint/registry-summary.ts). A rule that reads another field of
   * them must list it, or the editor's checks would differ from the command's (which a test compares).
   */
  registryFields?: readonly string[]
  check(ctx: RuleContext<O>): void
}

/** What a rule file writes: `collections` defaults to startups, `evidence` to field, `severity` to warning. */
export type RuleDefinition<O extends Data> = Omit<LintRule<O>, 'collections' | 'evidence' | 'severity'> & Partial<Pick<LintRule<O>, 'collections' | 'evidence' | 'severity'>>

export function defineRule<O extends Data = Data>(rule: RuleDefinition<O>): LintRule<O> {
  return { collections: ['startups'], evidence: 'field', severity: 'warning', ...rule }
}
