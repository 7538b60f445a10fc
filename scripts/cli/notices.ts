/**
 * Notices about the registry as a whole (no history, say), worded by finalize
 * like any diagnostic and printed on stderr: they never change the exit code.
 */
import type { Problem } from '../report/diagnostic.ts'
import { finalize } from '../report/finalize.ts'
import type { Options } from './main.ts'

export function printNotices(problems: readonly Problem[], options: Pick<Options, 'config' | 'lang' | 'io'>): void {
  for (const d of finalize(problems, new Map(), options.config, options.lang)) options.io.stderr(`${d.message}\n  → ${d.hint} (${d.ruleId})\n`)
}
