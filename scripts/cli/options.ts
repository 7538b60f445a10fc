/**
 * What the command line hands each command once its arguments are read and
 * checked (main.ts): the registry, its configuration, the output's format and
 * language, and the options of each command.
 */
import type { RegistryConfig } from '../registry/config.ts'
import type { ChangedFile } from '../registry/changed.ts'
import type { Lang } from '../report/diagnostic.ts'
import type { FormatName } from '../report/formatters/names.ts'
import type { Io } from './io.ts'

export interface Options {
  root: string
  config: RegistryConfig
  format: FormatName
  lang: Lang
  strict: boolean
  out: string
  /** validate --changed: the git revision to compare with. */
  changed?: string
  /** validate --changed: what git says changed, asked as soon as the arguments were read (see main). */
  changes?: Promise<ChangedFile[]>
  /** --max-warnings N: more warnings than N fail (exit 1); validate and lint. */
  maxWarnings?: number
  /** --quiet: print errors only; validate and lint. */
  quiet?: boolean
  /** new: --title, --incubator, --phase. */
  newFiche?: { title?: string; incubator?: string; phase?: string }
  /** fix --dry-run: show the fixes, write nothing. */
  dryRun?: boolean
  /** --as-of YYYY-MM-DD: the date for phase-aware and time-based standards rules (default: HEAD's commit date). */
  asOf?: string
  /** lint only */
  lint?: LintFlags
  /** changes: the period, and its own formats (stylish, markdown, json). */
  since?: string
  until?: string
  changesFormat?: string
  io: Io
  /** Whether the output may use ANSI colours (--color/--no-color, FORCE_COLOR, NO_COLOR, TERM=dumb, a terminal). */
  color: boolean
  /** The command's own arguments (new startup <id>, propose <file>). */
  args: string[]
  /** --base REV given without --changed: validate annotates the fiches changed since REV first; report compares with it. */
  base?: string
  /** report: the pull request to comment on. */
  pr?: number
  /** report, propose: OWNER/NAME on GitHub. */
  repo?: string
  /** report: also write the report's data to this file (--output-json). */
  outputJson?: string
  /** report --pr: post the report of this data file instead of computing it (the comment workflow). */
  data?: string
  /** evidence: the files of a run (--out, --previous), or the file to publish (--publish), read back (--fetch) or notify about (--notify). */
  evidence?: EvidenceFlags
  /** build --evidence FILE: the online evidence to publish and show on the site. */
  evidenceFile?: string
}

export interface EvidenceFlags {
  out?: string
  previous?: string
  publish?: string
  notify?: string
  fetch?: string
  /** --publish, --fetch: the branch that keeps the evidence (default: evidence). */
  branch?: string
}

export interface LintFlags {
  online: boolean
  suppressAll: boolean
  pruneSuppressions: boolean
  failOnNew: boolean
  /** --new-only (with --changed): only the warnings the change introduces, compared with each fiche at the base. */
  newOnly?: boolean
  /** --suppressions FILE (default: <root>/registry-suppressions.json). */
  suppressions?: string
}
