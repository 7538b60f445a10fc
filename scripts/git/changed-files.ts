/**
 * The fiches a change touches, for `validate --changed`: what differs between
 * the merge base of `base` and HEAD (committed), plus what `git status` sees
 * in the work tree (staged, unstaged, untracked). Paths are relative to the
 * registry's root. Two git calls, one walk of the work tree: on 50k fiches the
 * walk is most of the cost. Runs git; never the network. Each file also says whether
 * it was only modified in place (validate --changed then need not list its folder).
 */
import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { UsageError } from '../errors.ts'

const run = promisify(execFile)

async function git(root: string, args: string[]): Promise<string> {
  const { stdout } = await run('git', ['-C', root, ...args], { maxBuffer: 1 << 28, timeout: 60_000 })
  return stdout
}

/** `git status --porcelain -z` entries → paths (both sides of a rename, untracked included). */
export function statusPaths(output: string): string[] {
  return statusChanges(output).map((c) => c.file)
}

/**
 * A changed file, and whether git sees it as modified in place: present before and after,
 * the same kind of file, only its content changed (status M). Anything else (added,
 * untracked, deleted, renamed, copied, a type change, a conflict) is not.
 */
export interface ChangedFile {
  file: string
  modified: boolean
}

/** `git status --porcelain -z` entries → changed files (both sides of a rename, untracked included). */
export function statusChanges(output: string): ChangedFile[] {
  const fields = output.split('\0')
  const changes: ChangedFile[] = []
  for (let i = 0; i < fields.length; i++) {
    const entry = fields[i]!
    if (entry.length < 4) continue
    // XY: the index's status, then the work tree's; ' ' unchanged, 'M' modified.
    const modified = /^[ M][ M]$/.test(entry.slice(0, 2))
    changes.push({ file: entry.slice(3), modified })
    // A rename or copy is followed by its source path.
    if (entry[0] === 'R' || entry[0] === 'C') changes.push({ file: fields[++i]!, modified: false })
  }
  return changes
}

/** `git diff --name-status -z` output (status, path, status, path…) → changed files. */
export function diffChanges(output: string): ChangedFile[] {
  const fields = output.split('\0')
  const changes: ChangedFile[] = []
  for (let i = 0; i + 1 < fields.length; i += 2) {
    const status = fields[i]!
    if (status === '') break
    // With --no-renames, R and C do not appear; were they to, their second path would follow.
    if (status[0] === 'R' || status[0] === 'C') {
      changes.push({ file: fields[i + 1]!, modified: false }, { file: fields[i + 2]!, modified: false })
      i++
      continue
    }
    changes.push({ file: fields[i + 1]!, modified: status === 'M' })
  }
  return changes
}

/** The paths of the files a change touches (see changes). */
export async function changedFiles(root: string, base: string): Promise<string[]> {
  return (await changes(root, base)).map((c) => c.file)
}

/**
 * The files a change touches, sorted by path, each modified in place only if every git
 * answer that lists it says so (committed since the merge base, staged, in the work tree).
 */
export async function changes(root: string, base: string): Promise<ChangedFile[]> {
  // The work tree's status does not depend on the revisions: it runs meanwhile (the slowest call
  // in a large registry). Its failure is reported after the checks below, which explain it better.
  const statusOutput = git(root, ['status', '--porcelain', '-z', '--untracked-files=all', '--no-renames', '--', '.'])
  statusOutput.catch(() => {})
  let prefix: string
  let head: string
  try {
    ;[prefix, head] = (await git(root, ['rev-parse', '--show-prefix', 'HEAD'])).split('\n').map((l) => l.trim()) as [string, string]
  } catch {
    // Not a repository, or one without a commit yet (then the base is missing, said below).
    const inRepository = await git(root, ['rev-parse', '--show-prefix']).then(
      () => true,
      () => false,
    )
    if (!inRepository) throw new UsageError(`--changed demande un dépôt git : ${root} n’en est pas un.`)
    throw new UsageError(`--base : la révision « ${base} » est introuvable dans le dépôt.`)
  }
  // HEAD (the default base) is the commit just found: its merge base with itself is itself.
  if (base !== 'HEAD') {
    try {
      await git(root, ['rev-parse', '--verify', '--quiet', `${base}^{commit}`])
    } catch {
      throw new UsageError(`--base : la révision « ${base} » est introuvable dans le dépôt.`)
    }
  }
  const mergeBase = base === 'HEAD' ? head : (await git(root, ['merge-base', base, 'HEAD']).catch(() => base)).trim() || base
  // Tree against tree: no work tree walk.
  const committed = mergeBase === head ? [] : diffChanges(await git(root, ['diff', '--name-status', '--no-renames', '--relative', '-z', mergeBase, 'HEAD', '--']))
  // Paths in porcelain output are relative to the repository's top: keep this registry's, relative to it.
  const status = statusChanges(await statusOutput)
    .filter((c) => c.file.startsWith(prefix))
    .map((c) => ({ file: c.file.slice(prefix.length), modified: c.modified }))
  const byFile = new Map<string, boolean>()
  for (const { file, modified } of [...committed, ...status]) {
    if (file !== '') byFile.set(file, (byFile.get(file) ?? true) && modified)
  }
  return [...byFile].map(([file, modified]) => ({ file, modified })).sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0))
}
