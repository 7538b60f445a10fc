/**
 * `lint --changed --new-only` and the pull-request report's lint section: the
 * changed fiches linted at HEAD and as they were at the comparison commit
 * (read from git, parsed and linted the same way, same as-of date, the rest
 * of the registry as context in both), then compared per fiche and rule like
 * the ratchet compares with its baseline. A fiche added by the change has no
 * base version: all its warnings are new. A deleted fiche has no warnings at
 * HEAD: nothing new, and its old warnings are not counted as fixed.
 */
import { existsSync } from 'node:fs'
import path from 'node:path'
import { filesAt } from '../git/show-files.ts'
import type { RegistryConfig } from '../load/config.ts'
import type { ParsedRecord } from '../load/parse-record.ts'
import { idFromName } from '../load/read-records.ts'
import type { OnlineResults } from './online/types.ts'
import type { Diagnostic, Lang } from '../report/diagnostic.ts'
import { collectionOf } from '../validate/changed-scope.ts'
import { parseSources } from '../validate/validate-registry.ts'
import { baselineOf, newDiagnostics } from './baseline.ts'
import { lintRecords } from './lint-registry.ts'
import type { RecordOutcome } from './run-rules.ts'

export interface ChangedLint {
  /** Changed fiches present at HEAD (modified or added). */
  fiches: string[]
  /** Changed fiches with no version at the comparison commit. */
  added: string[]
  /** Changed fiches no longer at HEAD. */
  deleted: string[]
  head: { diagnostics: Diagnostic[]; records: RecordOutcome[] }
  base: { diagnostics: Diagnostic[]; records: RecordOutcome[] }
  /** Warnings the change introduces (per fiche and rule, beyond the base's count). */
  introduced: Diagnostic[]
  /** Warnings of the base version that HEAD no longer has (deleted fiches excepted). */
  fixed: Diagnostic[]
}

/**
 * `changed`: registry-relative paths from `changedFiles`; `records`: HEAD's
 * parsed records; `commit`: the comparison commit (see `comparisonCommit`).
 */
export async function lintChanged(root: string, config: RegistryConfig, lang: Lang, asOf: string | undefined, records: readonly ParsedRecord[], changed: readonly string[], commit: string, online?: OnlineResults): Promise<ChangedLint> {
  const atHead = new Set(records.map((r) => r.file))
  const candidates = changed.filter((f) => collectionOf(f, config) !== undefined)
  const fiches = candidates.filter((f) => atHead.has(f))
  const texts = await filesAt(root, commit, candidates, config.limits.maxFileBytes)
  const sources = [...texts].map(([file, text]) => ({ file, collection: collectionOf(file, config)!, id: idFromName(path.posix.basename(file)), text }))
  const baseRecords = parseSources(sources, config).records
  const touched = new Set(candidates)
  // The base registry as far as these fiches are concerned: HEAD's other records, the changed ones as they were.
  const context = [...records.filter((r) => !touched.has(r.file)), ...baseRecords]
  const only = new Set(fiches)
  const head = lintRecords(records, config, lang, asOf, online, only)
  const base = lintRecords(context, config, lang, asOf, online, new Set(baseRecords.map((r) => r.file).filter((f) => only.has(f))))
  return {
    fiches,
    added: fiches.filter((f) => !texts.has(f)),
    deleted: candidates.filter((f) => !existsSync(path.join(root, f))),
    head,
    base,
    introduced: newDiagnostics(head.diagnostics, baselineOf(base.diagnostics)),
    fixed: newDiagnostics(base.diagnostics, baselineOf(head.diagnostics)),
  }
}
