/**
 * `registry changes --since REF|DATE [--until REF|DATE] [--format stylish|markdown|json]`:
 * what happened to the fiches in a period of the git history.
 */
import { changeSets } from '../../history/changes.ts'
import { formatChanges, type ChangesFormat } from '../../history/format-changes.ts'
import { usableHistory } from '../../history/history-fields.ts'
import { commitsBetween, RangeError } from '../../history/range.ts'
import { finalize } from '../../report/finalize.ts'
import { UsageError } from '../io.ts'
import type { Options } from '../main.ts'

export async function changesCommand(options: Options): Promise<number> {
  const { io, lang } = options
  const since = options.since
  if (since === undefined) throw new UsageError(lang === 'fr' ? 'changes demande --since REF|DATE.' : 'changes needs --since REF|DATE.')
  const { problem } = await usableHistory(options.root)
  if (problem) {
    for (const d of finalize([problem], new Map(), options.config, lang)) io.stderr(`${d.message}\n  → ${d.hint} (${d.ruleId})\n`)
    return 2
  }
  let commits
  try {
    commits = await commitsBetween(options.root, options.config, since, options.until)
  } catch (err) {
    if (err instanceof RangeError) throw new UsageError(err.message)
    throw err
  }
  const sets = await changeSets(options.root, options.config, commits)
  io.stdout(formatChanges({ since, until: options.until ?? null, change_sets: sets }, (options.changesFormat ?? 'stylish') as ChangesFormat, lang))
  return 0
}
