/**
 * One pass over the history: `git log -z -M --raw` over the registry's
 * collection folders, parsed into commits with, for each fiche they touch,
 * the status, the path (both paths of a rename) and the blob ids before and
 * after. Paths are relative to the registry's root (`--relative`).
 */
import { git } from './git.ts'

export type ChangeStatus = 'A' | 'M' | 'D' | 'R' | 'T'

export interface FileChange {
  status: ChangeStatus
  path: string
  /** For a rename: the path before. */
  from?: string
  /** Blob ids before (absent for an addition) and after (absent for a deletion). */
  before?: string
  after?: string
}

export interface LogCommit {
  id: string
  /** The committer date, YYYY-MM-DD as recorded (what `git log --format=%cs` says). */
  date: string
  /** The committer time, seconds since the epoch. */
  time: number
  /** The committer time in ISO 8601 with its offset. */
  iso: string
  author: string
  subject: string
  changes: FileChange[]
}

const NULL_BLOB = /^0+$/

/** Parses `git log -z --raw --no-abbrev --format=%x01%H%x00%cs%x00%ct%x00%cI%x00%an%x00%s` (with -M). */
export function parseLog(output: string): LogCommit[] {
  const commits: LogCommit[] = []
  for (const chunk of output.split('\x01')) {
    if (chunk === '') continue
    const fields = chunk.split('\0')
    const [id, date, time, iso, author, subject] = fields as [string, string, string, string, string, string]
    const changes: FileChange[] = []
    let i = 6
    while (i < fields.length) {
      const meta = fields[i++]!.replace(/^\n/, '')
      if (!meta.startsWith(':')) continue
      const [, , before, after, status] = meta.slice(1).split(' ') as [string, string, string, string, string]
      const kind = status[0] as ChangeStatus | 'C'
      const change: FileChange = { status: kind === 'C' ? 'A' : kind, path: '' }
      if (!NULL_BLOB.test(before) && kind !== 'A' && kind !== 'C') change.before = before
      if (!NULL_BLOB.test(after) && kind !== 'D') change.after = after
      if (kind === 'R' || kind === 'C') {
        const from = fields[i++]!
        if (kind === 'R') change.from = from
      }
      change.path = fields[i++]!
      changes.push(change)
    }
    commits.push({ id, date, time: Number(time), iso, author, subject, changes })
  }
  return commits
}

export const LOG_FORMAT = '--format=%x01%H%x00%cs%x00%ct%x00%cI%x00%an%x00%s%x00'

export interface LogOptions {
  /** A revision range (`a..b`) or a revision; default HEAD. */
  range?: string
  /** Linear history of the first parents, merges diffed against their first parent (change reports, trends). */
  firstParent?: boolean
  reverse?: boolean
}

/** The registry's history, newest first (or oldest first with `reverse`), in one git process. */
export async function readLog(root: string, folders: readonly string[], options: LogOptions = {}): Promise<LogCommit[]> {
  const args = ['log', '-z', '-M', '--raw', '--no-abbrev', '--relative', '--no-color', '--no-ext-diff', '--no-textconv', LOG_FORMAT]
  if (options.firstParent) args.push('--first-parent', '--diff-merges=first-parent')
  if (options.reverse) args.push('--reverse')
  args.push(options.range ?? 'HEAD', '--', ...folders)
  return parseLog(await git(root, args))
}
