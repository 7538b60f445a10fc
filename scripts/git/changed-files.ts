/**
 * The fiches a change touches, for `validate --changed`: everything that
 * differs between the merge base of `base` and HEAD and the work tree
 * (committed, staged or not), plus untracked files. Paths are relative to
 * the registry's root. Runs git; never the network.
 */
import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { UsageError } from '../cli/io.ts'

const run = promisify(execFile)

async function git(root: string, args: string[]): Promise<string> {
  const { stdout } = await run('git', ['-C', root, ...args], { maxBuffer: 1 << 28, timeout: 60_000 })
  return stdout
}

export async function changedFiles(root: string, base: string): Promise<string[]> {
  try {
    await git(root, ['rev-parse', '--is-inside-work-tree'])
  } catch {
    throw new UsageError(`--changed demande un dépôt git : ${root} n'en est pas un.`)
  }
  try {
    await git(root, ['rev-parse', '--verify', '--quiet', `${base}^{commit}`])
  } catch {
    throw new UsageError(`--base : la révision « ${base} » est introuvable dans le dépôt.`)
  }
  const mergeBase = (await git(root, ['merge-base', base, 'HEAD']).catch(() => base)).trim() || base
  const diff = await git(root, ['diff', '--name-only', '--no-renames', '--relative', '-z', mergeBase, '--'])
  const untracked = await git(root, ['ls-files', '--others', '--exclude-standard', '-z'])
  return [...new Set([...diff.split('\0'), ...untracked.split('\0')].filter(Boolean))].sort()
}
