/**
 * `registry changes --since REF|DATE [--until REF|DATE] [--format stylish|markdown|json]`:
 * what happened to the fiches in a period of the git history.
 */
import { changes, formatChanges, type ChangesFormat } from '../../registry/history.ts'
import { printNotices } from '../notices.ts'
import { UsageError } from '../io.ts'
import type { Options } from '../options.ts'

export async function changesCommand(options: Options): Promise<number> {
  const { io, lang } = options
  const since = options.since
  if (since === undefined) throw new UsageError(lang === 'fr' ? 'changes demande --since REF|DATE.' : 'changes needs --since REF|DATE.')
  const { report, notices } = await changes({ root: options.root, config: options.config, lang, since, until: options.until })
  // No usable history: said once, exit code 2.
  printNotices(notices, io)
  if (!report) return 2
  io.stdout(formatChanges(report, (options.changesFormat ?? 'stylish') as ChangesFormat, lang))
  return 0
}
