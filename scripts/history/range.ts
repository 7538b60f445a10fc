/**
 * `--since REF|DATE [--until REF|DATE]` → the first-parent commits in between,
 * oldest first. A date (YYYY-MM-DD) is compared with each commit's committer
 * date as git prints it (`%cs`), bounds included; a revision bounds the range
 * as `since..until` does.
 */
import type { RegistryConfig } from '../load/config.ts'
import { git } from './git.ts'
import { collectionFolders } from './history-fields.ts'
import { readLog, type LogCommit } from './log.ts'

export const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/

export class RangeError extends Error {}

async function commitOf(root: string, rev: string, option: string): Promise<string> {
  if (rev.startsWith('-')) throw new RangeError(`${option} : « ${rev} » n'est ni une date AAAA-MM-JJ ni une révision git.`)
  try {
    return (await git(root, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${rev}^{commit}`])).trim()
  } catch {
    throw new RangeError(`${option} : « ${rev} » n'est ni une date AAAA-MM-JJ ni une révision connue du dépôt.`)
  }
}

export async function commitsBetween(root: string, config: RegistryConfig, since: string, until?: string): Promise<LogCommit[]> {
  const sinceDate = DATE.test(since) ? since : undefined
  const untilDate = until !== undefined && DATE.test(until) ? until : undefined
  const from = sinceDate ? undefined : await commitOf(root, since, '--since')
  const to = until === undefined || untilDate ? 'HEAD' : await commitOf(root, until, '--until')
  const commits = await readLog(root, collectionFolders(config), { range: from ? `${from}..${to}` : to, firstParent: true, reverse: true })
  return commits.filter((c) => (!sinceDate || c.date >= sinceDate) && (!untilDate || c.date <= untilDate))
}
