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
import { isCalendarDate } from '../validate/formats.ts'

export const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/

export class RangeError extends Error {}

async function commitOf(root: string, rev: string, option: string): Promise<string> {
  if (rev.startsWith('-')) throw new RangeError(`${option} : « ${rev} » n’est ni une date AAAA-MM-JJ ni une révision git.`)
  try {
    return (await git(root, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${rev}^{commit}`])).trim()
  } catch {
    throw new RangeError(`${option} : « ${rev} » n’est ni une date AAAA-MM-JJ ni une révision connue du dépôt.`)
  }
}

/** A date that has the shape but not the calendar (2024-02-30) is a mistake, not a revision. */
function checkDate(value: string, option: string): void {
  if (!isCalendarDate(value)) throw new RangeError(`${option} : la date « ${value} » n’existe pas dans le calendrier.`)
}

/** The committer date (YYYY-MM-DD, as %cs prints it) of a commit. */
async function dateOf(root: string, commit: string): Promise<string> {
  return (await git(root, ['log', '-1', '--format=%cs', commit])).trim()
}

/** Whether `a` is an ancestor of `b` (or the same commit). */
async function isAncestor(root: string, a: string, b: string): Promise<boolean> {
  return git(root, ['merge-base', '--is-ancestor', a, b]).then(
    () => true,
    () => false,
  )
}

/**
 * A period that ends before it starts is refused (it would silently print « no change »):
 * two dates in the wrong order, a --until commit older than --since's, or a date on the
 * wrong side of a commit.
 */
async function checkOrder(root: string, since: { date?: string; commit?: string; text: string }, until: { date?: string; commit?: string; text: string }): Promise<void> {
  const reversed = () => new RangeError(`--since (« ${since.text} ») est après --until (« ${until.text} ») : la période est à l’envers. Échangez les deux valeurs.`)
  if (since.commit && until.commit) {
    if (since.commit !== until.commit && !(await isAncestor(root, since.commit, until.commit)) && (await isAncestor(root, until.commit, since.commit))) throw reversed()
    return
  }
  const start = since.date ?? (since.commit ? await dateOf(root, since.commit) : undefined)
  const end = until.date ?? (until.commit ? await dateOf(root, until.commit) : undefined)
  if (start !== undefined && end !== undefined && start > end) throw reversed()
}

export async function commitsBetween(root: string, config: RegistryConfig, since: string, until?: string): Promise<LogCommit[]> {
  const sinceDate = DATE.test(since) ? since : undefined
  const untilDate = until !== undefined && DATE.test(until) ? until : undefined
  if (sinceDate) checkDate(sinceDate, '--since')
  if (untilDate) checkDate(untilDate, '--until')
  const from = sinceDate ? undefined : await commitOf(root, since, '--since')
  const to = until === undefined || untilDate ? 'HEAD' : await commitOf(root, until, '--until')
  if (until !== undefined) await checkOrder(root, { date: sinceDate, commit: from, text: since }, { date: untilDate, commit: untilDate ? undefined : to, text: until })
  const commits = await readLog(root, collectionFolders(config), { range: from ? `${from}..${to}` : to, firstParent: true, reverse: true })
  return commits.filter((c) => (!sinceDate || c.date >= sinceDate) && (!untilDate || c.date <= untilDate))
}
