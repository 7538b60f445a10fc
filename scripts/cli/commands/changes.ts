/**
 * `registry changes --since REF|DATE [--until REF|DATE] [--format stylish|markdown|json]`:
 * what happened to the fiches in a period of the git history.
 */
import { changeSets } from '../../history/changes.ts'
import { formatChanges, type ChangesFormat } from '../../history/format-changes.ts'
import { gitProblem, usableHistory } from '../../history/history-fields.ts'
import { GitError } from '../../history/git.ts'
import { commitsBetween, RangeError } from '../../history/range.ts'
import { printNotices } from '../notices.ts'
import { UsageError } from '../io.ts'
import type { Options } from '../main.ts'

export async function changesCommand(options: Options): Promise<number> {
  const { io, lang } = options
  const since = options.since
  if (since === undefined) throw new UsageError(lang === 'fr' ? 'changes demande --since REF|DATE.' : 'changes needs --since REF|DATE.')
  const { problem } = await usableHistory(options.root)
  if (problem) {
    printNotices([problem], options)
    return 2
  }
  let sets
  try {
    sets = await changeSets(options.root, options.config, await commitsBetween(options.root, options.config, since, options.until))
  } catch (err) {
    if (err instanceof RangeError) throw new UsageError(err.message)
    if (!(err instanceof GitError)) throw err
    printNotices([gitProblem(err)], options)
    return 2
  }
  io.stdout(formatChanges({ since, until: options.until ?? null, change_sets: sets }, (options.changesFormat ?? 'stylish') as ChangesFormat, lang))
  return 0
}
