/**
 * The fiches a change touches, for `validate --changed`: what differs between
 * the merge base of `base` and HEAD (committed), plus what `git status` sees
 * in the work tree (staged, unstaged, untracked). Paths are relative to the
 * registry's root. Two git calls, one walk of the work tree: on 50k fiches the
 * walk is most of the cost. Runs git; never the network.
 */
import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { UsageError } from '../cli/io.ts'

const run = promisify(execFile)

async function git(root: string, args: string[]): Promise<string> {
  const { stdout } = await run('git', ['-C', root, ...args], { maxBuffer: 1 << 28, timeout: 60_000 })
  return stdout
}

/** `git status --porcelain -z` entries → paths (both sides of a rename, untracked included). */
export function statusPaths(output: string): string[] {
  const fields = output.split('\0')
  const paths: string[] = []
  for (let i = 0; i < fields.length; i++) {
    const entry = fields[i]!
    if (entry.length < 4) continue
    paths.push(entry.slice(3))
    // A rename or copy is followed by its source path.
    if (entry[0] === 'R' || entry[0] === 'C') paths.push(fields[++i]!)
  }
  return paths
}

export async function changedFiles(root: string, base: string): Promise<string[]> {
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
    if (!inRepository) throw new UsageError(`--changed demande un dépôt git : ${root} n'en est pas un.`)
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
  const committed = mergeBase === head ? '' : await git(root, ['diff', '--name-only', '--no-renames', '--relative', '-z', mergeBase, 'HEAD', '--'])
  // Paths in porcelain output are relative to the repository's top: keep this registry's, relative to it.
  const status = statusPaths(await statusOutput)
    .filter((p) => p.startsWith(prefix))
    .map((p) => p.slice(prefix.length))
  return [...new Set([...committed.split('\0'), ...status].filter(Boolean))].sort()
}
