/**
 * Notices about the registry as a whole (no history, say), worded like any
 * diagnostic by the API and printed on stderr: they never change the exit code.
 */
import type { Diagnostic } from '../report/diagnostic.ts'
import type { Io } from './io.ts'

export function printNotices(notices: readonly Diagnostic[], io: Pick<Io, 'stderr'>): void {
  for (const d of notices) io.stderr(`${d.message}\n  → ${d.hint} (${d.ruleId})\n`)
}
