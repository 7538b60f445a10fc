/**
 * The as-of date of a registry: the commit date of its HEAD (YYYY-MM-DD, in
 * the committer's time zone), so that the same commit always gives the same
 * time-based warnings. Null outside a git work tree or without commits.
 */
import { execFile } from 'node:child_process'
import { existsSync } from 'node:fs'
import path from 'node:path'
import { promisify } from 'node:util'

export async function headDate(root: string, env: NodeJS.ProcessEnv = process.env): Promise<string | null> {
  // Outside any repository git could find, the answer is null without starting it: a process
  // started from the command (or from a test worker of several hundred MB) costs more than the stats.
  if (!mayBeInRepository(root, env)) return null
  try {
    const { stdout } = await promisify(execFile)('git', ['-C', root, 'log', '-1', '--format=%cI', 'HEAD'], { timeout: 10_000, env })
    const date = stdout.trim().slice(0, 10)
    return /^\d{4}-\d{2}-\d{2}$/.test(date) ? date : null
  } catch {
    return null
  }
}

/**
 * False only where git cannot find a repository from `root`: no `.git` (folder or file) in it or
 * any of its parents, none of them a git folder itself (a bare repository: HEAD and objects), and
 * no GIT_DIR or GIT_WORK_TREE in the environment. Anything else (true) is left to git to decide;
 * GIT_CEILING_DIRECTORIES and the like only ever make git find less.
 */
export function mayBeInRepository(root: string, env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.GIT_DIR !== undefined || env.GIT_WORK_TREE !== undefined) return true
  for (let dir = path.resolve(root); ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, '.git')) || (existsSync(path.join(dir, 'HEAD')) && existsSync(path.join(dir, 'objects')))) return true
    if (path.dirname(dir) === dir) return false
  }
}
